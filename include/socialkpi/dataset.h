/**
 * @file socialkpi/dataset.h
 * @brief The dataset: metric series per (metric, channel), posts, channel
 *        groups and selectors; values, rollups and comparisons of any metric
 *        over any period, and top posts.
 *
 * **Channels** are keys `network:account` (`instagram:@acme`,
 * `linkedin:acme-corp`): the network is lowercase ASCII letters, digits,
 * `_` and `-`; the account is non-empty text without control characters and
 * is not `*`; at most skpi_dataset_channel_max() bytes in all. A channel
 * becomes known to the dataset when a series, a post or a group names it, or
 * through skpi_dataset_add_channel().
 *
 * **Selectors** choose channels:
 * - `*`: every known channel;
 * - `network:*`: every known channel of that network (`instagram:*`);
 * - `network:account`: that channel (known or not: without data it gives a
 *   missing value, or is asked of the source);
 * - `@name`: the channels of the group defined with skpi_dataset_define_group().
 *
 * **Competitors' channels** (skpi_dataset_set_competitor()) are never chosen
 * by `*`, `network:*` or `@name`, even when a group lists them: our own
 * totals (KPIs, goals, key results, rollups of groups) leave them out. Their
 * exact key still chooses one, and skpi_dataset_competitor_value() adds up
 * one competitor's channels.
 *
 * **Values** (skpi_dataset_value()): flows are summed over the period and
 * across channels; stocks take each channel's last present value in the
 * period and sum those across channels (`first(stock)` in a formula takes the
 * first present value instead); derived metrics evaluate their formula on
 * those aggregates, i.e. as a ratio of sums, never as an average of per-day
 * rates.
 *
 * **Availability** (docs/dataset.md has examples). A derived metric's
 * *components* are the flows and stocks its formula uses, through other
 * derived metrics too; a flow or stock is its own single component. For one
 * query, a channel of the selector *takes part* in a component when the
 * span from the first to the last point (present or NaN) of its series of
 * that component overlaps the period; a channel whose data ended before the
 * period, or starts after it, does not take part.
 * - A channel taking part in no component is ignored.
 * - A channel taking part in some components but not all is left out of the
 *   value, and the value is ::SKPI_PARTIAL. So is a channel whose series of
 *   some component holds no present value inside the period.
 * - The period is cut into consecutive slots of the dataset's resolution
 *   (one day by default) from its start; when a used channel's series of a
 *   component has no present value in some slot, the value is
 *   ::SKPI_PARTIAL. (With the resolution set to 0, a NaN point inside the
 *   period does that instead.)
 * - When no used channel has a present value of some component in the
 *   period, the value is ::SKPI_MISSING (NaN).
 * - A division by zero gives ::SKPI_DENOMINATOR_ZERO (NaN).
 * - A result beyond the range of a double (an overflow) gives
 *   ::SKPI_UNSUPPORTED (NaN), never an infinity.
 * - Otherwise the value is ::SKPI_AVAILABLE.
 *
 * **Threads**: a dataset is used by one thread at a time.
 */
#ifndef SOCIALKPI_DATASET_H
#define SOCIALKPI_DATASET_H

#include "socialkpi/common.h"
#include "socialkpi/calendar.h"
#include "socialkpi/series.h"
#include "socialkpi/metrics.h"
#include "socialkpi/source.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A dataset of series and posts (opaque). */
typedef struct skpi_dataset skpi_dataset;

/** @brief One post of a dataset (opaque; borrowed from its dataset). */
typedef struct skpi_post skpi_post;

/** @brief Kinds of change between two periods. Values are fixed for ever. */
typedef enum skpi_change {
    SKPI_CHANGE_ABSOLUTE = 0, /**< current - previous, in the metric's unit */
    SKPI_CHANGE_PERCENT = 1,  /**< (current - previous) / |previous| * 100; not available when previous is 0 */
    SKPI_CHANGE_POINTS = 2    /**< percentage points, current - previous; only for ::SKPI_UNIT_PERCENT metrics */
} skpi_change;

/**
 * @brief Create an empty dataset.
 * @param out     receives the dataset; free it with skpi_dataset_free()
 * @param catalog the metrics the dataset knows; NULL means
 *                skpi_catalog_builtin(). A host catalog is copied, so later
 *                changes to it do not reach the dataset.
 * @return SKPI_OK, SKPI_EMISUSE (out is NULL), SKPI_ENOMEM
 */
