"""SharePoint as a platform: no chat, only a Notifier (news posts) and the report uploader
that the Teams adapter (and anyone else) may use."""

from __future__ import annotations

from typing import Any, Protocol

from aiohttp import web

from bot.conversation.engine import Engine
from integrations.microsoft.settings import SharePointSettings
from integrations.sharepoint.files import ReportUploader, UploadState
from integrations.sharepoint.graph import graph_client
from integrations.sharepoint.news import PageState, SharePointNotifier

PLATFORM = "sharepoint"


class SharePointState(PageState, UploadState, Protocol):
    def list_row(self, list_id: str, item_id: str) -> dict[str, Any] | None: ...

    def list_row_synced(
        self, *, list_id: str, item_id: str, etag: str, digest: str, record: str = ""
    ) -> None: ...


class SharePointAdapter:
    platform = PLATFORM

    def __init__(self, *, settings: SharePointSettings, state: SharePointState) -> None:
        self.settings = settings
        self.state = state
        self.client = graph_client(settings)
        self.notifier = SharePointNotifier(
            client=self.client, site_id=settings.site_id, state=state
        )
        self.uploader = (
            ReportUploader(client=self.client, settings=settings, state=state)
            if settings.drive_id
            else None
        )

    def install(self, app: web.Application, engine: Engine) -> None:
        return None

    async def start(self, engine: Engine) -> None:
        return None

    async def stop(self) -> None:
        return None
