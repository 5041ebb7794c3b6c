"""The programme: read from the database, or imported from its file (or the demo) on first start."""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.app.stores import open_stores
from bot.config import Settings
from bot.domain.programme import (
    Programme,
    demo_programme_data,
    parse_programme,
    read_programme_file,
)
from bot.ports.clock import SystemClock
from bot.ports.entries import ProgrammeStore


def load_programme(settings: Settings, store: ProgrammeStore, *, save: bool = True) -> Programme:
    """The database holds the programme once imported; the first start imports the file or the
    demo (`save=False`: read it the same way, but leave the database as it is)."""
    data = store.load_programme()
    if data is None:
        data = (
            read_programme_file(settings.programme_file)
            if settings.programme_file
            else demo_programme_data()
        )
        if save:
            store.save_programme(data)
    programme = parse_programme(data)
    if settings.deviation_system_url:
        programme = dataclasses.replace(
            programme, deviation_system_url=settings.deviation_system_url
        )
    if "webchat" not in programme.channels:
        channels = {**programme.channels, "webchat": settings.programme_channel}
        programme = dataclasses.replace(programme, channels=channels)
    return programme


def import_programme(settings: Settings, data: dict[str, Any]) -> None:
    stores = open_stores(settings, SystemClock())
    try:
        stores.programme.save_programme(data)
    finally:
        stores.close()
