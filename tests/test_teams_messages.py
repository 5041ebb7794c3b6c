"""Teams through /api/messages: real activity shapes in, the connector records what comes out."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FakeClock
from tests.fakes.botframework import APP_ID, card_actions, teams_world


async def test_personal_chat_runs_the_same_dialogue_as_the_web_chat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        texts = await world.say("anna", "behov Vi saknar skrivare på avdelning 5")
        assert texts, "the bot answered"
        post = world.connector.posts()[-1]
        # A reply in the person's own conversation, with the bot's token from Entra.
        assert post.conversation == "a:1personal-anna"
        assert post.authorization == f"Bearer entra-{APP_ID}-1"
        assert post.body["from"]["id"] == f"28:{APP_ID}"
        assert post.body["recipient"]["id"] == "29:1anna"
        # The question comes as an Adaptive Card whose buttons are Action.Execute with a fallback.
        card = post.cards[0]
        actions = card_actions(card)
        assert actions, texts
        assert all(a["fallback"]["type"] == "Action.Submit" for a in actions)
        assert all(a["fallback"]["data"] == a["data"] for a in actions)
        assert card["version"] == "1.4"


async def test_english_locale_answers_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        english = "\n".join(await world.say("omar", "help", locale="en-GB"))
        swedish = "\n".join(await world.say("anna", "hjälp", locale="sv-SE"))
        assert "I am the FVIS bot" in english
        assert "Jag är FVIS-boten" in swedish


async def test_action_execute_is_answered_with_an_invoke_response_card(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        await world.say("anna", "Skrivaren på avd 5 fungerar inte")
        card = world.connector.posts()[-1].cards[0]
        action = card_actions(card)[0]
        before = len(world.connector.posts())
        response = await world.post(world.activities.execute("anna", action))
        assert response.status == 200
        body = await response.json()
        assert body["statusCode"] == 200
        assert body["type"] == "application/vnd.microsoft.card.adaptive"
        shown = [b.get("text", "") for b in body["value"]["body"]]
        assert any(text.startswith("✓ ") and action["title"] in text for text in shown), shown
        # The engine's next step was posted as a message of its own.
        assert len(world.connector.posts()) > before


async def test_action_submit_fallback_reaches_the_same_handler(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        await world.say("anna", "Nu har det blivit konstigt igen med listan")
        action = card_actions(world.connector.posts()[-1].cards[0])[0]
        executed = await world.post(world.activities.execute("anna", action))
        via_execute = world.connector.texts()[-1]
        assert executed.status == 200
        # Same card clicked again from an old client: the stale click gets the engine's answer.
        await world.say("omar", "Nu har det blivit konstigt igen med listan", locale="sv-SE")
        action = card_actions(world.connector.posts()[-1].cards[0])[0]
        response = await world.post(world.activities.submit("omar", action["fallback"]["data"]))
        assert response.status in (200, 201, 202)
        via_submit = world.connector.texts()[-1]
        assert via_submit.split("\n")[0] == via_execute.split("\n")[0]


async def test_form_submitted_by_action_execute_logs_an_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    from tests.helpers import NEED

    async with teams_world(tmp_path, monkeypatch, clock) as world:
        reply = (await world.bot.engine.handle(_incoming("anna", action=("intake:form", "need"))))[
            0
        ]
        assert reply.form is not None
        from integrations.teams.cards import reply_activity

        card = reply_activity(reply, "sv")["attachments"][0]["content"]
        submit = card_actions(card)[0]
        inputs = {f"f_{name}": value for name, value in NEED.items()}
        response = await world.post(world.activities.execute("anna", submit, inputs))
        assert response.status == 200
        assert "BEH-1" in world.connector.texts()[-1]
        rows = list(world.bot.db.query("SELECT reporter_platform, reporter_id FROM entries"))
        assert rows == [{"reporter_platform": "teams", "reporter_id": "aad-anna"}]
        # Teams retries an invoke it thinks was lost: the same activity id makes no second entry.
        again = await world.post(world.activities.execute("anna", submit, inputs))
        assert again.status == 200


def _incoming(user: str, action: tuple[str, str]):  # type: ignore[no-untyped-def]
    from bot.domain.messages import Action, Incoming

    return Incoming(
        platform="teams",
        user_id=f"aad-{user}",
        conversation_id=f"a:1personal-{user}",
        action=Action(*action),
    )


async def test_channel_mention_starts_the_conversation_in_that_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        activity = world.activities.channel_message("bertil", "hjälp")
        response = await world.post(activity)
        assert response.status in (200, 201, 202)
        post = world.connector.posts()[-1]
        assert post.conversation == "19:fvis@thread.tacv2;messageid=1700000000555"
        assert post.activity_id == activity["id"]  # a reply to the mention, in its thread
        assert "Jag är FVIS-boten" in world.connector.texts()[-1]
        stored = world.bot.db.execute(
            "SELECT key, kind, name, conversation_id FROM teams_references"
        ).fetchall()
        assert (
            "channel:19:fvis@thread.tacv2",
            "channel",
            "FVIS-program",
            "19:fvis@thread.tacv2",
        ) in stored


def test_an_address_in_a_card_is_a_link_that_opens() -> None:
    """A card's TextBlock shows a bare address as plain text; the go-live deviation's referral
    (programplan 7.7) must open the region's deviation system in one click."""
    from bot.domain.messages import Choice, Reply
    from integrations.teams.cards import reply_activity

    address = "https://avvikelse.regionen.se/ny?text=Fel%20etikett"
    reply = Reply(
        f"Rapportera den i regionens avvikelsesystem: {address}.\nSe även (http://intra.se/rutin).",
        choices=(Choice("done", "Klart"),),
    )
    card = reply_activity(reply, "sv")["attachments"][0]["content"]
    texts = [block["text"] for block in card["body"] if block["type"] == "TextBlock"]
    assert texts == [
        f"Rapportera den i regionens avvikelsesystem: [{address}]({address}).",
        "Se även ([http://intra.se/rutin](http://intra.se/rutin)).",
    ]
