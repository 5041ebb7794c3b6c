"""The file store (storage/files.py): files saved whole under a fresh id, and old ones removed
without looking through the whole folder at every save."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

from storage.files import DiskFileStore


class Monotonic:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def aged(store: DiskFileStore, name: str, days: float) -> Path:
    """A file saved `days` ago (its folder's time set back, as the store reads it)."""
    path = Path(store.save(name, b"PK", "x/y").path)
    moment = time.time() - days * 86_400
    os.utime(path.parent, (moment, moment))
    return path.parent


def test_old_files_are_pruned_at_the_first_save_and_then_once_an_hour(tmp_path: Path) -> None:
    clock = Monotonic()
    # A store of an earlier run of the bot left these behind.
    before = DiskFileStore(tmp_path, keep=timedelta(days=30), monotonic=clock)
    old = aged(before, "Gammal.docx", days=31)
    recent = aged(before, "Ny.docx", days=29)

    store = DiskFileStore(tmp_path, keep=timedelta(days=30), monotonic=clock)
    newest = Path(store.save("Vecka 47.docx", b"PK", "x/y").path)
    assert not old.exists()
    assert recent.is_dir() and newest.is_file()

    # A file that grows old between saves waits for the next look, at most an hour.
    stale = aged(store, "Vecka 46.docx", days=40)
    clock.seconds += 59 * 60
    kept = Path(store.save("Vecka 48.docx", b"PK", "x/y").path)
    assert stale.is_dir()
    clock.seconds += 60
    latest = Path(store.save("Vecka 49.docx", b"PK", "x/y").path)
    assert not stale.exists()
    assert {p.name for p in tmp_path.iterdir()} == {
        recent.name,
        newest.parent.name,
        kept.parent.name,
        latest.parent.name,
    }
    assert store.find(latest.parent.name) == latest
