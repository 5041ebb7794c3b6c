"""A local Bot Framework connector (the `serviceUrl` of Teams activities): it records what the
bot posts, answers like the real service, and can be told to answer 429 (or any status).

It also counts breaches of Teams' rate limits on what it received, by arrival time."""

from __future__ import annotations

import itertools
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from tests.fakes.openid import OpenIdFake, Served

CONVERSATION_LIMITS = ((7, 1.0), (8, 2.0), (60, 30.0), (1800, 3600.0))
MAX_ACTIVITY_BYTES = 28_000
# The activity fields the Agents Playground 0.2.28 (dist/index.js, activityZodSchema) declares
# `.optional()`: absent is fine, null is not. (`locale: null` was seen to pass; channelData
# and value are z.any()/z.unknown().)
NOT_NULL = frozenset(
    [
        "type",
        "text",
        "id",
        "channelId",
        "from",
        "timestamp",
        "localTimestamp",
        "localTimezone",
        "callerId",
        "serviceUrl",
        "conversation",
        "recipient",
        "textFormat",
        "attachmentLayout",
        "membersAdded",
        "membersRemoved",
        "reactionsAdded",
        "reactionsRemoved",
        "topicName",
        "historyDisclosed",
        "speak",
        "inputHint",
        "summary",
        "suggestedActions",
        "attachments",
        "entities",
        "action",
        "replyToId",
        "label",
        "valueType",
        "name",
        "relatesTo",
        "code",
        "expiration",
        "importance",
        "deliveryMode",
        "listenFor",
        "textHighlights",
        "semanticAction",
    ]
)


@dataclass
class Received:
    method: str
    conversation: str
    activity_id: str  # the activity replied to, updated or deleted ("" for a new post)
    body: dict[str, Any]
    authorization: str
    at: float = field(default_factory=time.monotonic)

    @property
    def text(self) -> str:
        return str(self.body.get("text") or "")

    @property
    def cards(self) -> list[dict[str, Any]]:
        return [
            a.get("content") or {}
            for a in self.body.get("attachments") or []
            if a.get("contentType") == "application/vnd.microsoft.card.adaptive"
        ]


