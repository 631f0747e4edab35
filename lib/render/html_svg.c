/* Inline SVG drawn by the HTML renderer: charts, sparklines, progress bars. */
#include "render/render_internal.h"
#include "render/chart_model.h"
#include "render/html.h"
#include "render/axis.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define S(r, s) skpi__out_str(&(r)->out, (s))
#define H(r, s) skpi__esc_html(&(r)->out, (s))


/* Write a coordinate (tenths). */
static void coord(skpi__render *r, double v)
{
    char buf[32];
    skpi__num_tenths(buf, v);
    S(r, buf);
}

static void pair(skpi__render *r, char cmd, double x, double y)
{
    skpi__out_char(&r->out, cmd);
    coord(r, x);
    skpi__out_char(&r->out, ' ');
    coord(r, y);
}

/* ---- sparklines --------------------------------------------------------- */

#define SPARK_W 100.0
#define SPARK_H 24.0

void skpi__html_sparkline(skpi__render *r, const skpi_doc_kpi_row *k)
{
    const double *v = k->sparkline;
    size_t n = k->sparkline_length;
    double lo = INFINITY, hi = -INFINITY;
    size_t first = n, last = n;
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i])) continue;
        lo = fmin(lo, v[i]);
        hi = fmax(hi, v[i]);
        if (first == n) first = i;
        last = i;
    }
    if (first == n) return;
    char a[48], b[48], label[64];
    skpi__fmt_value(a, sizeof a, &r->nf, v[first], k->unit);
    skpi__fmt_value(b, sizeof b, &r->nf, v[last], k->unit);
    S(r, "<svg class=\"spark\" width=\"100\" height=\"24\" viewBox=\"0 0 100 24\" role=\"img\" aria-label=\"");
    snprintf(label, sizeof label, "Trend over %zu periods: from ", n);
    S(r, label);
    H(r, a);
    S(r, " to ");
    H(r, b);
    S(r, "\"><title>Trend: ");
    H(r, a);
    S(r, " \xE2\x86\x92 ");
    H(r, b);
    S(r, "</title><path fill=\"none\" stroke=\"#0969da\" stroke-width=\"1.5\" stroke-linejoin=\"round\" d=\"");
    double span = hi > lo ? hi - lo : 1.0;
    double step = n > 1 ? (SPARK_W - 4.0) / (double)(n - 1) : 0.0;
    bool pen = false;
    double lx = 0, ly = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i])) { pen = false; continue; }
        double x = n > 1 ? 2.0 + step * (double)i : SPARK_W / 2;
        double y = hi > lo ? SPARK_H - 3.0 - (v[i] - lo) / span * (SPARK_H - 6.0) : SPARK_H / 2;
        pair(r, pen ? 'L' : 'M', x, y);
        pen = true;
        lx = x;
        ly = y;
    }
    S(r, "\"/><circle r=\"2\" fill=\"#0969da\" cx=\"");
    coord(r, lx);
    S(r, "\" cy=\"");
    coord(r, ly);
    S(r, "\"/></svg>");
}

/* ---- progress bars ------------------------------------------------------ */

void skpi__html_progress(skpi__render *r, double progress, double expected, int tone, const char *label)
{
    static const char *const fill[] = { "#59636e", "#1a7f37", "#9a6700", "#cf222e" };
    S(r, "<svg class=\"bar\" viewBox=\"0 0 200 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"");
    H(r, label);
    S(r, "\"><title>");
    H(r, label);
    S(r, "</title><rect width=\"200\" height=\"10\" rx=\"3\" fill=\"#eaeef2\"/>");
    if (isfinite(progress)) {
        double w = fmin(fmax(progress, 0.0), 1.0) * 200.0;
        S(r, "<rect height=\"10\" rx=\"3\" fill=\"");
        S(r, fill[tone >= 0 && tone <= 3 ? tone : 0]);
        S(r, "\" width=\"");
        coord(r, w);
        S(r, "\"/>");
    }
    if (isfinite(expected)) {
        double x = fmin(fmax(expected, 0.0), 1.0) * 200.0;
        S(r, "<line y1=\"0\" y2=\"10\" stroke=\"#1f2328\" stroke-width=\"2\" vector-effect=\"non-scaling-stroke\" x1=\"");
        coord(r, x);
        S(r, "\" x2=\"");
        coord(r, x);
        S(r, "\"/>");
    }
    S(r, "</svg>");
}

/* ---- charts ------------------------------------------------------------- */

/* A chart is drawn twice: wide for screens and print, narrow for phones,
 * where the wide one's 11-unit text would shrink below 10 px (the style
 * sheet shows one of them). */
typedef struct geometry {
    double w, h, left, right, top, bottom, inset;
    size_t max_x_labels, label_chars;
    const char *id_suffix, *cls;
} geometry;

static const geometry wide = { 640.0, 260.0, 60.0, 14.0, 14.0, 36.0, 32.0, 8, 12, "", "chart wide" };
static const geometry narrow = { 360.0, 240.0, 46.0, 8.0, 12.0, 34.0, 20.0, 4, 9, "-n", "chart narrow" };

#define MAX_MARKERS 60

/* The value axis: a fixed range, else nice ticks around the values. */
static skpi__axis value_axis(const skpi__view *b)
{
    if (b->chart.fixed_range) return skpi__axis_fixed(b->chart.y_min, b->chart.y_max);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < b->count; i++) {
        const skpi__series_view ser = skpi__series_at(b, i);
        for (size_t j = 0; j < ser.length; j++)
            if (!isnan(ser.values[j])) { lo = fmin(lo, ser.values[j]); hi = fmax(hi, ser.values[j]); }
    }
    return skpi__axis_nice(lo, hi, b->chart.kind == SKPI_CHART_BAR);
}

