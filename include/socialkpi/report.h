/**
 * @file socialkpi/report.h
 * @brief Reports: definitions that assemble a document (doc.h) from a
 *        dataset, SMART goals and OKRs.
 *
 * A report definition says what to report on, for whom and how often;
 * skpi_report_assemble() computes the figures and builds an ::skpi_doc.
 * The document model and the template table live in doc.h, which this
 * header includes, so code written against earlier releases compiles
 * unchanged.
 */
#ifndef SOCIALKPI_REPORT_H
#define SOCIALKPI_REPORT_H

#include "socialkpi/common.h"
#include "socialkpi/calendar.h"
#include "socialkpi/dataset.h"
#include "socialkpi/compete.h"
#include "socialkpi/doc.h"
#include "socialkpi/goal.h"
#include "socialkpi/metrics.h"
#include "socialkpi/okr.h"
#include "socialkpi/effort.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief A report definition (opaque): what to report on, for whom, how
 *        often. skpi_report_assemble() turns it and a dataset into a document.
 *
 * **Period.** The report covers the last complete cadence period before the
 * as-of time: the period before the one that holds `as_of` (a weekly report
 * as of Monday 09:00 covers the week that ended on Sunday). Comparisons are
 * with the period before it and with the same period a year earlier
 * (skpi_calendar_year_earlier()).
 *
 * **Audiences** choose the default sections, their order and the detail:
 * skpi_report_set_audience() documents each preset; docs/report.md has
 * the table. Sections can then be switched on and off or reordered.
 *
 * **Narrative.** Sentences come from templates with `{name}` placeholders,
 * all held in one table (::skpi_template); a host replaces any of them per
 * report (to translate, or to change the tone) with skpi_report_set_template().
 */
typedef struct skpi_report skpi_report;

/** @brief Audiences. Values are fixed for ever. */
typedef enum skpi_audience {
    SKPI_AUDIENCE_SELF = 0,       /**< the social media manager: everything */
    SKPI_AUDIENCE_TEAM = 1,       /**< the team: per-channel detail, top posts, spot checks */
    SKPI_AUDIENCE_MANAGEMENT = 2, /**< management: key numbers, goals and OKRs, trends */
    SKPI_AUDIENCE_LEADERSHIP = 3, /**< leadership: outcomes, goal and OKR status first, few numbers */
    SKPI_AUDIENCE_SALES = 4,      /**< sales: leads and conversions first, what customers ask about */
    SKPI_AUDIENCE_CUSTOM = 5      /**< no preset: the sections as the host sets them */
} skpi_audience;

/** @brief Compare with the period before (a flag of skpi_report_set_comparisons()). */
#define SKPI_COMPARE_PREVIOUS 0x1u
/** @brief Compare with the same period a year earlier. */
#define SKPI_COMPARE_YEAR_EARLIER 0x2u
/** @brief Compare with a named range (skpi_report_set_comparison_range()); it
 *         takes the place of the year-earlier comparison, so the two exclude
 *         each other. */
#define SKPI_COMPARE_RANGE 0x4u

/** @brief Sections of an assembled report. Values are fixed for ever. */
typedef enum skpi_section {
    SKPI_SECTION_SUMMARY = 0,     /**< headline sentences: what moved most, goals on and off track */
    SKPI_SECTION_WINS = 1,        /**< callouts: goals achieved, milestones hit, records, standout posts */
    SKPI_SECTION_KPIS = 2,        /**< the KPI table with comparisons and sparklines */
    SKPI_SECTION_CHANNELS = 3,    /**< per-channel breakdown of each KPI and its contribution to the change */
    SKPI_SECTION_TRENDS = 4,      /**< line charts of the KPIs over recent periods */
    SKPI_SECTION_GOALS = 5,       /**< goal scorecards and a progress-against-expected chart */
    SKPI_SECTION_OKRS = 6,        /**< OKR scorecards and a score chart */
    SKPI_SECTION_TOP_POSTS = 7,   /**< the best posts of the period */
    SKPI_SECTION_SPOT_CHECKS = 8, /**< values far outside the range of the preceding periods */
    SKPI_SECTION_NEXT_STEPS = 9,  /**< what needs attention next */
    SKPI_SECTION_CUSTOM = 10,     /**< where the host's custom sections go, in the order added */
    SKPI_SECTION_COMPETITORS = 11, /**< our figures beside each competitor's, their median and our rank (docs/competitors.md) */
    SKPI_SECTION_BENCHMARKS = 12, /**< our figures beside the industry benchmarks, with the gap and each one's source */
    SKPI_SECTION_FUNNEL = 13, /**< funnel and return: counts per step, step conversion, revenue, cost, ROI */
    SKPI_SECTION_RESOURCING = 14, /**< hours by activity and role, capacity, impact per hour,
                                       estimates and recommendations (needs skpi_report_set_effort()) */
    SKPI_SECTION_LISTENING = 15,  /**< mentions, sentiment and reach-weighted share of voice per brand,
                                       ours against competitors, and our top mentions (docs/report.md) */
    SKPI_SECTION_WHAT_WORKED = 16, /**< posts by type and by tag with their best and weakest posts (docs/content.md) */
    SKPI_SECTION_POSTING_TIMES = 17, /**< a weekday x hour heat map of the median per post and the best times to post */
    SKPI_SECTION_CAMPAIGN = 18    /**< a campaign report's campaign: what changed against its baseline, its posts
                                       (skpi_report_set_campaign(); after the summary) */
} skpi_section;

