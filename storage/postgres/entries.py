"""Entries in PostgreSQL: numbered per kind across replicas, comments, history, full-text search
with Swedish stemming (a GIN index on a generated tsvector)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from psycopg.types.json import Jsonb

from bot.domain.kinds import FIELDS
from bot.domain.model import Change, Comment, Entry, EscalationLevel, Kind, Status
from bot.ports.clock import Clock
from bot.ports.entries import EntryQuery
from storage.postgres.database import LOCK_SPACE, Conn, PostgresDatabase
from storage.postgres.times import required

_WORD = re.compile(r"\w+")
# What an Entry is made of (not the search columns).
COLUMNS = (
    "id, kind, number, status, title, fields, reporter_platform, reporter_id, reporter_name, "
    "source_platform, source_channel, source_link, source_thread, assignee, escalation_level, "
    "flags, created_at, updated_at, "
    # How many reported it: the first reporter and those who joined ("Samma sak").
    "(SELECT 1 + COUNT(*) FROM entry_people p WHERE p.entry_id = entries.id "
    "AND p.role = 'reporter') AS reporter_count"
)

# Most urgent first: an issue's urgency, a need's priority, a deviation's or risk's risk value;
# then the oldest. (A scale that is not a number counts as none.)
_SCALE = "(CASE WHEN fields->>'{0}' ~ '^[0-9]+$' THEN (fields->>'{0}')::int ELSE 0 END)"
_RISK = f"({_SCALE.format('consequence')} * {_SCALE.format('probability')})"
URGENCY_ORDER = f"""(CASE
    WHEN fields->>'urgency' = 'critical' THEN 4
    WHEN fields->>'urgency' = 'high' OR fields->>'priority' = 'high' THEN 3
    WHEN fields->>'urgency' = 'normal' OR fields->>'priority' = 'medium' THEN 2
    WHEN {_RISK} >= 12 THEN 4
    WHEN {_RISK} >= 8 THEN 3
    WHEN {_RISK} >= 4 THEN 2
    ELSE 1 END) DESC, created_at ASC, id ASC"""


def ts_query(words: str) -> str:
    """Every word must match, as a prefix of a stemmed word; only word characters reach
    to_tsquery, so its syntax stays out of users' hands. PostgreSQL's parser reads the "-3" of
    "BEH-3" as a signed number: a number also matches with a minus before it (as SQLite's
    tokenizer finds 3 in BEH-3)."""
    return " & ".join(
        f"('{token}':* | '-{token}':*)" if token.isdigit() else f"'{token}':*"
        for token in _WORD.findall(words)
    )


def entry_conditions(
    kinds: Sequence[Kind], statuses: Sequence[Status], reporter: str | None, prefix: str = ""
) -> tuple[list[str], list[Any]]:
    """SQL conditions on entries by kind, status and reporter ("platform:user_id")."""
    where: list[str] = []
    params: list[Any] = []
    if kinds:
        where.append(f"{prefix}kind = ANY(%s)")
        params.append([kind.value for kind in kinds])
    if statuses:
        where.append(f"{prefix}status = ANY(%s)")
        params.append([status.value for status in statuses])
    if reporter is not None:
        # Theirs: logged by them, or joined as the same thing ("Samma sak – lägg till mig").
        platform, _, user_id = reporter.partition(":")
        where.append(
            f"(({prefix}reporter_platform = %s AND {prefix}reporter_id = %s) OR {prefix}id IN "
            "(SELECT entry_id FROM entry_people WHERE role = 'reporter' "
            "AND platform = %s AND user_id = %s))"
        )
        params.extend([platform, user_id, platform, user_id])
    return where, params


def search_text(entry: Entry) -> str:
    parts = [entry.ref]
    for spec in FIELDS[entry.kind]:
        value = entry.fields.get(spec.name)
        if spec.free_text and value:
            parts.append(str(value))
    return "\n".join(parts)


def from_row(row: dict[str, Any]) -> Entry:
    return Entry(
        id=row["id"],
        kind=Kind(row["kind"]),
        number=row["number"],
        status=Status(row["status"]),
        title=row["title"],
        fields=row["fields"] or {},
        reporter_platform=row["reporter_platform"],
        reporter_id=row["reporter_id"],
        reporter_name=row["reporter_name"],
        source_platform=row["source_platform"],
        source_channel=row["source_channel"],
        source_link=row["source_link"],
        source_thread=row.get("source_thread") or "",
        assignee=row["assignee"],
        escalation_level=EscalationLevel(row["escalation_level"] or "project"),
        flags=list(row["flags"] or []),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        reporter_count=int(row.get("reporter_count") or 1),
    )


def _values(entry: Entry) -> dict[str, Any]:
    return {
        "kind": entry.kind.value,
        "number": entry.number,
        "status": entry.status.value,
        "title": entry.title,
        "fields": Jsonb(entry.fields),
        "reporter_platform": entry.reporter_platform,
        "reporter_id": entry.reporter_id,
        "reporter_name": entry.reporter_name,
        "source_platform": entry.source_platform,
        "source_channel": entry.source_channel,
        "source_link": entry.source_link,
        "source_thread": entry.source_thread,
        "assignee": entry.assignee,
        "escalation_level": entry.escalation_level.value,
        "flags": Jsonb(entry.flags),
        "search_text": search_text(entry),
        "created_at": required(entry.created_at),
        "updated_at": required(entry.updated_at),
    }


class PostgresEntryRepository:
    def __init__(self, db: PostgresDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def create(self, entry: Entry, *, dedupe_key: str = "") -> tuple[Entry, bool]:
        with self._db.transaction() as conn:
            if dedupe_key and (found := self.by_dedupe_key(dedupe_key)) is not None:
                return found, False
            # One numbering per kind at a time, held until this transaction commits: numbers
            # are gap-free and unique whichever replica gives them (a rollback gives its back).
            conn.execute(
                "SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [LOCK_SPACE, entry.kind.value]
            )
            number = conn.execute(
                "SELECT COALESCE(MAX(number), 0) + 1 AS next FROM entries WHERE kind = %s",
                [entry.kind.value],
            ).fetchone()
            entry.number = int(required_row(number)["next"])
            entry.created_at = entry.created_at or self._clock.now()
            entry.updated_at = entry.created_at
            values = {**_values(entry), "dedupe_key": dedupe_key or None}
            inserted = conn.execute(
                f"INSERT INTO entries ({', '.join(values)}) "
                f"VALUES ({', '.join('%s' for _ in values)}) "
                "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
                list(values.values()),
            ).fetchone()
            if inserted is None:  # the same key committed meanwhile on another replica
                found = self.by_dedupe_key(dedupe_key)
                assert found is not None
                return found, False
            entry.id = int(inserted["id"])
            self._insert_history(conn, entry.id, entry.history)
        return entry, True

    def by_dedupe_key(self, key: str) -> Entry | None:
        return self._one("dedupe_key = %s", [key])

    def get(self, kind: Kind, number: int) -> Entry | None:
        entry = self._one("kind = %s AND number = %s", [kind.value, number])
        if entry is None:
            return None
        with self._db.connection() as conn:
            comments = conn.execute(
                "SELECT * FROM comments WHERE entry_id = %s ORDER BY id", [entry.id]
            ).fetchall()
            history = conn.execute(
                "SELECT * FROM history WHERE entry_id = %s ORDER BY id", [entry.id]
            ).fetchall()
        entry.comments = [
            Comment(r["author_id"], r["author_name"], r["text"], r["at"]) for r in comments
        ]
        entry.history = [
            Change(r["actor_id"], r["actor_name"], r["field"], r["old"], r["new"], r["at"])
            for r in history
        ]
        return entry

    def find(self, query: EntryQuery) -> tuple[list[Entry], int]:
        where, params = entry_conditions(query.kinds, query.statuses, query.reporter)
        if not query.include_deviations:
            where.append("kind <> %s")
            params.append(Kind.DEVIATION.value)
        if query.assignee is not None:
            where.append("assignee = %s")
            params.append(query.assignee)
        if query.unassigned:
            where.append("assignee = ''")
        if query.text:
            match = ts_query(query.text)
            if not match:
                return [], 0
            where.append("search @@ to_tsquery('fvis_swedish'::regconfig, %s)")
            params.append(match)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        if query.text and query.order != "urgency" and len(_WORD.findall(query.text)) > 1:
            return self._find_words(clause, params, query)
        with self._db.connection() as conn:
            order = URGENCY_ORDER if query.order == "urgency" else "id DESC"
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM entries {clause} ORDER BY {order} LIMIT %s",
                [*params, query.limit],
            ).fetchall()
            if len(rows) < query.limit and len(rows) <= query.count_cap:
                # The page holds every match: it is the count (a second scan saved).
                return [from_row(row) for row in rows], len(rows)
            # Past the cap, "more than" is all a person needs to know: no full count.
            total = conn.execute(
                f"SELECT COUNT(*) AS n FROM (SELECT 1 FROM entries {clause} LIMIT %s) AS hits",
                [*params, query.count_cap + 1],
            ).fetchone()
        return [from_row(row) for row in rows], int(required_row(total)["n"])

    def _find_words(
        self, clause: str, params: list[Any], query: EntryQuery
    ) -> tuple[list[Entry], int]:
        """Several words, newest first, in one scan: the matches' ids once (the GIN index and
        the rows it points to), counted up to the cap and the page taken from them. The
        planner much underestimates an AND of prefix matches (40 rows for 14 000), so the two
        queries find() makes would each scan and sort every match."""
        with self._db.connection() as conn:
            rows = conn.execute(
                f"WITH hits AS MATERIALIZED (SELECT id FROM entries {clause}), "
                "page AS (SELECT id FROM hits ORDER BY id DESC LIMIT %s) "
                "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM hits LIMIT %s) AS capped) AS hit_count, "
                f"{COLUMNS} FROM entries WHERE id IN (SELECT id FROM page) ORDER BY id DESC",
                [*params, query.limit, query.count_cap + 1],
            ).fetchall()
        return [from_row(row) for row in rows], int(rows[0]["hit_count"]) if rows else 0

    def update(self, entry: Entry, changes: Sequence[Change]) -> None:
        if entry.id is None:
            raise ValueError("entry is not stored")
        entry.updated_at = changes[-1].at if changes else self._clock.now()
        values = _values(entry)
        with self._db.transaction() as conn:
            conn.execute(
                f"UPDATE entries SET {', '.join(f'{name} = %s' for name in values)} WHERE id = %s",
                [*values.values(), entry.id],
            )
            self._insert_history(conn, entry.id, changes)

    def add_comment(self, entry: Entry, comment: Comment) -> None:
        if entry.id is None:
            raise ValueError("entry is not stored")
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO comments (entry_id, author_id, author_name, text, at) "
                "VALUES (%s, %s, %s, %s, %s)",
                [entry.id, comment.author_id, comment.author_name, comment.text, comment.at],
            )
            conn.execute("UPDATE entries SET updated_at = %s WHERE id = %s", [comment.at, entry.id])
        entry.comments.append(comment)

    @staticmethod
    def _insert_history(conn: Conn, entry_id: int, changes: Sequence[Change]) -> None:
        if not changes:
            return
        with conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO history (entry_id, actor_id, actor_name, field, old, new, at) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [
                    (entry_id, c.actor_id, c.actor_name, c.field, c.old, c.new, c.at)
                    for c in changes
                ],
            )

    def _one(self, condition: str, params: list[Any]) -> Entry | None:
        with self._db.connection() as conn:
            row = conn.execute(
                f"SELECT {COLUMNS} FROM entries WHERE {condition}", params
            ).fetchone()
        return from_row(row) if row else None


def required_row(row: dict[str, Any] | None) -> dict[str, Any]:
    assert row is not None, "an aggregate returns a row"
    return row
