"""The web chat page in headless Chromium, as people meet it: focus in the message field, the
question of a half-finished dialogue shown again after a reload and in a second tab, links with
a copy button, dates on one line, a form's title once, the identity picker whole at 1280 and
390 px, and axe-core finding no WCAG 2.1 AA violation before and during a dialogue."""

from __future__ import annotations

import itertools
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestServer
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import Browser, Page, async_playwright, expect

from bot.app.build import Bot, web_app
from bot.i18n.catalogue import t
from tests.helpers import NEED
from tests.test_webchat_browser import ARGS, CHROMIUM, _last, _open, _send

# The longest names and titles of the demo programme, as the picker shows them.
PEOPLE = {
    "david": "David Berg – Programledare",
    "anna": "Anna Lindqvist – Sjuksköterska, avdelning 5",
    "bertil": "Bertil Nordin – Handläggare, programkontoret",
}
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


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


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: WEBCHAT_SCREENSHOTS to look at them, else a temporary folder."""
    folder = Path(os.environ.get("WEBCHAT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


async def violations(page: Page) -> list[str]:
    results = await Axe().run(page, options=WCAG_AA)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


async def test_focus_starts_in_the_message_field(browser: Browser, server: TestServer) -> None:
    page = await _open(browser, server, "anna")
    await expect(page.get_by_test_id("input")).to_be_focused()


async def test_reload_shows_the_pending_question_again(
    browser: Browser, server: TestServer
) -> None:
    page = await _open(browser, server, "anna", viewport={"width": 1280, "height": 800})
    await _send(page, "behov Skärmar saknas i expeditionen")
    await expect(_last(page)).to_contain_text(t("sv", "ask.unit"))
    await page.reload()
    await expect(_last(page)).to_contain_text(t("sv", "ask.unit"))
    await expect(page.get_by_test_id("bot-message").filter(has_text="Här var vi")).to_have_count(1)
    # The answer now goes to the question on the screen, not to one nobody can see.
    await _send(page, "Avdelning 5")
    await expect(_last(page)).to_contain_text("nyttoobjekt")


async def test_a_second_tab_shows_the_question_and_loses_no_sentence(
    browser: Browser, server: TestServer
) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    first = await context.new_page()
    await first.goto(str(server.make_url("/")))
    await first.get_by_test_id("user-picker").select_option("anna")
    await _send(first, "behov Skärmar saknas på avdelning 5")
    await expect(_last(first)).to_contain_text("nyttoobjekt")
    second = await context.new_page()
    await second.goto(str(server.make_url("/")))
    await second.get_by_test_id("user-picker").select_option("anna")
    await expect(_last(second)).to_contain_text("nyttoobjekt")
    # A whole sentence typed at a button question starts something new; the need waits.
    await _send(second, "Skrivaren på avdelning 7 fungerar inte sedan i morse")
    await expect(_last(second)).to_contain_text("ligger kvar")
    await expect(
        second.get_by_test_id("bot-message").filter(has_text="som ett ärende")
    ).to_have_count(1)


async def test_the_deviation_system_address_and_the_text_to_paste_have_copy_buttons(
    browser: Browser, server: TestServer, shots: Path
) -> None:
    page = await _open(browser, server, "anna", viewport={"width": 390, "height": 844})
    await page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    await _send(
        page, "avvikelse Igår kl 14 fick en patient på avdelning 5 fel etikett på provröret"
    )
    await _last(page).get_by_test_id("choice").filter(has_text="1 – liten").click()
    await expect(_last(page)).to_contain_text(t("sv", "ask.probability"))
    await _last(page).get_by_test_id("choice").filter(has_text="1 – osannolik").click()
    await _last(page).get_by_test_id("choice").filter(has_text="Spara").click()
    link = _last(page).locator("a[href^='https://intranat.example.se']")
    await expect(link).to_have_count(1)
    await _last(page).get_by_test_id("copy-link").click()
    copied = await page.evaluate("navigator.clipboard.readText()")
    assert copied == "https://intranat.example.se/avvikelsesystem"
    # The text to paste in the region's system has a copy button of its own (programplan 7.7).
    await _last(page).get_by_test_id("copy-text").click()
    await expect(_last(page).get_by_test_id("copy-text")).to_have_text("Kopierad")
    pasted = await page.evaluate("navigator.clipboard.readText()")
    assert pasted.startswith("FVIS AVV-1\nAvvikelse\n") and "Vad: " in pasted
    assert "Lägg nu in avvikelsen" not in pasted, "the text to paste, not the bot's advice"
    # "2026-11-24 14:00" in the prefilled text is one unbreakable piece.
    dates = _last(page).locator(".nowrap")
    assert "2026-11-24 14:00" in await dates.all_inner_texts()
    await page.screenshot(path=str(shots / "deviation-390.png"), full_page=True)


async def test_a_form_title_is_shown_once(browser: Browser, server: TestServer) -> None:
    page = await _open(browser, server, "anna")
    await _send(page, "behov Skärmar saknas")
    await _last(page).get_by_test_id("choice").filter(has_text="Fyll i formulär").click()
    form = page.get_by_test_id("form").last
    await expect(form.locator("legend")).to_have_text("Registrera behov")
    bubble = page.get_by_test_id("bot-message").last
    assert (await bubble.inner_text()).count("Registrera behov") == 1


async def test_the_identity_picker_is_whole_and_in_words(
    browser: Browser, server: TestServer, shots: Path
) -> None:
    for (width, height), user in itertools.product(((1280, 800), (390, 844)), PEOPLE):
        page = await _open(browser, server, user, viewport={"width": width, "height": height})
        picker = page.get_by_test_id("user-picker")
        text = await picker.evaluate("p => p.options[p.selectedIndex].text")
        assert text == PEOPLE[user]
        assert "project_lead" not in await picker.inner_text()
        need, room = await picker.evaluate(
            "p => { const c = document.createElement('canvas').getContext('2d');"
            " c.font = getComputedStyle(p).font; const s = getComputedStyle(p);"
            " return [c.measureText(p.options[p.selectedIndex].text).width,"
            " p.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 20]; }"
        )
        fits = need <= room
        await page.screenshot(path=str(shots / f"picker-{user}-{width}.png"))
        assert fits, f"{text} is cut off at {width} px ({need:.0f} > {room:.0f})"
        await page.context.close()


async def test_axe_finds_no_violation_before_and_during_a_dialogue(
    browser: Browser, server: TestServer, chat: Any, shots: Path
) -> None:
    await chat("anna").log("need", NEED)
    for width, height in ((1280, 800), (390, 844)):
        page = await _open(browser, server, "anna", viewport={"width": width, "height": height})
        await expect(page.get_by_test_id("welcome")).to_be_visible()
        assert await violations(page) == [], f"before a dialogue at {width} px"
        await _send(page, "lista mina")
        await expect(_last(page)).to_contain_text("BEH-1")
        await _send(page, "avvikelse Igår kl 14 fick en patient på avdelning 5 fel etikett")
        await expect(_last(page)).to_contain_text(t("sv", "ask.consequence"))
        assert await violations(page) == [], f"during a dialogue at {width} px"
        await _last(page).get_by_test_id("choice").filter(has_text="Fyll i formulär").click()
        await expect(page.get_by_test_id("form").last).to_be_visible()
        assert await violations(page) == [], f"with a form at {width} px"
        await page.screenshot(path=str(shots / f"dialogue-{width}.png"), full_page=True)
        await _send(page, "avbryt")
        await expect(_last(page)).to_contain_text(t("sv", "cancelled"))


async def test_every_action_is_reachable_by_keyboard(browser: Browser, server: TestServer) -> None:
    page = await _open(browser, server, "anna")
    await page.keyboard.type("behov Skärmar saknas på avdelning 5")
    await page.keyboard.press("Enter")
    await expect(_last(page)).to_contain_text("nyttoobjekt")
    # Tab from the message field reaches the answer buttons; Enter answers.
    reached = []
    for _ in range(40):
        await page.keyboard.press("Shift+Tab")
        reached.append(await page.evaluate("document.activeElement.textContent.trim()"))
        if reached[-1].startswith("1."):
            break
    assert reached[-1].startswith("1."), reached
    await page.keyboard.press("Enter")
    await expect(_last(page)).to_contain_text("Stämmer det här?")
    # Every button and field on the page can take focus (no click-only controls).
    untabbable = await page.evaluate(
        "[...document.querySelectorAll('button, a, select, textarea, input')]"
        ".filter(e => !e.disabled && e.offsetParent && e.tabIndex < 0).length"
    )
    assert untabbable == 0
