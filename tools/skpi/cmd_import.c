/* skpi import: CSV exports into the store, all files in one transaction. */
#define _POSIX_C_SOURCE 200809L
#include "skpi.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const opt_spec options[] = {
    { "db", 0, "PATH", "the store (default: $SKPI_DB, else ~/.local/share/socialkpi/skpi.db)" },
    { "preset", 'p', "NAME", "the export's layout; default: detected from its header" },
    { "channel", 'c', "NAME", "the channel of every row, e.g. instagram:@acme" },
    { "export-date", 0, "DATE", "the day the files were exported (TikTok dates lack a year)" },
    { "utc-offset", 0, "+HH:MM", "the time zone of dates written without one (default +00:00)" },
    { "time-zone", 0, "ZONE", "the reports' zone, e.g. Europe/Berlin: days start at midnight there" },
    { "source-time-zone", 0, "ZONE", "the zone the export writes times in (default: the preset's)" },
    { "date-order", 0, "ORDER", "day, month or auto: how to read dates like 03/04/2025 (default auto)" },
    { "covers-from", 0, "DATE", "first day a post-level export covers (default: file name, else first post)" },
    { "covers-to", 0, "DATE", "last day a post-level export covers (default: file name, else last post)" },
    { "service-level", 0, "DUR", "customer care: the target a first answer counts within, e.g. 30min, 1h (default 1h)" },
    { "config", 0, "FILE", "definitions whose custom metrics the exports may hold" },
    { "quiet", 'q', NULL, "print nothing but errors" },
    { NULL, 0, NULL, NULL }
};

/* The library names the options it needs as concepts ("the channel
 * option"); here they are the flags that set them. */
static void with_flags(char *out, size_t size, const char *msg)
{
    static const struct { const char *words, *flag; } names[] = {
        { "the channel option", "--channel" },
        { "the export date option", "--export-date" },
        { "give the export date", "give --export-date" },
        { "the date order option (day first or month first)", "--date-order day or --date-order month" },
        { "the date order option", "--date-order" },
        { "set the days it covers", "set --covers-from and --covers-to" },
    };
    size_t w = 0;
    while (*msg && w + 1 < size) {
        size_t k = 0;
        while (k < sizeof names / sizeof names[0] && strncmp(msg, names[k].words, strlen(names[k].words)) != 0)
            k++;
        if (k < sizeof names / sizeof names[0]) {
            int n = snprintf(out + w, size - w, "%s", names[k].flag);
            if (n < 0 || (size_t)n >= size - w) break;
            w += (size_t)n;
            msg += strlen(names[k].words);
        } else {
            out[w++] = *msg++;
        }
    }
    out[w < size ? w : size - 1] = '\0';
}

/* What one file brought: the preset, the counts, then one line per column
 * or section not imported, per warning, and the rows the export marked as
 * errors. */
static void print_file(const char *name, const skpi_import_summary *sum, bool detected)
{
    unsigned long long rows = skpi_import_summary_rows(sum);
    unsigned long long pts = skpi_import_summary_points(sum);
    unsigned long long series = skpi_import_summary_series(sum);
    unsigned long long n_posts = skpi_import_summary_posts(sum);
    printf("%s: %s %s, %llu row%s, %llu point%s in %llu series, %llu post%s", name,
           detected ? "detected" : "preset", skpi_import_preset_name(skpi_import_summary_preset(sum)),
           rows, rows == 1 ? "" : "s", pts, pts == 1 ? "" : "s", series, n_posts, n_posts == 1 ? "" : "s");
    size_t ignored = skpi_import_summary_ignored_count(sum);
    if (ignored) printf(", %zu not imported", ignored);
    printf("\n");
    for (size_t i = 0; i < ignored; i++)
        printf("  not imported: \"%s\"\n", skpi_import_summary_ignored(sum, i));
    for (size_t i = 0; i < skpi_import_summary_warning_count(sum); i++) {
        char msg[1024];
        with_flags(msg, sizeof msg, skpi_import_summary_warning(sum, i));
        printf("  warning: %s\n", msg);
    }
    unsigned long long errors = skpi_import_summary_skipped(sum, SKPI_IMPORT_SKIP_EXPORT_ERROR);
    if (errors) {
        printf("  skipped %llu row%s where the export wrote an error instead of data (line%s", errors,
               errors == 1 ? "" : "s", errors == 1 ? "" : "s");
        size_t kept = skpi_import_summary_error_row_count(sum);
        for (size_t i = 0; i < kept; i++)
            printf("%s %llu", i ? "," : "", (unsigned long long)skpi_import_summary_error_row_line(sum, i));
        printf("%s)\n", kept < errors ? ", ..." : "");
    }
}

