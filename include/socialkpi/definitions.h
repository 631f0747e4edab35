/**
 * @file socialkpi/definitions.h
 * @brief Definitions in JSON: SMART goals, objectives with their key results
 *        and check-ins, custom metrics and report definitions, loaded from
 *        and saved to a versioned JSON document a person can review.
 *
 * A definitions handle (::skpi_definitions) owns a metric catalog, a list of
 * goals, a list of objectives and a list of report definitions, each under a
 * unique id.
 * skpi_definitions_load_file() builds one from a JSON document;
 * skpi_definitions_save_file() writes one back. docs/definitions.md
 * describes the document and docs/definitions-schema.json is its JSON
 * Schema. Loading then saving then loading gives the same definitions.
 *
 * **Errors** name the place in the document and the problem:
 * `objectives[1].key_results[0].target: expected a number, found a string`;
 * syntax errors give the line and column: `line 17, column 5: ...`. Loading
 * is all or nothing: on error no handle is made.
 *
 * **Lifetimes.** The catalog, goals and objectives belong to the handle and
 * are lent out: a pointer from skpi_definitions_catalog(),
 * skpi_definitions_goal() or skpi_definitions_objective() stays valid until
 * that goal or objective is removed or the handle is freed. The host may
 * change them through goal.h, okr.h and metrics.h (the changes are saved)
 * but must never free them itself. Objectives may be aligned to one another
 * with skpi_objective_set_parent(); saving needs every parent to be an
 * objective of the same handle.
 *
 * **Memory.** Everything the handle keeps is allocated with the library's
 * allocator. The JSON tree jansson builds while a document is read or
 * written lives only during the call and uses jansson's own allocator
 * (json_set_alloc_funcs() in the host); its allocation failures are reported
 * as ::SKPI_ENOMEM too.
 *
 * **Threads.** A handle, with everything it lends, is used by one thread at
 * a time.
 */
#ifndef SOCIALKPI_DEFINITIONS_H
#define SOCIALKPI_DEFINITIONS_H

#include "socialkpi/common.h"
#include "socialkpi/metrics.h"
#include "socialkpi/goal.h"
#include "socialkpi/okr.h"
#include "socialkpi/report.h"
#include "socialkpi/compete.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Goals, objectives and custom metrics loaded from or saved to JSON (opaque). */
typedef struct skpi_definitions skpi_definitions;

/** @brief The version of the JSON document this library reads and writes (1). */
SKPI_API int skpi_definitions_schema_version(void);

/** @brief The longest goal or objective id in bytes, NUL excluded (64). */
SKPI_API size_t skpi_definitions_id_max(void);

/** @brief The largest JSON document skpi_definitions_load_file() reads, in bytes (64 MiB). */
SKPI_API size_t skpi_definitions_file_max(void);

/**
 * @brief Create empty definitions: no goals, no objectives, and a catalog
 *        that starts as a copy of `base`.
 * @param out  receives the handle; free it with skpi_definitions_free()
 * @param base the catalog custom metrics are added to and compared with;
 *             NULL means skpi_catalog_builtin(). Copied: nothing is borrowed.
 * @return SKPI_OK, SKPI_EMISUSE (out is NULL), SKPI_ENOMEM
 */
SKPI_API int skpi_definitions_new(skpi_definitions **out, const skpi_catalog *base);

/**
 * @brief Free definitions with their catalog, goals and objectives. NULL is
 *        allowed and does nothing.
 *
 * Objectives outside the handle that were aligned under one of its
 * objectives become top-level objectives (as skpi_objective_free() does).
 */
SKPI_API void skpi_definitions_free(skpi_definitions *defs);

