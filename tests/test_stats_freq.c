/* test_stats_freq.c - frequencies (samen/stats_freq.h) against hand counts,
 * the one-pass many-variable form against the one-variable form and a
 * naive count, and the `samen stats freq` command. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "samen/interchange.h"
#include "samen/stats_freq.h"
#include "test.h"

/* Expected rows of a frequency table; valid_percent and cumulative NAN on
 * missing rows. */
typedef struct row_expect {
    double value; /* NAN: system-missing */
    size_t count;
    double percent, valid_percent, cumulative;
    bool missing;
    const char *label;
} row_expect;

static void check_rows(const samen_freq *f, const row_expect *want, size_t n)
{
    ASSERT_EQ(samen_freq_ncategories(f), n);
    for (size_t i = 0; i < n; i++) {
        const samen_freq_category *c = samen_freq_category_at(f, i);
        if (isnan(want[i].value))
            ASSERT_TRUE(isnan(c->value) && c->system_missing);
        else
            ASSERT_NEAR(c->value, want[i].value, 0);
        ASSERT_EQ(c->count, want[i].count);
        ASSERT_NEAR(c->percent, want[i].percent, 1e-12);
        ASSERT_EQ(c->missing, want[i].missing);
        if (want[i].missing) {
            ASSERT_TRUE(isnan(c->valid_percent) && isnan(c->cumulative_percent));
        } else {
            ASSERT_NEAR(c->valid_percent, want[i].valid_percent, 1e-12);
            ASSERT_NEAR(c->cumulative_percent, want[i].cumulative, 1e-12);
        }
        if (want[i].label == NULL)
            ASSERT_TRUE(c->label == NULL);
        else
            ASSERT_STR_EQ(c->label, want[i].label);
    }
    ASSERT_TRUE(samen_freq_category_at(f, n) == NULL);
}

TEST(stats_freq_codes_with_missing_values)
{
    /* 1 2 2 3 8 9 . 2 1 5, with 8 and 9 user-missing: n = 10, valid 7 */
    double v[] = {1, 2, 2, 3, 8, 9, NAN, 2, 1, 5};
    samen_dataset *ds = samen_dataset_create(10);
    size_t q;
    ASSERT_EQ(samen_dataset_add_var(ds, "q1", SAMEN_COLUMN_CODE, &q), SAMEN_OK);
    for (size_t c = 0; c < 10; c++)
        ASSERT_EQ(samen_dataset_set(ds, q, c, v[c]), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_missing(ds, q, 9), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_missing(ds, q, 8), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_value_label(ds, q, 1, "nooit"), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_value_label(ds, q, 9, "weet niet"), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_value_label(ds, q, 4, "vaak"), SAMEN_OK); /* never occurs */
    ASSERT_EQ(samen_dataset_set_var_label(ds, q, "Hoe vaak?"), SAMEN_OK);
    samen_freq *f = NULL;
    ASSERT_EQ(samen_freq_compute(ds, q, &f), SAMEN_OK);
    samen_dataset_destroy(ds); /* the result keeps its own copies */
    const row_expect want[] = {
        {1, 2, 20, 200.0 / 7, 200.0 / 7, false, "nooit"},
        {2, 3, 30, 300.0 / 7, 500.0 / 7, false, NULL},
        {3, 1, 10, 100.0 / 7, 600.0 / 7, false, NULL},
        {5, 1, 10, 100.0 / 7, 100, false, NULL},
        {8, 1, 10, NAN, NAN, true, NULL},
        {9, 1, 10, NAN, NAN, true, "weet niet"},
        {NAN, 1, 10, NAN, NAN, true, NULL},
    };
    check_rows(f, want, sizeof want / sizeof want[0]);
    ASSERT_EQ(samen_freq_n(f), 10);
    ASSERT_EQ(samen_freq_valid_n(f), 7);
    ASSERT_EQ(samen_freq_missing_n(f), 3);
    ASSERT_STR_EQ(samen_freq_variable(f), "q1");
    ASSERT_STR_EQ(samen_freq_variable_label(f), "Hoe vaak?");
    ASSERT_TRUE(samen_freq_small_base(f));
    samen_freq_destroy(f);
}

