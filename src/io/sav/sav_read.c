/* sav_read.c - reading SPSS files (.sav, .zsav, .por) through ReadStat
 * (sav_read_buffer and sav_kind_of in io/sav/sav_private.h). The import of
 * responses built on it is io/sav/sav_import.c; the fuzz target
 * fuzz/fuzz_sav.c drives this reader alone.
 *
 * Rules:
 *  1. The file is parsed from memory through ReadStat's pluggable I/O, so
 *     the caller bounds its size and the fuzz target needs no file system.
 *  2. ReadStat 1.1.8 pitfalls: a variable handler is always registered (a
 *     value handler alone crashes readstat_parse_sav); value labels arrive
 *     before the variables, in sets renamed "labels0", "labels1", ..., and
 *     each variable names its set, so sets are kept by name and attached
 *     to their columns when the dictionary is complete; strings keep the
 *     blanks SPSS pads them with, so trailing blanks are cut here.
 *  3. Bounds: at most SAV_MAX_VARS variables, SAV_MAX_CASES cases and
 *     SAV_MAX_LABELS value labels; a cell is as long as ReadStat's longest
 *     string (32767 bytes).
 *  4. Numbers become the text a user would type: whole numbers without a
 *     decimal point, others in the shortest decimal that reads back to the
 *     same double; system-missing becomes "" (no answer). User-missing
 *     codes are answers like any other (the instrument knows which are
 *     non-substantive).
 */
#include <math.h>
#include <readstat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/sav/sav_private.h"
#include "util/buf.h"
#include "util/text.h"

/* ---- memory I/O for ReadStat (rule 1) ------------------------------------- */

typedef struct mem_io {
    const char *data;
    size_t len;
    size_t pos;
} mem_io;

static int mem_open(const char *path, void *ctx)
{
    (void)path;
    ((mem_io *)ctx)->pos = 0;
    return 0;
}

static int mem_close(void *ctx)
{
    (void)ctx;
    return 0;
}

static readstat_off_t mem_seek(readstat_off_t offset, readstat_io_flags_t whence, void *ctx)
{
    mem_io *m = ctx;
    readstat_off_t base = whence == READSTAT_SEEK_SET   ? 0
                          : whence == READSTAT_SEEK_CUR ? (readstat_off_t)m->pos
                                                        : (readstat_off_t)m->len;
    readstat_off_t len = (readstat_off_t)m->len;
    if (offset < -len || offset > len || base + offset < 0 || base + offset > len)
        return -1;
    m->pos = (size_t)(base + offset);
    return (readstat_off_t)m->pos;
}

static ssize_t mem_read(void *out, size_t nbyte, void *ctx)
{
    mem_io *m = ctx;
    size_t n = m->len - m->pos < nbyte ? m->len - m->pos : nbyte;
    memcpy(out, m->data + m->pos, n);
    m->pos += n;
    return (ssize_t)n;
}

static readstat_error_t mem_update(long file_size, readstat_progress_handler progress,
                                   void *user_ctx, void *ctx)
{
    (void)file_size;
    (void)progress;
    (void)user_ctx;
    (void)ctx;
    return READSTAT_OK;
}

/* ---- the reader -------------------------------------------------------- */

sav_kind sav_kind_of(const char *data, size_t len)
{
    if (len >= 4 && (memcmp(data, "$FL2", 4) == 0 || memcmp(data, "$FL3", 4) == 0))
        return SAV_KIND_SAV;
    /* A portable file starts with a 200-byte vanity splash and a 256-byte
     * character table, possibly broken into 80-byte lines, then SPSSPORT. */
    size_t end = len < 600 ? len : 600;
    for (size_t i = 0; i + 8 <= end; i++)
        if (memcmp(data + i, "SPSSPORT", 8) == 0)
            return SAV_KIND_POR;
    return SAV_KIND_UNKNOWN;
}

/* Value labels, grouped by the set they arrived in. */
typedef struct label_set {
    char *name;
    size_t first, n;            /* into the reader's label arrays */
} label_set;

