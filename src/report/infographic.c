/* infographic.c - the one-page infographic of a wave (infographic.html),
 * after the IMAGE infographic of the seed: the key numbers, how schools
 * collaborate per situation, satisfaction and results, and the findings
 * the researchers wrote down in DIR/reports/findings.yaml
 * (docs/REPORT.md). Exports samen_report_infographic() (samen/report.h).
 *
 * Rules:
 *  1. Every number is computed, never typed: schools invited = the study's
 *     schools (schools.csv); reactions and valid responses = T2 rows
 *     "reacties" and "vragenlijst" (column n); response rate = valid /
 *     invited, in whole percent; partnerships = T1 total (column n);
 *     situations = T1's rows other than the total; reflection meetings =
 *     the network drawings in DIR/networks/ of the wave.
 *  2. "Hoe wordt er samengewerkt?": per T3 row, the share of the schools
 *     asked that collaborate (column "1" of column "total"), in whole
 *     percent, beside the counts.
 *  3. Satisfaction: the share of collaborating schools answering above the
 *     middle of B12's scale (codes above (lowest + highest) / 2), from the
 *     counts, for every wave of B12; the mean of T6's total row. Results:
 *     the three results of T5 most often named (pct), without the rows
 *     "geen" and "weetniet".
 *  4. A number whose table or row is missing is left out, with its box.
 *  5. The findings file is optional: a missing file leaves its sections
 *     out; a file for another wave too. A file that is not valid is an
 *     error (SAMEN_EVALIDATE, file:line:column in d).
 *  6. Every string from data or the findings file is escaped; every
 *     number carries data-key and data-value for the tests.
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/svg_chart.h"
#include "samen/network.h"
#include "samen/report.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/yamlx.h"

#define IG_MAX_BYTES (4u * 1024u * 1024u)
#define IG_MAX_NETWORKS 256

typedef struct ig {
    const samen_study *s;
    const samen_tables *t;
    const char *lang;
    int li;
    buf *h;
    samen_diag *d;
} ig;

#define TRY(expr)                   \
    do {                            \
        st = (expr);                \
        if (st != SAMEN_OK)         \
            goto out;               \
    } while (0)

typedef enum igt {
    G_WAVE, G_SCHOOLS, G_REACTIONS, G_VALID, G_RATE, G_PARTNERSHIPS, G_SITUATIONS,
    G_MEETINGS, G_HOW, G_HOW_NOTE, G_IMPACT, G_SATISFIED, G_MEAN, G_RESULTS, G_PROMOTING,
    G_INHIBITING, G_CONDITIONS, G_RECOMMENDATIONS, G_SYNTHETIC, G_SOURCE, G_OF, G_FINDINGS,
    G_COUNT
} igt;

static const char *const igtexts[G_COUNT][2] = {
    [G_WAVE] = {"Meting", "Wave"},
    [G_SCHOOLS] = {"scholen uitgenodigd", "schools invited"},
    [G_REACTIONS] = {"reacties op de vragenlijst", "reactions to the questionnaire"},
    [G_VALID] = {"scholen vulden de vragenlijst in", "schools completed the questionnaire"},
    [G_RATE] = {"respons", "response rate"},
    [G_PARTNERSHIPS] = {"samenwerkingsverbanden", "partnerships"},
    [G_SITUATIONS] = {"samenwerkingssituaties", "collaboration situations"},
    [G_MEETINGS] = {"reflectiebijeenkomsten (netwerktekeningen)",
                    "reflection meetings (network drawings)"},
    [G_HOW] = {"Hoe wordt er samengewerkt?", "How do schools collaborate?"},
    [G_HOW_NOTE] = {"Aandeel van de bevraagde scholen dat samenwerkt rondom (hoog)begaafdheid, "
                    "per samenwerkingssituatie.",
                    "Share of the schools asked that collaborate around giftedness, by "
                    "collaboration situation."},
    [G_IMPACT] = {"Wat is de impact van de subsidie?", "What is the impact of the grant?"},
    [G_SATISFIED] = {"van de samenwerkende scholen is (enigszins) tevreden over de samenwerking",
                     "of the collaborating schools are (somewhat) satisfied with the "
                     "collaboration"},
    [G_MEAN] = {"gemiddelde tevredenheid op een schaal van 1 tot 7",
                "mean satisfaction on a scale from 1 to 7"},
    [G_RESULTS] = {"Opbrengsten op beleidsniveau die scholen het vaakst noemen",
                   "Results at policy level that schools name most often"},
    [G_PROMOTING] = {"Wat werkt bevorderend?", "What helps?"},
    [G_INHIBITING] = {"Wat werkt belemmerend?", "What hinders?"},
    [G_CONDITIONS] = {"Wat is nodig voor een goede samenwerking?",
                      "What does good collaboration need?"},
    [G_RECOMMENDATIONS] = {"Aanbevelingen voor een goede samenwerking",
                           "Recommendations for good collaboration"},
    [G_SYNTHETIC] = {"Let op: deze gegevens zijn synthetisch (fictief) en zeggen niets over "
                     "echte scholen of regio's.",
                     "Note: these data are synthetic (fictitious) and say nothing about real "
                     "schools or regions."},
    [G_SOURCE] = {"De getallen zijn berekend uit de gegevens van de studie (tabellen T1, T2, "
                  "T3, T5, T6 en B12 in index.html); de bevindingen komen uit "
                  "reports/findings.yaml.",
                  "The numbers are computed from the study's data (tables T1, T2, T3, T5, T6 "
                  "and B12 in index.html); the findings come from reports/findings.yaml."},
    [G_OF] = {"van de", "of"},
    [G_FINDINGS] = {"Bevindingen van de onderzoekers, meting", "Findings of the researchers, wave"},
};

static const char *g(const ig *c, igt k)
{
    return igtexts[k][c->li];
}

static samen_status esc(ig *c, const char *s)
{
    return svg_chart_escape(c->h, s);
}

static samen_status put(ig *c, const char *s)
{
    return buf_append_str(c->h, s);
}

/* The number in table/row/col, or false (rule 4). */
static bool num(const ig *c, const char *table, const char *row, const char *col, double *v)
{
    samen_table_cell cell;
    if (samen_tables_lookup(c->t, table, row, col, &cell) != SAMEN_OK ||
        cell.kind != SAMEN_CELL_NUMBER)
        return false;
    *v = cell.value;
    return true;
}

