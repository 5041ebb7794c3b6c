"""Opening the SQLite file: WAL, durable commits, migrations at start."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from storage.sqlite.migrations import core, governance, microsoft, notices, plan, reports, webchat

# Each feature has its own migration set; together they make the database, in this order. The
# sets' names ("fvis", "fvis-time", "fvis-teams", "fvis-governance", "fvis-webchat",
# "fvis-reports", "fvis-loops") and their functions' names are recorded in every existing
# database: never rename them.
MIGRATION_SETS = (
    core.migrations,
    plan.migrations,
    microsoft.migrations,
    governance.migrations,
    webchat.migrations,
    reports.migrations,
    notices.migrations,
)


# How long a statement waits for another writer's lock. The command line waits; the running
# bot waits only a moment on its event loop and retries asynchronously (bot.conversation).
BUSY_TIMEOUT_MS = 5000
SERVING_BUSY_TIMEOUT_MS = 0


def open_database(
    path: Path | str, *, migrate: bool = True, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Database:
    """Open (and create) the database; `":memory:"` gives a private in-memory one."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    # One asyncio thread uses the connection; the CLI and tests use it from the main thread.
    conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    db = Database(conn)
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    conn.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        db.enable_wal()
    # An entry is acknowledged only after its commit reached the disk.
    conn.execute("PRAGMA synchronous = FULL")
    if migrate and pending_migrations(db):
        # Only when something is pending: a bot started on a read-only database still starts
        # (and says on /health that it cannot write).
        for migrations in MIGRATION_SETS:
            migrations.apply(db)
    return db


def pending_migrations(db: Database) -> list[str]:
    return [m.name for migrations in MIGRATION_SETS for m in migrations.pending(db)]
