/* render_svg.c - a network drawing as one SVG document with its legend and
 * metrics (samen/network_render.h).
 *
 * Graphviz lays out and draws the graph (network/layout.c); this file
 * takes the drawing's group from Graphviz's SVG (leaving out the XML
 * prologue, the DOCTYPE and the comment naming Graphviz's version) and
 * places it under a title, beside a legend in the study's colour code and
 * the metrics of samen/network_metrics.h. Texts outside the drawing are
 * written here, in Dutch or English; numbers use a decimal comma in Dutch.
 * Every text is XML-escaped.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "network/layout.h"
#include "network/net_int.h"
#include "samen/network_metrics.h"
#include "samen/network_render.h"
#include "samen/vocab.h"
#include "util/text.h"

#define MARGIN 12.0
#define PANEL_GAP 20.0
#define PANEL_WIDTH 270.0
#define LINE 14.0
#define WRAP 50
#define FONT "Helvetica,Arial,sans-serif"

/* Graphviz 2.42's dot layout and its font handling keep a few allocations
 * until exit, and the shared Graphviz context (layout.c) lives as long as
 * the process. Under AddressSanitizer, LeakSanitizer would report them for
 * every program that draws, so they are suppressed here, by library name.
 * This is the one definition of the hook in libsamen. */
#if defined(__SANITIZE_ADDRESS__)
#define NET_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NET_UNDER_ASAN 1
#endif
#endif
#ifdef NET_UNDER_ASAN
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so\nleak:libcgraph.so\nleak:libgvplugin_\nleak:libfontconfig.so\n"
           "leak:libpango\nleak:libglib-2.0.so\nleak:libcairo.so\nleak:libgobject-2.0.so\n";
}
#endif

typedef struct words {
    const char *legend, *weak, *not_taking_part, *waiting, *group, *unit_group, *metrics,
        *parties, *ties, *density, *degree, *betweenness, *components, *isolates, *pendants,
        *brokers, *most_central, *structure, *hub, *reciprocity, *notes, *reconstructed,
        *region, *wave;
} words;

static const words nl_words = {
    "Legenda", "minder intensief", "neemt niet deel", "afwachtend", "groep",
    "groep die als één partij telt", "Kengetallen", "partijen", "banden", "dichtheid",
    "degreecentralisatie", "betweennesscentralisatie", "componenten", "geïsoleerd",
    "alleen via één makelaar bereikt", "makelaars", "meest centraal", "structuur", "spil",
    "wederkerigheid initiatief", "Toelichting",
    "Reconstructie op basis van de tekst van het rapport, geen kopie van de oorspronkelijke "
    "tekening",
    "samenwerkingsverband", "meting"};

static const words en_words = {
    "Legend", "less intensive", "does not take part", "waiting", "group",
    "group counted as one party", "Metrics", "parties", "ties", "density",
    "degree centralization", "betweenness centralization", "components", "isolated",
    "reached only through one broker", "brokers", "most central", "structure", "hub",
    "reciprocity of initiative", "Notes",
    "Reconstructed from the report's text; not a copy of the original drawing", "partnership",
    "wave"};

typedef struct svg {
    buf b;
    samen_status st;
    bool nl;
} svg;

static void put(svg *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(svg *s, const char *fmt, ...)
{
    if (s->st != SAMEN_OK)
        return;
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp)
        s->st = SAMEN_EINTERNAL;
    else
        s->st = buf_append(&s->b, tmp, (size_t)n);
}

static void put_text(svg *s, const char *text)
{
    if (s->st == SAMEN_OK)
        s->st = net_xml_escape(&s->b, text);
}

/* A number with two decimals (decimal comma in Dutch), or "–" when
 * undefined. */
static void number(const svg *s, double x, char out[32])
{
    if (isnan(x)) {
        snprintf(out, 32, "\xe2\x80\x93");
        return;
    }
    snprintf(out, 32, "%.2f", x);
    char *dot = strchr(out, '.');
    if (dot != NULL && s->nl)
        *dot = ',';
}

/* One line of text at (x, y); style is extra attributes or "". */
static void text_line(svg *s, double x, double y, double size, const char *style,
                      const char *text)
{
    put(s, "<text x=\"%.1f\" y=\"%.1f\" font-family=\"%s\" font-size=\"%.1f\"%s>", x, y, FONT,
        size, style);
    put_text(s, text);
    put(s, "</text>\n");
}

