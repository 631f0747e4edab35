/* Local wall-clock times in an IANA zone: which instants a local time names
 * (none in a spring-forward gap, two in a fall-back hour) and where local
 * days begin. */
#include "calendar/civil.h"
#include "core/internal.h"

/* Beyond this distance from a change, a local time has exactly one reading:
 * offsets stay within a day of UTC. */
#define MARGIN (2 * SKPI__DAY_SECONDS)

int skpi__zone_readings(const skpi__zone *z, skpi_time local, skpi_time *earlier,
                        skpi_time *later)
{
    skpi_time from, until;
    int32_t o = skpi__zone_offset_span(z, local, &from, &until);
    if (from <= local - MARGIN && until > local + MARGIN) {
        *earlier = *later = local - o;
        return 1;
    }
    /* The offsets in force a day either side are the candidates; a reading
     * local - o is valid when o is the offset at that instant. */
    int32_t cand[2] = { skpi__zone_offset_at(z, local - SKPI__DAY_SECONDS),
                        skpi__zone_offset_at(z, local + SKPI__DAY_SECONDS) };
    int valid = 0;
    skpi_time lo = INT64_MAX, hi = INT64_MIN;
    for (int i = 0; i < 2; i++) {
        if (i == 1 && cand[1] == cand[0]) break;
        skpi_time t = local - cand[i];
        if (skpi__zone_offset_at(z, t) != cand[i]) continue;
        valid++;
        if (t < lo) lo = t;
        if (t > hi) hi = t;
    }
    if (valid == 0) {
        /* A gap: the readings with the offsets before and after the change. */
        skpi_time a = local - cand[0], b = local - cand[1];
        lo = a < b ? a : b;
        hi = a < b ? b : a;
    }
    *earlier = lo;
    *later = hi;
    return valid;
}

skpi_time skpi__zone_day_start(const skpi__zone *z, int64_t day)
{
    skpi_time earlier, later;
    if (skpi__zone_readings(z, day * SKPI__DAY_SECONDS, &earlier, &later) > 0) return earlier;
    /* Midnight falls in a gap: the day begins when the clocks jump. */
    return skpi__zone_next_change(z, earlier);
}

int64_t skpi__zone_day_of(const skpi__zone *z, skpi_time t)
{
    skpi_time from, until;
    int32_t o = skpi__zone_offset_span(z, t, &from, &until);
    int64_t day = skpi__floor_div(t + o, SKPI__DAY_SECONDS);
    if (from <= t - MARGIN && until > t + MARGIN) return day;
    /* Near a change the day is the one whose start was reached last, which
     * also holds when clocks fall back across midnight. */
    if (t < skpi__zone_day_start(z, day)) return day - 1;
    if (t >= skpi__zone_day_start(z, day + 1)) return day + 1;
    return day;
}
