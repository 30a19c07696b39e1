/* tables.c - computing a report definition on a wave's stored responses
 * (samen_tables_* in samen/tables.h; definitions are parsed by tabledef.c).
 *
 * Rules:
 *  1. The cases are the consenting schools of a wave, as
 *     samen_dataset_from_study() builds them (one case per school, the
 *     columns region, situation, sector and governance, then every
 *     variable with its non-substantive codes as user-missing). Reactions
 *     (stat responses, refusals) are counted from the store, since
 *     refusals are not cases; regions (regions, region_letters,
 *     region_sector) from the study.
 *  2. A cell's base is the cases of its wave for which every filter holds
 *     (routing-condition grammar: an unanswered variable makes a
 *     comparison false; a non-substantive answer is an answer) and every
 *     group constraint holds (region, situation, sector, governance).
 *  3. n counts every answer, non-substantive ones included; valid_n only
 *     valid answers. count counts answers among the codes ("*": every
 *     answer). pct = 100 count / n: non-substantive answers stay in the
 *     base, as the seed report does; valid_pct = 100 count / valid_n.
 *  4. mean, sd, median, min, max are over valid answers (samen_descriptives).
 *     mr_* treat the items as a multiple-response set (samen_mrset, base:
 *     cases routed to the question). alpha, standardized_alpha, listwise_n
 *     and scale_mean use the cases valid on every item (samen_reliability;
 *     reverse-keyed items of a scale mirrored); scale_mean is the mean of
 *     those cases' item means. answered_any and answered_none count cases
 *     with at least one / no answer on the items.
 *  5. Numbers are rounded half up (away from zero) to the cell's precision:
 *     exactly, in integers, for percentages and for means of whole numbers;
 *     otherwise from the double with a 1e-9 guard.
 *  6. A percentage, mean or alpha whose base is below the definition's
 *     small_base is flagged (small_base) and listed in a note. A base of
 *     0 gives an empty cell.
 *  7. A variable (item, scale) that a wave's instrument lacks gives empty
 *     cells in that wave and a note; so does a filter that names one.
 *  8. A table whose cells use more than one wave gets the caveats of
 *     samen_compare_caveats() for each earlier wave against the latest,
 *     on the table's base in both (its own filters and groups), with the
 *     definition's composition variables and rules.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/cond.h"
#include "report/tables_int.h"
#include "samen/interchange.h"
#include "samen/stats_descriptives.h"
#include "samen/stats_freq.h"
#include "samen/stats_mrset.h"
#include "samen/stats_reliability.h"
#include "util/buf.h"
#include "util/text.h"

#define NOTE_LIST_MAX 12      /* small-base cells named in a note */
#define KEY_MAX (1u << 20) /* cache keys: 8 filters of 2000 bytes, 8 groups of codes */

/* ---- Per wave: the dataset, the reactions, parsed filters ----------------- */

typedef struct reaction {
    int region;
    int sector;     /* the school's */
    bool refused;
} reaction;

typedef struct parsed_filter {
    const char *src;
    cond *c;        /* NULL: the wave lacks a variable it names */
} parsed_filter;

typedef struct wave_data {
    int year;
    const samen_instrument *inst;
    samen_dataset *ds;
    long attr_col[3];            /* situation, sector, governance columns */
    bool have_reactions;
    size_t nreactions;
    reaction *reactions;
    arena *conds;
    size_t nfilters, capfilters;
    parsed_filter *filters;
} wave_data;

/* A base: the cases of a wave for a set of filters and groups, copied into
 * a dataset of their own, with the statistics computed on it so far. */
typedef struct multi_result {
    char *key;
    samen_mrset *mr;
    samen_reliability *rel;
    size_t k;
    bool failed;
} multi_result;

typedef struct base {
    char *key;
    wave_data *w;
    samen_dataset *sub;
    samen_freq **freq;               /* per variable, computed when needed */
    samen_descriptives **desc;
    size_t nmulti, capmulti;
    multi_result *multi;
} base;

typedef struct calc {
    const samen_tabledef *def;
    const samen_study *s;
    samen_store *st;
    const char *lang;
    int wave, previous;
    samen_diag *d;
    samen_tables *res;
    size_t nwaves;
    wave_data *waves;
    size_t nbases, capbases;
    base **bases;
    /* the table being computed */
    size_t nnotes;
    const char *notes[TD_MAX_NOTES * 2];
    buf small;                       /* small-base cells, for the note */
    size_t nsmall;
    int used_waves[8];
    size_t nused;
} calc;

static bool is_en(const calc *c)
{
    return c->lang != NULL && strcmp(c->lang, "en") == 0;
}

static const char *W(const calc *c, const char *nl, const char *en)
{
    return is_en(c) ? en : nl;
}

static const char *adup(calc *c, const char *s)
{
    return arena_strdup(c->res->a, s ? s : "");
}

/* Adds a note to the table being computed, once. */
static void add_note_text(calc *c, const char *text)
{
    for (size_t i = 0; i < c->nnotes; i++)
        if (strcmp(c->notes[i], text) == 0)
            return;
    if (c->nnotes < sizeof c->notes / sizeof c->notes[0])
        c->notes[c->nnotes++] = adup(c, text);
}

/* Formats a note; a long one (names, filters, labels) is allocated. */
__attribute__((format(printf, 2, 3))) static void add_note(calc *c, const char *fmt, ...)
{
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof text) {
        add_note_text(c, text);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (big == NULL)
        return;
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    add_note_text(c, big);
    free(big);
}

static wave_data *wave_of(calc *c, int year)
{
    for (size_t i = 0; i < c->nwaves; i++)
        if (c->waves[i].year == year)
            return &c->waves[i];
    return NULL;
}

static samen_status load_dataset(calc *c, wave_data *w)
{
    if (w->ds != NULL)
        return SAMEN_OK;
    samen_status st = samen_dataset_from_study(c->s, c->st, w->year, c->lang, &w->ds, c->d);
    if (st != SAMEN_OK)
        return st;
    static const char *const attrs[] = {"situation", "sector", "governance"};
    for (int i = 0; i < 3; i++)
        w->attr_col[i] = samen_dataset_find_var(w->ds, attrs[i]);
    return SAMEN_OK;
}

typedef struct reaction_ctx {
    const samen_study *s;
    wave_data *w;
    size_t cap;
    bool fill;
} reaction_ctx;

