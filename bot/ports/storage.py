"""What the core asks the storage backend about itself: is an error a busy or an unwritable
database, has anything been written, and can it write now (for /health)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

Failure = Literal["busy", "unavailable"]


@dataclass(frozen=True, slots=True)
class StorageHealth:
    writable: bool
    detail: str  # "ok", "busy", or why it cannot write ("read-only", "disk full", …)


class StorageStatus(Protocol):
    def failure(self, error: BaseException) -> Failure | None:
        """ "busy": another writer holds the database (try again soon); "unavailable": it cannot
        be written (read-only, disk full, I/O error); None: not a storage failure."""

    def changes(self) -> int:
        """A counter that moves with every write this process makes (to know whether a failed
        attempt wrote anything before it failed)."""

    def health(self) -> StorageHealth:
        """Whether the database can be written now; quick, never waits for a lock."""