TEST(stats_freq_number_column_sorts)
{
    /* 2.5 -1 2.5 . 0 -0 9 (9 user-missing) 1e300 */
    double v[] = {2.5, -1, 2.5, NAN, 0.0, -0.0, 9, 1e300};
    samen_dataset *ds = samen_dataset_create(8);
    size_t x;
    ASSERT_EQ(samen_dataset_add_var(ds, "x", SAMEN_COLUMN_NUMBER, &x), SAMEN_OK);
    for (size_t c = 0; c < 8; c++)
        ASSERT_EQ(samen_dataset_set(ds, x, c, v[c]), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_missing(ds, x, 9), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_value_label(ds, x, 2.5, "half"), SAMEN_OK);
    samen_freq *f = NULL;
    ASSERT_EQ(samen_freq_compute(ds, x, &f), SAMEN_OK);
    const row_expect want[] = {
        {-1, 1, 12.5, 100.0 / 6, 100.0 / 6, false, NULL},
        {0, 2, 25, 200.0 / 6, 300.0 / 6, false, NULL},
        {2.5, 2, 25, 200.0 / 6, 500.0 / 6, false, "half"},
        {1e300, 1, 12.5, 100.0 / 6, 100, false, NULL},
        {9, 1, 12.5, NAN, NAN, true, NULL},
        {NAN, 1, 12.5, NAN, NAN, true, NULL},
    };
    check_rows(f, want, sizeof want / sizeof want[0]);
    samen_freq_destroy(f);
    samen_dataset_destroy(ds);
}

TEST(stats_freq_empty_and_all_missing)
{
    samen_dataset *ds = samen_dataset_create(0);
    size_t a, b;
    ASSERT_EQ(samen_dataset_add_var(ds, "a", SAMEN_COLUMN_CODE, &a), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_var(ds, "b", SAMEN_COLUMN_NUMBER, &b), SAMEN_OK);
    samen_freq *f = NULL;
    ASSERT_EQ(samen_freq_compute(ds, a, &f), SAMEN_OK);
    ASSERT_EQ(samen_freq_n(f), 0);
    ASSERT_EQ(samen_freq_ncategories(f), 0);
    samen_freq_destroy(f);
    ASSERT_EQ(samen_freq_compute(ds, b, &f), SAMEN_OK);
    ASSERT_EQ(samen_freq_ncategories(f), 0);
    samen_freq_destroy(f);
    ASSERT_EQ(samen_freq_compute(ds, 2, &f), SAMEN_EINVAL);
    samen_dataset_destroy(ds);

    /* three cases, all missing: only missing rows, no division by zero */
    ds = samen_dataset_create(3);
    ASSERT_EQ(samen_dataset_add_var(ds, "a", SAMEN_COLUMN_CODE, &a), SAMEN_OK);
    ASSERT_EQ(samen_dataset_set(ds, a, 0, 9), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_missing(ds, a, 9), SAMEN_OK);
    ASSERT_EQ(samen_freq_compute(ds, a, &f), SAMEN_OK);
    const row_expect want[] = {
        {9, 1, 100.0 / 3, NAN, NAN, true, NULL},
        {NAN, 2, 200.0 / 3, NAN, NAN, true, NULL},
    };
    check_rows(f, want, 2);
    ASSERT_EQ(samen_freq_valid_n(f), 0);
    ASSERT_TRUE(samen_freq_small_base(f));
    samen_freq_destroy(f);
    samen_dataset_destroy(ds);
}

