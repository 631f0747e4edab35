"""Loads libsocialkpi and declares the prototype of every function the package uses."""
import ctypes
import ctypes.util
import os

from ._errors import error_for

EXPECTED_MAJOR = 0
EXPECTED_MINOR = 1


class _Calendar(ctypes.Structure):
    pass


class _Series(ctypes.Structure):
    pass


CalendarP = ctypes.POINTER(_Calendar)
SeriesP = ctypes.POINTER(_Series)


class Period(ctypes.Structure):
    """skpi_period: a half-open [start, end) interval in UTC seconds."""

    _fields_ = [("start", ctypes.c_int64), ("end", ctypes.c_int64)]

    def __repr__(self):
        return f"Period(start={self.start}, end={self.end})"

    def __eq__(self, other):
        return isinstance(other, Period) and (self.start, self.end) == (other.start, other.end)

    def __iter__(self):
        return iter((self.start, self.end))


def _candidates():
    env = os.environ.get("SOCIALKPI_LIBRARY")
    if env:
        yield env
        return
    here = os.path.dirname(os.path.abspath(__file__))
    for name in sorted(os.listdir(here)):
        if name.startswith("libsocialkpi.so"):
            yield os.path.join(here, name)
    found = ctypes.util.find_library("socialkpi")
    if found:
        yield found
    yield "libsocialkpi.so.0"


def _load():
    errors = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as exc:
            errors.append(f"{path}: {exc}")
    raise ImportError("socialkpi: cannot load libsocialkpi (set SOCIALKPI_LIBRARY to its path): "
                      + "; ".join(errors))


lib = _load()


def _check(result, func, args):
    if result < 0:
        raise error_for(result, lib.skpi_last_error().decode("utf-8", "replace"))
    return result


_i64 = ctypes.c_int64
_c = ctypes.c_char_p
_int = ctypes.c_int
_sz = ctypes.c_size_t
_P = ctypes.POINTER

# name, argtypes, restype, checked (negative int raises)
PROTOTYPES = [
    ("skpi_version", [], _int, False),
    ("skpi_version_string", [], _c, False),
    ("skpi_strerror", [_int], _c, False),
    ("skpi_last_error", [], _c, False),
    ("skpi_error_set", [_c], None, False),
    ("skpi_time_min", [], _i64, False),
    ("skpi_time_max", [], _i64, False),
    ("skpi_calendar_label_size", [], _sz, False),
    ("skpi_calendar_new", [_P(CalendarP)], _int, True),
    ("skpi_calendar_free", [CalendarP], None, False),
    ("skpi_calendar_clone", [_P(CalendarP), CalendarP], _int, True),
    ("skpi_calendar_set_utc_offset", [CalendarP, _int], _int, True),
    ("skpi_calendar_utc_offset", [CalendarP], _int, False),
    ("skpi_calendar_set_week_start", [CalendarP, _int], _int, True),
    ("skpi_calendar_week_start", [CalendarP], _int, False),
    ("skpi_calendar_set_fiscal_year_start", [CalendarP, _int], _int, True),
    ("skpi_calendar_fiscal_year_start", [CalendarP], _int, False),
    ("skpi_calendar_period", [_P(Period), CalendarP, _int, _i64], _int, True),
    ("skpi_calendar_shift", [_P(Period), CalendarP, _int, _i64, _i64], _int, True),
    ("skpi_calendar_year_earlier", [_P(Period), CalendarP, _int, _i64], _int, True),
    ("skpi_calendar_label", [_c, _sz, CalendarP, _int, _i64], _int, True),
    ("skpi_calendar_parse", [_P(_i64), CalendarP, _c], _int, True),
    ("skpi_time_parse", [_P(_i64), _c], _int, True),
    ("skpi_time_format", [_c, _sz, _i64, _int], _int, True),
    ("skpi_time_format_date", [_c, _sz, _i64, _int], _int, True),
    ("skpi_series_new", [_P(SeriesP), _c, _c], _int, True),
    ("skpi_series_free", [SeriesP], None, False),
    ("skpi_series_clone", [_P(SeriesP), SeriesP], _int, True),
    ("skpi_series_metric", [SeriesP], _c, False),
    ("skpi_series_channel", [SeriesP], _c, False),
    ("skpi_series_set_duplicate_policy", [SeriesP, _int], _int, True),
    ("skpi_series_duplicate_policy", [SeriesP], _int, False),
    ("skpi_series_append", [SeriesP, ctypes.c_void_p, ctypes.c_void_p, _sz], _int, True),
    ("skpi_series_length", [SeriesP], _sz, False),
    ("skpi_series_times", [SeriesP], ctypes.c_void_p, False),
    ("skpi_series_values", [SeriesP], ctypes.c_void_p, False),
    ("skpi_series_aggregate", [_P(ctypes.c_double), _P(_sz), _P(_sz), SeriesP, Period, _int], _int, True),
    ("skpi_series_rollup", [_P(SeriesP), SeriesP, CalendarP, _int, _int], _int, True),
]

for _name, _args, _res, _checked in PROTOTYPES:
    _f = getattr(lib, _name)
    _f.argtypes = _args
    _f.restype = _res
    if _checked:
        _f.errcheck = _check

_version = lib.skpi_version()
if _version // 10000 != EXPECTED_MAJOR or (_version // 100) % 100 < EXPECTED_MINOR:
    raise ImportError(
        f"socialkpi: the loaded libsocialkpi is {lib.skpi_version_string().decode()}, "
        f"but this package needs {EXPECTED_MAJOR}.{EXPECTED_MINOR} or a later {EXPECTED_MAJOR}.x; "
        "point SOCIALKPI_LIBRARY at a matching build")


def text(s):
    """A Python str as the UTF-8 bytes C expects."""
    if isinstance(s, bytes):
        return s
    if not isinstance(s, str):
        raise TypeError(f"expected str, got {type(s).__name__}")
    return s.encode("utf-8")
