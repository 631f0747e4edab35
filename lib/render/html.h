/* Private interface between the HTML renderer's files. */
#ifndef SKPI_RENDER_HTML_H
#define SKPI_RENDER_HTML_H

#include "render/render_internal.h"

extern const char skpi__html_css[];
/* The style sheet's addition for SKPI_RENDER_HTML_PRINT_DATA. */
extern const char skpi__html_css_print_data[];

/* An inline sparkline of a KPI row (nothing when it has no values). */
void skpi__html_sparkline(skpi__render *r, const skpi_doc_kpi_row *k);
/* A progress bar: a filled part (0..1, NaN: none) and a marker at expected. */
void skpi__html_progress(skpi__render *r, double progress, double expected, int tone, const char *label);
/* A chart as a figure: caption, SVG with title and description, legend, data table. */
void skpi__html_chart(skpi__render *r, const skpi__view *b, size_t index);

/* The class of a tone ("good", "warning", "bad", "neutral"). */
const char *skpi__html_tone(int tone);
/* "good" or "bad" for a change by the metric's direction; NULL for none,
 * zero or a neutral metric. */
const char *skpi__html_change_class(double change, int direction);
/* A row of tiles from a KPI table's metrics (level 0 rows): value, changes
 * against both comparisons, sparkline, a status colour. */
void skpi__html_tiles(skpi__render *r, const skpi__view *b);
/* Goals and top-level objectives of the given goals and objectives blocks
 * as one compact list under a heading (none when title is NULL or ""). */
void skpi__html_glance(skpi__render *r, const char *title, const size_t *blocks, size_t n);

#endif
