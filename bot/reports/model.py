"""Neutral report documents: what the core builds and a renderer (Word) draws.

A report is a header block and a list of blocks. Every text in it is final (translated and
formatted by the core); the renderer decides only how it looks. Nothing here knows docx.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, Protocol

from bot.i18n.catalogue import normalise_locale, t

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

NBSP = "\u00a0"


@dataclass(frozen=True, slots=True)
class HeaderBlock:
    """The region's document header: organisation, then (label, value) pairs, two per row."""

    organisation: str
    fields: tuple[tuple[str, str], ...]
    page_label: str  # "Sida": the renderer adds the PAGE (NUMPAGES) fields after it


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    style: Literal["normal", "note"] = "normal"


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: float = 1.0  # relative to the other columns
    numeric: bool = False  # right-aligned


@dataclass(frozen=True, slots=True)
class Table:
    """A table whose header row repeats on every page it spans."""

    columns: tuple[Column, ...]
    rows: Sequence[Sequence[str]]
    total: bool = False  # the last row is a sum, set in bold
    dense: bool = False  # many columns (registers): a smaller font


@dataclass(frozen=True, slots=True)
class Facts:
    """Label–value pairs, one per line (an entry's fields, a summary)."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class BarChart:
    """Bars per category, one stacked segment per series."""

    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]
    y_label: str
    alt_text: str


@dataclass(frozen=True, slots=True)
class RiskMatrix:
    """Counts by probability (x, 1–4) and consequence (y, 1–4): counts[consequence-1][prob-1]."""

    title: str
    counts: tuple[tuple[int, int, int, int], ...]
    x_label: str
    y_label: str
    alt_text: str


Block = Heading | Paragraph | Table | Facts | BarChart | RiskMatrix


@dataclass(frozen=True, slots=True)
class ReportDocument:
    header: HeaderBlock
    title: str
    subtitle: str
    blocks: list[Block] = field(default_factory=list)
    file_name: str = "rapport.docx"
    landscape: bool = False
    language: str = "sv-SE"  # for spelling and hyphenation in Word
    author: str = ""  # the person the report was made for, who asked for it
    # The document's properties: what it is (its type and selection), when it was made, which
    # edition of the same report this is and its registration number (diarienummer).
    subject: str = ""
    created: datetime | None = None
    edition: int = 1
    registration_number: str = ""
    generator: str = ""  # "FVIS-boten": the application that made the file


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

CellValue = str | int | float | date | datetime | None


@dataclass(frozen=True, slots=True)
class SheetColumn:
    title: str
    kind: Literal["text", "number", "date", "datetime"] = "text"


@dataclass(frozen=True, slots=True)
class Workbook:
    """A register as a spreadsheet: one row per entry, every field, real numbers and dates
    (local wall-clock times, as Excel has no time zones), and a sheet about the selection."""

    title: str
    sheet_name: str
    columns: tuple[SheetColumn, ...]
    rows: Sequence[Sequence[CellValue]]
    about_name: str
    about: tuple[tuple[str, str], ...]
    file_name: str
    author: str = ""
    subject: str = ""
    created: datetime | None = None
    generator: str = ""  # "FVIS-boten": the application that made the file


class WorkbookRenderer(Protocol):
    """Turns a neutral workbook into a file (the Excel adapter implements it)."""

    mime: str

    def render(self, workbook: Workbook) -> bytes: ...


class ReportRenderer(Protocol):
    """Turns a neutral report into a file (the Word adapter implements it)."""

    mime: str

    def render(self, report: ReportDocument, locale: str) -> bytes: ...


# -- formatting for people: Swedish (or English) numbers and dates -------------------------


def number(value: int | float, locale: str, decimals: int = 0) -> str:
    """1234567 → "1 234 567" (a no-break space) in Swedish, "1,234,567" in English."""
    text = f"{value:,.{decimals}f}"
    if normalise_locale(locale) == "en":
        return text
    return text.replace(",", NBSP).replace(".", ",")


def long_date(day: date, locale: str) -> str:
    """25 november 2026 / 25 November 2026."""
    return f"{day.day} {t(locale, f'reports.month.{day.month}')} {day.year}"


def period_text(start: date, end: date, locale: str) -> str:
    """Both days inclusive: "16–22 november 2026", "28 november – 4 december 2026"."""
    if start == end:
        return long_date(start, locale)
    if start.year == end.year and start.month == end.month:
        return f"{start.day}–{long_date(end, locale)}"
    if start.year == end.year:
        month = t(locale, f"reports.month.{start.month}")
        return f"{start.day} {month} – {long_date(end, locale)}"
    return f"{long_date(start, locale)} – {long_date(end, locale)}"


def language_tag(locale: str) -> str:
    return "en-GB" if normalise_locale(locale) == "en" else "sv-SE"
