"""Posting scheduled things exactly once: claim a (job, target) row, post, record the message id.

The database is the truth. Before anything is posted, a row for (job, target) is inserted with
status `claimed`; the unique index on (job, target) makes a second claim fail, so a job that
fires late, fires twice, or runs again after a restart finds the row and posts nothing.

A claim left behind by a process that stopped between claim and post cannot tell whether the
platform got the message. We never re-post it on our own (a duplicate announcement to thousands
is the worse failure); it is marked `unconfirmed` at the next start and the owner is told, with
a way to post it again on purpose. Nothing is silently dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from bot.domain.messages import Outbound, Target
from bot.ports.clock import Clock
from bot.ports.delivery import DeliveryLog, DeliveryRecord, target_key
from bot.ports.outbound import Notifier

log = logging.getLogger(__name__)

Status = Literal[
    "claimed",  # being posted now (or the process stopped while posting)
    "sent",  # posted; message_id holds the platform's id
    "failed",  # the platform refused; error holds why
    "waiting",  # the platform's adapter is not running yet: posted when it is
    "missed",  # due while the bot was down, longer ago than the grace period
    "unconfirmed",  # a claim from a stopped process: maybe posted, maybe not
    "superseded",  # a later reminder of the same thing went out instead
    "withdrawn",  # posted, then removed or marked withdrawn
    "cancelled",  # waiting, then the item was withdrawn or cancelled
]


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str  # the row's status after this attempt
    new: bool  # False: the row existed already (nothing was posted now)
    message_id: str = ""
    error: str = ""


class Dispatcher:
    """Claim, post through the Notifier, record: the one path every scheduled post takes."""

    def __init__(
        self,
        *,
        log: DeliveryLog,
        notifier: Notifier,
        platforms: Callable[[], Collection[str]],
        clock: Clock,
        run_id: str,
        liveness: timedelta = timedelta(0),
    ) -> None:
        self.log = log
        self.notifier = notifier
        self.platforms = platforms
        self.clock = clock
        self.run_id = run_id
        # How long another run may stay silent and still be posting (0: every other run has
        # stopped, as with one SQLite process).
        self.liveness = liveness

    async def deliver(
        self, *, job: str, item: str, target: Target, message: Outbound, due_at: datetime
    ) -> Outcome:
        now = self.clock.now()
        if target.platform not in self.platforms():
            # Accepted and kept: posted at a start where that platform's adapter runs.
            new = self.log.record(
                job=job, item=item, target=target, status="waiting", due_at=due_at, now=now
            )
            return self._existing(job, target) if not new else Outcome("waiting", True)
        if not self.log.claim(
            job=job, item=item, target=target, due_at=due_at, run_id=self.run_id, now=now
        ):
            return self._existing(job, target)
        return await self._post(job, target_key(target), target, message)

    async def post_claimed(self, job: str, key: str, target: Target, message: Outbound) -> Outcome:
        """Post a row already moved to claimed (a waiting post, or an owner's repost); `target`
        may be newer than the row's (a channel configured since), the row keeps its key."""
        return await self._post(job, key, target, message)

    def take(self, job: str, target: Target, *, from_status: Sequence[str]) -> bool:
        return self.log.reclaim(
            job,
            target_key(target),
            from_status=from_status,
            run_id=self.run_id,
            now=self.clock.now(),
        )

    async def _post(self, job: str, key: str, target: Target, message: Outbound) -> Outcome:
        delivery = await self.notifier.post(target, message)
        now = self.clock.now()
        if delivery.ok:
            self.log.finish(job, key, status="sent", now=now, message_id=delivery.message_id)
            return Outcome("sent", True, message_id=delivery.message_id)
        error = (delivery.error or "unknown error")[:500]
        log.warning("post %s to %s failed: %s", job, key, error)
        self.log.finish(job, key, status="failed", now=now, error=error)
        return Outcome("failed", True, error=error)

    def _existing(self, job: str, target: Target) -> Outcome:
        row = self.log.get(job, target_key(target))
        if row is None:  # cannot happen: the insert failed because the row exists
            return Outcome("claimed", False)
        return Outcome(row.status, False, row.message_id, row.error)

    def missed(self, *, job: str, item: str, target: Target, due_at: datetime) -> bool:
        """Record a post that is too late to make; True if this call recorded it."""
        return self.log.record(
            job=job,
            item=item,
            target=target,
            status="missed",
            due_at=due_at,
            now=self.clock.now(),
            error="due while the bot was not running",
        )

    def beat(self) -> None:
        """This run is alive: its claims are being posted."""
        self.log.beat(self.run_id, self.clock.now())

    def stale_claims(self, prefix: str) -> list[DeliveryRecord]:
        """Claims of stopped runs for items starting with `prefix`, now marked unconfirmed (by
        this call only: whoever is told of them is told once)."""
        now = self.clock.now()
        return self.log.settle_stale(
            self.run_id,
            prefix=prefix,
            alive_after=now - self.liveness,
            error="the bot stopped while posting; not posted again to avoid a duplicate",
        )
