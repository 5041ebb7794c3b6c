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
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.domain import Entry, Kind, Person, Status
from bot.i18n import t
from bot.messages import FileRef
from bot.permissions import audited_read, can_read, sees_all
from bot.plan_rows import PlanSource
from bot.ports import Clock, FileStore
from bot.programme import Programme
from bot.render import local_time
from bot.report_model import (
    HeaderBlock,
    ReportDocument,
    ReportRenderer,
    language_tag,
    long_date,
)
from bot.report_scope import EntryScope, Period, ReportStore
from bot.reports_status import build_status_report
from bot.reports_tables import build_decision_log, build_entry_record, build_register
from bot.services import EntryService


class ReportService:
    def __init__(
        self,
        *,
        entries: EntryService,
        store: ReportStore,
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
        self.plan = plan
        self.renderer = renderer
        self.files = files
        self.clock = clock
        self.programme = programme
        self.timezone = timezone
        self.zone = ZoneInfo(timezone)
        self.registration_number = registration_number

    # -- the four reports (built on the caller's thread: they read the database) ----------

    def status_report(self, person: Person, period: Period, locale: str) -> ReportDocument:
        return build_status_report(self, person, period, locale)

    def register(
        self,
        person: Person,
        kind: Kind,
        locale: str,
        *,
        statuses: Sequence[Status] = (),
        period: Period | None = None,
    ) -> ReportDocument:
        return build_register(self, person, kind, locale, statuses=statuses, period=period)

    def entry_record(self, person: Person, ref_text: str, locale: str) -> ReportDocument:
        # The same read as `visa BEH-12`: permission checked, a deviation's read audited.
        entry = self.entries.read(person, ref_text)
        return build_entry_record(self, entry, locale)

    def decision_log(self, person: Person, locale: str) -> ReportDocument:
        return build_decision_log(self, person, locale)

    # -- files ------------------------------------------------------------------------------

    def render(self, report: ReportDocument, locale: str) -> bytes:
        return self.renderer.render(report, locale)

    async def deliver(self, report: ReportDocument, locale: str) -> FileRef:
        """Render off the event loop (a big register takes a second) and keep the file."""
        data = await asyncio.to_thread(self.renderer.render, report, locale)
        return self.files.save(report.file_name, data, self.renderer.mime)

    # -- shared by the builders -------------------------------------------------------------

    def scoped(self, person: Person, scope: EntryScope) -> EntryScope:
        """People who do not see all entries get their own only (deviations included)."""
        if sees_all(person):
            return scope
        return EntryScope(
            kinds=scope.kinds,
            statuses=scope.statuses,
            reporter=person.qualified_id,
            created_from=scope.created_from,
            created_to=scope.created_to,
        )

    def read_entries(self, person: Person, scope: EntryScope) -> list[Entry]:
        entries = self.store.entries(self.scoped(person, scope))
        if sees_all(person):
            return list(entries)
        # The store filtered by reporter; the rule is checked again here, where rules live.
        return [entry for entry in entries if can_read(person, entry)]

    def count_entries(self, person: Person, scope: EntryScope) -> Counter[tuple[Kind, Status]]:
        return Counter(self.store.counts(self.scoped(person, scope)))

    def audit_listed(self, person: Person, entries: Iterable[Entry], report: str) -> None:
        """Every deviation a report shows by reference is a read, in one commit."""
        refs = [entry.ref for entry in entries if audited_read(entry)]
        if not refs:
            return
        with self.entries.entries.atomic():
            for ref in refs:
                self.entries.audit.record(
                    actor=person.qualified_id, action="report", ref=ref, detail=report
                )

    def audit_report(self, person: Person, detail: str) -> None:
        self.entries.audit.record(actor=person.qualified_id, action="report", detail=detail)

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    def local(self, value: datetime | None) -> str:
        return local_time(value, self.zone)

    def local_day(self, value: datetime | None) -> str:
        return self.local(value)[:10]

    def person_name(self, key: str) -> str:
        record = self.programme.find_person(key) if key else None
        return record.name if record else key

    def header(self, locale: str, document_type: str) -> HeaderBlock:
        today = self.today()
        return HeaderBlock(
            organisation=self.programme.organisation or self.programme.name,
            fields=(
                (t(locale, "reports.header.document_type"), document_type),
                (t(locale, "reports.header.registration_number"), self.registration_number),
                (t(locale, "reports.header.programme"), self.programme.name),
                (t(locale, "reports.header.date"), today.isoformat()),
                (t(locale, "reports.header.edition"), "1.0"),
            ),
            page_label=t(locale, "reports.header.page"),
        )

    def document(
        self,
        locale: str,
        *,
        document_type: str,
        title: str,
        subtitle: str,
        file_stem: str,
        landscape: bool = False,
    ) -> ReportDocument:
        return ReportDocument(
            header=self.header(locale, document_type),
            title=title,
            subtitle=subtitle,
            file_name=f"{file_stem}.docx",
            landscape=landscape,
            language=language_tag(locale),
            author=t(locale, "reports.author", programme=self.programme.name),
        )

    def generated_line(self, person: Person, locale: str) -> str:
        return t(
            locale,
            "reports.generated",
            name=person.name,
            date=long_date(self.today(), locale),
            time=self.clock.now().astimezone(self.zone).strftime("%H:%M"),
        )

    def scope_line(self, person: Person, locale: str) -> str:
        return t(locale, "reports.scope.all" if sees_all(person) else "reports.scope.own")
