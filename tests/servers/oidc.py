"""A real OpenID Connect provider for tests: panva's oidc-provider (OpenID-certified) on loopback.

    with OidcProvider(clients=[OidcClient("fvis-bot", "s3cret", ["http://127.0.0.1:8080/cb"])],
                      accounts={"anna@example.se": account("anna@example.se", roles=["FVIS.Handler"])}
                      ) as provider:
        provider.issuer            # "http://127.0.0.1:PORT"
        provider.discovery         # the parsed /.well-known/openid-configuration
        provider.set_account("bo@example.se", roles=["FVIS.Communicator"])   # while running

The node script is `tests/node/oidc-provider.mjs` (its header lists every setting). Clients
authenticate at the token endpoint with `client_secret_post`; PKCE (S256) is required; claims
(`email`, `name`, `preferred_username` and the Entra-style `roles`, `oid`, `tid`, `groups`) go
in the ID token. RP-initiated logout is on (`end_session_endpoint`).

Signing in without a browser: `await http_login(authorize_url, "anna@example.se")` follows the
provider's own pages (login form, consent form) with plain HTTP and a cookie jar, and returns
the URL the provider finally redirects to (the client's redirect_uri with `code`, `state` and
`iss`); it never requests that URL, so the app under test sees the callback only when the test
sends it. `await http_logout(end_session_url)` confirms the sign-out page the same way.

Signing in with Chromium and Playwright (Debian's /usr/bin/chromium, never `playwright install`):

    browser = await playwright.chromium.launch(
        executable_path="/usr/bin/chromium", args=["--no-sandbox"]  # root: no sandbox
    )
    page = await browser.new_page()
    await page.goto(app_url + "/login")              # the app redirects to the provider
    await page.fill("input[name=login]", "anna@example.se")
    await page.fill("input[name=password]", "any")   # any password is accepted
    await page.click("button[type=submit]")          # "Sign-in"
    await page.click("button[type=submit]")          # consent page: "Continue"
    await page.wait_for_url(app_url + "/**")          # back at the app with its session
    # logout: the app sends the browser to end_session_endpoint; the page has
    await page.click("button[name=logout]")          # "Yes, sign me out"
    # (checked with Chromium 156 and Playwright 1.65 against this provider)

The provider keeps its own session cookie: a second login in the same browser context (or the
same aiohttp session) skips the login form; use a new context or `prompt=login`.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

import aiohttp

from tests.servers._process import (
    NODE_DIR,
    ServerError,
    ServerProcess,
    ThrowawayServer,
    node_binary,
    require_node_modules,
)

SCRIPT = NODE_DIR / "oidc-provider.mjs"


@dataclass(frozen=True)
class OidcClient:
    client_id: str = "fvis-bot"
    client_secret: str = "fvis-test-secret"
    redirect_uris: tuple[str, ...] | list[str] = ("http://127.0.0.1:8080/auth/callback",)
    post_logout_redirect_uris: tuple[str, ...] | list[str] = ()
    token_endpoint_auth_method: str = "client_secret_post"
    # "native": a loopback redirect URI registered without a port matches any port
    # (RFC 8252, 7.3), so one client serves an app under test on a random port.
    application_type: str = "web"

    def metadata(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "redirect_uris": list(self.redirect_uris),
            "token_endpoint_auth_method": self.token_endpoint_auth_method,
            "application_type": self.application_type,
        }
        if self.post_logout_redirect_uris:
            data["post_logout_redirect_uris"] = list(self.post_logout_redirect_uris)
        return data


# The client of the session fixture `oidc_provider` (tests/servers/fixtures.py).
OIDC_CLIENT = OidcClient(
    client_id="fvis-bot",
    client_secret="fvis-test-secret",
    redirect_uris=("http://127.0.0.1/auth/callback", "http://localhost/auth/callback"),
    post_logout_redirect_uris=("http://127.0.0.1/", "http://localhost/"),
    application_type="native",
)


def account(
    login: str,
    *,
    roles: list[str] | tuple[str, ...] = (),
    name: str | None = None,
    email: str | None = None,
    **claims: Any,
) -> dict[str, Any]:
    """The claims of one account, Entra-style: `sub` (the login unless given), email, roles."""
    data: dict[str, Any] = {
        "sub": claims.pop("sub", login),
        "email": email if email is not None else (login if "@" in login else None),
        "email_verified": True,
        "preferred_username": login,
        "name": name or login.split("@")[0].replace(".", " ").title(),
        "roles": list(roles),
    }
    data.update(claims)
    return {key: value for key, value in data.items() if value is not None}


@dataclass
class Pkce:
    """A PKCE pair (RFC 7636, S256)."""

    verifier: str = field(default_factory=lambda: secrets.token_urlsafe(48))

    @property
    def challenge(self) -> str:
        digest = hashlib.sha256(self.verifier.encode("ascii")).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class OidcProvider(ThrowawayServer):
    """The node provider as a context manager (or `start()` / `stop()`)."""

    prefix = "fvis-oidc-"

    def __init__(
        self,
        *,
        clients: list[OidcClient] | None = None,
        accounts: dict[str, dict[str, Any]] | None = None,
        id_token_ttl: int = 300,
        access_token_ttl: int = 300,
        pkce_required: bool = True,
        unknown_accounts: str = "allow",
        startup_timeout: float = 30.0,
    ) -> None:
        super().__init__()
        self.clients = clients or [OidcClient()]
        self._initial_accounts = dict(accounts or {})
        self.id_token_ttl = id_token_ttl
        self.access_token_ttl = access_token_ttl
        self.pkce_required = pkce_required
        self.unknown_accounts = unknown_accounts
        self.startup_timeout = startup_timeout
        self.issuer = ""
        self.port = 0
        self.discovery: dict[str, Any] = {}

    @property
    def client(self) -> OidcClient:
        return self.clients[0]

    @property
    def accounts_file(self) -> Path:
        assert self._dir is not None, "the provider is not started"
        return self._dir / "accounts.json"

    def _check(self) -> None:
        require_node_modules("oidc-provider")

    def _launch(self, folder: Path) -> None:
        self._write_accounts(self._initial_accounts)
        config = {
            "host": "127.0.0.1",
            "port": 0,
            "clients": [client.metadata() for client in self.clients],
            "accountsFile": str(self.accounts_file),
            "unknownAccounts": self.unknown_accounts,
            "pkce": "required" if self.pkce_required else "optional",
            "ttl": {"IdToken": self.id_token_ttl, "AccessToken": self.access_token_ttl},
        }
        config_path = folder / "config.json"
        config_path.write_text(json.dumps(config, indent=2), encoding="utf-8")
        self._process = ServerProcess(
            "oidc-provider",
            [node_binary(), str(SCRIPT), str(config_path)],
            cwd=NODE_DIR,
            env={**os.environ, "NODE_ENV": "test"},
        )
        match = self._process.wait_for_line(r"^ready (\{.*\})$", self.startup_timeout)
        ready = json.loads(match.group(1))
        self.issuer, self.port = ready["issuer"], int(ready["port"])
        self.discovery = _get_json(f"{self.issuer}/.well-known/openid-configuration")

    # -- accounts --------------------------------------------------------------------------

    def _read_accounts(self) -> dict[str, dict[str, Any]]:
        try:
            data: dict[str, dict[str, Any]] = json.loads(self.accounts_file.read_text("utf-8"))
            return data
        except FileNotFoundError:
            return {}

    def _write_accounts(self, accounts: dict[str, dict[str, Any]]) -> None:
        temporary = self.accounts_file.with_suffix(".tmp")
        temporary.write_text(json.dumps(accounts, ensure_ascii=False, indent=2), "utf-8")
        temporary.replace(self.accounts_file)  # atomic: the provider never reads half a file

    def set_account(
        self, login: str, *, roles: list[str] | tuple[str, ...] = (), **claims: Any
    ) -> dict[str, Any]:
        """Add or replace an account; the running provider uses it at the next sign-in."""
        data = account(login, roles=roles, **claims)
        accounts = self._read_accounts()
        accounts[login] = data
        self._write_accounts(accounts)
        return data

    # -- the client's side of the flow -----------------------------------------------------

    def authorize_url(
        self,
        *,
        pkce: Pkce | None,
        state: str,
        nonce: str | None = None,
        scope: str = "openid email profile",
        client: OidcClient | None = None,
        redirect_uri: str | None = None,
        **extra: str,
    ) -> str:
        """An authorization request URL (response_type=code), as an app would build it."""
        client = client or self.client
        params = {
            "response_type": "code",
            "client_id": client.client_id,
            "redirect_uri": redirect_uri or next(iter(client.redirect_uris)),
            "scope": scope,
            "state": state,
            **extra,
        }
        if nonce:
            params["nonce"] = nonce
        if pkce is not None:
            params["code_challenge"] = pkce.challenge
            params["code_challenge_method"] = "S256"
        return f"{self.discovery['authorization_endpoint']}?{urlencode(params)}"

    async def exchange_code(
        self,
        code: str,
        *,
        pkce: Pkce | None,
        client: OidcClient | None = None,
        redirect_uri: str | None = None,
    ) -> dict[str, Any]:
        """The token response for a code, the client authenticating with client_secret_post."""
        client = client or self.client
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri or next(iter(client.redirect_uris)),
            "client_id": client.client_id,
            "client_secret": client.client_secret,
        }
        if pkce is not None:
            form["code_verifier"] = pkce.verifier
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.discovery["token_endpoint"], data=form) as response,
        ):
            body: dict[str, Any] = await response.json(content_type=None)
            if response.status != 200:
                raise OidcError(f"token endpoint answered {response.status}: {body}")
            return body

    def verify_id_token(
        self, id_token: str, *, client: OidcClient | None = None, nonce: str | None = None
    ) -> dict[str, Any]:
        """The ID token's claims, its signature checked against the provider's JWKS."""
        import jwt  # PyJWT, in the microsoft extra

        client = client or self.client
        jwks = jwt.PyJWKSet.from_dict(_get_json(self.discovery["jwks_uri"]))
        header = jwt.get_unverified_header(id_token)
        key = next(k for k in jwks.keys if k.key_id == header.get("kid"))
        claims: dict[str, Any] = jwt.decode(
            id_token,
            key=key.key,
            algorithms=[header["alg"]],
            audience=client.client_id,
            issuer=self.issuer,
        )
        if nonce is not None and claims.get("nonce") != nonce:
            raise OidcError(f"nonce {claims.get('nonce')!r} is not the one sent ({nonce!r})")
        return claims


class OidcError(RuntimeError):
    pass


def _get_json(url: str) -> dict[str, Any]:
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as response:
        data: dict[str, Any] = json.load(response)
        return data


# -- plain-HTTP sign-in through the provider's devInteractions pages ------------------------


@dataclass
class _Form:
    action: str
    method: str
    id: str
    inputs: dict[str, str] = field(default_factory=dict)
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (name, value) of submits


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[_Form] = []
        self.links: list[str] = []
        self.error = ""
        self._in_error = False
        self._orphans: list[tuple[str, dict[str, str | None]]] = []  # form="id" buttons

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form":
            self.forms.append(
                _Form(
                    action=a.get("action") or "",
                    method=(a.get("method") or "get").lower(),
                    id=a.get("id") or "",
                )
            )
        elif tag in ("input", "button"):
            owner = a.get("form")
            if owner:
                self._orphans.append((tag, a))
            elif self.forms:
                self._add(self.forms[-1], tag, a)
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
        elif tag == "pre" and a.get("id") == "error":
            self._in_error = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self._in_error = False

    def handle_data(self, data: str) -> None:
        if self._in_error:
            self.error += data

    def close(self) -> None:
        super().close()
        for tag, a in self._orphans:
            for form in self.forms:
                if form.id == a.get("form"):
                    self._add(form, tag, a)

    @staticmethod
    def _add(form: _Form, tag: str, a: dict[str, str | None]) -> None:
        kind = (a.get("type") or ("submit" if tag == "button" else "text")).lower()
        name = a.get("name") or ""
        if kind == "submit":
            form.buttons.append((name, a.get("value") or ""))
        elif name:
            form.inputs[name] = a.get("value") or ""


def _parse(html: str) -> _Forms:
    parser = _Forms()
    parser.feed(html)
    parser.close()
    return parser


def _cookie_session() -> aiohttp.ClientSession:
    # unsafe=True: aiohttp keeps no cookies for IP-address hosts (127.0.0.1) otherwise.
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def _walk(
    session: aiohttp.ClientSession,
    url: str,
    fill: Callable[[_Form, list[str]], dict[str, str] | str],
    *,
    max_steps: int = 20,
) -> str:
    """Follow redirects and forms on the provider's origin; return the first URL elsewhere."""
    origin = urlsplit(url)[:2]
    method, data = "GET", None
    for _ in range(max_steps):
        async with session.request(method, url, data=data, allow_redirects=False) as response:
            body = await response.text()
            if response.status in (301, 302, 303, 307, 308):
                target = urljoin(url, response.headers["Location"])
                if urlsplit(target)[:2] != origin:
                    return target
                method, data, url = "GET", None, target
                continue
            page = _parse(body)
            if response.status != 200 or page.error:
                raise OidcError(f"{response.status} at {url}: {page.error.strip() or body[:500]}")
            if not page.forms:
                # A page without a form (e.g. "Sign-out Success" when no redirect is asked).
                return url
            form = page.forms[0]
            answer = fill(form, page.links)
            if isinstance(answer, str):  # a link to follow instead of the form
                method, data, url = "GET", None, urljoin(url, answer)
                continue
            data = answer
            url = urljoin(url, form.action)
            method = form.method.upper()
    raise OidcError(f"no redirect away from the provider after {max_steps} steps (at {url})")


