/* cli_network.c - samen network: check, measure, classify, draw, compare,
 * export and import network drawings (MISSION.md M7; docs/NETWORKS.md).
 *
 *   samen network check FILE... [--study DIR]
 *   samen network metrics FILE [--format text|json]
 *   samen network draw FILE --out F.svg [--lang nl|en] [--no-legend] [--no-metrics]
 *   samen network compare A B [--format text|json] [--lang nl|en]
 *   samen network export FILE --format graphml|refi --out F [--lang nl|en]
 *   samen network import F.graphml --out DRAWING.yaml [--id ID] [--region R]
 *                        [--wave W] [--meeting M] [--variant current|desired]
 *                        [--situation S]
 *
 * Exit codes: 0 success, 2 bad input (every problem as file:line:column),
 * 1 internal failure (Graphviz, writing the output).
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "samen/i18n.h"
#include "samen/network.h"
#include "samen/network_exchange.h"
#include "samen/network_metrics.h"
#include "samen/network_render.h"

static const char usage[] =
    "usage: samen network ACTION FILE [options]\n\n"
    "  check FILE... [--study DIR]       check drawing files (and against a study)\n"
    "  metrics FILE [--format text|json] parties, ties, density, centralization,\n"
    "                                    components, isolates, brokers, structure\n"
    "  draw FILE --out F.svg [--lang nl|en] [--no-legend] [--no-metrics]\n"
    "                                    SVG in the study's colours, with legend and metrics\n"
    "  compare A B [--format text|json]  ties added and removed, change of structure\n"
    "  export FILE --format graphml|refi --out F\n"
    "                                    GraphML (Gephi, igraph) or a REFI-QDA project\n"
    "  import F.graphml --out D.yaml [--id ID] [--region R] [--wave W] [--meeting M]\n"
    "                   [--variant current|desired] [--situation S]\n"
    "                                    a GraphML file as a drawing file\n\n"
    "Drawing files are YAML (docs/NETWORKS.md). JSON of metrics:\n"
    "{\"parties\",\"ties\",\"density\",\"degree_centralization\",\n"
    " \"betweenness_centralization\",\"class\",...}. Exit 0, 2 on bad input, 1 on failure.\n";

/* ---- shared --------------------------------------------------------------------- */

static samen_diag *new_diag(void)
{
    return samen_diag_create(200);
}

/* Loads a drawing; on failure prints the problems and returns the exit code,
 * else -1. */
static int load(const char *path, samen_network **net, samen_diag *d)
{
    samen_status st = samen_network_load(path, path, net, d);
    return st == SAMEN_OK ? -1 : cli_fail(st, d);
}

static int write_out(const char *cmd, const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        fprintf(stderr, _("samen network %s: cannot write %s\n"), cmd, path);
        return 1;
    }
    size_t n = fwrite(data, 1, len, f);
    if (fclose(f) != 0 || n != len) {
        fprintf(stderr, _("samen network %s: cannot write %s\n"), cmd, path);
        return 1;
    }
    return 0;
}

static bool lang_ok(const char *cmd, const char *lang)
{
    if (lang != NULL && strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0) {
        cli_usage_error(cmd, _("--lang is nl or en, not '%s'"), lang);
        return false;
    }
    return true;
}

static bool format_ok(const char *cmd, const char *format, bool *json)
{
    *json = strcmp(format, "json") == 0;
    if (!*json && strcmp(format, "text") != 0) {
        cli_usage_error(cmd, "%s", _("--format is text or json"));
        return false;
    }
    return true;
}

static void add_number(cJSON *o, const char *key, double x)
{
    if (isnan(x))
        cJSON_AddNullToObject(o, key);
    else
        cJSON_AddNumberToObject(o, key, x);
}

static void print_json(cJSON *root)
{
    char *text = cJSON_PrintUnformatted(root);
    if (text != NULL) {
        printf("%s\n", text);
        cJSON_free(text);
    }
}

/* A number for text output: three decimals, or "-" when undefined. */
static const char *num(double x, char out[32])
{
    if (isnan(x))
        snprintf(out, 32, "-");
    else
        snprintf(out, 32, "%.3f", x);
    return out;
}

/* ---- check ---------------------------------------------------------------------- */

