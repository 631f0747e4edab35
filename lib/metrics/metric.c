/* Read-only accessors of one metric, and names of the metric enums. */
#include "core/metrics_internal.h"

const char *skpi_metric_key(const skpi_metric *m) { return m ? m->key : NULL; }
const char *skpi_metric_label(const skpi_metric *m) { return m ? m->label : NULL; }
const char *skpi_metric_definition(const skpi_metric *m) { return m ? m->definition : NULL; }
const char *skpi_metric_formula(const skpi_metric *m) { return m ? m->formula : NULL; }
const char *skpi_metric_description(const skpi_metric *m) { return m ? m->description : NULL; }

static int null_metric(const char *fn)
{
    return skpi__error(SKPI_EMISUSE, "%s: metric is NULL", fn);
}

int skpi_metric_unit(const skpi_metric *m)
{
    return m ? m->unit : null_metric("skpi_metric_unit");
}

int skpi_metric_direction(const skpi_metric *m)
{
    return m ? m->direction : null_metric("skpi_metric_direction");
}

int skpi_metric_kind_of(const skpi_metric *m)
{
    return m ? m->kind : null_metric("skpi_metric_kind_of");
}

size_t skpi_metric_component_count(const skpi_metric *m) { return m ? m->n_components : 0; }

const char *skpi_metric_component(const skpi_metric *m, size_t index)
{
    if (!m || index >= m->n_components) return NULL;
    return m->owner->metrics[m->components[index]]->key;
}

const char *skpi_unit_name(int unit)
{
    switch (unit) {
    case SKPI_UNIT_COUNT: return "count";
    case SKPI_UNIT_PERCENT: return "percent";
    case SKPI_UNIT_RATIO: return "ratio";
    case SKPI_UNIT_CURRENCY: return "currency";
    case SKPI_UNIT_DURATION: return "duration";
    case SKPI_UNIT_SCORE: return "score";
    default: return "unknown";
    }
}

const char *skpi_direction_name(int direction)
{
    switch (direction) {
    case SKPI_HIGHER_IS_BETTER: return "higher";
    case SKPI_LOWER_IS_BETTER: return "lower";
    case SKPI_DIRECTION_NEUTRAL: return "neutral";
    default: return "unknown";
    }
}

const char *skpi_metric_kind_name(int kind)
{
    switch (kind) {
    case SKPI_KIND_FLOW: return "flow";
    case SKPI_KIND_STOCK: return "stock";
    case SKPI_KIND_DERIVED: return "derived";
    default: return "unknown";
    }
}
