/* Text in the PDF: cleaning, pango layouts, drawing them across pages. */
#include "render/pdf.h"

#include <string.h>

const pdf_rgb skpi__pdf_ink = { 0.122, 0.137, 0.157 };   /* #1f2328 */
const pdf_rgb skpi__pdf_muted = { 0.349, 0.388, 0.431 }; /* #59636e */
const pdf_rgb skpi__pdf_rule = { 0.820, 0.851, 0.878 };  /* #d1d9e0 */
const pdf_rgb skpi__pdf_shade = { 0.965, 0.973, 0.980 }; /* #f6f8fa */

pdf_rgb skpi__pdf_tone(int tone)
{
    /* The HTML renderer's badge colours. */
    static const pdf_rgb c[] = { { 0.349, 0.388, 0.431 }, { 0.102, 0.498, 0.216 },
                                 { 0.604, 0.404, 0.0 }, { 0.812, 0.133, 0.180 } };
    return c[tone >= 0 && tone <= SKPI_TONE_BAD ? tone : 0];
}

void skpi__pdf_color(skpi__pdf *p, pdf_rgb c)
{
    if (p->cr) cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
}

void skpi__pdf_rect(skpi__pdf *p, double x, double y, double w, double h, pdf_rgb c, double stroke)
{
    if (p->cr == NULL) return;
    skpi__pdf_color(p, c);
    cairo_rectangle(p->cr, x, y, w, h);
    if (stroke > 0) {
        cairo_set_line_width(p->cr, stroke);
        cairo_stroke(p->cr);
    } else {
        cairo_fill(p->cr);
    }
}

const char *skpi__pdf_clean(skpi__pdf *p, const char *s, size_t max)
{
    if (skpi__clean_text(&p->clean, s ? s : "", max) != SKPI_OK) {
        skpi__out_fail(&p->r->out, p->clean.err);
        return "";
    }
    return p->clean.buf;
}

PangoLayout *skpi__pdf_layout(skpi__pdf *p, const char *s, int style, double width, int align)
{
    PangoLayout *l = pango_layout_new(p->pango);
    pango_layout_set_font_description(l, p->font[style]);
    /* Words that do not fit a line break between characters; no hyphen is
     * added, so that the text reads back (and searches) as written. */
    PangoAttrList *attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
    /* The page reads left to right: a right-to-left paragraph keeps its
     * own order within lines but starts at the left margin like the rest. */
    pango_layout_set_auto_dir(l, FALSE);
    if (width > 0) {
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    if (align == SKPI_ALIGN_RIGHT) pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
    pango_layout_set_text(l, s, -1);
    return l;
}

double skpi__pdf_height(PangoLayout *l)
{
    PangoRectangle log;
    pango_layout_get_extents(l, NULL, &log);
    return (double)log.height / PANGO_SCALE;
}

double skpi__pdf_natural(PangoLayout *l)
{
    PangoRectangle log;
    pango_layout_get_extents(l, NULL, &log);
    return (double)log.width / PANGO_SCALE;
}

void skpi__pdf_show(skpi__pdf *p, PangoLayout *l, double x, double y, pdf_rgb c)
{
    if (p->cr == NULL) return;
    skpi__pdf_color(p, c);
    cairo_move_to(p->cr, x, y);
    pango_cairo_show_layout(p->cr, l);
}

void skpi__pdf_flow(skpi__pdf *p, PangoLayout *l, double x, pdf_rgb c)
{
    /* A held heading goes with the first two lines of text. */
    if (p->held) {
        int lines = pango_layout_get_line_count(l);
        skpi__pdf_need(p, skpi__pdf_height(l) * (lines > 2 ? 2.0 / lines : 1.0));
    }
    PangoLayoutIter *it = pango_layout_get_iter(l);
    double base = p->y, end = p->y;
    skpi__pdf_color(p, c);
    do {
        PangoRectangle log;
        pango_layout_iter_get_line_extents(it, NULL, &log);
        double top = (double)log.y / PANGO_SCALE, h = (double)log.height / PANGO_SCALE;
        if (base + top + h > p->bottom && base + top > p->top + 0.5) {
            skpi__pdf_new_page(p);
            base = p->top - top;
            skpi__pdf_color(p, c);
        }
        if (p->cr) {
            double baseline = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
            cairo_move_to(p->cr, x + (double)log.x / PANGO_SCALE, base + baseline);
            pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
        }
        end = base + top + h;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    p->y = end;
}

void skpi__pdf_text(skpi__pdf *p, const char *s, int style, double indent, pdf_rgb c)
{
    PangoLayout *l = skpi__pdf_layout(p, s, style, skpi__pdf_width(p) - indent, SKPI_ALIGN_LEFT);
    skpi__pdf_flow(p, l, p->left + indent, c);
    g_object_unref(l);
}