/* How many of the dataset's points and posts the store already holds: those
 * are updated by the write, the others are new. */
static int count_stored(uint64_t *points, uint64_t *posts, skpi_store *st, const skpi_dataset *ds)
{
    const skpi_catalog *cat = skpi_dataset_catalog(ds);
    *points = *posts = 0;
    for (size_t m = 0; m < skpi_catalog_count(cat); m++) {
        const char *key = skpi_metric_key(skpi_catalog_metric_at(cat, m));
        for (size_t c = 0; c < skpi_dataset_channel_count(ds); c++) {
            const skpi_series *s;
            skpi_series *old = NULL;
            const char *ch = skpi_dataset_channel(ds, c);
            if (skpi_dataset_series(&s, ds, key, ch) != SKPI_OK || skpi_series_length(s) == 0) continue;
            size_t n = skpi_series_length(s);
            const skpi_time *t = skpi_series_times(s);
            skpi_period span = { t[0], t[n - 1] + 1 };
            int rc = skpi_store_read_series(&old, st, key, ch, span);
            if (rc == SKPI_ENOTFOUND) continue;
            if (rc != SKPI_OK) return rc;
            const skpi_time *ot = skpi_series_times(old);
            size_t on = skpi_series_length(old), j = 0;
            for (size_t i = 0; i < n; i++) { /* both sorted by time */
                while (j < on && ot[j] < t[i]) j++;
                *points += j < on && ot[j] == t[i];
            }
            skpi_series_free(old);
        }
    }
    size_t n = skpi_dataset_post_count(ds);
    if (n == 0) return SKPI_OK;
    skpi_period span = { skpi_time_max(), skpi_time_min() };
    for (size_t i = 0; i < n; i++) {
        skpi_time t = skpi_post_published(skpi_dataset_post(ds, i));
        if (t < span.start) span.start = t;
        if (t + 1 > span.end) span.end = t + 1;
    }
    skpi_dataset *old = NULL;
    int rc = skpi_store_open_dataset(&old, st, cat, span);
    if (rc != SKPI_OK) return rc;
    for (size_t i = 0; i < n; i++) {
        const skpi_post *p = skpi_dataset_post(ds, i);
        size_t at;
        *posts += skpi_dataset_find_post(&at, old, skpi_post_channel(p), skpi_post_id(p)) == SKPI_OK;
    }
    skpi_dataset_free(old);
    return SKPI_OK;
}

