/* skpi fleet: every account's report of a fleet on Dask. The fleet runs in
 * Python (Dask is a Python engine), so this command hands its checked
 * options to `python3 -m socialkpi.fleet` and reports its outcome in skpi's
 * exit codes. */
#include "skpi.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const opt_spec options[] = {
    { "accounts", 0, "FILE", "the accounts file (JSON: id, store, definitions, exports per account)" },
    { "as-of", 0, "DATE", "the reports' date, YYYY-MM-DD" },
    { "scheduler", 0, "ADDR", "a Dask scheduler (tcp://host:8786); a local cluster when left out" },
    { "format", 'f', "FORMAT", "html (default), markdown, text, json, csv, xlsx or pdf" },
    { "report", 0, "ID", "the report definition (default: each account's first)" },
    { "out", 'o', "PATTERN", "where each report goes: {account}, {ext}, {as_of}, {store_dir}" },
    { NULL, 0, NULL, NULL }
};

/* The interpreter: SKPI_PYTHON when set, else python3 on the PATH. */
static const char *python(void)
{
    const char *p = getenv("SKPI_PYTHON");
    return p && *p ? p : "python3";
}

/* The module's status in skpi's codes: 1 (an account failed, or the
 * accounts file is wrong) is an input error; 2 stays a usage error. */
static int exit_code_of_status(int status)
{
    if (!WIFEXITED(status)) return EXIT_INTERNAL;
    switch (WEXITSTATUS(status)) {
    case 0: return EXIT_DONE;
    case 1: return EXIT_INPUT;
    case 2: return EXIT_USAGE;
    case 127: return EXIT_IO;
    default: return EXIT_INTERNAL;
    }
}

static int run(const command *cmd, const parsed *p)
{
    if (strcmp(p->positional[0], "report") != 0)
        return fail(EXIT_USAGE, cmd, "'%s' is not an action: the action is 'report'", p->positional[0]);
    if (!opt(p, cmd, "accounts")) return fail(EXIT_USAGE, cmd, "--accounts FILE is required");
    if (!opt(p, cmd, "as-of")) return fail(EXIT_USAGE, cmd, "--as-of DATE is required");
    skpi_time as_of;
    int code = parse_as_of(&as_of, cmd, opt(p, cmd, "as-of"), "as-of");
    if (code != EXIT_DONE) return code;

    const char *argv[4 + 2 * (sizeof options / sizeof options[0]) + 1];
    size_t n = 0;
    argv[n++] = python();
    argv[n++] = "-m";
    argv[n++] = "socialkpi.fleet";
    argv[n++] = "report";
    char flags[sizeof options / sizeof options[0]][16];
    for (size_t i = 0; options[i].name; i++) {
        const char *v = opt(p, cmd, options[i].name);
        if (!v) continue;
        snprintf(flags[i], sizeof flags[i], "--%s", options[i].name);
        argv[n++] = flags[i];
        argv[n++] = v;
    }
    argv[n] = NULL;

    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) return fail(EXIT_INTERNAL, cmd, "cannot start %s: %s", argv[0], strerror(errno));
    if (pid == 0) {
        execvp(argv[0], (char *const *)argv);
        fprintf(stderr, "skpi fleet: cannot run %s (%s): the fleet needs Python 3 with the socialkpi "
                        "package and Dask (python3-dask, python3-distributed); SKPI_PYTHON names another "
                        "interpreter\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return fail(EXIT_INTERNAL, cmd, "lost the fleet process: %s", strerror(errno));
    return exit_code_of_status(status);
}

const command cmd_fleet = {
    "fleet",
    "fleet report --accounts FILE --as-of DATE [--scheduler ADDR] [--format F] [--out PATTERN]",
    "Render every account's report of a fleet, in parallel on Dask.",
    "Runs `python3 -m socialkpi.fleet report` (the socialkpi Python package with\n"
    "Dask; SKPI_PYTHON names another interpreter) on a local cluster sized to\n"
    "the machine, or on the Dask scheduler --scheduler names. Each account's\n"
    "report is rendered where its store is and written beside it, or where\n"
    "--out says. One line per account is printed; an account that fails is\n"
    "named with its message and the others still get their reports (exit 3).\n"
    "See docs/fleet.md.\n",
    options, 1, 1, run
};
