"""Web chat sessions and sign-ins under way in SQLite (bot.ports.sessions.SessionStore)."""

from __future__ import annotations

import json
from datetime import datetime

from sqlite_utils import Database

from bot.ports.sessions import PendingSignIn, WebSession
from storage.sqlite.times import iso, parse


class SqliteSessionStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create(self, key: str, session: WebSession) -> None:
        roles = session.directory_roles
        self._db.table("web_sessions").insert(
            {
                "key": key,
                "user_id": session.user_id,
                "name": session.name,
                "directory_roles": None if roles is None else json.dumps(list(roles)),
                "id_token": session.id_token,
                "created_at": iso(session.created_at),
                "seen_at": iso(session.seen_at),
            },
            replace=True,
        )

    def get(self, key: str) -> WebSession | None:
        rows = list(self._db.query("SELECT * FROM web_sessions WHERE key = ?", [key]))
        if not rows:
            return None
        row = rows[0]
        roles = row["directory_roles"]
        return WebSession(
            user_id=row["user_id"],
            name=row["name"] or "",
            directory_roles=None if roles is None else tuple(json.loads(roles)),
            id_token=row["id_token"] or "",
            created_at=parse(row["created_at"]),
            seen_at=parse(row["seen_at"]),
        )

    def touch(self, key: str, at: datetime) -> None:
        self._db.execute("UPDATE web_sessions SET seen_at = ? WHERE key = ?", [iso(at), key])

    def delete(self, key: str) -> None:
        self._db.execute("DELETE FROM web_sessions WHERE key = ?", [key])

    def delete_idle(self, before: datetime) -> int:
        cursor = self._db.execute("DELETE FROM web_sessions WHERE seen_at < ?", [iso(before)])
        # Sign-ins abandoned at the issuer's page go with them.
        self._db.execute("DELETE FROM web_sign_ins WHERE created_at < ?", [iso(before)])
        return int(cursor.rowcount)

    def begin_sign_in(self, state: str, pending: PendingSignIn) -> None:
        self._db.table("web_sign_ins").insert(
            {
                "state": state,
                "nonce": pending.nonce,
                "code_verifier": pending.code_verifier,
                "return_to": pending.return_to,
                "popup": int(pending.popup),
                "created_at": iso(pending.created_at),
            }
        )

    def take_sign_in(self, state: str) -> PendingSignIn | None:
        # DELETE … RETURNING: of two callbacks with the same state only one gets the row.
        rows = self._db.execute(
            "DELETE FROM web_sign_ins WHERE state = ? "
            "RETURNING nonce, code_verifier, return_to, popup, created_at",
            [state],
        ).fetchall()
        if not rows:
            return None
        nonce, verifier, return_to, popup, created_at = rows[0]
        return PendingSignIn(
            nonce=nonce,
            code_verifier=verifier,
            return_to=return_to or "/",
            popup=bool(popup),
            created_at=parse(created_at),
        )
