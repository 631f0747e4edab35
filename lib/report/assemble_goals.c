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

/* One verdict per card: when the status (progress against the expected
 * path) and the forecast (the recent trend carried to the deadline) point
 * different ways, a sentence says so. The likelihood decides, at one half;
 * without one, whether the projected value meets the target. */
/* A note followed by where a benchmark target comes from, so that a goal
 * card or key result line says whose number the target is. */
/* The note, then the sentence that names where the target comes from:
 * *out is the note itself when there is no source, else a text of its own
 * that *own holds for the caller to free (the note is never cut short). */
static int note_with_source(skpi__asm *a, const char **out, char **own, const char *note,
                            const char *source)
{
    *out = note;
    *own = NULL;
    if (source == NULL) return SKPI_OK;
    char *kept = skpi__strdup(note ? note : ""); /* note may be a->t's own text */
    if (kept == NULL) return skpi__nomem();
    skpi__arg args[] = { { "source", source } };
    int rc = skpi__asm_fill(a, SKPI_TPL_TARGET_SOURCE, args, 1);
    if (rc != SKPI_OK) {
        skpi__free(kept);
        return rc;
    }
    size_t n = strlen(kept), m = strlen(a->t.buf);
    char *text = skpi__malloc(n + 1 + m + 1);
    if (text == NULL) {
        skpi__free(kept);
        return skpi__nomem();
    }
    memcpy(text, kept, n);
    size_t at = n;
    if (n > 0) text[at++] = ' ';
    memcpy(text + at, a->t.buf, m + 1);
    skpi__free(kept);
    *out = *own = text;
    return SKPI_OK;
}

static int goal_caveat(skpi__asm *a, char *buf, size_t size, int status, const skpi_doc_goal *card,
                       const char *deadline)
{
    double like = card->likelihood.value, forecast = card->forecast.value;
    if (!isfinite(card->projected.value)) return SKPI_OK;
    bool meets = isfinite(like) ? like >= 0.5 : isfinite(forecast) ? forecast >= 1.0 : true;
    int key;
    if (status == SKPI_GOAL_ON_TRACK && !meets) key = SKPI_TPL_GOAL_SHORT_OF_TARGET;
    else if ((status == SKPI_GOAL_AT_RISK || status == SKPI_GOAL_OFF_TRACK) && meets) key = SKPI_TPL_GOAL_FORECAST_MEETS;
    else return SKPI_OK;
    char pbuf[64], tbuf[64], lbuf[32];
    skpi__asm_value(a, pbuf, sizeof pbuf, card->projected.value, card->unit);
    skpi__asm_value(a, tbuf, sizeof tbuf, card->target.value, card->unit);
    skpi__fmt_fraction(lbuf, sizeof lbuf, &a->nf, like);
    skpi__arg args[] = { { "status", card->status_label }, { "projected", pbuf }, { "target", tbuf },
                         { "deadline", deadline }, { "likelihood", lbuf } };
    TRY(skpi__asm_fill(a, key, args, 5));
    snprintf(buf, size, "%s", a->t.buf);
    return SKPI_OK;
}

/* A goal card's figures: where it stands, where it should be, where it is
 * heading. */
static void card_figures(skpi__asm *a, skpi_doc_goal *card, const skpi_goal *g, const skpi_goal_evaluation *ev)
{
    const skpi_report *r = a->r;
    int status = skpi_goal_evaluation_status(ev);
    double baseline = skpi_goal_evaluation_baseline(ev).value;
    double target = skpi_goal_evaluation_target(ev);
    double forecast = skpi_goal_evaluation_forecast(ev);
    card->name = skpi_goal_name(g);
    card->status = skpi_goal_status_name(status);
    card->status_label = skpi__report_tpl(r, skpi__goal_status_tpl(status));
    card->tone = skpi__goal_tone(status);
    card->unit = metric_unit(a, skpi_goal_metric(g));
    card->current = skpi_goal_evaluation_current(ev);
    if (card->current.availability != SKPI_AVAILABLE && card->current.availability != SKPI_PARTIAL)
        card->current.value = NAN;
    card->target = number(target);
    card->progress = number(skpi_goal_evaluation_progress(ev));
    card->expected = number(skpi_goal_evaluation_expected_progress(ev));
    /* The forecast as progress, on the same scale as progress; a goal to
     * stay above or below a level has no "way" to measure it along. */
    int direction = skpi_goal_direction(g);
    bool stay = direction == SKPI_GOAL_STAY_AT_LEAST || direction == SKPI_GOAL_STAY_AT_MOST;
    card->forecast = number(target != baseline && !stay ? (forecast - baseline) / (target - baseline) : NAN);
    card->projected = number(forecast);
    card->likelihood = number(skpi_goal_evaluation_likelihood(ev));
}

