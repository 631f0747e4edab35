/* Every text the report assembly writes, in one table, and the placeholder
 * filling. A host replaces any entry per report (translation, tone). */
#include "core/templates.h"

#include "core/plural.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct tpl {
    const char *text;
    const char *placeholders; /* space-separated names the text may use */
} tpl;

static const tpl table[SKPI__TPL_COUNT] = {
    [SKPI_TPL_HEADING_SUMMARY] = { "Summary", "" },
    [SKPI_TPL_HEADING_WINS] = { "Wins", "" },
    [SKPI_TPL_HEADING_KPIS] = { "Key numbers", "" },
    [SKPI_TPL_HEADING_CHANNELS] = { "By channel", "" },
    [SKPI_TPL_HEADING_TRENDS] = { "Trends", "" },
    [SKPI_TPL_HEADING_GOALS] = { "Goals", "" },
    [SKPI_TPL_HEADING_OKRS] = { "OKRs", "" },
    [SKPI_TPL_HEADING_TOP_POSTS] = { "Top posts", "" },
    [SKPI_TPL_HEADING_SPOT_CHECKS] = { "Spot checks", "" },
    [SKPI_TPL_HEADING_NEXT_STEPS] = { "Next steps", "" },
    [SKPI_TPL_SUBTITLE] = { "Report for {period}", "cadence period" },
    [SKPI_TPL_HEADLINE_UP] = { "{metric} rose {percent} compared with {comparison}, to {value}.",
                               "metric percent change value previous comparison" },
    [SKPI_TPL_HEADLINE_DOWN] = { "{metric} fell {percent} compared with {comparison}, to {value}.",
                                 "metric percent change value previous comparison" },
    [SKPI_TPL_HEADLINE_FLAT] = { "{metric} held steady at {value} ({percent} compared with {comparison}).",
                                 "metric percent change value previous comparison" },
    [SKPI_TPL_HEADLINE_ONLY] = { "{metric} reached {value} in {period}.", "metric value period" },
    [SKPI_TPL_CONTRIBUTION] = { "{share} of the change came from {channel} ({change}).",
                                "share channel change" },
    [SKPI_TPL_CHANNEL_CHANGE] = { "{channel}: {change} ({percent}), {share} of the change in {metric}.",
                                  "channel change percent share metric" },
    [SKPI_TPL_GOALS_SUMMARY] = { "{good} of {total} {total, plural, one {goal} other {goals}} {good, plural, one {is} other {are}} on track or achieved.", "good total bad" },
    [SKPI_TPL_GOAL_BEHIND] = { "{goal}: {status}, {progress} of the way against {expected} expected by now.",
                               "goal status progress expected" },
    [SKPI_TPL_WIN_GOAL] = { "{goal} reached {value} against a target of {target}.", "goal value target" },
    [SKPI_TPL_WIN_MILESTONE] = { "{goal} hit its milestone of {target} on {date}.", "goal target date value" },
    [SKPI_TPL_WIN_RECORD] = { "Best {cadence} on record for {metric}: {value} in {period}, above the previous best of {previous}.",
                              "cadence metric value period previous" },
    [SKPI_TPL_WIN_POST] = { "A post on {channel} reached {value} {metric}, {ratio} its usual.",
                            "channel value metric ratio published" },
    [SKPI_TPL_SPOT_HIGH] = { "{metric} on {channel} was {value} in {period}, far above the usual range: the median of the {n, plural, one {{cadence}} other {# {cadence}s}} before was {median}.",
                             "metric channel value period median n cadence deviations" },
    [SKPI_TPL_SPOT_LOW] = { "{metric} on {channel} was {value} in {period}, far below the usual range: the median of the {n, plural, one {{cadence}} other {# {cadence}s}} before was {median}.",
                            "metric channel value period median n cadence deviations" },
    [SKPI_TPL_SPOT_NONE] = { "Nothing out of the ordinary: every metric stayed within its usual range.", "" },
    [SKPI_TPL_NEXT_GOAL] = { "{goal}: {pace} a {cadence} is needed to reach {target} by {deadline}.",
                             "goal pace cadence target deadline status" },
    [SKPI_TPL_NEXT_SPOT] = { "Find out what moved {metric} on {channel} in {period}.", "metric channel period" },
    [SKPI_TPL_NEXT_DECLINE] = { "Look into the fall in {metric} ({percent} compared with {comparison}).",
                                "metric percent comparison" },
    [SKPI_TPL_NEXT_NONE] = { "Nothing needs attention: keep going.", "" },
    [SKPI_TPL_STATUS_NOT_STARTED] = { "Not started", "" },
    [SKPI_TPL_STATUS_ON_TRACK] = { "On track", "" },
    [SKPI_TPL_STATUS_AT_RISK] = { "At risk", "" },
    [SKPI_TPL_STATUS_OFF_TRACK] = { "Off track", "" },
    [SKPI_TPL_STATUS_ACHIEVED] = { "Achieved", "" },
    [SKPI_TPL_STATUS_MISSED] = { "Missed", "" },
    [SKPI_TPL_STATUS_NO_DATA] = { "No data", "" },
    [SKPI_TPL_BAND_RED] = { "Red", "" },
    [SKPI_TPL_BAND_YELLOW] = { "Yellow", "" },
    [SKPI_TPL_BAND_GREEN] = { "Green", "" },
    [SKPI_TPL_OKR_IN_PROGRESS] = { "{elapsed} of the period has passed; a score of {expected} was expected by now.",
                                   "elapsed expected score status" },
    [SKPI_TPL_OKR_COMMITTED_MET] = { "Met in full, as a committed OKR must be.", "score" },
    [SKPI_TPL_OKR_COMMITTED_MISSED] = { "Missed: {score} is {band} on the grading scale, but a committed OKR is expected to reach 1.0.",
                                        "score band" },
    [SKPI_TPL_OKR_BELOW] = { "Below the 0.6 to 0.7 that counts as success for an aspirational OKR.", "score" },
    [SKPI_TPL_OKR_SUCCESS] = { "A success: 0.6 to 0.7 is the aim of an aspirational OKR.", "score" },
    [SKPI_TPL_OKR_ABOVE] = { "Above the usual aim of 0.6 to 0.7.", "score" },
    [SKPI_TPL_OKR_NOT_AMBITIOUS] = { "A full 1.0: the objective may not have been ambitious enough.", "score" },
    [SKPI_TPL_KPI_TABLE_TITLE] = { "Key metrics, {period}", "period" },
    [SKPI_TPL_CHANNEL_TABLE_TITLE] = { "{metric} by channel, {period}", "metric period" },
    [SKPI_TPL_TREND_TITLE] = { "{metric} per {cadence}", "metric cadence" },
    [SKPI_TPL_TREND_DESCRIPTION] = { "{metric} over the last {n, plural, one {{cadence}} other {# {cadence}s}}, from {first} in {first_period} to {last} in {last_period}.",
                                     "metric n cadence first first_period last last_period" },
    [SKPI_TPL_GOALS_CHART_TITLE] = { "Goal progress against the expected path", "" },
    [SKPI_TPL_OKR_CHART_TITLE] = { "OKR scores", "" },
    [SKPI_TPL_SERIES_PROGRESS] = { "Progress", "" },
    [SKPI_TPL_SERIES_EXPECTED] = { "Expected by now", "" },
    [SKPI_TPL_SERIES_SCORE] = { "Score", "" },
    [SKPI_TPL_CADENCE_DAY] = { "day", "" },
    [SKPI_TPL_CADENCE_WEEK] = { "week", "" },
    [SKPI_TPL_CADENCE_MONTH] = { "month", "" },
    [SKPI_TPL_CADENCE_QUARTER] = { "quarter", "" },
    [SKPI_TPL_CADENCE_YEAR] = { "year", "" },
    [SKPI_TPL_GOAL_NOTE] = { "Needs {pace} a {cadence} to reach the target; recent pace {recent}.",
                             "pace cadence recent target deadline" },
    [SKPI_TPL_ALL_CHANNELS] = { "all channels", "" },
    [SKPI_TPL_COLUMN_METRIC] = { "Metric", "" },
    [SKPI_TPL_COLUMN_VALUE] = { "Value", "" },
    [SKPI_TPL_COLUMN_CHANGE] = { "Change", "" },
    [SKPI_TPL_COLUMN_CHANGE_PERCENT] = { "Change %", "" },
    [SKPI_TPL_COLUMN_TREND] = { "Trend", "" },
    [SKPI_TPL_COLUMN_GOAL] = { "Goal", "" },
    [SKPI_TPL_COLUMN_STATUS] = { "Status", "" },
    [SKPI_TPL_COLUMN_PROGRESS] = { "Progress", "" },
    [SKPI_TPL_COLUMN_EXPECTED] = { "Expected", "" },
    [SKPI_TPL_COLUMN_FORECAST] = { "Projected (likelihood)", "" },
    [SKPI_TPL_COLUMN_CURRENT] = { "Current", "" },
    [SKPI_TPL_COLUMN_TARGET] = { "Target", "" },
    [SKPI_TPL_COLUMN_DEADLINE] = { "Deadline", "" },
    [SKPI_TPL_COLUMN_KEY_RESULT] = { "Key result", "" },
    [SKPI_TPL_COLUMN_SCORE] = { "Score", "" },
    [SKPI_TPL_COLUMN_START] = { "Start", "" },
    [SKPI_TPL_COLUMN_NOTE] = { "Note", "" },
    [SKPI_TPL_PARTIAL_NOTE] = { "partial data: some days of the period have no data", "" },
    [SKPI_TPL_CHART_CAPTION] = { "Chart: {title}", "title" },
    [SKPI_TPL_CHART_LAST_POINTS] = { "The last {shown} of {total} points; the JSON and CSV outputs have all of them.", "shown total" },
    [SKPI_TPL_CHART_ALT_LINE] = { "Line chart of {series} series over {points, plural, one {# point} other {# points}}: {names}.", "series points names" },
    [SKPI_TPL_CHART_ALT_BAR] = { "Bar chart of {series} series over {points, plural, one {# point} other {# points}}: {names}.", "series points names" },
    [SKPI_TPL_CHART_SPAN] = { "{first} on {first_date} \xE2\x86\x92 {last} on {last_date} (low {low}, high {high})", "first first_date last last_date low high" },
    [SKPI_TPL_KPI_VERSUS] = { "{change} vs {comparison} {previous}", "change comparison previous" },
    [SKPI_TPL_OF_TARGET] = { "{current} of {target}", "current target" },
    [SKPI_TPL_GOAL_PROGRESS] = { "Progress {progress} (expected {expected}).", "progress expected forecast projected likelihood" },
    [SKPI_TPL_GOAL_PROGRESS_LABEL] = { "Progress {progress}, expected by now {expected}", "progress expected" },
    [SKPI_TPL_GOAL_EXPECTED] = { "expected {expected}", "expected" },
    [SKPI_TPL_GOAL_FORECAST] = { "Projected {projected} at the deadline, {likelihood} likely to meet the target",
                                 "forecast projected likelihood" },
    [SKPI_TPL_GOAL_BY_DEADLINE] = { "by {deadline}", "deadline" },
    [SKPI_TPL_OKR_SCORE] = { "score {score}", "score" },
    [SKPI_TPL_OKR_GRADED] = { "graded {graded}", "graded" },
    [SKPI_TPL_OKR_SCORE_LABEL] = { "Score {score} of 1", "score" },
    [SKPI_TPL_OKR_ASPIRATIONAL] = { "aspirational", "" },
    [SKPI_TPL_OKR_COMMITTED] = { "committed", "" },
    [SKPI_TPL_OKR_OWNER] = { "owner: {owner}", "owner" },
    [SKPI_TPL_POST_RATIO] = { "{ratio} the usual", "ratio" },
    [SKPI_TPL_CALLOUT_NOTE] = { "Note", "" },
    [SKPI_TPL_CALLOUT_WIN] = { "Win", "" },
    [SKPI_TPL_CALLOUT_ALERT] = { "Alert", "" },
    [SKPI_TPL_NO_DATA] = { "no data", "" },
    [SKPI_TPL_DIVISION_BY_ZERO] = { "division by zero", "" },
    [SKPI_TPL_NOT_SUPPORTED] = { "not supported for this metric", "" },
    [SKPI_TPL_GENERATED] = { "Generated {time}", "time" },
    [SKPI_TPL_UNTITLED] = { "Report", "" },
    [SKPI_TPL_NOT_AVAILABLE] = { "n/a", "" },
    [SKPI_TPL_GOAL_SHORT_OF_TARGET] = { "{status} so far, but the recent trend falls short of {target}.",
                                        "status projected target deadline likelihood" },
    [SKPI_TPL_GOAL_FORECAST_MEETS] = { "{status} now, but the recent trend reaches {target} by {deadline}.",
                                       "status projected target deadline likelihood" },
    [SKPI_TPL_OKR_ALIGNED] = { "Aligned under \xE2\x80\x9c{parent}\xE2\x80\x9d: its score counts toward that objective's with weight {weight}.",
                               "parent weight" },
    [SKPI_TPL_GOAL_PROJECTED] = { "Projected {projected} at the deadline", "projected" },
    [SKPI_TPL_TIMES_IN] = { "Times in {zone}.", "zone" },
    [SKPI_TPL_NO_DATA_HEADLINE] = { "No data for {period}: none of the report's metrics has a value in this {cadence}, so this report cannot say how it went.",
                                    "period cadence" },
    [SKPI_TPL_PARTIAL_PERIOD] = { "Only part of {period} has data, from {first} to {last}: the figures below cover those days, and this summary makes no comparison until the {cadence} is complete.",
                                  "period first last cadence" },
    [SKPI_TPL_NEXT_NO_DATA] = { "Import the data for {period}, then run the report again.", "period" },
    [SKPI_TPL_SPOT_WITHHELD] = { "No spot checks: the data for {period} is not complete.", "period" },
    [SKPI_TPL_TOP_POSTS_NONE] = { "No posts were published in {period}.", "period metric" },
    [SKPI_TPL_TOP_POSTS_NO_METRIC] = { "No post of {period} can be ranked: none carries {metric} (the exports may not have it; choose another top-posts metric).",
                                       "period metric" },
    [SKPI_TPL_TOP_POSTS_LEFT_OUT] = { "Posts on {channel} are left out: they carry no {metric}.", "channel metric period" },
    [SKPI_TPL_PERIOD_WEEK] = { "week of {date}", "date" },
    [SKPI_TPL_RANGE] = { "{first} to {last}", "first last" },
    [SKPI_TPL_CADENCE_RANGE] = { "period", "" },
    [SKPI_TPL_HEADING_FUNNEL] = { "Funnel", "" },
    [SKPI_TPL_FUNNEL_TABLE_TITLE] = { "Funnel, {period}", "period" },
    [SKPI_TPL_FUNNEL_RATES_TITLE] = { "Step conversion, {period}", "period" },
    [SKPI_TPL_RETURN_TABLE_TITLE] = { "Return, {period}", "period" },
    [SKPI_TPL_FUNNEL_WEAKEST_FELL] = { "The weakest step of the funnel was {step} ({from} to {to}): {rate}, down from {previous} in {comparison}.",
                                       "step from to rate previous comparison period" },
    [SKPI_TPL_FUNNEL_WEAKEST_LOWEST] = { "The weakest step of the funnel was {step} ({from} to {to}), at {rate}.",
                                         "step from to rate previous comparison period" },
    [SKPI_TPL_FUNNEL_STEP_EXCEEDS] = { "{step} ({count}) outnumber {previous_step} ({previous_count}) in {period}: the two steps may be counted differently (deals won this {cadence} that opened earlier) or come from different sources, so the conversion at this step reads above 100%.",
                                       "step count previous_step previous_count period cadence" },
    [SKPI_TPL_FUNNEL_DATA_WARNING] = { "Data warning", "" },
    [SKPI_TPL_FUNNEL_NO_COST] = { "{metric}: not available: no cost in {period}.", "metric period" },
    [SKPI_TPL_FUNNEL_NO_DATA] = { "No funnel data for {period}: import sessions, leads, qualified leads, opportunities and customers to see the funnel.",
                                  "period" },
    [SKPI_TPL_HEADLINE_PARTIAL] = { "{metric} has data for only part of {period}: {value} so far, not compared with {comparison} until the data is complete.",
                                    "metric value period comparison" },
    [SKPI_TPL_HEADING_RESOURCING] = { "Resourcing", "" },
    [SKPI_TPL_RESOURCING_HOURS_TITLE] = { "Hours by activity and role, {period}", "period" },
    [SKPI_TPL_RESOURCING_CAPACITY_TITLE] = { "Planned against available hours, {period}", "period" },
    [SKPI_TPL_RESOURCING_IMPACT_TITLE] = { "What an hour bought, {period} against {previous}", "period previous" },
    [SKPI_TPL_RESOURCING_ESTIMATE_TITLE] = { "Estimates: extra weekly result per extra weekly hour, last {weeks} weeks", "weeks" },
    [SKPI_TPL_RESOURCING_SHARED] = { "{metric} on {channel} is shared by {activities}: shown once with their hours together, never split between them.", "metric channel activities" },
    [SKPI_TPL_RESOURCING_OVER] = { "{role} is over-allocated in {period}: {planned} hours planned, {available} available.", "role period planned available" },
    [SKPI_TPL_RESOURCING_MOVE] = { "{best} brought {ratio}x the {metric} per hour of {worst}; {goal} ({status}): move {hours} hours a week from {worst} to {best}.", "best worst ratio metric goal status hours" },
    [SKPI_TPL_RESOURCING_GOAL] = { "goal \xE2\x80\x9C{name}\xE2\x80\x9D", "name" },
    [SKPI_TPL_RESOURCING_OBJECTIVE] = { "OKR \xE2\x80\x9C{name}\xE2\x80\x9D", "name" },
    [SKPI_TPL_RESOURCING_ESTIMATE_NOTE] = { "Estimates are least-squares slopes of weekly results on weekly hours with their {confidence} confidence interval, offered from {min} weeks of data: they show how results and hours moved together, not what the hours caused.", "confidence min" },
    [SKPI_TPL_RESOURCING_NOT_ESTIMATED] = { "not estimated ({weeks} weeks with data, {min} needed)", "weeks min" },
    [SKPI_TPL_RESOURCING_CONSTANT_HOURS] = { "not estimated (the weekly hours did not vary)", "" },
    [SKPI_TPL_RESOURCING_ESTIMATE_LABEL] = { "estimate", "" },
    [SKPI_TPL_RESOURCING_SHARED_CELL] = { "{activities} (shared)", "activities" },
    [SKPI_TPL_RESOURCING_YES] = { "yes", "" },
    [SKPI_TPL_COLUMN_ACTIVITY] = { "Activity", "" },
    [SKPI_TPL_COLUMN_ACTIVITIES] = { "Activities", "" },
    [SKPI_TPL_COLUMN_HOURS] = { "Hours", "" },
    [SKPI_TPL_COLUMN_PREVIOUS_HOURS] = { "Previous hours", "" },
    [SKPI_TPL_COLUMN_ROLE] = { "Role", "" },
    [SKPI_TPL_COLUMN_PLANNED] = { "Planned hours", "" },
    [SKPI_TPL_COLUMN_AVAILABLE] = { "Available hours", "" },
    [SKPI_TPL_COLUMN_OVER_ALLOCATED] = { "Over-allocated", "" },
    [SKPI_TPL_COLUMN_CHANNELS] = { "Channels", "" },
    [SKPI_TPL_COLUMN_RESULT] = { "Result", "" },
    [SKPI_TPL_COLUMN_PER_HOUR] = { "Per hour", "" },
    [SKPI_TPL_COLUMN_PREVIOUS_PER_HOUR] = { "Previous per hour", "" },
    [SKPI_TPL_COLUMN_COST_PER_RESULT] = { "Cost per result", "" },
    [SKPI_TPL_COLUMN_WEEKS] = { "Weeks", "" },
    [SKPI_TPL_COLUMN_SLOPE] = { "Slope per hour", "" },
    [SKPI_TPL_COLUMN_INTERVAL] = { "Interval", "" },
    [SKPI_TPL_HEADING_LISTENING] = { "Listening", "" },
    [SKPI_TPL_LISTENING_TABLE_TITLE] = { "Mentions by brand, {period}", "period" },
    [SKPI_TPL_LISTENING_TOP_TITLE] = { "Top mentions of our brands by reach, {period}", "period" },
    [SKPI_TPL_LISTENING_SHARE] = { "Our brands had {share} of the reach of all mentions in {period}; {competitor} had the largest competitor share with {competitor_share}.", "share period competitor competitor_share" },
    [SKPI_TPL_LISTENING_NO_COMPETITORS] = { "No brand is marked as a competitor's: every brand counts as ours, and share of voice compares our own brands.", "" },
    [SKPI_TPL_LISTENING_COMPETITOR_CELL] = { "{brand} (competitor)", "brand" },
    [SKPI_TPL_LISTENING_NO_DATA] = { "No mentions were recorded in {period}.", "period" },
    [SKPI_TPL_COLUMN_BRAND] = { "Brand", "" },
    [SKPI_TPL_COLUMN_MENTIONS] = { "Mentions", "" },
    [SKPI_TPL_COLUMN_POSITIVE] = { "Positive", "" },
    [SKPI_TPL_COLUMN_NEUTRAL] = { "Neutral", "" },
    [SKPI_TPL_COLUMN_NEGATIVE] = { "Negative", "" },
    [SKPI_TPL_COLUMN_NET_SENTIMENT] = { "Net sentiment", "" },
    [SKPI_TPL_COLUMN_REACH] = { "Reach", "" },
    [SKPI_TPL_COLUMN_SHARE_OF_VOICE] = { "Share of voice (reach)", "" },
    [SKPI_TPL_LISTENING_SHARE_COUNTED] = { "{metric} in {period}: {share}, from the competitors' totals the listening tool reported.", "metric period share" },
    [SKPI_TPL_HEADING_WHAT_WORKED] = { "What worked", "" },
    [SKPI_TPL_HEADING_POSTING_TIMES] = { "Posting times", "" },
    [SKPI_TPL_WHAT_WORKED_TYPES] = { "By post type", "" },
    [SKPI_TPL_WHAT_WORKED_TAGS] = { "By tag", "" },
    [SKPI_TPL_COLUMN_TYPE] = { "Type", "" },
    [SKPI_TPL_COLUMN_TAG] = { "Tag", "" },
    [SKPI_TPL_COLUMN_POSTS] = { "Posts", "" },
    [SKPI_TPL_COLUMN_MEDIAN_PER_POST] = { "Median per post", "" },
    [SKPI_TPL_COLUMN_SHARE] = { "Share of total", "" },
    [SKPI_TPL_WHAT_WORKED_POSTS] = { "{group}: best and weakest posts", "group" },
    [SKPI_TPL_WHAT_WORKED_TOO_FEW] = { "Too few posts to judge (fewer than {count}): {groups}.", "groups count" },
    [SKPI_TPL_WEEKDAYS] = { "Mon Tue Wed Thu Fri Sat Sun", "" },
    [SKPI_TPL_POSTING_TIMES_TABLE] = { "Median {metric} per post by weekday and hour, {zone} (posts in brackets)", "metric zone" },
    [SKPI_TPL_POSTING_TIMES_BEST] = { "Best times to post: {slots} (the highest median {metric} per post among hours with at least {count} posts).", "slots metric count" },
    [SKPI_TPL_POSTING_TIMES_NONE] = { "No hour has the {count} posts it takes to name a best time to post.", "slots metric count" },
    [SKPI_TPL_HEADING_COMPETITORS] = { "Competitors", "" },
    [SKPI_TPL_COMPETITORS_TABLE_TITLE] = { "Against competitors, {period}", "period" },
    [SKPI_TPL_COLUMN_FIGURE] = { "Figure", "" },
    [SKPI_TPL_COLUMN_US] = { "Us", "" },
    [SKPI_TPL_COLUMN_COMPETITOR_MEDIAN] = { "Competitor median", "" },
    [SKPI_TPL_COLUMN_OUR_RANK] = { "Our rank", "" },
    [SKPI_TPL_COMPETITORS_RANK] = { "{rank} of {ranked}", "rank ranked" },
    [SKPI_TPL_COMPETITORS_GAP] = { "The largest gap to a competitor: {metric}, {competitor} {theirs} against our {ours} in {period}.", "metric competitor theirs ours period" },
    [SKPI_TPL_COMPETITORS_LEAD] = { "We lead every competitor on every figure compared.", "period" },
    [SKPI_TPL_HEADING_BENCHMARKS] = { "Benchmarks", "" },
    [SKPI_TPL_BENCHMARKS_TABLE_TITLE] = { "Against the {industry} industry, {period}", "industry period" },
    [SKPI_TPL_COLUMN_INDUSTRY] = { "Industry", "" },
    [SKPI_TPL_COLUMN_GAP] = { "Gap", "" },
    [SKPI_TPL_COLUMN_GAP_PERCENT] = { "Gap %", "" },
    [SKPI_TPL_COLUMN_SOURCE] = { "Source", "" },
    [SKPI_TPL_BENCHMARKS_FURTHEST] = { "Furthest from the industry: {metric} on {channels}, {ours} against {benchmark} ({source}).", "metric channels ours benchmark source industry period" },
    [SKPI_TPL_BENCHMARKS_MET] = { "We meet or beat every industry benchmark shown.", "industry period" },
    [SKPI_TPL_TARGET_SOURCE] = { "Target: {source}.", "source" },
    [SKPI_TPL_HEADING_CAMPAIGN] = { "Campaign", "" },
    [SKPI_TPL_CAMPAIGN_INTRO] = { "{campaign} ran from {first} to {last} on {channels}; its figures are compared with {baseline}.",
                                  "campaign first last channels baseline" },
    [SKPI_TPL_CAMPAIGN_CHANGE] = { "{metric} on {channel}: {value} against {previous} ({change}, {percent}).",
                                   "metric channel value previous change percent" },
    [SKPI_TPL_CAMPAIGN_POSTS] = { "{n, plural, one {# post} other {# posts}} of the campaign drew {total} {metric}, {share} of the {metric} of every post on its channels in its days.",
                                  "n total metric share campaign first last" },
    [SKPI_TPL_CAMPAIGN_NO_POSTS] = { "No post of {campaign} was found on its channels from {first} to {last}: check its tags, links and post ids.",
                                     "n total metric share campaign first last" },
    [SKPI_TPL_GOAL_OWNER] = { "Owner: {owner}", "owner" },
};

