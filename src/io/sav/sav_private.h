/* sav_private.h - shared parts of the SPSS folder: the dictionary of an
 * export (written as a .sav by sav_write.c and as syntax by sps_write.c)
 * and the reader over a buffer (sav_read.c), which the importer and the
 * fuzz target drive.
 *
 * SPSS limits the dictionary keeps to (ReadStat 1.1.8 cuts by bytes, so
 * samen cuts first, at a character boundary):
 *  - a variable label holds at most 256 bytes, a value label 120, the file
 *    label 64;
 *  - a numeric variable has at most three discrete user-missing values, or
 *    one range plus one discrete value;
 *  - a string is sized in bytes (1..32767).
 */
#ifndef SAMEN_IO_SAV_PRIVATE_H
#define SAMEN_IO_SAV_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/diag.h"
#include "samen/instrument.h"
#include "samen/interchange.h"
#include "samen/status.h"
#include "samen/study.h"

#define SAV_VAR_LABEL_MAX 256
#define SAV_VALUE_LABEL_MAX 120
#define SAV_FILE_LABEL_MAX 64
#define SAV_STRING_MAX 32767
#define SAV_MAX_VARS 20000
#define SAV_MAX_CASES 2000000L
#define SAV_MAX_LABELS 200000

typedef enum sav_measure { SAV_NOMINAL, SAV_ORDINAL, SAV_SCALE } sav_measure;

/* The user-missing values of a numeric variable, in SPSS's shape. */
typedef struct sav_missing {
    int ndiscrete;          /* 0..3 (0..1 with a range) */
    double discrete[3];
    bool has_range;
    double lo, hi;
} sav_missing;

typedef struct sav_value_label {
    double value;
    char label[SAV_VALUE_LABEL_MAX + 1];
} sav_value_label;

/* The columns an export writes before the instrument's variables. */
typedef enum sav_lead {
    SAV_LEAD_BRIN,
    SAV_LEAD_RESPONDENT,
    SAV_LEAD_REGION,
    SAV_LEAD_SITUATION,
    SAV_LEAD_SECTOR,
    SAV_LEAD_NONE           /* an instrument variable */
} sav_lead;

typedef struct sav_var {
    const char *name;       /* owned by the instrument, or static */
    char label[SAV_VAR_LABEL_MAX + 1];
    sav_lead lead;
    long inst_var;          /* instrument variable index, or -1 */
    bool is_string;
    size_t width;           /* strings: bytes, set by the writer from the data */
    sav_measure measure;
    int decimals;           /* numeric display: F8.<decimals> or F12.<decimals> */
    size_t nlabels;
    sav_value_label *labels;
    sav_missing missing;
} sav_var;

typedef struct sav_dict {
    char file_label[SAV_FILE_LABEL_MAX + 1];
    size_t nvars;
    sav_var *vars;
} sav_dict;

/* Builds the dictionary of wave's export (opt may be NULL). On success *out
 * is new; free with sav_dict_destroy(). Fails with SAMEN_EUNSUPPORTED
 * (reported to d) when a variable's non-substantive codes do not fit SPSS's
 * missing values. */
samen_status sav_dict_build(const samen_study *s, int wave, const samen_export_options *opt,
                            sav_dict **out, samen_diag *d);

void sav_dict_destroy(sav_dict *dict);

/* Works out how the non-substantive codes of v fit SPSS's user-missing
 * values (sav_dict.c, rule 5); false when they do not. */
bool sav_missing_fit(const samen_var_info *v, sav_missing *m);

/* Copies src into out (cap bytes) cut to at most max bytes, never inside a
 * UTF-8 character. */
void sav_cut(char *out, size_t cap, const char *src, size_t max);

/* ---- reading ------------------------------------------------------------- */

typedef enum sav_kind { SAV_KIND_UNKNOWN, SAV_KIND_SAV, SAV_KIND_POR } sav_kind;

/* Tells a system file ($FL2, $FL3: .sav, .zsav) from a portable file
 * (SPSSPORT) by the first bytes of data. */
sav_kind sav_kind_of(const char *data, size_t len);

typedef struct sav_column {
    const char *name;
    bool is_string;
    size_t nlabels;             /* numeric value labels: values and their labels */
    const double *label_values;
    char *const *labels;
} sav_column;

/* Where the reader delivers what it reads. columns is called once, before
 * the first case (also for a file without cases); row once per case with
 * every cell as text: numbers in shortest round-trip decimal, system-missing
 * and empty strings as "", strings without trailing blanks. Everything is
 * valid during the call only. A status other than SAMEN_OK stops the
 * reading and is returned. */
typedef struct sav_sink {
    samen_status (*columns)(void *ctx, size_t n, const sav_column *cols);
    samen_status (*row)(void *ctx, long case_number, size_t n, char *const *cells);
    void *ctx;
} sav_sink;

/* Reads the SPSS file in data[0..len) (the caller keeps it), named name in
 * messages, into sink. A file ReadStat cannot parse is reported to d and
 * returned as SAMEN_EPARSE; more than SAV_MAX_VARS variables or
 * SAV_MAX_CASES cases or SAV_MAX_LABELS value labels as SAMEN_ETOOBIG. */
samen_status sav_read_buffer(const char *data, size_t len, const char *name,
                             const sav_sink *sink, samen_diag *d);

#endif
