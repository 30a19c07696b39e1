/* drawing.c - the network drawing model (samen/network.h): vocabularies,
 * building with checks, read-only views, and the check against a study.
 *
 * Rules applied to every addition (docs/NETWORKS.md, "Rules"):
 *   1. Ids (drawing, party, group) are 1-64 of [A-Za-z0-9_.-].
 *   2. A label is 1-200 bytes of UTF-8 without control characters; notes,
 *      titles and sources are at most 4000 bytes.
 *   3. Party and group ids are unique within a drawing.
 *   4. A party is in at most one group; a group has at least one member.
 *   5. A tie joins two different parties of the drawing.
 *   6. Two ties of the same type between the same parties are one tie too
 *      many (in the same direction, for decisions and initiative).
 *   7. At most SAMEN_NETWORK_MAX_PARTIES parties, _MAX_GROUPS groups and
 *      _MAX_TIES ties.
 * The YAML loader (drawing_yaml.c) and the GraphML reader (graphml.c) build
 * through these functions, so the rules hold however a drawing is made.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "network/net_int.h"
#include "util/text.h"

/* ---- vocabularies ------------------------------------------------------------ */

typedef struct vocab_row {
    const char *code, *nl, *en;
} vocab_row;

static const vocab_row tie_rows[] = {
#define ROW(e, code, dir, colour, nl, en) {code, nl, en},
    SAMEN_TIE_TYPE_MAP(ROW)
#undef ROW
};
static const bool tie_directed[] = {
#define ROW(e, code, dir, colour, nl, en) dir,
    SAMEN_TIE_TYPE_MAP(ROW)
#undef ROW
};
static const char *const tie_colour[] = {
#define ROW(e, code, dir, colour, nl, en) colour,
    SAMEN_TIE_TYPE_MAP(ROW)
#undef ROW
};
static const vocab_row kind_rows[] = {
#define ROW(e, code, nl, en) {code, nl, en},
    SAMEN_PARTY_KIND_MAP(ROW)
#undef ROW
};
static const vocab_row participation_rows[] = {
#define ROW(e, code, nl, en) {code, nl, en},
    SAMEN_PARTICIPATION_MAP(ROW)
#undef ROW
};
static const vocab_row variant_rows[] = {
#define ROW(e, code, nl, en) {code, nl, en},
    SAMEN_NETWORK_VARIANT_MAP(ROW)
#undef ROW
};
static const vocab_row class_rows[] = {
#define ROW(e, code, nl, en) {code, nl, en},
    SAMEN_NETWORK_CLASS_MAP(ROW)
#undef ROW
};

static const vocab_row *vocab_table(samen_network_vocab v, int *n)
{
    switch (v) {
    case SAMEN_NETVOCAB_TIE_TYPE:
        *n = SAMEN_TIE_TYPE_COUNT;
        return tie_rows;
    case SAMEN_NETVOCAB_PARTY_KIND:
        *n = SAMEN_PARTY_KIND_COUNT;
        return kind_rows;
    case SAMEN_NETVOCAB_PARTICIPATION:
        *n = SAMEN_PARTICIPATION_COUNT;
        return participation_rows;
    case SAMEN_NETVOCAB_VARIANT:
        *n = SAMEN_NETWORK_VARIANT_COUNT;
        return variant_rows;
    case SAMEN_NETVOCAB_CLASS:
        *n = SAMEN_NETWORK_CLASS_COUNT;
        return class_rows;
    }
    *n = 0;
    return NULL;
}

int samen_network_vocab_count(samen_network_vocab v)
{
    int n;
    vocab_table(v, &n);
    return n;
}

int samen_network_lookup(samen_network_vocab v, const char *code)
{
    int n;
    const vocab_row *rows = vocab_table(v, &n);
    for (int i = 0; code != NULL && i < n; i++)
        if (strcmp(rows[i].code, code) == 0)
            return i;
    return -1;
}

const char *samen_network_code(samen_network_vocab v, int x)
{
    int n;
    const vocab_row *rows = vocab_table(v, &n);
    return x >= 0 && x < n ? rows[x].code : "?";
}

const char *samen_network_label(samen_network_vocab v, int x, const char *lang)
{
    int n;
    const vocab_row *rows = vocab_table(v, &n);
    if (x < 0 || x >= n)
        return "?";
    return lang != NULL && strcmp(lang, "en") == 0 ? rows[x].en : rows[x].nl;
}

