/* samen/stats_reliability.h - reliability of a scale (Cronbach's alpha with
 * its item statistics, as SPSS/PSPP RELIABILITY /SUMMARY=TOTAL) and scale
 * scores.
 *
 * The rules (listwise deletion, reverse-keyed items, k < 2, n < 2) are
 * listed in src/stats/reliability.c. In short: alpha uses the cases valid
 * on every item of the scale; reverse-keyed items are mirrored as
 * min + max - x before anything else; undefined statistics are NAN. A scale
 * score is the mean of a case's valid items, missing when fewer than
 * min_items are valid.
 */
#ifndef SAMEN_STATS_RELIABILITY_H
#define SAMEN_STATS_RELIABILITY_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/dataset.h"
#include "samen/diag.h"
#include "samen/instrument.h"
#include "samen/status.h"

/* A scale has at most this many items (SAMEN_ETOOBIG otherwise). */
#define SAMEN_RELIABILITY_MAX_ITEMS 1000

/* What is analysed. The caller keeps the arrays. */
typedef struct samen_reliability_spec {
    const size_t *items;   /* dataset variable indexes, nitems of them, no repeats */
    size_t nitems;
    const bool *reverse;   /* per item: reverse-keyed; NULL when none is */
    double min, max;       /* bounds for mirroring reverse-keyed items; both NAN: the
                              smallest and largest valid value of any item of the scale
                              in any case (not only the listwise-valid ones) */
    size_t min_items;      /* scale scores: valid items a score needs; 0 means all */
} samen_reliability_spec;

/* The scale as a whole. */
typedef struct samen_reliability_scale {
    size_t cases;              /* cases in the dataset */
    size_t n;                  /* listwise-valid cases used */
    size_t k;                  /* items */
    double alpha;              /* Cronbach's alpha; NAN when undefined */
    double standardized_alpha; /* from the mean inter-item correlation; NAN when undefined */
    double mean_inter_item_r;
    double scale_mean;         /* of the sum of the items */
    double scale_variance;     /* of the sum of the items, denominator n - 1 */
    double mirror_min, mirror_max; /* bounds used for mirroring; NAN when no item is reversed */
    size_t out_of_range;       /* values of reversed items in the n cases used that lie
                                  outside mirror_min..mirror_max */
} samen_reliability_scale;

/* One item of the scale. */
typedef struct samen_reliability_item {
    size_t var;                       /* dataset variable index */
    bool reversed;
    double mean, sd;                  /* after mirroring, over the n cases */
    double scale_mean_if_deleted;
    double scale_variance_if_deleted;
    double item_total_r;              /* with the total including the item */
    double corrected_item_total_r;    /* with the total of the other items */
    double alpha_if_deleted;          /* NAN when k = 2: one item has no alpha */
    double standardized_alpha_if_deleted;
} samen_reliability_item;

typedef struct samen_reliability samen_reliability;

/* Computes the reliability of the scale spec over ds. The caller keeps ds
 * and spec. On success *out is a new result; free with
 * samen_reliability_destroy(). SAMEN_EINVAL when the scale has fewer than
 * two items, an item is not a variable of ds or is listed twice, or only
 * one of min and max is given (or min >= max); SAMEN_ETOOBIG beyond
 * SAMEN_RELIABILITY_MAX_ITEMS; SAMEN_ENOMEM. Fewer than two valid cases is
 * not an error: the result has NAN where a statistic is undefined. */
samen_status samen_reliability_compute(const samen_dataset *ds, const samen_reliability_spec *spec,
                                       samen_reliability **out);

/* Frees r; accepts NULL. */
void samen_reliability_destroy(samen_reliability *r);

/* The scale's statistics (never NULL). r keeps them. */
const samen_reliability_scale *samen_reliability_get_scale(const samen_reliability *r);

/* The i-th item in the order of spec->items, or NULL when out of range.
 * r keeps it. */
const samen_reliability_item *samen_reliability_get_item(const samen_reliability *r, size_t i);

/* Adds a number column called name to ds holding each case's scale score:
 * the mean of its valid items (reverse-keyed ones mirrored), NAN when fewer
 * than spec->min_items (0: all) are valid. Sets *index to the new column
 * when index is not NULL. The caller keeps name and spec. SAMEN_EEXIST when
 * ds already has a variable called name; SAMEN_EINVAL as for
 * samen_reliability_compute() or when min_items > nitems. ds is unchanged
 * on failure. */
samen_status samen_reliability_add_scores(samen_dataset *ds, const samen_reliability_spec *spec,
                                          const char *name, size_t *index);

/* Fills *spec from a scale the instrument inst declares: its items found
 * by name in ds (written to items, which has room for cap indexes), its
 * reverse flags, min_items and min..max. spec points into items and into
 * scale, so both must outlive it. SAMEN_ENOTFOUND (with a message in d
 * naming the scale and the item) when an item is not a variable of ds;
 * SAMEN_EINVAL when the scale has more than cap items. */
samen_status samen_reliability_spec_from_scale(const samen_instrument *inst,
                                               const samen_scale_info *scale,
                                               const samen_dataset *ds, size_t *items, size_t cap,
                                               samen_reliability_spec *spec, samen_diag *d);

#endif
