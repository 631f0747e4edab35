/* skpi effort import and skpi resourcing: a team's hours from timesheets
 * into the store, and the Resourcing section on its own. */
#include "skpi.h"

#include <stdlib.h>
#include <string.h>

int apply_stored_effort(const command *cmd, skpi_definitions *defs, skpi_store *st)
{
    skpi_effort *team = skpi_definitions_effort(defs);
    if (team == NULL) return EXIT_DONE;
    int rc = skpi_store_read_effort(st, team);
    return rc == SKPI_OK ? EXIT_DONE : fail_lib(cmd, rc);
}

static const opt_spec effort_options[] = {
    { "config", 0, "FILE", "the definitions with the team (default: $SKPI_CONFIG, else ./skpi.json)" },
    { "db", 0, "PATH", "the store (default: $SKPI_DB, else ~/.local/share/socialkpi/skpi.db)" },
    { "quiet", 'q', NULL, "print nothing when all went well" },
    { NULL, 0, NULL, NULL }
};

static int run_effort(const command *cmd, const parsed *p)
{
    if (strcmp(p->positional[0], "import") != 0)
        return fail(EXIT_USAGE, cmd, "'%s' is not a subcommand (try: skpi effort import FILE...)",
                    p->positional[0]);
    if (p->positional_count < 2)
        return fail(EXIT_USAGE, cmd, "import: give at least one timesheet file");
    skpi_definitions *defs = NULL;
    skpi_store *st = NULL;
    int code = load_definitions(&defs, cmd, opt(p, cmd, "config"));
    skpi_effort *team = code == EXIT_DONE ? skpi_definitions_effort(defs) : NULL;
    if (code == EXIT_DONE && team == NULL)
        code = fail(EXIT_INPUT, cmd, "the definitions have no team: add its activities under "
                    "\"team\" (docs/definitions.md)");
    if (code == EXIT_DONE) code = open_store(&st, cmd, opt(p, cmd, "db"), true);
    /* What is stored already counts: one person's day holds 24 hours. */
    if (code == EXIT_DONE) code = apply_stored_effort(cmd, defs, st);
    size_t first = code == EXIT_DONE ? skpi_effort_entry_count(team) : 0;
    for (size_t i = 1; code == EXIT_DONE && i < p->positional_count; i++) {
        const char *path = p->positional[i];
        size_t before = skpi_effort_entry_count(team);
        int rc = skpi_effort_import_timesheet(team, path, NULL);
        if (rc != SKPI_OK) {
            code = fail_lib_at(cmd, rc, path);
            break;
        }
        double hours = 0;
        for (size_t k = before; k < skpi_effort_entry_count(team); k++) {
            double h;
            skpi_effort_entry(NULL, NULL, NULL, &h, NULL, team, k);
            hours += h;
        }
        if (opt(p, cmd, "quiet") == NULL)
            printf("%s: %zu entries, %g hours\n", path, skpi_effort_entry_count(team) - before, hours);
    }
    /* One transaction: every file or none. */
    if (code == EXIT_DONE) {
        int rc = skpi_store_write_effort(st, team, first);
        if (rc != SKPI_OK) code = fail_lib(cmd, rc);
    }
    skpi_store_free(st);
    skpi_definitions_free(defs);
    return code;
}

const command cmd_effort = {
    "effort",
    "effort import FILE... [--config FILE] [--db PATH]",
    "Import timesheets (date, person or role, activity, hours, cost) into the store.",
    "The activities, people and capacity come from the definitions (\"team\",\n"
    "docs/definitions.md). A timesheet's header names its columns: date, activity,\n"
    "hours, person and/or role, and optionally cost; dates are YYYY-MM-DD (UTC days).\n"
    "A bad row (negative hours, more than 24 hours for one person on a day, an\n"
    "unknown activity or one naming no metric) is an error naming its line, and\n"
    "nothing from any file is stored. docs/resourcing.md explains the figures.\n",
    effort_options, 1, 4096, run_effort
};

static const opt_spec resourcing_options[] = {
    { "config", 0, "FILE", "the definitions with the team and the report (default: $SKPI_CONFIG, else ./skpi.json)" },
    { "report", 'r', "ID", "which report's period, goals and OKRs (default: the first)" },
    { "as-of", 0, "DATE", "the last full period before this date (default: now)" },
    { "format", 'f', "FORMAT", "text (default), html, md, json, csv, pdf or xlsx" },
    { "output", 'o', "FILE", "write to FILE (default: standard output)" },
    { "db", 0, "PATH", "the store (default: $SKPI_DB, else ~/.local/share/socialkpi/skpi.db)" },
    { "generated-at", 0, "TIME", "the time printed as 'generated at', or 'none' (default: now)" },
    { "time-zone", 0, "ZONE", "the report's time zone (default: the definition's)" },
    { "locale", 0, "LOCALE", "numbers in this locale, e.g. de-DE (default: the definition's)" },
    { NULL, 0, NULL, NULL }
};

static int run_resourcing(const command *cmd, const parsed *p)
{
    report_setup s;
    int code = report_setup_open(&s, cmd, p, false);
    if (code == EXIT_DONE && opt(p, cmd, "format") == NULL) s.format = SKPI_FORMAT_TEXT;
    if (code == EXIT_DONE && skpi_definitions_effort(s.defs) == NULL)
        code = fail(EXIT_INPUT, cmd, "the definitions have no team: add its activities under "
                    "\"team\" (docs/definitions.md)");
    report_cli cli = report_cli_of(cmd, p);
    cli.resourcing_only = true;
    if (code == EXIT_DONE)
        code = render_report(cmd, s.defs, s.index, s.ds, s.as_of, s.format, s.generated_at,
                             opt(p, cmd, "output"), &cli);
    report_setup_free(&s);
    return code;
}

const command cmd_resourcing = {
    "resourcing",
    "resourcing --config FILE --as-of DATE [--format text|html|md|json|csv|pdf|xlsx] [-o FILE]",
    "Show where the team's hours went and what they bought: the Resourcing section.",
    "Hours by activity and role, planned against available hours per role,\n"
    "impact per hour against the previous period, least-squares estimates and\n"
    "the recommendations for goals and OKRs at risk, for the report's period\n"
    "(a monthly report as of 2026-04-01: March 2026). Hours come from the\n"
    "store (skpi effort import). docs/resourcing.md explains every figure.\n",
    resourcing_options, 0, 0, run_resourcing
};