int import_files(const command *cmd, skpi_store *st, const skpi_catalog *cat,
                 const import_file *files, size_t n, const skpi_import_options *base,
                 bool quiet, const char *shown_db)
{
    skpi_dataset *ds = NULL;
    int rc = skpi_dataset_new(&ds, cat);
    if (rc != SKPI_OK) return fail_lib(cmd, rc);
    bool progress = !quiet && n > 1 && isatty(STDERR_FILENO);
    uint64_t points = 0, posts = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = files[i].shown ? files[i].shown : files[i].path;
        if (progress) fprintf(stderr, "\rimporting %zu/%zu: %s\033[K", i + 1, n, name);
        skpi_import_options o = *base;
        if (files[i].channel) o.channel = files[i].channel;
        skpi_import_summary *sum = NULL;
        rc = skpi_import_file(&sum, ds, files[i].path, &o);
        if (rc != SKPI_OK) {
            if (progress) fprintf(stderr, "\r\033[K");
            skpi_dataset_free(ds);
            /* The importer's messages start with the file's name. */
            char msg[1024];
            with_flags(msg, sizeof msg, skpi_last_error());
            return fail(exit_code_of(rc), cmd, "%s (nothing was stored)", msg);
        }
        if (!quiet) print_file(name, sum, o.preset == SKPI_IMPORT_AUTO);
        skpi_import_summary_free(sum);
    }
    /* Counted over the whole dataset: a point or post several files hold
     * is stored once. */
    points = posts = 0;
    for (size_t m = 0; m < skpi_catalog_count(cat); m++) {
        const char *key = skpi_metric_key(skpi_catalog_metric_at(cat, m));
        for (size_t c = 0; c < skpi_dataset_channel_count(ds); c++) {
            const skpi_series *s;
            if (skpi_dataset_series(&s, ds, key, skpi_dataset_channel(ds, c)) == SKPI_OK)
                points += skpi_series_length(s);
        }
    }
    posts = skpi_dataset_post_count(ds);
    uint64_t points_updated = 0, posts_updated = 0;
    if (progress) fprintf(stderr, "\rwriting to the store\033[K");
    rc = count_stored(&points_updated, &posts_updated, st, ds);
    if (rc == SKPI_OK) rc = skpi_store_begin(st);
    if (rc == SKPI_OK && cat != skpi_catalog_builtin()) rc = skpi_store_write_catalog(st, cat);
    if (rc == SKPI_OK) rc = skpi_store_write_dataset(st, ds);
    if (rc == SKPI_OK) rc = skpi_store_commit(st);
    else skpi_store_rollback(st);
    if (progress) fprintf(stderr, "\r\033[K");
    skpi_dataset_free(ds);
    if (rc != SKPI_OK) return fail_lib(cmd, rc);
    if (!quiet)
        printf("stored %llu point%s (%llu new, %llu updated) and %llu post%s (%llu new, %llu updated) "
               "from %zu file%s in %s\n", (unsigned long long)points, points == 1 ? "" : "s",
               (unsigned long long)(points - points_updated), (unsigned long long)points_updated,
               (unsigned long long)posts, posts == 1 ? "" : "s", (unsigned long long)(posts - posts_updated),
               (unsigned long long)posts_updated, n, n == 1 ? "" : "s", shown_db);
    return EXIT_DONE;
}

static int run_with(const command *cmd, const parsed *p, const skpi_import_options *opts);

static int run(const command *cmd, const parsed *p)
{
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    const char *preset = opt(p, cmd, "preset");
    if (preset && skpi_import_preset_from_name(&o.preset, preset) != SKPI_OK) {
        char names[1024] = "";
        size_t len = 0;
        for (int i = 0; i <= skpi_import_preset_max() && len < sizeof names; i++) {
            int w = snprintf(names + len, sizeof names - len, "%s%s", i ? ", " : "", skpi_import_preset_name(i));
            if (w < 0) break;
            len += (size_t)w;
        }
        return fail(EXIT_USAGE, cmd, "unknown preset '%s' (one of: %s)", preset, names);
    }
    o.channel = opt(p, cmd, "channel");
    o.export_date = opt(p, cmd, "export-date");
    o.covers_from = opt(p, cmd, "covers-from");
    o.covers_to = opt(p, cmd, "covers-to");
    const char *order = opt(p, cmd, "date-order");
    if (order && strcmp(order, "day") == 0) o.date_order = SKPI_IMPORT_DAY_FIRST;
    else if (order && strcmp(order, "month") == 0) o.date_order = SKPI_IMPORT_MONTH_FIRST;
    else if (order && strcmp(order, "auto") != 0)
        return fail(EXIT_USAGE, cmd, "--date-order: '%s' is not day, month or auto", order);
    const char *offset = opt(p, cmd, "utc-offset");
    if (offset && skpi_utc_offset_parse(&o.utc_offset_minutes, offset) != SKPI_OK)
        return fail(EXIT_USAGE, cmd, "--utc-offset: '%s' is not an offset like +01:00 or -05:30", offset);

    const char *target = opt(p, cmd, "service-level");
    if (target && skpi_duration_parse(&o.service_level_seconds, target) != SKPI_OK)
        return fail(EXIT_USAGE, cmd, "--service-level: '%s' is not a duration: write a number and a "
                    "unit, s, min, h or d, such as 90s, 30min, 1h or 1.5h", target);
    o.source_time_zone = opt(p, cmd, "source-time-zone");
    skpi_calendar *days = NULL;
    const char *zone = opt(p, cmd, "time-zone");
    if (zone) {
        int rc = skpi_calendar_new(&days);
        if (rc == SKPI_OK) rc = skpi_calendar_set_time_zone(days, zone);
        if (rc != SKPI_OK) {
            skpi_calendar_free(days);
            return rc == SKPI_EINVAL ? fail(EXIT_USAGE, cmd, "--time-zone: '%s' is not an IANA time zone "
                                            "such as Europe/Berlin", zone)
                                     : fail_lib(cmd, rc);
        }
        o.calendar = days;
    }
    int code = run_with(cmd, p, &o);
    skpi_calendar_free(days);
    return code;
}

