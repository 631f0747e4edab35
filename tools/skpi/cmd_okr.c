/* skpi okr score: each objective tree scored as of a date. */
#define _POSIX_C_SOURCE 200809L
#include "skpi.h"

#include <math.h>
#include <string.h>

static const opt_spec options[] = {
    { "config", 0, "FILE", "the definitions (default: $SKPI_CONFIG, else ./skpi.json)" },
    { "db", 0, "PATH", "the store (default: $SKPI_DB, else ~/.local/share/socialkpi/skpi.db)" },
    { "as-of", 0, "DATE", "check-ins and data before this date count (default: now)" },
    { "objective", 'o', "ID", "only this objective (and those aligned under it)" },
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

static int run(const command *cmd, const parsed *p)
{
    if (strcmp(p->positional[0], "score") != 0)
        return fail(EXIT_USAGE, cmd, "unknown action '%s' (score)", p->positional[0]);
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

const command cmd_okr = {
    "okr",
    "okr score [--config FILE] [--db PATH] [--as-of DATE] [--objective ID]",
    "Score objectives and their key results as of a date (Google's 0.0-1.0 grading).",
    "Each top-level objective is shown with its score, the score rounded to one\n"
    "decimal and its band (red, yellow, green), the score expected by elapsed\n"
    "time, whether it is on track, and what the score means for its type; then\n"
    "each key result with its score and value, then the objectives aligned\n"
    "under it, indented.\n",
    options, 1, 1, run
};
