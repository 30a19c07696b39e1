/* cli_stats_crosstab.c - samen stats crosstab: a two-way crosstab of a
 * plain data CSV with chi-square and Cramer's V, as JSON (MISSION.md's
 * command-line contract) or as a table for people. Exports
 * cli_stats_crosstab(). */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "samen/interchange.h"
#include "samen/stats_crosstab.h"

static const char usage[] =
    "usage: samen stats crosstab --data FILE.csv --row NAME --col NAME [--missing 8,9]\n"
    "                            [--format json|table] [--suppress N]\n\n"
    "Crosstab of two variables over the cases valid on both: counts, row, column\n"
    "and total percentages, expected counts, Pearson's chi-square with df and\n"
    "asymptotic p, and Cramer's V. With fewer than two rows or columns the test\n"
    "is undefined (null in JSON). A warning says how many cells have an expected\n"
    "count below 5 when they are more than 20% of the cells.\n"
    "FILE.csv has a header row of variable names, numeric codes, empty = missing.\n\n"
    "  --missing 8,9   these values are non-substantive (user-missing) answers\n"
    "  --format F      json (default) or table\n"
    "  --suppress N    region-level output: blank counts of 1..N-1 and the cells\n"
    "                  that would give them away through the totals\n\n"
    "Percentages on fewer than 10 cases are flagged as a small base.\n"
    "Exit status: 0 success, 2 bad input, 1 internal failure.\n";

typedef double (*cell_fn)(const samen_crosstab *ct, size_t i, size_t j);

static double count_of(const samen_crosstab *ct, size_t i, size_t j)
{
    return (double)samen_crosstab_count(ct, i, j);
}

static cJSON *number_or_null(double x)
{
    return isnan(x) ? cJSON_CreateNull() : cJSON_CreateNumber(x);
}

/* A matrix of cells, null where blank says so (blank may be NULL). */
static cJSON *matrix(const samen_crosstab *ct, cell_fn fn, const bool *blank)
{
    size_t nr = samen_crosstab_nrows(ct), nc = samen_crosstab_ncols(ct);
    cJSON *m = cJSON_CreateArray();
    for (size_t i = 0; m != NULL && i < nr; i++) {
        cJSON *row = cJSON_CreateArray();
        for (size_t j = 0; j < nc; j++)
            cJSON_AddItemToArray(row, number_or_null(blank != NULL && blank[i * nc + j]
                                                         ? NAN
                                                         : fn(ct, i, j)));
        cJSON_AddItemToArray(m, row);
    }
    return m;
}

/* The sentences of the "warnings" array (and of the table's notes). Writes
 * at most 3 into out (each cap bytes) and returns how many. */
static size_t warnings(const samen_crosstab *ct, char out[3][240], size_t cap)
{
    const samen_crosstab_stats *s = samen_crosstab_statistics(ct);
    size_t n = 0;
    if (samen_crosstab_n(ct) == 0) {
        snprintf(out[n++], cap, "no case is valid on both variables");
    } else if (!s->defined) {
        snprintf(out[n++], cap,
                 "chi-square is undefined: the table has only one %s",
                 samen_crosstab_nrows(ct) < 2 ? "row" : "column");
    }
    if (s->small_expected_warning)
        snprintf(out[n++], cap,
                 "%zu of %zu cells (%.1f%%) have an expected count below 5; the minimum "
                 "expected count is %.2f; the chi-square test may be unreliable",
                 s->small_expected_cells, s->cells,
                 100.0 * (double)s->small_expected_cells / (double)s->cells, s->min_expected);
    if (samen_crosstab_n(ct) > 0 && samen_crosstab_small_base(ct))
        snprintf(out[n++], cap, "fewer than 10 valid cases: read the percentages with care");
    return n;
}

