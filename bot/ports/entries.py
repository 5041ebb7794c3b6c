"""Ports of the entries: the entry repository, the audit log and the stored programme."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from bot.domain.model import Change, Comment, Entry, Kind, Status

COUNT_CAP = 1_000


@dataclass(frozen=True, slots=True)
class EntryQuery:
    kinds: Sequence[Kind] = ()
    statuses: Sequence[Status] = ()
    reporter: str | None = None  # "platform:user_id"; None means everyone's
    include_deviations: bool = True
    text: str = ""  # full-text search words
    assignee: str | None = None  # the assignee's name; None means anyone's
    unassigned: bool = False
    order: str = "newest"  # or "urgency": most urgent first, then the oldest first
    limit: int = 20
    count_cap: int = COUNT_CAP  # a total above this is reported as count_cap + 1 ("more than")


class EntryRepository(Protocol):
    def create(self, entry: Entry, *, dedupe_key: str = "") -> tuple[Entry, bool]:
        """Store and number a new entry in one transaction; (entry, created).

        With a dedupe key seen before, the earlier entry comes back with created=False.
        """

    def get(self, kind: Kind, number: int) -> Entry | None: ...

    def by_dedupe_key(self, key: str) -> Entry | None: ...

    def find(self, query: EntryQuery) -> tuple[list[Entry], int]:
        """Newest first, at most query.limit, and how many matched (at most count_cap + 1)."""

    def update(self, entry: Entry, changes: Sequence[Change]) -> None: ...

    def add_comment(self, entry: Entry, comment: Comment) -> None: ...


class EntrySearch(Protocol):
    async def find(self, query: EntryQuery) -> tuple[list[Entry], int]:
        """As EntryRepository.find, but off the event loop and capped in time: a query that
        would take longer raises bot.domain.errors.QueryTooLarge."""


class AuditLog(Protocol):
    def record(self, *, actor: str, action: str, ref: str = "", detail: str = "") -> None: ...


class ProgrammeStore(Protocol):
    def load_programme(self) -> dict[str, Any] | None: ...

    def save_programme(self, data: dict[str, Any]) -> None: ...
