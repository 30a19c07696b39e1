/* duo_private.h - reading DUO's open-data school lists and a contact list
 * (duo_read.c), merged into a study's schools file by duo_write.c.
 *
 * DUO (Dienst Uitvoering Onderwijs) publishes, as ';'-separated CSV in
 * CP1252 or UTF-8, the addresses of every school location ("Adressen alle
 * vestigingen", po and vo) and which locations belong to which
 * samenwerkingsverband passend onderwijs. Column names vary between years
 * and files; they are matched after dropping blanks, '_' and '-' and
 * ignoring case, with these aliases:
 *   BRIN:       BRIN NUMMER, BRINNUMMER, BRIN, INSTELLINGSCODE
 *   vestiging:  VESTIGINGSNUMMER, VESTIGINGSCODE (the 6-character code, or
 *               only its 2-digit suffix)
 *   name:       VESTIGINGSNAAM, NAAM VESTIGING (else INSTELLINGSNAAM)
 *   kind:       SOORT PO, SOORT PRIMAIR ONDERWIJS, SOORT INSTELLING,
 *               ONDERWIJSSOORT (bo, sbo, so, vso, so/vso); a column
 *               ONDERWIJSSTRUCTUUR marks a vo file
 *   swv:        ADMINISTRATIENUMMER, SAMENWERKINGSVERBAND, SWV (PO2707)
 * DUO publishes no e-mail addresses: those come from a separate contact
 * list with a vestiging code column (VESTIGINGSCODE, BRIN, CODE) and an
 * e-mail column (EMAIL, E-MAIL, EMAILADRES).
 */
#ifndef SAMEN_IO_DUO_PRIVATE_H
#define SAMEN_IO_DUO_PRIVATE_H

#include <stddef.h>

#include "samen/diag.h"
#include "samen/status.h"

#define DUO_NAME_MAX 200
#define DUO_SWV_MAX 16

/* Sector as far as the file tells: a samen_sector, or one of these. */
#define DUO_SECTOR_UNKNOWN (-1)   /* decided by the region's sector */
#define DUO_SECTOR_SO_OR_VSO (-2) /* so in a po region, vso in a vo region */

typedef struct duo_school {
    char code[7];               /* BRIN vestiging code, e.g. 12AB00 */
    char name[DUO_NAME_MAX + 1];
    int sector;
    char swv[DUO_SWV_MAX + 1];  /* samenwerkingsverband if the file names it, else "" */
    long line;
} duo_school;

/* An entry of a samenwerkingsverband list: a whole BRIN (4 characters) or
 * one vestiging (6) belongs to swv. */
typedef struct duo_member {
    char code[7];
    char swv[DUO_SWV_MAX + 1];
    long line;
} duo_member;

typedef struct duo_contact {
    char code[7];
    char email[255];
    long line;
    long column;                /* of the e-mail address */
} duo_contact;

/* A growable list of one of the three record types. */
typedef struct duo_list {
    void *items;
    size_t n, cap, size;
} duo_list;

/* Initialises l as an empty list of records of size bytes each. */
void duo_list_init(duo_list *l, size_t size);
void duo_list_free(duo_list *l);

/* Reads a DUO address file in data[0..len) (named name in messages) into
 * schools (a list of duo_school). Every problem (missing columns, a bad or
 * repeated vestiging code, a missing name) is added to d with its line and
 * column; returns SAMEN_EVALIDATE when there were any, SAMEN_EPARSE for a
 * malformed file. */
samen_status duo_read_addresses(const char *data, size_t len, const char *name,
                                duo_list *schools, samen_diag *d);

/* Reads a samenwerkingsverband list into members (duo_member). A code
 * listed twice with different samenwerkingsverbanden is an error. */
samen_status duo_read_members(const char *data, size_t len, const char *name,
                              duo_list *members, samen_diag *d);

/* Reads a contact list into contacts (duo_contact). A code listed twice,
 * a malformed code or address are errors. */
samen_status duo_read_contacts(const char *data, size_t len, const char *name,
                               duo_list *contacts, samen_diag *d);

#endif
