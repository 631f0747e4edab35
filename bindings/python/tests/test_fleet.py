"""socialkpi.fleet on a real LocalCluster (two worker processes on 127.0.0.1).

A generated fleet of accounts (200 by default; SKPI_FLEET_ACCOUNTS changes it), each a
long-format export of a year of daily data on three channels, goes through
import_exports, evaluate, reports and rollup on the cluster. Every result is checked
against the same computation done account by account in this process with the plain
binding, the key results and the fleet's engagement rate against pandas reading the raw
files. One account's export is malformed: its task fails with its message and the
others' results stay whole.
"""
import hashlib
import json
import os

import numpy as np
import pandas as pd
import pytest

import socialkpi as sk

distributed = pytest.importorskip("distributed", reason="python3-distributed is not installed")
from socialkpi import fleet as fl  # noqa: E402

from fleet_data import CHANNELS, write_account  # noqa: E402

ACCOUNTS = int(os.environ.get("SKPI_FLEET_ACCOUNTS", "200"))
BROKEN = "acct-007"
AS_OF = "2025-12-15"


@pytest.fixture(scope="module")
def fleet(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fleet")
    accounts, raw = [], {}
    for i in range(ACCOUNTS):
        aid = f"acct-{i:03d}"
        raw[aid] = write_account(folder, aid, i)
        if aid == BROKEN:  # a value that is no number, on the file's last line
            with open(folder / aid / "daily.csv", "a") as f:
                f.write("2025-12-31,x:@broken,reach,12abc\n")
        accounts.append({"id": aid, "store": f"{aid}.db", "definitions": f"{aid}.json",
                         "exports": aid, "channels": [c.format(a=aid) for c in CHANNELS]})
    (folder / "accounts.json").write_text(json.dumps({"accounts": accounts}))
    return fl.Fleet.load(folder / "accounts.json"), raw, folder


@pytest.fixture(scope="module")
def client():
    # worker processes find the package and the library the way this process does
    here = os.path.dirname(os.path.dirname(sk.__file__))
    saved = {k: os.environ.get(k) for k in ("PYTHONPATH", "SOCIALKPI_LIBRARY")}
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (here, saved["PYTHONPATH"]) if p)
    os.environ["SOCIALKPI_LIBRARY"] = sk._lib.lib._name
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="module")
def imported(fleet, client):
    f, raw, folder = fleet
    return fl.import_exports(f, client=client)


def good(f):
    return [a for a in f if a.id != BROKEN]


def test_accounts_file_is_checked(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"accounts": [{"id": "a", "store": "a.db"},
                                                              {"id": "a", "store": "b.db"}]}))
    with pytest.raises(sk.InvalidArgumentError, match="unique: a repeated"):
        fl.Fleet.load(tmp_path / "a.json")
    with pytest.raises(sk.InvalidArgumentError, match="share a store"):
        fl.Fleet([fl.Account("a", "s.db"), fl.Account("b", "./s.db")])
    (tmp_path / "b.json").write_text(json.dumps({"accounts": [{"id": "a"}]}))
    with pytest.raises(sk.InvalidArgumentError, match=r"accounts\[0\]: an account needs"):
        fl.Fleet.load(tmp_path / "b.json")


def test_import_fails_the_broken_account_only(fleet, imported):
    f, raw, folder = fleet
    assert list(imported.account) == [a.id for a in f]
    bad = imported[imported.account == BROKEN].iloc[0]
    # the appended row: after the header and 365 x 9 rows
    assert "12abc" in bad.error and "line 3287" in bad.error, bad.error
    assert not (folder / f"{BROKEN}.db").exists()  # all or nothing
    ok = imported[imported.account != BROKEN]
    assert ok.error.isna().all()
    # 365 days x 3 channels x 3 metrics, each row one point (counted by hand)
    assert (ok.rows == 365 * 9).all() and (ok.points == 365 * 9).all()
    # every store holds what its file held, read back with the plain binding
    some = f.accounts[11]
    with sk.Store(some.store, read_only=True) as st, \
            st.read_series("reach", f"x:@{some.id}") as s:
        want = raw[some.id]
        want = want[(want.metric == "reach") & (want.channel == f"x:@{some.id}")].value
        assert np.array_equal(np.asarray(s.values), want.to_numpy())


