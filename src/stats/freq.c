/* freq.c - frequencies (samen/stats_freq.h): samen_freq_compute(),
 * samen_freq_compute_many() and the accessors of the result.
 *
 * Rules:
 *  1. Every case counts once (no weights): n is the number of cases of the
 *     dataset.
 *  2. A value is valid when it is neither system-missing (an empty cell:
 *     SAMEN_SYSMIS_CODE or NAN) nor one of the variable's user-missing
 *     (non-substantive) values. valid_n counts the cases with a valid value.
 *  3. Each distinct valid value is one row. Values are compared exactly;
 *     in a number column 0 and -0 are one value.
 *  4. Each user-missing value that occurs is a row of its own, flagged
 *     missing; all system-missing cases together are one row, flagged
 *     missing and system-missing. Missing rows count in n and in percent,
 *     never in valid_n, valid percent or cumulative percent.
 *  5. percent = 100 count / n; valid percent = 100 count / valid_n;
 *     cumulative percent = 100 (sum of the counts of the valid rows up to
 *     and including this one) / valid_n, computed from counts, so the last
 *     valid row is exactly 100.
 *  6. Rows are ordered: valid values ascending, then user-missing values
 *     ascending, then the system-missing row. Values that do not occur are
 *     not listed, labelled or not.
 *  7. A row carries the variable's value label of its value, if any.
 *  8. n = 0 gives no rows; valid_n = 0 gives only missing rows (whose valid
 *     and cumulative percentages are NAN, never a division by zero).
 *  9. Small base (src/stats/smallcell.h rule 1): the result is flagged when
 *     valid_n < 10.
 * 10. Speed: a code column (int16) is counted in an array indexed by the
 *     code, four interleaved sub-arrays so that runs of one value do not
 *     wait on one counter; no hashing, no sorting. A number column is
 *     sorted. samen_freq_compute_many() reads each column once and reuses
 *     one counting array for all of them.
 * 11. Suppression for region-level output (samen_freq_suppress()) follows
 *     src/stats/smallcell.h with three published totals: n, valid_n and
 *     missing_n, each the sum of its rows.
 */
#include "samen/stats_freq.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smallcell.h"
#include "util/arena.h"

#define CODE_RANGE 65536
#define CODE_OFFSET 32768
/* Cases counted per flush of the 32-bit sub-arrays: each sub-array sees at
 * most a quarter of them, far below UINT32_MAX. */
#define CHUNK_CASES ((size_t)1 << 30)

struct samen_freq {
    arena *strings;            /* name, labels */
    const char *name;
    const char *label;
    size_t n, valid_n;
    samen_freq_category *cats; /* owned */
    size_t ncats;
};

/* The counting arrays of code columns, shared by the variables of one
 * samen_freq_compute_many() call (rule 10). */
typedef struct counter {
    uint32_t *sub;   /* 4 * CODE_RANGE */
    size_t *total;   /* CODE_RANGE */
} counter;

static samen_freq *freq_new(const samen_dataset *ds, size_t var)
{
    samen_freq *f = calloc(1, sizeof *f);
    if (f == NULL)
        return NULL;
    f->strings = arena_create();
    if (f->strings == NULL) {
        free(f);
        return NULL;
    }
    f->name = arena_strdup(f->strings, samen_dataset_var_name(ds, var));
    const char *label = samen_dataset_var_label(ds, var);
    f->label = label != NULL ? arena_strdup(f->strings, label) : NULL;
    if (f->name == NULL || (label != NULL && f->label == NULL)) {
        samen_freq_destroy(f);
        return NULL;
    }
    f->n = samen_dataset_ncases(ds); /* rule 1 */
    return f;
}

void samen_freq_destroy(samen_freq *f)
{
    if (f == NULL)
        return;
    arena_destroy(f->strings);
    free(f->cats);
    free(f);
}

/* Appends a row for value (NAN: system-missing) seen count times. */
static samen_status add_row(samen_freq *f, const samen_dataset *ds, size_t var, double value,
                            size_t count, bool missing)
{
    samen_freq_category *c = &f->cats[f->ncats++];
    memset(c, 0, sizeof *c);
    c->value = value;
    c->count = count;
    c->missing = missing;
    c->system_missing = isnan(value);
    if (!isnan(value)) {
        const char *label = samen_dataset_label_of(ds, var, value); /* rule 7 */
        if (label != NULL) {
            c->label = arena_strdup(f->strings, label);
            if (c->label == NULL)
                return SAMEN_ENOMEM;
        }
    }
    return SAMEN_OK;
}