SKPI_API int skpi_dataset_new(skpi_dataset **out, const skpi_catalog *catalog);

/** @brief Free a dataset, its series and posts. NULL is allowed and does nothing. */
SKPI_API void skpi_dataset_free(skpi_dataset *ds);

/**
 * @brief The dataset's catalog.
 * @return borrowed, valid until the dataset is freed; NULL for a NULL dataset
 */
SKPI_API const skpi_catalog *skpi_dataset_catalog(const skpi_dataset *ds);

/** @brief The largest length of a channel key or selector in bytes, NUL excluded (256). */
SKPI_API size_t skpi_dataset_channel_max(void);

/**
 * @brief Set the resolution at which missing data is looked for.
 *
 * A period is cut into slots of this many seconds from its start, and a
 * series lacking a present value in a slot makes values partial. The default
 * is 86400 (daily data). 0 turns the slot check off: then only NaN points
 * inside the period and channels lacking a component make values partial.
 * @param ds      the dataset
 * @param seconds 0, or 1 to 31622400 (366 days)
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ERANGE
 */
SKPI_API int skpi_dataset_set_resolution(skpi_dataset *ds, int64_t seconds);

/** @brief The resolution in seconds (0 for a NULL dataset). */
SKPI_API int64_t skpi_dataset_resolution(const skpi_dataset *ds);

/**
 * @brief Make a channel known (so that `*`, `network:*` and sources see it).
 * @param ds      the dataset
 * @param channel a channel key; copied. A known channel is accepted again.
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (malformed channel key:
 *         the message says why), SKPI_ENOMEM
 */
SKPI_API int skpi_dataset_add_channel(skpi_dataset *ds, const char *channel);

/** @brief The number of known channels (0 for NULL). */
SKPI_API size_t skpi_dataset_channel_count(const skpi_dataset *ds);

/**
 * @brief A known channel, in the order channels became known.
 * @return borrowed key, valid until the dataset is freed; NULL when out of range
 */
SKPI_API const char *skpi_dataset_channel(const skpi_dataset *ds, size_t index);

/**
 * @brief Define a named channel group, or replace its members.
 * @param ds       the dataset
 * @param name     group name without `@`: ASCII letters, digits, `_`, `.`,
 *                 `-`, at most 64 bytes; copied
 * @param channels n channel keys (they become known); copied
 * @param n        number of channels, 0 allowed (an empty group)
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EINVAL (malformed name
 *         or channel key: the message gives its index), SKPI_ENOMEM.
 *         On error the dataset is unchanged.
 */
SKPI_API int skpi_dataset_define_group(skpi_dataset *ds, const char *name,
                                       const char *const *channels, size_t n);

/**
 * @brief Whether a channel is chosen by a selector.
 * @param out      receives 1 or 0
 * @param ds       the dataset (for groups)
 * @param selector a selector
 * @param channel  a channel key
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (malformed selector or
 *         channel), SKPI_ENOTFOUND (unknown group)
 */
SKPI_API int skpi_dataset_match(int *out, const skpi_dataset *ds, const char *selector,
                                const char *channel);

/**
 * @brief Append points to the series of a flow or stock on a channel.
 *
 * The series is created on first use; duplicate times: the last value wins.
 * All or nothing: on any error the dataset is unchanged.
 * @param ds      the dataset
 * @param metric  the key of a flow or stock of the dataset's catalog
 * @param channel a channel key (it becomes known)
 * @param times   n times
 * @param values  n values; NaN = missing; infinities rejected
 * @param n       number of points, at least 1
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_ENOTFOUND (unknown metric);
 *         SKPI_EINVAL (a derived metric, a malformed channel, n = 0, an
 *         infinite value); SKPI_ERANGE (a time out of range); SKPI_ENOMEM
 */
SKPI_API int skpi_dataset_append(skpi_dataset *ds, const char *metric, const char *channel,
                                 const skpi_time *times, const double *values, size_t n);

/**
 * @brief The stored series of a metric on a channel.
 * @param out     receives the series, borrowed: valid until the dataset is
 *                changed (append, source fetch) or freed
 * @param ds      the dataset
 * @param metric  a metric key
 * @param channel a channel key
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ENOTFOUND (unknown metric, or
 *         no series of it on that channel)
 */
