/* yamlx.c - YAML documents with positions over libyaml (util/yamlx.h). */
#include "util/yamlx.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/text.h"

struct yx_doc {
    char *name;
    yaml_document_t doc;
};

static void report_parser(const yaml_parser_t *p, const char *name, samen_diag *d)
{
    const yaml_mark_t *m = &p->problem_mark;
    const char *problem = p->problem ? p->problem : "malformed YAML";
    if (p->context != NULL)
        samen_diag_add(d, name, (long)m->line + 1, (long)m->column + 1, "%s %s", p->context,
                       problem);
    else
        samen_diag_add(d, name, (long)m->line + 1, (long)m->column + 1, "%s", problem);
}

/* Refuses anchors and aliases with a pass over the event stream, so that a
 * walk over the loaded document visits each node once. */
static samen_status refuse_aliases(const char *data, size_t len, const char *name, samen_diag *d)
{
    yaml_parser_t p;
    yaml_event_t ev;
    samen_status st = SAMEN_OK;
    if (!yaml_parser_initialize(&p))
        return SAMEN_ENOMEM;
    yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
    int done = 0;
    int documents = 0;
    while (!done) {
        if (!yaml_parser_parse(&p, &ev)) {
            report_parser(&p, name, d);
            st = SAMEN_EPARSE;
            break;
        }
        const unsigned char *anchor = NULL;
        if (ev.type == YAML_SCALAR_EVENT)
            anchor = ev.data.scalar.anchor;
        else if (ev.type == YAML_SEQUENCE_START_EVENT)
            anchor = ev.data.sequence_start.anchor;
        else if (ev.type == YAML_MAPPING_START_EVENT)
            anchor = ev.data.mapping_start.anchor;
        if (ev.type == YAML_ALIAS_EVENT || anchor != NULL) {
            samen_diag_add(d, name, (long)ev.start_mark.line + 1, (long)ev.start_mark.column + 1,
                           "anchors and aliases (&, *) are not allowed in samen files");
            st = SAMEN_EPARSE;
        }
        if (ev.type == YAML_DOCUMENT_START_EVENT && ++documents > 1) {
            samen_diag_add(d, name, (long)ev.start_mark.line + 1, (long)ev.start_mark.column + 1,
                           "only one YAML document per file is allowed");
            st = SAMEN_EPARSE;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        if (st != SAMEN_OK)
            break;
    }
    yaml_parser_delete(&p);
    return st;
}

samen_status yx_load_buffer(const char *data, size_t len, const char *name, yx_doc **out,
                            samen_diag *d)
{
    if (len > YX_MAX_FILE_BYTES) {
        samen_diag_add(d, name, 0, 0, "file is larger than %u bytes", YX_MAX_FILE_BYTES);
        return SAMEN_ETOOBIG;
    }
    samen_status st = refuse_aliases(data, len, name, d);
    if (st != SAMEN_OK)
        return st;
    yx_doc *doc = calloc(1, sizeof *doc);
    if (doc == NULL)
        return SAMEN_ENOMEM;
    doc->name = text_dup(name);
    if (doc->name == NULL) {
        free(doc);
        return SAMEN_ENOMEM;
    }
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        free(doc->name);
        free(doc);
        return SAMEN_ENOMEM;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
    if (!yaml_parser_load(&p, &doc->doc)) {
        report_parser(&p, name, d);
        yaml_parser_delete(&p);
        free(doc->name);
        free(doc);
        return SAMEN_EPARSE;
    }
    yaml_parser_delete(&p);
    *out = doc;
    return SAMEN_OK;
}

samen_status yx_load_file(const char *path, const char *name, yx_doc **out, samen_diag *d)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        samen_diag_add(d, name, 0, 0, "cannot open the file");
        return SAMEN_ENOTFOUND;
    }
    buf b;
    buf_init(&b, YX_MAX_FILE_BYTES);
    char chunk[65536];
    size_t n;
    samen_status st = SAMEN_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        st = buf_append(&b, chunk, n);
        if (st != SAMEN_OK)
            break;
    }
    if (st == SAMEN_OK && ferror(f))
        st = SAMEN_EIO;
    fclose(f);
    if (st == SAMEN_ETOOBIG)
        samen_diag_add(d, name, 0, 0, "file is larger than %u bytes", YX_MAX_FILE_BYTES);
    else if (st != SAMEN_OK)
        samen_diag_add(d, name, 0, 0, "cannot read the file");
    if (st == SAMEN_OK)
        st = yx_load_buffer(buf_str(&b), b.len, name, out, d);
    buf_free(&b);
    return st;
}

void yx_destroy(yx_doc *doc)
{
    if (doc == NULL)
        return;
    yaml_document_delete(&doc->doc);
    free(doc->name);
    free(doc);
}

yaml_node_t *yx_root(yx_doc *doc)
{
    return yaml_document_get_root_node(&doc->doc);
}

const char *yx_name(const yx_doc *doc)
{
    return doc->name;
}

yaml_node_t *yx_node(yx_doc *doc, int index)
{
    return yaml_document_get_node(&doc->doc, index);
}

const char *yx_scalar(const yaml_node_t *node)
{
    if (node == NULL || node->type != YAML_SCALAR_NODE)
        return NULL;
    return (const char *)node->data.scalar.value;
}

