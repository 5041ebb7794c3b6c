"""The delivery log port: one row per (job, target), the truth of exactly-once posting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.domain.messages import Target

OPEN: frozenset[str] = frozenset({"claimed", "waiting"})


def target_key(target: Target) -> str:
    where = f"@{target.user_id}" if target.user_id else f"#{target.channel.lstrip('#')}"
    return f"{target.platform}:{where}"


@dataclass(frozen=True, slots=True)
class DeliveryRecord:
    job: str
    item: str
    target: Target
    status: str
    message_id: str = ""
    error: str = ""
    due_at: datetime | None = None
    claimed_at: datetime | None = None
    sent_at: datetime | None = None
    withdrawn_at: datetime | None = None
    run_id: str = ""

    @property
    def key(self) -> str:
        return target_key(self.target)


@dataclass(frozen=True, slots=True)
class Claim:
    """One (job, target) to claim in claim_many."""

    job: str
    item: str
    target: Target
    due_at: datetime


@dataclass(frozen=True, slots=True)
class Finished:
    """One claimed (job, target key) recorded in finish_many."""

    job: str
    key: str
    status: str
    message_id: str = ""
    error: str = ""


class DeliveryLog(Protocol):
    def claim(
        self, *, job: str, item: str, target: Target, due_at: datetime, run_id: str, now: datetime
    ) -> bool:
        """Insert (job, target) as claimed; False when a row for it exists already, or another
        replica is inserting it in a transaction still open (it posts; no one waits for it)."""

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
        """Insert (job, target) with a final status (missed, waiting …); False if it exists."""

    def reclaim(
        self, job: str, key: str, *, from_status: Sequence[str], run_id: str, now: datetime
    ) -> bool:
        """Move an existing row to claimed (a waiting post whose adapter now runs); True if moved."""

    def claim_many(
        self, claims: Sequence[Claim], *, run_id: str, now: datetime
    ) -> set[tuple[str, str]]:
        """claim() for each, in one statement where the backend can: the (job, target key)
        pairs this call claimed."""

    def finish(
        self,
        job: str,
        key: str,
        *,
        status: str,
        now: datetime,
        message_id: str = "",
        error: str = "",
    ) -> None: ...

    def finish_many(self, finished: Sequence[Finished], *, now: datetime) -> None:
        """finish() for each, in one statement where the backend can."""

    def get(self, job: str, key: str) -> DeliveryRecord | None: ...

    def for_job(self, job: str) -> list[DeliveryRecord]: ...

    def for_item(self, item: str) -> list[DeliveryRecord]: ...

    def for_items(self, items: Sequence[str]) -> dict[str, list[DeliveryRecord]]: ...

    def between(self, prefix: str, start: datetime, end: datetime) -> list[DeliveryRecord]:
        """Rows of jobs starting with `prefix` sent, or else due, in [start, end)."""

    def handled_jobs(self, prefix: str) -> set[str]:
        """Every job with at least one row, among jobs starting with `prefix`."""

    def beat(self, run_id: str, now: datetime) -> None:
        """The process of `run_id` is alive at `now`: its claims are being posted, not stale."""

    def settle_stale(
        self, run_id: str, *, prefix: str, alive_after: datetime, error: str
    ) -> list[DeliveryRecord]:
        """Mark `unconfirmed` (with `error`) the claims on items starting with `prefix` made by
        any run but `run_id` that has not been seen alive after `alive_after`: that process
        stopped between claim and post. The rows this call marked, each marked by one caller
        only however many replicas settle at once."""

    def waiting(self) -> list[DeliveryRecord]: ...
