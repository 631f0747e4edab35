/* LinkedIn page analytics: the `Metrics` sheet of the content export saved
 * as CSV (a title row above the header, dates MM/DD/YYYY). Organic and
 * sponsored columns stay apart; totals go to the plain metric. */
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
