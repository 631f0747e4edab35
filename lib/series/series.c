/* The series handle: creation, copying, keys, policy and borrowed arrays. */
#include "series/series_internal.h"
#include "core/internal.h"

#include <string.h>

int skpi__series_create(skpi_series **out, const char *metric, const char *channel,
                        int policy, size_t capacity)
{
    skpi_series *s = skpi__calloc(1, sizeof *s);
    if (s == NULL) return skpi__nomem();
    s->policy = policy;
    s->metric = skpi__strdup(metric);
    s->channel = skpi__strdup(channel);
    if (s->metric == NULL || s->channel == NULL) goto nomem;
    if (capacity > 0) {
        s->times = skpi__reallocarray(NULL, capacity, sizeof *s->times);
        if (s->times == NULL) goto nomem;
        s->values = skpi__reallocarray(NULL, capacity, sizeof *s->values);
        if (s->values == NULL) goto nomem;
        s->capacity = capacity;
    }
    *out = s;
    return SKPI_OK;
nomem:
    skpi_series_free(s);
    return skpi__nomem();
}

int skpi_series_new(skpi_series **out, const char *metric, const char *channel)
{
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "skpi_series_new: out is NULL");
    if (metric == NULL) return skpi__error(SKPI_EMISUSE, "skpi_series_new: metric is NULL");
    if (channel == NULL) return skpi__error(SKPI_EMISUSE, "skpi_series_new: channel is NULL");
    if (metric[0] == '\0')
        return skpi__error(SKPI_EINVAL, "skpi_series_new: the metric key is empty "
                           "(give one such as \"impressions\")");
    if (channel[0] == '\0')
        return skpi__error(SKPI_EINVAL, "skpi_series_new: the channel key is empty "
                           "(give one such as \"instagram:@acme\")");
    return skpi__series_create(out, metric, channel, SKPI_DUPLICATE_LAST, 0);
}

void skpi_series_free(skpi_series *s)
{
    if (s == NULL) return;
    skpi__free(s->metric);
    skpi__free(s->channel);
    skpi__free(s->times);
    skpi__free(s->values);
    skpi__free(s);
}

int skpi_series_clone(skpi_series **out, const skpi_series *s)
{
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "skpi_series_clone: out is NULL");
    if (s == NULL) return skpi__error(SKPI_EMISUSE, "skpi_series_clone: s is NULL");
    skpi_series *copy = NULL;
    int rc = skpi__series_create(&copy, s->metric, s->channel, s->policy, s->length);
    if (rc != SKPI_OK) return rc;
    if (s->length > 0) {
        memcpy(copy->times, s->times, s->length * sizeof *s->times);
        memcpy(copy->values, s->values, s->length * sizeof *s->values);
    }
    copy->length = s->length;
    *out = copy;
    return SKPI_OK;
}

const char *skpi_series_metric(const skpi_series *s)
{
    return s ? s->metric : NULL;
}

const char *skpi_series_channel(const skpi_series *s)
{
    return s ? s->channel : NULL;
}

int skpi_series_set_duplicate_policy(skpi_series *s, int policy)
{
    if (s == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_series_set_duplicate_policy: s is NULL");
    if (policy < SKPI_DUPLICATE_LAST || policy > SKPI_DUPLICATE_ERROR)
        return skpi__error(SKPI_EINVAL, "skpi_series_set_duplicate_policy: policy %d is unknown "
                           "(0 last wins, 1 sum, 2 error)", policy);
    s->policy = policy;
    return SKPI_OK;
}

int skpi_series_duplicate_policy(const skpi_series *s)
{
    return s ? s->policy : SKPI_DUPLICATE_LAST;
}

size_t skpi_series_length(const skpi_series *s)
{
    return s ? s->length : 0;
}

const skpi_time *skpi_series_times(const skpi_series *s)
{
    return s && s->length > 0 ? s->times : NULL;
}

const double *skpi_series_values(const skpi_series *s)
{
    return s && s->length > 0 ? s->values : NULL;
}

size_t skpi__series_lower_bound(const skpi_time *times, size_t lo, size_t hi, skpi_time key)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (times[mid] < key) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

size_t skpi__series_search(const skpi_time *times, size_t lo, size_t hi, skpi_time key,
                           size_t hint)
{
    if (hint < lo) hint = lo;
    if (hint > hi) hint = hi;
    if (hint < hi && times[hint] < key) {
        /* the answer lies after hint: times[hint + step / 2] < key so far */
        size_t below = hint, step = 1;
        while (step <= hi - hint - 1 && times[hint + step] < key) {
            below = hint + step;
            step *= 2;
        }
        size_t top = step <= hi - hint - 1 ? hint + step : hi;
        return skpi__series_lower_bound(times, below + 1, top, key);
    }
    if (hint > lo && times[hint - 1] >= key) {
        /* the answer lies at or before hint - 1: times[above] >= key */
        size_t above = hint - 1, step = 1;
        while (step <= above - lo && times[above - step] >= key) {
            above -= step;
            step *= 2;
        }
        size_t bottom = step <= above - lo ? above - step + 1 : lo;
        return skpi__series_lower_bound(times, bottom, above, key);
    }
    return hint;
}
