/* cli_export.c - samen export: a wave's analysis file. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "samen/i18n.h"
#include "samen/interchange.h"

static const char usage[] =
    "usage: samen export --study DIR --wave YEAR --format csv --out FILE\n"
    "                    [--with-school-ids] [--db URL]\n\n"
    "Writes one row per school that consented: respondent number, region,\n"
    "situation, sector and every variable. Pseudonymised: no BRIN code, school\n"
    "name or e-mail unless --with-school-ids is given. Text cells that a\n"
    "spreadsheet would run as a formula are written with a leading '.\n";

int cli_export(int argc, char **argv)
{
    const char *dir = NULL, *wave_s = NULL, *db = NULL, *format = "csv", *out = NULL;
    bool ids = false;
    const cli_opt opts[] = {{"study", &dir, NULL},  {"wave", &wave_s, NULL},
                            {"db", &db, NULL},      {"format", &format, NULL},
                            {"out", &out, NULL},    {"with-school-ids", NULL, &ids},
                            {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 0, &npos, usage);
    if (rc >= 0)
        return rc;
    int wave;
    if (!cli_parse_wave("export", wave_s, &wave))
        return 2;
    if (out == NULL)
        return cli_usage_error("export", "%s", _("--out FILE is required"));
    if (strcmp(format, "csv") != 0)
        return cli_usage_error("export",
                               "format '%s' is not available yet (csv; sav and xlsx follow)",
                               format);
    samen_diag *d = samen_diag_create(50);
    if (d == NULL)
        return 1;
    samen_study *s = NULL;
    samen_store *st = NULL;
    rc = cli_open_study(dir, db, &s, &st, d);
    if (rc < 0) {
        samen_export_options opt = {ids, ','};
        long rows = 0;
        samen_status status = samen_export_csv(s, st, wave, out, &opt, &rows, d);
        if (status != SAMEN_OK) {
            rc = cli_fail(status, d);
        } else {
            printf(_("wrote %ld row(s) of wave %d to %s"), rows, wave, out);
            printf(" %s\n", ids ? _("(with school ids)") : _("(pseudonymised)"));
            rc = 0;
        }
    }
    samen_store_close(st);
    samen_study_destroy(s);
    samen_diag_destroy(d);
    return rc;
}
