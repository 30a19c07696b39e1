/* test_stats_crosstab.c - crosstabs (samen/stats_crosstab.h) against hand
 * computations and against GNU PSPP's own CROSSTABS tests (the golden files
 * of tests/golden/pspp-crosstabs/), the small-cell rule
 * (src/stats/smallcell.h), and the `samen stats crosstab` command. */
#include <dirent.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "samen/interchange.h"
#include "samen/stats_crosstab.h"
#include "stats/smallcell.h"
#include "test.h"

/* A dataset of two code columns "r" and "c" holding the table counts
 * (nrows x ncols, row-major) as cases: row value i + 1, column value j + 1. */
static samen_dataset *from_table(const int *counts, size_t nrows, size_t ncols)
{
    size_t n = 0;
    for (size_t k = 0; k < nrows * ncols; k++)
        n += (size_t)counts[k];
    samen_dataset *ds = samen_dataset_create(n);
    size_t r, c, at = 0;
    ASSERT_EQ(samen_dataset_add_var(ds, "r", SAMEN_COLUMN_CODE, &r), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_var(ds, "c", SAMEN_COLUMN_CODE, &c), SAMEN_OK);
    for (size_t i = 0; i < nrows; i++)
        for (size_t j = 0; j < ncols; j++)
            for (int k = 0; k < counts[i * ncols + j]; k++, at++) {
                ASSERT_EQ(samen_dataset_set(ds, r, at, (double)(i + 1)), SAMEN_OK);
                ASSERT_EQ(samen_dataset_set(ds, c, at, (double)(j + 1)), SAMEN_OK);
            }
    return ds;
}

/* Hand-computed tables: chi-square from the exact fraction, p from the
 * closed forms Q(x | 1) = erfc(sqrt(x / 2)) and Q(x | 2) = exp(-x / 2). */
static const struct {
    const char *name;
    int counts[6];
    size_t nrows, ncols;
    double chi_square;
    long df;
    double p;
    double cramers_v;
    double expected00;
} hand[] = {
    {.name = "2x3",
     .counts = {10, 20, 30, 20, 20, 10},
     .nrows = 2,
     .ncols = 3,
     .chi_square = 451.0 / 36.0,
     .df = 2,
     .p = 0.0019038276076954956, /* exp(-451/72) */
     .cramers_v = 0.3374742788552765, /* sqrt((451/36) / 110) */
     .expected00 = 60.0 * 30.0 / 110.0},
    {.name = "2x2",
     .counts = {12, 5, 3, 10},
     .nrows = 2,
     .ncols = 2,
     .chi_square = 1470.0 / 221.0,
     .df = 1,
     .p = 0.009906773011363754, /* erfc(sqrt(735/221)) */
     .cramers_v = 0.4708709557974187,
     .expected00 = 17.0 * 15.0 / 30.0},
};

TEST(stats_crosstab_hand_computed)
{
    for (size_t t = 0; t < sizeof hand / sizeof hand[0]; t++) {
        samen_dataset *ds = from_table(hand[t].counts, hand[t].nrows, hand[t].ncols);
        samen_crosstab *ct = NULL;
        ASSERT_EQ(samen_crosstab_compute(ds, 0, 1, &ct), SAMEN_OK);
        samen_dataset_destroy(ds); /* the result keeps what it needs */
        ASSERT_EQ(samen_crosstab_nrows(ct), hand[t].nrows);
        ASSERT_EQ(samen_crosstab_ncols(ct), hand[t].ncols);
        for (size_t i = 0; i < hand[t].nrows; i++)
            for (size_t j = 0; j < hand[t].ncols; j++)
                ASSERT_EQ(samen_crosstab_count(ct, i, j), hand[t].counts[i * hand[t].ncols + j]);
        const samen_crosstab_stats *s = samen_crosstab_statistics(ct);
        ASSERT_TRUE(s->defined);
        ASSERT_NEAR(s->chi_square, hand[t].chi_square, 1e-12);
        ASSERT_EQ(s->df, hand[t].df);
        ASSERT_NEAR(s->p, hand[t].p, 1e-12);
        ASSERT_NEAR(s->cramers_v, hand[t].cramers_v, 1e-12);
        ASSERT_NEAR(samen_crosstab_expected(ct, 0, 0), hand[t].expected00, 1e-12);
        ASSERT_EQ(s->cells, hand[t].nrows * hand[t].ncols);
        ASSERT_EQ(s->small_expected_cells, 0);
        ASSERT_TRUE(!s->small_expected_warning);
        samen_crosstab_destroy(ct);
    }
}

