/* The ten goal types of social media goals and the metrics each one recommends. */
#include "goal/goal_internal.h"

#include <string.h>

typedef struct category_info {
    const char *key;
    const char *label;
    const char *const *metrics; /* NULL-terminated keys of the built-in catalog */
} category_info;

/* The lists follow the metrics-by-goal-type table of the design (section 6):
 * each names the catalog metrics the published guidance recommends for the
 * goal type, most typical first. Customer insight and crisis management are
 * tracked by internal milestones, so they recommend none. */
static const char *const awareness[] = {
    "mentions", "shares", "reach", "impressions", "virality_rate", "amplification_rate", NULL
};
static const char *const reputation[] = {
    "csat", "applause_rate", "amplification_rate", "net_sentiment", "share_of_voice", "nps", NULL
};
static const char *const community[] = {
    "audience_growth_rate", "followers", "net_audience_growth", "engagement_rate_reach",
    "engagement_rate_impressions", "engagement_rate_followers", "daily_engagement_rate",
    "engagements", "amplification_rate", "applause_rate", "ctr", "bounce_rate",
    "conversation_rate", "nps", NULL
};
static const char *const conversions[] = {
    "conversion_rate", "social_conversion_rate", "conversions", "ctr", "bounce_rate", "cpc",
    "cpm", NULL
};
static const char *const none[] = { NULL };
static const char *const leads[] = {
    "conversion_rate", "social_conversion_rate", "conversions", NULL
};
static const char *const service[] = {
    "csat", "response_rate", "response_time", "messages_answered", NULL
};
static const char *const recruitment[] = {
    "conversions", "followers", "engagements", "engagements_linkedin", "engagement_rate_reach",
    "engagement_rate_followers", NULL
};
static const char *const internal[] = {
    "engagements", "engagement_rate_reach", "amplification_rate", "ctr", "bounce_rate", NULL
};

static const category_info categories[] = {
    { "none", "None", none },
    { "brand_awareness", "Brand awareness", awareness },
    { "reputation", "Reputation management", reputation },
    { "community_engagement", "Community engagement", community },
    { "conversions", "Conversions and sales", conversions },
    { "customer_insight", "Customer and market insight", none },
    { "leads", "Lead generation", leads },
    { "customer_service", "Customer service", service },
    { "recruitment", "Recruitment", recruitment },
    { "crisis_management", "Crisis management", none },
    { "internal_communications", "Internal communications", internal },
};

#define N_CATEGORIES (sizeof categories / sizeof categories[0])

static const category_info *info(int category)
{
    if (category < 0 || (size_t)category >= N_CATEGORIES)
        return NULL;
    return &categories[category];
}

int skpi_category_count(void) { return (int)N_CATEGORIES - 1; }

const char *skpi_category_key(int category)
{
    const category_info *c = info(category);
    return c ? c->key : NULL;
}

const char *skpi_category_label(int category)
{
    const category_info *c = info(category);
    return c ? c->label : NULL;
}

int skpi_category_from_key(int *out, const char *key)
{
    if (out == NULL || key == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_category_from_key: %s is NULL",
                           out == NULL ? "out" : "key");
    for (size_t i = 0; i < N_CATEGORIES; i++) {
        if (strcmp(categories[i].key, key) == 0) {
            *out = (int)i;
            return SKPI_OK;
        }
    }
    return skpi__error(SKPI_ENOTFOUND, "unknown goal category '%.80s'", key);
}

size_t skpi_category_metric_count(int category)
{
    const category_info *c = info(category);
    size_t n = 0;
    if (c != NULL)
        while (c->metrics[n] != NULL)
            n++;
    return n;
}

const char *skpi_category_metric(int category, size_t index)
{
    if (index >= skpi_category_metric_count(category))
        return NULL;
    return categories[category].metrics[index];
}

int skpi_category_recommends(int category, const char *metric)
{
    const category_info *c = info(category);
    if (c == NULL || metric == NULL)
        return 0;
    for (size_t i = 0; c->metrics[i] != NULL; i++)
        if (strcmp(c->metrics[i], metric) == 0)
            return 1;
    return 0;
}
