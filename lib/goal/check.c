/* skpi_goal_check(): one verdict per SMART letter, with a reason a person can read. */
#include "goal/goal_internal.h"
#include "core/number.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define REASON_SIZE 1024

typedef struct check_ctx {
    const skpi_goal *g;
    skpi_dataset *ds;
    const skpi_calendar *cal;
    const skpi_catalog *cat;
    const skpi_metric *metric; /* NULL when unset or not in the catalog */
    int kind;
    skpi_value baseline;       /* NaN when it could not be known */
    double target;             /* absolute; NaN when unknown */
    bool selector_bad;         /* the dataset refused the selector */
    char selector_msg[256];
    size_t periods;            /* cadence periods in the span, at least 1 */
} check_ctx;

static const char *cadence_noun(int cadence, bool plural)
{
    static const char *const one[] = { "day", "week", "month", "quarter", "year" };
    static const char *const many[] = { "days", "weeks", "months", "quarters", "years" };
    return plural ? many[cadence] : one[cadence];
}

static const char *date_text(char buf[32], const check_ctx *c, skpi_time t)
{
    if (skpi_calendar_format_date(buf, 32, c->cal, t) != SKPI_OK)
        snprintf(buf, 32, "?");
    return buf;
}

/* A signed number with an explicit + for growth. */
static const char *signed_num(char buf[SKPI__NUM_PLAIN_SIZE], double x)
{
    skpi__num_plain(buf, x);
    size_t n = strlen(buf);
    /* The formatter's output is far shorter than the buffer (at most 22
     * bytes), so there is room for the sign. */
    if (x > 0 && strcmp(buf, "0") != 0 && n + 1 < SKPI__NUM_PLAIN_SIZE) {
        memmove(buf + 1, buf, n + 1);
        buf[0] = '+';
    }
    return buf;
}

static int say(skpi_goal_check_result *r, int letter, int verdict, const char *fmt, ...)
    SKPI__PRINTF(4, 5);