TEST(stats_crosstab_percentages_and_totals)
{
    int counts[] = {10, 20, 30, 20, 20, 10};
    samen_dataset *ds = from_table(counts, 2, 3);
    samen_crosstab *ct = NULL;
    ASSERT_EQ(samen_crosstab_compute(ds, 0, 1, &ct), SAMEN_OK);
    ASSERT_EQ(samen_crosstab_n(ct), 110);
    ASSERT_EQ(samen_crosstab_row_total(ct, 0), 60);
    ASSERT_EQ(samen_crosstab_row_total(ct, 1), 50);
    ASSERT_EQ(samen_crosstab_col_total(ct, 2), 40);
    ASSERT_NEAR(samen_crosstab_row_percent(ct, 0, 2), 50.0, 1e-12);          /* 30/60 */
    ASSERT_NEAR(samen_crosstab_col_percent(ct, 0, 2), 75.0, 1e-12);          /* 30/40 */
    ASSERT_NEAR(samen_crosstab_total_percent(ct, 1, 0), 2000.0 / 110, 1e-12); /* 20/110 */
    ASSERT_NEAR(samen_crosstab_row_value(ct, 1), 2, 0);
    ASSERT_NEAR(samen_crosstab_col_value(ct, 2), 3, 0);
    ASSERT_TRUE(!samen_crosstab_small_base(ct));
    samen_crosstab_destroy(ct);
    samen_dataset_destroy(ds);
}

TEST(stats_crosstab_missing_cases_and_rows)
{
    /* r: 1 1 2 3 8 .  2 1 ; c: 1 2 2 . 1 1 9 1 ; missing 8 and 9.
     * Counted (valid on both): cases 0 1 2 7 -> (1,1) (1,2) (2,2) (1,1).
     * r = 3 only next to a missing c, r = 2 with c = 9: no row 3; c = 9 no column. */
    double rv[] = {1, 1, 2, 3, 8, NAN, 2, 1}, cv[] = {1, 2, 2, NAN, 1, 1, 9, 1};
    samen_dataset *ds = samen_dataset_create(8);
    size_t r, c;
    ASSERT_EQ(samen_dataset_add_var(ds, "r", SAMEN_COLUMN_CODE, &r), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_var(ds, "c", SAMEN_COLUMN_NUMBER, &c), SAMEN_OK);
    for (size_t k = 0; k < 8; k++) {
        ASSERT_EQ(samen_dataset_set(ds, r, k, rv[k]), SAMEN_OK);
        ASSERT_EQ(samen_dataset_set(ds, c, k, cv[k]), SAMEN_OK);
    }
    ASSERT_EQ(samen_dataset_add_missing(ds, r, 8), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_missing(ds, c, 9), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_value_label(ds, r, 2, "twee"), SAMEN_OK);
    samen_crosstab *ct = NULL;
    ASSERT_EQ(samen_crosstab_compute(ds, r, c, &ct), SAMEN_OK);
    samen_dataset_destroy(ds);
    ASSERT_EQ(samen_crosstab_total_cases(ct), 8);
    ASSERT_EQ(samen_crosstab_n(ct), 4);
    ASSERT_EQ(samen_crosstab_missing_cases(ct), 4);
    ASSERT_EQ(samen_crosstab_nrows(ct), 2);
    ASSERT_EQ(samen_crosstab_ncols(ct), 2);
    ASSERT_EQ(samen_crosstab_count(ct, 0, 0), 2);
    ASSERT_EQ(samen_crosstab_count(ct, 0, 1), 1);
    ASSERT_EQ(samen_crosstab_count(ct, 1, 0), 0);
    ASSERT_EQ(samen_crosstab_count(ct, 1, 1), 1);
    ASSERT_TRUE(samen_crosstab_row_label(ct, 0) == NULL);
    ASSERT_STR_EQ(samen_crosstab_row_label(ct, 1), "twee");
    ASSERT_STR_EQ(samen_crosstab_row_variable(ct), "r");
    ASSERT_TRUE(samen_crosstab_small_base(ct));
    ASSERT_TRUE(samen_crosstab_row_small_base(ct, 0));
    samen_crosstab_destroy(ct);
}

