/**
 * @file socialkpi/store.h
 * @brief The store: durable history in one SQLite file (series points per
 *        metric and channel, posts with their metric values, custom
 *        metrics), that doubles as a data source for datasets.
 *
 * Since schema version 2 it also keeps SMART goals, objectives with their
 * key results and check-in history (as a definitions.h handle holds them),
 * report definitions and the runs of each report.
 *
 * A store is one SQLite database file in WAL mode. Its schema version is
 * kept in the file and migrated forward when a read-write handle opens it; a
 * file written by a newer library is refused with ::SKPI_EVERSION, a file
 * that is not a store with ::SKPI_EINVAL, and in both cases nothing is
 * written to it.
 *
 * **Durability**: every write function is one transaction of its own, or
 * joins the transaction opened with skpi_store_begin(). A transaction is
 * all or nothing and is on disk when its commit returns (SQLite
 * `synchronous=FULL`): a process killed at any instant leaves the store at
 * its last committed state.
 *
 * **Concurrency**: any number of handles, in any number of processes, may
 * read while one writes; readers see the last committed state and never
 * wait. Writers take turns: a writer that finds another one busy waits up
 * to the busy timeout (skpi_store_options), then fails with ::SKPI_EIO
 * ("locked") and writes nothing. A handle is used by one thread at a time.
 *
 * **Memory**: the library's own allocations go through its allocator
 * (skpi_set_allocator()); SQLite's allocations go through SQLite's own
 * allocator, which the library never replaces because the host may use
 * SQLite too. An SQLite allocation failure still returns ::SKPI_ENOMEM.
 *
 * docs/store.md describes the schema, the migrations and the guarantees.
 */
#ifndef SOCIALKPI_STORE_H
#define SOCIALKPI_STORE_H

#include "socialkpi/common.h"
#include "socialkpi/series.h"
#include "socialkpi/metrics.h"
#include "socialkpi/source.h"
#include "socialkpi/dataset.h"
#include "socialkpi/goal.h"
#include "socialkpi/okr.h"
#include "socialkpi/definitions.h"
#include "socialkpi/effort.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief An open store (opaque). */
typedef struct skpi_store skpi_store;

/**
 * @brief How to open a store.
 *
 * Versioned struct: set `version` to ::SKPI_STORE_OPTIONS_VERSION and the
 * defaults with ::SKPI_STORE_OPTIONS_INIT or skpi_store_options_init(). It
 * only grows at its end.
 */
typedef struct skpi_store_options {
    unsigned version;    /**< ::SKPI_STORE_OPTIONS_VERSION */
    int read_only;       /**< non-zero: open for reading only (default 0); writes then fail with ::SKPI_EMISUSE */
    int create;          /**< non-zero: create the file when it does not exist (default 1) */
    int busy_timeout_ms; /**< how long to wait for another process's lock, in milliseconds (default 5000; 0 = not at all) */
} skpi_store_options;

/** @brief The current version of ::skpi_store_options. */
#define SKPI_STORE_OPTIONS_VERSION 1
/** @brief Static initializer for ::skpi_store_options with the defaults. */
#define SKPI_STORE_OPTIONS_INIT { SKPI_STORE_OPTIONS_VERSION, 0, 1, 5000 }

/**
 * @brief Initialise an options struct with the defaults (for bindings that
 *        cannot use the macro): read-write, create, 5000 ms busy timeout.
 * @param opts    the struct to fill
 * @param version ::SKPI_STORE_OPTIONS_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION (unknown version)
 */
SKPI_API int skpi_store_options_init(skpi_store_options *opts, unsigned version);

/**
 * @brief The schema version this library writes (and migrates older stores to).
 *
 * Stores of an older version are migrated when opened read-write; newer
 * ones are refused.
 */
SKPI_API int skpi_store_schema_version(void);

