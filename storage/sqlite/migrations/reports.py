"""Migrations of the reports: the programme manager's assessments and budget figures, and the
editions of each report made."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("fvis-reports")


@migrations()
def m001_status_inputs(db: Database) -> None:
    db.table("assessments").create(
        {"id": int, "colour": str, "text": str, "by": str, "by_name": str, "at": str},
        pk="id",
        not_null={"colour", "at"},
    )
    db.table("assessments").create_index(["at"])
    db.table("budget_figures").create(
        {
            "id": int,
            "label": str,
            "budget": int,
            "outcome": int,
            "forecast": int,
            "note": str,
            "by": str,
            "by_name": str,
            "at": str,
        },
        pk="id",
        not_null={"at"},
    )
    db.table("budget_figures").create_index(["at"])


@migrations()
def m002_report_editions(db: Database) -> None:
    # One row per report made: the key names the report and its selection (a status report of
    # one period, a register with its filters); the edition counts up per key.
    db.table("report_editions").create(
        {
            "id": int,
            "key": str,
            "edition": int,
            "registration_number": str,
            "made_by": str,
            "made_by_name": str,
            "made_at": str,
        },
        pk="id",
        not_null={"key", "edition", "made_at"},
    )
    db.table("report_editions").create_index(["key", "edition"], unique=True)
