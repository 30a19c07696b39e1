/* test_instrument.c - the instrument parser, validator, routing and values. */
#include <math.h>

#include "samen/instrument.h"
#include "test.h"

static samen_instrument *load_fixture(const char *file)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/fixtures/%s", test_source_dir(), file);
    samen_diag *d = samen_diag_create(50);
    samen_instrument *inst = NULL;
    samen_status st = samen_instrument_load(path, file, &inst, d);
    if (st != SAMEN_OK)
        samen_diag_print(d, stderr);
    ASSERT_EQ(st, SAMEN_OK);
    samen_diag_destroy(d);
    return inst;
}

/* Loads text, expects failure, returns the first message (static copy). */
static const char *load_bad(const char *yaml)
{
    static char first[600];
    samen_diag *d = samen_diag_create(50);
    samen_instrument *inst = NULL;
    samen_status st = samen_instrument_load_buffer(yaml, strlen(yaml), "bad.yaml", &inst, d);
    if (st == SAMEN_OK)
        TEST_FAIL_("expected the instrument to be rejected:\n%s", yaml);
    ASSERT_TRUE(inst == NULL);
    ASSERT_TRUE(samen_diag_count(d) >= 1);
    snprintf(first, sizeof first, "%s", samen_diag_message(d, 0));
    samen_diag_destroy(d);
    return first;
}

#define HEAD "format: 1\nid: t\nversion: \"1\"\nwave: 2023\ntitle: T\nsections:\n"

TEST(instrument_loads_every_question_type)
{
    samen_instrument *inst = load_fixture("mini-instrument.yaml");
    ASSERT_STR_EQ(samen_instrument_id(inst), "mini");
    ASSERT_EQ(samen_instrument_wave(inst), 2023);
    ASSERT_EQ(samen_instrument_nsections(inst), 3);
    ASSERT_EQ(samen_instrument_nquestions(inst), 9);
    /* consent, 2 options, samenwerking, 3 grid items, rating, number,
     * vo_vraag, text, 1 option = 12 */
    ASSERT_EQ(samen_instrument_nvars(inst), 12);
    long v = samen_instrument_find_var(inst, "COMM_2");
    ASSERT_EQ(v, 5);
    const samen_var_info *vi = samen_instrument_var(inst, (size_t)v);
    ASSERT_EQ(vi->type, SAMEN_Q_GRID);
    ASSERT_TRUE(vi->has_range);
    ASSERT_EQ(vi->min, 1);
    ASSERT_EQ(vi->max, 5);
    ASSERT_STR_EQ(vi->label_nl, "We begrijpen elkaar");
    ASSERT_EQ(samen_instrument_nscales(inst), 1);
    const samen_scale_info *sc = samen_instrument_scale(inst, 0);
    ASSERT_EQ(sc->nitems, 3);
    ASSERT_TRUE(sc->reverse[2] && !sc->reverse[0]);
    ASSERT_EQ(sc->min_items, 2);
    samen_instrument_destroy(inst);
}