/** @brief The number of ::skpi_section values (19). */
SKPI_API int skpi_section_count(void);

/** @brief The key of a section ("summary", "wins", ... "custom", "funnel", "listening"); NULL for unknown values. Static. */
SKPI_API const char *skpi_section_name(int section);

/** @brief The key of an audience ("self", "team", ... "custom"); NULL for unknown values. Static. */
SKPI_API const char *skpi_audience_name(int audience);

/**
 * @brief A custom section: a host callback that appends blocks to the document.
 *
 * Called once per assembly, in the order the sections were added, at the
 * position of ::SKPI_SECTION_CUSTOM. It may add any blocks to `doc` with the
 * `skpi_doc_add_*` functions; it must not free `doc` or `report`. Returns 0
 * to go on; non-zero stops the assembly, which returns ::SKPI_ECALLBACK and
 * frees the document (a message set with skpi_error_set() is kept).
 */
typedef int (*skpi_section_fn)(skpi_doc *doc, const skpi_report *report, void *userdata);

/**
 * @brief Create a report definition with the team preset, monthly cadence,
 *        both comparisons, as-of time 0 (set it) and the default calendar.
 * @param out   receives the definition; free it with skpi_report_free()
 * @param title the title; copied; not empty
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EINVAL (empty title), SKPI_ENOMEM
 */
SKPI_API int skpi_report_new(skpi_report **out, const char *title);

/** @brief Free a report definition. NULL is allowed and does nothing. */
SKPI_API void skpi_report_free(skpi_report *report);

/**
 * @brief Set the title.
 * @param report the definition
 * @param title  the title; copied; not empty
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EINVAL (empty), SKPI_ENOMEM
 */
SKPI_API int skpi_report_set_title(skpi_report *report, const char *title);

/** @brief The title (NULL for NULL). Borrowed. */
SKPI_API const char *skpi_report_title(const skpi_report *report);

/**
 * @brief Choose the audience; a preset replaces the sections, their order
 *        and the detail.
 *
 * - self: summary, wins, KPIs, channels, trends, listening, funnel, goals,
 *   OKRs, top posts, spot checks, custom, next steps; all KPIs.
 * - team: summary, wins, KPIs, channels, trends, top posts, listening, spot
 *   checks, goals, OKRs, custom, next steps; all KPIs.
 * - management: summary, KPIs, goals, OKRs, trends, wins, listening,
 *   resourcing, custom, next steps; all KPIs, no per-channel detail.
 * - leadership: summary, goals, OKRs, wins, KPIs, listening, funnel, custom,
 *   next steps; at most 5 KPIs, goal and OKR status before any number.
 * - sales: summary, KPIs, funnel, goals, top posts (ranked by comments:
 *   what customers ask about), custom, next steps; KPIs about leads,
 *   conversions and clicks first.
 *
 * The funnel section shows only when the dataset holds funnel data (leads,
 * qualified leads, opportunities, customers or revenue), the listening
 * section only when it holds mentions of a `listening:` channel:
 * docs/report.md.
 * - custom: keeps the current sections and detail.
 * @param report   the definition
 * @param audience an ::skpi_audience
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EINVAL (unknown audience)
 */
SKPI_API int skpi_report_set_audience(skpi_report *report, int audience);

/** @brief The ::skpi_audience, or SKPI_EMISUSE for NULL. */
SKPI_API int skpi_report_audience(const skpi_report *report);

/**
 * @brief Set the cadence (day, week, month, quarter or year).
 * @param report  the definition
 * @param cadence an ::skpi_cadence
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EINVAL (unknown cadence)
 */
SKPI_API int skpi_report_set_cadence(skpi_report *report, int cadence);

/** @brief The ::skpi_cadence, or SKPI_EMISUSE for NULL. */
SKPI_API int skpi_report_cadence(const skpi_report *report);

