"""The SQLite database's own state: failures by SQLite's result codes, a write probe for /health.

A write probe is `BEGIN IMMEDIATE`, a write of the header that changes nothing, `ROLLBACK`: SQLite
refuses the write on a read-only or immutable file, and returns SQLITE_BUSY at once
(busy_timeout 0) while another writer holds the lock.
A full disk shows only when a write needs a new page, so a recent SQLITE_FULL (or little free
space) counts too.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from sqlite_utils import Database

from bot.ports.storage import Failure, StorageHealth

# Primary result codes (https://sqlite.org/rescode.html).
_BUSY = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_UNAVAILABLE = {3, 8, 10, 13, 14, 22}  # PERM, READONLY, IOERR, FULL, CANTOPEN, NOLFS
_FULL = 13
# After a write failed as unavailable, /health says so this long even if the probe passes
# (a full disk lets BEGIN through and fails at the first page).
REMEMBER_SECONDS = 60.0
MIN_FREE_BYTES = 8 * 1024 * 1024


class SqliteStorageStatus:
    def __init__(self, db: Database, path: Path | str) -> None:
        self._db = db
        self._folder = None if str(path) == ":memory:" else Path(path).resolve().parent
        self._unavailable_at = -REMEMBER_SECONDS
        self._unavailable_why = ""

    def failure(self, error: BaseException) -> Failure | None:
        if not isinstance(error, sqlite3.Error):
            return None
        code = getattr(error, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        text = str(error).lower()
        if primary in _BUSY or "locked" in text or "busy" in text:
            return "busy"
        if primary in _UNAVAILABLE or "readonly" in text or "disk" in text:
            self._unavailable_at = time.monotonic()
            self._unavailable_why = "disk full" if primary == _FULL else _name(error)
            return "unavailable"
        return None

    def changes(self) -> int:
        return int(self._db.conn.total_changes)

    def health(self) -> StorageHealth:
        if time.monotonic() - self._unavailable_at < REMEMBER_SECONDS:
            return StorageHealth(False, self._unavailable_why)
        if self._folder is not None:
            try:
                if shutil.disk_usage(self._folder).free < MIN_FREE_BYTES:
                    return StorageHealth(False, "disk full")
            except OSError as error:
                return StorageHealth(False, type(error).__name__)
        return self._probe()

    def _probe(self) -> StorageHealth:
        conn = self._db.conn
        if conn.in_transaction:
            return StorageHealth(True, "ok")  # this process is writing right now
        timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                # A write that changes nothing, rolled back: on a read-only file (WAL lets BEGIN
                # through) it is refused.
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
                conn.execute(f"PRAGMA user_version = {version}")
            finally:
                conn.execute("ROLLBACK")
        except sqlite3.Error as error:
            kind = self.failure(error)
            if kind == "busy":
                return StorageHealth(True, "busy")
            return StorageHealth(False, _name(error))
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
        return StorageHealth(True, "ok")


def _name(error: sqlite3.Error) -> str:
    name = str(getattr(error, "sqlite_errorname", "") or type(error).__name__)
    if "READONLY" in name:
        return "read-only"
    return "disk full" if name.startswith("SQLITE_FULL") else name
