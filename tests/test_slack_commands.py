"""Slack over HTTP: /fvis, modals and their submissions, and Bolt's request verification."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.conftest import FakeClock
from tests.fakes.slack_api import block_text
from tests.fakes.slack_payloads import (
    ANNA,
    GENERAL,
    OMAR,
    SlackHarness,
    slack_bot,
    slash_command,
    view_submission,
)

# Skatteverket's test number, never a real person's.
TEST_PERSONNUMMER = "19121212-1212"


@pytest.fixture
async def slack(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[SlackHarness]:
    async with slack_bot(tmp_path, clock, monkeypatch) as harness:
        yield harness


def _inputs(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}


async def test_slash_command_opens_a_prefilled_modal_and_the_submission_dms_the_number(
    slack: SlackHarness,
) -> None:
    status, body = await slack.command("behov Vi saknar skrivare på avd 5", trigger="trig-42")
    assert status == 200 and body == ""  # the ack is empty: the modal is the answer

    opened = slack.fake.last("views.open")
    assert opened["trigger_id"] == "trig-42"
    view = slack.opened_view()
    assert view["type"] == "modal" and view["callback_id"] == "fvis_form"
    assert view["title"]["text"] == "Registrera behov"
    inputs = _inputs(view)
    assert inputs["title"]["element"]["initial_value"] == "Vi saknar skrivare på avd 5"
    assert [o["value"] for o in inputs["priority"]["element"]["options"]] == [
        "low",
        "medium",
        "high",
    ]
    assert not slack.rows(), "nothing is stored before the submission"

    payload = view_submission(
        view,
        {
            "description": "Ingen skrivare i korridoren",
            "unit": "Avdelning 5",
            "benefit": "2",
            "priority": "high",
        },
        user=ANNA,
    )
    status, body = await slack.interact(payload)
    assert status == 200 and body == ""  # closes the modal

    [entry] = slack.rows()
    assert entry["number"] == 1 and entry["kind"] == "need"
    assert entry["title"] == "Vi saknar skrivare på avd 5"
    assert entry["reporter_platform"] == "slack" and entry["reporter_id"] == ANNA
    assert entry["source_channel"] == GENERAL
    # The number reaches the reporter in a direct message from the bot.
    assert slack.fake.last("conversations.open")["users"] == ANNA
    dm = slack.posted()
    assert dm["channel"] == "D0ANNA"
    assert "BEH-1" in block_text(dm["blocks"]) and "BEH-1" in dm["text"]


async def test_a_second_submission_of_the_same_view_makes_no_second_entry_or_reply(
    slack: SlackHarness,
) -> None:
    await slack.command("behov Vi saknar skrivare")
    view = slack.opened_view()
    values = {"description": "Ingen", "unit": "Avd 5", "benefit": "1", "priority": "low"}
    await slack.interact(view_submission(view, values, user=ANNA))
    posts = slack.fake.count("chat.postMessage")

    status, body = await slack.interact(view_submission(view, values, user=ANNA))
    assert status == 200 and body == ""
    assert len(slack.rows()) == 1
    assert slack.fake.count("chat.postMessage") == posts

    # Even the same form with other values (a stale modal resubmitted) keeps its one entry.
    await slack.interact(view_submission(view, {**values, "unit": "Avd 6"}, user=ANNA))
    assert len(slack.rows()) == 1
    assert "redan sparat som BEH-1" in block_text(slack.posted()["blocks"])


async def test_missing_and_bad_fields_come_back_as_field_errors_and_nothing_is_stored(
    slack: SlackHarness,
) -> None:
    await slack.command("avvikelse")
    view = slack.opened_view()
    assert view["title"]["text"] == "Registrera avvikelse"
    status, body = await slack.interact(
        view_submission(view, {"what": "", "when": "någon gång", "unit": "Avd 5"}, user=ANNA)
    )
    assert status == 200
    answer = json.loads(body)
    assert answer["response_action"] == "errors"
    # Which of programplan 7.7's two kinds it is: neither said nor given by a category.
    assert {"what", "when", "origin"} <= set(answer["errors"])
    assert all(isinstance(text, str) and text for text in answer["errors"].values())
    assert not slack.rows()
    assert slack.fake.count("chat.postMessage") == 0


async def test_personnummer_in_a_modal_field_is_refused_on_that_field(
    slack: SlackHarness,
) -> None:
    await slack.command("behov Skrivare")
    view = slack.opened_view()
    _, body = await slack.interact(
        view_submission(
            view,
            {
                "description": f"Gäller patient {TEST_PERSONNUMMER}",
                "unit": "Avd 5",
                "benefit": "2",
                "priority": "low",
            },
            user=ANNA,
        )
    )
    answer = json.loads(body)
    assert answer["response_action"] == "errors"
    assert "personnummer" in answer["errors"]["description"]
    assert not slack.rows()
    assert TEST_PERSONNUMMER.encode() not in json.dumps(slack.rows("handled_requests")).encode()


async def test_personnummer_in_the_command_is_explained_ephemerally_and_no_modal_opens(
    slack: SlackHarness,
) -> None:
    status, _ = await slack.command(f"behov Patient {TEST_PERSONNUMMER} saknar armband")
    assert status == 200
    assert slack.fake.count("views.open") == 0
    [response] = slack.fake.responses
    assert response["response_type"] == "ephemeral"
    assert "personnummer" in block_text(response["blocks"])
    assert not slack.rows()


async def test_other_subcommands_answer_ephemerally_in_the_users_language(
    slack: SlackHarness,
) -> None:
    await slack.command("list mine", user=OMAR)
    [response] = slack.fake.responses
    assert response["response_type"] == "ephemeral"
    assert block_text(response["blocks"]) == "No entries match."
    # Swedish command words from the same person: a Swedish answer.
    await slack.command("lista mina", user=OMAR)
    assert block_text(slack.fake.responses[-1]["blocks"]) == "Inga poster matchar."
    await slack.command("hjälp")
    help_text = block_text(slack.fake.responses[-1]["blocks"])
    assert "behov" in help_text


async def test_the_users_slack_locale_picks_english(slack: SlackHarness) -> None:
    await slack.command("need Printer missing on ward 5", user=OMAR)
    view = slack.opened_view()
    assert view["title"]["text"] == "Log need"
    assert slack.fake.last("users.info")["include_locale"] in ("true", True, "1")


async def test_a_forged_signature_is_refused_with_401_and_nothing_is_stored(
    slack: SlackHarness,
) -> None:
    body = urlencode(
        slash_command(
            "behov Skrivare", trigger="trig-f", response_url=slack.fake.response_url("forged")
        )
    )
    status, _ = await slack.send(body, "application/x-www-form-urlencoded", secret="not-the-secret")
    assert status == 401
    await slack.settle()
    assert slack.fake.count("views.open") == 0 and not slack.fake.responses
    assert not slack.rows() and not slack.rows("handled_requests")


async def test_a_stale_request_is_refused_with_401_even_when_correctly_signed(
    slack: SlackHarness,
) -> None:
    body = urlencode(
        slash_command("hjälp", trigger="trig-s", response_url=slack.fake.response_url("stale"))
    )
    six_minutes_ago = int(time.time()) - 6 * 60
    status, _ = await slack.send(
        body, "application/x-www-form-urlencoded", timestamp=six_minutes_ago
    )
    assert status == 401
    await slack.settle()
    assert not slack.fake.responses and not slack.rows("handled_requests")


@pytest.mark.parametrize("stamp", ["abc", "", "1e9", "١٢٣"])
async def test_a_timestamp_that_is_not_a_number_is_401_even_when_correctly_signed(
    slack: SlackHarness, stamp: str
) -> None:
    body = urlencode(
        slash_command("hjälp", trigger="trig-t", response_url=slack.fake.response_url("odd"))
    )
    status, _ = await slack.send(body, "application/x-www-form-urlencoded", timestamp=stamp)
    assert status == 401
    await slack.settle()
    assert not slack.fake.responses and not slack.rows("handled_requests")


async def test_a_replayed_slash_command_happens_once(slack: SlackHarness) -> None:
    body = urlencode(
        slash_command(
            "påminn mig imorgon kl 9 om rapporten",
            trigger="trig-replayed",
            response_url=slack.fake.response_url("replayed"),
        )
    )
    for _ in range(3):  # the same signed request, replayed within Slack's five minutes
        status, _ = await slack.send(body, "application/x-www-form-urlencoded")
        assert status == 200
        await slack.settle()
    assert len(slack.rows("reminders")) == 1
    assert len(slack.fake.responses) == 1


async def test_a_forged_view_submission_stores_nothing(slack: SlackHarness) -> None:
    await slack.command("behov Skrivare")
    view = slack.opened_view()
    values = {"description": "x", "unit": "Avd 5", "benefit": "1", "priority": "low"}
    body = urlencode({"payload": json.dumps(view_submission(view, values, user=ANNA))})
    status, _ = await slack.send(body, "application/x-www-form-urlencoded", secret="guess")
    assert status == 401
    assert not slack.rows()


async def test_an_expired_trigger_offers_the_form_as_a_button(slack: SlackHarness) -> None:
    await slack.command("risk Leverantören kan bli sen", trigger="expired")
    assert slack.fake.count("views.open") == 1  # tried, Slack said expired_trigger_id
    [response] = slack.fake.responses
    button = next(e for b in response["blocks"] if b["type"] == "actions" for e in b["elements"])
    assert button["action_id"] == "fvis:open_form" and button["value"].startswith("intake:risk:")


async def test_a_file_in_an_answer_goes_to_the_persons_dm_as_a_slack_file(
    slack: SlackHarness, tmp_path: Path
) -> None:
    from bot.conversation.engine import Context
    from bot.domain.messages import FileRef, Reply

    report = tmp_path / "register.docx"
    report.write_bytes(b"PK\x03\x04 register")

    # A command that answers with a file, as the Word reports do.
    async def register(context: Context, args: str) -> list[Reply]:
        return [Reply("Registret", file=FileRef("register.docx", path=str(report)))]

    slack.bot.engine.command("testregister")(register)
    await slack.command("testregister")
    complete = slack.fake.last("files.completeUploadExternal")
    assert complete["channel_id"] == "D0ANNA"  # files cannot be ephemeral: the DM
    assert complete["initial_comment"] == "Registret"
    assert list(slack.fake.uploads.values()) == [report.read_bytes()]
