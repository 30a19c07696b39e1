/* test_store.c - the storage interface on SQLite: schema, transactions,
 * responses and their answers. */
#include <math.h>

#include "samen/sample.h"
#include "samen/store.h"
#include "test.h"

typedef struct seen {
    int n;
    char brin[8][8];
    size_t nanswers[8];
    double first_num[8];
    char text[8][64];
    samen_response_status status[8];
} seen;

static samen_status collect(void *ctx, const samen_response_view *r)
{
    seen *s = ctx;
    if (s->n < 8) {
        snprintf(s->brin[s->n], 8, "%s", r->brin);
        s->nanswers[s->n] = r->nanswers;
        s->first_num[s->n] = r->nanswers ? r->answers[0].num : NAN;
        s->text[s->n][0] = '\0';
        for (size_t i = 0; i < r->nanswers; i++)
            if (r->answers[i].text != NULL)
                snprintf(s->text[s->n], 64, "%s", r->answers[i].text);
        s->status[s->n] = r->status;
    }
    s->n++;
    return SAMEN_OK;
}

static samen_study *example(void)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/examples/image", test_source_dir());
    samen_diag *d = samen_diag_create(20);
    samen_study *s = NULL;
    ASSERT_EQ(samen_study_load(dir, &s, d), SAMEN_OK);
    samen_diag_destroy(d);
    return s;
}

static long long fixed_clock(void)
{
    return 1700000000;
}

TEST(store_sqlite_round_trips_responses)
{
    samen_study *s = example();
    char url[4200];
    snprintf(url, sizeof url, "sqlite:%s/t.db", test_tmpdir());
    samen_diag *d = samen_diag_create(20);
    samen_store *st = NULL;
    ASSERT_EQ(samen_store_open(url, &st, d), SAMEN_OK);
    ASSERT_EQ(samen_store_schema_version(st), 1);
    samen_store_set_clock(st, fixed_clock);
    /* writes outside a transaction are refused */
    ASSERT_EQ(samen_store_sync_study(st, s), SAMEN_EINTERNAL);
    ASSERT_EQ(samen_store_begin(st), SAMEN_OK);
    ASSERT_EQ(samen_store_sync_study(st, s), SAMEN_OK);
    const samen_school_info *a = samen_study_school(s, 0), *b = samen_study_school(s, 1);
    samen_answer ans[] = {{"samenwerking", 1, NULL}, {"toelichting", NAN, "Goed, \"prima\"; €"}};
    ASSERT_EQ(samen_store_put_response(st, 2023, b->brin, "2023.1", SAMEN_RESPONSE_COMPLETE, 2, ans), SAMEN_OK);
    ASSERT_EQ(samen_store_put_response(st, 2023, a->brin, "2023.1", SAMEN_RESPONSE_REFUSED, 0, NULL), SAMEN_OK);
    ASSERT_EQ(samen_store_put_response(st, 2023, a->brin, "2023.1", SAMEN_RESPONSE_COMPLETE, 0, NULL), SAMEN_EEXIST);
    ASSERT_EQ(samen_store_put_response(st, 1999, a->brin, "x", SAMEN_RESPONSE_COMPLETE, 0, NULL), SAMEN_ESTORE);
    ASSERT_EQ(samen_store_commit(st), SAMEN_OK);
    samen_store_close(st);

    /* reopened, the data are there, ordered by school */
    ASSERT_EQ(samen_store_open(url, &st, d), SAMEN_OK);
    seen got;
    memset(&got, 0, sizeof got);
    ASSERT_EQ(samen_store_each_response(st, 2023, collect, &got), SAMEN_OK);
    ASSERT_EQ(got.n, 2);
    ASSERT_STR_EQ(got.brin[0], a->brin);
    ASSERT_EQ(got.status[0], SAMEN_RESPONSE_REFUSED);
    ASSERT_EQ(got.nanswers[0], 0);
    ASSERT_STR_EQ(got.brin[1], b->brin);
    ASSERT_EQ(got.nanswers[1], 2);
    ASSERT_EQ(got.first_num[1], 1);
    ASSERT_STR_EQ(got.text[1], "Goed, \"prima\"; €");
    long n = -1;
    ASSERT_EQ(samen_store_count(st, 2023, SAMEN_RESPONSE_COMPLETE, &n), SAMEN_OK);
    ASSERT_EQ(n, 1);
    bool exists = false;
    ASSERT_EQ(samen_store_has_response(st, 2023, b->brin, &exists), SAMEN_OK);
    ASSERT_TRUE(exists);
    ASSERT_EQ(samen_store_has_response(st, 2022, b->brin, &exists), SAMEN_OK);
    ASSERT_TRUE(!exists);
    samen_store_close(st);
    samen_diag_destroy(d);
    samen_study_destroy(s);
}

