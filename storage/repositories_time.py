"""SQLite implementations of the time side's stores: milestones, decisions, reminders, the
communication plan and the delivery log (one row per post, unique per job and target)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from bot.comms import CommsItem
from bot.delivery import DeliveryRecord, target_key
from bot.messages import Target
from bot.milestones import Decision, MilestoneRecord
from bot.reminders import PersonalReminder
from storage.times import iso_or_none as _iso
from storage.times import parse_or_none as _dt


def _req(value: str | None) -> datetime:
    parsed = _dt(value)
    assert parsed is not None, "a required time column is empty"
    return parsed


class SqliteMilestoneStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def atomic(self) -> AbstractContextManager[object]:
        return self._db.atomic()

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
            },
            pk="id",
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

    def atomic(self) -> AbstractContextManager[object]:
        return self._db.atomic()

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


class SqliteDeliveryLog:
    """The delivery log; each call commits on its own (autocommit), so a claim is on disk
    before the post is attempted."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _insert(self, row: dict[str, Any]) -> bool:
        try:
            self._db.execute(
                f"INSERT INTO deliveries ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                list(row.values()),
            )
        except sqlite3.IntegrityError:
            return False  # (job, target) exists: someone got there first
        return True

    @staticmethod
    def _base(job: str, item: str, target: Target, status: str, due_at: datetime) -> dict[str, Any]:
        return {
            "job": job,
            "target": target_key(target),
            "item": item,
            "platform": target.platform,
            "channel": target.channel,
            "user_id": target.user_id,
            "status": status,
            "due_at": _iso(due_at),
        }

    def claim(
        self, *, job: str, item: str, target: Target, due_at: datetime, run_id: str, now: datetime
    ) -> bool:
        row = self._base(job, item, target, "claimed", due_at)
        return self._insert({**row, "run_id": run_id, "claimed_at": _iso(now)})

    def record(
        self,
        *,
        job: str,
        item: str,
        target: Target,
        status: str,
        due_at: datetime,
        now: datetime,
        error: str = "",
    ) -> bool:
        row = self._base(job, item, target, status, due_at)
        return self._insert({**row, "error": error, "claimed_at": _iso(now)})

    def reclaim(
        self, job: str, key: str, *, from_status: Sequence[str], run_id: str, now: datetime
    ) -> bool:
        marks = ", ".join("?" for _ in from_status)
        cursor = self._db.execute(
            "UPDATE deliveries SET status = 'claimed', run_id = ?, claimed_at = ?, error = '' "
            f"WHERE job = ? AND target = ? AND status IN ({marks})",
            [run_id, _iso(now), job, key, *from_status],
        )
        return cursor.rowcount == 1

    def finish(
        self,
        job: str,
        key: str,
        *,
        status: str,
        now: datetime,
        message_id: str = "",
        error: str = "",
    ) -> None:
        sets = {"status": status, "error": error}
        if status == "sent":
            sets.update(message_id=message_id, sent_at=_iso(now) or "")
        if status == "withdrawn":
            sets["withdrawn_at"] = _iso(now) or ""
        self._db.execute(
            f"UPDATE deliveries SET {', '.join(f'{k} = ?' for k in sets)} WHERE job = ? AND target = ?",
            [*sets.values(), job, key],
        )

    def get(self, job: str, key: str) -> DeliveryRecord | None:
        rows = self._rows("job = ? AND target = ?", [job, key])
        return rows[0] if rows else None

    def for_job(self, job: str) -> list[DeliveryRecord]:
        return self._rows("job = ?", [job])

    def for_item(self, item: str) -> list[DeliveryRecord]:
        return self._rows("item = ?", [item])

    def for_items(self, items: Sequence[str]) -> dict[str, list[DeliveryRecord]]:
        found: dict[str, list[DeliveryRecord]] = {item: [] for item in items}
        for start in range(0, len(items), 500):  # SQLite's limit on bound parameters
            chunk = list(items[start : start + 500])
            marks = ", ".join("?" for _ in chunk)
            for row in self._rows(f"item IN ({marks})", chunk):
                found[row.item].append(row)
        return found

    def handled_jobs(self, prefix: str) -> set[str]:
        # A range instead of LIKE: LIKE would treat "_" in an id as a wildcard.
        rows = self._db.execute(
            "SELECT DISTINCT job FROM deliveries WHERE job >= ? AND job < ?",
            [prefix, prefix + "\U0010ffff"],
        ).fetchall()
        return {row[0] for row in rows}

    def stale_claims(self, run_id: str) -> list[DeliveryRecord]:
        return self._rows("status = 'claimed' AND run_id != ?", [run_id])

    def waiting(self) -> list[DeliveryRecord]:
        return self._rows("status = 'waiting'", [])

    def _rows(self, clause: str, params: list[Any]) -> list[DeliveryRecord]:
        rows = self._db.query(f"SELECT * FROM deliveries WHERE {clause} ORDER BY id", params)
        return [
            DeliveryRecord(
                job=row["job"],
                item=row["item"],
                target=Target(
                    row["platform"], channel=row["channel"] or "", user_id=row["user_id"] or ""
                ),
                status=row["status"],
                message_id=row["message_id"] or "",
                error=row["error"] or "",
                due_at=_dt(row["due_at"]),
                claimed_at=_dt(row["claimed_at"]),
                sent_at=_dt(row["sent_at"]),
                withdrawn_at=_dt(row["withdrawn_at"]),
                run_id=row["run_id"] or "",
            )
            for row in rows
        ]
