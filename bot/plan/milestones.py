"""Milestones and decision points: the programme's dates, the decision log, reminders, nudges.

Reminders go out at configured offsets before the date (14, 7, 1 days at 09:00 local time) to
the owner (direct message) and the programme channel. Only reminders whose instant lies after
the milestone became known (imported, created, or its date moved) are owed, so importing a plan
with past dates sends nothing old. If several reminders of one milestone fell due while the bot
was down, only the latest goes out (the earlier are recorded as superseded). An overdue
milestone without a decision is nudged to its owner once every Swedish working day, at the
reminder time or later that day, until a decision is recorded.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import holidays

from bot.delivery.claims import Dispatcher
from bot.delivery.routing import post_or_audit
from bot.domain.errors import UserError
from bot.domain.messages import Outbound, Target
from bot.domain.model import Person, Role
from bot.domain.programme import PersonRecord, Programme
from bot.i18n.catalogue import t
from bot.ports.clock import Clock
from bot.ports.entries import AuditLog
from bot.ports.outbound import Notifier
from bot.ports.plan import Decision, MilestoneRecord, MilestoneStore
from bot.ports.scheduling import Wakeups
from bot.ports.unit_of_work import UnitOfWork
from bot.text.clean import shorten
from bot.text.timeparse import parse_when, quarter_or_date_due
from bot.text.validation import refuse_personal_numbers

log = logging.getLogger(__name__)

OUTCOMES = ("continue", "change", "stop")
OUTCOME_WORDS: dict[str, str] = {
    **dict.fromkeys(("fortsätta", "fortsatta", "fortsätt", "fortsatt", "continue"), "continue"),
    **dict.fromkeys(("ändra", "andra", "ändring", "change"), "change"),
    **dict.fromkeys(("avbryta", "avbryt", "avsluta", "stop", "abort", "cancel"), "stop"),
}
KINDS = ("decision", "milestone")
ID_PATTERN = re.compile(r"[A-Za-zÅÄÖåäö0-9][A-Za-zÅÄÖåäö0-9_.-]{0,31}")
MOTIVATION_LIMIT = 2_000
_WORKDAY_CATEGORIES = ("public", "de_facto")  # as bot/text/timeparse: julafton etc. are not worked


@dataclass(frozen=True, slots=True)
class ReminderPolicy:
    offsets_days: tuple[int, ...] = (14, 7, 1)
    at: time = time(9, 0)
    grace: timedelta = timedelta(hours=1)
    timezone: str = "Europe/Stockholm"


@functools.lru_cache(maxsize=16)
def _closed_days(year: int) -> frozenset[date]:
    days = holidays.country_holidays("SE", years=year, categories=_WORKDAY_CATEGORIES)
    return frozenset(days)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _closed_days(day.year)


def next_working_day(day: date) -> date:
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


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


def dm_target(record: PersonRecord | None, available: Collection[str]) -> Target | None:
    """A person's direct chat on a platform the bot runs on (their first such account)."""
    if record is None:
        return None
    for platform, user_id in record.accounts.items():
        if platform in available:
            return Target(platform, user_id=user_id)
    return None


