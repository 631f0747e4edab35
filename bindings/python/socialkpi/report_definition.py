"""Report definitions: what to report on, for whom and how often, assembled into a Document."""
from __future__ import annotations

import ctypes
import enum
import threading
from typing import (Any, Callable, Iterable, List, Mapping, Optional, Tuple, Type, TypeVar, Union)

from ._callbacks import guarded
from ._handle import Handle
from ._errors import invalid
from ._lib import DocP, ReportDefP, lib, opt_text, required, string
from ._typing import TimeLike
from ._lib import text as utf8
from ._types import SECTION_FN
from .calendar import Cadence, Calendar, seconds
from .compete import Benchmarks
from .dataset import Dataset
from .goal import Goal
from .okr import Objective
from .document import Document
from .effort import Effort
from .campaign import Campaign
from ._lib import Period

_TIME_END = 253402300800  # SKPI_TIME_END: a range up to the as-of time

_E = TypeVar("_E", bound=enum.IntEnum)


# How many assemblies are running on this thread: Python code that C calls
# during one (a custom section, a data source) must not free what it reads.
_running = threading.local()


def assembling() -> bool:
    """True while a report is being assembled on this thread (inside its callbacks)."""
    return getattr(_running, "depth", 0) > 0


def _member(cls: Type[_E], value: Union[_E, int, str]) -> Union[_E, int]:
    """An enum member from a member, an int or its lower-case key ('top_posts')."""
    if isinstance(value, str):
        try:
            return cls[value.upper()]
        except KeyError:
            raise invalid(cls.__name__.lower(), f"unknown {cls.__name__.lower()} {value!r}: use one of "
                             + ", ".join(m.name.lower() for m in cls)) from None
    return value


class Audience(enum.IntEnum):
    """Audience presets: each chooses the sections, their order and the detail."""

    SELF = 0
    TEAM = 1
    MANAGEMENT = 2
    LEADERSHIP = 3
    SALES = 4
    CUSTOM = 5

    @property
    def key(self) -> str:
        """'self', 'team', 'management', 'leadership', 'sales' or 'custom'."""
        return required(lib.skpi_audience_name(self))


class Comparison(enum.IntFlag):
    """What the report's period is compared with."""

    NONE = 0
    PREVIOUS = 1
    YEAR_EARLIER = 2
    RANGE = 4  # a named range (set_comparison_range()), in place of YEAR_EARLIER


class Section(enum.IntEnum):
    """The sections a report may show, in their preset order."""

    SUMMARY = 0
    WINS = 1
    KPIS = 2
    CHANNELS = 3
    TRENDS = 4
    GOALS = 5
    OKRS = 6
    TOP_POSTS = 7
    SPOT_CHECKS = 8
    NEXT_STEPS = 9
    CUSTOM = 10
    COMPETITORS = 11
    BENCHMARKS = 12
    FUNNEL = 13
    RESOURCING = 14
    LISTENING = 15
    WHAT_WORKED = 16
    POSTING_TIMES = 17
    CAMPAIGN = 18

    @property
    def key(self) -> str:
        """'summary', 'wins', ... 'custom'."""
        return required(lib.skpi_section_name(self))


