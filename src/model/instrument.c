/* instrument.c - loading, validating and querying instruments
 * (samen/instrument.h; the format is docs/INSTRUMENT.md).
 *
 * Loading runs in three passes over the YAML document, so that every check
 * can report the position of the node it is about:
 *   1. the header, placeholders and answer sets;
 *   2. sections and questions, which create the variables in file order;
 *   3. whole-instrument checks: variable names, routing conditions (names,
 *      forward references, cycles), consent position, scales.
 * Every problem is added to the diagnostics and loading goes on, so a user
 * sees all problems of a file at once.
 */
#include "samen/instrument.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/cond.h"
#include "util/arena.h"
#include "util/text.h"
#include "util/yamlx.h"

#define MAX_VARS 20000
#define MAX_OPTIONS 200
#define MAX_TEXT_LENGTH 100000
#define DEFAULT_TEXT_LENGTH 2000
#define VAR_NAME_MAX 64

typedef struct text {
    const char *nl;
    const char *en;
} text;

typedef struct answer_set {
    const char *name;
    size_t n;
    samen_answer_option *opts;
} answer_set;

typedef struct placeholder {
    const char *name;
    text value[SAMEN_SITUATION_COUNT];
} placeholder;

typedef struct section {
    const char *id;
    text title;
    cond *when;
    size_t first_question;
} section;

typedef struct question {
    samen_question_info info;
    cond *when;
} question;

struct name_entry {
    const char *name;
    size_t index;
};

struct samen_instrument {
    arena *a;
    const char *id;
    const char *version;
    int wave;
    text title;
    size_t nsections, csections;
    section *sections;
    size_t nquestions, cquestions;
    question *questions;
    size_t nvars, cvars;
    samen_var_info *vars;
    size_t nscales;
    samen_scale_info *scales;
    size_t nplaceholders;
    placeholder *placeholders;
    long consent_question;
    struct name_entry *by_name; /* variables sorted by name (case-insensitive), once loaded */
};

/* Load-time state, with the nodes needed for positions in pass 3. */
typedef struct loader {
    samen_instrument *inst;
    yx_doc *doc;
    samen_diag *d;
    size_t nsets;
    answer_set *sets;
    yaml_node_t **var_nodes;      /* per variable: where it is named */
    size_t cvar_nodes;
    yaml_node_t **q_when_nodes;   /* per question */
    yaml_node_t **s_when_nodes;   /* per section */
    size_t cq_when, cs_when;
    bool oom;
} loader;

static const char *const reserved_spss[] = {"ALL", "AND", "BY", "EQ", "GE", "GT", "LE",
                                            "LT",  "NE",  "NOT", "OR", "TO", "WITH", NULL};
static const char *const reserved_columns[] = {"brin",   "respondent", "region", "situation",
                                               "sector", "governance", "wave",   NULL};

static const char *const qtype_names[SAMEN_Q_COUNT] = {"consent", "single", "multi", "grid",
                                                       "rating",  "number", "text"};

const char *samen_qtype_name(samen_qtype t)
{
    return (int)t >= 0 && t < SAMEN_Q_COUNT ? qtype_names[t] : "?";
}

static bool grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t c = *cap ? *cap * 2 : 16;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * elem);
    if (q == NULL)
        return false;
    memset((char *)q + *cap * elem, 0, (c - *cap) * elem);
    *p = q;
    *cap = c;
    return true;
}

static const char *dup(loader *L, const char *s)
{
    const char *p = arena_strdup(L->inst->a, s);
    if (p == NULL && s != NULL)
        L->oom = true;
    return p;
}

/* ---- texts and placeholders ------------------------------------------- */

static const placeholder *find_placeholder(const samen_instrument *inst, const char *name,
                                           size_t len)
{
    for (size_t i = 0; i < inst->nplaceholders; i++)
        if (strlen(inst->placeholders[i].name) == len &&
            strncmp(inst->placeholders[i].name, name, len) == 0)
            return &inst->placeholders[i];
    return NULL;
}

/* Reports placeholders in s that are not declared. */
static void check_placeholders(loader *L, yaml_node_t *node, const char *s)
{
    for (const char *p = strchr(s, '{'); p != NULL; p = strchr(p + 1, '{')) {
        const char *e = strchr(p, '}');
        if (e == NULL)
            return;
        size_t len = (size_t)(e - p - 1);
        bool ident = len > 0;
        for (size_t i = 1; i <= len; i++)
            if (!(islower((unsigned char)p[i]) || isdigit((unsigned char)p[i]) || p[i] == '_'))
                ident = false;
        if (ident && find_placeholder(L->inst, p + 1, len) == NULL)
            yx_error(L->doc, node, L->d, "undeclared placeholder {%.*s}", (int)len, p + 1);
    }
}

/* Parses a text: a plain string (Dutch) or {nl: ..., en: ...}. */
static bool parse_text(loader *L, yaml_node_t *node, const char *what, text *out)
{
    static const char *const keys[] = {"nl", "en", NULL};
    out->nl = out->en = NULL;
    if (node == NULL)
        return false;
    const char *s = yx_scalar(node);
    if (s != NULL) {
        out->nl = dup(L, s);
    } else if (yx_is_map(node)) {
        yx_check_keys(L->doc, node, keys, L->d);
        const char *nl = NULL, *en = NULL;
        yx_get_string(L->doc, node, "nl", true, &nl, L->d);
        yx_get_string(L->doc, node, "en", false, &en, L->d);
        out->nl = dup(L, nl);
        out->en = dup(L, en);
    } else {
        yx_error(L->doc, node, L->d, "%s must be a text or {nl: ..., en: ...}", what);
        return false;
    }
    if (out->nl == NULL || out->nl[0] == '\0') {
        yx_error(L->doc, node, L->d, "%s needs a Dutch text", what);
        return false;
    }
    check_placeholders(L, node, out->nl);
    if (out->en != NULL)
        check_placeholders(L, node, out->en);
    return true;
}

/* Reads nl (required) and en of a mapping that also has other keys. */
static void parse_label(loader *L, yaml_node_t *map, text *out)
{
    const char *nl = NULL, *en = NULL;
    yx_get_string(L->doc, map, "nl", true, &nl, L->d);
    yx_get_string(L->doc, map, "en", false, &en, L->d);
    out->nl = dup(L, nl);
    out->en = dup(L, en);
    if (nl != NULL)
        check_placeholders(L, map, nl);
    if (en != NULL)
        check_placeholders(L, map, en);
}

