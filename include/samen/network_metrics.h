/* samen/network_metrics.h - metrics, classification and comparison of
 * network drawings (docs/NETWORKS.md states every rule; the numbers equal
 * python-igraph's, tests/oracle/network/).
 *
 * Graphs. The overall graph has every party as a vertex and an undirected
 * edge between two parties joined by at least one tie of any type. The
 * graph of one tie type has the same vertices and that type's ties: edges
 * for contact, arcs for decisions and initiative. Centralization of a
 * directed type is computed on its undirected version (direction
 * ignored); in- and out-degree centralization and reciprocity use the arcs.
 *
 * Classification (samen_network_class in samen/network.h) looks at the
 * structure graph: the overall graph with every unit group merged into one
 * vertex (ties inside a unit group dropped), without isolated vertices.
 *   1. The main component is the largest connected component (most
 *      vertices, then most ties, then first in file order).
 *   2. "none" when the main component has fewer than
 *      SAMEN_CLASS_MIN_TIES ties or holds less than SAMEN_CLASS_MIN_COVERAGE
 *      of the vertices that have ties (the ties fall apart).
 *   3. "star" when the hub (the vertex of highest degree) holds at least
 *      SAMEN_CLASS_STAR_SHARE of the main component's ties and the main
 *      component's Freeman degree centralization is at least
 *      SAMEN_CLASS_STAR_CENTRALIZATION.
 *   4. "network" when the redundancy (m - n + 1) / m, the share of ties
 *      beyond a spanning tree, is at least SAMEN_CLASS_NETWORK_REDUNDANCY.
 *   5. "chain" (chain or hierarchy: tree-like, no dominant hub) otherwise.
 */
#ifndef SAMEN_NETWORK_METRICS_H
#define SAMEN_NETWORK_METRICS_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/network.h"
#include "samen/status.h"

#define SAMEN_CLASS_MIN_TIES 3
#define SAMEN_CLASS_MIN_COVERAGE 0.5
#define SAMEN_CLASS_STAR_SHARE 0.5
#define SAMEN_CLASS_STAR_CENTRALIZATION 0.5
#define SAMEN_CLASS_NETWORK_REDUNDANCY 0.25

/* No party (most_central, hub). */
#define SAMEN_NETWORK_NONE ((size_t)-1)

/* Metrics of the overall graph or of one tie type's graph. Values that are
 * undefined are NAN (math.h): centralization with fewer than 3 parties,
 * density with fewer than 2, reciprocity without arcs, in/out-degree
 * centralization of an undirected graph. */
typedef struct samen_network_summary {
    size_t parties;                     /* vertices: every party */
    size_t ties;                        /* ties as drawn (all types, or this type) */
    size_t pairs;                       /* pairs of parties joined (undirected edges) */
    bool directed;                      /* a decision or initiative graph */
    double density;                     /* pairs / (n(n-1)/2); arcs / (n(n-1)) when directed */
    double degree_centralization;       /* Freeman: sum(max - d_i) / ((n-1)(n-2)) */
    double betweenness_centralization;  /* Freeman: sum(max - b_i) / ((n-1)^2 (n-2) / 2) */
    double out_degree_centralization;   /* sum(max - out_i) / (n-1)^2 */
    double in_degree_centralization;    /* sum(max - in_i) / (n-1)^2 */
    double reciprocity;                 /* arcs whose reverse is drawn / arcs */
    size_t components;                  /* connected components, isolates included */
    size_t isolates;                    /* parties without ties */
    size_t pendants;                    /* parties with one neighbour who has others */
    size_t brokers;                     /* articulation points (cut vertices) */
    size_t most_central;                /* highest degree, then betweenness, then first */
} samen_network_summary;

/* One party's place in the overall graph. */
typedef struct samen_party_centrality {
    size_t degree;          /* neighbours */
    double betweenness;     /* Brandes, undirected, unnormalized */
    size_t initiative_out;  /* initiative arcs from the party */
    size_t decision_out;    /* decision arcs from the party */
    bool isolate;
    bool pendant;           /* reached only through one broker: its single neighbour */
    bool broker;            /* an articulation point */
} samen_party_centrality;

typedef struct samen_network_class_info {
    samen_network_class cls;
    size_t hub_party;       /* party index of the hub, or SAMEN_NETWORK_NONE */
    long hub_group;         /* unit group index when the hub is a merged group, else -1 */
    const char *hub_label;  /* label of the hub (owned by the network), NULL when none */
    double hub_share;       /* hub's ties / ties of the main component */
    double centralization;  /* Freeman degree centralization of the main component */
    double redundancy;      /* (m - n + 1) / m of the main component */
    double coverage;        /* main component's vertices / vertices with ties */
    size_t vertices;        /* of the main component */
    size_t ties;            /* of the main component */
} samen_network_class_info;

typedef struct samen_network_metrics samen_network_metrics;

/* Measures net (the caller keeps it; the metrics refer to its strings, so
 * net must outlive them). On success *out is new; free with
 * samen_network_metrics_destroy(). */
samen_status samen_network_measure(const samen_network *net, samen_network_metrics **out);
void samen_network_metrics_destroy(samen_network_metrics *m);

const samen_network_summary *samen_network_metrics_overall(const samen_network_metrics *m);
const samen_network_summary *samen_network_metrics_type(const samen_network_metrics *m,
                                                        samen_tie_type t);
/* NULL when party is out of range. */
const samen_party_centrality *samen_network_metrics_party(const samen_network_metrics *m,
                                                         size_t party);
const samen_network_class_info *samen_network_metrics_class(const samen_network_metrics *m);

/* ---- comparison: 2022 -> 2023, current -> desired ---------------------------- */

/* Parties are matched by id; a tie is the same tie when type and the ids
 * of its parties (in order, for directed types) match. */
typedef struct samen_tie_change {
    samen_tie_type type;
    const char *from, *to;  /* party ids, owned by the networks */
    bool added;             /* in b, not in a; else removed (in a, not in b) */
} samen_tie_change;

typedef struct samen_network_diff samen_network_diff;

/* Compares drawing a with drawing b (the caller keeps both; they must
 * outlive the diff). On success *out is new; free with
 * samen_network_diff_destroy(). */
samen_status samen_network_compare(const samen_network *a, const samen_network *b,
                                   samen_network_diff **out);
void samen_network_diff_destroy(samen_network_diff *diff);

/* The metrics of a (which = 0) or b (which = 1), owned by the diff. */
const samen_network_metrics *samen_network_diff_metrics(const samen_network_diff *diff,
                                                        int which);
/* Tie changes, removed first, then added, each in file order. */
size_t samen_network_diff_nchanges(const samen_network_diff *diff);
const samen_tie_change *samen_network_diff_change(const samen_network_diff *diff, size_t i);
/* Counts for type t, or for all types when t == SAMEN_TIE_TYPE_COUNT. */
size_t samen_network_diff_added(const samen_network_diff *diff, samen_tie_type t);
size_t samen_network_diff_removed(const samen_network_diff *diff, samen_tie_type t);
size_t samen_network_diff_kept(const samen_network_diff *diff, samen_tie_type t);
/* Jaccard distance of the two tie sets: 1 - kept / (kept + added + removed);
 * 0 when both drawings have no ties. */
double samen_network_diff_distance(const samen_network_diff *diff);
/* Parties only in a (removed) or only in b (added): ids owned by the networks. */
size_t samen_network_diff_nparties(const samen_network_diff *diff, bool added);
const char *samen_network_diff_party(const samen_network_diff *diff, bool added, size_t i);

#endif
