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
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "samen/interchange.h"
#include "util/csvr.h"
#include "util/text.h"

#define MAX_ERRORS_PER_FILE 100

typedef struct reader {
    const char *name;
    samen_diag *d;
    size_t nvars;
    char **names;
    double *cells;      /* row-major, nvars per case */
    size_t ncases, ccases;
    size_t errors;
} reader;

static samen_status on_row(void *ctx, long line, size_t n, char **f)
{
    reader *r = ctx;
    if (r->names == NULL) {
        r->names = calloc(n, sizeof *r->names);
        if (r->names == NULL)
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
                    samen_diag_add(r->d, r->name, line, (long)i + 1,
                                   "duplicate variable name '%s'", f[i]);
        }
        return samen_diag_count(r->d) > 0 ? SAMEN_EVALIDATE : SAMEN_OK;
    }
    if (n != r->nvars) {
        samen_diag_add(r->d, r->name, line, 0, "%zu fields where the header has %zu", n, r->nvars);
        return ++r->errors >= MAX_ERRORS_PER_FILE ? SAMEN_EVALIDATE : SAMEN_OK;
    }
    if (r->ncases == r->ccases) {
        size_t c = r->ccases ? r->ccases * 2 : 1024;
        double *p = realloc(r->cells, c * r->nvars * sizeof *p);
        if (p == NULL)
            return SAMEN_ENOMEM;
        r->cells = p;
        r->ccases = c;
    }
    double *row = r->cells + r->ncases * r->nvars;
    for (size_t i = 0; i < n; i++) {
        if (f[i][0] == '\0') {
            row[i] = NAN;
        } else if (!text_parse_double(f[i], &row[i])) {
            samen_diag_add(r->d, r->name, line, (long)i + 1, "%s: '%.40s' is not a number",
                           r->names[i], f[i]);
            row[i] = NAN;
            if (++r->errors >= MAX_ERRORS_PER_FILE)
                return SAMEN_EVALIDATE;
        }
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
        bool codes = true; /* rule 4 */
        for (size_t c = 0; c < r->ncases && codes; c++) {
            double x = r->cells[c * r->nvars + v];
            if (!isnan(x) && (x != floor(x) || x < -32767 || x > 32767))
                codes = false;
        }
        size_t idx;
        st = samen_dataset_add_var(ds, r->names[v], codes ? SAMEN_COLUMN_CODE : SAMEN_COLUMN_NUMBER,
                                   &idx);
        for (size_t c = 0; c < r->ncases && st == SAMEN_OK; c++)
            st = samen_dataset_set(ds, idx, c, r->cells[c * r->nvars + v]);
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
    for (size_t i = 0; r.names != NULL && i < r.nvars; i++)
        free(r.names[i]);
    free(r.names);
    free(r.cells);
    return st;
}
