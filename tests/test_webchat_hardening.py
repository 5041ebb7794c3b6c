"""The web chat's API against cross-site requests, DNS rebinding, odd JSON and stream floods.

Requests are sent as a browser on another site would send them (a form posted as text/plain, a
no-cors fetch as a simple request, a foreign Origin or Host); tests/test_webchat_browser_attacks.py
does the same from a real Chromium page on another local origin.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app.build import Bot, build, web_app
from bot.config import Settings
from integrations.webchat.streams import StreamLimits
from tests.conftest import FakeClock
from tests.helpers import rows

Client = TestClient[web.Request, web.Application]
ClientFactory = Callable[[web.Application], Awaitable[Client]]

MESSAGES = "/api/webchat/messages"
CREATE = json.dumps({"user": "anna", "text": "behov Skrivare saknas på avdelning 5"})


@pytest.fixture
async def client(bot: Bot, aiohttp_client: ClientFactory) -> Client:
    return await aiohttp_client(web_app(bot))


# -- cross-site requests -------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None],
)
async def test_a_simple_request_that_a_foreign_page_can_send_is_refused(
    client: Client, bot: Bot, content_type: str | None
) -> None:
    # <form enctype="text/plain"> with name='{"user":"anna","text":"behov …","x":"' and value '"}'
    headers = {"Content-Type": content_type} if content_type else {}
    response = await client.post(MESSAGES, data=CREATE.encode(), headers=headers)
    assert response.status == 415
    body = await response.json()
    assert "JSON" in body["error"] and "JSON" in body["error_en"]
    assert rows(bot, "dialogues") == [] and rows(bot, "handled_requests") == []


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1:1", "ftp://x"])
async def test_a_foreign_origin_is_refused(client: Client, bot: Bot, origin: str) -> None:
    response = await client.post(
        MESSAGES,
        data=CREATE,
        headers={"Content-Type": "application/json", "Origin": origin},
    )
    assert response.status == 403
    assert "annan webbplats" in (await response.json())["error"]
    assert rows(bot, "dialogues") == []


async def test_the_own_origin_and_non_browser_clients_are_served(client: Client) -> None:
    own = f"http://{client.host}:{client.port}"
    for headers in ({"Origin": own}, {}):
        response = await client.post(
            MESSAGES, data=CREATE, headers={"Content-Type": "application/json", **headers}
        )
        assert response.status == 200, await response.text()


async def test_a_public_host_name_is_an_own_origin(
    settings: Settings, clock: FakeClock, aiohttp_client: ClientFactory
) -> None:
    bot = build(replace(settings, public_hosts=("fvis.region.se",)), clock=clock)
    try:
        client = await aiohttp_client(web_app(bot))
        response = await client.post(
            MESSAGES,
            data=CREATE,
            headers={"Content-Type": "application/json", "Origin": "https://fvis.region.se"},
        )
        assert response.status == 200
        # Behind the proxy the Host is the public name too: accepted.
        response = await client.get("/api/webchat/users", headers={"Host": "fvis.region.se"})
        assert response.status == 200
    finally:
        bot.close()


# -- DNS rebinding -------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["evil.example", "evil.example:3978", "127.0.0.1.evil.example"])
async def test_a_foreign_host_is_refused_but_health_answers(client: Client, host: str) -> None:
    for path in ("/", "/api/webchat/users", "/api/webchat/inbox?user=anna"):
        response = await client.get(path, headers={"Host": host})
        assert response.status == 421, path
        assert "värdnamn" in (await response.json())["error"]
    response = await client.post(
        MESSAGES, data=CREATE, headers={"Host": host, "Content-Type": "application/json"}
    )
    assert response.status == 421
    health = await client.get("/health", headers={"Host": host})
    assert health.status == 200


@pytest.mark.parametrize("host", ["localhost:3978", "LOCALHOST", "127.0.0.1", "[::1]:3978"])
async def test_loopback_names_are_accepted(client: Client, host: str) -> None:
    assert (await client.get("/api/webchat/users", headers={"Host": host})).status == 200


# -- odd JSON -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        '{"user": "anna", "id": "\\ud800", "text": "hjälp"}',
        '{"user": "anna", "text": "hej \\udfff"}',
        '{"user": "anna", "form": {"id": "x", "values": {"title": "\\ud83d"}}}',
        '{"user": "anna", "action": {"id": "say", "value": "\\udc00"}}',
        '{"user": "anna", "text": "hjälp", "locale": "\\ud800"}',
    ],
)
async def test_a_lone_surrogate_is_400_with_a_clear_message(
    client: Client, bot: Bot, body: str
) -> None:
    response = await client.post(MESSAGES, data=body, headers={"Content-Type": "application/json"})
    assert response.status == 400
    assert "ogiltiga tecken" in (await response.json())["error"]
    assert rows(bot, "handled_requests") == [] and rows(bot, "dialogues") == []


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_bodies = (
    st.fixed_dictionaries(
        {},
        optional={
            "user": st.sampled_from(["anna", "bertil", "mallory", ""]) | _json,
            "text": st.text(max_size=40) | _json,
            "id": st.text(max_size=20) | _json,
            "locale": st.sampled_from(["sv", "en", "xx"]) | _json,
            "action": st.fixed_dictionaries({"id": st.text(max_size=20), "value": _json}) | _json,
            "form": st.fixed_dictionaries({"id": st.text(max_size=20), "values": _json}) | _json,
        },
    )
    | _json
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=_bodies)
async def test_any_json_body_gets_an_answer_never_a_500(client: Client, body: Any) -> None:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass")
    response = await client.post(MESSAGES, data=data, headers={"Content-Type": "application/json"})
    assert response.status in (200, 400), await response.text()
    answer = await response.json()
    assert ("replies" in answer) if response.status == 200 else bool(answer["error"])


# -- live streams ---------------------------------------------------------------------------


async def _open(client: Client, user: str) -> Any:
    stream = await client.get("/api/webchat/events", params={"user": user})
    if stream.status == 200:
        assert (await stream.content.readline()).startswith(b": connected")
    return stream


async def _ended(stream: Any) -> bool:
    async with asyncio.timeout(5):
        while True:
            line = await stream.content.readline()
            if not line:
                return True


async def test_streams_are_capped_per_person_and_in_total(bot: Bot, client: Client) -> None:
    bot.webchat.streams = StreamLimits(per_person=2, total=3)
    first, second = await _open(client, "anna"), await _open(client, "anna")
    third = await _open(client, "anna")  # Anna's oldest page loses its stream
    assert await _ended(first)
    assert bot.webchat.streams.count == 2
    omar = await _open(client, "omar")
    refused = await _open(client, "bertil")
    assert refused.status == 503 and refused.headers["Retry-After"] == "60"
    assert "anslutningar" in (await refused.json())["error"]
    for stream in (second, third, omar, refused):
        stream.close()


async def test_an_idle_stream_is_closed_and_counted_out(bot: Bot, client: Client) -> None:
    bot.webchat.stream_idle_seconds = 0.3
    stream = await _open(client, "anna")
    assert await _ended(stream)
    await asyncio.sleep(0.05)
    assert bot.webchat.streams.count == 0


async def test_a_refused_host_is_logged_once_with_the_setting_to_change(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING", logger="bot.app.guards"):
        for _ in range(3):
            await client.get("/api/webchat/users", headers={"Host": "fvis.region.se"})
    warnings = [r.getMessage() for r in caplog.records if r.name == "bot.app.guards"]
    assert len(warnings) == 1 and "FVIS_PUBLIC_HOSTS" in warnings[0]


async def test_the_public_url_names_a_host_and_origin_of_its_own(
    tmp_path: Any, clock: FakeClock, aiohttp_client: ClientFactory
) -> None:
    from bot.app.settings import AppSettings

    env = {"FVIS_PUBLIC_URL": "https://fvis.region.se", "FVIS_DB_PATH": str(tmp_path / "f.db")}
    bot = build(AppSettings.from_env(env), clock=clock)
    try:
        client = await aiohttp_client(web_app(bot))
        response = await client.get("/api/webchat/users", headers={"Host": "fvis.region.se"})
        assert response.status == 200
        response = await client.post(
            MESSAGES,
            data=CREATE,
            headers={"Content-Type": "application/json", "Origin": "https://fvis.region.se"},
        )
        assert response.status == 200
        response = await client.get("/api/webchat/users", headers={"Host": "annan.region.se"})
        assert response.status == 421
    finally:
        bot.close()
