/* xml.c - the XML reader behind GraphML import (network/xml.h), over
 * libxml2.
 *
 * libxml2 parses (well-formedness, encodings, entities, its own limits on
 * entity amplification); this module refuses a DOCTYPE with an internal
 * subset, caps size, depth, element count and text length, and turns the
 * tree into the small netxml_node tree that graphml.c reads. libxml2 gives
 * every element its line but not its column, so the column is recovered
 * from the text: start tags appear in the text in document order, so the
 * i-th start tag met on a line is the i-th '<' followed by a name character
 * on that line (a '<' inside a comment or CDATA on the same line can shift
 * the column in a message, never the data).
 */
#include "network/xml.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <string.h>

#include "util/arena.h"
#include "util/text.h"

#define NETXML_MAX_BYTES (64u * 1024u * 1024u)

struct netxml_doc {
    arena *a;
    netxml_node *root;
};

typedef struct conv {
    arena *a;
    const char *data;
    size_t len;
    const char *name;
    samen_diag *d;
    size_t elements;
    long cur_line;      /* line whose start tags are being matched */
    size_t scan;        /* byte offset where the next start tag is searched */
    size_t line_start;  /* byte offset of cur_line's first byte */
    bool failed;
} conv;

/* Byte offset of the first byte of line (1-based), scanning forward from
 * the current line. */
static void seek_line(conv *c, long line)
{
    if (line < c->cur_line) { /* never happens in document order; restart */
        c->cur_line = 1;
        c->line_start = 0;
    }
    while (c->cur_line < line && c->line_start < c->len) {
        const char *nl = memchr(c->data + c->line_start, '\n', c->len - c->line_start);
        if (nl == NULL) {
            c->line_start = c->len;
            break;
        }
        c->line_start = (size_t)(nl - c->data) + 1;
        c->cur_line++;
    }
    c->scan = c->line_start;
}

/* The column (in characters) of the next start tag on the current line. */
static long next_tag_column(conv *c)
{
    size_t i = c->scan;
    while (i < c->len && c->data[i] != '\n') {
        unsigned char n = i + 1 < c->len ? (unsigned char)c->data[i + 1] : 0;
        if (c->data[i] == '<' && n != '/' && n != '!' && n != '?') {
            c->scan = i + 1;
            long col = 1;
            for (size_t k = c->line_start; k < i; k++)
                col += ((unsigned char)c->data[k] & 0xC0) != 0x80;
            return col;
        }
        i++;
    }
    return 0;
}

static const char *copy(conv *c, const char *s)
{
    if (strlen(s) > NETXML_MAX_TEXT) {
        samen_diag_add(c->d, c->name, 0, 0, "a text or attribute value is longer than %u bytes",
                       NETXML_MAX_TEXT);
        c->failed = true;
        return "";
    }
    const char *p = arena_strdup(c->a, s);
    if (p == NULL)
        c->failed = true;
    return p ? p : "";
}

/* The character data directly inside el, concatenated and trimmed. */
static const char *text_of(conv *c, xmlNodePtr el)
{
    size_t total = 0;
    for (xmlNodePtr t = el->children; t != NULL; t = t->next)
        if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content)
            total += strlen((const char *)t->content);
    if (total == 0)
        return NULL;
    if (total > NETXML_MAX_TEXT) {
        samen_diag_add(c->d, c->name, xmlGetLineNo(el), 0, "text longer than %u bytes",
                       NETXML_MAX_TEXT);
        c->failed = true;
        return NULL;
    }
    char *buf = arena_alloc(c->a, total + 1);
    if (buf == NULL) {
        c->failed = true;
        return NULL;
    }
    size_t used = 0;
    for (xmlNodePtr t = el->children; t != NULL; t = t->next)
        if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content) {
            size_t n = strlen((const char *)t->content);
            memcpy(buf + used, t->content, n);
            used += n;
        }
    buf[used] = '\0';
    char *s = buf;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return n > 0 ? s : NULL;
}

