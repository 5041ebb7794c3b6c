"""The loops around an entry in PostgreSQL: other reporters and followers, similar open entries
(tsvector ranking), people's notice settings and the daily digest's queue."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.domain.model import Entry, Kind, Reporter, Status
from bot.ports.clock import Clock
from bot.ports.notices import DigestItem
from bot.text.similar import alike, significant_words
from storage.postgres.database import PostgresDatabase
from storage.postgres.entries import COLUMNS, from_row

OPEN = [Status.NEW.value, Status.IN_PROGRESS.value, Status.ESCALATED.value]


class PostgresEntryPeople:
    def __init__(self, db: PostgresDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def add_reporter(self, entry_id: int, reporter: Reporter) -> bool:
        with self._db.connection() as conn:
            cursor = conn.execute(
                "INSERT INTO entry_people "
                "(entry_id, role, person_key, platform, user_id, name, channel, thread, at) "
                "VALUES (%s, 'reporter', '', %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                [
                    entry_id,
                    reporter.platform,
                    reporter.user_id,
                    reporter.name,
                    reporter.channel,
                    reporter.thread,
                    self._clock.now(),
                ],
            )
            return cursor.rowcount == 1

    def reporters(self, entry_id: int) -> list[Reporter]:
        with self._db.connection() as conn:
            rows = conn.execute(
                "SELECT * FROM entry_people WHERE entry_id = %s AND role = 'reporter' ORDER BY id",
                [entry_id],
            ).fetchall()
        return [
            Reporter(r["platform"], r["user_id"], r["name"], r["channel"], r["thread"])
            for r in rows
        ]

    def add_followers(self, entry_id: int, keys: Sequence[str]) -> None:
        now = self._clock.now()
        with self._db.transaction() as conn:
            for key in keys:
                conn.execute(
                    "INSERT INTO entry_people (entry_id, role, person_key, at) "
                    "VALUES (%s, 'follower', %s, %s) ON CONFLICT DO NOTHING",
                    [entry_id, key, now],
                )

    def followers(self, entry_id: int) -> list[str]:
        with self._db.connection() as conn:
            rows = conn.execute(
                "SELECT person_key FROM entry_people WHERE entry_id = %s AND role = 'follower' "
                "ORDER BY id",
                [entry_id],
            ).fetchall()
        return [r["person_key"] for r in rows]

    def reporter_counts(self, entry_ids: Sequence[int]) -> dict[int, int]:
        counts = dict.fromkeys(entry_ids, 1)
        if not entry_ids:
            return counts
        with self._db.connection() as conn:
            rows = conn.execute(
                "SELECT entry_id, COUNT(*) AS n FROM entry_people WHERE role = 'reporter' "
                "AND entry_id = ANY(%s) GROUP BY entry_id",
                [list(entry_ids)],
            ).fetchall()
        for row in rows:
            counts[int(row["entry_id"])] = 1 + int(row["n"])
        return counts


class PostgresSimilarEntries:
    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    def similar(self, kind: Kind, text: str, *, limit: int) -> list[Entry]:
        words = significant_words(text)[:12]
        if not words:
            return []
        # Any of the words, as a prefix of a stemmed word; only word characters reach to_tsquery.
        query = " | ".join(f"'{word}':*" for word in words)
        with self._db.connection() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS}, search_text FROM entries "
                "WHERE search @@ to_tsquery('fvis_swedish'::regconfig, %s) "
                "AND kind = %s AND status = ANY(%s) "
                "ORDER BY ts_rank(search, to_tsquery('fvis_swedish'::regconfig, %s)) DESC, id "
                "LIMIT %s",
                [query, kind.value, OPEN, query, limit * 4],
            ).fetchall()
        found = [
            from_row(row) for row in rows if alike(words, f"{row['title']} {row['search_text']}")
        ]
        return found[:limit]


class PostgresNoticeSettings:
    def __init__(self, db: PostgresDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def daily_digest(self, person_key: str) -> bool | None:
        with self._db.connection() as conn:
            row = conn.execute(
                "SELECT daily_digest FROM notice_settings WHERE person_key = %s", [person_key]
            ).fetchone()
        return bool(row["daily_digest"]) if row else None

    def set_daily_digest(self, person_key: str, daily: bool) -> None:
        with self._db.connection() as conn:
            conn.execute(
                "INSERT INTO notice_settings (person_key, daily_digest, updated_at) "
                "VALUES (%s, %s, %s) ON CONFLICT (person_key) DO UPDATE SET "
                "daily_digest = EXCLUDED.daily_digest, updated_at = EXCLUDED.updated_at",
                [person_key, daily, self._clock.now()],
            )

    def queue(self, *, person_key: str, platform: str, user_id: str, locale: str, ref: str) -> None:
        with self._db.connection() as conn:
            conn.execute(
                "INSERT INTO digest_queue (person_key, platform, user_id, locale, ref, at) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                [person_key, platform, user_id, locale, ref, self._clock.now()],
            )

    def queued(self) -> list[DigestItem]:
        with self._db.connection() as conn:
            rows = conn.execute(
                "SELECT * FROM digest_queue WHERE sent_at IS NULL ORDER BY id"
            ).fetchall()
        return [self._item(row) for row in rows]

    def mark_sent(self, ids: Sequence[int]) -> None:
        if ids:
            with self._db.connection() as conn:
                conn.execute(
                    "UPDATE digest_queue SET sent_at = %s WHERE id = ANY(%s)",
                    [self._clock.now(), list(ids)],
                )

    @staticmethod
    def _item(row: dict[str, Any]) -> DigestItem:
        return DigestItem(
            id=int(row["id"]),
            person_key=row["person_key"],
            platform=row["platform"],
            user_id=row["user_id"],
            locale=row["locale"] or "sv",
            ref=row["ref"],
            at=row["at"],
        )
