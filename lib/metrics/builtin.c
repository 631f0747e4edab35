/* The built-in catalog: the standard social metrics, set up once in static
 * storage so that it is immutable, shared by every thread, and never touches
 * the host's allocator. docs/metrics.md documents each entry. */
#include "core/metrics_internal.h"

#include <string.h>
#include <pthread.h>

typedef struct builtin_def {
    const char *key;
    const char *label;
    int unit, direction, kind;
    const char *definition;
    const char *formula; /* derived metrics only */
    const char *description;
} builtin_def;

#define C SKPI_UNIT_COUNT
#define PCT SKPI_UNIT_PERCENT
#define RAT SKPI_UNIT_RATIO
#define CUR SKPI_UNIT_CURRENCY
#define RAT SKPI_UNIT_RATIO
#define DUR SKPI_UNIT_DURATION
#define SCO SKPI_UNIT_SCORE
#define UP SKPI_HIGHER_IS_BETTER
#define DOWN SKPI_LOWER_IS_BETTER
#define NEUTRAL SKPI_DIRECTION_NEUTRAL
#define FLOW SKPI_KIND_FLOW
#define STOCK SKPI_KIND_STOCK
#define DER SKPI_KIND_DERIVED

/* Order matters: a formula may only name metrics listed above it. */
static const builtin_def defs[] = {
    /* Raw flows, summed over a period and across channels. */
    { "impressions", "Impressions", C, UP, FLOW, "raw", NULL,
      "Times content was displayed, repeat views included, as the network exports it." },
    { "reach", "Reach", C, UP, FLOW, "raw", NULL,
      "Accounts that saw content in each exported interval; summed over intervals and "
      "channels, so a person reached on two days counts twice." },
    { "engagements", "Engagements", C, UP, FLOW, "raw", NULL,
      "Interactions as the network counts them; the engagements_<network> metrics spell "
      "out each network's composition." },
    { "likes", "Likes and reactions", C, UP, FLOW, "raw", NULL,
      "Likes, or reactions where the network has them (Facebook, LinkedIn)." },
    { "comments", "Comments and replies", C, UP, FLOW, "raw", NULL,
      "Comments, or replies on X." },
    { "shares", "Shares and reposts", C, UP, FLOW, "raw", NULL,
      "Shares, reposts (retweets on X)." },
    { "saves", "Saves", C, UP, FLOW, "raw", NULL, "Saves or bookmarks of a post." },
    { "link_clicks", "Link clicks", C, UP, FLOW, "raw", NULL,
      "Clicks on links in posts or ads." },
    { "profile_visits", "Profile visits", C, UP, FLOW, "raw", NULL,
      "Visits to the profile or page (Meta's Facebook Page visits and Instagram profile "
      "visits, X's profile visits)." },
    { "video_views", "Video views", C, UP, FLOW, "raw", NULL,
      "Video views as the network counts them (its own minimum watch time)." },
    { "watch_time", "Watch time", DUR, UP, FLOW, "raw", NULL,
      "Seconds of video watched, all views together (YouTube's watch time, Facebook's "
      "seconds viewed)." },
    { "mentions", "Mentions", C, UP, FLOW, "raw", NULL,
      "Mentions of the brand (own mentions for share of voice)." },
    { "new_followers", "New followers", C, UP, FLOW, "raw", NULL, "Follows gained." },
    { "lost_followers", "Lost followers", C, DOWN, FLOW, "raw", NULL, "Unfollows." },
    { "posts_published", "Posts published", C, NEUTRAL, FLOW, "raw", NULL,
      "Posts, videos and stories published." },
    { "messages_received", "Messages received", C, NEUTRAL, FLOW, "raw", NULL,
      "Direct messages, comments and mentions that ask for an answer." },
    { "messages_answered", "Messages answered", C, UP, FLOW, "raw", NULL,
      "Messages that received a first answer." },
    { "response_seconds", "Total response time", DUR, DOWN, FLOW, "raw", NULL,
      "Seconds from receipt to first answer, summed over the messages answered." },
    { "spend", "Spend", CUR, NEUTRAL, FLOW, "raw", NULL, "Paid media spend." },
    { "conversions", "Conversions", C, UP, FLOW, "raw", NULL,
      "Goal completions (sales, sign-ups, leads) attributed to social." },
    { "sessions", "Sessions from social", C, UP, FLOW, "raw", NULL,
      "Website sessions referred by social networks." },
    { "bounced_sessions", "Bounced sessions", C, DOWN, FLOW, "raw", NULL,
      "Single-page sessions among the sessions from social." },
    { "promoters", "Promoters", C, UP, FLOW, "raw", NULL,
      "Survey answers of 9 or 10 to \"How likely are you to recommend us?\" (0-10)." },
    { "passives", "Passives", C, NEUTRAL, FLOW, "raw", NULL, "Survey answers of 7 or 8 (0-10)." },
    { "detractors", "Detractors", C, DOWN, FLOW, "raw", NULL, "Survey answers of 0 to 6 (0-10)." },
    { "satisfied_responses", "Satisfied responses", C, UP, FLOW, "raw", NULL,
      "Satisfaction survey answers of 4 or 5 on a 1-5 scale." },
    { "survey_responses", "Survey responses", C, NEUTRAL, FLOW, "raw", NULL,
      "All satisfaction survey answers." },
    { "positive_mentions", "Positive mentions", C, UP, FLOW, "raw", NULL,
      "Mentions classified as positive." },
    { "negative_mentions", "Negative mentions", C, DOWN, FLOW, "raw", NULL,
      "Mentions classified as negative." },
    { "neutral_mentions", "Neutral mentions", C, NEUTRAL, FLOW, "raw", NULL,
      "Mentions classified as neutral." },
    { "competitor_mentions", "Competitor mentions", C, DOWN, FLOW, "raw", NULL,
      "Mentions of the competitors tracked for share of voice." },
    { "mention_reach", "Reach of mentions", C, UP, FLOW, "raw", NULL,
      "Potential reach of the brand's mentions: each mention's reach as the listening tool "
      "estimates it, summed." },
    { "competitor_mention_reach", "Reach of competitor mentions", C, DOWN, FLOW, "raw", NULL,
      "Potential reach of the competitors' mentions, summed as for mention_reach." },
    { "messages_in_target", "Messages answered within target", C, UP, FLOW, "raw", NULL,
      "Messages whose first answer came within the service-level target (the target is "
      "applied when the data is prepared or imported, e.g. 1 hour)." },

    /* The funnel: web analytics and CRM figures attributed to social. */
    { "leads", "Leads", C, UP, FLOW, "raw", NULL,
      "Contacts who left their details (forms, sign-ups) attributed to social, as the CRM "
      "counts them." },
    { "qualified_leads", "Qualified leads", C, UP, FLOW, "raw", NULL,
      "Leads that marketing or sales accepted as qualified (MQL or SQL, by the CRM's rule)." },
    { "opportunities", "Opportunities", C, UP, FLOW, "raw", NULL,
      "Qualified leads that became sales opportunities (deals opened)." },
    { "customers", "New customers", C, UP, FLOW, "raw", NULL,
      "Deals won: opportunities that became customers." },
    { "revenue", "Revenue", CUR, UP, FLOW, "raw", NULL,
      "Revenue of the deals won, attributed to social." },
    { "team_cost", "Team cost", CUR, NEUTRAL, FLOW, "raw", NULL,
      "Cost of the people and agencies working on social (optional), beside the paid media "
      "spend." },

    /* Stocks: the last value in a period, summed across channels. */
    { "followers", "Followers", C, UP, STOCK, "raw", NULL,
      "Followers (page likes, subscribers) at the time of the data point." },

    /* Derived metrics: ratios of the period's sums, never means of rates. */
    { "net_audience_growth", "Net audience growth", C, UP, DER,
      "audience_growth.new_minus_lost", "new_followers - lost_followers",
      "Follows gained minus unfollows over the period." },
    { "engagement_rate_reach", "Engagement rate (by reach)", PCT, UP, DER,
      "engagement_rate.by_reach", "engagements / reach * 100",
      "Engagements per person reached (Hootsuite ERR)." },
    { "engagement_rate_impressions", "Engagement rate (by impressions)", PCT, UP, DER,
      "engagement_rate.by_impressions", "engagements / impressions * 100",
      "Engagements per impression (Hootsuite ER impressions)." },
    { "engagement_rate_followers", "Engagement rate (by followers)", PCT, UP, DER,
      "engagement_rate.by_followers", "engagements / followers * 100",
      "Engagements over the period per follower at its end." },
    { "daily_engagement_rate", "Daily engagement rate", PCT, UP, DER,
      "engagement_rate.daily", "engagements / days() / followers * 100",
      "Engagements per day per follower: the period's engagements divided by its length "
      "in days and by the followers at its end (Hootsuite daily engagement rate)." },
    { "applause_rate", "Applause rate", PCT, UP, DER,
      "applause_rate.per_follower", "likes / followers * 100",
      "Approval actions per follower (Kaushik's applause, normalised by followers as "
      "Hootsuite does)." },
    { "amplification_rate", "Amplification rate", PCT, UP, DER,
      "amplification_rate.per_follower", "shares / followers * 100",
      "Shares per follower (Kaushik's amplification, normalised by followers)." },
    { "virality_rate", "Virality rate", PCT, UP, DER,
      "virality_rate.per_impression", "shares / impressions * 100",
      "Shares per impression (Hootsuite)." },
    { "conversation_rate", "Conversation rate", PCT, UP, DER,
      "conversation_rate.per_follower", "comments / followers * 100",
      "Comments per follower (Kaushik's conversation rate, normalised by followers)." },
    { "audience_growth_rate", "Audience growth rate", PCT, UP, DER,
      "audience_growth_rate.net_over_start", "net_audience_growth / first(followers) * 100",
      "Net new followers over the followers at the start of the period, taken as the "
      "first followers value inside the period (Hootsuite)." },
    { "follower_growth_rate", "Follower growth rate", PCT, UP, DER,
      "follower_growth_rate.stock_change", "(followers - first(followers)) / first(followers) * 100",
      "Change of the followers count over the period over the count at its start: the "
      "last followers value inside the period minus the first, over the first. Needs "
      "only follower counts, which is all a competitor's public profile shows." },
    { "posts_per_week", "Posts per week", RAT, NEUTRAL, DER,
      "posts_per_week.published", "posts_published / days() * 7",
      "Posts published in the period per seven days of its length." },
    { "share_of_voice", "Share of voice", PCT, UP, DER,
      "share_of_voice.mentions", "mentions / (mentions + competitor_mentions) * 100",
      "Own mentions over own and competitors' mentions." },
    { "net_sentiment", "Net sentiment", PCT, UP, DER,
      "net_sentiment.classified",
      "(positive_mentions - negative_mentions) / "
      "(positive_mentions + negative_mentions + neutral_mentions) * 100",
      "Positive minus negative mentions over all classified mentions, -100 to 100." },
    { "nps", "Net Promoter Score", SCO, UP, DER,
      "nps.bain", "(promoters - detractors) / (promoters + passives + detractors) * 100",
      "Percent promoters (9-10) minus percent detractors (0-6), -100 to 100 "
      "(Reichheld, Bain & Company)." },
    { "csat", "Customer satisfaction (CSAT)", PCT, UP, DER,
      "csat.top2_of_5", "satisfied_responses / survey_responses * 100",
      "Share of survey answers of 4 or 5 on a 1-5 scale." },
    { "ctr", "Click-through rate", PCT, UP, DER,
      "ctr.link_clicks", "link_clicks / impressions * 100", "Link clicks per impression." },
    { "cpc", "Cost per click", CUR, DOWN, DER,
      "cpc.link_clicks", "spend / link_clicks", "Spend per link click." },
    { "cpm", "Cost per mille", CUR, DOWN, DER,
      "cpm.impressions", "spend / impressions * 1000", "Spend per thousand impressions." },
    { "conversion_rate", "Conversion rate", PCT, UP, DER,
      "conversion_rate.per_click", "conversions / link_clicks * 100",
      "Conversions per link click." },
    { "social_conversion_rate", "Social conversion rate", PCT, UP, DER,
      "conversion_rate.per_session", "conversions / sessions * 100",
      "Conversions per session from social." },
    { "bounce_rate", "Bounce rate", PCT, DOWN, DER,
      "bounce_rate.single_page", "bounced_sessions / sessions * 100",
      "Single-page sessions over sessions from social." },
    { "response_rate", "Response rate", PCT, UP, DER,
      "response_rate.answered", "messages_answered / messages_received * 100",
      "Messages answered over messages received." },
    { "response_time", "Average response time", DUR, DOWN, DER,
      "response_time.mean_first", "response_seconds / messages_answered",
      "Mean seconds to the first answer, over the messages answered." },
    { "average_view_duration", "Average view duration", DUR, UP, DER,
      "average_view_duration.watch_per_view", "watch_time / video_views",
      "Seconds watched per video view over the period (YouTube Studio's average view "
      "duration, recomputed from its components)." },
    { "service_level", "Service level", PCT, UP, DER,
      "service_level.within_target", "messages_in_target / messages_received * 100",
      "Messages answered within the service-level target over messages received: a "
      "message never answered counts as missed." },
    { "share_of_voice_reach", "Share of voice (by reach)", PCT, UP, DER,
      "share_of_voice.reach", "mention_reach / (mention_reach + competitor_mention_reach) * 100",
      "The reach of own mentions over the reach of own and competitors' mentions." },

    /* The funnel and what it returns: ratios of the period's sums. */
    { "lead_conversion_rate", "Lead conversion rate", PCT, UP, DER,
      "funnel.session_to_lead", "leads / sessions * 100",
      "Leads per session from social: the first step of the funnel." },
    { "lead_qualification_rate", "Lead qualification rate", PCT, UP, DER,
      "funnel.lead_to_qualified", "qualified_leads / leads * 100",
      "Qualified leads per lead." },
    { "opportunity_rate", "Opportunity rate", PCT, UP, DER,
      "funnel.qualified_to_opportunity", "opportunities / qualified_leads * 100",
      "Opportunities per qualified lead." },
    { "win_rate", "Win rate", PCT, UP, DER,
      "funnel.win_rate", "customers / opportunities * 100",
      "Deals won per opportunity: the last step of the funnel." },
    { "customer_conversion_rate", "Session to customer rate", PCT, UP, DER,
      "funnel.session_to_customer", "customers / sessions * 100",
      "New customers per session from social: the whole funnel." },
    { "cost_per_lead", "Cost per lead", CUR, DOWN, DER,
      "cost_per_lead.ad_spend", "spend / leads", "Paid media spend per lead." },
    { "cost_per_acquisition", "Cost per acquisition", CUR, DOWN, DER,
      "cost_per_acquisition.ad_spend", "spend / customers",
      "Paid media spend per new customer." },
    { "average_deal_size", "Average deal size", CUR, UP, DER,
      "average_deal_size.revenue_per_customer", "revenue / customers",
      "Revenue per deal won." },
    { "roas", "Return on ad spend", RAT, UP, DER,
      "roas.revenue_over_ad_spend", "revenue / spend",
      "Revenue per unit of paid media spend (4 means 4 earned for each 1 spent)." },
    { "total_cost", "Total cost", CUR, NEUTRAL, DER,
      "total_cost.spend_plus_team", "spend + team_cost",
      "Paid media spend plus team cost." },
    { "roi", "Return on investment", PCT, UP, DER,
      "roi.ad_spend", "(revenue - spend) / spend * 100",
      "Revenue less paid media spend, over that spend." },
    { "roi_total_cost", "Return on investment (total cost)", PCT, UP, DER,
      "roi.total_cost", "(revenue - total_cost) / total_cost * 100",
      "Revenue less spend and team cost, over spend and team cost." },
    { "engagements_per_post", "Engagements per post", C, UP, DER,
      "engagements_per_post", "engagements / posts_published",
      "Engagements over posts published in the period." },

    /* What counts as an engagement on each network. */
    { "engagements_facebook", "Engagements (Facebook definition)", C, UP, DER,
      "engagements.facebook", "likes + comments + shares + link_clicks",
      "Reactions + comments + shares + clicks, as Meta counts post engagements." },
    { "engagements_instagram", "Engagements (Instagram definition)", C, UP, DER,
      "engagements.instagram", "likes + comments + shares + saves",
      "Likes + comments + shares + saves, as Instagram counts interactions." },
    { "engagements_x", "Engagements (X definition)", C, UP, DER,
      "engagements.x", "likes + comments + shares + link_clicks",
      "Likes + replies + reposts + link clicks." },
    { "engagements_linkedin", "Engagements (LinkedIn definition)", C, UP, DER,
      "engagements.linkedin", "likes + comments + shares + link_clicks",
      "Reactions + comments + reposts + clicks, as LinkedIn page analytics count them." },
    { "engagements_tiktok", "Engagements (TikTok definition)", C, UP, DER,
      "engagements.tiktok", "likes + comments + shares",
      "Likes + comments + shares, as TikTok Studio counts them." },
    { "engagements_youtube", "Engagements (YouTube definition)", C, UP, DER,
      "engagements.youtube", "likes + comments + shares",
      "Likes + comments + shares of videos, as YouTube Studio reports them." },
};

