/* codebook_write.c - the codebook of a wave's questionnaire as Markdown,
 * HTML or JSON (samen_codebook_write in samen/interchange.h), and the
 * entry texts shared with the Excel export (io/codebook/codebook_private.h).
 *
 * Rules:
 *  1. Sections and questions in instrument order; per question its id,
 *     type, text, routing condition and whether it follows the consent
 *     gate; per variable its name, label, valid answers, non-substantive
 *     (user-missing) codes and measurement level; then the scales.
 *  2. Texts keep their placeholders as {name}; the codebook lists what each
 *     placeholder reads per situation (JSON also gives each question's text
 *     per situation).
 *  3. Everything from the instrument is escaped for the output: HTML
 *     (& < > " '), Markdown (backslash before the punctuation Markdown
 *     acts on; line breaks become blanks), JSON (cJSON).
 *  4. Measurement levels as in the SPSS export: nominal for consent,
 *     single, tick-all and text; ordinal for grid and rating; scale for
 *     number.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/codebook/codebook_private.h"
#include "samen/interchange.h"
#include "util/text.h"

#define TEXT_MAX (64u * 1024u)
#define MAX_PLACEHOLDERS 32

/* ---- entry texts (codebook_private.h) ------------------------------------- */

const char *codebook_pick(const char *nl, const char *en, bool english)
{
    return english && en != NULL ? en : (nl != NULL ? nl : "");
}

const char *codebook_measure(samen_qtype t, bool en)
{
    switch (t) { /* rule 4 */
    case SAMEN_Q_GRID:
    case SAMEN_Q_RATING: return en ? "ordinal" : "ordinaal";
    case SAMEN_Q_NUMBER: return en ? "scale" : "schaal";
    default: return en ? "nominal" : "nominaal";
    }
}

static samen_status put_code(buf *out, double code, const char *label)
{
    return buf_printf(out, "%g = %s", code, label);
}

samen_status codebook_values(const samen_instrument *inst, size_t var, bool en, buf *out)
{
    const samen_var_info *v = samen_instrument_var(inst, var);
    switch (v->type) {
    case SAMEN_Q_TEXT:
        return buf_printf(out, en ? "text, at most %zu characters" : "tekst, hoogstens %zu tekens",
                          v->max_length);
    case SAMEN_Q_MULTI:
        return buf_append_str(out, en ? "0 = Not ticked; 1 = Ticked"
                                      : "0 = Niet aangekruist; 1 = Aangekruist");
    case SAMEN_Q_NUMBER: {
        samen_status st = buf_printf(out, "%g..%g", v->min, v->max);
        if (st == SAMEN_OK && v->integer)
            st = buf_append_str(out, en ? ", whole numbers" : ", gehele getallen");
        return st;
    }
    default: break;
    }
    samen_status st = SAMEN_OK;
    bool any = false;
    if (v->has_range)
        st = buf_printf(out, "%g..%g", v->min, v->max);
    for (size_t i = 0; i < v->noptions && st == SAMEN_OK; i++) {
        const samen_answer_option *o = &v->options[i];
        if (o->nonsubstantive)
            continue;
        if (v->has_range)
            st = buf_append_str(out, any ? "; " : " (");
        else if (any)
            st = buf_append_str(out, "; ");
        if (st == SAMEN_OK)
            st = put_code(out, o->code, codebook_pick(o->label_nl, o->label_en, en));
        any = true;
    }
    if (st == SAMEN_OK && v->has_range && any)
        st = buf_append_char(out, ')');
    return st;
}

samen_status codebook_missing(const samen_instrument *inst, size_t var, bool en, buf *out)
{
    const samen_var_info *v = samen_instrument_var(inst, var);
    samen_status st = SAMEN_OK;
    bool any = false;
    for (size_t i = 0; i < v->noptions && st == SAMEN_OK; i++) {
        const samen_answer_option *o = &v->options[i];
        if (!o->nonsubstantive)
            continue;
        if (any)
            st = buf_append_str(out, "; ");
        if (st == SAMEN_OK)
            st = put_code(out, o->code, codebook_pick(o->label_nl, o->label_en, en));
        any = true;
    }
    return st;
}

