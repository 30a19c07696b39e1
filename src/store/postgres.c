/* postgres.c - the PostgreSQL storage backend (store/backend.h), for a
 * shared multi-user server. Exports store_postgres_backend.
 *
 * Design (docs/STORAGE.md has the long form):
 *  1. A context is one libpq connection, used by one thread at a time. The
 *     URL is handed to libpq as it is ("postgresql://..." or
 *     "postgres://..."); samen adds client_encoding=UTF8, a 10 s connect
 *     timeout and application_name "samen" unless the URL sets them.
 *  2. Connections are pooled behind open/close: close hands a healthy idle
 *     connection (no transaction open) to a small process-wide pool, and
 *     open with the same URL takes it back, prepared statements and all.
 *     At most SAMEN_PG_POOL (default 8, 0 turns pooling off) connections
 *     wait there, each for at most 60 s; one query (the schema version)
 *     checks a connection taken back. A server thread that opens a store
 *     per request thus reuses connections; one that keeps a store per
 *     worker thread never touches the pool.
 *  3. The schema lives in the connection's current schema (search_path),
 *     versioned in table samen_schema and migrated forward on open, in one
 *     transaction under an advisory lock so that two processes opening a
 *     new database do not both migrate it. Text columns use the "C"
 *     collation: rows sort by bytes, as in SQLite (backend.h rule 4).
 *  4. Only prepared statements (PQprepare, then PQexecPrepared), prepared
 *     lazily once per connection; parameters are sent as text, answers of a
 *     response as three arrays, so a response is one statement however many
 *     answers it has. BEGIN waits for the transaction's first statement;
 *     a response goes as one libpq pipeline (BEGIN, SAVEPOINT, the insert,
 *     RELEASE), so a submission costs two round trips with its COMMIT.
 *  5. Write transactions run at READ COMMITTED. UNIQUE (wave, school) is
 *     the arbiter of double submissions: the insert says ON CONFLICT
 *     (wave, school) DO NOTHING, so a second session inserting the same
 *     school waits for the first to finish and then finds the row: the
 *     result is SAMEN_EEXIST, never a duplicate and never a serialization
 *     failure to retry. Each write call runs inside a savepoint, so a failed
 *     call leaves the transaction usable, as in SQLite (backend.h rule 2).
 *     A COMMIT that PostgreSQL turned into a ROLLBACK is reported as a
 *     failure. Copies read the source in a REPEATABLE READ READ ONLY
 *     snapshot.
 *  6. A call on a connection that turns out to be dead, outside a
 *     transaction, reconnects once and tries again.
 */
#include <libpq-fe.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/backend.h"
#include "util/buf.h"
#include "util/text.h"

/* Largest parameter samen sends (an array of a response's answers). */
#define PG_MAX_PARAM ((size_t)64 << 20)
#define PG_POOL_DEFAULT 8
#define PG_POOL_MAX 64
#define PG_POOL_IDLE_SECONDS 60

/* ---- statements ---- */

enum {
    Q_VERSION,
    Q_BEGIN,
    Q_SNAPSHOT,
    Q_COMMIT,
    Q_ROLLBACK,
    Q_SAVEPOINT,
    Q_RELEASE,
    Q_ROLLBACK_TO,
    Q_WAVES,
    Q_REGIONS,
    Q_SCHOOLS,
    Q_HAS,
    Q_PUT,
    Q_EACH,
    Q_COUNT,
    Q_SETVAL,
    Q_ROWS,                          /* + table: every row */
    Q_INSERT = Q_ROWS + STORE_NTABLES, /* + table: one row */
    Q_NROWS = Q_INSERT + STORE_NTABLES, /* + table: count(*) */
    Q_COUNT_ALL = Q_NROWS + STORE_NTABLES
};

/* The fixed statements; the per-table ones come from store_sql_*(). */
static const char *const fixed_sql[Q_ROWS] = {
    [Q_VERSION] = "SELECT version FROM samen_schema",
    [Q_BEGIN] = "BEGIN ISOLATION LEVEL READ COMMITTED",
    [Q_SNAPSHOT] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    [Q_COMMIT] = "COMMIT",
    [Q_ROLLBACK] = "ROLLBACK",
    [Q_SAVEPOINT] = "SAVEPOINT samen_call",
    [Q_RELEASE] = "RELEASE SAVEPOINT samen_call",
    [Q_ROLLBACK_TO] = "ROLLBACK TO SAVEPOINT samen_call",
    [Q_WAVES] = "INSERT INTO study_wave (year, instrument_id, instrument_version) "
                "SELECT * FROM unnest($1::integer[], $2::text[], $3::text[]) "
                "ON CONFLICT (year) DO UPDATE SET instrument_id = excluded.instrument_id, "
                "instrument_version = excluded.instrument_version "
                "WHERE (study_wave.instrument_id, study_wave.instrument_version) "
                "IS DISTINCT FROM (excluded.instrument_id, excluded.instrument_version)",
    [Q_REGIONS] = "INSERT INTO region (code, name, sector, governance, situation, pair) "
                  "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], "
                  "$5::text[], $6::text[]) "
                  "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
                  "sector = excluded.sector, governance = excluded.governance, "
                  "situation = excluded.situation, pair = excluded.pair "
                  "WHERE (region.name, region.sector, region.governance, region.situation, "
                  "region.pair) IS DISTINCT FROM (excluded.name, excluded.sector, "
                  "excluded.governance, excluded.situation, excluded.pair)",
    [Q_SCHOOLS] = "INSERT INTO school (brin, name, sector, region, email) "
                  "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], "
                  "$5::text[]) "
                  "ON CONFLICT (brin) DO UPDATE SET name = excluded.name, "
                  "sector = excluded.sector, region = excluded.region, email = excluded.email "
                  "WHERE (school.name, school.sector, school.region, school.email) "
                  "IS DISTINCT FROM (excluded.name, excluded.sector, excluded.region, "
                  "excluded.email)",
    [Q_HAS] = "SELECT 1 FROM response WHERE wave = $1::integer AND school = $2",
    [Q_PUT] = "WITH r AS (INSERT INTO response (wave, school, instrument_version, status, "
              "created_at, updated_at) VALUES ($1::integer, $2, $3, $4, $5, $5) "
              "ON CONFLICT (wave, school) DO NOTHING RETURNING id), "
              "a AS (INSERT INTO answer (response, variable, num, txt) "
              "SELECT r.id, u.v, u.n, u.t FROM r, "
              "unnest($6::text[], $7::double precision[], $8::text[]) AS u (v, n, t)) "
              "SELECT id FROM r",
    [Q_EACH] = "SELECT r.id, r.school, r.instrument_version, r.status, a.variable, a.num, a.txt "
               "FROM response r LEFT JOIN answer a ON a.response = r.id "
               "WHERE r.wave = $1::integer ORDER BY r.school, a.variable",
    [Q_COUNT] = "SELECT count(*) FROM response WHERE wave = $1::integer AND status = $2",
    [Q_SETVAL] = "SELECT setval(pg_get_serial_sequence('response', 'id'), "
                 "coalesce(max(id), 0) + 1, false) FROM response",
};

