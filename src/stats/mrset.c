/* mrset.c - multiple-response sets of dichotomies (samen/stats_mrset.h):
 * samen_mrset_compute() and the accessors of the result.
 *
 * Rules:
 *  1. No weights: every case counts once.
 *  2. A case answered an item when the item's value is valid (neither
 *     system-missing nor user-missing). A case is routed to the question
 *     when it answered at least one item of the set.
 *  3. A case ticked an item when the item's value is valid and equals the
 *     counted value (1 by default); any other valid value (0, or a stray 2)
 *     is "not ticked", and so is a missing value on one item of a routed
 *     case. A case is a respondent when it ticked at least one item.
 *  4. The base is chosen and stated: (a) routed cases, or (b) respondents.
 *     (b) is a subset of (a). An item's count is the number of base cases
 *     that ticked it; it is the same under both bases, since a case that
 *     ticked something is in both.
 *  5. Percent of cases = 100 count / base n: the items may add up to more
 *     than 100%. Percent of responses = 100 count / responses, where the
 *     responses are the ticks of the base cases over all items: the items
 *     add up to 100%. A base n or response total of 0 gives NAN.
 *  6. Groups: one column per distinct valid value of the grouping variable
 *     among the routed cases, ascending, with its value label (under base
 *     (b) a group may so have a base n of 0). A case whose group value is
 *     missing is left out of every group column and kept in the total
 *     column; such base cases are counted (group_missing).
 *     Routed cases and respondents are counted per column whatever the
 *     base, so both are always reported.
 *  7. Small base (src/stats/smallcell.h rule 1): a column whose base n is
 *     below 10 is flagged.
 *  8. The items are distinct variables (at least 1, at most
 *     SAMEN_MRSET_MAX_ITEMS); the grouping variable is not one of them.
 *
 * Reference: the MULT RESPONSE procedure of IBM SPSS Statistics (dichotomy
 * groups, "Percent of Responses" and "Percent of Cases").
 */
#include "samen/stats_mrset.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smallcell.h"
#include "util/arena.h"

struct samen_mrset {
    arena *strings;
    samen_mrset_base base;
    size_t cases;
    size_t nitems;
    const char **item_names, **item_labels; /* owned arrays of arena strings */
    size_t ngroups;
    double *group_values;                   /* owned */
    const char **group_labels;              /* owned array of arena strings */
    size_t group_missing;
    /* Per column: column 0 is the total, column g + 1 is group g. */
    size_t *routed, *respondents, *responses; /* owned */
    size_t *counts;                           /* owned; (ngroups + 1) x nitems */
};

void samen_mrset_options_default(samen_mrset_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->base = SAMEN_MRSET_BASE_ROUTED;
    opt->counted_value = 1;
    opt->grouped = false;
}

void samen_mrset_destroy(samen_mrset *m)
{
    if (m == NULL)
        return;
    arena_destroy(m->strings);
    free(m->item_names);
    free(m->item_labels);
    free(m->group_values);
    free(m->group_labels);
    free(m->routed);
    free(m->respondents);
    free(m->responses);
    free(m->counts);
    free(m);
}

static samen_status check_args(const samen_dataset *ds, const size_t *items, size_t nitems,
                               const samen_mrset_options *opt)
{
    size_t nvars = samen_dataset_nvars(ds);
    if (nitems == 0 || nitems > SAMEN_MRSET_MAX_ITEMS) /* rule 8 */
        return SAMEN_EINVAL;
    if (opt->grouped && opt->group_var >= nvars)
        return SAMEN_EINVAL;
    for (size_t i = 0; i < nitems; i++) {
        if (items[i] >= nvars || (opt->grouped && items[i] == opt->group_var))
            return SAMEN_EINVAL;
        for (size_t j = 0; j < i; j++)
            if (items[j] == items[i])
                return SAMEN_EINVAL;
    }
    if (isnan(opt->counted_value))
        return SAMEN_EINVAL;
    return SAMEN_OK;
}

/* Classifies case c (rules 2 and 3): *answered when it answered an item,
 * *ticked when it ticked one; ticks[i] per item when ticks is not NULL. */
static void classify(const samen_dataset *ds, const size_t *items, size_t nitems, double counted,
                     size_t c, bool *answered, bool *ticked, bool *ticks)
{
    *answered = *ticked = false;
    for (size_t i = 0; i < nitems; i++) {
        bool valid = samen_dataset_is_valid(ds, items[i], c);
        bool t = valid && samen_dataset_get(ds, items[i], c) == counted;
        *answered = *answered || valid;
        *ticked = *ticked || t;
        if (ticks != NULL)
            ticks[i] = t;
    }
}

