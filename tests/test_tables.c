/* test_tables.c - report definitions and the tables computed from them
 * (samen/tables.h): validation with file:line:column, a new wave whose
 * tables are declared in a fixture file only, the cell rules, and the
 * renderers. The golden comparison with the seed report is
 * tests/cli/tables.sh. */
#include <math.h>
#include <stdlib.h>

#include "samen/interchange.h"
#include "samen/tables.h"
#include "test.h"

static samen_study *load_study(const char *rel)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/%s", test_source_dir(), rel);
    samen_diag *d = samen_diag_create(20);
    samen_study *s = NULL;
    samen_status st = samen_study_load(dir, &s, d);
    if (st != SAMEN_OK)
        samen_diag_print(d, stderr);
    ASSERT_EQ(st, SAMEN_OK);
    samen_diag_destroy(d);
    return s;
}

/* Loads a definition from text against s; returns the status and leaves
 * the problems in *d (the caller frees it). */
static samen_status load_def(const samen_study *s, const char *text, samen_tabledef **def,
                             samen_diag **d)
{
    *d = samen_diag_create(50);
    *def = NULL;
    return samen_tabledef_load_buffer(text, strlen(text), "def.yaml", s, def, *d);
}

/* True when one of d's messages contains needle. */
static bool has_message(const samen_diag *d, const char *needle)
{
    for (size_t i = 0; i < samen_diag_count(d); i++)
        if (samen_diag_message(d, i) && strstr(samen_diag_message(d, i), needle))
            return true;
    return false;
}

static void expect_problem(const samen_study *s, const char *text, const char *needle)
{
    samen_tabledef *def;
    samen_diag *d;
    samen_status st = load_def(s, text, &def, &d);
    if (st == SAMEN_OK || !has_message(d, needle)) {
        fprintf(stderr, "expected a problem containing \"%s\", got status %s:\n", needle,
                samen_status_name(st));
        samen_diag_print(d, stderr);
    }
    ASSERT_EQ(st, SAMEN_EVALIDATE);
    ASSERT_TRUE(def == NULL);
    ASSERT_TRUE(has_message(d, needle));
    samen_diag_destroy(d);
}

#define HEAD "format: 1\nid: test\ntables:\n"

TEST(tables_example_definition_loads)
{
    samen_study *s = load_study("examples/image");
    char path[4400];
    samen_tabledef_default_path(s, path, sizeof path);
    ASSERT_CONTAINS(path, "examples/image/reports/image.yaml");
    samen_diag *d = samen_diag_create(50);
    samen_tabledef *def = NULL;
    samen_status st = samen_tabledef_load(path, "image.yaml", s, &def, d);
    if (st != SAMEN_OK)
        samen_diag_print(d, stderr);
    ASSERT_EQ(st, SAMEN_OK);
    ASSERT_EQ(samen_tabledef_ntables(def), 26);
    ASSERT_STR_EQ(samen_tabledef_table_id(def, 0), "T1");
    ASSERT_STR_EQ(samen_tabledef_table_id(def, 6), "B1");
    ASSERT_STR_EQ(samen_tabledef_table_id(def, 25), "F17");
    samen_tabledef_destroy(def);
    samen_diag_destroy(d);
    samen_study_destroy(s);
}

