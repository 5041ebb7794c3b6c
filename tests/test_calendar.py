"""`GET /calendar.ics`: milestones and the communication plan as iCalendar, parsed back."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from datetime import date, timedelta
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from icalendar import Calendar

from bot.app.build import Bot, web_app
from tests.conftest import FakeClock
from tests.time_helpers import approved, local, time_side


@pytest.fixture
async def client(bot: Bot) -> AsyncIterator[TestClient[Any, Any]]:
    test_client: TestClient[Any, Any] = TestClient(TestServer(web_app(bot)))
    await test_client.start_server()
    yield test_client
    await test_client.close()


def events(body: bytes) -> dict[str, Any]:
    calendar = Calendar.from_ical(body)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


async def test_feed_parses_back_with_milestones_and_comms(
    chat: Any, bot: Bot, clock: FakeClock, client: TestClient[Any, Any]
) -> None:
    cecilia, karin = chat("cecilia"), chat("karin")
    await approved(cecilia, karin)
    await approved(cecilia, karin, title="Inställd", send_at="2026-12-02 10:00")
    await cecilia.say("kommunikation ställ in 2")
    response = await client.get("/calendar.ics")
    assert response.status == 200 and response.content_type == "text/calendar"
    found = events(await response.read())
    b5 = found["milestone-B5-R2@fvis-bot"]
    assert b5.decoded("DTSTART") == date(2026, 12, 8)
    assert b5.decoded("DTEND") == date(2026, 12, 9)
    assert str(b5["SUMMARY"]).startswith("B5-R2: Beslut att starta införandet")
    assert found["milestone-M-NYTTA@fvis-bot"].decoded("DTSTART") == date(2027, 3, 31)
    comms = found["comms-1@fvis-bot"]
    assert comms.decoded("DTSTART") == local(2026, 11, 30, 10)
    assert comms.decoded("DTEND") - comms.decoded("DTSTART") == timedelta(minutes=15)
    assert str(comms["SUMMARY"]) == "KOM-1: Nytt journalsystem i maj"
    assert str(found["comms-2@fvis-bot"]["STATUS"]) == "CANCELLED"
    await cecilia.submit("comms:new", {"title": "Utkast", "body": "x", "audiences": "clinical",
                                       "channels": "webchat", "send_at": "i morgon kl 9"})  # fmt: skip
    found = events(await (await client.get("/calendar.ics")).read())
    assert "comms-3@fvis-bot" not in found  # drafts are not in the calendar


async def test_token_is_required_when_set(bot: Bot) -> None:
    bot.settings = dataclasses.replace(bot.settings, calendar_token="hemlig-nyckel")
    client: TestClient[Any, Any] = TestClient(TestServer(web_app(bot)))
    await client.start_server()
    try:
        assert (await client.get("/calendar.ics")).status == 401
        assert (await client.get("/calendar.ics?token=fel")).status == 401
        ok = await client.get("/calendar.ics?token=hemlig-nyckel")
        assert ok.status == 200 and b"BEGIN:VCALENDAR" in await ok.read()
    finally:
        await client.close()
        await time_side(bot).scheduler.stop()


async def test_without_token_off_loopback_the_feed_is_refused(bot: Bot) -> None:
    bot.settings = dataclasses.replace(bot.settings, host="0.0.0.0")
    client: TestClient[Any, Any] = TestClient(TestServer(web_app(bot)))
    await client.start_server()
    try:
        response = await client.get("/calendar.ics")
        assert response.status == 403 and "FVIS_CALENDAR_TOKEN" in await response.text()
    finally:
        await client.close()


async def test_dtstamp_is_the_last_change_and_sequence_grows_with_each(
    chat: Any, bot: Bot, clock: FakeClock, client: TestClient[Any, Any]
) -> None:
    cecilia, karin = chat("cecilia"), chat("karin")
    approved_at = clock.now()
    await approved(cecilia, karin)

    async def feed() -> dict[str, Any]:
        return events(await (await client.get("/calendar.ics")).read())

    first = await feed()
    comms, b5 = first["comms-1@fvis-bot"], first["milestone-B5-R2@fvis-bot"]
    assert comms.decoded("DTSTAMP") == approved_at
    # Asking again later changes nothing: the same stamp and sequence (not the request's time).
    clock.advance(hours=2)
    again = await feed()
    for uid, event in (("comms-1@fvis-bot", comms), ("milestone-B5-R2@fvis-bot", b5)):
        assert again[uid].decoded("DTSTAMP") == event.decoded("DTSTAMP")
        assert again[uid]["SEQUENCE"] == event["SEQUENCE"]
    # A cancellation is a new version: a later stamp, a higher sequence.
    await cecilia.say("kommunikation ställ in 1")
    cancelled = (await feed())["comms-1@fvis-bot"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled.decoded("DTSTAMP") == clock.now()
    assert int(cancelled["SEQUENCE"]) > int(comms["SEQUENCE"])
    # A decision taken on a decision point is a new version of its event too.
    clock.advance(hours=1)
    david = chat("david")
    await david.say("beslut B5-R2 starta Förberedelserna är klara")
    assert david.last[0].style == "success", david.text
    decided = (await feed())["milestone-B5-R2@fvis-bot"]
    assert "ja/yes" in str(decided["DESCRIPTION"])
    assert decided.decoded("DTSTAMP") == clock.now()
    assert int(decided["SEQUENCE"]) > int(b5["SEQUENCE"])
