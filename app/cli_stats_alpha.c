/* cli_stats_alpha.c - samen stats alpha: Cronbach's alpha of a scale in a
 * plain data CSV, with standardized alpha and the item-total statistics
 * (MISSION.md's command-line contract; the statistics and their rules are
 * in src/stats/reliability.c). */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "samen/interchange.h"
#include "samen/stats_reliability.h"

static const char usage[] =
    "usage: samen stats alpha --data FILE.csv --items A,B,C [--reverse B]\n"
    "                         [--min N --max N] [--missing 8,9] [--format table|json]\n"
    "\n"
    "Reliability of the scale made of the items: Cronbach's alpha, alpha based\n"
    "on standardized items (from the mean inter-item correlation), and per item\n"
    "the scale mean and variance if the item is deleted, the corrected\n"
    "item-total correlation and alpha if the item is deleted (as SPSS and PSPP\n"
    "RELIABILITY /SUMMARY=TOTAL).\n"
    "\n"
    "Only cases with a valid value on every item are used (listwise). Empty\n"
    "cells are missing; --missing lists codes that are missing in every\n"
    "column (non-substantive answers such as 9 'weet niet').\n"
    "\n"
    "options:\n"
    "  --data FILE.csv   header row of variable names, numeric cells\n"
    "  --items A,B,C     the scale's items (at least two)\n"
    "  --reverse B,...   reverse-keyed items (a subset of --items), mirrored as\n"
    "                    min + max - x before anything is computed\n"
    "  --min N --max N   the answer scale's bounds for mirroring (give both);\n"
    "                    without them, min and max are the smallest and largest\n"
    "                    valid value of any item in any case of the data\n"
    "  --missing 8,9     user-missing codes (at most 8)\n"
    "  --format F        table (default, for people) or json\n"
    "\n"
    "json: {\"n\",\"k\",\"alpha\",\"standardized_alpha\",\"cases\",\"excluded\",\n"
    "       \"mean_inter_item_r\",\"scale_mean\",\"scale_variance\",\"reverse\",\n"
    "       \"mirror_min\",\"mirror_max\",\"items\":[{\"item\",\"corrected_item_total_r\",\n"
    "       \"alpha_if_deleted\",\"mean\",\"sd\",\"scale_mean_if_deleted\",\n"
    "       \"scale_variance_if_deleted\",\"item_total_r\",\n"
    "       \"standardized_alpha_if_deleted\",\"reversed\"}]}\n"
    "An undefined statistic (fewer than two complete cases, a constant item,\n"
    "alpha if deleted of a two-item scale) is null.\n"
    "\n"
    "Exit status: 0 success, 2 bad input (the message names the option, or\n"
    "the file, line and column), 1 internal failure.\n";

/* Splits the comma-separated list text into names, looks each up in ds and
 * writes the indexes to idx (room for cap). Prints an error naming option
 * and returns false on an empty name, an unknown variable or too many. */
static bool parse_vars(const char *option, const char *text, const samen_dataset *ds,
                       const char *data, size_t *idx, size_t cap, size_t *n)
{
    *n = 0;
    const char *p = text;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
        if (len == 0) {
            cli_usage_error("alpha", "--%s: empty variable name in '%s'", option, text);
            return false;
        }
        if (*n >= cap) {
            cli_usage_error("alpha", "--%s: more than %zu variables", option, cap);
            return false;
        }
        char *name = strndup(p, len);
        if (name == NULL) {
            cli_usage_error("alpha", "out of memory");
            return false;
        }
        long v = samen_dataset_find_var(ds, name);
        if (v < 0) {
            cli_usage_error("alpha", "--%s: no variable '%s' in %s", option, name, data);
            free(name);
            return false;
        }
        free(name);
        idx[(*n)++] = (size_t)v;
        if (comma == NULL)
            return true;
        p = comma + 1;
    }
}

static bool parse_number(const char *option, const char *text, double *out)
{
    char *end = NULL;
    double v = strtod(text, &end);
    if (*text == '\0' || *end != '\0' || !isfinite(v)) {
        cli_usage_error("alpha", "--%s: '%s' is not a number", option, text);
        return false;
    }
    *out = v;
    return true;
}

