/* drawing_yaml.c - the YAML file format of network drawings
 * (docs/NETWORKS.md): samen_network_load(), samen_network_load_buffer()
 * and samen_network_write_yaml().
 *
 * Loading walks the document once, in file order: the header, then
 * parties, then groups and ties, which refer to parties by id. Every
 * problem is reported at the position of the node it is about (unknown
 * keys, a duplicate party, a tie to an unknown party, an unknown tie type)
 * and loading goes on, so a user sees all problems of a file at once. The
 * checks themselves are the rules of drawing.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "network/net_int.h"
#include "util/text.h"
#include "util/yamlx.h"

typedef struct loader {
    yx_doc *doc;
    samen_diag *d;
    samen_network *net;
    bool oom;
    yaml_node_t **party_nodes;   /* the id node of each party, for "first at" */
} loader;

static net_pos pos_of(const yaml_node_t *n)
{
    net_pos p = {0, 0};
    if (n != NULL) {
        p.line = (long)n->start_mark.line + 1;
        p.column = (long)n->start_mark.column + 1;
    }
    return p;
}

/* An optional string field checked with check; reports and returns NULL
 * when present but bad. */
static const char *get_text(loader *L, yaml_node_t *map, const char *key, bool required,
                            bool (*check)(const char *), const char *what)
{
    const char *s = NULL;
    if (!yx_get_string(L->doc, map, key, required, &s, L->d) || s == NULL)
        return NULL;
    if (!check(s)) {
        yx_error(L->doc, yx_get(L->doc, map, key), L->d, "%s", what);
        return NULL;
    }
    return s;
}

static int get_vocab(loader *L, yaml_node_t *map, const char *key, samen_network_vocab v,
                     int dflt, const char *what)
{
    const char *s = NULL;
    if (!yx_get_string(L->doc, map, key, dflt < 0, &s, L->d))
        return -2;
    if (s == NULL)
        return dflt;
    int x = samen_network_lookup(v, s);
    if (x < 0) {
        char list[400] = "";
        size_t used = 0;
        for (int i = 0; i < samen_network_vocab_count(v); i++) {
            int n = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                             samen_network_code(v, i));
            if (n < 0 || (size_t)n >= sizeof list - used)
                break;
            used += (size_t)n;
        }
        yx_error(L->doc, yx_get(L->doc, map, key), L->d, "unknown %s '%s' (one of: %s)", what, s,
                 list);
        return -2;
    }
    return x;
}

#define LABEL_RULE "must be 1-200 bytes of UTF-8 without control characters"
#define TEXT_RULE "must be at most 4000 bytes of UTF-8"
#define ID_RULE "must be 1-64 letters, digits, '_', '-' or '.'"

/* ---- header ------------------------------------------------------------------ */

static bool load_header(loader *L, yaml_node_t *root, samen_network_info *info)
{
    static const char *const keys[] = {"format", "id", "title", "region", "situation", "wave",
                                       "meeting", "variant", "drawn_by", "reconstructed",
                                       "source", "note", "parties", "groups", "ties", NULL};
    yx_doc *doc = L->doc;
    samen_diag *d = L->d;
    size_t before = samen_diag_count(d);
    yx_check_keys(doc, root, keys, d);
    long format = 0;
    if (yx_get_long(doc, root, "format", true, &format, d) && format != 1)
        yx_error(doc, yx_get(doc, root, "format"), d, "format must be 1");
    memset(info, 0, sizeof *info);
    info->situation = -1;
    info->id = get_text(L, root, "id", true, net_id_valid, "the drawing id " ID_RULE);
    info->title = get_text(L, root, "title", false, net_text_valid, "the title " TEXT_RULE);
    info->region = get_text(L, root, "region", true, net_region_valid,
                            "the region is a region code or pair letter: 1-16 letters, digits "
                            "or '-'");
    const char *sit = NULL;
    if (yx_get_string(doc, root, "situation", false, &sit, d) && sit != NULL) {
        info->situation = samen_vocab_lookup(SAMEN_ATTR_SITUATION, sit);
        if (info->situation < 0)
            yx_error(doc, yx_get(doc, root, "situation"), d, "'%s' is not a situation", sit);
    }
    long wave = 0;
    if (yx_get_long(doc, root, "wave", true, &wave, d)) {
        if (wave < 1990 || wave > 2100)
            yx_error(doc, yx_get(doc, root, "wave"), d, "a wave is a year (1990-2100)");
        info->wave = (int)wave;
    }
    info->meeting = get_text(L, root, "meeting", true, net_label_valid,
                             "the meeting " LABEL_RULE);
    int variant = get_vocab(L, root, "variant", SAMEN_NETVOCAB_VARIANT, -1, "variant");
    info->variant = variant >= 0 ? (samen_network_variant)variant : SAMEN_NETWORK_CURRENT;
    info->drawn_by = get_text(L, root, "drawn_by", false, net_label_valid,
                              "drawn_by " LABEL_RULE);
    yx_get_bool(doc, root, "reconstructed", false, &info->reconstructed, d);
    info->source = get_text(L, root, "source", false, net_text_valid, "the source " TEXT_RULE);
    info->note = get_text(L, root, "note", false, net_text_valid, "the note " TEXT_RULE);
    return samen_diag_count(d) == before;
}

