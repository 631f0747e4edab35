/* Mention-level exports of listening tools: one row per mention, the brand
 * (or competitor) it matched, its sentiment and reach. Each mention is kept
 * as a post of channel `listening:<brand>` (the top mentions of a report),
 * and the day's flows count them: mentions, positive, neutral and negative
 * mentions, and the reach of the mentions. docs/import.md, "Listening". */
#include "import/presets.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The generic layout this project documents. */
static const skpi__preset_column generic_columns[] = {
    { "date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "brand", SKPI__COL_ACCOUNT, NULL, SKPI__REQ },
    { "sentiment", SKPI__COL_SENTIMENT, NULL, SKPI__REQ },
    { "url", SKPI__COL_LINK, NULL, SKPI__REQ },
    { "reach", SKPI__COL_METRIC, "mention_reach", 0 },
    { "network", SKPI__COL_TYPE, NULL, 0 },
    { "author", SKPI__COL_AUTHOR, NULL, 0 },
    { "text", SKPI__COL_TEXT, NULL, 0 },
    { "id", SKPI__COL_POST_ID, NULL, 0 },
};

const skpi__preset skpi__preset_listening_mentions = {
    SKPI_IMPORT_LISTENING_MENTIONS, "listening_mentions", "listening", SKPI__SHAPE_POSTS,
    SKPI__DATE_ANY, SKPI__P_MENTIONS, generic_columns, N(generic_columns)
};

/* Brandwatch Consumer Research mention exports: the column names of its
 * mention fields (query name, page type, full text, reach), matched by
 * name. Checked against the published field definitions, not a real file. */
static const skpi__preset_column brandwatch_columns[] = {
    { "Date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "Query Name", SKPI__COL_ACCOUNT, NULL, SKPI__REQ },
    { "Sentiment", SKPI__COL_SENTIMENT, NULL, SKPI__REQ },
    { "Url", SKPI__COL_LINK, NULL, SKPI__REQ },
    { "Page Type", SKPI__COL_TYPE, NULL, SKPI__REQ },
    { "Reach (new)", SKPI__COL_METRIC, "mention_reach", 0 },
    { "Reach", SKPI__COL_METRIC, "mention_reach", 0 },
    { "Author", SKPI__COL_AUTHOR, NULL, 0 },
    { "Full Text", SKPI__COL_TEXT, NULL, 0 },
    { "Title", SKPI__COL_IGNORE, NULL, 0 },
    { "Domain", SKPI__COL_IGNORE, NULL, 0 },
};

const skpi__preset skpi__preset_brandwatch_mentions = {
    SKPI_IMPORT_BRANDWATCH_MENTIONS, "brandwatch_mentions", "listening", SKPI__SHAPE_POSTS,
    SKPI__DATE_ANY, SKPI__P_MENTIONS, brandwatch_columns, N(brandwatch_columns)
};
