/* layout.c - builds the Graphviz graph of a network drawing and lays it
 * out with dot (network/layout.h).
 *
 * The drawing's colour code (chapter 3 of the report): red lines for
 * intensive contact, green for decisions, blue for initiative; parties that
 * do not take part in yellow. Waiting parties get a dashed border, less
 * intensive ties a dashed line, groups a cluster around their members
 * (rounded and solid for a unit group, dashed otherwise). Ties with a note
 * carry its number, explained beside the drawing.
 *
 * dot (Gansner et al. 1993, "A technique for drawing directed graphs",
 * IEEE TSE 19(3)) keeps node boxes and edge labels apart, so labels do not
 * overlap, and has no random start, so the same graph gives the same
 * layout. Graphviz's warnings are caught instead of printed.
 */
#include "network/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "network/net_int.h"
#include "util/buf.h"
#include "util/text.h"

#define YELLOW "#ffe14d"

typedef struct kind_style {
    const char *shape;
    const char *style;   /* added to "filled" */
    const char *fill;
} kind_style;

static const kind_style kind_styles[SAMEN_PARTY_KIND_COUNT] = {
    [SAMEN_PARTY_SCHOOL] = {"box", "", "#ffffff"},
    [SAMEN_PARTY_SCHOOL_BOARD] = {"box", "", "#eef2f7"},
    [SAMEN_PARTY_PARTNERSHIP] = {"ellipse", "", "#eef2f7"},
    [SAMEN_PARTY_KINDEROPVANG] = {"box", "rounded", "#ffffff"},
    [SAMEN_PARTY_JEUGDHULP] = {"hexagon", "", "#ffffff"},
    [SAMEN_PARTY_GEMEENTE] = {"octagon", "", "#ffffff"},
    [SAMEN_PARTY_OUDERS] = {"ellipse", "", "#ffffff"},
    [SAMEN_PARTY_LEERLING] = {"ellipse", "", "#ffffff"},
    [SAMEN_PARTY_EXPERTISE_TEAM] = {"box", "rounded", "#eef2f7"},
    [SAMEN_PARTY_PROVISION] = {"box", "rounded", "#ffffff"},
    [SAMEN_PARTY_NEIGHBOURHOOD_TEAM] = {"hexagon", "", "#ffffff"},
    [SAMEN_PARTY_PROJECT] = {"note", "", "#ffffff"},
    [SAMEN_PARTY_OTHER] = {"box", "", "#ffffff"},
};

/* ---- Graphviz messages --------------------------------------------------------- */

static int gv_errors;

static int catch_message(char *msg)
{
    (void)msg;
    gv_errors++;
    return 0;
}

/* ---- object ids ------------------------------------------------------------------ */

/* cgraph's default id discipline uses the address of an object's name as
 * its id and keeps subgraphs ordered by id, so the order of clusters - and
 * with it the layout - would depend on where malloc put the names. This
 * discipline numbers named objects in the order they are created (even
 * ids) and anonymous ones by a counter of the graph (odd ids), so the same
 * drawing gives the same layout in every run and every process. */
typedef struct id_state {
    char **names;   /* owned */
    size_t n, cap;
    IDTYPE anon;
} id_state;

static void *id_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)g;
    (void)disc;
    id_state *st = calloc(1, sizeof *st);
    if (st != NULL)
        st->anon = 1;
    return st;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    id_state *st = state;
    (void)objtype;
    if (str == NULL) {
        *id = st->anon;
        st->anon += 2;
        return 1;
    }
    for (size_t i = 0; i < st->n; i++)
        if (strcmp(st->names[i], str) == 0) {
            *id = (IDTYPE)(2 * (i + 1));
            return 1;
        }
    if (!createflag)
        return 0;
    if (st->n == st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 64;
        char **p = realloc(st->names, cap * sizeof *p);
        if (p == NULL)
            return 0;
        st->names = p;
        st->cap = cap;
    }
    char *copy = text_dup(str);
    if (copy == NULL)
        return 0;
    st->names[st->n++] = copy;
    *id = (IDTYPE)(2 * st->n);
    return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
    return 0;
}

static void id_free(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
}

static char *id_print(void *state, int objtype, IDTYPE id)
{
    id_state *st = state;
    (void)objtype;
    if (id % 2 != 0 || id == 0 || id / 2 > st->n)
        return NULL;
    return st->names[id / 2 - 1];
}

static void id_close(void *state)
{
    id_state *st = state;
    for (size_t i = 0; i < st->n; i++)
        free(st->names[i]);
    free(st->names);
    free(st);
}

static void id_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

static Agiddisc_t id_disc = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};

/* ---- labels -------------------------------------------------------------------- */

