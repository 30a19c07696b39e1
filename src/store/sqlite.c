/* sqlite.c - the SQLite storage backend (store/backend.h).
 *
 * The embedded default: one file per study, WAL journal, synchronous=FULL
 * so a commit that returned is on disk, foreign keys on, and prepared
 * statements only. The schema is versioned with PRAGMA user_version and
 * migrated forward in one transaction on open. A write transaction is
 * BEGIN IMMEDIATE (one writer at a time, waiting up to 10 s for the lock);
 * each write call runs inside a savepoint, so a failed call leaves nothing
 * behind and the transaction goes on (backend.h rule 2).
 */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/backend.h"
#include "util/text.h"

typedef struct sqlite_ctx {
    sqlite3 *db;
} sqlite_ctx;

/* Migrations: element i brings the schema from version i to i + 1. */
static const char *const migrations[] = {
    "CREATE TABLE study_wave ("
    "  year INTEGER PRIMARY KEY,"
    "  instrument_id TEXT NOT NULL,"
    "  instrument_version TEXT NOT NULL);"
    "CREATE TABLE region ("
    "  code TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  sector TEXT NOT NULL CHECK (sector IN ('po','vo')),"
    "  governance TEXT NOT NULL,"
    "  situation TEXT NOT NULL,"
    "  pair TEXT);"
    "CREATE TABLE school ("
    "  brin TEXT PRIMARY KEY CHECK (length(brin) = 6),"
    "  name TEXT NOT NULL,"
    "  sector TEXT NOT NULL,"
    "  region TEXT NOT NULL REFERENCES region(code),"
    "  email TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE response ("
    "  id INTEGER PRIMARY KEY,"
    "  wave INTEGER NOT NULL REFERENCES study_wave(year),"
    "  school TEXT NOT NULL REFERENCES school(brin),"
    "  instrument_version TEXT NOT NULL,"
    "  status TEXT NOT NULL CHECK (status IN ('complete','partial','refused')),"
    "  created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  UNIQUE (wave, school));"
    "CREATE TABLE answer ("
    "  response INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,"
    "  variable TEXT NOT NULL,"
    "  num REAL,"
    "  txt TEXT,"
    "  PRIMARY KEY (response, variable)) WITHOUT ROWID;",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

static samen_status report(sqlite3 *db, samen_diag *d, const char *what)
{
    samen_diag_add(d, "database", 0, 0, "%s: %s", what, sqlite3_errmsg(db));
    return SAMEN_ESTORE;
}

static int user_version(sqlite3 *db)
{
    sqlite3_stmt *s = NULL;
    int v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return v;
}

static samen_status migrate(sqlite3 *db, samen_diag *d)
{
    int v = user_version(db);
    if (v < 0)
        return report(db, d, "cannot read the schema version");
    if (v > SCHEMA_VERSION) {
        samen_diag_add(d, "database", 0, 0,
                       "the database has schema version %d; this samen knows up to %d", v,
                       SCHEMA_VERSION);
        return SAMEN_EUNSUPPORTED;
    }
    if (v == SCHEMA_VERSION)
        return SAMEN_OK;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return report(db, d, "cannot start the migration");
    /* Another connection may have migrated while we waited for the lock. */
    v = user_version(db);
    if (v < 0 || v > SCHEMA_VERSION) {
        samen_status st = v < 0 ? report(db, d, "cannot read the schema version")
                                : SAMEN_EUNSUPPORTED;
        if (v > SCHEMA_VERSION)
            samen_diag_add(d, "database", 0, 0,
                           "the database has schema version %d; this samen knows up to %d", v,
                           SCHEMA_VERSION);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return st;
    }
    for (int i = v; i < SCHEMA_VERSION; i++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", i + 1);
        if (sqlite3_exec(db, migrations[i], NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
            samen_status st = report(db, d, "migration failed");
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return st;
        }
    }
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return report(db, d, "cannot commit the migration");
    return SAMEN_OK;
}

static samen_status sq_open(const char *location, void **out, samen_diag *d)
{
    sqlite_ctx *c = calloc(1, sizeof *c);
    if (c == NULL)
        return SAMEN_ENOMEM;
    samen_status st = SAMEN_OK;
    if (sqlite3_open_v2(location, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        samen_diag_add(d, location, 0, 0, "cannot open the database: %s",
                       c->db ? sqlite3_errmsg(c->db) : "out of memory");
        st = SAMEN_ESTORE;
        goto out;
    }
    sqlite3_busy_timeout(c->db, 10000);
    sqlite3_extended_result_codes(c->db, 1);
    if (sqlite3_exec(c->db,
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = FULL;",
                     NULL, NULL, NULL) != SQLITE_OK) {
        samen_diag_add(d, location, 0, 0, "not a usable SQLite database: %s",
                       sqlite3_errmsg(c->db));
        st = SAMEN_ESTORE;
        goto out;
    }
    st = migrate(c->db, d);
out:
    if (st != SAMEN_OK) {
        sqlite3_close(c->db);
        free(c);
        return st;
    }
    *out = c;
    return SAMEN_OK;
}

static void sq_close(void *ctx)
{
    sqlite_ctx *c = ctx;
    if (c == NULL)
        return;
    sqlite3_close(c->db);
    free(c);
}

static samen_status sq_exec_tx(void *ctx, store_tx what)
{
    static const char *const sql[] = {
        [STORE_TX_BEGIN] = "BEGIN IMMEDIATE",
        [STORE_TX_SNAPSHOT] = "BEGIN DEFERRED", /* WAL: reads see one snapshot until the end */
        [STORE_TX_COMMIT] = "COMMIT",
        [STORE_TX_ROLLBACK] = "ROLLBACK",
    };
    sqlite_ctx *c = ctx;
    return sqlite3_exec(c->db, sql[what], NULL, NULL, NULL) == SQLITE_OK ? SAMEN_OK : SAMEN_ESTORE;
}

/* Write calls run inside a savepoint: on failure everything they did is
 * undone and the enclosing transaction stays usable. */
static samen_status savepoint_begin(sqlite_ctx *c)
{
    return sqlite3_exec(c->db, "SAVEPOINT samen_call", NULL, NULL, NULL) == SQLITE_OK
               ? SAMEN_OK
               : SAMEN_ESTORE;
}

static samen_status savepoint_end(sqlite_ctx *c, samen_status st)
{
    if (st != SAMEN_OK)
        sqlite3_exec(c->db, "ROLLBACK TO samen_call", NULL, NULL, NULL);
    if (sqlite3_exec(c->db, "RELEASE samen_call", NULL, NULL, NULL) != SQLITE_OK && st == SAMEN_OK)
        st = SAMEN_ESTORE;
    return st;
}

static int sq_schema_version(void *ctx)
{
    return user_version(((sqlite_ctx *)ctx)->db);
}

/* Runs a prepared statement to completion. */
static samen_status step_done(sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc == SQLITE_DONE)
        return SAMEN_OK;
    if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        return SAMEN_EEXIST;
    return SAMEN_ESTORE;
}

static samen_status sync_study(sqlite_ctx *c, const samen_study *s);

static samen_status sq_sync_study(void *ctx, const samen_study *s)
{
    sqlite_ctx *c = ctx;
    samen_status st = savepoint_begin(c);
    return st == SAMEN_OK ? savepoint_end(c, sync_study(c, s)) : st;
}

static samen_status sync_study(sqlite_ctx *c, const samen_study *s)
{
    sqlite3_stmt *w = NULL, *r = NULL, *sc = NULL;
    samen_status st = SAMEN_ESTORE;
    if (sqlite3_prepare_v2(c->db,
                           "INSERT INTO study_wave (year, instrument_id, instrument_version) "
                           "VALUES (?1, ?2, ?3) ON CONFLICT (year) DO UPDATE SET "
                           "instrument_id = excluded.instrument_id, "
                           "instrument_version = excluded.instrument_version",
                           -1, &w, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db,
                           "INSERT INTO region (code, name, sector, governance, situation, pair) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (code) DO UPDATE SET "
                           "name = excluded.name, sector = excluded.sector, "
                           "governance = excluded.governance, situation = excluded.situation, "
                           "pair = excluded.pair",
                           -1, &r, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db,
                           "INSERT INTO school (brin, name, sector, region, email) "
                           "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (brin) DO UPDATE SET "
                           "name = excluded.name, sector = excluded.sector, "
                           "region = excluded.region, email = excluded.email",
                           -1, &sc, NULL) != SQLITE_OK)
        goto out;
    for (size_t i = 0; i < samen_study_nwaves(s); i++) {
        const samen_wave_info *wi = samen_study_wave(s, i);
        sqlite3_bind_int(w, 1, wi->year);
        sqlite3_bind_text(w, 2, samen_instrument_id(wi->instrument), -1, SQLITE_STATIC);
        sqlite3_bind_text(w, 3, samen_instrument_version(wi->instrument), -1, SQLITE_STATIC);
        if (step_done(w) != SAMEN_OK)
            goto out;
    }
    for (size_t i = 0; i < samen_study_nregions(s); i++) {
        const samen_region_info *ri = samen_study_region(s, i);
        sqlite3_bind_text(r, 1, ri->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(r, 2, ri->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(r, 3, samen_vocab_code(SAMEN_ATTR_SECTOR, ri->sector), -1, SQLITE_STATIC);
        sqlite3_bind_text(r, 4, samen_vocab_code(SAMEN_ATTR_GOVERNANCE, ri->governance), -1,
                          SQLITE_STATIC);
        sqlite3_bind_text(r, 5, samen_vocab_code(SAMEN_ATTR_SITUATION, ri->situation), -1,
                          SQLITE_STATIC);
        if (ri->pair != NULL)
            sqlite3_bind_text(r, 6, ri->pair, -1, SQLITE_STATIC);
        if (step_done(r) != SAMEN_OK)
            goto out;
    }
    for (size_t i = 0; i < samen_study_nschools(s); i++) {
        const samen_school_info *si = samen_study_school(s, i);
        sqlite3_bind_text(sc, 1, si->brin, -1, SQLITE_STATIC);
        sqlite3_bind_text(sc, 2, si->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(sc, 3, samen_vocab_code(SAMEN_ATTR_SECTOR, si->sector), -1, SQLITE_STATIC);
        sqlite3_bind_text(sc, 4, samen_study_region(s, si->region)->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(sc, 5, si->email, -1, SQLITE_STATIC);
        if (step_done(sc) != SAMEN_OK)
            goto out;
    }
    st = SAMEN_OK;
out:
    sqlite3_finalize(w);
    sqlite3_finalize(r);
    sqlite3_finalize(sc);
    return st;
}

static samen_status sq_has_response(void *ctx, int wave, const char *brin, bool *exists)
{
    sqlite_ctx *c = ctx;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(c->db, "SELECT 1 FROM response WHERE wave = ?1 AND school = ?2", -1,
                           &s, NULL) != SQLITE_OK)
        return SAMEN_ESTORE;
    sqlite3_bind_int(s, 1, wave);
    sqlite3_bind_text(s, 2, brin, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return SAMEN_ESTORE;
    *exists = rc == SQLITE_ROW;
    return SAMEN_OK;
}

static samen_status put_response(sqlite_ctx *c, int wave, const char *brin, const char *version,
                                 samen_response_status status, const char *stamp, size_t n,
                                 const samen_answer *answers);

static samen_status sq_put_response(void *ctx, int wave, const char *brin, const char *version,
                                    samen_response_status status, const char *stamp, size_t n,
                                    const samen_answer *answers)
{
    sqlite_ctx *c = ctx;
    samen_status st = savepoint_begin(c);
    return st == SAMEN_OK
               ? savepoint_end(c, put_response(c, wave, brin, version, status, stamp, n, answers))
               : st;
}

static samen_status put_response(sqlite_ctx *c, int wave, const char *brin, const char *version,
                                 samen_response_status status, const char *stamp, size_t n,
                                 const samen_answer *answers)
{
    sqlite3_stmt *r = NULL, *a = NULL;
    samen_status st = SAMEN_ESTORE;
    if (sqlite3_prepare_v2(c->db,
                           "INSERT INTO response (wave, school, instrument_version, status, "
                           "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                           -1, &r, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db,
                           "INSERT INTO answer (response, variable, num, txt) "
                           "VALUES (?1, ?2, ?3, ?4)",
                           -1, &a, NULL) != SQLITE_OK)
        goto out;
    sqlite3_bind_int(r, 1, wave);
    sqlite3_bind_text(r, 2, brin, -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 3, version, -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 4, store_status_name(status), -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 5, stamp, -1, SQLITE_STATIC);
    st = step_done(r);
    if (st != SAMEN_OK)
        goto out;
    sqlite3_int64 id = sqlite3_last_insert_rowid(c->db);
    for (size_t i = 0; i < n; i++) {
        sqlite3_bind_int64(a, 1, id);
        sqlite3_bind_text(a, 2, answers[i].var, -1, SQLITE_STATIC);
        if (!isnan(answers[i].num))
            sqlite3_bind_double(a, 3, answers[i].num);
        if (answers[i].text != NULL)
            sqlite3_bind_text(a, 4, answers[i].text, -1, SQLITE_STATIC);
        st = step_done(a);
        if (st != SAMEN_OK)
            goto out;
    }
out:
    sqlite3_finalize(r);
    sqlite3_finalize(a);
    return st;
}

/* The answers of one response, copied out of SQLite's row buffers. */
typedef struct collected {
    samen_answer *items;
    size_t n, cap;
} collected;

static void collected_clear(collected *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free((char *)c->items[i].var);
        free((char *)c->items[i].text);
    }
    c->n = 0;
}

static samen_status sq_each_response(void *ctx, int wave, samen_response_fn fn, void *fnctx)
{
    sqlite_ctx *c = ctx;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT r.id, r.school, r.instrument_version, r.status, a.variable, "
                           "a.num, a.txt FROM response r LEFT JOIN answer a ON a.response = r.id "
                           "WHERE r.wave = ?1 ORDER BY r.school, a.variable",
                           -1, &s, NULL) != SQLITE_OK)
        return SAMEN_ESTORE;
    sqlite3_bind_int(s, 1, wave);
    collected col = {NULL, 0, 0};
    samen_status st = SAMEN_OK;
    long cur = -1;
    char brin[16] = "", version[64] = "";
    int status = 0;
    int rc;
    for (;;) {
        rc = sqlite3_step(s);
        long id = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -2;
        if (id != cur && cur != -1) {
            samen_response_view v = {cur, wave, brin, version, (samen_response_status)status,
                                     col.n, col.items};
            st = fn(fnctx, &v);
            collected_clear(&col);
            if (st != SAMEN_OK)
                break;
        }
        if (rc != SQLITE_ROW)
            break;
        if (id != cur) {
            cur = id;
            text_copy(brin, sizeof brin, (const char *)sqlite3_column_text(s, 1));
            text_copy(version, sizeof version, (const char *)sqlite3_column_text(s, 2));
            status = store_status_lookup((const char *)sqlite3_column_text(s, 3));
            if (status < 0)
                status = SAMEN_RESPONSE_COMPLETE;
        }
        if (sqlite3_column_type(s, 4) == SQLITE_NULL)
            continue;
        if (col.n == col.cap) {
            size_t nc = col.cap ? col.cap * 2 : 64;
            samen_answer *p = realloc(col.items, nc * sizeof *p);
            if (p == NULL) {
                st = SAMEN_ENOMEM;
                break;
            }
            col.items = p;
            col.cap = nc;
        }
        samen_answer *an = &col.items[col.n];
        an->var = text_dup((const char *)sqlite3_column_text(s, 4));
        an->num = sqlite3_column_type(s, 5) == SQLITE_NULL ? NAN : sqlite3_column_double(s, 5);
        an->text = sqlite3_column_type(s, 6) == SQLITE_NULL
                       ? NULL
                       : text_dup((const char *)sqlite3_column_text(s, 6));
        col.n++;
        if (an->var == NULL) {
            st = SAMEN_ENOMEM;
            break;
        }
    }
    if (st == SAMEN_OK && rc != SQLITE_DONE)
        st = SAMEN_ESTORE;
    collected_clear(&col);
    free(col.items);
    sqlite3_finalize(s);
    return st;
}

static samen_status sq_count(void *ctx, int wave, samen_response_status status, long *count)
{
    sqlite_ctx *c = ctx;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(c->db, "SELECT count(*) FROM response WHERE wave = ?1 AND status = ?2",
                           -1, &s, NULL) != SQLITE_OK)
        return SAMEN_ESTORE;
    sqlite3_bind_int(s, 1, wave);
    sqlite3_bind_text(s, 2, store_status_name(status), -1, SQLITE_STATIC);
    samen_status st = SAMEN_ESTORE;
    if (sqlite3_step(s) == SQLITE_ROW) {
        *count = (long)sqlite3_column_int64(s, 0);
        st = SAMEN_OK;
    }
    sqlite3_finalize(s);
    return st;
}

/* ---- table-level access (samen migrate) ---- */

static samen_status sq_each_row(void *ctx, store_table t, store_row_fn fn, void *fnctx)
{
    sqlite_ctx *c = ctx;
    const store_table_info *ti = &store_tables[t];
    char sql[512];
    store_sql_select(t, sql, sizeof sql);
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(c->db, sql, -1, &s, NULL) != SQLITE_OK)
        return SAMEN_ESTORE;
    samen_status st = SAMEN_OK;
    int rc;
    for (;;) {
        rc = sqlite3_step(s);
        if (rc != SQLITE_ROW)
            break;
        store_value row[STORE_MAX_COLUMNS];
        for (size_t i = 0; i < ti->ncols; i++) {
            int col = (int)i;
            row[i] = (store_value){STORE_NULL, 0, 0, NULL};
            if (sqlite3_column_type(s, col) == SQLITE_NULL)
                continue;
            row[i].kind = ti->kinds[i];
            switch (ti->kinds[i]) {
            case STORE_INT: row[i].i = sqlite3_column_int64(s, col); break;
            case STORE_REAL: row[i].r = sqlite3_column_double(s, col); break;
            case STORE_TEXT: row[i].t = (const char *)sqlite3_column_text(s, col); break;
            case STORE_NULL: break;
            }
        }
        st = fn(fnctx, row);
        if (st != SAMEN_OK)
            break;
    }
    if (st == SAMEN_OK && rc != SQLITE_DONE)
        st = SAMEN_ESTORE;
    sqlite3_finalize(s);
    return st;
}

static samen_status sq_put_row(void *ctx, store_table t, const store_value *row)
{
    sqlite_ctx *c = ctx;
    const store_table_info *ti = &store_tables[t];
    char sql[512];
    store_sql_insert(t, '?', sql, sizeof sql);
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(c->db, sql, -1, &s, NULL) != SQLITE_OK)
        return SAMEN_ESTORE;
    for (size_t i = 0; i < ti->ncols; i++) {
        int col = (int)i + 1;
        switch (row[i].kind) {
        case STORE_NULL: sqlite3_bind_null(s, col); break;
        case STORE_INT: sqlite3_bind_int64(s, col, row[i].i); break;
        case STORE_REAL: sqlite3_bind_double(s, col, row[i].r); break;
        case STORE_TEXT: sqlite3_bind_text(s, col, row[i].t, -1, SQLITE_STATIC); break;
        }
    }
    samen_status st = step_done(s);
    sqlite3_finalize(s);
    return st;
}

