/* What the commands share: one-line errors and exit codes, the store and
 * definitions they read, dates, and numbers for people. */
#define _POSIX_C_SOURCE 200809L
#include "skpi.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Messages go on one line, whatever the library or a file name holds. */
static void one_line(char *s)
{
    for (; *s; s++)
        if (*s == '\n' || *s == '\r' || *s == '\t') *s = ' ';
}

int fail(int code, const command *cmd, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    one_line(msg);
    if (cmd) fprintf(stderr, "skpi %s: %s\n", cmd->name, msg);
    else fprintf(stderr, "skpi: %s\n", msg);
    return code;
}

int exit_code_of(int rc)
{
    switch (rc) {
    case SKPI_OK: return EXIT_DONE;
    case SKPI_EIO: return EXIT_IO;
    case SKPI_ENOMEM:
    case SKPI_EMISUSE:
    case SKPI_ECALLBACK: return EXIT_INTERNAL;
    default: return EXIT_INPUT;
    }
}

/* The library's message without the name of the function that set it
 * ("skpi_sink_file: cannot open ..."), which means nothing to a user. */
static const char *lib_message(int rc)
{
    const char *msg = skpi_last_error();
    if (msg[0] == '\0') return skpi_strerror(rc);
    if (strncmp(msg, "skpi_", 5) == 0) {
        size_t n = strspn(msg, "abcdefghijklmnopqrstuvwxyz0123456789_");
        if (msg[n] == ':' && msg[n + 1] == ' ') msg += n + 2;
    }
    return msg;
}

int fail_lib(const command *cmd, int rc)
{
    return fail(exit_code_of(rc), cmd, "%s", lib_message(rc));
}

int fail_lib_at(const command *cmd, int rc, const char *context)
{
    return fail(exit_code_of(rc), cmd, "%s: %s", context, lib_message(rc));
}

int store_path(char *buf, size_t size, const char *given)
{
    const char *env = getenv("SKPI_DB");
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n;
    if (given) n = snprintf(buf, size, "%s", given);
    else if (env && env[0]) n = snprintf(buf, size, "%s", env);
    else if (xdg && xdg[0]) n = snprintf(buf, size, "%s/socialkpi/skpi.db", xdg);
    else if (home && home[0]) n = snprintf(buf, size, "%s/.local/share/socialkpi/skpi.db", home);
    else n = snprintf(buf, size, "skpi.db");
    return n > 0 && (size_t)n < size ? 0 : -1;
}

int make_dirs(const char *path)
{
    char buf[4096];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) return -1;
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST) return -1;
        *p = '/';
    }
    if (mkdir(buf, 0777) != 0 && errno != EEXIST) return -1;
    return 0;
}

int open_store(skpi_store **out, const command *cmd, const char *given, bool write)
{
    char path[4096];
    if (store_path(path, sizeof path, given) != 0) return fail(EXIT_USAGE, cmd, "the store path is too long");
    skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
    if (write) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s", path);
        char *slash = strrchr(dir, '/');
        if (slash && slash != dir) {
            *slash = '\0';
            if (make_dirs(dir) != 0)
                return fail(EXIT_IO, cmd, "cannot create the folder '%s' for the store: %s", dir,
                            strerror(errno));
        }
    } else {
        o.read_only = 1;
        o.create = 0;
        if (access(path, F_OK) != 0)
            return fail(EXIT_IO, cmd, "no store at '%s' (import exports into it first: skpi import FILE...)",
                        path);
    }
    int rc = skpi_store_open(out, path, &o);
    return rc == SKPI_OK ? EXIT_DONE : fail_lib(cmd, rc);
}

int load_definitions(skpi_definitions **out, const command *cmd, const char *given)
{
    const char *path = given;
    if (path == NULL) path = getenv("SKPI_CONFIG");
    if (path == NULL || path[0] == '\0') {
        if (access("skpi.json", F_OK) != 0)
            return fail(EXIT_USAGE, cmd, "no definitions: give --config FILE (or put them in ./skpi.json)");
        path = "skpi.json";
    }
    int rc = skpi_definitions_load_file(out, path, NULL);
    return rc == SKPI_OK ? EXIT_DONE : fail_lib(cmd, rc);
}

int find_report(size_t *out, const command *cmd, const skpi_definitions *defs, const char *id)
{
    *out = 0;
    if (skpi_definitions_report_count(defs) == 0)
        return fail(EXIT_INPUT, cmd, "the definitions hold no report (add one under \"reports\")");
    if (id && skpi_definitions_find_report(out, defs, id) != SKPI_OK)
        return fail(EXIT_INPUT, cmd, "no report has the id '%s'", id);
    return EXIT_DONE;
}

int open_dataset(skpi_dataset **out, const command *cmd, skpi_store *st, const skpi_definitions *defs)
{
    /* Everything, read at once: the SMART check and the forecasts look at
     * the whole history of a series, not only the periods they query. */
    skpi_period all = { skpi_time_min(), skpi_time_max() + 1 };
    int rc = skpi_store_read_dataset(out, st, skpi_definitions_catalog(defs), all);
    /* The definitions' competitors' channels stay out of our totals. */
    if (rc == SKPI_OK && (rc = skpi_definitions_mark_competitors(defs, *out)) != SKPI_OK) {
        skpi_dataset_free(*out);
        *out = NULL;
    }
    return rc == SKPI_OK ? EXIT_DONE : fail_lib(cmd, rc);
}

int parse_as_of(skpi_time *out, const command *cmd, const char *text, const char *option)
{
    if (text == NULL) {
        *out = (skpi_time)time(NULL);
        return EXIT_DONE;
    }
    int rc = skpi_time_parse(out, text);
    if (rc == SKPI_OK) return EXIT_DONE;
    const char *msg = skpi_last_error();
    if (strncmp(msg, "skpi_time_parse: ", 17) == 0) msg += 17;
    return fail(EXIT_USAGE, cmd, "--%s: '%s' is not a date like 2026-04-01 (%s)", option, text, msg);
}

/* Figures as the reports show them: the library's one formatter. */
void format_value(char *buf, size_t size, double v, int unit)
{
    if (skpi_format_value(buf, size, v, unit, NULL) != SKPI_OK) snprintf(buf, size, "?");
}

/* A fraction as a whole percent ("62%"), as reports show progress. */
void format_fraction(char *buf, size_t size, double v)
{
    skpi_number_options o = SKPI_NUMBER_OPTIONS_INIT;
    o.decimals = 0;
    if (skpi_format_value(buf, size, v * 100.0, SKPI_UNIT_PERCENT, &o) != SKPI_OK)
        snprintf(buf, size, "?");
}
