/* cli_stats_freq.c - samen stats freq (being written; replaced by its module). */
#include <stdio.h>

#include "cli.h"

int cli_stats_freq(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "samen stats freq: not available yet\n");
    return 1;
}