TEST(stats_freq_extreme_codes_and_small_base)
{
    /* the ends of the int16 range, and exactly 10 valid cases */
    samen_dataset *ds = samen_dataset_create(11);
    size_t a;
    ASSERT_EQ(samen_dataset_add_var(ds, "a", SAMEN_COLUMN_CODE, &a), SAMEN_OK);
    for (size_t c = 0; c < 10; c++)
        ASSERT_EQ(samen_dataset_set(ds, a, c, c % 2 ? 32767 : -32767), SAMEN_OK);
    samen_freq *f = NULL;
    ASSERT_EQ(samen_freq_compute(ds, a, &f), SAMEN_OK);
    const row_expect want[] = {
        {-32767, 5, 500.0 / 11, 50, 50, false, NULL},
        {32767, 5, 500.0 / 11, 50, 100, false, NULL},
        {NAN, 1, 100.0 / 11, NAN, NAN, true, NULL},
    };
    check_rows(f, want, 3);
    ASSERT_TRUE(!samen_freq_small_base(f)); /* 10 valid cases */
    samen_freq_destroy(f);
    samen_dataset_destroy(ds);
}

/* A deterministic pseudo-random generator (xorshift64). */
static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

TEST(stats_freq_many_in_one_pass)
{
    /* 6 variables, 10007 cases (not a multiple of the 4-way unrolling):
     * code columns of narrow and wide ranges, and a number column; checked
     * against the one-variable form and against a naive count. */
    size_t ncases = 10007, nv = 6;
    samen_dataset *ds = samen_dataset_create(ncases);
    uint64_t seed = 0x5eed5eedULL;
    size_t vars[6];
    for (size_t v = 0; v < nv; v++) {
        char name[8];
        snprintf(name, sizeof name, "v%zu", v);
        ASSERT_EQ(samen_dataset_add_var(ds, name, v == 5 ? SAMEN_COLUMN_NUMBER : SAMEN_COLUMN_CODE,
                                        &vars[v]),
                  SAMEN_OK);
        ASSERT_EQ(samen_dataset_add_missing(ds, vars[v], 8), SAMEN_OK);
        for (size_t c = 0; c < ncases; c++) {
            uint64_t r = next_random(&seed);
            double x = v < 3 ? (double)(r % 10) : (double)((long)(r % 60001) - 30000);
            if (v == 5)
                x = (double)(r % 7) / 4;
            if (r % 13 == 0)
                x = NAN;
            ASSERT_EQ(samen_dataset_set(ds, vars[v], c, x), SAMEN_OK);
        }
    }
    samen_freq *many[6];
    ASSERT_EQ(samen_freq_compute_many(ds, vars, nv, many), SAMEN_OK);
    for (size_t v = 0; v < nv; v++) {
        samen_freq *one = NULL;
        ASSERT_EQ(samen_freq_compute(ds, vars[v], &one), SAMEN_OK);
        ASSERT_EQ(samen_freq_ncategories(many[v]), samen_freq_ncategories(one));
        ASSERT_EQ(samen_freq_valid_n(many[v]), samen_freq_valid_n(one));
        size_t total = 0;
        for (size_t i = 0; i < samen_freq_ncategories(one); i++) {
            const samen_freq_category *a = samen_freq_category_at(many[v], i);
            const samen_freq_category *b = samen_freq_category_at(one, i);
            ASSERT_EQ(a->count, b->count);
            ASSERT_TRUE(a->value == b->value || (isnan(a->value) && isnan(b->value)));
            /* naive count of this value */
            size_t naive = 0;
            for (size_t c = 0; c < ncases; c++) {
                double x = samen_dataset_get(ds, vars[v], c);
                naive += isnan(b->value) ? isnan(x) : x == b->value;
            }
            ASSERT_EQ(b->count, naive);
            total += b->count;
            if (i > 0 && !b->missing)
                ASSERT_TRUE(b->value > samen_freq_category_at(one, i - 1)->value);
        }
        ASSERT_EQ(total, ncases);
        samen_freq_destroy(one);
        samen_freq_destroy(many[v]);
    }
    size_t bad[2] = {0, 99};
    samen_freq *out[2] = {(samen_freq *)1, (samen_freq *)1};
    ASSERT_EQ(samen_freq_compute_many(ds, bad, 2, out), SAMEN_EINVAL);
    ASSERT_TRUE(out[0] == NULL && out[1] == NULL);
    samen_dataset_destroy(ds);
}