/**
 * @brief Open a store, creating it when asked to.
 *
 * A missing file (with `create` set) or an empty file becomes a new store. An
 * existing store of an older schema version is migrated forward in one
 * transaction (read-write only). Nothing is written to a file that is
 * refused.
 * @param out  receives the handle; close it with skpi_store_free()
 * @param path file name (a plain path; not an SQLite URI); copied
 * @param opts options, or NULL for the defaults
 * @return SKPI_OK;
 *         SKPI_EMISUSE (out or path NULL);
 *         SKPI_EVERSION (unknown options version; the store's schema is newer
 *         than this library's; an older store opened read-only, which would
 *         need a migration);
 *         SKPI_EINVAL (the file is not an SQLite database, or is one but not
 *         a store; a negative busy timeout);
 *         SKPI_ENOTFOUND (the file does not exist and `create` is 0, or it
 *         is read-only and does not exist);
 *         SKPI_EIO (cannot open or write the file: permissions, a read-only
 *         file opened read-write, disk full, locked past the busy timeout;
 *         the message says which);
 *         SKPI_ENOMEM
 */
SKPI_API int skpi_store_open(skpi_store **out, const char *path, const skpi_store_options *opts);

/**
 * @brief Close a store. NULL is allowed and does nothing.
 *
 * A transaction still open with skpi_store_begin() is rolled back.
 */
SKPI_API void skpi_store_free(skpi_store *st);

/**
 * @brief Open a transaction that the following writes join.
 *
 * Until skpi_store_commit(), writes of this handle are invisible to other
 * handles and other writers wait. Each write function stays all or nothing
 * on its own inside the transaction.
 * @param st the store, opened read-write
 * @return SKPI_OK; SKPI_EMISUSE (NULL, read-only store, a transaction is
 *         already open); SKPI_EIO (locked past the busy timeout); SKPI_ENOMEM
 */
SKPI_API int skpi_store_begin(skpi_store *st);

/**
 * @brief Commit the transaction opened with skpi_store_begin().
 *
 * When this returns SKPI_OK the writes are on disk. When it fails the
 * transaction is rolled back: the store is as before skpi_store_begin().
 * @param st the store
 * @return SKPI_OK; SKPI_EMISUSE (NULL, no transaction open); SKPI_EIO
 *         (disk full, I/O error, or an earlier failure inside the
 *         transaction made SQLite roll it back); SKPI_ENOMEM
 */
SKPI_API int skpi_store_commit(skpi_store *st);

/**
 * @brief Roll back the transaction opened with skpi_store_begin().
 * @param st the store
 * @return SKPI_OK; SKPI_EMISUSE (NULL, no transaction open)
 */
SKPI_API int skpi_store_rollback(skpi_store *st);

/**
 * @brief Write points of a metric on a channel.
 *
 * Points at times already stored replace them (last wins); within the call,
 * a repeated time keeps the last value in array order. The points need not
 * be sorted. NaN values are stored as missing points (a NaN replaces an
 * earlier value). All or nothing.
 * @param st      the store, opened read-write
 * @param metric  metric key: a lowercase ASCII letter, then lowercase
 *                letters, digits and `_`, at most skpi_metric_key_max() bytes
 * @param channel channel key `network:account` (the rules of dataset.h)
 * @param times   n times from skpi_time_min() to skpi_time_max()
 * @param values  n values; NaN = missing; infinities are rejected
 * @param n       number of points, at least 1
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument, read-only store);
 *         SKPI_EINVAL (malformed metric or channel, n = 0, an infinite
 *         value: the message gives its index); SKPI_ERANGE (a time out of
 *         range: the message gives its index); SKPI_EIO (disk full, I/O
 *         error, locked past the busy timeout, a damaged store); SKPI_ENOMEM
 */
SKPI_API int skpi_store_write_points(skpi_store *st, const char *metric, const char *channel,
                                     const skpi_time *times, const double *values, size_t n);

/**
 * @brief Write every point of a series (its metric and channel keys name
 *        the stored series), as skpi_store_write_points() does.
 * @param st the store, opened read-write
 * @param s  the series; an empty series writes nothing and succeeds
 * @return as skpi_store_write_points()
 */
SKPI_API int skpi_store_write_series(skpi_store *st, const skpi_series *s);

/**
 * @brief Read the points of a metric on a channel inside a period.
 * @param out     receives a new series holding the points in `[start, end)`
 *                (none is a valid answer); free it with skpi_series_free()
 * @param st      the store
 * @param metric  the metric key
 * @param channel the channel key
 * @param period  `[start, end)`, start <= end
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument); SKPI_EINVAL (end before
 *         start); SKPI_ENOTFOUND (the store has no series of that metric on
 *         that channel); SKPI_EIO (I/O error, a damaged store); SKPI_ENOMEM
 */
