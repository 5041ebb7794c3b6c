"""Benchmark of the time side: 10 000 scheduled announcements.

Prints
- the time to reconcile at start (recover + catch-up sweep + 10 000 APScheduler jobs rebuilt
  from the database) against bare APScheduler adding the same 10 000 date jobs with no database;
- the memory the scheduler's jobs take (tracemalloc, during start);
- lateness p50/p99 when 1 000 of them fall due in the same second (within one minute), posted
  through the web chat notifier by the real APScheduler wiring, against bare posting of 1 000
  messages through the same notifier in a loop (the floor any scheduler could reach).

Run: .venv/bin/python bench/schedule.py [--items 10000] [--due 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app.build import build
from bot.config import Settings
from bot.domain.messages import Outbound, Target
from bot.ports.clock import SystemClock
from bot.ports.plan import CommsItem


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def bare_apscheduler(count: int) -> float:
    async def nothing() -> None:
        return None

    scheduler = AsyncIOScheduler(timezone="Europe/Stockholm")
    base = datetime.now(UTC) + timedelta(days=1)
    started = time.perf_counter()
    for index in range(count):
        scheduler.add_job(nothing, "date", run_date=base + timedelta(minutes=index), id=f"j{index}")
    scheduler.start()
    elapsed = time.perf_counter() - started
    scheduler.shutdown(wait=False)
    return elapsed


async def bare_posts(folder: Path, count: int) -> float:
    bot = build(Settings(db_path=folder / "bare.db"), clock=SystemClock())
    notifier = bot.webchat.notifier
    started = time.perf_counter()
    for index in range(count):
        await notifier.post(Target("webchat", channel="fvis-program"), Outbound(f"post {index}"))
    elapsed = time.perf_counter() - started
    bot.close()
    return elapsed


async def main(items: int, due: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="fvis-bench-"))
    bot = build(Settings(db_path=folder / "fvis.db"), clock=SystemClock())
    assert bot.time is not None
    store = bot.time.comms.store
    now = datetime.now(UTC)
    due_at = (now + timedelta(seconds=20)).replace(microsecond=0)
    with bot.stores.uow.atomic():
        for index in range(items):
            when = due_at if index < due else now + timedelta(days=2, minutes=index)
            store.add(
                CommsItem(
                    f"Meddelande {index}",
                    "Vi byter journalsystem i maj.",
                    ("all-staff",),
                    ("webchat",),
                    when,
                    "webchat:cecilia",
                    "Cecilia Holm",
                    status="approved",
                    last_editor="webchat:cecilia",
                    approved_by="webchat:karin",
                    created_at=now,
                    updated_at=now,
                )
            )
    scheduler = bot.time.scheduler
    tracemalloc.start()
    started = time.perf_counter()
    await scheduler.start()
    reconcile = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    jobs = len(scheduler.job_ids())

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        sent = bot.db.execute("SELECT COUNT(*) FROM deliveries WHERE status = 'sent'").fetchone()[0]
        if sent >= due:
            break
        await asyncio.sleep(0.2)
    rows = list(bot.db.query("SELECT due_at, sent_at FROM deliveries WHERE status = 'sent'"))
    lateness = [
        (datetime.fromisoformat(r["sent_at"]) - datetime.fromisoformat(r["due_at"])).total_seconds()
        for r in rows
    ]
    posts = bot.db.execute("SELECT COUNT(*) FROM webchat_inbox").fetchone()[0]
    await scheduler.stop()
    bot.close()

    bare_jobs = await bare_apscheduler(items)
    bare = await bare_posts(folder, due)

    print(f"items scheduled: {items}; due in the same second: {due}; APScheduler jobs: {jobs}")
    print(
        f"reconcile at start: {reconcile:.3f} s (bare APScheduler, same {items} jobs, "
        f"no database: {bare_jobs:.3f} s; ratio {reconcile / bare_jobs:.1f}x)"
    )
    print(f"memory during start (tracemalloc peak): {peak / 1e6:.1f} MB")
    print(
        f"posted {len(lateness)} of {due} (web chat inbox rows: {posts}); sweeps: {scheduler.sweeps}"
    )
    if lateness:
        p50, p99 = statistics.median(lateness), pct(lateness, 99)
        per_post = bare / due
        print(
            f"lateness min {min(lateness):.3f} s, p50 {p50:.3f} s, p99 {p99:.3f} s, "
            f"max {max(lateness):.3f} s"
        )
        print(
            f"bare web chat notifier, {due} posts in a loop: {bare:.3f} s "
            f"({per_post * 1000:.2f} ms/post); p99 lateness / bare loop time: {p99 / bare:.2f}x"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--due", type=int, default=1_000)
    args = parser.parse_args()
    asyncio.run(main(args.items, args.due))
