"""PostgreSQL implementations of the time side's stores: milestones, decisions, reminders and
the communication plan (with its optimistic version check)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from psycopg.types.json import Jsonb

from bot.ports.plan import CommsItem, Decision, MilestoneRecord, PersonalReminder
from storage.postgres.database import PostgresDatabase


class _Store:
    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    def _rows(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        with self._db.connection() as conn:
            return conn.execute(sql, params or []).fetchall()

    def _run(self, sql: str, params: list[Any]) -> int:
        with self._db.connection() as conn:
            return conn.execute(sql, params).rowcount


class PostgresMilestoneStore(_Store):
    def all(self) -> list[MilestoneRecord]:
        return [self._from(row) for row in self._rows("SELECT * FROM milestones")]

    def get(self, milestone_id: str) -> MilestoneRecord | None:
        rows = self._rows("SELECT * FROM milestones WHERE id = %s", [milestone_id])
        return self._from(rows[0]) if rows else None

    def save(self, milestone: MilestoneRecord) -> None:
        row = {
            "id": milestone.id,
            "title": milestone.title,
            "kind": milestone.kind,
            "due": milestone.due,
            "due_text": milestone.due_text,
            "owner": milestone.owner,
            "source": milestone.source,
            "known_since": milestone.known_since,
            "created_at": milestone.created_at,
            "updated_at": milestone.updated_at,
            "outcomes": Jsonb([list(group) for group in milestone.outcomes]),
            "decided_by": milestone.decided_by,
            "reached_at": milestone.reached_at,
            "reached_by": milestone.reached_by,
            "reached_by_name": milestone.reached_by_name,
        }
        updates = ", ".join(f"{name} = EXCLUDED.{name}" for name in row if name != "id")
        self._run(
            f"INSERT INTO milestones ({', '.join(row)}) VALUES ({', '.join('%s' for _ in row)}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            list(row.values()),
        )

    def mark_reached(self, milestone_id: str, by: str, by_name: str, at: datetime) -> None:
        self._run(
            "UPDATE milestones SET reached_at = %s, reached_by = %s, reached_by_name = %s, "
            "updated_at = %s WHERE id = %s",
            [at, by, by_name, at, milestone_id],
        )

    def add_decision(self, decision: Decision) -> None:
        self._run(
            "INSERT INTO decisions (milestone_id, outcome, motivation, recorded_by, "
            "recorded_by_name, recorded_at, decided_by, decided_on) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            [
                decision.milestone_id,
                decision.outcome,
                decision.motivation,
                decision.recorded_by,
                decision.recorded_by_name,
                decision.recorded_at,
                decision.decided_by,
                decision.decided_on,
            ],
        )

    def decisions(self, start: datetime | None, end: datetime | None) -> list[Decision]:
        rows = self._rows(
            "SELECT * FROM decisions WHERE (%(start)s::timestamptz IS NULL OR recorded_at >= "
            "%(start)s) AND (%(end)s::timestamptz IS NULL OR recorded_at < %(end)s) "
            "ORDER BY recorded_at, id",
            {"start": start, "end": end},
        )
        return [self._decision(row) for row in rows]

    def latest_decisions(self) -> dict[str, Decision]:
        rows = self._rows("SELECT * FROM decisions ORDER BY recorded_at, id")
        return {row["milestone_id"]: self._decision(row) for row in rows}

    @staticmethod
    def _decision(row: dict[str, Any]) -> Decision:
        return Decision(
            row["milestone_id"],
            row["outcome"],
            row["motivation"],
            row["recorded_by"],
            row["recorded_by_name"],
            row["recorded_at"],
            decided_by=row["decided_by"],
            decided_on=row["decided_on"],
        )

    @staticmethod
    def _from(row: dict[str, Any]) -> MilestoneRecord:
        return MilestoneRecord(
            id=row["id"],
            title=row["title"],
            kind=row["kind"],
            due=row["due"],
            due_text=row["due_text"] or row["due"].isoformat(),
            owner=row["owner"],
            source=row["source"] or "programme",
            known_since=row["known_since"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            outcomes=tuple(tuple(group) for group in row["outcomes"] or []),
            decided_by=row["decided_by"],
            reached_at=row["reached_at"],
            reached_by=row["reached_by"],
            reached_by_name=row["reached_by_name"],
        )


class PostgresReminderStore(_Store):
    def add(self, reminder: PersonalReminder) -> PersonalReminder:
        [row] = self._rows(
            "INSERT INTO reminders (platform, user_id, locale, text, due_at, status, created_at) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id",
            [
                reminder.platform,
                reminder.user_id,
                reminder.locale,
                reminder.text,
                reminder.due_at,
                reminder.status,
                reminder.created_at,
            ],
        )
        reminder.id = int(row["id"])
        return reminder

    def get(self, reminder_id: int) -> PersonalReminder | None:
        rows = self._rows("SELECT * FROM reminders WHERE id = %s", [reminder_id])
        return self._from(rows[0]) if rows else None

    def due(self, now: datetime) -> list[PersonalReminder]:
        return self._where("status = 'scheduled' AND due_at <= %s", [now])

    def scheduled(self) -> list[PersonalReminder]:
        return self._where("status = 'scheduled'", [])

    def of_person(self, platform: str, user_id: str) -> list[PersonalReminder]:
        return self._where(
            "status = 'scheduled' AND platform = %s AND user_id = %s", [platform, user_id]
        )

    def set_status(self, reminder_id: int, status: str) -> None:
        self._run("UPDATE reminders SET status = %s WHERE id = %s", [status, reminder_id])

    def _where(self, clause: str, params: list[Any]) -> list[PersonalReminder]:
        rows = self._rows(f"SELECT * FROM reminders WHERE {clause} ORDER BY due_at, id", params)
        return [self._from(row) for row in rows]

    @staticmethod
    def _from(row: dict[str, Any]) -> PersonalReminder:
        return PersonalReminder(
            platform=row["platform"],
            user_id=row["user_id"],
            locale=row["locale"] or "sv",
            text=row["text"],
            due_at=row["due_at"],
            status=row["status"],
            created_at=row["created_at"],
            id=row["id"],
        )


_COMMS_COLUMNS = (
    "title", "body", "body_en", "recurrence", "status", "author", "author_name", "last_editor",
    "approved_by", "approved_by_name", "withdrawn_by", "cancelled_by", "version",
    "send_at", "approved_at", "withdrawn_at", "cancelled_at", "published_at", "created_at",
    "updated_at",
)  # fmt: skip


class PostgresCommsStore(_Store):
    def add(self, item: CommsItem) -> CommsItem:
        row = self._row(item)
        [inserted] = self._rows(
            f"INSERT INTO comms ({', '.join(row)}) VALUES ({', '.join('%s' for _ in row)}) "
            "RETURNING id",
            list(row.values()),
        )
        item.id = int(inserted["id"])
        return item

    def get(self, item_id: int) -> CommsItem | None:
        rows = self._rows("SELECT * FROM comms WHERE id = %s", [item_id])
        return self._from(rows[0]) if rows else None

    def update(self, item: CommsItem) -> bool:
        row = self._row(item)
        row["version"] = item.version + 1
        changed = self._run(
            f"UPDATE comms SET {', '.join(f'{n} = %s' for n in row)} WHERE id = %s AND version = %s",
            [*row.values(), item.id, item.version],
        )
        if changed != 1:
            return False
        item.version += 1
        return True

    def due(self, now: datetime) -> list[CommsItem]:
        return self._where("status = 'approved' AND send_at <= %s ORDER BY send_at, id", [now])

    def with_status(self, statuses: Collection[str], limit: int = 1000) -> list[CommsItem]:
        return self._where(
            "status = ANY(%s) ORDER BY updated_at DESC, id DESC LIMIT %s", [list(statuses), limit]
        )

    def between(self, start: datetime, end: datetime) -> list[CommsItem]:
        return self._where(
            "(send_at >= %s AND send_at < %s) OR (published_at >= %s AND published_at < %s) "
            "ORDER BY send_at, id",
            [start, end, start, end],
        )

    def _where(self, clause: str, params: list[Any]) -> list[CommsItem]:
        return [
            self._from(row) for row in self._rows(f"SELECT * FROM comms WHERE {clause}", params)
        ]

    @staticmethod
    def _row(item: CommsItem) -> dict[str, Any]:
        row = {name: getattr(item, name) for name in _COMMS_COLUMNS}
        row["audiences"] = Jsonb(list(item.audiences))
        row["channels"] = Jsonb(list(item.channels))
        return row

    @staticmethod
    def _from(row: dict[str, Any]) -> CommsItem:
        return CommsItem(
            audiences=tuple(row["audiences"] or ()),
            channels=tuple(row["channels"] or ()),
            id=row["id"],
            **{name: row[name] for name in _COMMS_COLUMNS},
        )
