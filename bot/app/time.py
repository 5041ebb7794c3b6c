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
    run_id: str,
) -> TimeSide:
    dispatcher = dispatcher_for(settings, stores, notifier, clock, run_id)
    scheduler = scheduler_for(settings, clock, dispatcher)

    def platforms() -> list[str]:
        return notifier.platforms

    grace = timedelta(minutes=settings.grace_minutes)
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
        policy=reminder_policy(settings),
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
    for work in (milestone_service.reminders, reminder_service, comms_service.posting):
        scheduler.add_work(work)
    plan = plan_source(stores, programme)
    return TimeSide(scheduler, milestone_service, comms_service, reminder_service, plan)


def plan_source(stores: Stores, programme: Programme) -> StoredPlanSource:
    """The plan as reports read it (a report's worker process makes its own)."""
    return StoredPlanSource(
        milestones=stores.milestones,
        comms=stores.comms,
        changes=stores.change_decisions,
        entries=stores.entries,
        programme=programme,
        deliveries=stores.deliveries,
    )


def reminder_policy(settings: Settings) -> ReminderPolicy:
    """When milestone reminders go out: the days before, the time of day, how late is too late."""
    hour, minute = (int(part) for part in settings.reminder_time.split(":"))
    return ReminderPolicy(
        offsets_days=settings.reminder_offsets_days,
        at=time(hour, minute),
        grace=timedelta(minutes=settings.grace_minutes),
        timezone=settings.timezone,
    )


def shared(settings: Settings) -> bool:
    """Several replicas may share the database (PostgreSQL): claims and timers say so."""
    return bool(settings.database_url)


def dispatcher_for(
    settings: Settings, stores: Stores, notifier: NotifierRouter, clock: Clock, run_id: str
) -> Dispatcher:
    # One run id per process. On SQLite (one process) a claim of another run is from a process
    # that stopped; on PostgreSQL only from one silent for longer than the replica timeout.
    liveness = timedelta(seconds=settings.replica_timeout_seconds if shared(settings) else 0)
    return Dispatcher(
        log=stores.deliveries,
        notifier=notifier,
        platforms=lambda: notifier.platforms,
        clock=clock,
        run_id=run_id,
        liveness=liveness,
        uow=stores.uow,
        stored=notifier.stored,
    )


def scheduler_for(settings: Settings, clock: Clock, dispatcher: Dispatcher) -> Scheduler:
    if not shared(settings):
        return Scheduler(
            clock=clock, timezone=settings.timezone, sweep_seconds=settings.sweep_seconds or 300
        )
    return Scheduler(
        clock=clock,
        timezone=settings.timezone,
        sweep_seconds=settings.sweep_seconds or 10,
        heartbeat=dispatcher.beat,
        heartbeat_seconds=settings.replica_timeout_seconds / 3,
    )


@dataclass(frozen=True, slots=True)
class TimeSide:
    """The time side as the composition root wires it: what handlers, the web app and the
    reports use."""

    scheduler: Scheduler
    milestones: MilestoneService
    comms: CommsService
    reminders: ReminderService
    plan: StoredPlanSource
