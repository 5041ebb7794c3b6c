"""Who a command-line command acts as."""

from __future__ import annotations

import getpass

from bot.domain.model import Person, Role


def operator() -> Person:
    # The command line is run by whoever operates the server: they see and may change everything.
    return Person(
        platform="cli",
        user_id=getpass.getuser(),
        name=f"{getpass.getuser()} (CLI)",
        roles=frozenset({Role.REPORTER, Role.PROJECT_LEAD, Role.ADMIN}),
    )
