"""Loads libsocialkpi and declares the prototype of every function the package uses."""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import sysconfig
from typing import Any, Callable, Iterator, List, Optional, Tuple, Type, TypeVar, Union

from ._errors import error_for, take_pending
from ._types import ContentOptions, PostGroup, PostGroupsP, PostingTimesP
from ._types import (BenchmarksP, BufferStruct, EffortP, CalendarP, ComparisonP, CatalogP, CValue, DatasetP, DefinitionsP, DigestOptions,
                     DocChart, DocGoal, DocKeyResult, DocKpiRow, DocObjective, DocP, DocPost, FetchP,
                     GoalCheckP, GoalEvaluateOptions, GoalEvaluationP, GoalP, ImportOptions,
                     ImportSummaryP, KeyResultP, MetricP, ObjectiveP, OkrOptions, OkrResultP,
                     OkrTrajectoryP, Period, PostP, RenderOptions, ReportDefP, SECTION_FN, CampaignP,
                     SeriesP, SinkTable, SourceTable, StoreOptions, StoreP, StoreRun, StoreRunsP,
                     MailOptions, StoreDeliveriesP, StoreDelivery, WebhookOptions)
from ._types import _P, _c, _dbl, _i64, _int, _sz, _u64, _uint, _vp

EXPECTED_MAJOR = 0
EXPECTED_MINOR = 1


_LIBRARY = "libsocialkpi.so.0"


def _prefixes(here: str) -> Iterator[str]:
    """Install prefixes to look in: the one the package sits in, the running
    Python's (a venv), and CMake's default /usr/local."""
    parts = here.split(os.sep)
    for i in range(len(parts) - 1, 0, -1):
        # PREFIX/lib/pythonX.Y/site-packages/socialkpi, PREFIX/lib/python3/dist-packages/socialkpi
        if parts[i] in ("lib", "lib64") and i + 1 < len(parts) and parts[i + 1].startswith("python"):
            yield os.sep.join(parts[:i]) or os.sep
            break
    yield sys.prefix
    yield "/usr/local"


def _libdirs(prefix: str) -> Iterator[str]:
    """Where CMake's GNUInstallDirs puts libraries under a prefix."""
    multiarch = sysconfig.get_config_var("MULTIARCH")
    if multiarch:
        yield os.path.join(prefix, "lib", str(multiarch))
    yield os.path.join(prefix, "lib")
    yield os.path.join(prefix, "lib64")


def _candidates() -> Iterator[str]:
    """Paths to try, in order: SOCIALKPI_LIBRARY alone when set; a library next to
    the package; the libdir of an install prefix; then the system loader."""
    env = os.environ.get("SOCIALKPI_LIBRARY")
    if env:
        yield env
        return
    here = os.path.dirname(os.path.abspath(__file__))
    for name in sorted(os.listdir(here)):
        if name.startswith("libsocialkpi.so"):
            yield os.path.join(here, name)
    seen = set()
    for prefix in _prefixes(here):
        for libdir in _libdirs(prefix):
            path = os.path.join(libdir, _LIBRARY)
            if path not in seen and os.path.exists(path):
                seen.add(path)
                yield path
    found = ctypes.util.find_library("socialkpi")
    if found:
        yield found
    yield _LIBRARY


def _load() -> ctypes.CDLL:
    errors = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as exc:
            errors.append(f"{path}: {exc}")
    raise ImportError("socialkpi: cannot load libsocialkpi (install it with `cmake --install`, "
                      "or set SOCIALKPI_LIBRARY to its path): " + "; ".join(errors))


lib: Any = _load()
_S = TypeVar("_S", bound=ctypes.Structure)


def _check(result: int, func: Any, args: Any) -> int:
    # An exception a Python callback raised during this call wins over the
    # code C returned for it (SKPI_ECALLBACK): the caller sees what went wrong.
    pending = take_pending()
    if pending is not None:
        raise pending
    if result < 0:
        raise error_for(result, lib.skpi_last_error().decode("utf-8", "replace"))
    return result



