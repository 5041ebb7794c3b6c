"""Migrations of the time side: milestones, decisions, reminders, the communication plan."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("fvis-time")


@migrations()
def m001_time(db: Database) -> None:
    # Plain rows only: the scheduler's jobs are derived from these at every start.
    db.table("milestones").create(
        {
            "id": str,
            "title": str,
            "kind": str,
            "due": str,  # ISO date
            "due_text": str,  # as written: "2022-Q3" or "2020-05-05"
            "owner": str,  # the programme file's person id
            "source": str,  # "programme" | "chat"
            "known_since": str,  # reminders owed from here on (reset when the date moves)
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"title", "kind", "due", "known_since"},
    )
    db.table("milestones").create_index(["due"])
    db.table("decisions").create(
        {
            "id": int,
            "milestone_id": str,
            "outcome": str,  # continue | change | stop
            "motivation": str,
            "recorded_by": str,
            "recorded_by_name": str,
            "recorded_at": str,
        },
        pk="id",
        not_null={"milestone_id", "outcome", "recorded_at"},
    )
    db.table("decisions").create_index(["milestone_id"])
    db.table("decisions").create_index(["recorded_at"])
    db.table("reminders").create(
        {
            "id": int,
            "platform": str,
            "user_id": str,
            "locale": str,
            "text": str,
            "due_at": str,
            "status": str,  # scheduled | done | cancelled
            "created_at": str,
        },
        pk="id",
        not_null={"platform", "user_id", "due_at", "status"},
    )
    db.table("reminders").create_index(["status", "due_at"])
    db.table("reminders").create_index(["platform", "user_id"])
    db.table("comms").create(
        {
            "id": int,
            "title": str,
            "body": str,
            "body_en": str,
            "audiences": str,  # JSON list of audience ids
            "channels": str,  # JSON list of platforms
            "send_at": str,
            "recurrence": str,  # "" | "weekly"
            "status": str,
            "author": str,  # platform:user_id
            "author_name": str,
            "last_editor": str,
            "approved_by": str,
            "approved_by_name": str,
            "approved_at": str,
            "withdrawn_by": str,
            "withdrawn_at": str,
            "cancelled_by": str,
            "cancelled_at": str,
            "published_at": str,
            "version": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"title", "body", "status", "author", "version"},
    )
    db.table("comms").create_index(["status", "send_at"])
    # One row per (job, target): the unique index is what makes a post happen at most once.
    db.table("deliveries").create(
        {
            "id": int,
            "job": str,  # "comms:7:2026-12-01T08:00:00+00:00", "milestone:B5:7:2027-03-31" …
            "target": str,  # "webchat:#fvis-program", "webchat:@david"
            "item": str,  # "comms:7", "milestone:B5", "remind:3"
            "platform": str,
            "channel": str,
            "user_id": str,
            "status": str,  # claimed | sent | failed | waiting | missed | unconfirmed | …
            "message_id": str,
            "error": str,
            "due_at": str,
            "claimed_at": str,
            "sent_at": str,
            "run_id": str,
            "withdrawn_at": str,
        },
        pk="id",
        not_null={"job", "target", "item", "status"},
    )
    db.table("deliveries").create_index(["job", "target"], unique=True)
    db.table("deliveries").create_index(["item"])
    db.table("deliveries").create_index(["status"])


@migrations()
def m002_governance(db: Database) -> None:
    # Programplan 5.4 and 6.1: a decision point's outcomes in the plan's words and its deciding
    # body; a milestone marked reached; a decision's deciding body and day apart from who
    # recorded it.
    milestones = db.table("milestones")
    milestones.add_column("outcomes", str)  # JSON: [["godkänna"], ["fortsätta", "ändra", …]]
    milestones.add_column("decided_by", str)
    milestones.add_column("reached_at", str)
    milestones.add_column("reached_by", str)
    milestones.add_column("reached_by_name", str)
    decisions = db.table("decisions")
    decisions.add_column("decided_by", str)
    decisions.add_column("decided_on", str)  # ISO date


@migrations()
def m003_runs(db: Database) -> None:
    # Processes that claim posts, and when each was last seen alive: a claim of a process
    # silent too long is stale (it stopped between claim and post).
    db.table("runs").create(
        {"run_id": str, "started_at": str, "seen_at": str}, pk="run_id", not_null={"seen_at"}
    )
