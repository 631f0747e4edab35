/* The goal handle: creation, copying, and the setters and getters of its fields. */
#include "goal/goal_internal.h"
#include "core/selector.h"

#include <math.h>
#include <string.h>

/* Longest selector the dataset accepts (skpi_dataset_channel_max()). */
#define SKPI__GOAL_SELECTOR_MAX 256
/* Longest metric key the catalog accepts (skpi_metric_key_max()). */
#define SKPI__GOAL_KEY_MAX 64

int skpi_goal_new(skpi_goal **out, const char *name)
{
    if (out == NULL || name == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_new: %s is NULL", out == NULL ? "out" : "name");
    if (name[0] == '\0')
        return skpi__error(SKPI_EINVAL, "skpi_goal_new: the name is empty");
    skpi_goal *g = skpi__calloc(1, sizeof *g);
    if (g == NULL)
        return skpi__nomem();
    g->name = skpi__strdup(name);
    if (g->name == NULL) {
        skpi__free(g);
        return skpi__nomem();
    }
    g->category = SKPI_CATEGORY_NONE;
    g->direction = SKPI_GOAL_INCREASE;
    g->cadence = SKPI_CADENCE_MONTH;
    g->baseline_kind = SKPI_BASELINE_NONE;
    g->baseline_value = NAN;
    g->target_kind = SKPI_TARGET_NONE;
    g->target_value = NAN;
    *out = g;
    return SKPI_OK;
}

void skpi_goal_free(skpi_goal *g)
{
    if (g == NULL)
        return;
    skpi__free(g->name);
    skpi__free(g->metric);
    skpi__free(g->channel);
    skpi__free(g->relevance);
    skpi__free(g->owner);
    skpi__free(g->activity);
    skpi__free(g->target_source);
    skpi__free(g->milestones);
    skpi__free(g);
}

/* strdup that keeps NULL as NULL; false on allocation failure. */
static bool dup_opt(char **dst, const char *src)
{
    *dst = NULL;
    if (src == NULL)
        return true;
    *dst = skpi__strdup(src);
    return *dst != NULL;
}

int skpi_goal_clone(skpi_goal **out, const skpi_goal *g)
{
    if (out == NULL || g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_clone: %s is NULL", out == NULL ? "out" : "goal");
    skpi_goal *c = skpi__calloc(1, sizeof *c);
    if (c == NULL)
        return skpi__nomem();
    *c = *g;
    c->name = c->metric = c->channel = c->relevance = c->owner = c->activity = c->target_source = NULL;
    c->milestones = NULL;
    c->n_milestones = c->cap_milestones = 0;
    if (!dup_opt(&c->name, g->name) || !dup_opt(&c->metric, g->metric) ||
        !dup_opt(&c->channel, g->channel) || !dup_opt(&c->relevance, g->relevance) ||
        !dup_opt(&c->owner, g->owner) || !dup_opt(&c->activity, g->activity) ||
        !dup_opt(&c->target_source, g->target_source))
        goto nomem;
    if (g->n_milestones > 0) {
        c->milestones = skpi__reallocarray(NULL, g->n_milestones, sizeof *c->milestones);
        if (c->milestones == NULL)
            goto nomem;
        memcpy(c->milestones, g->milestones, g->n_milestones * sizeof *c->milestones);
        c->n_milestones = c->cap_milestones = g->n_milestones;
    }
    *out = c;
    return SKPI_OK;
nomem:
    skpi_goal_free(c);
    return skpi__nomem();
}

/* Replace *slot by a copy of text (NULL or "" clear it when allowed). */
static int replace_text(char **slot, const char *text)
{
    char *copy = NULL;
    if (text != NULL && text[0] != '\0') {
        copy = skpi__strdup(text);
        if (copy == NULL)
            return skpi__nomem();
    }
    skpi__free(*slot);
    *slot = copy;
    return SKPI_OK;
}

int skpi_goal_set_name(skpi_goal *g, const char *name)
{
    if (g == NULL || name == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_set_name: %s is NULL", g == NULL ? "goal" : "name");
    if (name[0] == '\0')
        return skpi__error(SKPI_EINVAL, "skpi_goal_set_name: the name is empty");
    return replace_text(&g->name, name);
}

const char *skpi_goal_name(const skpi_goal *g) { return g ? g->name : NULL; }

int skpi_goal_set_category(skpi_goal *g, int category)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_set_category: goal is NULL");
    if (skpi_category_key(category) == NULL)
        return skpi__error(SKPI_EINVAL,
                           "skpi_goal_set_category: category %d is unknown (0 to %d)",
                           category, skpi_category_count());
    g->category = category;
    return SKPI_OK;
}

int skpi_goal_category(const skpi_goal *g)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_category: goal is NULL");
    return g->category;
}

/* The catalog's key syntax, so that typos fail where they are made. */
static const char *key_problem(const char *key)
{
    size_t n = strlen(key);
    if (n == 0)
        return "is empty";
    if (n > SKPI__GOAL_KEY_MAX)
        return "is longer than 64 bytes";
    if (!(key[0] >= 'a' && key[0] <= 'z'))
        return "must start with a lowercase ASCII letter";
    for (size_t i = 1; i < n; i++) {
        char c = key[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return "may only hold lowercase letters, digits and '_'";
    }
    return NULL;
}

int skpi_goal_set_metric(skpi_goal *g, const char *metric)
{
    if (g == NULL || metric == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_set_metric: %s is NULL", g == NULL ? "goal" : "metric");
    const char *problem = key_problem(metric);
    if (problem != NULL)
        return skpi__error(SKPI_EINVAL, "skpi_goal_set_metric: metric key '%.80s' %s",
                           metric, problem);
    return replace_text(&g->metric, metric);
}

const char *skpi_goal_metric(const skpi_goal *g) { return g ? g->metric : NULL; }

int skpi_goal_set_channel(skpi_goal *g, const char *selector)
{
    if (g == NULL || selector == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_set_channel: %s is NULL", g == NULL ? "goal" : "selector");
    size_t n = strlen(selector);
    if (n == 0)
        return skpi__error(SKPI_EINVAL, "skpi_goal_set_channel: the selector is empty");
    if (n > SKPI__GOAL_SELECTOR_MAX)
        return skpi__error(SKPI_EINVAL, "skpi_goal_set_channel: the selector is %zu bytes long (at most %d)",
                           n, SKPI__GOAL_SELECTOR_MAX);
    int rc = skpi__selector_check(selector, "skpi_goal_set_channel");
    if (rc != SKPI_OK) return rc;
    return replace_text(&g->channel, selector);
}

const char *skpi_goal_channel(const skpi_goal *g) { return g ? g->channel : NULL; }

const char *skpi__goal_selector(const skpi_goal *g) { return g->channel ? g->channel : "*"; }

int skpi_goal_set_direction(skpi_goal *g, int direction)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_set_direction: goal is NULL");
    if (direction < SKPI_GOAL_INCREASE || direction > SKPI_GOAL_STAY_AT_MOST)
        return skpi__error(SKPI_EINVAL, "skpi_goal_set_direction: direction %d is unknown (0 to 3)",
                           direction);
    g->direction = direction;
    return SKPI_OK;
}

int skpi_goal_direction(const skpi_goal *g)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_direction: goal is NULL");
    return g->direction;
}

int skpi_goal_set_cadence(skpi_goal *g, int cadence)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_set_cadence: goal is NULL");
    if (cadence < SKPI_CADENCE_DAY || cadence > SKPI_CADENCE_YEAR)
        return skpi__error(SKPI_EINVAL, "skpi_goal_set_cadence: cadence %d is unknown (0 to 4)", cadence);
    g->cadence = cadence;
    return SKPI_OK;
}

int skpi_goal_cadence(const skpi_goal *g)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_cadence: goal is NULL");
    return g->cadence;
}