async def http_login(
    authorize_url: str,
    login: str,
    *,
    password: str = "test",
    consent: bool = True,
    session: aiohttp.ClientSession | None = None,
) -> str:
    """Sign in through the provider's login and consent pages with plain HTTP.

    Returns the redirect the provider ends with: `redirect_uri?code=...&state=...&iss=...`
    (or `?error=access_denied...` when `consent` is False). Pass `session` (with
    `aiohttp.CookieJar(unsafe=True)`) to keep the provider's session cookie between calls.
    """

    def fill(form: _Form, links: list[str]) -> dict[str, str] | str:
        values = dict(form.inputs)
        prompt = values.get("prompt")
        if prompt == "login":
            values.update(login=login, password=password)
        elif prompt == "consent" and not consent:
            # The devInteractions page's "[ Cancel ]" link: /interaction/UID/abort.
            return next(link for link in links if link.rstrip("/").endswith("/abort"))
        return values

    own = session is None
    session = session or _cookie_session()
    try:
        return await _walk(session, authorize_url, fill)
    finally:
        if own:
            await session.close()


async def http_logout(end_session_url: str, *, session: aiohttp.ClientSession | None = None) -> str:
    """Open an end_session_endpoint URL and confirm "Yes, sign me out"; return where it leads
    (the post_logout_redirect_uri, or the provider's own success page)."""

    def fill(form: _Form, links: list[str]) -> dict[str, str]:
        values = dict(form.inputs)
        if form.id == "op.logoutForm":
            values["logout"] = "yes"
        return values

    own = session is None
    session = session or _cookie_session()
    try:
        return await _walk(session, end_session_url, fill)
    finally:
        if own:
            await session.close()


def http_login_blocking(authorize_url: str, login: str, **options: Any) -> str:
    """`http_login` for code without a running event loop."""
    return asyncio.run(http_login(authorize_url, login, **options))


__all__ = [
    "OIDC_CLIENT",
    "OidcClient",
    "OidcError",
    "OidcProvider",
    "Pkce",
    "ServerError",
    "account",
    "http_login",
    "http_login_blocking",
    "http_logout",
]
