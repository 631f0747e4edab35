/* The first sheet of an XLSX report: title, subtitle, when it was
 * generated, then the narrative in the document's order (headings,
 * paragraphs, callouts, lists) with a link to the sheet of each table. */
#include "render/xlsx_internal.h"

#include <stdio.h>
#include <string.h>

/* Column A holds labels (headings, bullets, callout kinds), B the text. */
#define LABEL_WIDTH 16.0
#define TEXT_WIDTH 100.0

/* The spans of a paragraph as one text (skpi__free it); NULL on failure. */
static char *paragraph(skpi__xlsx *x, size_t block)
{
    size_t n = 0, len = 0;
    skpi_doc_block_size(&n, x->doc, block);
    for (size_t i = 0; i < n; i++) {
        const char *t = "";
        skpi_doc_span(NULL, &t, x->doc, block, i);
        len += strlen(t);
    }
    char *out = skpi__malloc(len + 1);
    if (out == NULL) { skpi__out_fail(&x->r->out, skpi__nomem()); return NULL; }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *t = "";
        skpi_doc_span(NULL, &t, x->doc, block, i);
        size_t m = strlen(t);
        memcpy(out + k, t, m);
        k += m;
    }
    out[k] = '\0';
    return out;
}

/* generated_at at the render's offset, from "2026-11-30T09:00:00+01:00". */
static void generated(skpi__xlsx *x, lxw_row_t row)
{
    const char *iso = x->r->time_iso;
    char local[20], label[64];
    snprintf(local, sizeof local, "%.10s %.8s", iso, iso + 11);
    const char *zone = strchr(x->r->time_human + 11, 'U');
    snprintf(label, sizeof label, "Generated (%s)", zone ? zone : "UTC");
    skpi__xlsx_text(x, row, 0, label, x->bold);
    skpi__xlsx_date(x, row, 1, local);
}

static void link_to_sheet(skpi__xlsx *x, lxw_row_t row, const char *sheet, const char *title)
{
    /* internal:'Sheet name'!A1, an apostrophe in the name doubled */
    char url[320] = "internal:'";
    size_t k = strlen(url);
    for (const char *c = sheet; *c && k + 8 < sizeof url; c++) {
        if (*c == '\'') url[k++] = '\'';
        url[k++] = *c;
    }
    memcpy(url + k, "'!A1", 5);
    skpi__xlsx_text(x, row, 0, "Sheet", x->text);
    /* The link shows the block's title when it has one, else the sheet's name. */
    const char *shown = sheet;
    if (title && title[0] && (shown = skpi__xlsx_clean(x, title, NULL)) == NULL) return;
    if (worksheet_write_url_opt(x->ws, row, 1, url, x->link, shown, NULL) != LXW_NO_ERROR)
        skpi__xlsx_text(x, row, 1, sheet, x->text);
}

void skpi__xlsx_summary(skpi__xlsx *x, const char *const *sheet_of)
{
    const skpi_doc *d = x->doc;
    lxw_row_t row = 0;
    const char *title = skpi_doc_title(d);
    skpi__xlsx_text(x, row++, 0, title[0] ? title : skpi__word(x->r, SKPI_TPL_UNTITLED, NULL), x->title);
    if (skpi_doc_subtitle(d)[0]) skpi__xlsx_text(x, row++, 0, skpi_doc_subtitle(d), x->text);
    if (x->r->has_time) generated(x, row++);
    row++;
    size_t n = skpi_doc_block_count(d);
    for (size_t i = 0; i < n && skpi__xlsx_ok(x) && row < LXW_ROW_MAX; i++) {
        int kind = SKPI_BLOCK_PARAGRAPH;
        const char *bt = "";
        skpi_doc_block_kind(&kind, d, i);
        skpi_doc_block_title(&bt, d, i);
        switch (kind) {
        case SKPI_BLOCK_HEADING:
            if (row > 4) row++; /* a blank line before a section */
            skpi__xlsx_text(x, row++, 0, bt, x->bold);
            break;
        case SKPI_BLOCK_PARAGRAPH: {
            char *t = paragraph(x, i);
            if (t && t[0]) skpi__xlsx_text(x, row++, 1, t, x->wrap);
            skpi__free(t);
            break;
        }
        case SKPI_BLOCK_CALLOUT: {
            int ck = SKPI_CALLOUT_INFO;
            const char *text = "";
            skpi_doc_callout(&ck, &text, d, i);
            skpi__xlsx_text(x, row, 0, skpi__word(x->r, skpi__callout_tpl(ck), NULL), x->bold);
            if (bt[0]) {
                skpi__xlsx_text(x, row++, 1, bt, x->bold);
            }
            skpi__xlsx_text(x, row++, 1, text, x->wrap);
            break;
        }
        case SKPI_BLOCK_LIST: {
            int ordered = 0;
            size_t items = 0;
            skpi_doc_list_ordered(&ordered, d, i);
            skpi_doc_block_size(&items, d, i);
            for (size_t k = 0; k < items && row < LXW_ROW_MAX; k++) {
                const char *item = "";
                char mark[24] = "\xE2\x80\xA2"; /* • */
                if (ordered) snprintf(mark, sizeof mark, "%zu.", k + 1);
                skpi_doc_list_item(&item, d, i, k);
                skpi__xlsx_text(x, row, 0, mark, x->text_right);
                skpi__xlsx_text(x, row++, 1, item, x->wrap);
            }
            break;
        }
        default:
            if (sheet_of[i]) link_to_sheet(x, row++, sheet_of[i], bt);
            break;
        }
    }
    if (!skpi__xlsx_ok(x)) return;
    worksheet_set_column(x->ws, 0, 0, LABEL_WIDTH, NULL);
    worksheet_set_column(x->ws, 1, 1, TEXT_WIDTH, NULL);
}
