/* main.c - the samen command: dispatches to one cli_<verb>.c per
 * subcommand. Exit codes: 0 success, 2 bad input, 1 internal failure. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "samen/i18n.h"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"init", cli_init, N_("create a new study directory")},
    {"validate", cli_validate, N_("check a study or instrument files, changing nothing")},
    {"study", cli_study, N_("show a study: waves, regions, schools and response counts")},
    {"import", cli_import, N_("import a wave's responses from CSV or SPSS (all or nothing)")},
    {"export", cli_export, N_("write a wave's analysis file (CSV, SPSS .sav/.zsav, Excel)")},
    {"samplesize", cli_samplesize, N_("minimum sample size (Cochran, finite population)")},
    {"stats", cli_stats, N_("frequencies, crosstabs, alpha and means on a data CSV")},
    {"codebook", cli_codebook, N_("the codebook of a wave's questionnaire (Markdown, HTML, JSON)")},
    {"schools", cli_schools, N_("import school lists (DUO open data) and contact addresses")},
    {"network", cli_network, N_("network drawings: check, measure, classify, draw, compare")},
    {"migrate", cli_migrate, N_("copy a study's data between databases")},
    {"report", cli_report, N_("write the report: HTML chapters, charts and tables")},
    {"tables", cli_tables, N_("every table of the report definition, computed from a wave")},
};

static void usage(FILE *f)
{
    fprintf(f, "%s\n\n", _("usage: samen COMMAND [options]   (samen COMMAND --help for more)"));
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-11s %s\n", commands[i].name, _(commands[i].summary));
}

int main(int argc, char **argv)
{
    samen_i18n_set(NULL);
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("samen 0.1.0\n");
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, _("samen: unknown command '%s'\n\n"), argv[1]);
    usage(stderr);
    return 2;
}
