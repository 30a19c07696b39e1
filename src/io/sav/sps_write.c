/* sps_write.c - SPSS syntax for a wave's export (samen_export_sps in
 * samen/interchange.h): the dictionary of io/sav/sav_dict.c as commands,
 * plus what a .sav written by ReadStat 1.1.8 cannot hold, the
 * multiple-response sets.
 *
 * Rules:
 *  1. Commands: VARIABLE LABELS, VALUE LABELS, MISSING VALUES, VARIABLE
 *     LEVEL, then MRSETS with one MDGROUP per tick-all question, named
 *     $<question id>, counted value 1, categories labelled by the
 *     variables' labels. Labels are those of the .sav (same cuts).
 *  2. Continuation lines are indented and every command ends with a
 *     period on its own line, which both SPSS's batch and interactive
 *     modes and PSPP accept.
 *  3. Strings are quoted with ' (doubled inside) and split into pieces of
 *     at most 60 bytes joined with +, never inside a UTF-8 character, so
 *     no line grows long; line breaks and tabs inside become blanks.
 *  4. The file is encoded in UTF-8 and says so in its first line; it is
 *     written next to its target and renamed into place.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/sav/sav_private.h"
#include "util/text.h"

#define PIECE 60
#define LINE_WIDTH 76

/* Rule 3. */
static void put_string(FILE *f, const char *s)
{
    size_t len = strlen(s);
    size_t pos = 0;
    fputc('\'', f);
    if (len == 0) {
        fputc('\'', f);
        return;
    }
    while (pos < len) {
        size_t n = len - pos;
        if (n > PIECE) {
            n = PIECE;
            while (n > 0 && ((unsigned char)s[pos + n] & 0xC0) == 0x80)
                n--;
            /* Prefer to break after a blank, so words stay whole. */
            size_t b = n;
            while (b > PIECE / 2 && s[pos + b - 1] != ' ')
                b--;
            if (b > PIECE / 2)
                n = b;
        }
        for (size_t i = 0; i < n; i++) {
            char c = s[pos + i];
            if (c == '\'')
                fputc('\'', f);
            fputc(c == '\n' || c == '\r' || c == '\t' ? ' ' : c, f);
        }
        pos += n;
        if (pos < len)
            fputs("' +\n      '", f);
    }
    fputc('\'', f);
}

static void put_number(FILE *f, double x)
{
    fprintf(f, "%.15g", x);
}

/* A list of names wrapped at LINE_WIDTH; *col is the current column. */
static void put_name(FILE *f, const char *name, size_t *col)
{
    size_t n = strlen(name);
    if (*col + 1 + n > LINE_WIDTH) {
        fputs("\n   ", f);
        *col = 3;
    }
    fputc(' ', f);
    fputs(name, f);
    *col += 1 + n;
}

static void variable_labels(FILE *f, const sav_dict *dict)
{
    fputs("VARIABLE LABELS\n", f);
    for (size_t k = 0; k < dict->nvars; k++) {
        fprintf(f, "  %s%s ", k ? "/" : "", dict->vars[k].name);
        put_string(f, dict->vars[k].label);
        fputc('\n', f);
    }
    fputs(".\n\n", f);
}

static void value_labels(FILE *f, const sav_dict *dict)
{
    bool first = true;
    for (size_t k = 0; k < dict->nvars; k++) {
        const sav_var *v = &dict->vars[k];
        if (v->is_string || v->nlabels == 0)
            continue;
        fprintf(f, "%s  %s%s\n", first ? "VALUE LABELS\n" : "", first ? "" : "/", v->name);
        for (size_t i = 0; i < v->nlabels; i++) {
            fputs("    ", f);
            put_number(f, v->labels[i].value);
            fputc(' ', f);
            put_string(f, v->labels[i].label);
            fputc('\n', f);
        }
        first = false;
    }
    if (!first)
        fputs(".\n\n", f);
}

static void missing_values(FILE *f, const sav_dict *dict)
{
    bool first = true;
    for (size_t k = 0; k < dict->nvars; k++) {
        const sav_var *v = &dict->vars[k];
        const sav_missing *m = &v->missing;
        if (v->is_string || (m->ndiscrete == 0 && !m->has_range))
            continue;
        fprintf(f, "%s  %s%s (", first ? "MISSING VALUES\n" : "", first ? "" : "/", v->name);
        if (m->has_range) {
            put_number(f, m->lo);
            fputs(" THRU ", f);
            put_number(f, m->hi);
        }
        for (int i = 0; i < m->ndiscrete; i++) {
            if (i > 0 || m->has_range)
                fputs(", ", f);
            put_number(f, m->discrete[i]);
        }
        fputs(")\n", f);
        first = false;
    }
    if (!first)
        fputs(".\n\n", f);
}

