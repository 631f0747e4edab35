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
    { "config", 0, "FILE", "definitions whose custom metrics the exports may hold" },
    { "quiet", 'q', NULL, "print nothing but errors" },
    { NULL, 0, NULL, NULL }
};

static int parse_offset(int *out, const char *text)
{
    int h, m;
    char sign, colon, end;
    if (sscanf(text, "%c%2d%c%2d%c", &sign, &h, &colon, &m, &end) != 4 || (sign != '+' && sign != '-') ||
        colon != ':' || strlen(text) != 6 || m > 59 || h > 18)
        return -1;
    *out = (sign == '-' ? -1 : 1) * (h * 60 + m);
    return 0;
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
            return fail(exit_code_of(rc), cmd, "%s (nothing was stored)", skpi_last_error());
        }
        points += skpi_import_summary_points(sum);
        posts += skpi_import_summary_posts(sum);
        if (!quiet) {
            unsigned long long rows = skpi_import_summary_rows(sum);
            unsigned long long pts = skpi_import_summary_points(sum);
            unsigned long long series = skpi_import_summary_series(sum);
            unsigned long long n_posts = skpi_import_summary_posts(sum);
            printf("%s: %s, %llu row%s, %llu point%s in %llu series, %llu post%s", name,
                   skpi_import_preset_name(skpi_import_summary_preset(sum)), rows, rows == 1 ? "" : "s",
                   pts, pts == 1 ? "" : "s", series, n_posts, n_posts == 1 ? "" : "s");
            size_t ignored = skpi_import_summary_ignored_count(sum);
            if (ignored) printf(", %zu column%s not imported", ignored, ignored == 1 ? "" : "s");
            printf("\n");
        }
        skpi_import_summary_free(sum);
    }
    if (progress) fprintf(stderr, "\rwriting to the store\033[K");
    rc = skpi_store_begin(st);
    if (rc == SKPI_OK && cat != skpi_catalog_builtin()) rc = skpi_store_write_catalog(st, cat);
    if (rc == SKPI_OK) rc = skpi_store_write_dataset(st, ds);
    if (rc == SKPI_OK) rc = skpi_store_commit(st);
    else skpi_store_rollback(st);
    if (progress) fprintf(stderr, "\r\033[K");
    skpi_dataset_free(ds);
    if (rc != SKPI_OK) return fail_lib(cmd, rc);
    if (!quiet)
        printf("stored %llu point%s and %llu post%s from %zu file%s in %s\n", (unsigned long long)points,
               points == 1 ? "" : "s", (unsigned long long)posts, posts == 1 ? "" : "s", n,
               n == 1 ? "" : "s", shown_db);
    return EXIT_DONE;
}

static int run(const command *cmd, const parsed *p)
{
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    const char *preset = opt(p, cmd, "preset");
    if (preset && skpi_import_preset_from_name(&o.preset, preset) != SKPI_OK) {
        char names[512] = "";
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
    const char *offset = opt(p, cmd, "utc-offset");
    if (offset && parse_offset(&o.utc_offset_minutes, offset) != 0)
        return fail(EXIT_USAGE, cmd, "--utc-offset: '%s' is not an offset like +01:00 or -05:30", offset);

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
    "Importing the same export again replaces the points it holds.\n"
    "Progress goes to stderr when it is a terminal.\n",
    options, 1, 4096, run
};