/**
 * @brief Load definitions from a JSON document in memory.
 *
 * The document is an object with `version` (1), and optionally `metrics`,
 * `goals` and `objectives` (docs/definitions.md). Custom metrics are added
 * to a copy of `base` first, in the order given, so that a formula may use
 * the metrics listed before it; goals and key results must name metrics of
 * that catalog. Objectives are aligned by id once all are read, in the
 * order they are listed.
 * @param out  receives the new handle; free it with skpi_definitions_free();
 *             untouched on error
 * @param data the document, UTF-8; need not be NUL-terminated; not kept
 * @param size its length in bytes
 * @param base as for skpi_definitions_new()
 * @return SKPI_OK; SKPI_EMISUSE (NULL out, or NULL data with a size);
 *         SKPI_EPARSE (not JSON: the message gives line and column);
 *         SKPI_EVERSION (a document version this library does not know);
 *         SKPI_EINVAL (a member missing, of the wrong type, unknown or out
 *         of its domain, a value a setter refused: the message gives the
 *         path, e.g. `goals[2].target.value: expected a number`);
 *         SKPI_ENOTFOUND (an unknown metric or parent id); SKPI_EEXISTS (a
 *         duplicate id, or a metric that already exists differently);
 *         SKPI_ERANGE (a value or a count out of range); SKPI_ENOMEM
 */
SKPI_API int skpi_definitions_load_buffer(skpi_definitions **out, const char *data, size_t size,
                                          const skpi_catalog *base);

/**
 * @brief Load definitions from a JSON file.
 *
 * As skpi_definitions_load_buffer(); every message starts with the path of
 * the file (`goals.json: goals[0].name: required`).
 * @param out  receives the new handle; untouched on error
 * @param path the file to read
 * @param base as for skpi_definitions_new()
 * @return as skpi_definitions_load_buffer(); also SKPI_EMISUSE (NULL path),
 *         SKPI_EIO (the file cannot be read: the message says why),
 *         SKPI_ERANGE (larger than skpi_definitions_file_max())
 */
SKPI_API int skpi_definitions_load_file(skpi_definitions **out, const char *path,
                                        const skpi_catalog *base);

/**
 * @brief Write definitions as a JSON document.
 *
 * Two-space indentation, members in a fixed order, numbers in the shortest
 * form that reads back exactly, times as ISO 8601 text in UTC (a date alone
 * when the time is midnight), a final newline. Optional members with their
 * default or unset value are left out. Metrics are written when the catalog
 * differs from its base: new metrics in full, and for metrics of the base
 * the label, description or formula that were changed.
 * @param out  receives the NUL-terminated text; free it with skpi_free();
 *             untouched on error
 * @param size receives its length without the NUL; may be NULL
 * @param defs the definitions
 * @return SKPI_OK; SKPI_EMISUSE (NULL out or defs); SKPI_EINVAL (an
 *         objective aligned under one outside the handle: the message names
 *         it); SKPI_ENOMEM
 */
SKPI_API int skpi_definitions_save_buffer(char **out, size_t *size, const skpi_definitions *defs);

/**
 * @brief Write definitions to a JSON file, as skpi_definitions_save_buffer().
 *
 * The text goes to a temporary file next to `path` that is then renamed
 * over it, so a reader sees the old file or the new one, never half of it.
 * @param defs the definitions
 * @param path the file to write (replaced if it exists)
 * @return as skpi_definitions_save_buffer(); also SKPI_EMISUSE (NULL path),
 *         SKPI_EIO (writing or renaming failed: the message says why; the
 *         old file is left as it was)
 */
SKPI_API int skpi_definitions_save_file(const skpi_definitions *defs, const char *path);

/**
 * @brief The catalog of the definitions: the base with the custom metrics.
 *
 * Metrics the host adds to it, and labels, descriptions or formulas it
 * changes, are saved with the definitions.
 * @return borrowed, valid until the handle is freed; NULL for NULL
 */
SKPI_API skpi_catalog *skpi_definitions_catalog(const skpi_definitions *defs);

/** @brief The number of goals (0 for NULL). */
SKPI_API size_t skpi_definitions_goal_count(const skpi_definitions *defs);

