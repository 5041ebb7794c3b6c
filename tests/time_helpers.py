"""Helpers of the time side's tests: the web chat inbox, the delivery log, an approved item,
a restart of the bot on the same database."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.app.build import Bot, build
from bot.app.time import TimeSide
from bot.config import Settings
from tests.conftest import Chat, FakeClock

SE = ZoneInfo("Europe/Stockholm")


def time_side(bot: Bot) -> TimeSide:
    assert bot.time is not None
    return bot.time


def inbox(bot: Bot, channel: str | None = None, user: str | None = None) -> list[dict[str, Any]]:
    """What the bot posted on its own to the web chat: channel posts and direct messages."""
    rows = [dict(r) for r in bot.db.query("SELECT * FROM webchat_inbox ORDER BY seq")]
    if channel is not None:
        rows = [r for r in rows if r["channel"] == channel]
    if user is not None:
        rows = [r for r in rows if r["user"] == user]
    return rows


def channel_texts(bot: Bot, *, reminders: bool = False) -> list[str]:
    """Programme channel posts; without the demo programme's milestone reminders unless asked."""
    texts = [r["text"] for r in inbox(bot, channel="#fvis-program")]
    return texts if reminders else [t for t in texts if not t.startswith("Påminnelse:")]


def dm_texts(bot: Bot, user: str) -> list[str]:
    return [r["text"] for r in inbox(bot, user=user)]


def deliveries(bot: Bot, item: str | None = None) -> list[dict[str, Any]]:
    rows = [dict(r) for r in bot.db.query("SELECT * FROM deliveries ORDER BY id")]
    return [r for r in rows if item is None or r["item"] == item]


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=SE)  # type: ignore[misc]


def ref_of(text: str) -> int:
    match = re.search(r"KOM-(\d+)", text)
    assert match, text
    return int(match.group(1))


async def draft(chat: Chat, *, send_at: str = "2026-11-30 10:00", **values: str) -> int:
    """A draft through the form; its number."""
    form = {
        "title": "Nytt journalsystem i maj",
        "body": "Vi byter journalsystem i maj. Alla får utbildning före start.",
        "audiences": "all-staff",
        "channels": "webchat",
        "send_at": send_at,
        "recurrence": "none",
        **values,
    }
    await chat.submit("comms:new", form)
    assert chat.last[0].style == "success", chat.text
    return ref_of(chat.text)


async def approved(author: Chat, approver: Chat, **values: str) -> int:
    """A draft, sent for approval and approved by another communicator; its number."""
    number = await draft(author, **values)
    await author.say(f"kommunikation skicka {number}")
    assert author.last[0].style == "success", author.text
    await approver.say(f"kommunikation godkänn {number}")
    assert approver.last[0].style == "success", approver.text
    return number


def restart(bot: Bot, settings: Settings, clock: FakeClock) -> Bot:
    """Stop this bot (its database connection closes) and build a new one on the same file."""
    bot.close()
    return build(settings, clock=clock)


def at_minutes(when: datetime, minutes: float) -> datetime:
    return when + timedelta(minutes=minutes)
