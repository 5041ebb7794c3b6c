"""Signing people in to the web chat against the real OpenID Connect provider (tests/servers),
without a browser: each Visitor is one browser's cookie jar, for the bot and for the provider."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import aiohttp
from aiohttp.test_utils import TestServer

from bot.app.build import Bot, build, web_app
from bot.app.settings import AppSettings
from integrations.webchat.settings import OidcSettings, WebchatSettings
from tests.servers.oidc import OIDC_CLIENT, OidcProvider, http_login

MESSAGES = "/api/webchat/messages"


def signed_in_settings(
    tmp_path: Path, provider: OidcProvider, *, issuer: str = "", **webchat: Any
) -> AppSettings:
    oidc = OidcSettings(
        issuer=issuer or provider.issuer,
        client_id=OIDC_CLIENT.client_id,
        client_secret=OIDC_CLIENT.client_secret,
    )
    return AppSettings(db_path=tmp_path / "fvis.db", webchat=WebchatSettings(oidc=oidc, **webchat))


@dataclass
class Site:
    """The bot under test on a real loopback port (the provider redirects browsers to it)."""

    bot: Bot
    server: TestServer

    @classmethod
    async def start(cls, settings: AppSettings, clock: Any) -> Site:
        bot = build(settings, clock=clock)
        server = TestServer(web_app(bot), host="127.0.0.1")
        await server.start_server()
        return cls(bot, server)

    @property
    def url(self) -> str:
        return str(self.server.make_url("")).rstrip("/")

    async def close(self) -> None:
        await self.server.close()
        self.bot.close()


@dataclass
class Visitor:
    """One browser: its cookies at the bot and, separately, at the provider."""

    site: Site
    http: aiohttp.ClientSession = field(
        default_factory=lambda: aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    )
    at_provider: aiohttp.ClientSession = field(
        default_factory=lambda: aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    )
    last: aiohttp.ClientResponse | None = None

    def url(self, path: str) -> str:
        return self.site.url + path

    async def begin(self, query: str = "") -> str:
        """Ask the bot to sign in; the provider's authorization URL it redirects to."""
        response = await self.http.get(self.url("/auth/login" + query), allow_redirects=False)
        assert response.status == 302, await response.text()
        return response.headers["Location"]

    async def sign_in(self, login: str, query: str = "") -> aiohttp.ClientResponse:
        """The whole flow: the bot, the provider's login and consent pages, the callback."""
        authorize = await self.begin(query)
        back = await http_login(authorize, login, session=self.at_provider)
        return await self.callback(back)

    async def callback(self, url: str) -> aiohttp.ClientResponse:
        parts = urlsplit(url)
        assert parts.path == "/auth/callback", url
        response = await self.http.get(
            self.url(f"{parts.path}?{parts.query}"), allow_redirects=False
        )
        self.last = response
        return response

    async def get(self, path: str, **kwargs: Any) -> aiohttp.ClientResponse:
        return await self.http.get(self.url(path), allow_redirects=False, **kwargs)

    async def post(self, path: str, **kwargs: Any) -> aiohttp.ClientResponse:
        return await self.http.post(self.url(path), allow_redirects=False, **kwargs)

    async def say(self, text: str, **body: Any) -> list[dict[str, Any]]:
        response = await self.post(MESSAGES, json={"text": text, **body})
        assert response.status == 200, await response.text()
        return list((await response.json())["replies"])

    async def me(self) -> dict[str, Any]:
        response = await self.get("/api/webchat/me")
        assert response.status == 200, await response.text()
        user: dict[str, Any] = (await response.json())["user"]
        return user

    def cookie(self, name: str) -> str:
        for cookie in self.http.cookie_jar:
            if cookie.key == name:
                return cookie.value
        raise AssertionError(f"no cookie {name}")

    async def close(self) -> None:
        await self.http.close()
        await self.at_provider.close()


def query_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


async def provider_asks_for_login(authorize: str, session: aiohttp.ClientSession) -> bool:
    """Whether the provider, for this browser, shows its login form (no session there) rather
    than going on without it (its session still lives)."""
    url = authorize
    origin = urlsplit(authorize)[:2]
    for _ in range(10):
        async with session.get(url, allow_redirects=False) as response:
            if response.status in (302, 303):
                url = urljoin(url, response.headers["Location"])
                if urlsplit(url)[:2] != origin:
                    return False  # straight back to the app
                continue
            return 'name="login"' in await response.text()
    raise AssertionError(f"no page after ten redirects from {authorize}")
