/* Imports one export with the reports' calendar in an IANA zone and prints
 * where its points and posts landed, for tests/python/test_import_zones.py
 * to check against Python's zoneinfo.
 * Usage: import_days ZONE|- SOURCE_ZONE|- FILE CHANNEL|- METRIC SERIES_CHANNEL...
 *   S metric time value    one line per point of each series asked for
 *   P id published         one line per post */
#include <socialkpi.h>

#include <stdio.h>
#include <string.h>

static int die(const char *what)
{
    fprintf(stderr, "%s: %s\n", what, skpi_last_error());
    return 1;
}

static const char *arg(const char *s) { return strcmp(s, "-") == 0 ? NULL : s; }

int main(int argc, char **argv)
{
    if (argc < 5 || (argc - 5) % 2 != 0) {
        fprintf(stderr, "usage: import_days ZONE|- SOURCE_ZONE|- FILE CHANNEL|- [METRIC CHANNEL]...\n");
        return 2;
    }
    skpi_calendar *cal = NULL;
    if (arg(argv[1])) {
        if (skpi_calendar_new(&cal) != SKPI_OK || skpi_calendar_set_time_zone(cal, argv[1]) != SKPI_OK) {
            int rc = die("zone");
            skpi_calendar_free(cal);
            return rc;
        }
    }
    skpi_dataset *ds = NULL;
    int rc = 0;
    if (skpi_dataset_new(&ds, NULL) != SKPI_OK) { rc = die("dataset"); goto done; }
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.calendar = cal;
    o.source_time_zone = arg(argv[2]);
    o.channel = arg(argv[4]);
    skpi_import_summary *sum = NULL;
    if (skpi_import_file(&sum, ds, argv[3], &o) != SKPI_OK) { rc = die(argv[3]); goto done; }
    skpi_import_summary_free(sum);
    for (int i = 5; i + 1 < argc; i += 2) {
        const skpi_series *s;
        if (skpi_dataset_series(&s, ds, argv[i], argv[i + 1]) != SKPI_OK) { rc = die(argv[i]); goto done; }
        const skpi_time *t = skpi_series_times(s);
        const double *v = skpi_series_values(s);
        for (size_t k = 0; k < skpi_series_length(s); k++)
            printf("S %s %lld %.17g\n", argv[i], (long long)t[k], v[k]);
    }
    for (size_t k = 0; k < skpi_dataset_post_count(ds); k++) {
        const skpi_post *p = skpi_dataset_post(ds, k);
        printf("P %s %lld\n", skpi_post_id(p), (long long)skpi_post_published(p));
    }
done:
    /* freed on every path: the sanitizer build checks for leaks */
    skpi_dataset_free(ds);
    skpi_calendar_free(cal);
    return rc;
}