/* One key number: <li><span class="num" data-key=.. data-value=..>text</span> label</li>. */
static samen_status key(ig *c, const char *k, double v, int prec, const char *unit, igt label)
{
    char shown[64], raw[64];
    svg_chart_format(shown, sizeof shown, v, prec, c->lang);
    svg_chart_format(raw, sizeof raw, v, prec, "en");
    return buf_printf(c->h, "<li><span class=\"num\" data-key=\"%s\" data-value=\"%s\">%s%s</span> "
                            "<span class=\"lab\">%s</span></li>\n",
                      k, raw, shown, unit, g(c, label));
}

/* Rule 1: the drawings (DIR/networks, .yaml files) of the wave. */
static long meetings(ig *c, int wave)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/networks", samen_study_dir(c->s));
    DIR *dp = opendir(dir);
    if (dp == NULL)
        return 0;
    long n = 0, seen = 0;
    struct dirent *e;
    samen_diag *quiet = samen_diag_create(10);
    while ((e = readdir(dp)) != NULL && seen < IG_MAX_NETWORKS) {
        size_t len = strlen(e->d_name);
        if (len <= 5 || strcmp(e->d_name + len - 5, ".yaml") != 0)
            continue;
        seen++;
        char path[4500];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        samen_network *net = NULL;
        /* a drawing that does not load is reported by index.html's chapter 3 */
        if (quiet != NULL && samen_network_load(path, e->d_name, &net, quiet) == SAMEN_OK &&
            samen_network_get_info(net)->wave == wave)
            n++;
        samen_network_destroy(net);
    }
    closedir(dp);
    samen_diag_destroy(quiet);
    return n;
}

static samen_status key_numbers(ig *c)
{
    samen_status st = SAMEN_OK;
    double v, valid = NAN;
    size_t nschools = samen_study_nschools(c->s);
    TRY(put(c, "<section class=\"keys\">\n<ul class=\"keys\">\n"));
    if (nschools > 0)
        TRY(key(c, "schools", (double)nschools, 0, "", G_SCHOOLS));
    if (num(c, "T2", "reacties", "n", &v))
        TRY(key(c, "reactions", v, 0, "", G_REACTIONS));
    if (num(c, "T2", "vragenlijst", "n", &valid))
        TRY(key(c, "valid", valid, 0, "", G_VALID));
    if (nschools > 0 && !isnan(valid))
        TRY(key(c, "rate", round(100.0 * valid / (double)nschools), 0, "%", G_RATE));
    if (num(c, "T1", "total", "n", &v))
        TRY(key(c, "partnerships", v, 0, "", G_PARTNERSHIPS));
    long t1 = samen_tables_find(c->t, "T1");
    if (t1 >= 0) {
        size_t n = 0;
        for (size_t r = 0; r < samen_tables_nrows(c->t, (size_t)t1); r++)
            if (strcmp(samen_tables_row_id(c->t, (size_t)t1, r), "total") != 0)
                n++;
        TRY(key(c, "situations", (double)n, 0, "", G_SITUATIONS));
    }
    TRY(key(c, "meetings", (double)meetings(c, samen_tables_wave(c->t)), 0, "", G_MEETINGS));
    TRY(put(c, "</ul>\n</section>\n"));
out:
    return st;
}

