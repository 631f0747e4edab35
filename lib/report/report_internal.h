/* Private part of report definitions and assembly. */
#ifndef SKPI_REPORT_INTERNAL_H
#define SKPI_REPORT_INTERNAL_H

#include "core/internal.h"
#include "report/doc_internal.h"
#include "socialkpi/report.h"

#define SKPI__SECTION_COUNT 11

typedef struct skpi__kpi {
    char *metric;
    char *selector;
} skpi__kpi;

typedef struct skpi__custom {
    char *title; /* NULL: no heading */
    skpi_section_fn fn;
    void *userdata;
} skpi__custom;

struct skpi_report {
    char *title;
    int audience;
    int cadence;
    skpi_time as_of;
    skpi_calendar *cal;
    unsigned comparisons;
    char currency[9];
    char **channels;
    size_t nchannels;
    skpi__kpi *kpis;
    size_t nkpis;
    skpi_goal **goals;
    size_t ngoals;
    const skpi_objective **objectives;
    size_t nobjectives;
    int sections[SKPI__SECTION_COUNT];
    size_t nsections;
    double sensitivity;
    unsigned window;
    double min_change; /* percent */
    size_t top_posts;
    char *top_metric;
    size_t max_kpis;
    bool sales_first; /* KPIs about leads, conversions and clicks first */
    skpi__custom *customs;
    size_t ncustoms;
    char *templates[SKPI__TPL_COUNT]; /* NULL: the default */
};

/* ---- templates ---------------------------------------------------------- */

/* SKPI_OK, or SKPI_EINVAL with a message when text uses a placeholder the
 * template does not offer or has an unbalanced brace. */
int skpi__template_check(int key, const char *text, const char *fn);

/* A growable text; err keeps the first failure. */
typedef struct skpi__text {
    char *buf;
    size_t len, cap;
    int err;
} skpi__text;

typedef struct skpi__arg {
    const char *name;
    const char *value;
} skpi__arg;

int skpi__text_put(skpi__text *t, const char *s, size_t n);
/* Replace t's content with tpl, its {names} filled from args. */
int skpi__text_fill(skpi__text *t, const char *tpl, const skpi__arg *args, size_t nargs);
void skpi__text_free(skpi__text *t);

/* The template text in force (the report's or the default). */
const char *skpi__report_tpl(const skpi_report *r, int key);

/* ---- robust statistics ---------------------------------------------------- */

/* Median of n values (n > 0); sorts v in place. */
double skpi__median(double *v, size_t n);

/* A spot check of x against earlier values (NaN skipped): fills median and
 * z (the modified z-score, +-INFINITY when the history is constant and x
 * differs) and returns true when |z| > sensitivity and |x - median| is at
 * least min_change percent of |median|. Needs 5 usable values; fewer
 * return false with z NaN. tmp holds n doubles of scratch. */
bool skpi__spot_check(double x, const double *history, size_t n, double sensitivity, double min_change,
                      double *median, double *z, double *tmp);

/* ---- assembly --------------------------------------------------------- */

int skpi__assemble(skpi_doc *doc, const skpi_report *r, skpi_dataset *ds);

#endif
