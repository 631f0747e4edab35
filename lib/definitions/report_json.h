/* Private: one report definition of a definitions handle as JSON text, for
 * the store, which keeps each one under its id. */
#ifndef SKPI_DEFS_REPORT_JSON_H
#define SKPI_DEFS_REPORT_JSON_H

#include "socialkpi/definitions.h"

#include <stddef.h>

/* The report definition at `index` as a JSON object (the schema's
 * `reports[i]`), in a buffer of the library's allocator. */
int skpi__defs_report_json(char **out, size_t *size, const skpi_definitions *defs, size_t index);

/* Add a report definition read from such text. The goals and objectives it
 * names need not be in the handle: as after skpi_definitions_remove_goal(),
 * building that report says which one is missing. Errors name the member
 * ("title: required") or the line and column, for the caller to prefix. */
int skpi__defs_add_report_json(skpi_definitions *defs, const char *text, size_t size);

/* SKPI_EINVAL, naming them, when a report names a goal or objective that is
 * not in the handle. */
int skpi__check_report_ids(const skpi_definitions *defs);

#endif
