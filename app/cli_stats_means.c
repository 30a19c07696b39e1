/* cli_stats_means.c - samen stats means: n, mean, standard deviation,
 * median, minimum and maximum of a variable per value of a grouping
 * variable, with the total (MISSION.md's command-line contract; the
 * statistics and their rules are in src/stats/descriptives.c). */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "samen/interchange.h"
#include "samen/stats_descriptives.h"

static const char usage[] =
    "usage: samen stats means --data FILE.csv --var V [--by G] [--missing 8,9]\n"
    "                         [--format table|json]\n"
    "\n"
    "Descriptive statistics of V per value of G (as SPSS and PSPP MEANS), and\n"
    "the total: n, mean, standard deviation (denominator n - 1), median (the\n"
    "middle value, or the mean of the two middle values, as R's median()),\n"
    "minimum and maximum. A case counts when V is valid and, with --by, G is\n"
    "valid too; the total covers those cases. Without --by there are no groups,\n"
    "only the total over the valid values of V.\n"
    "\n"
    "options:\n"
    "  --data FILE.csv   header row of variable names, numeric cells\n"
    "  --var V           the variable described\n"
    "  --by G            the grouping variable (one group per value)\n"
    "  --missing 8,9     user-missing codes of every column (at most 8)\n"
    "  --format F        table (default, for people) or json\n"
    "\n"
    "json: {\"variable\",\"by\",\"cases\",\"groups\":[{\"value\",\"label\",\"n\",\"mean\",\"sd\",\n"
    "       \"median\",\"min\",\"max\",\"missing\"}],\"total\":{\"n\",\"mean\",\"sd\",\"median\",\n"
    "       \"min\",\"max\",\"missing\"}}\n"
    "A statistic of too few cases (sd of n < 2, mean of n = 0) is null;\n"
    "\"missing\" counts the cases of a group whose V is missing (for the total:\n"
    "every case left out).\n"
    "\n"
    "Exit status: 0 success, 2 bad input (the message names the option, or\n"
    "the file, line and column), 1 internal failure.\n";