static samen_status put_condition(buf *out, const char *cond, bool wrap)
{
    bool paren = wrap && strstr(cond, " or ") != NULL;
    return buf_printf(out, paren ? "(%s)" : "%s", cond);
}

samen_status codebook_routing(const samen_instrument *inst, size_t q, buf *out)
{
    const samen_question_info *qi = samen_instrument_question(inst, q);
    bool both = qi->section_when != NULL && qi->when != NULL;
    samen_status st = SAMEN_OK;
    if (qi->section_when != NULL)
        st = put_condition(out, qi->section_when, both);
    if (st == SAMEN_OK && both)
        st = buf_append_str(out, " and ");
    if (st == SAMEN_OK && qi->when != NULL)
        st = put_condition(out, qi->when, both);
    return st;
}

bool codebook_after_consent(const samen_instrument *inst, size_t q)
{
    return q > 0 && samen_instrument_nquestions(inst) > 0 &&
           samen_instrument_question(inst, 0)->type == SAMEN_Q_CONSENT;
}

/* ---- the document ---------------------------------------------------------- */

typedef struct cb {
    const samen_study *s;
    const samen_instrument *inst;
    bool en;
    const char *lang;
    FILE *f;
    buf tmp;
    size_t nph;
    char ph[MAX_PLACEHOLDERS][65]; /* placeholder names, in order of first use */
} cb;

static const char *w(const cb *c, const char *nl, const char *en)
{
    return c->en ? en : nl;
}

/* Rule 2: the placeholders the texts use, found by rendering "{name}". */
static void note_placeholders(cb *c, const char *text)
{
    for (const char *p = text ? strchr(text, '{') : NULL; p != NULL; p = strchr(p + 1, '{')) {
        const char *e = strchr(p, '}');
        if (e == NULL)
            return;
        size_t n = (size_t)(e - p - 1);
        if (n == 0 || n > 64)
            continue;
        char name[65], probe[70], shown[200];
        memcpy(name, p + 1, n);
        name[n] = '\0';
        snprintf(probe, sizeof probe, "{%s}", name);
        samen_instrument_render(c->inst, probe, 0, c->lang, shown, sizeof shown);
        if (strcmp(shown, probe) == 0)
            continue; /* not a placeholder */
        bool known = false;
        for (size_t i = 0; i < c->nph; i++)
            known |= strcmp(c->ph[i], name) == 0;
        if (!known && c->nph < MAX_PLACEHOLDERS)
            memcpy(c->ph[c->nph++], name, n + 1);
    }
}

static void find_placeholders(cb *c)
{
    for (size_t q = 0; q < samen_instrument_nquestions(c->inst); q++) {
        const samen_question_info *qi = samen_instrument_question(c->inst, q);
        note_placeholders(c, codebook_pick(qi->text_nl, qi->text_en, c->en));
        for (size_t v = qi->first_var; v < qi->first_var + qi->nvars; v++) {
            const samen_var_info *vi = samen_instrument_var(c->inst, v);
            note_placeholders(c, codebook_pick(vi->label_nl, vi->label_en, c->en));
        }
    }
}

static const char *placeholder_text(cb *c, size_t i, int situation, char *out, size_t cap)
{
    char probe[70];
    snprintf(probe, sizeof probe, "{%s}", c->ph[i]);
    samen_instrument_render(c->inst, probe, situation, c->lang, out, cap);
    return out;
}

/* ---- escaping (rule 3) ------------------------------------------------------ */

static void html(FILE *f, const char *s)
{
    for (; s != NULL && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
    }
}

static void md(FILE *f, const char *s)
{
    for (; s != NULL && *s; s++) {
        if (*s == '\n' || *s == '\r' || *s == '\t') {
            fputc(' ', f);
            continue;
        }
        if (strchr("\\`*_[]<>|#!&", *s) != NULL)
            fputc('\\', f);
        fputc(*s, f);
    }
}

/* A condition in a Markdown code span (conditions hold no backquote; the
 * instrument's grammar has none). */
static void md_code(FILE *f, const char *s)
{
    fputc('`', f);
    for (; *s; s++)
        fputc(*s == '`' || *s == '\n' ? ' ' : *s, f);
    fputc('`', f);
}

/* ---- Markdown ------------------------------------------------------------- */