/* Fills the percentages of every row (rules 5 and 8). */
static void finish(samen_freq *f)
{
    size_t cum = 0;
    for (size_t i = 0; i < f->ncats; i++) {
        samen_freq_category *c = &f->cats[i];
        c->percent = 100.0 * (double)c->count / (double)f->n;
        if (c->missing) {
            c->valid_percent = NAN;
            c->cumulative_percent = NAN;
        } else {
            cum += c->count;
            c->valid_percent = 100.0 * (double)c->count / (double)f->valid_n;
            c->cumulative_percent = 100.0 * (double)cum / (double)f->valid_n;
        }
    }
}

/* Counts the codes of one column into ctr->total (rule 10). */
static void count_codes(counter *ctr, const int16_t *codes, size_t ncases)
{
    memset(ctr->total, 0, CODE_RANGE * sizeof *ctr->total);
    for (size_t start = 0; start < ncases; start += CHUNK_CASES) {
        size_t end = ncases - start > CHUNK_CASES ? start + CHUNK_CASES : ncases;
        uint32_t *h0 = ctr->sub, *h1 = h0 + CODE_RANGE, *h2 = h1 + CODE_RANGE,
                 *h3 = h2 + CODE_RANGE;
        memset(ctr->sub, 0, 4 * CODE_RANGE * sizeof *ctr->sub);
        size_t c = start;
        for (; c + 4 <= end; c += 4) {
            h0[codes[c] + CODE_OFFSET]++;
            h1[codes[c + 1] + CODE_OFFSET]++;
            h2[codes[c + 2] + CODE_OFFSET]++;
            h3[codes[c + 3] + CODE_OFFSET]++;
        }
        for (; c < end; c++)
            h0[codes[c] + CODE_OFFSET]++;
        for (size_t v = 0; v < CODE_RANGE; v++)
            ctr->total[v] += (size_t)h0[v] + h1[v] + h2[v] + h3[v];
    }
}

