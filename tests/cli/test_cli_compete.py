"""skpi report with competitors and industry benchmarks, run end to end on a
store the test fills itself: the Competitors and Benchmarks tables against
figures worked out by hand (in the comments) and recomputed with pandas from
the imported CSV, both from the command line's --competitors/--benchmarks
and from the definitions file's "competitors", "benchmarks" and "industry"."""
import json
import os
import subprocess

import pandas as pd
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.environ.get("SKPI_TOOL", os.path.join(ROOT, "build", "tools", "skpi", "skpi"))
WORK = os.environ.get("SKPI_CLI_WORK", "/tmp/skpi-cli-compete")

# March 2026, 31 days. Followers: the first value on the 1st to the 30th,
# the last on the 31st. Engagements and posts: the same every day.
FOLLOWERS = {  # channel: (first, last)
    "instagram:@acme": (1000, 1100), "x:@acme": (500, 500),
    "instagram:@rival": (4000, 4200),
    "instagram:@other": (2000, 1900), "x:@other": (300, 330),
}
ENGAGEMENTS = {"instagram:@acme": 10, "x:@acme": 2, "instagram:@rival": 20,
               "instagram:@other": 5, "x:@other": 1}
POSTS = {"instagram:@acme": 1, "instagram:@rival": 2}
COMPETITORS = {"instagram:@rival": "Rival Co", "instagram:@other": "Other Ltd", "x:@other": "Other Ltd"}
BENCHMARKS = [
    {"metric": "engagement_rate_followers", "network": "all", "industry": "Retail", "period": "any",
     "value": 1.5, "source": "Example Study 2026, p. 4"},
    {"metric": "follower_growth_rate", "network": "instagram", "industry": "Retail", "period": "month",
     "value": 0.8, "source": "Example Survey"},
]
REPORT = {"id": "compete", "title": "Competitive review", "cadence": "month",
          "kpis": ["followers"], "sections": ["kpis", "competitors", "benchmarks"]}


def run(*args):
    env = dict(os.environ)
    env.pop("SKPI_DB", None)
    env.pop("SKPI_CONFIG", None)
    return subprocess.run([TOOL, *args], capture_output=True, text=True, env=env)


def write(name, text):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


