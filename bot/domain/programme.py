"""Programme data: benefit objectives, milestones, audiences and people with their roles."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from bot.domain.errors import ProgrammeError as ProgrammeError  # re-exported for callers
from bot.domain.governance import Governance, parse_governance
from bot.domain.model import Person, Role
from bot.domain.organisation import Organisation, OrganisationError, parse_organisation


@dataclass(frozen=True, slots=True)
class Milestone:
    id: str
    title: str
    date: str
    kind: str = "milestone"
    owner: str = ""
    # Invented for the demo (`demo: true` in the file): never in a steering group's report.
    demo: bool = False


@dataclass(frozen=True, slots=True)
class Audience:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class PersonRecord:
    id: str
    name: str
    roles: frozenset[Role]
    locale: str = "sv"
    title: str = ""
    accounts: dict[str, str] = field(default_factory=dict)
    email: str = ""  # how a web chat sign-in (OpenID Connect) finds this person
    unit: str = ""  # where the person works: prefilled when they log something


@dataclass(frozen=True, slots=True)
class Programme:
    name: str
    title: str
    organisation: str
    channel: str
    deviation_system_url: str
    # The programme channel on each platform: {"webchat": "fvis-program", "slack": "C0123…"}.
    channels: dict[str, str]
    benefits: dict[int, str]
    milestones: tuple[Milestone, ...]
    audiences: tuple[Audience, ...]
    people: tuple[PersonRecord, ...]
    raw: dict[str, Any] = field(default_factory=dict, compare=False)
    # Deciding bodies, outcomes, change-request levels, units (bot/domain/governance.py).
    governance: Governance = field(default_factory=Governance)
    # The programme's organisation and who handles what (`organisation:` and `handling:` in the
    # file; `organisation` above is the region's name).
    org: Organisation = field(default_factory=Organisation)

    def person(self, person_id: str) -> PersonRecord | None:
        return next((p for p in self.people if p.id == person_id), None)

    def person_for(self, platform: str, user_id: str) -> PersonRecord | None:
        for person in self.people:
            if person.accounts.get(platform) == user_id:
                return person
        # A signed-in web chat user is known by the email address the programme file gives.
        return self.person_by_email(user_id) if "@" in user_id else None

    def person_by_email(self, *addresses: str) -> PersonRecord | None:
        """The person whose `email:` is one of these addresses, compared case-insensitively."""
        wanted = {address.strip().casefold() for address in addresses if address.strip()}
        for person in self.people:
            if person.email and person.email.casefold() in wanted:
                return person
        return None

    def find_person(self, name: str) -> PersonRecord | None:
        """By id or by (a unique start of) the name, case-insensitively."""
        wanted = name.strip().lstrip("@").casefold()
        if not wanted:
            return None
        for person in self.people:
            if person.id.casefold() == wanted or person.name.casefold() == wanted:
                return person
        matches = [p for p in self.people if p.name.casefold().startswith(wanted)]
        return matches[0] if len(matches) == 1 else None


def demo_programme_data() -> dict[str, Any]:
    text = resources.files("bot").joinpath("demo/programme.yaml").read_text(encoding="utf-8")
    return _load_yaml(text, "demo/programme.yaml")


def read_programme_file(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ProgrammeError(f"cannot read {path}: {error.strerror}") from None
    data = _load_yaml(text, str(path))
    parse_programme(data)  # validate before anyone stores it
    return data


def _load_yaml(text: str, name: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ProgrammeError(f"{name} is not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise ProgrammeError(f"{name} must be a mapping with programme, benefits, people …")
    return data


def parse_programme(data: dict[str, Any]) -> Programme:
    head = _require(data, "programme", "programme file")
    try:
        benefits = {int(k): str(v) for k, v in (data.get("benefits") or {}).items()}
    except (TypeError, ValueError, AttributeError):
        raise ProgrammeError("benefits: keys must be the numbers 1–5") from None
    people = [_person(item, f"people[{i}]") for i, item in enumerate(_items(data, "people"))]
    try:
        organisation = parse_organisation(data, {p.id for p in people})
    except OrganisationError as error:
        raise ProgrammeError(str(error)) from None
    people = _with_organisation_roles(people, organisation)
    milestones = tuple(
        Milestone(
            id=str(_require(item, "id", f"milestones[{i}]")),
            title=str(_require(item, "title", f"milestones[{i}]")),
            date=str(_require(item, "date", f"milestones[{i}]")),
            kind=str(item.get("kind") or "milestone"),
            owner=str(item.get("owner") or ""),
            demo=item.get("demo") is True,
        )
        for i, item in enumerate(_items(data, "milestones"))
    )
    audiences = tuple(
        Audience(id=str(_require(item, "id", f"audiences[{i}]")), name=str(item.get("name") or ""))
        for i, item in enumerate(_items(data, "audiences"))
    )
    return Programme(
        name=str(_require(head, "name", "programme")),
        title=str(head.get("title") or ""),
        organisation=str(head.get("organisation") or ""),
        channel=str(head.get("channel") or ""),
        channels=_channels(head),
        deviation_system_url=str(head.get("deviation_system_url") or ""),
        benefits=benefits,
        milestones=milestones,
        audiences=audiences,
        people=tuple(people),
        raw=data,
        governance=parse_governance(data, _items(data, "milestones")),
        org=organisation,
    )


def _require(mapping: Any, key: str, where: str) -> Any:
    if not isinstance(mapping, dict) or key not in mapping or mapping[key] in (None, ""):
        raise ProgrammeError(f"{where}: '{key}' is missing")
    return mapping[key]


def _items(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ProgrammeError(f"{key}: must be a list of mappings (- id: …)")
    return value


def _person(item: dict[str, Any], where: str) -> PersonRecord:
    roles: set[Role] = {Role.REPORTER}
    if not isinstance(item.get("roles") or [], list):
        raise ProgrammeError(f"{where}: roles must be a list ([handler, project_lead])")
    for role in item.get("roles") or []:
        try:
            roles.add(Role(role))
        except ValueError:
            known = ", ".join(r.value for r in Role)
            raise ProgrammeError(f"{where}: unknown role {role!r} (known: {known})") from None
    accounts = item.get("accounts") or {}
    if not isinstance(accounts, dict):
        raise ProgrammeError(f"{where}: accounts must map platform to user id (webchat: anna)")
    return PersonRecord(
        id=str(_require(item, "id", where)),
        name=str(_require(item, "name", where)),
        roles=frozenset(roles),
        locale=str(item.get("locale") or "sv"),
        title=str(item.get("title") or ""),
        accounts={str(k): str(v) for k, v in accounts.items()},
        email=_email(item.get("email"), where),
        unit=str(item.get("unit") or ""),
    )


def _email(value: Any, where: str) -> str:
    if value in (None, ""):
        return ""
    text = str(value).strip()
    local, at, domain = text.partition("@")
    if not (local and at and "." in domain) or any(c.isspace() for c in text):
        raise ProgrammeError(f"{where}: email {text!r} is not an address like anna@region.se")
    return text


def _with_organisation_roles(
    people: list[PersonRecord], organisation: Organisation
) -> list[PersonRecord]:
    """Whoever the organisation gives entries to handle may triage them; the programme manager
    leads as a project lead does. The file need not say it twice."""
    handlers = organisation.handlers()
    result = []
    for person in people:
        roles = set(person.roles)
        if person.id in handlers:
            roles.add(Role.HANDLER)
        if person.id == organisation.programme_manager:
            roles |= {Role.HANDLER, Role.PROJECT_LEAD}
        result.append(dataclasses.replace(person, roles=frozenset(roles)))
    return result


def _channels(head: dict[str, Any]) -> dict[str, str]:
    channels = head.get("channels") or {}
    if not isinstance(channels, dict):
        raise ProgrammeError("programme.channels must map platform to channel (slack: C0123)")
    result = {str(k): str(v) for k, v in channels.items() if v}
    if head.get("channel"):
        result.setdefault("webchat", str(head["channel"]))
    return result


# Entra ID app roles (the `roles` claim) and the roles they give; the README lists them.
DIRECTORY_ROLES = {
    "FVIS.Reporter": Role.REPORTER,
    "FVIS.Handler": Role.HANDLER,
    "FVIS.Communicator": Role.COMMUNICATOR,
    "FVIS.ProjectLead": Role.PROJECT_LEAD,
    "FVIS.Admin": Role.ADMIN,
}


def roles_from_directory(names: tuple[str, ...]) -> frozenset[Role]:
    """Everyone is a reporter; app roles this bot does not know give nothing more."""
    return frozenset({Role.REPORTER, *(DIRECTORY_ROLES[n] for n in names if n in DIRECTORY_ROLES)})


def person_from(
    programme: Programme,
    platform: str,
    user_id: str,
    name: str = "",
    directory_roles: tuple[str, ...] | None = None,
) -> Person:
    """Everyone is a reporter; a verified sign-in's app roles, else the programme file, give
    the other roles."""
    record = programme.person_for(platform, user_id)
    roles = None if directory_roles is None else roles_from_directory(directory_roles)
    if record is None:
        return Person(
            platform=platform,
            user_id=user_id,
            name=name or user_id,
            roles=roles or frozenset({Role.REPORTER}),
        )
    return Person(
        platform=platform,
        user_id=user_id,
        name=record.name,
        roles=record.roles if roles is None else roles,
        locale=record.locale,
        key=record.id,
    )
