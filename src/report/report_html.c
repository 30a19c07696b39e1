/* report_html.c - the monitor report as one self-contained HTML page with
 * its charts, network drawings and workbook (samen/report.h). Exports
 * samen_report_html() and samen_report_write().
 *
 * Rules:
 *  1. Chapters follow the seed report: each lists the table ids it holds;
 *     a table of the definition that no chapter names goes to a last
 *     chapter, so every table is in the report.
 *  2. A figure (id starting with "F") gets a chart beside its table, of a
 *     type chosen from the table's shape (choose_chart): wave columns
 *     ("2022", "2023") give distribution columns, wave-and-statistic
 *     columns ("2022.mean") grouped bars, five or more answer codes a
 *     diverging Likert chart, fewer codes stacked 100% bars. Rows "n" and
 *     "alpha" and columns that are not values (n, counts) stay in the table.
 *  3. Every string from data (titles, labels, notes, names) is escaped.
 *  4. Sentences about the numbers are generated from the tables (T3),
 *     never typed.
 *  5. The region feedback report shows only what the tables compute per
 *     region or situation (B1, T1, T3, F1, T6 and B4); cells on fewer than
 *     `suppress` cases are blanked.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "report/chart_png.h"
#include "report/svg_chart.h"
#include "samen/network.h"
#include "samen/network_metrics.h"
#include "samen/network_render.h"
#include "samen/report.h"
#include "samen/vocab.h"
#include "util/buf.h"
#include "util/text.h"

#define REPORT_MAX_BYTES (64u * 1024u * 1024u)
#define REPORT_MAX_NETWORKS 64

/* ---- texts of the page, in both languages ---------------------------------- */

typedef enum txt {
    TX_SYNTHETIC, TX_WAVE, TX_CONTENTS, TX_TABLE, TX_FIGURE, TX_NOTE, TX_CAVEAT, TX_SMALL,
    TX_BASE, TX_PCT_AXIS, TX_MEAN_AXIS, TX_NETWORK_NONE, TX_CLASS, TX_DENSITY, TX_PARTIES,
    TX_TIES, TX_CENTRAL, TX_SENTENCE, TX_PLANS, TX_REGIONS, TX_CODE, TX_NAME, TX_SITUATION,
    TX_FILES, TX_REGION_TITLE, TX_REGION_NOTE, TX_REGION_ROW, TX_SUPPRESSED, TX_STUDY_ROW,
    TX_CHART_DESC, TX_COUNT
} txt;

static const char *const texts[TX_COUNT][2] = {
    [TX_SYNTHETIC] = {"Let op: deze gegevens zijn synthetisch (fictief). Ze zijn gemaakt om de "
                      "software te tonen en zeggen niets over echte scholen of regio's.",
                      "Note: these data are synthetic (fictitious). They were made to show the "
                      "software and say nothing about real schools or regions."},
    [TX_WAVE] = {"Meting", "Wave"},
    [TX_CONTENTS] = {"Inhoud", "Contents"},
    [TX_TABLE] = {"Tabel", "Table"},
    [TX_FIGURE] = {"Figuur", "Figure"},
    [TX_NOTE] = {"Noot", "Note"},
    [TX_CAVEAT] = {"Let op bij vergelijken", "Caution when comparing"},
    [TX_SMALL] = {"* kleine basis: het percentage of gemiddelde rust op weinig scholen; "
                  "lees het met voorzichtigheid.",
                  "* small base: the percentage or mean rests on few schools; read it with "
                  "caution."},
    [TX_BASE] = {"Basis", "Base"},
    [TX_PCT_AXIS] = {"Percentage", "Percentage"},
    [TX_MEAN_AXIS] = {"Waarde", "Value"},
    [TX_NETWORK_NONE] = {"Deze studie heeft geen netwerktekeningen (map networks/).",
                         "This study has no network drawings (folder networks/)."},
    [TX_CLASS] = {"Structuur", "Structure"},
    [TX_DENSITY] = {"Dichtheid", "Density"},
    [TX_PARTIES] = {"Partijen", "Parties"},
    [TX_TIES] = {"Verbindingen", "Ties"},
    [TX_CENTRAL] = {"Centrale partij", "Central party"},
    [TX_SENTENCE] = {"%s: %s van de %s bevraagde scholen werken samen", 
                     "%s: %s of the %s schools asked collaborate"},
    [TX_PLANS] = {"; %s hebben plannen daarvoor.", "; %s have plans to."},
    [TX_REGIONS] = {"Regio's van de studie", "Regions of the study"},
    [TX_CODE] = {"Code", "Code"},
    [TX_NAME] = {"Naam", "Name"},
    [TX_SITUATION] = {"Samenwerkingssituatie", "Collaboration situation"},
    [TX_FILES] = {"Alle tabellen staan ook in tabellen.xlsx en tabellen.csv; elke grafiek "
                  "staat als SVG in de map charts/.",
                  "All tables are also in tabellen.xlsx and tabellen.csv; every chart is an "
                  "SVG file in the folder charts/."},
    [TX_REGION_TITLE] = {"Terugkoppeling voor regio", "Feedback for region"},
    [TX_REGION_NOTE] = {"Deze terugkoppeling toont de cijfers die de tabellen per regio of per "
                        "samenwerkingssituatie berekenen, naast die van de hele studie. Cellen "
                        "met minder dan %ld scholen zijn leeggelaten (–). Antwoorden op de "
                        "vragen per regio vragen een regiofilter in de tabellen; dat volgt.",
                        "This feedback shows the figures the tables compute per region or per "
                        "collaboration situation, beside those of the whole study. Cells on "
                        "fewer than %ld schools are left blank (–). Answers to the questions "
                        "per region need a region filter in the tables; that follows."},
    [TX_REGION_ROW] = {"Deze regio", "This region"},
    [TX_SUPPRESSED] = {"– minder dan %ld scholen: niet getoond.",
                       "– fewer than %ld schools: not shown."},
    [TX_STUDY_ROW] = {"Hele studie", "Whole study"},
    [TX_CHART_DESC] = {"Grafiek bij %s %s. %s per categorie; dezelfde getallen staan in de "
                       "tabel eronder.",
                       "Chart of %s %s. %s per category; the same numbers are in the table "
                       "below."},
};

