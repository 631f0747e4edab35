"""Delivery: digests, the e-mail (SMTP) and webhook sinks, and deliveries recorded in a store.

`render_digest()` writes the short rendering of a report for chat and mail previews.
`Mail` and `Webhook` describe where a report goes (plain, picklable settings);
`.sink()` makes the library's sink, which gathers the bytes and sends them when closed.
`deliver()` sends once per report, period and target, recording the delivery in the
store. docs/delivery.md describes the C side; docs/python.md this module.
"""
from __future__ import annotations

import ctypes
import enum
import os
import time as _time
from dataclasses import dataclass, field
from typing import Any, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union, overload

from ._errors import AlreadyExistsError, SocialKPIError, invalid
from ._lib import lib, opt_text, required, take_bytes, text, version_init
from ._types import (DigestOptions, MailAttachment, MailOptions, Period, RenderOptions,
                     StoreDeliveriesP, StoreDelivery, WebhookOptions)
from ._typing import PeriodLike, TimeLike
from .calendar import as_period, seconds
from .document import Document
from .report_definition import ReportDefinition
from .render import RENDER_NO_TIME
from .sink import MemorySink, Sink, SinkTarget, as_sink

DIGEST_OPTIONS_VERSION = 1
MAIL_OPTIONS_VERSION = 1
MAIL_ATTACHMENT_VERSION = 1
WEBHOOK_OPTIONS_VERSION = 1
STORE_DELIVERY_VERSION = 1


class DigestFlavour(enum.IntEnum):
    """The flavours of a digest (skpi_digest_flavour)."""

    TEXT = 0
    MARKDOWN = 1
    SLACK = 2
    TEAMS = 3

    @property
    def key(self) -> str:
        """The flavour's name: 'text', 'markdown', 'slack', 'teams'."""
        return str(lib.skpi_digest_flavour_name(int(self)).decode())

    @classmethod
    def of(cls, f: Union[DigestFlavour, str, int]) -> DigestFlavour:
        """A flavour from itself, its name or its number."""
        if isinstance(f, str):
            for m in cls:
                if m.key == f.lower():
                    return m
            raise invalid("flavour", f"unknown digest flavour {f!r}: use one of "
                          + ", ".join(m.key for m in cls))
        return cls(f)


class WebhookPreset(enum.IntEnum):
    """Payloads of the webhook sink (skpi_webhook_preset)."""

    PLAIN = 0  # the bytes as written
    SLACK = 1  # a Slack digest sent as {"text": ...}
    TEAMS = 2  # a Teams digest (a message card), as JSON


class DeliveryStatus(enum.IntEnum):
    """Where a recorded delivery stands (skpi_delivery_status)."""

    SENDING = 0
    SENT = 1
    FAILED = 2


@overload
def render_digest(document: Document, flavour: Union[DigestFlavour, str, int] = DigestFlavour.TEXT,
                  sink: None = None, *, figures: int = 0, link: Optional[str] = None,
                  link_text: Optional[str] = None, next_steps_heading: Optional[str] = None,
                  thousands_separator: Optional[str] = None) -> str:
    ...


@overload
def render_digest(document: Document, flavour: Union[DigestFlavour, str, int],
                  sink: SinkTarget, *, figures: int = 0, link: Optional[str] = None,
                  link_text: Optional[str] = None, next_steps_heading: Optional[str] = None,
                  thousands_separator: Optional[str] = None) -> None:
    ...


def render_digest(document: Document, flavour: Union[DigestFlavour, str, int] = DigestFlavour.TEXT,
                  sink: Optional[SinkTarget] = None, *, figures: int = 0,
                  link: Optional[str] = None, link_text: Optional[str] = None,
                  next_steps_heading: Optional[str] = None,
                  thousands_separator: Optional[str] = None) -> Optional[str]:
    """Render a document's digest: headline, key figures, goals, OKRs, top alert, next step.

    Without a sink the digest comes back as str; else it goes to the sink (a Sink, a path,
    a binary file or a callable taking bytes), which is closed at the end. `figures`: how
    many KPI rows, 1 to 10 (0: 5); `link`: an http(s) address of the full report, shown
    with `link_text` (default 'Full report'); `next_steps_heading`: the heading the next
    steps are listed under, when the report translated it. Bad options raise
    InvalidArgumentError or RangeError naming the option, and nothing is written.
    """
    opts = version_init(lib.skpi_digest_options_init, DigestOptions, DIGEST_OPTIONS_VERSION)
    opts.flavour = int(DigestFlavour.of(flavour))
    opts.figures = int(figures)
    opts.link = opt_text(link)
    opts.link_text = opt_text(link_text)
    opts.next_steps_heading = opt_text(next_steps_heading)
    render = version_init(lib.skpi_render_options_init, RenderOptions)
    render.generated_at = RENDER_NO_TIME
    render.thousands_separator = opt_text(thousands_separator)
    doc = Document._of(document)
    if sink is None:
        mem = MemorySink()
        try:
            lib.skpi_render_digest(doc, ctypes.byref(opts), ctypes.byref(render),
                                   ctypes.byref(mem._prepare()))
            return mem.getvalue().decode("utf-8")
        finally:
            mem.reset()
    target = as_sink(sink)
    lib.skpi_render_digest(doc, ctypes.byref(opts), ctypes.byref(render),
                           ctypes.byref(target._prepare()))
    return None


