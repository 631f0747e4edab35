/* Benchmark tables: rows checked against the catalog and the known
 * networks, lookup of the row that applies to a figure, and the gap. */
#include "compete/compete_internal.h"

#include <math.h>
#include <string.h>
#include <strings.h>

/* Networks a benchmark may name: those the library's importers and reports
 * know, so that a typo ("instgram") is caught when the table is loaded. */
static const char *const networks[] = {
    "instagram", "facebook", "linkedin", "x", "youtube", "tiktok", "threads",
    "pinterest", "bluesky", "mastodon", "reddit", "snapchat",
};

static const char *const periods[] = { "day", "week", "month", "quarter", "year" };

static bool known_network(const char *n)
{
    if (strcmp(n, "all") == 0) return true;
    for (size_t i = 0; i < sizeof networks / sizeof networks[0]; i++)
        if (strcmp(networks[i], n) == 0) return true;
    return false;
}

static bool known_period(const char *p)
{
    if (strcmp(p, "any") == 0) return true;
    for (size_t i = 0; i < sizeof periods / sizeof periods[0]; i++)
        if (strcmp(periods[i], p) == 0) return true;
    return false;
}

int skpi_benchmarks_new(skpi_benchmarks **out, const skpi_catalog *catalog)
{
    if (!out) return skpi__error(SKPI_EMISUSE, "skpi_benchmarks_new: out is NULL");
    skpi_benchmarks *b = skpi__calloc(1, sizeof *b);
    if (!b) return skpi__nomem();
    b->cat = skpi_catalog_builtin();
    if (catalog && catalog != b->cat) {
        int rc = skpi_catalog_new(&b->own_catalog, catalog);
        if (rc != SKPI_OK) { skpi__free(b); return rc; }
        b->cat = b->own_catalog;
    }
    *out = b;
    return SKPI_OK;
}

void skpi__benchmark_clear(skpi__benchmark *r)
{
    skpi__free(r->metric);
    skpi__free(r->network);
    skpi__free(r->industry);
    skpi__free(r->period);
    skpi__free(r->source);
    memset(r, 0, sizeof *r);
}

void skpi_benchmarks_free(skpi_benchmarks *b)
{
    if (!b) return;
    for (size_t i = 0; i < b->n; i++) skpi__benchmark_clear(&b->rows[i]);
    skpi__free(b->rows);
    skpi_catalog_free(b->own_catalog);
    skpi__free(b);
}

int skpi__benchmark_make(skpi__benchmark *out, const skpi_benchmarks *b, const char *where,
                         const char *metric, const char *network, const char *industry,
                         const char *period, double value, const char *source)
{
    const char *sep = where[0] ? ": " : "";
    memset(out, 0, sizeof *out);
    const skpi_metric *m;
    if (skpi_catalog_find(&m, b->cat, metric) != SKPI_OK)
        return skpi__error(SKPI_ENOTFOUND, "%s%sbenchmark metric '%s' is not a known metric", where, sep,
                           metric);
    if (!known_network(network))
        return skpi__error(SKPI_ENOTFOUND,
                           "%s%sbenchmark network '%s' is not a known network (instagram, facebook, "
                           "linkedin, x, youtube, tiktok, threads, pinterest, bluesky, mastodon, "
                           "reddit, snapchat, or all)", where, sep, network);
    size_t n = strlen(industry);
    if (n == 0 || n > SKPI__INDUSTRY_MAX)
        return skpi__error(SKPI_EINVAL, "%s%sbenchmark industry: expected 1 to %d bytes", where, sep,
                           SKPI__INDUSTRY_MAX);
    if (!known_period(period))
        return skpi__error(SKPI_EINVAL,
                           "%s%sbenchmark period '%s': expected day, week, month, quarter, year or any",
                           where, sep, period);
    if (!isfinite(value))
        return skpi__error(SKPI_EINVAL, "%s%sbenchmark value: expected a finite number", where, sep);
    if (source[0] == '\0')
        return skpi__error(SKPI_EINVAL, "%s%sbenchmark source: empty (say where the figure comes from)",
                           where, sep);
    out->metric = skpi__strdup(metric);
    out->network = skpi__strdup(network);
    out->industry = skpi__strdup(industry);
    out->period = skpi__strdup(period);
    out->source = skpi__strdup(source);
    out->value = value;
    if (!out->metric || !out->network || !out->industry || !out->period || !out->source) {
        skpi__benchmark_clear(out);
        return skpi__nomem();
    }
    return SKPI_OK;
}

int skpi__benchmarks_append(skpi_benchmarks *b, skpi__benchmark *rows, size_t n)
{
    if (n == 0) return SKPI_OK;
    void *p = b->rows;
    size_t cap = b->cap;
    if (!skpi__grow(&p, &cap, b->n + n, sizeof *b->rows)) return skpi__nomem();
    b->rows = p;
    b->cap = cap;
    memcpy(b->rows + b->n, rows, n * sizeof *rows);
    b->n += n;
    return SKPI_OK;
}