static void parse_placeholders(loader *L, yaml_node_t *node)
{
    if (node == NULL)
        return;
    if (!yx_is_map(node)) {
        yx_error(L->doc, node, L->d, "placeholders must be a mapping of names");
        return;
    }
    size_t n = yx_map_len(node);
    L->inst->placeholders = arena_alloc(L->inst->a, (n ? n : 1) * sizeof(placeholder));
    if (L->inst->placeholders == NULL) {
        L->oom = true;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *kn = yx_map_key(L->doc, node, i);
        yaml_node_t *vn = yx_map_value(L->doc, node, i);
        const char *name = yx_scalar(kn);
        bool ok = name != NULL && islower((unsigned char)name[0]);
        for (const char *c = name; ok && *c; c++)
            if (!(islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '_'))
                ok = false;
        if (!ok) {
            yx_error(L->doc, kn, L->d, "placeholder names are lower case [a-z0-9_]");
            continue;
        }
        placeholder *ph = &L->inst->placeholders[L->inst->nplaceholders++];
        ph->name = dup(L, name);
        if (!yx_is_map(vn)) {
            yx_error(L->doc, vn, L->d, "placeholder '%s' must map each situation to a text",
                     name);
            continue;
        }
        bool seen[SAMEN_SITUATION_COUNT] = {false};
        for (size_t k = 0; k < yx_map_len(vn); k++) {
            yaml_node_t *sk = yx_map_key(L->doc, vn, k);
            int sit = samen_vocab_lookup(SAMEN_ATTR_SITUATION, yx_scalar(sk));
            if (sit < 0) {
                yx_error(L->doc, sk, L->d, "'%s' is not a situation",
                         yx_scalar(sk) ? yx_scalar(sk) : "?");
                continue;
            }
            seen[sit] = true;
            parse_text(L, yx_map_value(L->doc, vn, k), "a placeholder text", &ph->value[sit]);
        }
        for (int s = 0; s < SAMEN_SITUATION_COUNT; s++)
            if (!seen[s])
                yx_error(L->doc, vn, L->d, "placeholder '%s' has no text for situation %s",
                         name, samen_vocab_code(SAMEN_ATTR_SITUATION, s));
    }
}

/* ---- answer sets -------------------------------------------------------- */

/* Parses a list of answer options into out and n (arena memory). */
static bool parse_options(loader *L, yaml_node_t *node, samen_answer_option **out, size_t *n)
{
    static const char *const keys[] = {"code", "nl", "en", "nonsubstantive", NULL};
    if (!yx_is_seq(node) || yx_seq_len(node) == 0) {
        yx_error(L->doc, node, L->d, "answers must be a non-empty list of {code, nl, en}");
        return false;
    }
    size_t count = yx_seq_len(node);
    if (count > MAX_OPTIONS) {
        yx_error(L->doc, node, L->d, "more than %d answers", MAX_OPTIONS);
        return false;
    }
    samen_answer_option *opts = arena_alloc(L->inst->a, count * sizeof *opts);
    if (opts == NULL) {
        L->oom = true;
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *on = yx_seq_at(L->doc, node, i);
        if (!yx_is_map(on)) {
            yx_error(L->doc, on, L->d, "an answer must be {code: N, nl: \"...\", en: \"...\"}");
            ok = false;
            continue;
        }
        yx_check_keys(L->doc, on, keys, L->d);
        long code = 0;
        const char *nl = NULL, *en = NULL;
        bool ns = false;
        if (!yx_get_long(L->doc, on, "code", true, &code, L->d))
            ok = false;
        else if (code < 0 || code > 999) {
            yx_error(L->doc, yx_get(L->doc, on, "code"), L->d, "answer codes are 0..999");
            ok = false;
        }
        if (!yx_get_string(L->doc, on, "nl", true, &nl, L->d))
            ok = false;
        yx_get_string(L->doc, on, "en", false, &en, L->d);
        yx_get_bool(L->doc, on, "nonsubstantive", false, &ns, L->d);
        for (size_t j = 0; j < i; j++)
            if (opts[j].code == code) {
                yx_error(L->doc, yx_get(L->doc, on, "code"), L->d, "duplicate answer code %ld",
                         code);
                ok = false;
            }
        opts[i].code = (int)code;
        opts[i].label_nl = dup(L, nl);
        opts[i].label_en = dup(L, en);
        opts[i].nonsubstantive = ns;
    }
    *out = opts;
    *n = count;
    return ok;
}

static void parse_answer_sets(loader *L, yaml_node_t *node)
{
    if (node == NULL)
        return;
    if (!yx_is_map(node)) {
        yx_error(L->doc, node, L->d, "answer_sets must be a mapping of names to lists");
        return;
    }
    size_t n = yx_map_len(node);
    L->sets = calloc(n ? n : 1, sizeof *L->sets);
    if (L->sets == NULL) {
        L->oom = true;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        answer_set *s = &L->sets[L->nsets++];
        s->name = yx_scalar(yx_map_key(L->doc, node, i));
        if (s->name == NULL)
            continue;
        parse_options(L, yx_map_value(L->doc, node, i), &s->opts, &s->n);
    }
}

/* Resolves a question's `answers`: a set name or an inline list. */
static bool question_answers(loader *L, yaml_node_t *q, samen_answer_option **opts, size_t *n)
{
    yaml_node_t *an = yx_get(L->doc, q, "answers");
    *opts = NULL;
    *n = 0;
    if (an == NULL)
        return false;
    const char *name = yx_scalar(an);
    if (name != NULL) {
        for (size_t i = 0; i < L->nsets; i++)
            if (L->sets[i].name != NULL && strcmp(L->sets[i].name, name) == 0) {
                *opts = L->sets[i].opts;
                *n = L->sets[i].n;
                return *opts != NULL;
            }
        yx_error(L->doc, an, L->d, "unknown answer set '%s'", name);
        return false;
    }
    return parse_options(L, an, opts, n);
}

/* ---- sections, questions, variables -------------------------------------- */

