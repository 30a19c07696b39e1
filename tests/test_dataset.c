/* test_dataset.c - the columnar dataset, its CSV reader, and the dataset
 * built from a study's stored responses. */
#include <math.h>

#include "samen/dataset.h"
#include "samen/interchange.h"
#include "test.h"

static const char *write_tmp(const char *name, const char *text)
{
    static char path[4200];
    snprintf(path, sizeof path, "%s/%s", test_tmpdir(), name);
    FILE *f = fopen(path, "w");
    ASSERT_TRUE(f != NULL);
    fputs(text, f);
    fclose(f);
    return path;
}

TEST(dataset_stores_codes_numbers_and_missing)
{
    samen_dataset *ds = samen_dataset_create(3);
    size_t a, b;
    ASSERT_EQ(samen_dataset_add_var(ds, "a", SAMEN_COLUMN_CODE, &a), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_var(ds, "b", SAMEN_COLUMN_NUMBER, &b), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_var(ds, "A", SAMEN_COLUMN_CODE, &b), SAMEN_EEXIST);
    ASSERT_EQ(samen_dataset_set(ds, a, 0, 3), SAMEN_OK);
    ASSERT_EQ(samen_dataset_set(ds, a, 1, 9), SAMEN_OK);
    ASSERT_EQ(samen_dataset_set(ds, a, 2, 2.5), SAMEN_EINVAL);
    ASSERT_EQ(samen_dataset_set(ds, a, 2, 40000), SAMEN_EINVAL);
    ASSERT_EQ(samen_dataset_set(ds, b, 0, 2.5), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_missing(ds, a, 9), SAMEN_OK);
    ASSERT_EQ(samen_dataset_add_value_label(ds, a, 3, "Erg van toepassing"), SAMEN_OK);
    ASSERT_EQ(samen_dataset_get(ds, a, 0), 3);
    ASSERT_TRUE(isnan(samen_dataset_get(ds, a, 2)));
    ASSERT_TRUE(samen_dataset_is_valid(ds, a, 0));
    ASSERT_TRUE(!samen_dataset_is_valid(ds, a, 1)); /* user-missing */
    ASSERT_TRUE(!samen_dataset_is_valid(ds, a, 2)); /* system-missing */
    ASSERT_STR_EQ(samen_dataset_label_of(ds, a, 3), "Erg van toepassing");
    ASSERT_EQ(samen_dataset_get(ds, b, 0), 2.5);
    ASSERT_TRUE(samen_dataset_codes(ds, a) != NULL && samen_dataset_numbers(ds, a) == NULL);
    samen_dataset_destroy(ds);
}

TEST(dataset_reads_plain_csv)
{
    const char *path = write_tmp("d.csv", "x,y,z\n1,2.5,\n9,3,7\n,-1,40000\n");
    double missing[] = {9};
    samen_diag *d = samen_diag_create(10);
    samen_dataset *ds = NULL;
    ASSERT_EQ(samen_dataset_read_csv(path, "d.csv", missing, 1, &ds, d), SAMEN_OK);
    ASSERT_EQ(samen_dataset_ncases(ds), 3);
    ASSERT_EQ(samen_dataset_var_kind(ds, 0), SAMEN_COLUMN_CODE);
    ASSERT_EQ(samen_dataset_var_kind(ds, 1), SAMEN_COLUMN_NUMBER);
    ASSERT_EQ(samen_dataset_var_kind(ds, 2), SAMEN_COLUMN_NUMBER); /* 40000 */
    ASSERT_TRUE(!samen_dataset_is_valid(ds, 0, 1));
    ASSERT_TRUE(isnan(samen_dataset_get(ds, 0, 2)));
    ASSERT_EQ(samen_dataset_get(ds, 1, 2), -1);
    samen_dataset_destroy(ds);
    path = write_tmp("bad.csv", "x,y\n1,2\n3,twee\n");
    ASSERT_EQ(samen_dataset_read_csv(path, "bad.csv", NULL, 0, &ds, d), SAMEN_EVALIDATE);
    ASSERT_STR_EQ(samen_diag_message(d, 0), "bad.csv:3:2: y: 'twee' is not a number");
    samen_diag_destroy(d);
}
