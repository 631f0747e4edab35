/* Reads a CSV of daily metrics, rolls it up by week and by month, and prints
 * a table: the smallest end-to-end use of the calendar and series API.
 *
 * usage: rollup_table [daily_metrics.csv]
 * The CSV has the header date,channel,impressions,engagements,new_followers;
 * an empty cell is a missing day. */
#include <socialkpi.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COLS = 3, MAX_ROWS = 4096 };
static const char *const metric_names[COLS] = { "impressions", "engagements", "new_followers" };

struct table {
    char channel[128];
    skpi_time times[MAX_ROWS];
    double values[COLS][MAX_ROWS];
    size_t rows;
};

static int fail(const char *what, int rc)
{
    fprintf(stderr, "rollup_table: %s: %s (%s)\n", what, skpi_last_error(), skpi_strerror(rc));
    return 1;
}

/* Splits one line in place into at most `max` comma-separated fields. */
static int split(char *line, char **fields, int max)
{
    int n = 0;
    line[strcspn(line, "\r\n")] = '\0';
    for (char *p = line; n < max; ) {
        fields[n++] = p;
        char *comma = strchr(p, ',');
        if (!comma) break;
        *comma = '\0';
        p = comma + 1;
    }
    return n;
}

static int read_table(const char *path, struct table *t)
{
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); return 1; }
    char line[512];
    int lineno = 0;
    if (!fgets(line, sizeof line, f)) { fprintf(stderr, "%s: empty file\n", path); fclose(f); return 1; }
    while (fgets(line, sizeof line, f)) {
        char *fields[2 + COLS];
        lineno++;
        if (split(line, fields, 2 + COLS) != 2 + COLS || t->rows == MAX_ROWS) {
            fprintf(stderr, "%s:%d: expected date,channel and %d numbers\n", path, lineno + 1, COLS);
            fclose(f);
            return 1;
        }
        int rc = skpi_time_parse(&t->times[t->rows], fields[0]);
        if (rc != SKPI_OK) { fclose(f); return fail(path, rc); }
        snprintf(t->channel, sizeof t->channel, "%s", fields[1]);
        for (int c = 0; c < COLS; c++)
            t->values[c][t->rows] = fields[2 + c][0] ? strtod(fields[2 + c], NULL) : NAN;
        t->rows++;
    }
    fclose(f);
    return t->rows ? 0 : 1;
}

/* Prints an integer with thousands separators, right-aligned in `width`. */
static void print_count(double v, int width)
{
    if (isnan(v)) { printf("%*s", width, "n/a"); return; }
    char digits[32], out[48];
    snprintf(digits, sizeof digits, "%.0f", v);
    size_t len = strlen(digits), o = 0;
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0) out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
    printf("%*s", width, out);
}

static int print_rollup(skpi_series *const series[COLS], const skpi_calendar *cal,
                        int cadence, const char *title)
{
    skpi_series *sums[COLS] = { NULL };
    int rc = SKPI_OK;
    for (int c = 0; c < COLS && rc == SKPI_OK; c++)
        rc = skpi_series_rollup(&sums[c], series[c], cal, cadence, SKPI_AGG_SUM);
    if (rc != SKPI_OK) {
        for (int c = 0; c < COLS; c++) skpi_series_free(sums[c]);
        return fail("rollup", rc);
    }
    printf("\n%-10s %12s %12s %10s %14s\n", title, "Impressions", "Engagements", "Eng. rate", "New followers");
    const skpi_time *starts = skpi_series_times(sums[0]);
    const double *v[COLS];
    for (int c = 0; c < COLS; c++) v[c] = skpi_series_values(sums[c]);
    for (size_t i = 0; i < skpi_series_length(sums[0]); i++) {
        char label[32];
        skpi_period p;
        size_t present = 0, missing = 0;
        double ignored;
        skpi_calendar_label(label, sizeof label, cal, cadence, starts[i]);
        skpi_calendar_period(&p, cal, cadence, starts[i]);
        skpi_series_aggregate(&ignored, &present, &missing, series[0], p, SKPI_AGG_COUNT);
        /* The rate is a ratio of the period's sums, never a mean of daily rates. */
        double rate = v[0][i] > 0 ? v[1][i] / v[0][i] * 100.0 : NAN;
        printf("%-10s ", label);
        print_count(v[0][i], 12);
        printf(" ");
        print_count(v[1][i], 12);
        if (isnan(rate)) printf(" %10s ", "n/a");
        else printf(" %8.2f %% ", rate);
        print_count(v[2][i], 14);
        printf("%s\n", missing ? "  *" : "");
    }
    for (int c = 0; c < COLS; c++) skpi_series_free(sums[c]);
    return 0;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "examples/data/daily_metrics.csv";
    static struct table t;
    if (read_table(path, &t)) return 1;

    skpi_series *series[COLS] = { NULL };
    skpi_calendar *cal = NULL;
    int status = 1, rc = skpi_calendar_new(&cal);
    if (rc != SKPI_OK) { fail("calendar", rc); goto done; }
    for (int c = 0; c < COLS; c++) {
        rc = skpi_series_new(&series[c], metric_names[c], t.channel);
        if (rc == SKPI_OK) rc = skpi_series_append(series[c], t.times, t.values[c], t.rows);
        if (rc != SKPI_OK) { fail(metric_names[c], rc); goto done; }
    }

    char first[32], last[32];
    const skpi_time *times = skpi_series_times(series[0]);
    skpi_time_format_date(first, sizeof first, times[0], 0);
    skpi_time_format_date(last, sizeof last, times[skpi_series_length(series[0]) - 1], 0);
    printf("socialkpi %s: %s, %s to %s\n", skpi_version_string(), t.channel, first, last);
    if (print_rollup(series, cal, SKPI_CADENCE_WEEK, "Week") ||
        print_rollup(series, cal, SKPI_CADENCE_MONTH, "Month"))
        goto done;
    printf("\n* the period has days without data; its sums cover the days with data.\n");
    status = 0;
done:
    for (int c = 0; c < COLS; c++) skpi_series_free(series[c]);
    skpi_calendar_free(cal);
    return status;
}