static samen_var_info *add_var(loader *L, const char *name, yaml_node_t *where, size_t qindex)
{
    samen_instrument *inst = L->inst;
    if (inst->nvars >= MAX_VARS) {
        yx_error(L->doc, where, L->d, "more than %d variables", MAX_VARS);
        return NULL;
    }
    if (!grow((void **)&inst->vars, &inst->cvars, inst->nvars + 1, sizeof *inst->vars) ||
        !grow((void **)&L->var_nodes, &L->cvar_nodes, inst->nvars + 1, sizeof *L->var_nodes)) {
        L->oom = true;
        return NULL;
    }
    L->var_nodes[inst->nvars] = where;
    samen_var_info *v = &inst->vars[inst->nvars++];
    memset(v, 0, sizeof *v);
    v->name = dup(L, name ? name : "");
    v->question = qindex;
    return v;
}

static const samen_answer_option yes_no[] = {
    {1, "Ja, ik geef toestemming", "Yes, I consent", false},
    {0, "Nee, ik geef geen toestemming", "No, I do not consent", false},
};

/* Reads min/max of a rating, rating grid or number question. */
static bool parse_range(loader *L, yaml_node_t *q, bool required, bool integers, double *min,
                        double *max)
{
    bool has_min = yx_get(L->doc, q, "min") != NULL;
    bool has_max = yx_get(L->doc, q, "max") != NULL;
    if (!has_min && !has_max && !required)
        return false;
    bool ok = true;
    if (integers) {
        long a = 0, b = 0;
        ok = yx_get_long(L->doc, q, "min", true, &a, L->d) &
             yx_get_long(L->doc, q, "max", true, &b, L->d);
        *min = (double)a;
        *max = (double)b;
        if (ok && b - a > 100) {
            yx_error(L->doc, q, L->d, "a rating spans at most 100 points");
            ok = false;
        }
    } else {
        *min = -1e15;
        *max = 1e15;
        ok = yx_get_double(L->doc, q, "min", false, min, L->d) &
             yx_get_double(L->doc, q, "max", false, max, L->d);
    }
    if (ok && !(*min < *max)) {
        yx_error(L->doc, yx_get(L->doc, q, "max"), L->d, "max must be greater than min");
        ok = false;
    }
    return ok;
}

/* For a rating: codes inside min..max label points; codes outside must be
 * non-substantive. */
static void check_rating_codes(loader *L, yaml_node_t *q, const samen_answer_option *opts,
                               size_t n, double min, double max)
{
    for (size_t i = 0; i < n; i++)
        if ((opts[i].code < min || opts[i].code > max) && !opts[i].nonsubstantive)
            yx_error(L->doc, yx_get(L->doc, q, "answers"), L->d,
                     "answer code %d lies outside %g..%g and is not marked nonsubstantive",
                     opts[i].code, min, max);
}

/* Parses the `options` (multi) or `items` (grid) list into variables. */
static void parse_subvars(loader *L, yaml_node_t *q, const char *key, size_t qi,
                          const samen_var_info *proto)
{
    static const char *const keys[] = {"var", "nl", "en", "note", NULL};
    yaml_node_t *list = yx_get(L->doc, q, key);
    if (!yx_is_seq(list) || yx_seq_len(list) == 0) {
        yx_error(L->doc, list ? list : q, L->d, "'%s' must be a non-empty list of {var, nl, en}",
                 key);
        return;
    }
    for (size_t i = 0; i < yx_seq_len(list); i++) {
        yaml_node_t *it = yx_seq_at(L->doc, list, i);
        if (!yx_is_map(it)) {
            yx_error(L->doc, it, L->d, "each of '%s' must be {var: name, nl: ..., en: ...}", key);
            continue;
        }
        yx_check_keys(L->doc, it, keys, L->d);
        const char *var = NULL;
        if (!yx_get_string(L->doc, it, "var", true, &var, L->d))
            continue;
        text label;
        parse_label(L, it, &label);
        samen_var_info *v = add_var(L, var, yx_get(L->doc, it, "var"), qi);
        if (v == NULL)
            return;
        const char *name = v->name;
        *v = *proto;
        v->name = name;
        v->question = qi;
        v->label_nl = label.nl;
        v->label_en = label.en;
    }
}

