"""The reports' own stores on every backend: the programme manager's assessments and budget
figures (the latest before a moment), report editions, and posts of the delivery log by time."""

from __future__ import annotations

from datetime import timedelta

from bot.app.stores import Stores
from bot.domain.messages import Target
from bot.ports.reports import BudgetLine
from tests.conftest import FakeClock


def test_the_latest_assessment_and_budget_before_a_moment(stores: Stores, clock: FakeClock) -> None:
    inputs = stores.status_inputs
    first_at = clock.now()
    assert inputs.assessment_at(first_at) is None and inputs.budget_at(first_at) is None
    inputs.add_assessment(
        colour="green", text="Enligt plan", by="webchat:david", by_name="David Berg"
    )
    inputs.add_budget(
        line=BudgetLine("", 250_000_000, 180_000_000, 262_500_000),
        note="Licenser",
        by="webchat:david",
        by_name="David Berg",
    )
    clock.advance(days=7)
    inputs.add_assessment(
        colour="yellow", text="Labbet sent", by="webchat:david", by_name="David Berg"
    )
    latest = inputs.assessment_at(clock.now())
    assert latest is not None and latest.colour == "yellow" and latest.text == "Labbet sent"
    earlier = inputs.assessment_at(first_at + timedelta(days=1))
    assert earlier is not None and earlier.colour == "green" and earlier.by_name == "David Berg"
    figures = inputs.budget_at(clock.now())
    assert figures is not None and figures.lines[0].forecast == 262_500_000
    assert figures.note == "Licenser" and figures.source == "chat"
    assert figures.at == first_at


def test_editions_count_per_key_and_keep_the_registration_number(stores: Stores) -> None:
    editions = stores.report_editions
    made = {"made_by": "webchat:david", "made_by_name": "David Berg"}
    assert editions.record(key="status:a", registration_number="RV 1", **made) == (1, "RV 1")
    assert editions.record(key="status:a", registration_number="", **made) == (2, "RV 1")
    assert editions.record(key="status:b", registration_number="", **made) == (1, "")
    assert editions.record(key="status:a", registration_number="RV 2", **made) == (3, "RV 2")


def test_posts_sent_or_due_in_a_period(stores: Stores, clock: FakeClock) -> None:
    log = stores.deliveries
    now = clock.now()
    slack, teams = Target("slack", channel="C1"), Target("teams", channel="T1")
    assert log.claim(job="comms:1:a", item="comms:1", target=slack, due_at=now, run_id="r", now=now)
    log.finish("comms:1:a", "slack:#C1", status="sent", now=now + timedelta(minutes=1))
    log.record(job="comms:1:a", item="comms:1", target=teams, status="waiting", due_at=now, now=now)
    log.record(
        job="comms:2:b", item="comms:2", target=slack, status="missed",
        due_at=now - timedelta(days=10), now=now,
    )  # fmt: skip
    log.record(
        job="report:weekly:x",
        item="report:weekly",
        target=slack,
        status="sent",
        due_at=now,
        now=now,
    )
    rows = log.between("comms:", now - timedelta(days=1), now + timedelta(days=1))
    assert sorted((r.target.platform, r.status) for r in rows) == [
        ("slack", "sent"),
        ("teams", "waiting"),
    ]
