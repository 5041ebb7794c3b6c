"""The daily digest for handlers who chose it (`notiser dagligen`): the new entries they would
have heard of one by one, gathered in one message a day with buttons to act. A notice is marked
sent only once its message arrived; one that did not waits for the next digest."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from bot.delivery.routing import post_or_audit
from bot.domain.messages import Choice, Outbound, Target
from bot.domain.model import parse_ref
from bot.entries.service import EntryService
from bot.i18n.catalogue import t
from bot.ports.clock import Clock
from bot.ports.notices import DigestItem, NoticeSettings
from bot.text.queue import queue_row

SHOWN = 20
BUTTONS = 5


class Digest:
    def __init__(
        self,
        *,
        service: EntryService,
        settings: NoticeSettings,
        clock: Clock,
        platforms: Callable[[], Sequence[str]],
    ) -> None:
        self.service = service
        self.settings = settings
        self.clock = clock
        self.platforms = platforms

    async def send(self) -> int:
        """Send every waiting digest whose platform is up; how many messages went out."""
        by_target: dict[tuple[str, str], list[DigestItem]] = defaultdict(list)
        running = set(self.platforms())
        for item in self.settings.queued():
            if item.platform in running:
                by_target[(item.platform, item.user_id)].append(item)
        sent = 0
        for (platform, user_id), items in by_target.items():
            message = self.message(items)
            delivery = await post_or_audit(
                self.service.notifier,
                self.service.audit,
                Target(platform, user_id=user_id),
                message,
                ref="digest",
            )
            if delivery.ok:
                self.settings.mark_sent([item.id for item in items])
                sent += 1
        return sent

    def message(self, items: list[DigestItem]) -> Outbound:
        locale = items[0].locale
        now = self.clock.now()
        refs = list(dict.fromkeys(item.ref for item in items))
        entries = []
        for ref in refs:
            parsed = parse_ref(ref)
            entry = self.service.entries.get(*parsed) if parsed else None
            if entry is not None:
                entries.append(entry)
        lines = [t(locale, "digest", count=len(entries))]
        lines += [queue_row(entry, locale, now) for entry in entries[:SHOWN]]
        unassigned = "lista otilldelade" if locale == "sv" else "list unassigned"
        show = "visa" if locale == "sv" else "show"
        choices = [Choice("say", entry.ref, f"{show} {entry.ref}") for entry in entries[:BUTTONS]]
        choices.append(Choice("say", t(locale, "digest_unassigned"), unassigned))
        return Outbound("\n".join(lines), choices=tuple(choices))