static void parse_question(loader *L, yaml_node_t *q, size_t si)
{
    static const char *const keys[] = {"id",      "type",       "text",       "when",
                                       "required", "reconstructed", "note",   "help",
                                       "answers", "options",    "items",      "min",
                                       "max",     "integer",    "max_length", "min_ticks",
                                       "max_ticks", NULL};
    samen_instrument *inst = L->inst;
    if (!yx_is_map(q)) {
        yx_error(L->doc, q, L->d, "a question must be a mapping");
        return;
    }
    yx_check_keys(L->doc, q, keys, L->d);
    if (!grow((void **)&inst->questions, &inst->cquestions, inst->nquestions + 1,
              sizeof *inst->questions) ||
        !grow((void **)&L->q_when_nodes, &L->cq_when, inst->nquestions + 1,
              sizeof *L->q_when_nodes)) {
        L->oom = true;
        return;
    }
    size_t qi = inst->nquestions++;
    question *qu = &inst->questions[qi];
    samen_question_info *info = &qu->info;
    const char *id = NULL, *type = NULL, *when = NULL;
    yx_get_string(L->doc, q, "id", true, &id, L->d);
    yx_get_string(L->doc, q, "type", true, &type, L->d);
    info->id = dup(L, id ? id : "");
    info->section = si;
    info->section_id = inst->sections[si].id;
    info->first_var = inst->nvars;
    info->type = SAMEN_Q_COUNT; /* until a valid type is read */
    yx_get_bool(L->doc, q, "reconstructed", false, &info->reconstructed, L->d);
    if (yx_get_string(L->doc, q, "when", false, &when, L->d) && when != NULL) {
        info->when = dup(L, when);
        L->q_when_nodes[qi] = yx_get(L->doc, q, "when");
    }
    text t = {NULL, NULL};
    parse_text(L, yx_get(L->doc, q, "text"), "a question's text", &t);
    if (yx_get(L->doc, q, "text") == NULL)
        yx_error(L->doc, q, L->d, "missing required key 'text'");
    info->text_nl = t.nl;
    info->text_en = t.en;

    int ty = -1;
    for (int k = 0; type != NULL && k < SAMEN_Q_COUNT; k++)
        if (strcmp(type, qtype_names[k]) == 0)
            ty = k;
    if (ty < 0) {
        if (type != NULL)
            yx_error(L->doc, yx_get(L->doc, q, "type"), L->d,
                     "unknown question type '%s' (consent, single, multi, grid, rating, "
                     "number, text)",
                     type);
        return;
    }
    info->type = (samen_qtype)ty;
    samen_var_info proto;
    memset(&proto, 0, sizeof proto);
    proto.type = info->type;
    proto.question = qi;
    proto.label_nl = t.nl;
    proto.label_en = t.en;
    yaml_node_t *idn = yx_get(L->doc, q, "id");

    switch (info->type) {
    case SAMEN_Q_CONSENT: {
        samen_var_info *v = add_var(L, id, idn, qi);
        if (v == NULL)
            break;
        const char *name = v->name;
        *v = proto;
        v->name = name;
        if (!question_answers(L, q, (samen_answer_option **)&v->options, &v->noptions)) {
            v->options = yes_no;
            v->noptions = 2;
        }
        break;
    }
    case SAMEN_Q_SINGLE: {
        if (!question_answers(L, q, (samen_answer_option **)&proto.options, &proto.noptions) &&
            yx_get(L->doc, q, "answers") == NULL)
            yx_error(L->doc, q, L->d, "a single-choice question needs 'answers'");
        samen_var_info *v = add_var(L, id, idn, qi);
        if (v != NULL) {
            const char *name = v->name;
            *v = proto;
            v->name = name;
        }
        break;
    }
    case SAMEN_Q_MULTI:
        proto.has_range = true;
        proto.min = 0;
        proto.max = 1;
        proto.integer = true;
        parse_subvars(L, q, "options", qi, &proto);
        break;
    case SAMEN_Q_GRID:
        if (parse_range(L, q, false, true, &proto.min, &proto.max)) {
            proto.has_range = true;
            proto.integer = true;
            question_answers(L, q, (samen_answer_option **)&proto.options, &proto.noptions);
            check_rating_codes(L, q, proto.options, proto.noptions, proto.min, proto.max);
        } else if (!question_answers(L, q, (samen_answer_option **)&proto.options,
                                     &proto.noptions) &&
                   yx_get(L->doc, q, "answers") == NULL) {
            yx_error(L->doc, q, L->d, "a grid needs 'answers', or 'min' and 'max'");
        }
        parse_subvars(L, q, "items", qi, &proto);
        break;
    case SAMEN_Q_RATING: {
        proto.has_range = true;
        proto.integer = true;
        parse_range(L, q, true, true, &proto.min, &proto.max);
        question_answers(L, q, (samen_answer_option **)&proto.options, &proto.noptions);
        check_rating_codes(L, q, proto.options, proto.noptions, proto.min, proto.max);
        samen_var_info *v = add_var(L, id, idn, qi);
        if (v != NULL) {
            const char *name = v->name;
            *v = proto;
            v->name = name;
        }
        break;
    }
    case SAMEN_Q_NUMBER: {
        proto.has_range = true;
        parse_range(L, q, false, false, &proto.min, &proto.max);
        if (!proto.has_range || (proto.min == 0 && proto.max == 0)) {
            proto.min = -1e15;
            proto.max = 1e15;
        }
        if (yx_get(L->doc, q, "min") == NULL && yx_get(L->doc, q, "max") == NULL) {
            proto.min = -1e15;
            proto.max = 1e15;
        }
        yx_get_bool(L->doc, q, "integer", false, &proto.integer, L->d);
        samen_var_info *v = add_var(L, id, idn, qi);
        if (v != NULL) {
            const char *name = v->name;
            *v = proto;
            v->name = name;
        }
        break;
    }
    case SAMEN_Q_TEXT: {
        long ml = DEFAULT_TEXT_LENGTH;
        yx_get_long(L->doc, q, "max_length", false, &ml, L->d);
        if (ml < 1 || ml > MAX_TEXT_LENGTH) {
            yx_error(L->doc, yx_get(L->doc, q, "max_length"), L->d, "max_length is 1..%d",
                     MAX_TEXT_LENGTH);
            ml = DEFAULT_TEXT_LENGTH;
        }
        proto.max_length = (size_t)ml;
        samen_var_info *v = add_var(L, id, idn, qi);
        if (v != NULL) {
            const char *name = v->name;
            *v = proto;
            v->name = name;
        }
        break;
    }
    default:
        break;
    }
    if (info->type != SAMEN_Q_SINGLE && info->type != SAMEN_Q_GRID &&
        info->type != SAMEN_Q_RATING && info->type != SAMEN_Q_CONSENT &&
        yx_get(L->doc, q, "answers") != NULL)
        yx_error(L->doc, yx_get(L->doc, q, "answers"), L->d,
                 "a %s question takes no 'answers'", type);
    info = &inst->questions[qi].info; /* questions may not move, but be explicit */
    info->nvars = inst->nvars - info->first_var;
}

static void parse_sections(loader *L, yaml_node_t *node)
{
    static const char *const keys[] = {"id", "title", "when", "questions", "note", NULL};
    samen_instrument *inst = L->inst;
    if (!yx_is_seq(node) || yx_seq_len(node) == 0) {
        yx_error(L->doc, node, L->d, "sections must be a non-empty list");
        return;
    }
    for (size_t i = 0; i < yx_seq_len(node); i++) {
        yaml_node_t *sn = yx_seq_at(L->doc, node, i);
        if (!yx_is_map(sn)) {
            yx_error(L->doc, sn, L->d, "a section must be a mapping");
            continue;
        }
        yx_check_keys(L->doc, sn, keys, L->d);
        if (!grow((void **)&inst->sections, &inst->csections, inst->nsections + 1,
                  sizeof *inst->sections) ||
            !grow((void **)&L->s_when_nodes, &L->cs_when, inst->nsections + 1,
                  sizeof *L->s_when_nodes)) {
            L->oom = true;
            return;
        }
        size_t si = inst->nsections++;
        section *s = &inst->sections[si];
        const char *id = NULL;
        yx_get_string(L->doc, sn, "id", true, &id, L->d);
        s->id = dup(L, id ? id : "");
        s->first_question = inst->nquestions;
        parse_text(L, yx_get(L->doc, sn, "title"), "a section title", &s->title);
        if (yx_get(L->doc, sn, "title") == NULL)
            yx_error(L->doc, sn, L->d, "missing required key 'title'");
        L->s_when_nodes[si] = yx_get(L->doc, sn, "when");
        yaml_node_t *qs = yx_get(L->doc, sn, "questions");
        if (!yx_is_seq(qs) || yx_seq_len(qs) == 0) {
            yx_error(L->doc, qs ? qs : sn, L->d, "a section needs a non-empty 'questions' list");
            continue;
        }
        for (size_t k = 0; k < yx_seq_len(qs); k++)
            parse_question(L, yx_seq_at(L->doc, qs, k), si);
    }
}

