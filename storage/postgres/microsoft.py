"""PostgreSQL stores of the Teams and SharePoint adapters: conversation references every replica
can write through, and what was published, uploaded and synced (done once, by any replica)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.ports.clock import Clock
from storage.postgres.database import PostgresDatabase
from storage.postgres.times import iso_or_none


def _plain(row: dict[str, Any] | None) -> dict[str, Any] | None:
    """Rows as SQLite gives them: times as UTC isoformat text."""
    if row is None:
        return None
    return {k: iso_or_none(v) if isinstance(v, datetime) else v for k, v in row.items()}


class _State:
    def __init__(self, db: PostgresDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def _one(self, sql: str, params: list[Any]) -> dict[str, Any] | None:
        with self._db.connection() as conn:
            return _plain(conn.execute(sql, params).fetchone())

    def _upsert(self, table: str, row: dict[str, Any], key: tuple[str, ...]) -> None:
        updates = ", ".join(f"{name} = EXCLUDED.{name}" for name in row if name not in key)
        with self._db.connection() as conn:
            conn.execute(
                f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('%s' for _ in row)}) "
                f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}",
                list(row.values()),
            )


class PostgresTeamsReferences(_State):
    def save(
        self,
        *,
        key: str,
        kind: str,
        name: str,
        conversation_id: str,
        service_url: str,
        tenant_id: str,
        reference: str,
    ) -> None:
        row = {
            "key": key,
            "kind": kind,
            "name": name,
            "conversation_id": conversation_id,
            "service_url": service_url,
            "tenant_id": tenant_id,
            "reference": reference,
            "updated_at": self._clock.now(),
        }
        self._upsert("teams_references", row, ("key",))

    def get(self, key: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM teams_references WHERE key = %s", [key])

    def by_name(self, kind: str, name: str) -> dict[str, Any] | None:
        return self._one(
            "SELECT * FROM teams_references WHERE kind = %s AND lower(name) = lower(%s) "
            "ORDER BY updated_at DESC LIMIT 1",
            [kind, name],
        )

    def count(self) -> int:
        row = self._one("SELECT COUNT(*) AS n FROM teams_references", [])
        return int(row["n"]) if row else 0


class PostgresSharePointState(_State):
    def page_published(self, *, url: str, page_id: str, site_id: str, title: str) -> None:
        row = {
            "url": url,
            "page_id": page_id,
            "site_id": site_id,
            "title": title,
            "published_at": self._clock.now(),
        }
        self._upsert("sharepoint_pages", row, ("url",))

    def page(self, url: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM sharepoint_pages WHERE url = %s", [url])

    def forget_page(self, url: str) -> None:
        with self._db.connection() as conn:
            conn.execute("DELETE FROM sharepoint_pages WHERE url = %s", [url])

    def upload(self, digest: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM sharepoint_uploads WHERE digest = %s", [digest])

    def uploaded(self, *, digest: str, name: str, item_id: str, url: str, size: int) -> None:
        row = {
            "digest": digest,
            "name": name,
            "item_id": item_id,
            "url": url,
            "size": size,
            "uploaded_at": self._clock.now(),
        }
        self._upsert("sharepoint_uploads", row, ("digest",))

    def list_row(self, list_id: str, item_id: str) -> dict[str, Any] | None:
        return self._one(
            "SELECT * FROM sharepoint_list_rows WHERE list_id = %s AND item_id = %s",
            [list_id, item_id],
        )

    def list_row_synced(
        self, *, list_id: str, item_id: str, etag: str, digest: str, record: str = ""
    ) -> None:
        row = {
            "list_id": list_id,
            "item_id": item_id,
            "etag": etag,
            "digest": digest,
            "record": record,
            "synced_at": self._clock.now(),
        }
        self._upsert("sharepoint_list_rows", row, ("list_id", "item_id"))