int skpi_goal_set_baseline_value(skpi_goal *g, double value)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_set_baseline_value: goal is NULL");
    if (!isfinite(value))
        return skpi__error(SKPI_EINVAL, "skpi_goal_set_baseline_value: the value is not a finite number");
    g->baseline_kind = SKPI_BASELINE_VALUE;
    g->baseline_value = value;
    return SKPI_OK;
}

static bool time_ok(skpi_time t) { return t >= SKPI_TIME_MIN && t < SKPI_TIME_END; }

int skpi_goal_set_baseline_period(skpi_goal *g, skpi_period period)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_set_baseline_period: goal is NULL");
    if (!time_ok(period.start) || period.end < SKPI_TIME_MIN || period.end > SKPI_TIME_END)
        return skpi__error(SKPI_ERANGE, "skpi_goal_set_baseline_period: the period lies outside years 1 to 9999");
    if (period.end <= period.start)
        return skpi__error(SKPI_EINVAL, "skpi_goal_set_baseline_period: the period ends before it starts");
    g->baseline_kind = SKPI_BASELINE_PERIOD;
    g->baseline_period = period;
    g->baseline_value = NAN;
    return SKPI_OK;
}

int skpi_goal_clear_baseline(skpi_goal *g)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_clear_baseline: goal is NULL");
    g->baseline_kind = SKPI_BASELINE_NONE;
    g->baseline_value = NAN;
    return SKPI_OK;
}

