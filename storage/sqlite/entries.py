"""Entries in SQLite: numbered per kind, comments, history, full-text search (FTS5)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.domain.errors import QueryTooLarge
from bot.domain.kinds import FIELDS
from bot.domain.model import Change, Comment, Entry, EscalationLevel, Kind, Status
from bot.ports.clock import Clock
from bot.ports.entries import EntryQuery
from storage.sqlite.times import iso as _iso
from storage.sqlite.times import parse as _dt

# At most this many words in one search; a one-letter word matches only itself, not every word
# it begins (its prefix expansion is most of the index).
MAX_SEARCH_TERMS = 12


def fts_query(words: str) -> str:
    """Every word must match, as a prefix; quoting keeps FTS5 syntax out of users' hands."""
    tokens = [token for token in words.replace('"', " ").split() if token]
    if len(tokens) > MAX_SEARCH_TERMS:
        raise QueryTooLarge(f"{len(tokens)} words")
    return " ".join(f'"{token}"*' if len(token) > 1 else f'"{token}"' for token in tokens)


def entry_conditions(
    kinds: Sequence[Kind], statuses: Sequence[Status], reporter: str | None, prefix: str = ""
) -> tuple[list[str], list[Any]]:
    """SQL conditions on entries by kind, status and reporter ("platform:user_id")."""
    where: list[str] = []
    params: list[Any] = []
    if kinds:
        where.append(f"{prefix}kind IN ({', '.join('?' for _ in kinds)})")
        params.extend(kind.value for kind in kinds)
    if statuses:
        where.append(f"{prefix}status IN ({', '.join('?' for _ in statuses)})")
        params.extend(status.value for status in statuses)
    if reporter is not None:
        # Theirs: logged by them, or joined as the same thing ("Samma sak – lägg till mig").
        platform, _, user_id = reporter.partition(":")
        where.append(
            f"(({prefix}reporter_platform = ? AND {prefix}reporter_id = ?) OR {prefix}id IN "
            "(SELECT entry_id FROM entry_people WHERE role = 'reporter' "
            "AND platform = ? AND user_id = ?))"
        )
        params.extend([platform, user_id, platform, user_id])
    return where, params


def _stored(value: datetime | None) -> datetime:
    # The repository sets both times before writing (from its clock when the caller gave none).
    assert value is not None, "an entry's time is set before it is written"
    return value


# How many reported it: the first reporter and those who joined.
REPORTER_COUNT = (
    "(SELECT 1 + COUNT(*) FROM entry_people p WHERE p.entry_id = entries.id "
    "AND p.role = 'reporter') AS reporter_count"
)

# Most urgent first: an issue's urgency, a need's priority, a deviation's or risk's risk value.
URGENCY_ORDER = """(CASE
    WHEN json_extract(fields, '$.urgency') = 'critical' THEN 4
    WHEN json_extract(fields, '$.urgency') = 'high' OR json_extract(fields, '$.priority') = 'high'
        THEN 3
    WHEN json_extract(fields, '$.urgency') = 'normal' OR json_extract(fields, '$.priority') = 'medium'
        THEN 2
    WHEN CAST(json_extract(fields, '$.consequence') AS INTEGER)
        * CAST(json_extract(fields, '$.probability') AS INTEGER) >= 12 THEN 4
    WHEN CAST(json_extract(fields, '$.consequence') AS INTEGER)
        * CAST(json_extract(fields, '$.probability') AS INTEGER) >= 8 THEN 3
    WHEN CAST(json_extract(fields, '$.consequence') AS INTEGER)
        * CAST(json_extract(fields, '$.probability') AS INTEGER) >= 4 THEN 2
    ELSE 1 END) DESC, created_at ASC, id ASC"""


def _search_text(entry: Entry) -> str:
    parts = [entry.ref, entry.title]
    for spec in FIELDS[entry.kind]:
        value = entry.fields.get(spec.name)
        if spec.free_text and value:
            parts.append(str(value))
    return "\n".join(parts)


class SqliteEntryRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def create(self, entry: Entry, *, dedupe_key: str = "") -> tuple[Entry, bool]:
        with self._db.atomic():
            if dedupe_key:
                row = self._one("SELECT * FROM entries WHERE dedupe_key = ?", [dedupe_key])
                if row is not None:
                    return self._from_row(row), False
            number = self._db.execute(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM entries WHERE kind = ?",
                [entry.kind.value],
            ).fetchone()[0]
            entry.number = int(number)
            entry.created_at = entry.created_at or self._clock.now()
            entry.updated_at = entry.created_at
            row = self._to_row(entry)
            row["dedupe_key"] = dedupe_key or None
            table = self._db.table("entries")
            table.insert(row)
            entry.id = int(table.last_pk or 0)
            self._insert_history(entry.id, entry.history)
        return entry, True

    def by_dedupe_key(self, key: str) -> Entry | None:
        row = self._one("SELECT * FROM entries WHERE dedupe_key = ?", [key])
        return self._from_row(row) if row else None

    def get(self, kind: Kind, number: int) -> Entry | None:
        row = self._one(
            f"SELECT *, {REPORTER_COUNT} FROM entries WHERE kind = ? AND number = ?",
            [kind.value, number],
        )
        if row is None:
            return None
        entry = self._from_row(row)
        entry.comments = [
            Comment(r["author_id"], r["author_name"], r["text"], _dt(r["at"]))
            for r in self._db.query(
                "SELECT * FROM comments WHERE entry_id = ? ORDER BY id", [entry.id]
            )
        ]
        entry.history = [
            Change(r["actor_id"], r["actor_name"], r["field"], r["old"], r["new"], _dt(r["at"]))
            for r in self._db.query(
                "SELECT * FROM history WHERE entry_id = ? ORDER BY id", [entry.id]
            )
        ]
        return entry

    def find(self, query: EntryQuery) -> tuple[list[Entry], int]:
        where, params = entry_conditions(query.kinds, query.statuses, query.reporter)
        if not query.include_deviations:
            where.append("kind != ?")
            params.append(Kind.DEVIATION.value)
        if query.assignee is not None:
            where.append("assignee = ?")
            params.append(query.assignee)
        if query.unassigned:
            where.append("COALESCE(assignee, '') = ''")
        if query.text:
            match = fts_query(query.text)
            if not match:
                return [], 0
            where.append("id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)")
            params.append(match)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        # Counting every match of a common word reads thousands of rows; past the cap, "more than"
        # is all a person needs to know.
        total = self._db.execute(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM entries {clause} LIMIT ?)",
            [*params, query.count_cap + 1],
        ).fetchone()[0]
        order = URGENCY_ORDER if query.order == "urgency" else "id DESC"
        rows = self._db.query(
            f"SELECT *, {REPORTER_COUNT} FROM entries {clause} ORDER BY {order} LIMIT ?",
            [*params, query.limit],
        )
        return [self._from_row(row) for row in rows], int(total)

    def update(self, entry: Entry, changes: Sequence[Change]) -> None:
        if entry.id is None:
            raise ValueError("entry is not stored")
        entry.updated_at = changes[-1].at if changes else self._clock.now()
        row = self._to_row(entry)
        with self._db.atomic():
            self._db.table("entries").update(entry.id, row)
            self._insert_history(entry.id, changes)

    def add_comment(self, entry: Entry, comment: Comment) -> None:
        if entry.id is None:
            raise ValueError("entry is not stored")
        with self._db.atomic():
            self._db.table("comments").insert(
                {
                    "entry_id": entry.id,
                    "author_id": comment.author_id,
                    "author_name": comment.author_name,
                    "text": comment.text,
                    "at": _iso(comment.at),
                }
            )
            self._db.execute(
                "UPDATE entries SET updated_at = ? WHERE id = ?", [_iso(comment.at), entry.id]
            )
        entry.comments.append(comment)

    def _insert_history(self, entry_id: int, changes: Sequence[Change]) -> None:
        if changes:
            self._db.table("history").insert_all(
                {
                    "entry_id": entry_id,
                    "actor_id": change.actor_id,
                    "actor_name": change.actor_name,
                    "field": change.field,
                    "old": change.old,
                    "new": change.new,
                    "at": _iso(change.at),
                }
                for change in changes
            )

    def _one(self, sql: str, params: list[Any]) -> dict[str, Any] | None:
        rows = list(self._db.query(sql, params))
        return rows[0] if rows else None

    @staticmethod
    def _to_row(entry: Entry) -> dict[str, Any]:
        return {
            "kind": entry.kind.value,
            "number": entry.number,
            "status": entry.status.value,
            "title": entry.title,
            "fields": json.dumps(entry.fields, ensure_ascii=False),
            "reporter_platform": entry.reporter_platform,
            "reporter_id": entry.reporter_id,
            "reporter_name": entry.reporter_name,
            "source_platform": entry.source_platform,
            "source_channel": entry.source_channel,
            "source_link": entry.source_link,
            "source_thread": entry.source_thread,
            "assignee": entry.assignee,
            "escalation_level": entry.escalation_level.value,
            "flags": json.dumps(entry.flags),
            "search_text": _search_text(entry),
            "created_at": _iso(_stored(entry.created_at)),
            "updated_at": _iso(_stored(entry.updated_at)),
        }

    @staticmethod
    def _from_row(row: dict[str, Any]) -> Entry:
        return Entry(
            id=row["id"],
            kind=Kind(row["kind"]),
            number=row["number"],
            status=Status(row["status"]),
            title=row["title"],
            fields=json.loads(row["fields"] or "{}"),
            reporter_platform=row["reporter_platform"] or "",
            reporter_id=row["reporter_id"] or "",
            reporter_name=row["reporter_name"] or "",
            source_platform=row["source_platform"] or "",
            source_channel=row["source_channel"] or "",
            source_link=row["source_link"] or "",
            source_thread=row.get("source_thread") or "",
            assignee=row["assignee"] or "",
            escalation_level=EscalationLevel(row["escalation_level"] or "project"),
            flags=json.loads(row["flags"] or "[]"),
            reporter_count=int(row.get("reporter_count") or 1),
            created_at=_dt(row["created_at"]),
            updated_at=_dt(row["updated_at"]),
        )
