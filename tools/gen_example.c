/* gen_example.c - writes synthetic response files for the example study
 * (examples/image), deterministically from a seed.
 *
 *   samen-gen-example STUDY_DIR WAVE SEED > responses.csv
 *
 * This is the foundation's stand-in for the reproduction dataset: it
 * reproduces the number of responses per region (Tabel B1, 2022 and 2023)
 * and, for 2023, the degree of collaboration per situation (Tabel 3);
 * the 44 reactions without consent of section 1.4 (283 - 239) are added as
 * refusals. Every other answer is drawn at random, but only for questions
 * the school is routed to: routing is decided by libsamen itself
 * (samen_instrument_asked), so the file always imports. The data are
 * SYNTHETIC and the schools fictitious.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samen/instrument.h"
#include "samen/study.h"

static uint64_t rng_state;

/* splitmix64 (Steele, Lea & Flood 2014): small, fast, fully reproducible. */
static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int rng_int(int n)
{
    return (int)(rng_next() % (uint64_t)n);
}

/* Tabel B1: responses per region, 2022 and 2023. */
static const struct {
    const char *region;
    int n2022, n2023;
} b1[] = {
    {"A", 8, 8},     {"B", 7, 7},     {"C", 2, 11},    {"D", 1, 1},    {"E", 6, 8},
    {"F", 2, 2},     {"G-PO", 2, 12}, {"H-PO", 0, 25}, {"I-PO", 3, 39}, {"G-VO", 5, 3},
    {"H-VO", 1, 7},  {"I-VO", 2, 6},  {"K", 4, 42},    {"L", 8, 8},    {"M", 4, 10},
    {"J", 3, 13},    {"P", 0, 6},     {"Q", 0, 19},    {"R", 0, 4},    {"N", 6, 4},
    {"O", 0, 4},
};

/* Tabel 3 (2023): collaborating / plans / neither, per situation. */
static const int tabel3[SAMEN_SITUATION_COUNT][3] = {
    [SAMEN_SITUATION_PO_KINDEROPVANG] = {4, 12, 44},
    [SAMEN_SITUATION_PO_VO] = {22, 8, 62},
    [SAMEN_SITUATION_BINNEN_PO] = {11, 6, 9},
    [SAMEN_SITUATION_BINNEN_VO] = {7, 3, 1},
    [SAMEN_SITUATION_VSO_VO] = {3, 2, 3},
    [SAMEN_SITUATION_ONDERWIJS_JEUGDHULP] = {12, 6, 24},
};

#define REFUSALS_2023 44
#define REFUSALS_2022 10

static void draw(const samen_instrument *inst, size_t v, double *value)
{
    const samen_var_info *vi = samen_instrument_var(inst, v);
    switch (vi->type) {
    case SAMEN_Q_MULTI:
        *value = rng_int(100) < 40;
        break;
    case SAMEN_Q_TEXT:
    case SAMEN_Q_NUMBER:
        *value = NAN; /* left empty */
        break;
    default:
        if (vi->has_range) {
            *value = vi->min + rng_int((int)(vi->max - vi->min) + 1);
            /* now and then a non-substantive answer */
            for (size_t i = 0; i < vi->noptions; i++)
                if (vi->options[i].nonsubstantive && rng_int(100) < 8)
                    *value = vi->options[i].code;
        } else if (vi->noptions > 0) {
            *value = vi->options[rng_int((int)vi->noptions)].code;
        } else {
            *value = NAN;
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s STUDY_DIR WAVE SEED\n", argv[0]);
        return 2;
    }
    int wave = (int)strtol(argv[2], NULL, 10);
    rng_state = strtoull(argv[3], NULL, 10);
    samen_diag *d = samen_diag_create(50);
    samen_study *s = NULL;
    if (samen_study_load(argv[1], &s, d) != SAMEN_OK) {
        samen_diag_print(d, stderr);
        return 2;
    }
    const samen_wave_info *w = samen_study_find_wave(s, wave);
    if (w == NULL) {
        fprintf(stderr, "no wave %d\n", wave);
        return 2;
    }
    const samen_instrument *inst = w->instrument;
    size_t nv = samen_instrument_nvars(inst);
    long coop = samen_instrument_find_var(inst, "samenwerking");
    double *values = malloc(nv * sizeof *values);
    unsigned char *used = calloc(samen_study_nschools(s), 1);
    if (values == NULL || used == NULL)
        return 1;
    int left[SAMEN_SITUATION_COUNT][3];
    memcpy(left, tabel3, sizeof left);

    printf("brin");
    for (size_t v = 0; v < nv; v++)
        printf(",%s", samen_instrument_var(inst, v)->name);
    printf("\n");
    int refusals = wave == 2023 ? REFUSALS_2023 : REFUSALS_2022;
    for (size_t r = 0; r < sizeof b1 / sizeof b1[0]; r++) {
        long region = samen_study_find_region(s, b1[r].region);
        if (region < 0)
            continue;
        const samen_region_info *ri = samen_study_region(s, (size_t)region);
        int want = wave == 2023 ? b1[r].n2023 : b1[r].n2022;
        /* respondents, then a share of the refusals, from this region's schools */
        int refuse_here = refusals > 0 && want > 0 ? 1 + rng_int(3) : 0;
        if (refuse_here > refusals)
            refuse_here = refusals;
        refusals -= refuse_here;
        size_t ns = samen_study_nschools(s);
        /* Walk round the schools until the region's quota is met. */
        for (size_t step = 0; (want > 0 || refuse_here > 0) && step < 100 * ns; step++) {
            size_t i = step % ns;
            const samen_school_info *sc = samen_study_school(s, i);
            if (sc->region != (size_t)region || used[i] || rng_int(3) != 0)
                continue;
            used[i] = 1;
            for (size_t v = 0; v < nv; v++)
                values[v] = NAN;
            samen_answers a = {{ri->situation, sc->sector, ri->governance}, values};
            bool refused = want == 0;
            for (size_t q = 0; q < samen_instrument_nquestions(inst); q++) {
                if (!samen_instrument_asked(inst, q, &a))
                    continue;
                const samen_question_info *qi = samen_instrument_question(inst, q);
                for (size_t v = qi->first_var; v < qi->first_var + qi->nvars; v++) {
                    if (qi->type == SAMEN_Q_CONSENT) {
                        values[v] = refused ? 0 : 1;
                    } else if ((long)v == coop) {
                        int sit = ri->situation, k = 0;
                        if (wave == 2023) {
                            while (k < 2 && left[sit][k] == 0)
                                k++;
                            left[sit][k]--;
                        } else {
                            k = rng_int(100) < 55 ? 0 : 1 + rng_int(2);
                        }
                        values[v] = k + 1;
                    } else {
                        draw(inst, v, &values[v]);
                    }
                }
            }
            if (refused)
                refuse_here--;
            else
                want--;
            printf("%s", sc->brin);
            for (size_t v = 0; v < nv; v++) {
                if (isnan(values[v]))
                    printf(",");
                else
                    printf(",%g", values[v]);
            }
            printf("\n");
        }
    }
    free(values);
    free(used);
    samen_study_destroy(s);
    samen_diag_destroy(d);
    return 0;
}
