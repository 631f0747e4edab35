/* Customer-care rows: a message (received, first answer or response time)
 * or a day's bin of response times, counted into the day's
 * messages_received, messages_answered, response_seconds (per-message
 * files only) and messages_in_target, by the local day the message was
 * received. docs/import.md, "Customer care". */
#include "import/care.h"
#include "import/import_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Days a file may cover (as post exports). */
#define MAX_DAYS ((int64_t)366 * 30)

static const char *const care_keys[SKPI__CARE_METRICS] = {
    "messages_received", "messages_answered", "response_seconds", "messages_in_target"
};

int skpi__care_plan(importer *im)
{
    int rc;
    bool bins = im->preset->shape == SKPI__SHAPE_BINS;
    for (int k = 0; k < SKPI__CARE_METRICS; k++) {
        /* Bins cannot say how long the answers took: no response_seconds. */
        if (bins && k == SKPI__CARE_SECONDS)
            continue;
        if ((rc = skpi__import_plan_metric(im, care_keys[k], &im->care_metric[k])) != SKPI_OK)
            return rc;
    }
    if (!bins && im->c_answered < 0 && im->c_response < 0)
        return skpi__error(SKPI_EPARSE, "%s: line %llu: a per-message file needs the time of the "
                           "first answer (\"answered\") or the response time "
                           "(\"response_seconds\" or \"response_minutes\")", im->name,
                           (unsigned long long)skpi_import_summary_header_line(im->sum));
    im->care_seen = true;
    if (im->c_answered >= 0 && im->c_response >= 0) {
        /* the answer time decides; the response column is not read */
        const char *name = im->header + im->header_off[im->c_response];
        im->c_response = -1;
        return skpi__import_ignore(im, name, strlen(name));
    }
    return SKPI_OK;
}

/* A duration for messages: "1 h", "15 min", "90 s". */
static void duration_words(char *buf, size_t size, double s)
{
    if (isinf(s))
        snprintf(buf, size, "no limit");
    else if (fmod(s, 3600) == 0)
        snprintf(buf, size, "%g h", s / 3600);
    else if (fmod(s, 60) == 0)
        snprintf(buf, size, "%g min", s / 60);
    else
        snprintf(buf, size, "%g s", s);
}

/* Add the counts of a message (or of a bin's messages) to their day. */
static int add_counts(importer *im, uint32_t ch, int64_t day, const double v[SKPI__CARE_METRICS])
{
    skpi_time start = skpi__days_start(&im->days, day);
    for (int k = 0; k < SKPI__CARE_METRICS; k++) {
        skpi__stage_series *s;
        int rc;
        if (im->care_metric[k] == UINT32_MAX)
            continue;
        if ((rc = skpi__stage_series_get(&im->st, im->care_metric[k], ch, true, &s)) != SKPI_OK ||
            (rc = skpi__stage_point(s, start, v[k])) != SKPI_OK)
            return rc;
    }
    if (!im->has_care_days || day < im->care_first)
        im->care_first = day;
    if (!im->has_care_days || day > im->care_last)
        im->care_last = day;
    im->has_care_days = true;
    return SKPI_OK;
}

static bool has_time_of_day(const skpi__record *r, size_t c)
{
    return memchr(r->field[c], ':', r->len[c]) != NULL;
}

/* The response time of a message from its first answer time; *answered
 * false when the cell is empty. */
static int response_from_answer(importer *im, const skpi__record *r, skpi_time received,
                                bool *answered, double *seconds)
{
    size_t c = (size_t)im->c_answered, d = (size_t)im->c_date;
    *answered = !skpi__value_is_missing(r->field[c], r->len[c]);
    if (!*answered)
        return SKPI_OK;
    if (!has_time_of_day(r, d) || !has_time_of_day(r, c)) {
        size_t bad = has_time_of_day(r, d) ? c : d;
        return skpi__import_field_error(im, r->line, bad, "the response time needs the time of "
                                        "day of both the receipt and the answer",
                                        r->field[bad], r->len[bad]);
    }
    skpi_time t;
    int rc = skpi__import_time(im, r, c, &t);
    if (rc != SKPI_OK)
        return rc;
    if (t < received)
        return skpi__import_field_error(im, r->line, c, "the first answer comes before the "
                                        "message was received", r->field[c], r->len[c]);
    *seconds = (double)(t - received);
    return SKPI_OK;
}

/* The response time of a message from a duration cell (seconds, H:MM:SS,
 * or minutes); *answered false when the cell is empty. */
static int response_from_duration(importer *im, const skpi__record *r, bool *answered,
                                  double *seconds)
{
    size_t c = (size_t)im->c_response;
    bool minutes = (im->plan[c].flags & SKPI__MINUTES) != 0;
    bool pct = false;
    int rc = minutes ? skpi__value_number(r->field[c], r->len[c], seconds, &pct)
                     : skpi__value_duration(r->field[c], r->len[c], seconds);
    *answered = rc != SKPI__VALUE_MISSING;
    if (rc == SKPI__VALUE_MISSING)
        return SKPI_OK;
    if (rc != SKPI__VALUE_OK || pct || !isfinite(*seconds))
        return skpi__import_field_error(im, r->line, c, minutes ? "expected a response time in "
                                        "minutes" : "expected a response time (seconds or "
                                        "H:MM:SS)", r->field[c], r->len[c]);
    if (*seconds < 0)
        return skpi__import_field_error(im, r->line, c, "a response time cannot be negative",
                                        r->field[c], r->len[c]);
    if (minutes)
        *seconds *= 60;
    return SKPI_OK;
}