typedef struct reader {
    const sav_sink *sink;
    const char *name;
    samen_diag *d;
    size_t nvars;
    sav_column *cols;
    char **names;
    char **set_of;              /* per variable: its label set's name, or NULL */
    label_set *sets;
    size_t nsets, csets;
    double *label_values;
    char **labels;
    size_t nlabels, clabels;
    buf *cells;             /* per variable: the current case's cell */
    char **cell_ptrs;
    bool columns_done;
    long current;           /* obs_index of the case being filled, -1 before the first */
    samen_status st;
    char error[256];
} reader;

static samen_status send_columns(reader *r)
{
    r->columns_done = true;
    for (size_t i = 0; i < r->nvars; i++) {
        if (r->set_of[i] == NULL || r->cols[i].is_string)
            continue;
        for (size_t k = 0; k < r->nsets; k++)
            if (strcmp(r->sets[k].name, r->set_of[i]) == 0) {
                r->cols[i].nlabels = r->sets[k].n;
                r->cols[i].label_values = r->label_values + r->sets[k].first;
                r->cols[i].labels = r->labels + r->sets[k].first;
                break;
            }
    }
    return r->sink->columns(r->sink->ctx, r->nvars, r->cols);
}

/* Rule 2: a numeric value label of set; string sets are not needed. */
static int on_value_label(const char *set, readstat_value_t value, const char *label, void *ctx)
{
    reader *r = ctx;
    if (r->columns_done || set == NULL || label == NULL ||
        readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING ||
        readstat_value_is_system_missing(value) || readstat_value_is_tagged_missing(value))
        return READSTAT_HANDLER_OK;
    if (r->nlabels >= SAV_MAX_LABELS) { /* rule 3 */
        samen_diag_add(r->d, r->name, 0, 0, "more than %d value labels", SAV_MAX_LABELS);
        r->st = SAMEN_ETOOBIG;
        return READSTAT_HANDLER_ABORT;
    }
    bool same = r->nsets > 0 && strcmp(r->sets[r->nsets - 1].name, set) == 0 &&
                r->sets[r->nsets - 1].first + r->sets[r->nsets - 1].n == r->nlabels;
    if (!same && r->nsets == r->csets) {
        size_t c = r->csets ? r->csets * 2 : 16;
        label_set *p = realloc(r->sets, c * sizeof *p);
        if (p == NULL) {
            r->st = SAMEN_ENOMEM;
            return READSTAT_HANDLER_ABORT;
        }
        r->sets = p;
        r->csets = c;
    }
    if (r->nlabels == r->clabels) {
        size_t c = r->clabels ? r->clabels * 2 : 64;
        double *v = realloc(r->label_values, c * sizeof *v);
        if (v != NULL)
            r->label_values = v;
        char **l = realloc(r->labels, c * sizeof *l);
        if (l != NULL)
            r->labels = l;
        if (v == NULL || l == NULL) {
            r->st = SAMEN_ENOMEM;
            return READSTAT_HANDLER_ABORT;
        }
        r->clabels = c;
    }
    char *copy = text_dup(label);
    char *set_copy = same ? NULL : text_dup(set);
    if (copy == NULL || (!same && set_copy == NULL)) {
        free(copy);
        free(set_copy);
        r->st = SAMEN_ENOMEM;
        return READSTAT_HANDLER_ABORT;
    }
    if (!same)
        r->sets[r->nsets++] = (label_set){set_copy, r->nlabels, 0};
    r->label_values[r->nlabels] = readstat_double_value(value);
    r->labels[r->nlabels++] = copy;
    r->sets[r->nsets - 1].n++;
    return READSTAT_HANDLER_OK;
}

static samen_status send_row(reader *r)
{
    for (size_t i = 0; i < r->nvars; i++)
        r->cell_ptrs[i] = (char *)buf_str(&r->cells[i]);
    samen_status st = r->sink->row(r->sink->ctx, r->current + 1, r->nvars, r->cell_ptrs);
    for (size_t i = 0; i < r->nvars; i++)
        buf_reset(&r->cells[i]);
    return st;
}

