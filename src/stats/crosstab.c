/* crosstab.c - two-way crosstabs with Pearson's chi-square and Cramer's V
 * (samen/stats_crosstab.h): samen_crosstab_compute() and the accessors of
 * the result.
 *
 * Rules:
 *  1. No weights: every case counts once. A case is counted when its values
 *     on both variables are valid, i.e. neither system-missing nor one of
 *     the variable's user-missing values (PSPP's /MISSING=TABLE); the others
 *     are the table's missing cases.
 *  2. The rows (columns) are the distinct valid values of the row (column)
 *     variable among the counted cases, ascending; a value seen only next
 *     to a missing partner is not a row. So every row and column total is at
 *     least 1. In a number column 0 and -0 are one value.
 *  3. Row % = 100 count / row total; column % = 100 count / column total;
 *     total % = 100 count / n, where n is the number of counted cases.
 *  4. Expected count = row total x column total / n.
 *  5. Pearson chi-square = sum over all cells, empty ones included, of
 *     (count - expected)^2 / expected; df = (rows - 1) (columns - 1);
 *     p = Q(chi-square | df), the upper tail of the chi-square distribution
 *     (GSL gsl_cdf_chisq_Q): PSPP's "Asymptotic Sig. (2-tailed)".
 *  6. Cramer's V = sqrt(chi-square / (n (min(rows, columns) - 1))).
 *  7. Degenerate tables: with fewer than two rows or two columns (n = 0
 *     included) chi-square, p and V are undefined: stats.defined is false,
 *     they are NAN, and the command line prints null for them and for df.
 *     PSPP prints no chi-square for such a table either.
 *  8. Small expected counts: the cells with an expected count below 5 are
 *     counted; when they are more than 20% of the cells of a table with a
 *     defined chi-square, the warning flag is set (Cochran's rule, as in the
 *     footnote SPSS prints), with the number of cells and the smallest
 *     expected count.
 *  9. Small bases (src/stats/smallcell.h rule 1): row percentages of a row
 *     with fewer than 10 cases, column percentages of such a column, and
 *     total percentages when n < 10 are flagged.
 * 10. At most SAMEN_CROSSTAB_MAX_CELLS cells (SAMEN_ETOOBIG beyond).
 * 11. Suppression for region-level output (samen_crosstab_suppress())
 *     follows src/stats/smallcell.h with the row and column totals
 *     published.
 *
 * Reference: Agresti, Categorical Data Analysis (3rd ed., 2013), the
 * chapter on testing independence (Pearson's statistic); Cramer,
 * Mathematical Methods of Statistics (1946), for V; the CROSSTABS chapter
 * of the GNU PSPP manual for what is printed.
 */
#include "samen/stats_crosstab.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smallcell.h"
#include "util/arena.h"

#define CODE_RANGE 65536
#define CODE_OFFSET 32768

struct samen_crosstab {
    arena *strings;
    const char *row_name, *col_name;
    size_t total_cases, n;
    size_t nrows, ncols;
    double *row_values, *col_values;       /* owned */
    const char **row_labels, **col_labels; /* owned arrays of arena strings */
    size_t *counts;                        /* owned; nrows x ncols */
    size_t *row_totals, *col_totals;       /* owned */
    samen_crosstab_stats stats;
};

/* One of the two variables while the table is built. */
typedef struct axis {
    const samen_dataset *ds;
    size_t var;
    const int16_t *codes;     /* code column, or NULL */
    const double *numbers;    /* number column, or NULL */
    uint8_t *code_valid;      /* CODE_RANGE: 1 when the code is valid (rule 1) */
    int32_t *code_index;      /* CODE_RANGE: row/column of a present code, or -1 */
    double *seen;             /* number column: valid values of counted cases */
    size_t nseen;
    double *values;           /* distinct values ascending (rule 2) */
    size_t nvalues;
} axis;

static void axis_free(axis *a)
{
    free(a->code_valid);
    free(a->code_index);
    free(a->seen);
    free(a->values);
}

