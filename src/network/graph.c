/* graph.c - simple undirected graphs and the algorithms the network
 * metrics need (network/graph.h): building without repeated edges,
 * Brandes betweenness, connected components, articulation points and
 * Freeman centralization. References are in graph.h at each function.
 */
#include "network/graph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

samen_status netgraph_build(netgraph *g, size_t n, const size_t *ends, size_t npairs)
{
    memset(g, 0, sizeof *g);
    g->n = n;
    g->off = calloc(n + 1, sizeof *g->off);
    size_t *deg = calloc(n + 1, sizeof *deg);
    size_t *raw = malloc((2 * npairs + 1) * sizeof *raw);
    if (g->off == NULL || deg == NULL || raw == NULL) {
        free(deg);
        free(raw);
        netgraph_free(g);
        return SAMEN_ENOMEM;
    }
    /* Both directions of every pair, grouped by vertex, then sorted and
     * made unique per vertex. */
    for (size_t i = 0; i < npairs; i++)
        if (ends[2 * i] != ends[2 * i + 1]) {
            deg[ends[2 * i]]++;
            deg[ends[2 * i + 1]]++;
        }
    size_t *start = calloc(n + 1, sizeof *start);
    if (start == NULL) {
        free(deg);
        free(raw);
        netgraph_free(g);
        return SAMEN_ENOMEM;
    }
    for (size_t v = 0; v < n; v++)
        start[v + 1] = start[v] + deg[v];
    memcpy(deg, start, (n + 1) * sizeof *deg);
    for (size_t i = 0; i < npairs; i++) {
        size_t a = ends[2 * i], b = ends[2 * i + 1];
        if (a == b)
            continue;
        raw[deg[a]++] = b;
        raw[deg[b]++] = a;
    }
    size_t out = 0;
    for (size_t v = 0; v < n; v++) {
        size_t lo = start[v], hi = start[v + 1];
        qsort(raw + lo, hi - lo, sizeof *raw, cmp_size);
        g->off[v] = out;
        for (size_t k = lo; k < hi; k++)
            if (k == lo || raw[k] != raw[k - 1])
                raw[out++] = raw[k];
    }
    g->off[n] = out;
    g->adj = raw;
    g->m = out / 2;
    free(deg);
    free(start);
    return SAMEN_OK;
}

void netgraph_free(netgraph *g)
{
    free(g->off);
    free(g->adj);
    g->off = NULL;
    g->adj = NULL;
}

samen_status netgraph_betweenness(const netgraph *g, double *bc)
{
    size_t n = g->n;
    memset(bc, 0, n * sizeof *bc);
    if (n == 0)
        return SAMEN_OK;
    size_t *order = malloc(n * sizeof *order);   /* vertices in BFS order */
    size_t *queue = order;
    long *dist = malloc(n * sizeof *dist);
    double *sigma = malloc(n * sizeof *sigma);
    double *delta = malloc(n * sizeof *delta);
    if (order == NULL || dist == NULL || sigma == NULL || delta == NULL) {
        free(order);
        free(dist);
        free(sigma);
        free(delta);
        return SAMEN_ENOMEM;
    }
    for (size_t s = 0; s < n; s++) {
        for (size_t v = 0; v < n; v++) {
            dist[v] = -1;
            sigma[v] = 0;
            delta[v] = 0;
        }
        dist[s] = 0;
        sigma[s] = 1;
        size_t head = 0, tail = 0;
        queue[tail++] = s;
        while (head < tail) {
            size_t v = queue[head++];
            for (size_t k = g->off[v]; k < g->off[v + 1]; k++) {
                size_t w = g->adj[k];
                if (dist[w] < 0) {
                    dist[w] = dist[v] + 1;
                    queue[tail++] = w;
                }
                if (dist[w] == dist[v] + 1)
                    sigma[w] += sigma[v];
            }
        }
        /* Dependencies in order of non-increasing distance; predecessors of
         * w are its neighbours one step closer to s. */
        for (size_t i = tail; i-- > 0;) {
            size_t w = order[i];
            for (size_t k = g->off[w]; k < g->off[w + 1]; k++) {
                size_t v = g->adj[k];
                if (dist[v] == dist[w] - 1)
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if (w != s)
                bc[w] += delta[w];
        }
    }
    /* Every unordered pair was counted from both ends. */
    for (size_t v = 0; v < n; v++)
        bc[v] /= 2.0;
    free(order);
    free(dist);
    free(sigma);
    free(delta);
    return SAMEN_OK;
}

size_t netgraph_components(const netgraph *g, size_t *comp)
{
    size_t n = g->n, count = 0;
    for (size_t v = 0; v < n; v++)
        comp[v] = (size_t)-1;
    size_t *stack = malloc((n + 1) * sizeof *stack);
    if (stack == NULL)
        return 0;
    for (size_t s = 0; s < n; s++) {
        if (comp[s] != (size_t)-1)
            continue;
        size_t top = 0;
        stack[top++] = s;
        comp[s] = count;
        while (top > 0) {
            size_t v = stack[--top];
            for (size_t k = g->off[v]; k < g->off[v + 1]; k++)
                if (comp[g->adj[k]] == (size_t)-1) {
                    comp[g->adj[k]] = count;
                    stack[top++] = g->adj[k];
                }
        }
        count++;
    }
    free(stack);
    return count;
}

samen_status netgraph_articulation(const netgraph *g, bool *cut)
{
    size_t n = g->n;
    memset(cut, 0, n * sizeof *cut);
    size_t *disc = calloc(n, sizeof *disc);   /* discovery time + 1; 0 = unvisited */
    size_t *low = calloc(n, sizeof *low);
    size_t *parent = malloc(n * sizeof *parent);
    size_t *next = calloc(n, sizeof *next);   /* next adjacency index to look at */
    size_t *stack = malloc((n + 1) * sizeof *stack);
    if (disc == NULL || low == NULL || parent == NULL || next == NULL || stack == NULL) {
        free(disc);
        free(low);
        free(parent);
        free(next);
        free(stack);
        return SAMEN_ENOMEM;
    }
    size_t time = 0;
    for (size_t root = 0; root < n; root++) {
        if (disc[root] != 0)
            continue;
        size_t top = 0, root_children = 0;
        stack[top++] = root;
        parent[root] = (size_t)-1;
        disc[root] = low[root] = ++time;
        next[root] = g->off[root];
        while (top > 0) {
            size_t v = stack[top - 1];
            if (next[v] < g->off[v + 1]) {
                size_t w = g->adj[next[v]++];
                if (disc[w] == 0) {
                    parent[w] = v;
                    disc[w] = low[w] = ++time;
                    next[w] = g->off[w];
                    stack[top++] = w;
                    if (v == root)
                        root_children++;
                } else if (w != parent[v] && disc[w] < low[v]) {
                    low[v] = disc[w];
                }
                continue;
            }
            top--;
            size_t p = parent[v];
            if (p != (size_t)-1) {
                if (low[v] < low[p])
                    low[p] = low[v];
                if (p != root && low[v] >= disc[p])
                    cut[p] = true;
            }
        }
        if (root_children > 1)
            cut[root] = true;
    }
    free(disc);
    free(low);
    free(parent);
    free(next);
    free(stack);
    return SAMEN_OK;
}

double netgraph_centralization(const double *x, size_t n, double tmax)
{
    if (n == 0 || !(tmax > 0))
        return NAN;
    double max = x[0];
    for (size_t i = 1; i < n; i++)
        if (x[i] > max)
            max = x[i];
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += max - x[i];
    return sum / tmax;
}
