/* cli_stats_crosstab.c - samen stats crosstab (being written; replaced by its module). */
#include <stdio.h>

#include "cli.h"

int cli_stats_crosstab(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "samen stats crosstab: not available yet\n");
    return 1;
}
