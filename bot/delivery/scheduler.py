"""The scheduler: APScheduler's AsyncIOScheduler on the server's loop, as a wake-up timer only.

The database is the truth. Each kind of scheduled work (milestone reminders, personal reminders,
the communication plan) says which instants are coming (`upcoming`) and does whatever is due at a
given time (`run_due`). Each coming wakeup has a stable id such as `milestone:B5:7` or
`comms:12`; APScheduler holds one in-memory date job per distinct instant (a thousand items due
in the same second are one timer, not a thousand); a timer firing only calls `run_due(now)`, which
reads the database and posts through claims (bot/delivery/claims.py), so a job that fires late, twice,
or not at all (a timer lost in a restart) never loses or doubles a post. Jobs are rebuilt from
the database at every start; nothing is pickled.

Tests drive it without waiting: move the clock, then `await scheduler.run_due()`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.ports.clock import Clock
from bot.ports.scheduling import Work

log = logging.getLogger(__name__)

SWEEP_JOB = "sweep"
HEARTBEAT_JOB = "heartbeat"


class Scheduler:
    def __init__(
        self,
        *,
        clock: Clock,
        timezone: str,
        sweep_seconds: float = 300,
        heartbeat: Callable[[], None] | None = None,
        heartbeat_seconds: float = 10,
    ) -> None:
        self.clock = clock
        self.tz = ZoneInfo(timezone)
        self.sweep_seconds = sweep_seconds
        # Replicas on one database: this process says it is alive, so others leave its claims be.
        self.heartbeat = heartbeat
        self.heartbeat_seconds = heartbeat_seconds
        # misfire_grace_time=None: a late job still runs (the default of 1 s silently drops
        # jobs due during a restart); whether it is too late is decided from the database.
        # coalesce: a job that missed several runs runs once.
        self._aps = AsyncIOScheduler(
            timezone=self.tz,
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
        )
        self._works: list[Work] = []
        # The wakeups wanted, by id, and the ids due at each instant: one APScheduler job per
        # instant (id "at:<iso time>"), added at start or when its first id is scheduled.
        self._wanted: dict[str, datetime] = {}
        self._instants: dict[datetime, set[str]] = {}
        self._sweeping = False
        self._again = False
        self.sweeps = 0  # how many times run_due did its work (for tests and the benchmark)

    # -- wiring ---------------------------------------------------------------------------

    def add_work(self, work: Work) -> None:
        self._works.append(work)

    @property
    def running(self) -> bool:
        return bool(self._aps.running)

    async def start(self) -> None:
        """Settle, catch up on what fell due while the bot was down, then start the timers."""
        if self.heartbeat is not None:
            self.heartbeat()  # before any claim of this run exists
            self._aps.add_job(
                self._beat,
                IntervalTrigger(seconds=self.heartbeat_seconds, timezone=self.tz),
                id=HEARTBEAT_JOB,
                replace_existing=True,
            )
        await self.recover()
        self._aps.add_job(
            self.sweep,
            IntervalTrigger(seconds=self.sweep_seconds, timezone=self.tz),
            id=SWEEP_JOB,
            replace_existing=True,
        )
        for when in self._instants:
            self._add(when)
        self._aps.start()

    async def stop(self) -> None:
        if self._aps.running:
            self._aps.shutdown(wait=False)
            # AsyncIOScheduler shuts down in a call_soon callback: one turn of the loop, and the
            # scheduler is stopped when stop() returns (not at some later await of the caller's).
            await asyncio.sleep(0)

    async def recover(self) -> int:
        """Recovery and catch-up, then the jobs rebuilt from the database; the number of jobs."""
        now = self.clock.now()
        for work in self._works:
            try:
                await work.recover(now)
            except Exception:  # one kind of work failing must not stop the others
                log.exception("recovering %s failed", type(work).__name__)
        await self.run_due(now)
        return self.rebuild()

    async def sweep(self) -> None:
        """Every few minutes (seconds with replicas): settle claims of stopped processes, then do
        whatever is due, timers or not (an item another replica scheduled, a timer lost)."""
        now = self.clock.now()
        for work in self._works:
            try:
                await work.recover(now)
            except Exception:
                log.exception("recovering %s failed", type(work).__name__)
        await self.run_due()

    def _beat(self) -> None:
        assert self.heartbeat is not None
        try:
            self.heartbeat()
        except Exception:  # the database away for a moment: the next beat tries again
            log.exception("heartbeat failed")

    def rebuild(self) -> int:
        for when in list(self._instants):
            self._remove(when)
        self._wanted.clear()
        count = 0
        now = self.clock.now()
        for work in self._works:
            for job_id, when in work.upcoming(now):
                self.schedule(job_id, when)
                count += 1
        return count

    # -- Wakeups --------------------------------------------------------------------------

    def schedule(self, job_id: str, when: datetime) -> None:
        self.unschedule(job_id)
        self._wanted[job_id] = when
        ids = self._instants.setdefault(when, set())
        ids.add(job_id)
        if len(ids) == 1 and self._aps.running:
            self._add(when)

    def unschedule(self, job_id: str) -> None:
        when = self._wanted.pop(job_id, None)
        if when is None:
            return  # fired already, or never scheduled
        ids = self._instants.get(when, set())
        ids.discard(job_id)
        if not ids:
            self._remove(when)

    def _add(self, when: datetime) -> None:
        self._aps.add_job(
            self._fire,
            DateTrigger(run_date=when, timezone=self.tz),
            id=_instant_id(when),
            args=[when],
            replace_existing=True,
        )

    def _remove(self, when: datetime) -> None:
        self._instants.pop(when, None)
        if self._aps.running:
            with contextlib.suppress(JobLookupError):  # fired already
                self._aps.remove_job(_instant_id(when))

    def job_ids(self) -> list[str]:
        timers = {job.id for job in self._aps.get_jobs() if not job.id.startswith("at:")}
        return sorted(timers | set(self._wanted))

    def next_run(self, job_id: str) -> datetime | None:
        if job_id in self._wanted:
            return self._wanted[job_id]
        job = self._aps.get_job(job_id)
        if job is None:
            return None
        # Before start, APScheduler has not computed next_run_time yet; the trigger knows it.
        when = getattr(job, "next_run_time", None)
        if when is None:
            when = job.trigger.get_next_fire_time(None, self.clock.now())
        return when if isinstance(when, datetime) else None

    def add_cron(self, job_id: str, callback: Callable[[], Awaitable[None]], **fields: Any) -> None:
        """A recurring job outside the database, e.g. `add_cron("weekly-report", send,
        day_of_week="mon", hour=7)`; fields as APScheduler's CronTrigger, in the bot's zone.

        The callback must itself be safe to run late or twice (it runs once if it missed runs).
        """

        async def run() -> None:
            try:
                await callback()
            except Exception:
                log.exception("cron job %s failed", job_id)

        self._aps.add_job(
            run,
            CronTrigger(timezone=self.tz, **fields),
            id=f"cron:{job_id}",
            replace_existing=True,
        )

    # -- running --------------------------------------------------------------------------

    async def _fire(self, when: datetime) -> None:
        for job_id in self._instants.pop(when, set()):
            self._wanted.pop(job_id, None)
        log.debug("timer %s fired", when.isoformat())
        await self.run_due()

    async def run_due(self, now: datetime | None = None) -> None:
        """Do everything due at `now` (default: the clock's now).

        Jobs firing while a sweep runs do not start a second one: the sweep runs once more, so
        a thousand jobs due in the same second cost about two sweeps.
        """
        if self._sweeping:
            self._again = True
            return
        self._sweeping = True
        try:
            while True:
                self._again = False
                at = now or self.clock.now()
                self.sweeps += 1
                for work in self._works:
                    try:
                        await work.run_due(at)
                    except Exception:
                        log.exception("scheduled work %s failed", type(work).__name__)
                if not self._again:
                    break
                now = None
        finally:
            self._sweeping = False


def _instant_id(when: datetime) -> str:
    return f"at:{when.isoformat()}"