# name, argtypes, restype, checked (a negative int raises)
PROTOTYPES: List[Tuple[str, List[Any], Any, bool]] = [
    # common.h
    ("skpi_version", [], _int, False),
    ("skpi_version_string", [], _c, False),
    ("skpi_strerror", [_int], _c, False),
    ("skpi_last_error", [], _c, False),
    ("skpi_error_set", [_c], None, False),
    ("skpi_error_clear", [], None, False),
    ("skpi_error_message_size", [], _sz, False),
    ("skpi_time_min", [], _i64, False),
    ("skpi_time_max", [], _i64, False),
    ("skpi_free", [_vp], None, False),
    # calendar.h
    ("skpi_calendar_label_size", [], _sz, False),
    ("skpi_calendar_new", [_P(CalendarP)], _int, True),
    ("skpi_calendar_free", [CalendarP], None, False),
    ("skpi_calendar_clone", [_P(CalendarP), CalendarP], _int, True),
    ("skpi_calendar_set_utc_offset", [CalendarP, _int], _int, True),
    ("skpi_calendar_utc_offset", [CalendarP], _int, False),
    ("skpi_calendar_set_time_zone", [CalendarP, _c], _int, True),
    ("skpi_calendar_time_zone", [CalendarP], _c, False),
    ("skpi_calendar_offset_at", [_P(_int), CalendarP, _i64], _int, True),
    ("skpi_calendar_set_skipped_time", [CalendarP, _int], _int, True),
    ("skpi_calendar_skipped_time", [CalendarP], _int, False),
    ("skpi_calendar_set_repeated_time", [CalendarP, _int], _int, True),
    ("skpi_calendar_repeated_time", [CalendarP], _int, False),
    ("skpi_calendar_format", [_c, _sz, CalendarP, _i64], _int, True),
    ("skpi_calendar_format_date", [_c, _sz, CalendarP, _i64], _int, True),
    ("skpi_calendar_set_week_start", [CalendarP, _int], _int, True),
    ("skpi_calendar_week_start", [CalendarP], _int, False),
    ("skpi_calendar_set_fiscal_year_start", [CalendarP, _int], _int, True),
    ("skpi_calendar_fiscal_year_start", [CalendarP], _int, False),
    ("skpi_calendar_period", [_P(Period), CalendarP, _int, _i64], _int, True),
    ("skpi_calendar_shift", [_P(Period), CalendarP, _int, _i64, _i64], _int, True),
    ("skpi_calendar_year_earlier", [_P(Period), CalendarP, _int, _i64], _int, True),
    ("skpi_calendar_label", [_c, _sz, CalendarP, _int, _i64], _int, True),
    ("skpi_calendar_period_name", [_c, _sz, CalendarP, _int, _i64, _c, _c], _int, True),
    ("skpi_calendar_parse", [_P(_i64), CalendarP, _c], _int, True),
    ("skpi_time_parse", [_P(_i64), _c], _int, True),
    ("skpi_time_format", [_c, _sz, _i64, _int], _int, True),
    ("skpi_time_format_date", [_c, _sz, _i64, _int], _int, True),
    ("skpi_utc_offset_parse", [_P(_int), _c], _int, True),
    # series.h
    ("skpi_series_new", [_P(SeriesP), _c, _c], _int, True),
    ("skpi_series_free", [SeriesP], None, False),
    ("skpi_series_clone", [_P(SeriesP), SeriesP], _int, True),
    ("skpi_series_metric", [SeriesP], _c, False),
    ("skpi_series_channel", [SeriesP], _c, False),
    ("skpi_series_set_duplicate_policy", [SeriesP, _int], _int, True),
    ("skpi_series_duplicate_policy", [SeriesP], _int, False),
    ("skpi_series_append", [SeriesP, _vp, _vp, _sz], _int, True),
    ("skpi_series_length", [SeriesP], _sz, False),
    ("skpi_series_times", [SeriesP], _vp, False),
    ("skpi_series_values", [SeriesP], _vp, False),
    ("skpi_series_aggregate", [_P(_dbl), _P(_sz), _P(_sz), SeriesP, Period, _int], _int, True),
    ("skpi_series_rollup", [_P(SeriesP), SeriesP, CalendarP, _int, _int], _int, True),
    # metrics.h
    ("skpi_catalog_builtin", [], CatalogP, False),
    ("skpi_catalog_new", [_P(CatalogP), CatalogP], _int, True),
    ("skpi_catalog_free", [CatalogP], None, False),
    ("skpi_catalog_add_metric", [CatalogP, _c, _c, _int, _int, _int], _int, True),
    ("skpi_catalog_add_derived", [CatalogP, _c, _c, _int, _int, _c], _int, True),
    ("skpi_catalog_set_formula", [CatalogP, _c, _c], _int, True),
    ("skpi_catalog_set_label", [CatalogP, _c, _c], _int, True),
    ("skpi_catalog_set_description", [CatalogP, _c, _c], _int, True),
    ("skpi_catalog_check_formula", [CatalogP, _c], _int, True),
    ("skpi_catalog_count", [CatalogP], _sz, False),
    ("skpi_catalog_metric_at", [CatalogP, _sz], MetricP, False),
    ("skpi_catalog_find", [_P(MetricP), CatalogP, _c], _int, True),
    ("skpi_metric_key_max", [], _sz, False),
    ("skpi_metric_key", [MetricP], _c, False),
    ("skpi_metric_label", [MetricP], _c, False),
    ("skpi_metric_unit", [MetricP], _int, True),
    ("skpi_metric_direction", [MetricP], _int, True),
    ("skpi_metric_kind_of", [MetricP], _int, True),
    ("skpi_metric_definition", [MetricP], _c, False),
    ("skpi_metric_formula", [MetricP], _c, False),
    ("skpi_metric_description", [MetricP], _c, False),
    ("skpi_metric_component_count", [MetricP], _sz, False),
    ("skpi_metric_component", [MetricP, _sz], _c, False),
    ("skpi_unit_name", [_int], _c, False),
    ("skpi_direction_name", [_int], _c, False),
    ("skpi_metric_kind_name", [_int], _c, False),
    # source.h
    ("skpi_source_init", [_P(SourceTable), _uint], _int, True),
    ("skpi_fetch_metric", [FetchP], _c, False),
    ("skpi_fetch_channel", [FetchP], _c, False),
    ("skpi_fetch_period", [FetchP], Period, False),
    ("skpi_fetch_append", [FetchP, _vp, _vp, _sz], _int, True),
    # dataset.h
    ("skpi_dataset_new", [_P(DatasetP), CatalogP], _int, True),
    ("skpi_dataset_free", [DatasetP], None, False),
    ("skpi_dataset_catalog", [DatasetP], CatalogP, False),
    ("skpi_dataset_channel_max", [], _sz, False),
    ("skpi_dataset_set_resolution", [DatasetP, _i64], _int, True),
    ("skpi_dataset_resolution", [DatasetP], _i64, False),
    ("skpi_dataset_add_channel", [DatasetP, _c], _int, True),
    ("skpi_dataset_channel_count", [DatasetP], _sz, False),
    ("skpi_dataset_channel", [DatasetP, _sz], _c, False),
    ("skpi_dataset_define_group", [DatasetP, _c, _P(_c), _sz], _int, True),
    ("skpi_dataset_match", [_P(_int), DatasetP, _c, _c], _int, True),
    ("skpi_dataset_set_competitor", [DatasetP, _c, _c], _int, True),
    ("skpi_dataset_channel_competitor", [DatasetP, _c], _c, False),
    ("skpi_dataset_competitor_count", [DatasetP], _sz, False),
    ("skpi_dataset_competitor", [DatasetP, _sz], _c, False),
    ("skpi_dataset_competitor_value", [_P(CValue), DatasetP, _c, _c, _c, Period], _int, True),
    ("skpi_comparison_new", [_P(ComparisonP), DatasetP, _c, _c, Period], _int, True),
    ("skpi_comparison_free", [ComparisonP], None, False),
    ("skpi_comparison_own", [ComparisonP], CValue, False),
    ("skpi_comparison_count", [ComparisonP], _sz, False),
    ("skpi_comparison_competitor", [ComparisonP, _sz], _c, False),
    ("skpi_comparison_value", [ComparisonP, _sz], CValue, False),
    ("skpi_comparison_median", [ComparisonP], CValue, False),
    ("skpi_comparison_rank", [_P(_sz), _P(_sz), ComparisonP], _int, True),
    ("skpi_benchmarks_new", [_P(BenchmarksP), CatalogP], _int, True),
    ("skpi_benchmarks_free", [BenchmarksP], None, False),
    ("skpi_benchmarks_add", [BenchmarksP, _c, _c, _c, _c, _dbl, _c], _int, True),
    ("skpi_benchmarks_load_csv", [BenchmarksP, _c, _sz], _int, True),
    ("skpi_benchmarks_load_json", [BenchmarksP, _c, _sz], _int, True),
    ("skpi_benchmarks_load_file", [BenchmarksP, _c], _int, True),
    ("skpi_benchmarks_count", [BenchmarksP], _sz, False),
    ("skpi_benchmarks_metric", [BenchmarksP, _sz], _c, False),
    ("skpi_benchmarks_network", [BenchmarksP, _sz], _c, False),
    ("skpi_benchmarks_industry", [BenchmarksP, _sz], _c, False),
    ("skpi_benchmarks_period", [BenchmarksP, _sz], _c, False),
    ("skpi_benchmarks_value", [BenchmarksP, _sz], _dbl, False),
    ("skpi_benchmarks_source", [BenchmarksP, _sz], _c, False),
    ("skpi_benchmarks_find", [_P(_sz), BenchmarksP, _c, _c, _c, _int], _int, True),
    ("skpi_benchmark_gap", [_P(CValue), _P(CValue), CValue, _dbl], _int, True),
    ("skpi_report_set_benchmarks", [ReportDefP, BenchmarksP, _c], _int, True),
    ("skpi_report_industry", [ReportDefP], _c, False),
    ("skpi_dataset_append", [DatasetP, _c, _c, _vp, _vp, _sz], _int, True),
    ("skpi_dataset_series", [_P(SeriesP), DatasetP, _c, _c], _int, True),
    ("skpi_dataset_extent", [_P(Period), DatasetP, _c, _c], _int, True),
    ("skpi_dataset_value", [_P(CValue), DatasetP, _c, _c, Period], _int, True),
    ("skpi_dataset_rollup", [_P(SeriesP), _P(_P(_int)), DatasetP, _c, _c, CalendarP, _int, Period],
     _int, True),
    ("skpi_dataset_compare", [_P(CValue), DatasetP, _c, _c, Period, Period, _int], _int, True),
    ("skpi_value_change", [_P(CValue), CValue, CValue, _int, _int], _int, True),
    ("skpi_dataset_add_post", [DatasetP, _c, _c, _i64, _c, _c, _c], _int, True),
    ("skpi_dataset_set_post_value", [DatasetP, _c, _c, _c, _dbl], _int, True),
    ("skpi_dataset_post_count", [DatasetP], _sz, False),
    ("skpi_dataset_post", [DatasetP, _sz], PostP, False),
    ("skpi_dataset_find_post", [_P(_sz), DatasetP, _c, _c], _int, True),
    ("skpi_post_id", [PostP], _c, False),
    ("skpi_post_channel", [PostP], _c, False),
    ("skpi_post_published", [PostP], _i64, False),
    ("skpi_post_type", [PostP], _c, False),
    ("skpi_post_text", [PostP], _c, False),
    ("skpi_post_link", [PostP], _c, False),
    ("skpi_post_value", [_P(CValue), PostP, _c], _int, True),
    ("skpi_dataset_top_posts", [_P(_sz), _P(_sz), _sz, DatasetP, _c, _c, Period], _int, True),
    # dataset.h: post tags; content performance (experimental)
    ("skpi_dataset_add_post_tag", [DatasetP, _c, _c, _c], _int, True),
    ("skpi_dataset_clear_post_tags", [DatasetP, _c, _c], _int, True),
    ("skpi_post_tag_count", [PostP], _sz, False),
    ("skpi_post_tag", [PostP, _sz], _c, False),
    ("skpi_post_has_tag", [PostP, _c], _int, False),
    ("skpi_post_kind", [PostP], _c, False),
    ("skpi_post_kind_count", [], _sz, False),
    ("skpi_post_kind_name", [_sz], _c, False),
    ("skpi_content_options_init", [_P(ContentOptions), _uint], _int, True),
    ("skpi_post_groups_new", [_P(PostGroupsP), DatasetP, _int, Period, _P(ContentOptions)], _int, True),
    ("skpi_post_groups_free", [PostGroupsP], None, False),
    ("skpi_post_groups_count", [PostGroupsP], _sz, False),
    ("skpi_post_groups_get", [_P(PostGroup), PostGroupsP, _sz], _int, True),
    ("skpi_post_groups_summary", [_P(PostGroup), PostGroupsP], _int, True),
    ("skpi_post_groups_posts", [_P(_P(_sz)), _P(_sz), PostGroupsP, _sz, _int], _int, True),
    ("skpi_posting_times_new", [_P(PostingTimesP), DatasetP, Period, _P(ContentOptions)], _int, True),
    ("skpi_posting_times_free", [PostingTimesP], None, False),
    ("skpi_posting_times_cell", [_P(_sz), _P(CValue), PostingTimesP, _int, _int], _int, True),
    ("skpi_posting_times_counts", [_P(_sz), _P(_sz), PostingTimesP], _int, True),
    ("skpi_posting_times_best_count", [PostingTimesP], _sz, False),
    ("skpi_posting_times_best", [_P(_int), _P(_int), PostingTimesP, _sz], _int, True),
    ("skpi_dataset_set_source", [DatasetP, _P(SourceTable)], _int, True),
    # import.h
    ("skpi_import_preset_max", [], _int, False),
    ("skpi_import_preset_name", [_int], _c, False),
    ("skpi_import_preset_from_name", [_P(_int), _c], _int, True),
    ("skpi_import_options_init", [_P(ImportOptions), _uint], _int, True),
    ("skpi_duration_parse", [_P(_i64), _c], _int, True),
    ("skpi_import_skip_max", [], _int, False),
    ("skpi_import_file", [_P(ImportSummaryP), DatasetP, _c, _P(ImportOptions)], _int, True),
    ("skpi_import_buffer", [_P(ImportSummaryP), DatasetP, _vp, _sz, _c, _P(ImportOptions)],
     _int, True),
    ("skpi_import_summary_free", [ImportSummaryP], None, False),
    ("skpi_import_summary_preset", [ImportSummaryP], _int, False),
    ("skpi_import_summary_header_line", [ImportSummaryP], _u64, False),
    ("skpi_import_summary_rows", [ImportSummaryP], _u64, False),
    ("skpi_import_summary_points", [ImportSummaryP], _u64, False),
    ("skpi_import_summary_series", [ImportSummaryP], _u64, False),
    ("skpi_import_summary_posts", [ImportSummaryP], _u64, False),
    ("skpi_import_summary_posts_updated", [ImportSummaryP], _u64, False),
    ("skpi_import_summary_skipped", [ImportSummaryP, _int], _u64, False),
    ("skpi_import_summary_ignored_count", [ImportSummaryP], _sz, False),
    ("skpi_import_summary_ignored", [ImportSummaryP, _sz], _c, False),
    ("skpi_import_summary_points_updated", [ImportSummaryP], _u64, False),
    ("skpi_import_summary_warning_count", [ImportSummaryP], _sz, False),
    ("skpi_import_summary_warning", [ImportSummaryP, _sz], _c, False),
    ("skpi_import_summary_error_row_count", [ImportSummaryP], _sz, False),
    ("skpi_import_summary_error_row_line", [ImportSummaryP, _sz], _u64, False),
    ("skpi_import_summary_covers", [ImportSummaryP, _P(Period)], _int, False),
    # goal.h
    ("skpi_category_count", [], _int, False),
    ("skpi_category_key", [_int], _c, False),
    ("skpi_category_label", [_int], _c, False),
    ("skpi_category_from_key", [_P(_int), _c], _int, True),
    ("skpi_category_metric_count", [_int], _sz, False),
    ("skpi_category_metric", [_int, _sz], _c, False),
    ("skpi_category_recommends", [_int, _c], _int, False),
    ("skpi_goal_new", [_P(GoalP), _c], _int, True),
    ("skpi_goal_free", [GoalP], None, False),
    ("skpi_goal_clone", [_P(GoalP), GoalP], _int, True),
    ("skpi_goal_set_name", [GoalP, _c], _int, True),
    ("skpi_goal_name", [GoalP], _c, False),
    ("skpi_goal_set_category", [GoalP, _int], _int, True),
    ("skpi_goal_category", [GoalP], _int, True),
    ("skpi_goal_set_metric", [GoalP, _c], _int, True),
    ("skpi_goal_metric", [GoalP], _c, False),
    ("skpi_goal_set_channel", [GoalP, _c], _int, True),
    ("skpi_goal_channel", [GoalP], _c, False),
    ("skpi_goal_set_direction", [GoalP, _int], _int, True),
    ("skpi_goal_direction", [GoalP], _int, True),
    ("skpi_goal_set_cadence", [GoalP, _int], _int, True),
    ("skpi_goal_cadence", [GoalP], _int, True),
    ("skpi_goal_set_baseline_value", [GoalP, _dbl], _int, True),
    ("skpi_goal_set_baseline_period", [GoalP, Period], _int, True),
    ("skpi_goal_clear_baseline", [GoalP], _int, True),
    ("skpi_goal_baseline_kind", [GoalP], _int, True),
    ("skpi_goal_baseline_value", [GoalP], _dbl, False),
    ("skpi_goal_baseline_period", [_P(Period), GoalP], _int, True),
    ("skpi_goal_set_target", [GoalP, _int, _dbl], _int, True),
    ("skpi_goal_target_kind", [GoalP], _int, True),
    ("skpi_goal_target_value", [GoalP], _dbl, False),
    ("skpi_goal_set_span", [GoalP, Period], _int, True),
    ("skpi_goal_span", [_P(Period), GoalP], _int, True),
    ("skpi_goal_add_milestone", [GoalP, _i64, _dbl], _int, True),
    ("skpi_goal_remove_milestone", [GoalP, _sz], _int, True),
    ("skpi_goal_milestone_count", [GoalP], _sz, False),
    ("skpi_goal_milestone", [_P(_i64), _P(_dbl), GoalP, _sz], _int, True),
    ("skpi_goal_set_relevance", [GoalP, _c], _int, True),
    ("skpi_goal_relevance", [GoalP], _c, False),
    ("skpi_goal_set_owner", [GoalP, _c], _int, True),
    ("skpi_goal_owner", [GoalP], _c, False),
    ("skpi_goal_check", [_P(GoalCheckP), GoalP, DatasetP, CalendarP], _int, True),
    ("skpi_goal_check_free", [GoalCheckP], None, False),
    ("skpi_goal_check_verdict", [GoalCheckP, _int], _int, True),
    ("skpi_goal_check_reason", [GoalCheckP, _int], _c, False),
    ("skpi_goal_check_overall", [GoalCheckP], _int, True),
    ("skpi_goal_check_achievability", [GoalCheckP], _int, True),
    ("skpi_goal_check_required_rate", [GoalCheckP], _dbl, False),
    ("skpi_goal_check_median_rate", [GoalCheckP], _dbl, False),
    ("skpi_goal_check_best_rate", [GoalCheckP], _dbl, False),
    ("skpi_goal_check_window_periods", [GoalCheckP], _sz, False),
    ("skpi_goal_check_window_count", [GoalCheckP], _sz, False),
    ("skpi_goal_evaluate_options_init", [_P(GoalEvaluateOptions), _uint], _int, True),
    ("skpi_goal_evaluate", [_P(GoalEvaluationP), GoalP, DatasetP, CalendarP, _i64,
                            _P(GoalEvaluateOptions)], _int, True),
    ("skpi_goal_evaluation_free", [GoalEvaluationP], None, False),
    ("skpi_goal_evaluation_status", [GoalEvaluationP], _int, True),
    ("skpi_goal_evaluation_as_of", [GoalEvaluationP], _i64, False),
    ("skpi_goal_evaluation_measured_at", [GoalEvaluationP], _i64, False),
    ("skpi_goal_evaluation_baseline", [GoalEvaluationP], CValue, False),
    ("skpi_goal_evaluation_current", [GoalEvaluationP], CValue, False),
    ("skpi_goal_evaluation_target", [GoalEvaluationP], _dbl, False),
    ("skpi_goal_evaluation_progress", [GoalEvaluationP], _dbl, False),
    ("skpi_goal_evaluation_expected_progress", [GoalEvaluationP], _dbl, False),
    ("skpi_goal_evaluation_pace_needed", [GoalEvaluationP], _dbl, False),
    ("skpi_goal_evaluation_pace_recent", [GoalEvaluationP], _dbl, False),
    ("skpi_goal_evaluation_periods_left", [GoalEvaluationP], _sz, False),
    ("skpi_goal_evaluation_forecast", [GoalEvaluationP], _dbl, False),
    ("skpi_goal_evaluation_forecast_method", [GoalEvaluationP], _int, True),
    ("skpi_goal_evaluation_likelihood", [GoalEvaluationP], _dbl, False),
    ("skpi_goal_evaluation_backtests", [GoalEvaluationP], _sz, False),
    ("skpi_goal_evaluation_milestone_count", [GoalEvaluationP], _sz, False),
    ("skpi_goal_evaluation_milestone", [_P(_int), _P(_dbl), _P(_dbl), GoalEvaluationP, _sz],
     _int, True),
    ("skpi_smart_letter_name", [_int], _c, False),
    ("skpi_verdict_name", [_int], _c, False),
    ("skpi_achievability_name", [_int], _c, False),
    ("skpi_goal_status_name", [_int], _c, False),
    ("skpi_forecast_method_name", [_int], _c, False),
    ("skpi_milestone_state_name", [_int], _c, False),
    # okr.h
    ("skpi_okr_options_init", [_P(OkrOptions), _uint], _int, True),
    ("skpi_okr_max_key_results", [], _sz, False),
    ("skpi_okr_curve_max_points", [], _sz, False),
    ("skpi_okr_max_depth", [], _sz, False),
    ("skpi_objective_new", [_P(ObjectiveP), _c], _int, True),
    ("skpi_objective_free", [ObjectiveP], None, False),
    ("skpi_objective_set_title", [ObjectiveP, _c], _int, True),
    ("skpi_objective_title", [ObjectiveP], _c, False),
    ("skpi_objective_set_description", [ObjectiveP, _c], _int, True),
    ("skpi_objective_description", [ObjectiveP], _c, False),
    ("skpi_objective_set_owner", [ObjectiveP, _c], _int, True),
    ("skpi_objective_owner", [ObjectiveP], _c, False),
    ("skpi_objective_set_period", [ObjectiveP, Period], _int, True),
    ("skpi_objective_period", [_P(Period), ObjectiveP], _int, True),
    ("skpi_objective_set_type", [ObjectiveP, _int], _int, True),
    ("skpi_objective_type", [ObjectiveP], _int, True),
    ("skpi_objective_set_curve", [ObjectiveP, _int], _int, True),
    ("skpi_objective_set_curve_points", [ObjectiveP, _P(_dbl), _P(_dbl), _sz], _int, True),
    ("skpi_objective_curve", [ObjectiveP], _int, True),
    ("skpi_objective_curve_point_count", [ObjectiveP], _sz, False),
    ("skpi_objective_curve_point", [_P(_dbl), _P(_dbl), ObjectiveP, _sz], _int, True),
    ("skpi_objective_set_parent", [ObjectiveP, ObjectiveP, _dbl], _int, True),
    ("skpi_objective_parent", [ObjectiveP], ObjectiveP, False),
    ("skpi_objective_alignment_weight", [ObjectiveP], _dbl, False),
    ("skpi_objective_child_count", [ObjectiveP], _sz, False),
    ("skpi_objective_child", [ObjectiveP, _sz], ObjectiveP, False),
    ("skpi_objective_add_key_result", [_P(KeyResultP), ObjectiveP, _int, _c], _int, True),
    ("skpi_objective_remove_key_result", [ObjectiveP, _sz], _int, True),
    ("skpi_objective_key_result_count", [ObjectiveP], _sz, False),
    ("skpi_objective_key_result", [ObjectiveP, _sz], KeyResultP, False),
    ("skpi_key_result_objective", [KeyResultP], ObjectiveP, False),
    ("skpi_key_result_kind", [KeyResultP], _int, True),
    ("skpi_key_result_set_title", [KeyResultP, _c], _int, True),
    ("skpi_key_result_title", [KeyResultP], _c, False),
    ("skpi_key_result_set_range", [KeyResultP, _dbl, _dbl], _int, True),
    ("skpi_key_result_range", [_P(_dbl), _P(_dbl), KeyResultP], _int, True),
    ("skpi_key_result_direction", [KeyResultP], _int, True),
    ("skpi_key_result_set_stretch", [KeyResultP, _dbl], _int, True),
    ("skpi_key_result_stretch", [KeyResultP], _dbl, False),
    ("skpi_key_result_set_commit", [KeyResultP, _dbl], _int, True),
    ("skpi_key_result_commit", [KeyResultP], _dbl, False),
    ("skpi_key_result_set_weight", [KeyResultP, _dbl], _int, True),
    ("skpi_key_result_weight", [KeyResultP], _dbl, False),
    ("skpi_key_result_set_metric", [KeyResultP, _c, _c], _int, True),
    ("skpi_key_result_metric", [KeyResultP], _c, False),
    ("skpi_key_result_selector", [KeyResultP], _c, False),
    ("skpi_key_result_add_checkin", [KeyResultP, _i64, _dbl, _dbl, _c], _int, True),
    ("skpi_key_result_checkin_count", [KeyResultP], _sz, False),
    ("skpi_key_result_checkin", [_P(_i64), _P(_dbl), _P(_dbl), _P(_c), KeyResultP, _sz],
     _int, True),
    ("skpi_key_result_remove_checkin", [KeyResultP, _sz], _int, True),
    ("skpi_objective_score", [_P(OkrResultP), ObjectiveP, DatasetP, _i64, _P(OkrOptions)],
     _int, True),
    ("skpi_okr_result_free", [OkrResultP], None, False),
    ("skpi_okr_result_as_of", [OkrResultP], _i64, False),
    ("skpi_okr_result_elapsed", [OkrResultP], _dbl, False),
    ("skpi_okr_result_score", [OkrResultP], _dbl, False),
    ("skpi_okr_result_rounded", [OkrResultP], _dbl, False),
    ("skpi_okr_result_mean", [OkrResultP], _dbl, False),
    ("skpi_okr_result_weakest", [OkrResultP], _dbl, False),
    ("skpi_okr_result_band", [OkrResultP], _int, True),
    ("skpi_okr_result_expected", [OkrResultP], _dbl, False),
    ("skpi_okr_result_status", [OkrResultP], _int, True),
    ("skpi_okr_result_verdict", [OkrResultP], _int, True),
    ("skpi_okr_result_confidence", [OkrResultP], _dbl, False),
    ("skpi_okr_result_kr_count", [OkrResultP], _sz, False),
    ("skpi_okr_result_kr_score", [_P(_dbl), _P(_dbl), _P(_int), OkrResultP, _sz], _int, True),
    ("skpi_okr_result_kr_value", [_P(_dbl), _P(_int), _P(_dbl), OkrResultP, _sz], _int, True),
    ("skpi_okr_result_kr_progress", [_P(_dbl), _P(_int), OkrResultP, _sz], _int, True),
    ("skpi_okr_result_kr_confidence", [_P(_dbl), _P(_dbl), OkrResultP, _sz], _int, True),
    ("skpi_okr_result_child_count", [OkrResultP], _sz, False),
    ("skpi_okr_result_child", [OkrResultP, _sz], OkrResultP, False),
    ("skpi_objective_trajectory", [_P(OkrTrajectoryP), ObjectiveP, DatasetP, CalendarP, _int,
                                   _i64, _P(OkrOptions)], _int, True),
    ("skpi_okr_trajectory_free", [OkrTrajectoryP], None, False),
    ("skpi_okr_trajectory_length", [OkrTrajectoryP], _sz, False),
    ("skpi_okr_trajectory_period", [_P(Period), OkrTrajectoryP, _sz], _int, True),
    ("skpi_okr_trajectory_result", [OkrTrajectoryP, _sz], OkrResultP, False),
    ("skpi_okr_trajectory_max_points", [], _sz, False),
    ("skpi_okr_band_name", [_int], _c, False),
    ("skpi_okr_status_name", [_int], _c, False),
    ("skpi_okr_verdict_name", [_int], _c, False),
    ("skpi_okr_curve_name", [_int], _c, False),
    # store.h
    ("skpi_store_options_init", [_P(StoreOptions), _uint], _int, True),
    ("skpi_store_schema_version", [], _int, False),
    ("skpi_store_open", [_P(StoreP), _c, _P(StoreOptions)], _int, True),
    ("skpi_store_free", [StoreP], None, False),
    ("skpi_store_begin", [StoreP], _int, True),
    ("skpi_store_commit", [StoreP], _int, True),
    ("skpi_store_rollback", [StoreP], _int, True),
    ("skpi_store_write_points", [StoreP, _c, _c, _vp, _vp, _sz], _int, True),
    ("skpi_store_write_series", [StoreP, SeriesP], _int, True),
    ("skpi_store_read_series", [_P(SeriesP), StoreP, _c, _c, Period], _int, True),
    ("skpi_store_write_post", [StoreP, _c, _c, _i64, _c, _c, _c], _int, True),
    ("skpi_store_write_post_value", [StoreP, _c, _c, _c, _dbl], _int, True),
    ("skpi_store_write_catalog", [StoreP, CatalogP], _int, True),
    ("skpi_store_read_catalog", [_P(CatalogP), StoreP, CatalogP], _int, True),
    ("skpi_store_write_dataset", [StoreP, DatasetP], _int, True),
    ("skpi_store_read_dataset", [_P(DatasetP), StoreP, CatalogP, Period], _int, True),
    ("skpi_store_open_dataset", [_P(DatasetP), StoreP, CatalogP, Period], _int, True),
    ("skpi_store_source", [_P(SourceTable), StoreP], _int, True),
    ("skpi_store_check", [StoreP], _int, True),
    # store.h: goals, objectives and check-ins; report definitions and runs
    ("skpi_store_write_definitions", [StoreP, DefinitionsP], _int, True),
    ("skpi_store_read_definitions", [_P(DefinitionsP), StoreP, CatalogP], _int, True),
    ("skpi_store_delete_goal", [StoreP, _c], _int, True),
    ("skpi_store_delete_objective", [StoreP, _c], _int, True),
    ("skpi_store_add_checkin", [StoreP, _c, _sz, _i64, _dbl, _dbl, _c], _int, True),
    ("skpi_store_write_report_definition", [StoreP, _c, _c], _int, True),
    ("skpi_store_read_report_definition", [_P(_vp), StoreP, _c], _int, True),
    ("skpi_store_run_init", [_P(StoreRun), _uint], _int, True),
    ("skpi_store_add_run", [_P(_i64), StoreP, _P(StoreRun)], _int, True),
    ("skpi_store_list_runs", [_P(StoreRunsP), StoreP, _c, Period], _int, True),
    ("skpi_store_runs_free", [StoreRunsP], None, False),
    ("skpi_store_runs_count", [StoreRunsP], _sz, False),
    ("skpi_store_runs_get", [_P(StoreRun), StoreRunsP, _sz], _int, True),
    ("skpi_store_read_output", [_P(_vp), _P(_sz), StoreP, _i64], _int, True),
    # sink.h
    ("skpi_sink_init", [_P(SinkTable), _uint], _int, True),
    ("skpi_sink_write", [_P(SinkTable), _vp, _sz], _int, True),
    ("skpi_sink_close", [_P(SinkTable)], _int, True),
    ("skpi_sink_file", [_P(SinkTable), _c], _int, True),
    ("skpi_buffer_init", [_P(BufferStruct), _uint], _int, True),
    ("skpi_sink_memory", [_P(SinkTable), _P(BufferStruct)], _int, True),
    ("skpi_buffer_detach", [_P(_vp), _P(_sz), _P(BufferStruct)], _int, True),
    ("skpi_buffer_reset", [_P(BufferStruct)], None, False),
    # report.h
    ("skpi_doc_new", [_P(DocP)], _int, True),
    ("skpi_doc_free", [DocP], None, False),
    ("skpi_doc_set_title", [DocP, _c], _int, True),
    ("skpi_doc_title", [DocP], _c, False),
    ("skpi_doc_set_subtitle", [DocP, _c], _int, True),
    ("skpi_doc_subtitle", [DocP], _c, False),
    ("skpi_doc_set_currency", [DocP, _c], _int, True),
    ("skpi_doc_currency", [DocP], _c, False),
    ("skpi_doc_set_language", [DocP, _c], _int, True),
    ("skpi_doc_language", [DocP], _c, False),
    ("skpi_doc_set_text", [DocP, _int, _c], _int, True),
    ("skpi_doc_text", [DocP, _int], _c, False),
    ("skpi_doc_block_count", [DocP], _sz, False),
    ("skpi_doc_block_kind", [_P(_int), DocP, _sz], _int, True),
    ("skpi_doc_block_title", [_P(_c), DocP, _sz], _int, True),
    ("skpi_doc_block_size", [_P(_sz), DocP, _sz], _int, True),
    ("skpi_doc_add_heading", [_P(_sz), DocP, _int, _c], _int, True),
    ("skpi_doc_heading_level", [_P(_int), DocP, _sz], _int, True),
    ("skpi_doc_add_paragraph", [_P(_sz), DocP, _c], _int, True),
    ("skpi_doc_paragraph_add_span", [DocP, _sz, _int, _c], _int, True),
    ("skpi_doc_span", [_P(_int), _P(_c), DocP, _sz, _sz], _int, True),
    ("skpi_doc_add_callout", [_P(_sz), DocP, _int, _c, _c], _int, True),
    ("skpi_doc_callout", [_P(_int), _P(_c), DocP, _sz], _int, True),
    ("skpi_doc_add_list", [_P(_sz), DocP, _int], _int, True),
    ("skpi_doc_list_add_item", [DocP, _sz, _c], _int, True),
    ("skpi_doc_list_ordered", [_P(_int), DocP, _sz], _int, True),
    ("skpi_doc_list_item", [_P(_c), DocP, _sz, _sz], _int, True),
    ("skpi_doc_kpi_row_init", [_P(DocKpiRow), _uint], _int, True),
    ("skpi_doc_add_kpi_table", [_P(_sz), DocP, _c, _c, _c], _int, True),
    ("skpi_doc_kpi_table_add_row", [DocP, _sz, _P(DocKpiRow)], _int, True),
    ("skpi_doc_kpi_table_comparisons", [_P(_c), _P(_c), DocP, _sz], _int, True),
    ("skpi_doc_kpi_row_get", [_P(DocKpiRow), DocP, _sz, _sz], _int, True),
    ("skpi_doc_add_table", [_P(_sz), DocP, _c, _sz, _P(_c), _P(_int)], _int, True),
    ("skpi_doc_table_add_row", [DocP, _sz, _P(_c)], _int, True),
    ("skpi_doc_table_columns", [_P(_sz), DocP, _sz], _int, True),
    ("skpi_doc_table_header", [_P(_c), _P(_int), DocP, _sz, _sz], _int, True),
    ("skpi_doc_table_cell", [_P(_c), DocP, _sz, _sz, _sz], _int, True),
    ("skpi_doc_chart_init", [_P(DocChart), _uint], _int, True),
    ("skpi_doc_add_chart", [_P(_sz), DocP, _P(DocChart)], _int, True),
    ("skpi_doc_chart_add_series", [_P(_sz), DocP, _sz, _c, _int, _P(_c), _vp, _sz], _int, True),
    ("skpi_doc_chart_get", [_P(DocChart), DocP, _sz], _int, True),
    # doc.h, experimental: what a renderer reads beyond the block getters
    ("skpi_doc_set_period", [DocP, _P(Period), _c], _int, True),
    ("skpi_doc_period", [_P(Period), _P(_c), DocP], _int, True),
    ("skpi_doc_table_row", [_P(_P(_c)), DocP, _sz, _sz], _int, True),
    ("skpi_doc_chart_categories", [_P(_P(_c)), _P(_sz), DocP, _sz], _int, True),
    ("skpi_doc_chart_series_categories", [_P(_P(_sz)), DocP, _sz, _sz], _int, True),
    ("skpi_doc_chart_set_axis", [DocP, _sz, _int], _int, True),
    ("skpi_doc_chart_axis", [_P(_int), DocP, _sz], _int, True),
    ("skpi_doc_chart_name_category", [DocP, _sz, _c, _c], _int, True),
    ("skpi_doc_chart_category_name", [_P(_c), DocP, _sz, _sz], _int, True),
    ("skpi_doc_set_channel_key", [DocP, _sz, _sz, _c], _int, True),
    ("skpi_doc_channel_key", [_P(_c), DocP, _sz, _sz], _int, True),
    ("skpi_doc_kpi_table_set_periods", [DocP, _sz, _c, _c], _int, True),
    ("skpi_doc_kpi_table_periods", [_P(_c), _P(_c), DocP, _sz], _int, True),
    ("skpi_doc_set_period_name", [DocP, _c], _int, True),
    ("skpi_doc_period_name", [_P(_c), DocP], _int, True),
    ("skpi_doc_chart_series", [_P(_c), _P(_int), _P(_sz), _P(_P(_c)), _P(_P(_dbl)), DocP, _sz,
                               _sz], _int, True),
    ("skpi_doc_goal_init", [_P(DocGoal), _uint], _int, True),
    ("skpi_doc_add_goals", [_P(_sz), DocP, _c], _int, True),
    ("skpi_doc_goals_add", [DocP, _sz, _P(DocGoal)], _int, True),
    ("skpi_doc_goal_get", [_P(DocGoal), DocP, _sz, _sz], _int, True),
    ("skpi_doc_objective_init", [_P(DocObjective), _uint], _int, True),
    ("skpi_doc_key_result_init", [_P(DocKeyResult), _uint], _int, True),
    ("skpi_doc_add_objectives", [_P(_sz), DocP, _c], _int, True),
    ("skpi_doc_objectives_add", [_P(_sz), DocP, _sz, _P(DocObjective)], _int, True),
    ("skpi_doc_objective_add_key_result", [DocP, _sz, _sz, _P(DocKeyResult)], _int, True),
    ("skpi_doc_objective_get", [_P(DocObjective), _P(_sz), DocP, _sz, _sz], _int, True),
    ("skpi_doc_key_result_get", [_P(DocKeyResult), DocP, _sz, _sz, _sz], _int, True),
    ("skpi_doc_post_init", [_P(DocPost), _uint], _int, True),
    ("skpi_doc_add_posts", [_P(_sz), DocP, _c], _int, True),
    ("skpi_doc_posts_add", [DocP, _sz, _P(DocPost)], _int, True),
    ("skpi_doc_post_get", [_P(DocPost), DocP, _sz, _sz], _int, True),
    # report.h: definitions and assembly
    ("skpi_section_count", [], _int, False),
    ("skpi_section_name", [_int], _c, False),
    ("skpi_audience_name", [_int], _c, False),
    ("skpi_report_new", [_P(ReportDefP), _c], _int, True),
    ("skpi_report_free", [ReportDefP], None, False),
    ("skpi_report_set_title", [ReportDefP, _c], _int, True),
    ("skpi_report_title", [ReportDefP], _c, False),
    ("skpi_report_set_audience", [ReportDefP, _int], _int, True),
    ("skpi_report_audience", [ReportDefP], _int, True),
    ("skpi_report_set_cadence", [ReportDefP, _int], _int, True),
    ("skpi_report_cadence", [ReportDefP], _int, True),
    ("skpi_report_set_as_of", [ReportDefP, _i64], _int, True),
    ("skpi_report_as_of", [ReportDefP], _i64, False),
    ("skpi_report_set_calendar", [ReportDefP, CalendarP], _int, True),
    ("skpi_report_set_comparisons", [ReportDefP, _uint], _int, True),
    ("skpi_report_comparisons", [ReportDefP], _uint, False),
    ("skpi_report_set_currency", [ReportDefP, _c], _int, True),
    ("skpi_report_add_channel", [ReportDefP, _c], _int, True),
    ("skpi_report_channel_count", [ReportDefP], _sz, False),
    ("skpi_report_channel", [ReportDefP, _sz], _c, False),
    ("skpi_report_add_kpi", [ReportDefP, _c, _c], _int, True),
    ("skpi_report_kpi_count", [ReportDefP], _sz, False),
    ("skpi_report_kpi", [_P(_c), _P(_c), ReportDefP, _sz], _int, True),
    ("skpi_report_add_goal", [ReportDefP, GoalP], _int, True),
    ("skpi_report_goal_count", [ReportDefP], _sz, False),
    ("skpi_report_goal", [ReportDefP, _sz], GoalP, False),
    ("skpi_report_add_objective", [ReportDefP, ObjectiveP], _int, True),
    ("skpi_report_objective_count", [ReportDefP], _sz, False),
    ("skpi_report_objective", [ReportDefP, _sz], ObjectiveP, False),
    ("skpi_report_set_sections", [ReportDefP, _P(_int), _sz], _int, True),
    ("skpi_report_set_section", [ReportDefP, _int, _int], _int, True),
    ("skpi_report_section_count", [ReportDefP], _sz, False),
    ("skpi_report_section", [ReportDefP, _sz], _int, True),
    ("skpi_report_set_spot_checks", [ReportDefP, _dbl, _uint, _dbl], _int, True),
    ("skpi_report_set_top_posts", [ReportDefP, _sz, _c], _int, True),
    ("skpi_report_set_max_kpis", [ReportDefP, _sz], _int, True),
    ("skpi_report_add_section", [ReportDefP, _c, SECTION_FN, _vp], _int, True),
    ("skpi_template_count", [], _int, False),
    ("skpi_template_default", [_int], _c, False),
    ("skpi_template_placeholders", [_int], _c, False),
    ("skpi_report_set_template", [ReportDefP, _int, _c], _int, True),
    ("skpi_report_template", [ReportDefP, _int], _c, False),
    ("skpi_report_assemble", [_P(DocP), ReportDefP, DatasetP], _int, True),
    # effort.h (experimental)
    ("skpi_effort_new", [_P(EffortP)], _int, True),
    ("skpi_effort_free", [EffortP], None, False),
    ("skpi_effort_add_activity", [EffortP, _c, _c, _c], _int, True),
    ("skpi_effort_add_activity_metric", [EffortP, _c, _c], _int, True),
    ("skpi_effort_add_activity_skill", [EffortP, _c, _c], _int, True),
    ("skpi_effort_activity_count", [EffortP], _sz, False),
    ("skpi_effort_activity", [_P(_c), _P(_c), _P(_c), EffortP, _sz], _int, True),
    ("skpi_effort_activity_item", [_P(_c), EffortP, _sz, _int, _sz], _int, True),
    ("skpi_effort_add_person", [EffortP, _c, _c], _int, True),
    ("skpi_effort_role_of", [_P(_c), EffortP, _c], _int, True),
    ("skpi_effort_person_count", [EffortP], _sz, False),
    ("skpi_effort_person", [_P(_c), _P(_c), EffortP, _sz], _int, True),
    ("skpi_effort_capacity_count", [EffortP], _sz, False),
    ("skpi_effort_capacity", [_P(_c), _P(_dbl), EffortP, _sz], _int, True),
    ("skpi_effort_set_capacity", [EffortP, _c, _dbl], _int, True),
    ("skpi_effort_add_hours", [EffortP, _c, _c, Period, _dbl, _dbl], _int, True),
    ("skpi_effort_entry_count", [EffortP], _sz, False),
    ("skpi_effort_entry", [_P(_c), _P(_c), _P(Period), _P(_dbl), _P(_dbl), EffortP, _sz], _int, True),
    ("skpi_effort_import_timesheet", [EffortP, _c, CalendarP], _int, True),
    ("skpi_effort_import_timesheet_buffer", [EffortP, _c, _sz, CalendarP], _int, True),
    ("skpi_store_write_effort", [StoreP, EffortP, _sz], _int, True),
    ("skpi_store_read_effort", [StoreP, EffortP], _int, True),
    ("skpi_report_set_effort", [ReportDefP, EffortP], _int, True),
    ("skpi_definitions_effort", [DefinitionsP], EffortP, False),
    ("skpi_goal_set_activity", [GoalP, _c], _int, True),
    ("skpi_goal_activity", [GoalP], _c, False),
    ("skpi_key_result_set_activity", [KeyResultP, _c], _int, True),
    ("skpi_key_result_activity", [KeyResultP], _c, False),
    # okr.h, store.h (0.2): who made a check-in
    ("skpi_key_result_add_checkin_by", [KeyResultP, _i64, _dbl, _dbl, _c, _c], _int, True),
    ("skpi_key_result_checkin_author", [_P(_c), KeyResultP, _sz], _int, True),
    ("skpi_store_add_checkin_by", [StoreP, _c, _sz, _i64, _dbl, _dbl, _c, _c], _int, True),
    # goal.h, okr.h (experimental): targets from benchmarks and their source
    ("skpi_goal_set_target_benchmark", [GoalP, BenchmarksP, _c], _int, True),
    ("skpi_goal_target_source", [GoalP], _c, False),
    ("skpi_goal_set_target_source", [GoalP, _c], _int, True),
    ("skpi_key_result_set_target_benchmark", [KeyResultP, BenchmarksP, _c], _int, True),
    ("skpi_key_result_target_source", [KeyResultP], _c, False),
    ("skpi_key_result_set_target_source", [KeyResultP, _c], _int, True),
    # definitions.h (experimental): competitors' channels and the benchmark table
    ("skpi_definitions_set_competitor", [DefinitionsP, _c, _c], _int, True),
    ("skpi_definitions_competitor_count", [DefinitionsP], _sz, False),
    ("skpi_definitions_competitor_channel", [DefinitionsP, _sz], _c, False),
    ("skpi_definitions_competitor_name", [DefinitionsP, _sz], _c, False),
    ("skpi_definitions_mark_competitors", [DefinitionsP, DatasetP], _int, True),
    ("skpi_definitions_benchmarks", [DefinitionsP], BenchmarksP, False),
    ("skpi_definitions_set_benchmarks", [DefinitionsP, BenchmarksP], _int, True),
    ("skpi_benchmarks_clone", [_P(BenchmarksP), BenchmarksP], _int, True),
    # report.h (experimental): date ranges and campaigns
    ("skpi_report_set_range", [ReportDefP, _P(Period), _c], _int, True),
    ("skpi_report_range", [_P(Period), _P(_c), ReportDefP], _int, False),
    ("skpi_report_set_comparison_range", [ReportDefP, _P(Period), _c], _int, True),
    ("skpi_report_comparison_range", [_P(Period), _P(_c), ReportDefP], _int, False),
    ("skpi_campaign_new", [_P(CampaignP), _c, _P(Period)], _int, True),
    ("skpi_campaign_free", [CampaignP], None, False),
    ("skpi_campaign_name", [CampaignP], _c, False),
    ("skpi_campaign_period", [_P(Period), CampaignP], _int, True),
    ("skpi_campaign_add_channel", [CampaignP, _c], _int, True),
    ("skpi_campaign_channel_count", [CampaignP], _sz, False),
    ("skpi_campaign_channel", [CampaignP, _sz], _c, False),
    ("skpi_campaign_add_selector", [CampaignP, _int, _c], _int, True),
    ("skpi_campaign_selector_count", [CampaignP], _sz, False),
    ("skpi_campaign_selector", [_P(_int), _P(_c), CampaignP, _sz], _int, True),
    ("skpi_campaign_set_baseline", [CampaignP, _P(Period)], _int, True),
    ("skpi_campaign_baseline", [_P(Period), CampaignP], _int, False),
    ("skpi_campaign_match", [_P(_int), CampaignP, DatasetP, PostP], _int, True),
    ("skpi_report_set_campaign", [ReportDefP, CampaignP], _int, True),
    ("skpi_definitions_campaign_count", [DefinitionsP], _sz, False),
    ("skpi_definitions_campaign_name", [DefinitionsP, _sz], _c, False),
    ("skpi_definitions_find_campaign", [_P(_sz), DefinitionsP, _c], _int, True),
    ("skpi_definitions_build_campaign", [_P(CampaignP), DefinitionsP, _sz, CalendarP], _int, True),
    # definitions.h
    ("skpi_definitions_schema_version", [], _int, False),
    ("skpi_definitions_id_max", [], _sz, False),
    ("skpi_definitions_file_max", [], _sz, False),
    ("skpi_definitions_new", [_P(DefinitionsP), CatalogP], _int, True),
    ("skpi_definitions_free", [DefinitionsP], None, False),
    ("skpi_definitions_load_buffer", [_P(DefinitionsP), _c, _sz, CatalogP], _int, True),
    ("skpi_definitions_load_file", [_P(DefinitionsP), _c, CatalogP], _int, True),
    ("skpi_definitions_save_buffer", [_P(_vp), _P(_sz), DefinitionsP], _int, True),
    ("skpi_definitions_save_file", [DefinitionsP, _c], _int, True),
    ("skpi_definitions_catalog", [DefinitionsP], CatalogP, False),
    ("skpi_definitions_goal_count", [DefinitionsP], _sz, False),
    ("skpi_definitions_goal", [DefinitionsP, _sz], GoalP, False),
    ("skpi_definitions_goal_id", [DefinitionsP, _sz], _c, False),
    ("skpi_definitions_find_goal", [_P(_sz), DefinitionsP, _c], _int, True),
    ("skpi_definitions_add_goal", [_P(GoalP), DefinitionsP, _c, GoalP], _int, True),
    ("skpi_definitions_remove_goal", [DefinitionsP, _sz], _int, True),
    ("skpi_definitions_objective_count", [DefinitionsP], _sz, False),
    ("skpi_definitions_objective", [DefinitionsP, _sz], ObjectiveP, False),
    ("skpi_definitions_objective_id", [DefinitionsP, _sz], _c, False),
    ("skpi_definitions_find_objective", [_P(_sz), DefinitionsP, _c], _int, True),
    ("skpi_definitions_add_objective", [_P(ObjectiveP), DefinitionsP, _c, _c], _int, True),
    ("skpi_definitions_remove_objective", [DefinitionsP, _sz], _int, True),
    ("skpi_definitions_report_count", [DefinitionsP], _sz, False),
    ("skpi_definitions_report_id", [DefinitionsP, _sz], _c, False),
    ("skpi_definitions_find_report", [_P(_sz), DefinitionsP, _c], _int, True),
    ("skpi_definitions_build_report", [_P(ReportDefP), DefinitionsP, _sz, _i64], _int, True),
    ("skpi_definitions_remove_report", [DefinitionsP, _sz], _int, True),
    # render.h
    ("skpi_render_options_init", [_P(RenderOptions), _uint], _int, True),
    ("skpi_render", [DocP, _int, _P(RenderOptions), _P(SinkTable)], _int, True),
    ("skpi_format_name", [_int], _c, False),
    ("skpi_format_extension", [_int], _c, False),
    ("skpi_render_json_schema_version", [], _int, False),
    ("skpi_render_supported", [_int], _int, False),
    ("skpi_report_period", [_P(Period), ReportDefP], _int, True),
    # digest.h
    ("skpi_digest_options_init", [_P(DigestOptions), _uint], _int, True),
    ("skpi_render_digest", [DocP, _P(DigestOptions), _P(RenderOptions), _P(SinkTable)], _int, True),
    ("skpi_digest_flavour_name", [_int], _c, False),
    # deliver.h
    ("skpi_deliver_supported", [], _int, False),
    ("skpi_mail_options_init", [_P(MailOptions), _uint], _int, True),
    ("skpi_sink_mail", [_P(SinkTable), _P(MailOptions)], _int, True),
    ("skpi_webhook_options_init", [_P(WebhookOptions), _uint], _int, True),
    ("skpi_sink_webhook", [_P(SinkTable), _P(WebhookOptions)], _int, True),
    ("skpi_deliver_discard", [_P(SinkTable)], None, False),
    ("skpi_deliver_redact_url", [_P(_vp), _c], _int, True),
    # store.h: deliveries
    ("skpi_store_delivery_init", [_P(StoreDelivery), _uint], _int, True),
    ("skpi_store_begin_delivery", [_P(_i64), StoreP, _P(StoreDelivery), _int], _int, True),
    ("skpi_store_end_delivery", [StoreP, _i64, _int, _c, _i64], _int, True),
    ("skpi_store_list_deliveries", [_P(StoreDeliveriesP), StoreP, _c, Period], _int, True),
    ("skpi_store_deliveries_free", [StoreDeliveriesP], None, False),
    ("skpi_store_deliveries_count", [StoreDeliveriesP], _sz, False),
    ("skpi_store_deliveries_get", [_P(StoreDelivery), StoreDeliveriesP, _sz], _int, True),
]


