/* csv_export.c - the analysis file of a wave as CSV (samen/interchange.h).
 *
 * Rules:
 *  1. One row per school that consented (status complete), ordered by
 *     response; refusals carry no answers and are left out.
 *  2. Pseudonymised by default: a `respondent` number, the region,
 *     situation and sector; no BRIN code, name or e-mail. The BRIN code is
 *     added only on request (with_school_ids), for the research team.
 *  3. Numbers are written bare; texts are quoted by libcsv and defused
 *     against formula injection (samen_cell_defuse).
 *  4. The file is written next to its target and renamed into place.
 */
#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "samen/interchange.h"
#include "util/text.h"

const char *samen_cell_defuse(const char *t, char *out, size_t cap)
{
    if (cap == 0)
        return out;
    if (t[0] == '=' || t[0] == '+' || t[0] == '-' || t[0] == '@' || t[0] == '\t' ||
        t[0] == '\r') {
        out[0] = '\'';
        text_copy(out + 1, cap - 1, t);
    } else {
        text_copy(out, cap, t);
    }
    return out;
}

typedef struct exporter {
    const samen_study *s;
    const samen_instrument *inst;
    const samen_export_options *opt;
    FILE *f;
    long rows;
    size_t nvars;
    double *values;
    const char **texts;
} exporter;

static void put_text(exporter *ex, const char *t)
{
    char safe[8192];
    const char *cell = samen_cell_defuse(t, safe, sizeof safe);
    csv_fwrite(ex->f, cell, strlen(cell));
}

static void put_sep(exporter *ex)
{
    fputc(ex->opt->delimiter, ex->f);
}

static samen_status write_response(void *ctx, const samen_response_view *r)
{
    exporter *ex = ctx;
    if (r->status != SAMEN_RESPONSE_COMPLETE)
        return SAMEN_OK; /* rule 1 */
    long school = samen_study_find_school(ex->s, r->brin);
    if (school < 0)
        return SAMEN_OK; /* a school since removed from the study */
    const samen_school_info *sc = samen_study_school(ex->s, (size_t)school);
    const samen_region_info *reg = samen_study_region(ex->s, sc->region);
    for (size_t v = 0; v < ex->nvars; v++) {
        ex->values[v] = NAN;
        ex->texts[v] = NULL;
    }
    for (size_t i = 0; i < r->nanswers; i++) {
        long v = samen_instrument_find_var(ex->inst, r->answers[i].var);
        if (v < 0)
            continue;
        ex->values[v] = r->answers[i].num;
        ex->texts[v] = r->answers[i].text;
    }
    ex->rows++;
    if (ex->opt->with_school_ids) {
        fputs(sc->brin, ex->f);
        put_sep(ex);
    }
    fprintf(ex->f, "%ld", ex->rows);
    put_sep(ex);
    put_text(ex, reg->code);
    put_sep(ex);
    fputs(samen_vocab_code(SAMEN_ATTR_SITUATION, reg->situation), ex->f);
    put_sep(ex);
    fputs(samen_vocab_code(SAMEN_ATTR_SECTOR, sc->sector), ex->f);
    for (size_t v = 0; v < ex->nvars; v++) {
        put_sep(ex);
        if (ex->texts[v] != NULL)
            put_text(ex, ex->texts[v]);
        else if (!isnan(ex->values[v]))
            fprintf(ex->f, "%.15g", ex->values[v]);
    }
    fputc('\n', ex->f);
    return ferror(ex->f) ? SAMEN_EIO : SAMEN_OK;
}

samen_status samen_export_csv(const samen_study *s, samen_store *st, int wave, const char *path,
                              const samen_export_options *opt, long *rows, samen_diag *d)
{
    samen_export_options defaults = {false, ',', NULL};
    if (opt == NULL)
        opt = &defaults;
    if (opt->delimiter == '\0') {
        defaults.with_school_ids = opt->with_school_ids;
        opt = &defaults;
    }
    const samen_wave_info *w = samen_study_find_wave(s, wave);
    if (w == NULL) {
        samen_diag_add(d, "--wave", 0, 0, "the study has no wave %d", wave);
        return SAMEN_EINVAL;
    }
    char tmp[4096];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid()) >= sizeof tmp) {
        samen_diag_add(d, path, 0, 0, "path too long");
        return SAMEN_EINVAL;
    }
    exporter ex = {.s = s, .inst = w->instrument, .opt = opt};
    ex.nvars = samen_instrument_nvars(ex.inst);
    ex.values = calloc(ex.nvars ? ex.nvars : 1, sizeof *ex.values);
    ex.texts = calloc(ex.nvars ? ex.nvars : 1, sizeof *ex.texts);
    samen_status rc = SAMEN_ENOMEM;
    if (ex.values == NULL || ex.texts == NULL)
        goto out;
    ex.f = fopen(tmp, "wb");
    if (ex.f == NULL) {
        samen_diag_add(d, path, 0, 0, "cannot write: %s", strerror(errno));
        rc = SAMEN_EIO;
        goto out;
    }
    if (opt->with_school_ids) {
        fputs("brin", ex.f);
        put_sep(&ex);
    }
    fputs("respondent", ex.f);
    put_sep(&ex);
    fputs("region", ex.f);
    put_sep(&ex);
    fputs("situation", ex.f);
    put_sep(&ex);
    fputs("sector", ex.f);
    for (size_t v = 0; v < ex.nvars; v++) {
        put_sep(&ex);
        fputs(samen_instrument_var(ex.inst, v)->name, ex.f);
    }
    fputc('\n', ex.f);
    rc = samen_store_each_response(st, wave, write_response, &ex);
    if (fclose(ex.f) != 0 && rc == SAMEN_OK)
        rc = SAMEN_EIO;
    if (rc == SAMEN_OK && rename(tmp, path) != 0) {
        samen_diag_add(d, path, 0, 0, "cannot write: %s", strerror(errno));
        rc = SAMEN_EIO;
    }
    if (rc != SAMEN_OK) {
        unlink(tmp);
        if (samen_diag_count(d) == 0)
            samen_diag_add(d, path, 0, 0, "export failed: %s", samen_status_message(rc));
    } else if (rows != NULL) {
        *rows = ex.rows;
    }
out:
    free(ex.values);
    free(ex.texts);
    return rc;
}
