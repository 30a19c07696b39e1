/* cli_report.c - samen report: the monitor report (HTML chapters with
 * tables, charts and network drawings, plus the tables as .xlsx and CSV)
 * written into a directory, for the whole study or as feedback for one
 * region (samen/report.h). Exports cli_report(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "samen/i18n.h"
#include "samen/report.h"
#include "samen/tables.h"


static const char usage[] =
    "usage: samen report [--study DIR] [--db URL] --out DIR [--wave W] [--region R]\n"
    "                    [--suppress N] [--definition FILE] [--lang nl|en]\n\n"
    "Writes the monitor report into DIR: index.html (chapters with every table of the\n"
    "report definition, charts beside the figures and the network drawings),\n"
    "charts/*.svg with a PNG of each (charts/*.png), tabellen.xlsx, tabellen.csv and\n"
    "infographic.html (the wave on one page; findings from DIR/reports/findings.yaml).\n\n"
    "  --wave W          the wave to report (default: the study's last wave)\n"
    "  --region R        a feedback report for region R: its figures beside its\n"
    "                    situation and the whole study\n"
    "  --suppress N      region report: blank cells on fewer than N schools (default 5)\n"
    "  --definition F    another report definition file\n"
    "  --lang nl|en      language of the report (default nl)\n\n"
    "Exit status: 0 success, 2 bad input, 1 internal failure.\n";

int cli_report(int argc, char **argv)
{
    const char *dir = NULL, *db = NULL, *wave_text = NULL, *out = NULL, *region = NULL,
               *suppress_text = NULL, *definition = NULL, *lang = NULL;
    const cli_opt opts[] = {{"study", &dir, NULL},
                            {"db", &db, NULL},
                            {"wave", &wave_text, NULL},
                            {"out", &out, NULL},
                            {"region", &region, NULL},
                            {"suppress", &suppress_text, NULL},
                            {"definition", &definition, NULL},
                            {"lang", &lang, NULL},
                            {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = cli_parse(argc, argv, opts, pos, 0, &npos, usage);
    if (rc >= 0)
        return rc;
    if (lang != NULL && strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0)
        return cli_usage_error("report", "%s", _("--lang is nl or en"));
    if (out == NULL)
        return cli_usage_error("report", "%s", _("--out DIR is required: where to write the report"));
    int wave = 0;
    if (wave_text != NULL && !cli_parse_wave("report", wave_text, &wave))
        return 2;
    long suppress = 5;
    if (suppress_text != NULL) {
        char *end = NULL;
        suppress = strtol(suppress_text, &end, 10);
        if (*suppress_text == '\0' || *end != '\0' || suppress < 1 || suppress > 1000)
            return cli_usage_error("report", "%s",
                                   _("--suppress needs a number of schools from 1 to 1000"));
    }

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
    if (wave == 0 && samen_study_nwaves(s) > 0)
        wave = samen_study_wave(s, samen_study_nwaves(s) - 1)->year;
    rc = cli_load_definition("report", s, definition, &def, d);
    if (rc >= 0)
        goto out;
    samen_status status;
    samen_tables_options o = {wave, samen_i18n_lang(), NULL, 0};
    const char *report_lang = lang != NULL ? lang : "nl";
    o.lang = report_lang;
    status = samen_tables_compute(def, s, st, &o, &t, d);
    samen_report_summary sum = {0, 0, 0, 0};
    samen_report_options ro = {report_lang, region, suppress};
    if (status == SAMEN_OK)
        status = samen_report_write(s, t, &ro, out, &sum, d);
    if (status != SAMEN_OK) {
        rc = cli_fail(status, d);
        goto out;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    if (region != NULL)
        printf(_("wrote the feedback report of region %s (wave %d, %zu cell(s) suppressed) "
                 "in %.0f ms\n"), region, wave, sum.suppressed, ms);
    else
        printf(_("wrote the report of wave %d: %zu table(s), %zu chart(s), %zu network "
                 "drawing(s) in %.0f ms\n"), wave, sum.tables, sum.charts, sum.networks, ms);
    printf(_("open %s/index.html\n"), out);
    rc = 0;
out:
    samen_tables_destroy(t);
    samen_tabledef_destroy(def);
    samen_store_close(st);
    samen_study_destroy(s);
    samen_diag_destroy(d);
    return rc;
}
