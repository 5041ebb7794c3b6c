"""SQLite stores of the Teams and SharePoint adapters (their ports live beside the adapters)."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlite_utils import Database

from bot.ports.clock import Clock


class SqliteTeamsReferences:
    """Conversation references by person and by channel, kept up to date at every meeting."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

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
        self._db.table("teams_references").upsert(
            {
                "key": key,
                "kind": kind,
                "name": name,
                "conversation_id": conversation_id,
                "service_url": service_url,
                "tenant_id": tenant_id,
                "reference": reference,
                "updated_at": self._clock.now().astimezone(UTC).isoformat(),
            },
            pk="key",
        )

    def get(self, key: str) -> dict[str, Any] | None:
        rows = list(self._db.query("SELECT * FROM teams_references WHERE key = ?", [key]))
        return rows[0] if rows else None

    def by_name(self, kind: str, name: str) -> dict[str, Any] | None:
        rows = list(
            self._db.query(
                "SELECT * FROM teams_references WHERE kind = ? AND name = ? COLLATE NOCASE "
                "ORDER BY updated_at DESC LIMIT 1",
                [kind, name],
            )
        )
        return rows[0] if rows else None

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM teams_references").fetchone()[0])


class SqliteSharePointState:
    """Pages published, files uploaded and list rows synced, so nothing is done twice."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def _now(self) -> str:
        return self._clock.now().astimezone(UTC).isoformat()

    def page_published(self, *, url: str, page_id: str, site_id: str, title: str) -> None:
        self._db.table("sharepoint_pages").upsert(
            {
                "url": url,
                "page_id": page_id,
                "site_id": site_id,
                "title": title,
                "published_at": self._now(),
            },
            pk="url",
        )

    def page(self, url: str) -> dict[str, Any] | None:
        rows = list(self._db.query("SELECT * FROM sharepoint_pages WHERE url = ?", [url]))
        return rows[0] if rows else None

    def forget_page(self, url: str) -> None:
        self._db.execute("DELETE FROM sharepoint_pages WHERE url = ?", [url])

    def upload(self, digest: str) -> dict[str, Any] | None:
        rows = list(self._db.query("SELECT * FROM sharepoint_uploads WHERE digest = ?", [digest]))
        return rows[0] if rows else None

    def uploaded(self, *, digest: str, name: str, item_id: str, url: str, size: int) -> None:
        self._db.table("sharepoint_uploads").upsert(
            {
                "digest": digest,
                "name": name,
                "item_id": item_id,
                "url": url,
                "size": size,
                "uploaded_at": self._now(),
            },
            pk="digest",
        )

    def list_row(self, list_id: str, item_id: str) -> dict[str, Any] | None:
        rows = list(
            self._db.query(
                "SELECT * FROM sharepoint_list_rows WHERE list_id = ? AND item_id = ?",
                [list_id, item_id],
            )
        )
        return rows[0] if rows else None

    def list_row_synced(
        self, *, list_id: str, item_id: str, etag: str, digest: str, record: str = ""
    ) -> None:
        self._db.table("sharepoint_list_rows").upsert(
            {
                "list_id": list_id,
                "item_id": item_id,
                "etag": etag,
                "digest": digest,
                "record": record,
                "synced_at": self._now(),
            },
            pk=("list_id", "item_id"),
        )
