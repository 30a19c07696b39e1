/* test_stats_mrset.c - multiple-response sets (samen/stats_mrset.h)
 * against hand counts (GNU PSPP has no MULT RESPONSE to check against). */
#include <math.h>
#include <stdbool.h>

#include "samen/stats_mrset.h"
#include "test.h"

/* Eleven cases of a tick-all question with items a, b, c (1 = ticked,
 * 9 = "weet niet", user-missing) and a grouping variable g:
 *
 *   case  a b c  g   routed  ticked      group
 *    0    1 0 0  1   yes     a           1
 *    1    1 1 0  1   yes     a b         1
 *    2    0 0 0  1   yes     -           1
 *    3    . . .  1   no                  -
 *    4    0 1 1  2   yes     b c         2
 *    5    1 . 0  2   yes     a           2
 *    6    9 9 9  2   no (all missing)    -
 *    7    0 0 1  .   yes     c           missing
 *    8    1 1 1  2   yes     a b c       2
 *    9    0 0 0  2   yes     -           2
 *   10    2 0 0  1   yes     - (2 is not a tick)  1
 *
 * Routed: 0 1 2 4 5 7 8 9 10 = 9; respondents: 0 1 4 5 7 8 = 6.
 * Ticks: a 4 (0 1 5 8), b 3 (1 4 8), c 3 (4 7 8): 10 responses.
 * Group 1 (0 1 2 10): routed 4, respondents 2, a 2 b 1 c 0, 3 responses.
 * Group 2 (4 5 8 9): routed 4, respondents 3, a 2 b 2 c 2, 6 responses.
 * Case 7 (group missing) is only in the total. */
static samen_dataset *tick_all(size_t *items, size_t *g)
{
    static const double data[11][4] = {
        {1, 0, 0, 1},       {1, 1, 0, 1}, {0, 0, 0, 1},       {NAN, NAN, NAN, 1},
        {0, 1, 1, 2},       {1, NAN, 0, 2}, {9, 9, 9, 2},     {0, 0, 1, NAN},
        {1, 1, 1, 2},       {0, 0, 0, 2}, {2, 0, 0, 1},
    };
    static const char *names[4] = {"a", "b", "c", "g"};
    samen_dataset *ds = samen_dataset_create(11);
    size_t idx[4];
    for (size_t v = 0; v < 4; v++) {
        ASSERT_EQ(samen_dataset_add_var(ds, names[v], SAMEN_COLUMN_CODE, &idx[v]), SAMEN_OK);
        ASSERT_EQ(samen_dataset_add_missing(ds, idx[v], 9), SAMEN_OK);
        for (size_t c = 0; c < 11; c++)
            ASSERT_EQ(samen_dataset_set(ds, idx[v], c, data[c][v]), SAMEN_OK);
    }
    ASSERT_EQ(samen_dataset_set_var_label(ds, idx[1], "met de jeugdhulp"), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_value_label(ds, idx[3], 2, "vo"), SAMEN_OK);
    for (size_t i = 0; i < 3; i++)
        items[i] = idx[i];
    *g = idx[3];
    return ds;
}

typedef struct column_expect {
    size_t group; /* SAMEN_MRSET_TOTAL or a group index */
    size_t base_n, responses;
    size_t counts[3];
} column_expect;

static void check_columns(const samen_mrset *m, const column_expect *want, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t g = want[k].group;
        ASSERT_EQ(samen_mrset_base_n(m, g), want[k].base_n);
        ASSERT_EQ(samen_mrset_responses(m, g), want[k].responses);
        for (size_t i = 0; i < 3; i++) {
            ASSERT_EQ(samen_mrset_count(m, g, i), want[k].counts[i]);
            ASSERT_NEAR(samen_mrset_percent_of_cases(m, g, i),
                        100.0 * (double)want[k].counts[i] / (double)want[k].base_n, 1e-12);
            ASSERT_NEAR(samen_mrset_percent_of_responses(m, g, i),
                        100.0 * (double)want[k].counts[i] / (double)want[k].responses, 1e-12);
        }
    }
}

