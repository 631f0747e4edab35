/* Private interface between the parts of report assembly. */
#ifndef SKPI_REPORT_ASSEMBLE_H
#define SKPI_REPORT_ASSEMBLE_H

#include "core/number.h"
#include "report/report_internal.h"

#define TRY(x) do { int rc_ = (x); if (rc_ != SKPI_OK) return rc_; } while (0)

/* Room for a period's name for readers (skpi__asm_name()). */
#define SKPI__NAME_SIZE 128

/* One channel of a KPI. */
typedef struct skpi__cfact {
    const char *channel;
    skpi_value v, prev, chg, pct;
    skpi_series *hist; /* the same periods as the KPI's */
} skpi__cfact;

/* Everything computed for one KPI; sentences quote these numbers. */
typedef struct skpi__kfact {
    const char *metric, *selector, *label;
    int unit, direction, kind;
    skpi_value v, prev, ye;
    skpi_value chg, pct, pts;    /* against prev */
    skpi_value chg2, pct2, pts2; /* against ye */
    skpi_series *hist;           /* window + 1 periods, the last one the report's */
    skpi__cfact *ch;
    size_t nch;
    bool additive;               /* channels add up to the total (flows, stocks) */
    bool record;                 /* best period on record */
    double record_prev;          /* the previous best */
} skpi__kfact;

/* A value far outside its usual range. */
typedef struct skpi__spot {
    size_t kpi;
    const char *channel; /* the KPI's selector for the total */
    double value, median, z;
    size_t n;            /* earlier periods compared with */
} skpi__spot;

typedef struct skpi__asm {
    const skpi_report *r;
    skpi_dataset *ds;
    skpi_doc *doc;
    const skpi_catalog *cat;
    const skpi_calendar *cal;
    skpi__numfmt nf;
    skpi_period P, PP, YE;
    bool cmp_prev, cmp_ye;      /* cmp_ye: the second comparison, a year earlier or a named range */
    bool ranged;                /* P is an explicit range, not a cadence period */
    int64_t range_days;         /* its length in calendar days; 0: not whole days */
    int coverage;               /* skpi_coverage of P */
    skpi_period covered;        /* the part of P with data */
    /* the periods' names for readers ("March 2026"), skpi__asm_name() */
    char plabel[SKPI__NAME_SIZE], pplabel[SKPI__NAME_SIZE], yelabel[SKPI__NAME_SIZE];
    const char *cadence_word;
    skpi__kfact *k;             /* in report order, sales metrics first for sales */
    size_t nk;
    skpi_goal_evaluation **ev;  /* one per goal */
    skpi_okr_result **okr;      /* one per objective */
    skpi__spot *spots;
    size_t nspots, capspots;
    bool need_channels, need_posts, need_spots, need_records;
    void *host_locale;          /* in force around host callbacks */
    skpi__text t, t2;
    skpi__text na;              /* the report's "n/a" (nf.na points into it) */
    double *tmp;                /* scratch of window + 1 doubles */
    skpi_resourcing *res;       /* the report's effort analysed; NULL without effort */
    char campaign_sel[96];      /* a campaign report: the selector of its channels */
} skpi__asm;

/* Format helpers writing into caller buffers. */
const char *skpi__asm_value(skpi__asm *a, char *buf, size_t size, double v, int unit);
/* |percent| with one decimal: "23.5%". */
const char *skpi__asm_abs_percent(skpi__asm *a, char *buf, size_t size, double v);
/* The name readers see for a channel or selector; NULL: all channels. */
const char *skpi__asm_channel(skpi__asm *a, char *buf, size_t size, const char *selector);
/* The ISO label of the period starting at t ("2026-03"), for data. */
const char *skpi__asm_label(skpi__asm *a, char *buf, size_t size, skpi_time t);
/* The name of the period starting at t for readers ("March 2026", "März
 * 2026"): skpi_calendar_period_name() in the report's locale and words. */
