/* Keys beside the words: the period and channel keys that JSON and CSV
 * write where the human renderers show names ("2026-02" beside "February
 * 2026", "instagram:@acme" beside "Instagram"), and chart category names. */
#include "doc/doc_internal.h"

#include <string.h>

int skpi_doc_set_period_name(skpi_doc *doc, const char *name)
{
    if (doc == NULL) return skpi__error(SKPI_EMISUSE, "skpi_doc_set_period_name: doc is NULL");
    bool ok = true;
    const char *copy = skpi__arena_optstr(&doc->arena, name, &ok);
    if (!ok) return skpi__nomem();
    doc->period_name = copy;
    return SKPI_OK;
}

int skpi_doc_period_name(const char **name, const skpi_doc *doc)
{
    if (doc == NULL || name == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_doc_period_name: %s is NULL", doc == NULL ? "doc" : "name");
    *name = doc->period_name ? doc->period_name : doc->has_period ? doc->period_label : "";
    return SKPI_OK;
}

int skpi_doc_kpi_table_set_periods(skpi_doc *doc, size_t block, const char *period, const char *period2)
{
    skpi__block *b = NULL;
    int rc = skpi__doc_block_mut(&b, doc, block, SKPI_BLOCK_KPI_TABLE, "skpi_doc_kpi_table_set_periods");
    if (rc != SKPI_OK) return rc;
    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    bool ok = true;
    const char *p1 = skpi__arena_optstr(&doc->arena, period, &ok);
    const char *p2 = skpi__arena_optstr(&doc->arena, period2, &ok);
    if (!ok) { skpi__arena_rollback(&doc->arena, m); return skpi__nomem(); }
    b->period_key = p1;
    b->period_key2 = p2;
    return SKPI_OK;
}

int skpi_doc_kpi_table_periods(const char **period, const char **period2, const skpi_doc *doc, size_t block)
{
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_KPI_TABLE, "skpi_doc_kpi_table_periods");
    if (rc != SKPI_OK) return rc;
    if (period) *period = b->period_key ? b->period_key : "";
    if (period2) *period2 = b->period_key2 ? b->period_key2 : "";
    return SKPI_OK;
}

/* A KPI table or a posts block, and the item inside it. */
static int keyed_block(const skpi__block **out, const skpi_doc *doc, size_t block, size_t item, const char *fn)
{
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, -1, fn);
    if (rc != SKPI_OK) return rc;
    if (b->kind != SKPI_BLOCK_KPI_TABLE && b->kind != SKPI_BLOCK_POSTS)
        return skpi__error(SKPI_EINVAL, "%s: block %zu is neither a KPI table nor posts", fn, block);
    if (item >= b->count)
        return skpi__error(SKPI_ERANGE, "%s: item %zu does not exist (block %zu has %zu)", fn, item, block,
                           b->count);
    *out = b;
    return SKPI_OK;
}

int skpi_doc_set_channel_key(skpi_doc *doc, size_t block, size_t item, const char *key)
{
    static const char fn[] = "skpi_doc_set_channel_key";
    const skpi__block *cb = NULL;
    int rc = keyed_block(&cb, doc, block, item, fn);
    if (rc != SKPI_OK) return rc;
    skpi__block *b = &doc->blocks[block];
    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    bool ok = true;
    const char *copy = skpi__arena_optstr(&doc->arena, key, &ok);
    const char **keys = b->keys;
    size_t n = b->nkeys;
    if (ok && item >= n) {
        /* the array follows the block's items; the old one stays in the arena */
        keys = skpi__arena_array(&doc->arena, b->count, sizeof *keys);
        ok = keys != NULL;
        if (ok) {
            for (size_t i = 0; i < b->count; i++) keys[i] = i < n ? b->keys[i] : NULL;
            n = b->count;
        }
    }
    if (!ok) { skpi__arena_rollback(&doc->arena, m); return skpi__nomem(); }
    keys[item] = copy;
    b->keys = keys;
    b->nkeys = n;
    return SKPI_OK;
}

