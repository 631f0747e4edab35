/* Text blocks of the document model: headings, paragraphs, callouts, lists. */
#include "doc/doc_internal.h"

int skpi_doc_add_heading(size_t *out, skpi_doc *doc, int level, const char *text)
{
    static const char fn[] = "skpi_doc_add_heading";
    if (doc == NULL || text == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", fn, doc == NULL ? "doc" : "text");
    if (level < 1 || level > 4)
        return skpi__error(SKPI_ERANGE, "%s: level %d is not 1 to 4", fn, level);
    if (text[0] == '\0') return skpi__error(SKPI_EINVAL, "%s: text is empty", fn);
    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    skpi__block b = { .kind = SKPI_BLOCK_HEADING, .level = level };
    b.title = skpi__arena_strdup(&doc->arena, text);
    if (b.title == NULL) return skpi__nomem();
    int rc = skpi__doc_push_block(out, doc, &b);
    if (rc != SKPI_OK) skpi__arena_rollback(&doc->arena, m);
    return rc;
}

int skpi_doc_heading_level(int *out, const skpi_doc *doc, size_t block)
{
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_HEADING, "skpi_doc_heading_level");
    if (rc == SKPI_OK && out) *out = b->level;
    return rc;
}

/* Add a span to a paragraph block; the span array is grown last so that a
 * failure leaves only arena bytes to roll back. */
static int push_span(skpi_doc *doc, skpi__block *b, int style, const char *text)
{
    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    const char *copy = skpi__arena_strdup(&doc->arena, text);
    if (copy == NULL) return skpi__nomem();
    int rc = skpi__doc_reserve(&b->items, &b->cap, b->count, sizeof(skpi__span));
    if (rc != SKPI_OK) { skpi__arena_rollback(&doc->arena, m); return rc; }
    skpi__span *spans = b->items;
    spans[b->count].style = style;
    spans[b->count].text = copy;
    b->count++;
    return SKPI_OK;
}

int skpi_doc_add_paragraph(size_t *out, skpi_doc *doc, const char *text)
{
    if (doc == NULL) return skpi__error(SKPI_EMISUSE, "skpi_doc_add_paragraph: doc is NULL");
    skpi__block b = { .kind = SKPI_BLOCK_PARAGRAPH };
    if (text != NULL && text[0] != '\0') {
        skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
        int rc = push_span(doc, &b, SKPI_SPAN_PLAIN, text);
        if (rc != SKPI_OK) return rc;
        rc = skpi__doc_push_block(out, doc, &b);
        if (rc != SKPI_OK) {
            skpi__free(b.items);
            skpi__arena_rollback(&doc->arena, m);
        }
        return rc;
    }
    return skpi__doc_push_block(out, doc, &b);
}

int skpi_doc_paragraph_add_span(skpi_doc *doc, size_t block, int style, const char *text)
{
    static const char fn[] = "skpi_doc_paragraph_add_span";
    if (text == NULL) return skpi__error(SKPI_EMISUSE, "%s: text is NULL", fn);
    skpi__block *b = NULL;
    int rc = skpi__doc_block_mut(&b, doc, block, SKPI_BLOCK_PARAGRAPH, fn);
    if (rc != SKPI_OK) return rc;
    if (style < SKPI_SPAN_PLAIN || style > SKPI_SPAN_STRONG)
        return skpi__error(SKPI_EINVAL, "%s: style %d is not an skpi_span_style", fn, style);
    if (text[0] == '\0') return skpi__error(SKPI_EINVAL, "%s: text is empty", fn);
    return push_span(doc, b, style, text);
}

int skpi_doc_span(int *style, const char **text, const skpi_doc *doc, size_t block, size_t span)
{
    static const char fn[] = "skpi_doc_span";
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_PARAGRAPH, fn);
    if (rc != SKPI_OK) return rc;
    if (span >= b->count)
        return skpi__error(SKPI_ERANGE, "%s: span %zu does not exist (block %zu has %zu)",
                           fn, span, block, b->count);
    const skpi__span *s = (const skpi__span *)b->items + span;
    if (style) *style = s->style;
    if (text) *text = s->text;
    return SKPI_OK;
}

