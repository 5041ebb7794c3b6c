"""The web chat's sign-in settings: who may run it where, and what each setting accepts."""

from __future__ import annotations

import ipaddress
from datetime import timedelta

import pytest

from bot.app.settings import AppSettings
from bot.config import ConfigError
from integrations.webchat.settings import WebchatSettings

ENTRA = "https://login.microsoftonline.com/4a1c0f2e-8b7d-4f6e-9a3b-2c5d6e7f8091/v2.0"
SIGN_IN = {
    "FVIS_OIDC_ISSUER": ENTRA,
    "FVIS_OIDC_CLIENT_ID": "c0ffee00-1111-2222-3333-444455556666",
    "FVIS_OIDC_CLIENT_SECRET": "hemlighet",
}


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "bot.example.se", "LOCALHOST."])
def test_beyond_loopback_without_an_issuer_the_bot_refuses_to_start(host: str) -> None:
    with pytest.raises(ConfigError) as error:
        AppSettings.from_env({"FVIS_HOST": host})
    message = str(error.value)
    assert "FVIS_OIDC_ISSUER" in message and "FVIS_HOST" in message
    assert "\n" not in message  # one line


@pytest.mark.parametrize("host", ["0.0.0.0", "bot.example.se"])
def test_beyond_loopback_with_an_issuer_it_signs_people_in(host: str) -> None:
    settings = AppSettings.from_env({"FVIS_HOST": host, **SIGN_IN})
    oidc = settings.webchat.oidc
    assert oidc is not None
    assert (oidc.issuer, oidc.client_secret) == (ENTRA, "hemlighet")
    assert oidc.discovery_url == ENTRA + "/.well-known/openid-configuration"


def test_beyond_loopback_the_web_chat_may_be_off_instead() -> None:
    settings = AppSettings.from_env({"FVIS_HOST": "0.0.0.0", "FVIS_WEBCHAT": "off"})
    assert settings.webchat_enabled is False and settings.webchat.oidc is None


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost"])
def test_on_loopback_without_an_issuer_it_is_the_demo(host: str) -> None:
    assert AppSettings.from_env({"FVIS_HOST": host}).webchat.oidc is None


def test_the_shared_token_is_gone_and_says_so() -> None:
    with pytest.raises(
        ConfigError, match=r"FVIS_WEBCHAT_TOKEN is no longer used.*FVIS_OIDC_ISSUER"
    ):
        AppSettings.from_env({"FVIS_WEBCHAT_TOKEN": "s3cret"})


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"FVIS_OIDC_ISSUER": ENTRA}, "FVIS_OIDC_CLIENT_ID"),
        ({"FVIS_OIDC_ISSUER": ENTRA, "FVIS_OIDC_CLIENT_ID": "x"}, "FVIS_OIDC_CLIENT_SECRET"),
        ({"FVIS_OIDC_CLIENT_ID": "x"}, "FVIS_OIDC_ISSUER"),
        ({**SIGN_IN, "FVIS_OIDC_ISSUER": "http://login.example.se/realm"}, "https://"),
        (
            {**SIGN_IN, "FVIS_OIDC_ISSUER": "https://login.microsoftonline.com/common/v2.0"},
            "name your tenant",
        ),
        (
            {**SIGN_IN, "FVIS_OIDC_ISSUER": "https://login.microsoftonline.com/organizations/v2.0"},
            "name your tenant",
        ),
        ({"FVIS_PUBLIC_URL": "fvis.region.se"}, "FVIS_PUBLIC_URL"),
        ({"FVIS_PUBLIC_URL": "https://fvis.region.se/chat"}, "FVIS_PUBLIC_URL"),
        ({"FVIS_SESSION_IDLE_HOURS": "åtta"}, "FVIS_SESSION_IDLE_HOURS"),
        ({"FVIS_SESSION_IDLE_HOURS": "0"}, "FVIS_SESSION_IDLE_HOURS"),
        ({"FVIS_TRUSTED_PROXIES": "10.0.0.5, proxy.region.se"}, "FVIS_TRUSTED_PROXIES"),
        ({"FVIS_FRAME_ANCESTORS": "region.sharepoint.com"}, "FVIS_FRAME_ANCESTORS"),
        ({"FVIS_FRAME_ANCESTORS": "https://a.se; script-src *"}, "FVIS_FRAME_ANCESTORS"),
        ({"FVIS_FRAME_ANCESTORS": "'self' https://a.se"}, "FVIS_FRAME_ANCESTORS"),
    ],
)
def test_bad_settings_name_the_variable(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        WebchatSettings.from_env(env, loopback=True)


def test_plain_http_issuer_only_for_a_provider_on_this_machine() -> None:
    local = {**SIGN_IN, "FVIS_OIDC_ISSUER": "http://127.0.0.1:4000"}
    assert WebchatSettings.from_env(local, loopback=True).oidc is not None
    with pytest.raises(ConfigError, match="https://"):
        WebchatSettings.from_env(local, loopback=False)


def test_sessions_proxies_and_framing_are_read() -> None:
    settings = WebchatSettings.from_env(
        {
            "FVIS_PUBLIC_URL": "https://fvis.region.se/",
            "FVIS_SESSION_IDLE_HOURS": "2.5",
            "FVIS_TRUSTED_PROXIES": "10.0.0.5, 10.1.0.0/16",
            "FVIS_FRAME_ANCESTORS": "https://region.sharepoint.com https://*.region.se",
        },
        loopback=True,
    )
    assert settings.public_url == "https://fvis.region.se"
    assert settings.session_idle == timedelta(hours=2.5)
    assert ipaddress.ip_address("10.1.200.3") in settings.trusted_proxies[1]
    assert settings.frame_ancestors == ("https://region.sharepoint.com", "https://*.region.se")
    assert WebchatSettings().session_idle == timedelta(hours=8)
