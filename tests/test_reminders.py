"""Personal reminders: Swedish and English phrases, the exact time echoed, questions back for a
past or unreadable time, delivery once, restarts inside and outside the grace period."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from bot.app.build import Bot
from bot.config import Settings
from bot.plan.reminders import parse_request
from tests.conftest import FakeClock
from tests.time_helpers import deliveries, dm_texts, local, restart, time_side

WED = local(2026, 11, 25, 10, 0)

PHRASES: list[tuple[str, datetime, str]] = [
    ("nästa fredag kl 9 om B5-underlaget", local(2026, 11, 27, 9), "B5-underlaget"),
    ("imorgon 14:00 om mötet", local(2026, 11, 26, 14), "mötet"),
    ("i morgon kl 8 att ringa avd 5", local(2026, 11, 26, 8), "ringa avd 5"),
    ("idag 16:30 om rapporten", local(2026, 11, 25, 16, 30), "rapporten"),
    ("på fredag kl 9 om B5", local(2026, 11, 27, 9), "B5"),
    ("måndag 8:00 om veckomötet", local(2026, 11, 30, 8), "veckomötet"),
    ("den 3 december kl 10 om utbildningen", local(2026, 12, 3, 10), "utbildningen"),
    ("3/12 10:00 om utbildningen", local(2026, 12, 3, 10), "utbildningen"),
    ("15 mars 2027 om uppföljningen", local(2027, 3, 15), "uppföljningen"),
    (
        "om 20 minuter om att ringa avdelningen",
        local(2026, 11, 25, 10, 20),
        "att ringa avdelningen",
    ),
    ("om en vecka om B6", local(2026, 12, 2, 10), "B6"),
    ("om två veckor att följa upp", local(2026, 12, 9, 10), "följa upp"),
    ("att ringa avdelningen om 20 minuter", local(2026, 11, 25, 10, 20), "ringa avdelningen"),
    ("next Friday at 9 to send the minutes", local(2026, 11, 27, 9), "send the minutes"),
    ("tomorrow 2pm about the ward round", local(2026, 11, 26, 14), "the ward round"),
    ("in 2 hours to call the ward", local(2026, 11, 25, 12), "call the ward"),
    ("to call the ward in 2 hours", local(2026, 11, 25, 12), "call the ward"),
]


@pytest.mark.parametrize(("text", "when", "what"), PHRASES)
def test_phrases(text: str, when: datetime, what: str) -> None:
    parsed = parse_request(text, now=WED, timezone="Europe/Stockholm")
    assert (parsed.when, parsed.what) == (when, what)


def test_unreadable_time_keeps_the_subject() -> None:
    parsed = parse_request("snart om saken", now=WED, timezone="Europe/Stockholm")
    assert parsed.when is None and parsed.what == "snart om saken"


async def test_swedish_reminder_echoes_the_exact_time_and_arrives_once(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    anna = chat("anna")
    await anna.say("påminn mig nästa fredag kl 9 om B5-underlaget")
    assert anna.text == "Jag påminner dig fredag 2026-11-27 kl. 09:00 om: B5-underlaget"
    clock.current = local(2026, 11, 27, 8, 59)
    await time_side(bot).scheduler.run_due()
    assert dm_texts(bot, "anna") == []
    clock.current = local(2026, 11, 27, 9, 0)
    await time_side(bot).scheduler.run_due()
    await time_side(bot).scheduler.run_due()
    assert dm_texts(bot, "anna") == ["Påminnelse: B5-underlaget"]


async def test_english_reminder(chat: Any, bot: Bot, clock: FakeClock) -> None:
    omar = chat("omar")
    await omar.say("remind me in 2 hours to call the ward")
    assert omar.text == "I will remind you Wednesday 2026-11-25 at 12:00 about: call the ward"
    clock.advance(hours=2)
    await time_side(bot).scheduler.run_due()
    assert dm_texts(bot, "omar") == ["Reminder: call the ward"]


async def test_past_and_unreadable_times_get_a_question_back(chat: Any, bot: Bot) -> None:
    anna = chat("anna")
    await anna.say("påminn mig igår kl 14 om rapporten")
    assert (
        anna.text
        == "tisdag 2026-11-24 kl. 14:00 har redan varit. När vill du bli påmind i stället?"
    )
    await anna.say("blä")
    assert "förstod inte tiden" in anna.text
    await anna.say("i morgon kl 8")
    assert anna.text == "Jag påminner dig torsdag 2026-11-26 kl. 08:00 om: rapporten"
    await anna.say("påminn mig snart om saken")
    assert "När vill du bli påmind" in anna.text
    await anna.say("om 2 timmar")
    assert "kl. 12:00" in anna.text
    await anna.say("påminn")
    assert "påminn mig nästa fredag" in anna.text
    await anna.say("remind")  # an English command word: an English answer
    assert "remind me in 2 hours" in anna.text


async def test_listing_and_cancelling(chat: Any, bot: Bot, clock: FakeClock) -> None:
    anna = chat("anna")
    await anna.say("påminn mig i morgon kl 8 om rapporten")
    await anna.click("Ta bort torsdag 2026-11-26 kl. 08:00")
    assert "borttagen" in anna.text
    await anna.say("påminnelser")
    assert "inga påminnelser" in anna.text
    bertil = chat("bertil")
    await bertil.act("remind:cancel", "1")
    assert bertil.last[0].style == "error"
    clock.current = local(2026, 11, 26, 8)
    await time_side(bot).scheduler.run_due()
    assert dm_texts(bot, "anna") == []


@pytest.mark.parametrize(("down_minutes", "delivered"), [(30, True), (90, False)])
async def test_restart_with_reminders_due_while_down(
    chat: Any, bot: Bot, clock: FakeClock, settings: Settings, down_minutes: int, delivered: bool
) -> None:
    await chat("anna").say("påminn mig i morgon kl 8 om rapporten")
    clock.current = local(2026, 11, 26, 8) + timedelta(minutes=down_minutes)
    bot = restart(bot, settings, clock)
    try:
        await time_side(bot).scheduler.recover()
        await time_side(bot).scheduler.recover()
        texts = dm_texts(bot, "anna")
        assert len(texts) == 1
        if delivered:
            assert texts == ["Påminnelse: rapporten"]
        else:
            assert "inte igång 2026-11-26 08:00" in texts[0] and "rapporten" in texts[0]
        [row] = deliveries(bot, "remind:1")
        assert row["status"] == ("sent" if delivered else "missed")
    finally:
        bot.close()
