"""Documents: the model of a report (headings, text, KPI tables, charts, scorecards, posts)
that the renderers write out."""
from __future__ import annotations

import ctypes
import enum
import warnings
from typing import (TYPE_CHECKING, Any, Dict, Iterable, List, Literal, Mapping, Optional,
                    Sequence, Tuple, Type, TypeVar, Union, overload)

from ._handle import Handle
from ._errors import invalid
from ._lib import DocP, lib, opt_text, required, string, version_init
from ._lib import text as utf8
from ._types import (CValue, DocChart, DocGoal, DocKeyResult, DocKpiRow, DocObjective, DocPost,
                     Period)
from ._typing import PeriodLike
from .calendar import as_period
from .catalog import Direction, Unit
from .values import Value, to_c_value

if TYPE_CHECKING:
    from .render import Format
    from .report_definition import Template
    from .sink import SinkTarget

_B = TypeVar("_B", bound="Block")
#: A number for a card or row: a Value, a plain number, or None (missing).
Number = Union[Value, float, None]


class BlockKind(enum.IntEnum):
    """The kinds of blocks a document holds."""

    HEADING = 0
    PARAGRAPH = 1
    KPI_TABLE = 2
    TABLE = 3
    CHART = 4
    GOALS = 5
    OBJECTIVES = 6
    POSTS = 7
    CALLOUT = 8
    LIST = 9


class SpanStyle(enum.IntEnum):
    """How a span of a paragraph is set."""

    PLAIN = 0
    EMPHASIS = 1
    STRONG = 2


class Tone(enum.IntEnum):
    """The tone of a card or callout (good, bad, neutral, ...)."""

    NEUTRAL = 0
    GOOD = 1
    WARNING = 2
    BAD = 3


class ChartKind(enum.IntEnum):
    """The kinds of charts."""

    LINE = 0
    BAR = 1


class ChartAxis(enum.IntEnum):
    """What a chart's categories are: JSON and CSV write each label in the matching column."""

    PERIODS = 0
    CHANNELS = 1
    ITEMS = 2


class SeriesStyle(enum.IntEnum):
    """How a chart series is drawn."""

    SOLID = 0
    DASHED = 1


class CalloutKind(enum.IntEnum):
    """The kinds of callouts (info, win, alert, ...)."""

    INFO = 0
    WIN = 1
    ALERT = 2


class Align(enum.IntEnum):
    """The alignment of a table column."""

    LEFT = 0
    RIGHT = 1


_ENUMS = {"unit": Unit, "direction": Direction, "tone": Tone, "kind": ChartKind}


def _fill(struct_type: Any, init: Any, fields: Mapping[str, Any]) -> Any:
    """A versioned card struct: defaults from C, then the given fields (copied by C later)."""
    s = version_init(init, struct_type, getattr(struct_type, "_version_", 1))
    names = dict(struct_type._fields_)
    for key, value in fields.items():
        if key not in names or key == "version":
            raise TypeError(f"unexpected field {key!r}")
        ftype = names[key]
        if ftype is CValue:
            setattr(s, key, to_c_value(value))
        elif ftype is ctypes.c_char_p:
            setattr(s, key, opt_text(value))  # the struct keeps the bytes alive
        elif key == "sparkline":
            arr = (ctypes.c_double * len(value))(*map(float, value))
            s.sparkline = ctypes.cast(arr, ctypes.POINTER(ctypes.c_double))
            s.sparkline_length = len(value)
            s._sparkline_keep = arr
        elif key == "aspirational":
            s.aspirational = 1 if value else 0
        else:
            setattr(s, key, int(value) if not isinstance(value, float) else value)
    return s


def _cell(value: object) -> bytes:
    """A table cell or chart label: text (str or UTF-8 bytes) as it is, anything else as str()."""
    return utf8(value if isinstance(value, (str, bytes)) else str(value))


