"""The unit of work in SQLite: every store of one database shares its connection, so one
transaction on it spans them all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database


class SqliteUnitOfWork:
    def __init__(self, db: Database) -> None:
        self._db = db

    @contextmanager
    def atomic(self) -> Iterator[object]:
        # sqlite-utils opens BEGIN, or a savepoint when a transaction is open already.
        with self._db.atomic():
            yield self