/**
 * @brief A goal, in the order of the document (then of skpi_definitions_add_goal()).
 * @param defs  the definitions
 * @param index 0 to skpi_definitions_goal_count() - 1
 * @return borrowed, valid until the goal is removed or the handle freed;
 *         NULL when defs is NULL or index is out of range
 */
SKPI_API skpi_goal *skpi_definitions_goal(const skpi_definitions *defs, size_t index);

/**
 * @brief The id of a goal.
 * @return borrowed like the goal; NULL when defs is NULL or index is out of range
 */
SKPI_API const char *skpi_definitions_goal_id(const skpi_definitions *defs, size_t index);

/**
 * @brief Find a goal by id.
 * @param out  receives its index
 * @param defs the definitions
 * @param id   the id
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_ENOTFOUND (no goal
 *         has that id: the message names it)
 */
SKPI_API int skpi_definitions_find_goal(size_t *out, const skpi_definitions *defs, const char *id);

/**
 * @brief Add a copy of a goal under an id.
 * @param out  receives the copy, owned by the definitions (borrowed as
 *             skpi_definitions_goal() lends it); may be NULL
 * @param defs the definitions
 * @param id   1 to skpi_definitions_id_max() bytes of ASCII letters,
 *             digits, `_`, `-` and `.`; unique among the goals; copied
 * @param goal the goal to copy; the host keeps it
 * @return SKPI_OK; SKPI_EMISUSE (NULL defs, id or goal); SKPI_EINVAL
 *         (malformed id); SKPI_EEXISTS (a goal has that id); SKPI_ENOMEM.
 *         On error nothing is changed.
 */
SKPI_API int skpi_definitions_add_goal(skpi_goal **out, skpi_definitions *defs, const char *id,
                                       const skpi_goal *goal);

/**
 * @brief Remove a goal; its pointer becomes invalid and later goals move down by one.
 * @param defs  the definitions
 * @param index 0 to skpi_definitions_goal_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ERANGE (index out of range)
 */
SKPI_API int skpi_definitions_remove_goal(skpi_definitions *defs, size_t index);

/** @brief The number of objectives (0 for NULL). */
SKPI_API size_t skpi_definitions_objective_count(const skpi_definitions *defs);

/**
 * @brief An objective, in the order of the document (then of
 *        skpi_definitions_add_objective()).
 * @param defs  the definitions
 * @param index 0 to skpi_definitions_objective_count() - 1
 * @return borrowed, valid until the objective is removed or the handle
 *         freed; NULL when defs is NULL or index is out of range
 */
SKPI_API skpi_objective *skpi_definitions_objective(const skpi_definitions *defs, size_t index);

/**
 * @brief The id of an objective.
 * @return borrowed like the objective; NULL when defs is NULL or index is out of range
 */
SKPI_API const char *skpi_definitions_objective_id(const skpi_definitions *defs, size_t index);

/**
 * @brief Find an objective by id.
 * @param out  receives its index
 * @param defs the definitions
 * @param id   the id
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_ENOTFOUND (no
 *         objective has that id: the message names it)
 */
SKPI_API int skpi_definitions_find_objective(size_t *out, const skpi_definitions *defs,
                                             const char *id);

/**
 * @brief Create a new objective in the definitions, as skpi_objective_new() does.
 *
 * Set it up with the functions of okr.h; align it with
 * skpi_objective_set_parent() under another objective of the definitions.
 * @param out   receives the objective, owned by the definitions (borrowed as
 *              skpi_definitions_objective() lends it); may be NULL
 * @param defs  the definitions
 * @param id    as for skpi_definitions_add_goal(), unique among the objectives; copied
 * @param title non-empty; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL defs, id or title); SKPI_EINVAL
 *         (malformed id, empty title); SKPI_EEXISTS (an objective has that
 *         id); SKPI_ENOMEM. On error nothing is changed.
 */
