/* fuzz_duo.c - libFuzzer target for the DUO school-list readers
 * (io/duo/duo_read.c): the same bytes as an address file, a
 * samenwerkingsverband list and a contact list. Every record a reader
 * keeps must hold a well-formed code.
 *   scripts/fuzz.sh SECONDS    builds and runs it (seeds: tests/fixtures/duo)
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "io/duo/duo_private.h"
#include "samen/study.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    samen_diag *d = samen_diag_create(8);
    duo_list schools, members, contacts;
    duo_list_init(&schools, sizeof(duo_school));
    duo_list_init(&members, sizeof(duo_member));
    duo_list_init(&contacts, sizeof(duo_contact));
    duo_read_addresses((const char *)data, size, "a.csv", &schools, d);
    duo_read_members((const char *)data, size, "m.csv", &members, d);
    duo_read_contacts((const char *)data, size, "c.csv", &contacts, d);
    for (size_t i = 0; i < schools.n; i++) {
        const duo_school *s = (const duo_school *)schools.items + i;
        if (!samen_brin_valid(s->code) || s->name[0] == '\0' || strlen(s->name) > DUO_NAME_MAX)
            __builtin_trap();
    }
    for (size_t i = 0; i < members.n; i++) {
        const duo_member *m = (const duo_member *)members.items + i;
        if (strlen(m->code) != 4 && !samen_brin_valid(m->code))
            __builtin_trap();
    }
    for (size_t i = 0; i < contacts.n; i++) {
        const duo_contact *c = (const duo_contact *)contacts.items + i;
        if (!samen_brin_valid(c->code) || strchr(c->email, '@') == NULL)
            __builtin_trap();
    }
    duo_list_free(&schools);
    duo_list_free(&members);
    duo_list_free(&contacts);
    samen_diag_destroy(d);
    return 0;
}
