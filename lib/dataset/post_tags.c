/* Post tags: the labels a post carries (custom labels, host tags) and the
 * hashtags of its text, and how two tags are found to be the same. */
#include "dataset/dataset_internal.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* A tag's bytes without one leading '#'. */
static void tag_body(const char **s, size_t *len)
{
    if (*len > 0 && (*s)[0] == '#') {
        (*s)++;
        (*len)--;
    }
}

bool skpi__tag_equal(const char *a, size_t a_len, const char *b, size_t b_len)
{
    tag_body(&a, &a_len);
    tag_body(&b, &b_len);
    /* Code point by code point, lower-cased (ICU's simple case mapping):
     * "#RStats" and "rstats" are one tag. Lengths may differ in bytes. */
    int32_t i = 0, j = 0;
    while (i < (int32_t)a_len && j < (int32_t)b_len) {
        UChar32 ca, cb;
        U8_NEXT(a, i, (int32_t)a_len, ca);
        U8_NEXT(b, j, (int32_t)b_len, cb);
        if (ca < 0 || cb < 0) return false;
        if (ca != cb && u_tolower(ca) != u_tolower(cb)) return false;
    }
    return i == (int32_t)a_len && j == (int32_t)b_len;
}

uint64_t skpi__tag_hash(const char *s, size_t len)
{
    tag_body(&s, &len);
    uint64_t h = UINT64_C(1469598103934665603);
    int32_t i = 0;
    while (i < (int32_t)len) {
        UChar32 c;
        U8_NEXT(s, i, (int32_t)len, c);
        uint32_t f = (uint32_t)(c < 0 ? 0xFFFD : u_tolower(c));
        h = (h ^ f) * UINT64_C(1099511628211);
    }
    return h ^ (h >> 29);
}

/* Letters, numbers and '_' make up a hashtag, as X and Instagram read them. */
static bool word_char(UChar32 c)
{
    if (c == '_') return true;
    if (c < 0) return false;
    return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

bool skpi__hashtag_next(const char *text, size_t *pos, size_t *start, size_t *len)
{
    int32_t n = (int32_t)strlen(text + *pos) + (int32_t)*pos;
    int32_t i = (int32_t)*pos;
    /* The character before *pos decides whether a '#' there starts a tag. */
    UChar32 prev = ' ';
    if (*pos > 0) {
        int32_t k = i;
        U8_PREV(text, 0, k, prev);
    }
    while (i < n) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(text, i, n, c);
        bool starts = c == '#' && !word_char(prev) && prev != '&';
        prev = c;
        if (!starts) continue;
        int32_t end = i;
        bool all_numbers = true;
        while (end < n) {
            int32_t k = end;
            UChar32 d;
            U8_NEXT(text, k, n, d);
            if (!word_char(d)) break;
            if (!(U_GET_GC_MASK(d) & U_GC_N_MASK)) all_numbers = false;
            end = k;
        }
        if (end == i || all_numbers) continue;
        *start = (size_t)at;
        *len = (size_t)(end - at);
        *pos = (size_t)end;
        return true;
    }
    *pos = (size_t)n;
    return false;
}

/* Whether a UTF-8 string is well formed. */
static bool utf8_valid(const char *s, size_t len)
{
    int32_t i = 0;
    while (i < (int32_t)len) {
        UChar32 c;
        U8_NEXT(s, i, (int32_t)len, c);
        if (c < 0) return false;
    }
    return true;
}

static bool carries(const skpi_post *p, const char *tag, size_t len)
{
    const char *t = p->tags;
    for (size_t i = 0; i < p->n_tags; i++) {
        size_t l = strlen(t);
        if (skpi__tag_equal(t, l, tag, len)) return true;
        t += l + 1;
    }
    return false;
}

static long find_post(const skpi_dataset *ds, const char *channel, const char *id, const char *fn)
{
    size_t i;
    if (skpi_dataset_find_post(&i, ds, channel, id) != SKPI_OK) {
        skpi__error(SKPI_ENOTFOUND, "%s: no post '%s' on channel '%s'", fn, id, channel);
        return -1;
    }
    return (long)i;
}

int skpi_dataset_add_post_tag(skpi_dataset *ds, const char *channel, const char *id,
                              const char *tag)
{
    static const char fn[] = "skpi_dataset_add_post_tag";
    if (!ds || !channel || !id || !tag)
        return skpi__error(SKPI_EMISUSE, "%s: NULL dataset, channel, id or tag", fn);
    /* Surrounding blanks are not part of a label ("Spring sale, Launch"). */
    while (*tag == ' ' || *tag == '\t') tag++;
    size_t len = strlen(tag);
    while (len > 0 && (tag[len - 1] == ' ' || tag[len - 1] == '\t')) len--;
    if (len == 0 || (len == 1 && tag[0] == '#'))
        return skpi__error(SKPI_EINVAL, "post '%s': a tag must not be empty", id);
    if (!utf8_valid(tag, len))
        return skpi__error(SKPI_EINVAL, "post '%s': the tag is not valid UTF-8", id);
    long pi = find_post(ds, channel, id, fn);
    if (pi < 0) return SKPI_ENOTFOUND;
    skpi_post *p = ds->posts[pi];
    if (carries(p, tag, len)) return SKPI_OK;
    if (p->tags_size > SIZE_MAX - len - 1) return skpi__nomem();
    if (skpi__savepoint_save_post(ds, (size_t)pi) != SKPI_OK) return SKPI_ENOMEM;
    char *block = skpi__realloc(p->tags, p->tags_size + len + 1);
    if (!block) return skpi__nomem();
    memcpy(block + p->tags_size, tag, len);
    block[p->tags_size + len] = '\0';
    p->tags = block;
    p->tags_size += len + 1;
    p->n_tags++;
    return SKPI_OK;
}

int skpi_dataset_clear_post_tags(skpi_dataset *ds, const char *channel, const char *id)
{
    static const char fn[] = "skpi_dataset_clear_post_tags";
    if (!ds || !channel || !id)
        return skpi__error(SKPI_EMISUSE, "%s: NULL dataset, channel or id", fn);
    long pi = find_post(ds, channel, id, fn);
    if (pi < 0) return SKPI_ENOTFOUND;
    skpi_post *p = ds->posts[pi];
    if (!p->tags) return SKPI_OK;
    if (skpi__savepoint_save_post(ds, (size_t)pi) != SKPI_OK) return SKPI_ENOMEM;
    skpi__free(p->tags);
    p->tags = NULL;
    p->tags_size = p->n_tags = 0;
    return SKPI_OK;
}

size_t skpi_post_tag_count(const skpi_post *p) { return p ? p->n_tags : 0; }

const char *skpi_post_tag(const skpi_post *p, size_t index)
{
    if (!p || index >= p->n_tags) return NULL;
    const char *t = p->tags;
    while (index-- > 0) t += strlen(t) + 1;
    return t;
}

int skpi_post_has_tag(const skpi_post *p, const char *tag)
{
    if (!p || !tag) return 0;
    size_t len = strlen(tag);
    if (carries(p, tag, len)) return 1;
    size_t pos = 0, start, hl;
    while (skpi__hashtag_next(p->text, &pos, &start, &hl))
        if (skpi__tag_equal(p->text + start, hl, tag, len)) return 1;
    return 0;
}
