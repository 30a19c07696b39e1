/* sav_write.c - the analysis file of a wave as an SPSS system file, .sav
 * or .zsav, through ReadStat (samen_export_sav in samen/interchange.h).
 *
 * Rules:
 *  1. Rows and columns are those of the CSV export (io/response_rows.h,
 *     io/csv/csv_export.c): pseudonymised unless with_school_ids; the
 *     dictionary is sav_dict_build's (io/sav/sav_dict.c).
 *  2. Every numeric variable is a double (ReadStat 1.1.8 writes other
 *     numeric types as doubles anyway, and SPSS has no other).
 *  3. A string variable is as wide as its longest value in bytes (at
 *     least 1, at most SAV_STRING_MAX); longer texts are cut at a character
 *     boundary.
 *  4. All rows are in memory before writing: the row count handed to
 *     readstat_begin_writing_sav must be the number of rows written.
 *  5. The file is written next to its target and renamed into place.
 *  6. .sav files are bytecode-compressed, .zsav files zlib-compressed.
 */
#include <errno.h>
#include <math.h>
#include <readstat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/response_rows.h"
#include "io/sav/sav_private.h"
#include "util/text.h"

typedef struct sav_out {
    FILE *f;
    samen_diag *d;
    const char *path;
    int reported;
} sav_out;

static ssize_t write_bytes(const void *data, size_t len, void *ctx)
{
    sav_out *o = ctx;
    return fwrite(data, 1, len, o->f) == len ? (ssize_t)len : -1;
}

static void on_error(const char *msg, void *ctx)
{
    sav_out *o = ctx;
    samen_diag_add(o->d, o->path, 0, 0, "ReadStat: %s", msg);
    o->reported = 1;
}

static readstat_measure_t rs_measure(sav_measure m)
{
    switch (m) {
    case SAV_ORDINAL: return READSTAT_MEASURE_ORDINAL;
    case SAV_SCALE: return READSTAT_MEASURE_SCALE;
    default: return READSTAT_MEASURE_NOMINAL;
    }
}

/* Rule 3. */
static void size_strings(sav_dict *dict, const response_rows *rows)
{
    for (size_t k = 0; k < dict->nvars; k++) {
        sav_var *v = &dict->vars[k];
        if (!v->is_string || v->inst_var < 0)
            continue;
        size_t w = 1;
        for (size_t r = 0; r < response_rows_count(rows); r++) {
            const char *t = response_rows_at(rows, r)->texts[v->inst_var];
            size_t n = t ? strlen(t) : 0;
            if (n > w)
                w = n;
        }
        v->width = w > SAV_STRING_MAX ? SAV_STRING_MAX : w;
    }
}

static readstat_error_t define(readstat_writer_t *w, const sav_dict *dict,
                               readstat_variable_t **vars)
{
    for (size_t k = 0; k < dict->nvars; k++) {
        const sav_var *v = &dict->vars[k];
        readstat_variable_t *rv = readstat_add_variable(
            w, v->name, v->is_string ? READSTAT_TYPE_STRING : READSTAT_TYPE_DOUBLE, /* rule 2 */
            v->is_string ? v->width : 0);
        if (rv == NULL)
            return READSTAT_ERROR_MALLOC;
        vars[k] = rv;
        readstat_variable_set_label(rv, v->label);
        readstat_variable_set_measure(rv, rs_measure(v->measure));
        readstat_variable_set_alignment(rv, v->is_string ? READSTAT_ALIGNMENT_LEFT
                                                         : READSTAT_ALIGNMENT_RIGHT);
        if (v->is_string) {
            readstat_variable_set_display_width(rv, v->width < 40 ? (int)v->width : 40);
            continue;
        }
        readstat_variable_set_format(rv, v->decimals ? "F12.2" : "F8.0");
        readstat_variable_set_display_width(rv, 8);
        if (v->nlabels > 0) {
            char set_name[32];
            snprintf(set_name, sizeof set_name, "labels%zu", k);
            readstat_label_set_t *ls = readstat_add_label_set(w, READSTAT_TYPE_DOUBLE, set_name);
            if (ls == NULL)
                return READSTAT_ERROR_MALLOC;
            for (size_t i = 0; i < v->nlabels; i++)
                readstat_label_double_value(ls, v->labels[i].value, v->labels[i].label);
            readstat_variable_set_label_set(rv, ls);
        }
        readstat_error_t e = READSTAT_OK;
        if (v->missing.has_range)
            e = readstat_variable_add_missing_double_range(rv, v->missing.lo, v->missing.hi);
        for (int i = 0; i < v->missing.ndiscrete && e == READSTAT_OK; i++)
            e = readstat_variable_add_missing_double_value(rv, v->missing.discrete[i]);
        if (e != READSTAT_OK)
            return e;
    }
    return READSTAT_OK;
}

