/* tabledef.c - loading, validating and expanding report definitions
 * (samen_tabledef_* in samen/tables.h; the format is
 * docs/REPORT-DEFINITION.md; the structures are report/tables_int.h).
 *
 * Rules:
 *  1. Every key, name and value is checked where it is written, and every
 *     problem is reported as file:line:column with the table's id; loading
 *     goes on after a problem, so a user sees all of them at once.
 *  2. Variable names (var, items, in_columns aside) must be variables of
 *     the instrument of at least one wave of the study and not free text;
 *     a variable that a wave lacks gives empty cells in that wave, not an
 *     error. Scale ids likewise.
 *  3. Filters use the routing-condition grammar of instruments
 *     (model/cond.h), checked against the variables of all waves.
 *  4. After the keys, every table is expanded for every wave of the study
 *     (a dry run) and every cell's specification is checked: it has a
 *     statistic, and the variable, codes, items or text the statistic
 *     needs; codes are answers of the variable; reactions and regions
 *     take no filter on answers; mr_* variables are items of their set.
 *     Each problem is reported once, at the member that caused it.
 *  5. A cell's specification is the table's defaults, overridden by the
 *     column member, overridden by the row member; filters and group
 *     constraints are and-ed (td_merge). A column whose statistic is text
 *     keeps it in every row (a descriptive column).
 *  6. Expansion: a by-dimension gives one member per value (then a
 *     subtotal per group, then the total); answers give one member per
 *     code or group of codes (then the total: every answer); a waves entry
 *     that is later than the wave computed, or `previous` when there is
 *     none, gives no member. A split block multiplies: each member of the
 *     block is combined with each member of the split (ids joined by ".",
 *     labels by a space).
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/cond.h"
#include "report/tables_int.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/yamlx.h"

/* ---- Statistics and attributes ------------------------------------------- */

static const td_stat_info stat_infos[] = {
#define TD_STAT_INFO(name, e, src, needs, prec, pctlike, nl, en) {name, src, needs, prec, pctlike, nl, en},
    TD_STAT_MAP(TD_STAT_INFO)
#undef TD_STAT_INFO
};

int td_stat_lookup(const char *name)
{
    for (int i = 0; i < TD_ST_COUNT_; i++)
        if (name != NULL && strcmp(stat_infos[i].name, name) == 0)
            return i;
    return -1;
}

const td_stat_info *td_stat_get(int stat)
{
    return stat >= 0 && stat < TD_ST_COUNT_ ? &stat_infos[stat] : NULL;
}

const char *td_gattr_column(td_gattr g)
{
    static const char *const cols[] = {"region", "situation", "sector", "governance"};
    return (unsigned)g < TD_G_COUNT_ ? cols[g] : "?";
}

static int gattr_lookup(const char *name)
{
    for (int g = 0; g < TD_G_COUNT_; g++)
        if (name != NULL && strcmp(td_gattr_column((td_gattr)g), name) == 0)
            return g;
    return -1;
}

/* The vocabulary attribute of a group attribute (not region). */
static samen_attr gattr_vocab(td_gattr g)
{
    return g == TD_G_SITUATION ? SAMEN_ATTR_SITUATION
           : g == TD_G_SECTOR  ? SAMEN_ATTR_SECTOR
                               : SAMEN_ATTR_GOVERNANCE;
}

static int gattr_nvalues(const samen_study *s, td_gattr g)
{
    return g == TD_G_REGION ? (int)samen_study_nregions(s) : samen_attr_count(gattr_vocab(g));
}

const char *td_text_pick(td_text t, const char *lang)
{
    if (lang != NULL && strcmp(lang, "en") == 0 && t.en != NULL)
        return t.en;
    return t.nl != NULL ? t.nl : "";
}

/* ---- Loading ------------------------------------------------------------- */

typedef struct loader {
    yx_doc *doc;
    samen_diag *d;
    samen_tabledef *def;
    const samen_study *s;
    const char *table;   /* id of the table being read, for messages */
} loader;

static td_pos pos_of(const yaml_node_t *n)
{
    td_pos p = {0, 0};
    if (n != NULL) {
        p.line = (long)n->start_mark.line + 1;
        p.col = (long)n->start_mark.column + 1;
    }
    return p;
}

/* Reports a problem at node n, prefixed with the table's id. */
__attribute__((format(printf, 3, 4))) static void err(loader *L, const yaml_node_t *n,
                                                      const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    td_pos p = pos_of(n);
    if (L->table != NULL)
        samen_diag_add(L->d, L->def->name, p.line, p.col, "table %s: %s", L->table, msg);
    else
        samen_diag_add(L->d, L->def->name, p.line, p.col, "%s", msg);
}

static const char *dup(loader *L, const char *s)
{
    return s ? arena_strdup(L->def->a, s) : NULL;
}

static void check_keys(loader *L, yaml_node_t *map, const char *const *allowed, const char *what)
{
    size_t n = yx_map_len(map);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *kn = yx_map_key(L->doc, map, i);
        const char *k = yx_scalar(kn);
        bool ok = false;
        for (const char *const *a = allowed; k != NULL && *a != NULL; a++)
            ok |= strcmp(*a, k) == 0;
        for (size_t j = 0; ok && j < i; j++) {
            const char *prev = yx_scalar(yx_map_key(L->doc, map, j));
            if (prev != NULL && strcmp(prev, k) == 0) {
                err(L, kn, "duplicate key '%s'", k);
                break;
            }
        }
        if (!ok)
            err(L, kn, "unknown key '%s' in %s", k ? k : "(not a plain key)", what);
    }
}

/* A text: a plain string (Dutch) or {nl: ..., en: ...}. */
static bool parse_text(loader *L, yaml_node_t *n, const char *what, td_text *out)
{
    static const char *const keys[] = {"nl", "en", NULL};
    out->nl = out->en = NULL;
    if (n == NULL)
        return false;
    const char *s = yx_scalar(n);
    if (s != NULL) {
        out->nl = dup(L, s);
    } else if (yx_is_map(n)) {
        check_keys(L, n, keys, what);
        out->nl = dup(L, yx_scalar(yx_get(L->doc, n, "nl")));
        out->en = dup(L, yx_scalar(yx_get(L->doc, n, "en")));
    }
    if (out->nl == NULL) {
        err(L, n, "%s must be a text or {nl: ..., en: ...} with a Dutch text", what);
        return false;
    }
    return true;
}

static bool valid_id(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n >= TD_ID_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '-'))
            return false;
    return true;
}

static const char *parse_id(loader *L, yaml_node_t *n, const char *what)
{
    const char *s = yx_scalar(n);
    if (!valid_id(s)) {
        err(L, n, "%s must be 1 to %d letters, digits, '_' or '-'", what, TD_ID_MAX - 1);
        return NULL;
    }
    return dup(L, s);
}

/* Variables and scales of the study's instruments (rule 2). */
static const samen_var_info *find_var_any(const samen_study *s, const char *name)
{
    for (size_t w = 0; w < samen_study_nwaves(s); w++) {
        const samen_instrument *in = samen_study_wave(s, w)->instrument;
        long v = samen_instrument_find_var(in, name);
        if (v >= 0)
            return samen_instrument_var(in, (size_t)v);
    }
    return NULL;
}

static bool scale_exists(const samen_study *s, const char *id)
{
    for (size_t w = 0; w < samen_study_nwaves(s); w++) {
        const samen_instrument *in = samen_study_wave(s, w)->instrument;
        for (size_t i = 0; i < samen_instrument_nscales(in); i++)
            if (strcmp(samen_instrument_scale(in, i)->id, id) == 0)
                return true;
    }
    return false;
}

static const char *parse_var(loader *L, yaml_node_t *n)
{
    const char *name = yx_scalar(n);
    if (name == NULL || name[0] == '\0') {
        err(L, n, "a variable name is expected");
        return NULL;
    }
    const samen_var_info *vi = find_var_any(L->s, name);
    if (vi == NULL) {
        err(L, n, "unknown variable '%s' (not in the instrument of any wave)", name);
        return NULL;
    }
    if (vi->type == SAMEN_Q_TEXT) {
        err(L, n, "variable '%s' is free text and has no statistics", name);
        return NULL;
    }
    return dup(L, vi->name);
}

/* Condition environment over the variables of every wave (rule 3): a
 * variable's index is wave * MAX + its index in that wave's instrument. */
#define ENV_WAVE_STRIDE 1000000L

