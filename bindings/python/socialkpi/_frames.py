"""pandas DataFrames into a Dataset: long (time, channel, metric, value) or wide layouts."""
import numpy as np

_TIME_NAMES = ("time", "date", "timestamp", "datetime", "day")


def _seconds(pd, col):
    """Epoch seconds (int64 numpy array) of a column or index of times."""
    if np.issubdtype(np.asarray(col).dtype, np.integer):
        return np.asarray(col, dtype=np.int64)
    idx = pd.DatetimeIndex(pd.to_datetime(col, utc=True))
    idx = idx.tz_convert("UTC").tz_localize(None)
    return idx.values.astype("datetime64[s]").astype(np.int64)


def _values(pd, col, name):
    try:
        return pd.to_numeric(col, errors="raise").to_numpy(dtype=np.float64, na_value=np.nan)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"column {name!r}: {exc}") from None


def _time_column(frame, time):
    if time is not None:
        if time not in frame.columns:
            raise KeyError(f"no time column {time!r} in the frame")
        return time
    for name in _TIME_NAMES:
        if name in frame.columns:
            return name
    return None


def fill_from_frame(ds, frame, channel=None, time=None):
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
            raise ValueError("a long frame needs a 'channel' column or the channel argument")
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
            raise ValueError("a wide frame needs the channel argument, or (metric, channel) columns")
        ds.append(str(metric), str(chan), times, _values(pd, frame[col], str(col)))
