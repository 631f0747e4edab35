/* Private interface between the HTML renderer's files. */
#ifndef SKPI_RENDER_HTML_H
#define SKPI_RENDER_HTML_H

#include "render/render_internal.h"

extern const char skpi__html_css[];

/* An inline sparkline of a KPI row (nothing when it has no values). */
void skpi__html_sparkline(skpi__render *r, const skpi_doc_kpi_row *k);
/* A progress bar: a filled part (0..1, NaN: none) and a marker at expected. */
void skpi__html_progress(skpi__render *r, double progress, double expected, int tone, const char *label);
/* A chart as a figure: caption, SVG with title and description, legend, data table. */
void skpi__html_chart(skpi__render *r, const skpi__view *b, size_t index);

#endif
