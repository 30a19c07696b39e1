/* csv_dataset.c - a plain data CSV into a samen_dataset
 * (samen/interchange.h).
 *
 * Rules:
 *  1. The first record names the variables; names are unique.
 *  2. Every later record has as many fields as the header.
 *  3. A cell is empty (system-missing) or a finite decimal number; anything
 *     else is an error at its line and column, and nothing is returned.
 *  4. A column whose values are all whole numbers in -32767..32767 is kept
 *     as compact codes; any other column as doubles.
 *  5. Columns are built while reading (codes first; a column turns into
 *     doubles at its first value that is not a code), so the data are held
 *     once, column by column, never as a table of doubles.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "samen/interchange.h"
#include "util/csvr.h"
#include "util/text.h"

#define MAX_ERRORS_PER_FILE 100

typedef struct builder {
    int16_t *codes;     /* while every value is a code */
    double *numbers;    /* once one is not */
} builder;

typedef struct reader {
    const char *name;
    samen_diag *d;
    size_t nvars;
    char **names;
    builder *cols;
    size_t ncases, ccases;
    size_t errors;
} reader;

static samen_status grow(reader *r)
{
    size_t c = r->ccases ? r->ccases * 2 : 4096;
    for (size_t v = 0; v < r->nvars; v++) {
        builder *b = &r->cols[v];
        if (b->numbers != NULL) {
            double *p = realloc(b->numbers, c * sizeof *p);
            if (p == NULL)
                return SAMEN_ENOMEM;
            b->numbers = p;
        } else {
            int16_t *p = realloc(b->codes, c * sizeof *p);
            if (p == NULL)
                return SAMEN_ENOMEM;
            b->codes = p;
        }
    }
    r->ccases = c;
    return SAMEN_OK;
}

/* Rule 5: a code column becomes a number column. */
static samen_status to_numbers(reader *r, builder *b)
{
    double *p = malloc((r->ccases ? r->ccases : 1) * sizeof *p);
    if (p == NULL)
        return SAMEN_ENOMEM;
    for (size_t c = 0; c < r->ncases; c++)
        p[c] = b->codes[c] == SAMEN_SYSMIS_CODE ? NAN : (double)b->codes[c];
    free(b->codes);
    b->codes = NULL;
    b->numbers = p;
    return SAMEN_OK;
}

static samen_status read_header(reader *r, long line, size_t n, char **f)
{
    r->names = calloc(n, sizeof *r->names);
    r->cols = calloc(n, sizeof *r->cols);
    if (r->names == NULL || r->cols == NULL)
        return SAMEN_ENOMEM;
    r->nvars = n;
    for (size_t i = 0; i < n; i++) {
        r->names[i] = text_dup(f[i]);
        if (r->names[i] == NULL)
            return SAMEN_ENOMEM;
        if (f[i][0] == '\0')
            samen_diag_add(r->d, r->name, line, (long)i + 1, "empty variable name");
        for (size_t j = 0; j < i; j++)
            if (text_ieq(f[i], f[j]))
                samen_diag_add(r->d, r->name, line, (long)i + 1, "duplicate variable name '%s'",
                               f[i]);
    }
    return samen_diag_count(r->d) > 0 ? SAMEN_EVALIDATE : SAMEN_OK;
}

static samen_status on_row(void *ctx, long line, size_t n, char **f)
{
    reader *r = ctx;
    if (r->names == NULL)
        return read_header(r, line, n, f);
    if (n != r->nvars) {
        samen_diag_add(r->d, r->name, line, 0, "%zu fields where the header has %zu", n, r->nvars);
        return ++r->errors >= MAX_ERRORS_PER_FILE ? SAMEN_EVALIDATE : SAMEN_OK;
    }
    if (r->ncases == r->ccases) {
        samen_status st = grow(r);
        if (st != SAMEN_OK)
            return st;
    }
    size_t c = r->ncases;
    for (size_t i = 0; i < n; i++) {
        builder *b = &r->cols[i];
        double x = NAN;
        if (f[i][0] != '\0' && !text_parse_double(f[i], &x)) {
            samen_diag_add(r->d, r->name, line, (long)i + 1, "%s: '%.40s' is not a number",
                           r->names[i], f[i]);
            x = NAN;
            if (++r->errors >= MAX_ERRORS_PER_FILE)
                return SAMEN_EVALIDATE;
        }
        if (b->numbers == NULL) {
            if (isnan(x)) {
                b->codes[c] = SAMEN_SYSMIS_CODE;
                continue;
            }
            if (x == floor(x) && x >= -32767 && x <= 32767) { /* rule 4 */
                b->codes[c] = (int16_t)x;
                continue;
            }
            samen_status st = to_numbers(r, b);
            if (st != SAMEN_OK)
                return st;
        }
        b->numbers[c] = x;
    }
    r->ncases++;
    return SAMEN_OK;
}

static samen_status build(reader *r, const double *missing, size_t nmissing, samen_dataset **out)
{
    samen_dataset *ds = samen_dataset_create(r->ncases);
    if (ds == NULL)
        return SAMEN_ENOMEM;
    samen_status st = SAMEN_OK;
    for (size_t v = 0; v < r->nvars && st == SAMEN_OK; v++) {
        builder *b = &r->cols[v];
        size_t idx;
        if (b->numbers != NULL) {
            st = samen_dataset_adopt_var(ds, r->names[v], SAMEN_COLUMN_NUMBER, b->numbers, &idx);
            b->numbers = NULL;
        } else {
            if (b->codes == NULL)
                b->codes = malloc(sizeof *b->codes); /* no cases */
            st = samen_dataset_adopt_var(ds, r->names[v], SAMEN_COLUMN_CODE, b->codes, &idx);
            b->codes = NULL;
        }
        for (size_t m = 0; m < nmissing && st == SAMEN_OK; m++)
            st = samen_dataset_add_missing(ds, idx, missing[m]);
    }
    if (st != SAMEN_OK) {
        samen_dataset_destroy(ds);
        return st;
    }
    *out = ds;
    return SAMEN_OK;
}

samen_status samen_dataset_read_csv(const char *path, const char *name, const double *missing,
                                    size_t nmissing, samen_dataset **out, samen_diag *d)
{
    if (nmissing > SAMEN_DATASET_MAX_MISSING) {
        samen_diag_add(d, "--missing", 0, 0, "at most %d missing values",
                       SAMEN_DATASET_MAX_MISSING);
        return SAMEN_EINVAL;
    }
    reader r = {.name = name, .d = d};
    size_t before = samen_diag_count(d);
    samen_status st = csvr_read_file(path, name, SAMEN_IMPORT_MAX_BYTES, on_row, &r, NULL, d);
    if (st == SAMEN_OK && r.names == NULL) {
        samen_diag_add(d, name, 0, 0, "the file is empty");
        st = SAMEN_EVALIDATE;
    }
    if (st == SAMEN_OK && samen_diag_count(d) > before)
        st = SAMEN_EVALIDATE;
    if (st == SAMEN_OK)
        st = build(&r, missing, nmissing, out);
    for (size_t i = 0; i < r.nvars; i++) {
        free(r.names[i]);
        free(r.cols[i].codes);
        free(r.cols[i].numbers);
    }
    free(r.names);
    free(r.cols);
    return st;
}
