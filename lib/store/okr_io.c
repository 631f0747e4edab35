/* Objectives in the store: the objective, its curve, its key results and
 * their check-ins; building them back, and appending one check-in. */
#include "store/store_internal.h"
#include "store/defs_io.h"
#include "core/civil.h"
#include "core/internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int delete_children(skpi_store *st, const char *table, const char *id, const char *what)
{
    char sql[80];
    snprintf(sql, sizeof sql, "DELETE FROM %s WHERE objective = ?1", table);
    return skpi__store_run_with_id(st, sql, id, what);
}

static int save_curve(skpi_store *st, const char *id, const skpi_objective *obj, const char *what)
{
    size_t n = skpi_objective_curve_point_count(obj);
    if (n == 0) return SKPI_OK;
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "INSERT INTO objective_curve(objective, point, x, y)"
                                 " VALUES (?1, ?2, ?3, ?4)", what);
    for (size_t i = 0; i < n && rc == SKPI_OK; i++) {
        double x, y;
        skpi_objective_curve_point(&x, &y, obj, i);
        sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
        sqlite3_bind_double(s, 3, x);
        sqlite3_bind_double(s, 4, y);
        rc = skpi__store_step_done(st, s, what);
    }
    sqlite3_finalize(s);
    return rc;
}

static int save_key_results(skpi_store *st, const char *id, const skpi_objective *obj,
                            const char *what)
{
    sqlite3_stmt *kr_stmt = NULL, *ci_stmt = NULL;
    int rc = skpi__store_prepare(&kr_stmt, st,
        "INSERT INTO key_result(objective, position, kind, title, start, target, stretch,"
        " commit_value, weight, metric, selector, activity, target_source) VALUES (?1, ?2, ?3,"
        " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", what);
    if (rc == SKPI_OK)
        rc = skpi__store_prepare(&ci_stmt, st,
            "INSERT INTO checkin(objective, key_result, time, value, confidence, note, author)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", what);
    size_t count = skpi_objective_key_result_count(obj);
    for (size_t i = 0; i < count && rc == SKPI_OK; i++) {
        const skpi_key_result *kr = skpi_objective_key_result(obj, i);
        int kind = skpi_key_result_kind(kr);
        double start = NAN, target = NAN;
        if (kind != SKPI_KR_MILESTONE) skpi_key_result_range(&start, &target, kr);
        sqlite3_bind_text(kr_stmt, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(kr_stmt, 2, (sqlite3_int64)i);
        sqlite3_bind_int(kr_stmt, 3, kind);
        sqlite3_bind_text(kr_stmt, 4, skpi_key_result_title(kr), -1, SQLITE_STATIC);
        skpi__store_bind_real(kr_stmt, 5, start);
        skpi__store_bind_real(kr_stmt, 6, target);
        skpi__store_bind_real(kr_stmt, 7, skpi_key_result_stretch(kr));
        skpi__store_bind_real(kr_stmt, 8, skpi_key_result_commit(kr));
        sqlite3_bind_double(kr_stmt, 9, skpi_key_result_weight(kr));
        skpi__store_bind_text(kr_stmt, 10, skpi_key_result_metric(kr));
        skpi__store_bind_text(kr_stmt, 11, skpi_key_result_selector(kr));
        skpi__store_bind_text(kr_stmt, 12, skpi_key_result_activity(kr));
        skpi__store_bind_text(kr_stmt, 13, skpi_key_result_target_source(kr));
        rc = skpi__store_step_done(st, kr_stmt, what);
        size_t checkins = skpi_key_result_checkin_count(kr);
        for (size_t c = 0; c < checkins && rc == SKPI_OK; c++) {
            skpi_time time;
            double value, confidence;
            const char *note, *author = "";
            skpi_key_result_checkin(&time, &value, &confidence, &note, kr, c);
            skpi_key_result_checkin_author(&author, kr, c);
            sqlite3_bind_text(ci_stmt, 1, id, -1, SQLITE_STATIC);
            sqlite3_bind_int64(ci_stmt, 2, (sqlite3_int64)i);
            sqlite3_bind_int64(ci_stmt, 3, time);
            skpi__store_bind_real(ci_stmt, 4, value);
            skpi__store_bind_real(ci_stmt, 5, confidence);
            sqlite3_bind_text(ci_stmt, 6, note ? note : "", -1, SQLITE_STATIC);
            sqlite3_bind_text(ci_stmt, 7, author ? author : "", -1, SQLITE_STATIC);
            rc = skpi__store_step_done(st, ci_stmt, what);
        }
    }
    sqlite3_finalize(kr_stmt);
    sqlite3_finalize(ci_stmt);
    return rc;
}

int skpi__store_save_objective(skpi_store *st, const char *id, const skpi_objective *obj,
                               const char *parent, size_t parent_order, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st,
        "INSERT INTO objective(id, position, title, description, owner, period_start,"
        " period_end, type, curve, parent, parent_order, weight) VALUES (?1, (SELECT"
        " coalesce(max(position), 0) + 1 FROM objective), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
        " ?11) ON CONFLICT(id) DO UPDATE SET title = excluded.title,"
        " description = excluded.description, owner = excluded.owner,"
        " period_start = excluded.period_start, period_end = excluded.period_end,"
        " type = excluded.type, curve = excluded.curve, parent = excluded.parent,"
        " parent_order = excluded.parent_order, weight = excluded.weight", what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, skpi_objective_title(obj), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, skpi_objective_description(obj), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, skpi_objective_owner(obj), -1, SQLITE_STATIC);
    skpi_period p;
    if (skpi_objective_period(&p, obj) == SKPI_OK) {
        sqlite3_bind_int64(s, 5, p.start);
        sqlite3_bind_int64(s, 6, p.end);
    }
    sqlite3_bind_int(s, 7, skpi_objective_type(obj));
    sqlite3_bind_int(s, 8, skpi_objective_curve(obj));
    if (parent) {
        sqlite3_bind_text(s, 9, parent, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 10, (sqlite3_int64)parent_order);
        sqlite3_bind_double(s, 11, skpi_objective_alignment_weight(obj));
    }
    rc = skpi__store_step_done(st, s, what);
    sqlite3_finalize(s);
    /* key results go with their check-ins (ON DELETE CASCADE) */
    if (rc == SKPI_OK) rc = delete_children(st, "objective_curve", id, what);
    if (rc == SKPI_OK) rc = delete_children(st, "key_result", id, what);
    if (rc == SKPI_OK) rc = save_curve(st, id, obj, what);
    if (rc == SKPI_OK) rc = save_key_results(st, id, obj, what);
    return rc;
}