static samen_status collect_reaction(void *ctx, const samen_response_view *r)
{
    reaction_ctx *rc = ctx;
    long school = samen_study_find_school(rc->s, r->brin);
    if (school < 0)
        return SAMEN_OK;
    if (!rc->fill) {
        rc->cap++;
        return SAMEN_OK;
    }
    if (rc->w->nreactions >= rc->cap)
        return SAMEN_OK;
    const samen_school_info *sc = samen_study_school(rc->s, (size_t)school);
    rc->w->reactions[rc->w->nreactions++] =
        (reaction){(int)sc->region, sc->sector, r->status == SAMEN_RESPONSE_REFUSED};
    return SAMEN_OK;
}

static samen_status load_reactions(calc *c, wave_data *w)
{
    if (w->have_reactions)
        return SAMEN_OK;
    reaction_ctx rc = {c->s, w, 0, false};
    samen_status st = samen_store_each_response(c->st, w->year, collect_reaction, &rc);
    if (st == SAMEN_OK) {
        w->reactions = calloc(rc.cap ? rc.cap : 1, sizeof *w->reactions);
        if (w->reactions == NULL)
            return SAMEN_ENOMEM;
        rc.fill = true;
        st = samen_store_each_response(c->st, w->year, collect_reaction, &rc);
    }
    w->have_reactions = st == SAMEN_OK;
    return st;
}

static long ds_lookup(void *ctx, const char *name)
{
    return samen_dataset_find_var(ctx, name);
}

static bool ds_is_text(void *ctx, long var)
{
    (void)ctx;
    (void)var;
    return false;
}

/* The filter src parsed against wave w's dataset (rule 7: NULL when the
 * wave lacks a variable it names). */
static samen_status wave_filter(wave_data *w, const char *src, cond **out)
{
    for (size_t i = 0; i < w->nfilters; i++)
        if (strcmp(w->filters[i].src, src) == 0) {
            *out = w->filters[i].c;
            return SAMEN_OK;
        }
    if (w->conds == NULL)
        w->conds = arena_create();
    if (w->conds == NULL)
        return SAMEN_ENOMEM;
    if (w->nfilters == w->capfilters) {
        size_t cap = w->capfilters ? 2 * w->capfilters : 8;
        parsed_filter *nf = realloc(w->filters, cap * sizeof *nf);
        if (nf == NULL)
            return SAMEN_ENOMEM;
        w->filters = nf;
        w->capfilters = cap;
    }
    cond_env env = {w->ds, ds_lookup, ds_is_text};
    char msg[256];
    size_t at;
    cond *cd = NULL;
    if (cond_parse(w->conds, src, &env, &cd, msg, sizeof msg, &at) != SAMEN_OK)
        cd = NULL;
    w->filters[w->nfilters++] = (parsed_filter){arena_strdup(w->conds, src), cd};
    *out = cd;
    return SAMEN_OK;
}

/* ---- Bases (rule 2) -------------------------------------------------------- */

static void base_destroy(base *b)
{
    if (b == NULL)
        return;
    size_t nv = b->sub ? samen_dataset_nvars(b->sub) : 0;
    for (size_t i = 0; i < nv; i++) {
        if (b->freq)
            samen_freq_destroy(b->freq[i]);
        if (b->desc)
            samen_descriptives_destroy(b->desc[i]);
    }
    for (size_t i = 0; i < b->nmulti; i++) {
        free(b->multi[i].key);
        samen_mrset_destroy(b->multi[i].mr);
        samen_reliability_destroy(b->multi[i].rel);
    }
    free(b->multi);
    free(b->freq);
    free(b->desc);
    samen_dataset_destroy(b->sub);
    free(b->key);
    free(b);
}

static long group_column(const wave_data *w, const td_group *g)
{
    return samen_dataset_find_var(w->ds, g->attr == TD_G_VAR ? g->var : td_gattr_column(g->attr));
}

/* Attribute columns hold vocabulary (region) positions + 1; a variable
 * holds its answer codes. */
static bool group_holds(const wave_data *w, const td_group *g, long col, size_t c)
{
    if (col < 0)
        return false;
    double v = samen_dataset_get(w->ds, (size_t)col, c);
    if (isnan(v))
        return false;
    int x = g->attr == TD_G_VAR ? (int)v : (int)v - 1;
    for (size_t i = 0; i < g->n; i++)
        if (x == g->values[i])
            return true;
    return false;
}

/* Copies the cases of ds flagged in mask into a new dataset with every
 * variable, its labels and its missing values. */
static samen_dataset *subset(const samen_dataset *ds, const bool *mask, size_t k)
{
    samen_dataset *out = samen_dataset_create(k);
    if (out == NULL)
        return NULL;
    size_t nc = samen_dataset_ncases(ds);
    for (size_t v = 0; v < samen_dataset_nvars(ds); v++) {
        size_t idx;
        samen_status st = samen_dataset_add_var(out, samen_dataset_var_name(ds, v),
                                                samen_dataset_var_kind(ds, v), &idx);
        if (st == SAMEN_OK && samen_dataset_var_label(ds, v) != NULL)
            st = samen_dataset_set_var_label(out, idx, samen_dataset_var_label(ds, v));
        for (size_t i = 0; st == SAMEN_OK && i < samen_dataset_nvalue_labels(ds, v); i++) {
            const samen_value_label *vl = samen_dataset_value_label(ds, v, i);
            st = samen_dataset_add_value_label(out, idx, vl->value, vl->label);
        }
        for (size_t i = 0; st == SAMEN_OK && i < samen_dataset_nmissing(ds, v); i++)
            st = samen_dataset_add_missing(out, idx, samen_dataset_missing_value(ds, v, i));
        size_t r = 0;
        for (size_t c = 0; st == SAMEN_OK && c < nc; c++)
            if (mask[c])
                st = samen_dataset_set(out, idx, r++, samen_dataset_get(ds, v, c));
        if (st != SAMEN_OK) {
            samen_dataset_destroy(out);
            return NULL;
        }
    }
    return out;
}

/* The cache key of a base: its wave, filters and groups (all of them, so
 * two different bases never share a key). */
