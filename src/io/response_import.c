/* response_import.c - checking and storing a wave's responses, whatever
 * the file format (io/response_import.h).
 *
 * Rules:
 *  1. The columns name a `brin` column and instrument variables; `region`,
 *     `situation`, `sector`, `governance` and `wave` may be present and must
 *     agree with the study; `respondent` is ignored. Any other column is an
 *     error at the header.
 *  2. A cell is checked against its variable (samen_instrument_check_value);
 *     empty means no answer.
 *  3. A non-empty cell of a question the school was not asked (routing,
 *     refused or missing consent) is an error.
 *  4. A school appears once per file and has no response yet in the wave.
 *  5. Nothing is written unless every record passes; then all records are
 *     written in one transaction.
 */
#include "io/response_import.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

static const char *const extra_names[RIMPORT_NEXTRA] = {
    "brin", "region", "situation", "sector", "governance", "wave", "respondent"};

/* Column kinds in col_var: a variable index >= 0, or -1 - extra, or
 * UNKNOWN_COLUMN. */
#define UNKNOWN_COLUMN (-1 - RIMPORT_NEXTRA)

typedef struct record {
    long school;
    double *values;     /* per variable */
    char **texts;       /* per variable; only text variables */
} record;

struct rimport {
    const samen_study *s;
    const samen_instrument *inst;
    samen_store *st;
    int wave;
    const char *name;
    rimport_where where;
    samen_diag *d;
    size_t errors_at_start;
    size_t nvars;
    size_t ncols;
    long *col_var;
    char **col_names;
    bool header_done;
    unsigned char *seen;    /* per school of the study */
    long *seen_at;          /* the record it was first seen on */
    long *var_col;          /* per variable: its column in the current record, or -1 */
    record *records;
    size_t nrecords, crecords;
};

int rimport_extra_lookup(const char *name)
{
    for (int x = 0; x < RIMPORT_NEXTRA; x++)
        if (text_ieq(name, extra_names[x]))
            return x;
    return -1;
}

/* Adds a problem at record rec (0: none) and column col (-1: none), located
 * the way the format counts. */