static samen_status var_texts(cb *c, size_t v, buf *values, buf *missing)
{
    buf_reset(values);
    buf_reset(missing);
    samen_status st = codebook_values(c->inst, v, c->en, values);
    if (st == SAMEN_OK)
        st = codebook_missing(c->inst, v, c->en, missing);
    return st;
}

static samen_status write_markdown(cb *c)
{
    FILE *f = c->f;
    const samen_instrument *inst = c->inst;
    fprintf(f, "# %s ", w(c, "Codeboek", "Codebook"));
    md(f, samen_instrument_title(inst, c->lang));
    fprintf(f, "\n\n%s `%s`, %s %s, %s %d. %s `%s`.\n\n", w(c, "Vragenlijst", "Instrument"),
            samen_instrument_id(inst), w(c, "versie", "version"), samen_instrument_version(inst),
            w(c, "meting", "wave"), samen_instrument_wave(inst), w(c, "Studie", "Study"),
            samen_study_id(c->s));
    if (samen_study_synthetic(c->s))
        fprintf(f, "**%s**\n\n", w(c, "Synthetische data: de scholen zijn fictief.",
                                   "Synthetic data: the schools are fictitious."));
    if (codebook_after_consent(inst, 1))
        fprintf(f, "%s `%s == 1`.\n\n",
                w(c, "Elke vraag na de toestemmingsvraag wordt alleen gesteld als",
                  "Every question after the consent question is asked only when"),
                samen_instrument_var(inst, samen_instrument_question(inst, 0)->first_var)->name);
    fprintf(f, "%s\n\n", w(c, "Ontbrekend: niet-inhoudelijke antwoorden (zoals \"weet niet\") "
                              "zijn ontbrekende waarden (user-missing) en tellen niet mee in "
                              "geldige percentages en gemiddelden.",
                           "Missing: non-substantive answers (such as \"don't know\") are "
                           "user-missing values and are kept out of valid percentages and means."));
    if (c->nph > 0) {
        fprintf(f, "## %s\n\n", w(c, "Invulteksten", "Placeholders"));
        for (size_t i = 0; i < c->nph; i++) {
            fprintf(f, "`{%s}` %s:\n\n| %s | %s |\n|---|---|\n", c->ph[i],
                    w(c, "per situatie", "per situation"), w(c, "situatie", "situation"),
                    w(c, "tekst", "text"));
            for (int sit = 0; sit < SAMEN_SITUATION_COUNT; sit++) {
                char shown[1024];
                fputs("| ", f);
                md(f, samen_vocab_label(SAMEN_ATTR_SITUATION, sit, c->lang));
                fprintf(f, " (`%s`) | ", samen_vocab_code(SAMEN_ATTR_SITUATION, sit));
                md(f, placeholder_text(c, i, sit, shown, sizeof shown));
                fputs(" |\n", f);
            }
            fputc('\n', f);
        }
    }
    buf values, missing;
    buf_init(&values, TEXT_MAX);
    buf_init(&missing, TEXT_MAX);
    samen_status st = SAMEN_OK;
    size_t section = (size_t)-1;
    for (size_t q = 0; q < samen_instrument_nquestions(inst) && st == SAMEN_OK; q++) {
        const samen_question_info *qi = samen_instrument_question(inst, q);
        if (qi->section != section) {
            section = qi->section;
            fprintf(f, "## %zu. ", section + 1);
            md(f, samen_instrument_section_title(inst, section, c->lang));
            fprintf(f, " (`%s`)\n\n", qi->section_id);
            if (qi->section_when != NULL) {
                fprintf(f, "%s: ", w(c, "Routering van deze sectie", "Routing of this section"));
                md_code(f, qi->section_when);
                fputs("\n\n", f);
            }
        }
        fprintf(f, "### `%s` (%s)\n\n> ", qi->id, samen_qtype_name(qi->type));
        md(f, codebook_pick(qi->text_nl, qi->text_en, c->en));
        fputs("\n\n", f);
        buf_reset(&c->tmp);
        st = codebook_routing(inst, q, &c->tmp);
        fprintf(f, "%s: ", w(c, "Routering", "Routing"));
        if (c->tmp.len > 0)
            md_code(f, buf_str(&c->tmp));
        else
            fputs(w(c, "iedereen", "everyone"), f);
        if (codebook_after_consent(inst, q))
            fprintf(f, " (%s)", w(c, "na toestemming", "after consent"));
        if (qi->reconstructed)
            fprintf(f, ". %s", w(c, "Formulering gereconstrueerd.", "Wording reconstructed."));
        fprintf(f, "\n\n| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n",
                w(c, "variabele", "variable"), "label", w(c, "waarden", "values"),
                w(c, "ontbrekend", "missing"), w(c, "meetniveau", "level"));
        for (size_t v = qi->first_var; v < qi->first_var + qi->nvars && st == SAMEN_OK; v++) {
            const samen_var_info *vi = samen_instrument_var(inst, v);
            st = var_texts(c, v, &values, &missing);
            fprintf(f, "| `%s` | ", vi->name);
            md(f, codebook_pick(vi->label_nl, vi->label_en, c->en));
            fputs(" | ", f);
            md(f, buf_str(&values));
            fputs(" | ", f);
            md(f, buf_str(&missing));
            fprintf(f, " | %s |\n", codebook_measure(vi->type, c->en));
        }
        fputc('\n', f);
    }
    if (samen_instrument_nscales(inst) > 0) {
        fprintf(f, "## %s\n\n| %s | label | items | %s | %s |\n|---|---|---|---|---|\n",
                w(c, "Schalen", "Scales"), w(c, "schaal", "scale"),
                w(c, "omgekeerd", "reverse-keyed"), w(c, "min. items", "min. items"));
        for (size_t i = 0; i < samen_instrument_nscales(inst); i++) {
            const samen_scale_info *sc = samen_instrument_scale(inst, i);
            fprintf(f, "| `%s` | ", sc->id);
            md(f, codebook_pick(sc->label_nl, sc->label_en, c->en));
            fputs(" | ", f);
            for (size_t k = 0; k < sc->nitems; k++)
                fprintf(f, "%s`%s`", k ? ", " : "", samen_instrument_var(inst, sc->items[k])->name);
            fputs(" | ", f);
            bool any = false;
            for (size_t k = 0; k < sc->nitems; k++)
                if (sc->reverse[k]) {
                    fprintf(f, "%s`%s`", any ? ", " : "",
                            samen_instrument_var(inst, sc->items[k])->name);
                    any = true;
                }
            fprintf(f, " | %zu |\n", sc->min_items);
        }
    }
    buf_free(&values);
    buf_free(&missing);
    return st;
}

