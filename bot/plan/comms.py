"""The communication plan: announcements drafted, approved by a second communicator, published
on time on every chosen channel exactly once, withdrawn on request.

Lifecycle: draft → awaiting_approval → approved (scheduled) → published | failed | missed, or
cancelled before it went out, or withdrawn after. An edit after approval sends it back for
approval. A weekly item stays approved with its next send time after each occurrence.

Channels: web chat, Slack, Teams, intranet news. A channel whose platform has no running adapter
is accepted: its post waits (delivery status `waiting`) and goes out at a start where the
adapter runs. Posting is claim → post → record (bot/delivery/claims.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.delivery.claims import Dispatcher
from bot.delivery.routing import post_or_audit
from bot.domain.errors import UserError
from bot.domain.messages import Outbound, Target
from bot.domain.model import Person, Role
from bot.domain.programme import Programme
from bot.i18n.catalogue import t
from bot.ports.clock import Clock
from bot.ports.delivery import DeliveryRecord, target_key
from bot.ports.entries import AuditLog
from bot.ports.outbound import Notifier
from bot.ports.plan import CommsItem, CommsStore
from bot.ports.scheduling import Wakeups
from bot.ports.unit_of_work import UnitOfWork
from bot.text.clean import shorten
from bot.text.render import local_time
from bot.text.validation import refuse_personal_numbers

log = logging.getLogger(__name__)

CHANNELS = ("webchat", "slack", "teams", "sharepoint")
COMING = ("draft", "awaiting_approval", "approved")
DONE = ("published", "failed", "missed", "cancelled", "withdrawn")
NEWS_CHANNEL = "news"  # the intranet's news list, when the programme names none


@dataclass(frozen=True, slots=True)
class Draft:
    title: str
    body: str
    body_en: str
    audiences: tuple[str, ...]
    channels: tuple[str, ...]
    send_at: datetime
    recurrence: str = ""


def readability(text: str) -> float:
    """LIX (läsbarhetsindex): under 40 easy, 40–50 average, over 50 hard to take in."""
    import textstat  # imported here: it loads word lists that only drafting needs

    textstat.set_lang("sv")
    return round(float(textstat.lix(text)), 1)


def post_text(item: CommsItem) -> str:
    text = f"{item.title}\n\n{item.body}"
    return f"{text}\n\n—\n{item.body_en}" if item.body_en else text


class CommsService:
    def __init__(
        self,
        *,
        store: CommsStore,
        audit: AuditLog,
        uow: UnitOfWork,
        dispatcher: Dispatcher,
        notifier: Notifier,
        clock: Clock,
        programme: Programme,
        wakeups: Wakeups,
        grace: timedelta,
        timezone: str,
        platforms: Callable[[], Collection[str]],
    ) -> None:
        self.store = store
        self.audit = audit
        self.uow = uow
        self.dispatcher = dispatcher
        self.log = dispatcher.log
        self.notifier = notifier
        self.clock = clock
        self.programme = programme
        self.wakeups = wakeups
        self.grace = grace
        self.zone = ZoneInfo(timezone)
        self.platforms = platforms

    # -- who may do what ---------------------------------------------------------------------

    @staticmethod
    def can_see(person: Person) -> bool:
        return person.has(Role.COMMUNICATOR, Role.PROJECT_LEAD)

    def _get(self, person: Person, item_id: int) -> CommsItem:
        if not self.can_see(person):
            raise UserError("comms.forbidden")
        item = self.store.get(item_id)
        if item is None:
            raise UserError("comms.not_found", ref=f"KOM-{item_id}")
        return item

    @staticmethod
    def _require_communicator(person: Person) -> None:
        if not person.has(Role.COMMUNICATOR):
            raise UserError("comms.forbidden_draft")

    def _change(self, person: Person, item: CommsItem, action: str) -> CommsItem:
        item.updated_at = self.clock.now()
        with self.uow.atomic():
            if not self.store.update(item):
                raise UserError("comms.changed_meanwhile", ref=item.ref)
            self.audit.record(actor=person.qualified_id, action=f"comms-{action}", ref=item.ref)
        return item

    # -- the lifecycle ---------------------------------------------------------------------

    def draft(self, person: Person, draft: Draft) -> CommsItem:
        self._require_communicator(person)
        refuse_personal_numbers(draft.title, draft.body, draft.body_en)
        now = self.clock.now()
        item = CommsItem(
            draft.title,
            draft.body,
            draft.audiences,
            draft.channels,
            draft.send_at,
            person.qualified_id,
            person.name,
            body_en=draft.body_en,
            recurrence=draft.recurrence,
            last_editor=person.qualified_id,
            created_at=now,
            updated_at=now,
        )
        with self.uow.atomic():
            item = self.store.add(item)
            self.audit.record(actor=person.qualified_id, action="comms-draft", ref=item.ref)
        return item

    async def submit(self, person: Person, item_id: int) -> CommsItem:
        item = self._get(person, item_id)
        self._require_communicator(person)
        if item.status != "draft":
            raise UserError("comms.wrong_status", ref=item.ref, status=item.status)
        item.status = "awaiting_approval"
        self._change(person, item, "submit")
        for record in self.programme.people:
            # Every other communicator hears that there is something to approve.
            if Role.COMMUNICATOR in record.roles and record.accounts.get(person.platform) not in (
                None,
                person.user_id,
            ):
                text = t(
                    record.locale,
                    "comms.please_approve",
                    ref=item.ref,
                    title=shorten(item.title, 100),
                    name=person.name,
                )
                await self.notifier.post(
                    Target(person.platform, user_id=record.accounts[person.platform]),
                    Outbound(text),
                )
        return item

    def approve(self, person: Person, item_id: int) -> CommsItem:
        item = self._get(person, item_id)
        self._require_communicator(person)
        if item.status != "awaiting_approval":
            raise UserError("comms.wrong_status", ref=item.ref, status=item.status)
        if person.qualified_id == (item.last_editor or item.author):
            # Nobody approves their own words: whoever wrote the current text (the author, or
            # whoever edited it last) needs a second pair of eyes.
            self.audit.record(
                actor=person.qualified_id, action="comms-approve-denied", ref=item.ref
            )
            raise UserError("comms.own_approval", ref=item.ref)
        if item.send_at <= self.clock.now():
            raise UserError("comms.send_at_past", ref=item.ref)
        item.status = "approved"
        item.approved_by, item.approved_by_name = person.qualified_id, person.name
        item.approved_at = self.clock.now()
        self._change(person, item, "approve")
        self.wakeups.schedule(f"comms:{item.id}", item.send_at)
        return item

    def edit(self, person: Person, item_id: int, draft: Draft) -> tuple[CommsItem, bool]:
        """Change the text, audiences, channels or time; (item, back to approval)."""
        item = self._get(person, item_id)
        if not person.has(Role.COMMUNICATOR, Role.PROJECT_LEAD):
            raise UserError("comms.forbidden_draft")
        refuse_personal_numbers(draft.title, draft.body, draft.body_en)
        if item.status not in COMING:
            raise UserError("comms.wrong_status", ref=item.ref, status=item.status)
        back = item.status in ("approved", "awaiting_approval")
        item = replace(
            item,
            title=draft.title,
            body=draft.body,
            body_en=draft.body_en,
            audiences=draft.audiences,
            channels=draft.channels,
            send_at=draft.send_at,
            recurrence=draft.recurrence,
            last_editor=person.qualified_id,
            status="awaiting_approval" if back else "draft",
            approved_by="",
            approved_by_name="",
            approved_at=None,
        )
        self._change(person, item, "edit")
        self.wakeups.unschedule(f"comms:{item.id}")
        return item, back

    def cancel(self, person: Person, item_id: int) -> CommsItem:
        item = self._get(person, item_id)
        if not (person.qualified_id == item.author or person.has(Role.PROJECT_LEAD)):
            raise UserError("comms.forbidden_cancel", ref=item.ref)
        if item.status not in COMING:
            raise UserError("comms.wrong_status", ref=item.ref, status=item.status)
        item.status, item.cancelled_by, item.cancelled_at = (
            "cancelled",
            person.qualified_id,
            self.clock.now(),
        )
        self._change(person, item, "cancel")
        self.wakeups.unschedule(f"comms:{item.id}")
        return item

    def withdrawable(self, person: Person, item_id: int) -> CommsItem:
        """The item, if this person may withdraw it and something of it is published."""
        item = self._get(person, item_id)
        if not (person.qualified_id == item.author or person.has(Role.PROJECT_LEAD)):
            raise UserError("comms.forbidden_withdraw", ref=item.ref)
        if not any(r.status == "sent" for r in self.log.for_item(item.item)):
            raise UserError("comms.nothing_to_withdraw", ref=item.ref)
        return item

    async def withdraw(self, person: Person, item_id: int) -> tuple[CommsItem, list[str]]:
        """Remove (or mark withdrawn) every post made for the item; errors per channel."""
        item = self.withdrawable(person, item_id)
        rows = self.log.for_item(item.item)
        errors = []
        now = self.clock.now()
        for row in rows:
            if row.status == "sent":
                result = await self.notifier.withdraw(row.target, row.message_id)
                if result.ok:
                    self.log.finish(row.job, row.key, status="withdrawn", now=now)
                else:
                    errors.append(f"{_where(row.target)}: {result.error}")
            elif row.status == "waiting":
                self.log.finish(row.job, row.key, status="cancelled", now=now)
        item.status, item.withdrawn_by, item.withdrawn_at = "withdrawn", person.qualified_id, now
        self._change(person, item, "withdraw")
        self.wakeups.unschedule(f"comms:{item.id}")
        return item, errors

    async def repost(self, person: Person, item_id: int, key: str) -> DeliveryRecord:
        """The owner's deliberate second try of a channel whose post is unconfirmed or failed."""
        item = self._get(person, item_id)
        if not (person.qualified_id == item.author or person.has(Role.PROJECT_LEAD)):
            raise UserError("comms.forbidden_withdraw", ref=item.ref)
        row = next(
            (r for r in self.log.for_item(item.item) if r.key == key and r.status in _RETRY), None
        )
        if row is None or item.status == "withdrawn" or row.target.platform not in self.platforms():
            raise UserError("comms.nothing_to_repost", ref=item.ref)
        if self.dispatcher.take(row.job, row.target, from_status=_RETRY):
            await self.dispatcher.post_claimed(
                row.job, key, self._target(item, row.target), self._message(item)
            )
            self.audit.record(
                actor=person.qualified_id, action="comms-repost", ref=item.ref, detail=key
            )
        done = self.log.get(row.job, key)
        assert done is not None
        if done.status == "sent" and item.status in ("failed", "missed"):
            item.status, item.published_at = "published", item.published_at or self.clock.now()
            self._change(person, item, "published")
        return done

    # -- reading ---------------------------------------------------------------------------

    def listing(self, person: Person) -> tuple[list[CommsItem], list[CommsItem]]:
        """(coming, went out): what is planned by send time, the latest ten done first."""
        if not self.can_see(person):
            raise UserError("comms.forbidden")
        coming = sorted(self.store.with_status(COMING), key=lambda i: (i.send_at, i.id or 0))
        done = self.store.with_status(DONE, limit=10)
        return coming, done

    def show(self, person: Person, item_id: int) -> tuple[CommsItem, list[DeliveryRecord]]:
        item = self._get(person, item_id)
        return item, self.log.for_item(item.item)

    def posts(self, items: Iterable[CommsItem]) -> dict[str, list[DeliveryRecord]]:
        return self.log.for_items([item.item for item in items])

    # -- Work ------------------------------------------------------------------------------

    def targets(self, item: CommsItem) -> list[Target]:
        channels = self.programme.channels
        default = {"sharepoint": NEWS_CHANNEL, "webchat": self.programme.channel}
        return [Target(p, channel=channels.get(p) or default.get(p, "")) for p in item.channels]

    def _target(self, item: CommsItem, recorded: Target) -> Target:
        """Where a waiting or repeated post goes now: the channel as configured today."""
        current = [t for t in self.targets(item) if t.platform == recorded.platform]
        return current[0] if current and current[0].channel else recorded

    def _message(self, item: CommsItem) -> Outbound:
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
                await self._tell_owner(item, "comms.unconfirmed", where=_where(row.target))
        available = self.platforms()
        for row in self.log.waiting():
            if not row.item.startswith("comms:"):
                continue  # reminders and reports keep their own waiting rows
            item = self.store.get(int(row.item.split(":")[1]))
            if item is None or row.target.platform not in available:
                continue
            if self.dispatcher.take(row.job, row.target, from_status=("waiting",)):
                outcome = await self.dispatcher.post_claimed(
                    row.job, row.key, self._target(item, row.target), self._message(item)
                )
                if outcome.status == "failed":
                    await self._tell_owner(
                        item, "comms.failed", errors=f"{_where(row.target)}: {outcome.error}"
                    )

    async def run_due(self, now: datetime) -> None:
        for item in self.store.due(now):
            late = now - item.send_at > self.grace
            for target in self.targets(item):
                if late:
                    self.dispatcher.missed(
                        job=item.job, item=item.item, target=target, due_at=item.send_at
                    )
                else:
                    await self.dispatcher.deliver(
                        job=item.job,
                        item=item.item,
                        target=target,
                        message=self._message(item),
                        due_at=item.send_at,
                    )
            await self._settle(item, now)

    async def _settle(self, item: CommsItem, now: datetime) -> None:
        """The item's status from its posts of this occurrence; the owner told what went wrong."""
        rows = self.log.for_job(item.job)
        statuses = {row.status for row in rows}
        if "claimed" in statuses:
            return  # another replica is posting to a channel now: it settles when it is done
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
        with self.uow.atomic():  # one commit for the status and its audit row
            if not self.store.update(settled):
                return  # edited or withdrawn meanwhile: that change stands
            self.audit.record(actor="bot", action=f"comms-{status}", ref=item.ref)
        if settled.status == "approved":
            self.wakeups.schedule(f"comms:{item.id}", settled.send_at)
        failed = [f"{_where(r.target)}: {r.error}" for r in rows if r.status == "failed"]
        if status == "missed":
            when = local_time(item.send_at, self.zone)
            await self._tell_owner(item, "comms.missed", when=when)
        elif failed:
            await self._tell_owner(item, "comms.failed", errors="; ".join(failed))

    async def _tell_owner(self, item: CommsItem, key: str, **values: str) -> None:
        platform, _, user_id = item.author.partition(":")
        record = self.programme.person_for(platform, user_id)
        locale = record.locale if record else "sv"
        text = t(locale, key, ref=item.ref, title=shorten(item.title, 100), **values)
        await post_or_audit(
            self.notifier, self.audit, Target(platform, user_id=user_id), text, ref=item.ref
        )


_RETRY = ("unconfirmed", "failed")


def _where(target: Target) -> str:
    return f"{target.platform} {target.channel or target.user_id}".strip()


def _next_week(send_at: datetime, now: datetime, zone: ZoneInfo) -> datetime:
    """The next weekly time after now, at the same local wall-clock time across DST changes."""
    local = send_at.astimezone(zone)
    while True:
        local = (local.replace(tzinfo=None) + timedelta(days=7)).replace(tzinfo=zone)
        if local > now:
            return local


def delivery_key(target: Target) -> str:
    return target_key(target)
