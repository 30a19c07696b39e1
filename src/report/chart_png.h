/* chart_png.h - a chart's SVG drawn as a PNG file (librsvg + cairo), for
 * people who paste figures into a word processor. Private to src/report. */
#ifndef SAMEN_REPORT_CHART_PNG_H
#define SAMEN_REPORT_CHART_PNG_H

#include <stddef.h>

#include "samen/diag.h"
#include "samen/status.h"

/* Largest SVG drawn, and largest side of the PNG (pixels). */
#define CHART_PNG_MAX_SVG_BYTES (16u * 1024u * 1024u)
#define CHART_PNG_MAX_SIDE 8192

/* Draws the SVG document svg (len bytes; the caller keeps it) at its own
 * width and height (CSS pixels, 96 per inch: "760" is 760 px, "985pt" is
 * 1314 px, rounded up) on a white background and writes it as a PNG to
 * path. SAMEN_EPARSE (in d) when librsvg cannot read the SVG or it has no
 * size or is larger than CHART_PNG_MAX_SIDE, SAMEN_EIO when the file cannot
 * be written, SAMEN_ENOMEM. */
samen_status chart_png_write(const char *svg, size_t len, const char *path, samen_diag *d);

#endif
