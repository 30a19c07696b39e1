/* xml.h - a small, strict, bounded XML reader for GraphML import (private
 * to src/network/). Prefix netxml_.
 *
 * libxml2 reads the XML; this module turns it into a tree of
 * elements with line and column: elements, attributes, character data,
 * CDATA, the five predefined entities and character references; the XML
 * declaration, comments and processing instructions are skipped. A
 * DOCTYPE with an internal subset is refused (no entity definitions, so no
 * entity expansion). Namespace prefixes are dropped from element and
 * attribute names; xmlns attributes are dropped. The declared encoding is
 * decoded (text arrives as UTF-8); size, depth and element count are capped.
 */
#ifndef SAMEN_NETWORK_XML_H
#define SAMEN_NETWORK_XML_H

#include <stddef.h>

#include "samen/diag.h"
#include "samen/status.h"

#define NETXML_MAX_DEPTH 64
#define NETXML_MAX_ELEMENTS 500000
#define NETXML_MAX_ATTRS 64
#define NETXML_MAX_TEXT (1024u * 1024u)   /* bytes of one text or attribute value */

typedef struct netxml_attr {
    const char *name;    /* local name */
    const char *value;   /* entities resolved */
} netxml_attr;

typedef struct netxml_node {
    const char *name;             /* local name */
    netxml_attr *attrs;
    size_t nattrs;
    const char *text;             /* character data directly inside, concatenated,
                                     without leading and trailing whitespace */
    struct netxml_node *child;    /* first child element */
    struct netxml_node *next;     /* next sibling */
    long line, column;            /* of the '<' */
} netxml_node;

typedef struct netxml_doc netxml_doc;

/* Parses len bytes of data (the caller keeps it); name is used in messages.
 * On success *out is new; free with netxml_destroy(). Problems go to d with
 * line and column; SAMEN_EPARSE then. */
samen_status netxml_parse(const char *data, size_t len, const char *name, netxml_doc **out,
                          samen_diag *d);
void netxml_destroy(netxml_doc *doc);

netxml_node *netxml_root(netxml_doc *doc);

/* The value of attribute name of node, or NULL. */
const char *netxml_attr_get(const netxml_node *node, const char *name);

#endif
