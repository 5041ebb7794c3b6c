"""Change requests decided (programplan 7.5: changes to "omfattning, tidplan och/eller budget …
ska ändringshanteras").

A handler sends a change request for decision at a level (by the size of its impact, as the
programme file's `governance.change_requests.levels` say); the people that level names are told
and may decide it: approved (beviljad), rejected (avslagen) or postponed (vilande), with the day
and a motivation. The decision enters the decision log; the reporter, the one who sent it for
decision and the programme channel hear of it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from bot.delivery.routing import person_target, post_or_audit
from bot.domain.errors import UserError
from bot.domain.governance import ChangeLevel, fold
from bot.domain.messages import Outbound, Target
from bot.domain.model import Change, Entry, Kind, Person, Status, format_ref, parse_ref
from bot.domain.permissions import can_triage, sees_all
from bot.domain.programme import PersonRecord, Programme
from bot.i18n.catalogue import t
from bot.ports.clock import Clock
from bot.ports.entries import AuditLog, EntryQuery, EntryRepository
from bot.ports.governance import ChangeDecision, ChangeDecisionStore
from bot.ports.outbound import Notifier
from bot.ports.unit_of_work import UnitOfWork
from bot.text.clean import shorten
from bot.text.validation import refuse_personal_numbers

log = logging.getLogger(__name__)

LEVEL_FIELD = "decision_level"  # on the entry: the level it was sent for decision at
SUBMITTABLE = (Status.NEW, Status.IN_PROGRESS, Status.POSTPONED)
# The words people type for a decision: the glossary's, in Swedish (with and without å/ä/ö)
# and English, verb or participle.
OUTCOME_WORDS: dict[str, Status] = {
    **dict.fromkeys(("beviljad", "bevilja", "beviljas", "approved", "approve"), Status.APPROVED),
    **dict.fromkeys(("avslagen", "avsla", "avslas", "rejected", "reject"), Status.REJECTED),
    **dict.fromkeys(("vilande", "vila", "postponed", "postpone"), Status.POSTPONED),
}


@dataclass(frozen=True, slots=True)
class Awaiting:
    entry: Entry
    level: ChangeLevel | None


class ChangeRequestService:
    def __init__(
        self,
        *,
        entries: EntryRepository,
        decisions: ChangeDecisionStore,
        audit: AuditLog,
        uow: UnitOfWork,
        notifier: Notifier,
        clock: Clock,
        programme: Programme,
        timezone: str,
        platforms: Callable[[], Collection[str]],
        programme_targets: Sequence[Target] = (),
    ) -> None:
        self.entries = entries
        self.decisions = decisions
        self.audit = audit
        self.uow = uow
        self.notifier = notifier
        self.clock = clock
        self.programme = programme
        self.zone = ZoneInfo(timezone)
        self.platforms = platforms
        self.programme_targets = tuple(programme_targets)

    @property
    def levels(self) -> tuple[ChangeLevel, ...]:
        return self.programme.governance.change_levels

    # -- sending for decision ---------------------------------------------------------------

    async def submit(
        self, person: Person, ref_text: str, level_id: str
    ) -> tuple[Entry, ChangeLevel]:
        """`till beslut ÄND-2 program`: awaiting the decision of that level's deciders."""
        if not can_triage(person):
            raise UserError("forbidden_triage")
        entry = self._change_request(ref_text)
        if entry.status not in SUBMITTABLE:
            raise UserError("change.not_submittable", ref=entry.ref, status_key=entry.status.value)
        level = self._level(level_id, entry)
        now = self.clock.now()
        changes = [
            Change(person.qualified_id, person.name, "status", entry.status.value,
                   Status.AWAITING_DECISION.value, now),
            Change(person.qualified_id, person.name, LEVEL_FIELD,
                   str(entry.fields.get(LEVEL_FIELD, "")), level.id, now),
        ]  # fmt: skip
        entry.status = Status.AWAITING_DECISION
        entry.fields[LEVEL_FIELD] = level.id
        with self.uow.atomic():
            self.entries.update(entry, changes)
            self.audit.record(
                actor=person.qualified_id, action="change-submit", ref=entry.ref, detail=level.id
            )
        body = level.body or level.name
        for record in self.deciders(level):
            await self._tell(person, record, "change.to_decide", entry, body=body)
        await self._tell_reporter(person, entry, "change.notify_submitted", body=body)
        return entry, level

    def _level(self, level_id: str, entry: Entry) -> ChangeLevel:
        if not self.levels:
            raise UserError("change.no_levels")
        if level_id:
            level = self.programme.governance.level(level_id)
            if level is None:
                raise UserError(
                    "change.unknown_level", text=shorten(level_id, 30), levels=self.level_names()
                )
            return level
        if len(self.levels) == 1:
            return self.levels[0]
        raise UserError("change.which_level", ref=entry.ref, levels=self.level_names())

    def level_names(self) -> str:
        return "; ".join(
            f"{lv.id} ({lv.name}: {lv.body or lv.deciders.describe()})" for lv in self.levels
        )

    def deciders(self, level: ChangeLevel) -> list[PersonRecord]:
        return [
            record
            for record in self.programme.people
            if record.id in level.deciders.people
            or any(role.value in level.deciders.roles for role in record.roles)
        ]

    # -- deciding ---------------------------------------------------------------------------

    async def decide(
        self,
        person: Person,
        ref_text: str,
        outcome_word: str,
        motivation: str,
        decided_on: date | None,
    ) -> tuple[Entry, ChangeDecision]:
        """`beslut ÄND-2 beviljad <motivering>`, by someone the level names."""
        entry = self._change_request(ref_text)
        outcome = OUTCOME_WORDS.get(fold(outcome_word))
        if outcome is None:
            raise UserError("change.decision_usage", ref=entry.ref)
        if entry.status is not Status.AWAITING_DECISION:
            raise UserError("change.not_awaiting", ref=entry.ref, status_key=entry.status.value)
        level = self._deciding_level(person, entry)
        if not motivation.strip():
            raise UserError("change.motivation_missing", ref=entry.ref)
        refuse_personal_numbers(motivation)
        now = self.clock.now()
        today = now.astimezone(self.zone).date()
        if decided_on is not None and decided_on > today:
            raise UserError("ms.future_decision_day", day=decided_on.isoformat())
        decision = ChangeDecision(
            entry_id=entry.id or 0,
            ref=entry.ref,
            title=entry.title,
            level=level.id,
            outcome=outcome.value,
            decided_by=level.body or level.name,
            decider=person.qualified_id,
            decider_name=person.name,
            decided_on=decided_on or today,
            motivation=motivation,
            recorded_at=now,
        )
        change = Change(
            person.qualified_id, person.name, "status", entry.status.value, outcome.value, now
        )
        entry.status = outcome
        with self.uow.atomic():
            self.entries.update(entry, [change])
            decision = self.decisions.add(decision)
            self.audit.record(
                actor=person.qualified_id,
                action="change-decision",
                ref=entry.ref,
                detail=outcome.value,
            )
        await self._announce(person, entry, decision)
        return entry, decision

    def _deciding_level(self, person: Person, entry: Entry) -> ChangeLevel:
        """The level the request was sent to, if `person` is one it names to decide there."""
        level = self.programme.governance.level(str(entry.fields.get(LEVEL_FIELD, "")))
        if level is None:
            raise UserError(
                "change.unknown_level",
                text=str(entry.fields.get(LEVEL_FIELD, "–")),
                levels=self.level_names(),
            )
        if not level.deciders.allow(person):
            names = ", ".join(r.name for r in self.deciders(level)) or level.deciders.describe()
            raise UserError(
                "change.forbidden_decision",
                ref=entry.ref,
                body=level.body or level.name,
                names=names,
            )
        return level

    async def _announce(self, person: Person, entry: Entry, decision: ChangeDecision) -> None:
        values = {
            "outcome": decision.outcome,
            "body": decision.decided_by,
            "day": decision.decided_on.isoformat(),
            "motivation": shorten(decision.motivation, 500),
        }
        await self._tell_reporter(person, entry, "change.notify_decided", **values)
        submitter = self._submitter(entry)
        if submitter is not None and submitter.id != person.key:
            await self._tell(person, submitter, "change.notify_decided_handler", entry, **values)
        for target in self.programme_targets:
            text = t("sv", "change.decided_post", ref=entry.ref, title=shorten(entry.title, 120),
                     outcome=t("sv", f"change.decision.{decision.outcome}"), name=person.name,
                     body=decision.decided_by, day=values["day"], motivation=values["motivation"])  # fmt: skip
            delivery = await self.notifier.post(target, Outbound(text))
            if not delivery.ok:
                log.warning("change decision post to %s failed: %s", target.channel, delivery.error)

    def _submitter(self, entry: Entry) -> PersonRecord | None:
        """Who sent it for decision (its latest sending), if the programme knows them."""
        for change in reversed(entry.history):
            if change.field == "status" and change.new == Status.AWAITING_DECISION.value:
                platform, _, user_id = change.actor_id.partition(":")
                return self.programme.person_for(platform, user_id)
        return None

    # -- reading ----------------------------------------------------------------------------

    def awaiting(self, person: Person) -> list[Awaiting]:
        """Change requests awaiting decision: all of them for handlers, project leads and
        deciders; a reporter sees their own."""
        deciders = any(level.deciders.allow(person) for level in self.levels)
        reporter = None if sees_all(person) or deciders else person.qualified_id
        found, _ = self.entries.find(
            EntryQuery(
                kinds=(Kind.CHANGE,),
                statuses=(Status.AWAITING_DECISION,),
                reporter=reporter,
                limit=500,
            )
        )
        governance = self.programme.governance
        return [Awaiting(e, governance.level(str(e.fields.get(LEVEL_FIELD, "")))) for e in found]

    # -- helpers ----------------------------------------------------------------------------

    def _change_request(self, ref_text: str) -> Entry:
        parsed = parse_ref(ref_text)
        if parsed is None:
            raise UserError("no_ref", example="ÄND-2")
        entry = self.entries.get(*parsed)
        if entry is None:
            raise UserError("not_found", ref=format_ref(*parsed))
        if entry.kind is not Kind.CHANGE:
            raise UserError("change.not_a_change", ref=entry.ref)
        return entry

    async def _tell(
        self, actor: Person, record: PersonRecord, key: str, entry: Entry, **values: str
    ) -> None:
        target = person_target(record, self.platforms())
        if target is None:
            return
        text = self._text(record.locale, key, entry, **values)
        delivery = await post_or_audit(self.notifier, self.audit, target, text, ref=entry.ref)
        if not delivery.ok:
            await self._undelivered(actor, record.name, entry, delivery.error)

    async def _tell_reporter(self, actor: Person, entry: Entry, key: str, **values: str) -> None:
        if entry.reporter_platform == actor.platform and entry.reporter_id == actor.user_id:
            return
        record = self.programme.person_for(entry.reporter_platform, entry.reporter_id)
        locale = record.locale if record else "sv"
        target = Target(
            entry.reporter_platform, channel=entry.source_channel, user_id=entry.reporter_id
        )
        text = self._text(locale, key, entry, **values)
        delivery = await post_or_audit(self.notifier, self.audit, target, text, ref=entry.ref)
        if not delivery.ok:
            await self._undelivered(actor, entry.reporter_name, entry, delivery.error)

    @staticmethod
    def _text(locale: str, key: str, entry: Entry, **values: str) -> str:
        """The notice in the reader's language; `outcome` comes as its code."""
        if "outcome" in values:
            values["outcome"] = t(locale, f"change.decision.{values['outcome']}")
        return t(
            locale,
            key,
            ref=entry.ref,
            title=shorten(entry.title, 120),
            scope=shorten(str(entry.fields.get("impact_scope", "–")), 300),
            time=shorten(str(entry.fields.get("impact_time", "–")), 300),
            budget=shorten(str(entry.fields.get("impact_budget", "–")), 300),
            **values,
        )

    async def _undelivered(self, actor: Person, name: str, entry: Entry, error: str) -> None:
        await self.notifier.post(
            Target(actor.platform, user_id=actor.user_id),
            Outbound(
                t(
                    actor.locale,
                    "notify_undelivered",
                    name=name,
                    ref=entry.ref,
                    error=shorten(error, 300),
                )
            ),
        )
