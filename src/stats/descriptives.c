/* descriptives.c - descriptive statistics of one variable, in total and per
 * value of a grouping variable (what SPSS and PSPP call MEANS).
 *
 * Exports samen_descriptives_compute() and the accessors of its result
 * (include/samen/stats_descriptives.h).
 *
 * Rules:
 *  1. Missing values. A case counts for the variable when its value is
 *     neither system-missing nor one of the variable's user-missing values.
 *     The counts of the left-out cases are kept (row.missing).
 *  2. Grouping. With a grouping variable, a case belongs to the group of
 *     its group value when that value is valid under rule 1; cases whose
 *     group value is missing are left out of every group and of the total,
 *     so the total covers the cases valid on both variables (listwise over
 *     the two, as PSPP and SPSS MEANS do). Groups are listed in ascending
 *     order of value, each with the grouping variable's label of that value.
 *  3. n = 0. The mean, median, minimum and maximum of an empty group are
 *     NAN (reported as missing); the sum is 0.
 *  4. n < 2. The variance and standard deviation use the denominator n - 1
 *     and are NAN when n < 2 (PSPP prints NaN, R gives NA).
 *  5. Numerical stability. The mean is the compensated (Neumaier) sum
 *     divided by n; the variance is the corrected two-pass formula
 *     (sum of (x - mean)^2 - (sum of (x - mean))^2 / n) / (n - 1)
 *     (Chan, Golub & LeVeque, "Algorithms for computing the sample
 *     variance", The American Statistician 37, 1983).
 *  6. Median and ties. The median is the middle value of the sorted valid
 *     values, and the mean of the two middle values when n is even. Tied
 *     values need no special treatment. This is R's median() and the 50th
 *     percentile of PSPP EXAMINE's default definition (HAVERAGE); all the
 *     usual percentile definitions (R types 2 and 5-9) agree on it when
 *     every case has weight 1.
 *  7. Weights. Every case has weight 1.
 *
 * Sorting: when both variables are code columns (the usual survey answers)
 * the (group, value) pairs are radix-sorted as 32-bit keys and the total's
 * values counted into a histogram; otherwise qsort() orders them.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "samen/stats_descriptives.h"
#include "util/text.h"

#include "colview.h"

struct samen_descriptives {
    size_t ngroups;
    samen_descriptives_row *groups;   /* owned; labels owned too */
    samen_descriptives_row total;
};

/* A column read directly, with its user-missing values at hand. */
/* Rule 1: valid values are read through colview.h. */

/* A counted case: its group value and its value (NAN when missing). */
typedef struct pair {
    double g;
    double x;
} pair;

/* Orders by group, then missing values first, then by value. */
static int pair_cmp(const void *pa, const void *pb)
{
    const pair *a = pa, *b = pb;
    if (a->g != b->g)
        return a->g < b->g ? -1 : 1;
    bool na = isnan(a->x), nb = isnan(b->x);
    if (na || nb)
        return (int)nb - (int)na;
    return (a->x > b->x) - (a->x < b->x);
}

static int double_cmp(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

/* LSD radix sort of n keys, 8 bits a pass; tmp has room for n keys. Passes
 * where every key has the same byte are skipped. */
static void radix_sort_u32(uint32_t *a, uint32_t *tmp, size_t n)
{
    uint32_t *src = a, *dst = tmp;
    for (unsigned shift = 0; shift < 32; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++)
            count[((src[i] >> shift) & 0xFFu) + 1]++;
        bool trivial = false;
        for (size_t b = 1; b <= 256; b++)
            if (count[b] == n)
                trivial = true;
        if (trivial)
            continue;
        for (size_t b = 1; b <= 256; b++)
            count[b] += count[b - 1];
        for (size_t i = 0; i < n; i++)
            dst[count[(src[i] >> shift) & 0xFFu]++] = src[i];
        uint32_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, n * sizeof *a);
}

/* Fills r's statistics from the n valid values x[0..n), sorted ascending
 * (rules 3-6). */