int skpi_doc_add_callout(size_t *out, skpi_doc *doc, int kind, const char *title, const char *text)
{
    static const char fn[] = "skpi_doc_add_callout";
    if (doc == NULL || text == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", fn, doc == NULL ? "doc" : "text");
    if (kind < SKPI_CALLOUT_INFO || kind > SKPI_CALLOUT_ALERT)
        return skpi__error(SKPI_EINVAL, "%s: kind %d is not an skpi_callout_kind", fn, kind);
    if (text[0] == '\0') return skpi__error(SKPI_EINVAL, "%s: text is empty", fn);
    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    bool ok = true;
    skpi__block b = { .kind = SKPI_BLOCK_CALLOUT, .level = kind };
    b.title = skpi__arena_optstr(&doc->arena, title, &ok);
    b.text = skpi__arena_strdup(&doc->arena, text);
    int rc = ok && b.text ? skpi__doc_push_block(out, doc, &b) : skpi__nomem();
    if (rc != SKPI_OK) skpi__arena_rollback(&doc->arena, m);
    return rc;
}

int skpi_doc_callout(int *kind, const char **text, const skpi_doc *doc, size_t block)
{
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_CALLOUT, "skpi_doc_callout");
    if (rc != SKPI_OK) return rc;
    if (kind) *kind = b->level;
    if (text) *text = b->text;
    return SKPI_OK;
}

int skpi_doc_add_list(size_t *out, skpi_doc *doc, int ordered)
{
    if (doc == NULL) return skpi__error(SKPI_EMISUSE, "skpi_doc_add_list: doc is NULL");
    if (ordered != 0 && ordered != 1)
        return skpi__error(SKPI_EINVAL, "skpi_doc_add_list: ordered must be 0 or 1, not %d", ordered);
    skpi__block b = { .kind = SKPI_BLOCK_LIST, .level = ordered };
    return skpi__doc_push_block(out, doc, &b);
}

int skpi_doc_list_add_item(skpi_doc *doc, size_t block, const char *text)
{
    static const char fn[] = "skpi_doc_list_add_item";
    if (text == NULL) return skpi__error(SKPI_EMISUSE, "%s: text is NULL", fn);
    skpi__block *b = NULL;
    int rc = skpi__doc_block_mut(&b, doc, block, SKPI_BLOCK_LIST, fn);
    if (rc != SKPI_OK) return rc;
    if (text[0] == '\0') return skpi__error(SKPI_EINVAL, "%s: text is empty", fn);
    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    const char *copy = skpi__arena_strdup(&doc->arena, text);
    if (copy == NULL) return skpi__nomem();
    rc = skpi__doc_reserve(&b->items, &b->cap, b->count, sizeof(const char *));
    if (rc != SKPI_OK) { skpi__arena_rollback(&doc->arena, m); return rc; }
    ((const char **)b->items)[b->count++] = copy;
    return SKPI_OK;
}

int skpi_doc_list_ordered(int *out, const skpi_doc *doc, size_t block)
{
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_LIST, "skpi_doc_list_ordered");
    if (rc == SKPI_OK && out) *out = b->level;
    return rc;
}

int skpi_doc_list_item(const char **out, const skpi_doc *doc, size_t block, size_t item)
{
    static const char fn[] = "skpi_doc_list_item";
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_LIST, fn);
    if (rc != SKPI_OK) return rc;
    if (item >= b->count)
        return skpi__error(SKPI_ERANGE, "%s: item %zu does not exist (block %zu has %zu)",
                           fn, item, block, b->count);
    if (out) *out = ((const char *const *)b->items)[item];
    return SKPI_OK;
}
