/* The Competitors section (our figures beside each competitor's, their
 * median, our rank, and the largest gap) and the Benchmarks section (our
 * figures beside the industry's, with the gap and its source). */
#include "report/assemble.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The figures a competitor's public profile lets us compute (docs/competitors.md). */
static const char *const figures[] = { "followers", "follower_growth_rate", "posts_per_week",
                                       "engagement_rate_followers" };
#define NFIG (sizeof figures / sizeof figures[0])
/* A table has at most 64 columns: figure, us, median, rank and 60 competitors. */
#define MAX_SHOWN 60

static bool usable(skpi_value v)
{
    return v.availability == SKPI_AVAILABLE || v.availability == SKPI_PARTIAL;
}

static const char *cell(skpi__asm *a, char *buf, size_t size, skpi_value v, int unit)
{
    return skpi__asm_value(a, buf, size, usable(v) ? v.value : NAN, unit);
}

/* How far a competitor is ahead of us, relative to our value; 0 when it is
 * not ahead (or either value is missing). */
static double lead_over_us(skpi_value ours, skpi_value theirs, int direction)
{
    if (!usable(ours) || !usable(theirs)) return 0.0;
    double d = direction == SKPI_LOWER_IS_BETTER ? ours.value - theirs.value : theirs.value - ours.value;
    if (d <= 0.0) return 0.0;
    return ours.value != 0.0 ? d / fabs(ours.value) : INFINITY;
}

typedef struct gap {
    double lead;
    size_t figure, competitor;
    skpi_value ours, theirs;
} gap;

static int gap_sentence(skpi__asm *a, const gap *g)
{
    if (g->lead <= 0.0) {
        skpi__arg args[] = { { "period", a->plabel } };
        TRY(skpi__asm_fill(a, SKPI_TPL_COMPETITORS_LEAD, args, 1));
        return skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
    }
    const skpi_metric *m = NULL;
    skpi_catalog_find(&m, a->cat, figures[g->figure]);
    int unit = skpi_metric_unit(m);
    char theirs[64], ours[64];
    skpi__arg args[] = { { "metric", skpi_metric_label(m) },
                         { "competitor", skpi_dataset_competitor(a->ds, g->competitor) },
                         { "theirs", cell(a, theirs, sizeof theirs, g->theirs, unit) },
                         { "ours", cell(a, ours, sizeof ours, g->ours, unit) },
                         { "period", a->plabel } };
    TRY(skpi__asm_fill(a, SKPI_TPL_COMPETITORS_GAP, args, 5));
    return skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
}

int skpi__sec_competitors(skpi__asm *a)
{
    size_t n = skpi_dataset_competitor_count(a->ds);
    if (n == 0) return SKPI_OK;
    if (n > MAX_SHOWN) n = MAX_SHOWN;
    size_t ncols = n + 4;
    const char *headers[64];
    int align[64];
    const skpi_report *r = a->r;
    headers[0] = skpi__report_tpl(r, SKPI_TPL_COLUMN_FIGURE);
    headers[1] = skpi__report_tpl(r, SKPI_TPL_COLUMN_US);
    for (size_t i = 0; i < n; i++) headers[2 + i] = skpi_dataset_competitor(a->ds, i);
    headers[n + 2] = skpi__report_tpl(r, SKPI_TPL_COLUMN_COMPETITOR_MEDIAN);
    headers[n + 3] = skpi__report_tpl(r, SKPI_TPL_COLUMN_OUR_RANK);
    for (size_t i = 0; i < ncols; i++) align[i] = i == 0 ? SKPI_ALIGN_LEFT : SKPI_ALIGN_RIGHT;
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(r, SKPI_TPL_HEADING_COMPETITORS)));
    skpi__arg title[] = { { "period", a->plabel } };
    TRY(skpi__asm_fill(a, SKPI_TPL_COMPETITORS_TABLE_TITLE, title, 1));
    size_t t;
    TRY(skpi_doc_add_table(&t, a->doc, a->t.buf, ncols, headers, align));
    gap best = { 0 };
    char buf[64][64];
    const char *cells[64];
    for (size_t f = 0; f < NFIG; f++) {
        const skpi_metric *m = NULL;
        if (skpi_catalog_find(&m, a->cat, figures[f]) != SKPI_OK) continue; /* a host catalog without it */
        int unit = skpi_metric_unit(m);
        skpi_comparison *c;
        TRY(skpi_comparison_new(&c, a->ds, figures[f], "*", a->P));
        cells[0] = skpi_metric_label(m);
        cells[1] = cell(a, buf[1], sizeof buf[1], skpi_comparison_own(c), unit);
        for (size_t i = 0; i < n; i++) {
            skpi_value v = skpi_comparison_value(c, i);
            cells[2 + i] = cell(a, buf[2 + i], sizeof buf[2 + i], v, unit);
            double lead = lead_over_us(skpi_comparison_own(c), v, skpi_metric_direction(m));
            if (lead > best.lead) {
                best = (gap){ lead, f, i, skpi_comparison_own(c), v };
            }
        }
        cells[n + 2] = cell(a, buf[n + 2], sizeof buf[n + 2], skpi_comparison_median(c), unit);
        size_t rank, ranked;
        skpi_comparison_rank(&rank, &ranked, c);
        if (rank) {
            char k[24], of[24];
            snprintf(k, sizeof k, "%zu", rank);
            snprintf(of, sizeof of, "%zu", ranked);
            skpi__arg args[] = { { "rank", k }, { "ranked", of } };
            int rc = skpi__asm_fill(a, SKPI_TPL_COMPETITORS_RANK, args, 2);
            if (rc != SKPI_OK) { skpi_comparison_free(c); return rc; }
            snprintf(buf[n + 3], sizeof buf[n + 3], "%s", a->t.buf);
        } else {
            snprintf(buf[n + 3], sizeof buf[n + 3], "%s", skpi__na(&a->nf));
        }
        cells[n + 3] = buf[n + 3];
        skpi_comparison_free(c);
        TRY(skpi_doc_table_add_row(a->doc, t, cells));
    }
    return gap_sentence(a, &best);
}

