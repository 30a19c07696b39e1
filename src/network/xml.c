/* xml.c - the small XML reader behind GraphML import (network/xml.h).
 *
 * A recursive-descent reader over a buffer, after the grammar of XML 1.0
 * (W3C, fifth edition), productions 1 (document), 39-44 (elements, tags,
 * attributes), 14 and 18-21 (character data, CDATA), 66-68 (references),
 * 15-16 (comments, PIs) and 28 (DOCTYPE, external only). It stops at the
 * first error and names its line and column (columns count characters).
 * Everything it allocates lives in one arena.
 */
#include "network/xml.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/text.h"

struct netxml_doc {
    arena *a;
    netxml_node *root;
};

typedef struct parser {
    const char *p, *end;
    long line, col;
    const char *name;
    samen_diag *d;
    arena *a;
    size_t elements;
    samen_status st;   /* SAMEN_OK until the first error */
} parser;

static void fail(parser *P, samen_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void fail(parser *P, samen_status st, const char *fmt, ...)
{
    if (P->st != SAMEN_OK)
        return;
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    samen_diag_add(P->d, P->name, P->line, P->col, "%s", msg);
    P->st = st;
}

/* fail() at an earlier position. */
#define fail_at(P, line_, col_, ...)                                               \
    do {                                                                        \
        (P)->line = (line_);                                                    \
        (P)->col = (col_);                                                      \
        fail((P), __VA_ARGS__);                                                 \
    } while (0)

static bool ok(const parser *P)
{
    return P->st == SAMEN_OK;
}

static int peek(const parser *P)
{
    return P->p < P->end ? (unsigned char)*P->p : -1;
}

static void adv(parser *P)
{
    if (P->p >= P->end)
        return;
    unsigned char c = (unsigned char)*P->p++;
    if (c == '\n') {
        P->line++;
        P->col = 1;
    } else if ((c & 0xc0) != 0x80) {
        P->col++;
    }
}

static void adv_n(parser *P, size_t n)
{
    while (n-- > 0)
        adv(P);
}

static bool starts(const parser *P, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(P->end - P->p) >= n && memcmp(P->p, s, n) == 0;
}

static bool is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void skip_space(parser *P)
{
    while (is_space(peek(P)))
        adv(P);
}

static bool name_start(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' || c >= 0x80;
}

static bool name_char(int c)
{
    return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* A Name (production 5), as a new arena string. */
static char *parse_name(parser *P)
{
    const char *s = P->p;
    if (!name_start(peek(P))) {
        fail(P, SAMEN_EPARSE, "expected a name");
        return NULL;
    }
    while (name_char(peek(P)))
        adv(P);
    char *n = arena_alloc(P->a, (size_t)(P->p - s) + 1);
    if (n == NULL) {
        fail(P, SAMEN_ENOMEM, "out of memory");
        return NULL;
    }
    memcpy(n, s, (size_t)(P->p - s));
    return n;
}

static const char *local_name(const char *qname)
{
    const char *c = strchr(qname, ':');
    return c != NULL ? c + 1 : qname;
}

static void append(parser *P, buf *b, const char *s, size_t n)
{
    samen_status st = buf_append(b, s, n);
    if (st != SAMEN_OK)
        fail(P, st, st == SAMEN_ETOOBIG ? "text too long" : "out of memory");
}

/* Encodes code point c as UTF-8 into b. */
static void put_utf8(parser *P, buf *b, unsigned long c)
{
    char u[4];
    size_t n;
    if (c < 0x80) {
        u[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xc0 | (c >> 6));
        u[1] = (char)(0x80 | (c & 0x3f));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xe0 | (c >> 12));
        u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        u[2] = (char)(0x80 | (c & 0x3f));
        n = 3;
    } else {
        u[0] = (char)(0xf0 | (c >> 18));
        u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        u[3] = (char)(0x80 | (c & 0x3f));
        n = 4;
    }
    append(P, b, u, n);
}

/* A reference (production 67) at '&', resolved into b. */
static void parse_reference(parser *P, buf *b)
{
    static const struct {
        const char *name, *value;
    } predefined[] = {{"lt;", "<"}, {"gt;", ">"}, {"amp;", "&"}, {"quot;", "\""}, {"apos;", "'"}};
    long line = P->line, col = P->col;   /* problems are reported at the '&' */
    adv(P);
    if (peek(P) == '#') {
        adv(P);
        int base = 10;
        if (peek(P) == 'x') {
            base = 16;
            adv(P);
        }
        unsigned long c = 0;
        int digits = 0;
        for (;;) {
            int ch = peek(P), v;
            if (ch >= '0' && ch <= '9')
                v = ch - '0';
            else if (base == 16 && ch >= 'a' && ch <= 'f')
                v = ch - 'a' + 10;
            else if (base == 16 && ch >= 'A' && ch <= 'F')
                v = ch - 'A' + 10;
            else
                break;
            if (c > 0x10ffff) {
                fail_at(P, line, col, SAMEN_EPARSE, "character reference out of range");
                return;
            }
            c = c * (unsigned long)base + (unsigned long)v;
            digits++;
            adv(P);
        }
        if (digits == 0 || peek(P) != ';') {
            fail_at(P, line, col, SAMEN_EPARSE, "malformed character reference");
            return;
        }
        adv(P);
        bool allowed = c == 0x9 || c == 0xa || c == 0xd || (c >= 0x20 && c <= 0xd7ff) ||
                       (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
        if (!allowed) {
            fail_at(P, line, col, SAMEN_EPARSE,
                    "character reference to a character XML does not allow");
            return;
        }
        put_utf8(P, b, c);
        return;
    }
    for (size_t i = 0; i < sizeof predefined / sizeof predefined[0]; i++)
        if (starts(P, predefined[i].name)) {
            adv_n(P, strlen(predefined[i].name));
            append(P, b, predefined[i].value, 1);
            return;
        }
    fail_at(P, line, col, SAMEN_EPARSE,
            "unknown entity (only &lt; &gt; &amp; &quot; &apos; and &#...; are "
            "read)");
}

/* Skips a comment at "<!--". */
static void skip_comment(parser *P)
{
    adv_n(P, 4);
    while (ok(P) && !starts(P, "-->")) {
        if (P->p >= P->end) {
            fail(P, SAMEN_EPARSE, "unterminated comment");
            return;
        }
        adv(P);
    }
    adv_n(P, 3);
}

/* Whether the quoted value at s is name (ASCII case-insensitive). */
static bool encoding_is(const char *s, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != name[i])
            return false;
    }
    return s[n] == '"' || s[n] == '\'';
}

