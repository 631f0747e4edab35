/**
 * @file socialkpi/import.h
 * @brief Importers for real analytics exports (CSV): X, Meta, LinkedIn,
 *        YouTube, TikTok, Sprout Social, customer-care exports (messages,
 *        Zendesk tickets, response-time bins) and two generic layouts.
 *
 * An import reads one file (or a buffer holding one), finds its header row,
 * chooses a preset by the header's column names (never their positions) or
 * uses the preset the host names, and writes series points and posts into a
 * dataset. docs/import.md lists every preset's expected header and how each
 * column maps onto catalog metrics.
 *
 * **All or nothing.** Everything read from a file is staged first and only
 * written into the dataset once the whole file has parsed: a malformed file
 * returns ::SKPI_EPARSE (the message names the file, the line and the
 * column, i.e. the field's position in its record) and leaves the dataset as
 * it was.
 *
 * **Text.** UTF-8 with or without a BOM and UTF-16 LE/BE with a BOM are read;
 * a first line `sep=X` sets the delimiter; title and metric-name lines above
 * the header are skipped. Numbers are read the same whatever `setlocale()`
 * says: `1,234` is 1234, `12.5%` is 12.5 (a percent metric) or 0.125 (a ratio
 * metric), and `-`, `–`, `undefined`, `NA` and empty fields are missing
 * values (NaN), never zero.
 *
 * **Memory.** The reader streams: its memory is bounded by the longest field
 * (at most 16 MiB) and record, not by the file. What is staged grows with the
 * data imported, as the dataset would anyway.
 */
#ifndef SOCIALKPI_IMPORT_H
#define SOCIALKPI_IMPORT_H