def test_evaluate_matches_one_process(fleet, imported, client):
    f, raw, folder = fleet
    got = fl.evaluate(f, AS_OF, client=client)
    assert set(got.attrs["errors"]) == {BROKEN}
    assert "does not exist" in got.attrs["errors"][BROKEN] or \
        "no store" in got.attrs["errors"][BROKEN], got.attrs["errors"][BROKEN]
    assert list(got.account.unique()) == [a.id for a in good(f)]
    # one process, account by account, with the binding's own frames
    for a in good(f):
        with sk.Definitions.load(a.definitions) as defs, \
                sk.Store(a.store, read_only=True) as store, \
                store.read_dataset(defs.catalog) as ds:
            goals = defs.goals_frame(ds, AS_OF)
            okrs = defs.okrs_frame(ds, AS_OF)
        mine = got[got.account == a.id]
        g = mine[mine.kind == "goal"]
        assert list(g.id) == list(goals.id)
        np.testing.assert_array_equal(g.progress.to_numpy(), goals.progress.to_numpy())
        np.testing.assert_array_equal(g.forecast.to_numpy(), goals.forecast.to_numpy())
        assert list(g.status) == list(goals.status)
        k = mine[mine.kind == "key_result"]
        np.testing.assert_array_equal(k.progress.to_numpy(), okrs.score.to_numpy())
        assert list(k.status) == list(okrs.status)
    # the key result counts Q4 engagements up to the as-of day: pandas from the raw file,
    # score (sum - 10,000) / 30,000 capped to [0, 1]
    for a in good(f)[:25]:
        data = raw[a.id]
        q4 = data[(data.metric == "engagements") & (data.date >= "2025-10-01")
                  & (data.date < AS_OF)].value.sum()
        kr = got[(got.account == a.id) & (got.kind == "key_result")].iloc[0]
        assert kr.value == pytest.approx(q4, rel=1e-12)
        assert kr.progress == pytest.approx(min(1.0, max(0.0, (q4 - 10000) / 30000)), abs=1e-9)
        # a flow goal's value is the last complete month before the as-of day: November;
        # progress from the baseline 0 toward 1.5 M
        nov = data[(data.date >= "2025-11-01") & (data.date < "2025-12-01")]
        reach = nov[nov.metric == "reach"].value.sum()
        goal = got[(got.account == a.id) & (got.id == "reach")].iloc[0]
        assert goal.value == pytest.approx(reach, rel=1e-12)
        assert goal.progress == pytest.approx(reach / 1500000, rel=1e-9)
        # the rate goal: November's Instagram engagements over reach, from 3 % toward 4 %
        ig = nov[nov.channel.str.startswith("instagram:")]
        rate = (ig[ig.metric == "engagements"].value.sum() / ig[ig.metric == "reach"].value.sum()
                * 100)
        goal = got[(got.account == a.id) & (got.id == "rate")].iloc[0]
        assert goal.value == pytest.approx(rate, rel=1e-12)
        assert goal.progress == pytest.approx(rate - 3, rel=1e-9)


def test_reports_are_rendered_where_the_data_is(fleet, imported, client, tmp_path):
    f, raw, folder = fleet
    got = fl.reports(f, "2026-01-01", "html", generated_at="2026-01-01T08:00:00Z",
                     client=client)
    assert list(got.account) == [a.id for a in f]
    assert got[got.account != BROKEN].error.isna().all()
    assert got[got.account == BROKEN].error.notna().all()
    for a in good(f)[:10]:
        with sk.Definitions.load(a.definitions) as defs, \
                sk.Store(a.store, read_only=True) as store, \
                store.read_dataset(defs.catalog) as ds, \
                defs.build_report("monthly", "2026-01-01") as rd, rd.assemble(ds) as doc:
            want = doc.render("html", generated_at="2026-01-01T08:00:00Z").encode()
        path = folder / f"{a.id}-2026-01-01.html"  # the default pattern: beside the store
        assert path.read_bytes() == want
        row = got[got.account == a.id].iloc[0]
        assert row.target == str(path)
        assert row.sha256 == hashlib.sha256(want).hexdigest() and row.bytes == len(want)
    # another pattern, another format
    pattern = fl.PathPattern(str(tmp_path / "{as_of}" / "{account}.{ext}"))
    md = fl.reports(f.accounts[:4], "2026-01-01", "markdown", pattern, client=client)
    assert md.error.isna().all()
    assert (tmp_path / "2026-01-01" / "acct-003.md").read_text().startswith("# Monthly review")


def test_fleet_rate_is_a_ratio_of_sums_over_accounts(fleet, imported, client):
    f, raw, folder = fleet
    r = fl.rollup(f, "engagement_rate_reach", ("2025-01-01", "2026-01-01"), sk.Cadence.MONTH,
                  client=client)
    assert set(r.errors) == {BROKEN}
    # pandas from the raw files of the accounts that imported: month sums over every
    # account and channel, then the ratio
    data = pd.concat([d for aid, d in raw.items() if aid != BROKEN])
    data["month"] = data.date.str[:7]
    sums = data.groupby(["month", "metric"]).value.sum().unstack()
    want = (sums.engagements / sums.reach * 100).to_numpy()
    np.testing.assert_allclose(r.frame.value.to_numpy(), want, rtol=1e-12)
    assert (r.frame.availability == "available").all()
    assert (r.frame.accounts == len(f) - 1).all()
    # rates never travel: the parts are the components, and a mean of the channels'
    # own rates is another number
    assert set(r.parts.component) == {"engagements", "reach"}
    per = data.groupby(["month", "channel", "metric"]).value.sum().unstack()
    mean_of_rates = (per.engagements / per.reach * 100).groupby(level=0).mean().to_numpy()
    assert not np.allclose(mean_of_rates, want, rtol=1e-6)
    html = r.render("html", generated_at="2026-01-02T00:00:00Z")
    assert "engagement_rate_reach" in html and BROKEN in html


