/* cli.h - shared parts of the samen command: option parsing, the study
 * and store every subcommand opens, and reporting problems. */
#ifndef SAMEN_APP_CLI_H
#define SAMEN_APP_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/diag.h"
#include "samen/status.h"
#include "samen/store.h"
#include "samen/study.h"
#include "samen/tables.h"

typedef struct cli_opt {
    const char *name;      /* without the leading "--" */
    const char **value;    /* set for options with a value; NULL for flags */
    bool *flag;            /* set for flags */
} cli_opt;

/* Parses argv[1..argc) against opts; positional arguments go to pos (at
 * most maxpos, count in *npos). Prints usage and returns 0 for --help, -1
 * when parsing succeeded, and 2 after printing an error. */
int cli_parse(int argc, char **argv, const cli_opt *opts, const char **pos, size_t maxpos,
              size_t *npos, const char *usage);

/* Prints the problems in d to stderr and returns the exit code for st. */
int cli_fail(samen_status st, const samen_diag *d);

/* Prints a usage error ("samen CMD: message") and returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parses a wave year; prints an error and returns false when it is not one. */
bool cli_parse_wave(const char *cmd, const char *text, int *wave);

/* Loads the study in dir (default ".") and opens its store (db_url or the
 * default). On failure prints the problems and returns the exit code; on
 * success returns -1. store may be NULL when none is needed. */
int cli_open_study(const char *dir, const char *db_url, samen_study **study, samen_store **store,
                   samen_diag *d);

/* Loads the report definition: the file definition, or the study's default
 * (reports/<id>.yaml). On failure prints the problems (with a hint when the
 * default is missing) and returns the exit code; on success sets *def and
 * returns -1. cmd names the subcommand in the hint. */
int cli_load_definition(const char *cmd, const samen_study *s, const char *definition,
                        samen_tabledef **def, samen_diag *d);

int cli_init(int argc, char **argv);
int cli_validate(int argc, char **argv);
int cli_import(int argc, char **argv);
int cli_export(int argc, char **argv);
int cli_study(int argc, char **argv);
int cli_samplesize(int argc, char **argv);
int cli_stats(int argc, char **argv);
int cli_codebook(int argc, char **argv);
int cli_schools(int argc, char **argv);
int cli_network(int argc, char **argv);
int cli_tables(int argc, char **argv);
int cli_migrate(int argc, char **argv);
int cli_report(int argc, char **argv);
int cli_stats_freq(int argc, char **argv);
int cli_stats_crosstab(int argc, char **argv);
int cli_stats_alpha(int argc, char **argv);
int cli_stats_means(int argc, char **argv);
int cli_stats_compare(int argc, char **argv);

/* Parses a comma-separated list of numbers ("8,9") into out (at most cap);
 * prints an error naming option and returns false when it is not one. */
bool cli_parse_numbers(const char *cmd, const char *option, const char *text, double *out,
                       size_t cap, size_t *n);

#endif
