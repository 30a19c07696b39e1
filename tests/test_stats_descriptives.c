/* test_stats_descriptives.c - descriptives and means by group
 * (src/stats/descriptives.c), with expectations computed by hand in the
 * comments, and the `samen stats means` command. */
#include <math.h>
#include <sys/wait.h>

#include "samen/dataset.h"
#include "samen/stats_descriptives.h"
#include "test.h"

/* A dataset of one or two variables from arrays (NAN = system-missing). */
static samen_dataset *make(size_t n, const double *x, samen_column_kind kx, const double *g,
                           samen_column_kind kg)
{
    samen_dataset *ds = samen_dataset_create(n);
    size_t vx, vg;
    ASSERT_TRUE(ds != NULL);
    ASSERT_EQ(samen_dataset_add_var(ds, "x", kx, &vx), SAMEN_OK);
    for (size_t i = 0; i < n; i++)
        ASSERT_EQ(samen_dataset_set(ds, vx, i, x[i]), SAMEN_OK);
    if (g != NULL) {
        ASSERT_EQ(samen_dataset_add_var(ds, "g", kg, &vg), SAMEN_OK);
        for (size_t i = 0; i < n; i++)
            ASSERT_EQ(samen_dataset_set(ds, vg, i, g[i]), SAMEN_OK);
    }
    return ds;
}

TEST(stats_desc_single_variable_by_hand)
{
    /* 2 4 4 4 5 5 7 9: n 8, sum 40, mean 5; squared deviations
     * 9+1+1+1+0+0+4+16 = 32, variance 32/7, sd 2.13808994; median
     * (4 + 5) / 2 = 4.5; min 2, max 9. The two missing cases (empty and
     * user-missing 99) are left out (rule 1). */
    const double x[] = {5, 2, NAN, 9, 4, 99, 4, 7, 4, 5};
    samen_column_kind kinds[] = {SAMEN_COLUMN_CODE, SAMEN_COLUMN_NUMBER};
    for (size_t k = 0; k < 2; k++) {
        samen_dataset *ds = make(10, x, kinds[k], NULL, SAMEN_COLUMN_CODE);
        ASSERT_EQ(samen_dataset_add_missing(ds, 0, 99), SAMEN_OK);
        samen_descriptives *r = NULL;
        ASSERT_EQ(samen_descriptives_compute(ds, 0, -1, &r), SAMEN_OK);
        ASSERT_EQ(samen_descriptives_ngroups(r), 0);
        ASSERT_TRUE(samen_descriptives_group(r, 0) == NULL);
        const samen_descriptives_row *t = samen_descriptives_total(r);
        ASSERT_EQ(t->n, 8);
        ASSERT_EQ(t->missing, 2);
        ASSERT_NEAR(t->sum, 40, 1e-12);
        ASSERT_NEAR(t->mean, 5, 1e-12);
        ASSERT_NEAR(t->variance, 32.0 / 7.0, 1e-12);
        ASSERT_NEAR(t->sd, sqrt(32.0 / 7.0), 1e-12);
        ASSERT_NEAR(t->median, 4.5, 1e-12);
        ASSERT_NEAR(t->min, 2, 0);
        ASSERT_NEAR(t->max, 9, 0);
        ASSERT_TRUE(isnan(t->value) && t->label == NULL);
        samen_descriptives_destroy(r);
        samen_dataset_destroy(ds);
    }
}

