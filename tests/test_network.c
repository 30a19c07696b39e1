/* test_network.c - network drawings: the file format and its errors, the
 * building rules, metrics on textbook graphs, the classification rule on
 * textbook graphs and on the report's examples, comparison, rendering,
 * GraphML and REFI-QDA. Agreement with igraph on many graphs is checked by
 * tests/cli/network_igraph.sh. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samen/network.h"
#include "samen/network_exchange.h"
#include "samen/network_metrics.h"
#include "samen/network_render.h"
#include "test.h"

/* ---- helpers ---------------------------------------------------------------------- */

static samen_network *load_text(const char *yaml, samen_diag *d)
{
    samen_network *net = NULL;
    samen_status st = samen_network_load_buffer(yaml, strlen(yaml), "t.yaml", &net, d);
    return st == SAMEN_OK ? net : NULL;
}

static samen_network *load_example(const char *file)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/examples/image/networks/%s", test_source_dir(), file);
    samen_diag *d = samen_diag_create(20);
    samen_network *net = NULL;
    samen_status st = samen_network_load(path, file, &net, d);
    samen_diag_print(d, stderr);
    samen_diag_destroy(d);
    ASSERT_EQ(st, SAMEN_OK);
    return net;
}

/* Loads yaml, expecting failure, and checks that the message at index 0
 * (the first problem) contains want. */
static void expect_error(const char *yaml, const char *want)
{
    samen_diag *d = samen_diag_create(20);
    samen_network *net = load_text(yaml, d);
    ASSERT_TRUE(net == NULL);
    ASSERT_TRUE(samen_diag_count(d) >= 1);
    bool found = false;
    for (size_t i = 0; i < samen_diag_count(d) && samen_diag_message(d, i); i++)
        found = found || strstr(samen_diag_message(d, i), want) != NULL;
    if (!found)
        samen_diag_print(d, stderr);
    ASSERT_TRUE(found);
    samen_diag_destroy(d);
}

#define HEAD "format: 1\nid: t\nregion: P\nwave: 2023\nmeeting: m\nvariant: current\n"

/* A network of n parties "p0".."p{n-1}" without ties. */
static samen_network *empty(size_t n)
{
    samen_network_info info = {.id = "g", .region = "X", .wave = 2023, .meeting = "m",
                               .situation = -1};
    samen_network *net = NULL;
    ASSERT_EQ(samen_network_create(&info, &net), SAMEN_OK);
    for (size_t i = 0; i < n; i++) {
        char id[32], label[40];
        snprintf(id, sizeof id, "p%zu", i);
        snprintf(label, sizeof label, "Party %zu", i);
        samen_party_info p = {.id = id, .label = label, .kind = SAMEN_PARTY_OTHER};
        ASSERT_EQ(samen_network_add_party(net, &p), SAMEN_OK);
    }
    return net;
}

static void tie(samen_network *net, samen_tie_type t, size_t a, size_t b)
{
    samen_tie_info ti = {.type = t, .from = a, .to = b};
    ASSERT_EQ(samen_network_add_tie(net, &ti), SAMEN_OK);
}

static void contact(samen_network *net, size_t a, size_t b)
{
    tie(net, SAMEN_TIE_CONTACT, a, b);
}

static samen_network_class classify(const samen_network *net)
{
    samen_network_metrics *m = NULL;
    ASSERT_EQ(samen_network_measure(net, &m), SAMEN_OK);
    samen_network_class c = samen_network_metrics_class(m)->cls;
    samen_network_metrics_destroy(m);
    return c;
}

static samen_network *star(size_t leaves)
{
    samen_network *net = empty(leaves + 1);
    for (size_t i = 1; i <= leaves; i++)
        contact(net, 0, i);
    return net;
}

static samen_network *path(size_t n)
{
    samen_network *net = empty(n);
    for (size_t i = 0; i + 1 < n; i++)
        contact(net, i, i + 1);
    return net;
}

static samen_network *complete(size_t n)
{
    samen_network *net = empty(n);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            contact(net, i, j);
    return net;
}

/* ---- the file format -------------------------------------------------------------- */

TEST(network_loads_every_example)
{
    static const char *const files[] = {
        "figuur-03-K-po-kinderopvang.yaml", "figuur-04-I-po-vo.yaml",
        "figuur-05-G-po-vo.yaml",           "figuur-06-C-binnen-po.yaml",
        "figuur-07-F-binnen-vo.yaml",       "figuur-08-E-binnen-vo.yaml",
        "figuur-09-O-vso-vo.yaml",          "figuur-10-P-huidig.yaml",
        "figuur-10-P-gewenst.yaml"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        samen_network *net = load_example(files[i]);
        const samen_network_info *in = samen_network_get_info(net);
        ASSERT_TRUE(in->reconstructed);
        ASSERT_EQ(in->wave, 2023);
        ASSERT_TRUE(in->situation >= 0);
        ASSERT_TRUE(samen_network_nparties(net) >= 6);
        samen_network_destroy(net);
    }
}

