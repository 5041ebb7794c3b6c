"""Teams' rate limits for bots, kept before a request is made rather than learnt from 429s.

Per conversation: 7 a second, 8 in 2 seconds, 60 in 30 seconds, 1 800 an hour; per app across
the tenant Microsoft's "rate limiting in Teams" page gives 50 a second, of which we take
TEAMS_APP_RATE_PER_SECOND (30 by default: replicas and roster fetches share the 50). Every window
is a sliding one. Waiting senders queue in arrival order: one lock per conversation, one for the app.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

CONVERSATION_LIMITS: tuple[tuple[int, float], ...] = (
    (7, 1.0),
    (8, 2.0),
    (60, 30.0),
    (1800, 3600.0),
)
# A request reaches Microsoft some time after it leaves here, and not always equally late: two
# sends just far enough apart can arrive closer. So a window counts each request from when its
# answer came back (it had arrived by then) rather than from when it left; a request still in
# flight holds its place. The margin covers only the clocks' granularity.
MARGIN_SECONDS = 0.01
APP_MARGIN_SECONDS = 0.01
SHARED_MARGIN_SECONDS = 0.2
RETRY_STATUSES = frozenset({412, 429, 502, 504})


@dataclass(slots=True, eq=False)
class Ticket:
    """One request's place in its windows: in flight until `done` (the time it was answered)."""

    done: float | None = None


APP_BUDGET = "teams-app"


class SharedBudget(Protocol):
    """A send budget every replica draws from (the per-app limit is per app, not per process)."""

    def reserve(self, name: str, interval: float) -> float:
        """Take the next slot of `name`, slots `interval` seconds apart; seconds until it."""


@dataclass(slots=True)
class _Window:
    limit: int
    period: float
    sent: list[Ticket] = field(default_factory=list)

    def wait(self, now: float) -> float | None:
        """0 when one more may go now; else seconds until a place frees, or None when every
        place is held by a request in flight (wait for one to be answered)."""
        self.sent = [t for t in self.sent if t.done is None or now - t.done < self.period]
        if len(self.sent) < self.limit:
            return 0.0
        frees = [t.done + self.period - now for t in self.sent if t.done is not None]
        return min(frees) if frees else None


class RateLimiter:
    """`ticket = await limiter.acquire(conversation)` returns when one more request may go out;
    `limiter.release(ticket)` when it has been answered (or failed)."""

    def __init__(
        self,
        *,
        app_rate_per_second: float = 30.0,
        conversation_limits: tuple[tuple[int, float], ...] = CONVERSATION_LIMITS,
        margin: float = MARGIN_SECONDS,
        app_margin: float = APP_MARGIN_SECONDS,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        shared: SharedBudget | None = None,
    ) -> None:
        self._conversation_limits = tuple((n, p + margin) for n, p in conversation_limits)
        # A fractional rate (0.5 a second) becomes one request per 2 seconds.
        per, period = (
            (round(app_rate_per_second), 1.0)
            if app_rate_per_second >= 1
            else (1, 1.0 / app_rate_per_second)
        )
        self._app = [_Window(per, period + app_margin)]
        # With replicas, the app's slots come from the shared budget, evenly spaced by the time
        # they leave (a replica cannot see another's answers): the margin covers requests that
        # arrive later than others (up to 150 ms in a burst, bench/teams.py).
        self._shared = shared
        self._slot = (period + SHARED_MARGIN_SECONDS) / per
        self._conversations: dict[str, list[_Window]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._app_lock = asyncio.Lock()
        self._clock = clock or (lambda: asyncio.get_running_loop().time())
        self._sleep = sleep
        self._answered = asyncio.Event()

    async def _until_free(self, windows: list[_Window]) -> None:
        while True:
            waits = [w.wait(self._clock()) for w in windows]
            timed = [wait for wait in waits if wait is not None]
            if len(timed) == len(waits):
                if max(timed) <= 0.0:
                    return
                await self._sleep(max(timed))  # every full window frees at a known time
                continue
            # A window full of requests in flight: the next answer may free it.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._answered.wait(), max(timed) if timed else None)

    async def acquire(self, conversation: str) -> Ticket:
        windows = self._conversations.get(conversation)
        if windows is None:
            windows = [_Window(n, p) for n, p in self._conversation_limits]
            self._conversations[conversation] = windows
        lock = self._locks.setdefault(conversation, asyncio.Lock())
        async with lock:
            await self._until_free(windows)
            # Holding the conversation's lock, nobody else can use its windows meanwhile.
            async with self._app_lock:
                if self._shared is not None:
                    # A sync call of about a millisecond; the slot is this replica's once taken.
                    if (delay := self._shared.reserve(APP_BUDGET, self._slot)) > 0:
                        await self._sleep(delay)
                else:
                    await self._until_free(self._app)
                ticket = Ticket()
                for window in (*windows, *self._app):
                    window.sent.append(ticket)
                return ticket

    def release(self, ticket: Ticket) -> None:
        """The request was answered: its place frees one period from now."""
        if ticket.done is None:
            ticket.done = self._clock()
            answered, self._answered = self._answered, asyncio.Event()
            answered.set()


# `answered = await slot()` right before the request; `answered()` as soon as its answer is in.
Slot = Callable[[], Awaitable[Callable[[], None]]]


class SendFailed(Exception):
    """A send that failed for good: the last status (0 without one) and why."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 6
    base_delay: float = 1.0
    max_delay: float = 60.0


DEFAULT_RETRY = RetryPolicy()


async def send_with_limits(
    limiter: RateLimiter,
    conversation: str,
    send: Callable[[Slot], Awaitable[T]],
    *,
    status_of: Callable[[BaseException], tuple[int, float | None] | None],
    policy: RetryPolicy = DEFAULT_RETRY,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Send within the limits; on 429/412/502/504 wait (Retry-After, else exponential backoff
    with full jitter) and try again, each try taking a slot of its own.

    `send(slot)` must await `slot()` right before its HTTP request (whatever it does first, a
    token or a connection, then does not stand between the slot and the request's arrival) and
    call what it returned as soon as the answer is in (the request's place counts from then).
    `status_of` tells the HTTP status and Retry-After of an error, or None for errors that are
    not HTTP answers (those are raised at once).
    """

    for attempt in range(1, policy.attempts + 1):
        tickets: list[Ticket] = []

        async def slot(tickets: list[Ticket] = tickets) -> Callable[[], None]:
            ticket = await limiter.acquire(conversation)
            tickets.append(ticket)
            return lambda: limiter.release(ticket)

        try:
            return await send(slot)
        except Exception as error:
            for ticket in tickets:
                limiter.release(ticket)  # answered, if with an error: before any backoff
            answer = status_of(error)
            if answer is None:
                raise
            status, retry_after = answer
            if status not in RETRY_STATUSES:
                raise SendFailed(status, f"HTTP {status}") from error
            if attempt == policy.attempts:
                raise SendFailed(
                    status, f"HTTP {status} after {policy.attempts} attempts"
                ) from error
            backoff = min(policy.max_delay, policy.base_delay * 2 ** (attempt - 1))
            delay = random.uniform(0, backoff)  # full jitter spreads the retries of a burst
            if retry_after is not None:
                delay = max(delay, min(retry_after, policy.max_delay))
            log.info("Teams answered %s; retrying in %.2f s", status, delay)
            await sleep(delay)
        finally:
            for ticket in tickets:
                limiter.release(ticket)
    raise AssertionError("unreachable")  # pragma: no cover
