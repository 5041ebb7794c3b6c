"""MilestoneStore, CommsStore (with its optimistic version check) and ReminderStore."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from bot.app.stores import Stores
from bot.ports.plan import CommsItem, Decision, MilestoneRecord, PersonalReminder
from tests.conftest import START


def milestone(
    ident: str = "B5", due: date = date(2027, 3, 31), **changes: object
) -> MilestoneRecord:
    record = MilestoneRecord(
        ident,
        "Beslut om införande",
        "decision",
        due,
        "2027-Q1",
        "david",
        "programme",
        START,
        START,
        START,
    )
    return dataclasses.replace(record, **changes)  # type: ignore[arg-type]


def test_milestones_are_saved_read_and_replaced(stores: Stores) -> None:
    assert stores.milestones.all() == [] and stores.milestones.get("B5") is None
    stores.milestones.save(milestone())
    stores.milestones.save(
        milestone("M1", date(2026, 12, 1), kind="milestone", title="Utbildning klar")
    )
    assert stores.milestones.get("B5") == milestone()
    moved = milestone(
        due=date(2027, 6, 30),
        due_text="2027-Q2",
        source="chat",
        updated_at=START + timedelta(days=1),
    )
    stores.milestones.save(moved)
    assert stores.milestones.get("B5") == moved
    assert sorted(m.id for m in stores.milestones.all()) == ["B5", "M1"]


def test_decisions_by_period_and_the_latest_per_milestone(stores: Stores) -> None:
    def decision(ident: str, outcome: str, days: int) -> Decision:
        return Decision(
            ident, outcome, "Motivering", "webchat:david", "David", START + timedelta(days=days)
        )

    first, second, other = (
        decision("B5", "change", 0),
        decision("B5", "continue", 3),
        decision("B6", "stop", 1),
    )
    for item in (first, second, other):
        stores.milestones.add_decision(item)
    assert stores.milestones.decisions(None, None) == [first, other, second]
    assert stores.milestones.decisions(START + timedelta(days=1), None) == [other, second]
    assert stores.milestones.decisions(None, START + timedelta(days=1)) == [first]
    assert stores.milestones.latest_decisions() == {"B5": second, "B6": other}


def test_outcomes_bodies_and_reached_milestones_round_trip(stores: Stores) -> None:
    """Programplan 5.4: a point's outcomes in the plan's words and its deciding body; a
    milestone reached; a decision's body and day apart from who recorded it."""
    point = milestone(
        "B5-L2",
        outcomes=(("godkänna",), ("godkänna",), ("fortsätta", "ändra", "avbryta")),
        decided_by="Programstyrgruppen",
    )
    stores.milestones.save(point)
    assert stores.milestones.get("B5-L2") == point
    stores.milestones.save(milestone("M1", kind="milestone"))
    stores.milestones.mark_reached("M1", "webchat:bertil", "Bertil Nordin", START)
    reached = stores.milestones.get("M1")
    assert reached is not None
    assert (reached.reached_at, reached.reached_by, reached.reached_by_name) == (
        START,
        "webchat:bertil",
        "Bertil Nordin",
    )
    decision = Decision(
        "B5-L2", "godkänna, godkänna, fortsätta", "Leverans 2 godkänd", "webchat:david",
        "David Berg", START, decided_by="Programstyrgruppen", decided_on=date(2022, 9, 27),
    )  # fmt: skip
    stores.milestones.add_decision(decision)
    assert stores.milestones.decisions(None, None) == [decision]


def comms(send_at_days: float = 1, **changes: object) -> CommsItem:
    item = CommsItem(
        "Nyhetsbrev", "Vi byter journalsystem i maj.", ("all-staff",), ("webchat", "slack"),
        START + timedelta(days=send_at_days), "webchat:cecilia", "Cecilia",
        created_at=START, updated_at=START,
    )  # fmt: skip
    return dataclasses.replace(item, **changes)  # type: ignore[arg-type]