int skpi_template_count(void) { return SKPI__TPL_COUNT; }

const char *skpi_template_default(int key)
{
    return key >= 0 && key < SKPI__TPL_COUNT ? table[key].text : NULL;
}

const char *skpi_template_placeholders(int key)
{
    return key >= 0 && key < SKPI__TPL_COUNT ? table[key].placeholders : NULL;
}

/* Whether `name` (n bytes) is one of the space-separated names. */
static bool offered(const char *names, const char *name, size_t n)
{
    const char *p = names;
    while (*p) {
        size_t k = strcspn(p, " ");
        if (k == n && strncmp(p, name, n) == 0) return true;
        p += k;
        while (*p == ' ') p++;
    }
    return false;
}

/* ---- plural forms: {name, plural, one {...} other {...}} ---------------- */

/* A plural construct parsed from "{name, plural, sel {branch} ...}". */
typedef struct plural {
    const char *name;
    size_t nname;
    const char *end;       /* just past the construct's closing brace */
    const char *sel[8];    /* the selectors ("one", "=0") and their branches */
    size_t nsel[8];
    const char *branch[8];
    size_t nbranch[8];
    size_t count;
} plural;

static const char *skip_space(const char *p)
{
    while (*p == ' ' || *p == '\n' || *p == '\t') p++;
    return p;
}

