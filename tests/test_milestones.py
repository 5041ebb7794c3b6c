"""Milestones and decision points: reminders at each offset, quarter dates, the decision log,
overdue nudges on working days, the listing and the plan the reports read."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from bot.app.build import Bot
from bot.plan.milestones import is_working_day, parse_due
from tests.conftest import FakeClock
from tests.time_helpers import channel_texts, deliveries, dm_texts, local, time_side

MS = {"id": "B9", "title": "Beslut om release 9", "kind": "decision", "date": "2027-01-20",
      "owner": "david"}  # fmt: skip


async def new_milestone(chat: Any, **values: str) -> None:
    david = chat("david")
    await david.submit("ms:save", {**MS, **values})
    assert david.last[0].style == "success", david.text


async def run(bot: Bot, clock: FakeClock, when: Any) -> None:
    clock.current = when
    await time_side(bot).scheduler.run_due()


def b9_reminders(bot: Bot) -> list[str]:
    return [
        t for t in channel_texts(bot, reminders=True) if t.startswith("Påminnelse") and " B9 " in t
    ]


async def test_reminders_at_each_offset_to_owner_and_channel_once(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    await new_milestone(chat)
    for days, when in (
        (14, local(2027, 1, 6, 9)),
        (7, local(2027, 1, 13, 9)),
        (1, local(2027, 1, 19, 9)),
    ):
        await run(bot, clock, when - timedelta(minutes=1))
        assert len(b9_reminders(bot)) == {14: 0, 7: 1, 1: 2}[days]
        await run(bot, clock, when)
        await run(bot, clock, when + timedelta(minutes=20))  # a late job: nothing more
        texts = b9_reminders(bot)
        assert len(texts) == {14: 1, 7: 2, 1: 3}[days] and f"om {days} dagar" in texts[-1]
        assert sum(" B9 " in t for t in dm_texts(bot, "david")) == len(texts)
    assert {r["status"] for r in deliveries(bot, "milestone:B9")} == {"sent"}


async def test_quarter_dates_fall_on_the_last_working_day(chat: Any, bot: Bot) -> None:
    now = local(2026, 11, 25, 10)
    assert parse_due("2027-Q1", now=now, timezone="Europe/Stockholm") == (
        date(2027, 3, 31),
        "2027-Q1",
    )
    assert parse_due("2026-q4", now=now, timezone="Europe/Stockholm") == (
        date(2026, 12, 30),
        "2026-Q4",
    )
    assert parse_due("15 mars 2027", now=now, timezone="Europe/Stockholm") == (
        date(2027, 3, 15),
        "2027-03-15",
    )
    assert parse_due("snart", now=now, timezone="Europe/Stockholm") is None
    await new_milestone(chat, id="Q1", date="2027-Q1")
    rows = {row.id: row for row in bot.plan.milestones()}
    assert rows["Q1"].due == date(2027, 3, 31) and rows["M-NYTTA"].due == date(2027, 3, 31)
    assert rows["B5-R3"].due == date(2027, 6, 30) and rows["B3"].decided


async def test_decision_is_logged_with_who_and_when_and_stops_reminders(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    await new_milestone(chat)
    anna, david = chat("anna"), chat("david")
    await anna.say("beslut B9 fortsätta Bra")
    assert "Bara projektledare" in anna.text
    await david.say("beslut B5 fortsätta Klart")
    assert "kan vara flera" in david.text and "B5-R2" in david.text
    await david.say("beslut B9 fortsätta")
    assert "motivering" in david.text
    await david.say("beslut B9 fundera Klart")
    assert "fortsätta|ändra|avbryta" in david.text
    await david.say("beslut b9 ändra Leveransen flyttas en månad")
    assert david.last[0].style == "success" and "ändra" in david.text
    [decision] = [d for d in bot.plan.decisions() if d.milestone_id == "B9"]
    assert (decision.outcome, decision.recorded_by, decision.motivation) == (
        "change", "David Berg", "Leveransen flyttas en månad",
    )  # fmt: skip
    assert decision.recorded_at == clock.current
    assert any("Beslut vid B9" in t for t in channel_texts(bot, reminders=True))
    await run(bot, clock, local(2027, 1, 19, 9))
    assert b9_reminders(bot) == []
    assert not [j for j in time_side(bot).scheduler.job_ids() if ":B9" in j]


async def test_overdue_without_decision_is_nudged_once_a_working_day(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    await new_milestone(chat, date="2026-11-20")
    nudges = lambda: [t for t in dm_texts(bot, "david") if t.startswith("B9 ")]  # noqa: E731
    await run(bot, clock, local(2026, 11, 25, 15))  # known since 10:00 today: tomorrow first
    assert nudges() == []
    await run(bot, clock, local(2026, 11, 26, 9, 30))
    await run(bot, clock, local(2026, 11, 26, 16))
    assert len(nudges()) == 1 and "saknar beslut" in nudges()[0]
    await run(bot, clock, local(2026, 11, 28, 10))  # Saturday
    assert len(nudges()) == 1
    await run(bot, clock, local(2026, 11, 30, 11))  # Monday, even if the bot started late
    assert len(nudges()) == 2
    await chat("david").say("beslut B9 avbryta Ersätts av B10")
    await run(bot, clock, local(2026, 12, 1, 9))
    assert len(nudges()) == 2
    assert not is_working_day(date(2026, 12, 24)) and is_working_day(date(2026, 12, 23))


async def test_reminder_due_while_down_beyond_grace_is_missed_and_owner_told(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    await new_milestone(chat)
    await run(bot, clock, local(2027, 1, 13, 9) + timedelta(hours=3))  # the 14-day one is older
    assert b9_reminders(bot) == []
    told = [t for t in dm_texts(bot, "david") if "B9" in t]
    assert len(told) == 1 and "inte igång" in told[0] and "om 7 dagar" in told[0]
    statuses = sorted(r["status"] for r in deliveries(bot, "milestone:B9"))
    assert statuses == ["missed", "missed", "superseded"]


async def test_listing_and_forms(chat: Any, bot: Bot) -> None:
    david = chat("david")
    await david.say("milstolpar")
    assert "B5-R2 · beslutspunkt · 2026-12-08 · David Berg" in david.text
    assert "om 13 dagar" in david.text and "B7" in david.text and "FÖRSENAD" in david.text
    assert "B3 " not in david.text  # decided and past
    await david.say("milestones all")
    assert "B3 " in david.text
    await david.say("milstolpe ny")
    assert david.last[0].form is not None
    await david.submit("ms:save", {**MS, "date": "aldrig", "owner": "Zorro"})
    form = david.last[0].form
    assert form is not None
    errors = {f.name: f.error for f in form.fields}
    assert "förstod inte datumet" in errors["date"]
    anna = chat("anna")
    await anna.submit("ms:save", MS)
    assert anna.last[0].style == "error" and "projektledare" in anna.text
    await david.say("milstolpe B5-R2")
    assert "Beslut att starta införandet av release 2" in david.text


async def test_a_milestone_without_owner_takes_decisions_only_from_project_leads(
    chat: Any, bot: Bot
) -> None:
    """An empty owner matches nobody: a stranger, unknown to the programme, is refused."""
    await new_milestone(chat, id="M-X", owner="")
    stranger = chat("U999STRANGER", platform="slack")
    await stranger.say("beslut M-X avbryta Jag bestämmer")
    assert stranger.last[0].style == "error"
    assert [d for d in bot.plan.decisions() if d.milestone_id == "M-X"] == []