static void row_stats(const double *x, size_t n, samen_descriptives_row *r)
{
    r->n = n;
    r->sum = 0;
    r->mean = r->variance = r->sd = r->median = r->min = r->max = NAN;
    if (n == 0)
        return; /* rule 3 */
    /* Rule 5: Neumaier's compensated sum, then the corrected two-pass
     * sum of squares. */
    double s = 0, comp = 0;
    for (size_t i = 0; i < n; i++) {
        double t = s + x[i];
        comp += fabs(s) >= fabs(x[i]) ? (s - t) + x[i] : (x[i] - t) + s;
        s = t;
    }
    r->sum = s + comp;
    r->mean = r->sum / (double)n;
    double dev = 0, ss = 0;
    for (size_t i = 0; i < n; i++) {
        double d = x[i] - r->mean;
        dev += d;
        ss += d * d;
    }
    ss -= dev * dev / (double)n;
    if (n >= 2) { /* rule 4 */
        r->variance = ss > 0 ? ss / (double)(n - 1) : 0;
        r->sd = sqrt(r->variance);
    }
    /* Rule 6. */
    r->median = n % 2 == 1 ? x[n / 2] : 0.5 * x[n / 2 - 1] + 0.5 * x[n / 2];
    r->min = x[0];
    r->max = x[n - 1];
}

/* Collects the counted cases of code columns as radix-sorted pairs. Keys
 * are (group + 32768) << 16 | (value + 32768), with value key 0 for a
 * missing value, so that missing values sort first within their group. */
static samen_status collect_codes(const colview *cx, const colview *cg, size_t ncases, pair *pairs,
                                  size_t *np)
{
    uint32_t *keys = malloc((ncases ? ncases : 1) * sizeof *keys);
    uint32_t *tmp = malloc((ncases ? ncases : 1) * sizeof *tmp);
    if (keys == NULL || tmp == NULL) {
        free(keys);
        free(tmp);
        return SAMEN_ENOMEM;
    }
    size_t n = 0;
    for (size_t i = 0; i < ncases; i++) {
        double g = 0, x;
        if (cg != NULL && !colview_valid(cg, i, &g))
            continue; /* rule 2 */
        uint32_t gk = cg != NULL ? (uint32_t)((int32_t)g + 32768) : 0;
        uint32_t xk = colview_valid(cx, i, &x) ? (uint32_t)((int32_t)x + 32768) : 0; /* rule 1 */
        keys[n++] = gk << 16 | xk;
    }
    radix_sort_u32(keys, tmp, n);
    for (size_t i = 0; i < n; i++) {
        uint32_t xk = keys[i] & 0xFFFFu;
        pairs[i].g = (double)((int32_t)(keys[i] >> 16) - 32768);
        pairs[i].x = xk == 0 ? NAN : (double)((int32_t)xk - 32768);
    }
    free(keys);
    free(tmp);
    *np = n;
    return SAMEN_OK;
}

/* The same for any columns, sorted with qsort(). */
static void collect_any(const colview *cx, const colview *cg, size_t ncases, pair *pairs,
                        size_t *np)
{
    size_t n = 0;
    for (size_t i = 0; i < ncases; i++) {
        double g = 0, x;
        if (cg != NULL && !colview_valid(cg, i, &g))
            continue; /* rule 2 */
        pairs[n].g = g;
        pairs[n].x = colview_valid(cx, i, &x) ? x : NAN; /* rule 1 */
        n++;
    }
    qsort(pairs, n, sizeof *pairs, pair_cmp);
    *np = n;
}

/* Sorts the n valid values xs ascending: by counting when they are codes. */
static samen_status sort_values(double *xs, size_t n, bool codes)
{
    if (!codes) {
        qsort(xs, n, sizeof *xs, double_cmp);
        return SAMEN_OK;
    }
    size_t *hist = calloc(65536, sizeof *hist);
    if (hist == NULL)
        return SAMEN_ENOMEM;
    for (size_t i = 0; i < n; i++)
        hist[(int32_t)xs[i] + 32768]++;
    size_t k = 0;
    for (size_t v = 0; v < 65536; v++)
        for (size_t c = 0; c < hist[v]; c++)
            xs[k++] = (double)((int32_t)v - 32768);
    free(hist);
    return SAMEN_OK;
}