static int say(skpi_goal_check_result *r, int letter, int verdict, const char *fmt, ...)
{
    char buf[REASON_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char *copy = skpi__strdup(buf);
    if (copy == NULL)
        return skpi__nomem();
    skpi__free(r->reason[letter]);
    r->reason[letter] = copy;
    r->verdict[letter] = verdict;
    return SKPI_OK;
}

/* Dataset errors caused by the goal's own selector become failed letters;
 * anything else (a source callback stopping, memory) ends the check. */
static int soften(int rc, check_ctx *c)
{
    if (rc == SKPI_EINVAL || rc == SKPI_ENOTFOUND) {
        c->selector_bad = true;
        snprintf(c->selector_msg, sizeof c->selector_msg, "%s", skpi_last_error());
        return SKPI_OK;
    }
    return rc;
}

static bool is_ramp(int direction)
{
    return direction == SKPI_GOAL_INCREASE || direction == SKPI_GOAL_DECREASE;
}

static int check_specific(skpi_goal_check_result *r, const check_ctx *c)
{
    const skpi_goal *g = c->g;
    char why[384], b[SKPI__NUM_PLAIN_SIZE], t[SKPI__NUM_PLAIN_SIZE];
    if (g->metric == NULL)
        return say(r, SKPI_SMART_SPECIFIC, SKPI_VERDICT_FAIL,
                   "no metric set: name the metric the goal moves (for example followers)");
    if (g->target_kind == SKPI_TARGET_NONE)
        return say(r, SKPI_SMART_SPECIFIC, SKPI_VERDICT_FAIL,
                   "no target set: give the number to reach, as a value, a percent change or a delta");
    if (skpi__goal_target_problem(why, sizeof why, g, c->baseline.value, c->target))
        return say(r, SKPI_SMART_SPECIFIC, SKPI_VERDICT_FAIL, "%s", why);
    if (g->channel == NULL)
        return say(r, SKPI_SMART_SPECIFIC, SKPI_VERDICT_WARN,
                   "no channel set: %s will be measured on every channel ('*'); name the channel or group",
                   g->metric);
    if (isnan(c->target))
        return say(r, SKPI_SMART_SPECIFIC, SKPI_VERDICT_WARN,
                   "%s on %s, but the target is relative to a baseline that could not be measured",
                   g->metric, g->channel);
    if (isnan(c->baseline.value))
        return say(r, SKPI_SMART_SPECIFIC, SKPI_VERDICT_PASS, "%s on %s, target %s",
                   g->metric, g->channel, skpi__num_plain(t, c->target));
    return say(r, SKPI_SMART_SPECIFIC, SKPI_VERDICT_PASS, "%s on %s, from %s to %s",
               g->metric, g->channel, skpi__num_plain(b, c->baseline.value),
               skpi__num_plain(t, c->target));
}

static int check_measurable(skpi_goal_check_result *r, check_ctx *c)
{
    const skpi_goal *g = c->g;
    const int L = SKPI_SMART_MEASURABLE;
    char d1[32], d2[32];
    if (g->metric == NULL)
        return say(r, L, SKPI_VERDICT_FAIL, "no metric set, so there is nothing to measure");
    if (c->metric == NULL)
        return say(r, L, SKPI_VERDICT_FAIL,
                   "metric '%s' is not in the catalog: use a catalog key or add the metric to a host catalog",
                   g->metric);
    const char *label = skpi_metric_label(c->metric);
    if (c->ds == NULL)
        return say(r, L, SKPI_VERDICT_WARN,
                   "%s is in the catalog; no dataset was given to confirm that it has data", label);
    if (c->selector_bad)
        return say(r, L, SKPI_VERDICT_FAIL, "the dataset cannot measure channel '%s': %s",
                   skpi__goal_selector(g), c->selector_msg);
    const char *sel = skpi__goal_selector(g);
    if (g->baseline_kind == SKPI_BASELINE_PERIOD || g->baseline_kind == SKPI_BASELINE_NONE) {
        char when[96];
        if (g->baseline_kind == SKPI_BASELINE_PERIOD)
            snprintf(when, sizeof when, "over the baseline period (%s to %s)",
                     date_text(d1, c, g->baseline_period.start),
                     date_text(d2, c, g->baseline_period.end));
        else if (g->has_span)
            snprintf(when, sizeof when, "as of the start (%s)", date_text(d1, c, g->span.start));
        else
            return say(r, L, SKPI_VERDICT_WARN,
                       "%s is in the catalog, but with neither a baseline nor a start there is no date to measure it at",
                       label);
        switch (c->baseline.availability) {
        case SKPI_AVAILABLE:
            return say(r, L, SKPI_VERDICT_PASS, "%s has data on %s %s", label, sel, when);
        case SKPI_PARTIAL:
            return say(r, L, SKPI_VERDICT_WARN,
                       "%s has only partial data on %s %s: some days or channels are missing",
                       label, sel, when);
        case SKPI_DENOMINATOR_ZERO:
            return say(r, L, SKPI_VERDICT_FAIL, "%s cannot be computed on %s %s: its formula divides by zero",
                       label, sel, when);
        default:
            return say(r, L, SKPI_VERDICT_FAIL, "the dataset has no data for %s on %s %s", label, sel, when);
        }
    }
    skpi_period extent;
    int rc = skpi_dataset_extent(&extent, c->ds, g->metric, sel);
    if (rc == SKPI_OK)
        return say(r, L, SKPI_VERDICT_PASS, "%s has data on %s from %s to %s", label, sel,
                   date_text(d1, c, extent.start), date_text(d2, c, extent.end - 1));
    if (rc != SKPI_ENOTFOUND && rc != SKPI_EINVAL)
        return rc;
    return say(r, L, SKPI_VERDICT_FAIL, "the dataset has no data for %s on %s", label, sel);
}

/* Why achievability cannot be judged, or NULL when it can. */
static const char *achievable_unjudged(const check_ctx *c)
{
    const skpi_goal *g = c->g;
    if (g->target_kind == SKPI_TARGET_NONE) return "no target";
    if (!g->has_span) return "no start and deadline";
    if (c->metric == NULL) return "the metric is not known";
    if (c->ds == NULL) return "no dataset given";
    if (c->selector_bad) return "the channel cannot be measured";
    if (isnan(c->baseline.value) || isnan(c->target)) return "the baseline could not be measured";
    return NULL;
}

/* The median and best change over windows of n_per periods in the history
 * before the start, and how many windows there were, into r; *held receives
 * how many periods of history there were. SKPI_OK, or an error to soften. */
static int historical_rates(skpi_goal_check_result *r, const check_ctx *c, size_t n_per,
                            double sign, size_t *held)
{
    const skpi_goal *g = c->g;
    double *hist = NULL;
    size_t n = 0;
    skpi_time first;
    int rc = skpi__goal_history(&hist, &n, &first, g, c->ds, c->cal, g->span.start, g->span.start);
    if (rc != SKPI_OK) return rc;
    double *scratch = n ? skpi__reallocarray(NULL, n, sizeof *scratch) : NULL;
    if (n && scratch == NULL) {
        skpi__free(hist);
        return skpi__nomem();
    }
    double median = NAN, best = NAN;
    size_t windows = skpi__goal_window_rates(&median, &best, hist, n, n_per, sign, scratch);
    skpi__free(scratch);
    skpi__free(hist);
    r->median_rate = median;
    r->best_rate = best;
    r->window_count = windows;
    *held = n;
    return SKPI_OK;
}

/* "the target needs +12 per month over 6 months (+1.2 % of the baseline per month)" */
static void achievable_need(char *need, size_t size, double b, double change, size_t n_per,
                            const char *unit, const char *units)
{
    char x[SKPI__NUM_PLAIN_SIZE], p[SKPI__NUM_PLAIN_SIZE];
    if (b != 0.0)
        snprintf(need, size, "the target needs %s per %s over %zu %s (%s %% of the baseline per %s)",
                 signed_num(x, change), unit, n_per, units, signed_num(p, 100.0 * change / fabs(b)), unit);
    else
        snprintf(need, size, "the target needs %s per %s over %zu %s", signed_num(x, change),
                 unit, n_per, units);
}

/* The verdict: the required rate against the history's median and best. */
static int achievable_verdict(skpi_goal_check_result *r, const char *need, const char *history)
{
    const int L = SKPI_SMART_ACHIEVABLE;
    double median = r->median_rate, best = r->best_rate;
    if (r->required_rate <= median + SKPI__GOAL_EPSILON * fmax(1.0, fabs(median))) {
        r->achievability = SKPI_ACHIEVABILITY_REALISTIC;
        return say(r, L, SKPI_VERDICT_PASS, "realistic: %s; %s", need, history);
    }
    if (r->required_rate <= best + SKPI__GOAL_EPSILON * fmax(1.0, fabs(best))) {
        r->achievability = SKPI_ACHIEVABILITY_STRETCH;
        return say(r, L, SKPI_VERDICT_WARN, "stretch: %s; %s", need, history);
    }
    r->achievability = SKPI_ACHIEVABILITY_UNREALISTIC;
    return say(r, L, SKPI_VERDICT_FAIL, "unrealistic: %s; %s", need, history);
}

static int check_achievable(skpi_goal_check_result *r, check_ctx *c)
{
    const skpi_goal *g = c->g;
    const int L = SKPI_SMART_ACHIEVABLE;
    const char *missing = achievable_unjudged(c);
    if (missing != NULL)
        return say(r, L, SKPI_VERDICT_WARN, "not judged: %s", missing);
    char why[384];
    if (skpi__goal_target_problem(why, sizeof why, g, c->baseline.value, c->target))
        return say(r, L, SKPI_VERDICT_WARN, "not judged: the target is %s",
                   isinf(c->target) ? "beyond the range of a double"
                                    : "on the wrong side of the baseline");

    double b = c->baseline.value, t = c->target;
    double sign = skpi__goal_sign(g->direction);
    size_t n_per = c->periods;
    const char *unit = cadence_noun(g->cadence, false), *units = cadence_noun(g->cadence, n_per != 1);
    char x[SKPI__NUM_PLAIN_SIZE], y[SKPI__NUM_PLAIN_SIZE], z[SKPI__NUM_PLAIN_SIZE];
    if (!is_ramp(g->direction) && skpi__goal_meets(g->direction, b, t)) {
        r->achievability = SKPI_ACHIEVABILITY_REALISTIC;
        r->required_rate = 0.0;
        r->window_periods = n_per;
        return say(r, L, SKPI_VERDICT_PASS, "realistic: the baseline %s already meets the level %s",
                   skpi__num_plain(x, b), skpi__num_plain(y, t));
    }
    double change = (t - b) / (double)n_per;
    r->required_rate = sign * change;
    r->window_periods = n_per;

    size_t held = 0;
    int rc = historical_rates(r, c, n_per, sign, &held);
    if (rc != SKPI_OK) {
        if (soften(rc, c) != SKPI_OK)
            return rc;
        return say(r, L, SKPI_VERDICT_WARN, "not judged: %s", c->selector_msg);
    }
    char need[200];
    achievable_need(need, sizeof need, b, change, n_per, unit, units);
    size_t windows = r->window_count;
    if (windows == 0)
        return say(r, L, SKPI_VERDICT_WARN,
                   "not judged: %s, but the history before the start has no two values %zu %s apart "
                   "(%zu complete %s needed, %zu held)",
                   need, n_per, units, n_per + 1, cadence_noun(g->cadence, true), held);
    char history[320];
    snprintf(history, sizeof history,
             "over the %zu-%s windows of the history the median change was %s and the best %s per %s (%zu window%s)",
             n_per, unit, signed_num(y, sign * r->median_rate), signed_num(z, sign * r->best_rate), unit,
             windows, windows == 1 ? "" : "s");
    return achievable_verdict(r, need, history);
}

static int check_relevant(skpi_goal_check_result *r, const check_ctx *c)
{
    const skpi_goal *g = c->g;
    const int L = SKPI_SMART_RELEVANT;
    if (g->category == SKPI_CATEGORY_NONE && g->relevance == NULL)
        return say(r, L, SKPI_VERDICT_FAIL,
                   "no category or business objective linked: say which business objective the goal serves");
    char warn[640] = "";
    size_t used = 0;
    if (g->category != SKPI_CATEGORY_NONE && g->metric != NULL &&
        !skpi_category_recommends(g->category, g->metric)) {
        size_t k = skpi_category_metric_count(g->category);
        if (k == 0) {
            used += (size_t)snprintf(warn + used, sizeof warn - used,
                                     "%s goals are usually tracked by internal milestones rather than by a social metric",
                                     skpi_category_label(g->category));
        } else {
            used += (size_t)snprintf(warn + used, sizeof warn - used,
                                     "%s is not among the metrics recommended for %s:",
                                     g->metric, skpi_category_label(g->category));
            for (size_t i = 0; i < k && used < sizeof warn; i++)
                used += (size_t)snprintf(warn + used, sizeof warn - used, "%s %s",
                                         i ? "," : "", skpi_category_metric(g->category, i));
        }
    }
    if (c->metric != NULL && used < sizeof warn) {
        int md = skpi_metric_direction(c->metric);
        double sign = skpi__goal_sign(g->direction);
        if ((md == SKPI_LOWER_IS_BETTER && sign > 0) || (md == SKPI_HIGHER_IS_BETTER && sign < 0))
            used += (size_t)snprintf(warn + used, sizeof warn - used,
                                     "%sthe catalog says %s is better for %s, yet the goal wants it %s",
                                     used ? "; " : "", md == SKPI_LOWER_IS_BETTER ? "lower" : "higher",
                                     g->metric, sign > 0 ? "higher" : "lower");
    }
    if (used > 0)
        return say(r, L, SKPI_VERDICT_WARN, "%s", warn);
    if (g->category != SKPI_CATEGORY_NONE && g->relevance != NULL)
        return say(r, L, SKPI_VERDICT_PASS, "linked to %s; serves: %s",
                   skpi_category_label(g->category), g->relevance);
    if (g->category != SKPI_CATEGORY_NONE)
        return say(r, L, SKPI_VERDICT_PASS, "linked to %s", skpi_category_label(g->category));
    return say(r, L, SKPI_VERDICT_PASS, "serves: %s", g->relevance);
}

static int check_time_bound(skpi_goal_check_result *r, const check_ctx *c)
{
    const skpi_goal *g = c->g;
    const int L = SKPI_SMART_TIME_BOUND;
    char why[384], d1[32], d2[32];
    if (!g->has_span)
        return say(r, L, SKPI_VERDICT_FAIL, "no start and deadline set");
    if (skpi__goal_milestone_problem(why, sizeof why, g, c->cal, c->baseline.value, c->target))
        return say(r, L, SKPI_VERDICT_FAIL, "%s", why);
    date_text(d1, c, g->span.start);
    date_text(d2, c, g->span.end);
    const char *units = cadence_noun(g->cadence, c->periods != 1);
    if (g->n_milestones == 0 && c->periods > 2)
        return say(r, L, SKPI_VERDICT_WARN,
                   "from %s to %s (%zu %s) without milestones: add intermediate targets for incremental checks",
                   d1, d2, c->periods, units);
    return say(r, L, SKPI_VERDICT_PASS, "from %s to %s (%zu %s), %zu milestone%s in order", d1, d2,
               c->periods, units, g->n_milestones, g->n_milestones == 1 ? "" : "s");
}

/* Find the metric and measure the baseline, as far as the goal and the
 * dataset allow. */
static int prepare(check_ctx *c)
{
    const skpi_goal *g = c->g;
    c->baseline.value = NAN;
    c->baseline.availability = SKPI_MISSING;
    c->target = NAN;
    c->periods = 1;
    if (g->has_span) {
        int rc = skpi__goal_period_ends(&c->periods, c->cal, g->cadence, g->span.start, g->span.end);
        if (rc != SKPI_OK)
            return rc;
        if (c->periods == 0)
            c->periods = 1;
    }
    if (g->metric != NULL && skpi_catalog_find(&c->metric, c->cat, g->metric) == SKPI_OK)
        c->kind = skpi_metric_kind_of(c->metric);
    else
        c->metric = NULL;
    if (g->baseline_kind == SKPI_BASELINE_VALUE) {
        c->baseline.value = g->baseline_value;
        c->baseline.availability = SKPI_AVAILABLE;
    } else if (c->metric != NULL && c->ds != NULL) {
        int rc = soften(skpi__goal_baseline(&c->baseline, g, c->ds, c->cal, c->kind), c);
        if (rc != SKPI_OK)
            return rc;
    }
    if (g->target_kind != SKPI_TARGET_NONE)
        c->target = skpi__goal_resolve(g->target_kind, g->target_value, c->baseline.value);
    return SKPI_OK;
}

int skpi_goal_check(skpi_goal_check_result **out, const skpi_goal *goal, skpi_dataset *ds,
                    const skpi_calendar *cal)
{
    if (out == NULL || goal == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_check: %s is NULL", out == NULL ? "out" : "goal");
    skpi_calendar *own = NULL;
    int rc;
    if (cal == NULL) {
        if ((rc = skpi_calendar_new(&own)) != SKPI_OK)
            return rc;
        cal = own;
    }
    skpi_goal_check_result *r = skpi__calloc(1, sizeof *r);
    if (r == NULL) {
        skpi_calendar_free(own);
        return skpi__nomem();
    }
    r->achievability = SKPI_ACHIEVABILITY_UNKNOWN;
    r->required_rate = r->median_rate = r->best_rate = NAN;
    check_ctx c;
    memset(&c, 0, sizeof c);
    c.g = goal;
    c.ds = ds;
    c.cal = cal;
    c.cat = ds ? skpi_dataset_catalog(ds) : skpi_catalog_builtin();
    if ((rc = prepare(&c)) == SKPI_OK && (rc = check_specific(r, &c)) == SKPI_OK &&
        (rc = check_measurable(r, &c)) == SKPI_OK && (rc = check_achievable(r, &c)) == SKPI_OK &&
        (rc = check_relevant(r, &c)) == SKPI_OK)
        rc = check_time_bound(r, &c);
    skpi_calendar_free(own);
    if (rc != SKPI_OK) {
        skpi_goal_check_free(r);
        return rc;
    }
    *out = r;
    return SKPI_OK;
}
