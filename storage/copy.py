"""Moving an installation from SQLite to PostgreSQL (`fvis-bot db copy`): every table, in one
PostgreSQL transaction, counts verified; a target that holds anything is refused."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from psycopg import sql
from sqlite_utils import Database

from storage.postgres.database import Conn, PostgresDatabase
from storage.postgres.database import open_database as open_postgres
from storage.sqlite.database import open_database as open_sqlite

# Parents before children (comments and history point at entries).
FIRST = ("entries",)
# Not data: the migration records of each backend, liveness of running processes, SQLite's
# full-text index (PostgreSQL computes its own from the rows).
SKIP = frozenset({"_fvis_migrations", "_sqlite_migrations", "runs", "rate_budget"})
BATCH = 5_000


class CopyError(Exception):
    """The copy was refused or failed; nothing was written to the target."""


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # PostgreSQL's data_type
    nullable: bool
    default: str | None
    generated: bool


@dataclass(frozen=True, slots=True)
class Copied:
    table: str
    rows: int


def sqlite_path(url: str) -> Path:
    """`sqlite:///data/fvis.db` (relative) or `sqlite:////abs/fvis.db` → the file's path."""
    if not url.startswith("sqlite:///"):
        raise CopyError("--from must be sqlite:///PATH")
    path = Path(url.removeprefix("sqlite:///"))
    if not path.is_file():
        raise CopyError(f"no SQLite database at {path}")
    return path


def copy_database(source_url: str, target_url: str) -> list[Copied]:
    if not target_url.startswith(("postgresql://", "postgres://")):
        raise CopyError("--to must be postgresql://…")
    source = open_sqlite(sqlite_path(source_url))  # brought up to today's schema first
    target = open_postgres(target_url, max_size=1)
    try:
        return _copy(source, target)
    finally:
        target.close()
        source.conn.close()


def _copy(source: Database, target: PostgresDatabase) -> list[Copied]:
    with target.transaction() as conn:
        tables = _target_tables(conn)
        missing = sorted(set(_source_tables(source)) - set(tables) - SKIP)
        if missing:
            raise CopyError(f"PostgreSQL has no table for {', '.join(missing)}: nothing copied")
        filled = [t for t in tables if _has_rows(conn, t)]
        if filled:
            raise CopyError(f"the target is not empty ({', '.join(filled)}): nothing copied")
        order = [t for t in FIRST if t in tables] + [t for t in tables if t not in FIRST]
        copied = [
            Copied(table, _copy_table(source, conn, table))
            for table in order
            if table in source.table_names()
        ]
        for done in copied:
            expected = source.execute(f'SELECT COUNT(*) FROM "{done.table}"').fetchone()[0]
            if done.rows != expected:
                raise CopyError(f"{done.table}: {done.rows} rows copied of {expected}")
        return copied


def _has_rows(conn: Conn, table: str) -> bool:
    query = sql.SQL("SELECT 1 FROM {} LIMIT 1").format(sql.Identifier(table))
    return conn.execute(query).fetchone() is not None


def _source_tables(source: Database) -> list[str]:
    fts = {name for name in source.table_names() if "_fts" in name}
    return [name for name in source.table_names() if name not in fts]


def _target_tables(conn: Conn) -> list[str]:
    rows = conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    ).fetchall()
    return [row["tablename"] for row in rows if row["tablename"] not in SKIP]


def _columns(conn: Conn, table: str) -> list[Column]:
    rows = conn.execute(
        "SELECT column_name, data_type, is_nullable, column_default, is_generated "
        "FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = %s ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [
        Column(
            r["column_name"],
            r["data_type"],
            r["is_nullable"] == "YES",
            r["column_default"],
            r["is_generated"] == "ALWAYS",
        )
        for r in rows
    ]


def _copy_table(source: Database, conn: Conn, table: str) -> int:
    present = set(source.table(table).columns_dict)
    columns = [c for c in _columns(conn, table) if not c.generated and c.name in present]
    converters = [_converter(c) for c in columns]
    names = sql.SQL(", ").join(sql.Identifier(c.name) for c in columns)
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(table), names)
    count = 0
    with conn.cursor() as cursor, cursor.copy(statement) as copy:
        copy.set_types([c.type for c in columns])
        for row in _rows(source, table, [c.name for c in columns]):
            copy.write_row([convert(value) for convert, value in zip(converters, row, strict=True)])
            count += 1
    _restart_identity(conn, table, columns)
    return count


def _rows(source: Database, table: str, names: list[str]) -> Iterator[tuple[Any, ...]]:
    cursor = source.execute(
        f"SELECT {', '.join(f'[{n}]' for n in names)} FROM [{table}] ORDER BY rowid"
    )
    while batch := cursor.fetchmany(BATCH):
        yield from batch


def _converter(column: Column) -> Callable[[Any], Any]:
    """SQLite's text (ISO times, JSON) into the PostgreSQL column's type; empty into default."""
    blank: Any = None if column.nullable or column.default is None else _default(column)

    def convert(value: Any) -> Any:
        if value is None or value == "":
            return "" if value == "" and column.type == "text" else blank
        if column.type == "timestamp with time zone":
            return datetime.fromisoformat(value)
        if column.type == "date":
            return date.fromisoformat(value)
        if column.type == "jsonb":
            return json.loads(value) if isinstance(value, str) else value
        return value

    return convert


def _default(column: Column) -> Any:
    defaults: dict[str, Any] = {"text": "", "jsonb": None, "integer": 0, "bigint": 0}
    if column.type == "jsonb" and column.default:
        return json.loads(column.default.split("'")[1])
    return defaults.get(column.type)


def _restart_identity(conn: Conn, table: str, columns: list[Column]) -> None:
    for column in columns:
        if column.name in ("id", "seq") and column.type == "bigint":
            # The next id PostgreSQL gives follows the copied ones.
            conn.execute(
                "SELECT setval(pg_get_serial_sequence(%s, %s), "
                f"COALESCE((SELECT MAX({column.name}) FROM {table}), 0) + 1, false)",
                [table, column.name],
            )
