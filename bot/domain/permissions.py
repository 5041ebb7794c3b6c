"""Who may do what. Adapters never decide this; the core does, here."""

from __future__ import annotations

from bot.domain.model import Entry, Kind, Person, Role

_SEE_ALL = (Role.HANDLER, Role.PROJECT_LEAD)


def sees_all(person: Person) -> bool:
    return person.has(*_SEE_ALL)


def is_first_reporter(person: Person, entry: Entry) -> bool:
    return entry.reporter_platform == person.platform and entry.reporter_id == person.user_id


def is_reporter_of(person: Person, entry: Entry) -> bool:
    """The first reporter, or someone who reported the same thing and joined it."""
    return is_first_reporter(person, entry) or any(
        r.platform == person.platform and r.user_id == person.user_id for r in entry.co_reporters
    )


def is_follower(person: Person, entry: Entry) -> bool:
    """Told of it as the level it was escalated to (the programme steering group)."""
    return bool(person.key) and person.key in entry.followers


def is_owner_of(person: Person, entry: Entry) -> bool:
    """The programme person a risk is assigned to (programplan 7.8: the risk owner)."""
    return (
        bool(person.key) and entry.kind is Kind.RISK and entry.fields.get("owner_id") == person.key
    )


def can_read(person: Person, entry: Entry) -> bool:
    # Deviations follow the same rule: their reporters, handlers, project leads and the level
    # an issue was escalated to; a risk also its owner.
    return (
        sees_all(person)
        or is_reporter_of(person, entry)
        or is_follower(person, entry)
        or is_owner_of(person, entry)
    )


def can_triage(person: Person) -> bool:
    return person.has(*_SEE_ALL)


def can_comment(person: Person, entry: Entry) -> bool:
    return can_read(person, entry)


def audited_read(entry: Entry) -> bool:
    return entry.kind is Kind.DEVIATION
