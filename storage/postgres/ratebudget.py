"""A send budget shared by every replica (Teams' per-app limit is per app, not per process):
one row per budget holds the next free slot; each send reserves the next one, atomically, on
the database's clock, and waits until it comes (a generic cell rate algorithm without burst)."""

from __future__ import annotations

from storage.postgres.database import PostgresDatabase


class PostgresRateBudget:
    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    def reserve(self, name: str, interval: float) -> float:
        """Take the next slot of `name`, slots `interval` seconds apart; seconds to wait for it."""
        with self._db.connection() as conn:
            row = conn.execute(
                "INSERT INTO rate_budget AS b (name, next_at) "
                "VALUES (%(name)s, clock_timestamp() + make_interval(secs => %(gap)s)) "
                "ON CONFLICT (name) DO UPDATE SET next_at = "
                "GREATEST(b.next_at, clock_timestamp()) + make_interval(secs => %(gap)s) "
                "RETURNING EXTRACT(EPOCH FROM "
                "(b.next_at - make_interval(secs => %(gap)s) - clock_timestamp())) AS wait",
                {"name": name, "gap": interval},
            ).fetchone()
        assert row is not None
        return max(0.0, float(row["wait"]))