static samen_status findings_list(ig *c, yx_doc *doc, const char *k, igt heading,
                                  const char *cls);

/* Rule 2, and the findings under "how" (doc may be NULL). */
static samen_status how(ig *c, yx_doc *doc)
{
    samen_status st = SAMEN_OK;
    long t3 = samen_tables_find(c->t, "T3");
    if (t3 < 0)
        return SAMEN_OK;
    TRY(buf_printf(c->h, "<section class=\"how\">\n<h2>%s</h2>\n<p class=\"note\">%s</p>\n"
                         "<ul class=\"bars\">\n", g(c, G_HOW), g(c, G_HOW_NOTE)));
    for (size_t r = 0; r < samen_tables_nrows(c->t, (size_t)t3); r++) {
        const char *rid = samen_tables_row_id(c->t, (size_t)t3, r);
        double wel, tot;
        if (!num(c, "T3", rid, "1", &wel) || !num(c, "T3", rid, "total", &tot) || !(tot > 0))
            continue;
        double pct = round(100.0 * wel / tot);
        char shown[64], raw[64], a[64], b[64];
        svg_chart_format(shown, sizeof shown, pct, 0, c->lang);
        svg_chart_format(raw, sizeof raw, pct, 0, "en");
        svg_chart_format(a, sizeof a, wel, 0, c->lang);
        svg_chart_format(b, sizeof b, tot, 0, c->lang);
        TRY(put(c, strcmp(rid, "total") == 0 ? "<li class=\"total\">" : "<li>"));
        TRY(put(c, "<span class=\"sit\">"));
        TRY(esc(c, samen_tables_row_label(c->t, (size_t)t3, r)));
        TRY(put(c, "</span> <span class=\"share\" data-key=\"share-"));
        TRY(esc(c, rid));
        TRY(buf_printf(c->h, "\" data-value=\"%s\">%s%%</span> <span class=\"of\">(%s %s %s)"
                             "</span><span class=\"bar\" aria-hidden=\"true\"><span style=\"width:%s%%\">&nbsp;</span>"
                             "</span></li>\n",
                       raw, shown, a, g(c, G_OF), b, raw));
    }
    TRY(put(c, "</ul>\n"));
    if (doc != NULL)
        TRY(findings_list(c, doc, "how", G_COUNT, "statements"));
    TRY(put(c, "</section>\n"));
out:
    return st;
}