int skpi_goal_baseline_kind(const skpi_goal *g)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_baseline_kind: goal is NULL");
    return g->baseline_kind;
}

double skpi_goal_baseline_value(const skpi_goal *g)
{
    return (g && g->baseline_kind == SKPI_BASELINE_VALUE) ? g->baseline_value : NAN;
}

int skpi_goal_baseline_period(skpi_period *out, const skpi_goal *g)
{
    if (out == NULL || g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_baseline_period: %s is NULL", out == NULL ? "out" : "goal");
    if (g->baseline_kind != SKPI_BASELINE_PERIOD)
        return skpi__error(SKPI_ENOTFOUND, "goal '%.80s': the baseline is not a period", g->name);
    *out = g->baseline_period;
    return SKPI_OK;
}

int skpi_goal_set_target(skpi_goal *g, int kind, double value)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_set_target: goal is NULL");
    if (kind < SKPI_TARGET_ABSOLUTE || kind > SKPI_TARGET_DELTA)
        return skpi__error(SKPI_EINVAL, "skpi_goal_set_target: target kind %d is unknown (1 to 3)", kind);
    if (!isfinite(value))
        return skpi__error(SKPI_EINVAL, "skpi_goal_set_target: the value is not a finite number");
    if (kind == SKPI_TARGET_PERCENT && value <= -100.0)
        return skpi__error(SKPI_EINVAL,
                           "skpi_goal_set_target: a percent change of %s would take the value to zero or beyond",
                           value == -100.0 ? "-100" : "less than -100");
    g->target_kind = kind;
    g->target_value = value;
    skpi__free(g->target_source); /* a target of its own, not the benchmark's */
    g->target_source = NULL;
    return SKPI_OK;
}

int skpi_goal_target_kind(const skpi_goal *g)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_target_kind: goal is NULL");
    return g->target_kind;
}

double skpi_goal_target_value(const skpi_goal *g) { return g ? g->target_value : NAN; }

int skpi_goal_set_span(skpi_goal *g, skpi_period span)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_set_span: goal is NULL");
    if (!time_ok(span.start) || !time_ok(span.end))
        return skpi__error(SKPI_ERANGE, "skpi_goal_set_span: start or deadline lies outside years 1 to 9999");
    if (span.end <= span.start)
        return skpi__error(SKPI_EINVAL, "goal '%.80s': the deadline is not after the start", g->name);
    for (size_t i = 0; i < g->n_milestones; i++) {
        skpi_time d = g->milestones[i].date;
        if (d <= span.start || d > span.end)
            return skpi__error(SKPI_EINVAL,
                               "goal '%.80s': milestone %zu would fall outside the new span",
                               g->name, i);
    }
    g->has_span = true;
    g->span = span;
    return SKPI_OK;
}

