/* samen/network.h - network drawings of the reflection meetings (MISSION.md
 * M7; the file format is docs/NETWORKS.md).
 *
 * A drawing belongs to a region, a wave and a meeting, and shows either the
 * current or the desired collaboration. It holds parties (label, function,
 * organisation, kind, participation status), groups that enclose parties
 * (an oval, a merged block) and typed ties: intensive contact (undirected,
 * red), decisions (directed, green) and initiative (directed, blue).
 *
 * A samen_network is opaque. It is loaded from a YAML file
 * (samen_network_load), imported from GraphML (samen/network_exchange.h) or
 * built with the samen_network_add_* functions, which check every addition
 * (ids, duplicates, unknown parties, caps). Metrics, classification and
 * comparison are in samen/network_metrics.h, rendering in
 * samen/network_render.h.
 */
#ifndef SAMEN_NETWORK_H
#define SAMEN_NETWORK_H

#include <stdbool.h>
#include <stddef.h>

#include "samen/diag.h"
#include "samen/status.h"
#include "samen/study.h"

/* Caps on what one drawing may hold (drawings are made by hand on paper). */
#define SAMEN_NETWORK_MAX_PARTIES 1000
#define SAMEN_NETWORK_MAX_GROUPS 200
#define SAMEN_NETWORK_MAX_TIES 20000
#define SAMEN_NETWORK_MAX_LABEL 200   /* bytes of a label, function, organisation */
#define SAMEN_NETWORK_MAX_TEXT 4000   /* bytes of a note, title or source */
#define SAMEN_NETWORK_MAX_ID 64       /* bytes of an id */

/* X(enum, code, directed, colour, Dutch label, English label) */
#define SAMEN_TIE_TYPE_MAP(X)                                                     \
    X(CONTACT, "contact", 0, "#d62728", "intensief contact", "intensive contact") \
    X(DECISION, "decision", 1, "#2ca02c", "beslissingen", "decisions")            \
    X(INITIATIVE, "initiative", 1, "#1f5fbf", "initiatief", "initiative")

typedef enum samen_tie_type {
#define SAMEN_TIE_TYPE_ENUM(e, code, dir, colour, nl, en) SAMEN_TIE_##e,
    SAMEN_TIE_TYPE_MAP(SAMEN_TIE_TYPE_ENUM)
#undef SAMEN_TIE_TYPE_ENUM
    SAMEN_TIE_TYPE_COUNT
} samen_tie_type;

/* X(enum, code, Dutch label, English label) */
#define SAMEN_PARTY_KIND_MAP(X)                                                         \
    X(SCHOOL, "school", "school", "school")                                            \
    X(SCHOOL_BOARD, "school_board", "schoolbestuur", "school board")                   \
    X(PARTNERSHIP, "partnership", "samenwerkingsverband", "partnership")               \
    X(KINDEROPVANG, "kinderopvang", "kinderopvang", "childcare")                       \
    X(JEUGDHULP, "jeugdhulp", "jeugdhulp", "youth care")                               \
    X(GEMEENTE, "gemeente", "gemeente", "municipality")                                \
    X(OUDERS, "ouders", "ouders", "parents")                                           \
    X(LEERLING, "leerling", "leerling", "pupil")                                       \
    X(EXPERTISE_TEAM, "expertise_team", "expertiseteam", "expertise team")             \
    X(PROVISION, "provision", "voorziening (hoog)begaafdheid", "provision for gifted pupils") \
    X(NEIGHBOURHOOD_TEAM, "neighbourhood_team", "buurtteam", "neighbourhood team")     \
    X(PROJECT, "project", "project of programma", "project or programme")              \
    X(OTHER, "other", "overig", "other")

typedef enum samen_party_kind {
#define SAMEN_PARTY_KIND_ENUM(e, code, nl, en) SAMEN_PARTY_##e,
    SAMEN_PARTY_KIND_MAP(SAMEN_PARTY_KIND_ENUM)
#undef SAMEN_PARTY_KIND_ENUM
    SAMEN_PARTY_KIND_COUNT
} samen_party_kind;

