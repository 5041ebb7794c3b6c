"""The language of the answer, in every client: the language the person writes (a command word
tells it), then their profile, then the client's locale; one language through a dialogue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.i18n.catalogue import t
from bot.text.language import guess_language
from tests.conftest import FakeClock
from tests.fakes.botframework import card_actions, teams_world
from tests.fakes.slack_api import block_text
from tests.fakes.slack_payloads import OMAR, im_message, slack_bot


@pytest.mark.parametrize(
    ("text", "locale", "sure"),
    [
        ("behov Vi saknar skrivare", "sv", True),
        ("need a printer", "en", True),
        ("lista mina", "sv", True),
        ("list mine", "en", True),
        ("var var vi?", "sv", True),
        ("Skrivaren på avd 5 fungerar inte", "sv", False),
        ("The printer on ward 5 does not work", "en", False),
        ("Akuten", None, False),
        ("3", None, False),
        ("risk", None, False),
    ],
)
def test_the_written_language(text: str, locale: str | None, sure: bool) -> None:
    guess = guess_language(text)
    assert (guess.locale, guess.sure) == (locale, sure)


# -- the web chat -------------------------------------------------------------------------


async def test_web_chat_follows_the_writing_then_the_profile_then_the_client(chat: Any) -> None:
    anna_en_client = chat("anna", locale="en")
    await anna_en_client.say("behov Vi saknar skrivare")
    assert anna_en_client.text == t("sv", "ask.unit"), "Swedish words, Swedish answer"
    # The dialogue keeps its language, whatever the answer looks like.
    await anna_en_client.say("Emergency department")
    assert anna_en_client.text == t("sv", "ask.benefit")
    await anna_en_client.say("cancel")
    # No language in a click: Anna's profile (Swedish) decides, not the English client.
    replies = await anna_en_client.act("home")
    assert replies[0].text == t("sv", "home.title")
    # Someone the programme does not know: the client's locale.
    stranger = chat("stranger", locale="en-GB")
    replies = await stranger.act("home")
    assert replies[0].text == t("en", "home.title")


async def test_english_words_get_english_in_the_middle_of_nothing(chat: Any) -> None:
    anna = chat("anna")
    await anna.say("list mine")
    assert anna.text == t("en", "list_empty")
    await anna.say("lista mina")
    assert anna.text == t("sv", "list_empty")


# -- Teams ---------------------------------------------------------------------------------


async def test_teams_answers_swedish_words_in_swedish_on_an_english_client(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        # Omar's profile and client are English; he writes Swedish.
        texts = await world.say("omar", "behov Vi saknar skrivare", locale="en-GB")
        assert texts[-1] == t("sv", "ask.unit")
        # Anna's profile is Swedish; her client is English and she writes English.
        texts = await world.say("anna", "need A second screen", locale="en-GB")
        assert texts[-1] == t("en", "ask.unit")
        texts = await world.say("anna", "Akuten", locale="en-GB")
        assert texts[-1] == t("en", "ask.benefit"), "one language through the dialogue"
        # A click carries no words: the dialogue's language.
        card = world.connector.posts()[-1].cards[0]
        action = card_actions(card)[0]
        await world.post(world.activities.execute("anna", action, locale="sv-SE"))
        assert world.connector.texts()[-1].startswith("Is this right?")


# -- Slack --------------------------------------------------------------------------------


async def test_slack_answers_in_the_language_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with slack_bot(tmp_path, clock, monkeypatch) as slack:
        # Omar: Slack in English, profile English; he writes Swedish.
        await slack.event(im_message("behov Vi saknar skrivare", user=OMAR), "Ev1")
        assert block_text(slack.posted()["blocks"]).startswith(t("sv", "ask.unit"))
        await slack.event(im_message("avbryt", user=OMAR, ts="1780000200.000100"), "Ev2")
        await slack.event(im_message("help", user=OMAR, ts="1780000300.000100"), "Ev3")
        assert "I am the FVIS bot" in block_text(slack.posted()["blocks"])
        await slack.event(im_message("hjälp", user=OMAR, ts="1780000400.000100"), "Ev4")
        assert "Jag är FVIS-boten" in block_text(slack.posted()["blocks"])
