"""The audit log in PostgreSQL: every change and every read of a deviation."""

from __future__ import annotations

from bot.ports.clock import Clock
from storage.postgres.database import PostgresDatabase


class PostgresAuditLog:
    def __init__(self, db: PostgresDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def record(self, *, actor: str, action: str, ref: str = "", detail: str = "") -> None:
        with self._db.connection() as conn:
            conn.execute(
                "INSERT INTO audit (at, actor, action, ref, detail) VALUES (%s, %s, %s, %s, %s)",
                [self._clock.now(), actor, action, ref, detail],
            )
