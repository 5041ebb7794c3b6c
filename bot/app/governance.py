"""Building the programme's governance from the stores: change requests decided (programplan
7.5). The composition root (bot/app/build.py) calls this; it sees only the core's protocols."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.app.stores import Stores
from bot.config import Settings
from bot.delivery.routing import NotifierRouter
from bot.domain.messages import Target
from bot.domain.programme import Programme
from bot.entries.changes import ChangeRequestService
from bot.ports.clock import Clock


@dataclass(frozen=True, slots=True)
class GovernanceSide:
    changes: ChangeRequestService


def governance_side(
    settings: Settings,
    programme: Programme,
    clock: Clock,
    notifier: NotifierRouter,
    stores: Stores,
    targets: Sequence[Target],
) -> GovernanceSide:
    changes = ChangeRequestService(
        entries=stores.entries,
        decisions=stores.change_decisions,
        audit=stores.audit,
        uow=stores.uow,
        notifier=notifier,
        clock=clock,
        programme=programme,
        timezone=settings.timezone,
        platforms=lambda: notifier.platforms,
        programme_targets=targets,
    )
    return GovernanceSide(changes)
