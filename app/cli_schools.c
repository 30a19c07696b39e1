/* cli_schools.c - samen schools import: a study's schools from DUO's open
 * data, with contact addresses from a separate list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "samen/i18n.h"
#include "samen/interchange.h"

static const char usage[] =
    "usage: samen schools import --study DIR --duo FILE.csv [--swv FILE.csv]\n"
    "                            [--contacts FILE.csv]\n\n"
    "Merges DUO's list of school locations (\"Adressen alle vestigingen\", po or vo;\n"
    "';'-separated, CP1252 or UTF-8) into the study's schools file. A school is\n"
    "taken when its samenwerkingsverband (ADMINISTRATIENUMMER, e.g. PO2707, from\n"
    "--swv or the DUO file) is a region code of the study, or when it is already\n"
    "listed. DUO publishes no e-mail addresses: --contacts gives them, a CSV\n"
    "with a vestiging code column (VESTIGINGSCODE) and an EMAIL column.\n"
    "All or nothing: any problem leaves the schools file as it was.\n";

int cli_schools(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "import") != 0) {
        if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
            fputs(usage, stdout);
            return 0;
        }
        fputs(usage, stderr);
        return 2;
    }
    const char *dir = NULL, *duo = NULL, *swv = NULL, *contacts = NULL;
    const cli_opt opts[] = {{"study", &dir, NULL},
                            {"duo", &duo, NULL},
                            {"swv", &swv, NULL},
                            {"contacts", &contacts, NULL},
                            {NULL, NULL, NULL}};
    /* Messages name the command "schools import". */
    char **args = malloc((size_t)argc * sizeof *args);
    if (args == NULL)
        return 1;
    char name[] = "schools import";
    args[0] = name;
    for (int i = 2; i < argc; i++)
        args[i - 1] = argv[i];
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc - 1, args, opts, pos, 0, &npos, usage);
    free(args);
    if (rc >= 0)
        return rc;
    if (duo == NULL)
        return cli_usage_error("schools import", "%s", _("--duo FILE is required"));
    samen_diag *d = samen_diag_create(100);
    if (d == NULL)
        return 1;
    samen_study *s = NULL;
    rc = cli_open_study(dir, NULL, &s, NULL, d);
    if (rc < 0) {
        samen_schools_sources src = {duo, swv, contacts};
        samen_schools_result res;
        samen_status status = samen_schools_import(s, &src, &res, d);
        if (status != SAMEN_OK) {
            rc = cli_fail(status, d);
            fprintf(stderr, "%s\n", _("the schools file was not changed"));
        } else {
            printf(_("schools: %ld added, %ld updated, %ld unchanged; %ld in total\n"),
                   res.added, res.updated, res.unchanged, res.total);
            printf(_("%ld DUO school(s) of no region of the study left out\n"), res.outside);
            if (contacts != NULL)
                printf(_("%ld e-mail address(es) set; %ld for schools outside the study "
                         "ignored\n"),
                       res.contacts, res.contacts_unused);
            rc = 0;
        }
    }
    samen_study_destroy(s);
    samen_diag_destroy(d);
    return rc;
}