#include "socialkpi/common.h"
#include "socialkpi/calendar.h"
#include "socialkpi/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Export formats the importer knows. Values are fixed for ever. */
typedef enum skpi_import_preset {
    SKPI_IMPORT_AUTO = 0,              /**< choose by the header's column names */
    SKPI_IMPORT_X_TWEETS = 1,          /**< X legacy tweet-level export `tweet_activity_metrics_*` (40 columns) */
    SKPI_IMPORT_X_DAILY = 2,           /**< X legacy daily export `daily_tweet_activity_metrics_*` (38 columns) */
    SKPI_IMPORT_X_CONTENT = 3,         /**< X 2024+ content (per post) export */
    SKPI_IMPORT_X_OVERVIEW = 4,        /**< X 2024+ account overview (per day) export */
    SKPI_IMPORT_FACEBOOK_POSTS = 5,    /**< Meta Business Suite Facebook post export */
    SKPI_IMPORT_INSTAGRAM_POSTS = 6,   /**< Meta Business Suite Instagram post export */
    SKPI_IMPORT_META_DAILY = 7,        /**< Meta daily page file (`"Date","Primary"` under a metric name) */
    SKPI_IMPORT_LINKEDIN_METRICS = 8,  /**< LinkedIn page analytics `Metrics` sheet saved as CSV */
    SKPI_IMPORT_YOUTUBE_TABLE = 9,     /**< YouTube Studio `Table data.csv` by date */
    SKPI_IMPORT_YOUTUBE_CHART = 10,    /**< YouTube Studio `Chart data.csv` */
    SKPI_IMPORT_TIKTOK_OVERVIEW = 11,  /**< TikTok Studio `Overview.csv` and the business daily export */
    SKPI_IMPORT_TIKTOK_FOLLOWERS = 12, /**< TikTok Studio `FollowerHistory.csv` */
    SKPI_IMPORT_SPROUT_PROFILES = 13,  /**< Sprout Social profile performance CSV */
    SKPI_IMPORT_GENERIC_LONG = 14,     /**< `date,channel,metric,value` */
    SKPI_IMPORT_GENERIC_WIDE = 15,     /**< a date column and metric columns mapped by the host */
    SKPI_IMPORT_YOUTUBE_VIDEOS = 16,   /**< YouTube Studio table grouped by video (`Content`, no date column) */
    SKPI_IMPORT_TIKTOK_VIEWERS = 17,   /**< TikTok Studio `Viewers.csv` */
    SKPI_IMPORT_TIKTOK_CONTENT = 18,   /**< TikTok Studio `Content.csv` and the business per-video export */
    SKPI_IMPORT_TIKTOK_AUDIENCE = 19,  /**< TikTok business audience export (`Total followers`) */
    SKPI_IMPORT_LINKEDIN_ENGAGEMENT = 20, /**< LinkedIn creator analytics `ENGAGEMENT` sheet (`Date, Impressions, Engagements`) */
    SKPI_IMPORT_LINKEDIN_FOLLOWERS = 21,  /**< LinkedIn creator analytics `FOLLOWERS` sheet (`Date, New followers`) */
    SKPI_IMPORT_LINKEDIN_PAGE_FOLLOWERS = 22, /**< LinkedIn page followers export, `New followers` sheet */
    SKPI_IMPORT_LINKEDIN_VISITORS = 23,   /**< LinkedIn page visitors export, `Visitor metrics` sheet */
    SKPI_IMPORT_LINKEDIN_TOP_POSTS = 24,  /**< LinkedIn creator analytics `TOP POSTS` sheet (posts ranked by engagements and by impressions) */
    SKPI_IMPORT_LINKEDIN_DISCOVERY = 25,  /**< LinkedIn creator analytics `DISCOVERY` sheet laid out by day (`Date, Impressions, Members reached`) */
    SKPI_IMPORT_LISTENING_MENTIONS = 26,  /**< listening: one row per mention (`date, brand, sentiment, url`, optional `reach, network, author, text, id`) */
    SKPI_IMPORT_BRANDWATCH_MENTIONS = 27, /**< listening: Brandwatch mention export (`Date, Query Name, Sentiment, Url, Page Type`) */
    SKPI_IMPORT_CARE_MESSAGES = 28,  /**< customer care: one row per message (`received`, and `answered` or
                                          `response_seconds`/`response_minutes`, optional `channel`, `network`,
                                          `account`). Since 0.2. */
    SKPI_IMPORT_ZENDESK_TICKETS = 29, /**< customer care: Zendesk ticket CSV export (`Created at`, `Via`,
                                          `First reply time in minutes`), one ticket one message. Since 0.2. */
    SKPI_IMPORT_CARE_BINS = 30       /**< customer care: binned response times (`date`, `bin`, `count`,
                                          optional `channel`, `network`, `account`). Since 0.2. */
} skpi_import_preset;

/** @brief The largest ::skpi_import_preset value (for bindings). */
SKPI_API int skpi_import_preset_max(void);

/**
 * @brief The short name of a preset ("x_tweets", "meta_daily", "auto", ...).
 * @param preset an ::skpi_import_preset
 * @return a static string; NULL for an unknown value
 */
SKPI_API const char *skpi_import_preset_name(int preset);

/**
 * @brief The preset with a short name.
 * @param out  receives the ::skpi_import_preset
 * @param name a name as skpi_import_preset_name() gives it
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ENOTFOUND (no such name)
 */
SKPI_API int skpi_import_preset_from_name(int *out, const char *name);

/**
 * @brief One column of the generic wide layout: a header name and the
 *        catalog metric it holds. A frozen value type.
 */
typedef struct skpi_import_column {
    const char *column; /**< header name, matched ignoring ASCII case and surrounding blanks */
    const char *metric; /**< key of a flow or stock of the dataset's catalog */
} skpi_import_column;

/**
 * @brief Options of an import. Versioned: set `version` to
 *        ::SKPI_IMPORT_OPTIONS_VERSION, or use ::SKPI_IMPORT_OPTIONS_INIT or
 *        skpi_import_options_init(). Strings are borrowed for the call only.
 */
