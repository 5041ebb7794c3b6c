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
    due_text: str  # as written: "2020-Q4" stays a quarter wherever it is shown
    owner: str  # the programme file's person id
    source: str  # "programme" | "chat"
    known_since: datetime
    created_at: datetime | None = None
    updated_at: datetime | None = None
    # A decision point's outcomes, in the plan's words: one group per "Beslut att …" sentence.
    outcomes: tuple[tuple[str, ...], ...] = ()
    decided_by: str = ""  # the deciding body, when it differs from the programme's
    # A milestone (not a decision point) is marked reached by its owner or a project lead.
    reached_at: datetime | None = None
    reached_by: str = ""  # platform:user_id
    reached_by_name: str = ""


@dataclass(frozen=True, slots=True)
class Decision:
    milestone_id: str
    outcome: str  # the plan's words as given, ", "-separated: "godkänna, fortsätta"
    motivation: str
    recorded_by: str  # who recorded it (platform:user_id) …
    recorded_by_name: str
    recorded_at: datetime
    decided_by: str = ""  # … and the body that decided (Programstyrgruppen)
    decided_on: date | None = None  # the day it was decided, when not the day it was recorded


class MilestoneStore(Protocol):
    def all(self) -> list[MilestoneRecord]: ...

    def get(self, milestone_id: str) -> MilestoneRecord | None: ...

    def save(self, milestone: MilestoneRecord) -> None: ...

    def add_decision(self, decision: Decision) -> None: ...

    def decisions(self, start: datetime | None, end: datetime | None) -> list[Decision]: ...

    def latest_decisions(self) -> dict[str, Decision]: ...

    def mark_reached(self, milestone_id: str, by: str, by_name: str, at: datetime) -> None: ...


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
    due: date  # a quarter's last working day …
    owner: str
    decided: bool = False
    due_text: str = ""  # … and the date as the plan gives it: show this ("2020-Q4")
    reached: bool = False  # a milestone marked reached
    # The bot knew of it before its date: undecided after it, it is late (not just unrecorded).
    tracked: bool = True
    # For calendars (RFC 5545 DTSTAMP and SEQUENCE): when it last changed, and a number that
    # grows with every change, so a subscribed calendar can tell a new version from an old one.
    changed_at: datetime | None = None
    sequence: int = 0
    demo: bool = False  # invented for the demo programme (its file says `demo: true`)


@dataclass(frozen=True, slots=True)
class DecisionRow:
    """One row of the decision log: a decision point's decision or a change request's."""

    milestone_id: str  # the decision point (B4) or the change request (ÄND-2)
    milestone_title: str
    outcome: str  # the plan's words ("godkänna, starta") or a change request's approved|rejected|postponed
    motivation: str
    recorded_by: str  # who recorded it
    recorded_at: datetime
    decided_by: str = ""  # the deciding body or decision-maker
    decided_on: date | None = None
    subject: str = "decision_point"  # "decision_point" | "change_request"


@dataclass(frozen=True, slots=True)
class CommsRow:
    id: int
    title: str
    status: str  # draft | awaiting_approval | approved | published | failed | cancelled | withdrawn
    send_at: datetime | None
    channels: tuple[str, ...]
    published_at: datetime | None = None
    audiences: tuple[str, ...] = ()  # the programme file's audience ids
    recurrence: str = ""  # "" | "weekly"
    changed_at: datetime | None = None  # as MilestoneRow's
    sequence: int = 0


@dataclass(frozen=True, slots=True)
class PostRow:
    """One post of an announcement on one channel, as the delivery log has it."""

    item_id: int
    title: str
    audiences: tuple[str, ...]
    platform: str
    channel: str
    status: str  # sent | waiting | failed | missed | withdrawn | claimed …
    at: datetime  # when it went out (sent), else when it was due
    recurrence: str = ""


@dataclass(frozen=True, slots=True)
class AwaitingChangeRow:
    """A change request awaiting decision (programplan 7.5), for the steering group's view."""

    ref: str
    title: str
    level: str  # the programme file's level id
    decided_by: str  # the body or role of that level
    impact_scope: str
    impact_time: str
    impact_budget: str
    since: datetime | None


class PlanSource(Protocol):
    def milestones(self) -> list[MilestoneRow]: ...

    def decisions(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[DecisionRow]:
        """The decision log: decision points' and change requests' decisions, oldest first."""

    def awaiting_changes(self) -> list[AwaitingChangeRow]: ...

    def comms(self, start: datetime, end: datetime) -> list[CommsRow]: ...

    def posts(self, start: datetime, end: datetime) -> list[PostRow]:
        """Posts of announcements sent, or due and not sent, in [start, end)."""
