"""Swedish working days, and the days an overdue milestone's owner is nudged: every working day
for the first week after the date, then once a week (the first working day of each further
week), until it is decided, reached or moved."""

from __future__ import annotations

import functools
from datetime import date, timedelta

import holidays

_WORKDAY_CATEGORIES = ("public", "de_facto")  # as bot/text/timeparse: julafton etc. are not worked
DAILY_NUDGE_DAYS = 7


@functools.lru_cache(maxsize=16)
def _closed_days(year: int) -> frozenset[date]:
    days = holidays.country_holidays("SE", years=year, categories=_WORKDAY_CATEGORIES)
    return frozenset(days)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _closed_days(day.year)


def next_working_day(day: date) -> date:
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def working_day_from(day: date) -> date:
    """The day itself if it is worked, else the next working day."""
    return day if is_working_day(day) else next_working_day(day)


def is_nudge_day(due: date, day: date) -> bool:
    late = (day - due).days
    if late <= 0 or not is_working_day(day):
        return False
    if late <= DAILY_NUDGE_DAYS:
        return True
    weeks = late // 7
    return weeks >= 2 and day == working_day_from(due + timedelta(weeks=weeks))


def next_nudge_day(due: date, start: date) -> date:
    """The first nudge day on or after `start`."""
    day = max(start, due + timedelta(days=1))
    while not is_nudge_day(due, day):
        day += timedelta(days=1)
    return day