TEST(stats_freq_suppress_small_rows)
{
    /* counts 1: 3, 2: 15, 3: 40; min 5 blanks 3 and (so that n does not
     * give it away) the next smallest row, 15 */
    samen_dataset *ds = samen_dataset_create(58);
    size_t a;
    ASSERT_EQ(samen_dataset_add_var(ds, "a", SAMEN_COLUMN_CODE, &a), SAMEN_OK);
    for (size_t c = 0; c < 58; c++)
        ASSERT_EQ(samen_dataset_set(ds, a, c, c < 3 ? 1 : c < 18 ? 2 : 3), SAMEN_OK);
    samen_freq *f = NULL;
    ASSERT_EQ(samen_freq_compute(ds, a, &f), SAMEN_OK);
    bool blank[3], exposed = true;
    size_t n = 0;
    ASSERT_EQ(samen_freq_suppress(f, 5, blank, &n, &exposed), SAMEN_OK);
    ASSERT_EQ(n, 2);
    ASSERT_TRUE(blank[0] && blank[1] && !blank[2] && !exposed);
    ASSERT_EQ(samen_freq_suppress(f, 3, blank, &n, &exposed), SAMEN_OK);
    ASSERT_EQ(n, 0);
    samen_freq_destroy(f);
    samen_dataset_destroy(ds);

    /* one valid row of 3 (valid_n gives it away: exposed), 9 user-missing
     * 20 times, 30 system-missing: the 3 needs a partner under n (20), which
     * needs one under missing_n (30) */
    ds = samen_dataset_create(53);
    ASSERT_EQ(samen_dataset_add_var(ds, "a", SAMEN_COLUMN_CODE, &a), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_missing(ds, a, 9), SAMEN_OK);
    for (size_t c = 0; c < 23; c++)
        ASSERT_EQ(samen_dataset_set(ds, a, c, c < 3 ? 1 : 9), SAMEN_OK);
    ASSERT_EQ(samen_freq_compute(ds, a, &f), SAMEN_OK);
    ASSERT_EQ(samen_freq_ncategories(f), 3);
    ASSERT_EQ(samen_freq_suppress(f, 5, blank, &n, &exposed), SAMEN_OK);
    ASSERT_EQ(n, 3);
    ASSERT_TRUE(blank[0] && blank[1] && blank[2] && exposed);
    /* with min_n 3 nothing is small */
    ASSERT_EQ(samen_freq_suppress(f, 3, blank, &n, &exposed), SAMEN_OK);
    ASSERT_TRUE(n == 0 && !exposed);
    samen_freq_destroy(f);
    samen_dataset_destroy(ds);
}

/* ---- the command line ---- */

static const char *write_file(const char *name, const char *text)
{
    static char path[4200];
    snprintf(path, sizeof path, "%s/%s", test_tmpdir(), name);
    FILE *f = fopen(path, "w");
    ASSERT_TRUE(f != NULL);
    fputs(text, f);
    fclose(f);
    return path;
}

