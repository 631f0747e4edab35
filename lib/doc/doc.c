/* The document handle: creation, metadata, block bookkeeping and checks. */
#include "doc/doc_internal.h"

#include <math.h>
#include <string.h>

int skpi_doc_new(skpi_doc **out)
{
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "skpi_doc_new: out is NULL");
    skpi_doc *doc = skpi__calloc(1, sizeof *doc);
    if (doc == NULL) return skpi__nomem();
    doc->title = "";
    doc->subtitle = "";
    doc->currency = "";
    doc->language = "en";
    doc->period_label = "";
    *out = doc;
    return SKPI_OK;
}

void skpi_doc_free(skpi_doc *doc)
{
    if (doc == NULL) return;
    for (size_t i = 0; i < doc->count; i++) {
        skpi__block *b = &doc->blocks[i];
        if (b->kind == SKPI_BLOCK_OBJECTIVES) {
            skpi__objective *objs = b->items;
            for (size_t k = 0; k < b->count; k++) skpi__free(objs[k].krs);
        }
        skpi__free(b->items);
        skpi__free(b->heat);
    }
    skpi__free(doc->blocks);
    skpi__arena_free(&doc->arena);
    skpi__free(doc);
}

/* Metadata strings are replaced rarely; the old copy stays in the arena. */
static int set_meta(skpi_doc *doc, const char **field, const char *value, const char *fn)
{
    if (doc == NULL || value == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", fn, doc == NULL ? "doc" : "the text");
    if (value[0] == '\0') { *field = ""; return SKPI_OK; }
    const char *copy = skpi__arena_strdup(&doc->arena, value);
    if (copy == NULL) return skpi__nomem();
    *field = copy;
    return SKPI_OK;
}

int skpi_doc_set_title(skpi_doc *doc, const char *title)
{
    return set_meta(doc, doc ? &doc->title : NULL, title, "skpi_doc_set_title");
}

int skpi_doc_set_subtitle(skpi_doc *doc, const char *subtitle)
{
    return set_meta(doc, doc ? &doc->subtitle : NULL, subtitle, "skpi_doc_set_subtitle");
}

int skpi_doc_set_currency(skpi_doc *doc, const char *currency)
{
    if (doc != NULL && currency != NULL) {
        size_t n = strlen(currency);
        if (n > 8)
            return skpi__error(SKPI_EINVAL, "skpi_doc_set_currency: \"%s\" is longer than 8 bytes", currency);
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)currency[i] < 0x20 || currency[i] == 0x7F)
                return skpi__error(SKPI_EINVAL, "skpi_doc_set_currency: control character at byte %zu", i);
    }
    return set_meta(doc, doc ? &doc->currency : NULL, currency, "skpi_doc_set_currency");
}

int skpi_doc_set_language(skpi_doc *doc, const char *language)
{
    if (doc != NULL && language != NULL) {
        size_t n = strlen(language);
        bool ok = n >= 1 && n <= 35 && language[0] != '-' && language[n - 1] != '-';
        for (size_t i = 0; ok && i < n; i++) {
            char c = language[i];
            ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        }
        if (!ok)
            return skpi__error(SKPI_EINVAL,
                               "skpi_doc_set_language: expected a BCP 47 tag such as \"en\" or \"pt-BR\" "
                               "(letters, digits and '-', 1 to 35 bytes)");
    }
    return set_meta(doc, doc ? &doc->language : NULL, language, "skpi_doc_set_language");
}

int skpi_doc_set_period(skpi_doc *doc, const skpi_period *period, const char *label)
{
    static const char fn[] = "skpi_doc_set_period";
    if (doc == NULL) return skpi__error(SKPI_EMISUSE, "%s: doc is NULL", fn);
    if (period == NULL) {
        doc->has_period = false;
        doc->period_label = "";
        return SKPI_OK;
    }
    if (period->start < skpi_time_min() || period->end > skpi_time_max() || period->start >= period->end)
        return skpi__error(SKPI_ERANGE, "%s: the period must start before it ends, within years 1 to 9999", fn);
    bool ok = true;
    const char *copy = skpi__arena_optstr(&doc->arena, label, &ok);
    if (!ok) return skpi__nomem();
    doc->has_period = true;
    doc->period = *period;
    doc->period_label = copy ? copy : "";
    return SKPI_OK;
}

int skpi_doc_period(skpi_period *period, const char **label, const skpi_doc *doc)
{
    if (doc == NULL) return skpi__error(SKPI_EMISUSE, "skpi_doc_period: doc is NULL");
    if (!doc->has_period) return skpi__error(SKPI_ENOTFOUND, "skpi_doc_period: the document has no period");
    if (period) *period = doc->period;
    if (label) *label = doc->period_label;
    return SKPI_OK;
}

const char *skpi_doc_title(const skpi_doc *doc) { return doc ? doc->title : NULL; }
const char *skpi_doc_subtitle(const skpi_doc *doc) { return doc ? doc->subtitle : NULL; }
const char *skpi_doc_currency(const skpi_doc *doc) { return doc ? doc->currency : NULL; }
const char *skpi_doc_language(const skpi_doc *doc) { return doc ? doc->language : NULL; }
size_t skpi_doc_block_count(const skpi_doc *doc) { return doc ? doc->count : 0; }

