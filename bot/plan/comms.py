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
from bot.domain.errors import UserError
from bot.domain.messages import Outbound, Target
from bot.domain.model import Person, Role
from bot.domain.programme import Programme
from bot.i18n.catalogue import t
from bot.plan.comms_posting import CommsPosting, where
from bot.ports.clock import Clock
from bot.ports.delivery import DeliveryRecord, target_key
from bot.ports.entries import AuditLog
from bot.ports.outbound import Notifier
from bot.ports.plan import CommsItem, CommsStore
from bot.ports.scheduling import Wakeups
from bot.ports.unit_of_work import UnitOfWork
from bot.text.clean import shorten
from bot.text.validation import refuse_personal_numbers

log = logging.getLogger(__name__)

CHANNELS = ("webchat", "slack", "teams", "sharepoint")
COMING = ("draft", "awaiting_approval", "approved")
DONE = ("published", "failed", "missed", "cancelled", "withdrawn")


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
        # The scheduler's work: posting on time, waiting posts, settling each occurrence.
        self.posting = CommsPosting(
            store=store,
            audit=audit,
            uow=uow,
            dispatcher=dispatcher,
            notifier=notifier,
            programme=programme,
            wakeups=wakeups,
            grace=grace,
            zone=self.zone,
            platforms=platforms,
        )

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
                    errors.append(f"{where(row.target)}: {result.error}")
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
                row.job, key, self.posting.target(item, row.target), self.posting.message(item)
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


_RETRY = ("unconfirmed", "failed")


def delivery_key(target: Target) -> str:
    return target_key(target)
