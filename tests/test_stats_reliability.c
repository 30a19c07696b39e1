/* test_stats_reliability.c - Cronbach's alpha, item-total statistics and
 * scale scores (src/stats/reliability.c): hand-computed cases, the golden
 * cases reproduced from GNU PSPP's own RELIABILITY tests
 * (tests/golden/pspp-reliability/), and the `samen stats alpha` command. */
#include <math.h>
#include <stdbool.h>
#include <string.h>
#include <sys/wait.h>

#include "samen/dataset.h"
#include "samen/instrument.h"
#include "samen/interchange.h"
#include "samen/stats_reliability.h"
#include "test.h"

#define EPS 1e-12

/* A code dataset of k items named x1.. from a row-major table (NAN =
 * system-missing), with 9 user-missing in every item. */
static samen_dataset *make(size_t n, size_t k, const double *rows, samen_column_kind kind)
{
    samen_dataset *ds = samen_dataset_create(n);
    ASSERT_TRUE(ds != NULL);
    for (size_t j = 0; j < k; j++) {
        char name[32];
        size_t v;
        snprintf(name, sizeof name, "x%zu", j + 1);
        ASSERT_EQ(samen_dataset_add_var(ds, name, kind, &v), SAMEN_OK);
        ASSERT_EQ(samen_dataset_add_missing(ds, v, 9), SAMEN_OK);
        for (size_t i = 0; i < n; i++)
            ASSERT_EQ(samen_dataset_set(ds, v, i, rows[i * k + j]), SAMEN_OK);
    }
    return ds;
}

static const size_t ITEMS[] = {0, 1, 2, 3, 4, 5};

/* Four complete cases and two excluded ones (a system-missing cell, a
 * user-missing 9): rule 1. */
static const double HAND[] = {
    1, 1, 2,  /* */
    2, 3, 2,  /* */
    3, 2, 4,  /* */
    4, 4, 4,  /* */
    5, NAN, 3, /* excluded: system-missing */
    9, 1, 1,  /* excluded: user-missing */
};

/* Hand computation for HAND (n = 4):
 *   means 2.5 2.5 3; variances 5/3 5/3 4/3; covariances c12 = 4/3,
 *   c13 = 4/3, c23 = 2/3. Sum variance 14/3 + 2 (10/3) = 34/3.
 *   alpha = 3/2 (1 - (14/3) / (34/3)) = 15/17.
 *   r12 = 0.8, r13 = 2/sqrt(5), r23 = 1/sqrt(5); standardized alpha =
 *   3 rbar / (1 + 2 rbar) with rbar = (0.8 + 3/sqrt(5)) / 3.
 *   Item 1 deleted: var(x2 + x3) = 13/3, cov(x1, x2 + x3) = 8/3, corrected
 *   r = (8/3) / sqrt(5/3 * 13/3) = 8/sqrt(65), alpha = 2 (1 - 3/(13/3)) = 8/13.
 *   Item 2 deleted: var 17/3, cov 2, r = 6/sqrt(85), alpha 16/17.
 *   Item 3 deleted: var 6, cov 2, r = 2/sqrt(8), alpha 8/9. */