SKPI_API int skpi_definitions_add_objective(skpi_objective **out, skpi_definitions *defs,
                                            const char *id, const char *title);

/**
 * @brief Remove an objective with its key results; its pointer becomes
 *        invalid and later objectives move down by one.
 *
 * Objectives aligned under it become top-level objectives.
 * @param defs  the definitions
 * @param index 0 to skpi_definitions_objective_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ERANGE (index out of range)
 */
SKPI_API int skpi_definitions_remove_objective(skpi_definitions *defs, size_t index);

/**
 * @brief The number of report definitions (0 for NULL).
 *
 * Report definitions come from the `reports` member of a document; they
 * name their goals and objectives by id and are turned into report.h
 * handles by skpi_definitions_build_report().
 */
SKPI_API size_t skpi_definitions_report_count(const skpi_definitions *defs);

/**
 * @brief The id of a report definition.
 * @return borrowed, valid until the report definition is removed or the
 *         handle freed; NULL when defs is NULL or index is out of range
 */
SKPI_API const char *skpi_definitions_report_id(const skpi_definitions *defs, size_t index);

/**
 * @brief Find a report definition by id.
 * @param out  receives its index
 * @param defs the definitions
 * @param id   the id
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_ENOTFOUND (no report
 *         definition has that id: the message names it)
 */
SKPI_API int skpi_definitions_find_report(size_t *out, const skpi_definitions *defs, const char *id);

/**
 * @brief Build a report from a report definition, ready for skpi_report_assemble().
 *
 * The report gets the definition's title, audience, cadence, comparisons,
 * calendar, currency, channels, KPIs, sections, spot-check and top-post
 * settings and templates, the as-of time given here, copies of its goals
 * (every goal when the definition lists none), and its objectives (every
 * top-level objective when it lists none). Objectives are borrowed by the
 * report (see skpi_report_add_objective()): free the report before the
 * definitions, or before removing one of those objectives.
 * @param out   receives the report; free it with skpi_report_free(); untouched on error
 * @param defs  the definitions
 * @param index 0 to skpi_definitions_report_count() - 1
 * @param as_of the report's as-of time (skpi_report_set_as_of())
 * @return SKPI_OK; SKPI_EMISUSE (NULL out or defs); SKPI_ERANGE (index out
 *         of range, or as_of out of range); SKPI_ENOTFOUND (a goal or
 *         objective the definition names was removed since: the message
 *         names it); SKPI_ENOMEM
 */
SKPI_API int skpi_definitions_build_report(skpi_report **out, const skpi_definitions *defs,
                                           size_t index, skpi_time as_of);

/**
 * @brief Remove a report definition; later ones move down by one.
 * @param defs  the definitions
 * @param index 0 to skpi_definitions_report_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ERANGE (index out of range)
 */
SKPI_API int skpi_definitions_remove_report(skpi_definitions *defs, size_t index);

#ifdef SKPI_EXPERIMENTAL

/**
 * @brief Write one report definition as a JSON object: the schema's
 *        `reports[i]` (docs/definitions.md), as skpi_definitions_save_buffer()
 *        writes it inside a whole document.
 *
 * Experimental (`SKPI_EXPERIMENTAL`, docs/ABI.md): how a store or a host
 * keeps report definitions one by one.
 * @param out   receives the NUL-terminated text; free it with skpi_free();
 *              untouched on error
 * @param size  receives its length without the NUL; may be NULL
 * @param defs  the definitions
 * @param index 0 to skpi_definitions_report_count() - 1
 * @return SKPI_OK; SKPI_EMISUSE (NULL out or defs); SKPI_ERANGE (index out
 *         of range); SKPI_ENOMEM
 */
SKPI_API int skpi_definitions_report_save_buffer(char **out, size_t *size,
                                                 const skpi_definitions *defs, size_t index);

