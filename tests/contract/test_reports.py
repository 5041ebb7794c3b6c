"""ReportStore: whole registers, counts and status changes, in scope."""

from __future__ import annotations

from datetime import timedelta

from bot.app.stores import Stores
from bot.domain.model import Change, Kind, Status
from bot.ports.reports import EntryScope, StatusChange
from tests.conftest import START, FakeClock
from tests.contract.conftest import entry


def _fill(stores: Stores, clock: FakeClock) -> None:
    stores.entries.create(entry(title="Första"))
    clock.advance(days=1)
    stores.entries.create(entry(title="Andra", reporter="bertil"))
    issue, _ = stores.entries.create(entry(Kind.ISSUE, "Ärende"))
    clock.advance(days=1)
    stores.entries.create(entry(Kind.DEVIATION, "Avvikelse", what="Fel"))
    issue.status = Status.RESOLVED
    at = START + timedelta(days=1, hours=3)
    stores.entries.update(
        issue, [Change("webchat:bertil", "Bertil", "status", "new", "resolved", at)]
    )


def test_entries_in_scope_by_kind_and_number(stores: Stores, clock: FakeClock) -> None:
    _fill(stores, clock)

    def refs(**scope: object) -> list[str]:
        return [e.ref for e in stores.reports.entries(EntryScope(**scope))]  # type: ignore[arg-type]

    assert refs() == ["AVV-1", "ÄRE-1", "BEH-1", "BEH-2"]  # by kind (its stored value), number
    assert refs(kinds=(Kind.NEED,)) == ["BEH-1", "BEH-2"]
    assert refs(statuses=(Status.RESOLVED,)) == ["ÄRE-1"]
    assert refs(reporter="webchat:bertil") == ["BEH-2"]
    assert refs(created_from=START + timedelta(days=1)) == ["AVV-1", "ÄRE-1", "BEH-2"]
    assert refs(created_to=START + timedelta(days=1)) == ["BEH-1"]  # exclusive
    [issue] = stores.reports.entries(EntryScope(kinds=(Kind.ISSUE,)))
    assert (issue.title, issue.status, issue.created_at) == (
        "Ärende",
        Status.RESOLVED,
        START + timedelta(days=1),
    )


def test_counts_by_kind_and_status(stores: Stores, clock: FakeClock) -> None:
    _fill(stores, clock)
    assert stores.reports.counts(EntryScope()) == {
        (Kind.NEED, Status.NEW): 2,
        (Kind.ISSUE, Status.RESOLVED): 1,
        (Kind.DEVIATION, Status.NEW): 1,
    }
    assert stores.reports.counts(EntryScope(reporter="webchat:anna", kinds=(Kind.NEED,))) == {
        (Kind.NEED, Status.NEW): 1
    }


def test_status_changes_in_a_period(stores: Stores, clock: FakeClock) -> None:
    _fill(stores, clock)
    day = START + timedelta(days=1)
    changes = stores.reports.status_changes(
        EntryScope(kinds=(Kind.ISSUE,)), day, day + timedelta(days=1)
    )
    assert changes == [StatusChange(Kind.ISSUE, 1, "resolved", START + timedelta(days=1, hours=3))]
    assert stores.reports.status_changes(EntryScope(), START, day) == []
    assert (
        stores.reports.status_changes(
            EntryScope(reporter="webchat:bertil"), START, day + timedelta(days=9)
        )
        == []
    )


def test_latest_value_of_a_field_from_the_history(stores: Stores, clock: FakeClock) -> None:
    _fill(stores, clock)
    [issue] = stores.reports.entries(EntryScope(kinds=(Kind.ISSUE,)))
    at = START + timedelta(days=2)
    for reason, hours in (("Projektet kommer inte vidare", 0), ("Kräver styrgruppens beslut", 1)):
        stores.entries.update(
            issue,
            [Change("webchat:bertil", "Bertil", "escalation_reason", "", reason, at + timedelta(hours=hours))],
        )  # fmt: skip
    reasons = stores.reports.latest_values(EntryScope(), "escalation_reason")
    assert reasons == {(Kind.ISSUE, 1): "Kräver styrgruppens beslut"}  # the last one written
    assert stores.reports.latest_values(EntryScope(kinds=(Kind.NEED,)), "escalation_reason") == {}
    assert (
        stores.reports.latest_values(EntryScope(reporter="webchat:bertil"), "escalation_reason")
        == {}
    )
    assert stores.reports.latest_values(EntryScope(), "no_such_field") == {}
