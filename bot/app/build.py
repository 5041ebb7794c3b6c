"""The composition root: the one module that sees storage, handlers and adapters together."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from aiohttp import web

from bot.app.adapters import (
    Adapter,
    configured_adapters,
    notifier_for,
    schedule_list_sync,
    with_platform_channels,
)
from bot.app.governance import GovernanceSide, governance_side
from bot.app.guards import host_check, public_hosts
from bot.app.keys import installation_keys, request_log
from bot.app.logs import AccessLog
from bot.app.notices import daily_digest
from bot.app.programme import load_programme
from bot.app.report_workers import report_workers
from bot.app.reports import report_service, weekly_report
from bot.app.settings import webchat_of
from bot.app.stores import Stores, migrate_database, open_stores
from bot.app.time import TimeSide, dispatcher_for, time_side
from bot.config import Settings
from bot.conversation.engine import Engine
from bot.delivery.routing import NotifierRouter
from bot.delivery.scheduler import Scheduler
from bot.domain.ids import new_id
from bot.domain.keys import KeyHasher
from bot.domain.messages import Target
from bot.domain.programme import Programme
from bot.entries.digest import Digest
from bot.entries.service import EntryService
from bot.plan.rows import ProgrammePlanSource
from bot.ports.clock import Clock, SystemClock
from bot.ports.plan import PlanSource
from bot.reports.inputs import StatusInputService
from bot.reports.service import ReportService
from handlers import browse, followup, help, home, intake, triage
from handlers import comms as comms_handlers
from handlers import decisions as decision_handlers
from handlers import deviations as deviation_handlers
from handlers import milestones as milestone_handlers
from handlers import reminders as reminder_handlers
from handlers import reports as report_handlers
from handlers import risks as risk_handlers
from handlers import status_inputs as status_input_handlers
from integrations.calendar import CalendarFeed

log = logging.getLogger(__name__)


@dataclass
class Bot:
    settings: Settings
    programme: Programme
    engine: Engine
    entries: EntryService
    notifier: NotifierRouter
    stores: Stores
    adapters: list[Adapter] = field(default_factory=list)
    # Milestones, reminders, the communication plan and their scheduler; `plan` is what
    # reports read (bot.plan_rows.PlanSource).
    time: TimeSide | None = None
    reports: ReportService | None = None  # Word reports (bot/reports/)
    governance: GovernanceSide | None = None  # change requests decided (bot/app/governance.py)
    digest: Digest | None = None  # the daily digest of new entries (`notiser dagligen`)

    @property
    def plan(self) -> PlanSource:
        return self.time.plan if self.time else ProgrammePlanSource(self.programme)

    @property
    def scheduler(self) -> Scheduler | None:
        return self.time.scheduler if self.time else None

    def adapter(self, platform: str) -> Any:
        return next((a for a in self.adapters if a.platform == platform), None)

    @property
    def webchat(self) -> Any:
        return self.adapter("webchat")

    @property
    def db(self) -> Any:
        """The backend's database handle (tests and benches read rows through it)."""
        return self.stores.db

    def close(self) -> None:
        if self.reports is not None:
            self.reports.close()
        self.stores.close()


def migrate(settings: Settings) -> list[str]:
    """Apply pending migrations; the names of those applied."""
    return migrate_database(settings)


def build(settings: Settings, *, clock: Clock | None = None, serving: bool = False) -> Bot:
    """Everything wired; `serving`: for the running server (its event loop never waits long for
    another writer's database lock)."""
    clock = clock or SystemClock()
    run_id = new_id()  # this process, in claims and heartbeats
    stores = open_stores(settings, clock, serving=serving, origin=run_id)
    programme = load_programme(settings, stores.programme)
    adapters = configured_adapters(settings, stores, programme, clock)
    programme = with_platform_channels(programme, adapters)
    notifier = notifier_for(adapters)
    targets = [
        Target(platform, channel=channel)
        for platform, channel in programme.channels.items()
        if platform in notifier.platforms
    ]
    keys = installation_keys(settings)
    entries = entry_service(stores, notifier, clock, programme, targets, keys)
    time = time_side(settings, programme, clock, notifier, stores, run_id)
    engine = Engine(
        entries=entries,
        dialogues=stores.dialogues,
        requests=request_log(settings, stores.requests, keys, clock, time.scheduler),
        clock=clock,
        programme=programme,
        timezone=settings.timezone,
        dialogue_timeout=timedelta(minutes=settings.dialogue_timeout_minutes),
        storage=stores.status,
    )
    governance = governance_side(
        settings, programme, clock, notifier, stores, targets,
        entries=entries, scheduler=time.scheduler,
    )  # fmt: skip
    reports = report_service(
        settings, stores, entries, time.plan, clock, programme,
        workers=report_workers(settings) if serving else None,
    )  # fmt: skip
    register_handlers(engine, stores, clock, time, governance, reports)
    digest = daily_digest(
        settings, entries, stores.notice_settings, clock, notifier, time.scheduler
    )
    if settings.weekly_report_channels:
        time.scheduler.add_work(
            weekly_report(
                settings, reports, dispatcher_for(settings, stores, notifier, clock, run_id)
            )
        )
    schedule_list_sync(settings, adapters, time, notifier, targets, clock)
    bot = Bot(
        settings, programme, engine, entries, notifier, stores, adapters, time, reports, governance
    )
    bot.digest = digest
    return bot