static samen_status sq_count_rows(void *ctx, store_table t, long *n)
{
    sqlite_ctx *c = ctx;
    char sql[128];
    store_sql_count(t, sql, sizeof sql);
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(c->db, sql, -1, &s, NULL) != SQLITE_OK)
        return SAMEN_ESTORE;
    samen_status st = SAMEN_ESTORE;
    if (sqlite3_step(s) == SQLITE_ROW) {
        *n = (long)sqlite3_column_int64(s, 0);
        st = SAMEN_OK;
    }
    sqlite3_finalize(s);
    return st;
}

static const char *sq_errmsg(void *ctx)
{
    return sqlite3_errmsg(((sqlite_ctx *)ctx)->db);
}

const store_backend store_sqlite_backend = {
    .scheme = "sqlite",
    .alias = NULL,
    .whole_url = false,
    .open = sq_open,
    .close = sq_close,
    .exec_tx = sq_exec_tx,
    .schema_version = sq_schema_version,
    .sync_study = sq_sync_study,
    .has_response = sq_has_response,
    .put_response = sq_put_response,
    .each_response = sq_each_response,
    .count = sq_count,
    .each_row = sq_each_row,
    .put_row = sq_put_row,
    .count_rows = sq_count_rows,
    .copy_done = NULL,
    .errmsg = sq_errmsg,
};
