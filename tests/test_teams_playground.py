"""The bot in Microsoft 365 Agents Playground, Microsoft's local Teams client, driven in
Chromium: a need logged through its Adaptive Cards, a reminder that arrives on its own, and a
handler's change reaching the reporter. TEAMS_ANONYMOUS=on, as the Playground's mock connector
wants; the protocol-level fake (tests/fakes/botframework.py) keeps the error paths."""

from __future__ import annotations

import re
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp import web
from playwright.async_api import Browser, Page, async_playwright, expect

from bot.app.build import Bot, build, web_app
from bot.app.settings import AppSettings
from integrations.microsoft.settings import MicrosoftSettings, TeamsSettings
from tests.conftest import Chat
from tests.servers.playground import SessionPlayground

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
WAIT_MS = 30_000
START_MS = 120_000
EDITOR = '[data-lexical-editor="true"]'


@dataclass
class ShiftedClock:
    """The real time, moved on by hand: a reminder's minute passes without waiting for it."""

    offset: timedelta = field(default_factory=timedelta)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset


@pytest.fixture
async def teams_bot(
    agents_playground: SessionPlayground, tmp_path: Path
) -> AsyncIterator[tuple[Bot, ShiftedClock]]:
    clock = ShiftedClock()
    settings = AppSettings(
        db_path=tmp_path / "fvis.db",
        microsoft=MicrosoftSettings(teams=TeamsSettings(credentials=None)),  # anonymous
    )
    bot = build(settings, clock=clock)
    runner = web.AppRunner(web_app(bot))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", agents_playground.bot_port).start()
    try:
        yield bot, clock
    finally:
        await runner.cleanup()
        bot.close()


@pytest.fixture
async def page(agents_playground: SessionPlayground) -> AsyncIterator[Page]:
    async with async_playwright() as playwright:
        browser: Browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = await browser.new_context(viewport={"width": 1280, "height": 900})
        # Nothing leaves the machine: the page's CDN fonts are refused at once, not waited for.
        await context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(("http://127.0.0.1", "http://localhost", "ws"))
                else route.abort()
            ),
        )
        page = await context.new_page()
        page.set_default_timeout(WAIT_MS)
        # Each page load installs the bot in the personal chat again (its welcome follows).
        # (Not "load": the page asks a CDN for fonts, which this machine cannot reach.)
        # Its script bundle is large: on a busy machine it takes tens of seconds to start.
        await page.goto(agents_playground.base_url, wait_until="commit")
        await page.locator(EDITOR).wait_for(timeout=START_MS)
        yield page
        await browser.close()


async def _say(page: Page, text: str) -> None:
    box = page.locator(EDITOR)
    await box.click()
    await box.type(text)
    await box.press("Enter")


async def _click(page: Page, label: str) -> None:
    """Click the button with this text on the bot's latest card."""
    card = page.locator(".ac-adaptiveCard").last
    await card.locator("button", has_text=re.compile(label)).first.click()


class _Shown:
    def __init__(self, page: Page, text: str) -> None:
        self._locator = page.get_by_text(re.compile(text)).last

    async def to_be_visible(self) -> None:
        await expect(self._locator).to_be_visible(timeout=WAIT_MS)


def _bot_says(page: Page, text: str) -> _Shown:
    """The latest thing on the page with this text (a message, or a card's text)."""
    return _Shown(page, text)


async def test_a_need_through_cards_a_reminder_and_a_handlers_change(
    teams_bot: tuple[Bot, ShiftedClock], page: Page
) -> None:
    bot, clock = teams_bot
    await _bot_says(page, "FVIS").to_be_visible()  # the welcome, on install

    # A need, answered in text and on Microsoft's own rendering of our cards. (The Playground's
    # client says en-US; until the language written decides, the bot may answer in English.)
    # The sentence names the need and the unit: only the benefit objective is asked, then the
    # summary is saved.
    await _say(page, "behov Vi saknar skrivare på avdelning 5")
    await _bot_says(page, "Vilket nyttoobjekt|Which benefit").to_be_visible()
    await _click(page, "smartare arbetsformer|smarter")
    await _click(page, "^(Spara|Save)$")
    await _bot_says(page, "BEH-1").to_be_visible()
    [entry] = list(bot.db.query("SELECT kind, number, reporter_platform FROM entries"))
    assert entry == {"kind": "need", "number": 1, "reporter_platform": "teams"}

    # A reminder, due in a minute: the minute passes, the scheduler catches up, and the bot
    # writes first (a proactive turn through the Playground's mock connector).
    await _say(page, "påminn mig om 1 minut om att ringa IT")
    # The bot's answer, not the typed line (which also says "ringa IT"): only then is the
    # reminder stored, due a minute from the clock before it is moved on.
    await _bot_says(page, "(Jag påminner dig|I will remind you).*ringa IT").to_be_visible()
    assert list(bot.db.query("SELECT id FROM reminders"))
    clock.offset += timedelta(minutes=2)
    assert bot.scheduler is not None
    await bot.scheduler.recover()
    await _bot_says(page, "(Påminnelse|Reminder): att ringa IT").to_be_visible()

    # A handler takes the need in the web chat; the reporter hears of it in Teams.
    bertil = Chat(bot, "bertil")
    await bertil.say("status BEH-1 pågår")
    assert "BEH-1" in bertil.text
    await _bot_says(page, "BEH-1.*([Pp]ågår|[Ii]n progress)").to_be_visible()
    failed = list(bot.db.query("SELECT * FROM deliveries WHERE status = 'failed'"))
    assert failed == []
