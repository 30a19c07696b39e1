/* svg_chart.h - accessible SVG charts of the report (private to report/).
 *
 * One function per chart type, all laid out from the data (no coordinates
 * per figure): stacked 100% bars (Figuur 1), diverging Likert bars (Figuur
 * 13), grouped bars that compare waves (Figuur 12, 16, 17) and distribution
 * columns (Figuur 15). Every chart has a <title> and a <desc> for screen
 * readers, axis labels, a legend and value labels; colours are the
 * Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), safe for
 * colour-blind readers. Every text is XML-escaped.
 *
 * The renderers form a table of function pointers (svg_chart_render), so a
 * new chart type is one function and one entry.
 */
#ifndef SAMEN_REPORT_SVG_CHART_H
#define SAMEN_REPORT_SVG_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/status.h"
#include "util/buf.h"

typedef enum svg_chart_kind {
    SVG_CHART_STACKED,      /* horizontal 100% bars, one per category */
    SVG_CHART_DIVERGING,    /* Likert: negative left, positive right of 0 */
    SVG_CHART_GROUPED,      /* horizontal bars, one group per category */
    SVG_CHART_DISTRIBUTION, /* vertical columns, categories on the x axis */
    SVG_CHART_KIND_COUNT
} svg_chart_kind;

/* The numbers of one chart: ncat categories (the bars or groups) by nser
 * series (segments, or the bars of a group). The caller keeps every
 * pointer; strings are plain text (escaped here). */
typedef struct svg_chart_data {
    const char *title;              /* <title> and the heading of the chart */
    const char *desc;               /* <desc>: what the chart shows, for screen readers */
    const char *lang;               /* "nl" (decimal comma) or "en" */
    const char *axis;               /* the value axis label, e.g. "Percentage scholen" */
    const char *unit;               /* appended to value labels ("%" or ""); NULL: "" */
    size_t ncat;
    const char *const *cats;        /* ncat category labels */
    size_t nser;
    const char *const *series;      /* nser series labels (legend) */
    const double *values;           /* ncat * nser, row-major; NAN: no value */
    const int *precision;           /* ncat * nser decimals (NULL: 0) */
    const bool *small;              /* ncat * nser small-base flags (NULL: none) */
    size_t nscale;                  /* diverging and stacked: the first nscale series are
                                     * the scale; the rest (e.g. "weet niet") are grey and,
                                     * in a diverging chart, beside it (0: all scale) */
} svg_chart_data;

/* The largest number of categories and series a chart accepts. */
#define SVG_CHART_MAX_CATS 64
#define SVG_CHART_MAX_SERIES 12

/* Appends the chart of kind kind to out as a standalone <svg> element
 * (with xmlns, role="img" and aria-labelledby its title and desc; ids are
 * prefixed with id_prefix, which must be [A-Za-z0-9_-]). SAMEN_EINVAL for
 * an unknown kind or too many categories or series; SAMEN_ETOOBIG when out
 * is full. */
samen_status svg_chart_render(svg_chart_kind kind, const svg_chart_data *data,
                              const char *id_prefix, buf *out);

/* The chart type called name ("stacked", "diverging", "grouped",
 * "distribution"), or -1. */
int svg_chart_kind_find(const char *name);
const char *svg_chart_kind_name(svg_chart_kind kind);

/* Appends s to out with & < > " ' escaped for XML and HTML text and
 * attributes; invalid control characters are dropped. */
samen_status svg_chart_escape(buf *out, const char *s);

/* Writes v with precision decimals into out (cap bytes): a decimal comma
 * for lang "nl", a point otherwise; "" for NAN. */
void svg_chart_format(char *out, size_t cap, double v, int precision, const char *lang);

#endif
