/* The campaigns of a definitions handle in the store: their JSON text
 * (definitions.h's schema) in campaign_definition, in the handle's order. */
#include "store/defs_io.h"
#include "core/internal.h"

int skpi__store_save_campaigns(skpi_store *st, const skpi_definitions *defs, const char *what)
{
    /* The handle's campaigns replace the stored ones: one removed from
     * the file is removed from the store. */
    int rc = skpi__store_exec(st, "DELETE FROM campaign_definition", what);
    size_t n = skpi_definitions_campaign_count(defs);
    for (size_t i = 0; i < n && rc == SKPI_OK; i++) {
        char *text = NULL;
        rc = skpi_definitions_campaign_save_buffer(&text, NULL, defs, i);
        sqlite3_stmt *s = NULL;
        if (rc == SKPI_OK)
            rc = skpi__store_prepare(&s, st, "INSERT INTO campaign_definition(name, definition, position) "
                                     "VALUES (?1, ?2, ?3)", what);
        if (rc == SKPI_OK) {
            sqlite3_bind_text(s, 1, skpi_definitions_campaign_name(defs, i), -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 2, text, -1, SQLITE_STATIC);
            sqlite3_bind_int64(s, 3, (sqlite3_int64)i);
            rc = skpi__store_step_done(st, s, what);
        }
        sqlite3_finalize(s);
        skpi__free(text);
    }
    return rc;
}

int skpi__store_load_campaigns(skpi_definitions *defs, skpi_store *st, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "SELECT name, definition FROM campaign_definition ORDER BY position", what);
    if (rc != SKPI_OK) return rc;
    int src;
    while ((src = sqlite3_step(s)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(s, 0);
        const char *text = (const char *)sqlite3_column_text(s, 1);
        if (name == NULL || text == NULL) { rc = skpi__nomem(); break; }
        rc = skpi_definitions_add_campaign_buffer(defs, text, (size_t)sqlite3_column_bytes(s, 1));
        if (rc != SKPI_OK) {
            rc = skpi__store_rejected(rc, "campaign", name, what);
            break;
        }
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    return rc;
}