/* The note under a goal card: the pace needed against the recent one, in
 * a->t (NULL when the goal is settled or needs no pace). */
static int card_note(skpi__asm *a, const char **note, const skpi_goal *g, const skpi_goal_evaluation *ev,
                     int unit, const char *deadline)
{
    *note = NULL;
    int status = skpi_goal_evaluation_status(ev);
    double pace = skpi_goal_evaluation_pace_needed(ev);
    if (!isfinite(pace) || status == SKPI_GOAL_ACHIEVED || status == SKPI_GOAL_MISSED || pace == 0)
        return SKPI_OK;
    char pbuf[64], rbuf[64], tbuf[64];
    skpi__fmt_change(pbuf, sizeof pbuf, &a->nf, pace, unit);
    skpi__fmt_change(rbuf, sizeof rbuf, &a->nf, skpi_goal_evaluation_pace_recent(ev), unit);
    skpi__arg args[] = { { "pace", pbuf }, { "cadence", skpi__report_tpl(a->r, SKPI_TPL_CADENCE_DAY + skpi_goal_cadence(g)) },
                         { "recent", rbuf },
                         { "target", skpi__asm_value(a, tbuf, sizeof tbuf, skpi_goal_evaluation_target(ev), unit) },
                         { "deadline", deadline } };
    TRY(skpi__asm_fill(a, SKPI_TPL_GOAL_NOTE, args, 5));
    *note = a->t.buf;
    return SKPI_OK;
}

/* An owner as readers see it: a person of the report's team with their
 * role, "Maya (Community manager)"; a role, or a name the team does not
 * know, as written (docs/resourcing.md, "Owners"). */
static const char *owner_name(skpi__asm *a, char *buf, size_t size, const char *owner)
{
    const skpi_effort *e = a->r->effort;
    size_t n = skpi_effort_person_count(e);
    for (size_t i = 0; i < n; i++) {
        const char *name = NULL, *role = NULL;
        if (skpi_effort_person(&name, &role, e, i) != SKPI_OK || strcmp(name, owner) != 0) continue;
        snprintf(buf, size, "%s (%s)", owner, role);
        return buf;
    }
    return owner;
}

/* One goal's card: figures, owner, deadline (a date for data, words for
 * readers), caveat and note. */
static int goal_card(skpi__asm *a, size_t block, size_t i, bool *charted)
{
    const skpi_goal *g = a->r->goals[i];
    const skpi_goal_evaluation *ev = a->ev[i];
    skpi_doc_goal card = SKPI_DOC_GOAL_INIT;
    card_figures(a, &card, g, ev);
    skpi_period span;
    char deadline[40] = "", said[SKPI__NAME_SIZE] = ""; /* the date for data, and for sentences */
    if (skpi_goal_span(&span, g) == SKPI_OK && skpi__asm_deadline(a, deadline, sizeof deadline, span.end)[0]) {
        card.deadline = deadline;
        card.deadline_name = skpi__asm_deadline_name(a, said, sizeof said, span.end);
    }
    const char *owner = skpi_goal_owner(g);
    char owner_buf[512];
    card.owner = owner && owner[0] ? owner_name(a, owner_buf, sizeof owner_buf, owner) : NULL;
    /* before the note: both are filled in a->t */
    char caveat[512] = "";
    TRY(goal_caveat(a, caveat, sizeof caveat, skpi_goal_evaluation_status(ev), &card, said));
    if (caveat[0]) card.caveat = caveat;
    TRY(card_note(a, &card.note, g, ev, card.unit, said));
    /* A target taken from a benchmark says whose number it is. */
    char *own_note;
    TRY(note_with_source(a, &card.note, &own_note, card.note, skpi_goal_target_source(g)));
    int rc = skpi_doc_goals_add(a->doc, block, &card);
    skpi__free(own_note);
    TRY(rc);
    *charted = *charted || isfinite(card.progress.value);
    return SKPI_OK;
}

/* Progress against the expected path, both in percent of the way. */
static int goals_chart(skpi__asm *a)
{
    const skpi_report *r = a->r;
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
    if (rc == SKPI_OK) rc = skpi_doc_chart_set_axis(a->doc, c, SKPI_AXIS_ITEMS);
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

int skpi__sec_goals(skpi__asm *a)
{
    const skpi_report *r = a->r;
    if (r->ngoals == 0) return SKPI_OK;
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(r, SKPI_TPL_HEADING_GOALS)));
    size_t block;
    TRY(skpi_doc_add_goals(&block, a->doc, NULL));
    bool charted = false;
    for (size_t i = 0; i < r->ngoals; i++) TRY(goal_card(a, block, i, &charted));
    return charted ? goals_chart(a) : SKPI_OK;
}

