"""The loops in Slack, against the fake Slack Web API: a new issue reaches its handler in a
direct message and in the group's channel, with Block Kit buttons that work; an issue logged in a
channel thread has its notices in that thread; the App Home queue is sorted by urgency and age."""

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
    BERTIL,
    GENERAL,
    OMAR,
    PROGRAMME,
    SlackHarness,
    block_actions,
    home_opened,
    mention,
    slack_bot,
    thread_message,
)

HANDLERS = "C0HANDLERS"
ORGANISATION = f"""
organisation:
  programme_manager: bertil
  programme_office: [bertil]
handling:
  - {{kind: issue, group: Programkontoret, people: [bertil],
     notify: {{slack: both, webchat: dm}}, channels: {{slack: {HANDLERS}}}}}
"""


@pytest.fixture
async def slack(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[SlackHarness]:
    async with slack_bot(
        tmp_path, clock, monkeypatch, programme_text=PROGRAMME + ORGANISATION
    ) as harness:
        yield harness


def posts(slack: SlackHarness, channel: str) -> list[dict[str, Any]]:
    found = []
    for call in slack.fake.calls_to("chat.postMessage"):
        if call.params.get("channel") == channel:
            blocks = call.params.get("blocks") or []
            blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
            found.append({**call.params, "blocks": blocks, "ts": call.result.get("ts", "")})
    return found


def buttons(post: dict[str, Any]) -> list[str]:
    return [
        element["text"]["text"]
        for block in post["blocks"]
        if block.get("type") == "actions"
        for element in block["elements"]
        if element.get("type") == "button"
    ]


async def log_in_thread(slack: SlackHarness, root: str) -> None:
    """Anna mentions the bot in a channel and answers its questions in the thread."""
    await slack.event(mention("ärende Journalen hänger på avd 5", ts=root), "Ev1")
    answers = ["ja"]  # title and unit from the sentence, urgency proposed: the summary
    for number, answer in enumerate(answers, start=2):
        ts = f"{root[:-1]}{number}"
        await slack.event(thread_message(answer, ts=ts, thread_ts=root), f"Ev{number}")


async def test_a_new_issue_reaches_the_handler_in_a_dm_and_the_channel_with_buttons(
    slack: SlackHarness,
) -> None:
    await log_in_thread(slack, "1780000200.000100")
    assert "Sparat som ÄRE-1" in block_text(posts(slack, GENERAL)[-1]["blocks"])
    [direct] = posts(slack, "D0BERTIL")
    assert block_text(direct["blocks"]).startswith(
        "Nytt ärende att hantera: ÄRE-1 ”Journalen hänger på avd 5” från Anna Lindqvist"
    )
    assert buttons(direct) == ["Visa", "Ta", "Pågår", "Löst", "Avvisad", "Kommentera", "Eskalera"]
    [in_channel] = posts(slack, HANDLERS)
    assert buttons(in_channel)[:2] == ["Visa", "Ta"]
    # The button works: Bertil takes it from his direct message.
    await slack.interact(
        block_actions(
            direct["blocks"],
            "Ta",
            user=BERTIL,
            trigger="t1",
            channel="D0BERTIL",
            message_ts=direct["ts"],
        )
    )
    row = slack.rows()[0]
    assert (row["assignee"], row["status"]) == ("Bertil Nordin", "in_progress")
    assert "ÄRE-1 är tilldelat Bertil Nordin." in block_text(posts(slack, "D0BERTIL")[-1]["blocks"])


async def test_notices_of_an_entry_logged_in_a_thread_go_to_that_thread(
    slack: SlackHarness,
) -> None:
    root = "1780000300.000100"
    await log_in_thread(slack, root)
    assert slack.rows()[0]["source_thread"] == f"{GENERAL}:{root}"
    [direct] = posts(slack, "D0BERTIL")
    await slack.interact(
        block_actions(
            direct["blocks"],
            "Löst",
            user=BERTIL,
            trigger="t2",
            channel="D0BERTIL",
            message_ts=direct["ts"],
        )
    )
    notice = posts(slack, GENERAL)[-1]
    assert notice["thread_ts"] == root
    assert block_text(notice["blocks"]).startswith(
        "Ditt ärende ÄRE-1 ”Journalen hänger på avd 5” har fått status löst (Bertil Nordin)."
    )
    assert buttons(notice) == ["Ja, det är löst", "Inte löst – öppna igen", "Visa"]
    assert posts(slack, "D0ANNA") == []  # not in her direct messages: in the thread
    # Anna answers from the thread: confirmed and closed, and Bertil hears of it.
    await slack.interact(
        block_actions(
            notice["blocks"],
            "Ja, det är löst",
            user=ANNA,
            trigger="t3",
            channel=GENERAL,
            message_ts=notice["ts"],
            thread_ts=root,
        )
    )
    assert slack.rows()[0]["status"] == "closed"
    assert "bekräftar att ÄRE-1" in block_text(posts(slack, "D0BERTIL")[-1]["blocks"])


async def test_the_app_home_queue_is_sorted_by_urgency_and_age(
    slack: SlackHarness, clock: FakeClock
) -> None:
    await slack.event(mention("ärende Låg sak på avd 5", ts="1780000400.000100"), "Ev10")
    for number, answer in enumerate(["brådska låg", "ja"], start=2):
        await slack.event(
            thread_message(answer, ts=f"1780000400.00010{number}", thread_ts="1780000400.000100"),
            f"Ev1{number}",
        )
    clock.advance(days=2)
    await slack.event(
        mention("ärende Akut sak på avd 5", user=OMAR, ts="1780000500.000100"), "Ev20"
    )
    for number, answer in enumerate(["brådska akut", "ja"], start=2):
        await slack.event(
            thread_message(
                answer, user=OMAR, ts=f"1780000500.00010{number}", thread_ts="1780000500.000100"
            ),
            f"Ev2{number}",
        )
    assert [r["title"] for r in slack.rows()] == ["Låg sak på avd 5", "Akut sak på avd 5"]
    await slack.event(home_opened(BERTIL), "Ev30")
    view = slack.fake.last("views.publish")["view"]
    view = json.loads(view) if isinstance(view, str) else view
    text = block_text(view["blocks"])
    urgent = text.index("ÄRE-2 · Ny · akut · Akut sak på avd 5 · nyss")
    low = text.index("ÄRE-1 · Ny · låg · Låg sak på avd 5 · 2 dagar")
    assert urgent < low