SKPI_API int skpi_store_read_series(skpi_series **out, skpi_store *st, const char *metric,
                                    const char *channel, skpi_period period);

/**
 * @brief Add a post, or update the post with the same channel and id.
 *
 * Updating replaces the publication time, type, text and link and keeps the
 * post's metric values, as skpi_dataset_add_post() does.
 * @param st        the store, opened read-write
 * @param channel   the channel key
 * @param id        the network's post id, non-empty
 * @param published publication time
 * @param type      e.g. "photo"; NULL or "" for none
 * @param text      the post's text; NULL or "" for none
 * @param link      permalink; NULL or "" for none
 * @return SKPI_OK; SKPI_EMISUSE (NULL st, channel or id, read-only store);
 *         SKPI_EINVAL (malformed channel, empty id); SKPI_ERANGE (time out
 *         of range); SKPI_EIO; SKPI_ENOMEM
 */
SKPI_API int skpi_store_write_post(skpi_store *st, const char *channel, const char *id,
                                   skpi_time published, const char *type, const char *text,
                                   const char *link);

/**
 * @brief Set one metric value of a stored post (replacing an earlier one).
 * @param st      the store, opened read-write
 * @param channel the post's channel
 * @param id      the post's id
 * @param metric  a metric key
 * @param value   the value; NaN clears it
 * @return SKPI_OK; SKPI_EMISUSE (NULL, read-only store); SKPI_ENOTFOUND (no
 *         such post); SKPI_EINVAL (malformed metric key, infinite value);
 *         SKPI_EIO; SKPI_ENOMEM
 */
SKPI_API int skpi_store_write_post_value(skpi_store *st, const char *channel, const char *id,
                                         const char *metric, double value);

/**
 * @brief Save the host's metric definitions of a catalog.
 *
 * Saves every metric the host added (key, label, description, unit,
 * direction, kind, formula) and every built-in metric whose label,
 * description or formula the host replaced; a built-in metric back at its
 * built-in definition loses its saved replacement. Metrics saved earlier and
 * absent from `cat` stay. One transaction.
 * @param st  the store, opened read-write
 * @param cat the catalog (the built-in catalog saves nothing)
 * @return SKPI_OK; SKPI_EMISUSE (NULL, read-only store); SKPI_EIO; SKPI_ENOMEM
 */
SKPI_API int skpi_store_write_catalog(skpi_store *st, const skpi_catalog *cat);

/**
 * @brief A catalog made of a base catalog and the metric definitions saved
 *        in the store.
 * @param out  receives the catalog; free it with skpi_catalog_free()
 * @param st   the store
 * @param base the catalog to start from; NULL means skpi_catalog_builtin()
 * @return SKPI_OK; SKPI_EMISUSE (NULL out or st); SKPI_EEXISTS (base defines
 *         a saved metric with another kind, unit or direction); SKPI_EIO (I/O
 *         error, or a saved definition the catalog rejects: the message names
 *         it); SKPI_ENOMEM
 */
SKPI_API int skpi_store_read_catalog(skpi_catalog **out, skpi_store *st, const skpi_catalog *base);

/**
 * @brief Save a dataset's series and posts, in one transaction.
 *
 * Every series of a flow or stock on every channel of the dataset is written
 * as skpi_store_write_series() does, every post as skpi_store_write_post()
 * with its flow values, and its stock values where they differ from what the
 * post would read from its channel's series. The catalog is not saved (see
 * skpi_store_write_catalog()).
 * @param st the store, opened read-write
 * @param ds the dataset
 * @return SKPI_OK; SKPI_EMISUSE (NULL, read-only store); SKPI_EIO; SKPI_ENOMEM
 */
SKPI_API int skpi_store_write_dataset(skpi_store *st, const skpi_dataset *ds);

