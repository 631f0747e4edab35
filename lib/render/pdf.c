/* The PDF renderer: pages, the title block, the footer, metadata and the
 * walk over the document's blocks (the pieces are in pdf_*.c). */
#include "render/pdf.h"

#include <cairo-pdf.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* A4 and US Letter in points. */
#define A4_W 595.276
#define A4_H 841.890
#define LETTER_W 612.0
#define LETTER_H 792.0
#define MARGIN_X 50.0
#define MARGIN_TOP 54.0
#define MARGIN_BOTTOM 64.0
#define FOOTER_FROM_BOTTOM 40.0

/* Regions whose paper is US Letter (CLDR's paper-size data). */
static const char letter_regions[][3] = { "US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR",
                                          "PA", "DO", "PR", "SV", "NI", "BZ" };

/* The region of a BCP 47 tag: the first two-letter subtag after the language. */
static bool uses_letter(const char *tag)
{
    const char *s = strchr(tag, '-');
    while (s != NULL) {
        s++;
        size_t n = strcspn(s, "-");
        if (n == 2 && isalpha((unsigned char)s[0]) && isalpha((unsigned char)s[1])) {
            char region[3] = { (char)toupper((unsigned char)s[0]), (char)toupper((unsigned char)s[1]), 0 };
            for (size_t i = 0; i < sizeof letter_regions / sizeof letter_regions[0]; i++)
                if (strcmp(region, letter_regions[i]) == 0) return true;
            return false;
        }
        if (n == 1) return false; /* extensions and private use follow */
        s = strchr(s, '-');
    }
    return false;
}

double skpi__pdf_width(const skpi__pdf *p) { return p->right - p->left; }

static void footer(skpi__pdf *p)
{
    if (p->cr == NULL) return;
    double y = p->page_h - FOOTER_FROM_BOTTOM;
    cairo_set_line_width(p->cr, 0.5);
    skpi__pdf_color(p, skpi__pdf_rule);
    cairo_move_to(p->cr, p->left, y - 6);
    cairo_line_to(p->cr, p->right, y - 6);
    cairo_stroke(p->cr);
    /* The page number is language-neutral: "2 / 5". */
    char num[48];
    snprintf(num, sizeof num, "%d / %d", p->page, p->pages);
    PangoLayout *n = skpi__pdf_layout(p, num, PDF_SMALL, -1, SKPI_ALIGN_LEFT);
    double nw = skpi__pdf_natural(n);
    skpi__pdf_show(p, n, p->right - nw, y, skpi__pdf_muted);
    g_object_unref(n);
    if (p->footer[0]) {
        PangoLayout *l = skpi__pdf_layout(p, p->footer, PDF_SMALL,
                                          skpi__pdf_width(p) - nw - 24, SKPI_ALIGN_LEFT);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        skpi__pdf_show(p, l, p->left, y, skpi__pdf_muted);
        g_object_unref(l);
    }
}

void skpi__pdf_new_page(skpi__pdf *p)
{
    footer(p);
    if (p->cr) cairo_show_page(p->cr);
    p->page++;
    p->y = p->top;
}

static void place_heading(skpi__pdf *p, double after)
{
    PangoLayout *l = p->held;
    p->held = NULL;
    double y = p->y > p->top ? p->y + p->held_before : p->y;
    if (y + skpi__pdf_height(l) + 8 + after > p->bottom && p->y > p->top) skpi__pdf_new_page(p);
    else p->y = y;
    skpi__pdf_flow(p, l, p->left, skpi__pdf_ink);
    g_object_unref(l);
    if (p->held_level == 1 && p->cr) {
        cairo_set_line_width(p->cr, 0.5);
        skpi__pdf_color(p, skpi__pdf_rule);
        cairo_move_to(p->cr, p->left, p->y + 2);
        cairo_line_to(p->cr, p->right, p->y + 2);
        cairo_stroke(p->cr);
    }
    p->y += 6;
}

void skpi__pdf_need(skpi__pdf *p, double h)
{
    if (p->held) place_heading(p, h);
    if (p->y + h > p->bottom && p->y > p->top) skpi__pdf_new_page(p);
}