static samen_status html_escape(buf *b, const char *s)
{
    samen_status st = SAMEN_OK;
    for (; st == SAMEN_OK && *s; s++) {
        switch (*s) {
        case '&': st = buf_append_str(b, "&amp;"); break;
        case '<': st = buf_append_str(b, "&lt;"); break;
        case '>': st = buf_append_str(b, "&gt;"); break;
        case '"': st = buf_append_str(b, "&quot;"); break;
        case '\n': st = buf_append_str(b, " "); break;
        default: st = buf_append_char(b, *s); break;
        }
    }
    return st;
}

/* Appends s as HTML text broken into lines of about width characters. */
static samen_status html_wrapped(buf *b, const char *s, size_t width)
{
    samen_status st = SAMEN_OK;
    size_t col = 0;
    const char *p = s;
    while (st == SAMEN_OK && *p) {
        const char *sp = strchr(p, ' ');
        size_t wl = sp ? (size_t)(sp - p) : strlen(p);
        char *word = text_ndup(p, wl);
        if (word == NULL)
            return SAMEN_ENOMEM;
        size_t chars = text_utf8_length(word);
        if (col > 0 && col + 1 + chars > width) {
            st = buf_append_str(b, "<BR/>");
            col = 0;
        } else if (col > 0) {
            st = buf_append_char(b, ' ');
            col++;
        }
        if (st == SAMEN_OK)
            st = html_escape(b, word);
        col += chars;
        free(word);
        p += wl;
        while (*p == ' ')
            p++;
    }
    return st;
}

static samen_status party_label(buf *b, const samen_party_info *p)
{
    samen_status st = buf_append_str(b, "<B>");
    if (st == SAMEN_OK)
        st = html_escape(b, p->label);
    if (st == SAMEN_OK)
        st = buf_append_str(b, "</B>");
    const char *extra[2] = {p->function, p->organisation};
    for (int i = 0; i < 2 && st == SAMEN_OK; i++) {
        if (extra[i] == NULL)
            continue;
        st = buf_append_str(b, "<BR/><FONT POINT-SIZE=\"8.5\" COLOR=\"#444444\">");
        if (st == SAMEN_OK)
            st = html_wrapped(b, extra[i], 28);
        if (st == SAMEN_OK)
            st = buf_append_str(b, "</FONT>");
    }
    return st;
}

/* Sets attribute name of object obj to value, declaring it if needed. */
static void set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, "");
}

static void set_html(Agraph_t *g, void *obj, const char *name, const char *html)
{
    char *h = agstrdup_html(g, (char *)html);
    agsafeset(obj, (char *)name, h, "");
    agstrfree(g, h);
}

/* ---- building ------------------------------------------------------------------ */