bool yx_is_map(const yaml_node_t *node)
{
    return node != NULL && node->type == YAML_MAPPING_NODE;
}

bool yx_is_seq(const yaml_node_t *node)
{
    return node != NULL && node->type == YAML_SEQUENCE_NODE;
}

size_t yx_seq_len(const yaml_node_t *node)
{
    if (!yx_is_seq(node))
        return 0;
    return (size_t)(node->data.sequence.items.top - node->data.sequence.items.start);
}

yaml_node_t *yx_seq_at(yx_doc *doc, const yaml_node_t *node, size_t i)
{
    if (i >= yx_seq_len(node))
        return NULL;
    return yx_node(doc, node->data.sequence.items.start[i]);
}

size_t yx_map_len(const yaml_node_t *node)
{
    if (!yx_is_map(node))
        return 0;
    return (size_t)(node->data.mapping.pairs.top - node->data.mapping.pairs.start);
}

yaml_node_t *yx_map_key(yx_doc *doc, const yaml_node_t *node, size_t i)
{
    if (i >= yx_map_len(node))
        return NULL;
    return yx_node(doc, node->data.mapping.pairs.start[i].key);
}

yaml_node_t *yx_map_value(yx_doc *doc, const yaml_node_t *node, size_t i)
{
    if (i >= yx_map_len(node))
        return NULL;
    return yx_node(doc, node->data.mapping.pairs.start[i].value);
}

yaml_node_t *yx_get(yx_doc *doc, yaml_node_t *map, const char *key)
{
    size_t n = yx_map_len(map);
    for (size_t i = 0; i < n; i++) {
        const char *k = yx_scalar(yx_map_key(doc, map, i));
        if (k != NULL && strcmp(k, key) == 0)
            return yx_map_value(doc, map, i);
    }
    return NULL;
}

void yx_error(yx_doc *doc, const yaml_node_t *node, samen_diag *d, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (node != NULL)
        samen_diag_add(d, doc->name, (long)node->start_mark.line + 1,
                       (long)node->start_mark.column + 1, "%s", msg);
    else
        samen_diag_add(d, doc->name, 0, 0, "%s", msg);
}

int yx_check_keys(yx_doc *doc, yaml_node_t *map, const char *const *allowed, samen_diag *d)
{
    int bad = 0;
    size_t n = yx_map_len(map);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *kn = yx_map_key(doc, map, i);
        const char *k = yx_scalar(kn);
        bool ok = false;
        for (const char *const *a = allowed; k != NULL && *a != NULL; a++)
            if (strcmp(*a, k) == 0)
                ok = true;
        for (size_t j = 0; ok && j < i; j++) {
            const char *prev = yx_scalar(yx_map_key(doc, map, j));
            if (prev != NULL && strcmp(prev, k) == 0) {
                yx_error(doc, kn, d, "duplicate key '%s'", k);
                bad++;
                break;
            }
        }
        if (!ok) {
            yx_error(doc, kn, d, "unknown key '%s'", k ? k : "(not a plain key)");
            bad++;
        }
    }
    return bad;
}

static yaml_node_t *get_present(yx_doc *doc, yaml_node_t *map, const char *key, bool required,
                                samen_diag *d)
{
    yaml_node_t *v = yx_get(doc, map, key);
    if (v == NULL && required)
        yx_error(doc, map, d, "missing required key '%s'", key);
    return v;
}

bool yx_get_string(yx_doc *doc, yaml_node_t *map, const char *key, bool required,
                   const char **out, samen_diag *d)
{
    yaml_node_t *v = get_present(doc, map, key, required, d);
    if (v == NULL)
        return !required;
    const char *s = yx_scalar(v);
    if (s == NULL) {
        yx_error(doc, v, d, "'%s' must be a text", key);
        return false;
    }
    *out = s;
    return true;
}

bool yx_get_long(yx_doc *doc, yaml_node_t *map, const char *key, bool required, long *out,
                 samen_diag *d)
{
    yaml_node_t *v = get_present(doc, map, key, required, d);
    if (v == NULL)
        return !required;
    long x;
    if (!text_parse_long(yx_scalar(v), &x)) {
        yx_error(doc, v, d, "'%s' must be a whole number", key);
        return false;
    }
    *out = x;
    return true;
}

bool yx_get_double(yx_doc *doc, yaml_node_t *map, const char *key, bool required, double *out,
                   samen_diag *d)
{
    yaml_node_t *v = get_present(doc, map, key, required, d);
    if (v == NULL)
        return !required;
    double x;
    if (!text_parse_double(yx_scalar(v), &x)) {
        yx_error(doc, v, d, "'%s' must be a number", key);
        return false;
    }
    *out = x;
    return true;
}

bool yx_get_bool(yx_doc *doc, yaml_node_t *map, const char *key, bool required, bool *out,
                 samen_diag *d)
{
    yaml_node_t *v = get_present(doc, map, key, required, d);
    if (v == NULL)
        return !required;
    const char *s = yx_scalar(v);
    if (s != NULL && (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0)) {
        *out = true;
        return true;
    }
    if (s != NULL && (strcmp(s, "false") == 0 || strcmp(s, "no") == 0)) {
        *out = false;
        return true;
    }
    yx_error(doc, v, d, "'%s' must be true or false", key);
    return false;
}
