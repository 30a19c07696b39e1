/* dataset.c - columnar in-memory dataset (samen/dataset.h). */
#include "samen/dataset.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

typedef struct column {
    char *name;
    char *label;
    samen_column_kind kind;
    int16_t *codes;
    double *numbers;
    samen_value_label *labels;
    size_t nlabels, clabels;
    double missing[SAMEN_DATASET_MAX_MISSING];
    size_t nmissing;
} column;

struct samen_dataset {
    size_t ncases;
    column *cols;
    size_t nvars, cvars;
};

samen_dataset *samen_dataset_create(size_t ncases)
{
    samen_dataset *ds = calloc(1, sizeof *ds);
    if (ds != NULL)
        ds->ncases = ncases;
    return ds;
}

static void free_column(column *c)
{
    free(c->name);
    free(c->label);
    free(c->codes);
    free(c->numbers);
    for (size_t i = 0; i < c->nlabels; i++)
        free((char *)c->labels[i].label);
    free(c->labels);
}

void samen_dataset_destroy(samen_dataset *ds)
{
    if (ds == NULL)
        return;
    for (size_t i = 0; i < ds->nvars; i++)
        free_column(&ds->cols[i]);
    free(ds->cols);
    free(ds);
}

samen_status samen_dataset_add_var(samen_dataset *ds, const char *name, samen_column_kind kind,
                                   size_t *index)
{
    if (samen_dataset_find_var(ds, name) >= 0)
        return SAMEN_EEXIST;
    if (ds->nvars >= SAMEN_DATASET_MAX_VARS)
        return SAMEN_ETOOBIG;
    if (ds->nvars == ds->cvars) {
        size_t c = ds->cvars ? ds->cvars * 2 : 16;
        column *p = realloc(ds->cols, c * sizeof *p);
        if (p == NULL)
            return SAMEN_ENOMEM;
        ds->cols = p;
        ds->cvars = c;
    }
    column col;
    memset(&col, 0, sizeof col);
    col.kind = kind;
    col.name = text_dup(name);
    size_t n = ds->ncases ? ds->ncases : 1;
    if (kind == SAMEN_COLUMN_CODE) {
        col.codes = malloc(n * sizeof *col.codes);
        for (size_t i = 0; col.codes != NULL && i < ds->ncases; i++)
            col.codes[i] = SAMEN_SYSMIS_CODE;
    } else {
        col.numbers = malloc(n * sizeof *col.numbers);
        for (size_t i = 0; col.numbers != NULL && i < ds->ncases; i++)
            col.numbers[i] = NAN;
    }
    if (col.name == NULL || (col.codes == NULL && col.numbers == NULL)) {
        free_column(&col);
        return SAMEN_ENOMEM;
    }
    ds->cols[ds->nvars] = col;
    *index = ds->nvars++;
    return SAMEN_OK;
}

samen_status samen_dataset_adopt_var(samen_dataset *ds, const char *name, samen_column_kind kind,
                                     void *data, size_t *index)
{
    size_t idx;
    /* Added with a one-case placeholder, then given the caller's column. */
    size_t ncases = ds->ncases;
    ds->ncases = 0;
    samen_status st = samen_dataset_add_var(ds, name, kind, &idx);
    ds->ncases = ncases;
    if (st != SAMEN_OK) {
        free(data);
        return st;
    }
    column *c = &ds->cols[idx];
    if (kind == SAMEN_COLUMN_CODE) {
        free(c->codes);
        c->codes = data;
    } else {
        free(c->numbers);
        c->numbers = data;
    }
    *index = idx;
    return SAMEN_OK;
}

size_t samen_dataset_ncases(const samen_dataset *ds) { return ds->ncases; }
size_t samen_dataset_nvars(const samen_dataset *ds) { return ds->nvars; }

const char *samen_dataset_var_name(const samen_dataset *ds, size_t var)
{
    return ds->cols[var].name;
}

samen_column_kind samen_dataset_var_kind(const samen_dataset *ds, size_t var)
{
    return ds->cols[var].kind;
}

long samen_dataset_find_var(const samen_dataset *ds, const char *name)
{
    for (size_t i = 0; i < ds->nvars; i++)
        if (text_ieq(ds->cols[i].name, name))
            return (long)i;
    return -1;
}

const char *samen_dataset_var_label(const samen_dataset *ds, size_t var)
{
    return ds->cols[var].label;
}