static int on_metadata(readstat_metadata_t *md, void *ctx)
{
    reader *r = ctx;
    int n = readstat_get_var_count(md);
    if (n > SAV_MAX_VARS) {
        samen_diag_add(r->d, r->name, 0, 0, "more than %d variables", SAV_MAX_VARS);
        r->st = SAMEN_ETOOBIG;
        return READSTAT_HANDLER_ABORT;
    }
    return READSTAT_HANDLER_OK;
}

static int on_variable(int index, readstat_variable_t *v, const char *val_labels, void *ctx)
{
    reader *r = ctx;
    if (index < 0 || (size_t)index != r->nvars || r->columns_done) {
        snprintf(r->error, sizeof r->error, "variables out of order");
        r->st = SAMEN_EPARSE;
        return READSTAT_HANDLER_ABORT;
    }
    if (r->nvars >= SAV_MAX_VARS) { /* rule 3 */
        samen_diag_add(r->d, r->name, 0, 0, "more than %d variables", SAV_MAX_VARS);
        r->st = SAMEN_ETOOBIG;
        return READSTAT_HANDLER_ABORT;
    }
    size_t n = r->nvars + 1;
    sav_column *cols = realloc(r->cols, n * sizeof *cols);
    if (cols != NULL)
        r->cols = cols;
    char **names = realloc(r->names, n * sizeof *names);
    if (names != NULL)
        r->names = names;
    buf *cells = realloc(r->cells, n * sizeof *cells);
    if (cells != NULL)
        r->cells = cells;
    char **ptrs = realloc(r->cell_ptrs, n * sizeof *ptrs);
    if (ptrs != NULL)
        r->cell_ptrs = ptrs;
    char **set_of = realloc(r->set_of, n * sizeof *set_of);
    if (set_of != NULL)
        r->set_of = set_of;
    const char *vname = readstat_variable_get_name(v);
    char *copy = text_dup(vname ? vname : "");
    char *set = val_labels != NULL && val_labels[0] != '\0' ? text_dup(val_labels) : NULL;
    if (cols == NULL || names == NULL || cells == NULL || ptrs == NULL || set_of == NULL ||
        copy == NULL || (val_labels != NULL && val_labels[0] != '\0' && set == NULL)) {
        free(copy);
        free(set);
        r->st = SAMEN_ENOMEM;
        return READSTAT_HANDLER_ABORT;
    }
    r->names[r->nvars] = copy;
    r->set_of[r->nvars] = set;
    memset(&r->cols[r->nvars], 0, sizeof r->cols[r->nvars]);
    r->cols[r->nvars].name = copy;
    r->cols[r->nvars].is_string =
        readstat_variable_get_type_class(v) == READSTAT_TYPE_CLASS_STRING;
    buf_init(&r->cells[r->nvars], SAV_STRING_MAX * 4);
    r->nvars = n;
    return READSTAT_HANDLER_OK;
}

/* Rule 4. */
static void format_number(double x, char *out, size_t cap)
{
    if (x == floor(x) && fabs(x) < 1e15) {
        snprintf(out, cap, "%.0f", x);
        return;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(out, cap, "%.*g", prec, x);
        double back;
        if (text_parse_double(out, &back) && back == x)
            return;
    }
}