class FakeConnector:
    def __init__(self, *, expected_token: str | None = None, app_rate: int = 30) -> None:
        self.expected_token = expected_token  # None: any (or no) token is accepted
        self.app_rate = app_rate
        self.received: list[Received] = []
        self.failures: deque[tuple[int, float | None]] = deque()
        self.refused: list[tuple[int, str]] = []
        self._ids = itertools.count(1)
        app = web.Application()
        base = "/v3/conversations/{conversation}/activities"
        app.router.add_post(base, self._post)
        app.router.add_post(base + "/{activity}", self._post)
        app.router.add_put(base + "/{activity}", self._put)
        app.router.add_delete(base + "/{activity}", self._delete)
        app.router.add_get("/v3/conversations/{conversation}/pagedmembers", self._roster)
        app.router.add_post("/v3/conversations", self._create)
        # A team's members by team id, as the roster gives them; a page holds `page_size`.
        self.roster: dict[str, list[dict[str, Any]]] = {}
        self.roster_page = 2
        self.blocked: set[str] = set()  # members Teams will not open a chat with (403)
        self.server = Served(app)

    async def start(self) -> str:
        return await self.server.start()

    async def close(self) -> None:
        await self.server.close()

    @property
    def url(self) -> str:
        return self.server.url + "/"

    def fail(self, status: int, times: int = 1, retry_after: float | None = None) -> None:
        """The next `times` requests get this status (429 with Retry-After if given)."""
        self.failures.extend([(status, retry_after)] * times)

    def _refuse(self, request: web.Request) -> web.Response | None:
        authorization = request.headers.get("Authorization", "")
        if self.expected_token is not None and authorization != f"Bearer {self.expected_token}":
            self.refused.append((401, request.path))
            return web.json_response(
                {"error": {"code": "Unauthorized", "message": "Authorization has been denied"}},
                status=401,
            )
        if self.failures:
            status, retry_after = self.failures.popleft()
            self.refused.append((status, request.path))
            headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
            return web.json_response(
                {
                    "error": {
                        "code": "TooManyRequests" if status == 429 else "ServiceError",
                        "message": f"fake connector answers {status}",
                    }
                },
                status=status,
                headers=headers,
            )
        return None

    async def _too_big(self, request: web.Request) -> web.Response | None:
        """Teams refuses a message over about 28 KB (the activity as sent)."""
        raw = await request.read()
        if len(raw) <= MAX_ACTIVITY_BYTES:
            return None
        self.refused.append((413, request.path))
        return web.json_response(
            {"error": {"code": "MessageSizeTooBig", "message": f"{len(raw)} bytes"}}, status=413
        )

    @staticmethod
    def _invalid(body: Any) -> web.Response | None:
        """The Agents Playground's connector checks bodies with the activity's zod schema, whose
        optional fields may be absent but not null (`"replyToId": null` is refused, 400
        BadArgument); fields outside the schema are dropped. This fake refuses the same."""
        if not isinstance(body, dict):
            nulls = ["(not an object)"]
        else:
            nulls = [k for k, v in body.items() if v is None and k in NOT_NULL]
        if nulls:
            return web.json_response(
                {"error": {"code": "BadArgument", "message": f"Invalid input: {nulls}"}},
                status=400,
            )
        return None

    def _record(self, request: web.Request, method: str, body: dict[str, Any], at: float) -> None:
        self.received.append(
            Received(
                method=method,
                conversation=request.match_info["conversation"],
                activity_id=request.match_info.get("activity", ""),
                body=body,
                authorization=request.headers.get("Authorization", ""),
                at=at,
            )
        )

    async def _post(self, request: web.Request) -> web.Response:
        at = time.monotonic()  # arrival, before the body is read
        refused = self._refuse(request)
        if refused is not None:
            return refused
        too_big = await self._too_big(request)
        if too_big is not None:
            return too_big
        body = await request.json()
        invalid = self._invalid(body)
        if invalid is not None:
            self.refused.append((400, request.path))
            return invalid
        self._record(request, "POST", body, at)
        return web.json_response({"id": f"1:{next(self._ids)}"}, status=201)

    async def _put(self, request: web.Request) -> web.Response:
        at = time.monotonic()
        refused = self._refuse(request)
        if refused is not None:
            return refused
        body = await request.json()
        invalid = self._invalid(body)
        if invalid is not None:
            self.refused.append((400, request.path))
            return invalid
        self._record(request, "PUT", body, at)
        return web.json_response({"id": request.match_info["activity"]})

    async def _delete(self, request: web.Request) -> web.Response:
        at = time.monotonic()
        refused = self._refuse(request)
        if refused is not None:
            return refused
        self._record(request, "DELETE", {}, at)
        return web.Response(status=200)

    async def _roster(self, request: web.Request) -> web.Response:
        """GET …/pagedmembers: one page of the team's members, and a token for the next."""
        at = time.monotonic()
        refused = self._refuse(request)
        if refused is not None:
            return refused
        self._record(request, "ROSTER", {}, at)
        members = self.roster.get(request.match_info["conversation"])
        if members is None:
            return web.json_response(
                {"error": {"code": "ConversationNotFound", "message": "no such team"}}, 404
            )
        start = int(request.query.get("continuationToken") or 0)
        end = start + self.roster_page
        page: dict[str, Any] = {"members": members[start:end]}
        if end < len(members):
            page["continuationToken"] = str(end)
        return web.json_response(page)

    async def _create(self, request: web.Request) -> web.Response:
        """POST /v3/conversations: a 1:1 chat with one member (Teams' shape)."""
        at = time.monotonic()
        refused = self._refuse(request)
        if refused is not None:
            return refused
        body = await request.json()
        self.received.append(Received("CREATE", "", "", body, "", at))
        members = body.get("members") or []
        if body.get("isGroup") or len(members) != 1 or not body.get("bot"):
            return web.json_response({"error": {"code": "BadArgument"}}, status=400)
        if not (body.get("channelData") or {}).get("tenant", {}).get("id"):
            return web.json_response({"error": {"code": "BadArgument", "message": "tenant"}}, 400)
        member = members[0]["id"]
        if member in self.blocked:
            return web.json_response(
                {"error": {"code": "Forbidden", "message": "The bot is blocked"}}, status=403
            )
        return web.json_response({"id": f"a:1created-{member}"}, status=201)

    # -- what arrived ----------------------------------------------------------------------

    def posts(self, conversation: str | None = None) -> list[Received]:
        return [
            r
            for r in self.received
            if r.method == "POST" and (conversation is None or r.conversation == conversation)
        ]

    def texts(self, conversation: str | None = None) -> list[str]:
        """Text of every message, card text blocks included, in arrival order."""
        out = []
        for r in self.posts(conversation):
            parts = [r.text] if r.text else []
            for card in r.cards:
                parts += _card_texts(card)
            out.append("\n".join(parts))
        return out

    def violations(self) -> int:
        """Requests that arrived while a window was already full (per conversation, per app)."""
        count = 0
        by_conversation: dict[str, list[float]] = defaultdict(list)
        for r in self.received:
            by_conversation[r.conversation].append(r.at)
        for times in by_conversation.values():
            count += sum(_breaches(times, n, p) for n, p in CONVERSATION_LIMITS)
        count += _breaches(sorted(r.at for r in self.received), self.app_rate, 1.0)
        return count