TEST(instrument_values_are_checked_against_the_question)
{
    samen_instrument *inst = load_fixture("mini-instrument.yaml");
    char why[200];
    double x;
    long sam = samen_instrument_find_var(inst, "samenwerking");
    long comm = samen_instrument_find_var(inst, "comm_1");
    long tev = samen_instrument_find_var(inst, "tevreden");
    long aantal = samen_instrument_find_var(inst, "aantal");
    long opm = samen_instrument_find_var(inst, "opmerking");
    long fsl = samen_instrument_find_var(inst, "functie_sl");
    ASSERT_EQ(samen_instrument_check_value(inst, (size_t)sam, "2", &x, why, sizeof why), SAMEN_OK);
    ASSERT_EQ(x, 2);
    ASSERT_EQ(samen_instrument_check_value(inst, (size_t)sam, "4", &x, why, sizeof why), SAMEN_EINVAL);
    ASSERT_CONTAINS(why, "codes: 1, 2, 3");
    ASSERT_EQ(samen_instrument_check_value(inst, (size_t)sam, "", &x, why, sizeof why), SAMEN_OK);
    ASSERT_TRUE(isnan(x));
    ASSERT_EQ(samen_instrument_check_value(inst, (size_t)comm, "9", &x, why, sizeof why), SAMEN_OK);
    ASSERT_TRUE(samen_instrument_is_nonsubstantive(inst, (size_t)comm, 9));
    ASSERT_TRUE(!samen_instrument_is_nonsubstantive(inst, (size_t)comm, 5));
    ASSERT_EQ(samen_instrument_check_value(inst, (size_t)comm, "3", &x, why, sizeof why), SAMEN_OK);
    ASSERT_EQ(samen_instrument_check_value(inst, (size_t)comm, "6", &x, why, sizeof why), SAMEN_EINVAL);
    ASSERT_EQ(samen_instrument_check_value(inst, (size_t)tev, "7", &x, why, sizeof why), SAMEN_OK);
    ASSERT_EQ(samen_instrument_check_value(inst, (size_t)tev, "2.5", &x, why, sizeof why), SAMEN_EINVAL);
    ASSERT_EQ(samen_instrument_check_value(inst, (size_t)aantal, "51", &x, why, sizeof why), SAMEN_EINVAL);
    ASSERT_EQ(samen_instrument_check_value(inst, (size_t)aantal, "1,5", &x, why, sizeof why), SAMEN_EINVAL);
    ASSERT_EQ(samen_instrument_check_value(inst, (size_t)fsl, "1", &x, why, sizeof why), SAMEN_OK);
    ASSERT_EQ(samen_instrument_check_value(inst, (size_t)fsl, "2", &x, why, sizeof why), SAMEN_EINVAL);
    ASSERT_EQ(samen_instrument_check_value(inst, (size_t)opm, "twintig tekens €€€€€€€€", &x, why, sizeof why), SAMEN_EINVAL);
    ASSERT_EQ(samen_instrument_check_value(inst, (size_t)opm, "€€€€€€€€€€€€€€€€€€€€", &x, why, sizeof why), SAMEN_OK);
    samen_instrument_destroy(inst);
}

TEST(instrument_routing_follows_situation_answers_and_consent)
{
    samen_instrument *inst = load_fixture("mini-instrument.yaml");
    size_t n = samen_instrument_nvars(inst);
    double values[32];
    for (size_t i = 0; i < n; i++)
        values[i] = NAN;
    samen_answers a = {{SAMEN_SITUATION_PO_VO, SAMEN_SECTOR_VO, -1}, values};
    /* No consent yet: nothing after the consent question is asked. */
    ASSERT_TRUE(samen_instrument_asked(inst, 0, &a));
    ASSERT_TRUE(!samen_instrument_asked(inst, 1, &a));
    values[0] = 0; /* refused */
    ASSERT_TRUE(!samen_instrument_asked(inst, 2, &a));
    values[0] = 1;
    ASSERT_TRUE(samen_instrument_asked(inst, 2, &a));
    /* Section "wel" only when samenwerking == 1. */
    values[3] = 3;
    ASSERT_TRUE(!samen_instrument_asked(inst, 3, &a));
    ASSERT_TRUE(samen_instrument_asked(inst, 8, &a)); /* nodig: samenwerking == 3 */
    values[3] = 1;
    ASSERT_TRUE(samen_instrument_asked(inst, 3, &a));
    ASSERT_TRUE(!samen_instrument_asked(inst, 8, &a));
    ASSERT_TRUE(samen_instrument_asked(inst, 6, &a)); /* vo_vraag: po_vo and vo */
    a.attr[SAMEN_ATTR_SECTOR] = SAMEN_SECTOR_PO;
    ASSERT_TRUE(!samen_instrument_asked(inst, 6, &a));
    a.attr[SAMEN_ATTR_SECTOR] = SAMEN_SECTOR_VO;
    a.attr[SAMEN_ATTR_SITUATION] = SAMEN_SITUATION_BINNEN_PO;
    ASSERT_TRUE(!samen_instrument_asked(inst, 6, &a));
    values[3] = NAN; /* not answered(samenwerking) */
    ASSERT_TRUE(samen_instrument_asked(inst, 8, &a));
    samen_instrument_destroy(inst);
}

