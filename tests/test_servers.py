"""The real outside servers later tests run against (tests/servers/): each starts from the
project's own files and speaks its protocol as the bot will meet it."""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import aiohttp
import psycopg
import pytest
from aiohttp import web

from tests.servers._process import ServerError, require_node_modules
from tests.servers.oidc import OIDC_CLIENT, OidcError, OidcProvider, Pkce, http_login, http_logout
from tests.servers.playground import BOT_ID, USER_ID, SessionPlayground
from tests.servers.postgres import PostgresServer

# Until tests/conftest.py names it for every module.

# -- OpenID Connect -------------------------------------------------------------------------


def test_missing_node_modules_fail_with_the_command_to_run() -> None:
    with pytest.raises(ServerError, match=r"make test.*npm ci --prefix tests/node"):
        require_node_modules("no-such-package-here")


def test_oidc_discovery_names_the_issuer_and_client_secret_post(
    oidc_provider: OidcProvider,
) -> None:
    discovery = oidc_provider.discovery
    assert discovery["issuer"] == oidc_provider.issuer
    assert oidc_provider.issuer.startswith("http://127.0.0.1:")
    assert "client_secret_post" in discovery["token_endpoint_auth_methods_supported"]
    assert discovery["code_challenge_methods_supported"] == ["S256"]
    assert discovery["end_session_endpoint"] == f"{oidc_provider.issuer}/session/end"
    assert "roles" in discovery["claims_supported"]


def _query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


async def test_oidc_code_flow_with_pkce_gives_an_id_token_with_email_and_roles(
    oidc_provider: OidcProvider,
) -> None:
    oidc_provider.set_account("anna@example.se", roles=["FVIS.Handler"], name="Anna Berg")
    # The client is "native": its loopback redirect URI matches whatever port the app has.
    callback = "http://127.0.0.1:43210/auth/callback"
    pkce = Pkce()
    url = oidc_provider.authorize_url(pkce=pkce, state="st-1", nonce="n-1", redirect_uri=callback)

    final = await http_login(url, "anna@example.se")

    assert final.startswith(callback + "?")
    answer = _query(final)
    assert answer["state"] == "st-1"
    assert answer["iss"] == oidc_provider.issuer
    tokens = await oidc_provider.exchange_code(answer["code"], pkce=pkce, redirect_uri=callback)
    claims = oidc_provider.verify_id_token(tokens["id_token"], nonce="n-1")
    assert claims["sub"] == "anna@example.se"
    assert claims["email"] == "anna@example.se"
    assert claims["name"] == "Anna Berg"
    assert claims["roles"] == ["FVIS.Handler"]
    assert claims["aud"] == OIDC_CLIENT.client_id
    assert claims["exp"] - claims["iat"] == 300

    # A code is good once, and only with its verifier.
    with pytest.raises(OidcError, match="invalid_grant"):
        await oidc_provider.exchange_code(answer["code"], pkce=pkce, redirect_uri=callback)


async def test_oidc_refuses_a_wrong_verifier_and_a_request_without_pkce(
    oidc_provider: OidcProvider,
) -> None:
    callback = "http://localhost:8080/auth/callback"
    url = oidc_provider.authorize_url(pkce=Pkce(), state="s", redirect_uri=callback)
    code = _query(await http_login(url, "bo@example.se"))["code"]
    with pytest.raises(OidcError, match="invalid_grant"):
        await oidc_provider.exchange_code(code, pkce=Pkce(), redirect_uri=callback)

    no_pkce = oidc_provider.authorize_url(pkce=None, state="s2", redirect_uri=callback)
    answer = _query(await http_login(no_pkce, "bo@example.se"))
    assert answer["error"] == "invalid_request"
    assert "PKCE" in answer["error_description"]


