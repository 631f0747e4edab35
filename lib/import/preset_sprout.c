/* Sprout Social profile performance export: one row per day and profile;
 * the channel is built from the Network and Profile columns. */
#include "import/presets.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const skpi__preset_column sprout_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Network", SKPI__COL_NETWORK, NULL, SKPI__REQ },
    { "Profile", SKPI__COL_ACCOUNT, NULL, SKPI__REQ },
    { "Audience", SKPI__COL_METRIC, "followers", 0 },
    { "Followers", SKPI__COL_METRIC, "followers", 0 },
    { "Net Audience Growth", SKPI__COL_METRIC, "net_followers", 0 },
    { "Net Follower Growth", SKPI__COL_METRIC, "net_followers", 0 },
    { "Followers Gained", SKPI__COL_METRIC, "new_followers", 0 },
    { "Followers Lost", SKPI__COL_METRIC, "lost_followers", 0 },
    { "Published Posts", SKPI__COL_METRIC, "posts_published", 0 },
    { "Impressions", SKPI__COL_METRIC, "impressions", 0 },
    { "Organic Impressions", SKPI__COL_METRIC, "impressions_organic", 0 },
    { "Paid Impressions", SKPI__COL_METRIC, "impressions_paid", 0 },
    { "Reach", SKPI__COL_METRIC, "reach", 0 },
    { "Engagements", SKPI__COL_METRIC, "engagements", 0 },
    { "Engagement Rate (per Impression)", SKPI__COL_IGNORE, NULL, 0 },
    { "Engagement Rate (per Reach)", SKPI__COL_IGNORE, NULL, 0 },
    { "Reactions", SKPI__COL_METRIC, "likes", 0 },
    { "Likes", SKPI__COL_METRIC, "likes", 0 },
    { "Comments", SKPI__COL_METRIC, "comments", 0 },
    { "Shares", SKPI__COL_METRIC, "shares", 0 },
    { "Saves", SKPI__COL_METRIC, "saves", 0 },
    { "Post Link Clicks", SKPI__COL_METRIC, "link_clicks", 0 },
    { "Other Post Clicks", SKPI__COL_METRIC, "other_clicks", 0 },
    { "Video Views", SKPI__COL_METRIC, "video_views", 0 },
    { "Profile Views", SKPI__COL_METRIC, "profile_visits", 0 },
};

const skpi__preset skpi__preset_sprout_profiles = {
    SKPI_IMPORT_SPROUT_PROFILES, "sprout_profiles", NULL, SKPI__SHAPE_DAILY, SKPI__DATE_ANY,
    SKPI__P_MONTH_FIRST,
    sprout_columns, N(sprout_columns)
};
