"""OKRs: objectives, key results, check-ins, scoring, alignment and trajectories."""
from __future__ import annotations

import ctypes
import enum
import math
import weakref
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple, Union

from ._handle import Handle
from ._lib import (KeyResultP, ObjectiveP, OkrResultP, OkrTrajectoryP, Period, lib, opt_text,
                   required, string)
from ._lib import text as utf8
from ._lib import version_init
from ._types import OkrOptions
from .calendar import Cadence, Calendar, as_period, seconds
from .compete import Benchmarks
from .dataset import Dataset
from ._typing import PeriodLike, TimeLike
from .values import Availability

#: A scoring curve: a preset, or the points (achievement, score) of a custom one.
CurveLike = Union["Curve", int, Sequence[Tuple[float, float]]]


class ObjectiveType(enum.IntEnum):
    """Committed objectives are expected to reach 1.0; aspirational ones land around 0.6-0.7."""

    COMMITTED = 0
    ASPIRATIONAL = 1


class KeyResultKind(enum.IntEnum):
    """Where a key result's value comes from: check-ins, a dataset metric, or done/not done."""

    MANUAL = 0
    METRIC = 1
    MILESTONE = 2


class KeyResultDirection(enum.IntEnum):
    """Whether a key result should go up or down (from its start and target)."""

    INCREASE = 0
    DECREASE = 1


class Curve(enum.IntEnum):
    """Scoring curves; OBJECTIVE (options only) means each objective's own curve."""

    OBJECTIVE = 0
    LINEAR = 1
    STRETCH = 2
    THREE_LEVEL = 3
    CUSTOM = 4


class Band(enum.IntEnum):
    """The traffic-light band of a score."""

    RED = 0
    YELLOW = 1
    GREEN = 2


class OkrStatus(enum.IntEnum):
    """Where an objective or key result stands against the time elapsed."""

    NOT_STARTED = 0
    ON_TRACK = 1
    AT_RISK = 2
    OFF_TRACK = 3


class OkrVerdict(enum.IntEnum):
    """What a final score means for a committed or aspirational objective."""

    IN_PROGRESS = 0
    COMMITTED_MET = 1
    COMMITTED_MISSED = 2
    ASPIRATIONAL_BELOW = 3
    ASPIRATIONAL_SUCCESS = 4
    ASPIRATIONAL_ABOVE = 5
    NOT_AMBITIOUS = 6

    @property
    def phrase(self) -> str:
        """A short English phrase ('success', 'not ambitious enough', ...)."""
        return required(lib.skpi_okr_verdict_name(self))


def _none_if_nan(x: float) -> Optional[float]:
    return None if math.isnan(x) else x


def _nan_if_none(x: Optional[float]) -> float:
    return math.nan if x is None else float(x)


class CheckIn(NamedTuple):
    """One check-in of a key result: when, the value, the confidence (0-1), a note and who
    made it ('' when not said)."""

    time: int
    value: Optional[float]
    confidence: Optional[float]
    note: str
    author: str = ""


class KeyResultScore(NamedTuple):
    """How one key result scored (see docs/okrs.md)."""

    score: float
    rounded: float
    band: Band
    value: float
    availability: Availability
    achievement: float
    expected: float
    status: OkrStatus
    confidence: Optional[float]
    previous_confidence: Optional[float]