class Template(enum.IntEnum):
    """The texts report assembly writes; replace any with ReportDefinition.set_template()."""

    HEADING_SUMMARY = 0
    HEADING_WINS = 1
    HEADING_KPIS = 2
    HEADING_CHANNELS = 3
    HEADING_TRENDS = 4
    HEADING_GOALS = 5
    HEADING_OKRS = 6
    HEADING_TOP_POSTS = 7
    HEADING_SPOT_CHECKS = 8
    HEADING_NEXT_STEPS = 9
    SUBTITLE = 10
    HEADLINE_UP = 11
    HEADLINE_DOWN = 12
    HEADLINE_FLAT = 13
    HEADLINE_ONLY = 14
    CONTRIBUTION = 15
    CHANNEL_CHANGE = 16
    GOALS_SUMMARY = 17
    GOAL_BEHIND = 18
    WIN_GOAL = 19
    WIN_MILESTONE = 20
    WIN_RECORD = 21
    WIN_POST = 22
    SPOT_HIGH = 23
    SPOT_LOW = 24
    SPOT_NONE = 25
    NEXT_GOAL = 26
    NEXT_SPOT = 27
    NEXT_DECLINE = 28
    NEXT_NONE = 29
    STATUS_NOT_STARTED = 30
    STATUS_ON_TRACK = 31
    STATUS_AT_RISK = 32
    STATUS_OFF_TRACK = 33
    STATUS_ACHIEVED = 34
    STATUS_MISSED = 35
    STATUS_NO_DATA = 36
    BAND_RED = 37
    BAND_YELLOW = 38
    BAND_GREEN = 39
    OKR_IN_PROGRESS = 40
    OKR_COMMITTED_MET = 41
    OKR_COMMITTED_MISSED = 42
    OKR_BELOW = 43
    OKR_SUCCESS = 44
    OKR_ABOVE = 45
    OKR_NOT_AMBITIOUS = 46
    KPI_TABLE_TITLE = 47
    CHANNEL_TABLE_TITLE = 48
    TREND_TITLE = 49
    TREND_DESCRIPTION = 50
    GOALS_CHART_TITLE = 51
    OKR_CHART_TITLE = 52
    SERIES_PROGRESS = 53
    SERIES_EXPECTED = 54
    SERIES_SCORE = 55
    CADENCE_DAY = 56
    CADENCE_WEEK = 57
    CADENCE_MONTH = 58
    CADENCE_QUARTER = 59
    CADENCE_YEAR = 60
    GOAL_NOTE = 61
    ALL_CHANNELS = 62
    COLUMN_METRIC = 63
    COLUMN_VALUE = 64
    COLUMN_CHANGE = 65
    COLUMN_CHANGE_PERCENT = 66
    COLUMN_TREND = 67
    COLUMN_GOAL = 68
    COLUMN_STATUS = 69
    COLUMN_PROGRESS = 70
    COLUMN_EXPECTED = 71
    COLUMN_FORECAST = 72
    COLUMN_CURRENT = 73
    COLUMN_TARGET = 74
    COLUMN_DEADLINE = 75
    COLUMN_KEY_RESULT = 76
    COLUMN_SCORE = 77
    COLUMN_START = 78
    COLUMN_NOTE = 79
    PARTIAL_NOTE = 80
    CHART_CAPTION = 81
    CHART_LAST_POINTS = 82
    CHART_ALT_LINE = 83
    CHART_ALT_BAR = 84
    CHART_SPAN = 85
    KPI_VERSUS = 86
    OF_TARGET = 87
    GOAL_PROGRESS = 88
    GOAL_PROGRESS_LABEL = 89
    GOAL_EXPECTED = 90
    GOAL_FORECAST = 91
    GOAL_BY_DEADLINE = 92
    OKR_SCORE = 93
    OKR_GRADED = 94
    OKR_SCORE_LABEL = 95
    OKR_ASPIRATIONAL = 96
    OKR_COMMITTED = 97
    OKR_OWNER = 98
    POST_RATIO = 99
    CALLOUT_NOTE = 100
    CALLOUT_WIN = 101
    CALLOUT_ALERT = 102
    NO_DATA = 103
    DIVISION_BY_ZERO = 104
    NOT_SUPPORTED = 105
    GENERATED = 106
    UNTITLED = 107
    NOT_AVAILABLE = 108
    GOAL_SHORT_OF_TARGET = 109
    GOAL_FORECAST_MEETS = 110
    OKR_ALIGNED = 111
    GOAL_PROJECTED = 112
    TIMES_IN = 113
    NO_DATA_HEADLINE = 114
    PARTIAL_PERIOD = 115
    NEXT_NO_DATA = 116
    SPOT_WITHHELD = 117
    TOP_POSTS_NONE = 118
    TOP_POSTS_NO_METRIC = 119
    TOP_POSTS_LEFT_OUT = 120
    PERIOD_WEEK = 121
    RANGE = 122
    CADENCE_RANGE = 123
    HEADING_FUNNEL = 124
    FUNNEL_TABLE_TITLE = 125
    FUNNEL_RATES_TITLE = 126
    RETURN_TABLE_TITLE = 127
    FUNNEL_WEAKEST_FELL = 128
    FUNNEL_WEAKEST_LOWEST = 129
    FUNNEL_STEP_EXCEEDS = 130
    FUNNEL_DATA_WARNING = 131
    FUNNEL_NO_COST = 132
    FUNNEL_NO_DATA = 133
    HEADLINE_PARTIAL = 134
    HEADING_RESOURCING = 135
    RESOURCING_HOURS_TITLE = 136
    RESOURCING_CAPACITY_TITLE = 137
    RESOURCING_IMPACT_TITLE = 138
    RESOURCING_ESTIMATE_TITLE = 139
    RESOURCING_SHARED = 140
    RESOURCING_OVER = 141
    RESOURCING_MOVE = 142
    RESOURCING_GOAL = 143
    RESOURCING_OBJECTIVE = 144
    RESOURCING_ESTIMATE_NOTE = 145
    RESOURCING_NOT_ESTIMATED = 146
    RESOURCING_CONSTANT_HOURS = 147
    RESOURCING_ESTIMATE_LABEL = 148
    RESOURCING_SHARED_CELL = 149
    RESOURCING_YES = 150
    COLUMN_ACTIVITY = 151
    COLUMN_ACTIVITIES = 152
    COLUMN_HOURS = 153
    COLUMN_PREVIOUS_HOURS = 154
    COLUMN_ROLE = 155
    COLUMN_PLANNED = 156
    COLUMN_AVAILABLE = 157
    COLUMN_OVER_ALLOCATED = 158
    COLUMN_CHANNELS = 159
    COLUMN_RESULT = 160
    COLUMN_PER_HOUR = 161
    COLUMN_PREVIOUS_PER_HOUR = 162
    COLUMN_COST_PER_RESULT = 163
    COLUMN_WEEKS = 164
    COLUMN_SLOPE = 165
    COLUMN_INTERVAL = 166
    HEADING_LISTENING = 167
    LISTENING_TABLE_TITLE = 168
    LISTENING_TOP_TITLE = 169
    LISTENING_SHARE = 170
    LISTENING_NO_COMPETITORS = 171
    LISTENING_COMPETITOR_CELL = 172
    LISTENING_NO_DATA = 173
    COLUMN_BRAND = 174
    COLUMN_MENTIONS = 175
    COLUMN_POSITIVE = 176
    COLUMN_NEUTRAL = 177
    COLUMN_NEGATIVE = 178
    COLUMN_NET_SENTIMENT = 179
    COLUMN_REACH = 180
    COLUMN_SHARE_OF_VOICE = 181
    LISTENING_SHARE_COUNTED = 182
    HEADING_WHAT_WORKED = 183
    HEADING_POSTING_TIMES = 184
    WHAT_WORKED_TYPES = 185
    WHAT_WORKED_TAGS = 186
    COLUMN_TYPE = 187
    COLUMN_TAG = 188
    COLUMN_POSTS = 189
    COLUMN_MEDIAN_PER_POST = 190
    COLUMN_SHARE = 191
    WHAT_WORKED_POSTS = 192
    WHAT_WORKED_TOO_FEW = 193
    WEEKDAYS = 194
    POSTING_TIMES_TABLE = 195
    POSTING_TIMES_BEST = 196
    POSTING_TIMES_NONE = 197
    HEADING_COMPETITORS = 198
    COMPETITORS_TABLE_TITLE = 199
    COLUMN_FIGURE = 200
    COLUMN_US = 201
    COLUMN_COMPETITOR_MEDIAN = 202
    COLUMN_OUR_RANK = 203
    COMPETITORS_RANK = 204
    COMPETITORS_GAP = 205
    COMPETITORS_LEAD = 206
    HEADING_BENCHMARKS = 207
    BENCHMARKS_TABLE_TITLE = 208
    COLUMN_INDUSTRY = 209
    COLUMN_GAP = 210
    COLUMN_GAP_PERCENT = 211
    COLUMN_SOURCE = 212
    BENCHMARKS_FURTHEST = 213
    BENCHMARKS_MET = 214
    TARGET_SOURCE = 215
    HEADING_CAMPAIGN = 216
    CAMPAIGN_INTRO = 217
    CAMPAIGN_CHANGE = 218
    CAMPAIGN_POSTS = 219
    CAMPAIGN_NO_POSTS = 220
    GOAL_OWNER = 221

    @property
    def default(self) -> str:
        """The built-in (English) text."""
        return required(lib.skpi_template_default(self))

    @property
    def placeholders(self) -> List[str]:
        """The {names} the text may use, e.g. ['metric', 'percent', ...]."""
        return required(lib.skpi_template_placeholders(self)).split()