TEST(store_rollback_leaves_nothing)
{
    samen_study *s = example();
    char url[4200];
    snprintf(url, sizeof url, "%s/t.db", test_tmpdir()); /* a plain path is SQLite */
    samen_diag *d = samen_diag_create(20);
    samen_store *st = NULL;
    ASSERT_EQ(samen_store_open(url, &st, d), SAMEN_OK);
    ASSERT_EQ(samen_store_begin(st), SAMEN_OK);
    ASSERT_EQ(samen_store_sync_study(st, s), SAMEN_OK);
    ASSERT_EQ(samen_store_put_response(st, 2023, samen_study_school(s, 0)->brin, "1",
                                       SAMEN_RESPONSE_COMPLETE, 0, NULL), SAMEN_OK);
    ASSERT_EQ(samen_store_rollback(st), SAMEN_OK);
    samen_store_close(st);
    ASSERT_EQ(samen_store_open(url, &st, d), SAMEN_OK);
    long n = -1;
    ASSERT_EQ(samen_store_count(st, 2023, SAMEN_RESPONSE_COMPLETE, &n), SAMEN_OK);
    ASSERT_EQ(n, 0);
    /* an open transaction is rolled back on close */
    ASSERT_EQ(samen_store_begin(st), SAMEN_OK);
    ASSERT_EQ(samen_store_sync_study(st, s), SAMEN_OK);
    ASSERT_EQ(samen_store_put_response(st, 2023, samen_study_school(s, 0)->brin, "1",
                                       SAMEN_RESPONSE_COMPLETE, 0, NULL), SAMEN_OK);
    samen_store_close(st);
    ASSERT_EQ(samen_store_open(url, &st, d), SAMEN_OK);
    ASSERT_EQ(samen_store_count(st, 2023, SAMEN_RESPONSE_COMPLETE, &n), SAMEN_OK);
    ASSERT_EQ(n, 0);
    samen_store_close(st);
    samen_diag_destroy(d);
    samen_study_destroy(s);
}

TEST(store_urls_are_checked)
{
    samen_diag *d = samen_diag_create(20);
    samen_store *st = NULL;
    ASSERT_EQ(samen_store_open("postgresql://localhost/x", &st, d), SAMEN_EUNSUPPORTED);
    ASSERT_EQ(samen_store_open("mysql://localhost/x", &st, d), SAMEN_EUSAGE);
    char path[4200];
    snprintf(path, sizeof path, "sqlite:%s/no/such/dir/x.db", test_tmpdir());
    ASSERT_EQ(samen_store_open(path, &st, d), SAMEN_ESTORE);
    /* a file that is not a database */
    snprintf(path, sizeof path, "%s/junk.db", test_tmpdir());
    FILE *f = fopen(path, "w");
    fputs("this is not a database, but it is long enough to look like a file header........", f);
    fclose(f);
    ASSERT_EQ(samen_store_open(path, &st, d), SAMEN_ESTORE);
    samen_diag_destroy(d);
}

TEST(sample_size_matches_the_seed_report)
{
    /* footnote 12: N = 4500, 5%, 90%, 50% -> 256 */
    samen_sample_size r;
    ASSERT_EQ(samen_sample_size_compute(4500, 0.05, 0.90, 0.5, &r), SAMEN_OK);
    ASSERT_EQ(r.n, 256);
    ASSERT_NEAR(r.z, 1.644854, 1e-6);
    ASSERT_NEAR(r.n0, 270.5543, 1e-3);
    /* 95%, infinite-ish population: the textbook 385 (z = 1.96) */
    ASSERT_EQ(samen_sample_size_compute(1e9, 0.05, 0.95, 0.5, &r), SAMEN_OK);
    ASSERT_EQ(r.n, 385);
    /* a population smaller than n0 caps n */
    ASSERT_EQ(samen_sample_size_compute(50, 0.05, 0.95, 0.5, &r), SAMEN_OK);
    ASSERT_EQ(r.n, 45);
    ASSERT_EQ(samen_sample_size_compute(4500, 5, 0.90, 0.5, &r), SAMEN_EINVAL);
    ASSERT_EQ(samen_sample_size_compute(0, 0.05, 0.90, 0.5, &r), SAMEN_EINVAL);
}
