/* The best posts of a period by any metric, in a deterministic order. */
#include "dataset/dataset_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct ranked {
    const skpi_post *post;
    uint32_t index;
    double value;
    int sign; /* +1: higher first; -1: lower first */
} ranked;

/* Best first; ties: earlier publication, then channel key, then id. */
static int compare(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->value != b->value) return (a->value > b->value ? -1 : 1) * a->sign;
    if (a->post->published != b->post->published)
        return a->post->published < b->post->published ? -1 : 1;
    const skpi_dataset *ds = a->post->ds;
    int c = strcmp(ds->channels[a->post->channel].key, ds->channels[b->post->channel].key);
    if (c != 0) return c;
    return strcmp(a->post->id, b->post->id);
}

int skpi_dataset_top_posts(size_t *out, size_t *count, size_t max, const skpi_dataset *ds,
                           const char *metric, const char *selector, skpi_period period)
{
    static const char fn[] = "skpi_dataset_top_posts";
    if (!count || !ds || !metric || !selector || (max > 0 && !out))
        return skpi__error(SKPI_EMISUSE, "%s: NULL argument", fn);
    skpi__query q;
    int rc = skpi__query_prepare(&q, ds, metric, fn);
    if (rc != SKPI_OK) return rc;
    if ((rc = skpi__period_check(period, fn)) != SKPI_OK) return rc;
    skpi__selector sel;
    if ((rc = skpi__selector_parse(&sel, ds, selector)) != SKPI_OK) return rc;
    *count = 0;
    if (max == 0 || ds->n_posts == 0) return SKPI_OK;
    ranked *r = skpi__reallocarray(NULL, ds->n_posts, sizeof *r);
    if (!r) return skpi__nomem();
    int sign = ds->cat->metrics[q.metric]->direction == SKPI_LOWER_IS_BETTER ? -1 : 1;
    size_t n = 0;
    for (size_t i = 0; i < ds->n_posts; i++) {
        const skpi_post *p = ds->posts[i];
        if (p->published < period.start || p->published >= period.end) continue;
        if (!skpi__selector_matches(&sel, ds, p->channel)) continue;
        skpi_value v;
        skpi__post_eval(&v, p, &q);
        if (v.availability != SKPI_AVAILABLE) continue;
        r[n].post = p;
        r[n].index = (uint32_t)i;
        r[n].value = v.value;
        r[n].sign = sign;
        n++;
    }
    /* The order is total (channel and id identify a post), so qsort's
     * instability cannot show. */
    qsort(r, n, sizeof *r, compare);
    size_t k = n < max ? n : max;
    for (size_t i = 0; i < k; i++) out[i] = r[i].index;
    *count = k;
    skpi__free(r);
    return SKPI_OK;
}
