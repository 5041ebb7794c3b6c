"""The programme manager's assessments and budget figures, and report editions, in SQLite."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlite_utils import Database

from bot.ports.clock import Clock
from bot.ports.reports import Assessment, BudgetFigures, BudgetLine
from storage.sqlite.times import iso, parse


class SqliteStatusInputs:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def add_assessment(self, *, colour: str, text: str, by: str, by_name: str) -> Assessment:
        at = self._clock.now()
        row = {"colour": colour, "text": text, "by": by, "by_name": by_name, "at": iso(at)}
        self._db.table("assessments").insert(row)
        return Assessment(colour, text, by, by_name, at)

    def assessment_at(self, moment: Any) -> Assessment | None:
        rows = list(
            self._db.query(
                "SELECT * FROM assessments WHERE at <= ? ORDER BY at DESC, id DESC LIMIT 1",
                [iso(moment)],
            )
        )
        if not rows:
            return None
        row = rows[0]
        return Assessment(
            row["colour"],
            row["text"] or "",
            row["by"] or "",
            row["by_name"] or "",
            parse(row["at"]),
        )

    def add_budget(self, *, line: BudgetLine, note: str, by: str, by_name: str) -> BudgetFigures:
        at = self._clock.now()
        self._db.table("budget_figures").insert(
            {
                "label": line.label,
                "budget": line.budget,
                "outcome": line.outcome,
                "forecast": line.forecast,
                "note": note,
                "by": by,
                "by_name": by_name,
                "at": iso(at),
            }
        )
        return BudgetFigures((line,), "chat", by_name, at, note)

    def budget_at(self, moment: Any) -> BudgetFigures | None:
        rows = list(
            self._db.query(
                "SELECT * FROM budget_figures WHERE at <= ? ORDER BY at DESC, id DESC LIMIT 1",
                [iso(moment)],
            )
        )
        if not rows:
            return None
        row = rows[0]
        line = BudgetLine(row["label"] or "", row["budget"], row["outcome"], row["forecast"])
        return BudgetFigures(
            (line,), "chat", row["by_name"] or "", parse(row["at"]), row["note"] or ""
        )


class SqliteReportEditions:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def record(
        self, *, key: str, registration_number: str, made_by: str, made_by_name: str
    ) -> tuple[int, str]:
        for _attempt in range(5):
            rows = list(
                self._db.query(
                    "SELECT edition, registration_number FROM report_editions WHERE key = ? "
                    "ORDER BY edition DESC LIMIT 1",
                    [key],
                )
            )
            edition = rows[0]["edition"] + 1 if rows else 1
            number = registration_number or (rows[0]["registration_number"] if rows else "") or ""
            try:
                self._db.table("report_editions").insert(
                    {
                        "key": key,
                        "edition": edition,
                        "registration_number": number,
                        "made_by": made_by,
                        "made_by_name": made_by_name,
                        "made_at": iso(self._clock.now()),
                    }
                )
            except sqlite3.IntegrityError:
                continue  # another replica made the same edition at the same moment
            return edition, number
        raise RuntimeError(f"could not record an edition of {key}")
