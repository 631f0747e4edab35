"""The Listening report section (docs/report.md, "Listening") on our own
mention fixture, every figure recomputed with pandas from the same file:
mentions, positive / neutral / negative counts, net sentiment, reach and
reach-weighted share of voice per brand, ours against a marked competitor,
and our top mentions by reach with their text and link."""
import json
import os

import pandas as pd
import pytest

import socialkpi as sk

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "import", "listening_mentions.csv")
LABELS = {"positive": "positive", "neutral": "neutral", "mixed": "neutral", "negative": "negative"}
COMPETITOR = "Rival Gear"


def expected():
    """Per brand, March 2026, as a listening analyst would count it."""
    df = pd.read_csv(FIXTURE, keep_default_na=False)
    df = df[df["date"].str.startswith("2026-03")]
    df["class"] = df["sentiment"].str.lower().map(LABELS)
    g = df.groupby("brand")
    out = pd.DataFrame({
        "mentions": g.size(),
        "positive": g["class"].apply(lambda s: (s == "positive").sum()),
        "neutral": g["class"].apply(lambda s: (s == "neutral").sum()),
        "negative": g["class"].apply(lambda s: (s == "negative").sum()),
        "reach": g["reach"].sum(),
    })
    classified = out["positive"] + out["neutral"] + out["negative"]
    out["net"] = (out["positive"] - out["negative"]) / classified * 100
    out["share"] = out["reach"] / out["reach"].sum() * 100
    out["competitor"] = out.index == COMPETITOR
    return df, out


def report(ds):
    r = sk.ReportDefinition("Listening", audience="team")
    r.as_of = sk.parse_time("2026-04-01")
    r.sections = [sk.Section.LISTENING]
    return json.loads(r.assemble(ds).render("json"))["blocks"]


@pytest.fixture()
def blocks():
    ds = sk.Dataset()
    sk.import_file(ds, FIXTURE)
    ds.set_competitor("listening:" + COMPETITOR, COMPETITOR)
    return report(ds)


def test_brand_table(blocks):
    _, want = expected()
    # ours first, then the competitors, each by reach
    want = want.sort_values(["competitor", "reach"], ascending=[True, False])
    table = next(b for b in blocks if b["type"] == "table")
    assert table["title"] == "Mentions by brand, March 2026"
    rows = table["rows"]
    assert len(rows) == len(want)
    for row, (brand, w) in zip(rows, want.iterrows()):
        name = f"{brand} (competitor)" if w["competitor"] else brand
        assert row == [name, f"{w['mentions']:,}", str(w["positive"]), str(w["neutral"]),
                       str(w["negative"]), f"{w['net']:.2f}%", f"{w['reach']:,}", f"{w['share']:.2f}%"]


def test_share_sentence(blocks):
    _, want = expected()
    ours = want.loc[~want["competitor"], "reach"].sum() / want["reach"].sum() * 100
    theirs = want.loc[COMPETITOR, "share"]
    text = " ".join(s["text"] for b in blocks if b["type"] == "paragraph" for s in b["spans"])
    assert (f"Our brands had {ours:.2f}% of the reach of all mentions in March 2026; "
            f"{COMPETITOR} had the largest competitor share with {theirs:.2f}%.") in text


def test_top_mentions_are_ours_by_reach(blocks):
    df, _ = expected()
    top = df[df["brand"] != COMPETITOR].sort_values("reach", ascending=False).head(3)
    posts = next(b for b in blocks if b["type"] == "posts")["posts"]
    assert [p["text"] for p in posts] == list(top["text"])
    assert [p["url"] for p in posts] == list(top["url"])
    assert [p["value"]["number"] for p in posts] == list(top["reach"])
    assert [p["channel_key"] for p in posts] == ["listening:" + b for b in top["brand"]]


def test_unmarked_brands_are_ours():
    ds = sk.Dataset()
    sk.import_file(ds, FIXTURE)
    blocks = report(ds)
    text = " ".join(s["text"] for b in blocks if b["type"] == "paragraph" for s in b["spans"])
    assert "No brand is marked as a competitor's" in text
    rows = next(b for b in blocks if b["type"] == "table")["rows"]
    assert [r[0] for r in rows] == ["Acme Outdoor", "Rival Gear"]