/* X(enum, code, Dutch label, English label). The report draws parties that
 * do not take part in yellow. */
#define SAMEN_PARTICIPATION_MAP(X)                                             \
    X(ACTIVE, "active", "neemt deel", "takes part")                            \
    X(WAITING, "waiting", "afwachtend", "waiting")                             \
    X(NOT_TAKING_PART, "not_taking_part", "neemt niet deel", "does not take part")

typedef enum samen_participation {
#define SAMEN_PARTICIPATION_ENUM(e, code, nl, en) SAMEN_PARTICIPATION_##e,
    SAMEN_PARTICIPATION_MAP(SAMEN_PARTICIPATION_ENUM)
#undef SAMEN_PARTICIPATION_ENUM
    SAMEN_PARTICIPATION_COUNT
} samen_participation;

#define SAMEN_NETWORK_VARIANT_MAP(X)                                           \
    X(CURRENT, "current", "huidige situatie", "current situation")            \
    X(DESIRED, "desired", "gewenste situatie", "desired situation")

typedef enum samen_network_variant {
#define SAMEN_NETWORK_VARIANT_ENUM(e, code, nl, en) SAMEN_NETWORK_##e,
    SAMEN_NETWORK_VARIANT_MAP(SAMEN_NETWORK_VARIANT_ENUM)
#undef SAMEN_NETWORK_VARIANT_ENUM
    SAMEN_NETWORK_VARIANT_COUNT
} samen_network_variant;

/* The three structures shown to participants (Figuur 2 of the report), and
 * "none" for drawings with too few or too scattered ties; the rule is in
 * samen/network_metrics.h and docs/NETWORKS.md.
 * X(enum, code, Dutch label, English label) */
#define SAMEN_NETWORK_CLASS_MAP(X)                                             \
    X(NONE, "none", "geen structuur", "no structure")                         \
    X(STAR, "star", "ster", "star")                                            \
    X(CHAIN, "chain", "keten", "chain")                                        \
    X(NETWORK, "network", "netwerk", "network")

typedef enum samen_network_class {
#define SAMEN_NETWORK_CLASS_ENUM(e, code, nl, en) SAMEN_CLASS_##e,
    SAMEN_NETWORK_CLASS_MAP(SAMEN_NETWORK_CLASS_ENUM)
#undef SAMEN_NETWORK_CLASS_ENUM
    SAMEN_NETWORK_CLASS_COUNT
} samen_network_class;

/* The vocabularies above, for the generic look-ups below. */
typedef enum samen_network_vocab {
    SAMEN_NETVOCAB_TIE_TYPE,
    SAMEN_NETVOCAB_PARTY_KIND,
    SAMEN_NETVOCAB_PARTICIPATION,
    SAMEN_NETVOCAB_VARIANT,
    SAMEN_NETVOCAB_CLASS
} samen_network_vocab;

/* The value of vocabulary v whose code is code, or -1. */
int samen_network_lookup(samen_network_vocab v, const char *code);
/* The code, or the label in lang ("en"; anything else is Dutch), of value
 * x of v; "?" when x is out of range. Static strings. */
const char *samen_network_code(samen_network_vocab v, int x);
const char *samen_network_label(samen_network_vocab v, int x, const char *lang);
/* Number of values of v. */
int samen_network_vocab_count(samen_network_vocab v);

/* A tie type's properties. */
bool samen_tie_type_directed(samen_tie_type t);
const char *samen_tie_type_colour(samen_tie_type t);   /* "#rrggbb" */

/* What the drawing is about. Strings are owned by the network; optional
 * ones are NULL when absent. */
typedef struct samen_network_info {
    const char *id;            /* [A-Za-z0-9_.-]{1,64} */
    const char *title;         /* optional */
    const char *region;        /* region code or po-vo pair letter of the study */
    int situation;             /* samen_situation, or -1 when not given */
    int wave;                  /* year */
    const char *meeting;       /* the reflection meeting the drawing was made at */
    samen_network_variant variant;
    const char *drawn_by;      /* optional: the group of participants */
    bool reconstructed;        /* reconstructed from a text, not digitised from paper */
    const char *source;        /* optional: where the drawing comes from */
    const char *note;          /* optional */
} samen_network_info;

