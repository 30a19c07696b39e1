/* test_sav.c - the SPSS folder (io/sav/) and the shared response importer
 * (io/response_import.c): label cuts at character boundaries, fitting
 * non-substantive codes into SPSS's missing values, writing a .sav and
 * reading it back, portable files, damaged files, and errors located by
 * case and variable with nothing written. */
#include <math.h>
#include <readstat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/response_import.h"
#include "io/sav/sav_private.h"
#include "samen/interchange.h"
#include "samen/store.h"
#include "samen/study.h"
#include "test.h"
#include "util/text.h"

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

static samen_store *open_store(const char *name)
{
    char url[4200];
    snprintf(url, sizeof url, "sqlite:%s/%s", test_tmpdir(), name);
    samen_store *st = NULL;
    ASSERT_EQ(samen_store_open(url, &st, NULL), SAMEN_OK);
    return st;
}

static const char *tmp_path(const char *name, char *out, size_t cap)
{
    snprintf(out, cap, "%s/%s", test_tmpdir(), name);
    return out;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    ASSERT_TRUE(f != NULL);
    fputs(text, f);
    ASSERT_EQ(fclose(f), 0);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ASSERT_TRUE(f != NULL);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)n + 1);
    ASSERT_TRUE(data != NULL);
    ASSERT_EQ(fread(data, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    data[n] = '\0';
    *len = (size_t)n;
    return data;
}

/* Three schools of the example study answer; one gives an open answer. */
static const char responses[] =
    "brin,toestemming,samenwerking,reden_anders,reden_anders_tekst,kenm_leerlingen\n"
    "00ZZ00,1,3,1,\"Café – crèche, \"\"'t Hof\"\"\",9\n"
    "01ZZ00,1,1,,,2\n"
    "02ZZ00,0,,,,\n";

static samen_store *filled_store(const samen_study *s, const char *db)
{
    samen_store *st = open_store(db);
    char path[4200];
    write_text(tmp_path("r.csv", path, sizeof path), responses);
    samen_diag *d = samen_diag_create(20);
    samen_import_result res;
    samen_status rc = samen_import_csv(s, st, 2023, path, "r.csv", &res, d);
    if (rc != SAMEN_OK)
        samen_diag_print(d, stderr);
    ASSERT_EQ(rc, SAMEN_OK);
    ASSERT_EQ(res.rows, 3);
    samen_diag_destroy(d);
    return st;
}

TEST(sav_cut_keeps_characters_whole)
{
    char out[16];
    sav_cut(out, sizeof out, "ééé", 5); /* é is two bytes */
    ASSERT_STR_EQ(out, "éé");
    sav_cut(out, sizeof out, "abc", 120);
    ASSERT_STR_EQ(out, "abc");
    char label[SAV_VALUE_LABEL_MAX + 1], src[400];
    src[0] = '\0';
    for (int i = 0; i < 100; i++)
        memcpy(src + strlen(src), "€", sizeof "€"); /* three bytes each */
    sav_cut(label, sizeof label, src, SAV_VALUE_LABEL_MAX);
    ASSERT_EQ(strlen(label), 120);
    sav_cut(label, sizeof label, src + 1, SAV_VALUE_LABEL_MAX); /* starts mid-character */
    ASSERT_TRUE(strlen(label) <= 120);
    ASSERT_TRUE(text_is_utf8(label + 2, strlen(label) - 2));
}

TEST(sav_missing_values_fit_spss)
{
    static const struct {
        int codes[8];
        bool nonsub[8];
        size_t n;
        bool has_range;
        double min, max;
        bool fits;
        int ndiscrete;
        bool range;
        double lo, hi;
    } cases[] = {
        {.codes = {1, 2, 9}, .nonsub = {0, 0, 1}, .n = 3, .fits = true, .ndiscrete = 1},
        {.codes = {1, 7, 8, 9}, .nonsub = {0, 1, 1, 1}, .n = 4, .fits = true, .ndiscrete = 3},
        {.codes = {1, 96, 97, 98, 99}, .nonsub = {0, 1, 1, 1, 1}, .n = 5, .fits = true,
         .range = true, .lo = 96, .hi = 99},
        /* 0 and 97..99 around a valid 1..5: 0..99 would hold valid answers. */
        {.codes = {0, 97, 98, 99}, .nonsub = {1, 1, 1, 1}, .n = 4, .has_range = true, .min = 1,
         .max = 5, .fits = true, .ndiscrete = 1, .range = true, .lo = 97, .hi = 99},
        {.codes = {0, 1, 97, 98, 99}, .nonsub = {1, 0, 1, 1, 1}, .n = 5, .fits = true,
         .ndiscrete = 1, .range = true, .lo = 97, .hi = 99},
        {.codes = {1, 2, 3, 4, 5, 6, 7}, .nonsub = {1, 0, 1, 0, 1, 0, 1}, .n = 7, .fits = false},
    };
    for (size_t t = 0; t < sizeof cases / sizeof cases[0]; t++) {
        samen_answer_option opts[8];
        memset(opts, 0, sizeof opts);
        for (size_t i = 0; i < cases[t].n; i++) {
            opts[i].code = cases[t].codes[i];
            opts[i].label_nl = "x";
            opts[i].nonsubstantive = cases[t].nonsub[i];
        }
        samen_var_info v;
        memset(&v, 0, sizeof v);
        v.name = "v";
        v.type = SAMEN_Q_GRID;
        v.options = opts;
        v.noptions = cases[t].n;
        v.has_range = cases[t].has_range;
        v.min = cases[t].min;
        v.max = cases[t].max;
        sav_missing m;
        bool fits = sav_missing_fit(&v, &m);
        if (fits != cases[t].fits)
            TEST_FAIL_("case %zu: fits %d", t, fits);
        if (!fits)
            continue;
        ASSERT_EQ(m.ndiscrete, cases[t].ndiscrete);
        ASSERT_EQ(m.has_range, cases[t].range);
        if (m.has_range) {
            ASSERT_NEAR(m.lo, cases[t].lo, 0);
            ASSERT_NEAR(m.hi, cases[t].hi, 0);
        }
        if (m.has_range && m.ndiscrete == 1)
            ASSERT_NEAR(m.discrete[0], t == 3 ? 0 : cases[t].codes[0], 0);
    }
}

typedef struct collected {
    size_t ncols;
    char names[200][65];
    bool is_string[200];
    long cases;
    char cells[8][200][300];
} collected;

static samen_status collect_columns(void *ctx, size_t n, const sav_column *cols)
{
    collected *c = ctx;
    ASSERT_TRUE(n <= 200);
    c->ncols = n;
    for (size_t i = 0; i < n; i++) {
        text_copy(c->names[i], sizeof c->names[i], cols[i].name);
        c->is_string[i] = cols[i].is_string;
    }
    return SAMEN_OK;
}

static samen_status collect_row(void *ctx, long case_number, size_t n, char *const *cells)
{
    collected *c = ctx;
    ASSERT_EQ(case_number, c->cases + 1);
    ASSERT_EQ(n, c->ncols);
    if (c->cases < 8)
        for (size_t i = 0; i < n; i++)
            text_copy(c->cells[c->cases][i], sizeof c->cells[0][0], cells[i]);
    c->cases++;
    return SAMEN_OK;
}

static long column(const collected *c, const char *name)
{
    for (size_t i = 0; i < c->ncols; i++)
        if (strcmp(c->names[i], name) == 0)
            return (long)i;
    TEST_FAIL_("no column %s", name);
}

TEST(sav_export_reads_back)
{
    samen_study *s = example();
    samen_store *st = filled_store(s, "a.db");
    char path[4200];
    tmp_path("x.sav", path, sizeof path);
    samen_export_options opt = {.with_school_ids = true};
    long rows = 0;
    samen_diag *d = samen_diag_create(20);
    ASSERT_EQ(samen_export_sav(s, st, 2023, path, &opt, false, &rows, d), SAMEN_OK);
    ASSERT_EQ(rows, 2); /* the refusal is left out */
    size_t len;
    char *data = read_all(path, &len);
    ASSERT_EQ(sav_kind_of(data, len), SAV_KIND_SAV);
    collected *c = calloc(1, sizeof *c);
    sav_sink sink = {collect_columns, collect_row, c};
    ASSERT_EQ(sav_read_buffer(data, len, "x.sav", &sink, d), SAMEN_OK);
    ASSERT_EQ(c->cases, 2);
    ASSERT_STR_EQ(c->names[0], "brin");
    ASSERT_STR_EQ(c->names[1], "respondent");
    ASSERT_TRUE(c->is_string[0] && !c->is_string[1]);
    ASSERT_STR_EQ(c->cells[0][0], "00ZZ00");
    ASSERT_STR_EQ(c->cells[0][column(c, "region")], "1"); /* region A */
    ASSERT_STR_EQ(c->cells[0][column(c, "situation")], "3"); /* binnen_po */
    ASSERT_STR_EQ(c->cells[0][column(c, "samenwerking")], "3");
    ASSERT_STR_EQ(c->cells[0][column(c, "kenm_leerlingen")], "9");
    ASSERT_STR_EQ(c->cells[0][column(c, "reden_anders_tekst")], "Café – crèche, \"'t Hof\"");
    ASSERT_STR_EQ(c->cells[1][column(c, "reden_anders_tekst")], "");
    ASSERT_STR_EQ(c->cells[1][column(c, "functie_sl")], ""); /* system-missing */
    free(c);
    free(data);
    samen_diag_destroy(d);
    samen_store_close(st);
    samen_study_destroy(s);
}

/* The dictionary as ReadStat reads it back: labels within SPSS's limits
 * and whole UTF-8, missing values, measurement levels. */
typedef struct dict_seen {
    int vars;
    int long_label_ok;
    int kenm_missing;
    int measures[4];
    int value_labels;
    int bad_utf8;
} dict_seen;

static int seen_variable(int index, readstat_variable_t *v, const char *val_labels, void *ctx)
{
    dict_seen *ds = ctx;
    (void)index;
    (void)val_labels;
    ds->vars++;
    const char *label = readstat_variable_get_label(v);
    if (label != NULL) {
        ds->bad_utf8 += !text_is_utf8(label, strlen(label)) || strlen(label) > SAV_VAR_LABEL_MAX;
        if (strcmp(readstat_variable_get_name(v), "toestemming") == 0)
            ds->long_label_ok = strlen(label) <= 256 && strlen(label) > 200;
    }
    if (strcmp(readstat_variable_get_name(v), "kenm_leerlingen") == 0 &&
        readstat_variable_get_missing_ranges_count(v) == 1)
        ds->kenm_missing = (int)readstat_double_value(readstat_variable_get_missing_range_lo(v, 0));
    ds->measures[readstat_variable_get_measure(v) & 3]++;
    return READSTAT_HANDLER_OK;
}

static int seen_value_label(const char *set, readstat_value_t value, const char *label, void *ctx)
{
    dict_seen *ds = ctx;
    (void)set;
    (void)value;
    ds->value_labels++;
    ds->bad_utf8 += !text_is_utf8(label, strlen(label)) || strlen(label) > SAV_VALUE_LABEL_MAX;
    return READSTAT_HANDLER_OK;
}

TEST(sav_dictionary_within_spss_limits)
{
    samen_study *s = example();
    samen_store *st = filled_store(s, "a.db");
    char path[4200];
    tmp_path("x.zsav", path, sizeof path);
    samen_diag *d = samen_diag_create(20);
    ASSERT_EQ(samen_export_sav(s, st, 2023, path, NULL, true, NULL, d), SAMEN_OK);
    dict_seen ds;
    memset(&ds, 0, sizeof ds);
    readstat_parser_t *p = readstat_parser_init();
    readstat_set_variable_handler(p, seen_variable);
    readstat_set_value_label_handler(p, seen_value_label);
    ASSERT_EQ(readstat_parse_sav(p, path, &ds), READSTAT_OK);
    readstat_parser_free(p);
    ASSERT_EQ(ds.vars, 4 + (int)samen_instrument_nvars(samen_study_find_wave(s, 2023)->instrument));
    ASSERT_EQ(ds.bad_utf8, 0);
    ASSERT_TRUE(ds.long_label_ok);
    ASSERT_EQ(ds.kenm_missing, 9);
    ASSERT_TRUE(ds.value_labels > 300);
    ASSERT_TRUE(ds.measures[READSTAT_MEASURE_NOMINAL] > 0 &&
                ds.measures[READSTAT_MEASURE_ORDINAL] > 0);
    samen_diag_destroy(d);
    samen_store_close(st);
    samen_study_destroy(s);
}

static ssize_t write_to_file(const void *data, size_t len, void *ctx)
{
    return (ssize_t)fwrite(data, 1, len, ctx);
}

TEST(sav_reads_portable_files)
{
    char path[4200];
    tmp_path("x.por", path, sizeof path);
    FILE *f = fopen(path, "wb");
    ASSERT_TRUE(f != NULL);
    readstat_writer_t *w = readstat_writer_init();
    readstat_set_data_writer(w, write_to_file);
    readstat_variable_t *brin = readstat_add_variable(w, "BRIN", READSTAT_TYPE_STRING, 6);
    readstat_variable_t *code = readstat_add_variable(w, "CODE", READSTAT_TYPE_DOUBLE, 0);
    ASSERT_EQ(readstat_begin_writing_por(w, f, 2), READSTAT_OK);
    readstat_begin_row(w);
    readstat_insert_string_value(w, brin, "00ZZ00");
    readstat_insert_double_value(w, code, 2.5);
    readstat_end_row(w);
    readstat_begin_row(w);
    readstat_insert_string_value(w, brin, "01ZZ00");
    readstat_insert_missing_value(w, code);
    readstat_end_row(w);
    ASSERT_EQ(readstat_end_writing(w), READSTAT_OK);
    readstat_writer_free(w);
    fclose(f);
    size_t len;
    char *data = read_all(path, &len);
    ASSERT_EQ(sav_kind_of(data, len), SAV_KIND_POR);
    collected *c = calloc(1, sizeof *c);
    sav_sink sink = {collect_columns, collect_row, c};
    samen_diag *d = samen_diag_create(20);
    samen_status rc = sav_read_buffer(data, len, "x.por", &sink, d);
    if (rc != SAMEN_OK)
        samen_diag_print(d, stderr);
    ASSERT_EQ(rc, SAMEN_OK);
    ASSERT_EQ(c->ncols, 2);
    ASSERT_TRUE(text_ieq(c->names[0], "brin"));
    ASSERT_EQ(c->cases, 2);
    ASSERT_STR_EQ(c->cells[0][0], "00ZZ00");
    ASSERT_STR_EQ(c->cells[0][1], "2.5");
    ASSERT_STR_EQ(c->cells[1][1], "");
    free(c);
    free(data);
    samen_diag_destroy(d);
}

TEST(sav_reader_refuses_damaged_files)
{
    samen_study *s = example();
    samen_store *st = filled_store(s, "a.db");
    char path[4200];
    tmp_path("x.sav", path, sizeof path);
    samen_diag *d = samen_diag_create(20);
    ASSERT_EQ(samen_export_sav(s, st, 2023, path, NULL, false, NULL, d), SAMEN_OK);
    size_t len;
    char *data = read_all(path, &len);
    collected *c = calloc(1, sizeof *c);
    sav_sink sink = {collect_columns, collect_row, c};
    /* Cut short at every 97th byte: a clear error, never a crash. */
    for (size_t cut = 4; cut < len; cut += 97) {
        memset(c, 0, sizeof *c);
        samen_diag_clear(d);
        samen_status rc = sav_read_buffer(data, cut, "cut.sav", &sink, d);
        if (rc != SAMEN_OK)
            ASSERT_CONTAINS(samen_diag_message(d, 0), "cut.sav: ");
    }
    samen_diag_clear(d);
    ASSERT_EQ(sav_read_buffer("hello", 5, "junk.sav", &sink, d), SAMEN_EPARSE);
    ASSERT_STR_EQ(samen_diag_message(d, 0), "junk.sav: not an SPSS file (.sav, .zsav or .por)");
    samen_diag_clear(d);
    ASSERT_EQ(sav_read_buffer(data, 200, "short.sav", &sink, d), SAMEN_EPARSE);
    ASSERT_CONTAINS(samen_diag_message(d, 0), "short.sav: cannot read this SPSS file");
    free(c);
    free(data);
    samen_diag_destroy(d);
    samen_store_close(st);
    samen_study_destroy(s);
}

TEST(response_import_names_case_and_variable)
{
    samen_study *s = example();
    samen_store *st = open_store("b.db");
    samen_diag *d = samen_diag_create(20);
    rimport *im = NULL;
    ASSERT_EQ(rimport_create(s, st, 2023, "f.sav", RIMPORT_WHERE_CASE, d, &im), SAMEN_OK);
    char *names[] = {"brin", "toestemming", "samenwerking", "doel_maatwerk"};
    ASSERT_EQ(rimport_columns(im, 0, 4, names), SAMEN_OK);
    char *ok[] = {"00ZZ00", "1", "1", "1"};
    char *bad[] = {"01ZZ00", "1", "7", ""};
    char *routed[] = {"02ZZ00", "1", "3", "1"};
    char *twice[] = {"00ZZ00", "1", "1", ""};
    ASSERT_EQ(rimport_row(im, 1, 4, ok), SAMEN_OK);
    ASSERT_EQ(rimport_row(im, 2, 4, bad), SAMEN_OK);
    ASSERT_EQ(rimport_row(im, 3, 4, routed), SAMEN_OK);
    ASSERT_EQ(rimport_row(im, 4, 4, twice), SAMEN_OK);
    ASSERT_EQ(rimport_finish(im, NULL), SAMEN_EVALIDATE);
    rimport_destroy(im);
    ASSERT_EQ(samen_diag_count(d), 3);
    ASSERT_STR_EQ(samen_diag_message(d, 0),
                  "f.sav: case 2, variable samenwerking: 7 is not an answer code (codes: 1, 2, 3)");
    ASSERT_STR_EQ(samen_diag_message(d, 1),
                  "f.sav: case 3, variable doel_maatwerk: doel_maatwerk is answered, but question "
                  "'doelen' is not asked of this school (condition: samenwerking == 1)");
    ASSERT_STR_EQ(samen_diag_message(d, 2),
                  "f.sav: case 4, variable brin: school 00ZZ00 appears twice (also case 1)");
    long n = -1;
    ASSERT_EQ(samen_store_count(st, 2023, SAMEN_RESPONSE_COMPLETE, &n), SAMEN_OK);
    ASSERT_EQ(n, 0);
    /* Header problems in SPSS files name the variable, not a column. */
    samen_diag_clear(d);
    ASSERT_EQ(rimport_create(s, st, 2023, "g.sav", RIMPORT_WHERE_CASE, d, &im), SAMEN_OK);
    char *bad_names[] = {"brin", "BRIN", "nonsense"};
    ASSERT_EQ(rimport_columns(im, 0, 3, bad_names), SAMEN_EVALIDATE);
    rimport_destroy(im);
    ASSERT_STR_EQ(samen_diag_message(d, 0), "g.sav: duplicate variable 'BRIN'");
    ASSERT_STR_EQ(samen_diag_message(d, 1),
                  "g.sav: unknown variable 'nonsense': not a variable of instrument "
                  "image-2023-scholen");
    samen_diag_destroy(d);
    samen_store_close(st);
    samen_study_destroy(s);
}

TEST(sav_import_is_all_or_nothing)
{
    samen_study *s = example();
    samen_store *src = filled_store(s, "a.db");
    char path[4200];
    tmp_path("ids.sav", path, sizeof path);
    samen_export_options opt = {.with_school_ids = true};
    samen_diag *d = samen_diag_create(20);
    ASSERT_EQ(samen_export_sav(s, src, 2023, path, &opt, false, NULL, d), SAMEN_OK);
    samen_store *st = open_store("c.db");
    samen_import_result res;
    ASSERT_EQ(samen_import_sav(s, st, 2023, path, "ids.sav", &res, d), SAMEN_OK);
    ASSERT_EQ(res.rows, 2);
    /* Again: every case is already there; nothing more is written. */
    ASSERT_EQ(samen_import_sav(s, st, 2023, path, "ids.sav", &res, d), SAMEN_EVALIDATE);
    ASSERT_EQ(samen_diag_count(d), 2);
    ASSERT_STR_EQ(samen_diag_message(d, 0), "ids.sav: case 1, variable brin: school 00ZZ00 "
                                            "already has a response in wave 2023");
    long n = -1;
    ASSERT_EQ(samen_store_count(st, 2023, SAMEN_RESPONSE_COMPLETE, &n), SAMEN_OK);
    ASSERT_EQ(n, 2);
    samen_diag_clear(d);
    ASSERT_EQ(samen_import_sav(s, st, 2023, "/nonexistent/x.sav", "x.sav", NULL, d),
              SAMEN_ENOTFOUND);
    samen_diag_destroy(d);
    samen_store_close(st);
    samen_store_close(src);
    samen_study_destroy(s);
}
