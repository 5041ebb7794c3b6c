"""Who may call /api/messages: the SDK validates every token against the local OpenID keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FakeClock
from tests.fakes.botframework import APP_ID, teams_world
from tests.fakes.openid import private_key


def _entries(world) -> int:  # type: ignore[no-untyped-def]
    return int(world.bot.db.execute("SELECT COUNT(*) FROM teams_references").fetchone()[0])


async def test_valid_token_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        response = await world.post(world.activities.message("anna", "hjälp"))
        assert response.status in (200, 201, 202)
        assert world.connector.posts(), "the bot answered through the connector"
        assert world.openid.key_requests >= 1, "the keys came from the local OpenID metadata"


@pytest.mark.parametrize(
    "case",
    [
        "missing",
        "wrong_audience",
        "expired",
        "unsigned",
        "other_key",
        "wrong_issuer",
        "not_bearer",
        "no_expiry",
        "string_expiry",
    ],
)
async def test_bad_tokens_get_401_and_nothing_happens(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        import time

        import jwt

        headers: dict[str, str] = {}
        token: str | None
        if case == "missing":
            token = None
        elif case == "wrong_audience":
            token = world.token(audience="99999999-0000-4000-8000-000000000000")
        elif case == "expired":
            # Older than the SDK's five minutes of leeway.
            token = world.token(issued=time.time() - 7200, lifetime=3600)
        elif case == "unsigned":
            token = jwt.encode(
                {"iss": "https://api.botframework.com", "aud": APP_ID, "exp": time.time() + 600},
                key=None,
                algorithm="none",
            )
        elif case == "other_key":
            token = world.token(key=private_key())  # same key id, forged signature
        elif case == "wrong_issuer":
            token = world.token(issuer="https://evil.example.com")
        elif case == "no_expiry":
            token = world.token(without=("exp",))
        elif case == "string_expiry":
            token = world.token(exp=str(int(time.time()) + 600))
        else:
            token = None
            headers = {"Authorization": f"Basic {world.token()}"}
        response = await world.post(
            world.activities.message("anna", "behov Skrivare saknas"), token=token, headers=headers
        )
        assert response.status == 401
        assert world.connector.received == []
        assert _entries(world) == 0
        assert list(world.bot.db.query("SELECT * FROM dialogues")) == []


async def test_service_url_must_match_the_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock) as world:
        token = world.token(service_url="https://smba.trafficmanager.net/emea/")
        response = await world.post(world.activities.message("anna", "hjälp"), token=token)
        assert response.status == 401
        assert world.connector.received == []


async def test_anonymous_only_without_app_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    async with teams_world(tmp_path, monkeypatch, clock, anonymous=True) as world:
        response = await world.post(world.activities.message("anna", "hjälp"), token=None)
        assert response.status in (200, 201, 202)
        post = world.connector.posts()[-1]
        assert post.authorization == "", "no token is sent without an app id"
        assert world.entra.issued == []


def test_anonymous_is_refused_off_loopback() -> None:
    from bot.app.settings import AppSettings as Settings
    from bot.config import ConfigError

    with pytest.raises(ConfigError, match="TEAMS_ANONYMOUS"):
        Settings.from_env({"TEAMS_ANONYMOUS": "on", "FVIS_HOST": "0.0.0.0", "FVIS_WEBCHAT": "off"})
    settings = Settings.from_env({"TEAMS_ANONYMOUS": "on"})
    assert settings.microsoft is not None and settings.microsoft.teams is not None
    assert settings.microsoft.teams.credentials is None


def test_app_id_needs_tenant_and_secret() -> None:
    from bot.app.settings import AppSettings as Settings
    from bot.config import ConfigError

    with pytest.raises(ConfigError, match="TEAMS_TENANT_ID"):
        Settings.from_env({"TEAMS_APP_ID": APP_ID})
    with pytest.raises(ConfigError, match="TEAMS_APP_PASSWORD"):
        Settings.from_env({"TEAMS_APP_ID": APP_ID, "TEAMS_TENANT_ID": "t"})
    settings = Settings.from_env(
        {"TEAMS_APP_ID": APP_ID, "TEAMS_TENANT_ID": "t", "TEAMS_APP_PASSWORD": "s"}
    )
    assert settings.microsoft is not None and settings.microsoft.teams is not None
    assert settings.microsoft.teams.app_id == APP_ID
    assert settings.microsoft.teams.app_rate_per_second == 30.0
    assert Settings.from_env({}).microsoft is None
