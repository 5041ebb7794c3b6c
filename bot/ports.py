"""The ports the core needs from the outside; storage/ and integrations/ implement them."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from bot.domain import Change, Comment, Entry, Kind, Status
from bot.messages import Delivery, FileRef, Outbound, Target


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


COUNT_CAP = 1_000


@dataclass(frozen=True, slots=True)
class EntryQuery:
    kinds: Sequence[Kind] = ()
    statuses: Sequence[Status] = ()
    reporter: str | None = None  # "platform:user_id"; None means everyone's
    include_deviations: bool = True
    text: str = ""  # full-text search words
    limit: int = 20
    count_cap: int = COUNT_CAP  # a total above this is reported as count_cap + 1 ("more than")


class EntryRepository(Protocol):
    def create(self, entry: Entry, *, dedupe_key: str = "") -> tuple[Entry, bool]:
        """Store and number a new entry in one transaction; (entry, created).

        With a dedupe key seen before, the earlier entry comes back with created=False.
        """

    def get(self, kind: Kind, number: int) -> Entry | None: ...

    def by_dedupe_key(self, key: str) -> Entry | None: ...

    def atomic(self) -> AbstractContextManager[object]:
        """Writes inside commit together, once (the audit row with its entry)."""

    def find(self, query: EntryQuery) -> tuple[list[Entry], int]:
        """Newest first, at most query.limit, and how many matched (at most count_cap + 1)."""

    def update(self, entry: Entry, changes: Sequence[Change]) -> None: ...

    def add_comment(self, entry: Entry, comment: Comment) -> None: ...


class AuditLog(Protocol):
    def record(self, *, actor: str, action: str, ref: str = "", detail: str = "") -> None: ...


@dataclass(slots=True)
class Dialogue:
    """A conversation in progress, stored as plain data so it survives a restart."""

    id: str
    flow: str
    state: str
    kind: str = ""
    values: dict[str, str] = field(default_factory=dict)
    pending: str = ""
    updated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    extra: dict[str, Any] = field(default_factory=dict)


class DialogueStore(Protocol):
    def load(self, key: str) -> Dialogue | None: ...

    def save(self, key: str, dialogue: Dialogue) -> None: ...

    def delete(self, key: str) -> None: ...


class RequestLog(Protocol):
    """Answers already given, by idempotency key, so a retried request gets the same answer."""

    def get(self, key: str) -> list[dict[str, Any]] | None: ...

    def put(self, key: str, replies: list[dict[str, Any]]) -> None: ...


class ProgrammeStore(Protocol):
    def load_programme(self) -> dict[str, Any] | None: ...

    def save_programme(self, data: dict[str, Any]) -> None: ...


class Notifier(Protocol):
    """Outbound posts: each platform adapter implements this for its own targets."""

    async def post(self, target: Target, message: Outbound) -> Delivery: ...

    async def withdraw(self, target: Target, message_id: str) -> Delivery:
        """Remove a post, or mark it withdrawn where the platform cannot remove it."""


class FileStore(Protocol):
    """Files the bot made (reports) kept on this server for adapters to hand over."""

    def save(self, name: str, data: bytes, mime: str) -> FileRef:
        """Keep `data` under a fresh unguessable id; the FileRef's `path` is where it lies."""
