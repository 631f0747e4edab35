/* Goal and OKR facts (evaluations and scores) and their sections. */
#include "report/assemble.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int skpi__goal_tone(int status)
{
    switch (status) {
    case SKPI_GOAL_ON_TRACK: case SKPI_GOAL_ACHIEVED: return SKPI_TONE_GOOD;
    case SKPI_GOAL_AT_RISK: return SKPI_TONE_WARNING;
    case SKPI_GOAL_OFF_TRACK: case SKPI_GOAL_MISSED: return SKPI_TONE_BAD;
    default: return SKPI_TONE_NEUTRAL;
    }
}

/* Statuses and their label templates are in the same order. */
int skpi__goal_status_tpl(int status)
{
    return status >= SKPI_GOAL_NOT_STARTED && status <= SKPI_GOAL_NO_DATA ? SKPI_TPL_STATUS_NOT_STARTED + status
                                                                           : SKPI_TPL_STATUS_NO_DATA;
}

int skpi__asm_goals(skpi__asm *a)
{
    const skpi_report *r = a->r;
    if (r->ngoals == 0) return SKPI_OK;
    a->ev = skpi__calloc(r->ngoals, sizeof *a->ev);
    if (a->ev == NULL) return skpi__nomem();
    for (size_t i = 0; i < r->ngoals; i++)
        TRY(skpi_goal_evaluate(&a->ev[i], r->goals[i], a->ds, a->cal, r->as_of, NULL));
    return SKPI_OK;
}

int skpi__asm_okrs(skpi__asm *a)
{
    const skpi_report *r = a->r;
    if (r->nobjectives == 0) return SKPI_OK;
    a->okr = skpi__calloc(r->nobjectives, sizeof *a->okr);
    if (a->okr == NULL) return skpi__nomem();
    for (size_t i = 0; i < r->nobjectives; i++)
        TRY(skpi_objective_score(&a->okr[i], r->objectives[i], a->ds, r->as_of, NULL));
    return SKPI_OK;
}

static int metric_unit(const skpi__asm *a, const char *metric)
{
    const skpi_metric *m = NULL;
    if (metric && skpi_catalog_find(&m, a->cat, metric) == SKPI_OK) return skpi_metric_unit(m);
    return SKPI_UNIT_COUNT;
}

static skpi_value number(double v)
{
    skpi_value x = { v, isfinite(v) ? SKPI_AVAILABLE : SKPI_MISSING };
    return x;
}

