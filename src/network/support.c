/* support.c - small helpers shared by the writers of the network module
 * (declared in network/net_int.h): XML escaping, numbers, name-based UUIDs.
 *
 * The UUIDs are RFC 9562 version 8 ("custom") UUIDs built from two 64-bit
 * FNV-1a hashes (Fowler, Noll, Vo; IETF draft-eastlake-fnv) of the names,
 * so an export gives the same GUIDs each time for the same drawing.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "network/net_int.h"

samen_status net_xml_escape(buf *b, const char *s)
{
    samen_status st = SAMEN_OK;
    for (; st == SAMEN_OK && *s; s++) {
        switch (*s) {
        case '&': st = buf_append_str(b, "&amp;"); break;
        case '<': st = buf_append_str(b, "&lt;"); break;
        case '>': st = buf_append_str(b, "&gt;"); break;
        case '"': st = buf_append_str(b, "&quot;"); break;
        case '\'': st = buf_append_str(b, "&apos;"); break;
        case '\n': st = buf_append_str(b, "&#10;"); break;
        case '\t': st = buf_append_str(b, "&#9;"); break;
        default: st = buf_append_char(b, *s); break;
        }
    }
    return st;
}

samen_status net_append_double(buf *b, double x)
{
    if (isnan(x))
        return buf_append_str(b, "NaN");
    return buf_printf(b, "%.17g", x);
}

static uint64_t fnv1a(uint64_t h, const char *s)
{
    for (; s != NULL && *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ull;
    }
    h ^= 0xff;   /* separator, so ("ab","c") and ("a","bc") differ */
    h *= 0x100000001b3ull;
    return h;
}

/* The splitmix64 finalizer (Steele, Lea, Flood 2014), to spread the bits. */
static uint64_t mix(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

void net_uuid(const char *a, const char *b, const char *c, char out[37])
{
    uint64_t hi = 0xcbf29ce484222325ull, lo = 0x84222325cbf29ce4ull;
    hi = fnv1a(fnv1a(fnv1a(hi, "samen-network"), a), b);
    hi = fnv1a(hi, c);
    lo = fnv1a(fnv1a(fnv1a(lo, c), b), a);
    lo = fnv1a(lo, "samen-network");
    hi = mix(hi);
    lo = mix(lo ^ hi);
    /* version 8 in the high nibble of byte 6, variant 10 in byte 8 */
    hi = (hi & ~0xf000ull) | 0x8000ull;
    lo = (lo & ~(0xc000000000000000ull)) | 0x8000000000000000ull;
    snprintf(out, 37, "%08lx-%04lx-%04lx-%04lx-%012llx", (unsigned long)(hi >> 32),
             (unsigned long)((hi >> 16) & 0xffff), (unsigned long)(hi & 0xffff),
             (unsigned long)(lo >> 48), (unsigned long long)(lo & 0xffffffffffffull));
}
