/* net_int.h - private parts of the network module (src/network/): the
 * layout of samen_network and helpers shared by its files. Nothing outside
 * src/network/ includes it. */
#ifndef SAMEN_NETWORK_NET_INT_H
#define SAMEN_NETWORK_NET_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "samen/network.h"
#include "util/arena.h"
#include "util/buf.h"

/* Where a field was in the file the drawing was loaded from (0 when not
 * loaded from a file). */
typedef struct net_pos {
    long line, column;
} net_pos;

struct samen_network {
    arena *a;                   /* strings and group member lists */
    samen_network_info info;
    samen_party_info *parties;  /* owned (realloc) */
    long *party_group;          /* per party: group index or -1; owned */
    size_t nparties, cparties;
    samen_group_info *groups;   /* owned */
    size_t ngroups, cgroups;
    samen_tie_info *ties;       /* owned */
    size_t nties, cties;
    uint64_t *tie_keys;         /* open-addressing set of tie keys + 1; owned */
    /* positions for samen_network_check_study() */
    const char *file;
    net_pos pos_region, pos_wave, pos_situation;
};

/* Rules of docs/NETWORKS.md, shared by the YAML and GraphML readers. */
bool net_id_valid(const char *s);
bool net_label_valid(const char *s);      /* non-empty, <= MAX_LABEL, UTF-8, no controls */
bool net_text_valid(const char *s);       /* <= MAX_TEXT, UTF-8, no controls but \t \n */
bool net_region_valid(const char *s);

/* Appends s to b as XML text or attribute content (& < > " ' escaped). */
samen_status net_xml_escape(buf *b, const char *s);

/* Appends "%.17g" of x, or "NaN" for a NaN. */
samen_status net_append_double(buf *b, double x);

/* A deterministic name-based UUID (RFC 9562 version 8) for the strings
 * a / b / c, written into out (37 bytes with the NUL). */
void net_uuid(const char *a, const char *b, const char *c, char out[37]);

#endif
