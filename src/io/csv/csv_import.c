/* csv_import.c - importing a wave's responses from CSV
 * (samen/interchange.h).
 *
 * Rules:
 *  1. The header names a `brin` column and instrument variables; `region`,
 *     `situation`, `sector`, `governance` and `wave` may be present and must
 *     agree with the study; `respondent` is ignored. Any other column is an
 *     error at line 1.
 *  2. A cell is checked against its variable (samen_instrument_check_value);
 *     empty means no answer.
 *  3. A non-empty cell of a question the school was not asked (routing,
 *     refused or missing consent) is an error.
 *  4. A school appears once per file and has no response yet in the wave.
 *  5. Nothing is written unless every row passes; then all rows are written
 *     in one transaction.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samen/interchange.h"
#include "util/csvr.h"
#include "util/text.h"

enum extra_col { X_BRIN, X_REGION, X_SITUATION, X_SECTOR, X_GOVERNANCE, X_WAVE, X_RESPONDENT, NX };
static const char *const extra_names[NX] = {"brin",   "region", "situation", "sector",
                                            "governance", "wave", "respondent"};

typedef struct row {
    long school;
    double *values;     /* per variable */
    char **texts;       /* per variable; only text variables */
} row;

typedef struct importer {
    const samen_study *s;
    const samen_instrument *inst;
    samen_store *st;
    int wave;
    const char *name;
    samen_diag *d;
    size_t nvars;
    size_t ncols;
    long *col_var;          /* per column: variable index, or -1 - extra column */
    char **col_names;
    bool header_done;
    unsigned char *seen;    /* per school of the study */
    long *seen_line;
    row *rows;
    size_t nrows, crows;
    samen_status fatal;
} importer;

static samen_status read_header(importer *im, long line, size_t n, char **f)
{
    im->col_var = calloc(n, sizeof *im->col_var);
    im->col_names = calloc(n, sizeof *im->col_names);
    if (im->col_var == NULL || im->col_names == NULL)
        return SAMEN_ENOMEM;
    im->ncols = n;
    bool has_brin = false;
    for (size_t i = 0; i < n; i++) {
        im->col_names[i] = text_dup(f[i]);
        if (im->col_names[i] == NULL)
            return SAMEN_ENOMEM;
        long v = samen_instrument_find_var(im->inst, f[i]);
        if (v >= 0) {
            im->col_var[i] = v;
        } else {
            int x;
            for (x = 0; x < NX; x++)
                if (text_ieq(f[i], extra_names[x]))
                    break;
            if (x == NX) {
                samen_diag_add(im->d, im->name, line, (long)i + 1,
                               "unknown column '%s': not a variable of instrument %s", f[i],
                               samen_instrument_id(im->inst));
                im->col_var[i] = -1 - NX;
                continue;
            }
            im->col_var[i] = -1 - x;
            has_brin |= x == X_BRIN;
        }
        for (size_t j = 0; j < i; j++)
            if (text_ieq(f[i], f[j]))
                samen_diag_add(im->d, im->name, line, (long)i + 1, "duplicate column '%s'", f[i]);
    }
    if (!has_brin)
        samen_diag_add(im->d, im->name, line, 0,
                       "no 'brin' column: every row must name its school by BRIN code");
    return samen_diag_count(im->d) > 0 ? SAMEN_EVALIDATE : SAMEN_OK;
}

static void free_row(row *r, size_t nvars)
{
    if (r->texts != NULL)
        for (size_t v = 0; v < nvars; v++)
            free(r->texts[v]);
    free(r->texts);
    free(r->values);
}

#define CELL(i) im->name, line, (long)(i) + 1

/* Checks an attribute column against the school's study attributes. */
static void check_extra(importer *im, long line, size_t i, int x, const char *cell,
                        const samen_school_info *sc)
{
    if (cell[0] == '\0' || x == X_RESPONDENT || x == X_BRIN)
        return;
    const samen_region_info *r = samen_study_region(im->s, sc->region);
    const char *want = NULL;
    char wave[16];
    switch (x) {
    case X_REGION: want = r->code; break;
    case X_SITUATION: want = samen_vocab_code(SAMEN_ATTR_SITUATION, r->situation); break;
    case X_SECTOR: want = samen_vocab_code(SAMEN_ATTR_SECTOR, sc->sector); break;
    case X_GOVERNANCE: want = samen_vocab_code(SAMEN_ATTR_GOVERNANCE, r->governance); break;
    case X_WAVE:
        snprintf(wave, sizeof wave, "%d", im->wave);
        want = wave;
        break;
    default: return;
    }
    if (strcmp(cell, want) != 0)
        samen_diag_add(im->d, CELL(i), "%s '%s' does not match the study, which says '%s' for "
                       "school %s", extra_names[x], cell, want, sc->brin);
}