static double ypos(const geometry *g, const skpi__axis *a, double v)
{
    double plot = g->h - g->top - g->bottom;
    double t = (v - a->lo) / (a->hi - a->lo);
    t = fmin(fmax(t, -0.02), 1.02); /* values past a fixed range stay near the frame */
    return g->top + plot * (1.0 - t);
}

static void describe(skpi__render *r, const skpi__view *b, size_t ncat)
{
    if (b->chart.description) { H(r, b->chart.description); return; }
    skpi__text names = { 0 };
    for (size_t i = 0; i < b->count; i++) {
        const skpi__series_view ser = skpi__series_at(b, i);
        if (i) skpi__text_put(&names, ", ", 2);
        skpi__text_put(&names, ser.name, strlen(ser.name));
    }
    if (names.buf == NULL) skpi__text_put(&names, "", 0);
    if (names.err != SKPI_OK) {
        skpi__out_fail(&r->out, names.err);
        return;
    }
    char series[24], points[24];
    snprintf(series, sizeof series, "%zu", b->count);
    snprintf(points, sizeof points, "%zu", ncat);
    H(r, skpi__word(r, b->chart.kind == SKPI_CHART_BAR ? SKPI_TPL_CHART_ALT_BAR : SKPI_TPL_CHART_ALT_LINE,
                    "series", series, "points", points, "names", names.buf, NULL));
    skpi__text_free(&names);
}

static void hline(skpi__render *r, const geometry *g, const char *color, double y)
{
    S(r, "<line stroke=\"");
    S(r, color);
    S(r, "\" x1=\"");
    coord(r, g->left);
    S(r, "\" x2=\"");
    coord(r, g->w - g->right);
    S(r, "\" y1=\""); coord(r, y); S(r, "\" y2=\""); coord(r, y); S(r, "\"/>");
}

static void axes(skpi__render *r, const geometry *g, const skpi__view *b, const skpi__axis *a,
                 size_t ncat, double band, double x0)
{
    S(r, "<g class=\"axes\" font-size=\"11\" fill=\"#59636e\">");
    int ticks = skpi__axis_ticks(a);
    for (int t = 0; t <= ticks; t++) {
        double v = a->lo + a->step * t;
        double y = ypos(g, a, v);
        hline(r, g, "#d1d9e0", y);
        char label[64];
        skpi__fmt_axis(label, sizeof label, &r->nf, fabs(v) < a->step * 1e-9 ? 0.0 : v, b->chart.unit, a->step);
        S(r, "<text text-anchor=\"end\" x=\"");
        coord(r, g->left - 6);
        S(r, "\" y=\"");
        coord(r, y + 4);
        S(r, "\">");
        H(r, label);
        S(r, "</text>");
    }
    /* At most max_x_labels category labels, always including the last. */
    size_t every = ncat > g->max_x_labels ? (ncat + g->max_x_labels - 1) / g->max_x_labels : 1;
    for (size_t i = 0; i < ncat; i++) {
        if ((ncat - 1 - i) % every != 0) continue;
        char label[64];
        skpi__excerpt(label, sizeof label, skpi__category_name(r->doc, b->index, i), g->label_chars);
        S(r, "<text text-anchor=\"middle\" y=\"");
        coord(r, g->h - g->bottom + 16);
        S(r, "\" x=\"");
        coord(r, x0 + band * (double)i);
        S(r, "\">");
        H(r, label);
        S(r, "</text>");
    }
    S(r, "</g>");
}