/* Adds key: v to o, null when v is NAN. */
static void add_num(cJSON *o, const char *key, double v)
{
    if (isfinite(v))
        cJSON_AddNumberToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

/* Writes v with three decimals into out, "-" when undefined. */
static const char *fmt3(char *out, size_t cap, double v)
{
    if (isfinite(v))
        snprintf(out, cap, "%.3f", v);
    else
        snprintf(out, cap, "-");
    return out;
}

static int print_json(const samen_dataset *ds, const samen_reliability *r)
{
    const samen_reliability_scale *s = samen_reliability_get_scale(r);
    cJSON *root = cJSON_CreateObject();
    if (root == NULL)
        return 1;
    cJSON_AddNumberToObject(root, "n", (double)s->n);
    cJSON_AddNumberToObject(root, "k", (double)s->k);
    add_num(root, "alpha", s->alpha);
    add_num(root, "standardized_alpha", s->standardized_alpha);
    cJSON_AddNumberToObject(root, "cases", (double)s->cases);
    cJSON_AddNumberToObject(root, "excluded", (double)(s->cases - s->n));
    add_num(root, "mean_inter_item_r", s->mean_inter_item_r);
    add_num(root, "scale_mean", s->scale_mean);
    add_num(root, "scale_variance", s->scale_variance);
    cJSON *rev = cJSON_AddArrayToObject(root, "reverse");
    cJSON *items = cJSON_CreateArray();
    for (size_t i = 0; i < s->k; i++) {
        const samen_reliability_item *it = samen_reliability_get_item(r, i);
        const char *name = samen_dataset_var_name(ds, it->var);
        if (it->reversed)
            cJSON_AddItemToArray(rev, cJSON_CreateString(name));
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "item", name);
        add_num(o, "corrected_item_total_r", it->corrected_item_total_r);
        add_num(o, "alpha_if_deleted", it->alpha_if_deleted);
        add_num(o, "mean", it->mean);
        add_num(o, "sd", it->sd);
        add_num(o, "scale_mean_if_deleted", it->scale_mean_if_deleted);
        add_num(o, "scale_variance_if_deleted", it->scale_variance_if_deleted);
        add_num(o, "item_total_r", it->item_total_r);
        add_num(o, "standardized_alpha_if_deleted", it->standardized_alpha_if_deleted);
        cJSON_AddBoolToObject(o, "reversed", it->reversed);
        cJSON_AddItemToArray(items, o);
    }
    add_num(root, "mirror_min", s->mirror_min);
    add_num(root, "mirror_max", s->mirror_max);
    cJSON_AddItemToObject(root, "items", items);
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (text == NULL)
        return 1;
    puts(text);
    free(text);
    return 0;
}

static void print_table(const samen_dataset *ds, const samen_reliability *r)
{
    const samen_reliability_scale *s = samen_reliability_get_scale(r);
    char a[32], b[32], c[32], d[32], e[32], f[32], g[32];
    printf("Reliability of %zu items:", s->k);
    for (size_t i = 0; i < s->k; i++)
        printf("%s %s", i ? "," : "",
               samen_dataset_var_name(ds, samen_reliability_get_item(r, i)->var));
    printf("\nCases: %zu valid (listwise), %zu excluded, %zu total\n", s->n, s->cases - s->n,
           s->cases);
    if (!isnan(s->mirror_min)) {
        printf("Reverse-keyed (mirrored as %g + %g - x):", s->mirror_min, s->mirror_max);
        for (size_t i = 0; i < s->k; i++) {
            const samen_reliability_item *it = samen_reliability_get_item(r, i);
            if (it->reversed)
                printf(" %s", samen_dataset_var_name(ds, it->var));
        }
        printf("\n");
    }
    printf("\n%-40s %9s\n", "Cronbach's alpha", fmt3(a, sizeof a, s->alpha));
    printf("%-40s %9s\n", "Alpha based on standardized items",
           fmt3(a, sizeof a, s->standardized_alpha));
    printf("%-40s %9s\n", "Mean inter-item correlation", fmt3(a, sizeof a, s->mean_inter_item_r));
    printf("%-40s %9s\n", "Scale mean (sum of the items)", fmt3(a, sizeof a, s->scale_mean));
    printf("%-40s %9s\n", "Scale variance", fmt3(a, sizeof a, s->scale_variance));
    printf("\n%-16s %8s %8s %12s %12s %10s %12s %10s\n", "", "", "", "scale mean", "scale var",
           "item-", "corrected", "alpha");
    printf("%-16s %8s %8s %12s %12s %10s %12s %10s\n", "item", "mean", "sd", "if deleted",
           "if deleted", "total r", "item-total r", "if deleted");
    for (size_t i = 0; i < s->k; i++) {
        const samen_reliability_item *it = samen_reliability_get_item(r, i);
        char name[64];
        snprintf(name, sizeof name, "%s%s", samen_dataset_var_name(ds, it->var),
                 it->reversed ? " (r)" : "");
        printf("%-16s %8s %8s %12s %12s %10s %12s %10s\n", name, fmt3(a, sizeof a, it->mean),
               fmt3(b, sizeof b, it->sd), fmt3(c, sizeof c, it->scale_mean_if_deleted),
               fmt3(d, sizeof d, it->scale_variance_if_deleted),
               fmt3(e, sizeof e, it->item_total_r), fmt3(f, sizeof f, it->corrected_item_total_r),
               fmt3(g, sizeof g, it->alpha_if_deleted));
    }
}

