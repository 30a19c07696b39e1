/* graphml.c - network drawings as GraphML (samen/network_exchange.h;
 * GraphML Primer, graphdrawing.org, 2002-2004; keys in docs/NETWORKS.md).
 *
 * Writing: a directed graph (edgedefault="directed"); contact ties carry
 * directed="false". Each field of the drawing is a <data> value under a
 * declared <key>: graph keys for the header and the groups (as JSON),
 * node keys for the parties, edge keys for the ties. Text is XML-escaped.
 *
 * Reading (rules):
 *   1. The first <graph> of <graphml> is read; a nested graph or a
 *      hyperedge is refused.
 *   2. Values are found by the key's attr.name (falling back on the key's
 *      <default>), so files from Gephi, igraph or yEd are read when they
 *      use the same names; unknown keys are ignored.
 *   3. A node's label defaults to its id, its kind to "other", its status
 *      to "active". A node's "group" places it in a group; groups not
 *      described by the graph's "groups" value get their id as label.
 *   4. An edge's type is its "type" value; without one, a directed edge
 *      (its directed attribute, else the graph's edgedefault) is
 *      initiative and an undirected one contact.
 *   5. Header fields missing in the file come from the caller's defaults;
 *      a required field missing in both is reported.
 *   6. Everything then passes the rules of drawing.c; each problem is
 *      reported at the line and column of its element.
 */
#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "network/net_int.h"
#include "network/xml.h"
#include "samen/network_exchange.h"
#include "util/text.h"

/* ---- writing ------------------------------------------------------------------ */

typedef struct key_def {
    const char *id, *domain, *name, *type;
} key_def;

static const key_def keys[] = {
    {"g_id", "graph", "id", "string"},
    {"g_title", "graph", "title", "string"},
    {"g_region", "graph", "region", "string"},
    {"g_situation", "graph", "situation", "string"},
    {"g_wave", "graph", "wave", "int"},
    {"g_meeting", "graph", "meeting", "string"},
    {"g_variant", "graph", "variant", "string"},
    {"g_drawn_by", "graph", "drawn_by", "string"},
    {"g_reconstructed", "graph", "reconstructed", "boolean"},
    {"g_source", "graph", "source", "string"},
    {"g_note", "graph", "note", "string"},
    {"g_groups", "graph", "groups", "string"},
    {"n_label", "node", "label", "string"},
    {"n_function", "node", "function", "string"},
    {"n_organisation", "node", "organisation", "string"},
    {"n_kind", "node", "kind", "string"},
    {"n_status", "node", "status", "string"},
    {"n_group", "node", "group", "string"},
    {"n_note", "node", "note", "string"},
    {"e_type", "edge", "type", "string"},
    {"e_weak", "edge", "weak", "boolean"},
    {"e_note", "edge", "note", "string"},
    {"e_color", "edge", "color", "string"},
};

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

static void w_data(writer *w, const char *indent, const char *key, const char *value)
{
    if (value == NULL)
        return;
    w_str(w, indent);
    w_str(w, "<data key=\"");
    w_str(w, key);
    w_str(w, "\">");
    w_esc(w, value);
    w_str(w, "</data>\n");
}

/* The groups as a JSON array (id, label, unit, note); NULL without groups. */
static char *groups_json(const samen_network *net, samen_status *st)
{
    *st = SAMEN_OK;
    if (net->ngroups == 0)
        return NULL;
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr != NULL && i < net->ngroups; i++) {
        const samen_group_info *g = &net->groups[i];
        cJSON *o = cJSON_CreateObject();
        if (o == NULL || !cJSON_AddItemToArray(arr, o) ||
            cJSON_AddStringToObject(o, "id", g->id) == NULL ||
            cJSON_AddStringToObject(o, "label", g->label) == NULL ||
            cJSON_AddBoolToObject(o, "unit", g->unit) == NULL ||
            (g->note != NULL && cJSON_AddStringToObject(o, "note", g->note) == NULL)) {
            cJSON_Delete(arr);
            arr = NULL;
        }
    }
    char *text = arr != NULL ? cJSON_PrintUnformatted(arr) : NULL;
    cJSON_Delete(arr);
    if (text == NULL)
        *st = SAMEN_ENOMEM;
    return text;
}

