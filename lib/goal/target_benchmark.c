/* A goal's target taken from an industry benchmark: the benchmark's value
 * becomes an absolute target, and its source travels with the goal so that
 * reports can say where the number comes from (and files and stores can
 * give it back). */
#include "goal/goal_internal.h"
#include "socialkpi/compete.h"
#include "core/selector.h"
#include "core/target_source.h"


int skpi_goal_set_target_benchmark(skpi_goal *g, const skpi_benchmarks *b, const char *industry)
{
    static const char fn[] = "skpi_goal_set_target_benchmark";
    if (g == NULL || b == NULL || industry == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: NULL argument", fn);
    if (g->metric == NULL)
        return skpi__error(SKPI_EINVAL, "%s: set the goal's metric first (skpi_goal_set_metric())", fn);
    /* The goal's network when its channel stays inside one. */
    char network[64];
    skpi__selector_network(network, sizeof network, g->channel);
    size_t row;
    int rc = skpi_benchmarks_find(&row, b, g->metric, network[0] ? network : NULL, industry, g->cadence);
    if (rc != SKPI_OK) return rc;
    char *source = skpi__target_source_of_benchmark(skpi_benchmarks_industry(b, row),
                                                    skpi_benchmarks_source(b, row));
    if (source == NULL) return SKPI_ENOMEM;
    if ((rc = skpi_goal_set_target(g, SKPI_TARGET_ABSOLUTE, skpi_benchmarks_value(b, row))) != SKPI_OK) {
        skpi__free(source);
        return rc;
    }
    g->target_source = source;
    return SKPI_OK;
}

int skpi_goal_set_target_source(skpi_goal *g, const char *source)
{
    static const char fn[] = "skpi_goal_set_target_source";
    if (g == NULL) return skpi__error(SKPI_EMISUSE, "%s: goal is NULL", fn);
    char *copy = NULL;
    if (source != NULL && source[0] != '\0') {
        if (g->target_kind != SKPI_TARGET_ABSOLUTE)
            return skpi__error(SKPI_EINVAL, "%s: only an absolute target comes from a benchmark; "
                               "set one first (skpi_goal_set_target())", fn);
        int rc = skpi__target_source_check(source, fn);
        if (rc != SKPI_OK) return rc;
        if ((copy = skpi__strdup(source)) == NULL) return skpi__nomem();
    }
    skpi__free(g->target_source);
    g->target_source = copy;
    return SKPI_OK;
}

const char *skpi_goal_target_source(const skpi_goal *g) { return g ? g->target_source : NULL; }