def _read(struct: Any) -> Dict[str, Any]:
    """A struct read back from C as a dict of Python values."""
    out: Dict[str, Any] = {}
    for key, ftype in struct._fields_:
        if key in ("version", "sparkline_length"):
            continue
        v = getattr(struct, key)
        if ftype is CValue:
            v = Value._from_c(v)
        elif ftype is ctypes.c_char_p:
            v = string(v)
        elif key == "sparkline":
            n = struct.sparkline_length
            v = [struct.sparkline[i] for i in range(n)] if n else []
        elif key == "aspirational":
            v = bool(v)
        elif key in _ENUMS:
            v = _ENUMS[key](v)
        out[key] = v
    return out


class Block:
    """One block of a report, by index; subclasses add items and read them back."""

    def __init__(self, report: Document, index: int) -> None:
        self.report = report
        self.index = index

    @property
    def _d(self) -> Any:
        return self.report._h

    @property
    def kind(self) -> BlockKind:
        """What kind of block this is."""
        out = ctypes.c_int()
        lib.skpi_doc_block_kind(ctypes.byref(out), self._d, self.index)
        return BlockKind(out.value)

    @property
    def title(self) -> Optional[str]:
        """The block's title (None when it has none)."""
        out = ctypes.c_char_p()
        lib.skpi_doc_block_title(ctypes.byref(out), self._d, self.index)
        return string(out.value)

    def __len__(self) -> int:
        out = ctypes.c_size_t()
        lib.skpi_doc_block_size(ctypes.byref(out), self._d, self.index)
        return int(out.value)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.index}: {self.title!r}>"


class Heading(Block):
    """A heading block."""

    @property
    def level(self) -> int:
        """The heading level, 1 (top) and down."""
        out = ctypes.c_int()
        lib.skpi_doc_heading_level(ctypes.byref(out), self._d, self.index)
        return int(out.value)


class Paragraph(Block):
    """A paragraph of styled spans."""

    def add_span(self, text: Union[str, bytes], style: SpanStyle = SpanStyle.PLAIN) -> Paragraph:
        """Append a span of text in a style; returns the paragraph."""
        lib.skpi_doc_paragraph_add_span(self._d, self.index, int(style), utf8(text))
        return self

    @property
    def spans(self) -> List[Tuple[SpanStyle, str]]:
        """The spans, [(SpanStyle, text), ...]."""
        style, text = ctypes.c_int(), ctypes.c_char_p()
        out: List[Tuple[SpanStyle, str]] = []
        for i in range(len(self)):
            lib.skpi_doc_span(ctypes.byref(style), ctypes.byref(text), self._d, self.index, i)
            out.append((SpanStyle(style.value), required(text.value)))
        return out

    @property
    def text(self) -> str:
        """The paragraph's text without styles."""
        return "".join(t for _, t in self.spans)


class Callout(Block):
    """A callout: a win, an alert, a note."""

    def _get(self) -> Tuple[CalloutKind, str]:
        kind, text = ctypes.c_int(), ctypes.c_char_p()
        lib.skpi_doc_callout(ctypes.byref(kind), ctypes.byref(text), self._d, self.index)
        return CalloutKind(kind.value), required(text.value)

    @property
    def callout_kind(self) -> CalloutKind:
        """What kind of callout it is."""
        return self._get()[0]

    @property
    def text(self) -> str:
        """The callout's text."""
        return self._get()[1]


class ListBlock(Block):
    """A bulleted or numbered list."""

    def add_item(self, text: Union[str, bytes]) -> ListBlock:
        """Append an item; returns the list."""
        lib.skpi_doc_list_add_item(self._d, self.index, utf8(text))
        return self

    @property
    def ordered(self) -> bool:
        """True for a numbered list."""
        out = ctypes.c_int()
        lib.skpi_doc_list_ordered(ctypes.byref(out), self._d, self.index)
        return bool(out.value)

    @property
    def items(self) -> List[str]:
        """The items, in order."""
        out = ctypes.c_char_p()
        items: List[str] = []
        for i in range(len(self)):
            lib.skpi_doc_list_item(ctypes.byref(out), self._d, self.index, i)
            items.append(required(out.value))
        return items


