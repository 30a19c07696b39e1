/* cli_network.c - samen network (being written; replaced by its module). */
#include <stdio.h>

#include "cli.h"

int cli_network(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "samen network: not available yet\n");
    return 1;
}