SKPI_API int skpi_dataset_series(const skpi_series **out, const skpi_dataset *ds,
                                 const char *metric, const char *channel);

/**
 * @brief The span of the data of a metric on a selector.
 *
 * For a derived metric, the span of all its components' points. Only what
 * the dataset holds counts; sources are not asked.
 * @param out      receives `[first point, last point + 1)`
 * @param ds       the dataset
 * @param metric   a metric key
 * @param selector a selector
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (malformed selector),
 *         SKPI_ENOTFOUND (unknown metric or group, or no point at all)
 */
SKPI_API int skpi_dataset_extent(skpi_period *out, const skpi_dataset *ds,
                                 const char *metric, const char *selector);

/**
 * @brief The value of a metric over a period for a selector.
 *
 * See the file's description for aggregation and availability. With a source
 * attached, what the query needs and the dataset never asked for is fetched
 * first.
 * @param out      receives the value and its availability
 * @param ds       the dataset
 * @param metric   a metric key (flow, stock or derived)
 * @param selector a selector
 * @param period   `[start, end)`, start < end
 * @return SKPI_OK (also when the value is missing or not available: see
 *         out->availability); SKPI_EMISUSE (NULL); SKPI_ENOTFOUND (unknown
 *         metric or group); SKPI_EINVAL (malformed selector, end <= start);
 *         SKPI_ECALLBACK (the source stopped: the dataset is unchanged);
 *         SKPI_ENOMEM
 */
SKPI_API int skpi_dataset_value(skpi_value *out, skpi_dataset *ds, const char *metric,
                                const char *selector, skpi_period period);

/**
 * @brief Roll a metric up to a cadence: one value per period.
 *
 * Each period's value is what skpi_dataset_value() gives for it (derived
 * metrics are ratios of the period's sums). The periods run from the one
 * containing `range.start` to the one containing `range.end - 1`; the result
 * holds one point per period, keyed by the period's start, NaN where the
 * value is not available.
 * @param out          receives the series (metric key and the selector as
 *                     its channel); free it with skpi_series_free()
 * @param availability receives an array of one ::skpi_availability per
 *                     point, freed with skpi_free(); may be NULL
 * @param ds           the dataset
 * @param metric       a metric key
 * @param selector     a selector
 * @param cal          the calendar defining the periods; NULL means UTC,
 *                     weeks from Monday, fiscal year = calendar year
 * @param cadence      an ::skpi_cadence
 * @param range        `[start, end)`, start < end
 * @return SKPI_OK; SKPI_EMISUSE (NULL out or ds); SKPI_ENOTFOUND;
 *         SKPI_EINVAL (malformed selector, unknown cadence, end <= start);
 *         SKPI_ERANGE (periods outside the calendar's range, or more than
 *         10,000,000 of them); SKPI_ECALLBACK; SKPI_ENOMEM
 */
SKPI_API int skpi_dataset_rollup(skpi_series **out, int **availability, skpi_dataset *ds,
                                 const char *metric, const char *selector,
                                 const skpi_calendar *cal, int cadence, skpi_period range);

/**
 * @brief Compare a metric over two periods.
 *
 * Both values come from skpi_dataset_value(); the change follows
 * skpi_value_change().
 * @param out      receives the change and its availability
 * @param ds       the dataset
 * @param metric   a metric key
 * @param selector a selector
 * @param current  the period of interest
 * @param previous the period compared against
 * @param change   an ::skpi_change
 * @return as skpi_dataset_value(); SKPI_EINVAL also for an unknown change kind
 */
SKPI_API int skpi_dataset_compare(skpi_value *out, skpi_dataset *ds, const char *metric,
                                  const char *selector, skpi_period current,
                                  skpi_period previous, int change);

/**
 * @brief The change between two values.
 *
 * When either value is neither available nor partial, the change takes the
 * first such availability of (current, previous) and is NaN. Otherwise:
 * absolute = current - previous; percent = (current - previous) /
 * |previous| * 100, ::SKPI_DENOMINATOR_ZERO when previous is 0; points =
 * current - previous for ::SKPI_UNIT_PERCENT, ::SKPI_UNSUPPORTED for other
 * units; ::SKPI_UNSUPPORTED also when the change overflows a double. The
 * result is partial when either value is.
 * @param out      receives the change
 * @param current  the value of the period of interest
 * @param previous the value compared against
 * @param change   an ::skpi_change
 * @param unit     the metric's ::skpi_unit
 * @return SKPI_OK, SKPI_EMISUSE (out is NULL), SKPI_EINVAL (unknown change
 *         kind or unit)
 */