/* ---- parties ----------------------------------------------------------------- */

static void load_parties(loader *L, yaml_node_t *node)
{
    static const char *const keys[] = {"id",   "label",  "function", "organisation",
                                       "kind", "status", "note",     NULL};
    yx_doc *doc = L->doc;
    samen_diag *d = L->d;
    if (node == NULL) {
        yx_error(doc, yx_root(doc), d, "a drawing needs a list of parties");
        return;
    }
    if (!yx_is_seq(node) || yx_seq_len(node) == 0) {
        yx_error(doc, node, d, "parties must be a non-empty list");
        return;
    }
    size_t n = yx_seq_len(node);
    if (n > SAMEN_NETWORK_MAX_PARTIES) {
        yx_error(doc, node, d, "more than %d parties", SAMEN_NETWORK_MAX_PARTIES);
        return;
    }
    L->party_nodes = calloc(n, sizeof *L->party_nodes);
    if (L->party_nodes == NULL) {
        L->oom = true;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *pn = yx_seq_at(doc, node, i);
        if (!yx_is_map(pn)) {
            yx_error(doc, pn, d, "a party must be a mapping {id, label, kind, ...}");
            continue;
        }
        size_t before = samen_diag_count(d);
        yx_check_keys(doc, pn, keys, d);
        samen_party_info p = {0};
        p.id = get_text(L, pn, "id", true, net_id_valid, "a party id " ID_RULE);
        p.label = get_text(L, pn, "label", true, net_label_valid, "a label " LABEL_RULE);
        p.function = get_text(L, pn, "function", false, net_label_valid,
                              "a function " LABEL_RULE);
        p.organisation = get_text(L, pn, "organisation", false, net_label_valid,
                                  "an organisation " LABEL_RULE);
        p.note = get_text(L, pn, "note", false, net_text_valid, "a note " TEXT_RULE);
        int kind = get_vocab(L, pn, "kind", SAMEN_NETVOCAB_PARTY_KIND, -1, "kind");
        int status = get_vocab(L, pn, "status", SAMEN_NETVOCAB_PARTICIPATION,
                               SAMEN_PARTICIPATION_ACTIVE, "status");
        if (p.id != NULL) {
            long prev = samen_network_find_party(L->net, p.id);
            if (prev >= 0) {
                yaml_node_t *first = L->party_nodes[prev];
                yx_error(doc, yx_get(doc, pn, "id"), d,
                         "duplicate party id '%s' (first at line %ld)", p.id, pos_of(first).line);
                continue;
            }
        }
        if (samen_diag_count(d) > before || p.id == NULL || p.label == NULL || kind < 0 ||
            status < 0)
            continue;
        p.kind = (samen_party_kind)kind;
        p.status = (samen_participation)status;
        samen_status st = samen_network_add_party(L->net, &p);
        if (st == SAMEN_ENOMEM)
            L->oom = true;
        else if (st != SAMEN_OK)
            yx_error(doc, pn, d, "this party cannot be added (%s)", samen_status_message(st));
        else
            L->party_nodes[samen_network_nparties(L->net) - 1] = yx_get(doc, pn, "id");
    }
}

