/* metrics.c - network metrics (samen/network_metrics.h, docs/NETWORKS.md
 * "Metrics").
 *
 * Rules:
 *   1. Vertices are all parties of the drawing, isolates included.
 *   2. The overall graph joins two parties when any tie joins them; repeated
 *      ties (different types, both directions) count once. Ties are counted
 *      as drawn in `ties`, as joined pairs in `pairs`.
 *   3. Density: pairs / (n(n-1)/2); for a directed type arcs / (n(n-1));
 *      NAN for n < 2. (igraph density(loops=False).)
 *   4. Degree centralization (Freeman 1979): sum(max d - d_i) over
 *      (n-1)(n-2), the value of a star; undirected, no loops; NAN for n < 3.
 *      (igraph centralization_degree(mode="all", loops=False).)
 *   5. Betweenness (Brandes 2001, unordered pairs once) and its Freeman
 *      centralization: sum(max b - b_i) over (n-1)^2(n-2)/2, the value of
 *      a star; NAN for n < 3. (igraph centralization_betweenness(directed=
 *      False).) A directed type's centralization uses its undirected graph.
 *   6. In- and out-degree centralization of a directed type: sum(max - x_i)
 *      over (n-1)^2 (igraph mode="in"/"out", loops=False); NAN for n < 2.
 *   7. Reciprocity of a directed type: arcs whose reverse is also drawn,
 *      over arcs (igraph reciprocity(mode="default")); NAN without arcs.
 *   8. Components count isolates; an isolate has no tie; a pendant has
 *      exactly one neighbour, who has other neighbours (the party is reached
 *      only through that broker); brokers are articulation points.
 *   9. The most central party has the highest degree, then the highest
 *      betweenness, then comes first in the file; none without ties.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "network/graph.h"
#include "network/net_int.h"

struct samen_network_metrics {
    samen_network_summary overall;
    samen_network_summary type[SAMEN_TIE_TYPE_COUNT];
    samen_party_centrality *party;   /* one per party; owned */
    size_t nparties;
    samen_network_class_info cls;
};

/* Fills the undirected part of s from g (rules 3-5, 8-9). pc, when not
 * NULL, receives per-vertex degree, betweenness and flags. */
static samen_status summarise(const netgraph *g, samen_network_summary *s,
                              samen_party_centrality *pc)
{
    size_t n = g->n;
    s->parties = n;
    s->pairs = g->m;
    s->density = n >= 2 ? (double)g->m / ((double)n * (double)(n - 1) / 2.0) : NAN;
    double *deg = malloc((n + 1) * sizeof *deg);
    double *bc = malloc((n + 1) * sizeof *bc);
    size_t *comp = malloc((n + 1) * sizeof *comp);
    bool *cut = malloc((n + 1) * sizeof *cut);
    samen_status st = SAMEN_ENOMEM;
    if (deg == NULL || bc == NULL || comp == NULL || cut == NULL)
        goto out;
    st = netgraph_betweenness(g, bc);
    if (st == SAMEN_OK)
        st = netgraph_articulation(g, cut);
    if (st != SAMEN_OK)
        goto out;
    for (size_t v = 0; v < n; v++)
        deg[v] = (double)netgraph_degree(g, v);
    double nn = (double)n;
    s->degree_centralization = netgraph_centralization(deg, n, (nn - 1) * (nn - 2));
    s->betweenness_centralization =
        netgraph_centralization(bc, n, (nn - 1) * (nn - 1) * (nn - 2) / 2.0);
    if (n < 3) {
        s->degree_centralization = NAN;
        s->betweenness_centralization = NAN;
    }
    s->components = netgraph_components(g, comp);
    if (n > 0 && s->components == 0) {
        st = SAMEN_ENOMEM;
        goto out;
    }
    s->isolates = s->pendants = s->brokers = 0;
    s->most_central = SAMEN_NETWORK_NONE;
    for (size_t v = 0; v < n; v++) {
        size_t d = netgraph_degree(g, v);
        bool pendant = d == 1 && netgraph_degree(g, g->adj[g->off[v]]) >= 2;
        s->isolates += d == 0;
        s->pendants += pendant;
        s->brokers += cut[v];
        if (d > 0) {
            size_t best = s->most_central;
            if (best == SAMEN_NETWORK_NONE || deg[v] > deg[best] ||
                (deg[v] == deg[best] && bc[v] > bc[best]))
                s->most_central = v;
        }
        if (pc != NULL) {
            pc[v].degree = d;
            pc[v].betweenness = bc[v];
            pc[v].isolate = d == 0;
            pc[v].pendant = pendant;
            pc[v].broker = cut[v];
        }
    }
    st = SAMEN_OK;
out:
    free(deg);
    free(bc);
    free(comp);
    free(cut);
    return st;
}

static int cmp_ull(const void *a, const void *b)
{
    unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;
    return x < y ? -1 : x > y;
}

