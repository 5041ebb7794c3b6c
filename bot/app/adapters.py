"""The chat platforms the settings configure, and the work that rides on them: each platform's
channel, SharePoint list sync and the Teams app package."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any, Protocol

from aiohttp import web

from bot.app.guards import public_hosts
from bot.app.programme import load_programme
from bot.app.settings import microsoft_of, webchat_of
from bot.app.stores import Stores, open_stores
from bot.app.time import TimeSide
from bot.config import ConfigError, Settings
from bot.conversation.engine import Engine
from bot.delivery.routing import NotifierRouter
from bot.domain.messages import Outbound, Target
from bot.domain.programme import Programme
from bot.ports.clock import Clock, SystemClock
from bot.ports.outbound import Notifier
from integrations.webchat.server import WebchatAdapter
from storage.files import DiskFileStore


class Adapter(Protocol):
    """A chat platform: its outbound side (a Notifier), its HTTP routes, its background work."""

    @property
    def platform(self) -> str: ...

    @property
    def notifier(self) -> Notifier: ...

    def install(self, app: web.Application, engine: Engine) -> None: ...

    async def start(self, engine: Engine) -> None: ...

    async def stop(self) -> None: ...


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


def with_platform_channels(programme: Programme, adapters: list[Adapter]) -> Programme:
    """A platform's own setting (SLACK_PROGRAMME_CHANNEL) overrides the programme file's channel."""
    for adapter in adapters:
        channel = getattr(adapter, "programme_channel", "")
        if channel:
            channels = {**programme.channels, adapter.platform: channel}
            programme = dataclasses.replace(programme, channels=channels)
    return programme


def notifier_for(adapters: list[Adapter]) -> NotifierRouter:
    notifier = NotifierRouter()
    for adapter in adapters:
        notifier.add(adapter.platform, adapter.notifier)
    return notifier


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