samen_status samen_descriptives_compute(const samen_dataset *ds, size_t var, long by,
                                        samen_descriptives **out)
{
    samen_status st = SAMEN_OK;
    pair *pairs = NULL;
    double *xs = NULL;
    samen_descriptives *r = NULL;
    size_t nvars = samen_dataset_nvars(ds), ncases = samen_dataset_ncases(ds);
    if (var >= nvars || by < -1 || (by >= 0 && (size_t)by >= nvars))
        return SAMEN_EINVAL;

    colview cx, cg;
    colview_init(&cx, ds, var);
    if (by >= 0)
        colview_init(&cg, ds, (size_t)by);
    const colview *pg = by >= 0 ? &cg : NULL;
    bool codes = cx.codes != NULL && (pg == NULL || cg.codes != NULL);

    pairs = malloc((ncases ? ncases : 1) * sizeof *pairs);
    xs = malloc((ncases ? ncases : 1) * sizeof *xs);
    r = calloc(1, sizeof *r);
    if (pairs == NULL || xs == NULL || r == NULL) {
        st = SAMEN_ENOMEM;
        goto out;
    }
    size_t np = 0;
    if (codes) {
        st = collect_codes(&cx, pg, ncases, pairs, &np);
        if (st != SAMEN_OK)
            goto out;
    } else {
        collect_any(&cx, pg, ncases, pairs, &np);
    }

    /* Groups: runs of equal group value (rule 2). */
    size_t ngroups = 0;
    if (pg != NULL)
        for (size_t i = 0; i < np; i++)
            if (i == 0 || pairs[i].g != pairs[i - 1].g)
                ngroups++;
    if (ngroups > SAMEN_DESCRIPTIVES_MAX_GROUPS) {
        st = SAMEN_ETOOBIG;
        goto out;
    }
    r->groups = calloc(ngroups ? ngroups : 1, sizeof *r->groups);
    if (r->groups == NULL) {
        st = SAMEN_ENOMEM;
        goto out;
    }
    size_t nvalid = 0;
    for (size_t i = 0; i < np;) {
        size_t end = i;
        while (end < np && pairs[end].g == pairs[i].g)
            end++;
        size_t first = i;
        while (first < end && isnan(pairs[first].x))
            first++; /* missing values sort first (rule 1) */
        size_t nx = end - first;
        for (size_t j = first; j < end; j++)
            xs[nvalid + (j - first)] = pairs[j].x;
        if (pg != NULL) {
            samen_descriptives_row *row = &r->groups[r->ngroups++];
            row_stats(xs + nvalid, nx, row);
            row->value = pairs[i].g;
            row->missing = first - i;
            const char *label = samen_dataset_label_of(ds, (size_t)by, pairs[i].g);
            if (label != NULL) {
                row->label = text_dup(label);
                if (row->label == NULL) {
                    st = SAMEN_ENOMEM;
                    goto out;
                }
            }
        }
        nvalid += nx;
        i = end;
    }

    /* The total over every counted case. */
    st = sort_values(xs, nvalid, codes);
    if (st != SAMEN_OK)
        goto out;
    row_stats(xs, nvalid, &r->total);
    r->total.value = NAN;
    r->total.label = NULL;
    r->total.missing = ncases - nvalid;

out:
    free(pairs);
    free(xs);
    if (st != SAMEN_OK) {
        samen_descriptives_destroy(r);
        return st;
    }
    *out = r;
    return SAMEN_OK;
}

void samen_descriptives_destroy(samen_descriptives *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->ngroups; i++)
        free((char *)r->groups[i].label);
    free(r->groups);
    free(r);
}

size_t samen_descriptives_ngroups(const samen_descriptives *r)
{
    return r->ngroups;
}

const samen_descriptives_row *samen_descriptives_group(const samen_descriptives *r, size_t i)
{
    return i < r->ngroups ? &r->groups[i] : NULL;
}

const samen_descriptives_row *samen_descriptives_total(const samen_descriptives *r)
{
    return &r->total;
}
