"""Files the bot generated (reports), kept on disk for adapters to hand over (the core's FileStore).

Each file lies alone in a folder named by a fresh random id: `FOLDER/<id>/<name>`. The id is
the only way to reach it (the web chat serves `/api/webchat/files/<id>`), so nothing outside
the folder, and nothing not generated here, can be asked for. Old files are removed: at the
first save, then at most once every `prune_every` (default an hour). Looking for them reads
every folder's time, thousands after a month of reports; made at every save it was disk work
(and interpreter time) repeated for each report.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
import unicodedata
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from bot.domain.ids import new_id
from bot.domain.messages import FileRef

log = logging.getLogger(__name__)

ID_PATTERN = re.compile(r"[0-9a-f]{32}")
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
MAX_NAME = 120


def safe_file_name(name: str, default: str = "fil") -> str:
    """A name every file system and browser accepts: no separators, controls or dot-only names."""
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip(" .")
    if len(cleaned) > MAX_NAME:
        stem, dot, suffix = cleaned.rpartition(".")
        cleaned = (stem[: MAX_NAME - len(suffix) - 1] + dot + suffix) if dot else cleaned[:MAX_NAME]
    return cleaned or default


class DiskFileStore:
    def __init__(
        self,
        folder: Path,
        *,
        keep: timedelta = timedelta(days=30),
        prune_every: timedelta = timedelta(hours=1),
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder = Path(folder)
        self.keep = keep
        self.prune_every = prune_every
        self._monotonic = monotonic
        self._next_prune: float | None = None  # None: at the first save

    def save(self, name: str, data: bytes, mime: str) -> FileRef:
        now = self._monotonic()
        if self._next_prune is None or now >= self._next_prune:
            self._next_prune = now + self.prune_every.total_seconds()
            self.prune()
        file_id = new_id()
        target_dir = self.folder / file_id
        target_dir.mkdir(parents=True)
        path = target_dir / safe_file_name(name)
        partial = target_dir / ".partial"
        # Written whole or not at all: a reader never gets half a document.
        with open(partial, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
        return FileRef(name=path.name, mime=mime, path=str(path.resolve()))

    def find(self, file_id: str) -> Path | None:
        """The file saved under this id; None for anything else (bad id, gone, half-written)."""
        if not ID_PATTERN.fullmatch(file_id):
            return None
        folder = self.folder / file_id
        try:
            files = [p for p in folder.iterdir() if p.is_file() and p.name != ".partial"]
        except OSError:
            return None
        return files[0] if len(files) == 1 else None

    def id_of(self, path: str) -> str | None:
        """The id of a file this store saved, from its path; None for any other path."""
        candidate = Path(path)
        try:
            relative = candidate.resolve().relative_to(self.folder.resolve())
        except (OSError, ValueError):
            return None
        parts = relative.parts
        if len(parts) == 2 and ID_PATTERN.fullmatch(parts[0]):
            return parts[0]
        return None

    def prune(self) -> None:
        """Remove files older than `keep` (reports are made again on demand)."""
        if not self.folder.is_dir():
            return
        limit = time.time() - self.keep.total_seconds()
        for folder in self.folder.iterdir():
            try:
                if ID_PATTERN.fullmatch(folder.name) and folder.stat().st_mtime < limit:
                    shutil.rmtree(folder)
            except OSError:
                log.warning("could not remove the old file folder %s", folder.name)