/* The brace closing the one at p (braces nest inside a plural construct). */
static const char *closing(const char *p)
{
    int depth = 0;
    for (; *p; p++) {
        if (*p == '{') depth++;
        else if (*p == '}' && --depth == 0) return p;
    }
    return NULL;
}

/* Parse the construct opening at p ('{'), whose name ends at comma. NULL
 * and a reason in *why when it is not well formed. */
static const char *parse_plural(plural *pl, const char *p, const char *comma, const char **why)
{
    memset(pl, 0, sizeof *pl);
    pl->name = p + 1;
    pl->nname = (size_t)(comma - p - 1);
    const char *end = closing(p);
    if (end == NULL) { *why = "is not closed"; return NULL; }
    const char *q = skip_space(comma + 1);
    if (strncmp(q, "plural", 6) != 0) { *why = "is not \"{name, plural, ...}\""; return NULL; }
    q = skip_space(q + 6);
    if (*q != ',') { *why = "needs a comma after \"plural\""; return NULL; }
    q = skip_space(q + 1);
    bool other = false;
    while (q < end) {
        const char *s = q;
        while (q < end && *q != '{' && *q != ' ' && *q != '\n' && *q != '\t') q++;
        size_t n = (size_t)(q - s);
        bool exact = n > 1 && s[0] == '=' && strspn(s + 1, "0123456789") >= n - 1;
        if (n == 0 || !(exact || skpi__plural_keyword(s, n))) {
            *why = "has a form that is not zero, one, two, few, many, other or =N";
            return NULL;
        }
        if (n == 5 && memcmp(s, "other", 5) == 0) other = true;
        q = skip_space(q);
        const char *b = *q == '{' ? closing(q) : NULL;
        if (b == NULL || b > end) { *why = "has a form without its {text}"; return NULL; }
        if (pl->count == sizeof pl->sel / sizeof pl->sel[0]) { *why = "has more than 8 forms"; return NULL; }
        pl->sel[pl->count] = s;
        pl->nsel[pl->count] = n;
        pl->branch[pl->count] = q + 1;
        pl->nbranch[pl->count] = (size_t)(b - q - 1);
        pl->count++;
        q = skip_space(b + 1);
    }
    if (!other) { *why = "has no \"other\" form"; return NULL; }
    pl->end = end + 1;
    return pl->end;
}

