"""The request log as the engine and adapters use it: keys hashed before they reach storage."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.domain.keys import KeyHasher
from bot.ports.conversation import RequestLog


class HashedRequestLog:
    """A RequestLog that stores every key as its keyed hash (bot.domain.keys)."""

    def __init__(self, inner: RequestLog, keys: KeyHasher) -> None:
        self._inner = inner
        self._keys = keys

    def get(self, key: str) -> list[dict[str, Any]] | None:
        return self._inner.get(self._keys(key))

    def put(self, key: str, replies: list[dict[str, Any]]) -> None:
        self._inner.put(self._keys(key), replies)

    def claim(self, key: str) -> bool:
        return self._inner.claim(self._keys(key))

    def forget(self, key: str) -> None:
        self._inner.forget(self._keys(key))

    def prune(self, before: datetime) -> int:
        return self._inner.prune(before)
