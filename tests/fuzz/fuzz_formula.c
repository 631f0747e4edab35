/* libFuzzer target for derived-metric formulas: checked, defined, replaced
 * and evaluated. An input is a byte of options, then two formulas, one per
 * line, then bytes that become the data. The first formula defines `fz_a`
 * (defining must succeed exactly when checking does), the second `fz_b`,
 * which may name `fz_a`; then `fz_a` takes the second formula, which makes
 * a cycle when it names `fz_b`. Both are evaluated over data for the flows and
 * stocks behind them: a value is a number or NaN, never an infinity. */
#include <socialkpi.h>

#include "fuzz_input.h"

#include <math.h>

enum { DAYS = 4 };
static const skpi_time T0 = INT64_C(1767225600); /* 2026-01-01 */

/* Data for the flows and stocks behind a metric (a few days on one or two
 * channels, values from the input), each once. */
static void fill(skpi_dataset *ds, const skpi_catalog *cat, const char *key, fuzz_input *in,
                 int depth)
{
    const skpi_metric *metric;
    const skpi_series *have;
    if (depth > 20 || skpi_catalog_find(&metric, cat, key) != SKPI_OK) return;
    if (skpi_metric_kind_of(metric) == SKPI_KIND_DERIVED) {
        for (size_t i = 0; i < skpi_metric_component_count(metric); i++)
            fill(ds, cat, skpi_metric_component(metric, i), in, depth + 1);
        return;
    }
    if (skpi_dataset_series(&have, ds, key, "x:@a") == SKPI_OK) return;
    skpi_time t[DAYS];
    double v[DAYS];
    for (int d = 0; d < DAYS; d++) {
        t[d] = T0 + d * 86400;
        int8_t b = (int8_t)fuzz_byte(in);
        /* -128 stands for a missing value */
        v[d] = b == -128 ? NAN : b;
    }
    FUZZ_CHECK(skpi_dataset_append(ds, key, "x:@a", t, v, DAYS) == SKPI_OK);
    if (fuzz_byte(in) & 1) FUZZ_CHECK(skpi_dataset_append(ds, key, "x:@b", t, v, DAYS) == SKPI_OK);
}

static void evaluate(skpi_dataset *ds, const char *key)
{
    skpi_value val;
    skpi_period period = { T0, T0 + DAYS * 86400 };
    if (skpi_dataset_value(&val, ds, key, "*", period) == SKPI_OK)
        FUZZ_CHECK(!isinf(val.value));
    skpi_series *s = NULL;
    int *avail = NULL;
    if (skpi_dataset_rollup(&s, &avail, ds, key, "x:@a", NULL, SKPI_CADENCE_DAY, period) ==
        SKPI_OK) {
        FUZZ_CHECK(skpi_series_length(s) == DAYS);
        const double *v = skpi_series_values(s);
        for (size_t i = 0; i < skpi_series_length(s); i++) FUZZ_CHECK(!isinf(v[i]));
    }
    skpi_series_free(s);
    skpi_free(avail);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = { data, size };
    unsigned opt = fuzz_byte(&in);
    char *a = fuzz_line(&in), *b = fuzz_line(&in);
    skpi_catalog *cat = NULL;
    skpi_dataset *ds = NULL;
    if (a == NULL || b == NULL || skpi_catalog_new(&cat, skpi_catalog_builtin()) != SKPI_OK)
        goto done;
    /* a host flow and stock for first(), beside the built-in ones */
    FUZZ_CHECK(skpi_catalog_add_metric(cat, "fz_flow", "Flow", SKPI_UNIT_COUNT,
                                       SKPI_HIGHER_IS_BETTER, SKPI_KIND_FLOW) == SKPI_OK);
    FUZZ_CHECK(skpi_catalog_add_metric(cat, "fz_stock", "Stock", SKPI_UNIT_COUNT,
                                       SKPI_HIGHER_IS_BETTER, SKPI_KIND_STOCK) == SKPI_OK);
    size_t count = skpi_catalog_count(cat);
    int checked = skpi_catalog_check_formula(cat, a);
    int defined = skpi_catalog_add_derived(cat, "fz_a", "A", (int)(opt % 6), (int)(opt / 6 % 3), a);
    FUZZ_CHECK((checked == SKPI_OK) == (defined == SKPI_OK));
    FUZZ_CHECK(skpi_catalog_count(cat) == count + (defined == SKPI_OK));
    if (defined == SKPI_OK) {
        const skpi_metric *m;
        FUZZ_CHECK(skpi_catalog_find(&m, cat, "fz_a") == SKPI_OK);
        FUZZ_CHECK(strcmp(skpi_metric_formula(m), a) == 0);
        if (skpi_catalog_add_derived(cat, "fz_b", "B", SKPI_UNIT_RATIO, SKPI_DIRECTION_NEUTRAL,
                                     b) == SKPI_OK &&
            skpi_catalog_set_formula(cat, "fz_a", b) != SKPI_OK) {
            /* refused (a cycle, when b names fz_b... or fz_a itself): unchanged */
            FUZZ_CHECK(strcmp(skpi_metric_formula(m), a) == 0);
        }
    }
    if (skpi_dataset_new(&ds, cat) != SKPI_OK) goto done;
    fill(ds, cat, "fz_a", &in, 0);
    fill(ds, cat, "fz_b", &in, 0);
    evaluate(ds, "fz_a");
    evaluate(ds, "fz_b");
done:
    skpi_dataset_free(ds);
    skpi_catalog_free(cat);
    free(a);
    free(b);
    return 0;
}
