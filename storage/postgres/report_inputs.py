"""The programme manager's assessments and budget figures, and report editions, in PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.ports.clock import Clock
from bot.ports.reports import Assessment, BudgetFigures, BudgetLine
from storage.postgres.database import PostgresDatabase


class PostgresStatusInputs:
    def __init__(self, db: PostgresDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def add_assessment(self, *, colour: str, text: str, by: str, by_name: str) -> Assessment:
        at = self._clock.now()
        with self._db.connection() as conn:
            conn.execute(
                'INSERT INTO assessments (colour, text, "by", by_name, at) '
                "VALUES (%s, %s, %s, %s, %s)",
                [colour, text, by, by_name, at],
            )
        return Assessment(colour, text, by, by_name, at)

    def _latest(self, table: str, moment: datetime) -> dict[str, Any] | None:
        with self._db.connection() as conn:
            row = conn.execute(
                f"SELECT * FROM {table} WHERE at <= %s ORDER BY at DESC, id DESC LIMIT 1",
                [moment],
            ).fetchone()
        return dict(row) if row else None

    def assessment_at(self, moment: datetime) -> Assessment | None:
        row = self._latest("assessments", moment)
        if row is None:
            return None
        return Assessment(row["colour"], row["text"], row["by"], row["by_name"], row["at"])

    def add_budget(self, *, line: BudgetLine, note: str, by: str, by_name: str) -> BudgetFigures:
        at = self._clock.now()
        with self._db.connection() as conn:
            conn.execute(
                "INSERT INTO budget_figures (label, budget, outcome, forecast, note, "
                '"by", by_name, at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)',
                [line.label, line.budget, line.outcome, line.forecast, note, by, by_name, at],
            )
        return BudgetFigures((line,), "chat", by_name, at, note)

    def budget_at(self, moment: datetime) -> BudgetFigures | None:
        row = self._latest("budget_figures", moment)
        if row is None:
            return None
        line = BudgetLine(row["label"], row["budget"], row["outcome"], row["forecast"])
        return BudgetFigures((line,), "chat", row["by_name"], row["at"], row["note"])


class PostgresReportEditions:
    def __init__(self, db: PostgresDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def record(
        self, *, key: str, registration_number: str, made_by: str, made_by_name: str
    ) -> tuple[int, str]:
        with self._db.transaction() as conn:
            # One edition number per key, also when two replicas make the same report at once.
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"report:{key}"])
            row = conn.execute(
                "SELECT edition, registration_number FROM report_editions WHERE key = %s "
                "ORDER BY edition DESC LIMIT 1",
                [key],
            ).fetchone()
            edition = row["edition"] + 1 if row else 1
            number = registration_number or (row["registration_number"] if row else "")
            conn.execute(
                "INSERT INTO report_editions (key, edition, registration_number, made_by, "
                "made_by_name, made_at) VALUES (%s, %s, %s, %s, %s, %s)",
                [key, edition, number, made_by, made_by_name, self._clock.now()],
            )
        return edition, number