static void check_hand(const samen_reliability *r)
{
    const samen_reliability_scale *s = samen_reliability_get_scale(r);
    ASSERT_EQ(s->cases, 6);
    ASSERT_EQ(s->n, 4);
    ASSERT_EQ(s->k, 3);
    ASSERT_NEAR(s->alpha, 15.0 / 17.0, 1e-9);
    double rbar = (0.8 + 3.0 / sqrt(5.0)) / 3.0;
    ASSERT_NEAR(s->mean_inter_item_r, rbar, 1e-9);
    ASSERT_NEAR(s->standardized_alpha, 3 * rbar / (1 + 2 * rbar), 1e-9);
    ASSERT_NEAR(s->scale_mean, 8, 1e-9);
    ASSERT_NEAR(s->scale_variance, 34.0 / 3.0, 1e-9);
    const double smid[] = {5.5, 5.5, 5}, svid[] = {13.0 / 3, 17.0 / 3, 6};
    const double citr[] = {8 / sqrt(65.0), 6 / sqrt(85.0), 2 / sqrt(8.0)};
    const double aid[] = {8.0 / 13, 16.0 / 17, 8.0 / 9};
    const double mean[] = {2.5, 2.5, 3}, var[] = {5.0 / 3, 5.0 / 3, 4.0 / 3};
    for (size_t i = 0; i < 3; i++) {
        const samen_reliability_item *it = samen_reliability_get_item(r, i);
        ASSERT_EQ(it->var, i);
        ASSERT_NEAR(it->mean, mean[i], 1e-9);
        ASSERT_NEAR(it->sd, sqrt(var[i]), 1e-9);
        ASSERT_NEAR(it->scale_mean_if_deleted, smid[i], 1e-9);
        ASSERT_NEAR(it->scale_variance_if_deleted, svid[i], 1e-9);
        ASSERT_NEAR(it->corrected_item_total_r, citr[i], 1e-9);
        ASSERT_NEAR(it->alpha_if_deleted, aid[i], 1e-9);
    }
    /* Item 1 with the whole total: cov(x1, T) = 13/3, var T = 34/3. */
    ASSERT_NEAR(samen_reliability_get_item(r, 0)->item_total_r, 13 / sqrt(170.0), 1e-9);
    /* Item 1 deleted leaves r23 = 1/sqrt(5): 2 r / (1 + r). */
    double r23 = 1 / sqrt(5.0);
    ASSERT_NEAR(samen_reliability_get_item(r, 0)->standardized_alpha_if_deleted,
                2 * r23 / (1 + r23), 1e-9);
    ASSERT_TRUE(samen_reliability_get_item(r, 3) == NULL);
}

TEST(stats_rel_alpha_by_hand)
{
    samen_column_kind kinds[] = {SAMEN_COLUMN_CODE, SAMEN_COLUMN_NUMBER};
    for (size_t k = 0; k < 2; k++) {
        samen_dataset *ds = make(6, 3, HAND, kinds[k]);
        samen_reliability_spec spec = {.items = ITEMS, .nitems = 3, .min = NAN, .max = NAN};
        samen_reliability *r = NULL;
        ASSERT_EQ(samen_reliability_compute(ds, &spec, &r), SAMEN_OK);
        check_hand(r);
        ASSERT_TRUE(isnan(samen_reliability_get_scale(r)->mirror_min));
        samen_reliability_destroy(r);
        samen_dataset_destroy(ds);
    }
}

TEST(stats_rel_reverse_keyed_items_are_mirrored)
{
    /* x1 stored reverse-keyed on 1..5 (6 - x): mirrored back, every
     * statistic equals the hand case (rule 2). */
    double rows[sizeof HAND / sizeof HAND[0]];
    memcpy(rows, HAND, sizeof rows);
    for (size_t i = 0; i < 6; i++)
        if (!isnan(rows[i * 3]) && rows[i * 3] != 9)
            rows[i * 3] = 6 - rows[i * 3];
    samen_dataset *ds = make(6, 3, rows, SAMEN_COLUMN_CODE);
    const bool rev[] = {true, false, false};
    samen_reliability_spec spec = {.items = ITEMS, .nitems = 3, .reverse = rev, .min = 1, .max = 5};
    samen_reliability *r = NULL;
    ASSERT_EQ(samen_reliability_compute(ds, &spec, &r), SAMEN_OK);
    check_hand(r);
    ASSERT_TRUE(samen_reliability_get_item(r, 0)->reversed);
    ASSERT_TRUE(!samen_reliability_get_item(r, 1)->reversed);
    ASSERT_EQ(samen_reliability_get_scale(r)->out_of_range, 0);
    samen_reliability_destroy(r);

    /* Bounds from the data: the valid values of all items in all cases
     * (the excluded case's 1s too) run 1..5, so the result is the same. */
    spec.min = spec.max = NAN;
    ASSERT_EQ(samen_reliability_compute(ds, &spec, &r), SAMEN_OK);
    check_hand(r);
    ASSERT_NEAR(samen_reliability_get_scale(r)->mirror_min, 1, 0);
    ASSERT_NEAR(samen_reliability_get_scale(r)->mirror_max, 5, 0);
    samen_reliability_destroy(r);

    /* Bounds 1..4: the 5 of case 1 (stored as 6 - 1) lies outside and is
     * counted; the mean shifts by -1, the variances do not. */
    spec.min = 1;
    spec.max = 4;
    ASSERT_EQ(samen_reliability_compute(ds, &spec, &r), SAMEN_OK);
    ASSERT_EQ(samen_reliability_get_scale(r)->out_of_range, 1);
    ASSERT_NEAR(samen_reliability_get_item(r, 0)->mean, 1.5, 1e-12);
    ASSERT_NEAR(samen_reliability_get_scale(r)->alpha, 15.0 / 17.0, 1e-9);
    samen_reliability_destroy(r);
    samen_dataset_destroy(ds);
}

