/* samen/network_exchange.h - network drawings in and out: GraphML (Gephi,
 * igraph, yEd) and REFI-QDA Graphs (QDA-XML 1.0, ATLAS.ti, NVivo, MAXQDA).
 *
 * GraphML is written as a directed graph (edgedefault="directed") in which
 * contact ties carry directed="false", so tools that read mixed graphs
 * (Gephi) see undirected contact and directed decisions and initiative,
 * and igraph reads every tie with its direction. Every field of the drawing
 * travels as a <data> value, so export followed by import gives the same
 * drawing. docs/NETWORKS.md lists the keys and how a foreign GraphML file
 * is read.
 */
#ifndef SAMEN_NETWORK_EXCHANGE_H
#define SAMEN_NETWORK_EXCHANGE_H

#include <stddef.h>

#include "samen/diag.h"
#include "samen/network.h"
#include "samen/status.h"

/* Largest GraphML file read. */
#define SAMEN_GRAPHML_MAX_BYTES (16u * 1024u * 1024u)

/* Writes net as GraphML. On success *out is a new NUL-terminated string of
 * *len bytes; free with free(). */
samen_status samen_network_write_graphml(const samen_network *net, char **out, size_t *len);

/* Reads a GraphML document of len bytes (the caller keeps data; name is how
 * it is named in messages). Fields the file does not give (id, region,
 * wave, meeting, variant ...) are taken from defaults when not NULL (its
 * strings are copied); a field missing in both is reported. Problems go to d
 * as name:line:column. On success *out is a new network; free with
 * samen_network_destroy(). */
samen_status samen_network_read_graphml(const char *data, size_t len, const char *name,
                                        const samen_network_info *defaults,
                                        samen_network **out, samen_diag *d);

/* Same, from the file at path (at most SAMEN_GRAPHML_MAX_BYTES). */
samen_status samen_network_load_graphml(const char *path, const char *name,
                                        const samen_network_info *defaults,
                                        samen_network **out, samen_diag *d);

/* Writes net as one QDA-XML <Graph> element (for a project exporter to put
 * inside <Graphs>), with labels in lang ("nl" or "en"). Vertex positions
 * come from the Graphviz layout of samen/network_render.h; GUIDs are
 * derived from the drawing's and the parties' ids, so they are the same on
 * every export. On success *out is new; free with free(). */
samen_status samen_network_write_refi_graph(const samen_network *net, const char *lang,
                                            char **out, size_t *len);

/* Writes a complete QDA-XML project document (project.qde) holding only
 * the drawing's <Graph>; valid against Project-mrt2019.xsd. */
samen_status samen_network_write_refi(const samen_network *net, const char *lang, char **out,
                                      size_t *len);

#endif
