"""What people can do with entries. Permission checks, audit and feedback happen here."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from bot.domain.errors import QueryTooLarge, UserError
from bot.domain.governance import status_refusal
from bot.domain.keys import KeyHasher
from bot.domain.kinds import PLAN, RISK_FLAG_THRESHOLD, is_golive, risk_value, title_of
from bot.domain.messages import Outbound, Target
from bot.domain.model import (
    RULE_ACTOR,
    Change,
    Comment,
    Entry,
    EscalationLevel,
    Kind,
    Person,
    Status,
    format_ref,
    parse_ref,
)
from bot.domain.permissions import (
    audited_read,
    can_comment,
    can_read,
    can_triage,
    is_reporter_of,
    sees_all,
)
from bot.domain.programme import Programme
from bot.entries.notices import Notices, choices_for, reporter_choices
from bot.i18n.catalogue import t
from bot.ports.clock import Clock
from bot.ports.entries import AuditLog, EntryQuery, EntryRepository, EntrySearch
from bot.ports.notices import EntryPeople, NoticeSettings, SimilarEntries
from bot.ports.outbound import Notifier
from bot.ports.unit_of_work import UnitOfWork
from bot.text.clean import shorten

log = logging.getLogger(__name__)

FLAG_MEDICAL_REVIEW = "medical_review"
# Programplan 7.7: a go-live deviation's reporter was pointed to the region's deviation system
# with the text to paste ("hänvisad"); the bot registers nothing there itself. Entries from
# before the plan was followed carry "forwarded", which meant the same.
FLAG_REFERRED = "referred"
FLAG_FORWARDED = "forwarded"


@dataclass(frozen=True, slots=True)
class Source:
    platform: str
    channel: str = ""
    link: str = ""
    thread: str = ""  # a Slack or Teams thread it was said in: notices about it go there


class EntryService:
    def __init__(
        self,
        *,
        entries: EntryRepository,
        audit: AuditLog,
        uow: UnitOfWork,
        notifier: Notifier,
        clock: Clock,
        programme: Programme,
        people: EntryPeople,
        similar: SimilarEntries | None = None,
        notice_settings: NoticeSettings | None = None,
        platforms: Callable[[], Sequence[str]] = lambda: (),
        programme_targets: Sequence[Target] = (),
        keys: KeyHasher | None = None,
        search: EntrySearch | None = None,
    ) -> None:
        self.search_port = search
        self.entries = entries
        # Dedupe keys outlive a restart: the composition root passes the installation's hasher.
        self.keys = keys or KeyHasher.ephemeral()
        self.audit = audit
        self.uow = uow
        self.notifier = notifier
        self.clock = clock
        self.programme = programme
        self.people = people
        self.similar = similar
        self.notice_settings = notice_settings
        self.programme_targets = tuple(programme_targets)
        # Called after a new entry is committed (the governance side: risk owners, deviations
        # referred to the region's system); each closes a loop of its own.
        self.created_hooks: list[Callable[[Entry, Person], Awaitable[None]]] = []
        self.notices = Notices(
            notifier=notifier,
            audit=audit,
            programme=programme,
            platforms=platforms,
            settings=notice_settings,
            programme_targets=programme_targets,
        )

    # -- intake ---------------------------------------------------------------------------

    async def create(
        self,
        person: Person,
        kind: Kind,
        values: dict[str, str],
        source: Source,
        *,
        dedupe_key: str = "",
    ) -> tuple[Entry, bool]:
        now = self.clock.now()
        entry = Entry(
            kind=kind,
            title=title_of(kind, values),
            fields=dict(values),
            reporter_platform=person.platform,
            reporter_id=person.user_id,
            reporter_name=person.name,
            source_platform=source.platform,
            source_channel=source.channel,
            source_link=source.link,
            source_thread=source.thread,
            created_at=now,
        )
        entry.history.append(Change(person.qualified_id, person.name, "status", "", "new", now))
        flagged = (
            kind is Kind.DEVIATION
            and values.get("origin") != PLAN
            and (risk_value(values) or 0) >= RISK_FLAG_THRESHOLD
        )
        if flagged:
            # Escalated by the rule, and the history says so: not by the reporter.
            rule = f"{RULE_ACTOR}risk_value"
            # Stored in Swedish like every name in the history; shown in the reader's language.
            name = t("sv", "rule.risk_value", value=risk_value(values), limit=RISK_FLAG_THRESHOLD)
            entry.status = Status.ESCALATED
            entry.escalation_level = EscalationLevel.PROGRAMME
            entry.flags.append(FLAG_MEDICAL_REVIEW)
            entry.history += [
                Change(rule, name, "escalation_level", "project", "programme", now),
                Change(rule, name, "status", "new", Status.ESCALATED.value, now),
            ]
        if kind is Kind.DEVIATION and is_golive(values):
            # Handled first in the region's deviation system: the reporter gets the text for it
            # (bot/entries/deviations.py follows up the case number it gets there).
            entry.flags.append(FLAG_REFERRED)
        # One commit for the entry and its audit row: the reporter's answer waits for it.
        with self.uow.atomic():
            entry, created = self.entries.create(entry, dedupe_key=self._dedupe(person, dedupe_key))
            if created:
                self.audit.record(actor=person.qualified_id, action="create", ref=entry.ref)
        if created and flagged:
            # The channel hears that there is something to look at, not what: deviations are not
            # for everyone in it.
            await self.notices.to_programme(
                "flag_channel_post", ref=entry.ref, value=risk_value(values)
            )
        if created:
            await self.notices.new_entry(entry)
            for hook in self.created_hooks:
                await hook(entry, person)
        return entry, created

    def saved_ref(self, person: Person, dedupe_key: str) -> str | None:
        """The number already given to this form or dialogue, if it was saved."""
        entry = self.entries.by_dedupe_key(self._dedupe(person, dedupe_key))
        return entry.ref if entry else None

    def _dedupe(self, person: Person, key: str) -> str:
        # A keyed hash: a key comes from a client and is stored, so whatever it holds must not be.
        return f"{person.qualified_id}:{self.keys(key)[:32]}" if key else ""

    # -- reading --------------------------------------------------------------------------

    def read(self, person: Person, ref_text: str) -> Entry:
        entry = self.get(ref_text)
        if not can_read(person, entry):
            self.audit.record(actor=person.qualified_id, action="read-denied", ref=entry.ref)
            raise UserError("forbidden_read", ref=entry.ref)
        if audited_read(entry):
            self.audit.record(actor=person.qualified_id, action="read", ref=entry.ref)
        return entry

    def load(self, entry: Entry) -> Entry:
        """Who else reported it and who follows it: permissions and notices need them."""
        if entry.id is not None:
            entry.co_reporters = self.people.reporters(entry.id)
            entry.followers = self.people.followers(entry.id)
        return entry

    def find(self, person: Person, query: EntryQuery, *, mine: bool) -> tuple[list[Entry], int]:
        query = self._scoped(person, query, mine)
        try:
            entries, total = self.entries.find(query)
        except QueryTooLarge:
            raise UserError("search_too_big") from None
        self._audit_listed(person, entries)
        return entries, total

    async def search(
        self, person: Person, query: EntryQuery, *, mine: bool
    ) -> tuple[list[Entry], int]:
        """As find, off the event loop and capped in time (a full-text search can be heavy)."""
        if self.search_port is None:
            return self.find(person, query, mine=mine)
        query = self._scoped(person, query, mine)
        try:
            entries, total = await self.search_port.find(query)
        except QueryTooLarge:
            raise UserError("search_too_big") from None
        self._audit_listed(person, entries)
        return entries, total

    @staticmethod
    def _scoped(person: Person, query: EntryQuery, mine: bool) -> EntryQuery:
        if mine or not sees_all(person):
            query = dataclasses.replace(
                query, reporter=person.qualified_id, include_deviations=True
            )
        return query

    def _audit_listed(self, person: Person, entries: list[Entry]) -> None:
        for entry in entries:
            if audited_read(entry):
                self.audit.record(actor=person.qualified_id, action="list", ref=entry.ref)

    # -- triage ---------------------------------------------------------------------------

    async def set_status(self, person: Person, ref_text: str, status: Status) -> Entry:
        self._require_triage(person)
        entry = self.read(person, ref_text)
        if entry.status is status:
            raise UserError("status_same", ref=entry.ref, status_key=status.value)
        refusal = status_refusal(entry.kind, status)
        if refusal is not None:
            raise UserError(refusal, ref=entry.ref, status_key=status.value)
        change = self.change(person, "status", entry.status.value, status.value)
        entry.status = status
        with self.uow.atomic():
            self.entries.update(entry, [change])
            self.audit.record(
                actor=person.qualified_id, action="status", ref=entry.ref, detail=status.value
            )
        await self.tell_reporters(entry, person, "notify_status", status_key=status.value)
        if entry.assignee and entry.assignee != person.name:
            await self._tell_assignee(
                entry, person, "notify_status_assignee", status_key=status.value
            )
        return entry

    async def assign(self, person: Person, ref_text: str, assignee_name: str) -> Entry:
        self._require_triage(person)
        entry = self.read(person, ref_text)
        wanted = person.name if assignee_name.casefold() in ("mig", "me", "jag") else assignee_name
        record = self.programme.find_person(wanted)
        if record is None:
            names = ", ".join(p.name for p in self.programme.people)
            raise UserError("unknown_person", name=shorten(assignee_name, 60), names=names)
        change = self.change(person, "assignee", entry.assignee, record.name)
        entry.assignee = record.name
        changes = [change]
        started = entry.status is Status.NEW
        if started:
            entry.status = Status.IN_PROGRESS
            changes.append(self.change(person, "status", "new", Status.IN_PROGRESS.value))
        with self.uow.atomic():
            self.entries.update(entry, changes)
            self.audit.record(
                actor=person.qualified_id, action="assign", ref=entry.ref, detail=record.id
            )
        if started:
            await self.tell_reporters(entry, person, "notify_status", status_key=entry.status.value)
        await self._tell_assignee(entry, person, "notify_assigned")
        return entry

    async def comment(self, person: Person, ref_text: str, text: str) -> Entry:
        entry = self.read(person, ref_text)
        if not can_comment(person, entry):
            raise UserError("forbidden_read", ref=entry.ref)
        with self.uow.atomic():
            self.entries.add_comment(
                entry, Comment(person.qualified_id, person.name, text, self.clock.now())
            )
            self.audit.record(actor=person.qualified_id, action="comment", ref=entry.ref)
        said = shorten(text, 500)
        if is_reporter_of(person, entry):
            # A reporter's word goes to whoever answers for it now.
            recipients = self.notices.assignee_or_handlers(entry, besides=person)
            await self.notices.send(
                recipients,
                lambda r: Outbound(
                    t(
                        r.locale,
                        "notify_reporter_comment",
                        actor=person.name,
                        ref=entry.ref,
                        title=shorten(entry.title, 80),
                        text=said,
                    ),
                    choices=choices_for(entry, r),
                ),
                ref=entry.ref,
                asker=person,
            )
            return entry
        await self.tell_reporters(entry, person, "notify_comment", text=said)
        if entry.assignee and entry.assignee != person.name:
            await self._tell_assignee(entry, person, "notify_comment_assignee", text=said)
        return entry

    # -- helpers --------------------------------------------------------------------------

    def get(self, ref_text: str) -> Entry:
        """The entry, with no permission check: callers check."""
        parsed = parse_ref(ref_text)
        if parsed is None:
            raise UserError("no_ref", example="BEH-12")
        entry = self.entries.get(*parsed)
        if entry is None:
            raise UserError("not_found", ref=format_ref(*parsed))
        return self.load(entry)

    @staticmethod
    def _require_triage(person: Person) -> None:
        if not can_triage(person):
            raise UserError("forbidden_triage")

    def change(self, person: Person, field: str, old: str, new: str) -> Change:
        return Change(person.qualified_id, person.name, field, old, new, self.clock.now())

    async def tell_reporters(self, entry: Entry, actor: Person, key: str, **values: str) -> None:
        """Feedback to the reporters, in the chat (or thread) where they reported, is what makes
        staff report again."""
        await self.notices.send(
            self.notices.reporters(entry, besides=actor),
            lambda r: Outbound(
                t(
                    r.locale,
                    key,
                    yours=t(r.locale, f"yours.{entry.kind.value}"),
                    Yours=t(r.locale, f"Yours.{entry.kind.value}"),
                    ref=entry.ref,
                    title=shorten(entry.title, 80),
                    actor=actor.name,
                    **values,
                ),
                choices=reporter_choices(entry, r.locale),
            ),
            ref=entry.ref,
            asker=actor,
        )

    async def _tell_assignee(self, entry: Entry, actor: Person, key: str, **values: str) -> None:
        await self.notices.send(
            self.notices.by_name(entry.assignee, besides=actor),
            lambda r: Outbound(
                t(
                    r.locale,
                    key,
                    ref=entry.ref,
                    title=shorten(entry.title, 80),
                    actor=actor.name,
                    **values,
                ),
                choices=choices_for(entry, r),
            ),
            ref=entry.ref,
            asker=actor,
        )