static long env_lookup(void *ctx, const char *name)
{
    const samen_study *s = ctx;
    for (size_t w = 0; w < samen_study_nwaves(s); w++) {
        long v = samen_instrument_find_var(samen_study_wave(s, w)->instrument, name);
        if (v >= 0)
            return (long)w * ENV_WAVE_STRIDE + v;
    }
    return -1;
}

static bool env_is_text(void *ctx, long var)
{
    const samen_study *s = ctx;
    const samen_instrument *in = samen_study_wave(s, (size_t)(var / ENV_WAVE_STRIDE))->instrument;
    return samen_instrument_var(in, (size_t)(var % ENV_WAVE_STRIDE))->type == SAMEN_Q_TEXT;
}

static const char *parse_filter(loader *L, yaml_node_t *n, td_pos *pos)
{
    const char *src = yx_scalar(n);
    if (src == NULL || src[0] == '\0') {
        err(L, n, "a filter must be a condition such as \"samenwerking == 1\"");
        return NULL;
    }
    arena *a = arena_create();
    if (a == NULL)
        return NULL;
    cond_env env = {(void *)L->s, env_lookup, env_is_text};
    cond *c = NULL;
    char msg[256];
    size_t at = 0;
    samen_status st = cond_parse(a, src, &env, &c, msg, sizeof msg, &at);
    arena_destroy(a);
    *pos = pos_of(n);
    long col = pos->col;
    if (n->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
        n->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
        col++;
    if (st != SAMEN_OK) {
        if (strchr(src, '\n') == NULL)
            col += (long)at;
        if (L->table != NULL)
            samen_diag_add(L->d, L->def->name, pos->line, col, "table %s: in filter: %s",
                           L->table, msg);
        else
            samen_diag_add(L->d, L->def->name, pos->line, col, "in filter: %s", msg);
        return NULL;
    }
    pos->col = col;
    return dup(L, src);
}

static bool parse_int(loader *L, yaml_node_t *n, const char *what, long lo, long hi, long *out)
{
    long x;
    if (!text_parse_long(yx_scalar(n), &x) || x < lo || x > hi) {
        err(L, n, "%s must be a whole number from %ld to %ld", what, lo, hi);
        return false;
    }
    *out = x;
    return true;
}

static bool parse_codes(loader *L, yaml_node_t *n, td_spec *sp)
{
    const char *s = yx_scalar(n);
    if (s != NULL && strcmp(s, "*") == 0) {
        sp->has_codes = sp->any_code = true;
        return true;
    }
    if (!yx_is_seq(n) || yx_seq_len(n) == 0 || yx_seq_len(n) > TD_MAX_CODES) {
        err(L, n, "codes must be a list of 1 to %d answer codes, or \"*\" (every answer)",
            TD_MAX_CODES);
        return false;
    }
    sp->ncodes = 0;
    for (size_t i = 0; i < yx_seq_len(n); i++) {
        long c;
        if (!parse_int(L, yx_seq_at(L->doc, n, i), "an answer code", -32767, 32767, &c))
            return false;
        sp->codes[sp->ncodes++] = (int)c;
    }
    sp->has_codes = true;
    sp->any_code = false;
    return true;
}

static bool parse_wave(loader *L, yaml_node_t *n, td_wave *w)
{
    const char *s = yx_scalar(n);
    long y;
    if (s != NULL && strcmp(s, "current") == 0) {
        w->kind = TD_WAVE_CURRENT;
    } else if (s != NULL && strcmp(s, "previous") == 0) {
        w->kind = TD_WAVE_PREVIOUS;
    } else if (s != NULL && text_parse_long(s, &y) && samen_study_find_wave(L->s, (int)y)) {
        w->kind = TD_WAVE_YEAR;
        w->year = (int)y;
    } else {
        err(L, n, "a wave is current, previous or a wave of the study, not '%s'",
            s ? s : "(not a text)");
        return false;
    }
    return true;
}

static const char *const *parse_names(loader *L, yaml_node_t *n, const char *what, bool vars,
                                      size_t *count)
{
    *count = 0;
    if (!yx_is_seq(n) || yx_seq_len(n) == 0 || yx_seq_len(n) > TD_MAX_ITEMS) {
        err(L, n, "%s must be a list of 1 to %d names", what, TD_MAX_ITEMS);
        return NULL;
    }
    size_t k = yx_seq_len(n);
    const char **out = arena_alloc(L->def->a, k * sizeof *out);
    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < k; i++) {
        yaml_node_t *it = yx_seq_at(L->doc, n, i);
        out[i] = vars ? parse_var(L, it) : dup(L, yx_scalar(it));
        if (out[i] == NULL) {
            if (!vars)
                err(L, it, "%s must be a list of names", what);
            return NULL;
        }
        for (size_t j = 0; vars && j < i; j++)
            if (text_ieq(out[j], out[i])) {
                err(L, it, "'%s' is listed twice in %s", out[i], what);
                return NULL;
            }
    }
    *count = k;
    return out;
}

static void spec_init(td_spec *sp, const yaml_node_t *n)
{
    memset(sp, 0, sizeof *sp);
    sp->stat = -1;
    sp->precision = -1;
    sp->pos = pos_of(n);
}

#define SPEC_KEYS "var", "items", "scale", "codes", "stat", "filter", "wave", "precision", "text", "in_columns"

/* Reads the member keys of mapping map into sp. */
static void parse_spec(loader *L, yaml_node_t *map, td_spec *sp)
{
    yaml_node_t *n;
    n = yx_get(L->doc, map, "var");
    if (n != NULL)
        sp->var = parse_var(L, n);
    n = yx_get(L->doc, map, "items");
    if (n != NULL)
        sp->items = parse_names(L, n, "items", true, &sp->nitems);
    n = yx_get(L->doc, map, "scale");
    if (n != NULL) {
        const char *s = yx_scalar(n);
        if (s == NULL || !scale_exists(L->s, s))
            err(L, n, "unknown scale '%s' (not a scale of any wave's instrument)",
                s ? s : "(not a text)");
        else
            sp->scale = dup(L, s);
    }
    n = yx_get(L->doc, map, "codes");
    if (n != NULL)
        parse_codes(L, n, sp);
    n = yx_get(L->doc, map, "stat");
    if (n != NULL) {
        sp->stat = td_stat_lookup(yx_scalar(n));
        if (sp->stat < 0) {
            char names[800] = "";
            for (int i = 0; i < TD_ST_COUNT_; i++) {
                size_t len = strlen(names);
                snprintf(names + len, sizeof names - len, "%s%s", i ? ", " : "", stat_infos[i].name);
            }
            err(L, n, "unknown statistic '%s' (one of: %s)",
                yx_scalar(n) ? yx_scalar(n) : "(not a text)", names);
        }
    }
    n = yx_get(L->doc, map, "filter");
    if (n != NULL) {
        td_pos p;
        const char *f = parse_filter(L, n, &p);
        if (f != NULL) {
            sp->filters[0] = f;
            sp->filter_pos[0] = p;
            sp->nfilters = 1;
        }
    }
    n = yx_get(L->doc, map, "wave");
    if (n != NULL)
        parse_wave(L, n, &sp->wave);
    n = yx_get(L->doc, map, "precision");
    if (n != NULL) {
        long p;
        if (parse_int(L, n, "precision", 0, 6, &p))
            sp->precision = (int)p;
    }
    n = yx_get(L->doc, map, "text");
    if (n != NULL)
        parse_text(L, n, "text", &sp->text);
    n = yx_get(L->doc, map, "in_columns");
    if (n != NULL)
        sp->only = parse_names(L, n, "in_columns", false, &sp->nonly);
}

/* ---- Blocks --------------------------------------------------------------- */

static const char *const dim_keys[] = {"by", "vars", "scales", "answers", "stats", "waves", "members", NULL};

static bool parse_blocks(loader *L, yaml_node_t *n, const char *what, int depth, td_block **out,
                         size_t *count);

/* An entry of a dimension given as a mapping: id, label and member keys. */
static void parse_entry_map(loader *L, yaml_node_t *m, td_entry *e, const char *what)
{
    static const char *const keys[] = {"id", "label", SPEC_KEYS, NULL};
    check_keys(L, m, keys, what);
    spec_init(&e->spec, m);
    parse_spec(L, m, &e->spec);
    yaml_node_t *n;
    n = yx_get(L->doc, m, "id");
    if (n != NULL)
        e->id = parse_id(L, n, "id");
    n = yx_get(L->doc, m, "label");
    if (n != NULL)
        parse_text(L, n, "label", &e->label);
}

