"""The communication plan: draft, approval by another communicator, publishing exactly once on
every chosen channel, restarts, failures, waiting channels, recurrence, withdrawal."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from bot.app.build import Bot
from bot.config import Settings
from bot.domain.messages import Delivery, Outbound, Target
from integrations.slack import SlackAdapter, SlackSettings
from tests.conftest import FakeClock
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_payloads import BOT_TOKEN, SECRET
from tests.helpers import labels
from tests.time_helpers import (
    approved,
    channel_texts,
    deliveries,
    dm_texts,
    draft,
    inbox,
    local,
    restart,
    time_side,
)

# A Monday; the demo's coming decision point B5-R2 has its 7-day reminder the day after.
SEND = local(2026, 11, 30, 10, 0)


async def due(bot: Bot, clock: FakeClock, when: Any = SEND, **after: float) -> None:
    clock.current = when + timedelta(**after)
    scheduler = time_side(bot).scheduler
    await scheduler.run_due()


def item_row(bot: Bot, number: int = 1) -> dict[str, Any]:
    return dict(next(iter(bot.db.query("SELECT * FROM comms WHERE id = ?", [number]))))


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack().start()
    yield server
    await server.stop()


def add_slack(bot: Bot, fake: FakeSlack) -> None:
    """Slack's real notifier, pointed at the fake Slack Web API, as a configured start would."""
    adapter = SlackAdapter(
        settings=SlackSettings(bot_token=BOT_TOKEN, signing_secret=SECRET, api_url=fake.api_url)
    )
    bot.notifier.add("slack", adapter.notifier)
    bot.programme.channels["slack"] = "C0PROG"


# -- drafting and approval ----------------------------------------------------------------


async def test_draft_shows_lix_and_warns_when_hard(chat: Any) -> None:
    cecilia = chat("cecilia")
    await draft(cecilia)
    assert "Läsbarhet (LIX):" in cecilia.text and "svår" not in cecilia.text
    hard = (
        "Implementeringsprocessen av det regionövergripande vårdinformationsstödet förutsätter "
        "omfattande verksamhetsanpassningar och kompetensutvecklingsinsatser för samtliga "
        "organisatoriska enheter inom hälso- och sjukvårdsförvaltningen."
    )
    await draft(cecilia, body=hard)
    assert "svår att ta till sig" in cecilia.text
    assert "Skicka för godkännande" in labels(cecilia.last)


async def test_form_errors_are_shown_per_field_and_nothing_is_saved(chat: Any, bot: Bot) -> None:
    cecilia = chat("cecilia")
    await cecilia.submit(
        "comms:new",
        {"title": "", "body": "Text", "audiences": "alla katter", "channels": "fax",
         "send_at": "igår kl 14", "recurrence": "none"},
    )  # fmt: skip
    form = cecilia.last[0].form
    assert form is not None
    errors = {f.name: f.error for f in form.fields}
    assert errors["title"] and "Okänd målgrupp" in errors["audiences"]
    assert "Okänd kanal" in errors["channels"] and "har redan varit" in errors["send_at"]
    assert {f.name: f.value for f in form.fields}["body"] == "Text"
    assert not list(bot.db.query("SELECT * FROM comms"))


async def test_only_communicators_draft_and_only_they_and_leads_see_the_plan(chat: Any) -> None:
    anna = chat("anna")
    await anna.submit("comms:new", {"title": "x", "body": "y", "audiences": "all-staff",
                                    "channels": "webchat", "send_at": "i morgon kl 9"})  # fmt: skip
    assert "Bara kommunikatörer" in anna.text
    await anna.say("kommunikation")
    assert "kommunikatörer och projektledare" in anna.text
    await draft(chat("cecilia"))
    david = chat("david")
    await david.say("kommunikation")
    assert "KOM-1" in david.text and "utkast" in david.text


