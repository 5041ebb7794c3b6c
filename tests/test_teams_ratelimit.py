"""The rate limiter on a clock of its own: every window kept, and no waiting beyond what the
windows demand."""

from __future__ import annotations

import asyncio

import pytest

from integrations.teams.ratelimit import RateLimiter, RetryPolicy, SendFailed, send_with_limits


class Time:
    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        await asyncio.sleep(0)


def _limiter(time: Time, **kwargs: float) -> RateLimiter:
    return RateLimiter(clock=time.clock, sleep=time.sleep, margin=0.0, app_margin=0.0, **kwargs)


def _most_in(times: list[float], period: float) -> int:
    return max(sum(1 for u in times if t <= u < t + period) for t in times)


async def test_one_conversation_keeps_every_window_and_waits_no_longer() -> None:
    time = Time()
    limiter = _limiter(time)
    sent = []
    for _ in range(70):
        limiter.release(await limiter.acquire("a:1"))  # answered at once
        sent.append(time.now)
    assert _most_in(sent, 1.0) <= 7 and _most_in(sent, 2.0) <= 8 and _most_in(sent, 30.0) <= 60
    assert sent[:7] == [0.0] * 7
    assert sent[7] == pytest.approx(1.0)  # the 8th as soon as the first second is over
    assert sent[8] == pytest.approx(2.0)  # the 9th when 8-in-2-seconds allows
    assert sent[60] == pytest.approx(30.0)  # the 61st waits for the 30-second window


async def test_the_app_limit_holds_across_conversations() -> None:
    time = Time()
    limiter = _limiter(time, app_rate_per_second=30)
    sent: list[float] = []

    async def one(conversation: str) -> None:
        limiter.release(await limiter.acquire(conversation))
        sent.append(time.now)

    await asyncio.gather(*(one(f"c{i}") for i in range(95)))
    assert _most_in(sent, 1.0) <= 30
    assert max(sent) == pytest.approx(3.0)  # 95 = 30 + 30 + 30 + 5: four seconds' worth


async def test_retries_take_a_slot_each_and_honour_retry_after() -> None:
    time = Time()
    limiter = _limiter(time)
    answers = [429, 502, 200]
    slept: list[float] = []

    class Refused(Exception):
        def __init__(self, status: int) -> None:
            self.status = status

    async def send(slot) -> str:  # type: ignore[no-untyped-def]
        await slot()
        status = answers.pop(0)
        if status != 200:
            raise Refused(status)
        return "ok"

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    result = await send_with_limits(
        limiter,
        "a:1",
        send,
        status_of=lambda e: (
            (e.status, 3.0 if e.status == 429 else None) if isinstance(e, Refused) else None
        ),
        policy=RetryPolicy(attempts=3, base_delay=1.0),
        sleep=sleep,
    )
    assert result == "ok"
    assert slept[0] == 3.0  # Retry-After
    assert 0.0 <= slept[1] <= 2.0  # jittered backoff of the second attempt
    answers[:] = [403]
    with pytest.raises(SendFailed, match="403"):
        await send_with_limits(
            limiter,
            "a:1",
            send,
            status_of=lambda e: (e.status, None) if isinstance(e, Refused) else None,
            sleep=sleep,
        )


async def test_a_request_in_flight_holds_its_place_until_it_is_answered() -> None:
    # Arrival, not departure, is what Microsoft counts: a slow request must not let the next
    # window's requests arrive within one period of it.
    time = Time()
    limiter = _limiter(time, app_rate_per_second=2)
    first = await limiter.acquire("c1")
    second = await limiter.acquire("c2")
    third = asyncio.ensure_future(limiter.acquire("c3"))
    await asyncio.sleep(0.05)
    assert not third.done()  # both places held by requests still in flight
    time.now = 5.0
    limiter.release(first)  # answered at 5.0: its place frees at 6.0, not at 1.0
    await third  # the fake clock's sleep moves time on to when the place frees
    assert time.now == pytest.approx(6.0)
    limiter.release(second)
    limiter.release(third.result())
