/* A small open-addressing hash table of indices, for channel and post lookups. */
#include "dataset/dataset_internal.h"

#include <string.h>

uint64_t skpi__hash_bytes(const void *data, size_t n, uint64_t seed)
{
    /* FNV-1a, then a final mix so that low bits spread well. */
    const unsigned char *p = data;
    uint64_t h = UINT64_C(14695981039346656037) ^ seed;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= UINT64_C(1099511628211);
    }
    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    return h;
}

long skpi__htab_find(const skpi__htab *h, uint64_t hash, skpi__eq_at_fn eq, const void *ctx,
                     const void *key)
{
    if (h->cap == 0) return -1;
    size_t mask = h->cap - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        uint32_t s = h->slots[i];
        if (s == 0) return -1;
        if (eq(ctx, s - 1, key)) return (long)(s - 1);
    }
}

static void place(uint32_t *slots, size_t cap, uint64_t hash, uint32_t index)
{
    size_t mask = cap - 1;
    size_t i = (size_t)hash & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = index + 1;
}

int skpi__htab_reserve(skpi__htab *h, size_t count, skpi__hash_at_fn hash_at, const void *ctx)
{
    /* Keep the load at or below one half. */
    if (count <= h->cap / 2) return SKPI_OK;
    size_t cap = h->cap ? h->cap : 16;
    while (count > cap / 2) {
        if (cap > ((size_t)-1 >> 2)) return skpi__nomem();
        cap *= 2;
    }
    uint32_t *slots = skpi__calloc(cap, sizeof *slots);
    if (!slots) return skpi__nomem();
    for (size_t i = 0; i < h->cap; i++)
        if (h->slots[i]) place(slots, cap, hash_at(ctx, h->slots[i] - 1), h->slots[i] - 1);
    skpi__free(h->slots);
    h->slots = slots;
    h->cap = cap;
    return SKPI_OK;
}

void skpi__htab_insert(skpi__htab *h, uint64_t hash, uint32_t index)
{
    place(h->slots, h->cap, hash, index);
    h->used++;
}

void skpi__htab_free(skpi__htab *h)
{
    skpi__free(h->slots);
    memset(h, 0, sizeof *h);
}

void skpi__htab_rebuild(skpi__htab *h, size_t count, skpi__hash_at_fn hash_at, const void *ctx)
{
    if (h->cap == 0) return;
    memset(h->slots, 0, h->cap * sizeof *h->slots);
    h->used = 0;
    for (size_t i = 0; i < count; i++) skpi__htab_insert(h, hash_at(ctx, (uint32_t)i), (uint32_t)i);
}
