/* The campaign section (docs/report.md, "Campaigns"): what the campaign
 * changed against its baseline, metric by metric and channel by channel,
 * and the posts that belong to it. */
#include "report/assemble.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* At most this many of the campaign's posts are listed (all are counted). */
#define MAX_LISTED 50

/* The group a campaign on several channels is measured through:
 * "campaign-" and the name in lower-case letters, digits and '-'. */
static void group_name(char *buf, size_t size, const char *name)
{
    size_t n = (size_t)snprintf(buf, size, "campaign-");
    for (const char *p = name; *p && n + 1 < size && n < 64; p++) {
        unsigned char c = (unsigned char)*p;
        char out = isalnum(c) && c < 0x80 ? (char)tolower(c) : '-';
        if (out == '-' && buf[n - 1] == '-') continue;
        buf[n++] = out;
    }
    buf[n] = '\0';
}

int skpi__asm_campaign_prepare(skpi__asm *a)
{
    const skpi_campaign *c = a->r->campaign;
    size_t nsel = skpi_campaign_channel_count(c);
    if (nsel == 0) { snprintf(a->campaign_sel, sizeof a->campaign_sel, "*"); return SKPI_OK; }
    if (nsel == 1) {
        snprintf(a->campaign_sel, sizeof a->campaign_sel, "%s", skpi_campaign_channel(c, 0));
        return SKPI_OK;
    }
    /* Several selectors: the dataset's channels any of them chooses, as a group. */
    size_t n = skpi_dataset_channel_count(a->ds), k = 0;
    const char **list = skpi__reallocarray(NULL, n ? n : 1, sizeof *list);
    if (list == NULL) return skpi__nomem();
    int rc = SKPI_OK;
    for (size_t i = 0; i < n && rc == SKPI_OK; i++) {
        const char *ch = skpi_dataset_channel(a->ds, i);
        int hit = 0;
        for (size_t s = 0; s < nsel && !hit && rc == SKPI_OK; s++)
            rc = skpi_dataset_match(&hit, a->ds, skpi_campaign_channel(c, s), ch);
        if (hit) list[k++] = ch;
    }
    char group[80];
    group_name(group, sizeof group, skpi_campaign_name(c));
    if (rc == SKPI_OK) rc = skpi_dataset_define_group(a->ds, group, list, k);
    skpi__free(list);
    if (rc == SKPI_OK) snprintf(a->campaign_sel, sizeof a->campaign_sel, "@%s", group);
    return rc;
}

const char *skpi__asm_campaign_channels(skpi__asm *a, char *buf, size_t size)
{
    const skpi_campaign *c = a->r->campaign;
    size_t n = skpi_campaign_channel_count(c), used = 0;
    if (n == 0) return skpi__report_tpl(a->r, SKPI_TPL_ALL_CHANNELS);
    buf[0] = '\0';
    for (size_t i = 0; i < n && used + 1 < size; i++) {
        char name[320];
        int k = snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
                         skpi_report_channel_name(name, sizeof name, a->r, skpi_campaign_channel(c, i)) == SKPI_OK
                             ? name : skpi_campaign_channel(c, i));
        if (k < 0) break;
        used += (size_t)k < size - used ? (size_t)k : size - used - 1;
    }
    return buf;
}

/* One line of the change list: a KPI's value against the baseline's. */
static int change_line(skpi__asm *a, size_t list, const skpi__kfact *f, const char *channel, skpi_value v,
                       skpi_value prev, skpi_value chg, skpi_value pct)
{
    char val[64], pv[64], cv[64], pc[48];
    skpi__asm_value(a, val, sizeof val, v.value, f->unit);
    skpi__asm_value(a, pv, sizeof pv, prev.value, f->unit);
    if (isfinite(chg.value)) skpi__fmt_change(cv, sizeof cv, &a->nf, chg.value, f->unit);
    else snprintf(cv, sizeof cv, "%s", skpi__na(&a->nf));
    if (isfinite(pct.value)) skpi__fmt_percent_change(pc, sizeof pc, &a->nf, pct.value);
    else snprintf(pc, sizeof pc, "%s", skpi__na(&a->nf));
    skpi__arg args[] = { { "metric", f->label }, { "channel", channel }, { "value", val }, { "previous", pv },
                         { "change", cv }, { "percent", pc } };
    TRY(skpi__asm_fill(a, SKPI_TPL_CAMPAIGN_CHANGE, args, 6));
    return skpi_doc_list_add_item(a->doc, list, a->t.buf);
}

