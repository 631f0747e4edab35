"""SMART goals: definition, SMART check, evaluation, forecast and likelihood."""
from __future__ import annotations

import ctypes
import enum
from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Tuple, Union

from ._handle import Handle
from ._lib import GoalCheckP, GoalEvaluationP, GoalP, Period, lib, opt_text, required, string
from ._lib import text as utf8
from ._lib import version_init
from ._types import GoalEvaluateOptions
from .calendar import Cadence, Calendar, as_period, seconds
from .compete import Benchmarks
from .dataset import Dataset
from ._typing import PeriodLike, TimeLike
from .values import Value


class Category(enum.IntEnum):
    """The ten goal types (and NONE)."""

    NONE = 0
    BRAND_AWARENESS = 1
    REPUTATION = 2
    COMMUNITY_ENGAGEMENT = 3
    CONVERSIONS = 4
    CUSTOMER_INSIGHT = 5
    LEADS = 6
    CUSTOMER_SERVICE = 7
    RECRUITMENT = 8
    CRISIS_MANAGEMENT = 9
    INTERNAL_COMMUNICATIONS = 10

    @property
    def key(self) -> str:
        """The category's key, e.g. 'brand_awareness'."""
        return required(lib.skpi_category_key(self))

    @property
    def label(self) -> str:
        """The category's label for people, e.g. 'Brand awareness'."""
        return required(lib.skpi_category_label(self))

    @property
    def metrics(self) -> List[str]:
        """The metric keys this category recommends, most typical first."""
        return [required(lib.skpi_category_metric(self, i))
                for i in range(lib.skpi_category_metric_count(self))]

    def recommends(self, metric: str) -> bool:
        """Whether this category recommends the metric."""
        return bool(lib.skpi_category_recommends(self, utf8(metric)))

    @classmethod
    def from_key(cls, key: str) -> Category:
        """The category with this key ('brand_awareness', ...)."""
        out = ctypes.c_int()
        lib.skpi_category_from_key(ctypes.byref(out), utf8(key))
        return cls(out.value)


class GoalDirection(enum.IntEnum):
    """Which way a goal wants its metric to go, or where to keep it."""

    INCREASE = 0
    DECREASE = 1
    STAY_AT_LEAST = 2
    STAY_AT_MOST = 3


class BaselineKind(enum.IntEnum):
    """How a goal's baseline is given: not at all, as a number, or as a period to measure."""

    NONE = 0
    VALUE = 1
    PERIOD = 2


class TargetKind(enum.IntEnum):
    """How a target reads: an absolute value, a percent change or a delta from the baseline."""

    NONE = 0
    ABSOLUTE = 1
    PERCENT = 2
    DELTA = 3


class Letter(enum.IntEnum):
    """The five letters of SMART."""

    SPECIFIC = 0
    MEASURABLE = 1
    ACHIEVABLE = 2
    RELEVANT = 3
    TIME_BOUND = 4


class Verdict(enum.IntEnum):
    """The verdict on one SMART letter."""

    PASS = 0
    WARN = 1
    FAIL = 2


class Achievability(enum.IntEnum):
    """How the growth a target needs compares with the history."""

    UNKNOWN = 0
    REALISTIC = 1
    STRETCH = 2
    UNREALISTIC = 3


class GoalStatus(enum.IntEnum):
    """Where a goal stands as of a date."""

    NOT_STARTED = 0
    ON_TRACK = 1
    AT_RISK = 2
    OFF_TRACK = 3
    ACHIEVED = 4
    MISSED = 5
    NO_DATA = 6


class ForecastMethod(enum.IntEnum):
    """How the value at the deadline is forecast."""

    LINEAR = 0
    SEASONAL = 1
    NONE = 2


class MilestoneState(enum.IntEnum):
    """Whether a milestone was hit, missed, is still ahead, or has no data."""

    PENDING = 0
    HIT = 1
    MISSED = 2
    NO_DATA = 3


class LetterCheck(NamedTuple):
    """One letter's verdict and the reason a person can read."""

    verdict: Verdict
    reason: str


