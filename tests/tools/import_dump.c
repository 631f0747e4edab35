/* Imports files into one dataset and prints everything they produced, for
 * tests/python/test_import_fixtures.py to compare with its own reading of
 * the fixtures (Python's csv module). Usage:
 *   import_dump [--channel C] [--date-order day|month] [--utc-offset MIN]
 *               [--covers-from D] [--covers-to D] [--export-date D] FILE...
 * Output, one fact per line (tab-separated):
 *   file NAME preset P posts N posts_updated N points N points_updated N
 *   ignored NAME / warning TEXT / error_row LINE / skipped REASON N
 *   covers FIRST_DAY END_DAY (end excluded)
 *   point METRIC CHANNEL DAY SECONDS VALUE   (every series point; SECONDS after local midnight)
 *   post CHANNEL ID PUBLISHED METRIC=VALUE... (every post)
 *   tags CHANNEL ID TAG... (every post that carries tags, in their order)
 *   month METRIC CHANNEL YYYY-MM VALUE AVAILABILITY (flows, months with points)
 * On an error: "error CODE MESSAGE" and exit status 1. */
#include <socialkpi.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void day_text(char *buf, size_t size, skpi_time t, int offset)
{
    if (skpi_time_format_date(buf, size, t, offset) != SKPI_OK)
        snprintf(buf, size, "?");
}

static void print_summary(const char *path, const skpi_import_summary *s, int offset)
{
    const char *base = strrchr(path, '/');
    printf("file\t%s\tpreset\t%s\tposts\t%llu\tposts_updated\t%llu\tpoints\t%llu\t"
           "points_updated\t%llu\n", base ? base + 1 : path,
           skpi_import_preset_name(skpi_import_summary_preset(s)),
           (unsigned long long)skpi_import_summary_posts(s),
           (unsigned long long)skpi_import_summary_posts_updated(s),
           (unsigned long long)skpi_import_summary_points(s),
           (unsigned long long)skpi_import_summary_points_updated(s));
    for (size_t i = 0; i < skpi_import_summary_ignored_count(s); i++)
        printf("ignored\t%s\n", skpi_import_summary_ignored(s, i));
    for (size_t i = 0; i < skpi_import_summary_warning_count(s); i++)
        printf("warning\t%s\n", skpi_import_summary_warning(s, i));
    for (size_t i = 0; i < skpi_import_summary_error_row_count(s); i++)
        printf("error_row\t%llu\n", (unsigned long long)skpi_import_summary_error_row_line(s, i));
    for (int r = 0; r <= skpi_import_skip_max(); r++)
        if (skpi_import_summary_skipped(s, r))
            printf("skipped\t%d\t%llu\n", r, (unsigned long long)skpi_import_summary_skipped(s, r));
    skpi_period p;
    if (skpi_import_summary_covers(s, &p) == SKPI_OK) {
        char a[32], b[32];
        day_text(a, sizeof a, p.start, offset);
        day_text(b, sizeof b, p.end, offset);
        printf("covers\t%s\t%s\n", a, b);
    }
}

static void print_months(skpi_dataset *ds, const char *metric, const char *channel,
                         const skpi_series *s, int offset)
{
    const skpi_time *t = skpi_series_times(s);
    int last = -1;
    for (size_t i = 0; i < skpi_series_length(s); i++) {
        char d[32];
        day_text(d, sizeof d, t[i], offset);
        int y, m;
        if (sscanf(d, "%d-%d", &y, &m) != 2 || y * 12 + m == last)
            continue;
        last = y * 12 + m;
        skpi_period per;
        skpi_time_from_civil(&per.start, y, m, 1, 0, 0, 0);
        skpi_time_from_civil(&per.end, m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1, 0, 0, 0);
        per.start -= (skpi_time)offset * 60;
        per.end -= (skpi_time)offset * 60;
        skpi_value v;
        if (skpi_dataset_value(&v, ds, metric, channel, per) == SKPI_OK)
            printf("month\t%s\t%s\t%04d-%02d\t%.17g\t%s\n", metric, channel, y, m, v.value,
                   v.availability == SKPI_AVAILABLE ? "available"
                   : v.availability == SKPI_PARTIAL ? "partial" : "other");
    }
}