class ReportDefinition(Handle):
    """What a report covers, for whom, how often; assemble() turns it and a dataset into a Document.

    Keyword arguments set the fields at creation: audience, cadence, as_of,
    calendar, comparisons, currency, channels, kpis (metric keys or
    (metric, selector) pairs), goals, objectives, sections and templates
    (a {Template: text} mapping).
    """

    _free = staticmethod(lib.skpi_report_free)

    def __init__(self, title: str, *, audience: Union[Audience, str, None] = None,
                 cadence: Union[Cadence, str, None] = None, as_of: Optional[TimeLike] = None,
                 calendar: Optional[Calendar] = None,
                 comparisons: Union[Comparison, int, None] = None,
                 currency: Optional[str] = None, channels: Iterable[str] = (),
                 kpis: Iterable[Union[str, Tuple[str, Optional[str]]]] = (),
                 goals: Iterable[Goal] = (), objectives: Iterable[Objective] = (),
                 sections: Optional[Iterable[Union[Section, str, int]]] = None,
                 templates: Optional[Mapping[Union[Template, str, int], Optional[str]]] = None
                 ) -> None:
        ptr = ReportDefP()
        lib.skpi_report_new(ctypes.byref(ptr), utf8(title))
        self._adopt(ptr)
        self._objectives: List[Objective] = []  # borrowed by C: kept alive, checked at assembly
        self._assembling = False
        # (title, callable, CFUNCTYPE) for as long as C may call them
        self._sections: List[Tuple[Optional[str], Callable[[Document], object], Any]] = []
        try:
            if audience is not None:
                lib.skpi_report_set_audience(self._h, int(_member(Audience, audience)))
            if cadence is not None:
                lib.skpi_report_set_cadence(self._h, int(_member(Cadence, cadence)))
            if as_of is not None:
                lib.skpi_report_set_as_of(self._h, seconds(as_of))
            if calendar is not None:
                self.set_calendar(calendar)
            if comparisons is not None:
                lib.skpi_report_set_comparisons(self._h, int(comparisons))
            if currency is not None:
                self.set_currency(currency)
            for channel in channels:
                self.add_channel(channel)
            for kpi in kpis:
                if isinstance(kpi, str):
                    self.add_kpi(kpi)
                else:
                    self.add_kpi(*kpi)
            for goal in goals:
                self.add_goal(goal)
            for objective in objectives:
                self.add_objective(objective)
            if sections is not None:
                self._set_sections(sections)
            for key, text in (templates or {}).items():
                self.set_template(key, text)
        except BaseException:
            self.close()
            raise

    @classmethod
    def _wrap(cls, ptr: Any, owner: Any, objectives: Iterable[Objective]) -> ReportDefinition:
        """A definition made by C (Definitions.build_report()) that borrows `objectives` of
        `owner`, which it keeps alive."""
        self = cls.__new__(cls)
        self._adopt(ptr, owner=owner)
        self._objectives = list(objectives)
        self._assembling = False
        self._sections = []
        return self

    def close(self) -> None:
        """Free the definition; its custom sections and borrowed objectives are let go."""
        if getattr(self, "_assembling", False):
            raise RuntimeError("a ReportDefinition cannot be closed by its own custom section")
        super().close()
        # C can no longer call the sections nor read the objectives.
        self._sections, self._objectives = [], []

    # what, for whom, when ------------------------------------------------------

    @property
    def title(self) -> str:
        """The report's title."""
        return required(lib.skpi_report_title(self._h))

    @title.setter
    def title(self, v: str) -> None:
        lib.skpi_report_set_title(self._h, utf8(v))

    @property
    def audience(self) -> Audience:
        """The Audience; setting a preset replaces the sections and the detail."""
        return Audience(lib.skpi_report_audience(self._h))

    @audience.setter
    def audience(self, a: Union[Audience, str]) -> None:
        lib.skpi_report_set_audience(self._h, int(_member(Audience, a)))

    @property
    def cadence(self) -> Cadence:
        """The report's cadence: it covers one period of it."""
        return Cadence(lib.skpi_report_cadence(self._h))

    @cadence.setter
    def cadence(self, c: Union[Cadence, str]) -> None:
        lib.skpi_report_set_cadence(self._h, int(_member(Cadence, c)))

    @property
    def as_of(self) -> int:
        """Epoch seconds: the report covers the last complete period before it."""
        return int(lib.skpi_report_as_of(self._h))

    @as_of.setter
    def as_of(self, t: TimeLike) -> None:
        lib.skpi_report_set_as_of(self._h, seconds(t))

    @property
    def comparisons(self) -> Comparison:
        """Comparison flags: PREVIOUS, YEAR_EARLIER, both, or NONE."""
        return Comparison(lib.skpi_report_comparisons(self._h))

    @comparisons.setter
    def comparisons(self, flags: Union[Comparison, int]) -> None:
        lib.skpi_report_set_comparisons(self._h, int(flags))

    def set_range(self, start: Optional[TimeLike], end: Optional[TimeLike] = None,
                  name: Optional[str] = None) -> None:
        """Cover [start, end) instead of the last full cadence period; end None: up to the
        as-of time (a range "since launch"); start None: back to the cadence period."""
        if start is None:
            lib.skpi_report_set_range(self._h, None, None)
            return
        p = Period(seconds(start), _TIME_END if end is None else seconds(end))
        lib.skpi_report_set_range(self._h, ctypes.byref(p), opt_text(name))

    @property
    def range(self) -> Optional[Tuple[int, Optional[int], str]]:
        """(start, end or None for "up to the as-of time", name) of an explicit range, or None."""
        p, name = Period(), ctypes.c_char_p()
        if lib.skpi_report_range(ctypes.byref(p), ctypes.byref(name), self._h) != 0:
            return None
        return int(p.start), None if p.end == _TIME_END else int(p.end), string(name.value) or ""

    def set_comparison_range(self, start: Optional[TimeLike], end: Optional[TimeLike] = None,
                             name: Optional[str] = None) -> None:
        """Compare with the named range [start, end) (Comparison.RANGE, in place of
        YEAR_EARLIER); start None removes it."""
        if start is None:
            lib.skpi_report_set_comparison_range(self._h, None, None)
            return
        if end is None:
            raise invalid("end", "a comparison range needs its end")
        lib.skpi_report_set_comparison_range(self._h, ctypes.byref(Period(seconds(start), seconds(end))),
                                             opt_text(name))

    @property
    def comparison_range(self) -> Optional[Tuple[int, int, str]]:
        """(start, end, name) of the named comparison range, or None."""
        p, name = Period(), ctypes.c_char_p()
        if lib.skpi_report_comparison_range(ctypes.byref(p), ctypes.byref(name), self._h) != 0:
            return None
        return int(p.start), int(p.end), string(name.value) or ""

    def set_campaign(self, campaign: Optional["Campaign"]) -> None:
        """Make this a campaign report (a copy of `campaign` is kept): its days against its
        baseline, KPIs on every channel measured on its channels, and Section.CAMPAIGN."""
        lib.skpi_report_set_campaign(self._h, None if campaign is None else Campaign._of(campaign))

    def set_calendar(self, calendar: Optional[Calendar]) -> None:
        """Use a copy of `calendar` (time zone, week start, fiscal year); None for the default."""
        lib.skpi_report_set_calendar(self._h, Calendar._of_optional(calendar))

    def set_currency(self, currency: str) -> None:
        """The currency shown after money amounts ('EUR'); '' for none."""
        lib.skpi_report_set_currency(self._h, utf8(currency))

    # what to measure -----------------------------------------------------------

    def add_channel(self, selector: str) -> None:
        """A channel or selector to break KPIs down by (default: every matching channel)."""
        lib.skpi_report_add_channel(self._h, utf8(selector))

    @property
    def channels(self) -> List[str]:
        """The channels and selectors KPIs are broken down by."""
        h = self._h
        return [required(lib.skpi_report_channel(h, i))
                for i in range(lib.skpi_report_channel_count(h))]

    def set_benchmarks(self, benchmarks: Optional[Benchmarks], industry: Optional[str] = None) -> None:
        """Compare with an industry's benchmarks (copied) in the Benchmarks section; None removes them."""
        ptr = Benchmarks._of(benchmarks) if benchmarks is not None else None
        lib.skpi_report_set_benchmarks(self._h, ptr, opt_text(industry))

    def set_effort(self, effort: Optional[Effort]) -> None:
        """The team's effort for the Resourcing section and the next steps (kept alive while set); None removes it."""
        lib.skpi_report_set_effort(self._h, Effort._of_optional(effort))
        self._effort = effort

    @property
    def industry(self) -> Optional[str]:
        """The industry of the report's benchmarks, or None."""
        b = lib.skpi_report_industry(self._h)
        return None if b is None else b.decode("utf-8", "replace")

    def add_kpi(self, metric: str, selector: Optional[str] = None) -> None:
        """A KPI: a metric on a selector ('*' when None). The first KPI leads the summary."""
        lib.skpi_report_add_kpi(self._h, utf8(metric), opt_text(selector))

    @property
    def kpis(self) -> List[Tuple[str, str]]:
        """[(metric, selector), ...] in the order added."""
        h = self._h
        metric, selector = ctypes.c_char_p(), ctypes.c_char_p()
        out: List[Tuple[str, str]] = []
        for i in range(lib.skpi_report_kpi_count(h)):
            lib.skpi_report_kpi(ctypes.byref(metric), ctypes.byref(selector), h, i)
            out.append((required(metric.value), required(selector.value)))
        return out

    def add_goal(self, goal: Goal) -> None:
        """A SMART goal; the definition keeps a copy, so later changes to `goal` do not count."""
        lib.skpi_report_add_goal(self._h, Goal._of(goal))

    @property
    def goal_count(self) -> int:
        """How many goals the definition holds (copies)."""
        return int(lib.skpi_report_goal_count(self._h))

    def add_objective(self, objective: Objective) -> None:
        """An objective with its key results and aligned objectives.

        Not copied: the definition reads it at each assembly (with its latest
        check-ins) and keeps it alive; closing it makes assemble() fail.
        """
        lib.skpi_report_add_objective(self._h, Objective._of(objective))
        self._objectives.append(objective)

    @property
    def objectives(self) -> List[Objective]:
        """The objectives the definition reads at each assembly."""
        return list(self._objectives)

    # how it reads ----------------------------------------------------------------

    @property
    def sections(self) -> List[Section]:
        """The Sections shown, in order. Setting a list makes the audience CUSTOM."""
        h = self._h
        return [Section(lib.skpi_report_section(h, i))
                for i in range(lib.skpi_report_section_count(h))]

    @sections.setter
    def sections(self, sections: Iterable[Union[Section, str, int]]) -> None:
        self._set_sections(sections)

    def _set_sections(self, sections: Iterable[Union[Section, str, int]]) -> None:
        values = [int(_member(Section, s)) for s in sections]
        arr = (ctypes.c_int * max(len(values), 1))(*values)
        lib.skpi_report_set_sections(self._h, arr, len(values))

    def show(self, section: Union[Section, str, int], on: bool = True) -> None:
        """Show a section at its place in the preset order (or hide it with on=False)."""
        lib.skpi_report_set_section(self._h, int(_member(Section, section)), 1 if on else 0)

    def hide(self, section: Union[Section, str, int]) -> None:
        """Hide a section (show(section, on=False))."""
        self.show(section, False)

    def set_spot_checks(self, sensitivity: float = 3.5, window: int = 12,
                        min_change: float = 20.0) -> None:
        """Spot-check thresholds: modified z-score above `sensitivity` against the `window`
        periods before, and a swing of at least `min_change` percent. Arguments left out
        take the library's defaults."""
        lib.skpi_report_set_spot_checks(self._h, float(sensitivity), int(window),
                                        float(min_change))

    def set_top_posts(self, count: int, metric: Optional[str] = None) -> None:
        """How many top posts to show (0 to 50) and the metric ranking them (None: keep it)."""
        lib.skpi_report_set_top_posts(self._h, int(count), opt_text(metric))

    def set_max_kpis(self, count: int) -> None:
        """The most KPIs in the KPI table (0: all)."""
        lib.skpi_report_set_max_kpis(self._h, int(count))

    def add_section(self, title: Optional[str], fn: Callable[[Document], object]) -> None:
        """A custom section: `fn(doc)` appends blocks to the Document being assembled.

        It runs at each assembly, at the place of Section.CUSTOM, after a
        heading `title` (None for none). `doc` is usable only during the call.
        Its return value is ignored; an exception it raises stops the assembly
        and comes out of assemble(). As in C, it must not close the definition,
        the dataset or the objectives being assembled.
        """
        if not callable(fn):
            raise TypeError(f"a custom section must be callable, got {type(fn).__name__}")

        def section(doc_ptr: Any, _report: Any, _userdata: Any) -> None:
            doc = Document._wrap(doc_ptr, borrowed=True)
            try:
                fn(doc)
            finally:
                doc._ptr = None  # C owns the document; it is freed if assembly stops

        cfunc = SECTION_FN(guarded(section))
        lib.skpi_report_add_section(self._h, opt_text(title), cfunc, None)
        self._sections.append((title, fn, cfunc))

    def set_template(self, key: Union[Template, str, int], text: Optional[str]) -> None:
        """Replace a text (a Template, its int or its name); None restores the default.

        `{name}` is replaced by a value the template offers (Template.placeholders);
        `{{` and `}}` stand for braces.
        """
        lib.skpi_report_set_template(self._h, int(_member(Template, key)), opt_text(text))

    def template(self, key: Union[Template, str, int]) -> str:
        """The text in force for a template."""
        member = _member(Template, key)
        out = lib.skpi_report_template(self._h, int(member))
        if out is None:
            raise invalid("key", f"{member!r} is not a Template")
        return required(out)

    # assembly ------------------------------------------------------------------

    def assemble(self, dataset: Dataset) -> Document:
        """Compute the figures from `dataset`, the goals and the objectives, and build the
        Document (close it, or use it in a with block, when done)."""
        h = self._h
        for objective in self._objectives:
            if objective.closed:
                raise ValueError("an objective of this definition was closed (or removed from "
                                 "its Definitions); a definition reads its objectives at each "
                                 "assembly")
        out = DocP()
        self._assembling = True
        _running.depth = getattr(_running, "depth", 0) + 1
        try:
            lib.skpi_report_assemble(ctypes.byref(out), h, Dataset._of(dataset))
        finally:
            _running.depth -= 1
            self._assembling = False
        return Document._wrap(out)

    def __repr__(self) -> str:
        if self.closed:
            return "<ReportDefinition closed>"
        return (f"<ReportDefinition {self.title!r}: {self.audience.key}, "
                f"{self.cadence.name.lower()}, {len(self.kpis)} KPIs>")
