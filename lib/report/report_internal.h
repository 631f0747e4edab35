/* Private part of report definitions and assembly. */
#ifndef SKPI_REPORT_INTERNAL_H
#define SKPI_REPORT_INTERNAL_H

#include "core/internal.h"
#include "core/templates.h"
#include "core/translations.h"
#include "socialkpi/report.h"
#include "socialkpi/compete.h"

#define SKPI__SECTION_COUNT 19

typedef struct skpi__kpi {
    char *metric;
    char *selector;
} skpi__kpi;

/* A name readers see for a channel, selector or group. */
typedef struct skpi__channel_name {
    char *selector, *name;
} skpi__channel_name;

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
    char locale[41];   /* "" : the built-in number shape */
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
    skpi__channel_name *names;
    size_t nnames;
    /* An explicit range instead of the cadence period (end SKPI_TIME_END:
     * up to as_of), and a named comparison range; names NULL: by dates. */
    bool has_range, has_cmp_range;
    skpi_period range, cmp_range;
    char *range_name, *cmp_range_name;
    struct skpi_benchmarks *benchmarks; /* a copy, or NULL */
    char *industry;              /* the benchmarks' industry */
    const struct skpi_effort *effort; /* borrowed; NULL: no Resourcing section */
    struct skpi_campaign *campaign;  /* NULL: not a campaign report */
};

/* The period a report covers: its explicit range (resolved against as_of)
 * or the last complete cadence period before as_of. */
int skpi__report_covers(skpi_period *out, const skpi_report *r);

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
