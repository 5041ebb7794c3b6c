"""The work that follows an acknowledgement: Slack wants the ack within 3 seconds and the
answer soon after (Bolt's "ack first, work later", which its lazy listeners also do). Run as
one task per request, a burst of work starves the acks that arrive meanwhile: every turn of
the loop runs every task that is ready. Here a few workers take the work in arrival order,
and a worker waits while requests are being acknowledged, unless its work has waited
MAX_DEFER_SECONDS already (so a steady stream of requests cannot starve the answers)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Iterator

log = logging.getLogger(__name__)

WORKERS = 2
MAX_DEFER_SECONDS = 30.0


class AfterAck:
    def __init__(self, *, workers: int = WORKERS, max_defer: float = MAX_DEFER_SECONDS) -> None:
        self._size = workers
        self._max_defer = max_defer
        self._queue: asyncio.Queue[tuple[float, Awaitable[None]]] = asyncio.Queue()
        self._workers: list[asyncio.Task[None]] = []
        self._receiving = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @contextlib.contextmanager
    def receiving(self) -> Iterator[None]:
        """Around a request until it is acknowledged: the workers hold back meanwhile."""
        self._receiving += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._receiving -= 1
            if not self._receiving:
                self._idle.set()

    def add(self, work: Awaitable[None]) -> None:
        if not self._workers:
            self._workers = [asyncio.ensure_future(self._work()) for _ in range(self._size)]
        self._queue.put_nowait((time.monotonic(), work))

    async def _work(self) -> None:
        while True:
            queued_at, work = await self._queue.get()
            try:
                remaining = self._max_defer - (time.monotonic() - queued_at)
                if remaining > 0 and not self._idle.is_set():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._idle.wait(), remaining)
                await work
            except Exception:
                # Never the payload in the log: it may hold what must not be stored.
                log.exception("Slack work after the acknowledgement failed")
            finally:
                self._queue.task_done()

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait until the work queued so far is done (shutdown; tests)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._queue.join(), timeout)

    async def close(self, timeout: float = 5.0) -> None:
        await self.drain(timeout)
        for worker in self._workers:
            worker.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        self._workers = []
        while not self._queue.empty():  # what did not finish in time is not left pending
            _, work = self._queue.get_nowait()
            if asyncio.iscoroutine(work):
                work.close()
            self._queue.task_done()
