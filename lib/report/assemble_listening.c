/* The Listening section: mentions, sentiment and reach per brand, the
 * reach-weighted share of voice of ours against the competitors', and the
 * top mentions of our brands by reach (docs/report.md, "Listening"). */
#include "report/assemble.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The network of the channels a listening import files mentions under. */
#define NETWORK "listening:"
#define NETWORK_LEN (sizeof NETWORK - 1)
#define OURS "listening:*"

/* The figures of one brand in the period, in the table's column order. */
enum { F_MENTIONS, F_POSITIVE, F_NEUTRAL, F_NEGATIVE, F_NET, F_REACH, NFIG };
static const char *const keys[NFIG] = { "mentions", "positive_mentions", "neutral_mentions",
                                        "negative_mentions", "net_sentiment", "mention_reach" };
static const int units[NFIG] = { SKPI_UNIT_COUNT, SKPI_UNIT_COUNT, SKPI_UNIT_COUNT,
                                 SKPI_UNIT_COUNT, SKPI_UNIT_PERCENT, SKPI_UNIT_COUNT };

typedef struct brand {
    const char *channel;    /* listening:<brand>, borrowed from the dataset */
    bool competitor;
    skpi_value v[NFIG];
    double share;           /* reach over all brands' reach, percent; NaN: not available */
} brand;

static bool usable(skpi_value v)
{
    return (v.availability == SKPI_AVAILABLE || v.availability == SKPI_PARTIAL) && isfinite(v.value);
}

static double reach_of(const brand *b)
{
    return usable(b->v[F_REACH]) ? b->v[F_REACH].value : 0.0;
}

/* Ours first, then the competitors; each by reach, then by name. */
static int by_standing(const void *pa, const void *pb)
{
    const brand *x = pa, *y = pb;
    if (x->competitor != y->competitor) return x->competitor ? 1 : -1;
    double rx = reach_of(x), ry = reach_of(y);
    if (rx != ry) return rx > ry ? -1 : 1;
    return strcmp(x->channel, y->channel);
}

static bool has_mentions(const brand *b)
{
    return b->v[F_MENTIONS].availability != SKPI_MISSING || b->v[F_REACH].availability != SKPI_MISSING;
}

static int measure(brand *b, skpi__asm *a)
{
    const skpi_metric *m;
    for (size_t k = 0; k < NFIG; k++) {
        b->v[k].value = NAN;
        b->v[k].availability = SKPI_MISSING;
        /* a host catalog without the listening metrics leaves them out */
        if (skpi_catalog_find(&m, a->cat, keys[k]) == SKPI_OK)
            TRY(skpi_dataset_value(&b->v[k], a->ds, keys[k], b->channel, a->P));
    }
    return SKPI_OK;
}

/* Every brand with data in the period, ours and the competitors' (a
 * competitor's channel is read by its exact key: `listening:*` leaves it
 * out). The caller frees *out. */
static int collect(brand **out, size_t *n, skpi__asm *a)
{
    size_t nch = skpi_dataset_channel_count(a->ds), count = 0;
    brand *list = nch ? skpi__reallocarray(NULL, nch, sizeof *list) : NULL;
    if (nch && list == NULL) return skpi__nomem();
    for (size_t i = 0; i < nch; i++) {
        const char *ch = skpi_dataset_channel(a->ds, i);
        if (ch == NULL || strncmp(ch, NETWORK, NETWORK_LEN) != 0) continue;
        brand *b = &list[count];
        b->channel = ch;
        b->competitor = skpi_dataset_channel_competitor(a->ds, ch) != NULL;
        int rc = measure(b, a);
        if (rc != SKPI_OK) { skpi__free(list); return rc; }
        if (has_mentions(b)) count++;
    }
    double total = 0.0;
    for (size_t i = 0; i < count; i++) total += reach_of(&list[i]);
    for (size_t i = 0; i < count; i++)
        list[i].share = total > 0.0 && usable(list[i].v[F_REACH]) ? reach_of(&list[i]) / total * 100.0 : NAN;
    if (count > 1) qsort(list, count, sizeof *list, by_standing);
    *out = list;
    *n = count;
    return SKPI_OK;
}

