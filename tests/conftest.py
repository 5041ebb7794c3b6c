"""Shared fixtures: a fresh bot on its own SQLite file, a settable clock, no network beyond loopback."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app.build import Bot, build
from bot.config import Settings
from bot.domain.messages import Action, Form, FormSubmission, Incoming, Reply
from bot.domain.model import REF_PATTERN
from tests.helpers import find_choice

# Real servers the tests start on loopback: OpenID Connect provider, Agents Playground, PostgreSQL.
pytest_plugins = ["tests.servers.fixtures"]

# Wednesday 25 November 2026, 10:00 in Stockholm.
START = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may reach a real host by accident: only loopback and local sockets connect."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0]
            if host not in ("127.0.0.1", "::1", "localhost"):
                raise OSError(f"tests must not connect to {host}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.startswith(("FVIS_", "SLACK_", "TEAMS_", "GRAPH_", "MICROSOFT_")):
            monkeypatch.delenv(name)


@dataclass
class FakeClock:
    current: datetime = START

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "fvis.db")


@pytest.fixture
def bot(settings: Settings, clock: FakeClock) -> Iterator[Bot]:
    instance = build(settings, clock=clock)
    yield instance
    instance.close()


@dataclass
class Chat:
    """One person talking to the bot through the engine, as an adapter would."""

    bot: Bot
    user: str
    locale: str | None = None
    platform: str = "webchat"
    last: list[Reply] = field(default_factory=list)

    def _incoming(self, **kwargs: Any) -> Incoming:
        return Incoming(
            platform=self.platform,
            user_id=self.user,
            user_name=self.user,
            conversation_id=f"dm:{self.user}",
            locale=self.locale,
            **kwargs,
        )

    async def say(self, text: str, **kwargs: Any) -> list[Reply]:
        self.last = await self.bot.engine.handle(self._incoming(text=text, **kwargs))
        return self.last

    async def click(self, label: str) -> list[Reply]:
        """Click the choice with this label in the latest replies."""
        choice = find_choice(self.last, label)
        self.last = await self.bot.engine.handle(
            self._incoming(action=Action(choice.id, choice.value))
        )
        return self.last

    async def act(self, action_id: str, value: str = "") -> list[Reply]:
        self.last = await self.bot.engine.handle(self._incoming(action=Action(action_id, value)))
        return self.last

    async def submit(self, form_id: str, values: dict[str, str]) -> list[Reply]:
        self.last = await self.bot.engine.handle(
            self._incoming(form=FormSubmission(form_id, values))
        )
        return self.last

    async def open_form(self, kind: str) -> Form:
        """Ask for the form of this kind; the form."""
        form = (await self.act("intake:form", kind))[0].form
        assert form is not None
        return form

    async def log(self, kind: str, values: dict[str, str]) -> str:
        """Log a new entry through the form; its reference. Similar open entries offered on
        the way are passed by ("Nej, spara som nytt")."""
        form = await self.open_form(kind)
        await self.submit(form.id, values)
        other = [c for r in self.last for c in r.choices if c.id == "intake:new"]
        if other:
            await self.act(other[0].id, other[0].value)
        assert self.last[0].style == "success", self.text
        match = REF_PATTERN.search(self.last[0].text)
        assert match is not None, self.text
        return match.group(0)

    @property
    def text(self) -> str:
        return "\n".join(reply.text for reply in self.last)


@pytest.fixture
def chat(bot: Bot) -> Any:
    def open_chat(user: str, locale: str | None = None, platform: str = "webchat") -> Chat:
        return Chat(bot, user, locale, platform)

    return open_chat