typedef struct skpi_import_options {
    unsigned version;           /**< ::SKPI_IMPORT_OPTIONS_VERSION */
    int preset;                 /**< an ::skpi_import_preset; ::SKPI_IMPORT_AUTO detects it */
    const char *channel;        /**< channel key for every row, overriding what the file says;
                                     NULL: from the file (X permalinks, Meta account names,
                                     Sprout profiles), else `network:default` */
    const char *export_date;    /**< `YYYY-MM-DD` the file was exported, needed by TikTok files
                                     whose dates have no year; NULL when not known */
    int utc_offset_minutes;     /**< UTC offset of dates written without one (-1080..1080);
                                     also the zone of the publish day of posts */
    const skpi_import_column *columns; /**< generic wide: column → metric mapping */
    size_t column_count;        /**< number of entries in `columns` */
    const char *date_column;    /**< generic wide: the date column's name; NULL means "date" */
    int delimiter;              /**< field delimiter; 0: from a `sep=` line, else sniffed from
                                     the header line (`,`, `;` or tab) */
    /* Version 2 */
    int date_order;             /**< an ::skpi_import_date_order: how to read numeric dates such
                                     as 03/04/2025 (version 2) */
    const char *covers_from;    /**< `YYYY-MM-DD`, first day a post-level export covers; NULL:
                                     from the file name, else the first post (version 2) */
    const char *covers_to;      /**< `YYYY-MM-DD`, last day it covers (inclusive); NULL: from
                                     the file name, else the last post (version 2) */
    /* Version 3 */
    const skpi_calendar *calendar; /**< the reports' calendar: a daily row lands on the day it
                                     names, from local midnight in this calendar's zone, and a
                                     post's publish day is its local day there (daylight-saving
                                     days are 23 or 25 hours); borrowed for the call. NULL:
                                     days at `utc_offset_minutes` (version 3) */
    const char *source_time_zone; /**< IANA zone the file writes times without an offset in
                                     (post publish times), e.g. "America/Los_Angeles"; NULL:
                                     the preset's zone (docs/import.md), unless
                                     `utc_offset_minutes` is set, which then applies as
                                     before (version 3) */
    /* Version 4 */
    int64_t service_level_seconds; /**< customer care: the service-level target in seconds; a
                                     message answered within it (response time <= target)
                                     counts in `messages_in_target`. 0: one hour (version 4) */
} skpi_import_options;

/**
 * @brief How numeric dates (`03/04/2025`, `13-06-2025`, `13.06.2025`) are
 *        read. Values are fixed for ever.
 */
typedef enum skpi_import_date_order {
    SKPI_IMPORT_DATE_ORDER_AUTO = 0, /**< from the file's own dates: a first number above 12 means
                                          day first, a second one month first; a file that never
                                          tells is read month first by the presets whose exports
                                          are written so (Meta, LinkedIn, X), else refused */
    SKPI_IMPORT_DAY_FIRST = 1,       /**< 13/06/2025 is 13 June */
    SKPI_IMPORT_MONTH_FIRST = 2      /**< 06/13/2025 is 13 June */
} skpi_import_date_order;

/** @brief The current version of ::skpi_import_options (1 to 3 are still accepted:
 *         without the members marked with a later version). */
#define SKPI_IMPORT_OPTIONS_VERSION 4
/** @brief Static initializer of ::skpi_import_options: automatic detection, no overrides. */
#define SKPI_IMPORT_OPTIONS_INIT \
    { SKPI_IMPORT_OPTIONS_VERSION, SKPI_IMPORT_AUTO, NULL, NULL, 0, NULL, 0, NULL, 0, \
      SKPI_IMPORT_DATE_ORDER_AUTO, NULL, NULL, NULL, NULL, 0 }

/** @brief The default service-level target of customer-care imports: one hour. */
#define SKPI_IMPORT_SERVICE_LEVEL_DEFAULT 3600