static char *to_json(const samen_crosstab *ct, const bool *blank, double suppress, size_t nblank,
                     bool exposed)
{
    size_t nr = samen_crosstab_nrows(ct), nc = samen_crosstab_ncols(ct);
    const samen_crosstab_stats *s = samen_crosstab_statistics(ct);
    cJSON *root = cJSON_CreateObject();
    if (root == NULL)
        return NULL;
    cJSON_AddStringToObject(root, "row", samen_crosstab_row_variable(ct));
    cJSON_AddStringToObject(root, "col", samen_crosstab_col_variable(ct));
    /* a suppressed table whose totals give a cell away shows no totals */
    cJSON_AddItemToObject(root, "n", number_or_null(exposed ? NAN : (double)samen_crosstab_n(ct)));
    cJSON_AddNumberToObject(root, "total_cases", (double)samen_crosstab_total_cases(ct));
    cJSON_AddItemToObject(root, "missing", number_or_null(exposed ? NAN
                                                      : (double)samen_crosstab_missing_cases(ct)));
    cJSON *rows = cJSON_AddArrayToObject(root, "rows");
    cJSON *row_labels = cJSON_AddArrayToObject(root, "row_labels");
    cJSON *row_totals = cJSON_AddArrayToObject(root, "row_totals");
    cJSON *row_small = cJSON_AddArrayToObject(root, "small_base_rows");
    for (size_t i = 0; i < nr; i++) {
        const char *l = samen_crosstab_row_label(ct, i);
        cJSON_AddItemToArray(rows, cJSON_CreateNumber(samen_crosstab_row_value(ct, i)));
        cJSON_AddItemToArray(row_labels, l ? cJSON_CreateString(l) : cJSON_CreateNull());
        cJSON_AddItemToArray(row_totals, number_or_null(exposed ? NAN
                                                       : (double)samen_crosstab_row_total(ct, i)));
        cJSON_AddItemToArray(row_small, cJSON_CreateBool(samen_crosstab_row_small_base(ct, i)));
    }
    cJSON *cols = cJSON_AddArrayToObject(root, "cols");
    cJSON *col_labels = cJSON_AddArrayToObject(root, "col_labels");
    cJSON *col_totals = cJSON_AddArrayToObject(root, "col_totals");
    cJSON *col_small = cJSON_AddArrayToObject(root, "small_base_cols");
    for (size_t j = 0; j < nc; j++) {
        const char *l = samen_crosstab_col_label(ct, j);
        cJSON_AddItemToArray(cols, cJSON_CreateNumber(samen_crosstab_col_value(ct, j)));
        cJSON_AddItemToArray(col_labels, l ? cJSON_CreateString(l) : cJSON_CreateNull());
        cJSON_AddItemToArray(col_totals, number_or_null(exposed ? NAN
                                                       : (double)samen_crosstab_col_total(ct, j)));
        cJSON_AddItemToArray(col_small, cJSON_CreateBool(samen_crosstab_col_small_base(ct, j)));
    }
    cJSON_AddItemToObject(root, "counts", matrix(ct, count_of, blank));
    cJSON_AddItemToObject(root, "expected", matrix(ct, samen_crosstab_expected, blank));
    cJSON_AddItemToObject(root, "row_percent", matrix(ct, samen_crosstab_row_percent, blank));
    cJSON_AddItemToObject(root, "col_percent", matrix(ct, samen_crosstab_col_percent, blank));
    cJSON_AddItemToObject(root, "total_percent", matrix(ct, samen_crosstab_total_percent, blank));
    cJSON_AddItemToObject(root, "chi_square", number_or_null(s->chi_square));
    cJSON_AddItemToObject(root, "df", s->defined ? cJSON_CreateNumber((double)s->df)
                                                 : cJSON_CreateNull());
    cJSON_AddItemToObject(root, "p", number_or_null(s->p));
    cJSON_AddItemToObject(root, "cramers_v", number_or_null(s->cramers_v));
    cJSON_AddNumberToObject(root, "cells", (double)s->cells);
    cJSON_AddNumberToObject(root, "small_cells", (double)s->small_expected_cells);
    cJSON_AddItemToObject(root, "min_expected", number_or_null(s->min_expected));
    cJSON_AddBoolToObject(root, "small_expected_warning", s->small_expected_warning);
    cJSON_AddBoolToObject(root, "small_base", samen_crosstab_small_base(ct));
    cJSON_AddNumberToObject(root, "min_base", 10);
    cJSON *w = cJSON_AddArrayToObject(root, "warnings");
    char text[3][240];
    size_t nw = warnings(ct, text, sizeof text[0]);
    for (size_t i = 0; i < nw; i++)
        cJSON_AddItemToArray(w, cJSON_CreateString(text[i]));
    if (blank != NULL) {
        cJSON *sup = cJSON_AddObjectToObject(root, "suppression");
        cJSON_AddNumberToObject(sup, "min_n", suppress);
        cJSON_AddNumberToObject(sup, "cells", (double)nblank);
        cJSON_AddBoolToObject(sup, "totals_expose_a_cell", exposed);
        cJSON *m = cJSON_AddArrayToObject(sup, "blank");
        for (size_t i = 0; i < nr; i++) {
            cJSON *row = cJSON_CreateArray();
            for (size_t j = 0; j < nc; j++)
                cJSON_AddItemToArray(row, cJSON_CreateBool(blank[i * nc + j]));
            cJSON_AddItemToArray(m, row);
        }
    }
    char *out = cJSON_Print(root);
    cJSON_Delete(root);
    return out;
}

