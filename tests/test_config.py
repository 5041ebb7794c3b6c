"""Settings.from_env: defaults, malformed values named by their variable, the token rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, Settings


def test_defaults_with_nothing_set() -> None:
    settings = Settings.from_env({})
    assert settings == Settings()
    assert settings.host == "127.0.0.1"
    assert settings.port == 3978
    assert settings.db_path == Path("data/fvis.db")
    assert settings.programme_file is None
    assert settings.timezone == "Europe/Stockholm"
    assert settings.tz.key == "Europe/Stockholm"
    assert settings.webchat_enabled is True
    assert settings.deviation_system_url == ""
    assert settings.programme_channel == "fvis-program"
    assert settings.dialogue_timeout_minutes == 30
    assert settings.log_level == "INFO"
    assert settings.bound_to_loopback is True


def test_blank_values_mean_the_default() -> None:
    settings = Settings.from_env(
        {"FVIS_PORT": "  ", "FVIS_HOST": "", "FVIS_TIMEZONE": " ", "FVIS_WEBCHAT": ""}
    )
    assert settings == Settings()


def test_reads_os_environ_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FVIS_PORT", "8080")
    monkeypatch.setenv("FVIS_DB_PATH", str(tmp_path / "x.db"))
    monkeypatch.setenv("FVIS_TIMEZONE", "UTC")
    monkeypatch.setenv("FVIS_WEBCHAT", "OFF")
    monkeypatch.setenv("FVIS_PROGRAMME_FILE", str(tmp_path / "p.yaml"))
    monkeypatch.setenv("FVIS_LOG_LEVEL", "debug")
    monkeypatch.setenv("FVIS_DIALOGUE_TIMEOUT_MINUTES", "5")
    settings = Settings.from_env()
    assert settings.port == 8080
    assert settings.db_path == tmp_path / "x.db"
    assert settings.timezone == "UTC"
    assert settings.webchat_enabled is False
    assert settings.programme_file == tmp_path / "p.yaml"
    assert settings.log_level == "DEBUG"
    assert settings.dialogue_timeout_minutes == 5


@pytest.mark.parametrize("value", ["on", "ON", "true", "1", " on "])
def test_webchat_on_words(value: str) -> None:
    assert Settings.from_env({"FVIS_WEBCHAT": value}).webchat_enabled is True


@pytest.mark.parametrize("value", ["off", "Off", "false", "0"])
def test_webchat_off_words(value: str) -> None:
    assert Settings.from_env({"FVIS_WEBCHAT": value}).webchat_enabled is False


@pytest.mark.parametrize("port", ["abc", "80.5", "0x50", "-1", "65536", "99999999999"])
def test_bad_port_names_the_variable(port: str) -> None:
    with pytest.raises(ConfigError, match="FVIS_PORT") as error:
        Settings.from_env({"FVIS_PORT": port})
    assert port.strip() in str(error.value) or "between" in str(error.value)


@pytest.mark.parametrize("minutes", ["0", "never", str(24 * 60 + 1)])
def test_bad_dialogue_timeout_names_the_variable(minutes: str) -> None:
    with pytest.raises(ConfigError, match="FVIS_DIALOGUE_TIMEOUT_MINUTES"):
        Settings.from_env({"FVIS_DIALOGUE_TIMEOUT_MINUTES": minutes})


@pytest.mark.parametrize(
    "zone",
    [
        "Mars/Olympus_Mons",
        "Europe/Stockolm",
        "Europe",  # a folder of the time zone database, not a zone
        "Europe/",
        "../../etc/passwd",
        "/etc/localtime",
        "UTC\x00",
        "x" * 300,
    ],
)
def test_bad_timezone_names_the_variable(zone: str) -> None:
    with pytest.raises(ConfigError, match="FVIS_TIMEZONE"):
        Settings.from_env({"FVIS_TIMEZONE": zone})


@pytest.mark.parametrize("value", ["maybe", "yes please", "2", "enabled"])
def test_bad_webchat_value_names_the_variable(value: str) -> None:
    with pytest.raises(ConfigError, match="FVIS_WEBCHAT") as error:
        Settings.from_env({"FVIS_WEBCHAT": value})
    assert "on or off" in str(error.value)


@pytest.mark.parametrize("level", ["LOUD", "verbose", "5"])
def test_bad_log_level_names_the_variable(level: str) -> None:
    with pytest.raises(ConfigError, match="FVIS_LOG_LEVEL"):
        Settings.from_env({"FVIS_LOG_LEVEL": level})


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_hosts_are_loopback(host: str) -> None:
    settings = Settings.from_env({"FVIS_HOST": host})
    assert settings.bound_to_loopback is True
