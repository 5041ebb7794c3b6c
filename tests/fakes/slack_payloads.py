"""What Slack sends an app, shaped and signed as Slack does, and a bot wired to the fake Slack.

Shapes follow Slack's documented payloads: slash commands are form-encoded; interactions
(block_actions, view_submission, message_action) are form-encoded with one `payload=` JSON
field; events are JSON `event_callback` envelopes. HTTP requests carry X-Slack-Signature
(v0=HMAC-SHA256 of "v0:{timestamp}:{body}") and X-Slack-Request-Timestamp.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from slack_sdk.signature import SignatureVerifier

from bot.app.build import Bot, build, web_app
from bot.config import Settings
from tests.fakes.slack_api import TEAM, FakeSlack, block_text

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-fvis-test"
APP_TOKEN = "xapp-1-fvis-test"
APP_ID = "A0FVIS"

ANNA, BERTIL, OMAR = "U0ANNA", "U0BERTIL", "U0OMAR"
GENERAL, PROGRAMME_CHANNEL = "C0GENERAL", "C0PROGRAM"

PROGRAMME = f"""
programme:
  name: FVIS
  title: Framtidens vårdinformationsstöd
  channel: fvis-program
  deviation_system_url: https://intranat.example.se/avvikelsesystem
  channels: {{slack: C0FROMFILE}}
benefits:
  1: Stärkt partnerskap mellan invånare och vårdgivare
  2: Förbättrade och smartare arbetsformer i det dagliga arbetet
  3: Stärkt informationsutbyte
  4: Stärkt ledning
  5: Stärkt forskning
people:
  - {{id: anna, name: Anna Lindqvist, roles: [reporter], locale: sv, accounts: {{webchat: anna, slack: {ANNA}}}}}
  - {{id: omar, name: Omar Haddad, roles: [reporter], locale: en, accounts: {{slack: {OMAR}}}}}
  - {{id: bertil, name: Bertil Nordin, roles: [handler], locale: sv, accounts: {{webchat: bertil, slack: {BERTIL}}}}}
