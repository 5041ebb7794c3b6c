"""The programme file's data as stored in SQLite (the core's ProgrammeStore)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from bot.ports.clock import Clock
from storage.sqlite.times import iso as _iso


class SqliteProgrammeStore:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def load_programme(self) -> dict[str, Any] | None:
        rows = list(self._db.query("SELECT data FROM programme WHERE id = 1"))
        return json.loads(rows[0]["data"]) if rows else None

    def save_programme(self, data: dict[str, Any]) -> None:
        self._db.table("programme").upsert(
            {
                "id": 1,
                "data": json.dumps(data, ensure_ascii=False, default=str),
                "updated_at": _iso(self._clock.now()),
            },
            pk="id",
        )
