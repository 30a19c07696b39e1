/* gen_image.c - the reproduction dataset of the example study (examples/image).
 *
 *   samen-gen-image STUDY_DIR WAVE [SEED] > responses-WAVE.csv
 *
 * Writes one SYNTHETIC response per school, for wave 2022 or 2023, such that
 * the tables of the seed report (Oberon 2023, IMAGE sub-study "Samenwerking
 * rondom (hoog)begaafdheid") come out of the file exactly: Tabel 3, 4, 5 and
 * 6, Bijlage 2 Tabel B1-B12, the percentages in the text around them, and the
 * five Cronbach's alphas of footnote 16. Where the report is inconsistent or
 * silent the choice made is documented in examples/image/README.md, and
 * tests/golden/image/tables.json lists every cell that
 * tests/cli/reproduction.sh checks.
 *
 * How:
 *  - Every count is constructed, not drawn: a table row becomes a multiset of
 *    answer codes (one per case of its base), which is shuffled over the cases
 *    the question is asked of. Each fill checks that the multiset is exactly
 *    as large as its base, so a table that does not add up stops the program.
 *  - Routing is libsamen's (samen_instrument_asked): questions are answered
 *    in instrument order, and a question's cases are those it is asked of,
 *    given the answers so far. The output therefore always imports.
 *  - The scale items of Figuur 16 get fixed (invented) marginal counts. They
 *    are first ranked along a latent score, then a deterministic local search
 *    swaps the answers of two cases on one item (which keeps every marginal)
 *    until the scale's alpha rounds to its target.
 *  - Randomness is splitmix64 from a fixed seed (the default) and integer
 *    arithmetic only (no libm), so the output is the same byte for byte on
 *    every platform. Any other seed reproduces the same tables from a
 *    different arrangement of the answers.
 *
 * The schools are fictitious and every answer is synthetic.
 */
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samen/instrument.h"
#include "samen/study.h"

#define DEFAULT_SEED 0x53414D454E494D47ull /* "SAMENIMG" */
#define MISSING (-1)                       /* a code that stands for "no answer" */
#define NSIT SAMEN_SITUATION_COUNT

enum { KO = SAMEN_SITUATION_PO_KINDEROPVANG, POVO = SAMEN_SITUATION_PO_VO,
       BPO = SAMEN_SITUATION_BINNEN_PO, BVO = SAMEN_SITUATION_BINNEN_VO,
       VSO = SAMEN_SITUATION_VSO_VO, JH = SAMEN_SITUATION_ONDERWIJS_JEUGDHULP };

/* ------------------------------------------------------------------------ */
/* Random numbers */

static uint64_t rng_state;

/* splitmix64 (Steele, Lea & Flood 2014). */
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

/* An integer with a roughly normal distribution: mean 0, sd about 1000
 * (Irwin-Hall sum of 12 uniforms), without floating point. */
static long rng_normal(void)
{
    long s = 0;
    for (int i = 0; i < 12; i++)
        s += rng_int(1000);
    return s - 6000;
}