/* Breaks text into lines of at most width characters at spaces; calls
 * line() for each. Returns the number of lines. */
static int wrapped(svg *s, double x, double y, double size, const char *style, const char *text,
                   size_t width)
{
    buf line;
    buf_init(&line, 8192);
    int lines = 0;
    const char *p = text;
    while (*p && s->st == SAMEN_OK) {
        while (*p == ' ' || *p == '\n')
            p++;
        buf_reset(&line);
        size_t chars = 0;
        while (*p && *p != '\n') {
            const char *sp = p;
            while (*sp && *sp != ' ' && *sp != '\n')
                sp++;
            char *word = text_ndup(p, (size_t)(sp - p));
            if (word == NULL) {
                s->st = SAMEN_ENOMEM;
                break;
            }
            size_t wl = text_utf8_length(word);
            if (chars > 0 && chars + 1 + wl > width) {
                free(word);
                break;
            }
            if (chars > 0)
                buf_append_char(&line, ' ');
            buf_append_str(&line, word);
            chars += (chars > 0) + wl;
            free(word);
            p = sp;
            while (*p == ' ')
                p++;
        }
        if (line.len > 0) {
            text_line(s, x, y + lines * (size + 3), size, style, buf_str(&line));
            lines++;
        }
    }
    buf_free(&line);
    return lines;
}

/* ---- the legend ---------------------------------------------------------------- */

static void arrowhead(svg *s, double x, double y, const char *colour)
{
    put(s, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\" stroke=\"%s\"/>\n", x,
        y, x - 7, y - 3.5, x - 7, y + 3.5, colour, colour);
}

static double legend(svg *s, const words *w, const char *lang, double x, double y)
{
    put(s, "<g id=\"legend\">\n");
    text_line(s, x, y, 12, " font-weight=\"bold\"", w->legend);
    y += 18;
    for (int t = 0; t < SAMEN_TIE_TYPE_COUNT; t++) {
        const char *colour = samen_tie_type_colour((samen_tie_type)t);
        put(s, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
               "stroke-width=\"%s\"/>\n",
            x, y - 4, x + 36, y - 4, colour, t == SAMEN_TIE_CONTACT ? "2.2" : "1.6");
        if (samen_tie_type_directed((samen_tie_type)t))
            arrowhead(s, x + 38, y - 4, colour);
        text_line(s, x + 46, y, 10, "", samen_network_label(SAMEN_NETVOCAB_TIE_TYPE, t, lang));
        y += 16;
    }
    put(s, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555555\" "
           "stroke-width=\"1.6\" stroke-dasharray=\"5,2\"/>\n",
        x, y - 4, x + 36, y - 4);
    text_line(s, x + 46, y, 10, "", w->weak);
    y += 16;
    put(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"36\" height=\"12\" fill=\"#ffe14d\" "
           "stroke=\"#333333\"/>\n",
        x, y - 10);
    text_line(s, x + 46, y, 10, "", w->not_taking_part);
    y += 16;
    put(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"36\" height=\"12\" fill=\"#ffffff\" "
           "stroke=\"#777777\" stroke-dasharray=\"5,2\"/>\n",
        x, y - 10);
    text_line(s, x + 46, y, 10, "", w->waiting);
    y += 16;
    put(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"36\" height=\"12\" rx=\"4\" fill=\"none\" "
           "stroke=\"#888888\" stroke-dasharray=\"5,2\"/>\n",
        x, y - 10);
    text_line(s, x + 46, y, 10, "", w->group);
    y += 16;
    put(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"36\" height=\"12\" rx=\"4\" fill=\"none\" "
           "stroke=\"#555555\" stroke-width=\"2\"/>\n",
        x, y - 10);
    text_line(s, x + 46, y, 10, "", w->unit_group);
    y += 16;
    put(s, "</g>\n");
    return y;
}

/* ---- the metrics ----------------------------------------------------------------- */

static void metric(svg *s, double x, double *y, const char *name, const char *value)
{
    char line[600];
    snprintf(line, sizeof line, "%s: %s", name, value);
    int n = wrapped(s, x, *y, 10, "", line, WRAP);
    *y += (n > 0 ? n : 1) * 13;
}

