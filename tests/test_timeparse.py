"""Table tests for bot.timeparse against fixed clocks (exact values, Europe/Stockholm)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Literal
from zoneinfo import ZoneInfo

import pytest

from bot.text.timeparse import parse_when, quarter_or_date_due

SE = "Europe/Stockholm"
Z = ZoneInfo(SE)
WED = datetime(2026, 11, 25, 10, 0, tzinfo=Z)  # Wednesday
FRI = datetime(2026, 11, 27, 10, 0, tzinfo=Z)  # Friday: same weekday as "fredag"
EARLY = datetime(2026, 11, 25, 6, 0, tzinfo=Z)  # Wednesday before 07:00 and 09:00
MAR20 = datetime(2026, 3, 20, 10, 0, tzinfo=Z)  # just after 15 March
MAR10 = datetime(2026, 3, 10, 10, 0, tzinfo=Z)  # just before 15 March


def at(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=Z)


Prefer = Literal["future", "past"]

CASES: list[tuple[str, datetime, Prefer, datetime]] = [
    # Wednesday, future
    ("imorgon 14:00", WED, "future", at(2026, 11, 26, 14)),
    ("i morgon kl 8", WED, "future", at(2026, 11, 26, 8)),
    ("idag 16:30", WED, "future", at(2026, 11, 25, 16, 30)),
    ("nästa fredag kl 9", WED, "future", at(2026, 11, 27, 9)),
    ("på fredag kl 9", WED, "future", at(2026, 11, 27, 9)),
    ("måndag 8:00", WED, "future", at(2026, 11, 30, 8)),
    ("den 3 december kl 10", WED, "future", at(2026, 12, 3, 10)),
    ("3/12 10:00", WED, "future", at(2026, 12, 3, 10)),
    ("15 mars 2027", WED, "future", at(2027, 3, 15)),
    ("15 mars", WED, "future", at(2027, 3, 15)),
    ("om 20 minuter", WED, "future", at(2026, 11, 25, 10, 20)),
    ("om en vecka", WED, "future", at(2026, 12, 2, 10)),
    ("om två veckor", WED, "future", at(2026, 12, 9, 10)),
    ("om tre dagar", WED, "future", at(2026, 11, 28, 10)),
    ("övermorgon", WED, "future", at(2026, 11, 27, 10)),
    ("next Friday at 9", WED, "future", at(2026, 11, 27, 9)),
    ("tomorrow 2pm", WED, "future", at(2026, 11, 26, 14)),
    ("in 2 hours", WED, "future", at(2026, 11, 25, 12)),
    ("kl 9", WED, "future", at(2026, 11, 26, 9)),  # 09:00 has passed -> tomorrow
    ("kl 14.30", WED, "future", at(2026, 11, 25, 14, 30)),
    ("Imorgon kl. 14!", WED, "future", at(2026, 11, 26, 14)),
    ("om ett dygn", WED, "future", at(2026, 11, 26, 10)),
    ("on Friday at 9:30", WED, "future", at(2026, 11, 27, 9, 30)),
    ("nästa fredag kl 9", WED, "past", at(2026, 11, 27, 9)),  # "nästa" forces future
    # Wednesday, past (when a deviation happened)
    ("igår kl 14", WED, "past", at(2026, 11, 24, 14)),
    ("i förrgår 07:30", WED, "past", at(2026, 11, 23, 7, 30)),
    ("i morse", WED, "past", at(2026, 11, 25, 7)),
    ("i morse kl 6", WED, "past", at(2026, 11, 25, 6)),
    ("3/12 10:00", WED, "past", at(2025, 12, 3, 10)),
    ("15 mars", WED, "past", at(2026, 3, 15)),
    ("för 2 timmar sedan", WED, "past", at(2026, 11, 25, 8)),
    ("för 2 timmar sen", WED, "past", at(2026, 11, 25, 8)),
    ("2 hours ago", WED, "past", at(2026, 11, 25, 8)),
    ("kl 14", WED, "past", at(2026, 11, 24, 14)),
    ("i fredags kl 9", WED, "past", at(2026, 11, 20, 9)),
    ("i fredags kl 9", WED, "future", at(2026, 11, 20, 9)),  # "i fredags" forces past
    ("förra fredagen", WED, "future", at(2026, 11, 20)),
    # Friday: "fredag" never means today's (partly past) Friday
    ("nästa fredag kl 9", FRI, "future", at(2026, 12, 4, 9)),
    ("på fredag kl 9", FRI, "future", at(2026, 12, 4, 9)),
    ("fredag kl 14", FRI, "future", at(2026, 12, 4, 14)),
    ("måndag 8:00", FRI, "future", at(2026, 11, 30, 8)),
    ("imorgon 14:00", FRI, "future", at(2026, 11, 28, 14)),
    ("övermorgon", FRI, "future", at(2026, 11, 29, 10)),
    ("kl 9", FRI, "future", at(2026, 11, 28, 9)),
    ("kl 14", FRI, "future", at(2026, 11, 27, 14)),
    ("den 3 december kl 10", FRI, "future", at(2026, 12, 3, 10)),
    ("igår kl 14", FRI, "past", at(2026, 11, 26, 14)),
    ("fredag 9:00", FRI, "past", at(2026, 11, 20, 9)),
    # Early morning
    ("kl 9", EARLY, "future", at(2026, 11, 25, 9)),  # still ahead -> today
    ("i morse", EARLY, "past", EARLY),  # clamped: cannot be later than now
    # Dates without a year, either side of 15 March
    ("15 mars", MAR20, "future", at(2027, 3, 15)),
    ("15 mars", MAR20, "past", at(2026, 3, 15)),
    ("15 mars", MAR10, "future", at(2026, 3, 15)),
    ("15 mars", MAR10, "past", at(2025, 3, 15)),
    # Summer time comes out with +02:00
    ("den 3 juli kl 10", WED, "future", datetime(2027, 7, 3, 10, tzinfo=Z)),
]


@pytest.mark.parametrize(("text", "now", "prefer", "expected"), CASES)
def test_parse_when(text: str, now: datetime, prefer: Prefer, expected: datetime) -> None:
    got = parse_when(text, now=now, prefer=prefer)
    assert got is not None
    # Same instant, same wall clock, same zone.
    assert (got, got.replace(tzinfo=None), str(got.tzinfo)) == (
        expected,
        expected.replace(tzinfo=None),
        SE,
    )


def test_summer_offset() -> None:
    got = parse_when("den 3 juli kl 10", now=WED)
    assert got is not None and got.isoformat() == "2027-07-03T10:00:00+02:00"


def test_now_in_utc_is_converted() -> None:
    now_utc = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # 10:00 in Stockholm
    got = parse_when("kl 9", now=now_utc)
    assert got is not None and got.isoformat() == "2026-11-26T09:00:00+01:00"


def test_other_tz() -> None:
    got = parse_when("imorgon 14:00", now=WED, tz="UTC")
    assert got is not None and got.isoformat() == "2026-11-26T14:00:00+00:00"


@pytest.mark.parametrize(
    "text",
    [
        "hej",
        "",
        "   ",
        "blabla 99",
        "5",
        "två",
        "a",
        "1430",
        "1700000000",
        "13/13",
        "31/12 99999",
        "9999-12-31 23:59",
        "kl 25",
        # impossible dates and times: never wrapped or swapped into another moment
        "2025-13-02",
        "2020-13-01",
        "2025-02-30",
        "2025-02-29",
        "igår kl 25",
        "kl 24:00",
        "idag 10:61",
        "2025-12-02 25:00",
        "32.12.2025",
        "31/4 2026-04-31",
        "\x00",
        "🙂",
        "x" * 5000,
    ],
)
def test_not_a_time(text: str) -> None:
    assert parse_when(text, now=WED) is None
    assert parse_when(text, now=WED, prefer="past") is None


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        parse_when("kl 9", now=datetime(2026, 11, 25, 10))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-05-05", date(2020, 5, 5)),
        (" 2022-q3 ", date(2022, 9, 30)),
        ("2022 Q3", date(2022, 9, 30)),
        ("2022-Q1", date(2022, 3, 31)),
        ("2022-Q4", date(2022, 12, 30)),  # 31 Dec 2022 is a Saturday
        ("2023-Q3", date(2023, 9, 29)),  # 30 Sep 2023 is a Saturday
        ("2023-Q4", date(2023, 12, 29)),  # 31 Dec 2023 is a Sunday
        ("2024-Q1", date(2024, 3, 28)),  # 29 Mar 2024 is Good Friday, then a weekend
        ("2021-Q2", date(2021, 6, 30)),
        ("2020-Q4", date(2020, 12, 30)),  # 31 Dec 2020 (Thu) is nyårsafton
        ("2025-Q4", date(2025, 12, 30)),  # 31 Dec 2025 (Wed) is nyårsafton
        ("2025-Q3", date(2025, 9, 30)),
    ],
)
def test_quarter_or_date_due(value: str, expected: date) -> None:
    assert quarter_or_date_due(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "expected a date"),
        ("Q3", "expected a date"),
        ("2022-Q5", "expected a date"),
        ("blabla", "expected a date"),
        ("2020-13-01", "not a valid date"),
        ("2022-02-30", "not a valid date"),
        ("0000-Q1", "year out of range"),
    ],
)
def test_quarter_or_date_due_garbage(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        quarter_or_date_due(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-02-29", at(2024, 2, 29)),
        ("2025-12-31 23:59", at(2025, 12, 31, 23, 59)),
        ("31.12.2025", at(2025, 12, 31)),
        ("igår kl 23:59", at(2026, 11, 24, 23, 59)),
    ],
)
def test_the_last_possible_dates_and_times_pass(text: str, expected: datetime) -> None:
    assert parse_when(text, now=WED, prefer="past") == expected
