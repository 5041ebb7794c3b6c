"""The weekly status report: Monday 07:00 to the project leads' channel, once, through restarts;
too late after downtime, the channel hears how to get it instead."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.app.build import Bot, build
from bot.config import ConfigError, Settings
from bot.domain.messages import Incoming
from bot.domain.model import Kind
from tests.test_reports_support import headings, log_at, open_docx, table_after

# Monday 30 November 2026, 07:00 in Stockholm (UTC+1): the report of week 48 is due.
DUE = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


@pytest.fixture
def weekly_settings(tmp_path: Path) -> Settings:
    return Settings(
        db_path=tmp_path / "fvis.db", weekly_report_channels=("webchat:projektledning",)
    )


@pytest.fixture
def weekly_bot(weekly_settings: Settings, clock: Any) -> Iterator[Bot]:
    bot = build(weekly_settings, clock=clock)
    yield bot
    bot.close()


def channel_posts(bot: Bot) -> list[dict[str, Any]]:
    return [m for m in bot.webchat.inbox("david", 0) if m["channel"] == "#projektledning"]


async def test_monday_morning_report_goes_out_once(
    weekly_bot: Bot, weekly_settings: Settings, clock: Any
) -> None:
    bot = weekly_bot
    assert bot.scheduler is not None
    bot.scheduler.rebuild()
    assert bot.scheduler.next_run("report:weekly:2026-W48") == DUE
    await log_at(bot, clock, datetime(2026, 11, 24, 9, tzinfo=UTC), "anna", Kind.NEED)

    clock.current = datetime(2026, 11, 30, 5, 59, tzinfo=UTC)
    await bot.scheduler.run_due()
    assert channel_posts(bot) == []  # not before 07:00

    clock.current = datetime(2026, 11, 30, 6, 0, 30, tzinfo=UTC)
    await bot.scheduler.run_due()
    await bot.scheduler.run_due()  # a second wake-up in the same minute
    [post] = channel_posts(bot)
    assert post["text"] == "Veckans statusrapport, vecka 48: Statusrapport 2026-v48.docx"
    assert post["file"]["url"].startswith("/api/webchat/files/")
    assert "path" not in post["file"]
    [saved] = bot.settings.files_folder.rglob("Statusrapport 2026-v48.docx")
    document = open_docx(saved.read_bytes())
    assert ("Title", "Statusrapport vecka 48 2026") in headings(document)
    assert {r[0]: r[1] for r in table_after(document, "Sammanfattning")}["Nya poster"] == "1"

    # A restart later that morning: the delivery log says it went out.
    clock.current = datetime(2026, 11, 30, 6, 20, tzinfo=UTC)
    again = build(weekly_settings, clock=clock)
    try:
        assert again.scheduler is not None
        await again.scheduler.recover()
        assert len(channel_posts(again)) == 1
    finally:
        again.close()

    # Next Monday: week 49.
    bot.scheduler.rebuild()
    assert bot.scheduler.next_run("report:weekly:2026-W49") == datetime(
        2026, 12, 7, 6, 0, tzinfo=UTC
    )


async def test_after_downtime_the_report_goes_out_late_and_says_so(
    weekly_bot: Bot, clock: Any
) -> None:
    bot = weekly_bot
    assert bot.scheduler is not None
    clock.current = datetime(2026, 11, 23, 6, 0, 10, tzinfo=UTC)  # Monday of week 48, 07:00
    await bot.scheduler.run_due()
    assert [p["text"] for p in channel_posts(bot)] == [
        "Veckans statusrapport, vecka 47: Statusrapport 2026-v47.docx"
    ]
    clock.current = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)  # 10:30, beyond the hour of grace
    await bot.scheduler.recover()
    await bot.scheduler.run_due()
    late = channel_posts(bot)[-1]
    assert late["text"] == (
        "Veckans statusrapport, vecka 48 – försenad, boten var inte igång måndag kl. 07.00: "
        "Statusrapport 2026-v48.docx"
    )
    assert late["file"]["name"] == "Statusrapport 2026-v48.docx"
    rows = list(bot.db.query("SELECT job, status FROM deliveries WHERE job LIKE 'report:%'"))
    assert {(r["job"], r["status"]) for r in rows} == {
        ("report:weekly:2026-W47", "sent"),
        ("report:weekly:2026-W48", "sent"),
    }


async def test_switched_on_mid_week_the_first_report_comes_next_monday(
    weekly_bot: Bot, clock: Any
) -> None:
    bot = weekly_bot
    assert bot.scheduler is not None
    clock.current = datetime(2026, 11, 25, 9, tzinfo=UTC)  # Wednesday
    await bot.scheduler.recover()
    await bot.scheduler.run_due()
    assert channel_posts(bot) == []
    clock.current = DUE
    await bot.scheduler.run_due()
    assert [p["file"]["name"] for p in channel_posts(bot)] == ["Statusrapport 2026-v48.docx"]
    reply = await bot.engine.handle(
        Incoming(
            platform="webchat", user_id="david", conversation_id="dm:david", text="rapport vecka 47"
        )
    )
    assert reply[-1].file is not None and reply[-1].file.name == "Statusrapport 2026-v47.docx"


def test_no_channel_no_weekly_job_and_bad_values_refused(bot: Bot) -> None:
    assert bot.scheduler is not None
    bot.scheduler.rebuild()
    assert not [j for j in bot.scheduler.job_ids() if j.startswith("report:")]
    with pytest.raises(ConfigError, match="FVIS_WEEKLY_REPORT_CHANNELS must list platform:channel"):
        Settings.from_env({"FVIS_WEEKLY_REPORT_CHANNELS": "projektledning"})
    settings = Settings.from_env({"FVIS_WEEKLY_REPORT_CHANNELS": "slack:C0123, webchat:ledning"})
    assert settings.weekly_report_channels == ("slack:C0123", "webchat:ledning")