static void title_block(skpi__pdf *p)
{
    const char *title = skpi_doc_title(p->doc);
    const char *subtitle = skpi_doc_subtitle(p->doc);
    if (title[0]) skpi__pdf_text(p, skpi__pdf_clean(p, title, 0), PDF_TITLE, 0, skpi__pdf_ink);
    if (subtitle[0]) {
        p->y += 2;
        skpi__pdf_text(p, skpi__pdf_clean(p, subtitle, 0), PDF_H4, 0, skpi__pdf_muted);
    }
    if (p->r->has_time) {
        p->y += 2;
        skpi__pdf_text(p, skpi__pdf_clean(p, skpi__word(p->r, SKPI_TPL_GENERATED, "time", p->r->time_human, NULL), 0),
                       PDF_SMALL, 0, skpi__pdf_muted);
    }
    if (title[0] || subtitle[0] || p->r->has_time) {
        p->y += 8;
        if (p->cr) {
            cairo_set_line_width(p->cr, 1.5);
            skpi__pdf_color(p, skpi__pdf_ink);
            cairo_move_to(p->cr, p->left, p->y);
            cairo_line_to(p->cr, p->right, p->y);
            cairo_stroke(p->cr);
        }
        p->y += 14;
    }
}

static void heading(skpi__pdf *p, size_t block)
{
    int level = 1;
    const char *text = "";
    skpi_doc_heading_level(&level, p->doc, block);
    skpi_doc_block_title(&text, p->doc, block);
    static const int style[] = { PDF_H1, PDF_H2, PDF_H3, PDF_H4 };
    static const double before[] = { 14, 10, 8, 6 };
    int k = level >= 1 && level <= 4 ? level - 1 : 3;
    PangoLayout *l = skpi__pdf_layout(p, skpi__pdf_clean(p, text, 0), style[k], skpi__pdf_width(p), SKPI_ALIGN_LEFT);
    /* A heading after a heading stays with it; then it waits for what it
     * names (skpi__pdf_need()), so it never ends a page alone. */
    skpi__pdf_need(p, skpi__pdf_height(l));
    p->held = l;
    p->held_level = level;
    p->held_before = before[k];
}

static void walk(skpi__pdf *p)
{
    p->page = 1;
    p->y = p->top;
    title_block(p);
    size_t n = skpi_doc_block_count(p->doc);
    for (size_t i = 0; i < n && p->r->out.err == SKPI_OK; i++) {
        int kind = -1;
        skpi_doc_block_kind(&kind, p->doc, i);
        switch (kind) {
        case SKPI_BLOCK_HEADING: heading(p, i); break;
        case SKPI_BLOCK_PARAGRAPH:
        case SKPI_BLOCK_CALLOUT:
        case SKPI_BLOCK_LIST: skpi__pdf_blocks_text(p, i, kind); break;
        case SKPI_BLOCK_KPI_TABLE: skpi__pdf_kpi_tiles(p, i); break;
        case SKPI_BLOCK_TABLE: skpi__pdf_generic_table(p, i); break;
        case SKPI_BLOCK_CHART: skpi__pdf_chart(p, i); break;
        case SKPI_BLOCK_GOALS: skpi__pdf_goals(p, i); break;
        case SKPI_BLOCK_OBJECTIVES: skpi__pdf_objectives(p, i); break;
        case SKPI_BLOCK_POSTS: skpi__pdf_posts(p, i); break;
        default: break;
        }
    }
    if (p->held) {
        if (p->r->out.err == SKPI_OK) skpi__pdf_need(p, 0);
        else g_object_unref(p->held);
        p->held = NULL;
    }
    footer(p);
}

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int len)
{
    skpi__render *r = closure;
    skpi__out_write(&r->out, (const char *)data, len);
    return r->out.err == SKPI_OK ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void fonts_open(skpi__pdf *p, PangoFontMap *map)
{
    p->pango = pango_font_map_create_context(map);
    /* Unhinted metrics: the same layout in both passes and at every zoom. */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(p->pango, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(p->pango, 72.0); /* 1 point = 1 unit */
    pango_context_set_round_glyph_positions(p->pango, FALSE);
    pango_context_set_language(p->pango, pango_language_from_string(skpi_doc_language(p->doc)));
    /* DejaVu Sans first (fonts-dejavu-core), then whatever fontconfig finds
     * for scripts it lacks (CJK, emoji). */
    static const char *const spec[PDF_STYLES] = {
        "DejaVu Sans, sans-serif 9.5", "DejaVu Sans, sans-serif Bold 9.5", "DejaVu Sans, sans-serif Italic 9.5",
        "DejaVu Sans, sans-serif 7.5", "DejaVu Sans, sans-serif Bold 17", "DejaVu Sans, sans-serif Bold 20",
        "DejaVu Sans, sans-serif Bold 14", "DejaVu Sans, sans-serif Bold 12", "DejaVu Sans, sans-serif Bold 10.5",
        "DejaVu Sans, sans-serif 10.5"
    };
    for (int i = 0; i < PDF_STYLES; i++) p->font[i] = pango_font_description_from_string(spec[i]);
}

static void fonts_close(skpi__pdf *p)
{
    for (int i = 0; i < PDF_STYLES; i++)
        if (p->font[i]) pango_font_description_free(p->font[i]);
    if (p->pango) g_object_unref(p->pango);
}

static void metadata(skpi__pdf *p, cairo_surface_t *s)
{
    const char *title = skpi_doc_title(p->doc);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
                                   skpi__pdf_clean(p, title[0] ? title : skpi__word(p->r, SKPI_TPL_UNTITLED, NULL), 0));
    const char *subtitle = skpi_doc_subtitle(p->doc);
    if (subtitle[0]) cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, skpi__pdf_clean(p, subtitle, 0));
    char creator[64];
    snprintf(creator, sizeof creator, "socialkpi %s", skpi_version_string());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, creator);
    /* Without a generated time the date is fixed too: the same document
     * gives the same bytes (docs/pdf.md). */
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE,
                                   p->r->has_time ? p->r->time_iso : "2000-01-01T00:00:00Z");
}

