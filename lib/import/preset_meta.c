/* Meta Business Suite presets: Facebook and Instagram post exports, and the
 * daily page files (UTF-16, `sep=,`, a metric-name line above
 * `"Date","Primary"`). */
#include "import/presets.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Meta renamed "Impressions" to "Views" in 2024; both count how often the
 * content was shown, so both map onto impressions. */
static const skpi__preset_column facebook_posts_columns[] = {
    { "Post ID", SKPI__COL_POST_ID, NULL, SKPI__REQ },
    { "Page ID", SKPI__COL_IGNORE, NULL, SKPI__REQ },
    { "Page name", SKPI__COL_ACCOUNT, NULL, 0 },
    { "Title", SKPI__COL_IGNORE, NULL, 0 },
    { "Description", SKPI__COL_TEXT, NULL, 0 },
    { "Duration (sec)", SKPI__COL_IGNORE, NULL, 0 },
    { "Publish time", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Caption type", SKPI__COL_IGNORE, NULL, 0 },
    { "Permalink", SKPI__COL_LINK, NULL, 0 },
    { "Is crosspost", SKPI__COL_IGNORE, NULL, 0 },
    { "Is share", SKPI__COL_IGNORE, NULL, 0 },
    { "Post type", SKPI__COL_TYPE, NULL, 0 },
    { "Languages", SKPI__COL_IGNORE, NULL, 0 },
    { "Custom labels", SKPI__COL_TAGS, NULL, 0 },
    { "Funded content status", SKPI__COL_IGNORE, NULL, 0 },
    { "Data comment", SKPI__COL_IGNORE, NULL, 0 },
    { "Date", SKPI__COL_IGNORE, NULL, 0 },
    { "Impressions", SKPI__COL_METRIC, "impressions", 0 },
    { "Views", SKPI__COL_METRIC, "impressions", 0 },
    { "Reach", SKPI__COL_METRIC, "reach", 0 },
    { "IMPRESSION:UNIQUE_USERS", SKPI__COL_METRIC, "reach", 0 }, /* reach under its API name */
    { "Reactions, comments and shares", SKPI__COL_METRIC, "engagements", 0 },
    { "Reactions", SKPI__COL_METRIC, "likes", 0 },
    { "Comments", SKPI__COL_METRIC, "comments", 0 },
    { "Shares", SKPI__COL_METRIC, "shares", 0 },
    { "Total clicks", SKPI__COL_METRIC, "clicks", 0 },
    { "Link clicks", SKPI__COL_METRIC, "link_clicks", 0 },
    { "Other clicks", SKPI__COL_METRIC, "other_clicks", 0 },
    { "3-second video views", SKPI__COL_METRIC, "video_views", 0 },
    { "1-minute video views", SKPI__COL_METRIC, "video_views_1min", 0 },
    { "Seconds viewed", SKPI__COL_METRIC, "watch_time", 0 },
    { "Average Seconds viewed", SKPI__COL_IGNORE, NULL, 0 },
    { "Estimated earnings (USD)", SKPI__COL_METRIC, "creator_earnings", 0 },
};

const skpi__preset skpi__preset_facebook_posts = {
    SKPI_IMPORT_FACEBOOK_POSTS, "facebook_posts", "facebook", SKPI__SHAPE_POSTS,
    SKPI__DATE_ANY, SKPI__P_SHORT_ROWS | SKPI__P_MONTH_FIRST, facebook_posts_columns, N(facebook_posts_columns)
};

static const skpi__preset_column instagram_posts_columns[] = {
    { "Post ID", SKPI__COL_POST_ID, NULL, SKPI__REQ },
    { "Account ID", SKPI__COL_IGNORE, NULL, SKPI__REQ },
    { "Account username", SKPI__COL_ACCOUNT, NULL, 0 },
    { "Account name", SKPI__COL_IGNORE, NULL, 0 },
    { "Description", SKPI__COL_TEXT, NULL, 0 },
    { "Duration (sec)", SKPI__COL_IGNORE, NULL, 0 },
    { "Publish time", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Permalink", SKPI__COL_LINK, NULL, 0 },
    { "Post type", SKPI__COL_TYPE, NULL, 0 },
    { "Custom labels", SKPI__COL_TAGS, NULL, 0 },
    { "Data comment", SKPI__COL_IGNORE, NULL, 0 },
    { "Date", SKPI__COL_IGNORE, NULL, 0 },
    { "Impressions", SKPI__COL_METRIC, "impressions", 0 },
    { "Views", SKPI__COL_METRIC, "impressions", 0 },
    { "Reach", SKPI__COL_METRIC, "reach", 0 },
    { "Likes", SKPI__COL_METRIC, "likes", 0 },
    { "Shares", SKPI__COL_METRIC, "shares", 0 },
    { "Follows", SKPI__COL_METRIC, "new_followers", 0 },
    { "Comments", SKPI__COL_METRIC, "comments", 0 },
    { "Saves", SKPI__COL_METRIC, "saves", 0 },
    { "Plays", SKPI__COL_METRIC, "video_views", 0 },
    { "Profile visits", SKPI__COL_METRIC, "profile_visits", 0 },
};

const skpi__preset skpi__preset_instagram_posts = {
    SKPI_IMPORT_INSTAGRAM_POSTS, "instagram_posts", "instagram", SKPI__SHAPE_POSTS,
    SKPI__DATE_ANY, SKPI__P_SHORT_ROWS | SKPI__P_MONTH_FIRST, instagram_posts_columns, N(instagram_posts_columns)
};

/* The metric comes from the line above the header ("Facebook Page reach",
 * "Instagram profile visits"...): see meta_metric_of() in import.c. */
static const skpi__preset_column meta_daily_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Primary", SKPI__COL_VALUE, NULL, SKPI__REQ },
};

const skpi__preset skpi__preset_meta_daily = {
    SKPI_IMPORT_META_DAILY, "meta_daily", "meta", SKPI__SHAPE_PREAMBLE_METRIC,
    SKPI__DATE_ANY, SKPI__P_MONTH_FIRST, meta_daily_columns, N(meta_daily_columns)
};
