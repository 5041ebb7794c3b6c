"""The loops around an entry in SQLite: other reporters and followers, similar open entries
(FTS5 ranking), people's notice settings and the daily digest's queue."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from bot.domain.model import Entry, Kind, Reporter, Status
from bot.ports.clock import Clock
from bot.ports.notices import DigestItem
from bot.text.similar import alike, significant_words
from storage.sqlite.entries import SqliteEntryRepository
from storage.sqlite.times import iso as _iso
from storage.sqlite.times import parse as _dt

OPEN = (Status.NEW.value, Status.IN_PROGRESS.value, Status.ESCALATED.value)


class SqliteEntryPeople:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def add_reporter(self, entry_id: int, reporter: Reporter) -> bool:
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO entry_people "
            "(entry_id, role, person_key, platform, user_id, name, channel, thread, at) "
            "VALUES (?, 'reporter', '', ?, ?, ?, ?, ?, ?)",
            [
                entry_id,
                reporter.platform,
                reporter.user_id,
                reporter.name,
                reporter.channel,
                reporter.thread,
                _iso(self._clock.now()),
            ],
        )
        return cursor.rowcount == 1

    def reporters(self, entry_id: int) -> list[Reporter]:
        rows = self._db.query(
            "SELECT * FROM entry_people WHERE entry_id = ? AND role = 'reporter' ORDER BY id",
            [entry_id],
        )
        return [
            Reporter(
                r["platform"], r["user_id"], r["name"] or "", r["channel"] or "", r["thread"] or ""
            )
            for r in rows
        ]

    def add_followers(self, entry_id: int, keys: Sequence[str]) -> None:
        at = _iso(self._clock.now())
        for key in keys:
            self._db.execute(
                "INSERT OR IGNORE INTO entry_people "
                "(entry_id, role, person_key, platform, user_id, name, channel, thread, at) "
                "VALUES (?, 'follower', ?, '', '', '', '', '', ?)",
                [entry_id, key, at],
            )

    def followers(self, entry_id: int) -> list[str]:
        rows = self._db.query(
            "SELECT person_key FROM entry_people WHERE entry_id = ? AND role = 'follower' "
            "ORDER BY id",
            [entry_id],
        )
        return [r["person_key"] for r in rows]

    def reporter_counts(self, entry_ids: Sequence[int]) -> dict[int, int]:
        counts = dict.fromkeys(entry_ids, 1)
        if not entry_ids:
            return counts
        marks = ", ".join("?" for _ in entry_ids)
        for row in self._db.query(
            f"SELECT entry_id, COUNT(*) AS n FROM entry_people WHERE role = 'reporter' "
            f"AND entry_id IN ({marks}) GROUP BY entry_id",
            list(entry_ids),
        ):
            counts[row["entry_id"]] = 1 + int(row["n"])
        return counts


class SqliteSimilarEntries:
    def __init__(self, db: Database) -> None:
        self._db = db

    def similar(self, kind: Kind, text: str, *, limit: int) -> list[Entry]:
        words = significant_words(text)[:12]
        if not words:
            return []
        match = " OR ".join(f'"{word}"*' for word in words)
        rows = self._db.query(
            "SELECT e.* FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid "
            f"WHERE entries_fts MATCH ? AND e.kind = ? AND e.status IN ({', '.join('?' * len(OPEN))}) "
            "ORDER BY bm25(entries_fts) LIMIT ?",
            [match, kind.value, *OPEN, limit * 4],
        )
        # Ranking finds candidates; alike keeps those that share enough words.
        found = [
            SqliteEntryRepository._from_row(row)
            for row in rows
            if alike(words, f"{row['title']} {row['search_text'] or ''}")
        ]
        return found[:limit]


class SqliteNoticeSettings:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def daily_digest(self, person_key: str) -> bool | None:
        rows = list(
            self._db.query(
                "SELECT daily_digest FROM notice_settings WHERE person_key = ?", [person_key]
            )
        )
        return bool(rows[0]["daily_digest"]) if rows else None

    def set_daily_digest(self, person_key: str, daily: bool) -> None:
        self._db.table("notice_settings").upsert(
            {
                "person_key": person_key,
                "daily_digest": int(daily),
                "updated_at": _iso(self._clock.now()),
            },
            pk="person_key",
        )

    def queue(self, *, person_key: str, platform: str, user_id: str, locale: str, ref: str) -> None:
        self._db.table("digest_queue").insert(
            {
                "person_key": person_key,
                "platform": platform,
                "user_id": user_id,
                "locale": locale,
                "ref": ref,
                "at": _iso(self._clock.now()),
                "sent_at": None,
            }
        )

    def queued(self) -> list[DigestItem]:
        rows = self._db.query("SELECT * FROM digest_queue WHERE sent_at IS NULL ORDER BY id")
        return [self._item(row) for row in rows]

    def mark_sent(self, ids: Sequence[int]) -> None:
        if ids:
            marks = ", ".join("?" for _ in ids)
            self._db.execute(
                f"UPDATE digest_queue SET sent_at = ? WHERE id IN ({marks})",
                [_iso(self._clock.now()), *ids],
            )

    @staticmethod
    def _item(row: dict[str, Any]) -> DigestItem:
        return DigestItem(
            id=row["id"],
            person_key=row["person_key"],
            platform=row["platform"],
            user_id=row["user_id"],
            locale=row["locale"] or "sv",
            ref=row["ref"],
            at=_dt(row["at"]),
        )
