/* The content aggregates' shared part: options, which posts count and the
 * order of posts (medians: median.c). */
#include "dataset/content.h"

#include <math.h>
#include <string.h>

int skpi_content_options_init(skpi_content_options *opts, unsigned version)
{
    if (!opts) return skpi__error(SKPI_EMISUSE, "skpi_content_options_init: opts is NULL");
    if (version != SKPI_CONTENT_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_content_options_init: version %u is unknown "
                           "(this library knows %u)", version, SKPI_CONTENT_OPTIONS_VERSION);
    skpi_content_options d = SKPI_CONTENT_OPTIONS_INIT;
    *opts = d;
    return SKPI_OK;
}

/* Whether any post of the dataset has the tag. */
static bool tag_known(const skpi_dataset *ds, const char *tag)
{
    for (size_t i = 0; i < ds->n_posts; i++)
        if (skpi_post_has_tag(ds->posts[i], tag)) return true;
    return false;
}

static const char *or_default(const char *s, const char *d) { return s && s[0] ? s : d; }

int skpi__content_prepare(skpi__content *c, const skpi_dataset *ds, skpi_period period,
                          const skpi_content_options *opts, const char *fn)
{
    skpi_content_options d = SKPI_CONTENT_OPTIONS_INIT;
    if (!opts) opts = &d;
    if (opts->version != SKPI_CONTENT_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "%s: options version %u is unknown (this library knows %u)",
                           fn, opts->version, SKPI_CONTENT_OPTIONS_VERSION);
    memset(c, 0, sizeof *c);
    c->ds = ds;
    c->period = period;
    int rc = skpi__period_check(period, fn);
    if (rc != SKPI_OK) return rc;
    if ((rc = skpi__query_prepare(&c->metric, ds, or_default(opts->metric, "engagements"), fn)) != SKPI_OK)
        return rc;
    const char *rate = or_default(opts->rate, "engagement_rate_impressions");
    if ((rc = skpi__query_prepare(&c->rate, ds, rate, fn)) != SKPI_OK) return rc;
    if (ds->cat->metrics[c->rate.metric]->kind != SKPI_KIND_DERIVED)
        return skpi__error(SKPI_EINVAL, "%s: the rate '%s' is not a derived metric (a ratio of sums)",
                           fn, rate);
    if ((rc = skpi__selector_parse(&c->sel, ds, or_default(opts->selector, "*"))) != SKPI_OK) return rc;
    c->kind = -1;
    if (opts->type && opts->type[0]) {
        c->kind = skpi__kind_find(opts->type);
        if (c->kind < 0)
            return skpi__error(SKPI_ENOTFOUND, "%s: unknown post type '%s' (the types are photo, "
                               "video, reel, carousel, link, text, story, live, poll, repost, reply, "
                               "media, other)", fn, opts->type);
    }
    if (opts->tag && opts->tag[0]) {
        if (!tag_known(ds, opts->tag))
            return skpi__error(SKPI_ENOTFOUND, "%s: no post has the tag '%s'", fn, opts->tag);
        c->tag = opts->tag;
    }
    if (opts->ranked > SKPI__CONTENT_MAX_RANKED)
        return skpi__error(SKPI_EINVAL, "%s: %zu ranked posts per group is above %d", fn,
                           opts->ranked, SKPI__CONTENT_MAX_RANKED);
    c->min_posts = opts->min_posts ? opts->min_posts : 5;
    c->min_slot_posts = opts->min_slot_posts ? opts->min_slot_posts : 3;
    c->ranked = opts->ranked ? opts->ranked : 3;
    c->cal = opts->calendar;
    c->media_metric = skpi__kind_media_metric(ds);
    c->sign = ds->cat->metrics[c->metric.metric]->direction == SKPI_LOWER_IS_BETTER ? -1 : 1;
    const skpi__query *queries[] = { &c->metric, &c->rate };
    if ((rc = skpi__post_columns_ensure(ds, queries, 2)) != SKPI_OK) return rc;
    c->cols = ds->post_columns;
    /* The selector once per channel, not once per post. */
    c->channel_on = skpi__calloc(ds->n_channels ? ds->n_channels : 1, sizeof *c->channel_on);
    if (!c->channel_on) return skpi__nomem();
    c->every_channel = true;
    for (size_t ch = 0; ch < ds->n_channels; ch++) {
        c->channel_on[ch] = skpi__selector_matches(&c->sel, ds, (uint32_t)ch);
        c->every_channel &= c->channel_on[ch];
    }
    c->every_time = c->cols->n == 0 ||
                    (period.start <= c->cols->first && c->cols->last < period.end);
    return SKPI_OK;
}

/* One size for both aggregates, so that either finds the memory the other
 * left: two doubles a post, then a byte a post (posting times' cells) or a
 * count per type and top digit (by type), whichever is larger. */
double *skpi__content_scratch(const skpi_dataset *ds, void **tail)
{
    size_t n = ds->n_posts ? ds->n_posts : 1;
    size_t counts = (SKPI__KIND_COUNT * SKPI__RADIX_BUCKETS * sizeof(uint32_t) + sizeof(double) - 1) /
                    sizeof(double);
    size_t cells = (n + sizeof(double) - 1) / sizeof(double);
    double *s = skpi__post_columns_scratch(ds, 2 * n + (counts > cells ? counts : cells));
    if (s) *tail = s + 2 * n;
    return s;
}

void skpi__content_release(skpi__content *c)
{
    skpi__free(c->channel_on);
    c->channel_on = NULL;
}

void skpi__content_eval(skpi_value *out, const skpi__content *c, const skpi__query *q, size_t i)
{
    double values[SKPI__MAX_LEAVES];
    out->value = NAN;
    if (q->uses_days) out->availability = SKPI_UNSUPPORTED;
    else if (!skpi__post_columns_leaves(values, c->ds, q, i)) out->availability = SKPI_MISSING;
    else skpi__post_eval_leaves(out, c->ds, q, values);
}

bool skpi__scored_better(const skpi_dataset *ds, const skpi__scored *a, const skpi__scored *b,
                         int sign)
{
    if (a->value != b->value) return (a->value > b->value) == (sign > 0);
    const skpi_time *published = ds->post_columns->published;
    if (published[a->post] != published[b->post]) return published[a->post] < published[b->post];
    const skpi_post *pa = ds->posts[a->post], *pb = ds->posts[b->post];
    int c = strcmp(ds->channels[pa->channel].key, ds->channels[pb->channel].key);
    if (c != 0) return c < 0;
    return strcmp(pa->id, pb->id) < 0;
}
