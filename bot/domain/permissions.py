"""Who may do what. Adapters never decide this; the core does, here."""

from __future__ import annotations

from bot.domain.model import Entry, Kind, Person, Role

_SEE_ALL = (Role.HANDLER, Role.PROJECT_LEAD)


def sees_all(person: Person) -> bool:
    return person.has(*_SEE_ALL)


def is_reporter_of(person: Person, entry: Entry) -> bool:
    return entry.reporter_platform == person.platform and entry.reporter_id == person.user_id


def is_owner_of(person: Person, entry: Entry) -> bool:
    """The programme person a risk is assigned to (programplan 7.8: the risk owner)."""
    return (
        bool(person.key) and entry.kind is Kind.RISK and entry.fields.get("owner_id") == person.key
    )


def can_read(person: Person, entry: Entry) -> bool:
    # Deviations follow the same rule: their reporter, handlers and project leads.
    return sees_all(person) or is_reporter_of(person, entry) or is_owner_of(person, entry)


def can_triage(person: Person) -> bool:
    return person.has(*_SEE_ALL)


def can_comment(person: Person, entry: Entry) -> bool:
    return can_read(person, entry)


def audited_read(entry: Entry) -> bool:
    return entry.kind is Kind.DEVIATION
