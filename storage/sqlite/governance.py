"""SQLite implementations of the governance stores: decisions on change requests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from bot.ports.governance import ChangeDecision
from storage.sqlite.times import iso_or_none as _iso
from storage.sqlite.times import parse_or_none as _dt


class SqliteChangeDecisionStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, decision: ChangeDecision) -> ChangeDecision:
        table = self._db.table("change_decisions")
        table.insert(
            {
                "entry_id": decision.entry_id,
                "ref": decision.ref,
                "title": decision.title,
                "level": decision.level,
                "outcome": decision.outcome,
                "decided_by": decision.decided_by,
                "decider": decision.decider,
                "decider_name": decision.decider_name,
                "decided_on": decision.decided_on.isoformat(),
                "motivation": decision.motivation,
                "recorded_at": _iso(decision.recorded_at),
            }
        )
        return replace(decision, id=int(table.last_pk or 0))

    def between(self, start: datetime | None, end: datetime | None) -> list[ChangeDecision]:
        rows = self._db.query(
            "SELECT * FROM change_decisions WHERE (? IS NULL OR recorded_at >= ?) "
            "AND (? IS NULL OR recorded_at < ?) ORDER BY recorded_at, id",
            [_iso(start), _iso(start), _iso(end), _iso(end)],
        )
        return [_from(row) for row in rows]

    def of_entry(self, entry_id: int) -> list[ChangeDecision]:
        rows = self._db.query(
            "SELECT * FROM change_decisions WHERE entry_id = ? ORDER BY recorded_at, id", [entry_id]
        )
        return [_from(row) for row in rows]


def _from(row: dict[str, Any]) -> ChangeDecision:
    recorded = _dt(row["recorded_at"])
    assert recorded is not None
    return ChangeDecision(
        entry_id=row["entry_id"],
        ref=row["ref"],
        title=row["title"] or "",
        level=row["level"] or "",
        outcome=row["outcome"],
        decided_by=row["decided_by"] or "",
        decider=row["decider"] or "",
        decider_name=row["decider_name"] or "",
        decided_on=date.fromisoformat(row["decided_on"]),
        motivation=row["motivation"] or "",
        recorded_at=recorded,
        id=row["id"],
    )