static void report(rimport *im, long rec, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report(rimport *im, long rec, long col, const char *fmt, ...)
{
    char msg[480];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (im->where == RIMPORT_WHERE_LINE) {
        samen_diag_add(im->d, im->name, rec, col >= 0 ? col + 1 : 0, "%s", msg);
    } else if (rec > 0 && col >= 0) {
        samen_diag_add(im->d, im->name, 0, 0, "case %ld, variable %s: %s", rec,
                       im->col_names[col], msg);
    } else if (rec > 0) {
        samen_diag_add(im->d, im->name, 0, 0, "case %ld: %s", rec, msg);
    } else if (col >= 0) {
        samen_diag_add(im->d, im->name, 0, 0, "variable %s: %s", im->col_names[col], msg);
    } else {
        samen_diag_add(im->d, im->name, 0, 0, "%s", msg);
    }
}

samen_status rimport_create(const samen_study *s, samen_store *st, int wave, const char *name,
                            rimport_where where, samen_diag *d, rimport **out)
{
    const samen_wave_info *w = samen_study_find_wave(s, wave);
    if (w == NULL) {
        samen_diag_add(d, "--wave", 0, 0, "the study has no wave %d", wave);
        return SAMEN_EINVAL;
    }
    rimport *im = calloc(1, sizeof *im);
    if (im == NULL)
        return SAMEN_ENOMEM;
    im->s = s;
    im->inst = w->instrument;
    im->st = st;
    im->wave = wave;
    im->name = name;
    im->where = where;
    im->d = d;
    im->errors_at_start = samen_diag_count(d);
    im->nvars = samen_instrument_nvars(im->inst);
    size_t ns = samen_study_nschools(s);
    im->seen = calloc(ns ? ns : 1, 1);
    im->seen_at = calloc(ns ? ns : 1, sizeof *im->seen_at);
    im->var_col = calloc(im->nvars ? im->nvars : 1, sizeof *im->var_col);
    if (im->seen == NULL || im->seen_at == NULL || im->var_col == NULL) {
        rimport_destroy(im);
        return SAMEN_ENOMEM;
    }
    *out = im;
    return SAMEN_OK;
}

static void free_record(record *r, size_t nvars)
{
    if (r->texts != NULL)
        for (size_t v = 0; v < nvars; v++)
            free(r->texts[v]);
    free(r->texts);
    free(r->values);
}

void rimport_destroy(rimport *im)
{
    if (im == NULL)
        return;
    for (size_t i = 0; i < im->nrecords; i++)
        free_record(&im->records[i], im->nvars);
    free(im->records);
    for (size_t i = 0; i < im->ncols; i++)
        free(im->col_names[i]);
    free(im->col_names);
    free(im->col_var);
    free(im->seen);
    free(im->seen_at);
    free(im->var_col);
    free(im);
}

const samen_instrument *rimport_instrument(const rimport *im)
{
    return im->inst;
}

/* Rule 1. */
samen_status rimport_columns(rimport *im, long line, size_t n, char *const *names)
{
    bool lines = im->where == RIMPORT_WHERE_LINE;
    const char *noun = lines ? "column" : "variable";
    im->header_done = true;
    im->col_var = calloc(n ? n : 1, sizeof *im->col_var);
    im->col_names = calloc(n ? n : 1, sizeof *im->col_names);
    if (im->col_var == NULL || im->col_names == NULL)
        return SAMEN_ENOMEM;
    size_t before = samen_diag_count(im->d);
    bool has_brin = false;
    for (size_t i = 0; i < n; i++) {
        im->col_names[i] = text_dup(names[i]);
        if (im->col_names[i] == NULL)
            return SAMEN_ENOMEM;
        im->ncols = i + 1;
        /* Header problems name the column by position in text files; in
         * SPSS files the variable's name says it all. */
        long at = lines ? (long)i : -1;
        long v = samen_instrument_find_var(im->inst, names[i]);
        if (v >= 0) {
            im->col_var[i] = v;
        } else {
            int x = rimport_extra_lookup(names[i]);
            if (x < 0) {
                report(im, line, at, "unknown %s '%s': not a variable of instrument %s", noun,
                       names[i], samen_instrument_id(im->inst));
                im->col_var[i] = UNKNOWN_COLUMN;
                continue;
            }
            im->col_var[i] = -1 - x;
            has_brin |= x == RIMPORT_BRIN;
        }
        for (size_t j = 0; j < i; j++)
            if (text_ieq(names[i], names[j]))
                report(im, line, at, "duplicate %s '%s'", noun, names[i]);
    }
    if (!has_brin)
        report(im, line, -1, "no 'brin' %s: every %s must name its school by BRIN code", noun,
               lines ? "row" : "case");
    return samen_diag_count(im->d) > before ? SAMEN_EVALIDATE : SAMEN_OK;
}

/* Checks an attribute column against the school's study attributes. */
static void check_extra(rimport *im, long rec, size_t i, int x, const char *cell,
                        const samen_school_info *sc)
{
    if (cell[0] == '\0' || x == RIMPORT_RESPONDENT || x == RIMPORT_BRIN)
        return;
    const samen_region_info *r = samen_study_region(im->s, sc->region);
    const char *want = NULL;
    char wave[16];
    switch (x) {
    case RIMPORT_REGION: want = r->code; break;
    case RIMPORT_SITUATION: want = samen_vocab_code(SAMEN_ATTR_SITUATION, r->situation); break;
    case RIMPORT_SECTOR: want = samen_vocab_code(SAMEN_ATTR_SECTOR, sc->sector); break;
    case RIMPORT_GOVERNANCE:
        want = samen_vocab_code(SAMEN_ATTR_GOVERNANCE, r->governance);
        break;
    case RIMPORT_WAVE:
        snprintf(wave, sizeof wave, "%d", im->wave);
        want = wave;
        break;
    default: return;
    }
    if (strcmp(cell, want) != 0)
        report(im, rec, (long)i, "%s '%s' does not match the study, which says '%s' for school %s",
               extra_names[x], cell, want, sc->brin);
}

/* Finds the record's school (rule 4); -1 when it is unknown, repeated or
 * already answered (each reported). */
static samen_status find_school(rimport *im, long rec, size_t n, char *const *cells, long *out)
{
    *out = -1;
    long school = -1;
    size_t brin_col = 0;
    for (size_t i = 0; i < n; i++)
        if (im->col_var[i] == -1 - RIMPORT_BRIN) {
            brin_col = i;
            school = samen_study_find_school(im->s, cells[i]);
            if (school < 0)
                report(im, rec, (long)i, "'%s' is not a school of this study", cells[i]);
        }
    if (school < 0)
        return SAMEN_OK;
    const samen_school_info *sc = samen_study_school(im->s, (size_t)school);
    if (im->seen[school]) {
        report(im, rec, (long)brin_col, "school %s appears twice (also %s %ld)", sc->brin,
               im->where == RIMPORT_WHERE_LINE ? "on line" : "case", im->seen_at[school]);
        return SAMEN_OK;
    }
    im->seen[school] = 1;
    im->seen_at[school] = rec;
    bool exists = false;
    samen_status st = samen_store_has_response(im->st, im->wave, sc->brin, &exists);
    if (st != SAMEN_OK)
        return st;
    if (exists) {
        report(im, rec, (long)brin_col, "school %s already has a response in wave %d", sc->brin,
               im->wave);
        return SAMEN_OK;
    }
    *out = school;
    return SAMEN_OK;
}

samen_status rimport_row(rimport *im, long rec, size_t n, char *const *cells)
{
    if (!im->header_done)
        return SAMEN_EINTERNAL;
    if (n != im->ncols) {
        report(im, rec, -1, "%zu fields where the header has %zu", n, im->ncols);
        return SAMEN_OK;
    }
    /* The school first: routing depends on its situation and sector. */
    long school;
    samen_status st = find_school(im, rec, n, cells, &school);
    if (st != SAMEN_OK || school < 0)
        return st;
    const samen_school_info *sc = samen_study_school(im->s, (size_t)school);
    record r = {school, calloc(im->nvars ? im->nvars : 1, sizeof(double)),
                calloc(im->nvars ? im->nvars : 1, sizeof(char *))};
    if (r.values == NULL || r.texts == NULL) {
        free_record(&r, im->nvars);
        return SAMEN_ENOMEM;
    }
    for (size_t v = 0; v < im->nvars; v++) {
        r.values[v] = NAN;
        im->var_col[v] = -1;
    }
    size_t errors_before = samen_diag_count(im->d);
    /* Rule 2. */
    for (size_t i = 0; i < n; i++) {
        long v = im->col_var[i];
        if (v < 0) {
            check_extra(im, rec, i, (int)(-1 - v), cells[i], sc);
            continue;
        }
        im->var_col[v] = (long)i;
        char why[300];
        if (samen_instrument_check_value(im->inst, (size_t)v, cells[i], &r.values[v], why,
                                         sizeof why) != SAMEN_OK) {
            if (im->where == RIMPORT_WHERE_LINE)
                report(im, rec, (long)i, "%s: %s", im->col_names[i], why);
            else
                report(im, rec, (long)i, "%s", why);
            continue;
        }
        if (samen_instrument_var(im->inst, (size_t)v)->type == SAMEN_Q_TEXT &&
            cells[i][0] != '\0') {
            r.texts[v] = text_dup(cells[i]);
            if (r.texts[v] == NULL) {
                free_record(&r, im->nvars);
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
            report(im, rec, im->var_col[v],
                   "%s is answered, but question '%s' is not asked of this school (%s%s%s)",
                   samen_instrument_var(im->inst, v)->name, qi->id,
                   cond ? "condition: " : "no consent", cond ? cond : "",
                   qi->when && qi->section_when ? " within its section's condition" : "");
        }
    }
    if (samen_diag_count(im->d) > errors_before) {
        free_record(&r, im->nvars);
        return SAMEN_OK;
    }
    if (im->nrecords == im->crecords) {
        size_t c = im->crecords ? im->crecords * 2 : 256;
        record *p = realloc(im->records, c * sizeof *p);
        if (p == NULL) {
            free_record(&r, im->nvars);
            return SAMEN_ENOMEM;
        }
        im->records = p;
        im->crecords = c;
    }
    im->records[im->nrecords++] = r;
    return SAMEN_OK;
}

/* Rule 5: every record in one transaction. */
static samen_status write_records(rimport *im, samen_import_result *res)
{
    samen_answer *answers = malloc((im->nvars ? im->nvars : 1) * sizeof *answers);
    if (answers == NULL)
        return SAMEN_ENOMEM;
    long consent_var = -1;
    if (samen_instrument_nquestions(im->inst) > 0 &&
        samen_instrument_question(im->inst, 0)->type == SAMEN_Q_CONSENT)
        consent_var = (long)samen_instrument_question(im->inst, 0)->first_var;
    long refused = 0;
    samen_status st = samen_store_begin(im->st);
    if (st == SAMEN_OK)
        st = samen_store_sync_study(im->st, im->s);
    const char *version = samen_instrument_version(im->inst);
    for (size_t i = 0; st == SAMEN_OK && i < im->nrecords; i++) {
        record *r = &im->records[i];
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
            refused++;
        }
        st = samen_store_put_response(im->st, im->wave,
                                      samen_study_school(im->s, (size_t)r->school)->brin, version,
                                      rs, k, answers);
    }
    if (st == SAMEN_OK)
        st = samen_store_commit(im->st);
    if (st != SAMEN_OK) {
        samen_store_rollback(im->st);
        samen_diag_add(im->d, im->name, 0, 0,
                       "could not store the responses (%s); nothing was imported",
                       samen_status_message(st));
    } else {
        res->rows = (long)im->nrecords;
        res->refused = refused;
    }
    free(answers);
    return st;
}

samen_status rimport_finish(rimport *im, samen_import_result *result)
{
    samen_import_result local;
    if (result == NULL)
        result = &local;
    result->rows = 0;
    result->refused = 0;
    if (!im->header_done) {
        samen_diag_add(im->d, im->name, 0, 0, "the file is empty");
        return SAMEN_EVALIDATE;
    }
    if (samen_diag_count(im->d) > im->errors_at_start)
        return SAMEN_EVALIDATE;
    return write_records(im, result);
}
