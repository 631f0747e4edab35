/* skpi report: a report definition assembled from the store and rendered. */
#define _POSIX_C_SOURCE 200809L
#include "skpi.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const opt_spec options[] = {
    { "config", 0, "FILE", "the definitions with the report (default: $SKPI_CONFIG, else ./skpi.json)" },
    { "report", 'r', "ID", "which report of the definitions (default: the first)" },
    { "as-of", 0, "DATE", "the report covers the last full period before this date (default: now)" },
    { "format", 'f', "FORMAT", "html (default), md, json, csv, text, pdf or xlsx" },
    { "output", 'o', "FILE", "write the report to FILE (default: standard output)" },
    { "db", 0, "PATH", "the store (default: $SKPI_DB, else ~/.local/share/socialkpi/skpi.db)" },
    { "generated-at", 0, "TIME", "the time printed as 'generated at', or 'none' (default: now)" },
    { "time-zone", 0, "ZONE", "the report's time zone, e.g. Europe/Berlin (default: the definition's)" },
    { "locale", 0, "LOCALE", "numbers in this locale, e.g. de-DE (default: the definition's)" },
    { "from", 0, "DATE", "cover an explicit range from this day (instead of the last full period)" },
    { "to", 0, "DATE", "the range's last day, included (default: up to --as-of)" },
    { "range-name", 0, "NAME", "what readers call the range, e.g. 'since launch'" },
    { "compare", 0, "LIST", "previous, year, previous,year or none (default: the definition's)" },
    { "compare-from", 0, "DATE", "compare with a named range from this day ..." },
    { "compare-to", 0, "DATE", "... to this day, included" },
    { "compare-name", 0, "NAME", "the named range's name, e.g. 'launch week'" },
    { "competitors", 0, "FILE", "CSV of channel,competitor: those channels are competitors' (adds the Competitors section)" },
    { "benchmarks", 0, "FILE", "industry benchmarks, CSV or .json (adds the Benchmarks section; needs --industry)" },
    { "industry", 0, "NAME", "the industry whose benchmarks the report shows (default: the definition's)" },
    { NULL, 0, NULL, NULL }
};

static int parse_format(int *out, const char *text)
{
    static const struct { const char *name; int format; } names[] = {
        { "html", SKPI_FORMAT_HTML }, { "md", SKPI_FORMAT_MARKDOWN }, { "markdown", SKPI_FORMAT_MARKDOWN },
        { "json", SKPI_FORMAT_JSON }, { "csv", SKPI_FORMAT_CSV }, { "text", SKPI_FORMAT_TEXT },
        { "txt", SKPI_FORMAT_TEXT }, { "pdf", SKPI_FORMAT_PDF }, { "xlsx", SKPI_FORMAT_XLSX },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(text, names[i].name) == 0) {
            *out = names[i].format;
            return 0;
        }
    return -1;
}

static int parse_generated_at(skpi_time *out, const command *cmd, const char *text)
{
    if (text && strcmp(text, "none") == 0) {
        *out = SKPI_RENDER_NO_TIME;
        return EXIT_DONE;
    }
    return parse_as_of(out, cmd, text, "generated-at");
}

int parse_render_options(int *format, skpi_time *as_of, skpi_time *generated_at, const command *cmd,
                         const parsed *p, const char *default_as_of)
{
    *format = SKPI_FORMAT_HTML;
    const char *f = opt(p, cmd, "format");
    if (f && parse_format(format, f) != 0)
        return fail(EXIT_USAGE, cmd, "--format: '%s' is not html, md, json, csv, text, pdf or xlsx", f);
    const char *date = opt(p, cmd, "as-of") ? opt(p, cmd, "as-of") : default_as_of;
    int code = parse_as_of(as_of, cmd, date, "as-of");
    if (code == EXIT_DONE) code = parse_generated_at(generated_at, cmd, opt(p, cmd, "generated-at"));
    return code;
}

report_cli report_cli_of(const command *cmd, const parsed *p)
{
    report_cli c = { opt(p, cmd, "time-zone"), opt(p, cmd, "locale"), opt(p, cmd, "as-of"),
                     opt(p, cmd, "from"), opt(p, cmd, "to"), opt(p, cmd, "range-name"),
                     opt(p, cmd, "compare"), opt(p, cmd, "compare-from"), opt(p, cmd, "compare-to"),
                     opt(p, cmd, "compare-name"),
                     opt(p, cmd, "competitors"), opt(p, cmd, "benchmarks"), opt(p, cmd, "industry"), false, NULL };
    return c;
}

/* --time-zone and --locale over the definition's, then --as-of read in the
 * report's zone: "2026-04-01" is local midnight there. */
/* The campaign of a campaign report, in the report's calendar; without
 * --as-of its goals are seen as of the campaign's end. */