static int by_value(loader *L, td_gattr g, yaml_node_t *n)
{
    const char *s = yx_scalar(n);
    long code;
    if (g == TD_G_VAR)
        return parse_int(L, n, "an answer code", -32767, 32767, &code) ? (int)code : INT_MIN;
    if (s == NULL) {
        err(L, n, "a %s code is expected", td_gattr_column(g));
        return INT_MIN;
    }
    int v = g == TD_G_REGION ? (int)samen_study_find_region(L->s, s)
                             : samen_vocab_lookup(gattr_vocab(g), s);
    if (v < 0)
        err(L, n, "'%s' is not a %s of the study", s, td_gattr_column(g));
    return v < 0 ? INT_MIN : v;
}

static const char *by_code(loader *L, td_gattr g, int v)
{
    char num[16];
    if (g == TD_G_VAR) {
        snprintf(num, sizeof num, "%d", v);
        return dup(L, num);
    }
    return dup(L, g == TD_G_REGION ? samen_study_region(L->s, (size_t)v)->code
                                   : samen_vocab_code(gattr_vocab(g), v));
}

/* The answer codes of var in the latest wave that asks it. */
static const samen_var_info *latest_var(const samen_study *s, const char *var)
{
    for (size_t w = samen_study_nwaves(s); w-- > 0;) {
        const samen_instrument *in = samen_study_wave(s, w)->instrument;
        long v = samen_instrument_find_var(in, var);
        if (v >= 0)
            return samen_instrument_var(in, (size_t)v);
    }
    return NULL;
}

static int region_group(const samen_study *s, int region, td_gattr g)
{
    const samen_region_info *r = samen_study_region(s, (size_t)region);
    return g == TD_G_SITUATION ? r->situation : g == TD_G_SECTOR ? r->sector : r->governance;
}

static void parse_by(loader *L, yaml_node_t *m, td_block *b)
{
    yaml_node_t *n = yx_get(L->doc, m, "by");
    int g = gattr_lookup(yx_scalar(n));
    const samen_var_info *vi = NULL;
    if (g < 0) {
        /* A variable: one member per answer code (a crosstab). */
        if (yx_scalar(n) == NULL || find_var_any(L->s, yx_scalar(n)) == NULL) {
            err(L, n, "by is region, situation, sector, governance or a variable, not '%s'",
                yx_scalar(n) ? yx_scalar(n) : "(not a text)");
            return;
        }
        b->by_var = parse_var(L, n);
        if (b->by_var == NULL)
            return;
        vi = latest_var(L->s, b->by_var);
        g = TD_G_VAR;
    }
    b->attr = (td_gattr)g;
    int nv = g == TD_G_VAR ? (int)vi->noptions : gattr_nvalues(L->s, b->attr);
    yaml_node_t *vals = yx_get(L->doc, m, "values");
    if (g == TD_G_VAR && vals == NULL && nv == 0) {
        err(L, n, "by: %s needs values: the variable has no labelled answer codes", b->by_var);
        return;
    }
    size_t k = vals ? yx_seq_len(vals) : (size_t)nv;
    if (vals != NULL && (!yx_is_seq(vals) || k == 0 || k > TD_MAX_ENTRIES)) {
        err(L, vals, "values must be a list of %s codes", td_gattr_column(b->attr));
        return;
    }
    b->entries = arena_alloc(L->def->a, (k ? k : 1) * sizeof *b->entries);
    if (b->entries == NULL)
        return;
    yaml_node_t *labels = yx_get(L->doc, m, "labels");
    if (labels != NULL && !yx_is_map(labels))
        err(L, labels, "labels must map %s codes to texts", td_gattr_column(b->attr));
    yaml_node_t *gn = yx_get(L->doc, m, "group");
    b->group_attr = -1;
    if (gn != NULL) {
        int ga = gattr_lookup(yx_scalar(gn));
        if (b->attr != TD_G_REGION || ga < 0 || ga == TD_G_REGION)
            err(L, gn, "group goes with by: region and is situation, sector or governance");
        else
            b->group_attr = ga;
    }
    for (size_t i = 0; i < k; i++) {
        td_entry *e = &b->entries[b->nentries];
        memset(e, 0, sizeof *e);
        yaml_node_t *vn = vals ? yx_seq_at(L->doc, vals, i) : NULL;
        int v = vn ? by_value(L, b->attr, vn) : g == TD_G_VAR ? vi->options[i].code : (int)i;
        if (v == INT_MIN)
            continue;
        spec_init(&e->spec, vn ? vn : m);
        int *one = arena_alloc(L->def->a, sizeof *one);
        if (one == NULL)
            return;
        *one = v;
        e->spec.groups[0] = (td_group){b->attr, 1, one, b->by_var};
        e->spec.ngroups = 1;
        e->id = by_code(L, b->attr, v);
        e->group_value = b->group_attr >= 0 ? region_group(L->s, v, (td_gattr)b->group_attr) : -1;
        b->nentries++;
    }
    for (size_t i = 0; labels != NULL && i < yx_map_len(labels); i++) {
        yaml_node_t *kn = yx_map_key(L->doc, labels, i);
        int v = by_value(L, b->attr, kn);
        size_t j = 0;
        while (j < b->nentries && (v == INT_MIN || b->entries[j].spec.groups[0].values[0] != v))
            j++;
        if (v != INT_MIN && j == b->nentries)
            err(L, kn, "'%s' is not one of the values of this block", yx_scalar(kn));
        else if (v != INT_MIN)
            parse_text(L, yx_map_value(L->doc, labels, i), "label", &b->entries[j].label);
    }
    yaml_node_t *gl = yx_get(L->doc, m, "group_labels");
    if (gl != NULL && b->group_attr < 0) {
        err(L, gl, "group_labels needs group");
    } else if (gl != NULL) {
        td_gattr ga = (td_gattr)b->group_attr;
        int ng = gattr_nvalues(L->s, ga);
        b->group_labels = arena_alloc(L->def->a, (size_t)ng * sizeof *b->group_labels);
        for (size_t i = 0; b->group_labels != NULL && i < yx_map_len(gl); i++) {
            yaml_node_t *kn = yx_map_key(L->doc, gl, i);
            int v = by_value(L, ga, kn);
            if (v != INT_MIN)
                parse_text(L, yx_map_value(L->doc, gl, i), "group label", &b->group_labels[v]);
        }
    }
    n = yx_get(L->doc, m, "subtotal");
    if (n != NULL) {
        if (b->group_attr < 0)
            err(L, n, "subtotal needs group");
        else
            b->has_subtotal = parse_text(L, n, "subtotal", &b->subtotal);
    }
}

