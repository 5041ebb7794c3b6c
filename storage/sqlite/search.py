"""Searches and lists off the event loop: a worker thread with its own read-only connection, and
a time cap on every query (SQLite's progress handler), so one huge search cannot hold up
everyone else's answers or /health.

In WAL mode a reader neither waits for the bot's writes nor holds them up.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlite_utils import Database

from bot.domain.errors import QueryTooLarge
from bot.domain.model import Entry
from bot.ports.clock import Clock
from bot.ports.entries import EntryQuery
from storage.sqlite.entries import SqliteEntryRepository

# A search may take this long; past it SQLite interrupts the query.
TIME_CAP_SECONDS = 0.8
# The progress handler runs every this many virtual machine instructions (about 1 ms here).
PROGRESS_STEPS = 4_000


class SqliteEntrySearch:
    def __init__(
        self,
        path: Path | str,
        clock: Clock,
        *,
        fallback: SqliteEntryRepository,
        time_cap: float = TIME_CAP_SECONDS,
    ) -> None:
        # An in-memory database has no second connection: it is searched where it lives.
        self._uri = None if str(path) == ":memory:" else Path(path).resolve().as_uri() + "?mode=ro"
        self._clock = clock
        self._fallback = fallback
        self.time_cap = time_cap
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fvis-search")
        self._closed = False

    async def find(self, query: EntryQuery) -> tuple[list[Entry], int]:
        if self._uri is None:
            return self._fallback.find(query)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._find, query)

    def _repository(self) -> tuple[sqlite3.Connection, SqliteEntryRepository]:
        if getattr(self._local, "repository", None) is None:
            assert self._uri is not None
            conn = sqlite3.connect(self._uri, uri=True, isolation_level=None)
            conn.execute("PRAGMA busy_timeout = 1000")
            self._connections.append(conn)
            self._local.conn = conn
            self._local.repository = SqliteEntryRepository(Database(conn), self._clock)
        return self._local.conn, self._local.repository

    def _find(self, query: EntryQuery) -> tuple[list[Entry], int]:
        conn, repository = self._repository()
        deadline = time.monotonic() + self.time_cap
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), PROGRESS_STEPS)
        try:
            return repository.find(query)
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                raise QueryTooLarge(f"over {self.time_cap} s") from None
            raise
        finally:
            conn.set_progress_handler(None, 0)

    def close(self) -> None:
        if self._closed:
            return  # closing twice (a test's restart, then its fixture) is harmless
        self._closed = True

        def close_all() -> None:
            for conn in self._connections:
                conn.close()
            self._connections.clear()

        self._executor.submit(close_all)
        self._executor.shutdown(wait=True)