SKPI_API int skpi_value_change(skpi_value *out, skpi_value current, skpi_value previous,
                               int change, int unit);

/**
 * @brief Add a post, or update the post with the same channel and id.
 *
 * Updating replaces the published time, type, text and link and keeps the
 * post's metric values and its index, so importers may add the same post
 * again.
 * @param ds        the dataset
 * @param channel   the channel key (it becomes known); copied
 * @param id        the network's post id, non-empty; copied
 * @param published publication time
 * @param type      e.g. "photo", "video", "reel", "text"; NULL or "" for none; copied
 * @param text      the post's text; NULL or "" for none; copied
 * @param link      permalink; NULL or "" for none; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL ds, channel or id), SKPI_EINVAL
 *         (malformed channel, empty id), SKPI_ERANGE (time out of range),
 *         SKPI_ENOMEM. On error the dataset is unchanged.
 */
SKPI_API int skpi_dataset_add_post(skpi_dataset *ds, const char *channel, const char *id,
                                   skpi_time published, const char *type, const char *text,
                                   const char *link);

/**
 * @brief Set one metric value of a post (replacing an earlier one).
 * @param ds      the dataset
 * @param channel the post's channel
 * @param id      the post's id
 * @param metric  the key of a flow or stock
 * @param value   the value; NaN clears it
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_ENOTFOUND (no such post or
 *         metric); SKPI_EINVAL (derived metric, infinite value); SKPI_ENOMEM
 */
SKPI_API int skpi_dataset_set_post_value(skpi_dataset *ds, const char *channel, const char *id,
                                         const char *metric, double value);

/** @brief The number of posts (0 for NULL). */
SKPI_API size_t skpi_dataset_post_count(const skpi_dataset *ds);

/**
 * @brief A post by index; indices follow the order posts were first added
 *        and never change.
 * @return borrowed, valid until the dataset is freed; NULL when out of range
 */
SKPI_API const skpi_post *skpi_dataset_post(const skpi_dataset *ds, size_t index);

/**
 * @brief Find a post by channel and id.
 * @param out     receives the post's index
 * @param ds      the dataset
 * @param channel the channel key
 * @param id      the post id
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ENOTFOUND
 */
SKPI_API int skpi_dataset_find_post(size_t *out, const skpi_dataset *ds, const char *channel,
                                    const char *id);

/** @brief The post's id; borrowed, valid until the dataset is freed (NULL for NULL). */
SKPI_API const char *skpi_post_id(const skpi_post *p);
/** @brief The post's channel; borrowed, valid until the dataset is freed (NULL for NULL). */
SKPI_API const char *skpi_post_channel(const skpi_post *p);
/** @brief The post's publication time (0 for NULL). */
SKPI_API skpi_time skpi_post_published(const skpi_post *p);
/** @brief The post's type; borrowed, valid until the post is updated; "" when none (NULL for NULL). */
SKPI_API const char *skpi_post_type(const skpi_post *p);
/** @brief The post's text; borrowed, valid until the post is updated; "" when none (NULL for NULL). */
SKPI_API const char *skpi_post_text(const skpi_post *p);
/** @brief The post's link; borrowed, valid until the post is updated; "" when none (NULL for NULL). */
SKPI_API const char *skpi_post_link(const skpi_post *p);

/**
 * @brief Add a tag to a post: a label it carries, such as a custom label of
 *        a Meta export or a host's own campaign tag.
 *
 * A post's hashtags need no adding: skpi_post_has_tag() and the content
 * aggregates read them from its text. Tags are the same when they are equal
 * after one leading '#' is dropped and letters are lower-cased ("#Launch",
 * "launch"); a tag the post already carries is not added twice. Blanks around
 * the tag are dropped. docs/content.md describes tags and hashtags.
 * @param ds      the dataset
 * @param channel the post's channel
 * @param id      the post's id
 * @param tag     the tag, UTF-8; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (empty tag, invalid
 *         UTF-8), SKPI_ENOTFOUND (no such post), SKPI_ENOMEM. On error the
 *         dataset is unchanged.
 */
