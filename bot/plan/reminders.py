"""Personal reminders: "påminn mig nästa fredag kl 9 om B5-underlaget", "remind me in 2 hours to
call the ward". The time is read by bot/text/timeparse (future-preferring, the bot's time zone)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.delivery.claims import BUSY, Dispatcher, Post
from bot.delivery.routing import post_or_audit
from bot.domain.errors import UserError
from bot.domain.messages import Outbound, Target
from bot.domain.model import Person
from bot.i18n.catalogue import t
from bot.ports.clock import Clock
from bot.ports.entries import AuditLog
from bot.ports.outbound import Notifier
from bot.ports.plan import PersonalReminder, ReminderStore
from bot.ports.scheduling import Wakeups
from bot.ports.unit_of_work import UnitOfWork
from bot.text.clean import shorten
from bot.text.render import local_time
from bot.text.timeparse import parse_when

log = logging.getLogger(__name__)

TEXT_LIMIT = 500
MAX_PER_PERSON = 200
# "<when> om/to <what>": the words that end the time and start the subject.
_SEPARATORS = re.compile(r"\s(?:om|att|to|about|that)\s", re.IGNORECASE)
_LEADING = re.compile(r"^(?:om|att|to|about|that)\s+", re.IGNORECASE)
# Where a time may start when it comes last: "… om 20 minuter", "… next Friday at 9".
_TIME_START = re.compile(
    r"^(?:om|in|på|on|kl|klockan|at|nästa|next|imorgon|idag|i|ikväll|tomorrow|today|tonight"
    r"|den|the|\d.*|(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|övermorgon)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ParsedRequest:
    when: datetime | None
    what: str


def parse_request(text: str, *, now: datetime, timezone: str) -> ParsedRequest:
    """Split "nästa fredag kl 9 om B5-underlaget" (or "att ringa avd 5 om 20 minuter") into
    a time and a subject. `when` is None when no time was understood."""
    text = " ".join(text.split())
    # The time first: try each separator from the left; the first prefix that parses wins.
    for match in _SEPARATORS.finditer(text):
        when = parse_when(text[: match.start()], now=now, tz=timezone)
        if when is not None:
            return ParsedRequest(when, text[match.end() :].strip())
    # The subject first: the longest tail that starts like a time and parses.
    words = _LEADING.sub("", text).split(" ")
    for index in range(1, len(words)):
        if _TIME_START.match(words[index]):
            when = parse_when(" ".join(words[index:]), now=now, tz=timezone)
            if when is not None:
                return ParsedRequest(when, " ".join(words[:index]).strip())
    whole = parse_when(text, now=now, tz=timezone) if text else None
    if whole is not None:
        return ParsedRequest(whole, "")
    return ParsedRequest(None, _LEADING.sub("", text))


class ReminderService:
    def __init__(
        self,
        *,
        store: ReminderStore,
        audit: AuditLog,
        uow: UnitOfWork,
        dispatcher: Dispatcher,
        notifier: Notifier,
        clock: Clock,
        wakeups: Wakeups,
        grace: timedelta,
        timezone: str,
    ) -> None:
        self.store = store
        self.audit = audit
        self.uow = uow
        self.dispatcher = dispatcher
        self.notifier = notifier
        self.clock = clock
        self.wakeups = wakeups
        self.grace = grace
        self.zone = ZoneInfo(timezone)

    def create(self, person: Person, locale: str, when: datetime, text: str) -> PersonalReminder:
        if when <= self.clock.now():
            raise UserError("remind.past")
        if len(self.mine(person)) >= MAX_PER_PERSON:
            raise UserError("remind.too_many", limit=MAX_PER_PERSON)
        with self.uow.atomic():
            reminder = self.store.add(
                PersonalReminder(
                    person.platform, person.user_id, locale, text, when, created_at=self.clock.now()
                )
            )
            self.audit.record(actor=person.qualified_id, action="reminder", ref=reminder.job)
        self.wakeups.schedule(reminder.job, when)
        return reminder

    def mine(self, person: Person) -> list[PersonalReminder]:
        return self.store.of_person(person.platform, person.user_id)

    def cancel(self, person: Person, reminder_id: int) -> PersonalReminder:
        reminder = self.store.get(reminder_id)
        if (
            reminder is None
            or (reminder.platform, reminder.user_id) != (person.platform, person.user_id)
            or reminder.status != "scheduled"
        ):
            raise UserError("remind.not_found")
        with self.uow.atomic():
            self.store.set_status(reminder_id, "cancelled")
            self.audit.record(actor=person.qualified_id, action="reminder-cancel", ref=reminder.job)
        self.wakeups.unschedule(reminder.job)
        return reminder

    # -- Work ------------------------------------------------------------------------------

    def upcoming(self, now: datetime) -> Iterable[tuple[str, datetime]]:
        for reminder in self.store.scheduled():
            if reminder.due_at > now:
                yield reminder.job, reminder.due_at

    async def recover(self, now: datetime) -> None:
        for row in self.dispatcher.stale_claims("remind:"):
            reminder = self.store.get(int(row.item.split(":", 1)[1]))
            if reminder is not None:
                # The person is the owner: they hear that it may not have arrived, and what it said.
                await self._tell(reminder, "remind.unconfirmed")

    async def run_due(self, now: datetime) -> None:
        due = self.store.due(now)
        posts = []
        for reminder in due:
            target = Target(reminder.platform, user_id=reminder.user_id)
            if now - reminder.due_at > self.grace:
                if self.dispatcher.missed(
                    job=reminder.job, item=reminder.job, target=target, due_at=reminder.due_at
                ):
                    await self._tell(reminder, "remind.missed")
            else:
                text = t(reminder.locale, "remind.post", text=reminder.text)
                posts.append(
                    Post(reminder.job, reminder.job, target, Outbound(text), reminder.due_at)
                )
        outcomes = await self.dispatcher.deliver_all(posts)
        busy = {
            post.job
            for post, outcome in zip(posts, outcomes, strict=True)
            if outcome.status == BUSY
        }
        # Done whatever the outcome: the delivery row says what happened. (One another replica
        # is posting right now is marked done by that replica, once its post is recorded.)
        with self.uow.atomic():
            for reminder in due:
                if reminder.job not in busy:
                    assert reminder.id is not None
                    self.store.set_status(reminder.id, "done")

    async def _tell(self, reminder: PersonalReminder, key: str) -> None:
        when = local_time(reminder.due_at, self.zone)
        text = t(reminder.locale, key, text=shorten(reminder.text, 300), when=when)
        target = Target(reminder.platform, user_id=reminder.user_id)
        await post_or_audit(self.notifier, self.audit, target, text, ref=reminder.job)
