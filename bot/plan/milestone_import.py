"""Milestones and decisions from the programme file: imported the first time they are seen,
followed when the file changes unless the milestone was edited in chat."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.programme import Programme
from bot.plan.decisions import outcome_of_file
from bot.ports.plan import Decision, MilestoneRecord, MilestoneStore
from bot.ports.unit_of_work import UnitOfWork
from bot.text.timeparse import quarter_or_date_due

log = logging.getLogger(__name__)

KINDS = ("decision", "milestone")
FROM_FILE = "programme-file"  # recorded_by of a decision the programme file gives


def kind_of(value: str) -> str:
    return value if value in KINDS else "milestone"


def sync_programme(
    store: MilestoneStore, uow: UnitOfWork, programme: Programme, now: datetime, zone: ZoneInfo
) -> None:
    decided = store.latest_decisions()
    governance = programme.governance
    raw_items = {str(i.get("id")): i for i in programme.raw.get("milestones") or []}
    for item in programme.milestones:
        try:
            due = quarter_or_date_due(item.date)
        except ValueError as error:
            log.warning("milestone %s: %s; not imported", item.id, error)
            continue
        current = store.get(item.id)
        wanted = MilestoneRecord(
            item.id,
            item.title,
            kind_of(item.kind),
            due,
            item.date,
            item.owner,
            "programme",
            now,
            now,
            now,
            outcomes=governance.outcomes.get(item.id, ()),
            decided_by=governance.bodies.get(item.id, ""),
        )
        with uow.atomic():
            if current is None:
                store.save(wanted)
            elif current.source == "programme" and _plan_fields(current) != _plan_fields(wanted):
                moved = current.due != due
                store.save(
                    replace(
                        wanted,
                        known_since=now if moved else current.known_since,
                        created_at=current.created_at,
                        reached_at=current.reached_at,
                        reached_by=current.reached_by,
                        reached_by_name=current.reached_by_name,
                    )
                )
            if item.id not in decided:
                body = wanted.decided_by or governance.decision_body
                _import_decision(store, wanted, raw_items.get(item.id, {}), body, zone)


def _import_decision(
    store: MilestoneStore,
    m: MilestoneRecord,
    raw: dict[str, Any],
    body: str,
    zone: ZoneInfo,
) -> None:
    """A decision the programme file records as taken (a region importing its history):
    its words must be the point's own, and it is shown as taken from the file."""
    given = raw.get("decision")
    if not isinstance(given, dict):
        return
    outcome = outcome_of_file(m.outcomes, str(given.get("outcome", "")))
    if outcome is None:
        log.warning("milestone %s: decision outcome not among its outcomes; not imported", m.id)
        return
    try:
        day = date.fromisoformat(str(given.get("date")))
    except ValueError:
        log.warning("milestone %s: decision without a valid date; not imported", m.id)
        return
    store.add_decision(
        Decision(
            m.id,
            outcome,
            str(given.get("motivation") or ""),
            FROM_FILE,
            "",
            datetime.combine(day, time(12), zone),
            decided_by=body,
            decided_on=day,
        )
    )


def _plan_fields(m: MilestoneRecord) -> tuple[object, ...]:
    return (m.title, m.kind, m.due, m.due_text, m.owner, m.outcomes, m.decided_by)