SKPI_API int skpi_dataset_add_post_tag(skpi_dataset *ds, const char *channel, const char *id,
                                       const char *tag);

/**
 * @brief Remove every tag a post carries (its hashtags stay in its text).
 * @param ds      the dataset
 * @param channel the post's channel
 * @param id      the post's id
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ENOTFOUND (no such post),
 *         SKPI_ENOMEM (inside a savepoint only)
 */
SKPI_API int skpi_dataset_clear_post_tags(skpi_dataset *ds, const char *channel, const char *id);

/** @brief The number of tags a post carries, hashtags of its text not counted (0 for NULL). */
SKPI_API size_t skpi_post_tag_count(const skpi_post *p);

/**
 * @brief A tag the post carries, in the order they were added.
 * @param p     the post
 * @param index 0 to skpi_post_tag_count() - 1
 * @return the tag as added (blanks around it dropped); borrowed, valid until
 *         the post's tags change or the dataset is freed; NULL when out of
 *         range or p is NULL
 */
SKPI_API const char *skpi_post_tag(const skpi_post *p, size_t index);

/**
 * @brief Whether a post has a tag: one it carries or a hashtag of its text.
 *
 * "launch" and "#Launch" both match a post whose text says "#launch" or
 * that carries the tag "Launch" (see skpi_dataset_add_post_tag()).
 * @param p   the post
 * @param tag the tag, with or without its '#'
 * @return 1 when it has it, 0 when not or when p or tag is NULL
 */
SKPI_API int skpi_post_has_tag(const skpi_post *p, const char *tag);

/**
 * @brief A metric value of one post, derived metrics included.
 *
 * Flows come from the post's values. A stock the post has no value of is
 * taken from the post's channel: the last present value of its series at or
 * before the publication time (so engagement rate by followers uses the
 * audience when the post went out). A derived metric evaluates its formula
 * on those; `days()` has no meaning for one post and gives
 * ::SKPI_UNSUPPORTED.
 * @param out    receives the value: available, missing, denominator zero or
 *               unsupported
 * @param p      the post
 * @param metric a metric key
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ENOTFOUND (unknown metric)
 */
SKPI_API int skpi_post_value(skpi_value *out, const skpi_post *p, const char *metric);

/**
 * @brief The best posts of a period by a metric.
 *
 * Posts of the selector's channels published inside the period whose value
 * (skpi_post_value()) is available, best first: highest first, or lowest
 * first for ::SKPI_LOWER_IS_BETTER metrics. Ties go to the earlier published
 * post, then to the smaller channel key, then to the smaller id (byte order).
 * @param out      receives up to max post indices (for skpi_dataset_post())
 * @param count    receives how many were written
 * @param max      capacity of out; 0 writes nothing (count is then 0)
 * @param ds       the dataset
 * @param metric   a metric key
 * @param selector a selector
 * @param period   `[start, end)` of publication times
 * @return SKPI_OK, SKPI_EMISUSE (NULL ds, metric, selector or count, or out
 *         NULL with max > 0), SKPI_ENOTFOUND (unknown metric or group),
 *         SKPI_EINVAL (malformed selector, end <= start), SKPI_ENOMEM
 */
SKPI_API int skpi_dataset_top_posts(size_t *out, size_t *count, size_t max,
                                    const skpi_dataset *ds, const char *metric,
                                    const char *selector, skpi_period period);

#ifdef SKPI_EXPERIMENTAL

/**
 * @brief Mark a channel as a competitor's, or as our own again (experimental).
 *
 * A competitor's channel keeps its data and can be read by its exact key,
 * but `*`, `network:*` and `@group` selectors never choose it, so it stays
 * out of every total of ours. A competitor may own channels on several
 * networks.
 * @param ds         the dataset
 * @param channel    a channel key (it becomes known); copied
 * @param competitor the competitor's name as readers see it ("Rival Co"):
 *                   1 to skpi_dataset_competitor_name_max() bytes, no
 *                   control characters; copied. NULL makes the channel our
 *                   own again.
 * @return SKPI_OK, SKPI_EMISUSE (NULL ds or channel), SKPI_EINVAL (malformed
 *         channel key or name: the message says which), SKPI_ENOMEM. On
 *         error the dataset is unchanged.
 */
