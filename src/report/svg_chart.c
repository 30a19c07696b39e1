/* svg_chart.c - the report's SVG charts (svg_chart.h): stacked 100% bars,
 * diverging Likert bars, grouped bars and distribution columns.
 *
 * Rules:
 *  1. Layout is computed from the data: label columns are as wide as the
 *     longest label (wrapped at SVG_LABEL_CHARS characters, at most
 *     SVG_LABEL_LINES lines), rows as high as their labels, axes end at a
 *     "nice" maximum (1, 2, 2.5 or 5 times a power of ten).
 *  2. Every value is a <g class="v" data-value="..."> holding its bar(s),
 *     a <title> tooltip and, when it fits, a value label with exactly the
 *     value's precision (decimal comma in Dutch) and the unit; a value on
 *     a small base gets a "*" after its label.
 *  3. Colours: the Okabe-Ito palette (Okabe & Ito 2008); diverging charts
 *     use vermillion/orange for the negative side and blues for the
 *     positive side, grey for the neutral middle. Label text is black or
 *     white, whichever contrasts more with its bar (WCAG relative
 *     luminance).
 *  4. NAN values draw nothing; a category without any value says so in
 *     the <desc>.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/svg_chart.h"
#include "util/text.h"

#define SVG_WIDTH 760.0
#define SVG_CHAR_W 7.0          /* average width of a 12px sans-serif character */
#define SVG_LABEL_CHARS 40
#define SVG_LABEL_LINES 3
#define SVG_LINE_H 14.0
#define SVG_MARGIN 16.0

static const char *const palette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                      "#56B4E9", "#D55E00", "#F0E442", "#000000"};
#define NPALETTE (sizeof palette / sizeof palette[0])
static const char *const neg_colours[] = {"#D55E00", "#E69F00", "#F3C777"};
static const char *const pos_colours[] = {"#0072B2", "#56B4E9", "#A9D7F3"};
static const char *const extra_colours[] = {"#8C8C8C", "#C8C8C8", "#E2E2E2"};
#define NEUTRAL_COLOUR "#BBBBBB"

/* Escapes the first len bytes of s (stopping early at a NUL). */
static samen_status escape_n(buf *out, const char *s, size_t len)
{
    samen_status st = SAMEN_OK;
    for (size_t i = 0; i < len && s[i] != '\0' && st == SAMEN_OK; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&': st = buf_append_str(out, "&amp;"); break;
        case '<': st = buf_append_str(out, "&lt;"); break;
        case '>': st = buf_append_str(out, "&gt;"); break;
        case '"': st = buf_append_str(out, "&quot;"); break;
        case '\'': st = buf_append_str(out, "&#39;"); break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                break;
            st = buf_append_char(out, (char)c);
        }
    }
    return st;
}

samen_status svg_chart_escape(buf *out, const char *s)
{
    return s == NULL ? SAMEN_OK : escape_n(out, s, strlen(s));
}

void svg_chart_format(char *out, size_t cap, double v, int precision, const char *lang)
{
    if (cap == 0)
        return;
    out[0] = '\0';
    if (isnan(v))
        return;
    if (precision < 0)
        precision = 0;
    if (precision > 6)
        precision = 6;
    snprintf(out, cap, "%.*f", precision, v);
    if (strcmp(out, "-0") == 0 || (out[0] == '-' && strspn(out + 1, "0.") == strlen(out + 1)))
        memmove(out, out + 1, strlen(out));
    if (lang != NULL && strcmp(lang, "nl") == 0) {
        char *dot = strchr(out, '.');
        if (dot != NULL)
            *dot = ',';
    }
}

/* ---- helpers ------------------------------------------------------------ */

typedef struct lines {
    size_t n;
    size_t start[SVG_LABEL_LINES], len[SVG_LABEL_LINES];
} lines;

/* Wraps s at spaces into at most SVG_LABEL_LINES lines of about max
 * characters (bytes of UTF-8; the last line takes the rest, cut with an
 * ellipsis when it is much too long). */