const char *skpi__asm_name(skpi__asm *a, char *buf, size_t size, skpi_time t);
/* The name of a range for readers ("1 March 2026 to 15 March 2026"). */
const char *skpi__asm_range_name(skpi__asm *a, char *buf, size_t size, skpi_period p);
/* The k-th range of the report's length before an explicit range (k = 0: itself). */
int skpi__asm_range_before(skpi__asm *a, skpi_period *out, int64_t k);
/* P, PP and YE of a report over an explicit range, and their names. */
int skpi__asm_range_periods(skpi__asm *a);
/* A range's ISO start date, and the name of the range of the report's
 * length starting at t: what skpi__asm_label() and skpi__asm_name() give
 * over a range. */
const char *skpi__asm_range_label(skpi__asm *a, char *buf, size_t size, skpi_time t);
const char *skpi__asm_range_start_name(skpi__asm *a, char *buf, size_t size, skpi_time t);
/* The report's period and the n periods (or ranges) before it, one value each. */
int skpi__asm_history(skpi_series **out, skpi__asm *a, const char *metric, const char *sel, int64_t n);
/* The last day of a span ending (exclusively) at `end`, as a date. */
const char *skpi__asm_deadline(skpi__asm *a, char *buf, size_t size, skpi_time end);
/* The same day as people write it in the report's locale ("30 June 2026",
 * "30. Juni 2026"), for sentences; skpi__asm_deadline() stays for data. */
const char *skpi__asm_deadline_name(skpi__asm *a, char *buf, size_t size, skpi_time end);
/* The day holding t in the report's zone, named for readers. */
const char *skpi__asm_day_name(skpi__asm *a, char *buf, size_t size, skpi_time t);
/* A post's day both ways: ISO for data, the locale's words for readers. */
typedef struct skpi__day {
    char iso[40];
    char name[SKPI__NAME_SIZE];
} skpi__day;
/* Set a post's published (ISO) and published_name (words) from its time;
 * the strings live in `day`, which must outlive the post struct. */
void skpi__asm_post_day(skpi__asm *a, skpi_doc_post *d, skpi__day *day, skpi_time t);
/* Comparisons make sentences only over a fully covered period. */
bool skpi__asm_compares(const skpi__asm *a);
/* Fill the scratch text from a template. */
int skpi__asm_fill(skpi__asm *a, int key, const skpi__arg *args, size_t n);

/* Facts. */
int skpi__asm_kpis(skpi__asm *a);
int skpi__asm_goals(skpi__asm *a);
int skpi__asm_okrs(skpi__asm *a);
int skpi__asm_spot_checks(skpi__asm *a);
int skpi__asm_resourcing(skpi__asm *a);
/* Each recommendation of the Resourcing section, filled into a->t and
 * handed to emit (which the next steps also use). */
int skpi__resourcing_steps(skpi__asm *a, int (*emit)(skpi__asm *, void *), void *ctx);

/* Sections. */
int skpi__sec_summary(skpi__asm *a);
int skpi__sec_wins(skpi__asm *a);
int skpi__sec_kpis(skpi__asm *a);
int skpi__sec_channels(skpi__asm *a);
int skpi__sec_trends(skpi__asm *a);
int skpi__sec_goals(skpi__asm *a);
int skpi__sec_okrs(skpi__asm *a);
int skpi__sec_top_posts(skpi__asm *a);
int skpi__sec_spot_checks(skpi__asm *a);
int skpi__sec_next_steps(skpi__asm *a);
int skpi__sec_competitors(skpi__asm *a);
int skpi__sec_benchmarks(skpi__asm *a);
int skpi__sec_funnel(skpi__asm *a);
int skpi__sec_resourcing(skpi__asm *a);
int skpi__sec_listening(skpi__asm *a);
int skpi__sec_what_worked(skpi__asm *a);
int skpi__sec_posting_times(skpi__asm *a);
int skpi__sec_campaign(skpi__asm *a);
/* A campaign report: the selector its KPIs on `*` measure (the campaign's
 * channel, or a group of its channels defined in the dataset). */
int skpi__asm_campaign_prepare(skpi__asm *a);
/* The campaign's channels for readers, joined: "Instagram @acme, LinkedIn acme". */
const char *skpi__asm_campaign_channels(skpi__asm *a, char *buf, size_t size);

/* Goal and OKR facts the story sections read. */
int skpi__goal_tone(int status);
int skpi__goal_status_tpl(int status);

#endif