TEST(instrument_renders_placeholders_per_situation_and_language)
{
    samen_instrument *inst = load_fixture("mini-instrument.yaml");
    const samen_question_info *q = samen_instrument_question(inst, 2);
    char out[200];
    samen_instrument_render(inst, q->text_nl, SAMEN_SITUATION_ONDERWIJS_JEUGDHULP, "nl", out, sizeof out);
    ASSERT_STR_EQ(out, "Werkt uw school samen met de jeugdhulp?");
    samen_instrument_render(inst, q->text_en, SAMEN_SITUATION_PO_KINDEROPVANG, "en", out, sizeof out);
    ASSERT_STR_EQ(out, "Does your school work with childcare?");
    samen_instrument_render(inst, "€€€€", 0, "nl", out, 8); /* never cut a character */
    ASSERT_STR_EQ(out, "€€");
    samen_instrument_destroy(inst);
}

/* Each broken instrument is rejected with the position of its problem. */
static const struct {
    const char *yaml;
    const char *message;
} broken[] = {
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: a, type: single, text: A, answers: [{code: 1, nl: x}]}\n"
          "      - {id: b, type: single, text: B, when: \"a == 1 and c == 2\", answers: [{code: 1, nl: x}]}\n",
     "bad.yaml:11:58: in condition: undefined variable 'c'"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: a, type: single, text: A, when: \"b == 1\", answers: [{code: 1, nl: x}]}\n"
          "      - {id: b, type: single, text: B, when: \"a == 1\", answers: [{code: 1, nl: x}]}\n",
     "bad.yaml:10:46: cycle in routing: a -> b -> a"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: a, type: single, text: A, when: \"b == 1\", answers: [{code: 1, nl: x}]}\n"
          "      - {id: b, type: single, text: B, answers: [{code: 1, nl: x}]}\n",
     "bad.yaml:10:46: the condition uses 'b', which is asked later (question 'b')"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: a, type: single, text: A, when: \"a == 1\", answers: [{code: 1, nl: x}]}\n",
     "cycle in routing: question 'a' depends on its own variable 'a'"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: a, type: single, text: A, answers: [{code: 1, nl: x}, {code: 1, nl: y}]}\n",
     "bad.yaml:10:75: duplicate answer code 1"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: _a, type: text, text: A}\n",
     "bad.yaml:10:14: variable name '_a' must start with a letter"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: with, type: text, text: A}\n",
     "variable name 'with' is an SPSS reserved word"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: a, type: text, text: A}\n      - {id: A, type: text, text: B}\n",
     "bad.yaml:11:14: duplicate variable name 'A' (first at line 10)"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: a, type: single, text: A, answers: [{code: 1, nl: x}]}\n"
          "      - {id: b, type: single, text: B, answers: [{code: 1, nl: x}]}\n"
          "scales:\n  - {id: sc, items: [a, b]}\n",
     "bad.yaml:13:22: scale item 'a' is not a rating"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: a, type: text, text: \"Met {partner}\"}\n",
     "bad.yaml:10:35: undeclared placeholder {partner}"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: a, type: text, text: A}\n      - {id: c, type: consent, text: C}\n",
     "the consent question must be the first question"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: a, type: dropdown, text: A}\n",
     "unknown question type 'dropdown'"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: a, type: single, text: A, when: \"situation == po_mbo\", answers: [{code: 1, nl: x}]}\n",
     "in condition: 'po_mbo' is not a situation"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: a, type: text, text: A}\n      - {id: b, type: text, text: B, when: \"a == 1\"}\n",
     "'a' is a text variable; use answered(a)"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - {id: a, type: text, text: A, colour: red}\n",
     "bad.yaml:10:38: unknown key 'colour'"},
    {HEAD "  - &x {id: a, type: text, text: A}\n",
     "anchors and aliases"},
    {"format: 1\nid: t\nversion: \"1\"\nwave: 2023\ntitle: [unclosed\n",
     "bad.yaml:6:1:"},
    {HEAD "  - id: s\n    title: S\n    questions:\n"
          "      - id: r\n        type: rating\n        text: R\n        min: 1\n        max: 7\n"
          "        answers: [{code: 8, nl: weet niet}]\n",
     "answer code 8 lies outside 1..7 and is not marked nonsubstantive"},
};

TEST(instrument_validator_reports_file_line_column)
{
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        const char *msg = load_bad(broken[i].yaml);
        if (strstr(msg, broken[i].message) == NULL)
            TEST_FAIL_("case %zu: expected \"%s\", got \"%s\"", i, broken[i].message, msg);
    }
}
