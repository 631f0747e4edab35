"""ctypes mirrors of the C types: one opaque pointer type per handle, and the public structs."""
from __future__ import annotations

import ctypes
from typing import Any, Iterator, Type

# Short names of the C scalar types, shared with _lib.py's prototypes.
_i64 = ctypes.c_int64
_u64 = ctypes.c_uint64
_c = ctypes.c_char_p
_int = ctypes.c_int
_uint = ctypes.c_uint
_sz = ctypes.c_size_t
_dbl = ctypes.c_double
_vp = ctypes.c_void_p
_P = ctypes.POINTER


def _opaque(name: str) -> Any:
    """A distinct pointer type per C handle, so passing the wrong handle is a TypeError."""
    return ctypes.POINTER(type(name, (ctypes.Structure,), {}))


CalendarP = _opaque("skpi_calendar")
SeriesP = _opaque("skpi_series")
CatalogP = _opaque("skpi_catalog")
MetricP = _opaque("skpi_metric")
DatasetP = _opaque("skpi_dataset")
ComparisonP = _opaque("skpi_comparison")
BenchmarksP = _opaque("skpi_benchmarks")
PostP = _opaque("skpi_post")
PostGroupsP = _opaque("skpi_post_groups")
PostingTimesP = _opaque("skpi_posting_times")
FetchP = _opaque("skpi_fetch")
GoalP = _opaque("skpi_goal")
GoalCheckP = _opaque("skpi_goal_check_result")
GoalEvaluationP = _opaque("skpi_goal_evaluation")
ObjectiveP = _opaque("skpi_objective")
KeyResultP = _opaque("skpi_key_result")
OkrResultP = _opaque("skpi_okr_result")
OkrTrajectoryP = _opaque("skpi_okr_trajectory")
ImportSummaryP = _opaque("skpi_import_summary")
StoreP = _opaque("skpi_store")
StoreRunsP = _opaque("skpi_store_runs")
StoreDeliveriesP = _opaque("skpi_store_deliveries")
DefinitionsP = _opaque("skpi_definitions")
DocP = _opaque("skpi_doc")
# skpi_report is a report *definition*; the Python Document wraps skpi_doc.
ReportDefP = _opaque("skpi_report")
EffortP = _opaque("skpi_effort")
CampaignP = _opaque("skpi_campaign")