/* ---- HTML ----------------------------------------------------------------- */

static samen_status write_html(cb *c)
{
    FILE *f = c->f;
    const samen_instrument *inst = c->inst;
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
            c->en ? "en" : "nl");
    fprintf(f, "%s ", w(c, "Codeboek", "Codebook"));
    html(f, samen_instrument_title(inst, c->lang));
    fputs("</title>\n<style>body{font-family:sans-serif;max-width:70em;margin:auto;padding:1em}"
          "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #999;"
          "padding:.2em .5em;text-align:left;vertical-align:top}code{font-size:95%}"
          "blockquote{margin:.5em 0;padding-left:1em;border-left:3px solid #ccc}</style>\n"
          "</head>\n<body>\n<h1>",
          f);
    fprintf(f, "%s ", w(c, "Codeboek", "Codebook"));
    html(f, samen_instrument_title(inst, c->lang));
    fprintf(f, "</h1>\n<p>%s <code>", w(c, "Vragenlijst", "Instrument"));
    html(f, samen_instrument_id(inst));
    fprintf(f, "</code>, %s ", w(c, "versie", "version"));
    html(f, samen_instrument_version(inst));
    fprintf(f, ", %s %d. %s <code>", w(c, "meting", "wave"), samen_instrument_wave(inst),
            w(c, "Studie", "Study"));
    html(f, samen_study_id(c->s));
    fputs("</code>.</p>\n", f);
    if (samen_study_synthetic(c->s))
        fprintf(f, "<p><strong>%s</strong></p>\n",
                w(c, "Synthetische data: de scholen zijn fictief.",
                  "Synthetic data: the schools are fictitious."));
    if (codebook_after_consent(inst, 1)) {
        fprintf(f, "<p>%s <code>", w(c, "Elke vraag na de toestemmingsvraag wordt alleen gesteld als",
                                     "Every question after the consent question is asked only when"));
        html(f, samen_instrument_var(inst, samen_instrument_question(inst, 0)->first_var)->name);
        fputs(" == 1</code>.</p>\n", f);
    }
    for (size_t i = 0; i < c->nph; i++) {
        fprintf(f, "<h2>%s <code>{", w(c, "Invultekst", "Placeholder"));
        html(f, c->ph[i]);
        fprintf(f, "}</code></h2>\n<table>\n<tr><th>%s</th><th>%s</th></tr>\n",
                w(c, "situatie", "situation"), w(c, "tekst", "text"));
        for (int sit = 0; sit < SAMEN_SITUATION_COUNT; sit++) {
            char shown[1024];
            fputs("<tr><td>", f);
            html(f, samen_vocab_label(SAMEN_ATTR_SITUATION, sit, c->lang));
            fprintf(f, " (<code>%s</code>)</td><td>", samen_vocab_code(SAMEN_ATTR_SITUATION, sit));
            html(f, placeholder_text(c, i, sit, shown, sizeof shown));
            fputs("</td></tr>\n", f);
        }
        fputs("</table>\n", f);
    }
    buf values, missing;
    buf_init(&values, TEXT_MAX);
    buf_init(&missing, TEXT_MAX);
    samen_status st = SAMEN_OK;
    size_t section = (size_t)-1;
    for (size_t q = 0; q < samen_instrument_nquestions(inst) && st == SAMEN_OK; q++) {
        const samen_question_info *qi = samen_instrument_question(inst, q);
        if (qi->section != section) {
            section = qi->section;
            fprintf(f, "<h2>%zu. ", section + 1);
            html(f, samen_instrument_section_title(inst, section, c->lang));
            fputs(" (<code>", f);
            html(f, qi->section_id);
            fputs("</code>)</h2>\n", f);
            if (qi->section_when != NULL) {
                fprintf(f, "<p>%s: <code>", w(c, "Routering van deze sectie",
                                              "Routing of this section"));
                html(f, qi->section_when);
                fputs("</code></p>\n", f);
            }
        }
        fputs("<h3><code>", f);
        html(f, qi->id);
        fprintf(f, "</code> (%s)</h3>\n<blockquote>", samen_qtype_name(qi->type));
        html(f, codebook_pick(qi->text_nl, qi->text_en, c->en));
        fprintf(f, "</blockquote>\n<p>%s: ", w(c, "Routering", "Routing"));
        buf_reset(&c->tmp);
        st = codebook_routing(inst, q, &c->tmp);
        if (c->tmp.len > 0) {
            fputs("<code>", f);
            html(f, buf_str(&c->tmp));
            fputs("</code>", f);
        } else {
            fputs(w(c, "iedereen", "everyone"), f);
        }
        if (codebook_after_consent(inst, q))
            fprintf(f, " (%s)", w(c, "na toestemming", "after consent"));
        if (qi->reconstructed)
            fprintf(f, ". %s", w(c, "Formulering gereconstrueerd.", "Wording reconstructed."));
        fprintf(f, "</p>\n<table>\n<tr><th>%s</th><th>label</th><th>%s</th><th>%s</th>"
                   "<th>%s</th></tr>\n",
                w(c, "variabele", "variable"), w(c, "waarden", "values"),
                w(c, "ontbrekend", "missing"), w(c, "meetniveau", "level"));
        for (size_t v = qi->first_var; v < qi->first_var + qi->nvars && st == SAMEN_OK; v++) {
            const samen_var_info *vi = samen_instrument_var(inst, v);
            st = var_texts(c, v, &values, &missing);
            fputs("<tr><td><code>", f);
            html(f, vi->name);
            fputs("</code></td><td>", f);
            html(f, codebook_pick(vi->label_nl, vi->label_en, c->en));
            fputs("</td><td>", f);
            html(f, buf_str(&values));
            fputs("</td><td>", f);
            html(f, buf_str(&missing));
            fprintf(f, "</td><td>%s</td></tr>\n", codebook_measure(vi->type, c->en));
        }
        fputs("</table>\n", f);
    }
    if (samen_instrument_nscales(inst) > 0) {
        fprintf(f, "<h2>%s</h2>\n<table>\n<tr><th>%s</th><th>label</th><th>items</th>"
                   "<th>%s</th><th>min. items</th></tr>\n",
                w(c, "Schalen", "Scales"), w(c, "schaal", "scale"),
                w(c, "omgekeerd", "reverse-keyed"));
        for (size_t i = 0; i < samen_instrument_nscales(inst); i++) {
            const samen_scale_info *sc = samen_instrument_scale(inst, i);
            fputs("<tr><td><code>", f);
            html(f, sc->id);
            fputs("</code></td><td>", f);
            html(f, codebook_pick(sc->label_nl, sc->label_en, c->en));
            fputs("</td><td>", f);
            for (size_t k = 0; k < sc->nitems; k++) {
                fputs(k ? ", " : "", f);
                html(f, samen_instrument_var(inst, sc->items[k])->name);
            }
            fputs("</td><td>", f);
            bool any = false;
            for (size_t k = 0; k < sc->nitems; k++)
                if (sc->reverse[k]) {
                    fputs(any ? ", " : "", f);
                    html(f, samen_instrument_var(inst, sc->items[k])->name);
                    any = true;
                }
            fprintf(f, "</td><td>%zu</td></tr>\n", sc->min_items);
        }
        fputs("</table>\n", f);
    }
    fputs("</body>\n</html>\n", f);
    buf_free(&values);
    buf_free(&missing);
    return st;
}

