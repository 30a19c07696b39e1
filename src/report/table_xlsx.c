/* table_xlsx.c - the Excel renderer of report tables (libxlsxwriter):
 * exports table_xlsx_renderer.
 *
 * Rules:
 *  1. A first sheet "Inhoud"/"Contents" lists the tables (id, type, title)
 *     and says when the data are synthetic; then one sheet per table, named
 *     by its id (cut to Excel's 31 characters, made unique).
 *  2. A table's sheet: its id and title (bold), its base, an empty row,
 *     the header (bold, frozen), the rows (a group column first when rows
 *     belong to groups, as in Tabel B1), an empty row, then the notes and
 *     the wave-comparison caveats, one per row.
 *  3. Numbers are number cells with a format showing their precision's
 *     decimals; texts are always string cells, never formulas (cut to
 *     Excel's 32767 bytes at a character boundary).
 *  4. The workbook is written next to its target and renamed into place
 *     at finish; on failure the temporary file is removed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "report/tables_int.h"
#include "util/text.h"

#define XLSX_STRING_MAX 32767
#define SHEET_NAME_MAX 31
#define MAX_PRECISION 6

typedef struct xlsx_ctx {
    const samen_tables *t;
    const char *path;
    char tmp[4200];
    lxw_workbook *wb;
    lxw_worksheet *index;
    lxw_row_t index_row;
    lxw_format *bold;
    lxw_format *wrap;
    lxw_format *num[MAX_PRECISION + 1];
    lxw_error err;
    char *cut;
    samen_diag *d;
} xlsx_ctx;

static void put_text(xlsx_ctx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
                     lxw_format *f)
{
    if (s == NULL || s[0] == '\0' || x->err != LXW_NO_ERROR)
        return;
    text_copy(x->cut, XLSX_STRING_MAX + 1, s); /* rule 3 */
    x->err = worksheet_write_string(ws, r, c, x->cut, f);
}

static samen_status xlsx_begin(const samen_tables *t, const table_output *o, void **ctx,
                               samen_diag *d)
{
    xlsx_ctx *x = calloc(1, sizeof *x);
    if (x == NULL)
        return SAMEN_ENOMEM;
    *ctx = x;
    x->t = t;
    x->d = d;
    x->path = o->path;
    if ((size_t)snprintf(x->tmp, sizeof x->tmp, "%s.tmp-%ld.xlsx", o->path, (long)getpid()) >=
        sizeof x->tmp) {
        samen_diag_add(d, o->path, 0, 0, "path too long");
        return SAMEN_EINVAL;
    }
    /* libxlsxwriter finds out only at workbook_close that it cannot write. */
    FILE *probe = fopen(x->tmp, "wb");
    if (probe == NULL) {
        samen_diag_add(d, o->path, 0, 0, "cannot write: %s", strerror(errno));
        return SAMEN_EIO;
    }
    fclose(probe);
    x->cut = malloc(XLSX_STRING_MAX + 1);
    x->wb = x->cut ? workbook_new(x->tmp) : NULL;
    if (x->wb == NULL)
        return SAMEN_ENOMEM;
    x->bold = workbook_add_format(x->wb);
    format_set_bold(x->bold);
    x->wrap = workbook_add_format(x->wb);
    format_set_text_wrap(x->wrap);
    format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
    static const char *const fmts[] = {"0", "0.0", "0.00", "0.000", "0.0000", "0.00000",
                                       "0.000000"};
    for (int p = 0; p <= MAX_PRECISION; p++) {
        x->num[p] = workbook_add_format(x->wb);
        format_set_num_format(x->num[p], fmts[p]);
    }
    const char *lang = t->lang;
    char title[600];
    snprintf(title, sizeof title, "%s %s %d", table_render_word(lang, "Tabellen", "Tables"),
             t->study, t->wave);
    char comments[200], author[] = "samen";
    snprintf(comments, sizeof comments, "%s",
             t->synthetic ? table_render_word(lang, "SYNTHETISCHE GEGEVENS: fictief voorbeeld.",
                                              "SYNTHETIC DATA: fictitious example.")
                          : "");
    lxw_doc_properties props = {.title = title, .author = author, .comments = comments};
    x->err = workbook_set_properties(x->wb, &props);
    /* Rule 1. */
    x->index = workbook_add_worksheet(x->wb, table_render_word(lang, "Inhoud", "Contents"));
    if (x->index == NULL)
        return SAMEN_ENOMEM;
    put_text(x, x->index, 0, 0, t->title[0] ? t->title : t->study_name, x->bold);
    char line[600];
    snprintf(line, sizeof line, "%s, %s %d", t->study_name,
             table_render_word(lang, "meting", "wave"), t->wave);
    put_text(x, x->index, 1, 0, line, NULL);
    if (t->synthetic)
        put_text(x, x->index, 2, 0,
                 table_render_word(lang, "SYNTHETISCHE GEGEVENS (fictief voorbeeld)",
                                   "SYNTHETIC DATA (fictitious example)"),
                 x->bold);
    put_text(x, x->index, 4, 0, "id", x->bold);
    put_text(x, x->index, 4, 1, table_render_word(lang, "soort", "type"), x->bold);
    put_text(x, x->index, 4, 2, table_render_word(lang, "titel", "title"), x->bold);
    worksheet_set_column(x->index, 0, 1, 10, NULL);
    worksheet_set_column(x->index, 2, 2, 100, NULL);
    x->index_row = 5;
    return x->err == LXW_NO_ERROR ? SAMEN_OK : SAMEN_EIO;
}

