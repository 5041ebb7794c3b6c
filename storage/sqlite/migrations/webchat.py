"""The web chat's sign-in: sessions and sign-ins under way (issue 11), and who may fetch a file."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("fvis-webchat")


@migrations()
def m001_sessions(db: Database) -> None:
    db.table("web_sessions").create(
        {
            "key": str,
            "user_id": str,
            "name": str,
            "directory_roles": str,  # JSON list, or NULL when the token carried none
            "id_token": str,
            "created_at": str,
            "seen_at": str,
        },
        pk="key",
        not_null={"user_id", "created_at", "seen_at"},
    )
    db.table("web_sessions").create_index(["seen_at"])
    db.table("web_sign_ins").create(
        {
            "state": str,
            "nonce": str,
            "code_verifier": str,
            "return_to": str,
            "popup": int,
            "created_at": str,
        },
        pk="state",
        not_null={"nonce", "code_verifier", "created_at"},
    )
    # A generated file handed to someone in the web chat: `user` may fetch it; '' marks a
    # channel post (people who may read every entry may fetch it).
    db.table("webchat_file_grants").create(
        {"file_id": str, "user": str, "at": str}, pk=("file_id", "user")
    )