/* Skips a processing instruction or the XML declaration at "<?". The
 * declaration's encoding must be UTF-8 (or ASCII). */
static void skip_pi(parser *P)
{
    const char *s = P->p;
    long line = P->line, col = P->col;
    adv_n(P, 2);
    while (ok(P) && !starts(P, "?>")) {
        if (P->p >= P->end) {
            fail(P, SAMEN_EPARSE, "unterminated processing instruction");
            return;
        }
        adv(P);
    }
    size_t n = (size_t)(P->p - s);
    adv_n(P, 2);
    if (n >= 5 && memcmp(s, "<?xml", 5) == 0 && (n == 5 || is_space((unsigned char)s[5]))) {
        char decl[512] = "";
        if (n < sizeof decl) {
            memcpy(decl, s, n);
            decl[n] = '\0';
        }
        const char *enc = strstr(decl, "encoding");
        if (enc != NULL) {
            const char *q = strpbrk(enc, "\"'");
            if (q != NULL && !(encoding_is(q + 1, "utf-8") || encoding_is(q + 1, "utf8") ||
                               encoding_is(q + 1, "us-ascii"))) {
                P->line = line;
                P->col = col;
                fail(P, SAMEN_EUNSUPPORTED, "only UTF-8 XML files are read");
            }
        }
    }
}

/* Skips a DOCTYPE at "<!DOCTYPE"; one with an internal subset is refused. */
static void skip_doctype(parser *P)
{
    adv_n(P, 9);
    char quote = 0;
    while (ok(P)) {
        int c = peek(P);
        if (c < 0) {
            fail(P, SAMEN_EPARSE, "unterminated DOCTYPE");
            return;
        }
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = (char)c;
        } else if (c == '[') {
            fail(P, SAMEN_EUNSUPPORTED, "a DOCTYPE with an internal subset is not read");
            return;
        } else if (c == '>') {
            adv(P);
            return;
        }
        adv(P);
    }
}

/* Skips whitespace, comments and PIs (production 27, Misc). */
static void skip_misc(parser *P)
{
    for (;;) {
        skip_space(P);
        if (!ok(P))
            return;
        if (starts(P, "<!--"))
            skip_comment(P);
        else if (starts(P, "<?"))
            skip_pi(P);
        else
            return;
    }
}

/* An attribute value (production 10) at the quote, normalized: entities
 * resolved, whitespace characters turned into spaces. */
