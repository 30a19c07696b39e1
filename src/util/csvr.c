/* csvr.c - CSV reading over libcsv with encodings, delimiter detection and
 * line numbers (util/csvr.h). */
#include "util/csvr.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/text.h"

typedef struct reader {
    const char *name;
    csvr_row_fn fn;
    void *ctx;
    samen_diag *d;
    char **fields;      /* pointers into text, filled when a record ends */
    size_t *offsets;    /* start of each field in text */
    size_t nfields;
    size_t cap;
    buf text;           /* the current record's fields, NUL-separated */
    long line;          /* line of the chunk being fed */
    long record_line;   /* line the current record started on */
    long records;
    samen_status st;
} reader;

static void on_field(void *data, size_t len, void *r_)
{
    reader *r = r_;
    if (r->st != SAMEN_OK)
        return;
    if (r->nfields >= CSVR_MAX_FIELDS) {
        samen_diag_add(r->d, r->name, r->record_line, 0, "more than %d fields in a record",
                       CSVR_MAX_FIELDS);
        r->st = SAMEN_ETOOBIG;
        return;
    }
    if (r->nfields == r->cap) {
        size_t c = r->cap ? r->cap * 2 : 64;
        char **f = realloc(r->fields, c * sizeof *f);
        if (f != NULL)
            r->fields = f;
        size_t *o = realloc(r->offsets, c * sizeof *o);
        if (o != NULL)
            r->offsets = o;
        if (f == NULL || o == NULL) {
            r->st = SAMEN_ENOMEM;
            return;
        }
        r->cap = c;
    }
    /* One buffer per record instead of one allocation per field. */
    r->offsets[r->nfields++] = r->text.len;
    samen_status st = buf_append(&r->text, data ? data : "", data ? len : 0);
    if (st == SAMEN_OK)
        st = buf_append_char(&r->text, '\0');
    if (st != SAMEN_OK)
        r->st = st;
}

static void clear_fields(reader *r)
{
    r->nfields = 0;
    buf_reset(&r->text);
}

static void on_record(int c, void *r_)
{
    reader *r = r_;
    (void)c;
    if (r->st == SAMEN_OK && r->nfields > 0) {
        for (size_t i = 0; i < r->nfields; i++)
            r->fields[i] = r->text.data + r->offsets[i];
        r->records++;
        r->st = r->fn(r->ctx, r->record_line ? r->record_line : r->line, r->nfields, r->fields);
    }
    clear_fields(r);
    r->record_line = 0;
}

/* Only the space is trimmed around unquoted fields, so a tab can be the
 * delimiter (libcsv trims tabs too by default). */
static int is_space(unsigned char c)
{
    return c == ' ';
}

