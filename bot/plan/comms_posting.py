"""Posting the communication plan on time: each due announcement to its channels exactly once,
waiting posts sent at a start where their platform runs, each occurrence settled and its owner
told what went wrong. The scheduler runs this as its comms work."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.delivery.claims import BUSY, Dispatcher, Post
from bot.delivery.routing import post_or_audit
from bot.domain.messages import Outbound, Target
from bot.domain.programme import Programme
from bot.i18n.catalogue import t
from bot.ports.delivery import DeliveryLog, DeliveryRecord
from bot.ports.entries import AuditLog
from bot.ports.outbound import Notifier
from bot.ports.plan import CommsItem, CommsStore
from bot.ports.scheduling import Wakeups
from bot.ports.unit_of_work import UnitOfWork
from bot.text.clean import shorten
from bot.text.render import local_time

NEWS_CHANNEL = "news"  # the intranet's news list, when the programme names none


def post_text(item: CommsItem) -> str:
    text = f"{item.title}\n\n{item.body}"
    return f"{text}\n\n—\n{item.body_en}" if item.body_en else text


def where(target: Target) -> str:
    return f"{target.platform} {target.channel or target.user_id}".strip()


@dataclass
class CommsPosting:
    store: CommsStore
    audit: AuditLog
    uow: UnitOfWork
    dispatcher: Dispatcher
    notifier: Notifier
    programme: Programme
    wakeups: Wakeups
    grace: timedelta
    zone: ZoneInfo
    platforms: Callable[[], Collection[str]]

    @property
    def log(self) -> DeliveryLog:
        return self.dispatcher.log

    def targets(self, item: CommsItem) -> list[Target]:
        channels = self.programme.channels
        default = {"sharepoint": NEWS_CHANNEL, "webchat": self.programme.channel}
        return [Target(p, channel=channels.get(p) or default.get(p, "")) for p in item.channels]

    def target(self, item: CommsItem, recorded: Target) -> Target:
        """Where a waiting or repeated post goes now: the channel as configured today."""
        current = [t for t in self.targets(item) if t.platform == recorded.platform]
        return current[0] if current and current[0].channel else recorded

    def message(self, item: CommsItem) -> Outbound:
        meta = {
            "kind": "announcement",
            "title": item.title,
            "ref": item.ref,
            "audiences": ",".join(item.audiences),
        }
        return Outbound(post_text(item), meta=meta)

    def upcoming(self, now: datetime) -> Iterable[tuple[str, datetime]]:
        for item in self.store.with_status(("approved",), limit=1_000_000):
            if item.send_at > now:
                yield f"comms:{item.id}", item.send_at

    async def recover(self, now: datetime) -> None:
        for row in self.dispatcher.stale_claims("comms:"):
            item = self.store.get(int(row.item.split(":")[1]))
            if item is not None:
                await self.tell_owner(item, "comms.unconfirmed", where=where(row.target))
        available = self.platforms()
        for row in self.log.waiting():
            if not row.item.startswith("comms:"):
                continue  # reminders and reports keep their own waiting rows
            item = self.store.get(int(row.item.split(":")[1]))
            if item is None or row.target.platform not in available:
                continue
            if self.dispatcher.take(row.job, row.target, from_status=("waiting",)):
                outcome = await self.dispatcher.post_claimed(
                    row.job, row.key, self.target(item, row.target), self.message(item)
                )
                if outcome.status == "failed":
                    await self.tell_owner(
                        item, "comms.failed", errors=f"{where(row.target)}: {outcome.error}"
                    )

    async def run_due(self, now: datetime) -> None:
        items = self.store.due(now)
        posts = []
        for item in items:
            late = now - item.send_at > self.grace
            for target in self.targets(item):
                if late:
                    self.dispatcher.missed(
                        job=item.job, item=item.item, target=target, due_at=item.send_at
                    )
                else:
                    posts.append(
                        Post(item.job, item.item, target, self.message(item), item.send_at)
                    )
        # Every channel of every due item first (web chat posts a batch to a commit), then
        # each item settled; statuses and audit rows of many items in one commit.
        outcomes = await self.dispatcher.deliver_all(posts)
        busy = {post.job for post, done in zip(posts, outcomes, strict=True) if done.status == BUSY}
        told: list[tuple[CommsItem, str, dict[str, str]]] = []
        posted = self.log.for_items([item.item for item in items]) if items else {}
        with self.uow.atomic():
            for item in items:
                rows = [row for row in posted[item.item] if row.job == item.job]
                told += self._settle(item, rows, now, busy)
        for item, key, values in told:
            await self.tell_owner(item, key, **values)

    def _settle(
        self, item: CommsItem, rows: list[DeliveryRecord], now: datetime, busy: Collection[str]
    ) -> list[tuple[CommsItem, str, dict[str, str]]]:
        """The item's status from its posts of this occurrence, `rows` (in the caller's
        transaction, with its audit row); what its owner must be told of what went wrong."""
        statuses = {row.status for row in rows}
        if "claimed" in statuses or item.job in busy:
            # Another replica is posting to a channel now (or claiming it in a transaction not
            # yet committed): it settles the item when it is done.
            return []
        if statuses & {"sent", "withdrawn"} or statuses == {"waiting"}:
            status = "published"
        elif statuses == {"missed"}:
            status = "missed"
        else:
            status = "failed"
        sent_at = max((r.sent_at for r in rows if r.sent_at), default=None)
        settled = replace(item, status=status, published_at=sent_at or item.published_at)
        if item.recurrence == "weekly":
            settled.status = "approved"
            settled.send_at = _next_week(item.send_at, now, self.zone)
        settled.updated_at = now
        if not self.store.update(settled):
            return []  # edited or withdrawn meanwhile: that change stands
        self.audit.record(actor="bot", action=f"comms-{status}", ref=item.ref)
        if settled.status == "approved":
            self.wakeups.schedule(f"comms:{item.id}", settled.send_at)
        failed = [f"{where(r.target)}: {r.error}" for r in rows if r.status == "failed"]
        if status == "missed":
            return [(item, "comms.missed", {"when": local_time(item.send_at, self.zone)})]
        if failed:
            return [(item, "comms.failed", {"errors": "; ".join(failed)})]
        return []

    async def tell_owner(self, item: CommsItem, key: str, **values: str) -> None:
        platform, _, user_id = item.author.partition(":")
        record = self.programme.person_for(platform, user_id)
        locale = record.locale if record else "sv"
        text = t(locale, key, ref=item.ref, title=shorten(item.title, 100), **values)
        await post_or_audit(
            self.notifier, self.audit, Target(platform, user_id=user_id), text, ref=item.ref
        )


def _next_week(send_at: datetime, now: datetime, zone: ZoneInfo) -> datetime:
    """The next weekly time after now, at the same local wall-clock time across DST changes."""
    local = send_at.astimezone(zone)
    while True:
        local = (local.replace(tzinfo=None) + timedelta(days=7)).replace(tzinfo=zone)
        if local > now:
            return local
