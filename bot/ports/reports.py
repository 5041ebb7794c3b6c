"""The bulk-read port reports use, and the scope it is asked for."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.domain.model import Entry, Kind, Status


@dataclass(frozen=True, slots=True)
class EntryScope:
    """Which entries a report reads; the service sets `reporter` from the person's rights."""

    kinds: tuple[Kind, ...] = ()
    statuses: tuple[Status, ...] = ()
    reporter: str | None = None  # "platform:user_id"; None: everyone's
    created_from: datetime | None = None  # inclusive
    created_to: datetime | None = None  # exclusive


@dataclass(frozen=True, slots=True)
class StatusChange:
    kind: Kind
    number: int
    new: str
    at: datetime


class ReportStore(Protocol):
    """Bulk reads for reports (storage implements it): whole registers, not pages of 20."""

    def entries(self, scope: EntryScope) -> Iterator[Entry]:
        """Matching entries by kind and number, without comments and history."""

    def counts(self, scope: EntryScope) -> dict[tuple[Kind, Status], int]:
        """How many entries in scope there are of each kind and status."""

    def status_changes(
        self, scope: EntryScope, start: datetime, end: datetime
    ) -> list[StatusChange]:
        """Status changes made in [start, end) to entries in scope (its created range ignored)."""