TEST(stats_crosstab_degenerate_tables)
{
    /* one column: chi-square undefined */
    int one_col[] = {3, 4, 5};
    samen_dataset *ds = from_table(one_col, 3, 1);
    samen_crosstab *ct = NULL;
    ASSERT_EQ(samen_crosstab_compute(ds, 0, 1, &ct), SAMEN_OK);
    const samen_crosstab_stats *s = samen_crosstab_statistics(ct);
    ASSERT_TRUE(!s->defined);
    ASSERT_TRUE(isnan(s->chi_square) && isnan(s->p) && isnan(s->cramers_v));
    ASSERT_EQ(s->df, 0);
    ASSERT_EQ(samen_crosstab_n(ct), 12);
    ASSERT_NEAR(samen_crosstab_col_percent(ct, 2, 0), 500.0 / 12, 1e-12);
    ASSERT_TRUE(!s->small_expected_warning);
    samen_crosstab_destroy(ct);
    samen_dataset_destroy(ds);

    /* no case at all */
    ds = samen_dataset_create(0);
    size_t a, b;
    ASSERT_EQ(samen_dataset_add_var(ds, "a", SAMEN_COLUMN_CODE, &a), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_var(ds, "b", SAMEN_COLUMN_NUMBER, &b), SAMEN_OK);
    ASSERT_EQ(samen_crosstab_compute(ds, a, b, &ct), SAMEN_OK);
    s = samen_crosstab_statistics(ct);
    ASSERT_TRUE(!s->defined);
    ASSERT_EQ(samen_crosstab_nrows(ct), 0);
    ASSERT_EQ(s->cells, 0);
    ASSERT_TRUE(isnan(s->min_expected));
    samen_crosstab_destroy(ct);
    ASSERT_EQ(samen_crosstab_compute(ds, a, 7, &ct), SAMEN_EINVAL);
    samen_dataset_destroy(ds);
}

TEST(stats_crosstab_small_expected_warning)
{
    /* 2x5 = 10 cells. Row totals 100 and 1000; column totals 20 (x4), 1020:
     * the four cells of row 1 with column total 20 have expected
     * 100*20/1100 = 1.82 < 5: 4 of 10 cells (40%) -> warning. */
    int warn[] = {5, 5, 5, 5, 80, 15, 15, 15, 15, 940};
    samen_dataset *ds = from_table(warn, 2, 5);
    samen_crosstab *ct = NULL;
    ASSERT_EQ(samen_crosstab_compute(ds, 0, 1, &ct), SAMEN_OK);
    const samen_crosstab_stats *s = samen_crosstab_statistics(ct);
    ASSERT_EQ(s->small_expected_cells, 4);
    ASSERT_TRUE(s->small_expected_warning);
    ASSERT_NEAR(s->min_expected, 100.0 * 20 / 1100, 1e-12);
    samen_crosstab_destroy(ct);
    samen_dataset_destroy(ds);
    /* exactly 20%: 2 of 10 small cells, no warning. Row totals 100, 1000;
     * column totals 20, 20, 100, 100, 880. */
    int edge[] = {2, 2, 10, 10, 76, 18, 18, 90, 90, 784};
    ds = from_table(edge, 2, 5);
    ASSERT_EQ(samen_crosstab_compute(ds, 0, 1, &ct), SAMEN_OK);
    s = samen_crosstab_statistics(ct);
    ASSERT_EQ(s->small_expected_cells, 2);
    ASSERT_TRUE(!s->small_expected_warning);
    samen_crosstab_destroy(ct);
    samen_dataset_destroy(ds);
}