static samen_status base_key(buf *k, int year, const td_spec *sp)
{
    samen_status st = buf_printf(k, "%d", year);
    for (size_t i = 0; i < sp->nfilters && st == SAMEN_OK; i++)
        st = buf_printf(k, "|f:%s", sp->filters[i]);
    for (size_t i = 0; i < sp->ngroups && st == SAMEN_OK; i++) {
        st = buf_printf(k, "|g%d%s:", (int)sp->groups[i].attr,
                        sp->groups[i].var ? sp->groups[i].var : "");
        for (size_t j = 0; j < sp->groups[i].n && st == SAMEN_OK; j++)
            st = buf_printf(k, "%d,", sp->groups[i].values[j]);
    }
    return st;
}

/* The base of spec sp in wave w; *b NULL (and SAMEN_OK) when a filter
 * names a variable the wave lacks (rule 7; *missing gets the filter). */
static samen_status get_base(calc *c, wave_data *w, const td_spec *sp, base **out,
                             const char **missing)
{
    *out = NULL;
    *missing = NULL;
    samen_status st = load_dataset(c, w);
    if (st != SAMEN_OK)
        return st;
    buf key;
    buf_init(&key, KEY_MAX);
    st = base_key(&key, w->year, sp);
    if (st != SAMEN_OK) {
        buf_free(&key);
        return st;
    }
    for (size_t i = 0; i < c->nbases; i++)
        if (strcmp(c->bases[i]->key, buf_str(&key)) == 0) {
            buf_free(&key);
            *out = c->bases[i];
            return SAMEN_OK;
        }
    cond *conds[TD_MAX_FILTERS];
    long gcols[TD_MAX_GROUPS];
    for (size_t g = 0; g < sp->ngroups; g++) {
        gcols[g] = group_column(w, &sp->groups[g]);
        if (gcols[g] < 0 && sp->groups[g].attr == TD_G_VAR) {
            buf_free(&key);
            *missing = sp->groups[g].var;
            return SAMEN_OK;
        }
    }
    for (size_t i = 0; i < sp->nfilters; i++) {
        st = wave_filter(w, sp->filters[i], &conds[i]);
        if (st != SAMEN_OK || conds[i] == NULL) {
            buf_free(&key);
            *missing = sp->filters[i];
            return st;
        }
    }
    size_t nc = samen_dataset_ncases(w->ds), nv = samen_dataset_nvars(w->ds);
    bool *mask = calloc(nc ? nc : 1, sizeof *mask);
    double *values = calloc(nv ? nv : 1, sizeof *values);
    base *b = calloc(1, sizeof *b);
    st = SAMEN_ENOMEM;
    if (mask == NULL || values == NULL || b == NULL)
        goto out;
    size_t k = 0;
    for (size_t cs = 0; cs < nc; cs++) {
        bool ok = true;
        for (size_t g = 0; ok && g < sp->ngroups; g++)
            ok = group_holds(w, &sp->groups[g], gcols[g], cs);
        if (ok && sp->nfilters > 0) {
            for (size_t v = 0; v < nv; v++)
                values[v] = samen_dataset_get(w->ds, v, cs);
            int attr[SAMEN_ATTR_COUNT];
            for (int a = 0; a < SAMEN_ATTR_COUNT; a++) {
                double x = w->attr_col[a] >= 0 ? samen_dataset_get(w->ds, (size_t)w->attr_col[a], cs)
                                               : NAN;
                attr[a] = isnan(x) ? -1 : (int)x - 1;
            }
            for (size_t f = 0; ok && f < sp->nfilters; f++)
                ok = cond_eval(conds[f], attr, values);
        }
        mask[cs] = ok;
        k += ok;
    }
    b->w = w;
    b->sub = subset(w->ds, mask, k);
    b->key = buf_take(&key);
    b->freq = calloc(nv ? nv : 1, sizeof *b->freq);
    b->desc = calloc(nv ? nv : 1, sizeof *b->desc);
    if (b->sub == NULL || b->key == NULL || b->freq == NULL || b->desc == NULL)
        goto out;
    if (c->nbases == c->capbases) {
        size_t cap = c->capbases ? 2 * c->capbases : 16;
        base **nb = realloc(c->bases, cap * sizeof *nb);
        if (nb == NULL)
            goto out;
        c->bases = nb;
        c->capbases = cap;
    }
    c->bases[c->nbases++] = b;
    *out = b;
    b = NULL;
    st = SAMEN_OK;
out:
    base_destroy(b);
    buf_free(&key);
    free(mask);
    free(values);
    return st;
}

/* ---- Rounding (rule 5) ------------------------------------------------------ */

static long long pow10ll(int p)
{
    long long s = 1;
    while (p-- > 0)
        s *= 10;
    return s;
}

/* num / den (den > 0) rounded half away from zero to p decimals, exactly. */
static double ratio_round(long long num, long long den, int p)
{
    long long scale = pow10ll(p);
    bool neg = num < 0;
    unsigned long long n = (unsigned long long)(neg ? -num : num);
    unsigned long long q = (2ull * n * (unsigned long long)scale + (unsigned long long)den) /
                           (2ull * (unsigned long long)den);
    double v = (double)q / (double)scale;
    return neg ? -v : v;
}

static double round_half_up(double x, int p)
{
    double scale = (double)pow10ll(p);
    double y = fabs(x) * scale;
    double r = floor(y + 0.5 + 1e-9) / scale;
    return x < 0 ? -r : r;
}

/* sum / n, exactly when sum is a whole number. */
static double mean_round(double sum, size_t n, int p)
{
    if (fabs(sum) < 1e15 && sum == floor(sum))
        return ratio_round((long long)sum, (long long)n, p);
    return round_half_up(sum / (double)n, p);
}

/* ---- Cells -------------------------------------------------------------- */

static samen_table_cell empty_cell(void)
{
    samen_table_cell e = {SAMEN_CELL_EMPTY, NAN, 0, NULL, -1, false};
    return e;
}

static samen_table_cell number_cell(double v, int precision, long cases)
{
    samen_table_cell e = {SAMEN_CELL_NUMBER, v, precision, NULL, cases, false};
    return e;
}

static bool code_in(const td_spec *sp, double v)
{
    if (sp->any_code)
        return true;
    for (size_t i = 0; i < sp->ncodes; i++)
        if (sp->codes[i] == v)
            return true;
    return false;
}

static samen_status get_freq(base *b, size_t var, const samen_freq **out)
{
    if (b->freq[var] == NULL) {
        samen_status st = samen_freq_compute(b->sub, var, &b->freq[var]);
        if (st != SAMEN_OK)
            return st;
    }
    *out = b->freq[var];
    return SAMEN_OK;
}