static bool in_base(samen_mrset_base base, bool answered, bool ticked)
{
    return base == SAMEN_MRSET_BASE_ROUTED ? answered : ticked; /* rule 4 */
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Finds the groups: the distinct valid group values of the routed cases
 * (rule 6). */
static samen_status find_groups(samen_mrset *m, const samen_dataset *ds, const size_t *items,
                                size_t nitems, const samen_mrset_options *opt)
{
    double *seen = malloc((m->cases ? m->cases : 1) * sizeof *seen);
    if (seen == NULL)
        return SAMEN_ENOMEM;
    size_t nseen = 0;
    for (size_t c = 0; c < m->cases; c++) {
        bool answered, ticked;
        classify(ds, items, nitems, opt->counted_value, c, &answered, &ticked, NULL);
        if (answered && samen_dataset_is_valid(ds, opt->group_var, c)) {
            double v = samen_dataset_get(ds, opt->group_var, c);
            seen[nseen++] = v == 0 ? 0.0 : v;
        }
    }
    qsort(seen, nseen, sizeof *seen, cmp_double);
    for (size_t i = 0; i < nseen; i++)
        if (i == 0 || seen[i] != seen[i - 1])
            seen[m->ngroups++] = seen[i];
    m->group_values = seen;
    m->group_labels = calloc(m->ngroups ? m->ngroups : 1, sizeof *m->group_labels);
    if (m->group_labels == NULL)
        return SAMEN_ENOMEM;
    for (size_t g = 0; g < m->ngroups; g++) {
        const char *l = samen_dataset_label_of(ds, opt->group_var, seen[g]);
        if (l != NULL) {
            m->group_labels[g] = arena_strdup(m->strings, l);
            if (m->group_labels[g] == NULL)
                return SAMEN_ENOMEM;
        }
    }
    return SAMEN_OK;
}

static samen_status copy_items(samen_mrset *m, const samen_dataset *ds, const size_t *items)
{
    m->item_names = calloc(m->nitems, sizeof *m->item_names);
    m->item_labels = calloc(m->nitems, sizeof *m->item_labels);
    if (m->item_names == NULL || m->item_labels == NULL)
        return SAMEN_ENOMEM;
    for (size_t i = 0; i < m->nitems; i++) {
        m->item_names[i] = arena_strdup(m->strings, samen_dataset_var_name(ds, items[i]));
        const char *l = samen_dataset_var_label(ds, items[i]);
        m->item_labels[i] = l != NULL ? arena_strdup(m->strings, l) : NULL;
        if (m->item_names[i] == NULL || (l != NULL && m->item_labels[i] == NULL))
            return SAMEN_ENOMEM;
    }
    return SAMEN_OK;
}

/* Adds a routed case with its ticks to column col. A case that ticked
 * nothing adds no counts, so the counts are those of base cases under
 * either base (rule 4). */
static void tally(samen_mrset *m, size_t col, bool ticked, const bool *ticks)
{
    m->routed[col]++;
    m->respondents[col] += ticked;
    for (size_t i = 0; i < m->nitems; i++) {
        m->counts[col * m->nitems + i] += ticks[i];
        m->responses[col] += ticks[i];
    }
}

samen_status samen_mrset_compute(const samen_dataset *ds, const size_t *items, size_t nitems,
                                 const samen_mrset_options *opt, samen_mrset **out)
{
    samen_mrset_options defaults;
    if (opt == NULL) {
        samen_mrset_options_default(&defaults);
        opt = &defaults;
    }
    samen_status st = check_args(ds, items, nitems, opt);
    if (st != SAMEN_OK)
        return st;
    bool *ticks = malloc(nitems * sizeof *ticks);
    samen_mrset *m = calloc(1, sizeof *m);
    if (ticks == NULL || m == NULL) {
        st = SAMEN_ENOMEM;
        goto out;
    }
    m->strings = arena_create();
    m->base = opt->base;
    m->cases = samen_dataset_ncases(ds);
    m->nitems = nitems;
    if (m->strings == NULL) {
        st = SAMEN_ENOMEM;
        goto out;
    }
    st = copy_items(m, ds, items);
    if (st == SAMEN_OK && opt->grouped)
        st = find_groups(m, ds, items, nitems, opt);
    if (st != SAMEN_OK)
        goto out;
    size_t ncols = m->ngroups + 1;
    m->routed = calloc(ncols, sizeof *m->routed);
    m->respondents = calloc(ncols, sizeof *m->respondents);
    m->responses = calloc(ncols, sizeof *m->responses);
    m->counts = calloc(ncols * nitems, sizeof *m->counts);
    if (m->routed == NULL || m->respondents == NULL || m->responses == NULL || m->counts == NULL) {
        st = SAMEN_ENOMEM;
        goto out;
    }
    for (size_t c = 0; c < m->cases; c++) {
        bool answered, ticked;
        classify(ds, items, nitems, opt->counted_value, c, &answered, &ticked, ticks);
        if (!answered) /* rule 2: not routed, so nothing to count */
            continue;
        tally(m, 0, ticked, ticks);
        if (!opt->grouped)
            continue;
        if (!samen_dataset_is_valid(ds, opt->group_var, c)) { /* rule 6 */
            m->group_missing += in_base(opt->base, answered, ticked);
            continue;
        }
        double v = samen_dataset_get(ds, opt->group_var, c);
        v = v == 0 ? 0.0 : v;
        const double *g = bsearch(&v, m->group_values, m->ngroups, sizeof v, cmp_double);
        tally(m, (size_t)(g - m->group_values) + 1, ticked, ticks);
    }
out:
    free(ticks);
    if (st != SAMEN_OK) {
        samen_mrset_destroy(m);
        return st;
    }
    *out = m;
    return SAMEN_OK;
}

/* The column of group (SAMEN_MRSET_TOTAL: column 0). */
static size_t column(size_t group)
{
    return group == SAMEN_MRSET_TOTAL ? 0 : group + 1;
}

samen_mrset_base samen_mrset_base_kind(const samen_mrset *m) { return m->base; }

const char *samen_mrset_base_text(const samen_mrset *m)
{
    return m->base == SAMEN_MRSET_BASE_ROUTED
               ? "cases routed to the question (a valid answer on at least one item)"
               : "cases that ticked at least one item";
}

size_t samen_mrset_nitems(const samen_mrset *m) { return m->nitems; }
const char *samen_mrset_item_name(const samen_mrset *m, size_t item) { return m->item_names[item]; }
const char *samen_mrset_item_label(const samen_mrset *m, size_t item) { return m->item_labels[item]; }
size_t samen_mrset_ngroups(const samen_mrset *m) { return m->ngroups; }
double samen_mrset_group_value(const samen_mrset *m, size_t group) { return m->group_values[group]; }
const char *samen_mrset_group_label(const samen_mrset *m, size_t group) { return m->group_labels[group]; }
size_t samen_mrset_group_missing(const samen_mrset *m) { return m->group_missing; }
size_t samen_mrset_cases(const samen_mrset *m) { return m->cases; }
size_t samen_mrset_routed(const samen_mrset *m, size_t group) { return m->routed[column(group)]; }

size_t samen_mrset_respondents(const samen_mrset *m, size_t group)
{
    return m->respondents[column(group)];
}

size_t samen_mrset_base_n(const samen_mrset *m, size_t group)
{
    return m->base == SAMEN_MRSET_BASE_ROUTED ? samen_mrset_routed(m, group)
                                              : samen_mrset_respondents(m, group); /* rule 4 */
}

size_t samen_mrset_responses(const samen_mrset *m, size_t group)
{
    return m->responses[column(group)];
}

size_t samen_mrset_count(const samen_mrset *m, size_t group, size_t item)
{
    return m->counts[column(group) * m->nitems + item];
}

double samen_mrset_percent_of_cases(const samen_mrset *m, size_t group, size_t item)
{
    size_t base = samen_mrset_base_n(m, group);
    return base > 0 ? 100.0 * (double)samen_mrset_count(m, group, item) / (double)base
                    : NAN; /* rule 5 */
}

double samen_mrset_percent_of_responses(const samen_mrset *m, size_t group, size_t item)
{
    size_t r = samen_mrset_responses(m, group);
    return r > 0 ? 100.0 * (double)samen_mrset_count(m, group, item) / (double)r : NAN; /* rule 5 */
}

bool samen_mrset_small_base(const samen_mrset *m, size_t group)
{
    return smallcell_is_small_base((double)samen_mrset_base_n(m, group)); /* rule 7 */
}
