/* test_stats_compare.c - Mann-Whitney U, Welch's t, Cohen's d, caveats. */
#include <math.h>

#include "samen/stats_compare.h"
#include "test.h"

TEST(stats_compare_mann_whitney_by_hand)
{
    /* ranks: 1 | 2 2 2 -> 3 | 3 3 -> 5.5 | 4 -> 7 | 5 -> 8 */
    const double a[] = {3, 4, 2, 5}, b[] = {1, 2, 2, 3};
    samen_mann_whitney m;
    ASSERT_EQ(samen_mann_whitney_test(a, 4, b, 4, &m), SAMEN_OK);
    ASSERT_NEAR(m.rank_sum1, 23.5, 1e-12);
    ASSERT_NEAR(m.rank_sum2, 12.5, 1e-12);
    ASSERT_NEAR(m.u, 2.5, 1e-12);
    ASSERT_NEAR(m.w, 12.5, 1e-12);
    /* sigma^2 = 16/12 * (9 - (24 + 6) / 56) */
    double sigma = sqrt(16.0 / 12.0 * (9.0 - 30.0 / 56.0));
    ASSERT_NEAR(m.z, (2.5 - 8.0) / sigma, 1e-12);
    ASSERT_NEAR(m.z, -1.63718653, 1e-8); /* PSPP */
    ASSERT_NEAR(m.r, fabs(m.z) / sqrt(8.0), 1e-12);
    /* all tied: no test */
    const double c[] = {2, 2}, e[] = {2, 2, 2};
    ASSERT_EQ(samen_mann_whitney_test(c, 2, e, 3, &m), SAMEN_EINVAL);
    ASSERT_EQ(samen_mann_whitney_test(c, 0, e, 3, &m), SAMEN_EINVAL);
}

TEST(stats_compare_welch_and_cohens_d_by_hand)
{
    const double a[] = {3, 4, 2, 5}, b[] = {1, 2, 2, 3};
    samen_welch w;
    ASSERT_EQ(samen_welch_test(a, 4, b, 4, &w), SAMEN_OK);
    ASSERT_NEAR(w.mean1, 3.5, 1e-12);
    ASSERT_NEAR(w.mean2, 2.0, 1e-12);
    ASSERT_NEAR(w.sd1, sqrt(5.0 / 3.0), 1e-12);
    ASSERT_NEAR(w.sd2, sqrt(2.0 / 3.0), 1e-12);
    ASSERT_NEAR(w.t, 1.96396101, 1e-8);  /* PSPP */
    ASSERT_NEAR(w.df, 5.06896552, 1e-8); /* PSPP */
    ASSERT_NEAR(w.cohens_d, 1.5 / sqrt((5.0 + 2.0) / 6.0), 1e-12);
    const double one[] = {1};
    ASSERT_EQ(samen_welch_test(one, 1, b, 4, &w), SAMEN_EINVAL);
}

static samen_dataset *wave(size_t n, size_t share_po)
{
    samen_dataset *ds = samen_dataset_create(n);
    size_t sector;
    ASSERT_EQ(samen_dataset_add_var(ds, "sector", SAMEN_COLUMN_CODE, &sector), SAMEN_OK);
    for (size_t c = 0; c < n; c++)
        ASSERT_EQ(samen_dataset_set(ds, sector, c, c < share_po ? 1 : 2), SAMEN_OK);
    return ds;
}

TEST(stats_compare_caveats_on_size_and_composition)
{
    const char *comp[] = {"sector", "unknown"};
    samen_caveat out[8];
    size_t n;
    /* 35 vs 59, same composition: no caveat */
    samen_dataset *a = wave(35, 28), *b = wave(59, 47);
    ASSERT_EQ(samen_compare_caveats(a, b, comp, 2, NULL, out, 8, &n), SAMEN_OK);
    ASSERT_EQ(n, 0);
    samen_dataset_destroy(b);
    /* 35 vs 239 (ratio 6.8) with 80% vs 40% po: size and composition */
    b = wave(239, 96);
    ASSERT_EQ(samen_compare_caveats(a, b, comp, 2, NULL, out, 8, &n), SAMEN_OK);
    ASSERT_EQ(n, 2);
    ASSERT_EQ(out[0].kind, SAMEN_CAVEAT_SIZE);
    ASSERT_NEAR(out[0].value, 239.0 / 35.0, 1e-12);
    ASSERT_EQ(out[1].kind, SAMEN_CAVEAT_COMPOSITION);
    ASSERT_STR_EQ(out[1].variable, "sector");
    ASSERT_NEAR(out[1].value, 28.0 / 35.0 - 96.0 / 239.0, 1e-12);
    char text[300];
    samen_caveat_describe(&out[0], text, sizeof text);
    ASSERT_CONTAINS(text, "n = 35 and n = 239");
    /* a stricter rule set */
    samen_caveat_rules strict = {10.0, 0.5, 100};
    ASSERT_EQ(samen_compare_caveats(a, b, comp, 1, &strict, out, 8, &n), SAMEN_OK);
    ASSERT_EQ(n, 1);
    ASSERT_EQ(out[0].kind, SAMEN_CAVEAT_SMALL_N);
    samen_dataset_destroy(a);
    samen_dataset_destroy(b);
}