/* ---- pass 3: names, routing, scales ------------------------------------- */

static bool name_valid(const char *n, const char **why)
{
    size_t len = strlen(n);
    if (len == 0) {
        *why = "is empty";
        return false;
    }
    if (len > VAR_NAME_MAX) {
        *why = "is longer than 64 bytes";
        return false;
    }
    if (!isalpha((unsigned char)n[0])) {
        *why = "must start with a letter";
        return false;
    }
    for (const char *c = n; *c; c++)
        if (!(isalnum((unsigned char)*c) || *c == '_') || (unsigned char)*c >= 0x80) {
            *why = "may hold only ASCII letters, digits and '_'";
            return false;
        }
    if (n[len - 1] == '_') {
        *why = "must not end with '_'";
        return false;
    }
    for (const char *const *r = reserved_spss; *r; r++)
        if (text_ieq(n, *r)) {
            *why = "is an SPSS reserved word";
            return false;
        }
    for (const char *const *r = reserved_columns; *r; r++)
        if (text_ieq(n, *r)) {
            *why = "is reserved for the export's own columns";
            return false;
        }
    return true;
}

static void check_names(loader *L)
{
    samen_instrument *inst = L->inst;
    for (size_t i = 0; i < inst->nvars; i++) {
        const char *why = NULL;
        if (!name_valid(inst->vars[i].name, &why))
            yx_error(L->doc, L->var_nodes[i], L->d, "variable name '%s' %s", inst->vars[i].name,
                     why);
        for (size_t j = 0; j < i; j++)
            if (text_ieq(inst->vars[i].name, inst->vars[j].name)) {
                yaml_node_t *first = L->var_nodes[j];
                yx_error(L->doc, L->var_nodes[i], L->d,
                         "duplicate variable name '%s' (first at line %lu)", inst->vars[i].name,
                         first ? (unsigned long)first->start_mark.line + 1 : 0ul);
                break;
            }
    }
    for (size_t i = 0; i < inst->nsections; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(inst->sections[i].id, inst->sections[j].id) == 0)
                yx_error(L->doc, NULL, L->d, "duplicate section id '%s'", inst->sections[i].id);
}

static long env_lookup(void *ctx, const char *name)
{
    return samen_instrument_find_var(ctx, name);
}

static bool env_is_text(void *ctx, long var)
{
    const samen_instrument *inst = ctx;
    return inst->vars[var].type == SAMEN_Q_TEXT;
}