def entry_service(
    stores: Stores,
    notifier: NotifierRouter,
    clock: Clock,
    programme: Programme,
    targets: list[Target],
    keys: KeyHasher,
) -> EntryService:
    return EntryService(
        entries=stores.entries,
        audit=stores.audit,
        uow=stores.uow,
        notifier=notifier,
        clock=clock,
        programme=programme,
        people=stores.entry_people,
        similar=stores.similar,
        notice_settings=stores.notice_settings,
        platforms=lambda: notifier.platforms,
        programme_targets=targets,
        keys=keys,
        search=stores.search,
    )


def register_handlers(
    engine: Engine,
    stores: Stores,
    clock: Clock,
    time: TimeSide,
    governance: GovernanceSide,
    reports: ReportService,
) -> None:
    """Every capability's commands, buttons and forms on the engine."""
    for module in (intake, browse, triage, followup, help, home):
        module.register(engine)
    milestone_handlers.register(engine, time.milestones)
    decision_handlers.register(engine, time.milestones, governance.changes)
    risk_handlers.register(engine, governance.risks)
    deviation_handlers.register(engine, governance.deviations)
    comms_handlers.register(engine, time.comms)
    reminder_handlers.register(engine, time.reminders)
    report_handlers.register(engine, reports)
    status_input_handlers.register(
        engine,
        StatusInputService(store=stores.status_inputs, audit=stores.audit, clock=clock),
    )


def web_app(bot: Bot) -> web.Application:
    guard = host_check(bot.settings, public_hosts(bot.settings))
    app = web.Application(client_max_size=4 * 1024 * 1024, middlewares=[guard])

    async def health(request: web.Request) -> web.Response:
        # 503 when the database cannot be written, so an orchestrator notices.
        database = bot.stores.status.health()
        return web.json_response(
            {
                "status": "ok" if database.writable else "unavailable",
                "database": database.detail,
                "platforms": bot.notifier.platforms,
            },
            status=200 if database.writable else 503,
        )

    app.router.add_get("/health", health)
    for adapter in bot.adapters:
        adapter.install(app, bot.engine)
    CalendarFeed(
        plan=bot.plan, clock=bot.engine.clock, token=bot.settings.calendar_token,
        open_without_token=bot.settings.bound_to_loopback, name=bot.programme.title or "FVIS",
    ).install(app)  # fmt: skip

    app.cleanup_ctx.append(lifespan(bot))
    return app


def lifespan(bot: Bot) -> Any:
    """The adapters and the scheduler, started and stopped in one place (aiohttp cleanup_ctx):
    whatever started is stopped, in reverse order, even when a later start fails."""

    async def context(app: web.Application) -> AsyncIterator[None]:
        started: list[Adapter] = []
        scheduling = False
        try:
            for adapter in bot.adapters:
                await adapter.start(bot.engine)
                started.append(adapter)
            # After the adapters: posts due while the bot was down go out on the platforms now up.
            if bot.scheduler is not None:
                await bot.scheduler.start()
                scheduling = True
            if bot.reports is not None:
                bot.reports.warm()  # report processes start now, not at the first report
            yield
        finally:
            if scheduling and bot.scheduler is not None:
                await bot.scheduler.stop()
            for adapter in reversed(started):
                await adapter.stop()

    return context


async def serve(settings: Settings) -> None:
    bot = build(settings, serving=True)
    runner = web.AppRunner(web_app(bot), shutdown_timeout=2.0, access_log_class=AccessLog)
    await runner.setup()
    site = web.TCPSite(runner, settings.host, settings.port)
    await site.start()
    url = f"http://{settings.host}:{settings.port}/"
    if bot.webchat is not None:
        signed_in = webchat_of(settings).oidc is not None
        how = "inloggning via OpenID Connect" if signed_in else "demo med identitetsväljare"
        print(f"FVIS-boten är igång. Webbchatten: {url} ({how})", flush=True)
    else:
        print(f"FVIS-boten är igång på {url} (webbchatten är avstängd)", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
        bot.close()
