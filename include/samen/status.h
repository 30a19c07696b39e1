/* samen/status.h - the one status type of libsamen.
 *
 * Every library function that can fail returns a samen_status. The list
 * below is the single source of the codes, their names and their messages
 * (the X-macro pattern of libuv's UV_ERRNO_MAP and ReadStat's
 * readstat_error_t). samen_status_exit_code() maps a status onto the
 * command-line contract: 0 success, 2 bad input, 1 internal failure.
 */
#ifndef SAMEN_STATUS_H
#define SAMEN_STATUS_H

/* X(name, exit_code, message) */
#define SAMEN_STATUS_MAP(X)                                                  \
    X(OK, 0, "success")                                                      \
    X(EINVAL, 2, "invalid input")                                            \
    X(EPARSE, 2, "the file could not be parsed")                             \
    X(EVALIDATE, 2, "the input did not validate")                            \
    X(ENOTFOUND, 2, "not found")                                             \
    X(EEXIST, 2, "already exists")                                           \
    X(EUSAGE, 2, "wrong use of the command")                                 \
    X(ETOOBIG, 2, "input exceeds a size limit")                              \
    X(EUNSUPPORTED, 2, "not supported")                                      \
    X(EIO, 1, "input/output error")                                          \
    X(ENOMEM, 1, "out of memory")                                            \
    X(ESTORE, 1, "database error")                                           \
    X(EINTERNAL, 1, "internal error")

typedef enum samen_status {
#define SAMEN_STATUS_ENUM(name, code, msg) SAMEN_##name,
    SAMEN_STATUS_MAP(SAMEN_STATUS_ENUM)
#undef SAMEN_STATUS_ENUM
    SAMEN_STATUS_COUNT
} samen_status;

/* Returns a static English message for status s (never NULL). */
const char *samen_status_message(samen_status s);

/* Returns the symbolic name of s, e.g. "EPARSE" (never NULL). */
const char *samen_status_name(samen_status s);

/* Returns the process exit code for s: 0, 1 or 2. */
int samen_status_exit_code(samen_status s);

#endif
