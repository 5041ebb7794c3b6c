"""The programme's organisation (programplan 6.1–6.2) and who handles what (7.4–7.8).

In the programme file, apart from the other sections:

    organisation:
      programme_manager: david          # programledare
      steering_group: [frida, gustav]   # programstyrgrupp
      programme_office: [bertil]        # programkontor
      projects:
        - {id: vim, name: "Verksamhetens införande & mottagande", lead: lena,
           units: [Avdelning 5, Akuten]}
    handling:                           # who handles what, and how they are told
      - {kind: need, group: Behovshantering, people: [helena],
         notify: {webchat: both, slack: dm}, channels: {webchat: fvis-behov}}
      - {kind: issue, project: vim}      # the project's lead when no people are named
      - {kind: issue, group: Programkontoret, people: [bertil]}

A rule may name a `project` and/or a `unit`; the most specific rule that matches an entry wins.
`notify` is `dm`, `channel` or `both`, for every platform or per platform.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from bot.domain.model import EscalationLevel, Kind

NotifyMode = Literal["dm", "channel", "both"]
NOTIFY_MODES: tuple[NotifyMode, ...] = ("dm", "channel", "both")
ANY_PLATFORM = "*"


class OrganisationError(ValueError):
    """The organisation or handling section is malformed; the message says where."""


def unit_key(unit: str) -> str:
    """Units compare by their words, whatever the case: "avdelning 5" is "Avdelning 5"."""
    return " ".join(
        unit.casefold().replace("avd.", "avdelning").replace("avd ", "avdelning ").split()
    )


@dataclass(frozen=True, slots=True)
class Project:
    id: str
    name: str
    lead: str = ""
    units: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HandlingRule:
    kind: Kind
    group: str
    people: tuple[str, ...]
    project: str = ""
    unit: str = ""
    notify: dict[str, NotifyMode] = field(default_factory=lambda: {ANY_PLATFORM: "dm"})
    channels: dict[str, str] = field(default_factory=dict)

    def mode(self, platform: str) -> NotifyMode:
        return self.notify.get(platform) or self.notify.get(ANY_PLATFORM) or "dm"

    def direct(self, platform: str) -> bool:
        return self.mode(platform) in ("dm", "both")

    def channel(self, platform: str) -> str:
        """The group's channel on this platform, when it is to be told there."""
        return self.channels.get(platform, "") if self.mode(platform) != "dm" else ""

    def specificity(self) -> int:
        return (2 if self.unit else 0) + (1 if self.project else 0)


@dataclass(frozen=True, slots=True)
class Organisation:
    programme_manager: str = ""
    steering_group: tuple[str, ...] = ()
    programme_office: tuple[str, ...] = ()
    projects: tuple[Project, ...] = ()
    handling: tuple[HandlingRule, ...] = ()

    def project(self, project_id: str) -> Project | None:
        return next((p for p in self.projects if p.id == project_id), None)

    def project_for_unit(self, unit: str) -> Project | None:
        wanted = unit_key(unit)
        if not wanted:
            return None
        return next((p for p in self.projects if wanted in {unit_key(u) for u in p.units}), None)

    def project_of(self, unit: str) -> str:
        """Which project answers for an entry follows from its unit: reporters are not asked."""
        found = self.project_for_unit(unit)
        return found.id if found is not None else ""

    def units(self) -> tuple[str, ...]:
        """Every unit the file names, for finding one in what people write."""
        named = [u for p in self.projects for u in p.units] + [r.unit for r in self.handling]
        return tuple(dict.fromkeys(u for u in named if u))

    def rule_for(self, kind: Kind, *, project: str = "", unit: str = "") -> HandlingRule | None:
        """The most specific rule for this kind that the entry's project and unit match."""
        matching = [
            rule
            for rule in self.handling
            if rule.kind is kind
            and (not rule.project or rule.project == project)
            and (not rule.unit or unit_key(rule.unit) == unit_key(unit))
        ]
        return max(matching, key=HandlingRule.specificity, default=None)

    def level_people(self, level: EscalationLevel, project: str = "") -> tuple[str, ...]:
        """Who answers for an issue at this level (the plan's rutin för ärendehantering)."""
        if level is EscalationLevel.PROJECT:
            found = self.project(project)
            return (found.lead,) if found is not None and found.lead else ()
        if level is EscalationLevel.PROGRAMME:
            return _unique((self.programme_manager, *self.programme_office))
        return _unique(self.steering_group)

    def handlers(self) -> frozenset[str]:
        """Everyone the organisation gives entries to handle: they may triage."""
        people = {p for rule in self.handling for p in rule.people}
        people |= {p.lead for p in self.projects if p.lead}
        people |= set(self.programme_office)
        return frozenset(people)