int cli_stats_alpha(int argc, char **argv)
{
    const char *data = NULL, *items_text = NULL, *reverse_text = NULL, *missing_text = NULL;
    const char *format = "table", *min_text = NULL, *max_text = NULL;
    const cli_opt opts[] = {{"data", &data, NULL},         {"items", &items_text, NULL},
                            {"reverse", &reverse_text, NULL}, {"missing", &missing_text, NULL},
                            {"format", &format, NULL},     {"min", &min_text, NULL},
                            {"max", &max_text, NULL},      {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 0, &npos, usage);
    if (rc >= 0)
        return rc;
    bool json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "table") != 0)
        return cli_usage_error("alpha", "--format is table or json");
    if (data == NULL)
        return cli_usage_error("alpha", "--data is required (see --help)");
    if (items_text == NULL)
        return cli_usage_error("alpha", "--items is required (see --help)");
    if ((min_text == NULL) != (max_text == NULL))
        return cli_usage_error("alpha", "give --min and --max together");
    double min = NAN, max = NAN;
    if (min_text != NULL) {
        if (!parse_number("min", min_text, &min) || !parse_number("max", max_text, &max))
            return 2;
        if (!(min < max))
            return cli_usage_error("alpha", "--min must be below --max");
    }
    double missing[SAMEN_DATASET_MAX_MISSING];
    size_t nmissing = 0;
    if (!cli_parse_numbers("alpha", "missing", missing_text, missing, SAMEN_DATASET_MAX_MISSING,
                           &nmissing))
        return 2;

    samen_diag *d = samen_diag_create(100);
    samen_dataset *ds = NULL;
    samen_reliability *r = NULL;
    size_t *items = NULL, *rev_idx = NULL;
    bool *reverse = NULL;
    if (d == NULL)
        return 1;
    samen_status st = samen_dataset_read_csv(data, data, missing, nmissing, &ds, d);
    if (st != SAMEN_OK) {
        rc = cli_fail(st, d);
        goto out;
    }
    items = calloc(SAMEN_RELIABILITY_MAX_ITEMS, sizeof *items);
    rev_idx = calloc(SAMEN_RELIABILITY_MAX_ITEMS, sizeof *rev_idx);
    reverse = calloc(SAMEN_RELIABILITY_MAX_ITEMS, sizeof *reverse);
    if (items == NULL || rev_idx == NULL || reverse == NULL) {
        rc = 1;
        goto out;
    }
    size_t k = 0, nrev = 0;
    if (!parse_vars("items", items_text, ds, data, items, SAMEN_RELIABILITY_MAX_ITEMS, &k)) {
        rc = 2;
        goto out;
    }
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < i; j++)
            if (items[i] == items[j]) {
                rc = cli_usage_error("alpha", "--items: '%s' is listed twice",
                                     samen_dataset_var_name(ds, items[i]));
                goto out;
            }
    if (k < 2) {
        rc = cli_usage_error("alpha", "--items: alpha needs at least two items");
        goto out;
    }
    if (reverse_text != NULL) {
        if (!parse_vars("reverse", reverse_text, ds, data, rev_idx, SAMEN_RELIABILITY_MAX_ITEMS,
                        &nrev)) {
            rc = 2;
            goto out;
        }
        for (size_t j = 0; j < nrev; j++) {
            bool found = false;
            for (size_t i = 0; i < k; i++)
                if (items[i] == rev_idx[j]) {
                    reverse[i] = true;
                    found = true;
                }
            if (!found) {
                rc = cli_usage_error("alpha", "--reverse: '%s' is not one of --items",
                                     samen_dataset_var_name(ds, rev_idx[j]));
                goto out;
            }
        }
    }
    samen_reliability_spec spec = {.items = items,
                                   .nitems = k,
                                   .reverse = nrev > 0 ? reverse : NULL,
                                   .min = min,
                                   .max = max};
    st = samen_reliability_compute(ds, &spec, &r);
    if (st != SAMEN_OK) {
        rc = cli_fail(st, d);
        goto out;
    }
    const samen_reliability_scale *s = samen_reliability_get_scale(r);
    if (s->n < 2)
        fprintf(stderr, "samen stats alpha: warning: %zu complete case%s: alpha is undefined\n",
                s->n, s->n == 1 ? "" : "s");
    if (s->out_of_range > 0)
        fprintf(stderr,
                "samen stats alpha: warning: %zu values of reverse-keyed items lie outside "
                "%g..%g (a code missing from --missing?)\n",
                s->out_of_range, s->mirror_min, s->mirror_max);
    if (json) {
        rc = print_json(ds, r);
    } else {
        print_table(ds, r);
        rc = 0;
    }
out:
    samen_reliability_destroy(r);
    samen_dataset_destroy(ds);
    samen_diag_destroy(d);
    free(items);
    free(rev_idx);
    free(reverse);
    return rc;
}
