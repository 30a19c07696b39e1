/* cli_common.c - option parsing and shared set-up of the subcommands. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "samen/i18n.h"

int cli_parse(int argc, char **argv, const cli_opt *opts, const char **pos, size_t maxpos,
              size_t *npos, const char *usage)
{
    *npos = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        }
        if (strncmp(a, "--", 2) != 0 || a[2] == '\0') {
            if (*npos >= maxpos)
                return cli_usage_error(argv[0], _("unexpected argument '%s'"), a);
            pos[(*npos)++] = a;
            continue;
        }
        const char *name = a + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const cli_opt *o = NULL;
        for (const cli_opt *p = opts; p->name != NULL; p++)
            if (strlen(p->name) == len && strncmp(p->name, name, len) == 0)
                o = p;
        if (o == NULL)
            return cli_usage_error(argv[0], _("unknown option '--%.*s' (see --help)"), (int)len, name);
        if (o->flag != NULL) {
            if (eq != NULL)
                return cli_usage_error(argv[0], _("option '--%s' takes no value"), o->name);
            *o->flag = true;
        } else if (eq != NULL) {
            *o->value = eq + 1;
        } else if (i + 1 < argc) {
            *o->value = argv[++i];
        } else {
            return cli_usage_error(argv[0], _("option '--%s' needs a value"), o->name);
        }
    }
    return -1;
}

int cli_fail(samen_status st, const samen_diag *d)
{
    samen_diag_print(d, stderr);
    if (samen_diag_count(d) == 0)
        fprintf(stderr, "samen: %s\n", samen_status_message(st));
    return samen_status_exit_code(st);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "samen %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 2;
}

bool cli_parse_wave(const char *cmd, const char *text, int *wave)
{
    char *end = NULL;
    long w = text ? strtol(text, &end, 10) : 0;
    if (text == NULL || *text == '\0' || *end != '\0' || w < 1990 || w > 2100) {
        cli_usage_error(cmd, "%s", _("--wave needs a year, such as 2023"));
        return false;
    }
    *wave = (int)w;
    return true;
}

int cli_open_study(const char *dir, const char *db_url, samen_study **study, samen_store **store,
                   samen_diag *d)
{
    if (dir == NULL)
        dir = ".";
    samen_status st = samen_study_load(dir, study, d);
    if (st != SAMEN_OK)
        return cli_fail(st, d);
    if (store == NULL)
        return -1;
    char url[4200];
    if (db_url != NULL)
        snprintf(url, sizeof url, "%s", db_url);
    else
        samen_store_default_url(dir, url, sizeof url);
    st = samen_store_open(url, store, d);
    if (st != SAMEN_OK) {
        samen_study_destroy(*study);
        *study = NULL;
        return cli_fail(st, d);
    }
    return -1;
}

bool cli_parse_numbers(const char *cmd, const char *option, const char *text, double *out,
                       size_t cap, size_t *n)
{
    *n = 0;
    if (text == NULL || *text == '\0')
        return true;
    const char *p = text;
    for (;;) {
        char *end = NULL;
        double v = strtod(p, &end);
        if (end == p || (*end != ',' && *end != '\0') || *n >= cap) {
            cli_usage_error(cmd, "--%s: '%s' is not a list of at most %zu numbers such as 8,9",
                            option, text, cap);
            return false;
        }
        out[(*n)++] = v;
        if (*end == '\0')
            return true;
        p = end + 1;
    }
}

int cli_load_definition(const char *cmd, const samen_study *s, const char *definition,
                        samen_tabledef **def, samen_diag *d)
{
    char path[4400];
    if (definition != NULL)
        snprintf(path, sizeof path, "%s", definition);
    else
        samen_tabledef_default_path(s, path, sizeof path);
    samen_status st = samen_tabledef_load(path, path, s, def, d);
    if (st == SAMEN_OK)
        return -1;
    if (st == SAMEN_ENOTFOUND && definition == NULL)
        fprintf(stderr,
                _("samen %s: the study has no report definition %s (see "
                  "docs/REPORT-DEFINITION.md, or give --definition FILE)\n"),
                cmd, path);
    return cli_fail(st, d);
}