/* Compiles the condition at node; reports errors at their column. */
static cond *compile(loader *L, yaml_node_t *node, const char *src)
{
    cond_env env = {L->inst, env_lookup, env_is_text};
    cond *c = NULL;
    char err[256];
    size_t pos = 0;
    if (cond_parse(L->inst->a, src, &env, &c, err, sizeof err, &pos) == SAMEN_OK)
        return c;
    /* Columns of a one-line scalar: its start, +1 for an opening quote. */
    long line = (long)node->start_mark.line + 1;
    long col = (long)node->start_mark.column + 1;
    if (node->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
        node->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
        col++;
    if (strchr(src, '\n') == NULL)
        col += (long)pos;
    samen_diag_add(L->d, yx_name(L->doc), line, col, "in condition: %s", err);
    return NULL;
}

/* True when question from depends (through conditions) on question to;
 * fills path[0..*len) with the questions on the way. */
static bool depends(const samen_instrument *inst, size_t from, size_t to, size_t *path,
                    size_t *len, size_t cap, unsigned char *seen)
{
    if (seen[from])
        return false;
    seen[from] = 1;
    if (*len < cap)
        path[*len] = from;
    (*len)++;
    const question *q = &inst->questions[from];
    const cond *cs[2] = {q->when, inst->sections[q->info.section].when};
    for (int k = 0; k < 2; k++) {
        if (cs[k] == NULL)
            continue;
        long refs[64];
        size_t n = cond_var_refs(cs[k], refs, 64);
        for (size_t i = 0; i < n && i < 64; i++) {
            size_t p = inst->vars[refs[i]].question;
            if (p == to)
                return true;
            if (depends(inst, p, to, path, len, cap, seen))
                return true;
        }
    }
    (*len)--;
    return false;
}

static void check_routing(loader *L)
{
    samen_instrument *inst = L->inst;
    for (size_t s = 0; s < inst->nsections; s++) {
        yaml_node_t *wn = L->s_when_nodes[s];
        if (wn == NULL)
            continue;
        const char *src = yx_scalar(wn);
        if (src == NULL) {
            yx_error(L->doc, wn, L->d, "'when' must be a text");
            continue;
        }
        inst->sections[s].when = compile(L, wn, src);
        if (inst->sections[s].when == NULL)
            continue;
        long refs[64];
        size_t n = cond_var_refs(inst->sections[s].when, refs, 64);
        for (size_t i = 0; i < n && i < 64; i++)
            if (inst->vars[refs[i]].question >= inst->sections[s].first_question)
                yx_error(L->doc, wn, L->d,
                         "the section's condition uses '%s', which is not asked before the "
                         "section",
                         inst->vars[refs[i]].name);
    }
    for (size_t q = 0; q < inst->nquestions; q++) {
        question *qu = &inst->questions[q];
        qu->info.section_when = NULL;
        if (L->s_when_nodes[qu->info.section] != NULL)
            qu->info.section_when = dup(L, yx_scalar(L->s_when_nodes[qu->info.section]));
        if (L->q_when_nodes[q] == NULL)
            continue;
        qu->when = compile(L, L->q_when_nodes[q], qu->info.when);
    }
    /* Forward references and cycles, once every condition is compiled. */
    unsigned char *seen = calloc(inst->nquestions ? inst->nquestions : 1, 1);
    if (seen == NULL) {
        L->oom = true;
        return;
    }
    for (size_t q = 0; q < inst->nquestions; q++) {
        question *qu = &inst->questions[q];
        if (qu->when == NULL)
            continue;
        long refs[64];
        size_t n = cond_var_refs(qu->when, refs, 64);
        for (size_t i = 0; i < n && i < 64; i++) {
            const samen_var_info *v = &inst->vars[refs[i]];
            if (v->question < q)
                continue;
            yaml_node_t *wn = L->q_when_nodes[q];
            if (v->question == q) {
                yx_error(L->doc, wn, L->d,
                         "cycle in routing: question '%s' depends on its own variable '%s'",
                         qu->info.id, v->name);
                continue;
            }
            size_t path[32];
            size_t len = 0;
            memset(seen, 0, inst->nquestions);
            if (depends(inst, v->question, q, path, &len, 32, seen)) {
                char chain[400] = "";
                size_t used = 0;
                for (size_t k = 0; k < len && k < 32; k++) {
                    int w = snprintf(chain + used, sizeof chain - used, " -> %s",
                                     inst->questions[path[k]].info.id);
                    if (w < 0 || (size_t)w >= sizeof chain - used)
                        break;
                    used += (size_t)w;
                }
                yx_error(L->doc, wn, L->d, "cycle in routing: %s%s -> %s", qu->info.id, chain,
                         qu->info.id);
            } else {
                yx_error(L->doc, wn, L->d,
                         "the condition uses '%s', which is asked later (question '%s')",
                         v->name, inst->questions[v->question].info.id);
            }
        }
    }
    free(seen);
}

static void check_consent(loader *L)
{
    samen_instrument *inst = L->inst;
    inst->consent_question = -1;
    for (size_t q = 0; q < inst->nquestions; q++) {
        if (inst->questions[q].info.type != SAMEN_Q_CONSENT || inst->questions[q].info.nvars == 0)
            continue;
        yaml_node_t *where = L->var_nodes[inst->questions[q].info.first_var];
        if (inst->consent_question >= 0)
            yx_error(L->doc, where, L->d, "an instrument has at most one consent question");
        else if (q != 0)
            yx_error(L->doc, where, L->d, "the consent question must be the first question");
        else
            inst->consent_question = (long)q;
        if (inst->questions[q].when != NULL || inst->sections[inst->questions[q].info.section].when)
            yx_error(L->doc, where, L->d, "the consent question cannot be routed");
    }
}

static void parse_scales(loader *L, yaml_node_t *node)
{
    static const char *const keys[] = {"id", "label", "items", "reverse", "min_items", "note", NULL};
    samen_instrument *inst = L->inst;
    if (node == NULL)
        return;
    if (!yx_is_seq(node)) {
        yx_error(L->doc, node, L->d, "scales must be a list");
        return;
    }
    size_t n = yx_seq_len(node);
    inst->scales = arena_alloc(inst->a, (n ? n : 1) * sizeof *inst->scales);
    if (inst->scales == NULL) {
        L->oom = true;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *sn = yx_seq_at(L->doc, node, i);
        if (!yx_is_map(sn)) {
            yx_error(L->doc, sn, L->d, "a scale must be a mapping");
            continue;
        }
        yx_check_keys(L->doc, sn, keys, L->d);
        samen_scale_info *sc = &inst->scales[inst->nscales++];
        const char *id = NULL;
        yx_get_string(L->doc, sn, "id", true, &id, L->d);
        sc->id = dup(L, id ? id : "");
        for (size_t j = 0; j + 1 < inst->nscales; j++)
            if (strcmp(inst->scales[j].id, sc->id) == 0)
                yx_error(L->doc, sn, L->d, "duplicate scale id '%s'", sc->id);
        text label = {sc->id, NULL};
        if (yx_get(L->doc, sn, "label") != NULL)
            parse_text(L, yx_get(L->doc, sn, "label"), "a scale label", &label);
        sc->label_nl = label.nl;
        sc->label_en = label.en;
        yaml_node_t *items = yx_get(L->doc, sn, "items");
        size_t k = yx_seq_len(items);
        if (k < 2) {
            yx_error(L->doc, items ? items : sn, L->d, "a scale needs a list of at least two items");
            continue;
        }
        size_t *idx = arena_alloc(inst->a, k * sizeof *idx);
        bool *rev = arena_alloc(inst->a, k * sizeof *rev);
        if (idx == NULL || rev == NULL) {
            L->oom = true;
            return;
        }
        bool ok = true;
        for (size_t j = 0; j < k; j++) {
            yaml_node_t *in = yx_seq_at(L->doc, items, j);
            const char *name = yx_scalar(in);
            long v = name ? samen_instrument_find_var(inst, name) : -1;
            if (v < 0) {
                yx_error(L->doc, in, L->d, "scale item '%s' is not a variable", name ? name : "?");
                ok = false;
                continue;
            }
            const samen_var_info *vi = &inst->vars[v];
            if (!((vi->type == SAMEN_Q_RATING) || (vi->type == SAMEN_Q_GRID && vi->has_range))) {
                yx_error(L->doc, in, L->d,
                         "scale item '%s' is not a rating (it is a %s question without min/max)",
                         name, samen_qtype_name(vi->type));
                ok = false;
                continue;
            }
            if (j > 0 && ok && (vi->min != sc->min || vi->max != sc->max)) {
                yx_error(L->doc, in, L->d, "scale item '%s' has range %g..%g, not %g..%g", name,
                         vi->min, vi->max, sc->min, sc->max);
                ok = false;
            }
            if (j == 0) {
                sc->min = vi->min;
                sc->max = vi->max;
            }
            for (size_t m = 0; m < j; m++)
                if (idx[m] == (size_t)v) {
                    yx_error(L->doc, in, L->d, "scale item '%s' is listed twice", name);
                    ok = false;
                }
            idx[j] = (size_t)v;
        }
        yaml_node_t *rn = yx_get(L->doc, sn, "reverse");
        if (rn != NULL && !yx_is_seq(rn))
            yx_error(L->doc, rn, L->d, "reverse must be a list of items");
        for (size_t j = 0; j < yx_seq_len(rn); j++) {
            yaml_node_t *in = yx_seq_at(L->doc, rn, j);
            const char *name = yx_scalar(in);
            long v = name ? samen_instrument_find_var(inst, name) : -1;
            bool found = false;
            for (size_t m = 0; m < k; m++)
                if (v >= 0 && idx[m] == (size_t)v) {
                    rev[m] = true;
                    found = true;
                }
            if (!found)
                yx_error(L->doc, in, L->d, "reverse-keyed item '%s' is not an item of the scale",
                         name ? name : "?");
        }
        long mi = (long)k;
        yx_get_long(L->doc, sn, "min_items", false, &mi, L->d);
        if (mi < 1 || (size_t)mi > k) {
            yx_error(L->doc, yx_get(L->doc, sn, "min_items"), L->d, "min_items must be 1..%zu", k);
            mi = (long)k;
        }
        sc->min_items = (size_t)mi;
        sc->items = idx;
        sc->reverse = rev;
        sc->nitems = ok ? k : 0;
    }
}

/* ---- the name index ---------------------------------------------------------- */

/* ASCII case-insensitive order, matching text_ieq()'s equality. */
static int name_cmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = tolower((unsigned char)*a), y = tolower((unsigned char)*b);
        if (x != y || x == 0)
            return x - y;
    }
}