static int on_value(int obs_index, readstat_variable_t *v, readstat_value_t value, void *ctx)
{
    reader *r = ctx;
    if (!r->columns_done) {
        r->st = send_columns(r);
        if (r->st != SAMEN_OK)
            return READSTAT_HANDLER_ABORT;
    }
    int index = readstat_variable_get_index(v);
    if (index < 0 || (size_t)index >= r->nvars || obs_index < r->current) {
        snprintf(r->error, sizeof r->error, "a value out of order");
        r->st = SAMEN_EPARSE;
        return READSTAT_HANDLER_ABORT;
    }
    if (obs_index != r->current) {
        if (r->current >= 0) {
            r->st = send_row(r);
            if (r->st != SAMEN_OK)
                return READSTAT_HANDLER_ABORT;
        }
        if (obs_index >= SAV_MAX_CASES) { /* rule 3 */
            samen_diag_add(r->d, r->name, 0, 0, "more than %ld cases", SAV_MAX_CASES);
            r->st = SAMEN_ETOOBIG;
            return READSTAT_HANDLER_ABORT;
        }
        r->current = obs_index;
    }
    buf *cell = &r->cells[index];
    buf_reset(cell);
    samen_status st = SAMEN_OK;
    if (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING) {
        const char *t = readstat_string_value(value);
        size_t n = t ? strlen(t) : 0;
        while (n > 0 && t[n - 1] == ' ') /* rule 2 */
            n--;
        st = n > 0 ? buf_append(cell, t, n) : SAMEN_OK;
    } else if (!readstat_value_is_system_missing(value) &&
               !readstat_value_is_tagged_missing(value)) {
        double x = readstat_double_value(value);
        if (isfinite(x)) {
            char num[64];
            format_number(x, num, sizeof num);
            st = buf_append_str(cell, num);
        }
    }
    if (st != SAMEN_OK) {
        if (st == SAMEN_ETOOBIG)
            samen_diag_add(r->d, r->name, 0, 0, "case %d: a string longer than %d bytes",
                           obs_index + 1, SAV_STRING_MAX * 4);
        r->st = st;
        return READSTAT_HANDLER_ABORT;
    }
    return READSTAT_HANDLER_OK;
}

static void on_error(const char *msg, void *ctx)
{
    reader *r = ctx;
    if (r->error[0] == '\0')
        text_copy(r->error, sizeof r->error, msg);
}

samen_status sav_read_buffer(const char *data, size_t len, const char *name,
                             const sav_sink *sink, samen_diag *d)
{
    sav_kind kind = sav_kind_of(data, len);
    if (kind == SAV_KIND_UNKNOWN) {
        samen_diag_add(d, name, 0, 0, "not an SPSS file (.sav, .zsav or .por)");
        return SAMEN_EPARSE;
    }
    reader r = {.sink = sink, .name = name, .d = d, .current = -1, .st = SAMEN_OK};
    mem_io io = {data, len, 0};
    readstat_parser_t *p = readstat_parser_init();
    if (p == NULL)
        return SAMEN_ENOMEM;
    readstat_set_open_handler(p, mem_open);
    readstat_set_close_handler(p, mem_close);
    readstat_set_seek_handler(p, mem_seek);
    readstat_set_read_handler(p, mem_read);
    readstat_set_update_handler(p, mem_update);
    readstat_set_io_ctx(p, &io);
    readstat_set_metadata_handler(p, on_metadata);
    readstat_set_variable_handler(p, on_variable); /* rule 2: always */
    readstat_set_value_handler(p, on_value);
    readstat_set_value_label_handler(p, on_value_label);
    readstat_set_error_handler(p, on_error);
    readstat_error_t e = kind == SAV_KIND_SAV ? readstat_parse_sav(p, name, &r)
                                              : readstat_parse_por(p, name, &r);
    readstat_parser_free(p);
    samen_status st = r.st;
    if (st == SAMEN_OK && e != READSTAT_OK) {
        samen_diag_add(d, name, 0, 0, "cannot read this SPSS file: %s%s%s",
                       readstat_error_message(e), r.error[0] ? ": " : "", r.error);
        st = SAMEN_EPARSE;
    } else if (st == SAMEN_EPARSE && r.error[0] != '\0') {
        samen_diag_add(d, name, 0, 0, "cannot read this SPSS file: %s", r.error);
    }
    if (st == SAMEN_OK && !r.columns_done)
        st = send_columns(&r);
    if (st == SAMEN_OK && r.current >= 0)
        st = send_row(&r);
    for (size_t i = 0; i < r.nvars; i++) {
        free(r.names[i]);
        free(r.set_of[i]);
        buf_free(&r.cells[i]);
    }
    for (size_t i = 0; i < r.nsets; i++)
        free(r.sets[i].name);
    for (size_t i = 0; i < r.nlabels; i++)
        free(r.labels[i]);
    free(r.sets);
    free(r.labels);
    free(r.label_values);
    free(r.set_of);
    free(r.names);
    free(r.cols);
    free(r.cells);
    free(r.cell_ptrs);
    return st;
}