TEST(network_reads_every_field)
{
    samen_diag *d = samen_diag_create(20);
    samen_network *net = load_text(
        HEAD "situation: onderwijs_jeugdhulp\ntitle: T\ndrawn_by: groepje 2\nreconstructed: true\n"
             "parties:\n"
             "  - {id: a, label: A, function: f, organisation: o, kind: partnership}\n"
             "  - {id: b, label: B, kind: gemeente, status: not_taking_part, note: n}\n"
             "  - {id: c, label: C, kind: school, status: waiting}\n"
             "groups:\n  - {id: g, label: G, members: [a, c], unit: true}\n"
             "ties:\n"
             "  - {type: contact, between: [a, b], weak: true, note: x}\n"
             "  - {type: decision, from: b, to: c}\n"
             "  - {type: initiative, from: c, to: a}\n",
        d);
    samen_diag_print(d, stderr);
    ASSERT_TRUE(net != NULL);
    const samen_network_info *in = samen_network_get_info(net);
    ASSERT_STR_EQ(in->title, "T");
    ASSERT_STR_EQ(in->drawn_by, "groepje 2");
    ASSERT_EQ(in->variant, SAMEN_NETWORK_CURRENT);
    ASSERT_EQ(samen_network_party(net, 1)->status, SAMEN_PARTICIPATION_NOT_TAKING_PART);
    ASSERT_EQ(samen_network_party(net, 2)->status, SAMEN_PARTICIPATION_WAITING);
    ASSERT_EQ(samen_network_party(net, 0)->kind, SAMEN_PARTY_PARTNERSHIP);
    ASSERT_STR_EQ(samen_network_party(net, 0)->function, "f");
    ASSERT_EQ(samen_network_ngroups(net), 1);
    ASSERT_TRUE(samen_network_group(net, 0)->unit);
    ASSERT_EQ(samen_network_party_group(net, 2), 0);
    ASSERT_EQ(samen_network_party_group(net, 1), -1);
    ASSERT_EQ(samen_network_nties(net), 3);
    ASSERT_TRUE(samen_network_tie(net, 0)->weak);
    ASSERT_STR_EQ(samen_network_tie(net, 0)->note, "x");
    ASSERT_EQ(samen_network_tie(net, 1)->type, SAMEN_TIE_DECISION);
    ASSERT_EQ(samen_network_tie(net, 1)->from, 1);
    samen_network_destroy(net);
    samen_diag_destroy(d);
}

TEST(network_rejects_tie_to_unknown_party_with_position)
{
    expect_error(HEAD "parties:\n  - {id: a, label: A, kind: school}\n"
                      "  - {id: b, label: B, kind: school}\n"
                      "ties:\n  - {type: contact, between: [a, zz]}\n",
                 "t.yaml:11:34: unknown party 'zz'");
    expect_error(HEAD "parties:\n  - {id: a, label: A, kind: school}\n"
                      "ties:\n  - type: initiative\n    from: nobody\n    to: a\n",
                 "t.yaml:11:11: unknown party 'nobody'");
}

TEST(network_rejects_unknown_tie_type_with_position)
{
    expect_error(HEAD "parties:\n  - {id: a, label: A, kind: school}\n"
                      "  - {id: b, label: B, kind: school}\n"
                      "ties:\n  - {type: friendship, between: [a, b]}\n",
                 "t.yaml:11:12: unknown tie type 'friendship' (one of: contact, decision, "
                 "initiative)");
}

TEST(network_rejects_duplicate_party_with_position)
{
    expect_error(HEAD "parties:\n  - {id: a, label: A, kind: school}\n"
                      "  - id: a\n    label: Again\n    kind: school\n",
                 "t.yaml:9:9: duplicate party id 'a' (first at line 8)");
}

TEST(network_rejects_other_mistakes)
{
    expect_error(HEAD "parties:\n  - {id: a, label: A, kind: school, colour: red}\n",
                 "t.yaml:8:37: unknown key 'colour'");
    expect_error(HEAD "parties:\n  - {id: a, label: A, kind: castle}\n", "unknown kind 'castle'");
    expect_error(HEAD "parties:\n  - {id: a, label: A, kind: school, status: maybe}\n",
                 "unknown status 'maybe'");
    expect_error(HEAD "parties:\n  - {id: a, label: A, kind: school}\n  - {id: b, label: B, "
                      "kind: school}\nties:\n  - {type: decision, between: [a, b]}\n",
                 "a decision tie has a direction");
    expect_error(HEAD "parties:\n  - {id: a, label: A, kind: school}\n"
                      "ties:\n  - {type: contact, between: [a, a]}\n",
                 "a tie joins two different parties");
    expect_error(HEAD "parties:\n  - {id: a, label: A, kind: school}\n  - {id: b, label: B, "
                      "kind: school}\nties:\n  - {type: contact, between: [a, b]}\n"
                      "  - {type: contact, between: [b, a]}\n",
                 "t.yaml:12:5: duplicate tie: contact between 'b' and 'a'");
    expect_error(HEAD "parties:\n  - {id: a, label: A, kind: school}\ngroups:\n"
                      "  - {id: g, label: G, members: [a]}\n  - {id: h, label: H, members: [a]}\n",
                 "already in group 'g'");
    expect_error("format: 2\nid: t\nregion: P\nwave: 1800\nmeeting: m\nvariant: later\n"
                 "parties:\n  - {id: 'a b', label: A, kind: school}\n",
                 "t.yaml:1:9: format must be 1");
    expect_error(HEAD "parties: []\n", "parties must be a non-empty list");
    expect_error("id: t\n", "format");
    expect_error(HEAD "parties:\n  - {id: a, label: A, kind: school\n", "t.yaml:9:1:");
}