class GoalCheck:
    """The result of a SMART check (a snapshot): one LetterCheck per letter."""

    def __init__(self, ptr: Any) -> None:
        self.letters = {letter: LetterCheck(Verdict(lib.skpi_goal_check_verdict(ptr, letter)),
                                            required(lib.skpi_goal_check_reason(ptr, letter)))
                        for letter in Letter}
        self.overall = Verdict(lib.skpi_goal_check_overall(ptr))
        self.achievability = Achievability(lib.skpi_goal_check_achievability(ptr))
        self.required_rate: float = lib.skpi_goal_check_required_rate(ptr)
        self.median_rate: float = lib.skpi_goal_check_median_rate(ptr)
        self.best_rate: float = lib.skpi_goal_check_best_rate(ptr)
        self.window_periods: int = lib.skpi_goal_check_window_periods(ptr)
        self.window_count: int = lib.skpi_goal_check_window_count(ptr)

    def __getitem__(self, letter: Union[Letter, int]) -> LetterCheck:
        return self.letters[Letter(letter)]

    @property
    def specific(self) -> LetterCheck:
        """S: a metric, a channel and a number."""
        return self.letters[Letter.SPECIFIC]

    @property
    def measurable(self) -> LetterCheck:
        """M: the metric is known and has data."""
        return self.letters[Letter.MEASURABLE]

    @property
    def achievable(self) -> LetterCheck:
        """A: the growth the target needs against the growth of the history."""
        return self.letters[Letter.ACHIEVABLE]

    @property
    def relevant(self) -> LetterCheck:
        """R: a business objective or a category is linked."""
        return self.letters[Letter.RELEVANT]

    @property
    def time_bound(self) -> LetterCheck:
        """T: a deadline after the start, milestones inside the span."""
        return self.letters[Letter.TIME_BOUND]

    def verdicts(self) -> Dict[str, str]:
        """{'specific': 'pass', ...}: the verdict names per letter."""
        return {letter.name.lower(): check.verdict.name.lower() for letter, check in self.letters.items()}

    def __repr__(self) -> str:
        parts = " ".join(f"{letter.name[0]}={check.verdict.name.lower()}"
                         for letter, check in self.letters.items())
        return f"<GoalCheck {parts}>"


class MilestoneOutcome(NamedTuple):
    """How one milestone came out: its state, its target and the value measured."""

    state: MilestoneState
    target: float
    value: float


class GoalEvaluation:
    """The evaluation of a goal as of a date (a snapshot)."""

    def __init__(self, ptr: Any) -> None:
        self.status = GoalStatus(lib.skpi_goal_evaluation_status(ptr))
        self.as_of: int = lib.skpi_goal_evaluation_as_of(ptr)
        self.measured_at: int = lib.skpi_goal_evaluation_measured_at(ptr)
        self.baseline = Value._from_c(lib.skpi_goal_evaluation_baseline(ptr))
        self.current = Value._from_c(lib.skpi_goal_evaluation_current(ptr))
        self.target: float = lib.skpi_goal_evaluation_target(ptr)
        self.progress: float = lib.skpi_goal_evaluation_progress(ptr)
        self.expected_progress: float = lib.skpi_goal_evaluation_expected_progress(ptr)
        self.pace_needed: float = lib.skpi_goal_evaluation_pace_needed(ptr)
        self.pace_recent: float = lib.skpi_goal_evaluation_pace_recent(ptr)
        self.periods_left: int = lib.skpi_goal_evaluation_periods_left(ptr)
        self.forecast: float = lib.skpi_goal_evaluation_forecast(ptr)
        self.forecast_method = ForecastMethod(lib.skpi_goal_evaluation_forecast_method(ptr))
        self.likelihood: float = lib.skpi_goal_evaluation_likelihood(ptr)
        self.backtests: int = lib.skpi_goal_evaluation_backtests(ptr)
        self.milestones: List[MilestoneOutcome] = []
        state, target, value = ctypes.c_int(), ctypes.c_double(), ctypes.c_double()
        for i in range(lib.skpi_goal_evaluation_milestone_count(ptr)):
            lib.skpi_goal_evaluation_milestone(ctypes.byref(state), ctypes.byref(target),
                                               ctypes.byref(value), ptr, i)
            self.milestones.append(MilestoneOutcome(MilestoneState(state.value), target.value,
                                                    value.value))

    def __repr__(self) -> str:
        return (f"<GoalEvaluation {self.status.name.lower()}: progress {self.progress:.3f}"
                f" (expected {self.expected_progress:.3f})>")


