"""What report builders read through: the person's scope of entries, the plan, local times and
the header block. One context per report; builders note what must be audited and the report
service writes it, so builders only read."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.domain.model import Entry, Kind, Person, Status
from bot.domain.permissions import audited_read, can_read, sees_all
from bot.domain.programme import Programme
from bot.i18n.catalogue import t
from bot.ports.clock import Clock
from bot.ports.plan import PlanSource
from bot.ports.reports import BudgetSource, EntryScope, ReportStore, StatusInputs
from bot.reports.model import HeaderBlock, ReportDocument, language_tag, long_date
from bot.text.render import local_time

# Reports are built in a worker thread beside the chat. A thread holding Python's interpreter
# lock makes the event loop wait up to the switch interval (5 ms) each time it wants it back;
# a long loop here hands it over every few hundred rows so chat answers are not held up.
YIELD_EVERY = 100
_sharing = True


def share_the_interpreter() -> None:
    if _sharing:
        time.sleep(0)


def working_alone() -> None:
    """In a report worker process nothing else waits for the interpreter (and on a busy machine
    each hand-over gives the core away for a while): stop handing it over."""
    global _sharing
    _sharing = False


@dataclass(frozen=True, slots=True)
class AuditNote:
    ref: str  # "" for the report as a whole
    detail: str


@dataclass(slots=True)
class ReportContext:
    store: ReportStore
    plan: PlanSource
    clock: Clock
    programme: Programme
    timezone: str
    registration_number: str = ""
    edition: int = 1
    author: str = ""  # who asked for the report: the document's author
    # What the programme manager entered (assessment, budget) and a configured budget file.
    inputs: StatusInputs | None = None
    budget: BudgetSource | None = None
    audit: list[AuditNote] = field(default_factory=list)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

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
        everyone = sees_all(person)
        read = []
        for index, entry in enumerate(self.store.entries(self.scoped(person, scope))):
            if index % YIELD_EVERY == 0:
                share_the_interpreter()
            # The store filtered by reporter; the rule is checked again here, where rules live.
            if everyone or can_read(person, entry):
                read.append(entry)
        return read

    def count_entries(self, person: Person, scope: EntryScope) -> Counter[tuple[Kind, Status]]:
        return Counter(self.store.counts(self.scoped(person, scope)))

    def note_listed(self, entries: Iterable[Entry], report: str) -> None:
        """Every deviation a report shows by reference is a read: the service audits it."""
        self.audit.extend(
            AuditNote(ref=entry.ref, detail=report) for entry in entries if audited_read(entry)
        )

    def note_report(self, detail: str) -> None:
        self.audit.append(AuditNote(ref="", detail=detail))

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
                (t(locale, "reports.header.edition"), f"{self.edition}.0"),
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
            author=self.author,
            subject=f"{document_type}: {subtitle}" if subtitle else document_type,
            created=self.clock.now(),
            edition=self.edition,
            registration_number=self.registration_number,
            generator=t(locale, "reports.author", programme=self.programme.name),
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