TEST(stats_rel_two_items)
{
    /* x1, x2 of HAND: variances 5/3, 5/3, covariance 4/3, var T = 6.
     * alpha = 2 (1 - (10/3) / 6) = 8/9; r = 0.8, standardized alpha
     * 2 (0.8) / 1.8 = 8/9; corrected item-total r = r12 = 0.8; alpha if
     * deleted is undefined (rule 6). */
    samen_dataset *ds = make(6, 3, HAND, SAMEN_COLUMN_CODE);
    samen_reliability_spec spec = {.items = ITEMS, .nitems = 2, .min = NAN, .max = NAN};
    samen_reliability *r = NULL;
    ASSERT_EQ(samen_reliability_compute(ds, &spec, &r), SAMEN_OK);
    const samen_reliability_scale *s = samen_reliability_get_scale(r);
    ASSERT_EQ(s->n, 4);
    ASSERT_NEAR(s->alpha, 8.0 / 9.0, 1e-12);
    ASSERT_NEAR(s->standardized_alpha, 8.0 / 9.0, 1e-12);
    for (size_t i = 0; i < 2; i++) {
        const samen_reliability_item *it = samen_reliability_get_item(r, i);
        ASSERT_NEAR(it->corrected_item_total_r, 0.8, 1e-12);
        ASSERT_NEAR(it->scale_variance_if_deleted, 5.0 / 3.0, 1e-12);
        ASSERT_TRUE(isnan(it->alpha_if_deleted));
        ASSERT_TRUE(isnan(it->standardized_alpha_if_deleted));
    }
    samen_reliability_destroy(r);
    samen_dataset_destroy(ds);
}

TEST(stats_rel_few_cases_give_undefined_statistics)
{
    /* One complete case: means reported, every variance-based statistic
     * undefined; no complete case: everything undefined (rule 7). */
    const double one[] = {1, 2, 3, 4, NAN, 5};
    samen_dataset *ds = make(2, 3, one, SAMEN_COLUMN_CODE);
    samen_reliability_spec spec = {.items = ITEMS, .nitems = 3, .min = NAN, .max = NAN};
    samen_reliability *r = NULL;
    ASSERT_EQ(samen_reliability_compute(ds, &spec, &r), SAMEN_OK);
    const samen_reliability_scale *s = samen_reliability_get_scale(r);
    ASSERT_EQ(s->n, 1);
    ASSERT_TRUE(isnan(s->alpha) && isnan(s->standardized_alpha) && isnan(s->scale_variance));
    ASSERT_NEAR(s->scale_mean, 6, 0);
    ASSERT_NEAR(samen_reliability_get_item(r, 2)->mean, 3, 0);
    ASSERT_TRUE(isnan(samen_reliability_get_item(r, 2)->sd));
    ASSERT_TRUE(isnan(samen_reliability_get_item(r, 2)->corrected_item_total_r));
    ASSERT_TRUE(isnan(samen_reliability_get_item(r, 2)->alpha_if_deleted));
    samen_reliability_destroy(r);
    samen_dataset_set(ds, 0, 0, 9);
    ASSERT_EQ(samen_reliability_compute(ds, &spec, &r), SAMEN_OK);
    s = samen_reliability_get_scale(r);
    ASSERT_EQ(s->n, 0);
    ASSERT_TRUE(isnan(s->alpha) && isnan(s->scale_mean));
    ASSERT_TRUE(isnan(samen_reliability_get_item(r, 0)->mean));
    samen_reliability_destroy(r);
    samen_dataset_destroy(ds);
}