static void wrap(const char *s, size_t max, lines *l)
{
    size_t n = strlen(s), pos = 0;
    l->n = 0;
    while (pos < n && l->n < SVG_LABEL_LINES) {
        while (pos < n && s[pos] == ' ')
            pos++;
        if (pos >= n)
            break;
        size_t rest = n - pos, take = rest;
        if (rest > max && l->n + 1 < SVG_LABEL_LINES) {
            take = 0;
            for (size_t i = pos; i < n && i - pos <= max; i++)
                if (s[i] == ' ')
                    take = i - pos;
            if (take == 0)
                take = max;
            while (take < rest && ((unsigned char)s[pos + take] & 0xC0) == 0x80)
                take++;
        }
        l->start[l->n] = pos;
        l->len[l->n] = take;
        l->n++;
        pos += take;
    }
}

static double text_w(const char *s, size_t len)
{
    size_t chars = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            chars++;
    return (double)chars * SVG_CHAR_W;
}

static double lines_w(const char *s, const lines *l)
{
    double w = 0;
    for (size_t i = 0; i < l->n; i++) {
        double x = text_w(s + l->start[i], l->len[i]);
        if (x > w)
            w = x;
    }
    return w;
}

/* A text of wrapped lines; y is the middle of the block. */
static samen_status wrapped_text(buf *out, double x, double y, const char *anchor,
                                 const char *cls, const char *s, const lines *l)
{
    double y0 = y - (double)(l->n - 1) * SVG_LINE_H / 2.0 + 4.0;
    samen_status st = buf_printf(out, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>",
                                 cls, x, y0, anchor,
                                 strcmp(cls, "h") == 0 ? " font-size=\"14\" font-weight=\"bold\"" : "");
    for (size_t i = 0; i < l->n && st == SAMEN_OK; i++) {
        st = buf_printf(out, "<tspan x=\"%.1f\" y=\"%.1f\">", x, y0 + (double)i * SVG_LINE_H);
        if (st == SAMEN_OK)
            st = escape_n(out, s + l->start[i], l->len[i]);
        if (st == SAMEN_OK)
            st = buf_append_str(out, "</tspan>");
    }
    if (st == SAMEN_OK)
        st = buf_append_str(out, "</text>\n");
    return st;
}

/* Black or white text, whichever contrasts more with the fill #rrggbb. */
static const char *ink(const char *fill)
{
    unsigned v[3] = {0, 0, 0};
    for (int c = 0; c < 3; c++)
        for (int k = 0; k < 2; k++) {
            char h = fill[1 + 2 * c + k];
            unsigned d = (h >= '0' && h <= '9') ? (unsigned)(h - '0')
                         : (h >= 'A' && h <= 'F') ? (unsigned)(h - 'A' + 10)
                         : (h >= 'a' && h <= 'f') ? (unsigned)(h - 'a' + 10) : 0u;
            v[c] = v[c] * 16 + d;
        }
    double lum = 0;
    const double wgt[3] = {0.2126, 0.7152, 0.0722};
    for (int c = 0; c < 3; c++) {
        double x = v[c] / 255.0;
        x = x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4);
        lum += wgt[c] * x;
    }
    /* contrast with black (lum + .05)/.05 against white 1.05/(lum + .05) */
    return (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) ? "#000000" : "#FFFFFF";
}

static double value_at(const svg_chart_data *d, size_t c, size_t s)
{
    return d->values[c * d->nser + s];
}

static void label_of(const svg_chart_data *d, size_t c, size_t s, char *out, size_t cap)
{
    char num[64];
    int prec = d->precision ? d->precision[c * d->nser + s] : 0;
    svg_chart_format(num, sizeof num, value_at(d, c, s), prec, d->lang);
    bool small = d->small && d->small[c * d->nser + s];
    snprintf(out, cap, "%s%s%s", num, d->unit ? d->unit : "", small ? "*" : "");
}

/* "nice" axis maximum and tick step for values up to max. */
static void nice_axis(double max, double *top, double *step)
{
    if (!(max > 0))
        max = 1;
    double raw = max / 5.0, p = pow(10.0, floor(log10(raw))), m = raw / p;
    double s = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
    *step = s * p;
    *top = ceil(max / *step - 1e-9) * *step;
    if (*top <= 0)
        *top = *step;
}

typedef struct frame {
    double label_w;        /* width of the category label column */
    double top;            /* y where the plot starts */
    double legend_h;
    lines cat[SVG_CHART_MAX_CATS];
} frame;

/* Starts the document: svg element, title, desc, styles, visible heading
 * and legend (series from..to, with colours from fill). Sets f->top. */
