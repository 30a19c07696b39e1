/* test_codebook.c - the codebook (io/codebook/): the entry texts shared
 * with the Excel export, and the JSON, HTML and Markdown documents. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/codebook/codebook_private.h"
#include "samen/interchange.h"
#include "test.h"

static samen_instrument *mini(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/fixtures/mini-instrument.yaml", test_source_dir());
    samen_instrument *inst = NULL;
    ASSERT_EQ(samen_instrument_load(path, "mini", &inst, NULL), SAMEN_OK);
    return inst;
}

static const char *text_of(samen_status (*fn)(const samen_instrument *, size_t, bool, buf *),
                           const samen_instrument *inst, const char *var, bool en, buf *b)
{
    long v = samen_instrument_find_var(inst, var);
    ASSERT_TRUE(v >= 0);
    buf_reset(b);
    ASSERT_EQ(fn(inst, (size_t)v, en, b), SAMEN_OK);
    return buf_str(b);
}

static const char *routing_of(const samen_instrument *inst, const char *var, buf *b)
{
    long v = samen_instrument_find_var(inst, var);
    ASSERT_TRUE(v >= 0);
    buf_reset(b);
    ASSERT_EQ(codebook_routing(inst, samen_instrument_var(inst, (size_t)v)->question, b), SAMEN_OK);
    return buf_str(b);
}

TEST(codebook_entry_texts)
{
    samen_instrument *inst = mini();
    buf b;
    buf_init(&b, 4096);
    ASSERT_STR_EQ(text_of(codebook_values, inst, "samenwerking", false, &b),
                  "1 = Wel samenwerking; 2 = Plannen; 3 = Geen samenwerking");
    ASSERT_STR_EQ(text_of(codebook_values, inst, "comm_1", false, &b),
                  "1..5 (1 = Helemaal oneens; 5 = Helemaal eens)");
    ASSERT_STR_EQ(text_of(codebook_missing, inst, "comm_1", false, &b), "9 = Geen zicht op");
    ASSERT_STR_EQ(text_of(codebook_missing, inst, "comm_1", true, &b), "9 = No view");
    ASSERT_STR_EQ(text_of(codebook_values, inst, "tevreden", false, &b), "1..7");
    ASSERT_STR_EQ(text_of(codebook_values, inst, "aantal", false, &b), "0..50, gehele getallen");
    ASSERT_STR_EQ(text_of(codebook_values, inst, "aantal", true, &b), "0..50, whole numbers");
    ASSERT_STR_EQ(text_of(codebook_values, inst, "opmerking", false, &b),
                  "tekst, hoogstens 20 tekens");
    ASSERT_STR_EQ(text_of(codebook_values, inst, "functie_sl", false, &b),
                  "0 = Niet aangekruist; 1 = Aangekruist");
    ASSERT_STR_EQ(text_of(codebook_missing, inst, "functie_sl", false, &b), "");
    ASSERT_STR_EQ(routing_of(inst, "toestemming", &b), "");
    ASSERT_STR_EQ(routing_of(inst, "comm_1", &b), "samenwerking == 1");
    ASSERT_STR_EQ(routing_of(inst, "vo_vraag", &b),
                  "samenwerking == 1 and situation in [po_vo, binnen_vo] and sector == vo");
    ASSERT_STR_EQ(routing_of(inst, "nodig_geld", &b),
                  "samenwerking == 3 or not answered(samenwerking)");
    ASSERT_STR_EQ(codebook_measure(SAMEN_Q_GRID, true), "ordinal");
    ASSERT_STR_EQ(codebook_measure(SAMEN_Q_NUMBER, false), "schaal");
    ASSERT_TRUE(!codebook_after_consent(inst, 0) && codebook_after_consent(inst, 1));
    buf_free(&b);
    samen_instrument_destroy(inst);
}

static samen_study *example(void)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/examples/image", test_source_dir());
    samen_study *s = NULL;
    ASSERT_EQ(samen_study_load(dir, &s, NULL), SAMEN_OK);
    return s;
}

static char *render(const samen_study *s, samen_codebook_format fmt, const char *lang)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/cb.out", test_tmpdir());
    FILE *f = fopen(path, "w+b");
    ASSERT_TRUE(f != NULL);
    ASSERT_EQ(samen_codebook_write(s, 2023, fmt, lang, f, NULL), SAMEN_OK);
    long n = ftell(f);
    rewind(f);
    char *text = malloc((size_t)n + 1);
    ASSERT_TRUE(text != NULL);
    ASSERT_EQ(fread(text, 1, (size_t)n, f), (size_t)n);
    text[n] = '\0';
    fclose(f);
    return text;
}

TEST(codebook_documents)
{
    samen_study *s = example();
    char *json = render(s, SAMEN_CODEBOOK_JSON, "en");
    cJSON *root = cJSON_Parse(json);
    ASSERT_TRUE(root != NULL);
    ASSERT_STR_EQ(cJSON_GetObjectItem(root, "lang")->valuestring, "en");
    size_t nvars = 0;
    cJSON *sec, *q, *v;
    cJSON_ArrayForEach(sec, cJSON_GetObjectItem(root, "sections"))
        cJSON_ArrayForEach(q, cJSON_GetObjectItem(sec, "questions"))
            cJSON_ArrayForEach(v, cJSON_GetObjectItem(q, "variables")) nvars++;
    ASSERT_EQ(nvars, samen_instrument_nvars(samen_study_find_wave(s, 2023)->instrument));
    cJSON_Delete(root);
    free(json);
    /* HTML escapes the apostrophe of "thema's"; Markdown keeps {partner}. */
    char *html = render(s, SAMEN_CODEBOOK_HTML, NULL);
    ASSERT_CONTAINS(html, "<!DOCTYPE html>");
    ASSERT_CONTAINS(html, "rondom andere thema&#39;s dan");
    ASSERT_CONTAINS(html, "<code>samenwerking == 1</code>");
    ASSERT_TRUE(strstr(html, "thema's") == NULL);
    free(html);
    char *md = render(s, SAMEN_CODEBOOK_MARKDOWN, "nl");
    ASSERT_CONTAINS(md, "> Werkt uw school samen met {partner} rondom (hoog)begaafdheid?");
    ASSERT_CONTAINS(md, "| `kenm_leerlingen` |");
    ASSERT_CONTAINS(md, "| Tussen po en kinderopvang (`po_kinderopvang`) | de kinderopvang |");
    free(md);
    samen_codebook_format f;
    ASSERT_TRUE(samen_codebook_format_parse("md", &f) && f == SAMEN_CODEBOOK_MARKDOWN);
    ASSERT_TRUE(samen_codebook_format_parse("json", &f) && f == SAMEN_CODEBOOK_JSON);
    ASSERT_TRUE(!samen_codebook_format_parse("pdf", &f));
    samen_diag *d = samen_diag_create(4);
    ASSERT_EQ(samen_codebook_write(s, 1999, SAMEN_CODEBOOK_JSON, NULL, stdout, d), SAMEN_EINVAL);
    ASSERT_STR_EQ(samen_diag_message(d, 0), "--wave: the study has no wave 1999");
    samen_diag_destroy(d);
    samen_study_destroy(s);
}