TEST(stats_rel_constant_item)
{
    /* x3 constant: alpha is still defined, the correlations with x3 are
     * not, so neither is the standardized alpha (rules 5 and 6).
     * x1 = 1 2 3, x2 = 1 3 2, x3 = 4 4 4: variances 1, 1, 0; c12 = 0.5;
     * var T = 3; alpha = 3/2 (1 - 2/3) = 0.5. */
    const double rows[] = {1, 1, 4, 2, 3, 4, 3, 2, 4};
    samen_dataset *ds = make(3, 3, rows, SAMEN_COLUMN_CODE);
    samen_reliability_spec spec = {.items = ITEMS, .nitems = 3, .min = NAN, .max = NAN};
    samen_reliability *r = NULL;
    ASSERT_EQ(samen_reliability_compute(ds, &spec, &r), SAMEN_OK);
    const samen_reliability_scale *s = samen_reliability_get_scale(r);
    ASSERT_NEAR(s->alpha, 0.5, 1e-12);
    ASSERT_TRUE(isnan(s->standardized_alpha) && isnan(s->mean_inter_item_r));
    ASSERT_TRUE(isnan(samen_reliability_get_item(r, 2)->corrected_item_total_r));
    /* Deleting x3 leaves x1, x2: alpha 2 (1 - 2/3) = 2/3. */
    ASSERT_NEAR(samen_reliability_get_item(r, 2)->alpha_if_deleted, 2.0 / 3.0, 1e-12);
    samen_reliability_destroy(r);
    samen_dataset_destroy(ds);
}

TEST(stats_rel_rejects_bad_specs)
{
    samen_dataset *ds = make(6, 3, HAND, SAMEN_COLUMN_CODE);
    samen_reliability *r = NULL;
    samen_reliability_spec one = {.items = ITEMS, .nitems = 1, .min = NAN, .max = NAN};
    ASSERT_EQ(samen_reliability_compute(ds, &one, &r), SAMEN_EINVAL); /* rule 7: k < 2 */
    const size_t twice[] = {0, 0, 1};
    samen_reliability_spec dup = {.items = twice, .nitems = 3, .min = NAN, .max = NAN};
    ASSERT_EQ(samen_reliability_compute(ds, &dup, &r), SAMEN_EINVAL);
    const size_t outside[] = {0, 7};
    samen_reliability_spec bad = {.items = outside, .nitems = 2, .min = NAN, .max = NAN};
    ASSERT_EQ(samen_reliability_compute(ds, &bad, &r), SAMEN_EINVAL);
    samen_reliability_spec half = {.items = ITEMS, .nitems = 3, .min = 1, .max = NAN};
    ASSERT_EQ(samen_reliability_compute(ds, &half, &r), SAMEN_EINVAL);
    samen_reliability_spec flipped = {.items = ITEMS, .nitems = 3, .min = 5, .max = 1};
    ASSERT_EQ(samen_reliability_compute(ds, &flipped, &r), SAMEN_EINVAL);
    samen_reliability_spec many = {.items = ITEMS, .nitems = SAMEN_RELIABILITY_MAX_ITEMS + 1,
                                   .min = NAN, .max = NAN};
    ASSERT_EQ(samen_reliability_compute(ds, &many, &r), SAMEN_ETOOBIG);
    ASSERT_TRUE(r == NULL);
    samen_reliability_destroy(NULL);
    samen_dataset_destroy(ds);
}

TEST(stats_rel_is_numerically_stable)
{
    /* The hand case shifted by 1e8 (number columns): the covariances, and
     * so alpha and the correlations, do not change (rule 3). */
    double rows[sizeof HAND / sizeof HAND[0]];
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        rows[i] = HAND[i] == 9 || isnan(HAND[i]) ? HAND[i] : HAND[i] + 1e8;
    samen_dataset *ds = make(6, 3, rows, SAMEN_COLUMN_NUMBER);
    samen_reliability_spec spec = {.items = ITEMS, .nitems = 3, .min = NAN, .max = NAN};
    samen_reliability *r = NULL;
    ASSERT_EQ(samen_reliability_compute(ds, &spec, &r), SAMEN_OK);
    ASSERT_NEAR(samen_reliability_get_scale(r)->alpha, 15.0 / 17.0, 1e-9);
    ASSERT_NEAR(samen_reliability_get_scale(r)->scale_variance, 34.0 / 3.0, 1e-7);
    ASSERT_NEAR(samen_reliability_get_item(r, 2)->corrected_item_total_r, 2 / sqrt(8.0), 1e-9);
    samen_reliability_destroy(r);
    samen_dataset_destroy(ds);
}

