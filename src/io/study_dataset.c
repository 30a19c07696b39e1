/* study_dataset.c - the dataset of a wave, built from the study's stored
 * responses and its instrument (samen/interchange.h).
 *
 * Rules:
 *  1. One case per school that consented (status complete), in the store's
 *     order (by school).
 *  2. The first columns describe the school: region (code = the region's
 *     position in study.yaml, 1-based), situation, sector and governance
 *     (vocabulary position, 1-based), each with value labels.
 *  3. Then every non-text instrument variable, with the question or item
 *     text as its label, its answer labels as value labels, and its
 *     non-substantive codes as user-missing values.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "samen/interchange.h"

typedef struct builder {
    const samen_study *s;
    const samen_instrument *inst;
    samen_dataset *ds;
    size_t first_var;   /* dataset index of the instrument's first kept variable */
    long *map;          /* instrument variable -> dataset variable, or -1 */
    size_t ncases;      /* counting pass, then filling pass */
    size_t next;
    bool fill;
} builder;

static samen_status visit(void *ctx, const samen_response_view *r)
{
    builder *b = ctx;
    if (r->status != SAMEN_RESPONSE_COMPLETE)
        return SAMEN_OK; /* rule 1 */
    long school = samen_study_find_school(b->s, r->brin);
    if (school < 0)
        return SAMEN_OK;
    if (!b->fill) {
        b->ncases++;
        return SAMEN_OK;
    }
    size_t c = b->next++;
    const samen_school_info *sc = samen_study_school(b->s, (size_t)school);
    const samen_region_info *reg = samen_study_region(b->s, sc->region);
    samen_status st = samen_dataset_set(b->ds, 0, c, (double)sc->region + 1);
    if (st == SAMEN_OK)
        st = samen_dataset_set(b->ds, 1, c, reg->situation + 1);
    if (st == SAMEN_OK)
        st = samen_dataset_set(b->ds, 2, c, sc->sector + 1);
    if (st == SAMEN_OK)
        st = samen_dataset_set(b->ds, 3, c, reg->governance + 1);
    for (size_t i = 0; i < r->nanswers && st == SAMEN_OK; i++) {
        long v = samen_instrument_find_var(b->inst, r->answers[i].var);
        if (v < 0 || b->map[v] < 0 || isnan(r->answers[i].num))
            continue;
        st = samen_dataset_set(b->ds, (size_t)b->map[v], c, r->answers[i].num);
    }
    return st;
}

static samen_status add_attr(samen_dataset *ds, const char *name, samen_attr attr,
                             const char *lang)
{
    size_t idx;
    samen_status st = samen_dataset_add_var(ds, name, SAMEN_COLUMN_CODE, &idx);
    for (int v = 0; v < samen_attr_count(attr) && st == SAMEN_OK; v++)
        st = samen_dataset_add_value_label(ds, idx, v + 1, samen_vocab_label(attr, v, lang));
    return st;
}

static samen_status add_columns(builder *b, const char *lang)
{
    const samen_study *s = b->s;
    size_t idx;
    bool en = lang != NULL && strcmp(lang, "en") == 0;
    samen_status st = samen_dataset_add_var(b->ds, "region", SAMEN_COLUMN_CODE, &idx);
    for (size_t i = 0; i < samen_study_nregions(s) && st == SAMEN_OK; i++)
        st = samen_dataset_add_value_label(b->ds, idx, (double)i + 1,
                                           samen_study_region(s, i)->code);
    if (st == SAMEN_OK)
        st = add_attr(b->ds, "situation", SAMEN_ATTR_SITUATION, lang);
    if (st == SAMEN_OK)
        st = add_attr(b->ds, "sector", SAMEN_ATTR_SECTOR, lang);
    if (st == SAMEN_OK)
        st = add_attr(b->ds, "governance", SAMEN_ATTR_GOVERNANCE, lang);
    size_t nv = samen_instrument_nvars(b->inst);
    for (size_t v = 0; v < nv && st == SAMEN_OK; v++) {
        const samen_var_info *vi = samen_instrument_var(b->inst, v);
        b->map[v] = -1;
        if (vi->type == SAMEN_Q_TEXT)
            continue;
        bool whole = vi->type != SAMEN_Q_NUMBER || vi->integer;
        bool small = !vi->has_range || (vi->min >= -32767 && vi->max <= 32767);
        st = samen_dataset_add_var(b->ds, vi->name,
                                   whole && small ? SAMEN_COLUMN_CODE : SAMEN_COLUMN_NUMBER, &idx);
        if (st != SAMEN_OK)
            break;
        b->map[v] = (long)idx;
        const char *label = en && vi->label_en ? vi->label_en : vi->label_nl;
        st = samen_dataset_set_var_label(b->ds, idx, label);
        for (size_t k = 0; k < vi->noptions && st == SAMEN_OK; k++) {
            const samen_answer_option *o = &vi->options[k];
            st = samen_dataset_add_value_label(b->ds, idx, o->code,
                                               en && o->label_en ? o->label_en : o->label_nl);
            if (st == SAMEN_OK && o->nonsubstantive)
                st = samen_dataset_add_missing(b->ds, idx, o->code);
        }
    }
    return st;
}

samen_status samen_dataset_from_study(const samen_study *s, samen_store *st, int wave,
                                      const char *lang, samen_dataset **out, samen_diag *d)
{
    const samen_wave_info *w = samen_study_find_wave(s, wave);
    if (w == NULL) {
        samen_diag_add(d, "--wave", 0, 0, "the study has no wave %d", wave);
        return SAMEN_EINVAL;
    }
    builder b = {.s = s, .inst = w->instrument};
    size_t nv = samen_instrument_nvars(b.inst);
    b.map = calloc(nv ? nv : 1, sizeof *b.map);
    if (b.map == NULL)
        return SAMEN_ENOMEM;
    samen_status rc = samen_store_each_response(st, wave, visit, &b);
    if (rc == SAMEN_OK) {
        b.ds = samen_dataset_create(b.ncases);
        rc = b.ds ? add_columns(&b, lang) : SAMEN_ENOMEM;
    }
    if (rc == SAMEN_OK) {
        b.fill = true;
        rc = samen_store_each_response(st, wave, visit, &b);
    }
    free(b.map);
    if (rc != SAMEN_OK) {
        samen_dataset_destroy(b.ds);
        if (samen_diag_count(d) == 0)
            samen_diag_add(d, "database", 0, 0, "cannot read wave %d: %s", wave,
                           samen_status_message(rc));
        return rc;
    }
    *out = b.ds;
    return SAMEN_OK;
}