static samen_status open_svg(buf *out, const svg_chart_data *d, const char *id, double height,
                             frame *f, const char *const *fills, size_t nfills)
{
    samen_status st = buf_printf(out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%.0f\" "
        "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
        "id=\"%s\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\" "
        "fill=\"#222222\">\n<title>", SVG_WIDTH, height, SVG_WIDTH, height, id);
    if (st == SAMEN_OK)
        st = svg_chart_escape(out, d->title);
    if (st == SAMEN_OK)
        st = buf_append_str(out, "</title>\n<desc>");
    if (st == SAMEN_OK)
        st = svg_chart_escape(out, d->desc);
    if (st == SAMEN_OK)
        st = buf_append_str(out,
            "</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    /* the heading */
    lines hl;
    wrap(d->title ? d->title : "", 86, &hl);
    if (st == SAMEN_OK)
        st = wrapped_text(out, SVG_MARGIN, SVG_MARGIN + (double)(hl.n - 1) * SVG_LINE_H / 2.0 + 4,
                          "start", "h", d->title ? d->title : "", &hl);
    double y = SVG_MARGIN + (double)hl.n * SVG_LINE_H + 12;
    /* the legend, flowing */
    double x = SVG_MARGIN;
    st = st == SAMEN_OK ? buf_append_str(out, "<g class=\"legend\">\n") : st;
    for (size_t s = 0; s < d->nser && st == SAMEN_OK; s++) {
        const char *lab = d->series[s] ? d->series[s] : "";
        double w = 18 + text_w(lab, strlen(lab)) + 16;
        if (x > SVG_MARGIN && x + w > SVG_WIDTH - SVG_MARGIN) {
            x = SVG_MARGIN;
            y += 18;
        }
        st = buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                             "<text x=\"%.1f\" y=\"%.1f\">",
                        x, y, fills[s % nfills], x + 17, y + 10);
        if (st == SAMEN_OK)
            st = svg_chart_escape(out, lab);
        if (st == SAMEN_OK)
            st = buf_append_str(out, "</text>\n");
        x += w;
    }
    if (st == SAMEN_OK)
        st = buf_append_str(out, "</g>\n");
    f->top = y + 30;
    return st;
}

/* Heights before the plot, measured the same way open_svg draws them. */
static double header_height(const svg_chart_data *d)
{
    lines hl;
    wrap(d->title ? d->title : "", 86, &hl);
    double y = SVG_MARGIN + (double)hl.n * SVG_LINE_H + 12, x = SVG_MARGIN;
    for (size_t s = 0; s < d->nser; s++) {
        const char *lab = d->series[s] ? d->series[s] : "";
        double w = 18 + text_w(lab, strlen(lab)) + 16;
        if (x > SVG_MARGIN && x + w > SVG_WIDTH - SVG_MARGIN) {
            x = SVG_MARGIN;
            y += 18;
        }
        x += w;
    }
    return y + 30;
}

static void measure_cats(const svg_chart_data *d, frame *f, size_t chars)
{
    f->label_w = 0;
    for (size_t c = 0; c < d->ncat; c++) {
        wrap(d->cats[c] ? d->cats[c] : "", chars, &f->cat[c]);
        double w = lines_w(d->cats[c] ? d->cats[c] : "", &f->cat[c]);
        if (w > f->label_w)
            f->label_w = w;
    }
}

/* One value: its group, bar, tooltip and label (inside when it fits, or
 * at lx when outside is set). */
static samen_status value_bar(buf *out, const svg_chart_data *d, size_t c, size_t s, double x,
                              double y, double w, double h, const char *fill, bool outside,
                              bool label, double lx, const char *anchor)
{
    char lab[96], num[64];
    label_of(d, c, s, lab, sizeof lab);
    snprintf(num, sizeof num, "%.10g", value_at(d, c, s));
    samen_status st = buf_printf(out, "<g class=\"v\" data-value=\"%s\" data-cat=\"%zu\" "
                                      "data-series=\"%zu\"><title>", num, c, s);
    if (st == SAMEN_OK)
        st = svg_chart_escape(out, d->cats[c]);
    if (st == SAMEN_OK)
        st = buf_append_str(out, " - ");
    if (st == SAMEN_OK)
        st = svg_chart_escape(out, d->series[s]);
    if (st == SAMEN_OK)
        st = buf_printf(out, ": %s</title><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                             "height=\"%.2f\" fill=\"%s\"/>", lab, x, y, w < 0 ? 0 : w, h, fill);
    if (st == SAMEN_OK && label) {
        if (outside)
            st = buf_printf(out, "<text class=\"vl\" font-size=\"11\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s"
                                 "</text>", lx, y + h / 2 + 4, anchor, lab);
        else if (text_w(lab, strlen(lab)) + 4 <= w)
            st = buf_printf(out, "<text class=\"vl\" font-size=\"11\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                                 "fill=\"%s\">%s</text>", x + w / 2, y + h / 2 + 4,
                            ink(fill), lab);
    }
    if (st == SAMEN_OK)
        st = buf_append_str(out, "</g>\n");
    return st;
}

