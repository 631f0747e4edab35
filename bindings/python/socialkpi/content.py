"""Content performance (experimental): a dataset's posts grouped by
normalised type or by tag, and the weekday x hour table of posting times
(docs/content.md). Results are copied out of C at once, so they outlive
nothing but the dataset their posts belong to."""
from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, List, Optional, Tuple

from ._lib import lib, opt_text, required
from ._types import ContentOptions, CValue, PostGroup, PostGroupsP, PostingTimesP
from .calendar import as_period
from .values import Value

if TYPE_CHECKING:
    from .calendar import Calendar
    from .dataset import Dataset, Post
    from ._typing import PeriodLike

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def post_kinds() -> List[str]:
    """The normalised post types ('other' first, then 'photo', 'video', ...)."""
    return [required(lib.skpi_post_kind_name(i)) for i in range(lib.skpi_post_kind_count())]


def _options(metric: Optional[str], rate: Optional[str], selector: Optional[str],
             type: Optional[str], tag: Optional[str], min_posts: int, min_slot_posts: int,
             ranked: int, calendar: Optional["Calendar"]) -> ContentOptions:
    o = ContentOptions()
    lib.skpi_content_options_init(ctypes.byref(o), 1)
    o.metric, o.rate, o.selector = opt_text(metric), opt_text(rate), opt_text(selector)
    o.type, o.tag = opt_text(type), opt_text(tag)
    o.min_posts, o.min_slot_posts, o.ranked = int(min_posts), int(min_slot_posts), int(ranked)
    if calendar is not None:
        o.calendar = calendar._h
    return o


@dataclass
class ContentGroup:
    """One group's figures (docs/content.md): `share` is a fraction."""

    key: str
    posts: int
    valued: int
    total: Value
    median: Value
    rate: Value
    share: Value
    too_few: bool
    top: List["Post"] = field(default_factory=list)
    bottom: List["Post"] = field(default_factory=list)


@dataclass
class ContentGroups:
    """Groups best first, and `summary` over every post counted (key 'all')."""

    groups: List[ContentGroup]
    summary: ContentGroup

    def __len__(self) -> int:
        return len(self.groups)

    def __getitem__(self, key: str) -> ContentGroup:
        for g in self.groups:
            if g.key == key:
                return g
        raise KeyError(key)

    def to_frame(self) -> Any:
        """A pandas DataFrame, one row per group (NaN where a figure is not available)."""
        import pandas as pd
        rows = [dict(key=g.key, posts=g.posts, valued=g.valued, total=g.total.value,
                     median=g.median.value, rate=g.rate.value, share=g.share.value,
                     too_few=g.too_few) for g in self.groups]
        return pd.DataFrame(rows, columns=["key", "posts", "valued", "total", "median", "rate",
                                           "share", "too_few"])


def _group(c: PostGroup, dataset: "Dataset", top: List[int], bottom: List[int]) -> ContentGroup:
    from .dataset import Post
    return ContentGroup(required(c.key), int(c.posts), int(c.valued), Value._from_c(c.total),
                        Value._from_c(c.median), Value._from_c(c.rate), Value._from_c(c.share),
                        bool(c.too_few), [Post(dataset, i) for i in top],
                        [Post(dataset, i) for i in bottom])


def post_groups(dataset: "Dataset", period: "PeriodLike", by: str = "type", *,
                metric: Optional[str] = None, rate: Optional[str] = None,
                selector: Optional[str] = None, type: Optional[str] = None,
                tag: Optional[str] = None, min_posts: int = 0, ranked: int = 0) -> ContentGroups:
    """Group the period's posts by 'type' or 'tag' (see Dataset.post_groups)."""
    if by not in ("type", "tag"):
        raise ValueError(f"by must be 'type' or 'tag', not {by!r}")
    o = _options(metric, rate, selector, type, tag, min_posts, 0, ranked, None)
    h = PostGroupsP()
    lib.skpi_post_groups_new(ctypes.byref(h), dataset._h, 0 if by == "type" else 1,
                             as_period(period), ctypes.byref(o))
    try:
        groups = []
        for i in range(lib.skpi_post_groups_count(h)):
            c = PostGroup(version=1)
            lib.skpi_post_groups_get(ctypes.byref(c), h, i)
            lists = []
            for bottom in (0, 1):
                idx = ctypes.POINTER(ctypes.c_size_t)()
                n = ctypes.c_size_t()
                lib.skpi_post_groups_posts(ctypes.byref(idx), ctypes.byref(n), h, i, bottom)
                lists.append([idx[k] for k in range(n.value)])
            groups.append(_group(c, dataset, lists[0], lists[1]))
        c = PostGroup(version=1)
        lib.skpi_post_groups_summary(ctypes.byref(c), h)
        return ContentGroups(groups, _group(c, dataset, [], []))
    finally:
        lib.skpi_post_groups_free(h)


@dataclass
class PostingTimes:
    """Posts and the median of the metric per post by weekday (rows, Monday
    first) and local hour (columns): `posts` and `median` are 7 x 24 lists
    (median NaN where no post); `best` the best slots as (weekday 1-7, hour)."""

    posts: List[List[int]]
    median: List[List[float]]
    best: List[Tuple[int, int]]
    without_metric: int

    def to_frame(self) -> Any:
        """A long pandas DataFrame: weekday (1-7), hour, posts, median; non-empty cells only."""
        import pandas as pd
        rows = [(wd + 1, h, self.posts[wd][h], self.median[wd][h])
                for wd in range(7) for h in range(24) if self.posts[wd][h]]
        return pd.DataFrame(rows, columns=["weekday", "hour", "posts", "median"])


def posting_times(dataset: "Dataset", period: "PeriodLike", *, metric: Optional[str] = None,
                  selector: Optional[str] = None, type: Optional[str] = None,
                  tag: Optional[str] = None, calendar: Optional["Calendar"] = None,
                  min_slot_posts: int = 0) -> PostingTimes:
    """The weekday x hour table of the period's posts (see Dataset.posting_times)."""
    o = _options(metric, None, selector, type, tag, 0, min_slot_posts, 0, calendar)
    h = PostingTimesP()
    lib.skpi_posting_times_new(ctypes.byref(h), dataset._h, as_period(period), ctypes.byref(o))
    try:
        posts = [[0] * 24 for _ in range(7)]
        median = [[float("nan")] * 24 for _ in range(7)]
        n = ctypes.c_size_t()
        m = CValue()
        for wd in range(7):
            for hour in range(24):
                lib.skpi_posting_times_cell(ctypes.byref(n), ctypes.byref(m), h, wd + 1, hour)
                posts[wd][hour] = n.value
                if n.value:
                    median[wd][hour] = m.value
        best = []
        wd_out, hour_out = ctypes.c_int(), ctypes.c_int()
        for r in range(lib.skpi_posting_times_best_count(h)):
            lib.skpi_posting_times_best(ctypes.byref(wd_out), ctypes.byref(hour_out), h, r)
            best.append((wd_out.value, hour_out.value))
        without = ctypes.c_size_t()
        lib.skpi_posting_times_counts(None, ctypes.byref(without), h)
        return PostingTimes(posts, median, best, without.value)
    finally:
        lib.skpi_posting_times_free(h)
