/* compare.c - comparing two waves (samen/stats_compare.h).
 *
 * Rules:
 *  1. Only valid values take part: system-missing and user-missing
 *     (non-substantive) values are left out of every test.
 *  2. Mann-Whitney U: the two groups are ranked together; tied values get
 *     the mean of their ranks. U1 = R1 - n1(n1+1)/2, U2 = n1 n2 - U1, and
 *     U = min(U1, U2) with W the rank sum of that group (as SPSS/PSPP).
 *  3. Its z uses the normal approximation with the ties correction and no
 *     continuity correction (as SPSS/PSPP): sigma^2 = n1 n2 / 12 *
 *     ((N + 1) - sum(t^3 - t) / (N (N - 1))); z = (U - n1 n2 / 2) / sigma;
 *     p = 2 Phi(z). Effect size r = |z| / sqrt(N) (Rosenthal 1991).
 *  4. Welch's t: t = (m1 - m2) / sqrt(s1^2/n1 + s2^2/n2) with SDs on n - 1;
 *     df by Welch-Satterthwaite; p two-sided from Student's t (GSL).
 *  5. Cohen's d = (m1 - m2) / s_pooled, s_pooled^2 = ((n1-1) s1^2 +
 *     (n2-1) s2^2) / (n1 + n2 - 2) (Cohen 1988).
 *  6. Caveats: a comparison carries a caveat when the larger wave has more
 *     than max_size_ratio times the cases of the smaller, when a wave has
 *     fewer than min_n cases, or when on a composition variable the two
 *     waves' distributions (over valid values) differ by a total variation
 *     distance 1/2 sum |p_a - p_b| above max_distance.
 */
#include "samen/stats_compare.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samen/i18n.h"
#include "util/text.h"

typedef struct ranked {
    double value;
    int group;
} ranked;

static int ranked_cmp(const void *a, const void *b)
{
    double x = ((const ranked *)a)->value, y = ((const ranked *)b)->value;
    return (x > y) - (x < y);
}

samen_status samen_mann_whitney_test(const double *x, size_t n1, const double *y, size_t n2,
                                     samen_mann_whitney *out)
{
    if (n1 == 0 || n2 == 0)
        return SAMEN_EINVAL;
    size_t n = n1 + n2;
    ranked *all = malloc(n * sizeof *all);
    if (all == NULL)
        return SAMEN_ENOMEM;
    for (size_t i = 0; i < n1; i++)
        all[i] = (ranked){x[i], 0};
    for (size_t i = 0; i < n2; i++)
        all[n1 + i] = (ranked){y[i], 1};
    qsort(all, n, sizeof *all, ranked_cmp);
    double rank_sum[2] = {0, 0};
    double ties = 0; /* sum of t^3 - t, rule 3 */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && all[j].value == all[i].value)
            j++;
        double t = (double)(j - i);
        double mean_rank = ((double)i + 1 + (double)j) / 2; /* rule 2 */
        for (size_t k = i; k < j; k++)
            rank_sum[all[k].group] += mean_rank;
        ties += t * t * t - t;
        i = j;
    }
    free(all);
    double dn1 = (double)n1, dn2 = (double)n2, dn = (double)n;
    double u1 = rank_sum[0] - dn1 * (dn1 + 1) / 2;
    double u2 = dn1 * dn2 - u1;
    double var = dn1 * dn2 / 12 * ((dn + 1) - ties / (dn * (dn - 1)));
    if (!(var > 0))
        return SAMEN_EINVAL; /* every value tied */
    samen_mann_whitney r;
    r.n1 = n1;
    r.n2 = n2;
    r.rank_sum1 = rank_sum[0];
    r.rank_sum2 = rank_sum[1];
    r.mean_rank1 = rank_sum[0] / dn1;
    r.mean_rank2 = rank_sum[1] / dn2;
    if (u1 <= u2) {
        r.u = u1;
        r.w = rank_sum[0];
    } else {
        r.u = u2;
        r.w = rank_sum[1];
    }
    r.z = (r.u - dn1 * dn2 / 2) / sqrt(var);
    r.p = 2 * gsl_cdf_ugaussian_P(r.z);
    if (r.p > 1)
        r.p = 1;
    r.r = fabs(r.z) / sqrt(dn);
    *out = r;
    return SAMEN_OK;
}

/* Mean and sample variance by Welford's method. */
static void moments(const double *x, size_t n, double *mean, double *var)
{
    double m = 0, s = 0;
    for (size_t i = 0; i < n; i++) {
        double d = x[i] - m;
        m += d / (double)(i + 1);
        s += d * (x[i] - m);
    }
    *mean = m;
    *var = n > 1 ? s / (double)(n - 1) : NAN;
}

samen_status samen_welch_test(const double *x, size_t n1, const double *y, size_t n2,
                              samen_welch *out)
{
    if (n1 < 2 || n2 < 2)
        return SAMEN_EINVAL;
    samen_welch r;
    double v1, v2;
    moments(x, n1, &r.mean1, &v1);
    moments(y, n2, &r.mean2, &v2);
    double dn1 = (double)n1, dn2 = (double)n2;
    double a = v1 / dn1, b = v2 / dn2;
    if (!(a + b > 0))
        return SAMEN_EINVAL;
    r.n1 = n1;
    r.n2 = n2;
    r.sd1 = sqrt(v1);
    r.sd2 = sqrt(v2);
    r.mean_difference = r.mean1 - r.mean2;
    r.t = r.mean_difference / sqrt(a + b);                                   /* rule 4 */
    r.df = (a + b) * (a + b) / (a * a / (dn1 - 1) + b * b / (dn2 - 1));
    r.p = 2 * gsl_cdf_tdist_Q(fabs(r.t), r.df);
    double pooled = ((dn1 - 1) * v1 + (dn2 - 1) * v2) / (dn1 + dn2 - 2);     /* rule 5 */
    r.cohens_d = pooled > 0 ? r.mean_difference / sqrt(pooled) : NAN;
    *out = r;
    return SAMEN_OK;
}

