/* Formula evaluation and dependency walking over a catalog's bytecode. */
#include "core/metrics_internal.h"

#include <math.h>

static int add_leaf(skpi__leaf *leaves, size_t *n, uint32_t metric, bool first)
{
    for (size_t i = 0; i < *n; i++)
        if (leaves[i].metric == metric && leaves[i].first == first) return SKPI_OK;
    if (*n >= SKPI__MAX_LEAVES)
        return skpi__error(SKPI_ERANGE, "the formula depends on more than %d flows and stocks",
                           SKPI__MAX_LEAVES);
    leaves[*n].metric = metric;
    leaves[*n].first = first;
    (*n)++;
    return SKPI_OK;
}

typedef struct walk {
    const skpi_catalog *cat;
    uint32_t override;
    uint32_t cycle_target; /* the metric whose new formula is checked, else UINT32_MAX */
    const skpi__op *override_ops;
    size_t override_n;
    skpi__leaf *leaves;
    size_t *n_leaves;
    bool *uses_days;
} walk;

static int walk_ops(walk *w, const skpi__op *ops, size_t n, int depth);

static int walk_metric(walk *w, uint32_t metric, int depth)
{
    const skpi_metric *m = w->cat->metrics[metric];
    if (m->kind != SKPI_KIND_DERIVED) return add_leaf(w->leaves, w->n_leaves, metric, false);
    if (depth >= SKPI__DERIVED_MAX_DEPTH)
        return skpi__error(SKPI_ERANGE, "derived metrics nested more than %d deep at '%s'",
                           SKPI__DERIVED_MAX_DEPTH, m->key);
    if (metric == w->override) return walk_ops(w, w->override_ops, w->override_n, depth + 1);
    return walk_ops(w, m->ops, m->n_ops, depth + 1);
}

static int walk_ops(walk *w, const skpi__op *ops, size_t n, int depth)
{
    for (size_t i = 0; i < n; i++) {
        int rc = SKPI_OK;
        if (ops[i].code == SKPI__OP_METRIC) {
            /* A reference back to the metric being changed is a cycle,
             * however deep it sits. */
            if (ops[i].arg == w->cycle_target)
                return skpi__error(SKPI_EINVAL,
                                   "the formula makes '%s' depend on itself (a cycle)",
                                   w->cat->metrics[w->cycle_target]->key);
            rc = walk_metric(w, ops[i].arg, depth);
        } else if (ops[i].code == SKPI__OP_FIRST) {
            rc = add_leaf(w->leaves, w->n_leaves, ops[i].arg, true);
        } else if (ops[i].code == SKPI__OP_DAYS) {
            *w->uses_days = true;
        }
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}

int skpi__metric_leaves(skpi__leaf *leaves, size_t *n_leaves, bool *uses_days,
                        const skpi_catalog *cat, uint32_t metric,
                        uint32_t override, const skpi__op *override_ops, size_t override_n)
{
    walk w = { cat, override, metric == override ? override : UINT32_MAX,
               override_ops, override_n, leaves, n_leaves, uses_days };
    *n_leaves = 0;
    *uses_days = false;
    const skpi_metric *m = cat->metrics[metric];
    if (m->kind != SKPI_KIND_DERIVED) return add_leaf(leaves, n_leaves, metric, false);
    if (metric == override) return walk_ops(&w, override_ops, override_n, 1);
    return walk_ops(&w, m->ops, m->n_ops, 1);
}

int skpi__ops_leaves(skpi__leaf *leaves, size_t *n_leaves, bool *uses_days,
                     const skpi_catalog *cat, const skpi__op *ops, size_t n_ops)
{
    walk w = { cat, UINT32_MAX, UINT32_MAX, NULL, 0, leaves, n_leaves, uses_days };
    *n_leaves = 0;
    *uses_days = false;
    return walk_ops(&w, ops, n_ops, 1);
}

static double leaf_value(const skpi__leaf *leaves, const double *values, size_t n,
                         uint32_t metric, bool first)
{
    for (size_t i = 0; i < n; i++)
        if (leaves[i].metric == metric && leaves[i].first == first) return values[i];
    return NAN;
}

typedef struct eval {
    const skpi_catalog *cat;
    const skpi__leaf *leaves;
    const double *values;
    size_t n_leaves;
    double days;
    bool *div_zero;
} eval;

static double run(const eval *e, const skpi_metric *m, int depth)
{
    double stack[SKPI__FORMULA_MAX_STACK];
    int sp = 0;
    /* Depth and stack size were checked when the formula was defined. */
    if (depth > SKPI__DERIVED_MAX_DEPTH || m->n_ops == 0) return NAN;
    for (uint32_t i = 0; i < m->n_ops; i++) {
        const skpi__op *op = &m->ops[i];
        double a, b;
        switch (op->code) {
        case SKPI__OP_CONST: stack[sp++] = op->k; break;
        case SKPI__OP_DAYS: stack[sp++] = e->days; break;
        case SKPI__OP_FIRST:
            stack[sp++] = leaf_value(e->leaves, e->values, e->n_leaves, op->arg, true);
            break;
        case SKPI__OP_METRIC: {
            const skpi_metric *r = e->cat->metrics[op->arg];
            stack[sp++] = r->kind == SKPI_KIND_DERIVED
                              ? run(e, r, depth + 1)
                              : leaf_value(e->leaves, e->values, e->n_leaves, op->arg, false);
            break;
        }
        case SKPI__OP_NEG: stack[sp - 1] = -stack[sp - 1]; break;
        case SKPI__OP_ABS: stack[sp - 1] = fabs(stack[sp - 1]); break;
        default:
            b = stack[--sp];
            a = stack[sp - 1];
            switch (op->code) {
            case SKPI__OP_ADD: a = a + b; break;
            case SKPI__OP_SUB: a = a - b; break;
            case SKPI__OP_MUL: a = a * b; break;
            case SKPI__OP_DIV:
                if (b == 0.0) { *e->div_zero = true; a = NAN; }
                else a = a / b;
                break;
            /* A NaN operand gives NaN in either position (a bare
             * comparison would let min(x, NaN) pass x through). */
            case SKPI__OP_MIN: a = isnan(a) || isnan(b) ? NAN : (b < a) ? b : a; break;
            case SKPI__OP_MAX: a = isnan(a) || isnan(b) ? NAN : (b > a) ? b : a; break;
            default: a = NAN; break;
            }
            stack[sp - 1] = a;
            break;
        }
    }
    return sp == 1 ? stack[0] : NAN;
}

double skpi__metric_eval(const skpi_catalog *cat, uint32_t metric,
                         const skpi__leaf *leaves, const double *leaf_values, size_t n_leaves,
                         double days, bool *div_zero)
{
    eval e = { cat, leaves, leaf_values, n_leaves, days, div_zero };
    const skpi_metric *m = cat->metrics[metric];
    *div_zero = false;
    if (m->kind != SKPI_KIND_DERIVED)
        return leaf_value(leaves, leaf_values, n_leaves, metric, false);
    double v = run(&e, m, 1);
    if (*div_zero) return NAN;
    return v;
}