/* Entries of vars, scales, answers, stats, waves and members. */
static void parse_entries(loader *L, yaml_node_t *list, td_block *b, const char *key)
{
    const char *what = key;
    if (b->dim == TD_DIM_CODES && yx_scalar(list) != NULL && strcmp(yx_scalar(list), "all") == 0) {
        b->all_codes = true;
        return;
    }
    size_t k = yx_seq_len(list);
    if (!yx_is_seq(list) || k == 0 || k > TD_MAX_ENTRIES) {
        err(L, list, "%s must be a list of 1 to %d entries%s", what, TD_MAX_ENTRIES,
            b->dim == TD_DIM_CODES ? " (or \"all\")" : "");
        return;
    }
    b->entries = arena_alloc(L->def->a, k * sizeof *b->entries);
    if (b->entries == NULL)
        return;
    for (size_t i = 0; i < k; i++) {
        yaml_node_t *it = yx_seq_at(L->doc, list, i);
        td_entry *e = &b->entries[b->nentries];
        memset(e, 0, sizeof *e);
        e->group_value = -1;
        spec_init(&e->spec, it);
        if (yx_is_map(it)) {
            parse_entry_map(L, it, e, what);
        } else if (yx_scalar(it) == NULL) {
            err(L, it, "an entry of %s must be a name or a mapping", what);
            continue;
        } else {
            switch (b->dim) {
            case TD_DIM_VARS:
                e->spec.var = parse_var(L, it);
                break;
            case TD_DIM_SCALES:
                if (!scale_exists(L->s, yx_scalar(it)))
                    err(L, it, "unknown scale '%s' (not a scale of any wave's instrument)",
                        yx_scalar(it));
                else
                    e->spec.scale = dup(L, yx_scalar(it));
                break;
            case TD_DIM_CODES: {
                long c;
                if (parse_int(L, it, "an answer code", -32767, 32767, &c)) {
                    e->spec.has_codes = true;
                    e->spec.ncodes = 1;
                    e->spec.codes[0] = (int)c;
                }
                break;
            }
            case TD_DIM_STATS:
                e->spec.stat = td_stat_lookup(yx_scalar(it));
                if (e->spec.stat < 0)
                    err(L, it, "unknown statistic '%s'", yx_scalar(it));
                break;
            case TD_DIM_WAVES:
                parse_wave(L, it, &e->spec.wave);
                break;
            default:
                err(L, it, "an entry of %s must be a mapping with id and label", what);
                continue;
            }
        }
        /* What each dimension's entries must set. */
        bool ok = true;
        switch (b->dim) {
        case TD_DIM_VARS: ok = e->spec.var != NULL; break;
        case TD_DIM_SCALES: ok = e->spec.scale != NULL; break;
        case TD_DIM_CODES: ok = e->spec.has_codes; break;
        case TD_DIM_STATS: ok = e->spec.stat >= 0; break;
        case TD_DIM_WAVES: ok = e->spec.wave.kind != TD_WAVE_UNSET; break;
        default: break;
        }
        if (!ok && yx_is_map(it)) {
            static const char *const need[] = {"", "", "var", "scale", "codes", "stat", "wave", ""};
            err(L, it, "an entry of %s needs '%s'", what, need[b->dim]);
        }
        if (!ok)
            continue;
        if (e->id == NULL) {
            char id[TD_ID_MAX];
            id[0] = '\0';
            switch (b->dim) {
            case TD_DIM_VARS: text_copy(id, sizeof id, e->spec.var); break;
            case TD_DIM_SCALES: text_copy(id, sizeof id, e->spec.scale); break;
            case TD_DIM_STATS: text_copy(id, sizeof id, stat_infos[e->spec.stat].name); break;
            case TD_DIM_WAVES:
                if (e->spec.wave.kind == TD_WAVE_YEAR)
                    snprintf(id, sizeof id, "%d", e->spec.wave.year);
                break;
            case TD_DIM_MEMBERS:
                if (e->spec.stat >= 0)
                    text_copy(id, sizeof id, stat_infos[e->spec.stat].name);
                else if (e->spec.var != NULL)
                    text_copy(id, sizeof id, e->spec.var);
                break;
            case TD_DIM_CODES:
                if (e->spec.any_code)
                    text_copy(id, sizeof id, "any");
                for (size_t c = 0; c < e->spec.ncodes; c++) {
                    size_t len = strlen(id);
                    snprintf(id + len, sizeof id - len, "%s%d", c ? "_" : "", e->spec.codes[c]);
                }
                break;
            default: break;
            }
            if (id[0] == '\0' && b->dim != TD_DIM_WAVES) {
                err(L, it, "an entry of %s needs an id", what);
                continue;
            }
            e->id = id[0] ? dup(L, id) : NULL; /* waves: the year, at expansion */
        }
        if (b->dim == TD_DIM_CODES && e->spec.ncodes > 1 && e->label.nl == NULL)
            err(L, it, "a group of codes needs a label");
        b->nentries++;
    }
}

static bool parse_block(loader *L, yaml_node_t *m, int depth, td_block *b)
{
    static const char *const keys[] = {"by",     "vars",   "scales",      "answers",  "stats",
                                       "waves",  "members", "id",         "label",    "total",
                                       "split",  "values", "labels",      "group",    "group_labels",
                                       "subtotal", SPEC_KEYS, NULL};
    memset(b, 0, sizeof *b);
    b->group_attr = -1;
    b->pos = pos_of(m);
    if (!yx_is_map(m)) {
        err(L, m, "a block of rows or columns must be a mapping");
        return false;
    }
    check_keys(L, m, keys, "a block");
    const char *dimkey = NULL;
    for (const char *const *k = dim_keys; *k != NULL; k++) {
        if (yx_get(L->doc, m, *k) == NULL)
            continue;
        if (dimkey != NULL)
            err(L, yx_get(L->doc, m, *k), "a block has one of by, vars, scales, answers, stats, "
                "waves and members, not both %s and %s", dimkey, *k);
        else
            dimkey = *k;
    }
    spec_init(&b->common, m);
    parse_spec(L, m, &b->common);
    yaml_node_t *n;
    n = yx_get(L->doc, m, "id");
    if (n != NULL)
        b->id = parse_id(L, n, "id");
    n = yx_get(L->doc, m, "label");
    if (n != NULL)
        parse_text(L, n, "label", &b->label);
    static const char *const by_only[] = {"values", "labels", "group", "group_labels", "subtotal", NULL};
    for (const char *const *k = by_only; *k != NULL; k++)
        if ((dimkey == NULL || strcmp(dimkey, "by") != 0) && (n = yx_get(L->doc, m, *k)) != NULL)
            err(L, n, "'%s' goes with by", *k);
    if (dimkey == NULL) {
        b->dim = TD_DIM_SINGLE;
        if (b->id == NULL) {
            if (b->common.stat >= 0)
                b->id = stat_infos[b->common.stat].name;
            else if (b->common.var != NULL)
                b->id = b->common.var;
            else
                err(L, m, "a single row or column needs an id");
        }
    } else if (strcmp(dimkey, "by") == 0) {
        b->dim = TD_DIM_BY;
        parse_by(L, m, b);
    } else {
        static const struct {
            const char *key;
            td_dim dim;
        } dims[] = {{"vars", TD_DIM_VARS},   {"scales", TD_DIM_SCALES}, {"answers", TD_DIM_CODES},
                    {"stats", TD_DIM_STATS}, {"waves", TD_DIM_WAVES},   {"members", TD_DIM_MEMBERS}};
        for (size_t i = 0; i < sizeof dims / sizeof dims[0]; i++)
            if (strcmp(dims[i].key, dimkey) == 0)
                b->dim = dims[i].dim;
        parse_entries(L, yx_get(L->doc, m, dimkey), b, dimkey);
    }
    n = yx_get(L->doc, m, "total");
    if (n != NULL) {
        if (b->dim != TD_DIM_BY && b->dim != TD_DIM_CODES)
            err(L, n, "total goes with by or answers");
        else
            b->has_total = parse_text(L, n, "total", &b->total);
    }
    n = yx_get(L->doc, m, "split");
    if (n != NULL)
        parse_blocks(L, n, "split", depth + 1, &b->split, &b->nsplit);
    return true;
}

/* rows, columns or split: one block or a list of blocks. */
static bool parse_blocks(loader *L, yaml_node_t *n, const char *what, int depth, td_block **out,
                         size_t *count)
{
    *count = 0;
    if (depth > TD_MAX_DEPTH) {
        err(L, n, "splits are nested more than %d deep", TD_MAX_DEPTH);
        return false;
    }
    size_t k = yx_is_seq(n) ? yx_seq_len(n) : 1;
    if (k == 0 || k > TD_MAX_ENTRIES || !(yx_is_seq(n) || yx_is_map(n))) {
        err(L, n, "%s must be a block or a list of blocks", what);
        return false;
    }
    td_block *b = arena_alloc(L->def->a, k * sizeof *b);
    if (b == NULL)
        return false;
    for (size_t i = 0; i < k; i++)
        parse_block(L, yx_is_seq(n) ? yx_seq_at(L->doc, n, i) : n, depth, &b[i]);
    *out = b;
    *count = k;
    return true;
}

/* The variable whose answers `answers:` lists and labels: the table's var,
 * else the first variable named in its rows or columns. */
static const char *first_var(const td_block *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (b[i].common.var != NULL)
            return b[i].common.var;
        for (size_t j = 0; j < b[i].nentries; j++)
            if (b[i].entries[j].spec.var != NULL)
                return b[i].entries[j].spec.var;
        const char *v = first_var(b[i].split, b[i].nsplit);
        if (v != NULL)
            return v;
    }
    return NULL;
}

