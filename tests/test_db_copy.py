"""`fvis-bot db copy`: an installation moves from SQLite to PostgreSQL whole, counts verified,
and a target that holds anything is refused with nothing written."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app.build import build
from bot.app.stores import postgres_stores
from bot.cli.main import main
from bot.config import Settings
from bot.domain.messages import Outbound, Target
from bot.domain.model import Comment, Kind, Status
from bot.ports.entries import EntryQuery
from bot.ports.plan import Decision
from storage.copy import CopyError, copy_database
from tests.conftest import START, Chat, FakeClock
from tests.helpers import NEED
from tests.test_legacy_database import LEGACY
from tests.test_webchat_api import FLAGGED_DEVIATION


async def _installation(path: Path, clock: FakeClock) -> None:
    """A SQLite database with a bit of everything: entries with comments and history, a
    deviation, a reminder, an announcement and its delivery, a decision, web chat posts."""
    bot = build(Settings(db_path=path, files_dir=path.parent / "files"), clock=clock)
    try:
        anna, bertil = Chat(bot, "anna"), Chat(bot, "bertil")
        await anna.log("need", NEED)
        await anna.log("deviation", FLAGGED_DEVIATION)
        await bertil.say("status BEH-1 pågår")
        await bertil.say("kommentera BEH-1 Beställd – kommer på fredag")
        await anna.say("påminn mig i morgon kl 9 om B5-underlaget")
        bot.stores.milestones.add_decision(
            Decision("B1", "godkänna", "Underlaget räcker", "webchat:david", "David", START,
                     decided_by="Programstyrgruppen", decided_on=date(2026, 11, 20))
        )  # fmt: skip
        await bot.notifier.post(Target("webchat", channel="fvis-program"), Outbound("Välkommen"))
        await anna.say("behov Fler datorer")  # an open dialogue
        assert bot.time is not None
        clock.advance(days=1)
        await bot.time.scheduler.run_due()
    finally:
        bot.close()


async def test_everything_moves_and_the_counts_match(tmp_path: Path, postgres_url: str) -> None:
    clock = FakeClock(START)
    source = tmp_path / "fvis.db"
    await _installation(source, clock)
    copied = {done.table: done.rows for done in copy_database(f"sqlite:///{source}", postgres_url)}
    assert copied["entries"] == 2 and copied["comments"] == 1 and copied["history"] >= 3
    assert copied["reminders"] == 1 and copied["deliveries"] >= 1 and copied["audit"] >= 3
    assert copied["decisions"] >= 1 and copied["dialogues"] == 1 and copied["webchat_inbox"] >= 2
    stores = postgres_stores(postgres_url, clock)
    try:
        need = stores.entries.get(Kind.NEED, 1)
        assert need is not None and need.status is Status.IN_PROGRESS
        assert [c.text for c in need.comments] == ["Beställd – kommer på fredag"]
        assert [(c.field, c.new) for c in need.history][-1] == ("status", "in_progress")
        assert [e.ref for e in stores.entries.find(EntryQuery(text="skrivaren"))[0]] == ["BEH-1"]
        [decision] = stores.milestones.decisions(None, None)
        assert (decision.decided_by, decision.decided_on) == (
            "Programstyrgruppen",
            date(2026, 11, 20),
        )
        reminder = stores.reminders.get(1)
        assert reminder is not None and reminder.status == "done"
        assert "B5-underlaget" in reminder.text
        posted = stores.inbox.after(user="anna", seq=0)
        assert any("Välkommen" in m["text"] for m in posted)
        assert stores.programme.load_programme() is not None
        # What comes next continues where the copy ends: numbers, ids, sequences.
        again, _ = stores.entries.create(need)
        assert again.number == 2 and again.id == 3
        stores.entries.add_comment(
            again, Comment("webchat:anna", "Anna", "Ny", START + timedelta(days=2))
        )
        post = stores.inbox.append(channel="#fvis-program", user="", text="Efter", file=None)
        assert post["seq"] > max(m["seq"] for m in posted)  # no clash with a copied seq
    finally:
        stores.close()


def test_an_old_database_moves_too(tmp_path: Path, postgres_url: str) -> None:
    source = tmp_path / "legacy.db"
    shutil.copyfile(LEGACY, source)
    copy_database(f"sqlite:///{source}", postgres_url)
    stores = postgres_stores(postgres_url, FakeClock())
    try:
        need = stores.entries.get(Kind.NEED, 1)
        assert need is not None and [c.text for c in need.comments] == [
            "Fortfarande ingen skrivare"
        ]
        dialogue = stores.dialogues.load("webchat:dm:anna:anna")
        assert dialogue is not None and dialogue.values == {"title": "Vi behöver fler datorer"}
    finally:
        stores.close()


def test_a_target_that_holds_anything_is_refused(tmp_path: Path, postgres_url: str) -> None:
    source = tmp_path / "legacy.db"
    shutil.copyfile(LEGACY, source)
    stores = postgres_stores(postgres_url, FakeClock())
    try:
        stores.audit.record(actor="someone", action="was-here")
        with pytest.raises(CopyError, match=r"not empty.*audit"):
            copy_database(f"sqlite:///{source}", postgres_url)
        assert stores.entries.get(Kind.NEED, 1) is None  # nothing was written
    finally:
        stores.close()
    with pytest.raises(CopyError, match="sqlite:///"):
        copy_database(str(source), postgres_url)
    with pytest.raises(CopyError, match="no SQLite database"):
        copy_database(f"sqlite:///{tmp_path}/none.db", postgres_url)


def test_the_command_copies_then_refuses_a_second_time(
    tmp_path: Path, postgres_url: str, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "legacy.db"
    shutil.copyfile(LEGACY, source)
    assert main(["db", "copy", "--from", f"sqlite:///{source}", "--to", postgres_url]) == 0
    out = capsys.readouterr().out
    assert "entries: 1" in out and "comments: 1" in out
    assert postgres_url not in out  # a URL may hold a password
    assert main(["db", "copy", "--from", f"sqlite:///{source}", "--to", postgres_url]) == 1
    assert "not empty" in capsys.readouterr().err
