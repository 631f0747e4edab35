/* Private description of import presets: each export format is a table of
 * header names mapped onto roles and catalog metrics, matched by name. */
#ifndef SKPI_IMPORT_PRESETS_H
#define SKPI_IMPORT_PRESETS_H

#include "socialkpi/import.h"
#include "import/reader.h"

#include <stdbool.h>
#include <stddef.h>

/* What a column holds. */
enum skpi__role {
    SKPI__COL_IGNORE = 0,    /* known, not imported (text, rates recomputed by the catalog) */
    SKPI__COL_METRIC = 1,    /* a number for `metric` */
    SKPI__COL_DATE = 2,      /* the row's day (daily files) or the post's publish time */
    SKPI__COL_POST_ID = 3,
    SKPI__COL_LINK = 4,      /* permalink; also recovers ids written in scientific notation */
    SKPI__COL_TEXT = 5,
    SKPI__COL_TYPE = 6,
    SKPI__COL_ACCOUNT = 7,   /* an account name: the channel's account part */
    SKPI__COL_NETWORK = 8,   /* a network name (Sprout Social): the channel's network part */
    SKPI__COL_CHANNEL = 9,   /* a whole channel key (generic long) */
    SKPI__COL_METRIC_KEY = 10, /* the metric key of the row (generic long) */
    SKPI__COL_VALUE = 11,    /* the value of the row (generic long) or of the preamble's metric */
    SKPI__COL_SENTIMENT = 12, /* a mention's sentiment: a label or a signed score */
    SKPI__COL_AUTHOR = 13,   /* a mention's author: known, not stored */
    SKPI__COL_TAGS = 14,     /* labels the post carries, comma-separated (Meta's "Custom labels") */
    SKPI__COL_ANSWERED = 15, /* a message's first answer time; empty: never answered */
    SKPI__COL_RESPONSE = 16, /* a message's response time (seconds, H:MM:SS or minutes by flag) */
    SKPI__COL_BIN = 17       /* a response-time bin label ("0-15 min", "no reply") */
};

/* The highest ::skpi_import_preset: presets are numbered 0 to this. */
#define SKPI__PRESET_LAST SKPI_IMPORT_CARE_BINS

/* Column flags. */
#define SKPI__REQ 1u        /* part of the detection signature: must be present */
#define SKPI__DURATION 2u   /* H:MM:SS or seconds */
#define SKPI__HOURS 4u      /* a number of hours, stored as seconds */
#define SKPI__MINUTES 8u    /* a number of minutes (care response times) */

typedef struct skpi__preset_column {
    const char *name;   /* header text, compared case-insensitively, blanks trimmed */
    int role;           /* an skpi__role */
    const char *metric; /* catalog key for SKPI__COL_METRIC */
    unsigned flags;
} skpi__preset_column;

/* How rows become data. */
enum skpi__shape {
    SKPI__SHAPE_DAILY = 0, /* one row per day: series points */
    SKPI__SHAPE_POSTS = 1, /* one row per post: posts, plus daily flows by publish day */
    SKPI__SHAPE_LONG = 2,  /* date, channel, metric, value */
    SKPI__SHAPE_WIDE = 3,  /* a date column and host-mapped metric columns */
    SKPI__SHAPE_PREAMBLE_METRIC = 4, /* Meta daily files: the metric is named above the header */
    SKPI__SHAPE_MESSAGES = 5, /* customer care: one row per message, counted by day received */
    SKPI__SHAPE_BINS = 6      /* customer care: date, response-time bin, count */
};

/* Preset flags. */
#define SKPI__P_TOTAL_ROW 1u     /* skip a row whose first or date field reads "Total" */
#define SKPI__P_NO_YEAR 2u       /* dates may lack a year: rows are held to the end, and
                                  * years inferred from their order and the export date */
#define SKPI__P_EXPLICIT 4u      /* never chosen by detection alone */
#define SKPI__P_SUM_ROWS 8u      /* rows of the same date and channel add up */
#define SKPI__P_SHORT_ROWS 0x40u /* rows shorter than the header end in missing values */
#define SKPI__P_MONTH_FIRST 0x80u /* the platform writes 07/14/2026: ambiguous numeric dates are
                                     read month first unless the file proves otherwise */
#define SKPI__P_RANKING 0x100u   /* posts of a ranking (the top posts, not all of them): stored
                                  * with their values, but no daily flows and no covered days */
#define SKPI__P_MENTIONS 0x200u  /* mentions of a listening tool: each row a mention kept as a
                                  * post; the day's flows count mentions by sentiment */

typedef struct skpi__preset {
    int id;                      /* an skpi_import_preset */
    const char *name;            /* "x_tweets" */
    const char *network;         /* channel network part ("x"), NULL when rows name it */
    int shape;
    int date_form;               /* an skpi__date_form */
    unsigned flags;
    const skpi__preset_column *columns;
    size_t ncolumns;
} skpi__preset;

/* The presets of each family, defined one file per family. */
extern const skpi__preset skpi__preset_x_tweets, skpi__preset_x_daily,
    skpi__preset_x_content, skpi__preset_x_overview;
extern const skpi__preset skpi__preset_facebook_posts, skpi__preset_instagram_posts,
    skpi__preset_meta_daily;
extern const skpi__preset skpi__preset_linkedin_metrics, skpi__preset_linkedin_engagement,
    skpi__preset_linkedin_followers, skpi__preset_linkedin_page_followers,
    skpi__preset_linkedin_visitors, skpi__preset_linkedin_top_posts,
    skpi__preset_linkedin_discovery;
extern const skpi__preset skpi__preset_youtube_table, skpi__preset_youtube_chart,
    skpi__preset_youtube_videos;
extern const skpi__preset skpi__preset_tiktok_overview, skpi__preset_tiktok_followers,
    skpi__preset_tiktok_viewers, skpi__preset_tiktok_content, skpi__preset_tiktok_audience;
extern const skpi__preset skpi__preset_sprout_profiles;
extern const skpi__preset skpi__preset_generic_long, skpi__preset_generic_wide;
extern const skpi__preset skpi__preset_listening_mentions, skpi__preset_brandwatch_mentions;
extern const skpi__preset skpi__preset_care_messages, skpi__preset_zendesk_tickets,
    skpi__preset_care_bins;

/* The preset with this id, or NULL. */
const skpi__preset *skpi__preset_get(int id);

/* Header names match when equal ignoring ASCII case and surrounding blanks
 * and line breaks (and a UTF-8 BOM Excel sometimes leaves on the first name). */
bool skpi__header_equal(const char *field, size_t len, const char *name);

/* Whether header text f names preset column c: its name, or for TikTok
 * presets one of the localized names of tiktok_headers.c. */
bool skpi__column_named(const skpi__preset *p, const skpi__preset_column *c, const char *f,
                        size_t n);

/* Whether a header row fits a preset (every required column present) and
 * how well: *score = the preset's columns present minus the header's
 * columns the preset does not know. */
bool skpi__preset_fits(const skpi__preset *p, const char *const *fields, const size_t *lens,
                       size_t n, int *score);

/* The best preset for a header row among those detection may choose, or
 * NULL. */
const skpi__preset *skpi__preset_detect(const char *const *fields, const size_t *lens, size_t n);

#endif
