"""The web chat inbox and the Teams and SharePoint adapters' state."""

from __future__ import annotations

from datetime import timedelta

from bot.app.stores import Stores
from tests.conftest import START, FakeClock
from tests.contract.conftest import moment


def test_the_inbox_gives_each_person_channel_posts_and_their_own_messages(
    stores: Stores, clock: FakeClock
) -> None:
    post = stores.inbox.append(channel="#fvis-program", user="", text="Nyhetsbrev", file=None)
    clock.advance(minutes=1)
    direct = stores.inbox.append(
        channel="dm",
        user="anna",
        text="Påminnelse",
        file={"name": "r.docx", "url": "/f/1", "mime": "x"},
    )
    stores.inbox.append(channel="dm", user="bertil", text="Till Bertil", file=None)
    assert post["seq"] < direct["seq"]
    assert (post["direct"], direct["direct"], direct["file"]["name"]) == (False, True, "r.docx")
    assert [m["text"] for m in stores.inbox.after(user="anna", seq=0)] == [
        "Nyhetsbrev",
        "Påminnelse",
    ]
    assert [m["text"] for m in stores.inbox.after(user="anna", seq=post["seq"])] == ["Påminnelse"]
    assert [m["text"] for m in stores.inbox.after(user="bertil", seq=0, limit=1)] == ["Nyhetsbrev"]
    assert moment(direct["at"]) == START + timedelta(minutes=1)


def test_many_posts_at_once_keep_their_order_files_and_choices(stores: Stores) -> None:
    first = stores.inbox.append(channel="#fvis-program", user="", text="Före", file=None)
    posts = [
        {"channel": "dm", "user": f"p{n}", "text": f"Påminnelse {n}", "file": None}
        for n in range(30)
    ]
    posts[3]["file"] = {"name": "r.docx", "url": "/f/1", "mime": "x"}
    posts[7]["choices"] = [{"id": "c", "label": "Ta", "value": "BEH-1"}]
    stored = stores.inbox.append_many(posts)
    assert [m["text"] for m in stored] == [f"Påminnelse {n}" for n in range(30)]
    seqs = [m["seq"] for m in stored]
    assert seqs == sorted(seqs) and seqs[0] > first["seq"] and len(set(seqs)) == 30
    assert stored[3]["file"]["name"] == "r.docx" and "file" not in stored[4]
    assert stored[7]["choices"] == [{"id": "c", "label": "Ta", "value": "BEH-1"}]
    assert [m["text"] for m in stores.inbox.after(user="p7", seq=0)] == ["Före", "Påminnelse 7"]
    assert stores.inbox.append_many([]) == []


def test_a_withdrawn_post_is_marked_once(stores: Stores, clock: FakeClock) -> None:
    post = stores.inbox.append(channel="#fvis-program", user="", text="Fel datum", file=None)
    clock.advance(hours=1)
    assert stores.inbox.withdraw(post["seq"])
    assert not stores.inbox.withdraw(post["seq"])
    assert not stores.inbox.withdraw(post["seq"] + 10)
    got = stores.inbox.get(post["seq"])
    assert got is not None and moment(got["withdrawn_at"]) == START + timedelta(hours=1)
    assert stores.inbox.get(post["seq"] + 10) is None


def test_teams_references_by_key_and_by_name(stores: Stores, clock: FakeClock) -> None:
    refs = stores.teams_references

    def save(key: str, name: str, conversation: str) -> None:
        refs.save(
            key=key, kind=key.split(":")[0], name=name, conversation_id=conversation,
            service_url="https://smba.example/", tenant_id="t1", reference='{"a": 1}',
        )  # fmt: skip

    save("user:aad-1", "Anna Åberg", "a:1")
    clock.advance(minutes=1)
    save("channel:19:x", "Programkanalen", "19:x")
    save("user:aad-1", "Anna Åberg", "a:2")  # met again: the newer reference wins
    got = refs.get("user:aad-1")
    assert got is not None and got["conversation_id"] == "a:2" and got["reference"] == '{"a": 1}'
    assert refs.get("user:nobody") is None
    by_name = refs.by_name("channel", "programkanalen")  # names compare without case
    assert by_name is not None and by_name["key"] == "channel:19:x"
    assert refs.by_name("user", "Bertil") is None


def test_sharepoint_state_remembers_pages_uploads_and_list_rows(stores: Stores) -> None:
    state = stores.sharepoint
    state.page_published(url="https://x/p1", page_id="p1", site_id="s", title="Nyhet")
    page = state.page("https://x/p1")
    assert page is not None and page["page_id"] == "p1"
    state.forget_page("https://x/p1")
    assert state.page("https://x/p1") is None
    assert state.upload("abc") is None
    state.uploaded(digest="abc", name="r.docx", item_id="i1", url="https://x/r.docx", size=10)
    upload = state.upload("abc")
    assert upload is not None and (upload["item_id"], upload["size"]) == ("i1", 10)
    state.list_row_synced(list_id="L", item_id="1", etag="e1", digest="d1", record="comms:4")  # type: ignore[attr-defined]
    state.list_row_synced(list_id="L", item_id="1", etag="e2", digest="d2")  # type: ignore[attr-defined]
    row = state.list_row("L", "1")  # type: ignore[attr-defined]
    assert row is not None and (row["etag"], row["digest"], row["record"]) == ("e2", "d2", "")
    assert state.list_row("L", "2") is None  # type: ignore[attr-defined]