/* The party a scalar node names; reports an unknown one. -1 when bad. */
static long party_ref(loader *L, yaml_node_t *node, const char *what)
{
    const char *id = yx_scalar(node);
    if (id == NULL) {
        yx_error(L->doc, node, L->d, "%s must be a party id", what);
        return -1;
    }
    long i = samen_network_find_party(L->net, id);
    if (i < 0)
        yx_error(L->doc, node, L->d, "unknown party '%s' (not in parties)", id);
    return i;
}

/* ---- groups ------------------------------------------------------------------ */

static void load_groups(loader *L, yaml_node_t *node)
{
    static const char *const keys[] = {"id", "label", "members", "unit", "note", NULL};
    yx_doc *doc = L->doc;
    samen_diag *d = L->d;
    if (node == NULL)
        return;
    if (!yx_is_seq(node)) {
        yx_error(doc, node, d, "groups must be a list");
        return;
    }
    size_t n = yx_seq_len(node);
    if (n > SAMEN_NETWORK_MAX_GROUPS) {
        yx_error(doc, node, d, "more than %d groups", SAMEN_NETWORK_MAX_GROUPS);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *gn = yx_seq_at(doc, node, i);
        if (!yx_is_map(gn)) {
            yx_error(doc, gn, d, "a group must be a mapping {id, label, members}");
            continue;
        }
        size_t before = samen_diag_count(d);
        yx_check_keys(doc, gn, keys, d);
        samen_group_info g = {0};
        g.id = get_text(L, gn, "id", true, net_id_valid, "a group id " ID_RULE);
        g.label = get_text(L, gn, "label", true, net_label_valid, "a label " LABEL_RULE);
        g.note = get_text(L, gn, "note", false, net_text_valid, "a note " TEXT_RULE);
        yx_get_bool(doc, gn, "unit", false, &g.unit, d);
        for (size_t j = 0; g.id != NULL && j < samen_network_ngroups(L->net); j++)
            if (strcmp(samen_network_group(L->net, j)->id, g.id) == 0)
                yx_error(doc, yx_get(doc, gn, "id"), d, "duplicate group id '%s'", g.id);
        yaml_node_t *mn = yx_get(doc, gn, "members");
        size_t members[SAMEN_NETWORK_MAX_PARTIES];
        size_t nm = 0;
        if (mn == NULL) {
            yx_error(doc, gn, d, "a group needs members: [party ids]");
        } else if (!yx_is_seq(mn) || yx_seq_len(mn) == 0 ||
                   yx_seq_len(mn) > SAMEN_NETWORK_MAX_PARTIES) {
            yx_error(doc, mn, d, "members must be a non-empty list of party ids");
        } else {
            for (size_t j = 0; j < yx_seq_len(mn); j++) {
                yaml_node_t *ref = yx_seq_at(doc, mn, j);
                long p = party_ref(L, ref, "a member");
                if (p < 0)
                    continue;
                bool dup = false;
                for (size_t k = 0; k < nm; k++)
                    dup = dup || members[k] == (size_t)p;
                long other = samen_network_party_group(L->net, (size_t)p);
                if (dup)
                    yx_error(doc, ref, d, "party '%s' is listed twice", yx_scalar(ref));
                else if (other >= 0)
                    yx_error(doc, ref, d, "party '%s' is already in group '%s' (a party is in at "
                             "most one group)", yx_scalar(ref),
                             samen_network_group(L->net, (size_t)other)->id);
                else
                    members[nm++] = (size_t)p;
            }
        }
        if (samen_diag_count(d) > before || g.id == NULL || g.label == NULL || nm == 0)
            continue;
        g.members = members;
        g.nmembers = nm;
        samen_status st = samen_network_add_group(L->net, &g);
        if (st == SAMEN_ENOMEM)
            L->oom = true;
        else if (st != SAMEN_OK)
            yx_error(doc, gn, d, "this group cannot be added (%s)", samen_status_message(st));
    }
}