/* Whether the dataset holds mentions of a listening channel at all: without
 * them the section stays out of the report. */
static bool has_listening(skpi__asm *a)
{
    size_t nch = skpi_dataset_channel_count(a->ds);
    for (size_t i = 0; i < nch; i++) {
        const char *ch = skpi_dataset_channel(a->ds, i);
        skpi_period ext;
        if (ch && strncmp(ch, NETWORK, NETWORK_LEN) == 0 &&
            (skpi_dataset_extent(&ext, a->ds, "mentions", ch) == SKPI_OK ||
             skpi_dataset_extent(&ext, a->ds, "mention_reach", ch) == SKPI_OK))
            return true;
    }
    return false;
}

static const char *cell(skpi__asm *a, char *buf, size_t size, skpi_value v, int unit)
{
    return skpi__asm_value(a, buf, size, usable(v) ? v.value : NAN, unit);
}

/* The reach columns only when some brand has reach: a tool that exports
 * no reach leaves them out rather than fill them with n/a. */
static bool any_reach(const brand *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (usable(list[i].v[F_REACH])) return true;
    return false;
}

static int brand_table(skpi__asm *a, const brand *list, size_t n)
{
    const skpi_report *r = a->r;
    const char *head[] = { skpi__report_tpl(r, SKPI_TPL_COLUMN_BRAND),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_MENTIONS),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_POSITIVE),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_NEUTRAL),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_NEGATIVE),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_NET_SENTIMENT),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_REACH),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_SHARE_OF_VOICE) };
    const int align[] = { SKPI_ALIGN_LEFT, SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT,
                          SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT };
    size_t columns = any_reach(list, n) ? NFIG + 2 : F_REACH + 1;
    skpi__arg args[] = { { "period", a->plabel } };
    TRY(skpi__asm_fill(a, SKPI_TPL_LISTENING_TABLE_TITLE, args, 1));
    size_t table;
    TRY(skpi_doc_add_table(&table, a->doc, a->t.buf, columns, head, align));
    for (size_t i = 0; i < n; i++) {
        const brand *b = &list[i];
        const char *name = b->channel + NETWORK_LEN;
        if (b->competitor) {
            skpi__arg who[] = { { "brand", name } };
            TRY(skpi__asm_fill(a, SKPI_TPL_LISTENING_COMPETITOR_CELL, who, 1));
            name = a->t.buf;
        }
        char cells[NFIG + 1][64];
        const char *row[NFIG + 2];
        row[0] = name;
        for (size_t k = 0; k < NFIG; k++) row[k + 1] = cell(a, cells[k], sizeof cells[k], b->v[k], units[k]);
        row[NFIG + 1] = skpi__asm_value(a, cells[NFIG], sizeof cells[NFIG], b->share, SKPI_UNIT_PERCENT);
        TRY(skpi_doc_table_add_row(a->doc, table, row));
    }
    return SKPI_OK;
}

/* Without marked competitors, the share of voice the host's own counts
 * give (`competitor_mentions` filled from a tool that exports totals):
 * by reach when it has them, else by mentions. SKPI_ENOTFOUND: neither. */
static int counted_share(skpi__asm *a)
{
    static const char *const shares[] = { "share_of_voice_reach", "share_of_voice" };
    for (size_t i = 0; i < sizeof shares / sizeof shares[0]; i++) {
        const skpi_metric *m;
        skpi_value v;
        if (skpi_catalog_find(&m, a->cat, shares[i]) != SKPI_OK) continue;
        TRY(skpi_dataset_value(&v, a->ds, shares[i], OURS, a->P));
        if (!usable(v)) continue;
        char s1[64];
        skpi__arg args[] = { { "metric", skpi_metric_label(m) },
                             { "period", a->plabel },
                             { "share", skpi__asm_value(a, s1, sizeof s1, v.value, SKPI_UNIT_PERCENT) } };
        TRY(skpi__asm_fill(a, SKPI_TPL_LISTENING_SHARE_COUNTED, args, 3));
        return skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
    }
    return SKPI_ENOTFOUND;
}

/* Our share of the reach against the competitors', and the largest
 * competitor's; without a marked competitor, the share the host's own
 * competitor counts give, else the note that every brand counts as ours. */
