/* backend.h - the storage backend interface: a table of functions plus a
 * context, one table per database (PSPP's output drivers, ReadStat's
 * modules). store.c picks the backend by URL scheme; adding a backend is one
 * file and one row in store.c's table. */
#ifndef SAMEN_STORE_BACKEND_H
#define SAMEN_STORE_BACKEND_H

#include "samen/store.h"

typedef struct store_backend {
    const char *scheme;   /* "sqlite" */
    samen_status (*open)(const char *location, void **ctx, samen_diag *d);
    void (*close)(void *ctx);
    samen_status (*exec_tx)(void *ctx, const char *what);   /* "BEGIN", "COMMIT", "ROLLBACK" */
    int (*schema_version)(void *ctx);
    samen_status (*sync_study)(void *ctx, const samen_study *s);
    samen_status (*has_response)(void *ctx, int wave, const char *brin, bool *exists);
    samen_status (*put_response)(void *ctx, int wave, const char *brin, const char *version,
                                 samen_response_status status, const char *timestamp,
                                 size_t n, const samen_answer *answers);
    samen_status (*each_response)(void *ctx, int wave, samen_response_fn fn, void *fnctx);
    samen_status (*count)(void *ctx, int wave, samen_response_status status, long *count);
} store_backend;

extern const store_backend store_sqlite_backend;

/* Names of response statuses as stored. */
const char *store_status_name(samen_response_status s);
int store_status_lookup(const char *name);

#endif
