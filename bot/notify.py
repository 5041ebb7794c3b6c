"""One Notifier for the whole bot: it hands each post to the adapter of the target's platform."""

from __future__ import annotations

import logging

from bot.messages import Delivery, Outbound, Target
from bot.ports import Notifier

log = logging.getLogger(__name__)


class NotifierRouter:
    def __init__(self) -> None:
        self._by_platform: dict[str, Notifier] = {}

    def add(self, platform: str, notifier: Notifier) -> None:
        self._by_platform[platform] = notifier

    @property
    def platforms(self) -> list[str]:
        return sorted(self._by_platform)

    async def post(self, target: Target, message: Outbound) -> Delivery:
        notifier = self._by_platform.get(target.platform)
        if notifier is None:
            return Delivery(
                ok=False, error=f"no adapter for platform {target.platform!r} is running"
            )
        try:
            return await notifier.post(target, message)
        except Exception as error:  # an adapter failing must not take the caller down
            log.exception("posting to %s failed", target.platform)
            return Delivery(ok=False, error=f"{type(error).__name__}: {error}")

    async def withdraw(self, target: Target, message_id: str) -> Delivery:
        notifier = self._by_platform.get(target.platform)
        if notifier is None:
            return Delivery(
                ok=False, error=f"no adapter for platform {target.platform!r} is running"
            )
        try:
            return await notifier.withdraw(target, message_id)
        except Exception as error:  # an adapter failing must not take the caller down
            log.exception("withdrawing from %s failed", target.platform)
            return Delivery(ok=False, error=f"{type(error).__name__}: {error}")
