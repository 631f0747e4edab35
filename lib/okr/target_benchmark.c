/* A key result's target taken from an industry benchmark; its source
 * travels with the key result, as a goal's does, for the report to show. */
#include "okr/okr_internal.h"
#include "socialkpi/compete.h"
#include "core/selector.h"
#include "core/target_source.h"


int skpi_key_result_set_target_benchmark(skpi_key_result *kr, const skpi_benchmarks *b, const char *industry)
{
    static const char fn[] = "skpi_key_result_set_target_benchmark";
    if (kr == NULL || b == NULL || industry == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: NULL argument", fn);
    if (kr->metric == NULL)
        return skpi__error(SKPI_EINVAL, "%s: the key result is not linked to a metric "
                           "(skpi_key_result_set_metric())", fn);
    if (!kr->has_range)
        return skpi__error(SKPI_EINVAL, "%s: set the key result's start first (skpi_key_result_set_range())", fn);
    char network[64];
    skpi__selector_network(network, sizeof network, kr->selector);
    size_t row;
    int rc = skpi_benchmarks_find(&row, b, kr->metric, network[0] ? network : NULL, industry, -1);
    if (rc != SKPI_OK) return rc;
    char *source = skpi__target_source_of_benchmark(skpi_benchmarks_industry(b, row),
                                                    skpi_benchmarks_source(b, row));
    if (source == NULL) return SKPI_ENOMEM;
    if ((rc = skpi_key_result_set_range(kr, kr->start, skpi_benchmarks_value(b, row))) != SKPI_OK) {
        skpi__free(source);
        return rc;
    }
    kr->target_source = source;
    return SKPI_OK;
}

int skpi_key_result_set_target_source(skpi_key_result *kr, const char *source)
{
    static const char fn[] = "skpi_key_result_set_target_source";
    if (kr == NULL) return skpi__error(SKPI_EMISUSE, "%s: kr is NULL", fn);
    char *copy = NULL;
    if (source != NULL && source[0] != '\0') {
        if (!kr->has_range)
            return skpi__error(SKPI_EINVAL, "%s: the key result has no target to come from a "
                               "benchmark; set its range first (skpi_key_result_set_range())", fn);
        int rc = skpi__target_source_check(source, fn);
        if (rc != SKPI_OK) return rc;
        if ((copy = skpi__strdup(source)) == NULL) return skpi__nomem();
    }
    skpi__free(kr->target_source);
    kr->target_source = copy;
    return SKPI_OK;
}

const char *skpi_key_result_target_source(const skpi_key_result *kr)
{
    return kr ? kr->target_source : NULL;
}