/**
 * @brief Set the as-of time: data before it count; the report covers the
 *        last complete period before it.
 * @param report the definition
 * @param as_of  a time from skpi_time_min() to skpi_time_max()
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_report_set_as_of(skpi_report *report, skpi_time as_of);

/** @brief The as-of time (0 for NULL). */
SKPI_API skpi_time skpi_report_as_of(const skpi_report *report);

/**
 * @brief The period the report covers: the last complete period of its
 *        cadence before the as-of time, in its calendar (what
 *        skpi_report_assemble() reports on). A host that delivers reports
 *        keys its records by it (docs/delivery.md).
 * @param out    receives the period `[start, end)`
 * @param report the definition
 * With an explicit range (skpi_report_set_range()) it is that range, one
 * running up to the as-of time ending there.
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument); SKPI_ERANGE (the period
 *         falls outside years 1 to 9999); SKPI_EINVAL (a range up to the
 *         as-of time that starts at or after it)
 */
SKPI_API int skpi_report_period(skpi_period *out, const skpi_report *report);

/**
 * @brief Set the calendar (time zone, week start, fiscal year).
 * @param report the definition
 * @param cal    the calendar, copied; NULL for UTC, Monday weeks, calendar years
 * @return SKPI_OK, SKPI_EMISUSE (NULL report), SKPI_ENOMEM
 */
SKPI_API int skpi_report_set_calendar(skpi_report *report, const skpi_calendar *cal);

/**
 * @brief The report's calendar (its time zone, week start and fiscal year).
 * @param report the definition
 * @return borrowed, valid until the calendar is replaced or the report
 *         freed; NULL for a NULL report. Copy it with skpi_calendar_clone()
 *         to change it, then set the copy with skpi_report_set_calendar().
 */
SKPI_API const skpi_calendar *skpi_report_calendar(const skpi_report *report);

/**
 * @brief Set the locale of the report's numbers, words and period labels
 *        (docs/locale.md): "de-DE" writes "1.234,5" and "März 2026".
 *        Assembly shapes the narrative's numbers in it and the document
 *        carries it to the renderers (skpi_doc_locale()).
 * @param report the definition
 * @param locale a BCP 47 tag ICU has data for ("de-DE", "fr-FR", "en-US");
 *               copied; NULL or "" for the built-in English shape
 * @return SKPI_OK, SKPI_EMISUSE (NULL report), SKPI_EINVAL (malformed or
 *         without data: the message names it)
 */
SKPI_API int skpi_report_set_locale(skpi_report *report, const char *locale);

/** @brief The report's locale; NULL when unset or for a NULL report. Borrowed. */
SKPI_API const char *skpi_report_locale(const skpi_report *report);

/**
 * @brief Choose the comparisons.
 * @param report the definition
 * @param flags  ::SKPI_COMPARE_PREVIOUS, ::SKPI_COMPARE_YEAR_EARLIER, both, or 0 for
 *               none; ::SKPI_COMPARE_RANGE instead of ::SKPI_COMPARE_YEAR_EARLIER
 *               once a named range is set (skpi_report_set_comparison_range())
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EINVAL (unknown bits; ::SKPI_COMPARE_RANGE
 *         without a named range or together with ::SKPI_COMPARE_YEAR_EARLIER)
 */
SKPI_API int skpi_report_set_comparisons(skpi_report *report, unsigned flags);

/** @brief The comparison flags (0 for NULL). */
SKPI_API unsigned skpi_report_comparisons(const skpi_report *report);

/**
 * @brief Set the currency shown after money amounts ("EUR"); see skpi_doc_set_currency().
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EINVAL (longer than 8 bytes or a control character), SKPI_ENOMEM
 */
SKPI_API int skpi_report_set_currency(skpi_report *report, const char *currency);

/**
 * @brief Add a channel or selector to break the KPIs down by.
 *
 * Without any, the breakdown uses every channel the dataset knows that the
 * KPI's selector matches.
 * @param report   the definition
 * @param selector a channel (`instagram:@acme`) or selector (`@paid`); copied.
 *                 Its form is checked here; whether a `@group` exists, at
 *                 assembly.
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EINVAL (empty, or of no known form),
 *         SKPI_EEXISTS (added already), SKPI_ENOMEM
 */
SKPI_API int skpi_report_add_channel(skpi_report *report, const char *selector);

/** @brief The number of channels added (0 for NULL). */
SKPI_API size_t skpi_report_channel_count(const skpi_report *report);

/** @brief A channel added, borrowed; NULL when out of range. */
SKPI_API const char *skpi_report_channel(const skpi_report *report, size_t index);

/**
 * @brief Give a channel, selector or group the name readers see
 *        ("Social listening" for `listening:*`).
 *
 * Wherever the report shows a channel (KPI rows, the per-channel tables,
 * sentences, top posts), it shows this name. Without one it makes one from
 * the key (skpi_report_channel_name()).
 * @param report   the definition
 * @param selector a channel (`instagram:@acme`), `network:*`, `@group` or
 *                 `*`; copied
 * @param name     the name, copied; NULL removes the one set
 * @return SKPI_OK; SKPI_EMISUSE (NULL report or selector); SKPI_EINVAL (a
 *         selector of no known form, an empty name); SKPI_ENOMEM
 */
