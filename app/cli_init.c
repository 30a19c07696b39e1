/* cli_init.c - samen init DIR: a new study directory. */
#include <stdio.h>

#include "cli.h"
#include "samen/i18n.h"

static const char usage[] =
    "usage: samen init DIR\n\n"
    "Creates a study directory: study.yaml to fill in, an empty schools.csv, and\n"
    "the folders instruments/, reports/, documents/, networks/ and data/.\n"
    "Refuses to overwrite an existing study.\n";

int cli_init(int argc, char **argv)
{
    static const cli_opt opts[] = {{NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 1, &npos, usage);
    if (rc >= 0)
        return rc;
    if (npos != 1)
        return cli_usage_error("init", "%s", _("name the directory to create (samen init DIR)"));
    samen_diag *d = samen_diag_create(20);
    samen_status st = samen_study_init(pos[0], d);
    if (st != SAMEN_OK) {
        rc = cli_fail(st, d);
    } else {
        printf(_("created study in %s: edit study.yaml, add schools.csv and an instrument\n"),
               pos[0]);
        rc = 0;
    }
    samen_diag_destroy(d);
    return rc;
}
