/* test_store.c - the storage interface, one suite for every backend:
 * schema, transactions, responses and their answers, double submissions
 * from concurrent sessions, copies between stores.
 *
 * Each test runs its case once per backend under test: SQLite always, and
 * PostgreSQL when SAMEN_TEST_PG_URL names a server (CTest's pg_* runs start
 * one with scripts/pg-test-cluster.sh). On PostgreSQL every case gets a
 * database of its own, created with a non-byte (ICU en-US) default
 * collation when the server has ICU, so that order by bytes is tested.
 */
#include <libpq-fe.h>
#include <math.h>
#include <pthread.h>
#include <sqlite3.h>
#include <time.h>
#include <unistd.h>

#include "samen/sample.h"
#include "samen/store.h"
#include "test.h"

/* ---- the backends under test ---- */

enum { BACKEND_SQLITE, BACKEND_POSTGRES, NBACKENDS };

typedef struct backend {
    int kind;
    const char *name;
    char url[4200];
    char db[64]; /* PostgreSQL: the database made for this case */
} backend;

/* Writes url with its database name replaced by db into out. */
static void pg_url_with_db(const char *url, const char *db, char *out, size_t cap)
{
    const char *auth = strstr(url, "://");
    ASSERT_TRUE(auth != NULL);
    auth += 3;
    size_t head = strcspn(auth, "/?") + (size_t)(auth - url);
    const char *rest = url + head;
    if (*rest == '/')
        rest += strcspn(rest, "?");
    snprintf(out, cap, "%.*s/%s%s", (int)head, url, db, rest);
}

/* Runs one SQL command on the server of SAMEN_TEST_PG_URL (url NULL) or on
 * url; returns whether it succeeded. Set-up only: no data goes in. */
static bool pg_command(const char *url, const char *sql)
{
    PGconn *c = PQconnectdb(url ? url : getenv("SAMEN_TEST_PG_URL"));
    bool ok = false;
    if (PQstatus(c) == CONNECTION_OK) {
        PGresult *r = PQexec(c, sql);
        ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
        if (!ok)
            fprintf(stderr, "%s: %s", sql, PQerrorMessage(c));
        PQclear(r);
    } else {
        fprintf(stderr, "cannot connect: %s", PQerrorMessage(c));
    }
    PQfinish(c);
    return ok;
}

/* Sets b up as a fresh, empty store location for a case called tag on
 * backend kind; false when that backend is not under test. */
static bool backend_fresh(int kind, const char *tag, backend *b)
{
    static int serial;
    memset(b, 0, sizeof *b);
    b->kind = kind;
    serial++;
    if (kind == BACKEND_SQLITE) {
        b->name = "sqlite";
        snprintf(b->url, sizeof b->url, "sqlite:%s/%s-%d.db", test_tmpdir(), tag, serial);
        return true;
    }
    const char *admin = getenv("SAMEN_TEST_PG_URL");
    if (admin == NULL || *admin == '\0')
        return false;
    b->name = "postgresql";
    snprintf(b->db, sizeof b->db, "samen_t_%.24s_%ld_%d", tag, (long)getpid(), serial);
    char sql[256];
    snprintf(sql, sizeof sql,
             "CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu "
             "ICU_LOCALE 'en-US' LOCALE 'C'",
             b->db);
    if (!pg_command(NULL, sql)) {
        snprintf(sql, sizeof sql, "CREATE DATABASE %s", b->db);
        ASSERT_TRUE(pg_command(NULL, sql));
    }
    pg_url_with_db(admin, b->db, b->url, sizeof b->url);
    return true;
}

static void backend_done(backend *b)
{
    if (b->kind != BACKEND_POSTGRES)
        return;
    char sql[128];
    snprintf(sql, sizeof sql, "DROP DATABASE %s WITH (FORCE)", b->db);
    ASSERT_TRUE(pg_command(NULL, sql));
}

