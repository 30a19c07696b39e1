/* samen/store.h - where a study's data lives: one storage interface with a
 * backend per database (SQLite, PostgreSQL) behind the same calls.
 *
 * A store is opened by URL: "sqlite:PATH" (or a plain path) for the
 * embedded default, "postgresql://..." or "postgres://..." (a libpq
 * connection URI) for a shared server (docs/STORAGE.md). Every write
 * happens inside samen_store_begin() .. samen_store_commit(), so an import
 * is all-or-nothing; only prepared statements touch the database. A store
 * is one database connection: use it from one thread at a time.
 */
#ifndef SAMEN_STORE_H
#define SAMEN_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "samen/diag.h"
#include "samen/status.h"
#include "samen/study.h"

typedef struct samen_store samen_store;

/* One stored answer: num is the code or number (NAN for text answers);
 * text is the free text or NULL. */
typedef struct samen_answer {
    const char *var;
    double num;
    const char *text;
} samen_answer;

typedef enum samen_response_status {
    SAMEN_RESPONSE_COMPLETE,
    SAMEN_RESPONSE_PARTIAL,
    SAMEN_RESPONSE_REFUSED
} samen_response_status;

/* A stored response as handed to samen_store_each_response's callback;
 * everything in it is valid during the call only. */
typedef struct samen_response_view {
    long id;
    int wave;
    const char *brin;
    const char *instrument_version;
    samen_response_status status;
    size_t nanswers;
    const samen_answer *answers;
} samen_response_view;

typedef samen_status (*samen_response_fn)(void *ctx, const samen_response_view *r);

/* Opens (creating and migrating when needed) the store at url. On success
 * *out is a new store; close with samen_store_close(). */
samen_status samen_store_open(const char *url, samen_store **out, samen_diag *d);

/* Closes st; accepts NULL. An open transaction is rolled back. */
void samen_store_close(samen_store *st);

/* The default URL for a study directory: sqlite:DIR/samen.db. */
void samen_store_default_url(const char *study_dir, char *out, size_t cap);

samen_status samen_store_begin(samen_store *st);
samen_status samen_store_commit(samen_store *st);
samen_status samen_store_rollback(samen_store *st);

/* The schema version of the open store. */
int samen_store_schema_version(const samen_store *st);

/* Writes the study's waves, regions and schools (insert or update). Inside
 * a transaction. */
samen_status samen_store_sync_study(samen_store *st, const samen_study *s);

/* Sets *exists to whether school brin has a response in wave. */
samen_status samen_store_has_response(samen_store *st, int wave, const char *brin, bool *exists);

/* Stores a new response with its answers. Fails with SAMEN_EEXIST when the
 * school already has one in the wave. Inside a transaction. */
samen_status samen_store_put_response(samen_store *st, int wave, const char *brin,
                                      const char *instrument_version,
                                      samen_response_status status, size_t nanswers,
                                      const samen_answer *answers);

/* Calls fn for every response of wave, ordered by school, with its answers
 * ordered by variable. Stops at and returns the first status from fn that
 * is not OK. fn must not use st. */
samen_status samen_store_each_response(samen_store *st, int wave, samen_response_fn fn,
                                       void *ctx);

/* Sets *count to the number of responses of wave with the given status. */
samen_status samen_store_count(samen_store *st, int wave, samen_response_status status,
                               long *count);

/* Replaces the clock used for timestamps (seconds since 1970); NULL
 * restores time(). For tests. */
void samen_store_set_clock(samen_store *st, long long (*now)(void));

/* Copies between stores (samen migrate). */

/* The number of rows in each table of a store. */
typedef struct samen_store_counts {
    long waves, regions, schools, responses, answers;
} samen_store_counts;

/* Sets *out to the number of rows in each table of st. */
samen_status samen_store_get_counts(samen_store *st, samen_store_counts *out);

/* Copies every row of every table of src (waves, regions, schools,
 * responses with their ids and timestamps, answers) into dst: from one
 * consistent snapshot of src, in one transaction on dst. Then compares the
 * two stores table by table (row counts and samen_store_dump()) and fails
 * with SAMEN_ESTORE, naming the first difference, when they differ. dst
 * must be empty, else SAMEN_EEXIST and nothing is written. Neither store
 * may be inside a transaction. On success *copied (may be NULL) holds the
 * counts. Problems go to d. */
samen_status samen_store_copy(samen_store *src, samen_store *dst, samen_store_counts *copied,
                              samen_diag *d);

/* Writes a canonical dump of every table of st to f: per table a line
 * "table NAME ROWS", then one line per row in primary-key order, fields
 * separated by a tab, NULL as \N, numbers as "%.17g", and tab, newline,
 * carriage return and backslash in text escaped (\t \n \r \\). The same
 * data give the same bytes on every backend. */
samen_status samen_store_dump(samen_store *st, FILE *f);

#endif
