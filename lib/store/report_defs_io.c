/* The report definitions of a definitions handle in the store: kept as
 * their JSON text (definitions.h's schema) in report_definition, with a
 * position that tells them from the texts a host saves there itself. */
#include "store/defs_io.h"
#include "core/internal.h"

#include <string.h>

static int save_one(skpi_store *st, const char *id, const char *text, const char *what)
{
    sqlite3_stmt *s;
    /* A definition saved before keeps its place; a host's text under the
     * same id becomes a report definition at the end. */
    int rc = skpi__store_prepare(&s, st,
        "INSERT INTO report_definition(id, definition, position) VALUES (?1, ?2,"
        " (SELECT coalesce(max(position), 0) + 1 FROM report_definition))"
        " ON CONFLICT(id) DO UPDATE SET definition = excluded.definition,"
        " position = coalesce(report_definition.position, excluded.position)", what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, text, -1, SQLITE_STATIC);
    rc = skpi__store_step_done(st, s, what);
    sqlite3_finalize(s);
    return rc;
}

int skpi__store_save_reports(skpi_store *st, const skpi_definitions *defs, const char *what)
{
    int rc = SKPI_OK;
    size_t n = skpi_definitions_report_count(defs);
    for (size_t i = 0; i < n && rc == SKPI_OK; i++) {
        char *text = NULL;
        rc = skpi_definitions_report_save_buffer(&text, NULL, defs, i);
        if (rc == SKPI_OK) rc = save_one(st, skpi_definitions_report_id(defs, i), text, what);
        skpi__free(text);
    }
    return rc;
}

/* Add one saved text; its "id" must be the id it is saved under. */
static int load_one(skpi_definitions *defs, const char *id, const char *text, size_t size)
{
    int rc = skpi_definitions_add_report_buffer(defs, text, size);
    if (rc != SKPI_OK) return rc;
    size_t last = skpi_definitions_report_count(defs) - 1;
    const char *inside = skpi_definitions_report_id(defs, last);
    if (strcmp(inside, id) == 0) return SKPI_OK;
    rc = skpi__error(SKPI_EINVAL, "its text has the id \"%s\"", inside);
    skpi_definitions_remove_report(defs, last);
    return rc;
}

int skpi__store_load_reports(skpi_definitions *defs, skpi_store *st, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st,
        "SELECT id, definition FROM report_definition WHERE position IS NOT NULL"
        " ORDER BY position", what);
    if (rc != SKPI_OK) return rc;
    int src;
    while ((src = sqlite3_step(s)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(s, 0);
        const char *text = (const char *)sqlite3_column_text(s, 1);
        if (id == NULL || text == NULL) { rc = skpi__nomem(); break; }
        rc = load_one(defs, id, text, (size_t)sqlite3_column_bytes(s, 1));
        if (rc != SKPI_OK) {
            rc = skpi__store_rejected(rc, "report definition", id, what);
            break;
        }
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    return rc;
}
