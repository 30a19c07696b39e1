/* vocab.c - codes and labels of the fixed vocabularies (samen/vocab.h). */
#include "samen/vocab.h"

#include <string.h>

struct entry {
    const char *code;
    const char *nl;
    const char *en;
};

static const struct entry situations[] = {
#define ROW(e, code, nl, en) {code, nl, en},
    SAMEN_SITUATION_MAP(ROW)
};
static const struct entry sectors[] = {SAMEN_SECTOR_MAP(ROW)};
static const struct entry governances[] = {SAMEN_GOVERNANCE_MAP(ROW)
#undef ROW
};

static const struct {
    const char *name;
    const struct entry *entries;
    int count;
} attrs[SAMEN_ATTR_COUNT] = {
    {"situation", situations, SAMEN_SITUATION_COUNT},
    {"sector", sectors, SAMEN_SECTOR_COUNT},
    {"governance", governances, SAMEN_GOVERNANCE_COUNT},
};

static int attr_valid(samen_attr a)
{
    return (int)a >= 0 && a < SAMEN_ATTR_COUNT;
}

int samen_attr_count(samen_attr attr)
{
    return attr_valid(attr) ? attrs[attr].count : 0;
}

int samen_attr_lookup(const char *name)
{
    for (int a = 0; a < SAMEN_ATTR_COUNT; a++)
        if (strcmp(attrs[a].name, name) == 0)
            return a;
    return -1;
}

const char *samen_attr_name(samen_attr attr)
{
    return attr_valid(attr) ? attrs[attr].name : "?";
}

int samen_vocab_lookup(samen_attr attr, const char *code)
{
    if (!attr_valid(attr) || code == NULL)
        return -1;
    for (int v = 0; v < attrs[attr].count; v++)
        if (strcmp(attrs[attr].entries[v].code, code) == 0)
            return v;
    return -1;
}

const char *samen_vocab_code(samen_attr attr, int v)
{
    if (!attr_valid(attr) || v < 0 || v >= attrs[attr].count)
        return "?";
    return attrs[attr].entries[v].code;
}

const char *samen_vocab_label(samen_attr attr, int v, const char *lang)
{
    if (!attr_valid(attr) || v < 0 || v >= attrs[attr].count)
        return "?";
    const struct entry *e = &attrs[attr].entries[v];
    return (lang != NULL && strcmp(lang, "en") == 0) ? e->en : e->nl;
}