SKPI_API int skpi_dataset_set_competitor(skpi_dataset *ds, const char *channel,
                                                           const char *competitor);

/** @brief The largest length of a competitor's name in bytes, NUL excluded (128). */
SKPI_API size_t skpi_dataset_competitor_name_max(void);

/**
 * @brief The competitor a channel belongs to.
 * @return the competitor's name, borrowed, valid until the dataset is freed;
 *         NULL for our own or an unknown channel (and for NULL arguments)
 */
SKPI_API const char *skpi_dataset_channel_competitor(const skpi_dataset *ds,
                                                                       const char *channel);

/** @brief The number of competitors owning at least one channel (0 for NULL). */
SKPI_API size_t skpi_dataset_competitor_count(const skpi_dataset *ds);

/**
 * @brief A competitor's name, in the order competitors were first marked.
 * @return borrowed, valid until the dataset is freed; NULL when out of range
 */
SKPI_API const char *skpi_dataset_competitor(const skpi_dataset *ds, size_t index);

/**
 * @brief The value of a metric over a period for one competitor.
 *
 * Adds up the competitor's channels as skpi_dataset_value() adds up a
 * selector's (flows summed, stocks' last values summed, derived metrics as a
 * ratio of those sums), with the same availability rules.
 * @param out        receives the value and its availability
 * @param ds         the dataset
 * @param metric     a metric key
 * @param competitor a competitor's name
 * @param network    only the competitor's channels of this network
 *                   ("instagram"); NULL or "" for all of them
 * @param period     `[start, end)`, start < end
 * @return SKPI_OK (also when the value is not available); SKPI_EMISUSE
 *         (NULL); SKPI_ENOTFOUND (unknown metric or competitor); SKPI_EINVAL
 *         (end <= start); SKPI_ECALLBACK; SKPI_ENOMEM
 */
SKPI_API int skpi_dataset_competitor_value(skpi_value *out, skpi_dataset *ds,
                                                             const char *metric, const char *competitor,
                                                             const char *network, skpi_period period);

#endif /* SKPI_EXPERIMENTAL */

/**
 * @brief Attach a data source, or detach it with NULL.
 *
 * The table is copied; its userdata stays the host's. Attaching a source
 * forgets which ranges the previous one covered (the data it delivered
 * stays).
 * @param ds     the dataset
 * @param source the callback table (version ::SKPI_SOURCE_VERSION, fetch set)
 *               or NULL
 * @return SKPI_OK, SKPI_EMISUSE (NULL ds), SKPI_EVERSION (unknown version),
 *         SKPI_EINVAL (fetch is NULL)
 */
SKPI_API int skpi_dataset_set_source(skpi_dataset *ds, const skpi_source *source);

#ifdef SKPI_EXPERIMENTAL

/* ------------------------------------------------------------------ */
/* Content performance (experimental, docs/content.md)                 */

/**
 * @brief The post's type normalised across networks: "photo", "video",
 *        "reel", "carousel", "link", "text", "story", "live", "poll",
 *        "repost", "reply", "media" or "other".
 *
 * The raw type (skpi_post_type()) maps by the table in docs/content.md; a
 * raw type the table lacks is "other". A post without a raw type (X's tweet
 * exports) is read off the post: "RT @..." a repost, "@..." a reply, media
 * views above 0 "media", a web address in the text "link", else "text".
 * Experimental (`SKPI_EXPERIMENTAL`).
 * @return a static string; NULL for NULL
 */
SKPI_API const char *skpi_post_kind(const skpi_post *p);

/** @brief The number of normalised post types (for skpi_post_kind_name()). */
SKPI_API size_t skpi_post_kind_count(void);

/**
 * @brief A normalised post type by index, 0 to skpi_post_kind_count() - 1.
 * @return a static string ("other" is index 0); NULL when out of range
 */
SKPI_API const char *skpi_post_kind_name(size_t index);

/** @brief What skpi_post_groups_new() groups posts by. */
typedef enum skpi_post_grouping {
    SKPI_POSTS_BY_TYPE = 0, /**< the normalised type, skpi_post_kind() */
    SKPI_POSTS_BY_TAG = 1   /**< each tag: the post's hashtags and the tags it carries */
} skpi_post_grouping;

