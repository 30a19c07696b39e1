/* cli_import.c - samen import: a wave's responses from CSV or SPSS. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "samen/i18n.h"
#include "samen/interchange.h"

static const char usage[] =
    "usage: samen import --study DIR --wave YEAR [--db URL] FILE.csv|FILE.sav|FILE.por\n\n"
    "Imports responses: a header row with 'brin' and the instrument's variable\n"
    "names, one row per school, numeric codes, empty = missing. ',' ';' or tab;\n"
    "UTF-8 (with or without BOM) or CP1252. SPSS files (.sav, .zsav, .por) are\n"
    "read the same way: one variable per column, one case per school.\n"
    "Every cell is checked against the instrument (codes, ranges, routing) and\n"
    "every school against the study; every problem is reported (file:line:column,\n"
    "or file: case N, variable V) and then nothing is imported.\n";

/* True when path ends in ext, ignoring ASCII case. */
static bool ends_with(const char *path, const char *ext)
{
    size_t n = strlen(path), m = strlen(ext);
    if (n < m)
        return false;
    for (size_t i = 0; i < m; i++) {
        char a = path[n - m + i], b = ext[i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (a != b)
            return false;
    }
    return true;
}

int cli_import(int argc, char **argv)
{
    const char *dir = NULL, *wave_s = NULL, *db = NULL;
    const cli_opt opts[] = {
        {"study", &dir, NULL}, {"wave", &wave_s, NULL}, {"db", &db, NULL}, {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 1, &npos, usage);
    if (rc >= 0)
        return rc;
    int wave;
    if (!cli_parse_wave("import", wave_s, &wave))
        return 2;
    if (npos != 1)
        return cli_usage_error("import", "%s", _("name one CSV file to import"));
    bool spss = ends_with(pos[0], ".sav") || ends_with(pos[0], ".zsav") ||
                ends_with(pos[0], ".por");
    samen_diag *d = samen_diag_create(100);
    if (d == NULL)
        return 1;
    samen_study *s = NULL;
    samen_store *st = NULL;
    rc = cli_open_study(dir, db, &s, &st, d);
    if (rc < 0) {
        samen_import_result res;
        samen_status status = spss ? samen_import_sav(s, st, wave, pos[0], pos[0], &res, d)
                                   : samen_import_csv(s, st, wave, pos[0], pos[0], &res, d);
        if (status != SAMEN_OK) {
            rc = cli_fail(status, d);
            fprintf(stderr, _("nothing was imported (%zu problem(s))\n"), samen_diag_count(d));
        } else {
            printf(_("imported %ld response(s) into wave %d (%ld refused consent)"), res.rows,
                   wave, res.refused);
            printf("%s\n", res.was_cp1252 ? _("; converted from CP1252") : "");
            rc = 0;
        }
    }
    samen_store_close(st);
    samen_study_destroy(s);
    samen_diag_destroy(d);
    return rc;
}
