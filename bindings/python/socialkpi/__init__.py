"""socialkpi: social-media metrics to goal progress and stakeholder reports.

ctypes bindings of libsocialkpi. The library is found through the
SOCIALKPI_LIBRARY environment variable, then next to this package, then the
system loader path.
"""
from typing import Any, Dict

from ._errors import (AlreadyExistsError, CallbackError, DuplicateTimeError, InvalidArgumentError,
                      MisuseError, NotFoundError, OutOfMemoryError, ParseError, RangeError,
                      SocialKPIError, StorageError, StoreNotFoundError, UnsupportedError,
                      VersionError)
from . import _lib
from . import document as _document
from ._lib import Period
from .calendar import Cadence, Calendar, format_date, format_time, parse_time, parse_utc_offset
from .catalog import Catalog, Direction, Metric, MetricKind, Unit
from .dataset import Change, Dataset, Post, value_change
from .compete import Benchmark, Benchmarks, CompetitorComparison, benchmark_gap, compare
from .content import ContentGroup, ContentGroups, PostingTimes, post_kinds
from .definitions import Definitions
from .effort import Activity, Effort, HoursEntry, Person
from .goal import (Achievability, BaselineKind, Category, ForecastMethod, Goal, GoalCheck,
                   GoalDirection, GoalEvaluation, GoalStatus, Letter, LetterCheck,
                   MilestoneOutcome, MilestoneState, TargetKind, Verdict)
from .importing import (DateOrder, ImportSummary, Preset, Skip, import_buffer, import_file,
                        parse_duration)
from .okr import (Band, CheckIn, Curve, KeyResult, KeyResultDirection, KeyResultKind,
                  KeyResultScore, Objective, ObjectiveType, OkrResult, OkrStatus, OkrVerdict,
                  TrajectoryPoint)
from .render import Format, Paper, json_schema_version, render
from .delivery import (Attachment, Delivery, DeliverySink, DeliveryStatus, DigestFlavour, Mail,
                       Webhook, WebhookPreset, deliver, redact_url, render_digest, report_period)
from .document import (Align, BlockKind, CalloutKind, ChartAxis, ChartKind, Document, SeriesStyle,
                       SpanStyle, Tone)
from .report_definition import Audience, Comparison, ReportDefinition, Section, Template
from .campaign import Campaign, PostSelector
from .series import Aggregation, DuplicatePolicy, Series
from .sink import CallableSink, FileSink, MemorySink, Sink
from .source import FetchRequest
from .store import Run, Store
from .values import Availability, Value

__version__ = "0.1.0"


def library_version() -> str:
    """The loaded C library's version string."""
    return str(_lib.lib.skpi_version_string().decode())


def limits() -> Dict[str, int]:
    """The library's sizes and limits, by name."""
    c = _lib.lib
    return {
        "time_min": c.skpi_time_min(), "time_max": c.skpi_time_max(),
        "metric_key_max": c.skpi_metric_key_max(), "channel_max": c.skpi_dataset_channel_max(),
        "error_message_size": c.skpi_error_message_size(),
        "okr_max_key_results": c.skpi_okr_max_key_results(),
        "okr_curve_max_points": c.skpi_okr_curve_max_points(),
        "okr_max_depth": c.skpi_okr_max_depth(),
        "okr_trajectory_max_points": c.skpi_okr_trajectory_max_points(),
        "goal_categories": c.skpi_category_count(),
        "import_preset_max": c.skpi_import_preset_max(),
        "import_skip_max": c.skpi_import_skip_max(),
        "store_schema_version": c.skpi_store_schema_version(),
        "definitions_schema_version": c.skpi_definitions_schema_version(),
        "definitions_id_max": c.skpi_definitions_id_max(),
        "definitions_file_max": c.skpi_definitions_file_max(),
        "json_schema_version": c.skpi_render_json_schema_version(),
        "report_sections": c.skpi_section_count(),
        "report_templates": c.skpi_template_count(),
    }


__all__ = [
    "AlreadyExistsError", "CallbackError", "DuplicateTimeError", "InvalidArgumentError",
    "MisuseError", "NotFoundError", "OutOfMemoryError", "ParseError", "RangeError",
    "SocialKPIError", "StorageError", "StoreNotFoundError", "UnsupportedError", "VersionError",
    "Period", "Cadence", "Calendar", "format_date", "format_time", "parse_time", "parse_utc_offset",
    "Aggregation", "DuplicatePolicy", "Series", "library_version", "limits",
    "Availability", "Value",
    "Catalog", "Direction", "Metric", "MetricKind", "Unit",
    "Change", "Dataset", "Post", "FetchRequest", "value_change",
    "Benchmark", "Benchmarks", "CompetitorComparison", "benchmark_gap", "compare",
    "ContentGroup", "ContentGroups", "PostingTimes", "post_kinds",
    "Achievability", "BaselineKind", "Category", "ForecastMethod", "Goal", "GoalCheck",
    "GoalDirection", "GoalEvaluation", "GoalStatus", "Letter", "LetterCheck", "MilestoneOutcome",
    "MilestoneState", "TargetKind", "Verdict",
    "Band", "CheckIn", "Curve", "KeyResult", "KeyResultDirection", "KeyResultKind",
    "KeyResultScore", "Objective", "ObjectiveType", "OkrResult", "OkrStatus", "OkrVerdict",
    "TrajectoryPoint",
    "DateOrder", "ImportSummary", "Preset", "Skip", "import_buffer", "import_file", "parse_duration",
    "Definitions", "Run", "Store",
    "Activity", "Effort", "HoursEntry", "Person",
    "CallableSink", "FileSink", "MemorySink", "Sink",
    "Align", "BlockKind", "CalloutKind", "ChartAxis", "ChartKind", "Document", "SeriesStyle",
    "SpanStyle", "Tone",
    "Format", "Paper", "json_schema_version", "render",
    "Attachment", "Delivery", "DeliverySink", "DeliveryStatus", "DigestFlavour", "Mail",
    "Webhook", "WebhookPreset", "deliver", "redact_url", "render_digest", "report_period",
    "Audience", "Comparison", "ReportDefinition", "Section", "Template",
    "Campaign", "PostSelector",
]


def __getattr__(name: str) -> Any:
    """Names of earlier releases (Report for Document): they go on working, with a
    DeprecationWarning."""
    if name == "Report":
        return getattr(_document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