TEST(stats_mrset_base_routed_with_groups)
{
    size_t items[3], g;
    samen_dataset *ds = tick_all(items, &g);
    samen_mrset_options opt;
    samen_mrset_options_default(&opt);
    opt.grouped = true;
    opt.group_var = g;
    samen_mrset *m = NULL;
    ASSERT_EQ(samen_mrset_compute(ds, items, 3, &opt, &m), SAMEN_OK);
    samen_dataset_destroy(ds); /* the result keeps its own copies */
    ASSERT_EQ(samen_mrset_base_kind(m), SAMEN_MRSET_BASE_ROUTED);
    ASSERT_CONTAINS(samen_mrset_base_text(m), "routed");
    ASSERT_EQ(samen_mrset_cases(m), 11);
    ASSERT_EQ(samen_mrset_nitems(m), 3);
    ASSERT_STR_EQ(samen_mrset_item_name(m, 1), "b");
    ASSERT_STR_EQ(samen_mrset_item_label(m, 1), "met de jeugdhulp");
    ASSERT_TRUE(samen_mrset_item_label(m, 0) == NULL);
    ASSERT_EQ(samen_mrset_ngroups(m), 2);
    ASSERT_NEAR(samen_mrset_group_value(m, 0), 1, 0);
    ASSERT_NEAR(samen_mrset_group_value(m, 1), 2, 0);
    ASSERT_TRUE(samen_mrset_group_label(m, 0) == NULL);
    ASSERT_STR_EQ(samen_mrset_group_label(m, 1), "vo");
    ASSERT_EQ(samen_mrset_group_missing(m), 1);
    ASSERT_EQ(samen_mrset_routed(m, SAMEN_MRSET_TOTAL), 9);
    ASSERT_EQ(samen_mrset_respondents(m, SAMEN_MRSET_TOTAL), 6);
    const column_expect want[] = {
        {SAMEN_MRSET_TOTAL, 9, 10, {4, 3, 3}},
        {0, 4, 3, {2, 1, 0}},
        {1, 4, 6, {2, 2, 2}},
    };
    check_columns(m, want, 3);
    /* percent of cases of a: 4 of 9 routed cases */
    ASSERT_NEAR(samen_mrset_percent_of_cases(m, SAMEN_MRSET_TOTAL, 0), 400.0 / 9, 1e-12);
    ASSERT_NEAR(samen_mrset_percent_of_responses(m, SAMEN_MRSET_TOTAL, 0), 40, 1e-12);
    ASSERT_TRUE(samen_mrset_small_base(m, SAMEN_MRSET_TOTAL)); /* 9 < 10 */
    ASSERT_TRUE(samen_mrset_small_base(m, 0));
    samen_mrset_destroy(m);
}

TEST(stats_mrset_base_respondents)
{
    size_t items[3], g;
    samen_dataset *ds = tick_all(items, &g);
    samen_mrset_options opt;
    samen_mrset_options_default(&opt);
    opt.base = SAMEN_MRSET_BASE_RESPONDENTS;
    opt.grouped = true;
    opt.group_var = g;
    samen_mrset *m = NULL;
    ASSERT_EQ(samen_mrset_compute(ds, items, 3, &opt, &m), SAMEN_OK);
    ASSERT_CONTAINS(samen_mrset_base_text(m), "ticked at least one");
    const column_expect want[] = {
        {SAMEN_MRSET_TOTAL, 6, 10, {4, 3, 3}},
        {0, 2, 3, {2, 1, 0}},
        {1, 3, 6, {2, 2, 2}},
    };
    check_columns(m, want, 3);
    ASSERT_NEAR(samen_mrset_percent_of_cases(m, SAMEN_MRSET_TOTAL, 0), 400.0 / 6, 1e-12);
    ASSERT_EQ(samen_mrset_routed(m, 0), 4); /* both are reported whatever the base */
    ASSERT_EQ(samen_mrset_group_missing(m), 1);
    samen_mrset_destroy(m);
    samen_dataset_destroy(ds);
}

TEST(stats_mrset_defaults_counted_value_and_errors)
{
    size_t items[3], g;
    samen_dataset *ds = tick_all(items, &g);
    samen_mrset *m = NULL;
    ASSERT_EQ(samen_mrset_compute(ds, items, 3, NULL, &m), SAMEN_OK); /* defaults */
    ASSERT_EQ(samen_mrset_ngroups(m), 0);
    ASSERT_EQ(samen_mrset_base_n(m, SAMEN_MRSET_TOTAL), 9);
    ASSERT_EQ(samen_mrset_count(m, SAMEN_MRSET_TOTAL, 0), 4);
    samen_mrset_destroy(m);

    /* counted value 0: "not ticked" answers; routed cases stay the same */
    samen_mrset_options opt;
    samen_mrset_options_default(&opt);
    opt.counted_value = 0;
    ASSERT_EQ(samen_mrset_compute(ds, items, 3, &opt, &m), SAMEN_OK);
    /* zeros of a: cases 2 4 7 9 -> 4; of b: 0 2 7 9 10 -> 5; of c: 0 1 2 5 9 10 -> 6 */
    ASSERT_EQ(samen_mrset_count(m, SAMEN_MRSET_TOTAL, 0), 4);
    ASSERT_EQ(samen_mrset_count(m, SAMEN_MRSET_TOTAL, 1), 5);
    ASSERT_EQ(samen_mrset_count(m, SAMEN_MRSET_TOTAL, 2), 6);
    ASSERT_EQ(samen_mrset_responses(m, SAMEN_MRSET_TOTAL), 15);
    samen_mrset_destroy(m);

    /* one item only */
    ASSERT_EQ(samen_mrset_compute(ds, items, 1, NULL, &m), SAMEN_OK);
    ASSERT_EQ(samen_mrset_base_n(m, SAMEN_MRSET_TOTAL), 9); /* a valid in 9 cases */
    ASSERT_NEAR(samen_mrset_percent_of_responses(m, SAMEN_MRSET_TOTAL, 0), 100, 1e-12);
    samen_mrset_destroy(m);

    ASSERT_EQ(samen_mrset_compute(ds, items, 0, NULL, &m), SAMEN_EINVAL);
    size_t twice[2] = {items[0], items[0]};
    ASSERT_EQ(samen_mrset_compute(ds, twice, 2, NULL, &m), SAMEN_EINVAL);
    size_t unknown[2] = {items[0], 42};
    ASSERT_EQ(samen_mrset_compute(ds, unknown, 2, NULL, &m), SAMEN_EINVAL);
    opt.counted_value = 1;
    opt.grouped = true;
    opt.group_var = items[2]; /* the grouping variable is an item */
    ASSERT_EQ(samen_mrset_compute(ds, items, 3, &opt, &m), SAMEN_EINVAL);
    samen_dataset_destroy(ds);
}