static int apply_campaign(skpi_report *report, const skpi_definitions *defs, const report_cli *cli)
{
    size_t index;
    skpi_campaign *c = NULL;
    int rc = skpi_definitions_find_campaign(&index, defs, cli->campaign);
    if (rc == SKPI_OK) rc = skpi_definitions_build_campaign(&c, defs, index, skpi_report_calendar(report));
    if (rc == SKPI_OK) rc = skpi_report_set_campaign(report, c);
    skpi_period p;
    if (rc == SKPI_OK && !cli->as_of && skpi_campaign_period(&p, c) == SKPI_OK)
        rc = skpi_report_set_as_of(report, p.end);
    skpi_campaign_free(c);
    return rc;
}

static int apply_overrides(skpi_report *report, const skpi_definitions *defs, const report_cli *cli,
                           skpi_time as_of)
{
    int rc = SKPI_OK;
    if (cli && cli->time_zone) {
        skpi_calendar *cal = NULL;
        rc = skpi_calendar_clone(&cal, skpi_report_calendar(report));
        if (rc == SKPI_OK) rc = skpi_calendar_set_time_zone(cal, cli->time_zone);
        if (rc == SKPI_OK) rc = skpi_report_set_calendar(report, cal);
        skpi_calendar_free(cal);
    }
    if (rc == SKPI_OK && cli && cli->locale) rc = skpi_report_set_locale(report, cli->locale);
    if (rc == SKPI_OK && cli && cli->resourcing_only) {
        static const int only[] = { SKPI_SECTION_RESOURCING };
        rc = skpi_report_set_sections(report, only, 1);
    }
    if (rc == SKPI_OK && cli && cli->as_of) {
        rc = skpi_calendar_parse(&as_of, skpi_report_calendar(report), cli->as_of);
        if (rc == SKPI_OK) rc = skpi_report_set_as_of(report, as_of);
    }
    if (rc == SKPI_OK && cli) rc = apply_range_options(report, cli);
    if (rc == SKPI_OK && cli && cli->campaign) rc = apply_campaign(report, defs, cli);
    return rc;
}

/* --competitors FILE: lines "channel,competitor" (a header line starting
 * with "channel" is skipped); the channels become the competitors'. */
static int mark_competitors(skpi_dataset *ds, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        skpi_error_set("--competitors: cannot open the file");
        return SKPI_EIO;
    }
    char line[1024];
    int rc = SKPI_OK;
    for (unsigned n = 1; rc == SKPI_OK && fgets(line, sizeof line, fp); n++) {
        line[strcspn(line, "\r\n")] = '\0';
        char *comma = strchr(line, ',');
        if (line[0] == '\0' || (n == 1 && strncmp(line, "channel,", 8) == 0)) continue;
        if (comma == NULL) {
            char msg[160];
            snprintf(msg, sizeof msg, "--competitors: line %u: expected channel,competitor", n);
            skpi_error_set(msg);
            rc = SKPI_EPARSE;
            break;
        }
        *comma = '\0';
        rc = skpi_dataset_set_competitor(ds, line, comma + 1);
    }
    fclose(fp);
    return rc;
}

/* --benchmarks FILE and/or --industry NAME: the table (the file's, else the
 * definitions') seen through the industry (the option's, else the report
 * definition's), and its section. */
static int use_benchmarks(skpi_report *report, const skpi_dataset *ds, const skpi_definitions *defs,
                          const report_cli *cli)
{
    const char *industry = cli->industry ? cli->industry : skpi_report_industry(report);
    if (industry == NULL) {
        skpi_error_set("--benchmarks needs --industry (the industry whose figures to show)");
        return SKPI_EINVAL;
    }
    if (cli->benchmarks == NULL && skpi_definitions_benchmarks(defs) == NULL) {
        skpi_error_set("--industry: the definitions have no \"benchmarks\" (give --benchmarks FILE)");
        return SKPI_EINVAL;
    }
    skpi_benchmarks *b = NULL;
    int rc = cli->benchmarks ? skpi_benchmarks_new(&b, skpi_dataset_catalog(ds))
                             : skpi_benchmarks_clone(&b, skpi_definitions_benchmarks(defs));
    if (rc == SKPI_OK && cli->benchmarks) rc = skpi_benchmarks_load_file(b, cli->benchmarks);
    if (rc == SKPI_OK) rc = skpi_report_set_benchmarks(report, b, industry);
    if (rc == SKPI_OK) rc = skpi_report_set_section(report, SKPI_SECTION_BENCHMARKS, 1);
    skpi_benchmarks_free(b);
    return rc;
}

static int apply_compete(skpi_report *report, skpi_dataset *ds, const skpi_definitions *defs,
                         const report_cli *cli)
{
    int rc = SKPI_OK;
    if (cli && cli->competitors) {
        rc = mark_competitors(ds, cli->competitors);
        if (rc == SKPI_OK) rc = skpi_report_set_section(report, SKPI_SECTION_COMPETITORS, 1);
    }
    if (rc == SKPI_OK && cli && (cli->benchmarks || cli->industry)) rc = use_benchmarks(report, ds, defs, cli);
    return rc;
}