static samen_status axis_init(axis *a, const samen_dataset *ds, size_t var)
{
    memset(a, 0, sizeof *a);
    a->ds = ds;
    a->var = var;
    if (samen_dataset_var_kind(ds, var) == SAMEN_COLUMN_NUMBER) {
        a->numbers = samen_dataset_numbers(ds, var);
        size_t n = samen_dataset_ncases(ds);
        a->seen = malloc((n ? n : 1) * sizeof *a->seen);
        return a->seen != NULL ? SAMEN_OK : SAMEN_ENOMEM;
    }
    a->codes = samen_dataset_codes(ds, var);
    a->code_valid = malloc(CODE_RANGE * sizeof *a->code_valid);
    a->code_index = malloc(CODE_RANGE * sizeof *a->code_index);
    if (a->code_valid == NULL || a->code_index == NULL)
        return SAMEN_ENOMEM;
    for (size_t v = 0; v < CODE_RANGE; v++) {
        double value = (double)((long)v - CODE_OFFSET);
        a->code_valid[v] = v != 0 && !samen_dataset_is_user_missing(ds, var, value); /* rule 1 */
        a->code_index[v] = -1;
    }
    return SAMEN_OK;
}

static bool axis_valid(const axis *a, size_t c)
{
    if (a->codes != NULL)
        return a->code_valid[a->codes[c] + CODE_OFFSET];
    double x = a->numbers[c];
    return !isnan(x) && !samen_dataset_is_user_missing(a->ds, a->var, x); /* rule 1 */
}

static double axis_value(const axis *a, size_t c)
{
    if (a->codes != NULL)
        return a->codes[c];
    return a->numbers[c] == 0 ? 0.0 : a->numbers[c]; /* rule 2: -0 is 0 */
}