def supported() -> bool:
    """Whether the library was built with the e-mail and webhook sinks (SKPI_WITH_CURL)."""
    return bool(lib.skpi_deliver_supported())


def redact_url(url: str) -> str:
    """A URL as it may be shown or recorded: scheme, host and port only (no user, password,
    path or query, which often hold the secret)."""
    out = ctypes.c_void_p()
    lib.skpi_deliver_redact_url(ctypes.byref(out), text(url))
    return take_bytes(out).decode("utf-8")


class DeliverySink(Sink):
    """A sink of the library that sends what it gathered when it is closed.

    Made by Mail.sink() or Webhook.sink(). `send(data)` writes and closes in one step;
    a failed send raises CallbackError whose message says what failed and where (the
    server and its reply line, secrets replaced by ***). `discard()` frees it without
    sending; a sink dropped without either is discarded, never sent.
    """

    def __init__(self, table: Any) -> None:
        self._table = table

    def send(self, data: Union[bytes, bytearray, memoryview, str]) -> None:
        """Write the whole body and send it (one attempt plus the configured retries)."""
        try:
            self.write(data)
        except BaseException:
            self.discard()
            raise
        self.close()

    def discard(self) -> None:
        """Free the sink without sending anything. Safe to call twice."""
        if self._table is not None:
            lib.skpi_deliver_discard(ctypes.byref(self._table))

    def __del__(self) -> None:
        try:
            self.discard()
        except Exception:
            pass


def _strings(items: Sequence[Union[str, bytes]]) -> Tuple[Any, int]:
    arr = (ctypes.c_char_p * max(1, len(items)))(*[text(i) for i in items])
    return arr, len(items)


@dataclass(frozen=True)
class Attachment:
    """A file attached to an e-mail: its name, its bytes and their type."""

    filename: str
    data: bytes
    content_type: Optional[str] = None  # None: application/octet-stream


