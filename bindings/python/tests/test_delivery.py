"""Digests, the e-mail and webhook sinks and recorded deliveries through the binding.

Servers run on 127.0.0.1 only (tests/deliver/servers.py: aiosmtpd and http.server),
started and stopped by each test. The digest of the demo report is checked against the
golden files the C tests use; the message the SMTP server received is parsed with
Python's email module.
"""
import email
import email.policy
import json
import os
import subprocess
import sys

import pytest

import socialkpi as sk
from socialkpi import delivery as dl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
GOLDEN = os.path.join(ROOT, "tests", "golden", "digest")
sys.path.insert(0, os.path.join(ROOT, "tests", "deliver"))
servers = pytest.importorskip("servers", reason="python3-aiosmtpd is not installed")

pytestmark = [
    pytest.mark.skipif(not dl.supported(), reason="library built without SKPI_WITH_CURL"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]
AS_OF = "2026-04-01"
SECRET = "/services/T0001/B0002/s3cretTOKENxyz"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo's definitions and store, made by the skpi tool (as the C tests do)."""
    tool = os.environ.get("SKPI_TOOL")
    if not tool:
        pytest.skip("set SKPI_TOOL to the skpi tool (ctest does)")
    d = tmp_path_factory.mktemp("demo")
    subprocess.run([tool, "demo", "-d", str(d), "-q", "--generated-at", "none"], check=True,
                   stdout=subprocess.DEVNULL)
    return d


@pytest.fixture
def monthly(demo):
    """The demo's monthly report as of 1 April 2026, assembled with the binding."""
    with sk.Definitions.load(demo / "definitions.json") as defs, \
            sk.Store(demo / "demo.db", read_only=True) as store, \
            store.open_dataset(defs.catalog) as ds, \
            defs.build_report("monthly", AS_OF) as rd, rd.assemble(ds) as doc:
        yield doc, sk.report_period(rd)


def golden(name):
    with open(os.path.join(GOLDEN, name), "rb") as f:
        return f.read().decode("utf-8")


def test_digest_flavours_match_the_golden_files(monthly, tmp_path):
    doc, _ = monthly
    assert sk.render_digest(doc) == golden("demo.txt")
    assert sk.render_digest(doc, "slack", link="https://reports.example.com/monthly") == \
        golden("demo.slack")
    # a sink: a path
    sk.render_digest(doc, sk.DigestFlavour.TEXT, tmp_path / "d.txt")
    assert (tmp_path / "d.txt").read_text(encoding="utf-8") == golden("demo.txt")
    # the Teams card is JSON, its title the document's
    card = json.loads(sk.render_digest(doc, "teams", figures=2))
    assert card["@type"] == "MessageCard" and card["title"] == doc.title
    assert sk.DigestFlavour.SLACK.key == "slack"


def test_digest_bad_options_name_the_option(monthly):
    doc, _ = monthly
    with pytest.raises(sk.InvalidArgumentError, match="link"):
        sk.render_digest(doc, link="javascript:alert(1)")
    with pytest.raises(sk.RangeError, match="figures"):
        sk.render_digest(doc, figures=11)
    with pytest.raises(sk.InvalidArgumentError, match="unknown digest flavour 'pdf'"):
        sk.render_digest(doc, "pdf")


def test_mail_with_alternative_and_attachment(monthly):
    doc, _ = monthly
    html = doc.render("html", generated_at="2026-04-01T08:00:00Z")
    plain = doc.render("text", generated_at="2026-04-01T08:00:00Z")
    csv = doc.render("csv").encode()
    mail_to = sk.Mail(url="", sender="reports@example.com", to=["ceo@example.com"],
                      cc=["team@example.com", "cfo@example.com"],
                      subject="{title} ({month})",
                      subject_fields={"title": "Acme", "month": "March 2026"}, text=plain,
                      attachments=[sk.Attachment("monthly.csv", csv, "text/csv")],
                      date="2026-04-01T08:00:00Z")
    with servers.SmtpServer() as smtp:
        import dataclasses
        sink = dataclasses.replace(mail_to, url=smtp.url).sink()
        sink.send(html)
    assert len(smtp.messages) == 1
    sender, rcpts, raw = smtp.messages[0]
    assert sender == "reports@example.com"
    assert rcpts == ["ceo@example.com", "team@example.com", "cfo@example.com"]
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["Subject"] == "Acme (March 2026)"
    assert msg["To"] == "ceo@example.com" and msg["Cc"] == "team@example.com, cfo@example.com"
    assert msg["Date"] == "Wed, 01 Apr 2026 08:00:00 +0000"
    parts = list(msg.iter_parts())
    assert [p.get_content_type() for p in parts] == ["multipart/alternative", "text/csv"]
    alt = list(parts[0].iter_parts())
    assert [p.get_content_type() for p in alt] == ["text/plain", "text/html"]
    assert alt[0].get_payload(decode=True) == plain.encode()
    assert alt[1].get_payload(decode=True) == html.encode()
    assert parts[1].get_filename() == "monthly.csv"
    assert parts[1].get_payload(decode=True) == csv
    assert mail_to.target == "to: ceo@example.com; cc: team@example.com, cfo@example.com"


def test_mail_bad_options_name_the_option():
    with pytest.raises(sk.InvalidArgumentError, match=r'to\[0\]: "not an address" is not'):
        sk.Mail("smtp://127.0.0.1:2525", "reports@example.com", to=["not an address"],
                subject="Report").sink()
    with pytest.raises(sk.InvalidArgumentError, match="is not smtp:// .STARTTLS. or smtps://"):
        sk.Mail("http://mail.example.com", "reports@example.com", to=["a@example.com"],
                subject="Report").sink()
    with pytest.raises(sk.InvalidArgumentError, match=r"\{title\}"):
        sk.Mail("smtp://127.0.0.1:2525", "reports@example.com", to=["a@example.com"]).sink()
    assert "password" not in repr(sk.Mail("smtp://x", "a@b.c", password="hunter2"))
    assert "hunter2" not in repr(sk.Mail("smtp://x", "a@b.c", password="hunter2"))


def test_slack_webhook_retries_5xx_then_succeeds(monthly):
    doc, _ = monthly
    digest = sk.render_digest(doc, "slack")
    with servers.HttpServer(statuses=[503, 502]) as http:
        hook = sk.Webhook(http.url(SECRET), preset=sk.WebhookPreset.SLACK,
                          headers=["X-Team: growth"], retries=2, backoff_ms=10)
        hook.sink().send(digest)
    assert len(http.requests) == 3  # two failures, then the 200
    path, headers, body = http.requests[-1]
    assert path == SECRET and headers["X-Team"] == "growth"
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body) == {"text": digest}
    assert SECRET not in hook.target and SECRET not in repr(hook)
    assert hook.target == f"http://127.0.0.1:{http.port}/\u2026"  # the path left out


