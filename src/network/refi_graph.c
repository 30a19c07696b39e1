/* refi_graph.c - a network drawing as a REFI-QDA graph (QDA-XML 1.0,
 * Project-mrt2019.xsd: GraphType, VertexType, EdgeType;
 * samen/network_exchange.h).
 *
 * Mapping (docs/NETWORKS.md "REFI-QDA"):
 *   1. Each party is a Vertex at its place in the Graphviz layout
 *      (firstX/firstY the top left, secondX/secondY the bottom right, in
 *      points, y downwards); shape Person for parents and pupils, Oval for
 *      partnerships, RoundedRectangle for childcare, expertise teams and
 *      provisions, Rectangle otherwise; colour yellow (#FFE14D) for parties
 *      that do not take part, else the party's fill colour.
 *   2. Each group is a Vertex around its members: shape Oval for a unit
 *      group, RoundedRectangle otherwise.
 *   3. Each tie is an Edge between party vertices: colour red, green or
 *      blue by type, direction Associative for contact and OneWay for
 *      decisions and initiative, lineStyle dashed for less intensive ties
 *      and solid otherwise; its name is the type's label and its note.
 *   4. GUIDs are name-based on the drawing id and the party, group or tie
 *      (type, from, to), so they are the same on every export.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "network/layout.h"
#include "network/net_int.h"
#include "samen/network_exchange.h"

typedef struct writer {
    buf b;
    samen_status st;
} writer;

static void w_str(writer *w, const char *s)
{
    if (w->st == SAMEN_OK)
        w->st = buf_append_str(&w->b, s);
}

static void w_esc(writer *w, const char *s)
{
    if (w->st == SAMEN_OK)
        w->st = net_xml_escape(&w->b, s);
}

static void w_attr(writer *w, const char *name, const char *value)
{
    w_str(w, " ");
    w_str(w, name);
    w_str(w, "=\"");
    w_esc(w, value);
    w_str(w, "\"");
}

static void w_int(writer *w, const char *name, double v)
{
    char num[48];
    snprintf(num, sizeof num, "%ld", (long)lround(v));
    w_attr(w, name, num);
}

static const char *vertex_shape(samen_party_kind k)
{
    switch (k) {
    case SAMEN_PARTY_OUDERS:
    case SAMEN_PARTY_LEERLING:
        return "Person";
    case SAMEN_PARTY_PARTNERSHIP:
        return "Oval";
    case SAMEN_PARTY_KINDEROPVANG:
    case SAMEN_PARTY_EXPERTISE_TEAM:
    case SAMEN_PARTY_PROVISION:
        return "RoundedRectangle";
    default:
        return "Rectangle";
    }
}

static const char *vertex_colour(const samen_party_info *p)
{
    if (p->status == SAMEN_PARTICIPATION_NOT_TAKING_PART)
        return "#FFE14D";
    switch (p->kind) {
    case SAMEN_PARTY_SCHOOL_BOARD:
    case SAMEN_PARTY_PARTNERSHIP:
    case SAMEN_PARTY_EXPERTISE_TEAM:
        return "#EEF2F7";
    default:
        return "#FFFFFF";
    }
}

samen_status samen_network_write_refi_graph(const samen_network *net, const char *lang,
                                            char **out, size_t *len)
{
    netlayout l;
    samen_status st = netlayout_run(net, &l);
    if (st != SAMEN_OK)
        return st;
    writer w = {.st = SAMEN_OK};
    buf_init(&w.b, (size_t)256 * 1024 * 1024);
    const samen_network_info *in = &net->info;
    double top = GD_bb(l.g).UR.y;
    char guid[37], name[3 * SAMEN_NETWORK_MAX_ID + 40];
    net_uuid(in->id, "graph", "", guid);
    w_str(&w, "<Graph");
    w_attr(&w, "guid", guid);
    w_attr(&w, "name", in->title ? in->title : in->id);
    w_str(&w, ">\n");
    for (size_t i = 0; i < net->nparties; i++) {
        const samen_party_info *p = &net->parties[i];
        Agnode_t *n = l.nodes[i];
        double cx = ND_coord(n).x, cy = ND_coord(n).y;
        double hw = ND_width(n) * 72.0 / 2.0, hh = ND_height(n) * 72.0 / 2.0;
        net_uuid(in->id, "party", p->id, guid);
        w_str(&w, "  <Vertex");
        w_attr(&w, "guid", guid);
        w_attr(&w, "name", p->label);
        w_int(&w, "firstX", cx - hw);
        w_int(&w, "firstY", top - (cy + hh));
        w_int(&w, "secondX", cx + hw);
        w_int(&w, "secondY", top - (cy - hh));
        w_attr(&w, "shape", vertex_shape(p->kind));
        w_attr(&w, "color", vertex_colour(p));
        w_str(&w, "/>\n");
    }
    for (size_t i = 0; i < net->ngroups; i++) {
        const samen_group_info *g = &net->groups[i];
        boxf bb = GD_bb(l.clusters[i]);
        net_uuid(in->id, "group", g->id, guid);
        w_str(&w, "  <Vertex");
        w_attr(&w, "guid", guid);
        w_attr(&w, "name", g->label);
        w_int(&w, "firstX", bb.LL.x);
        w_int(&w, "firstY", top - bb.UR.y);
        w_int(&w, "secondX", bb.UR.x);
        w_int(&w, "secondY", top - bb.LL.y);
        w_attr(&w, "shape", g->unit ? "Oval" : "RoundedRectangle");
        w_attr(&w, "color", "#DDDDDD");
        w_str(&w, "/>\n");
    }
    for (size_t i = 0; i < net->nties; i++) {
        const samen_tie_info *t = &net->ties[i];
        const char *from = net->parties[t->from].id, *to = net->parties[t->to].id;
        snprintf(name, sizeof name, "%s:%s>%s",
                 samen_network_code(SAMEN_NETVOCAB_TIE_TYPE, (int)t->type), from, to);
        net_uuid(in->id, "tie", name, guid);
        w_str(&w, "  <Edge");
        w_attr(&w, "guid", guid);
        const char *label = samen_network_label(SAMEN_NETVOCAB_TIE_TYPE, (int)t->type, lang);
        if (t->note != NULL) {
            buf nb;
            buf_init(&nb, SAMEN_NETWORK_MAX_TEXT + 256);
            samen_status s2 = buf_printf(&nb, "%s: %s", label, t->note);
            if (s2 == SAMEN_OK)
                w_attr(&w, "name", buf_str(&nb));
            else if (w.st == SAMEN_OK)
                w.st = s2;
            buf_free(&nb);
        } else {
            w_attr(&w, "name", label);
        }
        char g1[37], g2[37];
        net_uuid(in->id, "party", from, g1);
        net_uuid(in->id, "party", to, g2);
        w_attr(&w, "sourceVertex", g1);
        w_attr(&w, "targetVertex", g2);
        char colour[8];
        snprintf(colour, sizeof colour, "%s", samen_tie_type_colour(t->type));
        for (char *c = colour; *c; c++)
            if (*c >= 'a' && *c <= 'f')
                *c = (char)(*c - 'a' + 'A');
        w_attr(&w, "color", colour);
        w_attr(&w, "direction", samen_tie_type_directed(t->type) ? "OneWay" : "Associative");
        w_attr(&w, "lineStyle", t->weak ? "dashed" : "solid");
        w_str(&w, "/>\n");
    }
    w_str(&w, "</Graph>\n");
    netlayout_free(&l);
    if (w.st != SAMEN_OK) {
        buf_free(&w.b);
        return w.st;
    }
    *len = w.b.len;
    *out = buf_take(&w.b);
    return *out != NULL ? SAMEN_OK : SAMEN_ENOMEM;
}

samen_status samen_network_write_refi(const samen_network *net, const char *lang, char **out,
                                      size_t *len)
{
    char *graph = NULL;
    size_t glen = 0;
    samen_status st = samen_network_write_refi_graph(net, lang, &graph, &glen);
    if (st != SAMEN_OK)
        return st;
    const samen_network_info *in = &net->info;
    writer w = {.st = SAMEN_OK};
    buf_init(&w.b, (size_t)256 * 1024 * 1024);
    w_str(&w,
          "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\"");
    w_attr(&w, "name", in->title ? in->title : in->id);
    w_attr(&w, "origin", "samen");
    w_str(&w, ">\n<Graphs>\n");
    w_str(&w, graph);
    w_str(&w, "</Graphs>\n<Description>");
    char desc[600];
    snprintf(desc, sizeof desc, "Network drawing %s: region %s, wave %d, meeting %s, %s%s.",
             in->id, in->region, in->wave, in->meeting,
             samen_network_code(SAMEN_NETVOCAB_VARIANT, (int)in->variant),
             in->reconstructed ? ", reconstructed from a text" : "");
    w_esc(&w, desc);
    w_str(&w, "</Description>\n</Project>\n");
    free(graph);
    if (w.st != SAMEN_OK) {
        buf_free(&w.b);
        return w.st;
    }
    *len = w.b.len;
    *out = buf_take(&w.b);
    return *out != NULL ? SAMEN_OK : SAMEN_ENOMEM;
}
