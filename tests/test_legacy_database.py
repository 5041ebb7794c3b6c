"""A database written by main before the restructure (commit 263aebe) opens and migrates with
today's code, and its entries, reminders and open dialogues read back."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from bot.app.build import build, migrate
from bot.app.stores import sqlite_stores
from bot.config import Settings
from bot.domain.model import Kind, Status
from storage.sqlite.database import MIGRATION_SETS
from tests.conftest import START, Chat, FakeClock

LEGACY = Path(__file__).parent / "data" / "legacy-main-263aebe.db"


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "fvis.db"
    shutil.copyfile(LEGACY, path)
    return path


def test_every_migration_it_recorded_is_still_known_by_the_same_name(tmp_path: Path) -> None:
    with sqlite3.connect(_copy(tmp_path)) as conn:
        recorded = set(conn.execute("SELECT migration_set, name FROM _sqlite_migrations"))
    empty = Database(memory=True)  # on an empty database every migration is pending
    known = {(m.name, fn.name) for m in MIGRATION_SETS for fn in m.pending(empty)}
    assert {name for name, _ in recorded} == {"fvis", "fvis-time", "fvis-teams"}
    assert recorded <= known, recorded - known


def test_it_migrates_and_reads_its_entry_reminder_and_dialogue(tmp_path: Path) -> None:
    settings = Settings(db_path=_copy(tmp_path))
    applied = migrate(settings)
    assert migrate(settings) == []  # everything pending ran the first time
    stores = sqlite_stores(settings.db_path, FakeClock())
    try:
        need = stores.entries.get(Kind.NEED, 1)
        assert need is not None
        assert (need.title, need.status, need.reporter_id) == (
            "Skrivare saknas",
            Status.IN_PROGRESS,
            "anna",
        )
        assert [c.text for c in need.comments] == ["Fortfarande ingen skrivare"]
        assert [(c.field, c.old, c.new) for c in need.history] == [
            ("status", "", "new"),
            ("status", "new", "in_progress"),
        ]
        [reminder] = stores.reminders.scheduled()
        assert (reminder.user_id, reminder.text) == ("anna", "B5-underlaget")
        dialogue = stores.dialogues.load("webchat:dm:anna:anna")
        assert dialogue is not None and dialogue.pending == "description"
        assert dialogue.values == {"title": "Vi behöver fler datorer"}
        # A new entry continues the numbering the old database started.
        assert stores.entries.create(need)[0].number == 2
    finally:
        stores.close()
    assert isinstance(applied, list)


async def test_the_open_dialogue_goes_on_where_it_stopped(tmp_path: Path) -> None:
    bot = build(Settings(db_path=_copy(tmp_path)), clock=FakeClock(START))
    try:
        anna = Chat(bot, "anna")
        await anna.say("Tre datorer saknas på expeditionen")
        assert anna.last[-1].style != "error", anna.text
        dialogue = bot.stores.dialogues.load("webchat:dm:anna:anna")
        assert dialogue is not None and dialogue.pending not in ("", "description")
        assert dialogue.values["description"] == "Tre datorer saknas på expeditionen"
        bertil = Chat(bot, "bertil")
        await bertil.say("visa BEH-1")
        assert "Skrivare saknas" in bertil.text and "Fortfarande ingen skrivare" in bertil.text
    finally:
        bot.close()
