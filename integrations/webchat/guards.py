"""What keeps the web chat's API to its own page: JSON only and same origin on every request that
changes something, no lone surrogates, and bounded live streams.

A page on another site can send a form (`<form enctype="text/plain">` whose name/value pair is
JSON) or a `fetch(…, {mode: "no-cors"})` with its visitor's cookies, but only with the "simple"
content types; `Content-Type: application/json` makes the browser ask first (a CORS preflight)
and the bot never says yes. `Origin`, when the browser sends it, must be the bot's own. With
`SameSite` session cookies and the server's Host check (bot/app/guards.py) that is the whole
defence against cross-site requests: no CSRF token is needed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.typedefs import Middleware

API_PREFIX = "/api/webchat/"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# Live streams: each open page holds one. A person with more than a few tabs loses the oldest;
# past the total, new pages poll the inbox instead; a stream with nothing to say for a while
# ends and the page reconnects (it catches up from the inbox, so nothing is missed).
STREAMS_PER_PERSON = 5
STREAMS_IN_TOTAL = 500
STREAM_IDLE_SECONDS = 300.0

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def error(status: int, sv: str, en: str) -> web.Response:
    return web.json_response({"error": sv, "error_en": en}, status=status)


def same_origin(origin: str, request: web.Request, public_hosts: frozenset[str]) -> bool:
    """True if `origin` is this server as the browser reached it, or one of its public names."""
    if origin == "null":  # sandboxed frames, file: pages, some redirects: never ours
        return False
    try:
        parts = urlsplit(origin)
        hostname = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not hostname:
        return False
    return parts.netloc.lower() == request.host.lower() or hostname in public_hosts


def guard_api(public_hosts: frozenset[str]) -> Middleware:
    """Middleware: requests that change something must be JSON and come from the bot's page."""

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(API_PREFIX) or request.method in SAFE_METHODS:
            return await handler(request)
        origin = request.headers.get("Origin")
        if origin is not None and not same_origin(origin, request, public_hosts):
            return error(
                403,
                "Förfrågan kom från en annan webbplats och avvisades.",
                "The request came from another site and was refused.",
            )
        if request.content_type != "application/json":
            return error(
                415,
                "Skicka meddelandet som JSON (Content-Type: application/json).",
                "Send the message as JSON (Content-Type: application/json).",
            )
        return await handler(request)

    return guard


def has_lone_surrogate(value: Any, depth: int = 0) -> bool:
    """True if any string in a parsed JSON value holds a lone surrogate (`"\\ud800"`): JSON allows
    the escape, but no such text can be stored, logged or sent on."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if depth > 64:
        return False
    if isinstance(value, dict):
        return any(
            has_lone_surrogate(k, depth + 1) or has_lone_surrogate(v, depth + 1)
            for k, v in value.items()
        )
    if isinstance(value, list):
        return any(has_lone_surrogate(item, depth + 1) for item in value)
    return False


class StreamLimits:
    """Counts open live streams: at most `per_person` each (the oldest is ended) and `total`."""

    def __init__(
        self, *, per_person: int = STREAMS_PER_PERSON, total: int = STREAMS_IN_TOTAL
    ) -> None:
        self.per_person = per_person
        self.total = total
        self._open: dict[str, list[Callable[[], None]]] = {}

    @property
    def count(self) -> int:
        return sum(len(streams) for streams in self._open.values())

    def admit(self, user: str, end: Callable[[], None]) -> bool:
        """Count a new stream of `user` (`end()` ends it early); False when there are too many."""
        streams = self._open.setdefault(user, [])
        while len(streams) >= self.per_person:
            streams.pop(0)()
        if self.count >= self.total:
            if not streams:
                self._open.pop(user, None)
            return False
        streams.append(end)
        return True

    def release(self, user: str, end: Callable[[], None]) -> None:
        streams = self._open.get(user, [])
        if end in streams:
            streams.remove(end)
        if not streams:
            self._open.pop(user, None)