#define N_DEFS (sizeof defs / sizeof defs[0])
#define OPS_POOL 1024

static skpi_catalog builtin_catalog;
static skpi_metric builtin_metrics[N_DEFS];
static skpi_metric *builtin_ptrs[N_DEFS];
static uint32_t builtin_sorted[N_DEFS];
static skpi__op ops_pool[OPS_POOL];
static uint32_t comp_pool[OPS_POOL];
/* pthread_once, not C11 call_once: glibc implements call_once on it
 * internally, where ThreadSanitizer cannot see the synchronisation. */
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void builtin_init(void)
{
    skpi_catalog *cat = &builtin_catalog;
    size_t ops_used = 0, comp_used = 0;
    cat->metrics = builtin_ptrs;
    cat->sorted = builtin_sorted;
    cat->cap = N_DEFS;
    cat->builtin = true;
    for (size_t i = 0; i < N_DEFS; i++) {
        const builtin_def *d = &defs[i];
        skpi_metric *m = &builtin_metrics[i];
        m->owner = cat;
        m->index = (uint32_t)i;
        m->unit = d->unit;
        m->direction = d->direction;
        m->kind = d->kind;
        /* String literals, never written nor freed: the catalog is read-only. */
        m->key = (char *)d->key;
        m->label = (char *)d->label;
        m->description = (char *)d->description;
        m->definition = (char *)d->definition;
        if (d->formula) {
            skpi__parsed parsed;
            skpi__catalog_resolver r = { cat, d->key };
            /* The table is fixed; a formula that does not parse is caught by
             * the unit tests and leaves the metric without bytecode, which
             * evaluates as unsupported. */
            if (skpi__formula_parse(&parsed, d->formula, skpi__catalog_resolve, &r) == SKPI_OK
                && ops_used + parsed.n_ops <= OPS_POOL
                && comp_used + parsed.n_components <= OPS_POOL) {
                memcpy(ops_pool + ops_used, parsed.ops, parsed.n_ops * sizeof parsed.ops[0]);
                memcpy(comp_pool + comp_used, parsed.components,
                       parsed.n_components * sizeof parsed.components[0]);
                m->ops = ops_pool + ops_used;
                m->n_ops = (uint32_t)parsed.n_ops;
                m->components = comp_pool + comp_used;
                m->n_components = (uint32_t)parsed.n_components;
                ops_used += parsed.n_ops;
                comp_used += parsed.n_components;
            }
            m->formula = (char *)d->formula;
        }
        /* Insert into the key order so later formulas can resolve this key. */
        size_t pos = cat->count;
        while (pos > 0 && strcmp(builtin_metrics[builtin_sorted[pos - 1]].key, d->key) > 0) {
            builtin_sorted[pos] = builtin_sorted[pos - 1];
            pos--;
        }
        builtin_sorted[pos] = (uint32_t)i;
        builtin_ptrs[i] = m;
        cat->count++;
    }
}

const skpi_catalog *skpi_catalog_builtin(void)
{
    pthread_once(&builtin_once, builtin_init);
    return &builtin_catalog;
}