class KpiTable(Block):
    """A table of KPIs: value, previous, change, trend."""

    def add_row(self, label: str, value: Number = None, **fields: Any) -> KpiTable:
        """A metric line: value, previous, change, change_percent, change_points, previous2,
        change2, change2_percent, change2_points (numbers, Values or None), channel, unit,
        direction, level, sparkline."""
        row = _fill(DocKpiRow, lib.skpi_doc_kpi_row_init, dict(label=label, value=value, **fields))
        lib.skpi_doc_kpi_table_add_row(self._d, self.index, ctypes.byref(row))
        return self

    @property
    def comparisons(self) -> Tuple[Optional[str], Optional[str]]:
        """The labels of the two comparison columns (None when not shown)."""
        a, b = ctypes.c_char_p(), ctypes.c_char_p()
        lib.skpi_doc_kpi_table_comparisons(ctypes.byref(a), ctypes.byref(b), self._d, self.index)
        return string(a.value), string(b.value)

    @property
    def rows(self) -> List[Dict[str, Any]]:
        """The rows, as dicts of their fields."""
        out: List[Dict[str, Any]] = []
        for i in range(len(self)):
            row = version_init(lib.skpi_doc_kpi_row_init, DocKpiRow)
            lib.skpi_doc_kpi_row_get(ctypes.byref(row), self._d, self.index, i)
            out.append(_read(row))
        return out


class Table(Block):
    """A plain table of text cells."""

    def add_row(self, cells: Iterable[object]) -> Table:
        """Append a row of cells (text, numbers shown with str(), None for empty)."""
        n = self.columns
        row = list(cells)
        if len(row) != n:
            raise invalid("cells", f"the table has {n} columns, the row {len(row)} cells")
        arr = (ctypes.c_char_p * n)(*[None if c is None else _cell(c) for c in row])
        lib.skpi_doc_table_add_row(self._d, self.index, arr)
        return self

    @property
    def columns(self) -> int:
        """The number of columns."""
        out = ctypes.c_size_t()
        lib.skpi_doc_table_columns(ctypes.byref(out), self._d, self.index)
        return int(out.value)

    @property
    def headers(self) -> List[Tuple[str, Align]]:
        """The column headers, [(text, Align), ...]."""
        text, align = ctypes.c_char_p(), ctypes.c_int()
        out: List[Tuple[str, Align]] = []
        for c in range(self.columns):
            lib.skpi_doc_table_header(ctypes.byref(text), ctypes.byref(align), self._d, self.index, c)
            out.append((required(text.value), Align(align.value)))
        return out

    def row(self, i: int) -> List[Optional[str]]:
        """Row i as a list of cells, read in one call."""
        cells = ctypes.POINTER(ctypes.c_char_p)()
        lib.skpi_doc_table_row(ctypes.byref(cells), self._d, self.index, i)
        return [string(cells[c]) for c in range(self.columns)]

    @property
    def rows(self) -> List[List[Optional[str]]]:
        """The rows, each a list of cells."""
        return [self.row(r) for r in range(len(self))]


