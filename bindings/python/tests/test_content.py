"""Content performance through the binding: tags, normalised types, groups
by type and tag, posting times; figures worked out by hand in the comments
(the same week as tests/unit/test_dataset_content.c)."""
import math

import pytest

import socialkpi as sk

MARCH = ("2026-03-01", "2026-04-01")


@pytest.fixture
def week():
    ds = sk.Dataset()
    add = lambda id, when, type, text, eng, imp: ds.add_post(
        "instagram:@a", id, when, type, text, engagements=eng, impressions=imp)
    add("1", "2026-03-02T09:00:00Z", "IG reel", "#Spring launch", 100, 1000)
    add("2", "2026-03-02T09:30:00Z", "Reels", "", 50, 500)
    ds.add_post_tag("instagram:@a", "2", "Promo")
    add("3", "2026-03-03T18:00:00Z", "IG image", "#spring", 10, 400)
    add("4", "2026-03-03T18:10:00Z", "IG carousel", "", 30, 600)
    add("5", "2026-03-04T12:00:00Z", None, "RT @x hi", 5, 100)
    add("6", "2026-03-04T12:20:00Z", "Reel", "", 20, 200)
    yield ds
    ds.close()


def test_tags_and_kinds(week):
    p2 = week.find_post("instagram:@a", "2")
    assert p2.tags == ["Promo"] and p2.has_tag("#promo")
    assert week.find_post("instagram:@a", "1").has_tag("SPRING")
    assert [p.kind for p in week.posts] == ["reel", "reel", "photo", "carousel", "repost", "reel"]
    assert sk.post_kinds()[:3] == ["other", "photo", "video"]
    week.clear_post_tags("instagram:@a", "2")
    assert p2.tags == []


def test_groups_by_type(week):
    g = week.post_groups(MARCH, min_posts=2)
    # reel: posts 1, 2, 6: total 170, median 50, rate 170 / 1700 = 10 %, share 170 / 215
    reel = g.groups[0]
    assert (reel.key, reel.posts, reel.total.value, reel.median.value) == ("reel", 3, 170, 50)
    assert math.isclose(reel.rate.value, 10) and math.isclose(reel.share.value, 170 / 215)
    assert [p.id for p in reel.top] == ["1", "2", "6"] and [p.id for p in reel.bottom] == ["6", "2", "1"]
    assert [x.key for x in g.groups] == ["reel", "carousel", "photo", "repost"]
    assert g["photo"].too_few and not reel.too_few
    assert g.summary.posts == 6 and g.summary.total.value == 215
    frame = g.to_frame()
    assert list(frame["key"]) == ["reel", "carousel", "photo", "repost"]


def test_groups_by_tag_and_errors(week):
    g = week.post_groups(MARCH, by="tag")
    assert g["#Spring"].posts == 2 and g["#Spring"].median.value == 55
    with pytest.raises(sk.NotFoundError, match="'vidoe'"):
        week.post_groups(MARCH, type="vidoe")
    with pytest.raises(sk.NotFoundError, match="'#winter'"):
        week.post_groups(MARCH, tag="#winter")
    with pytest.raises(ValueError):
        week.post_groups(MARCH, by="colour")
    assert len(week.post_groups(("2026-02-01", "2026-03-01"))) == 0


def test_posting_times(week):
    cal = sk.Calendar()
    cal.time_zone = "Europe/Berlin"
    t = week.posting_times(MARCH, calendar=cal, min_slot_posts=2)
    # Berlin is UTC+1 in early March: Monday 10 h posts 1, 2 (median 75)
    assert t.posts[0][10] == 2 and t.median[0][10] == 75
    assert t.posts[1][19] == 2 and t.median[1][19] == 20
    assert t.best == [(1, 10), (2, 19), (3, 13)]
    assert list(t.to_frame()["posts"]) == [2, 2, 2]


def test_groups_by_type_of_many_posts_against_pandas():
    """Twenty thousand generated posts on two channels, some without
    engagements or impressions, grouped by type over the whole year, over
    four months and over one channel's four months, each recomputed with
    pandas: every figure of every type and of the summary, and the best and
    worst three posts (ties broken by the earlier post, then channel, then
    id). Thousands of posts per type take the medians through the radix
    passes; the later calls reuse the memory of the first."""
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    rng = np.random.default_rng(20261206)
    n = 20_000
    raw = {"IG reel": "reel", "IG image": "photo", "IG carousel": "carousel", "Links": "link",
           "Text": "text"}
    year = pd.Timestamp("2026-01-01", tz="UTC").value // 10**9
    posts = pd.DataFrame({
        "channel": rng.choice(["instagram:@a", "instagram:@b"], n),
        "id": [str(i) for i in range(n)],
        "published": rng.integers(year, year + 365 * 86400, n),
        "raw": rng.choice(list(raw), n),
        "eng": rng.integers(0, 300, n).astype(float),  # many ties
        "imp": rng.integers(100, 100_000, n).astype(float),
    })
    posts.loc[rng.random(n) < 0.05, "eng"] = np.nan
    posts.loc[rng.random(n) < 0.03, "imp"] = np.nan
    posts["kind"] = posts["raw"].map(raw)
    ds = sk.Dataset()
    for r in posts.itertuples():
        values = {k: v for k, v in (("engagements", r.eng), ("impressions", r.imp)) if not math.isnan(v)}
        ds.add_post(r.channel, r.id, int(r.published), r.raw, "", **values)

    def expect(rows):
        both = rows[rows["eng"].notna() & rows["imp"].notna()]
        return dict(posts=len(rows), valued=int(rows["eng"].notna().sum()), total=rows["eng"].sum(),
                    median=rows["eng"].median(), rate=both["eng"].sum() / both["imp"].sum() * 100)

    def ranked(rows, ascending):
        rows = rows[rows["eng"].notna()].sort_values(["eng", "published", "channel", "id"],
                                                     ascending=[ascending, True, True, True])
        return list(rows["id"][:3])

    day = lambda d: pd.Timestamp(d, tz="UTC").value // 10**9
    cases = [(("2026-01-01", "2027-01-01"), None), (("2026-03-01", "2026-07-01"), None),
             (("2026-03-01", "2026-07-01"), "instagram:@b")]
    for (start, end), selector in cases:
        rows = posts[(posts["published"] >= day(start)) & (posts["published"] < day(end))]
        if selector:
            rows = rows[rows["channel"] == selector]
        g = ds.post_groups((start, end), selector=selector)
        total = rows["eng"].sum()
        assert {x.key for x in g.groups} == set(rows["kind"])
        for key, part in list(rows.groupby("kind")) + [("all", rows)]:
            got = g.summary if key == "all" else g[key]
            want = expect(part)
            assert (got.posts, got.valued) == (want["posts"], want["valued"]), (selector, key)
            assert got.median.value == want["median"], (selector, key)
            assert math.isclose(got.total.value, want["total"], rel_tol=1e-12), (selector, key)
            assert math.isclose(got.rate.value, want["rate"], rel_tol=1e-12), (selector, key)
            assert math.isclose(got.share.value, want["total"] / total, rel_tol=1e-12), key
            if key != "all":
                assert [p.id for p in got.top] == ranked(part, False), (selector, key)
                assert [p.id for p in got.bottom] == ranked(part, True), (selector, key)
    ds.close()