def _unique(ids: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in ids if i))


def parse_organisation(data: dict[str, Any], known: set[str]) -> Organisation:
    """Read `organisation` and `handling` from the programme file; `known` are the people's ids."""
    head = data.get("organisation") or {}
    if not isinstance(head, dict):
        raise OrganisationError("organisation: must be a mapping (programme_manager: …)")

    def person(value: Any, where: str) -> str:
        name = str(value or "")
        if name and name not in known:
            raise OrganisationError(f"{where}: {name!r} is not among people")
        return name

    def people(value: Any, where: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise OrganisationError(f"{where}: must be a list of people's ids ([anna, bertil])")
        return tuple(person(item, where) for item in value)

    projects = []
    for index, item in enumerate(_mappings(head.get("projects"), "organisation.projects")):
        where = f"organisation.projects[{index}]"
        if not item.get("id"):
            raise OrganisationError(f"{where}: 'id' is missing")
        units = item.get("units") or []
        if not isinstance(units, list):
            raise OrganisationError(f"{where}: units must be a list ([Avdelning 5, Akuten])")
        projects.append(
            Project(
                id=str(item["id"]),
                name=str(item.get("name") or item["id"]),
                lead=person(item.get("lead"), f"{where}.lead"),
                units=tuple(str(u) for u in units),
            )
        )
    organisation = Organisation(
        programme_manager=person(head.get("programme_manager"), "organisation.programme_manager"),
        steering_group=people(head.get("steering_group"), "organisation.steering_group"),
        programme_office=people(head.get("programme_office"), "organisation.programme_office"),
        projects=tuple(projects),
    )
    rules = tuple(
        _rule(item, f"handling[{index}]", organisation, people)
        for index, item in enumerate(_mappings(data.get("handling"), "handling"))
    )
    return Organisation(
        programme_manager=organisation.programme_manager,
        steering_group=organisation.steering_group,
        programme_office=organisation.programme_office,
        projects=organisation.projects,
        handling=rules,
    )


def _mappings(value: Any, where: str) -> list[dict[str, Any]]:
    value = value or []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise OrganisationError(f"{where}: must be a list of mappings (- id: …)")
    return value


def _rule(
    item: dict[str, Any], where: str, organisation: Organisation, people: Any
) -> HandlingRule:
    try:
        kind = Kind(str(item.get("kind") or ""))
    except ValueError:
        known = ", ".join(k.value for k in Kind)
        raise OrganisationError(f"{where}: kind must be one of {known}") from None
    project = str(item.get("project") or "")
    found = organisation.project(project) if project else None
    if project and found is None:
        raise OrganisationError(f"{where}: no project {project!r} in organisation.projects")
    named = people(item.get("people"), f"{where}.people")
    if not named and found is not None and found.lead:
        named = (found.lead,)
    if not named:
        raise OrganisationError(f"{where}: 'people' is missing (or a project with a lead)")
    notify = _notify(item.get("notify"), where)
    channels = item.get("channels") or {}
    if not isinstance(channels, dict):
        raise OrganisationError(f"{where}: channels must map platform to channel (slack: C0123)")
    channels = {str(k): str(v) for k, v in channels.items() if v}
    for platform, mode in notify.items():
        if mode != "dm" and platform != ANY_PLATFORM and platform not in channels:
            raise OrganisationError(f"{where}: notify {platform}: {mode} needs channels.{platform}")
    if notify.get(ANY_PLATFORM, "dm") != "dm" and not channels:
        raise OrganisationError(f"{where}: notify {notify[ANY_PLATFORM]} needs channels")
    return HandlingRule(
        kind=kind,
        group=str(item.get("group") or (found.name if found else kind.value)),
        people=named,
        project=project,
        unit=str(item.get("unit") or ""),
        notify=notify,
        channels=channels,
    )


def _notify(value: Any, where: str) -> dict[str, NotifyMode]:
    if value is None:
        return {ANY_PLATFORM: "dm"}
    pairs = {ANY_PLATFORM: value} if isinstance(value, str) else value
    if not isinstance(pairs, dict):
        raise OrganisationError(f"{where}: notify is dm, channel or both, or per platform")
    result: dict[str, NotifyMode] = {}
    for platform, mode in pairs.items():
        if mode not in NOTIFY_MODES:
            raise OrganisationError(f"{where}: notify must be dm, channel or both, not {mode!r}")
        result[str(platform)] = mode
    return result
