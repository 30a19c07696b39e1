/* chart_png.c - charts/<id>.png beside charts/<id>.svg: the SVG rendered by
 * librsvg onto a cairo image surface and written as PNG. Exports
 * chart_png_write() (chart_png.h).
 *
 * Rules:
 *  1. The PNG is the SVG's intrinsic size in CSS pixels (librsvg's
 *     rsvg_handle_get_intrinsic_size_in_pixels at 96 dpi), rounded up, so a
 *     760 x 354 chart gives a 760 x 354 image; the tests compare the two.
 *  2. The background is white (charts have none of their own; a
 *     transparent PNG turns black in some word processors).
 *  3. Inputs are bounded: at most CHART_PNG_MAX_SVG_BYTES of SVG and
 *     CHART_PNG_MAX_SIDE pixels a side.
 *  4. The SVG is loaded without a base file, so it cannot pull in other
 *     files (librsvg resolves no relative references without one).
 */
#include "report/chart_png.h"

#include <math.h>
#include <stdint.h>

#include <cairo.h>
#include <librsvg/rsvg.h>

samen_status chart_png_write(const char *svg, size_t len, const char *path, samen_diag *d)
{
    samen_status st = SAMEN_OK;
    GError *err = NULL;
    RsvgHandle *h = NULL;
    cairo_surface_t *surf = NULL;
    cairo_t *cr = NULL;
    if (len > CHART_PNG_MAX_SVG_BYTES) {   /* rule 3 */
        samen_diag_add(d, path, 0, 0, "the chart is too large to draw (%zu bytes)", len);
        return SAMEN_EPARSE;
    }
    h = rsvg_handle_new_from_data((const guint8 *)svg, (gsize)len, &err);
    if (h == NULL) {
        samen_diag_add(d, path, 0, 0, "cannot read the chart's SVG: %s",
                       err != NULL ? err->message : "unknown error");
        st = SAMEN_EPARSE;
        goto out;
    }
    rsvg_handle_set_dpi(h, 96.0);
    gdouble w = 0, hgt = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hgt) || !(w >= 1) || !(hgt >= 1) ||
        w > CHART_PNG_MAX_SIDE || hgt > CHART_PNG_MAX_SIDE) {   /* rules 1 and 3 */
        samen_diag_add(d, path, 0, 0, "the chart's SVG has no usable width and height");
        st = SAMEN_EPARSE;
        goto out;
    }
    int pw = (int)ceil(w - 1e-6), ph = (int)ceil(hgt - 1e-6);
    surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph);
    if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
        st = SAMEN_ENOMEM;
        goto out;
    }
    cr = cairo_create(surf);
    cairo_set_source_rgb(cr, 1, 1, 1);   /* rule 2 */
    cairo_paint(cr);
    RsvgRectangle vp = {0, 0, w, hgt};
    if (!rsvg_handle_render_document(h, cr, &vp, &err)) {
        samen_diag_add(d, path, 0, 0, "cannot draw the chart: %s",
                       err != NULL ? err->message : "unknown error");
        st = SAMEN_EPARSE;
        goto out;
    }
    cairo_surface_flush(surf);
    if (cairo_surface_write_to_png(surf, path) != CAIRO_STATUS_SUCCESS) {
        samen_diag_add(d, path, 0, 0, "cannot write the PNG");
        st = SAMEN_EIO;
    }
out:
    if (cr != NULL)
        cairo_destroy(cr);
    if (surf != NULL)
        cairo_surface_destroy(surf);
    if (h != NULL)
        g_object_unref(h);
    if (err != NULL)
        g_error_free(err);
    return st;
}
