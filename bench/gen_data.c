/* gen_data.c - the benchmark dataset: N cases x 100 variables as a plain
 * data CSV (MISSION.md "Analysis at scale"), deterministic from a seed.
 *
 *   bench-gen-data N SEED > data.csv
 *
 * Columns: situation (1..6), samenwerking (1..3), sector (1..2), then five
 * scales of five correlated 1..5 items (s1_1 .. s5_5: a latent score per
 * case plus noise), then 72 further items q1 .. q72 (1..5). About 3% of the
 * item cells are empty (system-missing) and 2% hold 9 (non-substantive).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state;

static uint64_t next(void)
{
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static double uniform(void)
{
    return (double)(next() >> 11) / 9007199254740992.0;
}

static int item(double latent)
{
    double u = uniform();
    if (u < 0.03)
        return -1;
    if (u < 0.05)
        return 9;
    double x = 3 + latent + (uniform() - 0.5) * 2.2;
    int v = (int)lround(x);
    return v < 1 ? 1 : v > 5 ? 5 : v;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s N SEED\n", argv[0]);
        return 2;
    }
    long n = strtol(argv[1], NULL, 10);
    state = strtoull(argv[2], NULL, 10);
    static char line[1024];
    fputs("situation,samenwerking,sector", stdout);
    for (int s = 1; s <= 5; s++)
        for (int i = 1; i <= 5; i++)
            printf(",s%d_%d", s, i);
    for (int q = 1; q <= 72; q++)
        printf(",q%d", q);
    fputc('\n', stdout);
    for (long c = 0; c < n; c++) {
        int situation = 1 + (int)(next() % 6);
        int sw = 1 + (int)(next() % 3);
        int sector = 1 + (situation >= 4);
        int len = snprintf(line, sizeof line, "%d,%d,%d", situation, sw, sector);
        for (int s = 0; s < 5; s++) {
            double latent = (uniform() - 0.5) * 3;
            for (int i = 0; i < 5; i++) {
                int v = item(latent);
                len += v < 0 ? snprintf(line + len, sizeof line - (size_t)len, ",")
                             : snprintf(line + len, sizeof line - (size_t)len, ",%d", v);
            }
        }
        for (int q = 0; q < 72; q++) {
            int v = item((uniform() - 0.5) * 2);
            len += v < 0 ? snprintf(line + len, sizeof line - (size_t)len, ",")
                         : snprintf(line + len, sizeof line - (size_t)len, ",%d", v);
        }
        line[len++] = '\n';
        fwrite(line, 1, (size_t)len, stdout);
    }
    return 0;
}
