"""Reports made in worker processes (bot/app/report_workers.py): the running bot makes them in
spawned processes of a lower priority that open the same database and record the edition and
the audit there (the bot's event loop waits for no commit), while the file stays with the bot's
own process; workers that cannot start leave the report to the bot itself."""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app.build import Bot, build
from bot.app.report_workers import (
    NICENESS,
    ProcessReportWorkers,
    process_count,
    report_workers,
)
from bot.config import Settings
from bot.domain.errors import UserError
from storage.sqlite.times import iso
from tests.conftest import START, Chat, FakeClock
from tests.helpers import NEED
from tests.test_reports import document_of
from tests.test_reports_support import body_text, header_text, seed_week_47


@pytest.fixture
def serving_bot(settings: Settings, clock: FakeClock) -> Iterator[Bot]:
    """The bot as `fvis-bot run` builds it, with one report process."""
    instance = build(dataclasses.replace(settings, report_processes=1), clock=clock, serving=True)
    yield instance
    instance.close()


async def test_a_register_is_made_in_a_worker_process_which_records_edition_and_audit(
    serving_bot: Bot, clock: FakeClock
) -> None:
    bot = serving_bot
    assert bot.reports is not None and isinstance(bot.reports.workers, ProcessReportWorkers)
    await seed_week_47(bot, clock)
    bertil = Chat(bot, "bertil")
    # The bot's own connection writes nothing for a report: a commit there (the edition, the
    # audit) would hold up its event loop until the disk has it.
    changes = bot.db.conn.total_changes
    first = document_of(await bertil.say("rapport register avvikelser"))
    assert bot.db.conn.total_changes == changes
    # Made by another process, which read the entries just written through this one.
    assert multiprocessing.active_children(), "no worker process"
    text = body_text(first)
    assert "AVV-1" in text and "Omars avvikelse om läkemedelslistan" in text
    # The worker's clock is the bot's: the report is dated by the moment it was asked for.
    assert "Datum: 2026-11-25" in header_text(first)
    # The audit of each deviation listed is written by the worker, dated by the bot's clock.
    audited = {
        (row["actor"], row["ref"], row["at"])
        for row in bot.db.query("SELECT * FROM audit WHERE action = 'report'")
    }
    at = iso(clock.now())
    assert {("webchat:bertil", "AVV-1", at), ("webchat:bertil", "AVV-2", at)} <= audited
    [edition] = bot.db.query("SELECT * FROM report_editions")
    assert (edition["made_by"], edition["made_by_name"], edition["made_at"]) == (
        "webchat:bertil",
        "Bertil Nordin",
        at,
    )
    # The same report again is its next edition.
    second = document_of(await bertil.say("rapport register avvikelser dnr RV 2026/7"))
    assert "Utgåva: 2.0" in header_text(second)
    assert "Diarienummer: RV 2026/7" in header_text(second)
    # The Excel register goes the same way.
    replies = await bertil.say("rapport register avvikelser excel")
    assert replies[-1].style == "success" and replies[-1].file is not None
    assert replies[-1].file.name.endswith(".xlsx") and "2" in replies[-1].text


async def test_a_worker_process_runs_at_a_lower_priority_than_the_bot(serving_bot: Bot) -> None:
    assert serving_bot.reports is not None
    workers = serving_bot.reports.workers
    assert isinstance(workers, ProcessReportWorkers)
    # Read by the worker itself, of itself (0: the calling process).
    in_worker = workers._executor().submit(os.getpriority, os.PRIO_PROCESS, 0).result()
    here = os.getpriority(os.PRIO_PROCESS, 0)
    assert in_worker == min(19, here + NICENESS) and in_worker > here


async def test_workers_that_cannot_start_leave_the_report_to_the_bots_own_process(
    serving_bot: Bot, clock: FakeClock, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bot = serving_bot
    assert bot.reports is not None and bot.reports.workers is not None
    bot.reports.workers.close()
    # Workers that open a folder as their database fail at start, every time.
    folder = tmp_path / "not-a-database"
    folder.mkdir()
    broken = dataclasses.replace(bot.settings, db_path=folder, report_processes=1)
    bot.reports.workers = ProcessReportWorkers(broken, 1)
    await seed_week_47(bot, clock)
    with caplog.at_level(logging.WARNING):
        document = document_of(await Chat(bot, "david").say("rapport register behov"))
    assert "BEH-1" in body_text(document)
    assert "report worker stopped (attempt 2)" in caplog.text
    assert "in the bot's own process" in caplog.text


async def test_a_worker_process_reads_postgresql_too(postgres_url: str, tmp_path: Path) -> None:
    settings = Settings(
        database_url=postgres_url,
        files_dir=tmp_path / "files",
        installation_secret="s" * 32,
        report_processes=1,
    )
    bot = build(settings, clock=FakeClock(START), serving=True)
    try:
        assert bot.reports is not None and bot.reports.workers is not None
        await Chat(bot, "anna").log("need", NEED)
        document = document_of(await Chat(bot, "david").say("rapport register behov"))
        assert "BEH-1" in body_text(document) and NEED["title"] in body_text(document)
        assert multiprocessing.active_children()
    finally:
        bot.close()


def test_how_many_report_processes(tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "fvis.db")
    assert 1 <= process_count(settings) <= 4
    assert process_count(dataclasses.replace(settings, report_processes=3)) == 3
    assert report_workers(dataclasses.replace(settings, report_processes=0)) is None
    # A private in-memory database cannot be opened by another process.
    assert report_workers(dataclasses.replace(settings, db_path=Path(":memory:"))) is None
    assert Settings.from_env({"FVIS_REPORT_PROCESSES": "2"}).report_processes == 2
    assert Settings.from_env({}).report_processes is None
    with pytest.raises(ValueError, match="FVIS_REPORT_PROCESSES"):
        Settings.from_env({"FVIS_REPORT_PROCESSES": "many"})


def test_a_user_error_from_a_worker_keeps_its_values() -> None:
    error = pickle.loads(pickle.dumps(UserError("reports.bad_week", text="v 99")))
    assert isinstance(error, UserError)
    assert (error.key, error.values) == ("reports.bad_week", {"text": "v 99"})
