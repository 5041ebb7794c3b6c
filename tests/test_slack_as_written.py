"""Slack as people write in it: mention, channel and link markup stored as names; the message
subtypes a person produces; no message text in Slack's own DEBUG logs; feedback to the thread
an entry was logged in."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FakeClock
from tests.fakes.slack_api import block_text
from tests.fakes.slack_payloads import (
    ANNA,
    BERTIL,
    GENERAL,
    SlackHarness,
    block_actions,
    im_message,
    mention,
    message_shortcut,
    slack_bot,
    thread_message,
    view_submission,
)


@pytest.fixture
async def slack(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[SlackHarness]:
    async with slack_bot(tmp_path, clock, monkeypatch) as harness:
        harness.fake.add_user("W222", "Carl Berg")
        yield harness


def _blocks(params: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = params["blocks"]
    return json.loads(blocks) if isinstance(blocks, str) else list(blocks)


def _prefilled(slack: SlackHarness, field: str = "title") -> str:
    view = slack.opened_view()
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
    return str(inputs[field]["element"]["initial_value"])


async def _shortcut(slack: SlackHarness, text: str, ts: str = "1780000500.000200") -> None:
    await slack.interact(
        message_shortcut(
            text,
            user=ANNA,
            channel=GENERAL,
            message_ts=ts,
            trigger=f"trig-{ts}",
            response_url=slack.fake.response_url(f"short-{ts}"),
        )
    )


# -- markup -------------------------------------------------------------------------------


async def test_bolts_own_mention_message_opens_the_modal_with_the_name(
    slack: SlackHarness,
) -> None:
    # Bolt's recorded message_action payload carries exactly this text.
    await _shortcut(slack, "<@W222> test")
    assert _prefilled(slack) == "@Carl Berg test"


async def test_mentions_channels_groups_and_links_are_written_out_before_storing(
    slack: SlackHarness,
) -> None:
    text = (
        "<@U0BERTIL> och <@W222|carl>: skrivaren i <#C0GENERAL|allmänt> och <#C0PROGRAM> "
        "skriver tomma sidor &amp; &lt;ingenting&gt;, se <https://intranat.example.se/skrivare"
        "|manualen> eller <mailto:it@example.se|it@example.se>. <!subteam^S0IT|@it-support> "
        "<!here> <@U0BERTIL>"
    )
    await _shortcut(slack, text)
    written = (
        "@Bertil Nordin och @Carl Berg: skrivaren i #allmänt och #fvis-program skriver tomma "
        "sidor & <ingenting>, se manualen (https://intranat.example.se/skrivare) eller "
        "it@example.se. @it-support @here @Bertil Nordin"
    )
    # Longer than a title: the form has it as the description.
    assert _prefilled(slack, "description") == written
    # Each id was asked about once, however often it appears (and Anna's own locale once).
    asked = [c.params["user"] for c in slack.fake.calls_to("users.info")]
    assert sorted(asked) == sorted({ANNA, BERTIL, "W222"})
    assert [c.params["channel"] for c in slack.fake.calls_to("conversations.info")] == ["C0PROGRAM"]
    # A second message with the same people asks Slack nothing new (an hour's cache).
    await _shortcut(slack, "<@U0BERTIL> igen", ts="1780000501.000200")
    assert len(slack.fake.calls_to("users.info")) == 3
    assert _prefilled(slack) == "@Bertil Nordin igen"


async def test_a_dialogue_stores_the_names_not_the_markup(slack: SlackHarness) -> None:
    await slack.event(im_message("behov <@U0BERTIL> behöver en skrivare"), "Ev001")
    await slack.event(im_message("Se <https://x.example.se|sidan>", ts="1780000101.0001"), "Ev002")
    [dialogue] = slack.rows("dialogues")
    state = json.loads(dialogue["state"]) if "state" in dialogue else dialogue
    stored = json.dumps(state, ensure_ascii=False)
    assert "@Bertil Nordin behöver en skrivare" in stored
    assert "sidan (https://x.example.se)" in stored
    assert "<@" not in stored and "<https" not in stored


async def test_a_mention_of_someone_else_is_kept_as_their_name(slack: SlackHarness) -> None:
    await slack.event(
        mention("ärende <@U0BERTIL> kan inte logga in", ts="1780000400.000100"), "Ev010"
    )
    dialogue = json.dumps(slack.rows("dialogues"), ensure_ascii=False)
    assert "@Bertil Nordin kan inte logga in" in dialogue
    assert "U0BOT" not in dialogue  # the bot's own mention is how she addressed it


# -- subtypes -----------------------------------------------------------------------------


async def test_a_thread_broadcast_in_an_open_dialogue_is_answered(slack: SlackHarness) -> None:
    root = "1780000400.000100"
    await slack.event(mention("ärende Skrivaren fungerar inte", ts=root), "Ev300")
    broadcast = {
        **thread_message("Avdelning 5", ts="1780000401.000100", thread_ts=root),
        "subtype": "thread_broadcast",
        "root": {"ts": root, "user": ANNA, "text": "<@U0BOT> ärende Skrivaren fungerar inte"},
    }
    await slack.event(broadcast, "Ev301")
    answer = slack.posted()
    assert answer["thread_ts"] == root
    assert "Enhet: Avdelning 5" in block_text(_blocks(answer))


async def test_a_file_share_with_text_in_a_dm_is_answered(slack: SlackHarness) -> None:
    shared = {
        **im_message("behov Skärmen på avd 5 flimrar"),
        "subtype": "file_share",
        "files": [{"id": "F0SHOT", "name": "skarm.png", "mimetype": "image/png"}],
        "upload": False,
    }
    await slack.event(shared, "Ev400")
    assert "nyttoobjekt" in block_text(_blocks(slack.posted()))


async def test_edits_joins_and_deletions_are_still_not_for_the_bot(slack: SlackHarness) -> None:
    for n, subtype in enumerate(("message_changed", "message_deleted", "channel_join")):
        await slack.event({**im_message("behov X"), "subtype": subtype}, f"Ev50{n}")
    assert slack.fake.count("chat.postMessage") == 0


# -- logs ---------------------------------------------------------------------------------


async def test_slack_libraries_log_no_message_text_at_debug(
    tmp_path: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = "Hemliga skrivaren på avd 17"
    # FVIS_LOG_LEVEL=DEBUG: the root logger is at DEBUG before the bot is built.
    caplog.set_level(logging.DEBUG)
    async with slack_bot(tmp_path, clock, monkeypatch) as slack:
        await slack.event(im_message(f"behov {secret}"), "Ev900")
        await slack.command(f"behov {secret} igen")
        values = {"description": secret, "unit": "Avd 17", "benefit": "2", "priority": "low"}
        await slack.interact(view_submission(slack.opened_view(), values, user=ANNA))
        assert "BEH-1" in block_text(_blocks(slack.posted()))
    # DEBUG was on for the root (which DEBUG lines other loggers write depends on earlier tests).
    assert logging.getLogger().getEffectiveLevel() == logging.DEBUG
    leaked = [r.name for r in caplog.records if "Hemliga" in r.getMessage()]
    assert leaked == []


# -- feedback to the thread ---------------------------------------------------------------


async def _issue_in_a_thread(slack: SlackHarness, root: str) -> None:
    await slack.event(mention("ärende Skrivaren fungerar inte", ts=root), "Ev700")
    question = slack.posted()
    await slack.interact(
        block_actions(
            _blocks(question),
            "Fyll i formulär i stället",
            user=ANNA,
            trigger="trig-form",
            channel=GENERAL,
            message_ts=question["ts"],
            thread_ts=root,
        )
    )
    values = {"description": "Tomma sidor", "unit": "Avd 5", "urgency": "high"}
    await slack.interact(view_submission(slack.opened_view(), values, user=ANNA))
    [entry] = slack.rows()
    assert entry["source_channel"] == f"{GENERAL}:{root}"


async def test_feedback_on_an_entry_logged_in_a_thread_goes_to_that_thread(
    slack: SlackHarness,
) -> None:
    root = "1780000800.000100"
    await _issue_in_a_thread(slack, root)
    await slack.command("status ÄRE-1 pågår", user=BERTIL)
    feedback = slack.posted()
    assert feedback["channel"] == GENERAL and feedback["thread_ts"] == root
    assert "ÄRE-1" in feedback["text"] and "pågår" in feedback["text"]


async def test_feedback_falls_back_to_the_dm_when_the_thread_is_gone(
    slack: SlackHarness,
) -> None:
    root = "1780000900.000100"
    await _issue_in_a_thread(slack, root)
    slack.fake.fail_once("chat.postMessage", "is_archived")
    await slack.command("status ÄRE-1 pågår", user=BERTIL)
    feedback = slack.posted()
    assert feedback["channel"] == "D0ANNA" and not feedback.get("thread_ts")
    assert "ÄRE-1" in feedback["text"]
