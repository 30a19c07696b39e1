/* cli_validate.c - samen validate: check a study or instrument files. */
#include <stdio.h>

#include "cli.h"
#include "samen/i18n.h"
#include "samen/instrument.h"

static const char usage[] =
    "usage: samen validate [--study DIR] [INSTRUMENT.yaml ...]\n\n"
    "With files: checks each instrument file. Without: checks the whole study\n"
    "(study.yaml, schools.csv, every wave's instrument). Every problem is\n"
    "reported as file:line:column. Changes nothing. Exit 0 when valid, 2 when not.\n";

int cli_validate(int argc, char **argv)
{
    const char *dir = NULL;
    const cli_opt opts[] = {{"study", &dir, NULL}, {NULL, NULL, NULL}};
    const char *pos[64];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 64, &npos, usage);
    if (rc >= 0)
        return rc;
    samen_diag *d = samen_diag_create(200);
    if (d == NULL)
        return 1;
    rc = 0;
    if (npos == 0) {
        samen_study *s = NULL;
        rc = cli_open_study(dir, NULL, &s, NULL, d);
        if (rc < 0) {
            printf(_("%s: valid (%zu waves, %zu regions, %zu schools)\n"), dir ? dir : ".",
                   samen_study_nwaves(s), samen_study_nregions(s), samen_study_nschools(s));
            rc = 0;
        }
        samen_study_destroy(s);
    }
    for (size_t i = 0; i < npos; i++) {
        samen_instrument *inst = NULL;
        samen_diag_clear(d);
        samen_status st = samen_instrument_load(pos[i], pos[i], &inst, d);
        if (st != SAMEN_OK) {
            int r = cli_fail(st, d);
            if (r > rc)
                rc = r;
            continue;
        }
        printf(_("%s: valid (%zu sections, %zu questions, %zu variables, %zu scales)\n"), pos[i],
               samen_instrument_nsections(inst), samen_instrument_nquestions(inst),
               samen_instrument_nvars(inst), samen_instrument_nscales(inst));
        samen_instrument_destroy(inst);
    }
    samen_diag_destroy(d);
    return rc;
}