static int row_message(importer *im, const skpi__record *r)
{
    skpi_time received;
    int rc = skpi__import_time(im, r, (size_t)im->c_date, &received);
    if (rc != SKPI_OK)
        return rc;
    bool answered = false;
    double seconds = 0;
    rc = im->c_answered >= 0 ? response_from_answer(im, r, received, &answered, &seconds)
                             : response_from_duration(im, r, &answered, &seconds);
    if (rc != SKPI_OK)
        return rc;
    uint32_t ch;
    if ((rc = skpi__import_channel(im, r, &ch)) != SKPI_OK)
        return rc;
    double v[SKPI__CARE_METRICS] = {
        1, answered ? 1 : 0, answered ? seconds : 0,
        answered && seconds <= (double)im->service_level ? 1 : 0
    };
    return add_counts(im, ch, skpi__days_index(&im->days, received), v);
}

/* How many of a bin's messages were answered within the target: all,
 * none, or an error when the target falls inside the bin. */
static int bin_in_target(importer *im, const skpi__record *r, size_t c, double lo, double hi,
                         bool *inside)
{
    double target = (double)im->service_level;
    *inside = hi <= target;
    if (*inside || lo >= target)
        return SKPI_OK;
    char t[32], a[32], b[32], what[256];
    duration_words(t, sizeof t, target);
    duration_words(a, sizeof a, lo);
    duration_words(b, sizeof b, hi);
    snprintf(what, sizeof what, "the service-level target (%s) falls inside this bin (%s to %s): "
             "a bin cannot be split, so set the target to one of the bins' edges", t, a, b);
    return skpi__import_field_error(im, r->line, c, what, r->field[c], r->len[c]);
}

static int row_bin(importer *im, const skpi__record *r)
{
    size_t cb = (size_t)im->c_bin, cv = (size_t)im->c_value;
    double lo, hi, count;
    bool no_reply, pct = false;
    if (!skpi__care_bin(r->field[cb], r->len[cb], &lo, &hi, &no_reply))
        return skpi__import_field_error(im, r->line, cb, "expected a response-time bin such as "
                                        "0-15 min, 1-4 h, < 1 h, > 24 h or no reply",
                                        r->field[cb], r->len[cb]);
    int rc = skpi__value_number(r->field[cv], r->len[cv], &count, &pct);
    if (rc == SKPI__VALUE_MISSING) {
        skpi__import_skip(im, SKPI_IMPORT_SKIP_NO_VALUE);
        return SKPI_OK;
    }
    if (rc != SKPI__VALUE_OK || pct || !(count >= 0) || count != floor(count) || isinf(count))
        return skpi__import_field_error(im, r->line, cv, "expected a count of messages (a whole "
                                        "number, 0 or more)", r->field[cv], r->len[cv]);
    bool inside = false;
    if (!no_reply && (rc = bin_in_target(im, r, cb, lo, hi, &inside)) != SKPI_OK)
        return rc;
    skpi_time day;
    if ((rc = skpi__import_time(im, r, (size_t)im->c_date, &day)) != SKPI_OK)
        return rc;
    uint32_t ch;
    if ((rc = skpi__import_channel(im, r, &ch)) != SKPI_OK)
        return rc;
    double v[SKPI__CARE_METRICS] = { count, no_reply ? 0 : count, 0, inside ? count : 0 };
    return add_counts(im, ch, skpi__days_index(&im->days, day), v);
}

int skpi__care_row(importer *im, const skpi__record *r)
{
    return im->preset->shape == SKPI__SHAPE_BINS ? row_bin(im, r) : row_message(im, r);
}

/* Whether a staged series holds one of the care metrics. */
static bool care_series(const importer *im, const skpi__stage_series *s)
{
    for (int k = 0; k < SKPI__CARE_METRICS; k++)
        if (im->care_metric[k] != UINT32_MAX && s->metric == im->care_metric[k])
            return true;
    return false;
}

int skpi__care_finish(importer *im)
{
    /* The days the file covers: the options' range, else its first to its
     * last day; a day without a message received none (0, not missing). */
    int64_t first = im->care_first, last = im->care_last;
    bool has = im->has_care_days;
    if (im->has_range_from) {
        first = skpi__days_index(&im->days, im->range_from);
        last = has ? last : first;
        has = true;
    }
    if (im->has_range_to) {
        last = skpi__days_index(&im->days, im->range_to) - 1;
        first = has ? first : last;
        has = true;
    }
    if (im->has_range_from && im->has_care_days && im->care_first < first)
        first = im->care_first;
    if (im->has_range_to && im->has_care_days && im->care_last > last)
        last = im->care_last;
    if (!has)
        return SKPI_OK;
    if (last - first >= MAX_DAYS)
        return skpi__error(SKPI_EINVAL, "%s: the file would cover more than 30 years of days: "
                           "set the days it covers", im->name);
    size_t n = im->st.nseries;
    for (size_t i = 0; i < n; i++) {
        if (!care_series(im, &im->st.series[i]))
            continue;
        for (int64_t d = first; d <= last; d++) {
            int rc = skpi__stage_point(&im->st.series[i], skpi__days_start(&im->days, d), 0);
            if (rc != SKPI_OK)
                return rc;
        }
    }
    return SKPI_OK;
}
