/* Campaigns: a name, a period, channels and post selectors (tags: hashtags
 * and carried labels; utm_campaign of the link; post ids), which posts belong, and campaign
 * reports (docs/report.md, "Campaigns"). */
#include "report/report_internal.h"
#include "core/selector.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct skpi__selector_item {
    int kind;
    char *value;
} skpi__selector_item;

struct skpi_campaign {
    char *name;
    skpi_period period;
    char **channels;
    size_t nchannels;
    skpi__selector_item *selectors;
    size_t nselectors;
    bool has_baseline;
    skpi_period baseline;
};

#define NEED(c, fn) \
    do { if ((c) == NULL) return skpi__error(SKPI_EMISUSE, "%s: campaign is NULL", fn); } while (0)

static int check_period(const skpi_period *p, const char *fn, const char *what)
{
    if (p->start < skpi_time_min() || p->start > skpi_time_max() || p->end < skpi_time_min() ||
        p->end > SKPI_TIME_END)
        return skpi__error(SKPI_ERANGE, "%s: the %s falls outside years 1 to 9999", fn, what);
    if (p->end <= p->start) {
        char a[32] = "?", b[32] = "?";
        skpi_time_format_date(a, sizeof a, p->start, 0);
        skpi_time_format_date(b, sizeof b, p->end - 1, 0);
        return skpi__error(SKPI_EINVAL, "%s: the %s ends (%s) before it starts (%s)", fn, what,
                           p->end == p->start ? a : b, a);
    }
    return SKPI_OK;
}

