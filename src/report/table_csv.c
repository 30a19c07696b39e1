/* table_csv.c - the CSV renderer of report tables, for people and
 * spreadsheets: exports table_csv_renderer.
 *
 * Rules:
 *  1. One block per table: a line with the id and the title, a line with
 *     the base when the table has one, the header (an empty first cell,
 *     then the column labels), one line per row, then the notes and the
 *     wave-comparison caveats, each on a line of its own, and an empty
 *     line.
 *  2. Rows that belong to a group (the partnerships of Tabel B1) get a
 *     first column with the group's name, written on the group's first
 *     row only.
 *  3. Fields are separated by commas and quoted as RFC 4180 says when they
 *     hold a comma, a quote or a line break; numbers have a decimal point
 *     and their precision's decimals (percentages one, as the report);
 *     empty cells are empty. Texts that a spreadsheet would run as a
 *     formula are prefixed with ' (samen_cell_defuse).
 *  4. The first line names the study and the wave, and says so when the
 *     data are synthetic.
 */
#include <stdlib.h>
#include <string.h>

#include "report/tables_int.h"
#include "samen/interchange.h"

#define FIELD_MAX 8192

typedef struct csv_ctx {
    FILE *out;
    const char *lang;
    char *scratch;      /* FIELD_MAX bytes */
} csv_ctx;

static void field(csv_ctx *c, const char *s, bool text)
{
    if (s == NULL)
        s = "";
    if (text)
        s = samen_cell_defuse(s, c->scratch, FIELD_MAX); /* rule 3 */
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, c->out);
        return;
    }
    fputc('"', c->out);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            fputc('"', c->out);
        fputc(*p, c->out);
    }
    fputc('"', c->out);
}

static samen_status csv_begin(const samen_tables *t, const table_output *o, void **ctx,
                              samen_diag *d)
{
    (void)d;
    csv_ctx *c = calloc(1, sizeof *c);
    if (c != NULL)
        c->scratch = malloc(FIELD_MAX);
    if (c == NULL || c->scratch == NULL) {
        free(c);
        return SAMEN_ENOMEM;
    }
    c->out = o->out;
    c->lang = t->lang;
    /* Rule 4. */
    field(c, t->title[0] ? t->title : t->study_name, true);
    fputc(',', c->out);
    field(c, t->study_name, true);
    fprintf(c->out, ",%s %d", table_render_word(c->lang, "Meting", "Wave"), t->wave);
    if (t->synthetic)
        fprintf(c->out, ",%s",
                table_render_word(c->lang, "SYNTHETISCHE GEGEVENS (fictief voorbeeld)",
                                  "SYNTHETIC DATA (fictitious example)"));
    fputs("\n\n", c->out);
    *ctx = c;
    return SAMEN_OK;
}

static samen_status csv_table(void *ctx, const tr_table *tb)
{
    csv_ctx *c = ctx;
    char cell[256];
    bool grouped = false;
    for (size_t r = 0; r < tb->nrows; r++)
        grouped |= tb->rows[r].group != NULL;
    field(c, tb->id, true);
    fputc(',', c->out);
    field(c, tb->title, true);
    fputc('\n', c->out);
    if (tb->base != NULL) {
        char line[FIELD_MAX];
        snprintf(line, sizeof line, "%s: %s", table_render_word(c->lang, "Basis", "Base"),
                 tb->base);
        field(c, line, true);
        fputc('\n', c->out);
    }
    if (grouped)
        fputc(',', c->out); /* rule 2 */
    for (size_t j = 0; j < tb->ncols; j++) {
        fputc(',', c->out);
        field(c, tb->col_labels[j], true);
    }
    fputc('\n', c->out);
    const char *last_group = NULL;
    for (size_t r = 0; r < tb->nrows; r++) {
        const tr_row *row = &tb->rows[r];
        if (grouped) {
            bool first = row->group != NULL &&
                         (last_group == NULL || strcmp(last_group, row->group) != 0);
            field(c, first ? row->group : "", true);
            fputc(',', c->out);
            last_group = row->group;
        }
        field(c, row->label, true);
        for (size_t j = 0; j < tb->ncols; j++) {
            fputc(',', c->out);
            const samen_table_cell *cl = &row->cells[j];
            field(c, table_render_cell(cl, cell, sizeof cell), cl->kind == SAMEN_CELL_TEXT);
        }
        fputc('\n', c->out);
    }
    for (size_t i = 0; i < tb->nnotes; i++) {
        char line[FIELD_MAX];
        snprintf(line, sizeof line, "%s: %s", table_render_word(c->lang, "Noot", "Note"),
                 tb->notes[i]);
        field(c, line, true);
        fputc('\n', c->out);
    }
    for (size_t i = 0; i < tb->ncaveats; i++) {
        char line[FIELD_MAX];
        snprintf(line, sizeof line, "%s: %s", table_render_word(c->lang, "Let op", "Caveat"),
                 tb->caveat_texts[i]);
        field(c, line, true);
        fputc('\n', c->out);
    }
    fputc('\n', c->out);
    return ferror(c->out) ? SAMEN_EIO : SAMEN_OK;
}

static samen_status csv_finish(void *ctx, bool ok)
{
    csv_ctx *c = ctx;
    samen_status st = ok && (fflush(c->out) != 0 || ferror(c->out)) ? SAMEN_EIO : SAMEN_OK;
    free(c->scratch);
    free(c);
    return st;
}

const table_renderer table_csv_renderer = {"csv", false, csv_begin, csv_table, csv_finish};
