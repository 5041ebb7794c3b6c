"""The web chat's sign-in state (bot.ports.sessions.SessionStore) and file grants, on every
backend: sessions read back as written, idle ones go, a sign-in completes at most once."""

from __future__ import annotations

from datetime import timedelta

from bot.app.stores import Stores
from bot.ports.sessions import PendingSignIn, WebSession
from tests.conftest import START, FakeClock


def session(user_id: str, roles: tuple[str, ...] | None, seen: int = 0) -> WebSession:
    return WebSession(
        user_id=user_id,
        name="Anna Lindqvist",
        directory_roles=roles,
        created_at=START,
        seen_at=START + timedelta(minutes=seen),
        id_token="eyJ.eyJ.sig",
    )


def test_a_session_reads_back_as_written(stores: Stores) -> None:
    sessions = stores.sessions
    sessions.create("k1", session("anna@region.example", ("FVIS.Handler",)))
    sessions.create("k2", session("zoe@region.example", None))
    sessions.create("k3", session("ny@region.example", ()))
    assert sessions.get("k1") == session("anna@region.example", ("FVIS.Handler",))
    got = sessions.get("k2")
    assert got is not None and got.directory_roles is None  # none in the token: the file decides
    got = sessions.get("k3")
    assert got is not None and got.directory_roles == ()
    assert sessions.get("nope") is None
    sessions.touch("k1", START + timedelta(hours=2))
    got = sessions.get("k1")
    assert got is not None and got.seen_at == START + timedelta(hours=2)
    sessions.delete("k1")
    assert sessions.get("k1") is None


def test_idle_sessions_and_old_sign_ins_go(stores: Stores) -> None:
    sessions = stores.sessions
    sessions.create("old", session("a@region.example", None, seen=0))
    sessions.create("new", session("b@region.example", None, seen=30))
    sessions.begin_sign_in("s-old", PendingSignIn("n", "v", "/", START))
    assert sessions.delete_idle(START + timedelta(minutes=10)) == 1
    assert sessions.get("old") is None and sessions.get("new") is not None
    assert sessions.take_sign_in("s-old") is None


def test_a_sign_in_is_taken_once(stores: Stores, clock: FakeClock) -> None:
    pending = PendingSignIn(
        nonce="n0nce", code_verifier="v" * 43, return_to="/?x=1", created_at=START, popup=True
    )
    stores.sessions.begin_sign_in("st4te", pending)
    assert stores.sessions.take_sign_in("other") is None
    assert stores.sessions.take_sign_in("st4te") == pending
    assert stores.sessions.take_sign_in("st4te") is None


def test_file_grants(stores: Stores) -> None:
    inbox = stores.inbox
    assert inbox.file_grantees("f" * 32) == set()
    inbox.grant_file("f" * 32, "anna@region.example")
    inbox.grant_file("f" * 32, "anna@region.example")  # again: no error, no duplicate
    inbox.grant_file("f" * 32, "")
    inbox.grant_file("e" * 32, "bertil@region.example")
    assert inbox.file_grantees("f" * 32) == {"anna@region.example", ""}
