/* Scoring: key results through their curves, objectives as weighted means
 * (or their weakest item) rolled up through the alignment tree, with rounding,
 * bands, expected scores, status and verdicts. docs/okrs.md states the rules. */
#include "okr/okr_internal.h"

#include <math.h>
#include <string.h>

double skpi__okr_round1(double score)
{
    /* Half away from zero; scores are never negative, so half up. */
    return floor(score * 10.0 + 0.5 + SKPI__OKR_EPS) / 10.0;
}

int skpi__okr_band(double rounded, const skpi__okr_opts *o)
{
    if (rounded >= o->green_from - SKPI__OKR_EPS) return SKPI_OKR_GREEN;
    if (rounded >= o->yellow_from - SKPI__OKR_EPS) return SKPI_OKR_YELLOW;
    return SKPI_OKR_RED;
}

static int status_of(double score, double expected, bool started, const skpi__okr_opts *o)
{
    if (!started) return SKPI_OKR_NOT_STARTED;
    double gap = expected - score;
    if (gap <= o->on_track_gap + SKPI__OKR_EPS) return SKPI_OKR_ON_TRACK;
    if (gap <= o->at_risk_gap + SKPI__OKR_EPS) return SKPI_OKR_AT_RISK;
    return SKPI_OKR_OFF_TRACK;
}

#define KR_WHERE "objective \"%s\", key result %zu (\"%s\")"

/* The curve points of a numeric key result: a preset placed on the key
 * result's own achievements, or the custom points. */
static int curve_points(const double **x, const double **y, size_t *n, double px[4], double py[4],
                        const skpi__curve *c, const skpi_key_result *kr, size_t index)
{
    double span = kr->target - kr->start;
    switch (c->kind) {
    case SKPI_OKR_CURVE_LINEAR:
        px[0] = 0.0; py[0] = 0.0;
        px[1] = 1.0; py[1] = 1.0;
        *n = 2;
        break;
    case SKPI_OKR_CURVE_STRETCH:
        if (isnan(kr->stretch))
            return skpi__error(SKPI_EINVAL, KR_WHERE ": the stretch curve scores the stretch target "
                               "as 1.0, and this key result has none; set one with "
                               "skpi_key_result_set_stretch()", kr->obj->title, index, kr->title);
        px[0] = 0.0; py[0] = 0.0;
        px[1] = 1.0; py[1] = 0.7;
        px[2] = (kr->stretch - kr->start) / span; py[2] = 1.0;
        *n = 3;
        break;
    case SKPI_OKR_CURVE_THREE_LEVEL:
        if (isnan(kr->stretch) || isnan(kr->commit))
            return skpi__error(SKPI_EINVAL, KR_WHERE ": the three-level curve needs a commit value "
                               "(scores 0.3) and a stretch target (scores 1.0); this key result "
                               "lacks %s", kr->obj->title, index, kr->title,
                               isnan(kr->commit) && isnan(kr->stretch) ? "both"
                               : isnan(kr->commit) ? "the commit value" : "the stretch target");
        px[0] = 0.0; py[0] = 0.0;
        px[1] = (kr->commit - kr->start) / span; py[1] = 0.3;
        px[2] = 1.0; py[2] = 0.7;
        px[3] = (kr->stretch - kr->start) / span; py[3] = 1.0;
        *n = 4;
        break;
    default: /* custom */
        *x = c->x;
        *y = c->y;
        *n = c->n;
        return SKPI_OK;
    }
    *x = px;
    *y = py;
    return SKPI_OK;
}

