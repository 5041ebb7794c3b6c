"""Bulk reads for reports (the core's `ReportStore`): whole registers in one query each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.domain.model import Entry, Kind, Status
from bot.ports.reports import EntryScope, StatusChange
from storage.sqlite.entries import SqliteEntryRepository, entry_conditions
from storage.sqlite.times import iso as _iso

# What an Entry is made of (not the search text, the largest column).
COLUMNS = ", ".join(
    (
        "id", "kind", "number", "status", "title", "fields", "reporter_platform", "reporter_id",
        "reporter_name", "source_platform", "source_channel", "source_link", "assignee",
        "escalation_level", "flags", "created_at", "updated_at",
        "(SELECT 1 + COUNT(*) FROM entry_people p WHERE p.entry_id = entries.id "
        "AND p.role = 'reporter') AS reporter_count",
    )
)  # fmt: skip
# Rows fetched per round trip: a register of 100 000 entries never sits in memory twice.
BATCH = 2_000


def _where(scope: EntryScope, alias: str = "") -> tuple[str, list[Any]]:
    prefix = f"{alias}." if alias else ""
    where, params = entry_conditions(scope.kinds, scope.statuses, scope.reporter, prefix)
    if scope.created_from is not None:
        where.append(f"{prefix}created_at >= ?")
        params.append(_iso(scope.created_from))
    if scope.created_to is not None:
        where.append(f"{prefix}created_at < ?")
        params.append(_iso(scope.created_to))
    return (f"WHERE {' AND '.join(where)}" if where else ""), params


class SqliteReportStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def entries(self, scope: EntryScope) -> Iterator[Entry]:
        clause, params = _where(scope)
        cursor = self._db.execute(
            f"SELECT {COLUMNS} FROM entries {clause} ORDER BY kind, number", params
        )
        names = [column[0] for column in cursor.description]
        while rows := cursor.fetchmany(BATCH):
            for row in rows:
                yield SqliteEntryRepository._from_row(dict(zip(names, row, strict=True)))

    def counts(self, scope: EntryScope) -> dict[tuple[Kind, Status], int]:
        clause, params = _where(scope)
        rows = self._db.execute(
            f"SELECT kind, status, COUNT(*) FROM entries {clause} GROUP BY kind, status", params
        ).fetchall()
        return {(Kind(kind), Status(status)): int(count) for kind, status, count in rows}

    def status_changes(
        self, scope: EntryScope, start: datetime, end: datetime
    ) -> list[StatusChange]:
        clause, params = _where(
            EntryScope(kinds=scope.kinds, statuses=scope.statuses, reporter=scope.reporter), "e"
        )
        condition = "h.field = 'status' AND h.at >= ? AND h.at < ?"
        clause = f"{clause} AND {condition}" if clause else f"WHERE {condition}"
        rows = self._db.execute(
            "SELECT e.kind, e.number, h.new, h.at FROM history h JOIN entries e ON e.id = h.entry_id "
            f"{clause} ORDER BY h.id",
            [*params, _iso(start), _iso(end)],
        ).fetchall()
        return [
            StatusChange(Kind(kind), int(number), str(new), datetime.fromisoformat(at))
            for kind, number, new, at in rows
        ]

    def latest_values(self, scope: EntryScope, field: str) -> dict[tuple[Kind, int], str]:
        clause, params = _where(scope, "e")
        condition = "h.field = ?"
        clause = f"{clause} AND {condition}" if clause else f"WHERE {condition}"
        rows = self._db.execute(
            "SELECT e.kind, e.number, h.new FROM history h JOIN entries e ON e.id = h.entry_id "
            f"{clause} ORDER BY h.id",
            [*params, field],
        ).fetchall()
        # In the order written: the last one stays.
        return {(Kind(kind), int(number)): str(new or "") for kind, number, new in rows}
