/* cli_stats_alpha.c - samen stats alpha (being written; replaced by its module). */
#include <stdio.h>

#include "cli.h"

int cli_stats_alpha(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "samen stats alpha: not available yet\n");
    return 1;
}
