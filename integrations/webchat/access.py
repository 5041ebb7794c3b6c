"""Who a web chat request comes from, and what they may fetch.

Signed-in mode (`FVIS_OIDC_ISSUER` set): the session only. Every API route answers 401 without
one, and whatever `user` a body or query names is ignored. Demo mode (loopback, no issuer): the
identity picker's choice, as the page sends it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.domain.permissions import sees_all
from bot.domain.programme import Programme, person_from
from bot.i18n.catalogue import t
from integrations.webchat.sessions import Sessions

PLATFORM = "webchat"
API = "/api/webchat/"


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True, slots=True)
class Caller:
    user_id: str
    name: str
    directory_roles: tuple[str, ...] | None = None

    def public(self, programme: Programme) -> dict[str, Any]:
        person = person_from(programme, PLATFORM, self.user_id, self.name, self.directory_roles)
        record = programme.person_for(PLATFORM, self.user_id)
        return {
            "id": self.user_id,
            "name": person.name,
            "title": record.title if record else "",
            "roles": sorted(role.value for role in person.roles),
            "locale": person.locale,
        }


CALLER = web.RequestKey("fvis.caller", Caller)


def error(status: int, key: str, **extra: Any) -> web.Response:
    return web.json_response(
        {"error": t("sv", key), "error_en": t("en", key), **extra}, status=status
    )


class Access:
    def __init__(
        self, *, programme: Programme, sessions: Sessions | None, frame_ancestors: Collection[str]
    ) -> None:
        self.programme = programme
        self.sessions = sessions
        ancestors = " ".join(frame_ancestors) or "'none'"
        self.frame_policy = f"frame-ancestors {ancestors}"

    @property
    def signed_in_mode(self) -> bool:
        return self.sessions is not None

    def demo_users(self) -> dict[str, Caller]:
        users = {}
        for person in self.programme.people:
            user_id = person.accounts.get(PLATFORM)
            if user_id:
                users[user_id] = Caller(user_id, person.name)
        return users

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if self.sessions is not None and request.path.startswith(API):
            session = self.sessions.current(request)
            if session is None:
                return error(401, "webchat.sign_in_needed", sign_in="/auth/login")
            request[CALLER] = Caller(session.user_id, session.name, session.directory_roles)
        return await handler(request)

    async def frame_header(self, request: web.Request, response: web.StreamResponse) -> None:
        """Who may frame the chat: the intranet's origins (FVIS_FRAME_ANCESTORS), else no one.
        On every response, as it is prepared (event streams and static files too)."""
        if self.frame_policy not in response.headers.getall("Content-Security-Policy", ()):
            response.headers.add("Content-Security-Policy", self.frame_policy)

    def caller(self, request: web.Request, claimed: object) -> Caller | None:
        """The signed-in person; in the demo, the known identity the page claims."""
        if self.sessions is not None:
            return request[CALLER]
        return self.demo_users().get(claimed) if isinstance(claimed, str) else None

    def may_fetch(self, caller: Caller, grantees: set[str]) -> bool:
        """A file handed out in the web chat: to whom it was handed (a report is made with the
        asker's own rights), and to those who may read every entry (handlers, project leads),
        which covers files posted in a channel. A file never handed out here is no one's."""
        if caller.user_id in grantees:
            return True
        person = person_from(
            self.programme, PLATFORM, caller.user_id, caller.name, caller.directory_roles
        )
        return bool(grantees) and sees_all(person)
