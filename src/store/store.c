/* store.c - the storage interface (samen/store.h): URL parsing, backend
 * selection, transactions and timestamps, and the backend-independent parts
 * of copying and dumping a store (samen migrate); the backends do the rest.
 *
 * Exports the samen_store_* functions of samen/store.h, and to the backends
 * store_tables, store_status_name/lookup and store_sql_*.
 */
#include "samen/store.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/backend.h"

struct samen_store {
    const store_backend *be;
    void *ctx;
    bool in_tx;
    long long (*now)(void);
};

static const store_backend *const backends[] = {&store_sqlite_backend, &store_postgres_backend};

static const char *const status_names[] = {"complete", "partial", "refused"};

/* The schema both backends keep (their migrations create it). */
const store_table_info store_tables[STORE_NTABLES] = {
    [STORE_T_WAVE] = {"study_wave", 3, {"year", "instrument_id", "instrument_version"},
                      {STORE_INT, STORE_TEXT, STORE_TEXT}, "year"},
    [STORE_T_REGION] = {"region", 6, {"code", "name", "sector", "governance", "situation", "pair"},
                        {STORE_TEXT, STORE_TEXT, STORE_TEXT, STORE_TEXT, STORE_TEXT, STORE_TEXT},
                        "code"},
    [STORE_T_SCHOOL] = {"school", 5, {"brin", "name", "sector", "region", "email"},
                        {STORE_TEXT, STORE_TEXT, STORE_TEXT, STORE_TEXT, STORE_TEXT}, "brin"},
    [STORE_T_RESPONSE] = {"response", 7,
                          {"id", "wave", "school", "instrument_version", "status", "created_at",
                           "updated_at"},
                          {STORE_INT, STORE_INT, STORE_TEXT, STORE_TEXT, STORE_TEXT, STORE_TEXT,
                           STORE_TEXT},
                          "id"},
    [STORE_T_ANSWER] = {"answer", 4, {"response", "variable", "num", "txt"},
                        {STORE_INT, STORE_TEXT, STORE_REAL, STORE_TEXT}, "response, variable"},
};

const char *store_status_name(samen_response_status s)
{
    return (int)s >= 0 && (size_t)s < sizeof status_names / sizeof status_names[0]
               ? status_names[s]
               : "complete";
}

int store_status_lookup(const char *name)
{
    for (size_t i = 0; i < sizeof status_names / sizeof status_names[0]; i++)
        if (strcmp(status_names[i], name) == 0)
            return (int)i;
    return -1;
}