def test_fleet_stock_sum_matches_one_process(fleet, imported, client):
    f, raw, folder = fleet
    some = f.accounts[:20]
    r = fl.rollup(some, "followers", ("2025-01-01", "2026-01-01"), sk.Cadence.QUARTER,
                  client=client)
    total = np.zeros(4)
    for a in some:
        if a.id == BROKEN:
            continue
        with sk.Store(a.store, read_only=True) as store, store.read_dataset() as ds, \
                ds.rollup("followers", ("2025-01-01", "2026-01-01"),
                          cadence=sk.Cadence.QUARTER) as s:
            total += np.asarray(s.values)
    np.testing.assert_allclose(r.frame.value.to_numpy(), total, rtol=1e-12)
    # and from the raw files: the last day of each quarter, summed over channels and accounts
    data = pd.concat([raw[a.id] for a in some if a.id != BROKEN])
    ends = ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]
    want = [data[(data.metric == "followers") & (data.date == d)].value.sum() for d in ends]
    np.testing.assert_allclose(total, want)


def test_first_of_a_stock_is_refused():
    with pytest.raises(sk.UnsupportedError, match="first"):
        fl.rollup([], "audience_growth_rate", ("2025-01-01", "2026-01-01"))


def test_command_line_reports(fleet, imported, client, tmp_path, capsys):
    f, raw, folder = fleet
    address = client.scheduler.address
    few = {"accounts": [{"id": a.id, "store": a.store, "definitions": a.definitions}
                        for a in f.accounts[5:9]]}
    (tmp_path / "few.json").write_text(json.dumps(few))
    rc = fl.main(["report", "--accounts", str(tmp_path / "few.json"), "--as-of", "2026-01-01",
                  "--scheduler", address, "--format", "text",
                  "--out", str(tmp_path / "{account}.{ext}")])
    out = capsys.readouterr()
    assert rc == 1  # acct-007 has no store
    assert "acct-007: failed:" in out.err
    assert (tmp_path / "acct-008.txt").exists() and "acct-008:" in out.out


def test_skpi_fleet_command(fleet, imported, client, tmp_path):
    # the C tool's `skpi fleet report` runs the same module with the interpreter of this test
    tool = os.environ.get("SKPI_TOOL")
    if not tool:
        pytest.skip("set SKPI_TOOL to the skpi tool to run skpi fleet")
    import subprocess
    import sys
    f, raw, folder = fleet
    few = {"accounts": [{"id": a.id, "store": a.store, "definitions": a.definitions}
                        for a in f.accounts[8:10]]}
    (tmp_path / "few.json").write_text(json.dumps(few))
    env = dict(os.environ, SKPI_PYTHON=sys.executable)
    ok = subprocess.run([tool, "fleet", "report", "--accounts", str(tmp_path / "few.json"),
                         "--as-of", "2026-01-01", "--scheduler", client.scheduler.address,
                         "--format", "markdown", "--out", str(tmp_path / "{account}.{ext}")],
                        env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    for aid in ("acct-008", "acct-009"):
        assert f"{aid}: " in ok.stdout
        assert (tmp_path / f"{aid}.md").read_text().startswith("# ")
    # the broken account: the tool's input-error code, and the account named
    few["accounts"].insert(0, {"id": BROKEN, "store": str(tmp_path / "none.db"),
                               "definitions": f.accounts[8].definitions})
    (tmp_path / "some.json").write_text(json.dumps(few))
    bad = subprocess.run([tool, "fleet", "report", "--accounts", str(tmp_path / "some.json"),
                          "--as-of", "2026-01-01", "--scheduler", client.scheduler.address,
                          "--out", str(tmp_path / "{account}.{ext}")],
                         env=env, capture_output=True, text=True)
    assert bad.returncode == 3
    assert f"{BROKEN}: failed:" in bad.stderr
    missing = subprocess.run([tool, "fleet", "report", "--accounts", "x.json", "--as-of", "2026-01-01"],
                             env=dict(env, SKPI_PYTHON="/nonexistent/python"), capture_output=True, text=True)
    assert missing.returncode == 4 and "cannot run /nonexistent/python" in missing.stderr