static netxml_node *convert(conv *c, xmlDocPtr doc, xmlNodePtr el, int depth)
{
    if (depth > NETXML_MAX_DEPTH) {
        samen_diag_add(c->d, c->name, xmlGetLineNo(el), 0, "elements nested deeper than %d",
                       NETXML_MAX_DEPTH);
        c->failed = true;
        return NULL;
    }
    if (++c->elements > NETXML_MAX_ELEMENTS) {
        samen_diag_add(c->d, c->name, xmlGetLineNo(el), 0, "more than %d elements",
                       NETXML_MAX_ELEMENTS);
        c->failed = true;
        return NULL;
    }
    netxml_node *n = arena_alloc(c->a, sizeof *n);
    if (n == NULL) {
        c->failed = true;
        return NULL;
    }
    n->name = copy(c, (const char *)el->name);
    n->line = xmlGetLineNo(el);
    if (n->line != c->cur_line || c->scan < c->line_start)
        seek_line(c, n->line);
    n->column = next_tag_column(c);
    size_t na = 0;
    for (xmlAttrPtr a = el->properties; a != NULL; a = a->next)
        na++;
    if (na > NETXML_MAX_ATTRS) {
        samen_diag_add(c->d, c->name, n->line, n->column, "more than %d attributes",
                       NETXML_MAX_ATTRS);
        c->failed = true;
        return NULL;
    }
    n->attrs = arena_alloc(c->a, (na ? na : 1) * sizeof *n->attrs);
    if (n->attrs == NULL) {
        c->failed = true;
        return NULL;
    }
    for (xmlAttrPtr a = el->properties; a != NULL; a = a->next) {
        xmlChar *v = xmlNodeListGetString(doc, a->children, 1);
        n->attrs[n->nattrs].name = copy(c, (const char *)a->name);
        n->attrs[n->nattrs].value = copy(c, v ? (const char *)v : "");
        n->nattrs++;
        xmlFree(v);
    }
    n->text = text_of(c, el);
    netxml_node **tail = &n->child;
    for (xmlNodePtr k = el->children; k != NULL && !c->failed; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        netxml_node *child = convert(c, doc, k, depth + 1);
        if (child == NULL)
            return NULL;
        *tail = child;
        tail = &child->next;
    }
    return c->failed ? NULL : n;
}

samen_status netxml_parse(const char *data, size_t len, const char *name, netxml_doc **out,
                          samen_diag *d)
{
    if (len > NETXML_MAX_BYTES || len > (size_t)2147483647) {
        samen_diag_add(d, name, 0, 0, "the file is larger than %u bytes", NETXML_MAX_BYTES);
        return SAMEN_ETOOBIG;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == NULL)
        return SAMEN_ENOMEM;
    /* No network, no external DTD, no entity substitution into the tree,
     * errors kept in the context instead of printed. The encoding is the
     * one the document declares (UTF-8 when it declares none). */
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                          XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
    samen_status st = SAMEN_OK;
    netxml_doc *nd = NULL;
    if (doc == NULL) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        char msg[300] = "malformed XML";
        if (e != NULL && e->message != NULL) {
            text_copy(msg, sizeof msg, e->message);
            size_t n = strlen(msg);
            while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
                msg[--n] = '\0';
        }
        samen_diag_add(d, name, e ? e->line : 0, e ? e->int2 : 0, "%s", msg);
        st = SAMEN_EPARSE;
        goto out;
    }
    if (doc->intSubset != NULL && doc->intSubset->children != NULL) {
        samen_diag_add(d, name, 0, 0, "a DOCTYPE with an internal subset is not allowed");
        st = SAMEN_EPARSE;
        goto out;
    }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    nd = calloc(1, sizeof *nd);
    if (nd == NULL || (nd->a = arena_create()) == NULL) {
        st = SAMEN_ENOMEM;
        goto out;
    }
    conv c = {.a = nd->a, .data = data, .len = len, .name = name, .d = d, .cur_line = 1};
    nd->root = root ? convert(&c, doc, root, 1) : NULL;
    if (nd->root == NULL) {
        if (!c.failed)
            samen_diag_add(d, name, 0, 0, "no root element");
        st = SAMEN_EPARSE;
    }
out:
    if (doc != NULL)
        xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    if (st != SAMEN_OK) {
        netxml_destroy(nd);
        return st;
    }
    *out = nd;
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