bool samen_tie_type_directed(samen_tie_type t)
{
    return (int)t >= 0 && t < SAMEN_TIE_TYPE_COUNT && tie_directed[t];
}

const char *samen_tie_type_colour(samen_tie_type t)
{
    return (int)t >= 0 && t < SAMEN_TIE_TYPE_COUNT ? tie_colour[t] : "#000000";
}

/* ---- rules ------------------------------------------------------------------- */

bool net_id_valid(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n < 1 || n > SAMEN_NETWORK_MAX_ID)
        return false;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '_' || *s == '-' || *s == '.'))
            return false;
    return true;
}

static bool no_controls(const char *s, bool allow_newlines)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 && !(allow_newlines && (c == '\n' || c == '\t')))
            return false;
        if (c == 0x7f)
            return false;
    }
    return true;
}

bool net_label_valid(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    return n >= 1 && n <= SAMEN_NETWORK_MAX_LABEL && text_is_utf8(s, n) && no_controls(s, false);
}

bool net_text_valid(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    return s != NULL && n <= SAMEN_NETWORK_MAX_TEXT && text_is_utf8(s, n) && no_controls(s, true);
}

bool net_region_valid(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n < 1 || n > 16)
        return false;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '-'))
            return false;
    return true;
}

/* ---- create / destroy -------------------------------------------------------- */

/* Copies an optional string into the arena; false when out of memory. */
static bool copy_opt(arena *a, const char *src, const char **dst)
{
    if (src == NULL) {
        *dst = NULL;
        return true;
    }
    *dst = arena_strdup(a, src);
    return *dst != NULL;
}

static bool opt_text_ok(const char *s)
{
    return s == NULL || net_text_valid(s);
}

static bool opt_label_ok(const char *s)
{
    return s == NULL || net_label_valid(s);
}

samen_status samen_network_create(const samen_network_info *info, samen_network **out)
{
    if (info == NULL || !net_id_valid(info->id) || !net_region_valid(info->region) ||
        info->meeting == NULL || !net_label_valid(info->meeting) || info->wave < 1990 ||
        info->wave > 2100 || (int)info->variant < 0 ||
        info->variant >= SAMEN_NETWORK_VARIANT_COUNT || info->situation < -1 ||
        info->situation >= SAMEN_SITUATION_COUNT || !opt_text_ok(info->title) ||
        !opt_label_ok(info->drawn_by) || !opt_text_ok(info->source) || !opt_text_ok(info->note))
        return SAMEN_EINVAL;
    samen_network *net = calloc(1, sizeof *net);
    if (net == NULL)
        return SAMEN_ENOMEM;
    net->a = arena_create();
    if (net->a == NULL) {
        free(net);
        return SAMEN_ENOMEM;
    }
    net->info = *info;
    arena *a = net->a;
    if (!copy_opt(a, info->id, &net->info.id) || !copy_opt(a, info->title, &net->info.title) ||
        !copy_opt(a, info->region, &net->info.region) ||
        !copy_opt(a, info->meeting, &net->info.meeting) ||
        !copy_opt(a, info->drawn_by, &net->info.drawn_by) ||
        !copy_opt(a, info->source, &net->info.source) ||
        !copy_opt(a, info->note, &net->info.note)) {
        samen_network_destroy(net);
        return SAMEN_ENOMEM;
    }
    *out = net;
    return SAMEN_OK;
}

void samen_network_destroy(samen_network *net)
{
    if (net == NULL)
        return;
    free(net->parties);
    free(net->party_group);
    free(net->groups);
    free(net->ties);
    free(net->tie_keys);
    arena_destroy(net->a);
    free(net);
}

/* ---- building ---------------------------------------------------------------- */

/* Grows *items (of *cap elements of size) to hold one more. */
static samen_status grow(void **items, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return SAMEN_OK;
    size_t c = *cap ? *cap * 2 : 16;
    void *p = realloc(*items, c * size);
    if (p == NULL)
        return SAMEN_ENOMEM;
    *items = p;
    *cap = c;
    return SAMEN_OK;
}

