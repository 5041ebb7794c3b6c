"""Neutral rows of the programme plan that reports read: milestones, decisions, communication.

The time side (milestones, decisions, the communication plan) implements `PlanSource`; the Word
reports read it. Until the time side is wired, `ProgrammePlanSource` serves the programme file's
milestones with no decisions and no communication items.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from bot.programme import Programme
from bot.timeparse import quarter_or_date_due


@dataclass(frozen=True, slots=True)
class MilestoneRow:
    id: str
    title: str
    kind: str  # "decision" (B1–B7) or "milestone"
    due: date
    owner: str
    decided: bool = False


@dataclass(frozen=True, slots=True)
class DecisionRow:
    milestone_id: str
    milestone_title: str
    outcome: str  # "continue" | "change" | "stop"
    motivation: str
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class CommsRow:
    id: int
    title: str
    status: str  # draft | awaiting_approval | approved | published | failed | cancelled | withdrawn
    send_at: datetime | None
    channels: tuple[str, ...]
    published_at: datetime | None = None


class PlanSource(Protocol):
    def milestones(self) -> list[MilestoneRow]: ...

    def decisions(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[DecisionRow]: ...

    def comms(self, start: datetime, end: datetime) -> list[CommsRow]: ...


class ProgrammePlanSource:
    def __init__(self, programme: Programme) -> None:
        self._programme = programme

    def milestones(self) -> list[MilestoneRow]:
        return sorted(
            (
                MilestoneRow(m.id, m.title, m.kind, quarter_or_date_due(m.date), m.owner)
                for m in self._programme.milestones
            ),
            key=lambda row: (row.due, row.id),
        )

    def decisions(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[DecisionRow]:
        return []

    def comms(self, start: datetime, end: datetime) -> list[CommsRow]:
        return []
