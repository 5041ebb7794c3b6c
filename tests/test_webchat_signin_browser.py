"""Signing in to the web chat in Chromium against the real OpenID Connect provider: as a page
(a top-level redirect there and back, and signing out at the issuer), and framed by an intranet
page on another site (a pop-up, a ticket, a partitioned cookie)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from playwright.async_api import Browser, Page, async_playwright, expect

from tests.conftest import FakeClock
from tests.servers._process import free_port
from tests.servers.oidc import OidcProvider
from tests.signin_helpers import Site, signed_in_settings
from tests.test_webchat_browser import ARGS, CHROMIUM

pytestmark = pytest.mark.usefixtures("oidc_provider")


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        instance = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        await instance.close()


async def sign_in_at_provider(page: Page, login: str) -> None:
    """The provider's own pages: login (any password), then consent."""
    await page.fill("input[name=login]", login)
    await page.fill("input[name=password]", "valfritt")
    await page.click("button[type=submit]")
    await page.click("button[type=submit]")


async def test_sign_in_chat_and_sign_out_as_a_page(
    browser: Browser, tmp_path: Path, oidc_provider: OidcProvider, clock: FakeClock
) -> None:
    oidc_provider.set_account("anna@region.example", name="Anna L")
    site = await Site.start(signed_in_settings(tmp_path, oidc_provider), clock)
    context = await browser.new_context(viewport={"width": 1100, "height": 800})
    try:
        page = await context.new_page()
        await page.goto(site.url + "/")
        # Not signed in: straight on to the issuer, which is not the chat.
        await page.wait_for_url(oidc_provider.issuer + "/**")
        await sign_in_at_provider(page, "anna@region.example")
        await page.wait_for_url(site.url + "/")
        await expect(page.get_by_test_id("signed-in-as")).to_have_text(
            "Inloggad som Anna Lindqvist"
        )
        await expect(page.get_by_test_id("demo-badge")).to_be_hidden()
        await expect(page.get_by_test_id("user-picker")).to_be_hidden()
        await page.get_by_test_id("input").fill("lista mina")
        await page.get_by_test_id("send").click()
        await expect(page.get_by_test_id("bot-message").last).to_contain_text("Inga poster matchar")
        cookies = {c["name"]: c for c in await context.cookies(site.url)}
        assert cookies["fvis_session"]["httpOnly"] is True
        assert cookies["fvis_session"]["sameSite"] == "Lax"

        await page.get_by_test_id("sign-out").click()
        await page.wait_for_url(oidc_provider.issuer + "/**")
        await page.click("button[name=logout]")
        await page.wait_for_url(site.url + "/**")
        await expect(page.get_by_test_id("sign-in")).to_contain_text("Du är utloggad")
        assert "fvis_session" not in {c["name"] for c in await context.cookies(site.url)}
        # The issuer's session ended too: signing in again asks for the login.
        await page.get_by_test_id("sign-in-button").click()
        await expect(page.locator("input[name=login]")).to_be_visible()
    finally:
        await context.close()
        await site.close()


def intranet(chat_url: str) -> web.Application:
    """A page on another site that frames the chat, as SharePoint's Embed web part does."""

    async def page(request: web.Request) -> web.Response:
        html = (
            "<!doctype html><html><head><title>Intranät</title></head><body>"
            "<h1>Intranätet</h1>"
            f'<iframe id="chat" src="{chat_url}/" width="900" height="650"></iframe>'
            "</body></html>"
        )
        return web.Response(text=html, content_type="text/html")

    app = web.Application()
    app.router.add_get("/", page)
    return app


async def test_framed_on_another_site_it_signs_in_through_a_pop_up(
    browser: Browser, tmp_path: Path, oidc_provider: OidcProvider, clock: FakeClock
) -> None:
    oidc_provider.set_account("anna@region.example", name="Anna L")
    # The intranet is http://localhost:PORT; the chat is http://127.0.0.1:PORT: another site,
    # so no Lax (or unpartitioned third-party) cookie of the chat's reaches the frame.
    port = free_port()
    allowed = f"http://localhost:{port}"
    site = await Site.start(
        signed_in_settings(tmp_path, oidc_provider, frame_ancestors=(allowed,)), clock
    )
    host = TestServer(intranet(site.url), host="127.0.0.1", port=port)
    await host.start_server()
    context = await browser.new_context(viewport={"width": 1100, "height": 800})
    try:
        page = await context.new_page()
        await page.goto(allowed + "/")
        frame = page.frame_locator("#chat")
        # Framed, the chat does not navigate itself to the issuer: it offers a pop-up.
        await expect(frame.get_by_test_id("sign-in-button")).to_be_visible()
        async with page.expect_popup() as info:
            await frame.get_by_test_id("sign-in-button").click()
        popup = await info.value
        await popup.wait_for_url(oidc_provider.issuer + "/**")
        await sign_in_at_provider(popup, "anna@region.example")
        await popup.wait_for_event("close")  # it handed the frame its ticket and closed
        await expect(frame.get_by_test_id("signed-in-as")).to_have_text(
            "Inloggad som Anna Lindqvist"
        )
        await frame.get_by_test_id("input").fill("hjälp")
        await frame.get_by_test_id("send").click()
        await expect(frame.get_by_test_id("bot-message").last).to_be_visible()
        partitioned = [c for c in await context.cookies(site.url) if c["name"].startswith("fvis")]
        assert {c["name"] for c in partitioned} >= {"fvis_frame_session"}
        await page.screenshot(path=str(tmp_path / "framed.png"))

        # The same page on an origin not in FVIS_FRAME_ANCESTORS: the browser refuses the frame.
        other = await context.new_page()
        await other.goto(f"http://127.0.0.1:{port}/")
        await other.wait_for_load_state("load")
        chat = other.frame_locator("#chat")
        await expect(chat.get_by_test_id("input")).to_have_count(0)
        child = other.frames[1]
        assert not child.url.startswith(site.url), child.url
    finally:
        await context.close()
        await host.close()
        await site.close()
