"""The web chat as an OpenID Connect relying party. Authlib speaks the protocol; nothing here
checks a token by hand.

Authlib's own client app (the one its Starlette integration is made of: discovery, the
authorization URL with PKCE S256 and a nonce, the code exchange with `client_secret_post`, the
ID token's signature against the issuer's JWKS and its iss, aud, exp, iat and nonce claims),
without a web framework: the state it needs between the two legs is kept by the caller, in the
database, so any replica can take the callback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import httpx2  # Authlib's HTTP client of choice (it warns when it has to fall back to httpx)
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.base_client import BaseApp
from authlib.integrations.base_client.async_app import AsyncOAuth2Mixin
from authlib.integrations.base_client.async_openid import AsyncOpenIDMixin
from authlib.integrations.httpx_client import AsyncOAuth2Client
from joserfc.errors import JoseError

from integrations.webchat.settings import OidcSettings

log = logging.getLogger(__name__)

# Clock skew tolerated on exp/iat (seconds), as Authlib's own default for ID tokens.
LEEWAY = 120
HTTP_TIMEOUT = 10.0


class SignInError(Exception):
    """The sign-in could not be completed; the message is for the log, never for the page."""


@dataclass(frozen=True, slots=True)
class Authorization:
    """Where to send the browser, and what the callback must be checked against."""

    url: str
    state: str
    nonce: str
    code_verifier: str


class _AuthlibApp(AsyncOAuth2Mixin, AsyncOpenIDMixin, BaseApp):  # type: ignore[misc]
    client_cls = AsyncOAuth2Client


class OidcRelyingParty:
    def __init__(self, settings: OidcSettings) -> None:
        self.settings = settings
        self._app = _AuthlibApp(
            None,  # no framework: the caller keeps the state
            client_id=settings.client_id,
            client_secret=settings.client_secret,
            server_metadata_url=settings.discovery_url,
            client_kwargs={
                "scope": settings.scope,
                "code_challenge_method": "S256",
                "token_endpoint_auth_method": "client_secret_post",
                "timeout": HTTP_TIMEOUT,
            },
        )

    async def metadata(self) -> dict[str, Any]:
        """The issuer's discovery document (read once), refused if it names another issuer."""
        try:
            metadata: dict[str, Any] = await self._app.load_server_metadata()
        except (httpx2.HTTPError, ValueError) as error:
            self._app.server_metadata.clear()
            raise SignInError(
                f"discovery at {self.settings.discovery_url} failed: {error}"
            ) from None
        named = metadata.get("issuer")
        if named != self.settings.issuer:
            self._app.server_metadata.clear()  # (the same dict as `metadata`) read it again
            # OpenID Connect Discovery 1.0 §4.3: the document must name the issuer asked for.
            raise SignInError(
                f"the discovery document names issuer {named!r}, "
                f"not FVIS_OIDC_ISSUER {self.settings.issuer!r}"
            )
        return metadata

    async def authorization(self, redirect_uri: str) -> Authorization:
        await self.metadata()
        try:
            made = await self._app.create_authorization_url(redirect_uri=redirect_uri)
        except (AuthlibBaseError, RuntimeError) as error:
            raise SignInError(f"no authorization URL: {error}") from None
        return Authorization(
            url=made["url"],
            state=made["state"],
            nonce=made["nonce"],
            code_verifier=made["code_verifier"],
        )

    async def finish(
        self, *, code: str, redirect_uri: str, code_verifier: str, nonce: str
    ) -> tuple[dict[str, Any], str]:
        """Exchange the code and check the ID token: its claims and the token itself."""
        await self.metadata()
        try:
            token = await self._app.fetch_access_token(
                redirect_uri=redirect_uri, code=code, code_verifier=code_verifier
            )
            if "id_token" not in token:
                raise SignInError("the token response has no id_token (is openid in the scope?)")
            # Authlib checks the signature, exp, iat, nonce and azp; the options make iss and aud
            # exact (its own aud check lets a token for another audience through when azp
            # names us).
            claims = await self._app.parse_id_token(
                token,
                nonce=nonce,
                leeway=LEEWAY,
                claims_options={
                    "iss": {"essential": True, "value": self.settings.issuer},
                    "aud": {"essential": True, "value": self.settings.client_id},
                },
            )
        except (AuthlibBaseError, JoseError, httpx2.HTTPError, ValueError, RuntimeError) as error:
            raise SignInError(f"{type(error).__name__}: {error}") from None
        return dict(claims), str(token["id_token"])

    async def end_session_url(self, *, id_token: str, post_logout_redirect_uri: str) -> str:
        """The issuer's end_session_endpoint for this session, or "" when it has none."""
        try:
            metadata = await self.metadata()
        except SignInError as error:
            log.warning("sign-out: %s", error)
            return ""
        if not metadata.get("end_session_endpoint"):
            return ""
        made = await self._app.create_logout_url(
            post_logout_redirect_uri=post_logout_redirect_uri,
            id_token_hint=id_token or None,
            client_id=self.settings.client_id,
        )
        return str(made["url"])
