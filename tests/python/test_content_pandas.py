"""The content aggregates (post types, tags, posting times) recomputed with
pandas from the export files themselves: types from our own reading of the
raw type (or of the tweet's text), hashtags with Python's re, weekdays and
hours with pandas' time zones. The tool content_figures prints the
library's figures over the same files.

test_fixtures runs on our own Instagram and Facebook post exports;
test_ropensci on the real X exports in $SKPI_TEST_DATA (ctest runs it
through tests/realdata/require_data.sh, which skips it without them)."""
import glob
import math
import os
import re
import subprocess

import pandas as pd
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.environ.get("SKPI_CONTENT_FIGURES")
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "content")
MIN_POSTS = 5       # docs/content.md: a group needs 5 posts with the metric
MIN_SLOT_POSTS = 3  # and a best slot 3

HASHTAG = re.compile(r"(?<![\w&])#(\w+)")

X_TYPES = [("RT @", "repost"), ("@", "reply")]
META_TYPES = {
    "ig reel": "reel", "ig image": "photo", "ig carousel": "carousel", "ig video": "video",
    "ig story": "story", "photos": "photo", "videos": "video", "reels": "reel", "links": "link",
    "text": "text", "albums": "carousel", "live": "live",
}


def tweet_type(text):
    for prefix, kind in X_TYPES:
        if text.startswith(prefix):
            return kind
    if "http://" in text or "https://" in text:
        return "link"
    return "text" if text else "other"


def tags_of(text):
    return sorted({t.lower() for t in HASHTAG.findall(text) if not t.isnumeric()})


def library(zone, metric, rate, files):
    if not TOOL:
        pytest.skip("SKPI_CONTENT_FIGURES is not set (ctest sets it)")
    out = subprocess.run([TOOL, zone, metric, rate, *files], check=True, capture_output=True,
                         text=True).stdout
    groups, cells, best = {}, {}, []
    for line in out.splitlines():
        f = line.split("\t")
        if f[0] == "group":
            key = f[2].lower().lstrip("#") if f[1] == "tag" else f[2]
            groups[(f[1], key)] = dict(posts=int(f[3]), valued=int(f[4]), total=float(f[5]),
                                       median=float(f[6]), rate=float(f[7]), share=float(f[8]),
                                       too_few=int(f[9]))
        elif f[0] == "cell":
            cells[(int(f[1]), int(f[2]))] = (int(f[3]), float(f[4]))
        elif f[0] == "best":
            best.append((int(f[1]), int(f[2])))
    return groups, cells, best


def same(got, want):
    if want is None or (isinstance(want, float) and math.isnan(want)):
        return math.isnan(got)
    return math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-12)


def expected_groups(df, by, num, den, all_total):
    """Figures per group of a frame with columns key, value, num, den; shares
    of all_total, the total of every post."""
    out = {}
    for key, g in list(df.groupby(by)) + [("all", df)]:
        valued = g["value"].notna().sum()
        both = g[g[num].notna() & g[den].notna()]
        rate = both[num].sum() / both[den].sum() * 100 if len(both) and both[den].sum() else math.nan
        out[key] = dict(posts=len(g), valued=int(valued),
                        total=g["value"].sum() if valued else math.nan,
                        median=g["value"].median() if valued else math.nan,
                        rate=rate, share=g["value"].sum() / all_total if valued else math.nan,
                        too_few=int(valued < MIN_POSTS))
    return out