/**
 * @brief Read a duration such as a service-level target: a number and a
 *        unit, `90s`, `15 min`, `1h`, `1.5 h`, `2d` (units `s`, `sec`,
 *        `second(s)`, `m`, `min`, `minute(s)`, `h`, `hr`, `hour(s)`, `d`,
 *        `day(s)`, any case, blanks allowed between number and unit).
 *        Since 0.2.
 * @param out  receives the duration in whole seconds (rounded), above 0
 * @param text the text; a number without a unit is refused
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_EINVAL (not such a duration,
 *         zero, negative or above 366 days: the message says what is accepted)
 */
SKPI_API int skpi_duration_parse(int64_t *out, const char *text);

/**
 * @brief Initialise an options struct (for bindings that cannot use the macro).
 * @param opts    the struct to fill with the defaults
 * @param version ::SKPI_IMPORT_OPTIONS_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION (unknown version)
 */
SKPI_API int skpi_import_options_init(skpi_import_options *opts, unsigned version);

/** @brief Why rows were skipped. Values are fixed for ever. */
typedef enum skpi_import_skip {
    SKPI_IMPORT_SKIP_PREAMBLE = 0,     /**< title, `sep=` or metric-name lines above the header */
    SKPI_IMPORT_SKIP_BLANK = 1,        /**< rows with every field empty */
    SKPI_IMPORT_SKIP_TOTAL = 2,        /**< a `Total` row (YouTube) */
    SKPI_IMPORT_SKIP_UNKNOWN_METRIC = 3, /**< generic long, Meta daily: a metric the catalog lacks */
    SKPI_IMPORT_SKIP_DERIVED_METRIC = 4, /**< generic long: a derived metric (recomputed, not stored) */
    SKPI_IMPORT_SKIP_NO_VALUE = 5,     /**< rows whose every value is missing */
    SKPI_IMPORT_SKIP_EXPORT_ERROR = 6  /**< rows where the platform wrote an error instead of data
                                            (Meta: "An error occurred while computing metadata
                                            ..."); their lines: skpi_import_summary_error_row_line() */
} skpi_import_skip;

/** @brief The largest ::skpi_import_skip value (for bindings). */
SKPI_API int skpi_import_skip_max(void);

/** @brief What an import did (opaque). */
typedef struct skpi_import_summary skpi_import_summary;

/**
 * @brief Import a CSV file into a dataset.
 *
 * Nothing is written into the dataset unless the whole file parses.
 * @param summary receives what was done (free it with
 *                skpi_import_summary_free()); may be NULL; set to NULL on error
 * @param ds      the dataset to fill
 * @param path    the file's path
 * @param opts    options, or NULL for the defaults
 * @return SKPI_OK; SKPI_EMISUSE (NULL ds or path); SKPI_EVERSION (unknown
 *         options version); SKPI_EINVAL (bad options: unknown preset, offset
 *         out of range, malformed export date or channel, generic wide
 *         without a mapping, or a TikTok file without an export date);
 *         SKPI_EIO (the file cannot be read); SKPI_EPARSE (malformed file,
 *         header matching no preset, wrong number of fields, a value or date
 *         that does not parse: the message gives file, line and column);
 *         SKPI_ENOMEM. On any error the dataset is unchanged.
 */
SKPI_API int skpi_import_file(skpi_import_summary **summary, skpi_dataset *ds,
                              const char *path, const skpi_import_options *opts);

/**
 * @brief Import a CSV held in memory into a dataset.
 * @param summary as for skpi_import_file()
 * @param ds      the dataset to fill
 * @param data    the bytes of the file; not kept after the call
 * @param size    number of bytes
 * @param name    a name for messages (e.g. the original file name); NULL
 *                means "buffer"
 * @param opts    options, or NULL for the defaults
 * @return as skpi_import_file(), without SKPI_EIO; SKPI_EMISUSE also for
 *         NULL data with size > 0
 */
SKPI_API int skpi_import_buffer(skpi_import_summary **summary, skpi_dataset *ds,
                                const void *data, size_t size, const char *name,
                                const skpi_import_options *opts);