/* A sheet name from the table id: at most 31 characters, unique. */
static lxw_worksheet *add_sheet(xlsx_ctx *x, const char *id)
{
    char name[SHEET_NAME_MAX + 1];
    text_copy(name, sizeof name, id);
    for (int k = 2; k < 1000 && workbook_get_worksheet_by_name(x->wb, name) != NULL; k++) {
        char suffix[8];
        snprintf(suffix, sizeof suffix, "~%d", k);
        size_t keep = SHEET_NAME_MAX - strlen(suffix);
        char base[SHEET_NAME_MAX + 1];
        text_copy(base, keep + 1 < sizeof base ? keep + 1 : sizeof base, id);
        snprintf(name, sizeof name, "%s%s", base, suffix);
    }
    return workbook_add_worksheet(x->wb, name);
}

static samen_status xlsx_table(void *ctx, const tr_table *tb)
{
    xlsx_ctx *x = ctx;
    const char *lang = x->t->lang;
    lxw_worksheet *ws = add_sheet(x, tb->id);
    if (ws == NULL)
        return SAMEN_EIO;
    put_text(x, x->index, x->index_row, 0, tb->id, NULL);
    put_text(x, x->index, x->index_row, 1, tb->type, NULL);
    put_text(x, x->index, x->index_row++, 2, tb->title, NULL);
    bool grouped = false;
    for (size_t r = 0; r < tb->nrows; r++)
        grouped |= tb->rows[r].group != NULL;
    lxw_col_t first = grouped ? 2 : 1;
    /* Rule 2. */
    char line[XLSX_STRING_MAX];
    snprintf(line, sizeof line, "%s. %s", tb->id, tb->title);
    put_text(x, ws, 0, 0, line, x->bold);
    lxw_row_t row = 1;
    if (tb->base != NULL) {
        snprintf(line, sizeof line, "%s: %s", table_render_word(lang, "Basis", "Base"), tb->base);
        put_text(x, ws, row++, 0, line, NULL);
    }
    if (x->t->synthetic)
        put_text(x, ws, row++, 0,
                 table_render_word(lang, "Synthetische gegevens (fictief voorbeeld)",
                                   "Synthetic data (fictitious example)"),
                 NULL);
    row++;
    lxw_row_t header = row;
    for (size_t j = 0; j < tb->ncols; j++)
        put_text(x, ws, header, (lxw_col_t)(first + j), tb->col_labels[j], x->bold);
    const char *last_group = NULL;
    for (size_t r = 0; r < tb->nrows; r++) {
        const tr_row *rw = &tb->rows[r];
        lxw_row_t at = (lxw_row_t)(header + 1 + r);
        if (grouped && rw->group != NULL && (last_group == NULL || strcmp(last_group, rw->group) != 0))
            put_text(x, ws, at, 0, rw->group, NULL);
        last_group = rw->group;
        put_text(x, ws, at, first - 1, rw->label, rw->total ? x->bold : NULL);
        for (size_t j = 0; j < tb->ncols && x->err == LXW_NO_ERROR; j++) {
            const samen_table_cell *c = &rw->cells[j];
            lxw_col_t col = (lxw_col_t)(first + j);
            if (c->kind == SAMEN_CELL_NUMBER) {
                int p = c->precision < 0 ? 0 : c->precision > MAX_PRECISION ? MAX_PRECISION : c->precision;
                x->err = worksheet_write_number(ws, at, col, c->value, x->num[p]);
            } else if (c->kind == SAMEN_CELL_TEXT) {
                put_text(x, ws, at, col, c->text, NULL);
            }
        }
    }
    row = (lxw_row_t)(header + 2 + tb->nrows);
    for (size_t i = 0; i < tb->nnotes; i++) {
        snprintf(line, sizeof line, "%s: %s", table_render_word(lang, "Noot", "Note"), tb->notes[i]);
        put_text(x, ws, row++, 0, line, NULL);
    }
    for (size_t i = 0; i < tb->ncaveats; i++) {
        snprintf(line, sizeof line, "%s: %s", table_render_word(lang, "Let op", "Caveat"),
                 tb->caveat_texts[i]);
        put_text(x, ws, row++, 0, line, NULL);
    }
    if (grouped)
        worksheet_set_column(ws, 0, 0, 22, NULL);
    worksheet_set_column(ws, first - 1, first - 1, 60, NULL);
    if (tb->ncols > 0)
        worksheet_set_column(ws, first, (lxw_col_t)(first + tb->ncols - 1), 14, NULL);
    worksheet_freeze_panes(ws, (lxw_row_t)(header + 1), first);
    return x->err == LXW_NO_ERROR ? SAMEN_OK : SAMEN_EIO;
}

static samen_status xlsx_finish(void *ctx, bool ok)
{
    xlsx_ctx *x = ctx;
    samen_status st = SAMEN_OK;
    if (x->wb != NULL) {
        lxw_error e = workbook_close(x->wb);
        if (x->err == LXW_NO_ERROR)
            x->err = e;
    }
    if (ok && (x->wb == NULL || x->err != LXW_NO_ERROR)) {
        samen_diag_add(x->d, x->path, 0, 0, "cannot write the workbook: %s",
                       x->wb ? lxw_strerror(x->err) : "out of memory");
        st = SAMEN_EIO;
    }
    if (ok && st == SAMEN_OK && rename(x->tmp, x->path) != 0) { /* rule 4 */
        samen_diag_add(x->d, x->path, 0, 0, "cannot write: %s", strerror(errno));
        st = SAMEN_EIO;
    }
    if (!ok || st != SAMEN_OK)
        unlink(x->tmp);
    free(x->cut);
    free(x);
    return st;
}

const table_renderer table_xlsx_renderer = {"xlsx", true, xlsx_begin, xlsx_table, xlsx_finish};
