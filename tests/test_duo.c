/* test_duo.c - reading DUO's school lists (io/duo/duo_read.c): both header
 * layouts, vestiging suffixes, repeated codes with their lines,
 * samenwerkingsverband lists and contact lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/duo/duo_private.h"
#include "samen/vocab.h"
#include "test.h"

static char *fixture(const char *name, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/fixtures/duo/%s", test_source_dir(), name);
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

static const duo_school *school(const duo_list *l, size_t i)
{
    return (const duo_school *)l->items + i;
}

TEST(duo_both_layouts_give_the_same_schools)
{
    samen_diag *d = samen_diag_create(20);
    duo_list a, b;
    duo_list_init(&a, sizeof(duo_school));
    duo_list_init(&b, sizeof(duo_school));
    size_t la, lb;
    char *old = fixture("adressen-po-oud.csv", &la);
    char *neu = fixture("adressen-po-nieuw.csv", &lb);
    ASSERT_EQ(duo_read_addresses(old, la, "oud", &a, d), SAMEN_OK);
    ASSERT_EQ(duo_read_addresses(neu, lb, "nieuw", &b, d), SAMEN_OK);
    ASSERT_EQ(a.n, 7);
    ASSERT_EQ(b.n, a.n);
    for (size_t i = 0; i < a.n; i++) {
        ASSERT_STR_EQ(school(&a, i)->code, school(&b, i)->code);
        ASSERT_STR_EQ(school(&a, i)->name, school(&b, i)->name);
        ASSERT_EQ(school(&a, i)->sector, school(&b, i)->sector);
        ASSERT_EQ(school(&a, i)->line, (long)i + 2);
    }
    ASSERT_STR_EQ(school(&a, 1)->code, "90ZY01");
    ASSERT_STR_EQ(school(&a, 1)->name, "Fictieve basisschool De Zeester, locatie Duinzicht");
    ASSERT_STR_EQ(school(&a, 3)->name, "Fictieve basisschool Sint-Geërtruida"); /* from CP1252 */
    ASSERT_EQ(school(&a, 2)->sector, SAMEN_SECTOR_PO); /* sbo */
    ASSERT_EQ(school(&a, 4)->sector, SAMEN_SECTOR_SO);
    duo_list_free(&a);
    duo_list_free(&b);
    free(old);
    free(neu);
    samen_diag_destroy(d);
}

TEST(duo_vestiging_codes)
{
    static const char data[] = "INSTELLINGSCODE ; VESTIGINGSCODE;Vestigingsnaam;SOORT INSTELLING\n"
                               "90zy;1;Een;SO/VSO\n"
                               "90ZY;91ZX00;Twee;Bo\n"
                               "90ZY;A;Drie;Bo\n"
                               "9ZY;00;Vier;Bo\n"
                               "91ZY;00;;Bo\n";
    samen_diag *d = samen_diag_create(20);
    duo_list l;
    duo_list_init(&l, sizeof(duo_school));
    ASSERT_EQ(duo_read_addresses(data, strlen(data), "v.csv", &l, d), SAMEN_EVALIDATE);
    ASSERT_EQ(l.n, 1);
    ASSERT_STR_EQ(school(&l, 0)->code, "90ZY01");
    ASSERT_EQ(school(&l, 0)->sector, DUO_SECTOR_SO_OR_VSO);
    ASSERT_EQ(samen_diag_count(d), 4);
    ASSERT_STR_EQ(samen_diag_message(d, 0),
                  "v.csv:3:2: vestiging code '91ZX00' does not belong to BRIN '90ZY'");
    ASSERT_STR_EQ(samen_diag_message(d, 1), "v.csv:4:2: '90ZY A' is not a BRIN vestiging code "
                                            "(two digits, two capitals, two digits)");
    ASSERT_STR_EQ(samen_diag_message(d, 2),
                  "v.csv:5:1: a vestiging suffix '00' needs a 4-character BRIN, not '9ZY'");
    ASSERT_STR_EQ(samen_diag_message(d, 3), "v.csv:6:3: school 91ZY00 has no name");
    duo_list_free(&l);
    samen_diag_destroy(d);
}

TEST(duo_repeated_code_names_its_lines)
{
    samen_diag *d = samen_diag_create(20);
    duo_list l;
    duo_list_init(&l, sizeof(duo_school));
    size_t len;
    char *data = fixture("adressen-dubbel.csv", &len);
    ASSERT_EQ(duo_read_addresses(data, len, "dubbel.csv", &l, d), SAMEN_EVALIDATE);
    ASSERT_EQ(samen_diag_count(d), 1);
    ASSERT_STR_EQ(samen_diag_message(d, 0),
                  "dubbel.csv:5:2: vestiging code 91ZY00 appears twice (also on line 4)");
    duo_list_free(&l);
    free(data);
    samen_diag_destroy(d);
}

TEST(duo_members_and_contacts)
{
    samen_diag *d = samen_diag_create(20);
    duo_list m;
    duo_list_init(&m, sizeof(duo_member));
    size_t len;
    char *data = fixture("swv-po.csv", &len);
    ASSERT_EQ(duo_read_members(data, len, "swv.csv", &m, d), SAMEN_OK);
    ASSERT_EQ(m.n, 7);
    ASSERT_STR_EQ(((duo_member *)m.items)[0].swv, "PO9901");
    free(data);
    duo_list_free(&m);
    static const char conflict[] = "ADMINISTRATIENUMMER;BRIN NUMMER\nPO0001;90ZY\nPO0001;90ZY\n"
                                   "PO0002;90ZY\n";
    ASSERT_EQ(duo_read_members(conflict, strlen(conflict), "c.csv", &m, d), SAMEN_EVALIDATE);
    ASSERT_EQ(samen_diag_count(d), 1);
    ASSERT_STR_EQ(samen_diag_message(d, 0), "c.csv:4:1: 90ZY is listed in samenwerkingsverband "
                                            "PO0002 here and in PO0001 on line 2");
    duo_list_free(&m);
    samen_diag_clear(d);
    duo_list c;
    duo_list_init(&c, sizeof(duo_contact));
    static const char contacts[] = "vestigingscode,E-mail\n90zy00,a@x.example\n90ZY0,b@x.example\n"
                                   "91ZY00,geen adres\n92ZY00,\n90ZY00,c@x.example\n";
    ASSERT_EQ(duo_read_contacts(contacts, strlen(contacts), "k.csv", &c, d), SAMEN_EVALIDATE);
    ASSERT_EQ(samen_diag_count(d), 3);
    ASSERT_STR_EQ(samen_diag_message(d, 0), "k.csv:3:1: '90ZY0' is not a BRIN vestiging code "
                                            "(two digits, two capitals, two digits)");
    ASSERT_STR_EQ(samen_diag_message(d, 1), "k.csv:4:2: 'geen adres' is not an e-mail address");
    ASSERT_STR_EQ(samen_diag_message(d, 2),
                  "k.csv:6:1: vestiging code 90ZY00 appears twice (also on line 2)");
    duo_list_free(&c);
    samen_diag_clear(d);
    static const char nocols[] = "naam;plaats\nX;Y\n";
    ASSERT_EQ(duo_read_contacts(nocols, strlen(nocols), "n.csv", &c, d), SAMEN_EVALIDATE);
    ASSERT_CONTAINS(samen_diag_message(d, 0), "n.csv:1: no column for the vestiging code");
    duo_list_free(&c);
    samen_diag_destroy(d);
}
