"""A local OpenID metadata document and JWKS, with a locally generated RSA key: what the Bot
Framework publishes at login.botframework.com, and tokens signed like the ones Teams sends.

Also the small server helpers the other Microsoft fakes share (plain HTTP and HTTPS on
127.0.0.1, with a self-signed certificate for the HTTPS one)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import time
import uuid
from pathlib import Path
from typing import Any

import jwt
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"


class Served:
    """An aiohttp application listening on 127.0.0.1, on a free port."""

    def __init__(self, app: web.Application, *, ssl_context: ssl.SSLContext | None = None) -> None:
        self.app = app
        self._ssl = ssl_context
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> str:
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0, ssl_context=self._ssl)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"{'https' if self._ssl else 'http'}://127.0.0.1:{port}"
        return self.url

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


def private_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def self_signed(folder: Path) -> tuple[ssl.SSLContext, Path]:
    """A certificate for 127.0.0.1: the server's TLS context and the file clients trust."""
    key = private_key()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file = folder / "fake-microsoft.pem"
    key_file = folder / "fake-microsoft.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    return context, cert_file


class OpenIdFake:
    """GET /v1/.well-known/openidconfiguration and /v1/.well-known/keys, like the Bot Framework's."""

    def __init__(self) -> None:
        self.key = private_key()
        self.kid = f"fake-{uuid.uuid4().hex[:8]}"
        self.key_requests = 0
        app = web.Application()
        app.router.add_get("/v1/.well-known/openidconfiguration", self._metadata)
        app.router.add_get("/v1/.well-known/keys", self._keys)
        self.server = Served(app)

    async def start(self) -> str:
        await self.server.start()
        return self.metadata_url

    async def close(self) -> None:
        await self.server.close()

    @property
    def metadata_url(self) -> str:
        return f"{self.server.url}/v1/.well-known/openidconfiguration"

    async def _metadata(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "issuer": BOT_FRAMEWORK_ISSUER,
                "authorization_endpoint": "https://invalid.botframework.com",
                "jwks_uri": f"{self.server.url}/v1/.well-known/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            }
        )

    async def _keys(self, request: web.Request) -> web.Response:
        self.key_requests += 1
        public = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        public.update(kid=self.kid, use="sig", endorsements=["msteams"])
        return web.json_response({"keys": [public]})

    def token(
        self,
        *,
        audience: str,
        service_url: str,
        issuer: str = BOT_FRAMEWORK_ISSUER,
        lifetime: int = 3600,
        issued: float | None = None,
        key: rsa.RSAPrivateKey | None = None,
        kid: str | None = None,
        without: tuple[str, ...] = (),
        **claims: Any,
    ) -> str:
        """A token as the Bot Connector signs it for a bot (`without`: claims left out)."""
        now = int(issued if issued is not None else time.time())
        payload = {
            "iss": issuer,
            "aud": audience,
            "serviceurl": service_url,
            "nbf": now - 5,
            "iat": now,
            "exp": now + lifetime,
            **claims,
        }
        for name in without:
            payload.pop(name, None)
        pem = (key or self.key).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return jwt.encode(payload, pem, algorithm="RS256", headers={"kid": kid or self.kid})
