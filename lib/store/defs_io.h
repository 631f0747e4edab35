/* Private: goals, objectives and check-ins in the store, shared by the
 * files that save and load definitions. */
#ifndef SKPI_STORE_DEFS_IO_H
#define SKPI_STORE_DEFS_IO_H

#include "store/store_internal.h"

/* Bind text or NULL; a number or NULL for NaN. */
void skpi__store_bind_text(sqlite3_stmt *s, int i, const char *text);
void skpi__store_bind_real(sqlite3_stmt *s, int i, double v);
/* A REAL column, NaN for NULL. */
double skpi__store_column_real(sqlite3_stmt *s, int i);
/* Step a statement that returns no rows, then reset it. */
int skpi__store_step_done(skpi_store *st, sqlite3_stmt *s, const char *what);
/* Run SQL that returns no rows with `id` bound to ?1. */
int skpi__store_run_with_id(skpi_store *st, const char *sql, const char *id, const char *what);

/* A saved record the library refuses becomes SKPI_EIO naming it ("the
 * saved goal "g1" is rejected (...)"); SKPI_ENOMEM stays. */
int skpi__store_rejected(int rc, const char *thing, const char *id, const char *what);

/* Save one goal or objective under its id (inside a write); the objective's
 * parent is given by id (NULL: top-level). */
int skpi__store_save_goal(skpi_store *st, const char *id, const skpi_goal *g, const char *what);
int skpi__store_save_objective(skpi_store *st, const char *id, const skpi_objective *obj,
                               const char *parent, size_t parent_order, const char *what);

/* Add every saved goal or objective to the definitions. */
int skpi__store_load_goals(skpi_definitions *defs, skpi_store *st, const char *what);
int skpi__store_load_objectives(skpi_definitions *defs, skpi_store *st, const char *what);

/* Save every report definition of the definitions (as JSON text), or add
 * every one the store holds in that form (report_defs_io.c). */
int skpi__store_save_reports(skpi_store *st, const skpi_definitions *defs, const char *what);
int skpi__store_load_reports(skpi_definitions *defs, skpi_store *st, const char *what);
/* The same for campaigns (campaign_defs_io.c); saving replaces them all. */
int skpi__store_save_campaigns(skpi_store *st, const skpi_definitions *defs, const char *what);
int skpi__store_load_campaigns(skpi_definitions *defs, skpi_store *st, const char *what);

/* Replace the stored competitors' channels and benchmark table with the
 * definitions', or add the stored ones to the definitions (compete_io.c). */
int skpi__store_save_compete(skpi_store *st, const skpi_definitions *defs, const char *what);
int skpi__store_load_compete(skpi_definitions *defs, skpi_store *st, const char *what);

#endif
