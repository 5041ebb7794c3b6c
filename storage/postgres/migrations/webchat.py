"""The web chat's sign-in in PostgreSQL: sessions, sign-ins under way, who may fetch a file.
Names as in SQLite's set "fvis-webchat"."""

from __future__ import annotations

from storage.postgres.migrations.registry import Conn, Migrations

migrations = Migrations("fvis-webchat")


@migrations()
def m001_sessions(conn: Conn) -> None:
    conn.execute(
        """
        CREATE TABLE web_sessions (
            key text PRIMARY KEY,
            user_id text NOT NULL,
            name text NOT NULL DEFAULT '',
            directory_roles jsonb,
            id_token text NOT NULL DEFAULT '',
            created_at timestamptz NOT NULL,
            seen_at timestamptz NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX web_sessions_seen_at ON web_sessions (seen_at)")
    conn.execute(
        """
        CREATE TABLE web_sign_ins (
            state text PRIMARY KEY,
            nonce text NOT NULL,
            code_verifier text NOT NULL,
            return_to text NOT NULL DEFAULT '/',
            popup boolean NOT NULL DEFAULT false,
            created_at timestamptz NOT NULL
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE webchat_file_grants (
            file_id text NOT NULL,
            "user" text NOT NULL,
            at timestamptz NOT NULL,
            PRIMARY KEY (file_id, "user")
        )
        """
    )
