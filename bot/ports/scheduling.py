"""Ports of the scheduler: work it wakes, and the wake-up calls services make."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol


class Work(Protocol):
    """One kind of scheduled work, read from the database."""

    def upcoming(self, now: datetime) -> Iterable[tuple[str, datetime]]:
        """(job id, when) of every coming instant after `now`."""

    async def run_due(self, now: datetime) -> None:
        """Do everything due at `now` that is not done yet (claims make this idempotent)."""

    async def recover(self, now: datetime) -> None:
        """At start, before anything runs: settle what a stopped process left half-done."""


class Wakeups(Protocol):
    """What services call when an item changes: the scheduler's timers follow the database."""

    def schedule(self, job_id: str, when: datetime) -> None: ...

    def unschedule(self, job_id: str) -> None: ...
