/* skpi metrics: the metric catalog, built-in and custom. */
#include "skpi.h"

#include <string.h>

static const opt_spec options[] = {
    { "config", 0, "FILE", "definitions whose custom metrics to list as well" },
    { "kind", 'k', "KIND", "only flow, stock or derived metrics" },
    { NULL, 0, NULL, NULL }
};

static int run(const command *cmd, const parsed *p)
{
    skpi_definitions *defs = NULL;
    const char *config = opt(p, cmd, "config");
    if (config) {
        int code = load_definitions(&defs, cmd, config);
        if (code != EXIT_DONE) return code;
    }
    const char *kind = opt(p, cmd, "kind");
    int only = -1;
    if (kind) {
        for (int k = SKPI_KIND_FLOW; k <= SKPI_KIND_DERIVED; k++)
            if (strcmp(kind, skpi_metric_kind_name(k)) == 0) only = k;
        if (only < 0) {
            skpi_definitions_free(defs);
            return fail(EXIT_USAGE, cmd, "--kind: '%s' is not flow, stock or derived", kind);
        }
    }
    const skpi_catalog *cat = defs ? skpi_definitions_catalog(defs) : skpi_catalog_builtin();
    size_t key_width = 3;
    for (size_t i = 0; i < skpi_catalog_count(cat); i++) {
        size_t n = strlen(skpi_metric_key(skpi_catalog_metric_at(cat, i)));
        if (n > key_width) key_width = n;
    }
    printf("%-*s  %-7s  %-8s  %-9s  %s\n", (int)key_width, "key", "kind", "unit", "better", "label");
    for (size_t i = 0; i < skpi_catalog_count(cat); i++) {
        const skpi_metric *m = skpi_catalog_metric_at(cat, i);
        int k = skpi_metric_kind_of(m);
        if (only >= 0 && k != only) continue;
        printf("%-*s  %-7s  %-8s  %-9s  %s", (int)key_width, skpi_metric_key(m), skpi_metric_kind_name(k),
               skpi_unit_name(skpi_metric_unit(m)), skpi_direction_name(skpi_metric_direction(m)),
               skpi_metric_label(m));
        if (skpi_metric_formula(m)) printf(" = %s", skpi_metric_formula(m));
        printf("\n");
    }
    skpi_definitions_free(defs);
    return EXIT_DONE;
}

const command cmd_metrics = {
    "metrics",
    "metrics [--config FILE] [--kind flow|stock|derived]",
    "List the metric catalog: key, kind, unit, which way is better, label and formula.",
    "Flows are summed over a period, stocks read at its end, derived metrics\n"
    "computed from their components' totals. With --config, the custom metrics\n"
    "of the definitions are listed too (and changed labels and formulas shown).\n",
    options, 0, 0, run
};
