/* sav_import.c - importing a wave's responses from an SPSS file (.sav,
 * .zsav, .por): samen_import_sav in samen/interchange.h.
 *
 * Rules:
 *  1. The file is read into memory, at most SAMEN_IMPORT_MAX_BYTES, and
 *     parsed by io/sav/sav_read.c.
 *  2. Every check and the all-or-nothing write are the response
 *     importer's (io/response_import.c), with problems located by case and
 *     variable ("file: case 12, variable samenwerking: ...").
 *  3. Numeric `region`, `situation`, `sector` and `governance` become the
 *     codes the importer checks against the study: through their value
 *     labels when these name a region (code or name) or a vocabulary entry
 *     (code, Dutch or English label), as samen_export_sav writes them;
 *     otherwise as 1-based positions in study.yaml and the vocabularies. A
 *     value that is neither is passed on and reported by the importer.
 *  4. A header with problems stops the reading: its columns are unknown.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/response_import.h"
#include "io/sav/sav_private.h"
#include "util/buf.h"
#include "util/text.h"

/* The value labels of a numeric attribute column, as the study's codes. */
typedef struct code_map {
    size_t n;
    double *values;
    const char **codes;     /* static or owned by the study */
} code_map;

typedef struct sav_import {
    const samen_study *s;
    rimport *im;
    size_t ncols;
    int *extra;             /* per column: rimport_extra for numeric attribute columns, else -1 */
    code_map *maps;         /* per column */
    char **cells;
} sav_import;

/* Rule 3: the code whose study or vocabulary name is label, or NULL. */
static const char *code_of_label(const samen_study *s, int extra, const char *label)
{
    if (extra == RIMPORT_REGION) {
        for (size_t i = 0; i < samen_study_nregions(s); i++) {
            const samen_region_info *r = samen_study_region(s, i);
            if (text_ieq(r->code, label) || strcmp(r->name, label) == 0)
                return r->code;
        }
        return NULL;
    }
    samen_attr attr = extra == RIMPORT_SITUATION ? SAMEN_ATTR_SITUATION
                      : extra == RIMPORT_SECTOR  ? SAMEN_ATTR_SECTOR
                                                 : SAMEN_ATTR_GOVERNANCE;
    for (int i = 0; i < samen_attr_count(attr); i++)
        if (text_ieq(samen_vocab_code(attr, i), label) ||
            strcmp(samen_vocab_label(attr, i, "nl"), label) == 0 ||
            strcmp(samen_vocab_label(attr, i, "en"), label) == 0)
            return samen_vocab_code(attr, i);
    return NULL;
}

static samen_status build_map(sav_import *si, size_t col, const sav_column *c)
{
    code_map *m = &si->maps[col];
    m->values = calloc(c->nlabels ? c->nlabels : 1, sizeof *m->values);
    m->codes = calloc(c->nlabels ? c->nlabels : 1, sizeof *m->codes);
    if (m->values == NULL || m->codes == NULL)
        return SAMEN_ENOMEM;
    for (size_t k = 0; k < c->nlabels; k++) {
        const char *code = code_of_label(si->s, si->extra[col], c->labels[k]);
        if (code == NULL)
            continue;
        m->values[m->n] = c->label_values[k];
        m->codes[m->n++] = code;
    }
    return SAMEN_OK;
}

static samen_status import_columns(void *ctx, size_t n, const sav_column *cols)
{
    sav_import *si = ctx;
    si->ncols = n;
    si->extra = calloc(n ? n : 1, sizeof *si->extra);
    si->maps = calloc(n ? n : 1, sizeof *si->maps);
    si->cells = calloc(n ? n : 1, sizeof *si->cells);
    char **names = calloc(n ? n : 1, sizeof *names);
    if (si->extra == NULL || si->maps == NULL || si->cells == NULL || names == NULL) {
        free(names);
        return SAMEN_ENOMEM;
    }
    samen_status st = SAMEN_OK;
    for (size_t i = 0; i < n && st == SAMEN_OK; i++) {
        names[i] = (char *)cols[i].name;
        int x = rimport_extra_lookup(cols[i].name);
        bool coded = x == RIMPORT_REGION || x == RIMPORT_SITUATION || x == RIMPORT_SECTOR ||
                     x == RIMPORT_GOVERNANCE;
        si->extra[i] = coded && !cols[i].is_string ? x : -1;
        if (si->extra[i] >= 0)
            st = build_map(si, i, &cols[i]);
    }
    if (st == SAMEN_OK)
        st = rimport_columns(si->im, 0, n, names); /* rule 4 */
    free(names);
    return st;
}