SKPI_API int skpi_report_set_channel_name(skpi_report *report, const char *selector, const char *name);

/**
 * @brief The name readers see for a channel, selector or group.
 *
 * The name set with skpi_report_set_channel_name(), else one made from the
 * key: the network's name and the account for a channel ("Instagram
 * @acme", "LinkedIn acme-corp"), the network's name for `network:*`
 * ("Instagram"; `web` reads "Website" and `listening` "Social listening";
 * another network key with a capital letter), the group's name for
 * `@group`, and the `all_channels` template for `*`.
 * @param buf      receives the name, NUL-terminated
 * @param size     the size of buf (320 bytes hold any name made from a key)
 * @param report   the definition
 * @param selector the channel, selector or group
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument, size 0); SKPI_ERANGE (buf is
 *         too small: it holds the name cut short, the message says the size needed)
 */
SKPI_API int skpi_report_channel_name(char *buf, size_t size, const skpi_report *report, const char *selector);

/**
 * @brief Add a KPI: a metric on a selector. The first KPI leads the summary.
 * @param report   the definition
 * @param metric   a metric key of the dataset's catalog (checked at assembly); copied
 * @param selector a selector; NULL means `*` (every channel); copied; its
 *                 form is checked here, a `@group`'s existence at assembly
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EINVAL (empty metric, or a selector
 *         of no known form), SKPI_EEXISTS (the same metric and selector
 *         again), SKPI_ENOMEM
 */
SKPI_API int skpi_report_add_kpi(skpi_report *report, const char *metric, const char *selector);

/** @brief The number of KPIs (0 for NULL). */
SKPI_API size_t skpi_report_kpi_count(const skpi_report *report);

/**
 * @brief A KPI.
 * @param metric   receives the borrowed metric key (may be NULL)
 * @param selector receives the borrowed selector (may be NULL)
 * @param report   the definition
 * @param index    the KPI's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_report_kpi(const char **metric, const char **selector, const skpi_report *report,
                             size_t index);

/**
 * @brief Add a SMART goal; the report keeps a copy (skpi_goal_clone()).
 * @param report the definition
 * @param goal   the goal
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ENOMEM
 */
SKPI_API int skpi_report_add_goal(skpi_report *report, const skpi_goal *goal);

/** @brief The number of goals (0 for NULL). */
SKPI_API size_t skpi_report_goal_count(const skpi_report *report);

/**
 * @brief A goal of the report: its own copy, in the order added.
 * @param report the definition
 * @param index  0 to skpi_report_goal_count() - 1
 * @return borrowed, valid until the report is freed; NULL when report is
 *         NULL or index is out of range
 */
SKPI_API const skpi_goal *skpi_report_goal(const skpi_report *report, size_t index);

/**
 * @brief Add an objective (with its key results and aligned objectives).
 *
 * Borrowed, not copied (an alignment tree has no copy): it must outlive the
 * definition and must not change during skpi_report_assemble().
 * @param report    the definition
 * @param objective the objective
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EEXISTS (added already), SKPI_ENOMEM
 */
SKPI_API int skpi_report_add_objective(skpi_report *report, const skpi_objective *objective);

/** @brief The number of objectives (0 for NULL). */
SKPI_API size_t skpi_report_objective_count(const skpi_report *report);

/**
 * @brief An objective the report borrows, in the order added: the very
 *        objective given to skpi_report_add_objective(), so a host can tell
 *        which of its objectives must outlive the report.
 * @param report the definition
 * @param index  0 to skpi_report_objective_count() - 1
 * @return the objective; NULL when report is NULL or index is out of range
 */
SKPI_API const skpi_objective *skpi_report_objective(const skpi_report *report, size_t index);

/**
 * @brief Set which sections appear, in this order (the audience becomes custom).
 * @param report   the definition
 * @param sections ::skpi_section values, each at most once
 * @param count    how many (0: an empty report but for the title)
 * @return SKPI_OK, SKPI_EMISUSE (NULL sections with count > 0), SKPI_EINVAL
 *         (unknown or repeated section)
 */
SKPI_API int skpi_report_set_sections(skpi_report *report, const int *sections, size_t count);

/**
 * @brief Switch one section on (at its place in the preset order) or off.
 * @param report  the definition
 * @param section an ::skpi_section
 * @param on      1 to show, 0 to hide
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EINVAL (unknown section, on not 0 or 1)
 */
SKPI_API int skpi_report_set_section(skpi_report *report, int section, int on);