/**
 * @brief What the content aggregates count and how. Versioned: set it with
 *        ::SKPI_CONTENT_OPTIONS_INIT or skpi_content_options_init(); it only
 *        grows at its end.
 */
typedef struct skpi_content_options {
    unsigned version;     /**< ::SKPI_CONTENT_OPTIONS_VERSION */
    const char *metric;   /**< the figure per post (a flow, stock or derived metric); NULL: "engagements" */
    const char *rate;     /**< a derived metric computed as a ratio of the group's sums; NULL: "engagement_rate_impressions" */
    const char *selector; /**< which channels; NULL: "*" */
    const char *type;     /**< only posts of this normalised type; NULL: every type */
    const char *tag;      /**< only posts with this tag (skpi_post_has_tag()); NULL: every post */
    size_t min_posts;     /**< a group with fewer posts carrying the metric is too few to judge; 0: 5 */
    size_t min_slot_posts;/**< a posting-time slot needs this many to be named best; 0: 3 */
    size_t ranked;        /**< top and bottom posts kept per group, at most 50; 0: 3 */
    const skpi_calendar *calendar; /**< the time zone of weekdays and hours; NULL: UTC. Borrowed for the call */
} skpi_content_options;

/** @brief The current version of ::skpi_content_options. */
#define SKPI_CONTENT_OPTIONS_VERSION 1
/** @brief Static initializer for ::skpi_content_options: every default. */
#define SKPI_CONTENT_OPTIONS_INIT { SKPI_CONTENT_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, NULL }

/**
 * @brief Fill options with their defaults (as ::SKPI_CONTENT_OPTIONS_INIT does).
 * @param opts    the options to fill
 * @param version ::SKPI_CONTENT_OPTIONS_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL opts), SKPI_EVERSION (unknown version)
 */
SKPI_API int skpi_content_options_init(skpi_content_options *opts, unsigned version);

/** @brief Posts grouped by type or tag, with their figures (opaque). */
typedef struct skpi_post_groups skpi_post_groups;

/**
 * @brief One group's figures. Versioned: set `version` to
 *        ::SKPI_POST_GROUP_VERSION before skpi_post_groups_get().
 */
typedef struct skpi_post_group {
    unsigned version;  /**< ::SKPI_POST_GROUP_VERSION */
    const char *key;   /**< the type, or the tag as first spelt; borrowed from the groups */
    size_t posts;      /**< posts in the group */
    size_t valued;     /**< of which carry the metric (the figures below count these) */
    skpi_value total;  /**< the metric summed over the group's posts */
    skpi_value median; /**< the median of the metric per post (the mean of the middle two for an even count) */
    skpi_value rate;   /**< the rate metric over the group's summed components (posts that carry them all) */
    skpi_value share;  /**< total / the total of every post counted, as a fraction (tags overlap: shares may add up to more than 1) */
    int too_few;       /**< 1 when valued < the options' min_posts: too few posts to judge */
} skpi_post_group;

/** @brief The current version of ::skpi_post_group. */
#define SKPI_POST_GROUP_VERSION 1

/**
 * @brief Group the posts published in a period by normalised type or by tag.
 *
 * The posts counted are those of the selector's channels published inside
 * the period that pass the type and tag filters. Groups come best first:
 * groups with enough posts by median (highest first; lowest first for a
 * ::SKPI_LOWER_IS_BETTER metric), then by post count, then by key; groups
 * with too few posts after them in the same order. No post in the period
 * gives no group (skpi_post_groups_count() is 0), not an error: callers say
 * so (see docs/content.md).
 * @param out    receives the groups; free with skpi_post_groups_free()
 * @param ds     the dataset
 * @param by     an ::skpi_post_grouping
 * @param period `[start, end)` of publication times
 * @param opts   the options; NULL for the defaults
 * @return SKPI_OK; SKPI_EMISUSE (NULL out or ds); SKPI_EVERSION;
 *         SKPI_ENOTFOUND (unknown metric or group, a type that is not a
 *         normalised type, a tag no post of the dataset has: the message
 *         names it); SKPI_EINVAL (unknown grouping, a rate metric that is
 *         not derived, malformed selector, end <= start, ranked above 50);
 *         SKPI_ENOMEM
 */
SKPI_API int skpi_post_groups_new(skpi_post_groups **out, const skpi_dataset *ds, int by,
                                  skpi_period period, const skpi_content_options *opts);

