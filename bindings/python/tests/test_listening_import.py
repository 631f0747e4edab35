"""Mention-level exports of listening tools (docs/import.md, "Listening"):
our own fixture imported by detection, every count recomputed with pandas
from the same file: mentions per brand and day, positive / neutral /
negative counts, reach, reach-weighted share of voice per brand and net
sentiment; a bad row fails the whole file and stores nothing."""
import math
import os

import pandas as pd
import pytest

import socialkpi as sk

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "import", "listening_mentions.csv")
MARCH = (sk.parse_time("2026-03-01"), sk.parse_time("2026-04-01"))
LABELS = {"positive": "positive", "neutral": "neutral", "mixed": "neutral", "negative": "negative"}


def expected():
    df = pd.read_csv(FIXTURE, keep_default_na=False)
    df["day"] = df["date"].str[:10]
    df["channel"] = "listening:" + df["brand"]
    df["class"] = df["sentiment"].str.lower().map(LABELS)  # "" -> NaN: not classified
    return df


@pytest.fixture()
def loaded():
    ds = sk.Dataset()
    summary = sk.import_file(ds, FIXTURE)
    return ds, summary


def test_detected_and_counted(loaded):
    ds, summary = loaded
    df = expected()
    assert summary.preset == sk.Preset.LISTENING_MENTIONS
    assert summary.posts == len(df)
    assert sorted(ds.channels) == sorted(df["channel"].unique())
    for ch, rows in df.groupby("channel"):
        assert ds.value("mentions", MARCH, ch).value == len(rows)
        assert ds.value("mention_reach", MARCH, ch).value == rows["reach"].sum()
        for cls in ("positive", "neutral", "negative"):
            assert ds.value(f"{cls}_mentions", MARCH, ch).value == (rows["class"] == cls).sum(), (ch, cls)
        # per day, as the daily flows
        per_day = rows.groupby("day").size()
        for day, n in per_day.items():
            d = sk.parse_time(day)
            assert ds.value("mentions", (d, d + 86400), ch).value == n


def test_share_of_voice_by_reach_and_net_sentiment(loaded):
    ds, _ = loaded
    df = expected()
    total = df["reach"].sum()
    for ch, rows in df.groupby("channel"):
        own = ds.value("mention_reach", MARCH, ch).value
        everyone = ds.value("mention_reach", MARCH, "listening:*").value
        assert own / everyone == pytest.approx(rows["reach"].sum() / total, rel=1e-12)
        classified = rows["class"].notna().sum()
        want = ((rows["class"] == "positive").sum() - (rows["class"] == "negative").sum()) / classified * 100
        assert ds.value("net_sentiment", MARCH, ch).value == pytest.approx(want, rel=1e-12)
    # By hand: Acme Outdoor reached 1200 + 54000 + 3100 + 900 + 450 = 59,650
    # of 80,600; net sentiment (2 positive - 1 negative) / 5 classified = 20.
    acme = ds.value("mention_reach", MARCH, "listening:Acme Outdoor").value
    assert acme == 59650 and ds.value("mention_reach", MARCH, "listening:*").value == 80600
    assert ds.value("net_sentiment", MARCH, "listening:Acme Outdoor").value == pytest.approx(20.0)


def test_top_mentions_are_posts(loaded):
    ds, _ = loaded
    top = max(ds.posts, key=lambda p: p.value("mention_reach").value)
    assert top.link == "https://news.example/acme-store"
    assert top.channel == "listening:Acme Outdoor"
    assert top.type == "news"


@pytest.mark.parametrize("bad, where", [
    ("great", "line 3, column 5 (\"sentiment\")"),
    ("", "line 3, column 4 (\"brand\")"),
])
def test_bad_row_names_it_and_stores_nothing(bad, where):
    with open(FIXTURE, encoding="utf-8") as f:
        lines = f.read().splitlines()
    fields = lines[2].split(",")
    fields[4 if where.endswith('("sentiment")') else 3] = bad
    lines[2] = ",".join(fields)
    ds = sk.Dataset()
    with pytest.raises(sk.ParseError) as e:
        sk.import_buffer(ds, "\n".join(lines) + "\n", name="mentions.csv")
    assert where in str(e.value)
    assert ds.channels == [] and ds.posts == []


def test_brandwatch_names_and_scores():
    text = ("Date,Query Name,Page Type,Author,Full Text,Url,Sentiment,Reach (new)\n"
            "2026-03-05 10:00,Acme Outdoor,twitter,@a,Nice,https://x.example/a/1,positive,100\n"
            "2026-03-05 11:00,Rival Gear,news,Paper,Meh,https://news.example/r,neutral,300\n")
    ds = sk.Dataset()
    assert sk.import_buffer(ds, text).preset == sk.Preset.BRANDWATCH_MENTIONS
    assert ds.value("positive_mentions", MARCH, "listening:Acme Outdoor").value == 1
    assert ds.value("mention_reach", MARCH, "listening:*").value == 400
    # A signed score (Talkwalker writes -5..5): the sign decides.
    scored = "date,brand,sentiment,url\n2026-03-06,Acme,-2,https://a.example/1\n2026-03-06,Acme,0,https://a.example/2\n"
    ds = sk.Dataset()
    sk.import_buffer(ds, scored)
    assert ds.value("negative_mentions", MARCH, "listening:Acme").value == 1
    assert ds.value("neutral_mentions", MARCH, "listening:Acme").value == 1
    assert math.isclose(ds.value("net_sentiment", MARCH, "listening:Acme").value, -50.0)