TEST(network_builder_rules)
{
    samen_network *net = empty(3);
    samen_party_info dup = {.id = "p1", .label = "Again", .kind = SAMEN_PARTY_SCHOOL};
    ASSERT_EQ(samen_network_add_party(net, &dup), SAMEN_EEXIST);
    samen_party_info bad = {.id = "has space", .label = "X", .kind = SAMEN_PARTY_SCHOOL};
    ASSERT_EQ(samen_network_add_party(net, &bad), SAMEN_EINVAL);
    samen_party_info nolabel = {.id = "x", .label = "", .kind = SAMEN_PARTY_SCHOOL};
    ASSERT_EQ(samen_network_add_party(net, &nolabel), SAMEN_EINVAL);
    samen_tie_info self = {.type = SAMEN_TIE_CONTACT, .from = 1, .to = 1};
    ASSERT_EQ(samen_network_add_tie(net, &self), SAMEN_EINVAL);
    samen_tie_info out = {.type = SAMEN_TIE_CONTACT, .from = 1, .to = 7};
    ASSERT_EQ(samen_network_add_tie(net, &out), SAMEN_EINVAL);
    contact(net, 0, 1);
    samen_tie_info rev = {.type = SAMEN_TIE_CONTACT, .from = 1, .to = 0};
    ASSERT_EQ(samen_network_add_tie(net, &rev), SAMEN_EEXIST);
    tie(net, SAMEN_TIE_INITIATIVE, 0, 1);
    tie(net, SAMEN_TIE_INITIATIVE, 1, 0);   /* the other direction is another tie */
    samen_tie_info again = {.type = SAMEN_TIE_INITIATIVE, .from = 0, .to = 1};
    ASSERT_EQ(samen_network_add_tie(net, &again), SAMEN_EEXIST);
    size_t members[] = {0, 2};
    samen_group_info g = {.id = "g", .label = "G", .members = members, .nmembers = 2};
    ASSERT_EQ(samen_network_add_group(net, &g), SAMEN_OK);
    samen_group_info h = {.id = "h", .label = "H", .members = members, .nmembers = 1};
    ASSERT_EQ(samen_network_add_group(net, &h), SAMEN_EEXIST);
    ASSERT_EQ(samen_network_nties(net), 3);
    samen_network_destroy(net);
}

TEST(network_yaml_round_trip)
{
    samen_network *net = load_example("figuur-07-F-binnen-vo.yaml");
    char *a = NULL, *b = NULL;
    size_t la = 0, lb = 0;
    ASSERT_EQ(samen_network_write_yaml(net, &a, &la), SAMEN_OK);
    samen_diag *d = samen_diag_create(20);
    samen_network *again = NULL;
    ASSERT_EQ(samen_network_load_buffer(a, la, "again.yaml", &again, d), SAMEN_OK);
    ASSERT_EQ(samen_network_write_yaml(again, &b, &lb), SAMEN_OK);
    ASSERT_STR_EQ(a, b);
    ASSERT_EQ(samen_network_nties(again), samen_network_nties(net));
    ASSERT_EQ(samen_network_ngroups(again), 2);
    free(a);
    free(b);
    samen_network_destroy(again);
    samen_network_destroy(net);
    samen_diag_destroy(d);
}

/* ---- metrics ----------------------------------------------------------------------- */

TEST(network_metrics_of_a_star)
{
    samen_network *net = star(5);
    samen_network_metrics *m = NULL;
    ASSERT_EQ(samen_network_measure(net, &m), SAMEN_OK);
    const samen_network_summary *s = samen_network_metrics_overall(m);
    ASSERT_EQ(s->parties, 6);
    ASSERT_EQ(s->ties, 5);
    ASSERT_NEAR(s->density, 5.0 / 15.0, 1e-12);
    ASSERT_NEAR(s->degree_centralization, 1.0, 1e-12);
    ASSERT_NEAR(s->betweenness_centralization, 1.0, 1e-12);
    ASSERT_EQ(s->components, 1);
    ASSERT_EQ(s->pendants, 5);
    ASSERT_EQ(s->brokers, 1);
    ASSERT_EQ(s->most_central, 0);
    ASSERT_NEAR(samen_network_metrics_party(m, 0)->betweenness, 10.0, 1e-12);
    ASSERT_TRUE(samen_network_metrics_party(m, 0)->broker);
    ASSERT_TRUE(isnan(samen_network_metrics_type(m, SAMEN_TIE_INITIATIVE)->reciprocity));
    samen_network_metrics_destroy(m);
    samen_network_destroy(net);
}