static int load_curve(skpi_objective *obj, skpi_store *st, const char *id, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "SELECT x, y FROM objective_curve WHERE objective = ?1"
                                 " ORDER BY point", what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    double x[64], y[64];
    size_t n = 0;
    int src = SQLITE_DONE; /* the first step sets it; gcc -Og cannot tell */
    while ((src = sqlite3_step(s)) == SQLITE_ROW && n < 64) {
        x[n] = sqlite3_column_double(s, 0);
        y[n++] = sqlite3_column_double(s, 1);
    }
    if (src != SQLITE_DONE && src != SQLITE_ROW) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    /* the library refuses a curve of more points than it allows */
    if (rc == SKPI_OK) rc = skpi_objective_set_curve_points(obj, x, y, n);
    return rc;
}

static int load_checkins(skpi_key_result *kr, skpi_store *st, const char *id, sqlite3_int64 index,
                         const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "SELECT time, value, confidence, note, author FROM checkin"
                                 " WHERE objective = ?1 AND key_result = ?2 ORDER BY time", what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, index);
    int src = SQLITE_DONE; /* the first step sets it; gcc -Og cannot tell */
    while (rc == SKPI_OK && (src = sqlite3_step(s)) == SQLITE_ROW)
        rc = skpi_key_result_add_checkin_by(kr, sqlite3_column_int64(s, 0),
                                            skpi__store_column_real(s, 1),
                                            skpi__store_column_real(s, 2),
                                            (const char *)sqlite3_column_text(s, 3),
                                            (const char *)sqlite3_column_text(s, 4));
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    return rc;
}

