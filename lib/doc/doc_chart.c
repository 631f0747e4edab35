/* Charts of the document model: what they show and their series. */
#include "doc/doc_internal.h"

#include <math.h>
#include <string.h>

int skpi_doc_chart_init(skpi_doc_chart *chart, unsigned version)
{
    if (chart == NULL) return skpi__error(SKPI_EMISUSE, "skpi_doc_chart_init: chart is NULL");
    if (version != SKPI_DOC_CHART_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_doc_chart_init: version %u is unknown (this library knows %d)",
                           version, SKPI_DOC_CHART_VERSION);
    skpi_doc_chart init = SKPI_DOC_CHART_INIT;
    *chart = init;
    return SKPI_OK;
}

int skpi_doc_add_chart(size_t *out, skpi_doc *doc, const skpi_doc_chart *chart)
{
    static const char fn[] = "skpi_doc_add_chart";
    if (doc == NULL) return skpi__error(SKPI_EMISUSE, "%s: doc is NULL", fn);
    int rc = skpi__doc_check_version(chart, SKPI_DOC_CHART_VERSION, fn, "chart");
    if (rc != SKPI_OK) return rc;
    if (chart->kind != SKPI_CHART_LINE && chart->kind != SKPI_CHART_BAR)
        return skpi__error(SKPI_EINVAL, "%s: chart.kind %d is not an skpi_chart_kind", fn, chart->kind);
    if (chart->title == NULL || chart->title[0] == '\0')
        return skpi__error(SKPI_EINVAL, "%s: chart.title is empty", fn);
    rc = skpi__doc_check_unit(chart->unit, fn);
    if (rc != SKPI_OK) return rc;
    if (chart->fixed_range != 0 && chart->fixed_range != 1)
        return skpi__error(SKPI_EINVAL, "%s: chart.fixed_range must be 0 or 1", fn);
    if (chart->fixed_range && !(isfinite(chart->y_min) && isfinite(chart->y_max) && chart->y_min < chart->y_max))
        return skpi__error(SKPI_EINVAL, "%s: chart.y_min and chart.y_max must be finite with y_min < y_max", fn);

    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    bool ok = true;
    skpi__block b = { .kind = SKPI_BLOCK_CHART, .chart = *chart };
    b.chart.version = SKPI_DOC_CHART_VERSION;
    b.chart.title = b.title = skpi__arena_strdup(&doc->arena, chart->title);
    b.chart.description = skpi__arena_optstr(&doc->arena, chart->description, &ok);
    if (!chart->fixed_range) b.chart.y_min = b.chart.y_max = 0.0;
    rc = ok && b.title ? skpi__doc_push_block(out, doc, &b) : skpi__nomem();
    if (rc != SKPI_OK) skpi__arena_rollback(&doc->arena, m);
    return rc;
}

int skpi_doc_chart_add_series(size_t *out, skpi_doc *doc, size_t block, const char *name, int style,
                              const char *const *labels, const double *values, size_t length)
{
    static const char fn[] = "skpi_doc_chart_add_series";
    if (name == NULL) return skpi__error(SKPI_EMISUSE, "%s: name is NULL", fn);
    if (length > 0 && (labels == NULL || values == NULL))
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", fn, labels == NULL ? "labels" : "values");
    skpi__block *b = NULL;
    int rc = skpi__doc_block_mut(&b, doc, block, SKPI_BLOCK_CHART, fn);
    if (rc != SKPI_OK) return rc;
    if (name[0] == '\0') return skpi__error(SKPI_EINVAL, "%s: name is empty", fn);
    if (style != SKPI_SERIES_SOLID && style != SKPI_SERIES_DASHED)
        return skpi__error(SKPI_EINVAL, "%s: style %d is not an skpi_series_style", fn, style);
    for (size_t i = 0; i < length; i++) {
        if (labels[i] == NULL) return skpi__error(SKPI_EMISUSE, "%s: labels[%zu] is NULL", fn, i);
        if (isinf(values[i])) return skpi__error(SKPI_EINVAL, "%s: values[%zu] is infinite", fn, i);
    }
    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    skpi__series s = { .style = style, .length = length };
    s.name = skpi__arena_strdup(&doc->arena, name);
    bool ok = s.name != NULL;
    if (ok && length > 0) {
        s.labels = skpi__arena_array(&doc->arena, length, sizeof *s.labels);
        s.values = skpi__arena_array(&doc->arena, length, sizeof *s.values);
        ok = s.labels && s.values;
        if (ok) memcpy(s.values, values, length * sizeof *s.values);
        for (size_t i = 0; ok && i < length; i++) {
            s.labels[i] = skpi__arena_strdup(&doc->arena, labels[i]);
            ok = s.labels[i] != NULL;
        }
    }
    rc = ok ? skpi__doc_reserve(&b->items, &b->cap, b->count, sizeof s) : skpi__nomem();
    if (rc == SKPI_OK) rc = skpi__doc_chart_place(b, &s, &doc->arena);
    if (rc != SKPI_OK) { skpi__arena_rollback(&doc->arena, m); return rc; }
    ((skpi__series *)b->items)[b->count] = s;
    if (out) *out = b->count;
    b->count++;
    return SKPI_OK;
}

int skpi_doc_chart_get(skpi_doc_chart *out, const skpi_doc *doc, size_t block)
{
    static const char fn[] = "skpi_doc_chart_get";
    int rc = skpi__doc_check_version(out, SKPI_DOC_CHART_VERSION, fn, "out");
    if (rc != SKPI_OK) return rc;
    const skpi__block *b = NULL;
    rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_CHART, fn);
    if (rc == SKPI_OK) *out = b->chart;
    return rc;
}

static int find_series(const skpi__series **out, const skpi_doc *doc, size_t block, size_t series,
                       const char *fn)
{
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_CHART, fn);
    if (rc != SKPI_OK) return rc;
    if (series >= b->count)
        return skpi__error(SKPI_ERANGE, "%s: series %zu does not exist (block %zu has %zu)",
                           fn, series, block, b->count);
    *out = (const skpi__series *)b->items + series;
    return SKPI_OK;
}

int skpi_doc_chart_series(const char **name, int *style, size_t *length, const char *const **labels,
                          const double **values, const skpi_doc *doc, size_t block, size_t series)
{
    const skpi__series *s = NULL;
    int rc = find_series(&s, doc, block, series, "skpi_doc_chart_series");
    if (rc != SKPI_OK) return rc;
    if (name) *name = s->name;
    if (style) *style = s->style;
    if (length) *length = s->length;
    if (labels) *labels = (const char *const *)s->labels;
    if (values) *values = s->values;
    return SKPI_OK;
}

int skpi_doc_chart_categories(const char *const **labels, size_t *count, const skpi_doc *doc, size_t block)
{
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_CHART, "skpi_doc_chart_categories");
    if (rc != SKPI_OK) return rc;
    if (labels) *labels = b->ncat ? b->cats : NULL;
    if (count) *count = b->ncat;
    return SKPI_OK;
}

int skpi_doc_chart_series_categories(const size_t **index, const skpi_doc *doc, size_t block, size_t series)
{
    const skpi__series *s = NULL;
    int rc = find_series(&s, doc, block, series, "skpi_doc_chart_series_categories");
    if (rc == SKPI_OK && index) *index = s->cat;
    return rc;
}
