/* Reading scoring results, and the names of bands, statuses, verdicts and curves. */
#include "okr/okr_internal.h"

#include <math.h>

void skpi_okr_result_free(skpi_okr_result *r)
{
    if (r == NULL || r->borrowed) return;
    skpi__okr_result_clear(r);
    skpi__free(r);
}

skpi_time skpi_okr_result_as_of(const skpi_okr_result *r) { return r != NULL ? r->as_of : 0; }
double skpi_okr_result_elapsed(const skpi_okr_result *r) { return r != NULL ? r->elapsed : NAN; }
double skpi_okr_result_score(const skpi_okr_result *r) { return r != NULL ? r->score : NAN; }
double skpi_okr_result_rounded(const skpi_okr_result *r) { return r != NULL ? r->rounded : NAN; }
double skpi_okr_result_mean(const skpi_okr_result *r) { return r != NULL ? r->mean : NAN; }
double skpi_okr_result_weakest(const skpi_okr_result *r) { return r != NULL ? r->weakest : NAN; }
double skpi_okr_result_expected(const skpi_okr_result *r) { return r != NULL ? r->expected : NAN; }
double skpi_okr_result_confidence(const skpi_okr_result *r) { return r != NULL ? r->confidence : NAN; }
size_t skpi_okr_result_kr_count(const skpi_okr_result *r) { return r != NULL ? r->nkr : 0; }
size_t skpi_okr_result_child_count(const skpi_okr_result *r) { return r != NULL ? r->nchild : 0; }

int skpi_okr_result_band(const skpi_okr_result *r)
{
    if (r == NULL) return skpi__error(SKPI_EMISUSE, "skpi_okr_result_band: r is NULL");
    return r->band;
}

int skpi_okr_result_status(const skpi_okr_result *r)
{
    if (r == NULL) return skpi__error(SKPI_EMISUSE, "skpi_okr_result_status: r is NULL");
    return r->status;
}

int skpi_okr_result_verdict(const skpi_okr_result *r)
{
    if (r == NULL) return skpi__error(SKPI_EMISUSE, "skpi_okr_result_verdict: r is NULL");
    return r->verdict;
}

const skpi_okr_result *skpi_okr_result_child(const skpi_okr_result *r, size_t index)
{
    if (r == NULL || index >= r->nchild) return NULL;
    return &r->children[index];
}

/* The key result entry at index, or an error naming the function. */
static int kr_at(const skpi__kr_result **out, const skpi_okr_result *r, size_t index, const char *fn)
{
    if (r == NULL) return skpi__error(SKPI_EMISUSE, "%s: r is NULL", fn);
    if (index >= r->nkr)
        return skpi__error(SKPI_ERANGE, "%s: index %zu is out of range (the result has %zu key "
                           "results)", fn, index, r->nkr);
    *out = &r->kr[index];
    return SKPI_OK;
}

int skpi_okr_result_kr_score(double *score, double *rounded, int *band,
                             const skpi_okr_result *r, size_t index)
{
    const skpi__kr_result *k = NULL;
    int rc = kr_at(&k, r, index, "skpi_okr_result_kr_score");
    if (rc != SKPI_OK) return rc;
    if (score != NULL) *score = k->score;
    if (rounded != NULL) *rounded = k->rounded;
    if (band != NULL) *band = k->band;
    return SKPI_OK;
}

int skpi_okr_result_kr_value(double *value, int *availability, double *achievement,
                             const skpi_okr_result *r, size_t index)
{
    const skpi__kr_result *k = NULL;
    int rc = kr_at(&k, r, index, "skpi_okr_result_kr_value");
    if (rc != SKPI_OK) return rc;
    if (value != NULL) *value = k->value;
    if (availability != NULL) *availability = k->availability;
    if (achievement != NULL) *achievement = k->achievement;
    return SKPI_OK;
}

int skpi_okr_result_kr_progress(double *expected, int *status, const skpi_okr_result *r,
                                size_t index)
{
    const skpi__kr_result *k = NULL;
    int rc = kr_at(&k, r, index, "skpi_okr_result_kr_progress");
    if (rc != SKPI_OK) return rc;
    if (expected != NULL) *expected = k->expected;
    if (status != NULL) *status = k->status;
    return SKPI_OK;
}

int skpi_okr_result_kr_confidence(double *latest, double *previous, const skpi_okr_result *r,
                                  size_t index)
{
    const skpi__kr_result *k = NULL;
    int rc = kr_at(&k, r, index, "skpi_okr_result_kr_confidence");
    if (rc != SKPI_OK) return rc;
    if (latest != NULL) *latest = k->conf_latest;
    if (previous != NULL) *previous = k->conf_previous;
    return SKPI_OK;
}

const char *skpi_okr_band_name(int band)
{
    switch (band) {
    case SKPI_OKR_RED: return "red";
    case SKPI_OKR_YELLOW: return "yellow";
    case SKPI_OKR_GREEN: return "green";
    default: return "unknown";
    }
}

const char *skpi_okr_status_name(int status)
{
    switch (status) {
    case SKPI_OKR_NOT_STARTED: return "not started";
    case SKPI_OKR_ON_TRACK: return "on track";
    case SKPI_OKR_AT_RISK: return "at risk";
    case SKPI_OKR_OFF_TRACK: return "off track";
    default: return "unknown";
    }
}

const char *skpi_okr_verdict_name(int verdict)
{
    switch (verdict) {
    case SKPI_OKR_IN_PROGRESS: return "in progress";
    case SKPI_OKR_COMMITTED_MET: return "met";
    case SKPI_OKR_COMMITTED_MISSED: return "missed";
    case SKPI_OKR_ASPIRATIONAL_BELOW: return "below the success range";
    case SKPI_OKR_ASPIRATIONAL_SUCCESS: return "success";
    case SKPI_OKR_ASPIRATIONAL_ABOVE: return "above the success range";
    case SKPI_OKR_NOT_AMBITIOUS: return "not ambitious enough";
    default: return "unknown";
    }
}

const char *skpi_okr_curve_name(int curve)
{
    switch (curve) {
    case SKPI_OKR_CURVE_OBJECTIVE: return "objective";
    case SKPI_OKR_CURVE_LINEAR: return "linear";
    case SKPI_OKR_CURVE_STRETCH: return "stretch";
    case SKPI_OKR_CURVE_THREE_LEVEL: return "three-level";
    case SKPI_OKR_CURVE_CUSTOM: return "custom";
    default: return "unknown";
    }
}
