/* Private: customer-care exports (per-message rows and binned response
 * times) read into the day's messages_received, messages_answered,
 * response_seconds and messages_in_target; durations and bin labels. */
#ifndef SKPI_IMPORT_CARE_H
#define SKPI_IMPORT_CARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct importer;
struct skpi__record;

/* The four care metrics, in this order, in importer.care_metric. */
enum { SKPI__CARE_RECEIVED = 0, SKPI__CARE_ANSWERED = 1, SKPI__CARE_SECONDS = 2,
       SKPI__CARE_IN_TARGET = 3, SKPI__CARE_METRICS = 4 };

/* A number and an optional unit ("15 min", "1.5h", "90"): *seconds, and
 * *unit says whether a unit was written (a bare number is left as the
 * number). false when the text is neither. */
bool skpi__duration_text(const char *s, size_t n, double *seconds, bool *unit);

/* A response-time bin label: "0-15 min", "15-60 min", "1-4 h", "< 1 h",
 * "> 24 h", "24h+", or "no reply" (then *no_reply). The bin holds the
 * response times in (*lo, *hi]; *hi is INFINITY for an open bin. */
bool skpi__care_bin(const char *s, size_t n, double *lo, double *hi, bool *no_reply);

/* Plan the care metrics of a care preset's header (import.c calls it). */
int skpi__care_plan(struct importer *im);
/* One row of a per-message export or of binned response times. */
int skpi__care_row(struct importer *im, const struct skpi__record *r);
/* After the last row: zero on every day the file covers without a
 * message, on each channel of the file. */
int skpi__care_finish(struct importer *im);

#endif
