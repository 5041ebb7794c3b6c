"""Web chat posts across replicas: the inbox store announces each post with NOTIFY (in
storage/postgres/inbox.py); every replica LISTENs and pushes it to the pages open on it."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable

from psycopg import AsyncConnection

log = logging.getLogger(__name__)

CHANNEL = "fvis_webchat"
RECONNECT_SECONDS = 1.0


def payload(*, seq: int, user: str, origin: str) -> str:
    return json.dumps({"seq": seq, "user": user, "origin": origin})


class PostgresInboxEvents:
    """`listen(announce)` runs until cancelled, calling announce(seq, user) for every web chat
    post another process stored (user "" for a channel post); this process's own posts were
    pushed when it made them."""

    def __init__(self, url: str, *, origin: str) -> None:
        self._url = url
        self.origin = origin
        self.connected = asyncio.Event()  # set while LISTEN is in place (tests wait for it)

    async def listen(self, announce: Callable[[int, str], None]) -> None:
        while True:
            try:
                await self._listen(announce)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # the server restarted, the network broke: listen again
                log.warning("web chat LISTEN lost (%s); listening again", type(error).__name__)
            self.connected.clear()
            await asyncio.sleep(RECONNECT_SECONDS)

    async def _listen(self, announce: Callable[[int, str], None]) -> None:
        async with await AsyncConnection.connect(self._url, autocommit=True) as conn:
            await conn.execute(f"LISTEN {CHANNEL}")
            self.connected.set()
            async for note in conn.notifies():
                try:
                    data = json.loads(note.payload)
                    if data["origin"] != self.origin:
                        announce(int(data["seq"]), str(data["user"]))
                except (ValueError, KeyError, TypeError):
                    log.warning("an unreadable web chat notification was ignored")