/* Rule 3: the study's code for a numeric attribute cell: by its value
 * label when it has one that names a code, else by position; a cell that
 * is neither is passed on, for the importer to report. */
static const char *map_code(const sav_import *si, size_t col, const char *cell)
{
    double x;
    if (!text_parse_double(cell, &x))
        return cell;
    const code_map *m = &si->maps[col];
    for (size_t k = 0; k < m->n; k++)
        if (m->values[k] == x)
            return m->codes[k];
    if (x != floor(x) || x < 1 || x > 1000)
        return cell;
    size_t i = (size_t)x - 1;
    switch (si->extra[col]) {
    case RIMPORT_REGION:
        return i < samen_study_nregions(si->s) ? samen_study_region(si->s, i)->code : cell;
    case RIMPORT_SITUATION:
        return i < SAMEN_SITUATION_COUNT ? samen_vocab_code(SAMEN_ATTR_SITUATION, (int)i) : cell;
    case RIMPORT_SECTOR:
        return i < SAMEN_SECTOR_COUNT ? samen_vocab_code(SAMEN_ATTR_SECTOR, (int)i) : cell;
    case RIMPORT_GOVERNANCE:
        return i < SAMEN_GOVERNANCE_COUNT ? samen_vocab_code(SAMEN_ATTR_GOVERNANCE, (int)i)
                                          : cell;
    default: return cell;
    }
}

static samen_status import_row(void *ctx, long case_number, size_t n, char *const *cells)
{
    sav_import *si = ctx;
    for (size_t i = 0; i < n; i++)
        si->cells[i] = si->extra[i] >= 0 ? (char *)map_code(si, i, cells[i]) : cells[i];
    return rimport_row(si->im, case_number, n, si->cells);
}

samen_status samen_import_sav(const samen_study *s, samen_store *st, int wave, const char *path,
                              const char *name, samen_import_result *result, samen_diag *d)
{
    samen_import_result local;
    if (result == NULL)
        result = &local;
    memset(result, 0, sizeof *result);
    sav_import si = {.s = s};
    samen_status rc = rimport_create(s, st, wave, name, RIMPORT_WHERE_CASE, d, &si.im);
    if (rc != SAMEN_OK)
        return rc;
    buf data;
    buf_init(&data, SAMEN_IMPORT_MAX_BYTES);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        samen_diag_add(d, name, 0, 0, "cannot open the file: %s", strerror(errno));
        rc = SAMEN_ENOTFOUND;
    } else {
        char chunk[1 << 16];
        for (size_t n = fread(chunk, 1, sizeof chunk, f); n > 0 && rc == SAMEN_OK;
             n = fread(chunk, 1, sizeof chunk, f))
            rc = buf_append(&data, chunk, n);
        if (rc == SAMEN_OK && ferror(f))
            rc = SAMEN_EIO;
        fclose(f);
        if (rc == SAMEN_ETOOBIG)
            samen_diag_add(d, name, 0, 0, "the file is larger than the limit of %u bytes",
                           SAMEN_IMPORT_MAX_BYTES);
        else if (rc != SAMEN_OK)
            samen_diag_add(d, name, 0, 0, "cannot read the file");
    }
    if (rc == SAMEN_OK) {
        sav_sink sink = {import_columns, import_row, &si};
        rc = sav_read_buffer(buf_str(&data), data.len, name, &sink, d);
    }
    if (rc == SAMEN_OK)
        rc = rimport_finish(si.im, result);
    buf_free(&data);
    for (size_t i = 0; si.maps != NULL && i < si.ncols; i++) {
        free(si.maps[i].values);
        free(si.maps[i].codes);
    }
    free(si.maps);
    free(si.extra);
    free(si.cells);
    rimport_destroy(si.im);
    return rc;
}