static void line_series(skpi__render *r, const geometry *g, const skpi__view *b, const skpi__axis *a,
                        double band, double x0)
{
    for (size_t i = 0; i < b->count; i++) {
        const skpi__series_view ser = skpi__series_at(b, i);
        const char *color = skpi__chart_palette[i % SKPI__CHART_PALETTE_SIZE];
        S(r, "<path fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke=\"");
        S(r, color);
        S(r, ser.style == SKPI_SERIES_DASHED ? "\" stroke-dasharray=\"6 4\" d=\"" : "\" d=\"");
        bool pen = false;
        for (size_t j = 0; j < ser.length; j++) {
            if (isnan(ser.values[j])) { pen = false; continue; }
            size_t c = ser.cat[j];
            pair(r, pen ? 'L' : 'M', x0 + band * (double)c, ypos(g, a, ser.values[j]));
            pen = true;
        }
        S(r, "\"/>");
        if (ser.length > MAX_MARKERS || ser.style == SKPI_SERIES_DASHED) continue;
        /* Markers carry the exact value as a tooltip. */
        for (size_t j = 0; j < ser.length; j++) {
            if (isnan(ser.values[j])) continue;
            size_t c = ser.cat[j];
            char val[64];
            skpi__fmt_value(val, sizeof val, &r->nf, ser.values[j], b->chart.unit);
            S(r, "<circle r=\"3\" fill=\"");
            S(r, color);
            S(r, "\" cx=\"");
            coord(r, x0 + band * (double)c);
            S(r, "\" cy=\"");
            coord(r, ypos(g, a, ser.values[j]));
            S(r, "\"><title>");
            H(r, ser.name);
            S(r, ", ");
            H(r, skpi__category_name(r->doc, b->index, ser.cat[j]));
            S(r, ": ");
            H(r, val);
            S(r, "</title></circle>");
        }
    }
}

static void bar_series(skpi__render *r, const geometry *g, const skpi__view *b, const skpi__axis *a,
                       double band, double x0)
{
    double group = band * 0.8;
    double w = group / (double)b->count;
    double zero = ypos(g, a, fmin(fmax(0.0, a->lo), a->hi));
    for (size_t i = 0; i < b->count; i++) {
        const skpi__series_view ser = skpi__series_at(b, i);
        const char *color = skpi__chart_palette[i % SKPI__CHART_PALETTE_SIZE];
        for (size_t j = 0; j < ser.length; j++) {
            double v = ser.values[j];
            if (isnan(v)) continue;
            size_t c = ser.cat[j];
            double x = x0 + band * (double)c - group / 2 + w * (double)i;
            double y = ypos(g, a, v);
            char val[64];
            skpi__fmt_value(val, sizeof val, &r->nf, v, b->chart.unit);
            S(r, "<rect fill=\"");
            S(r, color);
            if (ser.style == SKPI_SERIES_DASHED)
                S(r, "\" fill-opacity=\"0.35\" stroke=\"#1f2328\" stroke-dasharray=\"3 2");
            S(r, "\" x=\"");
            coord(r, x + 0.5);
            S(r, "\" width=\"");
            coord(r, fmax(w - 1.0, 0.5));
            S(r, "\" y=\"");
            coord(r, fmin(y, zero));
            S(r, "\" height=\"");
            coord(r, fmax(fabs(zero - y), 0.5));
            S(r, "\"><title>");
            H(r, ser.name);
            S(r, ", ");
            H(r, skpi__category_name(r->doc, b->index, ser.cat[j]));
            S(r, ": ");
            H(r, val);
            S(r, "</title></rect>");
        }
    }
}

static void legend(skpi__render *r, const skpi__view *b)
{
    S(r, "<ul class=\"legend\">");
    for (size_t i = 0; i < b->count; i++) {
        const skpi__series_view ser = skpi__series_at(b, i);
        S(r, "<li><svg width=\"18\" height=\"8\" aria-hidden=\"true\"><line x1=\"0\" y1=\"4\" x2=\"18\" y2=\"4\" "
             "stroke-width=\"3\" stroke=\"");
        S(r, skpi__chart_palette[i % SKPI__CHART_PALETTE_SIZE]);
        S(r, ser.style == SKPI_SERIES_DASHED ? "\" stroke-dasharray=\"4 3\"/></svg>" : "\"/></svg>");
        H(r, ser.name);
        S(r, "</li>");
    }
    S(r, "</ul>");
}

