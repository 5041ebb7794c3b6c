"""The programme plan as reports read it (`bot.plan_rows.PlanSource`), from the time side's
tables: milestones (the programme file plus chat edits), the decision log, the communication
plan."""

from __future__ import annotations

from datetime import datetime

from bot.ports.plan import CommsRow, CommsStore, DecisionRow, MilestoneRow, MilestoneStore


class StoredPlanSource:
    def __init__(self, *, milestones: MilestoneStore, comms: CommsStore) -> None:
        self._milestones = milestones
        self._comms = comms

    def milestones(self) -> list[MilestoneRow]:
        decided = self._milestones.latest_decisions()
        return sorted(
            (
                MilestoneRow(
                    m.id,
                    m.title,
                    m.kind,
                    m.due,
                    m.owner,
                    decided=m.id in decided,
                    due_text=m.due_text,
                    reached=m.reached_at is not None,
                    tracked=m.due >= m.known_since.date(),
                )
                for m in self._milestones.all()
            ),
            key=lambda row: (row.due, row.id),
        )

    def decisions(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[DecisionRow]:
        titles = {m.id: m.title for m in self._milestones.all()}
        return [
            DecisionRow(
                d.milestone_id,
                titles.get(d.milestone_id, ""),
                d.outcome,
                d.motivation,
                d.recorded_by_name or d.recorded_by,
                d.recorded_at,
                decided_by=d.decided_by,
                decided_on=d.decided_on,
            )
            for d in self._milestones.decisions(start, end)
        ]

    def comms(self, start: datetime, end: datetime) -> list[CommsRow]:
        return [
            CommsRow(
                item.id or 0,
                item.title,
                item.status,
                item.send_at,
                item.channels,
                item.published_at,
            )
            for item in self._comms.between(start, end)
        ]