"""


def signed_headers(
    body: str, content_type: str, *, timestamp: int | str | None = None, secret: str = SECRET
) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature,
    }


# -- payloads -----------------------------------------------------------------------------


def slash_command(
    text: str, *, user: str = ANNA, channel: str = GENERAL, trigger: str, response_url: str
) -> dict[str, str]:
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM,
        "team_domain": "fvis",
        "channel_id": channel,
        "channel_name": "allmänt" if channel.startswith("C") else "directmessage",
        "user_id": user,
        "user_name": user.lower(),
        "command": "/fvis",
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger,
    }


def event_callback(event: dict[str, Any], event_id: str) -> dict[str, Any]:
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM,
        "api_app_id": APP_ID,
        "event": {"event_ts": event.get("ts", "1780000000.000001"), **event},
        "type": "event_callback",
        "event_id": event_id,
        "event_time": 1_780_000_000,
        "authorizations": [
            {"team_id": TEAM, "user_id": "U0BOT", "is_bot": True, "is_enterprise_install": False}
        ],
    }


def im_message(text: str, *, user: str = ANNA, ts: str = "1780000100.000100") -> dict[str, Any]:
    return {
        "type": "message",
        "channel": "D" + user.removeprefix("U"),
        "user": user,
        "text": text,
        "ts": ts,
        "channel_type": "im",
        "client_msg_id": f"msg-{ts}",
    }


def mention(text: str, *, user: str = ANNA, channel: str = GENERAL, ts: str) -> dict[str, Any]:
    return {
        "type": "app_mention",
        "user": user,
        "text": f"<@U0BOT> {text}",
        "ts": ts,
        "channel": channel,
    }


def thread_message(
    text: str, *, user: str = ANNA, channel: str = GENERAL, ts: str, thread_ts: str
) -> dict[str, Any]:
    return {
        "type": "message",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": ts,
        "thread_ts": thread_ts,
        "channel_type": "channel",
    }


def home_opened(user: str) -> dict[str, Any]:
    return {"type": "app_home_opened", "user": user, "channel": "D" + user[1:], "tab": "home"}


def _user(user: str) -> dict[str, Any]:
    return {"id": user, "username": user.lower(), "name": user.lower(), "team_id": TEAM}


def find_element(blocks: list[dict[str, Any]], label: str) -> dict[str, Any]:
    """The button with this text, or the menu holding an option with it (then with `chosen`)."""
    for block in blocks:
        for element in block.get("elements", []):
            if element.get("type") == "button" and element["text"]["text"] == label:
                return element
            for option in element.get("options", []):
                if option["text"]["text"] == label:
                    return {**element, "chosen": option}
    texts = [block_text([b]) for b in blocks]
    raise AssertionError(f"no button or option {label!r} in {texts}")


def block_actions(
    blocks: list[dict[str, Any]],
    label: str,
    *,
    user: str,
    trigger: str,
    channel: str = "",
    message_ts: str = "",
    thread_ts: str = "",
    view: dict[str, Any] | None = None,
    response_url: str = "",
    ephemeral: bool = False,
) -> dict[str, Any]:
    element = find_element(blocks, label)
    action: dict[str, Any] = {
        "action_id": element["action_id"],
        "block_id": "blk",
        "type": element["type"],
        "action_ts": f"{time.time():.6f}",
    }
    if element["type"] == "button":
        action["text"] = element["text"]
        action["value"] = element.get("value", "")
    else:
        action["selected_option"] = element["chosen"]
        action["placeholder"] = element.get("placeholder")
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": _user(user),
        "api_app_id": APP_ID,
        "token": "legacy-verification-token",
        "trigger_id": trigger,
        "team": {"id": TEAM, "domain": "fvis"},
        "enterprise": None,
        "is_enterprise_install": False,
        "actions": [action],
        "state": {"values": {}},
    }
    if view is not None:
        payload["container"] = {"type": "view", "view_id": view["id"]}
        payload["view"] = view
    else:
        payload["container"] = {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel,
            "is_ephemeral": ephemeral,
        }
        payload["channel"] = {"id": channel, "name": "directmessage"}
        if not ephemeral:
            message: dict[str, Any] = {"type": "message", "ts": message_ts, "blocks": blocks}
            if thread_ts:
                message["thread_ts"] = thread_ts
            payload["message"] = message
        if response_url:
            payload["response_url"] = response_url
    return payload


def view_submission(view: dict[str, Any], values: dict[str, str], *, user: str) -> dict[str, Any]:
    """A submission of the modal as opened, with these values typed or chosen."""
    state: dict[str, dict[str, Any]] = {}
    for block in view["blocks"]:
        if block.get("type") != "input":
            continue
        element = block["element"]
        value = values.get(block["block_id"])
        if element["type"] == "static_select":
            chosen = next((o for o in element["options"] if o["value"] == value), None)
            if chosen is None and value is None:
                chosen = element.get("initial_option")
            state[block["block_id"]] = {
                element["action_id"]: {"type": "static_select", "selected_option": chosen}
            }
        else:
            typed = element.get("initial_value") if value is None else value
            state[block["block_id"]] = {
                element["action_id"]: {"type": "plain_text_input", "value": typed or None}
            }
    return {
        "type": "view_submission",
        "team": {"id": TEAM, "domain": "fvis"},
        "user": _user(user),
        "api_app_id": APP_ID,
        "token": "legacy-verification-token",
        "trigger_id": f"trig-submit-{time.time_ns()}",
        "view": {**view, "state": {"values": state}, "app_id": APP_ID, "bot_id": "B0BOT"},
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }


def message_shortcut(
    text: str, *, user: str, channel: str, message_ts: str, trigger: str, response_url: str
) -> dict[str, Any]:
    return {
        "type": "message_action",
        "token": "legacy-verification-token",
        "action_ts": f"{time.time():.6f}",
        "team": {"id": TEAM, "domain": "fvis"},
        "user": _user(user),
        "channel": {"id": channel, "name": "allmänt"},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": "fvis_register",
        "trigger_id": trigger,
        "response_url": response_url,
        "message_ts": message_ts,
        "message": {
            "type": "message",
            "user": "U0CARL",
            "text": text,
            "ts": message_ts,
            "client_msg_id": "c7d3",
        },
    }


# -- a bot wired to the fake --------------------------------------------------------------


@dataclass
class SlackHarness:
    fake: FakeSlack
    bot: Bot
    url: str
    session: aiohttp.ClientSession

    @property
    def adapter(self) -> Any:
        return self.bot.adapter("slack")

    async def settle(self) -> None:
        """Let the work the app does after acknowledging finish."""
        await self.adapter.drain()

    async def send(
        self, body: str, content_type: str, *, retry: int | None = None, **sign: Any
    ) -> tuple[int, str]:
        headers = signed_headers(body, content_type, **sign)
        if retry is not None:
            headers["X-Slack-Retry-Num"] = str(retry)
            headers["X-Slack-Retry-Reason"] = "http_timeout"
        async with self.session.post(
            f"{self.url}/slack/events", data=body.encode(), headers=headers
        ) as response:
            return response.status, await response.text()

    async def command(
        self, text: str, *, user: str = ANNA, channel: str = GENERAL, trigger: str = ""
    ) -> tuple[int, str]:
        body = urlencode(
            slash_command(
                text,
                user=user,
                channel=channel,
                trigger=trigger or f"trig-{time.time_ns()}",
                response_url=self.fake.response_url(f"cmd-{time.time_ns()}"),
            )
        )
        status, text_ = await self.send(body, "application/x-www-form-urlencoded")
        await self.settle()
        return status, text_

    async def interact(self, payload: dict[str, Any]) -> tuple[int, str]:
        body = urlencode({"payload": json.dumps(payload)})
        status, text = await self.send(body, "application/x-www-form-urlencoded")
        await self.settle()
        return status, text

    async def event(
        self, event: dict[str, Any], event_id: str, *, retry: int | None = None
    ) -> tuple[int, str]:
        body = json.dumps(event_callback(event, event_id))
        status, text = await self.send(body, "application/json", retry=retry)
        await self.settle()
        return status, text

    def opened_view(self, index: int = -1) -> dict[str, Any]:
        """The modal views.open showed (as the fake answered it, with id and hash)."""
        call = self.fake.calls_to("views.open")[index]
        view = call.params["view"]
        view = json.loads(view) if isinstance(view, str) else view
        return {**view, "id": f"V-open-{index % 1000}", "hash": "h1"}

    def posted(self, index: int = -1) -> dict[str, Any]:
        """A chat.postMessage call's arguments, with the ts Slack gave the message."""
        call = self.fake.calls_to("chat.postMessage")[index]
        return {**call.params, "ts": call.result.get("ts", "")}

    def rows(self, table: str = "entries") -> list[dict[str, Any]]:
        return list(self.bot.db.query(f"SELECT * FROM {table} ORDER BY rowid"))


