/* A key result's target taken from an industry benchmark. */
#include "okr/okr_internal.h"
#include "socialkpi/compete.h"
#include "core/selector.h"


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
    return skpi_key_result_set_range(kr, kr->start, skpi_benchmarks_value(b, row));
}