static int band_tone(int band)
{
    return band == SKPI_OKR_GREEN ? SKPI_TONE_GOOD : band == SKPI_OKR_YELLOW ? SKPI_TONE_WARNING : SKPI_TONE_BAD;
}

/* The interpretation of a score: by the verdict, and while the period runs
 * against the score expected by elapsed time. */
static int interpretation(skpi__asm *a, const skpi_okr_result *res, const char *band_label)
{
    int verdict = skpi_okr_result_verdict(res);
    if (verdict < SKPI_OKR_IN_PROGRESS || verdict > SKPI_OKR_NOT_AMBITIOUS) verdict = SKPI_OKR_IN_PROGRESS;
    char elapsed[32], expected[32], score[32];
    skpi__fmt_fraction(elapsed, sizeof elapsed, &a->nf, skpi_okr_result_elapsed(res));
    skpi__fmt_score(expected, sizeof expected, &a->nf, skpi_okr_result_expected(res));
    skpi__fmt_score(score, sizeof score, &a->nf, skpi_okr_result_score(res));
    skpi__arg args[] = { { "elapsed", elapsed }, { "expected", expected }, { "score", score },
                         { "status", skpi_okr_status_name(skpi_okr_result_status(res)) },
                         { "band", band_label } };
    return skpi__asm_fill(a, SKPI_TPL_OKR_IN_PROGRESS + verdict, args, 5);
}

/* One verdict per card: the badge says what the score means for the
 * objective, in the words of the interpretation beside it. While the period
 * runs: its status against the score expected by now. At the end: achieved
 * (committed at 1.0; aspirational at 0.6 or more) or missed (a committed
 * 0.7 is green on the grading scale and still a miss; the interpretation
 * says both). The band stays in the document as the machine key. */
static void objective_badge(const skpi__asm *a, skpi_doc_objective *card, const skpi_okr_result *res)
{
    const skpi_report *r = a->r;
    int verdict = skpi_okr_result_verdict(res);
    if (verdict == SKPI_OKR_COMMITTED_MISSED || verdict == SKPI_OKR_ASPIRATIONAL_BELOW) {
        card->band_label = skpi__report_tpl(r, SKPI_TPL_STATUS_MISSED);
        card->tone = SKPI_TONE_BAD;
    } else if (verdict > SKPI_OKR_IN_PROGRESS && verdict <= SKPI_OKR_NOT_AMBITIOUS) {
        card->band_label = skpi__report_tpl(r, SKPI_TPL_STATUS_ACHIEVED);
        card->tone = SKPI_TONE_GOOD;
    } else {
        static const int tpl[] = { SKPI_TPL_STATUS_NOT_STARTED, SKPI_TPL_STATUS_ON_TRACK,
                                   SKPI_TPL_STATUS_AT_RISK, SKPI_TPL_STATUS_OFF_TRACK };
        static const int tone[] = { SKPI_TONE_NEUTRAL, SKPI_TONE_GOOD, SKPI_TONE_WARNING, SKPI_TONE_BAD };
        int status = skpi_okr_result_status(res);
        if (status < SKPI_OKR_NOT_STARTED || status > SKPI_OKR_OFF_TRACK) status = SKPI_OKR_NOT_STARTED;
        card->band_label = skpi__report_tpl(r, tpl[status]);
        card->tone = tone[status];
    }
}

/* The latest check-in note before as_of ("" and NULL notes skipped), and
 * who wrote it ("" when not said). */
static const char *latest_note(const char **author, const skpi_key_result *kr, skpi_time as_of)
{
    *author = "";
    for (size_t c = skpi_key_result_checkin_count(kr); c-- > 0;) {
        skpi_time t;
        double v, conf;
        const char *note = NULL;
        if (skpi_key_result_checkin(&t, &v, &conf, &note, kr, c) != SKPI_OK || t >= as_of) continue;
        if (note && note[0]) {
            if (skpi_key_result_checkin_author(author, kr, c) != SKPI_OK) *author = "";
            return note;
        }
    }
    return NULL;
}

/* A note with its author beside it ("On plan. — Dana"), or the note alone;
 * the caller frees the result when it differs from `note`. */
static const char *signed_note(const char *note, const char *author)
{
    if (note == NULL || author[0] == '\0') return note;
    size_t n = strlen(note) + strlen(author) + sizeof " \xE2\x80\x94 ";
    char *s = skpi__malloc(n);
    if (s != NULL) snprintf(s, n, "%s \xE2\x80\x94 %s", note, author);
    return s;
}