/* Notes the value of counted case c. */
static void axis_see(axis *a, size_t c)
{
    if (a->codes != NULL)
        a->code_index[a->codes[c] + CODE_OFFSET] = 0;
    else
        a->seen[a->nseen++] = axis_value(a, c);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Turns the values seen into the sorted distinct values (rule 2). */
static samen_status axis_finish(axis *a)
{
    size_t distinct = 0;
    if (a->codes != NULL) {
        for (size_t v = 0; v < CODE_RANGE; v++)
            distinct += a->code_index[v] == 0;
    } else {
        qsort(a->seen, a->nseen, sizeof *a->seen, cmp_double);
        for (size_t i = 0; i < a->nseen; i++)
            distinct += i == 0 || a->seen[i] != a->seen[i - 1];
    }
    a->values = malloc((distinct ? distinct : 1) * sizeof *a->values);
    if (a->values == NULL)
        return SAMEN_ENOMEM;
    if (a->codes != NULL) {
        for (size_t v = 0; v < CODE_RANGE; v++)
            if (a->code_index[v] == 0) {
                a->code_index[v] = (int32_t)a->nvalues;
                a->values[a->nvalues++] = (double)((long)v - CODE_OFFSET);
            }
    } else {
        for (size_t i = 0; i < a->nseen; i++)
            if (i == 0 || a->seen[i] != a->seen[i - 1])
                a->values[a->nvalues++] = a->seen[i];
    }
    return SAMEN_OK;
}

/* The row/column of counted case c. */
static size_t axis_index(const axis *a, size_t c)
{
    if (a->codes != NULL)
        return (size_t)a->code_index[a->codes[c] + CODE_OFFSET];
    double x = axis_value(a, c);
    const double *p = bsearch(&x, a->values, a->nvalues, sizeof x, cmp_double);
    return (size_t)(p - a->values);
}

/* Copies the value labels of a's values into the result's arena. */
static samen_status copy_labels(samen_crosstab *ct, const axis *a, const char ***out)
{
    const char **labels = calloc(a->nvalues ? a->nvalues : 1, sizeof *labels);
    if (labels == NULL)
        return SAMEN_ENOMEM;
    *out = labels;
    for (size_t i = 0; i < a->nvalues; i++) {
        const char *l = samen_dataset_label_of(a->ds, a->var, a->values[i]);
        if (l != NULL) {
            labels[i] = arena_strdup(ct->strings, l);
            if (labels[i] == NULL)
                return SAMEN_ENOMEM;
        }
    }
    return SAMEN_OK;
}

static void compute_stats(samen_crosstab *ct)
{
    samen_crosstab_stats *s = &ct->stats;
    memset(s, 0, sizeof *s);
    s->cells = ct->nrows * ct->ncols;
    s->df = (long)((ct->nrows > 0 ? ct->nrows - 1 : 0) * (ct->ncols > 0 ? ct->ncols - 1 : 0));
    s->min_expected = NAN;
    double chi = 0;
    for (size_t i = 0; i < ct->nrows; i++)
        for (size_t j = 0; j < ct->ncols; j++) {
            double e = samen_crosstab_expected(ct, i, j); /* rule 4 */
            double d = (double)ct->counts[i * ct->ncols + j] - e;
            chi += d * d / e; /* rule 5 */
            if (e < 5)
                s->small_expected_cells++; /* rule 8 */
            if (isnan(s->min_expected) || e < s->min_expected)
                s->min_expected = e;
        }
    s->defined = ct->nrows >= 2 && ct->ncols >= 2; /* rule 7 */
    if (!s->defined) {
        s->chi_square = s->p = s->cramers_v = NAN;
        return;
    }
    s->chi_square = chi;
    s->p = gsl_cdf_chisq_Q(chi, (double)s->df); /* rule 5 */
    size_t k = ct->nrows < ct->ncols ? ct->nrows : ct->ncols;
    s->cramers_v = sqrt(chi / ((double)ct->n * (double)(k - 1))); /* rule 6 */
    s->small_expected_warning = s->small_expected_cells * 5 > s->cells; /* rule 8: > 20% */
}

void samen_crosstab_destroy(samen_crosstab *ct)
{
    if (ct == NULL)
        return;
    arena_destroy(ct->strings);
    free(ct->row_values);
    free(ct->col_values);
    free(ct->row_labels);
    free(ct->col_labels);
    free(ct->counts);
    free(ct->row_totals);
    free(ct->col_totals);
    free(ct);
}

samen_status samen_crosstab_compute(const samen_dataset *ds, size_t row_var, size_t col_var,
                                    samen_crosstab **out)
{
    if (row_var >= samen_dataset_nvars(ds) || col_var >= samen_dataset_nvars(ds))
        return SAMEN_EINVAL;
    axis r, c;
    samen_status st = axis_init(&r, ds, row_var);
    samen_status st2 = axis_init(&c, ds, col_var);
    samen_crosstab *ct = calloc(1, sizeof *ct);
    if (st == SAMEN_OK)
        st = st2;
    if (st == SAMEN_OK && ct == NULL)
        st = SAMEN_ENOMEM;
    if (st == SAMEN_OK) {
        ct->strings = arena_create();
        if (ct->strings == NULL)
            st = SAMEN_ENOMEM;
    }
    if (st != SAMEN_OK)
        goto out;
    ct->row_name = arena_strdup(ct->strings, samen_dataset_var_name(ds, row_var));
    ct->col_name = arena_strdup(ct->strings, samen_dataset_var_name(ds, col_var));
    if (ct->row_name == NULL || ct->col_name == NULL) {
        st = SAMEN_ENOMEM;
        goto out;
    }
    ct->total_cases = samen_dataset_ncases(ds);
    for (size_t k = 0; k < ct->total_cases; k++) /* rules 1 and 2 */
        if (axis_valid(&r, k) && axis_valid(&c, k)) {
            axis_see(&r, k);
            axis_see(&c, k);
        }
    st = axis_finish(&r);
    if (st == SAMEN_OK)
        st = axis_finish(&c);
    if (st != SAMEN_OK)
        goto out;
    ct->nrows = r.nvalues;
    ct->ncols = c.nvalues;
    if (ct->ncols > 0 && ct->nrows > SAMEN_CROSSTAB_MAX_CELLS / ct->ncols) { /* rule 10 */
        st = SAMEN_ETOOBIG;
        goto out;
    }
    size_t cells = ct->nrows * ct->ncols;
    ct->counts = calloc(cells ? cells : 1, sizeof *ct->counts);
    ct->row_totals = calloc(ct->nrows ? ct->nrows : 1, sizeof *ct->row_totals);
    ct->col_totals = calloc(ct->ncols ? ct->ncols : 1, sizeof *ct->col_totals);
    if (ct->counts == NULL || ct->row_totals == NULL || ct->col_totals == NULL) {
        st = SAMEN_ENOMEM;
        goto out;
    }
    for (size_t k = 0; k < ct->total_cases; k++)
        if (axis_valid(&r, k) && axis_valid(&c, k)) {
            size_t i = axis_index(&r, k), j = axis_index(&c, k);
            ct->counts[i * ct->ncols + j]++;
            ct->row_totals[i]++;
            ct->col_totals[j]++;
            ct->n++;
        }
    st = copy_labels(ct, &r, &ct->row_labels);
    if (st == SAMEN_OK)
        st = copy_labels(ct, &c, &ct->col_labels);
    if (st != SAMEN_OK)
        goto out;
    ct->row_values = r.values;
    ct->col_values = c.values;
    r.values = c.values = NULL;
    compute_stats(ct);
out:
    axis_free(&r);
    axis_free(&c);
    if (st != SAMEN_OK) {
        samen_crosstab_destroy(ct);
        return st;
    }
    *out = ct;
    return SAMEN_OK;
}

const char *samen_crosstab_row_variable(const samen_crosstab *ct) { return ct->row_name; }
const char *samen_crosstab_col_variable(const samen_crosstab *ct) { return ct->col_name; }
size_t samen_crosstab_total_cases(const samen_crosstab *ct) { return ct->total_cases; }
size_t samen_crosstab_n(const samen_crosstab *ct) { return ct->n; }
size_t samen_crosstab_missing_cases(const samen_crosstab *ct) { return ct->total_cases - ct->n; }
size_t samen_crosstab_nrows(const samen_crosstab *ct) { return ct->nrows; }
size_t samen_crosstab_ncols(const samen_crosstab *ct) { return ct->ncols; }
double samen_crosstab_row_value(const samen_crosstab *ct, size_t i) { return ct->row_values[i]; }
double samen_crosstab_col_value(const samen_crosstab *ct, size_t j) { return ct->col_values[j]; }
const char *samen_crosstab_row_label(const samen_crosstab *ct, size_t i) { return ct->row_labels[i]; }
const char *samen_crosstab_col_label(const samen_crosstab *ct, size_t j) { return ct->col_labels[j]; }

size_t samen_crosstab_count(const samen_crosstab *ct, size_t i, size_t j)
{
    return ct->counts[i * ct->ncols + j];
}

size_t samen_crosstab_row_total(const samen_crosstab *ct, size_t i) { return ct->row_totals[i]; }
size_t samen_crosstab_col_total(const samen_crosstab *ct, size_t j) { return ct->col_totals[j]; }

double samen_crosstab_expected(const samen_crosstab *ct, size_t i, size_t j)
{
    return (double)ct->row_totals[i] * (double)ct->col_totals[j] / (double)ct->n; /* rule 4 */
}

double samen_crosstab_row_percent(const samen_crosstab *ct, size_t i, size_t j)
{
    return 100.0 * (double)samen_crosstab_count(ct, i, j) / (double)ct->row_totals[i]; /* rule 3 */
}

double samen_crosstab_col_percent(const samen_crosstab *ct, size_t i, size_t j)
{
    return 100.0 * (double)samen_crosstab_count(ct, i, j) / (double)ct->col_totals[j]; /* rule 3 */
}

double samen_crosstab_total_percent(const samen_crosstab *ct, size_t i, size_t j)
{
    return 100.0 * (double)samen_crosstab_count(ct, i, j) / (double)ct->n; /* rule 3 */
}

bool samen_crosstab_row_small_base(const samen_crosstab *ct, size_t i)
{
    return smallcell_is_small_base((double)ct->row_totals[i]); /* rule 9 */
}

bool samen_crosstab_col_small_base(const samen_crosstab *ct, size_t j)
{
    return smallcell_is_small_base((double)ct->col_totals[j]); /* rule 9 */
}

bool samen_crosstab_small_base(const samen_crosstab *ct)
{
    return smallcell_is_small_base((double)ct->n); /* rule 9 */
}

const samen_crosstab_stats *samen_crosstab_statistics(const samen_crosstab *ct)
{
    return &ct->stats;
}

samen_status samen_crosstab_suppress(const samen_crosstab *ct, double min_n, bool *blank,
                                     size_t *nblank, bool *exposed)
{
    size_t cells = ct->nrows * ct->ncols;
    double *counts = malloc((cells ? cells : 1) * sizeof *counts);
    if (counts == NULL)
        return SAMEN_ENOMEM;
    for (size_t i = 0; i < cells; i++)
        counts[i] = (double)ct->counts[i];
    samen_status st =
        smallcell_suppress(counts, ct->nrows, ct->ncols, min_n, blank, nblank, exposed); /* rule 11 */
    free(counts);
    return st;
}
