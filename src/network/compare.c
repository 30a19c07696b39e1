/* compare.c - two drawings side by side (samen/network_metrics.h): the
 * 2022 and 2023 drawing of a region, or the current and the desired one.
 *
 * Rules (docs/NETWORKS.md "Comparing drawings"):
 *   1. Parties are matched by id.
 *   2. A tie of a is kept when b has a tie of the same type between the
 *      parties with the same ids (in the same direction for decisions and
 *      initiative); otherwise it is removed. A tie of b not in a is added.
 *   3. The distance is the Jaccard distance of the two tie sets,
 *      1 - kept / (kept + added + removed); 0 when neither has ties.
 *   4. Metrics and classes are those of each drawing on its own.
 */
#include <stdlib.h>
#include <string.h>

#include "network/net_int.h"
#include "samen/network_metrics.h"

struct samen_network_diff {
    samen_network_metrics *ma, *mb;
    samen_tie_change *changes;   /* owned */
    size_t nchanges;
    size_t added[SAMEN_TIE_TYPE_COUNT + 1], removed[SAMEN_TIE_TYPE_COUNT + 1],
        kept[SAMEN_TIE_TYPE_COUNT + 1];
    const char **parties_added, **parties_removed;   /* owned arrays */
    size_t nadded, nremoved;
};

/* Whether net has a tie of type between the parties with ids from and to. */
static bool has_tie(const samen_network *net, samen_tie_type type, const char *from,
                    const char *to)
{
    long a = samen_network_find_party(net, from), b = samen_network_find_party(net, to);
    if (a < 0 || b < 0)
        return false;
    bool directed = samen_tie_type_directed(type);
    for (size_t i = 0; i < net->nties; i++) {
        const samen_tie_info *t = &net->ties[i];
        if (t->type != type)
            continue;
        if (t->from == (size_t)a && t->to == (size_t)b)
            return true;
        if (!directed && t->from == (size_t)b && t->to == (size_t)a)
            return true;
    }
    return false;
}

/* Rule 2 for the ties of x against y; adds changes when record. */
static void tie_changes(samen_network_diff *diff, const samen_network *x, const samen_network *y,
                        bool added)
{
    for (size_t i = 0; i < x->nties; i++) {
        const samen_tie_info *t = &x->ties[i];
        const char *from = x->parties[t->from].id, *to = x->parties[t->to].id;
        if (has_tie(y, t->type, from, to)) {
            if (!added) {
                diff->kept[t->type]++;
                diff->kept[SAMEN_TIE_TYPE_COUNT]++;
            }
            continue;
        }
        samen_tie_change *c = &diff->changes[diff->nchanges++];
        c->type = t->type;
        c->from = from;
        c->to = to;
        c->added = added;
        size_t *count = added ? diff->added : diff->removed;
        count[t->type]++;
        count[SAMEN_TIE_TYPE_COUNT]++;
    }
}

static const char **party_changes(const samen_network *x, const samen_network *y, size_t *n)
{
    const char **ids = malloc((x->nparties + 1) * sizeof *ids);
    *n = 0;
    for (size_t i = 0; ids != NULL && i < x->nparties; i++)
        if (samen_network_find_party(y, x->parties[i].id) < 0)
            ids[(*n)++] = x->parties[i].id;
    return ids;
}

samen_status samen_network_compare(const samen_network *a, const samen_network *b,
                                   samen_network_diff **out)
{
    samen_network_diff *diff = calloc(1, sizeof *diff);
    if (diff == NULL)
        return SAMEN_ENOMEM;
    samen_status st = samen_network_measure(a, &diff->ma);
    if (st == SAMEN_OK)
        st = samen_network_measure(b, &diff->mb);
    if (st == SAMEN_OK) {
        diff->changes = malloc((a->nties + b->nties + 1) * sizeof *diff->changes);
        diff->parties_removed = party_changes(a, b, &diff->nremoved);
        diff->parties_added = party_changes(b, a, &diff->nadded);
        if (diff->changes == NULL || diff->parties_removed == NULL ||
            diff->parties_added == NULL)
            st = SAMEN_ENOMEM;
    }
    if (st != SAMEN_OK) {
        samen_network_diff_destroy(diff);
        return st;
    }
    tie_changes(diff, a, b, false);
    tie_changes(diff, b, a, true);
    *out = diff;
    return SAMEN_OK;
}

void samen_network_diff_destroy(samen_network_diff *diff)
{
    if (diff == NULL)
        return;
    samen_network_metrics_destroy(diff->ma);
    samen_network_metrics_destroy(diff->mb);
    free(diff->changes);
    free(diff->parties_added);
    free(diff->parties_removed);
    free(diff);
}

const samen_network_metrics *samen_network_diff_metrics(const samen_network_diff *diff,
                                                        int which)
{
    return which == 0 ? diff->ma : diff->mb;
}

size_t samen_network_diff_nchanges(const samen_network_diff *diff) { return diff->nchanges; }

const samen_tie_change *samen_network_diff_change(const samen_network_diff *diff, size_t i)
{
    return i < diff->nchanges ? &diff->changes[i] : NULL;
}

static size_t type_index(samen_tie_type t)
{
    return (int)t >= 0 && t < SAMEN_TIE_TYPE_COUNT ? (size_t)t : SAMEN_TIE_TYPE_COUNT;
}

size_t samen_network_diff_added(const samen_network_diff *diff, samen_tie_type t)
{
    return diff->added[type_index(t)];
}

size_t samen_network_diff_removed(const samen_network_diff *diff, samen_tie_type t)
{
    return diff->removed[type_index(t)];
}

size_t samen_network_diff_kept(const samen_network_diff *diff, samen_tie_type t)
{
    return diff->kept[type_index(t)];
}

double samen_network_diff_distance(const samen_network_diff *diff)
{
    size_t all = SAMEN_TIE_TYPE_COUNT;
    size_t total = diff->kept[all] + diff->added[all] + diff->removed[all];
    return total == 0 ? 0.0 : 1.0 - (double)diff->kept[all] / (double)total;
}

size_t samen_network_diff_nparties(const samen_network_diff *diff, bool added)
{
    return added ? diff->nadded : diff->nremoved;
}

const char *samen_network_diff_party(const samen_network_diff *diff, bool added, size_t i)
{
    if (added)
        return i < diff->nadded ? diff->parties_added[i] : NULL;
    return i < diff->nremoved ? diff->parties_removed[i] : NULL;
}
