"""What keeps the web chat's API to its own page: JSON only and same origin on every request that
changes something, and no lone surrogates.

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
