/* Reading the document through doc.h: the renderers see blocks and their
 * items only as the public getters give them. The indexes they pass come
 * from the document itself, so the getters cannot fail here. */
#include "render/render_internal.h"

/* The public getters say "" for no title; the renderers test for NULL. */
static const char *or_null(const char *s) { return s && s[0] ? s : NULL; }

static void table_head(skpi__view *v)
{
    (void)skpi_doc_table_columns(&v->columns, v->doc, v->index);
    for (size_t c = 0; c < v->columns; c++)
        (void)skpi_doc_table_header(&v->headers[c], &v->align[c], v->doc, v->index, c);
}

void skpi__view_get(skpi__view *v, const skpi_doc *doc, size_t index)
{
    v->doc = doc;
    v->index = index;
    v->count = v->columns = v->ncat = 0;
    v->level = 0;
    v->text = v->comparison = v->comparison2 = NULL;
    v->cats = NULL;
    (void)skpi_doc_block_kind(&v->kind, doc, index);
    (void)skpi_doc_block_size(&v->count, doc, index);
    (void)skpi_doc_block_title(&v->title, doc, index);
    v->title = or_null(v->title);
    switch (v->kind) {
    case SKPI_BLOCK_HEADING: (void)skpi_doc_heading_level(&v->level, doc, index); break;
    case SKPI_BLOCK_LIST: (void)skpi_doc_list_ordered(&v->level, doc, index); break;
    case SKPI_BLOCK_CALLOUT: (void)skpi_doc_callout(&v->level, &v->text, doc, index); break;
    case SKPI_BLOCK_KPI_TABLE:
        (void)skpi_doc_kpi_table_comparisons(&v->comparison, &v->comparison2, doc, index);
        break;
    case SKPI_BLOCK_TABLE: table_head(v); break;
    case SKPI_BLOCK_CHART:
        v->chart.version = SKPI_DOC_CHART_VERSION;
        (void)skpi_doc_chart_get(&v->chart, doc, index);
        (void)skpi_doc_chart_categories(&v->cats, &v->ncat, doc, index);
        break;
    default: break;
    }
}

const char *skpi__category_name(const skpi_doc *doc, size_t block, size_t c)
{
    const char *name = "";
    (void)skpi_doc_chart_category_name(&name, doc, block, c);
    return name;
}

skpi__series_view skpi__series_at(const skpi__view *v, size_t i)
{
    skpi__series_view s = { 0 };
    (void)skpi_doc_chart_series(&s.name, &s.style, &s.length, &s.labels, &s.values, v->doc, v->index, i);
    (void)skpi_doc_chart_series_categories(&s.cat, v->doc, v->index, i);
    return s;
}

skpi_doc_kpi_row skpi__kpi_row_at(const skpi__view *v, size_t i)
{
    skpi_doc_kpi_row row = SKPI_DOC_KPI_ROW_INIT;
    (void)skpi_doc_kpi_row_get(&row, v->doc, v->index, i);
    return row;
}

const char *const *skpi__table_row_at(const skpi__view *v, size_t i)
{
    const char *const *cells = NULL;
    (void)skpi_doc_table_row(&cells, v->doc, v->index, i);
    return cells;
}

skpi_doc_goal skpi__goal_at(const skpi__view *v, size_t i)
{
    skpi_doc_goal g = SKPI_DOC_GOAL_INIT;
    (void)skpi_doc_goal_get(&g, v->doc, v->index, i);
    return g;
}

skpi__objective_view skpi__objective_at(const skpi__view *v, size_t i)
{
    skpi__objective_view o = { .o = SKPI_DOC_OBJECTIVE_INIT };
    (void)skpi_doc_objective_get(&o.o, &o.count, v->doc, v->index, i);
    return o;
}

skpi_doc_key_result skpi__key_result_at(const skpi__view *v, size_t objective, size_t k)
{
    skpi_doc_key_result kr = SKPI_DOC_KEY_RESULT_INIT;
    (void)skpi_doc_key_result_get(&kr, v->doc, v->index, objective, k);
    return kr;
}

skpi_doc_post skpi__post_at(const skpi__view *v, size_t i)
{
    skpi_doc_post p = SKPI_DOC_POST_INIT;
    (void)skpi_doc_post_get(&p, v->doc, v->index, i);
    return p;
}

const char *skpi__span_at(int *style, const skpi__view *v, size_t i)
{
    const char *text = "";
    (void)skpi_doc_span(style, &text, v->doc, v->index, i);
    return text;
}

const char *skpi__list_item_at(const skpi__view *v, size_t i)
{
    const char *text = "";
    (void)skpi_doc_list_item(&text, v->doc, v->index, i);
    return text;
}
