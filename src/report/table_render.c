/* table_render.c - the renderers of computed report tables, as a table of
 * function pointers (samen_tables_write in samen/tables.h), and what they
 * share: how a cell is written for people.
 *
 * Rules:
 *  1. A renderer is {format, binary, begin, table, finish}; adding a format
 *     is one file (report/table_<format>.c) and one entry in `renderers`.
 *  2. Numbers are written with exactly their precision's decimals and a
 *     decimal point ("13.0", "4.54", "0.931"), whatever the locale.
 *  3. finish is called once after begin has made a context, also when
 *     begin or a table failed, so a renderer can release what it holds.
 *  4. Text formats written to a file go to a temporary file next to it,
 *     renamed into place, so the file is never left half-written.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "report/tables_int.h"

static const table_renderer *const renderers[] = {
    &table_json_renderer,
    &table_csv_renderer,
    &table_xlsx_renderer,
};

static const table_renderer *find(const char *format)
{
    for (size_t i = 0; format != NULL && i < sizeof renderers / sizeof renderers[0]; i++)
        if (strcmp(renderers[i]->format, format) == 0)
            return renderers[i];
    return NULL;
}

bool samen_tables_format_known(const char *format, bool *binary)
{
    const table_renderer *r = find(format);
    if (r != NULL && binary != NULL)
        *binary = r->binary;
    return r != NULL;
}

samen_status samen_tables_write(const samen_tables *t, const char *format, FILE *out,
                                const char *path, samen_diag *d)
{
    const table_renderer *r = find(format);
    if (r == NULL) {
        samen_diag_add(d, "--format", 0, 0, "unknown format '%s' (json, csv or xlsx)",
                       format ? format : "");
        return SAMEN_EINVAL;
    }
    if ((r->binary && path == NULL) || (!r->binary && out == NULL && path == NULL)) {
        samen_diag_add(d, "--out", 0, 0, "format %s needs a file to write to", format);
        return SAMEN_EINVAL;
    }
    /* Rule 4: a text format written to a file goes to a temporary file
     * renamed into place. */
    FILE *own = NULL;
    char tmp[4200];
    table_output o = {out, path};
    if (!r->binary && path != NULL) {
        if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid()) >= sizeof tmp) {
            samen_diag_add(d, path, 0, 0, "path too long");
            return SAMEN_EINVAL;
        }
        own = fopen(tmp, "w");
        if (own == NULL) {
            samen_diag_add(d, path, 0, 0, "cannot write: %s", strerror(errno));
            return SAMEN_EIO;
        }
        o.out = own;
    }
    void *ctx = NULL;
    samen_status st = r->begin(t, &o, &ctx, d);
    for (size_t i = 0; i < t->ntables && st == SAMEN_OK; i++)
        st = r->table(ctx, &t->tables[i]);
    if (ctx != NULL) {
        samen_status fin = r->finish(ctx, st == SAMEN_OK); /* rule 3 */
        if (st == SAMEN_OK)
            st = fin;
    }
    if (own != NULL) {
        if (fclose(own) != 0 && st == SAMEN_OK)
            st = SAMEN_EIO;
        if (st == SAMEN_OK && rename(tmp, path) != 0) {
            samen_diag_add(d, path, 0, 0, "cannot write: %s", strerror(errno));
            st = SAMEN_EIO;
        }
        if (st != SAMEN_OK)
            unlink(tmp);
    }
    if (st != SAMEN_OK && samen_diag_count(d) == 0)
        samen_diag_add(d, path ? path : "output", 0, 0, "cannot write the tables: %s",
                       samen_status_message(st));
    return st;
}

const char *table_render_cell(const samen_table_cell *c, char *out, size_t cap)
{
    if (cap == 0)
        return out;
    out[0] = '\0';
    if (c->kind == SAMEN_CELL_TEXT && c->text != NULL)
        snprintf(out, cap, "%s", c->text);
    else if (c->kind == SAMEN_CELL_NUMBER && isfinite(c->value))
        snprintf(out, cap, "%.*f", c->precision, c->value); /* rule 2 */
    return out;
}

const char *table_render_word(const char *lang, const char *nl, const char *en)
{
    return lang != NULL && strcmp(lang, "en") == 0 ? en : nl;
}
