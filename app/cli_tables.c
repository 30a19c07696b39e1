/* cli_tables.c - samen tables (being written; replaced by its module). */
#include <stdio.h>

#include "cli.h"

int cli_tables(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "samen tables: not available yet\n");
    return 1;
}
