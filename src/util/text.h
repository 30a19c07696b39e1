/* text.h - small string and number helpers used across libsamen.
 * All parsers here are strict: the whole string must be consumed. */
#ifndef SAMEN_UTIL_TEXT_H
#define SAMEN_UTIL_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Returns a new copy of s (free with free()), or NULL when s is NULL or
 * memory runs out. */
char *text_dup(const char *s);

/* Returns a new copy of the first n bytes of s, NUL-terminated. */
char *text_ndup(const char *s, size_t n);

/* Parses a decimal integer (optional sign, no spaces). */
bool text_parse_long(const char *s, long *out);

/* Parses a finite decimal number ("3", "-2.5", "1e3"; not "nan", "inf",
 * hex or a comma decimal). */
bool text_parse_double(const char *s, double *out);

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
bool text_is_utf8(const char *s, size_t len);

/* Number of code points in the UTF-8 string s. */
size_t text_utf8_length(const char *s);

/* ASCII case-insensitive equality. */
bool text_ieq(const char *a, const char *b);

/* Copies src into dst of size cap, truncating at a UTF-8 character
 * boundary; always NUL-terminates when cap > 0. */
void text_copy(char *dst, size_t cap, const char *src);

#endif
