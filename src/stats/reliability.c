/* reliability.c - reliability of a scale: Cronbach's alpha, standardized
 * alpha and the item-total statistics of SPSS/PSPP RELIABILITY
 * /SUMMARY=TOTAL; and scale scores.
 *
 * Exports samen_reliability_compute() with its accessors,
 * samen_reliability_add_scores() and samen_reliability_spec_from_scale()
 * (include/samen/stats_reliability.h).
 *
 * References: L. J. Cronbach, "Coefficient alpha and the internal structure
 * of tests", Psychometrika 16 (1951); the standardized alpha is the
 * Spearman-Brown form k r / (1 + (k - 1) r) of the mean inter-item
 * correlation r (as SPSS's "alpha based on standardized items" and R psych's
 * std.alpha).
 *
 * Rules:
 *  1. Missing values, listwise. A case enters the analysis only when every
 *     item of the scale is valid (neither system-missing nor a user-missing
 *     value of that item), as SPSS and PSPP RELIABILITY do by default
 *     (/MISSING=EXCLUDE).
 *  2. Reverse-keyed items are mirrored as min + max - x before any
 *     statistic is computed. min and max are the spec's; when both are NAN
 *     they are the smallest and largest valid value of any item of the
 *     scale in any case (listwise-valid or not). Values outside min..max
 *     are mirrored all the same and counted (out_of_range).
 *  3. Variances and covariances use the denominator n - 1 and the
 *     corrected two-pass algorithm: item means first, then the centred
 *     cross-products minus (sum of deviations)^2 / n.
 *  4. alpha = k / (k - 1) * (1 - sum of item variances / variance of the
 *     sum). It is NAN when n < 2 or the sum has variance 0; a negative
 *     alpha is reported as it is (SPSS does the same).
 *  5. Standardized alpha = k r / (1 + (k - 1) r) with r the mean of the
 *     k (k - 1) / 2 inter-item correlations; NAN when n < 2 or an item has
 *     variance 0.
 *  6. Item deleted. The scale mean and variance if item i is deleted are
 *     those of the sum of the other items; the corrected item-total
 *     correlation is the correlation of item i with that sum; alpha (and
 *     standardized alpha) if deleted is the alpha of the other k - 1 items,
 *     NAN when k = 2 (one item has no alpha; PSPP prints NaN too). A
 *     correlation with a constant is NAN.
 *  7. k < 2 is an error (SAMEN_EINVAL): alpha needs two items. n < 2 is not:
 *     the means of a single case are reported, every variance-based
 *     statistic is NAN; with n = 0 everything is NAN.
 *  8. Weights. Every case has weight 1.
 *  9. Scale scores do not use listwise deletion: a case's score is the mean
 *     of its valid items (mirrored by rule 2), NAN when fewer than
 *     min_items items are valid (min_items 0 means all items).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "samen/stats_reliability.h"

#include "colview.h"

struct samen_reliability {
    samen_reliability_scale scale;
    samen_reliability_item *items;   /* owned, scale.k of them */
};

/* A column read directly, with its user-missing values at hand. (The same
 * small helper as in descriptives.c: each statistics file stands alone.) */
/* Valid values are read through colview.h. */

/* Checks spec against ds: at least min_k items, each a variable, none
 * twice, and min/max both NAN or min < max. */
static samen_status check_spec(const samen_dataset *ds, const samen_reliability_spec *spec,
                               size_t min_k)
{
    if (spec == NULL || spec->nitems < min_k || spec->items == NULL)
        return SAMEN_EINVAL;
    if (spec->nitems > SAMEN_RELIABILITY_MAX_ITEMS)
        return SAMEN_ETOOBIG;
    size_t nvars = samen_dataset_nvars(ds);
    for (size_t i = 0; i < spec->nitems; i++) {
        if (spec->items[i] >= nvars)
            return SAMEN_EINVAL;
        for (size_t j = 0; j < i; j++)
            if (spec->items[j] == spec->items[i])
                return SAMEN_EINVAL;
    }
    if (isnan(spec->min) != isnan(spec->max))
        return SAMEN_EINVAL;
    if (!isnan(spec->min) && !(spec->min < spec->max))
        return SAMEN_EINVAL;
    return SAMEN_OK;
}

