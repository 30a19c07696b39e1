/* tables_int.h - what the report-table modules share (private to
 * src/report): the parsed report definition (tabledef.c), its expansion
 * into row and column members, the computed result (tables.c) and the
 * renderer interface (table_render.c, table_json.c, table_csv.c,
 * table_xlsx.c).
 *
 * A table is a grid: its rows and its columns are each a list of blocks;
 * a block is one dimension (by, vars, scales, codes, stats, waves,
 * members) or a single member, and may be split by further blocks (a
 * product). Expanding a side gives its members; each member carries a
 * partial cell specification (td_spec). A cell's specification is the
 * table's defaults, overridden by its column member, overridden by its
 * row member; filters and group constraints of all three are and-ed.
 */
#ifndef SAMEN_REPORT_TABLES_INT_H
#define SAMEN_REPORT_TABLES_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/stats_compare.h"
#include "samen/tables.h"
#include "util/arena.h"

#define TD_MAX_CODES 64       /* codes in one member */
#define TD_MAX_ITEMS 200      /* items of one multi-item statistic */
#define TD_MAX_FILTERS 8      /* filters and-ed in one cell */
#define TD_MAX_GROUPS 8       /* group constraints in one cell */
#define TD_MAX_ENTRIES 2000   /* entries of one dimension */
#define TD_MAX_MEMBERS 20000  /* members of one side of a table */
#define TD_MAX_CELLS 200000   /* cells of one table */
#define TD_MAX_TABLES 1000
#define TD_MAX_NOTES 64
#define TD_MAX_COMPOSITION 64
#define TD_MAX_DEPTH 8        /* nested splits */
#define TD_ID_MAX 64

typedef struct td_text {
    const char *nl;
    const char *en;   /* NULL: the Dutch text */
} td_text;

/* A position in the definition file (1-based; 0 when unknown). */
typedef struct td_pos {
    long line, col;
} td_pos;

/* What a statistic needs. */
enum { TD_NEED_VAR = 1, TD_NEED_CODES = 2, TD_NEED_ITEMS = 4, TD_NEED_TEXT = 8 };

/* Where a statistic's numbers come from. */
typedef enum td_source { TD_SRC_DATA, TD_SRC_STORE, TD_SRC_STUDY, TD_SRC_FIXED } td_source;

/* The statistics: X(name, ENUM, source, needs, precision, percent-like,
 * Dutch column label, English column label). "Percent-like" statistics
 * rest on a base and get the small-base flag. */
#define TD_STAT_MAP(X)                                                                    \
    X("cases", CASES, TD_SRC_DATA, 0, 0, false, "n", "n")                                 \
    X("responses", RESPONSES, TD_SRC_STORE, 0, 0, false, "Reacties", "Reactions")         \
    X("refusals", REFUSALS, TD_SRC_STORE, 0, 0, false, "Zonder toestemming",              \
      "Without consent")                                                                  \
    X("n", N, TD_SRC_DATA, TD_NEED_VAR, 0, false, "n", "n")                               \
    X("valid_n", VALID_N, TD_SRC_DATA, TD_NEED_VAR, 0, false, "n (geldig)", "n (valid)")  \
    X("count", COUNT, TD_SRC_DATA, TD_NEED_VAR | TD_NEED_CODES, 0, false, "N", "N")       \
    X("pct", PCT, TD_SRC_DATA, TD_NEED_VAR | TD_NEED_CODES, 1, true, "%", "%")            \
    X("valid_pct", VALID_PCT, TD_SRC_DATA, TD_NEED_VAR | TD_NEED_CODES, 1, true,          \
      "% (geldig)", "% (valid)")                                                          \
    X("mean", MEAN, TD_SRC_DATA, TD_NEED_VAR, 2, true, "Gemiddelde", "Mean")              \
    X("sd", SD, TD_SRC_DATA, TD_NEED_VAR, 2, true, "SD", "SD")                            \
    X("median", MEDIAN, TD_SRC_DATA, TD_NEED_VAR, 1, true, "Mediaan", "Median")           \
    X("min", MIN, TD_SRC_DATA, TD_NEED_VAR, 0, false, "Minimum", "Minimum")               \
    X("max", MAX, TD_SRC_DATA, TD_NEED_VAR, 0, false, "Maximum", "Maximum")               \
    X("mr_count", MR_COUNT, TD_SRC_DATA, TD_NEED_VAR | TD_NEED_ITEMS, 0, false, "N", "N") \
    X("mr_pct", MR_PCT, TD_SRC_DATA, TD_NEED_VAR | TD_NEED_ITEMS, 1, true,                \
      "% van de gevallen", "% of cases")                                                  \
    X("mr_pct_responses", MR_PCT_RESPONSES, TD_SRC_DATA, TD_NEED_VAR | TD_NEED_ITEMS, 1,  \
      true, "% van de antwoorden", "% of responses")                                      \
    X("mr_base", MR_BASE, TD_SRC_DATA, TD_NEED_ITEMS, 0, false, "n", "n")                 \
    X("alpha", ALPHA, TD_SRC_DATA, TD_NEED_ITEMS, 3, true, "Cronbach's alpha",            \
      "Cronbach's alpha")                                                                 \
    X("standardized_alpha", STD_ALPHA, TD_SRC_DATA, TD_NEED_ITEMS, 3, true,               \
      "Gestandaardiseerde alpha", "Standardized alpha")                                   \
    X("scale_mean", SCALE_MEAN, TD_SRC_DATA, TD_NEED_ITEMS, 2, true,                      \
      "Gemiddelde schaalscore", "Mean scale score")                                       \
    X("listwise_n", LISTWISE_N, TD_SRC_DATA, TD_NEED_ITEMS, 0, false, "n (listwise)",     \
      "n (listwise)")                                                                     \
    X("answered_any", ANSWERED_ANY, TD_SRC_DATA, TD_NEED_ITEMS, 0, false, "Beantwoord",   \
      "Answered")                                                                         \
    X("answered_none", ANSWERED_NONE, TD_SRC_DATA, TD_NEED_ITEMS, 0, false,               \
      "Niet beantwoord", "Not answered")                                                  \
    X("regions", REGIONS, TD_SRC_STUDY, 0, 0, false, "Aantal regio's", "Regions")         \
    X("region_letters", REGION_LETTERS, TD_SRC_STUDY, 0, 0, false, "Regio's", "Regions")  \
    X("region_sector", REGION_SECTOR, TD_SRC_STUDY, 0, 0, false, "Type", "Type")          \
    X("text", TEXT, TD_SRC_FIXED, TD_NEED_TEXT, 0, false, "", "")