/* Migrations: element i brings the schema from version i to i + 1. The
 * same tables as sqlite.c's, in PostgreSQL's words. */
static const char *const migrations[] = {
    "CREATE TABLE study_wave ("
    "  year integer PRIMARY KEY,"
    "  instrument_id text COLLATE \"C\" NOT NULL,"
    "  instrument_version text COLLATE \"C\" NOT NULL);"
    "CREATE TABLE region ("
    "  code text COLLATE \"C\" PRIMARY KEY,"
    "  name text COLLATE \"C\" NOT NULL,"
    "  sector text COLLATE \"C\" NOT NULL CHECK (sector IN ('po','vo')),"
    "  governance text COLLATE \"C\" NOT NULL,"
    "  situation text COLLATE \"C\" NOT NULL,"
    "  pair text COLLATE \"C\");"
    "CREATE TABLE school ("
    "  brin text COLLATE \"C\" PRIMARY KEY CHECK (length(brin) = 6),"
    "  name text COLLATE \"C\" NOT NULL,"
    "  sector text COLLATE \"C\" NOT NULL,"
    "  region text COLLATE \"C\" NOT NULL REFERENCES region(code),"
    "  email text COLLATE \"C\" NOT NULL DEFAULT '');"
    "CREATE TABLE response ("
    "  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    "  wave integer NOT NULL REFERENCES study_wave(year),"
    "  school text COLLATE \"C\" NOT NULL REFERENCES school(brin),"
    "  instrument_version text COLLATE \"C\" NOT NULL,"
    "  status text COLLATE \"C\" NOT NULL CHECK (status IN ('complete','partial','refused')),"
    "  created_at text COLLATE \"C\" NOT NULL,"
    "  updated_at text COLLATE \"C\" NOT NULL,"
    "  UNIQUE (wave, school));"
    "CREATE TABLE answer ("
    "  response bigint NOT NULL REFERENCES response(id) ON DELETE CASCADE,"
    "  variable text COLLATE \"C\" NOT NULL,"
    "  num double precision,"
    "  txt text COLLATE \"C\","
    "  PRIMARY KEY (response, variable));",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

/* pg_advisory_xact_lock key of schema migrations: "samen" as a number. */
#define MIGRATION_LOCK "495555798382"

typedef struct pg_ctx {
    PGconn *conn;
    char *key;          /* the URL, the pool's key */
    uint64_t prepared;  /* bit q: statement q is prepared on conn */
    bool begin_pending; /* BEGIN is due with the next statement */
    char err[512];      /* the last error */
} pg_ctx;

/* ---- errors ---- */

/* Keeps msg (one line, without libpq's trailing newline) as c's error. */
static void set_error(pg_ctx *c, const char *msg)
{
    text_copy(c->err, sizeof c->err, msg ? msg : "unknown error");
    for (char *p = c->err; *p != '\0'; p++)
        if (*p == '\n')
            *p = p[1] != '\0' ? ' ' : '\0';
}

/* The status for a failed result (NULL: the connection failed). */
static samen_status fail_result(pg_ctx *c, PGresult *r)
{
    if (r == NULL) {
        set_error(c, PQerrorMessage(c->conn));
        return SAMEN_ESTORE;
    }
    set_error(c, PQresultErrorMessage(r)[0] ? PQresultErrorMessage(r) : PQerrorMessage(c->conn));
    const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    if (state != NULL && strcmp(state, "23505") == 0) /* unique_violation */
        return SAMEN_EEXIST;
    return SAMEN_ESTORE;
}

/* ---- running statements ---- */

static void statement_sql(int q, char *out, size_t cap)
{
    if (q < Q_ROWS)
        text_copy(out, cap, fixed_sql[q]);
    else if (q < Q_INSERT)
        store_sql_select((store_table)(q - Q_ROWS), out, cap);
    else if (q < Q_NROWS)
        store_sql_insert((store_table)(q - Q_INSERT), '$', out, cap);
    else
        store_sql_count((store_table)(q - Q_NROWS), out, cap);
}

static samen_status prepare(pg_ctx *c, int q)
{
    if (c->prepared & ((uint64_t)1 << q))
        return SAMEN_OK;
    char name[32], sql[2048];
    snprintf(name, sizeof name, "samen_%d", q);
    statement_sql(q, sql, sizeof sql);
    PGresult *r = PQprepare(c->conn, name, sql, 0, NULL);
    samen_status st = SAMEN_OK;
    if (r == NULL || PQresultStatus(r) != PGRES_COMMAND_OK)
        st = fail_result(c, r);
    else
        c->prepared |= (uint64_t)1 << q;
    PQclear(r);
    return st;
}

/* Runs prepared statement q with n text parameters (NULL: SQL NULL). On
 * success *out is its result (free with PQclear()). A dead connection
 * outside a transaction is reset and the statement tried once more. */
static samen_status exec_now(pg_ctx *c, int q, int n, const char *const *params, PGresult **out)
{
    for (int attempt = 0;; attempt++) {
        bool idle = PQtransactionStatus(c->conn) == PQTRANS_IDLE;
        samen_status st = prepare(c, q);
        PGresult *r = NULL;
        if (st == SAMEN_OK) {
            char name[32];
            snprintf(name, sizeof name, "samen_%d", q);
            r = PQexecPrepared(c->conn, name, n, params, NULL, NULL, 0);
            ExecStatusType rs = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
            if (rs == PGRES_COMMAND_OK || rs == PGRES_TUPLES_OK) {
                *out = r;
                return SAMEN_OK;
            }
            st = fail_result(c, r);
            PQclear(r);
        }
        if (attempt > 0 || !idle || PQstatus(c->conn) != CONNECTION_BAD)
            return st;
        PQreset(c->conn);
        c->prepared = 0;
        if (PQstatus(c->conn) != CONNECTION_OK) {
            set_error(c, PQerrorMessage(c->conn));
            return SAMEN_ESTORE;
        }
    }
}

/* A BEGIN waits for the transaction's first statement (and goes in the
 * same round trip as a response: put_response), as PostgreSQL does nothing
 * at BEGIN that a client could notice. */
static samen_status flush_begin(pg_ctx *c)
{
    if (!c->begin_pending)
        return SAMEN_OK;
    c->begin_pending = false;
    PGresult *r = NULL;
    samen_status st = exec_now(c, Q_BEGIN, 0, NULL, &r);
    PQclear(r);
    return st;
}

/* exec_now(), after a pending BEGIN. */
static samen_status run(pg_ctx *c, int q, int n, const char *const *params, PGresult **out)
{
    samen_status st = flush_begin(c);
    return st == SAMEN_OK ? exec_now(c, q, n, params, out) : st;
}

/* Runs q for its effect only. */
static samen_status run_done(pg_ctx *c, int q, int n, const char *const *params)
{
    PGresult *r = NULL;
    samen_status st = run(c, q, n, params, &r);
    PQclear(r);
    return st;
}

/* Write calls run inside a savepoint (rule 5 of the file comment). */
static samen_status savepoint_end(pg_ctx *c, samen_status st)
{
    if (st != SAMEN_OK) {
        char keep[sizeof c->err];
        memcpy(keep, c->err, sizeof keep);
        if (run_done(c, Q_ROLLBACK_TO, 0, NULL) != SAMEN_OK)
            return SAMEN_ESTORE;
        memcpy(c->err, keep, sizeof keep);
    }
    samen_status rs = run_done(c, Q_RELEASE, 0, NULL);
    return st != SAMEN_OK ? st : rs;
}

/* ---- array parameters ({"a","b",NULL}) ---- */

static samen_status arr_text(buf *b, size_t i, const char *s)
{
    samen_status st = buf_append_char(b, i == 0 ? '{' : ',');
    if (st != SAMEN_OK)
        return st;
    if (s == NULL)
        return buf_append_str(b, "NULL");
    st = buf_append_char(b, '"');
    for (const char *p = s; st == SAMEN_OK && *p != '\0'; p++) {
        if (*p == '"' || *p == '\\')
            st = buf_append_char(b, '\\');
        if (st == SAMEN_OK)
            st = buf_append_char(b, *p);
    }
    return st == SAMEN_OK ? buf_append_char(b, '"') : st;
}

static samen_status arr_num(buf *b, size_t i, double v)
{
    samen_status st = buf_append_char(b, i == 0 ? '{' : ',');
    if (st != SAMEN_OK)
        return st;
    return isnan(v) ? buf_append_str(b, "NULL") : buf_printf(b, "%.17g", v);
}

/* Ends an array of n elements ("{}" when empty). */
static samen_status arr_end(buf *b, size_t n)
{
    return n == 0 ? buf_append_str(b, "{}") : buf_append_char(b, '}');
}

/* ---- the connection pool ---- */

static struct {
    pthread_mutex_t lock;
    pg_ctx *idle[PG_POOL_MAX];
    struct timespec since[PG_POOL_MAX];
    size_t n;
    size_t cap;
} pool = {PTHREAD_MUTEX_INITIALIZER, {NULL}, {{0, 0}}, 0, 0};
static pthread_once_t pool_once = PTHREAD_ONCE_INIT;

static void ctx_free(pg_ctx *c)
{
    if (c == NULL)
        return;
    PQfinish(c->conn);
    free(c->key);
    free(c);
}

static void pool_drain(void)
{
    pthread_mutex_lock(&pool.lock);
    for (size_t i = 0; i < pool.n; i++)
        ctx_free(pool.idle[i]);
    pool.n = 0;
    pool.cap = 0;
    pthread_mutex_unlock(&pool.lock);
}

static void pool_init(void)
{
    long cap = PG_POOL_DEFAULT;
    const char *env = getenv("SAMEN_PG_POOL");
    if (env != NULL && !text_parse_long(env, &cap))
        cap = PG_POOL_DEFAULT;
    pool.cap = cap < 0 ? 0 : cap > PG_POOL_MAX ? PG_POOL_MAX : (size_t)cap;
    atexit(pool_drain);
}

static double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* Takes an idle connection to url out of the pool, or returns NULL. */
static pg_ctx *pool_take(const char *url)
{
    pthread_once(&pool_once, pool_init);
    pg_ctx *found = NULL, *stale[PG_POOL_MAX];
    size_t nstale = 0;
    pthread_mutex_lock(&pool.lock);
    for (size_t i = pool.n; i-- > 0;) {
        pg_ctx *c = pool.idle[i];
        bool old = seconds_since(&pool.since[i]) > PG_POOL_IDLE_SECONDS;
        bool mine = found == NULL && !old && strcmp(c->key, url) == 0;
        if (!old && !mine)
            continue;
        if (mine)
            found = c;
        else
            stale[nstale++] = c;
        pool.n--;
        memmove(&pool.idle[i], &pool.idle[i + 1], (pool.n - i) * sizeof pool.idle[0]);
        memmove(&pool.since[i], &pool.since[i + 1], (pool.n - i) * sizeof pool.since[0]);
    }
    pthread_mutex_unlock(&pool.lock);
    for (size_t i = 0; i < nstale; i++)
        ctx_free(stale[i]);
    return found;
}

/* Gives c to the pool; false when it does not fit (the caller frees it). */
static bool pool_put(pg_ctx *c)
{
    pthread_once(&pool_once, pool_init);
    if (PQstatus(c->conn) != CONNECTION_OK || PQtransactionStatus(c->conn) != PQTRANS_IDLE)
        return false;
    bool kept = false;
    pthread_mutex_lock(&pool.lock);
    if (pool.n < pool.cap) {
        pool.idle[pool.n] = c;
        clock_gettime(CLOCK_MONOTONIC, &pool.since[pool.n]);
        pool.n++;
        kept = true;
    }
    pthread_mutex_unlock(&pool.lock);
    return kept;
}

/* ---- opening, migrating, closing ---- */

static int read_version(pg_ctx *c)
{
    PGresult *r = NULL;
    if (run(c, Q_VERSION, 0, NULL, &r) != SAMEN_OK)
        return -1;
    long v = -1;
    if (PQntuples(r) == 1 && !text_parse_long(PQgetvalue(r, 0, 0), &v))
        v = -1;
    PQclear(r);
    return (int)v;
}

/* Runs constant SQL (schema changes only; no parameters). */
static bool exec_ddl(pg_ctx *c, const char *sql)
{
    PGresult *r = PQexec(c->conn, sql);
    bool ok = r != NULL && (PQresultStatus(r) == PGRES_COMMAND_OK ||
                            PQresultStatus(r) == PGRES_TUPLES_OK);
    if (!ok)
        fail_result(c, r);
    PQclear(r);
    return ok;
}

static samen_status migrate(pg_ctx *c, samen_diag *d)
{
    /* The common case, an up-to-date schema, costs one query and no lock. */
    int v = read_version(c);
    if (v == SCHEMA_VERSION)
        return SAMEN_OK;
    if (!exec_ddl(c, "BEGIN") ||
        !exec_ddl(c, "SELECT pg_advisory_xact_lock(" MIGRATION_LOCK ")") ||
        !exec_ddl(c, "CREATE TABLE IF NOT EXISTS samen_schema ("
                     "  one boolean PRIMARY KEY DEFAULT true CHECK (one),"
                     "  version integer NOT NULL);"
                     "INSERT INTO samen_schema (version) VALUES (0) ON CONFLICT DO NOTHING"))
        goto failed;
    v = read_version(c);
    if (v < 0)
        goto failed;
    if (v > SCHEMA_VERSION) {
        exec_ddl(c, "ROLLBACK");
        samen_diag_add(d, "database", 0, 0,
                       "the database has schema version %d; this samen knows up to %d", v,
                       SCHEMA_VERSION);
        return SAMEN_EUNSUPPORTED;
    }
    for (int i = v; i < SCHEMA_VERSION; i++) {
        char set[96];
        snprintf(set, sizeof set, "UPDATE samen_schema SET version = %d", i + 1);
        if (!exec_ddl(c, migrations[i]) || !exec_ddl(c, set))
            goto failed;
    }
    if (!exec_ddl(c, "COMMIT"))
        goto failed;
    return SAMEN_OK;
failed:
    samen_diag_add(d, "database", 0, 0, "cannot create or migrate the samen tables: %s", c->err);
    exec_ddl(c, "ROLLBACK");
    return SAMEN_ESTORE;
}

static samen_status pg_open(const char *url, void **out, samen_diag *d)
{
    /* A pooled connection is checked with one query, which also notices a
     * connection the server closed and a schema another samen changed. */
    pg_ctx *c = pool_take(url);
    if (c != NULL) {
        c->begin_pending = false;
        if (PQstatus(c->conn) == CONNECTION_OK &&
            PQtransactionStatus(c->conn) == PQTRANS_IDLE && read_version(c) == SCHEMA_VERSION) {
            *out = c;
            return SAMEN_OK;
        }
        ctx_free(c);
    }
    c = calloc(1, sizeof *c);
    if (c == NULL)
        return SAMEN_ENOMEM;
    c->key = text_dup(url);
    if (c->key == NULL) {
        free(c);
        return SAMEN_ENOMEM;
    }
    /* Later keywords win: the URL may change the first two, not the last. */
    const char *const keys[] = {"fallback_application_name", "connect_timeout", "dbname",
                                "client_encoding", NULL};
    const char *const values[] = {"samen", "10", url, "UTF8", NULL};
    c->conn = PQconnectdbParams(keys, values, 1);
    samen_status st = SAMEN_OK;
    if (c->conn == NULL) {
        st = SAMEN_ENOMEM;
        goto out;
    }
    if (PQstatus(c->conn) != CONNECTION_OK) {
        set_error(c, PQerrorMessage(c->conn));
        /* The message names host and port; the URL may hold a password. */
        samen_diag_add(d, "--db", 0, 0, "cannot connect to PostgreSQL database '%s': %s",
                       PQdb(c->conn) ? PQdb(c->conn) : "?", c->err);
        st = SAMEN_ESTORE;
        goto out;
    }
    if (PQserverVersion(c->conn) < 100000) {
        samen_diag_add(d, "--db", 0, 0, "PostgreSQL %d is too old; samen needs version 10 or later",
                       PQserverVersion(c->conn) / 10000);
        st = SAMEN_EUNSUPPORTED;
        goto out;
    }
    const char *enc = PQparameterStatus(c->conn, "server_encoding");
    if (enc == NULL || strcmp(enc, "UTF8") != 0) {
        samen_diag_add(d, "--db", 0, 0,
                       "the database '%s' has encoding %s; samen needs UTF8 (createdb -E UTF8)",
                       PQdb(c->conn), enc ? enc : "?");
        st = SAMEN_EUNSUPPORTED;
        goto out;
    }
    st = migrate(c, d);
out:
    if (st != SAMEN_OK) {
        ctx_free(c);
        return st;
    }
    *out = c;
    return SAMEN_OK;
}

static void pg_close(void *ctx)
{
    pg_ctx *c = ctx;
    if (c == NULL)
        return;
    if (!pool_put(c))
        ctx_free(c);
}

static samen_status pg_exec_tx(void *ctx, store_tx what)
{
    static const int q[] = {
        [STORE_TX_BEGIN] = Q_BEGIN,
        [STORE_TX_SNAPSHOT] = Q_SNAPSHOT,
        [STORE_TX_COMMIT] = Q_COMMIT,
        [STORE_TX_ROLLBACK] = Q_ROLLBACK,
    };
    pg_ctx *c = ctx;
    if (what == STORE_TX_BEGIN) {
        c->begin_pending = true;
        return SAMEN_OK;
    }
    if (c->begin_pending && (what == STORE_TX_COMMIT || what == STORE_TX_ROLLBACK)) {
        c->begin_pending = false; /* nothing happened */
        return SAMEN_OK;
    }
    PGresult *r = NULL;
    samen_status st = run(c, q[what], 0, NULL, &r);
    /* A COMMIT of a failed transaction succeeds as a ROLLBACK. */
    if (st == SAMEN_OK && what == STORE_TX_COMMIT && strcmp(PQcmdStatus(r), "COMMIT") != 0) {
        set_error(c, "the transaction was rolled back because a statement in it failed");
        st = SAMEN_ESTORE;
    }
    PQclear(r);
    return st;
}

static int pg_schema_version(void *ctx)
{
    return read_version(ctx);
}

/* ---- the study and its responses ---- */

static samen_status sync_study(pg_ctx *c, const samen_study *s)
{
    buf b[6];
    for (size_t k = 0; k < 6; k++)
        buf_init(&b[k], PG_MAX_PARAM);
    samen_status st = SAMEN_OK;
    const char *p[6];
    size_t n = samen_study_nwaves(s);
    for (size_t i = 0; st == SAMEN_OK && i < n; i++) {
        const samen_wave_info *wi = samen_study_wave(s, i);
        char year[16];
        snprintf(year, sizeof year, "%d", wi->year);
        st = arr_text(&b[0], i, year);
        if (st == SAMEN_OK)
            st = arr_text(&b[1], i, samen_instrument_id(wi->instrument));
        if (st == SAMEN_OK)
            st = arr_text(&b[2], i, samen_instrument_version(wi->instrument));
    }
    for (size_t k = 0; st == SAMEN_OK && k < 3; k++)
        st = arr_end(&b[k], n);
    for (size_t k = 0; k < 3; k++)
        p[k] = buf_str(&b[k]);
    if (st == SAMEN_OK)
        st = run_done(c, Q_WAVES, 3, p);

    for (size_t k = 0; k < 6; k++)
        buf_reset(&b[k]);
    n = samen_study_nregions(s);
    for (size_t i = 0; st == SAMEN_OK && i < n; i++) {
        const samen_region_info *ri = samen_study_region(s, i);
        const char *v[6] = {ri->code,
                            ri->name,
                            samen_vocab_code(SAMEN_ATTR_SECTOR, ri->sector),
                            samen_vocab_code(SAMEN_ATTR_GOVERNANCE, ri->governance),
                            samen_vocab_code(SAMEN_ATTR_SITUATION, ri->situation),
                            ri->pair};
        for (size_t k = 0; st == SAMEN_OK && k < 6; k++)
            st = arr_text(&b[k], i, v[k]);
    }
    for (size_t k = 0; st == SAMEN_OK && k < 6; k++)
        st = arr_end(&b[k], n);
    for (size_t k = 0; k < 6; k++)
        p[k] = buf_str(&b[k]);
    if (st == SAMEN_OK)
        st = run_done(c, Q_REGIONS, 6, p);

    for (size_t k = 0; k < 6; k++)
        buf_reset(&b[k]);
    n = samen_study_nschools(s);
    for (size_t i = 0; st == SAMEN_OK && i < n; i++) {
        const samen_school_info *si = samen_study_school(s, i);
        const char *v[5] = {si->brin, si->name, samen_vocab_code(SAMEN_ATTR_SECTOR, si->sector),
                            samen_study_region(s, si->region)->code, si->email};
        for (size_t k = 0; st == SAMEN_OK && k < 5; k++)
            st = arr_text(&b[k], i, v[k]);
    }
    for (size_t k = 0; st == SAMEN_OK && k < 5; k++)
        st = arr_end(&b[k], n);
    for (size_t k = 0; k < 5; k++)
        p[k] = buf_str(&b[k]);
    if (st == SAMEN_OK)
        st = run_done(c, Q_SCHOOLS, 5, p);
    else if (st == SAMEN_ETOOBIG)
        set_error(c, "the study is too large for one statement");
    for (size_t k = 0; k < 6; k++)
        buf_free(&b[k]);
    return st;
}

static samen_status pg_sync_study(void *ctx, const samen_study *s)
{
    pg_ctx *c = ctx;
    samen_status st = run_done(c, Q_SAVEPOINT, 0, NULL);
    return st == SAMEN_OK ? savepoint_end(c, sync_study(c, s)) : st;
}

static samen_status pg_has_response(void *ctx, int wave, const char *brin, bool *exists)
{
    pg_ctx *c = ctx;
    char w[16];
    snprintf(w, sizeof w, "%d", wave);
    const char *p[] = {w, brin};
    PGresult *r = NULL;
    samen_status st = run(c, Q_HAS, 2, p, &r);
    if (st == SAMEN_OK)
        *exists = PQntuples(r) > 0;
    PQclear(r);
    return st;
}

/* Stores a response in one round trip: [BEGIN,] SAVEPOINT, the insert of
 * the response with its answers (p: Q_PUT's 8 parameters) and RELEASE go
 * as one libpq pipeline. When the insert fails, what it did is rolled back
 * to the savepoint. */
static samen_status put_pipeline(pg_ctx *c, const char *const *p)
{
    int qs[4], nq = 0;
    if (c->begin_pending)
        qs[nq++] = Q_BEGIN;
    qs[nq++] = Q_SAVEPOINT;
    qs[nq++] = Q_PUT;
    qs[nq++] = Q_RELEASE;
    for (int i = 0; i < nq; i++) {
        samen_status st = prepare(c, qs[i]);
        if (st != SAMEN_OK)
            return st;
    }
    if (!PQenterPipelineMode(c->conn)) {
        set_error(c, PQerrorMessage(c->conn));
        return SAMEN_ESTORE;
    }
    c->begin_pending = false;
    samen_status st = SAMEN_OK;
    int sent = 0;
    for (; sent < nq; sent++) {
        char name[32];
        snprintf(name, sizeof name, "samen_%d", qs[sent]);
        if (!PQsendQueryPrepared(c->conn, name, qs[sent] == Q_PUT ? 8 : 0,
                                 qs[sent] == Q_PUT ? p : NULL, NULL, NULL, 0))
            break;
    }
    if (sent < nq || !PQpipelineSync(c->conn)) {
        /* Nothing sensible can follow on this connection. */
        set_error(c, PQerrorMessage(c->conn));
        PQexitPipelineMode(c->conn);
        return SAMEN_ESTORE;
    }
    bool saved = false;
    int rows = -1;
    for (int i = 0; i < nq; i++) {
        PGresult *r = PQgetResult(c->conn);
        if (r == NULL) {
            set_error(c, PQerrorMessage(c->conn));
            st = SAMEN_ESTORE;
            break;
        }
        ExecStatusType rs = PQresultStatus(r);
        if (rs == PGRES_FATAL_ERROR && st == SAMEN_OK)
            st = fail_result(c, r);
        else if (rs == PGRES_PIPELINE_ABORTED && st == SAMEN_OK)
            st = SAMEN_ESTORE;
        if (qs[i] == Q_SAVEPOINT)
            saved = rs == PGRES_COMMAND_OK;
        if (qs[i] == Q_PUT && rs == PGRES_TUPLES_OK)
            rows = PQntuples(r);
        PQclear(r);
        r = PQgetResult(c->conn); /* the NULL that ends each statement's results */
        PQclear(r);
    }
    for (;;) { /* up to the sync */
        PGresult *r = PQgetResult(c->conn);
        if (r == NULL)
            break;
        ExecStatusType rs = PQresultStatus(r);
        PQclear(r);
        if (rs == PGRES_PIPELINE_SYNC)
            break;
    }
    PQexitPipelineMode(c->conn);
    if (st != SAMEN_OK)
        return saved ? savepoint_end(c, st) : st;
    if (rows == 0) {
        set_error(c, "the school already has a response in this wave");
        return SAMEN_EEXIST;
    }
    return SAMEN_OK;
}

static samen_status put_response(pg_ctx *c, int wave, const char *brin, const char *version,
                                 samen_response_status status, const char *stamp, size_t n,
                                 const samen_answer *answers)
{
    buf vars, nums, texts;
    buf_init(&vars, PG_MAX_PARAM);
    buf_init(&nums, PG_MAX_PARAM);
    buf_init(&texts, PG_MAX_PARAM);
    samen_status st = SAMEN_OK;
    for (size_t i = 0; st == SAMEN_OK && i < n; i++) {
        st = arr_text(&vars, i, answers[i].var);
        if (st == SAMEN_OK)
            st = arr_num(&nums, i, answers[i].num);
        if (st == SAMEN_OK)
            st = arr_text(&texts, i, answers[i].text);
    }
    if (st == SAMEN_OK)
        st = arr_end(&vars, n);
    if (st == SAMEN_OK)
        st = arr_end(&nums, n);
    if (st == SAMEN_OK)
        st = arr_end(&texts, n);
    if (st == SAMEN_OK) {
        char w[16];
        snprintf(w, sizeof w, "%d", wave);
        const char *p[] = {w,     brin, version, store_status_name(status), stamp,
                           buf_str(&vars), buf_str(&nums), buf_str(&texts)};
        st = put_pipeline(c, p);
    } else if (st == SAMEN_ETOOBIG) {
        set_error(c, "the response is too large for one statement");
    }
    buf_free(&vars);
    buf_free(&nums);
    buf_free(&texts);
    return st;
}

static samen_status pg_put_response(void *ctx, int wave, const char *brin, const char *version,
                                    samen_response_status status, const char *stamp, size_t n,
                                    const samen_answer *answers)
{
    return put_response(ctx, wave, brin, version, status, stamp, n, answers);
}

/* The answers of one response, copied out of libpq's results. */
typedef struct collected {
    samen_answer *items;
    size_t n, cap;
} collected;

static void collected_clear(collected *col)
{
    for (size_t i = 0; i < col->n; i++) {
        free((char *)col->items[i].var);
        free((char *)col->items[i].text);
    }
    col->n = 0;
}

/* Adds the answer in row 0 of r (columns 4..6) to col. */
static samen_status collect_answer(collected *col, const PGresult *r)
{
    if (col->n == col->cap) {
        size_t nc = col->cap ? col->cap * 2 : 64;
        samen_answer *p = realloc(col->items, nc * sizeof *p);
        if (p == NULL)
            return SAMEN_ENOMEM;
        col->items = p;
        col->cap = nc;
    }
    samen_answer *an = &col->items[col->n];
    an->var = text_dup(PQgetvalue(r, 0, 4));
    an->num = NAN;
    if (!PQgetisnull(r, 0, 5) && !text_parse_double(PQgetvalue(r, 0, 5), &an->num))
        an->num = NAN;
    an->text = PQgetisnull(r, 0, 6) ? NULL : text_dup(PQgetvalue(r, 0, 6));
    col->n++;
    return an->var == NULL || (an->text == NULL && !PQgetisnull(r, 0, 6)) ? SAMEN_ENOMEM
                                                                           : SAMEN_OK;
}

/* Reads what is left of a result set sent with PQsendQueryPrepared. */
static void drain(pg_ctx *c)
{
    PGresult *r;
    for (;;) {
        r = PQgetResult(c->conn);
        if (r == NULL)
            break;
        PQclear(r);
    }
}

/* Sends q in single-row mode (memory stays bounded however many rows). */
static samen_status send_rows(pg_ctx *c, int q, int n, const char *const *params)
{
    samen_status st = flush_begin(c);
    if (st == SAMEN_OK)
        st = prepare(c, q);
    if (st != SAMEN_OK)
        return st;
    char name[32];
    snprintf(name, sizeof name, "samen_%d", q);
    if (!PQsendQueryPrepared(c->conn, name, n, params, NULL, NULL, 0)) {
        set_error(c, PQerrorMessage(c->conn));
        return SAMEN_ESTORE;
    }
    if (!PQsetSingleRowMode(c->conn)) {
        set_error(c, "cannot read rows one at a time");
        drain(c);
        return SAMEN_ESTORE;
    }
    return SAMEN_OK;
}

/* The next row of a send_rows() query: *row is it (PQclear it), or NULL
 * at the end. */
static samen_status next_row(pg_ctx *c, PGresult **row)
{
    *row = NULL;
    PGresult *r = PQgetResult(c->conn);
    if (r == NULL)
        return SAMEN_OK;
    ExecStatusType rs = PQresultStatus(r);
    if (rs == PGRES_SINGLE_TUPLE) {
        *row = r;
        return SAMEN_OK;
    }
    samen_status st = rs == PGRES_TUPLES_OK ? SAMEN_OK : fail_result(c, r);
    PQclear(r);
    drain(c);
    return st;
}

static samen_status pg_each_response(void *ctx, int wave, samen_response_fn fn, void *fnctx)
{
    pg_ctx *c = ctx;
    char w[16];
    snprintf(w, sizeof w, "%d", wave);
    const char *p[] = {w};
    samen_status st = send_rows(c, Q_EACH, 1, p);
    if (st != SAMEN_OK)
        return st;
    collected col = {NULL, 0, 0};
    long cur = -1;
    char brin[16] = "", version[64] = "";
    int status = 0;
    for (;;) {
        PGresult *r = NULL;
        st = next_row(c, &r);
        if (st != SAMEN_OK)
            break;
        long id = -2;
        if (r != NULL && !text_parse_long(PQgetvalue(r, 0, 0), &id))
            id = -2;
        if (id != cur && cur != -1) {
            samen_response_view v = {cur, wave, brin, version, (samen_response_status)status,
                                     col.n, col.items};
            st = fn(fnctx, &v);
            collected_clear(&col);
        }
        if (r == NULL)
            break;
        if (st == SAMEN_OK && id != cur) {
            cur = id;
            text_copy(brin, sizeof brin, PQgetvalue(r, 0, 1));
            text_copy(version, sizeof version, PQgetvalue(r, 0, 2));
            status = store_status_lookup(PQgetvalue(r, 0, 3));
            if (status < 0)
                status = SAMEN_RESPONSE_COMPLETE;
        }
        if (st == SAMEN_OK && !PQgetisnull(r, 0, 4))
            st = collect_answer(&col, r);
        PQclear(r);
        if (st != SAMEN_OK) {
            drain(c);
            break;
        }
    }
    collected_clear(&col);
    free(col.items);
    return st;
}

static samen_status pg_count(void *ctx, int wave, samen_response_status status, long *count)
{
    pg_ctx *c = ctx;
    char w[16];
    snprintf(w, sizeof w, "%d", wave);
    const char *p[] = {w, store_status_name(status)};
    PGresult *r = NULL;
    samen_status st = run(c, Q_COUNT, 2, p, &r);
    if (st == SAMEN_OK && (PQntuples(r) != 1 || !text_parse_long(PQgetvalue(r, 0, 0), count)))
        st = SAMEN_ESTORE;
    PQclear(r);
    return st;
}

/* ---- table-level access (samen migrate) ---- */

static samen_status pg_each_row(void *ctx, store_table t, store_row_fn fn, void *fnctx)
{
    pg_ctx *c = ctx;
    const store_table_info *ti = &store_tables[t];
    samen_status st = send_rows(c, Q_ROWS + (int)t, 0, NULL);
    for (;;) {
        PGresult *r = NULL;
        if (st == SAMEN_OK)
            st = next_row(c, &r);
        if (st != SAMEN_OK || r == NULL)
            break;
        store_value row[STORE_MAX_COLUMNS];
        for (size_t i = 0; i < ti->ncols; i++) {
            int col = (int)i;
            const char *v = PQgetvalue(r, 0, col);
            row[i] = (store_value){STORE_NULL, 0, 0, NULL};
            if (PQgetisnull(r, 0, col))
                continue;
            row[i].kind = ti->kinds[i];
            bool ok = true;
            switch (ti->kinds[i]) {
            case STORE_INT: {
                long x = 0;
                ok = text_parse_long(v, &x);
                row[i].i = x;
                break;
            }
            case STORE_REAL: ok = text_parse_double(v, &row[i].r); break;
            case STORE_TEXT: row[i].t = v; break;
            case STORE_NULL: break;
            }
            if (!ok) {
                set_error(c, "a number the database returned cannot be read");
                st = SAMEN_ESTORE;
            }
        }
        if (st == SAMEN_OK)
            st = fn(fnctx, row);
        PQclear(r);
        if (st != SAMEN_OK) {
            drain(c);
            break;
        }
    }
    return st;
}

static samen_status pg_put_row(void *ctx, store_table t, const store_value *row)
{
    pg_ctx *c = ctx;
    const store_table_info *ti = &store_tables[t];
    char nums[STORE_MAX_COLUMNS][32];
    const char *p[STORE_MAX_COLUMNS];
    for (size_t i = 0; i < ti->ncols; i++) {
        p[i] = NULL;
        switch (row[i].kind) {
        case STORE_NULL: break;
        case STORE_INT:
            snprintf(nums[i], sizeof nums[i], "%lld", row[i].i);
            p[i] = nums[i];
            break;
        case STORE_REAL:
            snprintf(nums[i], sizeof nums[i], "%.17g", row[i].r);
            p[i] = nums[i];
            break;
        case STORE_TEXT: p[i] = row[i].t; break;
        }
    }
    return run_done(c, Q_INSERT + (int)t, (int)ti->ncols, p);
}

static samen_status pg_count_rows(void *ctx, store_table t, long *n)
{
    pg_ctx *c = ctx;
    PGresult *r = NULL;
    samen_status st = run(c, Q_NROWS + (int)t, 0, NULL, &r);
    if (st == SAMEN_OK && (PQntuples(r) != 1 || !text_parse_long(PQgetvalue(r, 0, 0), n)))
        st = SAMEN_ESTORE;
    PQclear(r);
    return st;
}

static samen_status pg_copy_done(void *ctx)
{
    return run_done(ctx, Q_SETVAL, 0, NULL);
}

static const char *pg_errmsg(void *ctx)
{
    return ((pg_ctx *)ctx)->err;
}

const store_backend store_postgres_backend = {
    .scheme = "postgresql",
    .alias = "postgres",
    .whole_url = true,
    .open = pg_open,
    .close = pg_close,
    .exec_tx = pg_exec_tx,
    .schema_version = pg_schema_version,
    .sync_study = pg_sync_study,
    .has_response = pg_has_response,
    .put_response = pg_put_response,
    .each_response = pg_each_response,
    .count = pg_count,
    .each_row = pg_each_row,
    .put_row = pg_put_row,
    .count_rows = pg_count_rows,
    .copy_done = pg_copy_done,
    .errmsg = pg_errmsg,
};
