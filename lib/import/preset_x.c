/* X (Twitter) presets: the legacy tweet-level and daily exports of
 * analytics.twitter.com, and the 2024+ content and account overview
 * exports. Promoted columns go to `<metric>_paid`, apart from organic ones. */
#include "import/presets.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The 18 metric columns the legacy exports repeat, organic then promoted. */
#define X_LEGACY_METRICS(P, SUFFIX)                                              \
    { P "impressions", SKPI__COL_METRIC, "impressions" SUFFIX, 0 },                \
    { P "engagements", SKPI__COL_METRIC, "engagements" SUFFIX, 0 },                \
    { P "engagement rate", SKPI__COL_IGNORE, NULL, 0 },                            \
    { P "retweets", SKPI__COL_METRIC, "shares" SUFFIX, 0 },                        \
    { P "replies", SKPI__COL_METRIC, "comments" SUFFIX, 0 },                       \
    { P "likes", SKPI__COL_METRIC, "likes" SUFFIX, 0 },                            \
    { P "user profile clicks", SKPI__COL_METRIC, "profile_clicks" SUFFIX, 0 },     \
    { P "url clicks", SKPI__COL_METRIC, "link_clicks" SUFFIX, 0 },                 \
    { P "hashtag clicks", SKPI__COL_METRIC, "hashtag_clicks" SUFFIX, 0 },          \
    { P "detail expands", SKPI__COL_METRIC, "detail_expands" SUFFIX, 0 },          \
    { P "permalink clicks", SKPI__COL_METRIC, "permalink_clicks" SUFFIX, 0 },      \
    { P "app opens", SKPI__COL_METRIC, "app_opens" SUFFIX, 0 },                    \
    { P "app installs", SKPI__COL_METRIC, "app_installs" SUFFIX, 0 },              \
    { P "follows", SKPI__COL_METRIC, "new_followers" SUFFIX, 0 },                  \
    { P "email tweet", SKPI__COL_METRIC, "email_shares" SUFFIX, 0 },               \
    { P "dial phone", SKPI__COL_METRIC, "phone_calls" SUFFIX, 0 },                 \
    { P "media views", SKPI__COL_METRIC, "media_views" SUFFIX, 0 },                \
    { P "media engagements", SKPI__COL_METRIC, "media_engagements" SUFFIX, 0 }

static const skpi__preset_column x_tweets_columns[] = {
    { "Tweet id", SKPI__COL_POST_ID, NULL, SKPI__REQ },
    { "Tweet permalink", SKPI__COL_LINK, NULL, SKPI__REQ },
    { "Tweet text", SKPI__COL_TEXT, NULL, 0 },
    { "time", SKPI__COL_DATE, NULL, SKPI__REQ },
    X_LEGACY_METRICS("", ""),
    X_LEGACY_METRICS("promoted ", "_paid"),
};

const skpi__preset skpi__preset_x_tweets = {
    SKPI_IMPORT_X_TWEETS, "x_tweets", "x", SKPI__SHAPE_POSTS, SKPI__DATE_ISO, 0,
    x_tweets_columns, N(x_tweets_columns)
};

static const skpi__preset_column x_daily_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Tweets published", SKPI__COL_METRIC, "posts_published", SKPI__REQ },
    X_LEGACY_METRICS("", ""),
    X_LEGACY_METRICS("promoted ", "_paid"),
};

const skpi__preset skpi__preset_x_daily = {
    SKPI_IMPORT_X_DAILY, "x_daily", "x", SKPI__SHAPE_DAILY, SKPI__DATE_ANY, 0,
    x_daily_columns, N(x_daily_columns)
};

/* X 2024+: "Reposts" are the old retweets (shares); "Share" (older files:
 * "Shares") counts shares by message or link, kept apart. The real export
 * names its permalink column "Link" and dates it "Mon Feb 17 2025". */
static const skpi__preset_column x_content_columns[] = {
    { "Post id", SKPI__COL_POST_ID, NULL, SKPI__REQ },
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Post text", SKPI__COL_TEXT, NULL, 0 },
    { "Link", SKPI__COL_LINK, NULL, 0 },
    { "Post Link", SKPI__COL_LINK, NULL, 0 },
    { "Impressions", SKPI__COL_METRIC, "impressions", SKPI__REQ },
    { "Likes", SKPI__COL_METRIC, "likes", 0 },
    { "Engagements", SKPI__COL_METRIC, "engagements", 0 },
    { "Bookmarks", SKPI__COL_METRIC, "saves", 0 },
    { "Share", SKPI__COL_METRIC, "private_shares", 0 },
    { "Shares", SKPI__COL_METRIC, "private_shares", 0 },
    { "New follows", SKPI__COL_METRIC, "new_followers", 0 },
    { "Replies", SKPI__COL_METRIC, "comments", 0 },
    { "Reposts", SKPI__COL_METRIC, "shares", 0 },
    { "Profile visits", SKPI__COL_METRIC, "profile_visits", 0 },
    { "Detail Expands", SKPI__COL_METRIC, "detail_expands", 0 },
    { "URL Clicks", SKPI__COL_METRIC, "link_clicks", 0 },
    { "Hashtag Clicks", SKPI__COL_METRIC, "hashtag_clicks", 0 },
    { "Permalink Clicks", SKPI__COL_METRIC, "permalink_clicks", 0 },
};

const skpi__preset skpi__preset_x_content = {
    SKPI_IMPORT_X_CONTENT, "x_content", "x", SKPI__SHAPE_POSTS, SKPI__DATE_ANY, 0,
    x_content_columns, N(x_content_columns)
};

static const skpi__preset_column x_overview_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Impressions", SKPI__COL_METRIC, "impressions", SKPI__REQ },
    { "Likes", SKPI__COL_METRIC, "likes", 0 },
    { "Engagements", SKPI__COL_METRIC, "engagements", SKPI__REQ },
    { "Bookmarks", SKPI__COL_METRIC, "saves", 0 },
    { "Shares", SKPI__COL_METRIC, "private_shares", 0 },
    { "New follows", SKPI__COL_METRIC, "new_followers", SKPI__REQ },
    { "Unfollows", SKPI__COL_METRIC, "lost_followers", 0 },
    { "Replies", SKPI__COL_METRIC, "comments", 0 },
    { "Reposts", SKPI__COL_METRIC, "shares", 0 },
    { "Profile visits", SKPI__COL_METRIC, "profile_visits", 0 },
    { "Create Post", SKPI__COL_METRIC, "posts_published", 0 },
    { "Video views", SKPI__COL_METRIC, "video_views", 0 },
    { "Media views", SKPI__COL_METRIC, "media_views", 0 },
};

const skpi__preset skpi__preset_x_overview = {
    SKPI_IMPORT_X_OVERVIEW, "x_overview", "x", SKPI__SHAPE_DAILY, SKPI__DATE_ANY, 0,
    x_overview_columns, N(x_overview_columns)
};
