/* study.c - loading and validating a study directory (samen/study.h,
 * docs/STUDY.md).
 *
 * Order: study.yaml (header, waves, regions), then each wave's instrument,
 * then schools.csv against the regions. All problems are collected; the
 * study loads only when there are none.
 */
#include "samen/study.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/arena.h"
#include "util/csvr.h"
#include "util/text.h"
#include "util/yamlx.h"

struct samen_study {
    arena *a;
    const char *dir;
    const char *id;
    const char *name_nl;
    const char *name_en;
    bool synthetic;
    size_t nwaves;
    samen_wave_info *waves;
    samen_instrument **instruments;
    size_t nregions;
    samen_region_info *regions;
    size_t nschools, cschools;
    samen_school_info *schools;
};

bool samen_brin_valid(const char *c)
{
    return c != NULL && strlen(c) == 6 && isdigit((unsigned char)c[0]) &&
           isdigit((unsigned char)c[1]) && isupper((unsigned char)c[2]) &&
           isupper((unsigned char)c[3]) && isdigit((unsigned char)c[4]) &&
           isdigit((unsigned char)c[5]);
}

static bool region_code_valid(const char *c)
{
    size_t n = strlen(c);
    if (n < 1 || n > 16)
        return false;
    for (; *c; c++)
        if (!(isalnum((unsigned char)*c) || *c == '-'))
            return false;
    return true;
}

static const char *path_join(arena *a, const char *dir, const char *file)
{
    size_t n = strlen(dir) + strlen(file) + 2;
    char *p = arena_alloc(a, n);
    if (p != NULL)
        snprintf(p, n, "%s/%s", dir, file);
    return p;
}

/* ---- study.yaml ------------------------------------------------------------ */

static void parse_regions(samen_study *s, yx_doc *doc, yaml_node_t *node, samen_diag *d)
{
    static const char *const keys[] = {"code", "name", "sector", "governance", "situation",
                                       "pair", "note", NULL};
    if (!yx_is_seq(node) || yx_seq_len(node) == 0) {
        yx_error(doc, node, d, "regions must be a non-empty list");
        return;
    }
    size_t n = yx_seq_len(node);
    s->regions = arena_alloc(s->a, n * sizeof *s->regions);
    if (s->regions == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *rn = yx_seq_at(doc, node, i);
        if (!yx_is_map(rn)) {
            yx_error(doc, rn, d, "a region must be a mapping");
            continue;
        }
        yx_check_keys(doc, rn, keys, d);
        samen_region_info *r = &s->regions[s->nregions++];
        const char *code = "", *name = "", *sector = NULL, *gov = NULL, *sit = NULL, *pair = NULL;
        yx_get_string(doc, rn, "code", true, &code, d);
        yx_get_string(doc, rn, "name", true, &name, d);
        yx_get_string(doc, rn, "sector", true, &sector, d);
        yx_get_string(doc, rn, "governance", true, &gov, d);
        yx_get_string(doc, rn, "situation", true, &sit, d);
        yx_get_string(doc, rn, "pair", false, &pair, d);
        r->code = arena_strdup(s->a, code);
        r->name = arena_strdup(s->a, name);
        r->pair = arena_strdup(s->a, pair);
        if (!region_code_valid(code))
            yx_error(doc, yx_get(doc, rn, "code"), d,
                     "region code '%s' must be 1-16 letters, digits or '-'", code);
        for (size_t j = 0; j + 1 < s->nregions; j++)
            if (strcmp(s->regions[j].code, code) == 0)
                yx_error(doc, yx_get(doc, rn, "code"), d, "duplicate region code '%s'", code);
        r->sector = samen_vocab_lookup(SAMEN_ATTR_SECTOR, sector);
        if (sector != NULL && r->sector != SAMEN_SECTOR_PO && r->sector != SAMEN_SECTOR_VO)
            yx_error(doc, yx_get(doc, rn, "sector"), d, "a region's sector is po or vo, not '%s'",
                     sector);
        r->governance = samen_vocab_lookup(SAMEN_ATTR_GOVERNANCE, gov);
        if (gov != NULL && r->governance < 0)
            yx_error(doc, yx_get(doc, rn, "governance"), d,
                     "governance is central or decentral, not '%s'", gov);
        r->situation = samen_vocab_lookup(SAMEN_ATTR_SITUATION, sit);
        if (sit != NULL && r->situation < 0)
            yx_error(doc, yx_get(doc, rn, "situation"), d, "'%s' is not a situation", sit);
        if (pair != NULL && r->situation != SAMEN_SITUATION_PO_VO)
            yx_error(doc, yx_get(doc, rn, "pair"), d, "only po_vo regions are paired");
    }
    /* A pair joins exactly one po and one vo region. */
    for (size_t i = 0; i < s->nregions; i++) {
        const samen_region_info *r = &s->regions[i];
        if (r->pair == NULL)
            continue;
        int po = 0, vo = 0;
        for (size_t j = 0; j < s->nregions; j++)
            if (s->regions[j].pair != NULL && strcmp(s->regions[j].pair, r->pair) == 0) {
                po += s->regions[j].sector == SAMEN_SECTOR_PO;
                vo += s->regions[j].sector == SAMEN_SECTOR_VO;
            }
        if (po != 1 || vo != 1)
            yx_error(doc, yx_get(doc, yx_seq_at(doc, node, i), "pair"), d,
                     "pair '%s' must join one po and one vo region (has %d po, %d vo)", r->pair,
                     po, vo);
    }
}

