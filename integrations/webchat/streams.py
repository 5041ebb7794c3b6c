"""Live messages as server-sent events, bounded: each open page holds one stream.

A person with more than a few tabs loses the oldest; past the total, new pages poll the inbox
instead; a stream with nothing to say for a while ends and the page reconnects (it catches up
from the inbox, so nothing is missed).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from aiohttp import web

STREAMS_PER_PERSON = 5
STREAMS_IN_TOTAL = 500
STREAM_IDLE_SECONDS = 300.0
KEEPALIVE_SECONDS = 15.0


class StreamLimits:
    """Counts open live streams: at most `per_person` each (the oldest is ended) and `total`."""

    def __init__(
        self, *, per_person: int = STREAMS_PER_PERSON, total: int = STREAMS_IN_TOTAL
    ) -> None:
        self.per_person = per_person
        self.total = total
        self._open: dict[str, list[Callable[[], None]]] = {}

    @property
    def count(self) -> int:
        return sum(len(streams) for streams in self._open.values())

    def admit(self, user: str, end: Callable[[], None]) -> bool:
        """Count a new stream of `user` (`end()` ends it early); False when there are too many."""
        streams = self._open.setdefault(user, [])
        while len(streams) >= self.per_person:
            streams.pop(0)()
        if self.count >= self.total:
            if not streams:
                self._open.pop(user, None)
            return False
        streams.append(end)
        return True

    def release(self, user: str, end: Callable[[], None]) -> None:
        streams = self._open.get(user, [])
        if end in streams:
            streams.remove(end)
        if not streams:
            self._open.pop(user, None)


async def stream(
    request: web.Request,
    queue: asyncio.Queue[dict[str, Any]],
    *,
    closed: dict[str, Any],
    idle_seconds: float,
    keepalive_seconds: float = KEEPALIVE_SECONDS,
) -> web.StreamResponse:
    """Write what arrives on `queue` as events until `closed` arrives, the browser leaves or
    nothing has come for `idle_seconds` (comments keep the connection alive meanwhile)."""
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store"}
    )
    await response.prepare(request)
    loop = asyncio.get_running_loop()
    quiet_since = loop.time()
    keepalive = min(keepalive_seconds, idle_seconds)
    try:
        await response.write(b": connected\n\n")
        while True:
            try:
                message = await asyncio.wait_for(queue.get(), keepalive)
            except TimeoutError:
                if loop.time() - quiet_since >= idle_seconds:
                    break  # idle: the page reconnects and catches up from the inbox
                await response.write(b": keep-alive\n\n")
                continue
            if message is closed:
                break
            quiet_since = loop.time()
            data = json.dumps(message, ensure_ascii=False)
            await response.write(f"id: {message['seq']}\ndata: {data}\n\n".encode())
    except ConnectionResetError:
        pass  # the browser left
    return response
