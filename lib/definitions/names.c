/* The words of the JSON document for each enumeration. They are part of
 * the document's schema: once released they never change. */
#include "definitions/defs_internal.h"

const skpi__name skpi__unit_names[] = {
    { "count", SKPI_UNIT_COUNT },       { "percent", SKPI_UNIT_PERCENT },
    { "ratio", SKPI_UNIT_RATIO },       { "currency", SKPI_UNIT_CURRENCY },
    { "duration", SKPI_UNIT_DURATION }, { "score", SKPI_UNIT_SCORE },
    { NULL, 0 }
};

const skpi__name skpi__direction_names[] = {
    { "higher", SKPI_HIGHER_IS_BETTER }, { "lower", SKPI_LOWER_IS_BETTER },
    { "neutral", SKPI_DIRECTION_NEUTRAL }, { NULL, 0 }
};

const skpi__name skpi__kind_names[] = {
    { "flow", SKPI_KIND_FLOW }, { "stock", SKPI_KIND_STOCK }, { "derived", SKPI_KIND_DERIVED },
    { NULL, 0 }
};

const skpi__name skpi__goal_dir_names[] = {
    { "increase", SKPI_GOAL_INCREASE },         { "decrease", SKPI_GOAL_DECREASE },
    { "stay_at_least", SKPI_GOAL_STAY_AT_LEAST }, { "stay_at_most", SKPI_GOAL_STAY_AT_MOST },
    { NULL, 0 }
};

const skpi__name skpi__cadence_names[] = {
    { "day", SKPI_CADENCE_DAY },         { "week", SKPI_CADENCE_WEEK },
    { "month", SKPI_CADENCE_MONTH },     { "quarter", SKPI_CADENCE_QUARTER },
    { "year", SKPI_CADENCE_YEAR },       { NULL, 0 }
};

const skpi__name skpi__target_kind_names[] = {
    { "absolute", SKPI_TARGET_ABSOLUTE }, { "percent", SKPI_TARGET_PERCENT },
    { "delta", SKPI_TARGET_DELTA },       { NULL, 0 }
};

const skpi__name skpi__okr_type_names[] = {
    { "committed", SKPI_OBJECTIVE_COMMITTED }, { "aspirational", SKPI_OBJECTIVE_ASPIRATIONAL },
    { NULL, 0 }
};

const skpi__name skpi__kr_kind_names[] = {
    { "manual", SKPI_KR_MANUAL }, { "metric", SKPI_KR_METRIC }, { "milestone", SKPI_KR_MILESTONE },
    { NULL, 0 }
};

/* Custom curves are written as their points, never as a word. */
const skpi__name skpi__curve_names[] = {
    { "linear", SKPI_OKR_CURVE_LINEAR }, { "stretch", SKPI_OKR_CURVE_STRETCH },
    { "three_level", SKPI_OKR_CURVE_THREE_LEVEL }, { NULL, 0 }
};

const skpi__name skpi__weekday_names[] = {
    { "monday", SKPI_MONDAY },       { "tuesday", SKPI_TUESDAY },   { "wednesday", SKPI_WEDNESDAY },
    { "thursday", SKPI_THURSDAY },   { "friday", SKPI_FRIDAY },     { "saturday", SKPI_SATURDAY },
    { "sunday", SKPI_SUNDAY },       { NULL, 0 }
};

const skpi__name skpi__comparison_names[] = {
    { "previous", (int)SKPI_COMPARE_PREVIOUS }, { "year_earlier", (int)SKPI_COMPARE_YEAR_EARLIER },
    { NULL, 0 }
};