static int score_kr(skpi__kr_result *out, const skpi_key_result *kr, size_t index,
                    const skpi_objective *obj, skpi_dataset *ds, skpi_time as_of,
                    double elapsed, const skpi__curve *curve, const skpi__okr_opts *o)
{
    if (!kr->has_range)
        return skpi__error(SKPI_EINVAL, KR_WHERE ": no start and target; set them with "
                           "skpi_key_result_set_range()", obj->title, index, kr->title);
    double value = NAN;
    int availability = SKPI_MISSING;
    if (kr->kind == SKPI_KR_METRIC) {
        if (kr->metric == NULL)
            return skpi__error(SKPI_EINVAL, KR_WHERE ": no metric; link one with "
                               "skpi_key_result_set_metric()", obj->title, index, kr->title);
        if (ds == NULL)
            return skpi__error(SKPI_EINVAL, KR_WHERE ": a metric-linked key result reads the "
                               "dataset, and none was given", obj->title, index, kr->title);
        skpi_period span = obj->period;
        if (as_of < span.end) span.end = as_of;
        if (span.end > span.start) {
            int rc = skpi__okr_metric_value(&value, &availability, ds, kr, span);
            if (rc != SKPI_OK) return rc;
            if (availability != SKPI_AVAILABLE && availability != SKPI_PARTIAL) value = NAN;
        }
    } else {
        value = skpi__checkin_value_before(kr, as_of);
        if (!isnan(value)) availability = SKPI_AVAILABLE;
    }
    if (isnan(value) && availability == SKPI_AVAILABLE) availability = SKPI_MISSING;

    double achievement = isnan(value) ? 0.0 : (value - kr->start) / (kr->target - kr->start);
    double score, expected;
    if (kr->kind == SKPI_KR_MILESTONE) {
        score = achievement; /* the completion, already within 0 to 1 */
        expected = elapsed;
    } else {
        const double *x = NULL, *y = NULL;
        double px[4], py[4];
        size_t n = 0;
        int rc = curve_points(&x, &y, &n, px, py, curve, kr, index);
        if (rc != SKPI_OK) return rc;
        score = skpi__okr_curve_eval(x, y, n, achievement);
        expected = skpi__okr_curve_eval(x, y, n, elapsed);
    }
    out->value = value;
    out->availability = availability;
    out->achievement = achievement;
    out->score = score;
    out->rounded = skpi__okr_round1(score);
    out->band = skpi__okr_band(out->rounded, o);
    out->expected = expected;
    out->status = status_of(score, expected, as_of > obj->period.start, o);
    skpi__checkin_confidence_before(kr, as_of, &out->conf_latest, &out->conf_previous);
    return SKPI_OK;
}

void skpi__okr_result_clear(skpi_okr_result *r)
{
    for (size_t i = 0; i < r->nchild; i++) skpi__okr_result_clear(&r->children[i]);
    skpi__free(r->children);
    r->children = NULL;
    r->nchild = 0;
}

/* Running sums of the items (key results and aligned objectives) of one objective. */
typedef struct totals {
    double w, ws, we, weakest, weakest_expected;
    double cw, wc; /* weights and weighted confidences of items that have one */
    size_t items;
} totals;

static void add_item(totals *t, double weight, double score, double expected, double confidence)
{
    if (!(weight > 0.0)) return;
    t->w += weight;
    t->ws += weight * score;
    t->we += weight * expected;
    if (t->items == 0 || score < t->weakest) t->weakest = score;
    if (t->items == 0 || expected < t->weakest_expected) t->weakest_expected = expected;
    t->items++;
    if (!isnan(confidence)) {
        t->cw += weight;
        t->wc += weight * confidence;
    }
}

static int verdict_of(const skpi_objective *obj, skpi_time as_of, double score, double rounded)
{
    if (as_of < obj->period.end) return SKPI_OKR_IN_PROGRESS;
    if (obj->type == SKPI_OBJECTIVE_COMMITTED)
        return score >= 1.0 - SKPI__OKR_EPS ? SKPI_OKR_COMMITTED_MET : SKPI_OKR_COMMITTED_MISSED;
    int tenths = (int)floor(rounded * 10.0 + 0.5);
    if (tenths >= 10) return SKPI_OKR_NOT_AMBITIOUS;
    if (tenths >= 8) return SKPI_OKR_ASPIRATIONAL_ABOVE;
    if (tenths >= 6) return SKPI_OKR_ASPIRATIONAL_SUCCESS;
    return SKPI_OKR_ASPIRATIONAL_BELOW;
}

