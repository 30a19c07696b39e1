/* cli_stats.c - samen stats: the analysis procedures on a plain CSV
 * (MISSION.md's command-line contract). One file per procedure:
 * cli_stats_<name>.c. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} procedures[] = {
    {"freq", cli_stats_freq, "frequencies: count, percent, valid and cumulative percent"},
    {"crosstab", cli_stats_crosstab, "crosstab with chi-square and Cramer's V"},
    {"alpha", cli_stats_alpha, "reliability: Cronbach's alpha and item statistics"},
    {"means", cli_stats_means, "means and standard deviations by group"},
    {"compare", cli_stats_compare, "two groups (waves): Mann-Whitney U, Welch's t, caveats"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: samen stats PROCEDURE --data FILE.csv [options]\n\n");
    for (size_t i = 0; i < sizeof procedures / sizeof procedures[0]; i++)
        fprintf(f, "  %-9s %s\n", procedures[i].name, procedures[i].summary);
    fprintf(f, "\nsamen stats PROCEDURE --help shows its options.\n");
}

int cli_stats(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return 0;
    }
    for (size_t i = 0; i < sizeof procedures / sizeof procedures[0]; i++)
        if (strcmp(argv[1], procedures[i].name) == 0)
            return procedures[i].run(argc - 1, argv + 1);
    fprintf(stderr, "samen stats: unknown procedure '%s'\n\n", argv[1]);
    usage(stderr);
    return 2;
}