/* The name of each template: its enumerator without SKPI_TPL_, lowercase. */
const skpi__name skpi__template_names[] = {
    { "heading_summary", SKPI_TPL_HEADING_SUMMARY },
    { "heading_wins", SKPI_TPL_HEADING_WINS },
    { "heading_kpis", SKPI_TPL_HEADING_KPIS },
    { "heading_channels", SKPI_TPL_HEADING_CHANNELS },
    { "heading_trends", SKPI_TPL_HEADING_TRENDS },
    { "heading_goals", SKPI_TPL_HEADING_GOALS },
    { "heading_okrs", SKPI_TPL_HEADING_OKRS },
    { "heading_top_posts", SKPI_TPL_HEADING_TOP_POSTS },
    { "heading_spot_checks", SKPI_TPL_HEADING_SPOT_CHECKS },
    { "heading_next_steps", SKPI_TPL_HEADING_NEXT_STEPS },
    { "subtitle", SKPI_TPL_SUBTITLE },
    { "headline_up", SKPI_TPL_HEADLINE_UP },
    { "headline_down", SKPI_TPL_HEADLINE_DOWN },
    { "headline_flat", SKPI_TPL_HEADLINE_FLAT },
    { "headline_only", SKPI_TPL_HEADLINE_ONLY },
    { "contribution", SKPI_TPL_CONTRIBUTION },
    { "channel_change", SKPI_TPL_CHANNEL_CHANGE },
    { "goals_summary", SKPI_TPL_GOALS_SUMMARY },
    { "goal_behind", SKPI_TPL_GOAL_BEHIND },
    { "win_goal", SKPI_TPL_WIN_GOAL },
    { "win_milestone", SKPI_TPL_WIN_MILESTONE },
    { "win_record", SKPI_TPL_WIN_RECORD },
    { "win_post", SKPI_TPL_WIN_POST },
    { "spot_high", SKPI_TPL_SPOT_HIGH },
    { "spot_low", SKPI_TPL_SPOT_LOW },
    { "spot_none", SKPI_TPL_SPOT_NONE },
    { "next_goal", SKPI_TPL_NEXT_GOAL },
    { "next_spot", SKPI_TPL_NEXT_SPOT },
    { "next_decline", SKPI_TPL_NEXT_DECLINE },
    { "next_none", SKPI_TPL_NEXT_NONE },
    { "status_not_started", SKPI_TPL_STATUS_NOT_STARTED },
    { "status_on_track", SKPI_TPL_STATUS_ON_TRACK },
    { "status_at_risk", SKPI_TPL_STATUS_AT_RISK },
    { "status_off_track", SKPI_TPL_STATUS_OFF_TRACK },
    { "status_achieved", SKPI_TPL_STATUS_ACHIEVED },
    { "status_missed", SKPI_TPL_STATUS_MISSED },
    { "status_no_data", SKPI_TPL_STATUS_NO_DATA },
    { "band_red", SKPI_TPL_BAND_RED },
    { "band_yellow", SKPI_TPL_BAND_YELLOW },
    { "band_green", SKPI_TPL_BAND_GREEN },
    { "okr_in_progress", SKPI_TPL_OKR_IN_PROGRESS },
    { "okr_committed_met", SKPI_TPL_OKR_COMMITTED_MET },
    { "okr_committed_missed", SKPI_TPL_OKR_COMMITTED_MISSED },
    { "okr_below", SKPI_TPL_OKR_BELOW },
    { "okr_success", SKPI_TPL_OKR_SUCCESS },
    { "okr_above", SKPI_TPL_OKR_ABOVE },
    { "okr_not_ambitious", SKPI_TPL_OKR_NOT_AMBITIOUS },
    { "kpi_table_title", SKPI_TPL_KPI_TABLE_TITLE },
    { "channel_table_title", SKPI_TPL_CHANNEL_TABLE_TITLE },
    { "trend_title", SKPI_TPL_TREND_TITLE },
    { "trend_description", SKPI_TPL_TREND_DESCRIPTION },
    { "goals_chart_title", SKPI_TPL_GOALS_CHART_TITLE },
    { "okr_chart_title", SKPI_TPL_OKR_CHART_TITLE },
    { "series_progress", SKPI_TPL_SERIES_PROGRESS },
    { "series_expected", SKPI_TPL_SERIES_EXPECTED },
    { "series_score", SKPI_TPL_SERIES_SCORE },
    { "cadence_day", SKPI_TPL_CADENCE_DAY },
    { "cadence_week", SKPI_TPL_CADENCE_WEEK },
    { "cadence_month", SKPI_TPL_CADENCE_MONTH },
    { "cadence_quarter", SKPI_TPL_CADENCE_QUARTER },
    { "cadence_year", SKPI_TPL_CADENCE_YEAR },
    { "goal_note", SKPI_TPL_GOAL_NOTE },
    { "all_channels", SKPI_TPL_ALL_CHANNELS },
    { "column_metric", SKPI_TPL_COLUMN_METRIC },
    { "column_value", SKPI_TPL_COLUMN_VALUE },
    { "column_change", SKPI_TPL_COLUMN_CHANGE },
    { "column_change_percent", SKPI_TPL_COLUMN_CHANGE_PERCENT },
    { "column_trend", SKPI_TPL_COLUMN_TREND },
    { "column_goal", SKPI_TPL_COLUMN_GOAL },
    { "column_status", SKPI_TPL_COLUMN_STATUS },
    { "column_progress", SKPI_TPL_COLUMN_PROGRESS },
    { "column_expected", SKPI_TPL_COLUMN_EXPECTED },
    { "column_forecast", SKPI_TPL_COLUMN_FORECAST },
    { "column_current", SKPI_TPL_COLUMN_CURRENT },
    { "column_target", SKPI_TPL_COLUMN_TARGET },
    { "column_deadline", SKPI_TPL_COLUMN_DEADLINE },
    { "column_key_result", SKPI_TPL_COLUMN_KEY_RESULT },
    { "column_score", SKPI_TPL_COLUMN_SCORE },
    { "column_start", SKPI_TPL_COLUMN_START },
    { "column_note", SKPI_TPL_COLUMN_NOTE },
    { "partial_note", SKPI_TPL_PARTIAL_NOTE },
    { "chart_caption", SKPI_TPL_CHART_CAPTION },
    { "chart_last_points", SKPI_TPL_CHART_LAST_POINTS },
    { "chart_alt_line", SKPI_TPL_CHART_ALT_LINE },
    { "chart_alt_bar", SKPI_TPL_CHART_ALT_BAR },
    { "chart_span", SKPI_TPL_CHART_SPAN },
    { "kpi_versus", SKPI_TPL_KPI_VERSUS },
    { "of_target", SKPI_TPL_OF_TARGET },
    { "goal_progress", SKPI_TPL_GOAL_PROGRESS },
    { "goal_progress_label", SKPI_TPL_GOAL_PROGRESS_LABEL },
    { "goal_expected", SKPI_TPL_GOAL_EXPECTED },
    { "goal_forecast", SKPI_TPL_GOAL_FORECAST },
    { "goal_by_deadline", SKPI_TPL_GOAL_BY_DEADLINE },
    { "okr_score", SKPI_TPL_OKR_SCORE },
    { "okr_graded", SKPI_TPL_OKR_GRADED },
    { "okr_score_label", SKPI_TPL_OKR_SCORE_LABEL },
    { "okr_aspirational", SKPI_TPL_OKR_ASPIRATIONAL },
    { "okr_committed", SKPI_TPL_OKR_COMMITTED },
    { "okr_owner", SKPI_TPL_OKR_OWNER },
    { "post_ratio", SKPI_TPL_POST_RATIO },
    { "callout_note", SKPI_TPL_CALLOUT_NOTE },
    { "callout_win", SKPI_TPL_CALLOUT_WIN },
    { "callout_alert", SKPI_TPL_CALLOUT_ALERT },
    { "no_data", SKPI_TPL_NO_DATA },
    { "division_by_zero", SKPI_TPL_DIVISION_BY_ZERO },
    { "not_supported", SKPI_TPL_NOT_SUPPORTED },
    { "generated", SKPI_TPL_GENERATED },
    { "untitled", SKPI_TPL_UNTITLED },
    { "not_available", SKPI_TPL_NOT_AVAILABLE },
    { "goal_short_of_target", SKPI_TPL_GOAL_SHORT_OF_TARGET },
    { "goal_forecast_meets", SKPI_TPL_GOAL_FORECAST_MEETS },
    { "okr_aligned", SKPI_TPL_OKR_ALIGNED },
    { "goal_projected", SKPI_TPL_GOAL_PROJECTED },
    { "times_in", SKPI_TPL_TIMES_IN },
    { "no_data_headline", SKPI_TPL_NO_DATA_HEADLINE },
    { "partial_period", SKPI_TPL_PARTIAL_PERIOD },
    { "next_no_data", SKPI_TPL_NEXT_NO_DATA },
    { "spot_withheld", SKPI_TPL_SPOT_WITHHELD },
    { "top_posts_none", SKPI_TPL_TOP_POSTS_NONE },
    { "top_posts_no_metric", SKPI_TPL_TOP_POSTS_NO_METRIC },
    { "top_posts_left_out", SKPI_TPL_TOP_POSTS_LEFT_OUT },
    { "period_week", SKPI_TPL_PERIOD_WEEK },
    { "range", SKPI_TPL_RANGE },
    { "cadence_range", SKPI_TPL_CADENCE_RANGE },
    { "heading_funnel", SKPI_TPL_HEADING_FUNNEL },
    { "funnel_table_title", SKPI_TPL_FUNNEL_TABLE_TITLE },
    { "funnel_rates_title", SKPI_TPL_FUNNEL_RATES_TITLE },
    { "return_table_title", SKPI_TPL_RETURN_TABLE_TITLE },
    { "funnel_weakest_fell", SKPI_TPL_FUNNEL_WEAKEST_FELL },
    { "funnel_weakest_lowest", SKPI_TPL_FUNNEL_WEAKEST_LOWEST },
    { "funnel_step_exceeds", SKPI_TPL_FUNNEL_STEP_EXCEEDS },
    { "funnel_data_warning", SKPI_TPL_FUNNEL_DATA_WARNING },
    { "funnel_no_cost", SKPI_TPL_FUNNEL_NO_COST },
    { "funnel_no_data", SKPI_TPL_FUNNEL_NO_DATA },
    { "headline_partial", SKPI_TPL_HEADLINE_PARTIAL },
    { "heading_resourcing", SKPI_TPL_HEADING_RESOURCING },
    { "resourcing_hours_title", SKPI_TPL_RESOURCING_HOURS_TITLE },
    { "resourcing_capacity_title", SKPI_TPL_RESOURCING_CAPACITY_TITLE },
    { "resourcing_impact_title", SKPI_TPL_RESOURCING_IMPACT_TITLE },
    { "resourcing_estimate_title", SKPI_TPL_RESOURCING_ESTIMATE_TITLE },
    { "resourcing_shared", SKPI_TPL_RESOURCING_SHARED },
    { "resourcing_over", SKPI_TPL_RESOURCING_OVER },
    { "resourcing_move", SKPI_TPL_RESOURCING_MOVE },
    { "resourcing_goal", SKPI_TPL_RESOURCING_GOAL },
    { "resourcing_objective", SKPI_TPL_RESOURCING_OBJECTIVE },
    { "resourcing_estimate_note", SKPI_TPL_RESOURCING_ESTIMATE_NOTE },
    { "resourcing_not_estimated", SKPI_TPL_RESOURCING_NOT_ESTIMATED },
    { "resourcing_constant_hours", SKPI_TPL_RESOURCING_CONSTANT_HOURS },
    { "resourcing_estimate_label", SKPI_TPL_RESOURCING_ESTIMATE_LABEL },
    { "resourcing_shared_cell", SKPI_TPL_RESOURCING_SHARED_CELL },
    { "resourcing_yes", SKPI_TPL_RESOURCING_YES },
    { "column_activity", SKPI_TPL_COLUMN_ACTIVITY },
    { "column_activities", SKPI_TPL_COLUMN_ACTIVITIES },
    { "column_hours", SKPI_TPL_COLUMN_HOURS },
    { "column_previous_hours", SKPI_TPL_COLUMN_PREVIOUS_HOURS },
    { "column_role", SKPI_TPL_COLUMN_ROLE },
    { "column_planned", SKPI_TPL_COLUMN_PLANNED },
    { "column_available", SKPI_TPL_COLUMN_AVAILABLE },
    { "column_over_allocated", SKPI_TPL_COLUMN_OVER_ALLOCATED },
    { "column_channels", SKPI_TPL_COLUMN_CHANNELS },
    { "column_result", SKPI_TPL_COLUMN_RESULT },
    { "column_per_hour", SKPI_TPL_COLUMN_PER_HOUR },
    { "column_previous_per_hour", SKPI_TPL_COLUMN_PREVIOUS_PER_HOUR },
    { "column_cost_per_result", SKPI_TPL_COLUMN_COST_PER_RESULT },
    { "column_weeks", SKPI_TPL_COLUMN_WEEKS },
    { "column_slope", SKPI_TPL_COLUMN_SLOPE },
    { "column_interval", SKPI_TPL_COLUMN_INTERVAL },
    { "heading_listening", SKPI_TPL_HEADING_LISTENING },
    { "listening_table_title", SKPI_TPL_LISTENING_TABLE_TITLE },
    { "listening_top_title", SKPI_TPL_LISTENING_TOP_TITLE },
    { "listening_share", SKPI_TPL_LISTENING_SHARE },
    { "listening_no_competitors", SKPI_TPL_LISTENING_NO_COMPETITORS },
    { "listening_competitor_cell", SKPI_TPL_LISTENING_COMPETITOR_CELL },
    { "listening_no_data", SKPI_TPL_LISTENING_NO_DATA },
    { "column_brand", SKPI_TPL_COLUMN_BRAND },
    { "column_mentions", SKPI_TPL_COLUMN_MENTIONS },
    { "column_positive", SKPI_TPL_COLUMN_POSITIVE },
    { "column_neutral", SKPI_TPL_COLUMN_NEUTRAL },
    { "column_negative", SKPI_TPL_COLUMN_NEGATIVE },
    { "column_net_sentiment", SKPI_TPL_COLUMN_NET_SENTIMENT },
    { "column_reach", SKPI_TPL_COLUMN_REACH },
    { "column_share_of_voice", SKPI_TPL_COLUMN_SHARE_OF_VOICE },
    { "listening_share_counted", SKPI_TPL_LISTENING_SHARE_COUNTED },
    { "heading_what_worked", SKPI_TPL_HEADING_WHAT_WORKED },
    { "heading_posting_times", SKPI_TPL_HEADING_POSTING_TIMES },
    { "what_worked_types", SKPI_TPL_WHAT_WORKED_TYPES },
    { "what_worked_tags", SKPI_TPL_WHAT_WORKED_TAGS },
    { "column_type", SKPI_TPL_COLUMN_TYPE },
    { "column_tag", SKPI_TPL_COLUMN_TAG },
    { "column_posts", SKPI_TPL_COLUMN_POSTS },
    { "column_median_per_post", SKPI_TPL_COLUMN_MEDIAN_PER_POST },
    { "column_share", SKPI_TPL_COLUMN_SHARE },
    { "what_worked_posts", SKPI_TPL_WHAT_WORKED_POSTS },
    { "what_worked_too_few", SKPI_TPL_WHAT_WORKED_TOO_FEW },
    { "weekdays", SKPI_TPL_WEEKDAYS },
    { "posting_times_table", SKPI_TPL_POSTING_TIMES_TABLE },
    { "posting_times_best", SKPI_TPL_POSTING_TIMES_BEST },
    { "posting_times_none", SKPI_TPL_POSTING_TIMES_NONE },
    { "heading_competitors", SKPI_TPL_HEADING_COMPETITORS },
    { "competitors_table_title", SKPI_TPL_COMPETITORS_TABLE_TITLE },
    { "column_figure", SKPI_TPL_COLUMN_FIGURE },
    { "column_us", SKPI_TPL_COLUMN_US },
    { "column_competitor_median", SKPI_TPL_COLUMN_COMPETITOR_MEDIAN },
    { "column_our_rank", SKPI_TPL_COLUMN_OUR_RANK },
    { "competitors_rank", SKPI_TPL_COMPETITORS_RANK },
    { "competitors_gap", SKPI_TPL_COMPETITORS_GAP },
    { "competitors_lead", SKPI_TPL_COMPETITORS_LEAD },
    { "heading_benchmarks", SKPI_TPL_HEADING_BENCHMARKS },
    { "benchmarks_table_title", SKPI_TPL_BENCHMARKS_TABLE_TITLE },
    { "column_industry", SKPI_TPL_COLUMN_INDUSTRY },
    { "column_gap", SKPI_TPL_COLUMN_GAP },
    { "column_gap_percent", SKPI_TPL_COLUMN_GAP_PERCENT },
    { "column_source", SKPI_TPL_COLUMN_SOURCE },
    { "benchmarks_furthest", SKPI_TPL_BENCHMARKS_FURTHEST },
    { "benchmarks_met", SKPI_TPL_BENCHMARKS_MET },
    { "target_source", SKPI_TPL_TARGET_SOURCE },
    { "heading_campaign", SKPI_TPL_HEADING_CAMPAIGN },
    { "campaign_intro", SKPI_TPL_CAMPAIGN_INTRO },
    { "campaign_change", SKPI_TPL_CAMPAIGN_CHANGE },
    { "campaign_posts", SKPI_TPL_CAMPAIGN_POSTS },
    { "campaign_no_posts", SKPI_TPL_CAMPAIGN_NO_POSTS },
    { "goal_owner", SKPI_TPL_GOAL_OWNER },
    { NULL, 0 }
};

const char *skpi__name_of(const skpi__name *names, int value)
{
    for (; names->word; names++)
        if (names->value == value) return names->word;
    return NULL;
}