static double metrics_panel(svg *s, const words *w, const char *lang, const samen_network *net,
                            const samen_network_metrics *m, double x, double y)
{
    const samen_network_summary *o = samen_network_metrics_overall(m);
    const samen_network_class_info *c = samen_network_metrics_class(m);
    char v[400], num[32];
    put(s, "<g id=\"metrics\">\n");
    text_line(s, x, y, 12, " font-weight=\"bold\"", w->metrics);
    y += 18;
    snprintf(v, sizeof v, "%zu", o->parties);
    metric(s, x, &y, w->parties, v);
    size_t used = (size_t)snprintf(v, sizeof v, "%zu (", o->ties);
    for (int t = 0; t < SAMEN_TIE_TYPE_COUNT && used < sizeof v; t++)
        used += (size_t)snprintf(v + used, sizeof v - used, "%s%s %zu", t ? ", " : "",
                                 samen_network_label(SAMEN_NETVOCAB_TIE_TYPE, t, lang),
                                 samen_network_metrics_type(m, (samen_tie_type)t)->ties);
    if (used < sizeof v)
        snprintf(v + used, sizeof v - used, ")");
    metric(s, x, &y, w->ties, v);
    number(s, o->density, num);
    metric(s, x, &y, w->density, num);
    number(s, o->degree_centralization, num);
    metric(s, x, &y, w->degree, num);
    number(s, o->betweenness_centralization, num);
    metric(s, x, &y, w->betweenness, num);
    snprintf(v, sizeof v, "%zu", o->components);
    metric(s, x, &y, w->components, v);
    snprintf(v, sizeof v, "%zu", o->isolates);
    metric(s, x, &y, w->isolates, v);
    snprintf(v, sizeof v, "%zu", o->pendants);
    metric(s, x, &y, w->pendants, v);
    snprintf(v, sizeof v, "%zu", o->brokers);
    metric(s, x, &y, w->brokers, v);
    number(s, samen_network_metrics_type(m, SAMEN_TIE_INITIATIVE)->reciprocity, num);
    metric(s, x, &y, w->reciprocity, num);
    if (o->most_central != SAMEN_NETWORK_NONE)
        metric(s, x, &y, w->most_central, samen_network_party(net, o->most_central)->label);
    const char *cls = samen_network_label(SAMEN_NETVOCAB_CLASS, (int)c->cls, lang);
    if (c->cls == SAMEN_CLASS_STAR && c->hub_label != NULL)
        snprintf(v, sizeof v, "%s (%s: %s)", cls, w->hub, c->hub_label);
    else
        snprintf(v, sizeof v, "%s", cls);
    metric(s, x, &y, w->structure, v);
    put(s, "</g>\n");
    return y;
}

static double notes_panel(svg *s, const words *w, const samen_network *net, double x, double y)
{
    size_t k = 0;
    for (size_t i = 0; i < samen_network_nties(net); i++) {
        const samen_tie_info *t = samen_network_tie(net, i);
        if (t->note == NULL)
            continue;
        if (k == 0) {
            put(s, "<g id=\"notes\">\n");
            text_line(s, x, y, 12, " font-weight=\"bold\"", w->notes);
            y += 18;
        }
        char line[SAMEN_NETWORK_MAX_TEXT + 32];
        snprintf(line, sizeof line, "%zu. %s", ++k, t->note);
        int n = wrapped(s, x, y, 9.5, "", line, WRAP + 2);
        y += n * 12.5 + 3;
    }
    if (k > 0)
        put(s, "</g>\n");
    return y;
}

/* ---- the document ------------------------------------------------------------------ */

/* Finds the drawing's <g id="graph0" ...> ... </g> in Graphviz's SVG and
 * its size from the viewBox. */
static bool graph_part(const char *gsvg, const char **start, size_t *len, double *w, double *h)
{
    const char *vb = strstr(gsvg, "viewBox=\"");
    const char *g = strstr(gsvg, "<g id=\"graph0\"");
    const char *end = NULL;
    for (const char *p = gsvg; (p = strstr(p, "</svg>")) != NULL; p++)
        end = p;
    if (vb == NULL || g == NULL || end == NULL || end < g)
        return false;
    char *e = NULL;
    double v[4];
    const char *p = vb + 9;
    for (int i = 0; i < 4; i++) {
        v[i] = strtod(p, &e);
        if (e == p)
            return false;
        p = e;
    }
    *w = v[2];
    *h = v[3];
    *start = g;
    *len = (size_t)(end - g);
    return true;
}

