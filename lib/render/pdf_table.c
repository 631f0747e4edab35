/* Tables in the PDF: columns fitted to the page, rows that wrap, the header
 * repeated on every page a table runs onto. */
#include "render/pdf.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#define PAD_X 4.0
#define PAD_Y 3.0
/* A cell longer than this is cut with an ellipsis: a row must fit a page
 * (docs/pdf.md). The other formats carry the whole text. */
#define CELL_MAX 400
#define MAX_COLS 64

void skpi__pdf_caption(skpi__pdf *p, const char *title)
{
    if (title == NULL || title[0] == '\0') return;
    PangoLayout *l = skpi__pdf_layout(p, skpi__pdf_clean(p, title, 0), PDF_BOLD, skpi__pdf_width(p), SKPI_ALIGN_LEFT);
    /* A caption stays with the first lines of what it names. */
    skpi__pdf_need(p, skpi__pdf_height(l) + 50);
    skpi__pdf_flow(p, l, p->left, skpi__pdf_ink);
    g_object_unref(l);
    p->y += 4;
}

size_t skpi__pdf_block_start(skpi__pdf *p, size_t block)
{
    const char *title = "";
    size_t n = 0;
    skpi_doc_block_title(&title, p->doc, block);
    skpi_doc_block_size(&n, p->doc, block);
    skpi__pdf_caption(p, title);
    return n;
}

/* Column widths: natural widths when they fit; otherwise narrow columns
 * keep theirs and the wide ones share what is left in proportion. */
static void fit_columns(double *w, const double *natural, size_t cols, double total)
{
    double sum = 0;
    for (size_t c = 0; c < cols; c++) sum += natural[c];
    if (sum <= total) {
        for (size_t c = 0; c < cols; c++) w[c] = natural[c];
        w[0] += total - sum; /* the first column names the row: it takes the rest */
        return;
    }
    bool fixed[MAX_COLS] = { false };
    double left = total;
    for (bool changed = true; changed;) {
        changed = false;
        size_t open = 0;
        for (size_t c = 0; c < cols; c++) open += !fixed[c];
        if (open == 0) break;
        double fair = left / (double)open;
        for (size_t c = 0; c < cols; c++)
            if (!fixed[c] && natural[c] <= fair) {
                fixed[c] = true;
                w[c] = natural[c];
                left -= natural[c];
                changed = true;
            }
    }
    double wide = 0;
    for (size_t c = 0; c < cols; c++)
        if (!fixed[c]) wide += natural[c];
    for (size_t c = 0; c < cols; c++)
        if (!fixed[c]) w[c] = wide > 0 ? left * natural[c] / wide : left;
}

static const char *cell_text(skpi__pdf *p, const pdf_table *t, size_t row, size_t col, char *buf, size_t size)
{
    const char *s = t->cell(t->ctx, row, col, buf, size);
    return skpi__pdf_clean(p, s, CELL_MAX);
}

static int col_align(const pdf_table *t, size_t c)
{
    return t->align ? t->align(t->ctx, c) : SKPI_ALIGN_LEFT;
}

/* Lay out one row (the header when row is SIZE_MAX); returns its height. */
static double row_layouts(skpi__pdf *p, const pdf_table *t, size_t row, const double *w, PangoLayout **out)
{
    double h = 0;
    char buf[1024];
    for (size_t c = 0; c < t->cols; c++) {
        const char *s = row == SIZE_MAX ? skpi__pdf_clean(p, t->header(t->ctx, c), CELL_MAX)
                                        : cell_text(p, t, row, c, buf, sizeof buf);
        out[c] = skpi__pdf_layout(p, s, row == SIZE_MAX ? PDF_BOLD : t->style, w[c] - 2 * PAD_X, col_align(t, c));
        double ch = skpi__pdf_height(out[c]);
        if (ch > h) h = ch;
    }
    return h + 2 * PAD_Y;
}

static void draw_row(skpi__pdf *p, const pdf_table *t, PangoLayout **l, const double *w, double h, bool header)
{
    if (p->cr) {
        if (header) skpi__pdf_rect(p, p->left, p->y, skpi__pdf_width(p), h, skpi__pdf_shade, 0);
        /* A row taller than the page is clipped to it rather than run off it. */
        cairo_save(p->cr);
        cairo_rectangle(p->cr, p->left, p->y, skpi__pdf_width(p), p->bottom - p->y);
        cairo_clip(p->cr);
        double x = p->left;
        for (size_t c = 0; c < t->cols; c++) {
            skpi__pdf_show(p, l[c], x + PAD_X, p->y + PAD_Y, skpi__pdf_ink);
            x += w[c];
        }
        cairo_restore(p->cr);
        cairo_set_line_width(p->cr, header ? 0.8 : 0.4);
        skpi__pdf_color(p, header ? skpi__pdf_muted : skpi__pdf_rule);
        double y = fmin(p->y + h, p->bottom);
        cairo_move_to(p->cr, p->left, y);
        cairo_line_to(p->cr, p->right, y);
        cairo_stroke(p->cr);
    }
    p->y += h;
}