int skpi__okr_score_into(skpi_okr_result *dst, const skpi_objective *obj,
                         skpi_dataset *ds, skpi_time as_of, const skpi__okr_opts *o)
{
    memset(dst, 0, sizeof *dst);
    if (!obj->has_period)
        return skpi__error(SKPI_EINVAL, "objective \"%s\" has no period; set one with "
                           "skpi_objective_set_period()", obj->title);
    skpi_period p = obj->period;
    double elapsed = as_of <= p.start ? 0.0
                   : as_of >= p.end ? 1.0
                   : (double)(as_of - p.start) / (double)(p.end - p.start);
    skpi__curve curve = o->curve;
    if (curve.kind == SKPI_OKR_CURVE_OBJECTIVE) {
        curve.kind = obj->curve;
        curve.x = obj->curve_x;
        curve.y = obj->curve_y;
        curve.n = obj->curve_n;
    }
    totals t = { 0 };
    for (size_t i = 0; i < obj->nkr; i++) {
        int rc = score_kr(&dst->kr[i], obj->krs[i], i, obj, ds, as_of, elapsed, &curve, o);
        if (rc != SKPI_OK) return rc;
        add_item(&t, obj->krs[i]->weight, dst->kr[i].score, dst->kr[i].expected,
                 dst->kr[i].conf_latest);
    }
    dst->nkr = obj->nkr;
    if (obj->nchild > 0) {
        skpi_okr_result *children = skpi__calloc(obj->nchild, sizeof *children);
        if (children == NULL) return skpi__nomem();
        for (size_t i = 0; i < obj->nchild; i++) {
            int rc = skpi__okr_score_into(&children[i], obj->children[i], ds, as_of, o);
            if (rc != SKPI_OK) {
                for (size_t j = 0; j < i; j++) skpi__okr_result_clear(&children[j]);
                skpi__free(children);
                return rc;
            }
            children[i].borrowed = true;
            add_item(&t, obj->children[i]->align_weight, children[i].score,
                     children[i].expected, children[i].confidence);
        }
        dst->children = children;
        dst->nchild = obj->nchild;
    }
    if (t.items == 0) {
        skpi__okr_result_clear(dst);
        return skpi__error(SKPI_EINVAL, "objective \"%s\" has nothing to score: %s", obj->title,
                           obj->nkr + obj->nchild == 0
                               ? "add key results or align objectives under it"
                               : "every key result and aligned objective has weight 0");
    }
    dst->as_of = as_of;
    dst->elapsed = elapsed;
    dst->mean = t.ws / t.w;
    dst->weakest = t.weakest;
    dst->score = o->weakest ? t.weakest : dst->mean;
    dst->rounded = skpi__okr_round1(dst->score);
    dst->band = skpi__okr_band(dst->rounded, o);
    dst->expected = o->weakest ? t.weakest_expected : t.we / t.w;
    dst->status = status_of(dst->score, dst->expected, as_of > p.start, o);
    dst->verdict = verdict_of(obj, as_of, dst->score, dst->rounded);
    dst->confidence = t.cw > 0.0 ? t.wc / t.cw : NAN;
    return SKPI_OK;
}

int skpi_objective_score(skpi_okr_result **out, const skpi_objective *obj,
                         skpi_dataset *ds, skpi_time as_of,
                         const skpi_okr_options *opts)
{
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_score: out is NULL");
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_score: obj is NULL");
    if (as_of < SKPI_TIME_MIN || as_of > SKPI_TIME_END)
        return skpi__error(SKPI_ERANGE, "skpi_objective_score: as_of %lld is outside "
                           "0001-01-01 to 10000-01-01", (long long)as_of);
    skpi__okr_opts o;
    int rc = skpi__okr_opts_resolve(&o, opts, "skpi_objective_score");
    if (rc != SKPI_OK) return rc;
    skpi_okr_result *r = skpi__malloc(sizeof *r);
    if (r == NULL) return skpi__nomem();
    rc = skpi__okr_score_into(r, obj, ds, as_of, &o);
    if (rc != SKPI_OK) {
        skpi__free(r);
        return rc;
    }
    r->borrowed = false;
    *out = r;
    return SKPI_OK;
}