static bool any_reversed(const samen_reliability_spec *spec)
{
    for (size_t i = 0; spec->reverse != NULL && i < spec->nitems; i++)
        if (spec->reverse[i])
            return true;
    return false;
}

/* Rule 2: the mirroring bounds, from spec or from the data (NAN when no
 * item has a valid value). */
static void mirror_bounds(const colview *cols, size_t k, size_t ncases,
                          const samen_reliability_spec *spec, double *lo, double *hi)
{
    *lo = spec->min;
    *hi = spec->max;
    if (!isnan(*lo))
        return;
    for (size_t j = 0; j < k; j++)
        for (size_t c = 0; c < ncases; c++) {
            double v;
            if (!colview_valid(&cols[j], c, &v))
                continue;
            if (isnan(*lo) || v < *lo)
                *lo = v;
            if (isnan(*hi) || v > *hi)
                *hi = v;
        }
}

/* Reads case c of every item into x (mirrored by rule 2); returns false
 * when an item is missing (rule 1). */
static bool read_case(const colview *cols, const bool *rev, size_t k, size_t c, double lo,
                      double hi, double *x)
{
    for (size_t j = 0; j < k; j++) {
        if (!colview_valid(&cols[j], c, &x[j]))
            return false;
        if (rev != NULL && rev[j])
            x[j] = lo + hi - x[j];
    }
    return true;
}

/* Alpha of a scale whose item variances sum to sumvar and whose sum has
 * variance var_t (rule 4). */
static double alpha_of(size_t k, double sumvar, double var_t)
{
    if (k < 2 || !(var_t > 0))
        return NAN;
    return (double)k / (double)(k - 1) * (1.0 - sumvar / var_t);
}

/* Standardized alpha from the mean inter-item correlation (rule 5). */
static double std_alpha_of(size_t k, double mean_r)
{
    if (k < 2 || isnan(mean_r))
        return NAN;
    return (double)k * mean_r / (1.0 + (double)(k - 1) * mean_r);
}

static double corr(double cov, double va, double vb)
{
    return va > 0 && vb > 0 ? cov / sqrt(va * vb) : NAN;
}

