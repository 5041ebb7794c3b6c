"""Migrations of the Teams and SharePoint adapters' own state."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("fvis-teams")


@migrations()
def m001_teams_references(db: Database) -> None:
    # A conversation reference for every person and channel the bot has met in Teams: the only
    # way to message them later (Teams has no "send to user id" without one).
    db.table("teams_references").create(
        {
            "key": str,  # "user:<aad object id or 29:id>" or "channel:<19:…@thread…>"
            "kind": str,  # user | channel | group
            "name": str,  # the person's or the channel's name, for people reading logs
            "conversation_id": str,
            "service_url": str,
            "tenant_id": str,
            "reference": str,  # the SDK's ConversationReference as JSON
            "updated_at": str,
        },
        pk="key",
        not_null={"kind", "conversation_id", "service_url", "reference", "updated_at"},
    )
    db.table("teams_references").create_index(["kind", "name"])


@migrations()
def m002_sharepoint(db: Database) -> None:
    # News pages the bot published: the message id people see is the page URL; the page id
    # is what Graph needs to withdraw it.
    db.table("sharepoint_pages").create(
        {"url": str, "page_id": str, "site_id": str, "title": str, "published_at": str},
        pk="url",
        not_null={"page_id", "site_id", "published_at"},
    )
    # Reports uploaded to the document library: the same local file is uploaded once.
    db.table("sharepoint_uploads").create(
        {"digest": str, "name": str, "item_id": str, "url": str, "size": int, "uploaded_at": str},
        pk="digest",
        not_null={"item_id", "url", "uploaded_at"},
    )
    # What each list row looked like when last synced, to tell a list edit from a chat edit.
    db.table("sharepoint_list_rows").create(
        {"list_id": str, "item_id": str, "etag": str, "digest": str, "synced_at": str},
        pk=("list_id", "item_id"),
        not_null={"digest", "synced_at"},
    )


@migrations()
def m003_list_row_records(db: Database) -> None:
    # The bot record a list row became (a comms item id), so a restart does not draft it again.
    db.table("sharepoint_list_rows").add_column("record", str, not_null_default="")