/* Rule 3, and the findings under "impact" (doc may be NULL). */
static samen_status impact(ig *c, yx_doc *doc)
{
    samen_status st = SAMEN_OK;
    long b12 = samen_tables_find(c->t, "B12"), t5 = samen_tables_find(c->t, "T5");
    double mean;
    bool has_mean = num(c, "T6", "total", "mean", &mean);
    if (b12 < 0 && !has_mean && t5 < 0 && doc == NULL)
        return SAMEN_OK;
    TRY(buf_printf(c->h, "<section class=\"impact\">\n<h2>%s</h2>\n<ul class=\"keys\">\n",
                   g(c, G_IMPACT)));
    if (b12 >= 0) {
        size_t bi = (size_t)b12;
        long lo = -1, hi = -1;
        for (size_t r = 0; r < samen_tables_nrows(c->t, bi); r++) {
            long code;
            if (text_parse_long(samen_tables_row_id(c->t, bi, r), &code)) {
                lo = lo < 0 || code < lo ? code : lo;
                hi = hi < 0 || code > hi ? code : hi;
            }
        }
        for (size_t k = 0; lo >= 0 && k < samen_tables_ncols(c->t, bi); k++) {
            const char *cid = samen_tables_col_id(c->t, bi, k);
            size_t cl = strlen(cid);
            if (cl < 6 || strcmp(cid + cl - 6, ".count") != 0)
                continue;
            double above = 0, all = 0, v;
            for (size_t r = 0; r < samen_tables_nrows(c->t, bi); r++) {
                long code;
                const char *rid = samen_tables_row_id(c->t, bi, r);
                if (!text_parse_long(rid, &code) || !num(c, "B12", rid, cid, &v))
                    continue;
                all += v;
                if (2 * code > lo + hi)
                    above += v;
            }
            if (!(all > 0))
                continue;
            char k2[80], wave[16], shown[64], raw[64];
            text_copy(wave, sizeof wave, cid);
            if (cl - 6 < sizeof wave)
                wave[cl - 6] = '\0';
            snprintf(k2, sizeof k2, "satisfied-%s", wave);
            double pct = round(100.0 * above / all);
            svg_chart_format(shown, sizeof shown, pct, 0, c->lang);
            svg_chart_format(raw, sizeof raw, pct, 0, "en");
            TRY(put(c, "<li><span class=\"num\" data-key=\""));
            TRY(esc(c, k2));
            TRY(buf_printf(c->h, "\" data-value=\"%s\">%s%%</span> <span class=\"lab\">%s "
                                 "(", raw, shown, g(c, G_SATISFIED)));
            TRY(esc(c, wave));
            TRY(put(c, ")</span></li>\n"));
        }
    }
    if (has_mean)
        TRY(key(c, "satisfaction-mean", mean, 2, "", G_MEAN));
    TRY(put(c, "</ul>\n"));
    if (t5 >= 0) {
        size_t ti = (size_t)t5, best[3];
        size_t nbest = 0;
        double bestv[3];
        for (size_t r = 0; r < samen_tables_nrows(c->t, ti); r++) {
            const char *rid = samen_tables_row_id(c->t, ti, r);
            size_t rl = strlen(rid);
            double v;
            if ((rl >= 4 && strcmp(rid + rl - 4, "geen") == 0) ||
                (rl >= 8 && strcmp(rid + rl - 8, "weetniet") == 0) || !num(c, "T5", rid, "pct", &v))
                continue;
            size_t at = nbest < 3 ? nbest++ : 3;
            while (at > 0 && bestv[at - 1] < v) {
                if (at < 3) {
                    best[at] = best[at - 1];
                    bestv[at] = bestv[at - 1];
                }
                at--;
            }
            if (at < 3) {
                best[at] = r;
                bestv[at] = v;
            }
        }
        if (nbest > 0) {
            TRY(buf_printf(c->h, "<h3>%s</h3>\n<ol class=\"results\">\n", g(c, G_RESULTS)));
            for (size_t k = 0; k < nbest; k++) {
                char shown[64], raw[64];
                svg_chart_format(shown, sizeof shown, bestv[k], 1, c->lang);
                svg_chart_format(raw, sizeof raw, bestv[k], 1, "en");
                TRY(put(c, "<li><span class=\"num\" data-key=\"result-"));
                TRY(esc(c, samen_tables_row_id(c->t, ti, best[k])));
                TRY(buf_printf(c->h, "\" data-value=\"%s\">%s%%</span> ", raw, shown));
                TRY(esc(c, samen_tables_row_label(c->t, ti, best[k])));
                TRY(put(c, "</li>\n"));
            }
            TRY(put(c, "</ol>\n"));
        }
    }
    if (doc != NULL)
        TRY(findings_list(c, doc, "impact", G_COUNT, "statements"));
    TRY(put(c, "</section>\n"));
out:
    return st;
}

/* ---- the findings file (rule 5) ------------------------------------------- */

static const char *const list_keys[] = {"how", "impact", "promoting", "inhibiting", "conditions",
                                        "recommendations"};
#define NLISTS (sizeof list_keys / sizeof list_keys[0])