static samen_status freq_codes(samen_freq *f, const samen_dataset *ds, size_t var, counter *ctr)
{
    count_codes(ctr, samen_dataset_codes(ds, var), f->n);
    const size_t *total = ctr->total;
    size_t distinct = 0;
    for (size_t v = 0; v < CODE_RANGE; v++)
        distinct += total[v] > 0;
    f->cats = malloc((distinct ? distinct : 1) * sizeof *f->cats);
    if (f->cats == NULL)
        return SAMEN_ENOMEM;
    size_t sysmis = total[(size_t)(SAMEN_SYSMIS_CODE + CODE_OFFSET)];
    samen_status st = SAMEN_OK;
    /* rule 6: valid values ascending, then user-missing ones */
    for (int pass = 0; pass < 2 && st == SAMEN_OK; pass++) {
        for (size_t v = 1; v < CODE_RANGE && st == SAMEN_OK; v++) {
            if (total[v] == 0)
                continue;
            double value = (double)((long)v - CODE_OFFSET);
            bool missing = samen_dataset_is_user_missing(ds, var, value); /* rule 2 */
            if (missing != (pass == 1))
                continue;
            if (!missing)
                f->valid_n += total[v];
            st = add_row(f, ds, var, value, total[v], missing); /* rules 3, 4 */
        }
    }
    if (st == SAMEN_OK && sysmis > 0)
        st = add_row(f, ds, var, NAN, sysmis, true); /* rule 4 */
    return st;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static samen_status freq_numbers(samen_freq *f, const samen_dataset *ds, size_t var)
{
    const double *numbers = samen_dataset_numbers(ds, var);
    double *sorted = malloc((f->n ? f->n : 1) * sizeof *sorted);
    if (sorted == NULL)
        return SAMEN_ENOMEM;
    size_t m = 0;
    for (size_t c = 0; c < f->n; c++)
        if (!isnan(numbers[c]))
            sorted[m++] = numbers[c] == 0 ? 0.0 : numbers[c]; /* rule 3: -0 is 0 */
    qsort(sorted, m, sizeof *sorted, cmp_double);
    size_t distinct = 0;
    for (size_t i = 0; i < m; i++)
        distinct += i == 0 || sorted[i] != sorted[i - 1];
    samen_status st = SAMEN_OK;
    f->cats = malloc((distinct + 1) * sizeof *f->cats);
    if (f->cats == NULL)
        st = SAMEN_ENOMEM;
    /* rule 6: valid values ascending, then user-missing ones */
    for (int pass = 0; pass < 2 && st == SAMEN_OK; pass++) {
        size_t i = 0;
        while (i < m && st == SAMEN_OK) {
            size_t j = i + 1;
            while (j < m && sorted[j] == sorted[i])
                j++;
            bool missing = samen_dataset_is_user_missing(ds, var, sorted[i]); /* rule 2 */
            if (missing == (pass == 1)) {
                if (!missing)
                    f->valid_n += j - i;
                st = add_row(f, ds, var, sorted[i], j - i, missing); /* rules 3, 4 */
            }
            i = j;
        }
    }
    if (st == SAMEN_OK && f->n > m)
        st = add_row(f, ds, var, NAN, f->n - m, true); /* rule 4 */
    free(sorted);
    return st;
}

static samen_status freq_one(const samen_dataset *ds, size_t var, counter *ctr, samen_freq **out)
{
    samen_freq *f = freq_new(ds, var);
    if (f == NULL)
        return SAMEN_ENOMEM;
    samen_status st = samen_dataset_var_kind(ds, var) == SAMEN_COLUMN_CODE
                          ? freq_codes(f, ds, var, ctr)
                          : freq_numbers(f, ds, var);
    if (st != SAMEN_OK) {
        samen_freq_destroy(f);
        return st;
    }
    finish(f);
    *out = f;
    return SAMEN_OK;
}

static void counter_free(counter *ctr)
{
    free(ctr->sub);
    free(ctr->total);
}

samen_status samen_freq_compute_many(const samen_dataset *ds, const size_t *vars, size_t nvars,
                                     samen_freq **out)
{
    counter ctr = {NULL, NULL};
    samen_status st = SAMEN_OK;
    size_t done = 0;
    for (size_t i = 0; i < nvars; i++) {
        out[i] = NULL;
        if (vars[i] >= samen_dataset_nvars(ds))
            st = SAMEN_EINVAL;
    }
    if (st != SAMEN_OK)
        goto out;
    for (size_t i = 0; i < nvars; i++) {
        if (samen_dataset_var_kind(ds, vars[i]) == SAMEN_COLUMN_CODE && ctr.sub == NULL) {
            ctr.sub = malloc(4 * CODE_RANGE * sizeof *ctr.sub);
            ctr.total = malloc(CODE_RANGE * sizeof *ctr.total);
            if (ctr.sub == NULL || ctr.total == NULL) {
                st = SAMEN_ENOMEM;
                goto out;
            }
        }
    }
    for (done = 0; done < nvars && st == SAMEN_OK; done++)
        st = freq_one(ds, vars[done], &ctr, &out[done]);
out:
    if (st != SAMEN_OK)
        for (size_t i = 0; i < nvars; i++) {
            samen_freq_destroy(out[i]);
            out[i] = NULL;
        }
    counter_free(&ctr);
    return st;
}

samen_status samen_freq_compute(const samen_dataset *ds, size_t var, samen_freq **out)
{
    samen_freq *f = NULL;
    samen_status st = samen_freq_compute_many(ds, &var, 1, &f);
    if (st == SAMEN_OK)
        *out = f;
    return st;
}

const char *samen_freq_variable(const samen_freq *f) { return f->name; }
const char *samen_freq_variable_label(const samen_freq *f) { return f->label; }
size_t samen_freq_n(const samen_freq *f) { return f->n; }
size_t samen_freq_valid_n(const samen_freq *f) { return f->valid_n; }
size_t samen_freq_missing_n(const samen_freq *f) { return f->n - f->valid_n; }
size_t samen_freq_ncategories(const samen_freq *f) { return f->ncats; }

const samen_freq_category *samen_freq_category_at(const samen_freq *f, size_t i)
{
    return i < f->ncats ? &f->cats[i] : NULL;
}

bool samen_freq_small_base(const samen_freq *f)
{
    return smallcell_is_small_base((double)f->valid_n); /* rule 9 */
}

samen_status samen_freq_suppress(const samen_freq *f, double min_n, bool *blank, size_t *nblank,
                                 bool *exposed)
{
    size_t k = f->ncats;
    double *counts = malloc((k ? k : 1) * sizeof *counts);
    size_t *index = malloc((2 * k + 1) * sizeof *index);
    if (counts == NULL || index == NULL) {
        free(counts);
        free(index);
        return SAMEN_ENOMEM;
    }
    /* rule 11: the published totals are valid_n (the valid rows),
     * missing_n (the missing rows) and n (all rows) */
    smallcell_line lines[3];
    size_t at = 0;
    for (int missing = 0; missing < 2; missing++) {
        lines[missing].cells = index + at;
        for (size_t i = 0; i < k; i++)
            if (f->cats[i].missing == (missing == 1))
                index[at++] = i;
        lines[missing].ncells = (size_t)(index + at - lines[missing].cells);
    }
    lines[2].cells = index; /* valid rows then missing rows: all of them */
    lines[2].ncells = k;
    for (size_t i = 0; i < k; i++)
        counts[i] = (double)f->cats[i].count;
    smallcell_suppress_lines(counts, k, lines, 3, min_n, blank, nblank, exposed);
    free(counts);
    free(index);
    return SAMEN_OK;
}
