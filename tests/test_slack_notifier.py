"""Slack's Notifier: channels, direct messages, threads, files (upload v2), failures and limits."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.domain.messages import FileRef, Outbound, Target
from integrations.slack import SlackAdapter, SlackSettings
from tests.conftest import FakeClock
from tests.fakes.slack_api import FakeSlack, block_text
from tests.fakes.slack_payloads import (
    ANNA,
    BOT_TOKEN,
    PROGRAMME_CHANNEL,
    SECRET,
    SlackHarness,
    slack_bot,
    view_submission,
)


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack().start()
    yield server
    await server.stop()


def _adapter(api_url: str) -> SlackAdapter:
    return SlackAdapter(
        settings=SlackSettings(bot_token=BOT_TOKEN, signing_secret=SECRET, api_url=api_url)
    )


def _blocks(params: dict[str, Any]) -> list[dict[str, Any]]:
    import json

    blocks = params["blocks"]
    return json.loads(blocks) if isinstance(blocks, str) else list(blocks)


async def test_posts_to_a_channel_a_thread_and_a_person(fake: FakeSlack) -> None:
    notifier = _adapter(fake.api_url).notifier
    delivery = await notifier.post(Target("slack", channel="C0PROG"), Outbound("Hej kanalen"))
    assert delivery.ok and delivery.message_id.startswith("C0PROG:")
    assert fake.last("chat.postMessage")["channel"] == "C0PROG"
    assert block_text(_blocks(fake.last("chat.postMessage"))) == "Hej kanalen"

    await notifier.post(Target("slack", channel="C0PROG:1780000000.000100"), Outbound("I tråden"))
    assert fake.last("chat.postMessage")["thread_ts"] == "1780000000.000100"

    delivery = await notifier.post(
        Target("slack", user_id=ANNA, channel="C0X"), Outbound("Till dig")
    )
    assert delivery.ok
    assert fake.last("conversations.open")["users"] == ANNA
    assert fake.last("chat.postMessage")["channel"] == "D0ANNA"
    # The direct channel is remembered: one conversations.open per person.
    await notifier.post(Target("slack", user_id=ANNA), Outbound("Igen"))
    assert fake.count("conversations.open") == 1


async def test_a_file_goes_up_through_the_upload_v2_calls(fake: FakeSlack, tmp_path: Path) -> None:
    report = tmp_path / "veckorapport.docx"
    report.write_bytes(b"PK\x03\x04 docx bytes \x00\xff")
    delivery = await _adapter(fake.api_url).notifier.post(
        Target("slack", channel="C0PROG"),
        Outbound("Veckorapport v48", file=FileRef("veckorapport.docx", path=str(report))),
    )
    assert delivery.ok and delivery.message_id.startswith("file:F")
    url = fake.last("files.getUploadURLExternal")
    assert url["filename"] == "veckorapport.docx" and url["length"] == str(report.stat().st_size)
    file_id = delivery.message_id.removeprefix("file:")
    assert fake.uploads[file_id] == report.read_bytes()
    complete = fake.last("files.completeUploadExternal")
    assert complete["channel_id"] == "C0PROG"
    assert complete["initial_comment"] == "Veckorapport v48"
    assert fake.count("files.upload") == 0  # the old method is gone


async def test_a_missing_file_is_a_failed_delivery(fake: FakeSlack, tmp_path: Path) -> None:
    delivery = await _adapter(fake.api_url).notifier.post(
        Target("slack", channel="C0PROG"),
        Outbound("Rapport", file=FileRef("borta.docx", path=str(tmp_path / "borta.docx"))),
    )
    assert not delivery.ok and "borta.docx" in delivery.error
    assert fake.count("files.getUploadURLExternal") == 0


async def test_a_429_is_retried_after_retry_after_and_then_succeeds(fake: FakeSlack) -> None:
    fake.rate_limit_once("chat.postMessage")
    delivery = await _adapter(fake.api_url).notifier.post(
        Target("slack", channel="C0PROG"), Outbound("Påminnelse")
    )
    assert delivery.ok, delivery.error
    assert fake.count("chat.postMessage") == 2


async def test_a_post_that_still_fails_is_reported_not_raised(fake: FakeSlack) -> None:
    fake.fail_once("chat.postMessage", "channel_not_found")
    delivery = await _adapter(fake.api_url).notifier.post(
        Target("slack", channel="C0GONE"), Outbound("Påminnelse")
    )
    assert not delivery.ok and "channel_not_found" in delivery.error

    fake.rate_limit_once("chat.postMessage", times=10)
    delivery = await _adapter(fake.api_url).notifier.post(
        Target("slack", channel="C0PROG"), Outbound("Påminnelse")
    )
    assert not delivery.ok and "429" in delivery.error


async def test_an_unreachable_slack_is_a_failed_delivery() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    delivery = await _adapter(f"http://127.0.0.1:{port}/api/").notifier.post(
        Target("slack", channel="C0PROG"), Outbound("Påminnelse")
    )
    assert not delivery.ok and delivery.error


async def test_withdraw_deletes_or_marks_the_post_withdrawn(fake: FakeSlack) -> None:
    notifier = _adapter(fake.api_url).notifier
    delivery = await notifier.post(Target("slack", channel="C0PROG"), Outbound("Nyhet"))
    withdrawn = await notifier.withdraw(Target("slack", channel="C0PROG"), delivery.message_id)
    assert withdrawn.ok
    channel, ts = delivery.message_id.split(":")
    assert fake.last("chat.delete") == {"channel": channel, "ts": ts}

    fake.fail_once("chat.delete", "cant_delete_message")
    delivery = await notifier.post(Target("slack", channel="C0PROG"), Outbound("Nyhet 2"))
    assert (await notifier.withdraw(Target("slack", channel="C0PROG"), delivery.message_id)).ok
    assert "tillbaka" in fake.last("chat.update")["text"]

    bad = await notifier.withdraw(Target("slack", channel="C0PROG"), "nonsense")
    assert not bad.ok


async def test_long_text_is_cut_into_sections_and_paged_within_slacks_limits(
    fake: FakeSlack,
) -> None:
    lines = [f"Rad {n}: " + "lång text med å, ä och ö " * 8 for n in range(2_000)]
    text = "\n".join(lines)  # ~420 000 characters
    delivery = await _adapter(fake.api_url).notifier.post(
        Target("slack", channel="C0PROG"), Outbound(text)
    )
    assert delivery.ok, delivery.error  # the fake refuses > 50 blocks or > 3 000 characters
    calls = fake.calls_to("chat.postMessage")
    assert 2 <= len(calls) <= 10
    assert len(delivery.message_id.split(":")[1].split(",")) == len(calls)
    for call in calls:
        blocks = _blocks(call.params)
        assert len(blocks) <= 50
        assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in blocks)
    shown = "\n".join(block_text(_blocks(c.params)) for c in calls)
    assert "Rad 0:" in shown and "fortsättning" in shown


async def test_a_flagged_deviation_is_posted_to_the_slack_programme_channel(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    harness: SlackHarness
    async with slack_bot(tmp_path, clock, monkeypatch) as harness:
        assert harness.bot.programme.channels["slack"] == PROGRAMME_CHANNEL
        await harness.command("avvikelse Fel läkemedel i listan")
        values = {
            "type": "near_miss",
            "when": "igår kl 14",
            "unit": "Avd 5",
            "area": "it",
            "category": "it_failure",
            "consequence": "4",
            "probability": "2",
            "lex_maria": "no",
        }
        await harness.interact(view_submission(harness.opened_view(), values, user=ANNA))
        [entry] = harness.rows()
        assert entry["status"] == "escalated"
        posts = [c.params for c in harness.fake.calls_to("chat.postMessage")]
        channel_posts = [p for p in posts if p["channel"] == PROGRAMME_CHANNEL]
        assert len(channel_posts) == 1
        assert "AVV-1" in block_text(_blocks(channel_posts[0]))
        assert "Fel läkemedel" not in block_text(_blocks(channel_posts[0]))
