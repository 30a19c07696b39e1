/* cli_stats_means.c - samen stats means (being written; replaced by its module). */
#include <stdio.h>

#include "cli.h"

int cli_stats_means(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "samen stats means: not available yet\n");
    return 1;
}
