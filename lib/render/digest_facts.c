/* What a digest shows, found in a document through the public getters of
 * doc.h only (so a document a host built gives the same digest). */
#include "render/digest.h"

#include <string.h>

/* The section name of a block: the heading above it, else the block's
 * own title, else the report's default heading. */
static const char *section_name(const char *heading, const skpi_doc *doc, size_t block, int tpl)
{
    if (heading != NULL) return heading;
    const char *title = NULL;
    if (skpi_doc_block_title(&title, doc, block) == SKPI_OK && title != NULL && title[0] != '\0')
        return title;
    return skpi_template_default(tpl);
}

/* The first metric rows (level 0) of a KPI table, at most `max`. */
static void pick_rows(skpi__digest *d, const skpi_doc *doc, size_t block)
{
    size_t n = 0;
    if (skpi_doc_block_size(&n, doc, block) != SKPI_OK) return;
    for (size_t i = 0; i < n && d->nrows < d->figures; i++) {
        skpi_doc_kpi_row row = SKPI_DOC_KPI_ROW_INIT;
        if (skpi_doc_kpi_row_get(&row, doc, block, i) == SKPI_OK && row.level == 0)
            d->rows[d->nrows++] = i;
    }
}

static void note_callout(skpi__digest *d, const skpi_doc *doc, size_t block)
{
    int kind = 0;
    const char *text = NULL;
    if (d->alert == NULL && skpi_doc_callout(&kind, &text, doc, block) == SKPI_OK &&
        kind == SKPI_CALLOUT_ALERT)
        d->alert = text;
}

static void note_list(skpi__digest *d, const skpi_doc *doc, size_t block, size_t size)
{
    const char *item = NULL;
    if (d->next_step == NULL && size > 0 && skpi_doc_list_item(&item, doc, block, 0) == SKPI_OK)
        d->next_step = item;
}

/* Remember the first non-empty block of a kind. */
static void first_block(bool *has, size_t *at, const char **name, size_t block, size_t size,
                        const char *section)
{
    if (*has || size == 0) return;
    *has = true;
    *at = block;
    *name = section;
}

void skpi__digest_collect(skpi__digest *d, const skpi_doc *doc)
{
    d->title = skpi_doc_title(doc);
    d->subtitle = skpi_doc_subtitle(doc);
    const char *heading = NULL;
    bool under_next_steps = false;
    size_t count = skpi_doc_block_count(doc);
    for (size_t i = 0; i < count; i++) {
        int kind = -1;
        size_t size = 0;
        if (skpi_doc_block_kind(&kind, doc, i) != SKPI_OK) continue;
        if (skpi_doc_block_size(&size, doc, i) != SKPI_OK) size = 0;
        switch (kind) {
        case SKPI_BLOCK_HEADING:
            if (skpi_doc_block_title(&heading, doc, i) != SKPI_OK) heading = NULL;
            under_next_steps = heading != NULL && strcmp(heading, d->next_heading) == 0;
            d->next_name = under_next_steps ? heading : d->next_name;
            break;
        case SKPI_BLOCK_PARAGRAPH:
            if (!d->has_headline && size > 0) { d->has_headline = true; d->headline = i; }
            break;
        case SKPI_BLOCK_KPI_TABLE:
            if (!d->has_kpis && size > 0) {
                d->has_kpis = true;
                d->kpis = i;
                d->kpi_name = section_name(heading, doc, i, SKPI_TPL_HEADING_KPIS);
                pick_rows(d, doc, i);
            }
            break;
        case SKPI_BLOCK_GOALS:
            first_block(&d->has_goals, &d->goals, &d->goals_name, i, size,
                        section_name(heading, doc, i, SKPI_TPL_HEADING_GOALS));
            break;
        case SKPI_BLOCK_OBJECTIVES:
            first_block(&d->has_okrs, &d->okrs, &d->okrs_name, i, size,
                        section_name(heading, doc, i, SKPI_TPL_HEADING_OKRS));
            break;
        case SKPI_BLOCK_CALLOUT:
            note_callout(d, doc, i);
            break;
        case SKPI_BLOCK_LIST:
            if (under_next_steps) note_list(d, doc, i, size);
            break;
        default:
            break;
        }
    }
}