/* The items of a cell in wave w as dataset indexes (rule 7: false and the
 * missing name in *missing when the wave lacks one). */
static bool resolve_items(const wave_data *w, const samen_dataset *ds, const td_spec *sp,
                          size_t *idx, bool *reverse, size_t *n, const samen_scale_info **scale,
                          const char **missing)
{
    *n = 0;
    *scale = NULL;
    if (sp->scale != NULL) {
        for (size_t i = 0; i < samen_instrument_nscales(w->inst); i++)
            if (strcmp(samen_instrument_scale(w->inst, i)->id, sp->scale) == 0)
                *scale = samen_instrument_scale(w->inst, i);
        if (*scale == NULL) {
            *missing = sp->scale;
            return false;
        }
        for (size_t i = 0; i < (*scale)->nitems && i < TD_MAX_ITEMS; i++) {
            const char *name = samen_instrument_var(w->inst, (*scale)->items[i])->name;
            long v = samen_dataset_find_var(ds, name);
            if (v < 0) {
                *missing = name;
                return false;
            }
            idx[*n] = (size_t)v;
            reverse[(*n)++] = (*scale)->reverse[i];
        }
        return true;
    }
    for (size_t i = 0; i < sp->nitems; i++) {
        long v = samen_dataset_find_var(ds, sp->items[i]);
        if (v < 0) {
            *missing = sp->items[i];
            return false;
        }
        idx[*n] = (size_t)v;
        reverse[(*n)++] = false;
    }
    return true;
}

static samen_status get_multi(base *b, bool mr, const size_t *idx, const bool *reverse, size_t n,
                              multi_result **out)
{
    buf key;
    buf_init(&key, KEY_MAX);
    buf_printf(&key, "%c", mr ? 'm' : 'r');
    for (size_t i = 0; i < n; i++)
        buf_printf(&key, ",%zu%s", idx[i], reverse[i] ? "r" : "");
    for (size_t i = 0; i < b->nmulti; i++)
        if (strcmp(b->multi[i].key, buf_str(&key)) == 0) {
            buf_free(&key);
            *out = &b->multi[i];
            return SAMEN_OK;
        }
    if (b->nmulti == b->capmulti) {
        size_t cap = b->capmulti ? 2 * b->capmulti : 8;
        multi_result *nm = realloc(b->multi, cap * sizeof *nm);
        if (nm == NULL) {
            buf_free(&key);
            return SAMEN_ENOMEM;
        }
        b->multi = nm;
        b->capmulti = cap;
    }
    multi_result *m = &b->multi[b->nmulti];
    memset(m, 0, sizeof *m);
    m->key = buf_take(&key);
    if (m->key == NULL)
        return SAMEN_ENOMEM;
    m->k = n;
    samen_status st;
    if (mr) {
        st = samen_mrset_compute(b->sub, idx, n, NULL, &m->mr);
    } else {
        bool any_reverse = false;
        for (size_t i = 0; i < n; i++)
            any_reverse |= reverse[i];
        samen_reliability_spec rs = {idx, n, any_reverse ? reverse : NULL, NAN, NAN, 0};
        st = samen_reliability_compute(b->sub, &rs, &m->rel);
    }
    /* A statistic the data cannot give (too few items) is an empty cell. */
    m->failed = st != SAMEN_OK;
    b->nmulti++;
    *out = m;
    return st == SAMEN_ENOMEM ? st : SAMEN_OK;
}

static void note_missing(calc *c, const char *name, int year)
{
    add_note(c, W(c, "%s is in %d niet gevraagd: die cellen zijn leeg.",
                  "%s was not asked in %d: those cells are empty."),
             name, year);
}