TEST(stats_crosstab_number_columns_and_cap)
{
    /* number columns: 0 and -0 are one value; a continuous pair is too big */
    size_t n = 1001;
    samen_dataset *ds = samen_dataset_create(n);
    size_t x, y;
    ASSERT_EQ(samen_dataset_add_var(ds, "x", SAMEN_COLUMN_NUMBER, &x), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_var(ds, "y", SAMEN_COLUMN_NUMBER, &y), SAMEN_OK);
    for (size_t k = 0; k < n; k++) {
        ASSERT_EQ(samen_dataset_set(ds, x, k, (double)k + 0.5), SAMEN_OK);
        ASSERT_EQ(samen_dataset_set(ds, y, k, (double)(k % 1000) * 0.25), SAMEN_OK);
    }
    samen_crosstab *ct = NULL;
    ASSERT_EQ(samen_crosstab_compute(ds, x, y, &ct), SAMEN_ETOOBIG); /* 1001 x 1000 */
    samen_dataset_destroy(ds);

    ds = samen_dataset_create(4);
    ASSERT_EQ(samen_dataset_add_var(ds, "x", SAMEN_COLUMN_NUMBER, &x), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_var(ds, "y", SAMEN_COLUMN_NUMBER, &y), SAMEN_OK);
    double xs[] = {0.0, -0.0, 2.5, 2.5}, ys[] = {1.5, 1.5, -3, 1.5};
    for (size_t k = 0; k < 4; k++) {
        ASSERT_EQ(samen_dataset_set(ds, x, k, xs[k]), SAMEN_OK);
        ASSERT_EQ(samen_dataset_set(ds, y, k, ys[k]), SAMEN_OK);
    }
    ASSERT_EQ(samen_crosstab_compute(ds, x, y, &ct), SAMEN_OK);
    ASSERT_EQ(samen_crosstab_nrows(ct), 2);
    ASSERT_EQ(samen_crosstab_ncols(ct), 2);
    ASSERT_NEAR(samen_crosstab_col_value(ct, 0), -3, 0);
    ASSERT_EQ(samen_crosstab_count(ct, 0, 1), 2); /* x = 0 (and -0), y = 1.5 */
    ASSERT_EQ(samen_crosstab_count(ct, 1, 0), 1);
    samen_crosstab_destroy(ct);
    samen_dataset_destroy(ds);
}

/* ---- the small-cell rule (src/stats/smallcell.h) ---- */

TEST(stats_crosstab_small_base_rule)
{
    ASSERT_TRUE(smallcell_is_small_base(0));
    ASSERT_TRUE(smallcell_is_small_base(9));
    ASSERT_TRUE(!smallcell_is_small_base(10));
    ASSERT_TRUE(smallcell_is_small_base(NAN));
}

