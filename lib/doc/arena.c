/* Bump allocation in growing chunks, with marks to undo a failed addition. */
#include "doc/arena.h"

#include <stdalign.h>
#include <string.h>

struct skpi__chunk {
    skpi__chunk *prev;
    size_t size; /* usable bytes after the header */
    size_t used;
    alignas(max_align_t) unsigned char data[];
};

#define FIRST_CHUNK 2048u
#define MAX_CHUNK (256u * 1024u)

void skpi__arena_free(skpi__arena *a)
{
    skpi__chunk *c = a->head;
    while (c) {
        skpi__chunk *prev = c->prev;
        skpi__free(c);
        c = prev;
    }
    a->head = NULL;
    a->total = 0;
}

skpi__arena_mark skpi__arena_mark_get(const skpi__arena *a)
{
    skpi__arena_mark m = { a->head, a->head ? a->head->used : 0, a->total };
    return m;
}

void skpi__arena_rollback(skpi__arena *a, skpi__arena_mark m)
{
    while (a->head != m.head) {
        skpi__chunk *prev = a->head->prev;
        skpi__free(a->head);
        a->head = prev;
    }
    if (a->head) a->head->used = m.used;
    a->total = m.total;
}

void *skpi__arena_alloc(skpi__arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    if (size > (size_t)-1 / 2) return NULL;
    size = (size + align - 1) & ~(align - 1);
    if (size == 0) size = align;
    skpi__chunk *c = a->head;
    if (c == NULL || c->size - c->used < size) {
        /* Chunks grow with the arena so a large document needs few of them. */
        size_t want = a->total < FIRST_CHUNK ? FIRST_CHUNK : a->total;
        if (want > MAX_CHUNK) want = MAX_CHUNK;
        if (want < size) want = size;
        c = skpi__malloc(sizeof *c + want);
        if (c == NULL) return NULL;
        c->prev = a->head;
        c->size = want;
        c->used = 0;
        a->head = c;
        a->total += want;
    }
    void *p = c->data + c->used;
    c->used += size;
    return p;
}

void *skpi__arena_array(skpi__arena *a, size_t count, size_t size)
{
    size_t total;
    if (skpi__mul_overflows(count, size, &total)) return NULL;
    return skpi__arena_alloc(a, total);
}

char *skpi__arena_strdup(skpi__arena *a, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = skpi__arena_alloc(a, n);
    if (p) memcpy(p, s, n);
    return p;
}

const char *skpi__arena_optstr(skpi__arena *a, const char *s, bool *ok)
{
    if (s == NULL || s[0] == '\0') return NULL;
    const char *p = skpi__arena_strdup(a, s);
    if (p == NULL) *ok = false;
    return p;
}