static samen_status data_cell(calc *c, wave_data *w, const td_spec *sp, const td_stat_info *si,
                              int precision, samen_table_cell *out)
{
    *out = empty_cell();
    base *b;
    const char *missing;
    samen_status st = get_base(c, w, sp, &b, &missing);
    if (st != SAMEN_OK)
        return st;
    if (b == NULL) {
        add_note(c, W(c, "\"%s\" (filter of indeling) is in %d niet gevraagd: die cellen zijn leeg.",
                      "\"%s\" (filter or breakdown) was not asked in %d: those cells are empty."),
                 missing, w->year);
        return SAMEN_OK;
    }
    const samen_dataset *ds = b->sub;
    size_t ncases = samen_dataset_ncases(ds);
    int stat = sp->stat;
    if (stat == TD_ST_CASES) {
        *out = number_cell((double)ncases, precision, -1);
        return SAMEN_OK;
    }
    long var = -1;
    if (si->needs & TD_NEED_VAR) {
        var = samen_dataset_find_var(ds, sp->var);
        if (var < 0) {
            note_missing(c, sp->var, w->year);
            return SAMEN_OK;
        }
    }
    switch (stat) {
    case TD_ST_N:
    case TD_ST_VALID_N:
    case TD_ST_COUNT:
    case TD_ST_PCT:
    case TD_ST_VALID_PCT: {
        const samen_freq *f;
        st = get_freq(b, (size_t)var, &f);
        if (st != SAMEN_OK)
            return st;
        size_t n = 0, count = 0, valid_count = 0;
        for (size_t i = 0; i < samen_freq_ncategories(f); i++) {
            const samen_freq_category *cat = samen_freq_category_at(f, i);
            if (cat->system_missing)
                continue;
            n += cat->count;
            if (sp->has_codes && code_in(sp, cat->value)) {
                count += cat->count;
                if (!cat->missing)
                    valid_count += cat->count;
            }
        }
        size_t valid_n = samen_freq_valid_n(f);
        if (stat == TD_ST_N)
            *out = number_cell((double)n, precision, -1);
        else if (stat == TD_ST_VALID_N)
            *out = number_cell((double)valid_n, precision, -1);
        else if (stat == TD_ST_COUNT)
            *out = number_cell((double)count, precision, -1);
        else if (stat == TD_ST_PCT && n > 0)
            *out = number_cell(ratio_round(100 * (long long)count, (long long)n, precision),
                               precision, (long)n);
        else if (stat == TD_ST_VALID_PCT && valid_n > 0)
            *out = number_cell(ratio_round(100 * (long long)valid_count, (long long)valid_n,
                                           precision),
                               precision, (long)valid_n);
        return SAMEN_OK;
    }
    case TD_ST_MEAN:
    case TD_ST_SD:
    case TD_ST_MEDIAN:
    case TD_ST_MIN:
    case TD_ST_MAX: {
        if (b->desc[var] == NULL) {
            st = samen_descriptives_compute(ds, (size_t)var, -1, &b->desc[var]);
            if (st != SAMEN_OK)
                return st;
        }
        const samen_descriptives_row *r = samen_descriptives_total(b->desc[var]);
        double v = stat == TD_ST_MEAN     ? NAN
                   : stat == TD_ST_SD     ? r->sd
                   : stat == TD_ST_MEDIAN ? r->median
                   : stat == TD_ST_MIN    ? r->min
                                          : r->max;
        if (r->n == 0 || (stat != TD_ST_MEAN && isnan(v)))
            return SAMEN_OK;
        double shown = stat == TD_ST_MEAN ? mean_round(r->sum, r->n, precision)
                                          : round_half_up(v, precision);
        *out = number_cell(shown, precision, si->percent_like ? (long)r->n : -1);
        return SAMEN_OK;
    }
    default:
        break;
    }
    /* Multi-item statistics. */
    size_t idx[TD_MAX_ITEMS];
    bool reverse[TD_MAX_ITEMS];
    size_t n;
    const samen_scale_info *scale;
    if (!resolve_items(w, ds, sp, idx, reverse, &n, &scale, &missing)) {
        note_missing(c, missing, w->year);
        return SAMEN_OK;
    }
    if (stat == TD_ST_ANSWERED_ANY || stat == TD_ST_ANSWERED_NONE) {
        size_t any = 0;
        for (size_t cs = 0; cs < ncases; cs++) {
            bool a = false;
            for (size_t i = 0; i < n && !a; i++)
                a = !isnan(samen_dataset_get(ds, idx[i], cs));
            any += a;
        }
        *out = number_cell((double)(stat == TD_ST_ANSWERED_ANY ? any : ncases - any), precision,
                           -1);
        return SAMEN_OK;
    }
    bool mr = stat == TD_ST_MR_COUNT || stat == TD_ST_MR_PCT || stat == TD_ST_MR_PCT_RESPONSES ||
              stat == TD_ST_MR_BASE;
    multi_result *m;
    st = get_multi(b, mr, idx, reverse, n, &m);
    if (st != SAMEN_OK)
        return st;
    if (m->failed)
        return SAMEN_OK;
    if (mr) {
        size_t item = n;
        for (size_t i = 0; var >= 0 && i < n; i++)
            if (idx[i] == (size_t)var)
                item = i;
        size_t basen = samen_mrset_base_n(m->mr, SAMEN_MRSET_TOTAL);
        if (stat == TD_ST_MR_BASE) {
            *out = number_cell((double)basen, precision, -1);
            return SAMEN_OK;
        }
        if (item == n)
            return SAMEN_OK; /* the wave's scale lacks the variable */
        size_t count = samen_mrset_count(m->mr, SAMEN_MRSET_TOTAL, item);
        size_t responses = samen_mrset_responses(m->mr, SAMEN_MRSET_TOTAL);
        if (stat == TD_ST_MR_COUNT)
            *out = number_cell((double)count, precision, -1);
        else if (stat == TD_ST_MR_PCT && basen > 0)
            *out = number_cell(ratio_round(100 * (long long)count, (long long)basen, precision),
                               precision, (long)basen);
        else if (stat == TD_ST_MR_PCT_RESPONSES && responses > 0)
            *out = number_cell(ratio_round(100 * (long long)count, (long long)responses,
                                           precision),
                               precision, (long)responses);
        return SAMEN_OK;
    }
    const samen_reliability_scale *rs = samen_reliability_get_scale(m->rel);
    if (stat == TD_ST_LISTWISE_N) {
        *out = number_cell((double)rs->n, precision, -1);
        return SAMEN_OK;
    }
    if (rs->n == 0)
        return SAMEN_OK;
    double v = NAN;
    if (stat == TD_ST_ALPHA)
        v = round_half_up(rs->alpha, precision);
    else if (stat == TD_ST_STD_ALPHA)
        v = round_half_up(rs->standardized_alpha, precision);
    else if (stat == TD_ST_SCALE_MEAN) {
        /* The mean of the item means: the sum of every item over the
         * cases, divided by n k (exact when that sum is whole). */
        double total = rs->scale_mean * (double)rs->n;
        double whole = floor(total + 0.5);
        v = fabs(total - whole) < 1e-6 ? mean_round(whole, rs->n * rs->k, precision)
                                       : round_half_up(rs->scale_mean / (double)rs->k, precision);
    }
    if (!isnan(v))
        *out = number_cell(v, precision, (long)rs->n);
    return SAMEN_OK;
}

/* Rule 1: reactions from the store, by the groups of sp. */
static bool reaction_holds(const calc *c, const reaction *r, const td_spec *sp)
{
    const samen_region_info *reg = samen_study_region(c->s, (size_t)r->region);
    for (size_t g = 0; g < sp->ngroups; g++) {
        const td_group *gr = &sp->groups[g];
        if (gr->attr == TD_G_VAR)
            return false; /* the dry run rules this out */
        int v = gr->attr == TD_G_REGION      ? r->region
                : gr->attr == TD_G_SITUATION ? reg->situation
                : gr->attr == TD_G_SECTOR    ? r->sector
                                             : reg->governance;
        bool in = false;
        for (size_t i = 0; i < gr->n; i++)
            in |= gr->values[i] == v;
        if (!in)
            return false;
    }
    return true;
}

static bool region_holds(const calc *c, size_t region, const td_spec *sp)
{
    const samen_region_info *reg = samen_study_region(c->s, region);
    for (size_t g = 0; g < sp->ngroups; g++) {
        const td_group *gr = &sp->groups[g];
        if (gr->attr == TD_G_VAR)
            return false; /* the dry run rules this out */
        int v = gr->attr == TD_G_REGION      ? (int)region
                : gr->attr == TD_G_SITUATION ? reg->situation
                : gr->attr == TD_G_SECTOR    ? reg->sector
                                             : reg->governance;
        bool in = false;
        for (size_t i = 0; i < gr->n; i++)
            in |= gr->values[i] == v;
        if (!in)
            return false;
    }
    return true;
}

static samen_table_cell text_cell(calc *c, const char *text)
{
    samen_table_cell e = empty_cell();
    e.kind = SAMEN_CELL_TEXT;
    e.text = adup(c, text);
    return e;
}