static bool offered_or_fail(const char *names, const char *name, size_t n, int key, const char *fn,
                            int *rc)
{
    if (offered(names, name, n)) return true;
    *rc = skpi__error(SKPI_EINVAL, "%s: template %d offers no placeholder {%.*s} (it offers: %s)", fn,
                      key, (int)(n > 64 ? 64 : n), name, names[0] ? names : "none");
    return false;
}

/* Check text[0, len): placeholders offered, braces balanced, plural
 * constructs well formed (their branches checked in turn). */
static int check_span(int key, const char *text, size_t len, const char *fn, const char *whole)
{
    const char *names = table[key].placeholders;
    const char *stop = text + len;
    int rc = SKPI_OK;
    for (const char *p = text; p < stop; p++) {
        if (p + 1 < stop && p[0] == '{' && p[1] == '{') { p++; continue; }
        if (p + 1 < stop && p[0] == '}' && p[1] == '}') { p++; continue; }
        if (*p == '}')
            return skpi__error(SKPI_EINVAL, "%s: unbalanced '}' at byte %zu",
                               fn, (size_t)(p - whole));
        if (*p != '{') continue;
        size_t n = strcspn(p + 1, "},");
        const char *end = p + 1 + n;
        if (end >= stop || *end == '\0')
            return skpi__error(SKPI_EINVAL, "%s: '{' at byte %zu is not closed",
                               fn, (size_t)(p - whole));
        if (!offered_or_fail(names, p + 1, n, key, fn, &rc)) return rc;
        if (*end == '}') { p = end; continue; }
        plural pl;
        const char *why = NULL;
        if (parse_plural(&pl, p, end, &why) == NULL || pl.end > stop)
            return skpi__error(SKPI_EINVAL, "%s: the plural form at byte %zu %s", fn,
                               (size_t)(p - whole), why ? why : "is not closed");
        for (size_t i = 0; i < pl.count; i++) {
            rc = check_span(key, pl.branch[i], pl.nbranch[i], fn, whole);
            if (rc != SKPI_OK) return rc;
        }
        p = pl.end - 1;
    }
    return SKPI_OK;
}