static void parse_table(loader *L, yaml_node_t *m, td_table *t)
{
    static const char *const keys[] = {"id", "type", "title", "base", "notes", "rows", "columns",
                                       SPEC_KEYS, NULL};
    memset(t, 0, sizeof *t);
    t->pos = pos_of(m);
    L->table = NULL;
    if (!yx_is_map(m)) {
        err(L, m, "a table must be a mapping");
        return;
    }
    yaml_node_t *n = yx_get(L->doc, m, "id");
    t->id = n ? parse_id(L, n, "a table id") : NULL;
    if (n == NULL)
        err(L, m, "a table needs an id");
    L->table = t->id ? t->id : "?";
    check_keys(L, m, keys, "a table");
    t->type = "table";
    n = yx_get(L->doc, m, "type");
    if (n != NULL) {
        const char *ty = yx_scalar(n);
        if (ty == NULL || (strcmp(ty, "table") != 0 && strcmp(ty, "figure") != 0))
            err(L, n, "type is table or figure");
        else
            t->type = dup(L, ty);
    }
    n = yx_get(L->doc, m, "title");
    if (n != NULL)
        parse_text(L, n, "title", &t->title);
    else
        err(L, m, "a table needs a title");
    n = yx_get(L->doc, m, "base");
    if (n != NULL)
        parse_text(L, n, "base", &t->base);
    n = yx_get(L->doc, m, "notes");
    if (n != NULL) {
        size_t k = yx_seq_len(n);
        if (!yx_is_seq(n) || k > TD_MAX_NOTES) {
            err(L, n, "notes must be a list of at most %d texts", TD_MAX_NOTES);
        } else {
            t->notes = arena_alloc(L->def->a, (k ? k : 1) * sizeof *t->notes);
            for (size_t i = 0; t->notes != NULL && i < k; i++)
                if (parse_text(L, yx_seq_at(L->doc, n, i), "a note", &t->notes[t->nnotes]))
                    t->nnotes++;
        }
    }
    spec_init(&t->defaults, m);
    parse_spec(L, m, &t->defaults);
    if (t->defaults.nonly > 0)
        err(L, yx_get(L->doc, m, "in_columns"), "in_columns goes with a row");
    n = yx_get(L->doc, m, "rows");
    if (n != NULL)
        parse_blocks(L, n, "rows", 0, &t->rows, &t->nrows);
    else
        err(L, m, "a table needs rows");
    n = yx_get(L->doc, m, "columns");
    if (n != NULL)
        parse_blocks(L, n, "columns", 0, &t->cols, &t->ncols);
    else
        err(L, m, "a table needs columns");
    t->label_var = t->defaults.var;
    if (t->label_var == NULL)
        t->label_var = first_var(t->rows, t->nrows);
    if (t->label_var == NULL)
        t->label_var = first_var(t->cols, t->ncols);
}

static void parse_comparison(loader *L, yaml_node_t *m)
{
    static const char *const keys[] = {"composition", "max_size_ratio", "max_distance", "min_n",
                                       NULL};
    if (!yx_is_map(m)) {
        err(L, m, "comparison must be a mapping");
        return;
    }
    check_keys(L, m, keys, "comparison");
    samen_tabledef *def = L->def;
    yaml_node_t *n = yx_get(L->doc, m, "composition");
    if (n != NULL) {
        size_t k = yx_seq_len(n);
        if (!yx_is_seq(n) || k > TD_MAX_COMPOSITION) {
            err(L, n, "composition must be a list of at most %d variables", TD_MAX_COMPOSITION);
        } else {
            for (size_t i = 0; i < k; i++) {
                yaml_node_t *it = yx_seq_at(L->doc, n, i);
                const char *v = yx_scalar(it);
                if (v != NULL && gattr_lookup(v) >= 0)
                    def->composition[def->ncomposition++] = dup(L, v);
                else {
                    v = parse_var(L, it);
                    if (v != NULL)
                        def->composition[def->ncomposition++] = v;
                }
            }
        }
    }
    double x;
    if (yx_get(L->doc, m, "max_size_ratio") &&
        yx_get_double(L->doc, m, "max_size_ratio", false, &x, L->d))
        def->rules.max_size_ratio = x;
    if (yx_get(L->doc, m, "max_distance") && yx_get_double(L->doc, m, "max_distance", false, &x, L->d))
        def->rules.max_distance = x;
    long k;
    n = yx_get(L->doc, m, "min_n");
    if (n != NULL && parse_int(L, n, "min_n", 0, 1000000, &k))
        def->rules.min_n = (size_t)k;
}

/* ---- Expansion (rules 5 and 6) -------------------------------------------- */

static bool add_filters(td_spec *out, const td_spec *in)
{
    for (size_t i = 0; i < in->nfilters; i++) {
        if (out->nfilters >= TD_MAX_FILTERS)
            return false;
        out->filter_pos[out->nfilters] = in->filter_pos[i];
        out->filters[out->nfilters++] = in->filters[i];
    }
    for (size_t i = 0; i < in->ngroups; i++) {
        if (out->ngroups >= TD_MAX_GROUPS)
            return false;
        out->groups[out->ngroups++] = in->groups[i];
    }
    return true;
}

static bool apply(td_spec *out, const td_spec *in)
{
    if (in == NULL)
        return true;
    if (in->var != NULL)
        out->var = in->var;
    if (in->items != NULL) {
        out->items = in->items;
        out->nitems = in->nitems;
        out->scale = NULL;
    }
    if (in->scale != NULL) {
        out->scale = in->scale;
        out->items = NULL;
        out->nitems = 0;
    }
    if (in->has_codes) {
        out->has_codes = true;
        out->any_code = in->any_code;
        out->ncodes = in->ncodes;
        memcpy(out->codes, in->codes, sizeof out->codes);
    }
    if (in->stat >= 0)
        out->stat = in->stat;
    if (in->precision >= 0)
        out->precision = in->precision;
    if (in->wave.kind != TD_WAVE_UNSET)
        out->wave = in->wave;
    if (in->text.nl != NULL)
        out->text = in->text;
    if (in->only != NULL) {
        out->only = in->only;
        out->nonly = in->nonly;
    }
    if (in->pos.line > 0)
        out->pos = in->pos;
    return add_filters(out, in);
}

bool td_merge(td_spec *out, const td_spec *base, const td_spec *col, const td_spec *row)
{
    *out = *base;
    if (!apply(out, col) || !apply(out, row))
        return false;
    /* Rule 5: a text column is descriptive and shows its text in every row. */
    if (col != NULL && col->stat == TD_ST_TEXT) {
        out->stat = TD_ST_TEXT;
        out->text = col->text;
    }
    return true;
}

bool td_only_allows(const td_spec *row, const char *col_id)
{
    if (row->only == NULL)
        return true;
    for (size_t i = 0; i < row->nonly; i++) {
        size_t n = strlen(row->only[i]);
        for (const char *p = col_id; p != NULL; p = strchr(p, '.')) {
            if (*p == '.')
                p++;
            if (strncmp(p, row->only[i], n) == 0 && (p[n] == '\0' || p[n] == '.'))
                return true;
        }
    }
    return false;
}

typedef struct mlist {
    td_member *m;
    size_t n, cap;
} mlist;

typedef struct expander {
    const td_context *cx;
    const td_table *t;
    arena *a;
    samen_diag *d;
    bool failed;
} expander;

static void xerr(expander *x, td_pos p, const char *fmt, const char *arg)
{
    char msg[400];
    snprintf(msg, sizeof msg, fmt, arg);
    samen_diag_add(x->d, x->cx->def->name, p.line, p.col, "table %s: %s", x->t->id, msg);
    x->failed = true;
}

static bool push(expander *x, mlist *l, const td_member *m)
{
    if (l->n >= TD_MAX_MEMBERS) {
        xerr(x, x->t->pos, "more than %s rows or columns", "20000");
        return false;
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        td_member *nm = arena_alloc(x->a, cap * sizeof *nm);
        if (nm == NULL)
            return false;
        if (l->n)
            memcpy(nm, l->m, l->n * sizeof *nm);
        l->m = nm;
        l->cap = cap;
    }
    l->m[l->n++] = *m;
    return true;
}

/* The instrument that describes var best for this run: the computed wave's,
 * else the latest wave that has it. */
static const samen_instrument *instrument_for(const td_context *cx, const char *var)
{
    const samen_study *s = cx->def->s;
    const samen_wave_info *w = samen_study_find_wave(s, cx->wave);
    if (w != NULL && (var == NULL || samen_instrument_find_var(w->instrument, var) >= 0))
        return w->instrument;
    for (size_t i = samen_study_nwaves(s); i-- > 0;)
        if (var == NULL || samen_instrument_find_var(samen_study_wave(s, i)->instrument, var) >= 0)
            return samen_study_wave(s, i)->instrument;
    return NULL;
}

static const samen_var_info *var_info(const td_context *cx, const char *var)
{
    const samen_instrument *in = instrument_for(cx, var);
    long v = in ? samen_instrument_find_var(in, var) : -1;
    return v >= 0 ? samen_instrument_var(in, (size_t)v) : NULL;
}

static const char *pick_label(const td_context *cx, const char *nl, const char *en)
{
    return cx->lang != NULL && strcmp(cx->lang, "en") == 0 && en != NULL ? en : nl;
}