static samen_status study_cell(calc *c, const td_spec *sp, int precision, samen_table_cell *out)
{
    size_t nr = samen_study_nregions(c->s), count = 0, only = 0;
    buf letters;
    buf_init(&letters, 64 * 1024);
    for (size_t i = 0; i < nr; i++) {
        if (!region_holds(c, i, sp))
            continue;
        const samen_region_info *r = samen_study_region(c->s, i);
        const char *name = r->pair ? r->pair : r->code;
        bool seen = false;
        for (size_t j = 0; j < i && r->pair; j++)
            seen |= region_holds(c, j, sp) && samen_study_region(c->s, j)->pair &&
                    strcmp(samen_study_region(c->s, j)->pair, r->pair) == 0;
        if (!seen)
            buf_printf(&letters, "%s%s", letters.len ? ", " : "", name);
        count++;
        only = i;
    }
    if (sp->stat == TD_ST_REGIONS) {
        *out = number_cell((double)count, precision, -1);
    } else if (sp->stat == TD_ST_REGION_LETTERS) {
        *out = text_cell(c, buf_str(&letters));
    } else if (count == 1) {
        char up[16];
        text_copy(up, sizeof up,
                  samen_vocab_code(SAMEN_ATTR_SECTOR, samen_study_region(c->s, only)->sector));
        for (char *p = up; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 'a' + 'A');
        *out = text_cell(c, up);
    } else {
        *out = empty_cell();
    }
    buf_free(&letters);
    return SAMEN_OK;
}

static int spec_year(const calc *c, const td_spec *sp)
{
    switch (sp->wave.kind) {
    case TD_WAVE_PREVIOUS: return c->previous;
    case TD_WAVE_YEAR: return sp->wave.year;
    default: return c->wave;
    }
}

static void use_wave(calc *c, int year)
{
    for (size_t i = 0; i < c->nused; i++)
        if (c->used_waves[i] == year)
            return;
    if (c->nused < sizeof c->used_waves / sizeof c->used_waves[0])
        c->used_waves[c->nused++] = year;
}

static samen_status compute_cell(calc *c, const td_spec *sp, samen_table_cell *out)
{
    *out = empty_cell();
    const td_stat_info *si = td_stat_get(sp->stat);
    if (si == NULL)
        return SAMEN_EINTERNAL; /* the dry run rules this out */
    int precision = sp->precision >= 0 ? sp->precision : si->precision;
    if (si->source == TD_SRC_FIXED) {
        *out = text_cell(c, td_text_pick(sp->text, c->lang));
        return SAMEN_OK;
    }
    if (si->source == TD_SRC_STUDY)
        return study_cell(c, sp, precision, out);
    int year = spec_year(c, sp);
    wave_data *w = year ? wave_of(c, year) : NULL;
    if (w == NULL)
        return SAMEN_OK;
    use_wave(c, year);
    if (si->source == TD_SRC_STORE) {
        samen_status st = load_reactions(c, w);
        if (st != SAMEN_OK)
            return st;
        size_t n = 0;
        for (size_t i = 0; i < w->nreactions; i++)
            if (reaction_holds(c, &w->reactions[i], sp) &&
                (sp->stat == TD_ST_RESPONSES || w->reactions[i].refused))
                n++;
        *out = number_cell((double)n, precision, -1);
        return SAMEN_OK;
    }
    samen_status st = data_cell(c, w, sp, si, precision, out);
    if (st == SAMEN_OK && out->kind == SAMEN_CELL_NUMBER && si->percent_like && out->base >= 0 &&
        out->base < c->def->small_base)
        out->small_base = true;
    return st;
}

/* ---- Tables ---------------------------------------------------------------- */

static bool uses_previous(const td_block *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (b[i].common.wave.kind == TD_WAVE_PREVIOUS)
            return true;
        for (size_t j = 0; j < b[i].nentries; j++)
            if (b[i].entries[j].spec.wave.kind == TD_WAVE_PREVIOUS)
                return true;
        if (uses_previous(b[i].split, b[i].nsplit))
            return true;
    }
    return false;
}

static void filter_text(const td_spec *sp, buf *out)
{
    for (size_t i = 0; i < sp->nfilters; i++)
        buf_printf(out, "%s%s", i ? " and " : "", sp->filters[i]);
}

static samen_status add_caveats(calc *c, const td_table *t, tr_table *out)
{
    if (c->nused < 2)
        return SAMEN_OK;
    int latest = c->used_waves[0];
    for (size_t i = 1; i < c->nused; i++)
        if (c->used_waves[i] > latest)
            latest = c->used_waves[i];
    base *bl;
    const char *missing;
    samen_status st = get_base(c, wave_of(c, latest), &t->defaults, &bl, &missing);
    if (st != SAMEN_OK || bl == NULL)
        return st;
    samen_caveat cav[TD_MAX_COMPOSITION + 4];
    size_t cap = sizeof cav / sizeof cav[0];
    out->caveats = arena_alloc(c->res->a, c->nused * cap * sizeof *out->caveats);
    out->caveat_texts = arena_alloc(c->res->a, c->nused * cap * sizeof *out->caveat_texts);
    if (out->caveats == NULL || out->caveat_texts == NULL)
        return SAMEN_ENOMEM;
    for (size_t i = 0; i < c->nused; i++) {
        int year = c->used_waves[i];
        if (year == latest)
            continue;
        base *be;
        st = get_base(c, wave_of(c, year), &t->defaults, &be, &missing);
        if (st != SAMEN_OK)
            return st;
        if (be == NULL)
            continue;
        size_t n = 0;
        st = samen_compare_caveats(be->sub, bl->sub, c->def->composition, c->def->ncomposition,
                                   &c->def->rules, cav, cap, &n);
        if (st != SAMEN_OK)
            return st;
        for (size_t k = 0; k < n && k < cap; k++) {
            char text[600], full[700];
            samen_caveat_describe(&cav[k], text, sizeof text);
            snprintf(full, sizeof full, "%d-%d: %s", year, latest, text);
            out->caveats[out->ncaveats] = cav[k];
            out->caveat_texts[out->ncaveats++] = adup(c, full);
        }
    }
    return SAMEN_OK;
}

