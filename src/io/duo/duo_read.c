/* duo_read.c - reading DUO's school lists and contact lists
 * (io/duo/duo_private.h).
 *
 * Rules:
 *  1. Files are read with csvr (';' ',' or tab; UTF-8 with or without BOM,
 *     or CP1252), so every record knows its line.
 *  2. Column names are matched after dropping blanks, '_' and '-' and
 *     ignoring ASCII case, against the aliases in duo_private.h; columns
 *     samen does not use are ignored. Values are trimmed of blanks.
 *  3. A vestiging code is the 6-character VESTIGINGSNUMMER/VESTIGINGSCODE,
 *     which must start with the BRIN when both are given, or the BRIN
 *     followed by a 1- or 2-digit suffix (zero-padded). It must be a BRIN
 *     vestiging code (two digits, two capitals, two digits).
 *  4. In an address file and a contact list every vestiging code appears
 *     once; a repeat is reported at its line, naming the first line.
 *  5. Every problem is reported with file:line:column and reading goes on,
 *     so a user sees all of them.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/duo/duo_private.h"
#include "samen/study.h"
#include "samen/vocab.h"
#include "util/csvr.h"
#include "util/text.h"

enum field { F_BRIN, F_VEST, F_NAME, F_NAME2, F_KIND, F_STRUCT, F_SWV, F_CODE, F_EMAIL, NF };

/* Rule 2: aliases, already normalised. */
static const char *const aliases[NF][5] = {
    [F_BRIN] = {"BRINNUMMER", "BRIN", "INSTELLINGSCODE", NULL},
    [F_VEST] = {"VESTIGINGSNUMMER", "VESTIGINGSCODE", NULL},
    [F_NAME] = {"VESTIGINGSNAAM", "NAAMVESTIGING", NULL},
    [F_NAME2] = {"INSTELLINGSNAAM", "NAAMINSTELLING", NULL},
    [F_KIND] = {"SOORTPO", "SOORTPRIMAIRONDERWIJS", "SOORTINSTELLING", "ONDERWIJSSOORT", NULL},
    [F_STRUCT] = {"ONDERWIJSSTRUCTUUR", NULL},
    [F_SWV] = {"ADMINISTRATIENUMMER", "SAMENWERKINGSVERBAND", "SWV", "SWVCODE", NULL},
    [F_CODE] = {"VESTIGINGSCODE", "BRINVESTIGINGSCODE", "BRIN", "CODE", "VESTIGING"},
    [F_EMAIL] = {"EMAIL", "EMAILADRES", "MAIL", NULL},
};

typedef enum file_kind { K_ADDRESSES, K_MEMBERS, K_CONTACTS } file_kind;

typedef struct reader {
    file_kind kind;
    const char *name;
    duo_list *list;
    samen_diag *d;
    bool header_done;
    bool header_ok;
    size_t ncols;
    int col[NF];
} reader;

void duo_list_init(duo_list *l, size_t size)
{
    l->items = NULL;
    l->n = l->cap = 0;
    l->size = size;
}