static samen_status read_row(void *ctx, long line, size_t n, char **f)
{
    importer *im = ctx;
    if (!im->header_done) {
        im->header_done = true;
        return read_header(im, line, n, f);
    }
    if (n != im->ncols) {
        samen_diag_add(im->d, im->name, line, 0, "%zu fields where the header has %zu", n,
                       im->ncols);
        return SAMEN_OK;
    }
    /* The school first: routing depends on its situation and sector. */
    long school = -1;
    size_t brin_col = 0;
    for (size_t i = 0; i < n; i++)
        if (im->col_var[i] == -1 - X_BRIN) {
            brin_col = i;
            school = samen_study_find_school(im->s, f[i]);
            if (school < 0)
                samen_diag_add(im->d, CELL(i), "'%s' is not a school of this study", f[i]);
        }
    if (school < 0)
        return SAMEN_OK;
    const samen_school_info *sc = samen_study_school(im->s, (size_t)school);
    if (im->seen[school]) {
        samen_diag_add(im->d, CELL(brin_col), "school %s appears twice (also on line %ld)",
                       sc->brin, im->seen_line[school]);
        return SAMEN_OK;
    }
    im->seen[school] = 1;
    im->seen_line[school] = line;
    bool exists = false;
    samen_status st = samen_store_has_response(im->st, im->wave, sc->brin, &exists);
    if (st != SAMEN_OK)
        return st;
    if (exists) {
        samen_diag_add(im->d, CELL(brin_col), "school %s already has a response in wave %d",
                       sc->brin, im->wave);
        return SAMEN_OK;
    }
    row r = {school, calloc(im->nvars, sizeof(double)), calloc(im->nvars, sizeof(char *))};
    if (r.values == NULL || r.texts == NULL) {
        free_row(&r, im->nvars);
        return SAMEN_ENOMEM;
    }
    for (size_t v = 0; v < im->nvars; v++)
        r.values[v] = NAN;
    size_t errors_before = samen_diag_count(im->d);
    long *var_col = malloc(im->nvars * sizeof *var_col);
    if (var_col == NULL) {
        free_row(&r, im->nvars);
        return SAMEN_ENOMEM;
    }
    for (size_t v = 0; v < im->nvars; v++)
        var_col[v] = -1;
    for (size_t i = 0; i < n; i++) {
        long v = im->col_var[i];
        if (v < 0) {
            check_extra(im, line, i, (int)(-1 - v), f[i], sc);
            continue;
        }
        var_col[v] = (long)i;
        char why[300];
        if (samen_instrument_check_value(im->inst, (size_t)v, f[i], &r.values[v], why,
                                         sizeof why) != SAMEN_OK) {
            samen_diag_add(im->d, CELL(i), "%s: %s", im->col_names[i], why);
            continue;
        }
        if (samen_instrument_var(im->inst, (size_t)v)->type == SAMEN_Q_TEXT && f[i][0] != '\0') {
            r.texts[v] = text_dup(f[i]);
            if (r.texts[v] == NULL) {
                free(var_col);
                free_row(&r, im->nvars);
                return SAMEN_ENOMEM;
            }
        }
    }
    /* Rule 3: routing, decided on the answers in question order. */
    const samen_region_info *reg = samen_study_region(im->s, sc->region);
    samen_answers ans = {{reg->situation, sc->sector, reg->governance}, r.values};
    for (size_t q = 0; q < samen_instrument_nquestions(im->inst); q++) {
        if (samen_instrument_asked(im->inst, q, &ans))
            continue;
        const samen_question_info *qi = samen_instrument_question(im->inst, q);
        for (size_t v = qi->first_var; v < qi->first_var + qi->nvars; v++) {
            if (isnan(r.values[v]))
                continue;
            const char *cond = qi->when ? qi->when : qi->section_when;
            samen_diag_add(im->d, CELL(var_col[v]),
                           "%s is answered, but question '%s' is not asked of this school "
                           "(%s%s%s)",
                           samen_instrument_var(im->inst, v)->name, qi->id,
                           cond ? "condition: " : "no consent", cond ? cond : "",
                           qi->when && qi->section_when ? " within its section's condition" : "");
        }
    }
    free(var_col);
    if (samen_diag_count(im->d) > errors_before) {
        free_row(&r, im->nvars);
        return SAMEN_OK;
    }
    if (im->nrows == im->crows) {
        size_t c = im->crows ? im->crows * 2 : 256;
        row *p = realloc(im->rows, c * sizeof *p);
        if (p == NULL) {
            free_row(&r, im->nvars);
            return SAMEN_ENOMEM;
        }
        im->rows = p;
        im->crows = c;
    }
    im->rows[im->nrows++] = r;
    return SAMEN_OK;
}

