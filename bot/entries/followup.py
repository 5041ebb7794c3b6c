"""After an entry is logged: the reporter reopens it or confirms it is fixed; someone with the same
thing joins it instead of logging it again; a handler sets what the reporter could not know."""

from __future__ import annotations

from bot.domain.errors import UserError
from bot.domain.messages import Outbound
from bot.domain.model import Entry, Kind, Person, Reporter, Status
from bot.domain.permissions import can_triage, is_reporter_of
from bot.entries.notices import choices_for
from bot.entries.service import EntryService, Source
from bot.i18n.catalogue import t
from bot.text.clean import shorten

REOPENABLE = (Status.RESOLVED, Status.CLOSED)
SIMILAR_LIMIT = 3


def _own(service: EntryService, person: Person, ref_text: str) -> Entry:
    entry = service.read(person, ref_text)
    if not is_reporter_of(person, entry):
        raise UserError("followup_reporters_only", ref=entry.ref)
    return entry


async def _tell_handlers(
    service: EntryService, entry: Entry, person: Person, key: str, **values: str
) -> None:
    """The assignee, or the handler group while nobody has taken it."""
    await service.notices.send(
        service.notices.assignee_or_handlers(entry, besides=person),
        lambda r: Outbound(
            t(
                r.locale,
                key,
                actor=person.name,
                ref=entry.ref,
                title=shorten(entry.title, 80),
                **values,
            ),
            choices=choices_for(entry, r),
        ),
        ref=entry.ref,
        asker=person,
    )


async def reopen(service: EntryService, person: Person, ref_text: str, reason: str) -> Entry:
    """A reporter says it is not fixed: it is open again, and whoever answers for it hears why."""
    entry = _own(service, person, ref_text)
    if entry.status not in REOPENABLE:
        raise UserError("reopen_not_resolved", ref=entry.ref, status_key=entry.status.value)
    if not reason.strip():
        raise UserError("reopen_reason_missing", ref=entry.ref)
    status = Status.IN_PROGRESS if entry.assignee else Status.NEW
    changes = [
        service.change(person, "reopened", "", reason),
        service.change(person, "status", entry.status.value, status.value),
    ]
    entry.status = status
    with service.uow.atomic():
        service.entries.update(entry, changes)
        service.audit.record(actor=person.qualified_id, action="reopen", ref=entry.ref)
    await _tell_handlers(service, entry, person, "notify_reopened", reason=shorten(reason, 500))
    await service.tell_reporters(entry, person, "notify_status", status_key=status.value)
    return entry


async def confirm_fixed(service: EntryService, person: Person, ref_text: str) -> Entry:
    """A reporter confirms the fix: the entry is closed and whoever resolved it hears so."""
    entry = _own(service, person, ref_text)
    if entry.status is not Status.RESOLVED:
        raise UserError("confirm_not_resolved", ref=entry.ref, status_key=entry.status.value)
    change = service.change(person, "status", entry.status.value, Status.CLOSED.value)
    entry.status = Status.CLOSED
    with service.uow.atomic():
        service.entries.update(entry, [change])
        service.audit.record(actor=person.qualified_id, action="confirm", ref=entry.ref)
    await _tell_handlers(service, entry, person, "notify_confirmed")
    return entry


def similar(service: EntryService, person: Person, kind: Kind, text: str) -> list[Entry]:
    """Up to three open entries like this text that the person may join. Never deviations: they
    are shown to their own reporters and handlers only."""
    if service.similar is None or kind is Kind.DEVIATION or not text.strip():
        return []
    found = service.similar.similar(kind, text, limit=SIMILAR_LIMIT + 2)
    return [e for e in found if not is_reporter_of(person, service.load(e))][:SIMILAR_LIMIT]


async def join(service: EntryService, person: Person, ref_text: str, source: Source) -> Entry:
    """ "Samma sak – lägg till mig": counted as one more reporter; the handler hears of it; the
    joiner hears of every change from now on, like the first reporter."""
    entry = service.load(_get_open(service, ref_text))
    if entry.kind is Kind.DEVIATION and not can_triage(person):
        raise UserError("forbidden_read", ref=entry.ref)
    if is_reporter_of(person, entry):
        raise UserError("join_already", ref=entry.ref)
    reporter = Reporter(person.platform, person.user_id, person.name, source.channel, source.thread)
    assert entry.id is not None
    with service.uow.atomic():
        added = service.people.add_reporter(entry.id, reporter)
        if added:
            service.entries.update(
                entry,
                [
                    service.change(
                        person,
                        "reporters",
                        str(entry.reporter_count),
                        str(entry.reporter_count + 1),
                    )
                ],
            )
            service.audit.record(actor=person.qualified_id, action="join", ref=entry.ref)
    if not added:
        raise UserError("join_already", ref=entry.ref)
    entry.co_reporters.append(reporter)
    entry.reporter_count += 1
    await _tell_handlers(service, entry, person, "notify_joined", count=str(entry.reporter_count))
    return entry


def _get_open(service: EntryService, ref_text: str) -> Entry:
    entry = service.get(ref_text)
    if entry.status not in (Status.NEW, Status.IN_PROGRESS, Status.ESCALATED):
        raise UserError("join_closed", ref=entry.ref, status_key=entry.status.value)
    return entry


async def set_benefit(service: EntryService, person: Person, ref_text: str, benefit: str) -> Entry:
    """The handler sets a need's benefit objective, which its reporter may not have known."""
    if not can_triage(person):
        raise UserError("forbidden_triage")
    entry = service.read(person, ref_text)
    if entry.kind is not Kind.NEED:
        raise UserError("benefit_needs_only", ref=entry.ref)
    if benefit not in {str(n) for n in range(1, 6)}:
        raise UserError("benefit_usage")
    change = service.change(person, "benefit", str(entry.fields.get("benefit", "")), benefit)
    entry.fields["benefit"] = benefit
    with service.uow.atomic():
        service.entries.update(entry, [change])
        service.audit.record(
            actor=person.qualified_id, action="benefit", ref=entry.ref, detail=benefit
        )
    return entry
