/* csvr.h - reading CSV files the way users make them: `,` `;` or tab,
 * UTF-8 with or without a BOM, or CP1252 (converted with iconv), with every
 * row delivered with the line it starts on.
 *
 * Fields are parsed by libcsv (RFC 4180 quoting, strict mode); this module
 * adds what libcsv leaves to its caller: encoding, delimiter detection,
 * line numbers and size limits. The whole input is checked for its
 * encoding before any row is delivered.
 */
#ifndef SAMEN_UTIL_CSVR_H
#define SAMEN_UTIL_CSVR_H

#include <stddef.h>

#include "samen/diag.h"
#include "samen/status.h"

#define CSVR_MAX_FIELDS 20000

/* Called once per record. line is the 1-based line the record starts on;
 * fields[0..nfields) are NUL-terminated UTF-8 (the reader keeps them; they
 * are valid during the call). Return SAMEN_OK to go on; anything else stops
 * the reading and is returned by csvr_read_*. */
typedef samen_status (*csvr_row_fn)(void *ctx, long line, size_t nfields, char **fields);

typedef struct csvr_info {
    char delimiter;      /* detected: ',', ';' or '\t' */
    int had_bom;
    int was_cp1252;
    long records;
} csvr_info;

/* Reads the file at path (at most max_bytes), naming it name in messages.
 * Problems with the file itself (encoding, quoting, size) are added to d
 * with their line and returned as SAMEN_EPARSE / SAMEN_ETOOBIG. info may be
 * NULL. */
samen_status csvr_read_file(const char *path, const char *name, size_t max_bytes, csvr_row_fn fn,
                            void *ctx, csvr_info *info, samen_diag *d);

/* The same over a buffer (the caller keeps it). */
samen_status csvr_read_buffer(const char *data, size_t len, const char *name, csvr_row_fn fn,
                              void *ctx, csvr_info *info, samen_diag *d);

#endif
