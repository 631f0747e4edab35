/* The category axis of a chart: worked out as series are added, so that
 * every renderer places points the same way without searching labels. */
#include "doc/doc_internal.h"

#include <string.h>

static bool same_labels(const skpi__series *a, const skpi__series *b)
{
    if (a->length != b->length) return false;
    for (size_t i = 0; i < a->length; i++)
        if (a->labels[i] != b->labels[i] && strcmp(a->labels[i], b->labels[i]) != 0) return false;
    return true;
}

/* The position of s in list[0, n), trying `hint` first (series usually
 * follow the categories in order); n when it is not there. */
static size_t find(const char *const *list, size_t n, const char *s, size_t hint)
{
    if (hint < n && strcmp(list[hint], s) == 0) return hint;
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], s) == 0) return i;
    return n;
}

/* Add the labels of s to the union list[0, *n) and fill idx with the
 * category of each point. */
static void merge(const char **list, size_t *n, const skpi__series *s, size_t *idx)
{
    for (size_t j = 0; j < s->length; j++) {
        size_t k = find(list, *n, s->labels[j], j);
        if (k == *n) list[(*n)++] = s->labels[j];
        idx[j] = k;
    }
}

static const size_t *identity(skpi__arena *arena, size_t length, bool *ok)
{
    if (length == 0) return NULL;
    size_t *idx = skpi__arena_array(arena, length, sizeof *idx);
    if (idx == NULL) { *ok = false; return NULL; }
    for (size_t i = 0; i < length; i++) idx[i] = i;
    return idx;
}

/* Every series so far and s no longer share their labels: the categories
 * become the union of distinct labels, in first-appearance order. Earlier
 * series get new index arrays, so arrays a caller holds stay as they were. */
static int build_union(skpi__block *b, skpi__series *s, skpi__arena *arena)
{
    skpi__series *series = b->items;
    size_t total = s->length;
    for (size_t i = 0; i < b->count; i++) total += series[i].length;
    const char **list = skpi__arena_array(arena, total ? total : 1, sizeof *list);
    size_t **idx = skpi__calloc(b->count + 1, sizeof *idx);
    bool ok = list != NULL && idx != NULL;
    for (size_t i = 0; ok && i <= b->count; i++) {
        size_t length = i < b->count ? series[i].length : s->length;
        if (length == 0) continue;
        idx[i] = skpi__arena_array(arena, length, sizeof **idx);
        ok = idx[i] != NULL;
    }
    if (!ok) { skpi__free(idx); return skpi__nomem(); }
    size_t n = 0;
    for (size_t i = 0; i < b->count; i++) {
        merge(list, &n, &series[i], idx[i]);
        series[i].cat = idx[i];
    }
    merge(list, &n, s, idx[b->count]);
    s->cat = idx[b->count];
    skpi__free(idx);
    b->cats = list;
    b->ncat = n;
    b->cats_union = true;
    return SKPI_OK;
}

/* A chart that already has a union: a new list with s's new labels. */
static int extend_union(skpi__block *b, skpi__series *s, skpi__arena *arena)
{
    const char **list = skpi__arena_array(arena, b->ncat + s->length ? b->ncat + s->length : 1, sizeof *list);
    size_t *idx = s->length ? skpi__arena_array(arena, s->length, sizeof *idx) : NULL;
    if (list == NULL || (s->length && idx == NULL)) return skpi__nomem();
    if (b->ncat) memcpy(list, b->cats, b->ncat * sizeof *list);
    size_t n = b->ncat;
    merge(list, &n, s, idx);
    s->cat = idx;
    b->cats = list;
    b->ncat = n;
    return SKPI_OK;
}

int skpi__doc_chart_place(skpi__block *b, skpi__series *s, skpi__arena *arena)
{
    const skpi__series *first = b->items;
    if (b->cats_union) return extend_union(b, s, arena);
    if (b->count > 0 && !same_labels(first, s)) return build_union(b, s, arena);
    bool ok = true;
    s->cat = identity(arena, s->length, &ok);
    if (!ok) return skpi__nomem();
    if (b->count == 0) {
        b->cats = (const char *const *)s->labels;
        b->ncat = s->length;
    }
    return SKPI_OK;
}