int skpi_doc_channel_key(const char **key, const skpi_doc *doc, size_t block, size_t item)
{
    static const char fn[] = "skpi_doc_channel_key";
    if (key == NULL) return skpi__error(SKPI_EMISUSE, "%s: key is NULL", fn);
    const skpi__block *b = NULL;
    int rc = keyed_block(&b, doc, block, item, fn);
    if (rc != SKPI_OK) return rc;
    *key = item < b->nkeys && b->keys[item] ? b->keys[item] : "";
    return SKPI_OK;
}

int skpi_doc_chart_set_axis(skpi_doc *doc, size_t block, int axis)
{
    static const char fn[] = "skpi_doc_chart_set_axis";
    skpi__block *b = NULL;
    int rc = skpi__doc_block_mut(&b, doc, block, SKPI_BLOCK_CHART, fn);
    if (rc != SKPI_OK) return rc;
    if (axis != SKPI_AXIS_PERIODS && axis != SKPI_AXIS_CHANNELS && axis != SKPI_AXIS_ITEMS)
        return skpi__error(SKPI_EINVAL, "%s: axis %d is not an skpi_chart_axis", fn, axis);
    b->axis = axis;
    return SKPI_OK;
}

int skpi_doc_chart_axis(int *out, const skpi_doc *doc, size_t block)
{
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "skpi_doc_chart_axis: out is NULL");
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_CHART, "skpi_doc_chart_axis");
    if (rc == SKPI_OK) *out = b->axis;
    return rc;
}

static skpi__cat_name *find_name(const skpi__block *b, const char *label)
{
    for (size_t i = 0; i < b->nnames; i++)
        if (strcmp(b->names[i].label, label) == 0) return &b->names[i];
    return NULL;
}

int skpi_doc_chart_name_category(skpi_doc *doc, size_t block, const char *label, const char *name)
{
    static const char fn[] = "skpi_doc_chart_name_category";
    if (label == NULL) return skpi__error(SKPI_EMISUSE, "%s: label is NULL", fn);
    skpi__block *b = NULL;
    int rc = skpi__doc_block_mut(&b, doc, block, SKPI_BLOCK_CHART, fn);
    if (rc != SKPI_OK) return rc;
    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    bool ok = true;
    const char *copy = skpi__arena_optstr(&doc->arena, name, &ok);
    skpi__cat_name *hit = ok ? find_name(b, label) : NULL;
    if (ok && hit == NULL) {
        /* one more pair; the old array stays in the arena (charts name few categories) */
        skpi__cat_name *names = skpi__arena_array(&doc->arena, b->nnames + 1, sizeof *names);
        const char *lcopy = names ? skpi__arena_strdup(&doc->arena, label) : NULL;
        ok = lcopy != NULL;
        if (ok) {
            if (b->nnames) memcpy(names, b->names, b->nnames * sizeof *names);
            names[b->nnames].label = lcopy;
            hit = &names[b->nnames];
            b->names = names;
            b->nnames++;
        }
    }
    if (!ok) { skpi__arena_rollback(&doc->arena, m); return skpi__nomem(); }
    hit->name = copy;
    return SKPI_OK;
}

int skpi_doc_chart_category_name(const char **name, const skpi_doc *doc, size_t block, size_t category)
{
    static const char fn[] = "skpi_doc_chart_category_name";
    if (name == NULL) return skpi__error(SKPI_EMISUSE, "%s: name is NULL", fn);
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_CHART, fn);
    if (rc != SKPI_OK) return rc;
    if (category >= b->ncat)
        return skpi__error(SKPI_ERANGE, "%s: category %zu does not exist (block %zu has %zu)", fn, category,
                           block, b->ncat);
    const skpi__cat_name *hit = find_name(b, b->cats[category]);
    *name = hit && hit->name ? hit->name : b->cats[category];
    return SKPI_OK;
}
