/* yamlx.h - a YAML document with source positions, for the definition files
 * (study.yaml, instruments, report definitions).
 *
 * Wraps libyaml's document loader. Files are capped in size, anchors and
 * aliases are refused (they would let a small file expand without bound),
 * and every node keeps its line and column so validators can report
 * file:line:column. Errors go to a samen_diag.
 */
#ifndef SAMEN_UTIL_YAMLX_H
#define SAMEN_UTIL_YAMLX_H

#include <stdbool.h>
#include <yaml.h>

#include "samen/diag.h"
#include "samen/status.h"

#define YX_MAX_FILE_BYTES (16u * 1024u * 1024u)

typedef struct yx_doc yx_doc;

/* Loads the YAML file at path. name is how the file is named in messages
 * (the caller keeps it; it is copied). On success *out is a new document;
 * free with yx_destroy(). Parse errors are added to d with their position. */
samen_status yx_load_file(const char *path, const char *name, yx_doc **out, samen_diag *d);

/* Same, from a buffer of len bytes (the caller keeps it). */
samen_status yx_load_buffer(const char *data, size_t len, const char *name, yx_doc **out,
                            samen_diag *d);

void yx_destroy(yx_doc *doc);

/* The root node, or NULL for an empty document. */
yaml_node_t *yx_root(yx_doc *doc);

/* The file name used in messages. */
const char *yx_name(const yx_doc *doc);

/* The value node for key in mapping node map, or NULL (also when map is not
 * a mapping). */
yaml_node_t *yx_get(yx_doc *doc, yaml_node_t *map, const char *key);

/* The node of a sequence item or mapping key/value, by libyaml index. */
yaml_node_t *yx_node(yx_doc *doc, int index);

/* The scalar text of node, or NULL when it is not a scalar. */
const char *yx_scalar(const yaml_node_t *node);

bool yx_is_map(const yaml_node_t *node);
bool yx_is_seq(const yaml_node_t *node);

/* Number of items of a sequence node (0 for other nodes), and the i-th. */
size_t yx_seq_len(const yaml_node_t *node);
yaml_node_t *yx_seq_at(yx_doc *doc, const yaml_node_t *node, size_t i);

/* Number of pairs of a mapping node, and the i-th key and value. */
size_t yx_map_len(const yaml_node_t *node);
yaml_node_t *yx_map_key(yx_doc *doc, const yaml_node_t *node, size_t i);
yaml_node_t *yx_map_value(yx_doc *doc, const yaml_node_t *node, size_t i);

/* Adds a problem at node's position (or the file's, when node is NULL). */
void yx_error(yx_doc *doc, const yaml_node_t *node, samen_diag *d, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Reports every key of mapping map that is not in allowed (a NULL-terminated
 * list); returns the number reported. */
int yx_check_keys(yx_doc *doc, yaml_node_t *map, const char *const *allowed, samen_diag *d);

/* Typed getters: each reports a problem to d and returns false when the key
 * is present but of the wrong type; when the key is absent they report it
 * only if required is true, and return !required. */
bool yx_get_string(yx_doc *doc, yaml_node_t *map, const char *key, bool required,
                   const char **out, samen_diag *d);
bool yx_get_long(yx_doc *doc, yaml_node_t *map, const char *key, bool required, long *out,
                 samen_diag *d);
bool yx_get_double(yx_doc *doc, yaml_node_t *map, const char *key, bool required, double *out,
                   samen_diag *d);
bool yx_get_bool(yx_doc *doc, yaml_node_t *map, const char *key, bool required, bool *out,
                 samen_diag *d);

#endif
