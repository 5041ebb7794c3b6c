"""A local Microsoft Entra token endpoint (HTTPS, as msal insists) and a local Microsoft Graph
speaking the parts of v1.0 the bot uses: site pages, drive uploads, upload sessions, lists."""

from __future__ import annotations

import itertools
import json
import ssl
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from aiohttp import web

from tests.fakes.openid import Served

TENANT = "00000000-0000-4000-8000-00000000feed"


class FakeEntra:
    """OpenID discovery and the client-credentials grant of login.microsoftonline.com."""

    def __init__(self, ssl_context: ssl.SSLContext, *, clients: dict[str, str]) -> None:
        self.clients = clients  # client id -> secret
        self.issued: list[dict[str, str]] = []
        app = web.Application()
        app.router.add_get("/{tenant}/v2.0/.well-known/openid-configuration", self._discovery)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        self.server = Served(app, ssl_context=ssl_context)

    async def start(self) -> str:
        return await self.server.start()

    async def close(self) -> None:
        await self.server.close()

    @property
    def authority_host(self) -> str:
        return self.server.url

    async def _discovery(self, request: web.Request) -> web.Response:
        base = f"{self.server.url}/{request.match_info['tenant']}"
        return web.json_response(
            {
                "issuer": f"{base}/v2.0",
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "token_endpoint": f"{base}/oauth2/v2.0/token",
                "token_endpoint_auth_methods_supported": ["client_secret_post"],
            }
        )

    async def _token(self, request: web.Request) -> web.Response:
        form = {k: v[0] for k, v in parse_qs(await request.text()).items()}
        client = form.get("client_id", "")
        if form.get("grant_type") != "client_credentials" or self.clients.get(client) != form.get(
            "client_secret"
        ):
            return web.json_response(
                {"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client"},
                status=401,
            )
        count = sum(1 for issued in self.issued if issued["client"] == client)
        token = f"entra-{client}-{count + 1}"
        self.issued.append({"client": client, "scope": form.get("scope", ""), "token": token})
        return web.json_response(
            {"token_type": "Bearer", "expires_in": 3599, "access_token": token}
        )

    def tokens_for(self, scope_part: str) -> list[str]:
        return [i["token"] for i in self.issued if scope_part in i["scope"]]


@dataclass
class GraphCall:
    method: str
    path: str
    query: dict[str, str]
    body: bytes
    headers: dict[str, str]

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class Failure:
    method: str
    path_part: str
    status: int
    retry_after: float | None = None