/* Runs samen with args; returns its exit status, stdout in out, stderr in err. */
static int run_samen(const char *args, char *out, size_t outcap, char *err, size_t errcap)
{
    char cmd[8600], opath[4200], epath[4200];
    snprintf(opath, sizeof opath, "%s/stdout", test_tmpdir());
    snprintf(epath, sizeof epath, "%s/stderr", test_tmpdir());
    snprintf(cmd, sizeof cmd, "'%s' %s >'%s' 2>'%s'", test_samen_binary(), args, opath, epath);
    int status = system(cmd);
    const char *paths[2] = {opath, epath};
    char *bufs[2] = {out, err};
    size_t caps[2] = {outcap, errcap};
    for (int i = 0; i < 2; i++) {
        FILE *f = fopen(paths[i], "r");
        ASSERT_TRUE(f != NULL);
        size_t n = fread(bufs[i], 1, caps[i] - 1, f);
        bufs[i][n] = '\0';
        fclose(f);
    }
    return status == -1 ? -1 : (status >> 8) & 0xff;
}

TEST(stats_freq_cli)
{
    static char out[65536], err[4096];
    char args[9000];
    const char *csv = write_file("f.csv", "q,r\n1,1\n2,1\n2,1\n9,1\n,1\n3,1\n");
    snprintf(args, sizeof args, "stats freq --data '%s' --var q --missing 8,9 --format json", csv);
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 0);
    ASSERT_CONTAINS(out, "\"variable\":\t\"q\"");
    ASSERT_CONTAINS(out, "\"n\":\t6");
    ASSERT_CONTAINS(out, "\"valid_n\":\t4");
    /* 2: count 2, percent 2/6, valid 2/4, cumulative 3/4 */
    ASSERT_CONTAINS(out, "\"value\":\t2,\n\t\t\t\"count\":\t2,\n\t\t\t\"percent\":\t33.333333333333");
    ASSERT_CONTAINS(out, "\"valid_percent\":\t50,\n\t\t\t\"cumulative_percent\":\t75,");
    ASSERT_CONTAINS(out, "\"value\":\t9,\n\t\t\t\"count\":\t1,\n\t\t\t\"percent\":\t16.666666666666");
    ASSERT_CONTAINS(out, "\"value\":\tnull");
    ASSERT_CONTAINS(out, "\"system_missing\":\ttrue");
    ASSERT_CONTAINS(out, "\"small_base\":\ttrue");
    ASSERT_TRUE(strstr(out, "nan") == NULL);
    snprintf(args, sizeof args, "stats freq --data '%s' --var Q --missing 9 --format table", csv);
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 0);
    ASSERT_CONTAINS(out, "50.0%");
    ASSERT_CONTAINS(out, "(no answer)");
    snprintf(args, sizeof args, "stats freq --data '%s' --var r --suppress 10", csv);
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 0);
    ASSERT_CONTAINS(out, "\"count\":\tnull");
    ASSERT_CONTAINS(out, "\"suppressed\":\ttrue");
    ASSERT_TRUE(strstr(out, "\"count\":\t6") == NULL);
    /* r's one valid row (6 cases) is blanked; valid_n would give it away */
    ASSERT_CONTAINS(out, "\"valid_n\":\tnull");
    ASSERT_CONTAINS(out, "\"totals_expose_a_row\":\ttrue");
    /* errors name the variable, the cell, the option */
    snprintf(args, sizeof args, "stats freq --data '%s' --var nope", csv);
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 2);
    ASSERT_CONTAINS(err, "no variable 'nope'");
    const char *bad = write_file("bad.csv", "q\n1\n2\nveel\n");
    snprintf(args, sizeof args, "stats freq --data '%s' --var q", bad);
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 2);
    ASSERT_CONTAINS(err, "bad.csv:4:1: q: 'veel' is not a number");
    snprintf(args, sizeof args, "stats freq --data '%s' --var q --missing acht", bad);
    ASSERT_EQ(run_samen(args, out, sizeof out, err, sizeof err), 2);
    ASSERT_CONTAINS(err, "--missing");
    ASSERT_EQ(run_samen("stats freq --var q", out, sizeof out, err, sizeof err), 2);
    ASSERT_CONTAINS(err, "--data is required");
    ASSERT_EQ(run_samen("stats freq --help", out, sizeof out, err, sizeof err), 0);
    ASSERT_CONTAINS(out, "usage: samen stats freq");
}