static const struct {
    const char *name;
    double counts[9];
    size_t nrows, ncols;
    double min_n;
    bool blank[9];
    size_t nblank;
    bool exposed;
} suppress_cases[] = {
    {.name = "nothing small", .counts = {10, 20, 30, 40}, .nrows = 2, .ncols = 2, .min_n = 5,
     .blank = {0}, .nblank = 0},
    /* 3 is primary; its row and column each need a partner (rule 3): the
     * smallest other in its row is 12, in its column 20; then 12's column
     * and 20's row have one blank each, so 40 is blanked last. */
    {.name = "one small cell", .counts = {3, 12, 20, 40}, .nrows = 2, .ncols = 2, .min_n = 5,
     .blank = {1, 1, 1, 1}, .nblank = 4},
    /* zero cells are not primary but may be secondary partners */
    {.name = "zero as partner", .counts = {2, 0, 50, 7, 30, 60, 9, 40, 70}, .nrows = 3,
     .ncols = 3, .min_n = 5, .blank = {1, 1, 0, 1, 1, 0, 0, 0, 0}, .nblank = 4},
    /* a frequency list (one row): only the total n counts */
    {.name = "list", .counts = {3, 15, 40, 60}, .nrows = 1, .ncols = 4, .min_n = 5,
     .blank = {1, 1, 0, 0}, .nblank = 2},
    {.name = "list, two small", .counts = {3, 4, 40}, .nrows = 1, .ncols = 3, .min_n = 5,
     .blank = {1, 1, 0}, .nblank = 2},
    /* one column: only the column total counts */
    {.name = "column", .counts = {3, 40}, .nrows = 2, .ncols = 1, .min_n = 5,
     .blank = {1, 1}, .nblank = 2},
    {.name = "min_n 1", .counts = {0, 1, 2}, .nrows = 1, .ncols = 3, .min_n = 1,
     .blank = {0}, .nblank = 0},
    /* one cell: the grand total gives it away */
    {.name = "one cell", .counts = {3}, .nrows = 1, .ncols = 1, .min_n = 5, .blank = {1},
     .nblank = 1, .exposed = true},
};

TEST(stats_crosstab_suppression_rule)
{
    for (size_t t = 0; t < sizeof suppress_cases / sizeof suppress_cases[0]; t++) {
        bool blank[9], exposed = true;
        size_t cells = suppress_cases[t].nrows * suppress_cases[t].ncols;
        size_t n = 99;
        ASSERT_EQ(smallcell_suppress(suppress_cases[t].counts, suppress_cases[t].nrows,
                                     suppress_cases[t].ncols, suppress_cases[t].min_n, blank, &n,
                                     &exposed),
                  SAMEN_OK);
        if (n != suppress_cases[t].nblank)
            TEST_FAIL_("%s: %zu blanked, expected %zu", suppress_cases[t].name, n,
                       suppress_cases[t].nblank);
        for (size_t i = 0; i < cells; i++)
            if (blank[i] != suppress_cases[t].blank[i])
                TEST_FAIL_("%s: cell %zu blank=%d", suppress_cases[t].name, i, blank[i]);
        ASSERT_EQ(exposed, suppress_cases[t].exposed);
    }
}

TEST(stats_crosstab_suppress_table)
{
    int counts[] = {3, 12, 20, 40};
    samen_dataset *ds = from_table(counts, 2, 2);
    samen_crosstab *ct = NULL;
    ASSERT_EQ(samen_crosstab_compute(ds, 0, 1, &ct), SAMEN_OK);
    bool blank[4], exposed = true;
    size_t n = 0;
    ASSERT_EQ(samen_crosstab_suppress(ct, 5, blank, &n, &exposed), SAMEN_OK);
    ASSERT_EQ(n, 4);
    ASSERT_TRUE(blank[0] && blank[1] && blank[2] && blank[3] && !exposed);
    ASSERT_EQ(samen_crosstab_suppress(ct, 3, blank, &n, &exposed), SAMEN_OK);
    ASSERT_EQ(n, 0);
    samen_crosstab_destroy(ct);
    samen_dataset_destroy(ds);
}

/* ---- golden cases from GNU PSPP's crosstabs.at ---- */

#define MAX_TOKENS 256

/* Splits line (modified in place) at blanks into tok; returns the count. */
static size_t split(char *line, char **tok)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\0' || *p == '\n' || n == MAX_TOKENS)
            return n;
        tok[n++] = p;
        while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n')
            p++;
        if (*p != '\0')
            *p++ = '\0';
    }
}

/* The values samen gives for key, flattened row by row; *width is the
 * number of values per matrix row (0 for a list). Returns the count, or
 * SIZE_MAX for an unknown key. */
