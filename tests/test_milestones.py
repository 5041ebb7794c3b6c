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
      "owner": "david", "outcomes": "fortsätta, ändra eller avbryta"}  # fmt: skip


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
    assert rows["B5-R3"].due == date(2027, 6, 30) and not rows["B3"].decided
    assert (rows["B4"].due, rows["B4"].due_text) == (date(2020, 12, 30), "2020-Q4")


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
    assert "”fundera” är inget av utfallen för B9" in david.text
    await david.say("beslut b9 ändra Leveransen flyttas en månad")
    assert david.last[0].style == "success" and "ändra" in david.text
    assert "Beslutat av Programstyrgruppen" in david.text
    [decision] = [d for d in bot.plan.decisions() if d.milestone_id == "B9"]
    assert (decision.outcome, decision.recorded_by, decision.motivation) == (
        "ändra", "David Berg", "Leveransen flyttas en månad",
    )  # fmt: skip
    assert decision.decided_by == "Programstyrgruppen"
    assert decision.recorded_at == clock.current
    assert any("Beslut vid B9" in t for t in channel_texts(bot, reminders=True))
    await run(bot, clock, local(2027, 1, 19, 9))
    assert b9_reminders(bot) == []
    assert not [j for j in time_side(bot).scheduler.job_ids() if ":B9" in j]


async def test_overdue_without_decision_is_nudged_daily_for_a_week_then_weekly(
    chat: Any, bot: Bot, clock: FakeClock
) -> None:
    """Due Friday 27 November 2026: every working day up to 4 December, then the first working
    day of each further week (11 and 18 December; 25 December is juldagen, so Monday 28th)."""
    await new_milestone(chat, date="2026-11-27")
    nudged: list[date] = []
    day = date(2026, 11, 28)
    while day <= date(2026, 12, 31):
        before = len(nudges(bot))
        await run(bot, clock, local(day.year, day.month, day.day, 10))
        await run(bot, clock, local(day.year, day.month, day.day, 16))  # once a day at most
        nudged += [day] * (len(nudges(bot)) - before)
        day += timedelta(days=1)
    assert nudged == [
        date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 3),
        date(2026, 12, 4), date(2026, 12, 11), date(2026, 12, 18), date(2026, 12, 28),
    ]  # fmt: skip
    assert "inget beslut är registrerat" in nudges(bot)[0]
    assert "beslut B9 fortsätta|ändra|avbryta <motivering>" in nudges(bot)[0]
    assert "varje arbetsdag den första veckan, sedan en gång i veckan" in nudges(bot)[0]
    assert not is_working_day(date(2026, 12, 24)) and is_working_day(date(2026, 12, 23))


async def test_nudges_stop_when_decided_or_moved(chat: Any, bot: Bot, clock: FakeClock) -> None:
    await new_milestone(chat, date="2026-11-27")
    await new_milestone(chat, id="B10", date="2026-11-27")
    await run(bot, clock, local(2026, 11, 30, 10))
    assert len(nudges(bot)) == 1 and len(nudges(bot, "B10")) == 1
    await chat("david").say("beslut B9 avbryta Ersätts av B10")
    await new_milestone(chat, id="B10", date="2027-01-20")  # moved
    for day in (1, 2, 3, 4, 7, 11, 14, 18):
        await run(bot, clock, local(2026, 12, day, 10))
    assert len(nudges(bot)) == 1 and len(nudges(bot, "B10")) == 1
    assert not [j for j in time_side(bot).scheduler.job_ids() if j.startswith("nudge:B9")]


def nudges(bot: Bot, point: str = "B9") -> list[str]:
    return [t for t in dm_texts(bot, "david") if t.startswith(f"{point} ")]


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
    assert "om 13 dagar" in david.text and "M-NYTTA · milstolpe · kvartal 1 2027" in david.text
    # Past before the bot knew of them: history not recorded here, not late.
    assert "• B3 " not in david.text and "• B7 " not in david.text
    assert "FÖRSENAD" not in david.text
    await david.say("milstolpar alla")
    assert "B3 · beslutspunkt · 2020-05-05" in david.text
    assert "B4 · beslutspunkt · kvartal 4 2020" in david.text
    assert "inget beslut registrerat" in david.text and "demodata" in david.text
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