async def test_oidc_declined_consent_and_rp_initiated_logout(oidc_provider: OidcProvider) -> None:
    callback = "http://127.0.0.1:5000/auth/callback"
    declined = oidc_provider.authorize_url(pkce=Pkce(), state="d", redirect_uri=callback)
    assert _query(await http_login(declined, "cecilia@example.se", consent=False))["error"] == (
        "access_denied"
    )

    pkce = Pkce()
    url = oidc_provider.authorize_url(pkce=pkce, state="l", redirect_uri=callback)
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as browser:
        code = _query(await http_login(url, "cecilia@example.se", session=browser))["code"]
        tokens = await oidc_provider.exchange_code(code, pkce=pkce, redirect_uri=callback)
        logout = (
            oidc_provider.discovery["end_session_endpoint"]
            + "?"
            + urlencode(
                {
                    "id_token_hint": tokens["id_token"],
                    "post_logout_redirect_uri": "http://127.0.0.1:5000/",
                    "state": "bye",
                }
            )
        )
        assert await http_logout(logout, session=browser) == "http://127.0.0.1:5000/?state=bye"
        # Signed out at the provider: the next sign-in shows the login form again.
        again = oidc_provider.authorize_url(pkce=Pkce(), state="a", redirect_uri=callback)
        final = await http_login(again, "david@example.se", session=browser)
        assert "code" in _query(final)


# -- Microsoft 365 Agents Playground --------------------------------------------------------


async def test_playground_serves_its_web_client(agents_playground: SessionPlayground) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.get(agents_playground.base_url + "/") as response,
    ):
        assert response.status == 200
        assert "<title>Microsoft 365 Agents Playground</title>" in await response.text()


