"""The server answers only to its own names (against DNS rebinding).

A page on an attacker's site can make its own host name resolve to 127.0.0.1 (or to the bot's
intranet address) and then talk to the bot as "same origin" – with `Host: attacker.example`.
Every request must name the bot: a loopback name, the address it is bound to, or one of
FVIS_PUBLIC_HOSTS (the names people and platforms reach it by through a proxy). `/health` is
exempt: orchestrators probe it by address.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Awaitable, Callable, Iterable
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.typedefs import Middleware

from bot.app.settings import webchat_of
from bot.config import Settings

log = logging.getLogger(__name__)

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARDS = frozenset({"", "0.0.0.0", "::"})
EXEMPT = frozenset({"/health"})

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def public_hosts(settings: Settings) -> tuple[str, ...]:
    """The names the bot is reached by: FVIS_PUBLIC_HOSTS and FVIS_PUBLIC_URL's host."""
    url = webchat_of(settings).public_url
    host = urlsplit(url).hostname if url else None
    return (*settings.public_hosts, *([host.lower()] if host else []))


def host_name(host: str) -> str:
    """`Host` header → the bare name: no port, no brackets, no trailing dot, lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        host = host[1 : host.find("]")] if "]" in host else host[1:]
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def allowed_hosts(settings: Settings, public: Iterable[str] = ()) -> frozenset[str] | None:
    """The names this server answers to (`public`: its names from other settings, such as
    FVIS_PUBLIC_URL's); None when any name will do (see the start warning)."""
    publics = {host_name(name) for name in (*settings.public_hosts, *public)}
    names = set(LOOPBACK_NAMES) | publics
    bound = host_name(settings.host)
    if bound in WILDCARDS:
        if not publics:
            log.warning(
                "FVIS_HOST=%s and FVIS_PUBLIC_HOSTS is empty: requests are accepted whatever "
                "host name they give; set FVIS_PUBLIC_HOSTS to the names the bot is reached by",
                settings.host or "*",
            )
            return None
    else:
        names.add(bound)
    return frozenset(names)


def _is_loopback_literal(name: str) -> bool:
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_check(settings: Settings, public: Iterable[str] = ()) -> Middleware:
    names = allowed_hosts(settings, public)
    refused: set[str] = set()  # each refused name is logged once

    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        if names is None or request.path in EXEMPT:
            return await handler(request)
        name = host_name(request.host)
        if name not in names and not _is_loopback_literal(name):
            if len(refused) < 100 and name not in refused:
                refused.add(name)
                log.warning(
                    "refused a request for host %r: if the bot is reached by that name, add it "
                    "to FVIS_PUBLIC_HOSTS",
                    name[:100],
                )
            return web.json_response(
                {
                    "error": "Okänt värdnamn: boten svarar bara på sina egna namn.",
                    "error_en": "Unknown host name: the bot answers only to its own names.",
                },
                status=421,
            )
        return await handler(request)

    return check