int skpi__template_check(int key, const char *text, const char *fn)
{
    /* Sentences, headings, captions and series names become blocks and
     * spans that must have text; a word (a column heading, a label) may be
     * left blank. */
    if (text[0] == '\0' && key < SKPI__TPL_FIRST_WORD)
        return skpi__error(SKPI_EINVAL, "%s: template %d is empty (only the words, templates %d "
                           "and later, may be; NULL restores the default)", fn, key,
                           SKPI__TPL_FIRST_WORD);
    /* It stands in table cells where a number would be. */
    if (key == SKPI_TPL_NOT_AVAILABLE && strlen(text) > SKPI__NA_MAX)
        return skpi__error(SKPI_EINVAL, "%s: the text for a figure that cannot be given has %zu bytes "
                           "(at most %d)", fn, strlen(text), SKPI__NA_MAX);
    return check_span(key, text, strlen(text), fn, text);
}

int skpi__text_put(skpi__text *t, const char *s, size_t n)
{
    if (t->err != SKPI_OK) return t->err;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (cap < t->len + n + 1) cap *= 2;
        char *p = skpi__realloc(t->buf, cap);
        if (p == NULL) return t->err = skpi__nomem();
        t->buf = p;
        t->cap = cap;
    }
    memcpy(t->buf + t->len, s, n);
    t->len += n;
    t->buf[t->len] = '\0';
    return SKPI_OK;
}

