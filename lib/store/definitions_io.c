/* Definitions in the store: saving and loading a definitions.h handle
 * (custom metrics, goals, objectives, report definitions), and deleting a goal or objective. */
#include "store/store_internal.h"
#include "store/defs_io.h"
#include "core/internal.h"

#include <string.h>

/* The id of an objective's parent among the definitions, and the child's
 * place among the parent's children. */
static int parent_of(const char **id, size_t *order, const skpi_definitions *defs,
                     const skpi_objective *obj, const char *obj_id, const char *what)
{
    const skpi_objective *parent = skpi_objective_parent(obj);
    *id = NULL;
    *order = 0;
    if (parent == NULL) return SKPI_OK;
    size_t n = skpi_definitions_objective_count(defs);
    for (size_t i = 0; i < n; i++) {
        if (skpi_definitions_objective(defs, i) == parent) {
            *id = skpi_definitions_objective_id(defs, i);
            break;
        }
    }
    if (*id == NULL)
        return skpi__error(SKPI_EINVAL, "%s: objective \"%s\" is aligned under an objective "
                           "that is not part of the definitions", what, obj_id);
    size_t children = skpi_objective_child_count(parent);
    for (size_t k = 0; k < children; k++)
        if (skpi_objective_child(parent, k) == obj) *order = k;
    return SKPI_OK;
}

static int save_definitions(skpi_store *st, const skpi_definitions *defs, const char *what)
{
    /* As a file would refuse them: a report naming what is not there. */
    int rc = skpi_definitions_check_references(defs);
    if (rc == SKPI_OK) rc = skpi__store_save_catalog(st, skpi_definitions_catalog(defs), what);
    size_t goals = skpi_definitions_goal_count(defs);
    for (size_t i = 0; i < goals && rc == SKPI_OK; i++)
        rc = skpi__store_save_goal(st, skpi_definitions_goal_id(defs, i),
                                   skpi_definitions_goal(defs, i), what);
    size_t objectives = skpi_definitions_objective_count(defs);
    for (size_t i = 0; i < objectives && rc == SKPI_OK; i++) {
        const skpi_objective *obj = skpi_definitions_objective(defs, i);
        const char *id = skpi_definitions_objective_id(defs, i), *parent;
        size_t order;
        rc = parent_of(&parent, &order, defs, obj, id, what);
        if (rc == SKPI_OK) rc = skpi__store_save_objective(st, id, obj, parent, order, what);
    }
    if (rc == SKPI_OK) rc = skpi__store_save_reports(st, defs, what);
    if (rc == SKPI_OK) rc = skpi__store_save_compete(st, defs, what);
    if (rc == SKPI_OK) rc = skpi__store_save_campaigns(st, defs, what);
    return rc;
}

int skpi_store_write_definitions(skpi_store *st, const skpi_definitions *defs)
{
    static const char what[] = "skpi_store_write_definitions";
    if (st == NULL || defs == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, st ? "definitions" : "store");
    int rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    rc = save_definitions(st, defs, what);
    return skpi__store_write_end(st, rc, what);
}

int skpi_store_read_definitions(skpi_definitions **out, skpi_store *st, const skpi_catalog *base)
{
    static const char what[] = "skpi_store_read_definitions";
    if (out == NULL || st == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, out ? "store" : "out");
    skpi_definitions *defs = NULL;
    int rc = skpi_definitions_new(&defs, base);
    /* one read transaction: one committed state */
    int began = 0;
    if (rc == SKPI_OK && sqlite3_get_autocommit(st->db)) {
        rc = skpi__store_exec(st, "BEGIN", what);
        began = rc == SKPI_OK;
    }
    if (rc == SKPI_OK) rc = skpi__store_apply_metrics(skpi_definitions_catalog(defs), st, what);
    /* Benchmarks after the metrics, which they may name. */
    if (rc == SKPI_OK) rc = skpi__store_load_compete(defs, st, what);
    if (rc == SKPI_OK) rc = skpi__store_load_goals(defs, st, what);
    if (rc == SKPI_OK) rc = skpi__store_load_objectives(defs, st, what);
    if (rc == SKPI_OK) rc = skpi__store_load_reports(defs, st, what);
    if (rc == SKPI_OK) rc = skpi__store_load_campaigns(defs, st, what);
    if (began) skpi__store_rollback_all(st); /* a read transaction */
    if (rc != SKPI_OK) {
        skpi_definitions_free(defs);
        return rc;
    }
    *out = defs;
    return SKPI_OK;
}

static int delete_row(skpi_store *st, const char *sql, const char *thing, const char *id,
                      const char *what)
{
    int rc = skpi__store_run_with_id(st, sql, id, what);
    if (rc == SKPI_OK && thing && sqlite3_changes(st->db) == 0)
        rc = skpi__error(SKPI_ENOTFOUND, "%s: %s holds no %s \"%s\"", what, st->path, thing, id);
    return rc;
}

int skpi_store_delete_goal(skpi_store *st, const char *id)
{
    static const char what[] = "skpi_store_delete_goal";
    if (st == NULL || id == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, st ? "id" : "store");
    int rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    rc = delete_row(st, "DELETE FROM goal WHERE id = ?1", "goal", id, what);
    return skpi__store_write_end(st, rc, what);
}

int skpi_store_delete_objective(skpi_store *st, const char *id)
{
    static const char what[] = "skpi_store_delete_objective";
    if (st == NULL || id == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, st ? "id" : "store");
    int rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    rc = delete_row(st, "DELETE FROM objective WHERE id = ?1", "objective", id, what);
    if (rc == SKPI_OK)
        rc = delete_row(st, "UPDATE objective SET parent = NULL, parent_order = NULL,"
                        " weight = NULL WHERE parent = ?1", NULL, id, what);
    return skpi__store_write_end(st, rc, what);
}
