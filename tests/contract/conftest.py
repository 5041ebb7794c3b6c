"""The port contract suite: every test here runs against every storage backend, through the
same ports, so a new backend proves itself by passing them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from bot.app.stores import Stores, sqlite_stores
from bot.domain.model import Entry, Kind
from tests.conftest import FakeClock

BACKENDS = ["sqlite"]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def stores(backend: str, tmp_path: Path, clock: FakeClock) -> Iterator[Stores]:
    opened = sqlite_stores(tmp_path / "fvis.db", clock)
    yield opened
    opened.close()


def table_rows(stores: Stores, table: str) -> list[dict[str, Any]]:
    """A table as the backend holds it (for what no port reads back, such as the audit log)."""
    return list(stores.db.query(f"SELECT * FROM {table} ORDER BY 1"))


def moment(value: str | datetime) -> datetime:
    """A stored time as a datetime, whether the backend keeps text (SQLite) or timestamps."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def entry(kind: Kind = Kind.NEED, title: str = "Skrivare saknas", **values: Any) -> Entry:
    reporter = values.pop("reporter", "anna")
    return Entry(
        kind=kind,
        title=title,
        fields={"title": title, **values},
        reporter_platform="webchat",
        reporter_id=reporter,
        reporter_name=reporter.capitalize(),
    )
