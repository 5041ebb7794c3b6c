"""The Microsoft 365 Agents Playground (npm `@microsoft/m365agentsplayground` 0.2.28) for tests:
a Teams-like web client with a mock Bot Connector, talking to our bot's /api/messages.

    with AgentsPlayground("http://127.0.0.1:3978/api/messages") as playground:
        playground.base_url        # "http://127.0.0.1:PORT": the web client (GET /)
        playground.service_url     # "http://localhost:PORT/_connector": what activities carry
        await playground.install()                 # installationUpdate + conversationUpdate
        async with playground.stream() as stream:  # what the bot posts, as the web client sees it
            await playground.send("hej")           # a user message, as if typed in the client
            event = await stream.next_message()    # {"text": ..., "from": {"id": BOT_ID}, ...}

It runs `node .../cli.js -e ENDPOINT -c msteams -p 0 --dt --conversation-id ID` (flags checked
with `--help`: -e/--app-endpoint, -c/--channel-id msteams|directline|webchat|emulator|agents,
-p/--port (0 = any free port; a busy port silently falls back to a random one), --dt disables
telemetry, --conversation-id fixes the personal chat's id, --su/--service-url overrides the
serviceUrl, --cid/--cs/--tid switch on auth). It prints `Listening on PORT` once it listens.
Environment used here: TEAMSAPPTESTER_BROWSER=none (else it runs `open`/xdg-open on its URL),
M365_AGENTS_PLAYGROUND_LOGFILE (else it writes ./devTools/m365agentsplayground.log in its
working directory) and M365_AGENTS_PLAYGROUND_CONFIG_PATH (a .m365agentsplayground.yml with
users, chats and teams; without the file it uses its built-in one, below). It listens on all
interfaces (it has no host option), which is why tests use its loopback address only.

How the mock connector works (read from dist/index.js of 0.2.28 and checked against it):

* Activities it sends to the bot carry `serviceUrl = http://localhost:PORT/_connector` (note
  `localhost`, not 127.0.0.1; `--service-url` replaces it), `channelId = msteams`,
  `conversation = {id, conversationType: personal|groupChat|channel, tenantId}`,
  `recipient = {id: 00000000-0000-0000-0000-00000000000011, name: "Test Bot"}`,
  `from = {id: user-id-0, name: "Alex Wilber", aadObjectId: ...0020}` and
  `channelData.tenant.id = 00000000-0000-0000-0000-0000000000001`. The POST to the bot has
  header `x-ms-agents-playground: true` and **no Authorization header** unless auth is
  configured (then an Entra client-credentials token for --cid, from login.microsoftonline.com).
* The connector is mounted at `/_connector`:
  POST   /v3/conversations/{id}/activities                 send (201 {"id": ...})
  POST   /v3/conversations/{id}/activities/{activityId}    reply (same handler)
  PUT    /v3/conversations/{id}/activities/{activityId}    update (200 {"id": ...})
  DELETE /v3/conversations/{id}/activities/{activityId}    not implemented: always an error
  GET    /v3/conversations/{id}/members, /members/{memberId}, /pagedmembers,
         /activities/{activityId}/members
  POST   /v3/conversations                                  create a conversation
  GET    /v3/teams/{teamId}, /v3/teams/{teamId}/conversations
  and a mock user-token service at /api/usertoken/GetToken, /api/usertoken/SignOut,
  /api/botsignin/GetSignInUrl, /api/botsignin/GetSignInResource (both at / and /_connector).
* Auth on the connector: **none** unless a client id and secret are configured (--cid/--cs,
  AUTH_CLIENT_ID/AUTH_CLIENT_SECRET, or POST /_internal/v1/configAuth); then it wants
  `Authorization: Bearer <JWT>` verified against Microsoft's keys (internet) with audience
  https://api.botframework.com or the client id. Without auth any header, or none, is accepted.
* It accepts only conversations it knows: the personal chat (`--conversation-id`, else a
  random uuid per process), the group chat (a random uuid), the team "team-id" (its General
  channel) and channel "channel-announcements-id"; anything else answers 404
  `ConversationNotFound`. With `--conversation-id` the personal chat id stays the same for the
  whole process (a page load re-sends installationUpdate/conversationUpdate for it).
* Bodies are checked with a zod schema where optional fields may be absent but **not null**:
  `"replyToId": null` (or `"id": null`, `"entities": null`) answers 400
  `{"error":{"code":"BadArgument","message":"Invalid input"}}`. (`"locale": null` passes.)
* What the bot sends reaches the web client over the websocket
  /_ws_conversation/v1/conversations/stream as `{"action": "createMessage" | "updateMessage",
  "actionConversationId": ..., "message": {...}}`; `stream()` below reads it.
* Driving it without a browser (what its own web client calls): POST
  /_debug/conversation/{id}/installation (body `{}`) makes it send installationUpdate and
  conversationUpdate; POST /_conversation/v1/conversations/{id}/messages with
  `{"from": {"id": "user-id-0"}, "text": "...", "textFormat": "plain"}` sends a user message;
  POST /_conversation/v1/invoke and /v1/submit carry Adaptive Card actions; GET
  /_internal/v1/config returns the users, chats and teams; GET /_debug/ping answers "pong".

In Chromium (Playwright, executable_path="/usr/bin/chromium", args=["--no-sandbox"]): every
page load re-sends installationUpdate and conversationUpdate for the same personal chat; the
message box is `[data-lexical-editor="true"]` (click, type, Enter); a bot message's text is a
`<p>` in the chat (`page.locator("p", has_text="...")`; plain get_by_text also matches the
chat list's preview). Checked with Chromium 156.

Proactive messages from microsoft-agents-hosting-core 1.9 with anonymous auth: in the browser
page, the bot's message appears in the chat; with `stream()`, as a createMessage event.
`CloudAdapter.continue_conversation(app_id, ...)` builds `ClaimsIdentity({"aud": app_id,
"appid": app_id})`, whose `allow_anonymous` is False (the claims are not empty, even with
app_id ""), so `create_user_token_client` asks the connection for a token, gets "" and raises
"Failed to obtain token for user token client". Anonymous proactive turns must use
`continue_conversation_with_claims(ClaimsIdentity(), continuation_activity, callback)` (empty
claims: anonymous token provider for both the user-token and the connector client), and the
outgoing activity must not carry `reply_to_id=None` set explicitly (see above).
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp

from tests.servers._process import (
    NODE_DIR,
    ServerError,
    ServerProcess,
    ThrowawayServer,
    node_binary,
    require_node_modules,
    wait_for_http,
)

PACKAGE = "@microsoft/m365agentsplayground"
CLI = NODE_DIR / "node_modules" / PACKAGE / "cli.js"

# The built-in configuration's identities (0.2.28).
BOT_ID = "00000000-0000-0000-0000-00000000000011"
TENANT_ID = "00000000-0000-0000-0000-0000000000001"
USER_ID = "user-id-0"  # "Alex Wilber", the person using the web client
TEAM_CONVERSATION_ID = "team-id"  # the team's General channel
CHANNEL_CONVERSATION_ID = "channel-announcements-id"


class AgentsPlayground(ThrowawayServer):
    prefix = "fvis-playground-"

    def __init__(
        self,
        endpoint: str,
        *,
        channel: str = "msteams",
        conversation_id: str = "fvis-personal-chat",
        service_url: str | None = None,
        config_yaml: str | None = None,
        startup_timeout: float = 60.0,
    ) -> None:
        super().__init__()
        self.endpoint = endpoint
        self.channel = channel
        self.conversation_id = conversation_id
        self._service_url = service_url
        self.config_yaml = config_yaml
        self.startup_timeout = startup_timeout
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def service_url(self) -> str:
        """The serviceUrl the Playground puts in every activity it sends to the bot."""
        return self._service_url or f"http://localhost:{self.port}/_connector"

    @property
    def connector_url(self) -> str:
        """The mock connector on the loopback address (the same server as service_url)."""
        return f"{self.base_url}/_connector"

    @property
    def log_file(self) -> Path | None:
        return self._dir / "playground.log" if self._dir else None

    def _check(self) -> None:
        require_node_modules(PACKAGE)

    def _launch(self, folder: Path) -> None:
        config_path = folder / ".m365agentsplayground.yml"
        if self.config_yaml is not None:
            config_path.write_text(self.config_yaml, encoding="utf-8")
        env = {
            **os.environ,
            "TEAMSAPPTESTER_BROWSER": "none",
            "M365_AGENTS_PLAYGROUND_LOGFILE": str(folder / "playground.log"),
            "M365_AGENTS_PLAYGROUND_CONFIG_PATH": str(config_path),
            "TEAMS_APP_TEST_TOOL_CONFIG_PATH": str(folder / ".teamsapptesttool.yml"),
        }
        for name in ("AUTH_CLIENT_ID", "AUTH_CLIENT_SECRET", "AUTH_TENANT_ID"):
            env.pop(name, None)  # they would switch the connector's auth on
        argv = [node_binary(), str(CLI), "-e", self.endpoint, "-c", self.channel, "-p", "0"]
        argv += ["--dt", "--conversation-id", self.conversation_id]
        if self._service_url:
            argv += ["--service-url", self._service_url]
        self._process = ServerProcess("agents-playground", argv, cwd=folder, env=env)
        match = self._process.wait_for_line(r"Listening on (\d+)", self.startup_timeout)
        self.port = int(match.group(1))
        wait_for_http(f"{self.base_url}/_debug/ping", 10, self._process)

    def output(self) -> str:
        """What it printed, and its log file (the bot's errors are written there)."""
        printed = super().output()
        log = self.log_file
        logged = log.read_text("utf-8", "replace") if log and log.exists() else ""
        return f"{printed}\n--- log ---\n{logged}"

    # -- driving it without a browser --------------------------------------------------------

    async def _post(self, path: str, body: dict[str, Any]) -> Any:
        async with (
            aiohttp.ClientSession() as session,
            session.post(f"{self.base_url}{path}", json=body) as response,
        ):
            text = await response.text()
            if response.status >= 400:
                raise ServerError(f"Playground {path} answered {response.status}: {text}")
            return json.loads(text) if text else None

    async def config(self) -> dict[str, Any]:
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"{self.base_url}/_internal/v1/config") as response,
        ):
            data: dict[str, Any] = await response.json()
            return data

    async def install(self, conversation_id: str | None = None) -> None:
        """Make it send installationUpdate and conversationUpdate (as a page load does)."""
        await self._post(
            f"/_debug/conversation/{conversation_id or self.conversation_id}/installation", {}
        )

    async def send(
        self, text: str, *, conversation_id: str | None = None, from_id: str = USER_ID
    ) -> Any:
        """A user message into the conversation, delivered by the Playground to the bot."""
        conversation = conversation_id or self.conversation_id
        body = {"from": {"id": from_id}, "text": text, "textFormat": "plain"}
        return await self._post(f"/_conversation/v1/conversations/{conversation}/messages", body)

    @asynccontextmanager
    async def stream(self) -> AsyncIterator[MessageStream]:
        """The web client's websocket: everything the bot posts, as the page would show it."""
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(f"{self.base_url}/_ws_conversation/v1/conversations/stream") as ws,
        ):
            yield MessageStream(ws)