static void parse_waves(samen_study *s, yx_doc *doc, yaml_node_t *node, samen_diag *d)
{
    static const char *const keys[] = {"id", "instrument", "note", NULL};
    if (!yx_is_seq(node) || yx_seq_len(node) == 0) {
        yx_error(doc, node, d, "waves must be a non-empty list of {id, instrument}");
        return;
    }
    size_t n = yx_seq_len(node);
    s->waves = arena_alloc(s->a, n * sizeof *s->waves);
    s->instruments = arena_alloc(s->a, n * sizeof *s->instruments);
    if (s->waves == NULL || s->instruments == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *wn = yx_seq_at(doc, node, i);
        if (!yx_is_map(wn)) {
            yx_error(doc, wn, d, "a wave must be {id: YEAR, instrument: FILE}");
            continue;
        }
        yx_check_keys(doc, wn, keys, d);
        long year = 0;
        const char *file = NULL;
        if (yx_get_long(doc, wn, "id", true, &year, d) && (year < 1990 || year > 2100))
            yx_error(doc, yx_get(doc, wn, "id"), d, "a wave id is a year (1990-2100)");
        yx_get_string(doc, wn, "instrument", true, &file, d);
        for (size_t j = 0; j < s->nwaves; j++)
            if (s->waves[j].year == year)
                yx_error(doc, yx_get(doc, wn, "id"), d, "duplicate wave %ld", year);
        if (file == NULL)
            continue;
        if (strstr(file, "..") != NULL || file[0] == '/') {
            yx_error(doc, yx_get(doc, wn, "instrument"), d,
                     "the instrument must be a path inside the study directory");
            continue;
        }
        samen_wave_info *w = &s->waves[s->nwaves];
        w->year = (int)year;
        w->instrument_file = arena_strdup(s->a, file);
        samen_instrument *inst = NULL;
        const char *path = path_join(s->a, s->dir, file);
        if (path == NULL ||
            samen_instrument_load(path, w->instrument_file, &inst, d) != SAMEN_OK)
            continue;
        if (samen_instrument_wave(inst) != w->year)
            yx_error(doc, yx_get(doc, wn, "instrument"), d,
                     "instrument %s is for wave %d, not %d", file, samen_instrument_wave(inst),
                     w->year);
        s->instruments[s->nwaves] = inst;
        w->instrument = inst;
        s->nwaves++;
    }
}

/* ---- schools.csv ------------------------------------------------------------ */

enum { COL_BRIN, COL_NAME, COL_SECTOR, COL_REGION, COL_EMAIL, NCOLS };
static const char *const school_columns[NCOLS] = {"brin", "name", "sector", "region", "email"};

typedef struct school_reader {
    samen_study *s;
    const char *name;
    samen_diag *d;
    int col[NCOLS];      /* field index of each column, -1 if absent */
    size_t ncols;        /* fields in the header */
    bool header_done;
    bool header_ok;
} school_reader;

