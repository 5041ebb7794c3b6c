"""The local web chat: one page, a small JSON API, and live messages over server-sent events."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import mimetypes
import unicodedata
from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

from aiohttp import web

from bot.conversation.engine import Engine, reply_to_dict
from bot.domain.messages import (
    Action,
    Delivery,
    FileRef,
    FormSubmission,
    Incoming,
    Outbound,
    Target,
)
from bot.domain.programme import Programme
from integrations.webchat.guards import (
    STREAM_IDLE_SECONDS,
    StreamLimits,
    guard_api,
    has_lone_surrogate,
)

log = logging.getLogger(__name__)

PLATFORM = "webchat"
STATIC = resources.files("integrations").joinpath("webchat/static")
KEEPALIVE_SECONDS = 15.0
SQLITE_MAX_INTEGER = 2**63 - 1


_CLOSED: dict[str, Any] = {}


class InboxStore(Protocol):
    def append(
        self, *, channel: str, user: str, text: str, file: dict[str, str] | None
    ) -> dict[str, Any]: ...

    def after(self, *, user: str, seq: int, limit: int = 200) -> list[dict[str, Any]]: ...

    def withdraw(self, seq: int) -> bool: ...

    def get(self, seq: int) -> dict[str, Any] | None: ...


class GeneratedFiles(Protocol):
    """Files the bot generated (reports), reachable only by the id they were saved under."""

    def find(self, file_id: str) -> Path | None: ...

    def id_of(self, path: str) -> str | None: ...


FILES_ROUTE = "/api/webchat/files/"
# Not every system's mime table knows Office files.
KNOWN_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
}


def public_file(file: FileRef, files: GeneratedFiles | None) -> dict[str, str]:
    """What the page gets for a file: a download URL of this server, never the server's path."""
    url = file.url
    file_id = files.id_of(file.path) if files is not None and file.path else None
    if file_id is not None:
        url = FILES_ROUTE + file_id
    return {"name": file.name, "url": url, "mime": file.mime}