/* ---- benchmarks ------------------------------------------------------- */

/* The metrics the Benchmarks section looks up: the KPIs, then the figures. */
static size_t benchmark_metrics(const skpi__asm *a, const char **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < a->r->nkpis + NFIG && n < max; i++) {
        const char *m = i < a->r->nkpis ? a->r->kpis[i].metric : figures[i - a->r->nkpis];
        bool seen = false;
        for (size_t j = 0; j < n && !seen; j++) seen = strcmp(out[j], m) == 0;
        if (!seen) out[n++] = m;
    }
    return n;
}

/* The networks of our own channels, in the order they became known. */
static size_t own_networks(const skpi__asm *a, char (*out)[32], size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < skpi_dataset_channel_count(a->ds) && n < max; i++) {
        const char *ch = skpi_dataset_channel(a->ds, i);
        if (skpi_dataset_channel_competitor(a->ds, ch)) continue;
        const char *colon = strchr(ch, ':');
        size_t len = colon ? (size_t)(colon - ch) : 0;
        if (len == 0 || len >= sizeof out[0]) continue;
        bool seen = false;
        for (size_t j = 0; j < n && !seen; j++) seen = strlen(out[j]) == len && memcmp(out[j], ch, len) == 0;
        if (seen) continue;
        memcpy(out[n], ch, len);
        out[n++][len] = '\0';
    }
    return n;
}

typedef struct bench_rows {
    size_t table;
    bool started;
    double worst;   /* the largest shortfall, relative; 0: none */
    const char *worst_metric, *worst_source;
    char worst_net[64], worst_ours[64], worst_bench[64];
} bench_rows;