def test_comms_items_round_trip_and_update_only_from_the_version_read(stores: Stores) -> None:
    item = stores.comms.add(comms())
    assert item.id is not None and item.version == 1
    assert stores.comms.get(item.id) == item
    mine, theirs = stores.comms.get(item.id), stores.comms.get(item.id)
    assert mine is not None and theirs is not None
    mine.title = "Nyhetsbrev nr 3"
    assert stores.comms.update(mine) and mine.version == 2
    theirs.status = "cancelled"
    assert not stores.comms.update(theirs)  # read before my change: refused, not overwritten
    assert theirs.version == 1
    stored = stores.comms.get(item.id)
    assert stored is not None and (stored.title, stored.status, stored.version) == (
        "Nyhetsbrev nr 3",
        "draft",
        2,
    )
    assert stores.comms.get(item.id + 100) is None


def test_comms_due_by_status_and_between(stores: Stores) -> None:
    draft = stores.comms.add(comms(1))
    soon = stores.comms.add(comms(0.5, status="approved"))
    later = stores.comms.add(comms(3, status="approved"))
    done = stores.comms.add(
        comms(
            -2,
            status="published",
            published_at=START - timedelta(days=2),
            updated_at=START + timedelta(hours=1),
        )
    )
    assert [i.id for i in stores.comms.due(START + timedelta(days=1))] == [soon.id]
    assert [i.id for i in stores.comms.due(START + timedelta(days=5))] == [soon.id, later.id]
    assert [i.id for i in stores.comms.with_status({"approved", "published"})] == [
        done.id, later.id, soon.id,
    ]  # fmt: skip
    assert [i.id for i in stores.comms.with_status({"approved", "published"}, limit=1)] == [done.id]
    assert [i.id for i in stores.comms.with_status({"draft"})] == [draft.id]
    window = stores.comms.between(START - timedelta(days=3), START + timedelta(days=2))
    assert [i.id for i in window] == [done.id, soon.id, draft.id]


def test_reminders_due_scheduled_per_person_and_status(stores: Stores) -> None:
    def reminder(user: str, hours: float) -> PersonalReminder:
        return PersonalReminder(
            "webchat",
            user,
            "sv",
            f"kaffe {hours}",
            START + timedelta(hours=hours),
            created_at=START,
        )

    late = stores.reminders.add(reminder("anna", 5))
    early = stores.reminders.add(reminder("anna", 1))
    other = stores.reminders.add(reminder("bertil", 2))
    assert late.id is not None and early.id is not None and other.id is not None
    assert stores.reminders.get(early.id) == early
    assert [r.id for r in stores.reminders.due(START + timedelta(hours=2))] == [early.id, other.id]
    assert [r.id for r in stores.reminders.of_person("webchat", "anna")] == [early.id, late.id]
    stores.reminders.set_status(early.id, "done")
    stores.reminders.set_status(other.id, "cancelled")
    assert [r.id for r in stores.reminders.scheduled()] == [late.id]
    assert [r.id for r in stores.reminders.due(START + timedelta(days=1))] == [late.id]
    got = stores.reminders.get(early.id)
    assert got is not None and got.status == "done"
    assert stores.reminders.get(999) is None


def test_change_request_decisions_round_trip_by_period(stores: Stores) -> None:
    """Programplan 7.5: a change request's decision with level, body, decision-maker, day."""
    from bot.domain.model import Entry, Kind
    from bot.ports.governance import ChangeDecision

    entry, _ = stores.entries.create(
        Entry(Kind.CHANGE, "Flytta Akutens start", {"what": "Flytta"}, "webchat", "anna", "Anna")
    )
    assert entry.id is not None

    def decided(outcome: str, days: int) -> ChangeDecision:
        return ChangeDecision(
            entry.id or 0, entry.ref, entry.title, "program", outcome, "Programstyrgruppen",
            "webchat:greta", "Greta Lundberg", date(2026, 11, 24), "Ryms i reserven",
            START + timedelta(days=days),
        )  # fmt: skip

    first = stores.change_decisions.add(decided("postponed", 0))
    second = stores.change_decisions.add(decided("approved", 2))
    assert first.id is not None and second.id is not None and first.id != second.id
    assert stores.change_decisions.between(None, None) == [first, second]
    assert stores.change_decisions.between(START + timedelta(days=1), None) == [second]
    assert stores.change_decisions.of_entry(entry.id) == [first, second]
