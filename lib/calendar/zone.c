/* IANA time zones: ICU's rules read once into a table of offset changes. */
#include "calendar/zone.h"
#include "calendar/civil.h"
#include "core/internal.h"

#include <string.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>

/* The table holds every change before 2500-01-01. Later times are moved back
 * by whole 400-year Gregorian cycles: a cycle is 146097 days, a whole number
 * of weeks, so rules such as "second Sunday of March" repeat exactly, and
 * tzdata's rules are final long before 2100 (zic writes explicit changes up
 * to 2037 only). */
#define TABLE_END (INT64_C(193579) * SKPI__DAY_SECONDS)      /* 2500-01-01 */
#define CYCLE (INT64_C(146097) * SKPI__DAY_SECONDS)          /* 400 years */

/* Characters of IANA names (and of aliases such as "GMT0" or "Etc/GMT+5"). */
static bool name_ok(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > SKPI__ZONE_NAME_MAX) return false;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '/' || c == '_' || c == '-' || c == '+'))
            return false;
    }
    return true;
}

static int unknown(const char *name, const char *what)
{
    return skpi__error(SKPI_EINVAL, "%s: \"%.80s\" is not an IANA time zone name "
                       "(such as Europe/Berlin or America/Los_Angeles; a fixed offset "
                       "is set as a UTC offset instead)", what, name);
}

static int icu_failed(UErrorCode st, const char *name, const char *what)
{
    if (st == U_MEMORY_ALLOCATION_ERROR) return skpi__nomem();
    return skpi__error(SKPI_EUNSUPPORTED, "%s: ICU could not read time zone \"%s\" (%s)",
                       what, name, u_errorName(st));
}

static int32_t icu_offset(UCalendar *c, UErrorCode *st)
{
    int32_t ms = ucal_get(c, UCAL_ZONE_OFFSET, st) + ucal_get(c, UCAL_DST_OFFSET, st);
    return (int32_t)(ms / 1000);
}

/* Walk ICU's changes from year 1 to TABLE_END into z's arrays. */
static int read_changes(skpi__zone *z, UCalendar *c, const char *what)
{
    UErrorCode st = U_ZERO_ERROR;
    size_t cap_at = 0, cap_off = 0;
    ucal_setMillis(c, (UDate)SKPI_TIME_MIN * 1000.0, &st);
    int32_t last = icu_offset(c, &st);
    z->first_offset = last;
    UDate when;
    while (U_SUCCESS(st) && ucal_getTimeZoneTransitionDate(c, UCAL_TZ_TRANSITION_NEXT, &when, &st)) {
        skpi_time t = (skpi_time)(when / 1000.0);
        if (t >= TABLE_END) break;
        ucal_setMillis(c, when, &st);
        int32_t off = icu_offset(c, &st);
        if (U_FAILURE(st)) break;
        if (off == last) continue; /* a change of name or of the DST part only */
        if (!skpi__grow((void **)&z->at, &cap_at, z->count + 1, sizeof *z->at) ||
            !skpi__grow((void **)&z->offset, &cap_off, z->count + 1, sizeof *z->offset))
            return skpi__nomem();
        z->at[z->count] = t;
        z->offset[z->count] = off;
        z->count++;
        last = off;
    }
    return U_FAILURE(st) ? icu_failed(st, z->name, what) : SKPI_OK;
}

int skpi__zone_open(skpi__zone **out, const char *name, const char *what)
{
    if (!name_ok(name)) return unknown(name, what);
    UChar id[SKPI__ZONE_NAME_MAX + 1], canonical[128];
    u_uastrcpy(id, name);
    UErrorCode st = U_ZERO_ERROR;
    UBool system = 0;
    ucal_getCanonicalTimeZoneID(id, -1, canonical, 128, &system, &st);
    if (st == U_MEMORY_ALLOCATION_ERROR) return skpi__nomem();
    if (U_FAILURE(st) || !system) return unknown(name, what);

    skpi__zone *z = skpi__calloc(1, sizeof *z);
    if (z == NULL) return skpi__nomem();
    memcpy(z->name, name, strlen(name) + 1);
    UCalendar *c = ucal_open(id, -1, "en_US_POSIX", UCAL_GREGORIAN, &st);
    int rc = U_FAILURE(st) ? icu_failed(st, name, what) : read_changes(z, c, what);
    ucal_close(c);
    if (rc != SKPI_OK) {
        skpi__zone_free(z);
        return rc;
    }
    *out = z;
    return SKPI_OK;
}

int skpi__zone_clone(skpi__zone **out, const skpi__zone *z)
{
    skpi__zone *c = skpi__malloc(sizeof *c);
    if (c == NULL) return skpi__nomem();
    *c = *z;
    c->at = NULL;
    c->offset = NULL;
    if (z->count > 0) {
        c->at = skpi__reallocarray(NULL, z->count, sizeof *c->at);
        c->offset = skpi__reallocarray(NULL, z->count, sizeof *c->offset);
        if (c->at == NULL || c->offset == NULL) {
            skpi__zone_free(c);
            return skpi__nomem();
        }
        memcpy(c->at, z->at, z->count * sizeof *c->at);
        memcpy(c->offset, z->offset, z->count * sizeof *c->offset);
    }
    *out = c;
    return SKPI_OK;
}

void skpi__zone_free(skpi__zone *z)
{
    if (z == NULL) return;
    skpi__free(z->at);
    skpi__free(z->offset);
    skpi__free(z);
}

/* Whether the zone still changes in the last cycle of the table: only then
 * do later times repeat it. */
static bool periodic(const skpi__zone *z)
{
    return z->count > 0 && z->at[z->count - 1] >= TABLE_END - CYCLE;
}

/* Whole cycles to move t back by so that it lands before TABLE_END. */
static int64_t cycles_back(const skpi__zone *z, skpi_time t)
{
    if (t < TABLE_END || !periodic(z)) return 0;
    return skpi__floor_div(t - TABLE_END, CYCLE) + 1;
}

/* Number of changes at or before t (t inside the table). */
static size_t changes_upto(const skpi__zone *z, skpi_time t)
{
    size_t lo = 0, hi = z->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (z->at[mid] <= t) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int32_t skpi__zone_offset_at(const skpi__zone *z, skpi_time t)
{
    t -= cycles_back(z, t) * CYCLE;
    size_t k = changes_upto(z, t);
    return k == 0 ? z->first_offset : z->offset[k - 1];
}

int32_t skpi__zone_offset_span(const skpi__zone *z, skpi_time t, skpi_time *from,
                               skpi_time *until)
{
    int64_t back = cycles_back(z, t);
    size_t k = changes_upto(z, t - back * CYCLE);
    *from = k == 0 ? INT64_MIN : z->at[k - 1] + back * CYCLE;
    *until = skpi__zone_next_change(z, t);
    return k == 0 ? z->first_offset : z->offset[k - 1];
}

skpi_time skpi__zone_next_change(const skpi__zone *z, skpi_time t)
{
    int64_t k = cycles_back(z, t);
    t -= k * CYCLE;
    size_t i = changes_upto(z, t);
    if (i < z->count) return z->at[i] + k * CYCLE;
    if (!periodic(z)) return INT64_MAX;
    /* past the table's last change: the first change of the repeated cycle */
    return z->at[changes_upto(z, t - CYCLE)] + (k + 1) * CYCLE;
}
