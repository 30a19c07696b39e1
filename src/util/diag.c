/* diag.c - bounded list of user-facing diagnostics (samen/diag.h). */
#include "samen/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define DIAG_MESSAGE_MAX 512

struct samen_diag {
    size_t max_items;
    size_t count;   /* all problems added */
    size_t kept;    /* problems stored in items */
    char (*items)[DIAG_MESSAGE_MAX];
};

samen_diag *samen_diag_create(size_t max_items)
{
    samen_diag *d = calloc(1, sizeof *d);
    if (d == NULL)
        return NULL;
    if (max_items == 0)
        max_items = 1;
    d->items = calloc(max_items, sizeof *d->items);
    if (d->items == NULL) {
        free(d);
        return NULL;
    }
    d->max_items = max_items;
    return d;
}

void samen_diag_destroy(samen_diag *d)
{
    if (d == NULL)
        return;
    free(d->items);
    free(d);
}

void samen_diag_add(samen_diag *d, const char *file, long line, long column,
                    const char *fmt, ...)
{
    if (d == NULL)
        return;
    d->count++;
    if (d->kept >= d->max_items)
        return;
    char *out = d->items[d->kept++];
    size_t cap = DIAG_MESSAGE_MAX;
    int n;
    if (file != NULL && line > 0 && column > 0)
        n = snprintf(out, cap, "%s:%ld:%ld: ", file, line, column);
    else if (file != NULL && line > 0)
        n = snprintf(out, cap, "%s:%ld: ", file, line);
    else if (file != NULL)
        n = snprintf(out, cap, "%s: ", file);
    else
        n = 0;
    if (n < 0 || (size_t)n >= cap)
        n = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out + n, cap - (size_t)n, fmt, ap);
    va_end(ap);
}

size_t samen_diag_count(const samen_diag *d)
{
    return d == NULL ? 0 : d->count;
}

const char *samen_diag_message(const samen_diag *d, size_t i)
{
    if (d == NULL || i >= d->kept)
        return NULL;
    return d->items[i];
}

void samen_diag_print(const samen_diag *d, FILE *f)
{
    if (d == NULL)
        return;
    for (size_t i = 0; i < d->kept; i++)
        fprintf(f, "%s\n", d->items[i]);
    if (d->count > d->kept)
        fprintf(f, "... and %zu more problem(s) not shown\n", d->count - d->kept);
}

void samen_diag_clear(samen_diag *d)
{
    if (d == NULL)
        return;
    d->count = 0;
    d->kept = 0;
}
