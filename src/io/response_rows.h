/* response_rows.h - a wave's stored responses as rows in memory, for the
 * exporters that need every row before they write (SPSS: the row count
 * and string widths come first; Excel).
 *
 * Rules (the same as the CSV export, io/csv/csv_export.c):
 *  1. One row per school that consented (status complete), in the store's
 *     order; refusals carry no answers and are left out.
 *  2. A response of a school no longer in the study is left out.
 *  3. Answers to variables the instrument no longer has are ignored.
 */
#ifndef SAMEN_IO_RESPONSE_ROWS_H
#define SAMEN_IO_RESPONSE_ROWS_H

#include <stddef.h>

#include "samen/diag.h"
#include "samen/status.h"
#include "samen/store.h"
#include "samen/study.h"

typedef struct response_row {
    size_t school;          /* index into the study's schools */
    const double *values;   /* per instrument variable; NAN = no answer */
    const char *const *texts; /* per instrument variable; NULL unless a text answer */
} response_row;

typedef struct response_rows response_rows;

/* Reads every row of wave from st. On success *out is a new set of rows;
 * free with response_rows_destroy(). Fails with SAMEN_EINVAL (reported to
 * d) when the study has no such wave. */
samen_status response_rows_load(const samen_study *s, samen_store *st, int wave,
                                response_rows **out, samen_diag *d);

void response_rows_destroy(response_rows *rows);

size_t response_rows_count(const response_rows *rows);

/* The i-th row (rows keeps it). */
const response_row *response_rows_at(const response_rows *rows, size_t i);

/* The instrument the rows follow (owned by the study). */
const samen_instrument *response_rows_instrument(const response_rows *rows);

#endif
