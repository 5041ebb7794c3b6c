"""Settings of the Microsoft parts (Teams, Graph, SharePoint), read with the rest at start.

Plain values only: nothing here imports a Microsoft package, so the core starts fast and the
composition root can tell what is configured before it imports anything heavy.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlparse

from bot.config import ConfigError

DEFAULT_AUTHORITY = "https://login.microsoftonline.com"
DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0"
BOT_CONNECTOR_SCOPE = "https://api.botframework.com/.default"
# SharePoint list columns (internal names) -> our fields, unless configured otherwise.
DEFAULT_COLUMNS: dict[str, dict[str, str]] = {
    "milestones": {
        "MilestoneId": "id",
        "Title": "title",
        "DueDate": "date",
        "Kind": "kind",
        "Owner": "owner",
    },
    "comms": {
        "Title": "title",
        "Body": "body",
        "BodyEn": "body_en",
        "Audiences": "audiences",
        "Channels": "channels",
        "SendAt": "send_at",
    },
}
# Microsoft's documented per-app limit across a tenant (Teams: rate limiting for bots).
DEFAULT_APP_RATE = 30.0


@dataclass(frozen=True, slots=True)
class Credentials:
    """An Entra app registration: a client secret or a certificate (PEM with private key)."""

    tenant_id: str
    client_id: str
    client_secret: str = ""
    certificate_path: str = ""
    certificate_thumbprint: str = ""
    authority_host: str = DEFAULT_AUTHORITY

    @property
    def authority(self) -> str:
        return f"{self.authority_host.rstrip('/')}/{self.tenant_id}"


@dataclass(frozen=True, slots=True)
class TeamsSettings:
    # None: anonymous, for local work only (no JWT is checked, no token is sent).
    credentials: Credentials | None
    # Empty: the SDK's own Bot Framework keys; set it for national clouds and tests.
    openid_metadata_url: str = ""
    token_scope: str = BOT_CONNECTOR_SCOPE
    app_rate_per_second: float = DEFAULT_APP_RATE
    bot_name: str = "FVIS-boten"
    website_url: str = ""

    @property
    def app_id(self) -> str:
        return self.credentials.client_id if self.credentials else ""


@dataclass(frozen=True, slots=True)
class ListSync:
    """A SharePoint list read on a schedule: column name in the list -> our field name."""

    kind: str  # "milestones" or "comms"
    list_id: str
    columns: dict[str, str]


@dataclass(frozen=True, slots=True)
class SharePointSettings:
    credentials: Credentials
    site_id: str
    graph_base_url: str = DEFAULT_GRAPH_BASE_URL
    drive_id: str = ""  # the document library for reports; empty: no uploads
    folder: str = "FVIS"
    simple_upload_limit: int = 4 * 1024 * 1024
    lists: tuple[ListSync, ...] = ()
    sync_minutes: int = 15

    @property
    def scope(self) -> str:
        # National clouds have their own Graph host; the scope follows the base URL.
        parsed = urlparse(self.graph_base_url)
        host = parsed.netloc if parsed.scheme == "https" else "graph.microsoft.com"
        return f"https://{host}/.default"


@dataclass(frozen=True, slots=True)
class MicrosoftSettings:
    teams: TeamsSettings | None = None
    sharepoint: SharePointSettings | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str], *, loopback: bool) -> MicrosoftSettings | None:
        """None when no Microsoft part is configured."""
        teams, sharepoint = _teams(env, loopback), _sharepoint(env)
        if teams is None and sharepoint is None:
            return None
        return cls(teams=teams, sharepoint=sharepoint)


def _get(env: Mapping[str, str], name: str, default: str = "") -> str:
    return env.get(name, "").strip() or default


def _on(env: Mapping[str, str], name: str) -> bool:
    value = _get(env, name, "off").lower()
    if value not in ("on", "off", "true", "false", "1", "0"):
        raise ConfigError(f"{name} must be on or off, not {value!r}")
    return value in ("on", "true", "1")


def _url(env: Mapping[str, str], name: str, default: str = "") -> str:
    value = _get(env, name, default)
    if value:
        parsed = urlparse(value)
        local = parsed.hostname in ("127.0.0.1", "localhost", "::1")
        if parsed.scheme != "https" and not (parsed.scheme == "http" and local):
            raise ConfigError(f"{name} must be an https:// URL, not {value!r}")
    return value


def _credentials(
    env: Mapping[str, str], prefix: str, *, client: str, secret: str
) -> Credentials | None:
    client_id = _get(env, f"{prefix}_{client}")
    if not client_id:
        return None
    tenant = _get(env, f"{prefix}_TENANT_ID")
    if not tenant:
        raise ConfigError(f"{prefix}_TENANT_ID is required with {prefix}_{client}")
    password = _get(env, f"{prefix}_{secret}")
    certificate = _get(env, f"{prefix}_CERTIFICATE_PATH")
    thumbprint = _get(env, f"{prefix}_CERTIFICATE_THUMBPRINT")
    if not password and not certificate:
        raise ConfigError(
            f"{prefix}_{secret} or {prefix}_CERTIFICATE_PATH is required with {prefix}_{client}"
        )
    if certificate and not thumbprint:
        raise ConfigError(
            f"{prefix}_CERTIFICATE_THUMBPRINT is required with {prefix}_CERTIFICATE_PATH"
        )
    return Credentials(
        tenant_id=tenant,
        client_id=client_id,
        client_secret=password,
        certificate_path=certificate,
        certificate_thumbprint=thumbprint,
        authority_host=_url(env, f"{prefix}_AUTHORITY", DEFAULT_AUTHORITY),
    )


def _teams(env: Mapping[str, str], loopback: bool) -> TeamsSettings | None:
    credentials = _credentials(env, "TEAMS", client="APP_ID", secret="APP_PASSWORD")
    anonymous = _on(env, "TEAMS_ANONYMOUS")
    if credentials is None and not anonymous:
        return None
    if credentials is not None and anonymous:
        raise ConfigError("TEAMS_ANONYMOUS=on cannot be combined with TEAMS_APP_ID")
    if anonymous and not loopback:
        # Unauthenticated requests are for a developer's own machine, never a server.
        raise ConfigError("TEAMS_ANONYMOUS=on needs FVIS_HOST on a loopback address")
    raw_rate = _get(env, "TEAMS_APP_RATE_PER_SECOND", str(DEFAULT_APP_RATE))
    try:
        rate = float(raw_rate)
    except ValueError:
        raise ConfigError(f"TEAMS_APP_RATE_PER_SECOND must be a number, not {raw_rate!r}") from None
    if not 0.1 <= rate <= 1000:
        raise ConfigError(f"TEAMS_APP_RATE_PER_SECOND must be between 0.1 and 1000, not {rate}")
    return TeamsSettings(
        credentials=credentials,
        openid_metadata_url=_url(env, "TEAMS_OPENID_METADATA_URL"),
        token_scope=_get(env, "TEAMS_TOKEN_SCOPE", BOT_CONNECTOR_SCOPE),
        app_rate_per_second=rate,
        bot_name=_get(env, "TEAMS_BOT_NAME", "FVIS-boten")[:30],
        website_url=_url(env, "TEAMS_WEBSITE_URL"),
    )


def _sharepoint(env: Mapping[str, str]) -> SharePointSettings | None:
    site = _get(env, "SHAREPOINT_SITE_ID")
    credentials = _credentials(env, "GRAPH", client="CLIENT_ID", secret="CLIENT_SECRET")
    if credentials is None and site and _get(env, "TEAMS_APP_ID"):
        # One app registration may serve both: the bot's own credentials.
        credentials = _credentials(env, "TEAMS", client="APP_ID", secret="APP_PASSWORD")
    if not site:
        if credentials is not None:
            raise ConfigError("SHAREPOINT_SITE_ID is required with GRAPH_CLIENT_ID")
        return None
    if credentials is None:
        raise ConfigError("GRAPH_CLIENT_ID (or TEAMS_APP_ID) is required with SHAREPOINT_SITE_ID")
    lists = []
    for kind, name in (
        ("milestones", "SHAREPOINT_MILESTONES_LIST"),
        ("comms", "SHAREPOINT_COMMS_LIST"),
    ):
        list_id = _get(env, name)
        if list_id:
            columns = _columns(env, f"{name}_COLUMNS") or dict(DEFAULT_COLUMNS[kind])
            unknown = set(columns.values()) - set(DEFAULT_COLUMNS[kind].values())
            if unknown:
                known = ", ".join(DEFAULT_COLUMNS[kind].values())
                raise ConfigError(
                    f"{name}_COLUMNS maps to unknown fields {sorted(unknown)} (known: {known})"
                )
            lists.append(ListSync(kind, list_id, columns))
    raw_minutes = _get(env, "SHAREPOINT_SYNC_MINUTES", "15")
    if not raw_minutes.isdigit() or not 1 <= int(raw_minutes) <= 24 * 60:
        raise ConfigError(
            f"SHAREPOINT_SYNC_MINUTES must be a whole number of minutes, 1–1440, not {raw_minutes!r}"
        )
    return SharePointSettings(
        credentials=credentials,
        site_id=site,
        graph_base_url=_url(env, "GRAPH_BASE_URL", DEFAULT_GRAPH_BASE_URL).rstrip("/"),
        drive_id=_get(env, "SHAREPOINT_DRIVE_ID"),
        folder=_get(env, "SHAREPOINT_FOLDER", "FVIS").strip("/"),
        lists=tuple(lists),
        sync_minutes=int(raw_minutes),
    )


def _columns(env: Mapping[str, str], name: str) -> dict[str, str]:
    """`{"Title": "title", "Datum": "date"}`: the list's internal column names -> our fields."""
    raw = _get(env, name)
    if not raw:
        return {}
    try:
        columns = json.loads(raw)
    except ValueError:
        raise ConfigError(f'{name} must be JSON like {{"Title": "title"}}, not {raw!r}') from None
    if not isinstance(columns, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in columns.items()
    ):
        raise ConfigError(f'{name} must map column names to field names: {{"Title": "title"}}')
    return dict(columns)