/**
 * @brief Load series points and posts of a period into a new dataset.
 *
 * The dataset knows every channel of the store, holds the points inside
 * `period` of every stored series whose metric is a flow or stock of the
 * catalog, and the posts published inside `period` with their values of
 * flows and stocks of the catalog. Series and post values of other metrics
 * stay in the store and are not loaded.
 * @param out     receives the dataset; free it with skpi_dataset_free()
 * @param st      the store
 * @param catalog the dataset's catalog (copied by the dataset); NULL means the
 *                built-in catalog plus the store's saved metrics
 *                (skpi_store_read_catalog())
 * @param period  `[start, end)`, start < end; {skpi_time_min(),
 *                skpi_time_max() + 1} loads everything
 * @return SKPI_OK; SKPI_EMISUSE (NULL out or st); SKPI_EINVAL (end <= start);
 *         SKPI_EIO; SKPI_ENOMEM; the errors of skpi_store_read_catalog()
 */
SKPI_API int skpi_store_read_dataset(skpi_dataset **out, skpi_store *st,
                                     const skpi_catalog *catalog, skpi_period period);

/**
 * @brief A new dataset that reads series from the store on demand.
 *
 * The dataset knows every channel of the store, holds the posts published
 * inside `posts` with their values, and has the store attached as its
 * source (skpi_store_source()), so a query reads only the (metric, channel,
 * period) it needs. The store must stay open as long as the dataset may be
 * queried.
 * @param out     receives the dataset; free it with skpi_dataset_free()
 * @param st      the store
 * @param catalog as for skpi_store_read_dataset()
 * @param posts   publication period of the posts to load; an empty period
 *                ({0, 0}) loads none
 * @return SKPI_OK; SKPI_EMISUSE (NULL out or st); SKPI_EINVAL (end before
 *         start); SKPI_EIO; SKPI_ENOMEM; the errors of skpi_store_read_catalog()
 */
SKPI_API int skpi_store_open_dataset(skpi_dataset **out, skpi_store *st,
                                     const skpi_catalog *catalog, skpi_period posts);

/**
 * @brief The store as a data source for skpi_dataset_set_source().
 *
 * Each fetch reads the points of the requested (metric, channel, period)
 * from the store; a series the store does not hold yields no points. On an
 * error the fetch stops the query with the store's message. The store must
 * stay open as long as a dataset may call the source.
 * @param out receives the callback table (userdata = st)
 * @param st  the store
 * @return SKPI_OK, SKPI_EMISUSE (NULL)
 */
SKPI_API int skpi_store_source(skpi_source *out, skpi_store *st);

/**
 * @brief Check a store: SQLite's `PRAGMA integrity_check` and the encoding
 *        of every stored chunk of points.
 * @param st the store
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_EIO (the first problem found);
 *         SKPI_ENOMEM
 */
SKPI_API int skpi_store_check(skpi_store *st);

/* ------------------------------------------------------------------ */
/* Goals, objectives, check-ins and report definitions (schema 2, 3)  */
/* ------------------------------------------------------------------ */

/**
 * @brief Save definitions: their catalog's host metrics, every goal, every
 *        objective and every report definition, in one transaction.
 *
 * Goals, objectives and report definitions are saved under their ids,
 * replacing what the store holds under the same id (an objective's key
 * results, curve and check-ins included); those the store holds under other
 * ids stay. The catalog is saved as skpi_store_write_catalog() does. An
 * objective's alignment is saved as its parent's id, its weight and its
 * place among the parent's children. A report definition is saved as its
 * JSON text (the `reports[i]` object of docs/definitions-schema.json), which
 * skpi_store_read_report_definition() returns too (since schema version 3).
 * @param st   the store, opened read-write
 * @param defs the definitions
 * @return SKPI_OK; SKPI_EMISUSE (NULL, read-only store); SKPI_EINVAL (an
 *         objective is aligned under an objective that is not part of
 *         `defs`, or a report definition names a goal or objective that is
 *         not: nothing is written); SKPI_EIO; SKPI_ENOMEM
 */
SKPI_API int skpi_store_write_definitions(skpi_store *st, const skpi_definitions *defs);

