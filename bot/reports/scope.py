"""What a report reads: the scope of entries, the bulk-read port storage implements, periods."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.model import Status

OPEN_STATUSES = (
    Status.NEW,
    Status.IN_PROGRESS,
    Status.ESCALATED,
    Status.AWAITING_DECISION,
    Status.POSTPONED,
)
# Decided or handed over: nothing more for the programme to do on it.
DONE_STATUSES = (Status.RESOLVED, Status.CLOSED, Status.APPROVED, Status.HANDED_TO_LINE)


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