@dataclass(frozen=True)
class Mail:
    """Settings of an e-mail through an SMTP server (skpi_sink_mail).

    `url`: smtp://host:587 (STARTTLS required) or smtps://host:465; a server on a
    loopback address may be plain. `sender` is the From address. The bytes written to
    the sink are the body (`body_type` 'text/html' by default, or 'text/plain'); `text`
    is the plain-text alternative of an HTML body. `subject` is a template whose {name}
    placeholders come from `subject_fields`. The login comes from `user`/`password`, or
    with `netrc` from ~/.netrc (or `netrc_file`); never from a definitions file.
    `date` (a time) fixes the Date header. Retries: `retries` after the first attempt,
    waiting `backoff_ms`, doubling.
    """

    url: str
    sender: str
    to: Sequence[str] = ()
    cc: Sequence[str] = ()
    subject: Optional[str] = None
    subject_fields: Mapping[str, str] = field(default_factory=dict)
    sender_name: Optional[str] = None
    body_type: Optional[str] = None
    text: Optional[str] = None
    attachments: Sequence[Attachment] = ()
    user: Optional[str] = None
    password: Optional[str] = field(default=None, repr=False)
    netrc: bool = False
    netrc_file: Optional[str] = None
    date: Optional[TimeLike] = None
    timeout_ms: int = 0
    retries: int = 2
    backoff_ms: int = 0

    channel = "email"

    @property
    def target(self) -> str:
        """The recipients as a delivery records them: 'to: a@x, b@y; cc: c@z'."""
        shown = "to: " + ", ".join(self.to)
        return shown + ("; cc: " + ", ".join(self.cc) if self.cc else "")

    @property
    def target_key(self) -> str:
        """What tells two targets apart (the store keeps its SHA-256 only)."""
        return self.target

    def sink(self) -> DeliverySink:
        """The library's e-mail sink for these settings; InvalidArgumentError (naming the
        option) for a malformed address, URL, subject or attachment, or a server without
        TLS that is not on a loopback address."""
        o = version_init(lib.skpi_mail_options_init, MailOptions, MAIL_OPTIONS_VERSION)
        o.url = text(self.url)
        o.from_ = text(self.sender)
        o.from_name = opt_text(self.sender_name)
        to, o.to_count = _strings(list(self.to))
        cc, o.cc_count = _strings(list(self.cc))
        o.to, o.cc = to, cc
        pairs = [s for kv in self.subject_fields.items() for s in kv]
        fields, n = _strings(pairs)
        o.subject_fields, o.subject_field_count = fields, n // 2
        o.subject = opt_text(self.subject)
        o.body_type = opt_text(self.body_type)
        o.text = opt_text(self.text)
        files = (MailAttachment * max(1, len(self.attachments)))()
        keep: List[Any] = [to, cc, fields, files]
        for i, a in enumerate(self.attachments):
            lib_att = files[i]
            lib_att.version = MAIL_ATTACHMENT_VERSION
            lib_att.filename = text(a.filename)
            lib_att.content_type = opt_text(a.content_type)
            buf = ctypes.create_string_buffer(bytes(a.data), len(a.data))
            keep.append(buf)
            lib_att.data = ctypes.cast(buf, ctypes.c_void_p)
            lib_att.size = len(a.data)
        o.attachments, o.attachment_count = files, len(self.attachments)
        o.user = opt_text(self.user)
        o.password = opt_text(self.password)
        o.netrc = 1 if self.netrc else 0
        o.netrc_file = None if self.netrc_file is None else os.fsencode(self.netrc_file)
        o.date = 0 if self.date is None else seconds(self.date)
        o.timeout_ms, o.retries, o.backoff_ms = self.timeout_ms, self.retries, self.backoff_ms
        table = _sink_table()
        lib.skpi_sink_mail(ctypes.byref(table), ctypes.byref(o))  # copies everything
        del keep
        return DeliverySink(table)


@dataclass(frozen=True)
class Webhook:
    """Settings of an HTTP POST to a chat webhook (skpi_sink_webhook).

    `url`: https://... (http:// only on a loopback address); its path and query are
    treated as secret. `preset` wraps the bytes for Slack ({"text": ...}) or Teams (a
    message card); `content_type` defaults to JSON for those, plain UTF-8 text else.
    `headers`: more request headers, each 'Name: value'. A 2xx reply is success; 5xx
    replies and connection errors are retried, 4xx never.
    """

    url: str = field(repr=False)
    preset: Union[WebhookPreset, int] = WebhookPreset.PLAIN
    content_type: Optional[str] = None
    headers: Sequence[str] = field(default=(), repr=False)
    timeout_ms: int = 0
    retries: int = 2
    backoff_ms: int = 0

    channel = "webhook"

    @property
    def target(self) -> str:
        """The URL as a delivery records it: without its secret path and query."""
        try:
            return redact_url(self.url)
        except SocialKPIError:
            return "(not a URL)"

    @property
    def target_key(self) -> str:
        """The full URL, which tells two webhooks on one host apart (only its SHA-256 is
        kept)."""
        return self.url

    def __repr__(self) -> str:
        return f"Webhook({self.target!r}, preset={WebhookPreset(self.preset).name})"

    def sink(self) -> DeliverySink:
        """The library's webhook sink for these settings; InvalidArgumentError (naming the
        option) for a malformed URL, plain http: to a host that is not loopback, a
        malformed header or content type."""
        o = version_init(lib.skpi_webhook_options_init, WebhookOptions, WEBHOOK_OPTIONS_VERSION)
        o.preset = int(self.preset)
        o.url = text(self.url)
        o.content_type = opt_text(self.content_type)
        headers, o.header_count = _strings(list(self.headers))
        o.headers = headers
        o.timeout_ms, o.retries, o.backoff_ms = self.timeout_ms, self.retries, self.backoff_ms
        table = _sink_table()
        lib.skpi_sink_webhook(ctypes.byref(table), ctypes.byref(o))
        del headers
        return DeliverySink(table)


def _sink_table() -> Any:
    from ._types import SinkTable
    return SinkTable()


# Recorded deliveries ----------------------------------------------------------------------

def _store(store: Any) -> Any:
    from .store import Store  # the store module imports this one
    return Store._of(store)