TEST(stats_desc_groups_by_hand)
{
    /* group 1: 1 5 2      -> n 3, mean 8/3, sd sqrt(13/3) = 2.0816660, median 2
     * group 2: 4 2 (9 um) -> n 2, mean 3, sd sqrt(2), median 3, 1 missing
     * group 3: 3          -> n 1, sd undefined (rule 4)
     * group 4: only a missing value -> n 0, everything undefined (rule 3)
     * group missing (empty, and user-missing 9): left out, also from the
     * total (rule 2). Total: 1 5 2 4 2 3 -> n 6, mean 17/6, median 2.5,
     * variance (sum x^2 - 6 mean^2) / 5 = (59 - 289/6) / 5 = 13/6. */
    const double x[] = {1, 4, 5, 2, 9, 3, NAN, 2, 7, 6};
    const double g[] = {1, 2, 1, 2, 2, 3, 4, 1, NAN, 9};
    samen_column_kind kinds[] = {SAMEN_COLUMN_CODE, SAMEN_COLUMN_NUMBER};
    for (size_t kx = 0; kx < 2; kx++)
        for (size_t kg = 0; kg < 2; kg++) {
            samen_dataset *ds = make(10, x, kinds[kx], g, kinds[kg]);
            ASSERT_EQ(samen_dataset_add_missing(ds, 0, 9), SAMEN_OK);
            ASSERT_EQ(samen_dataset_add_missing(ds, 1, 9), SAMEN_OK);
            ASSERT_EQ(samen_dataset_add_value_label(ds, 1, 1, "po"), SAMEN_OK);
            ASSERT_EQ(samen_dataset_add_value_label(ds, 1, 3, "vo"), SAMEN_OK);
            samen_descriptives *r = NULL;
            ASSERT_EQ(samen_descriptives_compute(ds, 0, 1, &r), SAMEN_OK);
            ASSERT_EQ(samen_descriptives_ngroups(r), 4);
            const samen_descriptives_row *g1 = samen_descriptives_group(r, 0);
            const samen_descriptives_row *g2 = samen_descriptives_group(r, 1);
            const samen_descriptives_row *g3 = samen_descriptives_group(r, 2);
            const samen_descriptives_row *g4 = samen_descriptives_group(r, 3);
            ASSERT_EQ(g1->value, 1);
            ASSERT_STR_EQ(g1->label, "po");
            ASSERT_EQ(g1->n, 3);
            ASSERT_EQ(g1->missing, 0);
            ASSERT_NEAR(g1->mean, 8.0 / 3.0, 1e-12);
            ASSERT_NEAR(g1->sd, sqrt(13.0 / 3.0), 1e-12);
            ASSERT_NEAR(g1->median, 2, 0);
            ASSERT_NEAR(g1->min, 1, 0);
            ASSERT_NEAR(g1->max, 5, 0);
            ASSERT_EQ(g2->value, 2);
            ASSERT_TRUE(g2->label == NULL);
            ASSERT_EQ(g2->n, 2);
            ASSERT_EQ(g2->missing, 1);
            ASSERT_NEAR(g2->mean, 3, 1e-12);
            ASSERT_NEAR(g2->sd, sqrt(2.0), 1e-12);
            ASSERT_NEAR(g2->median, 3, 1e-12);
            ASSERT_STR_EQ(g3->label, "vo");
            ASSERT_EQ(g3->n, 1);
            ASSERT_NEAR(g3->mean, 3, 0);
            ASSERT_TRUE(isnan(g3->sd) && isnan(g3->variance));
            ASSERT_NEAR(g3->median, 3, 0);
            ASSERT_EQ(g4->value, 4);
            ASSERT_EQ(g4->n, 0);
            ASSERT_EQ(g4->missing, 1);
            ASSERT_TRUE(isnan(g4->mean) && isnan(g4->median) && isnan(g4->min) && isnan(g4->sd));
            const samen_descriptives_row *t = samen_descriptives_total(r);
            ASSERT_EQ(t->n, 6);
            ASSERT_EQ(t->missing, 4);
            ASSERT_NEAR(t->mean, 17.0 / 6.0, 1e-12);
            ASSERT_NEAR(t->variance, 13.0 / 6.0, 1e-12);
            ASSERT_NEAR(t->median, 2.5, 1e-12);
            samen_descriptives_destroy(r);
            samen_dataset_destroy(ds);
        }
}

