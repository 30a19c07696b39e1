/* cond.h - routing conditions of instruments (grammar in docs/INSTRUMENT.md).
 *
 * Written by hand: the language is a dozen tokens, and no maintained C
 * library parses this kind of small boolean expression while resolving names
 * against a questionnaire and reporting the column of an error.
 */
#ifndef SAMEN_MODEL_COND_H
#define SAMEN_MODEL_COND_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/status.h"
#include "samen/vocab.h"
#include "util/arena.h"

typedef struct cond cond;

/* How names in a condition are resolved. */
typedef struct cond_env {
    void *ctx;
    /* Index of the variable called name, or -1. */
    long (*lookup_var)(void *ctx, const char *name);
    /* True when the variable holds free text (not comparable). */
    bool (*var_is_text)(void *ctx, long var);
} cond_env;

#define COND_MAX_LENGTH 2000
#define COND_MAX_DEPTH 32

/* Parses src. On success *out is a condition allocated in a (owned by a).
 * On failure returns SAMEN_EPARSE with a message in err and the 0-based byte
 * offset of the problem in *errpos. */
samen_status cond_parse(arena *a, const char *src, const cond_env *env, cond **out, char *err,
                        size_t errcap, size_t *errpos);

/* Evaluates c. attr holds the situation, sector and governance values
 * (-1 unknown); values holds one double per variable, NAN when unanswered. */
bool cond_eval(const cond *c, const int *attr, const double *values);

/* Writes up to cap variable indexes that c refers to into out; returns how
 * many c refers to (may exceed cap). */
size_t cond_var_refs(const cond *c, long *out, size_t cap);

#endif