static const char *tx(const char *lang, txt t)
{
    return texts[t][lang != NULL && strcmp(lang, "en") == 0];
}

/* ---- chapters ------------------------------------------------------------------ */

typedef struct chapter {
    const char *id;
    const char *title[2];
    const char *intro[2];
    const char *tables[16];
    bool networks;
} chapter;

static const chapter chapters[] = {
    {"inleiding", {"1. Inleiding en methode", "1. Introduction and method"},
     {"De samenwerkingssituaties, de respons en de kenmerken van de scholen.",
      "The collaboration situations, the response and the characteristics of the schools."},
     {"T1", "T2", "T3", "B1", "B2", "B3"}, false},
    {"samenwerking", {"2. Samenwerking per situatie", "2. Collaboration by situation"},
     {"Hoeveel scholen samenwerken rondom (hoog)begaafdheid, met welke doelen en wat ze nodig "
      "hebben.",
      "How many schools collaborate around giftedness, with which aims and what they need."},
     {"F1", "B4", "B5", "B6"}, false},
    {"netwerken", {"3. Netwerken", "3. Networks"},
     {"De netwerktekeningen van de reflectiebijeenkomsten, met hun structuur en maten.",
      "The network drawings of the reflection meetings, with their structure and measures."},
     {NULL}, true},
    {"facilitering", {"4. Facilitering en sturing", "4. Facilitation and steering"},
     {"Hoe schoolbesturen en samenwerkingsverbanden de samenwerking stimuleren en faciliteren.",
      "How school boards and partnerships stimulate and facilitate the collaboration."},
     {"F11", "F12", "F13", "F14", "B7", "B8", "B9", "B10", "B11"}, false},
    {"impact", {"5. Impact", "5. Impact"},
     {"Opbrengsten van en tevredenheid over de samenwerking.",
      "Results of and satisfaction with the collaboration."},
     {"T4", "T5", "T6", "F15", "B12"}, false},
    {"factoren", {"6. Werkzame factoren en condities", "6. Effective factors and conditions"},
     {"Schalen van werkzame factoren (met Cronbach's alpha) en condities.",
      "Scales of effective factors (with Cronbach's alpha) and conditions."},
     {"F16", "F17"}, false},
};
#define NCHAPTERS (sizeof chapters / sizeof chapters[0])

static const char *const other_title[2] = {"7. Overige tabellen", "7. Other tables"};

typedef struct ctx {
    const samen_study *s;
    const samen_tables *t;
    const char *lang;
    int li;                 /* 0 nl, 1 en */
    buf *html;
    const char *out_dir;    /* NULL: do not write chart files */
    samen_report_summary sum;
    samen_diag *d;
    long suppress;
} ctx;

#define TRY(expr)                                                                  \
    do {                                                                           \
        st = (expr);                                                               \
        if (st != SAMEN_OK)                                                        \
            goto out;                                                              \
    } while (0)

static samen_status esc(ctx *c, const char *s)
{
    return svg_chart_escape(c->html, s);
}

static samen_status put(ctx *c, const char *s)
{
    return buf_append_str(c->html, s);
}

/* ---- writing files ------------------------------------------------------------ */

static samen_status write_file(ctx *c, const char *name, const char *data, size_t len)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/%s", c->out_dir, name);
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        samen_diag_add(c->d, path, 0, 0, "cannot write: %s", strerror(errno));
        return SAMEN_EIO;
    }
    bool ok = fwrite(data, 1, len, f) == len;
    ok = fclose(f) == 0 && ok;
    if (!ok) {
        samen_diag_add(c->d, path, 0, 0, "cannot write: %s", strerror(errno));
        return SAMEN_EIO;
    }
    return SAMEN_OK;
}

/* Writes charts/<stem>.png, the SVG svg (len bytes) drawn by librsvg, for
 * people who paste figures into a word processor (chart_png.c). */
static samen_status write_png(ctx *c, const char *stem, const char *svg, size_t len)
{
    char path[4600];
    snprintf(path, sizeof path, "%s/charts/%s.png", c->out_dir, stem);
    return chart_png_write(svg, len, path, c->d);
}

static samen_status make_dir(const char *path, samen_diag *d)
{
    if (mkdir(path, 0777) != 0 && errno != EEXIST) {
        samen_diag_add(d, path, 0, 0, "cannot create the directory: %s", strerror(errno));
        return SAMEN_EIO;
    }
    return SAMEN_OK;
}

/* ---- charts from tables -------------------------------------------------------- */

static bool all_digits(const char *s, size_t len)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static bool skip_row(const char *id)
{
    return strcmp(id, "n") == 0 || strcmp(id, "alpha") == 0;
}

static bool value_stat(const char *stat)
{
    static const char *const not_values[] = {"n", "N", "alpha", "listwise_n", "count", "aantal"};
    for (size_t i = 0; i < sizeof not_values / sizeof not_values[0]; i++)
        if (strcmp(stat, not_values[i]) == 0)
            return false;
    return true;
}

typedef struct chart_plan {
    svg_chart_kind kind;
    size_t ncols, nrows, nscale;
    size_t cols[SVG_CHART_MAX_SERIES];
    size_t rows[SVG_CHART_MAX_CATS];
    size_t nwaves;                       /* pivot: waves become the series */
    char waves[SVG_CHART_MAX_SERIES][8];
} chart_plan;

