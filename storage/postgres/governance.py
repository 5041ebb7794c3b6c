"""PostgreSQL implementations of the governance stores: decisions on change requests."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.ports.governance import ChangeDecision
from storage.postgres.database import PostgresDatabase


class PostgresChangeDecisionStore:
    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    def add(self, decision: ChangeDecision) -> ChangeDecision:
        with self._db.connection() as conn:
            row = conn.execute(
                "INSERT INTO change_decisions (entry_id, ref, title, level, outcome, decided_by, "
                "decider, decider_name, decided_on, motivation, recorded_at) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
                [
                    decision.entry_id,
                    decision.ref,
                    decision.title,
                    decision.level,
                    decision.outcome,
                    decision.decided_by,
                    decision.decider,
                    decision.decider_name,
                    decision.decided_on,
                    decision.motivation,
                    decision.recorded_at,
                ],
            ).fetchone()
        assert row is not None
        return replace(decision, id=int(row["id"]))

    def between(self, start: datetime | None, end: datetime | None) -> list[ChangeDecision]:
        return self._rows(
            "SELECT * FROM change_decisions WHERE (%(start)s::timestamptz IS NULL OR "
            "recorded_at >= %(start)s) AND (%(end)s::timestamptz IS NULL OR recorded_at < "
            "%(end)s) ORDER BY recorded_at, id",
            {"start": start, "end": end},
        )

    def of_entry(self, entry_id: int) -> list[ChangeDecision]:
        return self._rows(
            "SELECT * FROM change_decisions WHERE entry_id = %(entry)s ORDER BY recorded_at, id",
            {"entry": entry_id},
        )

    def _rows(self, sql: str, params: dict[str, Any]) -> list[ChangeDecision]:
        with self._db.connection() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [
            ChangeDecision(
                entry_id=int(row["entry_id"]),
                ref=row["ref"],
                title=row["title"],
                level=row["level"],
                outcome=row["outcome"],
                decided_by=row["decided_by"],
                decider=row["decider"],
                decider_name=row["decider_name"],
                decided_on=row["decided_on"],
                motivation=row["motivation"],
                recorded_at=row["recorded_at"],
                id=int(row["id"]),
            )
            for row in rows
        ]
