"""The loops in Teams, against the fake Bot Framework connector: a new issue reaches its handler
as a card whose Action.Execute buttons work; an issue logged in a channel thread has its notices
in that thread; `översikt` shows the queue the Slack App Home shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FakeClock
from tests.fakes.botframework import TeamsWorld, card_actions, teams_world

THREAD = "19:fvis@thread.tacv2;messageid=1700000000555"


def action(card: dict[str, Any], title: str) -> dict[str, Any]:
    for item in card_actions(card):
        if item.get("title") == title:
            return item
    raise AssertionError(f"no {title!r} in {[a.get('title') for a in card_actions(card)]}")


def titles(card: dict[str, Any]) -> list[str]:
    return [str(a.get("title")) for a in card_actions(card)]


async def log_issue(world: TeamsWorld, user: str = "anna") -> None:
    # Title and unit come from the sentence; the urgency is changed in the summary.
    for text in ("ärende Journalen hänger på avd 5", "brådska hög", "ja"):
        await world.say(user, text)


async def test_a_new_issue_reaches_the_handler_as_a_card_whose_buttons_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        for person in ("anna", "linnea"):
            await world.post(world.activities.installed(person))
        await log_issue(world)
        [notice] = world.connector.posts("a:1personal-linnea")[1:]  # after the greeting
        [card] = notice.cards
        assert card["body"][0]["text"].startswith(
            "Nytt ärende att hantera: ÄRE-1 ”Journalen hänger på avd 5” från Anna"
        )
        assert titles(card) == [
            "Visa", "Ta", "Pågår", "Löst", "Avvisad", "Kommentera", "Eskalera",
        ]  # fmt: skip
        assert all(a["type"] == "Action.Execute" for a in card_actions(card))
        before = len(world.connector.posts("a:1personal-anna"))
        response = await world.post(world.activities.execute("linnea", action(card, "Ta")))
        assert response.status == 200
        row = world.bot.db.execute("SELECT assignee, status FROM entries").fetchone()
        assert row == ("Linnea Forsberg", "in_progress")
        [heard] = world.connector.texts("a:1personal-anna")[before:]
        assert heard.startswith(
            "Ditt ärende ÄRE-1 ”Journalen hänger på avd 5” har fått status pågår"
        )


async def test_notices_of_an_issue_logged_in_a_channel_thread_go_to_the_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        await world.post(world.activities.installed("linnea"))
        for text in ("ärende Journalen hänger på avd 5", "brådska hög", "ja"):
            response = await world.post(world.activities.channel_message("anna", text))
            assert response.status in (200, 201, 202)
        assert "Sparat som ÄRE-1" in world.connector.texts(THREAD)[-1]
        row = world.bot.db.execute("SELECT source_thread FROM entries").fetchone()
        assert row == (THREAD,)
        await world.say("linnea", "kommentera ÄRE-1 Vi byter nätverkskort i morgon")
        notice = world.connector.posts(THREAD)[-1]
        assert notice.activity_id == ""  # a new message in the thread
        [card] = notice.cards
        assert card["body"][0]["text"] == (
            "Linnea Forsberg kommenterade ditt ärende ÄRE-1 ”Journalen hänger på avd 5”: "
            "Vi byter nätverkskort i morgon"
        )
        assert titles(card) == ["Visa", "Kommentera"]


async def test_the_overview_command_shows_the_queue_as_cards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        await world.post(world.activities.installed("linnea"))
        await log_issue(world)
        clock.advance(days=2)
        texts = await world.say("linnea", "översikt")
        assert texts[0] == "FVIS – din översikt"
        queue = next(text for text in texts if text.startswith("ÄRE-1"))
        assert queue.startswith("ÄRE-1 · Ny · hög · Journalen hänger på avd 5 · 2 dagar")
        last = world.connector.posts("a:1personal-linnea")[-1]
        assert "Ta" in titles(last.cards[0])