@dataclass
class FakeGraph:
    """Microsoft Graph v1.0 at http://127.0.0.1:PORT/v1.0, for one intranet site."""

    site_id: str = "intranat.example.se,0000-site,0000-web"
    web_host: str = "https://intranat.example.se/sites/fvis"
    token: str | None = None  # the bearer token every call must carry (None: any)
    calls: list[GraphCall] = field(default_factory=list)
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # path in drive -> item
    lists: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    failures: list[Failure] = field(default_factory=list)
    list_page_size: int = 2
    _sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self.server = Served(app)

    async def start(self) -> str:
        await self.server.start()
        return self.base_url

    async def close(self) -> None:
        await self.server.close()

    @property
    def base_url(self) -> str:
        return f"{self.server.url}/v1.0"

    def fail(
        self,
        method: str,
        path_part: str,
        status: int,
        times: int = 1,
        retry_after: float | None = None,
    ) -> None:
        self.failures += [Failure(method, path_part, status, retry_after)] * times

    def called(self, method: str, part: str) -> list[GraphCall]:
        return [c for c in self.calls if c.method == method and part in c.path]

    # -- dispatch ----------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        path = request.path  # decoded: "root:/FVIS/x.docx:" arrives as written
        call = GraphCall(request.method, path, dict(request.query), body, dict(request.headers))
        self.calls.append(call)
        if path.startswith("/upload/"):
            refused = self._failure(request.method, path)
            if refused is not None:
                return refused
            if request.method == "GET":
                return self._upload_status(path.rsplit("/", 1)[1])
            return self._upload_chunk(path.rsplit("/", 1)[1], request, body)
        if (
            self.token is not None
            and request.headers.get("Authorization") != f"Bearer {self.token}"
        ):
            return _error(401, "InvalidAuthenticationToken", "Access token is empty or invalid")
        refused = self._failure(request.method, path)
        if refused is not None:
            return refused
        parts = [p for p in path.split("/") if p][1:]  # without "v1.0"
        if parts[:1] == ["sites"] and len(parts) >= 3 and parts[2] == "pages":
            return self._pages(request.method, parts[3:], call)
        if parts[:1] == ["drives"] and len(parts) >= 4 and parts[2] == "items":
            return self._drive(request.method, "/".join(parts[3:]), call)
        if parts[:1] == ["sites"] and len(parts) >= 5 and parts[2] == "lists":
            return self._list_items(request, parts[3])
        return _error(404, "itemNotFound", f"no route {request.method} {path}")

    def _pages(self, method: str, rest: list[str], call: GraphCall) -> web.Response:
        if method == "POST" and not rest:
            page = call.json()
            if page.get("@odata.type") != "#microsoft.graph.sitePage" or not page.get("name"):
                return _error(400, "invalidRequest", "a sitePage with a name is required")
            page_id = f"page-{next(self._ids)}"
            page.update(
                id=page_id,
                webUrl=f"{self.web_host}/SitePages/{page['name']}",
                publishingState={"level": "draft", "versionId": "0.1"},
            )
            self.pages[page_id] = page
            return web.json_response(page, status=201)
        page = self.pages.get(rest[0]) if rest else None
        if page is None:
            return _error(404, "itemNotFound", "The page was not found")
        if method == "POST" and rest[1:] == ["microsoft.graph.sitePage", "publish"]:
            page["publishingState"] = {"level": "published", "versionId": "1.0"}
            return web.Response(status=204)
        if method == "DELETE" and len(rest) == 1:
            del self.pages[rest[0]]
            return web.Response(status=204)
        return _error(405, "methodNotAllowed", "not here")

    def _item(self, path: str, size: int) -> dict[str, Any]:
        name = path.rsplit("/", 1)[-1]
        item = {
            "id": f"item-{next(self._ids)}",
            "name": name,
            "size": size,
            "webUrl": f"{self.web_host}/Delade dokument/{path}",
            "file": {"mimeType": "application/octet-stream"},
        }
        return item

    def _drive(self, method: str, item_path: str, call: GraphCall) -> web.Response:
        # "root:/FVIS/x.docx:/content" or "root:/FVIS/x.docx:/createUploadSession"
        if not item_path.startswith("root:/") or ":/" not in item_path[6:]:
            return _error(400, "invalidRequest", f"unexpected item path {item_path}")
        path, _, action = item_path[6:].rpartition(":/")
        if method == "PUT" and action == "content":
            item = self._item(path, len(call.body))
            self.files[path] = {**item, "content": call.body}
            return web.json_response(item, status=201)
        if method == "POST" and action == "createUploadSession":
            session = f"s{next(self._ids)}"
            self._sessions[session] = {"path": path, "data": b""}
            return web.json_response(
                {
                    "uploadUrl": f"{self.server.url}/upload/{session}",
                    "expirationDateTime": "2099-01-01T00:00:00Z",
                    "nextExpectedRanges": ["0-"],
                }
            )
        return _error(405, "methodNotAllowed", "not here")

    def _failure(self, method: str, path: str) -> web.Response | None:
        for failure in list(self.failures):
            if failure.method == method and failure.path_part in path:
                self.failures.remove(failure)
                headers = {"Retry-After": f"{failure.retry_after:g}"} if failure.retry_after else {}
                code = "TooManyRequests" if failure.status == 429 else "generalException"
                return _error(failure.status, code, "fake Graph refuses", headers)
        return None

    def _upload_status(self, session_id: str) -> web.Response:
        """GET on an upload URL: what the session has, as Graph answers it."""
        session = self._sessions.get(session_id)
        if session is None:
            return _error(404, "itemNotFound", "no such upload session")
        return web.json_response(
            {
                "nextExpectedRanges": [f"{len(session['data'])}-"],
                "expirationDateTime": "2099-01-01T00:00:00Z",
            }
        )

    def _list_items(self, request: web.Request, list_id: str) -> web.Response:
        """One page of a list's items; the next page is at @odata.nextLink (a $skiptoken), as
        Graph pages list items (up to 200 a page there; `list_page_size` here, small enough
        that every test's list spans pages)."""
        rows = self.lists.get(list_id, [])
        start = int(request.query.get("$skiptoken") or 0)
        end = start + self.list_page_size
        body: dict[str, Any] = {"value": rows[start:end]}
        if end < len(rows):
            body["@odata.nextLink"] = str(request.url.update_query({"$skiptoken": str(end)}))
        return web.json_response(body)

    def _upload_chunk(self, session_id: str, request: web.Request, body: bytes) -> web.Response:
        session = self._sessions.get(session_id)
        if session is None:
            return _error(404, "itemNotFound", "no such upload session")
        if "Authorization" in request.headers:
            # Upload URLs are pre-authenticated: a token sent to them is a leak.
            return _error(400, "invalidRequest", "do not send Authorization to uploadUrl")
        unit, _, spec = request.headers.get("Content-Range", "").partition(" ")
        span, _, total = spec.partition("/")
        start, _, end = span.partition("-")
        data: bytes = session["data"]
        if unit != "bytes" or int(start) != len(data) or int(end) - int(start) + 1 != len(body):
            return _error(416, "invalidRange", f"expected from {len(data)}")
        session["data"] = data + body
        session.setdefault("chunks", []).append(len(body))
        if len(session["data"]) < int(total):
            return web.json_response(
                {
                    "nextExpectedRanges": [f"{len(session['data'])}-"],
                    "expirationDateTime": "2099-01-01T00:00:00Z",
                },
                status=202,
            )
        item = self._item(session["path"], len(session["data"]))
        self.files[session["path"]] = {
            **item,
            "content": session["data"],
            "chunks": session["chunks"],
        }
        return web.json_response(item, status=201)


