"""Rendering a report as Markdown, HTML, JSON, CSV, plain text, PDF or an XLSX workbook,
to text, bytes or a sink."""
from __future__ import annotations

import ctypes
import enum
from typing import Literal, Optional, Union, overload

from ._errors import invalid
from ._lib import lib, opt_text, required, version_init
from ._typing import TimeLike
from ._types import RenderOptions
from .calendar import seconds
from .document import Document
from .sink import MemorySink, SinkTarget, as_sink

RENDER_KEEP_SINK_OPEN = 0x1
RENDER_CSV_BOM = 0x2
RENDER_NO_TIME = -(2 ** 63)


class Format(enum.IntEnum):
    """The output formats of a report."""

    MARKDOWN = 0
    HTML = 1
    JSON = 2
    CSV = 3
    TEXT = 4
    PDF = 5
    XLSX = 6

    @property
    def key(self) -> str:
        """'markdown', 'html', 'json', 'csv', 'text', 'pdf' or 'xlsx'."""
        return required(lib.skpi_format_name(self))

    @property
    def extension(self) -> str:
        """'md', 'html', 'json', 'csv', 'txt', 'pdf' or 'xlsx'."""
        return required(lib.skpi_format_extension(self))

    @property
    def binary(self) -> bool:
        """Whether the output is bytes rather than text (PDF, XLSX)."""
        return self in (Format.PDF, Format.XLSX)

    @property
    def supported(self) -> bool:
        """Whether this build of the library renders the format (PDF and XLSX
        need the build options SKPI_WITH_PDF and SKPI_WITH_XLSX)."""
        return bool(lib.skpi_render_supported(self) == 1)

    @classmethod
    def of(cls, f: Union[Format, str, int]) -> Format:
        """The Format for a Format, its number, its key ('html') or its extension ('md')."""
        if isinstance(f, str):
            for member in cls:
                if f.lower() in (member.key, member.extension):
                    return member
            raise invalid("format", f"unknown format {f!r}: use one of "
                             + ", ".join(m.key for m in cls))
        return cls(f)


class Paper(enum.IntEnum):
    """Paper of the PDF output; AUTO follows the region of the locale (or the document's language)."""

    AUTO = 0
    A4 = 1
    LETTER = 2

    @classmethod
    def of(cls, p: Union[Paper, str, int]) -> int:
        """The paper's number for a Paper, its name ('a4') or a number (checked by the library)."""
        if isinstance(p, str):
            try:
                return int(cls[p.upper()])
            except KeyError:
                raise invalid("paper", f"unknown paper {p!r}: use auto, a4 or letter") from None
        return int(p)


def json_schema_version() -> int:
    """The version of the JSON output's schema."""
    return int(lib.skpi_render_json_schema_version())


@overload
def render(report: Document,  # type: ignore[misc]  # PDF and workbook are bytes, the rest text
           format: Literal["pdf", "xlsx", Format.PDF, Format.XLSX], sink: None = None, *,
           generated_at: Optional[TimeLike] = None, utc_offset: int = 0, line_width: int = 0,
           thousands_separator: Optional[str] = None, csv_bom: bool = False,
           keep_open: bool = False, locale: Optional[str] = None,
           paper: Union[Paper, str, int] = "auto") -> bytes:
    ...


@overload
def render(report: Document, format: Union[Format, str] = "markdown", sink: None = None, *,
           generated_at: Optional[TimeLike] = None, utc_offset: int = 0, line_width: int = 0,
           thousands_separator: Optional[str] = None, csv_bom: bool = False,
           keep_open: bool = False, locale: Optional[str] = None,
           paper: Union[Paper, str, int] = "auto") -> str:
    ...


@overload
def render(report: Document, format: Union[Format, str], sink: SinkTarget, *,
           generated_at: Optional[TimeLike] = None, utc_offset: int = 0, line_width: int = 0,
           thousands_separator: Optional[str] = None, csv_bom: bool = False,
           keep_open: bool = False, locale: Optional[str] = None,
           paper: Union[Paper, str, int] = "auto") -> None:
    ...


def render(report: Document, format: Union[Format, str] = "markdown",
           sink: Optional[SinkTarget] = None, *,
           generated_at: Optional[TimeLike] = None, utc_offset: int = 0, line_width: int = 0,
           thousands_separator: Optional[str] = None, csv_bom: bool = False,
           keep_open: bool = False, locale: Optional[str] = None,
           paper: Union[Paper, str, int] = "auto") -> Union[str, bytes, None]:
    """Render a Document.

    Without a sink the output comes back as str (bytes for "pdf" and "xlsx").
    A sink may be a Sink, a path, a binary file object or a callable taking
    bytes; the sink is closed at the end unless keep_open. generated_at (a
    time, shown in the output and the PDF's creation date) makes the output
    reproducible; None leaves it out. locale ("de-DE", "fr-FR") shapes
    numbers in the human formats; None keeps the document's. paper ("auto",
    "a4", "letter") is for PDF; auto follows the locale's region.
    """
    fmt = Format.of(format)
    opts = version_init(lib.skpi_render_options_init, RenderOptions, 3)
    opts.paper = Paper.of(paper)
    opts.flags = (RENDER_KEEP_SINK_OPEN if keep_open else 0) | (RENDER_CSV_BOM if csv_bom else 0)
    opts.generated_at = RENDER_NO_TIME if generated_at is None else seconds(generated_at)
    opts.utc_offset_minutes = int(utc_offset)
    opts.line_width = int(line_width)
    opts.thousands_separator = opt_text(thousands_separator)
    opts.locale = opt_text(locale)
    doc = Document._of(report)
    if sink is None:
        mem = MemorySink()
        try:
            lib.skpi_render(doc, fmt, ctypes.byref(opts), ctypes.byref(mem._prepare()))
            data = mem.getvalue()
            return data if fmt.binary else data.decode("utf-8")
        finally:
            mem.reset()
    target = as_sink(sink)
    lib.skpi_render(doc, fmt, ctypes.byref(opts), ctypes.byref(target._prepare()))
    return None
