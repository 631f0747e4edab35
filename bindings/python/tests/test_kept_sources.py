"""Who checked in, where a target comes from, and the definitions' competitors and
benchmark table: set from Python, read back, and kept by definitions files and stores."""
import json

import pytest

import socialkpi as sk

DAY = 86400

# Three rows worked with by hand below: the Instagram row of the engagement
# rate comes before the `all` row for a goal on Instagram; a key result
# across networks only finds the `all` row.
TABLE = [
    {"metric": "engagement_rate_followers", "network": "all", "industry": "Retail",
     "period": "any", "value": 1.5, "source": "Example Study 2026, p. 4"},
    {"metric": "engagement_rate_followers", "network": "instagram", "industry": "Retail",
     "period": "any", "value": 2.25, "source": "Example Study 2026"},
    {"metric": "follower_growth_rate", "network": "instagram", "industry": "Retail",
     "period": "month", "value": 0.8, "source": "Example Survey"},
]

DOCUMENT = json.dumps({
    "version": 1,
    "competitors": [{"channel": "instagram:@rival", "competitor": "Rival Co"},
                    {"channel": "x:@other", "competitor": "Other Ltd"}],
    "benchmarks": TABLE,
    "goals": [{"id": "er", "name": "Engage like retail", "metric": "engagement_rate_followers",
               "channel": "instagram:@acme", "baseline": {"value": 1.0},
               "target": {"kind": "absolute", "value": 2.25},
               "target_source": "Retail benchmark, Example Study 2026"}],
    "objectives": [{"id": "o", "title": "Engage", "period": {"start": "2026-01-01", "end": "2026-04-01"},
                    "key_results": [{"title": "Engagement rate", "kind": "metric",
                                     "metric": "engagement_rate_followers", "channel": "*",
                                     "start": 0.5, "target": 1.5,
                                     "target_source": "Retail benchmark, Example Study 2026, p. 4",
                                     "checkins": [{"time": "2026-02-01", "value": 0.9, "author": "Dana"},
                                                  {"time": "2026-03-01", "value": 1.1}]}]}],
})


def table():
    b = sk.Benchmarks()
    b.load_json(json.dumps(TABLE))
    return b


def test_checkin_author():
    obj = sk.Objective("Answer faster")
    kr = obj.add_key_result("Replies within 1 h (%)", start=60, target=100)
    kr.check_in("2026-01-10", 70, 0.6, "new rota", author="Dana")
    kr.check_in("2026-01-03", 65)  # no author: ''
    # 2026-01-03 and 2026-01-10 are 20,456 and 20,463 days after 1970-01-01
    assert kr.checkins == [sk.CheckIn(20456 * DAY, 65.0, None, "", ""),
                           sk.CheckIn(20463 * DAY, 70.0, 0.6, "new rota", "Dana")]
    assert [c.author for c in kr.checkins] == ["", "Dana"]
    obj.close()