class WebchatNotifier:
    """The web chat as a channel like any other: posts are stored, then pushed to open pages."""

    def __init__(self, inbox: InboxStore, files: GeneratedFiles | None = None) -> None:
        self._inbox = inbox
        self._files = files
        self._listeners: dict[str, set[asyncio.Queue[dict[str, Any]]]] = {}

    async def post(self, target: Target, message: Outbound) -> Delivery:
        direct = bool(target.user_id)
        channel = "dm" if direct else f"#{target.channel.lstrip('#')}"
        stored = self._inbox.append(
            channel=channel,
            user=target.user_id if direct else "",
            text=message.text,
            file=public_file(message.file, self._files) if message.file else None,
        )
        for user, queues in self._listeners.items():
            if not direct or user == target.user_id:
                for queue in queues:
                    queue.put_nowait(stored)
        return Delivery(ok=True, message_id=str(stored["seq"]))

    async def withdraw(self, target: Target, message_id: str) -> Delivery:
        if not message_id.isdigit() or not self._inbox.withdraw(int(message_id)):
            return Delivery(ok=False, error=f"no web chat post {message_id!r} to withdraw")
        updated = self._inbox.get(int(message_id))
        if updated is not None:
            # Open pages learn of it like of any message: same seq, now with withdrawn_at.
            for user, queues in self._listeners.items():
                if not updated["direct"] or user == target.user_id:
                    for queue in queues:
                        queue.put_nowait(updated)
        return Delivery(ok=True, message_id=message_id)

    def close_streams(self) -> None:
        """At shutdown, end every open event stream instead of waiting for browsers to leave."""
        for queues in self._listeners.values():
            for queue in queues:
                queue.put_nowait(_CLOSED)

    def listen(self, user: str) -> asyncio.Queue[dict[str, Any]]:
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._listeners.setdefault(user, set()).add(queue)
        return queue

    def unlisten(self, user: str, queue: asyncio.Queue[dict[str, Any]]) -> None:
        self._listeners.get(user, set()).discard(queue)

    def inbox(self, user: str, after: int) -> list[dict[str, Any]]:
        return self._inbox.after(user=user, seq=after)


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
        token: str,
        files: GeneratedFiles | None = None,
        public_hosts: frozenset[str] = frozenset(),
        streams: StreamLimits | None = None,
        stream_idle_seconds: float = STREAM_IDLE_SECONDS,
    ) -> None:
        self.programme = programme
        self.public_hosts = public_hosts
        self.streams = streams or StreamLimits()
        self.stream_idle_seconds = stream_idle_seconds
        self.files = files
        self.notifier = WebchatNotifier(inbox, files)
        self.token = token
        self.engine: Engine | None = None

    def inbox(self, user: str, after: int) -> list[dict[str, Any]]:
        return self.notifier.inbox(user, after)

    async def start(self, engine: Engine) -> None:
        return None

    async def stop(self) -> None:
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
        app.middlewares.append(self._require_token)
        app.middlewares.append(guard_api(self.public_hosts))
        # Open event streams end before the server waits for its requests to finish (aiohttp
        # runs on_shutdown first, the lifespan's stop after that wait).
        app.on_shutdown.append(self._end_streams)

    async def _end_streams(self, app: web.Application) -> None:
        self.notifier.close_streams()

    @web.middleware
    async def _require_token(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        if self.token and request.path.startswith("/api/webchat/"):
            given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
            given = given or request.query.get("token", "")
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                return _error(
                    401,
                    "Webbchatten kräver en nyckel (?token=…).",
                    "The web chat needs a token (?token=…).",
                )
        return await handler(request)

    async def index(self, request: web.Request) -> web.StreamResponse:
        html = STATIC.joinpath("index.html").read_text(encoding="utf-8")
        return web.Response(
            text=html,
            content_type="text/html",
            charset="utf-8",
            headers={"Cache-Control": "no-store"},
        )

    def _known_users(self) -> dict[str, dict[str, Any]]:
        users = {}
        for person in self.programme.people:
            user_id = person.accounts.get(PLATFORM)
            if user_id:
                users[user_id] = {
                    "id": user_id,
                    "name": person.name,
                    "title": person.title,
                    "roles": sorted(role.value for role in person.roles),
                    "locale": person.locale,
                }
        return users

    async def users(self, request: web.Request) -> web.Response:
        return web.json_response({"users": list(self._known_users().values())})

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
        user = body.get("user")
        known = self._known_users()
        if not isinstance(user, str) or user not in known:
            return _error(
                400,
                "Okänd användare: välj en demoidentitet.",
                "Unknown user: pick a demo identity.",
            )
        incoming = self._incoming(body, user, known[user]["name"])
        if incoming is None:
            return _error(400, "Ange text, action eller form.", "Give text, action or form.")
        assert self.engine is not None, "install() binds the engine"
        replies = await self.engine.handle(incoming)
        return web.json_response(
            {"replies": [self._public_reply(reply_to_dict(reply)) for reply in replies]},
            dumps=lambda data: json.dumps(data, ensure_ascii=False),
        )

    @staticmethod
    def _incoming(body: dict[str, Any], user: str, name: str) -> Incoming | None:
        locale = body.get("locale") if isinstance(body.get("locale"), str) else None
        client_id = body.get("id")
        common: dict[str, Any] = {
            "platform": PLATFORM,
            "user_id": user,
            "user_name": name,
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
        user = request.query.get("user", "")
        try:
            after = int(request.query.get("after", "0"))
        except ValueError:
            return _error(400, "after ska vara ett heltal.", "after must be a whole number.")
        # SQLite integers are 64-bit; nothing lies beyond them, everything after a negative.
        after = min(max(after, -1), SQLITE_MAX_INTEGER)
        if user not in self._known_users():
            return _error(400, "Okänd användare.", "Unknown user.")
        return web.json_response(
            {"messages": self.notifier.inbox(user, after)},
            dumps=lambda data: json.dumps(data, ensure_ascii=False),
        )

    async def events(self, request: web.Request) -> web.StreamResponse:
        user = request.query.get("user", "")
        if user not in self._known_users():
            return _error(400, "Okänd användare.", "Unknown user.")
        queue = self.notifier.listen(user)

        def end() -> None:
            queue.put_nowait(_CLOSED)

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
            return await self._stream(request, queue)
        finally:
            self.streams.release(user, end)
            self.notifier.unlisten(user, queue)

    async def _stream(
        self, request: web.Request, queue: asyncio.Queue[dict[str, Any]]
    ) -> web.StreamResponse:
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store"}
        )
        await response.prepare(request)
        loop = asyncio.get_running_loop()
        quiet_since = loop.time()
        keepalive = min(KEEPALIVE_SECONDS, self.stream_idle_seconds)
        try:
            await response.write(b": connected\n\n")
            while True:
                try:
                    message = await asyncio.wait_for(queue.get(), keepalive)
                except TimeoutError:
                    if loop.time() - quiet_since >= self.stream_idle_seconds:
                        break  # idle: the page reconnects and catches up from the inbox
                    await response.write(b": keep-alive\n\n")
                    continue
                if message is _CLOSED:
                    break
                quiet_since = loop.time()
                data = json.dumps(message, ensure_ascii=False)
                await response.write(f"id: {message['seq']}\ndata: {data}\n\n".encode())
        except ConnectionResetError:
            pass  # the browser left
        return response

    def _public_reply(self, reply: dict[str, Any]) -> dict[str, Any]:
        file = reply.get("file")
        if isinstance(file, dict):
            reply["file"] = public_file(FileRef(**file), self.files)
        return reply

    async def download(self, request: web.Request) -> web.StreamResponse:
        """A generated file, by its id only (the token middleware guards this like the API)."""
        path = self.files.find(request.match_info["file_id"]) if self.files else None
        if path is None:
            return _error(
                404,
                "Filen finns inte (längre). Be boten göra rapporten igen.",
                "The file does not exist (any more). Ask the bot to make the report again.",
            )
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