/* The numbers behind the chart, for screen readers and for copying. */
static void data_rows(skpi__render *r, const skpi__view *b, const double *m)
{
    S(r, "<table class=\"reflow\"><thead><tr><th scope=\"col\"></th>");
    for (size_t i = 0; i < b->count; i++) {
        const skpi__series_view ser = skpi__series_at(b, i);
        S(r, "<th scope=\"col\" class=\"num\">");
        H(r, ser.name);
        S(r, "</th>");
    }
    S(r, "</tr></thead><tbody>");
    for (size_t c = 0; c < b->ncat && r->out.err == SKPI_OK; c++) {
        S(r, "<tr><th scope=\"row\">");
        H(r, skpi__category_name(r->doc, b->index, c));
        S(r, "</th>");
        for (size_t i = 0; i < b->count; i++) {
            char val[64];
            skpi__fmt_value(val, sizeof val, &r->nf, m[i * b->ncat + c], b->chart.unit);
            S(r, "<td class=\"num\" data-label=\"");
            H(r, skpi__series_at(b, i).name);
            S(r, "\">");
            H(r, val);
            S(r, "</td>");
        }
        S(r, "</tr>");
    }
    S(r, "</tbody></table>");
}

/* On screen in a closed <details>; printed only with
 * SKPI_RENDER_HTML_PRINT_DATA, as a copy that only print shows. */
static void data_table(skpi__render *r, const skpi__view *b)
{
    double *m = skpi__chart_table(r, b);
    if (m == NULL) return;
    S(r, "<details><summary>Data</summary>");
    data_rows(r, b, m);
    S(r, "</details>");
    if (r->flags & SKPI_RENDER_HTML_PRINT_DATA) {
        S(r, "<div class=\"print-data\">");
        data_rows(r, b, m);
        S(r, "</div>");
    }
    skpi__free(m);
}

/* One drawing of the chart: its own ids, so both may sit in one page. */
static void drawing(skpi__render *r, const geometry *g, const skpi__view *b, const char *id)
{
    char size[96];
    S(r, "<svg class=\"");
    S(r, g->cls);
    snprintf(size, sizeof size, "\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" ", g->w, g->h, g->w, g->h);
    S(r, size);
    S(r, "role=\"img\" aria-labelledby=\"");
    S(r, id); S(r, g->id_suffix); S(r, "-title "); S(r, id); S(r, g->id_suffix);
    S(r, "-desc\"><title id=\"");
    S(r, id); S(r, g->id_suffix); S(r, "-title\">");
    H(r, b->title);
    S(r, "</title><desc id=\"");
    S(r, id); S(r, g->id_suffix);
    S(r, "-desc\">");
    describe(r, b, b->ncat);
    S(r, "</desc>");

    skpi__axis a = value_axis(b);
    double plot_w = g->w - g->left - g->right;
    double band, x0;
    size_t ncat = b->ncat;
    if (b->chart.kind == SKPI_CHART_BAR) {
        band = ncat ? plot_w / (double)ncat : plot_w;
        x0 = g->left + band / 2;
    } else {
        /* Room at both ends for the first and last category labels. */
        band = ncat > 1 ? (plot_w - 2 * g->inset) / (double)(ncat - 1) : 0.0;
        x0 = ncat > 1 ? g->left + g->inset : g->left + plot_w / 2;
    }
    axes(r, g, b, &a, ncat, band, x0);
    S(r, "<g class=\"series\">");
    if (b->chart.kind == SKPI_CHART_BAR)
        bar_series(r, g, b, &a, band, x0);
    else
        line_series(r, g, b, &a, band, x0);
    S(r, "</g>");
    hline(r, g, "#59636e", g->h - g->bottom);
    S(r, "</svg>\n");
}

void skpi__html_chart(skpi__render *r, const skpi__view *b, size_t index)
{
    char id[64];
    snprintf(id, sizeof id, "chart%zu", index);

    S(r, "<figure class=\"chart\"><figcaption id=\"");
    S(r, id);
    S(r, "-caption\">");
    H(r, b->title);
    S(r, "</figcaption>\n");
    drawing(r, &wide, b, id);
    drawing(r, &narrow, b, id);
    if (b->count > 0) legend(r, b);
    if (b->chart.description) {
        S(r, "<p class=\"desc\">");
        H(r, b->chart.description);
        S(r, "</p>");
    }
    if (b->count > 0) data_table(r, b);
    S(r, "</figure>\n");
}