/* Checks the findings document; true when valid (problems go to d). */
static bool findings_valid(yx_doc *doc, samen_diag *d)
{
    static const char *const allowed[] = {"format", "wave", "title", "intro", "how", "impact",
                                          "promoting", "inhibiting", "conditions",
                                          "recommendations", "colophon", NULL};
    yaml_node_t *root = yx_root(doc);
    if (!yx_is_map(root)) {
        yx_error(doc, root, d, "findings: expected a mapping (format, wave, lists of texts)");
        return false;
    }
    bool ok = yx_check_keys(doc, root, allowed, d) == 0;
    long format = 0, wave = 0;
    const char *str = NULL;
    ok = yx_get_long(doc, root, "format", true, &format, d) && ok;
    if (format != 0 && format != 1) {
        yx_error(doc, yx_get(doc, root, "format"), d, "findings: format must be 1");
        ok = false;
    }
    ok = yx_get_long(doc, root, "wave", true, &wave, d) && ok;
    ok = yx_get_string(doc, root, "title", false, &str, d) && ok;
    ok = yx_get_string(doc, root, "intro", false, &str, d) && ok;
    ok = yx_get_string(doc, root, "colophon", false, &str, d) && ok;
    for (size_t k = 0; k < NLISTS; k++) {
        yaml_node_t *n = yx_get(doc, root, list_keys[k]);
        if (n == NULL)
            continue;
        if (!yx_is_seq(n)) {
            yx_error(doc, n, d, "findings: %s must be a list of texts", list_keys[k]);
            ok = false;
            continue;
        }
        for (size_t i = 0; i < yx_seq_len(n); i++) {
            yaml_node_t *item = yx_seq_at(doc, n, i);
            if (yx_scalar(item) == NULL) {
                yx_error(doc, item, d, "findings: every item of %s must be a text", list_keys[k]);
                ok = false;
            }
        }
    }
    return ok;
}

static samen_status findings_list(ig *c, yx_doc *doc, const char *k, igt heading,
                                  const char *cls)
{
    samen_status st = SAMEN_OK;
    yaml_node_t *n = yx_get(doc, yx_root(doc), k);
    if (n == NULL || yx_seq_len(n) == 0)
        return SAMEN_OK;
    if (heading < G_COUNT)
        TRY(buf_printf(c->h, "<section class=\"%s\">\n<h2>%s</h2>\n<ul>\n", cls,
                       g(c, heading)));
    else
        TRY(buf_printf(c->h, "<ul class=\"%s\">\n", cls));
    for (size_t i = 0; i < yx_seq_len(n); i++) {
        TRY(put(c, "<li>"));
        TRY(esc(c, yx_scalar(yx_seq_at(doc, n, i))));
        TRY(put(c, "</li>\n"));
    }
    TRY(put(c, heading < G_COUNT ? "</ul>\n</section>\n" : "</ul>\n"));
out:
    return st;
}

/* Loads DIR/reports/findings.yaml: *out stays NULL when it is missing or of
 * another wave (rule 5). */
static samen_status findings_load(ig *c, yx_doc **out)
{
    char path[4200];
    *out = NULL;
    snprintf(path, sizeof path, "%s/reports/findings.yaml", samen_study_dir(c->s));
    if (access(path, F_OK) != 0)
        return SAMEN_OK;
    yx_doc *doc = NULL;
    samen_status st = yx_load_file(path, path, &doc, c->d);
    if (st != SAMEN_OK)
        return st;
    if (!findings_valid(doc, c->d)) {
        yx_destroy(doc);
        return SAMEN_EVALIDATE;
    }
    long wave = 0;
    yx_get_long(doc, yx_root(doc), "wave", true, &wave, c->d);
    if (wave != samen_tables_wave(c->t)) {
        yx_destroy(doc);
        return SAMEN_OK;
    }
    *out = doc;
    return SAMEN_OK;
}

/* ---- the page ---------------------------------------------------------------- */

static const char css[] =
    "body{font-family:\"Helvetica Neue\",Arial,sans-serif;color:#1d2b36;margin:0;"
    "background:#eef3f8;line-height:1.4}"
    "main{max-width:1100px;margin:0 auto;padding:24px 32px;background:#fff;"
    "display:grid;grid-template-columns:1fr 1fr;gap:8px 32px}"
    "header,section.keys,section.how,section.recommendations,footer,.intro,.synthetic"
    "{grid-column:1/-1}"
    "h1{font-size:1.8em;margin:.1em 0;color:#0072B2}h2{font-size:1.15em;color:#0072B2;"
    "border-bottom:2px solid #0072B2;padding-bottom:3px}"
    ".sub{font-weight:bold;margin:0}"
    ".synthetic{background:#fff3cd;border:1px solid #e0b000;padding:8px 12px;border-radius:4px}"
    "ul.keys{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:12px}"
    "ul.keys li{background:#0072B2;color:#fff;border-radius:8px;padding:10px 14px;"
    "min-width:150px;flex:1;overflow-wrap:anywhere}"
    "ul.keys .num{display:block;font-size:2em;font-weight:bold}"
    "section.impact ul.keys li{background:#009E73}"
    "ul.bars{list-style:none;padding:0}ul.bars li{display:grid;"
    "grid-template-columns:22em 4em 8em 1fr;align-items:center;gap:8px;margin:4px 0}"
    "ul.bars li.total{font-weight:bold}.share{text-align:right;font-weight:bold}"
    ".of{color:#555;font-size:.9em}.bar{background:#e6e6e6;height:14px;display:block}"
    ".bar span{background:#E69F00;height:14px;display:block;font-size:0}"
    "section.promoting h2{color:#009E73;border-color:#009E73}"
    "section.inhibiting h2{color:#D55E00;border-color:#D55E00}"
    "ul.statements,section.recommendations ul{columns:2;padding-left:1.2em}"
    "section.impact ul.statements{columns:1}"
    "section li{margin:.2em 0}.note,footer{color:#555;font-size:.88em}"
    "@media print{body{background:#fff}main{padding:0}}";