class Chart(Block):
    """A chart (line, bar, ...) of named series over labels."""

    def add_series(self, name: str, labels: Iterable[object], values: Iterable[float],
                   style: SeriesStyle = SeriesStyle.SOLID) -> Chart:
        """A named series of (label, value) points; NaN for a gap."""
        texts = [_cell(x) for x in labels]
        numbers = [float(v) for v in values]
        if len(texts) != len(numbers):
            raise invalid("values", f"{len(texts)} labels but {len(numbers)} values")
        n = len(texts)
        larr = (ctypes.c_char_p * max(n, 1))(*texts)
        varr = (ctypes.c_double * max(n, 1))(*numbers)
        lib.skpi_doc_chart_add_series(None, self._d, self.index, utf8(name), int(style), larr,
                                      ctypes.addressof(varr), n)
        return self

    @property
    def info(self) -> Dict[str, Any]:
        """The chart's fields (kind, title, description, unit, range) as a dict."""
        c = version_init(lib.skpi_doc_chart_init, DocChart)
        lib.skpi_doc_chart_get(ctypes.byref(c), self._d, self.index)
        return _read(c)

    @property
    def series(self) -> List[Tuple[str, SeriesStyle, List[str], List[float]]]:
        """The series, [(name, SeriesStyle, labels, values), ...]."""
        name, style, n = ctypes.c_char_p(), ctypes.c_int(), ctypes.c_size_t()
        labels = ctypes.POINTER(ctypes.c_char_p)()
        values = ctypes.POINTER(ctypes.c_double)()
        out: List[Tuple[str, SeriesStyle, List[str], List[float]]] = []
        for i in range(len(self)):
            lib.skpi_doc_chart_series(ctypes.byref(name), ctypes.byref(style), ctypes.byref(n),
                                      ctypes.byref(labels), ctypes.byref(values), self._d,
                                      self.index, i)
            out.append((required(name.value), SeriesStyle(style.value),
                        [required(labels[j]) for j in range(n.value)],
                        [values[j] for j in range(n.value)]))
        return out


    @property
    def axis(self) -> ChartAxis:
        """What the categories are (periods, channels or named items)."""
        out = ctypes.c_int()
        lib.skpi_doc_chart_axis(ctypes.byref(out), self._d, self.index)
        return ChartAxis(out.value)

    def name_category(self, label: str, name: Optional[str]) -> Chart:
        """Show the category `label` to readers as `name` (JSON and CSV keep the label)."""
        lib.skpi_doc_chart_name_category(self._d, self.index, utf8(label), opt_text(name))
        return self

    @property
    def category_names(self) -> List[str]:
        """The categories as readers see them: each one's name, else its label."""
        name = ctypes.c_char_p()
        out = []
        for j in range(len(self.categories)):
            lib.skpi_doc_chart_category_name(ctypes.byref(name), self._d, self.index, j)
            out.append(required(name.value))
        return out

    @property
    def categories(self) -> List[str]:
        """The category axis: the labels the points sit at, in order (one per point when every
        series has the same labels, else each distinct label where it first appears)."""
        labels = ctypes.POINTER(ctypes.c_char_p)()
        n = ctypes.c_size_t()
        lib.skpi_doc_chart_categories(ctypes.byref(labels), ctypes.byref(n), self._d, self.index)
        return [required(labels[j]) for j in range(n.value)]

    def series_categories(self, i: int) -> List[int]:
        """Where each point of series i sits on the category axis (indices into categories)."""
        n = len(self.series[i][2])
        index = ctypes.POINTER(ctypes.c_size_t)()
        lib.skpi_doc_chart_series_categories(ctypes.byref(index), self._d, self.index, i)
        return [int(index[j]) for j in range(n)]


class Goals(Block):
    """A scorecard of goals."""

    def add(self, name: str, status: str, **fields: Any) -> Goals:
        """A goal scorecard: status key ('on_track'), status_label, tone, unit, current, target,
        progress, expected, forecast, deadline, note, projected, likelihood, caveat, owner,
        deadline_name (the deadline in readers' words)."""
        g = _fill(DocGoal, lib.skpi_doc_goal_init, dict(name=name, status=status, **fields))
        lib.skpi_doc_goals_add(self._d, self.index, ctypes.byref(g))
        return self

    @property
    def goals(self) -> List[Dict[str, Any]]:
        """The goal cards, as dicts of their fields."""
        out: List[Dict[str, Any]] = []
        for i in range(len(self)):
            g = version_init(lib.skpi_doc_goal_init, DocGoal, DocGoal._version_)
            lib.skpi_doc_goal_get(ctypes.byref(g), self._d, self.index, i)
            out.append(_read(g))
        return out


