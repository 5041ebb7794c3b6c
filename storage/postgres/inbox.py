"""The web chat's inbox in PostgreSQL: what the bot said on its own, per person and channel."""

from __future__ import annotations

from typing import Any

from psycopg.types.json import Jsonb

from bot.ports.clock import Clock
from storage.postgres.database import Conn, PostgresDatabase
from storage.postgres.events import CHANNEL, payload
from storage.postgres.times import iso_or_none


class PostgresWebchatInbox:
    """Each post is also announced (NOTIFY, at its commit) to the other replicas, whose open
    pages get it through storage/postgres/events.py; `origin` names this process."""

    def __init__(self, db: PostgresDatabase, clock: Clock, *, origin: str = "") -> None:
        self._db = db
        self._clock = clock
        self._origin = origin

    def append(
        self,
        *,
        channel: str,
        user: str,
        text: str,
        file: dict[str, str] | None,
        choices: list[dict[str, str]] | None = None,
    ) -> dict[str, Any]:
        post = {"channel": channel, "user": user, "text": text, "file": file, "choices": choices}
        return self.append_many([post])[0]

    def append_many(self, posts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The posts and their announcements in one statement (one round trip); the payload as
        payload() writes it. Numbers are given in the rows' order, so seq order is theirs."""
        if not posts:
            return []
        now = self._clock.now()
        with self._db.connection() as conn:
            rows = conn.execute(
                "WITH stored AS (INSERT INTO webchat_inbox "
                '(channel, "user", text, file, choices, at) '
                "SELECT p.channel, p.user, p.text, p.file, p.choices, %s "
                "FROM unnest(%s::text[], %s::text[], %s::text[], %s::jsonb[], %s::jsonb[]) "
                'WITH ORDINALITY AS p(channel, "user", text, file, choices, n) '
                "ORDER BY p.n RETURNING *) "
                "SELECT stored.*, pg_notify(%s, json_build_object("
                "'seq', stored.seq, 'user', stored.\"user\", 'origin', %s::text)::text) "
                "FROM stored ORDER BY stored.seq",
                [
                    now,
                    [p["channel"] for p in posts],
                    [p["user"] for p in posts],
                    [p["text"] for p in posts],
                    [Jsonb(p["file"]) if p.get("file") else None for p in posts],
                    [Jsonb(p["choices"]) if p.get("choices") else None for p in posts],
                    CHANNEL,
                    self._origin,
                ],
            ).fetchall()
        assert len(rows) == len(posts)
        return [self._public(row) for row in rows]

    def _announce(self, conn: Conn, seq: int, user: str) -> None:
        conn.execute(
            "SELECT pg_notify(%s, %s)",
            [CHANNEL, payload(seq=seq, user=user, origin=self._origin)],
        )

    def after(self, *, user: str, seq: int, limit: int = 200) -> list[dict[str, Any]]:
        with self._db.connection() as conn:
            rows = conn.execute(
                'SELECT * FROM webchat_inbox WHERE seq > %s AND ("user" = \'\' OR "user" = %s) '
                "ORDER BY seq LIMIT %s",
                [seq, user, limit],
            ).fetchall()
        return [self._public(row) for row in rows]

    def withdraw(self, seq: int) -> bool:
        with self._db.connection() as conn:
            row = conn.execute(
                "UPDATE webchat_inbox SET withdrawn_at = %s WHERE seq = %s AND withdrawn_at IS NULL "
                'RETURNING "user"',
                [self._clock.now(), seq],
            ).fetchone()
            if row is None:
                return False
            self._announce(conn, seq, row["user"])
            return True

    def get(self, seq: int) -> dict[str, Any] | None:
        with self._db.connection() as conn:
            row = conn.execute("SELECT * FROM webchat_inbox WHERE seq = %s", [seq]).fetchone()
        return self._public(row) if row else None

    def grant_file(self, file_id: str, user: str) -> None:
        """`user` may fetch this file; '' for a channel post."""
        with self._db.connection() as conn:
            conn.execute(
                'INSERT INTO webchat_file_grants (file_id, "user", at) VALUES (%s, %s, %s) '
                "ON CONFLICT DO NOTHING",
                [file_id, user, self._clock.now()],
            )

    def file_grantees(self, file_id: str) -> set[str]:
        with self._db.connection() as conn:
            rows = conn.execute(
                'SELECT "user" FROM webchat_file_grants WHERE file_id = %s', [file_id]
            ).fetchall()
        return {row["user"] for row in rows}

    @staticmethod
    def _public(row: dict[str, Any]) -> dict[str, Any]:
        message: dict[str, Any] = {
            "seq": row["seq"],
            "channel": row["channel"],
            "direct": bool(row["user"]),
            "text": row["text"],
            "at": iso_or_none(row["at"]),
        }
        if row["file"]:
            message["file"] = row["file"]
        if row.get("choices"):
            message["choices"] = row["choices"]
        if row.get("withdrawn_at"):
            message["withdrawn_at"] = iso_or_none(row["withdrawn_at"])
        return message
