/* duo_write.c - merging DUO's school lists and a contact list into a
 * study's schools file (samen_schools_import in samen/interchange.h).
 *
 * Rules:
 *  1. The schools file is the one study.yaml names (default schools.csv).
 *     Its schools are kept; DUO's data update their name, sector and
 *     region; new schools are added.
 *  2. A DUO school belongs to the study when its samenwerkingsverband (from
 *     the address file itself, else from the samenwerkingsverband list, by
 *     vestiging code, else by BRIN) is a region code of the study (ASCII
 *     case ignored), or when it is already in the schools file (it then
 *     keeps its region). Other schools are counted and left out.
 *  3. The sector is the file's (bo and sbo are po; so; vso; vo files are
 *     vo); when the file does not say, it is the region's sector, and
 *     "so/vso" is so in a po region and vso in a vo region. It must fit the
 *     region as schools.csv demands (po region: po or so; vo region: vo or
 *     vso).
 *  4. E-mail addresses come only from the contact list (DUO publishes
 *     none); an address for a school not in the study is counted and
 *     ignored.
 *  5. All or nothing: every problem of every file is reported with its
 *     file:line:column; then nothing is written. Otherwise the new file
 *     (sorted by vestiging code, quoted by libcsv) is written next to the
 *     old one and renamed into place.
 */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/duo/duo_private.h"
#include "samen/interchange.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/yamlx.h"

typedef struct entry {
    char code[7];
    char name[DUO_NAME_MAX + 1];
    int sector;
    size_t region;
    char email[255];
    enum { E_KEPT, E_UPDATED, E_ADDED } state;
} entry;

static samen_status read_file(const char *path, buf *b, samen_diag *d)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        samen_diag_add(d, path, 0, 0, "cannot open the file: %s", strerror(errno));
        return SAMEN_ENOTFOUND;
    }
    char chunk[1 << 16];
    samen_status st = SAMEN_OK;
    for (size_t n = fread(chunk, 1, sizeof chunk, f); n > 0 && st == SAMEN_OK;
         n = fread(chunk, 1, sizeof chunk, f))
        st = buf_append(b, chunk, n);
    if (st == SAMEN_OK && ferror(f))
        st = SAMEN_EIO;
    fclose(f);
    if (st == SAMEN_ETOOBIG)
        samen_diag_add(d, path, 0, 0, "the file is larger than the limit of %zu bytes", b->max);
    else if (st != SAMEN_OK)
        samen_diag_add(d, path, 0, 0, "cannot read the file");
    return st;
}

/* Rule 1: the schools file study.yaml names. */
static samen_status schools_path(const samen_study *s, char *out, size_t cap, samen_diag *d)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", samen_study_dir(s), SAMEN_STUDY_FILE);
    yx_doc *doc = NULL;
    samen_status st = yx_load_file(path, SAMEN_STUDY_FILE, &doc, d);
    if (st != SAMEN_OK)
        return st;
    const char *file = "schools.csv";
    yx_get_string(doc, yx_root(doc), "schools", false, &file, d);
    if ((size_t)snprintf(out, cap, "%s/%s", samen_study_dir(s), file) >= cap)
        st = SAMEN_EINVAL;
    yx_destroy(doc);
    return st;
}

static int entry_cmp(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->code, ((const entry *)b)->code);
}

static int member_cmp(const void *a, const void *b)
{
    return strcmp(((const duo_member *)a)->code, ((const duo_member *)b)->code);
}

static const duo_member *find_member(const duo_list *members, const char *code)
{
    duo_member key;
    memset(&key, 0, sizeof key);
    text_copy(key.code, sizeof key.code, code);
    return bsearch(&key, members->items, members->n, sizeof key, member_cmp);
}

static long find_region(const samen_study *s, const char *code)
{
    for (size_t i = 0; i < samen_study_nregions(s); i++)
        if (text_ieq(samen_study_region(s, i)->code, code))
            return (long)i;
    return -1;
}

