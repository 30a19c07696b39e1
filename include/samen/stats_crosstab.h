/* samen/stats_crosstab.h - a two-way crosstab: counts of row x column
 * values over the cases valid on both, row, column and total percentages,
 * expected counts, Pearson's chi-square with its df and asymptotic p, and
 * Cramer's V (as SPSS and GNU PSPP CROSSTABS print them).
 *
 * The rules (which cases count, the order of rows and columns, degenerate
 * tables, the small-expected-count warning, small bases) are listed at the
 * top of src/stats/crosstab.c.
 */
#ifndef SAMEN_STATS_CROSSTAB_H
#define SAMEN_STATS_CROSSTAB_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/dataset.h"
#include "samen/status.h"

/* Most cells (rows x columns) a crosstab may have; more gives
 * SAMEN_ETOOBIG (a continuous variable, most likely). */
#define SAMEN_CROSSTAB_MAX_CELLS 1000000

typedef struct samen_crosstab samen_crosstab;

typedef struct samen_crosstab_stats {
    bool defined;                /* false when chi-square is undefined (one
                                    row or column, or no valid case): then
                                    chi_square, p and cramers_v are NAN */
    double chi_square;           /* Pearson */
    long df;                     /* (rows - 1) (columns - 1) */
    double p;                    /* asymptotic, upper tail of chi-square(df) */
    double cramers_v;            /* sqrt(chi_square / (n (min(rows, cols) - 1))) */
    size_t cells;                /* rows x columns */
    size_t small_expected_cells; /* cells with an expected count below 5 */
    double min_expected;         /* smallest expected count (NAN when no cells) */
    bool small_expected_warning; /* more than 20% of the cells are small */
} samen_crosstab_stats;

/* Crosstabulates variable row_var (rows) by col_var (columns) of ds. On
 * success sets *out to a new result (free with samen_crosstab_destroy());
 * the result copies what it needs, so ds may be destroyed first.
 * SAMEN_EINVAL when a variable is not one of ds, SAMEN_ETOOBIG when the
 * table would have more than SAMEN_CROSSTAB_MAX_CELLS cells. */
samen_status samen_crosstab_compute(const samen_dataset *ds, size_t row_var, size_t col_var,
                                    samen_crosstab **out);

/* Frees ct; accepts NULL. */
void samen_crosstab_destroy(samen_crosstab *ct);

/* The names of the row and column variables; ct keeps them. */
const char *samen_crosstab_row_variable(const samen_crosstab *ct);
const char *samen_crosstab_col_variable(const samen_crosstab *ct);

/* Cases: all cases of the dataset, those valid on both variables (the n of
 * every statistic), and those missing on either. */
size_t samen_crosstab_total_cases(const samen_crosstab *ct);
size_t samen_crosstab_n(const samen_crosstab *ct);
size_t samen_crosstab_missing_cases(const samen_crosstab *ct);

/* Rows and columns: the distinct valid values, ascending, with their value
 * labels (NULL when none; ct keeps them). i < nrows, j < ncols. */
size_t samen_crosstab_nrows(const samen_crosstab *ct);
size_t samen_crosstab_ncols(const samen_crosstab *ct);
double samen_crosstab_row_value(const samen_crosstab *ct, size_t i);
double samen_crosstab_col_value(const samen_crosstab *ct, size_t j);
const char *samen_crosstab_row_label(const samen_crosstab *ct, size_t i);
const char *samen_crosstab_col_label(const samen_crosstab *ct, size_t j);

/* Cell counts and marginal totals. */
size_t samen_crosstab_count(const samen_crosstab *ct, size_t i, size_t j);
size_t samen_crosstab_row_total(const samen_crosstab *ct, size_t i);
size_t samen_crosstab_col_total(const samen_crosstab *ct, size_t j);

/* Expected count (row total x column total / n) and the cell as a
 * percentage of its row total, its column total and n. */
double samen_crosstab_expected(const samen_crosstab *ct, size_t i, size_t j);
double samen_crosstab_row_percent(const samen_crosstab *ct, size_t i, size_t j);
double samen_crosstab_col_percent(const samen_crosstab *ct, size_t i, size_t j);
double samen_crosstab_total_percent(const samen_crosstab *ct, size_t i, size_t j);

/* Small bases (fewer than 10 cases): of row i's row percentages, of column
 * j's column percentages, and of the total percentages (n). */
bool samen_crosstab_row_small_base(const samen_crosstab *ct, size_t i);
bool samen_crosstab_col_small_base(const samen_crosstab *ct, size_t j);
bool samen_crosstab_small_base(const samen_crosstab *ct);

/* The test statistics; ct keeps them. */
const samen_crosstab_stats *samen_crosstab_statistics(const samen_crosstab *ct);

/* Blanks small counts for region-level output (the small-cell rule of
 * src/stats/smallcell.h): sets blank[i * ncols + j] (an array of nrows x
 * ncols owned by the caller) for every cell whose count is above 0 and below
 * min_n, plus the cells needed so that none can be recovered from the row
 * and column totals; sets *nblank to the number of cells blanked. A blanked
 * cell's count, expected count and percentages must not be shown. Sets
 * *exposed (may be NULL) when some row or column total would still give a
 * blanked cell away (a table of one row or column). SAMEN_ENOMEM when out
 * of memory (blank is then untouched). */
samen_status samen_crosstab_suppress(const samen_crosstab *ct, double min_n, bool *blank,
                                     size_t *nblank, bool *exposed);

#endif