/* Runs fn on every backend under test, each with a fresh location. */
static void each_backend(const char *tag, void (*fn)(const backend *b))
{
    for (int k = 0; k < NBACKENDS; k++) {
        backend b;
        if (!backend_fresh(k, tag, &b))
            continue;
        printf("  %s on %s\n", tag, b.name);
        fflush(stdout);
        fn(&b);
        backend_done(&b);
    }
}

/* Changes the schema version behind samen's back. */
static void set_schema_version(const backend *b, int v)
{
    char sql[128];
    if (b->kind == BACKEND_POSTGRES) {
        snprintf(sql, sizeof sql, "UPDATE samen_schema SET version = %d", v);
        ASSERT_TRUE(pg_command(b->url, sql));
        return;
    }
    sqlite3 *db = NULL;
    ASSERT_EQ(sqlite3_open(b->url + strlen("sqlite:"), &db), SQLITE_OK);
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
    ASSERT_EQ(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* ---- shared helpers ---- */

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

static samen_store *open_ok(const char *url)
{
    samen_diag *d = samen_diag_create(20);
    samen_store *st = NULL;
    samen_status s = samen_store_open(url, &st, d);
    if (s != SAMEN_OK)
        samen_diag_print(d, stderr);
    ASSERT_EQ(s, SAMEN_OK);
    samen_diag_destroy(d);
    return st;
}

/* Stores the study's waves, regions and schools. */
static void sync(samen_store *st, const samen_study *s)
{
    ASSERT_EQ(samen_store_begin(st), SAMEN_OK);
    ASSERT_EQ(samen_store_sync_study(st, s), SAMEN_OK);
    ASSERT_EQ(samen_store_commit(st), SAMEN_OK);
}

/* Fills st with a small, varied data set (fixed clock). */
static void fill(samen_store *st, const samen_study *s)
{
    samen_store_set_clock(st, fixed_clock);
    ASSERT_EQ(samen_store_begin(st), SAMEN_OK);
    ASSERT_EQ(samen_store_sync_study(st, s), SAMEN_OK);
    for (size_t i = 0; i < 12; i++) {
        const char *brin = samen_study_school(s, i * 7)->brin;
        samen_answer ans[] = {{"samenwerking", (double)(i % 3 + 1), NULL},
                              {"cijfer", 0.1 * (double)i, NULL},
                              {"toelichting", NAN, i % 2 ? "tab\there, \"quoted\" {a,b} \\ NULL" : "NULL"},
                              {"leeg", NAN, NULL}};
        samen_response_status rs = i == 3 ? SAMEN_RESPONSE_REFUSED : SAMEN_RESPONSE_COMPLETE;
        ASSERT_EQ(samen_store_put_response(st, 2023, brin, "2023.1", rs, i == 3 ? 0 : 4, ans),
                  SAMEN_OK);
        if (i % 4 == 0)
            ASSERT_EQ(samen_store_put_response(st, 2022, brin, "2022.1", SAMEN_RESPONSE_PARTIAL,
                                               1, ans),
                      SAMEN_OK);
    }
    ASSERT_EQ(samen_store_commit(st), SAMEN_OK);
}

/* Returns st's canonical dump as a new string (free with free()). */
static char *dump(samen_store *st)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ASSERT_TRUE(f != NULL);
    ASSERT_EQ(samen_store_dump(st, f), SAMEN_OK);
    fclose(f);
    return text;
}

/* ---- the cases ---- */

static void round_trips(const backend *b)
{
    samen_study *s = example();
    samen_diag *d = samen_diag_create(20);
    samen_store *st = open_ok(b->url);
    ASSERT_EQ(samen_store_schema_version(st), 1);
    samen_store_set_clock(st, fixed_clock);
    /* writes outside a transaction are refused */
    ASSERT_EQ(samen_store_sync_study(st, s), SAMEN_EINTERNAL);
    ASSERT_EQ(samen_store_begin(st), SAMEN_OK);
    ASSERT_EQ(samen_store_begin(st), SAMEN_EINTERNAL);
    ASSERT_EQ(samen_store_sync_study(st, s), SAMEN_OK);
    ASSERT_EQ(samen_store_sync_study(st, s), SAMEN_OK); /* again: an update */
    const samen_school_info *a = samen_study_school(s, 0), *c = samen_study_school(s, 1);
    samen_answer ans[] = {{"samenwerking", 1, NULL}, {"toelichting", NAN, "Goed, \"prima\"; €"}};
    ASSERT_EQ(samen_store_put_response(st, 2023, c->brin, "2023.1", SAMEN_RESPONSE_COMPLETE, 2, ans), SAMEN_OK);
    ASSERT_EQ(samen_store_put_response(st, 2023, a->brin, "2023.1", SAMEN_RESPONSE_REFUSED, 0, NULL), SAMEN_OK);
    /* a second response of a school, and an unknown wave, fail and the
     * transaction goes on */
    ASSERT_EQ(samen_store_put_response(st, 2023, a->brin, "2023.1", SAMEN_RESPONSE_COMPLETE, 0, NULL), SAMEN_EEXIST);
    ASSERT_EQ(samen_store_put_response(st, 1999, a->brin, "x", SAMEN_RESPONSE_COMPLETE, 0, NULL), SAMEN_ESTORE);
    ASSERT_EQ(samen_store_commit(st), SAMEN_OK);
    ASSERT_EQ(samen_store_commit(st), SAMEN_EINTERNAL);
    samen_store_close(st);

    /* reopened, the data are there, ordered by school */
    ASSERT_EQ(samen_store_open(b->url, &st, d), SAMEN_OK);
    seen got;
    memset(&got, 0, sizeof got);
    ASSERT_EQ(samen_store_each_response(st, 2023, collect, &got), SAMEN_OK);
    ASSERT_EQ(got.n, 2);
    ASSERT_STR_EQ(got.brin[0], a->brin);
    ASSERT_EQ(got.status[0], SAMEN_RESPONSE_REFUSED);
    ASSERT_EQ(got.nanswers[0], 0);
    ASSERT_STR_EQ(got.brin[1], c->brin);
    ASSERT_EQ(got.nanswers[1], 2);
    ASSERT_EQ(got.first_num[1], 1);
    ASSERT_STR_EQ(got.text[1], "Goed, \"prima\"; €");
    long n = -1;
    ASSERT_EQ(samen_store_count(st, 2023, SAMEN_RESPONSE_COMPLETE, &n), SAMEN_OK);
    ASSERT_EQ(n, 1);
    ASSERT_EQ(samen_store_count(st, 2023, SAMEN_RESPONSE_REFUSED, &n), SAMEN_OK);
    ASSERT_EQ(n, 1);
    bool exists = false;
    ASSERT_EQ(samen_store_has_response(st, 2023, c->brin, &exists), SAMEN_OK);
    ASSERT_TRUE(exists);
    ASSERT_EQ(samen_store_has_response(st, 2022, c->brin, &exists), SAMEN_OK);
    ASSERT_TRUE(!exists);
    samen_store_counts k;
    ASSERT_EQ(samen_store_get_counts(st, &k), SAMEN_OK);
    ASSERT_EQ(k.waves, (long)samen_study_nwaves(s));
    ASSERT_EQ(k.regions, (long)samen_study_nregions(s));
    ASSERT_EQ(k.schools, (long)samen_study_nschools(s));
    ASSERT_EQ(k.responses, 2);
    ASSERT_EQ(k.answers, 2);
    samen_store_close(st);
    samen_diag_destroy(d);
    samen_study_destroy(s);
}

TEST(store_round_trips_responses)
{
    each_backend("round_trip", round_trips);
}

static void rollback_leaves_nothing(const backend *b)
{
    samen_study *s = example();
    samen_store *st = open_ok(b->url);
    ASSERT_EQ(samen_store_begin(st), SAMEN_OK);
    ASSERT_EQ(samen_store_sync_study(st, s), SAMEN_OK);
    ASSERT_EQ(samen_store_put_response(st, 2023, samen_study_school(s, 0)->brin, "1",
                                       SAMEN_RESPONSE_COMPLETE, 0, NULL), SAMEN_OK);
    ASSERT_EQ(samen_store_rollback(st), SAMEN_OK);
    ASSERT_EQ(samen_store_rollback(st), SAMEN_OK); /* no transaction: nothing to do */
    samen_store_close(st);
    st = open_ok(b->url);
    long n = -1;
    ASSERT_EQ(samen_store_count(st, 2023, SAMEN_RESPONSE_COMPLETE, &n), SAMEN_OK);
    ASSERT_EQ(n, 0);
    samen_store_counts k;
    ASSERT_EQ(samen_store_get_counts(st, &k), SAMEN_OK);
    ASSERT_EQ(k.schools, 0);
    /* an open transaction is rolled back on close */
    ASSERT_EQ(samen_store_begin(st), SAMEN_OK);
    ASSERT_EQ(samen_store_sync_study(st, s), SAMEN_OK);
    ASSERT_EQ(samen_store_put_response(st, 2023, samen_study_school(s, 0)->brin, "1",
                                       SAMEN_RESPONSE_COMPLETE, 0, NULL), SAMEN_OK);
    samen_store_close(st);
    st = open_ok(b->url);
    ASSERT_EQ(samen_store_count(st, 2023, SAMEN_RESPONSE_COMPLETE, &n), SAMEN_OK);
    ASSERT_EQ(n, 0);
    samen_store_close(st);
    samen_study_destroy(s);
}

TEST(store_rollback_leaves_nothing)
{
    each_backend("rollback", rollback_leaves_nothing);
}

/* A failed put_response leaves no half-written response behind. */
static void failed_call_leaves_no_trace(const backend *b)
{
    samen_study *s = example();
    samen_store *st = open_ok(b->url);
    sync(st, s);
    const char *brin = samen_study_school(s, 5)->brin;
    samen_answer twice[] = {{"samenwerking", 1, NULL}, {"samenwerking", 2, NULL}};
    ASSERT_EQ(samen_store_begin(st), SAMEN_OK);
    ASSERT_TRUE(samen_store_put_response(st, 2023, brin, "1", SAMEN_RESPONSE_COMPLETE, 2, twice) != SAMEN_OK);
    bool exists = true;
    ASSERT_EQ(samen_store_has_response(st, 2023, brin, &exists), SAMEN_OK);
    ASSERT_TRUE(!exists);
    /* an unknown school */
    ASSERT_EQ(samen_store_put_response(st, 2023, "99ZZ99", "1", SAMEN_RESPONSE_COMPLETE, 1, twice), SAMEN_ESTORE);
    /* the transaction is still usable */
    ASSERT_EQ(samen_store_put_response(st, 2023, brin, "1", SAMEN_RESPONSE_COMPLETE, 1, twice), SAMEN_OK);
    ASSERT_EQ(samen_store_commit(st), SAMEN_OK);
    samen_store_counts k;
    ASSERT_EQ(samen_store_get_counts(st, &k), SAMEN_OK);
    ASSERT_EQ(k.responses, 1);
    ASSERT_EQ(k.answers, 1);
    samen_store_close(st);
    samen_study_destroy(s);
}

TEST(store_failed_call_leaves_no_trace)
{
    each_backend("failed_call", failed_call_leaves_no_trace);
}

typedef struct answers_seen {
    char vars[8][32];
    double nums[8];
    char texts[8][96];
    bool text_null[8];
    size_t n;
} answers_seen;

static samen_status collect_answers(void *ctx, const samen_response_view *r)
{
    answers_seen *a = ctx;
    a->n = r->nanswers;
    for (size_t i = 0; i < r->nanswers && i < 8; i++) {
        snprintf(a->vars[i], sizeof a->vars[i], "%s", r->answers[i].var);
        a->nums[i] = r->answers[i].num;
        a->text_null[i] = r->answers[i].text == NULL;
        snprintf(a->texts[i], sizeof a->texts[i], "%s", r->answers[i].text ? r->answers[i].text : "");
    }
    return SAMEN_OK;
}

/* Text comes back byte for byte (also what an array literal or a dump
 * escapes), numbers exactly, and answers sorted by bytes, not by locale. */
static void text_and_numbers_round_trip(const backend *b)
{
    samen_study *s = example();
    samen_store *st = open_ok(b->url);
    sync(st, s);
    samen_answer ans[] = {
        {"b", NAN, "NULL"},
        {"B", 0.1, NULL},
        {"ab", 1e300, NULL},
        {"a_c", -2.5, "tab\t nl\n cr\r \"q\" \\ {x,y} ' ; é €"},
        {"A", NAN, ""},
        {"a", 3, NULL},
    };
    ASSERT_EQ(samen_store_begin(st), SAMEN_OK);
    ASSERT_EQ(samen_store_put_response(st, 2023, samen_study_school(s, 2)->brin, "v\"1",
                                       SAMEN_RESPONSE_PARTIAL, 6, ans), SAMEN_OK);
    ASSERT_EQ(samen_store_commit(st), SAMEN_OK);
    answers_seen got;
    memset(&got, 0, sizeof got);
    ASSERT_EQ(samen_store_each_response(st, 2023, collect_answers, &got), SAMEN_OK);
    ASSERT_EQ(got.n, 6);
    /* bytes: 'A' < 'B' < 'a' < 'a_c' < 'ab' < 'b' (en-US: a A a_c ab b B) */
    ASSERT_STR_EQ(got.vars[0], "A");
    ASSERT_STR_EQ(got.vars[1], "B");
    ASSERT_STR_EQ(got.vars[2], "a");
    ASSERT_STR_EQ(got.vars[3], "a_c");
    ASSERT_STR_EQ(got.vars[4], "ab");
    ASSERT_STR_EQ(got.vars[5], "b");
    ASSERT_TRUE(!got.text_null[0]);
    ASSERT_STR_EQ(got.texts[0], "");
    ASSERT_TRUE(isnan(got.nums[0]));
    ASSERT_TRUE(got.nums[1] == 0.1);
    ASSERT_TRUE(got.text_null[1]);
    ASSERT_TRUE(got.nums[2] == 3);
    ASSERT_STR_EQ(got.texts[3], "tab\t nl\n cr\r \"q\" \\ {x,y} ' ; é €");
    ASSERT_TRUE(got.nums[3] == -2.5);
    ASSERT_TRUE(got.nums[4] == 1e300);
    ASSERT_STR_EQ(got.texts[5], "NULL");
    ASSERT_TRUE(!got.text_null[5]);
    /* the canonical dump escapes what would break its lines */
    char *text = dump(st);
    ASSERT_CONTAINS(text, "\ta_c\t-2.5\ttab\\t nl\\n cr\\r \"q\" \\\\ {x,y} ' ; é €\n");
    ASSERT_CONTAINS(text, "\tB\t0.10000000000000001\t\\N\n");
    ASSERT_CONTAINS(text, "\tb\t\\N\tNULL\n");
    free(text);
    samen_store_close(st);
    samen_study_destroy(s);
}

TEST(store_text_and_numbers_round_trip)
{
    each_backend("text_numbers", text_and_numbers_round_trip);
}

/* ---- sessions in threads ---- */

typedef struct session {
    const char *url;
    const char *brin;
    samen_status begin, put;
} session;

static void *second_session(void *arg)
{
    session *x = arg;
    samen_store *st = open_ok(x->url);
    x->begin = samen_store_begin(st);
    if (x->begin == SAMEN_OK)
        x->put = samen_store_put_response(st, 2023, x->brin, "1", SAMEN_RESPONSE_COMPLETE, 0, NULL);
    samen_store_rollback(st);
    samen_store_close(st);
    return NULL;
}

/* Two sessions submit the same school; the second waits for the first
 * and gets SAMEN_EEXIST. */
static void double_submit(const backend *b)
{
    samen_study *s = example();
    samen_store *st = open_ok(b->url);
    sync(st, s);
    const char *brin = samen_study_school(s, 9)->brin;
    samen_answer ans[] = {{"samenwerking", 2, NULL}};
    ASSERT_EQ(samen_store_begin(st), SAMEN_OK);
    ASSERT_EQ(samen_store_put_response(st, 2023, brin, "1", SAMEN_RESPONSE_COMPLETE, 1, ans), SAMEN_OK);
    session x = {b->url, brin, SAMEN_EINTERNAL, SAMEN_EINTERNAL};
    pthread_t t;
    ASSERT_EQ(pthread_create(&t, NULL, second_session, &x), 0);
    struct timespec pause = {0, 300 * 1000 * 1000};
    nanosleep(&pause, NULL); /* let the second session block on us */
    ASSERT_EQ(samen_store_commit(st), SAMEN_OK);
    ASSERT_EQ(pthread_join(t, NULL), 0);
    ASSERT_EQ(x.begin, SAMEN_OK);
    ASSERT_EQ(x.put, SAMEN_EEXIST);
    long n = -1;
    ASSERT_EQ(samen_store_count(st, 2023, SAMEN_RESPONSE_COMPLETE, &n), SAMEN_OK);
    ASSERT_EQ(n, 1);
    samen_store_close(st);
    samen_study_destroy(s);
}

TEST(store_double_submit_yields_eexist)
{
    each_backend("double_submit", double_submit);
}

#define STORM_THREADS 8
#define STORM_SCHOOLS 20

typedef struct stormer {
    const char *url;
    const samen_study *s;
    int id;
    int ok, exist, other;
} stormer;

static void *storm(void *arg)
{
    stormer *w = arg;
    /* Even threads keep one store; odd ones open one per submission, as a
     * server thread per request would (the pool behind open). */
    samen_store *st = w->id % 2 == 0 ? open_ok(w->url) : NULL;
    samen_answer ans[120];
    char names[120][16];
    for (int i = 0; i < 120; i++) {
        snprintf(names[i], sizeof names[i], "v%03d", i);
        ans[i] = (samen_answer){names[i], (double)(i % 5), NULL};
    }
    for (int k = 0; k < STORM_SCHOOLS; k++) {
        int school = (k * (w->id % 2 ? 3 : 7) + w->id) % STORM_SCHOOLS;
        samen_store *use = st ? st : open_ok(w->url);
        samen_status r = samen_store_begin(use);
        if (r == SAMEN_OK)
            r = samen_store_put_response(use, 2023, samen_study_school(w->s, (size_t)school)->brin,
                                         "1", SAMEN_RESPONSE_COMPLETE, 120, ans);
        if (r == SAMEN_OK)
            r = samen_store_commit(use);
        else
            samen_store_rollback(use);
        if (r == SAMEN_OK)
            w->ok++;
        else if (r == SAMEN_EEXIST)
            w->exist++;
        else
            w->other++;
        if (st == NULL)
            samen_store_close(use);
    }
    samen_store_close(st);
    return NULL;
}

/* Many sessions submit the same schools at once: every school is stored
 * once, every other attempt is SAMEN_EEXIST, nothing else fails. */
static void concurrent_sessions(const backend *b)
{
    samen_study *s = example();
    samen_store *st = open_ok(b->url);
    sync(st, s);
    stormer w[STORM_THREADS];
    pthread_t t[STORM_THREADS];
    for (int i = 0; i < STORM_THREADS; i++) {
        w[i] = (stormer){b->url, s, i, 0, 0, 0};
        ASSERT_EQ(pthread_create(&t[i], NULL, storm, &w[i]), 0);
    }
    int ok = 0, exist = 0, other = 0;
    for (int i = 0; i < STORM_THREADS; i++) {
        ASSERT_EQ(pthread_join(t[i], NULL), 0);
        ok += w[i].ok;
        exist += w[i].exist;
        other += w[i].other;
    }
    ASSERT_EQ(other, 0);
    ASSERT_EQ(ok, STORM_SCHOOLS);
    ASSERT_EQ(exist, STORM_THREADS * STORM_SCHOOLS - STORM_SCHOOLS);
    samen_store_counts k;
    ASSERT_EQ(samen_store_get_counts(st, &k), SAMEN_OK);
    ASSERT_EQ(k.responses, STORM_SCHOOLS);
    ASSERT_EQ(k.answers, STORM_SCHOOLS * 120);
    samen_store_close(st);
    samen_study_destroy(s);
}

TEST(store_concurrent_sessions_never_duplicate)
{
    each_backend("storm", concurrent_sessions);
}

typedef struct opener {
    const char *url;
    samen_status st;
    int version;
} opener;

static void *open_one(void *arg)
{
    opener *o = arg;
    samen_store *st = NULL;
    o->st = samen_store_open(o->url, &st, NULL);
    if (o->st == SAMEN_OK) {
        o->version = samen_store_schema_version(st);
        samen_store_close(st);
    }
    return NULL;
}

/* Several processes' worth of sessions opening a new database at once:
 * it is migrated once and every open succeeds. A newer schema is refused. */
static void schema_migrates_once(const backend *b)
{
    opener o[6];
    pthread_t t[6];
    for (int i = 0; i < 6; i++) {
        o[i] = (opener){b->url, SAMEN_EINTERNAL, -1};
        ASSERT_EQ(pthread_create(&t[i], NULL, open_one, &o[i]), 0);
    }
    for (int i = 0; i < 6; i++) {
        ASSERT_EQ(pthread_join(t[i], NULL), 0);
        ASSERT_EQ(o[i].st, SAMEN_OK);
        ASSERT_EQ(o[i].version, 1);
    }
    set_schema_version(b, 99);
    samen_diag *d = samen_diag_create(20);
    samen_store *st = NULL;
    ASSERT_EQ(samen_store_open(b->url, &st, d), SAMEN_EUNSUPPORTED);
    ASSERT_CONTAINS(samen_diag_message(d, 0), "schema version 99");
    samen_diag_destroy(d);
}

TEST(store_schema_migrates_once)
{
    each_backend("schema", schema_migrates_once);
}

/* ---- copies ---- */

/* The same data give the same canonical dump on every backend. */
TEST(store_dump_is_backend_independent)
{
    samen_study *s = example();
    char *first = NULL;
    for (int k = 0; k < NBACKENDS; k++) {
        backend b;
        if (!backend_fresh(k, "dump", &b))
            continue;
        printf("  dump on %s\n", b.name);
        samen_store *st = open_ok(b.url);
        fill(st, s);
        char *text = dump(st);
        ASSERT_CONTAINS(text, "table response 15\n");
        ASSERT_CONTAINS(text, "table answer 47\n");
        ASSERT_CONTAINS(text, "\t2023\t");
        ASSERT_CONTAINS(text, "2023-11-14T22:13:20Z\t2023-11-14T22:13:20Z\n");
        if (first == NULL)
            first = text;
        else {
            ASSERT_STR_EQ(text, first);
            free(text);
        }
        samen_store_close(st);
        backend_done(&b);
    }
    free(first);
    samen_study_destroy(s);
}

/* Every backend to every backend: the copy is complete and verified, a
 * non-empty target is refused and left alone, and new responses in the
 * copy get new ids. */
TEST(store_copy_between_backends)
{
    samen_study *s = example();
    for (int from = 0; from < NBACKENDS; from++) {
        for (int to = 0; to < NBACKENDS; to++) {
            backend a, b;
            if (!backend_fresh(from, "copy_from", &a))
                continue;
            if (!backend_fresh(to, "copy_to", &b)) {
                backend_done(&a);
                continue;
            }
            printf("  copy %s -> %s\n", a.name, b.name);
            samen_store *src = open_ok(a.url), *dst = open_ok(b.url);
            fill(src, s);
            samen_diag *d = samen_diag_create(20);
            samen_store_counts k;
            ASSERT_EQ(samen_store_copy(src, dst, &k, d), SAMEN_OK);
            ASSERT_EQ(k.responses, 15);
            ASSERT_EQ(k.answers, 47);
            ASSERT_EQ(k.schools, (long)samen_study_nschools(s));
            char *da = dump(src), *db = dump(dst);
            ASSERT_STR_EQ(db, da);
            /* again: the target is not empty any more */
            ASSERT_EQ(samen_store_copy(src, dst, NULL, d), SAMEN_EEXIST);
            ASSERT_CONTAINS(samen_diag_message(d, 0), "not empty");
            char *again = dump(dst);
            ASSERT_STR_EQ(again, db);
            /* the copy goes on where the source left off */
            ASSERT_EQ(samen_store_begin(dst), SAMEN_OK);
            ASSERT_EQ(samen_store_put_response(dst, 2023, samen_study_school(s, 1)->brin, "1",
                                               SAMEN_RESPONSE_COMPLETE, 0, NULL), SAMEN_OK);
            ASSERT_EQ(samen_store_commit(dst), SAMEN_OK);
            free(da);
            free(db);
            free(again);
            samen_diag_destroy(d);
            samen_store_close(src);
            samen_store_close(dst);
            backend_done(&a);
            backend_done(&b);
        }
    }
    samen_study_destroy(s);
}

/* ---- URLs ---- */

TEST(store_urls_are_checked)
{
    samen_diag *d = samen_diag_create(20);
    samen_store *st = NULL;
    ASSERT_EQ(samen_store_open("mysql://localhost/x", &st, d), SAMEN_EUSAGE);
    /* No server on port 1; the message must not show the password. */
    samen_diag_clear(d);
    ASSERT_EQ(samen_store_open("postgresql://u:sekrit@127.0.0.1:1/x?connect_timeout=5", &st, d),
              SAMEN_ESTORE);
    ASSERT_CONTAINS(samen_diag_message(d, 0), "cannot connect to PostgreSQL database 'x'");
    ASSERT_TRUE(strstr(samen_diag_message(d, 0), "sekrit") == NULL);
    samen_diag_clear(d);
    ASSERT_EQ(samen_store_open("postgres://127.0.0.1:1/x?no_such_option=1", &st, d), SAMEN_ESTORE);
    ASSERT_CONTAINS(samen_diag_message(d, 0), "no_such_option");
    char path[4200];
    snprintf(path, sizeof path, "sqlite:%s/no/such/dir/x.db", test_tmpdir());
    ASSERT_EQ(samen_store_open(path, &st, d), SAMEN_ESTORE);
    /* a file that is not a database */
    snprintf(path, sizeof path, "%s/junk.db", test_tmpdir());
    FILE *f = fopen(path, "w");
    fputs("this is not a database, but it is long enough to look like a file header........", f);
    fclose(f);
    ASSERT_EQ(samen_store_open(path, &st, d), SAMEN_ESTORE);
    /* a plain path is SQLite */
    snprintf(path, sizeof path, "%s/plain.db", test_tmpdir());
    st = open_ok(path);
    ASSERT_EQ(samen_store_schema_version(st), 1);
    samen_store_close(st);
    samen_diag_destroy(d);
    /* the database name in a URL is replaced whatever its form */
    char url[256];
    pg_url_with_db("postgresql:///postgres?host=/tmp/x&port=5432", "d1", url, sizeof url);
    ASSERT_STR_EQ(url, "postgresql:///d1?host=/tmp/x&port=5432");
    pg_url_with_db("postgresql://u:p@h:5/postgres", "d1", url, sizeof url);
    ASSERT_STR_EQ(url, "postgresql://u:p@h:5/d1");
    pg_url_with_db("postgres://h?sslmode=disable", "d1", url, sizeof url);
    ASSERT_STR_EQ(url, "postgres://h/d1?sslmode=disable");
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
