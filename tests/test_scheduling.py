"""The scheduler: jobs rebuilt from the database with stable ids, the real APScheduler wiring
firing on the server's loop, catch-up at web app start, cron jobs for others, settings."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app.build import Bot, build, web_app
from bot.config import ConfigError, Settings
from bot.delivery.scheduler import Scheduler
from bot.domain.programme import person_from
from bot.ports.clock import SystemClock
from tests.conftest import FakeClock
from tests.time_helpers import approved, channel_texts, local, restart, time_side


async def test_jobs_are_rebuilt_from_the_database_with_stable_ids(
    chat: Any, bot: Bot, clock: FakeClock, settings: Settings
) -> None:
    await approved(chat("cecilia"), chat("karin"))
    await chat("anna").say("påminn mig i morgon kl 8 om rapporten")
    bot = restart(bot, settings, clock)
    try:
        scheduler = time_side(bot).scheduler
        # Nothing survives a restart but the database; housekeeping (cron:) is set up at start.
        assert [i for i in scheduler.job_ids() if not i.startswith("cron:")] == []
        count = await scheduler.recover()
        ids = [i for i in scheduler.job_ids() if not i.startswith("cron:")]
        assert {"comms:1", "remind:1", "milestone:B5-R2:7", "milestone:B5-R2:1"} <= set(ids)
        assert "milestone:B5-R2:14" not in ids  # 2026-11-24: before the bot knew of B5-R2
        # B7 (2025-Q4) had passed before the bot knew of it: history, not nudged; B5-R2 will be.
        assert "nudge:B7" not in ids and "nudge:B5-R2" in ids and count == len(ids)
        assert scheduler.next_run("milestone:B5-R2:7") == local(2026, 12, 1, 9)
        assert scheduler.next_run("nudge:B5-R2") == local(2026, 12, 9, 9)  # the day after
    finally:
        bot.close()


async def test_the_real_scheduler_fires_a_job_on_the_loop(settings: Settings) -> None:
    bot = build(settings, clock=SystemClock())
    try:
        person = person_from(bot.programme, "webchat", "anna")
        scheduler = time_side(bot).scheduler
        await scheduler.start()
        when = datetime.now(UTC) + timedelta(seconds=1.5)
        time_side(bot).reminders.create(person, "sv", when, "kaffet")
        assert "remind:1" in scheduler.job_ids()
        for _ in range(100):  # at most 10 s
            texts = [r["text"] for r in bot.db.query("SELECT text FROM webchat_inbox")]
            if texts:
                break
            await asyncio.sleep(0.1)
        assert texts == ["Påminnelse: kaffet"]
        assert datetime.now(UTC) >= when
        # A job whose time has already passed (a timer set late) still runs: no 1 s misfire drop.
        before = scheduler.sweeps
        scheduler.schedule("late", datetime.now(UTC) - timedelta(minutes=5))
        for _ in range(50):
            if scheduler.sweeps > before:
                break
            await asyncio.sleep(0.1)
        assert scheduler.sweeps > before
    finally:
        await time_side(bot).scheduler.stop()
        bot.close()


async def test_web_app_start_catches_up_and_serves_the_calendar(
    chat: Any, bot: Bot, clock: FakeClock, settings: Settings
) -> None:
    await approved(chat("cecilia"), chat("karin"))
    clock.current = local(2026, 11, 30, 10, 20)
    bot = restart(bot, settings, clock)
    client = TestClient(TestServer(web_app(bot)))
    await client.start_server()
    try:
        assert len(channel_texts(bot)) == 1  # posted during start, within the grace
        assert time_side(bot).scheduler.running
        response = await client.get("/calendar.ics")
        assert response.status == 200 and "KOM-1" in await response.text()
    finally:
        await client.close()
        bot.close()
    assert not time_side(bot).scheduler.running


class _Platform:
    """A platform that records its start and stop, and can refuse to start (a port, not a mock:
    the composition root knows adapters only through this protocol)."""

    def __init__(self, name: str, events: list[str], *, fails: bool = False) -> None:
        self.platform = name
        self.notifier: Any = None
        self._events = events
        self._fails = fails

    def install(self, app: Any, engine: Any) -> None:
        return None

    async def start(self, engine: Any) -> None:
        if self._fails:
            raise RuntimeError(f"{self.platform} cannot start")
        self._events.append(f"start {self.platform}")

    async def stop(self) -> None:
        self._events.append(f"stop {self.platform}")


async def test_one_lifespan_stops_in_reverse_and_undoes_a_half_start(bot: Bot) -> None:
    events: list[str] = []
    bot.adapters = [_Platform("one", events), _Platform("two", events)]
    client = TestClient(TestServer(web_app(bot)))
    await client.start_server()
    assert time_side(bot).scheduler.running
    await client.close()
    assert events == ["start one", "start two", "stop two", "stop one"]
    assert not time_side(bot).scheduler.running

    # A platform that cannot start: those started before it are stopped, the scheduler never runs.
    events.clear()
    bot.adapters = [_Platform("one", events), _Platform("two", events, fails=True)]
    client = TestClient(TestServer(web_app(bot)))
    with pytest.raises(RuntimeError, match="two cannot start"):
        await client.start_server()
    await client.close()
    assert events == ["start one", "stop one"]
    assert not time_side(bot).scheduler.running


async def test_add_cron_for_a_weekly_report() -> None:
    clock = FakeClock(local(2026, 11, 25, 10))
    scheduler = Scheduler(clock=clock, timezone="Europe/Stockholm")
    ran: list[str] = []

    async def report() -> None:
        ran.append("report")

    scheduler.add_cron("weekly-status", report, day_of_week="mon", hour=7)
    assert scheduler.job_ids() == ["cron:weekly-status"]
    assert scheduler.next_run("cron:weekly-status") == local(2026, 11, 30, 7)
    assert scheduler.rebuild() == 0 and scheduler.job_ids() == ["cron:weekly-status"]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("FVIS_REMINDER_OFFSETS_DAYS", "14,sju"),
        ("FVIS_REMINDER_OFFSETS_DAYS", "400"),
        ("FVIS_REMINDER_TIME", "25:00"),
        ("FVIS_REMINDER_TIME", "nio"),
        ("FVIS_GRACE_MINUTES", "-5"),
    ],
)
def test_bad_time_settings_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        Settings.from_env({name: value})


def test_time_settings_are_read() -> None:
    settings = Settings.from_env(
        {"FVIS_REMINDER_OFFSETS_DAYS": "3, 30", "FVIS_REMINDER_TIME": "8:30",
         "FVIS_GRACE_MINUTES": "15", "FVIS_CALENDAR_TOKEN": "hemlig"}
    )  # fmt: skip
    assert settings.reminder_offsets_days == (30, 3)
    assert (settings.reminder_time, settings.grace_minutes) == ("08:30", 15)
    assert settings.calendar_token == "hemlig"