int main(int argc, char **argv)
{
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    skpi_dataset *ds;
    if (skpi_dataset_new(&ds, NULL) != SKPI_OK)
        return 2;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : "";
        if (strcmp(a, "--channel") == 0) { o.channel = v; i++; continue; }
        if (strcmp(a, "--export-date") == 0) { o.export_date = v; i++; continue; }
        if (strcmp(a, "--covers-from") == 0) { o.covers_from = v; i++; continue; }
        if (strcmp(a, "--covers-to") == 0) { o.covers_to = v; i++; continue; }
        if (strcmp(a, "--utc-offset") == 0) { o.utc_offset_minutes = atoi(v); i++; continue; }
        if (strcmp(a, "--date-order") == 0) {
            o.date_order = strcmp(v, "day") == 0 ? SKPI_IMPORT_DAY_FIRST : SKPI_IMPORT_MONTH_FIRST;
            i++;
            continue;
        }
        skpi_import_summary *sum;
        int rc = skpi_import_file(&sum, ds, a, &o);
        if (rc != SKPI_OK) {
            printf("error\t%d\t%s\n", rc, skpi_last_error());
            skpi_dataset_free(ds);
            return 1;
        }
        print_summary(a, sum, o.utc_offset_minutes);
        skpi_import_summary_free(sum);
    }
    const skpi_catalog *cat = skpi_dataset_catalog(ds);
    for (size_t m = 0; m < skpi_catalog_count(cat); m++) {
        const skpi_metric *met = skpi_catalog_metric_at(cat, m);
        const char *key = skpi_metric_key(met);
        for (size_t c = 0; c < skpi_dataset_channel_count(ds); c++) {
            const char *ch = skpi_dataset_channel(ds, c);
            const skpi_series *s;
            if (skpi_dataset_series(&s, ds, key, ch) != SKPI_OK)
                continue;
            for (size_t k = 0; k < skpi_series_length(s); k++) {
                char d[32];
                skpi_time t = skpi_series_times(s)[k];
                long long sec = ((long long)t + o.utc_offset_minutes * 60) % 86400;
                day_text(d, sizeof d, t, o.utc_offset_minutes);
                printf("point\t%s\t%s\t%s\t%lld\t%.17g\n", key, ch, d, sec < 0 ? sec + 86400 : sec,
                       skpi_series_values(s)[k]);
            }
            if (skpi_metric_kind_of(met) == SKPI_KIND_FLOW)
                print_months(ds, key, ch, s, o.utc_offset_minutes);
        }
    }
    for (size_t i = 0; i < skpi_dataset_post_count(ds); i++) {
        const skpi_post *p = skpi_dataset_post(ds, i);
        char d[32];
        day_text(d, sizeof d, skpi_post_published(p), o.utc_offset_minutes);
        printf("post\t%s\t%s\t%s", skpi_post_channel(p), skpi_post_id(p), d);
        for (size_t m = 0; m < skpi_catalog_count(cat); m++) {
            const skpi_metric *met = skpi_catalog_metric_at(cat, m);
            const char *key = skpi_metric_key(met);
            skpi_value v;
            if (skpi_metric_kind_of(met) != SKPI_KIND_DERIVED &&
                skpi_post_value(&v, p, key) == SKPI_OK && v.availability == SKPI_AVAILABLE)
                printf("\t%s=%.17g", key, v.value);
        }
        printf("\n");
        if (skpi_post_tag_count(p) > 0) {
            printf("tags\t%s\t%s", skpi_post_channel(p), skpi_post_id(p));
            for (size_t k = 0; k < skpi_post_tag_count(p); k++) printf("\t%s", skpi_post_tag(p, k));
            printf("\n");
        }
    }
    skpi_dataset_free(ds);
    return 0;
}