static const skpi__arg *find_arg(const skpi__arg *args, size_t nargs, const char *name, size_t n)
{
    for (size_t i = nargs; i-- > 0;)
        if (strlen(args[i].name) == n && strncmp(args[i].name, name, n) == 0) return &args[i];
    return NULL;
}

/* The number a plural form is chosen by: the argument's text read as a
 * plain number ("3", "-2.5"); NaN when it is not one. */
static double arg_number(const skpi__arg *a)
{
    if (a == NULL || a->value == NULL) return NAN;
    const char *v = a->value;
    size_t i = (v[0] == '-' || v[0] == '+') ? 1 : 0;
    size_t digits = strspn(v + i, "0123456789");
    if (digits == 0) return NAN;
    i += digits;
    if (v[i] == '.' && strspn(v + i + 1, "0123456789") > 0) i += 1 + strspn(v + i + 1, "0123456789");
    if (v[i] != '\0') return NAN;
    return strtod(v, NULL);
}

typedef struct fill_ctx {
    const skpi__arg *args;
    size_t nargs;
    const char *locale;
} fill_ctx;

static void fill_span(skpi__text *t, const fill_ctx *c, const char *p, size_t len, const char *hash);

/* Append the branch of the plural construct that fits its number. */
static void fill_plural(skpi__text *t, const fill_ctx *c, const plural *pl)
{
    const skpi__arg *a = find_arg(c->args, c->nargs, pl->name, pl->nname);
    double x = arg_number(a);
    char kw[16] = "other";
    if (isfinite(x)) skpi__plural_select(kw, sizeof kw, c->locale, x);
    size_t pick = pl->count, other = pl->count;
    for (size_t i = 0; i < pl->count; i++) {
        const char *s = pl->sel[i];
        size_t n = pl->nsel[i];
        if (s[0] == '=' && isfinite(x) && strtod(s + 1, NULL) == x) { pick = i; break; }
        if (pick == pl->count && strlen(kw) == n && memcmp(kw, s, n) == 0) pick = i;
        if (n == 5 && memcmp(s, "other", 5) == 0) other = i;
    }
    if (pick == pl->count) pick = other;
    if (pick == pl->count) return;
    fill_span(t, c, pl->branch[pick], pl->nbranch[pick], a && a->value ? a->value : "#");
}