def _breaches(times: list[float], limit: int, period: float) -> int:
    window: deque[float] = deque()
    breaches = 0
    for at in sorted(times):
        while window and at - window[0] >= period:
            window.popleft()
        if len(window) >= limit:
            breaches += 1
        window.append(at)
    return breaches


def _card_texts(element: Any) -> list[str]:
    out: list[str] = []
    if isinstance(element, dict):
        if element.get("type") == "TextBlock":
            out.append(str(element.get("text", "")))
        for value in element.values():
            if isinstance(value, list | dict):
                out += _card_texts(value)
    elif isinstance(element, list):
        for item in element:
            out += _card_texts(item)
    return out


def card_actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    """Every Action.Execute of a card, in order (the actions row and action sets)."""
    found: list[dict[str, Any]] = []

    def walk(element: Any) -> None:
        if isinstance(element, dict):
            if element.get("type") == "Action.Execute":
                found.append(element)
                return
            for value in element.values():
                walk(value)
        elif isinstance(element, list):
            for item in element:
                walk(item)

    walk(card)
    return found


# -- activities as Teams sends them ---------------------------------------------------------

TENANT = "00000000-0000-4000-8000-00000000feed"
BOT_NAME = "FVIS-boten"


class Activities:
    """Real Bot Framework activity shapes from Teams, addressed to one bot and connector."""

    def __init__(self, *, service_url: str, app_id: str) -> None:
        self.service_url = service_url
        self.bot = {"id": f"28:{app_id}", "name": BOT_NAME}
        self._ids = itertools.count(1_700_000_000_001)

    def _base(
        self, kind: str, user: str, conversation: dict[str, Any], **extra: Any
    ) -> dict[str, Any]:
        return {
            "type": kind,
            "id": str(next(self._ids)),
            "timestamp": "2026-11-25T09:00:00.000Z",
            "serviceUrl": self.service_url,
            "channelId": "msteams",
            "from": {"id": f"29:1{user}", "name": user.title(), "aadObjectId": f"aad-{user}"},
            "conversation": conversation,
            "recipient": self.bot,
            "channelData": {"tenant": {"id": TENANT}},
            **extra,
        }

    @staticmethod
    def personal(user: str) -> dict[str, Any]:
        return {"conversationType": "personal", "tenantId": TENANT, "id": f"a:1personal-{user}"}

    def message(self, user: str, text: str, *, locale: str = "sv-SE") -> dict[str, Any]:
        return self._base(
            "message",
            user,
            self.personal(user),
            text=text,
            textFormat="plain",
            locale=locale,
            entities=[{"type": "clientInfo", "locale": locale, "country": "SE", "platform": "Web"}],
        )

    def channel_message(
        self,
        user: str,
        text: str,
        *,
        channel: str = "19:fvis@thread.tacv2",
        root: str = "1700000000555",
    ) -> dict[str, Any]:
        mention = f"<at>{BOT_NAME}</at>"
        activity = self._base(
            "message",
            user,
            {
                "isGroup": True,
                "conversationType": "channel",
                "tenantId": TENANT,
                "id": f"{channel};messageid={root}",
            },
            text=f"{mention} {text}",
            textFormat="plain",
            locale="sv-SE",
            entities=[{"type": "mention", "text": mention, "mentioned": self.bot}],
        )
        activity["channelData"] = {
            "teamsChannelId": channel,
            "teamsTeamId": "19:team@thread.tacv2",
            "channel": {"id": channel, "name": "FVIS-program"},
            "team": {"id": "19:team@thread.tacv2", "name": "FVIS"},
            "tenant": {"id": TENANT},
        }
        return activity

    def submit(self, user: str, data: dict[str, Any], *, locale: str = "sv-SE") -> dict[str, Any]:
        """Action.Submit (the fallback): a message with the card's data as value and no text."""
        return self._base(
            "message", user, self.personal(user), value=data, locale=locale, textFormat="plain"
        )

    def execute(
        self,
        user: str,
        action: dict[str, Any],
        inputs: dict[str, Any] | None = None,
        *,
        locale: str = "sv-SE",
    ) -> dict[str, Any]:
        """Action.Execute clicked: the invoke Teams sends, inputs merged into the data."""
        data = {**action["data"], **(inputs or {})}
        return self._base(
            "invoke",
            user,
            self.personal(user),
            name="adaptiveCard/action",
            locale=locale,
            value={
                "action": {
                    "type": "Action.Execute",
                    "id": "",
                    "verb": action["verb"],
                    "data": data,
                },
                "trigger": "manual",
            },
        )

    def installed(self, user: str) -> dict[str, Any]:
        """The app added in personal scope: conversationUpdate with the bot among membersAdded."""
        return self._base(
            "conversationUpdate", user, self.personal(user), membersAdded=[{"id": self.bot["id"]}]
        )

    def added_to_team(self, user: str, *, team: str = "19:team@thread.tacv2") -> dict[str, Any]:
        activity = self._base(
            "conversationUpdate",
            user,
            {"isGroup": True, "conversationType": "channel", "tenantId": TENANT, "id": team},
            membersAdded=[{"id": self.bot["id"]}],
        )
        activity["channelData"] = {
            "team": {"id": team, "name": "FVIS"},
            "eventType": "teamMemberAdded",
            "tenant": {"id": TENANT},
        }
        return activity


