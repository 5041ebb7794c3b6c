"""The composition root: the one module that sees storage, handlers and adapters together."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Protocol

from aiohttp import web

from bot.app.governance import GovernanceSide, governance_side
from bot.app.guards import host_check, public_hosts
from bot.app.keys import installation_keys, request_log
from bot.app.logs import AccessLog
from bot.app.notices import daily_digest
from bot.app.report_workers import report_workers
from bot.app.settings import microsoft_of, webchat_of
from bot.app.stores import Stores, migrate_database, open_stores
from bot.app.time import TimeSide, dispatcher_for, time_side
from bot.config import ConfigError, Settings
from bot.conversation.engine import Engine
from bot.delivery.claims import Dispatcher
from bot.delivery.routing import NotifierRouter
from bot.delivery.scheduler import Scheduler
from bot.domain.ids import new_id
from bot.domain.messages import Outbound, Target
from bot.domain.programme import (
    Programme,
    demo_programme_data,
    parse_programme,
    read_programme_file,
)
from bot.entries.digest import Digest
from bot.entries.service import EntryService
from bot.plan.rows import ProgrammePlanSource
from bot.ports.clock import Clock, SystemClock
from bot.ports.entries import ProgrammeStore
from bot.ports.outbound import Notifier
from bot.ports.plan import PlanSource
from bot.reports.inputs import StatusInputService
from bot.reports.making import ReportWorkers
from bot.reports.service import ReportService
from bot.reports.weekly import WeeklyReport, parse_targets
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
from integrations.excel import ExcelRegisterRenderer
from integrations.webchat.server import WebchatAdapter
from integrations.word import TemplateError, WordReportRenderer
from storage.budget_file import CsvBudgetSource
from storage.files import DiskFileStore

log = logging.getLogger(__name__)


class Adapter(Protocol):
    """A chat platform: its outbound side (a Notifier), its HTTP routes, its background work."""

    @property
    def platform(self) -> str: ...

    @property
    def notifier(self) -> Notifier: ...

    def install(self, app: web.Application, engine: Engine) -> None: ...

    async def start(self, engine: Engine) -> None: ...

    async def stop(self) -> None: ...


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


def load_programme(settings: Settings, store: ProgrammeStore, *, save: bool = True) -> Programme:
    """The database holds the programme once imported; the first start imports the file or the
    demo (`save=False`: read it the same way, but leave the database as it is)."""
    data = store.load_programme()
    if data is None:
        data = (
            read_programme_file(settings.programme_file)
            if settings.programme_file
            else demo_programme_data()
        )
        if save:
            store.save_programme(data)
    programme = parse_programme(data)
    if settings.deviation_system_url:
        programme = dataclasses.replace(
            programme, deviation_system_url=settings.deviation_system_url
        )
    if "webchat" not in programme.channels:
        channels = {**programme.channels, "webchat": settings.programme_channel}
        programme = dataclasses.replace(programme, channels=channels)
    return programme


def import_programme(settings: Settings, data: dict[str, Any]) -> None:
    stores = open_stores(settings, SystemClock())
    try:
        stores.programme.save_programme(data)
    finally:
        stores.close()


def migrate(settings: Settings) -> list[str]:
    """Apply pending migrations; the names of those applied."""
    return migrate_database(settings)


def configured_adapters(
    settings: Settings, stores: Stores, programme: Programme, clock: Clock
) -> list[Adapter]:
    """Every platform whose settings are present; each import happens only when configured."""
    adapters: list[Adapter] = []
    if settings.webchat_enabled:
        adapters.append(
            WebchatAdapter(
                inbox=stores.inbox,
                events=stores.inbox_events,
                programme=programme,
                files=DiskFileStore(settings.files_folder),
                public_hosts=frozenset(public_hosts(settings)),
                settings=webchat_of(settings),
                sessions=stores.sessions,
                audit=stores.audit,
                clock=clock,
            )
        )
    if os.environ.get("SLACK_BOT_TOKEN", "").strip():
        from integrations.slack import SlackAdapter, SlackSettings

        adapters.append(SlackAdapter(settings=SlackSettings.from_env(os.environ)))
    microsoft = microsoft_of(settings)
    uploader = None
    if microsoft is not None and microsoft.sharepoint is not None:
        # The intranet: news posts (platform "sharepoint") and the reports' document library.
        from integrations.sharepoint.adapter import SharePointAdapter

        sharepoint = SharePointAdapter(settings=microsoft.sharepoint, state=stores.sharepoint)
        uploader = sharepoint.uploader
        adapters.append(sharepoint)
    if microsoft is not None and microsoft.teams is not None:
        from integrations.teams.adapter import TeamsAdapter

        adapters.append(
            TeamsAdapter(
                settings=microsoft.teams,
                references=stores.teams_references,
                app_budget=stores.rate_budget,
                programme=programme,
                uploader=uploader,
            )
        )
    return adapters


def teams_package(
    settings: Settings, out: Path, *, website_url: str = "", version: str = "1.0.0"
) -> Path:
    """The Teams app zip for an administrator to upload (`fvis-bot teams package`)."""
    microsoft = microsoft_of(settings)
    teams = microsoft.teams if microsoft else None
    if teams is None:
        raise ConfigError("TEAMS_APP_ID (with TEAMS_TENANT_ID and a secret) is required")
    from integrations.teams.package import PackageError, write_package

    stores = open_stores(settings, SystemClock())
    try:
        programme = load_programme(settings, stores.programme)
    finally:
        stores.close()
    try:
        return write_package(teams, programme, out, website_url=website_url, version=version)
    except PackageError as error:
        raise ConfigError(str(error)) from None


def build(settings: Settings, *, clock: Clock | None = None, serving: bool = False) -> Bot:
    """Everything wired; `serving`: for the running server (its event loop never waits long for
    another writer's database lock)."""
    clock = clock or SystemClock()
    run_id = new_id()  # this process, in claims and heartbeats
    stores = open_stores(settings, clock, serving=serving, origin=run_id)
    programme = load_programme(settings, stores.programme)
    adapters = configured_adapters(settings, stores, programme, clock)
    for adapter in adapters:
        # A platform's own setting (SLACK_PROGRAMME_CHANNEL) overrides the programme file's channel.
        channel = getattr(adapter, "programme_channel", "")
        if channel:
            channels = {**programme.channels, adapter.platform: channel}
            programme = dataclasses.replace(programme, channels=channels)
    notifier = NotifierRouter()
    for adapter in adapters:
        notifier.add(adapter.platform, adapter.notifier)
    targets = [
        Target(platform, channel=channel)
        for platform, channel in programme.channels.items()
        if platform in notifier.platforms
    ]
    keys = installation_keys(settings)
    entries = EntryService(
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
    for module in (intake, browse, triage, followup, help, home):
        module.register(engine)
    milestone_handlers.register(engine, time.milestones)
    governance = governance_side(
        settings, programme, clock, notifier, stores, targets,
        entries=entries, scheduler=time.scheduler,
    )  # fmt: skip
    decision_handlers.register(engine, time.milestones, governance.changes)
    risk_handlers.register(engine, governance.risks)
    deviation_handlers.register(engine, governance.deviations)
    comms_handlers.register(engine, time.comms)
    reminder_handlers.register(engine, time.reminders)
    reports = report_service(
        settings, stores, entries, time.plan, clock, programme,
        workers=report_workers(settings) if serving else None,
    )  # fmt: skip
    report_handlers.register(engine, reports)
    status_input_handlers.register(
        engine,
        StatusInputService(store=stores.status_inputs, audit=stores.audit, clock=clock),
    )
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


def schedule_list_sync(
    settings: Settings,
    adapters: list[Adapter],
    time: TimeSide,
    notifier: NotifierRouter,
    targets: list[Target],
    clock: Clock,
) -> None:
    """Milestones and the communication plan kept in SharePoint lists, read every few minutes;
    conflicts and unreadable rows are posted to the programme channel."""
    sharepoint: Any = next((a for a in adapters if a.platform == "sharepoint"), None)
    if sharepoint is None or not sharepoint.settings.lists:
        return
    from integrations.sharepoint.lists import ListSyncer

    async def report(line: str) -> None:
        for target in targets:
            if target.platform != "sharepoint":
                await notifier.post(target, Outbound(line))

    sharepoint.syncer = ListSyncer(
        client=sharepoint.client,
        settings=sharepoint.settings,
        state=sharepoint.state,
        milestones=time.milestones,
        comms=time.comms,
        now=clock.now,
        timezone=settings.timezone,
        report=report,
    )

    async def sync() -> None:
        await sharepoint.syncer.sync()

    minutes = sharepoint.settings.sync_minutes
    every = {"minute": f"*/{minutes}"} if minutes < 60 else {"hour": f"*/{minutes // 60}"}
    time.scheduler.add_cron("sharepoint-lists", sync, **every)


def weekly_report(
    settings: Settings, reports: ReportService, dispatcher: Dispatcher
) -> WeeklyReport:
    """Last week's status report every Monday 07:00 to FVIS_WEEKLY_REPORT_CHANNELS."""
    targets = parse_targets(settings.weekly_report_channels)
    for target in targets:
        if target.platform not in dispatcher.platforms():
            log.warning("FVIS_WEEKLY_REPORT_CHANNELS: %s is not running", target.platform)
    return WeeklyReport(
        reports=reports,
        dispatcher=dispatcher,
        targets=targets,
        grace=timedelta(minutes=settings.grace_minutes),
        timezone=settings.timezone,
    )


def report_service(
    settings: Settings,
    stores: Stores,
    entries: EntryService,
    plan: PlanSource,
    clock: Clock,
    programme: Programme,
    *,
    workers: ReportWorkers | None = None,
) -> ReportService:
    try:
        renderer = WordReportRenderer(template=settings.word_template)
    except TemplateError as error:
        raise ConfigError(f"FVIS_WORD_TEMPLATE: {error}") from None
    return ReportService(
        entries=entries,
        store=stores.reports,
        uow=stores.uow,
        plan=plan,
        renderer=renderer,
        files=DiskFileStore(settings.files_folder),
        clock=clock,
        programme=programme,
        timezone=settings.timezone,
        registration_number=settings.report_registration_number,
        inputs=stores.status_inputs,
        editions=stores.report_editions,
        workbooks=ExcelRegisterRenderer(),
        budget=CsvBudgetSource(settings.budget_file) if settings.budget_file else None,
        workers=workers,
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
