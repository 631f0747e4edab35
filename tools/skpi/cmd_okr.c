/* skpi okr score: each objective tree scored as of a date;
 * skpi okr checkin: a check-in of a key result recorded in the store. */
#define _POSIX_C_SOURCE 200809L
#include "skpi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const opt_spec options[] = {
    { "config", 0, "FILE", "the definitions (default: $SKPI_CONFIG, else ./skpi.json)" },
    { "db", 0, "PATH", "the store (default: $SKPI_DB, else ~/.local/share/socialkpi/skpi.db)" },
    { "as-of", 0, "DATE", "check-ins and data before this date count (default: now)" },
    { "objective", 'o', "ID", "only this objective (and those aligned under it)" },
    { "value", 'v', "NUMBER", "checkin: the value measured (a milestone: its completion, 0 to 1)" },
    { "confidence", 'c', "NUMBER", "checkin: the owner's confidence of reaching the target, 0 to 1" },
    { "note", 'n', "TEXT", "checkin: what happened" },
    { "author", 0, "NAME", "checkin: who checked in (the report shows it beside the note)" },
    { "at", 0, "TIME", "checkin: when (default: now)" },
    { NULL, 0, NULL, NULL }
};

static const char *id_of(const skpi_definitions *defs, const skpi_objective *obj)
{
    for (size_t i = 0; i < skpi_definitions_objective_count(defs); i++)
        if (skpi_definitions_objective(defs, i) == obj) return skpi_definitions_objective_id(defs, i);
    return "?";
}

static void kr_value(char *buf, size_t size, const skpi_definitions *defs, const skpi_key_result *kr,
                     double value)
{
    int kind = skpi_key_result_kind(kr);
    if (kind == SKPI_KR_MILESTONE) {
        if (isnan(value)) snprintf(buf, size, "no check-in");
        else {
            char done[32];
            format_fraction(done, sizeof done, value);
            snprintf(buf, size, "%s done", done);
        }
        return;
    }
    int unit = SKPI_UNIT_COUNT;
    const skpi_metric *m = NULL;
    if (kind == SKPI_KR_METRIC && skpi_key_result_metric(kr) &&
        skpi_catalog_find(&m, skpi_definitions_catalog(defs), skpi_key_result_metric(kr)) == SKPI_OK)
        unit = skpi_metric_unit(m);
    format_value(buf, size, value, unit);
}

static void print_result(const skpi_definitions *defs, const skpi_objective *obj,
                         const skpi_okr_result *r, int depth)
{
    int pad = depth * 4;
    printf("%*s%s: %s (%s", pad, "", id_of(defs, obj), skpi_objective_title(obj),
           skpi_objective_type(obj) == SKPI_OBJECTIVE_COMMITTED ? "committed" : "aspirational");
    if (skpi_objective_parent(obj)) printf(", weight %g", skpi_objective_alignment_weight(obj));
    printf(")\n");
    printf("%*s  score %.2f (%.1f, %s), expected %.2f, %s, %s\n", pad, "", skpi_okr_result_score(r),
           skpi_okr_result_rounded(r), skpi_okr_band_name(skpi_okr_result_band(r)),
           skpi_okr_result_expected(r), skpi_okr_status_name(skpi_okr_result_status(r)),
           skpi_okr_verdict_name(skpi_okr_result_verdict(r)));
    for (size_t k = 0; k < skpi_okr_result_kr_count(r); k++) {
        const skpi_key_result *kr = skpi_objective_key_result(obj, k);
        double score = NAN, value = NAN;
        int band = 0;
        skpi_okr_result_kr_score(&score, NULL, &band, r, k);
        skpi_okr_result_kr_value(&value, NULL, NULL, r, k);
        char text[64];
        kr_value(text, sizeof text, defs, kr, value);
        printf("%*s  kr %zu  %.2f %-6s  %s (%s)\n", pad, "", k + 1, score, skpi_okr_band_name(band),
               skpi_key_result_title(kr), text);
    }
    for (size_t c = 0; c < skpi_okr_result_child_count(r); c++)
        print_result(defs, skpi_objective_child(obj, c), skpi_okr_result_child(r, c), depth + 1);
}