/**
 * @brief Add a report definition read from a JSON object as
 *        skpi_definitions_report_save_buffer() writes it.
 *
 * The goals and objectives it names need not be in the handle: as after
 * skpi_definitions_remove_goal(), building that report says which one is
 * missing, and skpi_definitions_check_references() finds them. Experimental
 * (`SKPI_EXPERIMENTAL`).
 * @param defs the definitions; the new report definition comes last
 * @param text the JSON text (need not be NUL-terminated); copied
 * @param size bytes of text
 * @return SKPI_OK; SKPI_EMISUSE (NULL defs or text); SKPI_EPARSE (not JSON,
 *         or not an object: the message gives the line and column);
 *         SKPI_EINVAL (a member is wrong: the message names it, e.g.
 *         "title: required"); SKPI_EEXISTS (a report definition with that id
 *         is there already); SKPI_ENOMEM. The handle is unchanged on error.
 */
SKPI_API int skpi_definitions_add_report_buffer(skpi_definitions *defs, const char *text,
                                                size_t size);

/**
 * @brief Check that every goal and objective a report definition names is
 *        in the handle, as skpi_definitions_save_buffer() does before it
 *        writes. Experimental (`SKPI_EXPERIMENTAL`).
 * @param defs the definitions
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_EINVAL (the message names the
 *         report and the goal or objective that is missing)
 */
SKPI_API int skpi_definitions_check_references(const skpi_definitions *defs);

/**
 * @brief The team of the definitions ("team": activities, people,
 *        capacity), to record hours in (experimental).
 *
 * Reports built from the definitions (skpi_definitions_build_report())
 * read it for their Resourcing section; hours added to it count there.
 * @param defs the definitions
 * @return the team, owned by the definitions; NULL when they have none
 */
SKPI_API skpi_effort *skpi_definitions_effort(skpi_definitions *defs);

/**
 * @brief Mark a channel as a competitor's in the definitions ("competitors"),
 *        or remove its mark (experimental).
 *
 * The definitions keep the marks (saved to the file and the store);
 * skpi_definitions_mark_competitors() applies them to a dataset.
 * @param defs       the definitions
 * @param channel    a channel key (`instagram:@rival`); copied
 * @param competitor the competitor's name as readers see it, 1 to
 *                   skpi_dataset_competitor_name_max() bytes without control
 *                   characters; copied. NULL removes the channel's mark.
 *                   A channel marked before changes its competitor and
 *                   keeps its place.
 * @return SKPI_OK; SKPI_EMISUSE (NULL defs or channel); SKPI_EINVAL (a
 *         malformed channel or name: the message says which); SKPI_ENOMEM.
 *         On error the definitions are unchanged.
 */
SKPI_API int skpi_definitions_set_competitor(skpi_definitions *defs, const char *channel,
                                             const char *competitor);

/** @brief The number of channels marked as competitors' (0 for NULL). */
SKPI_API size_t skpi_definitions_competitor_count(const skpi_definitions *defs);

/** @brief A marked channel's key, in the order first marked; borrowed until
 *         the marks change or the definitions are freed; NULL when out of range. */
SKPI_API const char *skpi_definitions_competitor_channel(const skpi_definitions *defs, size_t index);

/** @brief The competitor owning the marked channel at index; borrowed as
 *         skpi_definitions_competitor_channel(); NULL when out of range. */
SKPI_API const char *skpi_definitions_competitor_name(const skpi_definitions *defs, size_t index);

/**
 * @brief Mark the definitions' competitors' channels in a dataset, with
 *        skpi_dataset_set_competitor() (experimental).
 * @param defs the definitions
 * @param ds   the dataset
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_ENOMEM, after which every
 *         channel keeps the competitor it had before
 */
SKPI_API int skpi_definitions_mark_competitors(const skpi_definitions *defs, skpi_dataset *ds);

/**
 * @brief The definitions' industry benchmark table ("benchmarks") (experimental).
 *
 * skpi_definitions_build_report() hands it to a report whose definition
 * names an `industry` (skpi_report_set_benchmarks()).
 * @return the table, borrowed until skpi_definitions_set_benchmarks() or
 *         the definitions are freed; NULL when there is none
 */