static const char *code_label(const td_context *cx, const char *var, int code)
{
    const samen_var_info *vi = var ? var_info(cx, var) : NULL;
    for (size_t i = 0; vi != NULL && i < vi->noptions; i++)
        if (vi->options[i].code == code)
            return pick_label(cx, vi->options[i].label_nl, vi->options[i].label_en);
    return NULL;
}

static const char *scale_label(const td_context *cx, const char *id)
{
    const samen_study *s = cx->def->s;
    for (size_t w = samen_study_nwaves(s); w-- > 0;) {
        const samen_instrument *in = samen_study_wave(s, w)->instrument;
        for (size_t i = 0; i < samen_instrument_nscales(in); i++) {
            const samen_scale_info *sc = samen_instrument_scale(in, i);
            if (strcmp(sc->id, id) == 0)
                return pick_label(cx, sc->label_nl, sc->label_en);
        }
    }
    return id;
}

static int resolve_wave(const td_context *cx, td_wave w)
{
    switch (w.kind) {
    case TD_WAVE_PREVIOUS: return cx->previous;
    case TD_WAVE_YEAR: return w.year;
    default: return cx->wave;
    }
}

/* Replaces {label} and {wave} in template tpl. */
static const char *fill(expander *x, const char *tpl, const char *label, int wave)
{
    if (tpl == NULL)
        return arena_strdup(x->a, label ? label : "");
    buf b;
    buf_init(&b, 64 * 1024);
    for (const char *p = tpl; *p;) {
        if (strncmp(p, "{label}", 7) == 0) {
            buf_append_str(&b, label ? label : "");
            p += 7;
        } else if (strncmp(p, "{wave}", 6) == 0) {
            buf_printf(&b, "%d", wave);
            p += 6;
        } else {
            buf_append_char(&b, *p++);
        }
    }
    const char *out = arena_strdup(x->a, buf_str(&b));
    buf_free(&b);
    return out;
}

static const char *join_id(expander *x, const char *prefix, const char *id)
{
    if (prefix == NULL || prefix[0] == '\0')
        return arena_strdup(x->a, id);
    size_t n = strlen(prefix) + strlen(id) + 2;
    char *out = arena_alloc(x->a, n);
    if (out != NULL)
        snprintf(out, n, "%s.%s", prefix, id);
    return out;
}

static bool expand_blocks(expander *x, const td_block *b, size_t nb, mlist *out);

/* Adds member m of block b to out, multiplied by b's split (rule 6). */
static bool add_member(expander *x, const td_block *b, td_member *m, const mlist *split,
                       mlist *out)
{
    const char *tpl = NULL;
    if (b->dim != TD_DIM_SINGLE && b->label.nl != NULL)
        tpl = td_text_pick(b->label, x->cx->lang);
    m->label = fill(x, tpl, m->label, resolve_wave(x->cx, m->spec.wave));
    if (b->dim != TD_DIM_SINGLE && b->id != NULL)
        m->id = join_id(x, b->id, m->id);
    if (m->id == NULL || m->label == NULL)
        return false;
    if (split == NULL)
        return push(x, out, m);
    for (size_t i = 0; i < split->n; i++) {
        const td_member *in = &split->m[i];
        td_member c = *m;
        c.id = join_id(x, m->id, in->id);
        size_t n = strlen(m->label) + strlen(in->label) + 2;
        char *label = arena_alloc(x->a, n);
        if (label == NULL || c.id == NULL)
            return false;
        snprintf(label, n, "%s%s%s", m->label, m->label[0] && in->label[0] ? " " : "", in->label);
        c.label = label;
        c.total = m->total || in->total;
        c.group = m->group ? m->group : in->group;
        if (!td_merge(&c.spec, &m->spec, NULL, &in->spec)) {
            xerr(x, in->spec.pos, "more than %s filters in one cell", "8");
            return false;
        }
        if (!push(x, out, &c))
            return false;
    }
    return true;
}

static bool member_from(expander *x, const td_block *b, const td_spec *entry, td_member *m)
{
    memset(m, 0, sizeof *m);
    if (!td_merge(&m->spec, &b->common, NULL, entry)) {
        xerr(x, entry->pos, "more than %s filters in one cell", "8");
        return false;
    }
    return true;
}

static const char *default_label(expander *x, const td_block *b, const td_entry *e,
                                 const td_spec *sp)
{
    const td_context *cx = x->cx;
    if (e != NULL && e->label.nl != NULL)
        return td_text_pick(e->label, cx->lang);
    switch (b->dim) {
    case TD_DIM_VARS: {
        const samen_var_info *vi = var_info(cx, sp->var);
        return vi ? pick_label(cx, vi->label_nl, vi->label_en) : sp->var;
    }
    case TD_DIM_SCALES: return scale_label(cx, sp->scale);
    case TD_DIM_CODES: {
        const char *l = sp->ncodes == 1 ? code_label(cx, x->t->label_var, sp->codes[0]) : NULL;
        if (l == NULL) {
            char *num = arena_alloc(x->a, 16);
            if (num != NULL)
                snprintf(num, 16, "%d", sp->ncodes ? sp->codes[0] : 0);
            return num;
        }
        return l;
    }
    case TD_DIM_WAVES: {
        char *num = arena_alloc(x->a, 16);
        if (num != NULL)
            snprintf(num, 16, "%d", resolve_wave(cx, sp->wave));
        return num;
    }
    default:
        break;
    }
    if (sp->stat >= 0 && sp->stat != TD_ST_TEXT)
        return pick_label(cx, stat_infos[sp->stat].label_nl, stat_infos[sp->stat].label_en);
    if (sp->var != NULL) {
        const samen_var_info *vi = var_info(cx, sp->var);
        return vi ? pick_label(cx, vi->label_nl, vi->label_en) : sp->var;
    }
    return "";
}

static bool expand_by(expander *x, const td_block *b, const mlist *split, mlist *out)
{
    const td_context *cx = x->cx;
    const samen_study *s = cx->def->s;
    for (size_t i = 0; i < b->nentries; i++) {
        const td_entry *e = &b->entries[i];
        td_member m;
        if (!member_from(x, b, &e->spec, &m))
            return false;
        m.id = e->id;
        int v = e->spec.groups[0].values[0];
        if (e->label.nl != NULL)
            m.label = td_text_pick(e->label, cx->lang);
        else if (b->attr == TD_G_REGION)
            m.label = samen_study_region(s, (size_t)v)->code;
        else if (b->attr == TD_G_VAR)
            m.label = code_label(cx, b->by_var, v) ? code_label(cx, b->by_var, v) : e->id;
        else
            m.label = samen_vocab_label(gattr_vocab(b->attr), v, cx->lang);
        const char *glabel = NULL;
        if (b->group_attr >= 0) {
            int g = e->group_value;
            td_text gl = b->group_labels ? b->group_labels[g] : (td_text){NULL, NULL};
            glabel = gl.nl ? td_text_pick(gl, cx->lang)
                           : samen_vocab_label(gattr_vocab((td_gattr)b->group_attr), g, cx->lang);
            m.group = glabel;
        }
        if (!add_member(x, b, &m, split, out))
            return false;
        /* Rule 6: a subtotal when the group ends. */
        bool last = i + 1 == b->nentries || b->entries[i + 1].group_value != e->group_value;
        if (b->has_subtotal && last) {
            size_t first = i;
            while (first > 0 && b->entries[first - 1].group_value == e->group_value)
                first--;
            int *vals = arena_alloc(x->a, (i - first + 1) * sizeof *vals);
            if (vals == NULL)
                return false;
            for (size_t j = first; j <= i; j++)
                vals[j - first] = b->entries[j].spec.groups[0].values[0];
            td_spec sub;
            spec_init(&sub, NULL);
            sub.pos = b->pos;
            sub.groups[0] = (td_group){TD_G_REGION, i - first + 1, vals, NULL};
            sub.ngroups = 1;
            td_member st;
            if (!member_from(x, b, &sub, &st))
                return false;
            st.id = join_id(x, samen_vocab_code(gattr_vocab((td_gattr)b->group_attr), e->group_value),
                            "subtotal");
            st.label = td_text_pick(b->subtotal, cx->lang);
            st.group = glabel;
            st.total = true;
            if (!add_member(x, b, &st, split, out))
                return false;
        }
    }
    return true;
}