static int score(const command *cmd, const parsed *p)
{
    if (p->positional_count > 1)
        return fail(EXIT_USAGE, cmd, "unexpected argument '%s' (usage: skpi okr score [OPTIONS])",
                    p->positional[1]);
    static const char *const checkin_only[] = { "value", "confidence", "note", "author", "at" };
    for (size_t i = 0; i < sizeof checkin_only / sizeof checkin_only[0]; i++)
        if (opt(p, cmd, checkin_only[i]))
            return fail(EXIT_USAGE, cmd, "--%s is for 'skpi okr checkin'", checkin_only[i]);
    skpi_time as_of;
    int code = parse_as_of(&as_of, cmd, opt(p, cmd, "as-of"), "as-of");
    if (code != EXIT_DONE) return code;
    skpi_definitions *defs = NULL;
    code = load_definitions(&defs, cmd, opt(p, cmd, "config"));
    if (code != EXIT_DONE) return code;
    size_t only = 0;
    const char *only_id = opt(p, cmd, "objective");
    if (only_id && skpi_definitions_find_objective(&only, defs, only_id) != SKPI_OK) {
        skpi_definitions_free(defs);
        return fail(EXIT_INPUT, cmd, "no objective has the id '%s'", only_id);
    }
    if (skpi_definitions_objective_count(defs) == 0) {
        skpi_definitions_free(defs);
        printf("no objectives in the definitions\n");
        return EXIT_DONE;
    }
    skpi_store *st = NULL;
    skpi_dataset *ds = NULL;
    code = open_store(&st, cmd, opt(p, cmd, "db"), false);
    if (code == EXIT_DONE) code = apply_stored_checkins(cmd, defs, st, false);
    if (code == EXIT_DONE) code = open_dataset(&ds, cmd, st, defs);
    bool first = true;
    for (size_t i = 0; i < skpi_definitions_objective_count(defs) && code == EXIT_DONE; i++) {
        const skpi_objective *obj = skpi_definitions_objective(defs, i);
        /* Trees are scored from their tops; aligned objectives appear under them. */
        if (only_id ? i != only : skpi_objective_parent(obj) != NULL) continue;
        skpi_okr_result *r = NULL;
        int rc = skpi_objective_score(&r, obj, ds, as_of, NULL);
        if (rc != SKPI_OK) {
            code = fail_lib_at(cmd, rc, skpi_definitions_objective_id(defs, i));
            break;
        }
        if (!first) printf("\n");
        first = false;
        print_result(defs, obj, r, 0);
        skpi_okr_result_free(r);
    }
    skpi_dataset_free(ds);
    skpi_store_free(st);
    skpi_definitions_free(defs);
    return code;
}

/* A number option: finite, and within [lo, hi] when lo <= hi. */
static int number_opt(double *out, const command *cmd, const parsed *p, const char *name)
{
    const char *text = opt(p, cmd, name);
    *out = NAN;
    if (text == NULL) return EXIT_DONE;
    char *end = NULL;
    double v = strtod(text, &end);
    if (text[0] == '\0' || *end != '\0' || !isfinite(v))
        return fail(EXIT_USAGE, cmd, "--%s: '%s' is not a number", name, text);
    *out = v;
    return EXIT_DONE;
}

/* The key result named on the command line: its number as `okr score`
 * shows it (1 for the first), or its title. */
static skpi_key_result *find_kr(size_t *index, const skpi_objective *obj, const char *which)
{
    size_t n = skpi_objective_key_result_count(obj);
    char *end = NULL;
    unsigned long k = strtoul(which, &end, 10);
    if (which[0] >= '1' && which[0] <= '9' && *end == '\0' && k >= 1 && k <= n) {
        *index = (size_t)k - 1;
        return skpi_objective_key_result(obj, *index);
    }
    for (size_t i = 0; i < n; i++)
        if (strcmp(skpi_key_result_title(skpi_objective_key_result(obj, i)), which) == 0) {
            *index = i;
            return skpi_objective_key_result(obj, i);
        }
    return NULL;
}

