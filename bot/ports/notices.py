"""Ports of the loops around an entry: who else reported it or follows it, similar open entries,
each person's choice of notices (one by one or a daily digest) and the digest's queue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.domain.model import Entry, Kind, Reporter


class EntryPeople(Protocol):
    def add_reporter(self, entry_id: int, reporter: Reporter) -> bool:
        """Count one more reporter on the entry; False if they are counted already."""

    def reporters(self, entry_id: int) -> list[Reporter]:
        """Those who joined, in the order they did."""

    def add_followers(self, entry_id: int, keys: Sequence[str]) -> None:
        """People (programme ids) told of it as the level it was escalated to."""

    def followers(self, entry_id: int) -> list[str]: ...

    def reporter_counts(self, entry_ids: Sequence[int]) -> dict[int, int]:
        """How many have reported each entry, the first reporter included."""


class SimilarEntries(Protocol):
    def similar(self, kind: Kind, text: str, *, limit: int) -> list[Entry]:
        """Open entries of this kind whose title and text share the most words with `text`,
        best first (full-text ranking)."""


@dataclass(frozen=True, slots=True)
class DigestItem:
    id: int
    person_key: str
    platform: str
    user_id: str
    locale: str
    ref: str
    at: datetime


class NoticeSettings(Protocol):
    """Per person: new entries one by one (the default) or gathered in a daily digest."""

    def daily_digest(self, person_key: str) -> bool | None:
        """The person's own choice; None when they never made one."""

    def set_daily_digest(self, person_key: str, daily: bool) -> None: ...

    def queue(self, *, person_key: str, platform: str, user_id: str, locale: str, ref: str) -> None:
        """Keep a notice for the person's next digest."""

    def queued(self) -> list[DigestItem]:
        """Every notice not yet sent in a digest, oldest first."""

    def mark_sent(self, ids: Sequence[int]) -> None: ...