int skpi__sec_goals(skpi__asm *a)
{
    const skpi_report *r = a->r;
    if (r->ngoals == 0) return SKPI_OK;
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(r, SKPI_TPL_HEADING_GOALS)));
    size_t block;
    TRY(skpi_doc_add_goals(&block, a->doc, NULL));
    bool chart = false;
    for (size_t i = 0; i < r->ngoals; i++) {
        const skpi_goal *g = r->goals[i];
        const skpi_goal_evaluation *ev = a->ev[i];
        int status = skpi_goal_evaluation_status(ev);
        int unit = metric_unit(a, skpi_goal_metric(g));
        double baseline = skpi_goal_evaluation_baseline(ev).value;
        double target = skpi_goal_evaluation_target(ev);
        double forecast = skpi_goal_evaluation_forecast(ev);
        skpi_doc_goal card = SKPI_DOC_GOAL_INIT;
        card.name = skpi_goal_name(g);
        card.status = skpi_goal_status_name(status);
        card.status_label = skpi__report_tpl(r, skpi__goal_status_tpl(status));
        card.tone = skpi__goal_tone(status);
        card.unit = unit;
        card.current = skpi_goal_evaluation_current(ev);
        if (card.current.availability != SKPI_AVAILABLE && card.current.availability != SKPI_PARTIAL)
            card.current.value = NAN;
        card.target = number(target);
        card.progress = number(skpi_goal_evaluation_progress(ev));
        card.expected = number(skpi_goal_evaluation_expected_progress(ev));
        /* The forecast as progress, on the same scale as progress. */
        card.forecast = number(target != baseline ? (forecast - baseline) / (target - baseline) : NAN);
        skpi_period span;
        char deadline[40] = "";
        if (skpi_goal_span(&span, g) == SKPI_OK && skpi__asm_deadline(a, deadline, sizeof deadline, span.end)[0])
            card.deadline = deadline;
        double pace = skpi_goal_evaluation_pace_needed(ev);
        char pbuf[64], rbuf[64], tbuf[64];
        if (isfinite(pace) && status != SKPI_GOAL_ACHIEVED && status != SKPI_GOAL_MISSED && pace != 0) {
            skpi__fmt_change(pbuf, sizeof pbuf, &a->nf, pace, unit);
            skpi__fmt_change(rbuf, sizeof rbuf, &a->nf, skpi_goal_evaluation_pace_recent(ev), unit);
            skpi__arg args[] = { { "pace", pbuf }, { "cadence", skpi__report_tpl(r, SKPI_TPL_CADENCE_DAY + skpi_goal_cadence(g)) },
                                 { "recent", rbuf }, { "target", skpi__asm_value(a, tbuf, sizeof tbuf, target, unit) },
                                 { "deadline", deadline } };
            TRY(skpi__asm_fill(a, SKPI_TPL_GOAL_NOTE, args, 5));
            card.note = a->t.buf;
        }
        TRY(skpi_doc_goals_add(a->doc, block, &card));
        chart = chart || isfinite(card.progress.value);
    }
    if (!chart) return SKPI_OK;
    /* Progress against the expected path, both in percent of the way. */
    const char **names = skpi__reallocarray(NULL, r->ngoals, sizeof *names);
    double *prog = skpi__reallocarray(NULL, r->ngoals, sizeof *prog);
    double *exp = skpi__reallocarray(NULL, r->ngoals, sizeof *exp);
    int rc = names && prog && exp ? SKPI_OK : skpi__nomem();
    for (size_t i = 0; rc == SKPI_OK && i < r->ngoals; i++) {
        names[i] = skpi_goal_name(r->goals[i]);
        prog[i] = skpi_goal_evaluation_progress(a->ev[i]) * 100.0;
        exp[i] = skpi_goal_evaluation_expected_progress(a->ev[i]) * 100.0;
    }
    size_t c = 0;
    if (rc == SKPI_OK) {
        skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
        ch.kind = SKPI_CHART_BAR;
        ch.title = skpi__report_tpl(r, SKPI_TPL_GOALS_CHART_TITLE);
        ch.unit = SKPI_UNIT_PERCENT;
        rc = skpi_doc_add_chart(&c, a->doc, &ch);
    }
    if (rc == SKPI_OK)
        rc = skpi_doc_chart_add_series(NULL, a->doc, c, skpi__report_tpl(r, SKPI_TPL_SERIES_PROGRESS),
                                       SKPI_SERIES_SOLID, names, prog, r->ngoals);
    if (rc == SKPI_OK)
        rc = skpi_doc_chart_add_series(NULL, a->doc, c, skpi__report_tpl(r, SKPI_TPL_SERIES_EXPECTED),
                                       SKPI_SERIES_DASHED, names, exp, r->ngoals);
    skpi__free(names);
    skpi__free(prog);
    skpi__free(exp);
    return rc;
}

static int band_tone(int band)
{
    return band == SKPI_OKR_GREEN ? SKPI_TONE_GOOD : band == SKPI_OKR_YELLOW ? SKPI_TONE_WARNING : SKPI_TONE_BAD;
}

/* The interpretation of a score: by the verdict, and while the period runs
 * against the score expected by elapsed time. */
static int interpretation(skpi__asm *a, const skpi_okr_result *res)
{
    int verdict = skpi_okr_result_verdict(res);
    if (verdict < SKPI_OKR_IN_PROGRESS || verdict > SKPI_OKR_NOT_AMBITIOUS) verdict = SKPI_OKR_IN_PROGRESS;
    char elapsed[32], expected[32], score[32];
    skpi__fmt_fraction(elapsed, sizeof elapsed, &a->nf, skpi_okr_result_elapsed(res));
    skpi__fmt_score(expected, sizeof expected, &a->nf, skpi_okr_result_expected(res));
    skpi__fmt_score(score, sizeof score, &a->nf, skpi_okr_result_score(res));
    skpi__arg args[] = { { "elapsed", elapsed }, { "expected", expected }, { "score", score },
                         { "status", skpi_okr_status_name(skpi_okr_result_status(res)) } };
    return skpi__asm_fill(a, SKPI_TPL_OKR_IN_PROGRESS + verdict, args, 4);
}

