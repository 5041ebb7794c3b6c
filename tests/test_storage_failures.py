"""A database that is busy (another writer holds it), read-only or full, and searches too big to
answer: clear answers in the person's language, nothing cached as the answer, /health honest,
and the event loop free for everyone else meanwhile.

The failures are SQLite's own: a second connection holding `BEGIN IMMEDIATE` (as another process
would), `PRAGMA query_only` (SQLITE_READONLY, as on an immutable file) and `max_page_count`
(SQLITE_FULL, as on a full disk).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

import storage.sqlite.search
from bot.app.build import Bot, build, web_app
from bot.config import Settings
from bot.domain.messages import Incoming, Reply
from bot.i18n.catalogue import t
from tests.conftest import FakeClock
from tests.helpers import NEED, rows

Client = TestClient[web.Request, web.Application]
ClientFactory = Callable[[web.Application], Awaitable[Client]]


@pytest.fixture
def serving(settings: Settings, clock: FakeClock) -> Iterator[Bot]:
    """The bot as `fvis-bot run` builds it: its loop waits at most a moment for a lock."""
    bot = build(settings, clock=clock, serving=True)
    yield bot
    bot.close()


@pytest.fixture
async def client(serving: Bot, aiohttp_client: ClientFactory) -> Client:
    return await aiohttp_client(web_app(serving))


class ForeignWriter:
    """Another connection to the same file holding the write lock, as another process would."""

    def __init__(self, settings: Settings) -> None:
        self.conn = sqlite3.connect(settings.db_path, isolation_level=None)

    def hold(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


@pytest.fixture
async def foreign(settings: Settings, serving: Bot) -> AsyncIterator[ForeignWriter]:
    writer = ForeignWriter(settings)
    yield writer
    writer.release()
    writer.conn.close()


def incoming(user: str, text: str, key: str = "", locale: str | None = None) -> Incoming:
    return Incoming(
        platform="webchat",
        user_id=user,
        conversation_id=f"dm:{user}",
        text=text,
        idempotency_key=key,
        locale=locale,
    )


# -- another writer ---------------------------------------------------------------------------


async def test_a_busy_database_is_retried_then_answered_clearly_and_not_cached(
    serving: Bot, foreign: ForeignWriter
) -> None:
    serving.engine.busy_patience = 0.3
    foreign.hold()
    create = incoming("anna", "behov Skrivare saknas på avdelning 5", key="webchat:anna:1")
    replies = await serving.engine.handle(create)
    assert [r.text for r in replies] == [t("sv", "storage_busy")]
    assert replies[0].style == "error"
    foreign.release()
    # The same request again is handled, not answered with the stored failure.
    replies = await serving.engine.handle(create)
    assert replies[0].style != "error" and replies[0].text != t("sv", "storage_busy")
    assert len(rows(serving, "dialogues")) == 1


async def test_a_lock_released_while_waiting_lets_the_write_through(
    serving: Bot, foreign: ForeignWriter
) -> None:
    foreign.hold()

    async def release_soon() -> None:
        await asyncio.sleep(0.2)
        foreign.release()

    releasing = asyncio.create_task(release_soon())
    replies = await serving.engine.handle(incoming("anna", "behov Skrivare saknas"))
    await releasing
    assert replies[0].style != "error"
    assert len(rows(serving, "dialogues")) == 1


async def test_others_are_answered_while_a_write_waits_for_the_lock(
    serving: Bot, foreign: ForeignWriter, client: Client
) -> None:
    serving.engine.busy_patience = 1.0
    foreign.hold()
    order: list[str] = []

    async def write() -> None:
        await serving.engine.handle(incoming("anna", "behov Skrivare saknas", key="w:1"))
        order.append("write")

    async def read() -> None:
        await asyncio.sleep(0.05)  # the write is waiting for the lock by now
        replies = await serving.engine.handle(incoming("omar", "help", key="r:1", locale="en"))
        assert "help" in replies[0].text.lower() or replies[0].choices
        health = await client.get("/health")
        assert health.status == 200 and (await health.json())["database"] == "busy"
        order.append("read")

    await asyncio.gather(write(), read())
    assert order == ["read", "write"]  # the loop was free while the write waited


# -- read-only and full -----------------------------------------------------------------------


async def test_a_read_only_database_says_nothing_was_saved_and_health_is_503(
    serving: Bot, client: Client
) -> None:
    assert (await client.get("/health")).status == 200
    serving.db.execute("PRAGMA query_only = ON")
    response = await client.post(
        "/api/webchat/messages",
        json={"user": "omar", "text": "need Printer missing on ward 5", "id": "1", "locale": "en"},
    )
    assert response.status == 200
    replies = (await response.json())["replies"]
    assert [r["text"] for r in replies] == [t("en", "storage_unavailable")]
    health = await client.get("/health")
    assert health.status == 503
    assert await health.json() == {
        "status": "unavailable",
        "database": "read-only",
        "platforms": ["webchat"],
    }


async def test_a_full_disk_says_nothing_was_saved_and_health_is_503(
    serving: Bot, client: Client, chat: Any
) -> None:
    pages = serving.db.execute("PRAGMA page_count").fetchone()[0]
    serving.db.execute(f"PRAGMA max_page_count = {pages}")
    anna = chat("anna")
    anna.bot = serving
    form = await anna.open_form("need")
    await anna.submit(form.id, {**NEED, "description": "x" * 4000})
    assert anna.text == t("sv", "storage_unavailable")
    assert rows(serving) == []
    health = await client.get("/health")
    assert health.status == 503 and (await health.json())["database"] == "disk full"


# -- heavy searches ---------------------------------------------------------------------------


async def test_a_search_of_thousands_of_words_is_refused_at_once(serving: Bot) -> None:
    text = "sök " + " ".join("abcdefghij"[i % 10] for i in range(9_997))
    replies = await serving.engine.handle(incoming("david", text))
    assert [r.text for r in replies] == [t("sv", "search_too_big")]


async def test_a_search_past_its_time_cap_is_interrupted_with_the_same_answer(
    serving: Bot, chat: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    anna = chat("anna")
    anna.bot = serving
    for _ in range(3):
        await anna.log("need", NEED)
    search: Any = serving.stores.search
    search.time_cap = 0.0
    monkeypatch.setattr(storage.sqlite.search, "PROGRESS_STEPS", 1)
    replies: list[Reply] = await serving.engine.handle(incoming("david", "sök skrivare"))
    assert [r.text for r in replies] == [t("sv", "search_too_big")]
    search.time_cap = 5.0
    replies = await serving.engine.handle(incoming("david", "sök skrivare"))
    assert "BEH-3" in replies[0].text
