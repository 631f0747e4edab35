/* skpi demo: a report from the bundled sample exports, start to finish. */
#define _XOPEN_SOURCE 700
#include "skpi.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const opt_spec options[] = {
    { "dir", 'd', "DIR", "where the store, the definitions and the report go (default: skpi-demo)" },
    { "format", 'f', "FORMAT", "html (default), md, json, csv, text, pdf or xlsx" },
    { "as-of", 0, "DATE", "the report's date (default: 2026-04-01, just after the sample ends)" },
    { "generated-at", 0, "TIME", "the time printed as 'generated at', or 'none' (default: now)" },
    { "time-zone", 0, "ZONE", "the report's time zone, e.g. Europe/Berlin (default: UTC)" },
    { "locale", 0, "LOCALE", "numbers in this locale, e.g. de-DE (default: 1,234.5)" },
    { "quiet", 'q', NULL, "print only where the report is" },
    { NULL, 0, NULL, NULL }
};

static bool has_definitions(const char *dir)
{
    char path[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/definitions.json", dir);
    return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

/* The sample: $SKPI_DEMO_DIR, else installed next to the program
 * (bin/../share/socialkpi/demo), else the source tree it was built from. */
static int find_sample(char *out, size_t size)
{
    const char *env = getenv("SKPI_DEMO_DIR");
    if (env && env[0]) {
        snprintf(out, size, "%s", env);
        return has_definitions(out) ? 0 : -1;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            int w = snprintf(out, size, "%s/%s", exe, SKPI_DEMO_RELATIVE);
            if (w > 0 && (size_t)w < size && has_definitions(out)) return 0;
        }
    }
    snprintf(out, size, "%s", SKPI_DEMO_SOURCE_DIR);
    return has_definitions(out) ? 0 : -1;
}

static int copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb");
    if (in == NULL) return -1;
    FILE *out = fopen(to, "wb");
    if (out == NULL) {
        fclose(in);
        return -1;
    }
    char buf[8192];
    size_t n;
    int rc = 0;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n) rc = -1;
    if (ferror(in)) rc = -1;
    fclose(in);
    if (fclose(out) != 0) rc = -1;
    return rc;
}

static int import_timesheet(const command *cmd, skpi_definitions *defs, skpi_store *st,
                            const char *sample, bool quiet)
{
    skpi_effort *team = skpi_definitions_effort(defs);
    if (team == NULL) return EXIT_DONE;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/timesheet.csv", sample);
    /* Into the team for this report only: the store keeps the exports, so
     * that a report of it from the Python binding (which does not read
     * stored hours yet) is the one `skpi report` gives. */
    (void)st;
    int rc = skpi_effort_import_timesheet(team, path, NULL);
    if (rc != SKPI_OK) return fail_lib_at(cmd, rc, "timesheet.csv");
    if (!quiet) printf("timesheet.csv: %zu entries\n", skpi_effort_entry_count(team));
    return EXIT_DONE;
}

