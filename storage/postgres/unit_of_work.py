"""The unit of work in PostgreSQL: one pooled connection in one transaction for the block; every
store of the database uses it while the block runs (a nested block is a savepoint)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from storage.postgres.database import PostgresDatabase


class PostgresUnitOfWork:
    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    @contextmanager
    def atomic(self) -> Iterator[object]:
        with self._db.transaction():
            yield self