static size_t actual_values(const samen_crosstab *ct, const char *key, double *out, size_t cap,
                            size_t *width)
{
    const samen_crosstab_stats *s = samen_crosstab_statistics(ct);
    size_t nr = samen_crosstab_nrows(ct), nc = samen_crosstab_ncols(ct), n = 0;
    *width = 0;
    ASSERT_TRUE(nr * nc <= cap && nr <= cap && nc <= cap);
    typedef double (*cell_fn)(const samen_crosstab *, size_t, size_t);
    cell_fn fn = NULL;
    if (strcmp(key, "expected") == 0)
        fn = samen_crosstab_expected;
    else if (strcmp(key, "row_percent") == 0)
        fn = samen_crosstab_row_percent;
    else if (strcmp(key, "col_percent") == 0)
        fn = samen_crosstab_col_percent;
    else if (strcmp(key, "total_percent") == 0)
        fn = samen_crosstab_total_percent;
    if (fn != NULL || strcmp(key, "counts") == 0) {
        *width = nc;
        for (size_t i = 0; i < nr; i++)
            for (size_t j = 0; j < nc; j++)
                out[n++] = fn ? fn(ct, i, j) : (double)samen_crosstab_count(ct, i, j);
    } else if (strcmp(key, "rows") == 0 || strcmp(key, "row_totals") == 0) {
        for (size_t i = 0; i < nr; i++)
            out[n++] = strcmp(key, "row_totals") == 0 ? (double)samen_crosstab_row_total(ct, i)
                                     : samen_crosstab_row_value(ct, i);
    } else if (strcmp(key, "cols") == 0 || strcmp(key, "col_totals") == 0) {
        for (size_t j = 0; j < nc; j++)
            out[n++] = strcmp(key, "col_totals") == 0 ? (double)samen_crosstab_col_total(ct, j)
                                     : samen_crosstab_col_value(ct, j);
    } else if (strcmp(key, "total_cases") == 0) {
        out[n++] = (double)samen_crosstab_total_cases(ct);
    } else if (strcmp(key, "n") == 0) {
        out[n++] = (double)samen_crosstab_n(ct);
    } else if (strcmp(key, "missing_cases") == 0) {
        out[n++] = (double)samen_crosstab_missing_cases(ct);
    } else if (strcmp(key, "defined") == 0) {
        out[n++] = s->defined;
    } else if (strcmp(key, "chi_square") == 0) {
        out[n++] = s->chi_square;
    } else if (strcmp(key, "df") == 0) {
        out[n++] = (double)s->df;
    } else if (strcmp(key, "p") == 0) {
        out[n++] = s->p;
    } else if (strcmp(key, "cramers_v") == 0) {
        out[n++] = s->cramers_v;
    } else {
        return SIZE_MAX;
    }
    return n;
}

