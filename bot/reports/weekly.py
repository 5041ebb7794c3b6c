"""The weekly status report: every Monday 07:00, last week's report to the project leads' channels.

A piece of the scheduler's work (bot/ports/scheduling.py `Work`): the scheduler wakes it, the delivery
log (bot/delivery/claims.py) makes each week's post happen once per channel, whatever fires late or
twice. A report due while the bot was down goes out when it is up again, that week, saying it is
late (a late report still serves the steering group; a dropped one does not). Switched on
mid-week, the first report goes out the next Monday. A post whose process stopped midway is never
repeated on its own (it might have arrived).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.delivery.claims import Dispatcher
from bot.domain.messages import FileRef, Outbound, Target
from bot.domain.model import Person, Role
from bot.i18n.catalogue import t
from bot.ports.delivery import target_key
from bot.reports.scope import last_week
from bot.reports.service import ReportService

log = logging.getLogger(__name__)

PREFIX = "report:weekly"
WEEKDAY = 0  # Monday
AT = time(7, 0)


def parse_targets(values: Sequence[str]) -> list[Target]:
    """Channel targets from platform:channel pairs (`slack:C0123`, `webchat:projektledning`)."""
    targets = []
    for value in values:
        platform, _, channel = value.partition(":")
        targets.append(Target(platform.strip(), channel=channel.strip()))
    return targets


class WeeklyReport:
    def __init__(
        self,
        *,
        reports: ReportService,
        dispatcher: Dispatcher,
        targets: Sequence[Target],
        grace: timedelta,
        timezone: str,
        locale: str = "sv",
    ) -> None:
        self.reports = reports
        self.dispatcher = dispatcher
        self.targets = tuple(targets)
        self.grace = grace
        self.zone = ZoneInfo(timezone)
        self.locale = locale

    def due_before(self, now: datetime) -> datetime:
        """The latest Monday 07:00 at or before `now`, in the bot's zone."""
        local = now.astimezone(self.zone)
        monday = local.date() - timedelta(days=(local.weekday() - WEEKDAY) % 7)
        due = datetime.combine(monday, AT, self.zone)
        return due if due <= local else due - timedelta(weeks=1)

    def job(self, due: datetime) -> str:
        period = last_week(due.astimezone(self.zone).date())
        week = period.start.isocalendar()
        return f"{PREFIX}:{week.year}-W{week.week:02d}"

    # -- Work -------------------------------------------------------------------------------

    def upcoming(self, now: datetime) -> Iterable[tuple[str, datetime]]:
        if self.targets:
            due = self.due_before(now) + timedelta(weeks=1)
            yield self.job(due), due

    async def recover(self, now: datetime) -> None:
        for row in self.dispatcher.stale_claims(PREFIX):
            log.warning("weekly report %s to %s may not have arrived", row.job, row.key)

    async def run_due(self, now: datetime) -> None:
        due = self.due_before(now)
        job = self.job(due)
        waiting = [t for t in self.targets if self.dispatcher.log.get(job, target_key(t)) is None]
        if not waiting:
            return  # the common case on every sweep: this week's report went out already
        late = now - due > self.grace
        if late and not self.dispatcher.log.handled_jobs(PREFIX):
            # Switched on after this week's time: nothing was owed; the next Monday is the first.
            for target in waiting:
                self.dispatcher.log.record(
                    job=job,
                    item=PREFIX,
                    target=target,
                    status="missed",
                    due_at=due,
                    now=now,
                    error="weekly reports were switched on after this one was due",
                )
            return
        file, week = await self._make(due)
        key = "reports.weekly_post_late" if late else "reports.weekly_post"
        text = t(self.locale, key, week=week, file=file.name)
        for target in waiting:
            outcome = await self.dispatcher.deliver(
                job=job,
                item=PREFIX,
                target=target,
                message=Outbound(text, file=file, meta={"job": job}),
                due_at=due,
            )
            if outcome.status == "failed":
                log.warning("weekly report %s to %s failed: %s", job, target, outcome.error)

    # -- helpers ----------------------------------------------------------------------------

    def _person(self) -> Person:
        # The channel is the project leads': the report is made with a project lead's view.
        return Person(
            platform="bot",
            user_id="weekly-report",
            name=t(self.locale, "reports.weekly_person"),
            roles=frozenset({Role.REPORTER, Role.PROJECT_LEAD}),
            locale=self.locale,
        )

    async def _make(self, due: datetime) -> tuple[FileRef, int]:
        period = last_week(due.astimezone(self.zone).date())
        person = self._person()
        job = self.reports.status_job(person, period, self.locale)
        made = await self.reports.make(person, job, self.locale)
        return made.file, period.start.isocalendar().week
