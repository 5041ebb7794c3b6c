"""The delivery log in PostgreSQL: one row per (job, target), unique whichever replica claims;
each call commits on its own, so a claim is in the database before the post is attempted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.domain.messages import Target
from bot.ports.delivery import Claim, DeliveryRecord, Finished, target_key
from storage.postgres.database import LOCK_SPACE, PostgresDatabase


class PostgresDeliveryLog:
    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    def _insert(self, row: dict[str, Any]) -> bool:
        # A row another replica is inserting in a transaction still open is skipped, not waited
        # for (as FOR UPDATE SKIP LOCKED skips a locked row): every insert first takes a
        # transaction lock on its (job, target), and whoever holds it posts.
        with self._db.connection() as conn:
            cursor = conn.execute(
                f"INSERT INTO deliveries ({', '.join(row)}) "
                f"SELECT {', '.join('%s' for _ in row)} "
                "WHERE pg_try_advisory_xact_lock(hashtextextended(%s, %s)) "
                "ON CONFLICT (job, target) DO NOTHING",
                [*row.values(), f"{row['job']}\n{row['target']}", LOCK_SPACE],
            )
            return cursor.rowcount == 1  # 0: someone got there first, or is getting there now

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
            "due_at": due_at,
        }

    def claim(
        self, *, job: str, item: str, target: Target, due_at: datetime, run_id: str, now: datetime
    ) -> bool:
        row = self._base(job, item, target, "claimed", due_at)
        return self._insert({**row, "run_id": run_id, "claimed_at": now})

    def claim_many(
        self, claims: Sequence[Claim], *, run_id: str, now: datetime
    ) -> set[tuple[str, str]]:
        """One statement for the lot (one round trip): each row inserted only if its
        transaction lock is free and no row exists, as _insert does one."""
        if not claims:
            return set()
        rows = [(c.job, target_key(c.target), c.item, c.target, c.due_at) for c in claims]
        with self._db.connection() as conn:
            claimed = conn.execute(
                "INSERT INTO deliveries (job, target, item, platform, channel, user_id, status, "
                "due_at, run_id, claimed_at) "
                "SELECT c.job, c.target, c.item, c.platform, c.channel, c.user_id, 'claimed', "
                "c.due_at, %s, %s "
                "FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[], "
                "%s::text[], %s::timestamptz[]) WITH ORDINALITY "
                "AS c(job, target, item, platform, channel, user_id, due_at, n) "
                "WHERE pg_try_advisory_xact_lock(hashtextextended(c.job || E'\\n' || c.target, %s)) "
                "ORDER BY c.n ON CONFLICT (job, target) DO NOTHING RETURNING job, target",
                [
                    run_id,
                    now,
                    [r[0] for r in rows],
                    [r[1] for r in rows],
                    [r[2] for r in rows],
                    [r[3].platform for r in rows],
                    [r[3].channel for r in rows],
                    [r[3].user_id for r in rows],
                    [r[4] for r in rows],
                    LOCK_SPACE,
                ],
            ).fetchall()
        return {(row["job"], row["target"]) for row in claimed}

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
        return self._insert({**row, "error": error, "claimed_at": now})

    def reclaim(
        self, job: str, key: str, *, from_status: Sequence[str], run_id: str, now: datetime
    ) -> bool:
        with self._db.connection() as conn:
            cursor = conn.execute(
                "UPDATE deliveries SET status = 'claimed', run_id = %s, claimed_at = %s, error = '' "
                "WHERE job = %s AND target = %s AND status = ANY(%s)",
                [run_id, now, job, key, list(from_status)],
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
        sets: dict[str, Any] = {"status": status, "error": error}
        if status == "sent":
            sets.update(message_id=message_id, sent_at=now)
        if status == "withdrawn":
            sets["withdrawn_at"] = now
        with self._db.connection() as conn:
            conn.execute(
                f"UPDATE deliveries SET {', '.join(f'{k} = %s' for k in sets)} "
                "WHERE job = %s AND target = %s",
                [*sets.values(), job, key],
            )

    def finish_many(self, finished: Sequence[Finished], *, now: datetime) -> None:
        """One statement for the lot, setting what finish() sets for each status."""
        if not finished:
            return
        with self._db.connection() as conn:
            conn.execute(
                "UPDATE deliveries AS d SET status = f.status, error = f.error, "
                "message_id = CASE WHEN f.status = 'sent' THEN f.message_id ELSE d.message_id END, "
                "sent_at = CASE WHEN f.status = 'sent' THEN %s ELSE d.sent_at END, "
                "withdrawn_at = CASE WHEN f.status = 'withdrawn' THEN %s ELSE d.withdrawn_at END "
                "FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[]) "
                "AS f(job, target, status, message_id, error) "
                "WHERE d.job = f.job AND d.target = f.target",
                [
                    now,
                    now,
                    [f.job for f in finished],
                    [f.key for f in finished],
                    [f.status for f in finished],
                    [f.message_id for f in finished],
                    [f.error for f in finished],
                ],
            )

    def get(self, job: str, key: str) -> DeliveryRecord | None:
        rows = self._rows("job = %s AND target = %s", [job, key])
        return rows[0] if rows else None

    def for_job(self, job: str) -> list[DeliveryRecord]:
        return self._rows("job = %s", [job])

    def for_item(self, item: str) -> list[DeliveryRecord]:
        return self._rows("item = %s", [item])

    def for_items(self, items: Sequence[str]) -> dict[str, list[DeliveryRecord]]:
        found: dict[str, list[DeliveryRecord]] = {item: [] for item in items}
        for row in self._rows("item = ANY(%s)", [list(items)]):
            found[row.item].append(row)
        return found

    def between(self, prefix: str, start: datetime, end: datetime) -> list[DeliveryRecord]:
        return self._rows(
            "starts_with(job, %s) AND COALESCE(sent_at, due_at) >= %s "
            "AND COALESCE(sent_at, due_at) < %s",
            [prefix, start, end],
        )

    def handled_jobs(self, prefix: str) -> set[str]:
        # starts_with, not LIKE: "_" in an id is no wildcard.
        with self._db.connection() as conn:
            rows = conn.execute(
                "SELECT DISTINCT job FROM deliveries WHERE starts_with(job, %s)", [prefix]
            ).fetchall()
        return {row["job"] for row in rows}

    def beat(self, run_id: str, now: datetime) -> None:
        with self._db.connection() as conn:
            conn.execute(
                "INSERT INTO runs (run_id, started_at, seen_at) VALUES (%s, %s, %s) "
                "ON CONFLICT (run_id) DO UPDATE SET seen_at = EXCLUDED.seen_at",
                [run_id, now, now],
            )

    def settle_stale(
        self, run_id: str, *, prefix: str, alive_after: datetime, error: str
    ) -> list[DeliveryRecord]:
        # Replicas settling at once: the row lock makes the second re-check status = 'claimed'
        # after the first committed, and skip the row.
        with self._db.connection() as conn:
            rows = conn.execute(
                "UPDATE deliveries SET status = 'unconfirmed', error = %s "
                "WHERE status = 'claimed' AND run_id <> %s AND starts_with(item, %s) "
                "AND run_id NOT IN (SELECT run_id FROM runs WHERE seen_at > %s) RETURNING *",
                [error, run_id, prefix, alive_after],
            ).fetchall()
        return [record(row) for row in sorted(rows, key=lambda row: row["id"])]

    def waiting(self) -> list[DeliveryRecord]:
        return self._rows("status = 'waiting'", [])

    def _rows(self, clause: str, params: list[Any]) -> list[DeliveryRecord]:
        with self._db.connection() as conn:
            rows = conn.execute(
                f"SELECT * FROM deliveries WHERE {clause} ORDER BY id", params
            ).fetchall()
        return [record(row) for row in rows]


def record(row: dict[str, Any]) -> DeliveryRecord:
    return DeliveryRecord(
        job=row["job"],
        item=row["item"],
        target=Target(row["platform"], channel=row["channel"], user_id=row["user_id"]),
        status=row["status"],
        message_id=row["message_id"],
        error=row["error"],
        due_at=row["due_at"],
        claimed_at=row["claimed_at"],
        sent_at=row["sent_at"],
        withdrawn_at=row["withdrawn_at"],
        run_id=row["run_id"],
    )
