/* skpi posts: what content worked (posts by type or tag) and when to post
 * (weekday x hour), from the posts in the store. */
#include "skpi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const opt_spec options[] = {
    { "db", 0, "FILE", "the store (default: $SKPI_DB, else ~/.local/share/socialkpi/skpi.db)" },
    { "config", 0, "FILE", "definitions whose custom metrics to use" },
    { "from", 0, "DATE", "first day of publication (default: the first post)" },
    { "to", 0, "DATE", "last day of publication, included (default: the last post)" },
    { "by", 0, "type|tag", "posts top: group by normalised post type (default) or by tag" },
    { "metric", 'm', "KEY", "the figure per post (default engagements)" },
    { "rate", 0, "KEY", "a derived metric over each group's sums (default engagement_rate_impressions)" },
    { "type", 0, "TYPE", "only posts of this type (photo, video, reel, ...)" },
    { "tag", 0, "TAG", "only posts with this tag or hashtag" },
    { "channel", 'c', "SELECTOR", "only these channels (default *)" },
    { "zone", 'z', "ZONE", "posts times: the time zone of weekdays and hours (IANA name; default UTC)" },
    { "min-posts", 0, "N", "posts a group (top) or slot (times) needs to be judged (default 5 and 3)" },
    { "posts", 'n', "N", "posts top: best and worst posts shown per group (default 1, 0 for none)" },
    { NULL, 0, NULL, NULL }
};

typedef struct ctx {
    skpi_dataset *ds;
    skpi_calendar *cal;
    skpi_period period;
    skpi_content_options o;
    char from[40], to[40];
} ctx;

static void ctx_free(ctx *c)
{
    skpi_dataset_free(c->ds);
    skpi_calendar_free(c->cal);
}

static int parse_count(size_t *out, const command *cmd, const char *text, const char *name)
{
    char *end;
    unsigned long v = text ? strtoul(text, &end, 10) : 0;
    if (text && (*text == '\0' || *end != '\0' || v > 1000))
        return fail(EXIT_USAGE, cmd, "--%s: '%s' is not a number from 0 to 1000", name, text);
    if (text) *out = v;
    return EXIT_DONE;
}

/* The period: --from/--to, else from the first post to the last. */
static int period_of(ctx *c, const command *cmd, const parsed *p)
{
    skpi_time lo = skpi_time_max(), hi = skpi_time_min();
    for (size_t i = 0; i < skpi_dataset_post_count(c->ds); i++) {
        skpi_time t = skpi_post_published(skpi_dataset_post(c->ds, i));
        if (t < lo) lo = t;
        if (t > hi) hi = t;
    }
    c->period.start = lo;
    c->period.end = hi < lo ? lo + 1 : hi + 1;
    const char *from = opt(p, cmd, "from"), *to = opt(p, cmd, "to");
    /* Days in the zone of --zone; the last day is included. */
    skpi_time t;
    skpi_period day;
    if (from) {
        if (skpi_calendar_parse(&t, c->cal, from) != SKPI_OK)
            return fail(EXIT_USAGE, cmd, "--from: '%s' is not a date like 2026-04-01", from);
        c->period.start = t;
    }
    if (to) {
        if (skpi_calendar_parse(&t, c->cal, to) != SKPI_OK ||
            skpi_calendar_period(&day, c->cal, SKPI_CADENCE_DAY, t) != SKPI_OK)
            return fail(EXIT_USAGE, cmd, "--to: '%s' is not a date like 2026-04-01", to);
        c->period.end = day.end;
    }
    if (c->period.end <= c->period.start)
        return fail(EXIT_USAGE, cmd, "--to %s is before --from %s", to ? to : "(the last post)",
                    from ? from : "(the first post)");
    skpi_calendar_format_date(c->from, sizeof c->from, c->cal, c->period.start);
    skpi_calendar_format_date(c->to, sizeof c->to, c->cal, c->period.end - 1);
    return EXIT_DONE;
}

