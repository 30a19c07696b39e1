/* response_import.h - the format-independent part of importing a wave's
 * responses: every check and the all-or-nothing write, fed one record at a
 * time by a format's front end (io/csv/csv_import.c for CSV,
 * io/sav/sav_read.c for SPSS .sav, .zsav and .por).
 *
 * A front end creates an importer, hands it the column names once
 * (rimport_columns), then every record as text cells (rimport_row), and
 * finally calls rimport_finish, which writes all records in one
 * transaction when no problem was found and nothing otherwise. Cells are
 * the texts a user would type: numeric codes as decimal numbers, empty for
 * no answer. Problems go to the samen_diag given at creation, located the
 * way the format counts: "file:line:column" for text files, "file: case N,
 * variable NAME" for SPSS files.
 */
#ifndef SAMEN_IO_RESPONSE_IMPORT_H
#define SAMEN_IO_RESPONSE_IMPORT_H

#include <stddef.h>

#include "samen/diag.h"
#include "samen/interchange.h"
#include "samen/status.h"
#include "samen/store.h"
#include "samen/study.h"

typedef struct rimport rimport;

/* How records and fields are named in messages. */
typedef enum rimport_where {
    RIMPORT_WHERE_LINE,  /* records are lines, fields are columns (CSV) */
    RIMPORT_WHERE_CASE   /* records are cases, fields are variables (SPSS) */
} rimport_where;

/* The columns besides the instrument's variables that an import accepts;
 * they describe the school and must agree with the study. */
typedef enum rimport_extra {
    RIMPORT_BRIN,
    RIMPORT_REGION,
    RIMPORT_SITUATION,
    RIMPORT_SECTOR,
    RIMPORT_GOVERNANCE,
    RIMPORT_WAVE,
    RIMPORT_RESPONDENT,
    RIMPORT_NEXTRA
} rimport_extra;

/* Returns the extra column called name (ASCII case-insensitive), or -1. */
int rimport_extra_lookup(const char *name);

/* Starts an import of wave into st. name names the file in messages. The
 * caller keeps s, st, name and d, which must outlive the importer. On
 * success *out is a new importer; free with rimport_destroy(). Fails with
 * SAMEN_EINVAL (reported to d) when the study has no such wave. */
samen_status rimport_create(const samen_study *s, samen_store *st, int wave, const char *name,
                            rimport_where where, samen_diag *d, rimport **out);

/* Frees im and every record it holds; accepts NULL. Writes nothing. */
void rimport_destroy(rimport *im);

/* The instrument of the wave being imported (owned by the study). */
const samen_instrument *rimport_instrument(const rimport *im);

/* Declares the columns: names[0..n) (the caller keeps them). line is the
 * header's line (RIMPORT_WHERE_LINE) or 0. Unknown and duplicate columns
 * and a missing `brin` are reported; returns SAMEN_EVALIDATE when there
 * were any, SAMEN_ENOMEM, or SAMEN_OK. Call once, before any row. */
samen_status rimport_columns(rimport *im, long line, size_t n, char *const *names);

/* Checks one record: cells[0..n) in column order (the caller keeps them).
 * record is the line or case number (1-based). A record with problems is
 * reported and dropped; the return value is SAMEN_OK unless something
 * other than the data went wrong (memory, the store). */
samen_status rimport_row(rimport *im, long record, size_t n, char *const *cells);

/* Ends the import. When the header was never given, reports an empty file.
 * When any problem was reported since rimport_create, returns
 * SAMEN_EVALIDATE and writes nothing; otherwise writes every record in one
 * transaction and fills result's rows and refused (result may be NULL). */
samen_status rimport_finish(rimport *im, samen_import_result *result);

#endif