static int run(const command *cmd, const parsed *p)
{
    int format;
    skpi_time as_of, generated_at;
    /* the sample data ends in March 2026 */
    int code = parse_render_options(&format, &as_of, &generated_at, cmd, p, "2026-04-01");
    if (code != EXIT_DONE) return code;
    bool quiet = opt(p, cmd, "quiet") != NULL;

    char sample[2048];
    if (find_sample(sample, sizeof sample) != 0)
        return fail(EXIT_IO, cmd, "the sample data is missing (looked in %s; set SKPI_DEMO_DIR)", sample);
    const char *dir = opt(p, cmd, "dir") ? opt(p, cmd, "dir") : "skpi-demo";
    if (strlen(dir) > 2000) return fail(EXIT_USAGE, cmd, "--dir: the path is too long");
    if (make_dirs(dir) != 0) return fail(EXIT_IO, cmd, "cannot create '%s': %s", dir, strerror(errno));

    /* The definitions are copied next to the report, to be read and edited. */
    char from[PATH_MAX], defs_path[PATH_MAX], db[PATH_MAX], out[PATH_MAX];
    snprintf(from, sizeof from, "%s/definitions.json", sample);
    snprintf(defs_path, sizeof defs_path, "%s/definitions.json", dir);
    snprintf(db, sizeof db, "%s/demo.db", dir);
    snprintf(out, sizeof out, "%s/report.%s", dir, skpi_format_extension(format));
    if (copy_file(from, defs_path) != 0)
        return fail(EXIT_IO, cmd, "cannot copy the definitions to '%s': %s", defs_path, strerror(errno));
    /* A fresh store each time, so the demo gives the same report. */
    static const char *const suffixes[] = { "", "-wal", "-shm" };
    for (size_t i = 0; i < 3; i++) {
        char old[PATH_MAX + 8];
        snprintf(old, sizeof old, "%s%s", db, suffixes[i]);
        if (remove(old) != 0 && errno != ENOENT)
            return fail(EXIT_IO, cmd, "cannot remove the old '%s': %s", old, strerror(errno));
    }

    skpi_definitions *defs = NULL;
    code = load_definitions(&defs, cmd, defs_path);
    if (code != EXIT_DONE) return code;
    skpi_store *st = NULL;
    code = open_store(&st, cmd, db, true);
    static const struct { const char *name, *channel; } exports[] = {
        { "instagram-posts.csv", NULL },
        { "instagram-followers.csv", "instagram:@acmeoutdoor" },
        { "linkedin-metrics.csv", "linkedin:acme-outdoor" },
        { "web-and-listening.csv", NULL },
    };
    enum { N_EXPORTS = sizeof exports / sizeof exports[0] };
    char paths[N_EXPORTS][PATH_MAX];
    import_file files[N_EXPORTS];
    for (size_t i = 0; i < N_EXPORTS; i++) {
        snprintf(paths[i], PATH_MAX, "%s/%s", sample, exports[i].name);
        files[i].path = paths[i];
        files[i].shown = exports[i].name;
        files[i].channel = exports[i].channel;
    }
    skpi_import_options io = SKPI_IMPORT_OPTIONS_INIT;
    if (code == EXIT_DONE)
        code = import_files(cmd, st, skpi_definitions_catalog(defs), files, N_EXPORTS, &io, quiet, db);
    /* The team's hours of the quarter, for the Resourcing section. */
    if (code == EXIT_DONE) code = import_timesheet(cmd, defs, st, sample, quiet);
    skpi_dataset *ds = NULL;
    if (code == EXIT_DONE) code = open_dataset(&ds, cmd, st, defs);
    report_cli demo_cli = report_cli_of(cmd, p);
    if (demo_cli.as_of == NULL) demo_cli.as_of = "2026-04-01";
    if (code == EXIT_DONE) code = render_report(cmd, defs, 0, ds, as_of, format, generated_at, out, &demo_cli);
    skpi_dataset_free(ds);
    skpi_store_free(st);
    skpi_definitions_free(defs);
    if (code != EXIT_DONE) return code;

    char full[PATH_MAX];
    if (realpath(out, full) == NULL) snprintf(full, sizeof full, "%s", out);
    printf("report: %s\n", full);
    if (!quiet) {
        char date[32];
        skpi_time_format_date(date, sizeof date, as_of, 0);
        printf("next:   skpi goals status --config %s --db %s --as-of %s\n", defs_path, db, date);
        printf("        skpi okr score --config %s --db %s --as-of %s\n", defs_path, db, date);
        printf("        skpi report --config %s --db %s --as-of %s --format text\n", defs_path, db, date);
    }
    return EXIT_DONE;
}

const command cmd_demo = {
    "demo",
    "demo [--dir DIR] [--format FORMAT]",
    "Build a report from the bundled sample exports and write it to a file.",
    "The sample is fifteen months (January 2025 to March 2026) of a made-up brand\n"
    "on Instagram and LinkedIn, with its website's social traffic and social\n"
    "listening, in the layouts the networks export. The demo imports it into a\n"
    "fresh store DIR/demo.db, copies its definitions (goals, OKRs, the report) to\n"
    "DIR/definitions.json, writes the March 2026 report to DIR/report.html and\n"
    "prints where it is.\n",
    options, 0, 0, run
};