samen_status samen_network_write_graphml(const samen_network *net, char **out, size_t *len)
{
    writer w = {.st = SAMEN_OK};
    buf_init(&w.b, (size_t)256 * 1024 * 1024);
    const samen_network_info *in = &net->info;
    w_str(&w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
              "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
              "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
              "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
              "  <!-- A network drawing written by samen (docs/NETWORKS.md). Contact ties are "
              "undirected (directed=\"false\"); decisions and initiative are directed. -->\n");
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        if (w.st == SAMEN_OK)
            w.st = buf_printf(&w.b,
                              "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                              keys[i].id, keys[i].domain, keys[i].name, keys[i].type);
    }
    w_str(&w, "  <graph id=\"");
    w_esc(&w, in->id);
    w_str(&w, "\" edgedefault=\"directed\">\n");
    char num[32];
    w_data(&w, "    ", "g_id", in->id);
    w_data(&w, "    ", "g_title", in->title);
    w_data(&w, "    ", "g_region", in->region);
    if (in->situation >= 0)
        w_data(&w, "    ", "g_situation", samen_vocab_code(SAMEN_ATTR_SITUATION, in->situation));
    snprintf(num, sizeof num, "%d", in->wave);
    w_data(&w, "    ", "g_wave", num);
    w_data(&w, "    ", "g_meeting", in->meeting);
    w_data(&w, "    ", "g_variant", samen_network_code(SAMEN_NETVOCAB_VARIANT, (int)in->variant));
    w_data(&w, "    ", "g_drawn_by", in->drawn_by);
    w_data(&w, "    ", "g_reconstructed", in->reconstructed ? "true" : "false");
    w_data(&w, "    ", "g_source", in->source);
    w_data(&w, "    ", "g_note", in->note);
    samen_status gst;
    char *groups = groups_json(net, &gst);
    if (w.st == SAMEN_OK)
        w.st = gst;
    w_data(&w, "    ", "g_groups", groups);
    cJSON_free(groups);
    for (size_t i = 0; i < net->nparties; i++) {
        const samen_party_info *p = &net->parties[i];
        w_str(&w, "    <node id=\"");
        w_esc(&w, p->id);
        w_str(&w, "\">\n");
        w_data(&w, "      ", "n_label", p->label);
        w_data(&w, "      ", "n_function", p->function);
        w_data(&w, "      ", "n_organisation", p->organisation);
        w_data(&w, "      ", "n_kind", samen_network_code(SAMEN_NETVOCAB_PARTY_KIND, (int)p->kind));
        w_data(&w, "      ", "n_status",
               samen_network_code(SAMEN_NETVOCAB_PARTICIPATION, (int)p->status));
        if (net->party_group[i] >= 0)
            w_data(&w, "      ", "n_group", net->groups[net->party_group[i]].id);
        w_data(&w, "      ", "n_note", p->note);
        w_str(&w, "    </node>\n");
    }
    for (size_t i = 0; i < net->nties; i++) {
        const samen_tie_info *t = &net->ties[i];
        bool directed = samen_tie_type_directed(t->type);
        if (w.st == SAMEN_OK)
            w.st = buf_printf(&w.b, "    <edge id=\"e%zu\" source=\"", i);
        w_esc(&w, net->parties[t->from].id);
        w_str(&w, "\" target=\"");
        w_esc(&w, net->parties[t->to].id);
        w_str(&w, directed ? "\">\n" : "\" directed=\"false\">\n");
        w_data(&w, "      ", "e_type", samen_network_code(SAMEN_NETVOCAB_TIE_TYPE, (int)t->type));
        w_data(&w, "      ", "e_weak", t->weak ? "true" : "false");
        w_data(&w, "      ", "e_note", t->note);
        w_data(&w, "      ", "e_color", samen_tie_type_colour(t->type));
        w_str(&w, "    </edge>\n");
    }
    w_str(&w, "  </graph>\n</graphml>\n");
    if (w.st != SAMEN_OK) {
        buf_free(&w.b);
        return w.st;
    }
    *len = w.b.len;
    *out = buf_take(&w.b);
    return *out != NULL ? SAMEN_OK : SAMEN_ENOMEM;
}

