/* SMART goals in the store: saving a goal under its id, building one back. */
#include "store/store_internal.h"
#include "store/defs_io.h"
#include "core/internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void skpi__store_bind_text(sqlite3_stmt *s, int i, const char *text)
{
    if (text) sqlite3_bind_text(s, i, text, -1, SQLITE_STATIC);
    else sqlite3_bind_null(s, i);
}

void skpi__store_bind_real(sqlite3_stmt *s, int i, double v)
{
    if (isnan(v)) sqlite3_bind_null(s, i);
    else sqlite3_bind_double(s, i, v);
}

double skpi__store_column_real(sqlite3_stmt *s, int i)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL ? NAN : sqlite3_column_double(s, i);
}

int skpi__store_step_done(skpi_store *st, sqlite3_stmt *s, const char *what)
{
    int src = sqlite3_step(s);
    sqlite3_reset(s);
    return src == SQLITE_DONE ? SKPI_OK : skpi__store_sqlerr(st, src, what);
}

int skpi__store_run_with_id(skpi_store *st, const char *sql, const char *id, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, sql, what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    rc = skpi__store_step_done(st, s, what);
    sqlite3_finalize(s);
    return rc;
}

int skpi__store_rejected(int rc, const char *thing, const char *id, const char *what)
{
    if (rc == SKPI_ENOMEM || rc == SKPI_OK) return rc;
    char msg[256];
    snprintf(msg, sizeof msg, "%s", skpi_last_error());
    return skpi__error(SKPI_EIO, "%s: the saved %s \"%s\" is rejected (%s)", what, thing, id, msg);
}

int skpi__store_save_goal(skpi_store *st, const char *id, const skpi_goal *g, const char *what)
{
    sqlite3_stmt *s = NULL;
    int rc = skpi__store_prepare(&s, st,
        "INSERT INTO goal(id, position, name, category, metric, channel, direction, cadence,"
        " baseline_kind, baseline_value, baseline_start, baseline_end, target_kind, target_value,"
        " span_start, span_end, relevance, owner, activity, target_source) VALUES (?1, (SELECT"
        " coalesce(max(position), 0) + 1 FROM goal), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
        " ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"
        " ON CONFLICT(id) DO UPDATE SET name = excluded.name, category = excluded.category,"
        " metric = excluded.metric, channel = excluded.channel, direction = excluded.direction,"
        " cadence = excluded.cadence, baseline_kind = excluded.baseline_kind,"
        " baseline_value = excluded.baseline_value, baseline_start = excluded.baseline_start,"
        " baseline_end = excluded.baseline_end, target_kind = excluded.target_kind,"
        " target_value = excluded.target_value, span_start = excluded.span_start,"
        " span_end = excluded.span_end, relevance = excluded.relevance, owner = excluded.owner,"
        " activity = excluded.activity, target_source = excluded.target_source",
        what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, skpi_goal_name(g), -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 3, skpi_goal_category(g));
    skpi__store_bind_text(s, 4, skpi_goal_metric(g));
    skpi__store_bind_text(s, 5, skpi_goal_channel(g));
    sqlite3_bind_int(s, 6, skpi_goal_direction(g));
    sqlite3_bind_int(s, 7, skpi_goal_cadence(g));
    int baseline = skpi_goal_baseline_kind(g);
    sqlite3_bind_int(s, 8, baseline);
    skpi__store_bind_real(s, 9, skpi_goal_baseline_value(g));
    skpi_period p;
    if (baseline == SKPI_BASELINE_PERIOD && skpi_goal_baseline_period(&p, g) == SKPI_OK) {
        sqlite3_bind_int64(s, 10, p.start);
        sqlite3_bind_int64(s, 11, p.end);
    }
    sqlite3_bind_int(s, 12, skpi_goal_target_kind(g));
    skpi__store_bind_real(s, 13, skpi_goal_target_value(g));
    if (skpi_goal_span(&p, g) == SKPI_OK) {
        sqlite3_bind_int64(s, 14, p.start);
        sqlite3_bind_int64(s, 15, p.end);
    }
    skpi__store_bind_text(s, 16, skpi_goal_relevance(g));
    skpi__store_bind_text(s, 17, skpi_goal_owner(g));
    skpi__store_bind_text(s, 18, skpi_goal_activity(g));
    skpi__store_bind_text(s, 19, skpi_goal_target_source(g));
    rc = skpi__store_step_done(st, s, what);
    sqlite3_finalize(s);
    s = NULL;
    if (rc == SKPI_OK)
        rc = skpi__store_run_with_id(st, "DELETE FROM goal_milestone WHERE goal = ?1", id, what);
    if (rc == SKPI_OK)
        rc = skpi__store_prepare(&s, st, "INSERT INTO goal_milestone(goal, date, value)"
                                 " VALUES (?1, ?2, ?3)", what);
    size_t n = skpi_goal_milestone_count(g);
    for (size_t i = 0; i < n && rc == SKPI_OK; i++) {
        skpi_time date;
        double value;
        skpi_goal_milestone(&date, &value, g, i);
        sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, date);
        sqlite3_bind_double(s, 3, value);
        rc = skpi__store_step_done(st, s, what);
    }
    sqlite3_finalize(s);
    return rc;
}

