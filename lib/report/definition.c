/* Report definitions: the handle, its settings and the audience presets. */
#include "report/report_internal.h"
#include "core/selector.h"

#include <stdio.h>
#include <string.h>

static const int preset_self[] = { SKPI_SECTION_SUMMARY, SKPI_SECTION_WINS, SKPI_SECTION_KPIS,
                                   SKPI_SECTION_CHANNELS, SKPI_SECTION_TRENDS, SKPI_SECTION_LISTENING,
                                   SKPI_SECTION_FUNNEL, SKPI_SECTION_GOALS,
                                   SKPI_SECTION_OKRS, SKPI_SECTION_TOP_POSTS, SKPI_SECTION_SPOT_CHECKS,
                                   SKPI_SECTION_CUSTOM, SKPI_SECTION_NEXT_STEPS };
static const int preset_team[] = { SKPI_SECTION_SUMMARY, SKPI_SECTION_WINS, SKPI_SECTION_KPIS,
                                   SKPI_SECTION_CHANNELS, SKPI_SECTION_TRENDS, SKPI_SECTION_TOP_POSTS,
                                   SKPI_SECTION_LISTENING, SKPI_SECTION_SPOT_CHECKS, SKPI_SECTION_GOALS, SKPI_SECTION_OKRS,
                                   SKPI_SECTION_CUSTOM, SKPI_SECTION_NEXT_STEPS };
static const int preset_management[] = { SKPI_SECTION_SUMMARY, SKPI_SECTION_KPIS, SKPI_SECTION_GOALS,
                                         SKPI_SECTION_OKRS, SKPI_SECTION_TRENDS, SKPI_SECTION_WINS,
                                         SKPI_SECTION_LISTENING, SKPI_SECTION_RESOURCING, SKPI_SECTION_CUSTOM,
                                         SKPI_SECTION_NEXT_STEPS };
static const int preset_leadership[] = { SKPI_SECTION_SUMMARY, SKPI_SECTION_GOALS, SKPI_SECTION_OKRS,
                                         SKPI_SECTION_WINS, SKPI_SECTION_KPIS, SKPI_SECTION_LISTENING,
                                         SKPI_SECTION_FUNNEL, SKPI_SECTION_CUSTOM, SKPI_SECTION_NEXT_STEPS };
static const int preset_sales[] = { SKPI_SECTION_SUMMARY, SKPI_SECTION_KPIS, SKPI_SECTION_FUNNEL,
                                    SKPI_SECTION_GOALS, SKPI_SECTION_TOP_POSTS, SKPI_SECTION_CUSTOM,
                                    SKPI_SECTION_NEXT_STEPS };

#define N(a) (sizeof a / sizeof a[0])

/* Where a section switched on goes: every section in display order. The
 * presets may leave sections out; this list may not, or switching one on
 * would search past its end. */
static const int display_order[] = { SKPI_SECTION_SUMMARY, SKPI_SECTION_CAMPAIGN, SKPI_SECTION_WINS, SKPI_SECTION_KPIS,
                                     SKPI_SECTION_CHANNELS, SKPI_SECTION_TRENDS,
                                     SKPI_SECTION_COMPETITORS, SKPI_SECTION_BENCHMARKS,
                                     SKPI_SECTION_LISTENING, SKPI_SECTION_FUNNEL, SKPI_SECTION_GOALS, SKPI_SECTION_OKRS,
                                     SKPI_SECTION_TOP_POSTS, SKPI_SECTION_WHAT_WORKED,
                                     SKPI_SECTION_POSTING_TIMES, SKPI_SECTION_SPOT_CHECKS, SKPI_SECTION_RESOURCING,
                                     SKPI_SECTION_CUSTOM, SKPI_SECTION_NEXT_STEPS };
_Static_assert(N(display_order) == SKPI__SECTION_COUNT, "every section has a place in the display order");

static size_t display_rank(int section)
{
    size_t k = 0;
    while (k < N(display_order) && display_order[k] != section) k++;
    return k;
}

int skpi_section_count(void) { return SKPI__SECTION_COUNT; }

const char *skpi_section_name(int section)
{
    static const char *const names[] = { "summary", "wins", "kpis", "channels", "trends", "goals",
                                         "okrs", "top_posts", "spot_checks", "next_steps", "custom",
                                         "competitors", "benchmarks", "funnel", "resourcing",
                                         "listening", "what_worked", "posting_times", "campaign" };
    return section >= 0 && section < SKPI__SECTION_COUNT ? names[section] : NULL;
}