static int changes(skpi__asm *a)
{
    if (a->nk == 0) return SKPI_OK;
    size_t list;
    TRY(skpi_doc_add_list(&list, a->doc, 0));
    for (size_t i = 0; i < a->nk; i++) {
        const skpi__kfact *f = &a->k[i];
        /* Only what the campaign's channels measure: its own selector, or
         * one channel of it; a KPI of other channels is not the campaign's. */
        int mine = strcmp(f->selector, a->campaign_sel) == 0;
        if (!mine && strchr(f->selector, '*') == NULL && f->selector[0] != '@')
            TRY(skpi_dataset_match(&mine, a->ds, a->campaign_sel, f->selector));
        if (!mine) continue;
        char name[1024];
        const char *total = skpi__asm_channel(a, name, sizeof name, strcmp(f->selector, "*") ? f->selector : NULL);
        TRY(a->cmp_prev ? change_line(a, list, f, total, f->v, f->prev, f->chg, f->pct)
                        : change_line(a, list, f, total, f->v, f->ye, f->chg2, f->pct2));
        for (size_t c = 0; c < f->nch; c++)
            TRY(change_line(a, list, f, skpi__asm_channel(a, name, sizeof name, f->ch[c].channel), f->ch[c].v,
                            f->ch[c].prev, f->ch[c].chg, f->ch[c].pct));
    }
    return SKPI_OK;
}

static int by_time(const void *x, const void *y)
{
    const skpi_post *const *p = x, *const *q = y;
    skpi_time a = skpi_post_published(*p), b = skpi_post_published(*q);
    if (a != b) return a < b ? -1 : 1;
    int c = strcmp(skpi_post_channel(*p), skpi_post_channel(*q));
    return c ? c : strcmp(skpi_post_id(*p), skpi_post_id(*q));
}

/* The campaign's posts, by time; their total of the ranking metric and
 * the total of every post on the campaign's channels in the period. */
static int campaign_posts(skpi__asm *a, const skpi_post ***out, size_t *count, double *mine, double *all)
{
    const skpi_campaign *c = a->r->campaign;
    size_t n = skpi_dataset_post_count(a->ds), k = 0;
    const skpi_post **list = skpi__reallocarray(NULL, n ? n : 1, sizeof *list);
    if (list == NULL) return skpi__nomem();
    *mine = *all = 0;
    for (size_t i = 0; i < n; i++) {
        const skpi_post *p = skpi_dataset_post(a->ds, i);
        skpi_time t = skpi_post_published(p);
        if (t < a->P.start || t >= a->P.end) continue;
        int on = 0, hit = 0, rc = skpi_dataset_match(&on, a->ds, a->campaign_sel, skpi_post_channel(p));
        if (rc == SKPI_OK && on) rc = skpi_campaign_match(&hit, c, a->ds, p);
        if (rc != SKPI_OK) { skpi__free(list); return rc; }
        if (!on) continue;
        skpi_value v;
        bool has = skpi_post_value(&v, p, a->r->top_metric) == SKPI_OK && isfinite(v.value);
        if (has) *all += v.value;
        if (!hit) continue;
        if (has) *mine += v.value;
        list[k++] = p;
    }
    qsort(list, k, sizeof *list, by_time);
    *out = list;
    *count = k;
    return SKPI_OK;
}