/* ---- ties -------------------------------------------------------------------- */

static void load_tie(loader *L, yaml_node_t *tn)
{
    static const char *const keys[] = {"type", "between", "from", "to", "weak", "note", NULL};
    yx_doc *doc = L->doc;
    samen_diag *d = L->d;
    size_t before = samen_diag_count(d);
    yx_check_keys(doc, tn, keys, d);
    samen_tie_info t = {0};
    int type = get_vocab(L, tn, "type", SAMEN_NETVOCAB_TIE_TYPE, -1, "tie type");
    t.note = get_text(L, tn, "note", false, net_text_valid, "a note " TEXT_RULE);
    yx_get_bool(doc, tn, "weak", false, &t.weak, d);
    yaml_node_t *between = yx_get(doc, tn, "between");
    yaml_node_t *from = yx_get(doc, tn, "from");
    yaml_node_t *to = yx_get(doc, tn, "to");
    long a = -1, b = -1;
    if (between != NULL && (from != NULL || to != NULL)) {
        yx_error(doc, between, d, "give either between: [a, b] or from: and to:, not both");
    } else if (between != NULL) {
        if (type >= 0 && samen_tie_type_directed((samen_tie_type)type))
            yx_error(doc, between, d, "a %s tie has a direction: give from: and to:",
                     samen_network_code(SAMEN_NETVOCAB_TIE_TYPE, type));
        else if (!yx_is_seq(between) || yx_seq_len(between) != 2)
            yx_error(doc, between, d, "between must list two party ids: [a, b]");
        else {
            a = party_ref(L, yx_seq_at(doc, between, 0), "between");
            b = party_ref(L, yx_seq_at(doc, between, 1), "between");
        }
    } else if (from != NULL && to != NULL) {
        a = party_ref(L, from, "from");
        b = party_ref(L, to, "to");
    } else {
        yx_error(doc, tn, d, "a tie needs between: [a, b] (contact) or from: and to:");
    }
    if (a >= 0 && a == b)
        yx_error(doc, between ? between : to, d, "a tie joins two different parties");
    if (samen_diag_count(d) > before || type < 0 || a < 0 || b < 0)
        return;
    t.type = (samen_tie_type)type;
    t.from = (size_t)a;
    t.to = (size_t)b;
    samen_status st = samen_network_add_tie(L->net, &t);
    if (st == SAMEN_EEXIST)
        yx_error(doc, tn, d, "duplicate tie: %s between '%s' and '%s' is already drawn",
                 samen_network_code(SAMEN_NETVOCAB_TIE_TYPE, type),
                 samen_network_party(L->net, t.from)->id, samen_network_party(L->net, t.to)->id);
    else if (st == SAMEN_ENOMEM)
        L->oom = true;
    else if (st != SAMEN_OK)
        yx_error(doc, tn, d, "this tie cannot be added (%s)", samen_status_message(st));
}

static void load_ties(loader *L, yaml_node_t *node)
{
    if (node == NULL)
        return;
    if (!yx_is_seq(node)) {
        yx_error(L->doc, node, L->d, "ties must be a list");
        return;
    }
    if (yx_seq_len(node) > SAMEN_NETWORK_MAX_TIES) {
        yx_error(L->doc, node, L->d, "more than %d ties", SAMEN_NETWORK_MAX_TIES);
        return;
    }
    for (size_t i = 0; i < yx_seq_len(node); i++) {
        yaml_node_t *tn = yx_seq_at(L->doc, node, i);
        if (!yx_is_map(tn))
            yx_error(L->doc, tn, L->d, "a tie must be a mapping {type, between | from, to}");
        else
            load_tie(L, tn);
    }
}

/* ---- loading ------------------------------------------------------------------ */

