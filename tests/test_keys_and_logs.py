"""What clients send as ids is stored only as keyed hashes; old answers are forgotten; a failure is
never the remembered answer; logs and the access log hold no personnummer and no query string."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.app.build import Bot, build, web_app
from bot.app.keys import SECRET_FILE
from bot.app.logs import AccessLog, install_redaction
from bot.config import ConfigError, Settings
from bot.conversation.engine import Context
from bot.domain.messages import Incoming, Reply
from tests.conftest import FakeClock
from tests.helpers import rows, stored_bytes

Client = TestClient[web.Request, web.Application]
ClientFactory = Callable[[web.Application], Awaitable[Client]]

NUMBER = "19121212-1212"


@pytest.fixture
async def client(bot: Bot, aiohttp_client: ClientFactory) -> Client:
    return await aiohttp_client(web_app(bot))


async def test_a_message_id_is_stored_only_as_a_keyed_hash(
    bot: Bot, client: Client, settings: Settings
) -> None:
    body = {"user": "anna", "id": NUMBER, "text": "behov Skrivare saknas på avdelning 5"}
    first = await (await client.post("/api/webchat/messages", json=body)).json()
    again = await (await client.post("/api/webchat/messages", json=body)).json()
    assert first == again
    keys = [row["key"] for row in rows(bot, "handled_requests")]
    assert len(keys) == 1
    assert len(keys[0]) == 64 and set(keys[0]) <= set("0123456789abcdef")
    assert b"19121212" not in stored_bytes(settings)


async def test_an_answer_that_changed_nothing_is_not_kept(bot: Bot, client: Client) -> None:
    body = {"user": "anna", "id": "help-1", "text": "hjälp"}
    first = await (await client.post("/api/webchat/messages", json=body)).json()
    again = await (await client.post("/api/webchat/messages", json=body)).json()
    assert first == again and rows(bot, "handled_requests") == []


def test_the_secret_is_made_once_beside_the_database_and_kept(
    settings: Settings, clock: FakeClock
) -> None:
    first = build(settings, clock=clock)
    path = Path(settings.db_path).parent / SECRET_FILE
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    secret = path.read_text()
    key = first.engine.requests  # the same key hashes alike after a restart
    key.put("webchat:anna:1", [{"text": "svar"}])
    first.close()
    second = build(settings, clock=clock)
    assert path.read_text() == secret
    assert second.engine.requests.get("webchat:anna:1") == [{"text": "svar"}]
    second.close()


def test_a_short_installation_secret_is_refused_by_name() -> None:
    with pytest.raises(ConfigError, match="FVIS_INSTALLATION_SECRET"):
        Settings.from_env({"FVIS_INSTALLATION_SECRET": "kort"})


def test_answers_older_than_the_retention_are_pruned(bot: Bot, clock: FakeClock) -> None:
    bot.engine.requests.put("old", [])
    clock.advance(days=8)
    bot.engine.requests.put("new", [])
    assert bot.engine.requests.prune(clock.now() - timedelta(days=7)) == 1  # type: ignore[attr-defined]
    assert bot.engine.requests.get("old") is None
    assert bot.engine.requests.get("new") == []


async def test_a_failure_is_not_remembered_as_the_answer(bot: Bot) -> None:
    calls: list[str] = []

    @bot.engine.command("krascha")
    async def crash(context: Context, rest: str) -> list[Reply]:
        calls.append(rest)
        if len(calls) == 1:
            raise RuntimeError("the disk said no")
        context.start_dialogue("krasch", "klar")
        context.save_dialogue()  # a write: this answer is kept for the retry
        return [Reply("klart")]

    incoming = Incoming(
        platform="webchat", user_id="anna", text="krascha", idempotency_key="webchat:anna:7"
    )
    first = await bot.engine.handle(incoming)
    assert first[0].style == "error"
    second = await bot.engine.handle(incoming)
    assert [r.text for r in second] == ["klart"]
    third = await bot.engine.handle(incoming)
    assert [r.text for r in third] == ["klart"] and len(calls) == 2


def test_log_records_are_redacted_with_their_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    install_redaction()
    logger = logging.getLogger("tests.redaction")
    with caplog.at_level(logging.INFO):
        logger.info("saw %s in a message", "121212\u20131212")
        try:
            raise ValueError(f"bad value {NUMBER}")
        except ValueError:
            logger.exception("failed")
    text = caplog.text
    assert "[personnummer]" in text
    assert "1212" not in text.replace("test_keys_and_logs", "")


async def test_the_access_log_has_no_query_string(
    bot: Bot, aiohttp_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    server = TestServer(web_app(bot))
    await server.start_server(access_log_class=AccessLog)  # as bot.app.build.serve runs it
    client = await aiohttp_client(server)
    with caplog.at_level(logging.INFO, logger="aiohttp.access"):
        await client.get("/api/webchat/inbox?user=anna&token=hemligt-token&after=0")
        await client.get(f"/api/webchat/files/{NUMBER}?user=x")
    lines = [r.getMessage() for r in caplog.records if r.name == "aiohttp.access"]
    assert any('"GET /api/webchat/inbox"' in line for line in lines), lines
    joined = "\n".join(lines)
    assert "hemligt" not in joined and "user=" not in joined and "?" not in joined
    assert "/api/webchat/files/[personnummer]" in joined
