"""The PostgreSQL database's own state for the core: failures by SQLSTATE, and whether it can
be written now (a replica in recovery, or a read-only default, cannot)."""

from __future__ import annotations

import itertools

import psycopg
from psycopg import errors

from bot.ports.storage import Failure, StorageHealth
from storage.postgres.database import PostgresDatabase

_BUSY = (errors.LockNotAvailable, errors.DeadlockDetected, errors.SerializationFailure)
_UNAVAILABLE = (
    errors.ReadOnlySqlTransaction,
    errors.DiskFull,
    errors.InsufficientResources,
    psycopg.OperationalError,
)


class PostgresStorageStatus:
    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db
        # Whether a failed attempt wrote before it failed cannot be told here (each statement
        # outside a unit of work commits on its own): never the same value twice, so the core
        # never retries an attempt and never claims that nothing was saved.
        self._ticks = itertools.count()

    def failure(self, error: BaseException) -> Failure | None:
        if isinstance(error, _BUSY):
            return "busy"
        if isinstance(error, _UNAVAILABLE):
            return "unavailable"
        return None

    def changes(self) -> int:
        return next(self._ticks)

    def health(self) -> StorageHealth:
        try:
            with self._db.pool.connection(timeout=0.5) as conn:
                row = conn.execute(
                    "SELECT pg_is_in_recovery() AS replica, "
                    "current_setting('default_transaction_read_only') AS read_only"
                ).fetchone()
        except Exception as error:  # pool timeout, connection refused: cannot write either
            return StorageHealth(False, type(error).__name__)
        if row is None or row["replica"] or row["read_only"] == "on":
            return StorageHealth(False, "read-only")
        return StorageHealth(True, "ok")
