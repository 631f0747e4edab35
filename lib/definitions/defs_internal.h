/* Private structures of the definitions handle and the JSON reading and
 * writing helpers shared by its loaders and savers. */
#ifndef SKPI_DEFS_INTERNAL_H
#define SKPI_DEFS_INTERNAL_H

#include "socialkpi/definitions.h"
#include "socialkpi/calendar.h"
#include "socialkpi/report.h"
#include "socialkpi/effort.h"
#include "socialkpi/compete.h"
#include "core/internal.h"

#include <jansson.h>
#include <stdbool.h>

#define SKPI__DEFS_VERSION 1
#define SKPI__DEFS_ID_MAX 64
#define SKPI__DEFS_FILE_MAX ((size_t)64 << 20)
/* Room for the deepest path: objectives[N].key_results[N].checkins[N].confidence. */
#define SKPI__PATH_SIZE 192

typedef struct skpi__defs_goal {
    char *id;
    skpi_goal *goal;
} skpi__defs_goal;

typedef struct skpi__defs_objective {
    char *id;
    skpi_objective *obj;
} skpi__defs_objective;

/* A report definition as the document gives it. Members left out keep
 * skpi_report_new()'s defaults and are left out again when saved. */
typedef struct skpi__report_kpi {
    char *metric, *channel;
} skpi__report_kpi;

#define SKPI__TEMPLATES_MAX 320

typedef struct skpi__report_spec {
    char *id, *title;
    char *currency;                 /* NULL: not given */
    char *locale;                   /* NULL: not given */
    int audience, cadence;          /* -1: not given */
    bool has_comparisons;
    unsigned comparisons;
    bool has_calendar;
    int utc_offset, week_start, fiscal_start; /* minutes, ISO weekday, month */
    char *time_zone;                /* an IANA name; NULL: utc_offset */
    char **channels;
    size_t channel_count;
    skpi__report_kpi *kpis;
    size_t kpi_count;
    bool all_goals, all_objectives; /* the member was left out: every one */
    char **goals, **objectives;
    size_t goal_count, objective_count;
    bool has_sections;
    int *sections;
    size_t section_count;
    bool has_spot_checks;
    double sensitivity, min_change;
    unsigned window;
    bool has_top_posts;
    size_t top_count;
    char *top_metric;               /* NULL: the audience's */
    bool has_max_kpis;
    size_t max_kpis;
    char *templates[SKPI__TEMPLATES_MAX]; /* NULL: the default */
    char **name_keys, **name_values;   /* channel_names, in the file's order */
    size_t name_count;
    /* An explicit range and a named comparison range, as the file gives
     * them (dates of the report's calendar); NULL: not given. */
    char *from, *to, *range_name;
    char *cmp_from, *cmp_to, *cmp_name;
    char *industry;                 /* whose benchmarks the report shows; NULL: none */
} skpi__report_spec;

struct skpi_definitions {
    skpi_catalog *catalog;
    /* The catalog the custom metrics are compared with when saving; NULL
     * stands for the built-in catalog, which needs no copy. */
    skpi_catalog *base;
    skpi__defs_goal *goals;
    size_t goal_count, goal_cap;
    skpi__defs_objective *objectives;
    size_t objective_count, objective_cap;
    skpi__report_spec *reports;
    size_t report_count, report_cap;
    skpi_effort *effort; /* the team ("team"); NULL when the document has none */
    /* Competitors' channels ("competitors"), in the order first marked. */
    char **comp_channels, **comp_names;
    size_t comp_count, comp_cap;
    skpi_benchmarks *benchmarks; /* "benchmarks"; NULL when there are none */
    json_t **campaigns;             /* as the document gives them, checked */
    size_t campaign_count;
};

/* definitions.c */
int skpi__defs_id_check(const char *id, const char *path);
const skpi_catalog *skpi__defs_base(const skpi_definitions *defs);
/* Take ownership of a goal or objective (freed by the handle from then on,
 * also on failure); the id is copied. Duplicates are the caller's concern. */
