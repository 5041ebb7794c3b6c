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
# Graph's upload-session guidance: resume or retry after 5xx (500, 502, 503, 504) and after
# throttling (429), with a growing wait.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_WAIT = 30.0


def _backoff(retry_after: str | None, failures: int) -> float:
    try:
        return min(MAX_WAIT, max(0.0, float(retry_after))) if retry_after else _grow(failures)
    except ValueError:
        return _grow(failures)


def _grow(failures: int) -> float:
    return float(min(MAX_WAIT, 2 ** (failures - 1)))


async def _resume_at(session: aiohttp.ClientSession, upload_url: str, start: int) -> int:
    """Where the upload session wants the next byte (GET on the upload URL), else `start`."""
    try:
        async with session.get(upload_url) as response:
            if response.status != 200:
                return start
            status: dict[str, Any] = await response.json(content_type=None)
    except aiohttp.ClientError:
        return start
    ranges = status.get("nextExpectedRanges") or []
    return int(str(ranges[0]).split("-")[0]) if ranges else start


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
        failures = 0
        async with aiohttp.ClientSession() as session:
            while True:
                chunk = data[start : start + self._chunk]
                headers = {"Content-Range": f"bytes {start}-{start + len(chunk) - 1}/{total}"}
                async with session.put(upload_url, data=chunk, headers=headers) as response:
                    status = response.status
                    if status in RETRY_STATUSES and failures < RETRIES:
                        failures += 1
                        wait = _backoff(response.headers.get("Retry-After"), failures)
                    elif status >= 400:
                        raise UploadFailed(f"HTTP {status}: {await response.text()}")
                    else:
                        answer: dict[str, Any] = await response.json(content_type=None)
                if status in RETRY_STATUSES:
                    # Graph: back off and resume; the session says what it has (the chunk may
                    # have arrived before the error).
                    await asyncio.sleep(wait)
                    start = await _resume_at(session, upload_url, start)
                    continue
                if status in (200, 201):
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