TEST(network_metrics_of_a_path_and_a_complete_graph)
{
    samen_network *p = path(4);
    samen_network_metrics *m = NULL;
    ASSERT_EQ(samen_network_measure(p, &m), SAMEN_OK);
    const samen_network_summary *s = samen_network_metrics_overall(m);
    ASSERT_NEAR(s->degree_centralization, 2.0 / 6.0, 1e-12);
    /* inner vertices have betweenness 2: (2+2) / (3^2 * 2 / 2) */
    ASSERT_NEAR(s->betweenness_centralization, 4.0 / 9.0, 1e-12);
    ASSERT_EQ(s->brokers, 2);
    ASSERT_EQ(s->pendants, 2);
    samen_network_metrics_destroy(m);
    samen_network_destroy(p);

    samen_network *k = complete(5);
    ASSERT_EQ(samen_network_measure(k, &m), SAMEN_OK);
    s = samen_network_metrics_overall(m);
    ASSERT_NEAR(s->density, 1.0, 1e-12);
    ASSERT_NEAR(s->degree_centralization, 0.0, 1e-12);
    ASSERT_NEAR(s->betweenness_centralization, 0.0, 1e-12);
    ASSERT_EQ(s->brokers, 0);
    samen_network_metrics_destroy(m);
    samen_network_destroy(k);
}

TEST(network_metrics_undefined_and_isolates)
{
    samen_network *net = empty(2);
    samen_network_metrics *m = NULL;
    ASSERT_EQ(samen_network_measure(net, &m), SAMEN_OK);
    const samen_network_summary *s = samen_network_metrics_overall(m);
    ASSERT_TRUE(isnan(s->degree_centralization));
    ASSERT_TRUE(isnan(s->betweenness_centralization));
    ASSERT_NEAR(s->density, 0.0, 1e-12);
    ASSERT_EQ(s->isolates, 2);
    ASSERT_EQ(s->components, 2);
    ASSERT_EQ(s->most_central, SAMEN_NETWORK_NONE);
    ASSERT_EQ(samen_network_metrics_class(m)->cls, SAMEN_CLASS_NONE);
    samen_network_metrics_destroy(m);
    samen_network_destroy(net);
}

TEST(network_metrics_directed_types)
{
    samen_network *net = empty(4);
    tie(net, SAMEN_TIE_INITIATIVE, 0, 1);
    tie(net, SAMEN_TIE_INITIATIVE, 1, 0);
    tie(net, SAMEN_TIE_INITIATIVE, 0, 2);
    tie(net, SAMEN_TIE_INITIATIVE, 0, 3);
    tie(net, SAMEN_TIE_DECISION, 3, 2);
    samen_network_metrics *m = NULL;
    ASSERT_EQ(samen_network_measure(net, &m), SAMEN_OK);
    const samen_network_summary *ini = samen_network_metrics_type(m, SAMEN_TIE_INITIATIVE);
    ASSERT_TRUE(ini->directed);
    ASSERT_EQ(ini->ties, 4);
    ASSERT_EQ(ini->pairs, 3);
    ASSERT_NEAR(ini->density, 4.0 / 12.0, 1e-12);
    ASSERT_NEAR(ini->reciprocity, 0.5, 1e-12);
    /* out-degrees 3,1,0,0: (0+2+3+3) / 9 */
    ASSERT_NEAR(ini->out_degree_centralization, 8.0 / 9.0, 1e-12);
    ASSERT_EQ(samen_network_metrics_party(m, 0)->initiative_out, 3);
    ASSERT_EQ(samen_network_metrics_party(m, 3)->decision_out, 1);
    const samen_network_summary *all = samen_network_metrics_overall(m);
    ASSERT_EQ(all->ties, 5);
    ASSERT_EQ(all->pairs, 4);
    samen_network_metrics_destroy(m);
    samen_network_destroy(net);
}

/* ---- classification ------------------------------------------------------------------ */

TEST(network_classifies_textbook_graphs)
{
    samen_network *net = star(6);
    ASSERT_EQ(classify(net), SAMEN_CLASS_STAR);
    samen_network_destroy(net);

    net = path(6);
    ASSERT_EQ(classify(net), SAMEN_CLASS_CHAIN);
    samen_network_destroy(net);

    net = complete(5);
    ASSERT_EQ(classify(net), SAMEN_CLASS_NETWORK);
    samen_network_destroy(net);

    net = complete(3);
    ASSERT_EQ(classify(net), SAMEN_CLASS_NETWORK);
    samen_network_destroy(net);

    /* a star with a few cross ties stays a star */
    net = star(8);
    contact(net, 1, 2);
    contact(net, 3, 4);
    ASSERT_EQ(classify(net), SAMEN_CLASS_STAR);
    samen_network_destroy(net);

    /* a hierarchy (binary tree of 15) is a chain/hierarchy */
    net = empty(15);
    for (size_t i = 1; i < 15; i++)
        contact(net, (i - 1) / 2, i);
    ASSERT_EQ(classify(net), SAMEN_CLASS_CHAIN);
    samen_network_destroy(net);

    /* two ties are too few for a structure */
    net = path(3);
    ASSERT_EQ(classify(net), SAMEN_CLASS_NONE);
    samen_network_destroy(net);

    /* three separate pairs fall apart */
    net = empty(6);
    contact(net, 0, 1);
    contact(net, 2, 3);
    contact(net, 4, 5);
    ASSERT_EQ(classify(net), SAMEN_CLASS_NONE);
    samen_network_destroy(net);
}

