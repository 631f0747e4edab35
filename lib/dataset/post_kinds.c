/* Post types normalised across networks: the table from the raw types the
 * exports write to one vocabulary (docs/content.md), and the type of a post
 * whose export names none (X's tweet exports). */
#include "dataset/dataset_internal.h"

#include <string.h>

/* Indexed by skpi__kind; the public names. */
static const char *const kind_names[SKPI__KIND_COUNT] = {
    "other", "photo", "video", "reel", "carousel", "link", "text", "story",
    "live", "poll", "repost", "reply", "media",
};

/* Raw types as Meta, Instagram, LinkedIn, YouTube, TikTok, X and the
 * networks' APIs write them, compared without regard to ASCII case. Keep in
 * step with the table in docs/content.md. */
static const struct {
    const char *raw;
    unsigned char kind;
} raw_types[] = {
    { "photo", SKPI__KIND_PHOTO },        { "photos", SKPI__KIND_PHOTO },
    { "image", SKPI__KIND_PHOTO },        { "images", SKPI__KIND_PHOTO },
    { "picture", SKPI__KIND_PHOTO },      { "ig image", SKPI__KIND_PHOTO },
    { "video", SKPI__KIND_VIDEO },        { "videos", SKPI__KIND_VIDEO },
    { "ig video", SKPI__KIND_VIDEO },     { "native video", SKPI__KIND_VIDEO },
    { "reel", SKPI__KIND_REEL },          { "reels", SKPI__KIND_REEL },
    { "ig reel", SKPI__KIND_REEL },       { "short", SKPI__KIND_REEL },
    { "shorts", SKPI__KIND_REEL },        { "carousel", SKPI__KIND_CAROUSEL },
    { "carousels", SKPI__KIND_CAROUSEL }, { "ig carousel", SKPI__KIND_CAROUSEL },
    { "carousel_album", SKPI__KIND_CAROUSEL }, { "album", SKPI__KIND_CAROUSEL },
    { "albums", SKPI__KIND_CAROUSEL },    { "document", SKPI__KIND_CAROUSEL },
    { "link", SKPI__KIND_LINK },          { "links", SKPI__KIND_LINK },
    { "article", SKPI__KIND_LINK },       { "articles", SKPI__KIND_LINK },
    { "text", SKPI__KIND_TEXT },          { "status", SKPI__KIND_TEXT },
    { "statuses", SKPI__KIND_TEXT },      { "story", SKPI__KIND_STORY },
    { "stories", SKPI__KIND_STORY },      { "ig story", SKPI__KIND_STORY },
    { "live", SKPI__KIND_LIVE },          { "live video", SKPI__KIND_LIVE },
    { "ig live", SKPI__KIND_LIVE },       { "poll", SKPI__KIND_POLL },
    { "polls", SKPI__KIND_POLL },         { "repost", SKPI__KIND_REPOST },
    { "retweet", SKPI__KIND_REPOST },     { "reply", SKPI__KIND_REPLY },
    { "replies", SKPI__KIND_REPLY },      { "media", SKPI__KIND_MEDIA },
};

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

/* Equal ignoring ASCII case, s being len bytes long. */
static bool same(const char *s, size_t len, const char *lc)
{
    size_t i = 0;
    for (; i < len && lc[i]; i++)
        if (lower((unsigned char)s[i]) != lc[i]) return false;
    return i == len && lc[i] == '\0';
}

unsigned char skpi__kind_of_raw(const char *raw)
{
    while (*raw == ' ' || *raw == '\t') raw++;
    size_t len = strlen(raw);
    while (len > 0 && (raw[len - 1] == ' ' || raw[len - 1] == '\t')) len--;
    if (len == 0) return SKPI__KIND_UNSET;
    for (size_t i = 0; i < sizeof raw_types / sizeof raw_types[0]; i++)
        if (same(raw, len, raw_types[i].raw)) return raw_types[i].kind;
    return SKPI__KIND_OTHER;
}

unsigned char skpi__post_kind(const skpi_post *p, long media_metric)
{
    if (p->kind != SKPI__KIND_UNSET) return p->kind;
    /* No type from the export: read it off the post, as a reader of the
     * timeline would. */
    const char *t = p->text;
    if (strncmp(t, "RT @", 4) == 0) return SKPI__KIND_REPOST;
    if (t[0] == '@') return SKPI__KIND_REPLY;
    if (media_metric >= 0)
        for (size_t j = 0; j < p->n_values; j++)
            if (p->values[j].metric == (uint32_t)media_metric && p->values[j].value > 0)
                return SKPI__KIND_MEDIA;
    if (strstr(t, "http://") || strstr(t, "https://")) return SKPI__KIND_LINK;
    return t[0] ? SKPI__KIND_TEXT : SKPI__KIND_OTHER;
}

long skpi__kind_media_metric(const skpi_dataset *ds)
{
    return skpi__catalog_lookup(ds->cat, "media_views");
}

int skpi__kind_find(const char *name)
{
    for (int i = 0; i < SKPI__KIND_COUNT; i++)
        if (same(name, strlen(name), kind_names[i])) return i;
    return -1;
}

const char *skpi__kind_name(unsigned char kind)
{
    return kind < SKPI__KIND_COUNT ? kind_names[kind] : kind_names[0];
}

const char *skpi_post_kind(const skpi_post *p)
{
    if (!p) return NULL;
    return kind_names[skpi__post_kind(p, skpi__kind_media_metric(p->ds))];
}

size_t skpi_post_kind_count(void) { return SKPI__KIND_COUNT; }

const char *skpi_post_kind_name(size_t index)
{
    return index < SKPI__KIND_COUNT ? kind_names[index] : NULL;
}