class Objectives(Block):
    """A scorecard of objectives with their key results."""

    def add(self, title: str, **fields: Any) -> int:
        """An objective scorecard (owner, aspirational, score, score_rounded, band, band_label,
        tone, interpretation, depth); returns its index for add_key_result()."""
        o = _fill(DocObjective, lib.skpi_doc_objective_init, dict(title=title, **fields))
        out = ctypes.c_size_t()
        lib.skpi_doc_objectives_add(ctypes.byref(out), self._d, self.index, ctypes.byref(o))
        return int(out.value)

    def add_key_result(self, objective: int, title: str, **fields: Any) -> Objectives:
        """A key result line (unit, start, current, target, score, tone, note, owner) under an objective."""
        k = _fill(DocKeyResult, lib.skpi_doc_key_result_init, dict(title=title, **fields))
        lib.skpi_doc_objective_add_key_result(self._d, self.index, objective, ctypes.byref(k))
        return self

    @property
    def objectives(self) -> List[Dict[str, Any]]:
        """The objective cards, [dict(..., key_results=[dict, ...]), ...]."""
        out: List[Dict[str, Any]] = []
        nkr = ctypes.c_size_t()
        for i in range(len(self)):
            o = version_init(lib.skpi_doc_objective_init, DocObjective, DocObjective._version_)
            lib.skpi_doc_objective_get(ctypes.byref(o), ctypes.byref(nkr), self._d, self.index, i)
            d = _read(o)
            d["key_results"] = []
            for j in range(nkr.value):
                k = version_init(lib.skpi_doc_key_result_init, DocKeyResult, DocKeyResult._version_)
                lib.skpi_doc_key_result_get(ctypes.byref(k), self._d, self.index, i, j)
                d["key_results"].append(_read(k))
            out.append(d)
        return out


class Posts(Block):
    """A ranking of posts."""

    def add(self, channel: str, metric: str, value: Number, **fields: Any) -> Posts:
        """A post (published, published_name, text, url, unit, ratio), ranked in the order added."""
        p = _fill(DocPost, lib.skpi_doc_post_init, dict(channel=channel, metric=metric, value=value,
                                                         **fields))
        lib.skpi_doc_posts_add(self._d, self.index, ctypes.byref(p))
        return self

    @property
    def posts(self) -> List[Dict[str, Any]]:
        """The post cards, as dicts of their fields."""
        out: List[Dict[str, Any]] = []
        for i in range(len(self)):
            p = version_init(lib.skpi_doc_post_init, DocPost, DocPost._version_)
            lib.skpi_doc_post_get(ctypes.byref(p), self._d, self.index, i)
            out.append(_read(p))
        return out


_BLOCKS: Dict[BlockKind, Type[Block]] = {BlockKind.HEADING: Heading, BlockKind.PARAGRAPH: Paragraph,
           BlockKind.KPI_TABLE: KpiTable, BlockKind.TABLE: Table, BlockKind.CHART: Chart,
           BlockKind.GOALS: Goals, BlockKind.OBJECTIVES: Objectives, BlockKind.POSTS: Posts,
           BlockKind.CALLOUT: Callout, BlockKind.LIST: ListBlock}


