"""The sign-in routes: /auth/login, /auth/callback, /auth/logout and /auth/ticket.

Opened as a page, the chat signs in with a top-level redirect to the issuer and back. Framed by
the intranet on another site, it cannot (identity providers refuse to be framed, and a frame
gets no first-party cookie): the frame opens /auth/login?popup=1 in a pop-up, the pop-up's
callback page hands the frame a one-time ticket with postMessage (to the chat's own origin
only), and the frame redeems it at /auth/ticket for a session cookie of its own.
"""

from __future__ import annotations

import hmac
import logging
from datetime import timedelta
from html import escape

from aiohttp import web

from bot.domain.programme import Programme
from bot.i18n.catalogue import t
from bot.ports.clock import Clock
from bot.ports.entries import AuditLog
from bot.ports.sessions import PendingSignIn, SessionStore
from integrations.webchat.oidc import OidcRelyingParty, SignInError
from integrations.webchat.sessions import Sessions, identity_from_claims
from integrations.webchat.settings import WebchatSettings

log = logging.getLogger(__name__)

SIGN_IN_COOKIE = "fvis_sign_in"
SIGN_IN_LIFETIME = timedelta(minutes=10)
CALLBACK = "/auth/callback"


def local_path(value: str) -> str:
    """Where to go after sign-in: a path on this server only (never //host or a scheme)."""
    if value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


class SignIn:
    def __init__(
        self,
        *,
        relying_party: OidcRelyingParty,
        sessions: Sessions,
        programme: Programme,
        audit: AuditLog,
    ) -> None:
        self.relying_party = relying_party
        self.sessions = sessions
        self.programme = programme
        self.audit = audit

    def install(self, app: web.Application) -> None:
        app.router.add_get("/auth/login", self.login)
        app.router.add_get(CALLBACK, self.callback)
        app.router.add_post("/auth/logout", self.logout)
        app.router.add_post("/auth/ticket", self.ticket)

    async def check_issuer(self) -> None:
        try:
            await self.relying_party.metadata()
        except SignInError as error:
            log.error("web chat sign-in will not work until this is fixed: %s", error)

    async def login(self, request: web.Request) -> web.StreamResponse:
        redirect_uri = self.sessions.base_url(request) + CALLBACK
        try:
            authorization = await self.relying_party.authorization(redirect_uri)
        except SignInError as error:
            log.error("sign-in cannot start: %s", error)
            return _page(503, "webchat.sign_in_failed_title", "webchat.sign_in_unavailable")
        pending = PendingSignIn(
            nonce=authorization.nonce,
            code_verifier=authorization.code_verifier,
            return_to=local_path(request.query.get("return", "/")),
            popup=request.query.get("popup") == "1",
            created_at=self.sessions.clock.now(),
        )
        self.sessions.store.begin_sign_in(authorization.state, pending)
        response = _redirect(302, authorization.url)
        # Binds the callback to this browser: a callback URL sent to someone else fails.
        response.set_cookie(
            SIGN_IN_COOKIE,
            authorization.state,
            path="/auth/",
            max_age=int(SIGN_IN_LIFETIME.total_seconds()),
            httponly=True,
            samesite="Lax",
            secure=self.sessions.is_https(request) or None,
        )
        return response

    async def callback(self, request: web.Request) -> web.StreamResponse:
        query = request.query
        state = query.get("state", "")
        bound = request.cookies.get(SIGN_IN_COOKIE, "")
        if not state or not hmac.compare_digest(state.encode(), bound.encode()):
            log.warning("sign-in callback without its browser's sign-in cookie")
            return _page(400, "webchat.sign_in_failed_title", "webchat.sign_in_failed")
        pending = self.sessions.store.take_sign_in(state)
        if pending is None or self.sessions.clock.now() - pending.created_at > SIGN_IN_LIFETIME:
            log.warning("sign-in callback for an unknown or old sign-in")
            return _page(400, "webchat.sign_in_failed_title", "webchat.sign_in_failed")
        if "error" in query:
            log.info("the issuer ended the sign-in: %s", query.get("error"))
            return _page(401, "webchat.sign_in_failed_title", "webchat.sign_in_cancelled")
        if "iss" in query and query["iss"] != self.relying_party.settings.issuer:
            # RFC 9207: an answer from another issuer (a mix-up) is refused before any exchange.
            log.warning("sign-in callback from another issuer: %r", query["iss"])
            return _page(401, "webchat.sign_in_failed_title", "webchat.sign_in_failed")
        try:
            claims, id_token = await self.relying_party.finish(
                code=query.get("code", ""),
                redirect_uri=self.sessions.base_url(request) + CALLBACK,
                code_verifier=pending.code_verifier,
                nonce=pending.nonce,
            )
        except SignInError as error:
            log.warning("sign-in refused: %s", error)
            return _page(401, "webchat.sign_in_failed_title", "webchat.sign_in_failed")
        identity = identity_from_claims(claims, self.programme)
        self.audit.record(actor=f"webchat:{identity.user_id}", action="webchat-sign-in")
        self.sessions.end(request)  # a session this browser had before is over
        secret = self.sessions.open(identity, id_token=id_token)
        response: web.StreamResponse
        if pending.popup:
            ticket = self.sessions.open(identity, id_token=id_token, ticket=True)
            response = _signed_in_page(ticket)
        else:
            response = _redirect(303, pending.return_to)
        self.sessions.set_cookie(response, request, secret, framed=False)
        response.set_cookie(SIGN_IN_COOKIE, "", path="/auth/", max_age=0, httponly=True)
        return response

    async def logout(self, request: web.Request) -> web.StreamResponse:
        """End the session here and at the issuer (end_session_endpoint, when it has one)."""
        session = self.sessions.end(request)
        end_url = ""
        if session is not None:
            self.audit.record(actor=f"webchat:{session.user_id}", action="webchat-sign-out")
            end_url = await self.relying_party.end_session_url(
                id_token=session.id_token,
                post_logout_redirect_uri=self.sessions.base_url(request) + "/",
            )
        response: web.StreamResponse
        if "application/json" in request.headers.get("Accept", ""):
            response = web.json_response({"signed_out": True, "end_session_url": end_url})
        else:
            response = _redirect(303, end_url or "/")
        response.headers["Cache-Control"] = "no-store"
        self.sessions.clear_cookies(response, request)
        return response

    async def ticket(self, request: web.Request) -> web.StreamResponse:
        """A framed chat's session for the ticket its sign-in pop-up handed it."""
        try:
            body = await request.json()
        except (ValueError, UnicodeDecodeError, LookupError, RecursionError):
            body = None
        ticket = body.get("ticket") if isinstance(body, dict) else None
        secret = self.sessions.redeem(ticket) if isinstance(ticket, str) and ticket else None
        if secret is None:
            return web.json_response(
                {
                    "error": t("sv", "webchat.ticket_refused"),
                    "error_en": t("en", "webchat.ticket_refused"),
                },
                status=401,
            )
        response = web.json_response({"signed_in": True}, headers={"Cache-Control": "no-store"})
        self.sessions.set_cookie(response, request, secret, framed=True)
        return response


