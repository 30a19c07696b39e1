/* buf.c - growable byte buffer with a hard cap (util/buf.h). */
#include "util/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(buf *b, size_t max)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max;
}

void buf_free(buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void buf_reset(buf *b)
{
    b->len = 0;
    if (b->data != NULL)
        b->data[0] = '\0';
}

static samen_status buf_reserve(buf *b, size_t extra)
{
    if (extra > b->max || b->len > b->max - extra)
        return SAMEN_ETOOBIG;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return SAMEN_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (p == NULL)
        return SAMEN_ENOMEM;
    b->data = p;
    b->cap = cap;
    return SAMEN_OK;
}

samen_status buf_append(buf *b, const void *data, size_t len)
{
    samen_status st = buf_reserve(b, len);
    if (st != SAMEN_OK)
        return st;
    if (len > 0)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return SAMEN_OK;
}

samen_status buf_append_str(buf *b, const char *s)
{
    return buf_append(b, s, strlen(s));
}

samen_status buf_append_char(buf *b, char c)
{
    return buf_append(b, &c, 1);
}

samen_status buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return SAMEN_EINTERNAL;
    samen_status st = buf_reserve(b, (size_t)n);
    if (st != SAMEN_OK)
        return st;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return SAMEN_OK;
}

const char *buf_str(const buf *b)
{
    return b->data != NULL ? b->data : "";
}

char *buf_take(buf *b)
{
    char *p = b->data;
    if (p == NULL) {
        p = malloc(1);
        if (p != NULL)
            p[0] = '\0';
    }
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    return p;
}