/* ---- JSON ------------------------------------------------------------------ */

/* Adds a string, or null for NULL; false when out of memory. */
static bool jstr(cJSON *o, const char *key, const char *s)
{
    return (s ? cJSON_AddStringToObject(o, key, s) : cJSON_AddNullToObject(o, key)) != NULL;
}

static bool has_placeholder(const char *text)
{
    const char *p = text ? strchr(text, '{') : NULL;
    return p != NULL && strchr(p, '}') != NULL;
}

static bool json_var(cb *c, cJSON *vars, size_t v, buf *values, buf *missing)
{
    const samen_var_info *vi = samen_instrument_var(c->inst, v);
    cJSON *o = cJSON_CreateObject();
    if (o == NULL || !cJSON_AddItemToArray(vars, o))
        return false;
    if (var_texts(c, v, values, missing) != SAMEN_OK)
        return false;
    bool ok = jstr(o, "name", vi->name) &&
              jstr(o, "label", codebook_pick(vi->label_nl, vi->label_en, c->en)) &&
              jstr(o, "measure", codebook_measure(vi->type, true)) &&
              jstr(o, "values_text", buf_str(values)) && jstr(o, "missing_text", buf_str(missing));
    if (!ok)
        return false;
    if (vi->type == SAMEN_Q_TEXT)
        return cJSON_AddNumberToObject(o, "max_length", (double)vi->max_length) != NULL;
    if (vi->has_range) {
        cJSON *r = cJSON_AddObjectToObject(o, "range");
        if (r == NULL || cJSON_AddNumberToObject(r, "min", vi->min) == NULL ||
            cJSON_AddNumberToObject(r, "max", vi->max) == NULL ||
            cJSON_AddBoolToObject(r, "integer", vi->integer) == NULL)
            return false;
    }
    cJSON *vals = cJSON_AddArrayToObject(o, "values");
    cJSON *miss = cJSON_AddArrayToObject(o, "missing");
    if (vals == NULL || miss == NULL)
        return false;
    if (vi->type == SAMEN_Q_MULTI) {
        for (int k = 0; k < 2; k++) {
            cJSON *e = cJSON_CreateObject();
            if (e == NULL || !cJSON_AddItemToArray(vals, e) ||
                cJSON_AddNumberToObject(e, "code", k) == NULL ||
                !jstr(e, "label", k ? w(c, "Aangekruist", "Ticked")
                                    : w(c, "Niet aangekruist", "Not ticked")))
                return false;
        }
        return true;
    }
    for (size_t k = 0; k < vi->noptions; k++) {
        const samen_answer_option *op = &vi->options[k];
        cJSON *e = cJSON_CreateObject();
        if (e == NULL || !cJSON_AddItemToArray(vals, e) ||
            cJSON_AddNumberToObject(e, "code", op->code) == NULL ||
            !jstr(e, "label", codebook_pick(op->label_nl, op->label_en, c->en)) ||
            cJSON_AddBoolToObject(e, "missing", op->nonsubstantive) == NULL)
            return false;
        if (op->nonsubstantive) {
            cJSON *m = cJSON_CreateNumber(op->code);
            if (m == NULL || !cJSON_AddItemToArray(miss, m))
                return false;
        }
    }
    return true;
}