/* Setters run in an order the goal accepts: the span before milestones,
 * which must fall inside it. */
static int build_goal(skpi_goal *g, skpi_store *st, sqlite3_stmt *row, const char *id,
                      const char *what)
{
    int rc = skpi_goal_set_category(g, sqlite3_column_int(row, 2));
    const char *metric = (const char *)sqlite3_column_text(row, 3);
    const char *channel = (const char *)sqlite3_column_text(row, 4);
    if (rc == SKPI_OK && metric) rc = skpi_goal_set_metric(g, metric);
    if (rc == SKPI_OK && channel) rc = skpi_goal_set_channel(g, channel);
    if (rc == SKPI_OK) rc = skpi_goal_set_direction(g, sqlite3_column_int(row, 5));
    if (rc == SKPI_OK) rc = skpi_goal_set_cadence(g, sqlite3_column_int(row, 6));
    int baseline = sqlite3_column_int(row, 7);
    if (rc == SKPI_OK && baseline == SKPI_BASELINE_VALUE)
        rc = skpi_goal_set_baseline_value(g, skpi__store_column_real(row, 8));
    if (rc == SKPI_OK && baseline == SKPI_BASELINE_PERIOD) {
        skpi_period p = { sqlite3_column_int64(row, 9), sqlite3_column_int64(row, 10) };
        rc = skpi_goal_set_baseline_period(g, p);
    }
    int target = sqlite3_column_int(row, 11);
    if (rc == SKPI_OK && target != SKPI_TARGET_NONE)
        rc = skpi_goal_set_target(g, target, skpi__store_column_real(row, 12));
    if (rc == SKPI_OK && sqlite3_column_type(row, 13) != SQLITE_NULL) {
        skpi_period p = { sqlite3_column_int64(row, 13), sqlite3_column_int64(row, 14) };
        rc = skpi_goal_set_span(g, p);
    }
    const char *relevance = (const char *)sqlite3_column_text(row, 15);
    const char *owner = (const char *)sqlite3_column_text(row, 16);
    if (rc == SKPI_OK && relevance) rc = skpi_goal_set_relevance(g, relevance);
    if (rc == SKPI_OK && owner) rc = skpi_goal_set_owner(g, owner);
    /* the source after the target it tells of */
    const char *activity = (const char *)sqlite3_column_text(row, 17);
    const char *source = (const char *)sqlite3_column_text(row, 18);
    if (rc == SKPI_OK && activity) rc = skpi_goal_set_activity(g, activity);
    if (rc == SKPI_OK && source) rc = skpi_goal_set_target_source(g, source);
    if (rc != SKPI_OK) return rc;

    sqlite3_stmt *m;
    rc = skpi__store_prepare(&m, st, "SELECT date, value FROM goal_milestone WHERE goal = ?1"
                             " ORDER BY date", what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(m, 1, id, -1, SQLITE_STATIC);
    int src;
    while ((src = sqlite3_step(m)) == SQLITE_ROW && rc == SKPI_OK)
        rc = skpi_goal_add_milestone(g, sqlite3_column_int64(m, 0), sqlite3_column_double(m, 1));
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(m);
    return rc;
}

int skpi__store_load_goals(skpi_definitions *defs, skpi_store *st, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st,
        "SELECT id, name, category, metric, channel, direction, cadence, baseline_kind,"
        " baseline_value, baseline_start, baseline_end, target_kind, target_value, span_start,"
        " span_end, relevance, owner, activity, target_source FROM goal ORDER BY position", what);
    if (rc != SKPI_OK) return rc;
    int src;
    while ((src = sqlite3_step(s)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(s, 0);
        const char *name = (const char *)sqlite3_column_text(s, 1);
        if (id == NULL || name == NULL) { rc = skpi__nomem(); break; }
        skpi_goal *g = NULL;
        rc = skpi_goal_new(&g, name);
        if (rc == SKPI_OK) rc = build_goal(g, st, s, id, what);
        if (rc == SKPI_OK) rc = skpi_definitions_add_goal(NULL, defs, id, g);
        skpi_goal_free(g);
        if (rc != SKPI_OK) {
            rc = skpi__store_rejected(rc, "goal", id, what);
            break;
        }
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    return rc;
}
