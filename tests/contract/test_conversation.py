"""DialogueStore, RequestLog and ProgrammeStore: state any replica can pick up."""

from __future__ import annotations

from datetime import timedelta

from bot.app.stores import Stores
from bot.ports.conversation import Dialogue
from tests.conftest import START, FakeClock


def test_a_dialogue_round_trips_as_plain_data(stores: Stores) -> None:
    assert stores.dialogues.load("webchat:anna:dm") is None
    dialogue = Dialogue(
        id="d1",
        flow="intake",
        state="ask",
        kind="deviation",
        values={"what": 'Läkemedelslistan visades fel – "akut"', "consequence": "3"},
        pending="probability",
        updated_at=START,
        extra={"asked": ["what", "consequence"], "form": True, "n": 2},
    )
    stores.dialogues.save("webchat:anna:dm", dialogue)
    assert stores.dialogues.load("webchat:anna:dm") == dialogue
    assert stores.dialogues.load("webchat:bertil:dm") is None


def test_saving_again_replaces_and_delete_forgets(stores: Stores) -> None:
    first = Dialogue(id="d1", flow="intake", state="ask", updated_at=START)
    stores.dialogues.save("k", first)
    second = Dialogue(
        id="d1",
        flow="intake",
        state="confirm",
        values={"title": "Ny"},
        updated_at=START + timedelta(minutes=2),
    )
    stores.dialogues.save("k", second)
    assert stores.dialogues.load("k") == second
    stores.dialogues.delete("k")
    assert stores.dialogues.load("k") is None
    stores.dialogues.delete("k")  # deleting what is gone is no error


def test_the_request_log_answers_a_retry_with_the_first_replies(stores: Stores) -> None:
    assert stores.requests.get("slack:Ev1") is None
    replies = [{"text": "Sparat som BEH-1 ✓", "style": "success", "choices": []}]
    stores.requests.put("slack:Ev1", replies)
    assert stores.requests.get("slack:Ev1") == replies
    assert stores.requests.get("slack:Ev2") is None
    stores.requests.put("slack:Ev1", [{"text": "andra"}])
    assert stores.requests.get("slack:Ev1") == [{"text": "andra"}]


def test_the_programme_is_kept_whole(stores: Stores) -> None:
    assert stores.programme.load_programme() is None
    data = {"name": "FVIS", "people": [{"id": "anna", "name": "Anna Åberg"}], "n": 3}
    stores.programme.save_programme(data)
    assert stores.programme.load_programme() == data
    stores.programme.save_programme({"name": "FVIS 2"})
    assert stores.programme.load_programme() == {"name": "FVIS 2"}


def test_answers_older_than_a_moment_are_pruned(stores: Stores, clock: FakeClock) -> None:
    stores.requests.put("old", [{"text": "först"}])
    clock.advance(days=8)
    stores.requests.put("new", [{"text": "sedan"}])
    assert stores.requests.prune(clock.now() - timedelta(days=7)) == 1
    assert stores.requests.get("old") is None
    assert stores.requests.get("new") == [{"text": "sedan"}]


def test_a_request_is_claimed_once_and_a_failed_one_can_be_claimed_again(stores: Stores) -> None:
    assert stores.requests.claim("slack:answered:Ev1")
    assert not stores.requests.claim("slack:answered:Ev1")  # a retry, on any replica
    assert stores.requests.get("slack:answered:Ev1") == []
    stores.requests.put("request:Ev2", [{"text": "Sparat"}])
    assert not stores.requests.claim("request:Ev2")  # answered already
    assert stores.requests.get("request:Ev2") == [{"text": "Sparat"}]
    stores.requests.forget("slack:answered:Ev1")
    assert stores.requests.get("slack:answered:Ev1") is None
    assert stores.requests.claim("slack:answered:Ev1")
