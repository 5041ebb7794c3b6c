"""Opening PostgreSQL: a psycopg connection pool, the unit of work's current connection, and
migrations at start under an advisory lock (two replicas starting at once migrate once)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from psycopg import Connection
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from storage.postgres.migrations import core, governance, microsoft, notices, plan, reports, webchat
from storage.postgres.migrations.registry import Migrations, ensure_table

log = logging.getLogger(__name__)

# The same sets and names as SQLite's (storage/sqlite/database.py), in the same order.
MIGRATION_SETS: tuple[Migrations, ...] = (
    core.migrations,
    plan.migrations,
    microsoft.migrations,
    governance.migrations,
    webchat.migrations,
    reports.migrations,
    notices.migrations,
)
# pg_advisory_lock keys: (FVIS, what). Held by a session, so a killed process lets go at once.
LOCK_SPACE = 0x46564953
LOCK_MIGRATE = 1

Conn = Connection[dict[str, Any]]


def _configure(conn: Conn) -> None:
    # Times come back in UTC whatever the server's default; text as UTF-8.
    conn.execute("SET TIME ZONE 'UTC'")


class PostgresDatabase:
    """A pool of autocommit connections; inside `transaction()` every store of this database
    uses that block's connection (the unit of work), elsewhere each call borrows one."""

    def __init__(self, url: str, *, min_size: int = 1, max_size: int = 10) -> None:
        self.url = url
        self.pool: ConnectionPool[Conn] = ConnectionPool(
            url,
            min_size=min_size,
            max_size=max_size,
            kwargs={"autocommit": True, "row_factory": dict_row},
            configure=_configure,
            open=False,
            name="fvis",
        )
        self.pool.open(wait=True, timeout=30)
        self._current: ContextVar[Conn | None] = ContextVar(f"fvis_pg_{id(self)}", default=None)

    @contextmanager
    def connection(self) -> Iterator[Conn]:
        """The unit of work's connection when one is open, else one from the pool."""
        current = self._current.get()
        if current is not None:
            yield current
            return
        with self.pool.connection() as conn:
            yield conn

    @contextmanager
    def transaction(self) -> Iterator[Conn]:
        """A transaction (a savepoint inside an open one); stores called inside share it."""
        current = self._current.get()
        if current is not None:
            with current.transaction():
                yield current
            return
        with self.pool.connection() as conn, conn.transaction():
            token = self._current.set(conn)
            try:
                yield conn
            finally:
                self._current.reset(token)

    def close(self) -> None:
        self.pool.close()


def migrate(db: PostgresDatabase) -> list[str]:
    """Apply every pending migration, each in its own transaction; the names applied.

    One session at a time: the others wait on the advisory lock, then find nothing pending.
    """
    applied: list[str] = []
    with db.pool.connection() as conn:
        conn.execute("SELECT pg_advisory_lock(%s, %s)", [LOCK_SPACE, LOCK_MIGRATE])
        try:
            ensure_table(conn)
            for migrations in MIGRATION_SETS:
                applied += migrations.apply(conn)
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_SPACE, LOCK_MIGRATE])
    if applied:
        log.info("PostgreSQL migrations applied: %s", ", ".join(applied))
    return applied


def pending_migrations(db: PostgresDatabase) -> list[str]:
    with db.pool.connection() as conn:
        ensure_table(conn)
        return [name for migrations in MIGRATION_SETS for name in migrations.pending(conn)]


def open_database(url: str, *, migrate_now: bool = True, max_size: int = 10) -> PostgresDatabase:
    db = PostgresDatabase(url, max_size=max_size)
    if migrate_now:
        try:
            migrate(db)
        except BaseException:
            db.close()
            raise
    return db