static int share_sentence(skpi__asm *a, const brand *list, size_t n)
{
    double ours = 0.0, total = 0.0;
    const brand *top = NULL;
    for (size_t i = 0; i < n; i++) {
        total += reach_of(&list[i]);
        if (!list[i].competitor) ours += reach_of(&list[i]);
        else if (top == NULL || reach_of(&list[i]) > reach_of(top)) top = &list[i];
    }
    if (top == NULL) {
        int rc = counted_share(a);
        if (rc != SKPI_ENOTFOUND) return rc;
        return skpi_doc_add_paragraph(NULL, a->doc, skpi__report_tpl(a->r, SKPI_TPL_LISTENING_NO_COMPETITORS));
    }
    if (!(total > 0.0)) return SKPI_OK; /* no reach: the table says n/a */
    char s1[64], s2[64];
    skpi__arg args[] = { { "share", skpi__asm_value(a, s1, sizeof s1, ours / total * 100.0, SKPI_UNIT_PERCENT) },
                         { "period", a->plabel },
                         { "competitor", top->channel + NETWORK_LEN },
                         { "competitor_share", skpi__asm_value(a, s2, sizeof s2, top->share, SKPI_UNIT_PERCENT) } };
    TRY(skpi__asm_fill(a, SKPI_TPL_LISTENING_SHARE, args, 4));
    return skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
}

/* Our brands' mentions with the most reach, as many as the report's top
 * posts; the renderers cut long texts to an excerpt. */
static int top_mentions(skpi__asm *a)
{
    size_t max = a->r->top_posts, count = 0;
    const skpi_metric *m;
    if (max == 0 || skpi_catalog_find(&m, a->cat, "mention_reach") != SKPI_OK) return SKPI_OK;
    size_t *idx = skpi__reallocarray(NULL, max, sizeof *idx);
    if (idx == NULL) return skpi__nomem();
    int rc = skpi_dataset_top_posts(idx, &count, max, a->ds, "mention_reach", OURS, a->P);
    if (rc == SKPI_ENOTFOUND) { rc = SKPI_OK; count = 0; } /* the catalog lacks the metric */
    if (rc == SKPI_OK && count > 0) {
        skpi__arg args[] = { { "period", a->plabel } };
        size_t block;
        rc = skpi__asm_fill(a, SKPI_TPL_LISTENING_TOP_TITLE, args, 1);
        if (rc == SKPI_OK) rc = skpi_doc_add_posts(&block, a->doc, a->t.buf);
        for (size_t i = 0; i < count && rc == SKPI_OK; i++) {
            const skpi_post *p = skpi_dataset_post(a->ds, idx[i]);
            skpi__day day;
            skpi_doc_post d = SKPI_DOC_POST_INIT;
            skpi__asm_post_day(a, &d, &day, skpi_post_published(p));
            d.channel = skpi_post_channel(p) + NETWORK_LEN;
            d.text = skpi_post_text(p);
            d.url = skpi_post_link(p);
            d.metric = skpi_metric_label(m);
            d.unit = skpi_metric_unit(m);
            skpi_post_value(&d.value, p, "mention_reach");
            rc = skpi_doc_posts_add(a->doc, block, &d);
            if (rc == SKPI_OK) rc = skpi_doc_set_channel_key(a->doc, block, i, skpi_post_channel(p));
        }
    }
    skpi__free(idx);
    return rc;
}

int skpi__sec_listening(skpi__asm *a)
{
    if (!has_listening(a)) return SKPI_OK;
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(a->r, SKPI_TPL_HEADING_LISTENING)));
    brand *list = NULL;
    size_t n = 0;
    TRY(collect(&list, &n, a));
    int rc = SKPI_OK;
    if (n == 0) {
        skpi__arg args[] = { { "period", a->plabel } };
        rc = skpi__asm_fill(a, SKPI_TPL_LISTENING_NO_DATA, args, 1);
        if (rc == SKPI_OK) rc = skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
    } else {
        rc = brand_table(a, list, n);
        if (rc == SKPI_OK) rc = share_sentence(a, list, n);
        if (rc == SKPI_OK) rc = top_mentions(a);
    }
    skpi__free(list);
    return rc;
}
