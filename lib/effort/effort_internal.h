/* The effort handle's layout, shared by the files of lib/effort. */
#ifndef SKPI_EFFORT_INTERNAL_H
#define SKPI_EFFORT_INTERNAL_H

#include "socialkpi/effort.h"
#include "core/internal.h"

typedef struct skpi__strings {
    char **items;
    size_t count, cap;
} skpi__strings;

typedef struct skpi__activity {
    char *name, *role, *channels;
    skpi__strings metrics, skills;
} skpi__activity;

typedef struct skpi__person {
    char *name, *role;
} skpi__person;

typedef struct skpi__capacity {
    char *role;
    double hours; /* per week */
} skpi__capacity;

typedef struct skpi__entry {
    char *who, *activity;
    skpi_period period;
    double hours, cost;
} skpi__entry;

struct skpi_effort {
    skpi__activity *activities;
    size_t nactivities, capactivities;
    skpi__person *people;
    size_t npeople, cappeople;
    skpi__capacity *capacity;
    size_t ncapacity, capcapacity;
    skpi__entry *entries;
    size_t nentries, capentries;
};

/* Append a copy of s; false on allocation failure (nothing changed). */
bool skpi__strings_push(skpi__strings *list, const char *s);
bool skpi__strings_has(const skpi__strings *list, const char *s);
void skpi__strings_clear(skpi__strings *list);

/* Lookups by name; -1 when absent. */
long skpi__effort_activity_find(const skpi_effort *e, const char *name);
long skpi__effort_person_find(const skpi_effort *e, const char *name);

/* Drop entries and people added after a mark, for all-or-nothing imports. */
void skpi__effort_rewind(skpi_effort *e, size_t nentries, size_t npeople);

/* Add an entry; `where` prefixes the messages ("line 4: ") and may be "". */
int skpi__effort_add_hours_at(skpi_effort *e, const char *where, const char *who,
                              const char *activity, skpi_period period, double hours,
                              double cost);

/* Declare a person; `where` prefixes the messages. */
int skpi__effort_add_person_at(skpi_effort *e, const char *where, const char *person,
                               const char *role);

/* Ordinary least squares of y on x over n points: slope, and the half
 * width of its two-sided interval at `confidence`. False when n < 3 or x
 * does not vary. */
bool skpi__ols_slope(const double *x, const double *y, size_t n, double confidence,
                     double *slope, double *half_width);

/* The quantile p of Student's t distribution with df degrees of freedom. */
double skpi__t_quantile(double p, double df);

#endif