TEST(network_classification_thresholds)
{
    /* A star whose hub keeps exactly half the ties: 4 spokes, 4 rim ties
     * (a wheel of 5): share 0.5, centralization (4-3)*4/(4*3) = 1/3 < 0.5,
     * redundancy (8-5+1)/8 = 0.5 -> network. */
    samen_network *net = star(4);
    contact(net, 1, 2);
    contact(net, 2, 3);
    contact(net, 3, 4);
    contact(net, 4, 1);
    samen_network_metrics *m = NULL;
    ASSERT_EQ(samen_network_measure(net, &m), SAMEN_OK);
    const samen_network_class_info *c = samen_network_metrics_class(m);
    ASSERT_NEAR(c->hub_share, 0.5, 1e-12);
    ASSERT_NEAR(c->centralization, 1.0 / 3.0, 1e-12);
    ASSERT_NEAR(c->redundancy, 0.5, 1e-12);
    ASSERT_EQ(c->cls, SAMEN_CLASS_NETWORK);
    ASSERT_EQ(c->hub_party, 0);
    samen_network_metrics_destroy(m);
    samen_network_destroy(net);

    /* A ring of 5 has redundancy 1/5 < 0.25: a closed chain; a ring of 4
     * has 1/4: network. */
    net = path(5);
    contact(net, 4, 0);
    ASSERT_EQ(classify(net), SAMEN_CLASS_CHAIN);
    samen_network_destroy(net);
    net = path(4);
    contact(net, 3, 0);
    ASSERT_EQ(classify(net), SAMEN_CLASS_NETWORK);
    samen_network_destroy(net);

    /* A unit group is merged: two hubs forming one unit make a star. */
    net = empty(8);
    contact(net, 0, 1);
    for (size_t i = 2; i < 5; i++)
        contact(net, 0, i);
    for (size_t i = 5; i < 8; i++)
        contact(net, 1, i);
    ASSERT_EQ(classify(net), SAMEN_CLASS_CHAIN);
    size_t members[] = {0, 1};
    samen_group_info g = {.id = "u", .label = "Unit", .unit = true, .members = members,
                          .nmembers = 2};
    ASSERT_EQ(samen_network_add_group(net, &g), SAMEN_OK);
    ASSERT_EQ(samen_network_measure(net, &m), SAMEN_OK);
    ASSERT_EQ(samen_network_metrics_class(m)->cls, SAMEN_CLASS_STAR);
    ASSERT_EQ(samen_network_metrics_class(m)->hub_group, 0);
    ASSERT_STR_EQ(samen_network_metrics_class(m)->hub_label, "Unit");
    samen_network_metrics_destroy(m);
    samen_network_destroy(net);
}

TEST(network_classifies_the_report_examples)
{
    static const struct {
        const char *file;
        samen_network_class cls;
    } cases[] = {
        {"figuur-10-P-huidig.yaml", SAMEN_CLASS_STAR}, /* "sterstructuur" */
        {"figuur-06-C-binnen-po.yaml",
         SAMEN_CLASS_NETWORK}, /* "een goed netwerk is een puinhoop" */
        {"figuur-10-P-gewenst.yaml",
         SAMEN_CLASS_NETWORK}, /* "toewerken naar een netwerkstructuur" */
        {"figuur-07-F-binnen-vo.yaml", SAMEN_CLASS_NETWORK}, /* contact with more than one party */
        {"figuur-05-G-po-vo.yaml", SAMEN_CLASS_NONE},        /* "een onsamenhangend geheel" */
        {"figuur-09-O-vso-vo.yaml", SAMEN_CLASS_STAR},       /* central, connecting partnership */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        samen_network *net = load_example(cases[i].file);
        samen_network_class got = classify(net);
        if (got != cases[i].cls)
            fprintf(stderr, "%s: %s\n", cases[i].file,
                    samen_network_code(SAMEN_NETVOCAB_CLASS, (int)got));
        ASSERT_EQ(got, cases[i].cls);
        samen_network_destroy(net);
    }
    samen_network *net = load_example("figuur-10-P-huidig.yaml");
    samen_network_metrics *m = NULL;
    ASSERT_EQ(samen_network_measure(net, &m), SAMEN_OK);
    ASSERT_STR_EQ(samen_network_metrics_class(m)->hub_label, "Expertisepunt hoogbegaafdheid");
    samen_network_metrics_destroy(m);
    samen_network_destroy(net);
}

/* ---- comparison ---------------------------------------------------------------------- */

