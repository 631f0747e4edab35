"""Importers for analytics exports (CSV): X, Meta, LinkedIn, YouTube, TikTok, Sprout, generic."""
from __future__ import annotations

import ctypes
import datetime
import enum
import os
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Tuple, Union

from ._errors import SocialKPIError, invalid, naming
from ._lib import ImportSummaryP, lib, opt_text, required, version_init
from ._typing import PathLike
from ._lib import text as utf8
from ._types import ImportColumn, ImportOptions, Period
from .dataset import Dataset


class Preset(enum.IntEnum):
    """Export formats; AUTO chooses by the header's column names."""

    AUTO = 0
    X_TWEETS = 1
    X_DAILY = 2
    X_CONTENT = 3
    X_OVERVIEW = 4
    FACEBOOK_POSTS = 5
    INSTAGRAM_POSTS = 6
    META_DAILY = 7
    LINKEDIN_METRICS = 8
    YOUTUBE_TABLE = 9
    YOUTUBE_CHART = 10
    TIKTOK_OVERVIEW = 11
    TIKTOK_FOLLOWERS = 12
    SPROUT_PROFILES = 13
    GENERIC_LONG = 14
    GENERIC_WIDE = 15
    YOUTUBE_VIDEOS = 16
    TIKTOK_VIEWERS = 17
    TIKTOK_CONTENT = 18
    TIKTOK_AUDIENCE = 19
    LINKEDIN_ENGAGEMENT = 20
    LINKEDIN_FOLLOWERS = 21
    LINKEDIN_PAGE_FOLLOWERS = 22
    LINKEDIN_VISITORS = 23
    LINKEDIN_TOP_POSTS = 24
    LINKEDIN_DISCOVERY = 25
    LISTENING_MENTIONS = 26
    BRANDWATCH_MENTIONS = 27
    CARE_MESSAGES = 28
    ZENDESK_TICKETS = 29
    CARE_BINS = 30

    @property
    def key(self) -> str:
        """The short name, e.g. 'x_tweets'."""
        return required(lib.skpi_import_preset_name(self))

    @classmethod
    def from_key(cls, name: str) -> Preset:
        """The preset with this short name ('x_tweets', 'generic_long', ...)."""
        out = ctypes.c_int()
        lib.skpi_import_preset_from_name(ctypes.byref(out), utf8(name))
        return cls(out.value)


class Skip(enum.IntEnum):
    """Why rows were skipped."""

    PREAMBLE = 0
    BLANK = 1
    TOTAL = 2
    UNKNOWN_METRIC = 3
    DERIVED_METRIC = 4
    NO_VALUE = 5
    EXPORT_ERROR = 6


class DateOrder(enum.IntEnum):
    """How numeric dates such as 03/04/2025 are read."""

    AUTO = 0
    DAY_FIRST = 1
    MONTH_FIRST = 2


class ImportSummary(NamedTuple):
    """What an import did."""

    preset: Preset
    header_line: int
    rows: int
    points: int
    series: int
    posts: int
    posts_updated: int
    skipped: Dict[Skip, int]
    ignored_columns: List[str]
    points_updated: int = 0
    warnings: List[str] = []
    error_row_lines: List[int] = []
    covers: Optional[Tuple[int, int]] = None  # [start, end) of the days a post export covers

    @classmethod
    def _from_c(cls, s: Any) -> ImportSummary:
        period = Period()
        covered = lib.skpi_import_summary_covers(s, ctypes.byref(period)) == 0
        return cls(
            preset=Preset(lib.skpi_import_summary_preset(s)),
            header_line=lib.skpi_import_summary_header_line(s),
            rows=lib.skpi_import_summary_rows(s),
            points=lib.skpi_import_summary_points(s),
            series=lib.skpi_import_summary_series(s),
            posts=lib.skpi_import_summary_posts(s),
            posts_updated=lib.skpi_import_summary_posts_updated(s),
            skipped={r: lib.skpi_import_summary_skipped(s, r) for r in Skip
                     if lib.skpi_import_summary_skipped(s, r)},
            ignored_columns=[required(lib.skpi_import_summary_ignored(s, i))
                             for i in range(lib.skpi_import_summary_ignored_count(s))],
            points_updated=lib.skpi_import_summary_points_updated(s),
            warnings=[required(lib.skpi_import_summary_warning(s, i))
                      for i in range(lib.skpi_import_summary_warning_count(s))],
            error_row_lines=[lib.skpi_import_summary_error_row_line(s, i)
                             for i in range(lib.skpi_import_summary_error_row_count(s))],
            covers=(period.start, period.end) if covered else None,
        )


#: A service-level target: seconds, a timedelta, or text such as '30min', '1h', '1.5h'.
Duration = Union[int, float, datetime.timedelta, str]


def parse_duration(value: Duration) -> int:
    """A duration in whole seconds: a number of seconds, a timedelta, or text
    with a unit ('90s', '15min', '1h', '1.5h', '2d'), read by the library."""
    if isinstance(value, str):
        out = ctypes.c_int64()
        try:
            lib.skpi_duration_parse(ctypes.byref(out), utf8(value))
        except SocialKPIError as exc:
            exc.argument = "service_level"
            raise
        return out.value
    seconds = value.total_seconds() if isinstance(value, datetime.timedelta) else value
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or \
            not 0 < seconds <= 366 * 86400:
        raise invalid("service_level", "service_level must be a duration above 0 and at most "
                      f"366 days (seconds, a timedelta or text such as '1h'), got {value!r}")
    return int(round(seconds))


