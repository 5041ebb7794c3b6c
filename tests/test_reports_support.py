"""Helpers the report tests share (no tests here): a known set of entries logged at known times,
a small plan source, and reading generated documents back (python-docx, LibreOffice, poppler)."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from bot.app.build import Bot
from bot.domain.model import Entry, Kind, Person, Status
from bot.domain.programme import person_from
from bot.entries import escalation
from bot.entries.service import Source
from bot.ports.plan import AwaitingChangeRow, CommsRow, DecisionRow, MilestoneRow, PostRow

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
PDFTOPPM = shutil.which("pdftoppm") or "/usr/bin/pdftoppm"
PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"
PDFINFO = shutil.which("pdfinfo") or "/usr/bin/pdfinfo"

# The conftest clock starts on Wednesday 25 November 2026 (week 48); last week is week 47.
WEEK_47 = (date(2026, 11, 16), date(2026, 11, 22))

NEED = {
    "title": "Skrivare saknas på avdelning 5",
    "description": "Skrivaren i korridoren är borttagen.",
    "unit": "Avdelning 5",
    "benefit": "2",
    "priority": "high",
}
ISSUE = {
    "title": "Inloggningen hänger sig",
    "description": "Det tar fem minuter att logga in på morgonen.",
    "unit": "Akuten",
    "urgency": "high",
}
DEVIATION = {
    "type": "near_miss",
    "what": "Journalen visade fel avdelning efter omstart.",
    "when": "2026-11-17T10:00:00+01:00",
    "unit": "Akuten",
    "area": "it",
    "category": "it_failure",
    "consequence": "3",
    "probability": "2",
    "immediate_action": "Servern startades om igen.",
    "lex_maria": "no",
}
RISK = {
    "description": "Utbildningen hinns inte med före go-live",
    "probability": "3",
    "consequence": "4",
    "owner": "David Berg",
    "mitigation": "Fler utbildningstillfällen",
}
CHANGE = {
    "what": "Flytta go-live en vecka",
    "why": "Semestrar",
    "impact_scope": "Ingen",
    "impact_time": "En vecka",
    "impact_budget": "Ingen",
}
VALUES = {
    Kind.NEED: NEED,
    Kind.ISSUE: ISSUE,
    Kind.DEVIATION: DEVIATION,
    Kind.RISK: RISK,
    Kind.CHANGE: CHANGE,
}


def person(bot: Bot, user: str) -> Person:
    return person_from(bot.programme, "webchat", user)


async def log_at(
    bot: Bot, clock: Any, when: datetime, user: str, kind: Kind, **values: str
) -> Entry:
    """An entry logged by `user` at `when` through the service the chat uses."""
    clock.current = when
    entry, created = await bot.entries.create(
        person(bot, user), kind, {**VALUES[kind], **values}, Source("webchat", "dm:" + user)
    )
    assert created
    return entry


def local(day: date, hour: int = 10) -> datetime:
    """A Stockholm wall-clock time (UTC+1 in November) as an aware UTC datetime."""
    return datetime(day.year, day.month, day.day, hour - 1, tzinfo=UTC)


@dataclass
class Seeded:
    refs: dict[str, Entry] = field(default_factory=dict)


async def seed_week_47(bot: Bot, clock: Any) -> Seeded:
    """Week 47: 2 needs, 1 issue (escalated), 2 deviations (Anna's and Omar's), 1 change (sent
    for decision); one need resolved. Before it: 2 risks in week 45 and a need in week 44. After: nothing."""
    seeded = Seeded()
    monday = WEEK_47[0]
    seeded.refs["old_need"] = await log_at(
        bot, clock, local(monday - timedelta(days=20)), "anna", Kind.NEED, title="Gammalt behov"
    )
    seeded.refs["risk_high"] = await log_at(
        bot, clock, local(monday - timedelta(days=12)), "bertil", Kind.RISK
    )
    seeded.refs["risk_low"] = await log_at(
        bot, clock, local(monday - timedelta(days=11)), "bertil", Kind.RISK,
        description="Leverantören byter kontaktperson", probability="1", consequence="2",
    )  # fmt: skip
    seeded.refs["need_1"] = await log_at(bot, clock, local(monday), "anna", Kind.NEED)
    seeded.refs["need_2"] = await log_at(
        bot,
        clock,
        local(monday + timedelta(days=1)),
        "omar",
        Kind.NEED,
        title="Fler datorer på akuten",
    )
    seeded.refs["issue"] = await log_at(
        bot, clock, local(monday + timedelta(days=2)), "omar", Kind.ISSUE
    )
    seeded.refs["dev_anna"] = await log_at(
        bot, clock, local(monday + timedelta(days=2), 11), "anna", Kind.DEVIATION
    )
    seeded.refs["dev_omar"] = await log_at(
        bot, clock, local(monday + timedelta(days=3)), "omar", Kind.DEVIATION,
        what="Omars avvikelse om läkemedelslistan", category="patient_safety", area="care",
        consequence="4", probability="2",
    )  # fmt: skip
    seeded.refs["change"] = await log_at(
        bot, clock, local(monday + timedelta(days=4)), "bertil", Kind.CHANGE
    )
    # Sent for decision (programplan 7.5): what the steering group is to decide.
    assert bot.governance is not None
    seeded.refs["change"], _ = await bot.governance.changes.submit(
        person(bot, "bertil"), seeded.refs["change"].ref, "program"
    )
    david = person(bot, "david")
    clock.current = local(monday + timedelta(days=4), 15)
    await bot.entries.set_status(david, seeded.refs["need_1"].ref, Status.RESOLVED)
    await escalation.escalate(
        bot.entries, david, seeded.refs["issue"].ref, "Kräver programmets beslut"
    )
    await bot.entries.comment(david, seeded.refs["need_1"].ref, "Skrivaren är beställd.")
    clock.current = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    return seeded


class FakePlan:
    """The PlanSource port with rows set by the test (the time side implements the real one)."""

    def __init__(
        self,
        milestones: list[MilestoneRow] | None = None,
        decisions: list[DecisionRow] | None = None,
        comms: list[CommsRow] | None = None,
        posts: list[PostRow] | None = None,
    ) -> None:
        self._milestones = milestones or []
        self._decisions = decisions or []
        self._comms = comms or []
        self._posts = posts or []
        self.comms_asked: list[tuple[datetime, datetime]] = []

    def milestones(self) -> list[MilestoneRow]:
        return list(self._milestones)

    def awaiting_changes(self) -> list[AwaitingChangeRow]:
        return []

    def decisions(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[DecisionRow]:
        return [
            d
            for d in self._decisions
            if (start is None or d.recorded_at >= start) and (end is None or d.recorded_at < end)
        ]

    def comms(self, start: datetime, end: datetime) -> list[CommsRow]:
        self.comms_asked.append((start, end))
        return list(self._comms)

    def posts(self, start: datetime, end: datetime) -> list[PostRow]:
        return [p for p in self._posts if start <= p.at < end]


# -- reading documents back -----------------------------------------------------------------


def open_docx(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def body_text(document: DocxDocument) -> str:
    """Every paragraph of the body, in order, tables included (cell by cell)."""
    return "\n".join(_paragraph_text(p) for p in document.element.body.iter(qn("w:p")))


def _paragraph_text(paragraph: Any) -> str:
    parts = []
    for node in paragraph.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:br"):
            parts.append("\n")
        else:
            parts.append("\t")
    return "".join(parts)


def tables(document: DocxDocument) -> list[list[list[str]]]:
    """Each body table as rows of cell texts (read from the XML: fast for big tables)."""
    return [tables_of(table) for table in document.element.body.iter(qn("w:tbl"))]


def table_after(document: DocxDocument, heading: str, index: int = 0) -> list[list[str]]:
    """The first (or `index`-th) table after the paragraph whose text is `heading`."""
    seen = False
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p") and _paragraph_text(element) == heading:
            seen = True
        elif seen and element.tag == qn("w:tbl"):
            if index == 0:
                return tables_of(element)
            index -= 1
    raise AssertionError(f"no table after {heading!r}")


def tables_of(table: Any) -> list[list[str]]:
    return [
        [
            "\n".join(_paragraph_text(p) for p in cell.iter(qn("w:p")))
            for cell in row.iter(qn("w:tc"))
        ]
        for row in table.iter(qn("w:tr"))
    ]


def headings(document: DocxDocument) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and (p.style.name.startswith("Heading") or p.style.name == "Title")
    ]


def header_text(document: DocxDocument) -> str:
    header = document.sections[0].header._element
    return "\n".join(_paragraph_text(p) for p in header.iter(qn("w:p")))


def to_pdf(data: bytes, folder: Path, name: str = "report") -> Path:
    """Convert with LibreOffice headless; fails the test if it does not produce a PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"{name}.docx"
    source.write_bytes(data)
    profile = folder / "lo-profile"
    # Its own process group: on a timeout soffice.bin (a child of the soffice script) goes too,
    # instead of converting on for ever after the test failed.
    process = subprocess.Popen(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    pdf = folder / f"{name}.pdf"
    assert process.returncode == 0 and pdf.exists(), (stdout, stderr)
    return pdf


def page_count(pdf: Path) -> int:
    info = subprocess.run([PDFINFO, str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        [PDFTOTEXT, "-layout", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def to_png(pdf: Path, prefix: Path, dpi: int = 50) -> list[Path]:
    subprocess.run([PDFTOPPM, "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True)
    return sorted(prefix.parent.glob(prefix.name + "*.png"))


def docx_parts(data: bytes) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(data)).namelist()
