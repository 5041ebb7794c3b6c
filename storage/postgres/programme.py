"""The programme file's data as stored in PostgreSQL (the core's ProgrammeStore)."""

from __future__ import annotations

import json
from typing import Any

from psycopg.types.json import Jsonb

from bot.ports.clock import Clock
from storage.postgres.database import PostgresDatabase


class PostgresProgrammeStore:
    def __init__(self, db: PostgresDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def load_programme(self) -> dict[str, Any] | None:
        with self._db.connection() as conn:
            row = conn.execute("SELECT data FROM programme WHERE id = 1").fetchone()
        return dict(row["data"]) if row else None

    def save_programme(self, data: dict[str, Any]) -> None:
        # Through json with default=str, as SQLite stores it: dates in the file become text.
        plain = json.loads(json.dumps(data, ensure_ascii=False, default=str))
        with self._db.connection() as conn:
            conn.execute(
                "INSERT INTO programme (id, data, updated_at) VALUES (1, %s, %s) "
                "ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, "
                "updated_at = EXCLUDED.updated_at",
                [Jsonb(plain), self._clock.now()],
            )