static readstat_error_t write_row(readstat_writer_t *w, const samen_study *s, const sav_dict *dict,
                                  readstat_variable_t **vars, const response_row *row,
                                  long number)
{
    const samen_school_info *sc = samen_study_school(s, row->school);
    const samen_region_info *reg = samen_study_region(s, sc->region);
    readstat_error_t e = readstat_begin_row(w);
    char cut[SAV_STRING_MAX + 1];
    for (size_t k = 0; k < dict->nvars && e == READSTAT_OK; k++) {
        const sav_var *v = &dict->vars[k];
        double x = NAN;
        switch (v->lead) {
        case SAV_LEAD_BRIN: e = readstat_insert_string_value(w, vars[k], sc->brin); continue;
        case SAV_LEAD_RESPONDENT: x = (double)number; break;
        case SAV_LEAD_REGION: x = (double)sc->region + 1; break;
        case SAV_LEAD_SITUATION: x = reg->situation + 1; break;
        case SAV_LEAD_SECTOR: x = sc->sector + 1; break;
        case SAV_LEAD_NONE:
            if (v->is_string) {
                const char *t = row->texts[v->inst_var];
                sav_cut(cut, sizeof cut, t ? t : "", v->width);
                e = readstat_insert_string_value(w, vars[k], cut);
                continue;
            }
            x = row->values[v->inst_var];
            break;
        }
        e = isnan(x) ? readstat_insert_missing_value(w, vars[k])
                     : readstat_insert_double_value(w, vars[k], x);
    }
    if (e == READSTAT_OK)
        e = readstat_end_row(w);
    return e;
}

static void add_notes(readstat_writer_t *w, const samen_study *s, int wave,
                      const samen_export_options *opt)
{
    bool en = opt->lang != NULL && strcmp(opt->lang, "en") == 0;
    const samen_instrument *inst = samen_study_find_wave(s, wave)->instrument;
    char line[256], note[81];
    snprintf(line, sizeof line, en ? "Written by samen from instrument %s (version %s)."
                                   : "Gemaakt door samen uit vragenlijst %s (versie %s).",
             samen_instrument_id(inst), samen_instrument_version(inst));
    sav_cut(note, sizeof note, line, 80); /* SPSS document lines hold 80 bytes */
    readstat_add_note(w, note);
    if (!opt->with_school_ids)
        readstat_add_note(w, en ? "Pseudonymised: no BRIN codes, school names or e-mail addresses."
                                : "Gepseudonimiseerd: geen BRIN-codes, schoolnamen of e-mailadressen.");
    if (samen_study_synthetic(s))
        readstat_add_note(w, en ? "SYNTHETIC DATA: the schools are fictitious."
                                : "SYNTHETISCHE DATA: de scholen zijn fictief.");
}

samen_status samen_export_sav(const samen_study *s, samen_store *st, int wave, const char *path,
                              const samen_export_options *opt, bool compressed, long *rows,
                              samen_diag *d)
{
    samen_export_options defaults = {false, ',', NULL};
    if (opt == NULL)
        opt = &defaults;
    char tmp[4096];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid()) >= sizeof tmp) {
        samen_diag_add(d, path, 0, 0, "path too long");
        return SAMEN_EINVAL;
    }
    sav_dict *dict = NULL;
    response_rows *rr = NULL;
    readstat_writer_t *w = NULL;
    readstat_variable_t **vars = NULL;
    sav_out o = {NULL, d, path, 0};
    samen_status rc = sav_dict_build(s, wave, opt, &dict, d);
    if (rc == SAMEN_OK)
        rc = response_rows_load(s, st, wave, &rr, d);
    if (rc != SAMEN_OK)
        goto out;
    size_strings(dict, rr);
    rc = SAMEN_ENOMEM;
    vars = calloc(dict->nvars ? dict->nvars : 1, sizeof *vars);
    w = readstat_writer_init();
    if (vars == NULL || w == NULL)
        goto out;
    o.f = fopen(tmp, "wb");
    if (o.f == NULL) {
        samen_diag_add(d, path, 0, 0, "cannot write: %s", strerror(errno));
        rc = SAMEN_EIO;
        goto out;
    }
    readstat_set_data_writer(w, write_bytes);
    readstat_writer_set_error_handler(w, on_error);
    readstat_writer_set_file_label(w, dict->file_label);
    readstat_writer_set_compression(w, compressed ? READSTAT_COMPRESS_BINARY
                                                  : READSTAT_COMPRESS_ROWS); /* rule 6 */
    add_notes(w, s, wave, opt);
    readstat_error_t e = define(w, dict, vars);
    long n = (long)response_rows_count(rr);
    if (e == READSTAT_OK)
        e = readstat_begin_writing_sav(w, &o, n); /* rule 4 */
    for (long r = 0; r < n && e == READSTAT_OK; r++)
        e = write_row(w, s, dict, vars, response_rows_at(rr, (size_t)r), r + 1);
    if (e == READSTAT_OK)
        e = readstat_end_writing(w);
    int closed = fclose(o.f);
    o.f = NULL;
    if (e != READSTAT_OK || closed != 0) {
        if (!o.reported)
            samen_diag_add(d, path, 0, 0, "cannot write the SPSS file: %s",
                           e != READSTAT_OK ? readstat_error_message(e) : strerror(errno));
        rc = e == READSTAT_ERROR_WRITE || closed != 0 || e == READSTAT_ERROR_MALLOC
                 ? SAMEN_EIO
                 : SAMEN_EINTERNAL;
        unlink(tmp);
        goto out;
    }
    if (rename(tmp, path) != 0) { /* rule 5 */
        samen_diag_add(d, path, 0, 0, "cannot write: %s", strerror(errno));
        unlink(tmp);
        rc = SAMEN_EIO;
        goto out;
    }
    if (rows != NULL)
        *rows = n;
    rc = SAMEN_OK;
out:
    if (o.f != NULL) {
        fclose(o.f);
        unlink(tmp);
    }
    readstat_writer_free(w);
    free(vars);
    response_rows_destroy(rr);
    sav_dict_destroy(dict);
    return rc;
}