static int bench_row(skpi__asm *a, bench_rows *br, const skpi_metric *m, const char *network, size_t row)
{
    const skpi_benchmarks *b = a->r->benchmarks;
    char sel[48];
    snprintf(sel, sizeof sel, "%s:*", network ? network : "");
    skpi_value ours;
    TRY(skpi_dataset_value(&ours, a->ds, skpi_metric_key(m), network ? sel : "*", a->P));
    double bench = skpi_benchmarks_value(b, row);
    skpi_value gap_abs, gap_rel;
    skpi_benchmark_gap(&gap_abs, &gap_rel, ours, bench);
    int unit = skpi_metric_unit(m);
    char net[64], v_ours[64], v_bench[64], v_gap[64], v_rel[64];
    if (network) skpi__asm_channel(a, net, sizeof net, sel);
    else snprintf(net, sizeof net, "%s", skpi__report_tpl(a->r, SKPI_TPL_ALL_CHANNELS));
    cell(a, v_ours, sizeof v_ours, ours, unit);
    skpi__asm_value(a, v_bench, sizeof v_bench, bench, unit);
    if (usable(gap_abs)) skpi__fmt_change(v_gap, sizeof v_gap, &a->nf, gap_abs.value, unit);
    else snprintf(v_gap, sizeof v_gap, "%s", skpi__na(&a->nf));
    if (usable(gap_rel)) skpi__fmt_percent_change(v_rel, sizeof v_rel, &a->nf, gap_rel.value);
    else snprintf(v_rel, sizeof v_rel, "%s", skpi__na(&a->nf));
    if (!br->started) {
        static const int keys[] = { SKPI_TPL_COLUMN_FIGURE, SKPI_TPL_COLUMN_CHANNELS, SKPI_TPL_COLUMN_US,
                                    SKPI_TPL_COLUMN_INDUSTRY, SKPI_TPL_COLUMN_GAP,
                                    SKPI_TPL_COLUMN_GAP_PERCENT, SKPI_TPL_COLUMN_SOURCE };
        static const int align[] = { SKPI_ALIGN_LEFT, SKPI_ALIGN_LEFT, SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT,
                                      SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT, SKPI_ALIGN_LEFT };
        const char *headers[7];
        for (size_t i = 0; i < 7; i++) headers[i] = skpi__report_tpl(a->r, keys[i]);
        TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(a->r, SKPI_TPL_HEADING_BENCHMARKS)));
        skpi__arg args[] = { { "industry", a->r->industry }, { "period", a->plabel } };
        TRY(skpi__asm_fill(a, SKPI_TPL_BENCHMARKS_TABLE_TITLE, args, 2));
        TRY(skpi_doc_add_table(&br->table, a->doc, a->t.buf, 7, headers, align));
        br->started = true;
    }
    const char *cells[] = { skpi_metric_label(m), net, v_ours, v_bench, v_gap, v_rel,
                            skpi_benchmarks_source(b, row) };
    TRY(skpi_doc_table_add_row(a->doc, br->table, cells));
    /* The largest shortfall, for the sentence under the table. */
    int dir = skpi_metric_direction(m);
    if (usable(gap_rel) && dir != SKPI_DIRECTION_NEUTRAL) {
        double short_by = dir == SKPI_LOWER_IS_BETTER ? gap_rel.value : -gap_rel.value;
        if (short_by > 0 && short_by > br->worst) {
            br->worst = short_by;
            br->worst_metric = skpi_metric_label(m);
            br->worst_source = skpi_benchmarks_source(b, row);
            snprintf(br->worst_net, sizeof br->worst_net, "%s", net);
            snprintf(br->worst_ours, sizeof br->worst_ours, "%s", v_ours);
            snprintf(br->worst_bench, sizeof br->worst_bench, "%s", v_bench);
        }
    }
    return SKPI_OK;
}

int skpi__sec_benchmarks(skpi__asm *a)
{
    const skpi_benchmarks *b = a->r->benchmarks;
    if (b == NULL) return SKPI_OK;
    const char *metrics[64];
    size_t nm = benchmark_metrics(a, metrics, 64);
    char networks[32][32];
    size_t nn = own_networks(a, networks, 32);
    bench_rows br = { 0 };
    for (size_t i = 0; i < nm; i++) {
        const skpi_metric *m = NULL;
        if (skpi_catalog_find(&m, a->cat, metrics[i]) != SKPI_OK) continue;
        size_t row;
        /* Across all our networks: only benchmarks for every network apply. */
        if (skpi_benchmarks_find(&row, b, metrics[i], NULL, a->r->industry, a->r->cadence) == SKPI_OK)
            TRY(bench_row(a, &br, m, NULL, row));
        for (size_t k = 0; k < nn; k++) {
            if (skpi_benchmarks_find(&row, b, metrics[i], networks[k], a->r->industry, a->r->cadence) != SKPI_OK)
                continue;
            if (strcmp(skpi_benchmarks_network(b, row), networks[k]) != 0) continue; /* the `all` row, shown above */
            TRY(bench_row(a, &br, m, networks[k], row));
        }
    }
    skpi_error_clear();
    if (!br.started) return SKPI_OK;
    skpi__arg args[] = { { "industry", a->r->industry }, { "period", a->plabel },
                         { "metric", br.worst_metric }, { "channels", br.worst_net },
                         { "ours", br.worst_ours }, { "benchmark", br.worst_bench },
                         { "source", br.worst_source } };
    TRY(skpi__asm_fill(a, br.worst > 0 ? SKPI_TPL_BENCHMARKS_FURTHEST : SKPI_TPL_BENCHMARKS_MET, args,
                       br.worst > 0 ? 7 : 2));
    return skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
}