def test_webhook_4xx_is_not_retried_and_says_why(monthly):
    with servers.HttpServer(statuses=[403], reply_body=b"invalid_token") as http:
        with pytest.raises(sk.CallbackError) as err:
            sk.Webhook(http.url(SECRET), retries=3, backoff_ms=10).sink().send("hello")
    assert len(http.requests) == 1
    assert "403" in str(err.value) and "127.0.0.1" in str(err.value)
    assert "s3cretTOKEN" not in str(err.value)


def test_deliver_records_once_and_failures(monthly, demo, tmp_path):
    doc, period = monthly
    db = tmp_path / "store.db"
    with open(demo / "demo.db", "rb") as src, open(db, "wb") as dst:
        dst.write(src.read())
    digest = sk.render_digest(doc, "text")
    with sk.Store(db) as store, servers.HttpServer() as http:
        hook = sk.Webhook(http.url(SECRET), backoff_ms=10)
        first = sk.deliver(store, hook, digest, report="monthly", period=period,
                           format="digest:text")
        again = sk.deliver(store, hook, digest, report="monthly", period=period,
                           format="digest:text")
        assert first is not None and again is None
        assert len(http.requests) == 1  # a scheduler that fires twice sends once
        forced = sk.deliver(store, hook, digest, report="monthly", period=period,
                            format="digest:text", force=True)
        assert forced is not None and len(http.requests) == 2
        # a refused URL: recorded as failed, nothing sent
        bad = sk.Webhook("ftp://example.com/x")
        with pytest.raises(sk.InvalidArgumentError):
            sk.deliver(store, bad, digest, report="monthly", period=period, format="digest:text")
        rows = store.deliveries("monthly")
    assert [(r.status, r.channel) for r in rows] == [
        (sk.DeliveryStatus.SENT, "webhook"), (sk.DeliveryStatus.SENT, "webhook"),
        (sk.DeliveryStatus.FAILED, "webhook")]
    assert rows[0].target == f"http://127.0.0.1:{http.port}/\u2026" and rows[0].message == ""
    assert rows[0].period == period and rows[0].format == "digest:text"
    assert len(rows[0].target_key) == 64 and rows[0].finished >= rows[0].started > 0
    assert rows[2].target == "ftp://example.com/\u2026" and "ftp" in rows[2].message, rows[2]
    # March 2026 (the month before the as-of day), worked out by hand
    assert (period.start, period.end) == (1772323200, 1775001600)


def test_deliver_unreachable_server_is_recorded_failed(tmp_path):
    port = servers.free_port()  # nothing listens there
    with sk.Store.create(tmp_path / "s.db") as store:
        mail = sk.Mail(f"smtp://127.0.0.1:{port}", "reports@example.com",
                       to=["ceo@example.com"], subject="Report", retries=1, backoff_ms=10, timeout_ms=2000)
        with pytest.raises(sk.CallbackError) as err:
            sk.deliver(store, mail, "<p>hi</p>", report="monthly",
                       period=("2026-03-01", "2026-04-01"), format="html")
        [row] = store.deliveries()
    assert row.status == sk.DeliveryStatus.FAILED and row.message == err.value.message
    assert f"127.0.0.1:{port}" in row.message
    assert row.target == "to: ceo@example.com"


def test_redact_url():
    assert sk.redact_url("https://user:pw@hooks.slack.com/services/T/B/X?x=1") == \
        "https://hooks.slack.com/\u2026"
    with pytest.raises(sk.InvalidArgumentError):
        sk.redact_url("not a url")
