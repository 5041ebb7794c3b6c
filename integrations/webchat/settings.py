"""Settings of the web chat's sign-in, read with the rest at start (every one in .env.example).

With `FVIS_OIDC_ISSUER` set, people sign in through OpenID Connect and the web chat takes who
they are from the session only. Without it the web chat is the demo with its identity picker,
which is allowed on loopback only.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from bot.config import ConfigError

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# Entra ID's multi-tenant endpoints: their tokens come from any tenant.
_SHARED_TENANTS = ("/common/", "/organizations/", "/consumers/")
# An origin for frame-ancestors: scheme://host[:port], the host may start with "*.".
_ORIGIN = re.compile(r"https?://(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?")


@dataclass(frozen=True, slots=True)
class OidcSettings:
    issuer: str  # exactly as the provider's discovery document and tokens name it
    client_id: str
    client_secret: str
    scope: str = "openid email profile"

    @property
    def discovery_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"


@dataclass(frozen=True, slots=True)
class WebchatSettings:
    oidc: OidcSettings | None = None  # None: the demo identity picker (loopback only)
    public_url: str = ""  # the bot's address as browsers see it; "": from each request
    session_idle: timedelta = timedelta(hours=8)
    trusted_proxies: tuple[IpNetwork, ...] = ()  # whose X-Forwarded-Proto/-Host is believed
    frame_ancestors: tuple[str, ...] = ()  # origins that may frame the chat (the intranet)

    @classmethod
    def from_env(
        cls, env: Mapping[str, str], *, loopback: bool, enabled: bool = True
    ) -> WebchatSettings:
        def get(name: str) -> str:
            return env.get(name, "").strip()

        if get("FVIS_WEBCHAT_TOKEN"):
            raise ConfigError(
                "FVIS_WEBCHAT_TOKEN is no longer used: a shared key cannot tell people apart, "
                "so the web chat signs people in with OpenID Connect (FVIS_OIDC_ISSUER); "
                "remove it"
            )
        oidc = _oidc(get, loopback)
        if enabled and oidc is None and not loopback:
            raise ConfigError(
                "FVIS_OIDC_ISSUER is required when FVIS_HOST is not a loopback address: "
                "the web chat signs people in with OpenID Connect (or set FVIS_WEBCHAT=off)"
            )
        return cls(
            oidc=oidc,
            public_url=_public_url(get("FVIS_PUBLIC_URL")),
            session_idle=timedelta(hours=_hours(get("FVIS_SESSION_IDLE_HOURS") or "8")),
            trusted_proxies=_networks(get("FVIS_TRUSTED_PROXIES")),
            frame_ancestors=_origins(get("FVIS_FRAME_ANCESTORS")),
        )


def _oidc(get: Callable[[str], str], loopback: bool) -> OidcSettings | None:
    issuer, client_id, secret = (
        get("FVIS_OIDC_ISSUER"),
        get("FVIS_OIDC_CLIENT_ID"),
        get("FVIS_OIDC_CLIENT_SECRET"),
    )
    if not issuer:
        if client_id or secret:
            raise ConfigError("FVIS_OIDC_ISSUER is required with FVIS_OIDC_CLIENT_ID")
        return None
    parts = urlsplit(issuer)
    # Plain http only for a provider on this machine, and only while the bot is on loopback too.
    local = loopback and parts.hostname in ("127.0.0.1", "::1", "localhost")
    if parts.scheme != "https" and not (parts.scheme == "http" and local):
        raise ConfigError(f"FVIS_OIDC_ISSUER must be an https:// address, not {issuer!r}")
    if any(shared in parts.path + "/" for shared in _SHARED_TENANTS):
        raise ConfigError(
            "FVIS_OIDC_ISSUER must name your tenant "
            "(https://login.microsoftonline.com/<tenant id>/v2.0), not a shared endpoint"
        )
    if not client_id:
        raise ConfigError("FVIS_OIDC_CLIENT_ID is required with FVIS_OIDC_ISSUER")
    if not secret:
        raise ConfigError("FVIS_OIDC_CLIENT_SECRET is required with FVIS_OIDC_ISSUER")
    return OidcSettings(issuer=issuer, client_id=client_id, client_secret=secret)


def _public_url(raw: str) -> str:
    if not raw:
        return ""
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise ConfigError(
            f"FVIS_PUBLIC_URL must be the bot's address like https://fvis.region.se, not {raw!r}"
        )
    return f"{parts.scheme}://{parts.netloc}"


def _hours(raw: str) -> float:
    try:
        hours = float(raw)
    except ValueError:
        raise ConfigError(
            f"FVIS_SESSION_IDLE_HOURS must be a number of hours, not {raw!r}"
        ) from None
    if not 0.05 <= hours <= 24 * 30:
        raise ConfigError(f"FVIS_SESSION_IDLE_HOURS must be between 0.05 and 720, not {raw!r}")
    return hours


def _networks(raw: str) -> tuple[IpNetwork, ...]:
    networks = []
    for part in raw.replace(",", " ").split():
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ConfigError(
                f"FVIS_TRUSTED_PROXIES must list IP addresses or networks (10.0.0.5, "
                f"10.1.0.0/16), not {part!r}"
            ) from None
    return tuple(networks)


def _origins(raw: str) -> tuple[str, ...]:
    origins = []
    for part in raw.replace(",", " ").split():
        if not _ORIGIN.fullmatch(part):
            raise ConfigError(
                "FVIS_FRAME_ANCESTORS must list origins like https://region.sharepoint.com, "
                f"not {part!r}"
            )
        origins.append(part)
    return tuple(origins)