/** @brief Free groups. NULL is allowed and does nothing. */
SKPI_API void skpi_post_groups_free(skpi_post_groups *g);

/** @brief The number of groups (0 for NULL). */
SKPI_API size_t skpi_post_groups_count(const skpi_post_groups *g);

/**
 * @brief A group's figures.
 * @param out   receives them; out->version set to ::SKPI_POST_GROUP_VERSION
 * @param g     the groups
 * @param index 0 to skpi_post_groups_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION, SKPI_ERANGE (index)
 */
SKPI_API int skpi_post_groups_get(skpi_post_group *out, const skpi_post_groups *g, size_t index);

/**
 * @brief The figures of every post counted, as one group keyed "all" (its
 *        share is 1, or not available when the total is 0).
 * @param out receives them; out->version set to ::SKPI_POST_GROUP_VERSION
 * @param g   the groups
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION
 */
SKPI_API int skpi_post_groups_summary(skpi_post_group *out, const skpi_post_groups *g);

/**
 * @brief A group's best or worst posts by the metric.
 * @param out    receives a borrowed array of post indices (skpi_dataset_post()),
 *               valid until the groups are freed: best first for the top,
 *               worst first for the bottom
 * @param count  receives its length, at most the options' ranked
 * @param g      the groups
 * @param index  the group's index
 * @param bottom 0 for the top posts, 1 for the bottom ones
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ERANGE (index)
 */
SKPI_API int skpi_post_groups_posts(const size_t **out, size_t *count, const skpi_post_groups *g,
                                    size_t index, int bottom);

/** @brief A weekday × hour table of posting times and their results (opaque). */
typedef struct skpi_posting_times skpi_posting_times;

/**
 * @brief The median of the metric per post for each weekday and hour of
 *        publication in the options' time zone, and the posts behind it.
 *
 * The posts counted are chosen as for skpi_post_groups_new(); those without
 * the metric are left out of the cells and counted apart. Best slots are
 * the cells with at least min_slot_posts posts, best median first (then
 * more posts, then the earlier slot of the week).
 * @param out    receives the table; free with skpi_posting_times_free()
 * @param ds     the dataset
 * @param period `[start, end)` of publication times
 * @param opts   the options; NULL for the defaults
 * @return as skpi_post_groups_new()
 */
SKPI_API int skpi_posting_times_new(skpi_posting_times **out, const skpi_dataset *ds,
                                    skpi_period period, const skpi_content_options *opts);

/** @brief Free a table. NULL is allowed and does nothing. */
SKPI_API void skpi_posting_times_free(skpi_posting_times *t);

/**
 * @brief One cell of the table.
 * @param posts   receives the number of posts behind it (may be NULL)
 * @param median  receives the median of the metric per post, ::SKPI_MISSING
 *                for an empty cell (may be NULL)
 * @param t       the table
 * @param weekday 1 (Monday) to 7 (Sunday)
 * @param hour    0 to 23, local time
 * @return SKPI_OK, SKPI_EMISUSE (NULL t), SKPI_ERANGE (weekday or hour)
 */
SKPI_API int skpi_posting_times_cell(size_t *posts, skpi_value *median, const skpi_posting_times *t,
                                     int weekday, int hour);

/**
 * @brief How many posts the table holds and how many were left out for
 *        lacking the metric.
 * @param posts          receives the posts in the cells (may be NULL)
 * @param without_metric receives the posts left out (may be NULL)
 * @param t              the table
 * @return SKPI_OK, SKPI_EMISUSE (NULL t)
 */
SKPI_API int skpi_posting_times_counts(size_t *posts, size_t *without_metric,
                                       const skpi_posting_times *t);

/** @brief The number of best slots: cells with enough posts (0 for NULL). */
SKPI_API size_t skpi_posting_times_best_count(const skpi_posting_times *t);

/**
 * @brief A best slot, best first.
 * @param weekday receives 1 (Monday) to 7 (Sunday)
 * @param hour    receives 0 to 23
 * @param t       the table
 * @param rank    0 to skpi_posting_times_best_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ERANGE (rank)
 */
SKPI_API int skpi_posting_times_best(int *weekday, int *hour, const skpi_posting_times *t,
                                     size_t rank);

#endif /* SKPI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_DATASET_H */