static const char *parse_attr_value(parser *P, buf *b)
{
    int quote = peek(P);
    if (quote != '"' && quote != '\'') {
        fail(P, SAMEN_EPARSE, "an attribute value must be quoted");
        return NULL;
    }
    adv(P);
    buf_reset(b);
    while (ok(P)) {
        int c = peek(P);
        if (c < 0) {
            fail(P, SAMEN_EPARSE, "unterminated attribute value");
            return NULL;
        }
        if (c == quote) {
            adv(P);
            break;
        }
        if (c == '<') {
            fail(P, SAMEN_EPARSE, "'<' in an attribute value");
            return NULL;
        }
        if (c == '&') {
            parse_reference(P, b);
            continue;
        }
        if (c == '\r' && P->p + 1 < P->end && P->p[1] == '\n') {
            adv(P);
            continue;
        }
        append(P, b, is_space(c) ? " " : P->p, 1);
        adv(P);
    }
    if (!ok(P))
        return NULL;
    char *v = arena_strdup(P->a, buf_str(b));
    if (v == NULL)
        fail(P, SAMEN_ENOMEM, "out of memory");
    return v;
}

static netxml_node *parse_element(parser *P, int depth);

/* Content (production 43) of node up to its end tag for qname. */
static void parse_content(parser *P, netxml_node *node, const char *qname, int depth)
{
    buf text;
    buf_init(&text, NETXML_MAX_TEXT);
    netxml_node **tail = &node->child;
    while (ok(P)) {
        int c = peek(P);
        if (c < 0) {
            fail(P, SAMEN_EPARSE, "element <%s> is not closed", qname);
            break;
        }
        if (c == '<') {
            if (starts(P, "</")) {
                adv_n(P, 2);
                long line = P->line, col = P->col;
                char *end = parse_name(P);
                if (!ok(P))
                    break;
                if (strcmp(end, qname) != 0) {
                    P->line = line;
                    P->col = col;
                    fail(P, SAMEN_EPARSE, "</%s> closes <%s>", end, qname);
                    break;
                }
                skip_space(P);
                if (peek(P) != '>')
                    fail(P, SAMEN_EPARSE, "expected '>'");
                adv(P);
                break;
            }
            if (starts(P, "<!--")) {
                skip_comment(P);
            } else if (starts(P, "<![CDATA[")) {
                adv_n(P, 9);
                const char *s = P->p;
                while (ok(P) && !starts(P, "]]>")) {
                    if (P->p >= P->end)
                        fail(P, SAMEN_EPARSE, "unterminated CDATA section");
                    adv(P);
                }
                if (ok(P)) {
                    append(P, &text, s, (size_t)(P->p - s));
                    adv_n(P, 3);
                }
            } else if (starts(P, "<?")) {
                skip_pi(P);
            } else if (starts(P, "<!")) {
                fail(P, SAMEN_EPARSE, "unexpected markup declaration");
            } else {
                netxml_node *child = parse_element(P, depth + 1);
                if (child != NULL) {
                    *tail = child;
                    tail = &child->next;
                }
            }
            continue;
        }
        if (c == '&') {
            parse_reference(P, &text);
            continue;
        }
        if (c == '\r') {
            adv(P);
            if (peek(P) != '\n')
                append(P, &text, "\n", 1);
            continue;
        }
        if (starts(P, "]]>")) {
            fail(P, SAMEN_EPARSE, "']]>' in character data");
            break;
        }
        append(P, &text, P->p, 1);
        adv(P);
    }
    if (ok(P)) {
        /* Leading and trailing whitespace is layout, not data. */
        const char *t = buf_str(&text);
        size_t n = text.len;
        while (n > 0 && is_space((unsigned char)*t)) {
            t++;
            n--;
        }
        while (n > 0 && is_space((unsigned char)t[n - 1]))
            n--;
        char *copy = arena_alloc(P->a, n + 1);
        if (copy == NULL)
            fail(P, SAMEN_ENOMEM, "out of memory");
        else
            memcpy(copy, t, n);
        node->text = copy;
    }
    buf_free(&text);
}

