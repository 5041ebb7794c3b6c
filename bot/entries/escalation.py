"""Escalation as the plan runs it ("FVIS rutin för ärendehantering", programplan 6.2, 7.6):
only issues go up, project → programme → programme steering group; a reason is required; the
people of the next level are told, with the reason and the entry; the history keeps who and why.
Deviations and risks have their own routes (7.7, 7.8) and are not escalated this way."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.errors import UserError
from bot.domain.messages import Outbound
from bot.domain.model import Entry, EscalationLevel, Kind, Person, Status
from bot.domain.permissions import can_triage
from bot.entries.notices import Recipient, choices_for, details
from bot.entries.service import EntryService
from bot.i18n.catalogue import t
from bot.text.clean import shorten

REASON_LIMIT = 2_000
# The reason lives in the history (who and why), under this field; reports read it there.
REASON_FIELD = "escalation_reason"


@dataclass(frozen=True, slots=True)
class Escalation:
    entry: Entry
    level: EscalationLevel  # the level it goes to
    people: tuple[str, ...]  # the names of those who will be told


def prepare(service: EntryService, person: Person, ref_text: str) -> Escalation:
    """What escalating would do, checked: who may, what kind, which level, who hears of it."""
    if not can_triage(person):
        raise UserError("forbidden_triage")
    entry = service.read(person, ref_text)
    if entry.kind is not Kind.ISSUE:
        raise UserError(f"escalate_route.{entry.kind.value}", ref=entry.ref)
    level = entry.escalation_level.next()
    if level is None:
        raise UserError("escalate_top", ref=entry.ref)
    ids = _level_people(service, entry, level)
    names = tuple(record.name for i in ids if (record := service.programme.person(i)))
    return Escalation(entry, level, names)


def _level_people(service: EntryService, entry: Entry, level: EscalationLevel) -> tuple[str, ...]:
    organisation = service.programme.org
    project = organisation.project_of(str(entry.fields.get("unit", "")))
    return organisation.level_people(level, project)


async def escalate(
    service: EntryService, person: Person, ref_text: str, reason: str
) -> tuple[Escalation, list[Recipient]]:
    """Escalate one level (the person confirmed it); those of the next level who were reached."""
    if not reason.strip():
        raise UserError("escalate_reason_missing")
    planned = prepare(service, person, ref_text)
    entry, level = planned.entry, planned.level
    changes = [
        service.change(person, "escalation_level", entry.escalation_level.value, level.value),
        service.change(person, REASON_FIELD, "", reason),
    ]
    entry.escalation_level = level
    if entry.status is not Status.ESCALATED:
        changes.append(service.change(person, "status", entry.status.value, "escalated"))
        entry.status = Status.ESCALATED
    ids = _level_people(service, entry, level)
    with service.uow.atomic():
        service.entries.update(entry, changes)
        if entry.id is not None and ids:
            # They may now read it and answer, even without a handler's role (the steering group).
            service.people.add_followers(entry.id, ids)
        service.audit.record(
            actor=person.qualified_id, action="escalate", ref=entry.ref, detail=level.value
        )
    entry.followers = list(dict.fromkeys([*entry.followers, *ids]))
    said = shorten(reason, 500)
    reached = await service.notices.send(
        service.notices.people(ids, besides=person),
        lambda r: Outbound(
            t(
                r.locale,
                "notify_escalated_level",
                ref=entry.ref,
                title=shorten(entry.title, 120),
                level_key=level.value,
                actor=person.name,
                reason=said,
                reporter=entry.reporter_name,
                details=details(entry, r.locale),
            ),
            choices=choices_for(entry, r),
        ),
        ref=entry.ref,
        asker=person,
    )
    await service.tell_reporters(
        entry, person, "notify_escalated", level_key=level.value, reason=said
    )
    return planned, reached
