"""What people can do with entries. Permission checks, audit and feedback happen here."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from bot.delivery.routing import post_or_audit
from bot.domain.errors import QueryTooLarge, UserError
from bot.domain.governance import status_refusal
from bot.domain.keys import KeyHasher
from bot.domain.kinds import RISK_FLAG_THRESHOLD, is_care_related, risk_value, title_of
from bot.domain.messages import Outbound, Target
from bot.domain.model import (
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
from bot.i18n.catalogue import t
from bot.ports.clock import Clock
from bot.ports.entries import AuditLog, EntryQuery, EntryRepository, EntrySearch
from bot.ports.outbound import Notifier
from bot.ports.unit_of_work import UnitOfWork
from bot.text.clean import shorten

log = logging.getLogger(__name__)

FLAG_MEDICAL_REVIEW = "medical_review"
FLAG_FORWARDED = "forwarded"


@dataclass(frozen=True, slots=True)
class Source:
    platform: str
    channel: str = ""
    link: str = ""


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
        self.programme_targets = tuple(programme_targets)
        # Called after a new entry is committed (the governance side: risk owners, deviations
        # referred to the region's system); each closes a loop of its own.
        self.created_hooks: list[Callable[[Entry, Person], Awaitable[None]]] = []

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
            created_at=now,
        )
        flagged = kind is Kind.DEVIATION and (risk_value(values) or 0) >= RISK_FLAG_THRESHOLD
        if flagged:
            entry.status = Status.ESCALATED
            entry.escalation_level = EscalationLevel.PROGRAMME
            entry.flags.append(FLAG_MEDICAL_REVIEW)
        if kind is Kind.DEVIATION and is_care_related(values):
            # The bot does not replace the region's deviation system; the reporter gets a text for it.
            entry.flags.append(FLAG_FORWARDED)
        entry.history.append(
            Change(person.qualified_id, person.name, "status", "", entry.status.value, now)
        )
        # One commit for the entry and its audit row: the reporter's answer waits for it.
        with self.uow.atomic():
            entry, created = self.entries.create(entry, dedupe_key=self._dedupe(person, dedupe_key))
            if created:
                self.audit.record(actor=person.qualified_id, action="create", ref=entry.ref)
        if created and flagged:
            # The channel hears that there is something to look at, not what: deviations are not
            # for everyone in it.
            await self._post_to_programme(
                "flag_channel_post", ref=entry.ref, value=risk_value(values)
            )
        if created:
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
        entry = self._get(ref_text)
        if not can_read(person, entry):
            self.audit.record(actor=person.qualified_id, action="read-denied", ref=entry.ref)
            raise UserError("forbidden_read", ref=entry.ref)
        if audited_read(entry):
            self.audit.record(actor=person.qualified_id, action="read", ref=entry.ref)
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
        change = self._change(person, "status", entry.status.value, status.value)
        entry.status = status
        with self.uow.atomic():
            self.entries.update(entry, [change])
            self.audit.record(
                actor=person.qualified_id, action="status", ref=entry.ref, detail=status.value
            )
        await self._tell_reporter(entry, person, "notify_status", status_key=status.value)
        return entry

    async def assign(self, person: Person, ref_text: str, assignee_name: str) -> Entry:
        self._require_triage(person)
        entry = self.read(person, ref_text)
        wanted = person.name if assignee_name.casefold() in ("mig", "me", "jag") else assignee_name
        record = self.programme.find_person(wanted)
        if record is None:
            names = ", ".join(p.name for p in self.programme.people)
            raise UserError("unknown_person", name=shorten(assignee_name, 60), names=names)
        change = self._change(person, "assignee", entry.assignee, record.name)
        entry.assignee = record.name
        changes = [change]
        started = entry.status is Status.NEW
        if started:
            entry.status = Status.IN_PROGRESS
            changes.append(self._change(person, "status", "new", Status.IN_PROGRESS.value))
        with self.uow.atomic():
            self.entries.update(entry, changes)
            self.audit.record(
                actor=person.qualified_id, action="assign", ref=entry.ref, detail=record.id
            )
        if started:
            await self._tell_reporter(entry, person, "notify_status", status_key=entry.status.value)
        account = record.accounts.get(person.platform)
        if account and account != person.user_id:
            await self._send(
                Target(person.platform, user_id=account),
                record.locale,
                "notify_assigned",
                asker=person,
                recipient=record.name,
                ref=entry.ref,
                title=entry.title,
                actor=person.name,
            )
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
        await self._tell_reporter(entry, person, "notify_comment", text=shorten(text, 500))
        return entry

    async def escalate(self, person: Person, ref_text: str) -> Entry:
        self._require_triage(person)
        entry = self.read(person, ref_text)
        level = entry.escalation_level.next()
        if level is None:
            raise UserError("escalate_top", ref=entry.ref)
        changes = [
            self._change(person, "escalation_level", entry.escalation_level.value, level.value)
        ]
        entry.escalation_level = level
        if entry.status is not Status.ESCALATED:
            changes.append(
                self._change(person, "status", entry.status.value, Status.ESCALATED.value)
            )
            entry.status = Status.ESCALATED
        with self.uow.atomic():
            self.entries.update(entry, changes)
            self.audit.record(
                actor=person.qualified_id,
                action="escalate",
                ref=entry.ref,
                detail=entry.escalation_level.value,
            )
        await self._tell_reporter(
            entry, person, "notify_escalated", level_key=entry.escalation_level.value
        )
        return entry

    # -- helpers --------------------------------------------------------------------------

    def _get(self, ref_text: str) -> Entry:
        parsed = parse_ref(ref_text)
        if parsed is None:
            raise UserError("no_ref", example="BEH-12")
        entry = self.entries.get(*parsed)
        if entry is None:
            raise UserError("not_found", ref=format_ref(*parsed))
        return entry

    @staticmethod
    def _require_triage(person: Person) -> None:
        if not can_triage(person):
            raise UserError("forbidden_triage")

    def _change(self, person: Person, field: str, old: str, new: str) -> Change:
        return Change(person.qualified_id, person.name, field, old, new, self.clock.now())

    async def _tell_reporter(self, entry: Entry, actor: Person, key: str, **values: str) -> None:
        """Feedback to the reporter, in the chat where they reported, is what makes staff report again."""
        if is_reporter_of(actor, entry):
            return
        record = self.programme.person_for(entry.reporter_platform, entry.reporter_id)
        locale = record.locale if record else "sv"
        target = Target(
            entry.reporter_platform, channel=entry.source_channel, user_id=entry.reporter_id
        )
        await self._send(
            target,
            locale,
            key,
            asker=actor,
            recipient=entry.reporter_name,
            ref=entry.ref,
            title=shorten(entry.title, 80),
            actor=actor.name,
            **values,
        )

    async def _send(
        self, target: Target, locale: str, key: str, *, asker: Person, recipient: str, **values: str
    ) -> None:
        text = t(locale, key, **values)
        delivery = await post_or_audit(
            self.notifier, self.audit, target, text, ref=values.get("ref", "")
        )
        if not delivery.ok:
            # The one who acted is told, in their own chat, that the other person did not hear.
            await self.notifier.post(
                Target(asker.platform, user_id=asker.user_id),
                Outbound(
                    t(
                        asker.locale,
                        "notify_undelivered",
                        name=recipient,
                        ref=values.get("ref", ""),
                        error=shorten(delivery.error, 300),
                    )
                ),
            )

    async def _post_to_programme(self, key: str, **values: object) -> None:
        for target in self.programme_targets:
            delivery = await self.notifier.post(target, Outbound(t("sv", key, **values)))
            if not delivery.ok:
                log.warning("programme post to %s failed: %s", target.channel, delivery.error)