samen_status samen_compare_valid_values(const samen_dataset *ds, size_t var, double **values,
                                        size_t *n)
{
    size_t nc = samen_dataset_ncases(ds);
    double *v = malloc((nc ? nc : 1) * sizeof *v);
    if (v == NULL)
        return SAMEN_ENOMEM;
    size_t k = 0;
    for (size_t c = 0; c < nc; c++)
        if (samen_dataset_is_valid(ds, var, c)) /* rule 1 */
            v[k++] = samen_dataset_get(ds, var, c);
    *values = v;
    *n = k;
    return SAMEN_OK;
}

samen_caveat_rules samen_caveat_default_rules(void)
{
    samen_caveat_rules r = {2.0, 0.20, 10};
    return r;
}

/* The share of each distinct valid value of var; values/shares sized cap. */
static size_t distribution(const samen_dataset *ds, size_t var, double *values, double *shares,
                           size_t cap, size_t *total)
{
    size_t k = 0, n = 0;
    for (size_t c = 0; c < samen_dataset_ncases(ds); c++) {
        if (!samen_dataset_is_valid(ds, var, c))
            continue;
        double v = samen_dataset_get(ds, var, c);
        size_t i = 0;
        while (i < k && values[i] != v)
            i++;
        if (i == k) {
            if (k == cap)
                continue;
            values[k] = v;
            shares[k++] = 0;
        }
        shares[i] += 1;
        n++;
    }
    for (size_t i = 0; i < k; i++)
        shares[i] = n ? shares[i] / (double)n : 0;
    *total = n;
    return k;
}

#define MAX_CATEGORIES 256

static void add(samen_caveat *out, size_t cap, size_t *n, samen_caveat c)
{
    if (*n < cap)
        out[*n] = c;
    (*n)++;
}

samen_status samen_compare_caveats(const samen_dataset *a, const samen_dataset *b,
                                   const char *const *composition, size_t ncomp,
                                   const samen_caveat_rules *rules, samen_caveat *out, size_t cap,
                                   size_t *n)
{
    samen_caveat_rules def = samen_caveat_default_rules();
    if (rules == NULL)
        rules = &def;
    *n = 0;
    size_t na = samen_dataset_ncases(a), nb = samen_dataset_ncases(b);
    samen_caveat c;
    memset(&c, 0, sizeof c);
    c.n1 = na;
    c.n2 = nb;
    size_t lo = na < nb ? na : nb, hi = na < nb ? nb : na; /* rule 6 */
    if (lo < rules->min_n) {
        c.kind = SAMEN_CAVEAT_SMALL_N;
        c.value = (double)lo;
        add(out, cap, n, c);
    }
    if (lo > 0 && (double)hi / (double)lo > rules->max_size_ratio) {
        c.kind = SAMEN_CAVEAT_SIZE;
        c.value = (double)hi / (double)lo;
        add(out, cap, n, c);
    }
    for (size_t i = 0; i < ncomp; i++) {
        long va = samen_dataset_find_var(a, composition[i]);
        long vb = samen_dataset_find_var(b, composition[i]);
        if (va < 0 || vb < 0)
            continue;
        double *vals = malloc(4 * MAX_CATEGORIES * sizeof *vals);
        if (vals == NULL)
            return SAMEN_ENOMEM;
        double *sa = vals + MAX_CATEGORIES, *vb_vals = vals + 2 * MAX_CATEGORIES,
               *sb = vals + 3 * MAX_CATEGORIES;
        size_t ta, tb;
        size_t ka = distribution(a, (size_t)va, vals, sa, MAX_CATEGORIES, &ta);
        size_t kb = distribution(b, (size_t)vb, vb_vals, sb, MAX_CATEGORIES, &tb);
        double tvd = 0;
        for (size_t x = 0; x < ka; x++) {
            double other = 0;
            for (size_t y = 0; y < kb; y++)
                if (vb_vals[y] == vals[x])
                    other = sb[y];
            tvd += fabs(sa[x] - other);
        }
        for (size_t y = 0; y < kb; y++) {
            bool seen = false;
            for (size_t x = 0; x < ka; x++)
                seen |= vals[x] == vb_vals[y];
            if (!seen)
                tvd += sb[y];
        }
        tvd /= 2;
        free(vals);
        if (ta > 0 && tb > 0 && tvd > rules->max_distance) {
            c.kind = SAMEN_CAVEAT_COMPOSITION;
            c.value = tvd;
            text_copy(c.variable, sizeof c.variable, composition[i]);
            add(out, cap, n, c);
        }
    }
    return SAMEN_OK;
}

const char *samen_caveat_describe(const samen_caveat *c, char *out, size_t cap)
{
    switch (c->kind) {
    case SAMEN_CAVEAT_SIZE:
        snprintf(out, cap,
                 _("The waves differ strongly in size (n = %zu and n = %zu, a ratio of %.1f): "
                   "a difference may reflect who responded rather than a change."),
                 c->n1, c->n2, c->value);
        break;
    case SAMEN_CAVEAT_COMPOSITION:
        snprintf(out, cap,
                 _("The waves differ in composition by %s (total variation distance %.2f): "
                   "compare with care."),
                 c->variable, c->value);
        break;
    case SAMEN_CAVEAT_SMALL_N:
        snprintf(out, cap, _("A wave has too few cases to test (n = %zu and n = %zu)."), c->n1,
                 c->n2);
        break;
    }
    return out;
}
