"""Reports into the intranet's document library: a simple upload for small files, an upload
session for large ones; the same file is uploaded once and its link posted in the chat.

The session is created through msgraph-sdk; its chunks go straight to the session's
pre-authenticated upload URL (no Graph token there, as Microsoft asks). msgraph-core's
LargeFileUploadTask was tried and left out: it logs and swallows chunk errors.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from pathlib import Path
from typing import Any, Protocol

import aiohttp
from msgraph import GraphServiceClient
from msgraph.generated.drives.item.items.item.create_upload_session.create_upload_session_post_request_body import (
    CreateUploadSessionPostRequestBody,
)
from msgraph.generated.models.drive_item_uploadable_properties import (
    DriveItemUploadableProperties,
)

from bot.domain.messages import FileRef
from bot.i18n.catalogue import t
from integrations.microsoft.settings import SharePointSettings
from integrations.sharepoint.graph import describe

log = logging.getLogger(__name__)

# Upload session chunks must be multiples of 320 KiB; Microsoft suggests 5–10 MiB.
CHUNK = 16 * 320 * 1024
RETRIES = 5


class UploadState(Protocol):
    def upload(self, digest: str) -> dict[str, Any] | None: ...

    def uploaded(self, *, digest: str, name: str, item_id: str, url: str, size: int) -> None: ...


class UploadFailed(RuntimeError):
    pass


def safe_name(name: str) -> str:
    """SharePoint refuses " * : < > ? / \\ | and names ending in a dot or a space."""
    cleaned = re.sub(r'["*:<>?/\\|#%]+', "-", name).strip(" .") or "rapport.docx"
    return cleaned[:200]


class ReportUploader:
    def __init__(
        self,
        *,
        client: GraphServiceClient,
        settings: SharePointSettings,
        state: UploadState,
        chunk_size: int = CHUNK,
    ) -> None:
        self._client = client
        self._settings = settings
        self._state = state
        self._chunk = chunk_size

    async def upload(self, file: FileRef) -> str:
        """The file's address in the library (uploading it if this content is not there yet)."""
        if not self._settings.drive_id:
            raise UploadFailed("SHAREPOINT_DRIVE_ID is not set")
        data = await asyncio.to_thread(Path(file.path).read_bytes)
        name = safe_name(file.name or Path(file.path).name)
        digest = hashlib.sha256(name.encode() + b"\0" + data).hexdigest()
        known = self._state.upload(digest)
        if known is not None:
            return str(known["url"])
        # A folder per content: two people's reports of the same name (a reporter's register and a
        # handler's, with different rights) never replace each other.
        unique = f"{digest[:16]}/{name}"
        path = f"{self._settings.folder}/{unique}" if self._settings.folder else unique
        item = self._client.drives.by_drive_id(self._settings.drive_id).items.by_drive_item_id(
            f"root:/{path}:"
        )
        if len(data) <= self._settings.simple_upload_limit:
            result = await item.content.put(data)
            item_id, url = str(result.id), str(result.web_url)
        else:
            body = CreateUploadSessionPostRequestBody(
                item=DriveItemUploadableProperties(
                    additional_data={"@microsoft.graph.conflictBehavior": "replace"}
                )
            )
            session = await item.create_upload_session.post(body)
            answer = await self._send_chunks(str(session.upload_url), data)
            item_id, url = str(answer["id"]), str(answer["webUrl"])
        self._state.uploaded(digest=digest, name=name, item_id=item_id, url=url, size=len(data))
        return url

    async def _send_chunks(self, upload_url: str, data: bytes) -> dict[str, Any]:
        total = len(data)
        start = 0
        async with aiohttp.ClientSession() as session:
            while True:
                chunk = data[start : start + self._chunk]
                headers = {"Content-Range": f"bytes {start}-{start + len(chunk) - 1}/{total}"}
                for attempt in range(1, RETRIES + 1):
                    async with session.put(upload_url, data=chunk, headers=headers) as response:
                        if response.status in (429, 503) and attempt < RETRIES:
                            await asyncio.sleep(float(response.headers.get("Retry-After", "1")))
                            continue
                        if response.status >= 400:
                            raise UploadFailed(f"HTTP {response.status}: {await response.text()}")
                        answer: dict[str, Any] = await response.json(content_type=None)
                        break
                if response.status in (200, 201):
                    return answer
                ranges = answer.get("nextExpectedRanges") or []
                start = int(str(ranges[0]).split("-")[0]) if ranges else start + len(chunk)

    async def link(self, file: FileRef, locale: str) -> str:
        """What to post in the chat: the link, or why there is none (and nothing is lost)."""
        try:
            url = await self.upload(file)
        except Exception as error:
            log.warning("uploading a report to SharePoint failed: %s", describe(error))
            text = t(locale, "sharepoint.upload_failed", reason=describe(error))
            return f"{text}\n{file.url}" if file.url else text
        return t(locale, "sharepoint.uploaded", name=file.name, url=url)
