/* colview.h - fast reading of one dataset column's valid values, shared by
 * the statistics modules (private to src/stats/). A value is valid when it
 * is neither system-missing (SAMEN_SYSMIS_CODE or NAN) nor one of the
 * variable's user-missing values. Prefix colview_. */
#ifndef SAMEN_STATS_COLVIEW_H
#define SAMEN_STATS_COLVIEW_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include "samen/dataset.h"

typedef struct colview {
    const int16_t *codes;
    const double *numbers;
    size_t nmissing;
    double missing[SAMEN_DATASET_MAX_MISSING];
} colview;

static inline void colview_init(colview *c, const samen_dataset *ds, size_t var)
{
    c->codes = samen_dataset_codes(ds, var);
    c->numbers = samen_dataset_numbers(ds, var);
    c->nmissing = samen_dataset_nmissing(ds, var);
    if (c->nmissing > SAMEN_DATASET_MAX_MISSING)
        c->nmissing = SAMEN_DATASET_MAX_MISSING;
    for (size_t i = 0; i < c->nmissing; i++)
        c->missing[i] = samen_dataset_missing_value(ds, var, i);
}

/* Sets *v and returns true when case i is valid. */
static inline bool colview_valid(const colview *c, size_t i, double *v)
{
    double x;
    if (c->codes != NULL) {
        if (c->codes[i] == SAMEN_SYSMIS_CODE)
            return false;
        x = c->codes[i];
    } else {
        x = c->numbers[i];
        if (isnan(x))
            return false;
    }
    for (size_t m = 0; m < c->nmissing; m++)
        if (c->missing[m] == x)
            return false;
    *v = x;
    return true;
}

#endif
