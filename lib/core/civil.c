/* Times as text for messages: ISO 8601 in UTC, or the number when out of range. */
#include "core/civil.h"
#include "core/internal.h"

#include <stdio.h>

static void put4(char *p, int v)
{
    skpi__put2(p, v / 100);
    skpi__put2(p + 2, v % 100);
}

void skpi__write_local(char buf[20], skpi_time t, int32_t offset_s)
{
    skpi_time local = t + offset_s;
    int64_t day = skpi__floor_div(local, SKPI__DAY_SECONDS);
    int sod = (int)(local - day * SKPI__DAY_SECONDS);
    int64_t y;
    int m, d;
    skpi__civil_from_days(day, &y, &m, &d);
    put4(buf, (int)y);
    buf[4] = '-';
    skpi__put2(buf + 5, m);
    buf[7] = '-';
    skpi__put2(buf + 8, d);
    buf[10] = 'T';
    skpi__put2(buf + 11, sod / 3600);
    buf[13] = ':';
    skpi__put2(buf + 14, sod / 60 % 60);
    buf[16] = ':';
    skpi__put2(buf + 17, sod % 60);
    buf[19] = '\0';
}

const char *skpi__time_text(char buf[SKPI__TIME_TEXT_SIZE], skpi_time t)
{
    if (skpi__time_in_range(t)) {
        skpi__write_local(buf, t, 0);
        buf[19] = 'Z';
        buf[20] = '\0';
    } else {
        snprintf(buf, SKPI__TIME_TEXT_SIZE, "%lld", (long long)t);
    }
    return buf;
}

int skpi__time_range_error(const char *what, skpi_time t)
{
    char text[SKPI__TIME_TEXT_SIZE];
    return skpi__error(SKPI_ERANGE,
                       "%s: time %s is outside 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z",
                       what, skpi__time_text(text, t));
}