/* Appends formatted text at *len in out (cap bytes), truncating. */
static void sql_add(char *out, size_t cap, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void sql_add(char *out, size_t cap, size_t *len, const char *fmt, ...)
{
    if (*len >= cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out + *len, cap - *len, fmt, ap);
    va_end(ap);
    if (n > 0)
        *len += (size_t)n < cap - *len ? (size_t)n : cap - *len;
}

static void sql_columns(const store_table_info *ti, char *out, size_t cap, size_t *len)
{
    for (size_t i = 0; i < ti->ncols; i++)
        sql_add(out, cap, len, "%s%s", i ? ", " : "", ti->cols[i]);
}

void store_sql_select(store_table t, char *out, size_t cap)
{
    const store_table_info *ti = &store_tables[t];
    size_t len = 0;
    sql_add(out, cap, &len, "SELECT ");
    sql_columns(ti, out, cap, &len);
    sql_add(out, cap, &len, " FROM %s ORDER BY %s", ti->name, ti->order_by);
}

void store_sql_insert(store_table t, char mark, char *out, size_t cap)
{
    const store_table_info *ti = &store_tables[t];
    size_t len = 0;
    sql_add(out, cap, &len, "INSERT INTO %s (", ti->name);
    sql_columns(ti, out, cap, &len);
    sql_add(out, cap, &len, ") VALUES (");
    for (size_t i = 0; i < ti->ncols; i++)
        sql_add(out, cap, &len, "%s%c%zu", i ? ", " : "", mark, i + 1);
    sql_add(out, cap, &len, ")");
}

void store_sql_count(store_table t, char *out, size_t cap)
{
    size_t len = 0;
    sql_add(out, cap, &len, "SELECT count(*) FROM %s", store_tables[t].name);
}

void samen_store_default_url(const char *study_dir, char *out, size_t cap)
{
    snprintf(out, cap, "sqlite:%s/samen.db", study_dir);
}

/* True when url starts with scheme followed by ':'. */
static bool has_scheme(const char *url, const char *scheme)
{
    size_t n = scheme ? strlen(scheme) : 0;
    return n > 0 && strncmp(url, scheme, n) == 0 && url[n] == ':';
}

samen_status samen_store_open(const char *url, samen_store **out, samen_diag *d)
{
    const store_backend *be = NULL;
    const char *location = url;
    for (size_t i = 0; i < sizeof backends / sizeof backends[0] && be == NULL; i++) {
        const char *scheme = NULL;
        if (has_scheme(url, backends[i]->scheme))
            scheme = backends[i]->scheme;
        else if (has_scheme(url, backends[i]->alias))
            scheme = backends[i]->alias;
        if (scheme != NULL) {
            be = backends[i];
            location = be->whole_url ? url : url + strlen(scheme) + 1;
        }
    }
    if (be == NULL) {
        if (strstr(url, "://") != NULL) {
            samen_diag_add(d, "--db", 0, 0,
                           "unknown database URL '%.40s' (use sqlite:PATH or postgresql://...)",
                           url);
            return SAMEN_EUSAGE;
        }
        be = &store_sqlite_backend; /* a plain path */
    }
    samen_store *st = calloc(1, sizeof *st);
    if (st == NULL)
        return SAMEN_ENOMEM;
    st->be = be;
    samen_status s = be->open(location, &st->ctx, d);
    if (s != SAMEN_OK) {
        free(st);
        return s;
    }
    *out = st;
    return SAMEN_OK;
}

void samen_store_close(samen_store *st)
{
    if (st == NULL)
        return;
    if (st->in_tx)
        st->be->exec_tx(st->ctx, STORE_TX_ROLLBACK);
    st->be->close(st->ctx);
    free(st);
}

samen_status samen_store_begin(samen_store *st)
{
    if (st->in_tx)
        return SAMEN_EINTERNAL;
    samen_status s = st->be->exec_tx(st->ctx, STORE_TX_BEGIN);
    st->in_tx = s == SAMEN_OK;
    return s;
}

samen_status samen_store_commit(samen_store *st)
{
    if (!st->in_tx)
        return SAMEN_EINTERNAL;
    samen_status s = st->be->exec_tx(st->ctx, STORE_TX_COMMIT);
    if (s == SAMEN_OK)
        st->in_tx = false;
    return s;
}

samen_status samen_store_rollback(samen_store *st)
{
    if (!st->in_tx)
        return SAMEN_OK;
    st->in_tx = false;
    return st->be->exec_tx(st->ctx, STORE_TX_ROLLBACK);
}

int samen_store_schema_version(const samen_store *st)
{
    return st->be->schema_version(st->ctx);
}

samen_status samen_store_sync_study(samen_store *st, const samen_study *s)
{
    if (!st->in_tx)
        return SAMEN_EINTERNAL;
    return st->be->sync_study(st->ctx, s);
}

samen_status samen_store_has_response(samen_store *st, int wave, const char *brin, bool *exists)
{
    return st->be->has_response(st->ctx, wave, brin, exists);
}

samen_status samen_store_put_response(samen_store *st, int wave, const char *brin,
                                      const char *instrument_version,
                                      samen_response_status status, size_t nanswers,
                                      const samen_answer *answers)
{
    if (!st->in_tx)
        return SAMEN_EINTERNAL;
    time_t t = st->now ? (time_t)st->now() : time(NULL);
    struct tm tm;
    char stamp[32];
    gmtime_r(&t, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return st->be->put_response(st->ctx, wave, brin, instrument_version, status, stamp, nanswers,
                                answers);
}

samen_status samen_store_each_response(samen_store *st, int wave, samen_response_fn fn, void *ctx)
{
    return st->be->each_response(st->ctx, wave, fn, ctx);
}

samen_status samen_store_count(samen_store *st, int wave, samen_response_status status,
                               long *count)
{
    return st->be->count(st->ctx, wave, status, count);
}

void samen_store_set_clock(samen_store *st, long long (*now)(void))
{
    st->now = now;
}

/* ---- copies and dumps ---- */

samen_status samen_store_get_counts(samen_store *st, samen_store_counts *out)
{
    long n[STORE_NTABLES];
    for (int t = 0; t < STORE_NTABLES; t++) {
        samen_status s = st->be->count_rows(st->ctx, (store_table)t, &n[t]);
        if (s != SAMEN_OK)
            return s;
    }
    out->waves = n[STORE_T_WAVE];
    out->regions = n[STORE_T_REGION];
    out->schools = n[STORE_T_SCHOOL];
    out->responses = n[STORE_T_RESPONSE];
    out->answers = n[STORE_T_ANSWER];
    return SAMEN_OK;
}

typedef struct dump_ctx {
    FILE *f;
    size_t ncols;
} dump_ctx;

static void dump_text(FILE *f, const char *s)
{
    for (; *s != '\0'; s++) {
        switch (*s) {
        case '\t': fputs("\\t", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\\': fputs("\\\\", f); break;
        default: fputc(*s, f);
        }
    }
}

static samen_status dump_row(void *ctx, const store_value *row)
{
    dump_ctx *dc = ctx;
    for (size_t i = 0; i < dc->ncols; i++) {
        if (i > 0)
            fputc('\t', dc->f);
        switch (row[i].kind) {
        case STORE_NULL: fputs("\\N", dc->f); break;
        case STORE_INT: fprintf(dc->f, "%lld", row[i].i); break;
        case STORE_REAL: fprintf(dc->f, "%.17g", row[i].r); break;
        case STORE_TEXT: dump_text(dc->f, row[i].t ? row[i].t : ""); break;
        }
    }
    fputc('\n', dc->f);
    return ferror(dc->f) ? SAMEN_EIO : SAMEN_OK;
}

/* Dumps st; inside the caller's transaction when there is one, else in a
 * snapshot of its own. */
samen_status samen_store_dump(samen_store *st, FILE *f)
{
    bool own = !st->in_tx;
    samen_status s = own ? st->be->exec_tx(st->ctx, STORE_TX_SNAPSHOT) : SAMEN_OK;
    if (s != SAMEN_OK)
        return s;
    if (own)
        st->in_tx = true;
    for (int t = 0; t < STORE_NTABLES && s == SAMEN_OK; t++) {
        long n = 0;
        s = st->be->count_rows(st->ctx, (store_table)t, &n);
        if (s != SAMEN_OK)
            break;
        fprintf(f, "table %s %ld\n", store_tables[t].name, n);
        dump_ctx dc = {f, store_tables[t].ncols};
        s = st->be->each_row(st->ctx, (store_table)t, dump_row, &dc);
    }
    if (own)
        samen_store_rollback(st);
    if (s == SAMEN_OK && (fflush(f) != 0 || ferror(f)))
        s = SAMEN_EIO;
    return s;
}

typedef struct copy_ctx {
    samen_store *dst;
    store_table t;
    long rows;
    bool put_failed;
} copy_ctx;

static samen_status copy_row(void *ctx, const store_value *row)
{
    copy_ctx *cc = ctx;
    cc->rows++;
    samen_status s = cc->dst->be->put_row(cc->dst->ctx, cc->t, row);
    cc->put_failed = s != SAMEN_OK;
    return s;
}

/* Reads one line of f into *line (getline's buffer); false at the end. */
static bool read_line(FILE *f, char **line, size_t *cap)
{
    return getline(line, cap, f) >= 0;
}

/* Compares the dumps in a and b (rewound); on the first difference adds a
 * message naming the table and row and returns SAMEN_ESTORE. */
static samen_status compare_dumps(FILE *a, FILE *b, samen_diag *d)
{
    rewind(a);
    rewind(b);
    char *la = NULL, *lb = NULL;
    size_t ca = 0, cb = 0;
    char table[64] = "?";
    long row = 0;
    samen_status s = SAMEN_OK;
    for (;;) {
        bool ga = read_line(a, &la, &ca), gb = read_line(b, &lb, &cb);
        if (!ga && !gb)
            break;
        if (ga && strncmp(la, "table ", 6) == 0) {
            size_t k = strcspn(la + 6, " \n");
            snprintf(table, sizeof table, "%.*s", (int)(k < 60 ? k : 60), la + 6);
            row = 0;
        } else {
            row++;
        }
        if (ga && gb && strcmp(la, lb) == 0)
            continue;
        if (ga)
            la[strcspn(la, "\n")] = '\0';
        if (gb)
            lb[strcspn(lb, "\n")] = '\0';
        if (row == 0)
            samen_diag_add(d, "database", 0, 0,
                           "verification failed: table %s differs: source '%.120s', target "
                           "'%.120s'",
                           table, ga ? la : "(end)", gb ? lb : "(end)");
        else
            samen_diag_add(d, "database", 0, 0,
                           "verification failed: table %s differs at row %ld: source '%.120s', "
                           "target '%.120s'",
                           table, row, ga ? la : "(end)", gb ? lb : "(end)");
        s = SAMEN_ESTORE;
        break;
    }
    free(la);
    free(lb);
    return s;
}

static samen_status copy_fail(samen_diag *d, samen_store *st, samen_status s, const char *what,
                              const char *table)
{
    if (s == SAMEN_ENOMEM || s == SAMEN_EIO)
        samen_diag_add(d, "database", 0, 0, "%s%s%s: %s", what, table ? " " : "",
                       table ? table : "", samen_status_message(s));
    else
        samen_diag_add(d, "database", 0, 0, "%s%s%s: %s", what, table ? " " : "",
                       table ? table : "", st->be->errmsg(st->ctx));
    return s;
}

samen_status samen_store_copy(samen_store *src, samen_store *dst, samen_store_counts *copied,
                              samen_diag *d)
{
    if (src->in_tx || dst->in_tx)
        return SAMEN_EINTERNAL;
    FILE *da = NULL, *db = NULL;
    samen_status s = src->be->exec_tx(src->ctx, STORE_TX_SNAPSHOT);
    if (s != SAMEN_OK)
        return copy_fail(d, src, s, "cannot read the source database", NULL);
    src->in_tx = true;
    s = samen_store_begin(dst);
    if (s != SAMEN_OK) {
        copy_fail(d, dst, s, "cannot start a transaction on the target database", NULL);
        goto out;
    }
    /* Refuse a target that holds anything (inside the transaction). */
    for (int t = 0; t < STORE_NTABLES; t++) {
        long n = 0;
        s = dst->be->count_rows(dst->ctx, (store_table)t, &n);
        if (s != SAMEN_OK) {
            copy_fail(d, dst, s, "cannot count the rows of target table", store_tables[t].name);
            goto out;
        }
        if (n > 0) {
            samen_diag_add(d, "--to", 0, 0,
                           "the target database is not empty (table %s holds %ld row(s)); "
                           "samen migrate copies only into an empty database",
                           store_tables[t].name, n);
            s = SAMEN_EEXIST;
            goto out;
        }
    }
    for (int t = 0; t < STORE_NTABLES; t++) {
        copy_ctx cc = {dst, (store_table)t, 0, false};
        s = src->be->each_row(src->ctx, (store_table)t, copy_row, &cc);
        if (s != SAMEN_OK) {
            /* A failed put leaves its message on the target; a failed read
             * on the source. */
            char what[128];
            if (cc.put_failed)
                snprintf(what, sizeof what, "cannot write row %ld into target table", cc.rows);
            else
                snprintf(what, sizeof what, "cannot read source table");
            copy_fail(d, cc.put_failed ? dst : src, s, what, store_tables[t].name);
            goto out;
        }
    }
    if (dst->be->copy_done != NULL) {
        s = dst->be->copy_done(dst->ctx);
        if (s != SAMEN_OK) {
            copy_fail(d, dst, s, "cannot finish the copy", NULL);
            goto out;
        }
    }
    s = samen_store_commit(dst);
    if (s != SAMEN_OK) {
        copy_fail(d, dst, s, "cannot commit the copy", NULL);
        goto out;
    }
    /* Verify: the source (still in its snapshot) against the committed
     * target, table by table. */
    da = tmpfile();
    db = tmpfile();
    if (da == NULL || db == NULL) {
        samen_diag_add(d, "database", 0, 0, "cannot create a temporary file to verify the copy");
        s = SAMEN_EIO;
        goto out;
    }
    s = samen_store_dump(src, da);
    if (s != SAMEN_OK) {
        copy_fail(d, src, s, "cannot dump the source database to verify the copy", NULL);
        goto out;
    }
    s = samen_store_dump(dst, db);
    if (s != SAMEN_OK) {
        copy_fail(d, dst, s, "cannot dump the target database to verify the copy", NULL);
        goto out;
    }
    s = compare_dumps(da, db, d);
    if (s == SAMEN_OK && copied != NULL)
        s = samen_store_get_counts(dst, copied);
out:
    if (da != NULL)
        fclose(da);
    if (db != NULL)
        fclose(db);
    samen_store_rollback(dst);
    samen_store_rollback(src);
    return s;
}
