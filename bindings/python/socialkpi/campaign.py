"""Campaigns: a name, the days it ran, its channels and which posts belong to it
(docs/report.md, "Campaigns"); ReportDefinition.set_campaign() makes a campaign report."""
from __future__ import annotations

import ctypes
import enum
from typing import Iterable, List, Optional, Tuple, Union

from ._handle import Handle
from ._lib import CampaignP, Period, lib, required
from ._lib import text as utf8
from ._typing import TimeLike
from .calendar import seconds
from .dataset import Dataset


class PostSelector(enum.IntEnum):
    """How a campaign picks its posts."""

    TAG = 0           # a hashtag of the text or a label the post carries
    UTM_CAMPAIGN = 1  # utm_campaign= of the post's link
    POST_ID = 2       # the post's id, exactly


class Campaign(Handle):
    """A campaign: its name, its days [start, end), the channels it ran on (none: every
    channel), and the tags, utm_campaign values and post ids of its posts (none: every
    post of its channels in its days). `baseline` is the (start, end) it is compared
    with; None: the days of the same length before it."""

    _free = staticmethod(lib.skpi_campaign_free)

    def __init__(self, name: str, start: TimeLike, end: TimeLike, *, channels: Iterable[str] = (),
                 tags: Iterable[str] = (), utm_campaigns: Iterable[str] = (),
                 post_ids: Iterable[str] = (),
                 baseline: Optional[Tuple[TimeLike, TimeLike]] = None) -> None:
        ptr = CampaignP()
        lib.skpi_campaign_new(ctypes.byref(ptr), utf8(name), ctypes.byref(Period(seconds(start), seconds(end))))
        self._adopt(ptr)
        try:
            for c in channels:
                lib.skpi_campaign_add_channel(self._h, utf8(c))
            for kind, values in ((PostSelector.TAG, tags), (PostSelector.UTM_CAMPAIGN, utm_campaigns),
                                 (PostSelector.POST_ID, post_ids)):
                for v in values:
                    lib.skpi_campaign_add_selector(self._h, int(kind), utf8(v))
            if baseline is not None:
                self.set_baseline(baseline)
        except BaseException:
            self.close()
            raise

    @classmethod
    def _wrap(cls, ptr: CampaignP) -> Campaign:
        self = cls.__new__(cls)
        self._adopt(ptr)
        return self

    @property
    def name(self) -> str:
        """The campaign's name."""
        return required(lib.skpi_campaign_name(self._h))

    @property
    def period(self) -> Tuple[int, int]:
        """(start, end) in epoch seconds, end excluded."""
        p = Period()
        lib.skpi_campaign_period(ctypes.byref(p), self._h)
        return int(p.start), int(p.end)

    @property
    def channels(self) -> List[str]:
        """The channels and selectors it ran on ([]: every channel)."""
        h = self._h
        return [required(lib.skpi_campaign_channel(h, i)) for i in range(lib.skpi_campaign_channel_count(h))]

    @property
    def selectors(self) -> List[Tuple[PostSelector, str]]:
        """[(PostSelector, value), ...] in the order added."""
        kind, value = ctypes.c_int(), ctypes.c_char_p()
        out = []
        for i in range(lib.skpi_campaign_selector_count(self._h)):
            lib.skpi_campaign_selector(ctypes.byref(kind), ctypes.byref(value), self._h, i)
            out.append((PostSelector(kind.value), required(value.value)))
        return out

    @property
    def baseline(self) -> Optional[Tuple[int, int]]:
        """The chosen baseline (start, end), or None for the days before the campaign."""
        p = Period()
        if lib.skpi_campaign_baseline(ctypes.byref(p), self._h) != 0:  # not errchecked: -ENOTFOUND is "none"
            return None
        return int(p.start), int(p.end)

    def set_baseline(self, b: Optional[Tuple[TimeLike, TimeLike]]) -> None:
        """Compare with [start, end) instead of the days of the same length before it; None: those."""
        if b is None:
            lib.skpi_campaign_set_baseline(self._h, None)
        else:
            lib.skpi_campaign_set_baseline(self._h, ctypes.byref(Period(seconds(b[0]), seconds(b[1]))))

    def posts(self, dataset: Dataset) -> List[int]:
        """Indices of the dataset's posts that belong to the campaign."""
        out, hit = [], ctypes.c_int()
        d = Dataset._of(dataset)
        for i in range(lib.skpi_dataset_post_count(d)):
            lib.skpi_campaign_match(ctypes.byref(hit), self._h, d, lib.skpi_dataset_post(d, i))
            if hit.value:
                out.append(i)
        return out


def _of(c: Union[Campaign, None]) -> Optional[CampaignP]:
    return None if c is None else c._h
