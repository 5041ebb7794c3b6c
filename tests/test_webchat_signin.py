"""Signing in to the web chat with OpenID Connect, against panva's certified oidc-provider on
loopback: the flow, its refusals, sessions (expiry, tampering, restart) and signing out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from tests.conftest import FakeClock
from tests.helpers import stored_bytes
from tests.servers.oidc import OIDC_CLIENT, OidcProvider, http_login, http_logout
from tests.signin_helpers import (
    Site,
    Visitor,
    provider_asks_for_login,
    query_of,
    signed_in_settings,
)

pytestmark = pytest.mark.usefixtures("oidc_provider")


@pytest.fixture
async def site(
    tmp_path: Path, oidc_provider: OidcProvider, clock: FakeClock
) -> AsyncIterator[Site]:
    oidc_provider.set_account("anna@region.example", name="Anna L")
    instance = await Site.start(signed_in_settings(tmp_path, oidc_provider), clock)
    yield instance
    await instance.close()


@pytest.fixture
async def anna(site: Site) -> AsyncIterator[Visitor]:
    visitor = Visitor(site)
    yield visitor
    await visitor.close()


def api_routes(app: web.Application) -> list[tuple[str, str]]:
    """Every route of the web chat's API, as the app has them (new ones are covered too)."""
    routes = []
    for route in app.router.routes():
        path = route.resource.canonical if route.resource else ""
        if path.startswith("/api/webchat/") and route.method != "HEAD":
            routes.append((route.method, path.replace("{file_id}", "0" * 32)))
    return routes


async def test_no_session_is_401_on_every_api_route(site: Site, anna: Visitor) -> None:
    routes = api_routes(site.server.app)
    assert {path for _, path in routes} >= {
        "/api/webchat/me", "/api/webchat/users", "/api/webchat/messages",
        "/api/webchat/inbox", "/api/webchat/events", "/api/webchat/files/" + "0" * 32,
    }  # fmt: skip
    for method, path in routes:
        response = await anna.http.request(
            method, anna.url(path + "?user=anna"), json={"user": "anna", "text": "hjälp"}
        )
        assert response.status == 401, (method, path)
        data = await response.json()
        assert data["error"] == "Logga in för att använda chatten."
        assert data["error_en"] == "Sign in to use the chat."
        assert data["sign_in"] == "/auth/login"
    # The page itself loads: it offers the sign-in.
    page = await anna.get("/")
    assert page.status == 200 and "sign-in-button" in await page.text()


async def test_sign_in_with_pkce_and_a_session_cookie(site: Site, anna: Visitor) -> None:
    authorize = await anna.begin("?return=/%3Fx%3D1")
    request = query_of(authorize)
    assert authorize.startswith(site.bot.webchat.sign_in.relying_party.settings.issuer)
    assert request["code_challenge_method"] == "S256" and len(request["code_challenge"]) == 43
    assert request["redirect_uri"] == site.url + "/auth/callback"
    assert request["scope"] == "openid email profile"
    assert request["nonce"] and request["state"]

    back = await http_login(authorize, "anna@region.example", session=anna.at_provider)
    response = await anna.callback(back)
    assert response.status == 303
    assert response.headers["Location"] == "/?x=1"
    cookie = response.cookies["fvis_session"]
    assert cookie["httponly"] is True and cookie["samesite"] == "Lax"
    assert not cookie["secure"]  # plain http on loopback; https: test_webchat_identity.py
    assert await anna.me() == {
        "id": "anna@region.example",
        "name": "Anna Lindqvist",  # the programme file's name wins over the token's
        "title": "Sjuksköterska, avdelning 5",
        "roles": ["reporter"],
        "locale": "sv",
    }
    # The database holds a hash of the cookie's secret, never the secret.
    assert anna.cookie("fvis_session").encode() not in stored_bytes(site.bot.settings)
    audit = list(site.bot.db.query("SELECT actor, action FROM audit"))
    assert {"actor": "webchat:anna@region.example", "action": "webchat-sign-in"} in audit


