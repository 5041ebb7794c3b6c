"""What only PostgreSQL does, or does for several replicas at once: Swedish stemming in search,
numbers that stay gap-free and unique when two replicas create at the same time, migrations
that run once when two replicas start together, and the whole bot on PostgreSQL."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.app.build import build
from bot.app.stores import Stores, stores_on_postgres
from bot.config import ConfigError, Settings
from bot.domain.messages import Target
from bot.domain.model import Kind
from bot.ports.delivery import Claim, target_key
from bot.ports.entries import EntryQuery
from integrations.teams.ratelimit import RateLimiter
from storage.postgres.database import MIGRATION_SETS, PostgresDatabase, migrate, open_database
from storage.postgres.entries import required_row as required
from storage.postgres.ratebudget import PostgresRateBudget
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
            "fvis-reports",
            "fvis-loops",
        }
    finally:
        for db in pools:
            db.close()
        postgres_server.drop_database(url.rsplit("/", 1)[1])


async def test_the_bot_runs_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    settings = Settings(
        database_url=postgres_url, files_dir=tmp_path / "files", installation_secret="s" * 32
    )
    with pytest.raises(ConfigError, match="FVIS_INSTALLATION_SECRET"):
        build(dataclasses.replace(settings, installation_secret=""))
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


def test_replicas_draw_send_slots_from_one_budget(postgres_url: str) -> None:
    """The Teams per-app budget: slots `interval` apart whichever replica takes them."""
    replicas = [open_database(postgres_url) for _ in range(2)]
    budgets = [PostgresRateBudget(db) for db in replicas]
    waits: list[float] = []
    try:
        with replicas[0].connection() as conn:
            started = required(conn.execute("SELECT clock_timestamp() AS t").fetchone())["t"]

        def take(budget: PostgresRateBudget) -> None:
            for _ in range(10):
                waits.append(budget.reserve("teams-app", 0.05))

        threads = [threading.Thread(target=take, args=(budget,)) for budget in budgets]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with replicas[0].connection() as conn:
            row = required(conn.execute("SELECT next_at FROM rate_budget").fetchone())
        # 20 slots 50 ms apart: the next free one is at least a second after the first call.
        assert (row["next_at"] - started).total_seconds() >= 20 * 0.05
        assert len(waits) == 20 and min(waits) == 0.0 and max(waits) > 0.5
    finally:
        for db in replicas:
            db.close()


async def test_a_limiter_with_a_shared_budget_waits_for_its_slot() -> None:
    slept: list[float] = []

    class Budget:
        def __init__(self) -> None:
            self.calls: list[tuple[str, float]] = []

        def reserve(self, name: str, interval: float) -> float:
            self.calls.append((name, interval))
            return 0.25 * (len(self.calls) - 1)

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    budget = Budget()
    limiter = RateLimiter(app_rate_per_second=30, shared=budget, sleep=sleep, clock=lambda: 0.0)
    await limiter.acquire("19:a")
    await limiter.acquire("19:b")
    assert budget.calls == [("teams-app", pytest.approx(1.2 / 30))] * 2
    assert slept == [0.25]  # the first slot was free, the second a quarter second off


def test_a_claim_another_replica_holds_open_is_skipped_not_waited_for(postgres_url: str) -> None:
    """A batch of web chat posts is claimed in one transaction: another replica reaching the same
    post meanwhile moves on at once (as SKIP LOCKED would), and finds the row once committed."""
    replicas = [open_database(postgres_url) for _ in range(2)]
    a, b = (stores_on_postgres(db, FakeClock()) for db in replicas)
    anna = Target("webchat", user_id="anna")

    def claim(stores: Stores, run_id: str) -> bool:
        return stores.deliveries.claim(
            job="remind:1", item="remind:1", target=anna, due_at=START, run_id=run_id, now=START
        )

    try:
        with ThreadPoolExecutor(max_workers=1) as other:
            with a.uow.atomic():
                assert claim(a, "run-a")
                assert other.submit(claim, b, "run-b").result(timeout=5) is False
                assert b.deliveries.get("remind:1", target_key(anna)) is None
                many = [Claim(f"remind:{n}", f"remind:{n}", anna, START) for n in (1, 2)]
                claimed = other.submit(
                    b.deliveries.claim_many, many, run_id="run-b", now=START
                ).result(timeout=5)
                assert claimed == {("remind:2", target_key(anna))}  # all at once, 1 passed over
            assert other.submit(claim, b, "run-b").result(timeout=5) is False
        row = b.deliveries.get("remind:1", target_key(anna))
        assert row is not None and (row.status, row.run_id) == ("claimed", "run-a")
    finally:
        for db in replicas:
            db.close()
