"""Definitions files: goals, objectives, custom metrics and report definitions in JSON.

A Definitions owns its catalog, goals and objectives and lends them out (the
C rules of definitions.h, made safe for Python):

- a lent Goal, Objective or Catalog keeps its Definitions alive, so dropping
  the Definitions first never frees what a wrapper still points at;
- close() on a lent item does nothing (the Definitions owns it);
- removing a goal or objective, or closing the Definitions, makes every
  wrapper of it unusable: later use raises ValueError, never touches freed
  memory;
- a ReportDefinition from build_report() keeps the Definitions alive and
  borrows its objectives, as C does: once one of them is removed it can no
  longer be assembled (ValueError; build it again), and closing the
  Definitions closes it.
"""
from __future__ import annotations

import ctypes
import os
import weakref
from typing import Any, Dict, Generic, Iterator, List, Mapping, Optional, TypeVar, Union, overload

from ._handle import Handle
from ._lib import CampaignP, DefinitionsP, GoalP, ObjectiveP, ReportDefP, lib, opt_text, required, take_bytes
from ._typing import PathLike, PeriodLike, TimeLike
from ._lib import text as utf8
from .calendar import seconds
from .calendar import Calendar
from .campaign import Campaign
from .catalog import Catalog
from .compete import Benchmarks
from .dataset import Dataset
from .effort import Effort
from .goal import Goal
from .okr import Curve, Objective, ObjectiveType
from .report_definition import ReportDefinition, assembling


_T = TypeVar("_T", Goal, Objective)
_D = TypeVar("_D")


def _addr(ptr: Any) -> Optional[int]:
    return ctypes.cast(ptr, ctypes.c_void_p).value


class _Kind(Generic[_T]):
    """The C functions of one kind of item a Definitions holds by id."""

    def __init__(self, name: str, cls: Any, count: Any, at: Any, id_at: Any, find: Any,
                 remove: Any) -> None:
        self.name, self.cls = name, cls
        self.count, self.at, self.id_at, self.find, self.remove = count, at, id_at, find, remove


_GOALS: _Kind[Goal] = _Kind("goal", Goal, lib.skpi_definitions_goal_count, lib.skpi_definitions_goal,
               lib.skpi_definitions_goal_id, lib.skpi_definitions_find_goal,
               lib.skpi_definitions_remove_goal)
_OBJECTIVES: _Kind[Objective] = _Kind("objective", Objective, lib.skpi_definitions_objective_count,
                    lib.skpi_definitions_objective, lib.skpi_definitions_objective_id,
                    lib.skpi_definitions_find_objective, lib.skpi_definitions_remove_objective)


class ItemsView(Mapping[str, _T]):
    """The goals or objectives of a Definitions by id, in document order (a live view).

    Values are lent Goal or Objective objects; an unknown id raises
    NotFoundError; `del view[id]` removes the item from the Definitions.
    """

    def __init__(self, defs: Definitions, kind: _Kind[_T]) -> None:
        self._defs = defs
        self._kind: _Kind[_T] = kind

    def __getitem__(self, id: str) -> _T:
        return self._defs._item(self._kind, self._defs._index(self._kind, id))

    def __delitem__(self, id: str) -> None:
        self._defs._remove(self._kind, id)

    def __iter__(self) -> Iterator[str]:
        return iter(self._defs._ids(self._kind))

    def __len__(self) -> int:
        return int(self._kind.count(self._defs._h))

    def __contains__(self, id: object) -> bool:
        try:
            self._defs._index(self._kind, id)
        except (LookupError, TypeError):
            return False
        return True

    @overload  # type: ignore[override]
    def get(self, id: str) -> Optional[_T]:
        ...

    @overload
    def get(self, id: str, default: Union[_T, _D]) -> Union[_T, _D]:
        ...

    def get(self, id: str, default: Any = None) -> Any:
        """The item with this id, or `default` when there is none."""
        return self[id] if id in self else default

    def __repr__(self) -> str:
        return f"<{self._kind.name}s: {', '.join(self._defs._ids(self._kind))}>"


