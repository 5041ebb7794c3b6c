"""Who a command-line command acts as."""

from __future__ import annotations

from bot.domain.model import Person, Role
from bot.domain.programme import Programme
from bot.i18n.catalogue import t

OPERATOR_ROLES = frozenset({Role.REPORTER, Role.PROJECT_LEAD, Role.ADMIN})


def operator(name: str = "", programme: Programme | None = None, locale: str = "sv") -> Person:
    """The person a command acts for. The command line is run by whoever operates the server:
    they see and may change everything, under the name they give (`--as`, else
    FVIS_OPERATOR_NAME), never the operating-system user's. A name the programme file knows is
    that person, with that person's rights: a report made `--as anna` is the one Anna would get.
    """
    record = programme.find_person(name) if programme and name else None
    if record is not None:
        return Person(
            platform="cli",
            user_id=record.id,
            name=record.name,
            roles=record.roles,
            locale=record.locale,
            key=record.id,
        )
    shown = name.strip() or t(locale, "cli.operator")
    return Person(platform="cli", user_id="operator", name=shown, roles=OPERATOR_ROLES)
