/* skpi goals check|status: the SMART check of each goal, and where each
 * goal stands as of a date. */
#define _POSIX_C_SOURCE 200809L
#include "skpi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const opt_spec options[] = {
    { "config", 0, "FILE", "the definitions (default: $SKPI_CONFIG, else ./skpi.json)" },
    { "db", 0, "PATH", "the store (default: $SKPI_DB, else ~/.local/share/socialkpi/skpi.db)" },
    { "as-of", 0, "DATE", "status: data before this date count (default: now)" },
    { "goal", 'g', "ID", "only this goal" },
    { NULL, 0, NULL, NULL }
};

static int metric_unit(const skpi_definitions *defs, const char *key)
{
    const skpi_metric *m = NULL;
    if (key && skpi_catalog_find(&m, skpi_definitions_catalog(defs), key) == SKPI_OK) return skpi_metric_unit(m);
    return SKPI_UNIT_COUNT;
}

static int check_goal(const command *cmd, const char *id, const skpi_goal *g, skpi_dataset *ds,
                      bool *failed)
{
    skpi_goal_check_result *r = NULL;
    int rc = skpi_goal_check(&r, g, ds, NULL);
    if (rc != SKPI_OK) return fail_lib_at(cmd, rc, id);
    printf("%s: %s\n", id, skpi_goal_name(g));
    for (int letter = SKPI_SMART_SPECIFIC; letter <= SKPI_SMART_TIME_BOUND; letter++) {
        int verdict = skpi_goal_check_verdict(r, letter);
        printf("  %-11s %-5s %s\n", skpi_smart_letter_name(letter), skpi_verdict_name(verdict),
               skpi_goal_check_reason(r, letter));
    }
    int overall = skpi_goal_check_overall(r);
    printf("  %-11s %s\n", "overall", skpi_verdict_name(overall));
    if (overall == SKPI_VERDICT_FAIL) *failed = true;
    skpi_goal_check_free(r);
    return EXIT_DONE;
}

/* One row of the status table. */
typedef struct row {
    char cells[8][64];
} row;

static int status_row(row *out, const command *cmd, const char *id, const skpi_goal *g,
                      const skpi_definitions *defs, skpi_dataset *ds, skpi_time as_of)
{
    skpi_goal_evaluation *ev = NULL;
    int rc = skpi_goal_evaluate(&ev, g, ds, NULL, as_of, NULL);
    if (rc != SKPI_OK) return fail_lib_at(cmd, rc, id);
    int unit = metric_unit(defs, skpi_goal_metric(g));
    snprintf(out->cells[0], 64, "%s", id);
    snprintf(out->cells[1], 64, "%s", skpi_goal_status_name(skpi_goal_evaluation_status(ev)));
    format_value(out->cells[2], 64, skpi_goal_evaluation_current(ev).value, unit);
    format_value(out->cells[3], 64, skpi_goal_evaluation_target(ev), unit);
    format_fraction(out->cells[4], 64, skpi_goal_evaluation_progress(ev));
    format_fraction(out->cells[5], 64, skpi_goal_evaluation_expected_progress(ev));
    format_value(out->cells[6], 64, skpi_goal_evaluation_forecast(ev), unit);
    format_fraction(out->cells[7], 64, skpi_goal_evaluation_likelihood(ev));
    skpi_goal_evaluation_free(ev);
    return EXIT_DONE;
}

static void print_table(const row *rows, size_t n)
{
    size_t width[8] = { 0 };
    for (size_t i = 0; i < n; i++)
        for (size_t c = 0; c < 8; c++)
            if (strlen(rows[i].cells[c]) > width[c]) width[c] = strlen(rows[i].cells[c]);
    for (size_t i = 0; i < n; i++) {
        for (size_t c = 0; c < 8; c++) {
            /* Text columns to the left, numbers to the right. */
            if (c < 2) printf("%-*s  ", (int)width[c], rows[i].cells[c]);
            else printf("%*s%s", (int)width[c], rows[i].cells[c], c == 7 ? "\n" : "  ");
        }
    }
}

static int run(const command *cmd, const parsed *p)
{
    const char *what = p->positional[0];
    bool check = strcmp(what, "check") == 0;
    if (!check && strcmp(what, "status") != 0)
        return fail(EXIT_USAGE, cmd, "unknown action '%s' (check or status)", what);
    skpi_time as_of;
    int code = parse_as_of(&as_of, cmd, opt(p, cmd, "as-of"), "as-of");
    if (code != EXIT_DONE) return code;
    skpi_definitions *defs = NULL;
    code = load_definitions(&defs, cmd, opt(p, cmd, "config"));
    if (code != EXIT_DONE) return code;
    size_t first = 0, last = skpi_definitions_goal_count(defs);
    const char *only = opt(p, cmd, "goal");
    if (only) {
        if (skpi_definitions_find_goal(&first, defs, only) != SKPI_OK) {
            skpi_definitions_free(defs);
            return fail(EXIT_INPUT, cmd, "no goal has the id '%s'", only);
        }
        last = first + 1;
    }
    if (first == last) {
        skpi_definitions_free(defs);
        printf("no goals in the definitions\n");
        return EXIT_DONE;
    }
    skpi_store *st = NULL;
    skpi_dataset *ds = NULL;
    char path[4096];
    store_path(path, sizeof path, opt(p, cmd, "db"));
    /* A goal can be checked before any data is imported; its status cannot. */
    if (check && access(path, F_OK) != 0) {
        fprintf(stderr, "skpi goals: no store at '%s': checking without data\n", path);
    } else {
        code = open_store(&st, cmd, opt(p, cmd, "db"), false);
        if (code == EXIT_DONE) code = open_dataset(&ds, cmd, st, defs);
    }
    bool failed = false;
    row *rows = check ? NULL : calloc(last - first + 1, sizeof *rows);
    if (!check && rows == NULL && code == EXIT_DONE) code = fail(EXIT_INTERNAL, cmd, "out of memory");
    if (rows) {
        static const char *const head[8] = { "goal", "status", "current", "target", "progress",
                                             "expected", "forecast", "likelihood" };
        for (size_t c = 0; c < 8; c++) snprintf(rows[0].cells[c], 64, "%s", head[c]);
    }
    for (size_t i = first; i < last && code == EXIT_DONE; i++) {
        const char *id = skpi_definitions_goal_id(defs, i);
        const skpi_goal *g = skpi_definitions_goal(defs, i);
        code = check ? check_goal(cmd, id, g, ds, &failed)
                     : status_row(&rows[i - first + 1], cmd, id, g, defs, ds, as_of);
    }
    if (code == EXIT_DONE && rows) print_table(rows, last - first + 1);
    free(rows);
    skpi_dataset_free(ds);
    skpi_store_free(st);
    skpi_definitions_free(defs);
    if (code == EXIT_DONE && failed) return EXIT_CHECKS;
    return code;
}

const command cmd_goals = {
    "goals",
    "goals check|status [--config FILE] [--db PATH] [--as-of DATE] [--goal ID]",
    "Check goals against the SMART criteria, or show where each goal stands.",
    "check: one verdict per letter (pass, warn, fail) with the reason; the exit\n"
    "code is 1 when a goal fails a letter. Without a store, the letters that\n"
    "need data warn.\n"
    "status: as of --as-of, each goal's status, current value, target, progress\n"
    "from baseline (0 %) to target (100 %), the progress expected by now, the\n"
    "forecast at the deadline and the likelihood of reaching the target.\n",
    options, 1, 1, run
};
