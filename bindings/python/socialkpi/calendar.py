"""Reporting calendars, periods, labels, and ISO 8601 times."""
from __future__ import annotations

import ctypes
import datetime
import enum
from typing import Optional

from ._buffers import np
from ._handle import Handle
from ._errors import invalid
from ._lib import CalendarP, Period, lib, text
from ._typing import PeriodLike, TimeLike


_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class Cadence(enum.IntEnum):
    """Lengths of reporting periods."""

    DAY = 0
    WEEK = 1
    MONTH = 2
    QUARTER = 3
    YEAR = 4


def seconds(t: TimeLike) -> int:
    """Accept epoch seconds, datetime (naive = UTC), date, ISO 8601 text or numpy datetime64."""
    if isinstance(t, datetime.datetime):
        if t.tzinfo is None:
            t = t.replace(tzinfo=datetime.timezone.utc)
        return int((t - _EPOCH) // datetime.timedelta(seconds=1))
    if isinstance(t, datetime.date):
        return (t - datetime.date(1970, 1, 1)).days * 86400
    if isinstance(t, bytes):
        return parse_time(t.decode("utf-8"))
    if isinstance(t, str):
        return parse_time(t)
    if np is not None and isinstance(t, np.datetime64):
        return int(t.astype("datetime64[s]").astype(np.int64))
    if isinstance(t, float) and not t.is_integer():
        raise invalid("time", f"a time in seconds must be a whole number, got {t}")
    return int(t)


def as_period(p: PeriodLike) -> Period:
    """A Period from a Period or a (start, end) pair of anything seconds() accepts."""
    if isinstance(p, Period):
        return p
    try:
        start, end = p
    except (TypeError, ValueError):
        raise TypeError(f"expected a Period or a (start, end) pair, got {p!r}") from None
    return Period(seconds(start), seconds(end))


class Calendar(Handle):
    """A reporting calendar: UTC offset, first day of the week, fiscal year start."""

    _free = staticmethod(lib.skpi_calendar_free)

    def __init__(self, utc_offset: int = 0, week_start: int = 1, fiscal_year_start: int = 1) -> None:
        ptr = CalendarP()
        lib.skpi_calendar_new(ctypes.byref(ptr))
        self._adopt(ptr)
        self.utc_offset = utc_offset
        self.week_start = week_start
        self.fiscal_year_start = fiscal_year_start

    @property
    def utc_offset(self) -> int:
        """Minutes east of UTC."""
        return int(lib.skpi_calendar_utc_offset(self._h))

    @utc_offset.setter
    def utc_offset(self, minutes: int) -> None:
        lib.skpi_calendar_set_utc_offset(self._h, minutes)

    @property
    def time_zone(self) -> Optional[str]:
        """The IANA time zone name, or None for a fixed UTC offset."""
        name: Optional[bytes] = lib.skpi_calendar_time_zone(self._h)
        return name.decode() if name is not None else None

    @time_zone.setter
    def time_zone(self, name: str) -> None:
        lib.skpi_calendar_set_time_zone(self._h, text(name))

    def offset_at(self, t: TimeLike) -> int:
        """Seconds east of UTC in force at time `t`."""
        out = ctypes.c_int()
        lib.skpi_calendar_offset_at(ctypes.byref(out), self._h, seconds(t))
        return out.value

    @property
    def skipped_time(self) -> int:
        """Rule for local times the zone skips: 0 reject, 1 earlier, 2 later."""
        return int(lib.skpi_calendar_skipped_time(self._h))

    @skipped_time.setter
    def skipped_time(self, rule: int) -> None:
        lib.skpi_calendar_set_skipped_time(self._h, rule)

    @property
    def repeated_time(self) -> int:
        """Rule for local times the zone shows twice: 0 reject, 1 earlier, 2 later."""
        return int(lib.skpi_calendar_repeated_time(self._h))

    @repeated_time.setter
    def repeated_time(self, rule: int) -> None:
        lib.skpi_calendar_set_repeated_time(self._h, rule)

    def format(self, t: TimeLike) -> str:
        """ISO 8601 text of `t` in this calendar's zone, with the offset in force."""
        buf = ctypes.create_string_buffer(lib.skpi_calendar_label_size())
        lib.skpi_calendar_format(buf, len(buf), self._h, seconds(t))
        return buf.value.decode()

    def format_date(self, t: TimeLike) -> str:
        """The local date of `t` in this calendar's zone."""
        buf = ctypes.create_string_buffer(lib.skpi_calendar_label_size())
        lib.skpi_calendar_format_date(buf, len(buf), self._h, seconds(t))
        return buf.value.decode()

    @property
    def week_start(self) -> int:
        """First day of the week, 1 (Monday) to 7 (Sunday)."""
        return int(lib.skpi_calendar_week_start(self._h))

    @week_start.setter
    def week_start(self, weekday: int) -> None:
        lib.skpi_calendar_set_week_start(self._h, weekday)

    @property
    def fiscal_year_start(self) -> int:
        """Month the fiscal year starts in, 1 to 12."""
        return int(lib.skpi_calendar_fiscal_year_start(self._h))

    @fiscal_year_start.setter
    def fiscal_year_start(self, month: int) -> None:
        lib.skpi_calendar_set_fiscal_year_start(self._h, month)

    def period(self, cadence: Cadence, t: TimeLike) -> Period:
        """The Period of `cadence` that contains time `t`."""
        out = Period()
        lib.skpi_calendar_period(ctypes.byref(out), self._h, int(cadence), seconds(t))
        return out

    def shift(self, cadence: Cadence, t: TimeLike, n: int) -> Period:
        """The period `n` periods after the one containing `t`."""
        out = Period()
        lib.skpi_calendar_shift(ctypes.byref(out), self._h, int(cadence), seconds(t), n)
        return out

    def previous(self, cadence: Cadence, t: TimeLike) -> Period:
        """The period before the one containing `t`."""
        return self.shift(cadence, t, -1)

    def next(self, cadence: Cadence, t: TimeLike) -> Period:
        """The period after the one containing `t`."""
        return self.shift(cadence, t, 1)

    def year_earlier(self, cadence: Cadence, t: TimeLike) -> Period:
        """The same period a year earlier."""
        out = Period()
        lib.skpi_calendar_year_earlier(ctypes.byref(out), self._h, int(cadence), seconds(t))
        return out

    def label(self, cadence: Cadence, t: TimeLike) -> str:
        """The period's label, e.g. '2026-W47' or 'FY2027-Q1'."""
        buf = ctypes.create_string_buffer(lib.skpi_calendar_label_size())
        lib.skpi_calendar_label(buf, len(buf), self._h, int(cadence), seconds(t))
        return buf.value.decode()

    def period_name(self, cadence: Cadence, t: TimeLike, locale: Optional[str] = None,
                    week: Optional[str] = None) -> str:
        """The period's name for readers: 'March 2026', 'Q1 2026', 'week of 2 March 2026';
        'März 2026' with locale='de-DE'. `week` words a week around '{date}'."""
        buf = ctypes.create_string_buffer(256)
        lib.skpi_calendar_period_name(buf, len(buf), self._h, int(cadence), seconds(t),
                                      None if locale is None else text(locale),
                                      None if week is None else text(week))
        return buf.value.decode()

    def parse(self, s: str) -> int:
        """Parse a date or date-time; without an offset it is read in this calendar's zone."""
        out = ctypes.c_int64()
        lib.skpi_calendar_parse(ctypes.byref(out), self._h, text(s))
        return out.value


def parse_time(s: str) -> int:
    """Parse '2026-11-22', '2026-11-22T10:00:00Z', '2026-11-22 10:00 +0100' to epoch seconds (UTC default)."""
    out = ctypes.c_int64()
    lib.skpi_time_parse(ctypes.byref(out), text(s))
    return out.value


def parse_utc_offset(s: str) -> int:
    """Minutes east of UTC of 'Z', '+HH:MM', '-HH:MM', '+HHMM' or '+HH' ('-05:30' gives -330)."""
    out = ctypes.c_int()
    lib.skpi_utc_offset_parse(ctypes.byref(out), text(s))
    return out.value


def format_time(t: TimeLike, utc_offset: int = 0) -> str:
    """ISO 8601 text of a time at a UTC offset in minutes."""
    buf = ctypes.create_string_buffer(lib.skpi_calendar_label_size())
    lib.skpi_time_format(buf, len(buf), seconds(t), utc_offset)
    return buf.value.decode()


def format_date(t: TimeLike, utc_offset: int = 0) -> str:
    """The date part, 'YYYY-MM-DD', of a time at a UTC offset in minutes."""
    buf = ctypes.create_string_buffer(lib.skpi_calendar_label_size())
    lib.skpi_time_format_date(buf, len(buf), seconds(t), utc_offset)
    return buf.value.decode()