/**
 * @brief Build definitions from everything the store holds: the saved
 *        metrics on top of a base catalog, every goal and every objective
 *        with its key results, check-ins and alignment, and every report
 *        definition saved by skpi_store_write_definitions().
 *
 * Goals, objectives and report definitions come in the order they were
 * first saved. Texts saved with skpi_store_write_report_definition() are
 * the host's own and are left out. A report definition that names a goal or
 * objective deleted since is read all the same; building it
 * (skpi_definitions_build_report()) names the missing one, as after
 * skpi_definitions_remove_goal().
 * @param out  receives the definitions; free them with skpi_definitions_free()
 * @param st   the store
 * @param base the catalog to start from; NULL means skpi_catalog_builtin()
 * @return SKPI_OK; SKPI_EMISUSE (NULL out or st); SKPI_EEXISTS (as
 *         skpi_store_read_catalog()); SKPI_EIO (I/O error, or a saved goal,
 *         objective or report definition the library rejects: the message
 *         names it);
 *         SKPI_ENOMEM
 */
SKPI_API int skpi_store_read_definitions(skpi_definitions **out, skpi_store *st,
                                         const skpi_catalog *base);

/**
 * @brief Delete a saved goal with its milestones.
 * @param st the store, opened read-write
 * @param id the goal's id
 * @return SKPI_OK, SKPI_EMISUSE (NULL, read-only store), SKPI_ENOTFOUND (no
 *         such goal), SKPI_EIO
 */
SKPI_API int skpi_store_delete_goal(skpi_store *st, const char *id);

/**
 * @brief Delete a saved objective with its key results and check-ins.
 *
 * Objectives aligned under it become top-level objectives.
 * @param st the store, opened read-write
 * @param id the objective's id
 * @return SKPI_OK, SKPI_EMISUSE (NULL, read-only store), SKPI_ENOTFOUND (no
 *         such objective), SKPI_EIO
 */
SKPI_API int skpi_store_delete_objective(skpi_store *st, const char *id);

/**
 * @brief Append one check-in to a saved key result, without loading and
 *        saving the whole definitions.
 *
 * The rules are those of skpi_key_result_add_checkin().
 * @param st         the store, opened read-write
 * @param objective  the objective's id
 * @param key_result the key result's index in the objective
 * @param time       when, from skpi_time_min() to skpi_time_max()
 * @param value      finite or NaN (none); 0 to 1 for a milestone
 * @param confidence 0 to 1, or NaN for none
 * @param note       any text, or NULL
 * @return SKPI_OK; SKPI_EMISUSE (NULL st or objective, read-only store);
 *         SKPI_ENOTFOUND (no such objective or key result); SKPI_EINVAL
 *         (infinite value); SKPI_ERANGE (time, confidence or milestone
 *         completion out of range); SKPI_EDUPLICATE (a check-in at that time
 *         exists); SKPI_EIO; SKPI_ENOMEM
 */
SKPI_API int skpi_store_add_checkin(skpi_store *st, const char *objective, size_t key_result,
                                    skpi_time time, double value, double confidence,
                                    const char *note);

/**
 * @brief Append one check-in with who made it (schema version 6).
 *
 * As skpi_store_add_checkin(), with the author kept beside the note.
 * @param st         the store, opened read-write
 * @param objective  the objective's id
 * @param key_result the key result's index in the objective
 * @param time       when, from skpi_time_min() to skpi_time_max()
 * @param value      finite or NaN (none); 0 to 1 for a milestone
 * @param confidence 0 to 1, or NaN for none
 * @param note       any text, or NULL
 * @param author     who checked in, any text, or NULL for not said
 * @return as skpi_store_add_checkin()
 */
SKPI_API int skpi_store_add_checkin_by(skpi_store *st, const char *objective, size_t key_result,
                                       skpi_time time, double value, double confidence,
                                       const char *note, const char *author);

/* ------------------------------------------------------------------ */
/* Report definitions and runs (schema version 2)                      */
/* ------------------------------------------------------------------ */

/**
 * @brief Save a report definition under an id, replacing an earlier one.
 *
 * The store keeps the definition as text (for instance the JSON the report
 * module writes) without interpreting it: skpi_store_read_definitions()
 * leaves it out, also when it replaces a report definition that
 * skpi_store_write_definitions() saved under the same id.
 * @param st         the store, opened read-write
 * @param id         1 to 64 bytes of ASCII letters, digits, `_`, `-` and `.`
 * @param definition the definition's text, UTF-8; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL, read-only store); SKPI_EINVAL
 *         (malformed id); SKPI_EIO; SKPI_ENOMEM
 */
