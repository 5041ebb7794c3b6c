"""Who someone is in the web chat when people sign in: the session only. Others' notices,
streams and files are refused; the programme file or the token's app roles give roles; the
intranet may frame the chat and sign in through a pop-up; https is recognised behind a proxy."""

from __future__ import annotations

import asyncio
import ipaddress
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from unittest.mock import MagicMock

import pytest
from aiohttp.test_utils import make_mocked_request

from bot.domain.messages import Outbound, Target
from bot.ports.entries import EntryQuery
from integrations.webchat.sessions import COOKIE, Sessions
from integrations.webchat.settings import WebchatSettings
from storage.files import DiskFileStore
from tests.conftest import FakeClock
from tests.helpers import NEED, text_of
from tests.servers.oidc import OidcProvider
from tests.signin_helpers import Site, Visitor, signed_in_settings
from tests.test_webchat_api import read_event

pytestmark = pytest.mark.usefixtures("oidc_provider")
REF = re.compile(r"BEH-\d+")


@pytest.fixture
async def site(
    tmp_path: Path, oidc_provider: OidcProvider, clock: FakeClock
) -> AsyncIterator[Site]:
    oidc_provider.set_account("anna@region.example", name="Anna L")
    oidc_provider.set_account("Bertil@Region.Example", name="Bertil N")  # case differs
    oidc_provider.set_account("zoe.okand@region.example", name="Zoe Okänd", email="")
    instance = await Site.start(
        signed_in_settings(tmp_path, oidc_provider, frame_ancestors=("http://localhost:8443",)),
        clock,
    )
    yield instance
    await instance.close()


@pytest.fixture
async def visitors(site: Site) -> AsyncIterator[Any]:
    opened: list[Visitor] = []

    async def signed_in(login: str) -> Visitor:
        visitor = Visitor(site)
        opened.append(visitor)
        response = await visitor.sign_in(login)
        assert response.status == 303, await response.text()
        return visitor

    yield signed_in
    for visitor in opened:
        await visitor.close()


async def log_need(visitor: Visitor, **body: Any) -> str:
    replies = await visitor.say("", action={"id": "intake:form", "value": "need"}, **body)
    form = next(reply["form"] for reply in replies if reply.get("form"))
    response = await visitor.post(
        "/api/webchat/messages", json={"form": {"id": form["id"], "values": NEED}, **body}
    )
    match = REF.search(text_of((await response.json())["replies"]))
    assert match, await response.text()
    return match.group(0)


async def test_claiming_another_user_acts_as_herself(site: Site, visitors: Any) -> None:
    anna = await visitors("anna@region.example")
    ref = await log_need(anna, user="david")
    entry = site.bot.entries.entries.find(EntryQuery(include_deviations=True))[0][0]
    assert (entry.ref, entry.reporter_id, entry.reporter_name) == (
        ref, "anna@region.example", "Anna Lindqvist"
    )  # fmt: skip
    # David (a project lead in the programme file) could triage; "as David" Anna cannot.
    replies = await anna.say(f"status {ref} stängd", user="david")
    assert "Bara handläggare och projektledare" in text_of(replies)
    response = await anna.get("/api/webchat/users?user=david")
    assert [user["id"] for user in (await response.json())["users"]] == ["anna@region.example"]


async def test_others_inbox_and_events_are_not_read(site: Site, visitors: Any) -> None:
    anna = await visitors("anna@region.example")
    bertil = await visitors("Bertil@Region.Example")
    assert (await bertil.me())["id"] == "bertil@region.example"  # matched case-insensitively
    ref = await log_need(anna)
    stream = await bertil.get("/api/webchat/events?user=anna@region.example")
    try:
        assert (await stream.content.readline()).startswith(b": connected")
        # Bertil comments: Anna is told in her chat, Bertil is not.
        assert "Kommentaren" in text_of(await bertil.say(f"kommentera {ref} Beställd"))
        to_anna = await anna.get("/api/webchat/inbox?after=0")
        assert [m["direct"] for m in (await to_anna.json())["messages"]] == [True]
        for query in ("?user=anna@region.example", "?user=anna", ""):
            response = await bertil.get("/api/webchat/inbox" + query)
            assert (await response.json())["messages"] == [], query
        # Bertil's stream, asked for Anna, is Bertil's: his own notice comes, hers did not.
        await site.bot.notifier.post(
            Target("webchat", user_id="bertil@region.example"), Outbound("Till Bertil")
        )
        _, event = await asyncio.wait_for(read_event(stream), 5)
        assert event["text"] == "Till Bertil"
    finally:
        stream.close()