/** @brief The number of sections shown (0 for NULL). */
SKPI_API size_t skpi_report_section_count(const skpi_report *report);

/** @brief The section shown at a position, or SKPI_ERANGE / SKPI_EMISUSE. */
SKPI_API int skpi_report_section(const skpi_report *report, size_t index);

/**
 * @brief Set how far outside the usual range a value must be to count as a
 *        spot check.
 *
 * A period's value x is compared with the values of the `window` periods
 * before it: median m and median absolute deviation MAD. It is flagged when
 * both
 * - its modified z-score 0.6745 * |x - m| / MAD exceeds `sensitivity`
 *   (Iglewicz and Hoaglin's 3.5 by default), and
 * - it differs from m by at least `min_change` percent of |m| (20 by
 *   default): a swing must also be big enough to matter, because with a
 *   dozen earlier periods the MAD is itself uncertain and ordinary noise
 *   passes the z-score alone in about 2 % of series.
 *
 * When MAD is 0 the mean absolute deviation from the median (times 1.2533)
 * stands in for it; when that is 0 too, any value different from the
 * constant history passes the z-score test. Fewer than 5 usable earlier
 * values: no spot check. Spot checks run on each KPI's total and on each
 * channel of its breakdown.
 * @param report      the definition
 * @param sensitivity the z-score threshold, 1 to 100 (lower flags more)
 * @param window      earlier periods compared with, 5 to 520 (default 12)
 * @param min_change  the smallest relative swing in percent, 0 to 1000 (0: any)
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_report_set_spot_checks(skpi_report *report, double sensitivity, unsigned window,
                                         double min_change);

/**
 * @brief Set how many top posts to show and the metric that ranks them.
 * @param report the definition
 * @param count  0 (none) to 50; default 3
 * @param metric the ranking metric key (checked at assembly); NULL keeps the
 *               current one ("engagements" by default; "comments" for sales); copied
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE (count), SKPI_EINVAL (empty metric), SKPI_ENOMEM
 */
SKPI_API int skpi_report_set_top_posts(skpi_report *report, size_t count, const char *metric);

/**
 * @brief Set the most KPIs shown in the KPI table (the leadership preset sets 5).
 * @param report the definition
 * @param max    0 for all
 * @return SKPI_OK, SKPI_EMISUSE
 */
SKPI_API int skpi_report_set_max_kpis(skpi_report *report, size_t max);

/**
 * @brief Add a custom section, shown at the position of ::SKPI_SECTION_CUSTOM.
 * @param report   the definition
 * @param title    a heading put before the section's blocks; NULL or "" for none; copied
 * @param fn       the callback
 * @param userdata passed to fn; owned by the host
 * @return SKPI_OK, SKPI_EMISUSE (NULL report or fn), SKPI_ENOMEM
 */
SKPI_API int skpi_report_add_section(skpi_report *report, const char *title, skpi_section_fn fn,
                                     void *userdata);


/**
 * @brief Replace a template for this report.
 *
 * `{name}` is replaced by the named value; `{{` and `}}` stand for braces.
 * A count may choose among plural forms by CLDR's rules for the report's
 * locale (English without one): `{total, plural, one {# goal} other {#
 * goals}}` with the forms `zero`, `one`, `two`, `few`, `many`, `other`
 * (required) and exact `=N`; `#` in a form stands for the number, and
 * braces inside a form nest (docs/locale.md, Plural forms).
 * @param report the definition
 * @param key    an ::skpi_template
 * @param text   the new text; copied; NULL restores the default (the
 *               built-in translation when the report's locale has one)
 * @return SKPI_OK; SKPI_EMISUSE; SKPI_EINVAL (unknown key, an unbalanced
 *         brace, a placeholder the template does not offer, or a plural
 *         form that is not well formed: the message names it); SKPI_ENOMEM
 */
SKPI_API int skpi_report_set_template(skpi_report *report, int key, const char *text);

/** @brief The template text in force for this report: its own, else the built-in
 *         German or French translation when its locale's language is `de` or `fr`, else
 *         the English default (NULL for NULL or an unknown key). Borrowed. */
SKPI_API const char *skpi_report_template(const skpi_report *report, int key);

/**
 * @brief Assemble the report: compute its figures from the dataset, goals and
 *        OKRs, and build the document.
 * @param out    receives the document; free it with skpi_doc_free()
 * @param report the definition
 * @param ds     the dataset (not const: a dataset with a source may fetch)
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument); SKPI_ENOTFOUND (a KPI or
 *         the top-posts metric not in the catalog, an unknown group: the
 *         message names it); SKPI_EINVAL (a malformed selector; a goal or
 *         objective the goal and OKR modules reject: the message says which);
 *         SKPI_ERANGE (periods outside the calendar's range);
 *         SKPI_ECALLBACK (a custom section or the dataset's source stopped);
 *         SKPI_ENOMEM. On error nothing is returned.
 */