const char *skpi_audience_name(int audience)
{
    static const char *const names[] = { "self", "team", "management", "leadership", "sales", "custom" };
    return audience >= 0 && audience <= SKPI_AUDIENCE_CUSTOM ? names[audience] : NULL;
}

/* Presets that replace the top-posts metric leave a host's choice alone
 * only when the host picked it after the preset; simplest: presets set it. */
static int apply_preset(skpi_report *r, int audience)
{
    const int *list = NULL;
    size_t n = 0;
    switch (audience) {
    case SKPI_AUDIENCE_SELF: list = preset_self; n = N(preset_self); break;
    case SKPI_AUDIENCE_TEAM: list = preset_team; n = N(preset_team); break;
    case SKPI_AUDIENCE_MANAGEMENT: list = preset_management; n = N(preset_management); break;
    case SKPI_AUDIENCE_LEADERSHIP: list = preset_leadership; n = N(preset_leadership); break;
    case SKPI_AUDIENCE_SALES: list = preset_sales; n = N(preset_sales); break;
    default: r->audience = audience; return SKPI_OK;
    }
    const char *metric = audience == SKPI_AUDIENCE_SALES ? "comments" : "engagements";
    char *m = skpi__strdup(metric);
    if (m == NULL) return skpi__nomem();
    skpi__free(r->top_metric);
    r->top_metric = m;
    memcpy(r->sections, list, n * sizeof *list);
    r->nsections = n;
    r->max_kpis = audience == SKPI_AUDIENCE_LEADERSHIP ? 5 : 0;
    r->sales_first = audience == SKPI_AUDIENCE_SALES;
    r->audience = audience;
    return SKPI_OK;
}

