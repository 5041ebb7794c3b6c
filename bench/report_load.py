"""Chat latency while registers are made: does a report hold up everyone else's answers?

A chat message (`visa BEH-1`, a read and a reply) is due every 20 ms through the engine, and
its time from due to answered measured (an open loop: a stalled event loop delays every message
due meanwhile): first with nothing else going on, then while `rapport register
behov` over 5 000 needs is made again and again through the same engine (read, build, render
to .docx, file kept), as a busy programme office would. The run is repeated with the report
read and built on the event loop itself (how it was before reports moved to their worker
thread) for the comparison. Goal: p99 under load within 1.5 × the p99 without.

Run: .venv/bin/python bench/report_load.py [--entries 5000] [--seconds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.word import FixedClock, fill
from bot.app.build import Bot, build
from bot.config import Settings
from bot.domain.messages import Incoming
from bot.domain.model import Kind
from bot.reports.service import ReportService


def incoming(user: str, text: str) -> Incoming:
    return Incoming(
        platform="webchat",
        user_id=user,
        user_name=user,
        conversation_id=f"dm:{user}",
        text=text,
        locale="sv",
    )


async def chat_latencies(bot: Bot, seconds: float, gap: float = 0.02) -> list[float]:
    """Messages arrive on a schedule, as people write, whether or not the bot has answered the
    one before (an open loop): a stalled event loop delays every message due meanwhile."""
    times: list[float] = []

    async def one(due: float) -> None:
        replies = await bot.engine.handle(incoming("bertil", "visa BEH-1"))
        times.append(time.perf_counter() - due)
        assert replies and "BEH-1" in replies[0].text

    tasks = []
    start = time.perf_counter()
    for index in range(int(seconds / gap)):
        due = start + index * gap
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        tasks.append(asyncio.create_task(one(due)))
    await asyncio.gather(*tasks)
    return times


async def reports_forever(bot: Bot, stop: asyncio.Event, made: list[float]) -> None:
    while not stop.is_set():
        start = time.perf_counter()
        replies = await bot.engine.handle(incoming("david", "rapport register behov"))
        assert replies[-1].file is not None, replies[-1].text
        made.append(time.perf_counter() - start)


def quantiles(values: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(values, n=100)
    return cuts[49] * 1000, cuts[98] * 1000


async def measure(bot: Bot, seconds: float) -> dict[str, Any]:
    quiet = await chat_latencies(bot, seconds / 2)
    stop = asyncio.Event()
    made: list[float] = []
    load = asyncio.create_task(reports_forever(bot, stop, made))
    await asyncio.sleep(0.5)
    busy = await chat_latencies(bot, seconds)
    stop.set()
    await load
    return {"quiet": quantiles(quiet), "busy": quantiles(busy), "reports": made}


def on_the_loop(service: ReportService) -> None:
    """The way it was: the report read and built on the event loop, only rendering in a thread."""

    async def run_async(person: Any, job: Any, *, registration_number: str = "") -> Any:
        return service.run(person, job, registration_number=registration_number)

    service.run_async = run_async  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5_000)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for mode in ("on the event loop (before)", "in the reports' worker (now)"):
            bot = build(Settings(db_path=Path(folder) / f"{len(results)}.db"), clock=FixedClock())
            try:
                fill(bot, args.entries, [Kind.NEED], days=365)
                assert bot.reports is not None
                if "before" in mode:
                    on_the_loop(bot.reports)
                results[mode] = asyncio.run(measure(bot, args.seconds))
            finally:
                bot.close()
    print(f"Chat answers (visa BEH-1) while registers of {args.entries} needs are made:")
    for mode, result in results.items():
        quiet, busy = result["quiet"], result["busy"]
        ratio = busy[1] / quiet[1]
        made = result["reports"]
        print(
            f"  {mode:<30} quiet p50 {quiet[0]:6.1f} ms p99 {quiet[1]:6.1f} ms | "
            f"under load p50 {busy[0]:6.1f} ms p99 {busy[1]:7.1f} ms = {ratio:4.1f} × quiet p99 "
            f"(goal ≤ 1.5 ×: {'met' if ratio <= 1.5 else 'NOT met'}); "
            f"{len(made)} registers, {statistics.mean(made):.1f} s each"
        )


if __name__ == "__main__":
    main()