def _declare(name: str, args: List[Any], res: Any, checked: bool) -> None:
    try:
        f = getattr(lib, name)
    except AttributeError:
        raise ImportError(f"socialkpi: the loaded libsocialkpi ({lib._name}) lacks {name}; "
                          "point SOCIALKPI_LIBRARY at a complete build") from None
    f.argtypes = args
    f.restype = res
    if checked:
        f.errcheck = _check


# The version first, so that a mismatched library is explained before any
# missing symbol is.
_declare(*PROTOTYPES[0])
_declare(*PROTOTYPES[1])
_version: int = lib.skpi_version()
if _version // 10000 != EXPECTED_MAJOR or (_version // 100) % 100 < EXPECTED_MINOR:
    raise ImportError(
        f"socialkpi: the loaded libsocialkpi is {lib.skpi_version_string().decode()}, "
        f"but this package needs {EXPECTED_MAJOR}.{EXPECTED_MINOR} or a later {EXPECTED_MAJOR}.x; "
        "point SOCIALKPI_LIBRARY at a matching build")

for _proto in PROTOTYPES[2:]:
    _declare(*_proto)


def text(s: Union[str, bytes]) -> bytes:
    """A Python str as the UTF-8 bytes C expects."""
    if isinstance(s, bytes):
        return s
    if not isinstance(s, str):
        raise TypeError(f"expected str, got {type(s).__name__}")
    return s.encode("utf-8")


