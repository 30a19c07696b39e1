/* cli_stats_freq.c - samen stats freq: the frequencies of one variable of a
 * plain data CSV, as JSON (MISSION.md's command-line contract) or as a
 * table for people. Exports cli_stats_freq(). */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "samen/interchange.h"
#include "samen/stats_freq.h"

static const char usage[] =
    "usage: samen stats freq --data FILE.csv --var NAME [--missing 8,9]\n"
    "                        [--format json|table] [--suppress N]\n\n"
    "Frequencies of one variable: every value with its count, percent (of all\n"
    "cases), valid percent and cumulative percent (of the valid cases).\n"
    "FILE.csv has a header row of variable names, numeric codes, empty = missing.\n\n"
    "  --missing 8,9   these values are non-substantive (user-missing) answers:\n"
    "                  listed apart and kept out of the valid percentages\n"
    "  --format F      json (default) or table\n"
    "  --suppress N    region-level output: blank counts of 1..N-1 (and what\n"
    "                  would give them away); cumulative percentages are left out\n\n"
    "Percentages on fewer than 10 valid cases are flagged as a small base.\n"
    "Exit status: 0 success, 2 bad input, 1 internal failure.\n";

static cJSON *number_or_null(double x)
{
    return isnan(x) ? cJSON_CreateNull() : cJSON_CreateNumber(x);
}

/* blank (may be NULL) marks suppressed rows; exposed hides valid_n,
 * missing_n and the valid percentages too (samen_freq_suppress()). */
static char *to_json(const samen_freq *f, const bool *blank, double suppress, size_t nblank,
                     bool exposed)
{
    cJSON *root = cJSON_CreateObject();
    if (root == NULL)
        return NULL;
    cJSON_AddStringToObject(root, "variable", samen_freq_variable(f));
    if (samen_freq_variable_label(f) != NULL)
        cJSON_AddStringToObject(root, "label", samen_freq_variable_label(f));
    cJSON_AddNumberToObject(root, "n", (double)samen_freq_n(f));
    cJSON_AddItemToObject(root, "valid_n",
                          number_or_null(exposed ? NAN : (double)samen_freq_valid_n(f)));
    cJSON_AddItemToObject(root, "missing_n",
                          number_or_null(exposed ? NAN : (double)samen_freq_missing_n(f)));
    cJSON_AddBoolToObject(root, "small_base", samen_freq_small_base(f));
    cJSON_AddNumberToObject(root, "min_base", 10);
    cJSON *cats = cJSON_AddArrayToObject(root, "categories");
    for (size_t i = 0; i < samen_freq_ncategories(f); i++) {
        const samen_freq_category *c = samen_freq_category_at(f, i);
        bool hide = blank != NULL && blank[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "value", number_or_null(c->value));
        if (c->label != NULL)
            cJSON_AddStringToObject(o, "label", c->label);
        cJSON_AddItemToObject(o, "count", hide ? cJSON_CreateNull()
                                               : cJSON_CreateNumber((double)c->count));
        cJSON_AddItemToObject(o, "percent", number_or_null(hide ? NAN : c->percent));
        cJSON_AddItemToObject(o, "valid_percent",
                              number_or_null(hide || exposed ? NAN : c->valid_percent));
        cJSON_AddItemToObject(o, "cumulative_percent",
                              number_or_null(blank != NULL ? NAN : c->cumulative_percent));
        cJSON_AddBoolToObject(o, "missing", c->missing);
        if (c->system_missing)
            cJSON_AddBoolToObject(o, "system_missing", true);
        if (hide)
            cJSON_AddBoolToObject(o, "suppressed", true);
        cJSON_AddItemToArray(cats, o);
    }
    if (blank != NULL) {
        cJSON *s = cJSON_AddObjectToObject(root, "suppression");
        cJSON_AddNumberToObject(s, "min_n", suppress);
        cJSON_AddNumberToObject(s, "rows", (double)nblank);
        cJSON_AddBoolToObject(s, "totals_expose_a_row", exposed);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}

static void print_table(const samen_freq *f, const bool *blank, bool exposed)
{
    const char *label = samen_freq_variable_label(f);
    printf("%s%s%s%s\n", samen_freq_variable(f), label ? "  (" : "", label ? label : "",
           label ? ")" : "");
    printf("  %-32s %8s %8s %8s %8s\n", "value", "count", "percent", "valid %", "cum. %");
    bool missing_header = false;
    for (size_t i = 0; i < samen_freq_ncategories(f); i++) {
        const samen_freq_category *c = samen_freq_category_at(f, i);
        if (c->missing && !missing_header) {
            printf("  missing:\n");
            missing_header = true;
        }
        char name[40];
        if (c->system_missing)
            snprintf(name, sizeof name, "(no answer)");
        else if (c->label != NULL)
            snprintf(name, sizeof name, "%g %s", c->value, c->label);
        else
            snprintf(name, sizeof name, "%g", c->value);
        if (blank != NULL && blank[i]) {
            printf("  %-32s %8s %8s %8s %8s\n", name, "x", "x", c->missing ? "" : "x", "");
            continue;
        }
        printf("  %-32s %8zu %7.1f%%", name, c->count, c->percent);
        if (c->missing || exposed)
            printf("\n");
        else if (blank != NULL)
            printf(" %7.1f%%\n", c->valid_percent);
        else
            printf(" %7.1f%% %7.1f%%\n", c->valid_percent, c->cumulative_percent);
    }
    printf("  %-32s %8zu %7.1f%%\n", "total", samen_freq_n(f), samen_freq_n(f) ? 100.0 : 0.0);
    if (!exposed)
        printf("  valid n = %zu, missing = %zu\n", samen_freq_valid_n(f),
               samen_freq_missing_n(f));
    if (samen_freq_small_base(f))
        printf("  note: fewer than 10 valid cases; read the percentages with care.\n");
    if (blank != NULL)
        printf("  x: suppressed (small cell).\n");
}

/* Parses --suppress: a count of at least 2. */
static bool parse_suppress(const char *text, double *out)
{
    char *end = NULL;
    long v = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || v < 2 || v > 1000000) {
        cli_usage_error("stats freq", "--suppress needs a whole number of cases of at least 2");
        return false;
    }
    *out = (double)v;
    return true;
}

