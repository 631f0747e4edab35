"""Customer-care imports (docs/import.md, "Customer care"): our per-message
and binned fixtures imported by detection, and every count recomputed with
pandas from the same files: messages received, answered, the summed
response time and those answered within the service-level target per
channel and local day (covered days without a message are 0), and the
service level as a percentage; the target as seconds, a timedelta or text;
bad rows fail the whole file and store nothing."""
import datetime
import os

import pandas as pd
import pytest

import socialkpi as sk

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
MESSAGES = os.path.join(ROOT, "tests", "fixtures", "import", "care_messages.csv")
BINS = os.path.join(ROOT, "tests", "fixtures", "import", "care_bins.csv")
COUNTS = ("messages_received", "messages_answered", "response_seconds", "messages_in_target")
# The fixture's bins, read by hand: (lower, upper] in seconds; None: never answered.
BIN_EDGES = {"0-15 min": (0, 900), "15-60 min": (900, 3600), "1-4 h": (3600, 14400),
             "4-24 h": (14400, 86400), "> 24 h": (86400, float("inf")), "no reply": None}


def channel_of(row):
    at = "@" if row["network"] in ("instagram", "x", "tiktok") else ""
    return f"{row['network']}:{at}{row['account']}"


def fill_days(per_day, days):
    """Every covered day of every channel, 0 where no message was received."""
    channels = per_day.index.get_level_values("channel").unique()
    full = pd.MultiIndex.from_product([channels, days], names=["channel", "day"])
    return per_day.reindex(full, fill_value=0)


def expected_messages(target, offset_minutes=0):
    df = pd.read_csv(MESSAGES, keep_default_na=False)
    zone = datetime.timezone(datetime.timedelta(minutes=offset_minutes))
    received = pd.to_datetime(df["received"], utc=True)
    answered = pd.to_datetime(df["answered"].replace("", None), utc=True)
    seconds = (answered - received).dt.total_seconds()
    df["channel"] = df.apply(channel_of, axis=1)
    df["day"] = received.dt.tz_convert(zone).dt.date
    df["messages_received"] = 1
    df["messages_answered"] = answered.notna().astype(int)
    df["response_seconds"] = seconds.fillna(0)
    df["messages_in_target"] = (seconds <= target).astype(int)
    per_day = df.groupby(["channel", "day"])[list(COUNTS)].sum()
    days = pd.date_range(df["day"].min(), df["day"].max(), freq="D").date
    return fill_days(per_day, days), zone


def day_period(day, zone):
    start = datetime.datetime.combine(day, datetime.time(), zone)
    return (int(start.timestamp()), int(start.timestamp()) + 86400)


def check(ds, want, zone, counts=COUNTS):
    for (ch, day), row in want.iterrows():
        for metric in counts:
            got = ds.value(metric, day_period(day, zone), ch)
            assert got.value == row[metric], (ch, day, metric)
    days = sorted(want.index.get_level_values("day").unique())
    span = (day_period(days[0], zone)[0], day_period(days[-1], zone)[1])
    for ch, rows in want.groupby(level="channel"):
        level = rows["messages_in_target"].sum() / rows["messages_received"].sum() * 100
        assert ds.value("service_level", span, ch).value == pytest.approx(level, rel=1e-12)
    total = want.sum()
    level = total["messages_in_target"] / total["messages_received"] * 100
    assert ds.value("service_level", span, "*").value == pytest.approx(level, rel=1e-12)
    return span


@pytest.mark.parametrize("target, seconds", [
    (None, 3600), (7200, 7200), (datetime.timedelta(minutes=10), 600), ("45min", 2700),
    ("1d", 86400),
])
def test_messages_recomputed(target, seconds):
    ds = sk.Dataset()
    summary = sk.import_file(ds, MESSAGES, service_level=target)
    assert summary.preset == sk.Preset.CARE_MESSAGES
    want, zone = expected_messages(seconds)
    span = check(ds, want, zone)
    mean = want["response_seconds"].sum() / want["messages_answered"].sum()
    assert ds.value("response_time", span, "*").value == pytest.approx(mean, rel=1e-12)


