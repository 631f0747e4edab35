/* Imports exports into one dataset and prints the figures the Python test
 * recomputes with the csv module: posts per file, every post's impressions
 * and engagements, and per-month sums from the posts and from the daily
 * series. Usage: import_figures FILE... (imported in the order given). */
#include <socialkpi.h>

#include <stdio.h>
#include <string.h>

static int month_of(skpi_time t, int *y, int *m)
{
    char buf[32];
    if (skpi_time_format_date(buf, sizeof buf, t, 0) != SKPI_OK)
        return -1;
    return sscanf(buf, "%d-%d", y, m) == 2 ? 0 : -1;
}

int main(int argc, char **argv)
{
    skpi_dataset *ds;
    if (skpi_dataset_new(&ds, NULL) != SKPI_OK)
        return 2;
    for (int i = 1; i < argc; i++) {
        skpi_import_summary *sum;
        int rc = skpi_import_file(&sum, ds, argv[i], NULL);
        if (rc != SKPI_OK) {
            fprintf(stderr, "%s\n", skpi_last_error());
            return 1;
        }
        const char *base = strrchr(argv[i], '/');
        printf("file %s posts %llu preset %s\n", base ? base + 1 : argv[i],
               (unsigned long long)skpi_import_summary_posts(sum),
               skpi_import_preset_name(skpi_import_summary_preset(sum)));
        skpi_import_summary_free(sum);
    }
    size_t n = skpi_dataset_post_count(ds);
    printf("posts %zu\n", n);
    /* Months from the first to the last post. */
    int y0 = 9999, m0 = 12, y1 = 0, m1 = 1;
    for (size_t i = 0; i < n; i++) {
        const skpi_post *p = skpi_dataset_post(ds, i);
        skpi_value imp, eng;
        skpi_post_value(&imp, p, "impressions");
        skpi_post_value(&eng, p, "engagements");
        printf("post %s %s %.17g %.17g\n", skpi_post_channel(p), skpi_post_id(p), imp.value,
               eng.value);
        int y, m;
        if (month_of(skpi_post_published(p), &y, &m) != 0)
            return 2;
        if (y * 12 + m < y0 * 12 + m0) { y0 = y; m0 = m; }
        if (y * 12 + m > y1 * 12 + m1) { y1 = y; m1 = m; }
    }
    for (int k = y0 * 12 + m0 - 1; n > 0 && k <= y1 * 12 + m1 - 1; k++) {
        int y = k / 12, m = k % 12 + 1;
        skpi_period per;
        skpi_time_from_civil(&per.start, y, m, 1, 0, 0, 0);
        skpi_time_from_civil(&per.end, m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1, 0, 0, 0);
        double pi = 0, pe = 0;
        size_t count = 0;
        for (size_t i = 0; i < n; i++) {
            const skpi_post *p = skpi_dataset_post(ds, i);
            skpi_time t = skpi_post_published(p);
            if (t < per.start || t >= per.end)
                continue;
            skpi_value v;
            count++;
            if (skpi_post_value(&v, p, "impressions") == SKPI_OK && v.availability == SKPI_AVAILABLE)
                pi += v.value;
            if (skpi_post_value(&v, p, "engagements") == SKPI_OK && v.availability == SKPI_AVAILABLE)
                pe += v.value;
        }
        skpi_value si, se, sp;
        if (skpi_dataset_value(&si, ds, "impressions", "*", per) != SKPI_OK ||
            skpi_dataset_value(&se, ds, "engagements", "*", per) != SKPI_OK ||
            skpi_dataset_value(&sp, ds, "posts_published", "*", per) != SKPI_OK)
            return 2;
        printf("month %04d-%02d posts %zu impressions %.17g engagements %.17g "
               "series_impressions %.17g series_engagements %.17g series_posts %.17g\n",
               y, m, count, pi, pe, si.value, se.value, sp.value);
    }
    skpi_dataset_free(ds);
    return 0;
}