class RecordingBot:
    """A stand-in for the bot's /api/messages: keeps every request, answers 200."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], dict[str, Any]]] = []
        self.arrived = asyncio.Event()

    async def messages(self, request: web.Request) -> web.Response:
        self.requests.append((dict(request.headers), await request.json()))
        self.arrived.set()
        return web.Response(status=200)

    async def wait_for(
        self, kind: str, timeout: float = 10.0
    ) -> tuple[dict[str, str], dict[str, Any]]:
        async with asyncio.timeout(timeout):
            while True:
                for headers, activity in self.requests:
                    if activity.get("type") == kind:
                        return headers, activity
                self.arrived.clear()
                await self.arrived.wait()


@pytest.fixture
async def recording_bot(agents_playground: SessionPlayground) -> Any:
    bot = RecordingBot()
    app = web.Application()
    app.router.add_post("/api/messages", bot.messages)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", agents_playground.bot_port)
    await site.start()
    yield bot
    await runner.cleanup()


async def test_playground_sends_activities_without_auth_and_its_connector_answers(
    agents_playground: SessionPlayground, recording_bot: RecordingBot
) -> None:
    playground = agents_playground
    await playground.install()
    headers, update = await recording_bot.wait_for("conversationUpdate")
    assert "Authorization" not in headers
    assert headers["x-ms-agents-playground"] == "true"
    assert update["serviceUrl"] == playground.service_url
    assert update["serviceUrl"] == f"http://localhost:{playground.port}/_connector"
    assert update["channelId"] == "msteams"
    assert update["conversation"]["id"] == playground.conversation_id
    assert update["recipient"]["id"] == BOT_ID

    await playground.send("hej")
    _, message = await recording_bot.wait_for("message")
    assert message["text"] == "hej"
    assert message["from"]["id"] == USER_ID

    connector = playground.connector_url
    conversation = playground.conversation_id
    async with playground.stream() as stream, aiohttp.ClientSession() as session:
        async with session.post(
            f"{connector}/v3/conversations/{conversation}/activities",
            json={"type": "message", "text": "Påminnelse: B3 om 7 dagar"},
        ) as response:
            assert response.status == 201
            activity_id = (await response.json())["id"]
        shown = await stream.next_message()
        assert shown["text"] == "Påminnelse: B3 om 7 dagar"
        assert shown["messageId"] == activity_id
        assert shown["conversationId"] == conversation

        # Optional fields may be absent but not null: the SDK's `reply_to_id = None` is a 400.
        async with session.post(
            f"{connector}/v3/conversations/{conversation}/activities",
            json={"type": "message", "text": "x", "replyToId": None},
        ) as response:
            assert response.status == 400
        async with session.post(
            f"{connector}/v3/conversations/unknown/activities",
            json={"type": "message", "text": "x"},
        ) as response:
            assert response.status == 404
        async with session.delete(
            f"{connector}/v3/conversations/{conversation}/activities/{activity_id}"
        ) as response:
            assert response.status == 501  # delete is not implemented; update (PUT) is


async def test_proactive_message_from_the_agents_sdk_reaches_the_playground(
    agents_playground: SessionPlayground, recording_bot: RecordingBot
) -> None:
    from microsoft_agents.activity import Activity
    from microsoft_agents.hosting.aiohttp import CloudAdapter
    from microsoft_agents.hosting.core import AnonymousTokenProvider, ClaimsIdentity, TurnContext
    from microsoft_agents.hosting.core.connector import ConnectorClientBase

    class Anonymous:
        """Connections for a bot without credentials (every token is "")."""

        def get_token_provider(self, *args: Any) -> AnonymousTokenProvider:
            return AnonymousTokenProvider()

        get_connection = get_default_connection = get_token_provider_from_activity = (
            get_token_provider
        )

    await agents_playground.install()
    _, update = await recording_bot.wait_for("conversationUpdate")
    reference = Activity.model_validate(update).get_conversation_reference()
    adapter = CloudAdapter(connection_manager=Anonymous())  # type: ignore[arg-type]
    sent: list[str] = []

    async def post(context: TurnContext) -> None:
        connector = context.services.get(ConnectorClientBase)
        activity = Activity(type="message", text="Proaktiv hälsning")
        # Not `activity.reply_to_id = None`: that is sent as "replyToId": null, a 400 here.
        activity.apply_conversation_reference(reference.model_copy(update={"activity_id": None}))
        response = await connector.conversations.send_to_conversation(
            reference.conversation.id, activity
        )
        sent.append(response.id)

    # The SDK 1.9's continue_conversation(app_id) is never anonymous: its claims are not empty.
    with pytest.raises(ValueError, match="Failed to obtain token for user token client"):
        await adapter.continue_conversation("", reference.get_continuation_activity(), post)

    async with agents_playground.stream() as stream:
        await adapter.continue_conversation_with_claims(
            ClaimsIdentity(), reference.get_continuation_activity(), post
        )
        shown = await stream.next_message()
    assert shown["text"] == "Proaktiv hälsning"
    assert [shown["messageId"]] == sent
    assert shown["from"]["id"] == BOT_ID


# -- PostgreSQL -----------------------------------------------------------------------------


def test_postgres_url_connects_to_a_fresh_database(postgres_url: str) -> None:
    with psycopg.connect(postgres_url) as connection:
        version = connection.execute("SHOW server_version_num").fetchone()
        assert version is not None and int(version[0]) >= 150000
        tables = connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
        assert tables == (0,)
        address = connection.execute("SELECT inet_server_addr()::text").fetchone()
        assert address == ("127.0.0.1/32",)


def test_postgres_test_databases_are_isolated_and_copy_a_template(
    postgres_server: PostgresServer,
) -> None:
    first, second = postgres_server.create_database(), postgres_server.create_database()
    with psycopg.connect(first) as connection:
        connection.execute("CREATE TABLE entries (ref text PRIMARY KEY)")
        connection.execute("INSERT INTO entries VALUES ('BEH-1')")
    with psycopg.connect(second) as connection:
        found = connection.execute("SELECT to_regclass('public.entries')").fetchone()
        assert found == (None,)

    copy = postgres_server.create_database(template=first.rsplit("/", 1)[1])
    with psycopg.connect(copy) as connection:
        assert connection.execute("SELECT ref FROM entries").fetchall() == [("BEH-1",)]
