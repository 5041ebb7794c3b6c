"""The audit log in SQLite: every change and every read of a deviation."""

from __future__ import annotations

from sqlite_utils import Database

from bot.ports.clock import Clock
from storage.sqlite.times import iso as _iso


class SqliteAuditLog:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def record(self, *, actor: str, action: str, ref: str = "", detail: str = "") -> None:
        # Plain SQL: a row is written for every post and change, and sqlite-utils' insert()
        # reads the table's schema each time (a thousand posts due together felt it).
        self._db.execute(
            "INSERT INTO audit (at, actor, action, ref, detail) VALUES (?, ?, ?, ?, ?)",
            [_iso(self._clock.now()), actor, action, ref, detail],
        )
