"""One Notifier for the whole bot: it hands each post to the adapter of the target's platform."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Collection

from bot.domain.messages import Delivery, Outbound, Target
from bot.domain.programme import PersonRecord
from bot.ports.entries import AuditLog
from bot.ports.outbound import Notifier, StoredPosts

log = logging.getLogger(__name__)


class NotifierRouter:
    def __init__(self) -> None:
        self._by_platform: dict[str, Notifier] = {}

    def add(self, platform: str, notifier: Notifier) -> None:
        self._by_platform[platform] = notifier

    @property
    def platforms(self) -> list[str]:
        return sorted(self._by_platform)

    def stored(self, platform: str) -> StoredPosts | None:
        """The platform's notifier if its posts are rows in the bot's database, else None."""
        notifier = self._by_platform.get(platform)
        return notifier if isinstance(notifier, StoredPosts) else None

    async def post(self, target: Target, message: Outbound) -> Delivery:
        return await self._route(target, "posting", lambda n: n.post(target, message))

    async def withdraw(self, target: Target, message_id: str) -> Delivery:
        return await self._route(target, "withdrawing", lambda n: n.withdraw(target, message_id))

    async def _route(
        self, target: Target, doing: str, call: Callable[[Notifier], Awaitable[Delivery]]
    ) -> Delivery:
        notifier = self._by_platform.get(target.platform)
        if notifier is None:
            return Delivery(
                ok=False, error=f"no adapter for platform {target.platform!r} is running"
            )
        try:
            return await call(notifier)
        except Exception as error:  # an adapter failing must not take the caller down
            log.exception("%s to %s failed", doing, target.platform)
            return Delivery(ok=False, error=f"{type(error).__name__}: {error}")


def person_target(record: PersonRecord | None, available: Collection[str]) -> Target | None:
    """A programme person's direct chat on a platform the bot runs on (their first such account)."""
    if record is None:
        return None
    for platform, user_id in record.accounts.items():
        if platform in available:
            return Target(platform, user_id=user_id)
    return None


async def post_or_audit(
    notifier: Notifier, audit: AuditLog, target: Target, message: str | Outbound, *, ref: str
) -> Delivery:
    """Post; when it cannot arrive, the audit log keeps where it was meant to go and why."""
    outbound = Outbound(message) if isinstance(message, str) else message
    delivery = await notifier.post(target, outbound)
    if not delivery.ok:
        where = f"{target.platform}:{target.user_id or target.channel}"
        log.warning("notice to %s failed: %s", where, delivery.error)
        audit.record(
            actor="bot", action="notify-failed", ref=ref, detail=f"{where}: {delivery.error}"
        )
    return delivery
