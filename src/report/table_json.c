/* table_json.c - the JSON renderer of report tables (MISSION.md's
 * command-line contract): exports table_json_renderer.
 *
 *   {"study", "name", "synthetic", "wave", "lang", "definition", "title",
 *    "tables": [{"id", "type", "title", "base", "waves",
 *                "columns": [labels], "column_ids": [ids],
 *                "rows": [{"id", "label", "group"?, "total"?, "cells": [...],
 *                          "precision": [...], "base": [...], "small_base": [...]}],
 *                "notes": [...], "caveats": [{"kind", "text", "n1", "n2", "value",
 *                                             "variable"?}]}]}
 *
 * Rules:
 *  1. A number cell is a JSON number already rounded to its precision; a
 *     text cell a string; an empty cell null (and its precision and base
 *     null too).
 *  2. base is the number of cases a percentage, mean or alpha rests on,
 *     null for counts.
 *  3. The whole document is built in memory and written at finish, so a
 *     failure leaves no half-written JSON behind.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "report/tables_int.h"

typedef struct json_ctx {
    FILE *out;
    cJSON *root;
    cJSON *tables;
} json_ctx;

static samen_status json_begin(const samen_tables *t, const table_output *o, void **ctx,
                               samen_diag *d)
{
    (void)d;
    json_ctx *j = calloc(1, sizeof *j);
    if (j == NULL)
        return SAMEN_ENOMEM;
    j->out = o->out;
    j->root = cJSON_CreateObject();
    if (j->root == NULL) {
        free(j);
        return SAMEN_ENOMEM;
    }
    cJSON_AddStringToObject(j->root, "study", t->study);
    cJSON_AddStringToObject(j->root, "name", t->study_name);
    cJSON_AddBoolToObject(j->root, "synthetic", t->synthetic);
    cJSON_AddNumberToObject(j->root, "wave", t->wave);
    cJSON_AddStringToObject(j->root, "lang", t->lang);
    cJSON_AddStringToObject(j->root, "definition", t->definition);
    cJSON_AddStringToObject(j->root, "title", t->title);
    j->tables = cJSON_AddArrayToObject(j->root, "tables");
    *ctx = j;
    return j->tables ? SAMEN_OK : SAMEN_ENOMEM;
}

static cJSON *strings(const char *const *s, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; a != NULL && i < n; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(s[i] ? s[i] : ""));
    return a;
}

static samen_status json_table(void *ctx, const tr_table *tb)
{
    json_ctx *j = ctx;
    cJSON *o = cJSON_CreateObject();
    if (o == NULL)
        return SAMEN_ENOMEM;
    cJSON_AddItemToArray(j->tables, o);
    cJSON_AddStringToObject(o, "id", tb->id);
    cJSON_AddStringToObject(o, "type", tb->type);
    cJSON_AddStringToObject(o, "title", tb->title);
    if (tb->base != NULL)
        cJSON_AddStringToObject(o, "base", tb->base);
    cJSON *waves = cJSON_AddArrayToObject(o, "waves");
    for (size_t i = 0; i < tb->nwaves; i++)
        cJSON_AddItemToArray(waves, cJSON_CreateNumber(tb->waves[i]));
    cJSON_AddItemToObject(o, "columns", strings(tb->col_labels, tb->ncols));
    cJSON_AddItemToObject(o, "column_ids", strings(tb->col_ids, tb->ncols));
    cJSON *rows = cJSON_AddArrayToObject(o, "rows");
    for (size_t r = 0; r < tb->nrows; r++) {
        const tr_row *row = &tb->rows[r];
        cJSON *ro = cJSON_CreateObject();
        if (ro == NULL)
            return SAMEN_ENOMEM;
        cJSON_AddItemToArray(rows, ro);
        cJSON_AddStringToObject(ro, "id", row->id);
        cJSON_AddStringToObject(ro, "label", row->label);
        if (row->group != NULL)
            cJSON_AddStringToObject(ro, "group", row->group);
        if (row->total)
            cJSON_AddBoolToObject(ro, "total", true);
        cJSON *cells = cJSON_AddArrayToObject(ro, "cells");
        cJSON *prec = cJSON_AddArrayToObject(ro, "precision");
        cJSON *base = cJSON_AddArrayToObject(ro, "base");
        cJSON *small = cJSON_AddArrayToObject(ro, "small_base");
        for (size_t c = 0; c < tb->ncols; c++) {
            const samen_table_cell *cell = &row->cells[c];
            bool num = cell->kind == SAMEN_CELL_NUMBER; /* rule 1 */
            cJSON_AddItemToArray(cells, num ? cJSON_CreateNumber(cell->value)
                                        : cell->kind == SAMEN_CELL_TEXT
                                            ? cJSON_CreateString(cell->text)
                                            : cJSON_CreateNull());
            cJSON_AddItemToArray(prec, num ? cJSON_CreateNumber(cell->precision)
                                           : cJSON_CreateNull());
            cJSON_AddItemToArray(base, num && cell->base >= 0 ? cJSON_CreateNumber((double)cell->base)
                                                              : cJSON_CreateNull()); /* rule 2 */
            cJSON_AddItemToArray(small, cJSON_CreateBool(cell->small_base));
        }
    }
    cJSON_AddItemToObject(o, "notes", strings(tb->notes, tb->nnotes));
    cJSON *cav = cJSON_AddArrayToObject(o, "caveats");
    for (size_t i = 0; i < tb->ncaveats; i++) {
        const samen_caveat *cv = &tb->caveats[i];
        static const char *const kinds[] = {"size", "composition", "small_n"};
        cJSON *co = cJSON_CreateObject();
        if (co == NULL)
            return SAMEN_ENOMEM;
        cJSON_AddItemToArray(cav, co);
        cJSON_AddStringToObject(co, "kind", kinds[cv->kind]);
        cJSON_AddStringToObject(co, "text", tb->caveat_texts[i]);
        cJSON_AddNumberToObject(co, "n1", (double)cv->n1);
        cJSON_AddNumberToObject(co, "n2", (double)cv->n2);
        cJSON_AddNumberToObject(co, "value", cv->value);
        if (cv->kind == SAMEN_CAVEAT_COMPOSITION)
            cJSON_AddStringToObject(co, "variable", cv->variable);
    }
    return SAMEN_OK;
}

static samen_status json_finish(void *ctx, bool ok)
{
    json_ctx *j = ctx;
    samen_status st = SAMEN_OK;
    if (ok) { /* rule 3 */
        char *text = cJSON_Print(j->root);
        if (text == NULL)
            st = SAMEN_ENOMEM;
        else if (fputs(text, j->out) < 0 || fputc('\n', j->out) == EOF || fflush(j->out) != 0)
            st = SAMEN_EIO;
        free(text);
    }
    cJSON_Delete(j->root);
    free(j);
    return st;
}

const table_renderer table_json_renderer = {"json", false, json_begin, json_table, json_finish};