SKPI_API const skpi_benchmarks *skpi_definitions_benchmarks(const skpi_definitions *defs);

/**
 * @brief Replace the definitions' benchmark table with a copy of one (experimental).
 * @param defs       the definitions
 * @param benchmarks the table, copied; NULL or an empty table removes it
 * @return SKPI_OK; SKPI_EMISUSE (NULL defs); SKPI_ENOMEM (the table is then
 *         unchanged)
 */
SKPI_API int skpi_definitions_set_benchmarks(skpi_definitions *defs, const skpi_benchmarks *benchmarks);

/**
 * @brief The number of campaigns in the definitions (`campaigns`,
 *        docs/definitions.md); 0 for NULL. Experimental.
 */
SKPI_API size_t skpi_definitions_campaign_count(const skpi_definitions *defs);

/** @brief A campaign's name, borrowed; NULL when out of range. Experimental. */
SKPI_API const char *skpi_definitions_campaign_name(const skpi_definitions *defs, size_t index);

/**
 * @brief Find a campaign by its name. Experimental.
 * @param out  receives its index
 * @param defs the definitions
 * @param name the campaign's name, exactly
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument); SKPI_ENOTFOUND (no campaign
 *         has that name: the message names it)
 */
SKPI_API int skpi_definitions_find_campaign(size_t *out, const skpi_definitions *defs, const char *name);

/**
 * @brief Build a campaign from its definition, its days read in a calendar
 *        (a report's, so that the campaign's days are the report's days).
 *        Experimental.
 * @param out   receives the campaign; free it with skpi_campaign_free(); untouched on error
 * @param defs  the definitions
 * @param index 0 to skpi_definitions_campaign_count() - 1
 * @param cal   the calendar whose days `from` and `to` name; NULL for UTC
 * @return SKPI_OK; SKPI_EMISUSE (NULL out or defs); SKPI_ERANGE (index out
 *         of range); SKPI_EINVAL (a day the calendar's zone cannot place);
 *         SKPI_ENOMEM
 */
SKPI_API int skpi_definitions_build_campaign(skpi_campaign **out, const skpi_definitions *defs, size_t index,
                                             const skpi_calendar *cal);

/**
 * @brief Remove a campaign; later ones move down by one. Experimental.
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ERANGE (index out of range)
 */
SKPI_API int skpi_definitions_remove_campaign(skpi_definitions *defs, size_t index);

/**
 * @brief Add a campaign read from a JSON object as the schema's
 *        `campaigns[i]` (docs/definitions.md). Experimental.
 * @param defs the definitions; the new campaign comes last
 * @param text the JSON text (need not be NUL-terminated); copied
 * @param size bytes of text
 * @return SKPI_OK; SKPI_EMISUSE (NULL defs or text); SKPI_EPARSE (not JSON,
 *         or not an object); SKPI_EINVAL (a member is wrong: the message
 *         names it); SKPI_EEXISTS (a campaign with that name is there
 *         already); SKPI_ENOMEM. The handle is unchanged on error.
 */
SKPI_API int skpi_definitions_add_campaign_buffer(skpi_definitions *defs, const char *text, size_t size);

/**
 * @brief Write one campaign as a JSON object, as it is kept. Experimental.
 * @param out   receives the NUL-terminated text; free it with skpi_free()
 * @param size  receives its length without the NUL; may be NULL
 * @param defs  the definitions
 * @param index 0 to skpi_definitions_campaign_count() - 1
 * @return SKPI_OK; SKPI_EMISUSE; SKPI_ERANGE; SKPI_ENOMEM
 */
SKPI_API int skpi_definitions_campaign_save_buffer(char **out, size_t *size, const skpi_definitions *defs,
                                                   size_t index);

#endif /* SKPI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_DEFINITIONS_H */