int skpi__defs_push_goal(skpi_definitions *defs, const char *id, skpi_goal *goal);
int skpi__defs_push_objective(skpi_definitions *defs, const char *id, skpi_objective *obj);
long skpi__defs_goal_index(const skpi_definitions *defs, const char *id);
long skpi__defs_objective_index(const skpi_definitions *defs, const char *id);
long skpi__defs_objective_of(const skpi_definitions *defs, const skpi_objective *obj);
/* The metric with that key, found without touching the error message. */
const skpi_metric *skpi__defs_metric(const skpi_catalog *cat, const char *key);

/* reports.c */
void skpi__report_spec_free(skpi__report_spec *spec);
int skpi__defs_push_report(skpi_definitions *defs, skpi__report_spec *spec);
long skpi__defs_report_index(const skpi_definitions *defs, const char *id);
/* Apply a spec to a report; on error `failed` names the member ("kpis[2]")
 * whose setter refused. With `items`, add the goals and objectives too. */
int skpi__report_apply(skpi_report *r, const skpi__report_spec *spec, const skpi_definitions *defs,
                       bool items, char failed[64]);

/* names.c: the words of the JSON vocabulary for each enumeration. */
typedef struct skpi__name {
    const char *word;
    int value;
} skpi__name;
extern const skpi__name skpi__unit_names[];
extern const skpi__name skpi__direction_names[];
extern const skpi__name skpi__kind_names[];
extern const skpi__name skpi__goal_dir_names[];
extern const skpi__name skpi__cadence_names[];
extern const skpi__name skpi__target_kind_names[];
extern const skpi__name skpi__okr_type_names[];
extern const skpi__name skpi__kr_kind_names[];
extern const skpi__name skpi__curve_names[];
extern const skpi__name skpi__weekday_names[];
extern const skpi__name skpi__comparison_names[];
extern const skpi__name skpi__template_names[];
/* The word of a value; NULL when the table lacks it. */
const char *skpi__name_of(const skpi__name *names, int value);

/* json_in.c: typed reading with errors that name the path. */
/* "a string", "a number", ... for messages. */
const char *skpi__json_kind(const json_t *v);
/* path + ".key" or path + "[i]" into buf (path "" gives "key"). */
void skpi__path_key(char *buf, const char *path, const char *key);
void skpi__path_index(char *buf, const char *path, size_t index);
/* Set "path: message" and return code. */
int skpi__json_fail(int code, const char *path, const char *fmt, ...) SKPI__PRINTF(3, 4);
/* Re-set the message a library call left as "path: message" (its own
 * function-name prefix dropped) and return rc; ENOMEM passes through. */
int skpi__json_wrap(int rc, const char *path);
/* Refuse members not in the NULL-terminated list. */
int skpi__json_only(const json_t *obj, const char *path, const char *const *allowed);
/* A member, or NULL when absent or null (null reads as absent). */
const json_t *skpi__json_member(const json_t *obj, const char *key);
int skpi__json_require(const json_t *obj, const char *path, const char *key);
/* Each reader leaves *out as it was when the member is absent and not
 * required; `present` (may be NULL) says whether it was there. */
int skpi__json_string(const char **out, const json_t *obj, const char *path, const char *key,
                      bool required);
int skpi__json_number(double *out, bool *present, const json_t *obj, const char *path,
                      const char *key, bool required);
int skpi__json_time(skpi_time *out, bool *present, const json_t *obj, const char *path,
                    const char *key, bool required);
int skpi__json_word(int *out, bool *present, const json_t *obj, const char *path,
                    const char *key, const skpi__name *names, bool required);
int skpi__json_array(const json_t **out, const json_t *obj, const char *path, const char *key,
                     bool required);
int skpi__json_object(const json_t **out, const json_t *obj, const char *path, const char *key,
                      bool required);
/* An array element that must be an object. */
int skpi__json_element(const json_t **out, const json_t *array, size_t index, const char *path);

/* json_out.c: building the tree; a failed allocation is remembered and
 * reported once at the end. */
