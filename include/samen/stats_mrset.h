/* samen/stats_mrset.h - multiple-response sets: a tick-all question stored
 * as one 0/1 variable per item. Per item the number of cases that ticked
 * it, as a percentage of cases and of responses, on a base that is stated
 * and chosen, overall and per group of a grouping variable (SPSS MULT
 * RESPONSE with dichotomies; GNU PSPP has no such procedure).
 *
 * The rules (who is in the base, what counts as ticked, missing values,
 * groups, small bases) are listed at the top of src/stats/mrset.c.
 */
#ifndef SAMEN_STATS_MRSET_H
#define SAMEN_STATS_MRSET_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/dataset.h"
#include "samen/status.h"

/* Most items in one set. */
#define SAMEN_MRSET_MAX_ITEMS 1000

/* The group index that means "all cases of the base" (the total column). */
#define SAMEN_MRSET_TOTAL ((size_t)-1)

typedef struct samen_mrset samen_mrset;

typedef enum samen_mrset_base {
    SAMEN_MRSET_BASE_ROUTED,     /* (a) cases routed to the question: a valid
                                    value on at least one item */
    SAMEN_MRSET_BASE_RESPONDENTS /* (b) cases that ticked at least one item */
} samen_mrset_base;

typedef struct samen_mrset_options {
    samen_mrset_base base;
    double counted_value;   /* the value that means "ticked" */
    bool grouped;           /* when true, one column per value of group_var */
    size_t group_var;
} samen_mrset_options;

/* Sets *opt to the defaults: base routed, counted value 1, no groups. */
void samen_mrset_options_default(samen_mrset_options *opt);

/* Tabulates the set of the nitems variables items[0..nitems) of ds (the
 * caller keeps items and opt; opt NULL means the defaults). On success sets
 * *out to a new result (free with samen_mrset_destroy()), which copies what
 * it needs from ds. SAMEN_EINVAL when nitems is 0 or above
 * SAMEN_MRSET_MAX_ITEMS, a variable is not one of ds, an item is listed
 * twice, or the grouping variable is one of the items. */
samen_status samen_mrset_compute(const samen_dataset *ds, const size_t *items, size_t nitems,
                                 const samen_mrset_options *opt, samen_mrset **out);

/* Frees m; accepts NULL. */
void samen_mrset_destroy(samen_mrset *m);

/* The base used, and a sentence that states it, for a table's caption
 * (English, static). */
samen_mrset_base samen_mrset_base_kind(const samen_mrset *m);
const char *samen_mrset_base_text(const samen_mrset *m);

/* The items: variable names and labels (NULL when none); m keeps them. */
size_t samen_mrset_nitems(const samen_mrset *m);
const char *samen_mrset_item_name(const samen_mrset *m, size_t item);
const char *samen_mrset_item_label(const samen_mrset *m, size_t item);

/* The groups: the distinct valid values of the grouping variable among the
 * routed cases, ascending, with their value labels (NULL when none; m keeps
 * them). 0 groups when the options asked for none. */
size_t samen_mrset_ngroups(const samen_mrset *m);
double samen_mrset_group_value(const samen_mrset *m, size_t group);
const char *samen_mrset_group_label(const samen_mrset *m, size_t group);
/* Base cases left out of every group because their group value is
 * missing (they are in the total). */
size_t samen_mrset_group_missing(const samen_mrset *m);

/* All cases of the dataset. */
size_t samen_mrset_cases(const samen_mrset *m);

/* Per group, or SAMEN_MRSET_TOTAL: cases routed to the question, cases that
 * ticked at least one item, the base n (one of the two, as chosen), and the
 * responses (ticks of base cases over all items). */
size_t samen_mrset_routed(const samen_mrset *m, size_t group);
size_t samen_mrset_respondents(const samen_mrset *m, size_t group);
size_t samen_mrset_base_n(const samen_mrset *m, size_t group);
size_t samen_mrset_responses(const samen_mrset *m, size_t group);

/* Per group (or SAMEN_MRSET_TOTAL) and item: base cases that ticked the
 * item, as a percentage of the base n and of the responses (NAN when that
 * is 0). */
size_t samen_mrset_count(const samen_mrset *m, size_t group, size_t item);
double samen_mrset_percent_of_cases(const samen_mrset *m, size_t group, size_t item);
double samen_mrset_percent_of_responses(const samen_mrset *m, size_t group, size_t item);

/* True when the percentages of cases of the group rest on fewer than 10
 * cases (the small-base rule). */
bool samen_mrset_small_base(const samen_mrset *m, size_t group);

#endif