TEST(network_compare_current_with_desired)
{
    samen_network *a = load_example("figuur-10-P-huidig.yaml");
    samen_network *b = load_example("figuur-10-P-gewenst.yaml");
    samen_network_diff *diff = NULL;
    ASSERT_EQ(samen_network_compare(a, b, &diff), SAMEN_OK);
    ASSERT_EQ(samen_network_metrics_class(samen_network_diff_metrics(diff, 0))->cls,
              SAMEN_CLASS_STAR);
    ASSERT_EQ(samen_network_metrics_class(samen_network_diff_metrics(diff, 1))->cls,
              SAMEN_CLASS_NETWORK);
    size_t all = SAMEN_TIE_TYPE_COUNT;
    ASSERT_EQ(samen_network_diff_kept(diff, (samen_tie_type)all) +
                  samen_network_diff_removed(diff, (samen_tie_type)all),
              samen_network_nties(a));
    ASSERT_EQ(samen_network_diff_kept(diff, (samen_tie_type)all) +
                  samen_network_diff_added(diff, (samen_tie_type)all),
              samen_network_nties(b));
    ASSERT_EQ(samen_network_diff_added(diff, SAMEN_TIE_CONTACT), 6);
    ASSERT_EQ(samen_network_diff_nchanges(diff),
              samen_network_diff_added(diff, (samen_tie_type)all) +
                  samen_network_diff_removed(diff, (samen_tie_type)all));
    double dist = samen_network_diff_distance(diff);
    ASSERT_TRUE(dist > 0 && dist < 1);
    samen_network_diff_destroy(diff);

    /* Against itself: nothing changes. */
    ASSERT_EQ(samen_network_compare(a, a, &diff), SAMEN_OK);
    ASSERT_EQ(samen_network_diff_nchanges(diff), 0);
    ASSERT_NEAR(samen_network_diff_distance(diff), 0.0, 1e-12);
    samen_network_diff_destroy(diff);
    samen_network_destroy(a);
    samen_network_destroy(b);
}

TEST(network_compare_counts_removed_and_directions)
{
    samen_network *a = empty(3), *b = empty(3);
    tie(a, SAMEN_TIE_INITIATIVE, 0, 1);
    tie(a, SAMEN_TIE_CONTACT, 1, 2);
    tie(b, SAMEN_TIE_INITIATIVE, 1, 0);   /* the other direction: removed + added */
    tie(b, SAMEN_TIE_CONTACT, 2, 1);      /* the same contact */
    samen_network_diff *diff = NULL;
    ASSERT_EQ(samen_network_compare(a, b, &diff), SAMEN_OK);
    ASSERT_EQ(samen_network_diff_removed(diff, SAMEN_TIE_INITIATIVE), 1);
    ASSERT_EQ(samen_network_diff_added(diff, SAMEN_TIE_INITIATIVE), 1);
    ASSERT_EQ(samen_network_diff_kept(diff, SAMEN_TIE_CONTACT), 1);
    const samen_tie_change *c = samen_network_diff_change(diff, 0);
    ASSERT_TRUE(!c->added);
    ASSERT_STR_EQ(c->from, "p0");
    ASSERT_NEAR(samen_network_diff_distance(diff), 2.0 / 3.0, 1e-12);
    samen_network_diff_destroy(diff);
    samen_network_destroy(a);
    samen_network_destroy(b);
}

/* ---- rendering ------------------------------------------------------------------------ */

TEST(network_svg_is_deterministic_and_complete)
{
    samen_network *net = load_example("figuur-08-E-binnen-vo.yaml");
    char *a = NULL, *b = NULL;
    size_t la = 0, lb = 0;
    ASSERT_EQ(samen_network_render_svg(net, NULL, &a, &la), SAMEN_OK);
    ASSERT_EQ(samen_network_render_svg(net, NULL, &b, &lb), SAMEN_OK);
    ASSERT_EQ(la, lb);
    ASSERT_TRUE(memcmp(a, b, la) == 0);
    ASSERT_TRUE(strncmp(a, "<svg ", 5) == 0);
    ASSERT_TRUE(strstr(a, "graphviz version") == NULL);
    ASSERT_TRUE(strstr(a, "<!DOCTYPE") == NULL);
    ASSERT_CONTAINS(a, "<g id=\"legend\">");
    ASSERT_CONTAINS(a, "<g id=\"metrics\">");
    ASSERT_CONTAINS(a, "#ffe14d");         /* the yellow of non-participating schools */
    ASSERT_CONTAINS(a, "#1f5fbf");         /* blue initiative */
    ASSERT_CONTAINS(a, ">Vo&#45;school N1<");   /* Graphviz writes '-' as &#45; */
    ASSERT_CONTAINS(a, "Reconstructie");
    free(a);
    samen_network_render_options en = {.lang = "en", .no_metrics = true};
    ASSERT_EQ(samen_network_render_svg(net, &en, &a, &la), SAMEN_OK);
    ASSERT_CONTAINS(a, ">Legend<");
    ASSERT_TRUE(strstr(a, "<g id=\"metrics\">") == NULL);
    free(a);
    free(b);
    samen_network_destroy(net);
}