async def test_approval_by_self_is_refused_and_by_another_communicator_schedules(
    chat: Any, bot: Bot
) -> None:
    cecilia, karin = chat("cecilia"), chat("karin")
    number = await draft(cecilia)
    await cecilia.say(f"kommunikation skicka {number}")
    assert any("ber om godkännande av KOM-1" in text for text in dm_texts(bot, "karin"))
    await cecilia.say("kommunikation godkänn KOM-1")
    assert cecilia.last[0].style == "error" and "annan kommunikatör" in cecilia.text
    assert item_row(bot)["status"] == "awaiting_approval"
    await karin.say("kommunikation visa 1")
    await karin.click("Godkänn KOM-1")
    assert karin.last[0].style == "success" and "2026-11-30 10:00" in karin.text
    row = item_row(bot)
    assert (row["status"], row["approved_by"]) == ("approved", "webchat:karin")
    assert "comms:1" in time_side(bot).scheduler.job_ids()
    audit = [r["action"] for r in bot.db.query("SELECT action FROM audit WHERE ref = 'KOM-1'")]
    assert audit == ["comms-draft", "comms-submit", "comms-approve-denied", "comms-approve"]


async def test_edit_after_approval_goes_back_for_approval(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    cecilia, karin = chat("cecilia"), chat("karin")
    number = await approved(cecilia, karin)
    await karin.say(f"kommunikation ändra {number}")
    form = karin.last[0].form
    assert form is not None and {f.name: f.value for f in form.fields}["send_at"] == (
        "2026-11-30 10:00"
    )
    values = {f.name: f.value for f in form.fields}
    await karin.submit(form.id, {**values, "title": "Nytt journalsystem den 4 maj"})
    assert "måste godkännas igen" in karin.text
    row = item_row(bot)
    assert (row["status"], row["approved_by"]) == ("awaiting_approval", "")
    assert "comms:1" not in time_side(bot).scheduler.job_ids()
    # Karin wrote the current words: she cannot approve them; the author now reviews her change.
    await karin.say("kommunikation godkänn 1")
    assert "annan kommunikatör" in karin.text
    await cecilia.say("kommunikation godkänn 1")
    assert item_row(bot)["status"] == "approved"
    # Nothing went out before the send time, and at it the edited title did.
    assert channel_texts(bot) == []
    await due(bot, clock)
    assert channel_texts(bot)[0].startswith("Nytt journalsystem den 4 maj")


# -- publishing exactly once --------------------------------------------------------------


async def test_published_on_time_once_with_the_message_id_recorded(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    await approved(chat("cecilia"), chat("karin"))
    await due(bot, clock, minutes=-1)
    assert channel_texts(bot) == []
    await due(bot, clock)
    await due(bot, clock, seconds=5)  # a job firing late finds the post done
    assert len(channel_texts(bot)) == 1
    post = inbox(bot, channel="#fvis-program")[0]
    [row] = deliveries(bot, "comms:1")
    assert (row["status"], row["message_id"]) == ("sent", str(post["seq"]))
    assert item_row(bot)["status"] == "published"
    david = chat("david")
    await david.say("kommunikation")
    assert "Har gått ut:" in david.text and "postad 2026-11-30 10:00" in david.text


async def test_two_items_in_the_same_second_and_concurrent_sweeps_post_each_once(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    cecilia, karin = chat("cecilia"), chat("karin")
    await approved(cecilia, karin, title="Första")
    await approved(cecilia, karin, title="Andra")
    clock.current = SEND
    scheduler = time_side(bot).scheduler
    await asyncio.gather(scheduler.run_due(), scheduler.run_due(), scheduler.run_due())
    texts = channel_texts(bot)
    assert sorted(t.split("\n")[0] for t in texts) == ["Andra", "Första"]


async def test_restart_inside_the_grace_posts_and_outside_marks_missed(
    chat: Any, bot: Bot, clock: FakeClock, settings: Settings
) -> None:
    cecilia, karin = chat("cecilia"), chat("karin")
    await approved(cecilia, karin, title="Inom", send_at="2026-11-30 10:00")
    await approved(cecilia, karin, title="Utom", send_at="2026-11-30 08:00")
    clock.current = SEND + timedelta(minutes=45)  # down since before 08:00
    bot = restart(bot, settings, clock)
    try:
        await time_side(bot).scheduler.recover()
        assert [t.split("\n")[0] for t in channel_texts(bot)] == ["Inom"]
        assert (item_row(bot, 1)["status"], item_row(bot, 2)["status"]) == ("published", "missed")
        assert [r["status"] for r in deliveries(bot, "comms:2")] == ["missed"]
        told = dm_texts(bot, "cecilia")
        assert len(told) == 1 and "KOM-2" in told[0] and "inte igång" in told[0]
        # Starting again changes nothing.
        bot = restart(bot, settings, clock)
        await time_side(bot).scheduler.recover()
        assert len(channel_texts(bot)) == 1 and len(dm_texts(bot, "cecilia")) == 1
    finally:
        bot.close()


class Stalls:
    """The web chat's notifier that hands the post over, then never returns: the process is
    killed before the message id is recorded."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.posted = asyncio.Event()

    async def post(self, target: Target, message: Outbound) -> Delivery:
        delivery: Delivery = await self.real.post(target, message)
        if message.meta.get("kind") != "announcement":
            return delivery  # reminders and notices pass
        self.posted.set()
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    async def withdraw(self, target: Target, message_id: str) -> Delivery:
        return await self.real.withdraw(target, message_id)  # type: ignore[no-any-return]


async def test_repeated_restarts_one_while_posting_never_duplicate(
    chat: Any, bot: Bot, clock: FakeClock, settings: Settings
) -> None:
    await approved(chat("cecilia"), chat("karin"))
    clock.current = SEND
    stalls = Stalls(bot.webchat.notifier)
    bot.notifier.add("webchat", stalls)
    task = asyncio.create_task(time_side(bot).scheduler.run_due())
    await asyncio.wait_for(stalls.posted.wait(), 5)
    task.cancel()  # the process dies here: posted, but the message id never recorded
    assert [r["status"] for r in deliveries(bot, "comms:1")] == ["claimed"]
    for _ in range(3):
        clock.advance(seconds=30)
        bot = restart(bot, settings, clock)
        await time_side(bot).scheduler.recover()
        await time_side(bot).scheduler.run_due()
    try:
        assert len(channel_texts(bot)) == 1
        [row] = deliveries(bot, "comms:1")
        assert row["status"] == "unconfirmed"
        told = dm_texts(bot, "cecilia")
        assert len(told) == 1 and "vet inte om inlägget kom fram" in told[0]
        assert item_row(bot)["status"] == "failed"
        # The owner decides: one deliberate repost, and it is recorded.
        cecilia = chat("cecilia")
        cecilia.bot = bot
        await cecilia.say("kommunikation visa 1")
        await cecilia.click("Posta igen: Webbchattens kanal")
        assert cecilia.last[0].style == "success"
        assert len(channel_texts(bot)) == 2
        assert [r["status"] for r in deliveries(bot, "comms:1")] == ["sent"]
        assert item_row(bot)["status"] == "published"
    finally:
        bot.close()


async def test_a_failing_channel_beside_a_working_one(
    chat: Any, bot: Bot, clock: FakeClock, fake_slack: FakeSlack
) -> None:
    add_slack(bot, fake_slack)
    fake_slack.fail_once("chat.postMessage", "channel_not_found")
    await approved(chat("cecilia"), chat("karin"), channels="slack, webchat")
    await due(bot, clock)
    rows = {r["platform"]: r for r in deliveries(bot, "comms:1")}
    assert rows["webchat"]["status"] == "sent" and len(channel_texts(bot)) == 1
    assert rows["slack"]["status"] == "failed" and "channel_not_found" in rows["slack"]["error"]
    assert item_row(bot)["status"] == "published"
    told = dm_texts(bot, "cecilia")
    assert len(told) == 1 and "slack C0PROG" in told[0] and "channel_not_found" in told[0]


async def test_a_channel_without_adapter_waits_and_goes_out_at_a_later_start(
    chat: Any, bot: Bot, clock: FakeClock, settings: Settings, fake_slack: FakeSlack
) -> None:
    await approved(chat("cecilia"), chat("karin"), channels="webchat, slack, intranät")
    await due(bot, clock)
    rows = {r["platform"]: r["status"] for r in deliveries(bot, "comms:1")}
    assert rows == {"webchat": "sent", "slack": "waiting", "sharepoint": "waiting"}
    assert item_row(bot)["status"] == "published" and dm_texts(bot, "cecilia") == []
    clock.advance(days=2)
    bot = restart(bot, settings, clock)
    try:
        add_slack(bot, fake_slack)  # Slack is configured at this start
        await time_side(bot).scheduler.recover()
        await time_side(bot).scheduler.recover()
        assert fake_slack.count("chat.postMessage") == 1
        assert fake_slack.last("chat.postMessage")["channel"] == "C0PROG"
        rows = {r["platform"]: r["status"] for r in deliveries(bot, "comms:1")}
        assert rows == {"webchat": "sent", "slack": "sent", "sharepoint": "waiting"}
    finally:
        bot.close()


async def test_weekly_recurrence_posts_once_a_week(chat: Any, bot: Bot, clock: FakeClock) -> None:
    await approved(chat("cecilia"), chat("karin"), recurrence="weekly")
    await due(bot, clock)
    await due(bot, clock, hours=1)
    row = item_row(bot)
    assert row["status"] == "approved" and row["send_at"].startswith("2026-12-07T09:00")
    assert time_side(bot).scheduler.next_run("comms:1") == local(2026, 12, 7, 10, 0)
    await due(bot, clock, days=7)
    await due(bot, clock, days=7, minutes=10)
    assert len(channel_texts(bot)) == 2
    assert len({r["job"] for r in deliveries(bot, "comms:1")}) == 2


async def test_withdraw_marks_every_post_and_records_who(
    chat: Any, bot: Bot, clock: FakeClock, fake_slack: FakeSlack
) -> None:
    add_slack(bot, fake_slack)
    cecilia, karin, anna = chat("cecilia"), chat("karin"), chat("anna")
    await approved(cecilia, karin, channels="webchat, slack, teams")
    await due(bot, clock)
    await anna.say("kommunikation dra tillbaka 1")
    assert anna.last[0].style == "error"
    await karin.say("kommunikation dra tillbaka 1")
    assert "Bara författaren eller en projektledare" in karin.text
    clock.advance(hours=3)
    await cecilia.say("kommunikation visa 1")
    await cecilia.click("Dra tillbaka KOM-1")
    # Hard to undo and seen by many: asked first, and nothing is taken down until then.
    assert cecilia.text.startswith("Vill du dra tillbaka KOM-1?")
    assert inbox(bot, channel="#fvis-program")[0]["withdrawn_at"] is None
    await cecilia.click("Ja, dra tillbaka KOM-1")
    assert cecilia.last[0].style == "success", cecilia.text
    post = inbox(bot, channel="#fvis-program")[0]
    assert post["withdrawn_at"] is not None
    assert fake_slack.count("chat.delete") == 1
    statuses = {r["platform"]: r["status"] for r in deliveries(bot, "comms:1")}
    assert statuses == {"webchat": "withdrawn", "slack": "withdrawn", "teams": "cancelled"}
    row = item_row(bot)
    assert (row["status"], row["withdrawn_by"]) == ("withdrawn", "webchat:cecilia")
    assert row["withdrawn_at"].startswith("2026-11-30T12:00")
    await cecilia.say("kommunikation dra tillbaka 1")
    assert cecilia.last[0].style == "error"


async def test_a_project_lead_can_withdraw_and_cancel(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    cecilia, karin, david = chat("cecilia"), chat("karin"), chat("david")
    await approved(cecilia, karin)
    await approved(cecilia, karin, send_at="2026-12-24 10:00")
    await due(bot, clock)
    await david.say("kommunikation dra tillbaka 1")
    await david.click("Nej, låt KOM-1 vara kvar")
    assert david.text == "Inget ändrades."
    assert item_row(bot)["status"] != "withdrawn"
    await david.say("kommunikation dra tillbaka 1")
    await david.click("Ja, dra tillbaka KOM-1")
    assert david.last[0].style == "success"
    await david.say("kommunikation ställ in 2")
    assert item_row(bot, 2)["status"] == "cancelled"
    assert "comms:2" not in time_side(bot).scheduler.job_ids()
    await due(bot, clock, local(2026, 12, 24, 10, 0))
    assert len(channel_texts(bot)) == 1
