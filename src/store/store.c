/* store.c - the storage interface (samen/store.h): URL parsing, backend
 * selection, transactions and timestamps; the backends do the rest. */
#include "samen/store.h"

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

static const store_backend *const backends[] = {&store_sqlite_backend};

static const char *const status_names[] = {"complete", "partial", "refused"};

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

void samen_store_default_url(const char *study_dir, char *out, size_t cap)
{
    snprintf(out, cap, "sqlite:%s/samen.db", study_dir);
}

samen_status samen_store_open(const char *url, samen_store **out, samen_diag *d)
{
    const store_backend *be = NULL;
    const char *location = url;
    if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0) {
        samen_diag_add(d, "--db", 0, 0,
                       "the PostgreSQL backend is not built yet; use sqlite:PATH");
        return SAMEN_EUNSUPPORTED;
    }
    for (size_t i = 0; i < sizeof backends / sizeof backends[0]; i++) {
        size_t n = strlen(backends[i]->scheme);
        if (strncmp(url, backends[i]->scheme, n) == 0 && url[n] == ':') {
            be = backends[i];
            location = url + n + 1;
        }
    }
    if (be == NULL) {
        if (strstr(url, "://") != NULL) {
            samen_diag_add(d, "--db", 0, 0, "unknown database URL '%s' (use sqlite:PATH)", url);
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
        st->be->exec_tx(st->ctx, "ROLLBACK");
    st->be->close(st->ctx);
    free(st);
}

samen_status samen_store_begin(samen_store *st)
{
    if (st->in_tx)
        return SAMEN_EINTERNAL;
    samen_status s = st->be->exec_tx(st->ctx, "BEGIN IMMEDIATE");
    st->in_tx = s == SAMEN_OK;
    return s;
}

samen_status samen_store_commit(samen_store *st)
{
    if (!st->in_tx)
        return SAMEN_EINTERNAL;
    samen_status s = st->be->exec_tx(st->ctx, "COMMIT");
    if (s == SAMEN_OK)
        st->in_tx = false;
    return s;
}

samen_status samen_store_rollback(samen_store *st)
{
    if (!st->in_tx)
        return SAMEN_OK;
    st->in_tx = false;
    return st->be->exec_tx(st->ctx, "ROLLBACK");
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
