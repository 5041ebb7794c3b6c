"""Making a report's file in one go: built and rendered, here (a thread) or in a worker process.

A register of thousands of entries is pure Python work (reading rows, python-docx, lxml,
XlsxWriter). In a thread it holds the interpreter lock the chat's event loop needs, so chat
answers wait; in a process of its own it does not. An `Order` is what such a process needs to
make the report: the builder (a module-level function with its arguments bound, so it can be
pickled) and what the report's context holds besides storage; the process opens the storage
and the renderers itself, once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.domain.errors import UserError
from bot.domain.programme import Programme
from bot.ports.clock import FrozenClock
from bot.ports.plan import PlanSource
from bot.ports.reports import BudgetSource, ReportStore, StatusInputs
from bot.reports.context import AuditNote, ReportContext
from bot.reports.model import ReportDocument, ReportRenderer, Workbook, WorkbookRenderer

Builder = Callable[[ReportContext], ReportDocument | Workbook]


@dataclass(frozen=True, slots=True)
class Made:
    """A report's file and what the chat says about it; `audit` is for the caller to write."""

    title: str
    file_name: str
    mime: str
    data: bytes
    rows: int  # a workbook's data rows (0 for a document)
    excel: bool
    audit: tuple[AuditNote, ...] = ()


@dataclass(frozen=True, slots=True)
class Order:
    """One report for a worker process: its builder and its context's values (no storage)."""

    build: Builder
    locale: str
    now: datetime  # the report's moment, from the bot's clock (its date, "created", edition)
    programme: Programme
    timezone: str
    registration_number: str
    edition: int
    author: str

    @classmethod
    def of(cls, context: ReportContext, build: Builder, locale: str) -> Order:
        return cls(
            build=build,
            locale=locale,
            now=context.clock.now(),
            programme=context.programme,
            timezone=context.timezone,
            registration_number=context.registration_number,
            edition=context.edition,
            author=context.author,
        )

    def context(
        self,
        *,
        store: ReportStore,
        plan: PlanSource,
        inputs: StatusInputs | None,
        budget: BudgetSource | None,
    ) -> ReportContext:
        return ReportContext(
            store=store,
            plan=plan,
            clock=FrozenClock(self.now),
            programme=self.programme,
            timezone=self.timezone,
            registration_number=self.registration_number,
            edition=self.edition,
            author=self.author,
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


class WorkersDown(Exception):
    """The worker processes cannot make reports now (they keep stopping)."""


class ReportWorkers(Protocol):
    """Worker processes that make reports (the composition root starts them)."""

    async def make(self, order: Order) -> Made:
        """The report made in a worker; WorkersDown when none can make it."""

    def warm(self) -> None:
        """Start the processes now, so the first report does not wait for them."""

    def close(self) -> None: ...
