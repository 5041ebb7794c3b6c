"""Bulk reads for reports in PostgreSQL (the core's `ReportStore`): whole registers through a
server-side cursor, a batch at a time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from bot.domain.model import Entry, Kind, Status
from bot.ports.reports import EntryScope, StatusChange
from storage.postgres.database import PostgresDatabase
from storage.postgres.entries import COLUMNS, entry_conditions, from_row

# Rows fetched per round trip: a register of 100 000 entries never sits in memory twice.
BATCH = 2_000


def _where(scope: EntryScope, alias: str = "") -> tuple[str, list[Any]]:
    prefix = f"{alias}." if alias else ""
    where, params = entry_conditions(scope.kinds, scope.statuses, scope.reporter, prefix)
    if scope.created_from is not None:
        where.append(f"{prefix}created_at >= %s")
        params.append(scope.created_from)
    if scope.created_to is not None:
        where.append(f"{prefix}created_at < %s")
        params.append(scope.created_to)
    return (f"WHERE {' AND '.join(where)}" if where else ""), params


class PostgresReportStore:
    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    def entries(self, scope: EntryScope) -> Iterator[Entry]:
        clause, params = _where(scope)
        # COLLATE "C": SQLite's order (bytes), whatever the database's collation. A named
        # (server-side) cursor lives in a transaction.
        with (
            self._db.connection() as conn,
            conn.transaction(),
            conn.cursor(name="fvis_report_entries") as cursor,
        ):
            cursor.itersize = BATCH
            cursor.execute(
                f'SELECT {COLUMNS} FROM entries {clause} ORDER BY kind COLLATE "C", number', params
            )
            for row in cursor:
                yield from_row(row)

    def counts(self, scope: EntryScope) -> dict[tuple[Kind, Status], int]:
        clause, params = _where(scope)
        with self._db.connection() as conn:
            rows = conn.execute(
                f"SELECT kind, status, COUNT(*) AS n FROM entries {clause} GROUP BY kind, status",
                params,
            ).fetchall()
        return {(Kind(row["kind"]), Status(row["status"])): int(row["n"]) for row in rows}

    def status_changes(
        self, scope: EntryScope, start: datetime, end: datetime
    ) -> list[StatusChange]:
        clause, params = _where(
            EntryScope(kinds=scope.kinds, statuses=scope.statuses, reporter=scope.reporter), "e"
        )
        condition = "h.field = 'status' AND h.at >= %s AND h.at < %s"
        clause = f"{clause} AND {condition}" if clause else f"WHERE {condition}"
        with self._db.connection() as conn:
            rows = conn.execute(
                "SELECT e.kind, e.number, h.new, h.at FROM history h "
                f"JOIN entries e ON e.id = h.entry_id {clause} ORDER BY h.id",
                [*params, start, end],
            ).fetchall()
        return [
            StatusChange(Kind(row["kind"]), int(row["number"]), row["new"], row["at"])
            for row in rows
        ]

    def latest_values(self, scope: EntryScope, field: str) -> dict[tuple[Kind, int], str]:
        clause, params = _where(scope, "e")
        condition = "h.field = %s"
        clause = f"{clause} AND {condition}" if clause else f"WHERE {condition}"
        with self._db.connection() as conn:
            rows = conn.execute(
                "SELECT e.kind, e.number, h.new FROM history h "
                f"JOIN entries e ON e.id = h.entry_id {clause} ORDER BY h.id",
                [*params, field],
            ).fetchall()
        # In the order written: the last one stays.
        return {(Kind(row["kind"]), int(row["number"])): str(row["new"] or "") for row in rows}