def test_messages_in_the_imports_zone():
    ds = sk.Dataset()
    sk.import_file(ds, MESSAGES, utc_offset=60)
    want, zone = expected_messages(3600, offset_minutes=60)
    check(ds, want, zone)


def expected_bins(target):
    df = pd.read_csv(BINS, keep_default_na=False)
    df["channel"] = df.apply(channel_of, axis=1)
    df["day"] = pd.to_datetime(df["date"]).dt.date
    edges = df["bin"].map(BIN_EDGES)
    df["messages_received"] = df["count"]
    df["messages_answered"] = df["count"].where(edges.notna(), 0)
    inside = edges.map(lambda e: e is not None and e[1] <= target)
    df["messages_in_target"] = df["count"].where(inside, 0)
    per_day = df.groupby(["channel", "day"])[list(COUNTS[:2]) + [COUNTS[3]]].sum()
    days = pd.date_range(df["day"].min(), df["day"].max(), freq="D").date
    return fill_days(per_day, days), datetime.timezone.utc


@pytest.mark.parametrize("target, seconds", [(None, 3600), ("4h", 14400), (900, 900)])
def test_bins_recomputed(target, seconds):
    ds = sk.Dataset()
    assert sk.import_file(ds, BINS, service_level=target).preset == sk.Preset.CARE_BINS
    want, zone = expected_bins(seconds)
    check(ds, want, zone, counts=("messages_received", "messages_answered", "messages_in_target"))
    # Bins cannot tell how long the answers took: no response time is made up.
    with pytest.raises(sk.NotFoundError):
        ds.series("response_seconds", "facebook:acme")


def test_target_inside_a_bin_is_refused():
    ds = sk.Dataset()
    with pytest.raises(sk.ParseError) as e:
        sk.import_file(ds, BINS, service_level="2h")
    assert 'line 4, column 4 ("bin")' in str(e.value) and "(2 h)" in str(e.value)
    assert "1-4 h" in str(e.value)
    assert ds.channels == []


@pytest.mark.parametrize("bad", ["soon", "60", -5, 0, datetime.timedelta(days=400)])
def test_bad_target(bad):
    with pytest.raises(sk.InvalidArgumentError) as e:
        sk.import_file(sk.Dataset(), MESSAGES, service_level=bad)
    assert e.value.argument == "service_level"


def test_parse_duration():
    assert sk.parse_duration("90s") == 90
    assert sk.parse_duration("1.5 h") == 5400
    assert sk.parse_duration(datetime.timedelta(hours=2)) == 7200
    with pytest.raises(sk.InvalidArgumentError) as e:
        sk.parse_duration("1 week")
    assert "s, min, h or d" in str(e.value)


@pytest.mark.parametrize("row, where", [
    ("m9,2026-03-04T11:00:00Z,2026-03-04T10:00:00Z,facebook,acme", 'line 10, column 3 ("answered")'),
    ("m9,2026-03-04 soon,,facebook,acme", 'line 10, column 2 ("received")'),
])
def test_bad_row_names_it_and_stores_nothing(row, where):
    ds = sk.Dataset()
    sk.import_file(ds, BINS)
    before = [list(ds.series(m, "facebook:acme").values) for m in COUNTS if m != "response_seconds"]
    with open(MESSAGES, encoding="utf-8") as f:
        text = f.read() + row + "\n"
    with pytest.raises(sk.ParseError) as e:
        sk.import_buffer(ds, text, name="care.csv")
    assert where in str(e.value)
    assert [list(ds.series(m, "facebook:acme").values) for m in COUNTS
            if m != "response_seconds"] == before
    assert ds.channels == ["facebook:acme"]