class Delivery(NamedTuple):
    """One recorded delivery (Store.deliveries())."""

    id: int
    report: str         # the report's id
    period: Period      # the period the report covers
    format: str         # what was sent: 'html+text', 'digest:slack', ...
    channel: str        # 'email', 'webhook'
    target: str         # the recipients, or the URL without its secret
    target_key: str     # SHA-256 of the full target, 64 hex digits
    status: DeliveryStatus
    message: str        # why it failed; '' otherwise
    started: int        # epoch seconds
    finished: int       # epoch seconds; 0 while sending


def begin_delivery(store: Any, report: str, period: PeriodLike, format: str, channel: str,
                   target: str, target_key: Optional[str] = None,
                   started: Optional[TimeLike] = None, force: bool = False) -> int:
    """Record that a delivery begins (Store.begin_delivery); return its id.

    AlreadyExistsError when the report went to the same target (by `target_key`, else
    `target`) for the same period, or began less than 15 minutes ago and has not ended,
    unless `force`. `started` defaults to now.
    """
    d = version_init(lib.skpi_store_delivery_init, StoreDelivery, STORE_DELIVERY_VERSION)
    d.report = text(report)
    d.period = as_period(period)
    d.format = text(format)
    d.channel = text(channel)
    d.target = text(target)
    d.target_key = opt_text(target_key)
    d.started = int(_time.time()) if started is None else seconds(started)
    out = ctypes.c_int64()
    lib.skpi_store_begin_delivery(ctypes.byref(out), _store(store), ctypes.byref(d),
                                  1 if force else 0)
    return int(out.value)


def end_delivery(store: Any, id: int, status: Union[DeliveryStatus, int],
                 message: Optional[str] = None, finished: Optional[TimeLike] = None) -> None:
    """Record how a delivery ended: SENT, or FAILED with why (Store.end_delivery)."""
    lib.skpi_store_end_delivery(_store(store), int(id), int(status), opt_text(message),
                                int(_time.time()) if finished is None else seconds(finished))


def list_deliveries(store: Any, report: Optional[str] = None,
                    started: Optional[PeriodLike] = None) -> List[Delivery]:
    """The deliveries of a report (of every report by default) that began in a period
    (any time by default), oldest first (Store.deliveries)."""
    span = Period(lib.skpi_time_min(), lib.skpi_time_max() + 1) if started is None \
        else as_period(started)
    out = StoreDeliveriesP()
    lib.skpi_store_list_deliveries(ctypes.byref(out), _store(store), opt_text(report), span)
    try:
        result = []
        for i in range(lib.skpi_store_deliveries_count(out)):
            d = version_init(lib.skpi_store_delivery_init, StoreDelivery, STORE_DELIVERY_VERSION)
            lib.skpi_store_deliveries_get(ctypes.byref(d), out, i)
            result.append(Delivery(int(d.id), required(d.report), Period(d.period.start, d.period.end),
                                   required(d.format), required(d.channel), required(d.target),
                                   required(d.target_key), DeliveryStatus(d.status),
                                   required(d.message), int(d.started), int(d.finished)))
        return result
    finally:
        lib.skpi_store_deliveries_free(out)


def deliver(store: Any, to: Union[Mail, Webhook], data: Union[bytes, str], *, report: str,
            period: PeriodLike, format: str, force: bool = False) -> Optional[int]:
    """Send a rendered report once per report, period and target, recording the delivery.

    Records the delivery as begun (None, nothing sent, when it was sent before or is being
    sent, unless `force`), makes the sink, sends `data` and records the result. A failure
    (a refused address or URL, an unreachable server, a 4xx reply...) is recorded as
    failed with its message and raised; nothing is recorded as sent. Returns the
    delivery's id. `format` says what was sent ('html+text', 'digest:slack').
    """
    try:
        id = begin_delivery(store, report, period, format, to.channel, to.target, to.target_key,
                            force=force)
    except AlreadyExistsError:
        return None
    try:
        to.sink().send(data)
    except SocialKPIError as exc:
        end_delivery(store, id, DeliveryStatus.FAILED, exc.message)
        raise
    except BaseException as exc:
        end_delivery(store, id, DeliveryStatus.FAILED, f"{type(exc).__name__}: {exc}")
        raise
    end_delivery(store, id, DeliveryStatus.SENT)
    return id


def report_period(definition: ReportDefinition) -> Period:
    """The period a built report covers (its cadence period before its as-of time)."""
    out = Period()
    lib.skpi_report_period(ctypes.byref(out), ReportDefinition._of(definition))
    return out


__all__ = ["Attachment", "Delivery", "DeliverySink", "DeliveryStatus", "DigestFlavour", "Mail",
           "Webhook", "WebhookPreset", "begin_delivery", "deliver", "end_delivery",
           "list_deliveries", "redact_url", "render_digest", "report_period", "supported"]
