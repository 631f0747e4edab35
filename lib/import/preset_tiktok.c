/* TikTok Studio exports: Overview.csv and FollowerHistory.csv. Their dates
 * ("July 14") carry no year: it is inferred backwards from the export date
 * the host gives. `undefined` means missing. */
#include "import/presets.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const skpi__preset_column tiktok_overview_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Video Views", SKPI__COL_METRIC, "video_views", SKPI__REQ },
    { "Profile Views", SKPI__COL_METRIC, "profile_visits", SKPI__REQ },
    { "Likes", SKPI__COL_METRIC, "likes", 0 },
    { "Comments", SKPI__COL_METRIC, "comments", 0 },
    { "Shares", SKPI__COL_METRIC, "shares", 0 },
};

const skpi__preset skpi__preset_tiktok_overview = {
    SKPI_IMPORT_TIKTOK_OVERVIEW, "tiktok_overview", "tiktok", SKPI__SHAPE_DAILY,
    SKPI__DATE_NOYEAR, SKPI__P_NO_YEAR, tiktok_overview_columns, N(tiktok_overview_columns)
};

static const skpi__preset_column tiktok_followers_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Followers", SKPI__COL_METRIC, "followers", SKPI__REQ },
    { "Difference in followers from previous day", SKPI__COL_METRIC, "net_followers", SKPI__REQ },
};

const skpi__preset skpi__preset_tiktok_followers = {
    SKPI_IMPORT_TIKTOK_FOLLOWERS, "tiktok_followers", "tiktok", SKPI__SHAPE_DAILY,
    SKPI__DATE_NOYEAR, SKPI__P_NO_YEAR, tiktok_followers_columns, N(tiktok_followers_columns)
};
