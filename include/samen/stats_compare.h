/* samen/stats_compare.h - comparing two waves: Mann-Whitney U, Welch's t
 * with Cohen's d, and the caveats that say when a comparison between waves
 * should not be read as a change (the seed report, section 4.2, declined to
 * test "vanwege grote verschillen in de respons (in aantal en functie van
 * respondenten)"; samen makes that judgement visible instead).
 * Categorical items are compared with the crosstab module (wave x answer). */
#ifndef SAMEN_STATS_COMPARE_H
#define SAMEN_STATS_COMPARE_H

#include <stddef.h>

#include "samen/dataset.h"
#include "samen/status.h"

typedef struct samen_mann_whitney {
    size_t n1, n2;
    double mean_rank1, mean_rank2;
    double rank_sum1, rank_sum2;
    double u;          /* the smaller of U1 and U2 (as SPSS and PSPP report) */
    double w;          /* Wilcoxon W: the rank sum belonging to u's group */
    double z;          /* normal approximation with ties correction, <= 0 */
    double p;          /* two-sided asymptotic significance */
    double r;          /* effect size |z| / sqrt(n1 + n2) */
} samen_mann_whitney;

typedef struct samen_welch {
    size_t n1, n2;
    double mean1, mean2;
    double sd1, sd2;
    double t;          /* (mean1 - mean2) / se */
    double df;         /* Welch-Satterthwaite */
    double p;          /* two-sided */
    double mean_difference;
    double cohens_d;   /* (mean1 - mean2) / pooled SD */
} samen_welch;

/* Compares x[0..n1) with y[0..n2) (valid values only; the caller keeps the
 * arrays). SAMEN_EINVAL when a group is empty or all values are tied. */
samen_status samen_mann_whitney_test(const double *x, size_t n1, const double *y, size_t n2,
                                     samen_mann_whitney *out);

/* SAMEN_EINVAL when a group has fewer than 2 values or both variances are 0. */
samen_status samen_welch_test(const double *x, size_t n1, const double *y, size_t n2,
                              samen_welch *out);

/* Collects the valid values (neither system- nor user-missing) of variable
 * var of ds into a new array (free with free()); *n is their number. */
samen_status samen_compare_valid_values(const samen_dataset *ds, size_t var, double **values,
                                        size_t *n);

typedef enum samen_caveat_kind {
    SAMEN_CAVEAT_SIZE,         /* the waves differ strongly in n */
    SAMEN_CAVEAT_COMPOSITION,  /* ... or in composition on a variable */
    SAMEN_CAVEAT_SMALL_N       /* a wave has too few cases to test */
} samen_caveat_kind;

typedef struct samen_caveat {
    samen_caveat_kind kind;
    char variable[65];         /* the composition variable (COMPOSITION) */
    size_t n1, n2;
    double value;              /* size ratio, or total variation distance */
} samen_caveat;

typedef struct samen_caveat_rules {
    double max_size_ratio;     /* larger n / smaller n above this: caveat (default 2) */
    double max_distance;       /* total variation distance above this (default 0.20) */
    size_t min_n;              /* fewer cases than this in a wave (default 10) */
} samen_caveat_rules;

/* The default rules (2, 0.20, 10). */
samen_caveat_rules samen_caveat_default_rules(void);

/* Judges whether waves a and b can be compared: their sizes, and their
 * composition on each variable in composition[0..ncomp) (names looked up in
 * each dataset; a name missing from either is skipped). Writes at most cap
 * caveats to out and their number to *n. rules may be NULL (defaults). */
samen_status samen_compare_caveats(const samen_dataset *a, const samen_dataset *b,
                                   const char *const *composition, size_t ncomp,
                                   const samen_caveat_rules *rules, samen_caveat *out, size_t cap,
                                   size_t *n);

/* Writes one caveat as a sentence in the current language (gettext) into
 * out (cap bytes). Returns out. */
const char *samen_caveat_describe(const samen_caveat *c, char *out, size_t cap);

#endif