SKPI_API int skpi_report_assemble(skpi_doc **out, const skpi_report *report, skpi_dataset *ds);

/** @brief How much of a report's period its data covers (skpi_report_coverage()). */
typedef enum skpi_coverage {
    SKPI_COVERAGE_FULL = 0,    /**< data from the first to the last day of the period */
    SKPI_COVERAGE_PARTIAL = 1, /**< data for only part of the period (it starts late or ends early) */
    SKPI_COVERAGE_NONE = 2     /**< no KPI has any data in the period */
} skpi_coverage;

/**
 * @brief How much of the report's period (skpi_report_period()) the data
 *        covers, judged by the report's KPIs.
 *
 * The period is covered from the earliest first point to the latest last
 * point of the KPIs that have a value in it, each last point standing for
 * its slot of the dataset's resolution (a day by default): data ending on
 * 22 March covers a month up to 23 March 00:00. A report without KPIs
 * counts as covered. skpi_report_assemble() says so in the summary: no
 * data, or a partly covered period, comes before any comparison
 * (docs/report.md).
 * @param coverage receives an ::skpi_coverage value
 * @param covered  receives the covered part of the period, `[start, end)`
 *                 (empty, at the period's start, when there is none); may be NULL
 * @param report   the definition
 * @param ds       the dataset (not const: a dataset with a source may fetch)
 * @return SKPI_OK; SKPI_EMISUSE (NULL coverage, report or ds); SKPI_EINVAL
 *         (a malformed selector); SKPI_ERANGE (the period falls outside
 *         years 1 to 9999); SKPI_ECALLBACK (the dataset's source stopped);
 *         SKPI_ENOMEM
 */
SKPI_API int skpi_report_coverage(int *coverage, skpi_period *covered, const skpi_report *report,
                                  skpi_dataset *ds);

#ifdef SKPI_EXPERIMENTAL
/* ------------------------------------------------------------------ */
/* Experimental: custom date ranges and named comparison ranges         */

/**
 * @brief Make the report cover an explicit range instead of the last
 *        complete cadence period (docs/report.md, "Custom date ranges").
 *
 * The range is compared with the range of the same length just before it
 * (::SKPI_COMPARE_PREVIOUS: the same number of calendar days when both ends
 * are midnights of the report's calendar), the same range a year earlier
 * (::SKPI_COMPARE_YEAR_EARLIER: each end moved back twelve months, 29
 * February to 28 February) or a named range (::SKPI_COMPARE_RANGE). Trends
 * and spot checks compare it with the ranges of the same length before it;
 * the cadence still says how goals count their pace. Goals and OKRs are
 * evaluated at the as-of time as before.
 * @param report the definition
 * @param range  `[start, end)`; an end of ::SKPI_TIME_END means "up to the
 *               as-of time" (a range "since launch"); NULL goes back to the
 *               cadence period (and forgets the name)
 * @param name   what readers call the range ("since launch"); copied; NULL
 *               or "" names it by its first and last day
 * @return SKPI_OK; SKPI_EMISUSE (NULL report); SKPI_EINVAL (the range ends
 *         before it starts, or where it starts: the message gives both
 *         ends); SKPI_ERANGE (a time outside years 1 to 9999); SKPI_ENOMEM.
 *         On error the report is unchanged.
 */
SKPI_API int skpi_report_set_range(skpi_report *report, const skpi_period *range, const char *name);

/**
 * @brief The explicit range set with skpi_report_set_range().
 * @param range  receives the range as set (its end ::SKPI_TIME_END when it
 *               runs up to the as-of time); may be NULL
 * @param name   receives the borrowed name, "" when none; may be NULL
 * @param report the definition
 * @return SKPI_OK; SKPI_EMISUSE (NULL report); SKPI_ENOTFOUND (the report
 *         covers its cadence period; the out-parameters are left alone)
 */
SKPI_API int skpi_report_range(skpi_period *range, const char **name, const skpi_report *report);

/**
 * @brief Compare with a named range ("the launch month", "spring 2025")
 *        and switch ::SKPI_COMPARE_RANGE on (and ::SKPI_COMPARE_YEAR_EARLIER
 *        off: the named range takes its column).
 * @param report the definition
 * @param range  `[start, end)`, start before end; NULL removes the named
 *               range and switches ::SKPI_COMPARE_RANGE off
 * @param name   the range's name for readers; copied; NULL or "" names it
 *               by its first and last day
 * @return SKPI_OK; SKPI_EMISUSE (NULL report); SKPI_EINVAL (the range ends
 *         before it starts); SKPI_ERANGE (a time outside years 1 to 9999);
 *         SKPI_ENOMEM. On error the report is unchanged.
 */
