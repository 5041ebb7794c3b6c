"""The web chat's JSON API over HTTP (the demo, without sign-in): dialogues, forms, bad input,
idempotency, inbox, SSE. Signing in: test_webchat_signin.py."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.app.build import Bot, build, web_app
from bot.config import Settings
from bot.domain.model import Kind
from bot.ports.entries import EntryQuery
from tests.helpers import BENEFIT_2, json_action, json_choice, text_of

Client = TestClient[web.Request, web.Application]
ClientFactory = Callable[[web.Application], Awaitable[Client]]

MESSAGES = "/api/webchat/messages"
NEED_VALUES = {
    "title": "Skrivare saknas på avd 5",
    "description": "Skrivaren i korridoren är borttagen och vi skriver ut remisser varje dag.",
    "unit": "Avdelning 5",
    "benefit": "2",
    "priority": "high",
}
# Consequence 4 × probability 3 = 12: flagged for the medically responsible, posted in the channel.
FLAGGED_DEVIATION = {
    "type": "near_miss",
    "what": "Journalen visade fel avdelning efter omstart av servern.",
    "when": "2026-11-20 10:00",
    "unit": "Akuten",
    "area": "it",
    "category": "it_failure",
    "consequence": "4",
    "probability": "3",
    "immediate_action": "-",
    "lex_maria": "no",
}


@pytest.fixture
async def client(bot: Bot, aiohttp_client: ClientFactory) -> Client:
    return await aiohttp_client(web_app(bot))


async def post(client: Client, user: str, **body: Any) -> list[dict[str, Any]]:
    response = await client.post(MESSAGES, json={"user": user, **body})
    assert response.status == 200, await response.text()
    data = await response.json()
    assert isinstance(data["replies"], list)
    return list(data["replies"])


async def click(client: Client, user: str, replies: list[dict[str, Any]], label: str) -> Any:
    return await post(client, user, action=json_action(replies, label))


def form_of(replies: list[dict[str, Any]]) -> dict[str, Any]:
    forms = [reply["form"] for reply in replies if reply.get("form")]
    assert forms, f"no form in {replies}"
    return dict(forms[-1])


async def open_form(client: Client, user: str, kind: str) -> dict[str, Any]:
    word = {"need": "behov", "deviation": "avvikelse"}[kind]
    await post(client, user, text=word)
    return form_of(await post(client, user, action={"id": "intake:form", "value": kind}))


async def log_entry(
    client: Client, user: str, kind: str, values: dict[str, str], **extra: Any
) -> list[dict[str, Any]]:
    form = await open_form(client, user, kind)
    return await post(client, user, form={"id": form["id"], "values": values}, **extra)


def entry_count(bot: Bot) -> int:
    _, total = bot.entries.entries.find(EntryQuery(include_deviations=True))
    return total


async def inbox(client: Client, user: str, after: int | None = None) -> list[dict[str, Any]]:
    params = {"user": user} if after is None else {"user": user, "after": str(after)}
    response = await client.get("/api/webchat/inbox", params=params)
    assert response.status == 200, await response.text()
    return list((await response.json())["messages"])


# -- dialogues and forms ------------------------------------------------------------------


async def test_need_dialogue_over_http(client: Client) -> None:
    replies = await post(client, "anna", text="behov Vi saknar skrivare")
    assert "enhet" in text_of(replies)
    replies = await post(client, "anna", text="Avdelning 5")
    assert "nyttoobjekt" in text_of(replies)
    benefit = json_choice(replies, BENEFIT_2)
    # The button names its question and its dialogue, so an old one cannot answer a new one.
    assert benefit["id"].startswith("intake:opt:benefit:") and benefit["value"] == "2"
    replies = await click(client, "anna", replies, BENEFIT_2)
    replies = await click(client, "anna", replies, "Prioritet: hög")
    assert "Stämmer det här?" in text_of(replies)
    assert "Vi saknar skrivare" in text_of(replies)
    replies = await click(client, "anna", replies, "Spara")
    assert "Sparat som BEH-1" in text_of(replies)
    assert replies[0]["style"] == "success"

    replies = await post(client, "anna", text="lista mina")
    assert "BEH-1 · Ny · Vi saknar skrivare" in text_of(replies)
    # Omar is a reporter too: he sees only his own entries.
    replies = await post(client, "omar", text="list mine")
    assert "BEH-1" not in text_of(replies)


async def test_form_submission_over_http(bot: Bot, client: Client) -> None:
    form = await open_form(client, "anna", "need")
    assert form["id"].startswith("intake:need:")
    assert form["title"] and form["submit_label"]
    names = [f["name"] for f in form["fields"]]
    assert names == ["title", "description", "unit", "benefit", "priority"]
    benefit = next(f for f in form["fields"] if f["name"] == "benefit")
    # A reporter may not know the benefit objective: the handler sets it.
    assert benefit["type"] == "select" and benefit["required"] is False
    assert [o["value"] for o in benefit["options"]] == ["1", "2", "3", "4", "5"]
    assert all(set(o) == {"value", "label"} for o in benefit["options"])

    # A missing required field comes back as the same form, marked, with what was typed kept.
    incomplete = {**NEED_VALUES, "unit": ""}
    replies = await post(client, "anna", form={"id": form["id"], "values": incomplete})
    assert replies[0]["style"] == "error"
    again = form_of(replies)
    unit = next(f for f in again["fields"] if f["name"] == "unit")
    title = next(f for f in again["fields"] if f["name"] == "title")
    assert unit["error"]
    assert title["value"] == NEED_VALUES["title"]
    assert entry_count(bot) == 0

    replies = await post(client, "anna", form={"id": form["id"], "values": NEED_VALUES})
    assert "Sparat som BEH-1" in text_of(replies)
    entry = bot.entries.entries.get(Kind.NEED, 1)
    assert entry is not None
    assert entry.title == NEED_VALUES["title"]
    assert entry.fields["priority"] == "high"
    assert entry.reporter_id == "anna"


# -- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"",
        b'{"user": "anna", "text": "hej"',
        b"\xff\xfe\x00garbage",
        b"[" * 100_000,  # nested beyond the parser's recursion limit
    ],
    ids=["broken", "empty", "unterminated", "not-utf8", "deeply-nested"],
)
async def test_malformed_json_is_400(client: Client, raw: bytes) -> None:
    response = await client.post(MESSAGES, data=raw, headers={"Content-Type": "application/json"})
    assert response.status == 400
    data = await response.json()
    assert data["error"] == "Meddelandet är inte giltig JSON."
    assert data["error_en"]


async def test_unknown_charset_is_400(client: Client) -> None:
    response = await client.post(
        MESSAGES,
        data=b'{"user": "anna", "text": "hej"}',
        headers={"Content-Type": "application/json; charset=no-such-charset"},
    )
    assert response.status == 400
    assert "JSON" in (await response.json())["error"]


@pytest.mark.parametrize("body", ["[]", '["anna", "hej"]', '"hej"', "42", "null", "true"])
async def test_non_object_body_is_400(client: Client, body: str) -> None:
    response = await client.post(
        MESSAGES, data=body.encode(), headers={"Content-Type": "application/json"}
    )
    assert response.status == 400
    assert (await response.json())["error"] == "Meddelandet ska vara ett JSON-objekt."


@pytest.mark.parametrize(
    "body",
    [
        {"text": "hej"},
        {"user": "mallory", "text": "hej"},
        {"user": "", "text": "hej"},
        {"user": 5, "text": "hej"},
        {"user": ["anna"], "text": "hej"},
        {"user": "Anna", "text": "hej"},
    ],
)
async def test_unknown_user_is_400(bot: Bot, client: Client, body: dict[str, Any]) -> None:
    response = await client.post(MESSAGES, json=body)
    assert response.status == 400
    assert "Okänd användare" in (await response.json())["error"]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": None},
        {"text": 42},
        {"text": ["behov"]},
        {"action": "intake:form"},
        {"action": {"value": "need"}},
        {"action": {"id": 7}},
        {"form": {"values": {"title": "x"}}},
        {"form": "intake:need:x"},
    ],
)
async def test_missing_text_action_or_form_is_400(
    bot: Bot, client: Client, body: dict[str, Any]
) -> None:
    response = await client.post(MESSAGES, json={"user": "anna", **body})
    assert response.status == 400
    assert (await response.json())["error"] == "Ange text, action eller form."
    assert entry_count(bot) == 0


async def test_huge_message_gets_a_clear_answer(client: Client) -> None:
    response = await client.post(MESSAGES, json={"user": "anna", "text": "å" * 100_000})
    assert response.status == 200
    replies = (await response.json())["replies"]
    assert replies[0]["style"] == "error"
    assert "för lång" in replies[0]["text"]
    assert "100 000" in replies[0]["text"]
    # The user's locale picks the language.
    replies = await post(client, "omar", text="x" * 100_000)
    assert "too long" in text_of(replies)


# -- idempotency --------------------------------------------------------------------------


async def test_same_client_id_twice_gives_same_replies_and_one_entry(
    bot: Bot, client: Client
) -> None:
    form = await open_form(client, "anna", "need")
    body = {"form": {"id": form["id"], "values": NEED_VALUES}, "id": "client-msg-1"}
    first = await post(client, "anna", **body)
    second = await post(client, "anna", **body)
    assert "Sparat som BEH-1" in text_of(first)
    assert second == first
    assert entry_count(bot) == 1
    # A new client id for the same form is a new message; the form nonce still keeps one entry.
    third = await post(client, "anna", **{**body, "id": "client-msg-2"})
    assert "redan sparat som BEH-1" in text_of(third)
    assert entry_count(bot) == 1


async def test_same_client_id_twice_for_text_does_not_advance_the_dialogue(
    client: Client,
) -> None:
    await post(client, "anna", text="ändring Flytta utbildningen")
    first = await post(client, "anna", text="Lokalerna är upptagna.", id="m-7")
    second = await post(client, "anna", text="Lokalerna är upptagna.", id="m-7")
    assert second == first
    assert "Stämmer det här?" in text_of(second)
    # The retry did not answer anything more: the summary shows the reason once.
    replies = await post(client, "anna", text="ja")
    assert "Sparat som ÄND-1" in text_of(replies)


# -- inbox ---------------------------------------------------------------------------------


async def test_status_change_reaches_only_the_reporter(client: Client) -> None:
    assert "Sparat som BEH-1" in text_of(await log_entry(client, "anna", "need", NEED_VALUES))
    assert await inbox(client, "anna") == []

    replies = await post(client, "bertil", text="status BEH-1 pågår")
    assert "BEH-1 har nu status pågår" in text_of(replies)

    anna = await inbox(client, "anna")
    assert len(anna) == 1
    message = anna[0]
    assert set(message) >= {"seq", "channel", "direct", "text", "at"}
    assert message["direct"] is True
    assert message["channel"] == "dm"
    assert "BEH-1" in message["text"]
    assert "pågår" in message["text"]
    assert "Bertil Nordin" in message["text"]
    assert isinstance(message["seq"], int)
    for other in ("omar", "bertil", "david"):
        assert await inbox(client, other) == []
    # The needs function heard of the new need; nobody else of anything.
    assert [m["text"][:12] for m in await inbox(client, "helena")] == ["Nytt behov a"]


async def test_channel_posts_are_visible_to_all(client: Client) -> None:
    replies = await log_entry(client, "omar", "deviation", FLAGGED_DEVIATION)
    # Omar began with the Swedish word "avvikelse": the dialogue, and its form, speak Swedish.
    assert "Sparat som AVV-1" in text_of(replies)
    seen = {}
    for user in ("anna", "omar", "bertil", "cecilia", "karin", "david", "eva"):
        messages = [m for m in await inbox(client, user) if not m["direct"]]
        assert len(messages) == 1, (user, messages)
        seen[user] = messages[0]
    post_ = seen["anna"]
    assert post_["direct"] is False
    assert post_["channel"] == "#fvis-program"
    assert "AVV-1" in post_["text"]
    assert "12" in post_["text"]
    assert all(message == post_ for message in seen.values())


async def test_inbox_after_filters_by_seq(client: Client) -> None:
    await log_entry(client, "anna", "need", NEED_VALUES)
    await post(client, "bertil", text="status BEH-1 pågår")
    await post(client, "bertil", text="kommentera BEH-1 Vi tittar på det i veckan")
    await log_entry(client, "omar", "deviation", FLAGGED_DEVIATION)

    everything = await inbox(client, "anna")
    assert len(everything) == 3
    seqs = [message["seq"] for message in everything]
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == 3
    assert await inbox(client, "anna", after=0) == everything
    assert await inbox(client, "anna", after=seqs[0]) == everything[1:]
    assert await inbox(client, "anna", after=seqs[1]) == everything[2:]
    assert await inbox(client, "anna", after=seqs[-1]) == []
    # Omar sees the channel post only, and `after` skips it like anyone else's.
    omar = await inbox(client, "omar")
    assert [m["seq"] for m in omar] == [seqs[-1]]
    assert await inbox(client, "omar", after=seqs[-1]) == []


@pytest.mark.parametrize("after", ["abc", "1.5", "", "1e3", "0x10"])
async def test_inbox_non_integer_after_is_400(client: Client, after: str) -> None:
    response = await client.get("/api/webchat/inbox", params={"user": "anna", "after": after})
    assert response.status == 400
    assert (await response.json())["error"] == "after ska vara ett heltal."


@pytest.mark.parametrize("after", ["99999999999999999999999", "-99999999999999999999999"])
async def test_inbox_out_of_range_after_is_not_a_crash(client: Client, after: str) -> None:
    await log_entry(client, "omar", "deviation", FLAGGED_DEVIATION)
    response = await client.get("/api/webchat/inbox", params={"user": "anna", "after": after})
    assert response.status == 200
    messages = (await response.json())["messages"]
    # Nothing lies after the largest possible number; everything lies after a negative one.
    assert len(messages) == (0 if after.startswith("9") else 1)


async def test_inbox_unknown_user_is_400(client: Client) -> None:
    response = await client.get("/api/webchat/inbox", params={"user": "mallory"})
    assert response.status == 400
    assert "Okänd användare" in (await response.json())["error"]
    response = await client.get("/api/webchat/inbox")
    assert response.status == 400


# -- server-sent events ---------------------------------------------------------------------


async def read_event(response: Any, seconds: float = 5.0) -> tuple[str, dict[str, Any]]:
    """The next `id:`/`data:` event on an SSE stream, skipping comments; bounded in time."""
    event_id = ""
    async with asyncio.timeout(seconds):
        while True:
            line = await response.content.readline()
            if not line:
                raise AssertionError("the event stream ended")
            text = line.decode("utf-8").rstrip("\n")
            if text.startswith("id: "):
                event_id = text.removeprefix("id: ")
            elif text.startswith("data: "):
                return event_id, json.loads(text.removeprefix("data: "))


async def test_events_stream_direct_message_and_channel_post(client: Client) -> None:
    await log_entry(client, "anna", "need", NEED_VALUES)
    async with asyncio.timeout(20):
        anna = await client.get("/api/webchat/events", params={"user": "anna"})
        omar = await client.get("/api/webchat/events", params={"user": "omar"})
        try:
            for stream in anna, omar:
                assert stream.status == 200
                assert stream.headers["Content-Type"].startswith("text/event-stream")
                # The server has registered the listener once the first comment arrives.
                assert (await stream.content.readline()).startswith(b": connected")

            replies = await post(client, "bertil", text="status BEH-1 löst")
            assert "BEH-1 har nu status löst" in text_of(replies)
            event_id, data = await read_event(anna)
            assert data["direct"] is True
            assert data["channel"] == "dm"
            assert "BEH-1" in data["text"] and "löst" in data["text"]
            assert event_id == str(data["seq"])
            assert data == (await inbox(client, "anna"))[0]

            # Omar's stream skipped Anna's direct message: his first event is the channel post.
            await log_entry(client, "omar", "deviation", FLAGGED_DEVIATION)
            _, omar_data = await read_event(omar)
            assert omar_data["direct"] is False
            assert "AVV-1" in omar_data["text"]
            _, anna_data = await read_event(anna)
            assert anna_data == omar_data
        finally:
            anna.close()
            omar.close()


async def test_events_unknown_user_is_400(client: Client) -> None:
    response = await client.get("/api/webchat/events", params={"user": "mallory"})
    assert response.status == 400
    assert "Okänd användare" in (await response.json())["error"]


# -- demo mode, switches, static files -------------------------------------------------------------


async def test_demo_says_it_is_the_demo_and_may_not_be_framed(client: Client) -> None:
    # No issuer, on loopback: the identity picker, and the page knows it is the demo.
    response = await client.get("/api/webchat/me")
    assert response.status == 200
    assert await response.json() == {"mode": "demo", "user": None}
    for path in ("/", "/api/webchat/users", "/static/app.js"):
        response = await client.get(path)
        assert response.headers["Content-Security-Policy"] == "frame-ancestors 'none'", path
    # There is no sign-in to go to.
    assert (await client.get("/auth/login")).status == 404


async def test_users_lists_the_demo_identities(client: Client) -> None:
    response = await client.get("/api/webchat/users")
    assert response.status == 200
    users = {u["id"]: u for u in (await response.json())["users"]}
    assert set(users) == {
        *("anna", "omar", "sara", "bertil", "cecilia", "karin", "david", "eva", "greta"),
        *("maria", "lena", "helena", "linnea", "jonas", "ivar", "gustav"),
    }
    assert users["omar"]["locale"] == "en"
    assert users["anna"]["locale"] == "sv"
    assert "handler" in users["bertil"]["roles"]
    assert "communicator" in users["cecilia"]["roles"]
    assert "communicator" in users["karin"]["roles"]
    assert "project_lead" in users["david"]["roles"]
    assert "admin" in users["eva"]["roles"]
    assert users["anna"]["name"] == "Anna Lindqvist"


async def test_webchat_off_removes_routes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, aiohttp_client: ClientFactory
) -> None:
    monkeypatch.setenv("FVIS_WEBCHAT", "off")
    monkeypatch.setenv("FVIS_DB_PATH", str(tmp_path / "off.db"))
    settings = Settings.from_env()
    assert settings.webchat_enabled is False
    instance = build(settings)
    try:
        client = await aiohttp_client(web_app(instance))
        assert (await client.get("/api/webchat/users")).status == 404
        assert (await client.get("/api/webchat/inbox?user=anna")).status == 404
        response = await client.post(MESSAGES, json={"user": "anna", "text": "hjälp"})
        assert response.status in (404, 405)
        assert (await client.get("/static/app.js")).status == 404
        health = await client.get("/health")
        assert health.status == 200
        assert (await health.json())["status"] == "ok"
    finally:
        instance.close()


async def test_health(client: Client) -> None:
    response = await client.get("/health")
    assert response.status == 200
    data = await response.json()
    assert data["status"] == "ok"
    assert "webchat" in data["platforms"]


async def test_index_and_static_files(client: Client) -> None:
    response = await client.get("/")
    assert response.status == 200
    assert response.content_type == "text/html"
    page = await response.text()
    assert "<html" in page.lower()
    assert "app.js" in page

    script = await client.get("/static/app.js")
    assert script.status == 200
    assert "javascript" in script.content_type
    assert "/api/webchat/messages" in await script.text()
    assert (await client.get("/static/no-such-file.js")).status == 404
    assert (await client.get("/static/")).status in (403, 404)


async def test_an_open_event_stream_ends_when_the_server_shuts_down(bot: Bot) -> None:
    # Streams end before the server waits for its requests (on_shutdown); a browser tab left
    # open must not hold a restart for the whole shutdown timeout.
    client = TestClient(TestServer(web_app(bot)))
    await client.start_server()
    stream = await client.get("/api/webchat/events", params={"user": "anna"})
    assert (await stream.content.readline()).startswith(b": connected")
    rest = asyncio.ensure_future(stream.content.read())
    try:
        async with asyncio.timeout(20):  # aiohttp's default shutdown timeout is 60 s
            await client.server.close()
            assert b"data:" not in await rest  # the stream ended, nothing more was sent
    finally:
        await client.close()