int skpi_report_new(skpi_report **out, const char *title)
{
    if (out == NULL || title == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_report_new: %s is NULL", out == NULL ? "out" : "title");
    if (title[0] == '\0') return skpi__error(SKPI_EINVAL, "skpi_report_new: title is empty");
    skpi_report *r = skpi__calloc(1, sizeof *r);
    if (r == NULL) return skpi__nomem();
    r->title = skpi__strdup(title);
    int rc = r->title ? skpi_calendar_new(&r->cal) : skpi__nomem();
    if (rc == SKPI_OK) rc = apply_preset(r, SKPI_AUDIENCE_TEAM);
    if (rc != SKPI_OK) { skpi_report_free(r); return rc == SKPI_ENOMEM ? skpi__nomem() : rc; }
    r->cadence = SKPI_CADENCE_MONTH;
    r->comparisons = SKPI_COMPARE_PREVIOUS | SKPI_COMPARE_YEAR_EARLIER;
    r->sensitivity = 3.5;
    r->window = 12;
    r->min_change = 20;
    r->top_posts = 3;
    *out = r;
    return SKPI_OK;
}

void skpi_report_free(skpi_report *r)
{
    if (r == NULL) return;
    skpi__free(r->title);
    skpi_calendar_free(r->cal);
    for (size_t i = 0; i < r->nchannels; i++) skpi__free(r->channels[i]);
    skpi__free(r->channels);
    for (size_t i = 0; i < r->nkpis; i++) { skpi__free(r->kpis[i].metric); skpi__free(r->kpis[i].selector); }
    skpi__free(r->kpis);
    for (size_t i = 0; i < r->ngoals; i++) skpi_goal_free(r->goals[i]);
    skpi__free(r->goals);
    skpi__free(r->objectives);
    for (size_t i = 0; i < r->ncustoms; i++) skpi__free(r->customs[i].title);
    skpi__free(r->customs);
    skpi__free(r->top_metric);
    for (int i = 0; i < SKPI__TPL_COUNT; i++) skpi__free(r->templates[i]);
    for (size_t i = 0; i < r->nnames; i++) { skpi__free(r->names[i].selector); skpi__free(r->names[i].name); }
    skpi__free(r->names);
    skpi__free(r->range_name);
    skpi__free(r->cmp_range_name);
    skpi_benchmarks_free(r->benchmarks);
    skpi__free(r->industry);
    skpi_campaign_free(r->campaign);
    skpi__free(r);
}

#define NEED(r, fn) \
    do { if ((r) == NULL) return skpi__error(SKPI_EMISUSE, "%s: report is NULL", fn); } while (0)

int skpi_report_set_title(skpi_report *r, const char *title)
{
    NEED(r, "skpi_report_set_title");
    if (title == NULL) return skpi__error(SKPI_EMISUSE, "skpi_report_set_title: title is NULL");
    if (title[0] == '\0') return skpi__error(SKPI_EINVAL, "skpi_report_set_title: title is empty");
    char *t = skpi__strdup(title);
    if (t == NULL) return skpi__nomem();
    skpi__free(r->title);
    r->title = t;
    return SKPI_OK;
}

const char *skpi_report_title(const skpi_report *r) { return r ? r->title : NULL; }

int skpi_report_set_audience(skpi_report *r, int audience)
{
    NEED(r, "skpi_report_set_audience");
    if (audience < SKPI_AUDIENCE_SELF || audience > SKPI_AUDIENCE_CUSTOM)
        return skpi__error(SKPI_EINVAL, "skpi_report_set_audience: %d is not an skpi_audience", audience);
    return apply_preset(r, audience);
}

int skpi_report_audience(const skpi_report *r)
{
    if (r == NULL) return skpi__error(SKPI_EMISUSE, "skpi_report_audience: report is NULL");
    return r->audience;
}

int skpi_report_set_cadence(skpi_report *r, int cadence)
{
    NEED(r, "skpi_report_set_cadence");
    if (cadence < SKPI_CADENCE_DAY || cadence > SKPI_CADENCE_YEAR)
        return skpi__error(SKPI_EINVAL, "skpi_report_set_cadence: %d is not an skpi_cadence", cadence);
    r->cadence = cadence;
    return SKPI_OK;
}

int skpi_report_cadence(const skpi_report *r)
{
    if (r == NULL) return skpi__error(SKPI_EMISUSE, "skpi_report_cadence: report is NULL");
    return r->cadence;
}

int skpi_report_set_as_of(skpi_report *r, skpi_time as_of)
{
    NEED(r, "skpi_report_set_as_of");
    if (as_of < skpi_time_min() || as_of > skpi_time_max())
        return skpi__error(SKPI_ERANGE, "skpi_report_set_as_of: the time is outside years 1 to 9999");
    r->as_of = as_of;
    return SKPI_OK;
}

skpi_time skpi_report_as_of(const skpi_report *r) { return r ? r->as_of : 0; }

int skpi_report_period(skpi_period *out, const skpi_report *r)
{
    if (out == NULL || r == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_report_period: %s is NULL", out ? "report" : "out");
    /* as assembly does: the range, else the period before the one holding as_of */
    int rc = skpi__report_covers(out, r);
    if (rc == SKPI_EINVAL) {
        char msg[256];
        snprintf(msg, sizeof msg, "%s", skpi_last_error());
        return skpi__error(rc, "skpi_report_period: %s", msg);
    }
    return rc;
}

int skpi_report_set_calendar(skpi_report *r, const skpi_calendar *cal)
{
    NEED(r, "skpi_report_set_calendar");
    skpi_calendar *copy = NULL;
    int rc = cal ? skpi_calendar_clone(&copy, cal) : skpi_calendar_new(&copy);
    if (rc != SKPI_OK) return rc;
    skpi_calendar_free(r->cal);
    r->cal = copy;
    return SKPI_OK;
}

int skpi_report_set_comparisons(skpi_report *r, unsigned flags)
{
    NEED(r, "skpi_report_set_comparisons");
    const unsigned known = SKPI_COMPARE_PREVIOUS | SKPI_COMPARE_YEAR_EARLIER | SKPI_COMPARE_RANGE;
    if (flags & ~known)
        return skpi__error(SKPI_EINVAL, "skpi_report_set_comparisons: unknown bits 0x%x", flags & ~known);
    if ((flags & SKPI_COMPARE_RANGE) && !r->has_cmp_range)
        return skpi__error(SKPI_EINVAL, "skpi_report_set_comparisons: comparing with a named range needs "
                           "one (skpi_report_set_comparison_range())");
    if ((flags & SKPI_COMPARE_RANGE) && (flags & SKPI_COMPARE_YEAR_EARLIER))
        return skpi__error(SKPI_EINVAL, "skpi_report_set_comparisons: a named range takes the place of the "
                           "year-earlier comparison; choose one of them");
    r->comparisons = flags;
    return SKPI_OK;
}

unsigned skpi_report_comparisons(const skpi_report *r) { return r ? r->comparisons : 0; }

int skpi_report_set_currency(skpi_report *r, const char *currency)
{
    NEED(r, "skpi_report_set_currency");
    if (currency == NULL) return skpi__error(SKPI_EMISUSE, "skpi_report_set_currency: currency is NULL");
    size_t n = strlen(currency);
    if (n > 8) return skpi__error(SKPI_EINVAL, "skpi_report_set_currency: longer than 8 bytes");
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)currency[i] < 0x20 || currency[i] == 0x7F)
            return skpi__error(SKPI_EINVAL, "skpi_report_set_currency: control character at byte %zu", i);
    memcpy(r->currency, currency, n + 1);
    return SKPI_OK;
}