samen_status samen_network_render_svg(const samen_network *net,
                                      const samen_network_render_options *opts, char **out,
                                      size_t *len)
{
    samen_network_render_options dflt = {0};
    if (opts == NULL)
        opts = &dflt;
    const char *lang = opts->lang != NULL && strcmp(opts->lang, "en") == 0 ? "en" : "nl";
    const words *w = strcmp(lang, "en") == 0 ? &en_words : &nl_words;
    netlayout l;
    samen_status st = netlayout_run(net, &l);
    if (st != SAMEN_OK)
        return st;
    char *gsvg = NULL;
    size_t glen = 0;
    st = netlayout_render(&l, "svg", &gsvg, &glen);
    netlayout_free(&l);
    if (st != SAMEN_OK)
        return st;
    samen_network_metrics *m = NULL;
    const char *part = NULL;
    size_t part_len = 0;
    double gw = 0, gh = 0;
    if (!graph_part(gsvg, &part, &part_len, &gw, &gh)) {
        free(gsvg);
        return SAMEN_EINTERNAL;
    }
    st = samen_network_measure(net, &m);
    if (st != SAMEN_OK) {
        free(gsvg);
        return st;
    }
    svg s = {.st = SAMEN_OK, .nl = strcmp(lang, "nl") == 0};
    buf_init(&s.b, (size_t)256 * 1024 * 1024);
    const samen_network_info *in = samen_network_get_info(net);

    /* Title block. */
    double title_h = in->reconstructed ? 66 : 50;
    bool panel = !opts->no_legend || !opts->no_metrics;
    double px = MARGIN + gw + PANEL_GAP;
    /* The panel is drawn first into a separate buffer to learn its height. */
    svg p = {.st = SAMEN_OK, .nl = s.nl};
    buf_init(&p.b, (size_t)16 * 1024 * 1024);
    double py = title_h + 14;
    if (!opts->no_legend)
        py = legend(&p, w, lang, px, py) + 10;
    if (!opts->no_metrics)
        py = metrics_panel(&p, w, lang, net, m, px, py) + 10;
    py = notes_panel(&p, w, net, px, py);
    double width = panel ? px + PANEL_WIDTH + MARGIN : MARGIN + gw + MARGIN;
    double height = title_h + gh + MARGIN;
    if (py + MARGIN > height)
        height = py + MARGIN;

    put(&s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
        "width=\"%.0fpt\" height=\"%.0fpt\" viewBox=\"0 0 %.0f %.0f\" class=\"samen-network\">\n",
        ceil(width), ceil(height), ceil(width), ceil(height));
    put(&s, "<title>");
    put_text(&s, in->title ? in->title : in->id);
    put(&s,
        "</title>\n<rect x=\"0\" y=\"0\" width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n");
    put(&s, "<g id=\"heading\">\n");
    text_line(&s, MARGIN, 22, 14, " font-weight=\"bold\"", in->title ? in->title : in->id);
    char sub[800];
    const char *sit = in->situation >= 0
                          ? samen_vocab_label(SAMEN_ATTR_SITUATION, in->situation, lang)
                          : NULL;
    snprintf(sub, sizeof sub, "%s %s%s%s \xc2\xb7 %s %d \xc2\xb7 %s \xc2\xb7 %s", w->region,
             in->region, sit ? " \xc2\xb7 " : "", sit ? sit : "", w->wave, in->wave, in->meeting,
             samen_network_label(SAMEN_NETVOCAB_VARIANT, (int)in->variant, lang));
    text_line(&s, MARGIN, 39, 10, " fill=\"#333333\"", sub);
    if (in->reconstructed)
        text_line(&s, MARGIN, 55, 9.5, " font-style=\"italic\" fill=\"#a33a00\"",
                  w->reconstructed);
    put(&s, "</g>\n");
    put(&s, "<g id=\"drawing\" transform=\"translate(%.1f,%.1f)\">\n", MARGIN, title_h);
    if (s.st == SAMEN_OK)
        s.st = buf_append(&s.b, part, part_len);
    put(&s, "</g>\n");
    if (panel && s.st == SAMEN_OK)
        s.st = p.st != SAMEN_OK ? p.st : buf_append(&s.b, p.b.data ? p.b.data : "", p.b.len);
    put(&s, "</svg>\n");
    buf_free(&p.b);
    free(gsvg);
    samen_network_metrics_destroy(m);
    if (s.st != SAMEN_OK) {
        buf_free(&s.b);
        return s.st;
    }
    *len = s.b.len;
    *out = buf_take(&s.b);
    return *out != NULL ? SAMEN_OK : SAMEN_ENOMEM;
}