/** @brief Free a summary. NULL is allowed and does nothing. */
SKPI_API void skpi_import_summary_free(skpi_import_summary *s);

/** @brief The preset used, an ::skpi_import_preset (chosen or detected); 0 for NULL. */
SKPI_API int skpi_import_summary_preset(const skpi_import_summary *s);

/** @brief The line (1-based) of the header row; 0 for NULL. */
SKPI_API uint64_t skpi_import_summary_header_line(const skpi_import_summary *s);

/** @brief Data rows read below the header, skipped ones included (0 for NULL). */
SKPI_API uint64_t skpi_import_summary_rows(const skpi_import_summary *s);

/** @brief Series points written into the dataset (0 for NULL). */
SKPI_API uint64_t skpi_import_summary_points(const skpi_import_summary *s);

/** @brief Distinct (metric, channel) series written to (0 for NULL). */
SKPI_API uint64_t skpi_import_summary_series(const skpi_import_summary *s);

/** @brief Posts written: added plus updated (0 for NULL). */
SKPI_API uint64_t skpi_import_summary_posts(const skpi_import_summary *s);

/** @brief Of the posts written, those that were already in the dataset and got updated. */
SKPI_API uint64_t skpi_import_summary_posts_updated(const skpi_import_summary *s);

/**
 * @brief Rows (or lines) skipped for one reason.
 * @param s      the summary
 * @param reason an ::skpi_import_skip
 * @return the count; 0 for NULL or an unknown reason
 */
SKPI_API uint64_t skpi_import_summary_skipped(const skpi_import_summary *s, int reason);

/** @brief Header columns whose data was not imported (unknown to the preset,
 *         mapped to a metric the dataset's catalog lacks, or holding what an
 *         earlier column holds), and titles of Meta daily sections whose
 *         metric is not imported; 0 for NULL. */
SKPI_API size_t skpi_import_summary_ignored_count(const skpi_import_summary *s);

/**
 * @brief The name of an ignored column, as the header writes it.
 * @return borrowed, valid until the summary is freed; NULL when out of range
 */
SKPI_API const char *skpi_import_summary_ignored(const skpi_import_summary *s, size_t index);

/** @brief Of the points written, those that replaced a point already in the
 *         dataset at the same time (0 for NULL). Since 0.2. */
SKPI_API uint64_t skpi_import_summary_points_updated(const skpi_import_summary *s);

/** @brief Warnings about what the import decided for the user (a header naming
 *         a column twice, two columns holding one metric, a section stored on
 *         another channel than the one asked for); 0 for NULL. Since 0.2. */
SKPI_API size_t skpi_import_summary_warning_count(const skpi_import_summary *s);

/**
 * @brief One warning, a sentence naming the file and line. Since 0.2.
 * @return borrowed, valid until the summary is freed; NULL when out of range
 */
SKPI_API const char *skpi_import_summary_warning(const skpi_import_summary *s, size_t index);

/** @brief Rows skipped because the platform wrote an error in them
 *         (::SKPI_IMPORT_SKIP_EXPORT_ERROR) whose line numbers are kept (the
 *         first 1000); 0 for NULL. Since 0.2. */
SKPI_API size_t skpi_import_summary_error_row_count(const skpi_import_summary *s);

/** @brief The line (1-based) of one such row, in file order; 0 when out of
 *         range. Since 0.2. */
SKPI_API uint64_t skpi_import_summary_error_row_line(const skpi_import_summary *s, size_t index);

/**
 * @brief The days a post-level export covers: days in it without a post are
 *        zero for its flows, not missing. Since 0.2.
 * @param s   the summary
 * @param out receives the covered days as a half-open period (midnight to
 *            midnight at the import's UTC offset)
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_ENOTFOUND (not a post-level
 *         export, or no post and no range given)
 */
SKPI_API int skpi_import_summary_covers(const skpi_import_summary *s, skpi_period *out);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_IMPORT_H */
