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
from collections.abc import Sequence
from datetime import date
from zoneinfo import ZoneInfo

from bot.domain.messages import FileRef
from bot.domain.model import Kind, Person, Status
from bot.domain.programme import Programme
from bot.entries.service import EntryService
from bot.ports.clock import Clock
from bot.ports.outbound import FileStore
from bot.ports.plan import PlanSource
from bot.ports.reports import ReportStore
from bot.ports.unit_of_work import UnitOfWork
from bot.reports.context import ReportContext
from bot.reports.decisions import build_decision_log
from bot.reports.model import ReportDocument, ReportRenderer
from bot.reports.scope import Period
from bot.reports.status import build_status_report
from bot.reports.tables import build_entry_record, build_register


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

    # -- the four reports (built on the caller's thread: they read the database) ----------

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    def context(self) -> ReportContext:
        return ReportContext(
            store=self.store,
            plan=self.plan,
            clock=self.clock,
            programme=self.programme,
            timezone=self.timezone,
            registration_number=self.registration_number,
        )

    def _audited(
        self, person: Person, context: ReportContext, report: ReportDocument
    ) -> ReportDocument:
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

    def status_report(self, person: Person, period: Period, locale: str) -> ReportDocument:
        context = self.context()
        return self._audited(person, context, build_status_report(context, person, period, locale))

    def register(
        self,
        person: Person,
        kind: Kind,
        locale: str,
        *,
        statuses: Sequence[Status] = (),
        period: Period | None = None,
    ) -> ReportDocument:
        context = self.context()
        report = build_register(context, person, kind, locale, statuses=statuses, period=period)
        return self._audited(person, context, report)

    def entry_record(self, person: Person, ref_text: str, locale: str) -> ReportDocument:
        # The same read as `visa BEH-12`: permission checked, a deviation's read audited.
        entry = self.entries.read(person, ref_text)
        return build_entry_record(self.context(), entry, locale)

    def decision_log(self, person: Person, locale: str) -> ReportDocument:
        context = self.context()
        return self._audited(person, context, build_decision_log(context, person, locale))

    # -- files ------------------------------------------------------------------------------

    def render(self, report: ReportDocument, locale: str) -> bytes:
        return self.renderer.render(report, locale)

    async def deliver(self, report: ReportDocument, locale: str) -> FileRef:
        """Render off the event loop (a big register takes a second) and keep the file."""
        data = await asyncio.to_thread(self.renderer.render, report, locale)
        return self.files.save(report.file_name, data, self.renderer.mime)
