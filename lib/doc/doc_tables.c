/* KPI tables and generic tables of the document model. */
#include "doc/doc_internal.h"

#include <math.h>
#include <string.h>

int skpi_doc_kpi_row_init(skpi_doc_kpi_row *row, unsigned version)
{
    if (row == NULL) return skpi__error(SKPI_EMISUSE, "skpi_doc_kpi_row_init: row is NULL");
    if (version != SKPI_DOC_KPI_ROW_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_doc_kpi_row_init: version %u is unknown (this library knows %d)",
                           version, SKPI_DOC_KPI_ROW_VERSION);
    skpi_doc_kpi_row init = SKPI_DOC_KPI_ROW_INIT;
    *row = init;
    return SKPI_OK;
}

int skpi_doc_add_kpi_table(size_t *out, skpi_doc *doc, const char *title,
                           const char *comparison, const char *comparison2)
{
    if (doc == NULL) return skpi__error(SKPI_EMISUSE, "skpi_doc_add_kpi_table: doc is NULL");
    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    bool ok = true;
    skpi__block b = { .kind = SKPI_BLOCK_KPI_TABLE };
    b.title = skpi__arena_optstr(&doc->arena, title, &ok);
    b.comparison = skpi__arena_optstr(&doc->arena, comparison, &ok);
    b.comparison2 = skpi__arena_optstr(&doc->arena, comparison2, &ok);
    if (ok && b.comparison == NULL) b.comparison = "Previous";
    int rc = ok ? skpi__doc_push_block(out, doc, &b) : skpi__nomem();
    if (rc != SKPI_OK) skpi__arena_rollback(&doc->arena, m);
    return rc;
}

static int check_row(const skpi_doc_kpi_row *r, const char *fn)
{
    if (r->label == NULL || r->label[0] == '\0')
        return skpi__error(SKPI_EINVAL, "%s: row.label is empty", fn);
    int rc = skpi__doc_check_unit(r->unit, fn);
    if (rc != SKPI_OK) return rc;
    if (r->direction < SKPI_HIGHER_IS_BETTER || r->direction > SKPI_DIRECTION_NEUTRAL)
        return skpi__error(SKPI_EINVAL, "%s: row.direction %d is not an skpi_direction", fn, r->direction);
    if (r->level != 0 && r->level != 1)
        return skpi__error(SKPI_EINVAL, "%s: row.level must be 0 or 1, not %d", fn, r->level);
    const struct { skpi_value v; const char *name; } values[] = {
        { r->value, "row.value" }, { r->previous, "row.previous" }, { r->change, "row.change" },
        { r->change_percent, "row.change_percent" }, { r->change_points, "row.change_points" },
        { r->previous2, "row.previous2" }, { r->change2, "row.change2" },
        { r->change2_percent, "row.change2_percent" }, { r->change2_points, "row.change2_points" },
    };
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        rc = skpi__doc_check_value(values[i].v, fn, values[i].name);
        if (rc != SKPI_OK) return rc;
    }
    if (r->sparkline == NULL && r->sparkline_length > 0)
        return skpi__error(SKPI_EINVAL, "%s: row.sparkline is NULL but row.sparkline_length is %zu",
                           fn, r->sparkline_length);
    for (size_t i = 0; i < r->sparkline_length; i++)
        if (isinf(r->sparkline[i]))
            return skpi__error(SKPI_EINVAL, "%s: row.sparkline[%zu] is infinite", fn, i);
    return SKPI_OK;
}

int skpi_doc_kpi_table_add_row(skpi_doc *doc, size_t block, const skpi_doc_kpi_row *row)
{
    static const char fn[] = "skpi_doc_kpi_table_add_row";
    int rc = skpi__doc_check_version(row, SKPI_DOC_KPI_ROW_VERSION, fn, "row");
    if (rc != SKPI_OK) return rc;
    skpi__block *b = NULL;
    rc = skpi__doc_block_mut(&b, doc, block, SKPI_BLOCK_KPI_TABLE, fn);
    if (rc != SKPI_OK) return rc;
    rc = check_row(row, fn);
    if (rc != SKPI_OK) return rc;

    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    bool ok = true;
    skpi_doc_kpi_row r = *row;
    r.version = SKPI_DOC_KPI_ROW_VERSION;
    r.label = skpi__arena_strdup(&doc->arena, row->label);
    r.channel = skpi__arena_optstr(&doc->arena, row->channel, &ok);
    skpi_value *vals[] = { &r.value, &r.previous, &r.change, &r.change_percent, &r.change_points,
                           &r.previous2, &r.change2, &r.change2_percent, &r.change2_points };
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) *vals[i] = skpi__doc_value(*vals[i]);
    if (row->sparkline_length > 0) {
        double *spark = skpi__arena_array(&doc->arena, row->sparkline_length, sizeof *spark);
        if (spark) memcpy(spark, row->sparkline, row->sparkline_length * sizeof *spark);
        else ok = false;
        r.sparkline = spark;
    } else {
        r.sparkline = NULL;
    }
    if (!ok || r.label == NULL) { skpi__arena_rollback(&doc->arena, m); return skpi__nomem(); }
    rc = skpi__doc_reserve(&b->items, &b->cap, b->count, sizeof r);
    if (rc != SKPI_OK) { skpi__arena_rollback(&doc->arena, m); return rc; }
    ((skpi_doc_kpi_row *)b->items)[b->count++] = r;
    return SKPI_OK;
}

