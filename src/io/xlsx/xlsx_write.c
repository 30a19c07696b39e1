/* xlsx_write.c - the analysis file of a wave as an Excel workbook through
 * libxlsxwriter (samen_export_xlsx in samen/interchange.h).
 *
 * Rules:
 *  1. Sheet "data": the header and rows of the CSV export (same columns,
 *     same pseudonymisation, io/response_rows.h); codes and numbers are
 *     number cells, empty cells are missing.
 *  2. Every text (answers, names, labels) is written with
 *     worksheet_write_string: a cell that begins with = + - @, a tab or a
 *     carriage return stays text and never becomes a formula. Texts are
 *     cut to Excel's 32767 bytes at a character boundary.
 *  3. Sheet "codeboek"/"codebook": one row per column of the data sheet:
 *     variable, label, question, type, valid values, missing codes,
 *     routing condition and measurement level, in the words of the
 *     codebook (io/codebook/codebook_private.h).
 *  4. Both sheets have a bold, frozen header row and an autofilter; data
 *     columns are as wide as their longest text (4 to 50 characters),
 *     codebook columns have fixed widths with wrapped long texts.
 *  5. The workbook is written next to its target and renamed into place.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "io/codebook/codebook_private.h"
#include "io/response_rows.h"
#include "samen/interchange.h"
#include "util/buf.h"
#include "util/text.h"

#define XLSX_STRING_MAX 32767
#define COL_MIN 4
#define COL_MAX 50

enum { LEAD_BRIN, LEAD_RESPONDENT, LEAD_REGION, LEAD_SITUATION, LEAD_SECTOR, NLEAD };
static const char *const lead_names[NLEAD] = {"brin", "respondent", "region", "situation",
                                              "sector"};

typedef struct xw {
    const samen_study *s;
    const samen_instrument *inst;
    bool en;
    bool ids;
    lxw_workbook *wb;
    lxw_format *bold;
    lxw_format *wrap;
    lxw_error err;
    char *cut;              /* XLSX_STRING_MAX + 1 bytes */
} xw;

static const char *w(const xw *x, const char *nl, const char *en)
{
    return x->en ? en : nl;
}

/* Rule 2. */
static void put_text(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *t,
                     lxw_format *fmt)
{
    if (t == NULL || t[0] == '\0' || x->err != LXW_NO_ERROR)
        return;
    text_copy(x->cut, XLSX_STRING_MAX + 1, t);
    x->err = worksheet_write_string(ws, r, c, x->cut, fmt);
}

static void put_number(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v)
{
    if (isnan(v) || x->err != LXW_NO_ERROR)
        return;
    x->err = worksheet_write_number(ws, r, c, v, NULL);
}

static size_t first_lead(const xw *x)
{
    return x->ids ? LEAD_BRIN : LEAD_RESPONDENT;
}

/* Rule 1. */
static void data_sheet(xw *x, const response_rows *rows)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, "data");
    if (ws == NULL) {
        x->err = LXW_ERROR_MEMORY_MALLOC_FAILED;
        return;
    }
    size_t nv = samen_instrument_nvars(x->inst);
    size_t ncols = NLEAD - first_lead(x) + nv;
    size_t *width = calloc(ncols ? ncols : 1, sizeof *width);
    if (width == NULL) {
        x->err = LXW_ERROR_MEMORY_MALLOC_FAILED;
        return;
    }
    lxw_col_t col = 0;
    for (size_t l = first_lead(x); l < NLEAD; l++, col++) {
        put_text(x, ws, 0, col, lead_names[l], x->bold);
        width[col] = strlen(lead_names[l]);
    }
    for (size_t v = 0; v < nv; v++, col++) {
        const char *name = samen_instrument_var(x->inst, v)->name;
        put_text(x, ws, 0, col, name, x->bold);
        width[col] = strlen(name);
    }
    size_t n = response_rows_count(rows);
    for (size_t i = 0; i < n && x->err == LXW_NO_ERROR; i++) {
        const response_row *row = response_rows_at(rows, i);
        const samen_school_info *sc = samen_study_school(x->s, row->school);
        const samen_region_info *reg = samen_study_region(x->s, sc->region);
        lxw_row_t r = (lxw_row_t)(i + 1);
        col = 0;
        if (x->ids)
            put_text(x, ws, r, col++, sc->brin, NULL);
        put_number(x, ws, r, col++, (double)(i + 1));
        const char *lead[3] = {reg->code, samen_vocab_code(SAMEN_ATTR_SITUATION, reg->situation),
                               samen_vocab_code(SAMEN_ATTR_SECTOR, sc->sector)};
        for (int k = 0; k < 3; k++, col++) {
            put_text(x, ws, r, col, lead[k], NULL);
            size_t len = text_utf8_length(lead[k]);
            if (len > width[col])
                width[col] = len;
        }
        for (size_t v = 0; v < nv; v++, col++) {
            if (row->texts[v] != NULL) {
                put_text(x, ws, r, col, row->texts[v], NULL);
                size_t len = text_utf8_length(row->texts[v]);
                if (len > width[col])
                    width[col] = len;
            } else {
                put_number(x, ws, r, col, row->values[v]);
            }
        }
    }
    for (size_t c = 0; c < ncols && x->err == LXW_NO_ERROR; c++) { /* rule 4 */
        size_t wd = width[c] + 2;
        wd = wd < COL_MIN ? COL_MIN : wd > COL_MAX ? COL_MAX : wd;
        x->err = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, (double)wd, NULL);
    }
    free(width);
    worksheet_freeze_panes(ws, 1, 0);
    if (x->err == LXW_NO_ERROR && ncols > 0)
        x->err = worksheet_autofilter(ws, 0, 0, (lxw_row_t)n, (lxw_col_t)(ncols - 1));
}