static samen_status axis_title(buf *out, double x, double y, const char *axis)
{
    if (axis == NULL || *axis == '\0')
        return SAMEN_OK;
    samen_status st = buf_printf(out, "<text class=\"ax\" fill=\"#555555\" x=\"%.1f\" y=\"%.1f\" "
                                      "text-anchor=\"middle\">", x, y);
    if (st == SAMEN_OK)
        st = svg_chart_escape(out, axis);
    if (st == SAMEN_OK)
        st = buf_append_str(out, "</text>\n");
    return st;
}

static double row_height(const lines *l, double min)
{
    double h = (double)l->n * SVG_LINE_H + 10;
    return h < min ? min : h;
}

/* ---- stacked 100% bars ----------------------------------------------------- */

static samen_status chart_stacked(const svg_chart_data *d, const char *id, buf *out)
{
    frame f;
    measure_cats(d, &f, SVG_LABEL_CHARS);
    double plot_x = SVG_MARGIN + f.label_w + 12, plot_w = SVG_WIDTH - plot_x - SVG_MARGIN;
    double h = header_height(d);
    for (size_t c = 0; c < d->ncat; c++)
        h += row_height(&f.cat[c], 30);
    h += 50;
    /* series after the first nscale (e.g. "weet niet") are grey */
    const char *fills[SVG_CHART_MAX_SERIES];
    for (size_t s = 0; s < d->nser; s++)
        fills[s] = d->nscale > 0 && s >= d->nscale ? extra_colours[(s - d->nscale) % 3]
                                                   : palette[s % NPALETTE];
    samen_status st = open_svg(out, d, id, h, &f, fills, d->nser);
    double y = f.top;
    for (int t = 0; t <= 100 && st == SAMEN_OK; t += 25) {
        double x = plot_x + plot_w * t / 100.0;
        st = buf_printf(out, "<line class=\"grid\" stroke=\"#dddddd\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                             "<text class=\"ax\" fill=\"#555555\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d%%"
                             "</text>\n", x, y - 6, x, h - 40, x, h - 26, t);
    }
    for (size_t c = 0; c < d->ncat && st == SAMEN_OK; c++) {
        double rh = row_height(&f.cat[c], 30), bar = 20, by = y + (rh - bar) / 2;
        st = wrapped_text(out, plot_x - 8, y + rh / 2, "end", "cat", d->cats[c], &f.cat[c]);
        double sum = 0;
        for (size_t s = 0; s < d->nser; s++)
            if (!isnan(value_at(d, c, s)) && value_at(d, c, s) > 0)
                sum += value_at(d, c, s);
        double x = plot_x, scale = sum > 0 ? plot_w / (sum > 100 ? sum : 100) : 0;
        for (size_t s = 0; s < d->nser && st == SAMEN_OK; s++) {
            double v = value_at(d, c, s);
            if (isnan(v))
                continue;
            double w = v > 0 ? v * scale : 0;
            st = value_bar(out, d, c, s, x, by, w, bar, fills[s], false, true, 0, NULL);
            x += w;
        }
        y += rh;
    }
    if (st == SAMEN_OK)
        st = axis_title(out, plot_x + plot_w / 2, h - 8, d->axis);
    if (st == SAMEN_OK)
        st = buf_append_str(out, "</svg>\n");
    return st;
}

/* ---- diverging Likert bars ------------------------------------------------- */

static const char *scale_colour(size_t s, size_t k)
{
    size_t half = k / 2;
    if (k % 2 == 1 && s == half)
        return NEUTRAL_COLOUR;
    if (s < half) {
        size_t dist = half - 1 - s;   /* 0 nearest the middle */
        size_t n = half < 3 ? half : 3;
        size_t idx = n - 1 - (dist < n ? dist : n - 1);
        return neg_colours[idx];
    }
    size_t first = k - half, dist = s - first, n = half < 3 ? half : 3;
    return pos_colours[n - 1 - (dist < n ? dist : n - 1)];
}

