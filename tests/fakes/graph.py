"""A local Microsoft Entra token endpoint (HTTPS, as msal insists) and a local Microsoft Graph
speaking the parts of v1.0 the bot uses: site pages, drive uploads, upload sessions, lists."""

from __future__ import annotations

import ssl
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
        token = f"entra-{client}-{len(self.issued) + 1}"
        self.issued.append({"client": client, "scope": form.get("scope", ""), "token": token})
        return web.json_response(
            {"token_type": "Bearer", "expires_in": 3599, "access_token": token}
        )

    def tokens_for(self, scope_part: str) -> list[str]:
        return [i["token"] for i in self.issued if scope_part in i["scope"]]