TEST(tables_definition_errors_name_file_line_column)
{
    samen_study *s = load_study("examples/image");
    /* An unknown variable names the table and the variable, at its position. */
    expect_problem(s,
                   HEAD "  - id: X1\n"
                        "    title: Test\n"
                        "    var: samenwerkin\n"
                        "    stat: count\n"
                        "    rows: {answers: [1]}\n"
                        "    columns: {id: n}\n",
                   "def.yaml:6:10: table X1: unknown variable 'samenwerkin'");
    /* In a dimension's entries too. */
    expect_problem(s,
                   HEAD "  - id: X2\n"
                        "    title: Test\n"
                        "    stat: n\n"
                        "    rows:\n"
                        "      vars: [kenm_leerlingen, kenm_onbekend]\n"
                        "    columns: {id: n}\n",
                   "def.yaml:8:31: table X2: unknown variable 'kenm_onbekend'");
    /* An unknown statistic. */
    expect_problem(s,
                   HEAD "  - id: X3\n"
                        "    title: Test\n"
                        "    var: tevr_sw\n"
                        "    rows: {id: all}\n"
                        "    columns: {id: m, stat: average}\n",
                   "def.yaml:8:28: table X3: unknown statistic 'average'");
    /* A bad filter: the column points into the condition. */
    expect_problem(s,
                   HEAD "  - id: X4\n"
                        "    title: Test\n"
                        "    filter: \"samenwerking == 1 and onbekend == 2\"\n"
                        "    rows: {id: all, stat: cases}\n"
                        "    columns: {id: n}\n",
                   "def.yaml:6:36: table X4: in filter: undefined variable 'onbekend'");
    expect_problem(s,
                   HEAD "  - id: X5\n"
                        "    title: Test\n"
                        "    filter: \"samenwerking ==\"\n"
                        "    rows: {id: all, stat: cases}\n"
                        "    columns: {id: n}\n",
                   "table X5: in filter: expected a number");
    /* A code that is not an answer of the variable. */
    expect_problem(s,
                   HEAD "  - id: X6\n"
                        "    title: Test\n"
                        "    var: samenwerking\n"
                        "    stat: count\n"
                        "    rows: {answers: [1, 4]}\n"
                        "    columns: {id: n}\n",
                   "table X6: code 4 is not an answer of 'samenwerking'");
    /* A cell without a statistic, and one without the variable it needs. */
    expect_problem(s,
                   HEAD "  - id: X7\n"
                        "    title: Test\n"
                        "    rows: {vars: [tevr_sw]}\n"
                        "    columns: {id: n, label: n}\n",
                   "table X7: no statistic for row 'tevr_sw', column 'n'");
    expect_problem(s,
                   HEAD "  - id: X8\n"
                        "    title: Test\n"
                        "    rows: {id: all, stat: mean}\n"
                        "    columns: {id: m}\n",
                   "table X8: statistic mean needs a variable");
    /* Unknown keys, free text, duplicate ids, a missing title. */
    expect_problem(s,
                   HEAD "  - id: X9\n    title: Test\n    colums: {id: n}\n    rows: {id: all, stat: cases}\n",
                   "def.yaml:6:5: table X9: unknown key 'colums' in a table");
    expect_problem(s,
                   HEAD "  - id: Y1\n    title: Test\n    var: reden_anders_tekst\n"
                        "    rows: {id: all, stat: n}\n    columns: {id: n}\n",
                   "variable 'reden_anders_tekst' is free text");
    expect_problem(s,
                   HEAD "  - {id: Y2, title: A, rows: {id: r, stat: cases}, columns: {id: n}}\n"
                        "  - {id: Y2, title: B, rows: {id: r, stat: cases}, columns: {id: n}}\n",
                   "table id 'Y2' is used twice");
    expect_problem(s, HEAD "  - {id: Y3, rows: {id: r, stat: cases}, columns: {id: n}}\n",
                   "table Y3: a table needs a title");
    /* Reactions cannot be filtered on answers. */
    expect_problem(s,
                   HEAD "  - {id: Y4, title: A, filter: \"samenwerking == 1\", "
                        "rows: {id: r, stat: responses}, columns: {id: n}}\n",
                   "statistic responses counts reactions and takes no filter");
    /* Row ids must be unique. */
    expect_problem(s,
                   HEAD "  - id: Y5\n    title: A\n    stat: cases\n"
                        "    rows: [{by: situation}, {by: situation}]\n    columns: {id: n}\n",
                   "row id 'po_kinderopvang' occurs twice");
    expect_problem(s, "format: 2\nid: x\ntables: []\n", "format must be 1");
    samen_study_destroy(s);
}