/* Rule 5: every row in one transaction. */
static samen_status write_rows(importer *im, samen_import_result *res)
{
    samen_answer *answers = malloc((im->nvars ? im->nvars : 1) * sizeof *answers);
    if (answers == NULL)
        return SAMEN_ENOMEM;
    long consent_var = -1;
    if (samen_instrument_nquestions(im->inst) > 0 &&
        samen_instrument_question(im->inst, 0)->type == SAMEN_Q_CONSENT)
        consent_var = (long)samen_instrument_question(im->inst, 0)->first_var;
    samen_status st = samen_store_begin(im->st);
    if (st == SAMEN_OK)
        st = samen_store_sync_study(im->st, im->s);
    const char *version = samen_instrument_version(im->inst);
    for (size_t i = 0; st == SAMEN_OK && i < im->nrows; i++) {
        row *r = &im->rows[i];
        size_t k = 0;
        for (size_t v = 0; v < im->nvars; v++) {
            if (isnan(r->values[v]))
                continue;
            answers[k].var = samen_instrument_var(im->inst, v)->name;
            answers[k].num = r->texts[v] ? NAN : r->values[v];
            answers[k].text = r->texts[v];
            k++;
        }
        samen_response_status rs = SAMEN_RESPONSE_COMPLETE;
        if (consent_var >= 0 && r->values[consent_var] != 1) {
            rs = SAMEN_RESPONSE_REFUSED;
            res->refused++;
        }
        st = samen_store_put_response(im->st, im->wave,
                                      samen_study_school(im->s, (size_t)r->school)->brin, version,
                                      rs, k, answers);
    }
    if (st == SAMEN_OK)
        st = samen_store_commit(im->st);
    if (st != SAMEN_OK) {
        samen_store_rollback(im->st);
        samen_diag_add(im->d, im->name, 0, 0, "could not store the responses (%s); nothing was "
                       "imported", samen_status_message(st));
        res->refused = 0;
    } else {
        res->rows = (long)im->nrows;
    }
    free(answers);
    return st;
}

samen_status samen_import_csv(const samen_study *s, samen_store *st, int wave, const char *path,
                              const char *name, samen_import_result *result, samen_diag *d)
{
    samen_import_result local;
    if (result == NULL)
        result = &local;
    memset(result, 0, sizeof *result);
    const samen_wave_info *w = samen_study_find_wave(s, wave);
    if (w == NULL) {
        samen_diag_add(d, "--wave", 0, 0, "the study has no wave %d", wave);
        return SAMEN_EINVAL;
    }
    importer im = {.s = s, .inst = w->instrument, .st = st, .wave = wave, .name = name, .d = d};
    im.nvars = samen_instrument_nvars(im.inst);
    size_t ns = samen_study_nschools(s);
    im.seen = calloc(ns ? ns : 1, 1);
    im.seen_line = calloc(ns ? ns : 1, sizeof *im.seen_line);
    size_t before = samen_diag_count(d);
    samen_status rc = SAMEN_ENOMEM;
    if (im.seen != NULL && im.seen_line != NULL) {
        csvr_info info;
        rc = csvr_read_file(path, name, SAMEN_IMPORT_MAX_BYTES, read_row, &im, &info, d);
        result->delimiter = info.delimiter;
        result->was_cp1252 = info.was_cp1252 != 0;
        if (rc == SAMEN_OK && !im.header_done) {
            samen_diag_add(d, name, 0, 0, "the file is empty");
            rc = SAMEN_EVALIDATE;
        }
        if (rc == SAMEN_OK && samen_diag_count(d) > before)
            rc = SAMEN_EVALIDATE;
        if (rc == SAMEN_OK)
            rc = write_rows(&im, result);
    }
    for (size_t i = 0; i < im.nrows; i++)
        free_row(&im.rows[i], im.nvars);
    free(im.rows);
    for (size_t i = 0; i < im.ncols; i++)
        free(im.col_names[i]);
    free(im.col_names);
    free(im.col_var);
    free(im.seen);
    free(im.seen_line);
    return rc;
}
