"""Reminders before a milestone's date and nudges after it: what the scheduler drives.

Reminders go out at configured offsets before the date (14, 7, 1 days at 09:00 local time) to
the owner (direct message) and the programme channel. Only reminders whose instant lies after
the milestone became known (imported, created, or its date moved) are owed, so importing a plan
with past dates sends nothing old. If several reminders of one milestone fell due while the bot
was down, only the latest goes out (the earlier are recorded as superseded).

An overdue decision point without a decision, or a milestone not marked reached, nudges its
owner: every working day for a week, then once a week (bot/plan/workdays.py), at the reminder
time or later that day, and never again once it is decided, reached or moved to a new date.
A point whose date had passed before the bot knew of it (a plan imported with its history) is
not nudged: it is shown as "no decision recorded", not as late.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.delivery.claims import Dispatcher
from bot.delivery.routing import person_target, post_or_audit
from bot.domain.governance import Outcomes
from bot.domain.messages import Outbound, Target
from bot.domain.programme import PersonRecord, Programme
from bot.i18n.catalogue import t
from bot.plan.workdays import is_nudge_day, next_nudge_day
from bot.ports.entries import AuditLog
from bot.ports.outbound import Notifier
from bot.ports.plan import Decision, MilestoneRecord, MilestoneStore
from bot.ports.scheduling import Wakeups
from bot.text.clean import shorten
from bot.text.render import due_label, verb_label

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReminderPolicy:
    offsets_days: tuple[int, ...] = (14, 7, 1)
    at: time = time(9, 0)
    grace: timedelta = timedelta(hours=1)
    timezone: str = "Europe/Stockholm"


def dm_target(record: PersonRecord | None, available: Collection[str]) -> Target | None:
    """A person's direct chat on a platform the bot runs on (their first such account)."""
    return person_target(record, available)


def channel_targets(programme: Programme, available: Collection[str]) -> list[Target]:
    return [Target(p, channel=c) for p, c in programme.channels.items() if p in available]


def settled(m: MilestoneRecord, decided: dict[str, Decision]) -> bool:
    """Nothing more is owed: a decision point decided, a milestone reached."""
    return m.id in decided or m.reached_at is not None


def tracked(m: MilestoneRecord) -> bool:
    """The bot knew of it before its date, so passing the date undecided makes it late."""
    return m.due >= m.known_since.date()


class MilestoneReminders:
    def __init__(
        self,
        *,
        store: MilestoneStore,
        audit: AuditLog,
        dispatcher: Dispatcher,
        notifier: Notifier,
        programme: Programme,
        policy: ReminderPolicy,
        wakeups: Wakeups,
        platforms: Callable[[], Collection[str]],
    ) -> None:
        self.store = store
        self.audit = audit
        self.dispatcher = dispatcher
        self.notifier = notifier
        self.programme = programme
        self.policy = policy
        self.wakeups = wakeups
        self.platforms = platforms
        self.zone = ZoneInfo(policy.timezone)

    def _instants(self, m: MilestoneRecord) -> list[tuple[int, datetime]]:
        return [
            (days, datetime.combine(m.due - timedelta(days=days), self.policy.at, self.zone))
            for days in self.policy.offsets_days
        ]

    @staticmethod
    def _job(m: MilestoneRecord, days: int) -> str:
        return f"milestone:{m.id}:{days}:{m.due.isoformat()}"

    def job_ids(self, m: MilestoneRecord) -> list[str]:
        return [f"milestone:{m.id}:{days}" for days in self.policy.offsets_days] + [f"nudge:{m.id}"]

    def upcoming(self, now: datetime) -> Iterable[tuple[str, datetime]]:
        decided = self.store.latest_decisions()
        for m in self.store.all():
            if not settled(m, decided):
                yield from self._upcoming_of(m, now)

    def _upcoming_of(self, m: MilestoneRecord, now: datetime) -> Iterable[tuple[str, datetime]]:
        for days, at in self._instants(m):
            if at > now and at >= m.known_since:
                yield f"milestone:{m.id}:{days}", at
        if tracked(m):
            today = now.astimezone(self.zone).date()
            day = next_nudge_day(m.due, today)
            at = datetime.combine(day, self.policy.at, self.zone)
            if at <= now:
                at = datetime.combine(
                    next_nudge_day(m.due, day + timedelta(days=1)), self.policy.at, self.zone
                )
            yield f"nudge:{m.id}", at

    def reschedule(self, m: MilestoneRecord, now: datetime) -> None:
        self.unschedule(m)
        for job_id, when in self._upcoming_of(m, now):
            self.wakeups.schedule(job_id, when)

    def unschedule(self, m: MilestoneRecord) -> None:
        for job_id in self.job_ids(m):
            self.wakeups.unschedule(job_id)

    async def recover(self, now: datetime) -> None:
        for prefix in ("milestone:", "nudge:"):
            for row in self.dispatcher.stale_claims(prefix):
                log.warning("reminder %s to %s unconfirmed after a restart", row.job, row.key)

    async def run_due(self, now: datetime) -> None:
        decided = self.store.latest_decisions()
        handled = self.dispatcher.log.handled_jobs("milestone:")
        handled |= self.dispatcher.log.handled_jobs("nudge:")
        for m in self.store.all():
            if settled(m, decided):
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
            await self._nudge(m, now, handled)

    async def _nudge(self, m: MilestoneRecord, now: datetime, handled: set[str]) -> None:
        today = now.astimezone(self.zone).date()
        nudge_at = datetime.combine(today, self.policy.at, self.zone)
        job = f"nudge:{m.id}:{today.isoformat()}"
        if not (
            tracked(m)
            and is_nudge_day(m.due, today)
            and m.known_since <= nudge_at <= now
            and job not in handled
        ):
            return
        # A nudge is about the day, not the minute: sent whenever the bot runs that day.
        owner = self._owner_target(m)
        if owner is not None:
            key = "ms.nudge" if m.kind == "decision" else "ms.nudge_milestone"
            text = self._text(m, key, self._owner_locale(m), today)
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
        text = t(
            locale,
            key,
            id=m.id,
            title=shorten(m.title, 200),
            date=due_label(m.due, m.due_text, locale),
            days=(m.due - today).days,
            late=(today - m.due).days,
            kind=t(locale, f"ms.kind.{m.kind}"),
            owner=record.name if record else m.owner or "–",
        )
        return f"{text} {next_step(m, locale)}"

    def _owner_target(self, m: MilestoneRecord) -> Target | None:
        return dm_target(self.programme.find_person(m.owner), self.platforms())

    def _owner_locale(self, m: MilestoneRecord) -> str:
        record = self.programme.find_person(m.owner)
        return record.locale if record else "sv"

    async def _tell(self, target: Target, text: str) -> None:
        await post_or_audit(self.notifier, self.audit, target, text, ref=target.user_id)


def next_step(m: MilestoneRecord, locale: str) -> str:
    """What the owner does next: record the decision point's decision, or mark it reached."""
    if m.kind != "decision":
        return t(locale, "ms.next_reached", id=m.id)
    if not m.outcomes:
        return t(locale, "ms.next_no_outcomes", id=m.id)
    return t(locale, "ms.next_decision", id=m.id, outcomes=outcome_choices(m.outcomes, locale))


def outcome_choices(outcomes: Outcomes, locale: str) -> str:
    """ "godkänna fortsätta|ändra|avbryta": the words a decision may give, in the reader's
    language, one group after the other."""
    return " ".join("|".join(verb_label(locale, word) for word in group) for group in outcomes)
