"""The "Registrera i FVIS" message shortcut and the App Home tab with its triage queue."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.i18n.catalogue import t
from tests.conftest import FakeClock
from tests.fakes.slack_api import block_text
from tests.fakes.slack_payloads import (
    ANNA,
    BERTIL,
    GENERAL,
    SlackHarness,
    block_actions,
    home_opened,
    message_shortcut,
    slack_bot,
    view_submission,
)


@pytest.fixture
async def slack(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[SlackHarness]:
    async with slack_bot(tmp_path, clock, monkeypatch) as harness:
        yield harness


def _view(params: dict[str, Any]) -> dict[str, Any]:
    view = params["view"]
    return json.loads(view) if isinstance(view, str) else dict(view)


async def _log_need(slack: SlackHarness, title: str, user: str = ANNA) -> None:
    await slack.command(f"behov {title}", user=user)
    values = {"description": "Beskrivning", "unit": "Avd 5", "benefit": "2", "priority": "low"}
    await slack.interact(view_submission(slack.opened_view(), values, user=user))


async def test_the_shortcut_opens_a_prefilled_modal_and_stores_the_permalink(
    slack: SlackHarness,
) -> None:
    payload = message_shortcut(
        "Skrivaren på avd 5 fungerar inte sedan i morse",
        user=ANNA,
        channel=GENERAL,
        message_ts="1780000500.000200",
        trigger="trig-short",
        response_url=slack.fake.response_url("short"),
    )
    status, body = await slack.interact(payload)
    assert status == 200 and body == ""
    permalink = slack.fake.last("chat.getPermalink")
    assert permalink == {"channel": GENERAL, "message_ts": "1780000500.000200"}
    assert slack.fake.last("views.open")["trigger_id"] == "trig-short"
    view = slack.opened_view()
    assert view["title"]["text"] == "Registrera ärende"  # "fungerar inte": an issue
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
    assert inputs["title"]["element"]["initial_value"].startswith("Skrivaren på avd 5")

    await slack.interact(
        view_submission(
            view, {"description": "Tomma sidor", "unit": "Avd 5", "urgency": "high"}, user=ANNA
        )
    )
    [entry] = slack.rows()
    assert entry["kind"] == "issue"
    assert entry["source_link"] == "https://fvis.slack.com/archives/C0GENERAL/p1780000500000200"
    assert entry["source_channel"] == GENERAL
    assert "ÄRE-1" in block_text(json.loads(json.dumps(slack.posted()["blocks"])))


async def test_a_shortcut_on_a_message_with_a_personnummer_is_refused_ephemerally(
    slack: SlackHarness,
) -> None:
    payload = message_shortcut(
        "Patient 19121212-1212 fick fel dos",
        user=ANNA,
        channel=GENERAL,
        message_ts="1780000501.000200",
        trigger="trig-pii",
        response_url=slack.fake.response_url("pii"),
    )
    await slack.interact(payload)
    assert slack.fake.count("views.open") == 0
    [response] = slack.fake.responses
    assert response["response_type"] == "ephemeral"
    assert "personnummer" in block_text(response["blocks"])


async def test_home_shows_a_reporter_their_own_entries_without_triage_buttons(
    slack: SlackHarness,
) -> None:
    await _log_need(slack, "Skrivare saknas")
    await _log_need(slack, "Bertils eget behov", user=BERTIL)
    await slack.event(home_opened(ANNA), "EvHome1")
    published = slack.fake.last("views.publish")
    assert published["user_id"] == ANNA
    view = _view(published)
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    text = block_text(view["blocks"])
    assert "BEH-1" in text and "Skrivare saknas" in text
    assert "Bertils eget behov" not in text
    assert "Att hantera" not in text and "Ta" not in text.split("\n")


async def test_a_handler_triages_from_the_home_tab_and_the_reporter_hears_of_it(
    slack: SlackHarness,
) -> None:
    await _log_need(slack, "Skrivare saknas")
    await slack.event(home_opened(BERTIL), "EvHome2")
    view = {**_view(slack.fake.last("views.publish")), "id": "VHOME", "hash": "h-1"}
    assert "Att hantera: 1 öppna" in block_text(view["blocks"])

    await slack.interact(block_actions(view["blocks"], "Ta", user=BERTIL, trigger="t1", view=view))
    [entry] = slack.rows()
    assert entry["assignee"] == "Bertil Nordin" and entry["status"] == "in_progress"
    republished = _view(slack.fake.last("views.publish"))
    assert "BEH-1" in block_text(republished["blocks"][:2])  # the answer on top
    # Anna hears of it in her DM.
    assert slack.posted()["channel"] == "D0ANNA"
    assert "BEH-1" in block_text(slack.posted()["blocks"])

    view = {**republished, "id": "VHOME", "hash": "h-2"}
    await slack.interact(
        block_actions(view["blocks"], "Löst", user=BERTIL, trigger="t2", view=view)
    )
    assert slack.rows()[0]["status"] == "resolved"
    view = {**_view(slack.fake.last("views.publish")), "id": "VHOME", "hash": "h-3"}
    assert "Inga öppna poster" in block_text(view["blocks"])


async def test_escalate_from_home_and_a_reporter_cannot_use_triage_actions(
    slack: SlackHarness,
) -> None:
    await slack.command("ärende Journalen hänger", user=ANNA)
    values = {"description": "Fem minuter", "unit": "Avd 5", "urgency": "high"}
    await slack.interact(view_submission(slack.opened_view(), values, user=ANNA))
    await slack.event(home_opened(BERTIL), "EvHome3")
    view = {**_view(slack.fake.last("views.publish")), "id": "VHOME", "hash": "h-1"}
    await slack.interact(
        block_actions(view["blocks"], "Eskalera", user=BERTIL, trigger="t3", view=view)
    )
    # Why, in a modal; then the bot asks Bertil to confirm, in his direct messages.
    reason = slack.opened_view()
    assert reason["title"]["text"] == "Eskalera ÄRE-1"
    await slack.interact(view_submission(reason, {"reason": "Kräver beslut"}, user=BERTIL))
    confirm = slack.posted()
    assert confirm["channel"] == "D0BERTIL"
    assert slack.rows()[0]["escalation_level"] == "project"
    await slack.interact(
        block_actions(
            confirm["blocks"],
            "Ja, eskalera",
            user=BERTIL,
            trigger="t3b",
            channel="D0BERTIL",
            message_ts=confirm["ts"],
        )
    )
    assert slack.rows()[0]["escalation_level"] == "programme"

    # Anna forges Bertil's button on her own home tab: the core says no.
    await slack.interact(
        block_actions(view["blocks"], "Avvisad", user=ANNA, trigger="t4", view=view)
    )
    assert slack.rows()[0]["status"] != "rejected"
    refused = _view(slack.fake.last("views.publish"))
    assert slack.fake.last("views.publish")["user_id"] == ANNA
    assert "handläggare" in block_text(refused["blocks"][:2]).lower()


async def test_the_triage_buttons_are_the_cores_and_work_on_any_platform(chat: Any) -> None:
    anna, bertil = chat("anna"), chat("bertil")
    ref = await anna.log(
        "need",
        {
            "title": "Skrivare",
            "description": "Saknas",
            "unit": "Avd 5",
            "benefit": "2",
            "priority": "low",
        },
    )
    refused = await anna.act("triage:take", ref)
    assert refused[0].style == "error"
    await bertil.act("home:open")
    assert any(c.id == "triage:take" and c.value == ref for r in bertil.last for c in r.choices)
    taken = await bertil.act("triage:take", ref)
    assert taken[0].style == "success" and "Bertil" in taken[0].text
    await bertil.act("triage:status", f"{ref} resolved")
    await bertil.act("triage:escalate", ref)
    assert bertil.text == t("sv", "escalate_route.need", ref=ref)  # only issues escalate
    assert (await bertil.act("triage:nonsense", ref))[0].style == "error"
