"""Risks owned (programplan 7.8 and 8: "FVIS riktlinje för riskhantering", "FVIS risklista").

The owner of a risk is a programme person; someone outside the programme is written as
"extern: <namn>" and flagged as such (the bot cannot tell them anything). The owner is told when
the risk is theirs, and reminded on its review date (`granska RIS-4 <nästa datum>` sets the next
one). A risk "som FVIS genererar men inte själv kan hantera" is handed to the line organisation:
`lämna RIS-4 till linjen <mottagande chef>`, with the receiving manager and the day.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Iterable
from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot.delivery.claims import Dispatcher
from bot.delivery.routing import person_target, post_or_audit
from bot.domain.errors import UserError
from bot.domain.kinds import risk_value
from bot.domain.messages import Outbound, Target
from bot.domain.model import Change, Comment, Entry, Kind, Person, Status, format_ref, parse_ref
from bot.domain.permissions import can_triage
from bot.domain.programme import PersonRecord, Programme
from bot.i18n.catalogue import t
from bot.ports.clock import Clock
from bot.ports.entries import AuditLog, EntryQuery, EntryRepository
from bot.ports.outbound import Notifier
from bot.ports.unit_of_work import UnitOfWork
from bot.text.clean import shorten
from bot.text.render import local_time
from bot.text.timeparse import parse_when
from bot.text.validation import refuse_personal_numbers

log = logging.getLogger(__name__)

OWNER_ID = "owner_id"  # the programme person's id, beside the owner's name in "owner"
OWNER_EXTERNAL = "owner_external"  # "yes": someone outside the programme, who hears nothing
REVIEW = "review_date"
LINE_MANAGER = "line_manager"
LINE_MANAGER_ID = "line_manager_id"
OPEN = (Status.NEW, Status.IN_PROGRESS, Status.ESCALATED)
_EXTERNAL = re.compile(r"^\s*(?:extern|external)\s*:\s*(.+)$", re.IGNORECASE)


def resolve_person(programme: Programme, text: str) -> tuple[dict[str, str], str]:
    """A risk owner or receiving manager as typed: ({name, id or external flag}, error key).

    A programme person by id or name; "extern: <namn>" for someone outside the programme."""
    external = _EXTERNAL.match(text)
    if external:
        name = " ".join(external.group(1).split())
        return ({"name": name, "external": "yes"}, "") if name else ({}, "risk.owner_unknown")
    record = programme.find_person(text)
    if record is None:
        return {}, "risk.owner_unknown"
    return {"name": record.name, "id": record.id}, ""


class RiskService:
    def __init__(
        self,
        *,
        entries: EntryRepository,
        audit: AuditLog,
        uow: UnitOfWork,
        dispatcher: Dispatcher,
        notifier: Notifier,
        clock: Clock,
        programme: Programme,
        timezone: str,
        at: time,
        platforms: Callable[[], Collection[str]],
    ) -> None:
        self.entries = entries
        self.audit = audit
        self.uow = uow
        self.dispatcher = dispatcher
        self.notifier = notifier
        self.clock = clock
        self.programme = programme
        self.zone = ZoneInfo(timezone)
        self.at = at
        self.platforms = platforms

    # -- owner --------------------------------------------------------------------------------

    async def on_created(self, entry: Entry, actor: Person) -> None:
        if entry.kind is Kind.RISK:
            await self.tell_owner(entry, actor)

    async def tell_owner(self, entry: Entry, actor: Person) -> bool:
        """The owner hears that the risk is theirs, with its review date; False when they
        cannot be told (outside the programme, or no chat the bot runs on)."""
        record = self.programme.find_person(str(entry.fields.get(OWNER_ID, "")))
        if record is None or record.id == actor.key:
            return False
        target = person_target(record, self.platforms())
        if target is None:
            return False
        text = t(
            record.locale,
            "risk.owner_told",
            ref=entry.ref,
            title=shorten(entry.title, 120),
            value=risk_value(entry.fields) or "–",
            review=self.review_text(entry),
            actor=actor.name,
        )
        delivery = await post_or_audit(self.notifier, self.audit, target, text, ref=entry.ref)
        return delivery.ok

    async def set_owner(self, person: Person, ref_text: str, owner_text: str) -> Entry:
        """`riskägare RIS-4 <namn>` (handlers, project leads, or the present owner)."""
        entry = self._risk(ref_text)
        self._require_steward(person, entry)
        refuse_personal_numbers(owner_text)
        resolved, error = resolve_person(self.programme, owner_text)
        if error:
            raise UserError(error, name=shorten(owner_text, 60))
        now = self.clock.now()
        change = Change(
            person.qualified_id, person.name, "owner", str(entry.fields.get("owner", "")),
            resolved["name"], now,
        )  # fmt: skip
        entry.fields["owner"] = resolved["name"]
        entry.fields[OWNER_ID] = resolved.get("id", "")
        entry.fields[OWNER_EXTERNAL] = resolved.get("external", "")
        with self.uow.atomic():
            self.entries.update(entry, [change])
            self.audit.record(actor=person.qualified_id, action="risk-owner", ref=entry.ref)
        await self.tell_owner(entry, person)
        return entry

    # -- review ---------------------------------------------------------------------------

    def _review_at(self, entry: Entry) -> datetime | None:
        raw = str(entry.fields.get(REVIEW, ""))
        try:
            day = datetime.fromisoformat(raw).astimezone(self.zone).date()
        except ValueError:
            return None
        return datetime.combine(day, self.at, self.zone)

    def review_text(self, entry: Entry) -> str:
        at = self._review_at(entry)
        return local_time(at, self.zone)[:10] if at else "–"

    async def review(self, person: Person, ref_text: str, when_text: str, note: str) -> Entry:
        """`granska RIS-4 15 januari <kommentar>`: reviewed now; the next review day."""
        entry = self._risk(ref_text)
        self._require_steward(person, entry)
        refuse_personal_numbers(when_text, note)
        now = self.clock.now()
        when = parse_when(when_text, now=now, prefer="future", tz=self.zone.key)
        if when is None or when <= now:
            raise UserError("risk.bad_review", text=shorten(when_text, 40))
        old = self.review_text(entry)
        entry.fields[REVIEW] = when.isoformat()
        change = Change(person.qualified_id, person.name, REVIEW, old, self.review_text(entry), now)
        with self.uow.atomic():
            self.entries.update(entry, [change])
            if note:
                self.entries.add_comment(
                    entry, Comment(person.qualified_id, person.name, note, now)
                )
            self.audit.record(actor=person.qualified_id, action="risk-review", ref=entry.ref)
        return entry

    def _open_risks(self) -> list[Entry]:
        found, _ = self.entries.find(EntryQuery(kinds=(Kind.RISK,), statuses=OPEN, limit=10_000))
        return found

    def upcoming(self, now: datetime) -> Iterable[tuple[str, datetime]]:
        for entry in self._open_risks():
            at = self._review_at(entry)
            if at is not None and at > now:
                yield f"riskreview:{entry.id}", at

    async def recover(self, now: datetime) -> None:
        for row in self.dispatcher.stale_claims("riskreview:"):
            log.warning("risk review reminder %s unconfirmed after a restart", row.job)

    async def run_due(self, now: datetime) -> None:
        handled = self.dispatcher.log.handled_jobs("riskreview:")
        for entry in self._open_risks():
            at = self._review_at(entry)
            job = f"riskreview:{entry.id}:{at.date().isoformat() if at else ''}"
            if at is None or at > now or job in handled:
                continue
            record = self.programme.find_person(str(entry.fields.get(OWNER_ID, "")))
            # The owner is reminded; a risk owned outside the programme reminds its reporter.
            target = (
                person_target(record, self.platforms())
                if record
                else Target(entry.reporter_platform, user_id=entry.reporter_id)
            )
            locale = record.locale if record else "sv"
            if target is None:
                continue
            text = t(
                locale,
                "risk.review_due",
                ref=entry.ref,
                title=shorten(entry.title, 120),
                value=risk_value(entry.fields) or "–",
                owner=str(entry.fields.get("owner", "–")),
            )
            await self.dispatcher.deliver(
                job=job,
                item=f"riskreview:{entry.id}",
                target=target,
                message=Outbound(text),
                due_at=at,
            )

    # -- handed to the line organisation --------------------------------------------------

    async def hand_over(self, person: Person, ref_text: str, manager_text: str, note: str) -> Entry:
        """`lämna RIS-4 till linjen <chef> [motivering]`: a risk the programme generates but
        cannot handle itself goes to the line organisation, to a receiving manager."""
        entry = self._risk(ref_text)
        if not can_triage(person):
            raise UserError("forbidden_triage")
        if entry.status not in OPEN:
            raise UserError("risk.not_open", ref=entry.ref, status_key=entry.status.value)
        refuse_personal_numbers(manager_text, note)
        resolved, error = resolve_person(self.programme, manager_text)
        if error:
            raise UserError("risk.manager_unknown", name=shorten(manager_text, 60))
        now = self.clock.now()
        changes = [
            Change(person.qualified_id, person.name, "status", entry.status.value,
                   Status.HANDED_TO_LINE.value, now),
            Change(person.qualified_id, person.name, LINE_MANAGER, "", resolved["name"], now),
        ]  # fmt: skip
        entry.status = Status.HANDED_TO_LINE
        entry.fields[LINE_MANAGER] = resolved["name"]
        entry.fields[LINE_MANAGER_ID] = resolved.get("id", "")
        with self.uow.atomic():
            self.entries.update(entry, changes)
            if note:
                self.entries.add_comment(
                    entry, Comment(person.qualified_id, person.name, note, now)
                )
            self.audit.record(
                actor=person.qualified_id,
                action="risk-handover",
                ref=entry.ref,
                detail=resolved["name"],
            )
        await self._tell_handover(person, entry, note)
        return entry

    async def _tell_handover(self, person: Person, entry: Entry, note: str) -> None:
        values = {
            "ref": entry.ref,
            "title": shorten(entry.title, 120),
            "manager": str(entry.fields.get(LINE_MANAGER, "")),
            "actor": person.name,
            "note": shorten(note, 500) or "–",
            "value": str(risk_value(entry.fields) or "–"),
        }
        told: set[str] = {person.key} if person.key else set()
        for key, message in (
            (str(entry.fields.get(LINE_MANAGER_ID, "")), "risk.handover_manager"),
            (str(entry.fields.get(OWNER_ID, "")), "risk.handover_owner"),
        ):
            record = self.programme.find_person(key) if key else None
            if record is None or record.id in told:
                continue
            told.add(record.id)
            await self._tell(record, t(record.locale, message, **values), entry.ref)
        reporter = self.programme.person_for(entry.reporter_platform, entry.reporter_id)
        if reporter is None or reporter.id not in told:
            target = Target(
                entry.reporter_platform, channel=entry.source_channel, user_id=entry.reporter_id
            )
            locale = reporter.locale if reporter else "sv"
            text = t(locale, "risk.handover_reporter", **values)
            await post_or_audit(self.notifier, self.audit, target, text, ref=entry.ref)

    async def _tell(self, record: PersonRecord, text: str, ref: str) -> None:
        target = person_target(record, self.platforms())
        if target is not None:
            await post_or_audit(self.notifier, self.audit, target, text, ref=ref)

    # -- helpers ----------------------------------------------------------------------------

    def _risk(self, ref_text: str) -> Entry:
        parsed = parse_ref(ref_text)
        if parsed is None:
            raise UserError("no_ref", example="RIS-4")
        entry = self.entries.get(*parsed)
        if entry is None:
            raise UserError("not_found", ref=format_ref(*parsed))
        if entry.kind is not Kind.RISK:
            raise UserError("risk.not_a_risk", ref=entry.ref)
        return entry

    @staticmethod
    def _require_steward(person: Person, entry: Entry) -> None:
        """Handlers and project leads, or the risk's own owner."""
        if can_triage(person) or (person.key and person.key == entry.fields.get(OWNER_ID)):
            return
        raise UserError("risk.forbidden", ref=entry.ref)
