"""Settings, read once from the environment at start (every one is listed in .env.example)."""

from __future__ import annotations

import ipaddress
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True, slots=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 3978
    db_path: Path = Path("data/fvis.db")
    # PostgreSQL, shared by every replica (postgresql://user:pass@host:port/db); "" is SQLite.
    database_url: str = ""
    programme_file: Path | None = None  # None: the demo programme shipped with the bot
    timezone: str = "Europe/Stockholm"
    webchat_enabled: bool = True
    deviation_system_url: str = ""
    programme_channel: str = "fvis-program"
    dialogue_timeout_minutes: int = 30
    log_level: str = "INFO"
    files_dir: Path | None = None  # reports the bot generated; None: "files" beside the database
    word_template: Path | None = None  # the region's .docx/.dotx for reports
    report_registration_number: str = ""  # diarienummer in the reports' header block
    budget_file: Path | None = None  # the finance office's CSV of budget, outcome and forecast
    # Processes the running bot makes reports in, beside the chat; None: one fewer than the
    # machine's cores (1–4); 0: a thread of the bot's own process.
    report_processes: int | None = None
    operator_name: str = ""  # who the command line acts as, unless --as names someone
    weekly_report_channels: tuple[str, ...] = ()  # "platform:channel" of the project leads
    reminder_offsets_days: tuple[int, ...] = (14, 7, 1)
    reminder_time: str = "09:00"  # HH:MM, local time
    digest_time: str = "07:30"  # HH:MM, local time: the daily digest of those who chose one
    grace_minutes: int = 60
    # How often every replica looks for due work and stopped replicas' claims (0: 300 s on
    # SQLite, 10 s on PostgreSQL), and how long a silent replica counts as alive (PostgreSQL).
    sweep_seconds: int = 0
    replica_timeout_seconds: int = 30
    calendar_token: str = ""
    # Key for the keyed hashes of client ids (bot.domain.keys); empty: a file beside the database.
    installation_secret: str = ""
    request_retention_days: int = 7  # answers kept for retried requests
    public_hosts: tuple[str, ...] = ()  # host names the bot is reached by (behind a proxy)

    @property
    def files_folder(self) -> Path:
        return self.files_dir or Path(self.db_path).parent / "files"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def bound_to_loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env

        def get(name: str, default: str) -> str:
            return env.get(name, "").strip() or default

        def integer(name: str, default: int, low: int, high: int) -> int:
            raw = get(name, str(default))
            try:
                value = int(raw)
            except ValueError:
                raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None
            if not low <= value <= high:
                raise ConfigError(f"{name} must be between {low} and {high}, not {value}")
            return value

        programme = get("FVIS_PROGRAMME_FILE", "")
        # The web chat's sign-in (and its refusal to run open beyond loopback) is checked with
        # its own settings: integrations/webchat/settings.py.
        return cls(
            host=get("FVIS_HOST", "127.0.0.1"),
            port=integer("FVIS_PORT", 3978, 0, 65535),
            db_path=Path(get("FVIS_DB_PATH", "data/fvis.db")),
            database_url=_database_url(get("FVIS_DATABASE_URL", "")),
            programme_file=Path(programme) if programme else None,
            timezone=_timezone(get("FVIS_TIMEZONE", "Europe/Stockholm")),
            webchat_enabled=_on_off("FVIS_WEBCHAT", get("FVIS_WEBCHAT", "on")),
            deviation_system_url=get("FVIS_DEVIATION_SYSTEM_URL", ""),
            programme_channel=get("FVIS_PROGRAMME_CHANNEL", "fvis-program"),
            dialogue_timeout_minutes=integer("FVIS_DIALOGUE_TIMEOUT_MINUTES", 30, 1, 24 * 60),
            log_level=_log_level(get("FVIS_LOG_LEVEL", "INFO")),
            files_dir=Path(env["FVIS_FILES_DIR"])
            if env.get("FVIS_FILES_DIR", "").strip()
            else None,
            word_template=_word_template(get("FVIS_WORD_TEMPLATE", "")),
            report_registration_number=get("FVIS_REPORT_DIARIENUMMER", ""),
            budget_file=Path(get("FVIS_BUDGET_FILE", "")) if get("FVIS_BUDGET_FILE", "") else None,
            report_processes=(
                integer("FVIS_REPORT_PROCESSES", 0, 0, 32)
                if get("FVIS_REPORT_PROCESSES", "")
                else None
            ),
            operator_name=get("FVIS_OPERATOR_NAME", ""),
            weekly_report_channels=_channels(get("FVIS_WEEKLY_REPORT_CHANNELS", "")),
            reminder_offsets_days=_offsets(get("FVIS_REMINDER_OFFSETS_DAYS", "14,7,1")),
            reminder_time=_clock_time(get("FVIS_REMINDER_TIME", "09:00")),
            digest_time=_clock_time(get("FVIS_DIGEST_TIME", "07:30"), "FVIS_DIGEST_TIME"),
            grace_minutes=integer("FVIS_GRACE_MINUTES", 60, 0, 7 * 24 * 60),
            sweep_seconds=integer("FVIS_SWEEP_SECONDS", 0, 0, 3600),
            replica_timeout_seconds=integer("FVIS_REPLICA_TIMEOUT_SECONDS", 30, 2, 3600),
            calendar_token=get("FVIS_CALENDAR_TOKEN", ""),
            installation_secret=_secret(
                "FVIS_INSTALLATION_SECRET", get("FVIS_INSTALLATION_SECRET", "")
            ),
            request_retention_days=integer("FVIS_REQUEST_RETENTION_DAYS", 7, 1, 365),
            public_hosts=_hosts(get("FVIS_PUBLIC_HOSTS", "")),
        )