static int check(int argc, char **argv)
{
    const char *dir = NULL;
    const cli_opt opts[] = {{"study", &dir, NULL}, {NULL, NULL, NULL}};
    const char *pos[64];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 64, &npos, usage);
    if (rc >= 0)
        return rc;
    if (npos == 0)
        return cli_usage_error("network check", "%s", _("name at least one drawing file"));
    samen_diag *d = new_diag();
    if (d == NULL)
        return 1;
    samen_study *study = NULL;
    if (dir != NULL) {
        rc = cli_open_study(dir, NULL, &study, NULL, d);
        if (rc >= 0) {
            samen_diag_destroy(d);
            return rc;
        }
    }
    rc = 0;
    for (size_t i = 0; i < npos; i++) {
        samen_network *net = NULL;
        samen_diag_clear(d);
        int r = load(pos[i], &net, d);
        if (r < 0 && study != NULL) {
            samen_status st = samen_network_check_study(net, study, d);
            if (st != SAMEN_OK)
                r = cli_fail(st, d);
        }
        if (r < 0) {
            printf(_("%s: valid (%zu parties, %zu groups, %zu ties)\n"), pos[i],
                   samen_network_nparties(net), samen_network_ngroups(net),
                   samen_network_nties(net));
            r = 0;
        }
        if (r > rc)
            rc = r;
        samen_network_destroy(net);
    }
    samen_study_destroy(study);
    samen_diag_destroy(d);
    return rc;
}

/* ---- metrics -------------------------------------------------------------------- */

static cJSON *id_list(const samen_network *net, const samen_network_metrics *m, int which)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr != NULL && i < samen_network_nparties(net); i++) {
        const samen_party_centrality *c = samen_network_metrics_party(m, i);
        bool in = which == 0 ? c->isolate : which == 1 ? c->pendant : c->broker;
        if (in)
            cJSON_AddItemToArray(arr, cJSON_CreateString(samen_network_party(net, i)->id));
    }
    return arr;
}

static void summary_json(cJSON *o, const samen_network_summary *s)
{
    cJSON_AddNumberToObject(o, "parties", (double)s->parties);
    cJSON_AddNumberToObject(o, "ties", (double)s->ties);
    cJSON_AddNumberToObject(o, "pairs", (double)s->pairs);
    add_number(o, "density", s->density);
    add_number(o, "degree_centralization", s->degree_centralization);
    add_number(o, "betweenness_centralization", s->betweenness_centralization);
    cJSON_AddNumberToObject(o, "components", (double)s->components);
    cJSON_AddNumberToObject(o, "isolates", (double)s->isolates);
    cJSON_AddNumberToObject(o, "pendants", (double)s->pendants);
    cJSON_AddNumberToObject(o, "brokers", (double)s->brokers);
}

