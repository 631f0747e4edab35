/* Numbers as text for reports: shortest round-trip for JSON and CSV, and
 * formats for readers by unit. Used by the renderers and the narrative. */
#ifndef SKPI_CORE_NUMBER_H
#define SKPI_CORE_NUMBER_H

#include "core/locnum.h"

#include <stddef.h>

/* How numbers are written for readers: digit groups and the currency, or
 * a locale's shape. */
typedef struct skpi__numfmt {
    const char *group;    /* digit-group separator, "" for none */
    const char *currency; /* after currency amounts, "" for none */
    const char *na;       /* a figure that cannot be given; NULL: "n/a" */
    skpi__locnum *loc;    /* NULL: the built-in shape; else the locale's (owned by the caller) */
} skpi__numfmt;

/* The shortest text that reads back as v (finite); integers without a
 * point. buf holds at least 32 bytes. Returns the length. Needs the C
 * locale in force (skpi__locale_enter). */
size_t skpi__num_json(char *buf, double v);
/* v with a fixed number of decimals, rounded half away from zero on its
 * 15 significant digits, with digit groups (group may be NULL). */
size_t skpi__num_fixed(char *buf, size_t size, double v, int decimals, const char *group);
/* A plain number for messages (check reasons, errors): at most 2 decimals
 * (4 below 1 in magnitude), trailing zeros dropped, no digit groups,
 * "n/a" for NaN, "inf"/"-inf"; from 1e15 on whole, from 1e37 on six
 * significant digits and an exponent ("1.79769e+308"). Always
 * NUL-terminates; returns buf. */
#define SKPI__NUM_PLAIN_SIZE 40
char *skpi__num_plain(char buf[SKPI__NUM_PLAIN_SIZE], double v);
/* v with a fixed number of decimals in f's shape (the locale's, if any). */
size_t skpi__fmt_fixed(char *buf, size_t size, const skpi__numfmt *f, double v, int decimals);
/* v (already in percent) with a fixed number of decimals and the percent
 * sign, in f's shape: "4.3%", "4,3 %". */
void skpi__fmt_percent(char *buf, size_t size, const skpi__numfmt *f, double v, int decimals);
/* v rounded to tenths, for SVG coordinates ("12.5", "-3", "0.1"). */
size_t skpi__num_tenths(char *buf, double v);

/* A value for readers, by unit (docs/report.md lists the rules):
 * "12,345", "4.25%", "1,234.50 EUR", "1h 02m". NaN: "n/a". */
void skpi__fmt_value(char *buf, size_t size, const skpi__numfmt *f, double v, int unit);
/* The same with a sign: "+1,234", "-0.35", "0". */
void skpi__fmt_change(char *buf, size_t size, const skpi__numfmt *f, double v, int unit);
/* A relative change in percent with one decimal and a sign: "+23.5%". */
void skpi__fmt_percent_change(char *buf, size_t size, const skpi__numfmt *f, double v);
/* Percentage points with a sign: "+0.35 pp". */
void skpi__fmt_points(char *buf, size_t size, const skpi__numfmt *f, double v);
/* A fraction as a whole percent: 0.623 -> "62%". */
void skpi__fmt_fraction(char *buf, size_t size, const skpi__numfmt *f, double v);
/* A score with two decimals ("0.62") and a ratio as "3.2×". */
/* The text of a figure that cannot be given. */
const char *skpi__na(const skpi__numfmt *f);
void skpi__fmt_score(char *buf, size_t size, const skpi__numfmt *f, double v);
void skpi__fmt_ratio(char *buf, size_t size, const skpi__numfmt *f, double v);
/* A short axis label: "12k", "1.5M", "40%", "0.25". */
void skpi__fmt_axis(char *buf, size_t size, const skpi__numfmt *f, double v, int unit, double step);


#endif
