"""Ports of the programme plan: milestones and decisions, the communication plan,
personal reminders, and the neutral plan rows reports read."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol


@dataclass(slots=True)
class CommsItem:
    title: str
    body: str
    audiences: tuple[str, ...]
    channels: tuple[str, ...]
    send_at: datetime
    author: str  # platform:user_id
    author_name: str
    body_en: str = ""
    recurrence: str = ""  # "" | "weekly"
    status: str = "draft"
    last_editor: str = ""
    approved_by: str = ""
    approved_by_name: str = ""
    approved_at: datetime | None = None
    withdrawn_by: str = ""
    withdrawn_at: datetime | None = None
    cancelled_by: str = ""
    cancelled_at: datetime | None = None
    published_at: datetime | None = None
    version: int = 1
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None

    @property
    def ref(self) -> str:
        return f"KOM-{self.id}"

    @property
    def item(self) -> str:
        return f"comms:{self.id}"

    @property
    def job(self) -> str:
        """This occurrence's delivery job: a weekly item has one per week."""
        return f"comms:{self.id}:{self.send_at.isoformat()}"


class CommsStore(Protocol):
    def add(self, item: CommsItem) -> CommsItem: ...

    def get(self, item_id: int) -> CommsItem | None: ...

    def update(self, item: CommsItem) -> bool:
        """Store changes if nobody changed it since it was read (version); bumps the version."""

    def due(self, now: datetime) -> list[CommsItem]: ...

    def with_status(self, statuses: Collection[str], limit: int = 1000) -> list[CommsItem]: ...

    def between(self, start: datetime, end: datetime) -> list[CommsItem]: ...


@dataclass(slots=True)
class MilestoneRecord:
    id: str
    title: str
    kind: str
    due: date
    due_text: str
    owner: str  # the programme file's person id
    source: str  # "programme" | "chat"
    known_since: datetime
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    milestone_id: str
    outcome: str
    motivation: str
    recorded_by: str
    recorded_by_name: str
    recorded_at: datetime


class MilestoneStore(Protocol):
    def all(self) -> list[MilestoneRecord]: ...

    def get(self, milestone_id: str) -> MilestoneRecord | None: ...

    def save(self, milestone: MilestoneRecord) -> None: ...

    def add_decision(self, decision: Decision) -> None: ...

    def decisions(self, start: datetime | None, end: datetime | None) -> list[Decision]: ...

    def latest_decisions(self) -> dict[str, Decision]: ...


@dataclass(slots=True)
class PersonalReminder:
    platform: str
    user_id: str
    locale: str
    text: str
    due_at: datetime
    status: str = "scheduled"  # scheduled | done | cancelled
    created_at: datetime | None = None
    id: int | None = None

    @property
    def job(self) -> str:
        return f"remind:{self.id}"


class ReminderStore(Protocol):
    def add(self, reminder: PersonalReminder) -> PersonalReminder: ...

    def get(self, reminder_id: int) -> PersonalReminder | None: ...

    def due(self, now: datetime) -> list[PersonalReminder]: ...

    def scheduled(self) -> list[PersonalReminder]: ...

    def of_person(self, platform: str, user_id: str) -> list[PersonalReminder]: ...

    def set_status(self, reminder_id: int, status: str) -> None: ...


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
