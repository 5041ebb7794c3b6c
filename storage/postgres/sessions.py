"""Web chat sessions and sign-ins under way in PostgreSQL (bot.ports.sessions.SessionStore):
any replica finds the session another one opened, and takes a sign-in's callback."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from psycopg.types.json import Jsonb

from bot.ports.sessions import PendingSignIn, WebSession
from storage.postgres.database import PostgresDatabase


class PostgresSessionStore:
    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    def create(self, key: str, session: WebSession) -> None:
        roles = session.directory_roles
        with self._db.connection() as conn:
            conn.execute(
                "INSERT INTO web_sessions (key, user_id, name, directory_roles, id_token, "
                "created_at, seen_at) VALUES (%s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (key) DO UPDATE SET user_id = EXCLUDED.user_id, "
                "name = EXCLUDED.name, directory_roles = EXCLUDED.directory_roles, "
                "id_token = EXCLUDED.id_token, created_at = EXCLUDED.created_at, "
                "seen_at = EXCLUDED.seen_at",
                [
                    key,
                    session.user_id,
                    session.name,
                    None if roles is None else Jsonb(list(roles)),
                    session.id_token,
                    session.created_at,
                    session.seen_at,
                ],
            )

    def get(self, key: str) -> WebSession | None:
        with self._db.connection() as conn:
            row: dict[str, Any] | None = conn.execute(
                "SELECT * FROM web_sessions WHERE key = %s", [key]
            ).fetchone()
        if row is None:
            return None
        roles = row["directory_roles"]
        return WebSession(
            user_id=row["user_id"],
            name=row["name"],
            directory_roles=None if roles is None else tuple(roles),
            id_token=row["id_token"],
            created_at=row["created_at"],
            seen_at=row["seen_at"],
        )

    def touch(self, key: str, at: datetime) -> None:
        with self._db.connection() as conn:
            conn.execute("UPDATE web_sessions SET seen_at = %s WHERE key = %s", [at, key])

    def delete(self, key: str) -> None:
        with self._db.connection() as conn:
            conn.execute("DELETE FROM web_sessions WHERE key = %s", [key])

    def delete_idle(self, before: datetime) -> int:
        with self._db.connection() as conn:
            removed = conn.execute("DELETE FROM web_sessions WHERE seen_at < %s", [before])
            conn.execute("DELETE FROM web_sign_ins WHERE created_at < %s", [before])
            return int(removed.rowcount)

    def begin_sign_in(self, state: str, pending: PendingSignIn) -> None:
        with self._db.connection() as conn:
            conn.execute(
                "INSERT INTO web_sign_ins (state, nonce, code_verifier, return_to, popup, "
                "created_at) VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    state,
                    pending.nonce,
                    pending.code_verifier,
                    pending.return_to,
                    pending.popup,
                    pending.created_at,
                ],
            )

    def take_sign_in(self, state: str) -> PendingSignIn | None:
        # DELETE … RETURNING: of two callbacks with the same state (on two replicas) one wins.
        with self._db.connection() as conn:
            row: dict[str, Any] | None = conn.execute(
                "DELETE FROM web_sign_ins WHERE state = %s RETURNING *", [state]
            ).fetchone()
        if row is None:
            return None
        return PendingSignIn(
            nonce=row["nonce"],
            code_verifier=row["code_verifier"],
            return_to=row["return_to"] or "/",
            popup=bool(row["popup"]),
            created_at=row["created_at"],
        )
