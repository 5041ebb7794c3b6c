"""Ports of the programme's governance: the decisions on change requests (programplan 7.5), which
enter the decision log beside the decision points' (5.4)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

CHANGE_OUTCOMES = ("approved", "rejected", "postponed")  # beviljad, avslagen, vilande


@dataclass(frozen=True, slots=True)
class ChangeDecision:
    entry_id: int
    ref: str  # ÄND-2
    title: str  # the change request's title when it was decided
    level: str  # the programme file's level id (governance.change_requests.levels)
    outcome: str  # approved | rejected | postponed
    decided_by: str  # the deciding body or role of that level (Programstyrgruppen)
    decider: str  # who decided and recorded it: platform:user_id …
    decider_name: str  # … and their name
    decided_on: date
    motivation: str
    recorded_at: datetime
    id: int | None = None


class ChangeDecisionStore(Protocol):
    def add(self, decision: ChangeDecision) -> ChangeDecision: ...

    def between(self, start: datetime | None, end: datetime | None) -> list[ChangeDecision]:
        """Recorded in [start, end), oldest first; None leaves that side open."""

    def of_entry(self, entry_id: int) -> list[ChangeDecision]: ...