static samen_status chart_diverging(const svg_chart_data *d, const char *id, buf *out)
{
    size_t k = d->nscale > 0 && d->nscale <= d->nser ? d->nscale : d->nser;
    const char *fills[SVG_CHART_MAX_SERIES];
    for (size_t s = 0; s < d->nser; s++)
        fills[s] = s < k ? scale_colour(s, k) : extra_colours[(s - k) % 3];
    frame f;
    measure_cats(d, &f, 34);
    size_t half = k / 2;
    bool neutral = k % 2 == 1;
    double L = 0, R = 0, E = 0;
    for (size_t c = 0; c < d->ncat; c++) {
        double l = 0, r = 0, e = 0;
        for (size_t s = 0; s < d->nser; s++) {
            double v = value_at(d, c, s);
            if (isnan(v) || v < 0)
                continue;
            if (s >= k)
                e += v;
            else if (neutral && s == half)
                l += v / 2, r += v / 2;
            else if (s < half)
                l += v;
            else
                r += v;
        }
        L = l > L ? l : L;
        R = r > R ? r : R;
        E = e > E ? e : E;
    }
    double plot_x = SVG_MARGIN + f.label_w + 12, avail = SVG_WIDTH - plot_x - SVG_MARGIN;
    double gap = E > 0 ? 28 : 0, units = L + R + E;
    double scale = units > 0 ? (avail - gap) / units : 0;
    double center = plot_x + L * scale, extra_x = plot_x + (L + R) * scale + gap;
    double h = header_height(d);
    for (size_t c = 0; c < d->ncat; c++)
        h += row_height(&f.cat[c], 30);
    h += 50;
    samen_status st = open_svg(out, d, id, h, &f, fills, d->nser);
    double y = f.top;
    /* ticks every 25 (or 10) percent points on both sides */
    double step = (L + R) > 120 ? 50 : (L + R) > 50 ? 25 : 10;
    for (double t = -floor(L / step) * step; t <= R + 1e-9 && st == SAMEN_OK; t += step) {
        double x = center + t * scale;
        st = buf_printf(out, "<line class=\"%s\" stroke=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                             "<text class=\"ax\" fill=\"#555555\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">"
                             "%.0f%%</text>\n", fabs(t) < 1e-9 ? "zero" : "grid", fabs(t) < 1e-9 ? "#444444" : "#dddddd", x, y - 6, x,
                        h - 40, x, h - 26, fabs(t));
    }
    for (size_t c = 0; c < d->ncat && st == SAMEN_OK; c++) {
        double rh = row_height(&f.cat[c], 30), bar = 20, by = y + (rh - bar) / 2;
        st = wrapped_text(out, plot_x - 8, y + rh / 2, "end", "cat", d->cats[c], &f.cat[c]);
        double xl = center, xr = center;
        if (neutral && st == SAMEN_OK && !isnan(value_at(d, c, half))) {
            double w = value_at(d, c, half) * scale;
            xl = center - w / 2;
            xr = center + w / 2;
            st = value_bar(out, d, c, half, xl, by, w, bar, fills[half], false, true, 0, NULL);
        }
        for (size_t i = half; i-- > 0 && st == SAMEN_OK;) {
            double v = value_at(d, c, i);
            if (isnan(v))
                continue;
            double w = v * scale;
            xl -= w;
            st = value_bar(out, d, c, i, xl, by, w, bar, fills[i], false, true, 0, NULL);
        }
        for (size_t i = k - half; i < k && st == SAMEN_OK; i++) {
            double v = value_at(d, c, i);
            if (isnan(v))
                continue;
            double w = v * scale;
            st = value_bar(out, d, c, i, xr, by, w, bar, fills[i], false, true, 0, NULL);
            xr += w;
        }
        double xe = extra_x;
        for (size_t i = k; i < d->nser && st == SAMEN_OK; i++) {
            double v = value_at(d, c, i);
            if (isnan(v))
                continue;
            double w = v * scale;
            st = value_bar(out, d, c, i, xe, by, w, bar, fills[i], false, true, 0, NULL);
            xe += w;
        }
        y += rh;
    }
    if (st == SAMEN_OK)
        st = axis_title(out, plot_x + avail / 2, h - 8, d->axis);
    if (st == SAMEN_OK)
        st = buf_append_str(out, "</svg>\n");
    return st;
}