def _error(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> web.Response:
    return web.json_response(
        {
            "error": {
                "code": code,
                "message": message,
                "innerError": {"date": time.strftime("%Y-%m-%dT%H:%M:%S")},
            }
        },
        status=status,
        headers=headers or {},
    )


# -- the bot with SharePoint configured ------------------------------------------------------

GRAPH_APP = "22222222-3333-4444-8555-666666666666"
GRAPH_SECRET = "graph-secret-value"


def sharepoint_settings(graph: FakeGraph, entra: FakeEntra, **overrides: Any) -> Any:
    from integrations.microsoft.settings import Credentials, SharePointSettings

    values: dict[str, Any] = {
        "credentials": Credentials(
            tenant_id=TENANT,
            client_id=GRAPH_APP,
            client_secret=GRAPH_SECRET,
            authority_host=entra.authority_host,
        ),
        "site_id": graph.site_id,
        "graph_base_url": graph.base_url,
        "drive_id": "drive-1",
        "folder": "FVIS/Rapporter",
    }
    values.update(overrides)
    return SharePointSettings(**values)


@dataclass
class SharePointWorld:
    bot: Any
    graph: FakeGraph
    entra: FakeEntra

    @property
    def adapter(self) -> Any:
        return self.bot.adapter("sharepoint")


@asynccontextmanager
async def sharepoint_world(
    tmp_path: Path, monkeypatch: Any, clock: Any, **overrides: Any
) -> AsyncIterator[SharePointWorld]:
    from bot.app.build import build
    from bot.app.settings import AppSettings
    from integrations.microsoft.settings import MicrosoftSettings
    from tests.fakes.openid import self_signed

    context, ca_file = self_signed(tmp_path)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(ca_file))
    entra = FakeEntra(context, clients={GRAPH_APP: GRAPH_SECRET})
    await entra.start()
    graph = FakeGraph(token=f"entra-{GRAPH_APP}-1")
    await graph.start()
    settings = AppSettings(
        db_path=tmp_path / "fvis.db",
        microsoft=MicrosoftSettings(sharepoint=sharepoint_settings(graph, entra, **overrides)),
    )
    bot = build(settings, clock=clock)
    try:
        yield SharePointWorld(bot, graph, entra)
    finally:
        await graph.close()
        await entra.close()
        bot.close()
