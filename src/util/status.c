/* status.c - names, messages and exit codes of samen_status, generated from
 * SAMEN_STATUS_MAP in samen/status.h. */
#include "samen/status.h"

static const struct {
    const char *name;
    int exit_code;
    const char *message;
} status_table[] = {
#define SAMEN_STATUS_ROW(name, code, msg) {#name, code, msg},
    SAMEN_STATUS_MAP(SAMEN_STATUS_ROW)
#undef SAMEN_STATUS_ROW
};

static int status_valid(samen_status s)
{
    return (int)s >= 0 && s < SAMEN_STATUS_COUNT;
}

const char *samen_status_message(samen_status s)
{
    return status_valid(s) ? status_table[s].message : "unknown status";
}

const char *samen_status_name(samen_status s)
{
    return status_valid(s) ? status_table[s].name : "UNKNOWN";
}

int samen_status_exit_code(samen_status s)
{
    return status_valid(s) ? status_table[s].exit_code : 1;
}
