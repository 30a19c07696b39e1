/* samen/network_render.h - a network drawing as SVG in the study's colour
 * code, laid out by Graphviz (cgraph + gvc, the "dot" engine).
 *
 * Red lines are intensive contact, green arrows decisions, blue arrows
 * initiative; dashed lines are less intensive ties; parties that do not
 * take part are yellow, waiting parties have a dashed border; groups are
 * drawn as clusters around their members. Beside the drawing: a legend,
 * the metrics (samen/network_metrics.h) and the notes of the ties. The
 * output is deterministic: the same drawing gives the same bytes on the
 * same system (the dot layout has no random start; Graphviz's version
 * comment and the XML prologue are left out). This is the function the
 * report calls for each drawing. Graphviz is not thread-safe, so drawing
 * must happen on one thread at a time.
 */
#ifndef SAMEN_NETWORK_RENDER_H
#define SAMEN_NETWORK_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/network.h"
#include "samen/status.h"

typedef struct samen_network_render_options {
    const char *lang;     /* "nl" (default, also for NULL) or "en" */
    bool no_metrics;      /* leave out the metrics panel */
    bool no_legend;       /* leave out the legend */
} samen_network_render_options;

/* Renders net (the caller keeps it) with opts (NULL for the defaults). On
 * success *out is a new NUL-terminated SVG document of *len bytes; free
 * with free(). SAMEN_EINTERNAL when Graphviz fails. */
samen_status samen_network_render_svg(const samen_network *net,
                                      const samen_network_render_options *opts, char **out,
                                      size_t *len);

#endif
