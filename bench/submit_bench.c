/* submit_bench.c - durable response submissions per second on each storage
 * backend, in the same run (bench/store_bench.sh runs it; not a test).
 *
 *   submit_bench [-j SESSIONS] STUDY_DIR N URL [URL...]
 *
 * For each URL (an empty database): stores the study's waves, regions and
 * schools, then submits N responses one after another, each with 120
 * answers (numbers and a few open texts) in a transaction of its own
 * (begin, put_response, commit), as the web questionnaire will. With -j,
 * then N more (the second wave) from SESSIONS concurrent sessions, each a
 * thread with a store of its own, as server worker threads would. Prints
 * per backend the submissions per second and the median and 99th
 * percentile latency, then the ratio of every backend's rate to the first
 * one's.
 * Uses only the public interface (samen/store.h).
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "samen/store.h"
#include "samen/study.h"

#define NANSWERS 120
#define MAX_SESSIONS 64
#define MAX_URLS 8

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The scheme of url, for the report ("sqlite", "postgresql"). */
static void scheme_of(const char *url, char *out, size_t cap)
{
    size_t n = strcspn(url, ":");
    snprintf(out, cap, "%.*s", (int)(url[n] == ':' ? n : strlen(url)), url);
}

/* One session's share of a run: submissions k = first, first + step, ...
 * below n, into wave, each timed into lat[k]. */
typedef struct session {
    const samen_study *s;
    const char *url;
    samen_store *st;
    int wave;
    long first, step, n;
    double *lat;
    int failed;
} session;

static void answers_init(samen_answer *ans, char (*names)[16])
{
    for (int i = 0; i < NANSWERS; i++) {
        snprintf(names[i], 16, "vraag_%03d", i);
        ans[i].var = names[i];
        ans[i].num = i % 15 == 14 ? NAN : (double)(i % 7 + 1);
        ans[i].text = i % 15 == 14 ? "Een open antwoord, met \"aanhalingstekens\" en een komma."
                                   : NULL;
    }
}

static void *submit(void *arg)
{
    session *x = arg;
    samen_answer ans[NANSWERS];
    char names[NANSWERS][16];
    answers_init(ans, names);
    for (long k = x->first; k < x->n; k += x->step) {
        const samen_school_info *sc = samen_study_school(x->s, (size_t)k);
        double t0 = now_seconds();
        samen_status r = samen_store_begin(x->st);
        if (r == SAMEN_OK)
            r = samen_store_put_response(x->st, x->wave, sc->brin, "bench",
                                         SAMEN_RESPONSE_COMPLETE, NANSWERS, ans);
        if (r == SAMEN_OK)
            r = samen_store_commit(x->st);
        if (r != SAMEN_OK) {
            fprintf(stderr, "%s: submission %ld failed: %s\n", x->url, k,
                    samen_status_message(r));
            samen_store_rollback(x->st);
            x->failed = 1;
            return NULL;
        }
        x->lat[k] = now_seconds() - t0;
    }
    return NULL;
}

/* Submits n responses into wave over sessions concurrent sessions (each a
 * store of its own) and prints a line; *rate is submissions per second. */
static int run_sessions(const samen_study *s, const char *url, int wave, long n, int sessions,
                        double *rate)
{
    session x[MAX_SESSIONS];
    pthread_t t[MAX_SESSIONS];
    double *lat = calloc((size_t)n, sizeof *lat);
    int rc = 1, started = 0;
    if (lat == NULL)
        return 1;
    for (int i = 0; i < sessions; i++) {
        x[i] = (session){s, url, NULL, wave, i, sessions, n, lat, 0};
        if (samen_store_open(url, &x[i].st, NULL) != SAMEN_OK) {
            fprintf(stderr, "%s: cannot open a session\n", url);
            goto out;
        }
        started++;
    }
    double start = now_seconds();
    for (int i = 0; i < sessions; i++)
        pthread_create(&t[i], NULL, submit, &x[i]);
    int failed = 0;
    for (int i = 0; i < sessions; i++) {
        pthread_join(t[i], NULL);
        failed |= x[i].failed;
    }
    double secs = now_seconds() - start;
    if (failed)
        goto out;
    qsort(lat, (size_t)n, sizeof *lat, by_value);
    char scheme[32];
    scheme_of(url, scheme, sizeof scheme);
    *rate = (double)n / secs;
    printf("%-11s %8d %8ld %9.3f %12.0f %9.3f %9.3f\n", scheme, sessions, n, secs, *rate,
           lat[n / 2] * 1e3, lat[(size_t)((double)n * 0.99)] * 1e3);
    fflush(stdout);
    rc = 0;
out:
    for (int i = 0; i < started; i++)
        samen_store_close(x[i].st);
    free(lat);
    return rc;
}

