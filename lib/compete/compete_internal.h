/* Private structures of competitor comparisons and benchmark tables. */
#ifndef SKPI_COMPETE_INTERNAL_H
#define SKPI_COMPETE_INTERNAL_H

#include "socialkpi/compete.h"
#include "core/internal.h"

#define SKPI__INDUSTRY_MAX 128

typedef struct skpi__benchmark {
    char *metric, *network, *industry, *period, *source;
    double value;
} skpi__benchmark;

struct skpi_benchmarks {
    skpi_catalog *own_catalog; /* a host catalog's copy, or NULL */
    const skpi_catalog *cat;
    skpi__benchmark *rows;
    size_t n, cap;
};

/* Check one benchmark and copy it into *out (nothing allocated on error).
 * `where` prefixes the message ("line 4", "benchmarks[2]"); "" for none. */
int skpi__benchmark_make(skpi__benchmark *out, const skpi_benchmarks *b, const char *where,
                         const char *metric, const char *network, const char *industry,
                         const char *period, double value, const char *source);
void skpi__benchmark_clear(skpi__benchmark *r);
/* Append rows made by skpi__benchmark_make(), all or nothing: on
 * SKPI_ENOMEM the table is unchanged and the rows are the caller's. */
int skpi__benchmarks_append(skpi_benchmarks *b, skpi__benchmark *rows, size_t n);

#endif
