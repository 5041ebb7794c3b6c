"""Migration sets for PostgreSQL, shaped like sqlite-utils' `Migrations` so both backends read
alike: functions registered in a named set, applied in order, each in its own transaction and
recorded (set, name) in `_fvis_migrations`. storage/postgres/database.py runs them under an
advisory lock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from psycopg import Connection

Conn = Connection[dict[str, Any]]
Step = Callable[[Conn], None]

TABLE = "_fvis_migrations"


def ensure_table(conn: Conn) -> None:
    conn.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} (migration_set text NOT NULL, name text NOT NULL, "
        "applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (migration_set, name))"
    )


class Migrations:
    def __init__(self, name: str) -> None:
        self.name = name
        self._steps: list[tuple[str, Step]] = []

    def __call__(self) -> Callable[[Step], Step]:
        def register(step: Step) -> Step:
            if any(name == step.__name__ for name, _ in self._steps):
                raise ValueError(f"migration {step.__name__} is in set {self.name} already")
            self._steps.append((step.__name__, step))
            return step

        return register

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self._steps]

    def pending(self, conn: Conn) -> list[str]:
        rows = conn.execute(
            f"SELECT name FROM {TABLE} WHERE migration_set = %s", [self.name]
        ).fetchall()
        done = {row["name"] for row in rows}
        return [name for name in self.names if name not in done]

    def apply(self, conn: Conn) -> list[str]:
        applied = []
        steps = dict(self._steps)
        for name in self.pending(conn):
            with conn.transaction():
                steps[name](conn)
                conn.execute(
                    f"INSERT INTO {TABLE} (migration_set, name) VALUES (%s, %s)", [self.name, name]
                )
            applied.append(name)
        return applied
