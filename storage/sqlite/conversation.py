"""Dialogue state and the idempotent request log in SQLite."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.ports.clock import Clock
from bot.ports.conversation import Dialogue
from storage.sqlite.times import iso as _iso
from storage.sqlite.times import parse as _dt


class SqliteDialogueStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def load(self, key: str) -> Dialogue | None:
        rows = list(self._db.query("SELECT data FROM dialogues WHERE key = ?", [key]))
        if not rows:
            return None
        data = json.loads(rows[0]["data"])
        data["updated_at"] = _dt(data["updated_at"])
        return Dialogue(**data)

    def save(self, key: str, dialogue: Dialogue) -> None:
        data = {
            "id": dialogue.id,
            "flow": dialogue.flow,
            "state": dialogue.state,
            "kind": dialogue.kind,
            "values": dialogue.values,
            "pending": dialogue.pending,
            "updated_at": _iso(dialogue.updated_at),
            "extra": dialogue.extra,
        }
        self._db.table("dialogues").upsert(
            {
                "key": key,
                "data": json.dumps(data, ensure_ascii=False),
                "updated_at": data["updated_at"],
            },
            pk="key",
        )

    def prune(self, before: datetime) -> int:
        cursor = self._db.execute("DELETE FROM handled_requests WHERE at < ?", [_iso(before)])
        return int(cursor.rowcount or 0)

    def delete(self, key: str) -> None:
        self._db.execute("DELETE FROM dialogues WHERE key = ?", [key])


class SqliteRequestLog:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def get(self, key: str) -> list[dict[str, Any]] | None:
        rows = list(self._db.query("SELECT replies FROM handled_requests WHERE key = ?", [key]))
        return json.loads(rows[0]["replies"]) if rows else None

    def put(self, key: str, replies: list[dict[str, Any]]) -> None:
        self._db.table("handled_requests").upsert(
            {
                "key": key,
                "replies": json.dumps(replies, ensure_ascii=False),
                "at": _iso(self._clock.now()),
            },
            pk="key",
        )

    def claim(self, key: str) -> bool:
        cursor = self._db.execute(
            "INSERT INTO handled_requests (key, replies, at) VALUES (?, '[]', ?) "
            "ON CONFLICT (key) DO NOTHING",
            [key, _iso(self._clock.now())],
        )
        return cursor.rowcount == 1

    def forget(self, key: str) -> None:
        self._db.execute("DELETE FROM handled_requests WHERE key = ?", [key])

    def prune(self, before: datetime) -> int:
        cursor = self._db.execute("DELETE FROM handled_requests WHERE at < ?", [_iso(before)])
        return int(cursor.rowcount or 0)
