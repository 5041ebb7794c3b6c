"""The work after Slack's acknowledgement: in arrival order, by a few workers, held back while
requests are being acknowledged and until they pause (but never for longer than its limit),
and failures contained."""

from __future__ import annotations

import asyncio
import time

import pytest

from integrations.slack.work import AfterAck


async def test_work_waits_while_a_request_is_being_acknowledged() -> None:
    queue = AfterAck(workers=2, max_defer=30.0)
    done: list[str] = []

    async def job(name: str) -> None:
        done.append(name)

    with queue.receiving():
        queue.add(job("a"))
        queue.add(job("b"))
        await asyncio.sleep(0.1)
        assert done == []  # the ack comes first
    await queue.drain(timeout=5)
    assert done == ["a", "b"]  # then the work, in arrival order
    await queue.close()


async def test_work_waits_for_a_pause_between_requests() -> None:
    queue = AfterAck(workers=2, max_defer=30.0, quiet=0.3)
    started: list[float] = []

    async def job() -> None:
        started.append(time.monotonic())

    with queue.receiving():
        queue.add(job())
    for _ in range(4):  # a burst: requests 0.1 s apart, each acknowledged at once
        await asyncio.sleep(0.1)
        with queue.receiving():
            pass
    last = time.monotonic()
    await queue.drain(timeout=5)
    assert len(started) == 1 and started[0] >= last + 0.29  # after the burst's pause
    await queue.close()


async def test_a_steady_stream_of_requests_cannot_starve_the_work() -> None:
    queue = AfterAck(workers=1, max_defer=0.2)
    done = asyncio.Event()

    async def job() -> None:
        done.set()

    with queue.receiving():  # requests never stop arriving
        queue.add(job())
        await asyncio.wait_for(done.wait(), timeout=5)
    await queue.close()


async def test_a_failing_job_is_logged_and_the_next_one_runs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    queue = AfterAck(workers=1)
    done: list[int] = []

    async def broken() -> None:
        raise RuntimeError("boom")

    async def fine() -> None:
        done.append(1)

    queue.add(broken())
    queue.add(fine())
    await queue.drain(timeout=5)
    assert done == [1]
    assert "Slack work after the acknowledgement failed" in caplog.text
    await queue.close()
