/* LinkedIn analytics: the page exports' `Metrics` sheet (content export,
 * also saved as CSV: a title row above the header, dates MM/DD/YYYY),
 * `New followers` sheet (followers export) and `Visitor metrics` sheet
 * (visitors export), and the creator (profile) export's `ENGAGEMENT` and
 * `FOLLOWERS` sheets. Organic and sponsored columns stay apart; totals go
 * to the plain metric. Dates also come as ISO text from workbook date
 * cells, hence SKPI__DATE_ANY. */
#include "import/presets.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

#define LI_TRIPLE(NAME, KEY)                                                  \
    { NAME " (organic)", SKPI__COL_METRIC, KEY "_organic", 0 },               \
    { NAME " (sponsored)", SKPI__COL_METRIC, KEY "_paid", 0 },                \
    { NAME " (total)", SKPI__COL_METRIC, KEY, 0 }

static const skpi__preset_column linkedin_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Impressions (organic)", SKPI__COL_METRIC, "impressions_organic", SKPI__REQ },
    { "Impressions (sponsored)", SKPI__COL_METRIC, "impressions_paid", 0 },
    { "Impressions (total)", SKPI__COL_METRIC, "impressions", 0 },
    { "Unique impressions (organic)", SKPI__COL_METRIC, "reach_organic", 0 },
    { "Clicks (organic)", SKPI__COL_METRIC, "link_clicks_organic", SKPI__REQ },
    { "Clicks (sponsored)", SKPI__COL_METRIC, "link_clicks_paid", 0 },
    { "Clicks (total)", SKPI__COL_METRIC, "link_clicks", 0 },
    LI_TRIPLE("Reactions", "likes"),
    LI_TRIPLE("Comments", "comments"),
    LI_TRIPLE("Reposts", "shares"),
    { "Engagement rate (organic)", SKPI__COL_IGNORE, NULL, 0 },
    { "Engagement rate (sponsored)", SKPI__COL_IGNORE, NULL, 0 },
    { "Engagement rate (total)", SKPI__COL_IGNORE, NULL, 0 },
};

const skpi__preset skpi__preset_linkedin_metrics = {
    SKPI_IMPORT_LINKEDIN_METRICS, "linkedin_metrics", "linkedin", SKPI__SHAPE_DAILY,
    SKPI__DATE_ANY, SKPI__P_MONTH_FIRST, linkedin_columns, N(linkedin_columns)
};

static const skpi__preset_column engagement_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Impressions", SKPI__COL_METRIC, "impressions", SKPI__REQ },
    { "Engagements", SKPI__COL_METRIC, "engagements", SKPI__REQ },
};

const skpi__preset skpi__preset_linkedin_engagement = {
    SKPI_IMPORT_LINKEDIN_ENGAGEMENT, "linkedin_engagement", "linkedin", SKPI__SHAPE_DAILY,
    SKPI__DATE_ANY, SKPI__P_MONTH_FIRST, engagement_columns, N(engagement_columns)
};

/* The creator export's FOLLOWERS sheet: the total on the last day sits in
 * the rows above the header (a preamble), the daily gains below it. */
static const skpi__preset_column followers_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "New followers", SKPI__COL_METRIC, "new_followers", SKPI__REQ },
};

const skpi__preset skpi__preset_linkedin_followers = {
    SKPI_IMPORT_LINKEDIN_FOLLOWERS, "linkedin_followers", "linkedin", SKPI__SHAPE_DAILY,
    SKPI__DATE_ANY, SKPI__P_MONTH_FIRST, followers_columns, N(followers_columns)
};

/* The page followers export: "Total followers" is the day's gain of all
 * kinds, not the follower count. */
static const skpi__preset_column page_followers_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Sponsored followers", SKPI__COL_METRIC, "new_followers_paid", 0 },
    { "Organic followers", SKPI__COL_METRIC, "new_followers_organic", SKPI__REQ },
    { "Auto-invited followers", SKPI__COL_METRIC, "new_followers_invited", 0 },
    { "Total followers", SKPI__COL_METRIC, "new_followers", SKPI__REQ },
};

const skpi__preset skpi__preset_linkedin_page_followers = {
    SKPI_IMPORT_LINKEDIN_PAGE_FOLLOWERS, "linkedin_page_followers", "linkedin",
    SKPI__SHAPE_DAILY, SKPI__DATE_ANY, SKPI__P_MONTH_FIRST, page_followers_columns,
    N(page_followers_columns)
};

/* The page visitors export: page views and unique visitors per section
 * (overview, life, jobs...) and device; only the totals over every section
 * and device are imported. */
static const skpi__preset_column visitors_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Total page views (total)", SKPI__COL_METRIC, "profile_visits", SKPI__REQ },
    { "Total unique visitors (total)", SKPI__COL_METRIC, "unique_visitors", 0 },
};

const skpi__preset skpi__preset_linkedin_visitors = {
    SKPI_IMPORT_LINKEDIN_VISITORS, "linkedin_visitors", "linkedin", SKPI__SHAPE_DAILY,
    SKPI__DATE_ANY, SKPI__P_MONTH_FIRST, visitors_columns, N(visitors_columns)
};

/* The creator export's TOP POSTS sheet: two rankings side by side (by
 * engagements, by impressions), which the workbook reader merges into one
 * table by post URL (import_workbook.c) before this preset reads it. The
 * id is the digits ending the URL (urn:li:activity:<id>). A ranking holds
 * only the top posts, so its posts get no daily flows (SKPI__P_RANKING):
 * the days' figures come from the ENGAGEMENT sheet. */
static const skpi__preset_column top_posts_columns[] = {
    { "Post URL", SKPI__COL_LINK, NULL, SKPI__REQ },
    { "Post publish date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Engagements", SKPI__COL_METRIC, "engagements", 0 },
    { "Impressions", SKPI__COL_METRIC, "impressions", 0 },
};

const skpi__preset skpi__preset_linkedin_top_posts = {
    SKPI_IMPORT_LINKEDIN_TOP_POSTS, "linkedin_top_posts", "linkedin", SKPI__SHAPE_POSTS,
    SKPI__DATE_ANY, SKPI__P_MONTH_FIRST | SKPI__P_RANKING, top_posts_columns,
    N(top_posts_columns)
};

/* The creator export's DISCOVERY sheet when it is laid out by day. (Laid
 * out as totals over the export's range, it is reported, not imported:
 * import_workbook.c.) */
static const skpi__preset_column discovery_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Members reached", SKPI__COL_METRIC, "reach", SKPI__REQ },
    { "Impressions", SKPI__COL_METRIC, "impressions", 0 },
};

const skpi__preset skpi__preset_linkedin_discovery = {
    SKPI_IMPORT_LINKEDIN_DISCOVERY, "linkedin_discovery", "linkedin", SKPI__SHAPE_DAILY,
    SKPI__DATE_ANY, SKPI__P_MONTH_FIRST, discovery_columns, N(discovery_columns)
};
