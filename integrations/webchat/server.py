"""The local web chat: one page, a small JSON API, and live messages over server-sent events."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import mimetypes
import unicodedata
from importlib import resources
from typing import Any
from urllib.parse import quote

from aiohttp import web

from bot.conversation.engine import Engine, reply_to_dict
from bot.domain.messages import (
    Action,
    FileRef,
    FormSubmission,
    Incoming,
)
from bot.domain.programme import Programme
from bot.ports.clock import Clock, SystemClock
from bot.ports.entries import AuditLog
from bot.ports.sessions import SessionStore
from integrations.webchat.access import API, PLATFORM, Access, Caller, error
from integrations.webchat.guards import guard_api, has_lone_surrogate
from integrations.webchat.notifier import (
    CLOSED,
    FILES_ROUTE,
    GeneratedFiles,
    InboxEvents,
    InboxStore,
    WebchatNotifier,
    public_file,
)
from integrations.webchat.settings import WebchatSettings
from integrations.webchat.streams import STREAM_IDLE_SECONDS, StreamLimits, stream

log = logging.getLogger(__name__)

STATIC = resources.files("integrations").joinpath("webchat/static")
SQLITE_MAX_INTEGER = 2**63 - 1


# Not every system's mime table knows Office files.
KNOWN_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
}


def _error(status: int, sv: str, en: str) -> web.Response:
    return web.json_response({"error": sv, "error_en": en}, status=status)


class WebchatAdapter:
    """The web chat as a platform: routes for the page and its API, and its Notifier."""

    platform = PLATFORM

    def __init__(
        self,
        *,
        inbox: InboxStore,
        programme: Programme,
        files: GeneratedFiles | None = None,
        public_hosts: frozenset[str] = frozenset(),
        streams: StreamLimits | None = None,
        stream_idle_seconds: float = STREAM_IDLE_SECONDS,
        settings: WebchatSettings | None = None,
        sessions: SessionStore | None = None,
        audit: AuditLog | None = None,
        clock: Clock | None = None,
        events: InboxEvents | None = None,
    ) -> None:
        self.programme = programme
        self.public_hosts = public_hosts
        self.streams = streams or StreamLimits()
        self.stream_idle_seconds = stream_idle_seconds
        self.replica_posts = events
        self._listening: asyncio.Task[None] | None = None
        self.files = files
        self._inbox = inbox
        self.notifier = WebchatNotifier(inbox, files)
        self.settings = settings or WebchatSettings()
        self.audit = audit
        self.engine: Engine | None = None
        self.sign_in: Any = None
        if self.settings.oidc is not None:
            # Imported only when configured: Authlib is needed for signing in, not for the demo.
            from integrations.webchat.signin import build_sign_in

            if sessions is None or audit is None:
                raise ValueError("signing in needs a session store and an audit log")
            self.sign_in = build_sign_in(
                self.settings, programme=programme, store=sessions, audit=audit,
                clock=clock or SystemClock(),
            )  # fmt: skip
        self.access = Access(
            programme=programme,
            sessions=self.sign_in.sessions if self.sign_in else None,
            frame_ancestors=self.settings.frame_ancestors,
        )

    def inbox(self, user: str, after: int) -> list[dict[str, Any]]:
        return self.notifier.inbox(user, after)

    async def start(self, engine: Engine) -> None:
        if self.sign_in is not None:
            # A wrong issuer or an unreachable one is told at start, not at the first sign-in;
            # the bot starts anyway (the issuer may be back before anyone signs in).
            await self.sign_in.check_issuer()
        if self.replica_posts is not None:
            self._listening = asyncio.create_task(self.replica_posts.listen(self.notifier.announce))

    async def stop(self) -> None:
        if self._listening is not None:
            self._listening.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listening
        self.notifier.close_streams()

    def install(self, app: web.Application, engine: Engine) -> None:
        self.engine = engine
        app.router.add_get("/", self.index)
        app.router.add_static("/static/", path=str(STATIC), show_index=False)
        app.router.add_get("/api/webchat/users", self.users)
        app.router.add_post("/api/webchat/messages", self.messages)
        app.router.add_get("/api/webchat/inbox", self.get_inbox)
        app.router.add_get("/api/webchat/events", self.events)
        app.router.add_get(FILES_ROUTE + "{file_id}", self.download)
        app.router.add_get(API + "me", self.me)
        if self.sign_in is not None:
            self.sign_in.install(app)
        app.middlewares.append(guard_api(self.public_hosts))
        app.middlewares.append(self.access.middleware)
        app.on_response_prepare.append(self.access.frame_header)
        # Open event streams end before the server waits for its requests to finish (aiohttp
        # runs on_shutdown first, the lifespan's stop after that wait).
        app.on_shutdown.append(self._end_streams)

    async def _end_streams(self, app: web.Application) -> None:
        self.notifier.close_streams()

    async def index(self, request: web.Request) -> web.StreamResponse:
        html = STATIC.joinpath("index.html").read_text(encoding="utf-8")
        return web.Response(
            text=html,
            content_type="text/html",
            charset="utf-8",
            headers={"Cache-Control": "no-store"},
        )

    async def users(self, request: web.Request) -> web.Response:
        """The demo's identities; signed in, only the person themself."""
        if self.access.signed_in_mode:
            callers = [self.access.caller(request, None)]
        else:
            callers = list(self.access.demo_users().values())
        return web.json_response(
            {"users": [caller.public(self.programme) for caller in callers if caller]}
        )

    async def me(self, request: web.Request) -> web.Response:
        """Signed in: who, and how to sign out. Demo: only that it is the demo."""
        if not self.access.signed_in_mode:
            return web.json_response({"mode": "demo", "user": None})
        caller = self.access.caller(request, None)
        assert caller is not None, "the middleware answers 401 without a session"
        return web.json_response(
            {"mode": "signed-in", "user": caller.public(self.programme), "sign_out": "/auth/logout"}
        )

    async def messages(self, request: web.Request) -> web.Response:
        try:
            body = await request.json()
        except (ValueError, UnicodeDecodeError, LookupError, RecursionError):
            # LookupError: an unknown charset in Content-Type; RecursionError: absurd nesting.
            return _error(400, "Meddelandet är inte giltig JSON.", "The message is not valid JSON.")
        if not isinstance(body, dict):
            return _error(
                400, "Meddelandet ska vara ett JSON-objekt.", "The message must be a JSON object."
            )
        if has_lone_surrogate(body):
            return _error(
                400,
                "Meddelandet innehåller ogiltiga tecken (ensamma surrogattecken).",
                "The message holds invalid characters (lone surrogates).",
            )
        # Signed in, the body's "user" is ignored: the person is the session's.
        caller = self.access.caller(request, body.get("user"))
        if caller is None:
            return _error(
                400,
                "Okänd användare: välj en demoidentitet.",
                "Unknown user: pick a demo identity.",
            )
        incoming = self._incoming(body, caller)
        if incoming is None:
            return _error(400, "Ange text, action eller form.", "Give text, action or form.")
        assert self.engine is not None, "install() binds the engine"
        replies = await self.engine.handle(incoming)
        return web.json_response(
            {"replies": [self._public_reply(reply_to_dict(r), caller) for r in replies]},
            dumps=lambda data: json.dumps(data, ensure_ascii=False),
        )

    @staticmethod
    def _incoming(body: dict[str, Any], caller: Caller) -> Incoming | None:
        locale = body.get("locale") if isinstance(body.get("locale"), str) else None
        client_id = body.get("id")
        user = caller.user_id
        common: dict[str, Any] = {
            "platform": PLATFORM,
            "user_id": user,
            "user_name": caller.name,
            "directory_roles": caller.directory_roles,
            "conversation_id": f"dm:{user}",
            "locale": locale,
            "idempotency_key": f"{PLATFORM}:{user}:{client_id}"
            if isinstance(client_id, str | int)
            and not isinstance(client_id, bool)
            and str(client_id)
            else "",
        }
        action, form, text = body.get("action"), body.get("form"), body.get("text")
        if isinstance(action, dict) and isinstance(action.get("id"), str):
            return Incoming(**common, action=Action(action["id"], str(action.get("value") or "")))
        if isinstance(form, dict) and isinstance(form.get("id"), str):
            values = form.get("values")
            if not isinstance(values, dict):
                values = {}
            clean = {str(k): "" if v is None else str(v) for k, v in values.items()}
            return Incoming(**common, form=FormSubmission(form["id"], clean))
        if isinstance(text, str):
            return Incoming(**common, text=text)
        return None

    async def get_inbox(self, request: web.Request) -> web.Response:
        caller = self.access.caller(request, request.query.get("user", ""))
        try:
            after = int(request.query.get("after", "0"))
        except ValueError:
            return _error(400, "after ska vara ett heltal.", "after must be a whole number.")
        # SQLite integers are 64-bit; nothing lies beyond them, everything after a negative.
        after = min(max(after, -1), SQLITE_MAX_INTEGER)
        if caller is None:
            return _error(400, "Okänd användare.", "Unknown user.")
        return web.json_response(
            {"messages": self.notifier.inbox(caller.user_id, after)},
            dumps=lambda data: json.dumps(data, ensure_ascii=False),
        )

    async def events(self, request: web.Request) -> web.StreamResponse:
        caller = self.access.caller(request, request.query.get("user", ""))
        if caller is None:
            return _error(400, "Okänd användare.", "Unknown user.")
        user = caller.user_id
        queue = self.notifier.listen(user)

        def end() -> None:
            queue.put_nowait(CLOSED)

        if not self.streams.admit(user, end):
            self.notifier.unlisten(user, queue)
            response = _error(
                503,
                "För många öppna anslutningar just nu; sidan hämtar meddelanden ändå.",
                "Too many open connections right now; the page fetches messages anyway.",
            )
            response.headers["Retry-After"] = "60"
            return response
        try:
            return await stream(
                request, queue, closed=CLOSED, idle_seconds=self.stream_idle_seconds
            )
        finally:
            self.streams.release(user, end)
            self.notifier.unlisten(user, queue)

    def _public_reply(self, reply: dict[str, Any], caller: Caller) -> dict[str, Any]:
        file = reply.get("file")
        if isinstance(file, dict):

            def grant(file_id: str) -> None:
                self._inbox.grant_file(file_id, caller.user_id)

            reply["file"] = public_file(FileRef(**file), self.files, grant)
        return reply

    async def download(self, request: web.Request) -> web.StreamResponse:
        """A generated file by its id; signed in, only for whom it was made (else 404, as if
        there were no such file)."""
        file_id = request.match_info["file_id"]
        path = self.files.find(file_id) if self.files else None
        if path is not None and self.access.signed_in_mode:
            caller = self.access.caller(request, None)
            grantees = self._inbox.file_grantees(file_id)
            if caller is None or not self.access.may_fetch(caller, grantees):
                path = None
            elif self.audit is not None:
                self.audit.record(
                    actor=f"{PLATFORM}:{caller.user_id}", action="file-download", ref=file_id
                )
        if path is None:
            return error(404, "webchat.unknown_file")
        # Old browsers read only the ASCII name: "ÄRE-7.docx" becomes "ARE-7.docx" there.
        plain = unicodedata.normalize("NFKD", path.name).encode("ascii", "ignore").decode()
        ascii_name = "".join(c if c.isalnum() or c in " .-_()" else "_" for c in plain)
        kind = KNOWN_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
        return web.FileResponse(
            path,
            headers={
                "Content-Type": kind or "application/octet-stream",
                "Content-Disposition": (
                    f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(path.name)}"
                ),
                "Cache-Control": "private, no-store",
                "X-Content-Type-Options": "nosniff",
            },
        )
