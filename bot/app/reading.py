"""What the CLI's read-only commands open: the entries and the programme, nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from bot.app.programme import load_programme
from bot.app.stores import open_stores
from bot.config import Settings
from bot.delivery.routing import NotifierRouter
from bot.domain.programme import Programme
from bot.entries.service import EntryService
from bot.ports.clock import Clock, SystemClock


@dataclass(frozen=True, slots=True)
class Reader:
    """What the CLI's read-only commands use: the entries as the chat reads them."""

    entries: EntryService
    programme: Programme


@contextmanager
def reading(settings: Settings, *, clock: Clock | None = None) -> Iterator[Reader]:
    """Entries and the programme for a read-only command: no adapter is built, no scheduler,
    and the programme is not synced into the database (reads of deviations are still audited)."""
    clock = clock or SystemClock()
    stores = open_stores(settings, clock)
    try:
        programme = load_programme(settings, stores.programme, save=False)
        entries = EntryService(
            entries=stores.entries,
            audit=stores.audit,
            uow=stores.uow,
            notifier=NotifierRouter(),
            clock=clock,
            programme=programme,
            people=stores.entry_people,
            programme_targets=[],
        )
        yield Reader(entries, programme)
    finally:
        stores.close()