static samen_status load_doc(yx_doc *doc, samen_network **out, samen_diag *d)
{
    yaml_node_t *root = yx_root(doc);
    if (!yx_is_map(root)) {
        yx_error(doc, root, d, "a drawing file is a mapping (format, id, region, wave, ...)");
        return SAMEN_EVALIDATE;
    }
    size_t before = samen_diag_count(d);
    loader L = {.doc = doc, .d = d};
    samen_network_info info;
    bool header_ok = load_header(&L, root, &info);
    /* Parties, groups and ties are checked even when the header is bad, so
     * that every problem of the file is reported at once. */
    samen_network_info shell = {.id = "x", .region = "x", .meeting = "x", .wave = 2000};
    samen_status st = samen_network_create(header_ok ? &info : &shell, &L.net);
    if (st != SAMEN_OK) {
        if (st != SAMEN_ENOMEM)
            yx_error(doc, root, d, "the drawing's header is not valid");
        return st == SAMEN_ENOMEM ? st : SAMEN_EVALIDATE;
    }
    L.net->file = arena_strdup(L.net->a, yx_name(doc));
    L.net->pos_region = pos_of(yx_get(doc, root, "region"));
    L.net->pos_wave = pos_of(yx_get(doc, root, "wave"));
    L.net->pos_situation = pos_of(yx_get(doc, root, "situation"));
    load_parties(&L, yx_get(doc, root, "parties"));
    load_groups(&L, yx_get(doc, root, "groups"));
    load_ties(&L, yx_get(doc, root, "ties"));
    free(L.party_nodes);
    if (L.oom)
        st = SAMEN_ENOMEM;
    else if (samen_diag_count(d) > before || L.net->file == NULL)
        st = L.net->file == NULL ? SAMEN_ENOMEM : SAMEN_EVALIDATE;
    if (st != SAMEN_OK) {
        samen_network_destroy(L.net);
        return st;
    }
    *out = L.net;
    return SAMEN_OK;
}

samen_status samen_network_load(const char *path, const char *name, samen_network **out,
                                samen_diag *d)
{
    yx_doc *doc = NULL;
    samen_status st = yx_load_file(path, name, &doc, d);
    if (st != SAMEN_OK)
        return st;
    st = load_doc(doc, out, d);
    yx_destroy(doc);
    return st;
}

samen_status samen_network_load_buffer(const char *data, size_t len, const char *name,
                                       samen_network **out, samen_diag *d)
{
    yx_doc *doc = NULL;
    samen_status st = yx_load_buffer(data, len, name, &doc, d);
    if (st != SAMEN_OK)
        return st;
    st = load_doc(doc, out, d);
    yx_destroy(doc);
    return st;
}

/* ---- writing ------------------------------------------------------------------ */

/* Appends s as a YAML double-quoted scalar. */
static samen_status put_quoted(buf *b, const char *s)
{
    samen_status st = buf_append_char(b, '"');
    for (; st == SAMEN_OK && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            st = buf_append(b, esc, 2);
        } else if (c == '\n') {
            st = buf_append_str(b, "\\n");
        } else if (c == '\t') {
            st = buf_append_str(b, "\\t");
        } else if (c < 0x20 || c == 0x7f) {
            st = buf_printf(b, "\\x%02x", c);
        } else {
            st = buf_append_char(b, (char)c);
        }
    }
    if (st == SAMEN_OK)
        st = buf_append_char(b, '"');
    return st;
}

static samen_status put_field(buf *b, const char *indent, const char *key, const char *value)
{
    if (value == NULL)
        return SAMEN_OK;
    samen_status st = buf_printf(b, "%s%s: ", indent, key);
    if (st == SAMEN_OK)
        st = put_quoted(b, value);
    if (st == SAMEN_OK)
        st = buf_append_char(b, '\n');
    return st;
}

