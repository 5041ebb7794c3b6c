"""EntryRepository and AuditLog: numbering, idempotency, search, lists, updates."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest

import storage.sqlite.search
from bot.app.stores import Stores
from bot.domain.errors import QueryTooLarge
from bot.domain.model import Change, Comment, Kind, Status
from bot.ports.entries import EntryQuery
from storage.postgres.database import PostgresDatabase
from tests.conftest import START, FakeClock
from tests.contract.conftest import entry, moment, table_rows


def test_create_numbers_per_kind_and_get_reads_it_back(stores: Stores, clock: FakeClock) -> None:
    first, created = stores.entries.create(entry(title="Skrivare saknas på avd 5"))
    second, _ = stores.entries.create(entry())
    issue, _ = stores.entries.create(entry(Kind.ISSUE, "Inloggning tar lång tid"))
    assert created and (first.number, second.number, issue.number) == (1, 2, 1)
    assert first.created_at == first.updated_at == START  # the store's clock
    got = stores.entries.get(Kind.NEED, 1)
    assert got is not None and got.id == first.id
    assert (got.title, got.fields["title"], got.reporter_id) == (
        "Skrivare saknas på avd 5",
        "Skrivare saknas på avd 5",
        "anna",
    )
    assert got.created_at == START and got.status is Status.NEW
    assert stores.entries.get(Kind.NEED, 3) is None
    assert stores.entries.get(Kind.RISK, 1) is None


def test_numbers_stay_gap_free_when_a_unit_of_work_rolls_back(stores: Stores) -> None:
    stores.entries.create(entry())
    try:
        with stores.uow.atomic():
            stores.entries.create(entry(title="Ångras"))
            raise RuntimeError("the audit row failed")
    except RuntimeError:
        pass
    again, _ = stores.entries.create(entry(title="Nästa"))
    assert again.number == 2
    got = stores.entries.get(Kind.NEED, 2)
    assert got is not None and got.title == "Nästa"


def test_a_dedupe_key_seen_before_returns_the_first_entry(stores: Stores) -> None:
    first, created = stores.entries.create(entry(), dedupe_key="webchat:anna:abc")
    again, created_again = stores.entries.create(
        entry(title="Annan"), dedupe_key="webchat:anna:abc"
    )
    other, created_other = stores.entries.create(entry(), dedupe_key="webchat:anna:xyz")
    assert created and not created_again and created_other
    assert again.id == first.id and again.number == 1 and again.title == "Skrivare saknas"
    assert other.number == 2
    found = stores.entries.by_dedupe_key("webchat:anna:abc")
    assert found is not None and found.id == first.id
    assert stores.entries.by_dedupe_key("nope") is None
    # Entries without a key never collide with each other.
    assert stores.entries.create(entry())[0].number == 3
    assert stores.entries.create(entry())[0].number == 4


def _search(stores: Stores, text: str, **query: object) -> list[str]:
    found, _ = stores.entries.find(EntryQuery(text=text, **query))  # type: ignore[arg-type]
    return [e.ref for e in found]


def test_search_folds_swedish_letters_and_matches_word_starts(stores: Stores) -> None:
    stores.entries.create(entry(title="Skrivaren på avdelning 5 är trasig"))
    stores.entries.create(entry(Kind.ISSUE, "Ärendet om journalen"))
    stores.entries.create(entry(title="Kaffemaskin", description="Behövs i fikarummet"))
    assert _search(stores, "skrivaren") == ["BEH-1"]
    assert _search(stores, "skriv") == ["BEH-1"]  # a word's start
    assert _search(stores, "trasig avdelning") == ["BEH-1"]  # every word, any order
    assert _search(stores, "arendet") == ["ÄRE-1"]  # typed without ä
    assert _search(stores, "ÄRENDET") == ["ÄRE-1"]
    assert _search(stores, "fikarummet") == ["BEH-2"]  # the description is searched too
    assert _search(stores, "trasig kaffemaskin") == []
    assert _search(stores, '"; DROP TABLE entries; --') == []  # syntax stays out of users' hands
    assert _search(stores, '  " ') == []  # nothing to search for finds nothing


def test_find_filters_by_kind_status_reporter_and_hides_deviations(stores: Stores) -> None:
    stores.entries.create(entry(title="Anna 1"))
    stores.entries.create(entry(title="Bertil 1", reporter="bertil"))
    issue, _ = stores.entries.create(entry(Kind.ISSUE, "Anna ärende"))
    stores.entries.create(entry(Kind.DEVIATION, "Avvikelse", what="Fel"))
    issue.status = Status.RESOLVED
    stores.entries.update(
        issue, [Change("webchat:bertil", "Bertil", "status", "new", "resolved", START)]
    )

    def refs(**query: object) -> list[str]:
        found, total = stores.entries.find(EntryQuery(**query))  # type: ignore[arg-type]
        assert total == len(found) or total > len(found)
        return [e.ref for e in found]

    assert refs() == ["AVV-1", "ÄRE-1", "BEH-2", "BEH-1"]  # newest first
    assert refs(kinds=[Kind.NEED]) == ["BEH-2", "BEH-1"]
    assert refs(statuses=[Status.RESOLVED]) == ["ÄRE-1"]
    assert refs(reporter="webchat:anna") == ["AVV-1", "ÄRE-1", "BEH-1"]
    assert refs(reporter="slack:anna") == []
    assert refs(include_deviations=False) == ["ÄRE-1", "BEH-2", "BEH-1"]
    assert refs(limit=2) == ["AVV-1", "ÄRE-1"]
    found, total = stores.entries.find(EntryQuery(limit=2))
    assert len(found) == 2 and total == 4


def test_find_counts_up_to_the_cap_and_says_more_than(stores: Stores) -> None:
    with stores.uow.atomic():
        for number in range(7):
            stores.entries.create(entry(title=f"Skrivare {number}"))
    found, total = stores.entries.find(EntryQuery(text="skrivare", limit=3, count_cap=5))
    assert len(found) == 3 and total == 6  # cap + 1: "more than 5"
    found, total = stores.entries.find(EntryQuery(text="skrivare", limit=3, count_cap=50))
    assert total == 7
    # Several words alike, newest first; a page that holds every match counts them.
    found, total = stores.entries.find(EntryQuery(text="skrivare skriv", limit=3, count_cap=5))
    assert [e.ref for e in found] == ["BEH-7", "BEH-6", "BEH-5"] and total == 6
    found, total = stores.entries.find(EntryQuery(text="skrivare skriv", limit=10))
    assert len(found) == 7 and total == 7
    found, total = stores.entries.find(EntryQuery(text="skrivare 3"))  # the title, or BEH-3
    assert [e.title for e in found] == ["Skrivare 3", "Skrivare 2"] and total == 2
    assert stores.entries.find(EntryQuery(text="skrivare 9")) == ([], 0)


def test_update_and_comment_keep_history_and_comments_in_order(
    stores: Stores, clock: FakeClock
) -> None:
    created, _ = stores.entries.create(entry())
    later = START + timedelta(hours=1)
    created.status, created.assignee = Status.IN_PROGRESS, "Bertil"
    stores.entries.update(
        created,
        [
            Change("webchat:bertil", "Bertil", "assignee", "", "Bertil", later),
            Change("webchat:bertil", "Bertil", "status", "new", "in_progress", later),
        ],
    )
    stores.entries.add_comment(created, Comment("webchat:bertil", "Bertil", "Beställd ✓", later))
    got = stores.entries.get(Kind.NEED, 1)
    assert got is not None
    assert (got.status, got.assignee, got.updated_at) == (Status.IN_PROGRESS, "Bertil", later)
    assert [(c.field, c.new) for c in got.history] == [
        ("assignee", "Bertil"),
        ("status", "in_progress"),
    ]
    assert [(c.author_name, c.text, c.at) for c in got.comments] == [
        ("Bertil", "Beställd ✓", later)
    ]
    # The change is searchable too: the title did not change, the status filter sees it.
    assert stores.entries.find(EntryQuery(statuses=[Status.IN_PROGRESS]))[1] == 1


def test_the_audit_log_keeps_who_did_what_when(stores: Stores, clock: FakeClock) -> None:
    stores.audit.record(actor="webchat:anna", action="create", ref="BEH-1")
    clock.advance(minutes=5)
    stores.audit.record(actor="webchat:bertil", action="read", ref="AVV-2", detail="från lista")
    rows = table_rows(stores, "audit")
    assert [(r["actor"], r["action"], r["ref"], r["detail"]) for r in rows] == [
        ("webchat:anna", "create", "BEH-1", ""),
        ("webchat:bertil", "read", "AVV-2", "från lista"),
    ]
    assert [moment(r["at"]) for r in rows] == [START, START + timedelta(minutes=5)]


async def test_the_search_port_answers_as_find_does_off_the_loop(stores: Stores) -> None:
    for title in ("Skrivare saknas", "Ärende om skrivaren", "Headset behövs"):
        stores.entries.create(entry(title=title))
    query = EntryQuery(text="skrivare", limit=10)
    found, total = await stores.search.find(query)
    assert [e.ref for e in found] == [e.ref for e in stores.entries.find(query)[0]]
    assert total == 2 and {e.title for e in found} == {"Skrivare saknas", "Ärende om skrivaren"}


@contextmanager
def _slow_searches(stores: Stores, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A search that cannot finish in time: on PostgreSQL the table is locked by another
    connection (the cap counts the wait too); SQLite looks at the clock at every step."""
    if isinstance(stores.db, PostgresDatabase):
        with stores.db.transaction() as conn:
            conn.execute("LOCK TABLE entries IN ACCESS EXCLUSIVE MODE")
            yield
        return
    monkeypatch.setattr(storage.sqlite.search, "PROGRESS_STEPS", 1)
    yield


async def test_a_search_past_its_time_cap_is_stopped_and_the_next_answers(
    stores: Stores, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(30):
        stores.entries.create(entry(title=f"Skrivare {n}"))
    search: Any = stores.search
    assert search.time_cap == 0.8  # one cap for both backends, in seconds
    query = EntryQuery(text="skrivare", limit=10)
    with _slow_searches(stores, monkeypatch):
        search.time_cap = 0.0  # on PostgreSQL 1 ms: 0 would switch statement_timeout off
        with pytest.raises(QueryTooLarge):
            await search.find(query)
    search.time_cap = 5.0
    found, total = await search.find(query)
    assert total == 30 and len(found) == 10


def test_a_writable_database_says_so(stores: Stores) -> None:
    health = stores.status.health()
    assert health.writable and health.detail == "ok"
