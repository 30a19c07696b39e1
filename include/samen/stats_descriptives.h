/* samen/stats_descriptives.h - descriptive statistics of one variable, over
 * all valid cases and per value of a grouping variable (SPSS/PSPP MEANS).
 *
 * For each group and for the total: the number of valid cases, mean,
 * standard deviation (n - 1), variance, median, minimum and maximum. The
 * rules (missing values, n < 2, the median's definition) are listed in
 * src/stats/descriptives.c and repeated briefly here:
 *   - a case counts when its value is neither system- nor user-missing;
 *     with a grouping variable, its group value must be valid too (the
 *     total then covers the cases that are valid on both, as PSPP MEANS);
 *   - mean, median, min and max are NAN when n = 0; sd and variance are
 *     NAN when n < 2;
 *   - the median is the middle value of the sorted valid values, the mean
 *     of the two middle values when n is even (R's median(), and PSPP
 *     EXAMINE's default HAVERAGE percentile at 50%).
 * Every case has weight 1.
 */
#ifndef SAMEN_STATS_DESCRIPTIVES_H
#define SAMEN_STATS_DESCRIPTIVES_H

#include <stddef.h>

#include "samen/dataset.h"
#include "samen/status.h"

/* At most this many distinct group values (SAMEN_ETOOBIG otherwise). */
#define SAMEN_DESCRIPTIVES_MAX_GROUPS 100000

typedef struct samen_descriptives samen_descriptives;

/* One row of the result: a group, or the total. */
typedef struct samen_descriptives_row {
    double value;        /* the group's value; NAN for the total */
    const char *label;   /* the value's label, NULL when it has none (the result keeps it) */
    size_t n;            /* valid cases */
    size_t missing;      /* cases of this group whose variable is missing; for the total,
                            every case left out (variable or group missing) */
    double sum;
    double mean;         /* NAN when n = 0 */
    double variance;     /* denominator n - 1; NAN when n < 2 */
    double sd;           /* square root of variance; NAN when n < 2 */
    double median;       /* NAN when n = 0 */
    double min, max;     /* NAN when n = 0 */
} samen_descriptives_row;

/* Computes the statistics of variable var of ds, per value of variable by
 * when by >= 0 (groups in ascending order of value) or over all cases when
 * by is -1. The caller keeps ds. On success *out is a new result; free with
 * samen_descriptives_destroy(). SAMEN_EINVAL when var or by is not a
 * variable of ds, SAMEN_ETOOBIG when by has more than
 * SAMEN_DESCRIPTIVES_MAX_GROUPS values, SAMEN_ENOMEM. */
samen_status samen_descriptives_compute(const samen_dataset *ds, size_t var, long by,
                                        samen_descriptives **out);

/* Frees r; accepts NULL. */
void samen_descriptives_destroy(samen_descriptives *r);

/* Number of groups (0 when computed without a grouping variable). */
size_t samen_descriptives_ngroups(const samen_descriptives *r);

/* The i-th group in ascending order of value, or NULL when i is out of
 * range. r keeps it. */
const samen_descriptives_row *samen_descriptives_group(const samen_descriptives *r, size_t i);

/* The total over every counted case (never NULL). r keeps it. */
const samen_descriptives_row *samen_descriptives_total(const samen_descriptives *r);

#endif
