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

    def latest_values(self, scope: EntryScope, field: str) -> dict[tuple[Kind, int], str]:
        """For each entry in scope whose history changed `field`: the value last written (an
        escalation's reason, kept in the history only)."""


# -- what the programme manager enters for the status report --------------------------------

COLOURS = ("green", "yellow", "red")


@dataclass(frozen=True, slots=True)
class Assessment:
    """The programme manager's overall assessment (lägesbedömning): green, yellow or red."""

    colour: str  # one of COLOURS
    text: str
    by: str  # platform:user_id
    by_name: str
    at: datetime


@dataclass(frozen=True, slots=True)
class BudgetLine:
    """Kronor; None where the source gives no figure."""

    label: str  # "" for the programme as a whole
    budget: int | None
    outcome: int | None  # utfall, spent so far
    forecast: int | None  # prognos for the whole


@dataclass(frozen=True, slots=True)
class BudgetFigures:
    lines: tuple[BudgetLine, ...]
    source: str  # "chat" or the configured file's name
    by_name: str  # who entered them ("" for a file)
    at: datetime  # entered, or the file's last change
    note: str = ""


class StatusInputs(Protocol):
    """The assessment and budget figures entered in chat, newest last (storage implements it)."""

    def add_assessment(self, *, colour: str, text: str, by: str, by_name: str) -> Assessment: ...

    def assessment_at(self, moment: datetime) -> Assessment | None:
        """The latest assessment made at or before `moment`."""

    def add_budget(
        self, *, line: BudgetLine, note: str, by: str, by_name: str
    ) -> BudgetFigures: ...

    def budget_at(self, moment: datetime) -> BudgetFigures | None:
        """The latest figures entered at or before `moment`."""


class BudgetSource(Protocol):
    """Budget and forecast from a configured source (a file the finance office keeps)."""

    def figures(self) -> BudgetFigures | None: ...


class ReportEditions(Protocol):
    """Every report made, so a report made again for the same selection is a new edition."""

    def record(
        self, *, key: str, registration_number: str, made_by: str, made_by_name: str
    ) -> tuple[int, str]:
        """Record one more edition of the report `key`: (its edition number, its registration
        number: the one given, else the one the latest earlier edition had)."""
