/* skpi campaign report NAME: a campaign of the definitions against its
 * baseline, through a report definition of the same file (docs/skpi.md). */
#include "skpi.h"

#include <string.h>

static const opt_spec options[] = {
    { "config", 0, "FILE", "the definitions with the campaign (default: $SKPI_CONFIG, else ./skpi.json)" },
    { "report", 'r', "ID", "the report definition whose KPIs, audience and calendar to use (default: the first)" },
    { "as-of", 0, "DATE", "goals and OKRs as of this date (default: the day after the campaign)" },
    { "format", 'f', "FORMAT", "html (default), md, json, csv, text, pdf or xlsx" },
    { "output", 'o', "FILE", "write the report to FILE (default: standard output)" },
    { "db", 0, "PATH", "the store (default: $SKPI_DB, else ~/.local/share/socialkpi/skpi.db)" },
    { "generated-at", 0, "TIME", "the time printed as 'generated at', or 'none' (default: now)" },
    { "time-zone", 0, "ZONE", "the report's time zone, e.g. Europe/Berlin (default: the definition's)" },
    { "locale", 0, "LOCALE", "numbers in this locale, e.g. de-DE (default: the definition's)" },
    { NULL, 0, NULL, NULL }
};

static int run(const command *cmd, const parsed *p)
{
    if (strcmp(p->positional[0], "report") != 0)
        return fail(EXIT_USAGE, cmd, "unknown action '%s' (expected: report)", p->positional[0]);
    if (p->positional_count < 2) return fail(EXIT_USAGE, cmd, "report: give the campaign's name");
    report_setup s;
    int code = report_setup_open(&s, cmd, p, false);
    report_cli cli = report_cli_of(cmd, p);
    cli.campaign = p->positional[1];
    if (code == EXIT_DONE)
        code = render_report(cmd, s.defs, s.index, s.ds, s.as_of, s.format, s.generated_at,
                             opt(p, cmd, "output"), &cli);
    report_setup_free(&s);
    return code;
}

const command cmd_campaign = {
    "campaign",
    "campaign report NAME [--config FILE] [--report ID] [--format F] [-o FILE]",
    "Compare a campaign with its baseline, metric by metric and channel by channel.",
    "The definitions file holds the campaign under \"campaigns\" (docs/definitions.md):\n"
    "its days, channels, and the tags, utm_campaign values and post ids of its posts.\n"
    "The report covers the campaign's days with the KPIs, audience and calendar of\n"
    "--report (default: the first report definition), KPIs on every channel measured\n"
    "on the campaign's channels, against the days of the same length before it (or\n"
    "the campaign's baseline), and lists the campaign's posts.\n"
    "An unknown campaign is an input error (exit 3) naming it; a campaign without\n"
    "data is reported as such (exit 7).\n",
    options, 2, 2, run
};
