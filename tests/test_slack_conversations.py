"""Slack conversations: direct messages with buttons, @mentions in threads, Events API retries."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FakeClock
from tests.fakes.slack_api import block_text
from tests.fakes.slack_payloads import (
    ANNA,
    GENERAL,
    SlackHarness,
    block_actions,
    im_message,
    mention,
    slack_bot,
    thread_message,
    view_submission,
)


@pytest.fixture
async def slack(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[SlackHarness]:
    async with slack_bot(tmp_path, clock, monkeypatch) as harness:
        yield harness


def _blocks(params: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = params["blocks"]
    return json.loads(blocks) if isinstance(blocks, str) else list(blocks)


def _option_label(blocks: list[dict[str, Any]], value: str) -> str:
    for block in blocks:
        for element in block.get("elements", []):
            for option in element.get("options", []):
                if json.loads(option["value"])[1] == value:
                    return str(option["text"]["text"])
    raise AssertionError(f"no option with value {value!r}")


async def _click(
    slack: SlackHarness, label: str, *, trigger: str = "trig-click", index: int = -1
) -> tuple[int, str]:
    post = slack.posted(index)
    payload = block_actions(
        _blocks(post),
        label,
        user=ANNA,
        trigger=trigger,
        channel=post["channel"],
        message_ts=post["ts"],
        thread_ts=post.get("thread_ts") or "",
    )
    return await slack.interact(payload)


async def test_a_direct_message_dialogue_with_buttons_saves_an_entry(slack: SlackHarness) -> None:
    status, _ = await slack.event(im_message("behov Vi saknar skrivare på avd 5"), "Ev001")
    assert status == 200
    question = slack.posted()
    assert question["channel"] == "D0ANNA"
    # The unit was in the sentence; five benefit objectives: a menu, not five buttons.
    benefit = _blocks(question)
    menus = [e for b in benefit for e in b.get("elements", []) if e["type"] == "static_select"]
    assert len(menus) == 1 and len(menus[0]["options"]) == 6
    await _click(slack, _option_label(benefit, "2"))
    assert "Stämmer det här?" in block_text(_blocks(slack.posted()))
    await _click(slack, "Prioritet: hög")
    summary = block_text(_blocks(slack.posted()))
    assert "Avdelning 5" in summary and "Spara" in summary
    await _click(slack, "Spara")
    assert "BEH-1" in block_text(_blocks(slack.posted()))
    [entry] = slack.rows()
    assert entry["source_platform"] == "slack" and entry["source_channel"] == "D0ANNA"
    assert json.loads(entry["fields"])["priority"] == "high"

    # A double click on Spara: one entry, and no second reply. (Between the summary and the
    # answer, the handler heard of the new entry in his own direct messages.)
    posts = slack.fake.count("chat.postMessage")
    summary_index = max(
        i - posts
        for i, call in enumerate(slack.fake.calls_to("chat.postMessage"))
        if "Stämmer det här?" in block_text(_blocks(slack.posted(i - posts)))
    )
    await _click(slack, "Spara", index=summary_index)
    assert len(slack.rows()) == 1
    assert slack.fake.count("chat.postMessage") == posts


async def test_an_events_api_retry_gets_no_second_reply(slack: SlackHarness) -> None:
    await slack.event(im_message("behov Skrivare"), "Ev100")
    assert slack.fake.count("chat.postMessage") == 1
    status, _ = await slack.event(im_message("behov Skrivare"), "Ev100", retry=1)
    assert status == 200
    status, _ = await slack.event(im_message("behov Skrivare"), "Ev100", retry=2)
    assert slack.fake.count("chat.postMessage") == 1
    # The dialogue did not move on either: the retried text was not taken as an answer.
    await slack.event(im_message("Akuten", ts="1780000200.0001"), "Ev101")
    assert "nyttoobjekt" in block_text(_blocks(slack.posted()))


async def test_the_form_button_in_a_dm_opens_the_modal_and_the_submission_ends_the_dialogue(
    slack: SlackHarness,
) -> None:
    await slack.event(im_message("behov Vi saknar skrivare"), "Ev200")
    await _click(slack, "Fyll i formulär i stället", trigger="trig-form")
    assert slack.fake.last("views.open")["trigger_id"] == "trig-form"
    view = slack.opened_view()
    assert json.loads(view["private_metadata"])["channel"] == "D0ANNA"
    values = {"description": "Ingen", "unit": "Avd 5", "benefit": "3", "priority": "medium"}
    await slack.interact(view_submission(view, values, user=ANNA))
    assert "BEH-1" in block_text(_blocks(slack.posted()))
    # The dialogue in the DM is over: a new text is a new conversation, not an answer.
    await slack.event(im_message("hej", ts="1780000300.0001"), "Ev201")
    assert "Beskriv" not in block_text(_blocks(slack.posted()))


async def test_a_mention_starts_the_conversation_in_the_thread(slack: SlackHarness) -> None:
    await slack.event(mention("ärende Skrivaren fungerar inte", ts="1780000400.000100"), "Ev300")
    reply = slack.posted()
    assert reply["channel"] == GENERAL and reply["thread_ts"] == "1780000400.000100"
    assert "Vilken enhet" in block_text(_blocks(reply))
    # A reply in that thread, without a mention, answers the question.
    await slack.event(
        thread_message(
            "Avdelning 5",
            ts="1780000401.000100",
            thread_ts="1780000400.000100",
        ),
        "Ev301",
    )
    answer = slack.posted()
    assert answer["thread_ts"] == "1780000400.000100"
    assert "Stämmer det här?" in block_text(_blocks(answer))
    # Talk in other threads, and the channel itself, is not for the bot.
    posts = slack.fake.count("chat.postMessage")
    await slack.event(
        thread_message("Lunch?", ts="1780000402.000100", thread_ts="1780000000.000100"), "Ev302"
    )
    assert slack.fake.count("chat.postMessage") == posts


async def test_refused_text_in_a_dm_is_explained_and_not_stored(slack: SlackHarness) -> None:
    await slack.event(im_message("behov Patient 19121212-1212 behöver hjälp"), "Ev400")
    assert "personnummer" in block_text(_blocks(slack.posted()))
    assert not slack.rows("dialogues")
    assert b"19121212" not in json.dumps(slack.rows("handled_requests")).encode()


async def test_bot_messages_and_edits_are_ignored(slack: SlackHarness) -> None:
    await slack.event({**im_message("behov X"), "subtype": "message_changed"}, "Ev500")
    await slack.event({**im_message("behov X"), "bot_id": "B0OTHER"}, "Ev501")
    assert slack.fake.count("chat.postMessage") == 0


async def test_a_slash_command_in_the_dm_is_a_command_not_an_answer(slack: SlackHarness) -> None:
    await slack.event(im_message("behov Vi saknar skrivare"), "Ev600")
    assert "Vilken enhet" in block_text(_blocks(slack.posted()))
    await slack.command("lista mina", channel="D0ANNA")
    assert block_text(slack.fake.responses[-1]["blocks"]) == "Inga poster matchar."
    # The question in the DM still stands and takes the next answer.
    await slack.event(im_message("Avdelning 5", ts="1780000600.0001"), "Ev601")
    assert "nyttoobjekt" in block_text(_blocks(slack.posted()))