typedef enum block_kind { BLOCK_COUNT, BLOCK_PERCENT, BLOCK_DECIMAL } block_kind;

/* Prints one block of the table: a count, percentage or decimal per cell;
 * a count block has its totals. */
static void print_block(const samen_crosstab *ct, const char *title, cell_fn fn, block_kind kind,
                        const bool *blank, bool exposed)
{
    size_t nr = samen_crosstab_nrows(ct), nc = samen_crosstab_ncols(ct);
    printf("%s\n  %-24s", title, "");
    for (size_t j = 0; j < nc; j++)
        printf(" %9g", samen_crosstab_col_value(ct, j));
    if (kind == BLOCK_COUNT)
        printf(" %9s", "total");
    printf("\n");
    for (size_t i = 0; i < nr; i++) {
        const char *l = samen_crosstab_row_label(ct, i);
        char name[25];
        snprintf(name, sizeof name, "%g%s%s", samen_crosstab_row_value(ct, i), l ? " " : "",
                 l ? l : "");
        printf("  %-24s", name);
        for (size_t j = 0; j < nc; j++) {
            if (blank != NULL && blank[i * nc + j])
                printf(" %9s", "x");
            else if (kind == BLOCK_PERCENT)
                printf(" %8.1f%%", fn(ct, i, j));
            else if (kind == BLOCK_DECIMAL)
                printf(" %9.2f", fn(ct, i, j));
            else
                printf(" %9.0f", fn(ct, i, j));
        }
        if (kind != BLOCK_COUNT)
            printf("\n");
        else if (exposed)
            printf(" %9s\n", "x");
        else
            printf(" %9zu\n", samen_crosstab_row_total(ct, i));
    }
    if (kind == BLOCK_COUNT && exposed) {
        printf("  %-24s", "total");
        for (size_t j = 0; j <= nc; j++)
            printf(" %9s", "x");
        printf("\n");
    } else if (kind == BLOCK_COUNT) {
        printf("  %-24s", "total");
        for (size_t j = 0; j < nc; j++)
            printf(" %9zu", samen_crosstab_col_total(ct, j));
        printf(" %9zu\n", samen_crosstab_n(ct));
    }
}

static void print_table(const samen_crosstab *ct, const bool *blank, bool exposed)
{
    const samen_crosstab_stats *s = samen_crosstab_statistics(ct);
    if (exposed)
        printf("%s (rows) by %s (columns)\n\n", samen_crosstab_row_variable(ct),
               samen_crosstab_col_variable(ct));
    else
        printf("%s (rows) by %s (columns): n = %zu valid, %zu missing\n\n",
               samen_crosstab_row_variable(ct), samen_crosstab_col_variable(ct),
               samen_crosstab_n(ct), samen_crosstab_missing_cases(ct));
    if (samen_crosstab_n(ct) > 0) {
        print_block(ct, "count", count_of, BLOCK_COUNT, blank, exposed);
        print_block(ct, "\nrow %", samen_crosstab_row_percent, BLOCK_PERCENT, blank, exposed);
        print_block(ct, "\ncolumn %", samen_crosstab_col_percent, BLOCK_PERCENT, blank, exposed);
        print_block(ct, "\nexpected count", samen_crosstab_expected, BLOCK_DECIMAL, blank,
                    exposed);
    }
    if (s->defined)
        printf("\nPearson chi-square = %.3f, df = %ld, p = %.4f; Cramer's V = %.3f\n",
               s->chi_square, s->df, s->p, s->cramers_v);
    char text[3][240];
    size_t nw = warnings(ct, text, sizeof text[0]);
    for (size_t i = 0; i < nw; i++)
        printf("note: %s.\n", text[i]);
    if (blank != NULL)
        printf("x: suppressed (small cell).\n");
}

