"""The whole installation's settings: the core's, plus those of the platforms that need more
than their own adapter reads (Teams, Graph and SharePoint share one Entra registration)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

from bot.config import Settings
from integrations.microsoft.settings import MicrosoftSettings
from integrations.webchat.settings import WebchatSettings


@dataclass(frozen=True, slots=True)
class AppSettings(Settings):
    # Teams, Graph and SharePoint; None when none is configured.
    microsoft: MicrosoftSettings | None = None
    # The web chat's sign-in (OpenID Connect), sessions and framing.
    webchat: WebchatSettings = field(default_factory=WebchatSettings)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AppSettings:
        env = os.environ if env is None else env
        settings = Settings.from_env(env)
        microsoft = MicrosoftSettings.from_env(env, loopback=settings.bound_to_loopback)
        webchat = WebchatSettings.from_env(
            env, loopback=settings.bound_to_loopback, enabled=settings.webchat_enabled
        )
        core = {field.name: getattr(settings, field.name) for field in fields(Settings)}
        return cls(**core, microsoft=microsoft, webchat=webchat)


def microsoft_of(settings: Settings) -> MicrosoftSettings | None:
    """The Microsoft settings, when the settings carry any (benches and tests pass plain ones)."""
    return settings.microsoft if isinstance(settings, AppSettings) else None


def webchat_of(settings: Settings) -> WebchatSettings:
    """The web chat's settings; plain core settings (benches, tests) get the demo's."""
    return settings.webchat if isinstance(settings, AppSettings) else WebchatSettings()
