/* samen/vocab.h - the fixed vocabularies of the study model: the six
 * collaboration situations, school sectors and governance models, each with
 * a stable code (used in files and conditions) and Dutch and English labels.
 */
#ifndef SAMEN_VOCAB_H
#define SAMEN_VOCAB_H

/* X(enum, code, Dutch label, English label) */
#define SAMEN_SITUATION_MAP(X)                                                         \
    X(PO_KINDEROPVANG, "po_kinderopvang", "Tussen po en kinderopvang",                \
      "Primary education and childcare")                                              \
    X(PO_VO, "po_vo", "Tussen po en vo", "Primary and secondary education")           \
    X(BINNEN_PO, "binnen_po", "Samenwerking binnen po", "Within primary education")   \
    X(BINNEN_VO, "binnen_vo", "Samenwerking binnen vo", "Within secondary education") \
    X(VSO_VO, "vso_vo", "Tussen voortgezet speciaal en regulier voortgezet onderwijs", \
      "Special and regular secondary education")                                      \
    X(ONDERWIJS_JEUGDHULP, "onderwijs_jeugdhulp", "Tussen onderwijs en jeugdhulp",    \
      "Education and youth care")

typedef enum samen_situation {
#define SAMEN_SITUATION_ENUM(e, code, nl, en) SAMEN_SITUATION_##e,
    SAMEN_SITUATION_MAP(SAMEN_SITUATION_ENUM)
#undef SAMEN_SITUATION_ENUM
    SAMEN_SITUATION_COUNT
} samen_situation;

#define SAMEN_SECTOR_MAP(X)                                                   \
    X(PO, "po", "Primair onderwijs", "Primary education")                     \
    X(VO, "vo", "Voortgezet onderwijs", "Secondary education")                \
    X(SO, "so", "Speciaal onderwijs", "Special education")                    \
    X(VSO, "vso", "Voortgezet speciaal onderwijs", "Special secondary education")

typedef enum samen_sector {
#define SAMEN_SECTOR_ENUM(e, code, nl, en) SAMEN_SECTOR_##e,
    SAMEN_SECTOR_MAP(SAMEN_SECTOR_ENUM)
#undef SAMEN_SECTOR_ENUM
    SAMEN_SECTOR_COUNT
} samen_sector;

#define SAMEN_GOVERNANCE_MAP(X)                                               \
    X(CENTRAL, "central", "Centraal", "Central")                              \
    X(DECENTRAL, "decentral", "Decentraal (schoolmodel)", "Decentral (school model)")

typedef enum samen_governance {
#define SAMEN_GOVERNANCE_ENUM(e, code, nl, en) SAMEN_GOVERNANCE_##e,
    SAMEN_GOVERNANCE_MAP(SAMEN_GOVERNANCE_ENUM)
#undef SAMEN_GOVERNANCE_ENUM
    SAMEN_GOVERNANCE_COUNT
} samen_governance;

/* The kinds of attribute a routing condition can test. */
typedef enum samen_attr {
    SAMEN_ATTR_SITUATION,
    SAMEN_ATTR_SECTOR,
    SAMEN_ATTR_GOVERNANCE,
    SAMEN_ATTR_COUNT
} samen_attr;

/* Returns the number of values of attr (e.g. 6 situations). */
int samen_attr_count(samen_attr attr);

/* Returns the attribute named name ("situation", "sector", "governance"),
 * or -1. */
int samen_attr_lookup(const char *name);

/* Returns the attribute's name ("situation", ...). */
const char *samen_attr_name(samen_attr attr);

/* Returns the value of attr whose code is code, or -1. */
int samen_vocab_lookup(samen_attr attr, const char *code);

/* Returns the code, or the label in lang ("nl" or "en"; anything else is
 * Dutch), of value v of attr; "?" for an out-of-range v. Static strings. */
const char *samen_vocab_code(samen_attr attr, int v);
const char *samen_vocab_label(samen_attr attr, int v, const char *lang);

#endif
