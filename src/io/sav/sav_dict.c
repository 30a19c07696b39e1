/* sav_dict.c - the SPSS dictionary of a wave's export (io/sav/sav_private.h):
 * names, labels, value labels, user-missing values and measurement levels,
 * shared by the .sav writer and the .sps syntax writer.
 *
 * Rules:
 *  1. Columns: `brin` (only with school ids; a string), `respondent`,
 *     `region`, `situation`, `sector` (numeric codes, 1-based positions in
 *     study.yaml and the fixed vocabularies, labelled), then every
 *     instrument variable in order.
 *  2. Labels are Dutch unless lang is "en" (English falling back to Dutch);
 *     placeholders stay as {name}. Labels are cut to SPSS's limits at a
 *     character boundary (sav_cut).
 *  3. Measurement level: nominal for consent, single, tick-all and text;
 *     ordinal for grid and rating; scale for number.
 *  4. Tick-all variables are 0/1 with labels "niet aangekruist"/"aangekruist".
 *  5. Non-substantive codes are user-missing: up to three discrete codes;
 *     more become one range (plus at most one discrete code) that holds no
 *     valid answer; otherwise the export fails naming the variable.
 *  6. Numbers show as F8.0 when whole, F12.2 otherwise.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/sav/sav_private.h"
#include "util/text.h"

void sav_cut(char *out, size_t cap, const char *src, size_t max)
{
    text_copy(out, cap < max + 1 ? cap : max + 1, src ? src : "");
}

static const char *pick(const char *nl, const char *en, bool english)
{
    return english && en != NULL ? en : nl;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* True when a valid (substantive) answer of v lies in lo..hi. */
static bool valid_within(const samen_var_info *v, double lo, double hi)
{
    if (v->has_range && v->min <= hi && v->max >= lo)
        return true;
    for (size_t i = 0; i < v->noptions; i++)
        if (!v->options[i].nonsubstantive && v->options[i].code >= lo &&
            v->options[i].code <= hi)
            return true;
    return false;
}

/* Rule 5. */
bool sav_missing_fit(const samen_var_info *v, sav_missing *m)
{
    memset(m, 0, sizeof *m);
    double codes[64];
    size_t n = 0;
    for (size_t i = 0; i < v->noptions; i++) {
        if (!v->options[i].nonsubstantive)
            continue;
        if (n == sizeof codes / sizeof codes[0])
            return false;
        codes[n++] = v->options[i].code;
    }
    qsort(codes, n, sizeof codes[0], cmp_double);
    if (n <= 3) {
        m->ndiscrete = (int)n;
        for (size_t i = 0; i < n; i++)
            m->discrete[i] = codes[i];
        return true;
    }
    m->has_range = true;
    if (!valid_within(v, codes[0], codes[n - 1])) {
        m->lo = codes[0];
        m->hi = codes[n - 1];
        return true;
    }
    if (!valid_within(v, codes[0], codes[n - 2]) && !valid_within(v, codes[n - 1], codes[n - 1])) {
        m->lo = codes[0];
        m->hi = codes[n - 2];
        m->ndiscrete = 1;
        m->discrete[0] = codes[n - 1];
        return true;
    }
    if (!valid_within(v, codes[1], codes[n - 1])) {
        m->lo = codes[1];
        m->hi = codes[n - 1];
        m->ndiscrete = 1;
        m->discrete[0] = codes[0];
        return true;
    }
    return false;
}

static sav_measure measure_of(samen_qtype t)
{
    switch (t) {
    case SAMEN_Q_GRID:
    case SAMEN_Q_RATING: return SAV_ORDINAL;
    case SAMEN_Q_NUMBER: return SAV_SCALE;
    default: return SAV_NOMINAL; /* rule 3 */
    }
}

static bool add_label(sav_var *v, size_t cap, double value, const char *label)
{
    if (v->nlabels >= cap)
        return false;
    sav_value_label *l = &v->labels[v->nlabels++];
    l->value = value;
    sav_cut(l->label, sizeof l->label, label, SAV_VALUE_LABEL_MAX);
    return true;
}

static samen_status lead_var(sav_var *v, const samen_study *s, sav_lead lead, bool en)
{
    static const struct {
        const char *name, *nl, *en;
    } leads[] = {
        [SAV_LEAD_BRIN] = {"brin", "BRIN-vestigingscode", "BRIN code of the school"},
        [SAV_LEAD_RESPONDENT] = {"respondent", "Respondentnummer (volgnummer in dit bestand)",
                                 "Respondent number (sequence in this file)"},
        [SAV_LEAD_REGION] = {"region", "Regio (samenwerkingsverband)", "Region (partnership)"},
        [SAV_LEAD_SITUATION] = {"situation", "Samenwerkingssituatie", "Collaboration situation"},
        [SAV_LEAD_SECTOR] = {"sector", "Sector van de school", "Sector of the school"},
    };
    v->name = leads[lead].name;
    sav_cut(v->label, sizeof v->label, en ? leads[lead].en : leads[lead].nl, SAV_VAR_LABEL_MAX);
    v->lead = lead;
    v->inst_var = -1;
    v->measure = SAV_NOMINAL;
    if (lead == SAV_LEAD_BRIN) {
        v->is_string = true;
        v->width = 6;
        return SAMEN_OK;
    }
    size_t n = 0;
    samen_attr attr = SAMEN_ATTR_SITUATION;
    switch (lead) {
    case SAV_LEAD_REGION: n = samen_study_nregions(s); break;
    case SAV_LEAD_SITUATION: n = SAMEN_SITUATION_COUNT; break;
    case SAV_LEAD_SECTOR:
        n = SAMEN_SECTOR_COUNT;
        attr = SAMEN_ATTR_SECTOR;
        break;
    default: return SAMEN_OK;
    }
    v->labels = calloc(n ? n : 1, sizeof *v->labels);
    if (v->labels == NULL)
        return SAMEN_ENOMEM;
    for (size_t i = 0; i < n; i++)
        add_label(v, n, (double)i + 1,
                  lead == SAV_LEAD_REGION ? samen_study_region(s, i)->code
                                          : samen_vocab_label(attr, (int)i, en ? "en" : "nl"));
    return SAMEN_OK;
}

