"""OKRs: objectives, key results, check-ins, scoring, alignment and trajectories."""
import ctypes
import enum
import math
import weakref
from typing import List, NamedTuple, Optional

from ._handle import Handle
from ._lib import KeyResultP, ObjectiveP, OkrResultP, OkrTrajectoryP, Period, lib, opt_text, string
from ._lib import text as utf8
from ._lib import version_init
from ._types import OkrOptions
from .calendar import Cadence, Calendar, as_period, seconds
from .dataset import Dataset
from .values import Availability


class ObjectiveType(enum.IntEnum):
    COMMITTED = 0
    ASPIRATIONAL = 1


class KeyResultKind(enum.IntEnum):
    MANUAL = 0
    METRIC = 1
    MILESTONE = 2


class KeyResultDirection(enum.IntEnum):
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
    RED = 0
    YELLOW = 1
    GREEN = 2


class OkrStatus(enum.IntEnum):
    NOT_STARTED = 0
    ON_TRACK = 1
    AT_RISK = 2
    OFF_TRACK = 3


class OkrVerdict(enum.IntEnum):
    IN_PROGRESS = 0
    COMMITTED_MET = 1
    COMMITTED_MISSED = 2
    ASPIRATIONAL_BELOW = 3
    ASPIRATIONAL_SUCCESS = 4
    ASPIRATIONAL_ABOVE = 5
    NOT_AMBITIOUS = 6

    @property
    def phrase(self):
        """A short English phrase ('success', 'not ambitious enough', ...)."""
        return string(lib.skpi_okr_verdict_name(self))


def _none_if_nan(x):
    return None if math.isnan(x) else x


def _nan_if_none(x):
    return math.nan if x is None else float(x)


class CheckIn(NamedTuple):
    time: int
    value: Optional[float]
    confidence: Optional[float]
    note: str


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

    def __init__(self, r):
        self.as_of = lib.skpi_okr_result_as_of(r)
        self.elapsed = lib.skpi_okr_result_elapsed(r)
        self.score = lib.skpi_okr_result_score(r)
        self.rounded = lib.skpi_okr_result_rounded(r)
        self.mean = lib.skpi_okr_result_mean(r)
        self.weakest = lib.skpi_okr_result_weakest(r)
        self.band = Band(lib.skpi_okr_result_band(r))
        self.expected = lib.skpi_okr_result_expected(r)
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

    def __repr__(self):
        return (f"<OkrResult {self.rounded:.1f} {self.band.name.lower()}, "
                f"{self.status.name.lower()}, {self.verdict.phrase}>")


class TrajectoryPoint(NamedTuple):
    period: Period
    result: OkrResult


def _options(kw):
    """An skpi_okr_options from keyword arguments, and what must live during the call."""
    opts = version_init(lib.skpi_okr_options_init, OkrOptions)
    keep = []
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
_objectives = weakref.WeakValueDictionary()


def _objective_of(ptr, lender=None):
    """The Python Objective of a C pointer; `lender` (a Definitions) wraps its own on demand."""
    if not ptr:
        return None
    obj = _objectives.get(ctypes.cast(ptr, ctypes.c_void_p).value)
    if obj is None and lender is not None:
        obj = lender._objective_of_ptr(ptr)
    return obj