async def test_files_go_only_to_whom_they_were_made_for(site: Site, visitors: Any) -> None:
    anna = await visitors("anna@region.example")
    zoe = await visitors("zoe.okand@region.example")
    bertil = await visitors("Bertil@Region.Example")
    replies = await anna.say("rapport beslut")
    url = next(reply["file"]["url"] for reply in replies if reply.get("file"))
    assert (await anna.get(url)).status == 200
    refused = await zoe.get(url)  # another reporter: as if there were no such file
    assert refused.status == 404
    assert "Filen finns inte" in (await refused.json())["error"]
    assert (await bertil.get(url)).status == 200  # a handler may read every entry
    replies = await bertil.say("rapport beslut")
    handlers = next(reply["file"]["url"] for reply in replies if reply.get("file"))
    assert (await anna.get(handlers)).status == 404  # made with a handler's rights
    audit = list(site.bot.db.query("SELECT actor, ref FROM audit WHERE action = ?",
                                   ["file-download"]))  # fmt: skip
    assert [row["actor"] for row in audit] == [
        "webchat:anna@region.example", "webchat:bertil@region.example"
    ]  # fmt: skip
    assert audit[0]["ref"] == url.rsplit("/", 1)[1]


async def test_a_channel_file_is_for_those_who_see_all(site: Site, visitors: Any) -> None:
    anna = await visitors("anna@region.example")
    bertil = await visitors("Bertil@Region.Example")
    ref = DiskFileStore(site.bot.settings.files_folder).save("Vecka.docx", b"PK", "x/y")
    await site.bot.notifier.post(
        Target("webchat", channel="projektledning"), Outbound("Veckorapport", file=ref)
    )
    message = (await (await anna.get("/api/webchat/inbox")).json())["messages"][0]
    url = message["file"]["url"]
    assert (await anna.get(url)).status == 404  # a reporter: not a report for her
    assert (await bertil.get(url)).status == 200  # a handler sees every entry


async def test_someone_not_in_the_programme_file_is_a_reporter(site: Site, visitors: Any) -> None:
    zoe = await visitors("zoe.okand@region.example")  # no email claim: preferred_username
    assert await zoe.me() == {
        "id": "zoe.okand@region.example",
        "name": "Zoe Okänd",
        "title": "",
        "roles": ["reporter"],
        "locale": "sv",
    }
    ref = await log_need(zoe)
    assert "Bara handläggare" in text_of(await zoe.say(f"status {ref} stängd"))
    assert "Du ser dina egna poster" in text_of(await zoe.say("lista alla"))


async def test_roles_claim_decides_when_present(
    site: Site, visitors: Any, oidc_provider: OidcProvider
) -> None:
    # Anna is a reporter in the programme file; the directory makes her a handler.
    oidc_provider.set_account("anna@region.example", roles=["FVIS.Handler", "Other.Role"])
    # David is a project lead in the file; the directory gives him only reporting.
    oidc_provider.set_account("david@region.example", roles=["FVIS.Reporter"])
    oidc_provider.set_account("ny@region.example", roles=["FVIS.ProjectLead"])
    anna = await visitors("anna@region.example")
    david = await visitors("david@region.example")
    newcomer = await visitors("ny@region.example")
    assert (await anna.me())["roles"] == ["handler", "reporter"]
    assert (await david.me())["roles"] == ["reporter"]
    assert (await newcomer.me())["roles"] == ["project_lead", "reporter"]
    ref = await log_need(david)
    assert "pågår" in text_of(await anna.say(f"status {ref} pågår"))
    assert "Bara handläggare" in text_of(await david.say(f"status {ref} löst"))
    assert "löst" in text_of(await newcomer.say(f"status {ref} löst"))


