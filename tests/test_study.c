/* test_study.c - loading and validating study directories. */
#include <sys/stat.h>

#include "samen/study.h"
#include "test.h"

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ASSERT_TRUE(f != NULL);
    fputs(text, f);
    fclose(f);
}

/* A minimal valid study in the test's scratch directory. */
static const char *make_study(const char *study_yaml, const char *schools_csv)
{
    static char dir[4096];
    snprintf(dir, sizeof dir, "%s/study", test_tmpdir());
    mkdir(dir, 0777);
    char sub[4200];
    snprintf(sub, sizeof sub, "%s/instruments", dir);
    mkdir(sub, 0777);
    char cmd[8400];
    snprintf(cmd, sizeof cmd, "cp '%s/tests/fixtures/mini-instrument.yaml' '%s/mini.yaml'",
             test_source_dir(), sub);
    ASSERT_EQ(system(cmd), 0);
    write_file(dir, "study.yaml", study_yaml);
    write_file(dir, "schools.csv", schools_csv);
    return dir;
}

#define STUDY_OK                                                                          \
    "format: 1\nid: t\nname: T\nwaves:\n  - {id: 2023, instrument: instruments/mini.yaml}\n" \
    "regions:\n"                                                                          \
    "  - {code: A, name: SWV A, sector: po, governance: central, situation: binnen_po}\n"  \
    "  - {code: G-PO, name: G po, sector: po, governance: central, situation: po_vo, pair: G}\n" \
    "  - {code: G-VO, name: G vo, sector: vo, governance: decentral, situation: po_vo, pair: G}\n"

TEST(study_loads_the_example)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/examples/image", test_source_dir());
    samen_diag *d = samen_diag_create(20);
    samen_study *s = NULL;
    samen_status st = samen_study_load(dir, &s, d);
    samen_diag_print(d, stderr);
    ASSERT_EQ(st, SAMEN_OK);
    ASSERT_TRUE(samen_study_synthetic(s));
    ASSERT_EQ(samen_study_nregions(s), 21);
    ASSERT_EQ(samen_study_nschools(s), 1380);
    ASSERT_EQ(samen_study_nwaves(s), 2);
    ASSERT_TRUE(samen_study_find_wave(s, 2023) != NULL);
    ASSERT_TRUE(samen_study_find_wave(s, 2024) == NULL);
    long g = samen_study_find_region(s, "G-VO");
    ASSERT_TRUE(g >= 0);
    ASSERT_STR_EQ(samen_study_region(s, (size_t)g)->pair, "G");
    ASSERT_EQ(samen_study_region(s, (size_t)g)->situation, SAMEN_SITUATION_PO_VO);
    /* every school is found by its code, and sits in a region of its sector */
    for (size_t i = 0; i < samen_study_nschools(s); i++) {
        const samen_school_info *sc = samen_study_school(s, i);
        ASSERT_EQ(samen_study_find_school(s, sc->brin), (long)i);
        ASSERT_TRUE(samen_brin_valid(sc->brin));
    }
    ASSERT_EQ(samen_study_find_school(s, "99XX99"), -1);
    samen_study_destroy(s);
    samen_diag_destroy(d);
}

TEST(study_minimal_is_valid)
{
    const char *dir = make_study(STUDY_OK, "brin,name,sector,region,email\n"
                                           "01AB00,School 1,po,A,a@b.example\n"
                                           "02AB00,School 2,so,A,\n"
                                           "03AB00,School 3,vo,G-VO,x@y.example\n");
    samen_diag *d = samen_diag_create(20);
    samen_study *s = NULL;
    samen_status st = samen_study_load(dir, &s, d);
    samen_diag_print(d, stderr);
    ASSERT_EQ(st, SAMEN_OK);
    ASSERT_EQ(samen_study_nschools(s), 3);
    samen_study_destroy(s);
    samen_diag_destroy(d);
}

