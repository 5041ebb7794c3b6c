"""Ports for what leaves the core: posts to platforms and generated files."""

from __future__ import annotations

from typing import Protocol

from bot.domain.messages import Delivery, FileRef, Outbound, Target


class Notifier(Protocol):
    """Outbound posts: each platform adapter implements this for its own targets."""

    async def post(self, target: Target, message: Outbound) -> Delivery: ...

    async def withdraw(self, target: Target, message_id: str) -> Delivery:
        """Remove a post, or mark it withdrawn where the platform cannot remove it."""


class FileStore(Protocol):
    """Files the bot made (reports) kept on this server for adapters to hand over."""

    def save(self, name: str, data: bytes, mime: str) -> FileRef:
        """Keep `data` under a fresh unguessable id; the FileRef's `path` is where it lies."""
