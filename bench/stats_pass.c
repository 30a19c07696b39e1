/* stats_pass.c - one full analysis pass of MISSION.md's "Analysis at scale"
 * on a data CSV made by bench-gen-data, timed in three parts:
 *   load  - reading the CSV into the columnar dataset;
 *   scan  - a plain pass over the same in-memory bytes (summing every int16
 *           code of every column): the floor any analysis pays;
 *   pass  - frequencies of every variable, the 6x3 crosstab situation x
 *           samenwerking, the five alphas, and the means of q1 by situation.
 * Prints one JSON object with the seconds of each (best of --repeat runs).
 *
 *   bench-stats-pass DATA.csv [REPEAT]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "samen/interchange.h"
#include "samen/stats_crosstab.h"
#include "samen/stats_descriptives.h"
#include "samen/stats_freq.h"
#include "samen/stats_reliability.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static volatile long long scan_sink;

static double scan(const samen_dataset *ds)
{
    double t0 = now();
    long long sum = 0;
    for (size_t v = 0; v < samen_dataset_nvars(ds); v++) {
        const int16_t *c = samen_dataset_codes(ds, v);
        if (c == NULL)
            continue;
        for (size_t i = 0; i < samen_dataset_ncases(ds); i++)
            sum += c[i];
    }
    scan_sink = sum;
    return now() - t0;
}

static int must(samen_status st, const char *what)
{
    if (st != SAMEN_OK) {
        fprintf(stderr, "bench-stats-pass: %s failed: %s\n", what, samen_status_message(st));
        exit(1);
    }
    return 0;
}

static double pass(const samen_dataset *ds, double *alphas)
{
    size_t nv = samen_dataset_nvars(ds);
    size_t *vars = malloc(nv * sizeof *vars);
    samen_freq **freqs = calloc(nv, sizeof *freqs);
    if (vars == NULL || freqs == NULL)
        exit(1);
    for (size_t v = 0; v < nv; v++)
        vars[v] = v;
    long situation = samen_dataset_find_var(ds, "situation");
    long sw = samen_dataset_find_var(ds, "samenwerking");
    long q1 = samen_dataset_find_var(ds, "q1");
    double t0 = now();
    must(samen_freq_compute_many(ds, vars, nv, freqs), "frequencies");
    samen_crosstab *ct = NULL;
    must(samen_crosstab_compute(ds, (size_t)situation, (size_t)sw, &ct), "crosstab");
    for (int s = 0; s < 5; s++) {
        size_t items[5];
        for (int i = 0; i < 5; i++) {
            char name[16];
            snprintf(name, sizeof name, "s%d_%d", s + 1, i + 1);
            items[i] = (size_t)samen_dataset_find_var(ds, name);
        }
        samen_reliability_spec spec = {items, 5, NULL, 1, 5, 0};
        samen_reliability *r = NULL;
        must(samen_reliability_compute(ds, &spec, &r), "reliability");
        alphas[s] = samen_reliability_get_scale(r)->alpha;
        samen_reliability_destroy(r);
    }
    samen_descriptives *m = NULL;
    must(samen_descriptives_compute(ds, (size_t)q1, situation, &m), "means");
    double t = now() - t0;
    samen_descriptives_destroy(m);
    samen_crosstab_destroy(ct);
    for (size_t v = 0; v < nv; v++)
        samen_freq_destroy(freqs[v]);
    free(freqs);
    free(vars);
    return t;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s DATA.csv [REPEAT]\n", argv[0]);
        return 2;
    }
    int repeat = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 3;
    double missing[] = {9};
    samen_diag *d = samen_diag_create(10);
    samen_dataset *ds = NULL;
    double t0 = now();
    if (samen_dataset_read_csv(argv[1], argv[1], missing, 1, &ds, d) != SAMEN_OK) {
        samen_diag_print(d, stderr);
        return 1;
    }
    double load = now() - t0;
    double best_scan = 1e9, best_pass = 1e9, alphas[5] = {0};
    for (int r = 0; r < repeat; r++) {
        double s = scan(ds), p = pass(ds, alphas);
        if (s < best_scan)
            best_scan = s;
        if (p < best_pass)
            best_pass = p;
    }
    printf("{\"cases\":%zu,\"variables\":%zu,\"load_s\":%.4f,\"scan_s\":%.4f,\"pass_s\":%.4f,"
           "\"alphas\":[%.4f,%.4f,%.4f,%.4f,%.4f]}\n",
           samen_dataset_ncases(ds), samen_dataset_nvars(ds), load, best_scan, best_pass,
           alphas[0], alphas[1], alphas[2], alphas[3], alphas[4]);
    samen_dataset_destroy(ds);
    samen_diag_destroy(d);
    return 0;
}
