/* test_csvr.c - CSV reading: delimiters, encodings, quoting, line numbers. */
#include "test.h"
#include "util/csvr.h"

typedef struct rows {
    int n;
    long lines[16];
    char cells[16][8][64];
    size_t nf[16];
} rows;

static samen_status collect(void *ctx, long line, size_t n, char **f)
{
    rows *r = ctx;
    if (r->n < 16) {
        r->lines[r->n] = line;
        r->nf[r->n] = n;
        for (size_t i = 0; i < n && i < 8; i++)
            snprintf(r->cells[r->n][i], 64, "%s", f[i]);
    }
    r->n++;
    return SAMEN_OK;
}

static rows parse(const char *data, size_t len, csvr_info *info, samen_status want)
{
    rows r;
    memset(&r, 0, sizeof r);
    samen_diag *d = samen_diag_create(10);
    samen_status st = csvr_read_buffer(data, len, "t.csv", collect, &r, info, d);
    if (st != want) {
        samen_diag_print(d, stderr);
        TEST_FAIL_("status %d, wanted %d", st, want);
    }
    samen_diag_destroy(d);
    return r;
}

static const struct {
    const char *data;
    char delimiter;
} delimiter_cases[] = {
    {"a,b,c\n1,2,3\n", ','},
    {"a;b;c\r\n1;2;3\r\n", ';'},
    {"a\tb\tc\n1\t2\t3\n", '\t'},
    {"\"x,y\";b;c\n1;2;3", ';'},
};

TEST(csvr_detects_the_delimiter)
{
    for (size_t i = 0; i < sizeof delimiter_cases / sizeof delimiter_cases[0]; i++) {
        csvr_info info;
        const char *data = delimiter_cases[i].data;
        rows r = parse(data, strlen(data), &info, SAMEN_OK);
        ASSERT_EQ(info.delimiter, delimiter_cases[i].delimiter);
        ASSERT_EQ(r.n, 2);
        ASSERT_EQ(r.nf[1], 3);
        ASSERT_STR_EQ(r.cells[1][2], "3");
    }
}

TEST(csvr_reads_bom_cp1252_and_quotes)
{
    csvr_info info;
    const char bom[] = "\xEF\xBB\xBFnaam,x\n\"De \"\"Esdoorn\"\", Ede\",1\n";
    rows r = parse(bom, sizeof bom - 1, &info, SAMEN_OK);
    ASSERT_TRUE(info.had_bom && !info.was_cp1252);
    ASSERT_STR_EQ(r.cells[0][0], "naam");
    ASSERT_STR_EQ(r.cells[1][0], "De \"Esdoorn\", Ede");
    /* CP1252: e-acute is 0xE9, the euro sign 0x80. */
    const char cp[] = "naam;x\nCaf\xE9 \x80;2\n";
    r = parse(cp, sizeof cp - 1, &info, SAMEN_OK);
    ASSERT_TRUE(info.was_cp1252);
    ASSERT_STR_EQ(r.cells[1][0], "Caf\xC3\xA9 \xE2\x82\xAC");
}

TEST(csvr_reports_the_line_each_record_starts_on)
{
    const char data[] = "h1,h2\n1,2\n\"multi\nline\",3\n4,5\n";
    rows r = parse(data, sizeof data - 1, NULL, SAMEN_OK);
    ASSERT_EQ(r.n, 4);
    ASSERT_EQ(r.lines[0], 1);
    ASSERT_EQ(r.lines[1], 2);
    ASSERT_EQ(r.lines[2], 3);
    ASSERT_STR_EQ(r.cells[2][0], "multi\nline");
    ASSERT_EQ(r.lines[3], 5);
}

TEST(csvr_rejects_malformed_input_with_its_line)
{
    samen_diag *d = samen_diag_create(10);
    rows r;
    memset(&r, 0, sizeof r);
    const char stray[] = "a,b\n1,2\n3,x\"y\"z\n";
    ASSERT_EQ(csvr_read_buffer(stray, sizeof stray - 1, "t.csv", collect, &r, NULL, d), SAMEN_EPARSE);
    ASSERT_CONTAINS(samen_diag_message(d, 0), "t.csv:3:");
    samen_diag_clear(d);
    const char unclosed[] = "a,b\n1,\"2\n";
    ASSERT_EQ(csvr_read_buffer(unclosed, sizeof unclosed - 1, "t.csv", collect, &r, NULL, d), SAMEN_EPARSE);
    ASSERT_CONTAINS(samen_diag_message(d, 0), "unclosed quote");
    samen_diag_clear(d);
    const char nul[] = "a,b\n1,\0\n";
    ASSERT_EQ(csvr_read_buffer(nul, sizeof nul - 1, "t.csv", collect, &r, NULL, d), SAMEN_EPARSE);
    ASSERT_CONTAINS(samen_diag_message(d, 0), "NUL");
    samen_diag_clear(d);
    /* 0x81 is undefined in CP1252 and invalid UTF-8. */
    const char bad[] = "a,b\n1,\x81\n";
    ASSERT_EQ(csvr_read_buffer(bad, sizeof bad - 1, "t.csv", collect, &r, NULL, d), SAMEN_EPARSE);
    ASSERT_CONTAINS(samen_diag_message(d, 0), "t.csv:2: the file is neither UTF-8 nor CP1252");
    samen_diag_destroy(d);
}