SKPI_API int skpi_report_set_comparison_range(skpi_report *report, const skpi_period *range,
                                              const char *name);

/**
 * @brief The named comparison range (skpi_report_set_comparison_range()).
 * @param range  receives the range; may be NULL
 * @param name   receives the borrowed name, "" when none; may be NULL
 * @param report the definition
 * @return SKPI_OK; SKPI_EMISUSE (NULL report); SKPI_ENOTFOUND (none set)
 */
SKPI_API int skpi_report_comparison_range(skpi_period *range, const char **name,
                                          const skpi_report *report);

/**
 * @brief Set the industry benchmarks the report compares with (experimental).
 *
 * The ::SKPI_SECTION_BENCHMARKS section shows, for each KPI, each of the
 * competitor figures (docs/competitors.md) that has a benchmark of the
 * industry (skpi_benchmarks_find()), our value beside it, the gap and the
 * benchmark's source.
 * @param report     the definition
 * @param benchmarks the table, copied; NULL removes the report's table
 * @param industry   the industry to look up ("Retail"); copied; required
 *                   with a table, ignored without one
 * @return SKPI_OK, SKPI_EMISUSE (NULL report, or a table without an
 *         industry), SKPI_EINVAL (empty industry), SKPI_ENOMEM. On error
 *         the definition is unchanged.
 */
SKPI_API int skpi_report_set_benchmarks(skpi_report *report, const skpi_benchmarks *benchmarks,
                                        const char *industry);

/** @brief The report's benchmark table; borrowed, valid until the report changes or is freed; NULL when none. */
SKPI_API const skpi_benchmarks *skpi_report_benchmarks(const skpi_report *report);

/** @brief The industry of the report's benchmarks; borrowed; NULL when none. */
SKPI_API const char *skpi_report_industry(const skpi_report *report);

/**
 * @brief Give the report a team's effort for its Resourcing section and its
 *        recommendations (experimental).
 *
 * Without effort the Resourcing section writes nothing. The section shows
 * the hours of the report's period against the previous period
 * (docs/resourcing.md); the next steps add, for each goal and OKR at risk
 * or off track, which activity brought more of its metric per hour.
 * @param report the report
 * @param effort the team's effort, borrowed: it must outlive every
 *               skpi_report_assemble() of the report; NULL removes it
 * @return SKPI_OK, SKPI_EMISUSE (NULL report)
 */
SKPI_API int skpi_report_set_effort(skpi_report *report, const skpi_effort *effort);

/** @brief The effort given by skpi_report_set_effort(), or NULL (experimental). */
SKPI_API const skpi_effort *skpi_report_effort(const skpi_report *report);

/* ------------------------------------------------------------------ */
/* Experimental: campaigns and campaign reports                        */

/**
 * @brief A campaign (opaque): a name, the period it ran, the channels it
 *        ran on and which of their posts belong to it (docs/report.md,
 *        "Campaigns").
 *
 * A post belongs to a campaign when it was published in the campaign's
 * period on one of its channels and, if the campaign has post selectors,
 * matches at least one of them (::skpi_post_selector). Without selectors
 * every post of its channels in the period belongs to it.
 */
typedef struct skpi_campaign skpi_campaign;

/** @brief How a campaign picks its posts (skpi_campaign_add_selector()). Values are fixed for ever. */
typedef enum skpi_post_selector {
    SKPI_SELECT_TAG = 0,          /**< the post has the tag: a hashtag of its text or a label it
                                       carries, such as a Meta custom label (skpi_post_has_tag()) */
    SKPI_SELECT_UTM_CAMPAIGN = 1, /**< the post's link has `utm_campaign=` this value (case does not matter) */
    SKPI_SELECT_POST_ID = 2       /**< the post has this id (exactly) */
} skpi_post_selector;

/**
 * @brief Create a campaign.
 * @param out    receives the campaign; free it with skpi_campaign_free()
 * @param name   its name ("Spring sale"); copied; not empty, no control characters
 * @param period when it ran, `[start, end)`; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument); SKPI_EINVAL (empty name,
 *         a control character, or a period that ends before it starts:
 *         the message gives both ends); SKPI_ERANGE (a time outside years 1
 *         to 9999); SKPI_ENOMEM
 */
SKPI_API int skpi_campaign_new(skpi_campaign **out, const char *name, const skpi_period *period);

/** @brief Free a campaign. NULL is allowed and does nothing. */
SKPI_API void skpi_campaign_free(skpi_campaign *campaign);

/**
 * @brief Copy a campaign.
 * @param out      receives the copy; free it with skpi_campaign_free()
 * @param campaign the campaign
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_ENOMEM
 */