class OkrResult:
    """The scores of an objective as of a time, with its key results and aligned objectives."""

    def __init__(self, r: Any) -> None:
        self.as_of: int = lib.skpi_okr_result_as_of(r)
        self.elapsed: float = lib.skpi_okr_result_elapsed(r)
        self.score: float = lib.skpi_okr_result_score(r)
        self.rounded: float = lib.skpi_okr_result_rounded(r)
        self.mean: float = lib.skpi_okr_result_mean(r)
        self.weakest: float = lib.skpi_okr_result_weakest(r)
        self.band = Band(lib.skpi_okr_result_band(r))
        self.expected: float = lib.skpi_okr_result_expected(r)
        self.status = OkrStatus(lib.skpi_okr_result_status(r))
        self.verdict = OkrVerdict(lib.skpi_okr_result_verdict(r))
        self.confidence = _none_if_nan(lib.skpi_okr_result_confidence(r))
        score, rounded, value, achievement, expected, latest, previous = (
            ctypes.c_double() for _ in range(7))
        band, avail, status = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
        self.key_results: List[KeyResultScore] = []
        for i in range(lib.skpi_okr_result_kr_count(r)):
            lib.skpi_okr_result_kr_score(ctypes.byref(score), ctypes.byref(rounded),
                                         ctypes.byref(band), r, i)
            lib.skpi_okr_result_kr_value(ctypes.byref(value), ctypes.byref(avail),
                                         ctypes.byref(achievement), r, i)
            lib.skpi_okr_result_kr_progress(ctypes.byref(expected), ctypes.byref(status), r, i)
            lib.skpi_okr_result_kr_confidence(ctypes.byref(latest), ctypes.byref(previous), r, i)
            self.key_results.append(KeyResultScore(
                score.value, rounded.value, Band(band.value), value.value,
                Availability(avail.value), achievement.value, expected.value,
                OkrStatus(status.value), _none_if_nan(latest.value), _none_if_nan(previous.value)))
        self.children: List[OkrResult] = [OkrResult(lib.skpi_okr_result_child(r, i))
                                          for i in range(lib.skpi_okr_result_child_count(r))]

    def __repr__(self) -> str:
        return (f"<OkrResult {self.rounded:.1f} {self.band.name.lower()}, "
                f"{self.status.name.lower()}, {self.verdict.phrase}>")


class TrajectoryPoint(NamedTuple):
    """The scores at the end of one period of a trajectory."""

    period: Period
    result: OkrResult


def _options(kw: Dict[str, Any]) -> Tuple[OkrOptions, List[Any]]:
    """An skpi_okr_options from keyword arguments, and what must live during the call."""
    opts = version_init(lib.skpi_okr_options_init, OkrOptions)
    keep: List[Any] = []
    for key, value in kw.items():
        if key == "curve":
            if isinstance(value, (list, tuple)):
                xs = (ctypes.c_double * len(value))(*[p[0] for p in value])
                ys = (ctypes.c_double * len(value))(*[p[1] for p in value])
                keep += [xs, ys]
                opts.curve, opts.curve_x, opts.curve_y, opts.curve_points = Curve.CUSTOM, xs, ys, len(value)
            else:
                opts.curve = int(value)
        elif key == "weakest":
            opts.weakest = 1 if value else 0
        elif key in ("yellow_from", "green_from", "on_track_gap", "at_risk_gap"):
            setattr(opts, key, float(value))
        else:
            raise TypeError(f"unexpected scoring option {key!r}")
    return opts, keep


# Every live Objective by C address, so that parents and children read from C
# come back as the Python objects the caller made.
_objectives: weakref.WeakValueDictionary[Optional[int], Objective] = weakref.WeakValueDictionary()


def _objective_of(ptr: Any, lender: Any = None) -> Optional[Objective]:
    """The Python Objective of a C pointer; `lender` (a Definitions) wraps its own on demand."""
    if not ptr:
        return None
    obj = _objectives.get(ctypes.cast(ptr, ctypes.c_void_p).value)
    if obj is None and lender is not None:
        obj = lender._objective_of_ptr(ptr)
    found: Optional[Objective] = obj
    return found