SKPI_API int skpi_store_write_report_definition(skpi_store *st, const char *id,
                                                const char *definition);

/**
 * @brief Read a saved report definition.
 * @param out receives the text; free it with skpi_free()
 * @param st  the store
 * @param id  the definition's id
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ENOTFOUND (no such definition),
 *         SKPI_EIO, SKPI_ENOMEM
 */
SKPI_API int skpi_store_read_report_definition(char **out, skpi_store *st, const char *id);

/**
 * @brief One run of a report: which definition, as of when, in which format,
 *        and the rendered output (its SHA-256 always, its bytes optionally).
 *
 * Versioned struct: set `version` to ::SKPI_STORE_RUN_VERSION (or use
 * ::SKPI_STORE_RUN_INIT / skpi_store_run_init()). It only grows at its end.
 * Used to add a run (skpi_store_add_run()) and to read one back
 * (skpi_store_runs_get()).
 */
typedef struct skpi_store_run {
    unsigned version;       /**< ::SKPI_STORE_RUN_VERSION */
    int64_t id;             /**< read back: the run's id (ignored when adding) */
    const char *definition; /**< the id of a saved report definition */
    skpi_time as_of;        /**< the report's as-of time */
    skpi_time generated_at; /**< the "generated at" time the report was rendered with */
    const char *format;     /**< the output format, e.g. "html"; 1 to 32 bytes without control characters */
    const void *output;     /**< adding: the rendered bytes (NULL allowed when size is 0); read back: NULL */
    size_t size;            /**< the number of bytes of output */
    int keep_output;        /**< adding: non-zero keeps the bytes in the store; read back: whether they were kept */
    char sha256[65];        /**< read back: SHA-256 of the output, 64 lowercase hex digits (ignored when adding) */
} skpi_store_run;

/** @brief The current version of ::skpi_store_run. */
#define SKPI_STORE_RUN_VERSION 1
/** @brief Static initializer for ::skpi_store_run. */
#define SKPI_STORE_RUN_INIT { SKPI_STORE_RUN_VERSION, 0, NULL, 0, 0, NULL, NULL, 0, 0, "" }

/**
 * @brief Initialise a run struct (for bindings that cannot use the macro).
 * @param run     the struct to clear and stamp
 * @param version ::SKPI_STORE_RUN_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION (unknown version)
 */
SKPI_API int skpi_store_run_init(skpi_store_run *run, unsigned version);

/**
 * @brief Record a run of a report.
 * @param out receives the run's id (increasing with each run); may be NULL
 * @param st  the store, opened read-write
 * @param run the run; its strings and output are copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL st or run, NULL definition or format,
 *         NULL output with size > 0, read-only store); SKPI_EVERSION (unknown
 *         struct version); SKPI_EINVAL (malformed format); SKPI_ERANGE
 *         (a time out of range); SKPI_ENOTFOUND (no such report
 *         definition); SKPI_EIO; SKPI_ENOMEM
 */
SKPI_API int skpi_store_add_run(int64_t *out, skpi_store *st, const skpi_store_run *run);

/** @brief A list of report runs read from a store (opaque). */
typedef struct skpi_store_runs skpi_store_runs;

/**
 * @brief The runs of a report definition (or of every definition) whose
 *        as-of time lies in a period, oldest as-of first (then by id).
 * @param out        receives the list; free it with skpi_store_runs_free()
 * @param st         the store
 * @param definition a definition's id, or NULL for all
 * @param as_of      `[start, end)` of the as-of times, start <= end
 * @return SKPI_OK (also when none match); SKPI_EMISUSE (NULL out or st);
 *         SKPI_EINVAL (end before start); SKPI_EIO; SKPI_ENOMEM
 */
SKPI_API int skpi_store_list_runs(skpi_store_runs **out, skpi_store *st, const char *definition,
                                  skpi_period as_of);

/** @brief Free a list of runs. NULL is allowed and does nothing. */
SKPI_API void skpi_store_runs_free(skpi_store_runs *runs);

/** @brief The number of runs in a list (0 for NULL). */
SKPI_API size_t skpi_store_runs_count(const skpi_store_runs *runs);

