"""Migrations of the loops around an entry: its other reporters and followers, the thread it was
logged in, people's notice settings and the daily digest's queue."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("fvis-loops")


@migrations()
def m001_entry_people(db: Database) -> None:
    # role "reporter": joined as the same thing (platform, user_id, where they said it);
    # role "follower": told as the level an issue was escalated to (person_key).
    db.table("entry_people").create(
        {
            "id": int,
            "entry_id": int,
            "role": str,
            "person_key": str,
            "platform": str,
            "user_id": str,
            "name": str,
            "channel": str,
            "thread": str,
            "at": str,
        },
        pk="id",
        not_null={"entry_id", "role", "person_key", "platform", "user_id", "at"},
        foreign_keys=[("entry_id", "entries", "id")],
    )
    db.table("entry_people").create_index(
        ["entry_id", "role", "person_key", "platform", "user_id"], unique=True
    )
    db.table("entry_people").create_index(["platform", "user_id"])
    db.table("entries").add_column("source_thread", str)


@migrations()
def m002_notice_settings(db: Database) -> None:
    db.table("notice_settings").create(
        {"person_key": str, "daily_digest": int, "updated_at": str}, pk="person_key"
    )
    db.table("digest_queue").create(
        {
            "id": int,
            "person_key": str,
            "platform": str,
            "user_id": str,
            "locale": str,
            "ref": str,
            "at": str,
            "sent_at": str,
        },
        pk="id",
        not_null={"person_key", "platform", "user_id", "ref", "at"},
    )
    db.table("digest_queue").create_index(["sent_at"])


@migrations()
def m003_webchat_notice_buttons(db: Database) -> None:
    # The buttons of a notice (take it, comment …), as JSON [{"id", "label", "value"}].
    db.table("webchat_inbox").add_column("choices", str)