class Period(ctypes.Structure):
    """A half-open [start, end) interval of UTC epoch seconds (C skpi_period)."""

    _fields_ = [("start", _i64), ("end", _i64)]

    start: int
    end: int

    def __repr__(self) -> str:
        return f"Period(start={self.start}, end={self.end})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, tuple):
            return (self.start, self.end) == other
        return isinstance(other, Period) and (self.start, self.end) == (other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __iter__(self) -> Iterator[int]:
        return iter((self.start, self.end))


class CValue(ctypes.Structure):
    """skpi_value: a number and its availability."""

    value: float
    availability: int
    _fields_ = [("value", _dbl), ("availability", _int)]


# Callback types. Table members hold them as plain addresses (c_void_p), so a
# table filled by C (the memory sink, the store's source) reads back as is.
FETCH_FN = ctypes.CFUNCTYPE(_int, FetchP, _vp)
SINK_WRITE_FN = ctypes.CFUNCTYPE(_int, _vp, _vp, _sz)
SINK_CLOSE_FN = ctypes.CFUNCTYPE(_int, _vp)
# skpi_section_fn(doc, report, userdata); the definition is not needed in Python.
SECTION_FN = ctypes.CFUNCTYPE(_int, DocP, _vp, _vp)


class SourceTable(ctypes.Structure):
    """skpi_source."""

    _fields_ = [("version", _uint), ("fetch", _vp), ("userdata", _vp)]


class SinkTable(ctypes.Structure):
    """skpi_sink."""

    _fields_ = [("version", _uint), ("write", _vp), ("close", _vp), ("userdata", _vp)]


class BufferStruct(ctypes.Structure):
    """skpi_buffer."""

    _fields_ = [("version", _uint), ("data", _vp), ("size", _sz), ("capacity", _sz),
                ("max_size", _sz)]


class ImportColumn(ctypes.Structure):
    """skpi_import_column."""

    _fields_ = [("column", _c), ("metric", _c)]


class ContentOptions(ctypes.Structure):
    """skpi_content_options (experimental)."""

    _fields_ = [("version", _uint), ("metric", _c), ("rate", _c), ("selector", _c), ("type", _c),
                ("tag", _c), ("min_posts", _sz), ("min_slot_posts", _sz), ("ranked", _sz),
                ("calendar", CalendarP)]


class PostGroup(ctypes.Structure):
    """skpi_post_group (experimental)."""

    _fields_ = [("version", _uint), ("key", _c), ("posts", _sz), ("valued", _sz),
                ("total", CValue), ("median", CValue), ("rate", CValue), ("share", CValue),
                ("too_few", _int)]


class ImportOptions(ctypes.Structure):
    """skpi_import_options."""

    _fields_ = [("version", _uint), ("preset", _int), ("channel", _c), ("export_date", _c),
                ("utc_offset_minutes", _int), ("columns", ctypes.POINTER(ImportColumn)),
                ("column_count", _sz), ("date_column", _c), ("delimiter", _int),
                # version 2
                ("date_order", _int), ("covers_from", _c), ("covers_to", _c),
                # version 3
                ("calendar", _vp), ("source_time_zone", _c),
                # version 4
                ("service_level_seconds", _i64)]


class GoalEvaluateOptions(ctypes.Structure):
    """skpi_goal_evaluate_options."""

    _fields_ = [("version", _uint), ("on_track_gap", _dbl), ("at_risk_gap", _dbl),
                ("forecast_window", _uint), ("forecast_method", _int), ("min_backtests", _uint)]


class OkrOptions(ctypes.Structure):
    """skpi_okr_options."""

    _fields_ = [("version", _uint), ("curve", _int), ("curve_x", ctypes.POINTER(_dbl)),
                ("curve_y", ctypes.POINTER(_dbl)), ("curve_points", _sz), ("weakest", _int),
                ("yellow_from", _dbl), ("green_from", _dbl), ("on_track_gap", _dbl),
                ("at_risk_gap", _dbl)]


class StoreOptions(ctypes.Structure):
    """skpi_store_options."""

    _fields_ = [("version", _uint), ("read_only", _int), ("create", _int),
                ("busy_timeout_ms", _int)]


class StoreRun(ctypes.Structure):
    """skpi_store_run (versioned: fill it with skpi_store_run_init())."""

    _fields_ = [("version", _uint), ("id", _i64), ("definition", _c), ("as_of", _i64),
                ("generated_at", _i64), ("format", _c), ("output", _vp), ("size", _sz),
                ("keep_output", _int), ("sha256", ctypes.c_char * 65)]


class StoreDelivery(ctypes.Structure):
    """skpi_store_delivery (versioned: fill it with skpi_store_delivery_init())."""

    _fields_ = [("version", _uint), ("id", _i64), ("report", _c), ("period", Period),
                ("format", _c), ("channel", _c), ("target", _c), ("target_key", _c),
                ("status", _int), ("message", _c), ("started", _i64), ("finished", _i64)]


class DigestOptions(ctypes.Structure):
    """skpi_digest_options."""

    _fields_ = [("version", _uint), ("flavour", _int), ("figures", _uint), ("link", _c),
                ("link_text", _c), ("next_steps_heading", _c)]


class MailAttachment(ctypes.Structure):
    """skpi_mail_attachment."""

    _fields_ = [("version", _uint), ("filename", _c), ("content_type", _c), ("data", _vp),
                ("size", _sz)]


class MailOptions(ctypes.Structure):
    """skpi_mail_options."""

    _fields_ = [("version", _uint), ("url", _c), ("from_", _c), ("from_name", _c),
                ("to", _P(_c)), ("to_count", _sz), ("cc", _P(_c)), ("cc_count", _sz),
                ("subject", _c), ("subject_fields", _P(_c)), ("subject_field_count", _sz),
                ("body_type", _c), ("text", _c), ("attachments", _P(MailAttachment)),
                ("attachment_count", _sz), ("user", _c), ("password", _c), ("netrc", _int),
                ("netrc_file", _c), ("date", _i64), ("timeout_ms", _uint), ("retries", _uint),
                ("backoff_ms", _uint)]


class WebhookOptions(ctypes.Structure):
    """skpi_webhook_options."""

    _fields_ = [("version", _uint), ("preset", _int), ("url", _c), ("content_type", _c),
                ("headers", _P(_c)), ("header_count", _sz), ("timeout_ms", _uint),
                ("retries", _uint), ("backoff_ms", _uint)]


class RenderOptions(ctypes.Structure):
    """skpi_render_options."""

    _fields_ = [("version", _uint), ("flags", _uint), ("generated_at", _i64),
                ("utc_offset_minutes", _int), ("line_width", _uint),
                ("thousands_separator", _c),
                # version 2
                ("locale", _c),
                # version 3
                ("paper", _int)]


class DocKpiRow(ctypes.Structure):
    """skpi_doc_kpi_row."""

    _fields_ = [("version", _uint), ("label", _c), ("channel", _c), ("unit", _int),
                ("direction", _int), ("level", _int), ("value", CValue), ("previous", CValue),
                ("change", CValue), ("change_percent", CValue), ("change_points", CValue),
                ("previous2", CValue), ("change2", CValue), ("change2_percent", CValue),
                ("change2_points", CValue), ("sparkline", ctypes.POINTER(_dbl)),
                ("sparkline_length", _sz)]


class DocChart(ctypes.Structure):
    """skpi_doc_chart."""

    _fields_ = [("version", _uint), ("kind", _int), ("title", _c), ("description", _c),
                ("unit", _int), ("fixed_range", _int), ("y_min", _dbl), ("y_max", _dbl)]


class DocGoal(ctypes.Structure):
    """skpi_doc_goal."""

    _fields_ = [("version", _uint), ("name", _c), ("status", _c), ("status_label", _c),
                ("tone", _int), ("unit", _int), ("current", CValue), ("target", CValue),
                ("progress", CValue), ("expected", CValue), ("forecast", CValue),
                ("deadline", _c), ("note", _c),
                # version 2
                ("projected", CValue), ("likelihood", CValue), ("caveat", _c),
                # version 3
                ("owner", _c), ("deadline_name", _c)]
    _version_ = 3


class DocObjective(ctypes.Structure):
    """skpi_doc_objective."""

    _fields_ = [("version", _uint), ("title", _c), ("owner", _c), ("aspirational", _int),
                ("score", CValue), ("score_rounded", CValue), ("band", _c), ("band_label", _c),
                ("tone", _int), ("interpretation", _c),
                # version 2
                ("depth", _uint)]
    _version_ = 2


class DocKeyResult(ctypes.Structure):
    """skpi_doc_key_result."""

    _fields_ = [("version", _uint), ("title", _c), ("unit", _int), ("start", CValue),
                ("current", CValue), ("target", CValue), ("score", CValue), ("tone", _int),
                ("note", _c),
                # version 2
                ("owner", _c)]
    _version_ = 2


class DocPost(ctypes.Structure):
    """skpi_doc_post."""

    _fields_ = [("version", _uint), ("channel", _c), ("published", _c), ("text", _c),
                ("url", _c), ("metric", _c), ("unit", _int), ("value", CValue),
                ("ratio", CValue),
                # version 2
                ("published_name", _c)]
    _version_ = 2