void duo_list_free(duo_list *l)
{
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

/* Returns room for one more record (zeroed), or NULL when out of memory. */
static void *list_add(duo_list *l)
{
    if (l->n == l->cap) {
        size_t c = l->cap ? l->cap * 2 : 64;
        void *p = realloc(l->items, c * l->size);
        if (p == NULL)
            return NULL;
        l->items = p;
        l->cap = c;
    }
    void *item = (char *)l->items + l->n++ * l->size;
    memset(item, 0, l->size);
    return item;
}

static void normalise(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    for (; *in && n + 1 < cap; in++) {
        unsigned char c = (unsigned char)*in;
        if (c == ' ' || c == '_' || c == '-' || c == '\t' || c == '.')
            continue;
        out[n++] = (char)toupper(c);
    }
    out[n] = '\0';
}

/* Copies s trimmed of blanks into out (cap bytes, cut at a character). */
static void trim(const char *s, char *out, size_t cap)
{
    while (*s == ' ' || *s == '\t')
        s++;
    text_copy(out, cap, s);
    size_t n = strlen(out);
    while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t'))
        out[--n] = '\0';
}

static void upper(char *s)
{
    for (; *s; s++)
        *s = (char)toupper((unsigned char)*s);
}

static const char *cell(const reader *r, char **f, enum field k)
{
    return r->col[k] >= 0 ? f[r->col[k]] : "";
}

#define AT(k) r->name, line, (long)r->col[k] + 1

static samen_status header(reader *r, long line, size_t n, char **f)
{
    r->header_done = true;
    r->ncols = n;
    for (int k = 0; k < NF; k++)
        r->col[k] = -1;
    for (size_t i = 0; i < n; i++) {
        char norm[128];
        normalise(f[i], norm, sizeof norm);
        for (int k = 0; k < NF; k++) {
            /* Addresses and members take their code from BRIN + VEST; the
             * contact list from CODE. */
            bool wanted = r->kind == K_CONTACTS ? (k == F_CODE || k == F_EMAIL)
                                                : (k != F_CODE && k != F_EMAIL);
            if (!wanted)
                continue;
            for (int a = 0; a < 5 && aliases[k][a] != NULL; a++)
                if (strcmp(norm, aliases[k][a]) == 0 && r->col[k] < 0)
                    r->col[k] = (int)i;
        }
    }
    r->header_ok = true;
    if (r->kind == K_CONTACTS) {
        if (r->col[F_CODE] < 0)
            samen_diag_add(r->d, r->name, line, 0,
                           "no column for the vestiging code (VESTIGINGSCODE, BRIN or CODE)");
        if (r->col[F_EMAIL] < 0)
            samen_diag_add(r->d, r->name, line, 0,
                           "no column for the e-mail address (EMAIL, E-MAIL or EMAILADRES)");
        r->header_ok = r->col[F_CODE] >= 0 && r->col[F_EMAIL] >= 0;
    } else {
        if (r->col[F_BRIN] < 0 && r->col[F_VEST] < 0) {
            samen_diag_add(r->d, r->name, line, 0,
                           "no column for the BRIN code (BRIN NUMMER, BRINNUMMER or "
                           "INSTELLINGSCODE) or the vestiging (VESTIGINGSNUMMER or "
                           "VESTIGINGSCODE)");
            r->header_ok = false;
        }
        if (r->kind == K_ADDRESSES && r->col[F_NAME] < 0 && r->col[F_NAME2] < 0) {
            samen_diag_add(r->d, r->name, line, 0,
                           "no column for the school's name (VESTIGINGSNAAM)");
            r->header_ok = false;
        }
        if (r->kind == K_MEMBERS && r->col[F_SWV] < 0) {
            samen_diag_add(r->d, r->name, line, 0,
                           "no column for the samenwerkingsverband (ADMINISTRATIENUMMER)");
            r->header_ok = false;
        }
    }
    return r->header_ok ? SAMEN_OK : SAMEN_EVALIDATE;
}

/* Rule 3: the vestiging code (or, for members, a bare BRIN) of a record. */
static bool record_code(reader *r, long line, char **f, char code[7], bool bare_brin_ok)
{
    char brin[32], vest[32];
    trim(cell(r, f, F_BRIN), brin, sizeof brin);
    trim(cell(r, f, F_VEST), vest, sizeof vest);
    upper(brin);
    upper(vest);
    size_t nb = strlen(brin), nv = strlen(vest);
    long col = r->col[F_VEST] >= 0 ? r->col[F_VEST] + 1 : r->col[F_BRIN] + 1;
    code[0] = '\0';
    if (nv == 6) {
        if (nb > 0 && strncmp(vest, brin, nb < 4 ? nb : 4) != 0) {
            samen_diag_add(r->d, r->name, line, col,
                           "vestiging code '%s' does not belong to BRIN '%s'", vest, brin);
            return false;
        }
        memcpy(code, vest, 7);
    } else if (nv >= 1 && nv <= 2 && isdigit((unsigned char)vest[0]) &&
               (nv == 1 || isdigit((unsigned char)vest[1]))) {
        if (nb != 4) {
            samen_diag_add(r->d, r->name, line, r->col[F_BRIN] >= 0 ? r->col[F_BRIN] + 1 : 0,
                           "a vestiging suffix '%s' needs a 4-character BRIN, not '%s'", vest,
                           brin);
            return false;
        }
        memcpy(code, brin, 4);
        code[4] = nv == 1 ? '0' : vest[0];
        code[5] = vest[nv - 1];
        code[6] = '\0';
    } else if (nv == 0 && nb == 6) {
        memcpy(code, brin, 7);
    } else if (nv == 0 && nb == 4 && bare_brin_ok) {
        char probe[7];
        snprintf(probe, sizeof probe, "%s00", brin);
        if (!samen_brin_valid(probe)) {
            samen_diag_add(r->d, r->name, line, r->col[F_BRIN] + 1,
                           "'%s' is not a BRIN code (two digits, two capitals)", brin);
            return false;
        }
        memcpy(code, brin, 5);
        return true;
    } else {
        samen_diag_add(r->d, r->name, line, col,
                       "'%s%s%s' is not a BRIN vestiging code (two digits, two capitals, two "
                       "digits)",
                       brin, nb && nv ? " " : "", vest);
        return false;
    }
    if (!samen_brin_valid(code)) {
        samen_diag_add(r->d, r->name, line, col,
                       "'%s' is not a BRIN vestiging code (two digits, two capitals, two digits)",
                       code);
        return false;
    }
    return true;
}

static int kind_sector(const char *kind, bool vo_file)
{
    char k[64];
    normalise(kind, k, sizeof k);
    if (strcmp(k, "BO") == 0 || strcmp(k, "BAO") == 0 || strcmp(k, "BASISONDERWIJS") == 0 ||
        strcmp(k, "SBO") == 0 || strcmp(k, "SBAO") == 0 ||
        strcmp(k, "SPECIAALBASISONDERWIJS") == 0)
        return SAMEN_SECTOR_PO;
    if (strcmp(k, "SO") == 0 || strcmp(k, "SPECIAALONDERWIJS") == 0)
        return SAMEN_SECTOR_SO;
    if (strcmp(k, "VSO") == 0 || strcmp(k, "VOORTGEZETSPECIAALONDERWIJS") == 0)
        return SAMEN_SECTOR_VSO;
    if (strcmp(k, "SO/VSO") == 0 || strcmp(k, "(V)SO") == 0 || strcmp(k, "SOVSO") == 0 ||
        strcmp(k, "WEC") == 0)
        return DUO_SECTOR_SO_OR_VSO;
    if (strcmp(k, "VO") == 0 || vo_file)
        return SAMEN_SECTOR_VO;
    return DUO_SECTOR_UNKNOWN;
}

static samen_status address_row(reader *r, long line, char **f)
{
    char code[7];
    if (!record_code(r, line, f, code, false))
        return SAMEN_OK;
    char name[DUO_NAME_MAX + 1];
    trim(r->col[F_NAME] >= 0 ? cell(r, f, F_NAME) : cell(r, f, F_NAME2), name, sizeof name);
    if (name[0] == '\0') {
        samen_diag_add(r->d, AT(r->col[F_NAME] >= 0 ? F_NAME : F_NAME2),
                       "school %s has no name", code);
        return SAMEN_OK;
    }
    duo_school *s = list_add(r->list);
    if (s == NULL)
        return SAMEN_ENOMEM;
    memcpy(s->code, code, 7);
    memcpy(s->name, name, sizeof name);
    s->sector = kind_sector(cell(r, f, F_KIND), r->col[F_STRUCT] >= 0);
    trim(cell(r, f, F_SWV), s->swv, sizeof s->swv);
    upper(s->swv);
    s->line = line;
    return SAMEN_OK;
}

static samen_status member_row(reader *r, long line, char **f)
{
    char code[7];
    if (!record_code(r, line, f, code, true))
        return SAMEN_OK;
    char swv[64];
    trim(cell(r, f, F_SWV), swv, sizeof swv);
    upper(swv);
    if (swv[0] == '\0' || strlen(swv) > DUO_SWV_MAX) {
        samen_diag_add(r->d, AT(F_SWV), "'%s' is not a samenwerkingsverband code (such as PO2707)",
                       swv);
        return SAMEN_OK;
    }
    duo_member *m = list_add(r->list);
    if (m == NULL)
        return SAMEN_ENOMEM;
    memcpy(m->code, code, sizeof m->code);
    memcpy(m->swv, swv, strlen(swv) + 1);
    m->line = line;
    return SAMEN_OK;
}

static samen_status contact_row(reader *r, long line, char **f)
{
    char code[32], email[300];
    trim(cell(r, f, F_CODE), code, sizeof code);
    upper(code);
    trim(cell(r, f, F_EMAIL), email, sizeof email);
    if (!samen_brin_valid(code)) {
        samen_diag_add(r->d, AT(F_CODE),
                       "'%s' is not a BRIN vestiging code (two digits, two capitals, two digits)",
                       code);
        return SAMEN_OK;
    }
    if (email[0] == '\0')
        return SAMEN_OK; /* no address: nothing to set */
    if (strchr(email, '@') == NULL || strchr(email, ' ') != NULL || strlen(email) > 254) {
        samen_diag_add(r->d, AT(F_EMAIL), "'%s' is not an e-mail address", email);
        return SAMEN_OK;
    }
    duo_contact *c = list_add(r->list);
    if (c == NULL)
        return SAMEN_ENOMEM;
    memcpy(c->code, code, 7);
    memcpy(c->email, email, strlen(email) + 1);
    c->line = line;
    c->column = r->col[F_EMAIL] + 1;
    return SAMEN_OK;
}

static samen_status on_record(void *ctx, long line, size_t n, char **f)
{
    reader *r = ctx;
    if (!r->header_done)
        return header(r, line, n, f);
    if (n == 1 && f[0][0] == '\0')
        return SAMEN_OK; /* a blank line */
    if (n != r->ncols) {
        samen_diag_add(r->d, r->name, line, 0, "%zu fields where the header has %zu", n,
                       r->ncols);
        return SAMEN_OK;
    }
    switch (r->kind) {
    case K_ADDRESSES: return address_row(r, line, f);
    case K_MEMBERS: return member_row(r, line, f);
    default: return contact_row(r, line, f);
    }
}

/* ---- rule 4: repeated codes ------------------------------------------------- */

typedef struct keyed {
    const char *code;
    long line;
    size_t index;
} keyed;

static int keyed_cmp(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->code, y->code);
    return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

/* Reports every repeat in list (codes at offset code_off of each record,
 * lines at line_off). For members, a repeat naming the same
 * samenwerkingsverband is allowed. */
static samen_status find_repeats(reader *r, size_t code_off, size_t line_off, int col)
{
    duo_list *l = r->list;
    if (l->n < 2)
        return SAMEN_OK;
    keyed *k = malloc(l->n * sizeof *k);
    if (k == NULL)
        return SAMEN_ENOMEM;
    for (size_t i = 0; i < l->n; i++) {
        const char *item = (const char *)l->items + i * l->size;
        k[i].code = item + code_off;
        memcpy(&k[i].line, item + line_off, sizeof k[i].line);
        k[i].index = i;
    }
    qsort(k, l->n, sizeof *k, keyed_cmp);
    size_t first = 0; /* the first record of the current run of equal codes */
    for (size_t i = 1; i < l->n; i++) {
        if (strcmp(k[first].code, k[i].code) != 0) {
            first = i;
            continue;
        }
        if (r->kind == K_MEMBERS) {
            const duo_member *a = (const duo_member *)l->items + k[first].index;
            const duo_member *b = (const duo_member *)l->items + k[i].index;
            if (strcmp(a->swv, b->swv) == 0)
                continue;
            samen_diag_add(r->d, r->name, k[i].line, r->col[F_SWV] + 1,
                           "%s is listed in samenwerkingsverband %s here and in %s on line %ld",
                           b->code, b->swv, a->swv, k[first].line);
            continue;
        }
        samen_diag_add(r->d, r->name, k[i].line, col + 1,
                       "vestiging code %s appears twice (also on line %ld)", k[i].code,
                       k[first].line);
    }
    free(k);
    return SAMEN_OK;
}

static samen_status read_all(const char *data, size_t len, const char *name, file_kind kind,
                             duo_list *list, samen_diag *d)
{
    reader r = {.kind = kind, .name = name, .list = list, .d = d};
    size_t before = samen_diag_count(d);
    samen_status st = csvr_read_buffer(data, len, name, on_record, &r, NULL, d);
    if (st == SAMEN_OK && !r.header_done) {
        samen_diag_add(d, name, 0, 0, "the file is empty");
        st = SAMEN_EVALIDATE;
    }
    if (st == SAMEN_OK) {
        if (kind == K_ADDRESSES)
            st = find_repeats(&r, offsetof(duo_school, code), offsetof(duo_school, line),
                              r.col[F_VEST] >= 0 ? r.col[F_VEST] : r.col[F_BRIN]);
        else if (kind == K_MEMBERS)
            st = find_repeats(&r, offsetof(duo_member, code), offsetof(duo_member, line),
                              r.col[F_SWV]);
        else
            st = find_repeats(&r, offsetof(duo_contact, code), offsetof(duo_contact, line),
                              r.col[F_CODE]);
    }
    if (st == SAMEN_OK && samen_diag_count(d) > before)
        st = SAMEN_EVALIDATE;
    return st;
}

samen_status duo_read_addresses(const char *data, size_t len, const char *name,
                                duo_list *schools, samen_diag *d)
{
    return read_all(data, len, name, K_ADDRESSES, schools, d);
}

samen_status duo_read_members(const char *data, size_t len, const char *name,
                              duo_list *members, samen_diag *d)
{
    return read_all(data, len, name, K_MEMBERS, members, d);
}

samen_status duo_read_contacts(const char *data, size_t len, const char *name,
                               duo_list *contacts, samen_diag *d)
{
    return read_all(data, len, name, K_CONTACTS, contacts, d);
}
