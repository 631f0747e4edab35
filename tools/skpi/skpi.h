/* The skpi command-line tool: what its commands share. */
#ifndef SKPI_TOOL_H
#define SKPI_TOOL_H

#include <socialkpi.h>
#include <stdbool.h>
#include <stdio.h>

/* Exit codes, documented in docs/skpi.md and `skpi --help`. */
enum {
    EXIT_DONE = 0,     /* the command did what it was asked */
    EXIT_CHECKS = 1,   /* it ran, and found what it reports: a SMART letter failed */
    EXIT_USAGE = 2,    /* the command line is wrong */
    EXIT_INPUT = 3,    /* an input is invalid: an export, the definitions, a date */
    EXIT_IO = 4,       /* a file or the store cannot be read or written */
    EXIT_INTERNAL = 5, /* out of memory, or a fault of the tool */
    EXIT_SEND = 6,     /* sending failed: the server refused or could not be reached */
    EXIT_NO_DATA = 7   /* the report was made, but its period has no data (it says so) */
};

/* ---- options (args.c) ---- */

typedef struct opt_spec {
    const char *name;   /* long name without "--" */
    char short_name;    /* 0 when none */
    const char *arg;    /* the argument's name in the help, NULL for a flag */
    const char *help;
} opt_spec;

typedef struct parsed {
    const char *values[24]; /* by spec index; a flag's value is "" when given */
    const char *positional[4096];
    size_t positional_count;
} parsed;

typedef struct command {
    const char *name;
    const char *synopsis;   /* after "skpi " */
    const char *summary;    /* one line */
    const char *details;    /* paragraphs for --help */
    const opt_spec *options;
    size_t min_args, max_args;
    int (*run)(const struct command *cmd, const parsed *p);
} command;

/* Parse argv after the command's name; on a usage error prints it and
 * returns EXIT_USAGE; returns -1 after printing --help; else EXIT_DONE. */
int parse_args(parsed *out, const command *cmd, int argc, char **argv);
void print_help(FILE *fp, const command *cmd);
/* The value of an option, or NULL. */
const char *opt(const parsed *p, const command *cmd, const char *name);

/* ---- errors (common.c) ---- */

/* Print "skpi CMD: message" on one line and return `code`. */
int fail(int code, const command *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* The same with the library's last message, the exit code chosen by `rc`. */
int fail_lib(const command *cmd, int rc);
/* The library's message with a context in front ("goals.json: ..."). */
int fail_lib_at(const command *cmd, int rc, const char *context);
int exit_code_of(int rc);

/* ---- shared steps (common.c) ---- */

/* The store path: --db, $SKPI_DB, $XDG_DATA_HOME/socialkpi/skpi.db, or
 * ~/.local/share/socialkpi/skpi.db. */
int store_path(char *buf, size_t size, const char *given);
/* Open the store; read-only stores must exist. Creates missing folders for
 * read-write stores. */
int open_store(skpi_store **out, const command *cmd, const char *given, bool write);
/* The definitions: --config, $SKPI_CONFIG, or ./skpi.json. */
int load_definitions(skpi_definitions **out, const command *cmd, const char *given);
/* The report `id` of the definitions (NULL: the first); a usage message
 * when there is none. */
int find_report(size_t *out, const command *cmd, const skpi_definitions *defs, const char *id);
/* A dataset over the store with the definitions' catalog. */
int open_dataset(skpi_dataset **out, const command *cmd, skpi_store *st,
                 const skpi_definitions *defs);
/* --as-of: a date or time; NULL means now. */
int parse_as_of(skpi_time *out, const command *cmd, const char *text, const char *option);
/* Add the check-ins the store holds (skpi okr checkin) to the definitions'
 * key results, matched by objective id and key result title (checkins.c).
 * Check-ins of a key result the file no longer has: left out with a
 * warning, or when `strict` (before saving) an input error. */
int apply_stored_checkins(const command *cmd, skpi_definitions *defs, skpi_store *st, bool strict);
/* Create a folder and its parents. */
int make_dirs(const char *path);
/* Numbers for people: thousands separators, and decimals for non-counts. */
void format_value(char *buf, size_t size, double v, int unit);
void format_fraction(char *buf, size_t size, double v);

/* ---- commands ---- */

extern const command cmd_import, cmd_goals, cmd_okr, cmd_report, cmd_metrics, cmd_demo, cmd_send,
    cmd_fleet, cmd_effort, cmd_resourcing, cmd_posts, cmd_campaign;
/* Add the hours the store holds to the definitions' team (cmd_effort.c). */
int apply_stored_effort(const command *cmd, skpi_definitions *defs, skpi_store *st);

/* Shared by import and demo: import files into the store in one transaction. */
typedef struct import_file {
    const char *path;
    const char *shown;   /* the name printed; NULL: the path */
    const char *channel; /* NULL: from the file */
} import_file;
int import_files(const command *cmd, skpi_store *st, const skpi_catalog *cat,
                 const import_file *files, size_t n, const skpi_import_options *base,
                 bool quiet, const char *shown_db);
/* Shared by report and demo: --format (html by default), --as-of (NULL
 * default: now) and --generated-at (now by default, or 'none'). */
int parse_render_options(int *format, skpi_time *as_of, skpi_time *generated_at, const command *cmd,
                         const parsed *p, const char *default_as_of);
/* What report and send start from: the render options, the definitions
 * (--config), the report in them (--report), the store (--db) and its
 * dataset. report_setup_free() frees what was opened, after a failure too. */
typedef struct report_setup {
    int format;
    skpi_time as_of, generated_at;
    skpi_definitions *defs;
    size_t index;
    skpi_store *st;
    skpi_dataset *ds;
} report_setup;
int report_setup_open(report_setup *out, const command *cmd, const parsed *p, bool write);
void report_setup_free(report_setup *s);
/* What the command line changes in a report definition: --time-zone,
 * --locale, and --as-of as written (read again in the report's zone). */
typedef struct report_cli {
    const char *time_zone, *locale, *as_of;
    /* --from, --to, --range-name, --compare, --compare-from, --compare-to,
     * --compare-name (NULL when not given) */
    const char *from, *to, *range_name, *compare, *compare_from, *compare_to, *compare_name;
    const char *competitors, *benchmarks, *industry; /* files and the industry; NULL: none */
    bool resourcing_only; /* skpi resourcing: that section alone */
    const char *campaign; /* skpi campaign report NAME: the campaign's name */
} report_cli;
/* Apply the range options to a report whose calendar is set (ranges.c);
 * an SKPI_ code, the message naming the flag. */
int apply_range_options(skpi_report *report, const report_cli *cli);
report_cli report_cli_of(const command *cmd, const parsed *p);
/* "no data for the period" and what came of it; returns EXIT_NO_DATA. */
int no_data(const command *cmd, const skpi_report *report, const char *outcome);
/* Assemble a report and render it to a file, or to stdout for NULL or "-";
 * EXIT_NO_DATA when its period has no data. */
int render_report(const command *cmd, const skpi_definitions *defs, size_t report,
                  skpi_dataset *ds, skpi_time as_of, int format, skpi_time generated_at,
                  const char *output, const report_cli *cli);

#endif