/* The fixture study: its 2024 questionnaire adds `online` and `ouders`,
 * and reports/nieuw-2024.yaml tabulates them: no C code knows of them. */
static samen_store *fixture_store(const samen_study *s)
{
    char url[4200], path[4400];
    snprintf(url, sizeof url, "sqlite:%s/nieuw.db", test_tmpdir());
    samen_store *st = NULL;
    ASSERT_EQ(samen_store_open(url, &st, NULL), SAMEN_OK);
    for (int wave = 2023; wave <= 2024; wave++) {
        snprintf(path, sizeof path, "%s/tests/fixtures/tables/newwave/data/responses-%d.csv",
                 test_source_dir(), wave);
        samen_diag *d = samen_diag_create(20);
        samen_status rc = samen_import_csv(s, st, wave, path, "responses.csv", NULL, d);
        if (rc != SAMEN_OK)
            samen_diag_print(d, stderr);
        ASSERT_EQ(rc, SAMEN_OK);
        samen_diag_destroy(d);
    }
    return st;
}

static samen_tabledef *fixture_def(const samen_study *s)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/tests/fixtures/tables/newwave/reports/nieuw-2024.yaml",
             test_source_dir());
    samen_diag *d = samen_diag_create(20);
    samen_tabledef *def = NULL;
    samen_status rc = samen_tabledef_load(path, "nieuw-2024.yaml", s, &def, d);
    if (rc != SAMEN_OK)
        samen_diag_print(d, stderr);
    ASSERT_EQ(rc, SAMEN_OK);
    samen_diag_destroy(d);
    return def;
}

static samen_tables *compute(const samen_tabledef *def, const samen_study *s, samen_store *st,
                             int wave, const char *lang)
{
    samen_tables_options o = {wave, lang, NULL, 0};
    samen_diag *d = samen_diag_create(20);
    samen_tables *t = NULL;
    samen_status rc = samen_tables_compute(def, s, st, &o, &t, d);
    if (rc != SAMEN_OK)
        samen_diag_print(d, stderr);
    ASSERT_EQ(rc, SAMEN_OK);
    samen_diag_destroy(d);
    return t;
}

static double cell(const samen_tables *t, const char *table, const char *row, const char *col)
{
    samen_table_cell c;
    if (samen_tables_lookup(t, table, row, col, &c) != SAMEN_OK)
        TEST_FAIL_("no cell %s/%s/%s", table, row, col);
    return c.kind == SAMEN_CELL_NUMBER ? c.value : NAN;
}