/* Stores the study at url: waves, regions and schools. */
static int prepare_store(const samen_study *s, const char *url)
{
    samen_diag *d = samen_diag_create(20);
    samen_store *st = NULL;
    int rc = 1;
    if (samen_store_open(url, &st, d) != SAMEN_OK) {
        samen_diag_print(d, stderr);
        goto out;
    }
    if (samen_store_begin(st) != SAMEN_OK || samen_store_sync_study(st, s) != SAMEN_OK ||
        samen_store_commit(st) != SAMEN_OK) {
        fprintf(stderr, "%s: cannot store the study\n", url);
        goto out;
    }
    rc = 0;
out:
    samen_store_close(st);
    samen_diag_destroy(d);
    return rc;
}

int main(int argc, char **argv)
{
    int sessions = 1;
    int a = 1;
    if (argc > 2 && strcmp(argv[1], "-j") == 0) {
        char *e = NULL;
        long j = strtol(argv[2], &e, 10);
        if (*e != '\0' || j < 1 || j > MAX_SESSIONS) {
            fprintf(stderr, "-j takes 1..%d sessions\n", MAX_SESSIONS);
            return 2;
        }
        sessions = (int)j;
        a = 3;
    }
    if (argc - a < 3) {
        fprintf(stderr, "usage: %s [-j SESSIONS] STUDY_DIR N URL [URL...]\n", argv[0]);
        return 2;
    }
    char *end = NULL;
    long n = strtol(argv[a + 1], &end, 10);
    samen_diag *d = samen_diag_create(20);
    samen_study *s = NULL;
    if (samen_study_load(argv[a], &s, d) != SAMEN_OK) {
        samen_diag_print(d, stderr);
        return 1;
    }
    samen_diag_destroy(d);
    long max = (long)samen_study_nschools(s);
    if (*end != '\0' || n < 1 || n > max || samen_study_nwaves(s) < 2) {
        fprintf(stderr, "N must be 1..%ld (one response per school and wave; two waves)\n", max);
        return 2;
    }
    int nurls = argc - a - 2;
    const char *const *urls = (const char *const *)argv + a + 2;
    double rates[MAX_URLS][2] = {{0}};
    if (nurls > MAX_URLS)
        nurls = MAX_URLS;
    printf("durable submissions, %d answers each, one transaction each\n", NANSWERS);
    printf("%-11s %8s %8s %9s %12s %9s %9s\n", "backend", "sessions", "n", "seconds",
           "per second", "p50 ms", "p99 ms");
    int rc = 0;
    for (int i = 0; i < nurls && rc == 0; i++) {
        /* one session into the first wave, then the concurrent ones into
         * the second, so that no school answers twice */
        rc = prepare_store(s, urls[i]);
        if (rc == 0)
            rc = run_sessions(s, urls[i], samen_study_wave(s, 0)->year, n, 1, &rates[i][0]);
        if (rc == 0 && sessions > 1)
            rc = run_sessions(s, urls[i], samen_study_wave(s, 1)->year, n, sessions,
                              &rates[i][1]);
    }
    if (rc == 0) {
        char first[32];
        scheme_of(urls[0], first, sizeof first);
        for (int i = 1; i < nurls; i++) {
            char other[32];
            scheme_of(urls[i], other, sizeof other);
            printf("ratio %s/%s, 1 session: %.2f\n", other, first, rates[i][0] / rates[0][0]);
            if (sessions > 1)
                printf("ratio %s/%s, %d sessions: %.2f\n", other, first, sessions,
                       rates[i][1] / rates[0][1]);
        }
    }
    samen_study_destroy(s);
    return rc;
}
