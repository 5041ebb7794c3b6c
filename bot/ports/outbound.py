"""Ports for what leaves the core: posts to platforms and generated files."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from bot.domain.messages import Delivery, FileRef, Outbound, Target


class Notifier(Protocol):
    """Outbound posts: each platform adapter implements this for its own targets."""

    async def post(self, target: Target, message: Outbound) -> Delivery: ...

    async def withdraw(self, target: Target, message_id: str) -> Delivery:
        """Remove a post, or mark it withdrawn where the platform cannot remove it."""


@runtime_checkable
class StoredPosts(Protocol):
    """A platform whose posts are rows in the bot's own database (the web chat): a post is
    written in the caller's unit of work, so a scheduled post, its claim and its record commit
    together (exactly once with no doubt left by a crash) and many commit at once."""

    def post_stored(self, target: Target, message: Outbound) -> Delivery: ...

    def post_stored_many(self, posts: list[tuple[Target, Outbound]]) -> list[Delivery]:
        """post_stored for each, in order (one statement where the store can)."""


class FileStore(Protocol):
    """Files the bot made (reports) kept on this server for adapters to hand over."""

    def save(self, name: str, data: bytes, mime: str) -> FileRef:
        """Keep `data` under a fresh unguessable id; the FileRef's `path` is where it lies."""
