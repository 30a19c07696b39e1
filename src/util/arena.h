/* arena.h - region allocator: many small allocations freed at once.
 *
 * Loaded definitions (instruments, studies) keep their strings and records
 * in one arena, so a whole definition is freed with one call and no record
 * needs its own destructor.
 */
#ifndef SAMEN_UTIL_ARENA_H
#define SAMEN_UTIL_ARENA_H

#include <stddef.h>

typedef struct arena arena;

/* Returns a new empty arena, or NULL when out of memory; free with
 * arena_destroy(). */
arena *arena_create(void);

/* Frees every allocation of a and a itself; accepts NULL. */
void arena_destroy(arena *a);

/* Returns n zeroed bytes aligned for any type, owned by a; NULL when out of
 * memory. */
void *arena_alloc(arena *a, size_t n);

/* Returns a copy of s owned by a (NULL when s is NULL or memory runs out). */
char *arena_strdup(arena *a, const char *s);

#endif