samen_status samen_dataset_set_var_label(samen_dataset *ds, size_t var, const char *label)
{
    char *copy = text_dup(label);
    if (copy == NULL && label != NULL)
        return SAMEN_ENOMEM;
    free(ds->cols[var].label);
    ds->cols[var].label = copy;
    return SAMEN_OK;
}

samen_status samen_dataset_add_value_label(samen_dataset *ds, size_t var, double value,
                                           const char *label)
{
    column *c = &ds->cols[var];
    char *copy = text_dup(label);
    if (copy == NULL)
        return SAMEN_ENOMEM;
    for (size_t i = 0; i < c->nlabels; i++)
        if (c->labels[i].value == value) {
            free((char *)c->labels[i].label);
            c->labels[i].label = copy;
            return SAMEN_OK;
        }
    if (c->nlabels == c->clabels) {
        size_t n = c->clabels ? c->clabels * 2 : 8;
        samen_value_label *p = realloc(c->labels, n * sizeof *p);
        if (p == NULL) {
            free(copy);
            return SAMEN_ENOMEM;
        }
        c->labels = p;
        c->clabels = n;
    }
    c->labels[c->nlabels].value = value;
    c->labels[c->nlabels].label = copy;
    c->nlabels++;
    return SAMEN_OK;
}

size_t samen_dataset_nvalue_labels(const samen_dataset *ds, size_t var)
{
    return ds->cols[var].nlabels;
}

const samen_value_label *samen_dataset_value_label(const samen_dataset *ds, size_t var, size_t i)
{
    return i < ds->cols[var].nlabels ? &ds->cols[var].labels[i] : NULL;
}

const char *samen_dataset_label_of(const samen_dataset *ds, size_t var, double value)
{
    const column *c = &ds->cols[var];
    for (size_t i = 0; i < c->nlabels; i++)
        if (c->labels[i].value == value)
            return c->labels[i].label;
    return NULL;
}

samen_status samen_dataset_add_missing(samen_dataset *ds, size_t var, double value)
{
    column *c = &ds->cols[var];
    if (samen_dataset_is_user_missing(ds, var, value))
        return SAMEN_OK;
    if (c->nmissing >= SAMEN_DATASET_MAX_MISSING || isnan(value))
        return SAMEN_EINVAL;
    c->missing[c->nmissing++] = value;
    return SAMEN_OK;
}

bool samen_dataset_is_user_missing(const samen_dataset *ds, size_t var, double value)
{
    const column *c = &ds->cols[var];
    for (size_t i = 0; i < c->nmissing; i++)
        if (c->missing[i] == value)
            return true;
    return false;
}

size_t samen_dataset_nmissing(const samen_dataset *ds, size_t var)
{
    return ds->cols[var].nmissing;
}

double samen_dataset_missing_value(const samen_dataset *ds, size_t var, size_t i)
{
    return i < ds->cols[var].nmissing ? ds->cols[var].missing[i] : NAN;
}

samen_status samen_dataset_set(samen_dataset *ds, size_t var, size_t c, double value)
{
    if (c >= ds->ncases)
        return SAMEN_EINVAL;
    column *col = &ds->cols[var];
    if (col->kind == SAMEN_COLUMN_NUMBER) {
        col->numbers[c] = value;
        return SAMEN_OK;
    }
    if (isnan(value)) {
        col->codes[c] = SAMEN_SYSMIS_CODE;
        return SAMEN_OK;
    }
    if (value != floor(value) || value < -32767 || value > 32767)
        return SAMEN_EINVAL;
    col->codes[c] = (int16_t)value;
    return SAMEN_OK;
}

double samen_dataset_get(const samen_dataset *ds, size_t var, size_t c)
{
    const column *col = &ds->cols[var];
    if (col->kind == SAMEN_COLUMN_NUMBER)
        return col->numbers[c];
    return col->codes[c] == SAMEN_SYSMIS_CODE ? NAN : (double)col->codes[c];
}

bool samen_dataset_is_valid(const samen_dataset *ds, size_t var, size_t c)
{
    double v = samen_dataset_get(ds, var, c);
    return !isnan(v) && !samen_dataset_is_user_missing(ds, var, v);
}

const int16_t *samen_dataset_codes(const samen_dataset *ds, size_t var)
{
    return ds->cols[var].codes;
}

const double *samen_dataset_numbers(const samen_dataset *ds, size_t var)
{
    return ds->cols[var].numbers;
}