static bool json_question(cb *c, cJSON *qs, size_t q, buf *values, buf *missing)
{
    const samen_question_info *qi = samen_instrument_question(c->inst, q);
    const char *text = codebook_pick(qi->text_nl, qi->text_en, c->en);
    cJSON *o = cJSON_CreateObject();
    if (o == NULL || !cJSON_AddItemToArray(qs, o))
        return false;
    buf_reset(&c->tmp);
    if (codebook_routing(c->inst, q, &c->tmp) != SAMEN_OK)
        return false;
    if (!jstr(o, "id", qi->id) || !jstr(o, "type", samen_qtype_name(qi->type)) ||
        !jstr(o, "text", text) || !jstr(o, "when", qi->when) ||
        !jstr(o, "routing", c->tmp.len ? buf_str(&c->tmp) : NULL) ||
        cJSON_AddBoolToObject(o, "after_consent", codebook_after_consent(c->inst, q)) == NULL ||
        cJSON_AddBoolToObject(o, "reconstructed", qi->reconstructed) == NULL)
        return false;
    if (has_placeholder(text)) {
        cJSON *per = cJSON_AddObjectToObject(o, "text_by_situation");
        if (per == NULL)
            return false;
        for (int sit = 0; sit < SAMEN_SITUATION_COUNT; sit++) {
            char shown[8192];
            samen_instrument_render(c->inst, text, sit, c->lang, shown, sizeof shown);
            if (!jstr(per, samen_vocab_code(SAMEN_ATTR_SITUATION, sit), shown))
                return false;
        }
    }
    cJSON *vars = cJSON_AddArrayToObject(o, "variables");
    if (vars == NULL)
        return false;
    for (size_t v = qi->first_var; v < qi->first_var + qi->nvars; v++)
        if (!json_var(c, vars, v, values, missing))
            return false;
    return true;
}

