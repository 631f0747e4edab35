/* Check-in history of a key result, kept sorted by time. */
#include "okr/okr_internal.h"

#include <math.h>
#include <string.h>

/* Where a check-in error happened: objective, key result index and title. */
#define WHERE "objective \"%s\", key result %zu (\"%s\")"

/* The number of check-ins strictly before t (binary search). */
static size_t count_before(const skpi_key_result *kr, skpi_time t)
{
    size_t lo = 0, hi = kr->ncheckins;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (kr->checkins[mid].time < t) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int skpi_key_result_add_checkin(skpi_key_result *kr, skpi_time time, double value,
                                double confidence, const char *note)
{
    if (kr == NULL) return skpi__error(SKPI_EMISUSE, "skpi_key_result_add_checkin: kr is NULL");
    return skpi_key_result_add_checkin_by(kr, time, value, confidence, note, NULL);
}

int skpi_key_result_add_checkin_by(skpi_key_result *kr, skpi_time time, double value,
                                   double confidence, const char *note, const char *author)
{
    if (kr == NULL) return skpi__error(SKPI_EMISUSE, "skpi_key_result_add_checkin_by: kr is NULL");
    const char *ot = kr->obj->title, *kt = kr->title;
    size_t index = skpi__key_result_index(kr);
    if (time < SKPI_TIME_MIN || time >= SKPI_TIME_END)
        return skpi__error(SKPI_ERANGE, WHERE ": check-in time %lld is outside 0001-01-01 to "
                           "9999-12-31", ot, index, kt, (long long)time);
    if (isinf(value))
        return skpi__error(SKPI_EINVAL, WHERE ": the check-in value is infinite; give a finite "
                           "number, or NaN for no value", ot, index, kt);
    if (kr->kind == SKPI_KR_MILESTONE && !isnan(value) && (value < 0.0 || value > 1.0))
        return skpi__error(SKPI_ERANGE, WHERE ": a milestone's check-in value is its completion "
                           "from 0 to 1 (1 = done), not %g", ot, index, kt, value);
    if (isinf(confidence) || (!isnan(confidence) && (confidence < 0.0 || confidence > 1.0)))
        return skpi__error(SKPI_ERANGE, WHERE ": confidence %g is outside 0 to 1 (NaN for none)",
                           ot, index, kt, confidence);
    size_t at = count_before(kr, time);
    if (at < kr->ncheckins && kr->checkins[at].time == time) {
        char when[32];
        if (skpi_time_format(when, sizeof when, time, 0) != SKPI_OK) when[0] = '\0';
        return skpi__error(SKPI_EDUPLICATE, WHERE ": there is already a check-in at %s; remove it "
                           "first to replace it", ot, index, kt, when);
    }
    /* the note and who checked in share one allocation (okr_internal.h) */
    if (note == NULL) note = "";
    if (author == NULL) author = "";
    size_t nn = strlen(note) + 1, na = strlen(author) + 1;
    char *copy = skpi__malloc(nn + na);
    if (copy == NULL) return skpi__nomem();
    memcpy(copy, note, nn);
    memcpy(copy + nn, author, na);
    if (kr->ncheckins == kr->capcheckins) {
        size_t cap = kr->capcheckins ? kr->capcheckins * 2 : 8;
        skpi__checkin *grown = skpi__reallocarray(kr->checkins, cap, sizeof *grown);
        if (grown == NULL) {
            skpi__free(copy);
            return skpi__nomem();
        }
        kr->checkins = grown;
        kr->capcheckins = cap;
    }
    memmove(&kr->checkins[at + 1], &kr->checkins[at],
            (kr->ncheckins - at) * sizeof kr->checkins[0]);
    kr->checkins[at] = (skpi__checkin){ time, value, confidence, copy };
    kr->ncheckins++;
    return SKPI_OK;
}

size_t skpi_key_result_checkin_count(const skpi_key_result *kr)
{
    return kr != NULL ? kr->ncheckins : 0;
}

int skpi_key_result_checkin(skpi_time *time, double *value, double *confidence,
                            const char **note, const skpi_key_result *kr, size_t index)
{
    if (kr == NULL) return skpi__error(SKPI_EMISUSE, "skpi_key_result_checkin: kr is NULL");
    if (index >= kr->ncheckins)
        return skpi__error(SKPI_ERANGE, "skpi_key_result_checkin: index %zu is out of range "
                           "(the key result has %zu check-ins)", index, kr->ncheckins);
    const skpi__checkin *c = &kr->checkins[index];
    if (time != NULL) *time = c->time;
    if (value != NULL) *value = c->value;
    if (confidence != NULL) *confidence = c->confidence;
    if (note != NULL) *note = c->note;
    return SKPI_OK;
}

int skpi_key_result_checkin_author(const char **author, const skpi_key_result *kr, size_t index)
{
    if (author == NULL || kr == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_key_result_checkin_author: %s is NULL",
                           author == NULL ? "author" : "kr");
    if (index >= kr->ncheckins)
        return skpi__error(SKPI_ERANGE, "skpi_key_result_checkin_author: index %zu is out of range "
                           "(the key result has %zu check-ins)", index, kr->ncheckins);
    const char *note = kr->checkins[index].note;
    *author = note + strlen(note) + 1;
    return SKPI_OK;
}

int skpi_key_result_remove_checkin(skpi_key_result *kr, size_t index)
{
    if (kr == NULL) return skpi__error(SKPI_EMISUSE, "skpi_key_result_remove_checkin: kr is NULL");
    if (index >= kr->ncheckins)
        return skpi__error(SKPI_ERANGE, "skpi_key_result_remove_checkin: index %zu is out of range "
                           "(the key result has %zu check-ins)", index, kr->ncheckins);
    skpi__free(kr->checkins[index].note);
    memmove(&kr->checkins[index], &kr->checkins[index + 1],
            (kr->ncheckins - index - 1) * sizeof kr->checkins[0]);
    kr->ncheckins--;
    return SKPI_OK;
}

double skpi__checkin_value_before(const skpi_key_result *kr, skpi_time as_of)
{
    for (size_t i = count_before(kr, as_of); i > 0; i--)
        if (!isnan(kr->checkins[i - 1].value)) return kr->checkins[i - 1].value;
    return NAN;
}

void skpi__checkin_confidence_before(const skpi_key_result *kr, skpi_time as_of,
                                     double *latest, double *previous)
{
    *latest = NAN;
    *previous = NAN;
    for (size_t i = count_before(kr, as_of); i > 0; i--) {
        double c = kr->checkins[i - 1].confidence;
        if (isnan(c)) continue;
        if (isnan(*latest)) {
            *latest = c;
        } else {
            *previous = c;
            return;
        }
    }
}