static int key_results(skpi__asm *a, size_t block, size_t o, const skpi_objective *obj,
                       const skpi_okr_result *res)
{
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
        const char *author, *note = latest_note(&author, kr, a->r->as_of);
        const char *signed_by = signed_note(note, author);
        if (note != NULL && signed_by == NULL) return skpi__nomem();
        char *own_note = NULL;
        int rc = note_with_source(a, &line.note, &own_note, signed_by,
                                  skpi_key_result_target_source(kr));
        if (rc == SKPI_OK) rc = skpi_doc_objective_add_key_result(a->doc, block, o, &line);
        skpi__free(own_note);
        if (signed_by != note) skpi__free((char *)signed_by);
        TRY(rc);
    }
    return SKPI_OK;
}

/* An objective's card, its key results, then the objectives aligned under
 * it, so that its score can be traced to everything that makes it. */
static int objective_card(skpi__asm *a, size_t block, const skpi_objective *obj, const skpi_okr_result *res,
                          unsigned depth)
{
    int band = skpi_okr_result_band(res);
    if (band < SKPI_OKR_RED || band > SKPI_OKR_GREEN) band = SKPI_OKR_RED;
    skpi_doc_objective card = SKPI_DOC_OBJECTIVE_INIT;
    card.title = skpi_objective_title(obj);
    const char *owner = skpi_objective_owner(obj);
    char owner_buf[512];
    card.owner = owner && owner[0] ? owner_name(a, owner_buf, sizeof owner_buf, owner) : NULL;
    card.aspirational = skpi_objective_type(obj) == SKPI_OBJECTIVE_ASPIRATIONAL;
    card.score = number(skpi_okr_result_score(res));
    card.score_rounded = number(skpi_okr_result_rounded(res));
    card.band = skpi_okr_band_name(band);
    card.depth = depth;
    objective_badge(a, &card, res);
    char text[1024] = "";
    const skpi_objective *parent = skpi_objective_parent(obj);
    if (depth > 0 && parent) {
        char weight[40];
        skpi__num_json(weight, skpi_objective_alignment_weight(obj));
        skpi__arg args[] = { { "parent", skpi_objective_title(parent) }, { "weight", weight } };
        TRY(skpi__asm_fill(a, SKPI_TPL_OKR_ALIGNED, args, 2));
        snprintf(text, sizeof text, "%s ", a->t.buf);
    }
    TRY(interpretation(a, res, skpi__report_tpl(a->r, SKPI_TPL_BAND_RED + band)));
    size_t used = strlen(text);
    snprintf(text + used, sizeof text - used, "%s", a->t.buf);
    card.interpretation = text;
    size_t o;
    TRY(skpi_doc_objectives_add(&o, a->doc, block, &card));
    TRY(key_results(a, block, o, obj, res));
    if (depth >= 8) return SKPI_OK;
    size_t n = skpi_okr_result_child_count(res);
    for (size_t c = 0; c < n && c < skpi_objective_child_count(obj); c++)
        TRY(objective_card(a, block, skpi_objective_child(obj, c), skpi_okr_result_child(res, c), depth + 1));
    return SKPI_OK;
}

/* Whether an objective is shown under another objective of the report. */
static bool shown_under_parent(const skpi_report *r, const skpi_objective *obj)
{
    for (const skpi_objective *p = skpi_objective_parent(obj); p; p = skpi_objective_parent(p))
        for (size_t i = 0; i < r->nobjectives; i++)
            if (r->objectives[i] == p) return true;
    return false;
}

int skpi__sec_okrs(skpi__asm *a)
{
    const skpi_report *r = a->r;
    if (r->nobjectives == 0) return SKPI_OK;
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(r, SKPI_TPL_HEADING_OKRS)));
    size_t block;
    TRY(skpi_doc_add_objectives(&block, a->doc, NULL));
    for (size_t i = 0; i < r->nobjectives; i++)
        if (!shown_under_parent(r, r->objectives[i]))
            TRY(objective_card(a, block, r->objectives[i], a->okr[i], 0));
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
    if (rc == SKPI_OK) rc = skpi_doc_chart_set_axis(a->doc, c, SKPI_AXIS_ITEMS);
    if (rc == SKPI_OK)
        rc = skpi_doc_chart_add_series(NULL, a->doc, c, skpi__report_tpl(r, SKPI_TPL_SERIES_SCORE),
                                       SKPI_SERIES_SOLID, names, scores, r->nobjectives);
    skpi__free(names);
    skpi__free(scores);
    return rc;
}