class KeyResult(Handle):
    """A key result, owned by its objective: usable while the objective is open and it is not removed."""

    _free = None  # the objective frees it

    @classmethod
    def _wrap(cls, ptr: Any, objective: Objective) -> KeyResult:
        self = cls.__new__(cls)
        self._adopt(ptr, owner=objective, borrowed=True)
        return self

    def close(self) -> None:
        """Nothing to free: the objective owns its key results (see remove_key_result())."""
        # owned by the objective: remove it with Objective.remove_key_result()

    @property
    def objective(self) -> Objective:
        """The objective this key result belongs to."""
        self._h
        owner: Objective = self._owner
        return owner

    @property
    def kind(self) -> KeyResultKind:
        """Manual, metric-linked or milestone."""
        return KeyResultKind(lib.skpi_key_result_kind(self._h))

    @property
    def title(self) -> str:
        """The key result's title."""
        return required(lib.skpi_key_result_title(self._h))

    @title.setter
    def title(self, v: str) -> None:
        lib.skpi_key_result_set_title(self._h, utf8(v))

    @property
    def range(self) -> Optional[Tuple[float, float]]:
        """(start, target), or None before it is set."""
        start, target = ctypes.c_double(), ctypes.c_double()
        try:
            lib.skpi_key_result_range(ctypes.byref(start), ctypes.byref(target), self._h)
        except LookupError:
            return None
        return float(start.value), float(target.value)

    def set_range(self, start: float, target: float) -> None:
        """Set the start and target values (the direction follows from them)."""
        lib.skpi_key_result_set_range(self._h, float(start), float(target))

    @property
    def direction(self) -> Optional[KeyResultDirection]:
        """INCREASE or DECREASE (from the range); None before the range is set."""
        try:
            return KeyResultDirection(lib.skpi_key_result_direction(self._h))
        except LookupError:
            return None

    @property
    def stretch(self) -> Optional[float]:
        """Stretch target (scores 1.0 with the stretch curves); None when unset."""
        return _none_if_nan(lib.skpi_key_result_stretch(self._h))

    @stretch.setter
    def stretch(self, v: Optional[float]) -> None:
        lib.skpi_key_result_set_stretch(self._h, _nan_if_none(v))

    @property
    def commit(self) -> Optional[float]:
        """Commit value (scores 0.3 with the three-level curve); None when unset."""
        return _none_if_nan(lib.skpi_key_result_commit(self._h))

    @commit.setter
    def commit(self, v: Optional[float]) -> None:
        lib.skpi_key_result_set_commit(self._h, _nan_if_none(v))

    @property
    def weight(self) -> float:
        """The key result's weight in its objective's score (1 by default)."""
        return float(lib.skpi_key_result_weight(self._h))

    @weight.setter
    def weight(self, v: float) -> None:
        lib.skpi_key_result_set_weight(self._h, float(v))

    @property
    def metric(self) -> Optional[str]:
        """The linked metric key; None when not metric-linked."""
        return string(lib.skpi_key_result_metric(self._h))

    @property
    def selector(self) -> Optional[str]:
        """The linked channel selector; None when not metric-linked."""
        return string(lib.skpi_key_result_selector(self._h))

    @property
    def activity(self) -> Optional[str]:
        """The team's activity that serves the key result; None when unset."""
        return string(lib.skpi_key_result_activity(self._h))

    @activity.setter
    def activity(self, v: Optional[str]) -> None:
        lib.skpi_key_result_set_activity(self._h, opt_text(v))

    @property
    def target_source(self) -> Optional[str]:
        """Where the target comes from ('Retail benchmark, Example Study 2026'); None for a
        target of the host's own. Kept by definitions files and stores."""
        return string(lib.skpi_key_result_target_source(self._h))

    @target_source.setter
    def target_source(self, v: Optional[str]) -> None:
        lib.skpi_key_result_set_target_source(self._h, opt_text(v))

    def set_target_benchmark(self, benchmarks: Benchmarks, industry: str) -> None:
        """Take the target from the benchmark of the metric and industry (the selector's
        network before 'all'; 'any' period rows); the start stays. NotFoundError when none applies."""
        lib.skpi_key_result_set_target_benchmark(self._h, Benchmarks._of(benchmarks), utf8(industry))

    def set_metric(self, metric: str, selector: str = "*") -> None:
        """Link a metric-linked key result to a metric of the dataset and a channel selector."""
        lib.skpi_key_result_set_metric(self._h, utf8(metric), utf8(selector))

    def check_in(self, time: TimeLike, value: Optional[float] = None,
                 confidence: Optional[float] = None, note: Optional[str] = None,
                 author: Optional[str] = None) -> None:
        """Record a check-in (value None: confidence only; confidence None: none given;
        author: who made it)."""
        lib.skpi_key_result_add_checkin_by(self._h, seconds(time), _nan_if_none(value),
                                           _nan_if_none(confidence), opt_text(note),
                                           opt_text(author))

    @property
    def checkins(self) -> List[CheckIn]:
        """[CheckIn(time, value, confidence, note, author), ...] in time order."""
        h = self._h
        t, v, c, n = ctypes.c_int64(), ctypes.c_double(), ctypes.c_double(), ctypes.c_char_p()
        who = ctypes.c_char_p()
        out: List[CheckIn] = []
        for i in range(lib.skpi_key_result_checkin_count(h)):
            lib.skpi_key_result_checkin(ctypes.byref(t), ctypes.byref(v), ctypes.byref(c),
                                        ctypes.byref(n), h, i)
            lib.skpi_key_result_checkin_author(ctypes.byref(who), h, i)
            out.append(CheckIn(t.value, _none_if_nan(v.value), _none_if_nan(c.value), required(n.value),
                               required(who.value)))
        return out

    def remove_checkin(self, index: int) -> None:
        """Remove check-in number `index` (0-based, in time order)."""
        lib.skpi_key_result_remove_checkin(self._h, index)

    def __repr__(self) -> str:
        if self.closed:
            return "<KeyResult removed>"
        return f"<KeyResult {self.title!r} ({self.kind.name.lower()})>"


