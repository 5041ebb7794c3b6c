"""Building the time side (milestones, comms, reminders, their scheduler) from the stores the
composition root built once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta

from bot.app.stores import Stores
from bot.config import Settings
from bot.delivery.claims import Dispatcher
from bot.delivery.routing import NotifierRouter
from bot.delivery.scheduler import Scheduler
from bot.domain.ids import new_id
from bot.domain.programme import Programme
from bot.plan.comms import CommsService
from bot.plan.milestones import MilestoneService, ReminderPolicy
from bot.plan.reminders import ReminderService
from bot.plan.source import StoredPlanSource
from bot.ports.clock import Clock


def time_side(
    settings: Settings,
    programme: Programme,
    clock: Clock,
    notifier: NotifierRouter,
    stores: Stores,
) -> TimeSide:
    scheduler = Scheduler(clock=clock, timezone=settings.timezone)

    def platforms() -> list[str]:
        return notifier.platforms

    # A fresh run id per process: claims of another run are from a process that stopped.
    dispatcher = Dispatcher(
        log=stores.deliveries, notifier=notifier, platforms=platforms, clock=clock, run_id=new_id()
    )
    grace = timedelta(minutes=settings.grace_minutes)
    hour, minute = (int(part) for part in settings.reminder_time.split(":"))
    policy = ReminderPolicy(
        offsets_days=settings.reminder_offsets_days,
        at=time(hour, minute),
        grace=grace,
        timezone=settings.timezone,
    )
    common = {
        "audit": stores.audit,
        "uow": stores.uow,
        "dispatcher": dispatcher,
        "notifier": notifier,
        "clock": clock,
    }
    milestone_service = MilestoneService(
        store=stores.milestones,
        programme=programme,
        policy=policy,
        wakeups=scheduler,
        platforms=platforms,
        **common,  # type: ignore[arg-type]
    )
    milestone_service.sync_programme()
    comms_service = CommsService(
        store=stores.comms,
        programme=programme,
        wakeups=scheduler,
        grace=grace,
        timezone=settings.timezone,
        platforms=platforms,
        **common,  # type: ignore[arg-type]
    )
    reminder_service = ReminderService(
        store=stores.reminders,
        wakeups=scheduler,
        grace=grace,
        timezone=settings.timezone,
        **common,  # type: ignore[arg-type]
    )
    for work in (milestone_service.reminders, reminder_service, comms_service):
        scheduler.add_work(work)
    plan = StoredPlanSource(
        milestones=stores.milestones,
        comms=stores.comms,
        changes=stores.change_decisions,
        entries=stores.entries,
        programme=programme,
    )
    return TimeSide(scheduler, milestone_service, comms_service, reminder_service, plan)


@dataclass(frozen=True, slots=True)
class TimeSide:
    """The time side as the composition root wires it: what handlers, the web app and the
    reports use."""

    scheduler: Scheduler
    milestones: MilestoneService
    comms: CommsService
    reminders: ReminderService
    plan: StoredPlanSource
