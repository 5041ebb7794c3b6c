"""Who is signed in to the web chat: sessions kept in the database, found by a cookie.

The cookie holds a random secret; the database holds only its SHA-256, so neither a copy of the
database nor a guessed or altered cookie opens a session. A session ends after
`FVIS_SESSION_IDLE_HOURS` without a request, at sign-out, or when its row is gone.

Two cookies, both HttpOnly: `fvis_session` (SameSite=Lax) for the chat opened as a page, and
`fvis_frame_session` (SameSite=None; Secure; Partitioned) for the chat framed by the intranet on
another site, where a Lax cookie is never sent and an unpartitioned one is blocked as third-party.
"""

from __future__ import annotations

import hashlib
import ipaddress
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from aiohttp import web

from bot.domain.programme import Programme
from bot.ports.clock import Clock
from bot.ports.sessions import SessionStore, WebSession
from integrations.webchat.settings import WebchatSettings

COOKIE = "fvis_session"
FRAME_COOKIE = "fvis_frame_session"
TICKET_PREFIX = "ticket:"
TICKET_LIFETIME = timedelta(minutes=2)
# Activity is written at most this often (idle expiry is in hours; a write per request is waste).
TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class Identity:
    """A signed-in person as the bot knows them."""

    user_id: str
    name: str
    directory_roles: tuple[str, ...] | None


def identity_from_claims(claims: dict[str, Any], programme: Programme) -> Identity:
    """The programme file's person with one of the token's addresses, else a reporter named
    from the token. `email`, `preferred_username` and `upn` (Entra ID's sign-in name) are tried.
    """
    addresses = [
        value.strip()
        for key in ("email", "preferred_username", "upn")
        if isinstance(value := claims.get(key), str) and "@" in value
    ]
    roles_claim = claims.get("roles")
    roles = (
        tuple(str(role) for role in roles_claim)
        if isinstance(roles_claim, list) and roles_claim
        else None
    )
    record = programme.person_by_email(*addresses)
    if record is not None:
        return Identity(user_id=record.email.casefold(), name=record.name, directory_roles=roles)
    user_id = addresses[0].casefold() if addresses else f"sub:{claims['sub']}"
    name = claims.get("name")
    return Identity(
        user_id=user_id,
        name=name.strip() if isinstance(name, str) and name.strip() else user_id,
        directory_roles=roles,
    )


def _key(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class Sessions:
    def __init__(self, *, store: SessionStore, clock: Clock, settings: WebchatSettings) -> None:
        self.store = store
        self.clock = clock
        self.settings = settings

    # -- sessions ----------------------------------------------------------------------------

    def open(self, identity: Identity, *, id_token: str = "", ticket: bool = False) -> str:
        """A new session; the secret for the cookie (or, as a ticket, for a frame to redeem)."""
        now = self.clock.now()
        self.store.delete_idle(now - self.settings.session_idle)
        secret = secrets.token_urlsafe(32)
        key = TICKET_PREFIX + _key(secret) if ticket else _key(secret)
        session = WebSession(
            user_id=identity.user_id,
            name=identity.name,
            directory_roles=identity.directory_roles,
            id_token=id_token,
            created_at=now,
            seen_at=now,
        )
        self.store.create(key, session)
        return secret

    def redeem(self, ticket: str) -> str | None:
        """A frame's own session for a ticket the sign-in pop-up handed it; each ticket once."""
        key = TICKET_PREFIX + _key(ticket)
        session = self.store.get(key)
        self.store.delete(key)
        if session is None or self.clock.now() - session.created_at > TICKET_LIFETIME:
            return None
        identity = Identity(session.user_id, session.name, session.directory_roles)
        return self.open(identity, id_token=session.id_token)

    def current(self, request: web.Request) -> WebSession | None:
        """The request's live session, from either cookie; idle ones end here."""
        for name in (COOKIE, FRAME_COOKIE):
            secret = request.cookies.get(name, "")
            if not secret:
                continue
            key = _key(secret)
            session = self.store.get(key)
            if session is None:
                continue
            now = self.clock.now()
            if now - session.seen_at > self.settings.session_idle:
                self.store.delete(key)
                continue
            if now - session.seen_at > TOUCH_EVERY:
                self.store.touch(key, now)
            return session
        return None

    def end(self, request: web.Request) -> WebSession | None:
        """Delete the request's sessions (both cookies); the one that was live, if any."""
        live = self.current(request)
        for name in (COOKIE, FRAME_COOKIE):
            secret = request.cookies.get(name, "")
            if secret:
                self.store.delete(_key(secret))
        return live

    # -- cookies and the request's address -----------------------------------------------------

    def set_cookie(
        self, response: web.StreamResponse, request: web.Request, secret: str, *, framed: bool
    ) -> None:
        if framed:
            # Sent inside a frame on another site only as SameSite=None, which needs Secure;
            # browsers accept Secure from https and from loopback.
            response.headers.add("Set-Cookie", _frame_cookie(secret))
        else:
            response.set_cookie(
                COOKIE, secret, httponly=True, secure=self.is_https(request) or None, samesite="Lax"
            )

    def clear_cookies(self, response: web.StreamResponse, request: web.Request) -> None:
        if COOKIE in request.cookies:
            response.set_cookie(COOKIE, "", max_age=0, httponly=True, samesite="Lax")
        if FRAME_COOKIE in request.cookies:
            response.headers.add("Set-Cookie", _frame_cookie("", max_age=0))

    def _from_proxy(self, request: web.Request) -> bool:
        peer = request.remote or ""
        try:
            address = ipaddress.ip_address(peer)
        except ValueError:
            return False
        return any(address in network for network in self.settings.trusted_proxies)

    def is_https(self, request: web.Request) -> bool:
        """Served over https: directly, or by a TLS proxy listed in FVIS_TRUSTED_PROXIES."""
        if request.secure:
            return True
        if self.settings.public_url:
            return self.settings.public_url.startswith("https://")
        forwarded = request.headers.get("X-Forwarded-Proto", "")
        return self._from_proxy(request) and forwarded.split(",")[0].strip().lower() == "https"

    def base_url(self, request: web.Request) -> str:
        """The bot's address as the browser sees it: FVIS_PUBLIC_URL, else from the request."""
        if self.settings.public_url:
            return self.settings.public_url
        host = request.host
        if self._from_proxy(request) and request.headers.get("X-Forwarded-Host"):
            host = request.headers["X-Forwarded-Host"].split(",")[0].strip()
        return f"{'https' if self.is_https(request) else 'http'}://{host}"


def _frame_cookie(secret: str, *, max_age: int | None = None) -> str:
    # Written out: Python 3.11's http.cookies (behind aiohttp's set_cookie) has no Partitioned.
    parts = [f"{FRAME_COOKIE}={secret}", "Path=/", "HttpOnly", "Secure", "SameSite=None"]
    parts += [f"Max-Age={max_age}"] if max_age is not None else []
    return "; ".join([*parts, "Partitioned"])