def check(df, zone, metric, rate, num, den, files):
    """df: one row per post with text, kind, published (UTC), value (the
    metric), num and den (the rate's components)."""
    groups, cells, best = library(zone, metric, rate, files)
    all_total = df["value"].sum()
    by_type = expected_groups(df, "kind", num, den, all_total)
    exploded = df.assign(tag=df["text"].map(tags_of)).explode("tag").dropna(subset=["tag"])
    by_tag = expected_groups(exploded, "tag", num, den, all_total)
    by_tag.pop("all")  # the library's summary counts every post once
    assert {k for (b, k) in groups if b == "type"} == set(by_type)
    assert {k for (b, k) in groups if b == "tag" and k != "all"} == set(by_tag)
    for name, want_all in (("type", by_type), ("tag", by_tag)):
        for key, want in want_all.items():
            got = groups[(name, key)]
            for field, w in want.items():
                assert same(float(got[field]), float(w)), (name, key, field, got[field], w)
    # posting times
    local = df["published"].dt.tz_convert(zone)
    valued = df.assign(wd=local.dt.dayofweek + 1, hour=local.dt.hour)[df["value"].notna()]
    table = valued.groupby(["wd", "hour"])["value"].agg(["count", "median"])
    assert set(cells) == set(table.index)
    for (wd, hour), row in table.iterrows():
        n, m = cells[(wd, hour)]
        assert n == row["count"]
        assert same(m, row["median"]), (wd, hour, m, row["median"])
    slots = table[table["count"] >= MIN_SLOT_POSTS].reset_index()
    slots = slots.assign(slot=(slots["wd"] - 1) * 24 + slots["hour"])
    slots = slots.sort_values(["median", "count", "slot"], ascending=[False, False, True])
    assert best == list(zip(slots["wd"], slots["hour"]))
    return groups


def meta_frame(path, value, num, den):
    """A Meta post export: our reading of its type, time and figures."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    number = lambda col: pd.to_numeric(raw[col].str.replace(",", "", regex=False).replace("", None))
    return raw, pd.DataFrame({
        "text": raw["Description"],
        "kind": raw["Post type"].str.lower().map(META_TYPES).fillna("other"),
        "published": pd.to_datetime(raw["Publish time"], format="%m/%d/%Y %H:%M").dt.tz_localize("UTC"),
        "value": number(value),
        "num": number(num),
        "den": number(den),
    })


def test_instagram_fixture():
    path = os.path.join(FIXTURES, "instagram_posts.csv")
    # likes per post; virality rate = shares / impressions * 100
    raw, df = meta_frame(path, "Likes", "Shares", "Impressions")
    groups = check(df, "Europe/Berlin", "likes", "virality_rate", "num", "den", [path])
    assert groups[("type", "all")]["posts"] == 40
    assert groups[("type", "all")]["valued"] == (raw["Likes"] != "").sum() < 40


def test_facebook_fixture():
    path = os.path.join(FIXTURES, "facebook_posts.csv")
    col = "Reactions, Comments and Shares"
    raw, df = meta_frame(path, col, col, "Views")
    groups = check(df, "America/New_York", "engagements", "engagement_rate_impressions", "num",
                   "den", [path])
    assert groups[("type", "other")]["posts"] == (raw["Post type"] == "Hologram").sum() > 0


def test_ropensci():
    data = os.environ.get("SKPI_TEST_DATA")
    if not data:
        pytest.skip("SKPI_TEST_DATA is not set")
    files = sorted(glob.glob(os.path.join(data, "exports", "x-tweets-rOpenSci",
                                          "tweet_activity_metrics_*.csv")))
    assert files
    frames = [pd.read_csv(f, dtype=str, keep_default_na=False) for f in files]
    raw = pd.concat(frames).drop_duplicates("Tweet id", keep="last")
    number = lambda s: pd.to_numeric(s.replace({"-": None, "": None}))
    df = pd.DataFrame({
        "text": raw["Tweet text"],
        "kind": raw["Tweet text"].map(tweet_type),
        "published": pd.to_datetime(raw["time"], format="%Y-%m-%d %H:%M %z", utc=True),
        "value": number(raw["engagements"]),
        "num": number(raw["engagements"]),
        "den": number(raw["impressions"]),
    })
    groups = check(df, "America/Los_Angeles", "engagements", "engagement_rate_impressions", "num",
                   "den", files)
    assert groups[("type", "all")]["posts"] == len(df)