int skpi_doc_kpi_table_comparisons(const char **comparison, const char **comparison2,
                                   const skpi_doc *doc, size_t block)
{
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_KPI_TABLE, "skpi_doc_kpi_table_comparisons");
    if (rc != SKPI_OK) return rc;
    if (comparison) *comparison = b->comparison;
    if (comparison2) *comparison2 = b->comparison2;
    return SKPI_OK;
}

int skpi_doc_kpi_row_get(skpi_doc_kpi_row *out, const skpi_doc *doc, size_t block, size_t row)
{
    static const char fn[] = "skpi_doc_kpi_row_get";
    int rc = skpi__doc_check_version(out, SKPI_DOC_KPI_ROW_VERSION, fn, "out");
    if (rc != SKPI_OK) return rc;
    const skpi__block *b = NULL;
    rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_KPI_TABLE, fn);
    if (rc != SKPI_OK) return rc;
    if (row >= b->count)
        return skpi__error(SKPI_ERANGE, "%s: row %zu does not exist (block %zu has %zu)",
                           fn, row, block, b->count);
    *out = ((const skpi_doc_kpi_row *)b->items)[row];
    return SKPI_OK;
}

/* ---- generic tables ---------------------------------------------------- */

#define MAX_COLUMNS 64

int skpi_doc_add_table(size_t *out, skpi_doc *doc, const char *title, size_t columns,
                       const char *const *headers, const int *align)
{
    static const char fn[] = "skpi_doc_add_table";
    if (doc == NULL || headers == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", fn, doc == NULL ? "doc" : "headers");
    if (columns < 1 || columns > MAX_COLUMNS)
        return skpi__error(SKPI_ERANGE, "%s: columns is %zu, not 1 to %d", fn, columns, MAX_COLUMNS);
    for (size_t i = 0; i < columns; i++) {
        if (headers[i] == NULL) return skpi__error(SKPI_EMISUSE, "%s: headers[%zu] is NULL", fn, i);
        if (align && align[i] != SKPI_ALIGN_LEFT && align[i] != SKPI_ALIGN_RIGHT)
            return skpi__error(SKPI_EINVAL, "%s: align[%zu] %d is not an skpi_align", fn, i, align[i]);
    }
    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    bool ok = true;
    skpi__block b = { .kind = SKPI_BLOCK_TABLE, .columns = columns };
    b.title = skpi__arena_optstr(&doc->arena, title, &ok);
    b.headers = skpi__arena_array(&doc->arena, columns, sizeof *b.headers);
    b.align = skpi__arena_array(&doc->arena, columns, sizeof *b.align);
    if (b.headers == NULL || b.align == NULL) ok = false;
    for (size_t i = 0; ok && i < columns; i++) {
        b.headers[i] = skpi__arena_strdup(&doc->arena, headers[i]);
        b.align[i] = align ? align[i] : SKPI_ALIGN_LEFT;
        if (b.headers[i] == NULL) ok = false;
    }
    int rc = ok ? skpi__doc_push_block(out, doc, &b) : skpi__nomem();
    if (rc != SKPI_OK) skpi__arena_rollback(&doc->arena, m);
    return rc;
}

int skpi_doc_table_add_row(skpi_doc *doc, size_t block, const char *const *cells)
{
    static const char fn[] = "skpi_doc_table_add_row";
    if (cells == NULL) return skpi__error(SKPI_EMISUSE, "%s: cells is NULL", fn);
    skpi__block *b = NULL;
    int rc = skpi__doc_block_mut(&b, doc, block, SKPI_BLOCK_TABLE, fn);
    if (rc != SKPI_OK) return rc;
    skpi__arena_mark m = skpi__arena_mark_get(&doc->arena);
    const char **row = skpi__arena_array(&doc->arena, b->columns, sizeof *row);
    bool ok = row != NULL;
    for (size_t i = 0; ok && i < b->columns; i++) {
        row[i] = cells[i] && cells[i][0] ? skpi__arena_strdup(&doc->arena, cells[i]) : "";
        if (row[i] == NULL) ok = false;
    }
    rc = ok ? skpi__doc_reserve(&b->items, &b->cap, b->count, sizeof row) : skpi__nomem();
    if (rc != SKPI_OK) { skpi__arena_rollback(&doc->arena, m); return rc; }
    ((const char ***)b->items)[b->count++] = row;
    return SKPI_OK;
}

int skpi_doc_table_columns(size_t *out, const skpi_doc *doc, size_t block)
{
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_TABLE, "skpi_doc_table_columns");
    if (rc == SKPI_OK && out) *out = b->columns;
    return rc;
}

