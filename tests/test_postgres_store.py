"""What only PostgreSQL does, or does for several replicas at once: Swedish stemming in search,
numbers that stay gap-free and unique when two replicas create at the same time, migrations
that run once when two replicas start together, and the whole bot on PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app.build import build
from bot.app.stores import Stores, stores_on_postgres
from bot.config import Settings
from bot.domain.model import Kind
from bot.ports.entries import EntryQuery
from storage.postgres.database import MIGRATION_SETS, PostgresDatabase, migrate, open_database
from tests.conftest import START, Chat, FakeClock
from tests.contract.conftest import entry
from tests.helpers import NEED
from tests.servers.postgres import PostgresServer


@pytest.fixture
def database(postgres_url: str) -> Iterator[PostgresDatabase]:
    db = open_database(postgres_url)
    yield db
    db.close()


def test_search_stems_swedish_and_folds_accents(database: PostgresDatabase) -> None:
    stores = stores_on_postgres(database, FakeClock())
    stores.entries.create(entry(title="Skrivaren på avdelning 5"))
    stores.entries.create(entry(title="Nya skrivare behövs"))
    stores.entries.create(entry(title="Läkemedelslistan"))

    def search(text: str) -> list[str]:
        return [e.ref for e in stores.entries.find(EntryQuery(text=text))[0]]

    assert search("skrivarna") == ["BEH-2", "BEH-1"]  # skrivare, skrivaren, skrivarna: one stem
    assert search("skrivare") == ["BEH-2", "BEH-1"]
    assert search("lakemedel") == ["BEH-3"]  # without ä, and a word's start
    assert search("och") == []  # a stop word alone matches nothing (and is no error)
    with database.connection() as conn:
        index = conn.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'entries_search'"
        ).fetchone()
    assert index is not None and "USING gin (search)" in index["indexdef"]


def test_two_replicas_creating_at_once_give_unique_gap_free_numbers(postgres_url: str) -> None:
    replicas = [open_database(postgres_url) for _ in range(2)]
    stores: list[Stores] = [stores_on_postgres(db, FakeClock()) for db in replicas]
    numbers: list[int] = []
    errors: list[BaseException] = []

    def create(store: Stores, offset: int) -> None:
        try:
            for n in range(25):
                made, created = store.entries.create(
                    entry(title=f"Behov {offset + n}"), dedupe_key=f"k{n % 20}:{offset}"
                )
                if created:
                    numbers.append(made.number or 0)
                store.entries.create(entry(Kind.RISK, "Risk"))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=create, args=(s, i * 100)) for i, s in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        assert sorted(numbers) == list(range(1, 41))  # 20 keys per replica: 40 needs, no gap
        risks, total = stores[0].entries.find(EntryQuery(kinds=[Kind.RISK], limit=100))
        assert total == 50 and sorted(r.number or 0 for r in risks) == list(range(1, 51))
    finally:
        for db in replicas:
            db.close()


def test_replicas_starting_together_migrate_once(postgres_server: PostgresServer) -> None:
    url = postgres_server.create_database()
    pools = [PostgresDatabase(url, max_size=1) for _ in range(3)]
    applied: list[list[str]] = []
    barrier = threading.Barrier(3)

    def start(db: PostgresDatabase) -> None:
        barrier.wait()
        applied.append(migrate(db))

    threads = [threading.Thread(target=start, args=(db,)) for db in pools]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        every = [name for migrations in MIGRATION_SETS for name in migrations.names]
        assert sorted(map(len, applied)) == [0, 0, len(every)]  # one ran them, two found none
        with pools[0].connection() as conn:
            recorded = conn.execute(
                "SELECT migration_set, name FROM _fvis_migrations ORDER BY applied_at"
            ).fetchall()
        assert [r["name"] for r in recorded] == every
        assert {r["migration_set"] for r in recorded} == {
            "fvis",
            "fvis-time",
            "fvis-teams",
            "fvis-governance",
            "fvis-webchat",
        }
    finally:
        for db in pools:
            db.close()
        postgres_server.drop_database(url.rsplit("/", 1)[1])


async def test_the_bot_runs_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    settings = Settings(database_url=postgres_url, files_dir=tmp_path / "files")
    bot = build(settings, clock=FakeClock(START))
    try:
        anna = Chat(bot, "anna")
        ref = await anna.log("need", NEED)
        assert ref == "BEH-1"
        bertil = Chat(bot, "bertil")
        await bertil.say("status BEH-1 pågår")
        await bertil.say("sök skrivare")
        assert "BEH-1" in bertil.text
        await anna.say("visa BEH-1")
        assert "Pågår" in anna.text or "pågår" in anna.text
    finally:
        bot.close()
