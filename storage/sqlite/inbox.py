"""The web chat's inbox in SQLite: what the bot said on its own, per person and channel."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from bot.ports.clock import Clock
from storage.sqlite.times import iso as _iso


class SqliteWebchatInbox:
    """What the bot posted on its own to the web chat: channel posts and direct messages."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def append(
        self,
        *,
        channel: str,
        user: str,
        text: str,
        file: dict[str, str] | None,
        choices: list[dict[str, str]] | None = None,
    ) -> dict[str, Any]:
        row = {
            "channel": channel,
            "user": user,
            "text": text,
            "file": json.dumps(file) if file else "",
            "choices": json.dumps(choices, ensure_ascii=False) if choices else "",
            "at": _iso(self._clock.now()),
        }
        # Plain SQL: sqlite-utils' insert() reads the table's schema on every call.
        cursor = self._db.execute(
            f"INSERT INTO webchat_inbox ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
            list(row.values()),
        )
        return self._public({**row, "seq": cursor.lastrowid})

    def append_many(self, posts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # One process writes SQLite: each row is a local statement, no round trip to save.
        return [self.append(**post) for post in posts]

    def after(self, *, user: str, seq: int, limit: int = 200) -> list[dict[str, Any]]:
        rows = self._db.query(
            "SELECT * FROM webchat_inbox WHERE seq > ? AND (user = '' OR user = ?) "
            "ORDER BY seq LIMIT ?",
            [seq, user, limit],
        )
        return [self._public(row) for row in rows]

    def withdraw(self, seq: int) -> bool:
        """Mark a post withdrawn; the page shows it struck out. False if there is no such post."""
        cursor = self._db.execute(
            "UPDATE webchat_inbox SET withdrawn_at = ? WHERE seq = ? AND withdrawn_at IS NULL",
            [_iso(self._clock.now()), seq],
        )
        return cursor.rowcount == 1

    def get(self, seq: int) -> dict[str, Any] | None:
        rows = list(self._db.query("SELECT * FROM webchat_inbox WHERE seq = ?", [seq]))
        return self._public(rows[0]) if rows else None

    def grant_file(self, file_id: str, user: str) -> None:
        """`user` may fetch this file; '' for a channel post."""
        self._db.table("webchat_file_grants").insert(
            {"file_id": file_id, "user": user, "at": _iso(self._clock.now())}, ignore=True
        )

    def file_grantees(self, file_id: str) -> set[str]:
        """Who was handed this file ('' for a channel post); empty for a file never handed out."""
        rows = self._db.query("SELECT user FROM webchat_file_grants WHERE file_id = ?", [file_id])
        return {row["user"] for row in rows}

    @staticmethod
    def _public(row: dict[str, Any]) -> dict[str, Any]:
        message = {
            "seq": row["seq"],
            "channel": row["channel"],
            "direct": bool(row["user"]),
            "text": row["text"],
            "at": row["at"],
        }
        if row["file"]:
            message["file"] = json.loads(row["file"])
        if row.get("choices"):
            message["choices"] = json.loads(row["choices"])
        if row.get("withdrawn_at"):
            message["withdrawn_at"] = row["withdrawn_at"]
        return message
