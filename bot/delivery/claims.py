"""Posting scheduled things exactly once: claim a (job, target) row, post, record the message id.

The database is the truth. Before anything is posted, a row for (job, target) is inserted with
status `claimed`; the unique index on (job, target) makes a second claim fail, so a job that
fires late, fires twice, or runs again after a restart finds the row and posts nothing.

A claim left behind by a process that stopped between claim and post cannot tell whether the
platform got the message. We never re-post it on our own (a duplicate announcement to thousands
is the worse failure); it is marked `unconfirmed` at the next start and the owner is told, with
a way to post it again on purpose. Nothing is silently dropped.

Posts that are rows in the bot's own database (the web chat) leave no such doubt: the claim,
the post and its record are written in one transaction, a hundred posts due together to one
commit (`deliver_all`). A process killed before the commit leaves none of them, and they are
posted at the next start or by another replica.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from bot.domain.messages import Delivery, Outbound, Target
from bot.ports.clock import Clock
from bot.ports.delivery import Claim, DeliveryLog, DeliveryRecord, Finished, target_key
from bot.ports.outbound import Notifier, StoredPosts
from bot.ports.unit_of_work import UnitOfWork

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


# Stored posts (the web chat) due together are claimed, written and recorded this many to a
# transaction: one commit instead of three per post, and a short hold on the writer's lock.
BATCH = 100


# An outcome, not a row's status: another replica holds the claim in an open transaction, and
# it records and settles the post.
BUSY = "busy"


@dataclass(frozen=True, slots=True)
class Post:
    """One scheduled post: what deliver() takes."""

    job: str
    item: str
    target: Target
    message: Outbound
    due_at: datetime


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
        uow: UnitOfWork | None = None,
        stored: Callable[[str], StoredPosts | None] | None = None,
    ) -> None:
        self.log = log
        self.notifier = notifier
        self.platforms = platforms
        self.clock = clock
        self.run_id = run_id
        self.uow = uow
        # Which platforms' posts are rows in this database (given with a unit of work only).
        self.stored = stored if uow is not None else None
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

    async def deliver_all(self, posts: Sequence[Post]) -> list[Outcome]:
        """deliver() for each post, in order; posts stored in this database (the web chat) in
        batches, each claimed, written and recorded in one transaction."""
        outcomes: dict[int, Outcome] = {}
        local: list[tuple[int, Post, StoredPosts]] = []
        for index, post in enumerate(posts):
            poster = self.stored(post.target.platform) if self.stored else None
            if poster is not None and post.target.platform in self.platforms():
                local.append((index, post, poster))
        for start in range(0, len(local), BATCH):
            outcomes.update(self._stored_batch(local[start : start + BATCH]))
        for index, post in enumerate(posts):
            if index not in outcomes:
                outcomes[index] = await self.deliver(
                    job=post.job,
                    item=post.item,
                    target=post.target,
                    message=post.message,
                    due_at=post.due_at,
                )
        return [outcomes[index] for index in range(len(posts))]

    def _stored_batch(self, batch: list[tuple[int, Post, StoredPosts]]) -> dict[int, Outcome]:
        """One transaction for the batch: a crash before its commit leaves neither the posts
        nor their claims, so they are simply made at the next start (within the grace) or by
        another replica. Claims and records go in one statement each. Should a post fail, the
        batch is undone and each post tried in a transaction of its own."""
        assert self.uow is not None
        now = self.clock.now()
        try:
            with self.uow.atomic():
                outcomes = self._claim_post_record(batch, now)
        except Exception:
            # (Pages open on this replica may have been shown a post of the undone batch; it
            # comes again from the retry. Other replicas hear of posts only at a commit.)
            log.exception("a batch of %d stored posts failed; one at a time", len(batch))
            outcomes = {}
            for index, post, poster in batch:
                with self.uow.atomic():
                    outcomes[index] = self._deliver_stored(post, poster)
            return outcomes
        others = [(index, post) for index, post, _ in batch if index not in outcomes]
        if others:  # claimed before, or by another replica now: what its row says, if any
            rows = self.log.for_items(sorted({post.item for _, post in others}))
            found = {(r.job, r.key): r for item_rows in rows.values() for r in item_rows}
            for index, post in others:
                row = found.get((post.job, target_key(post.target)))
                outcomes[index] = (
                    Outcome(row.status, False, row.message_id, row.error)
                    if row
                    else Outcome(BUSY, False)
                )
        return outcomes

    def _claim_post_record(
        self, batch: list[tuple[int, Post, StoredPosts]], now: datetime
    ) -> dict[int, Outcome]:
        claims = [Claim(post.job, post.item, post.target, post.due_at) for _, post, _ in batch]
        claimed = self.log.claim_many(claims, run_id=self.run_id, now=now)
        mine = [
            (i, post, poster)
            for i, post, poster in batch
            if (post.job, target_key(post.target)) in claimed
        ]
        # Each platform's posts in one call (one statement where its store can).
        deliveries: dict[int, Delivery] = {}
        for poster in {id(poster): poster for _, _, poster in mine}.values():
            theirs = [(i, post) for i, post, p in mine if p is poster]
            made = poster.post_stored_many([(post.target, post.message) for _, post in theirs])
            deliveries.update(zip((i for i, _ in theirs), made, strict=True))
        outcomes: dict[int, Outcome] = {}
        finished: list[Finished] = []
        for index, post, _ in mine:
            key = target_key(post.target)
            delivery = deliveries[index]
            status = "sent" if delivery.ok else "failed"
            error = "" if delivery.ok else (delivery.error or "unknown error")[:500]
            if error:
                log.warning("post %s to %s failed: %s", post.job, key, error)
            finished.append(Finished(post.job, key, status, delivery.message_id, error))
            outcomes[index] = Outcome(status, True, delivery.message_id, error)
        self.log.finish_many(finished, now=self.clock.now())
        return outcomes

    def _deliver_stored(self, post: Post, poster: StoredPosts) -> Outcome:
        """One post in the caller's transaction, a failing post recorded as failed."""
        now = self.clock.now()
        job, key = post.job, target_key(post.target)
        if not self.log.claim(
            job=job, item=post.item, target=post.target, due_at=post.due_at, run_id=self.run_id,
            now=now,
        ):  # fmt: skip
            return self._existing(job, post.target)
        assert self.uow is not None
        try:
            with self.uow.atomic():  # a savepoint: a post that fails leaves no half row
                delivery = poster.post_stored(post.target, post.message)
        except Exception as error:
            log.exception("storing post %s to %s failed", job, key)
            delivery = Delivery(ok=False, error=f"{type(error).__name__}: {error}")
        return self._finish(job, key, delivery)

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
        return self._finish(job, key, await self.notifier.post(target, message))

    def _finish(self, job: str, key: str, delivery: Delivery) -> Outcome:
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
        if row is None:  # another replica is claiming it in a transaction not yet committed
            return Outcome(BUSY, False)
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