int skpi_goal_span(skpi_period *out, const skpi_goal *g)
{
    if (out == NULL || g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_span: %s is NULL", out == NULL ? "out" : "goal");
    if (!g->has_span)
        return skpi__error(SKPI_ENOTFOUND, "goal '%.80s': no start and deadline set", g->name);
    *out = g->span;
    return SKPI_OK;
}

int skpi_goal_add_milestone(skpi_goal *g, skpi_time date, double value)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_add_milestone: goal is NULL");
    if (!time_ok(date))
        return skpi__error(SKPI_ERANGE, "skpi_goal_add_milestone: the date lies outside years 1 to 9999");
    if (!isfinite(value))
        return skpi__error(SKPI_EINVAL, "skpi_goal_add_milestone: the value is not a finite number");
    if (g->has_span && (date <= g->span.start || date > g->span.end))
        return skpi__error(SKPI_EINVAL,
                           "goal '%.80s': a milestone must fall after the start and no later than the deadline",
                           g->name);
    size_t pos = 0;
    while (pos < g->n_milestones && g->milestones[pos].date < date)
        pos++;
    if (pos < g->n_milestones && g->milestones[pos].date == date)
        return skpi__error(SKPI_EEXISTS, "goal '%.80s': milestone %zu has the same date", g->name, pos);
    if (g->n_milestones == g->cap_milestones) {
        size_t cap = g->cap_milestones ? 2 * g->cap_milestones : 4;
        skpi__goal_milestone *m = skpi__reallocarray(g->milestones, cap, sizeof *m);
        if (m == NULL)
            return skpi__nomem();
        g->milestones = m;
        g->cap_milestones = cap;
    }
    memmove(g->milestones + pos + 1, g->milestones + pos,
            (g->n_milestones - pos) * sizeof *g->milestones);
    g->milestones[pos].date = date;
    g->milestones[pos].value = value;
    g->n_milestones++;
    return SKPI_OK;
}

int skpi_goal_remove_milestone(skpi_goal *g, size_t index)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_remove_milestone: goal is NULL");
    if (index >= g->n_milestones)
        return skpi__error(SKPI_ERANGE, "skpi_goal_remove_milestone: index %zu, the goal has %zu milestones",
                           index, g->n_milestones);
    memmove(g->milestones + index, g->milestones + index + 1,
            (g->n_milestones - index - 1) * sizeof *g->milestones);
    g->n_milestones--;
    return SKPI_OK;
}

size_t skpi_goal_milestone_count(const skpi_goal *g) { return g ? g->n_milestones : 0; }

int skpi_goal_milestone(skpi_time *date, double *value, const skpi_goal *g, size_t index)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_milestone: goal is NULL");
    if (index >= g->n_milestones)
        return skpi__error(SKPI_ERANGE, "skpi_goal_milestone: index %zu, the goal has %zu milestones",
                           index, g->n_milestones);
    if (date)
        *date = g->milestones[index].date;
    if (value)
        *value = g->milestones[index].value;
    return SKPI_OK;
}

int skpi_goal_set_relevance(skpi_goal *g, const char *text)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_set_relevance: goal is NULL");
    return replace_text(&g->relevance, text);
}

const char *skpi_goal_relevance(const skpi_goal *g) { return g ? g->relevance : NULL; }

int skpi_goal_set_owner(skpi_goal *g, const char *owner)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_set_owner: goal is NULL");
    return replace_text(&g->owner, owner);
}

const char *skpi_goal_owner(const skpi_goal *g) { return g ? g->owner : NULL; }

int skpi_goal_set_activity(skpi_goal *g, const char *activity)
{
    if (g == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_set_activity: goal is NULL");
    return replace_text(&g->activity, activity);
}

const char *skpi_goal_activity(const skpi_goal *g) { return g ? g->activity : NULL; }