TEST(stats_rel_scale_scores_by_hand)
{
    /* Items a, b (reverse-keyed on 1..5), c; min_items 2 (rule 9):
     *   1 2 3     -> (1 + 4 + 3) / 3 = 8/3
     *   5 . 1     -> (5 + 1) / 2 = 3
     *   9 5 .     -> one valid item (9 is user-missing): missing
     *   . . .     -> missing
     *   2 1 2     -> (2 + 5 + 2) / 3 = 3 */
    const double rows[] = {1, 2, 3, 5, NAN, 1, 9, 5, NAN, NAN, NAN, NAN, 2, 1, 2};
    samen_dataset *ds = make(5, 3, rows, SAMEN_COLUMN_CODE);
    const bool rev[] = {false, true, false};
    samen_reliability_spec spec = {
        .items = ITEMS, .nitems = 3, .reverse = rev, .min = 1, .max = 5, .min_items = 2};
    size_t v = 0;
    ASSERT_EQ(samen_reliability_add_scores(ds, &spec, "score", &v), SAMEN_OK);
    ASSERT_EQ(v, 3);
    ASSERT_EQ(samen_dataset_var_kind(ds, v), SAMEN_COLUMN_NUMBER);
    ASSERT_NEAR(samen_dataset_get(ds, v, 0), 8.0 / 3.0, EPS);
    ASSERT_NEAR(samen_dataset_get(ds, v, 1), 3, EPS);
    ASSERT_TRUE(isnan(samen_dataset_get(ds, v, 2)));
    ASSERT_TRUE(isnan(samen_dataset_get(ds, v, 3)));
    ASSERT_NEAR(samen_dataset_get(ds, v, 4), 3, EPS);

    /* min_items 0 means all items: case 2 (two valid) becomes missing. */
    spec.min_items = 0;
    ASSERT_EQ(samen_reliability_add_scores(ds, &spec, "score_all", &v), SAMEN_OK);
    ASSERT_NEAR(samen_dataset_get(ds, v, 0), 8.0 / 3.0, EPS);
    ASSERT_TRUE(isnan(samen_dataset_get(ds, v, 1)));

    /* Other bounds mirror b as 10 - b: case 1 gives (1 + 8 + 3) / 3 = 4. */
    spec.min = 0;
    spec.max = 10;
    ASSERT_EQ(samen_reliability_add_scores(ds, &spec, "score10", &v), SAMEN_OK);
    ASSERT_NEAR(samen_dataset_get(ds, v, 0), 4, EPS);

    /* Errors leave the dataset as it was. */
    size_t nvars = samen_dataset_nvars(ds);
    ASSERT_EQ(samen_reliability_add_scores(ds, &spec, "SCORE", NULL), SAMEN_EEXIST);
    spec.min_items = 4;
    ASSERT_EQ(samen_reliability_add_scores(ds, &spec, "other", NULL), SAMEN_EINVAL);
    ASSERT_EQ(samen_dataset_nvars(ds), nvars);
    samen_dataset_destroy(ds);
}