static int run_with(const command *cmd, const parsed *p, const skpi_import_options *opts)
{
    skpi_import_options o = *opts;
    skpi_definitions *defs = NULL;
    if (opt(p, cmd, "config")) {
        int code = load_definitions(&defs, cmd, opt(p, cmd, "config"));
        if (code != EXIT_DONE) return code;
    }
    /* Check that every file is there before the store is touched. */
    for (size_t i = 0; i < p->positional_count; i++) {
        if (access(p->positional[i], R_OK) != 0) {
            int err = errno;
            skpi_definitions_free(defs);
            return fail(EXIT_IO, cmd, "%s: cannot read it: %s (nothing was stored)", p->positional[i],
                        strerror(err));
        }
    }
    skpi_store *st = NULL;
    int code = open_store(&st, cmd, opt(p, cmd, "db"), true);
    if (code != EXIT_DONE) {
        skpi_definitions_free(defs);
        return code;
    }
    const skpi_catalog *cat = skpi_catalog_builtin();
    skpi_catalog *stored = NULL;
    if (defs) {
        cat = skpi_definitions_catalog(defs);
    } else {
        int rc = skpi_store_read_catalog(&stored, st, NULL);
        if (rc != SKPI_OK) {
            skpi_store_free(st);
            return fail_lib(cmd, rc);
        }
        cat = stored;
    }
    import_file *files = calloc(p->positional_count, sizeof *files);
    if (files == NULL) code = fail(EXIT_INTERNAL, cmd, "out of memory");
    for (size_t i = 0; files && i < p->positional_count; i++) files[i].path = p->positional[i];
    char shown[4096];
    store_path(shown, sizeof shown, opt(p, cmd, "db"));
    if (files)
        code = import_files(cmd, st, cat, files, p->positional_count, &o, opt(p, cmd, "quiet") != NULL,
                            shown);
    free(files);
    skpi_catalog_free(stored);
    skpi_store_free(st);
    skpi_definitions_free(defs);
    return code;
}

const command cmd_import = {
    "import",
    "import FILE... [--db PATH] [--preset NAME] [--channel NAME]",
    "Import CSV exports (X, Meta, LinkedIn, YouTube, TikTok, Sprout Social, generic) into the store.",
    "The layout of each file is detected from its header unless --preset names it.\n"
    "All files go into the store in one transaction: if one of them is malformed,\n"
    "the message names it with the line and column, and nothing is stored.\n"
    "Importing the same export again replaces the points it holds: the last line\n"
    "says how many points and posts were new and how many updated.\n"
    "Each file's line names the preset (detected, or the one --preset forces) and\n"
    "is followed by one line per column or section not imported and per warning\n"
    "(--quiet hides them). Dates like 03/04/2025 are read in the order the file's\n"
    "own dates show (13/04/2025 can only be day first); a file that never tells\n"
    "needs --date-order. A post-level export covers the days of its file name\n"
    "(X) or from its first to its last post, or --covers-from to --covers-to:\n"
    "days without posts in that range are zero.\n"
    "Customer-care exports (one row per message, or response-time bins per day)\n"
    "count messages received, answered, their response time and those answered\n"
    "within --service-level (default 1h) per day.\n"
    "Progress goes to stderr when it is a terminal.\n",
    options, 1, 4096, run
};
