/* Vector drawings in the PDF: charts from the chart model the HTML renderer
 * draws too, sparklines and progress bars. */
#include "render/chart_model.h"
#include "render/pdf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHART_H 190.0
#define AXIS_W 52.0   /* value labels left of the plot */
#define PLOT_TOP 8.0
#define PLOT_BOTTOM 22.0
#define PLOT_RIGHT 8.0
#define LINE_INSET 20.0
#define MAX_X_LABELS 8
#define MAX_MARKERS 60
#define PDF_PI 3.14159265358979323846

static pdf_rgb series_color(size_t i)
{
    const char *hex = skpi__chart_palette[i % SKPI__CHART_PALETTE_SIZE];
    unsigned long v = strtoul(hex + 1, NULL, 16);
    return (pdf_rgb){ (double)((v >> 16) & 0xFF) / 255.0, (double)((v >> 8) & 0xFF) / 255.0,
                      (double)(v & 0xFF) / 255.0 };
}

void skpi__pdf_progress(skpi__pdf *p, double x, double y, double w, double progress, double expected, int tone)
{
    if (p->cr == NULL) return;
    skpi__pdf_rect(p, x, y, w, 6, (pdf_rgb){ 0.918, 0.933, 0.949 }, 0);
    if (isfinite(progress)) skpi__pdf_rect(p, x, y, fmin(fmax(progress, 0.0), 1.0) * w, 6, skpi__pdf_tone(tone), 0);
    if (isfinite(expected)) {
        double ex = x + fmin(fmax(expected, 0.0), 1.0) * w;
        skpi__pdf_rect(p, ex - 0.75, y - 1.5, 1.5, 9, skpi__pdf_ink, 0);
    }
}

void skpi__pdf_sparkline(skpi__pdf *p, const double *v, size_t n, double x, double y, double w, double h)
{
    if (p->cr == NULL) return;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++)
        if (!isnan(v[i])) { lo = fmin(lo, v[i]); hi = fmax(hi, v[i]); }
    if (lo > hi) return;
    double step = n > 1 ? (w - 4) / (double)(n - 1) : 0;
    bool pen = false;
    double lx = 0, ly = 0;
    cairo_new_path(p->cr);
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i])) { pen = false; continue; }
        lx = n > 1 ? x + 2 + step * (double)i : x + w / 2;
        ly = hi > lo ? y + h - 2 - (v[i] - lo) / (hi - lo) * (h - 4) : y + h / 2;
        if (pen) cairo_line_to(p->cr, lx, ly);
        else cairo_move_to(p->cr, lx, ly);
        pen = true;
    }
    cairo_set_line_width(p->cr, 1.2);
    cairo_set_line_join(p->cr, CAIRO_LINE_JOIN_ROUND);
    skpi__pdf_color(p, series_color(0));
    cairo_stroke(p->cr);
    cairo_arc(p->cr, lx, ly, 1.8, 0, 2 * PDF_PI);
    cairo_fill(p->cr);
}

/* ---- charts ----------------------------------------------------------------- */

typedef struct plot {
    double x, y, w, h; /* the plot area */
    double band, x0;   /* category spacing and the first category's x */
} plot;

static double ypos(const skpi__chart_model *m, const plot *pl, double v)
{
    return pl->y + pl->h * (1.0 - skpi__chart_axis_pos(&m->axis, v));
}