static void free_row(PangoLayout **l, size_t cols)
{
    for (size_t c = 0; c < cols; c++) g_object_unref(l[c]);
}

/* Column widths fitted to the page from the widest line of each column. */
static void table_widths(skpi__pdf *p, const pdf_table *t, double *w)
{
    double natural[MAX_COLS];
    double total = skpi__pdf_width(p);
    char buf[1024];
    for (size_t c = 0; c < t->cols; c++) {
        PangoLayout *h = skpi__pdf_layout(p, skpi__pdf_clean(p, t->header(t->ctx, c), CELL_MAX), PDF_BOLD, -1, 0);
        natural[c] = skpi__pdf_natural(h) + 2 * PAD_X;
        g_object_unref(h);
        for (size_t r = 0; r < t->rows; r++) {
            PangoLayout *x = skpi__pdf_layout(p, cell_text(p, t, r, c, buf, sizeof buf), t->style, -1, 0);
            double n = skpi__pdf_natural(x) + 2 * PAD_X;
            g_object_unref(x);
            if (n > natural[c]) natural[c] = n;
        }
        if (natural[c] > total) natural[c] = total;
    }
    fit_columns(w, natural, t->cols, total);
}

/* Height of rows [from, to) at widths w. */
static double rows_height(skpi__pdf *p, const pdf_table *t, const double *w, size_t from, size_t to)
{
    PangoLayout *l[MAX_COLS];
    double h = 0;
    for (size_t r = from; r < to && r < t->rows; r++) {
        h += row_layouts(p, t, r, w, l);
        free_row(l, t->cols);
    }
    return h;
}

static pdf_table clamp_cols(const pdf_table *t)
{
    pdf_table tt = *t;
    if (tt.cols > MAX_COLS) tt.cols = MAX_COLS;
    return tt;
}

double skpi__pdf_table_height(skpi__pdf *p, const pdf_table *t, size_t rows)
{
    pdf_table tt = clamp_cols(t);
    if (tt.cols == 0) return 0;
    double w[MAX_COLS];
    PangoLayout *head[MAX_COLS];
    table_widths(p, &tt, w);
    double h = row_layouts(p, &tt, SIZE_MAX, w, head);
    free_row(head, tt.cols);
    return h + rows_height(p, &tt, w, 0, rows);
}

/* Rows that start a table, or a page of it, with its header: fewer than
 * this and a reader sees a header over almost nothing. */
#define MIN_ROWS 3

void skpi__pdf_table(skpi__pdf *p, const pdf_table *t)
{
    pdf_table tt = clamp_cols(t);
    size_t cols = tt.cols;
    if (cols == 0) return;
    double w[MAX_COLS];
    PangoLayout *l[MAX_COLS];
    table_widths(p, &tt, w);

    skpi__pdf_caption(p, t->caption);
    PangoLayout *head[MAX_COLS];
    double head_h = row_layouts(p, &tt, SIZE_MAX, w, head);
    size_t on_page = 0; /* rows under the header on this page */
    for (size_t r = 0; r < t->rows || r == 0; r++) {
        double h = 0;
        if (r < t->rows) h = row_layouts(p, &tt, r, w, l);
        /* The header starts the table and every page it runs onto, with a
         * few rows under it; the last rows do not go over alone either. */
        bool tail = r > 0 && r + MIN_ROWS == t->rows && on_page >= MIN_ROWS &&
                    p->y + rows_height(p, &tt, w, r, t->rows) > p->bottom;
        if (r == 0) {
            skpi__pdf_need(p, head_h + h + rows_height(p, &tt, w, 1, MIN_ROWS));
            draw_row(p, &tt, head, w, head_h, true);
        } else if (p->y + h > p->bottom || tail) {
            skpi__pdf_new_page(p);
            draw_row(p, &tt, head, w, head_h, true);
            on_page = 0;
        }
        on_page++;
        if (r < t->rows) {
            draw_row(p, &tt, l, w, h, false);
            free_row(l, cols);
        }
        if (r >= t->rows) break;
    }
    free_row(head, cols);
    p->y += 10;
}