samen_status samen_network_write_yaml(const samen_network *net, char **out, size_t *len)
{
    buf b;
    buf_init(&b, (size_t)64 * 1024 * 1024);
    const samen_network_info *in = &net->info;
    samen_status st = buf_append_str(&b, "# Network drawing (samen; format: docs/NETWORKS.md)\n"
                                         "format: 1\n");
#define PUT(x)                                                                            \
    do {                                                                                  \
        if (st == SAMEN_OK)                                                               \
            st = (x);                                                                     \
    } while (0)
    PUT(put_field(&b, "", "id", in->id));
    PUT(put_field(&b, "", "title", in->title));
    PUT(put_field(&b, "", "region", in->region));
    if (in->situation >= 0)
        PUT(buf_printf(&b, "situation: %s\n",
                       samen_vocab_code(SAMEN_ATTR_SITUATION, in->situation)));
    PUT(buf_printf(&b, "wave: %d\n", in->wave));
    PUT(put_field(&b, "", "meeting", in->meeting));
    PUT(buf_printf(&b, "variant: %s\n",
                   samen_network_code(SAMEN_NETVOCAB_VARIANT, (int)in->variant)));
    PUT(put_field(&b, "", "drawn_by", in->drawn_by));
    if (in->reconstructed)
        PUT(buf_append_str(&b, "reconstructed: true\n"));
    PUT(put_field(&b, "", "source", in->source));
    PUT(put_field(&b, "", "note", in->note));
    PUT(buf_append_str(&b, "parties:\n"));
    for (size_t i = 0; i < net->nparties; i++) {
        const samen_party_info *p = &net->parties[i];
        PUT(put_field(&b, "  - ", "id", p->id));
        PUT(put_field(&b, "    ", "label", p->label));
        PUT(put_field(&b, "    ", "function", p->function));
        PUT(put_field(&b, "    ", "organisation", p->organisation));
        PUT(buf_printf(&b, "    kind: %s\n",
                       samen_network_code(SAMEN_NETVOCAB_PARTY_KIND, (int)p->kind)));
        PUT(buf_printf(&b, "    status: %s\n",
                       samen_network_code(SAMEN_NETVOCAB_PARTICIPATION, (int)p->status)));
        PUT(put_field(&b, "    ", "note", p->note));
    }
    if (net->ngroups > 0)
        PUT(buf_append_str(&b, "groups:\n"));
    for (size_t i = 0; i < net->ngroups; i++) {
        const samen_group_info *g = &net->groups[i];
        PUT(put_field(&b, "  - ", "id", g->id));
        PUT(put_field(&b, "    ", "label", g->label));
        PUT(buf_append_str(&b, "    members: ["));
        for (size_t j = 0; j < g->nmembers; j++) {
            if (j > 0)
                PUT(buf_append_str(&b, ", "));
            PUT(put_quoted(&b, net->parties[g->members[j]].id));
        }
        PUT(buf_append_str(&b, "]\n"));
        if (g->unit)
            PUT(buf_append_str(&b, "    unit: true\n"));
        PUT(put_field(&b, "    ", "note", g->note));
    }
    PUT(buf_append_str(&b, net->nties > 0 ? "ties:\n" : "ties: []\n"));
    for (size_t i = 0; i < net->nties; i++) {
        const samen_tie_info *t = &net->ties[i];
        bool directed = samen_tie_type_directed(t->type);
        PUT(buf_printf(&b, "  - {type: %s, %s",
                       samen_network_code(SAMEN_NETVOCAB_TIE_TYPE, (int)t->type),
                       directed ? "from: " : "between: ["));
        PUT(put_quoted(&b, net->parties[t->from].id));
        PUT(buf_append_str(&b, directed ? ", to: " : ", "));
        PUT(put_quoted(&b, net->parties[t->to].id));
        if (!directed)
            PUT(buf_append_char(&b, ']'));
        if (t->weak)
            PUT(buf_append_str(&b, ", weak: true"));
        if (t->note != NULL) {
            PUT(buf_append_str(&b, ", note: "));
            PUT(put_quoted(&b, t->note));
        }
        PUT(buf_append_str(&b, "}\n"));
    }
#undef PUT
    if (st != SAMEN_OK) {
        buf_free(&b);
        return st;
    }
    *len = b.len;
    *out = buf_take(&b);
    return *out != NULL ? SAMEN_OK : SAMEN_ENOMEM;
}