static samen_status school_row(void *ctx, long line, size_t n, char **f)
{
    school_reader *r = ctx;
    samen_study *s = r->s;
    if (!r->header_done) {
        r->header_done = true;
        r->header_ok = true;
        for (int c = 0; c < NCOLS; c++)
            r->col[c] = -1;
        for (size_t i = 0; i < n; i++) {
            int c;
            for (c = 0; c < NCOLS; c++)
                if (strcmp(f[i], school_columns[c]) == 0)
                    break;
            if (c == NCOLS) {
                samen_diag_add(r->d, r->name, line, (long)i + 1,
                               "unknown column '%s' (expected brin, name, sector, region, email)",
                               f[i]);
                r->header_ok = false;
            } else if (r->col[c] >= 0) {
                samen_diag_add(r->d, r->name, line, (long)i + 1, "duplicate column '%s'", f[i]);
                r->header_ok = false;
            } else {
                r->col[c] = (int)i;
            }
        }
        for (int c = 0; c < COL_EMAIL; c++)
            if (r->col[c] < 0) {
                samen_diag_add(r->d, r->name, line, 0, "missing column '%s'", school_columns[c]);
                r->header_ok = false;
            }
        r->ncols = n;
        return r->header_ok ? SAMEN_OK : SAMEN_EVALIDATE;
    }
    const char *v[NCOLS];
    for (int c = 0; c < NCOLS; c++)
        v[c] = r->col[c] >= 0 && (size_t)r->col[c] < n ? f[r->col[c]] : "";
    if (n != r->ncols)
        samen_diag_add(r->d, r->name, line, 0, "%zu fields where the header has %zu", n, r->ncols);
#define COLNO(c) ((long)r->col[c] + 1)
    if (!samen_brin_valid(v[COL_BRIN]))
        samen_diag_add(r->d, r->name, line, COLNO(COL_BRIN),
                       "'%s' is not a BRIN vestiging code (two digits, two capitals, two digits)",
                       v[COL_BRIN]);
    if (v[COL_NAME][0] == '\0' || strlen(v[COL_NAME]) > 200)
        samen_diag_add(r->d, r->name, line, COLNO(COL_NAME), "a school needs a name (at most 200 bytes)");
    int sector = samen_vocab_lookup(SAMEN_ATTR_SECTOR, v[COL_SECTOR]);
    if (sector < 0)
        samen_diag_add(r->d, r->name, line, COLNO(COL_SECTOR),
                       "sector '%s' is not po, vo, so or vso", v[COL_SECTOR]);
    long region = samen_study_find_region(s, v[COL_REGION]);
    if (region < 0) {
        samen_diag_add(r->d, r->name, line, COLNO(COL_REGION), "unknown region '%s'",
                       v[COL_REGION]);
    } else if (sector >= 0) {
        int rs = s->regions[region].sector;
        bool fits = rs == SAMEN_SECTOR_PO ? (sector == SAMEN_SECTOR_PO || sector == SAMEN_SECTOR_SO)
                                          : (sector == SAMEN_SECTOR_VO || sector == SAMEN_SECTOR_VSO);
        if (!fits)
            samen_diag_add(r->d, r->name, line, COLNO(COL_SECTOR),
                           "a %s school cannot belong to %s region %s", v[COL_SECTOR],
                           samen_vocab_code(SAMEN_ATTR_SECTOR, rs), v[COL_REGION]);
    }
    const char *email = v[COL_EMAIL];
    if (email[0] != '\0' && (strchr(email, '@') == NULL || strchr(email, ' ') != NULL ||
                             strlen(email) > 254))
        samen_diag_add(r->d, r->name, line, COLNO(COL_EMAIL), "'%s' is not an e-mail address",
                       email);
#undef COLNO
    if (s->nschools == s->cschools) {
        size_t c = s->cschools ? s->cschools * 2 : 256;
        samen_school_info *p = realloc(s->schools, c * sizeof *p);
        if (p == NULL)
            return SAMEN_ENOMEM;
        s->schools = p;
        s->cschools = c;
    }
    samen_school_info *sc = &s->schools[s->nschools++];
    sc->brin = arena_strdup(s->a, v[COL_BRIN]);
    sc->name = arena_strdup(s->a, v[COL_NAME]);
    sc->email = arena_strdup(s->a, email);
    sc->sector = sector;
    sc->region = region < 0 ? 0 : (size_t)region;
    if (sc->brin == NULL || sc->name == NULL || sc->email == NULL)
        return SAMEN_ENOMEM;
    return SAMEN_OK;
}

static int school_cmp(const void *a, const void *b)
{
    return strcmp(((const samen_school_info *)a)->brin, ((const samen_school_info *)b)->brin);
}