static samen_status page(ig *c)
{
    samen_status st = SAMEN_OK;
    yx_doc *doc = NULL;
    TRY(findings_load(c, &doc));
    const char *title = NULL, *intro = NULL, *colophon = NULL;
    if (doc != NULL) {
        yx_get_string(doc, yx_root(doc), "title", false, &title, c->d);
        yx_get_string(doc, yx_root(doc), "intro", false, &intro, c->d);
        yx_get_string(doc, yx_root(doc), "colophon", false, &colophon, c->d);
    }
    if (title == NULL)
        title = samen_study_name(c->s, c->lang);
    TRY(buf_printf(c->h, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, "
                         "initial-scale=1\">\n<title>", c->li ? "en" : "nl"));
    TRY(esc(c, title));
    TRY(put(c, "</title>\n<style>"));
    TRY(put(c, css));
    TRY(put(c, "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>"));
    TRY(esc(c, title));
    TRY(put(c, "</h1>\n<p class=\"sub\">"));
    TRY(esc(c, samen_study_name(c->s, c->lang)));
    TRY(buf_printf(c->h, " &middot; %s <span data-key=\"wave\" data-value=\"%d\">%d</span></p>\n"
                         "</header>\n",
                   g(c, G_WAVE), samen_tables_wave(c->t), samen_tables_wave(c->t)));
    if (samen_study_synthetic(c->s))
        TRY(buf_printf(c->h, "<p class=\"synthetic\" role=\"note\"><strong>%s</strong></p>\n",
                       g(c, G_SYNTHETIC)));
    if (intro != NULL) {
        TRY(put(c, "<p class=\"intro\">"));
        TRY(esc(c, intro));
        TRY(put(c, "</p>\n"));
    }
    TRY(key_numbers(c));
    TRY(how(c, doc));
    TRY(impact(c, doc));
    if (doc != NULL) {
        TRY(findings_list(c, doc, "promoting", G_PROMOTING, "promoting"));
        TRY(findings_list(c, doc, "inhibiting", G_INHIBITING, "inhibiting"));
        TRY(findings_list(c, doc, "conditions", G_CONDITIONS, "conditions"));
        TRY(findings_list(c, doc, "recommendations", G_RECOMMENDATIONS, "recommendations"));
    }
    TRY(buf_printf(c->h, "<footer>\n<p>%s", g(c, G_SOURCE)));
    if (doc != NULL)
        TRY(buf_printf(c->h, " %s %d.", g(c, G_FINDINGS), samen_tables_wave(c->t)));
    TRY(put(c, "</p>\n"));
    if (colophon != NULL) {
        TRY(put(c, "<p>"));
        TRY(esc(c, colophon));
        TRY(put(c, "</p>\n"));
    }
    TRY(put(c, "</footer>\n</main>\n</body>\n</html>\n"));
out:
    yx_destroy(doc);
    return st;
}

samen_status samen_report_infographic(const samen_study *s, const samen_tables *t,
                                      const samen_report_options *opt, char **out, size_t *len,
                                      samen_diag *d)
{
    buf h;
    buf_init(&h, IG_MAX_BYTES);
    ig c = {s, t, "nl", 0, &h, d};
    if (opt != NULL && opt->lang != NULL && strcmp(opt->lang, "en") == 0) {
        c.lang = "en";
        c.li = 1;
    }
    samen_status st = page(&c);
    if (st == SAMEN_OK) {
        size_t n = h.len;
        char *p = buf_take(&h);
        if (p == NULL) {
            st = SAMEN_ENOMEM;
        } else {
            *out = p;
            *len = n;
        }
    }
    buf_free(&h);
    return st;
}