samen_status samen_reliability_compute(const samen_dataset *ds, const samen_reliability_spec *spec,
                                       samen_reliability **out)
{
    samen_status st = check_spec(ds, spec, 2); /* rule 7 */
    if (st != SAMEN_OK)
        return st;
    size_t k = spec->nitems, ncases = samen_dataset_ncases(ds);
    const bool *rev = spec->reverse;
    colview *cols = calloc(k, sizeof *cols);
    double *x = calloc(k, sizeof *x);
    double *sum = calloc(k, sizeof *sum);
    double *mean = calloc(k, sizeof *mean);
    double *dev = calloc(k, sizeof *dev);
    double *cov = calloc(k * k, sizeof *cov);
    double *rowsum = calloc(k, sizeof *rowsum);
    double *rsum = calloc(k, sizeof *rsum);
    samen_reliability *r = calloc(1, sizeof *r);
    if (r != NULL)
        r->items = calloc(k, sizeof *r->items);
    if (cols == NULL || x == NULL || sum == NULL || mean == NULL || dev == NULL || cov == NULL ||
        rowsum == NULL || rsum == NULL || r == NULL || r->items == NULL) {
        st = SAMEN_ENOMEM;
        goto out;
    }
    for (size_t j = 0; j < k; j++)
        colview_init(&cols[j], ds, spec->items[j]);

    samen_reliability_scale *s = &r->scale;
    s->cases = ncases;
    s->k = k;
    s->mirror_min = s->mirror_max = NAN;
    double lo = NAN, hi = NAN;
    if (any_reversed(spec)) {
        mirror_bounds(cols, k, ncases, spec, &lo, &hi); /* rule 2 */
        s->mirror_min = lo;
        s->mirror_max = hi;
    }

    /* Pass 1: listwise-valid cases and item means (rules 1-3). */
    size_t n = 0;
    for (size_t c = 0; c < ncases; c++) {
        if (!read_case(cols, rev, k, c, lo, hi, x))
            continue;
        n++;
        for (size_t j = 0; j < k; j++) {
            sum[j] += x[j];
            if (rev != NULL && rev[j] && (x[j] < lo || x[j] > hi))
                s->out_of_range++;
        }
    }
    s->n = n;
    for (size_t j = 0; j < k; j++)
        mean[j] = n > 0 ? sum[j] / (double)n : NAN;

    /* Pass 2: centred cross-products, upper triangle (rule 3). */
    if (n >= 2) {
        for (size_t c = 0; c < ncases; c++) {
            if (!read_case(cols, rev, k, c, lo, hi, x))
                continue;
            for (size_t i = 0; i < k; i++)
                x[i] -= mean[i];
            for (size_t i = 0; i < k; i++) {
                dev[i] += x[i];
                double *row = cov + i * k;
                for (size_t j = i; j < k; j++)
                    row[j] += x[i] * x[j];
            }
        }
        for (size_t i = 0; i < k; i++)
            for (size_t j = i; j < k; j++) {
                double v = (cov[i * k + j] - dev[i] * dev[j] / (double)n) / (double)(n - 1);
                cov[i * k + j] = cov[j * k + i] = v;
            }
    } else {
        for (size_t i = 0; i < k * k; i++)
            cov[i] = NAN; /* rule 7 */
    }

    /* The scale (rules 4 and 5). */
    double var_t = 0, sumvar = 0, sum_r = 0, mean_t = 0;
    bool r_ok = n >= 2;
    for (size_t i = 0; i < k; i++) {
        mean_t += mean[i];
        sumvar += cov[i * k + i];
        for (size_t j = 0; j < k; j++) {
            rowsum[i] += cov[i * k + j];
            if (j != i) {
                double rij = corr(cov[i * k + j], cov[i * k + i], cov[j * k + j]);
                if (isnan(rij))
                    r_ok = false;
                rsum[i] += rij;
            }
        }
        var_t += rowsum[i];
        sum_r += rsum[i];
    }
    double npairs = (double)k * (double)(k - 1) / 2.0;
    sum_r /= 2.0; /* each pair was counted twice */
    s->scale_mean = mean_t;
    s->scale_variance = n >= 2 ? var_t : NAN;
    s->alpha = n >= 2 ? alpha_of(k, sumvar, var_t) : NAN;
    s->mean_inter_item_r = r_ok ? sum_r / npairs : NAN;
    s->standardized_alpha = std_alpha_of(k, s->mean_inter_item_r);

    /* Items (rule 6). */
    for (size_t i = 0; i < k; i++) {
        samen_reliability_item *it = &r->items[i];
        double vi = cov[i * k + i];
        it->var = spec->items[i];
        it->reversed = rev != NULL && rev[i];
        it->mean = mean[i];
        it->sd = n >= 2 ? sqrt(vi > 0 ? vi : 0) : NAN;
        it->scale_mean_if_deleted = mean_t - mean[i];
        double var_del = var_t - 2.0 * rowsum[i] + vi;
        it->scale_variance_if_deleted = n >= 2 ? var_del : NAN;
        it->item_total_r = n >= 2 ? corr(rowsum[i], vi, var_t) : NAN;
        it->corrected_item_total_r = n >= 2 ? corr(rowsum[i] - vi, vi, var_del) : NAN;
        it->alpha_if_deleted = n >= 2 && k > 2 ? alpha_of(k - 1, sumvar - vi, var_del) : NAN;
        it->standardized_alpha_if_deleted = NAN;
        if (r_ok && k > 2) {
            double pairs_del = (double)(k - 1) * (double)(k - 2) / 2.0;
            it->standardized_alpha_if_deleted = std_alpha_of(k - 1, (sum_r - rsum[i]) / pairs_del);
        }
    }

out:
    free(cols);
    free(x);
    free(sum);
    free(mean);
    free(dev);
    free(cov);
    free(rowsum);
    free(rsum);
    if (st != SAMEN_OK) {
        samen_reliability_destroy(r);
        return st;
    }
    *out = r;
    return SAMEN_OK;
}