void skpi__render_pdf(skpi__render *r)
{
    skpi__pdf p;
    memset(&p, 0, sizeof p);
    p.r = r;
    p.doc = r->doc;
    /* AUTO: the region of the locale the numbers are shaped for, else of
     * the document's language (docs/pdf.md). */
    const char *tag = r->locale ? r->locale : skpi_doc_locale(r->doc);
    if (tag == NULL || tag[0] == '\0') tag = skpi_doc_language(r->doc);
    bool letter = r->paper == SKPI_PAPER_LETTER || (r->paper == SKPI_PAPER_AUTO && uses_letter(tag));
    p.page_w = letter ? LETTER_W : A4_W;
    p.page_h = letter ? LETTER_H : A4_H;
    p.left = MARGIN_X;
    p.right = p.page_w - MARGIN_X;
    p.top = MARGIN_TOP;
    p.bottom = p.page_h - MARGIN_BOTTOM;
    /* The footer names the report and its period as people write it
     * (skpi_doc_period_name(): "March 2026"), else carries the subtitle.
     * Cleaned once: footers are drawn while other text is being set. */
    const char *label = "";
    skpi__text foot = { 0 };
    if (skpi_doc_period_name(&label, r->doc) == SKPI_OK && label[0]) {
        const char *title = skpi_doc_title(r->doc);
        skpi__text_put(&foot, title, strlen(title));
        if (title[0]) skpi__text_put(&foot, " \xC2\xB7 ", 4);
        skpi__text_put(&foot, label, strlen(label));
    } else {
        const char *subtitle = skpi_doc_subtitle(r->doc);
        skpi__text_put(&foot, subtitle, strlen(subtitle));
    }
    skpi__text_put(&foot, "", 0);
    char *footer_text = foot.err == SKPI_OK ? skpi__strdup(skpi__pdf_clean(&p, foot.buf, 0)) : NULL;
    skpi__text_free(&foot);
    if (footer_text == NULL) skpi__out_fail(&r->out, skpi__nomem());
    p.footer = footer_text ? footer_text : "";

    /* pango's default font map is one per thread: renders on a thread reuse
     * its loaded fonts, renders on other threads have their own. */
    PangoFontMap *map = pango_cairo_font_map_get_default();
    fonts_open(&p, map);
    /* First pass: lay out only, to count the pages for the footers. */
    walk(&p);
    p.pages = p.page;
    if (r->out.err == SKPI_OK) {
        cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_out, r, p.page_w, p.page_h);
        metadata(&p, s);
        p.cr = cairo_create(s);
        walk(&p);
        cairo_destroy(p.cr);
        cairo_surface_finish(s);
        cairo_status_t st = cairo_surface_status(s);
        cairo_surface_destroy(s);
        if (st != CAIRO_STATUS_SUCCESS && r->out.err == SKPI_OK)
            skpi__out_fail(&r->out, st == CAIRO_STATUS_NO_MEMORY
                                        ? skpi__nomem()
                                        : skpi__error(SKPI_EIO, "skpi_render: the PDF could not be written: %s",
                                                      cairo_status_to_string(st)));
    }
    fonts_close(&p);
    skpi__text_free(&p.clean);
    skpi__free(footer_text);
}