static int setup(ctx *c, const command *cmd, const parsed *p)
{
    memset(c, 0, sizeof *c);
    skpi_content_options_init(&c->o, SKPI_CONTENT_OPTIONS_VERSION);
    if (skpi_calendar_new(&c->cal) != SKPI_OK) return fail_lib(cmd, SKPI_ENOMEM);
    const char *zone = opt(p, cmd, "zone");
    int rc;
    if (zone && strcmp(zone, "UTC") != 0 && (rc = skpi_calendar_set_time_zone(c->cal, zone)) != SKPI_OK)
        return fail(EXIT_USAGE, cmd, "--zone: %s", skpi_last_error());
    c->o.calendar = c->cal;
    c->o.metric = opt(p, cmd, "metric");
    c->o.rate = opt(p, cmd, "rate");
    c->o.type = opt(p, cmd, "type");
    c->o.tag = opt(p, cmd, "tag");
    c->o.selector = opt(p, cmd, "channel");
    size_t min = 0;
    int code = parse_count(&min, cmd, opt(p, cmd, "min-posts"), "min-posts");
    if (code != EXIT_DONE) return code;
    c->o.min_posts = c->o.min_slot_posts = min;
    skpi_definitions *defs = NULL;
    const char *config = opt(p, cmd, "config");
    if (config && (code = load_definitions(&defs, cmd, config)) != EXIT_DONE) return code;
    skpi_store *st = NULL;
    if ((code = open_store(&st, cmd, opt(p, cmd, "db"), false)) != EXIT_DONE) {
        skpi_definitions_free(defs);
        return code;
    }
    skpi_period all = { skpi_time_min(), skpi_time_max() + 1 };
    rc = skpi_store_read_dataset(&c->ds, st, defs ? skpi_definitions_catalog(defs) : NULL, all);
    skpi_store_free(st);
    skpi_definitions_free(defs);
    if (rc != SKPI_OK) return fail_lib(cmd, rc);
    return period_of(c, cmd, p);
}

/* "No posts" is said, never an empty table. */
static int no_posts(const command *cmd, const ctx *c)
{
    return fail(EXIT_NO_DATA, cmd, "no posts%s%s%s%s were published from %s to %s", c->o.type ? " of type " : "",
                c->o.type ? c->o.type : "", c->o.tag ? " tagged " : "", c->o.tag ? c->o.tag : "", c->from, c->to);
}

/* Posts without the metric cannot be judged: said, not shown as an empty table. */
static int no_metric(const command *cmd, const ctx *c, size_t posts)
{
    return fail(EXIT_NO_DATA, cmd, "none of the %zu posts published from %s to %s carries %s (choose another --metric)",
                posts, c->from, c->to, c->o.metric ? c->o.metric : "engagements");
}

static void figure(char *buf, size_t size, skpi_value v, int unit)
{
    if (v.availability == SKPI_AVAILABLE) format_value(buf, size, v.value, unit);
    else snprintf(buf, size, "n/a");
}

static int metric_unit(const skpi_dataset *ds, const char *key, const char *fallback)
{
    const skpi_metric *m = NULL;
    skpi_catalog_find(&m, skpi_dataset_catalog(ds), key ? key : fallback);
    return m ? skpi_metric_unit(m) : SKPI_UNIT_COUNT;
}

