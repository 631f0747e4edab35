/* The chart model shared by the HTML and PDF renderers (chart_model.h). */
#include "render/chart_model.h"

#include <math.h>
#include <string.h>

/* Okabe-Ito colours (yellow left out: too light on white), told apart by
 * people with the common colour-vision deficiencies. */
const char *const skpi__chart_palette[SKPI__CHART_PALETTE_SIZE] = { "#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                                   "#56B4E9", "#D55E00", "#000000" };

double skpi__chart_axis_pos(const skpi__axis *a, double v)
{
    double t = (v - a->lo) / (a->hi - a->lo);
    return fmin(fmax(t, -0.02), 1.02);
}

size_t skpi__chart_label_every(size_t ncat, size_t max)
{
    return ncat > max ? (ncat + max - 1) / max : 1;
}

void skpi__chart_model_free(skpi__chart_model *m)
{
    skpi__free(m->series);
    skpi__free(m->names);
    memset(m, 0, sizeof *m);
}

int skpi__chart_model_load(skpi__chart_model *m, const skpi_doc *doc, size_t block)
{
    memset(m, 0, sizeof *m);
    m->spec.version = SKPI_DOC_CHART_VERSION;
    int rc = skpi_doc_chart_get(&m->spec, doc, block);
    if (rc == SKPI_OK) rc = skpi_doc_block_size(&m->count, doc, block);
    if (rc == SKPI_OK) rc = skpi_doc_chart_categories(&m->cats, &m->ncat, doc, block);
    if (rc != SKPI_OK) return rc;
    m->series = skpi__calloc(m->count ? m->count : 1, sizeof *m->series);
    m->names = skpi__calloc(m->ncat ? m->ncat : 1, sizeof *m->names);
    if (m->series == NULL || m->names == NULL) { skpi__chart_model_free(m); return skpi__nomem(); }
    for (size_t c = 0; c < m->ncat; c++) m->names[c] = skpi__category_name(doc, block, c);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < m->count; i++) {
        skpi__chart_series *s = &m->series[i];
        rc = skpi_doc_chart_series(&s->name, &s->style, &s->length, &s->labels, &s->values, doc, block, i);
        if (rc == SKPI_OK) rc = skpi_doc_chart_series_categories(&s->cat, doc, block, i);
        if (rc != SKPI_OK) { skpi__chart_model_free(m); return rc; }
        for (size_t j = 0; j < s->length; j++)
            if (!isnan(s->values[j])) { lo = fmin(lo, s->values[j]); hi = fmax(hi, s->values[j]); }
    }
    m->axis = m->spec.fixed_range ? skpi__axis_fixed(m->spec.y_min, m->spec.y_max)
                                  : skpi__axis_nice(lo, hi, m->spec.kind == SKPI_CHART_BAR);
    return SKPI_OK;
}
