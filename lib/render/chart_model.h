/* The chart model the PDF renderer draws from, with the HTML renderer's
 * value axis (axis.h) and palette: the categories and points of a chart
 * block read through doc.h's getters. */
#ifndef SKPI_RENDER_CHART_MODEL_H
#define SKPI_RENDER_CHART_MODEL_H

#include "render/axis.h"
#include "render/render_internal.h"

/* Series colours, "#RRGGBB", used in turn. */
#define SKPI__CHART_PALETTE_SIZE 7
extern const char *const skpi__chart_palette[SKPI__CHART_PALETTE_SIZE];

/* Where v sits on the axis, 0 at the bottom and 1 at the top; values past
 * a fixed range stay just outside it. */
double skpi__chart_axis_pos(const skpi__axis *a, double v);
/* Show every n-th category label (counted from the last) so that at most
 * max are shown. */
size_t skpi__chart_label_every(size_t ncat, size_t max);

typedef struct skpi__chart_series {
    const char *name;
    int style;
    size_t length;
    const char *const *labels;
    const double *values;
    const size_t *cat;        /* the category of each point */
} skpi__chart_series;

typedef struct skpi__chart_model {
    skpi_doc_chart spec;
    size_t count;             /* series */
    skpi__chart_series *series;
    const char *const *cats;  /* the category axis (doc.h) */
    const char **names;       /* each category as readers see it ("Mar 2026") */
    size_t ncat;
    skpi__axis axis;
} skpi__chart_model;

/* Read a chart block; SKPI_ENOMEM (or the getter's code). */
int skpi__chart_model_load(skpi__chart_model *m, const skpi_doc *doc, size_t block);
void skpi__chart_model_free(skpi__chart_model *m);

#endif
