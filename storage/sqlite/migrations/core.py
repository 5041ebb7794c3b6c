"""Versioned migrations, applied at start; each runs in a transaction (sqlite-utils)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("fvis")


@migrations()
def m001_entries(db: Database) -> None:
    db.table("entries").create(
        {
            "id": int,
            "kind": str,
            "number": int,
            "status": str,
            "title": str,
            "fields": str,
            "reporter_platform": str,
            "reporter_id": str,
            "reporter_name": str,
            "source_platform": str,
            "source_channel": str,
            "source_link": str,
            "assignee": str,
            "escalation_level": str,
            "flags": str,
            "dedupe_key": str,
            "search_text": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"kind", "number", "status", "title", "created_at", "updated_at"},
    )
    db.table("entries").create_index(["kind", "number"], unique=True)
    db.table("entries").create_index(["dedupe_key"], unique=True)
    db.table("entries").create_index(["reporter_platform", "reporter_id"])
    db.table("entries").create_index(["kind", "status"])
    # Swedish users type "arende" for "ärende": fold diacritics in the index.
    db.table("entries").enable_fts(
        ["title", "search_text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    db.table("comments").create(
        {"id": int, "entry_id": int, "author_id": str, "author_name": str, "text": str, "at": str},
        pk="id",
        foreign_keys=[("entry_id", "entries", "id")],
    )
    db.table("comments").create_index(["entry_id"])
    db.table("history").create(
        {
            "id": int,
            "entry_id": int,
            "actor_id": str,
            "actor_name": str,
            "field": str,
            "old": str,
            "new": str,
            "at": str,
        },
        pk="id",
        foreign_keys=[("entry_id", "entries", "id")],
    )
    db.table("history").create_index(["entry_id"])
    db.table("audit").create(
        {"id": int, "at": str, "actor": str, "action": str, "ref": str, "detail": str}, pk="id"
    )
    db.table("audit").create_index(["ref"])


@migrations()
def m002_conversation_state(db: Database) -> None:
    db.table("dialogues").create({"key": str, "data": str, "updated_at": str}, pk="key")
    db.table("handled_requests").create({"key": str, "replies": str, "at": str}, pk="key")
    db.table("programme").create({"id": int, "data": str, "updated_at": str}, pk="id")


@migrations()
def m003_webchat_inbox(db: Database) -> None:
    db.table("webchat_inbox").create(
        {"seq": int, "channel": str, "user": str, "text": str, "file": str, "at": str}, pk="seq"
    )
    db.table("webchat_inbox").create_index(["user", "seq"])


@migrations()
def m004_webchat_withdrawn(db: Database) -> None:
    db.table("webchat_inbox").add_column("withdrawn_at", str)


@migrations()
def m005_handled_requests_hashed(db: Database) -> None:
    # Keys were raw client strings (message ids, Slack action values) before they became keyed
    # hashes: the rows are a cache of answers, so they go, with whatever a client put in them.
    db.execute("DELETE FROM handled_requests")
    db.table("handled_requests").create_index(["at"])
