"""skpi send end to end against servers the test starts on 127.0.0.1: the
message the SMTP server received parsed with Python's email module, the
webhook payloads, retries, failures and the deliveries recorded in the
store (read with sqlite3). No test reaches any other address."""
import base64
import email
import email.policy
import json
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from servers import HttpServer, SmtpServer, free_port  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

TOOL = os.environ["SKPI_TOOL"]
GOLDEN = os.path.join(os.path.dirname(__file__), "..", "golden", "digest")
AS_OF = "2026-04-01"
GENERATED = "2026-04-01T08:00:00Z"
SECRET = "/services/T0001/B0002/s3cretTOKENxyz"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    d = tmp_path_factory.mktemp("demo")
    subprocess.run([TOOL, "demo", "-d", str(d), "-q", "--generated-at", "none"], check=True,
                   stdout=subprocess.DEVNULL)
    return d


@pytest.fixture
def store(demo, tmp_path):
    """A fresh copy of the demo store for each test: no deliveries yet."""
    db = tmp_path / "skpi.db"
    shutil.copy(demo / "demo.db", db)
    return db


def env_for(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SKPI_SMTP") and k != "SKPI_MAIL_FROM"}
    env["HOME"] = str(tmp_path)  # no ~/.netrc but the test's own
    env["SKPI_MAIL_FROM"] = "reports@example.com"
    env.update(extra)
    return env


def skpi(demo, store, tmp_path, *args, **env):
    cmd = [TOOL, "send", "--config", str(demo / "definitions.json"), "--db", str(store),
           "--as-of", AS_OF, "--generated-at", GENERATED, "--retry-wait", "10", *args]
    return subprocess.run(cmd, env=env_for(tmp_path, **env), capture_output=True, text=True, timeout=120)


def report(demo, store, fmt):
    out = subprocess.run([TOOL, "report", "--config", str(demo / "definitions.json"), "--db", str(store),
                          "--as-of", AS_OF, "--generated-at", GENERATED, "--format", fmt],
                         capture_output=True, check=True)
    return out.stdout


def deliveries(store):
    with sqlite3.connect(store) as c:
        return c.execute("SELECT report, period_start, period_end, format, channel, target, status, message"
                         " FROM delivery ORDER BY id").fetchall()


def test_mail_with_alternatives_and_attachments(demo, store, tmp_path):
    with SmtpServer() as smtp:
        r = skpi(demo, store, tmp_path, "--to", "ceo@example.com", "--cc", "team@example.com,cfo@example.com",
                 "--attach", "csv,json", SKPI_SMTP_URL=smtp.url)
        assert r.returncode == 0, r.stderr
        assert len(smtp.messages) == 1
    sender, rcpts, raw = smtp.messages[0]
    assert sender == "reports@example.com"
    assert rcpts == ["ceo@example.com", "team@example.com", "cfo@example.com"]
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["From"] == "reports@example.com"
    assert msg["To"] == "ceo@example.com"
    assert msg["Cc"] == "team@example.com, cfo@example.com"
    # the demo's title holds an em dash: RFC 2047 on the wire, decoded here
    assert msg["Subject"] == "Acme Outdoor \u2014 social media: Report for March 2026"
    assert b"Subject: =?UTF-8?B?" in raw
    assert msg["Date"] is not None and msg["Message-ID"].endswith("@example.com>")
    assert msg.get_content_type() == "multipart/mixed"
    parts = list(msg.iter_parts())
    assert [p.get_content_type() for p in parts] == ["multipart/alternative", "text/csv", "application/json"]
    alt = list(parts[0].iter_parts())
    assert [p.get_content_type() for p in alt] == ["text/plain", "text/html"]
    assert alt[0].get_payload(decode=True) == report(demo, store, "text")
    assert alt[1].get_payload(decode=True) == report(demo, store, "html")
    assert parts[1].get_filename() == "monthly.csv"
    assert parts[1].get_payload(decode=True) == report(demo, store, "csv")
    assert parts[2].get_filename() == "monthly.json"
    assert parts[2].get_payload(decode=True) == report(demo, store, "json")
    # recorded: report, the period March 2026, format, recipients, sent
    rows = deliveries(store)
    assert rows == [("monthly", 1772323200, 1775001600, "html+text,csv,json", "email",
                     "to: ceo@example.com; cc: team@example.com,cfo@example.com", 1, "")]


# CMake says whether the library renders PDF (build option SKPI_WITH_PDF).
WITH_PDF = os.environ.get("SKPI_TEST_WITH_PDF", "1") == "1"


@pytest.mark.skipif(not WITH_PDF, reason="library built without SKPI_WITH_PDF")
def test_mail_with_a_pdf_attachment(demo, store, tmp_path):
    with SmtpServer() as smtp:
        r = skpi(demo, store, tmp_path, "--to", "ceo@example.com", "--attach", "pdf", SKPI_SMTP_URL=smtp.url)
        assert r.returncode == 0, r.stderr
        assert len(smtp.messages) == 1
    raw = smtp.messages[0][2]
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    parts = list(msg.iter_parts())
    assert [p.get_content_type() for p in parts] == ["multipart/alternative", "application/pdf"]
    pdf = parts[1]
    assert pdf.get_filename() == "monthly.pdf"
    assert pdf.get_content_disposition() == "attachment"
    assert pdf["Content-Transfer-Encoding"] == "base64"
    # decoded here with the base64 module, not the email package's decoder
    data = base64.b64decode(pdf.get_payload(decode=False), validate=False)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    # the same bytes as the renderer gives for the same report and time
    assert data == report(demo, store, "pdf")
    assert deliveries(store)[0][3] == "html+text,pdf"


@pytest.mark.skipif(WITH_PDF, reason="library built with SKPI_WITH_PDF")
def test_pdf_attachment_without_pdf_is_refused_and_nothing_sent(demo, store, tmp_path):
    with SmtpServer() as smtp:
        r = skpi(demo, store, tmp_path, "--to", "ceo@example.com", "--attach", "pdf", SKPI_SMTP_URL=smtp.url)
        assert r.returncode != 0
        assert len(smtp.messages) == 0
    assert "SKPI_WITH_PDF" in r.stderr and "--attach" in r.stderr
    assert [row[6] for row in deliveries(store)] in ([], [2])


def test_second_run_sends_nothing_unless_forced(demo, store, tmp_path):
    with SmtpServer() as smtp:
        first = skpi(demo, store, tmp_path, "--to", "ceo@example.com", SKPI_SMTP_URL=smtp.url)
        second = skpi(demo, store, tmp_path, "--to", "ceo@example.com", SKPI_SMTP_URL=smtp.url)
        assert first.returncode == 0 and second.returncode == 0, second.stderr
        assert len(smtp.messages) == 1
        assert second.stdout.startswith("not sent: ")
        assert "was sent" in second.stdout and "force" in second.stdout
        # another recipient is another target: sent
        other = skpi(demo, store, tmp_path, "--to", "cfo@example.com", SKPI_SMTP_URL=smtp.url)
        assert other.returncode == 0 and len(smtp.messages) == 2
        forced = skpi(demo, store, tmp_path, "--to", "ceo@example.com", "--force", SKPI_SMTP_URL=smtp.url)
        assert forced.returncode == 0 and len(smtp.messages) == 3
    assert [row[6] for row in deliveries(store)] == [1, 1, 1]


def test_digest_mail_is_plain_text(demo, store, tmp_path):
    with SmtpServer() as smtp:
        r = skpi(demo, store, tmp_path, "--to", "ceo@example.com", "--digest", SKPI_SMTP_URL=smtp.url)
        assert r.returncode == 0, r.stderr
    msg = email.message_from_bytes(smtp.messages[0][2], policy=email.policy.default)
    assert msg.get_content_type() == "text/plain"
    with open(os.path.join(GOLDEN, "demo.txt"), "rb") as f:
        assert msg.get_payload(decode=True) == f.read()


def test_slack_webhook_posts_the_digest(demo, store, tmp_path):
    with HttpServer() as http:
        r = skpi(demo, store, tmp_path, "--webhook", http.url(SECRET), "--preset", "slack",
                 "--link", "https://reports.example.com/monthly", "--header", "X-Team: growth")
        assert r.returncode == 0, r.stderr
    assert len(http.requests) == 1
    path, headers, body = http.requests[0]
    assert path == SECRET
    assert headers["Content-Type"] == "application/json"
    assert headers["X-Team"] == "growth"
    with open(os.path.join(GOLDEN, "demo.slack"), encoding="utf-8") as f:
        assert json.loads(body) == {"text": f.read()}
    rows = deliveries(store)
    assert rows[0][3:7] == ("digest:slack", "webhook", "http://127.0.0.1:%d/\u2026" % http.port, 1)
    # the secret path is nowhere in the store
    with open(store, "rb") as f:
        assert b"s3cretTOKEN" not in f.read()


def test_teams_webhook_posts_a_message_card(demo, store, tmp_path):
    with HttpServer() as http:
        r = skpi(demo, store, tmp_path, "--webhook", http.url(), "--preset", "teams")
        assert r.returncode == 0, r.stderr
    card = json.loads(http.requests[0][2])
    assert card["@type"] == "MessageCard"
    assert card["title"] == "Acme Outdoor \u2014 social media"
    assert [s["title"] for s in card["sections"]][:3] == ["Key numbers", "Goals", "OKRs"]


def test_webhook_retries_after_5xx(demo, store, tmp_path):
    with HttpServer(statuses=[503, 502]) as http:
        r = skpi(demo, store, tmp_path, "--webhook", http.url(), "--retries", "2")
        assert r.returncode == 0, r.stderr
    assert len(http.requests) == 3
    assert http.requests[0][2] == http.requests[2][2]
    assert deliveries(store)[0][6] == 1


def test_webhook_4xx_is_not_retried_and_recorded_failed(demo, store, tmp_path):
    with HttpServer(statuses=[404], reply_body=b"no_service for " + SECRET.encode()) as http:
        r = skpi(demo, store, tmp_path, "--webhook", http.url(SECRET), "--retries", "3")
        assert r.returncode == 6
        assert len(http.requests) == 1
    err = r.stderr.strip()
    assert "\n" not in err
    assert "404" in err and "no_service" in err and "not retried" in err
    assert "s3cretTOKEN" not in err and "http://127.0.0.1:%d/\u2026" % http.port in err
    rows = deliveries(store)
    assert len(rows) == 1 and rows[0][6] == 2 and "404" in rows[0][7]
    assert "s3cretTOKEN" not in rows[0][7]


def test_smtp_retries_temporary_replies(demo, store, tmp_path):
    with SmtpServer(replies=["451 4.3.0 try again later", "451 4.3.0 try again later"]) as smtp:
        r = skpi(demo, store, tmp_path, "--to", "ceo@example.com", "--retries", "2", SKPI_SMTP_URL=smtp.url)
        assert r.returncode == 0, r.stderr
        assert smtp.attempts == 3 and len(smtp.messages) == 1


def test_unreachable_server_fails_after_retries(demo, store, tmp_path):
    url = "smtp://127.0.0.1:%d" % free_port()  # nothing listens there
    r = skpi(demo, store, tmp_path, "--to", "ceo@example.com", "--retries", "1", SKPI_SMTP_URL=url)
    assert r.returncode == 6
    assert "after 2 attempts" in r.stderr and url in r.stderr
    rows = deliveries(store)
    assert [row[6] for row in rows] == [2]
    # a failed delivery does not hold the next one back
    with SmtpServer() as smtp:
        again = skpi(demo, store, tmp_path, "--to", "ceo@example.com", SKPI_SMTP_URL=smtp.url)
        assert again.returncode == 0 and len(smtp.messages) == 1


def test_login_from_environment_and_refused_login(demo, store, tmp_path):
    with SmtpServer(logins=[("mailer", "right-pass")]) as smtp:
        bad = skpi(demo, store, tmp_path, "--to", "ceo@example.com", "--retries", "3", SKPI_SMTP_URL=smtp.url,
                   SKPI_SMTP_USER="mailer", SKPI_SMTP_PASSWORD="wrong-pass")
        assert bad.returncode == 6
        assert "535" in bad.stderr and "user and password" in bad.stderr
        assert "wrong-pass" not in bad.stderr
        assert smtp.logins_seen == [("mailer", "wrong-pass")]  # not retried
        good = skpi(demo, store, tmp_path, "--to", "ceo@example.com", SKPI_SMTP_URL=smtp.url,
                    SKPI_SMTP_USER="mailer", SKPI_SMTP_PASSWORD="right-pass")
        assert good.returncode == 0, good.stderr
        assert len(smtp.messages) == 1
    assert [row[6] for row in deliveries(store)] == [2, 1]


def test_login_from_netrc(demo, store, tmp_path):
    (tmp_path / ".netrc").write_text("machine 127.0.0.1 login netrc-user password netrc-pass\n")
    os.chmod(tmp_path / ".netrc", 0o600)
    with SmtpServer(logins=[("netrc-user", "netrc-pass")]) as smtp:
        r = skpi(demo, store, tmp_path, "--to", "ceo@example.com", SKPI_SMTP_URL=smtp.url)
        assert r.returncode == 0, r.stderr
        assert smtp.logins_seen == [("netrc-user", "netrc-pass")]


@pytest.mark.parametrize("args,needle", [
    (["--to", "not-an-address"], "not-an-address"),
    (["--to", "ceo@example.com", "--cc", "a@@b"], "cc[0]"),
    (["--webhook", "http://hooks.example.com/x"], "https://"),
    (["--webhook", "ht tp://bad"], "URL"),
])
def test_malformed_address_or_url(demo, store, tmp_path, args, needle):
    r = skpi(demo, store, tmp_path, *args, SKPI_SMTP_URL="smtp://127.0.0.1:%d" % free_port())
    assert r.returncode == 3
    assert needle in r.stderr and "\n" not in r.stderr.strip()
    rows = deliveries(store)
    assert len(rows) == 1 and rows[0][6] == 2  # recorded as failed, nothing as sent
