"""Teams' rate limits for bots, kept before a request is made rather than learnt from 429s.

Per conversation: 7 a second, 8 in 2 seconds, 60 in 30 seconds, 1 800 an hour; per app across
the tenant: 30 a second (Microsoft's current documentation; configurable). Every window is a
sliding one. Waiting senders queue in arrival order: one lock per conversation, one for the app.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

CONVERSATION_LIMITS: tuple[tuple[int, float], ...] = (
    (7, 1.0),
    (8, 2.0),
    (60, 30.0),
    (1800, 3600.0),
)
# Requests leave here and reach Microsoft a little later, not always equally late: a margin
# on every window keeps two sends that were just far enough apart from arriving closer. Measured
# (bench/teams.py): most arrive within 20 ms of their slot, stragglers up to 150 ms under a burst.
MARGIN_SECONDS = 0.1
APP_MARGIN_SECONDS = 0.2
RETRY_STATUSES = frozenset({412, 429, 502, 504})


@dataclass(slots=True)
class _Window:
    limit: int
    period: float
    sent: deque[float] = field(default_factory=deque)

    def wait(self, now: float) -> float:
        while self.sent and now - self.sent[0] >= self.period:
            self.sent.popleft()
        if len(self.sent) < self.limit:
            return 0.0
        return self.sent[0] + self.period - now


class RateLimiter:
    """`await limiter.acquire(conversation)` returns when one more request may go out."""

    def __init__(
        self,
        *,
        app_rate_per_second: float = 30.0,
        conversation_limits: tuple[tuple[int, float], ...] = CONVERSATION_LIMITS,
        margin: float = MARGIN_SECONDS,
        app_margin: float = APP_MARGIN_SECONDS,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._conversation_limits = tuple((n, p + margin) for n, p in conversation_limits)
        # A fractional rate (0.5 a second) becomes one request per 2 seconds.
        per, period = (
            (round(app_rate_per_second), 1.0)
            if app_rate_per_second >= 1
            else (1, 1.0 / app_rate_per_second)
        )
        self._app = [_Window(per, period + app_margin)]
        self._conversations: dict[str, list[_Window]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._app_lock = asyncio.Lock()
        self._clock = clock or (lambda: asyncio.get_running_loop().time())
        self._sleep = sleep

    @staticmethod
    def _wait(windows: list[_Window], now: float) -> float:
        return max((w.wait(now) for w in windows), default=0.0)

    async def acquire(self, conversation: str) -> None:
        windows = self._conversations.get(conversation)
        if windows is None:
            windows = [_Window(n, p) for n, p in self._conversation_limits]
            self._conversations[conversation] = windows
        lock = self._locks.setdefault(conversation, asyncio.Lock())
        async with lock:
            while (delay := self._wait(windows, self._clock())) > 0:
                await self._sleep(delay)
            # Holding the conversation's lock, nobody else can use its windows meanwhile.
            async with self._app_lock:
                while (delay := self._wait(self._app, self._clock())) > 0:
                    await self._sleep(delay)
                now = self._clock()
                for window in (*windows, *self._app):
                    window.sent.append(now)


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
    send: Callable[[Callable[[], Awaitable[None]]], Awaitable[T]],
    *,
    status_of: Callable[[BaseException], tuple[int, float | None] | None],
    policy: RetryPolicy = DEFAULT_RETRY,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Send within the limits; on 429/412/502/504 wait (Retry-After, else exponential backoff
    with full jitter) and try again, each try taking a slot of its own.

    `send(slot)` must await `slot()` right before its HTTP request: whatever it does first
    (a token, a connection) then does not stand between the slot and the request's arrival.
    `status_of` tells the HTTP status and Retry-After of an error, or None for errors that are
    not HTTP answers (those are raised at once).
    """

    async def slot() -> None:
        await limiter.acquire(conversation)

    for attempt in range(1, policy.attempts + 1):
        try:
            return await send(slot)
        except Exception as error:
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
    raise AssertionError("unreachable")  # pragma: no cover