/* Chooses a chart for table i from its shape (rule 2); false when none. */
static bool choose_chart(const samen_tables *t, size_t i, chart_plan *p)
{
    const char *id = samen_tables_id(t, i);
    if (id[0] != 'F')
        return false;
    size_t nc = samen_tables_ncols(t, i), nr = samen_tables_nrows(t, i);
    size_t nyear = 0, nwstat = 0, ncode = 0;
    for (size_t c = 0; c < nc; c++) {
        const char *cid = samen_tables_col_id(t, i, c);
        const char *dot = strchr(cid, '.');
        if (dot == NULL && strlen(cid) == 4 && all_digits(cid, 4))
            nyear++;
        else if (dot != NULL && dot - cid == 4 && all_digits(cid, 4))
            nwstat++;
        else if (dot == NULL && strlen(cid) < 4 && all_digits(cid, strlen(cid)))
            ncode++;
    }
    p->ncols = p->nrows = p->nscale = 0;
    for (size_t c = 0; c < nc && p->ncols < SVG_CHART_MAX_SERIES; c++) {
        const char *cid = samen_tables_col_id(t, i, c);
        const char *dot = strchr(cid, '.');
        bool take;
        if (nyear > 0)
            take = dot == NULL && strlen(cid) == 4 && all_digits(cid, 4);
        else if (nwstat > 0)
            take = dot != NULL && dot - cid == 4 && all_digits(cid, 4) && value_stat(dot + 1);
        else
            take = dot == NULL && strlen(cid) < 4 && all_digits(cid, strlen(cid));
        if (take)
            p->cols[p->ncols++] = c;
    }
    if (p->ncols == 0)
        return false;
    p->nwaves = 0;
    if (nyear > 0) {
        p->kind = SVG_CHART_DISTRIBUTION;
    } else if (nwstat > 0) {
        p->kind = SVG_CHART_GROUPED;
        /* several statistics per wave: one bar per wave for each row and
         * statistic, so that the waves stand side by side */
        for (size_t k = 0; k < p->ncols; k++) {
            const char *cid = samen_tables_col_id(t, i, p->cols[k]);
            bool seen = false;
            for (size_t w = 0; w < p->nwaves; w++)
                seen = seen || strncmp(p->waves[w], cid, 4) == 0;
            if (!seen && p->nwaves < SVG_CHART_MAX_SERIES) {
                memcpy(p->waves[p->nwaves], cid, 4);
                p->waves[p->nwaves++][4] = '\0';
            }
        }
        if (p->ncols <= p->nwaves)
            p->nwaves = 0;
    } else {
        for (size_t k = 0; k < p->ncols; k++) {
            long code = 0;
            if (text_parse_long(samen_tables_col_id(t, i, p->cols[k]), &code) && code >= 1 &&
                code <= 8)
                p->nscale++;
        }
        p->kind = p->nscale >= 5 ? SVG_CHART_DIVERGING : SVG_CHART_STACKED;
    }
    for (size_t r = 0; r < nr && p->nrows < SVG_CHART_MAX_CATS; r++)
        if (!skip_row(samen_tables_row_id(t, i, r)))
            p->rows[p->nrows++] = r;
    return p->nrows > 0;
}

/* Draws the chart of table i (when it has one) into the page and, with an
 * output directory, into charts/<id>.svg. */