/* Append p[0, len) with its {names} filled; inside a plural form's branch
 * `hash` is what '#' stands for. */
static void fill_span(skpi__text *t, const fill_ctx *c, const char *p, size_t len, const char *hash)
{
    const char *stop = p + len;
    while (p < stop) {
        size_t run = 0;
        while (p + run < stop && p[run] != '{' && p[run] != '}' && !(hash && p[run] == '#')) run++;
        skpi__text_put(t, p, run);
        p += run;
        if (p >= stop) break;
        if (hash && *p == '#') { skpi__text_put(t, hash, strlen(hash)); p++; continue; }
        if (p + 1 < stop && ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))) {
            skpi__text_put(t, p, 1);
            p += 2;
            continue;
        }
        const char *end = NULL;
        if (p[0] == '{') {
            size_t n = strcspn(p + 1, "},");
            if (p + 1 + n < stop && p[1 + n] != '\0') end = p + 1 + n;
        }
        if (end == NULL) { skpi__text_put(t, p, 1); p++; continue; }
        plural pl;
        const char *why = NULL;
        if (*end == ',' && parse_plural(&pl, p, end, &why) && pl.end <= stop) {
            fill_plural(t, c, &pl);
            p = pl.end;
            continue;
        }
        if (*end == ',') end = memchr(p, '}', (size_t)(stop - p));
        if (end == NULL) { skpi__text_put(t, p, (size_t)(stop - p)); break; }
        size_t n = (size_t)(end - p - 1);
        const skpi__arg *a = find_arg(c->args, c->nargs, p + 1, n);
        /* A name with no value is left as written, so a gap shows. */
        if (a && a->value) skpi__text_put(t, a->value, strlen(a->value));
        else skpi__text_put(t, p, (size_t)(end - p + 1));
        p = end + 1;
    }
}

int skpi__text_fill_in(skpi__text *t, const char *tpl, const skpi__arg *args, size_t nargs,
                       const char *locale)
{
    t->len = 0;
    if (t->buf) t->buf[0] = '\0';
    fill_ctx c = { args, nargs, locale };
    fill_span(t, &c, tpl, strlen(tpl), NULL);
    if (t->buf == NULL) skpi__text_put(t, "", 0);
    return t->err;
}

int skpi__text_fill(skpi__text *t, const char *tpl, const skpi__arg *args, size_t nargs)
{
    return skpi__text_fill_in(t, tpl, args, nargs, NULL);
}

void skpi__text_free(skpi__text *t)
{
    skpi__free(t->buf);
    t->buf = NULL;
    t->len = t->cap = 0;
}
