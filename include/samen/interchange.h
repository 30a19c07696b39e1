/* samen/interchange.h - responses in and out of a study: CSV now; SPSS
 * .sav and Excel follow behind the same shape.
 *
 * Import validates the whole file against the wave's instrument and the
 * study's schools before anything is written, reports every problem as
 * file:line:column (with the column's name), and then writes all rows in
 * one transaction: all or nothing.
 */
#ifndef SAMEN_INTERCHANGE_H
#define SAMEN_INTERCHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/dataset.h"
#include "samen/diag.h"
#include "samen/status.h"
#include "samen/store.h"
#include "samen/study.h"

#define SAMEN_IMPORT_MAX_BYTES (512u * 1024u * 1024u)

typedef struct samen_import_result {
    long rows;          /* responses imported */
    long refused;       /* of which consent was refused */
    char delimiter;     /* detected delimiter */
    bool was_cp1252;    /* the file was converted from CP1252 */
} samen_import_result;

/* Imports the responses of wave from the CSV file at path (named name in
 * messages) into st. result may be NULL. */
samen_status samen_import_csv(const samen_study *s, samen_store *st, int wave, const char *path,
                              const char *name, samen_import_result *result, samen_diag *d);

typedef struct samen_export_options {
    bool with_school_ids;   /* add the BRIN code; default: pseudonymised */
    char delimiter;         /* ',' by default */
} samen_export_options;

/* Writes the analysis file of wave: one row per school that consented, a
 * header of variable names, numeric codes, empty = missing. Text cells that
 * a spreadsheet would run as a formula are prefixed with '. Writes to a
 * temporary file renamed into place, so path is never left half-written.
 * Sets *rows to the number of rows written when rows is not NULL. */
samen_status samen_export_csv(const samen_study *s, samen_store *st, int wave, const char *path,
                              const samen_export_options *opt, long *rows, samen_diag *d);

/* Makes a text cell safe for spreadsheets: when text starts with = + - @,
 * a tab or a carriage return, writes it prefixed with ' into out. Returns
 * out (cap bytes; truncated at a character boundary). */
const char *samen_cell_defuse(const char *text, char *out, size_t cap);

/* Reads a plain data CSV (header row of variable names, numeric cells,
 * empty = system-missing) into a new dataset; free with
 * samen_dataset_destroy(). Every value in missing[0..nmissing) becomes a
 * user-missing value of every variable. A cell that is not a number is
 * reported as file:line:column (with the column's name). Columns of whole
 * numbers in -32767..32767 are stored as codes, others as numbers. */
samen_status samen_dataset_read_csv(const char *path, const char *name, const double *missing,
                                    size_t nmissing, samen_dataset **out, samen_diag *d);

/* Builds the dataset of wave from the study's stored responses: one case
 * per consenting school, the columns `region`, `situation`, `sector` and
 * `governance` (codes with value labels), then every instrument variable
 * with its label, value labels (Dutch, or English when lang is "en") and
 * its non-substantive codes as user-missing. Text variables are left out. */
samen_status samen_dataset_from_study(const samen_study *s, samen_store *st, int wave,
                                      const char *lang, samen_dataset **out, samen_diag *d);

#endif