@pytest.fixture(scope="module")
def files():
    os.makedirs(WORK, exist_ok=True)
    rows = ["date,channel,metric,value"]
    for day in range(1, 32):
        date = "2026-03-%02d" % day
        for ch, (first, last) in FOLLOWERS.items():
            rows.append("%s,%s,followers,%d" % (date, ch, last if day == 31 else first))
        for ch, n in ENGAGEMENTS.items():
            rows.append("%s,%s,engagements,%d" % (date, ch, n))
        for ch, n in POSTS.items():
            rows.append("%s,%s,posts_published,%d" % (date, ch, n))
    data = write("march.csv", "\n".join(rows) + "\n")
    db = os.path.join(WORK, "compete.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    done = run("import", "--db", db, "--quiet", data)
    assert done.returncode == 0, done.stderr
    competitors = write("competitors.csv", "channel,competitor\n" +
                        "".join("%s,%s\n" % kv for kv in COMPETITORS.items()))
    bench = write("benchmarks.json", json.dumps({"benchmarks": BENCHMARKS}))
    plain = write("plain.json", json.dumps({"version": 1, "reports": [REPORT]}))
    kept = write("kept.json", json.dumps({
        "version": 1,
        "competitors": [{"channel": c, "competitor": n} for c, n in COMPETITORS.items()],
        "benchmarks": BENCHMARKS,
        "reports": [dict(REPORT, industry="Retail")],
    }))
    return {"db": db, "data": data, "competitors": competitors, "benchmarks": bench,
            "plain": plain, "kept": kept}


def report(files, config, *args):
    done = run("report", "--config", config, "--db", files["db"], "--as-of", "2026-04-01",
               "--format", "json", "--generated-at", "none", *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def table(doc, prefix):
    for block in doc["blocks"]:
        if block["type"] == "table" and (block["title"] or "").startswith(prefix):
            return [c["header"] for c in block["columns"]], block["rows"]
    raise AssertionError("no table " + prefix)


def paragraphs(doc):
    return ["".join(s["text"] for s in b["spans"]) for b in doc["blocks"] if b["type"] == "paragraph"]


def number(text):
    """A figure as the report writes it: 1,600 / 23.3% / +21.8 pp / +1,450%."""
    t = text.replace(",", "").replace("%", "").replace("pp", "").replace("\u2212", "-").strip()
    return float(t)


@pytest.fixture(scope="module")
def pandas_figures(files):
    """Each party's four figures, from the imported CSV with pandas."""
    d = pd.read_csv(files["data"], parse_dates=["date"])
    d["who"] = d.channel.map(COMPETITORS).fillna("us")
    figures = {}
    for who, g in d.groupby("who"):
        f = g[g.metric == "followers"].sort_values("date")
        first = f.groupby("channel").value.first().sum()
        last = f.groupby("channel").value.last().sum()
        engagements = g[g.metric == "engagements"].value.sum()
        posts = g[g.metric == "posts_published"].value.sum()
        figures[who] = {
            "followers": last,
            "growth": (last - first) / first * 100,
            "posts_per_week": posts / 31 * 7 if posts else None,
            "engagement_rate": engagements / last * 100,
        }
    return figures


def check_tables(doc, figures):
    headers, rows = table(doc, "Against competitors, March 2026")
    assert headers == ["Figure", "Us", "Rival Co", "Other Ltd", "Competitor median", "Our rank"]
    by_figure = {r[0]: r[1:] for r in rows}
    # Followers: ours 1,100 + 500 = 1,600 (the competitors' channels left
    # out); Rival Co 4,200; Other Ltd 1,900 + 330 = 2,230; median
    # (4,200 + 2,230) / 2 = 3,215; we are third of three.
    assert by_figure["Followers"] == ["1,600", "4,200", "2,230", "3,215", "3 of 3"]
    for who, col in (("us", 0), ("Rival Co", 1), ("Other Ltd", 2)):
        assert number(by_figure["Followers"][col]) == figures[who]["followers"]
    # Growth: ours (1,600 - 1,500) / 1,500 = 6.67 %, Rival Co 200 / 4,000 =
    # 5 %, Other Ltd (2,230 - 2,300) / 2,300 = -3.04 %: we lead.
    growth = by_figure["Follower growth rate"]
    for who, col in (("us", 0), ("Rival Co", 1), ("Other Ltd", 2)):
        assert number(growth[col]) == pytest.approx(figures[who]["growth"], abs=0.05)
    assert number(growth[0]) == pytest.approx(100 / 15, abs=0.05)
    assert growth[4] == "1 of 3"
    # Engagement rate by followers, a ratio of sums: ours 31 * 12 / 1,600 =
    # 23.25 %, Rival Co 620 / 4,200 = 14.76 %, Other Ltd 186 / 2,230 = 8.34 %.
    rate = by_figure["Engagement rate (by followers)"]
    for who, col in (("us", 0), ("Rival Co", 1), ("Other Ltd", 2)):
        assert number(rate[col]) == pytest.approx(figures[who]["engagement_rate"], abs=0.05)
    assert number(rate[0]) == pytest.approx(23.25, abs=0.05)
    assert rate[4] == "1 of 3"
    # Posts per week: ours 31 / 31 * 7 = 7, Rival Co 14; Other Ltd none.
    posts = by_figure["Posts per week"]
    assert number(posts[0]) == pytest.approx(7) == figures["us"]["posts_per_week"]
    assert number(posts[1]) == pytest.approx(14)
    assert posts[2] == "n/a" and figures["Other Ltd"]["posts_per_week"] is None
    assert posts[4] == "2 of 2"
    # Rival Co's followers lead ours by 2,600 / 1,600 = 162.5 %, more than
    # its posts (100 %) or Other Ltd's followers (39 %).
    assert ("The largest gap to a competitor: Followers, Rival Co 4,200 against our 1,600 "
            "in March 2026.") in paragraphs(doc)

    headers, rows = table(doc, "Against the Retail industry, March 2026")
    assert headers == ["Figure", "Channels", "Us", "Industry", "Gap", "Gap %", "Source"]
    by_figure = {(r[0], r[1]): r[2:] for r in rows}
    assert len(rows) == 2
    # Instagram's growth (1,100 - 1,000) / 1,000 = 10 % against 0.8 %:
    # +9.2 points, 9.2 / 0.8 = +1,150 %.
    ig = by_figure[("Follower growth rate", "Instagram")]
    assert [number(ig[0]), number(ig[1]), number(ig[2]), number(ig[3])] == \
        pytest.approx([10, 0.8, 9.2, 1150])
    assert ig[4] == "Example Survey"
    # All our channels' engagement rate 23.25 % against 1.5 %: +21.75
    # points, +1,450 %.
    er = [v for (f, _), v in by_figure.items() if f == "Engagement rate (by followers)"][0]
    assert [number(er[0]), number(er[1]), number(er[2]), number(er[3])] == \
        pytest.approx([23.25, 1.5, 21.75, 1450], abs=0.05)
    assert er[4] == "Example Study 2026, p. 4"
    assert "We meet or beat every industry benchmark shown." in paragraphs(doc)


def test_competitors_and_benchmarks_from_the_command_line(files, pandas_figures):
    doc = report(files, files["plain"], "--competitors", files["competitors"],
                 "--benchmarks", files["benchmarks"], "--industry", "Retail")
    check_tables(doc, pandas_figures)


def test_competitors_and_benchmarks_kept_in_the_definitions(files, pandas_figures):
    check_tables(report(files, files["kept"]), pandas_figures)
    # --industry alone takes the definitions' table; an industry without
    # rows adds no Benchmarks section.
    doc = report(files, files["kept"], "--industry", "Fashion")
    assert not [b for b in doc["blocks"] if b["type"] == "table" and "industry" in (b["title"] or "")]


def test_without_the_marks_the_competitors_count_as_ours(files):
    doc = report(files, files["plain"])
    kpis = [b for b in doc["blocks"] if b["type"] == "kpi_table"][0]
    followers = [r for r in kpis["rows"] if r["label"] == "Followers"][0]
    # 1,100 + 500 + 4,200 + 1,900 + 330
    assert followers["value"]["number"] == 8030