TEST(network_svg_escapes_text)
{
    samen_diag *d = samen_diag_create(10);
    samen_network *net =
        load_text(HEAD "title: \"A <b> & 'c'\"\nparties:\n  - {id: a, label: \"Ouders & "
                       "<kinderen>\", kind: ouders}\n"
                       "  - {id: b, label: B, kind: school}\nties:\n"
                       "  - {type: contact, between: [a, b], note: \"x < y & z\"}\n",
                  d);
    samen_diag_print(d, stderr);
    ASSERT_TRUE(net != NULL);
    char *svg = NULL;
    size_t len = 0;
    ASSERT_EQ(samen_network_render_svg(net, NULL, &svg, &len), SAMEN_OK);
    ASSERT_CONTAINS(svg, "A &lt;b&gt; &amp; &apos;c&apos;");
    ASSERT_CONTAINS(svg, "Ouders &amp; &lt;kinderen&gt;");
    ASSERT_CONTAINS(svg, "x &lt; y &amp; z");
    ASSERT_TRUE(strstr(svg, "<kinderen>") == NULL);
    free(svg);
    samen_network_destroy(net);
    samen_diag_destroy(d);
}

/* ---- GraphML and REFI-QDA ------------------------------------------------------------- */

TEST(network_graphml_round_trip)
{
    samen_network *net = load_example("figuur-10-P-huidig.yaml");
    char *g1 = NULL, *g2 = NULL, *y1 = NULL, *y2 = NULL;
    size_t l1, l2, m1, m2;
    ASSERT_EQ(samen_network_write_graphml(net, &g1, &l1), SAMEN_OK);
    samen_diag *d = samen_diag_create(20);
    samen_network *back = NULL;
    samen_status st = samen_network_read_graphml(g1, l1, "x.graphml", NULL, &back, d);
    samen_diag_print(d, stderr);
    ASSERT_EQ(st, SAMEN_OK);
    ASSERT_EQ(samen_network_write_graphml(back, &g2, &l2), SAMEN_OK);
    ASSERT_STR_EQ(g1, g2);
    ASSERT_EQ(samen_network_write_yaml(net, &y1, &m1), SAMEN_OK);
    ASSERT_EQ(samen_network_write_yaml(back, &y2, &m2), SAMEN_OK);
    ASSERT_STR_EQ(y1, y2);
    ASSERT_TRUE(samen_network_group(back, 0)->unit);
    free(g1);
    free(g2);
    free(y1);
    free(y2);
    samen_network_destroy(back);
    samen_network_destroy(net);
    samen_diag_destroy(d);
}

static void expect_graphml_error(const char *xml, const samen_network_info *dflt,
                                 const char *want)
{
    samen_diag *d = samen_diag_create(20);
    samen_network *net = NULL;
    samen_status st = samen_network_read_graphml(xml, strlen(xml), "g.graphml", dflt, &net, d);
    ASSERT_TRUE(st != SAMEN_OK);
    ASSERT_TRUE(net == NULL);
    bool found = false;
    for (size_t i = 0; i < samen_diag_count(d) && samen_diag_message(d, i); i++)
        found = found || strstr(samen_diag_message(d, i), want) != NULL;
    if (!found)
        samen_diag_print(d, stderr);
    ASSERT_TRUE(found);
    samen_diag_destroy(d);
}

