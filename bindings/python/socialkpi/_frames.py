"""pandas DataFrames into a Dataset: long (time, channel, metric, value) or wide layouts."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

import numpy as np
import numpy.typing as npt

from ._errors import invalid

if TYPE_CHECKING:
    from ._typing import TimeLike
    from .calendar import Calendar
    from .dataset import Dataset
    from .definitions import Definitions

_TIME_NAMES = ("time", "date", "timestamp", "datetime", "day")


def _seconds(pd: Any, col: Any) -> npt.NDArray[np.int64]:
    """Epoch seconds (int64 numpy array) of a column or index of times."""
    if np.issubdtype(np.asarray(col).dtype, np.integer):
        ints: npt.NDArray[np.int64] = np.asarray(col, dtype=np.int64)
        return ints
    idx = pd.DatetimeIndex(pd.to_datetime(col, utc=True))
    idx = idx.tz_convert("UTC").tz_localize(None)
    secs: npt.NDArray[np.int64] = idx.values.astype("datetime64[s]").astype(np.int64)
    return secs


def _values(pd: Any, col: Any, name: str) -> npt.NDArray[np.float64]:
    try:
        out: npt.NDArray[np.float64] = pd.to_numeric(col, errors="raise").to_numpy(
            dtype=np.float64, na_value=np.nan)
        return out
    except (ValueError, TypeError) as exc:
        raise invalid("frame", f"column {name!r}: {exc}") from None


def _time_column(frame: Any, time: Optional[str]) -> Optional[str]:
    if time is not None:
        if time not in frame.columns:
            raise KeyError(f"no time column {time!r} in the frame")
        return time
    for name in _TIME_NAMES:
        if name in frame.columns:
            return name
    return None


def fill_from_frame(ds: Dataset, frame: Any, channel: Optional[str] = None,
                    time: Optional[str] = None) -> None:
    """Append the frame's points to `ds`.

    Long layout: columns `metric`, `value`, `channel` (or the `channel`
    argument for all rows) and a time column. Wide layout: one column per
    metric key and a time column, all on `channel`; or columns indexed by
    (metric, channel) pairs. The time column is `time`, else the first of
    time/date/timestamp/datetime/day, else the index. Times are datetimes
    (naive ones are UTC), date strings, or integer epoch seconds.
    """
    import pandas as pd
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(frame).__name__}")
    tcol = _time_column(frame, time)
    times = _seconds(pd, frame[tcol] if tcol is not None else frame.index)
    columns = set(map(str, frame.columns)) if not isinstance(frame.columns, pd.MultiIndex) else set()

    if {"metric", "value"} <= columns:
        values = _values(pd, frame["value"], "value")
        if "channel" in columns:
            keys = ["metric", "channel"]
        elif channel is not None:
            keys = ["metric"]
        else:
            raise invalid("frame", "a long frame needs a 'channel' column or the channel argument")
        for key, rows in frame.groupby(keys, sort=False).indices.items():
            metric, chan = (key, channel) if len(keys) == 1 else key
            ds.append(str(metric), str(chan), times[rows], values[rows])
        return

    for col in frame.columns:
        if col == tcol:
            continue
        if isinstance(col, tuple):
            metric, chan = col
        elif channel is not None:
            metric, chan = col, channel
        else:
            raise invalid("frame", "a wide frame needs the channel argument, or (metric, channel) columns")
        ds.append(str(metric), str(chan), times, _values(pd, frame[col], str(col)))


def _availability_names() -> List[str]:
    from .values import Availability
    return [a.name.lower() for a in Availability]


def tidy_frame(parts: List[Tuple[str, str, Any, Any, Any]]) -> Any:
    """A tidy DataFrame (period, channel, metric, value, availability) from rollups:
    (channel, metric, period starts, values, availability codes) each."""
    import pandas as pd
    names = _availability_names()
    columns: Dict[str, Any] = {"period": [], "channel": [], "metric": [], "value": [],
                               "availability": []}
    for channel, metric, times, values, codes in parts:
        n = len(times)
        columns["period"].append(np.asarray(times, dtype=np.int64))
        columns["channel"].append(np.full(n, channel, dtype=object))
        columns["metric"].append(np.full(n, metric, dtype=object))
        columns["value"].append(np.asarray(values, dtype=np.float64))
        columns["availability"].append(np.asarray(codes, dtype=np.int64))
    joined = {k: (np.concatenate(v) if v else np.zeros(0, dtype=object if k in ("channel", "metric")
                                                         else np.float64 if k == "value"
                                                         else np.int64))
              for k, v in columns.items()}
    return pd.DataFrame({
        "period": pd.to_datetime(joined["period"], unit="s", utc=True),
        "channel": joined["channel"].astype(object),
        "metric": joined["metric"].astype(object),
        "value": joined["value"],
        "availability": pd.Categorical.from_codes(joined["availability"], categories=names),
    })


def goals_frame(defs: Definitions, dataset: Dataset, as_of: TimeLike,
                calendar: Optional[Calendar] = None) -> Any:
    """One row per goal of `defs`, evaluated on `dataset` as of a time (Definitions.goals_frame)."""
    import pandas as pd
    rows = []
    for goal_id, goal in defs.goals.items():
        ev = goal.evaluate(dataset, as_of, calendar)
        rows.append({
            "id": goal_id, "name": goal.name, "metric": goal.metric, "channel": goal.channel,
            "status": ev.status.name.lower(), "current": ev.current.value,
            "availability": ev.current.availability.name.lower(), "target": ev.target,
            "progress": ev.progress, "expected_progress": ev.expected_progress,
            "forecast": ev.forecast, "likelihood": ev.likelihood,
        })
    columns = ["id", "name", "metric", "channel", "status", "current", "availability", "target",
               "progress", "expected_progress", "forecast", "likelihood"]
    return pd.DataFrame(rows, columns=columns)


def okrs_frame(defs: Definitions, dataset: Optional[Dataset], as_of: TimeLike) -> Any:
    """One row per key result of every objective of `defs`, scored as of a time, with its
    objective's score (Definitions.okrs_frame)."""
    import pandas as pd
    rows = []
    for objective_id, objective in defs.objectives.items():
        result = objective.score(as_of, dataset)
        for index, (kr, score) in enumerate(zip(objective.key_results, result.key_results)):
            rows.append({
                "objective": objective_id, "objective_title": objective.title,
                "objective_score": result.score, "objective_band": result.band.name.lower(),
                "objective_status": result.status.name.lower(),
                "key_result": index, "title": kr.title, "score": score.score,
                "band": score.band.name.lower(), "status": score.status.name.lower(),
                "value": score.value, "expected": score.expected,
                "confidence": score.confidence,
            })
    columns = ["objective", "objective_title", "objective_score", "objective_band",
               "objective_status", "key_result", "title", "score", "band", "status", "value",
               "expected", "confidence"]
    return pd.DataFrame(rows, columns=columns)