int cli_stats_crosstab(int argc, char **argv)
{
    const char *data = NULL, *row = NULL, *col = NULL, *missing_text = NULL, *format = "json",
               *suppress_text = NULL;
    const cli_opt opts[] = {{"data", &data, NULL},         {"row", &row, NULL},
                            {"col", &col, NULL},           {"missing", &missing_text, NULL},
                            {"format", &format, NULL},     {"suppress", &suppress_text, NULL},
                            {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 0, &npos, usage);
    if (rc >= 0)
        return rc;
    if (data == NULL || row == NULL || col == NULL)
        return cli_usage_error("stats crosstab", "--data, --row and --col are required (see --help)");
    bool json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "table") != 0)
        return cli_usage_error("stats crosstab", "--format is json or table");
    double missing[SAMEN_DATASET_MAX_MISSING];
    size_t nmissing = 0;
    if (!cli_parse_numbers("stats crosstab", "missing", missing_text, missing,
                           SAMEN_DATASET_MAX_MISSING, &nmissing))
        return 2;
    double suppress = 0;
    if (suppress_text != NULL) {
        char *end = NULL;
        long v = strtol(suppress_text, &end, 10);
        if (*suppress_text == '\0' || *end != '\0' || v < 2 || v > 1000000)
            return cli_usage_error("stats crosstab",
                                   "--suppress needs a whole number of cases of at least 2");
        suppress = (double)v;
    }

    samen_diag *d = samen_diag_create(100);
    samen_dataset *ds = NULL;
    samen_crosstab *ct = NULL;
    bool *blank = NULL, exposed = false;
    size_t nblank = 0;
    samen_status st = samen_dataset_read_csv(data, data, missing, nmissing, &ds, d);
    if (st != SAMEN_OK) {
        rc = cli_fail(st, d);
        goto out;
    }
    long r = samen_dataset_find_var(ds, row), c = samen_dataset_find_var(ds, col);
    if (r < 0 || c < 0) {
        rc = cli_usage_error("stats crosstab", "%s: no variable '%s'", data, r < 0 ? row : col);
        goto out;
    }
    st = samen_crosstab_compute(ds, (size_t)r, (size_t)c, &ct);
    if (st == SAMEN_ETOOBIG) {
        rc = cli_usage_error("stats crosstab",
                             "%s by %s would have more than %d cells; is one of them continuous?",
                             row, col, SAMEN_CROSSTAB_MAX_CELLS);
        goto out;
    }
    if (st != SAMEN_OK) {
        rc = cli_fail(st, d);
        goto out;
    }
    if (suppress_text != NULL) {
        size_t cells = samen_crosstab_nrows(ct) * samen_crosstab_ncols(ct);
        blank = calloc(cells ? cells : 1, sizeof *blank);
        if (blank == NULL) {
            rc = cli_fail(SAMEN_ENOMEM, d);
            goto out;
        }
        st = samen_crosstab_suppress(ct, suppress, blank, &nblank, &exposed);
        if (st != SAMEN_OK) {
            rc = cli_fail(st, d);
            goto out;
        }
    }
    if (json) {
        char *text = to_json(ct, blank, suppress, nblank, exposed);
        if (text == NULL) {
            rc = cli_fail(SAMEN_ENOMEM, d);
            goto out;
        }
        puts(text);
        free(text);
    } else {
        print_table(ct, blank, exposed);
    }
    rc = 0;
out:
    free(blank);
    samen_crosstab_destroy(ct);
    samen_dataset_destroy(ds);
    samen_diag_destroy(d);
    return rc;
}