def test_checkin_author_in_the_store(tmp_path):
    with sk.Store.create(str(tmp_path / "h.db")) as st:
        st.write_definitions(sk.Definitions.loads(DOCUMENT))
        st.add_checkin("o", 0, "2026-03-15", 1.2, 0.8, note="reels", author="Sam")
        st.add_checkin("o", 0, "2026-03-20", 1.3)
        kr = st.read_definitions().objectives["o"].key_results[0]
        # 2026-02-01, 03-01, 03-15, 03-20: days 20485, 20513, 20527, 20532
        assert [(c.time // DAY, c.author) for c in kr.checkins] == [
            (20485, "Dana"), (20513, ""), (20527, "Sam"), (20532, "")]
        assert kr.checkins[2] == sk.CheckIn(20527 * DAY, 1.2, 0.8, "reels", "Sam")


def test_goal_target_from_a_benchmark():
    b = table()
    g = sk.Goal("Engage like retail", metric="engagement_rate_followers", channel="instagram:@acme")
    assert g.target_source is None
    with pytest.raises(sk.NotFoundError):
        g.set_target_benchmark(b, "Fashion")
    assert g.target_source is None
    g.set_target_benchmark(b, "retail")      # industries match without regard to case
    assert g.target_kind == sk.TargetKind.ABSOLUTE and g.target == 2.25   # the Instagram row
    assert g.target_source == "Retail benchmark, Example Study 2026"
    g.channel = "*"
    g.set_target_benchmark(b, "Retail")      # across networks: the `all` row
    assert g.target == 1.5
    assert g.target_source == "Retail benchmark, Example Study 2026, p. 4"
    g.set_target(3.0)                        # a target of our own drops the source
    assert g.target_source is None
    g.target_source = "Retail benchmark, a study we read"
    assert g.target_source == "Retail benchmark, a study we read" and g.target == 3.0
    with pytest.raises(sk.InvalidArgumentError, match="control character at byte 6"):
        g.target_source = "Retail\nbenchmark"
    assert g.target_source == "Retail benchmark, a study we read"
    g.set_target(10, sk.TargetKind.PERCENT)
    with pytest.raises(sk.InvalidArgumentError, match="only an absolute target"):
        g.target_source = "Retail benchmark, S"
    g.close()
    b.close()


def test_key_result_target_from_a_benchmark():
    b = table()
    obj = sk.Objective("Engage")
    kr = obj.add_key_result("Engagement rate", sk.KeyResultKind.METRIC, 0.5, 5.0,
                            metric="engagement_rate_followers")
    kr.set_target_benchmark(b, "Retail")
    assert kr.range == (0.5, 1.5)            # the start stays; the `all` row's 1.5
    assert kr.target_source == "Retail benchmark, Example Study 2026, p. 4"
    kr.set_range(0.5, 2.0)
    assert kr.target_source is None
    kr.target_source = "Retail benchmark, Example Survey"
    assert kr.target_source == "Retail benchmark, Example Survey"
    kr.target_source = None
    assert kr.target_source is None
    bare = obj.add_key_result("No range yet")
    with pytest.raises(sk.InvalidArgumentError, match="set its range first"):
        bare.target_source = "Retail benchmark, S"
    obj.close()
    b.close()


def check_kept(defs):
    """What DOCUMENT holds, as worked out from it."""
    g = defs.goals["er"]
    assert (g.target, g.target_source) == (2.25, "Retail benchmark, Example Study 2026")
    kr = defs.objectives["o"].key_results[0]
    assert kr.range == (0.5, 1.5)
    assert kr.target_source == "Retail benchmark, Example Study 2026, p. 4"
    assert [c.author for c in kr.checkins] == ["Dana", ""]
    assert defs.competitors == {"instagram:@rival": "Rival Co", "x:@other": "Other Ltd"}
    with defs.benchmarks as b:
        assert len(b) == 3
        assert b[0] == sk.Benchmark("engagement_rate_followers", "all", "Retail", "any", 1.5,
                                    "Example Study 2026, p. 4")
        assert b[2] == sk.Benchmark("follower_growth_rate", "instagram", "Retail", "month", 0.8,
                                    "Example Survey")


def test_definitions_file_and_store_keep_them(tmp_path):
    defs = sk.Definitions.loads(DOCUMENT)
    check_kept(defs)
    text = defs.dumps()
    assert text.count('"target_source"') == 2
    again = sk.Definitions.loads(text)
    check_kept(again)
    with sk.Store.create(str(tmp_path / "h.db")) as st:
        st.write_definitions(again)
        back = st.read_definitions()
        check_kept(back)
    for d in (defs, again, back):
        d.close()


def test_competitors_and_benchmarks_of_the_definitions():
    defs = sk.Definitions()
    assert defs.competitors == {} and defs.benchmarks is None
    defs.set_competitor("instagram:@rival", "Rival Co")
    defs.set_competitor("x:@other", "Someone")
    defs.set_competitor("x:@other", "Other Ltd")   # renamed, keeps its place
    defs.set_competitor("tiktok:@gone", "Gone Inc")
    defs.set_competitor("tiktok:@gone", None)      # unmarked
    assert list(defs.competitors.items()) == [("instagram:@rival", "Rival Co"), ("x:@other", "Other Ltd")]
    with pytest.raises(sk.InvalidArgumentError):
        defs.set_competitor("no channel", "X")
    assert len(defs.competitors) == 2
    b = table()
    defs.benchmarks = b
    b.add("followers", "all", "Retail", "any", 5000, "Later row")  # the definitions hold a copy
    copy = defs.benchmarks
    assert copy is not None and len(copy) == 3
    assert copy.find("engagement_rate_followers", "Retail", "instagram").value == 2.25
    copy.close()
    defs.benchmarks = None
    assert defs.benchmarks is None
    # marked in a dataset, a competitor's channel is theirs
    with sk.Dataset() as ds:
        ds.append("followers", "instagram:@acme", [0], [1000.0])
        ds.append("followers", "instagram:@rival", [0], [4000.0])
        assert ds.competitor_of("instagram:@rival") is None
        defs.mark_competitors(ds)
        assert ds.competitor_of("instagram:@rival") == "Rival Co"
        assert ds.competitor_of("instagram:@acme") is None
    b.close()
    defs.close()


def test_bad_target_source_in_a_file():
    bad = json.loads(DOCUMENT)
    bad["goals"][0]["target"] = {"kind": "delta", "value": 1}
    with pytest.raises(sk.InvalidArgumentError, match=r"goals\[0\]\.target_source: says where a target "
                                                     r"comes from, but the goal's target is not absolute"):
        sk.Definitions.loads(json.dumps(bad))
    bad = json.loads(DOCUMENT)
    bad["objectives"][0]["key_results"][0]["target_source"] = ""
    with pytest.raises(sk.InvalidArgumentError,
                       match=r"objectives\[0\]\.key_results\[0\]\.target_source: the target's source is empty"):
        sk.Definitions.loads(json.dumps(bad))