int skpi_benchmarks_add(skpi_benchmarks *b, const char *metric, const char *network,
                        const char *industry, const char *period, double value, const char *source)
{
    if (!b || !metric || !network || !industry || !period || !source)
        return skpi__error(SKPI_EMISUSE, "skpi_benchmarks_add: NULL argument");
    skpi__benchmark r;
    int rc = skpi__benchmark_make(&r, b, "", metric, network, industry, period, value, source);
    if (rc != SKPI_OK) return rc;
    if ((rc = skpi__benchmarks_append(b, &r, 1)) != SKPI_OK) skpi__benchmark_clear(&r);
    return rc;
}

int skpi_benchmarks_clone(skpi_benchmarks **out, const skpi_benchmarks *b)
{
    if (!out || !b) return skpi__error(SKPI_EMISUSE, "skpi_benchmarks_clone: NULL argument");
    skpi_benchmarks *c;
    int rc = skpi_benchmarks_new(&c, b->cat);
    for (size_t i = 0; i < b->n && rc == SKPI_OK; i++) {
        const skpi__benchmark *r = &b->rows[i];
        rc = skpi_benchmarks_add(c, r->metric, r->network, r->industry, r->period, r->value, r->source);
    }
    if (rc != SKPI_OK) {
        if (rc != SKPI_ENOMEM) rc = skpi__nomem(); /* rows were checked already */
        skpi_benchmarks_free(c);
        return rc;
    }
    *out = c;
    return SKPI_OK;
}

size_t skpi_benchmarks_count(const skpi_benchmarks *b) { return b ? b->n : 0; }

static const skpi__benchmark *row(const skpi_benchmarks *b, size_t i)
{
    return b && i < b->n ? &b->rows[i] : NULL;
}

const char *skpi_benchmarks_metric(const skpi_benchmarks *b, size_t i) { return row(b, i) ? row(b, i)->metric : NULL; }
const char *skpi_benchmarks_network(const skpi_benchmarks *b, size_t i) { return row(b, i) ? row(b, i)->network : NULL; }
const char *skpi_benchmarks_industry(const skpi_benchmarks *b, size_t i) { return row(b, i) ? row(b, i)->industry : NULL; }
const char *skpi_benchmarks_period(const skpi_benchmarks *b, size_t i) { return row(b, i) ? row(b, i)->period : NULL; }
double skpi_benchmarks_value(const skpi_benchmarks *b, size_t i) { return row(b, i) ? row(b, i)->value : NAN; }
const char *skpi_benchmarks_source(const skpi_benchmarks *b, size_t i) { return row(b, i) ? row(b, i)->source : NULL; }

int skpi_benchmarks_find(size_t *out, const skpi_benchmarks *b, const char *metric, const char *network,
                         const char *industry, int cadence)
{
    if (!out || !b || !metric || !industry)
        return skpi__error(SKPI_EMISUSE, "skpi_benchmarks_find: NULL argument");
    const char *want_period = cadence >= 0 && (size_t)cadence < sizeof periods / sizeof periods[0]
                                  ? periods[cadence] : NULL;
    bool has_network = network && network[0];
    /* Score: 2 for the network itself over `all`, 1 for the period over `any`. */
    long best = -1;
    int best_score = -1;
    for (size_t i = 0; i < b->n; i++) {
        const skpi__benchmark *r = &b->rows[i];
        if (strcmp(r->metric, metric) != 0 || strcasecmp(r->industry, industry) != 0) continue;
        int score = 0;
        if (has_network && strcmp(r->network, network) == 0) score += 2;
        else if (strcmp(r->network, "all") != 0) continue;
        if (want_period && strcmp(r->period, want_period) == 0) score += 1;
        else if (strcmp(r->period, "any") != 0) continue;
        if (score > best_score) { best = (long)i; best_score = score; }
    }
    if (best < 0)
        return skpi__error(SKPI_ENOTFOUND, "no benchmark of '%s' for the industry '%s'%s%s", metric, industry,
                           has_network ? " on " : "", has_network ? network : "");
    *out = (size_t)best;
    return SKPI_OK;
}

int skpi_benchmark_gap(skpi_value *absolute, skpi_value *relative, skpi_value ours, double benchmark)
{
    skpi_value a = { NAN, ours.availability }, r = { NAN, ours.availability };
    if (ours.availability == SKPI_AVAILABLE || ours.availability == SKPI_PARTIAL) {
        a.value = ours.value - benchmark;
        if (benchmark == 0.0) {
            r.availability = SKPI_DENOMINATOR_ZERO;
        } else {
            r.value = (ours.value - benchmark) / fabs(benchmark) * 100.0;
        }
        if (!isfinite(a.value)) { a.value = NAN; a.availability = SKPI_UNSUPPORTED; }
        if (r.availability != SKPI_DENOMINATOR_ZERO && !isfinite(r.value)) {
            r.value = NAN;
            r.availability = SKPI_UNSUPPORTED;
        }
    }
    if (absolute) *absolute = a;
    if (relative) *relative = r;
    return SKPI_OK;
}
