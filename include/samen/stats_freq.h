/* samen/stats_freq.h - frequencies of one variable, or of many in one pass:
 * every distinct value with its count, percent, valid percent and
 * cumulative percent (as SPSS and GNU PSPP FREQUENCIES print them).
 *
 * The rules (which cases count, missing values, order, small bases) are
 * listed at the top of src/stats/freq.c.
 */
#ifndef SAMEN_STATS_FREQ_H
#define SAMEN_STATS_FREQ_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/dataset.h"
#include "samen/status.h"

typedef struct samen_freq samen_freq;

/* One row of a frequency table. */
typedef struct samen_freq_category {
    double value;              /* NAN for the system-missing row */
    const char *label;         /* value label, or NULL; the samen_freq keeps it */
    size_t count;
    double percent;            /* of all cases, missing ones included */
    double valid_percent;      /* of valid cases; NAN on a missing row */
    double cumulative_percent; /* of valid cases, up to this row; NAN on a missing row */
    bool missing;              /* user-missing (non-substantive) or system-missing */
    bool system_missing;
} samen_freq_category;

/* Computes the frequencies of variable var of ds. On success sets *out to a
 * new result (free with samen_freq_destroy()); the result copies what it
 * needs, so ds may be destroyed first. SAMEN_EINVAL when var is not a
 * variable of ds. */
samen_status samen_freq_compute(const samen_dataset *ds, size_t var, samen_freq **out);

/* Computes the frequencies of the nvars variables vars[0..nvars) in one
 * pass over the data. On success fills out[0..nvars) (an array owned by the
 * caller) with new results, each freed with samen_freq_destroy(); on
 * failure leaves out[] all NULL. */
samen_status samen_freq_compute_many(const samen_dataset *ds, const size_t *vars, size_t nvars,
                                     samen_freq **out);

/* Frees f; accepts NULL. */
void samen_freq_destroy(samen_freq *f);

/* The variable's name and its label (NULL when none); f keeps them. */
const char *samen_freq_variable(const samen_freq *f);
const char *samen_freq_variable_label(const samen_freq *f);

/* Number of cases (all), of valid cases, and of missing cases (user- and
 * system-missing together: n = valid_n + missing_n). */
size_t samen_freq_n(const samen_freq *f);
size_t samen_freq_valid_n(const samen_freq *f);
size_t samen_freq_missing_n(const samen_freq *f);

/* The rows: valid values ascending, then user-missing values ascending,
 * then the system-missing row (each only when it occurs). i must be below
 * samen_freq_ncategories(); f keeps the row. */
size_t samen_freq_ncategories(const samen_freq *f);
const samen_freq_category *samen_freq_category_at(const samen_freq *f, size_t i);

/* True when the valid percentages rest on fewer than 10 valid cases (and
 * so, when n < 10, the percentages too): the small-base rule. */
bool samen_freq_small_base(const samen_freq *f);

/* Blanks small counts for region-level output (the small-cell rule of
 * src/stats/smallcell.h): sets blank[i] (one entry per category, array
 * owned by the caller) for every row whose count is above 0 and below
 * min_n, plus the rows needed so that none can be recovered from the
 * published totals n, valid_n and missing_n; sets *nblank to the number of
 * rows blanked. A blanked row's count and percentages must not be shown,
 * nor any cumulative percentage. *exposed (may be NULL) is set when
 * valid_n or missing_n would still give a blanked row away (the valid or
 * the missing rows are a single blanked row): then valid_n, missing_n and
 * every valid percentage must not be shown either. SAMEN_ENOMEM when out
 * of memory (blank is then untouched). */
samen_status samen_freq_suppress(const samen_freq *f, double min_n, bool *blank, size_t *nblank,
                                 bool *exposed);

#endif
