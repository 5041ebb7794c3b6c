"""SQLite implementations of the time side's stores: milestones, decisions, reminders, the
communication plan and the delivery log (one row per post, unique per job and target)."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from bot.ports.plan import CommsItem, Decision, MilestoneRecord, PersonalReminder
from storage.sqlite.times import iso_or_none as _iso
from storage.sqlite.times import parse_or_none as _dt


def _req(value: str | None) -> datetime:
    parsed = _dt(value)
    assert parsed is not None, "a required time column is empty"
    return parsed


class SqliteMilestoneStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[MilestoneRecord]:
        return [self._from(row) for row in self._db.query("SELECT * FROM milestones")]

    def get(self, milestone_id: str) -> MilestoneRecord | None:
        rows = list(self._db.query("SELECT * FROM milestones WHERE id = ?", [milestone_id]))
        return self._from(rows[0]) if rows else None

    def save(self, milestone: MilestoneRecord) -> None:
        self._db.table("milestones").upsert(
            {
                "id": milestone.id,
                "title": milestone.title,
                "kind": milestone.kind,
                "due": milestone.due.isoformat(),
                "due_text": milestone.due_text,
                "owner": milestone.owner,
                "source": milestone.source,
                "known_since": _iso(milestone.known_since),
                "created_at": _iso(milestone.created_at),
                "updated_at": _iso(milestone.updated_at),
                "outcomes": json.dumps([list(group) for group in milestone.outcomes]),
                "decided_by": milestone.decided_by,
                "reached_at": _iso(milestone.reached_at),
                "reached_by": milestone.reached_by,
                "reached_by_name": milestone.reached_by_name,
            },
            pk="id",
        )

    def mark_reached(self, milestone_id: str, by: str, by_name: str, at: datetime) -> None:
        self._db.execute(
            "UPDATE milestones SET reached_at = ?, reached_by = ?, reached_by_name = ?, "
            "updated_at = ? WHERE id = ?",
            [_iso(at), by, by_name, _iso(at), milestone_id],
        )

    def add_decision(self, decision: Decision) -> None:
        self._db.table("decisions").insert(
            {
                "milestone_id": decision.milestone_id,
                "outcome": decision.outcome,
                "motivation": decision.motivation,
                "recorded_by": decision.recorded_by,
                "recorded_by_name": decision.recorded_by_name,
                "recorded_at": _iso(decision.recorded_at),
                "decided_by": decision.decided_by,
                "decided_on": decision.decided_on.isoformat() if decision.decided_on else None,
            }
        )

    def decisions(self, start: datetime | None, end: datetime | None) -> list[Decision]:
        rows = self._db.query(
            "SELECT * FROM decisions WHERE (? IS NULL OR recorded_at >= ?) "
            "AND (? IS NULL OR recorded_at < ?) ORDER BY recorded_at, id",
            [_iso(start), _iso(start), _iso(end), _iso(end)],
        )
        return [self._decision(row) for row in rows]

    def latest_decisions(self) -> dict[str, Decision]:
        rows = self._db.query("SELECT * FROM decisions ORDER BY recorded_at, id")
        return {row["milestone_id"]: self._decision(row) for row in rows}

    @staticmethod
    def _decision(row: dict[str, Any]) -> Decision:
        return Decision(
            row["milestone_id"],
            row["outcome"],
            row["motivation"] or "",
            row["recorded_by"] or "",
            row["recorded_by_name"] or "",
            _req(row["recorded_at"]),
            decided_by=row["decided_by"] or "",
            decided_on=date.fromisoformat(row["decided_on"]) if row["decided_on"] else None,
        )

    @staticmethod
    def _from(row: dict[str, Any]) -> MilestoneRecord:
        return MilestoneRecord(
            id=row["id"],
            title=row["title"],
            kind=row["kind"],
            due=date.fromisoformat(row["due"]),
            due_text=row["due_text"] or row["due"],
            owner=row["owner"] or "",
            source=row["source"] or "programme",
            known_since=_req(row["known_since"]),
            created_at=_dt(row["created_at"]),
            updated_at=_dt(row["updated_at"]),
            outcomes=tuple(tuple(group) for group in json.loads(row["outcomes"] or "[]")),
            decided_by=row["decided_by"] or "",
            reached_at=_dt(row["reached_at"]),
            reached_by=row["reached_by"] or "",
            reached_by_name=row["reached_by_name"] or "",
        )


class SqliteReminderStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, reminder: PersonalReminder) -> PersonalReminder:
        table = self._db.table("reminders")
        table.insert(
            {
                "platform": reminder.platform,
                "user_id": reminder.user_id,
                "locale": reminder.locale,
                "text": reminder.text,
                "due_at": _iso(reminder.due_at),
                "status": reminder.status,
                "created_at": _iso(reminder.created_at),
            }
        )
        reminder.id = int(table.last_pk or 0)
        return reminder

    def get(self, reminder_id: int) -> PersonalReminder | None:
        rows = list(self._db.query("SELECT * FROM reminders WHERE id = ?", [reminder_id]))
        return self._from(rows[0]) if rows else None

    def due(self, now: datetime) -> list[PersonalReminder]:
        return self._where("status = 'scheduled' AND due_at <= ?", [_iso(now)])

    def scheduled(self) -> list[PersonalReminder]:
        return self._where("status = 'scheduled'", [])

    def of_person(self, platform: str, user_id: str) -> list[PersonalReminder]:
        return self._where(
            "status = 'scheduled' AND platform = ? AND user_id = ?", [platform, user_id]
        )

    def set_status(self, reminder_id: int, status: str) -> None:
        self._db.execute("UPDATE reminders SET status = ? WHERE id = ?", [status, reminder_id])

    def _where(self, clause: str, params: list[Any]) -> list[PersonalReminder]:
        rows = self._db.query(f"SELECT * FROM reminders WHERE {clause} ORDER BY due_at, id", params)
        return [self._from(row) for row in rows]

    @staticmethod
    def _from(row: dict[str, Any]) -> PersonalReminder:
        return PersonalReminder(
            platform=row["platform"],
            user_id=row["user_id"],
            locale=row["locale"] or "sv",
            text=row["text"] or "",
            due_at=_req(row["due_at"]),
            status=row["status"],
            created_at=_dt(row["created_at"]),
            id=row["id"],
        )


_COMMS_TIMES = (
    "send_at",
    "approved_at",
    "withdrawn_at",
    "cancelled_at",
    "published_at",
    "created_at",
    "updated_at",
)


class SqliteCommsStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, item: CommsItem) -> CommsItem:
        table = self._db.table("comms")
        table.insert(self._row(item))
        item.id = int(table.last_pk or 0)
        return item

    def get(self, item_id: int) -> CommsItem | None:
        rows = list(self._db.query("SELECT * FROM comms WHERE id = ?", [item_id]))
        return self._from(rows[0]) if rows else None

    def update(self, item: CommsItem) -> bool:
        row = self._row(item)
        row["version"] = item.version + 1
        names = [name for name in row if name != "id"]
        cursor = self._db.execute(
            f"UPDATE comms SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ? AND version = ?",
            [*(row[n] for n in names), item.id, item.version],
        )
        if cursor.rowcount != 1:
            return False
        item.version += 1
        return True

    def due(self, now: datetime) -> list[CommsItem]:
        return self._where("status = 'approved' AND send_at <= ? ORDER BY send_at, id", [_iso(now)])

    def with_status(self, statuses: Collection[str], limit: int = 1000) -> list[CommsItem]:
        marks = ", ".join("?" for _ in statuses)
        return self._where(
            f"status IN ({marks}) ORDER BY updated_at DESC, id DESC LIMIT ?", [*statuses, limit]
        )

    def between(self, start: datetime, end: datetime) -> list[CommsItem]:
        return self._where(
            "(send_at >= ? AND send_at < ?) OR (published_at >= ? AND published_at < ?) "
            "ORDER BY send_at, id",
            [_iso(start), _iso(end), _iso(start), _iso(end)],
        )

    def _where(self, clause: str, params: list[Any]) -> list[CommsItem]:
        return [
            self._from(row) for row in self._db.query(f"SELECT * FROM comms WHERE {clause}", params)
        ]

    @staticmethod
    def _row(item: CommsItem) -> dict[str, Any]:
        row: dict[str, Any] = {
            "title": item.title,
            "body": item.body,
            "body_en": item.body_en,
            "audiences": json.dumps(list(item.audiences)),
            "channels": json.dumps(list(item.channels)),
            "recurrence": item.recurrence,
            "status": item.status,
            "author": item.author,
            "author_name": item.author_name,
            "last_editor": item.last_editor,
            "approved_by": item.approved_by,
            "approved_by_name": item.approved_by_name,
            "withdrawn_by": item.withdrawn_by,
            "cancelled_by": item.cancelled_by,
            "version": item.version,
        }
        for name in _COMMS_TIMES:
            row[name] = _iso(getattr(item, name))
        return row

    @staticmethod
    def _from(row: dict[str, Any]) -> CommsItem:
        return CommsItem(
            title=row["title"],
            body=row["body"],
            audiences=tuple(json.loads(row["audiences"] or "[]")),
            channels=tuple(json.loads(row["channels"] or "[]")),
            send_at=_req(row["send_at"]),
            author=row["author"],
            author_name=row["author_name"] or "",
            body_en=row["body_en"] or "",
            recurrence=row["recurrence"] or "",
            status=row["status"],
            last_editor=row["last_editor"] or "",
            approved_by=row["approved_by"] or "",
            approved_by_name=row["approved_by_name"] or "",
            approved_at=_dt(row["approved_at"]),
            withdrawn_by=row["withdrawn_by"] or "",
            withdrawn_at=_dt(row["withdrawn_at"]),
            cancelled_by=row["cancelled_by"] or "",
            cancelled_at=_dt(row["cancelled_at"]),
            published_at=_dt(row["published_at"]),
            version=row["version"],
            created_at=_dt(row["created_at"]),
            updated_at=_dt(row["updated_at"]),
            id=row["id"],
        )
