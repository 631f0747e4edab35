/* Private OKR internals: the layouts of objectives, key results and results,
 * and the helpers the files of lib/okr share. Never installed. */
#ifndef SKPI_OKR_INTERNAL_H
#define SKPI_OKR_INTERNAL_H

#include "socialkpi/okr.h"
#include "core/internal.h"

#include <stdbool.h>

#define SKPI__OKR_MAX_KR 5
#define SKPI__OKR_MAX_CURVE 16
#define SKPI__OKR_MAX_DEPTH 32
#define SKPI__OKR_MAX_POINTS 10000
#define SKPI__OKR_MAX_WEIGHT 1e6
/* Scores are sums and quotients of doubles, so a value that is exactly a
 * half-tenth or a threshold on paper may land a few ulps below it; this
 * tolerance keeps such values on the side a grader working by hand expects. */
#define SKPI__OKR_EPS 1e-9

typedef struct skpi__checkin {
    skpi_time time;
    double value;      /* NaN: confidence-only check-in */
    double confidence; /* NaN: not given */
    char *note;        /* never NULL; who checked in follows its NUL ("" when
                        * not said): one allocation holds both */
} skpi__checkin;

struct skpi_key_result {
    skpi_objective *obj;
    int kind;
    char *title;
    bool has_range;
    double start, target;
    double stretch; /* NaN: none */
    double commit;  /* NaN: none */
    double weight;
    char *metric;   /* NULL until set */
    char *selector; /* NULL until set */
    char *target_source; /* the benchmark the target came from; NULL: none */
    char *activity; /* the activity of the team that serves it; NULL: none */
    skpi__checkin *checkins; /* sorted by time, times unique */
    size_t ncheckins, capcheckins;
};

struct skpi_objective {
    char *title, *description, *owner; /* never NULL */
    bool has_period;
    skpi_period period;
    int type;
    int curve;                 /* a preset, or SKPI_OKR_CURVE_CUSTOM */
    double curve_x[SKPI__OKR_MAX_CURVE], curve_y[SKPI__OKR_MAX_CURVE];
    size_t curve_n;            /* points of the custom curve */
    skpi_key_result *krs[SKPI__OKR_MAX_KR];
    size_t nkr;
    skpi_objective *parent;    /* borrowed */
    double align_weight;       /* NaN when top-level */
    skpi_objective **children; /* borrowed, attachment order */
    size_t nchild, capchild;
};

/* A curve as the scoring code sees it: a preset or borrowed points. */
typedef struct skpi__curve {
    int kind;
    const double *x, *y;
    size_t n;
} skpi__curve;

typedef struct skpi__kr_result {
    double value;
    int availability;
    double achievement;
    double score, rounded;
    int band;
    double expected;
    int status;
    double conf_latest, conf_previous;
} skpi__kr_result;

struct skpi_okr_result {
    bool borrowed; /* part of another result or a trajectory */
    skpi_time as_of;
    double elapsed;
    double score, rounded, mean, weakest, expected, confidence;
    int band, status, verdict;
    size_t nkr;
    skpi__kr_result kr[SKPI__OKR_MAX_KR];
    size_t nchild;
    skpi_okr_result *children; /* nchild results, borrowed = true */
};

/* Validated copy of the caller's options (or the defaults). */
typedef struct skpi__okr_opts {
    skpi__curve curve; /* kind SKPI_OKR_CURVE_OBJECTIVE: each objective's own */
    bool weakest;
    double yellow_from, green_from, on_track_gap, at_risk_gap;
} skpi__okr_opts;

/* lib/okr/options.c */
int skpi__okr_opts_resolve(skpi__okr_opts *out, const skpi_okr_options *opts, const char *what);

/* lib/okr/curve.c: check points of a custom curve; `what` prefixes messages. */
int skpi__okr_curve_check(const double *x, const double *y, size_t n, const char *what);
/* The score of an achievement on a curve whose points are given. */
double skpi__okr_curve_eval(const double *x, const double *y, size_t n, double a);

/* lib/okr/scoring.c */
double skpi__okr_round1(double score);
int skpi__okr_band(double rounded, const skpi__okr_opts *o);
/* Score obj into *dst (whose borrowed flag the caller sets afterwards);
 * on error *dst holds nothing to free. */
int skpi__okr_score_into(skpi_okr_result *dst, const skpi_objective *obj,
                         skpi_dataset *ds, skpi_time as_of,
                         const skpi__okr_opts *o);
/* Free what a result holds, not the result itself. */
void skpi__okr_result_clear(skpi_okr_result *r);

/* lib/okr/metric_value.c: the dataset's value of a metric-linked key result
 * over span; *availability gets an skpi_availability. */
int skpi__okr_metric_value(double *value, int *availability, skpi_dataset *ds,
                           const skpi_key_result *kr, skpi_period span);

/* lib/okr/key_result.c */
void skpi__key_result_free(skpi_key_result *kr);
/* The index of kr in its objective, for messages. */
size_t skpi__key_result_index(const skpi_key_result *kr);

/* lib/okr/checkin.c: the value of the latest check-in before as_of that has
 * one (NaN when none), and the latest two confidences given before as_of. */
double skpi__checkin_value_before(const skpi_key_result *kr, skpi_time as_of);
void skpi__checkin_confidence_before(const skpi_key_result *kr, skpi_time as_of,
                                     double *latest, double *previous);

/* lib/okr/alignment.c: unlink obj from its parent and its children. */
void skpi__objective_unlink(skpi_objective *obj);

#endif
