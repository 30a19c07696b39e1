/* test_xlsx.c - the Excel export (io/xlsx/xlsx_write.c): a workbook is
 * written in place of a temporary file, and a failure leaves nothing.
 * Its content is checked cell by cell in tests/cli/xlsx.sh. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samen/interchange.h"
#include "samen/store.h"
#include "samen/study.h"
#include "test.h"

static samen_study *example(void)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/examples/image", test_source_dir());
    samen_study *s = NULL;
    ASSERT_EQ(samen_study_load(dir, &s, NULL), SAMEN_OK);
    return s;
}

static samen_store *store_with_answers(const samen_study *s)
{
    char url[4200], csv[4200];
    snprintf(url, sizeof url, "sqlite:%s/x.db", test_tmpdir());
    snprintf(csv, sizeof csv, "%s/r.csv", test_tmpdir());
    FILE *f = fopen(csv, "wb");
    ASSERT_TRUE(f != NULL);
    fputs("brin,toestemming,samenwerking,reden_anders,reden_anders_tekst\n"
          "00ZZ00,1,3,1,\"=HYPERLINK(\"\"http://x.example\"\")\"\n"
          "01ZZ00,1,1,,\n",
          f);
    fclose(f);
    samen_store *st = NULL;
    ASSERT_EQ(samen_store_open(url, &st, NULL), SAMEN_OK);
    ASSERT_EQ(samen_import_csv(s, st, 2023, csv, "r.csv", NULL, NULL), SAMEN_OK);
    return st;
}

static int count_files(const char *dir)
{
    DIR *dp = opendir(dir);
    ASSERT_TRUE(dp != NULL);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL)
        n += e->d_name[0] != '.' && strncmp(e->d_name, "x.db", 4) != 0;
    closedir(dp);
    return n;
}

TEST(xlsx_export_writes_a_workbook)
{
    samen_study *s = example();
    samen_store *st = store_with_answers(s);
    char path[4200];
    snprintf(path, sizeof path, "%s/a.xlsx", test_tmpdir());
    long rows = 0;
    samen_export_options opt = {.lang = "en"};
    ASSERT_EQ(samen_export_xlsx(s, st, 2023, path, &opt, &rows, NULL), SAMEN_OK);
    ASSERT_EQ(rows, 2);
    FILE *f = fopen(path, "rb");
    ASSERT_TRUE(f != NULL);
    char magic[4];
    ASSERT_EQ(fread(magic, 1, 4, f), 4);
    fclose(f);
    ASSERT_TRUE(memcmp(magic, "PK\x03\x04", 4) == 0);
    /* Only the CSV and the workbook (and the database): no temporary file left. */
    ASSERT_EQ(count_files(test_tmpdir()), 2);
    samen_store_close(st);
    samen_study_destroy(s);
}

TEST(xlsx_export_failure_leaves_nothing)
{
    samen_study *s = example();
    samen_store *st = store_with_answers(s);
    char path[4200];
    snprintf(path, sizeof path, "%s/missing/dir/a.xlsx", test_tmpdir());
    samen_diag *d = samen_diag_create(4);
    samen_status rc = samen_export_xlsx(s, st, 2023, path, NULL, NULL, d);
    ASSERT_TRUE(rc == SAMEN_EIO);
    ASSERT_CONTAINS(samen_diag_message(d, 0), "a.xlsx: cannot write");
    samen_diag_clear(d);
    ASSERT_EQ(samen_export_xlsx(s, st, 1999, path, NULL, NULL, d), SAMEN_EINVAL);
    ASSERT_STR_EQ(samen_diag_message(d, 0), "--wave: the study has no wave 1999");
    ASSERT_EQ(count_files(test_tmpdir()), 1);
    samen_diag_destroy(d);
    samen_store_close(st);
    samen_study_destroy(s);
}