def _hosts(raw: str) -> tuple[str, ...]:
    """Comma-separated host names, e.g. `fvis.region.se, fvis-bot.intern.region.se`."""
    hosts = tuple(part.strip().lower().rstrip(".") for part in raw.split(",") if part.strip())
    for host in hosts:
        if "/" in host or " " in host or host.startswith("http"):
            raise ConfigError(
                f"FVIS_PUBLIC_HOSTS must list host names such as fvis.region.se, not {host!r}"
            )
    return hosts


def _secret(name: str, raw: str) -> str:
    if raw and len(raw) < 32:
        raise ConfigError(f"{name} must be at least 32 characters (e.g. `openssl rand -hex 32`)")
    return raw


def _on_off(name: str, raw: str) -> bool:
    value = raw.lower()
    if value not in ("on", "off", "true", "false", "1", "0"):
        raise ConfigError(f"{name} must be on or off, not {value!r}")
    return value in ("on", "true", "1")


def _timezone(raw: str) -> str:
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # OSError: a folder of the database ("Europe") or an over-long name.
        raise ConfigError(f"FVIS_TIMEZONE is not a known time zone: {raw!r}") from None
    return raw


def _database_url(raw: str) -> str:
    if raw and not raw.startswith(("postgresql://", "postgres://")):
        # Never the value itself in the message: it may hold a password.
        raise ConfigError("FVIS_DATABASE_URL must start with postgresql:// (or be empty: SQLite)")
    return raw


def _log_level(raw: str) -> str:
    level = raw.upper()
    if level not in logging.getLevelNamesMapping():
        raise ConfigError(f"FVIS_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {level!r}")
    return level


def _offsets(raw: str) -> tuple[int, ...]:
    """Days before a milestone that reminders go out: "14,7,1" → (14, 7, 1)."""
    try:
        days = sorted({int(part) for part in raw.replace(" ", "").split(",") if part}, reverse=True)
    except ValueError:
        raise ConfigError(
            f"FVIS_REMINDER_OFFSETS_DAYS must be whole days separated by commas, not {raw!r}"
        ) from None
    if not days or not all(0 <= day <= 365 for day in days):
        raise ConfigError(f"FVIS_REMINDER_OFFSETS_DAYS must be days between 0 and 365, not {raw!r}")
    return tuple(days)


def _clock_time(raw: str, name: str = "FVIS_REMINDER_TIME") -> str:
    hour, _, minute = raw.partition(":")
    if not (hour.isdigit() and minute.isdigit() and int(hour) < 24 and int(minute) < 60):
        raise ConfigError(f"{name} must be a time like 09:00, not {raw!r}")
    return f"{int(hour):02d}:{int(minute):02d}"


def _word_template(raw: str) -> Path | None:
    if not raw:
        return None
    path = Path(raw)
    if path.suffix.lower() not in (".docx", ".dotx"):
        raise ConfigError(f"FVIS_WORD_TEMPLATE must be a .docx or .dotx file, not {raw!r}")
    if not path.is_file():
        raise ConfigError(f"FVIS_WORD_TEMPLATE: no such file {raw!r}")
    return path


def _channels(raw: str) -> tuple[str, ...]:
    """Comma-separated platform:channel pairs, e.g. `slack:C0123, webchat:projektledning`."""
    channels = tuple(part.strip() for part in raw.split(",") if part.strip())
    for channel in channels:
        platform, _, name = channel.partition(":")
        if not platform.strip() or not name.strip():
            raise ConfigError(
                f"FVIS_WEEKLY_REPORT_CHANNELS must list platform:channel, such as "
                f"slack:C0123ABC or webchat:projektledning, not {channel!r}"
            )
    return channels