def opt_text(s: Union[str, bytes, None]) -> Optional[bytes]:
    """text(s), or None (NULL) for None."""
    return None if s is None else text(s)


def string(b: Optional[bytes]) -> Optional[str]:
    """C bytes as str; None (NULL) stays None."""
    return None if b is None else b.decode("utf-8", "replace")


def required(b: Optional[bytes]) -> str:
    """C bytes that are never NULL (a key, a title), as str."""
    return "" if b is None else b.decode("utf-8", "replace")


def take_bytes(ptr: Any, size: Optional[int] = None) -> bytes:
    """Copy memory the library handed over (NUL-terminated when size is None), then skpi_free it."""
    if not ptr:
        return b""
    try:
        return ctypes.string_at(ptr) if size is None else ctypes.string_at(ptr, size)
    finally:
        lib.skpi_free(ptr)


def version_init(init: Callable[..., Any], struct_type: Type[_S], version: int = 1) -> _S:
    """A versioned options struct filled by its C init function (the defaults)."""
    out = struct_type()
    init(ctypes.byref(out), version)
    return out


# The handle types and helpers the other modules take from here.
__all__ = [
    "CalendarP", "CatalogP", "DatasetP", "DefinitionsP", "DocP", "GoalCheckP", "GoalEvaluationP",
    "GoalP", "ImportSummaryP", "KeyResultP", "MetricP", "ObjectiveP", "OkrResultP",
    "OkrTrajectoryP", "Period", "ReportDefP", "CampaignP", "SeriesP", "StoreP", "lib", "opt_text", "string",
    "required", "take_bytes", "text", "version_init",
]