/* ---- grouped horizontal bars ----------------------------------------------- */

static samen_status chart_grouped(const svg_chart_data *d, const char *id, buf *out)
{
    frame f;
    measure_cats(d, &f, SVG_LABEL_CHARS);
    double max = 0;
    for (size_t i = 0; i < d->ncat * d->nser; i++)
        if (!isnan(d->values[i]) && d->values[i] > max)
            max = d->values[i];
    double top, step;
    nice_axis(max, &top, &step);
    double plot_x = SVG_MARGIN + f.label_w + 12;
    double plot_w = SVG_WIDTH - plot_x - SVG_MARGIN - 48;  /* room for outside labels */
    double bar = 14, gapb = 3;
    double group_h = (double)d->nser * (bar + gapb) - gapb + 16;
    double h = header_height(d);
    for (size_t c = 0; c < d->ncat; c++)
        h += row_height(&f.cat[c], group_h);
    h += 50;
    samen_status st = open_svg(out, d, id, h, &f, palette, NPALETTE);
    double y = f.top;
    char tick[64];
    for (double t = 0; t <= top + 1e-9 && st == SAMEN_OK; t += step) {
        double x = plot_x + plot_w * t / top;
        svg_chart_format(tick, sizeof tick, t, step < 1 ? 1 : 0, d->lang);
        st = buf_printf(out, "<line class=\"%s\" stroke=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                             "<text class=\"ax\" fill=\"#555555\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s%s"
                             "</text>\n", t == 0 ? "zero" : "grid", t == 0 ? "#444444" : "#dddddd", x, y - 6, x, h - 40, x,
                        h - 26, tick, d->unit ? d->unit : "");
    }
    for (size_t c = 0; c < d->ncat && st == SAMEN_OK; c++) {
        double rh = row_height(&f.cat[c], group_h);
        st = wrapped_text(out, plot_x - 8, y + rh / 2, "end", "cat", d->cats[c], &f.cat[c]);
        double by = y + (rh - group_h) / 2 + 8;
        for (size_t s = 0; s < d->nser && st == SAMEN_OK; s++) {
            double v = value_at(d, c, s);
            if (!isnan(v)) {
                double w = v > 0 ? plot_w * v / top : 0;
                st = value_bar(out, d, c, s, plot_x, by, w, bar, palette[s % NPALETTE], true,
                               true, plot_x + w + 4, "start");
            }
            by += bar + gapb;
        }
        y += rh;
    }
    if (st == SAMEN_OK)
        st = axis_title(out, plot_x + plot_w / 2, h - 8, d->axis);
    if (st == SAMEN_OK)
        st = buf_append_str(out, "</svg>\n");
    return st;
}

/* ---- distribution columns -------------------------------------------------- */

