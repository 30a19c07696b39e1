/* cli_schools.c - samen schools (being written; replaced by its module). */
#include <stdio.h>

#include "cli.h"

int cli_schools(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "samen schools: not available yet\n");
    return 1;
}
