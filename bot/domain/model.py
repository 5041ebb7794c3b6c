"""The domain model: entries of five kinds, their statuses, people and roles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    NEED = "need"
    ISSUE = "issue"
    DEVIATION = "deviation"
    RISK = "risk"
    CHANGE = "change"

    @property
    def prefix(self) -> str:
        return _PREFIX[self]


_PREFIX = {
    Kind.NEED: "BEH",
    Kind.ISSUE: "ÄRE",
    Kind.DEVIATION: "AVV",
    Kind.RISK: "RIS",
    Kind.CHANGE: "ÄND",
}
# ASCII spellings people type on keyboards without å/ä/ö.
_PREFIX_ALIASES = {
    "BEH": Kind.NEED,
    "ÄRE": Kind.ISSUE,
    "ARE": Kind.ISSUE,
    "AVV": Kind.DEVIATION,
    "RIS": Kind.RISK,
    "ÄND": Kind.CHANGE,
    "AND": Kind.CHANGE,
}
REF_PATTERN = re.compile(r"\b(BEH|ÄRE|ARE|AVV|RIS|ÄND|AND)[- ]?(\d{1,9})\b", re.IGNORECASE)


# The actor of a change made by a rule, not a person: "rule:risk_value" (an automatic escalation).
RULE_ACTOR = "rule:"


def parse_ref(text: str) -> tuple[Kind, int] | None:
    """`BEH-12`, `are 7`, `ÄND-2` → (kind, number); None if the text holds no reference."""
    match = REF_PATTERN.search(text.strip())
    if not match:
        return None
    return _PREFIX_ALIASES[match.group(1).upper()], int(match.group(2))


def format_ref(kind: Kind, number: int) -> str:
    return f"{kind.prefix}-{number}"


class Status(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REJECTED = "rejected"  # a change request: avslagen by its decision; else avvisad in triage
    # Programplan 7.5: a change request is decided (bot/entries/changes.py).
    AWAITING_DECISION = "awaiting_decision"
    APPROVED = "approved"
    POSTPONED = "postponed"
    # Programplan 7.8: a risk the programme generates but cannot handle itself.
    HANDED_TO_LINE = "handed_to_line"


class EscalationLevel(StrEnum):
    PROJECT = "project"
    PROGRAMME = "programme"
    STEERING_GROUP = "steering_group"

    def next(self) -> EscalationLevel | None:
        order = list(EscalationLevel)
        index = order.index(self)
        return order[index + 1] if index + 1 < len(order) else None


class Role(StrEnum):
    REPORTER = "reporter"
    HANDLER = "handler"
    COMMUNICATOR = "communicator"
    PROJECT_LEAD = "project_lead"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the bot talks to, as known on one platform."""

    platform: str
    user_id: str
    name: str
    roles: frozenset[Role] = frozenset({Role.REPORTER})
    locale: str = "sv"
    key: str = ""  # the programme file's id for this person, shared across platforms

    @property
    def qualified_id(self) -> str:
        return f"{self.platform}:{self.user_id}"

    def has(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))


@dataclass(slots=True)
class Comment:
    author_id: str
    author_name: str
    text: str
    at: datetime


@dataclass(slots=True)
class Change:
    actor_id: str
    actor_name: str
    field: str
    old: str
    new: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Reporter:
    """Someone who reported the same thing later and joined the entry ("Samma sak – lägg till mig")."""

    platform: str
    user_id: str
    name: str
    channel: str = ""
    thread: str = ""

    @property
    def qualified_id(self) -> str:
        return f"{self.platform}:{self.user_id}"


@dataclass(slots=True)
class Entry:
    kind: Kind
    title: str
    fields: dict[str, Any]
    reporter_platform: str
    reporter_id: str
    reporter_name: str
    source_platform: str = ""
    source_channel: str = ""
    source_link: str = ""
    # The thread it was logged in (a Slack or Teams thread), where its notices go; "" for a chat.
    source_thread: str = ""
    status: Status = Status.NEW
    assignee: str = ""
    escalation_level: EscalationLevel = EscalationLevel.PROJECT
    flags: list[str] = field(default_factory=list)
    id: int | None = None
    number: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    comments: list[Comment] = field(default_factory=list)
    history: list[Change] = field(default_factory=list)
    # Who else reported it, and who was told of it as a level it was escalated to (programme ids).
    co_reporters: list[Reporter] = field(default_factory=list)
    followers: list[str] = field(default_factory=list)
    reporter_count: int = 1

    @property
    def ref(self) -> str:
        return format_ref(self.kind, self.number or 0)

    @property
    def reporter_qualified_id(self) -> str:
        return f"{self.reporter_platform}:{self.reporter_id}"