static void add_num(cJSON *o, const char *key, double v)
{
    if (isfinite(v))
        cJSON_AddNumberToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

static cJSON *row_json(const samen_descriptives_row *row, bool group)
{
    cJSON *o = cJSON_CreateObject();
    if (o == NULL)
        return NULL;
    if (group) {
        cJSON_AddNumberToObject(o, "value", row->value);
        if (row->label != NULL)
            cJSON_AddStringToObject(o, "label", row->label);
        else
            cJSON_AddNullToObject(o, "label");
    }
    cJSON_AddNumberToObject(o, "n", (double)row->n);
    add_num(o, "mean", row->mean);
    add_num(o, "sd", row->sd);
    add_num(o, "median", row->median);
    add_num(o, "min", row->min);
    add_num(o, "max", row->max);
    cJSON_AddNumberToObject(o, "missing", (double)row->missing);
    return o;
}

static int print_json(const samen_dataset *ds, size_t var, long by, const samen_descriptives *r)
{
    cJSON *root = cJSON_CreateObject();
    if (root == NULL)
        return 1;
    cJSON_AddStringToObject(root, "variable", samen_dataset_var_name(ds, var));
    if (by >= 0)
        cJSON_AddStringToObject(root, "by", samen_dataset_var_name(ds, (size_t)by));
    else
        cJSON_AddNullToObject(root, "by");
    cJSON_AddNumberToObject(root, "cases", (double)samen_dataset_ncases(ds));
    cJSON *groups = cJSON_AddArrayToObject(root, "groups");
    for (size_t i = 0; i < samen_descriptives_ngroups(r); i++)
        cJSON_AddItemToArray(groups, row_json(samen_descriptives_group(r, i), true));
    cJSON_AddItemToObject(root, "total", row_json(samen_descriptives_total(r), false));
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (text == NULL)
        return 1;
    puts(text);
    free(text);
    return 0;
}

static const char *fmt3(char *out, size_t cap, double v)
{
    if (isfinite(v))
        snprintf(out, cap, "%.3f", v);
    else
        snprintf(out, cap, "-");
    return out;
}

/* Prints one row; the label column only when labels (a group has one). */
static void print_row(const char *value, bool labels, const char *label,
                      const samen_descriptives_row *row)
{
    char a[32], b[32], c[32], d[32], e[32];
    printf("%-10s ", value);
    if (labels)
        printf("%-24.24s ", label ? label : "");
    printf("%8zu %10s %10s %10s %10s %10s\n", row->n, fmt3(a, sizeof a, row->mean),
           fmt3(b, sizeof b, row->sd), fmt3(c, sizeof c, row->median),
           fmt3(d, sizeof d, row->min), fmt3(e, sizeof e, row->max));
}

static void print_table(const samen_dataset *ds, size_t var, long by, const samen_descriptives *r)
{
    const char *vlabel = samen_dataset_var_label(ds, var);
    printf("%s%s%s%s", samen_dataset_var_name(ds, var), vlabel ? " (" : "", vlabel ? vlabel : "",
           vlabel ? ")" : "");
    if (by >= 0)
        printf(" by %s", samen_dataset_var_name(ds, (size_t)by));
    bool labels = false;
    for (size_t i = 0; i < samen_descriptives_ngroups(r); i++)
        if (samen_descriptives_group(r, i)->label != NULL)
            labels = true;
    printf("\n\n%-10s ", by >= 0 ? "value" : "");
    if (labels)
        printf("%-24s ", "label");
    printf("%8s %10s %10s %10s %10s %10s\n", "n", "mean", "sd", "median", "min", "max");
    for (size_t i = 0; i < samen_descriptives_ngroups(r); i++) {
        const samen_descriptives_row *row = samen_descriptives_group(r, i);
        char value[32];
        snprintf(value, sizeof value, "%g", row->value);
        print_row(value, labels, row->label, row);
    }
    const samen_descriptives_row *t = samen_descriptives_total(r);
    print_row("Total", labels, NULL, t);
    printf("\n%zu of %zu cases left out (missing)\n", t->missing, samen_dataset_ncases(ds));
}

int cli_stats_means(int argc, char **argv)
{
    const char *data = NULL, *var_name = NULL, *by_name = NULL, *missing_text = NULL;
    const char *format = "table";
    const cli_opt opts[] = {{"data", &data, NULL},       {"var", &var_name, NULL},
                            {"by", &by_name, NULL},      {"missing", &missing_text, NULL},
                            {"format", &format, NULL},   {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 0, &npos, usage);
    if (rc >= 0)
        return rc;
    bool json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "table") != 0)
        return cli_usage_error("means", "--format is table or json");
    if (data == NULL)
        return cli_usage_error("means", "--data is required (see --help)");
    if (var_name == NULL)
        return cli_usage_error("means", "--var is required (see --help)");
    double missing[SAMEN_DATASET_MAX_MISSING];
    size_t nmissing = 0;
    if (!cli_parse_numbers("means", "missing", missing_text, missing, SAMEN_DATASET_MAX_MISSING,
                           &nmissing))
        return 2;

    samen_diag *d = samen_diag_create(100);
    samen_dataset *ds = NULL;
    samen_descriptives *r = NULL;
    if (d == NULL)
        return 1;
    samen_status st = samen_dataset_read_csv(data, data, missing, nmissing, &ds, d);
    if (st != SAMEN_OK) {
        rc = cli_fail(st, d);
        goto out;
    }
    long var = samen_dataset_find_var(ds, var_name);
    if (var < 0) {
        rc = cli_usage_error("means", "--var: no variable '%s' in %s", var_name, data);
        goto out;
    }
    long by = -1;
    if (by_name != NULL) {
        by = samen_dataset_find_var(ds, by_name);
        if (by < 0) {
            rc = cli_usage_error("means", "--by: no variable '%s' in %s", by_name, data);
            goto out;
        }
    }
    st = samen_descriptives_compute(ds, (size_t)var, by, &r);
    if (st == SAMEN_ETOOBIG) {
        rc = cli_usage_error("means", "--by: '%s' has more than %d distinct values", by_name,
                             SAMEN_DESCRIPTIVES_MAX_GROUPS);
        goto out;
    }
    if (st != SAMEN_OK) {
        rc = cli_fail(st, d);
        goto out;
    }
    if (json) {
        rc = print_json(ds, (size_t)var, by, r);
    } else {
        print_table(ds, (size_t)var, by, r);
        rc = 0;
    }
out:
    samen_descriptives_destroy(r);
    samen_dataset_destroy(ds);
    samen_diag_destroy(d);
    return rc;
}
