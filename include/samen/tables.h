/* samen/tables.h - the report's tables, declared in a report definition
 * file and computed from a wave's stored responses (docs/REPORT-DEFINITION.md).
 *
 * A report definition (reports/<study id>.yaml in the study directory) is
 * data: each table names its variables, its rows and columns (situation,
 * region, sector, governance, wave, items, answer codes, statistics), the
 * statistic of its cells, the cases that form its base (a filter in the
 * instruments' condition grammar) and its notes. A new wave with a changed
 * questionnaire needs a new definition file, never new C code.
 *
 * Three steps, each with its own object:
 *   1. samen_tabledef_load() reads and validates a definition against a
 *      study, reporting every problem as file:line:column;
 *   2. samen_tables_compute() evaluates it on one wave of the study's
 *      stored responses (tables that compare waves use the earlier waves
 *      too, and carry the caveats of samen_compare_caveats());
 *   3. samen_tables_write() renders the result as JSON, CSV or an .xlsx
 *      workbook (one renderer per format, src/report/table_*.c).
 */
#ifndef SAMEN_TABLES_H
#define SAMEN_TABLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "samen/diag.h"
#include "samen/status.h"
#include "samen/store.h"
#include "samen/study.h"

/* Largest definition file read (bytes). */
#define SAMEN_TABLEDEF_MAX_BYTES (4u * 1024u * 1024u)

typedef struct samen_tabledef samen_tabledef;
typedef struct samen_tables samen_tables;

/* ---- Definitions --------------------------------------------------------- */

/* Loads and validates the definition at path (named name in messages; the
 * caller keeps both) against study s, which must outlive the definition.
 * Every problem is added to d; on any problem the status is
 * SAMEN_EVALIDATE (SAMEN_EPARSE, SAMEN_ENOTFOUND for unreadable files) and
 * *out is unset. On success *out is a new definition; free with
 * samen_tabledef_destroy(). */
samen_status samen_tabledef_load(const char *path, const char *name, const samen_study *s,
                                 samen_tabledef **out, samen_diag *d);

/* The same from a buffer of len bytes (the caller keeps it). */
samen_status samen_tabledef_load_buffer(const char *data, size_t len, const char *name,
                                        const samen_study *s, samen_tabledef **out,
                                        samen_diag *d);

/* Frees def; accepts NULL. */
void samen_tabledef_destroy(samen_tabledef *def);

/* Writes the default definition path of study s into out (cap bytes):
 * DIR/reports/<study id>.yaml. */
void samen_tabledef_default_path(const samen_study *s, char *out, size_t cap);

/* The tables of a definition, in file order: their number and ids (def
 * keeps them). */
size_t samen_tabledef_ntables(const samen_tabledef *def);
const char *samen_tabledef_table_id(const samen_tabledef *def, size_t i);

/* ---- Computing ------------------------------------------------------------ */

typedef struct samen_tables_options {
    int wave;                   /* the wave (year) the tables are computed for */
    const char *lang;           /* labels: "nl" (NULL) or "en" */
    const char *const *only;    /* compute only these table ids (NULL: all) */
    size_t nonly;
} samen_tables_options;

/* Computes the tables of def on the stored responses of s in st (the caller
 * keeps def, s, st and opt). An id in opt->only that def lacks is reported
 * to d (SAMEN_ENOTFOUND); a wave the study lacks gives SAMEN_EINVAL. On
 * success *out is a new result that copies all it needs (def, s and st may
 * go first); free it with samen_tables_destroy(). */
samen_status samen_tables_compute(const samen_tabledef *def, const samen_study *s, samen_store *st,
                                  const samen_tables_options *opt, samen_tables **out,
                                  samen_diag *d);

/* Frees t; accepts NULL. */
void samen_tables_destroy(samen_tables *t);

/* ---- Reading a result ------------------------------------------------------
 * Tables are in definition order; every string is kept by t. */

typedef enum samen_table_cell_kind {
    SAMEN_CELL_EMPTY,    /* nothing to show (not asked in that wave, no base) */
    SAMEN_CELL_NUMBER,   /* value, rounded half up to precision decimals */
    SAMEN_CELL_TEXT
} samen_table_cell_kind;

typedef struct samen_table_cell {
    samen_table_cell_kind kind;
    double value;
    int precision;       /* decimals of value */
    const char *text;    /* SAMEN_CELL_TEXT */
    long base;           /* cases a percentage, mean or alpha rests on; -1 for none */
    bool small_base;     /* base below the definition's small_base (default 10) */
} samen_table_cell;

int samen_tables_wave(const samen_tables *t);
size_t samen_tables_count(const samen_tables *t);
/* The index of the table called id, or -1. */
long samen_tables_find(const samen_tables *t, const char *id);
const char *samen_tables_id(const samen_tables *t, size_t table);
const char *samen_tables_title(const samen_tables *t, size_t table);
size_t samen_tables_ncols(const samen_tables *t, size_t table);
size_t samen_tables_nrows(const samen_tables *t, size_t table);
const char *samen_tables_col_id(const samen_tables *t, size_t table, size_t col);
const char *samen_tables_col_label(const samen_tables *t, size_t table, size_t col);
const char *samen_tables_row_id(const samen_tables *t, size_t table, size_t row);
const char *samen_tables_row_label(const samen_tables *t, size_t table, size_t row);
/* The cell; out of range gives an empty cell. */
samen_table_cell samen_tables_cell(const samen_tables *t, size_t table, size_t row, size_t col);
/* The notes and the wave-comparison caveats of a table (sentences). */
size_t samen_tables_nnotes(const samen_tables *t, size_t table);
const char *samen_tables_note(const samen_tables *t, size_t table, size_t i);
size_t samen_tables_ncaveats(const samen_tables *t, size_t table);
const char *samen_tables_caveat(const samen_tables *t, size_t table, size_t i);

/* Looks a cell up by table, row and column id: SAMEN_ENOTFOUND when one of
 * them does not exist. */
samen_status samen_tables_lookup(const samen_tables *t, const char *table, const char *row,
                                 const char *col, samen_table_cell *out);

/* ---- Rendering ------------------------------------------------------------ */

/* True when format names a renderer ("json", "csv", "xlsx"); *binary (may
 * be NULL) tells whether it must write to a file rather than a stream. */
bool samen_tables_format_known(const char *format, bool *binary);

/* Renders t in format: to the stream out (the caller keeps it) for text
 * formats, or to the file at path for binary ones (path may also be given
 * for text formats, then out is ignored). Labels are in t's language.
 * SAMEN_EINVAL for an unknown format, SAMEN_EIO when writing fails. */
samen_status samen_tables_write(const samen_tables *t, const char *format, FILE *out,
                                const char *path, samen_diag *d);

#endif
