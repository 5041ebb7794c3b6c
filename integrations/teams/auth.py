"""Who may call /api/messages, and the bot's own token for the Bot Connector.

Incoming: the Agents SDK's `JwtTokenValidator` checks the signature against the keys of the
OpenID metadata, the audience (our app id), the issuer and the expiry. The SDK looks the keys
up at Microsoft's fixed address; with TEAMS_OPENID_METADATA_URL set (national clouds, tests),
the keys come from that metadata's `jwks_uri` instead. Outbound: msal, through `MsalTokens`.
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from azure.core.credentials import AccessToken
from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import AgentAuthConfiguration, ClaimsIdentity
from microsoft_agents.hosting.core.authorization.jwt.jwt_token_validator import (
    JwtTokenValidator,
    _JwkClientManager,
)

from integrations.microsoft.settings import TeamsSettings
from integrations.microsoft.tokens import MsalTokens


class _KeysAt(_JwkClientManager):  # type: ignore[misc]
    """The SDK's key cache, reading every key from one configured JWKS address."""

    def __init__(self, jwks_uri: str) -> None:
        super().__init__()
        self._jwks_uri = jwks_uri

    def _get_jwk_client(self, jwks_uri: str) -> Any:
        return super()._get_jwk_client(self._jwks_uri)


class RequestAuthenticator:
    """`await authenticate(header)`: the caller's claims, or None (answer 401)."""

    def __init__(self, settings: TeamsSettings) -> None:
        self._settings = settings
        self._validator: JwtTokenValidator | None = None
        self._lock = asyncio.Lock()
        credentials = settings.credentials
        self.configuration = AgentAuthConfiguration(
            client_id=credentials.client_id if credentials else None,
            tenant_id=credentials.tenant_id if credentials else None,
            anonymous_allowed=credentials is None,
            validate_issuer=True,
        )

    @property
    def anonymous(self) -> bool:
        return self._settings.credentials is None

    async def _get_validator(self) -> JwtTokenValidator:
        async with self._lock:
            if self._validator is None:
                validator = JwtTokenValidator(self.configuration)
                url = self._settings.openid_metadata_url
                if url:
                    async with (
                        aiohttp.ClientSession() as session,
                        session.get(url, timeout=aiohttp.ClientTimeout(total=10)) as response,
                    ):
                        response.raise_for_status()
                        metadata = await response.json(content_type=None)
                    validator._jwk_client_manager = _KeysAt(str(metadata["jwks_uri"]))
                self._validator = validator
            return self._validator

    async def authenticate(self, header: str | None) -> ClaimsIdentity | None:
        if self.anonymous:
            return ClaimsIdentity()
        scheme, _, token = (header or "").strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token or " " in token:
            return None
        validator = await self._get_validator()
        try:
            claims = await validator.validate_token(token)
        except Exception:  # PyJWTError, ValueError, a key id not in the set: all mean "no"
            return None
        # PyJWT checks an expiry only when there is one, and reads "exp": "9999999999" as a
        # number: a token that never expires, or says so in a string, is not one we accept.
        expiry = (claims.claims or {}).get("exp")
        if not isinstance(expiry, int) or isinstance(expiry, bool):
            return None
        return claims


def service_url_matches(claims: ClaimsIdentity, activity: dict[str, Any]) -> bool:
    """The token names the service it came from; the activity must say the same.

    The SDK compares them only with its outbound host allow-list switched on, which refuses
    every private address; we refuse a mismatch always.
    """
    claimed = claims.get_claim_value("serviceurl") if claims.claims else None
    if not claimed:
        return True
    given = activity.get("serviceUrl")
    return isinstance(given, str) and given.rstrip("/").lower() == str(claimed).rstrip("/").lower()


class ConnectorTokens:
    """The SDK's `AccessTokenProviderBase` and `Connections` in one: every outbound request
    to the Bot Connector carries a token for TEAMS_TOKEN_SCOPE from msal (none when anonymous).
    """

    def __init__(self, settings: TeamsSettings, configuration: AgentAuthConfiguration) -> None:
        self._settings = settings
        self._configuration = configuration
        self._tokens = MsalTokens(settings.credentials) if settings.credentials else None

    # -- AccessTokenProviderBase -------------------------------------------------------------

    @property
    def configuration(self) -> AgentAuthConfiguration:
        return self._configuration

    async def get_access_token(
        self, resource_url: str, scopes: list[str], force_refresh: bool = False
    ) -> str:
        if self._tokens is None:
            return ""
        token = await self._tokens.token([self._settings.token_scope])
        return str(token.token)

    def get_token_credential(self) -> Any:
        return self

    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        if self._tokens is None:
            return AccessToken("", 0)
        return await self._tokens.token(list(scopes) or [self._settings.token_scope])

    async def acquire_token_on_behalf_of(self, scopes: list[str], user_assertion: str) -> str:
        raise NotImplementedError("the bot acts as itself only")

    # -- Connections -----------------------------------------------------------------------

    def get_connection(self, connection_name: str) -> ConnectorTokens:
        return self

    def get_default_connection(self) -> ConnectorTokens:
        return self

    def get_token_provider(self, claims_identity: ClaimsIdentity, service_url: str) -> Any:
        return self

    def get_token_provider_from_activity(
        self, claims_identity: ClaimsIdentity, activity: Activity
    ) -> Any:
        return self

    def get_default_connection_configuration(self) -> AgentAuthConfiguration:
        return self._configuration
