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
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from functools import partial
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
from bot.reports.making import (
    Edition,
    Order,
    ReportWorkers,
    WorkersDown,
    make_file,
    record_edition,
    write_audit,
)
from bot.reports.model import ReportDocument, ReportRenderer, Workbook, WorkbookRenderer
from bot.reports.register import build_register
from bot.reports.register_sheet import build_register_sheet
from bot.reports.scope import Period
from bot.reports.status import build_status_report
from bot.reports.tables import build_entry_record

log = logging.getLogger(__name__)

T = TypeVar("T")
Built = TypeVar("Built", covariant=True)


@dataclass(frozen=True, slots=True)
class Job(Generic[Built]):
    """One report to make: its key (the same key again is the next edition) and its builder
    (picklable: a module-level function with its arguments bound)."""

    key: str
    build: Callable[[ReportContext], Built]


@dataclass(frozen=True, slots=True)
class Delivered:
    """A report made and kept: what the chat says about it and the file to hand over."""

    title: str
    rows: int  # a workbook's data rows (0 for a document)
    excel: bool
    file: FileRef


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
        workers: ReportWorkers | None = None,
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
        self.workers = workers  # processes that make reports (None: the thread below)
        # One worker: reports are read and built one at a time, beside the chat.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reports")

    # -- the four reports (built on the caller's thread: they read the database) ----------

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    def edition_of(self, person: Person, key: str, registration_number: str = "") -> Edition:
        """The report `key` made for `person`: editions are counted per selection and scope."""
        scope = "all" if sees_all(person) else person.qualified_id
        return Edition(
            key=f"{key}|{scope}",
            registration_number=registration_number,
            made_by=person.qualified_id,
            made_by_name=person.name,
        )

    def context(self, person: Person, key: str, registration_number: str = "") -> ReportContext:
        """A context for one report made for `person`: its edition counted (the same report
        made again is the next edition) and its registration number (given, else the one an
        earlier edition had, else the configured one)."""
        number, registration = record_edition(
            self.editions,
            self.edition_of(person, key, registration_number),
            self.registration_number,
        )
        return ReportContext(
            store=self.store,
            plan=self.plan,
            clock=self.clock,
            programme=self.programme,
            timezone=self.timezone,
            registration_number=registration,
            edition=number,
            author=person.name,
            inputs=self.inputs,
            budget=self.budget,
        )

    def _audited(self, person: Person, context: ReportContext, report: T) -> T:
        write_audit(self.uow, self.entries.audit, person.qualified_id, context.audit)
        return report

    # -- running a report: here, or off the event loop ------------------------------------

    def run(self, person: Person, job: Job[T], *, registration_number: str = "") -> T:
        context = self.context(person, job.key, registration_number)
        return self._audited(person, context, job.build(context))

    async def make(
        self, person: Person, job: Job[ReportDocument | Workbook], locale: str, *,
        registration_number: str = "",
    ) -> Delivered:  # fmt: skip
        """Build and render off the event loop, then keep the file: in a worker process when
        the bot runs them (it also records the edition and writes the audit, through its own
        connection: the event loop waits for no commit), else in the reports' worker thread.
        The chat answers at its usual pace meanwhile."""
        loop = asyncio.get_running_loop()
        made = None
        if self.workers is not None:
            order = Order(
                build=job.build,
                locale=locale,
                now=self.clock.now(),
                programme=self.programme,
                timezone=self.timezone,
                edition=self.edition_of(person, job.key, registration_number),
                configured_number=self.registration_number,
            )
            try:
                made = await self.workers.make(order)
            except WorkersDown:
                log.exception("report workers down: making %s in the bot's own process", job.key)
        if made is None:
            context = self.context(person, job.key, registration_number)
            made = await loop.run_in_executor(
                self._worker, make_file, context, job.build, locale, self.renderer, self.workbooks
            )
        write_audit(self.uow, self.entries.audit, person.qualified_id, made.audit)
        # Kept from the worker thread too: the write waits for the disk (fsync).
        file = await loop.run_in_executor(
            self._worker, self.files.save, made.file_name, made.data, made.mime
        )
        return Delivered(made.title, made.rows, made.excel, file)

    def warm(self) -> None:
        if self.workers is not None:
            self.workers.warm()

    def close(self) -> None:
        if self.workers is not None:
            self.workers.close()
        self._worker.shutdown(wait=False, cancel_futures=True)

    # -- the reports ------------------------------------------------------------------------

    @staticmethod
    def status_job(person: Person, period: Period, locale: str) -> Job[ReportDocument]:
        return Job(
            f"status:{period.start.isoformat()}..{period.end.isoformat()}",
            partial(build_status_report, person=person, period=period, locale=locale),
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
        # Bound module-level functions, not lambdas: a worker process gets them pickled.
        builder = build_register_sheet if excel else build_register
        return Job(
            key,
            partial(
                builder,
                person=person,
                kind=kind,
                locale=locale,
                statuses=tuple(statuses),
                period=period,
            ),
        )

    def entry_job(self, person: Person, ref_text: str, locale: str) -> Job[ReportDocument]:
        # The same read as `visa BEH-12`: permission checked, a deviation's read audited.
        entry = self.entries.read(person, ref_text)
        return Job(f"entry:{entry.ref}", partial(build_entry_record, entry=entry, locale=locale))

    @staticmethod
    def decisions_job(person: Person, locale: str) -> Job[ReportDocument]:
        return Job("decisions", partial(build_decision_log, person=person, locale=locale))

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

    # -- files (the command line renders here) ----------------------------------------------

    def render(self, report: ReportDocument, locale: str) -> bytes:
        return self.renderer.render(report, locale)

    def render_workbook(self, workbook: Workbook) -> bytes:
        if self.workbooks is None:
            raise UserError("reports.no_excel")
        return self.workbooks.render(workbook)
