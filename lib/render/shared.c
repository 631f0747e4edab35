/* Pieces every renderer uses: enum keys, fixed words, KPI cells and text
 * sparklines. */
#include "render/render_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *skpi__unit_key(int unit)
{
    static const char *const k[] = { "count", "percent", "ratio", "currency", "duration", "score" };
    return unit >= 0 && unit <= SKPI_UNIT_SCORE ? k[unit] : "count";
}

const char *skpi__direction_key(int direction)
{
    static const char *const k[] = { "higher_is_better", "lower_is_better", "neutral" };
    return direction >= 0 && direction <= SKPI_DIRECTION_NEUTRAL ? k[direction] : "neutral";
}

const char *skpi__availability_key(int a)
{
    static const char *const k[] = { "available", "missing", "partial", "denominator_zero", "unsupported" };
    return a >= 0 && a <= SKPI_UNSUPPORTED ? k[a] : "missing";
}

const char *skpi__availability_word(skpi__render *r, int a)
{
    /* a value that is not a number is missing, a division by zero or
     * unsupported: partial values are numbers */
    static const int k[] = { SKPI_TPL_NO_DATA, SKPI_TPL_NO_DATA, SKPI_TPL_NO_DATA,
                             SKPI_TPL_DIVISION_BY_ZERO, SKPI_TPL_NOT_SUPPORTED };
    return skpi__word(r, a >= 0 && a <= SKPI_UNSUPPORTED ? k[a] : SKPI_TPL_NO_DATA, NULL);
}

const char *skpi__tone_key(int tone)
{
    static const char *const k[] = { "neutral", "good", "warning", "bad" };
    return tone >= 0 && tone <= SKPI_TONE_BAD ? k[tone] : "neutral";
}

const char *skpi__callout_key(int kind)
{
    static const char *const k[] = { "info", "win", "alert" };
    return kind >= 0 && kind <= SKPI_CALLOUT_ALERT ? k[kind] : "info";
}

int skpi__callout_tpl(int kind)
{
    static const int k[] = { SKPI_TPL_CALLOUT_NOTE, SKPI_TPL_CALLOUT_WIN, SKPI_TPL_CALLOUT_ALERT };
    return kind >= 0 && kind <= SKPI_CALLOUT_ALERT ? k[kind] : SKPI_TPL_CALLOUT_NOTE;
}

static const char *vword(skpi__render *r, int key, va_list ap)
{
    skpi__arg args[8];
    size_t n = 0;
    const char *name;
    while (n < sizeof args / sizeof args[0] && (name = va_arg(ap, const char *)) != NULL) {
        args[n].name = name;
        args[n].value = va_arg(ap, const char *);
        n++;
    }
    const char *locale = r->nf.loc ? skpi__locnum_name(r->nf.loc) : NULL;
    int rc = skpi__text_fill_in(&r->words, skpi_doc_text(r->doc, key), args, n, locale);
    if (rc != SKPI_OK) {
        skpi__out_fail(&r->out, rc);
        return "";
    }
    return r->words.buf;
}

const char *skpi__word(skpi__render *r, int key, ...)
{
    va_list ap;
    va_start(ap, key);
    const char *w = vword(r, key, ap);
    va_end(ap);
    return w;
}

const char *skpi__word_between(skpi__render *r, const char *before, const char *after, int key, ...)
{
    va_list ap;
    va_start(ap, key);
    const char *w = vword(r, key, ap);
    va_end(ap);
    skpi__text *t = &r->joined;
    t->len = 0;
    skpi__text_put(t, before, strlen(before));
    skpi__text_put(t, w, strlen(w));
    skpi__text_put(t, after, strlen(after));
    if (t->err != SKPI_OK) {
        skpi__out_fail(&r->out, t->err);
        return "";
    }
    return t->buf;
}

/* A value cell: the number, '*' when partial. */
static void value_cell(char *buf, size_t size, const skpi__render *r, skpi_value v, int unit)
{
    char tmp[40];
    skpi__fmt_value(tmp, sizeof tmp, &r->nf, v.value, unit);
    snprintf(buf, size, "%s%s", tmp, v.availability == SKPI_PARTIAL ? "*" : "");
}

/* Percent metrics show their absolute change in percentage points. */
static void change_cell(char *buf, size_t size, const skpi__render *r, skpi_value change,
                        skpi_value points, int unit)
{
    if (unit == SKPI_UNIT_PERCENT) skpi__fmt_points(buf, size, &r->nf, points.value);
    else skpi__fmt_change(buf, size, &r->nf, change.value, unit);
}