static int by_name_cmp(const void *a, const void *b)
{
    return name_cmp(((const struct name_entry *)a)->name, ((const struct name_entry *)b)->name);
}

/* Builds the sorted index that samen_instrument_find_var() searches, so a
 * lookup per answer (import, export, datasets) costs log n, not n. */
static bool build_name_index(samen_instrument *inst)
{
    inst->by_name = malloc((inst->nvars ? inst->nvars : 1) * sizeof *inst->by_name);
    if (inst->by_name == NULL)
        return false;
    for (size_t i = 0; i < inst->nvars; i++) {
        inst->by_name[i].name = inst->vars[i].name;
        inst->by_name[i].index = i;
    }
    qsort(inst->by_name, inst->nvars, sizeof *inst->by_name, by_name_cmp);
    return true;
}

/* ---- load ------------------------------------------------------------------ */

static void load_all(loader *L)
{
    static const char *const keys[] = {"format",     "id",         "version", "wave",
                                       "title",      "answer_sets", "placeholders", "sections",
                                       "scales",     "note",       "description", NULL};
    samen_instrument *inst = L->inst;
    yaml_node_t *root = yx_root(L->doc);
    if (!yx_is_map(root)) {
        yx_error(L->doc, root, L->d, "an instrument file must be a mapping (format, id, ...)");
        return;
    }
    yx_check_keys(L->doc, root, keys, L->d);
    long format = 0, wave = 0;
    if (yx_get_long(L->doc, root, "format", true, &format, L->d) && format != 1)
        yx_error(L->doc, yx_get(L->doc, root, "format"), L->d,
                 "unsupported format %ld (this samen reads format 1)", format);
    const char *id = NULL, *version = NULL;
    if (yx_get_string(L->doc, root, "id", true, &id, L->d) && id != NULL) {
        bool ok = strlen(id) >= 1 && strlen(id) <= 64;
        for (const char *c = id; *c; c++)
            if (!(islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '-'))
                ok = false;
        if (!ok)
            yx_error(L->doc, yx_get(L->doc, root, "id"), L->d, "id must match [a-z0-9-]{1,64}");
    }
    yx_get_string(L->doc, root, "version", true, &version, L->d);
    if (yx_get_long(L->doc, root, "wave", true, &wave, L->d) && (wave < 1990 || wave > 2100))
        yx_error(L->doc, yx_get(L->doc, root, "wave"), L->d, "wave must be a year (1990-2100)");
    inst->id = dup(L, id ? id : "");
    inst->version = dup(L, version ? version : "");
    inst->wave = (int)wave;
    if (yx_get(L->doc, root, "title") == NULL)
        yx_error(L->doc, root, L->d, "missing required key 'title'");
    parse_placeholders(L, yx_get(L->doc, root, "placeholders"));
    parse_text(L, yx_get(L->doc, root, "title"), "the title", &inst->title);
    parse_answer_sets(L, yx_get(L->doc, root, "answer_sets"));
    yaml_node_t *sections = yx_get(L->doc, root, "sections");
    if (sections == NULL)
        yx_error(L->doc, root, L->d, "missing required key 'sections'");
    else
        parse_sections(L, sections);
    if (L->oom)
        return;
    check_names(L);
    check_routing(L);
    check_consent(L);
    parse_scales(L, yx_get(L->doc, root, "scales"));
}

static samen_status load_doc(yx_doc *doc, samen_instrument **out, samen_diag *d)
{
    samen_instrument *inst = calloc(1, sizeof *inst);
    if (inst == NULL)
        return SAMEN_ENOMEM;
    inst->a = arena_create();
    if (inst->a == NULL) {
        free(inst);
        return SAMEN_ENOMEM;
    }
    inst->consent_question = -1;
    size_t before = samen_diag_count(d);
    loader L = {.inst = inst, .doc = doc, .d = d};
    load_all(&L);
    free(L.sets);
    free(L.var_nodes);
    free(L.q_when_nodes);
    free(L.s_when_nodes);
    samen_status st = SAMEN_OK;
    if (L.oom)
        st = SAMEN_ENOMEM;
    else if (samen_diag_count(d) > before)
        st = SAMEN_EVALIDATE;
    else if (!build_name_index(inst))
        st = SAMEN_ENOMEM;
    if (st != SAMEN_OK) {
        samen_instrument_destroy(inst);
        return st;
    }
    *out = inst;
    return SAMEN_OK;
}