static samen_status chart_distribution(const svg_chart_data *d, const char *id, buf *out)
{
    double max = 0;
    for (size_t i = 0; i < d->ncat * d->nser; i++)
        if (!isnan(d->values[i]) && d->values[i] > max)
            max = d->values[i];
    double top, step;
    nice_axis(max, &top, &step);
    double plot_x = SVG_MARGIN + 48, plot_w = SVG_WIDTH - plot_x - SVG_MARGIN;
    double group_w = d->ncat > 0 ? plot_w / (double)d->ncat : plot_w;
    size_t chars = (size_t)((group_w - 6) / SVG_CHAR_W);
    if (chars < 6)
        chars = 6;
    frame f;
    measure_cats(d, &f, chars);
    size_t maxlines = 1;
    for (size_t c = 0; c < d->ncat; c++)
        if (f.cat[c].n > maxlines)
            maxlines = f.cat[c].n;
    double plot_h = 260;
    double h = header_height(d) + 16 + plot_h + (double)maxlines * SVG_LINE_H + 44;
    samen_status st = open_svg(out, d, id, h, &f, palette, NPALETTE);
    double y0 = f.top + 16, base = y0 + plot_h;
    char tick[64];
    for (double t = 0; t <= top + 1e-9 && st == SAMEN_OK; t += step) {
        double y = base - plot_h * t / top;
        svg_chart_format(tick, sizeof tick, t, step < 1 ? 1 : 0, d->lang);
        st = buf_printf(out, "<line class=\"%s\" stroke=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                             "<text class=\"ax\" fill=\"#555555\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s%s"
                             "</text>\n", t == 0 ? "zero" : "grid", t == 0 ? "#444444" : "#dddddd", plot_x, y,
                        plot_x + plot_w, y, plot_x - 6, y + 4, tick, d->unit ? d->unit : "");
    }
    double bw = (group_w - 16) / (double)(d->nser ? d->nser : 1);
    if (bw > 40)
        bw = 40;
    for (size_t c = 0; c < d->ncat && st == SAMEN_OK; c++) {
        double gx = plot_x + group_w * (double)c;
        double x = gx + (group_w - bw * (double)d->nser) / 2;
        for (size_t s = 0; s < d->nser && st == SAMEN_OK; s++) {
            double v = value_at(d, c, s);
            if (!isnan(v)) {
                char lab[96], num[64];
                label_of(d, c, s, lab, sizeof lab);
                snprintf(num, sizeof num, "%.10g", v);
                double bh = v > 0 ? plot_h * v / top : 0;
                st = buf_printf(out, "<g class=\"v\" data-value=\"%s\" data-cat=\"%zu\" "
                                     "data-series=\"%zu\"><title>", num, c, s);
                if (st == SAMEN_OK)
                    st = svg_chart_escape(out, d->cats[c]);
                if (st == SAMEN_OK)
                    st = buf_append_str(out, " - ");
                if (st == SAMEN_OK)
                    st = svg_chart_escape(out, d->series[s]);
                if (st == SAMEN_OK)
                    st = buf_printf(out, ": %s</title><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                                         "height=\"%.2f\" fill=\"%s\"/><text class=\"vl\" font-size=\"11\" "
                                         "x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>"
                                         "</g>\n", lab, x + 1, base - bh, bw - 2, bh,
                                    palette[s % NPALETTE], x + bw / 2, base - bh - 4, lab);
            }
            x += bw;
        }
        if (st == SAMEN_OK)
            st = wrapped_text(out, gx + group_w / 2,
                              base + 10 + (double)(f.cat[c].n - 1) * SVG_LINE_H / 2 + 4,
                              "middle", "cat", d->cats[c], &f.cat[c]);
    }
    if (st == SAMEN_OK && d->axis != NULL && *d->axis != '\0') {
        st = buf_printf(out, "<text class=\"ax\" fill=\"#555555\" transform=\"translate(14 %.1f) rotate(-90)\" "
                             "text-anchor=\"middle\">", y0 + plot_h / 2);
        if (st == SAMEN_OK)
            st = svg_chart_escape(out, d->axis);
        if (st == SAMEN_OK)
            st = buf_append_str(out, "</text>\n");
    }
    if (st == SAMEN_OK)
        st = buf_append_str(out, "</svg>\n");
    return st;
}

/* ---- the table of chart types ------------------------------------------------ */

typedef samen_status (*chart_fn)(const svg_chart_data *d, const char *id, buf *out);

static const struct {
    const char *name;
    chart_fn fn;
} charts[SVG_CHART_KIND_COUNT] = {
    [SVG_CHART_STACKED] = {"stacked", chart_stacked},
    [SVG_CHART_DIVERGING] = {"diverging", chart_diverging},
    [SVG_CHART_GROUPED] = {"grouped", chart_grouped},
    [SVG_CHART_DISTRIBUTION] = {"distribution", chart_distribution},
};

int svg_chart_kind_find(const char *name)
{
    for (int i = 0; name != NULL && i < SVG_CHART_KIND_COUNT; i++)
        if (strcmp(charts[i].name, name) == 0)
            return i;
    return -1;
}

const char *svg_chart_kind_name(svg_chart_kind kind)
{
    return (unsigned)kind < SVG_CHART_KIND_COUNT ? charts[kind].name : "?";
}

samen_status svg_chart_render(svg_chart_kind kind, const svg_chart_data *data,
                              const char *id_prefix, buf *out)
{
    if ((unsigned)kind >= SVG_CHART_KIND_COUNT || data == NULL || data->ncat > SVG_CHART_MAX_CATS ||
        data->nser > SVG_CHART_MAX_SERIES || data->nser == 0 || data->values == NULL ||
        id_prefix == NULL || strspn(id_prefix, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                               "0123456789_-") != strlen(id_prefix))
        return SAMEN_EINVAL;
    size_t mark = out->len;
    samen_status st = charts[kind].fn(data, id_prefix, out);
    if (st != SAMEN_OK && out->data != NULL) {
        out->len = mark;
        out->data[mark] = '\0';
    }
    return st;
}
