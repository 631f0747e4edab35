/* The content sections: "What worked" (posts by type and by tag, with the
 * best and weakest posts of each) and "Posting times" (a weekday x hour
 * heat map of the median per post). docs/content.md. */
#include "report/assemble.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Types and tags shown at most; the rest are left to skpi posts top. */
#define MAX_GROUPS 8
#define RANKED 1
/* The rate over each group's sums (the content options' default). */
#define RATE "engagement_rate_impressions"

static int no_posts(skpi__asm *a, const skpi_metric *m)
{
    skpi__arg args[] = { { "period", a->plabel }, { "metric", skpi_metric_label(m) } };
    TRY(skpi__asm_fill(a, SKPI_TPL_TOP_POSTS_NONE, args, 2));
    return skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
}

static void post_card(skpi__asm *a, skpi_doc_post *d, const skpi_post *p, const skpi_metric *m,
                      skpi__day *day, char *name, size_t name_size)
{
    skpi__asm_post_day(a, d, day, skpi_post_published(p));
    d->channel = skpi__asm_channel(a, name, name_size, skpi_post_channel(p));
    d->text = skpi_post_text(p);
    d->url = skpi_post_link(p);
    d->metric = skpi_metric_label(m);
    d->unit = skpi_metric_unit(m);
    skpi_post_value(&d->value, p, skpi_metric_key(m));
}

/* One table of groups, then each judged group's best and weakest post, and
 * a note naming the groups with too few posts. */
static int groups_table(skpi__asm *a, const skpi_post_groups *g, const skpi_metric *m, int caption,
                        int key_column)
{
    /* the rate's column is named by its metric (the catalog's label) */
    const skpi_metric *rm = NULL;
    const char *rate_label = skpi_catalog_find(&rm, a->cat, RATE) == SKPI_OK ? skpi_metric_label(rm) : RATE;
    const char *headers[] = { skpi__report_tpl(a->r, key_column), skpi__report_tpl(a->r, SKPI_TPL_COLUMN_POSTS),
                              skpi_metric_label(m), skpi__report_tpl(a->r, SKPI_TPL_COLUMN_MEDIAN_PER_POST),
                              rate_label,
                              skpi__report_tpl(a->r, SKPI_TPL_COLUMN_SHARE) };
    int align[] = { SKPI_ALIGN_LEFT, SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT,
                    SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT };
    size_t block;
    TRY(skpi_doc_add_table(&block, a->doc, skpi__report_tpl(a->r, caption), 6, headers, align));
    size_t n = skpi_post_groups_count(g), shown = 0;
    char few[512] = "";
    size_t nfew = 0;
    for (size_t i = 0; i < n && shown < MAX_GROUPS; i++) {
        skpi_post_group x = { .version = SKPI_POST_GROUP_VERSION };
        TRY(skpi_post_groups_get(&x, g, i));
        char posts[32], total[64], median[64], rate[64], share[64];
        snprintf(posts, sizeof posts, "%zu", x.posts);
        skpi__asm_value(a, total, sizeof total, x.total.value, skpi_metric_unit(m));
        skpi__asm_value(a, median, sizeof median, x.median.value, skpi_metric_unit(m));
        skpi__asm_value(a, rate, sizeof rate, x.rate.value, SKPI_UNIT_PERCENT);
        skpi__asm_value(a, share, sizeof share, x.share.value * 100, SKPI_UNIT_PERCENT);
        const char *row[] = { x.key, posts, total, median, rate, share };
        TRY(skpi_doc_table_add_row(a->doc, block, row));
        shown++;
        if (x.too_few) {
            size_t len = strlen(few);
            if (len + strlen(x.key) + 3 < sizeof few) snprintf(few + len, sizeof few - len, "%s%s", nfew ? ", " : "", x.key);
            nfew++;
        }
    }
    /* Best and weakest posts of the judged groups. */
    for (size_t i = 0; i < n && i < MAX_GROUPS; i++) {
        skpi_post_group x = { .version = SKPI_POST_GROUP_VERSION };
        TRY(skpi_post_groups_get(&x, g, i));
        if (x.too_few) continue;
        skpi__arg args[] = { { "group", x.key } };
        TRY(skpi__asm_fill(a, SKPI_TPL_WHAT_WORKED_POSTS, args, 1));
        size_t pb;
        TRY(skpi_doc_add_posts(&pb, a->doc, a->t.buf));
        for (int bottom = 0; bottom < 2; bottom++) {
            const size_t *idx;
            size_t count;
            TRY(skpi_post_groups_posts(&idx, &count, g, i, bottom));
            for (size_t k = 0; k < count; k++) {
                if (bottom && x.valued < 2) break; /* one post is not also the weakest */
                skpi_doc_post d = SKPI_DOC_POST_INIT;
                char name[320];
                skpi__day day;
                post_card(a, &d, skpi_dataset_post(a->ds, idx[k]), m, &day, name, sizeof name);
                TRY(skpi_doc_posts_add(a->doc, pb, &d));
            }
        }
    }
    if (nfew == 0) return SKPI_OK;
    char min[32];
    snprintf(min, sizeof min, "%u", 5u);
    skpi__arg args[] = { { "groups", few }, { "count", min } };
    TRY(skpi__asm_fill(a, SKPI_TPL_WHAT_WORKED_TOO_FEW, args, 2));
    return skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
}

