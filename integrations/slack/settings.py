"""Slack settings, read once from the environment at start (every one is in .env.example)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.config import ConfigError

DEFAULT_API_URL = "https://slack.com/api/"


@dataclass(frozen=True, slots=True)
class SlackSettings:
    bot_token: str
    signing_secret: str = ""
    app_token: str = ""
    # slack-sdk drops the last path segment of a base URL without a trailing slash.
    api_url: str = DEFAULT_API_URL
    programme_channel: str = ""
    command: str = "/fvis"

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)

    @property
    def http_mode(self) -> bool:
        return bool(self.signing_secret)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> SlackSettings:
        def get(name: str, default: str = "") -> str:
            return env.get(name, "").strip() or default

        bot_token = get("SLACK_BOT_TOKEN")
        if not bot_token:
            raise ConfigError("SLACK_BOT_TOKEN is required for Slack (xoxb-…)")
        app_token = get("SLACK_APP_TOKEN")
        signing_secret = get("SLACK_SIGNING_SECRET")
        if app_token and not app_token.startswith("xapp-"):
            raise ConfigError("SLACK_APP_TOKEN must be an app-level token (xapp-…)")
        if not app_token and not signing_secret:
            raise ConfigError(
                "SLACK_SIGNING_SECRET is required in HTTP mode "
                "(or set SLACK_APP_TOKEN for Socket Mode)"
            )
        api_url = get("SLACK_API_URL", DEFAULT_API_URL)
        parts = urlsplit(api_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(f"SLACK_API_URL must be an http(s) URL, not {api_url!r}")
        if not api_url.endswith("/"):
            api_url += "/"
        command = get("SLACK_COMMAND", "/fvis")
        if not command.startswith("/") or " " in command:
            raise ConfigError(f"SLACK_COMMAND must look like /fvis, not {command!r}")
        return cls(
            bot_token=bot_token,
            signing_secret=signing_secret,
            app_token=app_token,
            api_url=api_url,
            programme_channel=get("SLACK_PROGRAMME_CHANNEL"),
            command=command,
        )