static void shuffle(int *a, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = rng_int(i + 1), t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

/* Percent chance. */
static bool chance(int pct)
{
    return rng_int(100) < pct;
}

/* ------------------------------------------------------------------------ */
/* The published (and, where marked, invented) tables */

/* Tabel B1 and the reactions without consent; samenwerking per region (1 =
 * werkt samen, 2 = plannen, 3 = geen), which adds up to Tabel 3 per situation
 * (2023). The split over the regions of a situation, the 2022 split and the
 * refusals are invented. */
typedef struct region_plan {
    const char *code;
    int n[2];          /* respondents 2022, 2023 (Tabel B1) */
    int refused[2];    /* reactions without consent 2022, 2023 (invented) */
    int sw[2][3];      /* samenwerking 1/2/3 2022, 2023 */
} region_plan;

static const region_plan regions[] = {
    {"A", {8, 8}, {1, 2}, {{6, 1, 1}, {3, 2, 3}}},
    {"B", {7, 7}, {0, 1}, {{5, 1, 1}, {4, 1, 2}}},
    {"C", {2, 11}, {0, 2}, {{1, 1, 0}, {4, 3, 4}}},
    {"D", {1, 1}, {0, 0}, {{1, 0, 0}, {1, 0, 0}}},
    {"E", {6, 8}, {0, 2}, {{5, 0, 1}, {5, 2, 1}}},
    {"F", {2, 2}, {0, 1}, {{1, 1, 0}, {1, 1, 0}}},
    {"G-PO", {2, 12}, {0, 2}, {{0, 1, 1}, {1, 1, 10}}},
    {"H-PO", {0, 25}, {0, 4}, {{0, 0, 0}, {5, 2, 18}}},
    {"I-PO", {3, 39}, {0, 6}, {{2, 0, 1}, {10, 3, 26}}},
    {"G-VO", {5, 3}, {0, 1}, {{2, 1, 2}, {0, 1, 2}}},
    {"H-VO", {1, 7}, {0, 1}, {{1, 0, 0}, {3, 1, 3}}},
    {"I-VO", {2, 6}, {0, 1}, {{2, 0, 0}, {3, 0, 3}}},
    {"K", {4, 42}, {1, 6}, {{1, 1, 2}, {2, 8, 32}}},
    {"L", {8, 8}, {0, 2}, {{2, 2, 4}, {1, 2, 5}}},
    {"M", {4, 10}, {0, 2}, {{0, 1, 3}, {1, 2, 7}}},
    {"N", {6, 4}, {1, 1}, {{4, 1, 1}, {2, 1, 1}}},
    {"O", {0, 4}, {0, 1}, {{0, 0, 0}, {1, 1, 2}}},
    {"J", {3, 13}, {0, 3}, {{2, 0, 1}, {4, 2, 7}}},
    {"P", {0, 6}, {0, 1}, {{0, 0, 0}, {2, 1, 3}}},
    {"Q", {0, 19}, {0, 4}, {{0, 0, 0}, {5, 2, 12}}},
    {"R", {0, 4}, {0, 1}, {{0, 0, 0}, {1, 1, 2}}},
};
#define NREGIONS (sizeof regions / sizeof regions[0])

/* Answer code lists. */
static const int C_KENM[] = {1, 2, 3, 9};
static const int C_OPBR[] = {1, 2, 3, 4, 9};
static const int C_BELEID[] = {1, 2, 3, 9};
static const int C_STIM[] = {1, 2, 3, 4, 5, 9};
static const int C_TEVR7[] = {1, 2, 3, 4, 5, 6, 7};

static const char *const V_FUNCTIE[] = {"functie_sl", "functie_ib", "functie_hb",
                                        "functie_leraar", "functie_gw", "functie_tl"};
static const char *const V_KENM[] = {"kenm_leerlingen", "kenm_prioriteit", "kenm_subsidie",
                                     "kenm_signaleren", "kenm_ondersteunen", "kenm_extra_ond"};
static const char *const V_NODIG[] = {"nodig_contact", "nodig_info", "nodig_bijeenkomsten",
                                      "nodig_richtlijnen", "nodig_middelen"};
static const char *const V_DOEL[] = {"doel_maatwerk",     "doel_uitval",         "doel_potentieel",
                                     "doel_tijdig",       "doel_signalering",    "doel_preventie",
                                     "doel_overstap",     "doel_kennis_leraren", "doel_kennis_zorgteam"};
static const char *const V_OPBR[] = {"opbr_passend", "opbr_tijdig", "opbr_overgang", "opbr_kennis",
                                     "opbr_signalering"};
static const char *const V_BESTUUR[] = {"bestuur_doelen", "bestuur_werkwijze", "bestuur_kennis",
                                        "bestuur_scholing", "bestuur_uitwisseling"};
static const char *const V_SWV[] = {"swv_doelen", "swv_werkwijze", "swv_kennis", "swv_scholing",
                                    "swv_uitwisseling"};
static const char *const V_STIM[] = {"stim_bestuur", "stim_swv"};
static const char *const V_WIJZE[] = {"wijze_speerpunten", "wijze_overleg", "wijze_voortgang",
                                      "wijze_kennismaking"};
static const char *const V_WIJZE_SW[] = {"wijze_aanspreekpunt", "wijze_input", "wijze_handvatten"};
static const char *const V_TEVR_OND[] = {"tevr_ond_bestuur", "tevr_ond_swv"};
/* Tabel 5: the six substantive options, then "geen" and "weet niet". */
static const char *const V_BEL[] = {"opbr_bel_kennis",    "opbr_bel_kennisdeling",
                                    "opbr_bel_signalering", "opbr_bel_basisond",
                                    "opbr_bel_lichte_ond", "opbr_bel_extra_ond"};
static const char *const V_REDEN[] = {"reden_prioriteit", "reden_tijd",    "reden_middelen",
                                      "reden_onbekend",   "reden_partner", "reden_geen_lln",
                                      "reden_anders"};
static const char *const V_VORM[] = {"vorm_overdracht", "vorm_signalering", "vorm_leerlijn",
                                     "vorm_overleg",    "vorm_prof",        "vorm_aanbod",
                                     "vorm_verwijzen",  "vorm_begeleiding", "vorm_anders"};

/* The scales of Figuur 16 and the conditions of Figuur 17. */
typedef struct scale_plan {
    const char *id;
    int nitems;
    const char *items[5];
    int noise;          /* item noise for the first arrangement, per mille of the latent sd */
    int alpha[2];       /* target alpha x 1000 for 2022 and 2023; 0 = none */
} scale_plan;

static const scale_plan scales[] = {
    {"communicatie", 5, {"comm_1", "comm_2", "comm_3", "comm_4", "comm_5"}, 450, {862, 931}},
    {"gezamenlijke_visie", 4, {"visie_1", "visie_2", "visie_3", "visie_4"}, 500, {547, 901}},
    {"vertrouwen", 4, {"vertr_1", "vertr_2", "vertr_3", "vertr_4"}, 450, {874, 916}},
    {"gelijkwaardigheid", 3, {"gelijk_1", "gelijk_2", "gelijk_3"}, 1000, {412, 710}},
    {"organisatie_sturing", 4, {"org_1", "org_2", "org_3", "org_4"}, 550, {803, 889}},
    /* Figuur 17: not a scale; in 2022 the statements "could not form a
     * reliable scale", so their 2022 alpha is kept low (invented .480). */
    {"condities", 5, {"cond_middelen", "cond_extern", "cond_intern", "cond_gelegenheid",
                      "cond_tijd"}, 1500, {480, 0}},
};
#define NSCALES (sizeof scales / sizeof scales[0])

/* Everything that differs between the waves. Counts are in the order of the
 * code lists above; a MISSING count is the number of cases left empty. */
typedef struct wave_plan {
    int functie[6];                    /* B2 */
    int kenm[6][4];                    /* B3 */
    bool nodig_by_situation;           /* B6 per situation (2023) or overall (2022) */
    int nodig[NSIT][5];                /* B6: per situation; 2022 uses row 0 for all */
    int doel[9];                       /* B5 */
    int opbr[5][5];                    /* Tabel 4 */
    bool tevr_by_situation;            /* Tabel 6 (2023) */
    int tevr[NSIT][7];                 /* B12 per situation; 2022 uses row 0 for all */
    int likert[NSCALES][5][5];         /* Figuur 16/17 item marginals (invented) */
    int bel[6];                        /* Tabel 5 substantive ticks */
    int bel_geen, bel_weetniet;        /* Tabel 5: schools ticking only this */
    int bel_skip, bel_partial;         /* Tabel 5: skipped all / only answered basis..extra */
    int bestuur[5][4];                 /* B7 */
    int bestuur_skip[5];               /* B7: empty per item */
    int swv[5][4];                     /* B8 */
    int swv_skip, swv_extra[5];        /* B8: skipped all / extra empty per item */
    int stim[2][6];                    /* B9 */
    int wijze[4][6];                   /* B10 rows 1-4 */
    int wijze_sw[3][6];                /* B10 rows 5-7 */
    int tevr_ond[2][6];                /* B11 */
} wave_plan;

static const wave_plan plan2023 = {
    .functie = {56, 90, 103, 58, 5, 4},
    .kenm = {{5, 78, 155, 1}, {26, 107, 106, 0}, {104, 46, 59, 30},
             {14, 137, 86, 2}, {13, 142, 82, 2}, {10, 87, 142, 0}},
    .nodig_by_situation = true,
    .nodig = {[KO] = {3, 13, 7, 13, 19},
              [POVO] = {27, 42, 27, 24, 27},
              [VSO] = {0, 0, 1, 1, 2},
              [BPO] = {2, 3, 5, 4, 5},
              [BVO] = {0, 1, 0, 0, 1},   /* not printed in B6: invented */
              [JH] = {3, 18, 5, 2, 9}},
    .doel = {37, 30, 34, 34, 26, 26, 28, 22, 8},
    .opbr = {{3, 4, 26, 20, 6}, {9, 9, 19, 15, 7}, {6, 9, 18, 14, 12},
             {15, 8, 16, 11, 9}, {18, 9, 15, 6, 11}},
    .tevr_by_situation = true,
    .tevr = {[BPO] = {0, 0, 0, 1, 2, 6, 2},     /* 11, mean 64/11 = 5.82 */
             [BVO] = {0, 0, 1, 1, 3, 2, 0},     /* 7, 34/7 = 4.86 */
             [KO] = {0, 0, 0, 2, 1, 1, 0},      /* 4, 19/4 = 4.75 */
             [POVO] = {1, 1, 2, 9, 4, 4, 1},    /* 22, 96/22 = 4.36 */
             [JH] = {1, 2, 2, 3, 2, 1, 1},      /* 12, 46/12 = 3.83 */
             [VSO] = {0, 1, 1, 1, 0, 0, 0}},    /* 3, 9/3 = 3.00 */
    .likert = {
        {{6, 12, 18, 15, 8}, {5, 13, 17, 16, 8}, {7, 11, 19, 14, 8}, {4, 12, 20, 15, 8},
         {8, 12, 17, 14, 8}},
        {{5, 11, 17, 18, 8}, {6, 10, 19, 16, 8}, {4, 12, 19, 16, 8}, {5, 10, 18, 18, 8}},
        {{2, 6, 15, 22, 14}, {3, 6, 14, 22, 14}, {2, 7, 16, 21, 13}, {1, 5, 15, 23, 15}},
        {{1, 4, 13, 24, 17}, {1, 5, 12, 23, 18}, {2, 6, 15, 22, 14}},
        {{2, 8, 15, 21, 13}, {4, 8, 16, 19, 12}, {3, 6, 15, 22, 13}, {4, 9, 16, 18, 12}},
        {{3, 8, 14, 22, 12}, {2, 7, 16, 22, 12}, {1, 6, 14, 25, 13}, {2, 6, 15, 24, 12},
         {4, 10, 15, 20, 10}},
    },
    .bel = {71, 65, 42, 67, 30, 51},
    .bel_geen = 48,
    .bel_weetniet = 71,
    .bel_skip = 9,
    .bel_partial = 2,
    /* B7: rows as printed, except "Organiseert gezamenlijke scholing", whose
     * "weet niet" of 191 is replaced by 92 (row sum 225). Row 2 sums to 226:
     * one of the 14 schools that skipped the question answered this item only. */
    .bestuur = {{68, 16, 14, 127}, {70, 14, 15, 127}, {73, 12, 13, 127},
                {91, 29, 13, 92}, {90, 18, 14, 103}},
    .bestuur_skip = {14, 13, 14, 14, 14},
    .swv = {{30, 22, 27, 153}, {28, 19, 26, 159}, {33, 27, 26, 143},
            {36, 25, 25, 145}, {34, 11, 22, 163}},
    .swv_skip = 7,
    .swv_extra = {0, 0, 3, 1, 2},
    .stim = {{79, 27, 41, 18, 10, 64}, {50, 25, 45, 26, 11, 82}},
    .wijze = {{57, 45, 23, 30, 4, 80}, {52, 51, 30, 34, 4, 68},
              {49, 40, 27, 37, 3, 83}, {49, 40, 27, 37, 3, 83}},
    .wijze_sw = {{8, 7, 5, 11, 8, 20}, {14, 10, 10, 8, 4, 13}, {12, 9, 7, 15, 2, 14}},
    .tevr_ond = {{1, 12, 31, 18, 10, 24}, {1, 7, 31, 25, 9, 23}},
};

/* 2022: only B1, B12, the grouped Figuur 12 percentages and B10's "31%" are
 * published; everything else here is invented (see the README). */
static const wave_plan plan2022 = {
    .functie = {18, 22, 25, 10, 2, 3},
    .kenm = {{2, 20, 41, 1}, {6, 28, 30, 0}, {25, 14, 17, 8},
             {3, 36, 25, 0}, {4, 37, 23, 0}, {3, 24, 37, 0}},
    .nodig_by_situation = false,
    .nodig = {{4, 8, 5, 5, 9}},
    .doel = {22, 16, 20, 19, 17, 13, 14, 15, 6},
    .opbr = {{3, 5, 14, 9, 4}, {6, 6, 11, 7, 5}, {4, 6, 10, 7, 8},
             {8, 6, 10, 6, 5}, {10, 6, 9, 4, 6}},
    .tevr_by_situation = false,
    .tevr = {{1, 5, 10, 12, 5, 2, 0}},
    .likert = {
        {{4, 10, 11, 7, 3}, {4, 9, 12, 7, 3}, {5, 8, 12, 7, 3}, {4, 8, 13, 7, 3},
         {6, 9, 10, 7, 3}},
        {{4, 8, 11, 8, 4}, {5, 7, 11, 9, 3}, {4, 8, 12, 8, 3}, {4, 7, 12, 9, 3}},
        {{1, 6, 10, 12, 6}, {2, 6, 10, 11, 6}, {3, 5, 10, 11, 6}, {2, 5, 11, 11, 6}},
        {{1, 3, 10, 14, 7}, {2, 4, 8, 13, 8}, {3, 4, 10, 12, 6}},
        {{2, 7, 11, 10, 5}, {4, 6, 10, 10, 5}, {3, 7, 10, 10, 5}, {4, 7, 10, 9, 5}},
        /* no cond_gelegenheid in 2022 (footnote 17) */
        {{4, 7, 11, 9, 4}, {3, 7, 12, 9, 4}, {2, 6, 11, 12, 4}, {0, 0, 0, 0, 0},
         {5, 8, 10, 9, 3}},
    },
    .bel = {24, 22, 17, 20, 9, 15},
    .bel_geen = 10,
    .bel_weetniet = 14,
    .bestuur = {{22, 9, 7, 26}, {23, 8, 8, 25}, {24, 7, 6, 27}, {25, 10, 7, 22}, {24, 9, 8, 23}},
    .swv = {{12, 10, 14, 28}, {11, 9, 14, 30}, {13, 11, 12, 28}, {12, 11, 13, 28},
            {13, 8, 12, 31}},
    /* Figuur 12 (2022, N = 64): niet/nauwelijks 26 and 11, een beetje to veel
     * 27 and 38, weet niet 11 and 15; the split within the groups is invented. */
    .stim = {{18, 8, 15, 8, 4, 11}, {6, 5, 17, 14, 7, 15}},
    .wijze = {{10, 9, 8, 14, 4, 19}, {9, 10, 9, 15, 5, 16},
              {11, 9, 10, 12, 4, 18}, {12, 11, 9, 11, 3, 18}},
    /* row 5: 7 + 4 = 11 of 35 = 31% (section 4.3) */
    .wijze_sw = {{4, 6, 5, 7, 4, 9}, {6, 7, 7, 6, 3, 6}, {5, 6, 8, 9, 2, 5}},
    .tevr_ond = {{1, 5, 15, 9, 4, 12}, {0, 3, 14, 13, 5, 11}},
};

/* Free texts (fictitious, without commas or quotes). */
static const char *const T_REDEN[] = {
    "Wij hebben weinig leerlingen in de doelgroep en richten ons eerst op de eigen school",
    "De samenwerking loopt via het schoolbestuur en niet via de school",
    "Wij werken eerst aan de basisondersteuning binnen het team",
    "Er is dit jaar een nieuwe directie en het thema staat nog op de planning",
    "Wij weten niet bij wie wij moeten aankloppen",
};
static const char *const T_PARTNER[] = {
    "Fictieve kinderopvang De Boomhut (locatie Noord)",
    "Fictief kindcentrum Het Speelhuis",
    "Fictieve peuteropvang De Ukkies",
    "Fictieve jeugdhulpaanbieder Kompas (wijkteam)",
    "Fictief wijkteam Centrum en fictieve kinderopvang Zonnestraal",
};

/* ------------------------------------------------------------------------ */
/* Cases */

typedef struct kase {
    size_t school;
    int situation, sector, governance;
    bool refused;
    double *v;           /* per variable; NAN = empty */
    const char **text;   /* per variable; text answers */
} kase;

typedef struct gen {
    const samen_instrument *inst;
    int wave;
    const wave_plan *p;
    size_t nv;
    int n;               /* cases, refusals included */
    kase *c;
    int *buf, *buf2;     /* scratch lists of case indexes (n each) */
} gen;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* Stops the program: a table does not add up, or the study is not the one
 * the tables were made for. */
static void die(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "samen-gen-image: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    exit(2);
}

static size_t var(const gen *g, const char *name)
{
    long v = samen_instrument_find_var(g->inst, name);
    if (v < 0)
        die("the instrument has no variable %s", name);
    return (size_t)v;
}

static bool has_var(const gen *g, const char *name)
{
    return samen_instrument_find_var(g->inst, name) >= 0;
}

static bool asked(const gen *g, int i, size_t v)
{
    const kase *k = &g->c[i];
    samen_answers a = {{k->situation, k->sector, k->governance}, k->v};
    return samen_instrument_asked(g->inst, samen_instrument_var(g->inst, v)->question, &a);
}

/* The cases the question of variable name is asked of, optionally only of
 * one situation (sit >= 0), into out; returns how many. */
static int base(const gen *g, const char *name, int sit, int *out)
{
    size_t v = var(g, name);
    int m = 0;
    for (int i = 0; i < g->n; i++)
        if (asked(g, i, v) && (sit < 0 || g->c[i].situation == sit))
            out[m++] = i;
    return m;
}

/* Removes the cases in drop[0..ndrop) from list[0..*n). */
static void without(int *list, int *n, const int *drop, int ndrop)
{
    int m = 0;
    for (int i = 0; i < *n; i++) {
        bool out = false;
        for (int j = 0; j < ndrop && !out; j++)
            out = list[i] == drop[j];
        if (!out)
            list[m++] = list[i];
    }
    *n = m;
}

/* Gives the cases[0..n) of variable name the codes codes[k] counts[k] times
 * each, in random order. The counts must add up to n exactly. */
static void fill(gen *g, const char *name, const int *cases, int n, const int *codes,
                 const int *counts, int ncodes)
{
    size_t v = var(g, name);
    int *vals = malloc((size_t)(n ? n : 1) * sizeof *vals), m = 0;
    if (vals == NULL)
        exit(1);
    for (int k = 0; k < ncodes; k++)
        for (int j = 0; j < counts[k]; j++) {
            if (m == n)
                die("%s: the counts add up to more than the %d cases", name, n);
            vals[m++] = codes[k];
        }
    if (m != n)
        die("%s: the counts add up to %d, the base is %d cases", name, m, n);
    shuffle(vals, n);
    for (int i = 0; i < n; i++)
        g->c[cases[i]].v[v] = vals[i] == MISSING ? NAN : vals[i];
    free(vals);
}

/* A tick-all option ticked by exactly count of cases[0..n) (0 for the rest). */
static void fill_ticks(gen *g, const char *name, const int *cases, int n, int count)
{
    static const int c01[] = {1, 0};
    int counts[] = {count, n - count};
    if (count > n)
        die("%s: %d ticks among %d cases", name, count, n);
    fill(g, name, cases, n, c01, counts, 2);
}

/* Each of cases[0..n) answers the variable with a code drawn with the given
 * percentages (for the questions the report describes only in words). */
static void draw(gen *g, const char *name, const int *cases, int n, const int *codes,
                 const int *pct, int ncodes)
{
    size_t v = var(g, name);
    for (int i = 0; i < n; i++) {
        int r = rng_int(100), k = 0, acc = pct[0];
        while (r >= acc && k + 1 < ncodes)
            acc += pct[++k];
        g->c[cases[i]].v[v] = codes[k];
    }
}

/* Makes every one of cases[0..n) tick at least one of the options vars[]
 * by moving ticks (per option, so every option keeps its count) from cases
 * with two or more. Cases that have an option empty do not take it. */
static void at_least_one(gen *g, const char *const *vars, int nopt, const int *cases, int n)
{
    size_t v[16];
    for (int o = 0; o < nopt; o++)
        v[o] = var(g, vars[o]);
    for (int i = 0; i < n; i++) {
        kase *k = &g->c[cases[i]];
        int ticks = 0;
        for (int o = 0; o < nopt; o++)
            ticks += k->v[v[o]] == 1;
        if (ticks > 0)
            continue;
        bool done = false;
        int start = rng_int(n), ostart = rng_int(nopt);
        for (int t = 0; t < n && !done; t++) {
            kase *d = &g->c[cases[(start + t) % n]];
            int dt = 0;
            for (int o = 0; o < nopt; o++)
                dt += d->v[v[o]] == 1;
            if (dt < 2)
                continue;
            for (int oo = 0; oo < nopt && !done; oo++) {
                int o = (ostart + oo) % nopt;
                if (d->v[v[o]] == 1 && k->v[v[o]] == 0) {
                    d->v[v[o]] = 0;
                    k->v[v[o]] = 1;
                    done = true;
                }
            }
        }
        if (!done)
            die("%s: cannot give case %d a tick", vars[0], cases[i]);
    }
}

/* ------------------------------------------------------------------------ */
/* Figuur 16: items with fixed marginals and a target alpha */

static double alpha_of(int k, int n, double sumvar, long s1, long s2)
{
    double vt = ((double)s2 - (double)s1 * (double)s1 / n) / (n - 1);
    return (double)k / (k - 1) * (1.0 - sumvar / vt);
}

/* Arranges the marginals marg[j] of the scale's items over cases[0..n): by
 * rank along latent[] plus item noise, then swaps until alpha rounds to
 * target/1000 at three decimals (when target > 0). With fixed marginals
 * alpha moves in steps of about .001 (the sum of squared totals changes by
 * even numbers only), so the window is the whole rounding interval, less a
 * margin that keeps the rounding the same in any correct implementation. */
#define ALPHA_TOL 0.0003
static void arrange_scale(gen *g, const scale_plan *sp, const int (*marg)[5], const long *latent,
                          const int *cases, int n, int target)
{
    int k = 0;
    size_t v[5];
    const int *mg[5];
    for (int j = 0; j < sp->nitems; j++)
        if (has_var(g, sp->items[j])) {
            v[k] = var(g, sp->items[j]);
            mg[k] = marg[j];
            k++;
        }
    int *x = malloc((size_t)n * (size_t)k * sizeof *x);
    long *key = malloc((size_t)n * sizeof *key);
    int *order = malloc((size_t)n * sizeof *order);
    if (x == NULL || key == NULL || order == NULL)
        exit(1);
    for (int j = 0; j < k; j++) {
        int tot = 0;
        for (int c = 0; c < 5; c++)
            tot += mg[j][c];
        if (tot != n)
            die("%s: item marginals add up to %d, the base is %d cases", sp->id, tot, n);
        for (int i = 0; i < n; i++) {
            key[i] = latent[i] + rng_normal() * sp->noise / 1000;
            order[i] = i;
        }
        /* insertion sort by key, ties by case */
        for (int a = 1; a < n; a++) {
            int t = order[a], b = a;
            while (b > 0 && (key[order[b - 1]] > key[t] ||
                             (key[order[b - 1]] == key[t] && order[b - 1] > t))) {
                order[b] = order[b - 1];
                b--;
            }
            order[b] = t;
        }
        int r = 0;
        for (int c = 0; c < 5; c++)
            for (int m = 0; m < mg[j][c]; m++)
                x[order[r++] * k + j] = c + 1;
    }
    if (target > 0) {
        double sumvar = 0;
        for (int j = 0; j < k; j++) {
            long s = 0, ss = 0;
            for (int i = 0; i < n; i++) {
                s += x[i * k + j];
                ss += (long)x[i * k + j] * x[i * k + j];
            }
            sumvar += ((double)ss - (double)s * s / n) / (n - 1);
        }
        long *t = malloc((size_t)n * sizeof *t), s1 = 0, s2 = 0;
        if (t == NULL)
            exit(1);
        for (int i = 0; i < n; i++) {
            t[i] = 0;
            for (int j = 0; j < k; j++)
                t[i] += x[i * k + j];
            s1 += t[i];
            s2 += t[i] * t[i];
        }
        double goal = target / 1000.0;
        double cur = fabs(alpha_of(k, n, sumvar, s1, s2) - goal);
        long step;
        for (step = 0; cur > ALPHA_TOL && step < 2000000; step++) {
            int j = rng_int(k), a = rng_int(n), b = rng_int(n);
            int d = x[b * k + j] - x[a * k + j];
            if (d == 0)
                continue;
            long ns2 = s2 - t[a] * t[a] - t[b] * t[b] + (t[a] + d) * (t[a] + d) +
                       (t[b] - d) * (t[b] - d);
            double nw = fabs(alpha_of(k, n, sumvar, s1, ns2) - goal);
            if (nw < cur) {
                int tmp = x[a * k + j];
                x[a * k + j] = x[b * k + j];
                x[b * k + j] = tmp;
                t[a] += d;
                t[b] -= d;
                s2 = ns2;
                cur = nw;
            }
        }
        if (cur > ALPHA_TOL)
            die("%s: alpha not reached (target .%03d, got %.6f)", sp->id, target,
                alpha_of(k, n, sumvar, s1, s2));
        free(t);
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < k; j++)
            g->c[cases[i]].v[v[j]] = x[i * k + j];
    free(x);
    free(key);
    free(order);
}

/* ------------------------------------------------------------------------ */
/* The questionnaire, in instrument order */

static void answer(gen *g)
{
    const wave_plan *p = g->p;
    int *b = g->buf, *b2 = g->buf2, n;
    int wi = g->wave == 2023;

    /* B2: function (tick-all, at least one). */
    n = base(g, "functie_sl", -1, b);
    for (int o = 0; o < 6; o++)
        fill_ticks(g, V_FUNCTIE[o], b, n, p->functie[o]);
    at_least_one(g, V_FUNCTIE, 6, b, n);

    /* B3: school characteristics. */
    n = base(g, "kenm_leerlingen", -1, b);
    for (int r = 0; r < 6; r++)
        fill(g, V_KENM[r], b, n, C_KENM, p->kenm[r], 4);

    /* samenwerking was set per region when the cases were chosen. */

    /* Chapter 2 (text only): reasons, other topics. Invented shares. */
    n = base(g, "reden_prioriteit", -1, b);
    {
        static const int pct[] = {45, 40, 25, 20, 4, 10, 8};
        for (int o = 0; o < 7; o++)
            for (int i = 0; i < n; i++)
                g->c[b[i]].v[var(g, V_REDEN[o])] = chance(pct[o]);
        at_least_one(g, V_REDEN, 7, b, n);
    }
    n = base(g, "reden_anders_tekst", -1, b);
    for (int i = 0; i < n; i++) {
        g->c[b[i]].v[var(g, "reden_anders_tekst")] = 0;
        g->c[b[i]].text[var(g, "reden_anders_tekst")] = T_REDEN[rng_int(5)];
    }
    n = base(g, "andere_themas", -1, b);
    for (int i = 0; i < n; i++) {
        int sit = g->c[b[i]].situation;
        int pct = sit == KO ? 80 : sit == JH ? 65 : 45;
        g->c[b[i]].v[var(g, "andere_themas")] = chance(pct) ? 1 : 2;
    }

    /* B6: what is needed (samenwerking == 3), per situation in 2023. */
    for (int sit = 0; sit < (p->nodig_by_situation ? NSIT : 1); sit++) {
        n = base(g, "nodig_contact", p->nodig_by_situation ? sit : -1, b);
        for (int o = 0; o < 5; o++)
            fill_ticks(g, V_NODIG[o], b, n, p->nodig[sit][o]);
    }

    /* Chapter 2 (text only): contact, position, forms, people involved. */
    n = base(g, "contact_freq", -1, b);
    {
        static const int c3[] = {1, 2, 3}, p3[] = {45, 40, 15};
        static const int c4[] = {1, 2, 3, 4}, p4[] = {20, 45, 25, 10};
        draw(g, "contact_freq", b, n, c3, p3, 3);
        draw(g, "positie_hb", b, n, c4, p4, 4);
    }
    /* B5: aims (tick-all; every collaborating school names at least one). */
    for (int o = 0; o < 9; o++)
        fill_ticks(g, V_DOEL[o], b, n, p->doel[o]);
    at_least_one(g, V_DOEL, 9, b, n);
    {
        static const int pct[] = {55, 45, 40, 50, 35, 40, 30, 25, 5};
        for (int o = 0; o < 9; o++)
            for (int i = 0; i < n; i++) {
                int sit = g->c[b[i]].situation, q = pct[o];
                if (o == 0 && (sit == KO || sit == POVO))
                    q = 85; /* warme overdracht */
                if (o == 7 && sit == JH)
                    q = 70; /* begeleiding door de jeugdhulp */
                g->c[b[i]].v[var(g, V_VORM[o])] = chance(q);
            }
        at_least_one(g, V_VORM, 9, b, n);
    }
    {
        static const int cb[] = {1, 2, 3, 4, 9};
        static const char *const school[] = {"betr_sl", "betr_ib", "betr_hb", "betr_leraar",
                                             "betr_gw", "betr_lln"};
        static const int ps[6][5] = {{15, 35, 30, 15, 5}, {35, 45, 15, 5, 0},
                                     {35, 40, 15, 5, 5},  {5, 30, 40, 20, 5},
                                     {5, 15, 25, 45, 10}, {0, 20, 35, 40, 5}};
        for (int r = 0; r < 6; r++)
            draw(g, school[r], b, n, cb, ps[r], 5);
        int m = base(g, "betr_ko_locatieleider", -1, b2);
        static const int pko[3][5] = {{50, 50, 0, 0, 0}, {0, 100, 0, 0, 0}, {0, 40, 30, 30, 0}};
        static const char *const ko[] = {"betr_ko_locatieleider", "betr_ko_pm", "betr_ko_coach"};
        for (int r = 0; r < 3; r++)
            draw(g, ko[r], b2, m, cb, pko[r], 5);
        m = base(g, "betr_jh_wijkteam", -1, b2);
        static const int pjh[3][5] = {{20, 45, 25, 10, 0}, {10, 30, 35, 20, 5},
                                      {10, 25, 30, 25, 10}};
        static const char *const jh[] = {"betr_jh_wijkteam", "betr_jh_specialist", "betr_jh_oza"};
        for (int r = 0; r < 3; r++)
            draw(g, jh[r], b2, m, cb, pjh[r], 5);
        m = base(g, "betr_ps_sl", -1, b2);
        static const int pps[4][5] = {{10, 30, 35, 20, 5}, {30, 45, 20, 5, 0},
                                      {30, 45, 15, 5, 5},  {5, 25, 40, 25, 5}};
        static const char *const ps2[] = {"betr_ps_sl", "betr_ps_ib", "betr_ps_hb",
                                          "betr_ps_leraar"};
        for (int r = 0; r < 4; r++)
            draw(g, ps2[r], b2, m, cb, pps[r], 5);
    }
    if (has_var(g, "partner_organisaties")) {
        int m = base(g, "partner_organisaties", -1, b2);
        for (int i = 0; i < m; i++) {
            kase *k = &g->c[b2[i]];
            int t = k->situation == KO ? rng_int(3) : 3 + rng_int(2);
            k->v[var(g, "partner_organisaties")] = 0;
            k->text[var(g, "partner_organisaties")] = T_PARTNER[t];
        }
    }

    /* Tabel 4: results at school level. */
    n = base(g, "opbr_passend", -1, b);
    for (int r = 0; r < 5; r++)
        fill(g, V_OPBR[r], b, n, C_OPBR, p->opbr[r], 5);

    /* B12, Figuur 15, Tabel 6: satisfaction, per situation in 2023. */
    for (int sit = 0; sit < (p->tevr_by_situation ? NSIT : 1); sit++) {
        int m = base(g, "tevr_sw", p->tevr_by_situation ? sit : -1, b2);
        fill(g, "tevr_sw", b2, m, C_TEVR7, p->tevr[sit], 7);
    }

    /* Figuur 16 and 17. A school's latent score follows its satisfaction
     * (tevr_sw) plus noise, so more satisfied schools tend to score higher;
     * each scale adds noise of its own. */
    n = base(g, "comm_1", -1, b);
    {
        long *lat = malloc((size_t)(n ? n : 1) * sizeof *lat);
        if (lat == NULL)
            exit(1);
        size_t tv = var(g, "tevr_sw");
        for (int i = 0; i < n; i++)
            lat[i] = ((long)g->c[b[i]].v[tv] - 4) * 500 + rng_normal() * 8 / 10;
        for (size_t s = 0; s < NSCALES; s++) {
            long *sl = malloc((size_t)(n ? n : 1) * sizeof *sl);
            if (sl == NULL)
                exit(1);
            for (int i = 0; i < n; i++)
                sl[i] = lat[i] * 7 / 10 + rng_normal() * 7 / 10;
            arrange_scale(g, &scales[s], (const int(*)[5])p->likert[s], sl, b, n,
                          scales[s].alpha[wi]);
            free(sl);
        }
        free(lat);
    }

    /* Tabel 5: results at policy level (tick-all, asked of all). Who skips
     * the policy questions: 2023 B7 (14 schools, one of whom answered B7
     * item 2 only), of whom 9 skipped Tabel 5 and 7 B8. Those 14 are taken
     * from outside onderwijs-jeugdhulp, whose schools did not get the
     * (vroeg)signalering option of Tabel 5 (188 = 239 - 42 - 9). */
    n = base(g, "opbr_bel_kennis", -1, b);
    int skip[64] = {0};
    if (g->wave == 2023) {
        int m = 0;
        for (int i = 0; i < n; i++)
            if (g->c[b[i]].situation != JH)
                b2[m++] = b[i];
        shuffle(b2, m);
        if (m < p->bestuur_skip[0] || p->bestuur_skip[0] > 64)
            die("bestuur: too few schools to skip (%d of %d)", p->bestuur_skip[0], m);
        memcpy(skip, b2, (size_t)p->bestuur_skip[0] * sizeof *skip);
    }
    {
        size_t geen = var(g, "opbr_bel_geen"), wn = var(g, "opbr_bel_weetniet");
        size_t vb[6];
        for (int o = 0; o < 6; o++)
            vb[o] = var(g, V_BEL[o]);
        /* skippers: everything empty; partial: only basis/licht/extra (and
         * signalering) */
        int *full = malloc((size_t)(n ? n : 1) * sizeof *full), nfull = n, partial[8];
        if (full == NULL || p->bel_partial > 8)
            exit(1);
        memcpy(full, b, (size_t)n * sizeof *full);
        without(full, &nfull, skip, p->bel_skip);
        shuffle(full, nfull);
        for (int i = 0; i < p->bel_partial; i++)
            partial[i] = full[--nfull];
        /* geen only, weet niet only, then the substantive answers */
        int *sub = b2, nsub = 0;
        for (int i = 0; i < nfull; i++) {
            kase *k = &g->c[full[i]];
            for (int o = 0; o < 6; o++)
                k->v[vb[o]] = 0;
            k->v[geen] = i < p->bel_geen;
            k->v[wn] = i >= p->bel_geen && i < p->bel_geen + p->bel_weetniet;
            if (i >= p->bel_geen + p->bel_weetniet)
                sub[nsub++] = full[i];
        }
        int nsub_full = nsub;
        for (int i = 0; i < p->bel_partial; i++) {
            sub[nsub++] = partial[i];
            for (int o = 2; o < 6; o++)
                g->c[partial[i]].v[vb[o]] = 0;
        }
        /* onderwijs-jeugdhulp: (vroeg)signalering was not shown */
        for (int i = 0; i < g->n; i++)
            if (g->c[i].situation == JH)
                g->c[i].v[vb[2]] = NAN;
        int *tmp = malloc((size_t)(nsub ? nsub : 1) * sizeof *tmp), m;
        if (tmp == NULL)
            exit(1);
        for (int o = 0; o < 6; o++) {
            m = 0;
            for (int i = 0; i < (o < 2 ? nsub_full : nsub); i++)
                if (!isnan(g->c[sub[i]].v[vb[o]]))
                    tmp[m++] = sub[i];
            fill_ticks(g, V_BEL[o], tmp, m, p->bel[o]);
        }
        at_least_one(g, V_BEL, 6, sub, nsub);
        free(tmp);
        free(full);
    }

    /* B7 / Figuur 11: the school board. */
    for (int r = 0; r < 5; r++) {
        int m = base(g, V_BESTUUR[r], -1, b2);
        without(b2, &m, skip, p->bestuur_skip[r]);
        fill(g, V_BESTUUR[r], b2, m, C_BELEID, p->bestuur[r], 4);
    }
    /* B8 / Figuur 11: the partnership, with item non-response: skipped by 7
     * of the schools that skipped B7, and a few items left empty by others. */
    {
        int m = base(g, "swv_doelen", -1, b);
        without(b, &m, skip, p->swv_skip);
        int *items = b2, *extra = b2 + m;
        for (int r = 0; r < 5; r++) {
            memcpy(extra, b, (size_t)m * sizeof *extra);
            shuffle(extra, m);
            memcpy(items, b, (size_t)m * sizeof *items);
            int mm = m;
            without(items, &mm, extra, p->swv_extra[r]);
            fill(g, V_SWV[r], items, mm, C_BELEID, p->swv[r], 4);
        }
    }
    /* B9 / Figuur 12. */
    n = base(g, "stim_bestuur", -1, b);
    for (int r = 0; r < 2; r++)
        fill(g, V_STIM[r], b, n, C_STIM, p->stim[r], 6);
    /* B10 / Figuur 13. */
    n = base(g, "wijze_speerpunten", -1, b);
    for (int r = 0; r < 4; r++)
        fill(g, V_WIJZE[r], b, n, C_STIM, p->wijze[r], 6);
    n = base(g, "wijze_aanspreekpunt", -1, b);
    for (int r = 0; r < 3; r++)
        fill(g, V_WIJZE_SW[r], b, n, C_STIM, p->wijze_sw[r], 6);
    /* B11 / Figuur 14. */
    n = base(g, "tevr_ond_bestuur", -1, b);
    for (int r = 0; r < 2; r++)
        fill(g, V_TEVR_OND[r], b, n, C_STIM, p->tevr_ond[r], 6);
}

/* ------------------------------------------------------------------------ */

static int by_school(const void *a, const void *b)
{
    const kase *x = a, *y = b;
    return x->school < y->school ? -1 : x->school > y->school;
}

static void put_text(const char *t)
{
    /* the texts hold no delimiter, quote or newline, but be safe */
    if (strpbrk(t, ",;\"\n\t") != NULL)
        die("text with a delimiter: %s", t);
    fputs(t, stdout);
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: %s STUDY_DIR WAVE [SEED] > responses-WAVE.csv\n", argv[0]);
        return 2;
    }
    int wave = (int)strtol(argv[2], NULL, 10);
    if (wave != 2022 && wave != 2023) {
        fprintf(stderr, "samen-gen-image: WAVE is 2022 or 2023\n");
        return 2;
    }
    rng_state = argc == 4 ? strtoull(argv[3], NULL, 10) : DEFAULT_SEED ^ (uint64_t)wave;
    samen_diag *d = samen_diag_create(50);
    samen_study *s = NULL;
    if (d == NULL)
        return 1;
    if (samen_study_load(argv[1], &s, d) != SAMEN_OK) {
        samen_diag_print(d, stderr);
        return 2;
    }
    const samen_wave_info *w = samen_study_find_wave(s, wave);
    if (w == NULL) {
        fprintf(stderr, "samen-gen-image: the study has no wave %d\n", wave);
        return 2;
    }
    gen g = {.inst = w->instrument, .wave = wave, .p = wave == 2023 ? &plan2023 : &plan2022};
    int wi = wave == 2023;
    g.nv = samen_instrument_nvars(g.inst);
    size_t ns = samen_study_nschools(s);
    g.c = calloc(ns, sizeof *g.c);
    g.buf = malloc(ns * 2 * sizeof *g.buf);
    g.buf2 = malloc(ns * 2 * sizeof *g.buf2);
    int *pool = malloc(ns * sizeof *pool);
    if (g.c == NULL || g.buf == NULL || g.buf2 == NULL || pool == NULL)
        return 1;
    size_t consent = samen_instrument_question(g.inst, 0)->first_var;
    if (samen_instrument_question(g.inst, 0)->type != SAMEN_Q_CONSENT)
        die("%s: the first question is not the consent", argv[1]);
    size_t coop = var(&g, "samenwerking");

    /* The cases: per region its B1 respondents and its refusals, drawn from
     * the region's schools of the region's own sector. */
    for (size_t r = 0; r < NREGIONS; r++) {
        const region_plan *rp = &regions[r];
        long ri = samen_study_find_region(s, rp->code);
        if (ri < 0)
            die("the study has no region %s", rp->code);
        const samen_region_info *reg = samen_study_region(s, (size_t)ri);
        int np = 0;
        for (size_t i = 0; i < ns; i++) {
            const samen_school_info *sc = samen_study_school(s, i);
            if (sc->region == (size_t)ri && sc->sector == reg->sector)
                pool[np++] = (int)i;
        }
        int want = rp->n[wi], refuse = rp->refused[wi];
        if (want + refuse > np)
            die("region %s has only %d schools of its sector (%d wanted)", rp->code, np,
                want + refuse);
        if (rp->sw[wi][0] + rp->sw[wi][1] + rp->sw[wi][2] != want)
            die("region %s: samenwerking adds up to %d, B1 says %d", rp->code,
                rp->sw[wi][0] + rp->sw[wi][1] + rp->sw[wi][2], want);
        shuffle(pool, np);
        int sw[64], m = 0;
        for (int k = 0; k < 3; k++)
            for (int j = 0; j < rp->sw[wi][k]; j++)
                sw[m++] = k + 1;
        shuffle(sw, m);
        for (int j = 0; j < want + refuse; j++) {
            kase *k = &g.c[g.n++];
            k->school = (size_t)pool[j];
            k->situation = reg->situation;
            k->sector = samen_study_school(s, k->school)->sector;
            k->governance = reg->governance;
            k->refused = j >= want;
            k->v = malloc(g.nv * sizeof *k->v);
            k->text = calloc(g.nv, sizeof *k->text);
            if (k->v == NULL || k->text == NULL)
                return 1;
            for (size_t v = 0; v < g.nv; v++)
                k->v[v] = NAN;
            k->v[consent] = k->refused ? 0 : 1;
            if (!k->refused)
                k->v[coop] = sw[j];
        }
    }
    /* The file lists the schools by BRIN code. */
    qsort(g.c, (size_t)g.n, sizeof *g.c, by_school);
    answer(&g);

    /* Every answer must be routed to and valid. */
    for (int i = 0; i < g.n; i++)
        for (size_t q = 0; q < samen_instrument_nquestions(g.inst); q++) {
            const samen_question_info *qi = samen_instrument_question(g.inst, q);
            samen_answers a = {{g.c[i].situation, g.c[i].sector, g.c[i].governance}, g.c[i].v};
            bool is_asked = samen_instrument_asked(g.inst, q, &a);
            for (size_t v = qi->first_var; v < qi->first_var + qi->nvars; v++) {
                if (isnan(g.c[i].v[v]))
                    continue;
                if (!is_asked)
                    die("%s answered but not asked (case %d)",
                        samen_instrument_var(g.inst, v)->name, i);
                char txt[32], why[200];
                double val;
                snprintf(txt, sizeof txt, "%d", (int)g.c[i].v[v]);
                if (samen_instrument_var(g.inst, v)->type != SAMEN_Q_TEXT &&
                    samen_instrument_check_value(g.inst, v, txt, &val, why, sizeof why) !=
                        SAMEN_OK)
                    die("%s: invalid code (case %d, value %d)",
                        samen_instrument_var(g.inst, v)->name, i, (int)g.c[i].v[v]);
            }
        }

    printf("brin");
    for (size_t v = 0; v < g.nv; v++)
        printf(",%s", samen_instrument_var(g.inst, v)->name);
    printf("\n");
    for (int i = 0; i < g.n; i++) {
        printf("%s", samen_study_school(s, g.c[i].school)->brin);
        for (size_t v = 0; v < g.nv; v++) {
            putchar(',');
            if (g.c[i].text[v] != NULL)
                put_text(g.c[i].text[v]);
            else if (!isnan(g.c[i].v[v]))
                printf("%d", (int)g.c[i].v[v]);
        }
        printf("\n");
    }
    for (int i = 0; i < g.n; i++) {
        free(g.c[i].v);
        free(g.c[i].text);
    }
    free(g.c);
    free(g.buf);
    free(g.buf2);
    free(pool);
    samen_study_destroy(s);
    samen_diag_destroy(d);
    return 0;
}
