"""Milestones and decision points: the programme's dates, the decision log, milestones reached.

A decision point (programplan 5.4) takes a decision of its deciding body (6.1), with the outcomes
the plan gives it, recorded from chat by its owner or a project lead; the log keeps who decided
apart from who recorded it. A milestone is not decided: it is marked reached. Reminders and
nudges are in bot/plan/milestone_reminders.py.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.delivery.claims import Dispatcher
from bot.domain.errors import UserError
from bot.domain.governance import Outcomes, parse_outcomes
from bot.domain.messages import Outbound
from bot.domain.model import Person, Role
from bot.domain.programme import Programme, ProgrammeError
from bot.i18n.catalogue import t
from bot.plan.decisions import parse_decision
from bot.plan.milestone_import import FROM_FILE, kind_of, sync_programme
from bot.plan.milestone_reminders import (
    MilestoneReminders,
    ReminderPolicy,
    channel_targets,
    dm_target,
    next_step,
)
from bot.plan.workdays import is_working_day, next_working_day
from bot.ports.clock import Clock
from bot.ports.entries import AuditLog
from bot.ports.outbound import Notifier
from bot.ports.plan import Decision, MilestoneRecord, MilestoneStore
from bot.ports.scheduling import Wakeups
from bot.ports.unit_of_work import UnitOfWork
from bot.text.clean import shorten
from bot.text.render import due_label, outcome_label
from bot.text.timeparse import parse_when, quarter_or_date_due
from bot.text.validation import refuse_personal_numbers

log = logging.getLogger(__name__)

__all__ = [
    "FROM_FILE",
    "MilestoneService",
    "ReminderPolicy",
    "is_working_day",
    "next_working_day",
    "parse_due",
]

ID_PATTERN = re.compile(r"[A-Za-zÅÄÖåäö0-9][A-Za-zÅÄÖåäö0-9_.-]{0,31}")
MOTIVATION_LIMIT = 2_000


def parse_due(text: str, *, now: datetime, timezone: str) -> tuple[date, str] | None:
    """ "2027-Q1", "2027-03-15" or what people write ("15 mars 2027"): (due date, as stored)."""
    raw = text.strip()
    try:
        return quarter_or_date_due(raw), raw.upper() if "q" in raw.lower() else raw
    except ValueError:
        pass
    when = parse_when(raw, now=now, prefer="future", tz=timezone)
    if when is None:
        return None
    return when.date(), when.date().isoformat()


class MilestoneService:
    def __init__(
        self,
        *,
        store: MilestoneStore,
        audit: AuditLog,
        uow: UnitOfWork,
        dispatcher: Dispatcher,
        notifier: Notifier,
        clock: Clock,
        programme: Programme,
        policy: ReminderPolicy,
        wakeups: Wakeups,
        platforms: Callable[[], Collection[str]],
    ) -> None:
        self.store = store
        self.audit = audit
        self.uow = uow
        self.notifier = notifier
        self.clock = clock
        self.programme = programme
        self.policy = policy
        self.platforms = platforms
        self.zone = ZoneInfo(policy.timezone)
        # The scheduler's work: reminders before the date, nudges after it.
        self.reminders = MilestoneReminders(
            store=store,
            audit=audit,
            dispatcher=dispatcher,
            notifier=notifier,
            programme=programme,
            policy=policy,
            wakeups=wakeups,
            platforms=platforms,
        )

    # -- the programme file ----------------------------------------------------------------

    def sync_programme(self) -> None:
        """Import the programme's milestones (and decisions the file says were taken) not seen
        before; follow changes of the file unless the milestone was edited in chat."""
        sync_programme(self.store, self.uow, self.programme, self.clock.now(), self.zone)

    # -- reading ---------------------------------------------------------------------------

    def find(self, text: str) -> MilestoneRecord:
        wanted = text.strip().casefold()
        milestones = self.store.all()
        exact = [m for m in milestones if m.id.casefold() == wanted]
        if exact:
            return exact[0]
        starts = [m for m in milestones if m.id.casefold().startswith(wanted)] if wanted else []
        if len(starts) == 1:
            return starts[0]
        if starts:
            raise UserError(
                "ms.ambiguous", text=shorten(text, 20), ids=", ".join(m.id for m in starts)
            )
        raise UserError("ms.not_found", text=shorten(text, 20) or "–")

    def listing(self, *, include_past: bool) -> list[tuple[MilestoneRecord, Decision | None]]:
        """Coming ones and late ones (or everything), by date. Late: the bot knew of it before
        its date, and it is neither decided nor reached."""
        today = self.clock.now().astimezone(self.zone).date()
        decided = self.store.latest_decisions()
        rows = []
        for m in sorted(self.store.all(), key=lambda m: (m.due, m.id)):
            decision = decided.get(m.id)
            late = decision is None and m.reached_at is None and m.due >= m.known_since.date()
            if include_past or m.due >= today or late:
                rows.append((m, decision))
        return rows

    def decisions_of(self, milestone_id: str) -> list[Decision]:
        return [d for d in self.store.decisions(None, None) if d.milestone_id == milestone_id]

    def body_of(self, m: MilestoneRecord) -> str:
        """The deciding body of a decision point: its own, else the programme's."""
        return m.decided_by or self.programme.governance.decision_body

    # -- changing --------------------------------------------------------------------------

    def save_milestone(
        self,
        person: Person,
        *,
        milestone_id: str,
        title: str,
        kind: str,
        due_text: str,
        owner: str,
        outcomes: str | None = None,
    ) -> tuple[MilestoneRecord, bool]:
        """Create or change a milestone from chat; (record, created). `outcomes` None keeps
        a decision point's outcomes as they are."""
        if not person.has(Role.PROJECT_LEAD, Role.ADMIN):
            raise UserError("ms.forbidden_edit")
        refuse_personal_numbers(milestone_id, title, owner, due_text, outcomes or "")
        if not ID_PATTERN.fullmatch(milestone_id):
            raise UserError("ms.bad_id", text=shorten(milestone_id, 20))
        now = self.clock.now()
        parsed = parse_due(due_text, now=now, timezone=self.policy.timezone)
        if parsed is None:
            raise UserError("ms.bad_date", text=shorten(due_text, 40))
        record = self.programme.find_person(owner) if owner else None
        if owner and record is None:
            raise UserError("ms.unknown_owner", name=shorten(owner, 40))
        current = self.store.get(milestone_id)
        kept = current.outcomes if current else ()
        given = self._outcomes(outcomes, kept) if kind_of(kind) == "decision" else ()
        due, written = parsed
        base = current or MilestoneRecord(
            milestone_id, title, kind_of(kind), due, written, "", "chat", now, now, now
        )
        milestone = replace(
            base,
            title=title,
            kind=kind_of(kind),
            due=due,
            due_text=written,
            owner=record.id if record else (current.owner if current else person.key),
            source="chat",
            known_since=now if current is None or current.due != due else current.known_since,
            updated_at=now,
            outcomes=given,
        )
        with self.uow.atomic():
            self.store.save(milestone)
            self.audit.record(
                actor=person.qualified_id,
                action="milestone-create" if current is None else "milestone-change",
                ref=f"milestone:{milestone_id}",
                detail=f"{written} {milestone.owner}",
            )
        self.reminders.reschedule(milestone, now)
        return milestone, current is None

    @staticmethod
    def _outcomes(text: str | None, kept: Outcomes) -> Outcomes:
        if text is None:
            return kept
        try:
            outcomes = parse_outcomes(text, "outcomes")
        except ProgrammeError:
            raise UserError("ms.bad_outcomes", text=shorten(text, 60)) from None
        if not outcomes:
            raise UserError("ms.outcomes_missing")
        return outcomes

    async def record_decision(
        self, person: Person, milestone_text: str, text: str
    ) -> tuple[MilestoneRecord, Decision]:
        """`beslut B4 godkänna starta [2020-12-15] <motivering>`: the decision of the point's
        deciding body, recorded by its owner or a project lead."""
        milestone = self.find(milestone_text)
        if milestone.kind != "decision":
            raise UserError("ms.not_a_decision_point", id=milestone.id)
        if not (
            person.has(Role.PROJECT_LEAD, Role.ADMIN)
            or (person.key and person.key == milestone.owner)
        ):
            raise UserError("ms.forbidden_decision", id=milestone.id)
        if not milestone.outcomes:
            raise UserError("ms.next_no_outcomes", id=milestone.id)
        now = self.clock.now()
        given = parse_decision(milestone, text, today=now.astimezone(self.zone).date())
        if not given.motivation.strip():
            raise UserError("ms.motivation_missing", id=milestone.id, outcome=given.outcome)
        refuse_personal_numbers(given.motivation)
        decision = Decision(
            milestone.id,
            given.outcome,
            given.motivation,
            person.qualified_id,
            person.name,
            now,
            decided_by=self.body_of(milestone),
            decided_on=given.decided_on,
        )
        with self.uow.atomic():
            self.store.add_decision(decision)
            self.audit.record(
                actor=person.qualified_id,
                action="decision",
                ref=f"milestone:{milestone.id}",
                detail=given.outcome,
            )
        self.reminders.unschedule(milestone)
        await self._announce_decision(person, milestone, decision)
        return milestone, decision

    async def _announce_decision(
        self, person: Person, m: MilestoneRecord, decision: Decision
    ) -> None:
        """The programme channel hears of it, and the owner when someone else recorded it."""
        values = {
            "id": m.id,
            "title": shorten(m.title, 200),
            "motivation": shorten(decision.motivation, 500),
            "name": person.name,
            "body": decision.decided_by or "–",
            "day": (decision.decided_on or decision.recorded_at.astimezone(self.zone).date()),
        }
        for target in channel_targets(self.programme, self.platforms()):
            text = t(
                "sv", "ms.decision_post", outcome=outcome_label("sv", decision.outcome), **values
            )
            delivery = await self.notifier.post(target, Outbound(text))
            if not delivery.ok:
                log.warning("decision post to %s failed: %s", target.channel, delivery.error)
        owner = self.programme.find_person(m.owner)
        direct = dm_target(owner, self.platforms())
        if owner is not None and direct is not None and owner.id != person.key:
            text = t(
                owner.locale,
                "ms.decision_post",
                outcome=outcome_label(owner.locale, decision.outcome),
                **values,
            )
            await self.notifier.post(direct, Outbound(text))

    async def mark_reached(self, person: Person, milestone_text: str) -> MilestoneRecord:
        """`uppnådd M-INT-LAB`: a milestone (not a decision point) is reached, by its owner's or
        a project lead's word."""
        milestone = self.find(milestone_text)
        if milestone.kind == "decision":
            raise UserError(
                "ms.reach_decision_point",
                id=milestone.id,
                next=next_step(milestone, person.locale),
            )
        if not (
            person.has(Role.PROJECT_LEAD, Role.ADMIN)
            or (person.key and person.key == milestone.owner)
        ):
            raise UserError("ms.forbidden_reached", id=milestone.id)
        if milestone.reached_at is not None:
            raise UserError(
                "ms.already_reached",
                id=milestone.id,
                name=milestone.reached_by_name,
                day=milestone.reached_at.astimezone(self.zone).date().isoformat(),
            )
        now = self.clock.now()
        with self.uow.atomic():
            self.store.mark_reached(milestone.id, person.qualified_id, person.name, now)
            self.audit.record(
                actor=person.qualified_id,
                action="milestone-reached",
                ref=f"milestone:{milestone.id}",
            )
        self.reminders.unschedule(milestone)
        reached = replace(
            milestone, reached_at=now, reached_by=person.qualified_id, reached_by_name=person.name
        )
        for target in channel_targets(self.programme, self.platforms()):
            text = t(
                "sv",
                "ms.reached_post",
                id=milestone.id,
                title=shorten(milestone.title, 200),
                date=due_label(milestone.due, milestone.due_text, "sv"),
                name=person.name,
            )
            delivery = await self.notifier.post(target, Outbound(text))
            if not delivery.ok:
                log.warning("reached post to %s failed: %s", target.channel, delivery.error)
        return reached
