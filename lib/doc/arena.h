/* A bump allocator with rollback: a document's strings and arrays live here. */
#ifndef SKPI_DOC_ARENA_H
#define SKPI_DOC_ARENA_H

#include "core/internal.h"

typedef struct skpi__chunk skpi__chunk;

typedef struct skpi__arena {
    skpi__chunk *head; /* newest chunk; older ones follow ->prev */
    size_t total;      /* bytes in all chunks, to size the next one */
} skpi__arena;

/* A position to roll back to when a multi-step addition fails half-way, so
 * that a failed call leaves the arena (and the allocator's count) unchanged. */
typedef struct skpi__arena_mark {
    skpi__chunk *head;
    size_t used;
    size_t total;
} skpi__arena_mark;

void skpi__arena_free(skpi__arena *a);
skpi__arena_mark skpi__arena_mark_get(const skpi__arena *a);
void skpi__arena_rollback(skpi__arena *a, skpi__arena_mark m);

/* Memory aligned for any type; NULL when out of memory or size overflows. */
void *skpi__arena_alloc(skpi__arena *a, size_t size);
/* count * size bytes, NULL on overflow. */
void *skpi__arena_array(skpi__arena *a, size_t count, size_t size);
/* A copy of s; NULL for NULL s is not an error: check s first. */
char *skpi__arena_strdup(skpi__arena *a, const char *s);
/* s copied, or NULL when s is NULL or "" (optional strings). *ok false on ENOMEM. */
const char *skpi__arena_optstr(skpi__arena *a, const char *s, bool *ok);

#endif
