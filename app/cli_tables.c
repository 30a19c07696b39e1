/* cli_tables.c - samen tables: every table of the study's report definition,
 * computed from a wave's stored responses, as JSON, CSV or an .xlsx
 * workbook (MISSION.md's command-line contract). Exports cli_tables(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "samen/i18n.h"
#include "samen/tables.h"

#define MAX_ONLY 200
#define ID_MAX 64

static const char usage[] =
    "usage: samen tables [--study DIR] [--db URL] --wave W [--format json|csv|xlsx]\n"
    "                    [--out FILE] [--only ID,...] [--definition FILE] [--lang nl|en]\n\n"
    "Computes every table and figure of the report definition (default:\n"
    "DIR/reports/<study id>.yaml; format in docs/REPORT-DEFINITION.md) from the\n"
    "responses of wave W. Tables that compare waves also use the earlier waves\n"
    "and carry caveats when the waves differ in size or composition.\n\n"
    "  --format F        json (default), csv (one block per table, for people and\n"
    "                    spreadsheets) or xlsx (a sheet per table; needs --out)\n"
    "  --out FILE        write to FILE instead of standard output\n"
    "  --only IDS        only these tables, e.g. --only B4,T3\n"
    "  --definition F    another report definition file\n"
    "  --lang nl|en      language of titles and labels (default nl)\n\n"
    "Exit status: 0 success, 2 bad input (named file:line:column), 1 internal failure.\n";

/* Splits a comma-separated list of table ids into ids (storage in store). */
static bool split_ids(const char *text, char store[][ID_MAX], const char **ids, size_t *n)
{
    *n = 0;
    const char *p = text;
    while (*p != '\0') {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == 0 || len >= ID_MAX || *n >= MAX_ONLY)
            return false;
        memcpy(store[*n], p, len);
        store[*n][len] = '\0';
        ids[*n] = store[*n];
        (*n)++;
        p += len + (e != NULL);
        if (e != NULL && *p == '\0')
            return false;
    }
    return *n > 0;
}

int cli_tables(int argc, char **argv)
{
    const char *dir = NULL, *db = NULL, *wave_text = NULL, *format = "json", *out = NULL,
               *only = NULL, *definition = NULL, *lang = NULL;
    const cli_opt opts[] = {{"study", &dir, NULL},
                            {"db", &db, NULL},
                            {"wave", &wave_text, NULL},
                            {"format", &format, NULL},
                            {"out", &out, NULL},
                            {"only", &only, NULL},
                            {"definition", &definition, NULL},
                            {"lang", &lang, NULL},
                            {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 0, &npos, usage);
    if (rc >= 0)
        return rc;
    if (lang != NULL && strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0)
        return cli_usage_error("tables", "%s", _("--lang is nl or en"));
    lang = samen_i18n_set(lang);
    int wave;
    if (wave_text == NULL)
        return cli_usage_error("tables", "%s", _("--wave is required (a year, such as 2023)"));
    if (!cli_parse_wave("tables", wave_text, &wave))
        return 2;
    bool binary = false;
    if (!samen_tables_format_known(format, &binary))
        return cli_usage_error("tables", _("--format is json, csv or xlsx, not '%s'"), format);
    if (binary && out == NULL)
        return cli_usage_error("tables", _("--format %s writes a file: give --out FILE"), format);
    static char only_store[MAX_ONLY][ID_MAX];
    const char *only_ids[MAX_ONLY];
    size_t nonly = 0;
    if (only != NULL && !split_ids(only, only_store, only_ids, &nonly))
        return cli_usage_error("tables", _("--only needs table ids separated by commas, such as "
                                           "B4,T3"));

    samen_diag *d = samen_diag_create(100);
    samen_study *s = NULL;
    samen_store *st = NULL;
    samen_tabledef *def = NULL;
    samen_tables *t = NULL;
    if (d == NULL)
        return 1;
    rc = cli_open_study(dir, db, &s, &st, d);
    if (rc >= 0) {
        samen_diag_destroy(d);
        return rc;
    }
    rc = cli_load_definition("tables", s, definition, &def, d);
    if (rc >= 0)
        goto out;
    samen_status status;
    samen_tables_options o = {wave, lang, nonly ? only_ids : NULL, nonly};
    status = samen_tables_compute(def, s, st, &o, &t, d);
    if (status == SAMEN_OK)
        status = samen_tables_write(t, format, stdout, out, d);
    if (status != SAMEN_OK) {
        rc = cli_fail(status, d);
        goto out;
    }
    if (out != NULL)
        printf(_("wrote %zu table(s) of wave %d to %s\n"), samen_tables_count(t), wave,
                out);
    rc = 0;
out:
    samen_tables_destroy(t);
    samen_tabledef_destroy(def);
    samen_store_close(st);
    samen_study_destroy(s);
    samen_diag_destroy(d);
    return rc;
}
