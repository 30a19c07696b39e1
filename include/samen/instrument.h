/* samen/instrument.h - a questionnaire as data (docs/INSTRUMENT.md).
 *
 * An instrument is loaded from a YAML file and validated as a whole: every
 * problem is reported with file:line:column. Once loaded it is read-only and
 * answers three questions for the rest of samen: which variables exist and
 * what values they take (samen_instrument_check_value), which questions a
 * respondent is asked given the school and earlier answers
 * (samen_instrument_asked), and how texts read for a situation and language
 * (samen_instrument_render).
 */
#ifndef SAMEN_INSTRUMENT_H
#define SAMEN_INSTRUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/diag.h"
#include "samen/status.h"
#include "samen/vocab.h"

typedef enum samen_qtype {
    SAMEN_Q_CONSENT,
    SAMEN_Q_SINGLE,
    SAMEN_Q_MULTI,
    SAMEN_Q_GRID,
    SAMEN_Q_RATING,
    SAMEN_Q_NUMBER,
    SAMEN_Q_TEXT,
    SAMEN_Q_COUNT
} samen_qtype;

/* Returns the type's name as written in instrument files ("grid", ...). */
const char *samen_qtype_name(samen_qtype t);

typedef struct samen_instrument samen_instrument;

/* A labelled answer code. */
typedef struct samen_answer_option {
    int code;
    const char *label_nl;
    const char *label_en;   /* NULL when the file gives none */
    bool nonsubstantive;    /* "weet niet", "geen zicht op", "n.v.t." */
} samen_answer_option;

/* One variable (a column of the analysis file). Owned by the instrument. */
typedef struct samen_var_info {
    const char *name;
    samen_qtype type;          /* type of the question it belongs to */
    size_t question;           /* index of that question */
    const char *label_nl;      /* item or option label, else the question text */
    const char *label_en;
    bool has_range;            /* rating, rating grid, number */
    double min, max;
    bool integer;              /* only whole numbers */
    size_t noptions;           /* labelled codes (single, grid, rating, consent) */
    const samen_answer_option *options;
    size_t max_length;         /* text: code points */
} samen_var_info;

typedef struct samen_question_info {
    const char *id;
    samen_qtype type;
    size_t section;
    const char *section_id;
    const char *text_nl;
    const char *text_en;
    size_t first_var;          /* its variables are first_var .. first_var+nvars-1 */
    size_t nvars;
    bool reconstructed;
    const char *when;          /* its own condition's source text, or NULL */
    const char *section_when;  /* its section's condition, or NULL */
} samen_question_info;

typedef struct samen_scale_info {
    const char *id;
    const char *label_nl;
    const char *label_en;
    size_t nitems;
    const size_t *items;       /* variable indexes */
    const bool *reverse;       /* per item */
    size_t min_items;
    double min, max;
} samen_scale_info;

/* What routing is decided on: the school's attributes and the answers so
 * far, one double per variable (NAN when unanswered; for text variables any
 * non-NAN value means answered). */
typedef struct samen_answers {
    int attr[SAMEN_ATTR_COUNT];  /* situation, sector, governance values, -1 unknown */
    const double *values;
} samen_answers;

/* Loads and validates the instrument at path; name is used in messages (the
 * caller keeps both). On success *out is a new instrument, free with
 * samen_instrument_destroy(). Every problem is added to d; on any problem
 * the status is SAMEN_EVALIDATE (or EPARSE/ENOTFOUND) and *out is unset. */
samen_status samen_instrument_load(const char *path, const char *name, samen_instrument **out,
                                   samen_diag *d);

/* The same from a buffer of len bytes. */
samen_status samen_instrument_load_buffer(const char *data, size_t len, const char *name,
                                          samen_instrument **out, samen_diag *d);

/* Frees inst; accepts NULL. */
void samen_instrument_destroy(samen_instrument *inst);

const char *samen_instrument_id(const samen_instrument *inst);
const char *samen_instrument_version(const samen_instrument *inst);
int samen_instrument_wave(const samen_instrument *inst);
const char *samen_instrument_title(const samen_instrument *inst, const char *lang);

size_t samen_instrument_nvars(const samen_instrument *inst);
const samen_var_info *samen_instrument_var(const samen_instrument *inst, size_t i);

/* Index of the variable named name (ASCII case-insensitive), or -1. */
long samen_instrument_find_var(const samen_instrument *inst, const char *name);

size_t samen_instrument_nquestions(const samen_instrument *inst);
const samen_question_info *samen_instrument_question(const samen_instrument *inst, size_t i);

size_t samen_instrument_nsections(const samen_instrument *inst);
/* The section's id and title in lang. */
const char *samen_instrument_section_id(const samen_instrument *inst, size_t i);
const char *samen_instrument_section_title(const samen_instrument *inst, size_t i,
                                           const char *lang);

size_t samen_instrument_nscales(const samen_instrument *inst);
const samen_scale_info *samen_instrument_scale(const samen_instrument *inst, size_t i);

/* Checks a raw answer text for variable var. An empty text is "no answer":
 * returns OK with *value NAN. Otherwise returns OK and the numeric value
 * (for text variables: 0) or SAMEN_EINVAL with a reason in why. */
samen_status samen_instrument_check_value(const samen_instrument *inst, size_t var,
                                          const char *text, double *value, char *why,
                                          size_t why_cap);

/* True when code is a declared non-substantive answer of var. */
bool samen_instrument_is_nonsubstantive(const samen_instrument *inst, size_t var, double value);

/* True when question q is asked of a respondent with answers a: its own and
 * its section's conditions hold, and consent (if the instrument asks for it
 * before q) was given. */
bool samen_instrument_asked(const samen_instrument *inst, size_t q, const samen_answers *a);

/* Writes text with its {placeholders} filled in for situation into out (cap
 * bytes, truncated at a character boundary). lang is "nl" or "en". */
void samen_instrument_render(const samen_instrument *inst, const char *text, int situation,
                             const char *lang, char *out, size_t cap);

#endif