TEST(stats_mrset_nobody_routed)
{
    samen_dataset *ds = samen_dataset_create(3);
    size_t items[2];
    ASSERT_EQ(samen_dataset_add_var(ds, "a", SAMEN_COLUMN_CODE, &items[0]), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_var(ds, "b", SAMEN_COLUMN_NUMBER, &items[1]), SAMEN_OK);
    samen_mrset *m = NULL;
    ASSERT_EQ(samen_mrset_compute(ds, items, 2, NULL, &m), SAMEN_OK);
    ASSERT_EQ(samen_mrset_base_n(m, SAMEN_MRSET_TOTAL), 0);
    ASSERT_TRUE(isnan(samen_mrset_percent_of_cases(m, SAMEN_MRSET_TOTAL, 0)));
    ASSERT_TRUE(isnan(samen_mrset_percent_of_responses(m, SAMEN_MRSET_TOTAL, 1)));
    ASSERT_TRUE(samen_mrset_small_base(m, SAMEN_MRSET_TOTAL));
    samen_mrset_destroy(m);
    samen_dataset_destroy(ds);
}

TEST(stats_mrset_large_group_base_not_small)
{
    /* 30 cases in two groups of 15, everyone routed; item a ticked by the
     * first 12 cases of each group, item b by every third case */
    samen_dataset *ds = samen_dataset_create(30);
    size_t items[2], g;
    ASSERT_EQ(samen_dataset_add_var(ds, "a", SAMEN_COLUMN_CODE, &items[0]), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_var(ds, "b", SAMEN_COLUMN_CODE, &items[1]), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_var(ds, "g", SAMEN_COLUMN_NUMBER, &g), SAMEN_OK);
    for (size_t c = 0; c < 30; c++) {
        ASSERT_EQ(samen_dataset_set(ds, items[0], c, c % 15 < 12), SAMEN_OK);
        ASSERT_EQ(samen_dataset_set(ds, items[1], c, c % 3 == 0), SAMEN_OK);
        ASSERT_EQ(samen_dataset_set(ds, g, c, c < 15 ? -0.5 : 7.25), SAMEN_OK);
    }
    samen_mrset_options opt;
    samen_mrset_options_default(&opt);
    opt.grouped = true;
    opt.group_var = g;
    samen_mrset *m = NULL;
    ASSERT_EQ(samen_mrset_compute(ds, items, 2, &opt, &m), SAMEN_OK);
    ASSERT_EQ(samen_mrset_ngroups(m), 2);
    ASSERT_NEAR(samen_mrset_group_value(m, 0), -0.5, 0);
    ASSERT_EQ(samen_mrset_base_n(m, 0), 15);
    ASSERT_EQ(samen_mrset_count(m, 0, 0), 12);
    ASSERT_EQ(samen_mrset_count(m, 1, 1), 5); /* 15 18 21 24 27 */
    ASSERT_NEAR(samen_mrset_percent_of_cases(m, 0, 0), 80, 1e-12);
    ASSERT_NEAR(samen_mrset_percent_of_responses(m, 0, 0), 1200.0 / 17, 1e-12);
    ASSERT_TRUE(!samen_mrset_small_base(m, 0));
    ASSERT_TRUE(!samen_mrset_small_base(m, SAMEN_MRSET_TOTAL));
    samen_mrset_destroy(m);
    samen_dataset_destroy(ds);
}