typedef enum td_stat {
#define TD_STAT_ENUM(name, e, src, needs, prec, pctlike, nl, en) TD_ST_##e,
    TD_STAT_MAP(TD_STAT_ENUM)
#undef TD_STAT_ENUM
    TD_ST_COUNT_
} td_stat;

typedef struct td_stat_info {
    const char *name;
    td_source source;
    int needs;
    int precision;
    bool percent_like;
    const char *label_nl, *label_en;
} td_stat_info;

/* The statistic called name, or -1; its description. */
int td_stat_lookup(const char *name);
const td_stat_info *td_stat_get(int stat);

/* What a group constraint tests: the school's region (by its position in
 * the study), the region's situation or governance, the school's sector
 * (vocabulary positions), or the answer to a variable (its codes). */
typedef enum td_gattr {
    TD_G_REGION,
    TD_G_SITUATION,
    TD_G_SECTOR,
    TD_G_GOVERNANCE,
    TD_G_COUNT_,
    TD_G_VAR = TD_G_COUNT_
} td_gattr;

/* The dataset column holding gattr (samen_dataset_from_study); not for
 * TD_G_VAR, whose column is the group's var. */
const char *td_gattr_column(td_gattr g);

typedef struct td_group {
    td_gattr attr;
    size_t n;
    const int *values;   /* region positions, vocabulary values or answer codes */
    const char *var;     /* TD_G_VAR: the variable */
} td_group;

typedef enum td_wave_kind { TD_WAVE_UNSET, TD_WAVE_CURRENT, TD_WAVE_PREVIOUS, TD_WAVE_YEAR } td_wave_kind;

typedef struct td_wave {
    td_wave_kind kind;
    int year;
} td_wave;

/* A partial cell specification. */
typedef struct td_spec {
    const char *var;
    const char *const *items;    /* nitems variable names */
    size_t nitems;
    const char *scale;           /* instrument scale id: items of the wave's scale */
    bool has_codes;
    bool any_code;               /* codes: '*' (every answer) */
    size_t ncodes;
    int codes[TD_MAX_CODES];
    int stat;                    /* td_stat, -1 unset */
    int precision;               /* -1 unset */
    td_wave wave;
    size_t nfilters;
    const char *filters[TD_MAX_FILTERS];   /* condition sources */
    td_pos filter_pos[TD_MAX_FILTERS];
    size_t ngroups;
    td_group groups[TD_MAX_GROUPS];
    td_text text;                /* stat text */
    const char *const *only;     /* a row member fills only columns with one of these ids */
    size_t nonly;
    td_pos pos;                  /* where it was written */
} td_spec;

typedef enum td_dim {
    TD_DIM_SINGLE,
    TD_DIM_BY,
    TD_DIM_VARS,
    TD_DIM_SCALES,
    TD_DIM_CODES,
    TD_DIM_STATS,
    TD_DIM_WAVES,
    TD_DIM_MEMBERS
} td_dim;

/* One listed member of a dimension. */
typedef struct td_entry {
    const char *id;
    td_text label;       /* nl NULL: the default label */
    td_spec spec;
    int group_value;     /* by region with group: the region's group value */
} td_entry;

