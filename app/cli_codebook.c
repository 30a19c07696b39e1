/* cli_codebook.c - samen codebook (being written; replaced by its module). */
#include <stdio.h>

#include "cli.h"

int cli_codebook(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "samen codebook: not available yet\n");
    return 1;
}