/**
 * @brief One run of a list.
 * @param out   receives the run (its version must be set); its strings are
 *              borrowed from the list, valid until the list is freed;
 *              `output` is NULL: read the bytes with skpi_store_read_output()
 * @param runs  the list
 * @param index 0 to skpi_store_runs_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION (unknown struct
 *         version), SKPI_ERANGE (index out of range)
 */
SKPI_API int skpi_store_runs_get(skpi_store_run *out, const skpi_store_runs *runs, size_t index);

/**
 * @brief The rendered bytes of a run that kept them.
 * @param out  receives the bytes (a NUL follows them, not counted); free
 *             them with skpi_free()
 * @param size receives their number
 * @param st   the store
 * @param run  the run's id
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ENOTFOUND (no such run, or its
 *         output was not kept), SKPI_EIO, SKPI_ENOMEM
 */
SKPI_API int skpi_store_read_output(void **out, size_t *size, skpi_store *st, int64_t run);

/* ------------------------------------------------------------------ */
/* Deliveries of reports (schema version 4)                            */
/* ------------------------------------------------------------------ */

/** @brief Where a recorded delivery stands. Values are fixed for ever. */
typedef enum skpi_delivery_status {
    SKPI_DELIVERY_SENDING = 0, /**< begun, not ended (or cut off by a crash) */
    SKPI_DELIVERY_SENT = 1,    /**< the server accepted it */
    SKPI_DELIVERY_FAILED = 2   /**< it failed; `message` says why */
} skpi_delivery_status;

/**
 * @brief One delivery of a report: which report, for which period, in what
 *        form, to whom, with what result.
 *
 * Versioned struct: set `version` to ::SKPI_STORE_DELIVERY_VERSION (or use
 * ::SKPI_STORE_DELIVERY_INIT / skpi_store_delivery_init()). It only grows at
 * its end. Used to begin a delivery (skpi_store_begin_delivery()) and to
 * read one back (skpi_store_deliveries_get()).
 */
typedef struct skpi_store_delivery {
    unsigned version;       /**< ::SKPI_STORE_DELIVERY_VERSION */
    int64_t id;             /**< read back: the delivery's id */
    const char *report;     /**< the report's id, 1 to 64 bytes */
    skpi_period period;     /**< the period the report covers (skpi_report_period()) */
    const char *format;     /**< what was sent ("html+text,pdf", "digest:slack"); 1 to 64 bytes */
    const char *channel;    /**< how: "email", "webhook"; 1 to 32 bytes */
    /**
     * To whom, as it may be shown and kept: the recipients, or the URL
     * without its secret path (skpi_deliver_redact_url()); 1 to 1000 bytes.
     */
    const char *target;
    /**
     * Adding: the full target, secrets and all, to tell two targets apart
     * that are shown alike; only its SHA-256 is kept. NULL: `target`.
     * Read back: that SHA-256, 64 lowercase hex digits.
     */
    const char *target_key;
    int status;             /**< read back: an ::skpi_delivery_status */
    const char *message;    /**< read back: why it failed; "" otherwise */
    skpi_time started;      /**< when the delivery began (the host's clock) */
    skpi_time finished;     /**< read back: when it ended; 0 while sending */
} skpi_store_delivery;

/** @brief The current version of ::skpi_store_delivery. */
#define SKPI_STORE_DELIVERY_VERSION 1
/** @brief Static initializer for ::skpi_store_delivery. */
#define SKPI_STORE_DELIVERY_INIT { SKPI_STORE_DELIVERY_VERSION, 0, NULL, { 0, 0 }, NULL, NULL, NULL, \
    NULL, 0, NULL, 0, 0 }

/**
 * @brief Initialise a delivery struct (for bindings that cannot use the macro).
 * @param delivery the struct to clear and stamp
 * @param version  ::SKPI_STORE_DELIVERY_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION (unknown version)
 */
SKPI_API int skpi_store_delivery_init(skpi_store_delivery *delivery, unsigned version);