int skpi__sec_okrs(skpi__asm *a)
{
    const skpi_report *r = a->r;
    if (r->nobjectives == 0) return SKPI_OK;
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(r, SKPI_TPL_HEADING_OKRS)));
    size_t block;
    TRY(skpi_doc_add_objectives(&block, a->doc, NULL));
    for (size_t i = 0; i < r->nobjectives; i++) {
        const skpi_objective *obj = r->objectives[i];
        const skpi_okr_result *res = a->okr[i];
        int band = skpi_okr_result_band(res);
        if (band < SKPI_OKR_RED || band > SKPI_OKR_GREEN) band = SKPI_OKR_RED;
        skpi_doc_objective card = SKPI_DOC_OBJECTIVE_INIT;
        card.title = skpi_objective_title(obj);
        const char *owner = skpi_objective_owner(obj);
        card.owner = owner && owner[0] ? owner : NULL;
        card.aspirational = skpi_objective_type(obj) == SKPI_OBJECTIVE_ASPIRATIONAL;
        card.score = number(skpi_okr_result_score(res));
        card.score_rounded = number(skpi_okr_result_rounded(res));
        card.band = skpi_okr_band_name(band);
        card.band_label = skpi__report_tpl(r, SKPI_TPL_BAND_RED + band);
        card.tone = band_tone(band);
        TRY(interpretation(a, res));
        card.interpretation = a->t.buf;
        size_t o;
        TRY(skpi_doc_objectives_add(&o, a->doc, block, &card));
        size_t nkr = skpi_okr_result_kr_count(res);
        for (size_t k = 0; k < nkr && k < skpi_objective_key_result_count(obj); k++) {
            const skpi_key_result *kr = skpi_objective_key_result(obj, k);
            skpi_doc_key_result line = SKPI_DOC_KEY_RESULT_INIT;
            line.title = skpi_key_result_title(kr);
            int kind = skpi_key_result_kind(kr);
            line.unit = kind == SKPI_KR_METRIC ? metric_unit(a, skpi_key_result_metric(kr))
                        : kind == SKPI_KR_MILESTONE ? SKPI_UNIT_RATIO : SKPI_UNIT_COUNT;
            double start = NAN, target = NAN, value = NAN, score = NAN;
            int avail = SKPI_MISSING, kband = SKPI_OKR_RED;
            skpi_key_result_range(&start, &target, kr);
            skpi_okr_result_kr_value(&value, &avail, NULL, res, k);
            skpi_okr_result_kr_score(&score, NULL, &kband, res, k);
            line.start = number(start);
            line.target = number(target);
            line.current = number(value);
            if (avail == SKPI_PARTIAL && isfinite(value)) line.current.availability = SKPI_PARTIAL;
            line.score = number(score);
            line.tone = band_tone(kband);
            TRY(skpi_doc_objective_add_key_result(a->doc, block, o, &line));
        }
    }
    /* The objectives' scores on the 0 to 1 scale. */
    const char **names = skpi__reallocarray(NULL, r->nobjectives, sizeof *names);
    double *scores = skpi__reallocarray(NULL, r->nobjectives, sizeof *scores);
    int rc = names && scores ? SKPI_OK : skpi__nomem();
    for (size_t i = 0; rc == SKPI_OK && i < r->nobjectives; i++) {
        names[i] = skpi_objective_title(r->objectives[i]);
        scores[i] = skpi_okr_result_score(a->okr[i]);
    }
    size_t c = 0;
    if (rc == SKPI_OK) {
        skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
        ch.kind = SKPI_CHART_BAR;
        ch.title = skpi__report_tpl(r, SKPI_TPL_OKR_CHART_TITLE);
        ch.unit = SKPI_UNIT_RATIO;
        ch.fixed_range = 1;
        ch.y_min = 0;
        ch.y_max = 1;
        rc = skpi_doc_add_chart(&c, a->doc, &ch);
    }
    if (rc == SKPI_OK)
        rc = skpi_doc_chart_add_series(NULL, a->doc, c, skpi__report_tpl(r, SKPI_TPL_SERIES_SCORE),
                                       SKPI_SERIES_SOLID, names, scores, r->nobjectives);
    skpi__free(names);
    skpi__free(scores);
    return rc;
}
