/* buf.h - growable byte buffer with a hard cap (after curl's dynbuf).
 *
 * Every buffer fed by untrusted input is created with a maximum size; an
 * append that would pass it fails with SAMEN_ETOOBIG and leaves the buffer
 * as it was. The content is always NUL-terminated.
 */
#ifndef SAMEN_UTIL_BUF_H
#define SAMEN_UTIL_BUF_H

#include <stddef.h>

#include "samen/status.h"

typedef struct buf {
    char *data;     /* owned; NULL until the first append */
    size_t len;
    size_t cap;
    size_t max;     /* largest len allowed */
} buf;

/* Initialises b as empty with the given maximum length. */
void buf_init(buf *b, size_t max);

/* Frees b's storage and makes it empty. */
void buf_free(buf *b);

/* Empties b, keeping its storage. */
void buf_reset(buf *b);

samen_status buf_append(buf *b, const void *data, size_t len);
samen_status buf_append_str(buf *b, const char *s);
samen_status buf_append_char(buf *b, char c);
samen_status buf_printf(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Returns b's content (never NULL; "" when empty). b keeps it. */
const char *buf_str(const buf *b);

/* Hands b's storage to the caller (free with free()) and empties b.
 * Returns NULL when out of memory. */
char *buf_take(buf *b);

#endif