static samen_status compute_table(calc *c, const td_table *t, tr_table *out)
{
    td_context cx = {c->def, c->lang, c->wave, c->previous};
    td_member *rows = NULL, *cols = NULL;
    size_t nr = 0, nc = 0;
    samen_status st = td_expand(&cx, t, true, c->res->a, &rows, &nr, c->d);
    if (st == SAMEN_OK)
        st = td_expand(&cx, t, false, c->res->a, &cols, &nc, c->d);
    if (st != SAMEN_OK)
        return st;
    if ((unsigned long long)nr * nc > TD_MAX_CELLS)
        return SAMEN_ETOOBIG;
    c->nnotes = 0;
    c->nused = 0;
    c->nsmall = 0;
    buf_reset(&c->small);
    arena *a = c->res->a;
    out->id = adup(c, t->id);
    out->type = adup(c, t->type);
    out->title = adup(c, td_text_pick(t->title, c->lang));
    if (t->base.nl != NULL) {
        out->base = adup(c, td_text_pick(t->base, c->lang));
    } else if (t->defaults.nfilters > 0) {
        buf f;
        buf_init(&f, KEY_MAX);
        buf_append_str(&f, W(c, "respondenten met ", "respondents with "));
        filter_text(&t->defaults, &f);
        out->base = adup(c, buf_str(&f));
        buf_free(&f);
    }
    out->ncols = nc;
    out->col_ids = arena_alloc(a, (nc ? nc : 1) * sizeof *out->col_ids);
    out->col_labels = arena_alloc(a, (nc ? nc : 1) * sizeof *out->col_labels);
    out->rows = arena_alloc(a, (nr ? nr : 1) * sizeof *out->rows);
    if (out->col_ids == NULL || out->col_labels == NULL || out->rows == NULL)
        return SAMEN_ENOMEM;
    /* The result keeps copies: it outlives the definition. */
    for (size_t j = 0; j < nc; j++) {
        out->col_ids[j] = adup(c, cols[j].id);
        out->col_labels[j] = adup(c, cols[j].label);
    }
    for (size_t i = 0; i < nr; i++) {
        tr_row *r = &out->rows[out->nrows++];
        r->id = adup(c, rows[i].id);
        r->label = adup(c, rows[i].label);
        r->group = rows[i].group ? adup(c, rows[i].group) : NULL;
        r->total = rows[i].total;
        r->cells = arena_alloc(a, (nc ? nc : 1) * sizeof *r->cells);
        if (r->cells == NULL)
            return SAMEN_ENOMEM;
        for (size_t j = 0; j < nc; j++) {
            td_spec sp;
            r->cells[j] = empty_cell();
            if (!td_only_allows(&rows[i].spec, cols[j].id) ||
                !td_merge(&sp, &t->defaults, &cols[j].spec, &rows[i].spec))
                continue;
            st = compute_cell(c, &sp, &r->cells[j]);
            if (st != SAMEN_OK)
                return st;
            if (r->cells[j].small_base) {
                if (c->nsmall < NOTE_LIST_MAX)
                    buf_printf(&c->small, "%s%s (%s)", c->nsmall ? "; " : "", r->label,
                               cols[j].label);
                c->nsmall++;
            }
        }
    }
    /* Notes: the definition's, then ours (rules 6 and 7). */
    size_t nauto = c->nnotes;
    const char *autos[TD_MAX_NOTES * 2];
    memcpy(autos, c->notes, nauto * sizeof *autos);
    c->nnotes = 0;
    for (size_t i = 0; i < t->nnotes; i++)
        add_note_text(c, td_text_pick(t->notes[i], c->lang));
    if (uses_previous(t->rows, t->nrows) || uses_previous(t->cols, t->ncols)) {
        if (c->previous == 0)
            add_note(c, W(c, "De studie heeft geen meting voor %d: de vergelijking ontbreekt.",
                          "The study has no wave before %d: the comparison is left out."),
                     c->wave);
    }
    for (size_t i = 0; i < nauto; i++)
        add_note_text(c, autos[i]);
    if (c->nsmall > 0) {
        char more[80] = "";
        if (c->nsmall > NOTE_LIST_MAX)
            snprintf(more, sizeof more, W(c, " en nog %zu", " and %zu more"),
                     c->nsmall - NOTE_LIST_MAX);
        add_note(c, W(c, "Minder dan %ld gevallen (kleine basis, voorzichtig lezen): %s%s.",
                      "Fewer than %ld cases (small base, read with care): %s%s."),
                 c->def->small_base, buf_str(&c->small), more);
    }
    out->nnotes = c->nnotes;
    out->notes = arena_alloc(a, (c->nnotes ? c->nnotes : 1) * sizeof *out->notes);
    if (out->notes == NULL)
        return SAMEN_ENOMEM;
    memcpy(out->notes, c->notes, c->nnotes * sizeof *out->notes);
    /* The waves, oldest first. */
    for (size_t i = 0; i < c->nused && i < 8; i++) {
        size_t k = out->nwaves++;
        while (k > 0 && out->waves[k - 1] > c->used_waves[i]) {
            out->waves[k] = out->waves[k - 1];
            k--;
        }
        out->waves[k] = c->used_waves[i];
    }
    return add_caveats(c, t, out);
}