TEST(stats_rel_scale_from_instrument)
{
    /* The fixture's scale "communicatie": comm_1, comm_2, comm_3 (reverse)
     * on 1..5, min_items 2. The dataset holds them in another order. */
    char path[4200];
    snprintf(path, sizeof path, "%s/tests/fixtures/mini-instrument.yaml", test_source_dir());
    samen_diag *d = samen_diag_create(10);
    samen_instrument *inst = NULL;
    ASSERT_EQ(samen_instrument_load(path, "mini-instrument.yaml", &inst, d), SAMEN_OK);
    const samen_scale_info *sc = samen_instrument_scale(inst, 0);
    samen_dataset *ds = samen_dataset_create(2);
    const char *names[] = {"comm_2", "x", "comm_3", "comm_1"};
    for (size_t j = 0; j < 4; j++) {
        size_t v;
        ASSERT_EQ(samen_dataset_add_var(ds, names[j], SAMEN_COLUMN_CODE, &v), SAMEN_OK);
        ASSERT_EQ(samen_dataset_add_missing(ds, v, 9), SAMEN_OK);
    }
    /* case 0: comm_1 4, comm_2 5, comm_3 2 -> (4 + 5 + 4) / 3 = 13/3
     * case 1: comm_1 2, comm_2 9 (geen zicht op), comm_3 1 -> (2 + 5) / 2 */
    samen_dataset_set(ds, 3, 0, 4);
    samen_dataset_set(ds, 0, 0, 5);
    samen_dataset_set(ds, 2, 0, 2);
    samen_dataset_set(ds, 3, 1, 2);
    samen_dataset_set(ds, 0, 1, 9);
    samen_dataset_set(ds, 2, 1, 1);
    size_t items[8];
    samen_reliability_spec spec;
    ASSERT_EQ(samen_reliability_spec_from_scale(inst, sc, ds, items, 8, &spec, d), SAMEN_OK);
    ASSERT_EQ(spec.nitems, 3);
    ASSERT_EQ(spec.items[0], 3);
    ASSERT_EQ(spec.items[1], 0);
    ASSERT_EQ(spec.items[2], 2);
    ASSERT_TRUE(spec.reverse[2] && !spec.reverse[0]);
    ASSERT_EQ(spec.min_items, 2);
    size_t v;
    ASSERT_EQ(samen_reliability_add_scores(ds, &spec, "communicatie", &v), SAMEN_OK);
    ASSERT_NEAR(samen_dataset_get(ds, v, 0), 13.0 / 3.0, EPS);
    ASSERT_NEAR(samen_dataset_get(ds, v, 1), 3.5, EPS);
    ASSERT_EQ(samen_reliability_spec_from_scale(inst, sc, ds, items, 2, &spec, d), SAMEN_EINVAL);
    samen_dataset_destroy(ds);

    ds = samen_dataset_create(1);
    ASSERT_EQ(samen_dataset_add_var(ds, "comm_1", SAMEN_COLUMN_CODE, &v), SAMEN_OK);
    samen_diag_clear(d);
    ASSERT_EQ(samen_reliability_spec_from_scale(inst, sc, ds, items, 8, &spec, d),
              SAMEN_ENOTFOUND);
    ASSERT_CONTAINS(samen_diag_message(d, 0),
                    "scale 'communicatie': item 'comm_2' is not a variable of the dataset");
    samen_dataset_destroy(ds);
    samen_instrument_destroy(inst);
    samen_diag_destroy(d);
}

/* ---- golden cases from GNU PSPP's reliability.at --------------------- */

/* Splits line at runs of spaces into at most max words; returns the count. */
static size_t split_words(char *line, char **w, size_t max)
{
    size_t n = 0;
    char *p = line;
    while (*p != '\0' && n < max) {
        while (*p == ' ' || *p == '\t')
            *p++ = '\0';
        if (*p == '\0')
            break;
        w[n++] = p;
        while (*p != '\0' && *p != ' ' && *p != '\t')
            p++;
    }
    return n;
}

/* Resolves a comma-separated list of names into indexes of ds. */
static size_t find_vars(const samen_dataset *ds, const char *list, size_t *idx, size_t cap)
{
    size_t n = 0;
    const char *p = list;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char name[64];
        ASSERT_TRUE(len < sizeof name && n < cap);
        memcpy(name, p, len);
        name[len] = '\0';
        long v = samen_dataset_find_var(ds, name);
        if (v < 0)
            TEST_FAIL_("golden: no variable '%s'", name);
        idx[n++] = (size_t)v;
        if (comma == NULL)
            return n;
        p = comma + 1;
    }
}

/* Requires value to round to text, which has d decimals (PSPP prints
 * ".75"); "." means undefined. */
static void expect_num(const char *where, const char *what, double value, const char *text)
{
    if (strcmp(text, ".") == 0) {
        if (!isnan(value))
            TEST_FAIL_("%s %s: expected undefined, got %.10g", where, what, value);
        return;
    }
    char *end = NULL;
    double want = strtod(text, &end);
    ASSERT_TRUE(*end == '\0');
    const char *dot = strchr(text, '.');
    int decimals = dot ? (int)strlen(dot + 1) : 0;
    double tol = 0.5 * pow(10.0, -decimals) + 1e-12;
    if (!(fabs(value - want) <= tol))
        TEST_FAIL_("%s %s: samen %.10g does not round to PSPP's %s", where, what, value, text);
}