static void axes(skpi__pdf *p, const skpi__chart_model *m, const plot *pl)
{
    int ticks = skpi__axis_ticks(&m->axis);
    cairo_set_line_width(p->cr, 0.4);
    for (int t = 0; t <= ticks; t++) {
        double v = m->axis.lo + m->axis.step * t;
        double y = ypos(m, pl, v);
        skpi__pdf_color(p, skpi__pdf_rule);
        cairo_move_to(p->cr, pl->x, y);
        cairo_line_to(p->cr, pl->x + pl->w, y);
        cairo_stroke(p->cr);
        char label[64];
        skpi__fmt_axis(label, sizeof label, &p->r->nf, fabs(v) < m->axis.step * 1e-9 ? 0.0 : v, m->spec.unit,
                       m->axis.step);
        PangoLayout *l = skpi__pdf_layout(p, label, PDF_SMALL, AXIS_W - 6, SKPI_ALIGN_RIGHT);
        skpi__pdf_show(p, l, pl->x - AXIS_W, y - skpi__pdf_height(l) / 2, skpi__pdf_muted);
        g_object_unref(l);
    }
    size_t every = skpi__chart_label_every(m->ncat, MAX_X_LABELS);
    double slot = m->ncat > 1 ? pl->w / (double)((m->ncat + every - 1) / every) : pl->w;
    for (size_t i = 0; i < m->ncat; i++) {
        if ((m->ncat - 1 - i) % every != 0) continue;
        char label[64];
        skpi__excerpt(label, sizeof label, m->names[i], 12);
        PangoLayout *l = skpi__pdf_layout(p, skpi__pdf_clean(p, label, 0), PDF_SMALL, -1, SKPI_ALIGN_LEFT);
        pango_layout_set_width(l, (int)(slot * PANGO_SCALE));
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        double lw = fmin(skpi__pdf_natural(l), slot);
        double x = pl->x0 + pl->band * (double)i - lw / 2;
        /* labels stay inside the plot's width */
        x = fmin(fmax(x, pl->x - AXIS_W / 2), pl->x + pl->w + PLOT_RIGHT - lw);
        skpi__pdf_show(p, l, x, pl->y + pl->h + 5, skpi__pdf_muted);
        g_object_unref(l);
    }
}

static void lines(skpi__pdf *p, const skpi__chart_model *m, const plot *pl)
{
    for (size_t i = 0; i < m->count; i++) {
        const skpi__chart_series *s = &m->series[i];
        pdf_rgb c = series_color(i);
        bool pen = false;
        cairo_new_path(p->cr);
        for (size_t j = 0; j < s->length; j++) {
            if (isnan(s->values[j])) { pen = false; continue; }
            double x = pl->x0 + pl->band * (double)s->cat[j], y = ypos(m, pl, s->values[j]);
            if (pen) cairo_line_to(p->cr, x, y);
            else cairo_move_to(p->cr, x, y);
            pen = true;
        }
        static const double dash[] = { 4.0, 3.0 };
        cairo_set_dash(p->cr, dash, s->style == SKPI_SERIES_DASHED ? 2 : 0, 0);
        cairo_set_line_width(p->cr, 1.6);
        cairo_set_line_join(p->cr, CAIRO_LINE_JOIN_ROUND);
        skpi__pdf_color(p, c);
        cairo_stroke(p->cr);
        cairo_set_dash(p->cr, NULL, 0, 0);
        if (s->length > MAX_MARKERS || s->style == SKPI_SERIES_DASHED) continue;
        for (size_t j = 0; j < s->length; j++) {
            if (isnan(s->values[j])) continue;
            cairo_arc(p->cr, pl->x0 + pl->band * (double)s->cat[j], ypos(m, pl, s->values[j]), 2.2, 0, 2 * PDF_PI);
            cairo_fill(p->cr);
        }
    }
}

static void bars(skpi__pdf *p, const skpi__chart_model *m, const plot *pl)
{
    double group = pl->band * 0.8;
    double w = m->count ? group / (double)m->count : group;
    double zero = ypos(m, pl, fmin(fmax(0.0, m->axis.lo), m->axis.hi));
    for (size_t i = 0; i < m->count; i++) {
        const skpi__chart_series *s = &m->series[i];
        pdf_rgb c = series_color(i);
        for (size_t j = 0; j < s->length; j++) {
            double v = s->values[j];
            if (isnan(v)) continue;
            double x = pl->x0 + pl->band * (double)s->cat[j] - group / 2 + w * (double)i;
            double y = ypos(m, pl, v);
            double top = fmin(y, zero), h = fmax(fabs(zero - y), 0.5);
            if (s->style == SKPI_SERIES_DASHED) {
                cairo_set_source_rgba(p->cr, c.r, c.g, c.b, 0.35);
                cairo_rectangle(p->cr, x + 0.5, top, fmax(w - 1.0, 0.5), h);
                cairo_fill_preserve(p->cr);
                static const double dash[] = { 3.0, 2.0 };
                cairo_set_dash(p->cr, dash, 2, 0);
                cairo_set_line_width(p->cr, 0.6);
                skpi__pdf_color(p, skpi__pdf_ink);
                cairo_stroke(p->cr);
                cairo_set_dash(p->cr, NULL, 0, 0);
            } else {
                skpi__pdf_rect(p, x + 0.5, top, fmax(w - 1.0, 0.5), h, c, 0);
            }
        }
    }
}

