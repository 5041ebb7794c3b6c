"""The web chat end to end in headless Chromium: a person logs a need by clicking, then lists it."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestServer
from playwright.async_api import Browser, Locator, Page, async_playwright, expect

from bot.app.build import Bot, web_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        instance = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        await instance.close()


@pytest.fixture
async def server(bot: Bot) -> AsyncIterator[TestServer]:
    test_server = TestServer(web_app(bot), host="127.0.0.1")
    await test_server.start_server()
    yield test_server
    await test_server.close()


async def _open(browser: Browser, server: TestServer, user: str, **context: Any) -> Page:
    page = await (await browser.new_context(**context)).new_page()
    await page.goto(str(server.make_url("/")))
    await page.get_by_test_id("user-picker").select_option(user)
    return page


async def _send(page: Page, text: str) -> None:
    await page.get_by_test_id("input").fill(text)
    await page.get_by_test_id("send").click()


def _last(page: Page) -> Locator:
    """The bot's latest message."""
    return page.get_by_test_id("bot-message").last


async def _choose(page: Page, text: str) -> None:
    """Click the choice with this text in the bot's latest message."""
    await _last(page).get_by_test_id("choice").filter(has_text=text).click()


async def test_nurse_logs_a_need_by_clicking_and_lists_it(
    browser: Browser, server: TestServer, tmp_path: Any
) -> None:
    page = await _open(browser, server, "anna", viewport={"width": 1280, "height": 800})
    # No issuer, on loopback: the demo, and it says so beside the identity picker.
    await expect(page.get_by_test_id("demo-badge")).to_have_text("Demo – ingen inloggning")
    await expect(page.get_by_test_id("sign-out")).to_be_hidden()
    await _send(page, "behov Vi saknar skrivare")
    await expect(_last(page)).to_contain_text("Vilken enhet")
    await _send(page, "Avdelning 5")
    await expect(_last(page)).to_contain_text("nyttoobjekt")
    await _choose(page, "Förbättrade och smartare arbetsformer")
    await expect(_last(page)).to_contain_text("Stämmer det här?")
    await _choose(page, "Prioritet: hög")
    await expect(_last(page)).to_contain_text("Prioritet: Hög")
    await _choose(page, "Spara")
    await expect(_last(page)).to_contain_text("Sparat som BEH-1")
    await page.screenshot(path=str(tmp_path / "saved.png"), full_page=True)

    await _send(page, "lista mina")
    await expect(_last(page)).to_contain_text("BEH-1 · Ny · Vi saknar skrivare")


async def test_handler_status_change_reaches_the_reporter_live(
    browser: Browser, server: TestServer
) -> None:
    anna = await _open(browser, server, "anna")
    await _send(anna, "ärende Journalen låser sig vid inloggning")
    await _choose(anna, "Fyll i formulär")
    form = anna.get_by_test_id("form").last
    await form.locator("[name=description]").fill("Det tar fem minuter att logga in på morgonen.")
    await form.locator("[name=unit]").fill("Akuten")
    await form.locator("[name=urgency]").select_option("high")
    await form.get_by_test_id("form-submit").click()
    await expect(_last(anna)).to_contain_text("Sparat som ÄRE-1")

    # Akuten's project lead finds the new issue among her notices, and takes it by its button.
    lena = await _open(browser, server, "linnea")
    notice = lena.locator("[data-kind=notification]").last
    await expect(notice).to_contain_text("Nytt ärende att hantera: ÄRE-1", timeout=10_000)
    await notice.get_by_test_id("choice").filter(has_text="Ta").first.click()
    await expect(_last(lena)).to_contain_text("ÄRE-1 är tilldelat Linnea Forsberg")
    # Anna's open page gets the notice without reloading.
    await expect(anna.locator("[data-kind=notification]").last).to_contain_text(
        "har fått status pågår", timeout=10_000
    )


async def test_phone_size_layout_shows_input_and_channels(
    browser: Browser, server: TestServer, tmp_path: Any
) -> None:
    page = await _open(browser, server, "omar", viewport={"width": 390, "height": 844})
    await _send(page, "help")
    await expect(_last(page)).to_contain_text("I am the FVIS bot")
    assert await page.get_by_test_id("input").is_visible()
    assert await page.get_by_test_id("channels").count() == 1
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"
    await page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