static void show_posts(const ctx *c, const skpi_post_groups *g, size_t i, size_t n, int bottom)
{
    const size_t *idx;
    size_t count;
    if (skpi_post_groups_posts(&idx, &count, g, i, bottom) != SKPI_OK) return;
    const char *metric = c->o.metric ? c->o.metric : "engagements";
    int unit = metric_unit(c->ds, c->o.metric, "engagements");
    for (size_t k = 0; k < count && k < n; k++) {
        const skpi_post *post = skpi_dataset_post(c->ds, idx[k]);
        skpi_value v;
        skpi_post_value(&v, post, metric);
        char val[64], date[40] = "";
        figure(val, sizeof val, v, unit);
        skpi_calendar_format_date(date, sizeof date, c->cal, skpi_post_published(post));
        /* an excerpt on one line: the first 60 bytes, cut back while the text's
         * next byte continues a UTF-8 character (the text, not the excerpt:
         * the excerpt has nothing past its end) */
        const char *text = skpi_post_text(post);
        char excerpt[64];
        size_t len = 0;
        for (const char *s = text; *s && len < 60; s++)
            excerpt[len++] = (*s == '\n' || *s == '\r' || *s == '\t') ? ' ' : *s;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80) len--;
        excerpt[len] = '\0';
        printf("    %s %s %s  %s  \"%s%s\"  %s\n", bottom ? "worst" : "best ", val, metric, date, excerpt,
               text[len] ? "..." : "", skpi_post_link(post));
    }
}

static int run_top(const command *cmd, const parsed *p)
{
    ctx c;
    int code = setup(&c, cmd, p);
    size_t shown = 1;
    if (code == EXIT_DONE) code = parse_count(&shown, cmd, opt(p, cmd, "posts"), "posts");
    const char *by = opt(p, cmd, "by");
    int grouping = SKPI_POSTS_BY_TYPE;
    if (code == EXIT_DONE && by && strcmp(by, "type") != 0) {
        if (strcmp(by, "tag") == 0) grouping = SKPI_POSTS_BY_TAG;
        else code = fail(EXIT_USAGE, cmd, "--by: '%s' is neither type nor tag", by);
    }
    c.o.ranked = shown > 50 ? 50 : shown;
    skpi_post_groups *g = NULL;
    int rc;
    if (code == EXIT_DONE && (rc = skpi_post_groups_new(&g, c.ds, grouping, c.period, &c.o)) != SKPI_OK)
        code = fail_lib(cmd, rc);
    skpi_post_group all = { .version = SKPI_POST_GROUP_VERSION };
    if (code == EXIT_DONE && skpi_post_groups_summary(&all, g) == SKPI_OK && all.posts == 0) code = no_posts(cmd, &c);
    else if (code == EXIT_DONE && all.valued == 0) code = no_metric(cmd, &c, all.posts);
    if (code != EXIT_DONE) {
        skpi_post_groups_free(g);
        ctx_free(&c);
        return code;
    }
    const char *metric = c.o.metric ? c.o.metric : "engagements";
    const char *rate = c.o.rate ? c.o.rate : "engagement_rate_impressions";
    int unit = metric_unit(c.ds, c.o.metric, "engagements");
    printf("Posts published from %s to %s: %zu (%zu with %s); %s per post, %s over each group's sums\n", c.from,
           c.to, all.posts, all.valued, metric, metric, rate);
    printf("%-24s %6s %12s %10s %8s %7s\n", grouping == SKPI_POSTS_BY_TAG ? "tag" : "type", "posts", "total",
           "median", "rate", "share");
    for (size_t i = 0; i <= skpi_post_groups_count(g); i++) {
        skpi_post_group x = { .version = SKPI_POST_GROUP_VERSION };
        if (i < skpi_post_groups_count(g)) skpi_post_groups_get(&x, g, i);
        else x = all;
        char total[64], median[64], r[64], share[64];
        figure(total, sizeof total, x.total, unit);
        figure(median, sizeof median, x.median, unit);
        figure(r, sizeof r, x.rate, SKPI_UNIT_PERCENT);
        if (x.share.availability == SKPI_AVAILABLE) format_value(share, sizeof share, x.share.value * 100, SKPI_UNIT_PERCENT);
        else snprintf(share, sizeof share, "n/a");
        printf("%-24s %6zu %12s %10s %8s %7s%s\n", x.key, x.posts, total, median, r, share,
               x.too_few && i < skpi_post_groups_count(g) ? "  too few posts to judge" : "");
        if (i < skpi_post_groups_count(g) && shown > 0) {
            show_posts(&c, g, i, shown, 0);
            show_posts(&c, g, i, shown, 1);
        }
    }
    size_t min = c.o.min_posts ? c.o.min_posts : 5;
    printf("A group needs %zu posts with %s to be judged.\n", min, metric);
    skpi_post_groups_free(g);
    ctx_free(&c);
    return EXIT_DONE;
}