class Definitions(Handle):
    """Goals, objectives, custom metrics and report definitions, read from and written to the
    JSON documents of docs/definitions.md (the files the skpi tool reads).

    `Definitions(base)` is empty, with a catalog that starts as a copy of
    `base` (the built-in catalog by default).
    """

    _free = staticmethod(lib.skpi_definitions_free)

    def __init__(self, base: Optional[Catalog] = None) -> None:
        ptr = DefinitionsP()
        lib.skpi_definitions_new(ctypes.byref(ptr), Catalog._of_optional(base))
        self._setup(ptr)

    def _setup(self, ptr: Any) -> None:
        self._adopt(ptr)
        # Every live wrapper of a goal or objective, by C address: one object
        # per item, and the list of what to invalidate when an item goes.
        self._lent_items: Dict[str, weakref.WeakValueDictionary[Optional[int], Any]] = {_GOALS.name: weakref.WeakValueDictionary(),
                            _OBJECTIVES.name: weakref.WeakValueDictionary()}
        self._built: weakref.WeakSet[ReportDefinition] = weakref.WeakSet()  # report definitions borrowing our objectives
        # Lent objectives aligned with objectives of another owner, held so
        # that the alignment keeps the other side alive (Objective._repin()).
        self._pinned: Dict[Any, Any] = {}

    @classmethod
    def _wrap(cls, ptr: Any) -> Definitions:
        self = cls.__new__(cls)
        self._setup(ptr)
        return self

    # reading and writing JSON --------------------------------------------------

    @classmethod
    def load(cls, path: PathLike, base: Optional[Catalog] = None) -> Definitions:
        """Load a definitions file; errors name the file, the place and the problem."""
        out = DefinitionsP()
        lib.skpi_definitions_load_file(ctypes.byref(out), os.fsencode(path),
                                       Catalog._of_optional(base))
        return cls._wrap(out)

    @classmethod
    def loads(cls, data: Union[str, bytes, bytearray, memoryview], base: Optional[Catalog] = None) -> Definitions:
        """Load definitions from a JSON document given as str or UTF-8 bytes."""
        raw = bytes(data) if isinstance(data, (bytearray, memoryview)) else utf8(data)
        out = DefinitionsP()
        lib.skpi_definitions_load_buffer(ctypes.byref(out), raw, len(raw),
                                         Catalog._of_optional(base))
        return cls._wrap(out)

    def dumps(self) -> str:
        """The canonical JSON document (str): the same definitions always give the same text."""
        out, size = ctypes.c_void_p(), ctypes.c_size_t()
        lib.skpi_definitions_save_buffer(ctypes.byref(out), ctypes.byref(size), self._h)
        return take_bytes(out, size.value).decode("utf-8")

    def save(self, path: PathLike) -> None:
        """Write dumps() to a file, atomically (a reader sees the old file or the new one)."""
        lib.skpi_definitions_save_file(self._h, os.fsencode(path))

    @staticmethod
    def schema_version() -> int:
        """The version of the JSON document this library reads and writes."""
        return int(lib.skpi_definitions_schema_version())

    # what it holds -------------------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        """The catalog: the base with the custom metrics (lent; changes to it are saved)."""
        return Catalog._wrap(lib.skpi_definitions_catalog(self._h), owner=self, borrowed=True)

    @property
    def effort(self) -> Optional[Effort]:
        """The team of the document ("team": activities, people, capacity), lent; None without one."""
        ptr = lib.skpi_definitions_effort(self._h)
        return Effort._wrap(ptr, owner=self, borrowed=True) if ptr else None

    # competitors and benchmarks --------------------------------------------------

    @property
    def competitors(self) -> Dict[str, str]:
        """The competitors' channels ("competitors" of the document): {channel: competitor},
        in the order first marked (a copy; change them with set_competitor())."""
        h = self._h
        return {required(lib.skpi_definitions_competitor_channel(h, i)):
                required(lib.skpi_definitions_competitor_name(h, i))
                for i in range(lib.skpi_definitions_competitor_count(h))}

    def set_competitor(self, channel: str, competitor: Optional[str]) -> None:
        """Mark a channel as a competitor's (a mark given again renames it and keeps its
        place); None removes the mark."""
        lib.skpi_definitions_set_competitor(self._h, utf8(channel), opt_text(competitor))

    def mark_competitors(self, dataset: Dataset) -> None:
        """Mark the competitors' channels in a dataset, which keeps them out of our totals."""
        lib.skpi_definitions_mark_competitors(self._h, Dataset._of(dataset))

    @property
    def benchmarks(self) -> Optional[Benchmarks]:
        """The benchmark table ("benchmarks" of the document) as a copy of its own, or None
        without one; assign a Benchmarks (copied) or None to replace it."""
        ptr = lib.skpi_definitions_benchmarks(self._h)
        return Benchmarks._copy_of(ptr) if ptr else None

    @benchmarks.setter
    def benchmarks(self, table: Optional[Benchmarks]) -> None:
        lib.skpi_definitions_set_benchmarks(self._h, Benchmarks._of_optional(table))

    @property
    def goals(self) -> ItemsView[Goal]:
        """The goals by id, in document order: a live mapping of id -> lent Goal."""
        self._h
        return ItemsView(self, _GOALS)

    @property
    def objectives(self) -> ItemsView[Objective]:
        """The objectives by id, in document order: a live mapping of id -> lent Objective."""
        self._h
        return ItemsView(self, _OBJECTIVES)

    @property
    def reports(self) -> List[str]:
        """The ids of the report definitions, in document order."""
        h = self._h
        return [required(lib.skpi_definitions_report_id(h, i))
                for i in range(lib.skpi_definitions_report_count(h))]

    def id_of(self, item: Union[Goal, Objective]) -> str:
        """The id of a lent Goal or Objective of these definitions."""
        if isinstance(item, Goal):
            return required(_GOALS.id_at(self._h, self._index(_GOALS, item)))
        return required(_OBJECTIVES.id_at(self._h, self._index(_OBJECTIVES, item)))

    def _ids(self, kind: _Kind[Any]) -> List[str]:
        h = self._h
        return [required(kind.id_at(h, i)) for i in range(kind.count(h))]

    def _index(self, kind: _Kind[Any], key: Any) -> int:
        """The index of an item given by id or by its lent wrapper."""
        h = self._h
        if isinstance(key, kind.cls):
            if key._defs is not self:
                raise ValueError(f"the {kind.name} does not belong to these definitions")
            ptr = key._h
            for i in range(kind.count(h)):
                if _addr(kind.at(h, i)) == _addr(ptr):
                    return i
            raise ValueError(f"the {kind.name} was removed from these definitions")
        out = ctypes.c_size_t()
        kind.find(ctypes.byref(out), h, utf8(key))
        return int(out.value)

    def _item(self, kind: _Kind[_T], index: int) -> _T:
        """The one live wrapper of an item, made on first use."""
        ptr = kind.at(self._h, index)
        cache = self._lent_items[kind.name]
        item = cache.get(_addr(ptr))
        if item is None or item.closed:
            item = cache[_addr(ptr)] = kind.cls._lent(ptr, self)
        lent: _T = item
        return lent

    def _objective_of_ptr(self, ptr: Any) -> Optional[Objective]:
        """The wrapper of one of our objectives met through alignment; None if not ours."""
        h = self._h
        for i in range(lib.skpi_definitions_objective_count(h)):
            if _addr(lib.skpi_definitions_objective(h, i)) == _addr(ptr):
                return self._item(_OBJECTIVES, i)
        return None

    # adding and removing -------------------------------------------------------

    def add_goal(self, id: str, goal: Union[Goal, str], **fields: Any) -> Goal:
        """Add a copy of a goal under an id; return the copy (lent by these definitions).

        `goal` is a Goal (copied: later changes to it do not count here) or
        the name of a new goal, with keyword fields as Goal() takes them.
        """
        temp: Optional[Goal] = None
        if not isinstance(goal, Goal):
            goal = temp = Goal(goal, **fields)
        elif fields:
            raise TypeError("add_goal() takes fields only with a goal's name, not with a Goal")
        try:
            out = GoalP()
            lib.skpi_definitions_add_goal(ctypes.byref(out), self._h, utf8(id), Goal._of(goal))
        finally:
            if temp is not None:
                temp.close()
        return self._item(_GOALS, self._index(_GOALS, id))

    def add_objective(self, id: str, title: str, *, period: Optional[PeriodLike] = None,
                      type: Optional[ObjectiveType] = None, owner: Optional[str] = None,
                      description: Optional[str] = None, curve: Optional[Curve] = None,
                      parent: Union[Objective, str, None] = None,
                      weight: float = 1.0) -> Objective:
        """Create an objective in these definitions; return it (lent) to add key results to.

        The keywords are those of Objective(); `parent` (an id or an
        Objective) aligns it with `weight`. On an error nothing is added.
        """
        out = ObjectiveP()
        lib.skpi_definitions_add_objective(ctypes.byref(out), self._h, utf8(id), utf8(title))
        obj = self._item(_OBJECTIVES, self._index(_OBJECTIVES, id))
        try:
            for name, value in (("period", period), ("type", type), ("owner", owner),
                                ("description", description), ("curve", curve)):
                if value is not None:
                    setattr(obj, name, value)
            if parent is not None:
                if not isinstance(parent, Objective):
                    parent = self.objectives[parent]
                obj.align_under(parent, weight)
        except BaseException:
            self.remove_objective(obj)
            raise
        return obj

    def _remove(self, kind: _Kind[Any], key: Any) -> None:
        index = self._index(kind, key)
        h = self._h
        if kind is _OBJECTIVES and assembling():
            raise RuntimeError("an objective cannot be removed while a report is being assembled")
        item = self._lent_items[kind.name].get(_addr(kind.at(h, index)))
        kind.remove(h, index)
        if item is not None:
            item._invalidate()

    def remove_goal(self, goal: Union[Goal, str]) -> None:
        """Remove a goal (by id or lent Goal); its Goal object becomes unusable."""
        self._remove(_GOALS, goal)

    def remove_objective(self, objective: Union[Objective, str]) -> None:
        """Remove an objective (by id or lent Objective) with its key results.

        Its Objective object becomes unusable, objectives aligned under it
        become top-level, and reports built before that borrow it can no
        longer be assembled.
        """
        self._remove(_OBJECTIVES, objective)

    def _report_index(self, report: str) -> int:
        out = ctypes.c_size_t()
        lib.skpi_definitions_find_report(ctypes.byref(out), self._h, utf8(report))
        return int(out.value)

    def remove_report(self, report: str) -> None:
        """Remove a report definition by id (reports built from it stay usable)."""
        lib.skpi_definitions_remove_report(self._h, self._report_index(report))

    # campaigns -----------------------------------------------------------------

    @property
    def campaigns(self) -> List[str]:
        """The names of the campaigns, in the file's order."""
        h = self._h
        return [required(lib.skpi_definitions_campaign_name(h, i))
                for i in range(lib.skpi_definitions_campaign_count(h))]

    def build_campaign(self, name: str, calendar: Optional[Calendar] = None) -> Campaign:
        """The campaign with this name, its days read in `calendar` (UTC when None);
        an unknown name raises NotFoundError naming it."""
        index = ctypes.c_size_t()
        lib.skpi_definitions_find_campaign(ctypes.byref(index), self._h, utf8(name))
        out = CampaignP()
        lib.skpi_definitions_build_campaign(ctypes.byref(out), self._h, index.value,
                                            Calendar._of_optional(calendar))
        return Campaign._wrap(out)

    # reports -------------------------------------------------------------------

    def build_report(self, report: str, as_of: TimeLike) -> ReportDefinition:
        """A ReportDefinition from the report definition with this id, as of a time.

        It holds copies of the goals and borrows the objectives (every
        top-level objective when the definition names none), reading them at
        each assembly: it keeps these definitions alive, cannot be assembled
        once one of those objectives is removed, and is closed with them.
        """
        index = self._report_index(report)
        out = ReportDefP()
        lib.skpi_definitions_build_report(ctypes.byref(out), self._h, index, seconds(as_of))
        try:
            # the report's objectives are ours: skpi_report_objective() names them
            borrowed = [self._objective_of_ptr(lib.skpi_report_objective(out, i))
                        for i in range(lib.skpi_report_objective_count(out))]
            if None in borrowed:
                raise RuntimeError("a built report borrows an objective of no definitions")
        except BaseException:
            lib.skpi_report_free(out)
            raise
        rd = ReportDefinition._wrap(out, self, [o for o in borrowed if o is not None])
        self._built.add(rd)
        return rd

    # lifetime ------------------------------------------------------------------

    def close(self) -> None:
        """Free the definitions: every lent goal and objective becomes unusable, and the reports
        built from them are closed."""
        built = list(getattr(self, "_built", ()))
        lent = [w for cache in getattr(self, "_lent_items", {}).values() for w in cache.values()]
        if self._ptr and (built or lent) and assembling():
            raise RuntimeError("definitions cannot be closed while a report is being assembled")
        for rd in built:
            rd.close()
        for item in lent:
            item._invalidate()
        self._pinned = {}
        super().close()

    def goals_frame(self, dataset: Dataset, as_of: TimeLike,
                    calendar: Optional[Calendar] = None) -> Any:
        """A pandas DataFrame of every goal evaluated on `dataset` as of a time.

        One row per goal, in document order: id, name, metric, channel,
        status ('on_track', ...), current, availability, target, progress,
        expected_progress, forecast, likelihood.
        """
        from ._frames import goals_frame
        return goals_frame(self, dataset, as_of, calendar)

    def okrs_frame(self, dataset: Optional[Dataset], as_of: TimeLike) -> Any:
        """A pandas DataFrame of every key result scored as of a time.

        One row per key result, objectives in document order: objective (id),
        objective_title, objective_score, objective_band, objective_status,
        key_result (its index), title, score, band ('red', 'yellow',
        'green'), status, value, expected, confidence.
        """
        from ._frames import okrs_frame
        return okrs_frame(self, dataset, as_of)

    def __repr__(self) -> str:
        if self.closed:
            return "<Definitions closed>"
        h = self._h
        return (f"<Definitions: {lib.skpi_definitions_goal_count(h)} goals, "
                f"{lib.skpi_definitions_objective_count(h)} objectives, "
                f"{lib.skpi_definitions_report_count(h)} reports>")
