/* cli_export.c - samen export: a wave's analysis file as CSV, SPSS (.sav or
 * .zsav, with an .sps syntax file beside it) or Excel (.xlsx). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "samen/i18n.h"
#include "samen/interchange.h"

static const char usage[] =
    "usage: samen export --study DIR --wave YEAR --format csv|sav|zsav|xlsx --out FILE\n"
    "                    [--with-school-ids] [--lang nl|en] [--db URL]\n\n"
    "Writes one row per school that consented: respondent number, region,\n"
    "situation, sector and every variable. Pseudonymised: no BRIN code, school\n"
    "name or e-mail unless --with-school-ids is given.\n"
    "  csv   text cells that a spreadsheet would run as a formula get a leading '.\n"
    "  sav   SPSS system file with variable and value labels, user-missing values\n"
    "        and measurement levels; FILE.sps beside it holds the same as syntax\n"
    "        plus the multiple-response sets (MRSETS). zsav: compressed.\n"
    "  xlsx  Excel workbook: a data sheet and a codebook sheet; texts are always\n"
    "        text cells, never formulas.\n"
    "Labels are Dutch unless --lang en.\n";

/* The .sps path beside a .sav path: the extension replaced, or appended. */
static void sps_path(const char *out, char *sps, size_t cap)
{
    size_t n = strlen(out);
    const char *dot = strrchr(out, '.');
    const char *slash = strrchr(out, '/');
    if (dot != NULL && (slash == NULL || dot > slash) &&
        (strcmp(dot, ".sav") == 0 || strcmp(dot, ".zsav") == 0 || strcmp(dot, ".SAV") == 0))
        n = (size_t)(dot - out);
    snprintf(sps, cap, "%.*s.sps", (int)n, out);
}

int cli_export(int argc, char **argv)
{
    const char *dir = NULL, *wave_s = NULL, *db = NULL, *format = "csv", *out = NULL;
    const char *lang = NULL;
    bool ids = false;
    const cli_opt opts[] = {{"study", &dir, NULL},  {"wave", &wave_s, NULL},
                            {"db", &db, NULL},      {"format", &format, NULL},
                            {"out", &out, NULL},    {"with-school-ids", NULL, &ids},
                            {"lang", &lang, NULL},  {NULL, NULL, NULL}};
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
    bool csv = strcmp(format, "csv") == 0, sav = strcmp(format, "sav") == 0;
    bool zsav = strcmp(format, "zsav") == 0, xlsx = strcmp(format, "xlsx") == 0;
    if (!csv && !sav && !zsav && !xlsx)
        return cli_usage_error("export", _("unknown format '%s' (csv, sav, zsav or xlsx)"),
                               format);
    if (lang != NULL && strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0)
        return cli_usage_error("export", _("--lang is nl or en, not '%s'"), lang);
    samen_diag *d = samen_diag_create(50);
    if (d == NULL)
        return 1;
    samen_study *s = NULL;
    samen_store *st = NULL;
    rc = cli_open_study(dir, db, &s, &st, d);
    if (rc < 0) {
        samen_export_options opt = {ids, ',', lang};
        long rows = 0;
        char sps[4200] = "";
        samen_status status;
        if (sav || zsav) {
            sps_path(out, sps, sizeof sps);
            const char *base = strrchr(out, '/');
            status = samen_export_sav(s, st, wave, out, &opt, zsav, &rows, d);
            if (status == SAMEN_OK)
                status = samen_export_sps(s, wave, sps, base ? base + 1 : out, &opt, d);
        } else if (xlsx) {
            status = samen_export_xlsx(s, st, wave, out, &opt, &rows, d);
        } else {
            status = samen_export_csv(s, st, wave, out, &opt, &rows, d);
        }
        if (status != SAMEN_OK) {
            rc = cli_fail(status, d);
        } else {
            printf(_("wrote %ld row(s) of wave %d to %s"), rows, wave, out);
            printf(" %s\n", ids ? _("(with school ids)") : _("(pseudonymised)"));
            if (sps[0] != '\0')
                printf(_("wrote SPSS syntax (labels, missing values, MRSETS) to %s\n"), sps);
            rc = 0;
        }
    }
    samen_store_close(st);
    samen_study_destroy(s);
    samen_diag_destroy(d);
    return rc;
}
