/* samen/study.h - a study: a directory with its definition (study.yaml),
 * schools (schools.csv) and one instrument per wave (docs/STUDY.md).
 *
 * samen_study_load() reads and validates everything at once and reports
 * every problem with file:line:column. A loaded study is read-only.
 */
#ifndef SAMEN_STUDY_H
#define SAMEN_STUDY_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/diag.h"
#include "samen/instrument.h"
#include "samen/status.h"
#include "samen/vocab.h"

typedef struct samen_study samen_study;

typedef struct samen_region_info {
    const char *code;       /* "A", "G-PO", "PO2707" */
    const char *name;
    int sector;             /* samen_sector: po or vo */
    int governance;         /* samen_governance */
    int situation;          /* samen_situation */
    const char *pair;       /* pairing letter of a po-vo region, or NULL */
} samen_region_info;

typedef struct samen_school_info {
    const char *brin;       /* 6-character BRIN vestiging code */
    const char *name;
    const char *email;      /* may be "" */
    int sector;             /* samen_sector */
    size_t region;          /* index into the study's regions */
} samen_school_info;

typedef struct samen_wave_info {
    int year;
    const char *instrument_file;          /* relative to the study directory */
    const samen_instrument *instrument;   /* owned by the study */
} samen_wave_info;

#define SAMEN_STUDY_FILE "study.yaml"
#define SAMEN_SCHOOLS_MAX_BYTES (64u * 1024u * 1024u)

/* Loads the study in directory dir (the caller keeps dir). On success *out
 * is a new study; free with samen_study_destroy(). Problems go to d. */
samen_status samen_study_load(const char *dir, samen_study **out, samen_diag *d);

/* Frees s; accepts NULL. */
void samen_study_destroy(samen_study *s);

/* Creates a new study directory dir with the standard layout and a
 * study.yaml to fill in. Fails with SAMEN_EEXIST when dir holds a study. */
samen_status samen_study_init(const char *dir, samen_diag *d);

const char *samen_study_dir(const samen_study *s);
const char *samen_study_id(const samen_study *s);
const char *samen_study_name(const samen_study *s, const char *lang);
bool samen_study_synthetic(const samen_study *s);

size_t samen_study_nwaves(const samen_study *s);
const samen_wave_info *samen_study_wave(const samen_study *s, size_t i);
/* The wave of year year, or NULL. */
const samen_wave_info *samen_study_find_wave(const samen_study *s, int year);

size_t samen_study_nregions(const samen_study *s);
const samen_region_info *samen_study_region(const samen_study *s, size_t i);
long samen_study_find_region(const samen_study *s, const char *code);

/* Schools are kept sorted by BRIN code. */
size_t samen_study_nschools(const samen_study *s);
const samen_school_info *samen_study_school(const samen_study *s, size_t i);
long samen_study_find_school(const samen_study *s, const char *brin);

/* True when code is a well-formed BRIN vestiging code (two digits, two
 * capital letters, two digits). */
bool samen_brin_valid(const char *code);

#endif
