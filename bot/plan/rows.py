"""Neutral rows of the programme plan that reports read: milestones, decisions, communication.

The time side (milestones, decisions, the communication plan) implements `PlanSource`; the Word
reports read it. Until the time side is wired, `ProgrammePlanSource` serves the programme file's
milestones with no decisions and no communication items.
"""

from __future__ import annotations

from datetime import datetime

from bot.domain.programme import Programme
from bot.ports.plan import AwaitingChangeRow, CommsRow, DecisionRow, MilestoneRow, PostRow
from bot.text.timeparse import quarter_or_date_due


class ProgrammePlanSource:
    def __init__(self, programme: Programme) -> None:
        self._programme = programme

    def milestones(self) -> list[MilestoneRow]:
        return sorted(
            (
                MilestoneRow(
                    m.id, m.title, m.kind, quarter_or_date_due(m.date), m.owner, due_text=m.date
                )
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

    def posts(self, start: datetime, end: datetime) -> list[PostRow]:
        return []

    def awaiting_changes(self) -> list[AwaitingChangeRow]:
        return []
