/* response_rows.c - a wave's stored responses as rows in memory
 * (io/response_rows.h). */
#include "io/response_rows.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

struct response_rows {
    arena *a;
    const samen_study *s;
    const samen_instrument *inst;
    size_t nvars;
    response_row *rows;
    size_t nrows, crows;
};

static samen_status visit(void *ctx, const samen_response_view *r)
{
    response_rows *rr = ctx;
    if (r->status != SAMEN_RESPONSE_COMPLETE)
        return SAMEN_OK; /* rule 1 */
    long school = samen_study_find_school(rr->s, r->brin);
    if (school < 0)
        return SAMEN_OK; /* rule 2 */
    if (rr->nrows == rr->crows) {
        size_t c = rr->crows ? rr->crows * 2 : 256;
        response_row *p = realloc(rr->rows, c * sizeof *p);
        if (p == NULL)
            return SAMEN_ENOMEM;
        rr->rows = p;
        rr->crows = c;
    }
    size_t nv = rr->nvars ? rr->nvars : 1;
    double *values = arena_alloc(rr->a, nv * sizeof *values);
    const char **texts = arena_alloc(rr->a, nv * sizeof *texts);
    if (values == NULL || texts == NULL)
        return SAMEN_ENOMEM;
    for (size_t v = 0; v < rr->nvars; v++)
        values[v] = NAN;
    for (size_t i = 0; i < r->nanswers; i++) {
        long v = samen_instrument_find_var(rr->inst, r->answers[i].var);
        if (v < 0)
            continue; /* rule 3 */
        values[v] = r->answers[i].num;
        if (r->answers[i].text != NULL) {
            texts[v] = arena_strdup(rr->a, r->answers[i].text);
            if (texts[v] == NULL)
                return SAMEN_ENOMEM;
        }
    }
    rr->rows[rr->nrows++] = (response_row){(size_t)school, values, texts};
    return SAMEN_OK;
}

samen_status response_rows_load(const samen_study *s, samen_store *st, int wave,
                                response_rows **out, samen_diag *d)
{
    const samen_wave_info *w = samen_study_find_wave(s, wave);
    if (w == NULL) {
        samen_diag_add(d, "--wave", 0, 0, "the study has no wave %d", wave);
        return SAMEN_EINVAL;
    }
    response_rows *rr = calloc(1, sizeof *rr);
    if (rr == NULL)
        return SAMEN_ENOMEM;
    rr->a = arena_create();
    rr->s = s;
    rr->inst = w->instrument;
    rr->nvars = samen_instrument_nvars(rr->inst);
    samen_status rc = rr->a ? samen_store_each_response(st, wave, visit, rr) : SAMEN_ENOMEM;
    if (rc != SAMEN_OK) {
        if (samen_diag_count(d) == 0)
            samen_diag_add(d, "database", 0, 0, "cannot read wave %d: %s", wave,
                           samen_status_message(rc));
        response_rows_destroy(rr);
        return rc;
    }
    *out = rr;
    return SAMEN_OK;
}

void response_rows_destroy(response_rows *rr)
{
    if (rr == NULL)
        return;
    free(rr->rows);
    arena_destroy(rr->a);
    free(rr);
}

size_t response_rows_count(const response_rows *rr)
{
    return rr->nrows;
}

const response_row *response_rows_at(const response_rows *rr, size_t i)
{
    return i < rr->nrows ? &rr->rows[i] : NULL;
}

const samen_instrument *response_rows_instrument(const response_rows *rr)
{
    return rr->inst;
}