class Goal(Handle):
    """A SMART goal. Every field is a property; keyword arguments set them at creation.

    A goal lent by a Definitions (its `goals`, `add_goal()`) belongs to it:
    close() does nothing, the Definitions stays alive while the goal is used,
    and removing it from the Definitions makes this object unusable (ValueError).
    """

    _free = staticmethod(lib.skpi_goal_free)
    _defs: Any = None  # the Definitions that owns and lends it, if any

    def __init__(self, name: str, **fields: Any) -> None:
        ptr = GoalP()
        lib.skpi_goal_new(ctypes.byref(ptr), utf8(name))
        self._adopt(ptr)
        milestones = fields.pop("milestones", ())
        target = fields.pop("target", None)
        target_kind = fields.pop("target_kind", TargetKind.ABSOLUTE)
        for field in ("category", "metric", "channel", "direction", "cadence", "baseline",
                      "span", "relevance", "owner"):
            if field in fields:
                setattr(self, field, fields.pop(field))
        if fields:
            raise TypeError(f"Goal() got unexpected keyword arguments: {', '.join(fields)}")
        if target is not None:
            self.set_target(target, target_kind)
        for date, value in milestones:
            self.add_milestone(date, value)

    @classmethod
    def _wrap(cls, ptr: Any) -> Goal:
        self = cls.__new__(cls)
        self._adopt(ptr)
        return self

    @classmethod
    def _lent(cls, ptr: Any, defs: Any) -> Goal:
        """A wrapper of a goal owned by `defs` (a Definitions), which it keeps alive."""
        self = cls.__new__(cls)
        self._adopt(ptr, owner=defs, borrowed=True)
        self._defs = defs
        return self

    def close(self) -> None:
        """Free the goal; a goal lent by a Definitions stays (remove it there)."""
        if self._defs is None:  # a lent goal is removed with Definitions.remove_goal()
            super().close()

    def _invalidate(self) -> None:
        """The owner freed the C goal: make every later use fail."""
        self._ptr = None

    def copy(self) -> Goal:
        """An independent copy of the goal (owned by the caller)."""
        out = GoalP()
        lib.skpi_goal_clone(ctypes.byref(out), self._h)
        return Goal._wrap(out)

    @property
    def name(self) -> str:
        """The goal's name."""
        return required(lib.skpi_goal_name(self._h))

    @name.setter
    def name(self, v: str) -> None:
        lib.skpi_goal_set_name(self._h, utf8(v))

    @property
    def category(self) -> Category:
        """The goal type (one of the ten; NONE when unset); set it by member or key."""
        return Category(lib.skpi_goal_category(self._h))

    @category.setter
    def category(self, v: Union[Category, str, int]) -> None:
        lib.skpi_goal_set_category(
            self._h, int(Category.from_key(v) if isinstance(v, str) else v))

    @property
    def metric(self) -> Optional[str]:
        """The metric key measured; None when unset."""
        return string(lib.skpi_goal_metric(self._h))

    @metric.setter
    def metric(self, v: str) -> None:
        lib.skpi_goal_set_metric(self._h, utf8(v))

    @property
    def channel(self) -> Optional[str]:
        """The channel selector; None (unset) measures '*'."""
        return string(lib.skpi_goal_channel(self._h))

    @channel.setter
    def channel(self, v: str) -> None:
        lib.skpi_goal_set_channel(self._h, utf8(v))

    @property
    def direction(self) -> GoalDirection:
        """Which way the metric should move (or stay)."""
        return GoalDirection(lib.skpi_goal_direction(self._h))

    @direction.setter
    def direction(self, v: GoalDirection) -> None:
        lib.skpi_goal_set_direction(self._h, int(v))

    @property
    def cadence(self) -> Cadence:
        """The cadence of pace and milestones."""
        return Cadence(lib.skpi_goal_cadence(self._h))

    @cadence.setter
    def cadence(self, v: Cadence) -> None:
        lib.skpi_goal_set_cadence(self._h, int(v))

    @property
    def relevance(self) -> Optional[str]:
        """The business objective served; None when unset."""
        return string(lib.skpi_goal_relevance(self._h))

    @relevance.setter
    def relevance(self, v: Optional[str]) -> None:
        lib.skpi_goal_set_relevance(self._h, opt_text(v))

    @property
    def owner(self) -> Optional[str]:
        """Who owns the goal; None when unset."""
        return string(lib.skpi_goal_owner(self._h))

    @owner.setter
    def owner(self, v: Optional[str]) -> None:
        lib.skpi_goal_set_owner(self._h, opt_text(v))

    @property
    def activity(self) -> Optional[str]:
        """The team's activity that serves the goal (its Resourcing recommendation moves hours to it); None when unset."""
        return string(lib.skpi_goal_activity(self._h))

    @activity.setter
    def activity(self, v: Optional[str]) -> None:
        lib.skpi_goal_set_activity(self._h, opt_text(v))

    @property
    def baseline_kind(self) -> BaselineKind:
        """How the baseline is given (see baseline)."""
        return BaselineKind(lib.skpi_goal_baseline_kind(self._h))

    @property
    def baseline(self) -> Union[float, Period, None]:
        """A number, a Period to measure it over, or None (measured as of the start)."""
        kind = self.baseline_kind
        if kind == BaselineKind.VALUE:
            return float(lib.skpi_goal_baseline_value(self._h))
        if kind == BaselineKind.PERIOD:
            out = Period()
            lib.skpi_goal_baseline_period(ctypes.byref(out), self._h)
            return out
        return None

    @baseline.setter
    def baseline(self, b: Union[float, PeriodLike, None]) -> None:
        if b is None:
            lib.skpi_goal_clear_baseline(self._h)
        elif isinstance(b, (int, float)):
            lib.skpi_goal_set_baseline_value(self._h, float(b))
        else:
            lib.skpi_goal_set_baseline_period(self._h, as_period(b))

    def set_target(self, value: float, kind: TargetKind = TargetKind.ABSOLUTE) -> None:
        """Set the target: an absolute value, a percent change or a delta from the baseline."""
        lib.skpi_goal_set_target(self._h, int(kind), float(value))

    @property
    def target_kind(self) -> TargetKind:
        """How the target reads (absolute, percent, delta)."""
        return TargetKind(lib.skpi_goal_target_kind(self._h))

    @property
    def target(self) -> float:
        """The target's number as given (NaN when unset); see target_kind."""
        return float(lib.skpi_goal_target_value(self._h))

    @property
    def target_source(self) -> Optional[str]:
        """Where an absolute target comes from ('Retail benchmark, Example Study 2026'); None
        for a target of the host's own. Kept by definitions files and stores."""
        return string(lib.skpi_goal_target_source(self._h))

    @target_source.setter
    def target_source(self, v: Optional[str]) -> None:
        lib.skpi_goal_set_target_source(self._h, opt_text(v))

    def set_target_benchmark(self, benchmarks: Benchmarks, industry: str) -> None:
        """Take an absolute target from the benchmark of the goal's metric and industry (the
        channel's network before 'all', the cadence before 'any'). NotFoundError when none applies."""
        lib.skpi_goal_set_target_benchmark(self._h, Benchmarks._of(benchmarks), utf8(industry))

    @property
    def span(self) -> Optional[Period]:
        """Period [start, deadline), or None when not set."""
        out = Period()
        try:
            lib.skpi_goal_span(ctypes.byref(out), self._h)
        except LookupError:
            return None
        return out

    @span.setter
    def span(self, p: PeriodLike) -> None:
        lib.skpi_goal_set_span(self._h, as_period(p))

    def add_milestone(self, date: TimeLike, value: float) -> None:
        """An intermediate target (read like the target) due by `date`."""
        lib.skpi_goal_add_milestone(self._h, seconds(date), float(value))

    def remove_milestone(self, index: int) -> None:
        """Remove milestone number `index` (0-based, in date order)."""
        lib.skpi_goal_remove_milestone(self._h, index)

    @property
    def milestones(self) -> List[Tuple[int, float]]:
        """[(date, value), ...] in date order."""
        h = self._h
        date, value = ctypes.c_int64(), ctypes.c_double()
        out: List[Tuple[int, float]] = []
        for i in range(lib.skpi_goal_milestone_count(h)):
            lib.skpi_goal_milestone(ctypes.byref(date), ctypes.byref(value), h, i)
            out.append((date.value, value.value))
        return out

    def check(self, dataset: Optional[Dataset] = None,
              calendar: Optional[Calendar] = None) -> GoalCheck:
        """The SMART check: one verdict and reason per letter."""
        out = GoalCheckP()
        lib.skpi_goal_check(ctypes.byref(out), self._h, Dataset._of_optional(dataset),
                            Calendar._of_optional(calendar))
        try:
            return GoalCheck(out)
        finally:
            lib.skpi_goal_check_free(out)

    def evaluate(self, dataset: Dataset, as_of: TimeLike, calendar: Optional[Calendar] = None,
                 **options: float) -> GoalEvaluation:
        """Evaluate as of a date. Options: on_track_gap, at_risk_gap, forecast_window,
        forecast_method, min_backtests."""
        opts = version_init(lib.skpi_goal_evaluate_options_init, GoalEvaluateOptions)
        for key, value in options.items():
            if key not in dict(GoalEvaluateOptions._fields_) or key == "version":
                raise TypeError(f"evaluate() got an unexpected option {key!r}")
            setattr(opts, key, int(value) if key == "forecast_method" else value)
        out = GoalEvaluationP()
        lib.skpi_goal_evaluate(ctypes.byref(out), self._h, Dataset._of(dataset),
                               Calendar._of_optional(calendar), seconds(as_of), ctypes.byref(opts))
        try:
            return GoalEvaluation(out)
        finally:
            lib.skpi_goal_evaluation_free(out)

    def __repr__(self) -> str:
        if self.closed:
            return "<Goal closed>"
        return f"<Goal {self.name!r}: {self.metric} {self.direction.name.lower()}>"

