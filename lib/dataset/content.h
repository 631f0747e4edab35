/* What the content aggregates (post groups, posting times) share: their
 * options checked and resolved, the posts they count, medians. */
#ifndef SKPI_DATASET_CONTENT_H
#define SKPI_DATASET_CONTENT_H

#include "dataset/dataset_internal.h"

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
} skpi__content;

/* Check and resolve the options (NULL: defaults); the message names fn. */
int skpi__content_prepare(skpi__content *c, const skpi_dataset *ds, skpi_period period,
                          const skpi_content_options *opts, const char *fn);
/* Whether post i is counted. */
bool skpi__content_selects(const skpi__content *c, const skpi_post *p);

/* The median of v[0..n), n > 0, reordering v (expected linear time). */
double skpi__median_of(double *v, size_t n);

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
