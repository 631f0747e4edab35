/* Private structures of the metric catalog and the formula bytecode. */
#ifndef SKPI_METRICS_INTERNAL_H
#define SKPI_METRICS_INTERNAL_H

#include "socialkpi/metrics.h"
#include "core/internal.h"

#include <stdbool.h>
#include <stdint.h>

/* Limits that keep formulas small enough to parse and evaluate without
 * allocating: every one of them is far above what a real metric needs. */
#define SKPI__FORMULA_MAX_TEXT 4096   /* bytes of formula text */
#define SKPI__FORMULA_MAX_OPS 256     /* bytecode instructions */
#define SKPI__FORMULA_MAX_STACK 32    /* evaluation stack depth */
#define SKPI__FORMULA_MAX_NESTING 32  /* parentheses, calls and unary minus */
#define SKPI__DERIVED_MAX_DEPTH 16    /* derived metrics referring to derived metrics */
#define SKPI__MAX_LEAVES 64           /* distinct flows/stocks a metric depends on */
#define SKPI__KEY_MAX 64

/* Bytecode: a formula is a postfix program over a value stack. */
enum skpi__opcode {
    SKPI__OP_CONST = 0, /* push k */
    SKPI__OP_METRIC,    /* push the aggregate of metric `arg` (derived: its formula) */
    SKPI__OP_FIRST,     /* push the first value of stock `arg` in the period */
    SKPI__OP_DAYS,      /* push the period's length in days */
    SKPI__OP_ADD, SKPI__OP_SUB, SKPI__OP_MUL, SKPI__OP_DIV,
    SKPI__OP_NEG, SKPI__OP_ABS, SKPI__OP_MIN, SKPI__OP_MAX
};

typedef struct skpi__op {
    uint32_t code;
    uint32_t arg;
    double k;
} skpi__op;

/* A parsed formula in fixed storage (lives on the stack while defining). */
typedef struct skpi__parsed {
    skpi__op ops[SKPI__FORMULA_MAX_OPS];
    size_t n_ops;
    uint32_t components[SKPI__FORMULA_MAX_OPS]; /* distinct direct references */
    size_t n_components;
    int max_stack;
} skpi__parsed;

struct skpi_metric {
    const skpi_catalog *owner;
    uint32_t index;
    int unit, direction, kind;
    /* Built-in metrics point at string literals and static bytecode; a host
     * catalog owns copies of everything. */
    char *key, *label, *description, *definition, *formula;
    skpi__op *ops;
    uint32_t n_ops;
    uint32_t *components;
    uint32_t n_components;
};

struct skpi_catalog {
    skpi_metric **metrics;
    size_t count, cap;
    uint32_t *sorted; /* metric indices ordered by key, for binary search */
    bool builtin;
};

/* A flow or stock a metric's value is computed from. */
typedef struct skpi__leaf {
    uint32_t metric;
    bool first; /* first() of a stock rather than its last value */
} skpi__leaf;

/* Resolves a key while parsing; sets the error message itself. */
typedef int (*skpi__resolve_fn)(void *ctx, const char *key, size_t len, size_t column,
                                uint32_t *index, int *kind);

/* Parse `text` into `out`. Errors: SKPI_EPARSE, SKPI_ERANGE, and whatever
 * the resolver returns; the message names the column. */
int skpi__formula_parse(skpi__parsed *out, const char *text, skpi__resolve_fn resolve, void *ctx);

/* Resolver over a catalog. `self` (may be NULL) is the key being defined,
 * reported as a reference to itself. */
typedef struct skpi__catalog_resolver {
    const skpi_catalog *cat;
    const char *self;
} skpi__catalog_resolver;
int skpi__catalog_resolve(void *ctx, const char *key, size_t len, size_t column,
                          uint32_t *index, int *kind);

/* Index of a key, or -1. */
long skpi__catalog_lookup(const skpi_catalog *cat, const char *key);
long skpi__catalog_lookup_n(const skpi_catalog *cat, const char *key, size_t len);

/* Whether key is well formed (snake_case, not a reserved function name);
 * on failure sets a message about `what` and returns SKPI_EINVAL. */
int skpi__metric_key_check(const char *key, const char *what);

/* The flows and stocks a metric depends on, through derived metrics.
 * `override` (or UINT32_MAX) names a derived metric whose formula is taken
 * from `override_ops` instead of the catalog, to check a change before it
 * is made. Errors: SKPI_EINVAL (a cycle through `override`), SKPI_ERANGE
 * (too deep or too many leaves). `uses_days` is set when days() appears. */
int skpi__metric_leaves(skpi__leaf *leaves, size_t *n_leaves, bool *uses_days,
                        const skpi_catalog *cat, uint32_t metric,
                        uint32_t override, const skpi__op *override_ops, size_t override_n);

/* The same for a formula that is not (yet) in the catalog. */
int skpi__ops_leaves(skpi__leaf *leaves, size_t *n_leaves, bool *uses_days,
                     const skpi_catalog *cat, const skpi__op *ops, size_t n_ops);

/* Evaluation. `leaf_values` are the aggregates of `leaves` (same order).
 * Returns the value; sets *div_zero when a division by zero happened. */
double skpi__metric_eval(const skpi_catalog *cat, uint32_t metric,
                         const skpi__leaf *leaves, const double *leaf_values, size_t n_leaves,
                         double days, bool *div_zero);

/* Copy a catalog; `out` is a fresh, non-built-in catalog. */
int skpi__catalog_clone(skpi_catalog **out, const skpi_catalog *base);

#endif