SKPI_API int skpi_campaign_clone(skpi_campaign **out, const skpi_campaign *campaign);

/** @brief The campaign's name (NULL for NULL). Borrowed. */
SKPI_API const char *skpi_campaign_name(const skpi_campaign *campaign);

/**
 * @brief The period the campaign ran.
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument)
 */
SKPI_API int skpi_campaign_period(skpi_period *out, const skpi_campaign *campaign);

/**
 * @brief Add a channel the campaign ran on.
 * @param campaign the campaign
 * @param selector a channel (`instagram:@acme`), `network:*` or `@group`; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument); SKPI_EINVAL (a selector of
 *         no known form); SKPI_EEXISTS (added already); SKPI_ENOMEM
 */
SKPI_API int skpi_campaign_add_channel(skpi_campaign *campaign, const char *selector);

/** @brief The number of channels added (0 for NULL); none means every channel. */
SKPI_API size_t skpi_campaign_channel_count(const skpi_campaign *campaign);

/** @brief A channel added, borrowed; NULL when out of range. */
SKPI_API const char *skpi_campaign_channel(const skpi_campaign *campaign, size_t index);

/**
 * @brief Add a post selector.
 * @param campaign the campaign
 * @param kind     an ::skpi_post_selector
 * @param value    the tag (with or without `#`), `utm_campaign` value
 *                 or post id; copied; not empty
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument); SKPI_EINVAL (unknown kind,
 *         empty value); SKPI_EEXISTS (added already); SKPI_ENOMEM
 */
SKPI_API int skpi_campaign_add_selector(skpi_campaign *campaign, int kind, const char *value);

/** @brief The number of post selectors (0 for NULL). */
SKPI_API size_t skpi_campaign_selector_count(const skpi_campaign *campaign);

/**
 * @brief A post selector.
 * @param kind     receives its ::skpi_post_selector (may be NULL)
 * @param value    receives the borrowed value as added (may be NULL)
 * @param campaign the campaign
 * @param index    0 to skpi_campaign_selector_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_campaign_selector(int *kind, const char **value, const skpi_campaign *campaign,
                                    size_t index);

/**
 * @brief Choose the baseline the campaign is compared with.
 * @param campaign the campaign
 * @param baseline `[start, end)`; NULL for the default: the period of the
 *                 same length just before the campaign
 * @return SKPI_OK; SKPI_EMISUSE (NULL campaign); SKPI_EINVAL (a baseline
 *         that ends before it starts); SKPI_ERANGE
 */
SKPI_API int skpi_campaign_set_baseline(skpi_campaign *campaign, const skpi_period *baseline);

/**
 * @brief The baseline chosen with skpi_campaign_set_baseline().
 * @return SKPI_OK; SKPI_EMISUSE; SKPI_ENOTFOUND (none chosen: the campaign
 *         is compared with the period of its length just before it)
 */
SKPI_API int skpi_campaign_baseline(skpi_period *out, const skpi_campaign *campaign);

/**
 * @brief Whether a post belongs to the campaign: published in its period,
 *        on one of its channels, and matching a selector when it has any.
 * @param out      receives 1 or 0
 * @param campaign the campaign
 * @param ds       the dataset the post belongs to (for channel groups)
 * @param post     a post of ds (skpi_dataset_post())
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument); SKPI_ENOTFOUND (a channel
 *         `@group` the dataset does not know)
 */
SKPI_API int skpi_campaign_match(int *out, const skpi_campaign *campaign, const skpi_dataset *ds,
                                 const skpi_post *post);

/**
 * @brief Make the report a campaign report (docs/report.md, "Campaigns").
 *
 * The report covers the campaign's period (skpi_report_set_range(), named
 * after the campaign) and compares it with its baseline: the period of the
 * same length before it (::SKPI_COMPARE_PREVIOUS), or the chosen one as a
 * named range "baseline" (::SKPI_COMPARE_RANGE). KPIs whose selector is
 * `*` measure the campaign's channels; the channel tables break each KPI
 * down by them. The ::SKPI_SECTION_CAMPAIGN section is switched on: what
 * changed against the baseline, metric by metric and channel by channel,
 * and the campaign's posts.
 * @param report   the definition
 * @param campaign the campaign, copied; NULL makes it an ordinary report
 *                 again (its range, comparisons and sections stay as they are)
 * @return SKPI_OK, SKPI_EMISUSE (NULL report), SKPI_ENOMEM. On error the
 *         report is unchanged.
 */
SKPI_API int skpi_report_set_campaign(skpi_report *report, const skpi_campaign *campaign);

/** @brief The report's campaign (its own copy), or NULL. Borrowed. */
SKPI_API const skpi_campaign *skpi_report_campaign(const skpi_report *report);
#endif /* SKPI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_REPORT_H */