static int find_metric(const skpi_metric **m, skpi__asm *a)
{
    if (skpi_catalog_find(m, a->cat, a->r->top_metric) != SKPI_OK)
        return skpi__error(SKPI_ENOTFOUND, "skpi_report_assemble: the top-posts metric \"%s\" is not in the catalog",
                           a->r->top_metric);
    return SKPI_OK;
}

/* A content section starts alike: its metric (the report's top-posts one),
 * its heading, and options that rank by that metric. */
static int section_start(const skpi_metric **m, skpi_content_options *o, skpi__asm *a, int heading)
{
    TRY(find_metric(m, a));
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(a->r, heading)));
    TRY(skpi_content_options_init(o, SKPI_CONTENT_OPTIONS_VERSION));
    o->metric = a->r->top_metric;
    return SKPI_OK;
}

int skpi__sec_what_worked(skpi__asm *a)
{
    const skpi_metric *m;
    skpi_content_options o;
    TRY(section_start(&m, &o, a, SKPI_TPL_HEADING_WHAT_WORKED));
    o.rate = RATE;
    o.ranked = RANKED;
    skpi_post_groups *types = NULL, *tags = NULL;
    TRY(skpi_post_groups_new(&types, a->ds, SKPI_POSTS_BY_TYPE, a->P, &o));
    skpi_post_group all = { .version = SKPI_POST_GROUP_VERSION };
    int rc = skpi_post_groups_summary(&all, types);
    if (rc == SKPI_OK && all.posts == 0) rc = no_posts(a, m);
    else if (rc == SKPI_OK) rc = groups_table(a, types, m, SKPI_TPL_WHAT_WORKED_TYPES, SKPI_TPL_COLUMN_TYPE);
    if (rc == SKPI_OK && all.posts > 0) rc = skpi_post_groups_new(&tags, a->ds, SKPI_POSTS_BY_TAG, a->P, &o);
    if (rc == SKPI_OK && tags && skpi_post_groups_count(tags) > 0)
        rc = groups_table(a, tags, m, SKPI_TPL_WHAT_WORKED_TAGS, SKPI_TPL_COLUMN_TAG);
    skpi_post_groups_free(types);
    skpi_post_groups_free(tags);
    return rc;
}

/* The weekday names of the report's words, "Mon Tue ..." split at spaces. */
static void weekday_names(skpi__asm *a, char buf[7][32])
{
    const char *w = skpi__report_tpl(a->r, SKPI_TPL_WEEKDAYS);
    for (int d = 0; d < 7; d++) {
        while (*w == ' ') w++;
        size_t n = 0;
        while (w[n] && w[n] != ' ') n++;
        snprintf(buf[d], 32, "%.*s", (int)(n < 31 ? n : 31), w);
        if (n == 0) snprintf(buf[d], 32, "%d", d + 1);
        w += n;
    }
}

/* The hours that have posts on some day (so the table fits a page), and the
 * lowest and highest median, which scale the heat. */
static void hours_used(bool used[24], double *lo, double *hi, const skpi_posting_times *t)
{
    *lo = INFINITY, *hi = -INFINITY;
    for (int h = 0; h < 24; h++) used[h] = false;
    for (int wd = 1; wd <= 7; wd++)
        for (int h = 0; h < 24; h++) {
            size_t n;
            skpi_value v;
            skpi_posting_times_cell(&n, &v, t, wd, h);
            if (n == 0) continue;
            used[h] = true;
            if (v.value < *lo) *lo = v.value;
            if (v.value > *hi) *hi = v.value;
        }
}

/* The report's zone as readers see it: its IANA name, or UTC and the offset. */
static const char *zone_name(char *buf, size_t size, const skpi_calendar *cal)
{
    const char *zone = skpi_calendar_time_zone(cal);
    if (zone) return zone;
    int off = skpi_calendar_utc_offset(cal);
    snprintf(buf, size, "UTC%c%02d:%02d", off < 0 ? '-' : '+', (off < 0 ? -off : off) / 60,
             (off < 0 ? -off : off) % 60);
    return off ? buf : "UTC";
}