class Objective(Handle):
    """An objective with up to five key results; objectives align under parents.

    An objective lent by a Definitions (its `objectives`, `add_objective()`)
    belongs to it: close() does nothing, the Definitions stays alive while
    the objective is used, and removing it from the Definitions makes this
    object unusable (ValueError).
    """

    _free = staticmethod(lib.skpi_objective_free)
    _defs: Any = None  # the Definitions that owns and lends it, if any

    def __init__(self, title: str, period: Optional[PeriodLike] = None,
                 type: ObjectiveType = ObjectiveType.ASPIRATIONAL, owner: Optional[str] = None,
                 description: Optional[str] = None, curve: Optional[CurveLike] = None) -> None:
        ptr = ObjectiveP()
        lib.skpi_objective_new(ctypes.byref(ptr), utf8(title))
        self._adopt(ptr)
        self._krs: Dict[Optional[int], KeyResult] = {}  # C address -> KeyResult wrapper
        self._children: List[Objective] = []  # aligned objectives kept alive while aligned
        self._parent: Optional[Objective] = None
        _objectives[self._addr] = self
        if period is not None:
            lib.skpi_objective_set_period(self._h, as_period(period))
        if type != ObjectiveType.ASPIRATIONAL:
            self.type = type
        if owner is not None:
            self.owner = owner
        if description is not None:
            self.description = description
        if curve is not None:
            self._set_curve(curve)

    @classmethod
    def _lent(cls, ptr: Any, defs: Any) -> Objective:
        """A wrapper of an objective owned by `defs` (a Definitions), which it keeps alive."""
        self = cls.__new__(cls)
        self._adopt(ptr, owner=defs, borrowed=True)
        self._krs, self._children, self._parent = {}, [], None
        self._defs = defs
        _objectives[self._addr] = self
        return self

    @property
    def _addr(self) -> Optional[int]:
        return ctypes.cast(self._ptr, ctypes.c_void_p).value

    def close(self) -> None:
        """Free the objective and unlink its alignment; one lent by a Definitions stays."""
        if self._defs is not None:
            return  # owned by its Definitions: remove it with Definitions.remove_objective()
        self._release()
        super().close()

    def _invalidate(self) -> None:
        """The owner freed the C objective: forget it, and make every later use fail."""
        self._release()
        self._ptr = None

    def _release(self) -> None:
        """Forget the Python side of the C objective about to go."""
        if self._ptr:
            if _objectives.get(self._addr) is self:
                del _objectives[self._addr]
            # C unlinks both ways; mirror it so nothing keeps a stale link.
            parent = self._parent
            if parent is not None and self in parent._children:
                parent._children.remove(self)
                parent._repin()
            for child in self._children:
                child._parent = None
                child._repin()
            self._children, self._parent = [], None
            self._repin()
            for kr in self._krs.values():
                kr._ptr = None
            self._krs = {}

    def _repin(self) -> None:
        """A lent objective linked to objectives of another owner is held by its Definitions,
        so that the link keeps both sides alive as it does between two free objectives."""
        defs = self._defs
        if defs is None or not self._ptr:
            return
        if self._parent is not None or self._children:
            defs._pinned[self._addr] = self
        else:
            defs._pinned.pop(self._addr, None)

    @property
    def title(self) -> str:
        """The objective's title."""
        return required(lib.skpi_objective_title(self._h))

    @title.setter
    def title(self, v: str) -> None:
        lib.skpi_objective_set_title(self._h, utf8(v))

    @property
    def description(self) -> Optional[str]:
        """A longer description; None when unset."""
        return string(lib.skpi_objective_description(self._h))

    @description.setter
    def description(self, v: Optional[str]) -> None:
        lib.skpi_objective_set_description(self._h, opt_text(v))

    @property
    def owner(self) -> Optional[str]:
        """Who owns the objective; None when unset."""
        return string(lib.skpi_objective_owner(self._h))

    @owner.setter
    def owner(self, v: Optional[str]) -> None:
        lib.skpi_objective_set_owner(self._h, opt_text(v))

    @property
    def type(self) -> ObjectiveType:
        """Committed (expected to reach 1.0) or aspirational (0.6 to 0.7 is success)."""
        return ObjectiveType(lib.skpi_objective_type(self._h))

    @type.setter
    def type(self, v: ObjectiveType) -> None:
        lib.skpi_objective_set_type(self._h, int(v))

    @property
    def period(self) -> Optional[Period]:
        """Period [start, end), or None before it is set."""
        out = Period()
        try:
            lib.skpi_objective_period(ctypes.byref(out), self._h)
        except LookupError:
            return None
        return out

    @period.setter
    def period(self, p: PeriodLike) -> None:
        lib.skpi_objective_set_period(self._h, as_period(p))

    @property
    def curve(self) -> Union[Curve, List[Tuple[float, float]]]:
        """A preset Curve, or the custom curve's [(achievement, score), ...]."""
        h = self._h
        c = Curve(lib.skpi_objective_curve(h))
        if c != Curve.CUSTOM:
            return c
        x, y = ctypes.c_double(), ctypes.c_double()
        points: List[Tuple[float, float]] = []
        for i in range(lib.skpi_objective_curve_point_count(h)):
            lib.skpi_objective_curve_point(ctypes.byref(x), ctypes.byref(y), h, i)
            points.append((x.value, y.value))
        return points

    @curve.setter
    def curve(self, c: CurveLike) -> None:
        self._set_curve(c)

    def _set_curve(self, c: CurveLike) -> None:
        if isinstance(c, (list, tuple)):
            xs = (ctypes.c_double * max(len(c), 1))(*[p[0] for p in c])
            ys = (ctypes.c_double * max(len(c), 1))(*[p[1] for p in c])
            lib.skpi_objective_set_curve_points(self._h, xs, ys, len(c))
        else:
            lib.skpi_objective_set_curve(self._h, int(c))  # type: ignore[arg-type]

    # alignment ----------------------------------------------------------------

    @property
    def parent(self) -> Optional[Objective]:
        """The objective this one is aligned under; None at the top."""
        return _objective_of(lib.skpi_objective_parent(self._h), self._defs)

    def align_under(self, parent: Optional[Objective], weight: float = 1.0) -> None:
        """Align under `parent` (its score rolls this one up with `weight`); None detaches."""
        lib.skpi_objective_set_parent(self._h, Objective._of_optional(parent), float(weight))
        old = self._parent
        if old is not None and old is not parent and self in old._children:
            old._children.remove(self)
            old._repin()
        self._parent = None
        # Python links keep the pair alive while aligned; two objectives of the
        # same Definitions need none (it owns both).
        if parent is not None and (self._defs is None or parent._defs is not self._defs):
            self._parent = parent
            if self not in parent._children:
                parent._children.append(self)
            parent._repin()
        self._repin()

    @property
    def alignment_weight(self) -> Optional[float]:
        """The weight of this objective in its parent's score; None when not aligned."""
        return _none_if_nan(lib.skpi_objective_alignment_weight(self._h))

    @property
    def children(self) -> List[Optional[Objective]]:
        """The objectives aligned under this one."""
        h = self._h
        return [_objective_of(lib.skpi_objective_child(h, i), self._defs)
                for i in range(lib.skpi_objective_child_count(h))]

    # key results ----------------------------------------------------------------

    def add_key_result(self, title: str, kind: KeyResultKind = KeyResultKind.MANUAL,
                       start: Optional[float] = None, target: Optional[float] = None, *,
                       stretch: Optional[float] = None, commit: Optional[float] = None,
                       weight: Optional[float] = None, metric: Optional[str] = None,
                       selector: str = "*") -> KeyResult:
        """Add a key result; start/target set its range, metric links it to a dataset metric."""
        out = KeyResultP()
        lib.skpi_objective_add_key_result(ctypes.byref(out), self._h, int(kind), utf8(title))
        kr = KeyResult._wrap(out, self)
        self._krs[ctypes.cast(out, ctypes.c_void_p).value] = kr
        try:
            if start is not None or target is not None:
                kr.set_range(start, target)  # type: ignore[arg-type]
            if stretch is not None:
                kr.stretch = stretch
            if commit is not None:
                kr.commit = commit
            if weight is not None:
                kr.weight = weight
            if metric is not None:
                kr.set_metric(metric, selector)
        except BaseException:
            self.remove_key_result(kr)
            raise
        return kr

    def _kr(self, ptr: Any) -> KeyResult:
        addr = ctypes.cast(ptr, ctypes.c_void_p).value
        kr = self._krs.get(addr)
        if kr is None:
            kr = self._krs[addr] = KeyResult._wrap(ptr, self)
        return kr

    @property
    def key_results(self) -> List[KeyResult]:
        """The key results, in the order added."""
        h = self._h
        return [self._kr(lib.skpi_objective_key_result(h, i))
                for i in range(lib.skpi_objective_key_result_count(h))]

    def remove_key_result(self, kr: Union[KeyResult, int]) -> None:
        """Remove a key result (by object or index); its object becomes unusable."""
        krs = self.key_results
        index = krs.index(kr) if isinstance(kr, KeyResult) else kr
        victim = krs[index]
        lib.skpi_objective_remove_key_result(self._h, index)
        self._krs.pop(ctypes.cast(victim._ptr, ctypes.c_void_p).value, None)
        victim._ptr = None

    # scoring ------------------------------------------------------------------

    def score(self, as_of: TimeLike, dataset: Optional[Dataset] = None,
              **options: Any) -> OkrResult:
        """Scores as of a time (check-ins and data before it). Options: curve, weakest,
        yellow_from, green_from, on_track_gap, at_risk_gap."""
        opts, keep = _options(options)
        out = OkrResultP()
        lib.skpi_objective_score(ctypes.byref(out), self._h, Dataset._of_optional(dataset),
                                 seconds(as_of), ctypes.byref(opts))
        del keep
        try:
            return OkrResult(out)
        finally:
            lib.skpi_okr_result_free(out)

    def trajectory(self, as_of: TimeLike, calendar: Calendar, cadence: Cadence = Cadence.MONTH,
                   dataset: Optional[Dataset] = None, **options: Any) -> List[TrajectoryPoint]:
        """[TrajectoryPoint(period, result), ...]: scores at the end of every cadence period."""
        opts, keep = _options(options)
        out = OkrTrajectoryP()
        lib.skpi_objective_trajectory(ctypes.byref(out), self._h, Dataset._of_optional(dataset),
                                      Calendar._of(calendar), int(cadence), seconds(as_of),
                                      ctypes.byref(opts))
        del keep
        try:
            points: List[TrajectoryPoint] = []
            for i in range(lib.skpi_okr_trajectory_length(out)):
                p = Period()
                lib.skpi_okr_trajectory_period(ctypes.byref(p), out, i)
                points.append(TrajectoryPoint(p, OkrResult(lib.skpi_okr_trajectory_result(out, i))))
            return points
        finally:
            lib.skpi_okr_trajectory_free(out)

    def __repr__(self) -> str:
        if self.closed:
            return "<Objective closed>"
        return f"<Objective {self.title!r}: {len(self.key_results)} key results>"