static cJSON *metrics_json(const samen_network *net, const samen_network_metrics *m)
{
    const samen_network_info *in = samen_network_get_info(net);
    const samen_network_summary *o = samen_network_metrics_overall(m);
    const samen_network_class_info *c = samen_network_metrics_class(m);
    cJSON *root = cJSON_CreateObject();
    if (root == NULL)
        return NULL;
    cJSON_AddStringToObject(root, "id", in->id);
    cJSON_AddStringToObject(root, "region", in->region);
    cJSON_AddNumberToObject(root, "wave", in->wave);
    cJSON_AddStringToObject(root, "meeting", in->meeting);
    cJSON_AddStringToObject(root, "variant",
                            samen_network_code(SAMEN_NETVOCAB_VARIANT, (int)in->variant));
    summary_json(root, o);
    cJSON_AddStringToObject(root, "class", samen_network_code(SAMEN_NETVOCAB_CLASS, (int)c->cls));
    if (o->most_central != SAMEN_NETWORK_NONE)
        cJSON_AddStringToObject(root, "most_central",
                                samen_network_party(net, o->most_central)->id);
    else
        cJSON_AddNullToObject(root, "most_central");
    add_number(root, "reciprocity_initiative",
               samen_network_metrics_type(m, SAMEN_TIE_INITIATIVE)->reciprocity);
    cJSON_AddItemToObject(root, "isolated_parties", id_list(net, m, 0));
    cJSON_AddItemToObject(root, "pendant_parties", id_list(net, m, 1));
    cJSON_AddItemToObject(root, "broker_parties", id_list(net, m, 2));
    cJSON *cl = cJSON_AddObjectToObject(root, "classification");
    if (cl != NULL) {
        cJSON_AddStringToObject(cl, "class", samen_network_code(SAMEN_NETVOCAB_CLASS, (int)c->cls));
        if (c->hub_group >= 0)
            cJSON_AddStringToObject(cl, "hub", samen_network_group(net, (size_t)c->hub_group)->id);
        else if (c->hub_party != SAMEN_NETWORK_NONE)
            cJSON_AddStringToObject(cl, "hub", samen_network_party(net, c->hub_party)->id);
        else
            cJSON_AddNullToObject(cl, "hub");
        if (c->hub_label != NULL)
            cJSON_AddStringToObject(cl, "hub_label", c->hub_label);
        add_number(cl, "hub_share", c->hub_share);
        add_number(cl, "centralization", c->centralization);
        add_number(cl, "redundancy", c->redundancy);
        add_number(cl, "coverage", c->coverage);
        cJSON_AddNumberToObject(cl, "vertices", (double)c->vertices);
        cJSON_AddNumberToObject(cl, "ties", (double)c->ties);
    }
    cJSON *bt = cJSON_AddObjectToObject(root, "by_type");
    for (int t = 0; bt != NULL && t < SAMEN_TIE_TYPE_COUNT; t++) {
        const samen_network_summary *s = samen_network_metrics_type(m, (samen_tie_type)t);
        cJSON *to = cJSON_AddObjectToObject(bt, samen_network_code(SAMEN_NETVOCAB_TIE_TYPE, t));
        if (to == NULL)
            continue;
        summary_json(to, s);
        cJSON_AddBoolToObject(to, "directed", s->directed);
        if (s->directed) {
            add_number(to, "out_degree_centralization", s->out_degree_centralization);
            add_number(to, "in_degree_centralization", s->in_degree_centralization);
            add_number(to, "reciprocity", s->reciprocity);
        }
    }
    cJSON *cent = cJSON_AddArrayToObject(root, "centrality");
    for (size_t i = 0; cent != NULL && i < samen_network_nparties(net); i++) {
        const samen_party_centrality *pc = samen_network_metrics_party(m, i);
        cJSON *p = cJSON_CreateObject();
        if (p == NULL)
            break;
        cJSON_AddItemToArray(cent, p);
        cJSON_AddStringToObject(p, "id", samen_network_party(net, i)->id);
        cJSON_AddNumberToObject(p, "degree", (double)pc->degree);
        cJSON_AddNumberToObject(p, "betweenness", pc->betweenness);
        cJSON_AddNumberToObject(p, "initiative_out", (double)pc->initiative_out);
        cJSON_AddNumberToObject(p, "decision_out", (double)pc->decision_out);
    }
    return root;
}

static void print_ids(const samen_network *net, const samen_network_metrics *m, int which)
{
    bool any = false;
    for (size_t i = 0; i < samen_network_nparties(net); i++) {
        const samen_party_centrality *c = samen_network_metrics_party(m, i);
        bool in = which == 0 ? c->isolate : which == 1 ? c->pendant : c->broker;
        if (in) {
            printf("%s%s", any ? ", " : " (", samen_network_party(net, i)->label);
            any = true;
        }
    }
    printf("%s\n", any ? ")" : "");
}

static void metrics_text(const samen_network *net, const samen_network_metrics *m,
                         const char *lang)
{
    const samen_network_info *in = samen_network_get_info(net);
    const samen_network_summary *o = samen_network_metrics_overall(m);
    const samen_network_class_info *c = samen_network_metrics_class(m);
    char a[32], b[32], e[32], f[32];
    printf("%s (%s %s, %d, %s)\n", in->title ? in->title : in->id, _("region"), in->region,
           in->wave, samen_network_label(SAMEN_NETVOCAB_VARIANT, (int)in->variant, lang));
    printf(_("parties: %zu, ties: %zu (%zu pairs joined)\n"), o->parties, o->ties, o->pairs);
    printf(_("density: %s, degree centralization: %s, betweenness centralization: %s\n"),
           num(o->density, a), num(o->degree_centralization, b),
           num(o->betweenness_centralization, e));
    printf(_("components: %zu\n"), o->components);
    printf(_("isolated parties: %zu"), o->isolates);
    print_ids(net, m, 0);
    printf(_("parties reached only through one broker: %zu"), o->pendants);
    print_ids(net, m, 1);
    printf(_("brokers: %zu"), o->brokers);
    print_ids(net, m, 2);
    if (o->most_central != SAMEN_NETWORK_NONE)
        printf(_("most central party: %s\n"), samen_network_party(net, o->most_central)->label);
    printf(_("reciprocity of initiative: %s\n"),
           num(samen_network_metrics_type(m, SAMEN_TIE_INITIATIVE)->reciprocity, a));
    for (int t = 0; t < SAMEN_TIE_TYPE_COUNT; t++) {
        const samen_network_summary *s = samen_network_metrics_type(m, (samen_tie_type)t);
        printf(_("  %s: %zu ties, density %s, degree centralization %s, betweenness "
                 "centralization %s\n"),
               samen_network_label(SAMEN_NETVOCAB_TIE_TYPE, t, lang), s->ties, num(s->density, a),
               num(s->degree_centralization, b), num(s->betweenness_centralization, e));
    }
    printf(_("structure: %s"), samen_network_label(SAMEN_NETVOCAB_CLASS, (int)c->cls, lang));
    if (c->hub_label != NULL && c->cls == SAMEN_CLASS_STAR)
        printf(_(" (hub: %s)"), c->hub_label);
    printf(_(" [hub share %s, centralization %s, redundancy %s, coverage %s]\n"),
           num(c->hub_share, a), num(c->centralization, b), num(c->redundancy, e),
           num(c->coverage, f));
}

