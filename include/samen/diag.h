/* samen/diag.h - diagnostics: a bounded list of user-facing problems, each
 * naming the file, line and column (or the field) it is about.
 *
 * Validators and importers add every problem they find and go on, so a user
 * sees all of them at once; the list keeps at most max_items messages and
 * counts the rest. Messages are formatted "file:line:column: text", with the
 * line and column left out when 0.
 */
#ifndef SAMEN_DIAG_H
#define SAMEN_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef struct samen_diag samen_diag;

/* Returns a new empty list keeping at most max_items messages, or NULL when
 * out of memory; free with samen_diag_destroy(). */
samen_diag *samen_diag_create(size_t max_items);

/* Frees d; accepts NULL. */
void samen_diag_destroy(samen_diag *d);

/* Adds one problem. file may be NULL; line and column are 1-based, 0 when
 * unknown. The caller keeps file and fmt. Accepts d == NULL (drops it). */
void samen_diag_add(samen_diag *d, const char *file, long line, long column,
                    const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Number of problems added, including those not kept. */
size_t samen_diag_count(const samen_diag *d);

/* The i-th kept message, or NULL when i is out of range. d keeps it. */
const char *samen_diag_message(const samen_diag *d, size_t i);

/* Writes every kept message on its own line to f, then a line saying how
 * many were not kept, if any. */
void samen_diag_print(const samen_diag *d, FILE *f);

/* Removes all problems. */
void samen_diag_clear(samen_diag *d);

#endif