/* Append one pointer-sized element, growing the array by one. */
static int push(void **array, size_t *count, size_t elem, const void *value)
{
    char *p = skpi__reallocarray(*array, *count + 1, elem);
    if (p == NULL) return skpi__nomem();
    memcpy(p + *count * elem, value, elem);
    *array = p;
    (*count)++;
    return SKPI_OK;
}

int skpi_report_add_channel(skpi_report *r, const char *selector)
{
    NEED(r, "skpi_report_add_channel");
    if (selector == NULL) return skpi__error(SKPI_EMISUSE, "skpi_report_add_channel: selector is NULL");
    if (selector[0] == '\0') return skpi__error(SKPI_EINVAL, "skpi_report_add_channel: selector is empty");
    int rc = skpi__selector_check(selector, "skpi_report_add_channel");
    if (rc != SKPI_OK) return rc;
    for (size_t i = 0; i < r->nchannels; i++)
        if (strcmp(r->channels[i], selector) == 0)
            return skpi__error(SKPI_EEXISTS, "skpi_report_add_channel: \"%s\" was added already", selector);
    char *copy = skpi__strdup(selector);
    if (copy == NULL) return skpi__nomem();
    void *arr = r->channels;
    rc = push(&arr, &r->nchannels, sizeof copy, &copy);
    r->channels = arr;
    if (rc != SKPI_OK) skpi__free(copy);
    return rc;
}

size_t skpi_report_channel_count(const skpi_report *r) { return r ? r->nchannels : 0; }

const char *skpi_report_channel(const skpi_report *r, size_t i)
{
    return r && i < r->nchannels ? r->channels[i] : NULL;
}

int skpi_report_add_kpi(skpi_report *r, const char *metric, const char *selector)
{
    NEED(r, "skpi_report_add_kpi");
    if (metric == NULL) return skpi__error(SKPI_EMISUSE, "skpi_report_add_kpi: metric is NULL");
    if (metric[0] == '\0') return skpi__error(SKPI_EINVAL, "skpi_report_add_kpi: metric is empty");
    if (selector == NULL || selector[0] == '\0') selector = "*";
    int rc = skpi__selector_check(selector, "skpi_report_add_kpi");
    if (rc != SKPI_OK) return rc;
    for (size_t i = 0; i < r->nkpis; i++)
        if (strcmp(r->kpis[i].metric, metric) == 0 && strcmp(r->kpis[i].selector, selector) == 0)
            return skpi__error(SKPI_EEXISTS, "skpi_report_add_kpi: %s on %s was added already", metric, selector);
    skpi__kpi k = { skpi__strdup(metric), skpi__strdup(selector) };
    rc = k.metric && k.selector ? SKPI_OK : skpi__nomem();
    if (rc == SKPI_OK) {
        void *arr = r->kpis;
        rc = push(&arr, &r->nkpis, sizeof k, &k);
        r->kpis = arr;
    }
    if (rc != SKPI_OK) { skpi__free(k.metric); skpi__free(k.selector); }
    return rc;
}

size_t skpi_report_kpi_count(const skpi_report *r) { return r ? r->nkpis : 0; }

int skpi_report_kpi(const char **metric, const char **selector, const skpi_report *r, size_t i)
{
    NEED(r, "skpi_report_kpi");
    if (i >= r->nkpis)
        return skpi__error(SKPI_ERANGE, "skpi_report_kpi: KPI %zu does not exist (the report has %zu)", i, r->nkpis);
    if (metric) *metric = r->kpis[i].metric;
    if (selector) *selector = r->kpis[i].selector;
    return SKPI_OK;
}

int skpi_report_add_goal(skpi_report *r, const skpi_goal *goal)
{
    NEED(r, "skpi_report_add_goal");
    if (goal == NULL) return skpi__error(SKPI_EMISUSE, "skpi_report_add_goal: goal is NULL");
    skpi_goal *copy = NULL;
    int rc = skpi_goal_clone(&copy, goal);
    if (rc != SKPI_OK) return rc;
    void *arr = r->goals;
    rc = push(&arr, &r->ngoals, sizeof copy, &copy);
    r->goals = arr;
    if (rc != SKPI_OK) skpi_goal_free(copy);
    return rc;
}