int skpi_doc_table_header(const char **text, int *align, const skpi_doc *doc, size_t block, size_t column)
{
    static const char fn[] = "skpi_doc_table_header";
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_TABLE, fn);
    if (rc != SKPI_OK) return rc;
    if (column >= b->columns)
        return skpi__error(SKPI_ERANGE, "%s: column %zu does not exist (block %zu has %zu)",
                           fn, column, block, b->columns);
    if (text) *text = b->headers[column];
    if (align) *align = b->align[column];
    return SKPI_OK;
}

/* SKPI_ERANGE naming fn when table b has no cell (row, column). */
static int cell_check(const skpi__block *b, size_t block, size_t row, size_t column, const char *fn)
{
    if (row < b->count && column < b->columns) return SKPI_OK;
    return skpi__error(SKPI_ERANGE, "%s: cell (%zu, %zu) does not exist (block %zu has %zu rows, %zu columns)",
                       fn, row, column, block, b->count, b->columns);
}

int skpi_doc_table_cell(const char **out, const skpi_doc *doc, size_t block, size_t row, size_t column)
{
    static const char fn[] = "skpi_doc_table_cell";
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_TABLE, fn);
    if (rc == SKPI_OK) rc = cell_check(b, block, row, column, fn);
    if (rc != SKPI_OK) return rc;
    if (out) *out = ((const char *const *const *)b->items)[row][column];
    return SKPI_OK;
}

int skpi_doc_table_row(const char *const **cells, const skpi_doc *doc, size_t block, size_t row)
{
    static const char fn[] = "skpi_doc_table_row";
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_TABLE, fn);
    if (rc != SKPI_OK) return rc;
    if (row >= b->count)
        return skpi__error(SKPI_ERANGE, "%s: row %zu does not exist (block %zu has %zu)", fn, row, block, b->count);
    if (cells) *cells = ((const char *const *const *)b->items)[row];
    return SKPI_OK;
}

/* ---- heat maps ------------------------------------------------------------- */

int skpi_doc_table_set_heat(skpi_doc *doc, size_t block, size_t row, size_t column, double heat)
{
    static const char fn[] = "skpi_doc_table_set_heat";
    skpi__block *b = NULL;
    int rc = skpi__doc_block_mut(&b, doc, block, SKPI_BLOCK_TABLE, fn);
    if (rc == SKPI_OK) rc = cell_check(b, block, row, column, fn);
    if (rc != SKPI_OK) return rc;
    if (!isnan(heat) && !(heat >= 0 && heat <= 1))
        return skpi__error(SKPI_ERANGE, "%s: heat %g is not between 0 and 1", fn, heat);
    if (row >= b->heat_rows) {
        size_t n = b->count > row + 1 ? b->count : row + 1;
        double **a = skpi__reallocarray(b->heat, n, sizeof *a);
        if (a == NULL) return skpi__nomem();
        for (size_t i = b->heat_rows; i < n; i++) a[i] = NULL;
        b->heat = a;
        b->heat_rows = n;
    }
    if (b->heat[row] == NULL) {
        double *cells = skpi__arena_array(&doc->arena, b->columns, sizeof *cells);
        if (cells == NULL) return skpi__nomem();
        for (size_t i = 0; i < b->columns; i++) cells[i] = NAN;
        b->heat[row] = cells;
    }
    b->heat[row][column] = heat;
    return SKPI_OK;
}

int skpi_doc_table_heat(double *out, const skpi_doc *doc, size_t block, size_t row, size_t column)
{
    static const char fn[] = "skpi_doc_table_heat";
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "%s: out is NULL", fn);
    const skpi__block *b = NULL;
    int rc = skpi__doc_block(&b, doc, block, SKPI_BLOCK_TABLE, fn);
    if (rc == SKPI_OK) rc = cell_check(b, block, row, column, fn);
    if (rc != SKPI_OK) return rc;
    *out = row < b->heat_rows && b->heat[row] ? b->heat[row][column] : NAN;
    return SKPI_OK;
}
