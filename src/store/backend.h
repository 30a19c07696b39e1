/* backend.h - the storage backend interface: a table of functions plus a
 * context, one table per database (PSPP's output drivers, ReadStat's
 * modules). store.c picks the backend by URL scheme; adding a backend is one
 * file and one row in store.c's table.
 *
 * Semantics every backend keeps (tests/test_store.c runs the same suite on
 * each):
 *  1. Writes happen between exec_tx(STORE_TX_BEGIN) and COMMIT/ROLLBACK;
 *     a commit that returned SAMEN_OK is durable.
 *  2. A failed sync_study or put_response leaves no trace and leaves the
 *     transaction usable, as a failed statement does in SQLite: the caller
 *     decides whether to roll back. (A failed put_row may spoil the
 *     transaction: a copy rolls back on the first failure.)
 *  3. UNIQUE (wave, school): a second response of a school in a wave fails
 *     with SAMEN_EEXIST, also when two sessions race; never a duplicate.
 *  4. Text sorts by bytes (SQLite's BINARY, PostgreSQL's "C" collation), so
 *     each_response and each_row give the same order on every backend.
 *  5. A context is used by one thread at a time.
 */
#ifndef SAMEN_STORE_BACKEND_H
#define SAMEN_STORE_BACKEND_H

#include "samen/store.h"

/* Transaction steps. STORE_TX_SNAPSHOT starts a read-only transaction that
 * sees one consistent state of the database until it ends. */
typedef enum store_tx {
    STORE_TX_BEGIN,
    STORE_TX_SNAPSHOT,
    STORE_TX_COMMIT,
    STORE_TX_ROLLBACK
} store_tx;

/* The tables, parents before children (the order of a copy). */
typedef enum store_table {
    STORE_T_WAVE,
    STORE_T_REGION,
    STORE_T_SCHOOL,
    STORE_T_RESPONSE,
    STORE_T_ANSWER,
    STORE_NTABLES
} store_table;

typedef enum store_kind { STORE_NULL, STORE_INT, STORE_REAL, STORE_TEXT } store_kind;

/* One value of a row: kind is the column's kind or STORE_NULL. */
typedef struct store_value {
    store_kind kind;
    long long i;
    double r;
    const char *t;
} store_value;

#define STORE_MAX_COLUMNS 8

/* A table as the backends share it: its name, its columns with their kinds,
 * and the primary key that orders its rows. */
typedef struct store_table_info {
    const char *name;
    size_t ncols;
    const char *cols[STORE_MAX_COLUMNS];
    store_kind kinds[STORE_MAX_COLUMNS];
    const char *order_by;
} store_table_info;

extern const store_table_info store_tables[STORE_NTABLES];

/* Receives one row (ncols values, valid during the call only). */
typedef samen_status (*store_row_fn)(void *ctx, const store_value *row);

typedef struct store_backend {
    const char *scheme;   /* "sqlite" */
    const char *alias;    /* another scheme for the same backend, or NULL */
    bool whole_url;       /* open() gets the whole URL, not what follows "scheme:" */
    samen_status (*open)(const char *location, void **ctx, samen_diag *d);
    void (*close)(void *ctx);
    samen_status (*exec_tx)(void *ctx, store_tx what);
    int (*schema_version)(void *ctx);
    samen_status (*sync_study)(void *ctx, const samen_study *s);
    samen_status (*has_response)(void *ctx, int wave, const char *brin, bool *exists);
    samen_status (*put_response)(void *ctx, int wave, const char *brin, const char *version,
                                 samen_response_status status, const char *timestamp,
                                 size_t n, const samen_answer *answers);
    samen_status (*each_response)(void *ctx, int wave, samen_response_fn fn, void *fnctx);
    samen_status (*count)(void *ctx, int wave, samen_response_status status, long *count);
    /* Table-level access for copies between stores (samen migrate): every
     * row of t in primary-key order; one row inserted as it is (ids kept);
     * the number of rows of t; after a copy, whatever makes new ids follow
     * the copied ones (may be NULL). */
    samen_status (*each_row)(void *ctx, store_table t, store_row_fn fn, void *fnctx);
    samen_status (*put_row)(void *ctx, store_table t, const store_value *row);
    samen_status (*count_rows)(void *ctx, store_table t, long *n);
    samen_status (*copy_done)(void *ctx);
    /* The last database error, for messages (never NULL; ctx keeps it). */
    const char *(*errmsg)(void *ctx);
} store_backend;

extern const store_backend store_sqlite_backend;
extern const store_backend store_postgres_backend;

/* Names of response statuses as stored. */
const char *store_status_name(samen_response_status s);
int store_status_lookup(const char *name);

/* Writes "SELECT cols FROM table ORDER BY pk" into out (cap bytes). */
void store_sql_select(store_table t, char *out, size_t cap);
/* Writes "INSERT INTO table (cols) VALUES (<mark>1, <mark>2, ...)" into out;
 * mark is '?' for SQLite, '$' for PostgreSQL. */
void store_sql_insert(store_table t, char mark, char *out, size_t cap);
/* Writes "SELECT count(*) FROM table" into out. */
void store_sql_count(store_table t, char *out, size_t cap);

#endif