static char detect_delimiter(const char *s, size_t len)
{
    size_t counts[3] = {0, 0, 0};
    const char cands[3] = {',', ';', '\t'};
    int quoted = 0;
    for (size_t i = 0; i < len && s[i] != '\n'; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        for (int k = 0; k < 3 && !quoted; k++)
            if (s[i] == cands[k])
                counts[k]++;
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (counts[k] > counts[best])
            best = k;
    return cands[best];
}

/* Converts CP1252 to UTF-8 with iconv; reports the first byte that CP1252
 * does not define. */
static samen_status from_cp1252(const char *in, size_t len, buf *out, const char *name,
                                samen_diag *d)
{
    iconv_t cd = iconv_open("UTF-8", "CP1252");
    if (cd == (iconv_t)-1) {
        samen_diag_add(d, name, 0, 0, "this system cannot convert CP1252 (iconv)");
        return SAMEN_EINTERNAL;
    }
    samen_status st = SAMEN_OK;
    char *src = (char *)in;
    size_t left = len;
    while (left > 0 && st == SAMEN_OK) {
        char chunk[16384];
        char *dst = chunk;
        size_t room = sizeof chunk;
        size_t rc = iconv(cd, &src, &left, &dst, &room);
        st = buf_append(out, chunk, sizeof chunk - room);
        if (rc == (size_t)-1 && errno != E2BIG && st == SAMEN_OK) {
            long line = 1;
            for (const char *p = in; p < src; p++)
                line += *p == '\n';
            samen_diag_add(d, name, line, 0,
                           "the file is neither UTF-8 nor CP1252 (byte 0x%02X at offset %zu)",
                           (unsigned char)*src, (size_t)(src - in));
            st = SAMEN_EPARSE;
        }
    }
    iconv_close(cd);
    return st;
}

samen_status csvr_read_buffer(const char *data, size_t len, const char *name, csvr_row_fn fn,
                              void *ctx, csvr_info *info, samen_diag *d)
{
    csvr_info local;
    if (info == NULL)
        info = &local;
    memset(info, 0, sizeof *info);
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        info->had_bom = 1;
        data += 3;
        len -= 3;
    }
    if (memchr(data, '\0', len) != NULL) {
        samen_diag_add(d, name, 0, 0, "the file contains NUL bytes: not a text file");
        return SAMEN_EPARSE;
    }
    buf converted;
    buf_init(&converted, len * 3 + 16);
    if (!text_is_utf8(data, len)) {
        samen_status st = from_cp1252(data, len, &converted, name, d);
        if (st != SAMEN_OK) {
            buf_free(&converted);
            return st;
        }
        info->was_cp1252 = 1;
        data = buf_str(&converted);
        len = converted.len;
    }
    info->delimiter = detect_delimiter(data, len);

    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        buf_free(&converted);
        return SAMEN_ENOMEM;
    }
    csv_set_delim(&p, (unsigned char)info->delimiter);
    csv_set_space_func(&p, is_space);
    reader r = {.name = name, .fn = fn, .ctx = ctx, .d = d, .line = 1, .st = SAMEN_OK};
    buf_init(&r.text, len + CSVR_MAX_FIELDS + 1); /* a record is never larger than the input */
    size_t pos = 0;
    /* Fed line by line, so that every field and record knows its line. */
    while (pos < len && r.st == SAMEN_OK) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (data + pos)) + 1 : len - pos;
        /* libcsv's pstate 0 is ROW_NOT_BEGUN: a record starting in this
         * chunk starts on this line, even if its first field spans lines. */
        if (p.pstate == 0 && r.nfields == 0)
            r.record_line = r.line;
        if (csv_parse(&p, data + pos, n, on_field, on_record, &r) != n) {
            samen_diag_add(d, name, r.line, 0, "malformed CSV: %s (a stray or unclosed quote?)",
                           csv_strerror(csv_error(&p)));
            r.st = SAMEN_EPARSE;
        }
        pos += n;
        if (nl != NULL)
            r.line++;
    }
    if (r.st == SAMEN_OK && csv_fini(&p, on_field, on_record, &r) != 0) {
        samen_diag_add(d, name, r.record_line ? r.record_line : r.line, 0,
                       "malformed CSV: %s (an unclosed quote?)", csv_strerror(csv_error(&p)));
        r.st = SAMEN_EPARSE;
    }
    clear_fields(&r);
    free(r.fields);
    free(r.offsets);
    buf_free(&r.text);
    csv_free(&p);
    buf_free(&converted);
    info->records = r.records;
    return r.st;
}

samen_status csvr_read_file(const char *path, const char *name, size_t max_bytes, csvr_row_fn fn,
                            void *ctx, csvr_info *info, samen_diag *d)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        samen_diag_add(d, name, 0, 0, "cannot open the file: %s", strerror(errno));
        return SAMEN_ENOTFOUND;
    }
    buf b;
    buf_init(&b, max_bytes);
    char chunk[1 << 16];
    size_t n;
    samen_status st = SAMEN_OK;
    while (st == SAMEN_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        st = buf_append(&b, chunk, n);
    if (st == SAMEN_OK && ferror(f))
        st = SAMEN_EIO;
    fclose(f);
    if (st == SAMEN_ETOOBIG)
        samen_diag_add(d, name, 0, 0, "the file is larger than the limit of %zu bytes", max_bytes);
    else if (st != SAMEN_OK)
        samen_diag_add(d, name, 0, 0, "cannot read the file");
    else
        st = csvr_read_buffer(buf_str(&b), b.len, name, fn, ctx, info, d);
    buf_free(&b);
    return st;
}
