/* UTC offsets as people write them: Z, +HH:MM, +HHMM or +HH. */
#include "calendar/offset.h"
#include "core/internal.h"
#include "socialkpi/calendar.h"

#include <string.h>

static bool two_digits(const char *s, int *value)
{
    if (s[0] < '0' || s[0] > '9') return false;
    if (s[1] < '0' || s[1] > '9') return false;
    *value = (s[0] - '0') * 10 + (s[1] - '0');
    return true;
}

skpi__offset_read skpi__offset_scan(const char *s)
{
    skpi__offset_read r = { SKPI__OFFSET_OK, 1, 1, 0, 0, 0 };
    if (s[0] == 'Z') return r;
    r.sign = s[0] == '-' ? -1 : 1;
    if (!two_digits(s + 1, &r.hours)) {
        r.fault = SKPI__OFFSET_NO_HOURS;
        r.at = s[1] >= '0' && s[1] <= '9' ? 2 : 1;
        return r;
    }
    r.at = 3;
    if (s[3] == ':' || (s[3] >= '0' && s[3] <= '9')) {
        size_t mm = s[3] == ':' ? 4 : 3;
        if (!two_digits(s + mm, &r.minutes)) {
            r.fault = SKPI__OFFSET_NO_MINUTES;
            r.at = s[mm] >= '0' && s[mm] <= '9' ? mm + 1 : mm;
            return r;
        }
        r.at = mm;
        if (r.minutes > 59) { r.fault = SKPI__OFFSET_MINUTE; return r; }
        r.at = mm + 2;
    }
    if (r.hours * 60 + r.minutes > 1080) { r.fault = SKPI__OFFSET_TOO_FAR; return r; }
    r.offset = r.sign * (r.hours * 60 + r.minutes);
    return r;
}

int skpi_utc_offset_parse(int *minutes, const char *text)
{
    static const char fn[] = "skpi_utc_offset_parse";
    if (minutes == NULL || text == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", fn, minutes == NULL ? "minutes" : "text");
    skpi__offset_read r = { SKPI__OFFSET_NO_HOURS, 0, 1, 0, 0, 0 };
    if (text[0] == 'Z' || text[0] == '+' || text[0] == '-') r = skpi__offset_scan(text);
    if (r.fault == SKPI__OFFSET_MINUTE)
        return skpi__error(SKPI_ERANGE, "%s: '%.20s': minute %d is past 59", fn, text, r.minutes);
    if (r.fault == SKPI__OFFSET_TOO_FAR)
        return skpi__error(SKPI_ERANGE, "%s: '%.20s' is more than 18 hours from UTC", fn, text);
    if (r.fault != SKPI__OFFSET_OK || text[r.at] != '\0')
        return skpi__error(SKPI_EPARSE, "%s: '%.20s' is not an offset: write Z, +HH:MM, -HH:MM, +HHMM or +HH",
                           fn, text);
    *minutes = r.offset;
    return SKPI_OK;
}