class Document(Handle):
    """A document (C skpi_doc): blocks appended in reading order, rendered with render().

    ReportDefinition.assemble() builds one; a host may build one itself too."""

    _free = staticmethod(lib.skpi_doc_free)

    def __init__(self, title: Optional[str] = None, subtitle: Optional[str] = None,
                 currency: Optional[str] = None, language: Optional[str] = None) -> None:
        ptr = DocP()
        lib.skpi_doc_new(ctypes.byref(ptr))
        self._adopt(ptr)
        for key, value in (("title", title), ("subtitle", subtitle), ("currency", currency),
                           ("language", language)):
            if value is not None:
                setattr(self, key, value)

    @classmethod
    def _wrap(cls, ptr: Any, borrowed: bool = False) -> Document:
        """A Document over a C document: owned (assembled), or borrowed (lent to a custom section)."""
        self = cls.__new__(cls)
        self._adopt(ptr, borrowed=borrowed)
        return self

    @property
    def title(self) -> Optional[str]:
        """The document's title."""
        return string(lib.skpi_doc_title(self._h))

    @title.setter
    def title(self, v: str) -> None:
        lib.skpi_doc_set_title(self._h, utf8(v))

    @property
    def subtitle(self) -> Optional[str]:
        """The line under the title."""
        return string(lib.skpi_doc_subtitle(self._h))

    @subtitle.setter
    def subtitle(self, v: str) -> None:
        lib.skpi_doc_set_subtitle(self._h, utf8(v))

    @property
    def period(self) -> Optional[Tuple[Period, str]]:
        """The period the document reports on and its label ("" when none), or None when unset."""
        out, label = Period(), ctypes.c_char_p()
        try:
            lib.skpi_doc_period(ctypes.byref(out), ctypes.byref(label), self._h)
        except LookupError:
            return None
        return out, required(label.value)

    def set_period(self, period: Optional[PeriodLike], label: Optional[str] = None) -> None:
        """Record the period the document reports on (None removes it) and its label for readers;
        assembled reports have it already."""
        p = None if period is None else ctypes.byref(as_period(period))
        lib.skpi_doc_set_period(self._h, p, opt_text(label))

    @property
    def currency(self) -> Optional[str]:
        """The currency shown after money amounts ('EUR')."""
        return string(lib.skpi_doc_currency(self._h))

    @currency.setter
    def currency(self, v: str) -> None:
        lib.skpi_doc_set_currency(self._h, utf8(v))

    @property
    def language(self) -> Optional[str]:
        """The language tag of the output ('en')."""
        return string(lib.skpi_doc_language(self._h))

    @language.setter
    def language(self, v: str) -> None:
        lib.skpi_doc_set_language(self._h, utf8(v))

    def set_text(self, key: Union[Template, str, int], text: Optional[str]) -> None:
        """Replace a word the HTML, Markdown and text renderers write: a Template from
        COLUMN_METRIC on (the member, its int or its name); None restores the default.
        An assembled Document has those its ReportDefinition replaced."""
        from .report_definition import Template, _member
        lib.skpi_doc_set_text(self._h, int(_member(Template, key)), opt_text(text))

    def text(self, key: Union[Template, str, int]) -> str:
        """The text the renderers write for a word Template (this Document's or the default)."""
        from .report_definition import Template, _member
        member = _member(Template, key)
        out = lib.skpi_doc_text(self._h, int(member))
        if out is None:
            raise invalid("key", f"{member!r} is not a word the renderers write")
        return required(out)

    def __len__(self) -> int:
        return int(lib.skpi_doc_block_count(self._h))

    def __getitem__(self, index: int) -> Block:
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("block index out of range")
        kind = ctypes.c_int()
        lib.skpi_doc_block_kind(ctypes.byref(kind), self._h, index)
        return _BLOCKS[BlockKind(kind.value)](self, index)

    @property
    def blocks(self) -> List[Block]:
        """Every block, in reading order."""
        return [self[i] for i in range(len(self))]

    def _added(self, cls: Type[_B], out: Any) -> _B:
        return cls(self, out.value)

    def add_heading(self, text: str, level: int = 1) -> Heading:
        """Append a heading (level 1 at the top)."""
        out = ctypes.c_size_t()
        lib.skpi_doc_add_heading(ctypes.byref(out), self._h, level, utf8(text))
        return self._added(Heading, out)

    def add_paragraph(self, *spans: Union[str, bytes, Tuple[SpanStyle, str]]) -> Paragraph:
        """A paragraph of spans: plain str, or (SpanStyle, text) pairs."""
        out = ctypes.c_size_t()
        lib.skpi_doc_add_paragraph(ctypes.byref(out), self._h, None)
        p = self._added(Paragraph, out)
        for span in spans:
            if isinstance(span, (str, bytes)):
                p.add_span(span)
            else:
                style, text = span
                p.add_span(text, style)
        return p

    def add_callout(self, text: str, kind: CalloutKind = CalloutKind.INFO,
                    title: Optional[str] = None) -> Callout:
        """Append a callout: a win, an alert, a note."""
        out = ctypes.c_size_t()
        lib.skpi_doc_add_callout(ctypes.byref(out), self._h, int(kind), opt_text(title), utf8(text))
        return self._added(Callout, out)

    def add_list(self, items: Iterable[str] = (), ordered: bool = False) -> ListBlock:
        """Append a list of items (numbered when `ordered`)."""
        out = ctypes.c_size_t()
        lib.skpi_doc_add_list(ctypes.byref(out), self._h, 1 if ordered else 0)
        block = self._added(ListBlock, out)
        for item in items:
            block.add_item(item)
        return block

    def add_kpi_table(self, title: Optional[str] = None, comparison: Optional[str] = None,
                      comparison2: Optional[str] = None) -> KpiTable:
        """Append a KPI table; `comparison` and `comparison2` label its comparison columns."""
        out = ctypes.c_size_t()
        lib.skpi_doc_add_kpi_table(ctypes.byref(out), self._h, opt_text(title), opt_text(comparison),
                                   opt_text(comparison2))
        return self._added(KpiTable, out)

    def add_table(self, title: Optional[str], headers: Sequence[str],
                  rows: Iterable[Iterable[object]] = (),
                  align: Optional[Sequence[Align]] = None) -> Table:
        """Append a table with these column headers (and alignments), then its rows."""
        n = len(headers)
        harr = (ctypes.c_char_p * max(n, 1))(*[utf8(h) for h in headers])
        aarr = None if align is None else (ctypes.c_int * max(n, 1))(*[int(a) for a in align])
        if align is not None and len(align) != n:
            raise invalid("align", f"{n} headers but {len(align)} alignments")
        out = ctypes.c_size_t()
        lib.skpi_doc_add_table(ctypes.byref(out), self._h, opt_text(title), n, harr, aarr)
        table = self._added(Table, out)
        for row in rows:
            table.add_row(row)
        return table

    def add_chart(self, title: str, kind: ChartKind = ChartKind.LINE,
                  description: Optional[str] = None, unit: Unit = Unit.COUNT,
                  y_range: Optional[Tuple[float, float]] = None,
                  axis: ChartAxis = ChartAxis.PERIODS) -> Chart:
        """Append a chart; add its series with Chart.add_series(). `axis` says what the
        labels of its points are (periods, channels or named items)."""
        c = _fill(DocChart, lib.skpi_doc_chart_init,
                  dict(title=title, kind=kind, description=description, unit=unit))
        if y_range is not None:
            c.fixed_range, c.y_min, c.y_max = 1, float(y_range[0]), float(y_range[1])
        out = ctypes.c_size_t()
        lib.skpi_doc_add_chart(ctypes.byref(out), self._h, ctypes.byref(c))
        chart = self._added(Chart, out)
        if axis != ChartAxis.PERIODS:
            lib.skpi_doc_chart_set_axis(self._h, chart.index, int(axis))
        return chart

    def add_goals(self, title: Optional[str] = None) -> Goals:
        """Append a goal scorecard; add goals with Goals.add()."""
        out = ctypes.c_size_t()
        lib.skpi_doc_add_goals(ctypes.byref(out), self._h, opt_text(title))
        return self._added(Goals, out)

    def add_objectives(self, title: Optional[str] = None) -> Objectives:
        """Append an objective scorecard; add objectives with Objectives.add()."""
        out = ctypes.c_size_t()
        lib.skpi_doc_add_objectives(ctypes.byref(out), self._h, opt_text(title))
        return self._added(Objectives, out)

    def add_posts(self, title: Optional[str] = None) -> Posts:
        """Append a ranking of posts; add posts with Posts.add()."""
        out = ctypes.c_size_t()
        lib.skpi_doc_add_posts(ctypes.byref(out), self._h, opt_text(title))
        return self._added(Posts, out)

    @overload
    def render(self,  # type: ignore[misc]  # PDF and workbook are bytes, the rest text
               format: Literal["pdf", "xlsx", Format.PDF, Format.XLSX], sink: None = None,
               **options: Any) -> bytes:
        ...

    @overload
    def render(self, format: Union[Format, str] = "markdown", sink: None = None,
               **options: Any) -> str:
        ...

    @overload
    def render(self, format: Union[Format, str], sink: SinkTarget, **options: Any) -> None:
        ...

    def render(self, format: Union[Format, str] = "markdown", sink: Optional[SinkTarget] = None,
               **options: Any) -> Union[str, bytes, None]:
        """Render (see socialkpi.render): text (bytes for PDF and XLSX) when no sink is given."""
        from .render import render
        return render(self, format, sink, **options)

    def __repr__(self) -> str:
        if self.closed:
            return "<Document closed>"
        return f"<Document {self.title!r}: {len(self)} blocks>"


def __getattr__(name: str) -> Any:
    """Report, the name of earlier releases for Document: it goes on working, with a
    DeprecationWarning."""
    if name == "Report":
        warnings.warn("socialkpi.Report is deprecated: the class is socialkpi.Document",
                      DeprecationWarning, stacklevel=2)
        return Document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