static bool sector_fits(int region_sector, int sector)
{
    return region_sector == SAMEN_SECTOR_PO
               ? (sector == SAMEN_SECTOR_PO || sector == SAMEN_SECTOR_SO)
               : (sector == SAMEN_SECTOR_VO || sector == SAMEN_SECTOR_VSO);
}

/* Rules 2 and 3: one DUO school into the list of entries. */
static void merge_school(const samen_study *s, const duo_school *ds, const duo_list *members,
                         const char *duo_name, entry *entries, size_t *n,
                         samen_schools_result *res, samen_diag *d)
{
    const char *swv = ds->swv;
    if (swv[0] == '\0' && members->n > 0) {
        const duo_member *m = find_member(members, ds->code);
        if (m == NULL) {
            char brin[5];
            memcpy(brin, ds->code, 4);
            brin[4] = '\0';
            m = find_member(members, brin);
        }
        swv = m ? m->swv : "";
    }
    long region = swv[0] ? find_region(s, swv) : -1;
    long existing = samen_study_find_school(s, ds->code);
    if (region < 0 && existing < 0) {
        res->outside++;
        return;
    }
    if (region < 0)
        region = (long)samen_study_school(s, (size_t)existing)->region;
    const samen_region_info *reg = samen_study_region(s, (size_t)region);
    int sector = ds->sector;
    if (sector == DUO_SECTOR_UNKNOWN)
        sector = reg->sector;
    else if (sector == DUO_SECTOR_SO_OR_VSO)
        sector = reg->sector == SAMEN_SECTOR_PO ? SAMEN_SECTOR_SO : SAMEN_SECTOR_VSO;
    if (!sector_fits(reg->sector, sector)) {
        samen_diag_add(d, duo_name, ds->line, 0, "school %s is a %s school and cannot belong to "
                       "%s region %s", ds->code, samen_vocab_code(SAMEN_ATTR_SECTOR, sector),
                       samen_vocab_code(SAMEN_ATTR_SECTOR, reg->sector), reg->code);
        return;
    }
    entry *e;
    if (existing >= 0) {
        e = &entries[existing];
        if (strcmp(e->name, ds->name) == 0 && e->sector == sector && e->region == (size_t)region)
            return;
        e->state = E_UPDATED;
    } else {
        e = &entries[(*n)++];
        memcpy(e->code, ds->code, sizeof e->code);
        e->email[0] = '\0';
        e->state = E_ADDED;
    }
    text_copy(e->name, sizeof e->name, ds->name);
    e->sector = sector;
    e->region = (size_t)region;
}

/* Quotes (with libcsv) only the fields that need it. */
static void put_field(FILE *f, const char *s, bool last)
{
    size_t n = strlen(s);
    if (strpbrk(s, ",;\"\r\n\t") != NULL || (n > 0 && (s[0] == ' ' || s[n - 1] == ' ')))
        csv_fwrite(f, s, n);
    else
        fputs(s, f);
    fputc(last ? '\n' : ',', f);
}

static samen_status write_schools(const samen_study *s, const char *path, const entry *e,
                                  size_t n, samen_diag *d)
{
    char tmp[4300];
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (f == NULL) {
        samen_diag_add(d, path, 0, 0, "cannot write: %s", strerror(errno));
        return SAMEN_EIO;
    }
    fputs("brin,name,sector,region,email\n", f);
    for (size_t i = 0; i < n; i++) {
        put_field(f, e[i].code, false);
        put_field(f, e[i].name, false);
        put_field(f, samen_vocab_code(SAMEN_ATTR_SECTOR, e[i].sector), false);
        put_field(f, samen_study_region(s, e[i].region)->code, false);
        put_field(f, e[i].email, true);
    }
    int bad = ferror(f) != 0;
    bad |= fclose(f) != 0;
    if (bad || rename(tmp, path) != 0) {
        samen_diag_add(d, path, 0, 0, "cannot write: %s", strerror(errno));
        unlink(tmp);
        return SAMEN_EIO;
    }
    return SAMEN_OK;
}