/* The legend: a swatch and the name of each series, wrapping across. */
static void legend(skpi__pdf *p, const skpi__chart_model *m)
{
    double x = p->left, row_h = 0;
    for (size_t i = 0; i < m->count; i++) {
        PangoLayout *l = skpi__pdf_layout(p, skpi__pdf_clean(p, m->series[i].name, 0), PDF_SMALL, -1,
                                          SKPI_ALIGN_LEFT);
        /* a name longer than the line wraps */
        if (skpi__pdf_natural(l) > skpi__pdf_width(p) - 22) {
            pango_layout_set_width(l, (int)((skpi__pdf_width(p) - 22) * PANGO_SCALE));
            pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        }
        double w = skpi__pdf_natural(l) + 22, h = skpi__pdf_height(l);
        if (x > p->left && x + w > p->right) {
            p->y += row_h + 3;
            x = p->left;
            row_h = 0;
        }
        skpi__pdf_need(p, h);
        if (p->cr) {
            static const double dash[] = { 3.0, 2.0 };
            cairo_set_dash(p->cr, dash, m->series[i].style == SKPI_SERIES_DASHED ? 2 : 0, 0);
            cairo_set_line_width(p->cr, 2.5);
            skpi__pdf_color(p, series_color(i));
            cairo_move_to(p->cr, x, p->y + h / 2);
            cairo_line_to(p->cr, x + 14, p->y + h / 2);
            cairo_stroke(p->cr);
            cairo_set_dash(p->cr, NULL, 0, 0);
        }
        skpi__pdf_show(p, l, x + 18, p->y, skpi__pdf_ink);
        g_object_unref(l);
        x += w + 10;
        if (h > row_h) row_h = h;
    }
    p->y += row_h + 4;
}

/* Alt text: the chart's description, else the generated one. */
static void describe(skpi__pdf *p, const skpi__chart_model *m)
{
    if (m->spec.description) {
        skpi__pdf_text(p, skpi__pdf_clean(p, m->spec.description, 0), PDF_SMALL, 0, skpi__pdf_muted);
        return;
    }
    skpi__text names = { 0 };
    for (size_t i = 0; i < m->count; i++) {
        if (i) skpi__text_put(&names, ", ", 2);
        skpi__text_put(&names, m->series[i].name, strlen(m->series[i].name));
    }
    skpi__text_put(&names, "", 0);
    if (names.err != SKPI_OK) {
        skpi__out_fail(&p->r->out, names.err);
        skpi__text_free(&names);
        return;
    }
    char series[24], points[24];
    snprintf(series, sizeof series, "%zu", m->count);
    snprintf(points, sizeof points, "%zu", m->ncat);
    const char *w = skpi__word(p->r, m->spec.kind == SKPI_CHART_BAR ? SKPI_TPL_CHART_ALT_BAR : SKPI_TPL_CHART_ALT_LINE,
                               "series", series, "points", points, "names", names.buf, NULL);
    skpi__pdf_text(p, skpi__pdf_clean(p, w, 0), PDF_SMALL, 0, skpi__pdf_muted);
    skpi__text_free(&names);
}

/* The numbers behind the chart, one row per category. */
typedef struct data {
    skpi__pdf *p;
    const skpi__chart_model *m;
    size_t first;      /* the first category shown */
} data;

static const char *data_header(void *ctx, size_t col)
{
    data *d = ctx;
    return col == 0 ? "" : d->m->series[col - 1].name;
}

