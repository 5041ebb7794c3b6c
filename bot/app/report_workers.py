"""Reports made in worker processes, beside the running bot.

Making a register of thousands of entries is Python work from start to end (reading rows,
building the table, python-docx and lxml, XlsxWriter). In a thread it holds the interpreter lock
that the chat's event loop needs, and chat answers wait (bench/report_load.py: p99 from 8 ms
to 170 ms with registers of 5 000 needs made in a thread). A process has an interpreter of its
own. Each worker opens the storage and the renderers once, at its start. It also records the
report's edition and writes its audit, through its own connection: a commit waits for the disk
(tens of milliseconds on a busy machine), and made on the event loop it held up every chat
answer due meanwhile. The bot's process keeps the file (from a thread: fsync).

Workers run at a lower priority than the bot (niceness +10, `NICENESS`): where the machine's
cores are all busy, the kernel gives the chat's event loop the processor first when a message
arrives. A register may take a little longer then; a chat answer must not. Measured with
bench/report_load.py's load and another program busy on the machine, from the thread's
schedstat: while registers were made, the event loop's thread waited for a processor
94-102 ms a second at the bot's own priority and 23-31 ms at +10; +19, SCHED_IDLE and
SCHED_BATCH did no better than +10, and SCHED_IDLE would leave reports no processor at all
on a machine kept busy by other programs.

Processes are started with "spawn" (a fresh interpreter), never "fork": the bot's process has
threads (the event loop's executors, the database's), and a forked child inherits their locks.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.app.stores import Stores, open_stores
from bot.app.time import plan_source
from bot.config import Settings
from bot.ports.reports import BudgetSource
from bot.reports.context import working_alone
from bot.reports.making import Made, Order, WorkersDown, make_file, record_edition, write_audit
from integrations.excel import ExcelRegisterRenderer
from integrations.word import WordReportRenderer
from storage.budget_file import CsvBudgetSource

log = logging.getLogger(__name__)

MOST = 4  # more processes than this only compete for the database and the disk
# Added to the workers' niceness (Unix; 0 is the default, 19 the lowest priority): a worker gets
# about a tenth of a core's share against a process of the bot's priority, when both want it.
NICENESS = 10


def process_count(settings: Settings) -> int:
    """How many report processes: as configured, else one fewer than the cores (1–4), so the
    bot's own process keeps a core for the chat (on 2 cores: one; a second would take that
    core whenever two reports are made at once)."""
    if settings.report_processes is not None:
        return settings.report_processes
    return max(1, min(MOST, (os.cpu_count() or 2) - 1))


def report_workers(settings: Settings) -> ProcessReportWorkers | None:
    """Worker processes for the running bot; None where a process cannot share the database
    (a private in-memory one) or none are wanted (FVIS_REPORT_PROCESSES=0)."""
    count = process_count(settings)
    if count <= 0 or (not settings.database_url and str(settings.db_path) == ":memory:"):
        return None
    # The workers open the same file wherever they start.
    settings = dataclasses.replace(settings, db_path=Path(settings.db_path).resolve())
    return ProcessReportWorkers(settings, count)


class ProcessReportWorkers:
    """Implements the core's ReportWorkers with a pool of spawned processes."""

    def __init__(self, settings: Settings, processes: int) -> None:
        self._settings = settings
        self.processes = processes
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=self.processes,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start,
                    initargs=(self._settings,),
                )
            return self._pool

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)

    async def make(self, order: Order) -> Made:
        loop = asyncio.get_running_loop()
        for attempt in (1, 2):
            pool = self._executor()
            try:
                return await loop.run_in_executor(pool, _make, order)
            except BrokenProcessPool as error:
                # A worker died (killed, out of memory) or could not start: a fresh pool once.
                log.warning("report worker stopped (attempt %d): %s", attempt, error)
                self._discard(pool)
        raise WorkersDown("report worker processes keep stopping")

    def warm(self) -> None:
        pool = self._executor()
        for _ in range(self.processes):
            pool.submit(_ready)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            # A report being made is finished (seconds at most); those waiting are dropped.
            pool.shutdown(wait=True, cancel_futures=True)


# -- inside a worker process ------------------------------------------------------------------


class _OrderClock:
    """The moment of the order being made: the rows a worker writes (the edition, the audit)
    are dated as the bot dated the order, as they were when the bot wrote them itself."""

    def __init__(self) -> None:
        self.moment: datetime | None = None

    def now(self) -> datetime:
        return self.moment if self.moment is not None else datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class _World:
    clock: _OrderClock
    stores: Stores
    renderer: WordReportRenderer
    workbooks: ExcelRegisterRenderer
    budget: BudgetSource | None


_world: _World | None = None


def _start(settings: Settings) -> None:
    # Ctrl-C reaches the whole process group; the bot stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _give_way()
    working_alone()
    global _world
    clock = _OrderClock()
    _world = _World(
        clock=clock,
        stores=open_stores(settings, clock),
        renderer=WordReportRenderer(template=settings.word_template),
        workbooks=ExcelRegisterRenderer(),
        budget=CsvBudgetSource(settings.budget_file) if settings.budget_file else None,
    )


def _give_way() -> None:
    """Lower this process's priority below the bot's (see the module's docstring)."""
    try:
        os.nice(NICENESS)
    except (AttributeError, OSError) as error:  # no os.nice (Windows), or refused
        log.warning("report worker keeps the bot's priority: %s", error)


def _ready() -> int:
    return os.getpid()


def _make(order: Order) -> Made:
    world = _world
    if world is None:
        raise RuntimeError("report worker not started")
    world.clock.moment = order.now
    stores = world.stores
    edition, number = record_edition(stores.report_editions, order.edition, order.configured_number)
    context = order.context(
        store=stores.reports,
        plan=plan_source(stores, order.programme),
        inputs=stores.status_inputs,
        budget=world.budget,
        edition=edition,
        registration_number=number,
    )
    made = make_file(context, order.build, order.locale, world.renderer, world.workbooks)
    write_audit(stores.uow, stores.audit, order.edition.made_by, made.audit)
    return dataclasses.replace(made, audit=())