static int load_key_results(skpi_objective *obj, skpi_store *st, const char *id, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st,
        "SELECT position, kind, title, start, target, stretch, commit_value, weight, metric,"
        " selector, activity, target_source FROM key_result WHERE objective = ?1"
        " ORDER BY position", what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    int src = SQLITE_DONE; /* the first step sets it; gcc -Og cannot tell */
    while (rc == SKPI_OK && (src = sqlite3_step(s)) == SQLITE_ROW) {
        const char *title = (const char *)sqlite3_column_text(s, 2);
        if (title == NULL) { rc = skpi__nomem(); break; }
        skpi_key_result *kr;
        int kind = sqlite3_column_int(s, 1);
        rc = skpi_objective_add_key_result(&kr, obj, kind, title);
        double start = skpi__store_column_real(s, 3), target = skpi__store_column_real(s, 4);
        if (rc == SKPI_OK && kind != SKPI_KR_MILESTONE && !isnan(start) && !isnan(target))
            rc = skpi_key_result_set_range(kr, start, target);
        double stretch = skpi__store_column_real(s, 5), commit = skpi__store_column_real(s, 6);
        if (rc == SKPI_OK && !isnan(stretch)) rc = skpi_key_result_set_stretch(kr, stretch);
        if (rc == SKPI_OK && !isnan(commit)) rc = skpi_key_result_set_commit(kr, commit);
        if (rc == SKPI_OK) rc = skpi_key_result_set_weight(kr, sqlite3_column_double(s, 7));
        const char *metric = (const char *)sqlite3_column_text(s, 8);
        const char *selector = (const char *)sqlite3_column_text(s, 9);
        if (rc == SKPI_OK && metric && selector) rc = skpi_key_result_set_metric(kr, metric, selector);
        const char *activity = (const char *)sqlite3_column_text(s, 10);
        const char *source = (const char *)sqlite3_column_text(s, 11);
        if (rc == SKPI_OK && activity) rc = skpi_key_result_set_activity(kr, activity);
        if (rc == SKPI_OK && source) rc = skpi_key_result_set_target_source(kr, source);
        if (rc == SKPI_OK) rc = load_checkins(kr, st, id, sqlite3_column_int64(s, 0), what);
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    return rc;
}

static int build_objective(skpi_objective *obj, skpi_store *st, sqlite3_stmt *row, const char *id,
                           const char *what)
{
    int rc = skpi_objective_set_description(obj, (const char *)sqlite3_column_text(row, 2));
    if (rc == SKPI_OK) rc = skpi_objective_set_owner(obj, (const char *)sqlite3_column_text(row, 3));
    if (rc == SKPI_OK && sqlite3_column_type(row, 4) != SQLITE_NULL) {
        skpi_period p = { sqlite3_column_int64(row, 4), sqlite3_column_int64(row, 5) };
        rc = skpi_objective_set_period(obj, p);
    }
    if (rc == SKPI_OK) rc = skpi_objective_set_type(obj, sqlite3_column_int(row, 6));
    int curve = sqlite3_column_int(row, 7);
    if (rc == SKPI_OK)
        rc = curve == SKPI_OKR_CURVE_CUSTOM ? load_curve(obj, st, id, what)
                                            : skpi_objective_set_curve(obj, curve);
    if (rc == SKPI_OK) rc = load_key_results(obj, st, id, what);
    return rc;
}

/* Align children under their parents, in each parent's order; a parent that
 * is no longer saved leaves its children top-level. */
static int load_alignment(skpi_definitions *defs, skpi_store *st, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "SELECT id, parent, weight FROM objective"
                                 " WHERE parent IS NOT NULL ORDER BY parent, parent_order", what);
    if (rc != SKPI_OK) return rc;
    int src = SQLITE_DONE; /* the first step sets it; gcc -Og cannot tell */
    while (rc == SKPI_OK && (src = sqlite3_step(s)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(s, 0);
        const char *parent = (const char *)sqlite3_column_text(s, 1);
        if (id == NULL || parent == NULL) { rc = skpi__nomem(); break; }
        size_t ci, pi;
        if (skpi_definitions_find_objective(&ci, defs, id) != SKPI_OK ||
            skpi_definitions_find_objective(&pi, defs, parent) != SKPI_OK)
            continue;
        rc = skpi_objective_set_parent(skpi_definitions_objective(defs, ci),
                                       skpi_definitions_objective(defs, pi),
                                       sqlite3_column_double(s, 2));
        rc = skpi__store_rejected(rc, "objective", id, what);
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    return rc;
}

int skpi__store_load_objectives(skpi_definitions *defs, skpi_store *st, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st,
        "SELECT id, title, description, owner, period_start, period_end, type, curve"
        " FROM objective ORDER BY position", what);
    if (rc != SKPI_OK) return rc;
    int src = SQLITE_DONE; /* the first step sets it; gcc -Og cannot tell */
    while (rc == SKPI_OK && (src = sqlite3_step(s)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(s, 0);
        const char *title = (const char *)sqlite3_column_text(s, 1);
        if (id == NULL || title == NULL) { rc = skpi__nomem(); break; }
        skpi_objective *obj;
        rc = skpi_definitions_add_objective(&obj, defs, id, title);
        if (rc == SKPI_OK) rc = build_objective(obj, st, s, id, what);
        rc = skpi__store_rejected(rc, "objective", id, what);
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    if (rc == SKPI_OK) rc = load_alignment(defs, st, what);
    return rc;
}

static int checkin_kind(int *kind, skpi_store *st, const char *objective, size_t index,
                        const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "SELECT kind FROM key_result WHERE objective = ?1"
                                 " AND position = ?2", what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, objective, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)index);
    int src = sqlite3_step(s);
    if (src == SQLITE_ROW) *kind = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    if (src == SQLITE_ROW) return SKPI_OK;
    if (src != SQLITE_DONE) return skpi__store_sqlerr(st, src, what);
    return skpi__error(SKPI_ENOTFOUND, "%s: %s holds no key result %zu of objective \"%s\"",
                       what, st->path, index, objective);
}

static int insert_checkin(skpi_store *st, const char *objective, size_t index, skpi_time time,
                          double value, double confidence, const char *note, const char *author,
                          const char *what)
{
    int kind = SKPI_KR_MANUAL;
    int rc = checkin_kind(&kind, st, objective, index, what);
    if (rc != SKPI_OK) return rc;
    if (kind == SKPI_KR_MILESTONE && !isnan(value) && (value < 0 || value > 1))
        return skpi__error(SKPI_ERANGE, "%s: a milestone's completion is 0 to 1, not %g", what,
                           value);
    sqlite3_stmt *s;
    rc = skpi__store_prepare(&s, st, "INSERT INTO checkin(objective, key_result, time, value,"
                             " confidence, note, author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, objective, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)index);
    sqlite3_bind_int64(s, 3, time);
    skpi__store_bind_real(s, 4, value);
    skpi__store_bind_real(s, 5, confidence);
    sqlite3_bind_text(s, 6, note ? note : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 7, author ? author : "", -1, SQLITE_STATIC);
    int src = sqlite3_step(s);
    sqlite3_finalize(s);
    if (src == SQLITE_DONE) return SKPI_OK;
    if (src == SQLITE_CONSTRAINT_PRIMARYKEY) {
        char text[SKPI__TIME_TEXT_SIZE];
        return skpi__error(SKPI_EDUPLICATE, "%s: key result %zu of objective \"%s\" has a "
                           "check-in at %s already", what, index, objective,
                           skpi__time_text(text, time));
    }
    return skpi__store_sqlerr(st, src, what);
}

static int add_checkin(skpi_store *st, const char *objective, size_t key_result, skpi_time time,
                       double value, double confidence, const char *note, const char *author,
                       const char *what)
{
    if (st == NULL || objective == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, st ? "objective" : "store");
    if (!skpi__time_in_range(time))
        return skpi__error(SKPI_ERANGE, "%s: time %lld is outside years 1 to 9999", what,
                           (long long)time);
    if (isinf(value)) return skpi__error(SKPI_EINVAL, "%s: the value is infinite", what);
    if (!isnan(confidence) && !(confidence >= 0 && confidence <= 1))
        return skpi__error(SKPI_ERANGE, "%s: confidence is 0 to 1 (or NaN for none), not %g",
                           what, confidence);
    int rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    rc = insert_checkin(st, objective, key_result, time, value, confidence, note, author, what);
    return skpi__store_write_end(st, rc, what);
}

int skpi_store_add_checkin(skpi_store *st, const char *objective, size_t key_result,
                           skpi_time time, double value, double confidence, const char *note)
{
    return add_checkin(st, objective, key_result, time, value, confidence, note, NULL,
                       "skpi_store_add_checkin");
}

int skpi_store_add_checkin_by(skpi_store *st, const char *objective, size_t key_result,
                              skpi_time time, double value, double confidence, const char *note,
                              const char *author)
{
    return add_checkin(st, objective, key_result, time, value, confidence, note, author,
                       "skpi_store_add_checkin_by");
}
