/* TikTok presets: the TikTok Studio exports (Overview.csv, FollowerHistory.csv,
 * Viewers.csv, Content.csv) and the TikTok business account exports (daily,
 * audience, per video). Studio dates ("July 14", "8 de marzo") carry no year:
 * it is inferred from the order of the rows and the export date the host
 * gives. Business exports write years ("2025/10/31"). "Total Viewers" and
 * "Reached audience" are the account's reach. `undefined` means missing. */
#include "import/presets.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Studio's Overview.csv, and the business daily export's columns beside. */
static const skpi__preset_column tiktok_overview_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Video Views", SKPI__COL_METRIC, "video_views", SKPI__REQ },
    { "Profile Views", SKPI__COL_METRIC, "profile_visits", SKPI__REQ },
    { "Likes", SKPI__COL_METRIC, "likes", 0 },
    { "Comments", SKPI__COL_METRIC, "comments", 0 },
    { "Shares", SKPI__COL_METRIC, "shares", 0 },
    { "Reached audience", SKPI__COL_METRIC, "reach", 0 },
    { "Phone number clicks", SKPI__COL_METRIC, "phone_calls", 0 },
    { "Leads submission", SKPI__COL_METRIC, "leads", 0 },
    { "Net growth", SKPI__COL_METRIC, "net_followers", 0 },
    { "New followers", SKPI__COL_METRIC, "new_followers", 0 },
    { "Lost followers", SKPI__COL_METRIC, "lost_followers", 0 },
};

const skpi__preset skpi__preset_tiktok_overview = {
    SKPI_IMPORT_TIKTOK_OVERVIEW, "tiktok_overview", "tiktok", SKPI__SHAPE_DAILY,
    SKPI__DATE_ANY_NOYEAR, SKPI__P_NO_YEAR, tiktok_overview_columns, N(tiktok_overview_columns)
};

static const skpi__preset_column tiktok_followers_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Followers", SKPI__COL_METRIC, "followers", SKPI__REQ },
    { "Difference in followers from previous day", SKPI__COL_METRIC, "net_followers", SKPI__REQ },
};

const skpi__preset skpi__preset_tiktok_followers = {
    SKPI_IMPORT_TIKTOK_FOLLOWERS, "tiktok_followers", "tiktok", SKPI__SHAPE_DAILY,
    SKPI__DATE_ANY_NOYEAR, SKPI__P_NO_YEAR, tiktok_followers_columns,
    N(tiktok_followers_columns)
};

static const skpi__preset_column tiktok_viewers_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Total Viewers", SKPI__COL_METRIC, "reach", SKPI__REQ },
    { "New Viewers", SKPI__COL_METRIC, "new_viewers", 0 },
    { "Returning Viewers", SKPI__COL_METRIC, "returning_viewers", 0 },
};

const skpi__preset skpi__preset_tiktok_viewers = {
    SKPI_IMPORT_TIKTOK_VIEWERS, "tiktok_viewers", "tiktok", SKPI__SHAPE_DAILY,
    SKPI__DATE_ANY_NOYEAR, SKPI__P_NO_YEAR, tiktok_viewers_columns, N(tiktok_viewers_columns)
};

/* Studio's Content.csv and the business per-video export: one row per
 * video, its id the digits ending its link, the account the link's
 * "@name". Studio's "Time" is the export's, not the video's. */
static const skpi__preset_column tiktok_content_columns[] = {
    { "Video link", SKPI__COL_LINK, NULL, SKPI__REQ },
    { "Post time", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Time", SKPI__COL_IGNORE, NULL, 0 },
    { "Video title", SKPI__COL_TEXT, NULL, 0 },
    { "Total likes", SKPI__COL_METRIC, "likes", 0 },
    { "Total comments", SKPI__COL_METRIC, "comments", 0 },
    { "Total shares", SKPI__COL_METRIC, "shares", 0 },
    { "Total views", SKPI__COL_METRIC, "video_views", 0 },
    { "Video views", SKPI__COL_METRIC, "video_views", 0 },
    { "Likes", SKPI__COL_METRIC, "likes", 0 },
    { "Comments", SKPI__COL_METRIC, "comments", 0 },
    { "Shares", SKPI__COL_METRIC, "shares", 0 },
    { "Add to Favorites", SKPI__COL_METRIC, "saves", 0 },
};

const skpi__preset skpi__preset_tiktok_content = {
    SKPI_IMPORT_TIKTOK_CONTENT, "tiktok_content", "tiktok", SKPI__SHAPE_POSTS,
    SKPI__DATE_ANY_NOYEAR, 0, tiktok_content_columns, N(tiktok_content_columns)
};

/* The business audience export. */
static const skpi__preset_column tiktok_audience_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Total followers", SKPI__COL_METRIC, "followers", SKPI__REQ },
    { "New followers", SKPI__COL_METRIC, "new_followers", 0 },
    { "Reached audience", SKPI__COL_METRIC, "reach", 0 },
    { "Engaged audience", SKPI__COL_METRIC, "engaged_audience", 0 },
};

const skpi__preset skpi__preset_tiktok_audience = {
    SKPI_IMPORT_TIKTOK_AUDIENCE, "tiktok_audience", "tiktok", SKPI__SHAPE_DAILY,
    SKPI__DATE_ANY_NOYEAR, SKPI__P_NO_YEAR, tiktok_audience_columns, N(tiktok_audience_columns)
};