typedef struct samen_party_info {
    const char *id;            /* [A-Za-z0-9_.-]{1,64}, unique in the drawing */
    const char *label;         /* what the drawing shows */
    const char *function;      /* optional, e.g. "projectleider (hoog)begaafdheid" */
    const char *organisation;  /* optional */
    samen_party_kind kind;
    samen_participation status;
    const char *note;          /* optional */
} samen_party_info;

/* A group encloses parties. A party is in at most one group. A unit group
 * (the expertisepunt formed by two partnerships, a merged block) counts as
 * one party when the drawing is classified (docs/NETWORKS.md). */
typedef struct samen_group_info {
    const char *id;
    const char *label;
    bool unit;
    size_t nmembers;
    const size_t *members;     /* party indices */
    const char *note;          /* optional */
} samen_group_info;

typedef struct samen_tie_info {
    samen_tie_type type;
    size_t from, to;           /* party indices; for contact the order means nothing */
    bool weak;                 /* drawn as less intensive (dashed) */
    const char *note;          /* optional */
} samen_tie_info;

typedef struct samen_network samen_network;

/* Loads and validates the drawing in the YAML file at path; name is how the
 * file is named in messages (the caller keeps both). Every problem goes to d
 * as file:line:column. On success *out is a new network; free with
 * samen_network_destroy(). */
samen_status samen_network_load(const char *path, const char *name, samen_network **out,
                                samen_diag *d);
/* Same, from a buffer of len bytes (the caller keeps it). */
samen_status samen_network_load_buffer(const char *data, size_t len, const char *name,
                                       samen_network **out, samen_diag *d);

/* Returns a new empty network described by info (copied; info->id, region
 * and meeting are required, the party, group and tie lists start empty);
 * free with samen_network_destroy(). SAMEN_EINVAL when info is incomplete
 * or a field breaks the rules of docs/NETWORKS.md. */
samen_status samen_network_create(const samen_network_info *info, samen_network **out);

/* Frees net; accepts NULL. */
void samen_network_destroy(samen_network *net);

/* Add a party, group or tie (copied). SAMEN_EINVAL for a bad id, label,
 * kind, status, tie type, party index or a self-tie; SAMEN_EEXIST for a
 * duplicate party or group id, a duplicate tie (same type and parties, same
 * direction for directed types) or a party already in a group;
 * SAMEN_ETOOBIG past the caps. On failure nothing is added. */
samen_status samen_network_add_party(samen_network *net, const samen_party_info *p);
samen_status samen_network_add_group(samen_network *net, const samen_group_info *g);
samen_status samen_network_add_tie(samen_network *net, const samen_tie_info *t);

const samen_network_info *samen_network_get_info(const samen_network *net);
size_t samen_network_nparties(const samen_network *net);
const samen_party_info *samen_network_party(const samen_network *net, size_t i);
/* Index of the party with id, or -1. */
long samen_network_find_party(const samen_network *net, const char *id);
size_t samen_network_ngroups(const samen_network *net);
const samen_group_info *samen_network_group(const samen_network *net, size_t i);
/* Index of the group of party i, or -1. */
long samen_network_party_group(const samen_network *net, size_t party);
size_t samen_network_nties(const samen_network *net);
const samen_tie_info *samen_network_tie(const samen_network *net, size_t i);

/* Checks the drawing against a study: the region is one of the study's
 * region codes or po-vo pair letters, the wave is one of its waves, and the
 * situation, when given, is the region's. Problems go to d (at the position
 * of the field when the drawing was loaded from a file). Returns
 * SAMEN_EVALIDATE when there were problems. */
samen_status samen_network_check_study(const samen_network *net, const samen_study *study,
                                       samen_diag *d);

/* Writes net in the YAML file format (docs/NETWORKS.md). On success *out is
 * a new NUL-terminated string of *len bytes; free with free(). */
samen_status samen_network_write_yaml(const samen_network *net, char **out, size_t *len);

#endif
