"""Socket Mode against a local WebSocket server, and Slack's settings and manifest."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.app.build import build
from bot.config import ConfigError, Settings
from integrations.slack.adapter import SHORTCUT_CALLBACK
from integrations.slack.settings import SlackSettings
from tests.conftest import FakeClock
from tests.fakes.slack_api import block_text
from tests.fakes.slack_payloads import (
    ANNA,
    APP_TOKEN,
    GENERAL,
    SlackHarness,
    event_callback,
    im_message,
    slack_bot,
    slash_command,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
async def socket_slack(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[SlackHarness]:
    async with slack_bot(
        tmp_path, clock, monkeypatch, socket_mode=True, http_mode=False
    ) as harness:
        await harness.fake.wait_connected()
        yield harness


def _blocks(params: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = params["blocks"]
    return json.loads(blocks) if isinstance(blocks, str) else list(blocks)


async def test_socket_mode_connects_with_the_app_token(socket_slack: SlackHarness) -> None:
    [connect] = socket_slack.fake.calls_to("apps.connections.open")
    assert connect.token == APP_TOKEN
    # Without a signing secret there is no HTTP endpoint to forge requests against.
    async with socket_slack.session.post(f"{socket_slack.url}/slack/events", data=b"{}") as answer:
        assert answer.status in (404, 405)


async def test_a_slash_command_over_the_socket_is_acked_and_opens_the_modal(
    socket_slack: SlackHarness,
) -> None:
    payload = slash_command(
        "behov Vi saknar skrivare",
        trigger="trig-socket",
        response_url=socket_slack.fake.response_url("socket"),
    )
    ack = await socket_slack.fake.envelope("slash_commands", payload)
    assert ack["envelope_id"].startswith("env-")
    await socket_slack.settle()
    assert socket_slack.fake.last("views.open")["trigger_id"] == "trig-socket"
    view = socket_slack.opened_view()
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
    assert inputs["title"]["element"]["initial_value"] == "Vi saknar skrivare"


async def test_a_dm_over_the_socket_is_answered_once_despite_a_retried_envelope(
    socket_slack: SlackHarness,
) -> None:
    event = event_callback(im_message("hjälp", user=ANNA), "EvSock1")
    await socket_slack.fake.envelope("events_api", event)
    await socket_slack.settle()
    assert socket_slack.fake.count("chat.postMessage") == 1
    assert "behov" in block_text(_blocks(socket_slack.posted()))
    await socket_slack.fake.envelope("events_api", event, retry_attempt=1)
    await socket_slack.settle()
    assert socket_slack.fake.count("chat.postMessage") == 1


async def test_a_submission_over_the_socket_returns_field_errors_in_the_ack(
    socket_slack: SlackHarness,
) -> None:
    from tests.fakes.slack_payloads import view_submission

    await socket_slack.fake.envelope(
        "slash_commands",
        slash_command("risk", trigger="trig-r", response_url=socket_slack.fake.response_url()),
    )
    await socket_slack.settle()
    view = socket_slack.opened_view()
    ack = await socket_slack.fake.envelope(
        "interactive", view_submission(view, {"title": ""}, user=ANNA)
    )
    assert ack["payload"]["response_action"] == "errors"
    assert "description" in ack["payload"]["errors"]
    assert not socket_slack.rows()
    assert json.loads(view["private_metadata"])["channel"] == GENERAL


# -- settings -----------------------------------------------------------------------------


def test_http_mode_without_a_signing_secret_fails_at_start_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        build(Settings(db_path=tmp_path / "fvis.db"))


def test_slack_settings_are_checked_and_normalised() -> None:
    settings = SlackSettings.from_env(
        {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "SLACK_API_URL": "http://x/api"}
    )
    assert settings.api_url == "http://x/api/"  # slack-sdk drops /api without the slash
    assert settings.socket_mode and not settings.http_mode
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN"):
        SlackSettings.from_env({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-2"})
    with pytest.raises(ConfigError, match="SLACK_API_URL"):
        SlackSettings.from_env(
            {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": "slack"}
        )
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        SlackSettings.from_env({"SLACK_SIGNING_SECRET": "s"})


def test_without_a_bot_token_slack_is_not_started(tmp_path: Path) -> None:
    bot = build(Settings(db_path=tmp_path / "fvis.db"))
    try:
        assert bot.adapter("slack") is None and "slack" not in bot.notifier.platforms
    finally:
        bot.close()


def test_every_slack_setting_is_in_env_example() -> None:
    listed = (ROOT / ".env.example").read_text(encoding="utf-8")
    used = (ROOT / "integrations/slack/settings.py").read_text(encoding="utf-8")
    import re

    names = set(re.findall(r'"(SLACK_[A-Z_]+)"', used))
    assert names >= {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL"}
    for name in names:
        assert re.search(rf"^{name}=", listed, re.M), name


# -- the manifest -------------------------------------------------------------------------


def test_the_manifest_asks_for_what_the_adapter_uses() -> None:
    manifest = yaml.safe_load(
        (ROOT / "integrations/slack/manifest.yaml").read_text(encoding="utf-8")
    )
    features, settings = manifest["features"], manifest["settings"]
    assert [c["command"] for c in features["slash_commands"]] == ["/fvis"]
    assert [s["callback_id"] for s in features["shortcuts"]] == [SHORTCUT_CALLBACK]
    assert features["shortcuts"][0]["type"] == "message"
    assert features["app_home"]["home_tab_enabled"] is True
    assert set(settings["event_subscriptions"]["bot_events"]) == {
        "app_home_opened",
        "app_mention",
        "message.im",
        "message.channels",
        "message.groups",
    }
    assert settings["interactivity"]["is_enabled"] is True
    assert settings["interactivity"]["request_url"].endswith("/slack/events")
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {
        "commands",
        "chat:write",
        "im:write",
        "im:history",
        "app_mentions:read",
        "channels:history",
        "groups:history",
        "users:read",
        "files:write",
    }