typedef struct td_block {
    td_dim dim;
    const char *id;              /* prefix of the members' ids, or the single member's id */
    td_text label;               /* template ("{label}", "{wave}") or the single member's label */
    td_spec common;              /* member keys given on the block */
    td_pos pos;
    size_t nentries;
    td_entry *entries;
    /* by: */
    td_gattr attr;
    const char *by_var;          /* attr TD_G_VAR: the variable */
    bool has_total;
    td_text total;
    int group_attr;              /* td_gattr of the groups (region only), -1 none */
    bool has_subtotal;
    td_text subtotal;
    td_text *group_labels;       /* per group value (vocabulary size), nl NULL: default */
    /* codes: */
    bool all_codes;
    size_t nsplit;
    struct td_block *split;
} td_block;

typedef struct td_table {
    const char *id;
    const char *type;            /* "table" or "figure" */
    td_text title;
    td_text base;                /* how the base is described; nl NULL: the filter */
    td_spec defaults;
    const char *label_var;       /* whose answer codes and labels `codes: all` uses */
    size_t nrows, ncols;
    td_block *rows, *cols;
    size_t nnotes;
    td_text *notes;
    td_pos pos;
} td_table;

struct samen_tabledef {
    arena *a;
    const samen_study *s;
    const char *name;            /* file name used in messages */
    const char *id;
    td_text title;
    long small_base;
    samen_caveat_rules rules;
    size_t ncomposition;
    const char *composition[TD_MAX_COMPOSITION];
    size_t ntables;
    td_table *tables;
};

/* ---- Expansion ----------------------------------------------------------- */

/* One expanded row or column. */
typedef struct td_member {
    const char *id;
    const char *label;
    const char *group;           /* the group it belongs to (rows of B1), or NULL */
    bool total;                  /* a total or subtotal */
    td_spec spec;
} td_member;

/* What expansion needs to know: the language, the wave the tables are
 * computed for and the one before it (0 when none). */
typedef struct td_context {
    const samen_tabledef *def;
    const char *lang;
    int wave;
    int previous;
} td_context;

/* Expands one side (rows when rows is true) of table t into members
 * allocated in a. Problems (a member without a label source, too many
 * members) go to d with the definition's positions; returns SAMEN_EVALIDATE
 * then. */
samen_status td_expand(const td_context *cx, const td_table *t, bool rows, arena *a,
                       td_member **out, size_t *n, samen_diag *d);

/* Merges cell specification: base, then col over it, then row over that
 * (scalars override, filters and groups add up). Returns false when the
 * filters or groups do not fit. */
bool td_merge(td_spec *out, const td_spec *base, const td_spec *col, const td_spec *row);

/* True when a row member's `columns` restriction lets it fill column id. */
bool td_only_allows(const td_spec *row, const char *col_id);

/* The text in lang (falls back to Dutch); "" for an empty text. */
const char *td_text_pick(td_text t, const char *lang);

/* ---- Results --------------------------------------------------------------- */

typedef struct tr_row {
    const char *id;
    const char *label;
    const char *group;
    bool total;
    samen_table_cell *cells;
} tr_row;

typedef struct tr_table {
    const char *id;
    const char *type;
    const char *title;
    const char *base;            /* description of the base, or NULL */
    size_t nwaves;
    int waves[8];                /* the waves the table uses */
    size_t ncols;
    const char **col_ids;
    const char **col_labels;
    size_t nrows;
    tr_row *rows;
    size_t nnotes;
    const char **notes;
    size_t ncaveats;
    samen_caveat *caveats;
    const char **caveat_texts;
} tr_table;

struct samen_tables {
    arena *a;
    const char *study;
    const char *study_name;
    bool synthetic;
    const char *definition;      /* its file name */
    const char *title;
    const char *lang;
    int wave;
    size_t ntables;
    tr_table *tables;
};

/* ---- Renderers -------------------------------------------------------------
 * One per format, each in its own file: begin makes the renderer's context,
 * table renders one table, finish completes the output and frees the
 * context (also after a failure, with ok false). */

typedef struct table_output {
    FILE *out;          /* text formats */
    const char *path;   /* binary formats */
} table_output;

typedef struct table_renderer {
    const char *format;
    bool binary;
    samen_status (*begin)(const samen_tables *t, const table_output *o, void **ctx,
                          samen_diag *d);
    samen_status (*table)(void *ctx, const tr_table *tab);
    samen_status (*finish)(void *ctx, bool ok);
} table_renderer;

extern const table_renderer table_json_renderer;
extern const table_renderer table_csv_renderer;
extern const table_renderer table_xlsx_renderer;

/* Formats a cell for people: numbers with their precision and a decimal
 * point, texts as they are, empty cells as "". Writes into out (cap bytes)
 * and returns out. */
const char *table_render_cell(const samen_table_cell *c, char *out, size_t cap);

/* The words renderers print around the tables, in lang. */
const char *table_render_word(const char *lang, const char *nl, const char *en);

#endif