static void load_schools(samen_study *s, const char *file, samen_diag *d)
{
    const char *path = path_join(s->a, s->dir, file);
    school_reader r = {.s = s, .name = file, .d = d};
    if (path == NULL)
        return;
    csvr_read_file(path, file, SAMEN_SCHOOLS_MAX_BYTES, school_row, &r, NULL, d);
    if (s->nschools > 1)
        qsort(s->schools, s->nschools, sizeof *s->schools, school_cmp);
    for (size_t i = 1; i < s->nschools; i++)
        if (strcmp(s->schools[i].brin, s->schools[i - 1].brin) == 0)
            samen_diag_add(d, file, 0, 0, "school %s is listed twice", s->schools[i].brin);
}

/* ---- load ------------------------------------------------------------------ */

samen_status samen_study_load(const char *dir, samen_study **out, samen_diag *d)
{
    static const char *const keys[] = {"format", "id", "name", "synthetic", "waves", "regions",
                                       "schools", "note", "description", NULL};
    samen_study *s = calloc(1, sizeof *s);
    if (s == NULL)
        return SAMEN_ENOMEM;
    s->a = arena_create();
    if (s->a == NULL) {
        free(s);
        return SAMEN_ENOMEM;
    }
    s->dir = arena_strdup(s->a, dir);
    size_t before = samen_diag_count(d);
    yx_doc *doc = NULL;
    const char *path = path_join(s->a, dir, SAMEN_STUDY_FILE);
    samen_status st = path ? yx_load_file(path, SAMEN_STUDY_FILE, &doc, d) : SAMEN_ENOMEM;
    if (st == SAMEN_ENOTFOUND) {
        samen_diag_add(d, dir, 0, 0, "not a study directory: there is no %s (samen init DIR "
                       "makes one)", SAMEN_STUDY_FILE);
    }
    if (st == SAMEN_OK) {
        yaml_node_t *root = yx_root(doc);
        if (!yx_is_map(root)) {
            yx_error(doc, root, d, "study.yaml must be a mapping (format, id, waves, ...)");
        } else {
            yx_check_keys(doc, root, keys, d);
            long format = 0;
            if (yx_get_long(doc, root, "format", true, &format, d) && format != 1)
                yx_error(doc, yx_get(doc, root, "format"), d, "unsupported format %ld", format);
            const char *id = "";
            yx_get_string(doc, root, "id", true, &id, d);
            s->id = arena_strdup(s->a, id);
            yaml_node_t *nm = yx_get(doc, root, "name");
            if (yx_scalar(nm) != NULL) {
                s->name_nl = arena_strdup(s->a, yx_scalar(nm));
            } else if (yx_is_map(nm)) {
                const char *nl = NULL, *en = NULL;
                yx_get_string(doc, nm, "nl", true, &nl, d);
                yx_get_string(doc, nm, "en", false, &en, d);
                s->name_nl = arena_strdup(s->a, nl);
                s->name_en = arena_strdup(s->a, en);
            } else {
                yx_error(doc, nm ? nm : root, d, "the study needs a name");
            }
            yx_get_bool(doc, root, "synthetic", false, &s->synthetic, d);
            parse_regions(s, doc, yx_get(doc, root, "regions"), d);
            parse_waves(s, doc, yx_get(doc, root, "waves"), d);
            const char *schools = "schools.csv";
            yx_get_string(doc, root, "schools", false, &schools, d);
            if (strstr(schools, "..") != NULL || schools[0] == '/')
                yx_error(doc, yx_get(doc, root, "schools"), d,
                         "schools must be a path inside the study directory");
            else
                load_schools(s, arena_strdup(s->a, schools), d);
        }
    }
    yx_destroy(doc);
    if (st == SAMEN_OK && samen_diag_count(d) > before)
        st = SAMEN_EVALIDATE;
    if (st != SAMEN_OK) {
        samen_study_destroy(s);
        return st;
    }
    *out = s;
    return SAMEN_OK;
}

void samen_study_destroy(samen_study *s)
{
    if (s == NULL)
        return;
    for (size_t i = 0; i < s->nwaves; i++)
        samen_instrument_destroy(s->instruments[i]);
    free(s->schools);
    arena_destroy(s->a);
    free(s);
}

