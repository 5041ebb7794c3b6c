"""Times in PostgreSQL are timestamptz; what leaves as text (web chat JSON, adapter state) is UTC
isoformat, as SQLite stores it."""

from __future__ import annotations

from datetime import UTC, datetime


def iso_or_none(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def required(value: datetime | None) -> datetime:
    assert value is not None, "a required time column is empty"
    return value
