"""The web chat's outbound side: posts stored in each person's inbox and pushed to their open
pages, withdrawn on request; generated files handed out by URL, never by path."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from bot.domain.messages import Delivery, FileRef, Outbound, Target

# Put on a listener's queue to end its event stream.
CLOSED: dict[str, Any] = {}


class InboxStore(Protocol):
    def append(
        self,
        *,
        channel: str,
        user: str,
        text: str,
        file: dict[str, str] | None,
        choices: list[dict[str, str]] | None = None,
    ) -> dict[str, Any]: ...

    def append_many(self, posts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """append(**post) for each, in order, in one statement where the backend can."""

    def after(self, *, user: str, seq: int, limit: int = 200) -> list[dict[str, Any]]: ...

    def withdraw(self, seq: int) -> bool: ...

    def get(self, seq: int) -> dict[str, Any] | None: ...

    def grant_file(self, file_id: str, user: str) -> None: ...

    def file_grantees(self, file_id: str) -> set[str]: ...


class InboxEvents(Protocol):
    """Posts other processes stored (replicas on one database), for the pages open here."""

    async def listen(self, announce: Callable[[int, str], None]) -> None:
        """Until cancelled: announce(seq, user) for each such post ("" for a channel post)."""


class GeneratedFiles(Protocol):
    """Files the bot generated (reports), reachable only by the id they were saved under."""

    def find(self, file_id: str) -> Path | None: ...

    def id_of(self, path: str) -> str | None: ...


FILES_ROUTE = "/api/webchat/files/"


def public_file(
    file: FileRef, files: GeneratedFiles | None, grant: Callable[[str], None] | None = None
) -> dict[str, str]:
    """What the page gets for a file: a download URL of this server, never the server's path.
    `grant(file_id)` records who was handed it (only they may fetch it)."""
    url = file.url
    file_id = files.id_of(file.path) if files is not None and file.path else None
    if file_id is not None:
        url = FILES_ROUTE + file_id
        if grant is not None:
            grant(file_id)
    return {"name": file.name, "url": url, "mime": file.mime}


class WebchatNotifier:
    """The web chat as a channel like any other: posts are stored, then pushed to open pages."""

    def __init__(self, inbox: InboxStore, files: GeneratedFiles | None = None) -> None:
        self._inbox = inbox
        self._files = files
        self._listeners: dict[str, set[asyncio.Queue[dict[str, Any]]]] = {}

    async def post(self, target: Target, message: Outbound) -> Delivery:
        return self.post_stored(target, message)

    def post_stored(self, target: Target, message: Outbound) -> Delivery:
        """Store the post (in the caller's transaction, if one is open) and push it to the
        pages open here; other replicas learn of it at commit (NOTIFY)."""
        return self.post_stored_many([(target, message)])[0]

    def post_stored_many(self, posts: list[tuple[Target, Outbound]]) -> list[Delivery]:
        """post_stored for each, the rows written in one statement where the store can."""
        rows = [self._row(target, message) for target, message in posts]
        stored = self._inbox.append_many(rows) if rows else []
        for (target, _), message in zip(posts, stored, strict=True):
            for user, queues in self._listeners.items():
                if not target.user_id or user == target.user_id:
                    for queue in queues:
                        queue.put_nowait(message)
        return [Delivery(ok=True, message_id=str(message["seq"])) for message in stored]

    def _row(self, target: Target, message: Outbound) -> dict[str, Any]:
        direct = bool(target.user_id)
        user = target.user_id if direct else ""

        def grant(file_id: str) -> None:
            self._inbox.grant_file(file_id, user)

        return {
            "channel": "dm" if direct else f"#{target.channel.lstrip('#')}",
            "user": user,
            "text": message.text,
            "file": public_file(message.file, self._files, grant) if message.file else None,
            "choices": [{"id": c.id, "label": c.label, "value": c.value} for c in message.choices],
        }

    def announce(self, seq: int, user: str) -> None:
        """A post another replica stored (or withdrew): to this replica's open pages."""
        open_here = [
            queue
            for listener, queues in self._listeners.items()
            if not user or listener == user
            for queue in queues
        ]
        if not open_here:
            return  # no page here shows it: not read (a burst of posts elsewhere costs nothing)
        stored = self._inbox.get(seq)
        if stored is None:
            return
        for queue in open_here:
            queue.put_nowait(stored)

    async def withdraw(self, target: Target, message_id: str) -> Delivery:
        if not message_id.isdigit() or not self._inbox.withdraw(int(message_id)):
            return Delivery(ok=False, error=f"no web chat post {message_id!r} to withdraw")
        updated = self._inbox.get(int(message_id))
        if updated is not None:
            # Open pages learn of it like of any message: same seq, now with withdrawn_at.
            for user, queues in self._listeners.items():
                if not updated["direct"] or user == target.user_id:
                    for queue in queues:
                        queue.put_nowait(updated)
        return Delivery(ok=True, message_id=message_id)

    def close_streams(self) -> None:
        """At shutdown, end every open event stream instead of waiting for browsers to leave."""
        for queues in self._listeners.values():
            for queue in queues:
                queue.put_nowait(CLOSED)

    def listen(self, user: str) -> asyncio.Queue[dict[str, Any]]:
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._listeners.setdefault(user, set()).add(queue)
        return queue

    def unlisten(self, user: str, queue: asyncio.Queue[dict[str, Any]]) -> None:
        self._listeners.get(user, set()).discard(queue)

    def inbox(self, user: str, after: int) -> list[dict[str, Any]]:
        return self._inbox.after(user=user, seq=after)
