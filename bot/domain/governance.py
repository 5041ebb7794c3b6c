"""How the programme governs, as its file says: the deciding body and the outcomes of each
decision point (programplan 5.4, 6.1), who decides change requests (7.5), and who in the line
organisation hears of a unit's deviations (7.7).

The outcomes are the plan's own words ("starta", "godkänna", "fortsätta, ändra eller avbryta",
"avsluta"): a decision records the words given, never another word it is supposed to mean.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.domain.errors import ProgrammeError
from bot.domain.model import Kind, Person, Status

# One group per "Beslut att …" sentence of the plan; a group's words are alternatives. A word
# may stand in several groups (B5-L2 approves two deliveries: [[godkänna], [godkänna], …]).
Outcomes = tuple[tuple[str, ...], ...]

_SPLIT_GROUPS = re.compile(r"\s*;\s*")
_SPLIT_WORDS = re.compile(r"\s*(?:,|\||\beller\b|\bor\b)\s*")


def fold(word: str) -> str:
    """For matching what people type: case and å/ä/ö folded ("fortsatta" is "fortsätta")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().strip(" .,:;"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def parse_outcomes(value: Any, where: str) -> Outcomes:
    """`[starta]`, `[[godkänna], [fortsätta, ändra, avbryta]]` or the text
    "godkänna; fortsätta, ändra eller avbryta" as outcome groups."""
    if value in (None, "", []):
        return ()
    if isinstance(value, str):
        groups = [_SPLIT_WORDS.split(part) for part in _SPLIT_GROUPS.split(value.strip())]
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        groups = [list(value)]
    elif isinstance(value, list) and all(isinstance(item, list) for item in value):
        groups = value
    else:
        raise ProgrammeError(
            f"{where}: outcomes must be a list of words ([starta]) or of lists "
            "([[godkänna], [fortsätta, ändra, avbryta]])"
        )
    result = tuple(
        tuple(str(word).strip() for word in group if str(word).strip()) for group in groups
    )
    result = tuple(group for group in result if group)
    for group in result:
        if len({fold(word) for word in group}) != len(group):
            raise ProgrammeError(f"{where}: an alternative is given twice in {list(group)}")
    words = [fold(word) for group in result for word in group]
    if any(" " in word for word in words):
        raise ProgrammeError(f"{where}: an outcome is one word (godkänna, fortsätta …)")
    return result


@dataclass(frozen=True, slots=True)
class Deciders:
    """Who may record a decision: people by their programme-file id, or by role."""

    roles: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()

    def allow(self, person: Person) -> bool:
        if person.key and person.key in self.people:
            return True
        return any(role.value in self.roles for role in person.roles)

    def describe(self) -> str:
        return ", ".join(sorted(self.people) + sorted(self.roles))


@dataclass(frozen=True, slots=True)
class ChangeLevel:
    """A level of change request (by the size of its impact) and who decides it."""

    id: str
    name: str
    body: str
    deciders: Deciders


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of the line organisation: who is medically responsible and who is its manager."""

    name: str
    aliases: tuple[str, ...] = ()
    medically_responsible: tuple[str, ...] = ()
    line_manager: str = ""

    def matches(self, text: str) -> bool:
        wanted = " ".join(fold(text).split())
        return any(" ".join(fold(name).split()) == wanted for name in (self.name, *self.aliases))


@dataclass(frozen=True, slots=True)
class Governance:
    decision_body: str = ""
    # Per decision point id: its outcomes and, where it differs, its deciding body.
    outcomes: dict[str, Outcomes] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)
    change_levels: tuple[ChangeLevel, ...] = ()
    change_source: str = ""
    units: tuple[Unit, ...] = ()
    demo: bool = False  # the programme file is demo data and says so

    def body_of(self, milestone_id: str) -> str:
        return self.bodies.get(milestone_id) or self.decision_body

    def level(self, level_id: str) -> ChangeLevel | None:
        wanted = fold(level_id)
        return next((lv for lv in self.change_levels if fold(lv.id) == wanted), None)

    def unit_for(self, text: str) -> Unit | None:
        return next((unit for unit in self.units if unit.matches(text)), None)


# Statuses only a decision gives (programplan 7.5) or only a handover (7.8).
_BY_DECISION = frozenset({Status.AWAITING_DECISION, Status.APPROVED, Status.POSTPONED})
_CHANGE_REFUSED = frozenset({*_BY_DECISION, Status.REJECTED, Status.RESOLVED})


def status_refusal(kind: Kind, status: Status) -> str | None:
    """The text key that explains why `status REF <status>` may not set this status, or None.

    A change request's status comes from its decision (`till beslut`, `beslut`), never from a
    handler's `status`; the decision statuses belong to change requests only, and "handed to
    the line organisation" to risks, by their own command."""
    if kind is Kind.CHANGE and status in _CHANGE_REFUSED:
        return "change.status_by_decision"
    if kind is not Kind.CHANGE and status in _BY_DECISION:
        return "status.not_for_kind"
    if status is Status.HANDED_TO_LINE:
        return "risk.status_by_handover" if kind is Kind.RISK else "status.not_for_kind"
    return None


def parse_governance(data: dict[str, Any], milestones: Iterable[dict[str, Any]]) -> Governance:
    head = data.get("governance") or {}
    if not isinstance(head, dict):
        raise ProgrammeError("governance: must be a mapping (decision_body, change_requests …)")
    outcomes: dict[str, Outcomes] = {}
    bodies: dict[str, str] = {}
    for index, item in enumerate(milestones):
        where = f"milestones[{index}]"
        key = str(item.get("id") or "")
        if item.get("outcomes") not in (None, "", []):
            outcomes[key] = parse_outcomes(item.get("outcomes"), where)
        if item.get("decided_by"):
            bodies[key] = str(item["decided_by"])
    changes = head.get("change_requests") or {}
    if not isinstance(changes, dict):
        raise ProgrammeError("governance.change_requests: must be a mapping with levels")
    demo = data.get("demo")
    return Governance(
        decision_body=str(head.get("decision_body") or ""),
        outcomes=outcomes,
        bodies=bodies,
        change_levels=tuple(
            _level(item, f"governance.change_requests.levels[{i}]")
            for i, item in enumerate(_mappings(changes.get("levels"), "change_requests.levels"))
        ),
        change_source=str(changes.get("source") or ""),
        units=tuple(
            _unit(item, f"governance.units[{i}]")
            for i, item in enumerate(_mappings(head.get("units"), "governance.units"))
        ),
        demo=bool(demo),
    )


def _mappings(value: Any, where: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ProgrammeError(f"{where}: must be a list of mappings (- id: …)")
    return value


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list):
        raise ProgrammeError(f"{where}: must be a list")
    return tuple(str(item) for item in value)


def _level(item: dict[str, Any], where: str) -> ChangeLevel:
    deciders = item.get("deciders") or {}
    if not isinstance(deciders, dict):
        raise ProgrammeError(f"{where}.deciders: must be {{roles: [...], people: [...]}}")
    spec = Deciders(
        roles=frozenset(_strings(deciders.get("roles"), f"{where}.deciders.roles")),
        people=frozenset(_strings(deciders.get("people"), f"{where}.deciders.people")),
    )
    if not item.get("id") or not (spec.roles or spec.people):
        raise ProgrammeError(f"{where}: needs an id and deciders (roles or people)")
    return ChangeLevel(
        id=str(item["id"]),
        name=str(item.get("name") or item["id"]),
        body=str(item.get("body") or ""),
        deciders=spec,
    )


def _unit(item: dict[str, Any], where: str) -> Unit:
    if not item.get("name"):
        raise ProgrammeError(f"{where}: 'name' is missing")
    return Unit(
        name=str(item["name"]),
        aliases=_strings(item.get("aliases"), f"{where}.aliases"),
        medically_responsible=_strings(
            item.get("medically_responsible"), f"{where}.medically_responsible"
        ),
        line_manager=str(item.get("line_manager") or ""),
    )