/* An element (production 39) at '<'. */
static netxml_node *parse_element(parser *P, int depth)
{
    if (depth > NETXML_MAX_DEPTH) {
        fail(P, SAMEN_ETOOBIG, "elements nested deeper than %d", NETXML_MAX_DEPTH);
        return NULL;
    }
    if (++P->elements > NETXML_MAX_ELEMENTS) {
        fail(P, SAMEN_ETOOBIG, "more than %d elements", NETXML_MAX_ELEMENTS);
        return NULL;
    }
    netxml_node *node = arena_alloc(P->a, sizeof *node);
    netxml_attr attrs[NETXML_MAX_ATTRS];
    if (node == NULL) {
        fail(P, SAMEN_ENOMEM, "out of memory");
        return NULL;
    }
    node->line = P->line;
    node->column = P->col;
    adv(P);
    char *qname = parse_name(P);
    if (!ok(P))
        return NULL;
    node->name = local_name(qname);
    buf value;
    buf_init(&value, NETXML_MAX_TEXT);
    for (;;) {
        bool space = is_space(peek(P));
        skip_space(P);
        int c = peek(P);
        if (c == '>' || c == '/' || c < 0 || !ok(P))
            break;
        if (!space) {
            fail(P, SAMEN_EPARSE, "expected a space between attributes");
            break;
        }
        long line = P->line, col = P->col;
        char *an = parse_name(P);
        if (!ok(P))
            break;
        skip_space(P);
        if (peek(P) != '=') {
            fail(P, SAMEN_EPARSE, "expected '=' after attribute %s", an);
            break;
        }
        adv(P);
        skip_space(P);
        const char *v = parse_attr_value(P, &value);
        if (!ok(P))
            break;
        if (strcmp(an, "xmlns") == 0 || strncmp(an, "xmlns:", 6) == 0)
            continue;
        const char *local = local_name(an);
        for (size_t i = 0; i < node->nattrs; i++)
            if (strcmp(attrs[i].name, local) == 0) {
                P->line = line;
                P->col = col;
                fail(P, SAMEN_EPARSE, "attribute %s given twice", an);
            }
        if (node->nattrs >= NETXML_MAX_ATTRS)
            fail(P, SAMEN_ETOOBIG, "more than %d attributes", NETXML_MAX_ATTRS);
        if (!ok(P))
            break;
        attrs[node->nattrs].name = local;
        attrs[node->nattrs].value = v;
        node->nattrs++;
    }
    buf_free(&value);
    if (ok(P) && node->nattrs > 0) {
        node->attrs = arena_alloc(P->a, node->nattrs * sizeof *node->attrs);
        if (node->attrs == NULL)
            fail(P, SAMEN_ENOMEM, "out of memory");
        else
            memcpy(node->attrs, attrs, node->nattrs * sizeof *node->attrs);
    }
    if (!ok(P))
        return NULL;
    if (starts(P, "/>")) {
        adv_n(P, 2);
        node->text = "";
        return node;
    }
    if (peek(P) != '>') {
        fail(P, SAMEN_EPARSE, "expected '>' to end <%s>", qname);
        return NULL;
    }
    adv(P);
    parse_content(P, node, qname, depth);
    return ok(P) ? node : NULL;
}

samen_status netxml_parse(const char *data, size_t len, const char *name, netxml_doc **out,
                          samen_diag *d)
{
    if (!text_is_utf8(data, len)) {
        samen_diag_add(d, name, 0, 0, "the file is not UTF-8");
        return SAMEN_EPARSE;
    }
    if (memchr(data, '\0', len) != NULL) {
        samen_diag_add(d, name, 0, 0, "the file holds a NUL byte");
        return SAMEN_EPARSE;
    }
    netxml_doc *doc = calloc(1, sizeof *doc);
    if (doc == NULL)
        return SAMEN_ENOMEM;
    doc->a = arena_create();
    if (doc->a == NULL) {
        free(doc);
        return SAMEN_ENOMEM;
    }
    parser P = {.p = data, .end = data + len, .line = 1, .col = 1, .name = name, .d = d,
                .a = doc->a, .st = SAMEN_OK};
    if (starts(&P, "\xef\xbb\xbf"))
        P.p += 3;
    skip_misc(&P);
    if (ok(&P) && starts(&P, "<!DOCTYPE")) {
        skip_doctype(&P);
        skip_misc(&P);
    }
    if (ok(&P) && peek(&P) != '<')
        fail(&P, SAMEN_EPARSE, "expected the root element");
    if (ok(&P))
        doc->root = parse_element(&P, 1);
    if (ok(&P))
        skip_misc(&P);
    if (ok(&P) && P.p < P.end)
        fail(&P, SAMEN_EPARSE, "content after the root element");
    if (P.st != SAMEN_OK) {
        netxml_destroy(doc);
        return P.st;
    }
    *out = doc;
    return SAMEN_OK;
}

void netxml_destroy(netxml_doc *doc)
{
    if (doc == NULL)
        return;
    arena_destroy(doc->a);
    free(doc);
}

netxml_node *netxml_root(netxml_doc *doc)
{
    return doc->root;
}

const char *netxml_attr_get(const netxml_node *node, const char *name)
{
    for (size_t i = 0; i < node->nattrs; i++)
        if (strcmp(node->attrs[i].name, name) == 0)
            return node->attrs[i].value;
    return NULL;
}