static void lead_row(xw *x, lxw_worksheet *ws, lxw_row_t r, size_t lead, buf *b)
{
    static const char *const nl[NLEAD] = {"BRIN-vestigingscode", "Respondentnummer",
                                          "Regio (samenwerkingsverband)", "Samenwerkingssituatie",
                                          "Sector van de school"};
    static const char *const en[NLEAD] = {"BRIN code of the school", "Respondent number",
                                          "Region (partnership)", "Collaboration situation",
                                          "Sector of the school"};
    put_text(x, ws, r, 0, lead_names[lead], NULL);
    put_text(x, ws, r, 1, x->en ? en[lead] : nl[lead], x->wrap);
    buf_reset(b);
    samen_status st = SAMEN_OK;
    if (lead == LEAD_REGION) {
        for (size_t i = 0; i < samen_study_nregions(x->s) && st == SAMEN_OK; i++)
            st = buf_printf(b, "%s%s", i ? ", " : "", samen_study_region(x->s, i)->code);
    } else if (lead == LEAD_SITUATION || lead == LEAD_SECTOR) {
        samen_attr attr = lead == LEAD_SITUATION ? SAMEN_ATTR_SITUATION : SAMEN_ATTR_SECTOR;
        for (int i = 0; i < samen_attr_count(attr) && st == SAMEN_OK; i++)
            st = buf_printf(b, "%s%s = %s", i ? "; " : "", samen_vocab_code(attr, i),
                            samen_vocab_label(attr, i, x->en ? "en" : "nl"));
    } else if (lead == LEAD_RESPONDENT) {
        st = buf_append_str(b, w(x, "1, 2, ... (volgnummer in dit bestand)",
                                 "1, 2, ... (sequence in this file)"));
    }
    if (st == SAMEN_OK)
        put_text(x, ws, r, 4, buf_str(b), x->wrap);
    put_text(x, ws, r, 7, codebook_measure(SAMEN_Q_SINGLE, x->en), NULL);
}

/* Rule 3. */
static void codebook_sheet(xw *x)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, w(x, "codeboek", "codebook"));
    if (ws == NULL) {
        x->err = LXW_ERROR_MEMORY_MALLOC_FAILED;
        return;
    }
    const char *head[8] = {w(x, "variabele", "variable"), "label", w(x, "vraag", "question"),
                           "type", w(x, "waarden", "values"), w(x, "ontbrekend", "missing"),
                           w(x, "routering", "routing"), w(x, "meetniveau", "level")};
    static const double widths[8] = {24, 60, 22, 9, 50, 28, 36, 11};
    for (lxw_col_t c = 0; c < 8; c++) {
        put_text(x, ws, 0, c, head[c], x->bold);
        if (x->err == LXW_NO_ERROR)
            x->err = worksheet_set_column(ws, c, c, widths[c], NULL);
    }
    buf b;
    buf_init(&b, 1u << 20);
    lxw_row_t r = 1;
    for (size_t l = first_lead(x); l < NLEAD; l++)
        lead_row(x, ws, r++, l, &b);
    for (size_t v = 0; v < samen_instrument_nvars(x->inst) && x->err == LXW_NO_ERROR; v++, r++) {
        const samen_var_info *vi = samen_instrument_var(x->inst, v);
        const samen_question_info *qi = samen_instrument_question(x->inst, vi->question);
        put_text(x, ws, r, 0, vi->name, NULL);
        put_text(x, ws, r, 1, codebook_pick(vi->label_nl, vi->label_en, x->en), x->wrap);
        put_text(x, ws, r, 2, qi->id, NULL);
        put_text(x, ws, r, 3, samen_qtype_name(vi->type), NULL);
        buf_reset(&b);
        if (codebook_values(x->inst, v, x->en, &b) == SAMEN_OK)
            put_text(x, ws, r, 4, buf_str(&b), x->wrap);
        buf_reset(&b);
        if (codebook_missing(x->inst, v, x->en, &b) == SAMEN_OK)
            put_text(x, ws, r, 5, buf_str(&b), x->wrap);
        buf_reset(&b);
        if (codebook_routing(x->inst, vi->question, &b) == SAMEN_OK)
            put_text(x, ws, r, 6, buf_str(&b), x->wrap);
        put_text(x, ws, r, 7, codebook_measure(vi->type, x->en), NULL);
    }
    buf_free(&b);
    worksheet_freeze_panes(ws, 1, 0);
    if (x->err == LXW_NO_ERROR)
        x->err = worksheet_autofilter(ws, 0, 0, r - 1, 7);
}