size_t skpi_report_goal_count(const skpi_report *r) { return r ? r->ngoals : 0; }

const skpi_goal *skpi_report_goal(const skpi_report *r, size_t i)
{
    return r && i < r->ngoals ? r->goals[i] : NULL;
}

int skpi_report_add_objective(skpi_report *r, const skpi_objective *obj)
{
    NEED(r, "skpi_report_add_objective");
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_report_add_objective: objective is NULL");
    for (size_t i = 0; i < r->nobjectives; i++)
        if (r->objectives[i] == obj)
            return skpi__error(SKPI_EEXISTS, "skpi_report_add_objective: the objective was added already");
    void *arr = (void *)r->objectives;
    int rc = push(&arr, &r->nobjectives, sizeof obj, &obj);
    r->objectives = arr;
    return rc;
}

size_t skpi_report_objective_count(const skpi_report *r) { return r ? r->nobjectives : 0; }

const skpi_objective *skpi_report_objective(const skpi_report *r, size_t i)
{
    return r && i < r->nobjectives ? r->objectives[i] : NULL;
}

int skpi_report_set_sections(skpi_report *r, const int *sections, size_t count)
{
    NEED(r, "skpi_report_set_sections");
    if (sections == NULL && count > 0)
        return skpi__error(SKPI_EMISUSE, "skpi_report_set_sections: sections is NULL");
    bool seen[SKPI__SECTION_COUNT] = { false };
    for (size_t i = 0; i < count; i++) {
        int s = sections[i];
        if (s < 0 || s >= SKPI__SECTION_COUNT)
            return skpi__error(SKPI_EINVAL, "skpi_report_set_sections: sections[%zu] = %d is not an skpi_section", i, s);
        if (seen[s])
            return skpi__error(SKPI_EINVAL, "skpi_report_set_sections: section %s is listed twice", skpi_section_name(s));
        seen[s] = true;
    }
    if (count > 0) memcpy(r->sections, sections, count * sizeof *sections);
    r->nsections = count;
    r->audience = SKPI_AUDIENCE_CUSTOM;
    return SKPI_OK;
}

int skpi_report_set_section(skpi_report *r, int section, int on)
{
    NEED(r, "skpi_report_set_section");
    if (section < 0 || section >= SKPI__SECTION_COUNT)
        return skpi__error(SKPI_EINVAL, "skpi_report_set_section: %d is not an skpi_section", section);
    if (on != 0 && on != 1) return skpi__error(SKPI_EINVAL, "skpi_report_set_section: on must be 0 or 1");
    size_t at = r->nsections;
    for (size_t i = 0; i < r->nsections; i++)
        if (r->sections[i] == section) at = i;
    if (on && at == r->nsections) {
        /* Insert before the first shown section that follows it in the
         * display order. */
        size_t rank = display_rank(section);
        size_t pos = r->nsections;
        for (size_t i = 0; i < r->nsections && pos == r->nsections; i++)
            if (display_rank(r->sections[i]) > rank) pos = i;
        memmove(r->sections + pos + 1, r->sections + pos, (r->nsections - pos) * sizeof *r->sections);
        r->sections[pos] = section;
        r->nsections++;
    } else if (!on && at < r->nsections) {
        memmove(r->sections + at, r->sections + at + 1, (r->nsections - at - 1) * sizeof *r->sections);
        r->nsections--;
    }
    return SKPI_OK;
}

size_t skpi_report_section_count(const skpi_report *r) { return r ? r->nsections : 0; }

int skpi_report_section(const skpi_report *r, size_t i)
{
    NEED(r, "skpi_report_section");
    if (i >= r->nsections)
        return skpi__error(SKPI_ERANGE, "skpi_report_section: position %zu is past the %zu sections", i, r->nsections);
    return r->sections[i];
}

int skpi_report_set_spot_checks(skpi_report *r, double sensitivity, unsigned window, double min_change)
{
    NEED(r, "skpi_report_set_spot_checks");
    if (!(sensitivity >= 1 && sensitivity <= 100))
        return skpi__error(SKPI_ERANGE, "skpi_report_set_spot_checks: sensitivity must be 1 to 100");
    if (window < 5 || window > 520)
        return skpi__error(SKPI_ERANGE, "skpi_report_set_spot_checks: window must be 5 to 520 periods, not %u", window);
    if (!(min_change >= 0 && min_change <= 1000))
        return skpi__error(SKPI_ERANGE, "skpi_report_set_spot_checks: min_change must be 0 to 1000 percent");
    r->sensitivity = sensitivity;
    r->window = window;
    r->min_change = min_change;
    return SKPI_OK;
}

