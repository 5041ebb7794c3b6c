"""Who hears of what happens to an entry, where they work, and the buttons they act from.

Handlers hear of a new entry by the programme file's `handling` rule (direct messages, their
group's channel, or both, per platform; or in their daily digest); the reporters (the first and
those who joined) hear of every change, in the thread they logged it in when there was one; the
assignee hears the reporters; an escalated issue's next level hears why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.delivery.routing import post_or_audit
from bot.domain.kinds import risk_value
from bot.domain.messages import Choice, Outbound, Target
from bot.domain.model import Entry, Kind, Person, Role, Status
from bot.domain.organisation import HandlingRule
from bot.domain.programme import PersonRecord, Programme
from bot.i18n.catalogue import option_label, t
from bot.ports.entries import AuditLog
from bot.ports.notices import NoticeSettings
from bot.ports.outbound import Notifier
from bot.text.clean import shorten

log = logging.getLogger(__name__)

CHANNEL_LOCALE = "sv"  # a channel has no one language: Swedish first


@dataclass(frozen=True, slots=True)
class Recipient:
    target: Target
    locale: str
    name: str
    key: str = ""  # the programme file's id, when the person is in it
    triage: bool = False  # may triage: gets the handler's buttons
    who: str = ""  # "platform:user_id" of the person, wherever the notice goes

    @property
    def channel(self) -> bool:
        return not self.target.user_id


class Notices:
    def __init__(
        self,
        *,
        notifier: Notifier,
        audit: AuditLog,
        programme: Programme,
        platforms: Callable[[], Sequence[str]],
        settings: NoticeSettings | None = None,
        programme_targets: Sequence[Target] = (),
    ) -> None:
        self.notifier = notifier
        self.audit = audit
        self.programme = programme
        self.platforms = platforms
        self.settings = settings
        self.programme_targets = tuple(programme_targets)

    # -- who ------------------------------------------------------------------------------

    def person(
        self, person_id: str, rule: HandlingRule | None = None, *, prefer: str = ""
    ) -> Recipient | None:
        """A person's direct chat where the work is (`prefer`: the platform the entry came from
        or the actor used) when they are there, else on the first running platform of theirs
        (the file's order is their preference) that the rule lets them be told on directly."""
        record = self.programme.person(person_id)
        if record is None:
            return None
        running = set(self.platforms())
        accounts = sorted(record.accounts.items(), key=lambda item: item[0] != prefer)
        for platform, user_id in accounts:
            if platform in running and (rule is None or rule.direct(platform)):
                return self._recipient(record, Target(platform, user_id=user_id))
        return None

    def people(
        self,
        ids: Sequence[str],
        rule: HandlingRule | None = None,
        *,
        besides: Person | None = None,
        prefer: str = "",
    ) -> list[Recipient]:
        prefer = prefer or (besides.platform if besides is not None else "")
        found = [self.person(person_id, rule, prefer=prefer) for person_id in dict.fromkeys(ids)]
        return [r for r in found if r is not None and not _same(r, besides)]

    def by_name(self, name: str, *, besides: Person | None = None) -> list[Recipient]:
        """The assignee, stored by name."""
        record = self.programme.find_person(name) if name else None
        return self.people([record.id], besides=besides) if record else []

    def rule(self, entry: Entry) -> HandlingRule | None:
        organisation = self.programme.org
        unit = str(entry.fields.get("unit", ""))
        return organisation.rule_for(entry.kind, project=organisation.project_of(unit), unit=unit)

    def handlers(self, entry: Entry, *, besides: Person | None = None) -> list[Recipient]:
        """The entry's handler group: its people, and its channels where the rule says so."""
        rule = self.rule(entry)
        prefer = besides.platform if besides is not None else entry.source_platform
        if rule is None:
            # No rule for the kind: everyone the file gives the handler role, directly.
            ids = [p.id for p in self.programme.people if Role.HANDLER in p.roles]
            return self.people(ids, besides=besides, prefer=prefer)
        found = self.people(rule.people, rule, besides=besides, prefer=prefer)
        for platform in self.platforms():
            channel = rule.channel(platform)
            if channel:
                found.append(
                    Recipient(Target(platform, channel=channel), CHANNEL_LOCALE, rule.group)
                )
        return found

    def assignee_or_handlers(self, entry: Entry, *, besides: Person) -> list[Recipient]:
        """Who answers for it now: the assignee, or its handler group while nobody has taken it."""
        if entry.assignee:
            return self.by_name(entry.assignee, besides=besides)
        return self.handlers(entry, besides=besides)

    def reporters(self, entry: Entry, *, besides: Person | None = None) -> list[Recipient]:
        """The first reporter and those who joined, each where they reported (their thread)."""
        # Where they reported: the thread (the platform falls back to their direct chat when it
        # cannot write there), else their direct chat.
        # (A Slack thread is also in the conversation the entry came from: "C123:1712.0001".)
        first = Target(
            entry.reporter_platform,
            channel=entry.source_thread or entry.source_channel,
            user_id=entry.reporter_id,
        )
        found = [
            self._reporter(entry.reporter_platform, entry.reporter_id, entry.reporter_name, first)
        ]
        for other in entry.co_reporters:
            target = Target(
                other.platform, channel=other.thread or other.channel, user_id=other.user_id
            )
            found.append(self._reporter(other.platform, other.user_id, other.name, target))
        return [r for r in found if not _same(r, besides)]

    def _reporter(self, platform: str, user_id: str, name: str, target: Target) -> Recipient:
        record = self.programme.person_for(platform, user_id)
        return Recipient(
            target,
            record.locale if record else "sv",
            name,
            record.id if record else "",
            who=f"{platform}:{user_id}",
        )

    def _recipient(self, record: PersonRecord, target: Target) -> Recipient:
        triage = bool(record.roles & {Role.HANDLER, Role.PROJECT_LEAD})
        who = f"{target.platform}:{target.user_id}"
        return Recipient(target, record.locale, record.name, record.id, triage, who)

    def daily(self, recipient: Recipient) -> bool:
        return bool(
            recipient.key
            and self.settings is not None
            and self.settings.daily_digest(recipient.key)
        )

    # -- sending --------------------------------------------------------------------------

    async def send(
        self,
        recipients: Sequence[Recipient],
        build: Callable[[Recipient], Outbound],
        *,
        ref: str,
        asker: Person | None = None,
    ) -> list[Recipient]:
        """Post each its own message; who was reached. A person the notice could not reach is
        kept in the audit log, and the one who acted (`asker`) is told in their own chat."""
        reached = []
        for recipient in recipients:
            message = build(recipient)
            delivery = await post_or_audit(
                self.notifier, self.audit, recipient.target, message, ref=ref
            )
            if delivery.ok:
                reached.append(recipient)
            elif asker is not None and not recipient.channel:
                await self.notifier.post(
                    Target(asker.platform, user_id=asker.user_id),
                    Outbound(
                        t(
                            asker.locale,
                            "notify_undelivered",
                            name=recipient.name,
                            ref=ref,
                            error=shorten(delivery.error, 300),
                        )
                    ),
                )
        return reached

    async def to_programme(self, key: str, **values: object) -> None:
        for target in self.programme_targets:
            delivery = await self.notifier.post(target, Outbound(t(CHANNEL_LOCALE, key, **values)))
            if not delivery.ok:
                log.warning("programme post to %s failed: %s", target.channel, delivery.error)

    # -- the notices ----------------------------------------------------------------------

    async def new_entry(self, entry: Entry) -> None:
        """Its handlers hear of it at once (or in their digest), with buttons to act. A handler
        who logged it does not hear of it from the bot."""
        record = self.programme.person_for(entry.reporter_platform, entry.reporter_id)
        reporter = Person(
            platform=entry.reporter_platform,
            user_id=entry.reporter_id,
            name=entry.reporter_name,
            key=record.id if record else "",
        )
        handlers = self.handlers(entry)
        recipients = [r for r in handlers if not _same(r, reporter)]
        now: list[Recipient] = []
        later: list[Recipient] = []
        for recipient in recipients:
            (later if self.daily(recipient) else now).append(recipient)
        for recipient in later:
            assert self.settings is not None
            self.settings.queue(
                person_key=recipient.key,
                platform=recipient.target.platform,
                user_id=recipient.target.user_id,
                locale=recipient.locale,
                ref=entry.ref,
            )
        reached = await self.send(now, lambda r: self.new_entry_message(entry, r), ref=entry.ref)
        if not reached and not later and len(recipients) == len(handlers):
            # Nobody heard of it: the programme channel does, so it does not wait unseen.
            await self.to_programme("notice.nobody_reached", ref=entry.ref)

    def new_entry_message(self, entry: Entry, recipient: Recipient) -> Outbound:
        locale = recipient.locale
        if entry.kind is Kind.DEVIATION and recipient.channel:
            # A channel hears that there is something to look at, not what.
            text = t(locale, "notice.new_deviation_channel", ref=entry.ref)
            return Outbound(text, choices=(show_choice(entry, locale),))
        text = t(
            locale,
            "notice.new_entry",
            new_kind=t(locale, f"new_kind.{entry.kind.value}"),
            ref=entry.ref,
            title=shorten(entry.title, 120),
            reporter=entry.reporter_name,
            details=details(entry, locale),
        )
        return Outbound(text, choices=handler_choices(entry, locale))


def _same(recipient: Recipient, person: Person | None) -> bool:
    """The recipient is the one who acted: nobody is told of what they did themselves."""
    if person is None:
        return False
    if person.key and recipient.key == person.key:
        return True
    return recipient.who == person.qualified_id


# -- what a notice says and offers --------------------------------------------------------


def details(entry: Entry, locale: str) -> str:
    """Where and how urgent, in a few words: " – Avdelning 5 · brådska: hög" (or "")."""
    parts = []
    unit = str(entry.fields.get("unit", ""))
    if unit:
        parts.append(unit)
    for name in ("urgency", "priority"):
        value = str(entry.fields.get(name, ""))
        if value:
            parts.append(
                f"{t(locale, f'field.{name}').lower()}: {option_label(locale, name, value)}"
            )
    risk = risk_value(entry.fields) if entry.kind in (Kind.DEVIATION, Kind.RISK) else None
    if risk is not None:
        parts.append(f"{t(locale, 'field.risk_value').lower()}: {risk}")
    if entry.reporter_count > 1:
        parts.append(t(locale, "reported_by_many", count=entry.reporter_count))
    return f" – {' · '.join(parts)}" if parts else ""


def show_choice(entry: Entry, locale: str) -> Choice:
    show = "visa" if locale == "sv" else "show"
    return Choice("say", t(locale, "home.show"), f"{show} {entry.ref}")


def handler_choices(entry: Entry, locale: str) -> tuple[Choice, ...]:
    """Take it, set its status, comment, escalate (issues): the same on every platform."""
    choices = [show_choice(entry, locale)]
    if not entry.assignee:
        choices.append(Choice("triage:take", t(locale, "home.take"), entry.ref))
    for status in (Status.IN_PROGRESS, Status.RESOLVED, Status.REJECTED):
        if status is not entry.status:
            choices.append(
                Choice(
                    "triage:status",
                    t(locale, f"status.{status.value}"),
                    f"{entry.ref} {status.value}",
                )
            )
    choices.append(Choice("triage:comment", t(locale, "notice.comment"), entry.ref))
    if entry.kind is Kind.ISSUE and entry.escalation_level.next() is not None:
        choices.append(Choice("triage:escalate", t(locale, "home.escalate"), entry.ref))
    return tuple(choices)


def reader_choices(entry: Entry, locale: str) -> tuple[Choice, ...]:
    """For someone who may read and comment: show it, answer."""
    return (
        show_choice(entry, locale),
        Choice("triage:comment", t(locale, "notice.comment"), entry.ref),
    )


def reporter_choices(entry: Entry, locale: str) -> tuple[Choice, ...]:
    """A resolved entry asks its reporter: is it fixed, or not?"""
    if entry.status is Status.RESOLVED:
        return (
            Choice("followup:confirm", t(locale, "notice.confirm_fixed"), entry.ref),
            Choice("followup:reopen", t(locale, "notice.not_fixed"), entry.ref),
            show_choice(entry, locale),
        )
    return reader_choices(entry, locale)


def choices_for(entry: Entry, recipient: Recipient) -> tuple[Choice, ...]:
    if recipient.triage:
        return handler_choices(entry, recipient.locale)
    return reader_choices(entry, recipient.locale)