async def test_a_callback_is_used_once_and_only_in_the_browser_that_began(
    site: Site, anna: Visitor
) -> None:
    authorize = await anna.begin()
    back = await http_login(authorize, "anna@region.example", session=anna.at_provider)
    mallory = Visitor(site)
    try:
        # Sent to someone else (login CSRF): no sign-in cookie there, no session.
        response = await mallory.callback(back)
        assert response.status == 400
        assert "Inloggningen misslyckades" in await response.text()
        assert (await mallory.get("/api/webchat/me")).status == 401
    finally:
        await mallory.close()
    assert (await anna.callback(back)).status == 303
    # The same callback again: the sign-in it belonged to is used up.
    replay = await anna.callback(back)
    assert replay.status == 400


async def test_cancelled_at_the_provider(site: Site, anna: Visitor) -> None:
    authorize = await anna.begin()
    back = await http_login(
        authorize, "anna@region.example", consent=False, session=anna.at_provider
    )
    assert query_of(back)["error"] == "access_denied"
    response = await anna.callback(back)
    assert response.status == 401
    assert "avbröts" in await response.text()
    assert (await anna.get("/api/webchat/me")).status == 401


async def test_the_session_expires_after_idle_hours(
    site: Site, anna: Visitor, clock: FakeClock
) -> None:
    await anna.sign_in("anna@region.example")
    clock.advance(hours=7, minutes=50)
    assert (await anna.get("/api/webchat/me")).status == 200
    clock.advance(hours=7, minutes=50)  # idle counts from the last request
    assert (await anna.get("/api/webchat/me")).status == 200
    clock.advance(hours=8, minutes=1)
    response = await anna.get("/api/webchat/me")
    assert response.status == 401
    assert not list(site.bot.db.query("SELECT * FROM web_sessions"))


async def test_a_tampered_or_made_up_cookie_opens_nothing(site: Site, anna: Visitor) -> None:
    await anna.sign_in("anna@region.example")
    secret = anna.cookie("fvis_session")
    flipped = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    async with aiohttp.ClientSession() as stranger:
        for forged in (flipped, secret + "x", secret[:20], "' OR 1=1 --"):
            for name in ("fvis_session", "fvis_frame_session"):
                response = await stranger.get(anna.url("/api/webchat/me"), cookies={name: forged})
                assert response.status == 401, (name, forged)
        response = await stranger.get(anna.url("/api/webchat/me"), cookies={"fvis_session": secret})
        assert response.status == 200  # the untouched secret does open it


async def test_signing_in_again_ends_the_session_before(site: Site, anna: Visitor) -> None:
    await anna.sign_in("anna@region.example")
    before = anna.cookie("fvis_session")
    await anna.sign_in("anna@region.example")
    assert anna.cookie("fvis_session") != before  # a fresh secret at every sign-in
    async with aiohttp.ClientSession() as stranger:
        response = await stranger.get(anna.url("/api/webchat/me"), cookies={"fvis_session": before})
        assert response.status == 401
    assert len(list(site.bot.db.query("SELECT * FROM web_sessions"))) == 1


async def test_sessions_survive_a_restart(
    tmp_path: Path, oidc_provider: OidcProvider, clock: FakeClock
) -> None:
    settings = signed_in_settings(tmp_path, oidc_provider)
    first = await Site.start(settings, clock)
    anna = Visitor(first)
    try:
        await anna.sign_in("anna@region.example")
        secret = anna.cookie("fvis_session")
    finally:
        await anna.close()
        await first.close()
    second = await Site.start(settings, clock)
    again = Visitor(second)
    try:
        response = await again.http.get(
            again.url("/api/webchat/me"), cookies={"fvis_session": secret}
        )
        assert response.status == 200
        assert (await response.json())["user"]["id"] == "anna@region.example"
    finally:
        await again.close()
        await second.close()