int skpi_report_set_top_posts(skpi_report *r, size_t count, const char *metric)
{
    NEED(r, "skpi_report_set_top_posts");
    if (count > 50) return skpi__error(SKPI_ERANGE, "skpi_report_set_top_posts: count %zu is above 50", count);
    if (metric != NULL && metric[0] == '\0')
        return skpi__error(SKPI_EINVAL, "skpi_report_set_top_posts: metric is empty");
    if (metric != NULL) {
        char *m = skpi__strdup(metric);
        if (m == NULL) return skpi__nomem();
        skpi__free(r->top_metric);
        r->top_metric = m;
    }
    r->top_posts = count;
    return SKPI_OK;
}

int skpi_report_set_max_kpis(skpi_report *r, size_t max)
{
    NEED(r, "skpi_report_set_max_kpis");
    r->max_kpis = max;
    return SKPI_OK;
}

int skpi_report_add_section(skpi_report *r, const char *title, skpi_section_fn fn, void *userdata)
{
    NEED(r, "skpi_report_add_section");
    if (fn == NULL) return skpi__error(SKPI_EMISUSE, "skpi_report_add_section: fn is NULL");
    skpi__custom c = { NULL, fn, userdata };
    if (title && title[0] && (c.title = skpi__strdup(title)) == NULL) return skpi__nomem();
    void *arr = r->customs;
    int rc = push(&arr, &r->ncustoms, sizeof c, &c);
    r->customs = arr;
    if (rc != SKPI_OK) skpi__free(c.title);
    return rc;
}

int skpi_report_set_template(skpi_report *r, int key, const char *text)
{
    NEED(r, "skpi_report_set_template");
    if (key < 0 || key >= SKPI__TPL_COUNT)
        return skpi__error(SKPI_EINVAL, "skpi_report_set_template: %d is not an skpi_template", key);
    char *copy = NULL;
    if (text != NULL) {
        int rc = skpi__template_check(key, text, "skpi_report_set_template");
        if (rc != SKPI_OK) return rc;
        if ((copy = skpi__strdup(text)) == NULL) return skpi__nomem();
    }
    skpi__free(r->templates[key]);
    r->templates[key] = copy;
    return SKPI_OK;
}

const char *skpi__report_tpl(const skpi_report *r, int key)
{
    /* the host's text, else the translation for the report's locale */
    return r->templates[key] ? r->templates[key] : skpi__template_in(key, r->locale);
}

const char *skpi_report_template(const skpi_report *r, int key)
{
    if (r == NULL || key < 0 || key >= SKPI__TPL_COUNT) return NULL;
    return skpi__report_tpl(r, key);
}

int skpi_report_set_benchmarks(skpi_report *r, const skpi_benchmarks *b, const char *industry)
{
    NEED(r, "skpi_report_set_benchmarks");
    if (b == NULL) {
        skpi_benchmarks_free(r->benchmarks);
        skpi__free(r->industry);
        r->benchmarks = NULL;
        r->industry = NULL;
        return SKPI_OK;
    }
    if (industry == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_report_set_benchmarks: a benchmark table needs an industry");
    if (industry[0] == '\0') return skpi__error(SKPI_EINVAL, "skpi_report_set_benchmarks: the industry is empty");
    skpi_benchmarks *copy = NULL;
    char *ind = skpi__strdup(industry);
    if (ind == NULL || skpi_benchmarks_clone(&copy, b) != SKPI_OK) {
        skpi__free(ind);
        return skpi__nomem();
    }
    skpi_benchmarks_free(r->benchmarks);
    skpi__free(r->industry);
    r->benchmarks = copy;
    r->industry = ind;
    return SKPI_OK;
}

const skpi_benchmarks *skpi_report_benchmarks(const skpi_report *r) { return r ? r->benchmarks : NULL; }
const char *skpi_report_industry(const skpi_report *r) { return r ? r->industry : NULL; }
int skpi_report_set_effort(skpi_report *r, const skpi_effort *effort)
{
    NEED(r, "skpi_report_set_effort");
    r->effort = effort;
    return SKPI_OK;
}

const skpi_effort *skpi_report_effort(const skpi_report *r)
{
    return r != NULL ? r->effort : NULL;
}
