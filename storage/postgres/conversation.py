"""Dialogue state and the idempotent request log in PostgreSQL: any replica continues a
conversation another one started, and answers a retry with the first answer."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from psycopg.types.json import Jsonb

from bot.ports.clock import Clock
from bot.ports.conversation import Dialogue
from storage.postgres.database import PostgresDatabase
from storage.postgres.times import iso_or_none


class PostgresDialogueStore:
    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    def load(self, key: str) -> Dialogue | None:
        with self._db.connection() as conn:
            row = conn.execute("SELECT data FROM dialogues WHERE key = %s", [key]).fetchone()
        if row is None:
            return None
        data = dict(row["data"])
        data["updated_at"] = datetime.fromisoformat(data["updated_at"])
        return Dialogue(**data)

    def save(self, key: str, dialogue: Dialogue) -> None:
        data = {
            "id": dialogue.id,
            "flow": dialogue.flow,
            "state": dialogue.state,
            "kind": dialogue.kind,
            "values": dialogue.values,
            "pending": dialogue.pending,
            "updated_at": iso_or_none(dialogue.updated_at),
            "extra": dialogue.extra,
        }
        with self._db.connection() as conn:
            conn.execute(
                "INSERT INTO dialogues (key, data, updated_at) VALUES (%s, %s, %s) "
                "ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, "
                "updated_at = EXCLUDED.updated_at",
                [key, Jsonb(data), dialogue.updated_at],
            )

    def delete(self, key: str) -> None:
        with self._db.connection() as conn:
            conn.execute("DELETE FROM dialogues WHERE key = %s", [key])


class PostgresRequestLog:
    def __init__(self, db: PostgresDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def get(self, key: str) -> list[dict[str, Any]] | None:
        with self._db.connection() as conn:
            row = conn.execute(
                "SELECT replies FROM handled_requests WHERE key = %s", [key]
            ).fetchone()
        return list(row["replies"]) if row else None

    def put(self, key: str, replies: list[dict[str, Any]]) -> None:
        with self._db.connection() as conn:
            conn.execute(
                "INSERT INTO handled_requests (key, replies, at) VALUES (%s, %s, %s) "
                "ON CONFLICT (key) DO UPDATE SET replies = EXCLUDED.replies, at = EXCLUDED.at",
                [key, Jsonb(replies), self._clock.now()],
            )

    def claim(self, key: str) -> bool:
        with self._db.connection() as conn:
            cursor = conn.execute(
                "INSERT INTO handled_requests (key, replies, at) VALUES (%s, '[]', %s) "
                "ON CONFLICT (key) DO NOTHING",
                [key, self._clock.now()],
            )
            return cursor.rowcount == 1

    def forget(self, key: str) -> None:
        with self._db.connection() as conn:
            conn.execute("DELETE FROM handled_requests WHERE key = %s", [key])

    def prune(self, before: datetime) -> int:
        with self._db.connection() as conn:
            cursor = conn.execute("DELETE FROM handled_requests WHERE at < %s", [before])
            return int(cursor.rowcount or 0)