TEST(stats_rel_golden_pspp)
{
    char dir[4200], path[4400], line[1024];
    snprintf(dir, sizeof dir, "%s/tests/golden/pspp-reliability", test_source_dir());
    snprintf(path, sizeof path, "%s/expected.txt", dir);
    FILE *f = fopen(path, "r");
    ASSERT_TRUE(f != NULL);
    samen_dataset *ds = NULL;
    samen_reliability *r = NULL;
    size_t items[32], rev_idx[32], k = 0, ncases = 0, nchecks = 0;
    bool rev[32];
    char name[64] = "";
    while (fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        char *w[12];
        size_t nw = split_words(line, w, 12);
        if (nw == 0 || w[0][0] == '#')
            continue;
        if (strcmp(w[0], "case") == 0) {
            ASSERT_TRUE(nw == 4 || nw == 7);
            snprintf(name, sizeof name, "%s", w[1]);
            snprintf(path, sizeof path, "%s/%s", dir, w[2]);
            samen_diag *d = samen_diag_create(10);
            ASSERT_EQ(samen_dataset_read_csv(path, w[2], NULL, 0, &ds, d), SAMEN_OK);
            samen_diag_destroy(d);
            k = find_vars(ds, w[3], items, 32);
            memset(rev, 0, sizeof rev);
            samen_reliability_spec spec = {.items = items, .nitems = k, .min = NAN, .max = NAN};
            if (nw == 7) {
                size_t nr = find_vars(ds, w[4], rev_idx, 32);
                for (size_t i = 0; i < nr; i++)
                    for (size_t j = 0; j < k; j++)
                        if (items[j] == rev_idx[i])
                            rev[j] = true;
                spec.reverse = rev;
                spec.min = strtod(w[5], NULL);
                spec.max = strtod(w[6], NULL);
            }
            ASSERT_EQ(samen_reliability_compute(ds, &spec, &r), SAMEN_OK);
            ncases++;
            continue;
        }
        ASSERT_TRUE(r != NULL);
        const samen_reliability_scale *s = samen_reliability_get_scale(r);
        if (strcmp(w[0], "end") == 0) {
            samen_reliability_destroy(r);
            samen_dataset_destroy(ds);
            r = NULL;
            ds = NULL;
        } else if (strcmp(w[0], "cases") == 0) {
            ASSERT_EQ(s->cases, strtol(w[1], NULL, 10));
        } else if (strcmp(w[0], "n") == 0) {
            ASSERT_EQ(s->n, strtol(w[1], NULL, 10));
        } else if (strcmp(w[0], "excluded") == 0) {
            ASSERT_EQ(s->cases - s->n, strtol(w[1], NULL, 10));
        } else if (strcmp(w[0], "alpha") == 0) {
            expect_num(name, "alpha", s->alpha, w[1]);
        } else if (strcmp(w[0], "item") == 0) {
            ASSERT_EQ(nw, 6);
            const samen_reliability_item *it = NULL;
            for (size_t j = 0; j < k; j++)
                if (strcmp(samen_dataset_var_name(ds, items[j]), w[1]) == 0)
                    it = samen_reliability_get_item(r, j);
            if (it == NULL)
                TEST_FAIL_("golden %s: no item %s", name, w[1]);
            char where[160];
            snprintf(where, sizeof where, "%s item %s", name, w[1]);
            expect_num(where, "scale mean if deleted", it->scale_mean_if_deleted, w[2]);
            expect_num(where, "scale variance if deleted", it->scale_variance_if_deleted, w[3]);
            expect_num(where, "corrected item-total r", it->corrected_item_total_r, w[4]);
            expect_num(where, "alpha if deleted", it->alpha_if_deleted, w[5]);
        } else {
            TEST_FAIL_("golden: unknown line '%s'", w[0]);
        }
        nchecks++;
    }
    fclose(f);
    ASSERT_TRUE(r == NULL && ds == NULL);
    ASSERT_EQ(ncases, 7);
    ASSERT_TRUE(nchecks >= 30);
}

/* ---- the command ------------------------------------------------------ */

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

