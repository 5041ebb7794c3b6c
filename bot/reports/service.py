"""Reports as neutral documents: status report, register, one entry's record, decision log.

The core decides what goes in (and who may see it); a `ReportRenderer` (the Word adapter)
decides how it looks, and a `FileStore` keeps the file for the chat to hand over.

Who sees what follows the chat: people who see all entries (handlers, project leads) get every
entry; everyone else gets their own entries only, so a deviation appears in a report only for
someone who may read it (its reporter, handlers, project leads). Every deviation listed by
reference is written to the audit log, as a read in the chat is.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

from bot.domain.errors import UserError
from bot.domain.messages import FileRef
from bot.domain.model import Kind, Person, Status
from bot.domain.permissions import sees_all
from bot.domain.programme import Programme
from bot.entries.service import EntryService
from bot.ports.clock import Clock
from bot.ports.outbound import FileStore
from bot.ports.plan import PlanSource
from bot.ports.reports import BudgetSource, ReportEditions, ReportStore, StatusInputs
from bot.ports.unit_of_work import UnitOfWork
from bot.reports.context import ReportContext
from bot.reports.decisions import build_decision_log
from bot.reports.model import ReportDocument, ReportRenderer, Workbook, WorkbookRenderer
from bot.reports.register import build_register
from bot.reports.register_sheet import build_register_sheet
from bot.reports.scope import Period
from bot.reports.status import build_status_report
from bot.reports.tables import build_entry_record

T = TypeVar("T")
Made = TypeVar("Made", covariant=True)


@dataclass(frozen=True, slots=True)
class Job(Generic[Made]):
    """One report to make: its key (the same key again is the next edition) and its builder."""

    key: str
    build: Callable[[ReportContext], Made]


class ReportService:
    def __init__(
        self,
        *,
        entries: EntryService,
        store: ReportStore,
        uow: UnitOfWork,
        plan: PlanSource,
        renderer: ReportRenderer,
        files: FileStore,
        clock: Clock,
        programme: Programme,
        timezone: str = "Europe/Stockholm",
        registration_number: str = "",
        inputs: StatusInputs | None = None,
        budget: BudgetSource | None = None,
        editions: ReportEditions | None = None,
        workbooks: WorkbookRenderer | None = None,
    ) -> None:
        self.entries = entries
        self.store = store
        self.uow = uow
        self.plan = plan
        self.renderer = renderer
        self.files = files
        self.clock = clock
        self.programme = programme
        self.timezone = timezone
        self.zone = ZoneInfo(timezone)
        self.registration_number = registration_number
        self.inputs = inputs
        self.budget = budget
        self.editions = editions
        self.workbooks = workbooks
        # One worker: reports are read and built one at a time, beside the chat.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reports")

    # -- the four reports (built on the caller's thread: they read the database) ----------

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    def context(self, person: Person, key: str, registration_number: str = "") -> ReportContext:
        """A context for one report made for `person`: its edition counted (the same report
        made again is the next edition) and its registration number (given, else the one an
        earlier edition had, else the configured one)."""
        edition, number = 1, registration_number
        if self.editions is not None:
            scope = "all" if sees_all(person) else person.qualified_id
            edition, number = self.editions.record(
                key=f"{key}|{scope}",
                registration_number=registration_number,
                made_by=person.qualified_id,
                made_by_name=person.name,
            )
        return ReportContext(
            store=self.store,
            plan=self.plan,
            clock=self.clock,
            programme=self.programme,
            timezone=self.timezone,
            registration_number=number or self.registration_number,
            edition=edition,
            author=person.name,
            inputs=self.inputs,
            budget=self.budget,
        )

    def _audited(self, person: Person, context: ReportContext, report: T) -> T:
        """Write what the builder noted, in one commit (a report's reads of deviations)."""
        if context.audit:
            with self.uow.atomic():
                for note in context.audit:
                    self.entries.audit.record(
                        actor=person.qualified_id,
                        action="report",
                        ref=note.ref,
                        detail=note.detail,
                    )
        return report

    # -- running a report: here, or off the event loop ------------------------------------

    def run(self, person: Person, job: Job[T], *, registration_number: str = "") -> T:
        context = self.context(person, job.key, registration_number)
        return self._audited(person, context, job.build(context))

    async def run_async(self, person: Person, job: Job[T], *, registration_number: str = "") -> T:
        """Build in the reports' worker thread, so the chat goes on answering while a register
        of thousands of entries is read; the edition and the audit are written here, on the
        caller's thread (the database connection's transactions stay on one thread)."""
        context = self.context(person, job.key, registration_number)
        loop = asyncio.get_running_loop()
        report = await loop.run_in_executor(self._worker, job.build, context)
        return self._audited(person, context, report)

    # -- the reports ------------------------------------------------------------------------

    @staticmethod
    def status_job(person: Person, period: Period, locale: str) -> Job[ReportDocument]:
        return Job(
            f"status:{period.start.isoformat()}..{period.end.isoformat()}",
            lambda context: build_status_report(context, person, period, locale),
        )

    @staticmethod
    def register_job(
        person: Person,
        kind: Kind,
        locale: str,
        *,
        statuses: Sequence[Status] = (),
        period: Period | None = None,
        excel: bool = False,
    ) -> Job[ReportDocument | Workbook]:
        selection = ",".join(sorted(s.value for s in statuses)) or "all"
        span = f"{period.start.isoformat()}..{period.end.isoformat()}" if period else "all"
        key = f"register{'-excel' if excel else ''}:{kind.value}:{selection}:{span}"
        if excel:
            return Job(
                key,
                lambda context: build_register_sheet(
                    context, person, kind, locale, statuses=statuses, period=period
                ),
            )
        return Job(
            key,
            lambda context: build_register(
                context, person, kind, locale, statuses=statuses, period=period
            ),
        )

    def entry_job(self, person: Person, ref_text: str, locale: str) -> Job[ReportDocument]:
        # The same read as `visa BEH-12`: permission checked, a deviation's read audited.
        entry = self.entries.read(person, ref_text)
        return Job(f"entry:{entry.ref}", lambda context: build_entry_record(context, entry, locale))

    @staticmethod
    def decisions_job(person: Person, locale: str) -> Job[ReportDocument]:
        return Job("decisions", lambda context: build_decision_log(context, person, locale))

    def status_report(
        self, person: Person, period: Period, locale: str, *, registration_number: str = ""
    ) -> ReportDocument:
        job = self.status_job(person, period, locale)
        return self.run(person, job, registration_number=registration_number)

    def register(
        self,
        person: Person,
        kind: Kind,
        locale: str,
        *,
        statuses: Sequence[Status] = (),
        period: Period | None = None,
        registration_number: str = "",
    ) -> ReportDocument:
        job = self.register_job(person, kind, locale, statuses=statuses, period=period)
        report = self.run(person, job, registration_number=registration_number)
        assert isinstance(report, ReportDocument)
        return report

    def register_sheet(
        self,
        person: Person,
        kind: Kind,
        locale: str,
        *,
        statuses: Sequence[Status] = (),
        period: Period | None = None,
        registration_number: str = "",
    ) -> Workbook:
        """The register as a workbook: every field, the same scope and audit as in Word."""
        job = self.register_job(person, kind, locale, statuses=statuses, period=period, excel=True)
        sheet = self.run(person, job, registration_number=registration_number)
        assert isinstance(sheet, Workbook)
        return sheet

    def entry_record(
        self, person: Person, ref_text: str, locale: str, *, registration_number: str = ""
    ) -> ReportDocument:
        job = self.entry_job(person, ref_text, locale)
        return self.run(person, job, registration_number=registration_number)

    def decision_log(
        self, person: Person, locale: str, *, registration_number: str = ""
    ) -> ReportDocument:
        job = self.decisions_job(person, locale)
        return self.run(person, job, registration_number=registration_number)

    # -- files ------------------------------------------------------------------------------

    def render(self, report: ReportDocument, locale: str) -> bytes:
        return self.renderer.render(report, locale)

    async def deliver(self, report: ReportDocument, locale: str) -> FileRef:
        """Render off the event loop (a big register takes a second) and keep the file."""
        loop = asyncio.get_running_loop()
        data = await loop.run_in_executor(self._worker, self.renderer.render, report, locale)
        return self.files.save(report.file_name, data, self.renderer.mime)

    def render_workbook(self, workbook: Workbook) -> bytes:
        if self.workbooks is None:
            raise UserError("reports.no_excel")
        return self.workbooks.render(workbook)

    async def deliver_workbook(self, workbook: Workbook) -> FileRef:
        loop = asyncio.get_running_loop()
        data = await loop.run_in_executor(self._worker, self.render_workbook, workbook)
        assert self.workbooks is not None
        return self.files.save(workbook.file_name, data, self.workbooks.mime)