class KeyResult(Handle):
    """A key result, owned by its objective: usable while the objective is open and it is not removed."""

    _free = None  # the objective frees it

    @classmethod
    def _wrap(cls, ptr, objective):
        self = cls.__new__(cls)
        self._adopt(ptr, owner=objective, borrowed=True)
        return self

    def close(self):
        pass  # owned by the objective: remove it with Objective.remove_key_result()

    @property
    def objective(self):
        self._h
        return self._owner

    kind = property(lambda self: KeyResultKind(lib.skpi_key_result_kind(self._h)))
    title = property(lambda self: string(lib.skpi_key_result_title(self._h)),
                     lambda self, v: lib.skpi_key_result_set_title(self._h, utf8(v)))

    @property
    def range(self):
        """(start, target), or None before it is set."""
        start, target = ctypes.c_double(), ctypes.c_double()
        try:
            lib.skpi_key_result_range(ctypes.byref(start), ctypes.byref(target), self._h)
        except LookupError:
            return None
        return start.value, target.value

    def set_range(self, start, target):
        lib.skpi_key_result_set_range(self._h, float(start), float(target))

    @property
    def direction(self):
        """INCREASE or DECREASE (from the range); None before the range is set."""
        try:
            return KeyResultDirection(lib.skpi_key_result_direction(self._h))
        except LookupError:
            return None

    stretch = property(lambda self: _none_if_nan(lib.skpi_key_result_stretch(self._h)),
                       lambda self, v: lib.skpi_key_result_set_stretch(self._h, _nan_if_none(v)),
                       doc="Stretch target (scores 1.0 with the stretch curves); None when unset")
    commit = property(lambda self: _none_if_nan(lib.skpi_key_result_commit(self._h)),
                      lambda self, v: lib.skpi_key_result_set_commit(self._h, _nan_if_none(v)),
                      doc="Commit value (scores 0.3 with the three-level curve); None when unset")
    weight = property(lambda self: lib.skpi_key_result_weight(self._h),
                      lambda self, v: lib.skpi_key_result_set_weight(self._h, float(v)))
    metric = property(lambda self: string(lib.skpi_key_result_metric(self._h)))
    selector = property(lambda self: string(lib.skpi_key_result_selector(self._h)))

    def set_metric(self, metric, selector="*"):
        """Link a metric-linked key result to a metric of the dataset and a channel selector."""
        lib.skpi_key_result_set_metric(self._h, utf8(metric), utf8(selector))

    def check_in(self, time, value=None, confidence=None, note=None):
        """Record a check-in (value None: confidence only; confidence None: none given)."""
        lib.skpi_key_result_add_checkin(self._h, seconds(time), _nan_if_none(value),
                                        _nan_if_none(confidence), opt_text(note))

    @property
    def checkins(self):
        """[CheckIn(time, value, confidence, note), ...] in time order."""
        h = self._h
        t, v, c, n = ctypes.c_int64(), ctypes.c_double(), ctypes.c_double(), ctypes.c_char_p()
        out = []
        for i in range(lib.skpi_key_result_checkin_count(h)):
            lib.skpi_key_result_checkin(ctypes.byref(t), ctypes.byref(v), ctypes.byref(c),
                                        ctypes.byref(n), h, i)
            out.append(CheckIn(t.value, _none_if_nan(v.value), _none_if_nan(c.value), string(n.value)))
        return out

    def remove_checkin(self, index):
        lib.skpi_key_result_remove_checkin(self._h, index)

    def __repr__(self):
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
    _defs = None  # the Definitions that owns and lends it, if any

    def __init__(self, title, period=None, type=ObjectiveType.ASPIRATIONAL, owner=None,
                 description=None, curve=None):
        ptr = ObjectiveP()
        lib.skpi_objective_new(ctypes.byref(ptr), utf8(title))
        self._adopt(ptr)
        self._krs = {}           # C address -> KeyResult wrapper
        self._children = []      # aligned objectives kept alive while aligned
        self._parent = None
        _objectives[self._addr] = self
        if period is not None:
            self.period = period
        if type != ObjectiveType.ASPIRATIONAL:
            self.type = type
        if owner is not None:
            self.owner = owner
        if description is not None:
            self.description = description
        if curve is not None:
            self.curve = curve

    @classmethod
    def _lent(cls, ptr, defs):
        """A wrapper of an objective owned by `defs` (a Definitions), which it keeps alive."""
        self = cls.__new__(cls)
        self._adopt(ptr, owner=defs, borrowed=True)
        self._krs, self._children, self._parent = {}, [], None
        self._defs = defs
        _objectives[self._addr] = self
        return self

    @property
    def _addr(self):
        return ctypes.cast(self._ptr, ctypes.c_void_p).value

    def close(self):
        if self._defs is not None:
            return  # owned by its Definitions: remove it with Definitions.remove_objective()
        self._release()
        super().close()

    def _invalidate(self):
        """The owner freed the C objective: forget it, and make every later use fail."""
        self._release()
        self._ptr = None

    def _release(self):
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

    def _repin(self):
        """A lent objective linked to objectives of another owner is held by its Definitions,
        so that the link keeps both sides alive as it does between two free objectives."""
        defs = self._defs
        if defs is None or not self._ptr:
            return
        if self._parent is not None or self._children:
            defs._pinned[self._addr] = self
        else:
            defs._pinned.pop(self._addr, None)

    title = property(lambda self: string(lib.skpi_objective_title(self._h)),
                     lambda self, v: lib.skpi_objective_set_title(self._h, utf8(v)))
    description = property(lambda self: string(lib.skpi_objective_description(self._h)),
                           lambda self, v: lib.skpi_objective_set_description(self._h, opt_text(v)))
    owner = property(lambda self: string(lib.skpi_objective_owner(self._h)),
                     lambda self, v: lib.skpi_objective_set_owner(self._h, opt_text(v)))
    type = property(lambda self: ObjectiveType(lib.skpi_objective_type(self._h)),
                    lambda self, v: lib.skpi_objective_set_type(self._h, int(v)))

    @property
    def period(self):
        """Period [start, end), or None before it is set."""
        out = Period()
        try:
            lib.skpi_objective_period(ctypes.byref(out), self._h)
        except LookupError:
            return None
        return out

    @period.setter
    def period(self, p):
        lib.skpi_objective_set_period(self._h, as_period(p))

    @property
    def curve(self):
        """A preset Curve, or the custom curve's [(achievement, score), ...]."""
        h = self._h
        c = Curve(lib.skpi_objective_curve(h))
        if c != Curve.CUSTOM:
            return c
        x, y = ctypes.c_double(), ctypes.c_double()
        points = []
        for i in range(lib.skpi_objective_curve_point_count(h)):
            lib.skpi_objective_curve_point(ctypes.byref(x), ctypes.byref(y), h, i)
            points.append((x.value, y.value))
        return points

    @curve.setter
    def curve(self, c):
        if isinstance(c, (list, tuple)):
            xs = (ctypes.c_double * max(len(c), 1))(*[p[0] for p in c])
            ys = (ctypes.c_double * max(len(c), 1))(*[p[1] for p in c])
            lib.skpi_objective_set_curve_points(self._h, xs, ys, len(c))
        else:
            lib.skpi_objective_set_curve(self._h, int(c))

    # alignment ----------------------------------------------------------------

    @property
    def parent(self):
        return _objective_of(lib.skpi_objective_parent(self._h), self._defs)

    def align_under(self, parent, weight=1.0):
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
    def alignment_weight(self):
        return _none_if_nan(lib.skpi_objective_alignment_weight(self._h))

    @property
    def children(self):
        h = self._h
        return [_objective_of(lib.skpi_objective_child(h, i), self._defs)
                for i in range(lib.skpi_objective_child_count(h))]

    # key results ----------------------------------------------------------------

    def add_key_result(self, title, kind=KeyResultKind.MANUAL, start=None, target=None, *,
                       stretch=None, commit=None, weight=None, metric=None, selector="*"):
        """Add a key result; start/target set its range, metric links it to a dataset metric."""
        out = KeyResultP()
        lib.skpi_objective_add_key_result(ctypes.byref(out), self._h, int(kind), utf8(title))
        kr = KeyResult._wrap(out, self)
        self._krs[ctypes.cast(out, ctypes.c_void_p).value] = kr
        try:
            if start is not None or target is not None:
                kr.set_range(start, target)
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

    def _kr(self, ptr):
        addr = ctypes.cast(ptr, ctypes.c_void_p).value
        kr = self._krs.get(addr)
        if kr is None:
            kr = self._krs[addr] = KeyResult._wrap(ptr, self)
        return kr

    @property
    def key_results(self):
        h = self._h
        return [self._kr(lib.skpi_objective_key_result(h, i))
                for i in range(lib.skpi_objective_key_result_count(h))]

    def remove_key_result(self, kr):
        """Remove a key result (by object or index); its object becomes unusable."""
        krs = self.key_results
        index = krs.index(kr) if isinstance(kr, KeyResult) else kr
        victim = krs[index]
        lib.skpi_objective_remove_key_result(self._h, index)
        self._krs.pop(ctypes.cast(victim._ptr, ctypes.c_void_p).value, None)
        victim._ptr = None

    # scoring ------------------------------------------------------------------

    def score(self, as_of, dataset=None, **options):
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

    def trajectory(self, as_of, calendar, cadence=Cadence.MONTH, dataset=None, **options):
        """[TrajectoryPoint(period, result), ...]: scores at the end of every cadence period."""
        opts, keep = _options(options)
        out = OkrTrajectoryP()
        lib.skpi_objective_trajectory(ctypes.byref(out), self._h, Dataset._of_optional(dataset),
                                      Calendar._of(calendar), int(cadence), seconds(as_of),
                                      ctypes.byref(opts))
        del keep
        try:
            points = []
            for i in range(lib.skpi_okr_trajectory_length(out)):
                p = Period()
                lib.skpi_okr_trajectory_period(ctypes.byref(p), out, i)
                points.append(TrajectoryPoint(p, OkrResult(lib.skpi_okr_trajectory_result(out, i))))
            return points
        finally:
            lib.skpi_okr_trajectory_free(out)

    def __repr__(self):
        if self.closed:
            return "<Objective closed>"
        return f"<Objective {self.title!r}: {len(self.key_results)} key results>"
