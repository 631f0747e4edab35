/* What the content aggregates (post groups, posting times) share: their
 * options checked and resolved, the posts they count (read from the
 * dataset's post columns), medians. */
#ifndef SKPI_DATASET_CONTENT_H
#define SKPI_DATASET_CONTENT_H

#include "dataset/dataset_internal.h"

#include <string.h>

#define SKPI__CONTENT_MAX_RANKED 50

typedef struct skpi__content {
    const skpi_dataset *ds;
    skpi_period period;
    skpi__query metric;  /* the figure per post */
    skpi__query rate;    /* the ratio of sums */
    skpi__selector sel;
    int kind;            /* only this kind, or -1 */
    const char *tag;     /* only posts with this tag, or NULL */
    long media_metric;   /* for kinds read off the post */
    size_t min_posts, min_slot_posts, ranked;
    const skpi_calendar *cal;
    int sign;            /* +1: higher is better; -1: lower */
    bool *channel_on;    /* per channel: the selector chooses it */
    bool every_channel;  /* it chooses them all */
    bool every_time;     /* the period holds every post */
    const skpi__post_columns *cols;
} skpi__content;

/* Check and resolve the options (NULL: defaults) and make the post columns
 * current; the message names fn. On SKPI_OK, skpi__content_release() later. */
int skpi__content_prepare(skpi__content *c, const skpi_dataset *ds, skpi_period period,
                          const skpi_content_options *opts, const char *fn);
void skpi__content_release(skpi__content *c);
/* Whether post i is counted; inline, as it is asked of every post. */
static inline bool skpi__content_selects(const skpi__content *c, size_t i)
{
    const skpi__post_columns *cols = c->cols;
    if (!c->every_time && (cols->published[i] < c->period.start || cols->published[i] >= c->period.end))
        return false;
    if (!c->every_channel && !c->channel_on[cols->channel[i]]) return false;
    if (c->kind >= 0 && cols->kind[i] != c->kind) return false;
    return !c->tag || skpi_post_has_tag(c->ds->posts[i], c->tag);
}
/* The normalised kind of post i. */
static inline unsigned char skpi__content_kind(const skpi__content *c, size_t i)
{
    return c->cols->kind[i];
}
/* The value of a prepared query (c->metric, c->rate) on post i. */
void skpi__content_eval(skpi_value *out, const skpi__content *c, const skpi__query *q, size_t i);

/* The aggregates' working memory, the dataset's to keep (NULL when out of
 * memory, error set): two doubles a post from the result, and *tail room
 * for a byte a post or a count per post type and top digit. */
double *skpi__content_scratch(const skpi_dataset *ds, void **tail);

/* The median of v[0..n), n > 0, overwriting v (expected linear time). */
double skpi__median_of(double *v, size_t n);
/* The median from the two middle values. */
static inline double skpi__middle(double lower, double upper)
{
    return lower == upper ? lower : (lower + upper) / 2;
}
/* The two middle values of v[0..n) (the same one for odd n), overwriting v. */
void skpi__middles_of(double *v, size_t n, double *lower, double *upper);

/* The radix passes' pieces, for a caller that counts the values by their
 * top digit as it gathers them. */
#define SKPI__RADIX_BITS 12
#define SKPI__RADIX_BUCKETS (1u << SKPI__RADIX_BITS)
/* Below this many values selection alone is as quick as radix passes. */
#define SKPI__RADIX_MIN 4096
/* An unsigned key in the order of the doubles (NaN aside). */
static inline uint64_t skpi__order_key(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u >> 63 ? ~u : u | (UINT64_C(1) << 63);
}
/* The top digit of a value's key: the first radix pass's bucket. */
static inline unsigned skpi__top_digit(double d)
{
    return (unsigned)(skpi__order_key(d) >> (64 - SKPI__RADIX_BITS));
}
/* From a count of values by digit: the buckets *b0 to *b1 that hold the
 * ranks *r0 and *r1, which become ranks among the values of those. */
void skpi__radix_buckets(const uint32_t *count, size_t *r0, size_t *r1, unsigned *b0, unsigned *b1);
/* The r0-th and r1-th smallest (r1 is r0 or r0 + 1) of values whose top
 * digits all lie in the buckets skpi__radix_buckets() gave, with the ranks
 * it gave; one_bucket: b0 == b1, so the passes go on with the next digit.
 * v is overwritten. */
void skpi__order_stats_after_top(double *v, size_t n, size_t r0, size_t r1, bool one_bucket,
                                 double *a, double *b);

/* A post's figure, for ranking. */
typedef struct skpi__scored {
    double value;
    uint32_t post;
} skpi__scored;

/* Whether a is better than b: by value (sign), then the earlier post, then
 * channel key, then id, as skpi_dataset_top_posts() orders them. */
bool skpi__scored_better(const skpi_dataset *ds, const skpi__scored *a, const skpi__scored *b,
                         int sign);

#endif