samen_status samen_export_xlsx(const samen_study *s, samen_store *st, int wave, const char *path,
                               const samen_export_options *opt, long *rows, samen_diag *d)
{
    samen_export_options defaults = {false, ',', NULL};
    if (opt == NULL)
        opt = &defaults;
    char tmp[4096];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp-%ld.xlsx", path, (long)getpid()) >= sizeof tmp) {
        samen_diag_add(d, path, 0, 0, "path too long");
        return SAMEN_EINVAL;
    }
    response_rows *rr = NULL;
    samen_status rc = response_rows_load(s, st, wave, &rr, d);
    if (rc != SAMEN_OK)
        return rc;
    /* libxlsxwriter only finds out at workbook_close that it cannot write,
     * and says so on stderr: try first. */
    FILE *probe = fopen(tmp, "wb");
    if (probe == NULL) {
        samen_diag_add(d, path, 0, 0, "cannot write: %s", strerror(errno));
        response_rows_destroy(rr);
        return SAMEN_EIO;
    }
    fclose(probe);
    xw x = {.s = s, .inst = response_rows_instrument(rr), .ids = opt->with_school_ids};
    x.en = opt->lang != NULL && strcmp(opt->lang, "en") == 0;
    x.cut = malloc(XLSX_STRING_MAX + 1);
    x.wb = x.cut ? workbook_new(tmp) : NULL;
    if (x.wb == NULL) {
        samen_diag_add(d, path, 0, 0, "cannot write: %s", x.cut ? strerror(errno) : "out of memory");
        free(x.cut);
        response_rows_destroy(rr);
        return x.cut ? SAMEN_EIO : SAMEN_ENOMEM;
    }
    x.bold = workbook_add_format(x.wb);
    x.wrap = workbook_add_format(x.wb);
    format_set_bold(x.bold);
    format_set_text_wrap(x.wrap);
    format_set_align(x.wrap, LXW_ALIGN_VERTICAL_TOP);
    char title[512], comments[256];
    snprintf(title, sizeof title, "%s %s %d", w(&x, "Analysebestand", "Analysis file"),
             samen_study_id(s), wave);
    snprintf(comments, sizeof comments, "%s%s",
             opt->with_school_ids ? w(&x, "Met schoolcodes (BRIN).", "With school ids (BRIN).")
                                  : w(&x, "Gepseudonimiseerd.", "Pseudonymised."),
             samen_study_synthetic(s) ? w(&x, " SYNTHETISCHE DATA: de scholen zijn fictief.",
                                          " SYNTHETIC DATA: the schools are fictitious.")
                                      : "");
    lxw_doc_properties props = {.title = title, .comments = comments, .author = "samen"};
    x.err = workbook_set_properties(x.wb, &props);
    data_sheet(&x, rr);
    codebook_sheet(&x);
    lxw_error close_err = workbook_close(x.wb);
    if (x.err == LXW_NO_ERROR)
        x.err = close_err;
    free(x.cut);
    long n = (long)response_rows_count(rr);
    response_rows_destroy(rr);
    if (x.err != LXW_NO_ERROR) {
        samen_diag_add(d, path, 0, 0, "cannot write the workbook: %s", lxw_strerror(x.err));
        unlink(tmp);
        return x.err == LXW_ERROR_MEMORY_MALLOC_FAILED ? SAMEN_ENOMEM : SAMEN_EIO;
    }
    if (rename(tmp, path) != 0) { /* rule 5 */
        samen_diag_add(d, path, 0, 0, "cannot write: %s", strerror(errno));
        unlink(tmp);
        return SAMEN_EIO;
    }
    if (rows != NULL)
        *rows = n;
    return SAMEN_OK;
}