async def test_a_framed_chat_redeems_its_pop_ups_ticket_once(site: Site, clock: FakeClock) -> None:
    popup, frame = Visitor(site), Visitor(site)
    try:
        page = await popup.sign_in("anna@region.example", "?popup=1")
        assert page.status == 200
        html = await page.text()
        assert 'src="/static/signed-in.js"' in html and "<script>" not in html
        ticket = re.search(r'data-ticket="([^"]+)"', html)
        assert ticket
        # The frame has no cookie of the pop-up's (another site's partition): it redeems.
        assert (await frame.get("/api/webchat/me")).status == 401
        response = await frame.post("/auth/ticket", json={"ticket": ticket.group(1)})
        assert response.status == 200
        set_cookie = response.headers["Set-Cookie"]
        for attribute in ("fvis_frame_session=", "HttpOnly", "Secure", "SameSite=None",
                          "Partitioned"):  # fmt: skip
            assert attribute in set_cookie, set_cookie
        # (aiohttp's jar keeps Secure cookies for https; Chromium also for loopback: the
        # browser test sees it used there.)
        secret = set_cookie.split(";")[0].split("=", 1)[1]
        response = await frame.get("/api/webchat/me", cookies={"fvis_frame_session": secret})
        assert (await response.json())["user"]["id"] == "anna@region.example"
        again = await Visitor(site).http.post(
            site.url + "/auth/ticket", json={"ticket": ticket.group(1)}
        )
        assert again.status == 401  # once only
        # A ticket not redeemed within two minutes is worthless.
        late = await popup.sign_in("anna@region.example", "?popup=1")
        stale = re.search(r'data-ticket="([^"]+)"', await late.text())
        assert stale
        clock.advance(minutes=3)
        response = await frame.post("/auth/ticket", json={"ticket": stale.group(1)})
        assert response.status == 401
        assert "Logga in igen" in (await response.json())["error"]
    finally:
        await popup.close()
        await frame.close()


async def test_the_intranet_may_frame_the_chat(site: Site) -> None:
    visitor = Visitor(site)
    try:
        for path in ("/", "/api/webchat/me", "/auth/login"):
            response = await visitor.get(path)
            policy = response.headers.getall("Content-Security-Policy")
            assert "frame-ancestors http://localhost:8443" in policy, path
    finally:
        await visitor.close()


def mocked(headers: dict[str, str], peer: str, *, secure: bool = False) -> Any:
    transport = MagicMock()
    transport.get_extra_info.side_effect = lambda name, default=None: (
        (peer, 40000) if name == "peername" else default
    )
    request = make_mocked_request(
        "GET", "/auth/callback", headers={"Host": "fvis.region.se", **headers},
        transport=transport, sslcontext=MagicMock() if secure else None,
    )  # fmt: skip
    return request


@pytest.mark.parametrize(
    ("peer", "forwarded", "public_url", "https"),
    [
        ("10.0.0.5", "https", "", True),  # the configured TLS proxy
        ("10.0.0.6", "https", "", False),  # anyone else may not say so
        ("10.0.0.5", "http", "", False),
        ("10.0.0.6", "", "https://fvis.region.se", True),  # the configured address says it
    ],
)
def test_secure_cookie_behind_a_trusted_proxy_only(
    peer: str, forwarded: str, public_url: str, https: bool, clock: FakeClock
) -> None:
    settings = WebchatSettings(
        trusted_proxies=(ipaddress.ip_network("10.0.0.5/32"),), public_url=public_url
    )
    sessions = Sessions(store=MagicMock(), clock=clock, settings=settings)
    request = mocked({"X-Forwarded-Proto": forwarded} if forwarded else {}, peer)
    assert sessions.is_https(request) is https
    assert sessions.base_url(request) == ("https" if https else "http") + "://fvis.region.se"
    response = MagicMock()
    from aiohttp import web

    response = web.Response()
    sessions.set_cookie(response, request, "s3cret", framed=False)
    cookie = response.cookies[COOKIE]
    assert bool(cookie["secure"]) is https
    assert cookie["httponly"] is True and cookie["samesite"] == "Lax"