async def test_sign_out_ends_the_session_here_and_at_the_issuer(
    site: Site, anna: Visitor, oidc_provider: OidcProvider
) -> None:
    await anna.sign_in("anna@region.example")
    # Signed in at the provider: another authorization there needs no login form.
    assert not await provider_asks_for_login(await anna.begin(), anna.at_provider)

    response = await anna.post("/auth/logout", headers={"Accept": "application/json"})
    assert response.status == 200
    end = (await response.json())["end_session_url"]
    assert end.startswith(oidc_provider.discovery["end_session_endpoint"] + "?")
    assert query_of(end)["post_logout_redirect_uri"] == site.url + "/"
    assert query_of(end)["id_token_hint"].count(".") == 2
    assert (await anna.get("/api/webchat/me")).status == 401
    assert not list(site.bot.db.query("SELECT * FROM web_sessions"))

    # The browser follows it: the provider ends its session and sends the browser back.
    back = await http_logout(end, session=anna.at_provider)
    assert back.split("?")[0] == site.url + "/"
    assert await provider_asks_for_login(await anna.begin(), anna.at_provider)


async def test_sign_out_without_javascript_redirects(site: Site, anna: Visitor) -> None:
    await anna.sign_in("anna@region.example")
    response = await anna.post("/auth/logout")
    assert response.status == 303
    assert response.headers["Location"].startswith(site.url.rsplit(":", 1)[0])
    cookie = response.cookies["fvis_session"]
    assert cookie.value == "" and cookie["max-age"] == "0"


async def test_another_issuer_is_refused(
    site: Site, anna: Visitor, oidc_provider: OidcProvider
) -> None:
    # A second provider, the same client registered there: a real one, with its own keys.
    with OidcProvider(clients=[OIDC_CLIENT]) as other:
        other.set_account("anna@region.example")
        ours = query_of(await anna.begin())
        theirs = other.authorize_url(
            pkce=None, state=ours["state"], nonce=ours["nonce"],
            redirect_uri=ours["redirect_uri"], code_challenge=ours["code_challenge"],
            code_challenge_method="S256",
        )  # fmt: skip
        back = await http_login(theirs, "anna@region.example")
        assert query_of(back)["iss"] == other.issuer
        response = await anna.callback(back)
        assert response.status == 401  # its iss is not ours (RFC 9207)

        # Without the iss parameter, its code is unknown to our issuer: refused as well.
        ours = query_of(await anna.begin())
        theirs = other.authorize_url(
            pkce=None, state=ours["state"], nonce=ours["nonce"],
            redirect_uri=ours["redirect_uri"], code_challenge=ours["code_challenge"],
            code_challenge_method="S256",
        )  # fmt: skip
        back = await http_login(theirs, "anna@region.example")
        code_and_state = f"code={query_of(back)['code']}&state={query_of(back)['state']}"
        response = await anna.callback(f"{site.url}/auth/callback?{code_and_state}")
        assert response.status == 401
    assert (await anna.get("/api/webchat/me")).status == 401


async def test_a_discovery_document_naming_another_issuer_is_refused(
    tmp_path: Path, oidc_provider: OidcProvider, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    # The same provider reached by another name: its documents name their own issuer.
    issuer = oidc_provider.issuer.replace("127.0.0.1", "localhost")
    site = await Site.start(signed_in_settings(tmp_path, oidc_provider, issuer=issuer), clock)
    visitor = Visitor(site)
    try:
        # Said at start, before anyone tries.
        assert f"names issuer {oidc_provider.issuer!r}, not FVIS_OIDC_ISSUER" in caplog.text
        response = await visitor.get("/auth/login")
        assert response.status == 503
        assert "Inloggningstjänsten går inte att nå" in await response.text()
    finally:
        await visitor.close()
        await site.close()


async def test_the_return_path_stays_on_this_server(site: Site, anna: Visitor) -> None:
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        anna_again = Visitor(site)
        try:
            response = await anna_again.sign_in("anna@region.example", f"?return={target}")
            assert response.headers["Location"] == "/", target
        finally:
            await anna_again.close()