TEST(stats_desc_negative_codes_sort_in_order)
{
    /* Groups -3 < 0 < 2 and values below zero: the radix path must order
     * them numerically. group -3: -5 -1 (median -3); group 0: 0;
     * group 2: -32767 32767 (median 0). Total median of
     * -32767 -5 -1 0 32767 is -1. */
    const double x[] = {-1, 0, 32767, -5, -32767};
    const double g[] = {-3, 0, 2, -3, 2};
    samen_dataset *ds = make(5, x, SAMEN_COLUMN_CODE, g, SAMEN_COLUMN_CODE);
    samen_descriptives *r = NULL;
    ASSERT_EQ(samen_descriptives_compute(ds, 0, 1, &r), SAMEN_OK);
    ASSERT_EQ(samen_descriptives_ngroups(r), 3);
    ASSERT_EQ(samen_descriptives_group(r, 0)->value, -3);
    ASSERT_NEAR(samen_descriptives_group(r, 0)->median, -3, 0);
    ASSERT_NEAR(samen_descriptives_group(r, 0)->min, -5, 0);
    ASSERT_EQ(samen_descriptives_group(r, 1)->value, 0);
    ASSERT_EQ(samen_descriptives_group(r, 2)->value, 2);
    ASSERT_NEAR(samen_descriptives_group(r, 2)->median, 0, 0);
    ASSERT_NEAR(samen_descriptives_group(r, 2)->max, 32767, 0);
    ASSERT_NEAR(samen_descriptives_total(r)->median, -1, 0);
    ASSERT_NEAR(samen_descriptives_total(r)->min, -32767, 0);
    samen_descriptives_destroy(r);
    samen_dataset_destroy(ds);
}

