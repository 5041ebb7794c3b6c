"""Ports of the conversation: dialogue state and the idempotent request log."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol


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

    def claim(self, key: str) -> bool:
        """Mark `key` as being answered unless it is marked or answered already; True if this
        call marked it: of several replicas asking at once, exactly one gets True."""

    def forget(self, key: str) -> None:
        """Remove `key` (an answer that failed: a retry may try again)."""

    def prune(self, before: datetime) -> int:
        """Forget answers given before `before` (a retry comes within minutes); how many."""
        ...