typedef struct skpi__writer {
    bool failed;
    int precision; /* the %g precision every real of the tree needs */
} skpi__writer;
json_t *skpi__w_object(skpi__writer *w);
json_t *skpi__w_array(skpi__writer *w);
void skpi__w_set(skpi__writer *w, json_t *obj, const char *key, json_t *value);
void skpi__w_append(skpi__writer *w, json_t *array, json_t *value);
json_t *skpi__w_string(skpi__writer *w, const char *s);
json_t *skpi__w_number(skpi__writer *w, double v);
json_t *skpi__w_time(skpi__writer *w, skpi_time t);
/* Dump with two-space indentation and a final newline into a buffer of
 * the library's allocator. */
int skpi__w_dump(char **out, size_t *size, skpi__writer *w, const json_t *root);


/* load.c: the error for text jansson refused (err zeroed before parsing):
 * SKPI_ENOMEM when it ran out of memory, else SKPI_EPARSE naming `path`
 * ("" for none), the line and the column. */
int skpi__json_syntax_error(const json_error_t *err, const char *data, size_t size, const char *path);

/* json_check.c: whether text is JSON jansson would accept, decided
 * without allocating. */
bool skpi__json_well_formed(const char *text, size_t size);

/* load_*.c, save_*.c */
int skpi__load_metrics(skpi_definitions *defs, const json_t *array);
int skpi__load_goals(skpi_definitions *defs, const json_t *array);
int skpi__load_objectives(skpi_definitions *defs, const json_t *array);
json_t *skpi__save_metrics(skpi__writer *w, const skpi_definitions *defs);
json_t *skpi__save_goals(skpi__writer *w, const skpi_definitions *defs);
int skpi__save_objectives(json_t **out, skpi__writer *w, const skpi_definitions *defs);
int skpi__load_reports(skpi_definitions *defs, const json_t *array);
/* One report definition object at `path`; with known_ids, the goals and
 * objectives it names must be in the handle already. */
int skpi__load_report(skpi_definitions *defs, const json_t *r, const char *path, bool known_ids);
/* SKPI_EINVAL, naming them, when a report names a goal or objective that is
 * not in the handle. */
int skpi__check_report_ids(const skpi_definitions *defs);
json_t *skpi__save_reports(skpi__writer *w, const skpi_definitions *defs);
json_t *skpi__save_report(skpi__writer *w, const skpi__report_spec *s);
/* team.c: the team's activities, people and capacity. */
int skpi__load_team(skpi_definitions *defs, const json_t *team);
/* The optional "activity" member of a goal or key result: one of the
 * team's activities (NULL in *out when absent). */
int skpi__json_activity(const char **out, const skpi_effort *team, const json_t *obj, const char *path);
/* The optional "target_source" member (target_source.c): 1 to 511 bytes
 * without control characters (NULL in *out when absent). no_target: NULL
 * when the goal or key result has a target a source may tell of, else why
 * not ("the goal's target is not absolute"), which makes the member an error. */
int skpi__json_target_source(const char **out, const json_t *obj, const char *path,
                             const char *no_target);
json_t *skpi__save_team(skpi__writer *w, const skpi_definitions *defs);

/* compete.c: "competitors" and "benchmarks" of the document. */
int skpi__load_competitors(skpi_definitions *defs, const json_t *array);
int skpi__load_benchmarks(skpi_definitions *defs, const json_t *array);
json_t *skpi__save_competitors(skpi__writer *w, const skpi_definitions *defs);
json_t *skpi__save_benchmarks(skpi__writer *w, const skpi_definitions *defs);
void skpi__defs_compete_free(skpi_definitions *defs);

/* report_range.c: "from", "to", "range_name" and "compare_range" of a
 * report definition: read (checked), applied in the report's calendar,
 * written back, freed. */
int skpi__range_read(skpi__report_spec *s, const json_t *r, const char *path);
int skpi__range_apply(skpi_report *r, const skpi__report_spec *s, char failed[64]);
void skpi__range_save(skpi__writer *w, json_t *o, const skpi__report_spec *s);
void skpi__range_free(skpi__report_spec *s);

/* campaigns.c */
int skpi__load_campaigns(skpi_definitions *defs, const json_t *array);
json_t *skpi__save_campaigns(skpi__writer *w, const skpi_definitions *defs);
void skpi__free_campaigns(skpi_definitions *defs);
long skpi__defs_campaign_index(const skpi_definitions *defs, const char *name);

#endif
