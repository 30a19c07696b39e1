/* samen/interchange.h - data in and out of a study (docs/INTERCHANGE.md):
 * responses as CSV, SPSS .sav/.zsav/.por (ReadStat) and Excel .xlsx
 * (libxlsxwriter); SPSS syntax; the codebook of a wave; school lists in
 * DUO's open-data layout.
 *
 * Import validates the whole file against the wave's instrument and the
 * study's schools before anything is written, reports every problem as
 * file:line:column (CSV, with the column's name) or as "file: case N,
 * variable NAME" (SPSS), and then writes all rows in one transaction: all
 * or nothing. Exports are pseudonymised unless asked otherwise, and are
 * written to a temporary file renamed into place.
 */
#ifndef SAMEN_INTERCHANGE_H
#define SAMEN_INTERCHANGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

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
    char delimiter;         /* CSV: ',' by default */
    const char *lang;       /* labels of .sav, .sps and .xlsx: "nl" (NULL) or "en" */
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

/* ---- SPSS (ReadStat) ---------------------------------------------------- */

/* Imports the responses of wave from the SPSS file at path: a system file
 * (.sav, also compressed .zsav) or a portable file (.por), told apart by
 * their first bytes. Variables are matched to columns by name as in CSV;
 * numeric `region`, `situation`, `sector` and `governance` are taken as
 * the codes samen_export_sav writes (1-based positions). Every check of
 * samen_import_csv applies; problems are reported as "name: case N,
 * variable V: ...". The file is read into memory, at most
 * SAMEN_IMPORT_MAX_BYTES. result may be NULL (its delimiter is 0). */
samen_status samen_import_sav(const samen_study *s, samen_store *st, int wave, const char *path,
                              const char *name, samen_import_result *result, samen_diag *d);

/* Writes the analysis file of wave as an SPSS system file: the columns of
 * samen_export_csv (brin only with with_school_ids), `region`, `situation`
 * and `sector` as numeric codes with value labels, every instrument
 * variable with its label, value labels, non-substantive codes as
 * user-missing values and its measurement level, texts as strings, and a
 * file label. compressed writes a .zsav (zlib). Labels are cut to SPSS's
 * limits at a character boundary. Sets *rows when rows is not NULL. */
samen_status samen_export_sav(const samen_study *s, samen_store *st, int wave, const char *path,
                              const samen_export_options *opt, bool compressed, long *rows,
                              samen_diag *d);

/* Writes SPSS syntax for the file samen_export_sav writes (sav_name names
 * it in a comment): VARIABLE LABELS, VALUE LABELS, MISSING VALUES,
 * VARIABLE LEVEL and an MRSETS definition for every tick-all question, which
 * the .sav itself cannot carry. Needs no responses. */
samen_status samen_export_sps(const samen_study *s, int wave, const char *path,
                              const char *sav_name, const samen_export_options *opt,
                              samen_diag *d);

/* ---- Excel (libxlsxwriter) ---------------------------------------------- */

/* Writes the analysis file of wave as an Excel workbook: a sheet "data"
 * with the columns and rows of samen_export_csv (header of variable names,
 * frozen), and a sheet with the codebook: variable, label, values,
 * missing codes and routing condition. Every text is written as a string
 * cell, never as a formula. Sets *rows when rows is not NULL. */
samen_status samen_export_xlsx(const samen_study *s, samen_store *st, int wave, const char *path,
                               const samen_export_options *opt, long *rows, samen_diag *d);

/* ---- Codebook ------------------------------------------------------------ */

typedef enum samen_codebook_format {
    SAMEN_CODEBOOK_MARKDOWN,
    SAMEN_CODEBOOK_HTML,
    SAMEN_CODEBOOK_JSON
} samen_codebook_format;

/* Parses "md", "html" or "json"; returns false for anything else. */
bool samen_codebook_format_parse(const char *name, samen_codebook_format *out);

/* Writes the codebook of wave's instrument to out (the caller keeps it):
 * sections and questions in order, each question's text (placeholders
 * shown as {name}, with their wording per situation), its routing
 * condition, and every variable with its label, answer codes, range,
 * missing (non-substantive) codes and measurement level; then the scales.
 * lang is "nl" (NULL) or "en". HTML is a complete, escaped document. */
samen_status samen_codebook_write(const samen_study *s, int wave, samen_codebook_format fmt,
                                  const char *lang, FILE *out, samen_diag *d);

/* ---- School lists (DUO open data) ---------------------------------------- */

/* Where a school list comes from. duo is required; swv and contacts may be
 * NULL. The caller keeps every string. */
typedef struct samen_schools_sources {
    const char *duo;        /* DUO "Adressen (alle) vestigingen", po or vo */
    const char *swv;        /* DUO schools per samenwerkingsverband */
    const char *contacts;   /* e-mail addresses by vestiging code */
} samen_schools_sources;

typedef struct samen_schools_result {
    long added;             /* schools new to schools.csv */
    long updated;           /* schools whose name, sector, region or e-mail changed */
    long unchanged;
    long outside;           /* DUO schools of no region of the study (left out) */
    long contacts;          /* e-mail addresses set */
    long contacts_unused;   /* addresses of schools not in the study (ignored) */
    long total;             /* schools in schools.csv afterwards */
} samen_schools_result;

/* Reads DUO's school list (and optionally its samenwerkingsverband list and
 * a contact list), merges them into the study's schools file and writes it
 * in place, all or nothing: any problem (named file:line:column) leaves
 * the file as it was. A school belongs to the study when its
 * samenwerkingsverband code (e.g. PO2707) is a region code of the study,
 * or when it is already in the schools file. res may be NULL. */
samen_status samen_schools_import(const samen_study *s, const samen_schools_sources *src,
                                  samen_schools_result *res, samen_diag *d);

#endif
