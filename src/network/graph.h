/* graph.h - the simple undirected graphs behind the network metrics
 * (private to src/network/). Prefix netgraph_. */
#ifndef SAMEN_NETWORK_GRAPH_H
#define SAMEN_NETWORK_GRAPH_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/network_metrics.h"
#include "samen/status.h"

/* A simple undirected graph in compressed adjacency form. */
typedef struct netgraph {
    size_t n;      /* vertices 0..n-1 */
    size_t m;      /* edges */
    size_t *off;   /* n + 1 offsets into adj; owned */
    size_t *adj;   /* 2m neighbours, ascending per vertex; owned */
} netgraph;

/* Builds g over n vertices from npairs endpoint pairs (ends[2i], ends[2i+1]);
 * self-loops are dropped and repeated pairs (in either order) kept once. */
samen_status netgraph_build(netgraph *g, size_t n, const size_t *ends, size_t npairs);
void netgraph_free(netgraph *g);

static inline size_t netgraph_degree(const netgraph *g, size_t v)
{
    return g->off[v + 1] - g->off[v];
}

/* Betweenness of every vertex into bc (n values): Brandes (2001), "A faster
 * algorithm for betweenness centrality", J. Math. Sociol. 25(2), each
 * unordered pair counted once (the undirected convention of igraph and
 * UCINET). */
samen_status netgraph_betweenness(const netgraph *g, double *bc);

/* Labels each vertex with its connected component (0, 1, ... in order of
 * the lowest vertex) into comp and returns the number of components. */
size_t netgraph_components(const netgraph *g, size_t *comp);

/* Marks the articulation points (cut vertices) in cut: Hopcroft and Tarjan
 * (1973), "Algorithm 447", CACM 16(6), with an explicit stack. */
samen_status netgraph_articulation(const netgraph *g, bool *cut);

/* Freeman (1979), "Centrality in social networks", Social Networks 1:
 * sum over vertices of (max - x_i), divided by tmax. NAN when tmax <= 0. */
double netgraph_centralization(const double *x, size_t n, double tmax);

/* Classifies net (rules in samen/network_metrics.h) into out. */
samen_status net_classify(const samen_network *net, samen_network_class_info *out);

#endif