samen_status samen_tables_compute(const samen_tabledef *def, const samen_study *s, samen_store *st,
                                  const samen_tables_options *opt, samen_tables **out,
                                  samen_diag *d)
{
    if (samen_study_find_wave(s, opt->wave) == NULL) {
        samen_diag_add(d, "--wave", 0, 0, "the study has no wave %d", opt->wave);
        return SAMEN_EINVAL;
    }
    for (size_t i = 0; i < opt->nonly; i++) {
        bool found = false;
        for (size_t k = 0; k < def->ntables; k++)
            found |= strcmp(def->tables[k].id, opt->only[i]) == 0;
        if (!found)
            samen_diag_add(d, "--only", 0, 0, "the report definition %s has no table '%s'",
                           def->name, opt->only[i]);
    }
    if (samen_diag_count(d) > 0)
        return SAMEN_ENOTFOUND;
    calc c;
    memset(&c, 0, sizeof c);
    c.def = def;
    c.s = s;
    c.st = st;
    c.lang = opt->lang != NULL && strcmp(opt->lang, "en") == 0 ? "en" : "nl";
    c.wave = opt->wave;
    c.d = d;
    buf_init(&c.small, 64 * 1024);
    samen_status rc = SAMEN_ENOMEM;
    c.nwaves = samen_study_nwaves(s);
    c.waves = calloc(c.nwaves ? c.nwaves : 1, sizeof *c.waves);
    c.res = calloc(1, sizeof *c.res);
    if (c.res != NULL)
        c.res->a = arena_create();
    if (c.waves == NULL || c.res == NULL || c.res->a == NULL)
        goto out;
    for (size_t i = 0; i < c.nwaves; i++) {
        const samen_wave_info *wi = samen_study_wave(s, i);
        c.waves[i].year = wi->year;
        c.waves[i].inst = wi->instrument;
        if (wi->year < c.wave && wi->year > c.previous)
            c.previous = wi->year;
    }
    samen_tables *res = c.res;
    res->study = adup(&c, samen_study_id(s));
    res->study_name = adup(&c, samen_study_name(s, c.lang));
    res->synthetic = samen_study_synthetic(s);
    res->definition = adup(&c, def->name);
    res->title = adup(&c, td_text_pick(def->title, c.lang));
    res->lang = c.lang;
    res->wave = c.wave;
    res->tables = arena_alloc(res->a, (def->ntables ? def->ntables : 1) * sizeof *res->tables);
    if (res->tables == NULL)
        goto out;
    rc = SAMEN_OK;
    for (size_t i = 0; i < def->ntables && rc == SAMEN_OK; i++) {
        const td_table *t = &def->tables[i];
        bool wanted = opt->nonly == 0;
        for (size_t k = 0; k < opt->nonly; k++)
            wanted |= strcmp(opt->only[k], t->id) == 0;
        if (!wanted)
            continue;
        tr_table *tab = &res->tables[res->ntables];
        memset(tab, 0, sizeof *tab);
        rc = compute_table(&c, t, tab);
        if (rc == SAMEN_OK)
            res->ntables++;
        else if (samen_diag_count(d) == 0)
            samen_diag_add(d, def->name, t->pos.line, t->pos.col, "table %s: %s", t->id,
                           samen_status_message(rc));
    }
out:
    for (size_t i = 0; i < c.nbases; i++)
        base_destroy(c.bases[i]);
    free(c.bases);
    for (size_t i = 0; c.waves != NULL && i < c.nwaves; i++) {
        samen_dataset_destroy(c.waves[i].ds);
        free(c.waves[i].reactions);
        free(c.waves[i].filters);
        arena_destroy(c.waves[i].conds);
    }
    free(c.waves);
    buf_free(&c.small);
    if (rc != SAMEN_OK) {
        samen_tables_destroy(c.res);
        return rc;
    }
    *out = c.res;
    return SAMEN_OK;
}

void samen_tables_destroy(samen_tables *t)
{
    if (t == NULL)
        return;
    arena_destroy(t->a);
    free(t);
}

/* ---- Reading a result ------------------------------------------------------ */

int samen_tables_wave(const samen_tables *t)
{
    return t->wave;
}

size_t samen_tables_count(const samen_tables *t)
{
    return t->ntables;
}

long samen_tables_find(const samen_tables *t, const char *id)
{
    for (size_t i = 0; i < t->ntables; i++)
        if (strcmp(t->tables[i].id, id) == 0)
            return (long)i;
    return -1;
}

static const tr_table *tab(const samen_tables *t, size_t i)
{
    return i < t->ntables ? &t->tables[i] : NULL;
}

const char *samen_tables_id(const samen_tables *t, size_t table)
{
    return tab(t, table) ? tab(t, table)->id : NULL;
}

const char *samen_tables_title(const samen_tables *t, size_t table)
{
    return tab(t, table) ? tab(t, table)->title : NULL;
}

size_t samen_tables_ncols(const samen_tables *t, size_t table)
{
    return tab(t, table) ? tab(t, table)->ncols : 0;
}

size_t samen_tables_nrows(const samen_tables *t, size_t table)
{
    return tab(t, table) ? tab(t, table)->nrows : 0;
}

const char *samen_tables_col_id(const samen_tables *t, size_t table, size_t col)
{
    return col < samen_tables_ncols(t, table) ? tab(t, table)->col_ids[col] : NULL;
}

const char *samen_tables_col_label(const samen_tables *t, size_t table, size_t col)
{
    return col < samen_tables_ncols(t, table) ? tab(t, table)->col_labels[col] : NULL;
}

const char *samen_tables_row_id(const samen_tables *t, size_t table, size_t row)
{
    return row < samen_tables_nrows(t, table) ? tab(t, table)->rows[row].id : NULL;
}

const char *samen_tables_row_label(const samen_tables *t, size_t table, size_t row)
{
    return row < samen_tables_nrows(t, table) ? tab(t, table)->rows[row].label : NULL;
}

samen_table_cell samen_tables_cell(const samen_tables *t, size_t table, size_t row, size_t col)
{
    if (row >= samen_tables_nrows(t, table) || col >= samen_tables_ncols(t, table))
        return empty_cell();
    return tab(t, table)->rows[row].cells[col];
}

size_t samen_tables_nnotes(const samen_tables *t, size_t table)
{
    return tab(t, table) ? tab(t, table)->nnotes : 0;
}

const char *samen_tables_note(const samen_tables *t, size_t table, size_t i)
{
    return i < samen_tables_nnotes(t, table) ? tab(t, table)->notes[i] : NULL;
}

size_t samen_tables_ncaveats(const samen_tables *t, size_t table)
{
    return tab(t, table) ? tab(t, table)->ncaveats : 0;
}

const char *samen_tables_caveat(const samen_tables *t, size_t table, size_t i)
{
    return i < samen_tables_ncaveats(t, table) ? tab(t, table)->caveat_texts[i] : NULL;
}

samen_status samen_tables_lookup(const samen_tables *t, const char *table, const char *row,
                                 const char *col, samen_table_cell *out)
{
    long ti = samen_tables_find(t, table);
    if (ti < 0)
        return SAMEN_ENOTFOUND;
    const tr_table *tb = &t->tables[ti];
    for (size_t r = 0; r < tb->nrows; r++) {
        if (strcmp(tb->rows[r].id, row) != 0)
            continue;
        for (size_t c = 0; c < tb->ncols; c++)
            if (strcmp(tb->col_ids[c], col) == 0) {
                *out = tb->rows[r].cells[c];
                return SAMEN_OK;
            }
    }
    return SAMEN_ENOTFOUND;
}