/* Runs one golden case; returns the number of numbers compared. */
static size_t run_golden(const char *dir, const char *file)
{
    char path[8800], data[8800] = "", row[4096] = "", col[4096] = "", line[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "r");
    ASSERT_TRUE(f != NULL);
    samen_dataset *ds = NULL;
    samen_crosstab *ct = NULL;
    samen_diag *d = samen_diag_create(10);
    size_t compared = 0;
    long lineno = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        lineno++;
        char *tok[MAX_TOKENS];
        size_t nt = split(line, tok);
        if (nt == 0 || tok[0][0] == '#')
            continue;
        if (strcmp(tok[0], "data") == 0 && nt == 2) {
            snprintf(data, sizeof data, "%s/%s", dir, tok[1]);
            ASSERT_EQ(samen_dataset_read_csv(data, tok[1], NULL, 0, &ds, d), SAMEN_OK);
            continue;
        }
        if (strcmp(tok[0], "row") == 0 && nt == 2) {
            snprintf(row, sizeof row, "%s", tok[1]);
            continue;
        }
        if (strcmp(tok[0], "col") == 0 && nt == 2) {
            snprintf(col, sizeof col, "%s", tok[1]);
            continue;
        }
        ASSERT_TRUE(ds != NULL && row[0] != '\0' && col[0] != '\0');
        if (strcmp(tok[0], "user_missing") == 0 && nt == 3) {
            long v = samen_dataset_find_var(ds, tok[1]);
            ASSERT_TRUE(v >= 0);
            ASSERT_EQ(samen_dataset_add_missing(ds, (size_t)v, strtod(tok[2], NULL)), SAMEN_OK);
            continue;
        }
        if (ct == NULL) {
            long r = samen_dataset_find_var(ds, row), c = samen_dataset_find_var(ds, col);
            ASSERT_TRUE(r >= 0 && c >= 0);
            ASSERT_EQ(samen_crosstab_compute(ds, (size_t)r, (size_t)c, &ct), SAMEN_OK);
        }
        if (nt < 2)
            TEST_FAIL_("%s:%ld: no tolerance", file, lineno);
        double tol = strtod(tok[1], NULL), actual[1024];
        size_t width, na = actual_values(ct, tok[0], actual, 1024, &width);
        if (na == SIZE_MAX)
            TEST_FAIL_("%s:%ld: unknown key '%s'", file, lineno, tok[0]);
        size_t k = 0, in_row = 0;
        for (size_t t = 2; t < nt; t++) {
            if (strcmp(tok[t], "|") == 0) {
                if (in_row != width)
                    TEST_FAIL_("%s:%ld: %s: a row of %zu values, samen has %zu", file, lineno,
                               tok[0], in_row, width);
                in_row = 0;
                continue;
            }
            char *end = NULL;
            double want = strtod(tok[t], &end);
            if (end == tok[t] || *end != '\0')
                TEST_FAIL_("%s:%ld: '%s' is not a number", file, lineno, tok[t]);
            if (k >= na)
                TEST_FAIL_("%s:%ld: %s: more values than samen's %zu", file, lineno, tok[0], na);
            /* inclusive: PSPP rounds halves away from zero (0.375 -> .38) */
            if (!(fabs(actual[k] - want) <= tol * (1 + 1e-9) + 1e-12))
                TEST_FAIL_("%s:%ld: %s[%zu]: PSPP %s, samen %.10g (tolerance %g)", file, lineno,
                           tok[0], k, tok[t], actual[k], tol);
            k++;
            in_row++;
            compared++;
        }
        if (k != na)
            TEST_FAIL_("%s:%ld: %s: %zu values, samen has %zu", file, lineno, tok[0], k, na);
    }
    fclose(f);
    ASSERT_TRUE(ct != NULL);
    samen_crosstab_destroy(ct);
    samen_dataset_destroy(ds);
    samen_diag_destroy(d);
    return compared;
}

TEST(stats_crosstab_golden_pspp)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/tests/golden/pspp-crosstabs", test_source_dir());
    DIR *dp = opendir(dir);
    ASSERT_TRUE(dp != NULL);
    size_t cases = 0, numbers = 0;
    struct dirent *e;
    for (e = readdir(dp); e != NULL; e = readdir(dp)) {
        size_t len = strlen(e->d_name);
        if (len < 10 || strcmp(e->d_name + len - 9, ".expected") != 0)
            continue;
        numbers += run_golden(dir, e->d_name);
        cases++;
    }
    closedir(dp);
    ASSERT_TRUE(cases >= 10);
    ASSERT_TRUE(numbers >= 150);
}

/* ---- the command line ---- */

static const char *write_file(const char *name, const char *text)
{
    static char path[4][4200];
    static int slot;
    char *p = path[slot++ % 4];
    snprintf(p, sizeof path[0], "%s/%s", test_tmpdir(), name);
    FILE *f = fopen(p, "w");
    ASSERT_TRUE(f != NULL);
    fputs(text, f);
    fclose(f);
    return p;
}