# -- the bot with Teams configured, against all three fakes -----------------------------------

APP_ID = "11111111-2222-4333-8444-555555555555"
APP_SECRET = "fake-secret-value"


def programme_with_teams_accounts(folder: Path) -> Path:
    """The demo programme, each person also known in Teams by the Entra id `aad-<id>`."""
    from bot.domain.programme import demo_programme_data

    data = demo_programme_data()
    for person in data["people"]:
        person["accounts"]["teams"] = f"aad-{person['id']}"
    path = folder / "programme-teams.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@dataclass
class TeamsWorld:
    bot: Any
    client: TestClient
    connector: FakeConnector
    openid: OpenIdFake
    entra: Any
    activities: Activities

    def token(self, **overrides: Any) -> str:
        claims: dict[str, Any] = {"audience": APP_ID, "service_url": self.connector.url}
        claims.update(overrides)
        return self.openid.token(**claims)

    async def post(
        self,
        activity: dict[str, Any],
        *,
        token: str | None = "valid",
        headers: dict[str, str] | None = None,
    ) -> Any:
        sent = dict(headers or {})
        if token == "valid":
            sent["Authorization"] = f"Bearer {self.token()}"
        elif token is not None:
            sent["Authorization"] = f"Bearer {token}"
        return await self.client.post("/api/messages", json=activity, headers=sent)

    async def say(self, user: str, text: str, **kwargs: Any) -> list[str]:
        """Write to the bot in personal chat; the texts it posted back."""
        before = len(self.connector.posts())
        response = await self.post(self.activities.message(user, text, **kwargs))
        assert response.status in (200, 201, 202), await response.text()
        return self.connector.texts()[before:]


@asynccontextmanager
async def teams_world(
    tmp_path: Path,
    monkeypatch: Any,
    clock: Any,
    *,
    anonymous: bool = False,
    graph: Any = None,
    **teams: Any,
) -> AsyncIterator[TeamsWorld]:
    from bot.app.build import build, web_app
    from bot.app.settings import AppSettings
    from integrations.microsoft.settings import Credentials, MicrosoftSettings, TeamsSettings
    from tests.fakes.graph import FakeEntra
    from tests.fakes.openid import self_signed

    context, ca_file = self_signed(tmp_path)
    # msal talks HTTPS only; requests trusts our certificate through the usual variable.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(ca_file))
    from tests.fakes.graph import GRAPH_APP, GRAPH_SECRET, sharepoint_settings

    openid = OpenIdFake()
    entra = FakeEntra(context, clients={APP_ID: APP_SECRET, GRAPH_APP: GRAPH_SECRET})
    await openid.start()
    await entra.start()
    connector = FakeConnector(expected_token=None if anonymous else "entra-" + APP_ID + "-1")
    await connector.start()
    credentials = None
    if not anonymous:
        credentials = Credentials(
            tenant_id=TENANT,
            client_id=APP_ID,
            client_secret=APP_SECRET,
            authority_host=entra.authority_host,
        )
    settings = AppSettings(
        db_path=tmp_path / "fvis.db",
        programme_file=programme_with_teams_accounts(tmp_path),
        microsoft=MicrosoftSettings(
            teams=TeamsSettings(
                credentials=credentials, openid_metadata_url=openid.metadata_url, **teams
            ),
            sharepoint=sharepoint_settings(graph, entra) if graph is not None else None,
        ),
    )
    bot = build(settings, clock=clock)
    client = TestClient(TestServer(web_app(bot)))
    await client.start_server()
    try:
        yield TeamsWorld(
            bot,
            client,
            connector,
            openid,
            entra,
            Activities(service_url=connector.url, app_id=APP_ID),
        )
    finally:
        await client.close()
        await connector.close()
        await entra.close()
        await openid.close()
        bot.close()