static const char *const weekdays[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

static int run_times(const command *cmd, const parsed *p)
{
    ctx c;
    int code = setup(&c, cmd, p);
    skpi_posting_times *t = NULL;
    int rc;
    if (code == EXIT_DONE && (rc = skpi_posting_times_new(&t, c.ds, c.period, &c.o)) != SKPI_OK)
        code = fail_lib(cmd, rc);
    size_t in = 0, without = 0;
    if (code == EXIT_DONE) skpi_posting_times_counts(&in, &without, t);
    if (code == EXIT_DONE && in + without == 0) code = no_posts(cmd, &c);
    else if (code == EXIT_DONE && in == 0) code = no_metric(cmd, &c, without);
    if (code != EXIT_DONE) {
        skpi_posting_times_free(t);
        ctx_free(&c);
        return code;
    }
    const char *metric = c.o.metric ? c.o.metric : "engagements";
    int unit = metric_unit(c.ds, c.o.metric, "engagements");
    const char *zone = skpi_calendar_time_zone(c.cal);
    printf("Posts published from %s to %s: %zu with %s", c.from, c.to, in, metric);
    if (without) printf(", %zu without it (left out)", without);
    printf("; weekday and hour in %s\n", zone ? zone : "UTC");
    printf("%-7s %-5s %6s %10s\n", "weekday", "hour", "posts", "median");
    for (int wd = 1; wd <= 7; wd++)
        for (int h = 0; h < 24; h++) {
            size_t n;
            skpi_value m;
            skpi_posting_times_cell(&n, &m, t, wd, h);
            if (n == 0) continue;
            char val[64];
            figure(val, sizeof val, m, unit);
            printf("%-7s %02d:00 %6zu %10s\n", weekdays[wd - 1], h, n, val);
        }
    size_t min = c.o.min_slot_posts ? c.o.min_slot_posts : 3;
    size_t nb = skpi_posting_times_best_count(t);
    if (nb == 0) {
        printf("No slot has the %zu posts it needs to be named best.\n", min);
    } else {
        printf("Best slots (at least %zu posts each):", min);
        for (size_t r = 0; r < nb && r < 3; r++) {
            int wd, h;
            skpi_posting_times_best(&wd, &h, t, r);
            printf("%s %s %02d:00", r ? "," : "", weekdays[wd - 1], h);
        }
        printf("\n");
    }
    skpi_posting_times_free(t);
    ctx_free(&c);
    return EXIT_DONE;
}

static int run(const command *cmd, const parsed *p)
{
    const char *what = p->positional[0];
    if (strcmp(what, "top") == 0) return run_top(cmd, p);
    if (strcmp(what, "times") == 0) return run_times(cmd, p);
    return fail(EXIT_USAGE, cmd, "unknown subcommand '%s' (top or times)", what);
}

const command cmd_posts = {
    "posts",
    "posts top|times [--from DATE] [--to DATE] [--by type|tag] [--metric KEY] [--type TYPE] [--tag TAG] "
    "[--zone ZONE] [--db FILE]",
    "What content worked (posts by type or tag) and when to post (weekday x hour).",
    "posts top: the posts of the store grouped by normalised type (or --by tag:\n"
    "hashtags of the text): posts, total and median of the metric per post, the\n"
    "rate over each group's sums, share of the total, and each group's best and\n"
    "worst posts. A group with fewer than --min-posts posts (5) is marked too\n"
    "few to judge.\n"
    "posts times: the median of the metric per post for each weekday and hour of\n"
    "publication in --zone, the posts behind each, and the best slots that at\n"
    "least --min-posts posts (3) support.\n"
    "No post in the range is exit code 7, said on stderr. An unknown type or tag\n"
    "is an input error naming it. docs/content.md describes the figures.\n",
    options, 1, 1, run
};
