/* YouTube Studio exports: `Table data.csv` by date (with a `Total` row) or
 * by video (each video a post on its publish day), and `Chart data.csv` (one
 * row per date, or per date and video: rows of one date add up). Watch time
 * in hours becomes seconds; average view duration is recomputed by the
 * catalog (watch time over views), never imported. */
#include "import/presets.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

#define YT_METRICS                                                              \
    { "Views", SKPI__COL_METRIC, "video_views", 0 },                            \
    { "Watch time (hours)", SKPI__COL_METRIC, "watch_time", SKPI__HOURS },      \
    { "Subscribers", SKPI__COL_METRIC, "net_followers", 0 },                    \
    { "Subscribers gained", SKPI__COL_METRIC, "new_followers", 0 },             \
    { "Subscribers lost", SKPI__COL_METRIC, "lost_followers", 0 },              \
    { "Impressions", SKPI__COL_METRIC, "impressions", 0 },                      \
    { "Impressions click-through rate (%)", SKPI__COL_IGNORE, NULL, 0 },        \
    { "Average view duration", SKPI__COL_IGNORE, NULL, 0 },                     \
    { "Average percentage viewed (%)", SKPI__COL_IGNORE, NULL, 0 },             \
    { "Likes", SKPI__COL_METRIC, "likes", 0 },                                  \
    { "Dislikes", SKPI__COL_METRIC, "dislikes", 0 },                            \
    { "Comments added", SKPI__COL_METRIC, "comments", 0 },                      \
    { "Shares", SKPI__COL_METRIC, "shares", 0 },                                \
    { "Unique viewers", SKPI__COL_METRIC, "reach", 0 },                         \
    { "Estimated revenue (USD)", SKPI__COL_METRIC, "creator_earnings", 0 }

static const skpi__preset_column youtube_table_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Watch time (hours)", SKPI__COL_METRIC, "watch_time", SKPI__REQ | SKPI__HOURS },
    YT_METRICS,
};

const skpi__preset skpi__preset_youtube_table = {
    SKPI_IMPORT_YOUTUBE_TABLE, "youtube_table", "youtube", SKPI__SHAPE_DAILY, SKPI__DATE_ANY,
    SKPI__P_TOTAL_ROW, youtube_table_columns, N(youtube_table_columns)
};

static const skpi__preset_column youtube_chart_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Views", SKPI__COL_METRIC, "video_views", SKPI__REQ },
    { "Content", SKPI__COL_IGNORE, NULL, 0 },
    { "Video title", SKPI__COL_IGNORE, NULL, 0 },
    { "Video publish time", SKPI__COL_IGNORE, NULL, 0 },
    { "Duration", SKPI__COL_IGNORE, NULL, 0 },
    YT_METRICS,
};

const skpi__preset skpi__preset_youtube_chart = {
    SKPI_IMPORT_YOUTUBE_CHART, "youtube_chart", "youtube", SKPI__SHAPE_DAILY, SKPI__DATE_ANY,
    SKPI__P_TOTAL_ROW | SKPI__P_SUM_ROWS, youtube_chart_columns, N(youtube_chart_columns)
};

/* The table grouped by video: no date column, one row per video (its id in
 * `Content`), a `Total` row first. */
static const skpi__preset_column youtube_videos_columns[] = {
    { "Content", SKPI__COL_POST_ID, NULL, SKPI__REQ },
    { "Video title", SKPI__COL_TEXT, NULL, 0 },
    { "Video publish time", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Duration", SKPI__COL_IGNORE, NULL, 0 },
    YT_METRICS,
};

const skpi__preset skpi__preset_youtube_videos = {
    SKPI_IMPORT_YOUTUBE_VIDEOS, "youtube_videos", "youtube", SKPI__SHAPE_POSTS, SKPI__DATE_ANY,
    SKPI__P_TOTAL_ROW, youtube_videos_columns, N(youtube_videos_columns)
};