TEST(tables_new_wave_needs_only_a_definition_file)
{
    samen_study *s = load_study("tests/fixtures/tables/newwave");
    samen_store *st = fixture_store(s);
    samen_tabledef *def = fixture_def(s);
    samen_tables *t = compute(def, s, st, 2024, "nl");
    ASSERT_EQ(samen_tables_wave(t), 2024);
    ASSERT_EQ(samen_tables_count(t), 3);
    /* X1: a crosstab of the two new variables (online x ouders). */
    long x1 = samen_tables_find(t, "X1");
    ASSERT_EQ(x1, 0);
    ASSERT_STR_EQ(samen_tables_row_label(t, 0, 0), "Ja");
    ASSERT_STR_EQ(samen_tables_row_label(t, 0, 2), "Weet niet");
    ASSERT_STR_EQ(samen_tables_col_label(t, 0, 1), "Soms");
    static const double want[4][4] = {{0, 2, 2, 4}, {3, 1, 0, 4}, {0, 1, 1, 2}, {3, 4, 3, 10}};
    static const char *const rows[] = {"1", "2", "9", "total"};
    static const char *const cols[] = {"1", "2", "3", "n"};
    for (int r = 0; r < 4; r++)
        for (int c = 0; c < 4; c++)
            ASSERT_NEAR(cell(t, "X1", rows[r], cols[c]), want[r][c], 0);
    /* X2: row percentages, one decimal, rounded half up. */
    ASSERT_NEAR(cell(t, "X2", "2", "1"), 75.0, 1e-9);
    ASSERT_NEAR(cell(t, "X2", "1", "3"), 50.0, 1e-9);
    samen_table_cell c;
    ASSERT_EQ(samen_tables_lookup(t, "X2", "2", "1", &c), SAMEN_OK);
    ASSERT_EQ(c.precision, 1);
    ASSERT_EQ(c.base, 4);
    ASSERT_TRUE(c.small_base);
    ASSERT_EQ(samen_tables_lookup(t, "X2", "9", "1", &c), SAMEN_ENOTFOUND); /* values: [1, 2] */
    /* X3: a question both waves ask, by wave, with the comparison's caveat. */
    ASSERT_NEAR(cell(t, "X3", "1", "2023.count"), 2, 0);
    ASSERT_NEAR(cell(t, "X3", "1", "2024.count"), 5, 0);
    ASSERT_NEAR(cell(t, "X3", "1", "2024.pct"), 45.5, 1e-9);  /* 5/11 = 45.45 */
    ASSERT_NEAR(cell(t, "X3", "2", "2024.pct"), 18.2, 1e-9);  /* 2/11 = 18.18 */
    ASSERT_NEAR(cell(t, "X3", "total", "2023.count"), 8, 0);
    ASSERT_NEAR(cell(t, "X3", "total", "2024.pct"), 100.0, 1e-9);
    long x3 = samen_tables_find(t, "X3");
    ASSERT_EQ(samen_tables_ncaveats(t, (size_t)x3), 1); /* 8 cases in 2023: too few */
    ASSERT_CONTAINS(samen_tables_caveat(t, (size_t)x3, 0), "2023-2024");
    samen_tables_destroy(t);

    /* The same definition on 2023, which lacks the new questions: empty
     * cells and a note, not an error; X3 loses its earlier wave. */
    t = compute(def, s, st, 2023, "en");
    ASSERT_TRUE(isnan(cell(t, "X1", "1", "2")));
    bool noted = false;
    for (size_t i = 0; i < samen_tables_nnotes(t, 0); i++)
        noted |= strstr(samen_tables_note(t, 0, i), "was not asked in 2023") != NULL;
    ASSERT_TRUE(noted);
    ASSERT_EQ(samen_tables_ncols(t, 2), 2);
    ASSERT_STR_EQ(samen_tables_col_id(t, 2, 0), "2023.count");
    ASSERT_EQ(samen_tables_ncaveats(t, 2), 0);
    samen_tables_destroy(t);
    samen_tabledef_destroy(def);
    samen_store_close(st);
    samen_study_destroy(s);
}

/* A definition written in the test: precedence, in_columns, text columns,
 * means rounded half up exactly, and the reactions from the store. */
