"""skpi import --service-level on our customer-care fixtures, read back from
the store through the Python binding: the counts of
tests/fixtures/import/care_messages.csv worked out by hand for a 2-hour
target, and a failed import (a target inside a bin) that leaves the store
as it was."""
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))
import socialkpi as sk  # noqa: E402

TOOL = os.environ.get("SKPI_TOOL", os.path.join(ROOT, "build", "tools", "skpi", "skpi"))
WORK = os.environ.get("SKPI_CLI_WORK", "/tmp/skpi-cli-care")
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "import")
MARCH_2 = (sk.parse_time("2026-03-02"), sk.parse_time("2026-03-03"))
SPAN = (sk.parse_time("2026-03-02"), sk.parse_time("2026-03-05"))


def skpi(*args):
    env = dict(os.environ)
    env.pop("SKPI_DB", None)
    env.pop("SKPI_CONFIG", None)
    return subprocess.run([TOOL, *args], capture_output=True, text=True, env=env)


@pytest.fixture()
def store_path():
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, "care_py.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    return path


def counts(path, channel, period):
    with sk.Store(path, read_only=True) as st:
        ds = st.open_dataset()
        return [ds.value(m, period, channel).value for m in
                ("messages_received", "messages_answered", "response_seconds",
                 "messages_in_target", "service_level")]


def test_service_level_flag(store_path):
    done = skpi("import", "-q", "--db", store_path, "--service-level", "2h",
                os.path.join(FIXTURES, "care_messages.csv"))
    assert done.returncode == 0, done.stderr
    # March 2, Facebook: m1 600 s, m2 3600 s, m3 7200 s (the 2 h edge counts),
    # m4 never answered: 4 received, 3 answered, 11,400 s, 3 in target, 75 %.
    assert counts(store_path, "facebook:acme", MARCH_2) == [4, 3, 11400, 3, 75.0]
    # March 2 to 4, both channels: m1, m2, m3, m5, m6 of 8 = 62.5 %.
    assert counts(store_path, "*", SPAN)[4] == 62.5


def test_failed_import_keeps_the_store(store_path):
    assert skpi("import", "-q", "--db", store_path,
                os.path.join(FIXTURES, "care_messages.csv")).returncode == 0
    before = counts(store_path, "*", SPAN)
    # 1 h by default: m1, m2, m5, m6 of 8 = 50 %
    assert before[4] == 50.0
    done = skpi("import", "-q", "--db", store_path, "--service-level", "2h",
                os.path.join(FIXTURES, "care_bins.csv"))
    assert done.returncode == 3
    assert "line 4, column 4 (\"bin\")" in done.stderr and "(2 h)" in done.stderr
    assert counts(store_path, "*", SPAN) == before
    bad = skpi("import", "--db", store_path, "--service-level", "1 week",
               os.path.join(FIXTURES, "care_bins.csv"))
    assert bad.returncode == 2 and "s, min, h or d" in bad.stderr