samen_status samen_network_add_party(samen_network *net, const samen_party_info *p)
{
    if (net == NULL || p == NULL || !net_id_valid(p->id) || !net_label_valid(p->label) ||
        !opt_label_ok(p->function) || !opt_label_ok(p->organisation) || !opt_text_ok(p->note) ||
        (int)p->kind < 0 || p->kind >= SAMEN_PARTY_KIND_COUNT || (int)p->status < 0 ||
        p->status >= SAMEN_PARTICIPATION_COUNT)
        return SAMEN_EINVAL;
    if (samen_network_find_party(net, p->id) >= 0)
        return SAMEN_EEXIST;
    if (net->nparties >= SAMEN_NETWORK_MAX_PARTIES)
        return SAMEN_ETOOBIG;
    size_t cap = net->cparties;
    void *items = net->parties;
    samen_status st = grow(&items, &cap, net->nparties, sizeof *net->parties);
    if (st != SAMEN_OK)
        return st;
    net->parties = items;
    if (cap != net->cparties) {
        long *pg = realloc(net->party_group, cap * sizeof *pg);
        if (pg == NULL)
            return SAMEN_ENOMEM;
        net->party_group = pg;
        net->cparties = cap;
    }
    samen_party_info q = *p;
    arena *a = net->a;
    if (!copy_opt(a, p->id, &q.id) || !copy_opt(a, p->label, &q.label) ||
        !copy_opt(a, p->function, &q.function) ||
        !copy_opt(a, p->organisation, &q.organisation) || !copy_opt(a, p->note, &q.note))
        return SAMEN_ENOMEM;
    net->party_group[net->nparties] = -1;
    net->parties[net->nparties++] = q;
    return SAMEN_OK;
}

samen_status samen_network_add_group(samen_network *net, const samen_group_info *g)
{
    if (net == NULL || g == NULL || !net_id_valid(g->id) || !net_label_valid(g->label) ||
        !opt_text_ok(g->note) || g->nmembers == 0 || g->members == NULL)
        return SAMEN_EINVAL;
    for (size_t i = 0; i < g->nmembers; i++) {
        if (g->members[i] >= net->nparties)
            return SAMEN_EINVAL;
        if (net->party_group[g->members[i]] >= 0)
            return SAMEN_EEXIST;
        for (size_t j = 0; j < i; j++)
            if (g->members[j] == g->members[i])
                return SAMEN_EEXIST;
    }
    for (size_t i = 0; i < net->ngroups; i++)
        if (strcmp(net->groups[i].id, g->id) == 0)
            return SAMEN_EEXIST;
    if (net->ngroups >= SAMEN_NETWORK_MAX_GROUPS)
        return SAMEN_ETOOBIG;
    void *items = net->groups;
    samen_status st = grow(&items, &net->cgroups, net->ngroups, sizeof *net->groups);
    if (st != SAMEN_OK)
        return st;
    net->groups = items;
    samen_group_info q = *g;
    size_t *members = arena_alloc(net->a, g->nmembers * sizeof *members);
    if (members == NULL || !copy_opt(net->a, g->id, &q.id) ||
        !copy_opt(net->a, g->label, &q.label) || !copy_opt(net->a, g->note, &q.note))
        return SAMEN_ENOMEM;
    memcpy(members, g->members, g->nmembers * sizeof *members);
    q.members = members;
    for (size_t i = 0; i < g->nmembers; i++)
        net->party_group[members[i]] = (long)net->ngroups;
    net->groups[net->ngroups++] = q;
    return SAMEN_OK;
}

/* Tie keys: type, then the two party indices (ordered for contact), each
 * below 2^12 > SAMEN_NETWORK_MAX_PARTIES. Stored + 1 so that 0 is empty. */
#define TIE_KEY_SLOTS 65536u   /* power of two, > 2 * SAMEN_NETWORK_MAX_TIES */

static uint64_t tie_key(const samen_tie_info *t)
{
    size_t a = t->from, b = t->to;
    if (!samen_tie_type_directed(t->type) && a > b) {
        a = t->to;
        b = t->from;
    }
    return ((uint64_t)t->type << 24 | (uint64_t)a << 12 | (uint64_t)b) + 1;
}

/* Returns the slot holding key or the empty slot where it would go. */
static size_t tie_slot(const uint64_t *keys, uint64_t key)
{
    uint64_t h = key * 0x9E3779B97F4A7C15ull;
    size_t i = (size_t)(h >> 48) & (TIE_KEY_SLOTS - 1);
    while (keys[i] != 0 && keys[i] != key)
        i = (i + 1) & (TIE_KEY_SLOTS - 1);
    return i;
}