/**
 * @brief Record that a delivery begins, unless the report already went to
 *        the same target for the same period.
 *
 * In one write transaction: when a delivery of the same report, period
 * and target (by `target_key`) was sent, or began less than 15 minutes
 * before `started` and has not ended, nothing is recorded and
 * ::SKPI_EEXISTS is returned, the message saying when; so a scheduler that
 * fires twice sends once, also when both fire at the same moment. A
 * delivery that began longer ago and never ended (a crash) no longer holds
 * others back. End it with skpi_store_end_delivery().
 * @param out      receives the delivery's id
 * @param st       the store, opened read-write
 * @param delivery the delivery; its strings are copied
 * @param force    non-zero records it even when it was sent before
 * @return SKPI_OK; SKPI_EEXISTS (sent before, or being sent);
 *         SKPI_EMISUSE (NULL argument or string, read-only store);
 *         SKPI_EVERSION; SKPI_EINVAL (an empty or too long string, a
 *         control character, a period that ends before it starts);
 *         SKPI_ERANGE (a time out of range); SKPI_EIO; SKPI_ENOMEM
 */
SKPI_API int skpi_store_begin_delivery(int64_t *out, skpi_store *st, const skpi_store_delivery *delivery,
                                       int force);

/**
 * @brief Record how a delivery ended.
 * @param st       the store, opened read-write
 * @param id       the id from skpi_store_begin_delivery()
 * @param status   ::SKPI_DELIVERY_SENT or ::SKPI_DELIVERY_FAILED
 * @param message  why it failed (skpi_last_error() of the send); NULL or "" when sent; copied
 * @param finished when it ended
 * @return SKPI_OK; SKPI_EMISUSE (NULL store, read-only store); SKPI_EINVAL
 *         (another status); SKPI_ERANGE; SKPI_ENOTFOUND (no such delivery,
 *         or it ended already); SKPI_EIO; SKPI_ENOMEM
 */
SKPI_API int skpi_store_end_delivery(skpi_store *st, int64_t id, int status, const char *message,
                                     skpi_time finished);

/** @brief A list of recorded deliveries (opaque). */
typedef struct skpi_store_deliveries skpi_store_deliveries;

/**
 * @brief The deliveries of a report (or of every report) that began in a
 *        period, oldest first.
 * @param out     receives the list; free it with skpi_store_deliveries_free()
 * @param st      the store
 * @param report  a report's id, or NULL for all
 * @param started `[start, end)` of the times the deliveries began
 * @return SKPI_OK (also when none match); SKPI_EMISUSE; SKPI_EINVAL (end
 *         before start); SKPI_EIO; SKPI_ENOMEM
 */
SKPI_API int skpi_store_list_deliveries(skpi_store_deliveries **out, skpi_store *st, const char *report,
                                        skpi_period started);

/** @brief Free a list of deliveries. NULL is allowed and does nothing. */
SKPI_API void skpi_store_deliveries_free(skpi_store_deliveries *list);

/** @brief The number of deliveries in a list (0 for NULL). */
SKPI_API size_t skpi_store_deliveries_count(const skpi_store_deliveries *list);

/**
 * @brief One delivery of a list.
 * @param out   receives it (its version must be set); its strings are
 *              borrowed from the list, valid until the list is freed
 * @param list  the list
 * @param index 0 to skpi_store_deliveries_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EVERSION, SKPI_ERANGE
 */
SKPI_API int skpi_store_deliveries_get(skpi_store_delivery *out, const skpi_store_deliveries *list,
                                       size_t index);

#ifdef SKPI_EXPERIMENTAL
/**
 * @brief Keep a team's effort entries from `first` on, in one transaction
 *        (experimental).
 * @param st    the store, opened for writing
 * @param e     the effort handle
 * @param first the first entry to write (those before it are stored already)
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE (first past the entries),
 *         SKPI_EIO (the store refused; nothing was written), SKPI_ENOMEM
 */
SKPI_API int skpi_store_write_effort(skpi_store *st, const skpi_effort *e, size_t first);

/**
 * @brief Add the stored effort entries to a handle, all or nothing
 *        (experimental).
 *
 * Each entry is checked as skpi_effort_add_hours() does: an entry of an
 * activity the handle no longer has stops the read with its message.
 * @param st the store
 * @param e  the handle, with the team's activities
 * @return SKPI_OK, SKPI_EMISUSE, the codes of skpi_effort_add_hours(),
 *         SKPI_EIO, SKPI_ENOMEM
 */
SKPI_API int skpi_store_read_effort(skpi_store *st, skpi_effort *e);
#endif

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_STORE_H */
