"""A team's effort (docs/resourcing.md): activities with the role that does
them and the metrics they move, people and their roles, weekly capacity per
role, and the hours spent, entered one by one or from a timesheet CSV."""
from __future__ import annotations

import ctypes
import math
import os
from typing import Any, Dict, Iterable, List, NamedTuple, Optional

from ._errors import NotFoundError
from ._handle import Handle
from ._lib import lib, opt_text, required
from ._lib import text as utf8
from ._types import EffortP, Period
from ._typing import PathLike, PeriodLike
from .calendar import Calendar, as_period

_METRICS, _SKILLS = 0, 1


class Activity(NamedTuple):
    """A named kind of work: the role that does it, the channels and metrics it moves, its skills."""

    name: str
    role: str
    channels: str
    metrics: List[str]
    skills: List[str]


class Person(NamedTuple):
    """A person of the team and their role."""

    name: str
    role: str


class HoursEntry(NamedTuple):
    """Hours spent on an activity by a person or a role over [start, end), with their cost (None: none)."""

    who: str
    activity: str
    start: int
    end: int
    hours: float
    cost: Optional[float]


class Effort(Handle):
    """Activities, people, capacity and hours of a social team (C skpi_effort)."""

    _free = staticmethod(lib.skpi_effort_free)

    def __init__(self) -> None:
        ptr = EffortP()
        lib.skpi_effort_new(ctypes.byref(ptr))
        self._adopt(ptr)

    @classmethod
    def _wrap(cls, ptr: Any, owner: Any = None, borrowed: bool = False) -> Effort:
        self = cls.__new__(cls)
        self._adopt(ptr, owner, borrowed)
        return self

    # activities ---------------------------------------------------------------

    def add_activity(self, name: str, role: str, channels: Optional[str] = None,
                     metrics: Iterable[str] = (), skills: Iterable[str] = ()) -> None:
        """Add an activity done by `role` on `channels` (a selector; None: '*'), with the
        metrics it is meant to move (hours need at least one) and the skills it needs."""
        metrics, skills = list(metrics), list(skills)
        lib.skpi_effort_add_activity(self._h, utf8(name), utf8(role), opt_text(channels))
        for m in metrics:
            lib.skpi_effort_add_activity_metric(self._h, utf8(name), utf8(m))
        for s in skills:
            lib.skpi_effort_add_activity_skill(self._h, utf8(name), utf8(s))

    def _items(self, index: int, what: int) -> List[str]:
        out: List[str] = []
        item = ctypes.c_char_p()
        while True:
            lib.skpi_effort_activity_item(ctypes.byref(item), self._h, index, what, len(out))
            if item.value is None:
                return out
            out.append(required(item.value))

    @property
    def activities(self) -> List[Activity]:
        """The activities, in the order added."""
        name, role, channels = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_char_p()
        out: List[Activity] = []
        for i in range(int(lib.skpi_effort_activity_count(self._h))):
            lib.skpi_effort_activity(ctypes.byref(name), ctypes.byref(role), ctypes.byref(channels), self._h, i)
            out.append(Activity(required(name.value), required(role.value), required(channels.value),
                                self._items(i, _METRICS), self._items(i, _SKILLS)))
        return out

    # people and roles -----------------------------------------------------------

    def add_person(self, name: str, role: str) -> None:
        """Declare a person and their role (their hours count toward the role's capacity)."""
        lib.skpi_effort_add_person(self._h, utf8(name), utf8(role))

    @property
    def people(self) -> List[Person]:
        """The people, in the order declared."""
        name, role = ctypes.c_char_p(), ctypes.c_char_p()
        out: List[Person] = []
        for i in range(int(lib.skpi_effort_person_count(self._h))):
            lib.skpi_effort_person(ctypes.byref(name), ctypes.byref(role), self._h, i)
            out.append(Person(required(name.value), required(role.value)))
        return out

    def role_of(self, who: str) -> Optional[str]:
        """The role of a person, a role's own name, or None for a name the team does not know."""
        out = ctypes.c_char_p()
        try:
            lib.skpi_effort_role_of(ctypes.byref(out), self._h, utf8(who))
        except NotFoundError:
            return None
        return required(out.value)

    @property
    def roles(self) -> List[str]:
        """Every role named by an activity, a person or a capacity, first seen first."""
        seen: Dict[str, None] = {}
        for a in self.activities:
            seen.setdefault(a.role)
        for p in self.people:
            seen.setdefault(p.role)
        for r in self.capacity:
            seen.setdefault(r)
        return list(seen)

    # capacity ---------------------------------------------------------------------

    def set_capacity(self, role: str, hours_per_week: float) -> None:
        """The hours a role has per week, all its people together."""
        lib.skpi_effort_set_capacity(self._h, utf8(role), float(hours_per_week))

    @property
    def capacity(self) -> Dict[str, float]:
        """Weekly hours available per role, in the order first set."""
        role, hours = ctypes.c_char_p(), ctypes.c_double()
        out: Dict[str, float] = {}
        for i in range(int(lib.skpi_effort_capacity_count(self._h))):
            lib.skpi_effort_capacity(ctypes.byref(role), ctypes.byref(hours), self._h, i)
            out[required(role.value)] = float(hours.value)
        return out

    def available_hours(self, role: str, period: PeriodLike) -> float:
        """A role's available hours over a period: its weekly capacity times the period's days / 7."""
        p = as_period(period)
        return self.capacity.get(role, 0.0) * (p.end - p.start) / (7 * 86400)

    # hours --------------------------------------------------------------------------

    def add_hours(self, who: str, activity: str, period: PeriodLike, hours: float,
                  cost: Optional[float] = None) -> None:
        """Record hours (and optionally their cost) spent by a person or a role on an activity."""
        lib.skpi_effort_add_hours(self._h, utf8(who), utf8(activity), as_period(period), float(hours),
                                  math.nan if cost is None else float(cost))

    def import_timesheet(self, path: PathLike, calendar: Optional[Calendar] = None) -> None:
        """Add every row of a timesheet CSV (date, person or role, activity, hours[, cost]): all or none."""
        lib.skpi_effort_import_timesheet(self._h, os.fsencode(path), Calendar._of_optional(calendar))

    def import_timesheet_text(self, text: str, calendar: Optional[Calendar] = None) -> None:
        """Add every row of timesheet CSV text held in memory, as import_timesheet() does: all or none."""
        data = text.encode("utf-8")
        lib.skpi_effort_import_timesheet_buffer(self._h, data, len(data), Calendar._of_optional(calendar))

    @property
    def entries(self) -> List[HoursEntry]:
        """The hours recorded, in the order recorded."""
        who, activity = ctypes.c_char_p(), ctypes.c_char_p()
        p, hours, cost = Period(), ctypes.c_double(), ctypes.c_double()
        out: List[HoursEntry] = []
        for i in range(int(lib.skpi_effort_entry_count(self._h))):
            lib.skpi_effort_entry(ctypes.byref(who), ctypes.byref(activity), ctypes.byref(p),
                                  ctypes.byref(hours), ctypes.byref(cost), self._h, i)
            c = float(cost.value)
            out.append(HoursEntry(required(who.value), required(activity.value), int(p.start), int(p.end),
                                  float(hours.value), None if math.isnan(c) else c))
        return out

    def hours(self, activity: Optional[str] = None, who: Optional[str] = None,
              role: Optional[str] = None, period: Optional[PeriodLike] = None) -> float:
        """Hours recorded, summed over the entries that match every filter given: an activity, a person
        or role as entered (`who`), the role they count toward (`role`), and entries that start in `period`."""
        p = None if period is None else as_period(period)
        total = 0.0
        for e in self.entries:
            if activity is not None and e.activity != activity:
                continue
            if who is not None and e.who != who:
                continue
            if role is not None and (self.role_of(e.who) or self._activity_role(e.activity)) != role:
                continue
            if p is not None and not p.start <= e.start < p.end:
                continue
            total += e.hours
        return total

    def _activity_role(self, name: str) -> str:
        return next((a.role for a in self.activities if a.name == name), "")

    def __repr__(self) -> str:
        if self.closed:
            return "<Effort closed>"
        return (f"<Effort {len(self.activities)} activities, {len(self.people)} people, "
                f"{len(self.entries)} entries>")