static samen_status build(const samen_network *net, netlayout *l)
{
    Agraph_t *g = l->g;
    set(g, "rankdir", "TB");
    set(g, "fontname", "Helvetica");
    set(g, "fontsize", "10");
    set(g, "nodesep", "0.35");
    set(g, "ranksep", "0.55");
    set(g, "pad", "0.15");
    agattr(g, AGNODE, "fontname", "Helvetica");
    agattr(g, AGNODE, "fontsize", "10.5");
    agattr(g, AGNODE, "margin", "0.12,0.05");
    agattr(g, AGEDGE, "fontname", "Helvetica");
    agattr(g, AGEDGE, "fontsize", "9");
    agattr(g, AGEDGE, "arrowsize", "0.8");
    size_t np = samen_network_nparties(net), ng = samen_network_ngroups(net);
    l->nodes = calloc(np + 1, sizeof *l->nodes);
    l->clusters = calloc(ng + 1, sizeof *l->clusters);
    if (l->nodes == NULL || l->clusters == NULL)
        return SAMEN_ENOMEM;
    l->nnodes = np;
    l->nclusters = ng;
    buf b;
    buf_init(&b, 64 * 1024);
    samen_status st = SAMEN_OK;
    char name[32];
    for (size_t i = 0; i < ng && st == SAMEN_OK; i++) {
        const samen_group_info *gr = samen_network_group(net, i);
        snprintf(name, sizeof name, "cluster_%zu", i);
        Agraph_t *c = agsubg(g, name, 1);
        if (c == NULL)
            return SAMEN_ENOMEM;
        l->clusters[i] = c;
        buf_reset(&b);
        st = html_escape(&b, gr->label);
        if (st != SAMEN_OK)
            break;
        set_html(g, c, "label", buf_str(&b));
        set(c, "style", gr->unit ? "rounded,bold" : "rounded,dashed");
        set(c, "color", gr->unit ? "#555555" : "#888888");
        set(c, "fontcolor", "#333333");
        set(c, "margin", "12");
    }
    for (size_t i = 0; i < np && st == SAMEN_OK; i++) {
        const samen_party_info *p = samen_network_party(net, i);
        long gi = samen_network_party_group(net, i);
        Agraph_t *home = gi >= 0 ? l->clusters[gi] : g;
        snprintf(name, sizeof name, "p%zu", i);
        Agnode_t *n = agnode(home, name, 1);
        if (n == NULL) {
            st = SAMEN_ENOMEM;
            break;
        }
        l->nodes[i] = n;
        buf_reset(&b);
        st = party_label(&b, p);
        if (st != SAMEN_OK)
            break;
        set_html(g, n, "label", buf_str(&b));
        const kind_style *ks = &kind_styles[p->kind];
        char style[64];
        snprintf(style, sizeof style, "filled%s%s%s", ks->style[0] ? "," : "", ks->style,
                 p->status == SAMEN_PARTICIPATION_WAITING ? ",dashed" : "");
        set(n, "shape", ks->shape);
        set(n, "style", style);
        set(n, "fillcolor", p->status == SAMEN_PARTICIPATION_NOT_TAKING_PART ? YELLOW : ks->fill);
        set(n, "color", p->status == SAMEN_PARTICIPATION_WAITING ? "#777777" : "#333333");
        char id[2 * SAMEN_NETWORK_MAX_ID + 8];
        snprintf(id, sizeof id, "%s--%s", samen_network_get_info(net)->id, p->id);
        set(n, "id", id);
    }
    size_t note = 0;
    for (size_t i = 0; i < samen_network_nties(net) && st == SAMEN_OK; i++) {
        const samen_tie_info *t = samen_network_tie(net, i);
        /* All ties between two parties run the way the first one does, a
         * reverse one with dir=back: dot then spaces them as parallel
         * edges instead of drawing one over the other. */
        size_t tail = t->from, head = t->to;
        for (size_t j = 0; j < i; j++) {
            const samen_tie_info *u = samen_network_tie(net, j);
            if (u->from == t->to && u->to == t->from) {
                tail = t->to;
                head = t->from;
                break;
            }
            if (u->from == t->from && u->to == t->to)
                break;
        }
        bool reversed = tail != t->from;
        Agedge_t *e = agedge(g, l->nodes[tail], l->nodes[head], NULL, 1);
        if (e == NULL) {
            st = SAMEN_ENOMEM;
            break;
        }
        const char *colour = samen_tie_type_colour(t->type);
        set(e, "color", colour);
        set(e, "fontcolor", colour);
        set(e, "penwidth", t->type == SAMEN_TIE_CONTACT ? "2.2" : "1.6");
        if (!samen_tie_type_directed(t->type))
            set(e, "dir", "none");
        else if (reversed)
            set(e, "dir", "back");
        if (t->weak)
            set(e, "style", "dashed");
        if (t->note != NULL) {
            char num[24];
            snprintf(num, sizeof num, "%zu", ++note);
            set(e, "label", num);
        }
    }
    buf_free(&b);
    return st;
}

/* One Graphviz context for the whole process, made on first use and kept:
 * Graphviz 2.42's pango text layout keeps a pointer into the font cache of
 * the context that measured text last, so a second context after the first
 * was freed reads freed memory. Graphviz is not thread-safe; neither is
 * drawing. */
static GVC_t *shared_context(void)
{
    static GVC_t *gvc;
    if (gvc == NULL)
        gvc = gvContext();
    return gvc;
}

samen_status netlayout_run(const samen_network *net, netlayout *l)
{
    memset(l, 0, sizeof *l);
    agseterr(AGERR);
    agseterrf(catch_message);
    gv_errors = 0;
    l->gvc = shared_context();
    if (l->gvc == NULL)
        return SAMEN_ENOMEM;
    static Agdisc_t disc;
    disc.mem = &AgMemDisc;
    disc.id = &id_disc;
    disc.io = &AgIoDisc;
    l->g = agopen("drawing", Agdirected, &disc);
    if (l->g == NULL) {
        netlayout_free(l);
        return SAMEN_ENOMEM;
    }
    samen_status st = build(net, l);
    if (st == SAMEN_OK && (gvLayout(l->gvc, l->g, "dot") != 0 || gv_errors > 0))
        st = SAMEN_EINTERNAL;
    if (st != SAMEN_OK)
        netlayout_free(l);
    return st;
}

void netlayout_free(netlayout *l)
{
    if (l->g != NULL) {
        if (l->gvc != NULL)
            gvFreeLayout(l->gvc, l->g);
        agclose(l->g);
    }
    free(l->nodes);
    free(l->clusters);
    memset(l, 0, sizeof *l);
}

samen_status netlayout_render(netlayout *l, const char *fmt, char **out, size_t *len)
{
    char *data = NULL;
    unsigned int n = 0;
    gv_errors = 0;
    if (gvRenderData(l->gvc, l->g, fmt, &data, &n) != 0 || data == NULL || gv_errors > 0) {
        if (data != NULL)
            gvFreeRenderData(data);
        return SAMEN_EINTERNAL;
    }
    char *copy = text_ndup(data, n);
    gvFreeRenderData(data);
    if (copy == NULL)
        return SAMEN_ENOMEM;
    *out = copy;
    *len = n;
    return SAMEN_OK;
}