static const char study_template[] =
    "# samen study definition (docs/STUDY.md)\n"
    "format: 1\n"
    "id: %s\n"
    "name: {nl: \"Nieuwe studie\", en: \"New study\"}\n"
    "waves:\n"
    "  - {id: 2024, instrument: instruments/vragenlijst-2024.yaml}\n"
    "regions:\n"
    "  - {code: A, name: \"Samenwerkingsverband A\", sector: po, governance: central, "
    "situation: binnen_po}\n"
    "schools: schools.csv\n";

samen_status samen_study_init(const char *dir, samen_diag *d)
{
    char path[4096];
    struct stat sb;
    snprintf(path, sizeof path, "%s/%s", dir, SAMEN_STUDY_FILE);
    if (stat(path, &sb) == 0) {
        samen_diag_add(d, dir, 0, 0, "already holds a study (%s)", SAMEN_STUDY_FILE);
        return SAMEN_EEXIST;
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        samen_diag_add(d, dir, 0, 0, "cannot create the directory: %s", strerror(errno));
        return SAMEN_EIO;
    }
    static const char *const subdirs[] = {"instruments", "reports", "documents", "networks",
                                          "data"};
    for (size_t i = 0; i < sizeof subdirs / sizeof subdirs[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, subdirs[i]);
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            samen_diag_add(d, path, 0, 0, "cannot create the directory: %s", strerror(errno));
            return SAMEN_EIO;
        }
    }
    /* The study id is the directory's last component, made a valid id. */
    const char *base = strrchr(dir, '/');
    base = base && base[1] ? base + 1 : dir;
    char id[65];
    size_t n = 0;
    for (const char *c = base; *c && n < sizeof id - 1; c++)
        id[n++] = isalnum((unsigned char)*c) ? (char)tolower((unsigned char)*c) : '-';
    id[n] = '\0';
    if (n == 0)
        text_copy(id, sizeof id, "study");
    snprintf(path, sizeof path, "%s/%s", dir, SAMEN_STUDY_FILE);
    FILE *f = fopen(path, "wx");
    if (f == NULL) {
        samen_diag_add(d, path, 0, 0, "cannot create: %s", strerror(errno));
        return SAMEN_EIO;
    }
    fprintf(f, study_template, id);
    int bad = fclose(f) != 0;
    snprintf(path, sizeof path, "%s/schools.csv", dir);
    f = fopen(path, "wx");
    if (f != NULL) {
        fputs("brin,name,sector,region,email\n", f);
        bad |= fclose(f) != 0;
    }
    if (bad) {
        samen_diag_add(d, dir, 0, 0, "could not write the study files");
        return SAMEN_EIO;
    }
    return SAMEN_OK;
}

const char *samen_study_dir(const samen_study *s) { return s->dir; }
const char *samen_study_id(const samen_study *s) { return s->id; }

const char *samen_study_name(const samen_study *s, const char *lang)
{
    if (lang != NULL && strcmp(lang, "en") == 0 && s->name_en != NULL)
        return s->name_en;
    return s->name_nl ? s->name_nl : s->id;
}

bool samen_study_synthetic(const samen_study *s) { return s->synthetic; }
size_t samen_study_nwaves(const samen_study *s) { return s->nwaves; }

const samen_wave_info *samen_study_wave(const samen_study *s, size_t i)
{
    return i < s->nwaves ? &s->waves[i] : NULL;
}

const samen_wave_info *samen_study_find_wave(const samen_study *s, int year)
{
    for (size_t i = 0; i < s->nwaves; i++)
        if (s->waves[i].year == year)
            return &s->waves[i];
    return NULL;
}

size_t samen_study_nregions(const samen_study *s) { return s->nregions; }

const samen_region_info *samen_study_region(const samen_study *s, size_t i)
{
    return i < s->nregions ? &s->regions[i] : NULL;
}

long samen_study_find_region(const samen_study *s, const char *code)
{
    for (size_t i = 0; i < s->nregions; i++)
        if (strcmp(s->regions[i].code, code) == 0)
            return (long)i;
    return -1;
}

size_t samen_study_nschools(const samen_study *s) { return s->nschools; }

const samen_school_info *samen_study_school(const samen_study *s, size_t i)
{
    return i < s->nschools ? &s->schools[i] : NULL;
}

long samen_study_find_school(const samen_study *s, const char *brin)
{
    size_t lo = 0, hi = s->nschools;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(s->schools[mid].brin, brin);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}
