"""Making a report's file in one go: built and rendered, here (a thread) or in a worker process.

A register of thousands of entries is pure Python work (reading rows, python-docx, lxml,
XlsxWriter). In a thread it holds the interpreter lock the chat's event loop needs, so chat
answers wait; in a process of its own it does not. An `Order` is what such a process needs to
make the report: the builder (a module-level function with its arguments bound, so it can be
pickled) and what the report's context holds besides storage; the process opens the storage
and the renderers itself, once, and writes the report's edition and audit through its own
connection, so the bot's event loop never waits for those commits.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.domain.errors import UserError
from bot.domain.programme import Programme
from bot.ports.clock import FrozenClock
from bot.ports.entries import AuditLog
from bot.ports.plan import PlanSource
from bot.ports.reports import BudgetSource, ReportEditions, ReportStore, StatusInputs
from bot.ports.unit_of_work import UnitOfWork
from bot.reports.context import AuditNote, ReportContext
from bot.reports.model import ReportDocument, ReportRenderer, Workbook, WorkbookRenderer

Builder = Callable[[ReportContext], ReportDocument | Workbook]


@dataclass(frozen=True, slots=True)
class Made:
    """A report's file and what the chat says about it; `audit` is for the caller to write
    (empty when a worker process has written it)."""

    title: str
    file_name: str
    mime: str
    data: bytes
    rows: int  # a workbook's data rows (0 for a document)
    excel: bool
    audit: tuple[AuditNote, ...] = ()


@dataclass(frozen=True, slots=True)
class Edition:
    """Which report is made, by whom: the same key made again is its next edition."""

    key: str  # the report's selection and the reader's scope
    registration_number: str  # given for this report ("": an earlier edition's, if any)
    made_by: str  # the person's qualified id, the audit's actor
    made_by_name: str  # the document's author


def record_edition(
    editions: ReportEditions | None, edition: Edition, configured_number: str
) -> tuple[int, str]:
    """Record one more edition: (its number, its registration number: the one given, else an
    earlier edition's, else the configured one)."""
    number, registration = 1, edition.registration_number
    if editions is not None:
        number, registration = editions.record(
            key=edition.key,
            registration_number=edition.registration_number,
            made_by=edition.made_by,
            made_by_name=edition.made_by_name,
        )
    return number, registration or configured_number


def write_audit(uow: UnitOfWork, audit: AuditLog, actor: str, notes: Sequence[AuditNote]) -> None:
    """Write what a builder noted (a report's reads of deviations), in one commit."""
    if notes:
        with uow.atomic():
            for note in notes:
                audit.record(actor=actor, action="report", ref=note.ref, detail=note.detail)


@dataclass(frozen=True, slots=True)
class Order:
    """One report for a worker process: its builder and its context's values (no storage).
    The worker records the edition and writes the audit itself."""

    build: Builder
    locale: str
    now: datetime  # the report's moment, from the bot's clock (its date, "created", edition)
    programme: Programme
    timezone: str
    edition: Edition
    configured_number: str  # the registration number when neither given nor inherited

    def context(
        self,
        *,
        store: ReportStore,
        plan: PlanSource,
        inputs: StatusInputs | None,
        budget: BudgetSource | None,
        edition: int,
        registration_number: str,
    ) -> ReportContext:
        return ReportContext(
            store=store,
            plan=plan,
            clock=FrozenClock(self.now),
            programme=self.programme,
            timezone=self.timezone,
            registration_number=registration_number,
            edition=edition,
            author=self.edition.made_by_name,
            inputs=inputs,
            budget=budget,
        )


def make_file(
    context: ReportContext,
    build: Builder,
    locale: str,
    renderer: ReportRenderer,
    workbooks: WorkbookRenderer | None,
) -> Made:
    """Build the report and render its file; what the builder noted for the audit comes back."""
    with collector_paused():
        report = build(context)
        audit = tuple(context.audit)
        if isinstance(report, Workbook):
            if workbooks is None:
                raise UserError("reports.no_excel")
            data = workbooks.render(report)
            return Made(
                report.title, report.file_name, workbooks.mime, data, len(report.rows), True, audit
            )
        data = renderer.render(report, locale)
        return Made(report.title, report.file_name, renderer.mime, data, 0, False, audit)


_paused = 0
_pause_lock = threading.Lock()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a report is made. A register of 10 000 rows makes
    hundreds of thousands of objects that live until it is written, and each collection they
    set off walks them again: about half the time of an Excel register went to it
    (bench/word.py). Reference counting still frees what a report drops; the collector runs
    again when the last report being made ends (reports in threads may overlap)."""
    global _paused
    with _pause_lock:
        # Paused already by something else than a report: theirs to resume, not ours.
        ours = _paused > 0 or gc.isenabled()
        if ours:
            _paused += 1
            gc.disable()
    try:
        yield
    finally:
        if ours:
            with _pause_lock:
                _paused -= 1
                if _paused == 0:
                    gc.enable()


class WorkersDown(Exception):
    """The worker processes cannot make reports now (they keep stopping)."""


class ReportWorkers(Protocol):
    """Worker processes that make reports (the composition root starts them)."""

    async def make(self, order: Order) -> Made:
        """The report made in a worker; WorkersDown when none can make it."""

    def warm(self) -> None:
        """Start the processes now, so the first report does not wait for them."""

    def close(self) -> None: ...
