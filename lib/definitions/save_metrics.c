/* Saving the `metrics` member: what the catalog has beyond its base, and
 * what it changed in the base's metrics. */
#include "definitions/defs_internal.h"

#include <string.h>

static bool same(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

static json_t *full_entry(skpi__writer *w, const skpi_metric *m)
{
    json_t *e = skpi__w_object(w);
    int kind = skpi_metric_kind_of(m);
    skpi__w_set(w, e, "key", skpi__w_string(w, skpi_metric_key(m)));
    skpi__w_set(w, e, "label", skpi__w_string(w, skpi_metric_label(m)));
    skpi__w_set(w, e, "kind", skpi__w_string(w, skpi__name_of(skpi__kind_names, kind)));
    skpi__w_set(w, e, "unit",
                skpi__w_string(w, skpi__name_of(skpi__unit_names, skpi_metric_unit(m))));
    skpi__w_set(w, e, "direction",
                skpi__w_string(w, skpi__name_of(skpi__direction_names, skpi_metric_direction(m))));
    if (kind == SKPI_KIND_DERIVED)
        skpi__w_set(w, e, "formula", skpi__w_string(w, skpi_metric_formula(m)));
    if (skpi_metric_description(m)[0] != '\0')
        skpi__w_set(w, e, "description", skpi__w_string(w, skpi_metric_description(m)));
    return e;
}

/* The members of a base metric the catalog changed; NULL (and no entry)
 * when it changed none. */
static json_t *changed_entry(skpi__writer *w, const skpi_metric *m, const skpi_metric *b)
{
    bool label = !same(skpi_metric_label(m), skpi_metric_label(b));
    bool formula = !same(skpi_metric_formula(m), skpi_metric_formula(b));
    bool description = !same(skpi_metric_description(m), skpi_metric_description(b));
    if (!label && !formula && !description) return NULL;
    json_t *e = skpi__w_object(w);
    skpi__w_set(w, e, "key", skpi__w_string(w, skpi_metric_key(m)));
    if (label) skpi__w_set(w, e, "label", skpi__w_string(w, skpi_metric_label(m)));
    if (formula) skpi__w_set(w, e, "formula", skpi__w_string(w, skpi_metric_formula(m)));
    if (description)
        skpi__w_set(w, e, "description", skpi__w_string(w, skpi_metric_description(m)));
    return e;
}

json_t *skpi__save_metrics(skpi__writer *w, const skpi_definitions *defs)
{
    json_t *list = skpi__w_array(w);
    const skpi_catalog *base = skpi__defs_base(defs);
    size_t base_count = skpi_catalog_count(base);
    size_t n = skpi_catalog_count(defs->catalog);
    for (size_t i = 0; i < n; i++) {
        const skpi_metric *m = skpi_catalog_metric_at(defs->catalog, i);
        /* The catalog began as a copy of the base, so the base's metrics
         * come first in the same order; look up by key should that change. */
        const skpi_metric *b = i < base_count ? skpi_catalog_metric_at(base, i) : NULL;
        if (b == NULL || strcmp(skpi_metric_key(b), skpi_metric_key(m)) != 0)
            b = skpi__defs_metric(base, skpi_metric_key(m));
        json_t *e = b ? changed_entry(w, m, b) : full_entry(w, m);
        if (e) skpi__w_append(w, list, e);
    }
    return list;
}