/* Expands one block into out (rule 6). */
static bool expand_block(expander *x, const td_block *b, mlist *out)
{
    const td_context *cx = x->cx;
    mlist split = {0};
    if (b->nsplit > 0 && !expand_blocks(x, b->split, b->nsplit, &split))
        return false;
    const mlist *sp = b->nsplit > 0 ? &split : NULL;
    td_member m;
    switch (b->dim) {
    case TD_DIM_SINGLE:
        if (!member_from(x, b, &b->common, &m))
            return false;
        m.id = b->id ? b->id : "?";
        m.label = b->label.nl ? td_text_pick(b->label, cx->lang) : default_label(x, b, NULL, &m.spec);
        m.label = fill(x, m.label, NULL, resolve_wave(cx, m.spec.wave));
        return add_member(x, b, &m, sp, out);
    case TD_DIM_BY:
        if (!expand_by(x, b, sp, out))
            return false;
        break;
    case TD_DIM_CODES:
        if (b->all_codes) {
            const samen_var_info *vi = x->t->label_var ? var_info(cx, x->t->label_var) : NULL;
            if (vi == NULL || vi->noptions == 0) {
                xerr(x, b->pos, "answers: all needs a variable with answer codes (%s)",
                     x->t->label_var ? x->t->label_var : "none in this table");
                return false;
            }
            for (size_t i = 0; i < vi->noptions; i++) {
                td_spec e;
                spec_init(&e, NULL);
                e.pos = b->pos;
                e.has_codes = true;
                e.ncodes = 1;
                e.codes[0] = vi->options[i].code;
                if (!member_from(x, b, &e, &m))
                    return false;
                char id[16];
                snprintf(id, sizeof id, "%d", e.codes[0]);
                m.id = arena_strdup(x->a, id);
                m.label = pick_label(cx, vi->options[i].label_nl, vi->options[i].label_en);
                if (!add_member(x, b, &m, sp, out))
                    return false;
            }
            break;
        }
        /* fall through - the listed entries */
    default:
        for (size_t i = 0; i < b->nentries; i++) {
            const td_entry *e = &b->entries[i];
            if (b->dim == TD_DIM_WAVES) {
                int w = resolve_wave(cx, e->spec.wave);
                if (w == 0 || w > cx->wave)
                    continue; /* rule 6 */
            }
            if (!member_from(x, b, &e->spec, &m))
                return false;
            if (b->dim == TD_DIM_WAVES) {
                /* A relative wave becomes its year, so cells and ids agree. */
                m.spec.wave.kind = TD_WAVE_YEAR;
                m.spec.wave.year = resolve_wave(cx, e->spec.wave);
                if (e->id == NULL) {
                    char id[16];
                    snprintf(id, sizeof id, "%d", m.spec.wave.year);
                    m.id = arena_strdup(x->a, id);
                }
            }
            if (m.id == NULL)
                m.id = e->id;
            m.label = default_label(x, b, e, &m.spec);
            if (!add_member(x, b, &m, sp, out))
                return false;
        }
        break;
    }
    if (b->has_total) {
        td_spec e;
        spec_init(&e, NULL);
        e.pos = b->pos;
        if (b->dim == TD_DIM_CODES) {
            e.has_codes = true;
            e.any_code = true;
        }
        if (!member_from(x, b, &e, &m))
            return false;
        m.id = "total";
        m.label = td_text_pick(b->total, cx->lang);
        m.total = true;
        if (!add_member(x, b, &m, sp, out))
            return false;
    }
    return true;
}

static bool expand_blocks(expander *x, const td_block *b, size_t nb, mlist *out)
{
    for (size_t i = 0; i < nb; i++)
        if (!expand_block(x, &b[i], out))
            return false;
    return true;
}

samen_status td_expand(const td_context *cx, const td_table *t, bool rows, arena *a,
                       td_member **out, size_t *n, samen_diag *d)
{
    expander x = {cx, t, a, d, false};
    mlist l = {0};
    bool ok = expand_blocks(&x, rows ? t->rows : t->cols, rows ? t->nrows : t->ncols, &l);
    if (!ok || x.failed)
        return x.failed ? SAMEN_EVALIDATE : SAMEN_ENOMEM;
    /* Ids must be unique on a side: lookups and renderers rely on it. */
    for (size_t i = 0; i < l.n; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(l.m[i].id, l.m[j].id) == 0) {
                char what[TD_ID_MAX * 4 + 40];
                snprintf(what, sizeof what, "%s id '%s' occurs twice (give blocks an id)",
                         rows ? "row" : "column", l.m[i].id);
                xerr(&x, l.m[i].spec.pos, "%s", what);
                return SAMEN_EVALIDATE;
            }
    *out = l.m;
    *n = l.n;
    return SAMEN_OK;
}

/* ---- The dry run (rule 4) ---------------------------------------------- */

static bool already_reported(const samen_diag *d, const char *msg)
{
    for (size_t i = 0; i < samen_diag_count(d); i++) {
        const char *m = samen_diag_message(d, i);
        if (m != NULL && strcmp(m, msg) == 0)
            return true;
    }
    return false;
}