int skpi__doc_reserve(void **items, size_t *cap, size_t count, size_t elem)
{
    if (count < *cap) return SKPI_OK;
    size_t ncap = *cap ? *cap * 2 : 4;
    if (ncap < *cap) return skpi__nomem();
    void *p = skpi__reallocarray(*items, ncap, elem);
    if (p == NULL) return skpi__nomem();
    *items = p;
    *cap = ncap;
    return SKPI_OK;
}

int skpi__doc_push_block(size_t *out, skpi_doc *doc, const skpi__block *b)
{
    void *blocks = doc->blocks;
    int rc = skpi__doc_reserve(&blocks, &doc->cap, doc->count, sizeof *doc->blocks);
    doc->blocks = blocks;
    if (rc != SKPI_OK) return rc;
    doc->blocks[doc->count] = *b;
    if (out) *out = doc->count;
    doc->count++;
    return SKPI_OK;
}

static const char *kind_name(int kind)
{
    static const char *const names[] = {
        "a heading", "a paragraph", "a KPI table", "a table", "a chart", "a goals block",
        "an objectives block", "a top-posts block", "a callout", "a list"
    };
    return kind >= 0 && kind < (int)(sizeof names / sizeof names[0]) ? names[kind] : "a block";
}

int skpi__doc_block(const skpi__block **out, const skpi_doc *doc, size_t block, int kind,
                    const char *fn)
{
    if (doc == NULL) return skpi__error(SKPI_EMISUSE, "%s: doc is NULL", fn);
    if (block >= doc->count)
        return skpi__error(SKPI_ERANGE, "%s: block %zu does not exist (the document has %zu)",
                           fn, block, doc->count);
    const skpi__block *b = &doc->blocks[block];
    if (kind >= 0 && b->kind != kind)
        return skpi__error(SKPI_EINVAL, "%s: block %zu is %s, not %s", fn, block,
                           kind_name(b->kind), kind_name(kind));
    *out = b;
    return SKPI_OK;
}

int skpi__doc_block_mut(skpi__block **out, skpi_doc *doc, size_t block, int kind, const char *fn)
{
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, kind, fn);
    if (rc == SKPI_OK) *out = &doc->blocks[block];
    return rc;
}

int skpi__doc_check_value(skpi_value v, const char *fn, const char *field)
{
    if (v.availability < SKPI_AVAILABLE || v.availability > SKPI_UNSUPPORTED)
        return skpi__error(SKPI_EINVAL, "%s: %s.availability %d is not an skpi_availability",
                           fn, field, v.availability);
    if ((v.availability == SKPI_AVAILABLE || v.availability == SKPI_PARTIAL) && !isfinite(v.value))
        return skpi__error(SKPI_EINVAL, "%s: %s is available but not a finite number", fn, field);
    return SKPI_OK;
}

skpi_value skpi__doc_value(skpi_value v)
{
    if (v.availability != SKPI_AVAILABLE && v.availability != SKPI_PARTIAL) v.value = NAN;
    return v;
}

int skpi__doc_check_unit(int unit, const char *fn)
{
    if (unit < SKPI_UNIT_COUNT || unit > SKPI_UNIT_SCORE)
        return skpi__error(SKPI_EINVAL, "%s: unit %d is not an skpi_unit", fn, unit);
    return SKPI_OK;
}

int skpi__doc_check_tone(int tone, const char *fn)
{
    if (tone < SKPI_TONE_NEUTRAL || tone > SKPI_TONE_BAD)
        return skpi__error(SKPI_EINVAL, "%s: tone %d is not an skpi_tone", fn, tone);
    return SKPI_OK;
}

int skpi__doc_check_key(const char *key, const char *fn, const char *field)
{
    size_t n = strlen(key);
    bool ok = n >= 1 && n <= 32;
    for (size_t i = 0; ok && i < n; i++)
        ok = (key[i] >= 'a' && key[i] <= 'z') || (key[i] >= '0' && key[i] <= '9') || key[i] == '_';
    if (!ok)
        return skpi__error(SKPI_EINVAL, "%s: %s must be 1 to 32 lowercase letters, digits or '_'",
                           fn, field);
    return SKPI_OK;
}

int skpi__doc_check_version(const void *ptr, unsigned known, const char *fn, const char *what)
{
    if (ptr == NULL) return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", fn, what);
    unsigned v = *(const unsigned *)ptr;
    if (v < 1 || v > known)
        return skpi__error(SKPI_EVERSION, "%s: %s version %u is unknown (this library knows %u)",
                           fn, what, v, known);
    return SKPI_OK;
}

int skpi_doc_block_kind(int *out, const skpi_doc *doc, size_t block)
{
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, -1, "skpi_doc_block_kind");
    if (rc == SKPI_OK && out) *out = b->kind;
    return rc;
}

int skpi_doc_block_title(const char **out, const skpi_doc *doc, size_t block)
{
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, -1, "skpi_doc_block_title");
    if (rc == SKPI_OK && out) *out = b->title ? b->title : "";
    return rc;
}

int skpi_doc_block_size(size_t *out, const skpi_doc *doc, size_t block)
{
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, -1, "skpi_doc_block_size");
    if (rc == SKPI_OK && out) *out = b->count;
    return rc;
}