static void variable_level(FILE *f, const sav_dict *dict)
{
    static const char *const names[] = {[SAV_NOMINAL] = "NOMINAL", [SAV_ORDINAL] = "ORDINAL",
                                        [SAV_SCALE] = "SCALE"};
    bool first = true;
    for (int level = SAV_NOMINAL; level <= SAV_SCALE; level++) {
        size_t col = 0;
        for (size_t k = 0; k < dict->nvars; k++) {
            if ((int)dict->vars[k].measure != level)
                continue;
            if (col == 0) {
                fputs(first ? "VARIABLE LEVEL\n  " : "  /", f);
                col = 3;
                first = false;
            }
            put_name(f, dict->vars[k].name, &col);
        }
        if (col > 0)
            fprintf(f, " (%s)\n", names[level]);
    }
    if (!first)
        fputs(".\n\n", f);
}

static void mrsets(FILE *f, const samen_instrument *inst, bool en)
{
    bool first = true;
    for (size_t q = 0; q < samen_instrument_nquestions(inst); q++) {
        const samen_question_info *qi = samen_instrument_question(inst, q);
        if (qi->type != SAMEN_Q_MULTI || qi->nvars == 0)
            continue;
        char name[65], label[SAV_VAR_LABEL_MAX + 1];
        snprintf(name, sizeof name, "$%s", qi->id);
        sav_cut(label, sizeof label, en && qi->text_en ? qi->text_en : qi->text_nl,
                SAV_VAR_LABEL_MAX);
        fprintf(f, "%s  /MDGROUP NAME=%s\n    LABEL=", first ? "MRSETS\n" : "", name);
        put_string(f, label);
        fputs("\n    CATEGORYLABELS=VARLABELS\n    VARIABLES", f);
        fputc('=', f);
        size_t col = 14;
        for (size_t v = qi->first_var; v < qi->first_var + qi->nvars; v++) {
            const char *vn = samen_instrument_var(inst, v)->name;
            if (v == qi->first_var) {
                fputs(vn, f);
                col += strlen(vn);
            } else {
                put_name(f, vn, &col);
            }
        }
        fputs("\n    VALUE=1\n", f);
        first = false;
    }
    if (!first)
        fputs(".\n", f);
}

samen_status samen_export_sps(const samen_study *s, int wave, const char *path,
                              const char *sav_name, const samen_export_options *opt,
                              samen_diag *d)
{
    samen_export_options defaults = {false, ',', NULL};
    if (opt == NULL)
        opt = &defaults;
    bool en = opt->lang != NULL && strcmp(opt->lang, "en") == 0;
    sav_dict *dict = NULL;
    samen_status rc = sav_dict_build(s, wave, opt, &dict, d);
    if (rc != SAMEN_OK)
        return rc;
    const samen_instrument *inst = samen_study_find_wave(s, wave)->instrument;
    char tmp[4096];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid()) >= sizeof tmp) {
        samen_diag_add(d, path, 0, 0, "path too long");
        sav_dict_destroy(dict);
        return SAMEN_EINVAL;
    }
    FILE *f = fopen(tmp, "wb");
    if (f == NULL) {
        samen_diag_add(d, path, 0, 0, "cannot write: %s", strerror(errno));
        sav_dict_destroy(dict);
        return SAMEN_EIO;
    }
    fputs("* Encoding: UTF-8.\n", f); /* rule 4 */
    if (en) {
        fprintf(f, "* SPSS syntax for %s: %s, wave %d, instrument %s (version %s).\n",
                sav_name ? sav_name : "the analysis file", samen_study_id(s), wave,
                samen_instrument_id(inst), samen_instrument_version(inst));
        fputs("* Open the data file first (GET FILE='...'.), then run this syntax: it sets\n"
              "* labels, missing values and measurement levels, and defines the\n"
              "* multiple-response sets (MRSETS), which the .sav file does not hold.\n",
              f);
    } else {
        fprintf(f, "* SPSS-syntaxis bij %s: %s, meting %d, vragenlijst %s (versie %s).\n",
                sav_name ? sav_name : "het analysebestand", samen_study_id(s), wave,
                samen_instrument_id(inst), samen_instrument_version(inst));
        fputs("* Open eerst het databestand (GET FILE='...'.) en voer dan deze syntaxis uit:\n"
              "* die zet labels, ontbrekende waarden en meetniveaus, en definieert de sets\n"
              "* voor meervoudige antwoorden (MRSETS), die het .sav-bestand niet bevat.\n",
              f);
    }
    if (samen_study_synthetic(s))
        fputs(en ? "* SYNTHETIC DATA: the schools are fictitious.\n"
                 : "* SYNTHETISCHE DATA: de scholen zijn fictief.\n",
              f);
    fputc('\n', f);
    variable_labels(f, dict);
    value_labels(f, dict);
    missing_values(f, dict);
    variable_level(f, dict);
    mrsets(f, inst, en);
    sav_dict_destroy(dict);
    int bad = ferror(f) != 0;
    bad |= fclose(f) != 0;
    if (bad || rename(tmp, path) != 0) {
        samen_diag_add(d, path, 0, 0, "cannot write: %s", strerror(errno));
        unlink(tmp);
        return SAMEN_EIO;
    }
    return SAMEN_OK;
}
