/* cli_stats_compare.c - samen stats compare: a variable in two groups
 * (usually two waves): Mann-Whitney U with r, Welch's t with Cohen's d, and
 * the caveats on size and composition. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "samen/interchange.h"
#include "samen/stats_compare.h"

static const char usage[] =
    "usage: samen stats compare --data F.csv --var V --by G [--groups A,B]\n"
    "                           [--composition X,Y] [--missing 8,9] [--format json|table]\n\n"
    "Compares V between the cases with G = A and G = B (default: the two smallest\n"
    "values of G): Mann-Whitney U (ties corrected, no continuity correction) with\n"
    "r = |z|/sqrt(N), and Welch's t with Cohen's d. Caveats are added when the\n"
    "groups differ more than 2x in size, have fewer than 10 cases, or differ in\n"
    "composition on the variables named by --composition (total variation\n"
    "distance above 0.20).\n";

/* Copies the cases of ds with G == g into a new dataset holding var and the
 * composition variables (so the caveat check sees one wave at a time). */
static samen_dataset *subset(const samen_dataset *ds, long by, double g, const long *vars,
                             size_t nv)
{
    size_t n = 0;
    for (size_t c = 0; c < samen_dataset_ncases(ds); c++)
        n += samen_dataset_get(ds, (size_t)by, c) == g;
    samen_dataset *out = samen_dataset_create(n);
    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < nv; i++) {
        size_t idx;
        if (samen_dataset_add_var(out, samen_dataset_var_name(ds, (size_t)vars[i]),
                                  SAMEN_COLUMN_NUMBER, &idx) != SAMEN_OK)
            continue; /* a variable named twice */
        for (size_t m = 0; m < samen_dataset_nmissing(ds, (size_t)vars[i]); m++)
            samen_dataset_add_missing(out, idx, samen_dataset_missing_value(ds, (size_t)vars[i], m));
        size_t k = 0;
        for (size_t c = 0; c < samen_dataset_ncases(ds); c++)
            if (samen_dataset_get(ds, (size_t)by, c) == g)
                samen_dataset_set(out, idx, k++, samen_dataset_get(ds, (size_t)vars[i], c));
    }
    return out;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int cli_stats_compare(int argc, char **argv)
{
    const char *data = NULL, *var = NULL, *by = NULL, *groups = NULL, *comp = NULL,
               *missing = NULL, *format = "json";
    const cli_opt opts[] = {{"data", &data, NULL},         {"var", &var, NULL},
                            {"by", &by, NULL},             {"groups", &groups, NULL},
                            {"composition", &comp, NULL},  {"missing", &missing, NULL},
                            {"format", &format, NULL},     {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 0, &npos, usage);
    if (rc >= 0)
        return rc;
    if (data == NULL || var == NULL || by == NULL)
        return cli_usage_error("stats compare", "--data, --var and --by are required");
    bool json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "table") != 0)
        return cli_usage_error("stats compare", "--format is json or table");
    double miss[SAMEN_DATASET_MAX_MISSING], grp[2];
    size_t nmiss, ngrp;
    if (!cli_parse_numbers("stats compare", "missing", missing, miss, SAMEN_DATASET_MAX_MISSING,
                           &nmiss) ||
        !cli_parse_numbers("stats compare", "groups", groups, grp, 2, &ngrp))
        return 2;
    if (groups != NULL && ngrp != 2)
        return cli_usage_error("stats compare", "--groups takes two values, e.g. 2022,2023");
    samen_diag *d = samen_diag_create(50);
    samen_dataset *ds = NULL, *a = NULL, *b = NULL;
    cJSON *root = NULL;
    samen_status st = samen_dataset_read_csv(data, data, miss, nmiss, &ds, d);
    if (st != SAMEN_OK) {
        rc = cli_fail(st, d);
        goto out;
    }
    long v = samen_dataset_find_var(ds, var), g = samen_dataset_find_var(ds, by);
    if (v < 0 || g < 0) {
        rc = cli_usage_error("stats compare", "no variable '%s' in %s", v < 0 ? var : by, data);
        goto out;
    }
    if (ngrp == 0) {
        double *vals = NULL;
        size_t n = 0;
        if (samen_compare_valid_values(ds, (size_t)g, &vals, &n) != SAMEN_OK) {
            rc = 1;
            goto out;
        }
        qsort(vals, n, sizeof *vals, cmp_double);
        size_t k = 0;
        for (size_t i = 0; i < n && k < 2; i++)
            if (k == 0 || vals[i] != grp[k - 1])
                grp[k++] = vals[i];
        free(vals);
        if (k < 2) {
            rc = cli_usage_error("stats compare", "'%s' has fewer than two groups", by);
            goto out;
        }
    }
    /* the compared variable first, then the composition variables */
    long vars[17];
    size_t nv = 0;
    vars[nv++] = v;
    const char *names[16];
    size_t nnames = 0;
    char compbuf[1024];
    snprintf(compbuf, sizeof compbuf, "%s", comp ? comp : "");
    for (char *p = compbuf; *p && nnames < 16;) {
        char *e = strchr(p, ',');
        if (e != NULL)
            *e = '\0';
        long cv = samen_dataset_find_var(ds, p);
        if (cv < 0) {
            rc = cli_usage_error("stats compare", "no variable '%s' in %s", p, data);
            goto out;
        }
        names[nnames++] = p;
        vars[nv++] = cv;
        if (e == NULL)
            break;
        p = e + 1;
    }
    a = subset(ds, g, grp[0], vars, nv);
    b = subset(ds, g, grp[1], vars, nv);
    if (a == NULL || b == NULL) {
        rc = 1;
        goto out;
    }
    double *x = NULL, *y = NULL;
    size_t nx = 0, ny = 0;
    if (samen_compare_valid_values(a, 0, &x, &nx) != SAMEN_OK ||
        samen_compare_valid_values(b, 0, &y, &ny) != SAMEN_OK) {
        free(x);
        rc = 1;
        goto out;
    }
    samen_mann_whitney mw;
    samen_welch wt;
    bool have_mw = samen_mann_whitney_test(x, nx, y, ny, &mw) == SAMEN_OK;
    bool have_t = samen_welch_test(x, nx, y, ny, &wt) == SAMEN_OK;
    free(x);
    free(y);
    samen_caveat cav[20];
    size_t ncav = 0;
    samen_compare_caveats(a, b, names, nnames, NULL, cav, 20, &ncav);

    root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "variable", var);
    cJSON_AddStringToObject(root, "by", by);
    cJSON *gs = cJSON_AddArrayToObject(root, "groups");
    cJSON_AddItemToArray(gs, cJSON_CreateNumber(grp[0]));
    cJSON_AddItemToArray(gs, cJSON_CreateNumber(grp[1]));
    if (have_mw) {
        cJSON *m = cJSON_AddObjectToObject(root, "mann_whitney");
        cJSON_AddNumberToObject(m, "n1", (double)mw.n1);
        cJSON_AddNumberToObject(m, "n2", (double)mw.n2);
        cJSON_AddNumberToObject(m, "mean_rank1", mw.mean_rank1);
        cJSON_AddNumberToObject(m, "mean_rank2", mw.mean_rank2);
        cJSON_AddNumberToObject(m, "u", mw.u);
        cJSON_AddNumberToObject(m, "w", mw.w);
        cJSON_AddNumberToObject(m, "z", mw.z);
        cJSON_AddNumberToObject(m, "p", mw.p);
        cJSON_AddNumberToObject(m, "r", mw.r);
    } else {
        cJSON_AddNullToObject(root, "mann_whitney");
    }
    if (have_t) {
        cJSON *t = cJSON_AddObjectToObject(root, "welch");
        cJSON_AddNumberToObject(t, "n1", (double)wt.n1);
        cJSON_AddNumberToObject(t, "n2", (double)wt.n2);
        cJSON_AddNumberToObject(t, "mean1", wt.mean1);
        cJSON_AddNumberToObject(t, "mean2", wt.mean2);
        cJSON_AddNumberToObject(t, "sd1", wt.sd1);
        cJSON_AddNumberToObject(t, "sd2", wt.sd2);
        cJSON_AddNumberToObject(t, "t", wt.t);
        cJSON_AddNumberToObject(t, "df", wt.df);
        cJSON_AddNumberToObject(t, "p", wt.p);
        cJSON_AddNumberToObject(t, "cohens_d", wt.cohens_d);
    } else {
        cJSON_AddNullToObject(root, "welch");
    }
    cJSON *cs = cJSON_AddArrayToObject(root, "caveats");
    for (size_t i = 0; i < ncav && i < 20; i++) {
        char text[400];
        cJSON_AddItemToArray(cs, cJSON_CreateString(samen_caveat_describe(&cav[i], text, sizeof text)));
    }
    if (json) {
        char *text = cJSON_PrintUnformatted(root);
        if (text != NULL)
            puts(text);
        free(text);
    } else {
        printf("%s by %s: %g (n = %zu) vs %g (n = %zu)\n", var, by, grp[0], nx, grp[1], ny);
        if (have_mw)
            printf("  Mann-Whitney U = %.1f, W = %.1f, z = %.3f, p = %.4f, r = %.3f\n", mw.u, mw.w,
                   mw.z, mw.p, mw.r);
        if (have_t)
            printf("  means %.3f vs %.3f; Welch t = %.3f, df = %.2f, p = %.4f, Cohen's d = %.3f\n",
                   wt.mean1, wt.mean2, wt.t, wt.df, wt.p, wt.cohens_d);
        for (size_t i = 0; i < ncav && i < 20; i++) {
            char text[400];
            printf("  ! %s\n", samen_caveat_describe(&cav[i], text, sizeof text));
        }
    }
    rc = 0;
out:
    cJSON_Delete(root);
    samen_dataset_destroy(a);
    samen_dataset_destroy(b);
    samen_dataset_destroy(ds);
    samen_diag_destroy(d);
    return rc;
}
