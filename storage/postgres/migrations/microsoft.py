"""The Teams and SharePoint adapters' state in PostgreSQL (names as in SQLite's "fvis-teams")."""

from __future__ import annotations

from storage.postgres.migrations.registry import Conn, Migrations

migrations = Migrations("fvis-teams")


@migrations()
def m001_teams_references(conn: Conn) -> None:
    conn.execute(
        """
        CREATE TABLE teams_references (
            key text PRIMARY KEY,
            kind text NOT NULL,
            name text NOT NULL DEFAULT '',
            conversation_id text NOT NULL,
            service_url text NOT NULL,
            tenant_id text NOT NULL DEFAULT '',
            reference text NOT NULL,
            updated_at timestamptz NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX teams_references_name ON teams_references (kind, lower(name))")


@migrations()
def m002_sharepoint(conn: Conn) -> None:
    conn.execute(
        "CREATE TABLE sharepoint_pages (url text PRIMARY KEY, page_id text NOT NULL, "
        "site_id text NOT NULL, title text NOT NULL DEFAULT '', published_at timestamptz NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE sharepoint_uploads (digest text PRIMARY KEY, name text NOT NULL DEFAULT '', "
        "item_id text NOT NULL, url text NOT NULL, size bigint NOT NULL DEFAULT 0, "
        "uploaded_at timestamptz NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE sharepoint_list_rows (list_id text NOT NULL, item_id text NOT NULL, "
        "etag text NOT NULL DEFAULT '', digest text NOT NULL, synced_at timestamptz NOT NULL, "
        "PRIMARY KEY (list_id, item_id))"
    )


@migrations()
def m003_list_row_records(conn: Conn) -> None:
    conn.execute("ALTER TABLE sharepoint_list_rows ADD COLUMN record text NOT NULL DEFAULT ''")


@migrations()
def m004_rate_budget(conn: Conn) -> None:
    # PostgreSQL only: the Teams per-app send budget every replica shares (one row per budget,
    # the next free slot). A single SQLite process keeps its budget in memory.
    conn.execute("CREATE TABLE rate_budget (name text PRIMARY KEY, next_at timestamptz NOT NULL)")
