"""App-only tokens from Microsoft Entra through msal, for the Bot Connector and for Graph.

`ConfidentialClientApplication` with a client secret or a certificate; msal's token cache
answers repeated requests until shortly before expiry. msal is synchronous and may talk to the
authority on construction (OpenID discovery), so both happen in a worker thread.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import msal
from azure.core.credentials import AccessToken

from integrations.microsoft.settings import Credentials

REFRESH_SECONDS = 300  # msal too renews tokens within five minutes of expiry


class TokenError(RuntimeError):
    """Entra refused to give a token; the message is Entra's own description."""


class MsalTokens:
    def __init__(self, credentials: Credentials) -> None:
        self._credentials = credentials
        self._app: msal.ConfidentialClientApplication | None = None
        self._lock = asyncio.Lock()
        self.cache = msal.TokenCache()
        self._held: dict[tuple[str, ...], AccessToken] = {}

    def _build(self) -> msal.ConfidentialClientApplication:
        c = self._credentials
        credential: Any = c.client_secret
        if c.certificate_path:
            credential = {
                "private_key": Path(c.certificate_path).read_text(encoding="utf-8"),
                "thumbprint": c.certificate_thumbprint,
            }
        return msal.ConfidentialClientApplication(
            c.client_id,
            client_credential=credential,
            authority=c.authority,
            token_cache=self.cache,
            # National clouds and private authorities are configured on purpose: no lookup of
            # the authority in Microsoft's public instance list.
            instance_discovery=False,
        )

    async def _application(self) -> msal.ConfidentialClientApplication:
        async with self._lock:
            if self._app is None:
                self._app = await asyncio.to_thread(self._build)
            return self._app

    async def token(self, scopes: list[str]) -> AccessToken:
        # msal's cache answers too, but from a worker thread; a token with minutes left is
        # handed out here directly (every Teams message asks for one).
        key = tuple(sorted(scopes))
        held = self._held.get(key)
        if held is not None and held.expires_on - time.time() > REFRESH_SECONDS:
            return held
        token = await self._acquire(scopes)
        self._held[key] = token
        return token

    async def _acquire(self, scopes: list[str]) -> AccessToken:
        app = await self._application()
        result: dict[str, Any] = await asyncio.to_thread(
            app.acquire_token_for_client, scopes=scopes
        )
        if "access_token" not in result:
            raise TokenError(
                f"{result.get('error', 'no token')}: {result.get('error_description', '')}".strip()
            )
        expires_in = int(result.get("expires_in", 3600))
        return AccessToken(str(result["access_token"]), int(time.time()) + expires_in)


class GraphCredential:
    """The azure-core credential shape msgraph-sdk asks for, backed by msal."""

    def __init__(self, tokens: MsalTokens) -> None:
        self._tokens = tokens

    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        return await self._tokens.token(list(scopes))

    async def close(self) -> None:
        return None

    async def __aenter__(self) -> GraphCredential:
        return self

    async def __aexit__(self, *args: object) -> None:
        return None