def build_sign_in(
    settings: WebchatSettings,
    *,
    programme: Programme,
    store: SessionStore,
    audit: AuditLog,
    clock: Clock,
) -> SignIn:
    assert settings.oidc is not None, "sign-in is built only with an issuer"
    return SignIn(
        relying_party=OidcRelyingParty(settings.oidc),
        sessions=Sessions(store=store, clock=clock, settings=settings),
        programme=programme,
        audit=audit,
    )


def _redirect(status: int, location: str) -> web.Response:
    return web.Response(status=status, headers={"Location": location, "Cache-Control": "no-store"})


def _document(title_key: str, body: str, *, attributes: str = "", script: str = "") -> str:
    title = escape(t("sv", title_key))
    head_script = f'<script src="/static/{script}" defer></script>' if script else ""
    return (
        '<!doctype html>\n<html lang="sv"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{title}</title><link rel="stylesheet" href="/static/style.css">{head_script}'
        f'</head><body class="auth-page"{attributes}><main class="auth">{body}</main></body></html>'
    )


def _both(key: str) -> str:
    """Swedish first, English second: the page does not know the reader's language yet."""
    return f'<p>{escape(t("sv", key))}</p><p lang="en">{escape(t("en", key))}</p>'


def _page(status: int, title_key: str, text_key: str) -> web.Response:
    body = (
        f"<h1>{escape(t('sv', title_key))}</h1>{_both(text_key)}"
        f'<p><a href="/" data-testid="try-again">{escape(t("sv", "webchat.try_again"))}'
        f' / <span lang="en">{escape(t("en", "webchat.try_again"))}</span></a></p>'
    )
    return web.Response(
        status=status,
        text=_document(title_key, body),
        content_type="text/html",
        headers={"Cache-Control": "no-store"},
    )


def _signed_in_page(ticket: str) -> web.Response:
    body = (
        f'<h1 data-testid="signed-in">{escape(t("sv", "webchat.signed_in_title"))}</h1>'
        f"{_both('webchat.signed_in')}"
        f'<p><a href="/">{escape(t("sv", "webchat.open_chat"))}</a></p>'
    )
    # The ticket goes in an attribute for signed-in.js; no inline script, so a strict
    # Content-Security-Policy (script-src 'self') holds here too.
    html = _document(
        "webchat.signed_in_title",
        body,
        attributes=f' data-ticket="{escape(ticket)}"',
        script="signed-in.js",
    )
    return web.Response(text=html, content_type="text/html", headers={"Cache-Control": "no-store"})
