"""Migrations of the programme's governance: decisions on change requests."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("fvis-governance")


@migrations()
def m001_change_decisions(db: Database) -> None:
    # Programplan 7.5: a change request's decision, with its level, deciding body, decision-maker,
    # day and motivation. Its status lives on the entry; this is the decision log's row.
    db.table("change_decisions").create(
        {
            "id": int,
            "entry_id": int,
            "ref": str,
            "title": str,
            "level": str,
            "outcome": str,  # approved | rejected | postponed
            "decided_by": str,
            "decider": str,
            "decider_name": str,
            "decided_on": str,  # ISO date
            "motivation": str,
            "recorded_at": str,
        },
        pk="id",
        not_null={"entry_id", "ref", "outcome", "decided_on", "recorded_at"},
        foreign_keys=[("entry_id", "entries", "id")],
    )
    db.table("change_decisions").create_index(["entry_id"])
    db.table("change_decisions").create_index(["recorded_at"])
