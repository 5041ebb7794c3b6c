"""Deviations as programplan 7.7 has them: two kinds, kept apart.

"Avvikelser mot programplan" (time, scope, budget) are the programme's own. "Avvikelser som
uppkommer efter, eller i samband med, införandet av FVIS ska i första hand hanteras i regionens
befintliga avvikelsesystem": the reporter is pointed there first with the text to paste, and the
bot records what really happened: "hänvisad till avvikelsesystemet" when the text was given,
"registrerad i avvikelsesystemet (ärendenummer …)" once someone gives the case number it got
there. The reporter is reminded the next day while the number is missing, then weekly while the
deviation is open. A flagged go-live deviation reaches the unit's medically responsible
person(s) and line manager by name (the programme file's governance.units), and the record shows
who was told and when. Telling people goes through the notices of bot/entries/notices.py.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import datetime, time, timedelta
from functools import partial
from urllib.parse import quote
from zoneinfo import ZoneInfo

from bot.delivery.claims import Dispatcher
from bot.domain.errors import UserError
from bot.domain.kinds import (
    CASE_NUMBER,
    NAMES_SEPARATOR,
    NOBODY,
    REFERRED_FLAGS,
    TOLD_AT,
    TOLD_FIELDS,
    TOLD_MANAGER,
    TOLD_MEDICAL,
    risk_value,
)
from bot.domain.messages import Choice, Outbound
from bot.domain.model import (
    RULE_ACTOR,
    Change,
    Entry,
    Kind,
    Person,
    Status,
    format_ref,
    parse_ref,
)
from bot.domain.permissions import can_triage, is_reporter_of
from bot.entries.notices import Recipient, reader_choices
from bot.entries.service import FLAG_MEDICAL_REVIEW, EntryService
from bot.i18n.catalogue import t
from bot.ports.entries import EntryQuery
from bot.text.clean import shorten
from bot.text.validation import refuse_personal_numbers

log = logging.getLogger(__name__)

OPEN = (Status.NEW, Status.IN_PROGRESS, Status.ESCALATED)
CASE_PATTERN = re.compile(r"[0-9A-Za-zÅÄÖåäö][0-9A-Za-zÅÄÖåäö ./:_-]{0,39}")
CASE_ACTION = "caseno"
# A Lex Maria answer of "kanske" or "ja" is for the medically responsible to judge.
LEX_MARIA_TELLS = frozenset({"maybe", "yes"})
FIRST_REMINDER = timedelta(days=1)
LATER_REMINDERS = timedelta(days=7)


def is_referred(entry: Entry) -> bool:
    return entry.kind is Kind.DEVIATION and bool(REFERRED_FLAGS & set(entry.flags))


def system_link(url: str, text: str) -> str:
    """The region's deviation system; where its address has a `{text}` placeholder, the link
    carries the text prefilled."""
    return url.replace("{text}", quote(text)) if "{text}" in url else url


def case_choice(entry: Entry, locale: str) -> Choice:
    return Choice(f"{CASE_ACTION}:start", t(locale, "dev.choice.case_number"), entry.ref)


class DeviationService:
    def __init__(
        self,
        *,
        service: EntryService,
        dispatcher: Dispatcher,
        timezone: str,
        at: time,
    ) -> None:
        self.service = service
        self.dispatcher = dispatcher
        self.zone = ZoneInfo(timezone)
        self.at = at

    # -- the line organisation hears of a flagged go-live deviation ---------------------------

    async def on_created(self, entry: Entry, actor: Person) -> None:
        if not is_referred(entry):
            return
        lex_maria = str(entry.fields.get("lex_maria", ""))
        if FLAG_MEDICAL_REVIEW in entry.flags or lex_maria in LEX_MARIA_TELLS:
            await self.tell_line(entry)

    async def tell_line(self, entry: Entry) -> None:
        """The unit's medically responsible person(s) and line manager, by name. Each one told,
        or not reached, goes into the entry's history with the time; they may read it."""
        service = self.service
        programme = service.programme
        unit_text = str(entry.fields.get("unit", ""))
        unit = programme.governance.unit_for(unit_text) if unit_text else None
        now = service.clock.now()
        # Told by a rule, not a person; the name is stored in Swedish like every name in the
        # history.
        rule = (f"{RULE_ACTOR}told_line", t("sv", "dev.rule_told"))
        if unit is None:
            changes = [Change(*rule, TOLD_MEDICAL, "", NOBODY, now)]
            if FLAG_MEDICAL_REVIEW not in entry.flags:
                # A flagged one was posted to the programme channel already (EntryService).
                await service.notices.to_programme(
                    "dev.no_unit_post", ref=entry.ref, unit=shorten(unit_text, 60) or "–"
                )
            self._record(entry, changes, ())
            return
        wanted = [(TOLD_MEDICAL, key) for key in unit.medically_responsible]
        wanted += [(TOLD_MANAGER, unit.line_manager)] if unit.line_manager else []
        changes = []
        for field, key in wanted:
            record = programme.person(key)
            name = record.name if record is not None else key
            recipient = service.notices.person(key)
            reached = []
            if recipient is not None:
                build = partial(self._line_message, entry, field=field, unit=unit.name)
                reached = await service.notices.send([recipient], build, ref=entry.ref)
            # "!" marks someone the notice did not reach: shown as such, never as told.
            changes.append(Change(*rule, field, "", name if reached else f"!{name}", now))
        self._record(entry, changes, tuple(key for _, key in wanted))

    @staticmethod
    def _line_message(entry: Entry, recipient: Recipient, *, field: str, unit: str) -> Outbound:
        locale = recipient.locale
        text = t(
            locale,
            "dev.line_told",
            ref=entry.ref,
            unit=unit,
            value=risk_value(entry.fields) or "–",
            role=t(locale, f"dev.role.{field}"),
            lex_maria=t(locale, f"opt.lex_maria.{entry.fields.get('lex_maria') or 'no'}"),
        )
        return Outbound(text, choices=reader_choices(entry, locale))

    def _record(self, entry: Entry, changes: list[Change], followers: tuple[str, ...]) -> None:
        service = self.service
        # Kept on the entry too, for registers that list entries without their history.
        for field in TOLD_FIELDS:
            names = [c.new for c in changes if c.field == field]
            if names:
                entry.fields[field] = NAMES_SEPARATOR.join(names)
        if changes:
            entry.fields[TOLD_AT] = changes[0].at.isoformat()
        with service.uow.atomic():
            service.entries.update(entry, changes)
            if entry.id is not None and followers:
                # They may now read it and answer, without a handler's role.
                service.people.add_followers(entry.id, followers)
        entry.history.extend(changes)
        entry.followers = list(dict.fromkeys([*entry.followers, *followers]))

    # -- the region's case number -------------------------------------------------------------

    async def set_case_number(self, person: Person, ref_text: str, number: str) -> Entry:
        """`ärendenummer AVV-3 12345`: the deviation is registered in the region's system."""
        service = self.service
        entry = service.load(self._deviation(ref_text))
        if not (is_reporter_of(person, entry) or can_triage(person)):
            raise UserError("dev.case_forbidden", ref=entry.ref)
        if not is_referred(entry):
            raise UserError("dev.not_golive", ref=entry.ref)
        refuse_personal_numbers(number)
        number = " ".join(number.split())
        if not CASE_PATTERN.fullmatch(number):
            raise UserError("dev.bad_case_number", text=shorten(number, 40))
        old = str(entry.fields.get(CASE_NUMBER, ""))
        if old == number:
            return entry
        change = Change(
            person.qualified_id, person.name, CASE_NUMBER, old, number, service.clock.now()
        )
        entry.fields[CASE_NUMBER] = number
        with service.uow.atomic():
            service.entries.update(entry, [change])
            service.audit.record(
                actor=person.qualified_id, action="region-case", ref=entry.ref, detail=number
            )
        entry.history.append(change)
        # Whoever answers for it hears where it is registered; so do its reporters.
        await service.notices.send(
            service.notices.assignee_or_handlers(entry, besides=person),
            lambda r: Outbound(
                t(r.locale, "dev.case_told", ref=entry.ref, number=number, actor=person.name),
                choices=reader_choices(entry, r.locale),
            ),
            ref=entry.ref,
        )
        await service.tell_reporters(entry, person, "dev.case_told_reporter", number=number)
        return entry

    # -- Work: reminders while the case number is missing -------------------------------------

    def reminders(self, entry: Entry, until: datetime) -> list[datetime]:
        """The next day, then weekly: every reminder due by `until`."""
        if entry.created_at is None:
            return []
        day = entry.created_at.astimezone(self.zone).date() + FIRST_REMINDER
        at = datetime.combine(day, self.at, self.zone)
        found = []
        while at <= until:
            found.append(at)
            at += LATER_REMINDERS
        return found

    def next_reminder(self, entry: Entry, now: datetime) -> datetime | None:
        if entry.created_at is None:
            return None
        due = self.reminders(entry, now)
        if due:
            return due[-1] + LATER_REMINDERS
        day = entry.created_at.astimezone(self.zone).date() + FIRST_REMINDER
        return datetime.combine(day, self.at, self.zone)

    def _waiting(self) -> list[Entry]:
        found, _ = self.service.entries.find(
            EntryQuery(kinds=(Kind.DEVIATION,), statuses=OPEN, limit=10_000)
        )
        return [e for e in found if is_referred(e) and not e.fields.get(CASE_NUMBER)]

    def upcoming(self, now: datetime) -> Iterable[tuple[str, datetime]]:
        for entry in self._waiting():
            at = self.next_reminder(entry, now)
            if at is not None:
                yield f"casenumber:{entry.id}", at

    async def recover(self, now: datetime) -> None:
        for row in self.dispatcher.stale_claims("casenumber:"):
            log.warning("case number reminder %s unconfirmed after a restart", row.job)

    async def run_due(self, now: datetime) -> None:
        handled = self.dispatcher.log.handled_jobs("casenumber:")
        for entry in self._waiting():
            due = self.reminders(entry, now)
            # Only the latest reminder due: after a pause nobody gets a backlog of them.
            job = f"casenumber:{entry.id}:{len(due)}"
            if not due or job in handled:
                continue
            [reporter, *_] = self.service.notices.reporters(self.service.load(entry))
            url = self.service.programme.deviation_system_url or "–"
            text = t(reporter.locale, "dev.case_reminder", ref=entry.ref, url=url)
            message = Outbound(text, choices=(case_choice(entry, reporter.locale),))
            await self.dispatcher.deliver(
                job=job,
                item=f"casenumber:{entry.id}",
                target=reporter.target,
                message=message,
                due_at=due[-1],
            )

    # -- helpers ----------------------------------------------------------------------------

    def _deviation(self, ref_text: str) -> Entry:
        parsed = parse_ref(ref_text)
        if parsed is None:
            raise UserError("no_ref", example="AVV-3")
        entry = self.service.entries.get(*parsed)
        if entry is None:
            raise UserError("not_found", ref=format_ref(*parsed))
        if entry.kind is not Kind.DEVIATION:
            raise UserError("dev.not_golive", ref=entry.ref)
        return entry