void skpi__kpi_format(skpi__kpi_cells *c, const skpi__render *r, const skpi_doc_kpi_row *row)
{
    value_cell(c->value, sizeof c->value, r, row->value, row->unit);
    value_cell(c->previous, sizeof c->previous, r, row->previous, row->unit);
    change_cell(c->change, sizeof c->change, r, row->change, row->change_points, row->unit);
    skpi__fmt_percent_change(c->percent, sizeof c->percent, &r->nf, row->change_percent.value);
    value_cell(c->previous2, sizeof c->previous2, r, row->previous2, row->unit);
    change_cell(c->change2, sizeof c->change2, r, row->change2, row->change2_points, row->unit);
    skpi__fmt_percent_change(c->percent2, sizeof c->percent2, &r->nf, row->change2_percent.value);
}

void skpi__goal_format(skpi__goal_cells *c, const skpi__render *r, const skpi_doc_goal *g)
{
    skpi__fmt_fraction(c->progress, sizeof c->progress, &r->nf, g->progress.value);
    skpi__fmt_fraction(c->expected, sizeof c->expected, &r->nf, g->expected.value);
    skpi__fmt_fraction(c->forecast, sizeof c->forecast, &r->nf, g->forecast.value);
    skpi__fmt_value(c->current, sizeof c->current, &r->nf, g->current.value, g->unit);
    skpi__fmt_value(c->target, sizeof c->target, &r->nf, g->target.value, g->unit);
    skpi__fmt_value(c->projected, sizeof c->projected, &r->nf, g->projected.value, g->unit);
    skpi__fmt_fraction(c->likelihood, sizeof c->likelihood, &r->nf, g->likelihood.value);
}

const char *skpi__goal_forecast_text(skpi__render *r, const skpi_doc_goal *g, const skpi__goal_cells *c)
{
    if (!isfinite(g->projected.value)) return NULL;
    if (!isfinite(g->likelihood.value)) return skpi__word(r, SKPI_TPL_GOAL_PROJECTED, "projected", c->projected, NULL);
    return skpi__word(r, SKPI_TPL_GOAL_FORECAST, "forecast", c->forecast, "projected", c->projected,
                      "likelihood", c->likelihood, NULL);
}

const char *skpi__goal_deadline(const skpi_doc_goal *g)
{
    return g->deadline_name && g->deadline_name[0] ? g->deadline_name : g->deadline;
}

const char *skpi__post_day(const skpi_doc_post *p)
{
    return p->published_name && p->published_name[0] ? p->published_name : p->published;
}

bool skpi__kpi_has_partial(const skpi__view *b)
{
    for (size_t i = 0; i < b->count; i++) {
        const skpi_doc_kpi_row k = skpi__kpi_row_at(b, i);
        if (k.value.availability == SKPI_PARTIAL || k.previous.availability == SKPI_PARTIAL ||
            (b->comparison2 && k.previous2.availability == SKPI_PARTIAL))
            return true;
    }
    return false;
}

void skpi__sparkline_text(char *buf, size_t size, const double *v, size_t n, size_t max)
{
    static const char *const bars[] = { "\xE2\x96\x81", "\xE2\x96\x82", "\xE2\x96\x83", "\xE2\x96\x84",
                                        "\xE2\x96\x85", "\xE2\x96\x86", "\xE2\x96\x87", "\xE2\x96\x88" };
    buf[0] = '\0';
    if (n > max) { v += n - max; n = max; }
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++)
        if (!isnan(v[i])) { lo = fmin(lo, v[i]); hi = fmax(hi, v[i]); }
    if (lo > hi) return;
    size_t k = 0;
    for (size_t i = 0; i < n && k + 4 < size; i++) {
        if (isnan(v[i])) { buf[k++] = ' '; continue; }
        int level = hi > lo ? (int)floor((v[i] - lo) / (hi - lo) * 7.0 + 0.5) : 3;
        memcpy(buf + k, bars[level], 3);
        k += 3;
    }
    buf[k] = '\0';
}

double *skpi__chart_table(skpi__render *r, const skpi__view *b)
{
    size_t n = b->count * b->ncat;
    double *m = skpi__reallocarray(NULL, n ? n : 1, sizeof *m);
    if (m == NULL) { skpi__out_fail(&r->out, skpi__nomem()); return NULL; }
    for (size_t k = 0; k < n; k++) m[k] = NAN;
    for (size_t i = 0; i < b->count; i++) {
        skpi__series_view s = skpi__series_at(b, i);
        /* Backwards, so that the first point at a category is the one kept. */
        for (size_t j = s.length; j-- > 0;) m[i * b->ncat + s.cat[j]] = s.values[j];
    }
    return m;
}

void skpi__excerpt(char *buf, size_t size, const char *s, size_t max)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), k = 0, count = 0;
    while (n > 0 && count < max) {
        uint32_t cp;
        size_t len = skpi__utf8_next(p, n, &cp);
        if (k + len + 4 > size) break;
        memcpy(buf + k, p, len);
        k += len;
        p += len;
        n -= len;
        count++;
    }
    if (n > 0 && k + 4 <= size) { memcpy(buf + k, "\xE2\x80\xA6", 3); k += 3; }
    buf[k] = '\0';
}