TEST(network_graphml_foreign_files_and_errors)
{
    /* A file as igraph or Gephi write it: no samen keys. Edges without a
     * type: undirected -> contact, directed -> initiative. */
    const char *plain =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"v_name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
        "<graph id=\"G\" edgedefault=\"undirected\">\n"
        "<node id=\"n0\"><data key=\"v_name\">\n    School &amp; co\n  </data></node>\n"
        "<node id=\"n1\"/><node id=\"n2\"/>\n"
        "<edge source=\"n0\" target=\"n1\"/>\n"
        "<edge source=\"n1\" target=\"n2\" directed=\"true\"/>\n"
        "<!-- a comment --><![CDATA[ignored text]]>\n"
        "</graph></graphml>\n";
    samen_network_info dflt = {.id = "imported", .region = "P", .wave = 2023,
                               .meeting = "meeting", .situation = -1};
    samen_diag *d = samen_diag_create(20);
    samen_network *net = NULL;
    samen_status st = samen_network_read_graphml(plain, strlen(plain), "g.graphml", &dflt, &net, d);
    samen_diag_print(d, stderr);
    ASSERT_EQ(st, SAMEN_OK);
    ASSERT_STR_EQ(samen_network_party(net, 0)->label, "School & co");
    ASSERT_STR_EQ(samen_network_party(net, 1)->label, "n1");
    ASSERT_EQ(samen_network_party(net, 1)->kind, SAMEN_PARTY_OTHER);
    ASSERT_EQ(samen_network_tie(net, 0)->type, SAMEN_TIE_CONTACT);
    ASSERT_EQ(samen_network_tie(net, 1)->type, SAMEN_TIE_INITIATIVE);
    ASSERT_STR_EQ(samen_network_get_info(net)->id, "imported");
    samen_network_destroy(net);
    samen_diag_destroy(d);

    /* Without defaults the header is missing. */
    expect_graphml_error(plain, NULL, "the drawing needs a region");
    expect_graphml_error("<graphml><graph edgedefault=\"directed\"><node id=\"a\"/>\n"
                         "  <edge source=\"a\" target=\"b\"/></graph></graphml>",
                         &dflt, "g.graphml:2:3: edge from 'a' to 'b': unknown node 'b'");
    expect_graphml_error("<graphml><key id=\"t\" for=\"edge\" attr.name=\"type\"/><graph>"
                         "<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\">"
                         "<data key=\"t\">hug</data></edge></graph></graphml>",
                         &dflt, "g.graphml:2:29: unknown tie type 'hug'");
    expect_graphml_error("<graphml><graph><node id=\"a\"/><node id=\"a\"/></graph></graphml>",
                         &dflt, "g.graphml:1:31: duplicate node id 'a'");
    expect_graphml_error("<graphml><graph></graphs></graphml>", &dflt,
                         "g.graphml:1:26: Opening and ending tag mismatch: graph line 1 and graphs");
    expect_graphml_error("<!DOCTYPE g [<!ENTITY x \"xx\">]><graphml/>", &dflt,
                         "a DOCTYPE with an internal subset is not allowed");
    expect_graphml_error("<graphml><graph><node id=\"&x;\"/></graph></graphml>", &dflt,
                         "g.graphml:1:30: Entity 'x' not defined");
    /* libxml2 decodes the declared encoding: a Latin-1 e-acute arrives as UTF-8 */
    expect_graphml_error("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><graphml><graph>"
                         "<node id=\"caf\xe9\"/></graph></graphml>",
                         &dflt, "(got 'caf\xc3\xa9')");
    expect_graphml_error("<svg/>", &dflt, "not a GraphML file");
    expect_graphml_error("<graphml><graph><node id=\"a\"/>", &dflt, "Premature end of data in tag graph");
    expect_graphml_error("<graphml><graph><node id=\"a\"><graph/></node></graph></graphml>",
                         &dflt, "nested graphs are not read");
}

TEST(network_refi_graph_is_stable)
{
    samen_network *net = load_example("figuur-10-P-huidig.yaml");
    char *a = NULL, *b = NULL;
    size_t la, lb;
    ASSERT_EQ(samen_network_write_refi(net, "nl", &a, &la), SAMEN_OK);
    ASSERT_EQ(samen_network_write_refi(net, "nl", &b, &lb), SAMEN_OK);
    ASSERT_STR_EQ(a, b);
    ASSERT_CONTAINS(a, "<Project xmlns=\"urn:QDA-XML:project:1.0\"");
    ASSERT_CONTAINS(a, "direction=\"Associative\"");
    ASSERT_CONTAINS(a, "direction=\"OneWay\"");
    ASSERT_CONTAINS(a, "lineStyle=\"dashed\"");
    ASSERT_CONTAINS(a, "color=\"#D62728\"");
    ASSERT_CONTAINS(a, "name=\"Expertisepunt hoogbegaafdheid\"");
    ASSERT_CONTAINS(a, "shape=\"Oval\"");
    /* 8 parties + 1 group, 9 ties */
    size_t vertices = 0, edges = 0;
    for (const char *p = a; (p = strstr(p, "<Vertex ")) != NULL; p++)
        vertices++;
    for (const char *p = a; (p = strstr(p, "<Edge ")) != NULL; p++)
        edges++;
    ASSERT_EQ(vertices, 9);
    ASSERT_EQ(edges, 9);
    free(a);
    free(b);
    samen_network_destroy(net);
}

TEST(network_check_against_the_study)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/examples/image", test_source_dir());
    samen_diag *d = samen_diag_create(20);
    samen_study *study = NULL;
    ASSERT_EQ(samen_study_load(dir, &study, d), SAMEN_OK);
    samen_network *net = load_example("figuur-04-I-po-vo.yaml");   /* region "I" is a pair */
    ASSERT_EQ(samen_network_check_study(net, study, d), SAMEN_OK);
    samen_network_destroy(net);
    samen_network *bad =
        load_text("format: 1\nid: t\nregion: Z\nwave: 2031\nmeeting: m\n"
                  "variant: current\nparties:\n  - {id: a, label: A, kind: school}\n",
                  d);
    ASSERT_TRUE(bad != NULL);
    ASSERT_EQ(samen_network_check_study(bad, study, d), SAMEN_EVALIDATE);
    ASSERT_EQ(samen_diag_count(d), 2);
    ASSERT_CONTAINS(samen_diag_message(d, 0), "t.yaml:3:9: region 'Z'");
    ASSERT_CONTAINS(samen_diag_message(d, 1), "t.yaml:4:7: wave 2031");
    samen_network_destroy(bad);
    samen_study_destroy(study);
    samen_diag_destroy(d);
}