__attribute__((format(printf, 4, 5))) static void cell_err(const samen_tabledef *def,
                                                           samen_diag *d, td_pos p,
                                                           const char *fmt, ...)
{
    char msg[700], full[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (p.line > 0)
        snprintf(full, sizeof full, "%s:%ld:%ld: %s", def->name, p.line, p.col, msg);
    else
        snprintf(full, sizeof full, "%s: %s", def->name, msg);
    if (!already_reported(d, full))
        samen_diag_add(d, def->name, p.line, p.col, "%s", msg);
}

static bool is_item(const td_spec *sp, const char *var)
{
    for (size_t i = 0; i < sp->nitems; i++)
        if (text_ieq(sp->items[i], var))
            return true;
    return sp->scale != NULL; /* checked per wave at computation */
}

static void check_cell(const samen_tabledef *def, const td_table *t, const td_member *r,
                       const td_member *c, int wave, samen_diag *d)
{
    td_spec sp;
    td_pos p = r->spec.pos.line ? r->spec.pos : t->pos;
    if (!td_merge(&sp, &t->defaults, &c->spec, &r->spec)) {
        cell_err(def, d, p, "table %s: more than %d filters in cell (%s, %s)", t->id,
                 TD_MAX_FILTERS, r->id, c->id);
        return;
    }
    if (!td_only_allows(&r->spec, c->id))
        return;
    if (sp.stat < 0) {
        cell_err(def, d, p, "table %s: no statistic for row '%s', column '%s' (add stat)", t->id,
                 r->id, c->id);
        return;
    }
    const td_stat_info *si = td_stat_get(sp.stat);
    if ((si->needs & TD_NEED_VAR) && sp.var == NULL)
        cell_err(def, d, p, "table %s: statistic %s needs a variable (row '%s', column '%s')",
                 t->id, si->name, r->id, c->id);
    if ((si->needs & TD_NEED_CODES) && !sp.has_codes)
        cell_err(def, d, p, "table %s: statistic %s needs codes (row '%s', column '%s')", t->id,
                 si->name, r->id, c->id);
    if ((si->needs & TD_NEED_ITEMS) && sp.items == NULL && sp.scale == NULL)
        cell_err(def, d, p, "table %s: statistic %s needs items or a scale (row '%s', column '%s')",
                 t->id, si->name, r->id, c->id);
    if ((si->needs & TD_NEED_TEXT) && sp.text.nl == NULL)
        cell_err(def, d, p, "table %s: statistic text needs a text (row '%s', column '%s')", t->id,
                 r->id, c->id);
    if ((si->needs & TD_NEED_ITEMS) && (si->needs & TD_NEED_VAR) && sp.var != NULL &&
        !is_item(&sp, sp.var))
        cell_err(def, d, p, "table %s: variable '%s' is not one of the items of %s (row '%s')",
                 t->id, sp.var, si->name, r->id);
    bool var_group = false;
    for (size_t g = 0; g < sp.ngroups; g++)
        var_group |= sp.groups[g].attr == TD_G_VAR;
    if ((si->source == TD_SRC_STORE || si->source == TD_SRC_STUDY) && var_group)
        cell_err(def, d, p, "table %s: statistic %s counts %s and cannot be split by answers",
                 t->id, si->name, si->source == TD_SRC_STORE ? "reactions" : "regions");
    if ((si->source == TD_SRC_STORE || si->source == TD_SRC_STUDY) && sp.nfilters > 0)
        cell_err(def, d, sp.filter_pos[0], "table %s: statistic %s counts %s and takes no filter "
                 "on answers (use by: to split it)", t->id, si->name,
                 si->source == TD_SRC_STORE ? "reactions" : "regions");
    /* Codes must be answers of the variable, in every wave that asks it. */
    const samen_wave_info *w = samen_study_find_wave(def->s, wave);
    long v = sp.var && w ? samen_instrument_find_var(w->instrument, sp.var) : -1;
    if ((si->needs & TD_NEED_CODES) && sp.has_codes && !sp.any_code && v >= 0) {
        for (size_t i = 0; i < sp.ncodes; i++) {
            char text[16], why[200];
            double value;
            snprintf(text, sizeof text, "%d", sp.codes[i]);
            if (samen_instrument_check_value(w->instrument, (size_t)v, text, &value, why,
                                             sizeof why) != SAMEN_OK)
                cell_err(def, d, p, "table %s: code %d is not an answer of '%s' in wave %d (%s)",
                         t->id, sp.codes[i], sp.var, wave, why);
        }
    }
}

static void dry_run(samen_tabledef *def, samen_diag *d)
{
    const samen_study *s = def->s;
    for (size_t w = 0; w < samen_study_nwaves(s); w++) {
        int year = samen_study_wave(s, w)->year, previous = 0;
        for (size_t k = 0; k < samen_study_nwaves(s); k++) {
            int y = samen_study_wave(s, k)->year;
            if (y < year && y > previous)
                previous = y;
        }
        td_context cx = {def, "nl", year, previous};
        for (size_t i = 0; i < def->ntables; i++) {
            const td_table *t = &def->tables[i];
            arena *a = arena_create();
            if (a == NULL)
                return;
            td_member *rows = NULL, *cols = NULL;
            size_t nr = 0, nc = 0;
            samen_diag *tmp = samen_diag_create(20);
            if (tmp != NULL && td_expand(&cx, t, true, a, &rows, &nr, tmp) == SAMEN_OK &&
                td_expand(&cx, t, false, a, &cols, &nc, tmp) == SAMEN_OK) {
                if ((unsigned long long)nr * nc > TD_MAX_CELLS)
                    cell_err(def, d, t->pos, "table %s: more than %d cells", t->id, TD_MAX_CELLS);
                else
                    for (size_t r = 0; r < nr; r++)
                        for (size_t c = 0; c < nc; c++)
                            check_cell(def, t, &rows[r], &cols[c], year, d);
            }
            /* Expansion problems, once each: the message names its position. */
            for (size_t m = 0; tmp != NULL && m < samen_diag_count(tmp); m++)
                if (!already_reported(d, samen_diag_message(tmp, m)))
                    samen_diag_add(d, NULL, 0, 0, "%s", samen_diag_message(tmp, m));
            samen_diag_destroy(tmp);
            arena_destroy(a);
        }
    }
}

/* ---- The file -------------------------------------------------------------- */

static samen_status load_doc(yx_doc *doc, const samen_study *s, samen_tabledef **out,
                             samen_diag *d)
{
    static const char *const keys[] = {"format", "id", "title", "study", "small_base",
                                       "comparison", "tables", NULL};
    size_t before = samen_diag_count(d);
    samen_tabledef *def = calloc(1, sizeof *def);
    if (def == NULL)
        return SAMEN_ENOMEM;
    def->a = arena_create();
    if (def->a == NULL) {
        free(def);
        return SAMEN_ENOMEM;
    }
    def->s = s;
    def->name = arena_strdup(def->a, yx_name(doc));
    def->small_base = 10;
    def->rules = samen_caveat_default_rules();
    loader L = {doc, d, def, s, NULL};
    yaml_node_t *root = yx_root(doc);
    if (!yx_is_map(root)) {
        err(&L, root, "a report definition must be a mapping with format, id and tables");
        goto out;
    }
    check_keys(&L, root, keys, "the definition");
    yaml_node_t *n = yx_get(doc, root, "format");
    long fmt = 0;
    if (n == NULL)
        err(&L, root, "missing required key 'format' (1)");
    else if (!text_parse_long(yx_scalar(n), &fmt) || fmt != 1)
        err(&L, n, "format must be 1");
    n = yx_get(doc, root, "id");
    if (n != NULL)
        def->id = parse_id(&L, n, "id");
    else
        err(&L, root, "missing required key 'id'");
    n = yx_get(doc, root, "title");
    if (n != NULL)
        parse_text(&L, n, "title", &def->title);
    n = yx_get(doc, root, "study");
    if (n != NULL &&
        (yx_scalar(n) == NULL || strcmp(yx_scalar(n), samen_study_id(s)) != 0))
        err(&L, n, "this definition is for study '%s', not '%s'",
            yx_scalar(n) ? yx_scalar(n) : "?", samen_study_id(s));
    long sb;
    n = yx_get(doc, root, "small_base");
    if (n != NULL && parse_int(&L, n, "small_base", 0, 1000000, &sb))
        def->small_base = sb;
    n = yx_get(doc, root, "comparison");
    if (n != NULL)
        parse_comparison(&L, n);
    n = yx_get(doc, root, "tables");
    if (n == NULL || !yx_is_seq(n) || yx_seq_len(n) == 0 || yx_seq_len(n) > TD_MAX_TABLES) {
        err(&L, n ? n : root, "tables must be a list of 1 to %d tables", TD_MAX_TABLES);
        goto out;
    }
    def->tables = arena_alloc(def->a, yx_seq_len(n) * sizeof *def->tables);
    if (def->tables == NULL)
        goto out;
    for (size_t i = 0; i < yx_seq_len(n); i++) {
        yaml_node_t *tn = yx_seq_at(doc, n, i);
        td_table *t = &def->tables[def->ntables];
        parse_table(&L, tn, t);
        L.table = NULL;
        if (t->id == NULL)
            continue;
        for (size_t j = 0; j < def->ntables; j++)
            if (strcmp(def->tables[j].id, t->id) == 0)
                err(&L, yx_get(doc, tn, "id"), "table id '%s' is used twice", t->id);
        def->ntables++;
    }
    if (samen_diag_count(d) == before)
        dry_run(def, d);
out:
    if (samen_diag_count(d) > before) {
        samen_tabledef_destroy(def);
        return SAMEN_EVALIDATE;
    }
    *out = def;
    return SAMEN_OK;
}

samen_status samen_tabledef_load_buffer(const char *data, size_t len, const char *name,
                                        const samen_study *s, samen_tabledef **out,
                                        samen_diag *d)
{
    if (len > SAMEN_TABLEDEF_MAX_BYTES) {
        samen_diag_add(d, name, 0, 0, "file is larger than %u bytes", SAMEN_TABLEDEF_MAX_BYTES);
        return SAMEN_ETOOBIG;
    }
    yx_doc *doc = NULL;
    samen_status st = yx_load_buffer(data, len, name, &doc, d);
    if (st != SAMEN_OK)
        return st;
    st = load_doc(doc, s, out, d);
    yx_destroy(doc);
    return st;
}

samen_status samen_tabledef_load(const char *path, const char *name, const samen_study *s,
                                 samen_tabledef **out, samen_diag *d)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        samen_diag_add(d, name, 0, 0, "cannot open the report definition");
        return SAMEN_ENOTFOUND;
    }
    buf b;
    buf_init(&b, SAMEN_TABLEDEF_MAX_BYTES);
    char chunk[65536];
    size_t n;
    samen_status st = SAMEN_OK;
    for (;;) {
        n = fread(chunk, 1, sizeof chunk, f);
        if (n == 0 || st != SAMEN_OK)
            break;
        st = buf_append(&b, chunk, n);
    }
    if (st == SAMEN_OK && ferror(f))
        st = SAMEN_EIO;
    fclose(f);
    if (st == SAMEN_ETOOBIG)
        samen_diag_add(d, name, 0, 0, "file is larger than %u bytes", SAMEN_TABLEDEF_MAX_BYTES);
    else if (st != SAMEN_OK)
        samen_diag_add(d, name, 0, 0, "cannot read the report definition");
    if (st == SAMEN_OK)
        st = samen_tabledef_load_buffer(buf_str(&b), b.len, name, s, out, d);
    buf_free(&b);
    return st;
}

void samen_tabledef_destroy(samen_tabledef *def)
{
    if (def == NULL)
        return;
    arena_destroy(def->a);
    free(def);
}

void samen_tabledef_default_path(const samen_study *s, char *out, size_t cap)
{
    snprintf(out, cap, "%s/reports/%s.yaml", samen_study_dir(s), samen_study_id(s));
}

size_t samen_tabledef_ntables(const samen_tabledef *def)
{
    return def->ntables;
}

const char *samen_tabledef_table_id(const samen_tabledef *def, size_t i)
{
    return i < def->ntables ? def->tables[i].id : NULL;
}
