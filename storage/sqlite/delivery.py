"""The delivery log in SQLite: one row per (job, target), unique; claims are inserts."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.domain.messages import Target
from bot.ports.delivery import Claim, DeliveryRecord, Finished, target_key
from storage.sqlite.times import iso_or_none as _iso
from storage.sqlite.times import parse_or_none as _dt


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

    def claim_many(
        self, claims: Sequence[Claim], *, run_id: str, now: datetime
    ) -> set[tuple[str, str]]:
        # One process writes SQLite: a claim is a local statement, no round trip to save.
        return {
            (c.job, target_key(c.target))
            for c in claims
            if self.claim(
                job=c.job, item=c.item, target=c.target, due_at=c.due_at, run_id=run_id, now=now
            )
        }

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

    def finish_many(self, finished: Sequence[Finished], *, now: datetime) -> None:
        for done in finished:
            self.finish(
                done.job,
                done.key,
                status=done.status,
                now=now,
                message_id=done.message_id,
                error=done.error,
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

    def between(self, prefix: str, start: datetime, end: datetime) -> list[DeliveryRecord]:
        return self._rows(
            "job >= ? AND job < ? AND (CASE WHEN sent_at IS NOT NULL AND sent_at != '' "
            "THEN sent_at ELSE due_at END) >= ? AND (CASE WHEN sent_at IS NOT NULL AND "
            "sent_at != '' THEN sent_at ELSE due_at END) < ?",
            [prefix, prefix + "\U0010ffff", _iso(start), _iso(end)],
        )

    def handled_jobs(self, prefix: str) -> set[str]:
        # A range instead of LIKE: LIKE would treat "_" in an id as a wildcard.
        rows = self._db.execute(
            "SELECT DISTINCT job FROM deliveries WHERE job >= ? AND job < ?",
            [prefix, prefix + "\U0010ffff"],
        ).fetchall()
        return {row[0] for row in rows}

    def beat(self, run_id: str, now: datetime) -> None:
        self._db.execute(
            "INSERT INTO runs (run_id, started_at, seen_at) VALUES (?, ?, ?) "
            "ON CONFLICT (run_id) DO UPDATE SET seen_at = excluded.seen_at",
            [run_id, _iso(now), _iso(now)],
        )

    def settle_stale(
        self, run_id: str, *, prefix: str, alive_after: datetime, error: str
    ) -> list[DeliveryRecord]:
        # One statement: whoever runs it first marks a row, nobody marks it twice.
        cursor = self._db.execute(
            "UPDATE deliveries SET status = 'unconfirmed', error = ? "
            "WHERE status = 'claimed' AND run_id != ? AND item >= ? AND item < ? "
            "AND run_id NOT IN (SELECT run_id FROM runs WHERE seen_at > ?) RETURNING *",
            [error, run_id, prefix, prefix + "\U0010ffff", _iso(alive_after)],
        )
        names = [column[0] for column in cursor.description]
        rows = sorted((dict(zip(names, row, strict=True)) for row in cursor), key=lambda r: r["id"])
        return [self._record(row) for row in rows]

    def waiting(self) -> list[DeliveryRecord]:
        return self._rows("status = 'waiting'", [])

    def _rows(self, clause: str, params: list[Any]) -> list[DeliveryRecord]:
        rows = self._db.query(f"SELECT * FROM deliveries WHERE {clause} ORDER BY id", params)
        return [self._record(row) for row in rows]

    @staticmethod
    def _record(row: dict[str, Any]) -> DeliveryRecord:
        return DeliveryRecord(
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