int cli_stats_freq(int argc, char **argv)
{
    const char *data = NULL, *var = NULL, *missing_text = NULL, *format = "json",
               *suppress_text = NULL;
    const cli_opt opts[] = {{"data", &data, NULL},       {"var", &var, NULL},
                            {"missing", &missing_text, NULL}, {"format", &format, NULL},
                            {"suppress", &suppress_text, NULL}, {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 0, &npos, usage);
    if (rc >= 0)
        return rc;
    if (data == NULL)
        return cli_usage_error("stats freq", "--data is required (see --help)");
    if (var == NULL)
        return cli_usage_error("stats freq", "--var is required (see --help)");
    bool json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "table") != 0)
        return cli_usage_error("stats freq", "--format is json or table");
    double missing[SAMEN_DATASET_MAX_MISSING];
    size_t nmissing = 0;
    if (!cli_parse_numbers("stats freq", "missing", missing_text, missing,
                           SAMEN_DATASET_MAX_MISSING, &nmissing))
        return 2;
    double suppress = 0;
    if (suppress_text != NULL && !parse_suppress(suppress_text, &suppress))
        return 2;

    samen_diag *d = samen_diag_create(100);
    samen_dataset *ds = NULL;
    samen_freq *f = NULL;
    bool *blank = NULL, exposed = false;
    size_t nblank = 0;
    samen_status st = samen_dataset_read_csv(data, data, missing, nmissing, &ds, d);
    if (st != SAMEN_OK) {
        rc = cli_fail(st, d);
        goto out;
    }
    long idx = samen_dataset_find_var(ds, var);
    if (idx < 0) {
        rc = cli_usage_error("stats freq", "%s: no variable '%s'", data, var);
        goto out;
    }
    st = samen_freq_compute(ds, (size_t)idx, &f);
    if (st != SAMEN_OK) {
        rc = cli_fail(st, d);
        goto out;
    }
    if (suppress_text != NULL) {
        size_t ncats = samen_freq_ncategories(f);
        blank = calloc(ncats ? ncats : 1, sizeof *blank);
        if (blank == NULL) {
            rc = cli_fail(SAMEN_ENOMEM, d);
            goto out;
        }
        st = samen_freq_suppress(f, suppress, blank, &nblank, &exposed);
        if (st != SAMEN_OK) {
            rc = cli_fail(st, d);
            goto out;
        }
    }
    if (json) {
        char *text = to_json(f, blank, suppress, nblank, exposed);
        if (text == NULL) {
            rc = cli_fail(SAMEN_ENOMEM, d);
            goto out;
        }
        puts(text);
        free(text);
    } else {
        print_table(f, blank, exposed);
    }
    rc = 0;
out:
    free(blank);
    samen_freq_destroy(f);
    samen_dataset_destroy(ds);
    samen_diag_destroy(d);
    return rc;
}