static int posts(skpi__asm *a, const skpi_metric *m)
{
    const skpi_post **list = NULL;
    size_t n = 0;
    double mine = 0, all = 0;
    TRY(campaign_posts(a, &list, &n, &mine, &all));
    char first[SKPI__NAME_SIZE] = "", last[SKPI__NAME_SIZE] = "", count[24], total[64], share[48];
    const char *week = skpi__report_tpl(a->r, SKPI_TPL_PERIOD_WEEK);
    skpi_calendar_period_name(first, sizeof first, a->cal, SKPI_CADENCE_DAY, a->P.start, a->r->locale, week);
    skpi_calendar_period_name(last, sizeof last, a->cal, SKPI_CADENCE_DAY, a->P.end - 1, a->r->locale, week);
    snprintf(count, sizeof count, "%zu", n);
    skpi__asm_value(a, total, sizeof total, mine, skpi_metric_unit(m));
    if (all > 0) skpi__fmt_fraction(share, sizeof share, &a->nf, mine / all);
    else snprintf(share, sizeof share, "%s", skpi__na(&a->nf));
    skpi__arg args[] = { { "n", count }, { "total", total }, { "metric", skpi_metric_label(m) }, { "share", share },
                         { "campaign", skpi_campaign_name(a->r->campaign) }, { "first", first }, { "last", last } };
    int rc = skpi__asm_fill(a, n ? SKPI_TPL_CAMPAIGN_POSTS : SKPI_TPL_CAMPAIGN_NO_POSTS, args, 7);
    if (rc == SKPI_OK) rc = skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
    size_t block = 0;
    if (rc == SKPI_OK && n) rc = skpi_doc_add_posts(&block, a->doc, NULL);
    for (size_t i = 0; i < n && i < MAX_LISTED && rc == SKPI_OK; i++) {
        char name[320];
        skpi__day day;
        skpi_doc_post d = SKPI_DOC_POST_INIT;
        skpi__asm_post_day(a, &d, &day, skpi_post_published(list[i]));
        d.channel = skpi__asm_channel(a, name, sizeof name, skpi_post_channel(list[i]));
        d.text = skpi_post_text(list[i]);
        d.url = skpi_post_link(list[i]);
        d.metric = skpi_metric_label(m);
        d.unit = skpi_metric_unit(m);
        skpi_post_value(&d.value, list[i], a->r->top_metric);
        rc = skpi_doc_posts_add(a->doc, block, &d);
    }
    skpi__free(list);
    return rc;
}

int skpi__sec_campaign(skpi__asm *a)
{
    const skpi_campaign *c = a->r->campaign;
    if (c == NULL) return SKPI_OK;
    const skpi_metric *m = NULL;
    if (skpi_catalog_find(&m, a->cat, a->r->top_metric) != SKPI_OK)
        return skpi__error(SKPI_ENOTFOUND, "skpi_report_assemble: the posts' metric \"%s\" is not in the catalog",
                           a->r->top_metric);
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(a->r, SKPI_TPL_HEADING_CAMPAIGN)));
    char first[SKPI__NAME_SIZE] = "", last[SKPI__NAME_SIZE] = "";
    const char *week = skpi__report_tpl(a->r, SKPI_TPL_PERIOD_WEEK);
    skpi_calendar_period_name(first, sizeof first, a->cal, SKPI_CADENCE_DAY, a->P.start, a->r->locale, week);
    skpi_calendar_period_name(last, sizeof last, a->cal, SKPI_CADENCE_DAY, a->P.end - 1, a->r->locale, week);
    char chans[1024];
    skpi__arg args[] = { { "campaign", skpi_campaign_name(c) }, { "first", first }, { "last", last },
                         { "channels", skpi__asm_campaign_channels(a, chans, sizeof chans) },
                         { "baseline", a->cmp_prev ? a->pplabel : a->yelabel } };
    TRY(skpi__asm_fill(a, SKPI_TPL_CAMPAIGN_INTRO, args, 5));
    TRY(skpi_doc_add_paragraph(NULL, a->doc, a->t.buf));
    if (a->cmp_prev || a->cmp_ye) TRY(changes(a));
    return posts(a, m);
}
