/* classify.c - which of the three structures shown to participants (star,
 * chain or hierarchy, network; Figuur 2 of the report) a drawing is
 * closest to. The numbered rule and its thresholds are in
 * samen/network_metrics.h and docs/NETWORKS.md; the code cites them.
 *
 * The structure graph merges each unit group into one vertex: the
 * participants drew the expertisepunt of two partnerships as one oval
 * (Figuur 10) and merged parties into blocks (Figuur 7), and they saw the
 * structure at that level.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "network/graph.h"
#include "network/net_int.h"

samen_status net_classify(const samen_network *net, samen_network_class_info *out)
{
    samen_network_class_info c = {.cls = SAMEN_CLASS_NONE,
                                  .hub_party = SAMEN_NETWORK_NONE,
                                  .hub_group = -1};
    size_t n = net->nparties;
    /* Vertex of each party: unit groups first (vertex = group's first
     * member's slot), everyone else is their own vertex. rep[v] is the
     * party that stands for vertex v in messages. */
    size_t *vert = malloc((n + 1) * sizeof *vert);
    size_t *ends = malloc((2 * net->nties + 2) * sizeof *ends);
    size_t *comp = malloc((n + 1) * sizeof *comp);
    size_t *size = calloc(n + 1, sizeof *size);
    size_t *edges = calloc(n + 1, sizeof *edges);
    double *deg = malloc((n + 1) * sizeof *deg);
    netgraph g = {0};
    samen_status st = SAMEN_ENOMEM;
    if (vert == NULL || ends == NULL || comp == NULL || size == NULL || edges == NULL ||
        deg == NULL)
        goto out;
    for (size_t p = 0; p < n; p++) {
        long gi = net->party_group[p];
        vert[p] = p;
        if (gi >= 0 && net->groups[gi].unit)
            vert[p] = net->groups[gi].members[0];
    }
    for (size_t i = 0; i < net->nties; i++) {
        ends[2 * i] = vert[net->ties[i].from];
        ends[2 * i + 1] = vert[net->ties[i].to];
    }
    st = netgraph_build(&g, n, ends, net->nties);
    if (st != SAMEN_OK)
        goto out;
    size_t ncomp = netgraph_components(&g, comp);
    if (n > 0 && ncomp == 0) {
        st = SAMEN_ENOMEM;
        goto out;
    }
    /* Vertices with ties, and the size and ties of each component. */
    size_t with_ties = 0;
    for (size_t v = 0; v < n; v++) {
        size_t d = netgraph_degree(&g, v);
        if (d == 0)
            continue;
        with_ties++;
        size[comp[v]]++;
        edges[comp[v]] += d;   /* twice the ties */
    }
    /* Rule 1: the main component. */
    size_t main = (size_t)-1;
    for (size_t k = 0; k < ncomp; k++) {
        if (size[k] == 0)
            continue;
        if (main == (size_t)-1 || size[k] > size[main] ||
            (size[k] == size[main] && edges[k] > edges[main]))
            main = k;
    }
    st = SAMEN_OK;
    if (main == (size_t)-1)
        goto done;
    size_t nv = size[main], m = edges[main] / 2;
    c.vertices = nv;
    c.ties = m;
    c.coverage = (double)nv / (double)with_ties;
    /* The hub: highest degree in the main component, first in file order. */
    size_t hub = (size_t)-1, k = 0;
    for (size_t v = 0; v < n; v++) {
        if (comp[v] != main || netgraph_degree(&g, v) == 0)
            continue;
        deg[k++] = (double)netgraph_degree(&g, v);
        if (hub == (size_t)-1 || netgraph_degree(&g, v) > netgraph_degree(&g, hub))
            hub = v;
    }
    double dn = (double)nv;
    c.centralization = nv >= 3 ? netgraph_centralization(deg, nv, (dn - 1) * (dn - 2)) : NAN;
    c.hub_share = m > 0 ? (double)netgraph_degree(&g, hub) / (double)m : 0;
    c.redundancy = m > 0 ? ((double)m - dn + 1) / (double)m : 0;
    c.hub_party = hub;
    long gi = net->party_group[hub];
    if (gi >= 0 && net->groups[gi].unit) {
        c.hub_group = gi;
        c.hub_label = net->groups[gi].label;
    } else {
        c.hub_label = net->parties[hub].label;
    }
    /* Rule 2: too few ties, or they fall apart. */
    if (m < SAMEN_CLASS_MIN_TIES || c.coverage < SAMEN_CLASS_MIN_COVERAGE)
        c.cls = SAMEN_CLASS_NONE;
    /* Rule 3: one hub holds most ties. */
    else if (c.hub_share >= SAMEN_CLASS_STAR_SHARE &&
             c.centralization >= SAMEN_CLASS_STAR_CENTRALIZATION)
        c.cls = SAMEN_CLASS_STAR;
    /* Rule 4: many ties beyond a spanning tree. */
    else if (c.redundancy >= SAMEN_CLASS_NETWORK_REDUNDANCY)
        c.cls = SAMEN_CLASS_NETWORK;
    /* Rule 5: tree-like without a dominant hub. */
    else
        c.cls = SAMEN_CLASS_CHAIN;
done:
    *out = c;
out:
    netgraph_free(&g);
    free(vert);
    free(ends);
    free(comp);
    free(size);
    free(edges);
    free(deg);
    return st;
}
