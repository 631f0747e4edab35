/* Our value of a metric beside each competitor's, their median and our rank. */
#include "compete/compete_internal.h"
#include "core/selector.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct skpi_comparison {
    char *metric;
    int direction;
    skpi_value own, median;
    char **names;
    skpi_value *values;
    size_t n;
};

static const skpi_value missing = { NAN, SKPI_MISSING };

static bool usable(skpi_value v)
{
    return v.availability == SKPI_AVAILABLE || v.availability == SKPI_PARTIAL;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The competitors' median: middle value, or mean of the two middle ones. */
static int median(skpi_comparison *c)
{
    c->median = missing;
    double *v = skpi__reallocarray(NULL, c->n ? c->n : 1, sizeof *v);
    if (!v) return skpi__nomem();
    size_t k = 0;
    bool partial = false;
    for (size_t i = 0; i < c->n; i++)
        if (usable(c->values[i])) {
            v[k++] = c->values[i].value;
            partial |= c->values[i].availability == SKPI_PARTIAL;
        }
    if (k > 0) {
        qsort(v, k, sizeof *v, cmp_double);
        c->median.value = k % 2 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2.0;
        c->median.availability = partial ? SKPI_PARTIAL : SKPI_AVAILABLE;
    }
    skpi__free(v);
    return SKPI_OK;
}

void skpi_comparison_free(skpi_comparison *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->n; i++) skpi__free(c->names[i]);
    skpi__free(c->names);
    skpi__free(c->values);
    skpi__free(c->metric);
    skpi__free(c);
}

int skpi_comparison_new(skpi_comparison **out, skpi_dataset *ds, const char *metric,
                        const char *selector, skpi_period period)
{
    if (!out || !ds || !metric || !selector)
        return skpi__error(SKPI_EMISUSE, "skpi_comparison_new: NULL argument");
    const skpi_metric *m;
    if (skpi_catalog_find(&m, skpi_dataset_catalog(ds), metric) != SKPI_OK)
        return skpi__error(SKPI_ENOTFOUND, "skpi_comparison_new: unknown metric '%s'", metric);
    skpi_comparison *c = skpi__calloc(1, sizeof *c);
    if (!c) return skpi__nomem();
    c->direction = skpi_metric_direction(m);
    size_t n = skpi_dataset_competitor_count(ds);
    int rc = SKPI_OK;
    if (!(c->metric = skpi__strdup(metric))) rc = skpi__nomem();
    if (rc == SKPI_OK && n > 0) {
        c->names = skpi__calloc(n, sizeof *c->names);
        c->values = skpi__calloc(n, sizeof *c->values);
        if (!c->names || !c->values) rc = skpi__nomem();
    }
    if (rc == SKPI_OK) rc = skpi_dataset_value(&c->own, ds, metric, selector, period);
    char network[SKPI__INDUSTRY_MAX];
    skpi__selector_network(network, sizeof network, selector);
    for (size_t i = 0; i < n && rc == SKPI_OK; i++) {
        const char *name = skpi_dataset_competitor(ds, i);
        if (!(c->names[i] = skpi__strdup(name))) { rc = skpi__nomem(); break; }
        c->n = i + 1;
        rc = skpi_dataset_competitor_value(&c->values[i], ds, metric, name, network, period);
    }
    if (rc == SKPI_OK) rc = median(c);
    if (rc != SKPI_OK) { skpi_comparison_free(c); return rc; }
    *out = c;
    return SKPI_OK;
}

const char *skpi_comparison_metric(const skpi_comparison *c) { return c ? c->metric : NULL; }
skpi_value skpi_comparison_own(const skpi_comparison *c) { return c ? c->own : missing; }
size_t skpi_comparison_count(const skpi_comparison *c) { return c ? c->n : 0; }
skpi_value skpi_comparison_median(const skpi_comparison *c) { return c ? c->median : missing; }

const char *skpi_comparison_competitor(const skpi_comparison *c, size_t index)
{
    return c && index < c->n ? c->names[index] : NULL;
}

skpi_value skpi_comparison_value(const skpi_comparison *c, size_t index)
{
    return c && index < c->n ? c->values[index] : missing;
}

int skpi_comparison_rank(size_t *rank, size_t *ranked, const skpi_comparison *c)
{
    if (!rank || !c) return skpi__error(SKPI_EMISUSE, "skpi_comparison_rank: NULL argument");
    *rank = 0;
    if (ranked) *ranked = 0;
    if (!usable(c->own)) return SKPI_OK;
    size_t better = 0, taking_part = 1;
    for (size_t i = 0; i < c->n; i++) {
        if (!usable(c->values[i])) continue;
        taking_part++;
        double v = c->values[i].value;
        if (c->direction == SKPI_LOWER_IS_BETTER ? v < c->own.value : v > c->own.value) better++;
    }
    *rank = better + 1;
    if (ranked) *ranked = taking_part;
    return SKPI_OK;
}