static const char *data_cell(void *ctx, size_t row, size_t col, char *buf, size_t size)
{
    data *d = ctx;
    row += d->first;
    if (col == 0) return d->m->names[row];
    const skpi__chart_series *s = &d->m->series[col - 1];
    double v = NAN;
    for (size_t j = 0; j < s->length; j++)
        if (s->cat[j] == row) { v = s->values[j]; break; }
    skpi__fmt_value(buf, size, &d->p->r->nf, v, d->m->spec.unit);
    return buf;
}

static int data_align(void *ctx, size_t col)
{
    (void)ctx;
    return col == 0 ? SKPI_ALIGN_LEFT : SKPI_ALIGN_RIGHT;
}

void skpi__pdf_chart(skpi__pdf *p, size_t block)
{
    skpi__chart_model m;
    int rc = skpi__chart_model_load(&m, p->doc, block);
    if (rc != SKPI_OK) { skpi__out_fail(&p->r->out, rc); return; }
    PangoLayout *cap = skpi__pdf_layout(p, skpi__pdf_clean(p, m.spec.title, 0), PDF_BOLD, skpi__pdf_width(p),
                                        SKPI_ALIGN_LEFT);
    /* Caption, drawing and legend stay on one page. */
    skpi__pdf_need(p, skpi__pdf_height(cap) + 4 + CHART_H + 20);
    skpi__pdf_flow(p, cap, p->left, skpi__pdf_ink);
    g_object_unref(cap);
    p->y += 4;
    plot pl = { p->left + AXIS_W, p->y + PLOT_TOP, skpi__pdf_width(p) - AXIS_W - PLOT_RIGHT,
                CHART_H - PLOT_TOP - PLOT_BOTTOM, 0, 0 };
    if (m.spec.kind == SKPI_CHART_BAR) {
        pl.band = m.ncat ? pl.w / (double)m.ncat : pl.w;
        pl.x0 = pl.x + pl.band / 2;
    } else {
        /* room at both ends for the first and last category labels */
        pl.band = m.ncat > 1 ? (pl.w - 2 * LINE_INSET) / (double)(m.ncat - 1) : 0.0;
        pl.x0 = m.ncat > 1 ? pl.x + LINE_INSET : pl.x + pl.w / 2;
    }
    if (p->cr) {
        cairo_save(p->cr);
        axes(p, &m, &pl);
        /* values past a fixed range stay inside the drawing */
        cairo_rectangle(p->cr, pl.x, p->y, pl.w + PLOT_RIGHT, CHART_H - PLOT_BOTTOM);
        cairo_clip(p->cr);
        if (m.spec.kind == SKPI_CHART_BAR) bars(p, &m, &pl);
        else lines(p, &m, &pl);
        cairo_restore(p->cr);
        cairo_set_line_width(p->cr, 0.8);
        skpi__pdf_color(p, skpi__pdf_muted);
        cairo_move_to(p->cr, pl.x, pl.y + pl.h);
        cairo_line_to(p->cr, pl.x + pl.w, pl.y + pl.h);
        cairo_stroke(p->cr);
    }
    p->y += CHART_H;
    if (m.count > 0) legend(p, &m);
    describe(p, &m);
    p->y += 4;
    if (m.count > 0 && m.ncat > 0) {
        /* Long series show their last points, as in Markdown and text. */
        data d = { p, &m, m.ncat > SKPI__CHART_TEXT_POINTS ? m.ncat - SKPI__CHART_TEXT_POINTS : 0 };
        if (d.first > 0) {
            char shown[24], total[24];
            snprintf(shown, sizeof shown, "%zu", m.ncat - d.first);
            snprintf(total, sizeof total, "%zu", m.ncat);
            skpi__pdf_text(p, skpi__pdf_clean(p, skpi__word(p->r, SKPI_TPL_CHART_LAST_POINTS, "shown", shown, "total",
                                                            total, NULL), 0),
                           PDF_SMALL, 0, skpi__pdf_muted);
            p->y += 3;
        }
        pdf_table t = { 0 };
        t.rows = m.ncat - d.first;
        t.cols = m.count + 1;
        t.header = data_header;
        t.cell = data_cell;
        t.align = data_align;
        t.ctx = &d;
        t.style = PDF_SMALL;
        skpi__pdf_table(p, &t);
    } else {
        p->y += 8;
    }
    skpi__chart_model_free(&m);
}