static samen_status table_chart(ctx *c, size_t i)
{
    chart_plan p;
    if (!choose_chart(c->t, i, &p))
        return SAMEN_OK;
    const char *id = samen_tables_id(c->t, i), *title = samen_tables_title(c->t, i);
    const char *cats[SVG_CHART_MAX_CATS], *series[SVG_CHART_MAX_SERIES];
    static double values[SVG_CHART_MAX_CATS * SVG_CHART_MAX_SERIES];
    static int prec[SVG_CHART_MAX_CATS * SVG_CHART_MAX_SERIES];
    static bool small[SVG_CHART_MAX_CATS * SVG_CHART_MAX_SERIES];
    bool pct = true;
    size_t ncat = p.nrows, nser = p.ncols;
    static char labels[SVG_CHART_MAX_CATS][512];
    if (p.nwaves > 0) {
        /* pivot: categories are row x statistic of the first wave */
        ncat = 0;
        nser = p.nwaves;
        for (size_t r = 0; r < p.nrows; r++)
            for (size_t k = 0; k < p.ncols && ncat < SVG_CHART_MAX_CATS; k++) {
                const char *cid = samen_tables_col_id(c->t, i, p.cols[k]);
                if (strncmp(cid, p.waves[0], 4) != 0)
                    continue;
                const char *stat = cid + 5, *lab = samen_tables_col_label(c->t, i, p.cols[k]);
                if (strncmp(lab, p.waves[0], 4) == 0 && lab[4] == ' ')
                    lab += 5;
                snprintf(labels[ncat], sizeof labels[ncat], "%s: %s",
                         samen_tables_row_label(c->t, i, p.rows[r]), lab);
                cats[ncat] = labels[ncat];
                for (size_t w = 0; w < nser; w++) {
                    char want[96];
                    snprintf(want, sizeof want, "%s.%s", p.waves[w], stat);
                    samen_table_cell cell = {SAMEN_CELL_EMPTY, 0, 0, NULL, -1, false};
                    for (size_t cc = 0; cc < samen_tables_ncols(c->t, i); cc++)
                        if (strcmp(samen_tables_col_id(c->t, i, cc), want) == 0)
                            cell = samen_tables_cell(c->t, i, p.rows[r], cc);
                    size_t at = ncat * nser + w;
                    values[at] = cell.kind == SAMEN_CELL_NUMBER ? cell.value : NAN;
                    prec[at] = cell.precision;
                    small[at] = cell.small_base;
                    if (cell.kind == SAMEN_CELL_NUMBER && (cell.precision != 1 || cell.value > 100))
                        pct = false;
                }
                ncat++;
            }
        for (size_t w = 0; w < nser; w++)
            series[w] = p.waves[w];
    }
    for (size_t r = 0; p.nwaves == 0 && r < p.nrows; r++) {
        cats[r] = samen_tables_row_label(c->t, i, p.rows[r]);
        for (size_t k = 0; k < p.ncols; k++) {
            samen_table_cell cell = samen_tables_cell(c->t, i, p.rows[r], p.cols[k]);
            size_t at = r * p.ncols + k;
            values[at] = cell.kind == SAMEN_CELL_NUMBER ? cell.value : NAN;
            prec[at] = cell.precision;
            small[at] = cell.small_base;
            if (cell.kind == SAMEN_CELL_NUMBER && (cell.precision != 1 || cell.value > 100))
                pct = false;
        }
    }
    for (size_t k = 0; p.nwaves == 0 && k < p.ncols; k++)
        series[k] = samen_tables_col_label(c->t, i, p.cols[k]);
    char desc[2048], caption[1200];
    snprintf(caption, sizeof caption, "%s %s. %s", tx(c->lang, TX_FIGURE), id, title);
    snprintf(desc, sizeof desc, tx(c->lang, TX_CHART_DESC), tx(c->lang, TX_FIGURE), id,
             pct ? tx(c->lang, TX_PCT_AXIS) : tx(c->lang, TX_MEAN_AXIS));
    svg_chart_data dd = {caption, desc, c->lang,
                         pct ? tx(c->lang, TX_PCT_AXIS) : tx(c->lang, TX_MEAN_AXIS),
                         pct ? "%" : "", ncat, cats, nser, series, values, prec, small,
                         p.nscale};
    char prefix[80];
    snprintf(prefix, sizeof prefix, "chart-%s", id);
    for (char *q = prefix; *q != '\0'; q++)
        if (strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", *q) == NULL)
            *q = '_';
    buf svg;
    buf_init(&svg, REPORT_MAX_BYTES);
    samen_status st = svg_chart_render(p.kind, &dd, prefix, &svg);
    if (st == SAMEN_OK)
        st = buf_printf(c->html, "<figure class=\"chart\" data-table=\"%s\" data-kind=\"%s\">\n",
                        prefix + 6, svg_chart_kind_name(p.kind));
    if (st == SAMEN_OK)
        st = put(c, buf_str(&svg));
    if (st == SAMEN_OK)
        st = put(c, "</figure>\n");
    if (st == SAMEN_OK && c->out_dir != NULL) {
        char name[128];
        snprintf(name, sizeof name, "charts/%s.svg", prefix + 6);
        buf file;
        buf_init(&file, REPORT_MAX_BYTES);
        st = buf_append_str(&file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (st == SAMEN_OK)
            st = buf_append(&file, buf_str(&svg), svg.len);
        if (st == SAMEN_OK)
            st = write_file(c, name, buf_str(&file), file.len);
        if (st == SAMEN_OK)
            st = write_png(c, prefix + 6, buf_str(&svg), svg.len);
        buf_free(&file);
    }
    if (st == SAMEN_OK)
        c->sum.charts++;
    buf_free(&svg);
    return st;
}

/* ---- tables ------------------------------------------------------------------ */

static samen_status cell_html(ctx *c, samen_table_cell cell, bool *any_small, bool suppress)
{
    char num[64];
    /* a value on fewer cases, or a count of fewer schools (rule 5) */
    if (suppress && cell.kind == SAMEN_CELL_NUMBER &&
        ((cell.base >= 0 && cell.base < c->suppress) ||
         (cell.base < 0 && cell.precision == 0 && cell.value > 0 && cell.value < c->suppress))) {
        c->sum.suppressed++;
        return put(c, "<td class=\"sup\">–</td>");
    }
    switch (cell.kind) {
    case SAMEN_CELL_NUMBER:
        svg_chart_format(num, sizeof num, cell.value, cell.precision, c->lang);
        if (cell.small_base) {
            *any_small = true;
            return buf_printf(c->html, "<td class=\"num small\">%s<span class=\"flag\">*</span>"
                                       "</td>", num);
        }
        return buf_printf(c->html, "<td class=\"num\">%s</td>", num);
    case SAMEN_CELL_TEXT: {
        samen_status st = put(c, "<td>");
        if (st == SAMEN_OK)
            st = esc(c, cell.text);
        return st == SAMEN_OK ? put(c, "</td>") : st;
    }
    default:
        return put(c, "<td class=\"empty\"></td>");
    }
}

/* The range of bases of table i's cells into out ("n = 60" or "n = 8-92"). */
static void base_text(const samen_tables *t, size_t i, char *out, size_t cap)
{
    long lo = -1, hi = -1;
    for (size_t r = 0; r < samen_tables_nrows(t, i); r++)
        for (size_t k = 0; k < samen_tables_ncols(t, i); k++) {
            samen_table_cell cell = samen_tables_cell(t, i, r, k);
            if (cell.base < 0)
                continue;
            if (lo < 0 || cell.base < lo)
                lo = cell.base;
            if (cell.base > hi)
                hi = cell.base;
        }
    if (lo < 0)
        out[0] = '\0';
    else if (lo == hi)
        snprintf(out, cap, "n = %ld", lo);
    else
        snprintf(out, cap, "n = %ld–%ld", lo, hi);
}

/* Table i with its heading, base, chart, notes, caveats and flags; only
 * rows listed in rows (nrows; NULL: all) when given. */
static samen_status table_html(ctx *c, size_t i, const size_t *rows, size_t nrows, bool suppress)
{
    samen_status st;
    const char *id = samen_tables_id(c->t, i);
    bool any_small = false;
    char base[96];
    base_text(c->t, i, base, sizeof base);
    TRY(put(c, "<section class=\"tbl\" id=\"t-"));
    TRY(esc(c, id));
    TRY(put(c, "\">\n<h3><span class=\"tid\">"));
    TRY(esc(c, id));
    TRY(put(c, "</span> "));
    TRY(esc(c, samen_tables_title(c->t, i)));
    TRY(put(c, "</h3>\n"));
    if (base[0] != '\0')
        TRY(buf_printf(c->html, "<p class=\"base\">%s: %s</p>\n", tx(c->lang, TX_BASE), base));
    TRY(put(c, "<div class=\"pair\">\n"));
    if (rows == NULL)
        TRY(table_chart(c, i));
    TRY(put(c, "<div class=\"scroll\"><table>\n<caption>"));
    TRY(esc(c, id));
    TRY(put(c, " "));
    TRY(esc(c, samen_tables_title(c->t, i)));
    TRY(put(c, "</caption>\n<thead><tr><th scope=\"col\"></th>"));
    size_t nc = samen_tables_ncols(c->t, i), nr = rows ? nrows : samen_tables_nrows(c->t, i);
    for (size_t k = 0; k < nc; k++) {
        TRY(put(c, "<th scope=\"col\">"));
        TRY(esc(c, samen_tables_col_label(c->t, i, k)));
        TRY(put(c, "</th>"));
    }
    TRY(put(c, "</tr></thead>\n<tbody>\n"));
    for (size_t rr = 0; rr < nr; rr++) {
        size_t r = rows ? rows[rr] : rr;
        const char *rid = samen_tables_row_id(c->t, i, r);
        bool total = strcmp(rid, "total") == 0 || strstr(rid, "subtotal") != NULL;
        TRY(put(c, total ? "<tr class=\"total\"><th scope=\"row\">" : "<tr><th scope=\"row\">"));
        TRY(esc(c, samen_tables_row_label(c->t, i, r)));
        TRY(put(c, "</th>"));
        for (size_t k = 0; k < nc; k++)
            TRY(cell_html(c, samen_tables_cell(c->t, i, r, k), &any_small, suppress));
        TRY(put(c, "</tr>\n"));
    }
    TRY(put(c, "</tbody>\n</table></div>\n</div>\n"));
    if (any_small)
        TRY(buf_printf(c->html, "<p class=\"flagnote\">%s</p>\n", tx(c->lang, TX_SMALL)));
    for (size_t k = 0; k < samen_tables_ncaveats(c->t, i); k++) {
        TRY(buf_printf(c->html, "<p class=\"caveat\"><strong>%s:</strong> ",
                       tx(c->lang, TX_CAVEAT)));
        TRY(esc(c, samen_tables_caveat(c->t, i, k)));
        TRY(put(c, "</p>\n"));
    }
    for (size_t k = 0; k < samen_tables_nnotes(c->t, i); k++) {
        TRY(buf_printf(c->html, "<p class=\"note\"><strong>%s:</strong> ", tx(c->lang, TX_NOTE)));
        TRY(esc(c, samen_tables_note(c->t, i, k)));
        TRY(put(c, "</p>\n"));
    }
    TRY(put(c, "</section>\n"));
    c->sum.tables++;
out:
    return st;
}

/* Chapter 2's sentences from T3: collaborating schools of those asked. */
static samen_status situation_sentences(ctx *c)
{
    samen_status st = SAMEN_OK;
    long t3 = samen_tables_find(c->t, "T3");
    if (t3 < 0)
        return SAMEN_OK;
    size_t i = (size_t)t3;
    TRY(put(c, "<ul class=\"facts\">\n"));
    for (size_t r = 0; r < samen_tables_nrows(c->t, i); r++) {
        const char *rid = samen_tables_row_id(c->t, i, r);
        samen_table_cell wel, plan, tot;
        if (samen_tables_lookup(c->t, "T3", rid, "1", &wel) != SAMEN_OK ||
            samen_tables_lookup(c->t, "T3", rid, "total", &tot) != SAMEN_OK ||
            wel.kind != SAMEN_CELL_NUMBER || tot.kind != SAMEN_CELL_NUMBER)
            continue;
        char a[64], b[64], p[64], line[1024];
        svg_chart_format(a, sizeof a, wel.value, wel.precision, c->lang);
        svg_chart_format(b, sizeof b, tot.value, tot.precision, c->lang);
        TRY(put(c, "<li>"));
        buf tmp;
        buf_init(&tmp, 4096);
        st = svg_chart_escape(&tmp, samen_tables_row_label(c->t, i, r));
        snprintf(line, sizeof line, tx(c->lang, TX_SENTENCE), buf_str(&tmp), a, b);
        buf_free(&tmp);
        TRY(st);
        TRY(put(c, line));
        if (samen_tables_lookup(c->t, "T3", rid, "2", &plan) == SAMEN_OK &&
            plan.kind == SAMEN_CELL_NUMBER) {
            svg_chart_format(p, sizeof p, plan.value, plan.precision, c->lang);
            TRY(buf_printf(c->html, tx(c->lang, TX_PLANS), p));
        } else {
            TRY(put(c, "."));
        }
        TRY(put(c, "</li>\n"));
    }
    TRY(put(c, "</ul>\n"));
out:
    return st;
}

/* ---- networks ------------------------------------------------------------------ */

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the drawing svg with every id="x" made id="<prefix>-x", so that
 * several drawings in one page keep their ids unique (the drawings refer
 * to no ids). prefix is escaped. */
static samen_status put_prefixed_ids(ctx *c, const char *svg, const char *prefix)
{
    samen_status st = SAMEN_OK;
    const char *p = svg;
    for (;;) {
        const char *q = strstr(p, " id=\"");
        if (q == NULL)
            break;
        q += 5;
        st = buf_append(c->html, p, (size_t)(q - p));
        if (st == SAMEN_OK)
            st = esc(c, prefix);
        if (st == SAMEN_OK)
            st = put(c, "-");
        if (st != SAMEN_OK)
            return st;
        p = q;
    }
    return put(c, p);
}

static samen_status networks_html(ctx *c)
{
    samen_status st = SAMEN_OK;
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/networks", samen_study_dir(c->s));
    char *names[REPORT_MAX_NETWORKS];
    size_t n = 0;
    DIR *dp = opendir(dir);
    if (dp != NULL) {
        struct dirent *e;
        while ((e = readdir(dp)) != NULL && n < REPORT_MAX_NETWORKS) {
            size_t len = strlen(e->d_name);
            if (len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0)
                names[n++] = text_dup(e->d_name);
        }
        closedir(dp);
    }
    qsort(names, n, sizeof names[0], name_cmp);
    if (n == 0)
        TRY(buf_printf(c->html, "<p>%s</p>\n", tx(c->lang, TX_NETWORK_NONE)));
    for (size_t k = 0; k < n; k++) {
        char path[4500];
        samen_network *net = NULL;
        samen_network_metrics *m = NULL;
        char *svg = NULL;
        size_t len = 0;
        if (names[k] == NULL)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, names[k]);
        samen_network_render_options ro = {c->lang, false, false};
        if (samen_network_load(path, names[k], &net, c->d) != SAMEN_OK ||
            samen_network_measure(net, &m) != SAMEN_OK ||
            samen_network_render_svg(net, &ro, &svg, &len) != SAMEN_OK) {
            /* a drawing that does not load is named in d and left out */
            samen_network_metrics_destroy(m);
            samen_network_destroy(net);
            continue;
        }
        const samen_network_class_info *ci = samen_network_metrics_class(m);
        const samen_network_summary *ov = samen_network_metrics_overall(m);
        char base[256], dens[64];
        text_copy(base, sizeof base, names[k]);
        base[strlen(base) - 5] = '\0';
        /* the drawing has its own heading, legend and metrics panel; the
         * line under it gives the class and main measures as text */
        st = buf_append_str(c->html, "<section class=\"net\" id=\"n-");
        if (st == SAMEN_OK)
            st = esc(c, base);
        if (st == SAMEN_OK)
            st = put(c, "\">\n<figure class=\"network\">");
        if (st == SAMEN_OK)
            st = put_prefixed_ids(c, svg, base);
        svg_chart_format(dens, sizeof dens, ov->density, 2, c->lang);
        if (st == SAMEN_OK)
            st = buf_printf(c->html, "</figure>\n<p class=\"netsum\"><strong>%s:</strong> %s "
                                     "&middot; %s: %zu &middot; %s: %zu &middot; %s: %s "
                                     "&middot; %s: ",
                            tx(c->lang, TX_CLASS),
                            samen_network_label(SAMEN_NETVOCAB_CLASS, (int)ci->cls, c->lang),
                            tx(c->lang, TX_PARTIES), ov->parties, tx(c->lang, TX_TIES),
                            ov->ties, tx(c->lang, TX_DENSITY), dens, tx(c->lang, TX_CENTRAL));
        if (st == SAMEN_OK)
            st = esc(c, ci->hub_label ? ci->hub_label : "–");
        if (st == SAMEN_OK)
            st = put(c, "</p>\n</section>\n");
        if (st == SAMEN_OK && c->out_dir != NULL) {
            char name[300];
            snprintf(name, sizeof name, "charts/netwerk-%s.svg", base);
            st = write_file(c, name, svg, len);
            if (st == SAMEN_OK) {
                snprintf(name, sizeof name, "netwerk-%s", base);
                st = write_png(c, name, svg, len);
            }
        }
        if (st == SAMEN_OK)
            c->sum.networks++;
        free(svg);
        samen_network_metrics_destroy(m);
        samen_network_destroy(net);
        if (st != SAMEN_OK)
            break;
    }
out:
    for (size_t k = 0; k < n; k++)
        free(names[k]);
    return st;
}

/* ---- the page ------------------------------------------------------------------ */

static const char css[] =
    "body{font-family:\"Helvetica Neue\",Arial,sans-serif;color:#222;margin:0;background:#f6f6f4;"
    "line-height:1.45}"
    "main{max-width:1180px;margin:0 auto;padding:24px 32px;background:#fff}"
    "h1{font-size:1.7em;margin:.2em 0}h2{border-bottom:3px solid #0072B2;padding-bottom:4px;"
    "margin-top:2.2em}h3{font-size:1.05em;margin:1.6em 0 .3em}"
    ".tid{display:inline-block;background:#0072B2;color:#fff;border-radius:3px;padding:0 6px;"
    "margin-right:6px;font-size:.9em}"
    ".synthetic{background:#fff3cd;border:1px solid #e0b000;padding:10px 14px;border-radius:4px}"
    ".pair{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}"
    ".scroll{overflow-x:auto;max-width:100%}"
    "figure{margin:0}figure.chart svg{max-width:100%;height:auto}"
    "figure.network svg{max-width:100%;height:auto}"
    "table{border-collapse:collapse;font-size:.86em;margin:4px 0}"
    "caption{text-align:left;font-weight:bold;padding:4px 0;display:none}"
    "th,td{border-bottom:1px solid #ddd;padding:3px 8px;vertical-align:top}"
    "thead th{background:#eef3f8;text-align:left;font-weight:600;border-bottom:2px solid #0072B2}"
    "tbody th{text-align:left;font-weight:normal;max-width:28em}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    "tr.total th,tr.total td{font-weight:bold;border-top:1px solid #999}"
    ".small{color:#8a4b00}.flag{color:#D55E00;font-weight:bold}"
    ".base{color:#555;margin:0}.note,.flagnote{color:#444;font-size:.88em;max-width:70em}"
    ".caveat{background:#fdecea;border-left:4px solid #D55E00;padding:6px 10px;font-size:.9em;"
    "max-width:70em}"
    "nav ol{columns:2}dl.metrics{display:grid;grid-template-columns:max-content auto;"
    "gap:2px 12px;font-size:.9em}dl.metrics dt{font-weight:bold}"
    ".netsum{background:#eef3f8;padding:6px 10px;border-radius:3px;font-size:.92em}"
    "section.net{margin:1.5em 0 2.5em}ul.facts li{margin:.2em 0}td.sup{text-align:center;color:#777}"
    "@media print{body{background:#fff}main{padding:0}}";

static samen_status page_start(ctx *c, const char *title, const char *subtitle)
{
    samen_status st;
    TRY(buf_printf(c->html, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                            "<meta name=\"viewport\" content=\"width=device-width, "
                            "initial-scale=1\">\n<title>", c->li ? "en" : "nl"));
    TRY(esc(c, title));
    TRY(put(c, "</title>\n<style>"));
    TRY(put(c, css));
    TRY(put(c, "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>"));
    TRY(esc(c, title));
    TRY(put(c, "</h1>\n<p class=\"sub\">"));
    TRY(esc(c, subtitle));
    TRY(buf_printf(c->html, " &middot; %s %d</p>\n", tx(c->lang, TX_WAVE),
                   samen_tables_wave(c->t)));
    if (samen_study_synthetic(c->s))
        TRY(buf_printf(c->html, "<p class=\"synthetic\" role=\"note\"><strong>%s</strong></p>\n",
                       tx(c->lang, TX_SYNTHETIC)));
    TRY(put(c, "</header>\n"));
out:
    return st;
}

static bool in_chapters(const char *id)
{
    for (size_t k = 0; k < NCHAPTERS; k++)
        for (size_t j = 0; chapters[k].tables[j] != NULL; j++)
            if (strcmp(chapters[k].tables[j], id) == 0)
                return true;
    return false;
}

static samen_status regions_table(ctx *c)
{
    samen_status st;
    TRY(buf_printf(c->html, "<h3>%s</h3>\n<div class=\"scroll\"><table class=\"regions\">\n"
                            "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                            "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                   tx(c->lang, TX_REGIONS), tx(c->lang, TX_CODE), tx(c->lang, TX_NAME),
                   tx(c->lang, TX_SITUATION)));
    for (size_t r = 0; r < samen_study_nregions(c->s); r++) {
        const samen_region_info *ri = samen_study_region(c->s, r);
        TRY(put(c, "<tr><th scope=\"row\">"));
        TRY(esc(c, ri->code));
        TRY(put(c, "</th><td>"));
        TRY(esc(c, ri->name));
        TRY(put(c, "</td><td>"));
        TRY(esc(c, samen_vocab_label(SAMEN_ATTR_SITUATION, ri->situation, c->lang)));
        TRY(put(c, "</td></tr>\n"));
    }
    TRY(put(c, "</tbody>\n</table></div>\n"));
out:
    return st;
}

static samen_status full_report(ctx *c)
{
    samen_status st;
    TRY(page_start(c, samen_study_name(c->s, c->lang), samen_study_id(c->s)));
    TRY(buf_printf(c->html, "<nav aria-label=\"%s\"><h2>%s</h2><ol>\n", tx(c->lang, TX_CONTENTS),
                   tx(c->lang, TX_CONTENTS)));
    for (size_t k = 0; k < NCHAPTERS; k++)
        TRY(buf_printf(c->html, "<li><a href=\"#%s\">%s</a></li>\n", chapters[k].id,
                       chapters[k].title[c->li]));
    TRY(buf_printf(c->html, "</ol><p>%s</p></nav>\n", tx(c->lang, TX_FILES)));
    for (size_t k = 0; k < NCHAPTERS; k++) {
        const chapter *ch = &chapters[k];
        TRY(buf_printf(c->html, "<section class=\"chapter\" id=\"%s\">\n<h2>%s</h2>\n<p>%s</p>\n",
                       ch->id, ch->title[c->li], ch->intro[c->li]));
        if (strcmp(ch->id, "samenwerking") == 0)
            TRY(situation_sentences(c));
        if (ch->networks)
            TRY(networks_html(c));
        for (size_t j = 0; ch->tables[j] != NULL; j++) {
            long i = samen_tables_find(c->t, ch->tables[j]);
            if (i >= 0)
                TRY(table_html(c, (size_t)i, NULL, 0, false));
        }
        if (strcmp(ch->id, "inleiding") == 0)
            TRY(regions_table(c));
        TRY(put(c, "</section>\n"));
    }
    bool other = false;
    for (size_t i = 0; i < samen_tables_count(c->t); i++) {
        if (in_chapters(samen_tables_id(c->t, i)))
            continue;
        if (!other)
            TRY(buf_printf(c->html, "<section class=\"chapter\" id=\"overig\">\n<h2>%s</h2>\n",
                           other_title[c->li]));
        other = true;
        TRY(table_html(c, i, NULL, 0, false));
    }
    if (other)
        TRY(put(c, "</section>\n"));
    TRY(put(c, "</main>\n</body>\n</html>\n"));
out:
    return st;
}

/* Region report (rule 5): rows of the region, its situation and the total. */
static samen_status region_report(ctx *c, const samen_region_info *ri)
{
    samen_status st;
    char title[512];
    snprintf(title, sizeof title, "%s %s", tx(c->lang, TX_REGION_TITLE), ri->code);
    TRY(page_start(c, title, ri->name));
    TRY(buf_printf(c->html, "<p>%s: ", tx(c->lang, TX_SITUATION)));
    TRY(esc(c, samen_vocab_label(SAMEN_ATTR_SITUATION, ri->situation, c->lang)));
    TRY(put(c, "</p>\n<p>"));
    TRY(buf_printf(c->html, tx(c->lang, TX_REGION_NOTE), c->suppress));
    TRY(put(c, "</p>\n"));
    const char *sit = samen_vocab_code(SAMEN_ATTR_SITUATION, ri->situation);
    /* T1 counts partnerships, not schools: nothing to suppress there */
    static const struct {
        const char *id;
        bool suppress;
    } ids[] = {{"B1", true}, {"T1", false}, {"T3", true}, {"F1", true}, {"T6", true},
               {"B4", true}};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        long li = samen_tables_find(c->t, ids[k].id);
        if (li < 0)
            continue;
        size_t i = (size_t)li, rows[8], n = 0;
        char sub[96];
        snprintf(sub, sizeof sub, "%s.subtotal", sit);
        for (size_t r = 0; r < samen_tables_nrows(c->t, i) && n < 8; r++) {
            const char *rid = samen_tables_row_id(c->t, i, r);
            if (strcmp(rid, ri->code) == 0 || strcmp(rid, sit) == 0 || strcmp(rid, sub) == 0 ||
                strcmp(rid, "total") == 0 || strcmp(rid, "n") == 0)
                rows[n++] = r;
        }
        if (strcmp(ids[k].id, "B4") == 0) {
            /* B4 has the situations as columns: the whole table is small */
            TRY(table_html(c, i, NULL, 0, ids[k].suppress));
        } else if (n > 0) {
            TRY(table_html(c, i, rows, n, ids[k].suppress));
        }
    }
    TRY(buf_printf(c->html, "<p class=\"note\">"));
    TRY(buf_printf(c->html, tx(c->lang, TX_SUPPRESSED), c->suppress));
    TRY(put(c, "</p>\n</main>\n</body>\n</html>\n"));
out:
    return st;
}

static samen_status build(ctx *c, const samen_report_options *opt)
{
    if (opt != NULL && opt->region != NULL) {
        long r = samen_study_find_region(c->s, opt->region);
        if (r < 0) {
            samen_diag_add(c->d, NULL, 0, 0, "--region: the study has no region '%s'",
                           opt->region);
            return SAMEN_ENOTFOUND;
        }
        return region_report(c, samen_study_region(c->s, (size_t)r));
    }
    return full_report(c);
}

static void ctx_init(ctx *c, const samen_study *s, const samen_tables *t,
                     const samen_report_options *opt, buf *html, samen_diag *d)
{
    memset(c, 0, sizeof *c);
    c->s = s;
    c->t = t;
    c->lang = opt != NULL && opt->lang != NULL && strcmp(opt->lang, "en") == 0 ? "en" : "nl";
    c->li = strcmp(c->lang, "en") == 0;
    c->html = html;
    c->d = d;
    c->suppress = opt != NULL && opt->suppress > 0 ? opt->suppress : 5;
}

samen_status samen_report_html(const samen_study *s, const samen_tables *t,
                               const samen_report_options *opt, char **out, size_t *len,
                               samen_diag *d)
{
    buf html;
    ctx c;
    buf_init(&html, REPORT_MAX_BYTES);
    ctx_init(&c, s, t, opt, &html, d);
    samen_status st = build(&c, opt);
    if (st == SAMEN_OK) {
        size_t n = html.len;
        char *p = buf_take(&html);
        if (p == NULL) {
            st = SAMEN_ENOMEM;
        } else {
            *out = p;
            *len = n;
        }
    }
    buf_free(&html);
    return st;
}

samen_status samen_report_write(const samen_study *s, const samen_tables *t,
                                const samen_report_options *opt, const char *out_dir,
                                samen_report_summary *sum, samen_diag *d)
{
    buf html;
    ctx c;
    char path[4400];
    buf_init(&html, REPORT_MAX_BYTES);
    ctx_init(&c, s, t, opt, &html, d);
    c.out_dir = out_dir;
    snprintf(path, sizeof path, "%s/charts", out_dir);
    samen_status st = make_dir(out_dir, d);
    if (st == SAMEN_OK)
        st = make_dir(path, d);
    if (st == SAMEN_OK)
        st = build(&c, opt);
    if (st == SAMEN_OK)
        st = write_file(&c, "index.html", buf_str(&html), html.len);
    if (st == SAMEN_OK && (opt == NULL || opt->region == NULL)) {
        snprintf(path, sizeof path, "%s/tabellen.xlsx", out_dir);
        st = samen_tables_write(t, "xlsx", NULL, path, d);
        if (st == SAMEN_OK) {
            snprintf(path, sizeof path, "%s/tabellen.csv", out_dir);
            st = samen_tables_write(t, "csv", NULL, path, d);
        }
        if (st == SAMEN_OK) {
            char *ig = NULL;
            size_t iglen = 0;
            st = samen_report_infographic(s, t, opt, &ig, &iglen, d);
            if (st == SAMEN_OK)
                st = write_file(&c, "infographic.html", ig, iglen);
            free(ig);
        }
    }
    if (st == SAMEN_OK && sum != NULL)
        *sum = c.sum;
    buf_free(&html);
    return st;
}
