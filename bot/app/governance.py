"""Building the programme's governance from the stores: change requests decided (programplan
7.5), go-live deviations referred to the region's system (7.7), risks owned and reviewed (7.8).
The composition root (bot/app/build.py) calls this; it sees only the core's protocols."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time

from bot.app.stores import Stores
from bot.config import Settings
from bot.delivery.claims import Dispatcher
from bot.delivery.routing import NotifierRouter
from bot.delivery.scheduler import Scheduler
from bot.domain.ids import new_id
from bot.domain.messages import Target
from bot.domain.programme import Programme
from bot.entries.changes import ChangeRequestService
from bot.entries.deviations import DeviationService
from bot.entries.risks import RiskService
from bot.entries.service import EntryService
from bot.ports.clock import Clock


@dataclass(frozen=True, slots=True)
class GovernanceSide:
    changes: ChangeRequestService
    risks: RiskService
    deviations: DeviationService


def governance_side(
    settings: Settings,
    programme: Programme,
    clock: Clock,
    notifier: NotifierRouter,
    stores: Stores,
    targets: Sequence[Target],
    *,
    entries: EntryService,
    scheduler: Scheduler,
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
    dispatcher = Dispatcher(
        log=stores.deliveries,
        notifier=notifier,
        platforms=lambda: notifier.platforms,
        clock=clock,
        run_id=new_id(),
    )
    hour, minute = (int(part) for part in settings.reminder_time.split(":"))
    risks = RiskService(
        entries=stores.entries,
        audit=stores.audit,
        uow=stores.uow,
        dispatcher=dispatcher,
        notifier=notifier,
        clock=clock,
        programme=programme,
        timezone=settings.timezone,
        at=time(hour, minute),
        platforms=lambda: notifier.platforms,
    )
    deviations = DeviationService(
        service=entries, dispatcher=dispatcher, timezone=settings.timezone, at=time(hour, minute)
    )
    for work in (risks, deviations):
        scheduler.add_work(work)
        entries.created_hooks.append(work.on_created)
    return GovernanceSide(changes, risks, deviations)