static samen_status inst_var(sav_var *v, const samen_instrument *inst, size_t i, bool en,
                             samen_diag *d)
{
    const samen_var_info *vi = samen_instrument_var(inst, i);
    v->name = vi->name;
    v->lead = SAV_LEAD_NONE;
    v->inst_var = (long)i;
    sav_cut(v->label, sizeof v->label, pick(vi->label_nl, vi->label_en, en), SAV_VAR_LABEL_MAX);
    v->measure = measure_of(vi->type);
    if (vi->type == SAMEN_Q_TEXT) {
        v->is_string = true;
        v->width = 1;
        return SAMEN_OK;
    }
    v->decimals = vi->type == SAMEN_Q_NUMBER && !vi->integer ? 2 : 0; /* rule 6 */
    size_t cap = vi->type == SAMEN_Q_MULTI ? 2 : vi->noptions;
    v->labels = calloc(cap ? cap : 1, sizeof *v->labels);
    if (v->labels == NULL)
        return SAMEN_ENOMEM;
    if (vi->type == SAMEN_Q_MULTI) { /* rule 4 */
        add_label(v, cap, 0, en ? "Not ticked" : "Niet aangekruist");
        add_label(v, cap, 1, en ? "Ticked" : "Aangekruist");
        return SAMEN_OK;
    }
    for (size_t k = 0; k < vi->noptions; k++)
        add_label(v, cap, vi->options[k].code,
                  pick(vi->options[k].label_nl, vi->options[k].label_en, en));
    if (!sav_missing_fit(vi, &v->missing)) {
        samen_diag_add(d, samen_instrument_id(inst), 0, 0,
                       "variable %s: its non-substantive codes do not fit SPSS's missing values "
                       "(at most three codes, or a range without valid answers plus one code)",
                       vi->name);
        return SAMEN_EUNSUPPORTED;
    }
    return SAMEN_OK;
}

samen_status sav_dict_build(const samen_study *s, int wave, const samen_export_options *opt,
                            sav_dict **out, samen_diag *d)
{
    const samen_wave_info *w = samen_study_find_wave(s, wave);
    if (w == NULL) {
        samen_diag_add(d, "--wave", 0, 0, "the study has no wave %d", wave);
        return SAMEN_EINVAL;
    }
    bool en = opt != NULL && opt->lang != NULL && strcmp(opt->lang, "en") == 0;
    bool ids = opt != NULL && opt->with_school_ids;
    const samen_instrument *inst = w->instrument;
    size_t nv = samen_instrument_nvars(inst);
    sav_dict *dict = calloc(1, sizeof *dict);
    if (dict == NULL)
        return SAMEN_ENOMEM;
    dict->vars = calloc(nv + SAV_LEAD_NONE, sizeof *dict->vars);
    if (dict->vars == NULL) {
        free(dict);
        return SAMEN_ENOMEM;
    }
    char label[256];
    snprintf(label, sizeof label, en ? "samen: %s, wave %d%s" : "samen: %s, meting %d%s",
             samen_study_id(s), wave,
             samen_study_synthetic(s) ? (en ? " (synthetic)" : " (synthetisch)") : "");
    sav_cut(dict->file_label, sizeof dict->file_label, label, SAV_FILE_LABEL_MAX);
    samen_status st = SAMEN_OK;
    for (int lead = ids ? SAV_LEAD_BRIN : SAV_LEAD_RESPONDENT; lead < SAV_LEAD_NONE && st == SAMEN_OK;
         lead++)
        st = lead_var(&dict->vars[dict->nvars++], s, (sav_lead)lead, en);
    for (size_t i = 0; i < nv && st == SAMEN_OK; i++)
        st = inst_var(&dict->vars[dict->nvars++], inst, i, en, d);
    if (st != SAMEN_OK) {
        sav_dict_destroy(dict);
        return st;
    }
    *out = dict;
    return SAMEN_OK;
}

void sav_dict_destroy(sav_dict *dict)
{
    if (dict == NULL)
        return;
    for (size_t i = 0; i < dict->nvars; i++)
        free(dict->vars[i].labels);
    free(dict->vars);
    free(dict);
}