static const struct {
    const char *study;
    const char *schools;
    const char *message;
} bad_studies[] = {
    {STUDY_OK, "brin,name,sector,region,email\n1AB00,X,po,A,\n",
     "schools.csv:2:1: '1AB00' is not a BRIN vestiging code"},
    {STUDY_OK, "brin,name,sector,region,email\n01AB00,X,po,Z,\n",
     "schools.csv:2:4: unknown region 'Z'"},
    {STUDY_OK, "brin,name,sector,region,email\n01AB00,X,vo,A,\n",
     "schools.csv:2:3: a vo school cannot belong to po region A"},
    {STUDY_OK, "brin,name,sector,region,email\n01AB00,X,po,A,not-an-address\n",
     "schools.csv:2:5: 'not-an-address' is not an e-mail address"},
    {STUDY_OK, "brin,name,sector,region,email,phone\n",
     "schools.csv:1:6: unknown column 'phone'"},
    {STUDY_OK, "brin,name,sector,region\n01AB00,X,po,A\n01AB00,Y,po,A\n",
     "school 01AB00 is listed twice"},
    {"format: 1\nid: t\nname: T\nwaves:\n  - {id: 2023, instrument: instruments/mini.yaml}\n"
     "regions:\n  - {code: A, name: A, sector: po, governance: central, situation: po_mbo}\n",
     "brin,name,sector,region,email\n", "study.yaml:7:68: 'po_mbo' is not a situation"},
    {"format: 1\nid: t\nname: T\nwaves:\n  - {id: 2024, instrument: instruments/mini.yaml}\n"
     "regions:\n  - {code: A, name: A, sector: po, governance: central, situation: binnen_po}\n",
     "brin,name,sector,region,email\n", "instrument instruments/mini.yaml is for wave 2023, not 2024"},
    {"format: 1\nid: t\nname: T\nwaves:\n  - {id: 2023, instrument: instruments/mini.yaml}\n"
     "regions:\n  - {code: G-PO, name: A, sector: po, governance: central, situation: po_vo, pair: G}\n",
     "brin,name,sector,region,email\n", "pair 'G' must join one po and one vo region (has 1 po, 0 vo)"},
    {"format: 1\nid: t\nname: T\nwaves:\n  - {id: 2023, instrument: ../../etc/passwd}\n"
     "regions:\n  - {code: A, name: A, sector: po, governance: central, situation: binnen_po}\n",
     "brin,name,sector,region,email\n", "the instrument must be a path inside the study directory"},
};

TEST(study_problems_are_reported_with_their_position)
{
    for (size_t i = 0; i < sizeof bad_studies / sizeof bad_studies[0]; i++) {
        const char *dir = make_study(bad_studies[i].study, bad_studies[i].schools);
        samen_diag *d = samen_diag_create(20);
        samen_study *s = NULL;
        samen_status st = samen_study_load(dir, &s, d);
        if (st == SAMEN_OK)
            TEST_FAIL_("case %zu: expected the study to be rejected", i);
        ASSERT_TRUE(s == NULL);
        bool found = false;
        for (size_t k = 0; samen_diag_message(d, k) != NULL; k++)
            found |= strstr(samen_diag_message(d, k), bad_studies[i].message) != NULL;
        if (!found) {
            samen_diag_print(d, stderr);
            TEST_FAIL_("case %zu: expected \"%s\"", i, bad_studies[i].message);
        }
        samen_diag_destroy(d);
    }
}

TEST(study_init_creates_a_layout_and_refuses_to_overwrite)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/nieuw", test_tmpdir());
    samen_diag *d = samen_diag_create(20);
    ASSERT_EQ(samen_study_init(dir, d), SAMEN_OK);
    char path[4200];
    struct stat sb;
    snprintf(path, sizeof path, "%s/instruments", dir);
    ASSERT_EQ(stat(path, &sb), 0);
    snprintf(path, sizeof path, "%s/study.yaml", dir);
    ASSERT_EQ(stat(path, &sb), 0);
    ASSERT_EQ(samen_study_init(dir, d), SAMEN_EEXIST);
    samen_diag_destroy(d);
}
