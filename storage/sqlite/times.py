"""How times are stored: UTC isoformat text, which also compares correctly as text."""

from __future__ import annotations

from datetime import UTC, datetime


def iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def iso_or_none(value: datetime | None) -> str | None:
    return iso(value) if value is not None else None


def parse(value: str) -> datetime:
    return datetime.fromisoformat(value)


def parse_or_none(value: str | None) -> datetime | None:
    return parse(value) if value else None