#: A column mapping of the generic wide layout: {header name: metric key} or (name, key) pairs.
Columns = Union[Mapping[str, str], Iterable[Tuple[str, str]]]


def _options(preset: Union[Preset, str, int], channel: Optional[str], export_date: Optional[str],
             utc_offset: int, columns: Optional[Columns], date_column: Optional[str],
             delimiter: Optional[str], date_order: DateOrder = DateOrder.AUTO,
             covers_from: Optional[str] = None,
             covers_to: Optional[str] = None,
             service_level: Optional[Duration] = None) -> Tuple[ImportOptions, List[Any]]:
    opts = version_init(lib.skpi_import_options_init, ImportOptions, 4)
    if service_level is not None:
        opts.service_level_seconds = parse_duration(service_level)
    opts.date_order = int(date_order)
    opts.covers_from = opt_text(covers_from)
    opts.covers_to = opt_text(covers_to)
    keep: List[Any] = []
    opts.preset = int(Preset.from_key(preset) if isinstance(preset, str) else preset)
    opts.channel = opt_text(channel)
    opts.export_date = opt_text(export_date)
    opts.utc_offset_minutes = int(utc_offset)
    if columns:
        pairs = list(columns.items()) if isinstance(columns, Mapping) else list(columns)
        arr = (ImportColumn * len(pairs))(*[ImportColumn(utf8(c), utf8(m)) for c, m in pairs])
        keep.append(arr)
        opts.columns = arr
        opts.column_count = len(pairs)
    opts.date_column = opt_text(date_column)
    if delimiter is not None:
        if not (isinstance(delimiter, str) and len(delimiter) == 1):
            raise invalid("delimiter", f"delimiter must be one character, got {delimiter!r}")
        opts.delimiter = ord(delimiter)
    return opts, keep


def import_file(dataset: Dataset, path: PathLike, preset: Union[Preset, str, int] = Preset.AUTO, *,
                channel: Optional[str] = None, export_date: Optional[str] = None,
                utc_offset: int = 0, columns: Optional[Columns] = None,
                date_column: Optional[str] = None, delimiter: Optional[str] = None,
                date_order: DateOrder = DateOrder.AUTO, covers_from: Optional[str] = None,
                covers_to: Optional[str] = None,
                service_level: Optional[Duration] = None) -> ImportSummary:
    """Import a CSV export into `dataset`, all or nothing; returns an ImportSummary.

    columns: for the generic wide layout, {header name: metric key}.
    date_order: how to read 03/04/2025 when the file's own dates do not tell.
    covers_from, covers_to: 'YYYY-MM-DD', the days a post-level export covers.
    service_level: customer-care exports, the target a message counts in
    messages_in_target within (seconds, a timedelta or '30min', '1h'); default 1 hour.
    """
    opts, keep = _options(preset, channel, export_date, utc_offset, columns, date_column, delimiter,
                          date_order, covers_from, covers_to, service_level)
    out = ImportSummaryP()
    with naming("preset", "channel", "columns", "path"):
        lib.skpi_import_file(ctypes.byref(out), Dataset._of(dataset), os.fsencode(path),
                             ctypes.byref(opts))
    del keep
    try:
        return ImportSummary._from_c(out)
    finally:
        lib.skpi_import_summary_free(out)


def import_buffer(dataset: Dataset, data: Union[bytes, bytearray, memoryview, str],
                  preset: Union[Preset, str, int] = Preset.AUTO, *, name: Optional[str] = None,
                  channel: Optional[str] = None, export_date: Optional[str] = None,
                  utc_offset: int = 0, columns: Optional[Columns] = None,
                  date_column: Optional[str] = None, delimiter: Optional[str] = None,
                  date_order: DateOrder = DateOrder.AUTO, covers_from: Optional[str] = None,
                  covers_to: Optional[str] = None,
                  service_level: Optional[Duration] = None) -> ImportSummary:
    """Import CSV bytes (or str, read as UTF-8) into `dataset`; `name` appears in messages."""
    view = memoryview(data.encode("utf-8") if isinstance(data, str) else data)
    if not view.contiguous:
        view = memoryview(bytes(view))
    size = view.nbytes
    holder: Any = (ctypes.c_char * size).from_buffer_copy(view) if view.readonly else \
        (ctypes.c_char * size).from_buffer(view.cast("B"))
    opts, keep = _options(preset, channel, export_date, utc_offset, columns, date_column, delimiter,
                          date_order, covers_from, covers_to, service_level)
    out = ImportSummaryP()
    lib.skpi_import_buffer(ctypes.byref(out), Dataset._of(dataset), ctypes.addressof(holder), size,
                           opt_text(name), ctypes.byref(opts))
    del keep, holder
    try:
        return ImportSummary._from_c(out)
    finally:
        lib.skpi_import_summary_free(out)
