"""A Slack retry that lands on another replica than the first delivery is answered once: the
answered-marker is claimed in the shared database before the answer is posted."""

from __future__ import annotations

import asyncio
import dataclasses
import json
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
    PROGRAMME,
    PROGRAMME_CHANNEL,
    SECRET,
    event_callback,
    im_message,
    signed_headers,
)


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


async def _deliver(session: aiohttp.ClientSession, replica: Replica, retry: int | None) -> int:
    body = json.dumps(event_callback(im_message("behov Skrivare saknas"), "Ev900"))
    headers = signed_headers(body, "application/json")
    if retry is not None:
        headers["X-Slack-Retry-Num"] = str(retry)
        headers["X-Slack-Retry-Reason"] = "http_timeout"
    async with session.post(
        f"{replica.url}/slack/events", data=body.encode(), headers=headers
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
