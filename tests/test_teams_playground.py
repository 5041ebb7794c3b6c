"""The bot in Microsoft 365 Agents Playground, Microsoft's local Teams client, driven in
Chromium: a need logged through its Adaptive Cards, a reminder that arrives on its own, and a
handler's change reaching the reporter; a new entry's notice reaching its handler, who takes it
from the card, and a scheduled announcement reaching the team's channel. TEAMS_ANONYMOUS=on, as
the Playground's mock connector wants; the protocol-level fake (tests/fakes/botframework.py)
keeps the error paths."""

from __future__ import annotations

import asyncio
import dataclasses
import re
import shutil
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp import web
from playwright.async_api import Browser, Page, async_playwright, expect

from bot.app.build import Bot, build, web_app
from bot.app.settings import AppSettings
from bot.ports.plan import CommsItem
from integrations.microsoft.settings import MicrosoftSettings, TeamsSettings
from tests.conftest import Chat
from tests.helpers import NEED
from tests.servers.playground import CHANNEL_CONVERSATION_ID, SessionPlayground

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


# The Playground's own person (its built-in configuration): Alex Wilber, by Entra object id.
PLAYGROUND_USER = "00000000-0000-0000-0000-0000000000020"
DEMO = Path(__file__).resolve().parent.parent / "bot" / "demo" / "programme.yaml"


def _helena_in_teams(folder: Path) -> Path:
    """The demo programme, with the Playground's person as Helena (who handles needs) and the
    Playground team's announcements channel as the programme's Teams channel."""
    text = DEMO.read_text(encoding="utf-8")
    helena = "accounts: {webchat: helena}"
    assert text.count(helena) == 1 and text.count("\n  channel: fvis-program\n") == 1
    # Teams only: a notice goes where the entry came from (the web chat) if she is there too.
    text = text.replace(helena, f"accounts: {{teams: '{PLAYGROUND_USER}'}}")
    text = text.replace(
        "\n  channel: fvis-program\n",
        f"\n  channel: fvis-program\n  channels: {{teams: {CHANNEL_CONVERSATION_ID}}}\n",
    )
    path = folder / "programme.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def programme_of() -> Callable[[Path], Path] | None:
    """The programme file the bot reads (None: the demo programme); a test parametrizes it."""
    return None


@pytest.fixture
async def teams_bot(
    agents_playground: SessionPlayground,
    tmp_path: Path,
    programme_of: Callable[[Path], Path] | None,
) -> AsyncIterator[tuple[Bot, ShiftedClock]]:
    clock = ShiftedClock()
    settings = AppSettings(
        db_path=tmp_path / "fvis.db",
        microsoft=MicrosoftSettings(teams=TeamsSettings(credentials=None)),  # anonymous
    )
    if programme_of is not None:
        settings = dataclasses.replace(settings, programme_file=programme_of(tmp_path))
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


async def _until(condition: Callable[[], bool], seconds: float = WAIT_MS / 1000) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "not in time"
        await asyncio.sleep(0.05)


@pytest.mark.parametrize("programme_of", [_helena_in_teams])
async def test_a_handler_hears_of_a_new_need_and_an_announcement_reaches_the_channel(
    teams_bot: tuple[Bot, ShiftedClock], page: Page, agents_playground: SessionPlayground
) -> None:
    bot, clock = teams_bot
    await _bot_says(page, "FVIS").to_be_visible()  # the welcome, on install

    # Anna logs a need in the web chat; Helena, who handles needs, is the person in the
    # Playground: the notice arrives on its own, with its buttons, and she takes it there.
    anna = Chat(bot, "anna")
    assert await anna.log("need", NEED) == "BEH-1"
    await _bot_says(page, "att hantera: BEH-1").to_be_visible()
    await _click(page, "^Ta$")
    await _bot_says(page, "BEH-1 är tilldelat Helena Ek").to_be_visible()
    [entry] = list(bot.db.query("SELECT assignee, status FROM entries"))
    assert entry == {"assignee": "Helena Ek", "status": "in_progress"}
    told = [m["text"] for m in bot.stores.inbox.after(user="anna", seq=0)]
    assert any("BEH-1" in text and "pågår" in text for text in told), told

    # The bot is added to the team's announcements channel; an approved announcement for
    # Teams falls due and is posted there (what the Playground's client shows in that channel).
    await agents_playground.install(CHANNEL_CONVERSATION_ID)
    # The Playground answers before the bot has handled the installation: until the bot has met
    # the channel, a post there fails (rightly: "the bot is not added to the channel").
    await _until(lambda: bot.db.execute(
        "SELECT 1 FROM teams_references WHERE conversation_id = ?", [CHANNEL_CONVERSATION_ID]
    ).fetchone() is not None)  # fmt: skip
    now = clock.now()
    bot.stores.comms.add(
        CommsItem(
            "Nytt journalsystem", "FVIS startar den 4 maj.", ("all-staff",), ("teams",),
            now + timedelta(minutes=1), "webchat:cecilia", "Cecilia Holm", status="approved",
            approved_by="webchat:karin", created_at=now, updated_at=now,
        )
    )  # fmt: skip
    async with agents_playground.stream() as stream:
        clock.offset += timedelta(minutes=2)
        assert bot.scheduler is not None
        await bot.scheduler.recover()
        posted = await stream.next_message(timeout=WAIT_MS / 1000)
    assert posted["conversationId"] == CHANNEL_CONVERSATION_ID
    assert "Nytt journalsystem" in str(posted.get("text", "")) + str(posted.get("attachments"))
    [delivery] = list(bot.db.query("SELECT platform, status FROM deliveries"))
    assert delivery == {"platform": "teams", "status": "sent"}