static int record(const command *cmd, const parsed *p, skpi_definitions *defs, skpi_store *st)
{
    const char *id = p->positional[1];
    size_t at = 0, k = 0;
    if (skpi_definitions_find_objective(&at, defs, id) != SKPI_OK)
        return fail(EXIT_INPUT, cmd, "no objective has the id '%s'", id);
    const skpi_objective *obj = skpi_definitions_objective(defs, at);
    skpi_key_result *kr = find_kr(&k, obj, p->positional[2]);
    if (kr == NULL)
        return fail(EXIT_INPUT, cmd, "objective '%s' has no key result '%s' (give its number, 1 to %zu, or its title)",
                    id, p->positional[2], skpi_objective_key_result_count(obj));
    double value, confidence;
    skpi_time when;
    int code = number_opt(&value, cmd, p, "value");
    if (code == EXIT_DONE) code = number_opt(&confidence, cmd, p, "confidence");
    if (code == EXIT_DONE) code = parse_as_of(&when, cmd, opt(p, cmd, "at"), "at");
    if (code != EXIT_DONE) return code;
    /* The store's check-ins first, so that a second one at the same time is refused. */
    code = apply_stored_checkins(cmd, defs, st, true);
    if (code != EXIT_DONE) return code;
    char where[64];
    snprintf(where, sizeof where, "%s, key result %zu", id, k + 1);
    int rc = skpi_key_result_add_checkin_by(kr, when, value, confidence, opt(p, cmd, "note"),
                                            opt(p, cmd, "author"));
    if (rc != SKPI_OK) {
        /* The library counts key results from 0 and names the objective by
         * its title; say what the user typed instead. */
        const char *msg = strstr(skpi_last_error(), "\"): ");
        if (msg == NULL) return fail_lib_at(cmd, rc, where);
        return fail(exit_code_of(rc), cmd, "%s (\"%s\"): %s", where, skpi_key_result_title(kr), msg + 4);
    }
    rc = skpi_store_write_definitions(st, defs);
    if (rc != SKPI_OK) return fail_lib_at(cmd, rc, where);
    char date[40] = "?";
    skpi_time_format(date, sizeof date, when, 0);
    printf("recorded: check-in of %s \"%s\" at %s\n", where, skpi_key_result_title(kr), date);
    return EXIT_DONE;
}

static int checkin(const command *cmd, const parsed *p)
{
    if (p->positional_count != 3)
        return fail(EXIT_USAGE, cmd, "checkin needs an objective and a key result "
                    "(usage: skpi okr checkin OBJECTIVE KEY_RESULT --value NUMBER)");
    if (opt(p, cmd, "as-of") || opt(p, cmd, "objective"))
        return fail(EXIT_USAGE, cmd, "--%s is for 'skpi okr score'", opt(p, cmd, "as-of") ? "as-of" : "objective");
    if (!opt(p, cmd, "value") && !opt(p, cmd, "confidence"))
        return fail(EXIT_USAGE, cmd, "give --value, --confidence or both");
    skpi_definitions *defs = NULL;
    int code = load_definitions(&defs, cmd, opt(p, cmd, "config"));
    if (code != EXIT_DONE) return code;
    skpi_store *st = NULL;
    code = open_store(&st, cmd, opt(p, cmd, "db"), true);
    if (code == EXIT_DONE) code = record(cmd, p, defs, st);
    skpi_store_free(st);
    skpi_definitions_free(defs);
    return code;
}

static int run(const command *cmd, const parsed *p)
{
    if (strcmp(p->positional[0], "score") == 0) return score(cmd, p);
    if (strcmp(p->positional[0], "checkin") == 0) return checkin(cmd, p);
    return fail(EXIT_USAGE, cmd, "unknown action '%s' (score or checkin)", p->positional[0]);
}

const command cmd_okr = {
    "okr",
    "okr score [--as-of DATE] [--objective ID] | okr checkin OBJECTIVE KEY_RESULT --value NUMBER [--note TEXT] [--author NAME]",
    "Score objectives and their key results (Google's 0.0-1.0 grading), or record a check-in.",
    "score: each top-level objective is shown with its score, the score rounded\n"
    "to one decimal and its band (red, yellow, green), the score expected by\n"
    "elapsed time, whether it is on track, and what the score means for its\n"
    "type; then each key result with its score and value, then the objectives\n"
    "aligned under it, indented.\n"
    "checkin: records a check-in of one key result (its number as 'score'\n"
    "shows it, or its title) in the store: --value (a milestone's completion\n"
    "from 0 to 1), --confidence from 0 to 1, --note, --author (who checked\n"
    "in), --at (default: now).\n"
    "The objectives stay in the definitions file; 'score', 'report' and 'send'\n"
    "read the check-ins of both the file and the store.\n",
    options, 1, 3, run
};
