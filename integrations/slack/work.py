"""The work that follows an acknowledgement: Slack wants the ack within 3 seconds and the
answer soon after (Bolt's "ack first, work later", which its lazy listeners also do). Run as
one task per request, a burst of work starves the acks that arrive meanwhile: every turn of
the loop runs every task that is ready. Here a few workers take the work in arrival order,
and a worker waits while requests are being acknowledged and until none has come for
QUIET_SECONDS (in a burst the gaps between requests are far shorter: a piece of work started
in one would hold up the acks behind it), unless its work has waited MAX_DEFER_SECONDS already
(so a steady stream of requests cannot starve the answers)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Iterator

log = logging.getLogger(__name__)

WORKERS = 2
MAX_DEFER_SECONDS = 30.0
QUIET_SECONDS = 0.02


class AfterAck:
    def __init__(
        self,
        *,
        workers: int = WORKERS,
        max_defer: float = MAX_DEFER_SECONDS,
        quiet: float = QUIET_SECONDS,
    ) -> None:
        self._size = workers
        self._max_defer = max_defer
        self._quiet = quiet
        self._last_ack = 0.0
        self._gate = asyncio.Lock()
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
            self._last_ack = time.monotonic()
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
                # One worker at a time waits for the quiet (a lock hands out in arrival
                # order): the work starts in the order it came.
                async with self._gate:
                    await self._until_quiet(queued_at + self._max_defer)
                await work
            except Exception:
                # Never the payload in the log: it may hold what must not be stored.
                log.exception("Slack work after the acknowledgement failed")
            finally:
                self._queue.task_done()

    async def _until_quiet(self, deadline: float) -> None:
        """Until no request is being acknowledged and none came for `quiet` s, or `deadline`."""
        while (now := time.monotonic()) < deadline:
            if not self._idle.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._idle.wait(), deadline - now)
                continue
            still = self._last_ack + self._quiet - now
            if still <= 0:
                return
            await asyncio.sleep(min(still, deadline - now))

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
