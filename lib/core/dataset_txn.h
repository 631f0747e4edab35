/* Private savepoints of a dataset: a journal of what a run of calls changes,
 * so that the library can undo the run as a whole (an import's final write
 * is all or nothing). Never exported; see docs/dataset.md, "Savepoints
 * (internal)". */
#ifndef SKPI_DATASET_TXN_H
#define SKPI_DATASET_TXN_H

#include "socialkpi/dataset.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Open a savepoint: from now on the dataset's mutators journal what they
 * change. One at a time (no nesting). SKPI_OK, SKPI_EMISUSE (NULL dataset,
 * or a savepoint is open already) or SKPI_ENOMEM (the dataset unchanged). */
int skpi__dataset_savepoint_begin(skpi_dataset *ds);

/* Keep every change since the savepoint opened, and close it. Cannot fail. */
void skpi__dataset_savepoint_commit(skpi_dataset *ds);

/* Undo every change since the savepoint opened, and close it: channels,
 * groups and posts added are removed, groups and posts updated take their
 * old contents back, series take their old points back (new series go).
 * Never allocates, so it cannot fail. */
void skpi__dataset_savepoint_rollback(skpi_dataset *ds);

/* Whether a savepoint is open. */
bool skpi__dataset_savepoint_open(const skpi_dataset *ds);

/* ---- hooks of the dataset's mutators ------------------------------------
 * Called before the first change of an entity; each is a no-op without an
 * open savepoint, or for an entity the savepoint created. SKPI_OK or
 * SKPI_ENOMEM, which leaves the entity and the journal as they were. */

/* The n points (times, in any order) are about to be appended to the
 * (metric, channel) cell, which the caller reserved (skpi__column_reserve).
 * An append leaves the points before its first time in place, so the
 * journal copies only the series' points from there on: nothing when the
 * points come after the last one. */
int skpi__savepoint_save_cell(skpi_dataset *ds, uint32_t metric, uint32_t channel,
                              const skpi_time *times, size_t n);
/* Post `index` is about to change: its fields and values are copied. */
int skpi__savepoint_save_post(skpi_dataset *ds, size_t index);
/* Group `index` is about to get new members: its members are copied. */
int skpi__savepoint_save_group(skpi_dataset *ds, size_t index);

#endif