class SessionPlayground(AgentsPlayground):
    """An AgentsPlayground with the bot's port reserved up front."""

    def __init__(self, bot_port: int) -> None:
        super().__init__(f"http://127.0.0.1:{bot_port}/api/messages")
        self.bot_port = bot_port


class MessageStream:
    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self._ws = ws

    async def next_event(self, timeout: float = 10.0) -> dict[str, Any]:
        """The next `{"action": ..., "actionConversationId": ..., "message": {...}}`."""
        while True:
            message = await self._ws.receive(timeout=timeout)
            if message.type == aiohttp.WSMsgType.TEXT:
                data: dict[str, Any] = json.loads(message.data)
                return data
            if message.type in (
                aiohttp.WSMsgType.CLOSE,
                aiohttp.WSMsgType.CLOSED,
                aiohttp.WSMsgType.ERROR,
            ):
                raise ServerError(f"the Playground's websocket closed ({message.type})")

    async def next_message(self, timeout: float = 10.0) -> dict[str, Any]:
        """The next message the bot created (skipping updates and typing)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError(f"no message from the bot within {timeout} s")
            event = await self.next_event(remaining)
            if event.get("action") == "createMessage":
                message: dict[str, Any] = event["message"]
                message["conversationId"] = event.get("actionConversationId")
                return message


__all__ = [
    "BOT_ID",
    "CHANNEL_CONVERSATION_ID",
    "TEAM_CONVERSATION_ID",
    "TENANT_ID",
    "USER_ID",
    "AgentsPlayground",
    "MessageStream",
    "SessionPlayground",
]