TEST(stats_rel_cli_alpha)
{
    /* The hand case as CSV, with a reverse-keyed copy of x1 (r1 = 6 - x1). */
    char out[32768], args[4600];
    const char *path = write_tmp("a.csv", "x1,x2,x3,r1\n1,1,2,5\n2,3,2,4\n3,2,4,3\n4,4,4,2\n"
                                          "5,,3,1\n9,1,1,9\n");
    snprintf(args, sizeof args,
             "stats alpha --data '%s' --items x1,x2,x3 --missing 9 --format json", path);
    ASSERT_EQ(run_samen(args, out, sizeof out), 0);
    ASSERT_CONTAINS(out, "\"n\":\t4");
    ASSERT_CONTAINS(out, "\"k\":\t3");
    ASSERT_CONTAINS(out, "\"alpha\":\t0.88235294117647");            /* 15/17 */
    ASSERT_CONTAINS(out, "\"corrected_item_total_r\":\t0.99227787671366"); /* 8/sqrt(65) */
    ASSERT_CONTAINS(out, "\"alpha_if_deleted\":\t0.61538461538461");   /* 8/13 */
    ASSERT_CONTAINS(out, "\"standardized_alpha\":");
    ASSERT_CONTAINS(out, "\"item\":\t\"x3\"");

    snprintf(args, sizeof args,
             "stats alpha --data '%s' --items r1,x2,x3 --reverse r1 --min 1 --max 5 --missing 9 "
             "--format json",
             path);
    ASSERT_EQ(run_samen(args, out, sizeof out), 0);
    ASSERT_CONTAINS(out, "\"alpha\":\t0.88235294117647");
    ASSERT_CONTAINS(out, "\"reverse\":\t[\"r1\"]");
    ASSERT_CONTAINS(out, "\"reversed\":\ttrue");

    snprintf(args, sizeof args, "stats alpha --data '%s' --items x1,x2,x3 --missing 9", path);
    ASSERT_EQ(run_samen(args, out, sizeof out), 0);
    ASSERT_CONTAINS(out, "Cronbach's alpha");
    ASSERT_CONTAINS(out, "0.882");

    /* Without --missing 9 the 9 is a valid answer, which a reversed item
     * on 1..5 reports. */
    snprintf(args, sizeof args,
             "stats alpha --data '%s' --items r1,x2,x3 --reverse r1 --min 1 --max 5 --format json",
             path);
    ASSERT_EQ(run_samen(args, out, sizeof out), 0);
    ASSERT_CONTAINS(out, "outside 1..5");

    struct {
        const char *args, *message;
    } bad[] = {
        {"--items x1,nope", "--items: no variable 'nope'"},
        {"--items x1", "at least two items"},
        {"--items x1,x2,x1", "'x1' is listed twice"},
        {"--items x1,x2 --reverse x3", "--reverse: 'x3' is not one of --items"},
        {"--items x1,x2 --reverse x1 --min 1", "give --min and --max together"},
        {"--items x1,x2 --reverse x1 --min 5 --max 1", "--min must be below --max"},
        {"--items x1,x2 --min een --max 5", "--min: 'een' is not a number"},
        {"--items x1,,x2", "empty variable name"},
        {"--items x1,x2 --missing a", "--missing"},
        {"--items x1,x2 --format xml", "--format is table or json"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(args, sizeof args, "stats alpha --data '%s' %s", path, bad[i].args);
        ASSERT_EQ(run_samen(args, out, sizeof out), 2);
        ASSERT_CONTAINS(out, bad[i].message);
    }
    ASSERT_EQ(run_samen("stats alpha --items x1,x2", out, sizeof out), 2);
    ASSERT_CONTAINS(out, "--data is required");

    path = write_tmp("bad.csv", "x1,x2\n1,2\n3,drie\n");
    snprintf(args, sizeof args, "stats alpha --data '%s' --items x1,x2", path);
    ASSERT_EQ(run_samen(args, out, sizeof out), 2);
    ASSERT_CONTAINS(out, "bad.csv:3:2");

    /* One complete case: exit 0, a warning, nulls. */
    path = write_tmp("one.csv", "x1,x2\n1,2\n3,\n");
    snprintf(args, sizeof args, "stats alpha --data '%s' --items x1,x2 --format json", path);
    ASSERT_EQ(run_samen(args, out, sizeof out), 0);
    ASSERT_CONTAINS(out, "alpha is undefined");
    ASSERT_CONTAINS(out, "\"alpha\":\tnull");

    ASSERT_EQ(run_samen("stats alpha --help", out, sizeof out), 0);
    ASSERT_CONTAINS(out, "usage: samen stats alpha");
    ASSERT_CONTAINS(out, "--reverse");
}
