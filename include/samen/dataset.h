/* samen/dataset.h - the in-memory dataset the statistics work on:
 * variables x cases, stored column by column.
 *
 * A column holds either compact integer codes (int16_t, the usual survey
 * answer) or doubles. System-missing (no answer) is SAMEN_SYSMIS_CODE in a
 * code column and NAN in a number column. Declared non-substantive answers
 * ("weet niet", "geen zicht op") are ordinary values that the variable lists
 * as user-missing: statistics count them apart from valid values. Value
 * labels belong to the variable.
 */
#ifndef SAMEN_DATASET_H
#define SAMEN_DATASET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "samen/status.h"

#define SAMEN_SYSMIS_CODE INT16_MIN
#define SAMEN_DATASET_MAX_MISSING 8
#define SAMEN_DATASET_MAX_VARS 100000

typedef struct samen_dataset samen_dataset;

typedef enum samen_column_kind { SAMEN_COLUMN_CODE, SAMEN_COLUMN_NUMBER } samen_column_kind;

typedef struct samen_value_label {
    double value;
    const char *label;
} samen_value_label;

/* Returns a new empty dataset with room for ncases cases (all missing);
 * free with samen_dataset_destroy(). NULL when out of memory. */
samen_dataset *samen_dataset_create(size_t ncases);

/* Frees ds; accepts NULL. */
void samen_dataset_destroy(samen_dataset *ds);

/* Adds a variable (all cases missing) and sets *index. Names are unique
 * (ASCII case-insensitive): SAMEN_EEXIST otherwise. The caller keeps name. */
samen_status samen_dataset_add_var(samen_dataset *ds, const char *name, samen_column_kind kind,
                                   size_t *index);

/* Adds a variable whose values are already in memory and sets *index:
 * data holds ncases int16_t codes (SAMEN_COLUMN_CODE, SAMEN_SYSMIS_CODE for
 * missing) or doubles (SAMEN_COLUMN_NUMBER, NAN for missing), allocated
 * with malloc. Takes ownership of data, also on failure. */
samen_status samen_dataset_adopt_var(samen_dataset *ds, const char *name, samen_column_kind kind,
                                     void *data, size_t *index);

size_t samen_dataset_ncases(const samen_dataset *ds);
size_t samen_dataset_nvars(const samen_dataset *ds);
const char *samen_dataset_var_name(const samen_dataset *ds, size_t var);
samen_column_kind samen_dataset_var_kind(const samen_dataset *ds, size_t var);
/* Index of the variable called name, or -1. */
long samen_dataset_find_var(const samen_dataset *ds, const char *name);

/* The variable's label (NULL when none) and setting it (copied). */
const char *samen_dataset_var_label(const samen_dataset *ds, size_t var);
samen_status samen_dataset_set_var_label(samen_dataset *ds, size_t var, const char *label);

/* Value labels: adding one (label copied; a second label for the same value
 * replaces the first), and reading them in the order added. */
samen_status samen_dataset_add_value_label(samen_dataset *ds, size_t var, double value,
                                           const char *label);
size_t samen_dataset_nvalue_labels(const samen_dataset *ds, size_t var);
const samen_value_label *samen_dataset_value_label(const samen_dataset *ds, size_t var, size_t i);
/* The label of value, or NULL. */
const char *samen_dataset_label_of(const samen_dataset *ds, size_t var, double value);

/* User-missing (non-substantive) values of a variable: at most
 * SAMEN_DATASET_MAX_MISSING. */
samen_status samen_dataset_add_missing(samen_dataset *ds, size_t var, double value);
bool samen_dataset_is_user_missing(const samen_dataset *ds, size_t var, double value);
size_t samen_dataset_nmissing(const samen_dataset *ds, size_t var);
double samen_dataset_missing_value(const samen_dataset *ds, size_t var, size_t i);

/* Sets a value; NAN sets system-missing. A code column takes whole numbers
 * in -32767..32767 only (SAMEN_EINVAL otherwise). */
samen_status samen_dataset_set(samen_dataset *ds, size_t var, size_t c, double value);

/* The value of case c (NAN when system-missing). */
double samen_dataset_get(const samen_dataset *ds, size_t var, size_t c);

/* True when the value is neither system- nor user-missing. */
bool samen_dataset_is_valid(const samen_dataset *ds, size_t var, size_t c);

/* Direct column access for fast loops: the codes of a code column or the
 * numbers of a number column (NULL for the other kind). ds keeps them. */
const int16_t *samen_dataset_codes(const samen_dataset *ds, size_t var);
const double *samen_dataset_numbers(const samen_dataset *ds, size_t var);

#endif
