/* layout.h - a network drawing laid out by Graphviz (private to
 * src/network/; used by the SVG renderer and the REFI-QDA writer).
 * Prefix netlayout_. */
#ifndef SAMEN_NETWORK_LAYOUT_H
#define SAMEN_NETWORK_LAYOUT_H

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "samen/network.h"
#include "samen/status.h"

typedef struct netlayout {
    GVC_t *gvc;            /* the process's shared context; not owned */
    Agraph_t *g;
    Agnode_t **nodes;      /* per party; owned array */
    Agraph_t **clusters;   /* per group; owned array */
    size_t nnodes, nclusters;
} netlayout;

/* Builds the Graphviz graph of net and lays it out with dot. On success l
 * holds the laid-out graph; free with netlayout_free().
 * SAMEN_EINTERNAL when Graphviz reports an error. */
samen_status netlayout_run(const samen_network *net, netlayout *l);

/* Frees the layout and the graph (the shared context stays); accepts a
 * zeroed l. */
void netlayout_free(netlayout *l);

/* Renders the laid-out graph in Graphviz's format fmt ("svg"). On success
 * *out is new (free with free()). */
samen_status netlayout_render(netlayout *l, const char *fmt, char **out, size_t *len);

#endif
