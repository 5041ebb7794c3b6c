"""A Slack retry that lands on another replica than the first delivery is answered once: the
answered-marker is claimed in the shared database before the answer is posted. Once with two
bots in this process, once with two `fvis-bot run` processes, as behind a load balancer."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from bot.app.build import Bot, build, web_app
from bot.config import Settings
from tests.conftest import FakeClock
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_payloads import (
    ANNA,
    BOT_TOKEN,
    OMAR,
    PROGRAMME,
    PROGRAMME_CHANNEL,
    SECRET,
    event_callback,
    im_message,
    signed_headers,
)
from tests.test_replicas import Replica as Process


class Replica:
    def __init__(self, bot: Bot, url: str) -> None:
        self.bot = bot
        self.url = url

    async def settle(self) -> None:
        await self.bot.adapter("slack").drain()


@pytest.fixture
async def two(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[FakeSlack, Replica, Replica]]:
    fake = await FakeSlack().start()
    fake.add_user(ANNA, "Anna Lindqvist", "sv-SE")
    programme = tmp_path / "programme.yaml"
    programme.write_text(PROGRAMME, encoding="utf-8")
    for name, value in (
        ("SLACK_BOT_TOKEN", BOT_TOKEN),
        ("SLACK_API_URL", fake.api_url),
        ("SLACK_PROGRAMME_CHANNEL", PROGRAMME_CHANNEL),
        ("SLACK_SIGNING_SECRET", SECRET),
        # Both replicas hash client ids alike, as every replica of one installation must.
        ("FVIS_INSTALLATION_SECRET", "a" * 64),
    ):
        monkeypatch.setenv(name, value)
    replicas = []
    async with AsyncExitStack() as stack:
        for name in ("a", "b"):
            settings = dataclasses.replace(
                Settings.from_env(),
                database_url=postgres_url,
                programme_file=programme,
                db_path=tmp_path / name / "unused.db",
            )
            bot = build(settings, clock=FakeClock())
            stack.callback(bot.close)
            runner = web.AppRunner(web_app(bot))
            await runner.setup()
            stack.push_async_callback(runner.cleanup)
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            replicas.append(Replica(bot, f"http://127.0.0.1:{runner.addresses[0][1]}"))
        stack.push_async_callback(fake.stop)
        yield fake, replicas[0], replicas[1]


async def _deliver(
    session: aiohttp.ClientSession,
    replica: Replica | Process,
    retry: int | None,
    event: tuple[str, str] = ("Ev900", "behov Skrivare saknas"),
    user: str = ANNA,
) -> int:
    event_id, text = event
    body = json.dumps(event_callback(im_message(text, user=user), event_id))
    headers = signed_headers(body, "application/json")
    if retry is not None:
        headers["X-Slack-Retry-Num"] = str(retry)
        headers["X-Slack-Retry-Reason"] = "http_timeout"
    async with session.post(
        f"{replica.url if isinstance(replica, Replica) else replica.base}/slack/events",
        data=body.encode(),
        headers=headers,
    ) as r:
        return r.status


async def test_a_retry_on_the_other_replica_gets_no_second_answer(
    two: tuple[FakeSlack, Replica, Replica],
) -> None:
    fake, a, b = two
    async with aiohttp.ClientSession() as session:
        # The retry arrives on b while a is still answering the first delivery.
        statuses = await asyncio.gather(_deliver(session, a, None), _deliver(session, b, 1))
        await asyncio.gather(a.settle(), b.settle())
        assert statuses == [200, 200]
        assert fake.count("chat.postMessage") == 1
        # And once a has answered, a later retry on b is dropped too.
        assert await _deliver(session, b, 2) == 200
        await b.settle()
        assert fake.count("chat.postMessage") == 1


@pytest.fixture
async def processes(
    postgres_url: str, tmp_path: Path
) -> AsyncIterator[tuple[FakeSlack, Process, Process]]:
    fake = await FakeSlack().start()
    fake.add_user(ANNA, "Anna Lindqvist", "sv-SE")
    fake.add_user(OMAR, "Omar Haddad", "en-GB")
    programme = tmp_path / "programme.yaml"
    programme.write_text(PROGRAMME, encoding="utf-8")
    slack = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_API_URL": fake.api_url,
        "SLACK_PROGRAMME_CHANNEL": PROGRAMME_CHANNEL,
        "SLACK_SIGNING_SECRET": SECRET,
        "FVIS_PROGRAMME_FILE": str(programme),
    }
    started: list[Process] = []
    try:
        for name in ("a", "b"):
            started.append(await asyncio.to_thread(Process, name, postgres_url, tmp_path, slack))
        yield fake, started[0], started[1]
    finally:
        for process in started:
            await asyncio.to_thread(process.stop)
        await fake.stop()


async def _posts_settle(fake: FakeSlack, seconds: float = 30) -> int:
    """The number of chat.postMessage calls once it has not changed for a second."""
    deadline = time.monotonic() + seconds
    last, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        now = fake.count("chat.postMessage")
        if now != last:
            last, since = now, time.monotonic()
        elif now and time.monotonic() - since > 1.0:
            return now
        await asyncio.sleep(0.05)
    return fake.count("chat.postMessage")


async def test_a_retry_on_the_other_process_gets_no_second_answer(
    processes: tuple[FakeSlack, Process, Process],
) -> None:
    fake, a, b = processes
    async with aiohttp.ClientSession() as session:
        # The first delivery to a and Slack's retry to b at the same moment.
        statuses = await asyncio.gather(_deliver(session, a, None), _deliver(session, b, 1))
        assert statuses == [200, 200]
        assert await _posts_settle(fake) == 1
        answer = fake.last("chat.postMessage")
        assert answer["channel"] == "D0ANNA", answer
        # A later retry on b is dropped too; Omar's new message after it is answered, so b
        # has handled the retry by the time his answer is in (its work runs in arrival order).
        assert await _deliver(session, b, 2) == 200
        omar = ("Ev901", "help")
        assert await _deliver(session, b, None, omar, OMAR) == 200
        assert await _posts_settle(fake) == 2
        channels = [call.params["channel"] for call in fake.calls_to("chat.postMessage")]
        assert channels == ["D0ANNA", "D0OMAR"], channels