static cJSON *json_doc(cb *c, buf *values, buf *missing)
{
    const samen_instrument *inst = c->inst;
    cJSON *root = cJSON_CreateObject();
    if (root == NULL)
        return NULL;
    bool ok = jstr(root, "study", samen_study_id(c->s)) &&
              cJSON_AddBoolToObject(root, "synthetic", samen_study_synthetic(c->s)) != NULL &&
              jstr(root, "instrument", samen_instrument_id(inst)) &&
              jstr(root, "version", samen_instrument_version(inst)) &&
              cJSON_AddNumberToObject(root, "wave", samen_instrument_wave(inst)) != NULL &&
              jstr(root, "title", samen_instrument_title(inst, c->lang)) &&
              jstr(root, "lang", c->en ? "en" : "nl");
    const char *consent = NULL;
    if (codebook_after_consent(inst, 1))
        consent = samen_instrument_var(inst, samen_instrument_question(inst, 0)->first_var)->name;
    ok = ok && jstr(root, "consent_variable", consent);
    cJSON *ph = ok ? cJSON_AddObjectToObject(root, "placeholders") : NULL;
    ok = ph != NULL;
    for (size_t i = 0; ok && i < c->nph; i++) {
        cJSON *per = cJSON_AddObjectToObject(ph, c->ph[i]);
        ok = per != NULL;
        for (int sit = 0; ok && sit < SAMEN_SITUATION_COUNT; sit++) {
            char shown[1024];
            ok = jstr(per, samen_vocab_code(SAMEN_ATTR_SITUATION, sit),
                      placeholder_text(c, i, sit, shown, sizeof shown));
        }
    }
    cJSON *sections = ok ? cJSON_AddArrayToObject(root, "sections") : NULL;
    ok = sections != NULL;
    cJSON *qs = NULL;
    size_t section = (size_t)-1;
    for (size_t q = 0; ok && q < samen_instrument_nquestions(inst); q++) {
        const samen_question_info *qi = samen_instrument_question(inst, q);
        if (qi->section != section) {
            section = qi->section;
            cJSON *so = cJSON_CreateObject();
            ok = so != NULL && cJSON_AddItemToArray(sections, so) && jstr(so, "id", qi->section_id) &&
                 jstr(so, "title", samen_instrument_section_title(inst, section, c->lang)) &&
                 jstr(so, "when", qi->section_when);
            qs = ok ? cJSON_AddArrayToObject(so, "questions") : NULL;
            ok = qs != NULL;
        }
        ok = ok && json_question(c, qs, q, values, missing);
    }
    cJSON *scales = ok ? cJSON_AddArrayToObject(root, "scales") : NULL;
    ok = scales != NULL;
    for (size_t i = 0; ok && i < samen_instrument_nscales(inst); i++) {
        const samen_scale_info *sc = samen_instrument_scale(inst, i);
        cJSON *so = cJSON_CreateObject();
        ok = so != NULL && cJSON_AddItemToArray(scales, so) && jstr(so, "id", sc->id) &&
             jstr(so, "label", codebook_pick(sc->label_nl, sc->label_en, c->en)) &&
             cJSON_AddNumberToObject(so, "min_items", (double)sc->min_items) != NULL &&
             cJSON_AddNumberToObject(so, "min", sc->min) != NULL &&
             cJSON_AddNumberToObject(so, "max", sc->max) != NULL;
        cJSON *items = ok ? cJSON_AddArrayToObject(so, "items") : NULL;
        cJSON *rev = ok ? cJSON_AddArrayToObject(so, "reverse") : NULL;
        ok = items != NULL && rev != NULL;
        for (size_t k = 0; ok && k < sc->nitems; k++) {
            const char *name = samen_instrument_var(inst, sc->items[k])->name;
            cJSON *n1 = cJSON_CreateString(name);
            ok = n1 != NULL && cJSON_AddItemToArray(items, n1);
            if (ok && sc->reverse[k]) {
                cJSON *n2 = cJSON_CreateString(name);
                ok = n2 != NULL && cJSON_AddItemToArray(rev, n2);
            }
        }
    }
    if (!ok) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

static samen_status write_json(cb *c)
{
    buf values, missing;
    buf_init(&values, TEXT_MAX);
    buf_init(&missing, TEXT_MAX);
    cJSON *root = json_doc(c, &values, &missing);
    buf_free(&values);
    buf_free(&missing);
    if (root == NULL)
        return SAMEN_ENOMEM;
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (text == NULL)
        return SAMEN_ENOMEM;
    fputs(text, c->f);
    fputc('\n', c->f);
    cJSON_free(text);
    return SAMEN_OK;
}

/* ---- entry point ---------------------------------------------------------- */

bool samen_codebook_format_parse(const char *name, samen_codebook_format *out)
{
    if (name == NULL)
        return false;
    if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
        *out = SAMEN_CODEBOOK_MARKDOWN;
    else if (strcmp(name, "html") == 0)
        *out = SAMEN_CODEBOOK_HTML;
    else if (strcmp(name, "json") == 0)
        *out = SAMEN_CODEBOOK_JSON;
    else
        return false;
    return true;
}

samen_status samen_codebook_write(const samen_study *s, int wave, samen_codebook_format fmt,
                                  const char *lang, FILE *out, samen_diag *d)
{
    const samen_wave_info *wv = samen_study_find_wave(s, wave);
    if (wv == NULL) {
        samen_diag_add(d, "--wave", 0, 0, "the study has no wave %d", wave);
        return SAMEN_EINVAL;
    }
    cb c = {.s = s, .inst = wv->instrument, .f = out};
    c.en = lang != NULL && strcmp(lang, "en") == 0;
    c.lang = c.en ? "en" : "nl";
    buf_init(&c.tmp, TEXT_MAX);
    find_placeholders(&c);
    samen_status st;
    switch (fmt) {
    case SAMEN_CODEBOOK_HTML: st = write_html(&c); break;
    case SAMEN_CODEBOOK_JSON: st = write_json(&c); break;
    default: st = write_markdown(&c); break;
    }
    buf_free(&c.tmp);
    if (st == SAMEN_OK && ferror(out))
        st = SAMEN_EIO;
    if (st != SAMEN_OK)
        samen_diag_add(d, "codebook", 0, 0, "cannot write the codebook: %s",
                       samen_status_message(st));
    return st;
}
