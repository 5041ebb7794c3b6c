"""The port contract suite: every test here runs against every storage backend, through the
same ports, so a new backend proves itself by passing them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from bot.app.stores import Stores, sqlite_stores, stores_on_postgres
from bot.domain.model import Entry, Kind
from storage.postgres.database import PostgresDatabase
from storage.postgres.database import open_database as open_postgres
from tests.conftest import FakeClock
from tests.servers.postgres import PostgresServer

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def contract_database(postgres_server: PostgresServer) -> Iterator[PostgresDatabase]:
    """One migrated database for the session, emptied before each test (far cheaper than a
    CREATE DATABASE per test)."""
    db = open_postgres(postgres_server.create_database())
    try:
        yield db
    finally:
        db.close()


def _empty(db: PostgresDatabase) -> None:
    with db.connection() as conn:
        tables = [
            row["tablename"]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> '_fvis_migrations'"
            )
        ]
        # DELETE, not TRUNCATE: on tables this small it is many times faster (no new files).
        with conn.transaction():
            for table in sorted(tables, key=lambda name: name == "entries"):
                conn.execute(f"DELETE FROM {table}")


@pytest.fixture
def stores(
    backend: str, tmp_path: Path, clock: FakeClock, request: pytest.FixtureRequest
) -> Iterator[Stores]:
    if backend == "sqlite":
        opened = sqlite_stores(tmp_path / "fvis.db", clock)
        yield opened
        opened.close()
        return
    db: PostgresDatabase = request.getfixturevalue("contract_database")
    _empty(db)
    yield stores_on_postgres(db, clock)


def table_rows(stores: Stores, table: str) -> list[dict[str, Any]]:
    """A table as the backend holds it (for what no port reads back, such as the audit log)."""
    if isinstance(stores.db, PostgresDatabase):
        with stores.db.connection() as conn:
            return conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
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