@asynccontextmanager
async def slack_bot(
    tmp_path: Path,
    clock: Any,
    monkeypatch: Any,
    *,
    socket_mode: bool = False,
    http_mode: bool = True,
    programme_text: str = PROGRAMME,
) -> AsyncIterator[SlackHarness]:
    """A whole bot (build + web_app) with Slack configured against a fresh fake."""
    fake = await FakeSlack().start()
    fake.add_user(ANNA, "Anna Lindqvist", "sv-SE")
    fake.add_user(BERTIL, "Bertil Nordin", "sv-SE")
    fake.add_user(OMAR, "Omar Haddad", "en-GB")
    programme = tmp_path / "programme.yaml"
    programme.write_text(programme_text, encoding="utf-8")
    settings = Settings(db_path=tmp_path / "fvis.db", programme_file=programme)
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_API_URL", fake.api_url)
    monkeypatch.setenv("SLACK_PROGRAMME_CHANNEL", PROGRAMME_CHANNEL)
    if http_mode:
        monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    if socket_mode:
        monkeypatch.setenv("SLACK_APP_TOKEN", APP_TOKEN)
    bot = build(settings, clock=clock)
    runner = web.AppRunner(web_app(bot))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    session = aiohttp.ClientSession()
    try:
        yield SlackHarness(fake, bot, f"http://127.0.0.1:{port}", session)
    finally:
        await session.close()
        await runner.cleanup()
        bot.close()
        await fake.stop()
