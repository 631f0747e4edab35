/* The competitors' channels and the benchmark table of a definitions handle
 * in the store. Both are lists the definitions hold whole, so a write
 * replaces the stored lists (goals and objectives, which have ids, are
 * updated one by one). */
#include "store/store_internal.h"
#include "store/defs_io.h"
#include "core/internal.h"

#include <stdio.h>

static int save_competitors(skpi_store *st, const skpi_definitions *defs, const char *what)
{
    int rc = skpi__store_exec(st, "DELETE FROM competitor", what);
    sqlite3_stmt *s = NULL;
    if (rc == SKPI_OK)
        rc = skpi__store_prepare(&s, st, "INSERT INTO competitor(channel, position, name) VALUES (?1, ?2, ?3)",
                                 what);
    size_t n = skpi_definitions_competitor_count(defs);
    for (size_t i = 0; i < n && rc == SKPI_OK; i++) {
        sqlite3_bind_text(s, 1, skpi_definitions_competitor_channel(defs, i), -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
        sqlite3_bind_text(s, 3, skpi_definitions_competitor_name(defs, i), -1, SQLITE_STATIC);
        rc = skpi__store_step_done(st, s, what);
    }
    sqlite3_finalize(s);
    return rc;
}

static int save_benchmarks(skpi_store *st, const skpi_definitions *defs, const char *what)
{
    int rc = skpi__store_exec(st, "DELETE FROM benchmark", what);
    sqlite3_stmt *s = NULL;
    if (rc == SKPI_OK)
        rc = skpi__store_prepare(&s, st, "INSERT INTO benchmark(position, metric, network, industry, period,"
                                 " value, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", what);
    const skpi_benchmarks *b = skpi_definitions_benchmarks(defs);
    size_t n = skpi_benchmarks_count(b);
    for (size_t i = 0; i < n && rc == SKPI_OK; i++) {
        sqlite3_bind_int64(s, 1, (sqlite3_int64)i);
        sqlite3_bind_text(s, 2, skpi_benchmarks_metric(b, i), -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, skpi_benchmarks_network(b, i), -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 4, skpi_benchmarks_industry(b, i), -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 5, skpi_benchmarks_period(b, i), -1, SQLITE_STATIC);
        sqlite3_bind_double(s, 6, skpi_benchmarks_value(b, i));
        sqlite3_bind_text(s, 7, skpi_benchmarks_source(b, i), -1, SQLITE_STATIC);
        rc = skpi__store_step_done(st, s, what);
    }
    sqlite3_finalize(s);
    return rc;
}

int skpi__store_save_compete(skpi_store *st, const skpi_definitions *defs, const char *what)
{
    int rc = save_competitors(st, defs, what);
    return rc == SKPI_OK ? save_benchmarks(st, defs, what) : rc;
}

static const char *text(sqlite3_stmt *s, int i)
{
    const char *t = (const char *)sqlite3_column_text(s, i);
    return t ? t : "";
}

static int load_competitors(skpi_definitions *defs, skpi_store *st, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "SELECT channel, name FROM competitor ORDER BY position", what);
    if (rc != SKPI_OK) return rc;
    int src = SQLITE_DONE;
    while (rc == SKPI_OK && (src = sqlite3_step(s)) == SQLITE_ROW) {
        rc = skpi_definitions_set_competitor(defs, text(s, 0), text(s, 1));
        rc = skpi__store_rejected(rc, "competitor channel", text(s, 0), what);
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    return rc;
}

static int load_benchmarks(skpi_definitions *defs, skpi_store *st, const char *what)
{
    sqlite3_stmt *s;
    skpi_benchmarks *b = NULL;
    /* Checked against the definitions' catalog, custom metrics included. */
    int rc = skpi_benchmarks_new(&b, skpi_definitions_catalog(defs));
    if (rc == SKPI_OK)
        rc = skpi__store_prepare(&s, st, "SELECT metric, network, industry, period, value, source"
                                 " FROM benchmark ORDER BY position", what);
    if (rc != SKPI_OK) {
        skpi_benchmarks_free(b);
        return rc;
    }
    int src = SQLITE_DONE;
    while (rc == SKPI_OK && (src = sqlite3_step(s)) == SQLITE_ROW) {
        rc = skpi_benchmarks_add(b, text(s, 0), text(s, 1), text(s, 2), text(s, 3),
                                 sqlite3_column_double(s, 4), text(s, 5));
        if (rc != SKPI_OK) {
            char id[160];
            snprintf(id, sizeof id, "%s of %s", text(s, 0), text(s, 2));
            rc = skpi__store_rejected(rc, "benchmark", id, what);
        }
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    if (rc == SKPI_OK) rc = skpi_definitions_set_benchmarks(defs, b);
    skpi_benchmarks_free(b);
    return rc;
}

int skpi__store_load_compete(skpi_definitions *defs, skpi_store *st, const char *what)
{
    int rc = load_competitors(defs, st, what);
    return rc == SKPI_OK ? load_benchmarks(defs, st, what) : rc;
}