/* Runs samen with args; returns its exit status, stdout in out, stderr in err. */
static int run_samen(const char *args, char *out, size_t outcap, char *err, size_t errcap)
{
    char cmd[8600], opath[4200], epath[4200];
    snprintf(opath, sizeof opath, "%s/stdout", test_tmpdir());
    snprintf(epath, sizeof epath, "%s/stderr", test_tmpdir());
    snprintf(cmd, sizeof cmd, "'%s' %s >'%s' 2>'%s'", test_samen_binary(), args, opath, epath);
    int status = system(cmd);
    const char *paths[2] = {opath, epath};
    char *bufs[2] = {out, err};
    size_t caps[2] = {outcap, errcap};
    for (int i = 0; i < 2; i++) {
        FILE *f = fopen(paths[i], "r");
        ASSERT_TRUE(f != NULL);
        size_t n = fread(bufs[i], 1, caps[i] - 1, f);
        bufs[i][n] = '\0';
        fclose(f);
    }
    return status == -1 ? -1 : (status >> 8) & 0xff;
}

TEST(stats_crosstab_cli)
{
    static char out[65536], err[4096];
    char args[9000];
    const char *csv = write_file("t.csv", "r,c,z\n1,1,1\n1,2,1\n2,2,1\n2,2,1\n8,1,1\n,2,1\n");
    snprintf(args, sizeof args, "stats crosstab --data '%s' --row r --col c --missing 8,9", csv);
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 0);
    ASSERT_CONTAINS(out, "\"n\":\t4");
    ASSERT_CONTAINS(out, "\"counts\":\t[[1, 1], [0, 2]]");
    ASSERT_CONTAINS(out, "\"chi_square\":\t1.3333333333333");
    ASSERT_CONTAINS(out, "\"df\":\t1");
    ASSERT_CONTAINS(out, "\"cramers_v\":\t0.57735026918962");
    ASSERT_CONTAINS(out, "\"missing\":\t2");
    /* degenerate: one column -> null, not NaN */
    snprintf(args, sizeof args, "stats crosstab --data '%s' --row r --col z", csv);
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 0);
    ASSERT_CONTAINS(out, "\"chi_square\":\tnull");
    ASSERT_CONTAINS(out, "\"p\":\tnull");
    ASSERT_CONTAINS(out, "\"cramers_v\":\tnull");
    ASSERT_CONTAINS(out, "\"df\":\tnull");
    ASSERT_CONTAINS(out, "only one column");
    ASSERT_TRUE(strstr(out, "nan") == NULL && strstr(out, "NaN") == NULL);
    snprintf(args, sizeof args, "stats crosstab --data '%s' --row r --col c --format table --missing 8", csv);
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 0);
    ASSERT_CONTAINS(out, "Pearson chi-square = 1.333, df = 1");
    snprintf(args, sizeof args, "stats crosstab --data '%s' --row r --col c --suppress 2 --missing 8",
             csv);
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 0);
    /* 1 and 1 are small; the column totals would give them away, so the
     * 0 and the 2 go too (rule 3 of src/stats/smallcell.h) */
    ASSERT_CONTAINS(out, "\"counts\":\t[[null, null], [null, null]]");
    ASSERT_CONTAINS(out, "\"cells\":\t4");
    /* errors */
    snprintf(args, sizeof args, "stats crosstab --data '%s' --row r --col nope", csv);
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 2);
    ASSERT_CONTAINS(err, "no variable 'nope'");
    const char *bad = write_file("bad.csv", "r,c\n1,2\n1,x\n");
    snprintf(args, sizeof args, "stats crosstab --data '%s' --row r --col c", bad);
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 2);
    ASSERT_CONTAINS(err, "bad.csv:3:2: c: 'x' is not a number");
    snprintf(args, sizeof args, "stats crosstab --data '%s' --row r", csv);
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 2);
    ASSERT_CONTAINS(err, "--col are required");
    snprintf(args, sizeof args, "stats crosstab --data '%s' --row r --col c --format xml", csv);
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 2);
    ASSERT_EQ(run_samen("stats crosstab --help", out, sizeof out, err, sizeof err), 0);
    ASSERT_CONTAINS(out, "usage: samen stats crosstab");
    snprintf(args, sizeof args, "stats crosstab --data '%s/none.csv' --row r --col c",
             test_tmpdir());
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 2);
    ASSERT_CONTAINS(err, "none.csv");
}