void samen_reliability_destroy(samen_reliability *r)
{
    if (r == NULL)
        return;
    free(r->items);
    free(r);
}

const samen_reliability_scale *samen_reliability_get_scale(const samen_reliability *r)
{
    return &r->scale;
}

const samen_reliability_item *samen_reliability_get_item(const samen_reliability *r, size_t i)
{
    return i < r->scale.k ? &r->items[i] : NULL;
}

samen_status samen_reliability_add_scores(samen_dataset *ds, const samen_reliability_spec *spec,
                                          const char *name, size_t *index)
{
    samen_status st = check_spec(ds, spec, 1);
    if (st != SAMEN_OK)
        return st;
    size_t k = spec->nitems, ncases = samen_dataset_ncases(ds);
    size_t need = spec->min_items == 0 ? k : spec->min_items; /* rule 9 */
    if (spec->min_items > k || name == NULL)
        return SAMEN_EINVAL;
    if (samen_dataset_find_var(ds, name) >= 0)
        return SAMEN_EEXIST;
    colview *cols = calloc(k, sizeof *cols);
    double *score = malloc((ncases ? ncases : 1) * sizeof *score);
    if (cols == NULL || score == NULL) {
        st = SAMEN_ENOMEM;
        goto out;
    }
    for (size_t j = 0; j < k; j++)
        colview_init(&cols[j], ds, spec->items[j]);
    double lo = NAN, hi = NAN;
    if (any_reversed(spec))
        mirror_bounds(cols, k, ncases, spec, &lo, &hi); /* rule 2 */
    for (size_t c = 0; c < ncases; c++) {
        double s = 0, v;
        size_t valid = 0;
        for (size_t j = 0; j < k; j++) {
            if (!colview_valid(&cols[j], c, &v))
                continue;
            if (spec->reverse != NULL && spec->reverse[j])
                v = lo + hi - v;
            s += v;
            valid++;
        }
        score[c] = valid >= need && valid > 0 ? s / (double)valid : NAN; /* rule 9 */
    }
    size_t var;
    st = samen_dataset_add_var(ds, name, SAMEN_COLUMN_NUMBER, &var);
    if (st != SAMEN_OK)
        goto out;
    for (size_t c = 0; c < ncases; c++)
        samen_dataset_set(ds, var, c, score[c]); /* a number column takes any value */
    if (index != NULL)
        *index = var;
out:
    free(cols);
    free(score);
    return st;
}

samen_status samen_reliability_spec_from_scale(const samen_instrument *inst,
                                               const samen_scale_info *scale,
                                               const samen_dataset *ds, size_t *items, size_t cap,
                                               samen_reliability_spec *spec, samen_diag *d)
{
    if (scale->nitems == 0 || scale->nitems > cap) {
        samen_diag_add(d, NULL, 0, 0, "scale '%s': %zu items, room for %zu", scale->id,
                       scale->nitems, cap);
        return SAMEN_EINVAL;
    }
    samen_status st = SAMEN_OK;
    for (size_t i = 0; i < scale->nitems; i++) {
        const samen_var_info *vi = samen_instrument_var(inst, scale->items[i]);
        long v = vi != NULL ? samen_dataset_find_var(ds, vi->name) : -1;
        if (v < 0) {
            samen_diag_add(d, NULL, 0, 0, "scale '%s': item '%s' is not a variable of the dataset",
                           scale->id, vi != NULL ? vi->name : "?");
            st = SAMEN_ENOTFOUND;
            continue;
        }
        items[i] = (size_t)v;
    }
    if (st != SAMEN_OK)
        return st;
    spec->items = items;
    spec->nitems = scale->nitems;
    spec->reverse = scale->reverse;
    spec->min = scale->min;
    spec->max = scale->max;
    spec->min_items = scale->min_items;
    return SAMEN_OK;
}