samen_status samen_schools_import(const samen_study *s, const samen_schools_sources *src,
                                  samen_schools_result *res, samen_diag *d)
{
    samen_schools_result local;
    if (res == NULL)
        res = &local;
    memset(res, 0, sizeof *res);
    if (src == NULL || src->duo == NULL) {
        samen_diag_add(d, "--duo", 0, 0, "a DUO school list is required");
        return SAMEN_EUSAGE;
    }
    char path[4200];
    samen_status st = schools_path(s, path, sizeof path, d);
    if (st != SAMEN_OK)
        return st;
    size_t before = samen_diag_count(d);
    duo_list schools, members, contacts;
    duo_list_init(&schools, sizeof(duo_school));
    duo_list_init(&members, sizeof(duo_member));
    duo_list_init(&contacts, sizeof(duo_contact));
    buf b;
    buf_init(&b, SAMEN_SCHOOLS_MAX_BYTES);
    entry *entries = NULL;
    samen_status rc = SAMEN_OK;
    /* Rule 5: every file is read and checked before anything is decided. */
    const char *paths[3] = {src->duo, src->swv, src->contacts};
    for (int k = 0; k < 3; k++) {
        if (paths[k] == NULL)
            continue;
        buf_reset(&b);
        st = read_file(paths[k], &b, d);
        if (st == SAMEN_OK && k == 0)
            st = duo_read_addresses(buf_str(&b), b.len, paths[k], &schools, d);
        else if (st == SAMEN_OK && k == 1)
            st = duo_read_members(buf_str(&b), b.len, paths[k], &members, d);
        else if (st == SAMEN_OK)
            st = duo_read_contacts(buf_str(&b), b.len, paths[k], &contacts, d);
        if (st != SAMEN_OK && (rc == SAMEN_OK || rc == SAMEN_EVALIDATE))
            rc = st;
    }
    buf_free(&b);
    if (rc != SAMEN_OK)
        goto out;
    if (members.n > 1)
        qsort(members.items, members.n, sizeof(duo_member), member_cmp);
    size_t ns = samen_study_nschools(s), n = ns;
    entries = calloc(ns + schools.n + 1, sizeof *entries);
    if (entries == NULL) {
        rc = SAMEN_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < ns; i++) {
        const samen_school_info *sc = samen_study_school(s, i);
        text_copy(entries[i].code, sizeof entries[i].code, sc->brin);
        text_copy(entries[i].name, sizeof entries[i].name, sc->name);
        text_copy(entries[i].email, sizeof entries[i].email, sc->email);
        entries[i].sector = sc->sector;
        entries[i].region = sc->region;
        entries[i].state = E_KEPT;
    }
    for (size_t i = 0; i < schools.n; i++)
        merge_school(s, (const duo_school *)schools.items + i, &members, src->duo, entries, &n,
                     res, d);
    qsort(entries, n, sizeof *entries, entry_cmp);
    for (size_t i = 0; i < contacts.n; i++) { /* rule 4 */
        const duo_contact *c = (const duo_contact *)contacts.items + i;
        entry key;
        memset(&key, 0, sizeof key);
        memcpy(key.code, c->code, sizeof key.code);
        entry *e = bsearch(&key, entries, n, sizeof *entries, entry_cmp);
        if (e == NULL) {
            res->contacts_unused++;
            continue;
        }
        res->contacts++;
        if (strcmp(e->email, c->email) != 0) {
            text_copy(e->email, sizeof e->email, c->email);
            if (e->state == E_KEPT)
                e->state = E_UPDATED;
        }
    }
    if (samen_diag_count(d) > before) {
        rc = SAMEN_EVALIDATE;
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        res->added += entries[i].state == E_ADDED;
        res->updated += entries[i].state == E_UPDATED;
        res->unchanged += entries[i].state == E_KEPT;
    }
    res->total = (long)n;
    rc = write_schools(s, path, entries, n, d);
out:
    if (rc != SAMEN_OK) {
        long outside = res->outside;
        memset(res, 0, sizeof *res);
        res->outside = outside;
    }
    free(entries);
    duo_list_free(&schools);
    duo_list_free(&members);
    duo_list_free(&contacts);
    return rc;
}
