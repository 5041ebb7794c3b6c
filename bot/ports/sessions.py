"""Web sign-in state kept server-side, so any replica can answer and a restart signs no one out.

Keys are what the adapter chooses to store (a hash of the cookie's secret, a sign-in's state),
never the secret a browser holds: a copy of the database opens no session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class WebSession:
    """A signed-in person: who they are for the bot, and what ending the session needs."""

    user_id: str
    name: str
    # App roles from the ID token; None when it carried none (the programme file decides).
    directory_roles: tuple[str, ...] | None
    created_at: datetime
    seen_at: datetime
    # Sent back to the issuer at sign-out (id_token_hint) to end its session too.
    id_token: str = ""


@dataclass(frozen=True, slots=True)
class PendingSignIn:
    """A sign-in sent to the issuer and not yet back: what the callback must check it against."""

    nonce: str
    code_verifier: str
    return_to: str
    created_at: datetime
    popup: bool = False


class SessionStore(Protocol):
    def create(self, key: str, session: WebSession) -> None: ...

    def get(self, key: str) -> WebSession | None: ...

    def touch(self, key: str, at: datetime) -> None:
        """Record activity (idle expiry counts from the last one)."""

    def delete(self, key: str) -> None: ...

    def delete_idle(self, before: datetime) -> int:
        """Remove sessions last seen before `before`; how many were removed."""

    def begin_sign_in(self, state: str, pending: PendingSignIn) -> None: ...

    def take_sign_in(self, state: str) -> PendingSignIn | None:
        """The pending sign-in for this state, removed: each one completes at most once."""
