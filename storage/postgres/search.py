"""Searches and lists off the event loop on PostgreSQL: a worker thread with a pooled connection,
each query capped in time by `statement_timeout` (QueryCanceled → QueryTooLarge)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from psycopg import errors

from bot.domain.errors import QueryTooLarge
from bot.domain.model import Entry
from bot.ports.entries import EntryQuery
from storage.postgres.database import PostgresDatabase
from storage.postgres.entries import PostgresEntryRepository

# A search may take this long (as on SQLite); past it PostgreSQL cancels the query.
TIME_CAP_SECONDS = 0.8


class PostgresEntrySearch:
    def __init__(
        self,
        db: PostgresDatabase,
        entries: PostgresEntryRepository,
        *,
        time_cap: float = TIME_CAP_SECONDS,
    ) -> None:
        self._db = db
        self._entries = entries
        self.time_cap = time_cap
        self._executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="fvis-search")

    async def find(self, query: EntryQuery) -> tuple[list[Entry], int]:
        # run_in_executor, not to_thread: the worker must not inherit a unit of work open on
        # the loop (a ContextVar), it takes a connection of its own.
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._find, query)

    def _find(self, query: EntryQuery) -> tuple[list[Entry], int]:
        try:
            with self._db.transaction() as conn:
                # At least 1 ms: statement_timeout = 0 would mean no cap at all.
                cap_ms = max(1, round(self.time_cap * 1000))
                conn.execute(f"SET LOCAL statement_timeout = {cap_ms}")
                return self._entries.find(query)
        except errors.QueryCanceled:
            raise QueryTooLarge(f"over {self.time_cap} s") from None

    def close(self) -> None:
        self._executor.shutdown(wait=True)
