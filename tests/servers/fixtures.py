"""pytest fixtures for the real outside servers. Use them from a conftest with

    pytest_plugins = ["tests.servers.fixtures"]

or import the fixtures you need into a test module. Each server starts on first use and lives
for the session (postgres_url gives every test its own database in the session's cluster). A
server that cannot start FAILS the test that asked for it, with the reason and the fix: the
npm packages come from `make test` (`npm ci --prefix tests/node`), PostgreSQL from Debian's
`postgresql` package (.ci/run installs it).

* `oidc_provider`: an OidcProvider with one confidential client, OIDC_CLIENT: client_id
  "fvis-bot", client_secret_post, application_type "native" so that its redirect URIs
  `http://127.0.0.1/auth/callback` and `http://localhost/auth/callback` match **any port**
  (an app under test on a random port), post-logout redirect `http://127.0.0.1/` or
  `http://localhost/` (any port), PKCE required, ID tokens valid 300 s. Add accounts with
  `oidc_provider.set_account("anna@example.se", roles=["FVIS.Handler"])`; other logins sign
  in as a bare `{sub: login}`.
* `agents_playground`: an AgentsPlayground pointed at
  `http://127.0.0.1:{agents_playground.bot_port}/api/messages`: run the bot under test on
  that port (it is reserved for the session; one bot at a time).
* `postgres_server`: a PostgresServer (superuser "fvis", trust auth, loopback).
* `postgres_url`: a fresh, empty database in it for one test (dropped afterwards).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

import pytest

from tests.servers._process import ServerError, ThrowawayServer, free_port
from tests.servers.oidc import OIDC_CLIENT, OidcProvider
from tests.servers.playground import SessionPlayground
from tests.servers.postgres import PostgresServer

S = TypeVar("S", bound=ThrowawayServer)


def _running(server: S, what: str) -> Iterator[S]:
    """The server started for the session and stopped after it; if it cannot start, the test
    that asked for it FAILS (it is not skipped) with the reason and the fix."""
    problem = ""
    try:
        server.start()
    except ServerError as error:
        problem = str(error)  # failed outside the except: the report shows no chained traceback
    if problem:
        pytest.fail(f"{what} did not start: {problem}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def oidc_provider() -> Iterator[OidcProvider]:
    yield from _running(OidcProvider(clients=[OIDC_CLIENT]), "the OpenID Connect provider")


@pytest.fixture(scope="session")
def agents_playground() -> Iterator[SessionPlayground]:
    yield from _running(SessionPlayground(free_port()), "the Agents Playground")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    yield from _running(PostgresServer(), "PostgreSQL")


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.create_database()
    try:
        yield url
    finally:
        postgres_server.drop_database(url.rsplit("/", 1)[1])
