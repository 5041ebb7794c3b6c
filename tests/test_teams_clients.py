"""Teams as its real clients see it: proactive posts without credentials (the Agents
Playground), retried activities answered once, sizes in bytes, and the odd shapes Teams sends."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.messages import Outbound, Target
from tests.conftest import FakeClock
from tests.fakes.botframework import card_actions, teams_world


async def test_anonymous_proactive_posts_arrive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    # TEAMS_ANONYMOUS=on, as with the Agents Playground: no token either way.
    async with teams_world(tmp_path, monkeypatch, clock, anonymous=True) as world:
        response = await world.post(world.activities.installed("anna"), token=None)
        assert response.status in (200, 201, 202)
        delivery = await world.bot.notifier.post(
            Target("teams", user_id="aad-anna"), Outbound("Påminnelse: kaffet")
        )
        assert delivery.ok, delivery.error
        post = world.connector.posts()[-1]
        assert post.text == "Påminnelse: kaffet" and post.authorization == ""


async def test_a_retried_message_is_not_answered_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        activity = world.activities.message("anna", "behov Vi saknar skrivare på avd 5")
        first = await world.post(activity)
        assert first.status in (200, 201, 202)
        posts = len(world.connector.posts())
        assert posts >= 1
        for _ in range(2):  # Teams' retries carry the same activity id
            again = await world.post(activity)
            assert again.status in (200, 201, 202)
        assert len(world.connector.posts()) == posts
        # The dialogue did not move on: the next answer is taken as the description.
        texts = await world.say("anna", "Skrivaren i korridoren är borta")
        assert any("enhet" in text for text in texts), texts


async def test_a_retried_invoke_gets_its_card_and_posts_nothing_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        await world.say("anna", "Skrivaren på avd 5 fungerar inte")
        action = card_actions(world.connector.posts()[-1].cards[0])[0]
        invoke = world.activities.execute("anna", action)
        first = await world.post(invoke)
        assert first.status == 200
        posts = len(world.connector.posts())
        again = await world.post(invoke)
        assert again.status == 200
        assert (await again.json()) == (await first.json())  # the same answered card
        assert len(world.connector.posts()) == posts


@pytest.mark.parametrize(
    "activity",
    [
        {"type": "conversationUpdate"},
        {"type": "conversationUpdate", "channelId": "msteams", "membersAdded": []},
    ],
)
async def test_a_minimal_conversation_update_is_answered_200_and_ignored(
    activity: dict[str, object],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    clock: FakeClock,
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        sent = {**activity, "serviceUrl": world.connector.url, "id": "1700000000999"}
        response = await world.post(sent)
        assert response.status == 200, await response.text()
        assert world.connector.received == []
        assert world.bot.db.execute("SELECT count(*) FROM teams_references").fetchone() == (0,)
