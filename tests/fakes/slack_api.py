"""A local fake of Slack: the Web API (as slack-sdk calls it), response_url webhooks, the file
upload URLs of files_upload_v2, and a Socket Mode WebSocket server.

It records every call and answers the way Slack does ({"ok": true, ...} or {"ok": false,
"error": ...}, HTTP 429 with Retry-After). Point `AsyncWebClient(base_url=fake.api_url)` at it.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web

BOT_USER = "U0BOT"
TEAM = "T0FVIS"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    token: str
    headers: dict[str, str] = field(default_factory=dict)
    result: dict[str, Any] = field(default_factory=dict)  # what the fake answered


@dataclass
class SlackUser:
    id: str
    real_name: str
    locale: str = "sv-SE"


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.responses: list[dict[str, Any]] = []  # what came to response_url webhooks
        self.uploads: dict[str, bytes] = {}
        self.users: dict[str, SlackUser] = {}
        self.channels: dict[str, str] = {"C0GENERAL": "allmänt", "C0PROGRAM": "fvis-program"}
        self._rate_limited: dict[str, int] = {}
        self._errors: dict[str, list[str]] = {}
        self._ts = itertools.count(1)
        self._ids = itertools.count(1)
        self._sockets: list[web.WebSocketResponse] = []
        self._acks: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._socket_open = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- set-up ------------------------------------------------------------------------------

    async def start(self) -> FakeSlack:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/respond/{hook}", self._respond)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        for socket in list(self._sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def response_url(self, name: str = "hook") -> str:
        return f"{self.base}/respond/{name}"

    def add_user(self, user_id: str, real_name: str, locale: str = "sv-SE") -> None:
        self.users[user_id] = SlackUser(user_id, real_name, locale)

    def rate_limit_once(self, method: str, times: int = 1) -> None:
        """The next call(s) of this method get HTTP 429 with Retry-After: 0."""
        self._rate_limited[method] = times

    def fail_once(self, method: str, error: str = "channel_not_found") -> None:
        self._errors.setdefault(method, []).append(error)

    # -- what happened -----------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def count(self, method: str) -> int:
        return len(self.calls_to(method))

    def last(self, method: str) -> dict[str, Any]:
        calls = self.calls_to(method)
        assert calls, f"{method} was never called; calls: {[c.method for c in self.calls]}"
        return calls[-1].params

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while self.count(method) < count:
            if time.monotonic() > deadline:
                seen = [c.method for c in self.calls]
                raise AssertionError(f"expected {count} × {method}; calls: {seen}")
            await asyncio.sleep(0.01)
        return self.calls_to(method)

    def posted_texts(self) -> list[str]:
        """Everything chat.postMessage and response_url showed, as text of the blocks."""
        texts = [block_text(c.params.get("blocks")) for c in self.calls_to("chat.postMessage")]
        texts += [block_text(r.get("blocks")) for r in self.responses]
        return texts

    # -- the Web API -------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params: dict[str, Any] = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            raw = await request.read()
            if request.content_type == "application/json":
                params.update(json.loads(raw or b"{}"))
            else:
                params.update(parse_qsl(raw.decode(), keep_blank_values=True))
        token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        token = token or str(params.pop("token", ""))
        call = Call(method, params, token, dict(request.headers))
        self.calls.append(call)
        if self._rate_limited.get(method):
            self._rate_limited[method] -= 1
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "0"}
            )
        if not token:
            return web.json_response({"ok": False, "error": "not_authed"})
        if self._errors.get(method):
            return web.json_response({"ok": False, "error": self._errors[method].pop(0)})
        handler = getattr(self, "m_" + method.replace(".", "_"), None)
        if handler is None:
            return web.json_response({"ok": False, "error": "unknown_method"})
        call.result = handler(params, token)
        return web.json_response(call.result)

    def _next_ts(self) -> str:
        return f"{1_780_000_000 + next(self._ts)}.000100"

    def m_auth_test(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        if not token.startswith("xoxb-"):
            return {"ok": False, "error": "invalid_auth"}
        return {
            "ok": True,
            "url": "https://fvis.slack.com/",
            "team": "FVIS",
            "user": "fvis",
            "team_id": TEAM,
            "user_id": BOT_USER,
            "bot_id": "B0BOT",
            "is_enterprise_install": False,
        }

    def _view(self, params: dict[str, Any]) -> dict[str, Any]:
        view = params.get("view")
        view = json.loads(view) if isinstance(view, str) else dict(view or {})
        view_id = params.get("view_id") or f"V{next(self._ids):06d}"
        return {**view, "id": view_id, "hash": f"{time.time_ns()}.hash", "team_id": TEAM}

    def m_views_open(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        if params.get("trigger_id") in (None, "", "expired"):
            return {"ok": False, "error": "expired_trigger_id"}
        return {"ok": True, "view": self._view(params)}

    def m_views_update(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        return {"ok": True, "view": self._view(params)}

    def m_views_publish(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        if params.get("user_id") not in self.users:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "view": self._view(params)}

    def m_chat_postMessage(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        blocks = params.get("blocks")
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        if blocks and len(blocks) > 50:
            return {"ok": False, "error": "invalid_blocks"}
        for block in blocks or []:
            text = (block.get("text") or {}).get("text", "")
            if block.get("type") == "section" and len(text) > 3000:
                return {"ok": False, "error": "invalid_blocks"}
        channel = str(params.get("channel") or "")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        ts = self._next_ts()
        return {
            "ok": True,
            "channel": channel,
            "ts": ts,
            "message": {"text": params.get("text"), "ts": ts, "bot_id": "B0BOT"},
        }

    def m_chat_update(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts")}

    def m_chat_delete(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts")}

    def m_chat_postEphemeral(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        return {"ok": True, "message_ts": self._next_ts()}

    def m_chat_getPermalink(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        channel, ts = params.get("channel", ""), str(params.get("message_ts", ""))
        if not channel or not ts:
            return {"ok": False, "error": "message_not_found"}
        link = f"https://fvis.slack.com/archives/{channel}/p{ts.replace('.', '')}"
        return {"ok": True, "channel": channel, "permalink": link}

    def m_conversations_open(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        users = str(params.get("users") or "")
        if not users:
            return {"ok": False, "error": "users_list_not_supplied"}
        return {"ok": True, "channel": {"id": "D" + users.split(",")[0].removeprefix("U")}}

    def m_conversations_info(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        channel = str(params.get("channel") or "")
        if channel not in self.channels:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "channel": {"id": channel, "name": self.channels[channel]}}

    def m_users_info(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        user = self.users.get(str(params.get("user") or ""))
        if user is None:
            return {"ok": False, "error": "user_not_found"}
        data: dict[str, Any] = {
            "id": user.id,
            "team_id": TEAM,
            "name": user.real_name.split()[0].lower(),
            "real_name": user.real_name,
            "tz": "Europe/Stockholm",
            "profile": {"real_name": user.real_name, "display_name": user.real_name},
        }
        if str(params.get("include_locale")).lower() in ("true", "1"):
            data["locale"] = user.locale
        return {"ok": True, "user": data}

    def m_files_getUploadURLExternal(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        if not params.get("filename") or not str(params.get("length", "")).isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._ids):06d}"
        return {"ok": True, "upload_url": f"{self.base}/upload/{file_id}", "file_id": file_id}

    def m_files_completeUploadExternal(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        files = params.get("files")
        files = json.loads(files) if isinstance(files, str) else files or []
        if any(f.get("id") not in self.uploads for f in files):
            return {"ok": False, "error": "file_not_found"}
        return {
            "ok": True,
            "files": [{"id": f["id"], "title": f.get("title") or ""} for f in files],
        }

    def m_files_delete(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        return {"ok": True}

    def m_apps_connections_open(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        if not token.startswith("xapp-"):
            return {"ok": False, "error": "not_allowed_token_type"}
        return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket"}

    # -- webhooks and uploads ----------------------------------------------------------------

    async def _respond(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.responses.append(body)
        return web.Response(text="ok")

    async def _upload(self, request: web.Request) -> web.Response:
        self.uploads[request.match_info["file_id"]] = await request.read()
        return web.Response(text=f"OK - {len(self.uploads[request.match_info['file_id']])}")

    # -- Socket Mode -------------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        self._sockets.append(socket)
        await socket.send_json(
            {
                "type": "hello",
                "num_connections": 1,
                "debug_info": {"host": "fake", "approximate_connection_time": 18060},
                "connection_info": {"app_id": "A0FVIS"},
            }
        )
        self._socket_open.set()
        try:
            async for message in socket:
                if message.type != WSMsgType.TEXT:
                    continue
                data = json.loads(message.data)
                future = self._acks.get(data.get("envelope_id", ""))
                if future is not None and not future.done():
                    future.set_result(data)
        finally:
            self._sockets.remove(socket)
        return socket

    async def wait_connected(self, timeout: float = 5.0) -> None:
        await asyncio.wait_for(self._socket_open.wait(), timeout)

    async def envelope(
        self, kind: str, payload: dict[str, Any], *, retry_attempt: int = 0, timeout: float = 5.0
    ) -> dict[str, Any]:
        """Send one Socket Mode envelope (events_api, slash_commands, interactive); the ack."""
        assert self._sockets, "no Socket Mode client is connected"
        envelope_id = f"env-{next(self._ids)}"
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._acks[envelope_id] = future
        await self._sockets[-1].send_json(
            {
                "envelope_id": envelope_id,
                "type": kind,
                "payload": payload,
                "accepts_response_payload": kind != "events_api",
                "retry_attempt": retry_attempt,
                "retry_reason": "timeout" if retry_attempt else "",
            }
        )
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            self._acks.pop(envelope_id, None)


def block_text(blocks: Any) -> str:
    """The visible text of Block Kit blocks (sections, context, headers, buttons)."""
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    parts: list[str] = []
    for block in blocks or []:
        if isinstance(block.get("text"), dict):
            parts.append(block["text"].get("text", ""))
        for element in block.get("elements", []):
            text = element.get("text")
            parts.append(text.get("text", "") if isinstance(text, dict) else str(text or ""))
    return "\n".join(p for p in parts if p)