TEST(tables_cell_rules)
{
    samen_study *s = load_study("tests/fixtures/tables/newwave");
    samen_store *st = fixture_store(s);
    static const char text[] =
        HEAD "  - id: R1\n"
             "    title: Regels\n"
             "    var: tevreden\n"
             "    stat: mean\n"
             "    precision: 0\n"
             "    rows:\n"
             "      - {by: region, total: Totaal}\n"
             "      - {id: reacties, stat: responses, in_columns: [m]}\n"
             "      - {id: weigeringen, stat: refusals, in_columns: [m]}\n"
             "    columns:\n"
             "      - {id: m, label: Gemiddeld}\n"
             "      - {id: m1, label: Gemiddeld, precision: 1}\n"
             "      - {id: n, stat: n}\n"
             "      - {id: uitleg, stat: text, text: {nl: Uitleg, en: Explanation}}\n";
    samen_tabledef *def;
    samen_diag *d;
    samen_status rc = load_def(s, text, &def, &d);
    if (rc != SAMEN_OK)
        samen_diag_print(d, stderr);
    ASSERT_EQ(rc, SAMEN_OK);
    samen_tables *t = compute(def, s, st, 2023, "en");
    /* 2023: tevreden 5 and 6 in region A; mean 5.5 rounds half up to 6. */
    ASSERT_NEAR(cell(t, "R1", "A", "m"), 6, 0);
    ASSERT_NEAR(cell(t, "R1", "A", "m1"), 5.5, 1e-9);
    ASSERT_NEAR(cell(t, "R1", "A", "n"), 2, 0);
    ASSERT_TRUE(isnan(cell(t, "R1", "B", "m"))); /* nobody in B collaborates */
    ASSERT_NEAR(cell(t, "R1", "total", "m1"), 5.5, 1e-9);
    /* Reactions come from the store: 9 in 2023, 1 without consent. */
    ASSERT_NEAR(cell(t, "R1", "reacties", "m"), 9, 0);
    ASSERT_NEAR(cell(t, "R1", "weigeringen", "m"), 1, 0);
    ASSERT_TRUE(isnan(cell(t, "R1", "reacties", "n"))); /* in_columns: [m] */
    samen_table_cell c;
    ASSERT_EQ(samen_tables_lookup(t, "R1", "total", "uitleg", &c), SAMEN_OK);
    ASSERT_EQ(c.kind, SAMEN_CELL_TEXT); /* a text column keeps its text */
    ASSERT_STR_EQ(c.text, "Explanation");
    samen_tables_destroy(t);
    samen_tabledef_destroy(def);
    samen_diag_destroy(d);
    samen_store_close(st);
    samen_study_destroy(s);
}

static char *render(const samen_tables *t, const char *format)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/out.%s", test_tmpdir(), format);
    samen_diag *d = samen_diag_create(10);
    ASSERT_EQ(samen_tables_write(t, format, NULL, path, d), SAMEN_OK);
    samen_diag_destroy(d);
    FILE *f = fopen(path, "rb");
    ASSERT_TRUE(f != NULL);
    static char data[1 << 16];
    size_t n = fread(data, 1, sizeof data - 1, f);
    fclose(f);
    data[n] = '\0';
    char *copy = malloc(n + 1);
    ASSERT_TRUE(copy != NULL);
    memcpy(copy, data, n + 1);
    return copy;
}

TEST(tables_renderers)
{
    samen_study *s = load_study("tests/fixtures/tables/newwave");
    samen_store *st = fixture_store(s);
    samen_tabledef *def = fixture_def(s);
    samen_tables *t = compute(def, s, st, 2024, "nl");
    ASSERT_TRUE(samen_tables_format_known("csv", NULL));
    bool binary = false;
    ASSERT_TRUE(samen_tables_format_known("xlsx", &binary) && binary);
    ASSERT_TRUE(!samen_tables_format_known("pdf", NULL));
    char *csv = render(t, "csv");
    ASSERT_CONTAINS(csv, "SYNTHETISCHE GEGEVENS");
    ASSERT_CONTAINS(csv, "X1,Online aanbod naar betrokkenheid van ouders\n,Niet,Soms,Vaak,n\n");
    ASSERT_CONTAINS(csv, "Ja,0,2,2,4\nNee,3,1,0,4\nWeet niet,0,1,1,2\nTotaal,3,4,3,10\n");
    ASSERT_CONTAINS(csv, "Nee,75.0,25.0,0.0\n");
    ASSERT_CONTAINS(csv, ",2023 N,2023 %,2024 N,2024 %\n");
    ASSERT_CONTAINS(csv, "Let op: 2023-2024:");
    free(csv);
    char *json = render(t, "json");
    ASSERT_CONTAINS(json, "\"id\":\t\"X1\"");
    ASSERT_CONTAINS(json, "\"cells\":\t[0, 2, 2, 4]");
    ASSERT_CONTAINS(json, "\"kind\":\t\"small_n\"");
    free(json);
    char *xlsx = render(t, "xlsx");
    ASSERT_TRUE(xlsx[0] == 'P' && xlsx[1] == 'K'); /* a zip archive */
    free(xlsx);
    samen_diag *d = samen_diag_create(10);
    ASSERT_EQ(samen_tables_write(t, "xlsx", stdout, NULL, d), SAMEN_EINVAL);
    ASSERT_EQ(samen_tables_write(t, "pdf", stdout, NULL, d), SAMEN_EINVAL);
    samen_diag_destroy(d);
    samen_tables_destroy(t);
    samen_tabledef_destroy(def);
    samen_store_close(st);
    samen_study_destroy(s);
}