samen_status samen_network_add_tie(samen_network *net, const samen_tie_info *t)
{
    if (net == NULL || t == NULL || (int)t->type < 0 || t->type >= SAMEN_TIE_TYPE_COUNT ||
        t->from >= net->nparties || t->to >= net->nparties || t->from == t->to ||
        !opt_text_ok(t->note))
        return SAMEN_EINVAL;
    if (net->tie_keys == NULL) {
        net->tie_keys = calloc(TIE_KEY_SLOTS, sizeof *net->tie_keys);
        if (net->tie_keys == NULL)
            return SAMEN_ENOMEM;
    }
    uint64_t key = tie_key(t);
    size_t slot = tie_slot(net->tie_keys, key);
    if (net->tie_keys[slot] == key)
        return SAMEN_EEXIST;
    if (net->nties >= SAMEN_NETWORK_MAX_TIES)
        return SAMEN_ETOOBIG;
    void *items = net->ties;
    samen_status st = grow(&items, &net->cties, net->nties, sizeof *net->ties);
    if (st != SAMEN_OK)
        return st;
    net->ties = items;
    samen_tie_info q = *t;
    if (!copy_opt(net->a, t->note, &q.note))
        return SAMEN_ENOMEM;
    net->tie_keys[slot] = key;
    net->ties[net->nties++] = q;
    return SAMEN_OK;
}

/* ---- views ------------------------------------------------------------------- */

const samen_network_info *samen_network_get_info(const samen_network *net) { return &net->info; }
size_t samen_network_nparties(const samen_network *net) { return net->nparties; }
size_t samen_network_ngroups(const samen_network *net) { return net->ngroups; }
size_t samen_network_nties(const samen_network *net) { return net->nties; }

const samen_party_info *samen_network_party(const samen_network *net, size_t i)
{
    return i < net->nparties ? &net->parties[i] : NULL;
}

long samen_network_find_party(const samen_network *net, const char *id)
{
    for (size_t i = 0; id != NULL && i < net->nparties; i++)
        if (strcmp(net->parties[i].id, id) == 0)
            return (long)i;
    return -1;
}

const samen_group_info *samen_network_group(const samen_network *net, size_t i)
{
    return i < net->ngroups ? &net->groups[i] : NULL;
}

long samen_network_party_group(const samen_network *net, size_t party)
{
    return party < net->nparties ? net->party_group[party] : -1;
}

const samen_tie_info *samen_network_tie(const samen_network *net, size_t i)
{
    return i < net->nties ? &net->ties[i] : NULL;
}

/* ---- against a study ----------------------------------------------------------- */

static void add_at(const samen_network *net, net_pos pos, samen_diag *d, const char *msg,
                   const char *arg)
{
    samen_diag_add(d, net->file ? net->file : net->info.id, pos.line, pos.column, msg, arg);
}

samen_status samen_network_check_study(const samen_network *net, const samen_study *study,
                                       samen_diag *d)
{
    size_t before = samen_diag_count(d);
    const samen_network_info *in = &net->info;
    long region = samen_study_find_region(study, in->region);
    bool is_pair = false;
    int situation = -1;
    if (region >= 0) {
        situation = samen_study_region(study, (size_t)region)->situation;
    } else {
        for (size_t i = 0; i < samen_study_nregions(study); i++) {
            const samen_region_info *r = samen_study_region(study, i);
            if (r->pair != NULL && strcmp(r->pair, in->region) == 0) {
                is_pair = true;
                situation = r->situation;
            }
        }
        if (!is_pair)
            add_at(net, net->pos_region, d,
                   "region '%s' is neither a region code nor a po-vo pair of the study",
                   in->region);
    }
    if (samen_study_find_wave(study, in->wave) == NULL) {
        char year[16];
        snprintf(year, sizeof year, "%d", in->wave);
        add_at(net, net->pos_wave, d, "wave %s is not a wave of the study", year);
    }
    if (in->situation >= 0 && situation >= 0 && in->situation != situation)
        add_at(net, net->pos_situation, d, "the study gives region %s another situation",
               in->region);
    return samen_diag_count(d) > before ? SAMEN_EVALIDATE : SAMEN_OK;
}
