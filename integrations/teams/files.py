"""Reports in Teams: a link to the copy on SharePoint, or, without SharePoint, a file-consent
card in personal chat (the person allows it; Teams gives an upload URL in their OneDrive)."""

from __future__ import annotations

import logging
import secrets
import time
from pathlib import Path
from typing import Any, Protocol

import aiohttp
from microsoft_agents.activity import Activity, InvokeResponse
from microsoft_agents.hosting.core import TurnContext

from bot.domain.messages import FileRef, Reply
from bot.i18n.catalogue import t
from integrations.teams import cards
from integrations.teams.connection import TeamsConnection

log = logging.getLogger(__name__)

CONSENT = "application/vnd.microsoft.teams.card.file.consent"
INFO = "application/vnd.microsoft.teams.card.file.info"
# OneDrive upload sessions take chunks in multiples of 320 KiB; this is 12 of them.
CHUNK = 12 * 320 * 1024
OFFER_SECONDS = 24 * 3600


class FileUploader(Protocol):
    async def link(self, file: FileRef, locale: str) -> str:
        """Put the file where people can open it; the text to post (a link, or why not)."""


class FileConsent:
    """Offers waiting for the person's answer: a random token each, never a path from outside."""

    def __init__(self, connection: TeamsConnection) -> None:
        self._connection = connection
        self._offers: dict[str, tuple[FileRef, float]] = {}

    def card(self, file: FileRef, locale: str) -> dict[str, Any]:
        now = time.monotonic()
        self._offers = {k: v for k, v in self._offers.items() if now - v[1] < OFFER_SECONDS}
        token = secrets.token_urlsafe(16)
        self._offers[token] = (file, now)
        size = Path(file.path).stat().st_size
        return {
            "type": "message",
            "attachments": [
                {
                    "contentType": CONSENT,
                    "name": file.name,
                    "content": {
                        "description": t(locale, "teams.file_consent", name=file.name),
                        "sizeInBytes": size,
                        "acceptContext": {"token": token},
                        "declineContext": {"token": token},
                    },
                }
            ],
        }

    async def on_invoke(self, context: TurnContext, locale: str) -> InvokeResponse:
        """The person's answer to an offer (`locale`: theirs, which the adapter knows)."""
        activity: Activity = context.activity
        send = self._connection.send
        value = activity.value if isinstance(activity.value, dict) else {}
        token = str((value.get("context") or {}).get("token") or "")
        offer = self._offers.pop(token, None)
        if value.get("action") != "accept":
            await send(
                context, cards.reply_activity(Reply(t(locale, "teams.file_declined")), locale)
            )
            return InvokeResponse(status=200)
        info = value.get("uploadInfo") or {}
        if offer is None or not isinstance(info, dict) or not info.get("uploadUrl"):
            await send(
                context,
                cards.reply_activity(Reply(t(locale, "teams.file_gone"), style="error"), locale),
            )
            return InvokeResponse(status=200)
        file = offer[0]
        await upload(str(info["uploadUrl"]), Path(file.path).read_bytes())
        await send(
            context,
            {
                "type": "message",
                "attachments": [
                    {
                        "contentType": INFO,
                        "contentUrl": info.get("contentUrl"),
                        "name": info.get("name") or file.name,
                        "content": {
                            "uniqueId": info.get("uniqueId"),
                            "fileType": info.get("fileType"),
                        },
                    }
                ],
            },
        )
        return InvokeResponse(status=200)


async def upload(url: str, data: bytes) -> None:
    """PUT the bytes to a OneDrive upload session, chunk by chunk."""
    total = len(data)
    async with aiohttp.ClientSession() as session:
        for start in range(0, max(total, 1), CHUNK):
            chunk = data[start : start + CHUNK]
            end = start + len(chunk) - 1
            headers = {"Content-Range": f"bytes {start}-{end}/{total}"}
            async with session.put(url, data=chunk, headers=headers) as response:
                response.raise_for_status()
