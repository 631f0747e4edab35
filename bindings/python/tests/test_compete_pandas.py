"""Competitor figures (median, rank, growth rate, posts per week, engagement
rate) and the benchmark gap through the binding, recomputed with pandas from
the same invented daily data."""
import numpy as np
import pandas as pd
import pytest

import socialkpi as sk

MARCH = ("2026-03-01", "2026-04-01")
DAYS = pd.date_range("2026-03-01", "2026-03-31", freq="D")


def _frame():
    """Our own invented data: three brands, two networks, a month of days."""
    rng = np.random.default_rng(21)
    rows = []
    owners = {"instagram:@acme": None, "x:@acme": None, "instagram:@rival": "Rival Co",
              "instagram:@other": "Other Ltd", "x:@other": "Other Ltd"}
    for ch, owner in owners.items():
        followers = float(rng.integers(500, 5000))
        for d in DAYS:
            followers += float(rng.integers(-20, 40))
            rows.append({"date": d, "channel": ch, "owner": owner or "us", "followers": followers,
                         "engagements": float(rng.integers(0, 60)),
                         "posts_published": float(rng.integers(0, 3))})
    return pd.DataFrame(rows), owners


def _dataset(df, owners):
    ds = sk.Dataset()
    for ch, part in df.groupby("channel"):
        t = part["date"].values.astype("datetime64[s]").astype("int64")
        for m in ("followers", "engagements", "posts_published"):
            ds.append(m, ch, t, part[m].to_numpy())
    for ch, owner in owners.items():
        if owner:
            ds.set_competitor(ch, owner)
    return ds


def _figures(part):
    """pandas: the four figures of one brand, ratios of sums over channels."""
    by_ch = part.sort_values("date").groupby("channel")
    last = by_ch["followers"].last().sum()
    first = by_ch["followers"].first().sum()
    eng = part["engagements"].sum()
    posts = part["posts_published"].sum()
    return {"followers": last, "follower_growth_rate": (last - first) / first * 100,
            "posts_per_week": posts / 31 * 7, "engagement_rate_followers": eng / last * 100}


@pytest.mark.parametrize("metric", ["followers", "follower_growth_rate", "posts_per_week",
                                    "engagement_rate_followers"])
def test_comparison_matches_pandas(metric):
    df, owners = _frame()
    with _dataset(df, owners) as ds:
        c = sk.compare(ds, metric, MARCH)
        ours = _figures(df[df.owner == "us"])[metric]
        theirs = {o: _figures(df[df.owner == o])[metric] for o in ("Rival Co", "Other Ltd")}
        assert c.own.value == pytest.approx(ours, rel=1e-12)
        assert [n for n, _ in c.competitors] == ["Rival Co", "Other Ltd"]
        for name, v in c.competitors:
            assert v.value == pytest.approx(theirs[name], rel=1e-12)
        assert c.median.value == pytest.approx(pd.Series(list(theirs.values())).median(), rel=1e-12)
        # rank: 1 + competitors strictly better (higher is better for all four)
        assert c.rank == 1 + sum(v > ours for v in theirs.values())
        assert c.ranked == 3


def test_our_totals_leave_competitors_out():
    df, owners = _frame()
    with _dataset(df, owners) as ds:
        ours = df[df.owner == "us"]
        assert ds.value("engagements", MARCH).value == pytest.approx(ours["engagements"].sum())
        assert ds.competitors == ["Rival Co", "Other Ltd"]
        assert ds.competitor_of("x:@other") == "Other Ltd"
        other_x = df[df.channel == "x:@other"].sort_values("date")["followers"].iloc[-1]
        assert ds.competitor_value("followers", MARCH, "Other Ltd", "x").value == pytest.approx(other_x)


def test_benchmark_gap_and_errors(tmp_path):
    b = sk.Benchmarks()
    path = tmp_path / "bench.csv"
    path.write_text("metric,network,industry,period,value,source\n"
                    "engagement_rate_followers,all,Retail,any,1.5,Example Study\n")
    b.load_file(path)
    assert b.find("engagement_rate_followers", "retail").value == 1.5
    assert b.find("followers", "retail") is None
    a, r = sk.benchmark_gap(sk.Value(23.25, sk.Availability.AVAILABLE), 1.5)
    assert a.value == pytest.approx(23.25 - 1.5) and r.value == pytest.approx((23.25 - 1.5) / 1.5 * 100)
    with pytest.raises(sk.NotFoundError, match="line 2.*instgram"):
        b.load_csv("metric,network,industry,period,value,source\nfollowers,instgram,Retail,any,1,S\n")
    with pytest.raises(sk.NotFoundError, match=r"benchmarks\[0\].*no_metric"):
        b.load_json('[{"metric": "no_metric", "network": "x", "industry": "R", "period": "any",'
                    ' "value": 1, "source": "S"}]')
    assert len(b) == 1