int no_data(const command *cmd, const skpi_report *report, const char *outcome)
{
    /* The period's first and last days, in the report's zone. */
    char first[40] = "?", last[40] = "?";
    skpi_period period;
    if (skpi_report_period(&period, report) == SKPI_OK) {
        skpi_calendar_format_date(first, sizeof first, skpi_report_calendar(report), period.start);
        skpi_calendar_format_date(last, sizeof last, skpi_report_calendar(report), period.end - 1);
    }
    bool ranged = skpi_report_range(NULL, NULL, report) == SKPI_OK;
    return fail(EXIT_NO_DATA, cmd, "no data from %s to %s, the %s the report covers: %s "
                "(import that period's exports, or give %s)", first, last, ranged ? "range" : "period", outcome,
                ranged ? "--from and --to days with data" : "--as-of a date after the data");
}

int render_report(const command *cmd, const skpi_definitions *defs, size_t index, skpi_dataset *ds,
                  skpi_time as_of, int format, skpi_time generated_at, const char *output,
                  const report_cli *cli)
{
    skpi_report *report = NULL;
    skpi_doc *doc = NULL;
    int coverage = SKPI_COVERAGE_FULL;
    int rc = skpi_definitions_build_report(&report, defs, index, as_of);
    if (rc == SKPI_OK) {
        rc = apply_overrides(report, defs, cli, as_of);
        if (rc == SKPI_OK) rc = apply_compete(report, ds, defs, cli);
        if (rc != SKPI_OK) {
            skpi_report_free(report);
            return fail_lib(cmd, rc);
        }
    }
    if (rc == SKPI_OK) rc = skpi_report_coverage(&coverage, NULL, report, ds);
    if (rc == SKPI_OK) rc = skpi_report_assemble(&doc, report, ds);
    if (rc != SKPI_OK) {
        skpi_report_free(report);
        return fail_lib_at(cmd, rc, skpi_definitions_report_id(defs, index));
    }
    skpi_render_options ro = SKPI_RENDER_OPTIONS_INIT;
    ro.generated_at = generated_at;
    skpi_sink sink = SKPI_SINK_INIT;
    bool to_file = output && strcmp(output, "-") != 0;
    rc = to_file ? skpi_sink_file(&sink, output) : skpi_sink_stdio(&sink, stdout);
    if (rc == SKPI_OK) {
        rc = skpi_render(doc, format, &ro, &sink);
        /* Half a report is worse than none. */
        if (rc != SKPI_OK && to_file) remove(output);
    }
    skpi_doc_free(doc);
    int code = rc != SKPI_OK ? fail_lib(cmd, rc)
               : coverage == SKPI_COVERAGE_NONE ? no_data(cmd, report, "the report says so") : EXIT_DONE;
    skpi_report_free(report);
    return code;
}

int report_setup_open(report_setup *out, const command *cmd, const parsed *p, bool write)
{
    memset(out, 0, sizeof *out);
    int code = parse_render_options(&out->format, &out->as_of, &out->generated_at, cmd, p, NULL);
    if (code == EXIT_DONE) code = load_definitions(&out->defs, cmd, opt(p, cmd, "config"));
    if (code == EXIT_DONE) code = find_report(&out->index, cmd, out->defs, opt(p, cmd, "report"));
    if (code == EXIT_DONE) code = open_store(&out->st, cmd, opt(p, cmd, "db"), write);
    if (code == EXIT_DONE) code = apply_stored_checkins(cmd, out->defs, out->st, false);
    if (code == EXIT_DONE) code = apply_stored_effort(cmd, out->defs, out->st);
    if (code == EXIT_DONE) code = open_dataset(&out->ds, cmd, out->st, out->defs);
    return code;
}

void report_setup_free(report_setup *s)
{
    skpi_dataset_free(s->ds);
    skpi_store_free(s->st);
    skpi_definitions_free(s->defs);
    memset(s, 0, sizeof *s);
}

static int run(const command *cmd, const parsed *p)
{
    report_setup s;
    int code = report_setup_open(&s, cmd, p, false);
    report_cli cli = report_cli_of(cmd, p);
    if (code == EXIT_DONE)
        code = render_report(cmd, s.defs, s.index, s.ds, s.as_of, s.format, s.generated_at,
                             opt(p, cmd, "output"), &cli);
    report_setup_free(&s);
    return code;
}

const command cmd_report = {
    "report",
    "report --config FILE --as-of DATE --format html|md|json|csv|text|xlsx [-o FILE]",
    "Build a report from a report definition and the store, and render it.",
    "The definitions file holds the report under \"reports\" (docs/definitions.md),\n"
    "with the goals and objectives it names. A monthly report as of 2026-04-01\n"
    "covers March 2026 and compares it with February 2026 and March 2025.\n"
    "The same store, definitions, --as-of and --generated-at give the same bytes.\n"
    "--as-of is read in the report's time zone (--time-zone, else the definition's):\n"
    "a monthly report in America/Los_Angeles as of 2026-04-01 covers March there.\n"
    "--locale shapes numbers (\"1.234,5\" in de-DE); JSON and CSV never change.\n"
    "--from 2026-03-01 --to 2026-03-15 covers those days (in the report's zone)\n"
    "instead, compared with the 15 days before and the same days a year earlier\n"
    "(--compare), or with a named range (--compare-from, --compare-to,\n"
    "--compare-name). --from without --to runs up to --as-of: a report since launch.\n",
    options, 0, 0, run
};