TEST(stats_desc_is_numerically_stable)
{
    /* 1e9 + {4, 7, 13, 16}: mean 1e9 + 10, variance (36+9+9+36)/3 = 30
     * exactly; the naive sum-of-squares formula loses every digit here. */
    const double x[] = {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
    samen_dataset *ds = make(4, x, SAMEN_COLUMN_NUMBER, NULL, SAMEN_COLUMN_CODE);
    samen_descriptives *r = NULL;
    ASSERT_EQ(samen_descriptives_compute(ds, 0, -1, &r), SAMEN_OK);
    ASSERT_NEAR(samen_descriptives_total(r)->mean, 1e9 + 10, 1e-6);
    ASSERT_NEAR(samen_descriptives_total(r)->variance, 30, 1e-9);
    ASSERT_NEAR(samen_descriptives_total(r)->median, 1e9 + 10, 1e-6);
    samen_descriptives_destroy(r);
    samen_dataset_destroy(ds);
}

TEST(stats_desc_empty_and_invalid)
{
    samen_dataset *ds = samen_dataset_create(0);
    size_t v;
    ASSERT_EQ(samen_dataset_add_var(ds, "x", SAMEN_COLUMN_CODE, &v), SAMEN_OK);
    samen_descriptives *r = NULL;
    ASSERT_EQ(samen_descriptives_compute(ds, 0, 0, &r), SAMEN_OK);
    ASSERT_EQ(samen_descriptives_ngroups(r), 0);
    ASSERT_EQ(samen_descriptives_total(r)->n, 0);
    ASSERT_TRUE(isnan(samen_descriptives_total(r)->mean));
    samen_descriptives_destroy(r);
    r = NULL;
    ASSERT_EQ(samen_descriptives_compute(ds, 1, -1, &r), SAMEN_EINVAL);
    ASSERT_EQ(samen_descriptives_compute(ds, 0, 1, &r), SAMEN_EINVAL);
    ASSERT_EQ(samen_descriptives_compute(ds, 0, -2, &r), SAMEN_EINVAL);
    ASSERT_TRUE(r == NULL);
    samen_descriptives_destroy(NULL);
    samen_dataset_destroy(ds);
}

TEST(stats_desc_caps_the_number_of_groups)
{
    size_t n = SAMEN_DESCRIPTIVES_MAX_GROUPS + 1;
    samen_dataset *ds = samen_dataset_create(n);
    size_t vx, vg;
    ASSERT_EQ(samen_dataset_add_var(ds, "x", SAMEN_COLUMN_CODE, &vx), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_var(ds, "g", SAMEN_COLUMN_NUMBER, &vg), SAMEN_OK);
    for (size_t i = 0; i < n; i++) {
        samen_dataset_set(ds, vx, i, 1);
        samen_dataset_set(ds, vg, i, (double)i + 0.5);
    }
    samen_descriptives *r = NULL;
    ASSERT_EQ(samen_descriptives_compute(ds, vx, (long)vg, &r), SAMEN_ETOOBIG);
    ASSERT_TRUE(r == NULL);
    samen_dataset_destroy(ds);
}

/* Runs the samen command with args (a shell-quoted string), keeping its
 * stdout in out; returns the exit status. */
static int run_samen(const char *args, char *out, size_t cap)
{
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "'%s' %s 2>&1", test_samen_binary(), args);
    FILE *p = popen(cmd, "r");
    ASSERT_TRUE(p != NULL);
    size_t n = fread(out, 1, cap - 1, p);
    out[n] = '\0';
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static const char *write_tmp(const char *name, const char *text)
{
    static char path[4200];
    snprintf(path, sizeof path, "%s/%s", test_tmpdir(), name);
    FILE *f = fopen(path, "w");
    ASSERT_TRUE(f != NULL);
    fputs(text, f);
    fclose(f);
    return path;
}

TEST(stats_desc_cli_means)
{
    char out[16384], args[4600];
    const char *path = write_tmp("m.csv", "x,g\n1,1\n4,2\n5,1\n2,2\n9,2\n3,3\n,4\n2,1\n7,\n6,9\n");
    snprintf(args, sizeof args, "stats means --data '%s' --var x --by g --missing 9 --format json",
             path);
    ASSERT_EQ(run_samen(args, out, sizeof out), 0);
    ASSERT_CONTAINS(out, "\"groups\":");
    ASSERT_CONTAINS(out, "\"value\":\t1,");
    ASSERT_CONTAINS(out, "\"mean\":\t2.6666666666666665");
    ASSERT_CONTAINS(out, "\"sd\":\t2.0816659994661331");
    ASSERT_CONTAINS(out, "\"sd\":\tnull"); /* group 3 has one case */
    ASSERT_CONTAINS(out, "\"total\":");
    snprintf(args, sizeof args, "stats means --data '%s' --var x --by g --missing 9", path);
    ASSERT_EQ(run_samen(args, out, sizeof out), 0);
    ASSERT_CONTAINS(out, "Total");
    ASSERT_CONTAINS(out, "2.667");
    snprintf(args, sizeof args, "stats means --data '%s' --var nope --by g", path);
    ASSERT_EQ(run_samen(args, out, sizeof out), 2);
    ASSERT_CONTAINS(out, "no variable 'nope'");
    snprintf(args, sizeof args, "stats means --data '%s' --var x --by gg", path);
    ASSERT_EQ(run_samen(args, out, sizeof out), 2);
    ASSERT_CONTAINS(out, "--by: no variable 'gg'");
    path = write_tmp("bad.csv", "x,g\n1,1\n2,twee\n");
    snprintf(args, sizeof args, "stats means --data '%s' --var x --by g", path);
    ASSERT_EQ(run_samen(args, out, sizeof out), 2);
    ASSERT_CONTAINS(out, "bad.csv:3:2");
    ASSERT_EQ(run_samen("stats means --help", out, sizeof out), 0);
    ASSERT_CONTAINS(out, "usage: samen stats means");
    ASSERT_EQ(run_samen("stats means --var x", out, sizeof out), 2);
    ASSERT_CONTAINS(out, "--data is required");
    snprintf(args, sizeof args, "stats means --data '%s' --var x --format xml", path);
    ASSERT_EQ(run_samen(args, out, sizeof out), 2);
}
