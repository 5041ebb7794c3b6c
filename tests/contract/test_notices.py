"""The loops' ports on every backend: other reporters and followers, similar open entries, the
work queues (assignee, unassigned, most urgent and oldest first), notice settings and the digest
queue, the thread an entry was logged in, notice buttons in the web chat inbox."""

from __future__ import annotations

from bot.app.stores import Stores
from bot.domain.model import Kind, Reporter, Status
from bot.ports.entries import EntryQuery
from tests.conftest import FakeClock
from tests.contract.conftest import entry


def test_joined_reporters_are_counted_listed_and_see_it_as_theirs(stores: Stores) -> None:
    first, _ = stores.entries.create(entry(title="Skrivare saknas"))
    other, _ = stores.entries.create(entry(title="Annat", reporter="sara"))
    assert first.id is not None
    omar = Reporter("slack", "U0OMAR", "Omar", "C1", "C1:1700.1")
    assert stores.entry_people.add_reporter(first.id, omar)
    assert not stores.entry_people.add_reporter(first.id, omar)  # counted once
    assert stores.entry_people.reporters(first.id) == [omar]
    assert stores.entry_people.reporter_counts([first.id, other.id or 0]) == {
        first.id: 2,
        other.id: 1,
    }
    got = stores.entries.get(Kind.NEED, 1)
    assert got is not None and got.reporter_count == 2
    mine, total = stores.entries.find(EntryQuery(reporter="slack:U0OMAR"))
    assert [e.number for e in mine] == [1] and total == 1 and mine[0].reporter_count == 2


def test_followers_are_kept_once_in_order(stores: Stores) -> None:
    created, _ = stores.entries.create(entry(Kind.ISSUE, "Journalen hänger"))
    assert created.id is not None
    stores.entry_people.add_followers(created.id, ["maria", "gustav"])
    stores.entry_people.add_followers(created.id, ["maria"])
    assert stores.entry_people.followers(created.id) == ["maria", "gustav"]


def test_similar_open_entries_of_the_same_kind_share_words(stores: Stores) -> None:
    stores.entries.create(entry(title="Skrivaren i korridoren saknas", description="Remisser"))
    closed, _ = stores.entries.create(entry(title="Skrivaren i korridoren saknas igen"))
    closed.status = Status.CLOSED
    stores.entries.update(closed, [])
    stores.entries.create(entry(Kind.ISSUE, "Skrivaren i korridoren fungerar inte"))
    stores.entries.create(entry(title="Fler datorer i korridoren"))
    found = stores.similar.similar(Kind.NEED, "Skrivare saknas i korridoren", limit=3)
    assert [e.number for e in found] == [1]
    assert stores.similar.similar(Kind.NEED, "och att det", limit=3) == []


def test_queues_by_assignee_unassigned_and_urgency_then_age(
    stores: Stores, clock: FakeClock
) -> None:
    stores.entries.create(entry(Kind.ISSUE, "Låg och gammal", urgency="low"))
    clock.advance(hours=1)
    stores.entries.create(entry(Kind.RISK, "Riskvärde 12", consequence="4", probability="3"))
    clock.advance(hours=1)
    taken, _ = stores.entries.create(entry(Kind.ISSUE, "Akut", urgency="critical"))
    taken.assignee = "Lena Forsberg"
    stores.entries.update(taken, [])
    clock.advance(hours=1)
    stores.entries.create(entry(Kind.NEED, "Hög prioritet", priority="high"))
    queue, _ = stores.entries.find(EntryQuery(order="urgency"))
    assert [e.title for e in queue] == ["Riskvärde 12", "Akut", "Hög prioritet", "Låg och gammal"]
    unassigned, _ = stores.entries.find(EntryQuery(order="urgency", unassigned=True))
    assert "Akut" not in [e.title for e in unassigned] and len(unassigned) == 3
    mine, _ = stores.entries.find(EntryQuery(assignee="Lena Forsberg"))
    assert [e.title for e in mine] == ["Akut"]


def test_the_thread_an_entry_was_logged_in_is_kept(stores: Stores) -> None:
    threaded = entry(Kind.ISSUE, "I en tråd")
    threaded.source_thread = "C0GENERAL:1780000200.000100"
    stores.entries.create(threaded)
    got = stores.entries.get(Kind.ISSUE, 1)
    assert got is not None and got.source_thread == "C0GENERAL:1780000200.000100"


def test_notice_settings_and_the_digest_queue(stores: Stores) -> None:
    settings = stores.notice_settings
    assert settings.daily_digest("helena") is None
    settings.set_daily_digest("helena", True)
    settings.set_daily_digest("helena", True)
    assert settings.daily_digest("helena") is True
    settings.set_daily_digest("helena", False)
    assert settings.daily_digest("helena") is False
    settings.queue(
        person_key="helena", platform="webchat", user_id="helena", locale="sv", ref="BEH-1"
    )
    settings.queue(person_key="helena", platform="slack", user_id="U0H", locale="en", ref="BEH-2")
    waiting = settings.queued()
    assert [(i.platform, i.locale, i.ref) for i in waiting] == [
        ("webchat", "sv", "BEH-1"),
        ("slack", "en", "BEH-2"),
    ]
    settings.mark_sent([waiting[0].id])
    assert [i.ref for i in settings.queued()] == ["BEH-2"]


def test_web_chat_notices_keep_their_buttons(stores: Stores) -> None:
    buttons = [{"id": "triage:take", "label": "Ta", "value": "ÄRE-1"}]
    stored = stores.inbox.append(
        channel="dm", user="lena", text="Nytt ärende", file=None, choices=buttons
    )
    plain = stores.inbox.append(channel="#fvis", user="", text="Nyhet", file=None)
    assert stored["choices"] == buttons and "choices" not in plain
    assert stores.inbox.after(user="lena", seq=0)[0]["choices"] == buttons