def channel_targets(programme: Programme, available: Collection[str]) -> list[Target]:
    return [Target(p, channel=c) for p, c in programme.channels.items() if p in available]


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
        self.dispatcher = dispatcher
        self.notifier = notifier
        self.clock = clock
        self.programme = programme
        self.policy = policy
        self.wakeups = wakeups
        self.platforms = platforms
        self.zone = ZoneInfo(policy.timezone)

    # -- the programme file ----------------------------------------------------------------

    def sync_programme(self) -> None:
        """Import the programme's milestones (and decisions already taken) not seen before;
        follow date/title changes of the file unless the milestone was edited in chat."""
        now = self.clock.now()
        decided = self.store.latest_decisions()
        raw_items = {str(i.get("id")): i for i in self.programme.raw.get("milestones") or []}
        for item in self.programme.milestones:
            try:
                due = quarter_or_date_due(item.date)
            except ValueError as error:
                log.warning("milestone %s: %s; not imported", item.id, error)
                continue
            current = self.store.get(item.id)
            with self.uow.atomic():
                if current is None:
                    self.store.save(
                        MilestoneRecord(
                            item.id,
                            item.title,
                            _kind(item.kind),
                            due,
                            item.date,
                            item.owner,
                            "programme",
                            now,
                            now,
                            now,
                        )
                    )
                elif current.source == "programme" and (
                    current.title,
                    current.due,
                    current.owner,
                ) != (item.title, due, item.owner):
                    moved = current.due != due
                    self.store.save(
                        replace(
                            current,
                            title=item.title,
                            due=due,
                            due_text=item.date,
                            owner=item.owner,
                            known_since=now if moved else current.known_since,
                            updated_at=now,
                        )
                    )
                if item.id not in decided:
                    self._import_decision(item.id, raw_items.get(item.id, {}), now)

    def _import_decision(self, milestone_id: str, raw: dict[str, Any], now: datetime) -> None:
        given = raw.get("decision")
        if not isinstance(given, dict):
            return
        outcome = OUTCOME_WORDS.get(str(given.get("outcome", "")).casefold())
        if outcome is None:
            log.warning("milestone %s: unknown decision outcome; not imported", milestone_id)
            return
        try:
            at = datetime.combine(date.fromisoformat(str(given.get("date"))), time(12), self.zone)
        except ValueError:
            at = now
        self.store.add_decision(
            Decision(
                milestone_id,
                outcome,
                str(given.get("motivation") or ""),
                "programme",
                self.programme.name or "programme",
                at,
            )
        )

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
        """Coming ones and overdue undecided ones (or everything), by date."""
        today = self.clock.now().astimezone(self.zone).date()
        decided = self.store.latest_decisions()
        rows = []
        for m in sorted(self.store.all(), key=lambda m: (m.due, m.id)):
            decision = decided.get(m.id)
            if include_past or m.due >= today or decision is None:
                rows.append((m, decision))
        return rows

    def decisions_of(self, milestone_id: str) -> list[Decision]:
        return [d for d in self.store.decisions(None, None) if d.milestone_id == milestone_id]

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
    ) -> tuple[MilestoneRecord, bool]:
        """Create or change a milestone from chat; (record, created)."""
        if not person.has(Role.PROJECT_LEAD, Role.ADMIN):
            raise UserError("ms.forbidden_edit")
        refuse_personal_numbers(milestone_id, title, owner, due_text)
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
        due, written = parsed
        milestone = MilestoneRecord(
            milestone_id,
            title,
            _kind(kind),
            due,
            written,
            record.id if record else (current.owner if current else person.key),
            "chat",
            now if current is None or current.due != due else current.known_since,
            current.created_at if current else now,
            now,
        )
        with self.uow.atomic():
            self.store.save(milestone)
            self.audit.record(
                actor=person.qualified_id,
                action="milestone-create" if current is None else "milestone-change",
                ref=f"milestone:{milestone_id}",
                detail=f"{due.isoformat()} {milestone.owner}",
            )
        self._reschedule(milestone, now)
        return milestone, current is None

    async def record_decision(
        self, person: Person, milestone_text: str, outcome_word: str, motivation: str
    ) -> tuple[MilestoneRecord, Decision]:
        milestone = self.find(milestone_text)
        if not (
            person.has(Role.PROJECT_LEAD, Role.ADMIN)
            or (person.key and person.key == milestone.owner)
        ):
            raise UserError("ms.forbidden_decision", id=milestone.id)
        outcome = OUTCOME_WORDS.get(outcome_word.casefold().strip(" .,:"))
        if outcome is None:
            raise UserError("ms.decision_usage")
        if not motivation.strip():
            raise UserError("ms.motivation_missing", id=milestone.id)
        refuse_personal_numbers(motivation)
        decision = Decision(
            milestone.id, outcome, motivation, person.qualified_id, person.name, self.clock.now()
        )
        with self.uow.atomic():
            self.store.add_decision(decision)
            self.audit.record(
                actor=person.qualified_id,
                action="decision",
                ref=f"milestone:{milestone.id}",
                detail=outcome,
            )
        for job_id in self._job_ids(milestone):
            self.wakeups.unschedule(job_id)
        for target in channel_targets(self.programme, self.platforms()):
            text = t(
                "sv",
                "ms.decision_post",
                id=milestone.id,
                title=shorten(milestone.title, 120),
                outcome=t("sv", f"ms.outcome.{outcome}"),
                name=person.name,
                motivation=shorten(motivation, 500),
            )
            delivery = await self.notifier.post(target, Outbound(text))
            if not delivery.ok:
                log.warning("decision post to %s failed: %s", target.channel, delivery.error)
        return milestone, decision

    # -- Work: what the scheduler drives ----------------------------------------------------

    def _instants(self, m: MilestoneRecord) -> list[tuple[int, datetime]]:
        return [
            (days, datetime.combine(m.due - timedelta(days=days), self.policy.at, self.zone))
            for days in self.policy.offsets_days
        ]

    @staticmethod
    def _job(m: MilestoneRecord, days: int) -> str:
        return f"milestone:{m.id}:{days}:{m.due.isoformat()}"

    def _job_ids(self, m: MilestoneRecord) -> list[str]:
        return [f"milestone:{m.id}:{days}" for days in self.policy.offsets_days] + [f"nudge:{m.id}"]

    def _next_nudge(self, m: MilestoneRecord, now: datetime) -> datetime:
        """The first working-day nudge instant after `now` (and after the due date)."""
        day = next_working_day(m.due)
        today = now.astimezone(self.zone).date()
        if day < today:
            day = today if is_working_day(today) else next_working_day(today)
        at = datetime.combine(day, self.policy.at, self.zone)
        if at <= now:
            at = datetime.combine(next_working_day(day), self.policy.at, self.zone)
        return at

    def upcoming(self, now: datetime) -> Iterable[tuple[str, datetime]]:
        decided = self.store.latest_decisions()
        for m in self.store.all():
            if m.id not in decided:
                yield from self._upcoming_of(m, now)

    def _upcoming_of(self, m: MilestoneRecord, now: datetime) -> Iterable[tuple[str, datetime]]:
        for days, at in self._instants(m):
            if at > now and at >= m.known_since:
                yield f"milestone:{m.id}:{days}", at
        nudge = self._next_nudge(m, now)
        yield f"nudge:{m.id}", nudge

    def _reschedule(self, m: MilestoneRecord, now: datetime) -> None:
        for job_id in self._job_ids(m):
            self.wakeups.unschedule(job_id)
        for job_id, when in self._upcoming_of(m, now):
            self.wakeups.schedule(job_id, when)

    async def recover(self, now: datetime) -> None:
        for prefix in ("milestone:", "nudge:"):
            for row in self.dispatcher.stale_claims(prefix):
                log.warning("reminder %s to %s unconfirmed after a restart", row.job, row.key)

    async def run_due(self, now: datetime) -> None:
        decided = self.store.latest_decisions()
        handled = self.dispatcher.log.handled_jobs("milestone:")
        handled |= self.dispatcher.log.handled_jobs("nudge:")
        today = now.astimezone(self.zone).date()
        for m in self.store.all():
            if m.id in decided:
                continue
            owed = sorted(
                (at, days)
                for days, at in self._instants(m)
                if m.known_since <= at <= now and self._job(m, days) not in handled
            )
            if owed:
                *older, (at, days) = owed
                owner = self._owner_target(m)
                for _, skipped in older:
                    self.dispatcher.log.record(
                        job=self._job(m, skipped),
                        item=f"milestone:{m.id}",
                        target=owner or Target("-", channel="-"),
                        status="superseded",
                        due_at=at,
                        now=now,
                    )
                await self._remind(m, days, at, now)
            nudge_at = datetime.combine(today, self.policy.at, self.zone)
            job = f"nudge:{m.id}:{today.isoformat()}"
            if (
                today > m.due
                and is_working_day(today)
                and m.known_since <= nudge_at <= now
                and job not in handled
            ):
                # A nudge is about the day, not the minute: sent whenever the bot runs that day.
                owner = self._owner_target(m)
                if owner is not None:
                    text = self._text(m, "ms.nudge", self._owner_locale(m), today)
                    await self.dispatcher.deliver(
                        job=job,
                        item=f"milestone:{m.id}",
                        target=owner,
                        message=Outbound(text),
                        due_at=nudge_at,
                    )

    async def _remind(self, m: MilestoneRecord, days: int, at: datetime, now: datetime) -> None:
        job, item = self._job(m, days), f"milestone:{m.id}"
        owner = self._owner_target(m)
        locale = self._owner_locale(m)
        today = now.astimezone(self.zone).date()
        targets = ([owner] if owner else []) + channel_targets(self.programme, self.platforms())
        if now - at > self.policy.grace:
            recorded = [
                self.dispatcher.missed(job=job, item=item, target=x, due_at=at) for x in targets
            ]
            if any(recorded) and owner is not None:
                text = t(locale, "ms.missed", reminder=self._text(m, "ms.reminder", locale, today))
                await self._tell(owner, text)
            return
        failures = []
        for target in targets:
            personal = target == owner
            text = self._text(m, "ms.reminder", locale if personal else "sv", today)
            outcome = await self.dispatcher.deliver(
                job=job, item=item, target=target, message=Outbound(text), due_at=at
            )
            if outcome.new and outcome.status == "failed" and not personal:
                failures.append(f"{target.platform} #{target.channel}: {outcome.error}")
        if failures and owner is not None:
            await self._tell(
                owner, t(locale, "ms.post_failed", id=m.id, errors="; ".join(failures))
            )

    def _text(self, m: MilestoneRecord, key: str, locale: str, today: date) -> str:
        record = self.programme.find_person(m.owner)
        return t(
            locale,
            key,
            id=m.id,
            title=shorten(m.title, 200),
            date=m.due.isoformat(),
            days=(m.due - today).days,
            late=(today - m.due).days,
            kind=t(locale, f"ms.kind.{m.kind}"),
            owner=record.name if record else m.owner or "–",
        )

    def _owner_target(self, m: MilestoneRecord) -> Target | None:
        return dm_target(self.programme.find_person(m.owner), self.platforms())

    def _owner_locale(self, m: MilestoneRecord) -> str:
        record = self.programme.find_person(m.owner)
        return record.locale if record else "sv"

    async def _tell(self, target: Target, text: str) -> None:
        await post_or_audit(self.notifier, self.audit, target, text, ref=target.user_id)


def _kind(value: str) -> str:
    return value if value in KINDS else "milestone"