samen_status samen_instrument_load(const char *path, const char *name, samen_instrument **out,
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

samen_status samen_instrument_load_buffer(const char *data, size_t len, const char *name,
                                          samen_instrument **out, samen_diag *d)
{
    yx_doc *doc = NULL;
    samen_status st = yx_load_buffer(data, len, name, &doc, d);
    if (st != SAMEN_OK)
        return st;
    st = load_doc(doc, out, d);
    yx_destroy(doc);
    return st;
}

void samen_instrument_destroy(samen_instrument *inst)
{
    if (inst == NULL)
        return;
    free(inst->sections);
    free(inst->questions);
    free(inst->vars);
    free(inst->by_name);
    arena_destroy(inst->a);
    free(inst);
}

/* ---- queries ----------------------------------------------------------------- */

const char *samen_instrument_id(const samen_instrument *inst) { return inst->id; }
const char *samen_instrument_version(const samen_instrument *inst) { return inst->version; }
int samen_instrument_wave(const samen_instrument *inst) { return inst->wave; }

static const char *pick(const text *t, const char *lang)
{
    if (lang != NULL && strcmp(lang, "en") == 0 && t->en != NULL)
        return t->en;
    return t->nl ? t->nl : "";
}

const char *samen_instrument_title(const samen_instrument *inst, const char *lang)
{
    return pick(&inst->title, lang);
}

size_t samen_instrument_nvars(const samen_instrument *inst) { return inst->nvars; }

const samen_var_info *samen_instrument_var(const samen_instrument *inst, size_t i)
{
    return i < inst->nvars ? &inst->vars[i] : NULL;
}

long samen_instrument_find_var(const samen_instrument *inst, const char *name)
{
    if (inst->by_name == NULL) { /* while loading: a scan */
        for (size_t i = 0; i < inst->nvars; i++)
            if (text_ieq(inst->vars[i].name, name))
                return (long)i;
        return -1;
    }
    size_t lo = 0, hi = inst->nvars;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = name_cmp(inst->by_name[mid].name, name);
        if (c == 0)
            return (long)inst->by_name[mid].index;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

size_t samen_instrument_nquestions(const samen_instrument *inst) { return inst->nquestions; }

const samen_question_info *samen_instrument_question(const samen_instrument *inst, size_t i)
{
    return i < inst->nquestions ? &inst->questions[i].info : NULL;
}

size_t samen_instrument_nsections(const samen_instrument *inst) { return inst->nsections; }

const char *samen_instrument_section_id(const samen_instrument *inst, size_t i)
{
    return i < inst->nsections ? inst->sections[i].id : NULL;
}

const char *samen_instrument_section_title(const samen_instrument *inst, size_t i,
                                           const char *lang)
{
    return i < inst->nsections ? pick(&inst->sections[i].title, lang) : NULL;
}

size_t samen_instrument_nscales(const samen_instrument *inst) { return inst->nscales; }

const samen_scale_info *samen_instrument_scale(const samen_instrument *inst, size_t i)
{
    return i < inst->nscales ? &inst->scales[i] : NULL;
}

static const samen_answer_option *find_option(const samen_var_info *v, double value)
{
    for (size_t i = 0; i < v->noptions; i++)
        if (v->options[i].code == value)
            return &v->options[i];
    return NULL;
}

bool samen_instrument_is_nonsubstantive(const samen_instrument *inst, size_t var, double value)
{
    if (var >= inst->nvars || isnan(value))
        return false;
    const samen_answer_option *o = find_option(&inst->vars[var], value);
    return o != NULL && o->nonsubstantive;
}

samen_status samen_instrument_check_value(const samen_instrument *inst, size_t var,
                                          const char *txt, double *value, char *why,
                                          size_t why_cap)
{
    const samen_var_info *v = &inst->vars[var];
    if (txt == NULL || txt[0] == '\0') {
        *value = NAN;
        return SAMEN_OK;
    }
    if (v->type == SAMEN_Q_TEXT) {
        size_t n = text_utf8_length(txt);
        if (n > v->max_length) {
            snprintf(why, why_cap, "text of %zu characters is longer than the %zu allowed", n,
                     v->max_length);
            return SAMEN_EINVAL;
        }
        *value = 0;
        return SAMEN_OK;
    }
    double x;
    if (!text_parse_double(txt, &x)) {
        snprintf(why, why_cap, "'%.40s' is not a number", txt);
        return SAMEN_EINVAL;
    }
    bool whole = x == floor(x);
    if ((v->integer || v->type != SAMEN_Q_NUMBER) && !whole) {
        snprintf(why, why_cap, "'%.40s' is not a whole number", txt);
        return SAMEN_EINVAL;
    }
    switch (v->type) {
    case SAMEN_Q_MULTI:
        if (x != 0 && x != 1) {
            snprintf(why, why_cap, "'%.40s' is not 0 or 1 (a tick-all option)", txt);
            return SAMEN_EINVAL;
        }
        break;
    case SAMEN_Q_NUMBER:
        if (x < v->min || x > v->max) {
            snprintf(why, why_cap, "%g is outside %g..%g", x, v->min, v->max);
            return SAMEN_EINVAL;
        }
        break;
    default:
        if (v->has_range) {
            const samen_answer_option *o = find_option(v, x);
            if ((x < v->min || x > v->max) && (o == NULL || !o->nonsubstantive)) {
                snprintf(why, why_cap, "%g is outside %g..%g and not a declared answer code", x,
                         v->min, v->max);
                return SAMEN_EINVAL;
            }
        } else if (find_option(v, x) == NULL) {
            char codes[160] = "";
            size_t used = 0;
            for (size_t i = 0; i < v->noptions; i++) {
                int w = snprintf(codes + used, sizeof codes - used, "%s%d", i ? ", " : "",
                                 v->options[i].code);
                if (w < 0 || (size_t)w >= sizeof codes - used)
                    break;
                used += (size_t)w;
            }
            snprintf(why, why_cap, "%g is not an answer code (codes: %s)", x, codes);
            return SAMEN_EINVAL;
        }
    }
    *value = x;
    return SAMEN_OK;
}

bool samen_instrument_asked(const samen_instrument *inst, size_t q, const samen_answers *a)
{
    if (q >= inst->nquestions)
        return false;
    if (inst->consent_question >= 0 && (long)q > inst->consent_question) {
        size_t cv = inst->questions[inst->consent_question].info.first_var;
        if (a->values[cv] != 1)
            return false;
    }
    const question *qu = &inst->questions[q];
    const cond *sw = inst->sections[qu->info.section].when;
    if (sw != NULL && !cond_eval(sw, a->attr, a->values))
        return false;
    if (qu->when != NULL && !cond_eval(qu->when, a->attr, a->values))
        return false;
    return true;
}

void samen_instrument_render(const samen_instrument *inst, const char *txt, int situation,
                             const char *lang, char *out, size_t cap)
{
    size_t used = 0;
    if (cap == 0)
        return;
    out[0] = '\0';
    for (const char *p = txt; *p && used + 1 < cap;) {
        if (*p == '{') {
            const char *e = strchr(p, '}');
            const placeholder *ph = e ? find_placeholder(inst, p + 1, (size_t)(e - p - 1)) : NULL;
            if (ph != NULL && situation >= 0 && situation < SAMEN_SITUATION_COUNT) {
                const char *rep = pick(&ph->value[situation], lang);
                text_copy(out + used, cap - used, rep);
                used += strlen(out + used);
                p = e + 1;
                continue;
            }
        }
        out[used++] = *p++;
        out[used] = '\0';
    }
    /* Never end inside a UTF-8 character. */
    while (used > 0 && ((unsigned char)out[used - 1] & 0x80) != 0) {
        size_t start = used - 1;
        while (start > 0 && ((unsigned char)out[start] & 0xC0) == 0x80)
            start--;
        unsigned char lead = (unsigned char)out[start];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (used - start >= need)
            break;
        used = start;
        out[used] = '\0';
    }
}
