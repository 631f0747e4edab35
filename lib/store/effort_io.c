/* Effort entries in the store: hours recorded once (a timesheet import)
 * read back on every report. */
#include "store/store_internal.h"
#include "store/defs_io.h"
#include "core/internal.h"

#include <stdio.h>

#include <math.h>

int skpi_store_write_effort(skpi_store *st, const skpi_effort *e, size_t first)
{
    static const char what[] = "skpi_store_write_effort";
    if (st == NULL || e == NULL) return skpi__error(SKPI_EMISUSE, "%s: NULL argument", what);
    size_t n = skpi_effort_entry_count(e);
    if (first > n)
        return skpi__error(SKPI_ERANGE, "%s: first entry %zu is past the %zu entries", what, first, n);
    int rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    sqlite3_stmt *s = NULL;
    rc = skpi__store_prepare(&s, st, "INSERT INTO effort(who, activity, period_start, period_end,"
                             " hours, cost) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", what);
    for (size_t i = first; rc == SKPI_OK && i < n; i++) {
        const char *who, *activity;
        skpi_period p;
        double hours, cost;
        rc = skpi_effort_entry(&who, &activity, &p, &hours, &cost, e, i);
        if (rc != SKPI_OK) break;
        sqlite3_reset(s);
        sqlite3_bind_text(s, 1, who, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, activity, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 3, p.start);
        sqlite3_bind_int64(s, 4, p.end);
        sqlite3_bind_double(s, 5, hours);
        if (isnan(cost)) sqlite3_bind_null(s, 6);
        else sqlite3_bind_double(s, 6, cost);
        rc = skpi__store_step_done(st, s, what);
    }
    sqlite3_finalize(s);
    return skpi__store_write_end(st, rc, what);
}

typedef struct reading {
    skpi_store *st;
    int rc;
} reading;

/* Every stored row through skpi_effort_add_hours(), so a row the team no
 * longer accepts (an activity since removed) stops the whole read. */
static int add_rows(skpi_effort *e, skpi_period period, void *userdata)
{
    (void)period;
    reading *r = userdata;
    static const char what[] = "skpi_store_read_effort";
    sqlite3_stmt *s;
    r->rc = skpi__store_prepare(&s, r->st, "SELECT who, activity, period_start, period_end, hours,"
                                " cost FROM effort ORDER BY rowid", what);
    if (r->rc != SKPI_OK) return 1;
    int src = SQLITE_DONE; /* the loop steps at least once; -Og cannot see it */
    while (r->rc == SKPI_OK && (src = sqlite3_step(s)) == SQLITE_ROW) {
        skpi_period p = { sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3) };
        double cost = sqlite3_column_type(s, 5) == SQLITE_NULL ? NAN : sqlite3_column_double(s, 5);
        r->rc = skpi_effort_add_hours(e, (const char *)sqlite3_column_text(s, 0),
                                      (const char *)sqlite3_column_text(s, 1), p,
                                      sqlite3_column_double(s, 4), cost);
        if (r->rc != SKPI_OK) {
            char msg[512];
            snprintf(msg, sizeof msg, "the store's hours: %s", skpi_last_error());
            skpi__error(r->rc, "%s", msg);
        }
    }
    if (r->rc == SKPI_OK && src != SQLITE_DONE) r->rc = skpi__store_sqlerr(r->st, src, what);
    sqlite3_finalize(s);
    if (r->rc != SKPI_OK) skpi_error_set(skpi_last_error());
    return r->rc != SKPI_OK;
}

int skpi_store_read_effort(skpi_store *st, skpi_effort *e)
{
    if (st == NULL || e == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_store_read_effort: NULL argument");
    reading r = { st, SKPI_OK };
    skpi_period all = { skpi_time_min(), skpi_time_max() };
    int rc = skpi_effort_fetch(e, all, add_rows, &r);
    return rc == SKPI_ECALLBACK && r.rc != SKPI_OK ? r.rc : rc;
}