/* Rules 6 and 7 for the arcs ends[2i] -> ends[2i+1] (no repeats). */
static samen_status directed_part(size_t n, const size_t *ends, size_t narcs,
                                  samen_network_summary *s)
{
    s->directed = true;
    s->density = n >= 2 ? (double)narcs / ((double)n * (double)(n - 1)) : NAN;
    double *in = calloc(n + 1, sizeof *in), *out = calloc(n + 1, sizeof *out);
    if (in == NULL || out == NULL) {
        free(in);
        free(out);
        return SAMEN_ENOMEM;
    }
    for (size_t i = 0; i < narcs; i++) {
        out[ends[2 * i]] += 1;
        in[ends[2 * i + 1]] += 1;
    }
    double tmax = ((double)n - 1) * ((double)n - 1);
    s->out_degree_centralization = n >= 2 ? netgraph_centralization(out, n, tmax) : NAN;
    s->in_degree_centralization = n >= 2 ? netgraph_centralization(in, n, tmax) : NAN;
    free(in);
    free(out);
    /* Reciprocity: sort the arc keys a*n+b and look each reverse up. */
    if (narcs == 0) {
        s->reciprocity = NAN;
        return SAMEN_OK;
    }
    unsigned long long *keys = malloc(narcs * sizeof *keys);
    if (keys == NULL)
        return SAMEN_ENOMEM;
    for (size_t i = 0; i < narcs; i++)
        keys[i] = (unsigned long long)ends[2 * i] * n + ends[2 * i + 1];
    qsort(keys, narcs, sizeof *keys, cmp_ull);
    size_t mutual = 0;
    for (size_t i = 0; i < narcs; i++) {
        unsigned long long rev = (unsigned long long)ends[2 * i + 1] * n + ends[2 * i];
        mutual += bsearch(&rev, keys, narcs, sizeof *keys, cmp_ull) != NULL;
    }
    s->reciprocity = (double)mutual / (double)narcs;
    free(keys);
    return SAMEN_OK;
}

/* Endpoints of the ties of type t (t == SAMEN_TIE_TYPE_COUNT: all) into a
 * new array of 2 * *count values. */
static size_t *tie_ends(const samen_network *net, int t, size_t *count)
{
    size_t *ends = malloc((2 * net->nties + 2) * sizeof *ends);
    size_t k = 0;
    if (ends == NULL)
        return NULL;
    for (size_t i = 0; i < net->nties; i++) {
        const samen_tie_info *tie = &net->ties[i];
        if (t != SAMEN_TIE_TYPE_COUNT && (int)tie->type != t)
            continue;
        ends[2 * k] = tie->from;
        ends[2 * k + 1] = tie->to;
        k++;
    }
    *count = k;
    return ends;
}

samen_status samen_network_measure(const samen_network *net, samen_network_metrics **out)
{
    samen_network_metrics *m = calloc(1, sizeof *m);
    if (m == NULL)
        return SAMEN_ENOMEM;
    size_t n = net->nparties;
    m->nparties = n;
    m->party = calloc(n + 1, sizeof *m->party);
    samen_status st = m->party != NULL ? SAMEN_OK : SAMEN_ENOMEM;
    for (int t = 0; st == SAMEN_OK && t <= SAMEN_TIE_TYPE_COUNT; t++) {
        size_t count = 0;
        size_t *ends = tie_ends(net, t, &count);
        if (ends == NULL) {
            st = SAMEN_ENOMEM;
            break;
        }
        samen_network_summary *s = t == SAMEN_TIE_TYPE_COUNT ? &m->overall : &m->type[t];
        s->out_degree_centralization = s->in_degree_centralization = s->reciprocity = NAN;
        s->ties = count;
        netgraph g;
        st = netgraph_build(&g, n, ends, count);
        if (st == SAMEN_OK) {
            st = summarise(&g, s, t == SAMEN_TIE_TYPE_COUNT ? m->party : NULL);
            netgraph_free(&g);
        }
        if (st == SAMEN_OK && t < SAMEN_TIE_TYPE_COUNT &&
            samen_tie_type_directed((samen_tie_type)t))
            st = directed_part(n, ends, count, s);
        free(ends);
    }
    for (size_t i = 0; st == SAMEN_OK && i < net->nties; i++) {
        const samen_tie_info *tie = &net->ties[i];
        if (tie->type == SAMEN_TIE_INITIATIVE)
            m->party[tie->from].initiative_out++;
        else if (tie->type == SAMEN_TIE_DECISION)
            m->party[tie->from].decision_out++;
    }
    if (st == SAMEN_OK)
        st = net_classify(net, &m->cls);
    if (st != SAMEN_OK) {
        samen_network_metrics_destroy(m);
        return st;
    }
    *out = m;
    return SAMEN_OK;
}

void samen_network_metrics_destroy(samen_network_metrics *m)
{
    if (m == NULL)
        return;
    free(m->party);
    free(m);
}

const samen_network_summary *samen_network_metrics_overall(const samen_network_metrics *m)
{
    return &m->overall;
}

const samen_network_summary *samen_network_metrics_type(const samen_network_metrics *m,
                                                        samen_tie_type t)
{
    return (int)t >= 0 && t < SAMEN_TIE_TYPE_COUNT ? &m->type[t] : &m->overall;
}

const samen_party_centrality *samen_network_metrics_party(const samen_network_metrics *m,
                                                         size_t party)
{
    return party < m->nparties ? &m->party[party] : NULL;
}

const samen_network_class_info *samen_network_metrics_class(const samen_network_metrics *m)
{
    return &m->cls;
}
