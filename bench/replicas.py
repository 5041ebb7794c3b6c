"""Replicas on PostgreSQL against one process on SQLite, on this machine, in one run.

    .venv/bin/python bench/replicas.py [--entries 300] [--clients 8] [--due 1000] [--search 100000]

Starts a throwaway PostgreSQL cluster (Debian's `postgresql`, as the tests do) and `fvis-bot run`
processes, and prints one table:

- intake: entries per second and chat p50/p99 (one web chat request, form submitted → number),
  `--clients` people at once, on SQLite (one process), PostgreSQL with one replica, and two
  replicas behind a round-robin client;
- the scheduler: `--due` announcement posts due in the same minute, two replicas on PostgreSQL
  (and one process on SQLite): lateness p50/p99 from due time to sent, duplicates, missed;
- search at `--search` entries on PostgreSQL (Swedish stemming, GIN): p50/p99 of 200 searches.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app.stores import Stores, postgres_stores, sqlite_stores  # noqa: E402
from bot.ports.clock import SystemClock  # noqa: E402
from bot.ports.entries import EntryQuery  # noqa: E402
from bot.ports.plan import CommsItem  # noqa: E402
from tests.servers._process import ServerProcess, free_port  # noqa: E402
from tests.servers.postgres import PostgresServer  # noqa: E402

NEED = {
    "title": "Skrivare saknas",
    "description": "Ingen skrivare i korridoren",
    "unit": "Avdelning 5",
    "benefit": "2",
    "priority": "high",
}
PEOPLE = ("anna", "omar", "cecilia", "karin", "eva", "bertil", "david")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else 0.0


@contextmanager
def replicas(count: int, env: dict[str, str], folder: Path) -> Iterator[list[str]]:
    started: list[ServerProcess] = []
    bases = []
    try:
        for n in range(count):
            port = free_port()
            run_env = {k: v for k, v in os.environ.items() if not k.startswith("FVIS_")}
            run_env.update(env, PYTHONPATH=str(ROOT), FVIS_PORT=str(port), FVIS_LOG_LEVEL="WARNING")
            run_env["FVIS_INSTALLATION_SECRET"] = "b" * 64
            run_env.setdefault("FVIS_DB_PATH", str(folder / f"r{n}.db"))
            run_env["FVIS_FILES_DIR"] = str(folder / "files")
            process = ServerProcess(
                f"replica-{n}", [sys.executable, "-m", "bot", "run"], cwd=ROOT, env=run_env
            )
            started.append(process)
            process.wait_for_line("FVIS-boten är igång", timeout=180)
            bases.append(f"http://127.0.0.1:{port}")
        yield bases
    finally:
        for process in started:
            process.stop()


async def intake(bases: list[str], entries: int, clients: int) -> tuple[float, float, float]:
    """(entries a second, p50 ms, p99 ms) of the request that submits the form."""
    latencies: list[float] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(entries):
        queue.put_nowait(n)

    async def client(index: int, session: aiohttp.ClientSession) -> None:
        user = PEOPLE[index % len(PEOPLE)]
        while True:
            try:
                n = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            base = bases[n % len(bases)]  # round robin, as a load balancer would
            url = f"{base}/api/webchat/messages"
            async with session.post(
                url, json={"user": user, "action": {"id": "intake:form", "value": "need"}}
            ) as r:
                form = next(x["form"] for x in (await r.json())["replies"] if x.get("form"))
            started = time.perf_counter()
            async with session.post(
                url, json={"user": user, "form": {"id": form["id"], "values": NEED}}
            ) as r:
                text = " ".join(x["text"] for x in (await r.json())["replies"])
            latencies.append((time.perf_counter() - started) * 1000)
            assert "BEH-" in text, text

    started = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(client(i, session) for i in range(clients)))
    elapsed = time.perf_counter() - started
    return entries / elapsed, pct(latencies, 50), pct(latencies, 99)


def add_due(stores: Stores, due: datetime, count: int) -> None:
    with stores.uow.atomic():
        for n in range(count):
            stores.comms.add(
                CommsItem(
                    f"Nyhet {n}", f"Nyhetsbrev {n}", ("all-staff",), ("webchat",), due,
                    "webchat:cecilia", "Cecilia", status="approved", approved_by="webchat:david",
                    created_at=due, updated_at=due,
                )
            )  # fmt: skip


def scheduler(
    stores: Stores, count: int, started_at: datetime, due: datetime
) -> tuple[float, float, int, int]:
    """Wait until every item is settled; (p50 s, p99 s, duplicates, missed)."""
    deadline = time.monotonic() + 600
    items = [f"comms:{n}" for n in range(1, count + 1)]
    while time.monotonic() < deadline:
        rows = stores.deliveries.for_items(items)
        if all(rows[i] and rows[i][0].status != "claimed" for i in items):
            break
        time.sleep(1)
    rows = stores.deliveries.for_items(items)
    late = [(r[0].sent_at - due).total_seconds() for r in rows.values() if r and r[0].sent_at]
    missed = sum(1 for r in rows.values() if not r or r[0].status != "sent")
    posted = stores.inbox.after(user="", seq=0, limit=count * 10)
    bodies = Counter(m["text"].rsplit("\n", 1)[-1] for m in posted)  # the body: "Nyhetsbrev N"
    duplicates = sum(n - 1 for n in bodies.values() if n > 1)
    return pct(late, 50), pct(late, 99), duplicates, missed


def schedule_run(
    env: dict[str, str], stores: Stores, count: int, replica_count: int, folder: Path
) -> tuple[float, float, int, int]:
    due = (datetime.now(UTC) + timedelta(seconds=90)).replace(microsecond=0)
    add_due(stores, due, count)  # known to every replica at start: each has the timers
    with replicas(replica_count, env, folder):
        wait = (due - datetime.now(UTC)).total_seconds()
        if wait < 5:
            print(f"  (replicas took long to start: items due {wait:.0f} s after)", flush=True)
        return scheduler(stores, count, datetime.now(UTC), due)


def search(stores: Stores, count: int) -> tuple[float, float, float]:
    """(seconds to load, p50 ms, p99 ms)."""
    db = stores.db
    words = ["skrivare", "journal", "läkemedel", "inloggning", "remiss", "avdelning", "väntetid"]
    started = time.perf_counter()
    with db.connection() as conn, conn.cursor() as cursor:
        with cursor.copy(
            "COPY entries (kind, number, status, title, search_text, created_at, updated_at) FROM STDIN"
        ) as copy:
            now = datetime.now(UTC)
            for n in range(count):
                word = words[n % len(words)]
                copy.write_row(
                    (
                        "need",
                        n + 1,
                        "new",
                        f"{word.capitalize()}en på avdelning {n % 40}",
                        f"BEH-{n + 1}\nBeskrivning {n} om {word}",
                        now,
                        now,
                    )
                )
        conn.execute("ANALYZE entries")
    loaded = time.perf_counter() - started
    times = []
    for n in range(200):
        started = time.perf_counter()
        stores.entries.find(
            EntryQuery(text=["skrivarna", "journalen avdelning", "läkemedel", "remisser 7"][n % 4])
        )
        times.append((time.perf_counter() - started) * 1000)
    return loaded, pct(times, 50), pct(times, 99)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=300)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--due", type=int, default=1000)
    parser.add_argument("--search", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fvis-bench-replicas-"))
    rows: list[tuple[str, str]] = []
    with PostgresServer() as server:
        for label, count in (
            ("SQLite, 1 process", 1),
            ("PostgreSQL, 1 replica", 1),
            ("PostgreSQL, 2 replicas", 2),
        ):
            env = {"FVIS_DB_PATH": str(folder / f"{label[:6]}{count}.db")}
            if label.startswith("PostgreSQL"):
                env["FVIS_DATABASE_URL"] = server.create_database()
            with replicas(count, env, folder) as bases:
                rate, p50, p99 = await intake(bases, args.entries, args.clients)
            rows.append(
                (
                    f"intake, {label}",
                    f"{rate:.1f} entries/s, chat p50 {p50:.0f} ms, p99 {p99:.0f} ms",
                )
            )
            print(rows[-1], flush=True)
        for label, count in (("SQLite, 1 process", 1), ("PostgreSQL, 2 replicas", 2)):
            env = {"FVIS_DB_PATH": str(folder / f"sched{count}.db")}
            if label.startswith("PostgreSQL"):
                env["FVIS_DATABASE_URL"] = url = server.create_database()
                stores = postgres_stores(url, SystemClock())
            else:
                stores = sqlite_stores(env["FVIS_DB_PATH"], SystemClock())
            try:
                p50, p99, dup, missed = schedule_run(env, stores, args.due, count, folder)
            finally:
                stores.close()
            rows.append(
                (
                    f"scheduler, {args.due} due, {label}",
                    f"lateness p50 {p50:.2f} s, p99 {p99:.2f} s, {dup} duplicates, {missed} missed",
                )
            )
            print(rows[-1], flush=True)
        stores = postgres_stores(server.create_database(), SystemClock())
        try:
            loaded, p50, p99 = search(stores, args.search)
        finally:
            stores.close()
        rows.append(
            (
                f"search, {args.search} entries, PostgreSQL",
                f"p50 {p50:.1f} ms, p99 {p99:.1f} ms (loaded in {loaded:.0f} s)",
            )
        )
    print()
    print(f"| measured ({os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}) | result |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    asyncio.run(main())