/* One weekday's row: the median (posts) of each used hour, shaded by heat. */
static int weekday_row(skpi__asm *a, size_t block, const skpi_metric *m, const skpi_posting_times *t,
                       const char *name, int wd, const int *col_hour, size_t cols, double lo, double hi)
{
    char cells[25][80];
    const char *row[25];
    row[0] = name;
    for (size_t c = 1; c < cols; c++) {
        size_t n;
        skpi_value v;
        skpi_posting_times_cell(&n, &v, t, wd, col_hour[c]);
        cells[c][0] = '\0';
        if (n > 0) {
            char val[64];
            skpi__asm_value(a, val, sizeof val, v.value, skpi_metric_unit(m));
            snprintf(cells[c], sizeof cells[c], "%s (%zu)", val, n);
        }
        row[c] = cells[c];
    }
    int rc = skpi_doc_table_add_row(a->doc, block, row);
    for (size_t c = 1; c < cols && rc == SKPI_OK; c++) {
        size_t n;
        skpi_value v;
        skpi_posting_times_cell(&n, &v, t, wd, col_hour[c]);
        if (n == 0) continue;
        double heat = hi > lo ? (v.value - lo) / (hi - lo) : 1.0;
        if (skpi_metric_direction(m) == SKPI_LOWER_IS_BETTER) heat = 1.0 - heat;
        rc = skpi_doc_table_set_heat(a->doc, block, (size_t)(wd - 1), c, heat);
    }
    return rc;
}

/* The weekday x hour table, with only the hours that have posts. */
static int times_table(skpi__asm *a, const skpi_metric *m, const skpi_posting_times *t, char names[7][32])
{
    bool used[24];
    double lo, hi;
    hours_used(used, &lo, &hi, t);
    const char *headers[25];
    int align[25];
    char hours[24][8];
    int col_hour[25];
    size_t cols = 0;
    headers[cols] = "";
    align[cols++] = SKPI_ALIGN_LEFT;
    for (int h = 0; h < 24; h++) {
        if (!used[h]) continue;
        snprintf(hours[h], sizeof hours[h], "%02d", h);
        col_hour[cols] = h;
        headers[cols] = hours[h];
        align[cols++] = SKPI_ALIGN_RIGHT;
    }
    char zbuf[16];
    skpi__arg cap[] = { { "metric", skpi_metric_label(m) }, { "zone", zone_name(zbuf, sizeof zbuf, a->cal) } };
    size_t block;
    int rc = skpi__asm_fill(a, SKPI_TPL_POSTING_TIMES_TABLE, cap, 2);
    if (rc == SKPI_OK) rc = skpi_doc_add_table(&block, a->doc, a->t.buf, cols, headers, align);
    for (int wd = 1; wd <= 7 && rc == SKPI_OK; wd++)
        rc = weekday_row(a, block, m, t, names[wd - 1], wd, col_hour, cols, lo, hi);
    return rc;
}

/* The best slots, named only where enough posts support them. */
static int best_slots(skpi__asm *a, const skpi_metric *m, const skpi_posting_times *t, char names[7][32])
{
    char slots[256] = "";
    size_t nb = skpi_posting_times_best_count(t);
    for (size_t r = 0; r < nb && r < 3; r++) {
        int wd, h;
        skpi_posting_times_best(&wd, &h, t, r);
        size_t len = strlen(slots);
        snprintf(slots + len, sizeof slots - len, "%s%s %02d:00", r ? ", " : "", names[wd - 1], h);
    }
    char min[16];
    snprintf(min, sizeof min, "%u", 3u);
    skpi__arg args[] = { { "slots", slots }, { "metric", skpi_metric_label(m) }, { "count", min } };
    int rc = skpi__asm_fill(a, nb ? SKPI_TPL_POSTING_TIMES_BEST : SKPI_TPL_POSTING_TIMES_NONE, args, 3);
    if (rc == SKPI_OK) rc = skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
    return rc;
}

int skpi__sec_posting_times(skpi__asm *a)
{
    const skpi_metric *m;
    skpi_content_options o;
    TRY(section_start(&m, &o, a, SKPI_TPL_HEADING_POSTING_TIMES));
    o.calendar = a->cal;
    skpi_posting_times *t = NULL;
    TRY(skpi_posting_times_new(&t, a->ds, a->P, &o));
    size_t in = 0, without = 0;
    skpi_posting_times_counts(&in, &without, t);
    int rc;
    if (in == 0) {
        rc = no_posts(a, m);
    } else {
        char names[7][32];
        weekday_names(a, names);
        rc = times_table(a, m, t, names);
        if (rc == SKPI_OK) rc = best_slots(a, m, t, names);
    }
    skpi_posting_times_free(t);
    return rc;
}
