/* Writes generated daily data and the library's rollups of a derived metric
 * to CSV, for tests/python/test_dataset_rollup_pandas.py to recompute with
 * pandas. Usage: dataset_rollup_csv OUT_DIR */
#include <socialkpi.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define DAY INT64_C(86400)

static uint64_t rng = UINT64_C(0x9E3779B97F4A7C15);

static uint32_t next_u32(void)
{
    /* xorshift64*: deterministic on every platform. */
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (uint32_t)((rng * UINT64_C(2685821657736338717)) >> 32);
}

static int die(const char *what)
{
    fprintf(stderr, "%s: %s\n", what, skpi_last_error());
    return 1;
}

static skpi_time civil(int y, int m, int d)
{
    skpi_time t = 0;
    skpi_time_from_civil(&t, y, m, d, 0, 0, 0);
    return t;
}

typedef struct channel {
    const char *key;
    int first_y, first_m, first_d; /* first day of data */
    int last_y, last_m, last_d;    /* last day of data */
    int has_reach;
    unsigned nan_per_mille, absent_per_mille;
} channel;

static const channel channels[] = {
    { "instagram:@acme", 2025, 11, 3, 2026, 12, 31, 1, 0, 0 },
    { "instagram:@acme_uk", 2026, 2, 10, 2026, 12, 31, 1, 20, 10 },
    { "facebook:acme", 2025, 11, 3, 2026, 12, 31, 1, 30, 30 },
    { "x:acme", 2026, 3, 1, 2026, 9, 15, 0, 0, 0 },          /* no reach at all */
    { "linkedin:acme", 2025, 11, 3, 2026, 6, 20, 1, 0, 0 },  /* stops in June */
};

static int write_rollup(FILE *out, skpi_dataset *ds, const char *metric, const char *selector,
                        const skpi_calendar *cal, int cadence, const char *cadence_name,
                        skpi_period range)
{
    skpi_series *s = NULL;
    int *avail = NULL;
    if (skpi_dataset_rollup(&s, &avail, ds, metric, selector, cal, cadence, range) != SKPI_OK)
        return die("rollup");
    const skpi_time *t = skpi_series_times(s);
    const double *v = skpi_series_values(s);
    static const char *names[] = { "available", "missing", "partial", "denominator_zero",
                                   "unsupported" };
    for (size_t i = 0; i < skpi_series_length(s); i++) {
        char date[32];
        skpi_time_format_date(date, sizeof date, t[i], 0);
        if (isnan(v[i])) fprintf(out, "%s,%s,%s,%s,,%s\n", metric, cadence_name, selector, date,
                                 names[avail[i]]);
        else fprintf(out, "%s,%s,%s,%s,%.17g,%s\n", metric, cadence_name, selector, date, v[i],
                     names[avail[i]]);
    }
    skpi_series_free(s);
    skpi_free(avail);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/data.csv", argv[1]);
    FILE *data = fopen(path, "w");
    snprintf(path, sizeof path, "%s/rollup.csv", argv[1]);
    FILE *rollup = fopen(path, "w");
    if (!data || !rollup) {
        perror(path);
        return 1;
    }
    skpi_dataset *ds = NULL;
    if (skpi_dataset_new(&ds, NULL) != SKPI_OK) return die("dataset");
    fprintf(data, "date,channel,metric,value\n");
    for (size_t c = 0; c < sizeof channels / sizeof channels[0]; c++) {
        const channel *ch = &channels[c];
        skpi_time first = civil(ch->first_y, ch->first_m, ch->first_d);
        skpi_time last = civil(ch->last_y, ch->last_m, ch->last_d);
        static const char *metrics[] = { "engagements", "reach" };
        for (int m = 0; m < (ch->has_reach ? 2 : 1); m++) {
            for (skpi_time t = first; t <= last; t += DAY) {
                /* The first and last days are always present, so the
                 * series' spans are what the table says. */
                int edge = t == first || t == last;
                if (!edge && next_u32() % 1000 < ch->absent_per_mille) continue;
                double v = m == 0 ? (double)(next_u32() % 201) : 500.0 + next_u32() % 4501;
                if (!edge && next_u32() % 1000 < ch->nan_per_mille) v = NAN;
                char date[32];
                skpi_time_format_date(date, sizeof date, t, 0);
                if (isnan(v)) fprintf(data, "%s,%s,%s,\n", date, ch->key, metrics[m]);
                else fprintf(data, "%s,%s,%s,%.0f\n", date, ch->key, metrics[m], v);
                if (skpi_dataset_append(ds, metrics[m], ch->key, &t, &v, 1) != SKPI_OK)
                    return die("append");
            }
        }
    }
    fprintf(rollup, "metric,cadence,selector,period_start,value,availability\n");
    skpi_period year = { civil(2025, 11, 1), civil(2027, 2, 1) }; /* January 2027: no data */
    skpi_period quarter = { civil(2026, 1, 5), civil(2026, 4, 6) };
    if (write_rollup(rollup, ds, "engagement_rate_reach", "*", NULL, SKPI_CADENCE_MONTH, "month",
                     year)
        || write_rollup(rollup, ds, "engagement_rate_reach", "instagram:*", NULL,
                        SKPI_CADENCE_WEEK, "week", quarter)
        || write_rollup(rollup, ds, "engagements", "*", NULL, SKPI_CADENCE_MONTH, "month", year))
        return 1;
    skpi_dataset_free(ds);
    if (fclose(data) != 0 || fclose(rollup) != 0) {
        perror("fclose");
        return 1;
    }
    return 0;
}