/* ---- reading ------------------------------------------------------------------ */

typedef struct gkey {
    const char *id, *domain, *name, *dflt;
} gkey;

typedef struct reader {
    const char *name;
    samen_diag *d;
    gkey *keys;
    size_t nkeys;
    bool edge_directed;   /* the graph's edgedefault */
    bool oom;
} reader;

static void rerr(reader *R, const netxml_node *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void rerr(reader *R, const netxml_node *at, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    samen_diag_add(R->d, R->name, at ? at->line : 0, at ? at->column : 0, "%s", msg);
}

/* The value of field name for element el of domain (rule 2), or NULL. */
static const char *value_of(const reader *R, const netxml_node *el, const char *domain,
                            const char *name)
{
    const gkey *k = NULL;
    for (size_t i = 0; i < R->nkeys; i++) {
        const gkey *c = &R->keys[i];
        if (strcmp(c->name, name) == 0 &&
            (strcmp(c->domain, domain) == 0 || strcmp(c->domain, "all") == 0)) {
            k = c;
            break;
        }
    }
    if (k == NULL)
        return NULL;
    for (const netxml_node *c = el->child; c != NULL; c = c->next) {
        const char *key = netxml_attr_get(c, "key");
        if (strcmp(c->name, "data") == 0 && key != NULL && strcmp(key, k->id) == 0)
            return c->text;
    }
    return k->dflt;
}

/* The <data> element giving field name of el, for positions; else el. */
static const netxml_node *where(const reader *R, const netxml_node *el, const char *domain,
                                const char *name)
{
    for (size_t i = 0; i < R->nkeys; i++) {
        const gkey *k = &R->keys[i];
        if (strcmp(k->name, name) != 0 ||
            !(strcmp(k->domain, domain) == 0 || strcmp(k->domain, "all") == 0))
            continue;
        for (const netxml_node *c = el->child; c != NULL; c = c->next) {
            const char *key = netxml_attr_get(c, "key");
            if (strcmp(c->name, "data") == 0 && key != NULL && strcmp(key, k->id) == 0)
                return c;
        }
    }
    return el;
}

static bool read_keys(reader *R, const netxml_node *root)
{
    size_t n = 0;
    for (const netxml_node *c = root->child; c != NULL; c = c->next)
        n += strcmp(c->name, "key") == 0;
    R->keys = calloc(n + 1, sizeof *R->keys);
    if (R->keys == NULL) {
        R->oom = true;
        return false;
    }
    for (const netxml_node *c = root->child; c != NULL; c = c->next) {
        if (strcmp(c->name, "key") != 0)
            continue;
        gkey *k = &R->keys[R->nkeys];
        k->id = netxml_attr_get(c, "id");
        k->domain = netxml_attr_get(c, "for");
        k->name = netxml_attr_get(c, "attr.name");
        if (k->id == NULL) {
            rerr(R, c, "a <key> needs an id");
            continue;
        }
        if (k->domain == NULL)
            k->domain = "all";
        if (k->name == NULL)
            k->name = k->id;
        for (const netxml_node *dd = c->child; dd != NULL; dd = dd->next)
            if (strcmp(dd->name, "default") == 0)
                k->dflt = dd->text;
        R->nkeys++;
    }
    return true;
}

static bool is_true(const char *s)
{
    return s != NULL && (text_ieq(s, "true") || strcmp(s, "1") == 0);
}

static bool bool_ok(const char *s)
{
    return s == NULL || text_ieq(s, "true") || text_ieq(s, "false") || strcmp(s, "1") == 0 ||
           strcmp(s, "0") == 0;
}

/* Rule 5: the header from the graph's data and the defaults. */
static bool read_header(reader *R, const netxml_node *graph, const samen_network_info *dflt,
                        samen_network_info *info)
{
    size_t before = samen_diag_count(R->d);
    samen_network_info none = {.situation = -1};
    if (dflt == NULL)
        dflt = &none;
    memset(info, 0, sizeof *info);
    const char *v;
    info->id = value_of(R, graph, "graph", "id");
    if (info->id == NULL)
        info->id = dflt->id;
    if (info->id == NULL)
        info->id = netxml_attr_get(graph, "id");
    info->title = (v = value_of(R, graph, "graph", "title")) ? v : dflt->title;
    info->region = (v = value_of(R, graph, "graph", "region")) ? v : dflt->region;
    info->meeting = (v = value_of(R, graph, "graph", "meeting")) ? v : dflt->meeting;
    info->drawn_by = (v = value_of(R, graph, "graph", "drawn_by")) ? v : dflt->drawn_by;
    info->source = (v = value_of(R, graph, "graph", "source")) ? v : dflt->source;
    info->note = (v = value_of(R, graph, "graph", "note")) ? v : dflt->note;
    info->situation = dflt->situation;
    if ((v = value_of(R, graph, "graph", "situation")) != NULL) {
        info->situation = samen_vocab_lookup(SAMEN_ATTR_SITUATION, v);
        if (info->situation < 0)
            rerr(R, where(R, graph, "graph", "situation"), "'%s' is not a situation", v);
    }
    info->wave = dflt->wave;
    if ((v = value_of(R, graph, "graph", "wave")) != NULL) {
        long wave = 0;
        if (!text_parse_long(v, &wave) || wave < 1990 || wave > 2100)
            rerr(R, where(R, graph, "graph", "wave"), "a wave is a year (1990-2100), not '%s'", v);
        info->wave = (int)wave;
    }
    info->variant = dflt->variant;
    if ((v = value_of(R, graph, "graph", "variant")) != NULL) {
        int x = samen_network_lookup(SAMEN_NETVOCAB_VARIANT, v);
        if (x < 0)
            rerr(R, where(R, graph, "graph", "variant"), "variant is current or desired, not '%s'",
                 v);
        else
            info->variant = (samen_network_variant)x;
    }
    info->reconstructed = dflt->reconstructed;
    if ((v = value_of(R, graph, "graph", "reconstructed")) != NULL)
        info->reconstructed = is_true(v);
    if (info->id == NULL || !net_id_valid(info->id))
        rerr(R, graph, "the drawing needs an id of 1-64 letters, digits, '_', '-' or '.' (got "
                       "'%s')", info->id ? info->id : "");
    if (info->region == NULL || !net_region_valid(info->region))
        rerr(R, where(R, graph, "graph", "region"),
             "the drawing needs a region (a region code or pair letter; got '%s')",
             info->region ? info->region : "");
    if (info->wave == 0)
        rerr(R, graph, "the drawing needs a wave (a year)");
    if (info->meeting == NULL || !net_label_valid(info->meeting))
        rerr(R, where(R, graph, "graph", "meeting"), "the drawing needs a meeting");
    if (!(info->title == NULL || net_text_valid(info->title)) ||
        !(info->drawn_by == NULL || net_label_valid(info->drawn_by)) ||
        !(info->source == NULL || net_text_valid(info->source)) ||
        !(info->note == NULL || net_text_valid(info->note)))
        rerr(R, graph, "a title, source or note is too long or holds control characters");
    return samen_diag_count(R->d) == before;
}

/* Rule 3: groups described by the graph's "groups" JSON. */
static void read_group_labels(reader *R, const netxml_node *graph, cJSON **out)
{
    *out = NULL;
    const char *v = value_of(R, graph, "graph", "groups");
    if (v == NULL)
        return;
    cJSON *arr = cJSON_ParseWithLength(v, strlen(v));
    if (!cJSON_IsArray(arr)) {
        rerr(R, where(R, graph, "graph", "groups"),
             "groups must be a JSON list of {id, label, unit}");
        cJSON_Delete(arr);
        return;
    }
    *out = arr;
}

static const cJSON *group_desc(const cJSON *arr, const char *id)
{
    const cJSON *g;
    cJSON_ArrayForEach(g, arr)
    {
        const cJSON *gid = cJSON_GetObjectItemCaseSensitive(g, "id");
        if (cJSON_IsString(gid) && strcmp(gid->valuestring, id) == 0)
            return g;
    }
    return NULL;
}

static const char *json_string(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void read_nodes(reader *R, const netxml_node *graph, samen_network *net,
                       const netxml_node ***node_of)
{
    size_t n = 0;
    for (const netxml_node *c = graph->child; c != NULL; c = c->next)
        n += strcmp(c->name, "node") == 0;
    *node_of = calloc(n + 1, sizeof **node_of);
    if (*node_of == NULL) {
        R->oom = true;
        return;
    }
    for (const netxml_node *c = graph->child; c != NULL; c = c->next) {
        if (strcmp(c->name, "hyperedge") == 0) {
            rerr(R, c, "hyperedges are not read");
            continue;
        }
        if (strcmp(c->name, "node") != 0)
            continue;
        for (const netxml_node *cc = c->child; cc != NULL; cc = cc->next)
            if (strcmp(cc->name, "graph") == 0)
                rerr(R, cc, "nested graphs are not read");
        samen_party_info p = {0};
        p.id = netxml_attr_get(c, "id");
        if (p.id == NULL || !net_id_valid(p.id)) {
            rerr(R, c, "a node id must be 1-64 letters, digits, '_', '-' or '.' (got '%s')",
                 p.id ? p.id : "");
            continue;
        }
        p.label = value_of(R, c, "node", "label");
        if (p.label == NULL)
            p.label = value_of(R, c, "node", "name");
        if (p.label == NULL || p.label[0] == '\0')
            p.label = p.id;
        p.function = value_of(R, c, "node", "function");
        p.organisation = value_of(R, c, "node", "organisation");
        p.note = value_of(R, c, "node", "note");
        if (p.function != NULL && p.function[0] == '\0')
            p.function = NULL;
        if (p.organisation != NULL && p.organisation[0] == '\0')
            p.organisation = NULL;
        if (p.note != NULL && p.note[0] == '\0')
            p.note = NULL;
        const char *kind = value_of(R, c, "node", "kind");
        const char *status = value_of(R, c, "node", "status");
        int k = kind ? samen_network_lookup(SAMEN_NETVOCAB_PARTY_KIND, kind) : SAMEN_PARTY_OTHER;
        int s = status ? samen_network_lookup(SAMEN_NETVOCAB_PARTICIPATION, status)
                       : SAMEN_PARTICIPATION_ACTIVE;
        if (k < 0) {
            rerr(R, where(R, c, "node", "kind"), "unknown kind '%s'", kind);
            continue;
        }
        if (s < 0) {
            rerr(R, where(R, c, "node", "status"),
                 "unknown status '%s' (active, waiting or not_taking_part)", status);
            continue;
        }
        p.kind = (samen_party_kind)k;
        p.status = (samen_participation)s;
        samen_status st = samen_network_add_party(net, &p);
        if (st == SAMEN_EEXIST)
            rerr(R, c, "duplicate node id '%s'", p.id);
        else if (st == SAMEN_ENOMEM)
            R->oom = true;
        else if (st != SAMEN_OK)
            rerr(R, c, "node '%s' cannot be read: a label, function, organisation or note is "
                       "too long or holds control characters (%s)",
                 p.id, samen_status_message(st));
        else
            (*node_of)[net->nparties - 1] = c;
    }
}

static void read_groups(reader *R, const netxml_node *graph, samen_network *net,
                        const netxml_node **node_of)
{
    cJSON *desc = NULL;
    read_group_labels(R, graph, &desc);
    size_t np = net->nparties;
    const char **gid = calloc(np + 1, sizeof *gid);
    size_t *members = malloc((np + 1) * sizeof *members);
    if (gid == NULL || members == NULL) {
        R->oom = true;
        goto out;
    }
    for (size_t i = 0; i < np; i++) {
        const char *g = value_of(R, node_of[i], "node", "group");
        gid[i] = g != NULL && g[0] != '\0' ? g : NULL;
    }
    for (size_t i = 0; i < np; i++) {
        if (gid[i] == NULL)
            continue;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = gid[j] != NULL && strcmp(gid[j], gid[i]) == 0;
        if (seen)
            continue;
        size_t nm = 0;
        for (size_t j = i; j < np; j++)
            if (gid[j] != NULL && strcmp(gid[j], gid[i]) == 0)
                members[nm++] = j;
        const cJSON *gd = desc ? group_desc(desc, gid[i]) : NULL;
        samen_group_info g = {.id = gid[i], .label = gid[i], .members = members, .nmembers = nm};
        if (gd != NULL) {
            const char *label = json_string(gd, "label");
            g.label = label ? label : gid[i];
            g.note = json_string(gd, "note");
            g.unit = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(gd, "unit"));
        }
        samen_status st = samen_network_add_group(net, &g);
        if (st == SAMEN_ENOMEM)
            R->oom = true;
        else if (st != SAMEN_OK)
            rerr(R, where(R, node_of[i], "node", "group"), "group '%s' cannot be read (%s)",
                 gid[i], samen_status_message(st));
    }
out:
    free(gid);
    free(members);
    cJSON_Delete(desc);
}

static void read_edges(reader *R, const netxml_node *graph, samen_network *net)
{
    for (const netxml_node *c = graph->child; c != NULL; c = c->next) {
        if (strcmp(c->name, "edge") != 0)
            continue;
        const char *src = netxml_attr_get(c, "source"), *dst = netxml_attr_get(c, "target");
        long a = samen_network_find_party(net, src), b = samen_network_find_party(net, dst);
        if (a < 0 || b < 0) {
            rerr(R, c, "edge from '%s' to '%s': unknown node '%s'", src ? src : "",
                 dst ? dst : "", a < 0 ? (src ? src : "") : (dst ? dst : ""));
            continue;
        }
        if (a == b) {
            rerr(R, c, "edge from '%s' to itself (a tie joins two different parties)", src);
            continue;
        }
        const char *dir = netxml_attr_get(c, "directed");
        if (!bool_ok(dir)) {
            rerr(R, c, "directed must be true or false, not '%s'", dir);
            continue;
        }
        bool directed = dir != NULL ? is_true(dir) : R->edge_directed;
        const char *type = value_of(R, c, "edge", "type");
        int t = type ? samen_network_lookup(SAMEN_NETVOCAB_TIE_TYPE, type)
                     : (directed ? SAMEN_TIE_INITIATIVE : SAMEN_TIE_CONTACT);
        if (t < 0) {
            rerr(R, where(R, c, "edge", "type"),
                 "unknown tie type '%s' (contact, decision or initiative)", type);
            continue;
        }
        const char *weak = value_of(R, c, "edge", "weak");
        if (!bool_ok(weak)) {
            rerr(R, where(R, c, "edge", "weak"), "weak must be true or false, not '%s'", weak);
            continue;
        }
        samen_tie_info tie = {.type = (samen_tie_type)t, .from = (size_t)a, .to = (size_t)b,
                              .weak = is_true(weak), .note = value_of(R, c, "edge", "note")};
        if (tie.note != NULL && tie.note[0] == '\0')
            tie.note = NULL;
        samen_status st = samen_network_add_tie(net, &tie);
        if (st == SAMEN_EEXIST)
            rerr(R, c, "duplicate tie: %s between '%s' and '%s' is already there",
                 samen_network_code(SAMEN_NETVOCAB_TIE_TYPE, t), src, dst);
        else if (st == SAMEN_ENOMEM)
            R->oom = true;
        else if (st != SAMEN_OK)
            rerr(R, c, "this edge cannot be read (%s)", samen_status_message(st));
    }
}

samen_status samen_network_read_graphml(const char *data, size_t len, const char *name,
                                        const samen_network_info *defaults,
                                        samen_network **out, samen_diag *d)
{
    if (len > SAMEN_GRAPHML_MAX_BYTES) {
        samen_diag_add(d, name, 0, 0, "file is larger than %u bytes", SAMEN_GRAPHML_MAX_BYTES);
        return SAMEN_ETOOBIG;
    }
    netxml_doc *doc = NULL;
    samen_status st = netxml_parse(data, len, name, &doc, d);
    if (st != SAMEN_OK)
        return st;
    reader R = {.name = name, .d = d};
    samen_network *net = NULL;
    const netxml_node **node_of = NULL;
    size_t before = samen_diag_count(d);
    const netxml_node *root = netxml_root(doc);
    const netxml_node *graph = NULL;
    if (strcmp(root->name, "graphml") != 0) {
        rerr(&R, root, "not a GraphML file (the root element is <%s>)", root->name);
        goto done;
    }
    if (!read_keys(&R, root))
        goto done;
    for (const netxml_node *c = root->child; c != NULL && graph == NULL; c = c->next)
        if (strcmp(c->name, "graph") == 0)
            graph = c;
    if (graph == NULL) {
        rerr(&R, root, "the GraphML file holds no <graph>");
        goto done;
    }
    const char *ed = netxml_attr_get(graph, "edgedefault");
    R.edge_directed = ed != NULL && strcmp(ed, "directed") == 0;
    samen_network_info info;
    if (!read_header(&R, graph, defaults, &info))
        goto done;
    st = samen_network_create(&info, &net);
    if (st != SAMEN_OK) {
        if (st != SAMEN_ENOMEM)
            rerr(&R, graph, "the drawing's header is not valid");
        R.oom = st == SAMEN_ENOMEM;
        goto done;
    }
    net->file = arena_strdup(net->a, name);
    read_nodes(&R, graph, net, &node_of);
    if (net->nparties == 0 && samen_diag_count(d) == before)
        rerr(&R, graph, "the graph has no nodes");
    if (node_of != NULL && !R.oom)
        read_groups(&R, graph, net, node_of);
    read_edges(&R, graph, net);
done:
    free(node_of);
    free(R.keys);
    netxml_destroy(doc);
    if (R.oom)
        st = SAMEN_ENOMEM;
    else if (samen_diag_count(d) > before)
        st = SAMEN_EVALIDATE;
    else
        st = SAMEN_OK;
    if (st != SAMEN_OK) {
        samen_network_destroy(net);
        return st;
    }
    *out = net;
    return SAMEN_OK;
}

samen_status samen_network_load_graphml(const char *path, const char *name,
                                        const samen_network_info *defaults,
                                        samen_network **out, samen_diag *d)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        samen_diag_add(d, name, 0, 0, "cannot open the file");
        return SAMEN_ENOTFOUND;
    }
    buf b;
    buf_init(&b, SAMEN_GRAPHML_MAX_BYTES);
    char chunk[65536];
    size_t n;
    samen_status st = SAMEN_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        st = buf_append(&b, chunk, n);
        if (st != SAMEN_OK)
            break;
    }
    if (st == SAMEN_OK && ferror(f))
        st = SAMEN_EIO;
    fclose(f);
    if (st == SAMEN_ETOOBIG)
        samen_diag_add(d, name, 0, 0, "file is larger than %u bytes", SAMEN_GRAPHML_MAX_BYTES);
    else if (st != SAMEN_OK)
        samen_diag_add(d, name, 0, 0, "cannot read the file");
    if (st == SAMEN_OK)
        st = samen_network_read_graphml(buf_str(&b), b.len, name, defaults, out, d);
    buf_free(&b);
    return st;
}
