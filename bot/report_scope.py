"""What a report reads: the scope of entries, the bulk-read port storage implements, periods."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.domain import Entry, Kind, Status

OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS, Status.ESCALATED)
DONE_STATUSES = (Status.RESOLVED, Status.CLOSED)


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


@dataclass(frozen=True, slots=True)
class Period:
    """Days in the bot's time zone, both inclusive."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period ends on or after its start")

    def bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        """[start 00:00, the day after end 00:00) as aware datetimes."""
        return (
            datetime.combine(self.start, time(), zone),
            datetime.combine(self.end + timedelta(days=1), time(), zone),
        )

    @property
    def week(self) -> tuple[int, int] | None:
        """(ISO year, week) when the period is exactly one Monday–Sunday week."""
        iso = self.start.isocalendar()
        if iso.weekday == 1 and self.end - self.start == timedelta(days=6):
            return iso.year, iso.week
        return None


def last_week(today: date) -> Period:
    """The Monday–Sunday week before the one `today` is in: what the Monday report covers."""
    monday = today - timedelta(days=today.weekday() + 7)
    return Period(monday, monday + timedelta(days=6))


def iso_week(year: int, week: int) -> Period:
    monday = date.fromisocalendar(year, week, 1)
    return Period(monday, monday + timedelta(days=6))