int skpi_campaign_new(skpi_campaign **out, const char *name, const skpi_period *period)
{
    if (out == NULL || name == NULL || period == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_campaign_new: %s is NULL",
                           out == NULL ? "out" : name == NULL ? "name" : "period");
    if (name[0] == '\0') return skpi__error(SKPI_EINVAL, "skpi_campaign_new: the name is empty");
    for (const char *p = name; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            return skpi__error(SKPI_EINVAL, "skpi_campaign_new: the name has a control character");
    int rc = check_period(period, "skpi_campaign_new", "campaign");
    if (rc != SKPI_OK) return rc;
    skpi_campaign *c = skpi__calloc(1, sizeof *c);
    if (c == NULL) return skpi__nomem();
    if ((c->name = skpi__strdup(name)) == NULL) {
        skpi__free(c);
        return skpi__nomem();
    }
    c->period = *period;
    *out = c;
    return SKPI_OK;
}

void skpi_campaign_free(skpi_campaign *c)
{
    if (c == NULL) return;
    skpi__free(c->name);
    for (size_t i = 0; i < c->nchannels; i++) skpi__free(c->channels[i]);
    skpi__free(c->channels);
    for (size_t i = 0; i < c->nselectors; i++) skpi__free(c->selectors[i].value);
    skpi__free(c->selectors);
    skpi__free(c);
}

int skpi_campaign_clone(skpi_campaign **out, const skpi_campaign *c)
{
    if (out == NULL || c == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_campaign_clone: %s is NULL", out ? "campaign" : "out");
    skpi_campaign *k = NULL;
    int rc = skpi_campaign_new(&k, c->name, &c->period);
    for (size_t i = 0; rc == SKPI_OK && i < c->nchannels; i++) rc = skpi_campaign_add_channel(k, c->channels[i]);
    for (size_t i = 0; rc == SKPI_OK && i < c->nselectors; i++)
        rc = skpi_campaign_add_selector(k, c->selectors[i].kind, c->selectors[i].value);
    if (rc == SKPI_OK) {
        k->has_baseline = c->has_baseline;
        k->baseline = c->baseline;
        *out = k;
        return SKPI_OK;
    }
    skpi_campaign_free(k);
    return rc;
}

const char *skpi_campaign_name(const skpi_campaign *c) { return c ? c->name : NULL; }

int skpi_campaign_period(skpi_period *out, const skpi_campaign *c)
{
    if (out == NULL || c == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_campaign_period: %s is NULL", out ? "campaign" : "out");
    *out = c->period;
    return SKPI_OK;
}

int skpi_campaign_add_channel(skpi_campaign *c, const char *selector)
{
    NEED(c, "skpi_campaign_add_channel");
    if (selector == NULL) return skpi__error(SKPI_EMISUSE, "skpi_campaign_add_channel: selector is NULL");
    int rc = skpi__selector_check(selector, "skpi_campaign_add_channel");
    if (rc != SKPI_OK) return rc;
    for (size_t i = 0; i < c->nchannels; i++)
        if (strcmp(c->channels[i], selector) == 0)
            return skpi__error(SKPI_EEXISTS, "skpi_campaign_add_channel: \"%s\" was added already", selector);
    char **list = skpi__reallocarray(c->channels, c->nchannels + 1, sizeof *list);
    if (list == NULL) return skpi__nomem();
    c->channels = list;
    if ((list[c->nchannels] = skpi__strdup(selector)) == NULL) return skpi__nomem();
    c->nchannels++;
    return SKPI_OK;
}

size_t skpi_campaign_channel_count(const skpi_campaign *c) { return c ? c->nchannels : 0; }

const char *skpi_campaign_channel(const skpi_campaign *c, size_t i)
{
    return c && i < c->nchannels ? c->channels[i] : NULL;
}

static bool same_text(const char *a, const char *b, bool fold)
{
    if (!fold) return strcmp(a, b) == 0;
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return false;
    return *a == *b;
}

int skpi_campaign_add_selector(skpi_campaign *c, int kind, const char *value)
{
    NEED(c, "skpi_campaign_add_selector");
    if (value == NULL) return skpi__error(SKPI_EMISUSE, "skpi_campaign_add_selector: value is NULL");
    if (kind != SKPI_SELECT_TAG && kind != SKPI_SELECT_UTM_CAMPAIGN && kind != SKPI_SELECT_POST_ID)
        return skpi__error(SKPI_EINVAL, "skpi_campaign_add_selector: %d is not an skpi_post_selector", kind);
    if (value[0] == '\0' || (kind == SKPI_SELECT_TAG && strcmp(value, "#") == 0))
        return skpi__error(SKPI_EINVAL, "skpi_campaign_add_selector: the value is empty");
    for (size_t i = 0; i < c->nselectors; i++)
        if (c->selectors[i].kind == kind && same_text(c->selectors[i].value, value, kind == SKPI_SELECT_UTM_CAMPAIGN))
            return skpi__error(SKPI_EEXISTS, "skpi_campaign_add_selector: \"%.80s\" was added already", value);
    skpi__selector_item *list = skpi__reallocarray(c->selectors, c->nselectors + 1, sizeof *list);
    if (list == NULL) return skpi__nomem();
    c->selectors = list;
    if ((list[c->nselectors].value = skpi__strdup(value)) == NULL) return skpi__nomem();
    list[c->nselectors++].kind = kind;
    return SKPI_OK;
}

size_t skpi_campaign_selector_count(const skpi_campaign *c) { return c ? c->nselectors : 0; }

int skpi_campaign_selector(int *kind, const char **value, const skpi_campaign *c, size_t i)
{
    NEED(c, "skpi_campaign_selector");
    if (i >= c->nselectors)
        return skpi__error(SKPI_ERANGE, "skpi_campaign_selector: selector %zu does not exist (the campaign has %zu)",
                           i, c->nselectors);
    if (kind) *kind = c->selectors[i].kind;
    if (value) *value = c->selectors[i].value;
    return SKPI_OK;
}

int skpi_campaign_set_baseline(skpi_campaign *c, const skpi_period *baseline)
{
    NEED(c, "skpi_campaign_set_baseline");
    if (baseline == NULL) {
        c->has_baseline = false;
        return SKPI_OK;
    }
    int rc = check_period(baseline, "skpi_campaign_set_baseline", "baseline");
    if (rc != SKPI_OK) return rc;
    c->baseline = *baseline;
    c->has_baseline = true;
    return SKPI_OK;
}

int skpi_campaign_baseline(skpi_period *out, const skpi_campaign *c)
{
    NEED(c, "skpi_campaign_baseline");
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "skpi_campaign_baseline: out is NULL");
    if (!c->has_baseline)
        return skpi__error(SKPI_ENOTFOUND, "skpi_campaign_baseline: none chosen (the period of the campaign's "
                           "length before it)");
    *out = c->baseline;
    return SKPI_OK;
}

static int hex(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The link's utm_campaign, percent- and '+'-decoded, equals the value (case folded). */
static bool has_utm(const char *link, const char *value)
{
    const char *q = link ? strchr(link, '?') : NULL;
    while (q) {
        q++;
        size_t klen = strcspn(q, "=&#");
        if (klen == 12 && strncmp(q, "utm_campaign", 12) == 0 && q[12] == '=') {
            const char *v = q + 13, *w = value;
            while (*v && *v != '&' && *v != '#') {
                int c = (unsigned char)*v;
                if (c == '+') c = ' ';
                else if (c == '%' && hex(v[1]) >= 0 && hex(v[2]) >= 0) { c = hex(v[1]) * 16 + hex(v[2]); v += 2; }
                if (*w == '\0' || tolower(c) != tolower((unsigned char)*w)) return false;
                v++;
                w++;
            }
            return *w == '\0';
        }
        q = strchr(q, '&');
        if (q && strchr(link, '#') && strchr(link, '#') < q) return false;
    }
    return false;
}

int skpi_campaign_match(int *out, const skpi_campaign *c, const skpi_dataset *ds, const skpi_post *post)
{
    if (out == NULL || c == NULL || ds == NULL || post == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_campaign_match: %s is NULL",
                           out == NULL ? "out" : c == NULL ? "campaign" : ds == NULL ? "ds" : "post");
    *out = 0;
    skpi_time t = skpi_post_published(post);
    if (t < c->period.start || t >= c->period.end) return SKPI_OK;
    int on = c->nchannels == 0;
    for (size_t i = 0; i < c->nchannels && !on; i++) {
        int rc = skpi_dataset_match(&on, ds, c->channels[i], skpi_post_channel(post));
        if (rc != SKPI_OK) return rc;
    }
    if (!on) return SKPI_OK;
    bool hit = c->nselectors == 0;
    for (size_t i = 0; i < c->nselectors && !hit; i++) {
        const skpi__selector_item *s = &c->selectors[i];
        switch (s->kind) {
        case SKPI_SELECT_TAG: hit = skpi_post_has_tag(post, s->value) == 1; break;
        case SKPI_SELECT_UTM_CAMPAIGN: hit = has_utm(skpi_post_link(post), s->value); break;
        default: hit = strcmp(skpi_post_id(post), s->value) == 0; break;
        }
    }
    *out = hit;
    return SKPI_OK;
}

int skpi_report_set_campaign(skpi_report *r, const skpi_campaign *c)
{
    if (r == NULL) return skpi__error(SKPI_EMISUSE, "skpi_report_set_campaign: report is NULL");
    if (c == NULL) {
        skpi_campaign_free(r->campaign);
        r->campaign = NULL;
        return SKPI_OK;
    }
    skpi_campaign *copy = NULL;
    int rc = skpi_campaign_clone(&copy, c);
    if (rc != SKPI_OK) return rc;
    /* Everything that can fail first, on a scratch copy of the names. */
    char *range_name = skpi__strdup(c->name);
    char *cmp_name = NULL; /* the baseline is named by its days */
    if (range_name == NULL) {
        skpi__free(range_name);
        skpi__free(cmp_name);
        skpi_campaign_free(copy);
        return skpi__nomem();
    }
    skpi_campaign_free(r->campaign);
    r->campaign = copy;
    skpi__free(r->range_name);
    r->range_name = range_name;
    r->range = c->period;
    r->has_range = true;
    skpi__free(r->cmp_range_name);
    r->cmp_range_name = cmp_name;
    r->has_cmp_range = c->has_baseline;
    if (c->has_baseline) r->cmp_range = c->baseline;
    r->comparisons = c->has_baseline ? SKPI_COMPARE_RANGE : SKPI_COMPARE_PREVIOUS;
    skpi_report_set_section(r, SKPI_SECTION_CAMPAIGN, 1);
    return SKPI_OK;
}

const skpi_campaign *skpi_report_campaign(const skpi_report *r) { return r ? r->campaign : NULL; }
