"""The programme plan as reports read it (`bot.ports.plan.PlanSource`), from the stores:
milestones (the programme file plus chat edits), the decision log (decision points' and change
requests' decisions), change requests awaiting decision, the communication plan."""

from __future__ import annotations

from datetime import datetime

from bot.domain.model import Kind, Status
from bot.domain.programme import Programme
from bot.ports.delivery import DeliveryLog
from bot.ports.entries import EntryQuery, EntryRepository
from bot.ports.governance import ChangeDecisionStore
from bot.ports.plan import (
    AwaitingChangeRow,
    CommsItem,
    CommsRow,
    CommsStore,
    Decision,
    DecisionRow,
    MilestoneRecord,
    MilestoneRow,
    MilestoneStore,
    PostRow,
)

LEVEL_FIELD = "decision_level"  # as bot/entries/changes.py keeps it on the entry


def _milestone_changes(m: MilestoneRecord, decision: Decision | None) -> tuple[datetime, int]:
    """When a milestone last changed (its row, or the decision taken on it), and a sequence
    that grows with every change: the seconds from its first version to that change. Milestones
    keep no version counter; time does the counting (changes a second apart or more)."""
    first = m.created_at or m.known_since
    changed = max(
        [t for t in (m.updated_at, first, decision.recorded_at if decision else None) if t]
    )
    return changed, max(0, int((changed - first).total_seconds()))


def _comms_changes(item: CommsItem) -> tuple[datetime | None, int]:
    """Every change of an announcement (edit, approval, cancellation) bumps its version."""
    return item.updated_at or item.created_at, max(0, item.version - 1)


class StoredPlanSource:
    def __init__(
        self,
        *,
        milestones: MilestoneStore,
        comms: CommsStore,
        deliveries: DeliveryLog | None = None,
        changes: ChangeDecisionStore | None = None,
        entries: EntryRepository | None = None,
        programme: Programme | None = None,
    ) -> None:
        self._milestones = milestones
        self._comms = comms
        self._deliveries = deliveries
        self._changes = changes
        self._entries = entries
        self._programme = programme

    def milestones(self) -> list[MilestoneRow]:
        decided = self._milestones.latest_decisions()
        programme = self._programme.milestones if self._programme else ()
        demo = {m.id for m in programme if m.demo}
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
                    changed_at=changes[0],
                    sequence=changes[1],
                    demo=m.id in demo,
                )
                for m in self._milestones.all()
                for changes in [_milestone_changes(m, decided.get(m.id))]
            ),
            key=lambda row: (row.due, row.id),
        )

    def decisions(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[DecisionRow]:
        titles = {m.id: m.title for m in self._milestones.all()}
        points = [
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
        changes = [
            DecisionRow(
                c.ref,
                c.title,
                c.outcome,
                c.motivation,
                c.decider_name or c.decider,
                c.recorded_at,
                decided_by=c.decided_by,
                decided_on=c.decided_on,
                subject="change_request",
            )
            for c in (self._changes.between(start, end) if self._changes else [])
        ]
        return sorted(points + changes, key=lambda row: row.recorded_at)

    def awaiting_changes(self) -> list[AwaitingChangeRow]:
        if self._entries is None:
            return []
        found, _ = self._entries.find(
            EntryQuery(kinds=(Kind.CHANGE,), statuses=(Status.AWAITING_DECISION,), limit=1_000)
        )
        governance = self._programme.governance if self._programme else None

        def body(level_id: str) -> str:
            level = governance.level(level_id) if governance else None
            return (level.body or level.name) if level else ""

        return [
            AwaitingChangeRow(
                entry.ref,
                entry.title,
                str(entry.fields.get(LEVEL_FIELD, "")),
                body(str(entry.fields.get(LEVEL_FIELD, ""))),
                str(entry.fields.get("impact_scope", "")),
                str(entry.fields.get("impact_time", "")),
                str(entry.fields.get("impact_budget", "")),
                entry.updated_at,
            )
            for entry in sorted(found, key=lambda e: e.number or 0)
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
                item.audiences,
                item.recurrence,
                *_comms_changes(item),
            )
            for item in self._comms.between(start, end)
        ]

    def posts(self, start: datetime, end: datetime) -> list[PostRow]:
        if self._deliveries is None:
            return []
        rows = self._deliveries.between("comms:", start, end)
        items = {}
        for row in rows:
            item_id = int(row.item.partition(":")[2] or 0)
            if item_id not in items:
                items[item_id] = self._comms.get(item_id)
        posts = []
        for row in rows:
            item = items.get(int(row.item.partition(":")[2] or 0))
            if item is None:
                continue
            posts.append(
                PostRow(
                    item.id or 0,
                    item.title,
                    item.audiences,
                    row.target.platform,
                    row.target.channel,
                    row.status,
                    row.sent_at or row.due_at or row.claimed_at or start,
                    item.recurrence,
                )
            )
        return posts