TEST(tables_only_and_unknown_wave)
{
    samen_study *s = load_study("tests/fixtures/tables/newwave");
    samen_store *st = fixture_store(s);
    samen_tabledef *def = fixture_def(s);
    const char *only[] = {"X3", "X9"};
    samen_tables_options o = {2024, "nl", only, 2};
    samen_diag *d = samen_diag_create(10);
    samen_tables *t = NULL;
    ASSERT_EQ(samen_tables_compute(def, s, st, &o, &t, d), SAMEN_ENOTFOUND);
    ASSERT_TRUE(has_message(d, "has no table 'X9'"));
    samen_diag_clear(d);
    o.nonly = 1;
    ASSERT_EQ(samen_tables_compute(def, s, st, &o, &t, d), SAMEN_OK);
    ASSERT_EQ(samen_tables_count(t), 1);
    ASSERT_STR_EQ(samen_tables_id(t, 0), "X3");
    samen_tables_destroy(t);
    o.wave = 2030;
    ASSERT_EQ(samen_tables_compute(def, s, st, &o, &t, d), SAMEN_EINVAL);
    samen_diag_destroy(d);
    samen_tabledef_destroy(def);
    samen_store_close(st);
    samen_study_destroy(s);
}

/* The parser never crashes and always explains a refusal: the example
 * definition, mangled (bytes changed, lines cut, lines swapped), many
 * times over; run under ASan/UBSan in the sanitizer build. */
TEST(tables_definition_survives_mangled_input)
{
    samen_study *s = load_study("examples/image");
    char path[4400];
    samen_tabledef_default_path(s, path, sizeof path);
    FILE *f = fopen(path, "rb");
    ASSERT_TRUE(f != NULL);
    static char text[1 << 17];
    size_t len = fread(text, 1, sizeof text, f);
    fclose(f);
    ASSERT_TRUE(len > 1000 && len < sizeof text);
    static char mangled[1 << 17];
    static const char pool[] = " :-[]{},\"'\n#*&!|0123456789abcdevarstat";
    unsigned long long x = 88172645463325252ull; /* xorshift64 */
    size_t accepted = 0;
    for (int round = 0; round < 150; round++) {
        memcpy(mangled, text, len);
        size_t n = len;
        int edits = 1 + round % 4;
        for (int e = 0; e < edits; e++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            size_t at = (size_t)(x % n);
            switch ((x >> 32) % 3) {
            case 0: mangled[at] = pool[(x >> 40) % (sizeof pool - 1)]; break;
            case 1: n = at + 1; break; /* cut */
            default: {
                size_t len2 = (size_t)((x >> 20) % 64);
                if (at + len2 < n)
                    memmove(mangled + at, mangled + at + len2, n - at - len2);
                n -= at + len2 < n ? len2 : 0;
            }
            }
        }
        samen_tabledef *def = NULL;
        samen_diag *d = samen_diag_create(50);
        samen_status st = samen_tabledef_load_buffer(mangled, n, "m.yaml", s, &def, d);
        if (st == SAMEN_OK) {
            ASSERT_TRUE(def != NULL);
            accepted++;
        } else {
            ASSERT_TRUE(def == NULL);
            ASSERT_TRUE(samen_diag_count(d) > 0);
        }
        samen_tabledef_destroy(def);
        samen_diag_destroy(d);
    }
    ASSERT_TRUE(accepted < 150);
    samen_study_destroy(s);
}