static int metrics(int argc, char **argv)
{
    const char *format = "text", *lang = NULL;
    const cli_opt opts[] = {{"format", &format, NULL}, {"lang", &lang, NULL}, {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 1, &npos, usage);
    if (rc >= 0)
        return rc;
    bool json;
    if (npos != 1)
        return cli_usage_error("network metrics", "%s", _("name one drawing file"));
    if (!format_ok("network metrics", format, &json) || !lang_ok("network metrics", lang))
        return 2;
    lang = samen_i18n_set(lang);
    samen_diag *d = new_diag();
    if (d == NULL)
        return 1;
    samen_network *net = NULL;
    samen_network_metrics *m = NULL;
    rc = load(pos[0], &net, d);
    if (rc < 0) {
        samen_status st = samen_network_measure(net, &m);
        rc = st == SAMEN_OK ? 0 : cli_fail(st, d);
    }
    if (rc == 0 && json) {
        cJSON *root = metrics_json(net, m);
        if (root == NULL)
            rc = 1;
        else
            print_json(root);
        cJSON_Delete(root);
    } else if (rc == 0) {
        metrics_text(net, m, lang);
    }
    samen_network_metrics_destroy(m);
    samen_network_destroy(net);
    samen_diag_destroy(d);
    return rc;
}

/* ---- draw ----------------------------------------------------------------------- */

static int draw(int argc, char **argv)
{
    const char *out = NULL, *lang = NULL;
    bool no_legend = false, no_metrics = false;
    const cli_opt opts[] = {{"out", &out, NULL},
                            {"lang", &lang, NULL},
                            {"no-legend", NULL, &no_legend},
                            {"no-metrics", NULL, &no_metrics},
                            {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 1, &npos, usage);
    if (rc >= 0)
        return rc;
    if (npos != 1)
        return cli_usage_error("network draw", "%s", _("name one drawing file"));
    if (out == NULL)
        return cli_usage_error("network draw", "%s", _("--out FILE is required"));
    if (!lang_ok("network draw", lang))
        return 2;
    lang = samen_i18n_set(lang);
    samen_diag *d = new_diag();
    if (d == NULL)
        return 1;
    samen_network *net = NULL;
    rc = load(pos[0], &net, d);
    if (rc < 0) {
        samen_network_render_options ro = {.lang = lang, .no_legend = no_legend,
                                           .no_metrics = no_metrics};
        char *svg = NULL;
        size_t len = 0;
        samen_status st = samen_network_render_svg(net, &ro, &svg, &len);
        if (st != SAMEN_OK) {
            fprintf(stderr, _("samen network draw: Graphviz could not draw %s\n"), pos[0]);
            rc = samen_status_exit_code(st);
        } else {
            rc = write_out("draw", out, svg, len);
        }
        free(svg);
    }
    samen_network_destroy(net);
    samen_diag_destroy(d);
    return rc;
}

/* ---- compare -------------------------------------------------------------------- */

static cJSON *side_json(const samen_network *net, const samen_network_metrics *m)
{
    const samen_network_info *in = samen_network_get_info(net);
    const samen_network_summary *o = samen_network_metrics_overall(m);
    cJSON *s = cJSON_CreateObject();
    if (s == NULL)
        return NULL;
    cJSON_AddStringToObject(s, "id", in->id);
    cJSON_AddNumberToObject(s, "wave", in->wave);
    cJSON_AddStringToObject(s, "variant",
                            samen_network_code(SAMEN_NETVOCAB_VARIANT, (int)in->variant));
    cJSON_AddStringToObject(s, "class",
                            samen_network_code(SAMEN_NETVOCAB_CLASS,
                                               (int)samen_network_metrics_class(m)->cls));
    summary_json(s, o);
    return s;
}

static double delta(double a, double b)
{
    return b - a;
}

static int compare(int argc, char **argv)
{
    const char *format = "text", *lang = NULL;
    const cli_opt opts[] = {{"format", &format, NULL}, {"lang", &lang, NULL}, {NULL, NULL, NULL}};
    const char *pos[2];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 2, &npos, usage);
    if (rc >= 0)
        return rc;
    bool json;
    if (npos != 2)
        return cli_usage_error("network compare", "%s", _("name two drawing files: A B"));
    if (!format_ok("network compare", format, &json) || !lang_ok("network compare", lang))
        return 2;
    lang = samen_i18n_set(lang);
    samen_diag *d = new_diag();
    if (d == NULL)
        return 1;
    samen_network *a = NULL, *b = NULL;
    samen_network_diff *diff = NULL;
    rc = load(pos[0], &a, d);
    if (rc < 0)
        rc = load(pos[1], &b, d);
    if (rc < 0) {
        samen_status st = samen_network_compare(a, b, &diff);
        rc = st == SAMEN_OK ? 0 : cli_fail(st, d);
    }
    if (rc != 0)
        goto out;
    const samen_network_metrics *ma = samen_network_diff_metrics(diff, 0);
    const samen_network_metrics *mb = samen_network_diff_metrics(diff, 1);
    const samen_network_summary *sa = samen_network_metrics_overall(ma);
    const samen_network_summary *sb = samen_network_metrics_overall(mb);
    int ca = (int)samen_network_metrics_class(ma)->cls,
        cb = (int)samen_network_metrics_class(mb)->cls;
    if (json) {
        cJSON *root = cJSON_CreateObject();
        if (root == NULL) {
            rc = 1;
            goto out;
        }
        cJSON_AddItemToObject(root, "a", side_json(a, ma));
        cJSON_AddItemToObject(root, "b", side_json(b, mb));
        cJSON_AddStringToObject(root, "class_from", samen_network_code(SAMEN_NETVOCAB_CLASS, ca));
        cJSON_AddStringToObject(root, "class_to", samen_network_code(SAMEN_NETVOCAB_CLASS, cb));
        char change[200];
        snprintf(change, sizeof change, "%s → %s",
                 samen_network_label(SAMEN_NETVOCAB_CLASS, ca, lang),
                 samen_network_label(SAMEN_NETVOCAB_CLASS, cb, lang));
        cJSON_AddStringToObject(root, "class_change", change);
        cJSON *ties = cJSON_AddObjectToObject(root, "ties");
        for (int t = 0; ties != NULL && t <= SAMEN_TIE_TYPE_COUNT; t++) {
            cJSON *o = cJSON_AddObjectToObject(
                ties,
                t < SAMEN_TIE_TYPE_COUNT ? samen_network_code(SAMEN_NETVOCAB_TIE_TYPE, t) : "all");
            if (o == NULL)
                continue;
            cJSON_AddNumberToObject(o, "added",
                                    (double)samen_network_diff_added(diff, (samen_tie_type)t));
            cJSON_AddNumberToObject(o, "removed",
                                    (double)samen_network_diff_removed(diff, (samen_tie_type)t));
            cJSON_AddNumberToObject(o, "kept",
                                    (double)samen_network_diff_kept(diff, (samen_tie_type)t));
        }
        add_number(root, "distance", samen_network_diff_distance(diff));
        cJSON *dl = cJSON_AddObjectToObject(root, "delta");
        if (dl != NULL) {
            add_number(dl, "density", delta(sa->density, sb->density));
            add_number(dl, "degree_centralization",
                       delta(sa->degree_centralization, sb->degree_centralization));
            add_number(dl, "betweenness_centralization",
                       delta(sa->betweenness_centralization, sb->betweenness_centralization));
        }
        for (int added = 0; added < 2; added++) {
            cJSON *arr = cJSON_AddArrayToObject(root, added ? "parties_added" : "parties_removed");
            for (size_t i = 0; arr != NULL && i < samen_network_diff_nparties(diff, added); i++)
                cJSON_AddItemToArray(arr,
                                     cJSON_CreateString(samen_network_diff_party(diff, added, i)));
        }
        cJSON *ch = cJSON_AddArrayToObject(root, "changes");
        for (size_t i = 0; ch != NULL && i < samen_network_diff_nchanges(diff); i++) {
            const samen_tie_change *c = samen_network_diff_change(diff, i);
            cJSON *o = cJSON_CreateObject();
            if (o == NULL)
                break;
            cJSON_AddItemToArray(ch, o);
            cJSON_AddStringToObject(o, "change", c->added ? "added" : "removed");
            cJSON_AddStringToObject(o, "type",
                                    samen_network_code(SAMEN_NETVOCAB_TIE_TYPE, (int)c->type));
            cJSON_AddStringToObject(o, "from", c->from);
            cJSON_AddStringToObject(o, "to", c->to);
        }
        print_json(root);
        cJSON_Delete(root);
        goto out;
    }
    char x[32], y[32], z[32];
    const samen_network_info *ia = samen_network_get_info(a), *ib = samen_network_get_info(b);
    printf("A: %s (%d, %s)\nB: %s (%d, %s)\n", ia->id, ia->wave,
           samen_network_label(SAMEN_NETVOCAB_VARIANT, (int)ia->variant, lang), ib->id, ib->wave,
           samen_network_label(SAMEN_NETVOCAB_VARIANT, (int)ib->variant, lang));
    printf(_("structure: %s → %s\n"),
           samen_network_label(SAMEN_NETVOCAB_CLASS, ca, lang),
           samen_network_label(SAMEN_NETVOCAB_CLASS, cb, lang));
    printf(_("ties: %zu added, %zu removed, %zu kept (distance %s)\n"),
           samen_network_diff_added(diff, SAMEN_TIE_TYPE_COUNT),
           samen_network_diff_removed(diff, SAMEN_TIE_TYPE_COUNT),
           samen_network_diff_kept(diff, SAMEN_TIE_TYPE_COUNT),
           num(samen_network_diff_distance(diff), x));
    for (int t = 0; t < SAMEN_TIE_TYPE_COUNT; t++)
        printf("  %s: +%zu -%zu\n", samen_network_label(SAMEN_NETVOCAB_TIE_TYPE, t, lang),
               samen_network_diff_added(diff, (samen_tie_type)t),
               samen_network_diff_removed(diff, (samen_tie_type)t));
    printf(_("density: %s → %s\n"), num(sa->density, x), num(sb->density, y));
    printf(_("degree centralization: %s → %s (%s)\n"), num(sa->degree_centralization, x),
           num(sb->degree_centralization, y),
           num(delta(sa->degree_centralization, sb->degree_centralization), z));
    printf(_("betweenness centralization: %s → %s (%s)\n"),
           num(sa->betweenness_centralization, x), num(sb->betweenness_centralization, y),
           num(delta(sa->betweenness_centralization, sb->betweenness_centralization), z));
    for (int added = 0; added < 2; added++)
        for (size_t i = 0; i < samen_network_diff_nparties(diff, added); i++)
            printf(added ? _("party added: %s\n") : _("party removed: %s\n"),
                   samen_network_diff_party(diff, added, i));
    for (size_t i = 0; i < samen_network_diff_nchanges(diff); i++) {
        const samen_tie_change *c = samen_network_diff_change(diff, i);
        printf("  %c %s: %s %s %s\n", c->added ? '+' : '-',
               samen_network_label(SAMEN_NETVOCAB_TIE_TYPE, (int)c->type, lang), c->from,
               samen_tie_type_directed(c->type) ? "→" : "—", c->to);
    }
out:
    samen_network_diff_destroy(diff);
    samen_network_destroy(a);
    samen_network_destroy(b);
    samen_diag_destroy(d);
    return rc;
}

/* ---- export / import ---------------------------------------------------------------- */

static int export_drawing(int argc, char **argv)
{
    const char *out = NULL, *format = NULL, *lang = NULL;
    const cli_opt opts[] = {{"out", &out, NULL},
                            {"format", &format, NULL},
                            {"lang", &lang, NULL},
                            {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 1, &npos, usage);
    if (rc >= 0)
        return rc;
    if (npos != 1)
        return cli_usage_error("network export", "%s", _("name one drawing file"));
    if (out == NULL)
        return cli_usage_error("network export", "%s", _("--out FILE is required"));
    if (format == NULL || (strcmp(format, "graphml") != 0 && strcmp(format, "refi") != 0))
        return cli_usage_error("network export", "%s", _("--format is graphml or refi"));
    if (!lang_ok("network export", lang))
        return 2;
    lang = samen_i18n_set(lang);
    samen_diag *d = new_diag();
    if (d == NULL)
        return 1;
    samen_network *net = NULL;
    rc = load(pos[0], &net, d);
    if (rc < 0) {
        char *text = NULL;
        size_t len = 0;
        samen_status st = strcmp(format, "graphml") == 0
                              ? samen_network_write_graphml(net, &text, &len)
                              : samen_network_write_refi(net, lang, &text, &len);
        rc = st == SAMEN_OK ? write_out("export", out, text, len) : cli_fail(st, d);
        free(text);
    }
    samen_network_destroy(net);
    samen_diag_destroy(d);
    return rc;
}

static int import_drawing(int argc, char **argv)
{
    const char *out = NULL, *id = NULL, *region = NULL, *wave = NULL, *meeting = NULL,
               *variant = NULL, *situation = NULL;
    const cli_opt opts[] = {{"out", &out, NULL},         {"id", &id, NULL},
                            {"region", &region, NULL},   {"wave", &wave, NULL},
                            {"meeting", &meeting, NULL}, {"variant", &variant, NULL},
                            {"situation", &situation, NULL}, {NULL, NULL, NULL}};
    const char *pos[1];
    size_t npos;
    int rc = cli_parse(argc, argv, opts, pos, 1, &npos, usage);
    if (rc >= 0)
        return rc;
    if (npos != 1)
        return cli_usage_error("network import", "%s", _("name one GraphML file"));
    if (out == NULL)
        return cli_usage_error("network import", "%s", _("--out FILE is required"));
    samen_network_info dflt = {.id = id, .region = region, .meeting = meeting, .situation = -1};
    if (wave != NULL && !cli_parse_wave("network import", wave, &dflt.wave))
        return 2;
    if (variant != NULL) {
        int v = samen_network_lookup(SAMEN_NETVOCAB_VARIANT, variant);
        if (v < 0)
            return cli_usage_error("network import", "%s", _("--variant is current or desired"));
        dflt.variant = (samen_network_variant)v;
    }
    if (situation != NULL) {
        dflt.situation = samen_vocab_lookup(SAMEN_ATTR_SITUATION, situation);
        if (dflt.situation < 0)
            return cli_usage_error("network import", _("'%s' is not a situation"), situation);
    }
    samen_diag *d = new_diag();
    if (d == NULL)
        return 1;
    samen_network *net = NULL;
    samen_status st = samen_network_load_graphml(pos[0], pos[0], &dflt, &net, d);
    if (st != SAMEN_OK) {
        rc = cli_fail(st, d);
        if (rc == 2 && (region == NULL || wave == NULL || meeting == NULL))
            fprintf(stderr, "%s\n",
                    _("(fields the file does not give can be passed as --id, --region, --wave, "
                      "--meeting and --variant)"));
    } else {
        char *text = NULL;
        size_t len = 0;
        st = samen_network_write_yaml(net, &text, &len);
        rc = st == SAMEN_OK ? write_out("import", out, text, len) : cli_fail(st, d);
        if (rc == 0)
            printf(_("wrote %s (%zu parties, %zu groups, %zu ties)\n"), out,
                   samen_network_nparties(net), samen_network_ngroups(net),
                   samen_network_nties(net));
        free(text);
    }
    samen_network_destroy(net);
    samen_diag_destroy(d);
    return rc;
}

/* ---- dispatch ------------------------------------------------------------------- */

int cli_network(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*run)(int argc, char **argv);
    } actions[] = {{"check", check},   {"metrics", metrics},         {"draw", draw},
                   {"compare", compare}, {"export", export_drawing}, {"import", import_drawing}};
    if (argc < 2) {
        fputs(usage, stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
        if (strcmp(argv[1], actions[i].name) == 0)
            return actions[i].run(argc - 1, argv + 1);
    fprintf(stderr, _("samen network: unknown action '%s'\n\n"), argv[1]);
    fputs(usage, stderr);
    return 2;
}
